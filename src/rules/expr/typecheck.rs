//! Syntax tree → [`Expr`]: names resolved to question indices, types checked.

use super::parser::{Ast, AstKind};
use super::{CmpOp, Expr, ExprError, IntOperand, QuestionInfo};
use crate::diag::Code;
use crate::load::did_you_mean;
use crate::rules::model::QuestionKind;

/// The type of an operand, as the checker sees it.
#[derive(Debug, Clone, Copy)]
enum Operand<'a> {
    Bool,
    Int(IntOperand),
    Choice(usize, &'a [String]),
    /// A bare word or string that is not a question id: only meaningful next to a choice question.
    Symbol(&'a str, bool),
}

pub(super) struct Checker<'q, 'a> {
    pub(super) questions: &'q [QuestionInfo<'a>],
}

impl<'a> Checker<'_, 'a> {
    fn question(&self, name: &str) -> Option<(usize, &QuestionInfo<'a>)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == name)
    }

    fn unknown_question(&self, name: &str, ast: &Ast) -> ExprError {
        let error = ExprError::localized(
            Code::ExprUnknownQuestion,
            crate::i18n::Msg::new("expr-unknown-question").arg("name", name),
            ast.start,
            ast.end,
        );
        match did_you_mean(name, self.questions.iter().map(|q| q.id)) {
            Some(s) => error.help_msg(crate::i18n::Msg::new("did-you-mean").arg("name", s)),
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
                    format!("`{name}` is {}, not a condition", info.kind.describe()),
                    ast.start,
                    ast.end,
                )
                .help_msg(match info.kind {
                    QuestionKind::Integer { .. } => crate::i18n::Msg::new("expr-compare-integer").arg("name", name),
                    _ => crate::i18n::Msg::new("expr-compare-choice").arg("name", name),
                })),
                None => Err(self.unknown_question(name, ast)),
            },
            AstKind::Int(v) => Err(ExprError::localized(
                Code::ExprTypeMismatch,
                crate::i18n::Msg::new("expr-number-not-condition").arg("value", v.to_string()),
                ast.start,
                ast.end,
            )),
            AstKind::Str(s) => Err(ExprError::new(
                Code::ExprTypeMismatch,
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
                    Code::ExprTypeMismatch,
                    format!("`{}` needs whole numbers; booleans can only be compared with `==` or `!=`", op.symbol()),
                    whole.start,
                    whole.end,
                )),
            },
            (Operand::Symbol(name, true), _) => Err(self.unknown_question(name, lhs)),
            (_, Operand::Symbol(name, true)) => Err(self.unknown_question(name, rhs)),
            (l, r) => Err(ExprError::new(
                Code::ExprTypeMismatch,
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
                    Code::ExprTypeMismatch,
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
                    return Err(ExprError::new(Code::ExprSyntax, "the list after `in` is empty", lhs.end, lhs.end)
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
                Code::ExprTypeMismatch,
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
                Code::ExprTypeMismatch,
                format!("`{id}` is a choice; `{b}` is not one of its values"),
                ast.start,
                ast.end,
            )
            .help(format!("expected one of {}", list_values(values))));
        }
        _ => {
            return Err(ExprError::new(
                Code::ExprTypeMismatch,
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
            ExprError::new(Code::ExprUnknownValue, format!("`{name}` is not a value of `{id}`"), ast.start, ast.end);
        Err(match did_you_mean(name, values.iter().map(String::as_str)) {
            Some(s) => error.help(format!("did you mean `{s}`? expected one of {}", list_values(values))),
            None => error.help(format!("expected one of {}", list_values(values))),
        })
    }
}

fn list_values(values: &[String]) -> String {
    crate::load::quoted_list(values.iter().map(String::as_str))
}
