//! Single-answer changes re-evaluated incrementally, for the what-if search.
//!
//! Changing one answer can change only that answer, the answers whose
//! ask-conditions read it (they may stop or start applying), and so on down
//! the questions; and only rules reading one of those can change their
//! truth. `Dependencies` lists both per question, once per rule set.
//! [`Trials`] keeps the base evaluation's atoms, scores, veto counts and
//! fired scoring rules, and for a trial re-resolves the affected answers,
//! re-evaluates the atoms reading them and the affected rules, and adjusts
//! the scores by the difference.

use super::compiled::{Decision, Program};
use crate::rules::expr::{CmpOp, Expr};
use crate::rules::{ApproachIndex, Question, QuestionKind, Rule, RuleSet, Value};

/// Per question, what a change of its answer can reach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Dependencies {
    /// `affects[q]`: questions whose effective answer can change with `q`'s, in question order (`q` first).
    affects: Vec<Vec<u32>>,
    /// `readers[q]`: positions (in the program's scoring rules) of the rules reading one of `affects[q]`.
    readers: Vec<Vec<u32>>,
    /// `thresholds[q]`: the literals integer question `q` is compared with, in any rule or
    /// ask-condition, operator normalised so the question is on the left ([`Expr::int_thresholds`]).
    ///
    /// [`Expr::int_thresholds`]: crate::rules::expr::Expr::int_thresholds
    thresholds: Vec<Vec<(CmpOp, i64)>>,
    /// Whether scores can never saturate (every approach's total absolute weight fits `i32`),
    /// so adding and removing a rule's weights gives the same score as summing from scratch.
    exact: bool,
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

/// The base evaluation of a what-if search, and scratch space for its trials.
#[derive(Debug)]
pub struct Trials<'r> {
    rule_set: &'r RuleSet,
    program: &'r Program,
    given: Vec<Option<Value>>,
    base_values: Vec<Value>,
    base_atoms: Vec<u64>,
    base_fired: Vec<bool>,
    base_scores: Vec<i32>,
    base_vetoes: Vec<u32>,
    values: Vec<Value>,
    atoms: Vec<u64>,
    scores: Vec<i32>,
    vetoes: Vec<u32>,
    decision: Decision,
}

impl<'r> Trials<'r> {
    /// Prepares trials of single-answer changes to `given` (one slot per question; missing slots are unanswered).
    #[must_use]
    pub fn new(rule_set: &'r RuleSet, given: &[Option<Value>]) -> Trials<'r> {
        let program = rule_set.program();
        let mut given = given.to_vec();
        given.resize(rule_set.questions.len(), None);
        let base_values = super::Answers::resolve(rule_set, &given).values().to_vec();
        let mut base_atoms = Vec::new();
        program.atoms_into(&base_values, &mut base_atoms);
        let mut base_vetoes = vec![0_u32; rule_set.approaches.len()];
        let mut base_scores = vec![0_i32; rule_set.approaches.len()];
        let mut base_fired = Vec::new();
        for position in 0..program.scoring_count() {
            let fired = program.scoring_holds(position, &base_atoms);
            if fired {
                program.scoring_effects(position, 1, &mut base_scores, &mut base_vetoes);
            }
            base_fired.push(fired);
        }
        Trials {
            rule_set,
            program,
            values: base_values.clone(),
            atoms: base_atoms.clone(),
            scores: base_scores.clone(),
            vetoes: base_vetoes.clone(),
            given,
            base_values,
            base_atoms,
            base_fired,
            base_scores,
            base_vetoes,
            decision: Decision::default(),
        }
    }

    /// The effective answers before any change.
    #[must_use]
    pub fn base_values(&self) -> &[Value] {
        &self.base_values
    }

    /// The recommendation if question `question` were answered `to`.
    pub fn recommendation_with(&mut self, question: usize, to: Value) -> ApproachIndex {
        let deps = self.program.dependencies();
        let previous = self.given[question].replace(to);
        for &j in &deps.affects[question] {
            let j = j as usize;
            self.values[j] = super::resolve_one(self.rule_set, j, &self.given, &self.values).0;
        }
        for &j in &deps.affects[question] {
            self.program.update_atoms(j as usize, &self.values, &mut self.atoms);
        }
        self.given[question] = previous;
        let recommendation = if deps.exact {
            self.scores.copy_from_slice(&self.base_scores);
            self.vetoes.copy_from_slice(&self.base_vetoes);
            for &position in &deps.readers[question] {
                let position = position as usize;
                let fired = self.program.scoring_holds(position, &self.atoms);
                if fired != self.base_fired[position] {
                    let sign = if fired { 1 } else { -1 };
                    self.program.scoring_effects(position, sign, &mut self.scores, &mut self.vetoes);
                }
            }
            super::compiled::best(&self.scores, |a| self.vetoes[a] > 0)
        } else {
            self.program.decide(&self.values, &mut self.decision);
            self.decision.recommendation()
        };
        for &j in &deps.affects[question] {
            self.values[j as usize] = self.base_values[j as usize];
        }
        self.atoms.copy_from_slice(&self.base_atoms);
        recommendation
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
