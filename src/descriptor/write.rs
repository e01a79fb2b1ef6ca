//! Descriptor text from answers: what `shouldtune ask` saves.

use std::fmt::Write as _;

use crate::load::NodeKind;
use crate::load::write::{self, flow, flow_list, scalar};
pub use crate::load::write::{one_line, quote};
use crate::rules::{ApproachId, QuestionId, RuleSet, TiVec, Value};

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
    pub planned: Option<Vec<ApproachId>>,
    /// One slot per question: the answer given, if any.
    pub given: TiVec<QuestionId, Option<Value>>,
    /// Whether the questionnaire was interrupted before the end.
    pub incomplete: bool,
}

/// The descriptor as YAML, with each answer under a comment quoting its question.
///
/// Only given answers are written, so a resumed questionnaire knows what is
/// left to ask. Texts are double-quoted and ids and choice values quoted
/// whenever plain text would read as something else, so any draft round-trips.
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
                let _ = writeln!(out, "planned_approach: {}", scalar(one));
            }
            many => {
                let _ = writeln!(out, "planned_approach: {}", flow_list(many.iter().copied()));
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
        let _ = writeln!(out, "  {}: {}", scalar(&question.id), crate::rules::emit::answer(question, value));
    }
    out
}

/// The keys a descriptor written from answers keeps from the file it started
/// from: the questionnaire does not ask for them.
pub const KEPT_KEYS: &[&str] = &["cost", "rules"];

/// The `cost:` and `rules:` entries of `document`, written back as YAML to
/// append to [`to_yaml`]'s text, so that a descriptor loaded, changed and saved
/// keeps the settings the questions do not cover. Empty when it has neither.
///
/// Values are written as read: strings quoted, numbers as written in the file
/// (so `1.10` stays `1.10`), nested collections in flow style. Comments inside
/// those sections are not kept.
#[must_use]
pub fn kept_sections(document: &super::Document) -> String {
    let NodeKind::Map(entries) = &document.root.kind else { return String::new() };
    let mut out = String::new();
    for (key, value) in entries {
        let Some(name) = key.as_str().filter(|k| KEPT_KEYS.contains(k)) else { continue };
        match &value.kind {
            NodeKind::Map(fields) if !fields.is_empty() => {
                let _ = writeln!(out, "{name}:");
                for (k, v) in fields {
                    let _ = writeln!(out, "  {}: {}", write::key(k), flow(v));
                }
            }
            NodeKind::Seq(items) if !items.is_empty() => {
                let _ = writeln!(out, "{name}:");
                for item in items {
                    let _ = writeln!(out, "  - {}", flow(item));
                }
            }
            _ => {
                let _ = writeln!(out, "{name}: {}", flow(value));
            }
        }
    }
    out
}
