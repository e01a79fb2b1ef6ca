//! The rule file format, defined once: one struct per mapping, read by
//! `compile.rs` (unknown keys reported once, by the reader) and published as
//! `schemas/rules.schema.json` (`crate::schema::rules`) from the same structs,
//! whose doc comments are the schema's descriptions.

use std::collections::BTreeMap;

use schemars::JsonSchema;

use crate::load::{Entry, Required, mapping};

mapping! {
    /// A shouldtune rule file.
    #[schemars(title = "shouldtune rule file")]
    pub(crate) struct File<'n> {
        /// Format version; only 1 exists.
        version: Option<Entry<'n, u32>> = "version",
        /// `default` reads this file on top of the embedded default rule set.
        extends: Option<Entry<'n, String>> = "extends",
        /// The languages the rule set's texts are translated into, English first: `[en, ja]`.
        locales: Option<Entry<'n, Vec<Locale>>> = "locales",
        /// The source catalogue: publications rules cite by id.
        sources: Option<Entry<'n, Vec<Source<'n>>>> = "sources",
        /// Approaches, simplest first (ties go to the earlier one).
        approaches: Option<Entry<'n, Vec<Approach<'n>>>> = "approaches",
        /// Questions, in the order they are asked.
        questions: Option<Entry<'n, Vec<Question<'n>>>> = "questions",
        /// Rules.
        rules: Option<Entry<'n, Vec<Rule<'n>>>> = "rules",
        /// Ids of rules from earlier files to remove.
        disable: Option<Entry<'n, Vec<String>>> = "disable",
        /// Translations of the rule set's texts, by language, then by id.
        translations: Option<Entry<'n, Translations<'n>>> = "translations",
    }
}

mapping! {
    /// A source in the catalogue.
    pub(crate) struct Source<'n> {
        /// Stable kebab-case id rules cite, e.g. `guidance-2-2`.
        #[schemars(regex(pattern = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))]
        id: Required<'n, String> = "id",
        /// Title, with the point cited when the source is one point of a longer text.
        title: Required<'n, String> = "title",
        /// Who published it.
        publisher: Required<'n, String> = "publisher",
        /// Where to read it: an absolute `https://` or `http://` address.
        #[schemars(regex(pattern = r"^https?://[^/\s]"))]
        url: Required<'n, String> = "url",
        /// Publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
        #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
        date: Required<'n, String> = "date",
        /// What it says, in one sentence.
        says: Required<'n, String> = "says",
        /// Replace the source with this id from an earlier file.
        replace: Option<Entry<'n, bool>> = "override",
    }
}

mapping! {
    /// An approach.
    pub(crate) struct Approach<'n> {
        /// Stable id.
        id: Required<'n, String> = "id",
        /// Title.
        title: Required<'n, String> = "title",
        /// One line saying what it is.
        description: Option<Entry<'n, String>> = "description",
        /// Replace the title and description of an approach defined in an earlier file.
        replace: Option<Entry<'n, bool>> = "override",
    }
}

mapping! {
    /// A question.
    pub(crate) struct Question<'n> {
        /// Stable id, used as the answer key in descriptors.
        id: Required<'n, String> = "id",
        /// The question as asked.
        text: Required<'n, String> = "text",
        /// Guidance for whoever answers.
        help: Option<Entry<'n, String>> = "help",
        /// `boolean`, `integer` or `choice`.
        kind: Required<'n, QuestionType> = "type",
        /// The allowed values of a choice question.
        values: Option<Entry<'n, Vec<String>>> = "values",
        /// Smallest allowed integer.
        min: Option<Entry<'n, i64>> = "min",
        /// Largest allowed integer.
        max: Option<Entry<'n, i64>> = "max",
        /// The conservative answer assumed when none is given.
        default: Required<'n, serde_json::Value> = "default",
        /// Ask only when this condition holds (it may read only earlier questions).
        ask_when: Option<Entry<'n, String>> = "ask_when",
        /// Never asked: a boolean fact the application derives, `cost.fine_tuning_breaks_even`.
        derived: Option<Entry<'n, String>> = "derived",
        /// The rule-set revision that added the question; `check` accepts its default without an error in older descriptors.
        since: Option<Entry<'n, i64>> = "since",
    }
}

mapping! {
    /// A rule.
    pub(crate) struct Rule<'n> {
        /// Stable id.
        id: Required<'n, String> = "id",
        /// Short title.
        title: Required<'n, String> = "title",
        /// The condition, e.g. `examples_available >= 500 and not needs_private_knowledge`.
        when: Required<'n, String> = "when",
        /// Weights added to approaches' scores, by approach id.
        effects: Option<Entry<'n, BTreeMap<String, i32>>> = "effects",
        /// Approaches this rule rules out.
        veto: Option<Entry<'n, Vec<String>>> = "veto",
        /// Approaches to keep alongside the recommendation.
        combine_with: Option<Entry<'n, Vec<String>>> = "combine_with",
        /// Makes this an advice rule that fires only when one of these is recommended.
        when_recommended: Option<Entry<'n, Vec<String>>> = "when_recommended",
        /// Makes this a plan rule: when its condition holds and the descriptor plans one of these, `check`,
        /// `evaluate` and `ask` report a finding under the rule's id.
        when_planned: Option<Entry<'n, Vec<String>>> = "when_planned",
        /// A plan rule's severity (required with `when_planned`, allowed only with it).
        severity: Option<Entry<'n, Severity>> = "severity",
        /// Why, in one or two sentences a reader can act on.
        because: Required<'n, String> = "because",
        /// What it cites: source catalogue ids, or free text (one or a list).
        source: Required<'n, Citation> = "source",
        /// What to do next when it fires.
        next_step: Option<Entry<'n, String>> = "next_step",
        /// Replace the rule with this id from an earlier file.
        replace: Option<Entry<'n, bool>> = "override",
    }
}

/// Question types.
#[derive(JsonSchema, Clone, Copy)]
#[schemars(rename_all = "lowercase")]
pub(crate) enum QuestionType {
    Boolean,
    Integer,
    Choice,
}

impl QuestionType {
    /// Every type, with its name in the file.
    pub const ALL: [(&'static str, QuestionType); 3] =
        [("boolean", QuestionType::Boolean), ("integer", QuestionType::Integer), ("choice", QuestionType::Choice)];
}

/// How serious a plan rule's finding is.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    /// Every severity, with its name in the file.
    pub const ALL: [(&'static str, Severity); 3] =
        [("error", Severity::Error), ("warning", Severity::Warning), ("note", Severity::Note)];
}

/// A rule's citation: one source id or free text, or a list of them.
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code, reason = "documents the format; `compile.rs` reads one or a list")]
pub(crate) enum Citation {
    One(String),
    Many(Vec<String>),
}

/// A language shouldtune speaks.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
#[allow(dead_code, reason = "documents the format; `locale.rs` checks names against `locale::SUPPORTED`")]
pub(crate) enum Locale {
    En,
    Ja,
}

mapping! {
    /// Translations by language.
    pub(crate) struct Translations<'n> {
        /// English (the rule file's own texts are English already).
        en: Option<Entry<'n, Translation<'n>>> = "en",
        /// Japanese.
        ja: Option<Entry<'n, Translation<'n>>> = "ja",
    }
}

mapping! {
    /// One language's translations, by id (also the shape of a translation file, with `locale:`).
    pub(crate) struct Translation<'n> {
        /// Approaches by id.
        approaches: Option<Entry<'n, BTreeMap<String, TranslatedApproach<'n>>>> = "approaches",
        /// Questions by id.
        questions: Option<Entry<'n, BTreeMap<String, TranslatedQuestion<'n>>>> = "questions",
        /// Rules by id.
        rules: Option<Entry<'n, BTreeMap<String, TranslatedRule<'n>>>> = "rules",
        /// Sources by id.
        sources: Option<Entry<'n, BTreeMap<String, TranslatedSource<'n>>>> = "sources",
    }
}

mapping! {
    /// An approach's texts.
    pub(crate) struct TranslatedApproach<'n> {
        /// Title.
        title: Option<Entry<'n, String>> = "title",
        /// One line saying what it is.
        description: Option<Entry<'n, String>> = "description",
    }
}

mapping! {
    /// A question's texts.
    pub(crate) struct TranslatedQuestion<'n> {
        /// The question as asked.
        text: Option<Entry<'n, String>> = "text",
        /// Guidance for whoever answers.
        help: Option<Entry<'n, String>> = "help",
        /// A label per choice value.
        values: Option<Entry<'n, BTreeMap<String, String>>> = "values",
    }
}

mapping! {
    /// A rule's texts.
    pub(crate) struct TranslatedRule<'n> {
        /// Short title.
        title: Option<Entry<'n, String>> = "title",
        /// Why.
        because: Option<Entry<'n, String>> = "because",
        /// What to do next.
        next_step: Option<Entry<'n, String>> = "next_step",
    }
}

mapping! {
    /// A source's texts.
    pub(crate) struct TranslatedSource<'n> {
        /// Title.
        title: Option<Entry<'n, String>> = "title",
        /// What it says.
        says: Option<Entry<'n, String>> = "says",
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::load::Limits;
    use crate::source::SourceFile;

    const BASE: &str = "approaches:
  - { id: a, title: A }
  - { id: b, title: B }
";

    fn problems(rest: &str) -> Vec<crate::diag::Diagnostic> {
        let text = format!("{BASE}{rest}");
        crate::rules::load(&[SourceFile::new("r.yaml", text)], Limits::default()).err().unwrap_or_default()
    }

    #[test]
    fn an_unknown_key_in_a_question_is_reported_once_with_the_closest_key() {
        let found = problems(
            "questions:
  - { id: f, txt: F?, text: F?, type: boolean, default: false }
rules:
  - { id: r, title: R, when: f, effects: { b: 1 }, because: x, source: memo }
",
        );
        let unknown: Vec<_> = found.iter().filter(|d| d.code == Code::UnknownKey).collect();
        assert_eq!(unknown.len(), 1, "{found:#?}");
        assert_eq!(unknown[0].message, "unknown key `txt` in a question");
        assert_eq!(unknown[0].help.as_deref(), Some("did you mean `text`?"));
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn unknown_keys_of_every_rule_file_mapping_are_reported_once_each() {
        let found = problems(
            "verison: 1
sources:
  - { id: s-a, title: T, publisher: P, url: 'https://x.test', date: 2024, says: S, sayz: S }
questions:
  - { id: f, text: F?, type: boolean, default: false, hepl: H }
rules:
  - { id: r, title: R, when: f, effects: { b: 1 }, because: x, source: memo, nxt_step: n }
",
        );
        let mut unknown: Vec<(&str, Option<&str>)> = found
            .iter()
            .filter(|d| d.code == Code::UnknownKey)
            .map(|d| (d.message.as_str(), d.help.as_deref()))
            .collect();
        unknown.sort_unstable();
        assert_eq!(
            unknown,
            [
                ("unknown key `hepl` in a question", Some("did you mean `help`?")),
                ("unknown key `nxt_step` in a rule", Some("did you mean `next_step`?")),
                ("unknown key `sayz` in a source", Some("did you mean `says`?")),
                ("unknown key `verison` in a rule file", Some("did you mean `version`?")),
            ]
        );
    }

    #[test]
    fn the_schema_lists_exactly_the_keys_the_reader_takes() {
        let schema = crate::schema::rules();
        let keys = |value: &serde_json::Value| {
            let mut keys: Vec<String> =
                value["properties"].as_object().map(|p| p.keys().cloned().collect()).unwrap_or_default();
            keys.sort_unstable();
            keys
        };
        let sorted = |keys: &[&str]| {
            let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
            keys.sort_unstable();
            keys
        };
        assert_eq!(keys(&schema), sorted(super::File::KEYS));
        assert_eq!(keys(&schema["$defs"]["Question"]), sorted(super::Question::KEYS));
        assert_eq!(keys(&schema["$defs"]["Rule"]), sorted(super::Rule::KEYS));
        assert_eq!(keys(&schema["$defs"]["Source"]), sorted(super::Source::KEYS));
        assert_eq!(keys(&schema["$defs"]["Approach"]), sorted(super::Approach::KEYS));
        assert_eq!(keys(&schema["$defs"]["Translation"]), sorted(super::Translation::KEYS));
        // A translation file is a table with its `locale:`.
        assert_eq!(crate::rules::locale::FILE_KEYS[0], "locale");
        assert_eq!(&crate::rules::locale::FILE_KEYS[1..], super::Translation::KEYS);
    }
}
