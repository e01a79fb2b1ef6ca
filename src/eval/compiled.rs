//! Conditions compiled to a flat form, and the decision they make, without
//! allocating per evaluation.
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
//! [`Program::decide`] first evaluates every atom once into a bitset (bit
//! `i` is atom `i`): the same test shared by several rules costs once.
//!
//! **Conditions.** Each condition is a tree of `Node`s in one array; a
//! node's children sit next to each other, so `All`, `Any`, `Not` and
//! `Same` name their first child and a count instead of owning boxes. The
//! children of an `All` or `Any` that are atoms or negated atoms are merged
//! into one `Bits` node per word of the bitset: `a and not b and c` is
//! `bits & {a, c} == {a, c} && bits & {b} == 0`, two masks and two compares.
//!
//! `decide` then runs the scoring rules in declaration order into a
//! caller-owned [`Decision`] (scores, first veto per approach, fired rules
//! as a bitset), picks the recommendation and runs the advice rules for it.
//! Once a `Decision` has been used, deciding again allocates nothing.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::incremental::Dependencies;
use crate::rules::expr::{CmpOp, Expr, IntOperand};
use crate::rules::{ApproachIndex, Question, Rule, Value};

/// A leaf test over the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
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
    fn questions(self) -> [Option<u32>; 2] {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    first: u32,
    len: u32,
}

impl Span {
    fn range(self) -> std::ops::Range<usize> {
        self.first as usize..(self.first + self.len) as usize
    }
}

/// What a rule does when its condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RuleCode {
    /// Index of the rule in the rule set.
    rule: u32,
    /// Root node of its condition.
    root: u32,
    /// `(approach, weight)` pairs in `Program::effects`.
    effects: Span,
    /// Approaches in `Program::approach_lists` it vetoes (scoring rules) or advises for (advice rules).
    approaches: Span,
}

/// A rule set's conditions and effects in the flat form [`Program::decide`] runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Program {
    atoms: Vec<Atom>,
    /// `atoms_reading[q]`: the atoms that read question `q`.
    atoms_reading: Vec<Vec<u32>>,
    nodes: Vec<Node>,
    words: Vec<u64>,
    effects: Vec<(u32, i32)>,
    approach_lists: Vec<u32>,
    /// Scoring rules, in declaration order.
    scoring: Vec<RuleCode>,
    /// Advice rules, in declaration order; `approaches` is their `when_recommended`.
    advice: Vec<RuleCode>,
    /// Root node of each question's ask-condition.
    asks: Vec<Option<u32>>,
    approach_count: usize,
    rule_count: usize,
    /// What each answer can reach, for incremental re-evaluation.
    dependencies: Dependencies,
}

/// The outcome of [`Program::decide`], reusable from one evaluation to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    atoms: Vec<u64>,
    scores: Vec<i32>,
    vetoed_by: Vec<Option<u32>>,
    fired: Vec<u64>,
    recommendation: ApproachIndex,
}

impl Decision {
    /// Score per approach.
    #[must_use]
    pub fn scores(&self) -> &[i32] {
        &self.scores
    }

    /// The first rule that vetoed `approach`, if any did.
    #[must_use]
    pub fn vetoed_by(&self, approach: ApproachIndex) -> Option<usize> {
        self.vetoed_by.get(approach).copied().flatten().map(|r| r as usize)
    }

    /// Whether rule `rule` fired (scoring rules, and advice rules for the recommendation).
    #[must_use]
    pub fn fired(&self, rule: usize) -> bool {
        self.fired.get(rule / 64).is_some_and(|w| w >> (rule % 64) & 1 == 1)
    }

    /// The recommended approach.
    #[must_use]
    pub fn recommendation(&self) -> ApproachIndex {
        self.recommendation
    }
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

    /// Whether question `index`'s ask-condition holds over `values` (true without one).
    #[must_use]
    pub fn asks(&self, index: usize, values: &[Value]) -> bool {
        self.asks
            .get(index)
            .copied()
            .flatten()
            .is_none_or(|root| self.holds(root, &|word, mask| self.atom_word(word, mask, values)))
    }

    /// Evaluates the rules over `values` (one effective answer per question) into `out`.
    pub fn decide(&self, values: &[Value], out: &mut Decision) {
        self.atoms_into(values, &mut out.atoms);
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
        out.recommendation = best(&out.scores, |a| out.vetoed_by[a].is_some());
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

    fn advises_for(&self, code: &RuleCode, recommendation: ApproachIndex) -> bool {
        self.approach_lists[code.approaches.range()].iter().any(|&a| a as usize == recommendation)
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

    fn push_effects(&mut self, effects: &[(ApproachIndex, i32)]) -> Span {
        let first = to_u32(self.program.effects.len());
        self.program.effects.extend(effects.iter().map(|&(a, w)| (to_u32(a), w)));
        Span { first, len: to_u32(effects.len()) }
    }

    fn push_approaches(&mut self, approaches: &[ApproachIndex]) -> Span {
        let first = to_u32(self.program.approach_lists.len());
        self.program.approach_lists.extend(approaches.iter().map(|&a| to_u32(a)));
        Span { first, len: to_u32(approaches.len()) }
    }
}

/// An integer comparison as an atom, its literal side folded into a range;
/// `Err` with the answer when it is constant.
fn int_compare(op: CmpOp, lhs: IntOperand, rhs: IntOperand) -> Result<Atom, bool> {
    let (question, op, literal) = match (lhs, rhs) {
        (IntOperand::Literal(l), IntOperand::Literal(r)) => return Err(op.holds(l, r)),
        (IntOperand::Question(l), IntOperand::Question(r)) => {
            return Ok(Atom::Compare { op, lhs: to_u32(l), rhs: to_u32(r) });
        }
        (IntOperand::Question(q), IntOperand::Literal(v)) => (q, op, v),
        (IntOperand::Literal(v), IntOperand::Question(q)) => (q, mirror(op), v),
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

/// The operator with its sides swapped: `a < b` is `b > a`.
fn mirror(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq | CmpOp::Ne => op,
    }
}

/// The best approach: not vetoed before vetoed, then the highest score, then the simplest (lowest index).
pub(crate) fn best(scores: &[i32], vetoed: impl Fn(ApproachIndex) -> bool) -> ApproachIndex {
    let mut best: Option<(ApproachIndex, (bool, Reverse<i32>))> = None;
    for (approach, &score) in scores.iter().enumerate() {
        let key = (vetoed(approach), Reverse(score));
        if best.is_none_or(|(_, best_key)| key < best_key) {
            best = Some((approach, key));
        }
    }
    best.map_or(0, |(approach, _)| approach)
}

fn set_bit(words: &mut [u64], bit: u32) {
    words[(bit / 64) as usize] |= 1 << (bit % 64);
}

/// Indices and counts in a rule set fit in `u32`: conditions are at most
/// 4 KiB and files are size-limited long before four billion nodes.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
impl Program {
    /// A program holding one condition, at node 0.
    fn single(expr: &Expr) -> Program {
        let mut builder = Builder::default();
        builder.add_root(expr);
        builder.program
    }

    /// Whether node 0 holds over `values`, its atoms evaluated first into a bitset.
    fn single_holds(&self, values: &[Value]) -> bool {
        let mut atoms = Vec::new();
        self.atoms_into(values, &mut atoms);
        self.holds(0, &|word, mask| atoms[word as usize] & mask)
    }

    /// Whether node 0 holds over `values`, its atoms evaluated as they are read.
    fn single_holds_lazily(&self, values: &[Value]) -> bool {
        self.holds(0, &|word, mask| self.atom_word(word, mask, values))
    }
}

#[cfg(test)]
mod tests;
