//! Translations of a rule set's texts.
//!
//! A rule file declares the locales its set supports (`locales: [en, ja]`;
//! the texts in the rule file itself are English) and may carry translations
//! under `translations:`, one table per locale. A table has the same shape
//! wherever it is written: inline in a rule file, or as a translation file of
//! its own (the default rule set's `rules/locales/ja.yaml`), which names its
//! locale with `locale:`.
//!
//! ```yaml
//! approaches:
//!   rag: { title: 検索拡張生成 (RAG), description: ... }
//! questions:
//!   task_type:
//!     text: どのような種類のタスクですか？
//!     help: ...
//!     values: { qa: 質問応答, chat: 対話 }
//! rules:
//!   too-few-examples: { title: ..., because: ..., next_step: ... }
//! sources:
//!   guidance-1: { title: ..., says: ... }
//! ```
//!
//! Every id must name a definition of the rule set (a typo is an error with
//! its position and the closest id); a text missing from a declared locale is
//! a warning of `rules check` ([`missing`]).

use std::collections::BTreeMap;

use super::format;
use super::model::{QuestionKind, RuleSet, TextKey};
use crate::diag::{Code, Diagnostic, Severity};
use crate::i18n::Msg;
use crate::load::What;
use crate::load::{MapReader, Node, Sink, Span, expect_map, expect_seq, expect_str, suggestion};
use crate::source::SourceFile;

/// The locales shouldtune can show: a rule set may declare only these.
pub const SUPPORTED: &[&str] = &["en", "ja"];

/// The keys of a translation table (defined with its schema in `format.rs`).
pub(super) const TABLE_KEYS: &[&str] = format::Translation::KEYS;
/// The keys of a translation file: its locale, then a table.
pub(super) const FILE_KEYS: &[&str] = &["locale", "approaches", "questions", "rules", "sources"];
const APPROACH_FIELDS: &[&str] = format::TranslatedApproach::KEYS;
const QUESTION_FIELDS: &[&str] = format::TranslatedQuestion::KEYS;
const RULE_FIELDS: &[&str] = format::TranslatedRule::KEYS;
const SOURCE_FIELDS: &[&str] = format::TranslatedSource::KEYS;

/// A translation table not yet checked against the rule set's ids.
pub(super) struct RawTable<'f> {
    pub source: &'f SourceFile,
    pub locale: String,
    pub locale_span: Span,
    pub node: &'f Node,
    /// A translation file of its own (with `locale:`), not a table under `translations:`.
    pub standalone: bool,
}

/// Reads a rule file's `locales:` list.
pub(super) fn read_locales(sink: &mut Sink<'_>, node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    for item in expect_seq(sink, node, What::Key("locales")).unwrap_or_default() {
        if let Some((locale, _)) = read_locale(sink, item)
            && !out.contains(&locale)
        {
            out.push(locale);
        }
    }
    if !out.is_empty() && !out.iter().any(|l| l == "en") {
        sink.error(Code::UnknownChoice, Msg::new("rules-locales-need-en"), node.span)
            .set_help(Msg::new("rules-locales-need-en-help"));
    }
    out
}

fn read_locale(sink: &mut Sink<'_>, node: &Node) -> Option<(String, Span)> {
    let name = expect_str(sink, node, What::Locale)?;
    if SUPPORTED.contains(&name) {
        return Some((name.to_owned(), node.span));
    }
    sink.error(Code::UnknownChoice, Msg::new("rules-unknown-locale").arg("name", name), node.span)
        .set_help(suggestion(name, SUPPORTED.iter().copied()));
    None
}

/// Reads a rule file's `translations:`: one table per locale.
pub(super) fn read_inline<'f>(sink: &mut Sink<'_>, source: &'f SourceFile, node: &'f Node) -> Vec<RawTable<'f>> {
    let mut out = Vec::new();
    for (key, value) in expect_map(sink, node, What::Key("translations")).unwrap_or_default() {
        if let Some((locale, locale_span)) = read_locale(sink, key) {
            out.push(RawTable { source, locale, locale_span, node: value, standalone: false });
        }
    }
    out
}

/// Reads a translation file of its own: `locale:` and a table.
pub(super) fn read_file<'f>(sink: &mut Sink<'_>, source: &'f SourceFile, root: &'f Node) -> Option<RawTable<'f>> {
    let map = MapReader::new(sink, root, What::TranslationFile, FILE_KEYS)?;
    let node = map.require(sink, "locale", What::TranslationFile)?;
    let (locale, locale_span) = read_locale(sink, node)?;
    Some(RawTable { source, locale, locale_span, node: root, standalone: true })
}

/// Ids a translation may name: the definitions of every file, including
/// rules a later file disabled (the translation of a base rule set must still load).
pub(super) struct KnownIds<'s> {
    pub rule_set: &'s RuleSet,
    pub rules: Vec<String>,
}

/// Checks `table` against the rule set's ids and returns its texts by key.
pub(super) fn read_table(
    sink: &mut Sink<'_>,
    table: &RawTable<'_>,
    known: &KnownIds<'_>,
    declared: &[String],
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if !declared.contains(&table.locale) {
        sink.error(
            Code::UnknownChoice,
            Msg::new("rules-locale-not-listed").arg("locale", &table.locale),
            table.locale_span,
        )
        .set_help(Msg::new("rules-locale-not-listed-help").arg("locale", &table.locale));
        return out;
    }
    let keys = if table.standalone { FILE_KEYS } else { TABLE_KEYS };
    let what = if table.standalone { What::TranslationFile } else { What::Translations(&table.locale) };
    let Some(map) = MapReader::new(sink, table.node, what, keys) else {
        return out;
    };
    let rule_set = known.rule_set;
    let approaches: Vec<&str> = rule_set.approaches.iter().map(|a| a.id.as_str()).collect();
    let questions: Vec<&str> = rule_set.questions.iter().map(|q| q.id.as_str()).collect();
    let rules: Vec<&str> = known.rules.iter().map(String::as_str).collect();
    let sources: Vec<&str> = rule_set.sources.iter().map(|s| s.id.as_str()).collect();
    let sections: [(&str, &'static str, &[&str], &[&str]); 4] = [
        ("approaches", "approach", &approaches, APPROACH_FIELDS),
        ("questions", "question", &questions, QUESTION_FIELDS),
        ("rules", "rule", &rules, RULE_FIELDS),
        ("sources", "source", &sources, SOURCE_FIELDS),
    ];
    for (kind, singular, ids, fields) in sections {
        let Some(section) = map.get(kind) else { continue };
        for (id_node, entry) in expect_map(sink, section, What::Key(kind)).unwrap_or_default() {
            let Some(id) = expect_str(sink, id_node, What::Id(singular)) else { continue };
            if !ids.contains(&id) {
                sink.error(
                    Code::UnknownKey,
                    Msg::new("rules-nothing-to-translate")
                        .arg("kind", Msg::new("kind").arg("kind", singular))
                        .arg("id", id),
                    id_node.span,
                )
                .set_help(suggestion(id, ids.iter().copied()));
                continue;
            }
            let what = What::TranslationOf(singular, id);
            let Some(fields_map) = MapReader::new(sink, entry, what, fields) else { continue };
            for field in fields.iter().copied() {
                let Some(node) = fields_map.get(field) else { continue };
                if field == "values" {
                    read_labels(sink, rule_set, id, node, &mut out);
                } else if let Some(text) = read_text(sink, node, field) {
                    out.insert(TextKey::new(kind, id, field).0, text);
                }
            }
        }
    }
    out
}

fn read_text(sink: &mut Sink<'_>, node: &Node, field: &str) -> Option<String> {
    let text = expect_str(sink, node, What::Key(field))?;
    if text.trim().is_empty() {
        sink.error(Code::InvalidRule, Msg::new("rules-translation-empty").arg("field", field), node.span)
            .set_help(Msg::new("rules-translation-empty-help"));
        return None;
    }
    Some(text.to_owned())
}

/// A choice question's labels: `values: { qa: 質問応答 }`.
fn read_labels(sink: &mut Sink<'_>, rule_set: &RuleSet, id: &str, node: &Node, out: &mut BTreeMap<String, String>) {
    let kind = rule_set.questions.iter().find(|q| q.id == id).map(|q| &q.kind);
    let Some(QuestionKind::Choice { values }) = kind else {
        sink.error(Code::UnknownKey, Msg::new("rules-labels-not-choice").arg("id", id), node.span);
        return;
    };
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    for (value_node, label) in expect_map(sink, node, What::Key("values")).unwrap_or_default() {
        let Some(value) = expect_str(sink, value_node, What::ChoiceValue) else { continue };
        if !values.contains(&value) {
            sink.error(
                Code::UnknownChoice,
                Msg::new("not-a-value-of").arg("value", value).arg("id", id),
                value_node.span,
            )
            .set_help(suggestion(value, values.iter().copied()));
            continue;
        }
        if let Some(text) = read_text(sink, label, "label") {
            out.insert(TextKey::new("questions", id, &format!("values.{value}")).0, text);
        }
    }
}

/// Every text without a translation in one of the locales its rule file
/// declares, one warning per definition, naming the fields missing. (An
/// overlay that declares no locales claims English for its own texts only,
/// whatever the files beneath it declare.)
#[must_use]
pub fn missing(rule_set: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let declares = |file: &crate::source::SourceFile, locale: &str| {
        rule_set.file_locales.iter().any(|(name, locales)| name == file.name() && locales.iter().any(|l| l == locale))
    };
    for locale in rule_set.locales.iter().filter(|l| *l != "en") {
        let mut gaps: Vec<(String, Vec<String>)> = Vec::new();
        for (key, _) in rule_set.texts() {
            if rule_set.translation(locale, &key).is_some() {
                continue;
            }
            let mut parts = key.0.splitn(3, '.');
            let (kind, id, field) =
                (parts.next().unwrap_or_default(), parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
            let name = format!("{kind}.{id}");
            match gaps.last_mut() {
                Some((last, fields)) if *last == name => fields.push(field.to_owned()),
                _ => gaps.push((name, vec![field.to_owned()])),
            }
        }
        for (name, fields) in gaps {
            let (kind, id) = name.split_once('.').unwrap_or_default();
            let (singular, origin) = match kind {
                "approaches" => ("approach", rule_set.approaches.iter().find(|a| a.id == id).map(|a| &a.origin)),
                "questions" => ("question", rule_set.questions.iter().find(|q| q.id == id).map(|q| &q.origin)),
                "rules" => ("rule", rule_set.rules.iter().find(|r| r.id == id).map(|r| &r.origin)),
                _ => ("source", rule_set.sources.iter().find(|s| s.id == id).map(|s| &s.origin)),
            };
            let Some(origin) = origin.filter(|o| declares(&o.file, locale)) else { continue };
            let fields: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            out.push(
                Diagnostic::error(
                    Code::MissingTranslation,
                    crate::i18n::Msg::new("rules-missing-translation")
                        .arg("kind", crate::i18n::Msg::new("kind").arg("kind", singular))
                        .arg("id", id)
                        .arg("locale", locale.as_str())
                        .arg("fields", crate::i18n::MsgArg::List(fields)),
                    &origin.file,
                    origin.span,
                )
                .with_severity(Severity::Warning)
                .with_help(
                    crate::i18n::Msg::new("rules-missing-translation-help")
                        .arg("section", kind)
                        .arg("id", id)
                        .arg("locale", locale.as_str()),
                ),
            );
        }
    }
    out
}
