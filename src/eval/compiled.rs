//! Running a compiled [`Program`]: the decision a rule set makes over one
//! set of answers, without allocating per evaluation.
//!
//! [`Program::decide`] works on bitsets, in a caller-owned [`Decision`]:
//!
//! 1. bit `r` of `holding` is whether rule `r`'s condition holds. When the
//!    program is transposed (see `crate::rules::program`; the default rules
//!    are), each group (the atoms reading one question) classifies its
//!    answer and ORs the row of terms that class rules out, and a rule holds
//!    when one of its terms is not ruled out. Otherwise the atoms are
//!    evaluated a group at a time into a bitset, then the derived bits, and
//!    every rule's condition in one pass over their terms (when the atoms
//!    fit in one word and there are at most 64 rules, each term is one mask
//!    test of that word);
//! 2. the fired scoring rules are `holding & scoring_rules`; their weights
//!    are added by walking the set bits (a dense row per rule when no score
//!    can saturate, else in declaration order with saturating additions), and
//!    the first veto of each approach is the lowest fired rule in its
//!    `vetoes_of` bitset;
//! 3. the recommendation is picked, and the advice rules for it that hold
//!    join the fired rules: `fired |= holding & advice_for[recommendation]`.
//!
//! Once a `Decision` has been used, deciding again allocates nothing.

pub use crate::rules::program::Program;
use crate::rules::program::{Atom, Group, GroupKind, Span, Term};
use crate::rules::{ApproachId, QuestionId, RuleId, TiSlice, Value};

/// The outcome of [`Program::decide`], reusable from one evaluation to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// Scratch: the bitset of atoms and derived bits (when the program is not transposed).
    bits: Vec<u64>,
    /// Scratch: the slots ruled out, when the program is transposed and they do not fit in
    /// registers (rows of more than two words, or more than 64 rules).
    ruled_out: Vec<u64>,
    /// Bit `r`: rule `r`'s condition holds.
    pub(crate) holding: Vec<u64>,
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
        let values = &values.raw;
        fit(&mut out.holding, self.rule_count.div_ceil(64), 0);
        if !self.transposed {
            self.bits_into(values, &mut out.bits);
            out.holding.fill(0);
            self.rules_holding(&out.bits, &mut out.holding);
        } else if let (2, [holding]) = (self.slot_words, &mut out.holding[..]) {
            *holding = self.holding_from_pair(self.ruled_out_pair(values));
        } else {
            fit(&mut out.ruled_out, self.slot_words as usize, 0);
            self.ruled_out_into(values, &mut out.ruled_out);
            self.holding_from(&out.ruled_out, &mut out.holding);
        }
        self.score(out);
    }

    /// The rest of [`Program::decide`], from `out.holding`: the fired scoring
    /// rules, the scores, the vetoes, the recommendation and the advice rules for it.
    pub(crate) fn score(&self, out: &mut Decision) {
        if let ([holding], [scoring], false) = (&out.holding[..], &self.scoring_rules[..], self.weights.is_empty()) {
            self.score_one_word(*holding, *scoring, out);
            return;
        }
        let words = out.holding.len();
        fit(&mut out.fired, words, 0);
        for ((fired, &holding), &scoring) in out.fired.iter_mut().zip(&out.holding).zip(&self.scoring_rules) {
            *fired = holding & scoring;
        }
        fit(&mut out.scores, self.approach_count, 0);
        out.scores.fill(0);
        if self.weights.is_empty() {
            // Weights in declaration order: saturating additions do not commute.
            for_each_set(&out.fired, |rule| {
                let effects = self.rules.get(rule).map(|code| code.effects).unwrap_or_default();
                self.apply(effects, &mut out.scores);
            });
        } else {
            // No score can saturate: each fired rule adds its row, four lanes at once.
            let mut sums = [0_i32; 4];
            for_each_set(&out.fired, |rule| {
                if let Some(row) = self.weights.get(rule) {
                    sums = std::array::from_fn(|i| sums[i].wrapping_add(row[i]));
                }
            });
            for (score, sum) in out.scores.iter_mut().zip(sums) {
                *score = sum;
            }
        }
        fit(&mut out.vetoed_by, self.approach_count, None);
        for (approach, vetoed_by) in out.vetoed_by.iter_mut().enumerate() {
            let vetoes = self.vetoes_of.get(approach * words..(approach + 1) * words).unwrap_or_default();
            *vetoed_by = (0..)
                .zip(out.fired.iter().zip(vetoes))
                .find(|(_, (fired, vetoes))| *fired & *vetoes != 0)
                .map(|(word, (fired, vetoes))| word * 64 + (fired & vetoes).trailing_zeros());
        }
        out.recommendation = best(out.scores.iter().zip(&out.vetoed_by).map(|(&score, by)| (score, by.is_some())));
        // The advice rules for the recommendation whose condition holds.
        let advised = self.advice_for.get(out.recommendation.index() * words..).unwrap_or_default();
        for ((fired, &holding), &advised) in out.fired.iter_mut().zip(&out.holding).zip(advised) {
            *fired |= holding & advised;
        }
    }

    /// [`Program::score`] for at most 64 rules with dense weights (the
    /// default rules): the fired rules are one word, kept in a register, and
    /// each approach's score and first veto are worked out in one pass.
    fn score_one_word(&self, holding: u64, scoring: u64, out: &mut Decision) {
        let fired = holding & scoring;
        let mut sums = [0_i32; 4];
        let mut rest = fired;
        while rest != 0 {
            if let Some(row) = self.weights.get(rest.trailing_zeros() as usize) {
                sums = std::array::from_fn(|i| sums[i].wrapping_add(row[i]));
            }
            rest &= rest - 1;
        }
        // Dense weights mean at most four approaches: `sums` has them all.
        fit(&mut out.scores, self.approach_count, 0);
        fit(&mut out.vetoed_by, self.approach_count, None);
        for (approach, ((score, vetoed_by), sum)) in out.scores.iter_mut().zip(&mut out.vetoed_by).zip(sums).enumerate()
        {
            *score = sum;
            let vetoes = fired & self.vetoes_of.get(approach).copied().unwrap_or(0);
            *vetoed_by = (vetoes != 0).then(|| vetoes.trailing_zeros());
        }
        out.recommendation = best(out.scores.iter().zip(&out.vetoed_by).map(|(&score, by)| (score, by.is_some())));
        let advised = self.advice_for.get(out.recommendation.index()).copied().unwrap_or(0);
        fit(&mut out.fired, 1, 0);
        out.fired[0] = fired | holding & advised;
    }

    /// Where the row of `group` for the class of its answer in `values` starts in `ruled_out`.
    #[inline]
    pub(crate) fn group_row(&self, group: &Group, values: &[Value]) -> usize {
        let class = values.get(group.question as usize).and_then(|&answer| self.class(group, answer));
        group.ruled_out as usize + class.unwrap_or(group.kind.classes()) * self.slot_words as usize
    }

    /// Where the row of loose atom `index` (an atom's number) for its truth over `values` starts in `ruled_out`.
    #[inline]
    pub(crate) fn loose_row(&self, index: u32, values: &[Value]) -> usize {
        // The loose atoms are the last ones.
        let position = (index as usize + self.loose.len()).saturating_sub(self.atoms.len());
        let holds = self.atoms.get(index as usize).is_some_and(|&atom| self.atom_holds(atom, values));
        self.loose_ruled_out as usize + (2 * position + usize::from(holds)) * self.slot_words as usize
    }

    /// The slots ruled out over `values`, when rows are two words (see
    /// `rules::program::transpose`): the groups by kind, each classifying its
    /// answer without a dispatch on the kind, then the loose atoms.
    fn ruled_out_pair(&self, values: &[Value]) -> [u64; 2] {
        let row = |at: usize| self.row_pair(at);
        let answer = |question: u32| values.get(question as usize).copied();
        let [mut low, mut high] = self.unreachable.first_chunk::<2>().copied().unwrap_or([0; 2]);
        for (question, rows) in &self.flag_rows {
            // An answer of another kind reads as false, the first row.
            let [a, b] = rows[usize::from(matches!(answer(*question), Some(Value::Bool(true))))];
            low |= a;
            high |= b;
        }
        let mut add = |at: usize| {
            let [a, b] = row(at);
            low |= a;
            high |= b;
        };
        for &(question, beyond, at) in &self.choice_rows {
            let class = match answer(question) {
                Some(Value::Choice(v)) => u32::from(v).min(beyond),
                _ => beyond + 1,
            };
            add(at as usize + 2 * class as usize);
        }
        for &(question, bounds, at) in &self.int_rows {
            let bounds = self.bounds.get(bounds.range()).unwrap_or_default();
            let class = match answer(question) {
                Some(Value::Int(v)) => bounds.iter().filter(|&&bound| bound <= v).count(),
                _ => bounds.len() + 1,
            };
            add(at as usize + 2 * class);
        }
        for &index in &self.loose {
            add(self.loose_row(index, values));
        }
        [low, high]
    }

    /// The slots ruled out over `values` into `out` (`slot_words` words), rows of any width.
    fn ruled_out_into(&self, values: &[Value], out: &mut [u64]) {
        out.copy_from_slice(&self.unreachable);
        for group in &self.groups {
            self.add_row(self.group_row(group, values), out);
        }
        for &index in &self.loose {
            self.add_row(self.loose_row(index, values), out);
        }
    }

    /// Where the rows of every group, then every loose atom, for `values` start in `ruled_out`.
    pub(crate) fn rows(&self, values: &[Value]) -> Vec<usize> {
        let groups = self.groups.iter().map(|group| self.group_row(group, values));
        groups.chain(self.loose.iter().map(|&index| self.loose_row(index, values))).collect()
    }

    /// For each group boundary `i` (0 to the number of groups), `slot_words`
    /// words: the slots ruled out by the groups before `i`, and by the groups
    /// from `i` on and every loose atom, their rows being `rows` (from [`Program::rows`]).
    pub(crate) fn before_and_after(&self, rows: &[usize]) -> (Vec<u64>, Vec<u64>) {
        let words = self.slot_words as usize;
        let count = self.groups.len();
        let (group_rows, loose_rows) = rows.split_at(count.min(rows.len()));
        let mut before = vec![0; (count + 1) * words];
        let mut after = vec![0; (count + 1) * words];
        before[..words].copy_from_slice(&self.unreachable);
        for (i, &row) in group_rows.iter().enumerate() {
            let (done, next) = before.split_at_mut((i + 1) * words);
            next[..words].copy_from_slice(&done[i * words..]);
            self.add_row(row, &mut next[..words]);
        }
        for &row in loose_rows {
            self.add_row(row, &mut after[count * words..]);
        }
        for (i, &row) in group_rows.iter().enumerate().rev() {
            let (this, done) = after.split_at_mut((i + 1) * words);
            this[i * words..].copy_from_slice(&done[..words]);
            self.add_row(row, &mut this[i * words..]);
        }
        (before, after)
    }

    /// The slots ruled out by the groups and loose atoms that read none of
    /// `questions`, their rows being `rows` (from [`Program::rows`]), into
    /// `out`; `marks` is scratch, one per question, all false.
    pub(crate) fn ruled_out_except(&self, questions: &[u32], rows: &[usize], marks: &mut [bool], out: &mut Vec<u64>) {
        fit(out, self.slot_words as usize, 0);
        out.copy_from_slice(&self.unreachable);
        for &q in questions {
            marks[q as usize] = true;
        }
        let marked = |q: u32| marks.get(q as usize).copied().unwrap_or(false);
        let (group_rows, loose_rows) = rows.split_at(self.groups.len().min(rows.len()));
        for (group, &row) in self.groups.iter().zip(group_rows) {
            if !marked(group.question) {
                self.add_row(row, out);
            }
        }
        for (&index, &row) in self.loose.iter().zip(loose_rows) {
            if !self.atoms[index as usize].questions().into_iter().flatten().any(marked) {
                self.add_row(row, out);
            }
        }
        for &q in questions {
            marks[q as usize] = false;
        }
    }

    /// Adds to `out` the slots ruled out over `values` by the groups and loose atoms reading `questions`.
    pub(crate) fn rule_out_reading(&self, questions: &[u32], values: &[Value], out: &mut [u64]) {
        self.rows_reading(questions, values, |at| self.add_row(at, out));
    }

    /// Calls `f` with where the row over `values` starts of every group and loose atom reading one of `questions`.
    #[inline]
    pub(crate) fn rows_reading(&self, questions: &[u32], values: &[Value], mut f: impl FnMut(usize)) {
        for &question in questions {
            let groups = self.groups_reading.get(question as usize).copied().unwrap_or_default();
            for group in self.groups.get(groups.range()).unwrap_or_default() {
                f(self.group_row(group, values));
            }
            for &index in self.loose_reading.get(question as usize).map_or(&[][..], Vec::as_slice) {
                f(self.loose_row(index, values));
            }
        }
    }

    /// Row `at` of `ruled_out`, when rows are two words.
    #[inline]
    pub(crate) fn row_pair(&self, at: usize) -> [u64; 2] {
        self.ruled_out.get(at..at + 2).map_or([0; 2], |row| [row[0], row[1]])
    }

    #[inline]
    pub(crate) fn add_row(&self, at: usize, out: &mut [u64]) {
        let row = self.ruled_out.get(at..at + out.len()).unwrap_or_default();
        for (out, &row) in out.iter_mut().zip(row) {
            *out |= row;
        }
    }

    /// As [`Program::holding_from`], for rows of two words and at most 64 rules.
    pub(crate) fn holding_from_pair(&self, [low, high]: [u64; 2]) -> u64 {
        let first = self.first_slots.first().copied().unwrap_or(0);
        let mut holding = !low & first;
        // Further terms of rules with several: slot `rule_count + i` is a term of rule `extra_rules[i]`.
        for (offset, mut passed) in [(0, !low & !first), (64, !high)] {
            while passed != 0 {
                let slot = offset + passed.trailing_zeros() as usize;
                passed &= passed - 1;
                if let Some(&rule) = self.extra_rules.get(slot - self.rule_count) {
                    holding |= 1 << (rule % 64);
                }
            }
        }
        holding
    }

    /// The rules holding, given the slots ruled out: a rule holds when one of its slots is not.
    pub(crate) fn holding_from(&self, ruled_out: &[u64], holding: &mut [u64]) {
        if let ([low, high], [holding]) = (ruled_out, &mut *holding) {
            *holding = self.holding_from_pair([*low, *high]);
            return;
        }
        for ((holding, &out), &first) in holding.iter_mut().zip(ruled_out).zip(&self.first_slots) {
            *holding = !out & first;
        }
        // Further terms of rules with several: slot `rule_count + i` is a term of rule `extra_rules[i]`.
        for (word, (&out, &first)) in ruled_out.iter().zip(&self.first_slots).enumerate().skip(self.rule_count / 64) {
            let mut passed = !out & !first;
            while passed != 0 {
                let slot = word * 64 + passed.trailing_zeros() as usize;
                passed &= passed - 1;
                if let Some(&rule) = self.extra_rules.get(slot - self.rule_count) {
                    set_bit_to(holding, rule as usize, true);
                }
            }
        }
    }

    /// Every rule's condition over `bits`, in one pass over their terms: bit
    /// `r` of `out` (all clear) is set when a term of rule `r`'s condition passes.
    pub(crate) fn rules_holding(&self, bits: &[u64], out: &mut [u64]) {
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
        fit(bits, self.bit_words(), 0);
        bits.fill(0);
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
        let class = values.get(group.question as usize).and_then(|&answer| self.class(group, answer));
        // An answer of another kind: every atom reads it as false.
        class.map_or(0, |class| self.class_bits(group, class))
    }

    /// The class of `answer` for `group` (see `GroupKind`); `None` for an answer of another kind.
    #[inline]
    pub(crate) fn class(&self, group: &Group, answer: Value) -> Option<usize> {
        match (group.kind, answer) {
            (GroupKind::Flag, Value::Bool(b)) => Some(usize::from(b)),
            (GroupKind::Choice { beyond }, Value::Choice(v)) => Some(u32::from(v).min(beyond) as usize),
            // A group has at most 128 bounds and most have a few: a linear scan beats a binary search.
            (GroupKind::Int { bounds }, Value::Int(v)) => Some(
                self.bounds.get(bounds.range()).unwrap_or_default().iter().take_while(|&&bound| bound <= v).count(),
            ),
            _ => None,
        }
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

    /// Every approach's score in `decision` and how many of its fired rules veto it.
    pub(crate) fn tallies(&self, decision: &Decision) -> Vec<Tally> {
        let words = decision.fired.len();
        (0..)
            .zip(&decision.scores)
            .map(|(approach, &score)| {
                let vetoes = self.vetoes_of.get(approach * words..(approach + 1) * words).unwrap_or_default();
                let vetoes =
                    decision.fired.iter().zip(vetoes).map(|(fired, vetoes)| (fired & vetoes).count_ones()).sum();
                Tally { score, vetoes }
            })
            .collect()
    }

    /// Adds (`sign` 1) or removes (-1) rule `rule`'s weights and vetoes in `tallies`.
    pub(crate) fn adjust(&self, rule: usize, sign: i32, tallies: &mut [Tally]) {
        let code = self.rules.get(rule).copied().unwrap_or_default();
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

/// Makes `items` `len` long (new items `value`), keeping its allocation; the
/// items already there keep their values, for the caller to overwrite.
fn fit<T: Copy>(items: &mut Vec<T>, len: usize, value: T) {
    if items.len() != len {
        items.clear();
        items.resize(len, value);
    }
}

/// Calls `f` with the index of every set bit of `words`, in increasing order.
#[inline]
pub(crate) fn for_each_set(words: &[u64], mut f: impl FnMut(usize)) {
    for (index, &word) in words.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            f(index * 64 + rest.trailing_zeros() as usize);
            rest &= rest - 1;
        }
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

#[cfg(test)]
mod adversarial_tests;
