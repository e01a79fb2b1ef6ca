//! Tokens → syntax tree, with byte ranges for errors.

use super::lexer::{Token, TokenKind};
use super::{CmpOp, ExprError, MAX_DEPTH};
use crate::diag::Code;
use crate::i18n::Msg;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ast {
    pub(super) kind: AstKind,
    pub(super) start: usize,
    pub(super) end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum AstKind {
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

pub(super) struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    end: usize,
    depth: usize,
}

impl<'t> Parser<'t> {
    pub(super) fn new(tokens: &'t [Token], end: usize) -> Self {
        Parser { tokens, pos: 0, end, depth: 0 }
    }

    pub(super) fn peek(&self) -> Option<&Token> {
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

    pub(super) fn expr(&mut self) -> Result<Ast, ExprError> {
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
                Code::ExprSyntax,
                Msg::new("expr-too-deep").arg("levels", MAX_DEPTH.to_string()),
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
                    Code::ExprSyntax,
                    Msg::new("expr-expected-list").arg("found", token.kind.to_string()),
                    token.start,
                    token.end,
                )
                .help(Msg::new("expr-expected-list-help")));
            }
            None => return Err(self.unexpected_end("open-list")),
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
                        Code::ExprSyntax,
                        Msg::new("expr-expected-comma").arg("found", token.kind.to_string()),
                        token.start,
                        token.end,
                    ));
                }
                None => return Err(self.unexpected_end("close-list")),
            }
        }
    }

    fn operand(&mut self) -> Result<Ast, ExprError> {
        let Some(token) = self.bump() else {
            return Err(self.unexpected_end("operand"));
        };
        let (start, end) = (token.start, token.end);
        let kind = match token.kind {
            TokenKind::Ident(name) => match name.as_str() {
                "true" => AstKind::Bool(true),
                "false" => AstKind::Bool(false),
                "and" | "or" | "in" | "not" => {
                    return Err(ExprError::new(
                        Code::ExprSyntax,
                        Msg::new("expr-keyword-operand").arg("name", name),
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
                            Code::ExprSyntax,
                            Msg::new("expr-expected-paren").arg("found", other.kind.to_string()),
                            other.start,
                            other.end,
                        ));
                    }
                    None => return Err(self.unexpected_end("close-paren").help(Msg::new("expr-close-paren-help"))),
                }
            }
            other => {
                return Err(ExprError::new(
                    Code::ExprSyntax,
                    Msg::new("expr-expected-operand").arg("found", other.to_string()),
                    start,
                    end,
                ));
            }
        };
        Ok(Ast { kind, start, end })
    }

    /// The condition ended where `expected` (a selector of `expr-ends-early`) should have followed.
    fn unexpected_end(&self, expected: &'static str) -> ExprError {
        ExprError::new(Code::ExprSyntax, Msg::new("expr-ends-early").arg("expected", expected), self.end, self.end)
    }
}
