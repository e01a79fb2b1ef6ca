//! Single-answer changes re-evaluated incrementally, for the what-if search.
//!
//! Changing one answer can change only that answer, the answers whose
//! ask-conditions read it (they may stop or start applying), and so on down
//! the questions: `rules::program::Dependencies` lists them per question,
//! once per rule set. [`Trials`] keeps the base evaluation (which rules
//! hold and fired, each approach's score and veto count) and for a trial
//! re-resolves the affected answers and works out which rules hold:
//!
//! - for a transposed program, the rows of the groups that read none of the
//!   affected answers are OR-ed once per question tried (all its candidate
//!   answers share them), and a trial adds only the rows of the groups reading
//!   an affected answer;
//! - otherwise the atoms reading an affected answer are re-evaluated in the
//!   base bitset, then every rule's condition.
//!
//! Only the scoring rules whose truth changed adjust a copy of the scores and
//! veto counts (when no score can saturate; else the scores are summed again)
//! before the recommendation is picked again.

use super::compiled::{Decision, Program, Tally};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiSlice, TiVec, Value};

/// The base evaluation of a what-if search, and scratch space for its trials.
#[derive(Debug)]
pub struct Trials<'r> {
    rule_set: &'r RuleSet,
    program: &'r Program,
    given: TiVec<QuestionId, Option<Value>>,
    base_values: TiVec<QuestionId, Value>,
    /// The decision over `base_values`: the rules that hold and fired, and the recommendation.
    base: Decision,
    base_tallies: Vec<Tally>,
    /// The bitset of atoms over `base_values` (when the program is not transposed).
    base_bits: Vec<u64>,
    values: TiVec<QuestionId, Value>,
    bits: Vec<u64>,
    /// Where the rows of every group and loose atom over `base_values` start
    /// (when the program is transposed; see `Program::rows`).
    base_rows: Vec<usize>,
    /// `slot_words` words per group boundary `i` (0 to the number of groups):
    /// the slots ruled out over `base_values` by the groups before `i`
    /// (`before`), and by the groups from `i` on and every loose atom (`after`).
    before: Vec<u64>,
    after: Vec<u64>,
    /// The slots ruled out over `base_values` by the groups reading none of
    /// the answers question `others_of` affects (when the program is transposed).
    others: Vec<u64>,
    others_of: Option<QuestionId>,
    marks: Vec<bool>,
    ruled_out: Vec<u64>,
    holding: Vec<u64>,
    tallies: Vec<Tally>,
    decision: Decision,
    /// The recommendations found for question `cache_of`, by class of answer
    /// (see `GroupKind`; the last for an answer of another kind), when only
    /// its one group reads it.
    cache_of: Option<QuestionId>,
    cache: Vec<Option<ApproachId>>,
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
        let (mut base_bits, mut base_rows, mut before, mut after) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        if program.transposed {
            base_rows = program.rows(&base_values.raw);
            (before, after) = program.before_and_after(&base_rows);
        } else {
            program.bits_into(&base_values.raw, &mut base_bits);
        }
        Trials {
            rule_set,
            program,
            values: base_values.clone(),
            bits: base_bits.clone(),
            base_bits,
            base_rows,
            before,
            after,
            others: Vec::new(),
            others_of: None,
            marks: vec![false; count],
            ruled_out: vec![0; program.slot_words as usize],
            holding: base.holding.clone(),
            tallies: base_tallies.clone(),
            given: given_all,
            base_values,
            base,
            base_tallies,
            decision: Decision::default(),
            cache_of: None,
            cache: Vec::new(),
        }
    }

    /// The effective answers before any change.
    #[must_use]
    pub fn base_values(&self) -> &TiSlice<QuestionId, Value> {
        &self.base_values
    }

    /// The recommendation if `question` were answered `to`.
    ///
    /// When the answer reaches no other (no ask-condition reads it) and only
    /// one group of atoms reads it, the recommendation follows from the class
    /// of the answer in that group: answers of a class already tried are not
    /// evaluated again.
    pub fn recommendation_with(&mut self, question: QuestionId, to: Value) -> ApproachId {
        let program = self.program;
        let deps = program.dependencies();
        let affects = deps.affects.get(question.index()).map_or(&[][..], Vec::as_slice);
        let groups = program.groups_reading.get(question.index()).copied().unwrap_or_default();
        let loose = program.loose_reading.get(question.index()).map_or(0, Vec::len);
        let class = match (affects, groups.len, loose, program.groups.get(groups.first as usize)) {
            ([_], 1, 0, Some(group)) => {
                if self.cache_of != Some(question) {
                    self.cache.clear();
                    self.cache.resize(group.kind.classes() + 1, None);
                    self.cache_of = Some(question);
                }
                let class = program.class(group, to).unwrap_or(group.kind.classes());
                if let Some(Some(recommendation)) = self.cache.get(class) {
                    return *recommendation;
                }
                Some(class)
            }
            _ => None,
        };
        let recommendation = self.evaluate_with(question, to, affects, deps.exact);
        if let Some(slot) = class.and_then(|class| self.cache.get_mut(class)) {
            *slot = Some(recommendation);
        }
        recommendation
    }

    /// The recommendation if `question` were answered `to`, evaluated.
    fn evaluate_with(&mut self, question: QuestionId, to: Value, affects: &[u32], exact: bool) -> ApproachId {
        let previous = self.given[question].replace(to);
        for &j in affects {
            let j = QuestionId::from(j as usize);
            self.values[j] = if j == question && self.program.asks.get(j.index()).is_some_and(Option::is_none) {
                // Always asked: its answer is the one given.
                to
            } else {
                super::resolve_one(self.rule_set, j, &self.given, &self.values).0
            };
        }
        self.given[question] = previous;
        self.holding_with(question, affects);
        let recommendation = if exact {
            self.rescore()
        } else {
            self.decision.holding.clone_from(&self.holding);
            self.program.score(&mut self.decision);
            self.decision.recommendation()
        };
        for &j in affects {
            let j = QuestionId::from(j as usize);
            self.values[j] = self.base_values[j];
        }
        recommendation
    }

    /// Which rules hold over `values`, where only the answers `affects` (those `question` affects) differ from the base.
    fn holding_with(&mut self, question: QuestionId, affects: &[u32]) {
        let program = self.program;
        if program.transposed {
            if self.others_of != Some(question) {
                let groups = program.groups_reading.get(question.index()).copied().unwrap_or_default();
                let loose = program.loose_reading.get(question.index()).map_or(0, Vec::len);
                let words = program.slot_words as usize;
                if let ([_], 0) = (affects, loose) {
                    // Only the question's own groups, next to each other, read the changed answer.
                    let (first, last) = (groups.first as usize * words, (groups.first + groups.len) as usize * words);
                    self.others.clear();
                    self.others.extend(
                        self.before[first..first + words]
                            .iter()
                            .zip(&self.after[last..last + words])
                            .map(|(a, b)| a | b),
                    );
                } else {
                    program.ruled_out_except(affects, &self.base_rows, &mut self.marks, &mut self.others);
                }
                self.others_of = Some(question);
            }
            if let ([low, high], [holding]) = (&self.others[..], &mut self.holding[..]) {
                // Rows of two words and at most 64 rules (the default rules): in registers.
                let [mut low, mut high] = [*low, *high];
                program.rows_reading(affects, &self.values.raw, |at| {
                    let [a, b] = program.row_pair(at);
                    low |= a;
                    high |= b;
                });
                *holding = program.holding_from_pair([low, high]);
            } else {
                self.ruled_out.copy_from_slice(&self.others);
                program.rule_out_reading(affects, &self.values.raw, &mut self.ruled_out);
                program.holding_from(&self.ruled_out, &mut self.holding);
            }
        } else {
            program.update_bits(affects, &self.values.raw, &mut self.bits);
            self.holding.fill(0);
            program.rules_holding(&self.bits, &mut self.holding);
            self.bits.copy_from_slice(&self.base_bits);
        }
    }

    /// The recommendation once the scoring rules whose truth differs from the
    /// base's have added or removed their weights and vetoes.
    fn rescore(&mut self) -> ApproachId {
        let mut changed = false;
        let (program, base, holding) = (self.program, &self.base, &self.holding);
        let scoring = &program.scoring_rules;
        for (word, ((&now, &before), &scoring)) in holding.iter().zip(&base.holding).zip(scoring).enumerate() {
            let mut rest = (now ^ before) & scoring;
            while rest != 0 {
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                if !changed {
                    self.tallies.copy_from_slice(&self.base_tallies);
                    changed = true;
                }
                let sign = if now >> bit & 1 == 1 { 1 } else { -1 };
                program.adjust(word * 64 + bit as usize, sign, &mut self.tallies);
            }
        }
        if changed {
            super::compiled::best(self.tallies.iter().map(|t| (t.score, t.vetoes > 0)))
        } else {
            self.base.recommendation()
        }
    }
}
