//! Per question, what a change of its answer can reach: the answers (through
//! ask-conditions) and the scoring rules reading them, for the incremental what-if search.

use super::to_u32;
use crate::rules::expr::{CmpOp, Expr};
use crate::rules::{Question, QuestionKind, Rule};

/// Per question, what a change of its answer can reach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Dependencies {
    /// `affects[q]`: questions whose effective answer can change with `q`'s, in question order (`q` first).
    pub(crate) affects: Vec<Vec<u32>>,
    /// `readers[q]`: positions (in the program's scoring rules) of the rules reading one of `affects[q]`.
    pub(crate) readers: Vec<Vec<u32>>,
    /// `thresholds[q]`: the literals integer question `q` is compared with, in any rule or
    /// ask-condition, operator normalised so the question is on the left ([`Expr::int_thresholds`]).
    ///
    /// [`Expr::int_thresholds`]: crate::rules::expr::Expr::int_thresholds
    pub(crate) thresholds: Vec<Vec<(CmpOp, i64)>>,
    /// Whether scores can never saturate (every approach's total absolute weight fits `i32`),
    /// so adding and removing a rule's weights gives the same score as summing from scratch.
    pub(crate) exact: bool,
}

impl Dependencies {
    pub(crate) fn new(approach_count: usize, questions: &[Question], rules: &[Rule]) -> Dependencies {
        let scoring: Vec<&Rule> = rules.iter().filter(|r| r.is_scoring()).collect();
        let asked_from: Vec<Vec<usize>> =
            questions.iter().map(|q| q.ask_when.as_ref().map(|c| c.expr.questions()).unwrap_or_default()).collect();
        let read_by: Vec<Vec<usize>> = scoring.iter().map(|r| r.when.expr.questions()).collect();
        let mut affects = Vec::with_capacity(questions.len());
        let mut readers = Vec::with_capacity(questions.len());
        for q in 0..questions.len() {
            // Ask-conditions read only earlier questions, so one pass in question order is enough.
            // (Built before validation finishes, so an index may be out of range: it reaches nothing.)
            let mut reached = vec![false; questions.len()];
            reached[q] = true;
            for j in q + 1..questions.len() {
                reached[j] = asked_from[j].iter().any(|&k| reached.get(k) == Some(&true));
            }
            affects.push((q..questions.len()).filter(|&j| reached[j]).map(to_u32).collect());
            readers.push(
                (0..scoring.len())
                    .filter(|&r| read_by[r].iter().any(|&k| reached.get(k) == Some(&true)))
                    .map(to_u32)
                    .collect(),
            );
        }
        let mut total = vec![0_i64; approach_count];
        for rule in &scoring {
            for &(approach, weight) in &rule.effects {
                if let Some(total) = total.get_mut(approach) {
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
        let thresholds = (0..questions.len())
            .map(|q| match questions[q].kind {
                QuestionKind::Integer { .. } => conditions.iter().flat_map(|e| e.int_thresholds(q)).collect(),
                _ => Vec::new(),
            })
            .collect();
        Dependencies { affects, readers, thresholds, exact }
    }

    /// The literals integer question `q` is compared with, in rules and ask-conditions.
    pub(crate) fn int_thresholds(&self, q: usize) -> &[(CmpOp, i64)] {
        self.thresholds.get(q).map_or(&[], Vec::as_slice)
    }
}
