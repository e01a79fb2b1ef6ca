//! What would change the answer: single-answer counterfactuals ("what-if").
//!
//! For each applicable question, every value that could matter is tried:
//! the other boolean, every other choice, and for whole numbers the values
//! on either side of each threshold the rules compare that question with,
//! and of the current value of each other answer a rule compares it with
//! (`n > m`): between two of these every condition, and so the evaluation,
//! is constant.
//! A change that flips the recommendation is kept when it is the nearest in
//! its direction. Every claim is checked by evaluating the changed answers.
//!
//! Facts derived from the cost model (`crate::facts`) are held at their
//! values for the answers as given: a changed volume is not re-estimated, so
//! a change that would move the break-even point is judged with the fact as
//! it stands.

use crate::eval::Evaluation;
use crate::eval::incremental::Trials;
use crate::rules::program::Atom;
use crate::rules::{ApproachId, QuestionId, QuestionKind, RuleSet, TiSlice, Value};

/// How many what-ifs a report shows.
pub const MAX_WHAT_IFS: usize = 5;

/// Work the search may do, in bytes of condition text evaluated: each trial
/// evaluation costs the size of the rule set's conditions, and looking at a
/// question costs one unit plus one per threshold or other answer its candidates come from
/// (so thousands of questions that no rule reads are bounded too, not only
/// trials). The default rules need well under 1% of this; a hostile overlay
/// of hundreds of long rules is cut short after a few dozen evaluations
/// instead of running for minutes.
pub const WORK_BUDGET: u64 = 64 * 1024 * 1024;

/// The result of a what-if search.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Search {
    /// The changes found.
    pub flips: Vec<WhatIf>,
    /// Whether the search stopped at its budget before trying every candidate.
    pub truncated: bool,
}

/// One answer changed, and the recommendation it would lead to.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The question.
    pub question: QuestionId,
    /// The answer now.
    pub from: Value,
    /// The changed answer.
    pub to: Value,
    /// The recommendation with the changed answer.
    pub recommendation: ApproachId,
    /// How big the change is (smaller first): relative for numbers, steps for choices.
    pub size: f64,
}

/// The smallest single-answer changes that change the recommendation, smallest first, at most [`MAX_WHAT_IFS`].
#[must_use]
///
/// `given` holds the answers as given (one slot per question), including
/// answers to questions that do not currently apply: a change can make them apply.
pub fn what_if(rule_set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>, evaluation: &Evaluation) -> Vec<WhatIf> {
    what_if_within(rule_set, given, evaluation, WORK_BUDGET).flips
}

/// [`what_if`] within `budget` (see [`WORK_BUDGET`]), saying whether it was cut short.
#[must_use]
pub fn what_if_within(
    rule_set: &RuleSet,
    given: &TiSlice<QuestionId, Option<Value>>,
    evaluation: &Evaluation,
    budget: u64,
) -> Search {
    let mut search = search(rule_set, given, evaluation, budget);
    search.flips.sort_by(|a, b| a.size.total_cmp(&b.size).then(a.question.cmp(&b.question)));
    search.flips.truncate(MAX_WHAT_IFS);
    search
}

/// What one trial evaluation costs: the size of every condition evaluated
/// (the text of every rule's and ask-condition, one more per rule and
/// question, and one per approach; worked out once per rule set).
fn evaluation_cost(rule_set: &RuleSet) -> u64 {
    rule_set.program().dependencies().trial_cost
}

/// Every nearest flip per question and direction, unsorted: the candidates
/// [`what_if`] chooses from.
///
/// A number is taken for a whole number of labelled examples, a deadline and so on:
/// only the nearest value on each side that flips the result is kept.
#[must_use]
pub fn flips(rule_set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>, evaluation: &Evaluation) -> Vec<WhatIf> {
    search(rule_set, given, evaluation, WORK_BUDGET).flips
}

fn search(
    rule_set: &RuleSet,
    given: &TiSlice<QuestionId, Option<Value>>,
    evaluation: &Evaluation,
    budget: u64,
) -> Search {
    // The base of every trial is the evaluation at hand: its answers are `given` resolved.
    let mut trials = Trials::new(rule_set, given, evaluation.answers.values());
    search_by(rule_set, evaluation, budget, |question, to| trials.recommendation_with(question, to))
}

/// The search, each trial's recommendation (`question` answered `to`) from `trial`.
fn search_by(
    rule_set: &RuleSet,
    evaluation: &Evaluation,
    budget: u64,
    mut trial: impl FnMut(QuestionId, Value) -> ApproachId,
) -> Search {
    let values = evaluation.answers.values();
    // Each trial re-evaluates only the rules the changed answer can reach
    // (see `eval::incremental`), but is charged as a whole evaluation: the
    // budget bounds the search the same way whatever the shortcut saves.
    let cost = evaluation_cost(rule_set);
    let mut spent = 0_u64;
    let mut truncated = false;
    let mut out = Vec::new();
    for (index, question) in rule_set.questions.iter_enumerated() {
        let compared = compared_with(rule_set, index.index()).count();
        let visit = 1 + rule_set.program().dependencies().int_thresholds(index.index()).len() as u64 + compared as u64;
        if truncated || spent.saturating_add(visit) > budget {
            truncated = true;
            break;
        }
        spent += visit;
        // A derived fact is not an answer anyone can change: it follows from the others.
        if !evaluation.answers.is_applicable(index) || question.derived.is_some() {
            continue;
        }
        let from = values[index];
        let mut flip = |to: Value| -> Option<ApproachId> {
            if spent.saturating_add(cost) > budget {
                truncated = true;
                return None;
            }
            spent += cost;
            let recommendation = trial(index, to);
            (recommendation != evaluation.recommendation).then_some(recommendation)
        };
        match (&question.kind, from) {
            (QuestionKind::Boolean, Value::Bool(b)) => {
                if let Some(recommendation) = flip(Value::Bool(!b)) {
                    out.push(WhatIf { question: index, from, to: Value::Bool(!b), recommendation, size: 1.0 });
                }
            }
            (QuestionKind::Choice { values: choices }, Value::Choice(current)) => {
                for other in 0..u16::try_from(choices.len()).unwrap_or(u16::MAX) {
                    if other == current {
                        continue;
                    }
                    if let Some(recommendation) = flip(Value::Choice(other)) {
                        let size = f64::from(other.abs_diff(current));
                        out.push(WhatIf { question: index, from, to: Value::Choice(other), recommendation, size });
                    }
                }
            }
            (QuestionKind::Integer { min, max }, Value::Int(current)) => {
                // The values on both sides of every threshold the rules compare this question with,
                // and of every other answer it is compared with, within its bounds.
                let thresholds = rule_set.program().dependencies().int_candidates(index.index());
                let merged: Vec<i64>;
                let candidates = if compared == 0 {
                    thresholds
                } else {
                    let mut list = thresholds.to_vec();
                    for other in compared_with(rule_set, index.index()) {
                        if let Some(&Value::Int(v)) = values.get(QuestionId::from(other)) {
                            list.extend([v.checked_sub(1), Some(v), v.checked_add(1)].into_iter().flatten());
                        }
                    }
                    list.sort_unstable();
                    list.dedup();
                    merged = list;
                    &merged
                };
                let allowed = |v: i64| min.is_none_or(|lo| v >= lo) && max.is_none_or(|hi| v <= hi);
                let above = candidates
                    .iter()
                    .filter(|&&v| v > current && allowed(v))
                    .find_map(|&v| flip(Value::Int(v)).map(|r| (v, r)));
                let below = candidates
                    .iter()
                    .rev()
                    .filter(|&&v| v < current && allowed(v))
                    .find_map(|&v| flip(Value::Int(v)).map(|r| (v, r)));
                for (to, recommendation) in above.into_iter().chain(below) {
                    out.push(WhatIf {
                        question: index,
                        from,
                        to: Value::Int(to),
                        recommendation,
                        size: relative_change(current, to),
                    });
                }
            }
            _ => {}
        }
    }
    Search { flips: out, truncated }
}

/// The other questions integer question `q` is compared with (`q > r`, `r <= q`, ...),
/// once per comparison: crossing such an answer can flip a condition as a threshold does.
fn compared_with(rule_set: &RuleSet, q: usize) -> impl Iterator<Item = usize> + '_ {
    let program = rule_set.program();
    program.loose_reading.get(q).map_or(&[][..], Vec::as_slice).iter().filter_map(move |&atom| {
        match program.atoms.get(atom as usize) {
            Some(&Atom::Compare { lhs, rhs, .. }) if lhs != rhs => {
                Some(if lhs as usize == q { rhs as usize } else { lhs as usize })
            }
            _ => None,
        }
    })
}

#[expect(clippy::cast_precision_loss, reason = "an ordering heuristic; precision beyond 2^53 does not matter")]
fn relative_change(from: i64, to: i64) -> f64 {
    let base = from.unsigned_abs().max(1) as f64;
    from.abs_diff(to) as f64 / base
}

#[cfg(test)]
mod tests;
