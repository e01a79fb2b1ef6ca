//! The condition language. One file per stage, each feeding the next:
//! `lexer` (text → tokens), `parser` (tokens → syntax tree with byte
//! ranges), `typecheck` (tree → [`Expr`] over question indices) and
//! `eval` (an [`Expr`] against answers, plus what analysis reads from it).
//!
//! ```text
//! expr    := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | compare
//! compare := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand | "in" list)?
//! operand := INTEGER | "true" | "false" | IDENT | STRING | "(" expr ")"
//! list    := "[" (operand ("," operand)* ","?)? "]"
//! ```
//!
//! An identifier is a question id when one exists; next to a choice question
//! it may instead name one of that question's values. Type checking happens
//! once, when the rule set loads, and produces an [`Expr`] that refers to
//! questions by index and cannot fail to evaluate.

mod eval;
mod lexer;
mod parser;
mod typecheck;

use super::model::{QuestionId, QuestionKind, TiSlice};
use crate::diag::Code;
use crate::i18n::{Lang, Msg};

/// A compiled, type-checked condition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expr {
    /// A literal `true` or `false`.
    Const(bool),
    /// A boolean question's answer.
    Flag(QuestionId),
    /// Negation.
    Not(Box<Expr>),
    /// All of these hold.
    All(Vec<Expr>),
    /// Any of these holds.
    Any(Vec<Expr>),
    /// Two whole numbers compared.
    IntCompare(CmpOp, IntOperand, IntOperand),
    /// Two conditions with equal (or, negated, different) truth.
    BoolEquals(Box<Expr>, Box<Expr>, bool),
    /// A choice question's answer is one of `values` (indices into its values); negated for `!=`.
    ChoiceIn {
        /// The choice question.
        question: QuestionId,
        /// Indices into its values, sorted.
        values: Vec<u16>,
        /// Holds when the answer is *not* among `values`.
        negate: bool,
    },
}

/// One side of an integer comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IntOperand {
    /// An integer question's answer.
    Question(QuestionId),
    /// A literal.
    Literal(i64),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    pub(super) fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with its sides swapped: `a < b` is `b > a`.
    #[must_use]
    pub fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }

    /// Whether `lhs op rhs` holds.
    #[must_use]
    pub fn holds(self, lhs: i64, rhs: i64) -> bool {
        match self {
            CmpOp::Eq => lhs == rhs,
            CmpOp::Ne => lhs != rhs,
            CmpOp::Lt => lhs < rhs,
            CmpOp::Le => lhs <= rhs,
            CmpOp::Gt => lhs > rhs,
            CmpOp::Ge => lhs >= rhs,
        }
    }
}

/// Deepest nesting of `not` and parentheses a condition may use: far beyond
/// any real rule, and small enough that hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Longest condition accepted, in bytes.
pub const MAX_LEN: usize = 4096;

/// A problem in a condition, with its byte range inside the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Stable diagnostic code.
    pub code: Code,
    /// What is wrong (in English).
    pub message: String,
    /// Byte offset of the problem inside the condition.
    pub start: usize,
    /// Byte length of the problem (at least 1 where the text allows).
    pub len: usize,
    /// The fix, when obvious (in English).
    pub help: Option<String>,
    /// The message behind `message`, to render in the reader's language.
    pub message_msg: Box<Msg>,
    /// The message behind `help`.
    pub help_msg: Option<Box<Msg>>,
}

impl ExprError {
    /// An error whose message is rendered in the reader's language.
    pub(super) fn new(code: Code, message: Msg, start: usize, end: usize) -> Self {
        ExprError {
            code,
            message: message.render(Lang::En),
            start,
            len: end.saturating_sub(start),
            help: None,
            message_msg: Box::new(message),
            help_msg: None,
        }
    }

    /// Adds the fix.
    pub(super) fn help(mut self, help: Msg) -> Self {
        self.help = Some(help.render(Lang::En));
        self.help_msg = Some(Box::new(help));
        self
    }
}

/// What the type checker needs to know about one question.
#[derive(Debug, Clone, Copy)]
pub struct QuestionInfo<'a> {
    /// The question's id.
    pub id: &'a str,
    /// Its type.
    pub kind: &'a QuestionKind,
}

/// The questions conditions may read, with their ids indexed: a rule file
/// may declare thousands of questions, and every name in every condition is
/// looked up.
#[derive(Debug)]
pub struct QuestionTable<'q, 'a> {
    infos: &'q TiSlice<QuestionId, QuestionInfo<'a>>,
    by_id: std::collections::HashMap<&'a str, QuestionId>,
}

impl<'q, 'a> QuestionTable<'q, 'a> {
    /// Indexes `infos`, in question order; the first of two equal ids wins.
    #[must_use]
    pub fn new(infos: &'q [QuestionInfo<'a>]) -> Self {
        let infos = TiSlice::from_ref(infos);
        let mut by_id = std::collections::HashMap::with_capacity(infos.len());
        for (id, info) in infos.iter_enumerated() {
            by_id.entry(info.id).or_insert(id);
        }
        QuestionTable { infos, by_id }
    }

    /// The question called `id`.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<(QuestionId, &QuestionInfo<'a>)> {
        self.by_id.get(id).map(|&question| (question, &self.infos[question]))
    }

    /// Every question, in order.
    #[must_use]
    pub fn infos(&self) -> &'q TiSlice<QuestionId, QuestionInfo<'a>> {
        self.infos
    }
}

/// Parses and type-checks `text` as a condition over `questions`.
pub fn compile(text: &str, questions: &QuestionTable<'_, '_>) -> Result<Expr, ExprError> {
    if text.len() > MAX_LEN {
        return Err(ExprError::new(
            Code::ExprSyntax,
            Msg::new("expr-too-long").arg("len", text.len()).arg("max", MAX_LEN),
            0,
            0,
        )
        .help(Msg::new("expr-too-long-help")));
    }
    let tokens = lexer::lex(text)?;
    let mut parser = parser::Parser::new(&tokens, text.len());
    let ast = parser.expr()?;
    if let Some(token) = parser.peek() {
        return Err(ExprError::new(
            Code::ExprSyntax,
            Msg::new("expr-trailing").arg("token", token.kind.to_string()),
            token.start,
            token.end,
        )
        .help(Msg::new("expr-trailing-help")));
    }
    typecheck::Checker { questions }.condition(&ast)
}

#[cfg(test)]
mod tests;
