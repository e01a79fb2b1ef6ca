//! Running a compiled [`Program`]: the decision a rule set makes over one
//! set of answers, without allocating per evaluation.
//!
//! [`Program::decide`] works on bitsets, in a caller-owned [`Decision`]:
//!
//! 1. the atoms, a group (the atoms reading one question) at a time, then
//!    the derived bits (see `crate::rules::program`);
//! 2. every rule's condition, in one pass over their terms: bit `r` of
//!    `holding` is whether rule `r`'s condition holds (when the atoms fit in
//!    one word and there are at most 64 rules, each term is one mask test of
//!    that word);
//! 3. the fired scoring rules are `holding & scoring_rules`; their weights
//!    are added in declaration order by walking the set bits, and the first
//!    veto per approach is taken from the few rules that veto;
//! 4. the recommendation is picked, and the advice rules for it that hold
//!    join the fired rules: `fired |= holding & advice_for[recommendation]`.
//!
//! Once a `Decision` has been used, deciding again allocates nothing.

pub use crate::rules::program::Program;
use crate::rules::program::{Atom, Group, GroupKind, Span, Term};
use crate::rules::{ApproachId, QuestionId, RuleId, TiSlice, Value};

/// The outcome of [`Program::decide`], reusable from one evaluation to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    bits: Vec<u64>,
    /// Bit `r`: rule `r`'s condition holds.
    holding: Vec<u64>,
    scores: Vec<i32>,
    vetoed_by: Vec<Option<u32>>,
    fired: Vec<u64>,
    recommendation: ApproachId,
}

impl Decision {
    /// Score per approach.
    #[must_use]
    pub fn scores(&self) -> &TiSlice<ApproachId, i32> {
        TiSlice::from_ref(&self.scores)
    }

    /// The first rule that vetoed `approach`, if any did.
    #[must_use]
    pub fn vetoed_by(&self, approach: ApproachId) -> Option<RuleId> {
        self.vetoed_by.get(approach.index()).copied().flatten().map(|r| RuleId::from(r as usize))
    }

    /// Whether rule `rule` fired (scoring rules, and advice rules for the recommendation).
    #[must_use]
    pub fn fired(&self, rule: RuleId) -> bool {
        is_set(&self.fired, rule.index())
    }

    /// The recommended approach.
    #[must_use]
    pub fn recommendation(&self) -> ApproachId {
        self.recommendation
    }

    /// The bitset of atoms and derived bits it was decided from.
    pub(crate) fn bits(&self) -> &[u64] {
        &self.bits
    }
}

impl Program {
    /// Whether `question`'s ask-condition holds over `values` (true without one).
    /// Only the atoms it reads are evaluated.
    #[must_use]
    pub fn asks(&self, question: QuestionId, values: &TiSlice<QuestionId, Value>) -> bool {
        let values = &values.raw;
        let Some(ask) = self.asks.get(question.index()).copied().flatten() else { return true };
        let mut lazy =
            Lazy { values, first_derived: self.atoms.len() + ask.derived.first as usize, derived: Vec::new() };
        if ask.derived.len > 0 {
            // Its derived bits first, in order, each from atoms and the ones before it.
            lazy.derived = vec![0; (ask.derived.len as usize).div_ceil(64)];
            for (offset, &condition) in self.derived[ask.derived.range()].iter().enumerate() {
                let holds = self.holds_lazily(condition, &lazy);
                set_bit_to(&mut lazy.derived, offset, holds);
            }
        }
        self.holds_lazily(ask.condition, &lazy)
    }

    /// Evaluates the rules over `values` (one effective answer per question) into `out`.
    pub fn decide(&self, values: &TiSlice<QuestionId, Value>, out: &mut Decision) {
        self.bits_into(&values.raw, &mut out.bits);
        let words = self.rule_count.div_ceil(64);
        reset(&mut out.holding, words, 0);
        self.rules_holding(&out.bits, &mut out.holding);
        reset(&mut out.fired, words, 0);
        for ((fired, &holding), &scoring) in out.fired.iter_mut().zip(&out.holding).zip(&self.scoring_rules) {
            *fired = holding & scoring;
        }
        // Weights in declaration order (saturating additions do not commute), then vetoes.
        reset(&mut out.scores, self.approach_count, 0);
        for (index, &word) in out.fired.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let rule = index * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                self.apply(self.effects_of[rule], &mut out.scores);
            }
        }
        reset(&mut out.vetoed_by, self.approach_count, None);
        for &(rule, approaches) in &self.vetoing {
            if is_set(&out.fired, rule as usize) {
                for &approach in &self.approach_lists[approaches.range()] {
                    if let Some(vetoed_by) = out.vetoed_by.get_mut(approach as usize) {
                        vetoed_by.get_or_insert(rule);
                    }
                }
            }
        }
        out.recommendation = best(out.scores.iter().zip(&out.vetoed_by).map(|(&score, by)| (score, by.is_some())));
        // The advice rules for the recommendation whose condition holds.
        let advised = self.advice_for.get(out.recommendation.index() * words..).unwrap_or_default();
        for ((fired, &holding), &advised) in out.fired.iter_mut().zip(&out.holding).zip(advised) {
            *fired |= holding & advised;
        }
    }

    /// Every rule's condition over `bits`, in one pass over their terms: bit
    /// `r` of `out` (all clear) is set when a term of rule `r`'s condition passes.
    fn rules_holding(&self, bits: &[u64], out: &mut [u64]) {
        let terms = self.terms.get(self.rule_terms.range()).unwrap_or_default();
        if let ([bits], [out]) = (bits, &mut *out) {
            // Every atom and derived bit in one word, so every term is one
            // check of it, and at most 64 rules: a few instructions a term.
            let mut holding = 0;
            for term in terms {
                debug_assert!(term.word == 0 && term.rest.len == 0, "{term:?}");
                holding |= u64::from(bits & term.mask == term.want) << (term.rule % 64);
            }
            *out = holding;
        } else {
            for term in terms {
                if self.passes(term, bits) {
                    set_bit_to(out, term.rule as usize, true);
                }
            }
        }
    }

    /// Every atom's truth over `values`, then every derived bit's, as a bitset.
    pub(crate) fn bits_into(&self, values: &[Value], bits: &mut Vec<u64>) {
        reset(bits, self.bit_words(), 0);
        for group in &self.groups {
            let found = self.group_bits(group, values);
            if let Some(word) = bits.get_mut((group.first / 64) as usize) {
                *word |= found << (group.first % 64);
            }
        }
        for &index in &self.loose {
            set_bit_to(bits, index as usize, self.atom_holds(self.atoms[index as usize], values));
        }
        self.derive_bits(bits);
    }

    /// Re-evaluates, in `bits`, the atoms reading the questions `questions`, then the derived bits.
    pub(crate) fn update_bits(&self, questions: &[u32], values: &[Value], bits: &mut [u64]) {
        for &question in questions {
            let question = question as usize;
            let groups = self.groups_reading.get(question).copied().unwrap_or_default();
            for group in self.groups.get(groups.range()).unwrap_or_default() {
                self.group_into(group, values, bits);
            }
            for &index in self.loose_reading.get(question).map_or(&[][..], Vec::as_slice) {
                let holds = self.atom_holds(self.atoms[index as usize], values);
                set_bit_to(bits, index as usize, holds);
            }
        }
        if !self.derived.is_empty() {
            self.derive_bits(bits);
        }
    }

    /// `group`'s atoms' truth over `values` (bit `i` for its atom `i`): its
    /// table's entry for the class of the answer (see `GroupKind`).
    fn group_bits(&self, group: &Group, values: &[Value]) -> u64 {
        let Some(&answer) = values.get(group.question as usize) else { return 0 };
        let class = match (group.kind, answer) {
            (GroupKind::Flag, Value::Bool(b)) => return u64::from(b),
            (GroupKind::Choice { beyond }, Value::Choice(v)) => u32::from(v).min(beyond) as usize,
            // A group has at most 128 bounds and most have a few: a linear scan beats a binary search.
            (GroupKind::Int { bounds }, Value::Int(v)) => {
                self.bounds.get(bounds.range()).unwrap_or_default().iter().take_while(|&&bound| bound <= v).count()
            }
            // An answer of another kind: every atom reads it as false.
            _ => return 0,
        };
        self.tables.get(group.table as usize + class).copied().unwrap_or(0)
    }

    /// Writes `group`'s atoms' truth over `values` into `bits`, at the group's place in its word.
    fn group_into(&self, group: &Group, values: &[Value], bits: &mut [u64]) {
        let found = self.group_bits(group, values);
        let ones = u64::MAX >> (64 - group.len.clamp(1, 64));
        let shift = group.first % 64;
        if let Some(word) = bits.get_mut((group.first / 64) as usize) {
            *word = *word & !(ones << shift) | found << shift;
        }
    }

    /// Evaluates the derived bits, in order, from the atoms and the derived bits before them.
    fn derive_bits(&self, bits: &mut [u64]) {
        for (offset, &condition) in self.derived.iter().enumerate() {
            let holds = self.holds(condition, bits);
            set_bit_to(bits, self.atoms.len() + offset, holds);
        }
    }

    /// Re-evaluates the scoring rules at `positions` (among the scoring
    /// rules) over `bits`; for each that holds where it did not in `base`, or
    /// the other way round, adds or removes its weights and vetoes in
    /// `tallies`, copied from `base_tallies` first. Returns whether any did.
    pub(crate) fn rescore(
        &self,
        positions: &[u32],
        bits: &[u64],
        base: &Decision,
        base_tallies: &[Tally],
        tallies: &mut [Tally],
    ) -> bool {
        let mut changed = false;
        for &position in positions {
            let Some(code) = self.scoring.get(position as usize) else { continue };
            let holds = self.holds(code.condition, bits);
            if holds == is_set(&base.fired, code.rule as usize) {
                continue;
            }
            if !changed {
                tallies.copy_from_slice(base_tallies);
                changed = true;
            }
            let sign: i32 = if holds { 1 } else { -1 };
            for &(approach, weight) in self.effects.get(code.effects.range()).unwrap_or_default() {
                if let Some(tally) = tallies.get_mut(approach as usize) {
                    tally.score = tally.score.saturating_add(sign.saturating_mul(weight));
                }
            }
            for &approach in self.approach_lists.get(code.approaches.range()).unwrap_or_default() {
                if let Some(tally) = tallies.get_mut(approach as usize) {
                    tally.vetoes = tally.vetoes.saturating_add_signed(sign);
                }
            }
        }
        changed
    }

    /// Every approach's score in `decision` and how many of its fired rules veto it.
    pub(crate) fn tallies(&self, decision: &Decision) -> Vec<Tally> {
        let mut tallies: Vec<Tally> = decision.scores.iter().map(|&score| Tally { score, vetoes: 0 }).collect();
        for &(rule, approaches) in &self.vetoing {
            if is_set(&decision.fired, rule as usize) {
                for &approach in &self.approach_lists[approaches.range()] {
                    if let Some(tally) = tallies.get_mut(approach as usize) {
                        tally.vetoes += 1;
                    }
                }
            }
        }
        tallies
    }

    /// Whether `condition` (terms in `Program::terms`) holds over the bitset `bits`: whether some term passes.
    fn holds(&self, condition: Span, bits: &[u64]) -> bool {
        let terms = self.terms.get(condition.range()).unwrap_or_default();
        if let [bits] = bits {
            // Every atom and derived bit in one word: every term is one check of it.
            terms.iter().any(|term| bits & term.mask == term.want)
        } else {
            terms.iter().any(|term| self.passes(term, bits))
        }
    }

    /// Whether every check of `term` passes over `bits`.
    fn passes(&self, term: &Term, bits: &[u64]) -> bool {
        let check = |word: u32, mask: u64, want: u64| bits.get(word as usize).is_some_and(|&bits| bits & mask == want);
        check(term.word, term.mask, term.want)
            && self.checks.get(term.rest.range()).unwrap_or_default().iter().all(|c| check(c.word, c.mask, c.want))
    }

    /// As [`Program::holds`], each atom evaluated over `lazy.values` as it is
    /// read: a failed check decides its term, the rest of it is not evaluated.
    fn holds_lazily(&self, condition: Span, lazy: &Lazy) -> bool {
        let check = |word: u32, mask: u64, want: u64| self.bits_lazily(word, mask, lazy) == want;
        self.terms.get(condition.range()).unwrap_or_default().iter().any(|term| {
            check(term.word, term.mask, term.want)
                && self.checks.get(term.rest.range()).unwrap_or_default().iter().all(|c| check(c.word, c.mask, c.want))
        })
    }

    /// The bits of `mask` in word `word` that hold, each atom evaluated now.
    fn bits_lazily(&self, word: u32, mask: u64, lazy: &Lazy) -> u64 {
        let mut out = 0;
        let mut rest = mask;
        while rest != 0 {
            let bit = rest.trailing_zeros();
            rest &= rest - 1;
            let index = (word * 64 + bit) as usize;
            let holds = match self.atoms.get(index) {
                Some(&atom) => self.atom_holds(atom, lazy.values),
                None => index
                    .checked_sub(lazy.first_derived)
                    .is_some_and(|offset| lazy.derived.get(offset / 64).is_some_and(|w| w >> (offset % 64) & 1 == 1)),
            };
            out |= u64::from(holds) << bit;
        }
        out
    }

    /// Whether `atom` holds over `values` (see [`Atom::holds_for`]).
    fn atom_holds(&self, atom: Atom, values: &[Value]) -> bool {
        let answer = |q: u32| values.get(q as usize).copied();
        match atom {
            Atom::ChoiceWords { question, first, len, negate } => match answer(question) {
                Some(Value::Choice(v)) => {
                    let (word, bit) = (u32::from(v / 64), v % 64);
                    (word < len && self.words[(first + word) as usize] >> bit & 1 == 1) != negate
                }
                _ => false,
            },
            Atom::Compare { op, lhs, rhs } => match (answer(lhs), answer(rhs)) {
                (Some(Value::Int(l)), Some(Value::Int(r))) => op.holds(l, r),
                _ => false,
            },
            Atom::Flag(q) | Atom::ChoiceMask { question: q, .. } | Atom::InRange { question: q, .. } => {
                answer(q).and_then(|v| atom.holds_for(v)).unwrap_or(false)
            }
        }
    }

    /// Adds a rule's weights (`effects`, in `Program::effects`) to `scores`.
    fn apply(&self, effects: Span, scores: &mut [i32]) {
        for &(approach, weight) in self.effects.get(effects.range()).unwrap_or_default() {
            if let Some(score) = scores.get_mut(approach as usize) {
                *score = score.saturating_add(weight);
            }
        }
    }
}

/// What a lazy evaluation reads: the answers, and the derived bits (bit
/// `first_derived + i` is bit `i` of `derived`) evaluated ahead.
struct Lazy<'v> {
    values: &'v [Value],
    first_derived: usize,
    derived: Vec<u64>,
}

/// An approach's standing in the incremental what-if search: its score, and how many fired rules veto it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) score: i32,
    pub(crate) vetoes: u32,
}

/// The best of the approaches, given as `(score, vetoed)` in approach order:
/// not vetoed before vetoed, then the highest score, then the simplest (lowest index).
pub(crate) fn best(standings: impl IntoIterator<Item = (i32, bool)>) -> ApproachId {
    // One key per approach, the lowest best: a veto adds 2^32, more than any two scores differ by.
    let key = |(score, vetoed): (i32, bool)| (i64::from(vetoed) << 32) - i64::from(score);
    let (mut best, mut best_key) = (0, i64::MAX);
    for (approach, standing) in standings.into_iter().enumerate() {
        let key = key(standing);
        if key < best_key {
            (best, best_key) = (approach, key);
        }
    }
    ApproachId::from(best)
}

fn is_set(words: &[u64], bit: usize) -> bool {
    words.get(bit / 64).is_some_and(|w| w >> (bit % 64) & 1 == 1)
}

fn set_bit_to(words: &mut [u64], bit: usize, value: bool) {
    let word = &mut words[bit / 64];
    *word = *word & !(1 << (bit % 64)) | u64::from(value) << (bit % 64);
}

/// `items` as `len` copies of `value`, keeping its allocation.
fn reset<T: Copy>(items: &mut Vec<T>, len: usize, value: T) {
    if items.len() == len {
        items.fill(value);
    } else {
        items.clear();
        items.resize(len, value);
    }
}

#[cfg(test)]
impl Program {
    /// Whether question 0's ask-condition holds over `values`, every bit evaluated first into a bitset.
    fn single_holds(&self, values: &TiSlice<QuestionId, Value>) -> bool {
        let mut bits = Vec::new();
        self.bits_into(&values.raw, &mut bits);
        self.asks[0].is_none_or(|ask| self.holds(ask.condition, &bits))
    }
}

#[cfg(test)]
mod tests;
