//! Facts the rules read but nobody answers: derived from the other answers
//! by the cost model, so the rules follow the prices instead of restating
//! thresholds of their own.
//!
//! A rule set declares such a fact as a boolean question with `derived:`
//! (see [`DerivedFact`]). Before evaluation the application fills its slot
//! in the given answers with [`derive()`]; the evaluator then reads it like any
//! answer, with provenance [`Provenance::Derived`](crate::eval::Provenance).
//! Where no estimate could be made the slot stays empty and the question's
//! default is assumed.

use crate::cost::{CostEstimate, CostSettings, PriceTable, Volume};
use crate::diag::Diagnostic;
use crate::eval::Answers;
use crate::rules::{DerivedFact, QuestionId, RuleSet, TiSlice, TiVec, Value};
use crate::source::SourceFile;

/// The project figures the cost model reads, from the effective answers.
#[must_use]
pub fn volume(rule_set: &RuleSet, answers: &Answers) -> Volume {
    let number = |id: &str| {
        rule_set
            .question_index(id)
            .and_then(|i| match answers.values()[i] {
                Value::Int(v) => u64::try_from(v).ok(),
                _ => None,
            })
            .unwrap_or(0)
    };
    Volume {
        prompt_tokens: number("prompt_tokens"),
        monthly_requests: number("monthly_requests"),
        examples: number("examples_available"),
    }
}

/// The cost estimate for answers `given` under `settings` (a descriptor's
/// `cost:` section, or the defaults when it has none).
pub fn estimate(
    rule_set: &RuleSet,
    given: &TiSlice<QuestionId, Option<Value>>,
    settings: Option<&CostSettings>,
    tables: &[PriceTable],
    file: &SourceFile,
) -> Result<CostEstimate, Box<Diagnostic>> {
    let defaults = CostSettings::default();
    let answers = Answers::resolve(rule_set, given);
    crate::cost::estimate(tables, settings.unwrap_or(&defaults), volume(rule_set, &answers), file)
}

/// The embedded price tables, parsed once per process. They are tested to
/// load; were they ever not to, derived facts would fall back to their defaults.
#[must_use]
pub fn embedded_tables() -> &'static [PriceTable] {
    static TABLES: std::sync::OnceLock<Vec<PriceTable>> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| crate::cost::load_tables(&[], crate::load::Limits::default()).unwrap_or_default())
}

/// Fills the slot of every derived question in `given` from `estimate`;
/// without an estimate the slots are cleared, so their defaults are assumed.
pub fn derive(rule_set: &RuleSet, given: &mut TiSlice<QuestionId, Option<Value>>, estimate: Option<&CostEstimate>) {
    for (question, slot) in rule_set.questions.iter().zip(given.iter_mut()) {
        let Some(fact) = question.derived else { continue };
        *slot = match fact {
            DerivedFact::FineTuningBreaksEven => estimate.map(|e| Value::Bool(e.fine_tuning_breaks_even())),
        };
    }
}

/// Estimates costs for `given` and fills in the derived facts. A failed
/// estimate leaves the facts at their defaults; callers that show costs
/// report its error themselves.
pub fn estimate_and_derive(
    rule_set: &RuleSet,
    given: &mut TiSlice<QuestionId, Option<Value>>,
    settings: Option<&CostSettings>,
    tables: &[PriceTable],
    file: &SourceFile,
) -> Result<CostEstimate, Box<Diagnostic>> {
    let result = estimate(rule_set, given, settings, tables, file);
    derive(rule_set, given, result.as_ref().ok());
    result
}

/// A copy of `given` with the derived facts filled in from the embedded price
/// tables (for answers not read from a file, such as the questionnaire's).
#[must_use]
pub fn with_facts(
    rule_set: &RuleSet,
    given: &TiSlice<QuestionId, Option<Value>>,
    settings: Option<&CostSettings>,
) -> TiVec<QuestionId, Option<Value>> {
    let mut given = given.to_owned();
    given.resize(rule_set.questions.len(), None);
    let file = SourceFile::new("answers", "");
    let _ = estimate_and_derive(rule_set, &mut given, settings, embedded_tables(), &file);
    given
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Limits;

    fn breaks_even(answers: &str) -> Option<Value> {
        let rule_set = crate::rules::load_default().unwrap();
        let index = rule_set.question_index("fine_tuning_breaks_even").unwrap();
        let file = SourceFile::new("p.yaml", format!("name: p\nanswers:\n{answers}"));
        let project = crate::descriptor::parse(&file, &rule_set, Limits::default()).unwrap();
        let tables = crate::cost::load_tables(&[], Limits::default()).unwrap();
        let mut given = project.given.clone();
        estimate_and_derive(&rule_set, &mut given, project.cost.as_ref(), &tables, &file).unwrap();
        given[index]
    }

    #[test]
    fn the_hosting_fee_is_repaid_only_at_volume() {
        // gpt-35-turbo at $7.00 an hour: a tenth of a 3,000-token prompt saves
        // $0.00405 a request, so about 1.26 million requests repay $5,110 a month.
        assert_eq!(breaks_even("  prompt_tokens: 3000\n  monthly_requests: 10000\n"), Some(Value::Bool(false)));
        assert_eq!(breaks_even("  prompt_tokens: 3000\n  monthly_requests: 5000000\n"), Some(Value::Bool(true)));
    }
}
