//! Single-answer changes re-evaluated incrementally, for the what-if search.
//!
//! Changing one answer can change only that answer, the answers whose
//! ask-conditions read it (they may stop or start applying), and so on down
//! the questions; and only rules reading one of those can change their
//! truth. `rules::program::Dependencies` lists both per question, once per rule set.
//! [`Trials`] keeps the base evaluation (its bitset of atoms, the rules
//! that fired, each approach's score and veto count) and for a trial
//! re-resolves the affected answers, re-evaluates the atoms reading them and
//! the affected rules; only when one of those changes does it adjust a copy
//! of the scores and veto counts by the difference and pick again.

use super::compiled::{Decision, Program, Tally};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiSlice, TiVec, Value};

/// The base evaluation of a what-if search, and scratch space for its trials.
#[derive(Debug)]
pub struct Trials<'r> {
    rule_set: &'r RuleSet,
    program: &'r Program,
    given: TiVec<QuestionId, Option<Value>>,
    base_values: TiVec<QuestionId, Value>,
    /// The decision over `base_values`: its bitset, fired rules and recommendation.
    base: Decision,
    base_tallies: Vec<Tally>,
    values: TiVec<QuestionId, Value>,
    bits: Vec<u64>,
    tallies: Vec<Tally>,
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
        let mut base = Decision::default();
        program.decide(&base_values, &mut base);
        let base_tallies = program.tallies(&base);
        Trials {
            rule_set,
            program,
            values: base_values.clone(),
            bits: base.bits().to_vec(),
            tallies: base_tallies.clone(),
            given: given_all,
            base_values,
            base,
            base_tallies,
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
        let affects = deps.affects.get(question.index()).map_or(&[][..], Vec::as_slice);
        let previous = self.given[question].replace(to);
        for &j in affects {
            let j = QuestionId::from(j as usize);
            self.values[j] = super::resolve_one(self.rule_set, j, &self.given, &self.values).0;
        }
        self.program.update_bits(affects, &self.values.raw, &mut self.bits);
        self.given[question] = previous;
        let recommendation = if deps.exact {
            // Only the rules reading a changed answer can change.
            let readers = deps.readers.get(question.index()).map_or(&[][..], Vec::as_slice);
            let changed = self.program.rescore(readers, &self.bits, &self.base, &self.base_tallies, &mut self.tallies);
            if changed {
                super::compiled::best(self.tallies.iter().map(|t| (t.score, t.vetoes > 0)))
            } else {
                self.base.recommendation()
            }
        } else {
            self.program.decide(&self.values, &mut self.decision);
            self.decision.recommendation()
        };
        for &j in affects {
            let j = QuestionId::from(j as usize);
            self.values[j] = self.base_values[j];
        }
        self.bits.copy_from_slice(self.base.bits());
        recommendation
    }
}
