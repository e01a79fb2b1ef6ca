//! The condition language: lexer, parser and type checker.
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

use std::fmt;

use super::model::{QuestionKind, Value};
use crate::diag::codes;
use crate::load::did_you_mean;

/// A compiled, type-checked condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A literal `true` or `false`.
    Const(bool),
    /// A boolean question's answer.
    Flag(usize),
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
        question: usize,
        /// Indices into its values, sorted.
        values: Vec<u16>,
        /// Holds when the answer is *not* among `values`.
        negate: bool,
    },
}

/// One side of an integer comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntOperand {
    /// An integer question's answer.
    Question(usize),
    /// A literal.
    Literal(i64),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
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

impl Expr {
    /// Evaluates against answers indexed like the rule set's questions.
    ///
    /// Type checking guarantees each index holds a value of the expected
    /// kind; a mismatch (impossible for answers built by this crate) reads as false.
    #[must_use]
    pub fn eval(&self, answers: &[Value]) -> bool {
        match self {
            Expr::Const(b) => *b,
            Expr::Flag(q) => matches!(answers.get(*q), Some(Value::Bool(true))),
            Expr::Not(inner) => !inner.eval(answers),
            Expr::All(items) => items.iter().all(|e| e.eval(answers)),
            Expr::Any(items) => items.iter().any(|e| e.eval(answers)),
            Expr::IntCompare(op, lhs, rhs) => match (int_value(*lhs, answers), int_value(*rhs, answers)) {
                (Some(l), Some(r)) => op.holds(l, r),
                _ => false,
            },
            Expr::BoolEquals(lhs, rhs, negate) => (lhs.eval(answers) == rhs.eval(answers)) != *negate,
            Expr::ChoiceIn { question, values, negate } => match answers.get(*question) {
                Some(Value::Choice(v)) => values.contains(v) != *negate,
                _ => false,
            },
        }
    }

    /// Every question index this condition reads, in first-seen order.
    #[must_use]
    pub fn questions(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions(&self, out: &mut Vec<usize>) {
        let mut push = |q: usize| {
            if !out.contains(&q) {
                out.push(q);
            }
        };
        match self {
            Expr::Const(_) => {}
            Expr::Flag(q) | Expr::ChoiceIn { question: q, .. } => push(*q),
            Expr::IntCompare(_, lhs, rhs) => {
                for operand in [lhs, rhs] {
                    if let IntOperand::Question(q) = operand {
                        push(*q);
                    }
                }
            }
            Expr::Not(inner) => inner.collect_questions(out),
            Expr::BoolEquals(lhs, rhs, _) => {
                lhs.collect_questions(out);
                rhs.collect_questions(out);
            }
            Expr::All(items) | Expr::Any(items) => items.iter().for_each(|e| e.collect_questions(out)),
        }
    }

    /// Integer literals compared against question `q`, with the operator
    /// normalised so the question is on the left. Used by what-if analysis to
    /// find the thresholds where an answer starts to matter.
    #[must_use]
    pub fn int_thresholds(&self, q: usize) -> Vec<(CmpOp, i64)> {
        let mut out = Vec::new();
        self.collect_thresholds(q, &mut out);
        out
    }

    fn collect_thresholds(&self, q: usize, out: &mut Vec<(CmpOp, i64)>) {
        match self {
            Expr::IntCompare(op, IntOperand::Question(lq), IntOperand::Literal(v)) if *lq == q => out.push((*op, *v)),
            Expr::IntCompare(op, IntOperand::Literal(v), IntOperand::Question(rq)) if *rq == q => {
                out.push((flip(*op), *v));
            }
            Expr::Not(inner) => inner.collect_thresholds(q, out),
            Expr::BoolEquals(lhs, rhs, _) => {
                lhs.collect_thresholds(q, out);
                rhs.collect_thresholds(q, out);
            }
            Expr::All(items) | Expr::Any(items) => items.iter().for_each(|e| e.collect_thresholds(q, out)),
            _ => {}
        }
    }
}

fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

fn int_value(operand: IntOperand, answers: &[Value]) -> Option<i64> {
    match operand {
        IntOperand::Literal(v) => Some(v),
        IntOperand::Question(q) => match answers.get(q) {
            Some(Value::Int(v)) => Some(*v),
            _ => None,
        },
    }
}

/// A problem in a condition, with its byte range inside the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Stable diagnostic code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Byte offset of the problem inside the condition.
    pub start: usize,
    /// Byte length of the problem (at least 1 where the text allows).
    pub len: usize,
    /// The fix, when obvious.
    pub help: Option<String>,
}

impl ExprError {
    fn new(code: &'static str, message: impl Into<String>, start: usize, end: usize) -> Self {
        ExprError { code, message: message.into(), start, len: end.saturating_sub(start), help: None }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
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

/// Parses and type-checks `text` as a condition over `questions`.
pub fn compile(text: &str, questions: &[QuestionInfo<'_>]) -> Result<Expr, ExprError> {
    if text.len() > MAX_LEN {
        return Err(ExprError::new(
            codes::EXPR_SYNTAX,
            format!("condition is {} bytes long, more than the limit of {MAX_LEN}", text.len()),
            0,
            0,
        )
        .help("split it into several rules"));
    }
    let tokens = lex(text)?;
    let mut parser = Parser { tokens: &tokens, pos: 0, end: text.len(), depth: 0 };
    let ast = parser.expr()?;
    if let Some(token) = parser.peek() {
        return Err(ExprError::new(
            codes::EXPR_SYNTAX,
            format!("unexpected {} after the end of the condition", token.kind),
            token.start,
            token.end,
        )
        .help("join conditions with `and` or `or`"));
    }
    Checker { questions }.condition(&ast)
}

// ---------------------------------------------------------------- lexer

#[derive(Debug, Clone, PartialEq)]
enum TokenKind {
    Ident(String),
    Int(i64),
    Str(String),
    Op(CmpOp),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenKind::Ident(name) => write!(f, "`{name}`"),
            TokenKind::Int(v) => write!(f, "`{v}`"),
            TokenKind::Str(s) => write!(f, "`\"{s}\"`"),
            TokenKind::Op(op) => write!(f, "`{}`", op.symbol()),
            TokenKind::LParen => f.write_str("`(`"),
            TokenKind::RParen => f.write_str("`)`"),
            TokenKind::LBracket => f.write_str("`[`"),
            TokenKind::RBracket => f.write_str("`]`"),
            TokenKind::Comma => f.write_str("`,`"),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
}

fn lex(text: &str) -> Result<Vec<Token>, ExprError> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let single = |kind| Token { kind, start, end: start + 1 };
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => tokens.push(single(TokenKind::LParen)),
            b')' => tokens.push(single(TokenKind::RParen)),
            b'[' => tokens.push(single(TokenKind::LBracket)),
            b']' => tokens.push(single(TokenKind::RBracket)),
            b',' => tokens.push(single(TokenKind::Comma)),
            b'=' | b'!' | b'<' | b'>' => {
                let next = bytes.get(i + 1).copied();
                let (op, width) = match (c, next) {
                    (b'=', Some(b'=')) => (CmpOp::Eq, 2),
                    (b'!', Some(b'=')) => (CmpOp::Ne, 2),
                    (b'<', Some(b'=')) => (CmpOp::Le, 2),
                    (b'>', Some(b'=')) => (CmpOp::Ge, 2),
                    (b'<', _) => (CmpOp::Lt, 1),
                    (b'>', _) => (CmpOp::Gt, 1),
                    (b'=', _) => {
                        return Err(ExprError::new(codes::EXPR_SYNTAX, "`=` is not an operator", start, start + 1)
                            .help("compare with `==`"));
                    }
                    _ => {
                        return Err(ExprError::new(codes::EXPR_SYNTAX, "`!` is not an operator", start, start + 1)
                            .help("negate with `not`, or compare with `!=`"));
                    }
                };
                tokens.push(Token { kind: TokenKind::Op(op), start, end: start + width });
                i += width;
                continue;
            }
            b'"' | b'\'' => {
                let close = text[i + 1..].find(char::from(c)).ok_or_else(|| {
                    ExprError::new(codes::EXPR_SYNTAX, "string is not closed", start, text.len())
                        .help(format!("add a closing {}", char::from(c)))
                })?;
                let end = i + 1 + close + 1;
                tokens.push(Token { kind: TokenKind::Str(text[i + 1..end - 1].to_owned()), start, end });
                i = end;
                continue;
            }
            b'0'..=b'9' | b'-' => {
                let mut end = i + 1;
                while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'_') {
                    end += 1;
                }
                let digits: String = text[i..end].chars().filter(|c| *c != '_').collect();
                let value = digits.parse::<i64>().map_err(|_| {
                    ExprError::new(codes::EXPR_SYNTAX, format!("`{}` is not a whole number", &text[i..end]), start, end)
                })?;
                tokens.push(Token { kind: TokenKind::Int(value), start, end });
                i = end;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let mut end = i + 1;
                while end < bytes.len()
                    && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b'-')
                {
                    end += 1;
                }
                tokens.push(Token { kind: TokenKind::Ident(text[i..end].to_owned()), start, end });
                i = end;
                continue;
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or('?');
                let end = i + ch.len_utf8();
                let help = match ch {
                    '&' => Some("write `and`"),
                    '|' => Some("write `or`"),
                    _ => None,
                };
                let error = ExprError::new(codes::EXPR_SYNTAX, format!("unexpected character `{ch}`"), start, end);
                return Err(match help {
                    Some(h) => error.help(h),
                    None => error,
                });
            }
        }
        i += 1;
    }
    Ok(tokens)
}

// ---------------------------------------------------------------- parser

#[derive(Debug, Clone, PartialEq)]
struct Ast {
    kind: AstKind,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum AstKind {
    Or(Vec<Ast>),
    And(Vec<Ast>),
    Not(Box<Ast>),
    Compare(CmpOp, Box<Ast>, Box<Ast>),
    In(Box<Ast>, Vec<Ast>),
    Ident(String),
    Bool(bool),
    Int(i64),
    Str(String),
}

struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    end: usize,
    depth: usize,
}

/// Deepest nesting of `not` and parentheses a condition may use: far beyond
/// any real rule, and small enough that hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Longest condition accepted, in bytes.
pub const MAX_LEN: usize = 4096;

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_keyword(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(Token { kind: TokenKind::Ident(name), .. }) if name == keyword)
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        token
    }

    fn expr(&mut self) -> Result<Ast, ExprError> {
        self.chain("or", Self::and, AstKind::Or)
    }

    fn and(&mut self) -> Result<Ast, ExprError> {
        self.chain("and", Self::unary, AstKind::And)
    }

    fn chain(
        &mut self,
        keyword: &str,
        next: fn(&mut Self) -> Result<Ast, ExprError>,
        build: fn(Vec<Ast>) -> AstKind,
    ) -> Result<Ast, ExprError> {
        let first = next(self)?;
        if !self.peek_keyword(keyword) {
            return Ok(first);
        }
        let start = first.start;
        let mut items = vec![first];
        while self.peek_keyword(keyword) {
            self.bump();
            items.push(next(self)?);
        }
        let end = items.last().map_or(start, |a| a.end);
        Ok(Ast { kind: build(items), start, end })
    }

    fn enter(&mut self, at: usize) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::new(
                codes::EXPR_SYNTAX,
                format!("condition nests `not` and parentheses deeper than {MAX_DEPTH} levels"),
                at,
                at + 1,
            ));
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Ast, ExprError> {
        if self.peek_keyword("not") {
            let at = self.peek().map_or(0, |t| t.start);
            self.enter(at)?;
            let start = self.bump().map_or(0, |t| t.start);
            let inner = self.unary()?;
            self.depth -= 1;
            let end = inner.end;
            return Ok(Ast { kind: AstKind::Not(Box::new(inner)), start, end });
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Ast, ExprError> {
        let lhs = self.operand()?;
        match self.peek().map(|t| t.kind.clone()) {
            Some(TokenKind::Op(op)) => {
                self.bump();
                let rhs = self.operand()?;
                let (start, end) = (lhs.start, rhs.end);
                Ok(Ast { kind: AstKind::Compare(op, Box::new(lhs), Box::new(rhs)), start, end })
            }
            Some(TokenKind::Ident(name)) if name == "in" => {
                self.bump();
                let (items, end) = self.list()?;
                let start = lhs.start;
                Ok(Ast { kind: AstKind::In(Box::new(lhs), items), start, end })
            }
            _ => Ok(lhs),
        }
    }

    fn list(&mut self) -> Result<(Vec<Ast>, usize), ExprError> {
        match self.bump() {
            Some(Token { kind: TokenKind::LBracket, .. }) => {}
            Some(token) => {
                return Err(ExprError::new(
                    codes::EXPR_SYNTAX,
                    format!("expected `[` after `in`, found {}", token.kind),
                    token.start,
                    token.end,
                )
                .help("write the values as a list, e.g. `in [weekly, daily]`"));
            }
            None => return Err(self.unexpected_end("`[` after `in`")),
        }
        let mut items = Vec::new();
        loop {
            if let Some(Token { kind: TokenKind::RBracket, end, .. }) = self.peek() {
                let end = *end;
                self.bump();
                return Ok((items, end));
            }
            items.push(self.operand()?);
            match self.bump() {
                Some(Token { kind: TokenKind::Comma, .. }) => {}
                Some(Token { kind: TokenKind::RBracket, end, .. }) => return Ok((items, end)),
                Some(token) => {
                    return Err(ExprError::new(
                        codes::EXPR_SYNTAX,
                        format!("expected `,` or `]` in the list, found {}", token.kind),
                        token.start,
                        token.end,
                    ));
                }
                None => return Err(self.unexpected_end("`]` to close the list")),
            }
        }
    }

    fn operand(&mut self) -> Result<Ast, ExprError> {
        let Some(token) = self.bump() else {
            return Err(self.unexpected_end("a question id or a value"));
        };
        let (start, end) = (token.start, token.end);
        let kind = match token.kind {
            TokenKind::Ident(name) => match name.as_str() {
                "true" => AstKind::Bool(true),
                "false" => AstKind::Bool(false),
                "and" | "or" | "in" | "not" => {
                    return Err(ExprError::new(
                        codes::EXPR_SYNTAX,
                        format!("expected a question id or a value, found the keyword `{name}`"),
                        start,
                        end,
                    ));
                }
                _ => AstKind::Ident(name),
            },
            TokenKind::Int(v) => AstKind::Int(v),
            TokenKind::Str(s) => AstKind::Str(s),
            TokenKind::LParen => {
                self.enter(start)?;
                let inner = self.expr()?;
                self.depth -= 1;
                match self.bump() {
                    Some(Token { kind: TokenKind::RParen, end, .. }) => {
                        return Ok(Ast { kind: inner.kind, start, end });
                    }
                    Some(other) => {
                        return Err(ExprError::new(
                            codes::EXPR_SYNTAX,
                            format!("expected `)`, found {}", other.kind),
                            other.start,
                            other.end,
                        ));
                    }
                    None => return Err(self.unexpected_end("`)`").help("close the parenthesis opened here")),
                }
            }
            other => {
                return Err(ExprError::new(
                    codes::EXPR_SYNTAX,
                    format!("expected a question id or a value, found {other}"),
                    start,
                    end,
                ));
            }
        };
        Ok(Ast { kind, start, end })
    }

    fn unexpected_end(&self, expected: &str) -> ExprError {
        ExprError::new(codes::EXPR_SYNTAX, format!("condition ends early; expected {expected}"), self.end, self.end)
    }
}

// ---------------------------------------------------------------- type checker

/// The type of an operand, as the checker sees it.
#[derive(Debug, Clone, Copy)]
enum Operand<'a> {
    Bool,
    Int(IntOperand),
    Choice(usize, &'a [String]),
    /// A bare word or string that is not a question id: only meaningful next to a choice question.
    Symbol(&'a str, bool),
}

struct Checker<'q, 'a> {
    questions: &'q [QuestionInfo<'a>],
}

impl<'a> Checker<'_, 'a> {
    fn question(&self, name: &str) -> Option<(usize, &QuestionInfo<'a>)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == name)
    }

    fn unknown_question(&self, name: &str, ast: &Ast) -> ExprError {
        let error =
            ExprError::new(codes::EXPR_UNKNOWN_QUESTION, format!("unknown question `{name}`"), ast.start, ast.end);
        match did_you_mean(name, self.questions.iter().map(|q| q.id)) {
            Some(s) => error.help(format!("did you mean `{s}`?")),
            None => error,
        }
    }

    fn condition(&self, ast: &Ast) -> Result<Expr, ExprError> {
        match &ast.kind {
            AstKind::Or(items) => Ok(Expr::Any(items.iter().map(|a| self.condition(a)).collect::<Result<_, _>>()?)),
            AstKind::And(items) => Ok(Expr::All(items.iter().map(|a| self.condition(a)).collect::<Result<_, _>>()?)),
            AstKind::Not(inner) => Ok(Expr::Not(Box::new(self.condition(inner)?))),
            AstKind::Bool(b) => Ok(Expr::Const(*b)),
            AstKind::Compare(op, lhs, rhs) => self.compare(*op, lhs, rhs, ast),
            AstKind::In(lhs, items) => self.membership(lhs, items),
            AstKind::Ident(name) => match self.question(name) {
                Some((index, QuestionInfo { kind: QuestionKind::Boolean, .. })) => Ok(Expr::Flag(index)),
                Some((_, info)) => Err(ExprError::new(
                    codes::EXPR_TYPE_MISMATCH,
                    format!("`{name}` is {}, not a condition", info.kind.describe()),
                    ast.start,
                    ast.end,
                )
                .help(match info.kind {
                    QuestionKind::Integer { .. } => format!("compare it, e.g. `{name} >= 1`"),
                    _ => format!("compare it, e.g. `{name} == <value>` or `{name} in [...]`"),
                })),
                None => Err(self.unknown_question(name, ast)),
            },
            AstKind::Int(v) => Err(ExprError::new(
                codes::EXPR_TYPE_MISMATCH,
                format!("`{v}` is a whole number, not a condition"),
                ast.start,
                ast.end,
            )),
            AstKind::Str(s) => Err(ExprError::new(
                codes::EXPR_TYPE_MISMATCH,
                format!("`\"{s}\"` is a string, not a condition"),
                ast.start,
                ast.end,
            )),
        }
    }

    fn operand(&self, ast: &'a Ast) -> Operand<'a> {
        match &ast.kind {
            AstKind::Ident(name) => match self.question(name) {
                Some((_, QuestionInfo { kind: QuestionKind::Boolean, .. })) => Operand::Bool,
                Some((index, QuestionInfo { kind: QuestionKind::Integer { .. }, .. })) => {
                    Operand::Int(IntOperand::Question(index))
                }
                Some((index, QuestionInfo { kind: QuestionKind::Choice { values }, .. })) => {
                    Operand::Choice(index, values)
                }
                None => Operand::Symbol(name, true),
            },
            AstKind::Int(v) => Operand::Int(IntOperand::Literal(*v)),
            AstKind::Str(s) => Operand::Symbol(s, false),
            _ => Operand::Bool,
        }
    }

    fn compare(&self, op: CmpOp, lhs: &'a Ast, rhs: &'a Ast, whole: &Ast) -> Result<Expr, ExprError> {
        let left = self.operand(lhs);
        let right = self.operand(rhs);
        match (left, right) {
            (Operand::Choice(q, values), Operand::Symbol(..)) => self.choice_compare(op, q, values, rhs, whole),
            (Operand::Symbol(..), Operand::Choice(q, values)) => self.choice_compare(op, q, values, lhs, whole),
            (Operand::Int(l), Operand::Int(r)) => Ok(Expr::IntCompare(op, l, r)),
            (Operand::Bool, Operand::Bool) => match op {
                CmpOp::Eq | CmpOp::Ne => Ok(Expr::BoolEquals(
                    Box::new(self.condition(lhs)?),
                    Box::new(self.condition(rhs)?),
                    op == CmpOp::Ne,
                )),
                _ => Err(ExprError::new(
                    codes::EXPR_TYPE_MISMATCH,
                    format!("`{}` needs whole numbers; booleans can only be compared with `==` or `!=`", op.symbol()),
                    whole.start,
                    whole.end,
                )),
            },
            (Operand::Symbol(name, true), _) => Err(self.unknown_question(name, lhs)),
            (_, Operand::Symbol(name, true)) => Err(self.unknown_question(name, rhs)),
            (l, r) => Err(ExprError::new(
                codes::EXPR_TYPE_MISMATCH,
                format!("cannot compare {} with {}", Self::describe(l, lhs), Self::describe(r, rhs)),
                whole.start,
                whole.end,
            )),
        }
    }

    fn describe(operand: Operand<'_>, ast: &Ast) -> String {
        let text = match &ast.kind {
            AstKind::Ident(name) => format!("`{name}`"),
            AstKind::Int(v) => format!("`{v}`"),
            AstKind::Bool(b) => format!("`{b}`"),
            AstKind::Str(s) => format!("`\"{s}\"`"),
            _ => "a condition".to_owned(),
        };
        let kind = match operand {
            Operand::Bool => "a boolean",
            Operand::Int(_) => "a whole number",
            Operand::Choice(..) => "a choice",
            Operand::Symbol(..) => "a string",
        };
        if text == "a condition" { text } else { format!("{text} ({kind})") }
    }

    fn choice_compare(
        &self,
        op: CmpOp,
        question: usize,
        values: &[String],
        value_ast: &Ast,
        whole: &Ast,
    ) -> Result<Expr, ExprError> {
        let negate = match op {
            CmpOp::Eq => false,
            CmpOp::Ne => true,
            _ => {
                return Err(ExprError::new(
                    codes::EXPR_TYPE_MISMATCH,
                    format!("`{}` needs whole numbers, but `{}` is a choice", op.symbol(), self.questions[question].id),
                    whole.start,
                    whole.end,
                )
                .help("compare choices with `==`, `!=` or `in [...]`"));
            }
        };
        let value = choice_index(self.questions[question].id, values, value_ast)?;
        Ok(Expr::ChoiceIn { question, values: vec![value], negate })
    }

    fn membership(&self, lhs: &'a Ast, items: &'a [Ast]) -> Result<Expr, ExprError> {
        match self.operand(lhs) {
            Operand::Choice(question, values) => {
                if items.is_empty() {
                    return Err(ExprError::new(codes::EXPR_SYNTAX, "the list after `in` is empty", lhs.end, lhs.end)
                        .help("list at least one value"));
                }
                let mut indices = Vec::with_capacity(items.len());
                for item in items {
                    let index = choice_index(self.questions[question].id, values, item)?;
                    if !indices.contains(&index) {
                        indices.push(index);
                    }
                }
                indices.sort_unstable();
                Ok(Expr::ChoiceIn { question, values: indices, negate: false })
            }
            Operand::Symbol(name, true) => Err(self.unknown_question(name, lhs)),
            other => Err(ExprError::new(
                codes::EXPR_TYPE_MISMATCH,
                format!("`in` needs a choice question on its left, found {}", Self::describe(other, lhs)),
                lhs.start,
                lhs.end,
            )),
        }
    }
}

fn choice_index(id: &str, values: &[String], ast: &Ast) -> Result<u16, ExprError> {
    let name = match &ast.kind {
        AstKind::Ident(name) | AstKind::Str(name) => name.as_str(),
        AstKind::Bool(b) => {
            return Err(ExprError::new(
                codes::EXPR_TYPE_MISMATCH,
                format!("`{id}` is a choice; `{b}` is not one of its values"),
                ast.start,
                ast.end,
            )
            .help(format!("expected one of {}", list_values(values))));
        }
        _ => {
            return Err(ExprError::new(
                codes::EXPR_TYPE_MISMATCH,
                format!("`{id}` is a choice and can only be compared with one of its values"),
                ast.start,
                ast.end,
            )
            .help(format!("expected one of {}", list_values(values))));
        }
    };
    if let Some(index) = values.iter().position(|v| v == name) {
        Ok(u16::try_from(index).unwrap_or(u16::MAX))
    } else {
        let error =
            ExprError::new(codes::EXPR_UNKNOWN_VALUE, format!("`{name}` is not a value of `{id}`"), ast.start, ast.end);
        Err(match did_you_mean(name, values.iter().map(String::as_str)) {
            Some(s) => error.help(format!("did you mean `{s}`? expected one of {}", list_values(values))),
            None => error.help(format!("expected one of {}", list_values(values))),
        })
    }
}

fn list_values(values: &[String]) -> String {
    crate::load::quoted_list(values.iter().map(String::as_str))
}

#[cfg(test)]
mod tests;
