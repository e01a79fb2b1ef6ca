//! The rules' conditions transposed: instead of testing every term against
//! the bitset of atoms, each group's answer rules out the terms that want its
//! atoms the other way.
//!
//! Every term of a rule's condition gets a *slot*: slot `r` is the first term
//! of rule `r`, and the further terms of rules with several take the slots
//! from `rule_count` on (`extra_rules` says whose they are). For each group
//! (see `Group`) and each class of answer it tells apart, plus one for an
//! answer of another kind, a row of `slot_words` words holds the slots whose
//! term a group's atoms of that class contradict: the term checks one of
//! them and wants it the other way. A loose atom has two rows, for false and
//! true. Evaluating the conditions is then, per group, classifying its answer
//! and OR-ing one row; a term passes when no group ruled it out, and a rule
//! holds when one of its slots passes. This needs every bit a rule's term
//! reads to be an atom: a program whose rules read a derived bit, or whose
//! rows would take more than `MAX_WORDS`, keeps `transposed` false and is
//! evaluated term by term.

use super::{GroupKind, Program, to_u32};

/// The most words the rows may take together (512 KiB).
const MAX_WORDS: usize = 1 << 16;

impl Program {
    /// Builds the rows, when the rules' conditions read only atoms and the rows stay within `MAX_WORDS`.
    pub(super) fn transpose(&mut self) {
        let terms = self.terms.get(self.rule_terms.range()).unwrap_or_default();
        let atom_count = self.atoms.len();
        // Every check of every term, as (slot, word, mask, want).
        let mut checks = Vec::with_capacity(terms.len());
        let mut has_term = vec![false; self.rule_count];
        let mut extra_rules = Vec::new();
        for term in terms {
            let rule = term.rule as usize;
            let slot = if has_term.get(rule).copied().unwrap_or(true) {
                extra_rules.push(term.rule);
                self.rule_count + extra_rules.len() - 1
            } else {
                has_term[rule] = true;
                rule
            };
            let rest = self.checks.get(term.rest.range()).unwrap_or_default();
            for (word, mask, want) in
                std::iter::once((term.word, term.mask, term.want)).chain(rest.iter().map(|c| (c.word, c.mask, c.want)))
            {
                if mask != 0 {
                    checks.push((slot, word, mask, want));
                }
            }
        }
        let reads_derived = checks
            .iter()
            .any(|&(_, word, mask, _)| word as usize * 64 + 63 - mask.leading_zeros() as usize >= atom_count);
        let slots = self.rule_count + extra_rules.len();
        let words = slots.div_ceil(64).max(2);
        let rows: usize = self.groups.iter().map(|g| g.kind.classes() + 1).sum::<usize>() + 2 * self.loose.len();
        if reads_derived || rows.saturating_mul(words) > MAX_WORDS {
            return;
        }
        let mut unreachable = vec![0_u64; words];
        for slot in (0..self.rule_count).filter(|&r| !has_term[r]).chain(slots..words * 64) {
            unreachable[slot / 64] |= 1 << (slot % 64);
        }
        let mut first_slots = vec![0_u64; words];
        for slot in 0..self.rule_count {
            first_slots[slot / 64] |= 1 << (slot % 64);
        }
        // The checks by the word they read.
        let mut by_word: Vec<Vec<(usize, u64, u64)>> = vec![Vec::new(); self.bit_words()];
        for &(slot, word, mask, want) in &checks {
            if let Some(list) = by_word.get_mut(word as usize) {
                list.push((slot, mask, want));
            }
        }
        // The row of the slots ruled out when the atoms of `ones` (in word `word`) are `bits`.
        let row = |word: usize, ones: u64, bits: u64| {
            let mut row = vec![0_u64; words];
            for &(slot, mask, want) in by_word.get(word).map_or(&[][..], Vec::as_slice) {
                if (bits ^ want) & mask & ones != 0 {
                    row[slot / 64] |= 1 << (slot % 64);
                }
            }
            row
        };
        let mut ruled_out = Vec::with_capacity(rows * words);
        for index in 0..self.groups.len() {
            let group = self.groups[index];
            let (word, shift) = ((group.first / 64) as usize, group.first % 64);
            let ones = (u64::MAX >> (64 - group.len.clamp(1, 64))) << shift;
            self.groups[index].ruled_out = to_u32(ruled_out.len());
            let classes = group.kind.classes();
            for class in 0..=classes {
                // The last row is for an answer of another kind: every atom false.
                let bits = if class == classes { 0 } else { self.class_bits(&group, class) };
                ruled_out.extend(row(word, ones, bits << shift));
            }
        }
        for group in &self.groups {
            match group.kind {
                GroupKind::Flag => {
                    // Its rows for false and true, in place, when rows are two words (see `decide`).
                    let at = group.ruled_out as usize;
                    if let Some(&[a, b, c, d]) = ruled_out.get(at..at + 4).filter(|_| words == 2) {
                        self.flag_rows.push((group.question, [[a, b], [c, d]]));
                    }
                }
                GroupKind::Choice { beyond } => self.choice_rows.push((group.question, beyond, group.ruled_out)),
                GroupKind::Int { bounds } => self.int_rows.push((group.question, bounds, group.ruled_out)),
            }
        }
        self.loose_ruled_out = to_u32(ruled_out.len());
        for &index in &self.loose {
            let (word, ones) = ((index / 64) as usize, 1 << (index % 64));
            ruled_out.extend(row(word, ones, 0));
            ruled_out.extend(row(word, ones, ones));
        }
        self.ruled_out = ruled_out;
        self.slot_words = to_u32(words);
        self.unreachable = unreachable;
        self.first_slots = first_slots;
        self.extra_rules = extra_rules;
        self.transposed = true;
    }
}
