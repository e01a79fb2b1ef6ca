//! Running a compiled [`Program`]: the decision a rule set makes over one
//! set of answers, without allocating per evaluation.
//!
//! [`Program::decide`] first evaluates every atom once into a bitset (bit
//! `i` is atom `i`): the same test shared by several rules costs once.
//!
//! `decide` then runs the scoring rules in declaration order into a
//! caller-owned [`Decision`] (scores, first veto per approach, fired rules
//! as a bitset), picks the recommendation and runs the advice rules for it.
//! Once a `Decision` has been used, deciding again allocates nothing.

use std::cmp::Reverse;

pub use crate::rules::program::Program;
use crate::rules::program::{Atom, Node, RuleCode};
use crate::rules::{ApproachId, QuestionId, RuleId, TiSlice, Value};

/// The outcome of [`Program::decide`], reusable from one evaluation to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    atoms: Vec<u64>,
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
        let rule = rule.index();
        self.fired.get(rule / 64).is_some_and(|w| w >> (rule % 64) & 1 == 1)
    }

    /// The recommended approach.
    #[must_use]
    pub fn recommendation(&self) -> ApproachId {
        self.recommendation
    }
}

impl Program {
    /// Whether `question`'s ask-condition holds over `values` (true without one).
    #[must_use]
    pub fn asks(&self, question: QuestionId, values: &TiSlice<QuestionId, Value>) -> bool {
        let values = &values.raw;
        self.asks
            .get(question.index())
            .copied()
            .flatten()
            .is_none_or(|root| self.holds(root, &|word, mask| self.atom_word(word, mask, values)))
    }

    /// Evaluates the rules over `values` (one effective answer per question) into `out`.
    pub fn decide(&self, values: &TiSlice<QuestionId, Value>, out: &mut Decision) {
        self.atoms_into(&values.raw, &mut out.atoms);
        out.scores.clear();
        out.scores.resize(self.approach_count, 0);
        out.vetoed_by.clear();
        out.vetoed_by.resize(self.approach_count, None);
        out.fired.clear();
        out.fired.resize(self.rule_count.div_ceil(64), 0);
        let atoms = &out.atoms;
        let truth = |word: u32, mask: u64| atoms[word as usize] & mask;
        for code in &self.scoring {
            if self.holds(code.root, &truth) {
                set_bit(&mut out.fired, code.rule);
                self.apply(code, 1, &mut out.scores);
                for &approach in &self.approach_lists[code.approaches.range()] {
                    out.vetoed_by[approach as usize].get_or_insert(code.rule);
                }
            }
        }
        out.recommendation = best(&out.scores, |a| out.vetoed_by[a.index()].is_some());
        for code in &self.advice {
            if self.advises_for(code, out.recommendation) && self.holds(code.root, &truth) {
                set_bit(&mut out.fired, code.rule);
            }
        }
    }

    /// Every atom's truth over `values`, as a bitset.
    pub(crate) fn atoms_into(&self, values: &[Value], atoms: &mut Vec<u64>) {
        atoms.clear();
        atoms.resize(self.atoms.len().div_ceil(64), 0);
        for (index, atom) in self.atoms.iter().enumerate() {
            atoms[index / 64] |= u64::from(self.atom_holds(*atom, values)) << (index % 64);
        }
    }

    /// Re-evaluates, in `atoms`, the atoms reading question `question`.
    pub(crate) fn update_atoms(&self, question: usize, values: &[Value], atoms: &mut [u64]) {
        for &index in self.atoms_reading.get(question).map_or(&[][..], Vec::as_slice) {
            let (word, bit) = ((index / 64) as usize, index % 64);
            let holds = self.atom_holds(self.atoms[index as usize], values);
            atoms[word] = atoms[word] & !(1 << bit) | u64::from(holds) << bit;
        }
    }

    /// How many scoring rules there are.
    pub(crate) fn scoring_count(&self) -> usize {
        self.scoring.len()
    }

    /// Whether the scoring rule at `position` (among the scoring rules) holds, given the atoms' bitset.
    pub(crate) fn scoring_holds(&self, position: usize, atoms: &[u64]) -> bool {
        self.holds(self.scoring[position].root, &|word, mask| atoms[word as usize] & mask)
    }

    /// Adds (`sign` 1) or removes (`sign` -1) the scoring rule at `position`'s
    /// weights to `scores` and its vetoes to `vetoes`, a count per approach.
    pub(crate) fn scoring_effects(&self, position: usize, sign: i32, scores: &mut [i32], vetoes: &mut [u32]) {
        let code = &self.scoring[position];
        self.apply(code, sign, scores);
        for &approach in &self.approach_lists[code.approaches.range()] {
            let count = &mut vetoes[approach as usize];
            *count = count.saturating_add_signed(sign);
        }
    }

    /// Whether the condition rooted at `node` holds. `truth(word, mask)` gives
    /// the atoms' truth: the bits of `mask` whose atoms (numbered `64 * word + bit`) hold.
    fn holds(&self, node: u32, truth: &impl Fn(u32, u64) -> u64) -> bool {
        match self.nodes[node as usize] {
            Node::Const(b) => b,
            Node::Atom(index) => truth(index / 64, 1 << (index % 64)) != 0,
            Node::Bits { word, set, clear, any } => {
                let bits = truth(word, set | clear);
                if any { bits & set != 0 || !bits & clear != 0 } else { bits & set == set && bits & clear == 0 }
            }
            Node::Not { first } => !self.holds(first, truth),
            Node::All { first, len } => (first..first + len).all(|child| self.holds(child, truth)),
            Node::Any { first, len } => (first..first + len).any(|child| self.holds(child, truth)),
            Node::Same { first, negate } => (self.holds(first, truth) == self.holds(first + 1, truth)) != negate,
        }
    }

    /// The atoms of `mask` in word `word` that hold over `values`, evaluated now.
    fn atom_word(&self, word: u32, mask: u64, values: &[Value]) -> u64 {
        let mut out = 0;
        let mut rest = mask;
        while rest != 0 {
            let bit = rest.trailing_zeros();
            rest &= rest - 1;
            let index = (word * 64 + bit) as usize;
            out |= u64::from(self.atom_holds(self.atoms[index], values)) << bit;
        }
        out
    }

    /// Whether `atom` holds over `values`. A slot holding a value of another kind
    /// than the atom expects (impossible for answers resolved against the same
    /// rule set) reads as false, as in [`Expr::eval`].
    fn atom_holds(&self, atom: Atom, values: &[Value]) -> bool {
        let answer = |q: u32| values.get(q as usize).copied();
        match atom {
            Atom::Flag(q) => matches!(answer(q), Some(Value::Bool(true))),
            Atom::ChoiceMask { question, mask, negate } => match answer(question) {
                Some(Value::Choice(v)) => (v < 64 && mask >> v & 1 == 1) != negate,
                _ => false,
            },
            Atom::ChoiceWords { question, first, len, negate } => match answer(question) {
                Some(Value::Choice(v)) => {
                    let (word, bit) = (u32::from(v / 64), v % 64);
                    (word < len && self.words[(first + word) as usize] >> bit & 1 == 1) != negate
                }
                _ => false,
            },
            Atom::InRange { question, lo, hi, negate } => match answer(question) {
                Some(Value::Int(v)) => (lo <= v && v <= hi) != negate,
                _ => false,
            },
            Atom::Compare { op, lhs, rhs } => match (answer(lhs), answer(rhs)) {
                (Some(Value::Int(l)), Some(Value::Int(r))) => op.holds(l, r),
                _ => false,
            },
        }
    }

    /// Adds `sign` times a rule's weights to `scores`.
    fn apply(&self, code: &RuleCode, sign: i32, scores: &mut [i32]) {
        for &(approach, weight) in &self.effects[code.effects.range()] {
            let score = &mut scores[approach as usize];
            *score = score.saturating_add(sign.saturating_mul(weight));
        }
    }

    fn advises_for(&self, code: &RuleCode, recommendation: ApproachId) -> bool {
        self.approach_lists[code.approaches.range()].iter().any(|&a| a as usize == recommendation.index())
    }
}

/// The best approach: not vetoed before vetoed, then the highest score, then the simplest (lowest index).
pub(crate) fn best(scores: &[i32], vetoed: impl Fn(ApproachId) -> bool) -> ApproachId {
    let mut best: Option<(ApproachId, (bool, Reverse<i32>))> = None;
    for (approach, &score) in scores.iter().enumerate() {
        let approach = ApproachId::from(approach);
        let key = (vetoed(approach), Reverse(score));
        if best.is_none_or(|(_, best_key)| key < best_key) {
            best = Some((approach, key));
        }
    }
    best.map_or(ApproachId::default(), |(approach, _)| approach)
}

fn set_bit(words: &mut [u64], bit: u32) {
    words[(bit / 64) as usize] |= 1 << (bit % 64);
}

#[cfg(test)]
impl Program {
    /// Whether node 0 holds over `values`, its atoms evaluated first into a bitset.
    fn single_holds(&self, values: &TiSlice<QuestionId, Value>) -> bool {
        let mut atoms = Vec::new();
        self.atoms_into(&values.raw, &mut atoms);
        self.holds(0, &|word, mask| atoms[word as usize] & mask)
    }

    /// Whether node 0 holds over `values`, its atoms evaluated as they are read.
    fn single_holds_lazily(&self, values: &TiSlice<QuestionId, Value>) -> bool {
        self.holds(0, &|word, mask| self.atom_word(word, mask, &values.raw))
    }
}

#[cfg(test)]
mod tests;
