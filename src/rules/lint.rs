//! Static checks beyond loading, for rule authors (`rules check`).
//!
//! Satisfiability is decided by enumeration over a finite abstraction: each
//! question a condition reads (and each question its ask-condition reads)
//! takes every boolean or choice value, and for whole numbers one value on
//! each side of every threshold the conditions compare it with. Between
//! thresholds a comparison cannot change, so this covers every case.

use super::expr::{CmpOp, Expr};
use super::model::{ApproachId, Citation, QuestionId, QuestionKind, RuleSet, TiVec, Value};
use crate::diag::{Code, Diagnostic, Severity};
use crate::i18n::Msg;

/// Beyond this many combinations a rule is not checked for satisfiability.
const MAX_COMBINATIONS: usize = 200_000;

/// Warnings about `rule_set`, in declaration order within each kind.
#[must_use]
pub fn lint(rule_set: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let firable: Vec<bool> = rule_set.rules.iter().map(|r| can_hold(rule_set, &r.when.expr) != Some(false)).collect();
    for (rule, ok) in rule_set.rules.iter().zip(&firable) {
        if !ok {
            out.push(
                warning(
                    Code::RuleNeverFires,
                    Msg::new("lint-rule-never-fires").arg("id", &rule.id).arg("condition", &rule.when.text),
                    &rule.origin,
                )
                .with_help(Msg::new("lint-rule-never-fires-help")),
            );
        }
    }
    for (index, question) in rule_set.questions.iter_enumerated() {
        let read_by_rule = rule_set.rules.iter().any(|r| r.when.expr.questions().contains(&index));
        // A question that decides whether another is asked matters too.
        let gates_question = rule_set.questions.iter().any(|q| {
            q.ask_when.as_ref().is_some_and(|c| c.expr.questions().contains(&index))
                && rule_set
                    .rules
                    .iter()
                    .any(|r| r.when.expr.questions().iter().any(|read| rule_set.questions[*read].id == q.id))
        });
        if !read_by_rule && !gates_question {
            out.push(warning(
                Code::QuestionUnread,
                Msg::new("lint-question-unread").arg("id", &question.id),
                &question.origin,
            ));
        }
    }
    for (index, approach) in rule_set.approaches.iter_enumerated() {
        let scored = rule_set
            .rules
            .iter()
            .zip(&firable)
            .any(|(r, ok)| *ok && (r.effects.iter().any(|(a, _)| *a == index) || r.veto.contains(&index)));
        if !scored {
            out.push(warning(
                Code::ApproachUnscored,
                Msg::new("lint-approach-unscored").arg("id", &approach.id),
                &approach.origin,
            ));
        }
    }
    if !rule_set.sources.is_empty() {
        for rule in &rule_set.rules {
            for citation in &rule.citations {
                if let Citation::Text(text) = citation {
                    out.push(
                        warning(
                            Code::SourceNotInCatalogue,
                            Msg::new("lint-source-not-in-catalogue").arg("id", &rule.id).arg("text", text),
                            &rule.origin,
                        )
                        .with_help(Msg::new("lint-source-not-in-catalogue-help")),
                    );
                }
            }
        }
    }
    let separates = rule_set.rules.iter().zip(&firable).any(|(r, ok)| {
        *ok && (!r.veto.is_empty() || {
            let weight = |a: ApproachId| r.effects.iter().find(|(x, _)| *x == a).map_or(0, |(_, w)| *w);
            rule_set.approaches.keys().any(|a| weight(a) != weight(ApproachId::default()))
        })
    });
    if !separates && let Some(first) = rule_set.approaches.first() {
        out.push(warning(Code::ApproachesAlwaysTied, Msg::new("lint-approaches-always-tied"), &first.origin));
    }
    out.extend(super::locale::missing(rule_set));
    out
}

fn warning(code: Code, message: impl Into<crate::diag::Text>, origin: &super::Origin) -> Diagnostic {
    Diagnostic::error(code, message, &origin.file, origin.span).with_severity(Severity::Warning)
}

/// Whether `expr` holds for some answers: `Some(true)`, `Some(false)`, or
/// `None` when there are too many combinations to try.
#[must_use]
pub fn can_hold(rule_set: &RuleSet, expr: &Expr) -> Option<bool> {
    if compares_two_questions(expr) {
        // No literal thresholds to enumerate around: undecided rather than wrong.
        return None;
    }
    let involved = involved_questions(rule_set, expr);
    let choices: Vec<Vec<Value>> = involved.iter().map(|&q| candidate_values(rule_set, q, expr)).collect();
    let total = choices.iter().try_fold(1_usize, |acc, c| acc.checked_mul(c.len().max(1)))?;
    if total > MAX_COMBINATIONS {
        return None;
    }
    let defaults: TiVec<QuestionId, Value> = rule_set.questions.iter().map(|q| q.default).collect();
    for n in 0..total {
        let mut values = defaults.clone();
        let mut rest = n;
        for (slot, options) in involved.iter().zip(&choices) {
            values[*slot] = options[rest % options.len()];
            rest /= options.len();
        }
        // A question that is not asked keeps its default, whatever was assigned.
        for (index, question) in rule_set.questions.iter_enumerated() {
            if let Some(condition) = &question.ask_when
                && !condition.expr.eval(&values)
            {
                values[index] = question.default;
            }
        }
        if expr.eval(&values) {
            return Some(true);
        }
    }
    Some(false)
}

/// The questions `expr` reads, and those their ask-conditions read, transitively; sorted.
pub(crate) fn involved_questions(rule_set: &RuleSet, expr: &Expr) -> Vec<QuestionId> {
    let mut involved: Vec<QuestionId> = expr.questions();
    let mut i = 0;
    while i < involved.len() {
        if let Some(condition) = &rule_set.questions[involved[i]].ask_when {
            for q in condition.expr.questions() {
                if !involved.contains(&q) {
                    involved.push(q);
                }
            }
        }
        i += 1;
    }
    involved.sort_unstable();
    involved
}

fn compares_two_questions(expr: &Expr) -> bool {
    use super::expr::IntOperand::Question;
    match expr {
        Expr::IntCompare(_, Question(_), Question(_)) => true,
        Expr::Not(inner) => compares_two_questions(inner),
        Expr::BoolEquals(a, b, _) => compares_two_questions(a) || compares_two_questions(b),
        Expr::All(items) | Expr::Any(items) => items.iter().any(compares_two_questions),
        _ => false,
    }
}

pub(crate) fn candidate_values(rule_set: &RuleSet, question: QuestionId, expr: &Expr) -> Vec<Value> {
    match &rule_set.questions[question].kind {
        QuestionKind::Boolean => vec![Value::Bool(false), Value::Bool(true)],
        QuestionKind::Choice { values } => (0..u16::try_from(values.len()).unwrap_or(0)).map(Value::Choice).collect(),
        QuestionKind::Integer { min, max } => {
            let mut thresholds = expr.int_thresholds(question);
            for q in &rule_set.questions {
                if let Some(condition) = &q.ask_when {
                    thresholds.extend(condition.expr.int_thresholds(question));
                }
            }
            let mut values: Vec<i64> = thresholds
                .iter()
                .flat_map(|&(op, v)| match op {
                    CmpOp::Lt | CmpOp::Ge => [v.saturating_sub(1), v],
                    CmpOp::Le | CmpOp::Gt | CmpOp::Eq | CmpOp::Ne => [v, v.saturating_add(1)],
                })
                .chain([min.unwrap_or(0), max.unwrap_or(i64::MAX), min.unwrap_or(i64::MIN)])
                .filter(|v| min.is_none_or(|lo| *v >= lo) && max.is_none_or(|hi| *v <= hi))
                .collect();
            // Both sides of `==`: the value itself and its neighbours.
            for &(op, v) in &thresholds {
                if matches!(op, CmpOp::Eq | CmpOp::Ne) && min.is_none_or(|lo| v.saturating_sub(1) >= lo) {
                    values.push(v.saturating_sub(1));
                }
            }
            values.sort_unstable();
            values.dedup();
            values.into_iter().map(Value::Int).collect()
        }
    }
}

#[cfg(test)]
mod tests;
