//! Condition text → tokens.

use std::fmt;

use super::{CmpOp, ExprError};
use crate::diag::Code;
use crate::i18n::Msg;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum TokenKind {
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
pub(super) struct Token {
    pub(super) kind: TokenKind,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn lex(text: &str) -> Result<Vec<Token>, ExprError> {
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
                        return Err(ExprError::new(Code::ExprSyntax, Msg::new("expr-single-equals"), start, start + 1)
                            .help(Msg::new("expr-single-equals-help")));
                    }
                    _ => {
                        return Err(ExprError::new(Code::ExprSyntax, Msg::new("expr-bang"), start, start + 1)
                            .help(Msg::new("expr-bang-help")));
                    }
                };
                tokens.push(Token { kind: TokenKind::Op(op), start, end: start + width });
                i += width;
                continue;
            }
            b'"' | b'\'' => {
                let close = text[i + 1..].find(char::from(c)).ok_or_else(|| {
                    ExprError::new(Code::ExprSyntax, Msg::new("expr-string-not-closed"), start, text.len())
                        .help(Msg::new("expr-string-not-closed-help").arg("quote", char::from(c).to_string()))
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
                    ExprError::new(Code::ExprSyntax, Msg::new("expr-bad-number").arg("text", &text[i..end]), start, end)
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
                    '&' => Some(Msg::new("expr-write-and")),
                    '|' => Some(Msg::new("expr-write-or")),
                    _ => None,
                };
                let error = ExprError::new(
                    Code::ExprSyntax,
                    Msg::new("expr-unexpected-character").arg("char", ch.to_string()),
                    start,
                    end,
                );
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
