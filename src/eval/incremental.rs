//! Single-answer changes re-evaluated incrementally, for the what-if search.
//!
//! Changing one answer can change only that answer, the answers whose
//! ask-conditions read it (they may stop or start applying), and so on down
//! the questions; and only rules reading one of those can change their
//! truth. `rules::program::Dependencies` lists both per question, once per rule set.
//! [`Trials`] keeps the base evaluation's atoms, scores, veto counts and
//! fired scoring rules, and for a trial re-resolves the affected answers,
//! re-evaluates the atoms reading them and the affected rules, and adjusts
//! the scores by the difference.

use super::compiled::{Decision, Program};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiSlice, TiVec, Value};

/// The base evaluation of a what-if search, and scratch space for its trials.
#[derive(Debug)]
pub struct Trials<'r> {
    rule_set: &'r RuleSet,
    program: &'r Program,
    given: TiVec<QuestionId, Option<Value>>,
    base_values: TiVec<QuestionId, Value>,
    base_atoms: Vec<u64>,
    base_fired: Vec<bool>,
    base_scores: Vec<i32>,
    base_vetoes: Vec<u32>,
    values: TiVec<QuestionId, Value>,
    atoms: Vec<u64>,
    scores: Vec<i32>,
    vetoes: Vec<u32>,
    decision: Decision,
}

impl<'r> Trials<'r> {
    /// Prepares trials of single-answer changes to `given` (one slot per question; missing slots are unanswered).
    #[must_use]
    pub fn new(rule_set: &'r RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Trials<'r> {
        let program = rule_set.program();
        let mut given = given.to_owned();
        given.resize(rule_set.questions.len(), None);
        let base_values = super::Answers::resolve(rule_set, &given).values().to_owned();
        let mut base_atoms = Vec::new();
        program.atoms_into(&base_values.raw, &mut base_atoms);
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
    pub fn base_values(&self) -> &TiSlice<QuestionId, Value> {
        &self.base_values
    }

    /// The recommendation if `question` were answered `to`.
    pub fn recommendation_with(&mut self, question: QuestionId, to: Value) -> ApproachId {
        let deps = self.program.dependencies();
        let previous = self.given[question].replace(to);
        for &j in &deps.affects[question.index()] {
            let j = QuestionId::from(j as usize);
            self.values[j] = super::resolve_one(self.rule_set, j, &self.given, &self.values).0;
        }
        for &j in &deps.affects[question.index()] {
            self.program.update_atoms(j as usize, &self.values.raw, &mut self.atoms);
        }
        self.given[question] = previous;
        let recommendation = if deps.exact {
            self.scores.copy_from_slice(&self.base_scores);
            self.vetoes.copy_from_slice(&self.base_vetoes);
            for &position in &deps.readers[question.index()] {
                let position = position as usize;
                let fired = self.program.scoring_holds(position, &self.atoms);
                if fired != self.base_fired[position] {
                    let sign = if fired { 1 } else { -1 };
                    self.program.scoring_effects(position, sign, &mut self.scores, &mut self.vetoes);
                }
            }
            super::compiled::best(&self.scores, |a| self.vetoes[a.index()] > 0)
        } else {
            self.program.decide(&self.values, &mut self.decision);
            self.decision.recommendation()
        };
        for &j in &deps.affects[question.index()] {
            let j = QuestionId::from(j as usize);
            self.values[j] = self.base_values[j];
        }
        self.atoms.copy_from_slice(&self.base_atoms);
        recommendation
    }
}
