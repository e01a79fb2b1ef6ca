//! Single-answer changes re-evaluated incrementally, for the what-if search.
//!
//! Changing one answer can change only that answer, the answers whose
//! ask-conditions read it (they may stop or start applying), and so on down
//! the questions: `rules::program::Dependencies` lists them per question,
//! once per rule set. [`Trials`] starts from answers already resolved (the
//! caller's evaluation has them), keeps the base evaluation (which rules
//! hold and fired, each approach's score and veto count; for a transposed
//! program, which rules hold follows from the prefix and suffix ORs of the
//! groups' rows the trials use, with no second evaluation) and for a trial
//! re-resolves the affected answers and works out which rules hold:
//!
//! - for a transposed program, the rows of the groups that read none of the
//!   affected answers are OR-ed once per question tried (all its candidate
//!   answers share them; for a question only its own groups read, from the
//!   prefix and suffix ORs of the base rows), and a trial adds only the rows of the groups reading
//!   an affected answer;
//! - otherwise the atoms reading an affected answer are re-evaluated in the
//!   base bitset, then every rule's condition.
//!
//! When only the question's one group reads its answer and the answer
//! reaches no other, the recommendation depends only on the answer's class
//! in that group: a class already tried, or the base answer's, is answered
//! from a cache, and for the default rules' shape (rows of two words, at most
//! 64 rules, scores that cannot saturate) another class's row is OR-ed
//! straight in, with no answer written or resolved.
//!
//! Only the scoring rules whose truth changed adjust a copy of the scores and
//! veto counts (when no score can saturate; else the scores are summed again)
//! before the recommendation is picked again; with dense weight rows and at
//! most 64 rules, they add or remove their rows four lanes at once, and each
//! approach's veto is one mask test of the fired rules.

use super::compiled::{Decision, Program, Tally};
use crate::rules::program::Group;
use crate::rules::{ApproachId, QuestionId, RuleSet, TiSlice, TiVec, Value};

/// The base evaluation of a what-if search, and scratch space for its trials.
#[derive(Debug)]
pub struct Trials<'r> {
    rule_set: &'r RuleSet,
    program: &'r Program,
    /// The answers as given (missing slots are unanswered).
    given: &'r TiSlice<QuestionId, Option<Value>>,
    base_values: &'r TiSlice<QuestionId, Value>,
    /// The decision over `base_values`: the rules that hold and fired, and the recommendation.
    base: Decision,
    base_tallies: Vec<Tally>,
    /// The base scores of the first four approaches (all of them when
    /// `Program::weights` is not empty; see `Trials::rescore_dense`).
    base_scores: [i32; 4],
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
    /// Scratch, made when first needed: one mark per question (all false
    /// between uses), and the slots ruled out when rows are wider than two words.
    marks: Vec<bool>,
    ruled_out: Vec<u64>,
    holding: Vec<u64>,
    tallies: Vec<Tally>,
    decision: Decision,
    /// The recommendations found for question `cache_of`, by class of answer
    /// (see `GroupKind`; the last for an answer of another kind), when only
    /// its one group reads it. The class of its base answer holds the base
    /// recommendation from the start.
    cache_of: Option<QuestionId>,
    cache: Vec<Option<ApproachId>>,
}

impl<'r> Trials<'r> {
    /// Prepares trials of single-answer changes to `given` (one slot per
    /// question; missing slots are unanswered), whose effective answers are
    /// `base_values` (as [`super::Answers::resolve`] resolves `given`: the
    /// caller has them at hand, in its evaluation).
    #[must_use]
    pub fn new(
        rule_set: &'r RuleSet,
        given: &'r TiSlice<QuestionId, Option<Value>>,
        base_values: &'r TiSlice<QuestionId, Value>,
    ) -> Trials<'r> {
        let program = rule_set.program();
        debug_assert_eq!(base_values.len(), rule_set.questions.len());
        // As `Program::decide`, keeping what the trials start from on the way.
        let mut base = Decision::default();
        base.holding = vec![0; program.rule_count.div_ceil(64)];
        let (mut base_bits, mut base_rows, mut before, mut after) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        if program.transposed {
            base_rows = program.rows(&base_values.raw);
            (before, after) = before_and_after(program, &base_rows);
            // Past the last group: the slots every group and loose atom rule out.
            let words = program.slot_words as usize;
            let at = before.len().saturating_sub(words);
            let mut ruled_out = [0; 2];
            let mut wide = Vec::new();
            let ruled_out = if words == 2 {
                &mut ruled_out[..]
            } else {
                wide.resize(words, 0);
                &mut wide[..]
            };
            for ((out, &before), &after) in ruled_out.iter_mut().zip(&before[at..]).zip(&after[at..]) {
                *out = before | after;
            }
            program.holding_from(ruled_out, &mut base.holding);
        } else {
            program.bits_into(&base_values.raw, &mut base_bits);
            program.rules_holding(&base_bits, &mut base.holding);
        }
        program.score(&mut base);
        let base_tallies = program.tallies(&base);
        let base_scores = std::array::from_fn(|i| base.scores().raw.get(i).copied().unwrap_or(0));
        Trials {
            rule_set,
            program,
            values: base_values.to_owned(),
            bits: base_bits.clone(),
            base_bits,
            base_rows,
            before,
            after,
            others: Vec::new(),
            others_of: None,
            marks: Vec::new(),
            ruled_out: Vec::new(),
            holding: base.holding.clone(),
            tallies: base_tallies.clone(),
            given,
            base_values,
            base,
            base_tallies,
            base_scores,
            decision: Decision::default(),
            cache_of: None,
            cache: Vec::new(),
        }
    }

    /// The effective answers before any change.
    #[must_use]
    pub fn base_values(&self) -> &TiSlice<QuestionId, Value> {
        self.base_values
    }

    /// The recommendation if `question` were answered `to`.
    ///
    /// When the answer reaches no other (no ask-condition reads it) and only
    /// one group of atoms reads it, the recommendation follows from the class
    /// of the answer in that group: answers of a class already tried, or of
    /// the base answer's class, are not evaluated again, and the others take
    /// that group's row for the class (see `Trials::recommendation_of_class`).
    pub fn recommendation_with(&mut self, question: QuestionId, to: Value) -> ApproachId {
        let program = self.program;
        let deps = program.dependencies();
        let affects = deps.affects.get(question.index()).map_or(&[][..], Vec::as_slice);
        let groups = program.groups_reading.get(question.index()).copied().unwrap_or_default();
        let loose = program.loose_reading.get(question.index()).map_or(0, Vec::len);
        let ([_], 1, 0, Some(group)) = (affects, groups.len, loose, program.groups.get(groups.first as usize)) else {
            return self.evaluate_with(question, to, affects, deps.exact);
        };
        if self.cache_of != Some(question) {
            self.cache.clear();
            self.cache.resize(group.kind.classes() + 1, None);
            self.cache_of = Some(question);
            if program.asks(question, self.base_values) {
                // An answer of the base's class changes nothing.
                let base = self.base_values.get(question).and_then(|&answer| program.class(group, answer));
                if let Some(slot) = self.cache.get_mut(base.unwrap_or(group.kind.classes())) {
                    *slot = Some(self.base.recommendation());
                }
            } else {
                // Not asked (its ask-condition reads only the unchanged earlier
                // answers): the default stands whatever the answer.
                self.cache.fill(Some(self.base.recommendation()));
            }
        }
        let class = program.class(group, to).unwrap_or(group.kind.classes());
        if let Some(Some(recommendation)) = self.cache.get(class) {
            return *recommendation;
        }
        let recommendation = match self.recommendation_of_class(question, group, class, affects, deps.exact) {
            Some(recommendation) => recommendation,
            None => self.evaluate_with(question, to, affects, deps.exact),
        };
        if let Some(slot) = self.cache.get_mut(class) {
            *slot = Some(recommendation);
        }
        recommendation
    }

    /// The recommendation if `question`, asked, read by `group` alone and
    /// reaching no other answer (`affects` is only itself), had an answer of
    /// class `class` in `group`: the slots the other groups rule out and
    /// that class's row, then the rules holding and their weights. `None`
    /// unless the program is transposed, its rows are two words, there are at
    /// most 64 rules and no score can saturate (`exact`), the case of the
    /// default rules; the caller evaluates the answer then.
    fn recommendation_of_class(
        &mut self,
        question: QuestionId,
        group: &Group,
        class: usize,
        affects: &[u32],
        exact: bool,
    ) -> Option<ApproachId> {
        let program = self.program;
        if !(exact && program.transposed && program.slot_words == 2 && self.holding.len() == 1) {
            return None;
        }
        self.others_for(question, affects);
        let ([low, high], [holding]) = (&self.others[..], &mut self.holding[..]) else { return None };
        // As `Program::group_row`: a row per class, two words each.
        let [a, b] = program.row_pair(group.ruled_out as usize + class * 2);
        *holding = program.holding_from_pair([low | a, high | b]);
        Some(self.rescore())
    }

    /// The recommendation if `question` were answered `to`, evaluated.
    fn evaluate_with(&mut self, question: QuestionId, to: Value, affects: &[u32], exact: bool) -> ApproachId {
        for &j in affects {
            let j = QuestionId::from(j as usize);
            // As `Answers::resolve`, without the provenance: the default when not asked.
            let answer = if j == question { Some(to) } else { self.given.get(j).copied().flatten() };
            self.values[j] = match answer {
                Some(answer) if self.program.asks(j, &self.values) => answer,
                _ => self.rule_set.questions[j].default,
            };
        }
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
            self.others_for(question, affects);
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
                self.ruled_out.clone_from(&self.others);
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

    /// Makes `others` the slots ruled out over `base_values` by the groups
    /// and loose atoms reading none of `affects` (the answers `question` affects).
    fn others_for(&mut self, question: QuestionId, affects: &[u32]) {
        if self.others_of == Some(question) {
            return;
        }
        let program = self.program;
        let groups = program.groups_reading.get(question.index()).copied().unwrap_or_default();
        let loose = program.loose_reading.get(question.index()).map_or(0, Vec::len);
        let words = program.slot_words as usize;
        if let ([_], 0) = (affects, loose) {
            // Only the question's own groups, next to each other, read the changed answer.
            let (first, last) = (groups.first as usize * words, (groups.first + groups.len) as usize * words);
            self.others.clear();
            self.others.extend(
                self.before[first..first + words].iter().zip(&self.after[last..last + words]).map(|(a, b)| a | b),
            );
        } else {
            self.marks.resize(self.values.len(), false);
            program.ruled_out_except(affects, &self.base_rows, &mut self.marks, &mut self.others);
        }
        self.others_of = Some(question);
    }

    /// The recommendation once the scoring rules whose truth differs from the
    /// base's have added or removed their weights and vetoes.
    fn rescore(&mut self) -> ApproachId {
        let program = self.program;
        if let ([holding], [base], false) = (&self.holding[..], &self.base.holding[..], program.weights.is_empty()) {
            return self.rescore_dense(*holding, *base);
        }
        let mut changed = false;
        let (base, holding) = (&self.base, &self.holding);
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

    /// As [`Trials::rescore`], for at most 64 rules (`holding` and `base` one
    /// word each) with dense weights (`Program::weights`: at most four
    /// approaches, no score can saturate): the changed scoring rules' rows
    /// added to or taken from the base scores four lanes at once, and an
    /// approach vetoed when a fired rule vetoes it, as `Program::score` has it.
    fn rescore_dense(&self, holding: u64, base: u64) -> ApproachId {
        let program = self.program;
        let scoring = program.scoring_rules.first().copied().unwrap_or(0);
        let mut changed = (holding ^ base) & scoring;
        if changed == 0 {
            return self.base.recommendation();
        }
        let mut scores = self.base_scores;
        while changed != 0 {
            let rule = changed.trailing_zeros() as usize;
            changed &= changed - 1;
            let row = program.weights.get(rule).copied().unwrap_or_default();
            let now = holding >> rule & 1 == 1;
            scores =
                std::array::from_fn(
                    |i| if now { scores[i].wrapping_add(row[i]) } else { scores[i].wrapping_sub(row[i]) },
                );
        }
        let fired = holding & scoring;
        // One word per approach in `vetoes_of`.
        let vetoed = |approach: usize| program.vetoes_of.get(approach).is_some_and(|&vetoes| fired & vetoes != 0);
        super::compiled::best(
            scores.iter().take(program.approach_count).enumerate().map(|(a, &score)| (score, vetoed(a))),
        )
    }
}

/// As `Program::before_and_after`; for rows of two words (the default rules'), in registers.
fn before_and_after(program: &Program, rows: &[usize]) -> (Vec<u64>, Vec<u64>) {
    if program.slot_words != 2 {
        return program.before_and_after(rows);
    }
    let count = program.groups.len();
    let (group_rows, loose_rows) = rows.split_at(count.min(rows.len()));
    let add = |[low, high]: [u64; 2], at: usize| {
        let [a, b] = program.row_pair(at);
        [low | a, high | b]
    };
    let mut before = Vec::with_capacity(2 * (count + 1));
    let mut ruled_out = program.unreachable.first_chunk::<2>().copied().unwrap_or([0; 2]);
    before.extend(ruled_out);
    for &row in group_rows {
        ruled_out = add(ruled_out, row);
        before.extend(ruled_out);
    }
    let mut after = vec![0; 2 * (count + 1)];
    let mut ruled_out = loose_rows.iter().fold([0; 2], |ruled_out, &row| add(ruled_out, row));
    let mut boundaries = after.chunks_exact_mut(2).rev();
    if let Some(last) = boundaries.next() {
        last.copy_from_slice(&ruled_out);
    }
    for (boundary, &row) in boundaries.zip(group_rows.iter().rev()) {
        ruled_out = add(ruled_out, row);
        boundary.copy_from_slice(&ruled_out);
    }
    (before, after)
}
