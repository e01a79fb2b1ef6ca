//! A rule set back to YAML: `rules show --format yaml` prints the merged
//! result of the default and any overlays, loadable as a rule file itself.

use std::fmt::Write as _;

use super::model::{Citation, QuestionKind, RuleSet};

/// The rule set as one self-contained rule file.
#[must_use]
pub fn to_yaml(rule_set: &RuleSet) -> String {
    let mut out = String::from("version: 1\n");
    if !rule_set.sources.is_empty() {
        out.push_str("sources:\n");
        for s in &rule_set.sources {
            let _ = writeln!(out, "  - id: {}", s.id);
            let _ = writeln!(out, "    title: {}", quote(&s.title));
            let _ = writeln!(out, "    publisher: {}", quote(&s.publisher));
            let _ = writeln!(out, "    url: {}", quote(&s.url));
            let _ = writeln!(out, "    date: {}", quote(&s.date));
            let _ = writeln!(out, "    says: {}", quote(&s.says));
        }
    }
    out.push_str("approaches:\n");
    for a in &rule_set.approaches {
        let _ = writeln!(out, "  - id: {}", a.id);
        let _ = writeln!(out, "    title: {}", quote(&a.title));
        if !a.description.is_empty() {
            let _ = writeln!(out, "    description: {}", quote(&a.description));
        }
    }
    out.push_str("questions:\n");
    for q in &rule_set.questions {
        let _ = writeln!(out, "  - id: {}", q.id);
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
                let _ = writeln!(out, "    values: [{}]", values.join(", "));
            }
        }
        let _ = writeln!(out, "    default: {}", q.display_value(q.default));
        if let Some(condition) = &q.ask_when {
            let _ = writeln!(out, "    ask_when: {}", quote(&condition.text));
        }
    }
    out.push_str("rules:\n");
    let id = |i: usize| rule_set.approaches[i].id.as_str();
    for r in &rule_set.rules {
        let _ = writeln!(out, "  - id: {}", r.id);
        let _ = writeln!(out, "    title: {}", quote(&r.title));
        let _ = writeln!(out, "    when: {}", quote(&r.when.text));
        if !r.effects.is_empty() {
            let effects: Vec<String> = r.effects.iter().map(|&(a, w)| format!("{}: {w}", id(a))).collect();
            let _ = writeln!(out, "    effects: {{ {} }}", effects.join(", "));
        }
        for (key, list) in [
            ("veto", &r.veto),
            ("combine_with", &r.combine_with),
            ("when_recommended", &r.when_recommended),
            ("when_planned", &r.when_planned),
        ] {
            if !list.is_empty() {
                let ids: Vec<&str> = list.iter().map(|&a| id(a)).collect();
                let _ = writeln!(out, "    {key}: [{}]", ids.join(", "));
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
                Citation::Catalogue(i) => rule_set.sources[*i].id.clone(),
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
    out
}

fn quote(text: &str) -> String {
    // JSON string syntax is valid YAML double-quoted scalar syntax.
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

#[cfg(test)]
mod tests {
    use crate::load::Limits;
    use crate::source::SourceFile;

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
        assert_eq!(again.sources[0].url, "https://x.test/a?b=1");
    }
}
