//! Single-answer changes re-evaluated incrementally, for the what-if search.
//!
//! Changing one answer can change only that answer, the answers whose
//! ask-conditions read it (they may stop or start applying), and so on down
//! the questions; and only rules reading one of those can change their
//! truth. `rules::program::Dependencies` lists both per question, once per rule set.
//! [`Trials`] keeps the base evaluation's bitset of atoms, scores, veto counts and
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
    base_bits: Vec<u64>,
    /// Bit `p`: whether the scoring rule at position `p` fired.
    base_fired: Vec<u64>,
    base_scores: Vec<i32>,
    base_vetoes: Vec<u32>,
    values: TiVec<QuestionId, Value>,
    bits: Vec<u64>,
    scores: Vec<i32>,
    vetoes: Vec<u32>,
    decision: Decision,
}

impl<'r> Trials<'r> {
    /// Prepares trials of single-answer changes to `given` (one slot per question; missing slots are unanswered).
    #[must_use]
    pub fn new(rule_set: &'r RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Trials<'r> {
        let program = rule_set.program();
        let count = rule_set.questions.len();
        let mut given_all: TiVec<QuestionId, Option<Value>> = TiVec::with_capacity(count);
        given_all.extend(given.iter().take(count).copied());
        given_all.resize(count, None);
        // As `Answers::resolve`, without the provenance.
        let mut base_values: TiVec<QuestionId, Value> = TiVec::with_capacity(count);
        for question in rule_set.questions.keys() {
            let value = super::resolve_one(rule_set, question, &given_all, &base_values).0;
            base_values.push(value);
        }
        let mut base_bits = Vec::new();
        program.bits_into(&base_values.raw, &mut base_bits);
        let approaches = rule_set.approaches.len();
        let (mut base_scores, mut base_vetoes) = (vec![0_i32; approaches], vec![0_u32; approaches]);
        let mut base_fired = vec![0_u64; program.scoring_count().div_ceil(64)];
        for position in 0..program.scoring_count() {
            if program.scoring_holds(position, &base_bits) {
                program.scoring_effects(position, 1, &mut base_scores, &mut base_vetoes);
                base_fired[position / 64] |= 1 << (position % 64);
            }
        }
        Trials {
            rule_set,
            program,
            values: base_values.clone(),
            bits: base_bits.clone(),
            scores: base_scores.clone(),
            vetoes: base_vetoes.clone(),
            given: given_all,
            base_values,
            base_bits,
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
        let affects = &deps.affects[question.index()];
        let previous = self.given[question].replace(to);
        for &j in affects {
            let j = QuestionId::from(j as usize);
            self.values[j] = super::resolve_one(self.rule_set, j, &self.given, &self.values).0;
        }
        self.program.update_bits(affects, &self.values.raw, &mut self.bits);
        self.given[question] = previous;
        let recommendation = if deps.exact {
            self.scores.copy_from_slice(&self.base_scores);
            self.vetoes.copy_from_slice(&self.base_vetoes);
            for &position in &deps.readers[question.index()] {
                let position = position as usize;
                let fired = self.program.scoring_holds(position, &self.bits);
                if fired != (self.base_fired[position / 64] >> (position % 64) & 1 == 1) {
                    let sign = if fired { 1 } else { -1 };
                    self.program.scoring_effects(position, sign, &mut self.scores, &mut self.vetoes);
                }
            }
            super::compiled::best(&self.scores, |a| self.vetoes[a.index()] > 0)
        } else {
            self.program.decide(&self.values, &mut self.decision);
            self.decision.recommendation()
        };
        for &j in affects {
            let j = QuestionId::from(j as usize);
            self.values[j] = self.base_values[j];
        }
        self.bits.copy_from_slice(&self.base_bits);
        recommendation
    }
}
