//! Descriptor text from answers: what `shouldtune ask` saves.

use std::fmt::Write as _;

use crate::rules::{ApproachIndex, RuleSet, Value};

/// Where the descriptor schema is published; saved files name it so editors can check them.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/shouldtune/shouldtune/main/schemas/descriptor.schema.json";

/// A descriptor to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The project's name.
    pub name: String,
    /// What it does, if known.
    pub description: Option<String>,
    /// The plan, if any.
    pub planned: Option<Vec<ApproachIndex>>,
    /// One slot per question: the answer given, if any.
    pub given: Vec<Option<Value>>,
    /// Whether the questionnaire was interrupted before the end.
    pub incomplete: bool,
}

/// The descriptor as YAML, with each answer under a comment quoting its question.
///
/// Only given answers are written, so a resumed questionnaire knows what is
/// left to ask. Strings are written as double-quoted scalars, so any text
/// round-trips.
#[must_use]
pub fn to_yaml(rule_set: &RuleSet, draft: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# yaml-language-server: $schema={SCHEMA_URL}");
    let _ = writeln!(out, "# Written by shouldtune. Check it with `shouldtune evaluate` or `shouldtune check`.");
    let _ = writeln!(out, "name: {}", quote(&draft.name));
    if let Some(description) = &draft.description {
        let _ = writeln!(out, "description: {}", quote(description));
    }
    if let Some(planned) = &draft.planned {
        let ids: Vec<&str> = planned.iter().map(|&a| rule_set.approaches[a].id.as_str()).collect();
        match ids.as_slice() {
            [one] => {
                let _ = writeln!(out, "planned_approach: {one}");
            }
            many => {
                let _ = writeln!(out, "planned_approach: [{}]", many.join(", "));
            }
        }
    }
    if draft.incomplete {
        let _ = writeln!(out, "# Interrupted: resume with `shouldtune ask --save <this file>`.");
        let _ = writeln!(out, "incomplete: true");
    }
    let _ = writeln!(out, "answers:");
    for (question, answer) in rule_set.questions.iter().zip(&draft.given) {
        let Some(value) = answer.filter(|_| question.derived.is_none()) else { continue };
        let _ = writeln!(out, "  # {}", one_line(&question.text));
        let _ = writeln!(out, "  {}: {}", question.id, question.display_value(value));
    }
    out
}

fn quote(text: &str) -> String {
    // JSON string syntax is valid YAML double-quoted scalar syntax.
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
