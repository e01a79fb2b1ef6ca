//! The compiled form of a rule set's conditions: built once when the rule
//! set is compiled, run by [`crate::eval`] without allocating per evaluation.
//!
//!
//! A [`Program`] is built once from a validated rule set, in two layers.
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
//! `Program::decide` (in `crate::eval::compiled`) first evaluates every atom once into a bitset (bit
//! `i` is atom `i`): the same test shared by several rules costs once.
//!
//! **Conditions.** Each condition is a tree of `Node`s in one array; a
//! node's children sit next to each other, so `All`, `Any`, `Not` and
//! `Same` name their first child and a count instead of owning boxes. The
//! children of an `All` or `Any` that are atoms or negated atoms are merged
//! into one `Bits` node per word of the bitset: `a and not b and c` is
//! `bits & {a, c} == {a, c} && bits & {b} == 0`, two masks and two compares.
//! This module only builds; `crate::eval::compiled` decides. Per question,
//! `Dependencies` lists what a change of its answer can reach, for the
//! incremental what-if search.

mod dependencies;

use std::collections::HashMap;

use crate::rules::expr::{CmpOp, Expr, IntOperand};
use crate::rules::{ApproachId, Question, Rule};
pub(crate) use dependencies::Dependencies;

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

/// One node of a compiled condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Node {
    /// A literal, or a comparison of two literals.
    Const(bool),
    /// Atom `i` holds.
    Atom(u32),
    /// Among the atoms of bitset word `word`: every one in `set` holds and none in `clear`
    /// (`any` false), or some atom in `set` holds or some in `clear` does not (`any` true).
    Bits { word: u32, set: u64, clear: u64, any: bool },
    /// The child at `first` does not hold.
    Not { first: u32 },
    /// Every child `first..first + len` holds.
    All { first: u32, len: u32 },
    /// Some child `first..first + len` holds.
    Any { first: u32, len: u32 },
    /// The children `first` and `first + 1` have the same truth; negated for `!=`.
    Same { first: u32, negate: bool },
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

/// What a rule does when its condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct RuleCode {
    /// Index of the rule in the rule set.
    pub(crate) rule: u32,
    /// Root node of its condition.
    pub(crate) root: u32,
    /// `(approach, weight)` pairs in `Program::effects`.
    pub(crate) effects: Span,
    /// Approaches in `Program::approach_lists` it vetoes (scoring rules) or advises for (advice rules).
    pub(crate) approaches: Span,
}

/// A rule set's conditions and effects in the flat form [`Program::decide`] runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Program {
    pub(crate) atoms: Vec<Atom>,
    /// `atoms_reading[q]`: the atoms that read question `q`.
    pub(crate) atoms_reading: Vec<Vec<u32>>,
    pub(crate) nodes: Vec<Node>,
    pub(crate) words: Vec<u64>,
    pub(crate) effects: Vec<(u32, i32)>,
    pub(crate) approach_lists: Vec<u32>,
    /// Scoring rules, in declaration order.
    pub(crate) scoring: Vec<RuleCode>,
    /// Advice rules, in declaration order; `approaches` is their `when_recommended`.
    pub(crate) advice: Vec<RuleCode>,
    /// Root node of each question's ask-condition.
    pub(crate) asks: Vec<Option<u32>>,
    pub(crate) approach_count: usize,
    pub(crate) rule_count: usize,
    /// What each answer can reach, for incremental re-evaluation.
    pub(crate) dependencies: Dependencies,
}

/// Builds a [`Program`]: atoms are shared between conditions through `seen`.
#[derive(Default)]
struct Builder {
    program: Program,
    seen: HashMap<Atom, u32>,
}

impl Program {
    /// Compiles a validated rule set's conditions.
    #[must_use]
    pub fn new(approach_count: usize, questions: &[Question], rules: &[Rule]) -> Program {
        let mut builder = Builder {
            program: Program { approach_count, rule_count: rules.len(), ..Program::default() },
            ..Builder::default()
        };
        for question in questions {
            let root = question.ask_when.as_ref().map(|c| builder.add_root(&c.expr));
            builder.program.asks.push(root);
        }
        for (index, rule) in rules.iter().enumerate() {
            if rule.is_plan() {
                continue;
            }
            let root = builder.add_root(&rule.when.expr);
            let effects = builder.push_effects(&rule.effects);
            let code = |approaches| RuleCode { rule: to_u32(index), root, effects, approaches };
            if rule.is_advice() {
                let approaches = builder.push_approaches(&rule.when_recommended);
                builder.program.advice.push(code(approaches));
            } else {
                let approaches = builder.push_approaches(&rule.veto);
                builder.program.scoring.push(code(approaches));
            }
        }
        let mut program = builder.program;
        program.atoms_reading = vec![Vec::new(); questions.len()];
        for (index, atom) in program.atoms.iter().enumerate() {
            for q in atom.questions().into_iter().flatten() {
                if let Some(list) = program.atoms_reading.get_mut(q as usize) {
                    list.push(to_u32(index));
                }
            }
        }
        program.dependencies = Dependencies::new(approach_count, questions, rules);
        program
    }

    pub(crate) fn dependencies(&self) -> &Dependencies {
        &self.dependencies
    }
}

/// What a condition compiles to before it is placed: a node, or a literal
/// (an atom, possibly negated) that an enclosing `All` or `Any` can merge into a `Bits` node.
enum Compiled<'e> {
    Literal { atom: u32, negated: bool },
    Const(bool),
    Tree(&'e Expr),
}

impl Builder {
    fn add_root(&mut self, expr: &Expr) -> u32 {
        let root = to_u32(self.program.nodes.len());
        self.program.nodes.push(Node::Const(false));
        self.place(expr, root);
        root
    }

    /// `expr` as a literal, a constant, or a tree to place.
    fn classify<'e>(&mut self, expr: &'e Expr) -> Compiled<'e> {
        let leaf = match expr {
            Expr::Const(b) => return Compiled::Const(*b),
            Expr::Flag(q) => Atom::Flag(to_u32(*q)),
            Expr::ChoiceIn { question, values, negate } => self.choice(to_u32(*question), values, *negate),
            Expr::IntCompare(op, lhs, rhs) => match int_compare(*op, *lhs, *rhs) {
                Ok(atom) => atom,
                Err(constant) => return Compiled::Const(constant),
            },
            Expr::Not(inner) => {
                return match self.classify(inner) {
                    Compiled::Literal { atom, negated } => Compiled::Literal { atom, negated: !negated },
                    Compiled::Const(b) => Compiled::Const(!b),
                    Compiled::Tree(_) => Compiled::Tree(expr),
                };
            }
            Expr::All(_) | Expr::Any(_) | Expr::BoolEquals(..) => return Compiled::Tree(expr),
        };
        Compiled::Literal { atom: self.atom(leaf), negated: false }
    }

    fn atom(&mut self, atom: Atom) -> u32 {
        let next = to_u32(self.program.atoms.len());
        *self.seen.entry(atom).or_insert_with(|| {
            self.program.atoms.push(atom);
            next
        })
    }

    /// Writes `expr` into the reserved slot `at`; its children go into a
    /// run of slots reserved at the end, then are placed in turn.
    fn place(&mut self, expr: &Expr, at: u32) {
        let node = match self.classify(expr) {
            Compiled::Const(b) => Node::Const(b),
            Compiled::Literal { atom, negated: false } => Node::Atom(atom),
            Compiled::Literal { atom, negated: true } => {
                let mask = 1 << (atom % 64);
                Node::Bits { word: atom / 64, set: 0, clear: mask, any: false }
            }
            Compiled::Tree(tree) => match tree {
                Expr::Not(inner) => Node::Not { first: self.children(&[inner.as_ref()]) },
                Expr::All(items) => self.junction(items, false),
                Expr::Any(items) => self.junction(items, true),
                Expr::BoolEquals(lhs, rhs, negate) => {
                    Node::Same { first: self.children(&[lhs.as_ref(), rhs.as_ref()]), negate: *negate }
                }
                _ => Node::Const(false),
            },
        };
        self.program.nodes[at as usize] = node;
    }

    /// An `All` (`any` false) or `Any` (`any` true) of `items`: literals merge
    /// into one `Bits` node per bitset word, the other items stay children.
    fn junction(&mut self, items: &[Expr], any: bool) -> Node {
        let mut words: Vec<(u32, u64, u64)> = Vec::new();
        let mut others: Vec<&Expr> = Vec::new();
        for item in items {
            match self.classify(item) {
                Compiled::Literal { atom, negated } => {
                    let word = atom / 64;
                    let position = words.iter().position(|w| w.0 == word).unwrap_or_else(|| {
                        words.push((word, 0, 0));
                        words.len() - 1
                    });
                    let bit = 1 << (atom % 64);
                    if negated {
                        words[position].2 |= bit;
                    } else {
                        words[position].1 |= bit;
                    }
                }
                Compiled::Const(_) | Compiled::Tree(_) => others.push(item),
            }
        }
        if let ([], [(word, set, clear)]) = (&others[..], &words[..]) {
            return Node::Bits { word: *word, set: *set, clear: *clear, any };
        }
        let bits: Vec<Node> = words.iter().map(|&(word, set, clear)| Node::Bits { word, set, clear, any }).collect();
        let first = to_u32(self.program.nodes.len());
        self.program.nodes.extend(bits.iter().copied());
        let rest = self.children(&others);
        debug_assert!(others.is_empty() || rest == first + to_u32(bits.len()));
        let len = to_u32(bits.len() + others.len());
        if any { Node::Any { first, len } } else { Node::All { first, len } }
    }

    /// Reserves a run of slots for `items` and places them; returns the first slot.
    fn children(&mut self, items: &[&Expr]) -> u32 {
        let first = to_u32(self.program.nodes.len());
        self.program.nodes.extend(items.iter().map(|_| Node::Const(false)));
        for (offset, item) in (0..).zip(items) {
            self.place(item, first + offset);
        }
        first
    }

    fn choice(&mut self, question: u32, values: &[u16], negate: bool) -> Atom {
        if values.iter().all(|&v| v < 64) {
            let mask = values.iter().fold(0_u64, |mask, &v| mask | 1 << v);
            return Atom::ChoiceMask { question, mask, negate };
        }
        let len = values.iter().map(|&v| usize::from(v) / 64 + 1).max().unwrap_or(0);
        let first = to_u32(self.program.words.len());
        self.program.words.resize(self.program.words.len() + len, 0);
        for &v in values {
            self.program.words[first as usize + usize::from(v) / 64] |= 1 << (v % 64);
        }
        Atom::ChoiceWords { question, first, len: to_u32(len), negate }
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
    /// A program holding one condition, at node 0.
    pub(crate) fn single(expr: &Expr) -> Program {
        let mut builder = Builder::default();
        builder.add_root(expr);
        builder.program
    }
}
