//! The compiled form of a rule set's conditions: built once when the rule
//! set is compiled, run by [`crate::eval`] without allocating per evaluation.
//!
//! A [`Program`] is built once from a validated rule set, in two layers,
//! both over one bitset per evaluation.
//!
//! **Atoms.** Every distinct leaf test of every condition (rules' `when` and
//! questions' `ask_when`) is one `Atom`, reading one or two answer slots
//! (the answer to question `i` is `values[i]`), simplified at build time:
//!
//! - a choice test (`x == a`, `x != a`, `x in [a, b]`) is a bitset of the
//!   choice indices it accepts: one `u64` mask when every index is below 64,
//!   else a run of words in `Program::words`;
//! - a comparison of an integer answer with a literal is a precomputed
//!   inclusive range (`n < 10` is `n` in `i64::MIN..=9`), negated for `!=`;
//!   a bound that would overflow folds to `false`;
//! - a boolean answer is itself; a comparison of two literals is folded to a constant.
//!
//! Atom `i` is bit `i` of the bitset; the same test shared by several rules
//! costs once. The atoms reading one question are numbered together, in
//! `Group`s of up to 64 within one word of the bitset, evaluated at once:
//! the answer is classified once (`false` or `true`; a choice's index; for
//! an integer, how many of the group's precomputed thresholds, where one of
//! its ranges starts or ends, lie at or below it) and the group's bits for
//! that class come from a table made when the program is built (a boolean
//! question has one atom, its answer, and needs none). A question costs one
//! lookup however many atoms read it. Comparisons of two answers
//! and choice sets with an index of 64 or more are evaluated one by one.
//!
//! **Conditions.** Each condition is compiled to disjunctive normal form: a
//! list of `Term`s, any of which makes it hold. A term reads one 64-bit
//! word of the bitset and compares the bits of a mask with the wanted ones:
//! `a and not b and c` is the single term `bits & {a, b, c} == {a, c}`. A
//! term over atoms in several words has one further `Check` per other word
//! (so while the atoms and derived bits fit in one word, as the default
//! rules' do, every term is one mask test). Evaluating a condition is one
//! flat loop over its terms, with no recursion and no branches per
//! operator; negation is pushed down to the atoms while building, where it
//! is free (a wanted bit clear instead of set).
//!
//! Normal form can blow up: `(a or b) and (c or d) and ...` has 2^n terms.
//! When the terms of an `and` would multiply past `MAX_TERMS`, its
//! widest operands become *derived bits*: bits numbered after the atoms,
//! each holding one sub-condition's truth, computed (in order, from atoms
//! and earlier derived bits) right after the atoms. The operand is then a
//! single literal, and the product stays small. An `==` or `!=` between two
//! conditions derives both sides the same way. So every condition is a flat
//! list of terms whatever its shape, and its size stays within a small
//! factor of its text.
//!
//! **Transposed rows.** When no rule's condition reads a derived bit,
//! `transpose.rs` also turns the rules' terms around: for each group and
//! class of answer, a row of the terms (slots) that answer rules out, so that
//! evaluating every rule is one row OR-ed per group (see `transpose.rs`).
//! When no score can saturate and there are at most four approaches, each
//! rule's weights are a dense row of four.
//!
//! This module only builds; `crate::eval::compiled` decides. Per question,
//! `Dependencies` lists what a change of its answer can reach, for the
//! incremental what-if search.

mod dependencies;
mod transpose;

use std::collections::HashMap;

use crate::rules::expr::{CmpOp, Expr, IntOperand};
use crate::rules::{ApproachId, Question, Rule, Value};
pub(crate) use dependencies::Dependencies;

/// How many terms an `and` may multiply out to before its widest operands
/// become derived bits (see the module documentation).
pub(crate) const MAX_TERMS: usize = 8;

/// A leaf test over the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Atom {
    /// A boolean answer is `true`.
    Flag(u32),
    /// A choice answer's index has its bit set in `mask`; negated for `!=`.
    ChoiceMask { question: u32, mask: u64, negate: bool },
    /// As `ChoiceMask`, for sets with an index of 64 or more: the bits are `words[first..first + len]`.
    ChoiceWords { question: u32, first: u32, len: u32, negate: bool },
    /// An integer answer lies in `lo..=hi`; negated for `!=`.
    InRange { question: u32, lo: i64, hi: i64, negate: bool },
    /// Two integer answers compared.
    Compare { op: CmpOp, lhs: u32, rhs: u32 },
}

impl std::hash::Hash for Atom {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match *self {
            Atom::Flag(q) => q.hash(state),
            Atom::ChoiceMask { question, mask, negate } => (question, mask, negate).hash(state),
            Atom::ChoiceWords { question, first, len, negate } => (question, first, len, negate).hash(state),
            Atom::InRange { question, lo, hi, negate } => (question, lo, hi, negate).hash(state),
            // `CmpOp` does not implement `Hash`; its discriminant stands for it.
            Atom::Compare { op, lhs, rhs } => (op as u8, lhs, rhs).hash(state),
        }
    }
}

impl Atom {
    /// Whether an atom reading one question holds when its answer is `answer`
    /// (`None` for `ChoiceWords` and `Compare`, which need more). An answer of
    /// another kind than the atom expects (impossible for answers resolved
    /// against the same rule set) reads as false, as in [`Expr::eval`].
    pub(crate) fn holds_for(self, answer: Value) -> Option<bool> {
        Some(match (self, answer) {
            (Atom::Flag(_), Value::Bool(b)) => b,
            (Atom::ChoiceMask { mask, negate, .. }, Value::Choice(v)) => (v < 64 && mask >> v & 1 == 1) != negate,
            (Atom::InRange { lo, hi, negate, .. }, Value::Int(v)) => (lo <= v && v <= hi) != negate,
            (Atom::ChoiceWords { .. } | Atom::Compare { .. }, _) => return None,
            (Atom::Flag(_) | Atom::ChoiceMask { .. } | Atom::InRange { .. }, _) => false,
        })
    }

    /// The question and kind of the group it belongs to, if it is of a kind evaluated by groups.
    fn group(self) -> Option<(u32, GroupKind)> {
        match self {
            Atom::Flag(q) => Some((q, GroupKind::Flag)),
            Atom::ChoiceMask { question, .. } => Some((question, GroupKind::Choice { beyond: 0 })),
            Atom::InRange { question, .. } => Some((question, GroupKind::Int { bounds: Span::default() })),
            Atom::ChoiceWords { .. } | Atom::Compare { .. } => None,
        }
    }

    /// The questions it reads.
    pub(crate) fn questions(self) -> [Option<u32>; 2] {
        match self {
            Atom::Flag(q)
            | Atom::ChoiceMask { question: q, .. }
            | Atom::ChoiceWords { question: q, .. }
            | Atom::InRange { question: q, .. } => [Some(q), None],
            Atom::Compare { lhs, rhs, .. } => [Some(lhs), Some(rhs)],
        }
    }
}

/// One term of a condition: it passes when the bits of `mask` in word
/// `word` of the bitset are those of `want`, and every further check in
/// `rest` passes too (only a term over atoms in several words has any).
/// A term always true tests no bits (`mask` 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Term {
    pub(crate) mask: u64,
    pub(crate) want: u64,
    pub(crate) word: u32,
    /// In a rule's condition, the rule's index (the bit it sets in `decide`'s
    /// bitset of rules that hold); 0 in other conditions.
    pub(crate) rule: u32,
    /// Its checks of other words, in `Program::checks`.
    pub(crate) rest: Span,
}

/// A further check of a term: the bits of `mask` in word `word` are those of `want`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Check {
    pub(crate) mask: u64,
    pub(crate) want: u64,
    pub(crate) word: u32,
}

/// A range of indices into one of the program's arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Span {
    pub(crate) first: u32,
    pub(crate) len: u32,
}

impl Span {
    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.first as usize..(self.first + self.len) as usize
    }
}

/// Up to 64 atoms reading the same question, numbered one after the other
/// within one word of the bitset, evaluated together: the answer is
/// classified once, and the group's bits for that class come from a table
/// made when the program is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Group {
    pub(crate) question: u32,
    /// Its atoms are bits `first..first + len` of the bitset, all in word `first / 64`.
    pub(crate) first: u32,
    pub(crate) len: u32,
    pub(crate) kind: GroupKind,
    /// Where its table starts in `Program::tables`: one entry per class of
    /// answer (see [`GroupKind`]), bit `i` for the group's atom `i`.
    pub(crate) table: u32,
    /// Where its rows start in `Program::ruled_out` (when the program is
    /// transposed): one row per class of answer, then one for an answer of
    /// another kind, each `Program::slot_words` words.
    pub(crate) ruled_out: u32,
}

/// How a group classifies its question's answer: the index of its table
/// entry. An answer of another kind (impossible for answers resolved
/// against the same rule set) has no class: every atom reads it as false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum GroupKind {
    /// The question's one `Flag` atom (atoms are shared, so there is one):
    /// its bit is the answer, and it has no table.
    Flag,
    /// Choice `v` is `min(v, beyond)`: no atom tells apart the choices from `beyond` on.
    Choice { beyond: u32 },
    /// An integer is the count of `bounds` (sorted, in `Program::bounds`) at
    /// or below it: the group's atoms change truth only at those values.
    Int { bounds: Span },
}

impl GroupKind {
    /// How many classes of answer it tells apart (a flag: `false` and `true`).
    pub(crate) fn classes(self) -> usize {
        match self {
            GroupKind::Flag => 2,
            GroupKind::Choice { beyond } => beyond as usize + 1,
            GroupKind::Int { bounds } => bounds.len as usize + 1,
        }
    }

    fn rank(self) -> u8 {
        match self {
            GroupKind::Flag => 0,
            GroupKind::Choice { .. } => 1,
            GroupKind::Int { .. } => 2,
        }
    }
}

/// A rule: its condition, and what it does when it holds (no weights and no
/// vetoes unless it is a scoring rule).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct RuleCode {
    /// Its condition: terms in `Program::terms`.
    pub(crate) condition: Span,
    /// `(approach, weight)` pairs in `Program::effects`.
    pub(crate) effects: Span,
    /// Approaches in `Program::approach_lists` it vetoes.
    pub(crate) approaches: Span,
}

/// A question's ask-condition, evaluated lazily (only the atoms it reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Ask {
    /// Its terms in `Program::terms`.
    pub(crate) condition: Span,
    /// The derived bits made for it, in `Program::derived`: evaluated first,
    /// once each, since its terms may read one several times.
    pub(crate) derived: Span,
}

/// A rule set's conditions and effects in the flat form [`Program::decide`] runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Program {
    /// Atom `i` is bit `i` of the bitset.
    pub(crate) atoms: Vec<Atom>,
    /// The atoms evaluated by groups, in bit order.
    pub(crate) groups: Vec<Group>,
    /// The groups' tables: a group's bits for each class of answer.
    pub(crate) tables: Vec<u64>,
    /// Integer groups' bounds.
    pub(crate) bounds: Vec<i64>,
    /// The atoms not in a group (`ChoiceWords`, `Compare`), evaluated one by one.
    pub(crate) loose: Vec<u32>,
    /// `groups_reading[q]`: the groups of the atoms reading question `q` (they are next to each other).
    pub(crate) groups_reading: Vec<Span>,
    /// `loose_reading[q]`: the atoms not in a group that read question `q`.
    pub(crate) loose_reading: Vec<Vec<u32>>,
    /// `derived[i]`: the condition whose truth is bit `atoms.len() + i`.
    pub(crate) derived: Vec<Span>,
    /// Every condition's terms, condition after condition.
    pub(crate) terms: Vec<Term>,
    /// The terms' checks of further words.
    pub(crate) checks: Vec<Check>,
    pub(crate) words: Vec<u64>,
    pub(crate) effects: Vec<(u32, i32)>,
    pub(crate) approach_lists: Vec<u32>,
    /// Every rule's condition, in declaration order, next to each other in
    /// `terms` (a plan rule's never holds: it has none), so that `decide` runs them in one pass.
    pub(crate) rule_terms: Span,
    /// Bit `r`: rule `r` is a scoring rule.
    pub(crate) scoring_rules: Vec<u64>,
    /// For approach `a`, words `a * w..(a + 1) * w` (`w` words per rule bitset):
    /// bit `r` is set when rule `r` gives advice when `a` is recommended.
    pub(crate) advice_for: Vec<u64>,
    /// For approach `a`, words `a * w..(a + 1) * w` (as `advice_for`): bit `r`
    /// is set when scoring rule `r` vetoes `a`.
    pub(crate) vetoes_of: Vec<u64>,
    /// `rules[r]`: rule `r`'s condition, weights and vetoes.
    pub(crate) rules: Vec<RuleCode>,
    /// When no score can saturate (`Dependencies::exact`) and there are at
    /// most four approaches: `weights[r][a]` is rule `r`'s weight for approach
    /// `a`, zero for rules without weights. Empty otherwise.
    pub(crate) weights: Vec<[i32; 4]>,
    /// Whether `decide` evaluates the rules' conditions by the transposed
    /// tables below rather than term by term (see `transpose`).
    pub(crate) transposed: bool,
    /// Words per row of `ruled_out` (and of `unreachable` and `first_slots`): at least two.
    pub(crate) slot_words: u32,
    /// The rows of every group and loose atom: for each class of answer, the
    /// slots (terms) that an answer of that class rules out.
    pub(crate) ruled_out: Vec<u64>,
    /// Where the loose atoms' rows start in `ruled_out`: two per atom (false, true), in `loose` order.
    pub(crate) loose_ruled_out: u32,
    /// The slots no term fills (rules without a term, and the bits past the last slot): ruled out from the start.
    pub(crate) unreachable: Vec<u64>,
    /// The slots `0..rule_count`: slot `r` is the first term of rule `r`.
    pub(crate) first_slots: Vec<u64>,
    /// Slot `rule_count + i` is a further term of rule `extra_rules[i]`.
    pub(crate) extra_rules: Vec<u32>,
    /// The groups again, by kind, with where their rows start, for `decide`'s
    /// loop over them: a flag's question and its rows for false and true,
    /// copied here when rows are two words (only then does `decide` use them),
    pub(crate) flag_rows: Vec<(u32, [[u64; 2]; 2])>,
    /// a choice's question and `beyond`,
    pub(crate) choice_rows: Vec<(u32, u32, u32)>,
    /// an integer's question and bounds.
    pub(crate) int_rows: Vec<(u32, Span, u32)>,
    /// Each question's ask-condition.
    pub(crate) asks: Vec<Option<Ask>>,
    pub(crate) approach_count: usize,
    pub(crate) rule_count: usize,
    /// What each answer can reach, for incremental re-evaluation.
    pub(crate) dependencies: Dependencies,
}

/// Builds a [`Program`]: atoms are shared between conditions through `seen`.
struct Builder {
    program: Program,
    seen: HashMap<Atom, u32>,
    /// `ChoiceWords` atoms by what they test, so each set of words is stored once.
    choice_words: HashMap<(u32, Vec<u16>, bool), u32>,
    /// Set once every atom is numbered: derived bits come after them.
    atoms_numbered: bool,
    max_terms: usize,
}

impl Program {
    /// Compiles a validated rule set's conditions.
    #[must_use]
    pub fn new(approach_count: usize, questions: &[Question], rules: &[Rule]) -> Program {
        let mut builder = Builder::new(MAX_TERMS);
        builder.program.approach_count = approach_count;
        builder.program.rule_count = rules.len();
        let active = || rules.iter().enumerate().filter(|(_, rule)| !rule.is_plan());
        let asked = || questions.iter().map(|q| q.ask_when.as_ref().map(|c| &c.expr));
        // Every atom first, so that derived bits are numbered after them.
        for expr in asked().flatten().chain(active().map(|(_, rule)| &rule.when.expr)) {
            builder.number_atoms(expr);
        }
        builder.group_atoms();
        for expr in asked() {
            let ask = expr.map(|expr| builder.ask(expr));
            builder.program.asks.push(ask);
        }
        // Every rule's condition compiled (placing the derived bits it makes), then all placed together.
        let conditions: Vec<Terms> = rules
            .iter()
            .map(|rule| if rule.is_plan() { constant(false) } else { builder.terms(&rule.when.expr, false) })
            .collect();
        let first = to_u32(builder.program.terms.len());
        let spans: Vec<Span> = (0..).zip(&conditions).map(|(rule, terms)| builder.place(terms, rule)).collect();
        builder.program.rule_terms = Span { first, len: to_u32(builder.program.terms.len()) - first };
        let words = rules.len().div_ceil(64);
        builder.program.scoring_rules = vec![0; words];
        builder.program.advice_for = vec![0; words * approach_count];
        builder.program.vetoes_of = vec![0; words * approach_count];
        for ((index, rule), condition) in rules.iter().enumerate().zip(spans) {
            let (word, bit) = (index / 64, index % 64);
            let mut code = RuleCode { condition, ..RuleCode::default() };
            if rule.is_advice() {
                for &approach in &rule.when_recommended {
                    if let Some(w) = builder.program.advice_for.get_mut(approach.index() * words + word) {
                        *w |= 1 << bit;
                    }
                }
            } else if !rule.is_plan() {
                code.effects = builder.push_effects(&rule.effects);
                code.approaches = builder.push_approaches(&rule.veto);
                builder.program.scoring_rules[word] |= 1 << bit;
                for &approach in &rule.veto {
                    if let Some(w) = builder.program.vetoes_of.get_mut(approach.index() * words + word) {
                        *w |= 1 << bit;
                    }
                }
            }
            builder.program.rules.push(code);
        }
        let mut program = builder.program;
        program.groups_reading = vec![Span::default(); questions.len()];
        for (index, group) in (0..).zip(&program.groups) {
            if let Some(span) = program.groups_reading.get_mut(group.question as usize) {
                if span.len == 0 {
                    span.first = index;
                }
                span.len += 1;
            }
        }
        program.loose_reading = vec![Vec::new(); questions.len()];
        for &index in &program.loose {
            for q in program.atoms[index as usize].questions().into_iter().flatten() {
                if let Some(list) = program.loose_reading.get_mut(q as usize) {
                    list.push(index);
                }
            }
        }
        program.dependencies = Dependencies::new(approach_count, questions, rules);
        if program.dependencies.exact && approach_count <= 4 {
            program.weights = program
                .rules
                .iter()
                .map(|code| {
                    let mut row = [0; 4];
                    for &(approach, weight) in &program.effects[code.effects.range()] {
                        if let Some(w) = row.get_mut(approach as usize) {
                            *w += weight;
                        }
                    }
                    row
                })
                .collect();
        }
        program.transpose();
        program
    }

    /// A group's atoms' truth for an answer of class `class` (bit `i` for its atom `i`).
    pub(crate) fn class_bits(&self, group: &Group, class: usize) -> u64 {
        match group.kind {
            // A flag's one atom is its answer.
            GroupKind::Flag => class as u64,
            GroupKind::Choice { .. } | GroupKind::Int { .. } => {
                self.tables.get(group.table as usize + class).copied().unwrap_or(0)
            }
        }
    }

    pub(crate) fn dependencies(&self) -> &Dependencies {
        &self.dependencies
    }

    /// How many words the bitset of atoms and derived bits takes (at least one,
    /// which a check of an always-true term reads).
    pub(crate) fn bit_words(&self) -> usize {
        (self.atoms.len() + self.derived.len()).div_ceil(64).max(1)
    }
}

/// A term being built: `(word, mask, want)` checks, one per word, by word.
type Conjunction = Vec<(u32, u64, u64)>;

/// A condition being built, in disjunctive normal form: it holds when any term does.
/// No terms is `false`; one empty term is `true`.
type Terms = Vec<Conjunction>;

/// A leaf of a condition: an atom, or a constant it folded to.
enum Leaf {
    Atom(u32),
    Const(bool),
}

impl Builder {
    fn new(max_terms: usize) -> Builder {
        Builder {
            program: Program::default(),
            seen: HashMap::new(),
            choice_words: HashMap::new(),
            atoms_numbered: false,
            max_terms: max_terms.max(1),
        }
    }

    /// Numbers every atom of `expr`.
    fn number_atoms(&mut self, expr: &Expr) {
        match expr {
            Expr::Not(inner) => self.number_atoms(inner),
            Expr::All(items) | Expr::Any(items) => items.iter().for_each(|item| self.number_atoms(item)),
            Expr::BoolEquals(lhs, rhs, _) => {
                self.number_atoms(lhs);
                self.number_atoms(rhs);
            }
            Expr::Const(_) | Expr::Flag(_) | Expr::ChoiceIn { .. } | Expr::IntCompare(..) => {
                self.leaf(expr);
            }
        }
    }

    /// Renumbers the atoms so that those reading the same question (of the
    /// kinds groups evaluate) are next to each other, and makes their groups.
    /// Done once every atom is numbered and before any condition is compiled.
    fn group_atoms(&mut self) {
        let program = &mut self.program;
        let mut order: Vec<u32> = (0..to_u32(program.atoms.len())).collect();
        // Grouped atoms by question and kind, then the others; stable, so otherwise in order of appearance.
        order.sort_by_key(|&i| {
            let group = program.atoms[i as usize].group().map(|(question, kind)| (question, kind.rank()));
            (group.is_none(), group)
        });
        let mut renumbered = vec![0_u32; order.len()];
        for (new, &old) in (0..).zip(&order) {
            renumbered[old as usize] = new;
        }
        program.atoms = order.iter().map(|&old| program.atoms[old as usize]).collect();
        for number in self.seen.values_mut().chain(self.choice_words.values_mut()) {
            *number = renumbered[*number as usize];
        }
        self.atoms_numbered = true;
        let program = &mut self.program;
        let mut first = 0;
        while first < program.atoms.len() {
            let atom = program.atoms[first];
            let Some((question, kind)) = atom.group() else {
                program.loose.extend(to_u32(first)..to_u32(program.atoms.len()));
                break;
            };
            // A group stays within one word of the bitset.
            let len = program.atoms[first..]
                .iter()
                .take(64 - first % 64)
                .take_while(|a| a.group().is_some_and(|(q, k)| q == question && k.rank() == kind.rank()))
                .count();
            let atoms = &program.atoms[first..first + len];
            let (kind, classes) = match kind {
                GroupKind::Flag => (kind, Vec::new()),
                GroupKind::Choice { .. } => {
                    let highest = atoms
                        .iter()
                        .map(|a| match a {
                            Atom::ChoiceMask { mask, .. } => 63 - mask.leading_zeros().min(63),
                            _ => 0,
                        })
                        .max()
                        .unwrap_or(0);
                    let beyond = highest + 1;
                    let classes = (0..=beyond).map(|v| Value::Choice(u16::try_from(v).unwrap_or(u16::MAX))).collect();
                    (GroupKind::Choice { beyond }, classes)
                }
                GroupKind::Int { .. } => {
                    let mut bounds: Vec<i64> = atoms
                        .iter()
                        .flat_map(|a| match *a {
                            // Truth can change where the range starts and right after it ends.
                            Atom::InRange { lo, hi, .. } => [(lo > i64::MIN).then_some(lo), hi.checked_add(1)],
                            _ => [None, None],
                        })
                        .flatten()
                        .collect();
                    bounds.sort_unstable();
                    bounds.dedup();
                    let span = Span { first: to_u32(program.bounds.len()), len: to_u32(bounds.len()) };
                    let classes = std::iter::once(i64::MIN).chain(bounds.iter().copied()).map(Value::Int).collect();
                    program.bounds.extend(bounds);
                    (GroupKind::Int { bounds: span }, classes)
                }
            };
            let table = to_u32(program.tables.len());
            for class in classes {
                let bits = atoms
                    .iter()
                    .enumerate()
                    .fold(0_u64, |bits, (bit, atom)| bits | u64::from(atom.holds_for(class).unwrap_or(false)) << bit);
                program.tables.push(bits);
            }
            program.groups.push(Group { question, first: to_u32(first), len: to_u32(len), kind, table, ruled_out: 0 });
            first += len;
        }
    }

    /// Compiles `expr` and places its terms; returns where they are.
    fn condition(&mut self, expr: &Expr) -> Span {
        let terms = self.terms(expr, false);
        self.place(&terms, 0)
    }

    /// Compiles an ask-condition, noting the derived bits made for it
    /// (no other condition reads them).
    fn ask(&mut self, expr: &Expr) -> Ask {
        let first = to_u32(self.program.derived.len());
        let condition = self.condition(expr);
        Ask { condition, derived: Span { first, len: to_u32(self.program.derived.len()) - first } }
    }

    /// `expr` (`not expr` when `negated`) in disjunctive normal form. Negation
    /// goes down to the atoms: `not (a and b)` is `not a or not b`.
    fn terms(&mut self, expr: &Expr, negated: bool) -> Terms {
        match expr {
            Expr::Not(inner) => self.terms(inner, !negated),
            Expr::All(items) | Expr::Any(items) => {
                let operands: Vec<Terms> = items.iter().map(|item| self.terms(item, negated)).collect();
                if matches!(expr, Expr::All(_)) == negated { any(operands) } else { self.all(operands) }
            }
            Expr::BoolEquals(lhs, rhs, negate) => {
                // Each side becomes one literal (or a constant): `l == r` is
                // `(l and r) or (not l and not r)`, `l != r` is `(l and not r) or (not l and r)`.
                let lhs = self.terms(lhs, false);
                let lhs = self.derive(lhs);
                let rhs = self.terms(rhs, false);
                let mut rhs = self.derive(rhs);
                if *negate != negated {
                    rhs = negate_literal(&rhs);
                }
                let both = self.all(vec![lhs.clone(), rhs.clone()]);
                let neither = self.all(vec![negate_literal(&lhs), negate_literal(&rhs)]);
                any(vec![both, neither])
            }
            Expr::Const(_) | Expr::Flag(_) | Expr::ChoiceIn { .. } | Expr::IntCompare(..) => match self.leaf(expr) {
                Leaf::Const(b) => constant(b != negated),
                Leaf::Atom(atom) => literal(atom, negated),
            },
        }
    }

    /// The `and` of `operands`, multiplied out. When the product of their
    /// term counts exceeds `max_terms`, the widest become derived bits first.
    fn all(&mut self, mut operands: Vec<Terms>) -> Terms {
        if operands.iter().any(Vec::is_empty) {
            return constant(false);
        }
        let product = |operands: &[Terms]| operands.iter().fold(1_usize, |n, o| n.saturating_mul(o.len()));
        while product(&operands) > self.max_terms {
            let Some(widest) = (0..operands.len()).max_by_key(|&i| operands[i].len()) else { break };
            let terms = std::mem::take(&mut operands[widest]);
            operands[widest] = self.derive(terms);
        }
        let mut terms = constant(true);
        for operand in &operands {
            terms = terms.iter().flat_map(|t| operand.iter().filter_map(move |u| conjoin(t, u))).collect();
        }
        simplify(terms)
    }

    /// `terms` as one literal: unchanged when they are already a literal or a
    /// constant, else a new derived bit holding their truth.
    fn derive(&mut self, terms: Terms) -> Terms {
        let small = match terms.as_slice() {
            [] => true,
            [term] => match term.as_slice() {
                [] => true,
                [(_, mask, _)] => mask.is_power_of_two(),
                _ => false,
            },
            _ => false,
        };
        if small {
            return terms;
        }
        let bit = to_u32(self.program.atoms.len() + self.program.derived.len());
        let condition = self.place(&terms, 0);
        self.program.derived.push(condition);
        literal(bit, false)
    }

    /// Appends `terms` (of rule `rule`'s condition, or 0) to the program's; returns where they are.
    /// No terms is never true; an empty term, always true, tests no bits.
    fn place(&mut self, terms: &Terms, rule: u32) -> Span {
        let first = to_u32(self.program.terms.len());
        for term in terms {
            let (word, mask, want) = term.first().copied().unwrap_or((0, 0, 0));
            let checks = &mut self.program.checks;
            let rest_first = to_u32(checks.len());
            checks.extend(term.iter().skip(1).map(|&(word, mask, want)| Check { mask, want, word }));
            let rest = Span { first: rest_first, len: to_u32(checks.len()) - rest_first };
            self.program.terms.push(Term { mask, want, word, rule, rest });
        }
        Span { first, len: to_u32(self.program.terms.len()) - first }
    }

    /// A leaf as an atom (numbered on first sight) or the constant it folds to.
    fn leaf(&mut self, expr: &Expr) -> Leaf {
        let atom = match expr {
            Expr::Flag(q) => Atom::Flag(to_u32(*q)),
            Expr::ChoiceIn { question, values, negate } => return self.choice(to_u32(*question), values, *negate),
            Expr::IntCompare(op, lhs, rhs) => match int_compare(*op, *lhs, *rhs) {
                Ok(atom) => atom,
                Err(constant) => return Leaf::Const(constant),
            },
            Expr::Const(b) => return Leaf::Const(*b),
            // Not leaves: `terms` takes them apart first.
            Expr::Not(_) | Expr::All(_) | Expr::Any(_) | Expr::BoolEquals(..) => return Leaf::Const(false),
        };
        Leaf::Atom(self.atom(atom))
    }

    fn atom(&mut self, atom: Atom) -> u32 {
        let next = to_u32(self.program.atoms.len());
        let numbered = self.atoms_numbered;
        *self.seen.entry(atom).or_insert_with(|| {
            debug_assert!(!numbered, "an atom first seen after numbering: {atom:?}");
            self.program.atoms.push(atom);
            next
        })
    }

    fn choice(&mut self, question: u32, values: &[u16], negate: bool) -> Leaf {
        if values.iter().all(|&v| v < 64) {
            let mask = values.iter().fold(0_u64, |mask, &v| mask | 1 << v);
            return Leaf::Atom(self.atom(Atom::ChoiceMask { question, mask, negate }));
        }
        let key = (question, values.to_vec(), negate);
        if let Some(&atom) = self.choice_words.get(&key) {
            return Leaf::Atom(atom);
        }
        let len = values.iter().map(|&v| usize::from(v) / 64 + 1).max().unwrap_or(0);
        let first = to_u32(self.program.words.len());
        self.program.words.resize(self.program.words.len() + len, 0);
        for &v in values {
            self.program.words[first as usize + usize::from(v) / 64] |= 1 << (v % 64);
        }
        let atom = self.atom(Atom::ChoiceWords { question, first, len: to_u32(len), negate });
        self.choice_words.insert(key, atom);
        Leaf::Atom(atom)
    }

    fn push_effects(&mut self, effects: &[(ApproachId, i32)]) -> Span {
        let first = to_u32(self.program.effects.len());
        self.program.effects.extend(effects.iter().map(|&(a, w)| (to_u32(a), w)));
        Span { first, len: to_u32(effects.len()) }
    }

    fn push_approaches(&mut self, approaches: &[ApproachId]) -> Span {
        let first = to_u32(self.program.approach_lists.len());
        self.program.approach_lists.extend(approaches.iter().map(|&a| to_u32(a)));
        Span { first, len: to_u32(approaches.len()) }
    }
}

fn constant(b: bool) -> Terms {
    if b { vec![Vec::new()] } else { Vec::new() }
}

/// Bit `bit` of the bitset is set (clear when `negated`).
fn literal(bit: u32, negated: bool) -> Terms {
    let mask = 1 << (bit % 64);
    vec![vec![(bit / 64, mask, if negated { 0 } else { mask })]]
}

/// The negation of a literal or a constant (what [`Builder::derive`] returns).
fn negate_literal(terms: &Terms) -> Terms {
    match terms.as_slice() {
        [] => constant(true),
        [term] if term.is_empty() => constant(false),
        _ => terms
            .iter()
            .map(|term| term.iter().map(|&(word, mask, want)| (word, mask, want ^ mask)).collect())
            .collect(),
    }
}

/// The `or` of `operands`: all their terms.
fn any(operands: Vec<Terms>) -> Terms {
    simplify(operands.into_iter().flatten().collect())
}

/// Both terms; `None` when they contradict (one wants a bit set, the other clear).
fn conjoin(t: &Conjunction, u: &Conjunction) -> Option<Conjunction> {
    let mut checks: Conjunction = t.iter().chain(u).copied().collect();
    checks.sort_unstable_by_key(|&(word, ..)| word);
    let mut out: Conjunction = Vec::with_capacity(checks.len());
    for (word, mask, want) in checks {
        match out.last_mut() {
            Some(last) if last.0 == word => {
                if (last.2 ^ want) & last.1 & mask != 0 {
                    return None;
                }
                last.1 |= mask;
                last.2 |= want;
            }
            _ => out.push((word, mask, want)),
        }
    }
    Some(out)
}

/// Whether term `weaker` holds whenever `term` does (every check of `weaker` is one of `term`'s).
fn implied_by(weaker: &Conjunction, term: &Conjunction) -> bool {
    weaker
        .iter()
        .all(|&(word, mask, want)| term.iter().any(|&(w, m, v)| w == word && m & mask == mask && v & mask == want))
}

/// Drops terms another term already covers (`a or (a and b)` is `a`), up to
/// 64 terms; a wider `or` is left as it is rather than compared pairwise.
fn simplify(terms: Terms) -> Terms {
    if terms.iter().any(Vec::is_empty) {
        return constant(true);
    }
    if terms.len() > 64 {
        return terms;
    }
    let mut kept: Terms = Vec::with_capacity(terms.len());
    for term in terms {
        if kept.iter().any(|k| implied_by(k, &term)) {
            continue;
        }
        kept.retain(|k| !implied_by(&term, k));
        kept.push(term);
    }
    kept
}

/// An integer comparison as an atom, its literal side folded into a range;
/// `Err` with the answer when it is constant.
pub(crate) fn int_compare(op: CmpOp, lhs: IntOperand, rhs: IntOperand) -> Result<Atom, bool> {
    let (question, op, literal) = match (lhs, rhs) {
        (IntOperand::Literal(l), IntOperand::Literal(r)) => return Err(op.holds(l, r)),
        (IntOperand::Question(l), IntOperand::Question(r)) => {
            return Ok(Atom::Compare { op, lhs: to_u32(l), rhs: to_u32(r) });
        }
        (IntOperand::Question(q), IntOperand::Literal(v)) => (q, op, v),
        (IntOperand::Literal(v), IntOperand::Question(q)) => (q, op.flipped(), v),
    };
    let question = to_u32(question);
    let range = |lo, hi| Ok(Atom::InRange { question, lo, hi, negate: false });
    match op {
        CmpOp::Eq => range(literal, literal),
        CmpOp::Ne => Ok(Atom::InRange { question, lo: literal, hi: literal, negate: true }),
        // `n < i64::MIN` and `n > i64::MAX` never hold, whatever the answer.
        CmpOp::Lt => literal.checked_sub(1).map_or(Err(false), |hi| range(i64::MIN, hi)),
        CmpOp::Le => range(i64::MIN, literal),
        CmpOp::Gt => literal.checked_add(1).map_or(Err(false), |lo| range(lo, i64::MAX)),
        CmpOp::Ge => range(literal, i64::MAX),
    }
}

/// Indices and counts in a rule set fit in `u32`: conditions are at most
/// 4 KiB and files are size-limited long before four billion nodes.
pub(crate) fn to_u32(n: impl Into<usize>) -> u32 {
    u32::try_from(n.into()).unwrap_or(u32::MAX)
}

#[cfg(test)]
impl Program {
    /// A program holding one condition, as question 0's ask-condition, with
    /// `max_terms` for [`MAX_TERMS`] (a small one forces derived bits).
    pub(crate) fn single(expr: &Expr, max_terms: usize) -> Program {
        let mut builder = Builder::new(max_terms);
        builder.number_atoms(expr);
        builder.group_atoms();
        let ask = builder.ask(expr);
        builder.program.asks.push(Some(ask));
        builder.program
    }
}
