//! Syntax tree → [`Expr`]: names resolved to question indices, types checked.

use super::parser::{Ast, AstKind};
use super::{CmpOp, Expr, ExprError, IntOperand, QuestionInfo, QuestionTable};
use crate::diag::Code;
use crate::i18n::Msg;
use crate::load::did_you_mean;
use crate::rules::model::{QuestionId, QuestionKind};

/// The type of an operand, as the checker sees it.
#[derive(Debug, Clone, Copy)]
enum Operand<'a> {
    Bool,
    Int(IntOperand),
    Choice(QuestionId, &'a [String]),
    /// A bare word or string that is not a question id: only meaningful next to a choice question.
    Symbol(&'a str, bool),
}

pub(super) struct Checker<'q, 'a> {
    pub(super) questions: &'q QuestionTable<'q, 'a>,
}

impl<'a> Checker<'_, 'a> {
    fn question(&self, name: &str) -> Option<(QuestionId, &QuestionInfo<'a>)> {
        self.questions.find(name)
    }

    fn unknown_question(&self, name: &str, ast: &Ast) -> ExprError {
        let error = ExprError::new(
            Code::ExprUnknownQuestion,
            Msg::new("expr-unknown-question").arg("name", name),
            ast.start,
            ast.end,
        );
        match did_you_mean(name, self.questions.infos().iter().map(|q| q.id)) {
            Some(s) => error.help(Msg::new("did-you-mean").arg("name", s)),
            None => error,
        }
    }

    pub(super) fn condition(&self, ast: &Ast) -> Result<Expr, ExprError> {
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
                    Code::ExprTypeMismatch,
                    Msg::new("expr-not-a-condition").arg("name", name).arg("kind", info.kind.type_name()),
                    ast.start,
                    ast.end,
                )
                .help(match info.kind {
                    QuestionKind::Integer { .. } => Msg::new("expr-compare-integer").arg("name", name),
                    _ => Msg::new("expr-compare-choice").arg("name", name),
                })),
                None => Err(self.unknown_question(name, ast)),
            },
            AstKind::Int(v) => Err(ExprError::new(
                Code::ExprTypeMismatch,
                Msg::new("expr-number-not-condition").arg("value", v.to_string()),
                ast.start,
                ast.end,
            )),
            AstKind::Str(s) => Err(ExprError::new(
                Code::ExprTypeMismatch,
                Msg::new("expr-string-not-condition").arg("value", s),
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
                    Code::ExprTypeMismatch,
                    Msg::new("expr-bool-order").arg("op", op.symbol()),
                    whole.start,
                    whole.end,
                )),
            },
            (Operand::Symbol(name, true), _) => Err(self.unknown_question(name, lhs)),
            (_, Operand::Symbol(name, true)) => Err(self.unknown_question(name, rhs)),
            (l, r) => Err(ExprError::new(
                Code::ExprTypeMismatch,
                Msg::new("expr-cannot-compare").arg("lhs", Self::describe(l, lhs)).arg("rhs", Self::describe(r, rhs)),
                whole.start,
                whole.end,
            )),
        }
    }

    /// An operand in a message: its text and its type (`expr-operand`), or "a condition".
    fn describe(operand: Operand<'_>, ast: &Ast) -> Msg {
        let text = match &ast.kind {
            AstKind::Ident(name) => format!("`{name}`"),
            AstKind::Int(v) => format!("`{v}`"),
            AstKind::Bool(b) => format!("`{b}`"),
            AstKind::Str(s) => format!("`\"{s}\"`"),
            _ => return Msg::new("expr-operand-condition"),
        };
        let kind = match operand {
            Operand::Bool => "boolean",
            Operand::Int(_) => "integer",
            Operand::Choice(..) => "choice",
            Operand::Symbol(..) => "string",
        };
        Msg::new("expr-operand").arg("text", text).arg("kind", kind)
    }

    fn choice_compare(
        &self,
        op: CmpOp,
        question: QuestionId,
        values: &[String],
        value_ast: &Ast,
        whole: &Ast,
    ) -> Result<Expr, ExprError> {
        let negate = match op {
            CmpOp::Eq => false,
            CmpOp::Ne => true,
            _ => {
                return Err(ExprError::new(
                    Code::ExprTypeMismatch,
                    Msg::new("expr-choice-order").arg("op", op.symbol()).arg("id", self.questions.infos()[question].id),
                    whole.start,
                    whole.end,
                )
                .help(Msg::new("expr-choice-order-help")));
            }
        };
        let value = choice_index(self.questions.infos()[question].id, values, value_ast)?;
        Ok(Expr::ChoiceIn { question, values: vec![value], negate })
    }

    fn membership(&self, lhs: &'a Ast, items: &'a [Ast]) -> Result<Expr, ExprError> {
        match self.operand(lhs) {
            Operand::Choice(question, values) => {
                if items.is_empty() {
                    return Err(ExprError::new(Code::ExprSyntax, Msg::new("expr-empty-list"), lhs.end, lhs.end)
                        .help(Msg::new("expr-empty-list-help")));
                }
                let mut indices = Vec::with_capacity(items.len());
                for item in items {
                    let index = choice_index(self.questions.infos()[question].id, values, item)?;
                    if !indices.contains(&index) {
                        indices.push(index);
                    }
                }
                indices.sort_unstable();
                Ok(Expr::ChoiceIn { question, values: indices, negate: false })
            }
            Operand::Symbol(name, true) => Err(self.unknown_question(name, lhs)),
            other => Err(ExprError::new(
                Code::ExprTypeMismatch,
                Msg::new("expr-in-needs-choice").arg("found", Self::describe(other, lhs)),
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
                Code::ExprTypeMismatch,
                Msg::new("expr-choice-not-bool").arg("id", id).arg("value", b.to_string()),
                ast.start,
                ast.end,
            )
            .help(Msg::new("expected-one-of").arg("list", list_values(values))));
        }
        _ => {
            return Err(ExprError::new(
                Code::ExprTypeMismatch,
                Msg::new("expr-choice-only-values").arg("id", id),
                ast.start,
                ast.end,
            )
            .help(Msg::new("expected-one-of").arg("list", list_values(values))));
        }
    };
    if let Some(index) = values.iter().position(|v| v == name) {
        Ok(u16::try_from(index).unwrap_or(u16::MAX))
    } else {
        let error = ExprError::new(
            Code::ExprUnknownValue,
            Msg::new("not-a-value-of").arg("value", name).arg("id", id),
            ast.start,
            ast.end,
        );
        Err(match did_you_mean(name, values.iter().map(String::as_str)) {
            Some(s) => error.help(Msg::new("did-you-mean-one-of").arg("name", s).arg("list", list_values(values))),
            None => error.help(Msg::new("expected-one-of").arg("list", list_values(values))),
        })
    }
}

fn list_values(values: &[String]) -> crate::i18n::MsgArg {
    crate::load::quoted(values.iter().map(String::as_str))
}
