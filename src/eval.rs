//! Answers + a rule set → an [`Evaluation`]. Pure: no I/O, and it cannot fail.
//!
//! Scoring rules fire first and sum their weights per approach; vetoes
//! remove approaches. The recommendation is the non-vetoed approach with
//! the highest score, ties going to the simpler (earlier declared) one. Then
//! advice rules, which depend on the recommendation, add their next steps.
//!
//! The rules run in the flat form of [`compiled`], built once when the rule
//! set loads; [`incremental`] re-evaluates single-answer changes for the
//! what-if search.

pub mod compiled;
pub mod incremental;

use crate::rules::{ApproachId, QuestionId, RuleId, RuleSet, TiSlice, TiVec, Value};

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// The project answered it.
    Given,
    /// Not answered: the question's default was assumed.
    Assumed,
    /// Not asked, because its ask-condition is false; the default stands and any answer was ignored.
    NotApplicable,
    /// Not asked: derived from the other answers (by the cost model).
    Derived,
}

/// One effective answer per question, in question order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Answers {
    values: TiVec<QuestionId, Value>,
    provenance: TiVec<QuestionId, Provenance>,
}

impl Answers {
    /// Resolves what a project gave (`given[i]` answers question `i`) into
    /// effective answers: defaults for the unanswered, and defaults for
    /// questions whose ask-condition is false.
    ///
    /// `given` must have one slot per question of `rule_set`; missing slots count as unanswered.
    #[must_use]
    pub fn resolve(rule_set: &RuleSet, given: &TiSlice<QuestionId, Option<Value>>) -> Answers {
        let count = rule_set.questions.len();
        let mut values = TiVec::with_capacity(count);
        let mut provenance = TiVec::with_capacity(count);
        for question in rule_set.questions.keys() {
            let (value, source) = resolve_one(rule_set, question, given, &values);
            values.push(value);
            provenance.push(source);
        }
        Answers { values, provenance }
    }

    /// The effective values, indexed like the rule set's questions.
    #[must_use]
    pub fn values(&self) -> &TiSlice<QuestionId, Value> {
        &self.values
    }

    /// Where each value came from.
    #[must_use]
    pub fn provenance(&self) -> &TiSlice<QuestionId, Provenance> {
        &self.provenance
    }

    /// Whether `question` is asked, given the answers before it.
    #[must_use]
    pub fn is_applicable(&self, question: QuestionId) -> bool {
        self.provenance.get(question).is_some_and(|p| *p != Provenance::NotApplicable)
    }
}

/// The effective answer to `question`, given `values` for (at least) the questions before it.
///
/// Ask-conditions read only earlier questions (the loader refuses others), so
/// whatever `values` holds from `index` on does not matter.
pub(crate) fn resolve_one(
    rule_set: &RuleSet,
    index: QuestionId,
    given: &TiSlice<QuestionId, Option<Value>>,
    values: &TiSlice<QuestionId, Value>,
) -> (Value, Provenance) {
    let question = &rule_set.questions[index];
    let applicable = rule_set.program().asks(index, values);
    match given.get(index).copied().flatten() {
        _ if !applicable => (question.default, Provenance::NotApplicable),
        Some(value) if question.derived.is_some() => (value, Provenance::Derived),
        Some(value) => (value, Provenance::Given),
        None => (question.default, Provenance::Assumed),
    }
}

/// An approach ruled out, and the rule that did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Veto {
    /// The approach.
    pub approach: ApproachId,
    /// The rule.
    pub rule: RuleId,
}

/// An approach to keep alongside the recommendation, and the rule that asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Combination {
    /// The approach.
    pub approach: ApproachId,
    /// The rule.
    pub rule: RuleId,
}

/// The result of evaluating one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The answers evaluated.
    pub answers: Answers,
    /// Score per approach, in approach order.
    pub scores: TiVec<ApproachId, i32>,
    /// Approaches ruled out, with the first rule that ruled each out.
    pub vetoes: Vec<Veto>,
    /// The approach to invest in next.
    pub recommendation: ApproachId,
    /// All approaches, best first: non-vetoed before vetoed, then by score, then simplest.
    pub ranking: Vec<ApproachId>,
    /// Whether the recommendation shares the top score with another approach
    /// and won only because it is simpler.
    pub won_by_tie: bool,
    /// The recommendation's score minus the best other approach left standing;
    /// `None` when every other approach was vetoed.
    pub margin: Option<i32>,
    /// The rules that fired, in declaration order.
    pub fired: Vec<RuleId>,
    /// Approaches to keep or add alongside the recommendation.
    pub combine_with: Vec<Combination>,
    /// The fired rules that carry a next step, in declaration order.
    pub next_steps: Vec<RuleId>,
}

/// A margin at or below this is a close call: one rule of ordinary weight
/// (the default rules weigh 1 to 4) could reverse it.
pub const CLOSE_CALL_MARGIN: i32 = 2;

impl Evaluation {
    /// Whether the recommendation is a close call: another approach left
    /// standing is within [`CLOSE_CALL_MARGIN`] points of it.
    #[must_use]
    pub fn is_close_call(&self) -> bool {
        self.margin.is_some_and(|m| m <= CLOSE_CALL_MARGIN)
    }

    /// Whether `approach` was vetoed.
    #[must_use]
    pub fn is_vetoed(&self, approach: ApproachId) -> bool {
        self.vetoes.iter().any(|v| v.approach == approach)
    }
}

/// Evaluates `answers` against `rule_set`.
#[must_use]
pub fn evaluate(rule_set: &RuleSet, answers: Answers) -> Evaluation {
    let mut decision = compiled::Decision::default();
    rule_set.program().decide(answers.values(), &mut decision);
    from_decision(rule_set, answers, &decision)
}

/// The full [`Evaluation`] of a [`compiled::Decision`]: the ranking, the
/// vetoes in the order the rules declared them, combinations and next steps.
fn from_decision(rule_set: &RuleSet, answers: Answers, decision: &compiled::Decision) -> Evaluation {
    let scores: TiVec<ApproachId, i32> = decision.scores().to_owned();
    let is_vetoed = |a: ApproachId| decision.vetoed_by(a).is_some();
    let fired: Vec<RuleId> = rule_set.rules.keys().filter(|&r| decision.fired(r)).collect();
    let mut vetoes: Vec<Veto> = Vec::new();
    for &index in &fired {
        for &approach in &rule_set.rules[index].veto {
            if decision.vetoed_by(approach) == Some(index) && !vetoes.iter().any(|v| v.approach == approach) {
                vetoes.push(Veto { approach, rule: index });
            }
        }
    }
    let mut ranking: Vec<ApproachId> = rule_set.approaches.keys().collect();
    ranking.sort_by_key(|&a| (is_vetoed(a), std::cmp::Reverse(scores[a]), a));
    let recommendation = decision.recommendation();
    let runner_up = ranking.get(1).copied().filter(|&second| !is_vetoed(second));
    let margin = runner_up.map(|second| scores[recommendation].saturating_sub(scores[second]));
    let won_by_tie = margin == Some(0);

    let mut combine_with: Vec<Combination> = Vec::new();
    for &index in &fired {
        for &approach in &rule_set.rules[index].combine_with {
            if approach != recommendation
                && !is_vetoed(approach)
                && !combine_with.iter().any(|c| c.approach == approach)
            {
                combine_with.push(Combination { approach, rule: index });
            }
        }
    }
    let next_steps = fired.iter().copied().filter(|&i| rule_set.rules[i].next_step.is_some()).collect();
    Evaluation { answers, scores, vetoes, recommendation, ranking, won_by_tie, margin, fired, combine_with, next_steps }
}

#[cfg(test)]
mod tests;
