//! JSON Schemas for editors and tools: descriptors (knowing the rule set's
//! questions), rule files, and the JSON reports of `evaluate` and `check`.

use schemars::{Schema, schema_for};
use serde_json::{Map, Value, json};

use crate::rules::{QuestionKind, RuleSet};

/// The schema of descriptors for `rule_set`: its question ids, types, ranges
/// and choice values, so editors flag misspelt ids and unknown values.
#[must_use]
pub fn descriptor(rule_set: &RuleSet) -> Value {
    let mut schema = to_value(schema_for!(crate::descriptor::Fields<'_>));
    let mut properties = Map::new();
    for question in rule_set.questions.iter().filter(|q| q.derived.is_none()) {
        let mut property = match &question.kind {
            QuestionKind::Boolean => json!({ "type": "boolean" }),
            QuestionKind::Integer { min, max } => {
                let mut p = json!({ "type": "integer" });
                if let Some(min) = min {
                    p["minimum"] = json!(min);
                }
                if let Some(max) = max {
                    p["maximum"] = json!(max);
                }
                p
            }
            QuestionKind::Choice { values } => json!({ "type": "string", "enum": values }),
        };
        let description = if question.help.is_empty() {
            question.text.clone()
        } else {
            format!("{} {}", question.text, question.help)
        };
        property["description"] = json!(description);
        property["default"] = question.json_value(question.default);
        properties.insert(question.id.clone(), property);
    }
    let approaches: Vec<&str> = rule_set.approaches.iter().map(|a| a.id.as_str()).collect();
    schema["properties"]["answers"] = json!({
        "description": "Answers to the rule set's questions; unanswered questions take their defaults.",
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    schema["properties"]["planned_approach"] = json!({
        "description": "The approach (or approaches) the team plans; `check` compares it with the recommendation.",
        "anyOf": [
            { "type": "null" },
            { "type": "string", "enum": approaches },
            { "type": "array", "items": { "type": "string", "enum": approaches }, "minItems": 1, "uniqueItems": true },
        ],
    });
    schema
}

/// The schema of rule files.
#[must_use]
pub fn rules() -> Value {
    to_value(schema_for!(crate::rules::format::File<'_>))
}

/// The schema of rule-test files (`shouldtune rules test`).
#[must_use]
pub fn rule_tests() -> Value {
    to_value(schema_for!(crate::ruletest::format::File<'_>))
}

/// The schema of the `evaluate --format json` report.
#[must_use]
pub fn report() -> Value {
    to_value(schema_for!(crate::report::Report))
}

/// The schema of the `check --format json` report.
#[must_use]
pub fn check() -> Value {
    to_value(schema_for!(crate::report::check::json::CheckDocument<'static>))
}

fn to_value(schema: Schema) -> Value {
    schema.to_value()
}
