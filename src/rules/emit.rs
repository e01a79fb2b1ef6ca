//! A rule set back to YAML: `rules show --format yaml` prints the merged
//! result of the default and any overlays, loadable as a rule file itself
//! (the same rule set, translations included: a property test says so).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::model::{ApproachId, Citation, Question, QuestionKind, RuleSet, Value};
use crate::load::write::{flow_list, quote, scalar};

/// The rule set as one self-contained rule file: definitions, then the
/// declared locales and the translations of the definitions it holds.
#[must_use]
pub fn to_yaml(rule_set: &RuleSet) -> String {
    let mut out = String::from("version: 1\n");
    if rule_set.locales.iter().any(|l| l != "en") {
        let _ = writeln!(out, "locales: {}", flow_list(rule_set.locales.iter().map(String::as_str)));
    }
    if !rule_set.sources.is_empty() {
        out.push_str("sources:\n");
        for s in &rule_set.sources {
            let _ = writeln!(out, "  - id: {}", scalar(&s.id));
            let _ = writeln!(out, "    title: {}", quote(&s.title));
            let _ = writeln!(out, "    publisher: {}", quote(&s.publisher));
            let _ = writeln!(out, "    url: {}", quote(&s.url));
            let _ = writeln!(out, "    date: {}", quote(&s.date));
            let _ = writeln!(out, "    says: {}", quote(&s.says));
        }
    }
    out.push_str("approaches:\n");
    for a in &rule_set.approaches {
        let _ = writeln!(out, "  - id: {}", scalar(&a.id));
        let _ = writeln!(out, "    title: {}", quote(&a.title));
        if !a.description.is_empty() {
            let _ = writeln!(out, "    description: {}", quote(&a.description));
        }
    }
    write_questions(&mut out, rule_set);
    out.push_str("rules:\n");
    let id = |i: ApproachId| rule_set.approaches[i].id.as_str();
    for r in &rule_set.rules {
        let _ = writeln!(out, "  - id: {}", scalar(&r.id));
        let _ = writeln!(out, "    title: {}", quote(&r.title));
        let _ = writeln!(out, "    when: {}", quote(&r.when.text));
        if !r.effects.is_empty() {
            let effects: Vec<String> = r.effects.iter().map(|&(a, w)| format!("{}: {w}", scalar(id(a)))).collect();
            let _ = writeln!(out, "    effects: {{ {} }}", effects.join(", "));
        }
        for (key, list) in [
            ("veto", &r.veto),
            ("combine_with", &r.combine_with),
            ("when_recommended", &r.when_recommended),
            ("when_planned", &r.when_planned),
        ] {
            if !list.is_empty() {
                let _ = writeln!(out, "    {key}: {}", flow_list(list.iter().map(|&a| id(a))));
            }
        }
        if let Some(severity) = r.severity {
            let _ = writeln!(out, "    severity: {severity}");
        }
        if let Some(step) = &r.next_step {
            let _ = writeln!(out, "    next_step: {}", quote(step));
        }
        let _ = writeln!(out, "    because: {}", quote(&r.because));
        let citations: Vec<String> = r
            .citations
            .iter()
            .map(|c| match c {
                Citation::Catalogue(i) => scalar(&rule_set.sources[*i].id),
                Citation::Text(text) => quote(text),
            })
            .collect();
        match citations.as_slice() {
            [one] => {
                let _ = writeln!(out, "    source: {one}");
            }
            all => {
                let _ = writeln!(out, "    source: [{}]", all.join(", "));
            }
        }
    }
    write_translations(&mut out, rule_set);
    out
}

fn write_questions(out: &mut String, rule_set: &RuleSet) {
    out.push_str("questions:\n");
    for q in &rule_set.questions {
        let _ = writeln!(out, "  - id: {}", scalar(&q.id));
        let _ = writeln!(out, "    text: {}", quote(&q.text));
        if !q.help.is_empty() {
            let _ = writeln!(out, "    help: {}", quote(&q.help));
        }
        let _ = writeln!(out, "    type: {}", q.kind.type_name());
        match &q.kind {
            QuestionKind::Boolean => {}
            QuestionKind::Integer { min, max } => {
                if let Some(min) = min {
                    let _ = writeln!(out, "    min: {min}");
                }
                if let Some(max) = max {
                    let _ = writeln!(out, "    max: {max}");
                }
            }
            QuestionKind::Choice { values } => {
                let _ = writeln!(out, "    values: {}", flow_list(values.iter().map(String::as_str)));
            }
        }
        let _ = writeln!(out, "    default: {}", answer(q, q.default));
        if let Some(condition) = &q.ask_when {
            let _ = writeln!(out, "    ask_when: {}", quote(&condition.text));
        }
        if let Some(fact) = q.derived {
            let _ = writeln!(out, "    derived: {}", scalar(fact.name()));
        }
        if let Some(since) = q.since {
            let _ = writeln!(out, "    since: {since}");
        }
    }
}

/// An answer to `question` as YAML: a choice value as a string (quoted when
/// plain text would read as something else: `"null"`, `"true"`), a boolean or an integer plain.
#[must_use]
pub fn answer(question: &Question, value: Value) -> String {
    match value {
        Value::Choice(_) => scalar(&question.display_value(value)),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
    }
}

/// `translations:` by locale, section, id and field, for the definitions the
/// set holds (a translation of a rule an overlay disabled is left out: it
/// would name a rule this file does not define).
fn write_translations(out: &mut String, rule_set: &RuleSet) {
    // locale -> section -> id -> (field, value label or none, text)
    type Fields<'t> = Vec<(&'t str, Option<&'t str>, &'t str)>;
    let mut tables: BTreeMap<&str, BTreeMap<&str, BTreeMap<&str, Fields<'_>>>> = BTreeMap::new();
    for (locale, texts) in &rule_set.translations {
        for (key, text) in texts {
            let mut parts = key.splitn(4, '.');
            let (Some(section), Some(id), Some(field)) = (parts.next(), parts.next(), parts.next()) else { continue };
            let defined = match section {
                "approaches" => rule_set.approaches.iter().any(|a| a.id == id),
                "questions" => rule_set.questions.iter().any(|q| q.id == id),
                "rules" => rule_set.rules.iter().any(|r| r.id == id),
                "sources" => rule_set.sources.iter().any(|s| s.id == id),
                _ => false,
            };
            if defined {
                let fields = tables.entry(locale).or_default().entry(section).or_default().entry(id).or_default();
                fields.push((field, parts.next(), text));
            }
        }
    }
    if tables.is_empty() {
        return;
    }
    out.push_str("translations:\n");
    for (locale, sections) in tables {
        let _ = writeln!(out, "  {}:", scalar(locale));
        for (section, ids) in sections {
            let _ = writeln!(out, "    {section}:");
            for (id, fields) in ids {
                let _ = writeln!(out, "      {}:", scalar(id));
                let mut labels = Vec::new();
                for (field, value, text) in fields {
                    match value {
                        Some(value) => labels.push(format!("{}: {}", scalar(value), quote(text))),
                        None => {
                            let _ = writeln!(out, "        {field}: {}", quote(text));
                        }
                    }
                }
                if !labels.is_empty() {
                    let _ = writeln!(out, "        values: {{ {} }}", labels.join(", "));
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;
    use serde_json::{Value as Json, json};

    use crate::load::Limits;
    use crate::rules::RuleSet;
    use crate::source::SourceFile;

    /// Ids the YAML resolver reads as something else when written plain, and ordinary ones.
    pub(crate) fn any_id() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(
                &["null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "e1"][..]
            )
            .prop_map(str::to_owned),
            "[a-z][a-z0-9_-]{0,6}",
        ]
    }

    /// Texts with the characters and words YAML treats specially, never blank.
    pub(crate) fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(crate::load::write::TRICKY).prop_map(str::to_owned),
            "\\PC{1,12}",
            "[a-z0-9 :#'\"\\-\n\t]{1,8}",
        ]
        .prop_filter("blank", |t| !t.trim().is_empty())
    }

    fn distinct(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
        prop::collection::btree_set(any_id(), n).prop_map(|set| set.into_iter().collect())
    }

    /// A rule file (as JSON, which YAML reads as flow syntax) with tricky ids,
    /// choice values and texts, translated into Japanese.
    pub(crate) fn any_rule_file() -> impl Strategy<Value = Json> {
        (
            distinct(2..4),
            distinct(2..4),
            distinct(1..3),
            prop::collection::vec(any_text(), 12),
            (0_usize..4, -5_i64..5, proptest::option::of(1_i64..4), any::<bool>()),
        )
            .prop_map(|(approaches, values, rules, texts, (default, min, since, translate))| {
                let text = |i: usize| texts[i % texts.len()].clone();
                let approach_list: Vec<Json> = approaches
                    .iter()
                    .enumerate()
                    .map(|(i, id)| json!({ "id": id, "title": text(i), "description": text(i + 5) }))
                    .collect();
                let choice_default = values[default % values.len()].clone();
                let mut questions = json!([
                    { "id": "flag", "text": text(0), "help": text(1), "type": "boolean", "default": true },
                    { "id": "null", "text": text(2), "type": "choice", "values": values, "default": choice_default },
                    { "id": "true", "text": text(3), "type": "integer", "min": min, "max": 10, "default": min,
                      "ask_when": "flag" },
                ]);
                if let Some(since) = since {
                    questions[2]["since"] = json!(since);
                }
                let rule_list: Vec<Json> = rules
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        json!({ "id": id, "title": text(i + 6), "when": if i == 0 { "flag" } else { "not flag" },
                                "effects": { approaches[1].clone(): 1 + i }, "because": text(i + 7),
                                "source": [format!("Memo {}", text(i + 8)), "guide-a"], "next_step": text(i + 9) })
                    })
                    .collect();
                let mut file = json!({
                    "version": 1,
                    "sources": [{ "id": "guide-a", "title": text(10), "publisher": text(11), "url": "https://x.test/a?b=1#c",
                                  "date": "2024-02", "says": text(4) }],
                    "approaches": approach_list,
                    "questions": questions,
                    "rules": rule_list,
                });
                if translate {
                    file["locales"] = json!(["en", "ja"]);
                    file["translations"] = json!({ "ja": {
                        "approaches": { approaches[0].clone(): { "title": text(5) } },
                        "questions": { "null": { "text": text(6), "values": { values[0].clone(): text(7) } } },
                        "rules": { rules[0].clone(): { "because": text(8) } },
                        "sources": { "guide-a": { "says": text(9) } },
                    } });
                }
                file
            })
    }

    /// JSON text YAML reads: characters YAML refuses raw (DEL, C1 controls, ...) escaped.
    pub(crate) fn json_as_yaml(json: &Json) -> String {
        json.to_string().chars().fold(String::new(), |mut out, c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}') {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "\\u{unit:04X}");
                }
            } else {
                out.push(c);
            }
            out
        })
    }

    /// Everything a rule file says, without positions or the compiled form.
    fn shape(set: &RuleSet) -> String {
        let approaches: Vec<_> = set.approaches.iter().map(|a| (&a.id, &a.title, &a.description)).collect();
        let questions: Vec<_> = set
            .questions
            .iter()
            .map(|q| {
                let ask_when = q.ask_when.as_ref().map(|c| &c.text);
                (&q.id, &q.text, &q.help, &q.kind, q.default, ask_when, q.derived, q.since)
            })
            .collect();
        let rules: Vec<_> = set
            .rules
            .iter()
            .map(|r| {
                let lists = (&r.veto, &r.combine_with, &r.when_recommended, &r.when_planned);
                (&r.id, &r.title, &r.when.text, &r.effects, lists, r.severity, &r.because, &r.citations, &r.next_step)
            })
            .collect();
        let sources: Vec<_> =
            set.sources.iter().map(|s| (&s.id, &s.title, &s.publisher, &s.url, &s.date, &s.says)).collect();
        format!("{approaches:?}\n{questions:?}\n{rules:?}\n{sources:?}\n{:?}\n{:?}", set.locales, set.translations)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// `rules show --format yaml` loads back to the rule set it printed.
        #[test]
        fn a_printed_rule_set_loads_back_equal(file in any_rule_file()) {
            let input = SourceFile::new("in.yaml", json_as_yaml(&file));
            let set = crate::rules::load(&[input], Limits::default())
                .map_err(|d| TestCaseError::fail(format!("{d:?}\n{file}")))?;
            let printed = super::to_yaml(&set);
            let again = crate::rules::load(&[SourceFile::new("printed.yaml", printed.clone())], Limits::default())
                .map_err(|d| TestCaseError::fail(format!("{}\n{printed}", d[0])))?;
            prop_assert_eq!(shape(&again), shape(&set), "{}", printed);
        }
    }

    #[test]
    fn the_printed_rule_set_loads_back_to_the_same_rules() {
        let set = crate::rules::load_default().unwrap();
        let text = super::to_yaml(&set);
        let again = crate::rules::load(&[SourceFile::new("merged.yaml", text.clone())], Limits::default()).unwrap();
        assert_eq!(super::to_yaml(&again), text);
        assert_eq!(again.rules.len(), set.rules.len());
        for (a, b) in set.rules.iter().zip(&again.rules) {
            assert_eq!((&a.id, &a.when.expr, &a.effects, &a.veto), (&b.id, &b.when.expr, &b.effects, &b.veto));
            assert_eq!((&a.citations, &a.when_planned, a.severity), (&b.citations, &b.when_planned, b.severity));
        }
    }

    #[test]
    fn sources_plan_rules_and_citations_survive_the_round_trip() {
        let text = "sources:
  - { id: guide-a, title: 'Guide: A', publisher: P, url: 'https://x.test/a?b=1', date: 2023-10-16, says: It says a. }
approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: f, text: F?, type: boolean, default: false }
rules:
  - { id: r, title: R, when: f, effects: { b: 1 }, because: x, source: [guide-a, 'Some memo, 2024'] }
  - { id: p, title: P, when: not f, when_planned: [b], severity: warning, because: x, source: guide-a }
";
        let set = crate::rules::load(&[SourceFile::new("s.yaml", text)], Limits::default()).unwrap();
        let printed = super::to_yaml(&set);
        for needle in [
            "sources:\n  - id: guide-a\n",
            "date: \"2023-10-16\"",
            "when_planned: [b]",
            "severity: warning",
            "source: [guide-a, \"Some memo, 2024\"]",
            "source: guide-a\n",
        ] {
            assert!(printed.contains(needle), "{needle} missing from\n{printed}");
        }
        let again = crate::rules::load(&[SourceFile::new("merged.yaml", printed.clone())], Limits::default()).unwrap();
        assert_eq!(super::to_yaml(&again), printed);
        assert_eq!(again.sources.raw[0].url, "https://x.test/a?b=1");
    }
}
