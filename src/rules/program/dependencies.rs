//! Per question, what a change of its answer can reach: the answers (through
//! ask-conditions), for the incremental what-if search.

use super::to_u32;
use crate::rules::expr::{CmpOp, Expr};
use crate::rules::{Question, QuestionKind, Rule};

/// Per question, what a change of its answer can reach.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Dependencies {
    /// `affects[q]`: questions whose effective answer can change with `q`'s, in question order (`q` first).
    pub(crate) affects: Vec<Vec<u32>>,
    /// `thresholds[q]`: the literals integer question `q` is compared with, in any rule or
    /// ask-condition, operator normalised so the question is on the left ([`Expr::int_thresholds`]).
    ///
    /// [`Expr::int_thresholds`]: crate::rules::expr::Expr::int_thresholds
    pub(crate) thresholds: Vec<Vec<(CmpOp, i64)>>,
    /// `candidates[q]`: for integer question `q`, the values on both sides of each of its
    /// thresholds, sorted, without repeats: between two of them every condition is constant.
    pub(crate) candidates: Vec<Vec<i64>>,
    /// What the what-if search charges for one trial: the size of every condition
    /// (rules' and ask-conditions' text, one more per rule and question) and one per approach.
    pub(crate) trial_cost: u64,
    /// Whether scores can never saturate (every approach's total absolute weight fits `i32`),
    /// so adding and removing a rule's weights gives the same score as summing from scratch.
    pub(crate) exact: bool,
}

impl Dependencies {
    pub(crate) fn new(approach_count: usize, questions: &[Question], rules: &[Rule]) -> Dependencies {
        let count = questions.len();
        let scoring: Vec<&Rule> = rules.iter().filter(|r| r.is_scoring()).collect();
        // The edges, reversed: `askers[k]` are the questions whose ask-condition reads `k`.
        // (Built before validation finishes, so an index may be out of range: it reaches nothing.)
        let mut askers = vec![Vec::new(); count];
        for (j, question) in questions.iter().enumerate() {
            for k in question.ask_when.as_ref().map(|c| c.expr.questions()).unwrap_or_default() {
                if let Some(list) = askers.get_mut(k.index()) {
                    list.push(j);
                }
            }
        }
        // Each question's reach, by a walk along those edges: the cost is the size of
        // what is reached, not the number of questions.
        let mut affects = Vec::with_capacity(count);
        let mut reached = vec![false; count];
        for q in 0..count {
            let mut found = vec![q];
            reached[q] = true;
            let mut next = 0;
            while let Some(&k) = found.get(next) {
                next += 1;
                for &j in &askers[k] {
                    if !reached[j] {
                        reached[j] = true;
                        found.push(j);
                    }
                }
            }
            for &j in &found {
                reached[j] = false;
            }
            // Question order: a change is re-resolved down the questions.
            found.sort_unstable();
            affects.push(found.into_iter().map(to_u32).collect());
        }
        let mut total = vec![0_i64; approach_count];
        for rule in &scoring {
            for &(approach, weight) in &rule.effects {
                if let Some(total) = total.get_mut(approach.index()) {
                    *total += i64::from(weight).abs();
                }
            }
        }
        let exact = total.iter().all(|&t| t <= i64::from(i32::MAX));
        let conditions: Vec<&Expr> = rules
            .iter()
            .map(|r| &r.when.expr)
            .chain(questions.iter().filter_map(|q| q.ask_when.as_ref().map(|c| &c.expr)))
            .collect();
        // Condition by condition, for the integer questions each reads (not every
        // condition for every question: a rule file may have thousands of both).
        let mut thresholds = vec![Vec::new(); count];
        for condition in conditions {
            for q in condition.questions() {
                if let (Some(QuestionKind::Integer { .. }), Some(list)) =
                    (questions.get(q.index()).map(|question| &question.kind), thresholds.get_mut(q.index()))
                {
                    list.extend(condition.int_thresholds(q));
                }
            }
        }
        let candidates = thresholds
            .iter()
            .map(|list| {
                let mut values: Vec<i64> = list
                    .iter()
                    .flat_map(|&(op, v)| match op {
                        // Each comparison changes truth between these neighbours.
                        CmpOp::Lt | CmpOp::Ge => [v.saturating_sub(1), v, v],
                        CmpOp::Le | CmpOp::Gt => [v, v.saturating_add(1), v],
                        CmpOp::Eq | CmpOp::Ne => [v.saturating_sub(1), v, v.saturating_add(1)],
                    })
                    .collect();
                values.sort_unstable();
                values.dedup();
                values
            })
            .collect();
        let text = |condition: Option<&crate::rules::Condition>| condition.map_or(0, |c| c.text.len()) + 1;
        let trial_cost = rules.iter().map(|r| text(Some(&r.when))).sum::<usize>()
            + questions.iter().map(|q| text(q.ask_when.as_ref())).sum::<usize>()
            + approach_count;
        Dependencies { affects, thresholds, candidates, trial_cost: trial_cost as u64, exact }
    }

    /// The values the what-if search tries for integer question `q` (see `candidates`).
    pub(crate) fn int_candidates(&self, q: usize) -> &[i64] {
        self.candidates.get(q).map_or(&[], Vec::as_slice)
    }

    /// The literals integer question `q` is compared with, in rules and ask-conditions.
    pub(crate) fn int_thresholds(&self, q: usize) -> &[(CmpOp, i64)] {
        self.thresholds.get(q).map_or(&[], Vec::as_slice)
    }
}
