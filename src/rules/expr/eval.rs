//! Evaluating a checked condition, and what analysis reads from it.

use super::{CmpOp, Expr, IntOperand};
use crate::rules::model::{QuestionId, TiSlice, Value};

impl Expr {
    /// Evaluates against answers indexed like the rule set's questions.
    ///
    /// Type checking guarantees each index holds a value of the expected
    /// kind; a mismatch (impossible for answers built by this crate) reads as false.
    #[must_use]
    pub fn eval(&self, answers: &TiSlice<QuestionId, Value>) -> bool {
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
    pub fn questions(&self) -> Vec<QuestionId> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions(&self, out: &mut Vec<QuestionId>) {
        let mut push = |q: QuestionId| {
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
    pub fn int_thresholds(&self, q: QuestionId) -> Vec<(CmpOp, i64)> {
        let mut out = Vec::new();
        self.collect_thresholds(q, &mut out);
        out
    }

    fn collect_thresholds(&self, q: QuestionId, out: &mut Vec<(CmpOp, i64)>) {
        match self {
            Expr::IntCompare(op, IntOperand::Question(lq), IntOperand::Literal(v)) if *lq == q => out.push((*op, *v)),
            Expr::IntCompare(op, IntOperand::Literal(v), IntOperand::Question(rq)) if *rq == q => {
                out.push((op.flipped(), *v));
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

fn int_value(operand: IntOperand, answers: &TiSlice<QuestionId, Value>) -> Option<i64> {
    match operand {
        IntOperand::Literal(v) => Some(v),
        IntOperand::Question(q) => match answers.get(q) {
            Some(Value::Int(v)) => Some(*v),
            _ => None,
        },
    }
}
