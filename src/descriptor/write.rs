//! Descriptor text from answers: what `shouldtune ask` saves.

use std::fmt::Write as _;

use crate::load::{Node, NodeKind};
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
                    let _ = writeln!(out, "  {}: {}", key_text(k), flow(v));
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

/// A mapping key: plain when it is a simple identifier, else quoted.
fn key_text(key: &Node) -> String {
    match key.as_str() {
        Some(k) if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => k.to_owned(),
        _ => flow(key),
    }
}

/// A value in YAML flow syntax.
fn flow(node: &Node) -> String {
    match &node.kind {
        NodeKind::Null => "null".to_owned(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Int(i) => i.to_string(),
        // As written in the file, so `1.10` stays `1.10` (a plain number: digits, sign, point, exponent).
        NodeKind::Float(_, written) => written.to_string(),
        NodeKind::Str(s) => quote(s),
        NodeKind::Seq(items) => format!("[{}]", items.iter().map(flow).collect::<Vec<_>>().join(", ")),
        NodeKind::Map(fields) => format!(
            "{{{}}}",
            fields.iter().map(|(k, v)| format!("{}: {}", flow(k), flow(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// A YAML double-quoted scalar. JSON string syntax is valid YAML
/// double-quoted syntax; characters YAML does not allow in a file (DEL, C1
/// controls) and invisible or reordering ones are written as `\uXXXX`
/// escapes, so the file loads again and shows what it holds.
#[must_use]
pub fn quote(text: &str) -> String {
    use std::fmt::Write as _;
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if crate::text::needs_escape(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}') {
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for a one-line comment: whitespace runs (line breaks included)
/// become one space, and control and invisible characters visible escapes,
/// so the comment neither ends early nor holds a character YAML refuses.
#[must_use]
pub fn one_line(text: &str) -> String {
    crate::text::sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}
