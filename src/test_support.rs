//! Helpers shared by the unit tests.

use proptest::prelude::*;

use crate::rules::{self, QuestionId, QuestionKind, RuleSet, TiVec, Value};

/// The embedded default rule set.
pub(crate) fn default_rules() -> RuleSet {
    rules::load_default().unwrap()
}

/// Any answer set for `set`: each question answered (within its bounds) or
/// left out; whole numbers mix small values, where thresholds sit, and large ones.
pub(crate) fn any_answers(set: &RuleSet) -> impl Strategy<Value = TiVec<QuestionId, Option<Value>>> + use<> {
    let per_question: Vec<BoxedStrategy<Option<Value>>> = set
        .questions
        .iter()
        .map(|q| {
            let value: BoxedStrategy<Value> = match &q.kind {
                QuestionKind::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
                QuestionKind::Integer { min, max } => {
                    let lo = min.unwrap_or(0);
                    let hi = max.unwrap_or(i64::MAX);
                    prop_oneof![lo..=hi.min(lo.saturating_add(3000)), lo..=hi.min(lo.saturating_add(5_000_000))]
                        .prop_map(Value::Int)
                        .boxed()
                }
                QuestionKind::Choice { values } => {
                    (0..u16::try_from(values.len()).unwrap_or(1)).prop_map(Value::Choice).boxed()
                }
            };
            proptest::option::of(value).boxed()
        })
        .collect();
    per_question.prop_map(TiVec::from)
}
