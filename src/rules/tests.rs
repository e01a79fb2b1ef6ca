use super::*;

fn default_set() -> RuleSet {
    load_default().unwrap_or_else(|d| panic!("{d:#?}"))
}

#[test]
fn every_default_rule_text_has_its_japanese_translation() {
    let set = default_set();
    assert_eq!(set.locales, ["en", "ja"]);
    let missing: Vec<String> =
        set.texts().into_iter().filter(|(key, _)| set.translation("ja", key).is_none()).map(|(key, _)| key.0).collect();
    assert!(missing.is_empty(), "default rule texts without a Japanese translation: {missing:#?}");
    assert!(locale::missing(&set).is_empty(), "{:#?}", locale::missing(&set));
    // A translation that only copied the English is no translation.
    let untranslated: Vec<String> = set
        .texts()
        .into_iter()
        .filter(|(key, english)| !key.0.contains(".values.") && set.translation("ja", key) == Some(*english))
        .map(|(key, _)| key.0)
        .collect();
    assert!(untranslated.is_empty(), "{untranslated:?}");
}

#[test]
fn localizing_changes_texts_only() {
    let set = default_set();
    let ja = set.localized("ja");
    assert_eq!(ja.locale, "ja");
    assert_eq!(ja.approaches.raw[1].title, "検索拡張生成 (RAG)");
    assert_eq!(ja.choice_label("task_type", "classification"), "分類");
    assert_eq!(set.choice_label("task_type", "classification"), "classification");
    let too_few = ja.rules.iter().find(|r| r.id == "too-few-examples").unwrap_or_else(|| unreachable!());
    assert!(too_few.because.contains("10 件"), "{}", too_few.because);
    assert!(too_few.source.contains("OpenAI API ガイド"), "{}", too_few.source);
    for (en, ja) in set.rules.iter().zip(&ja.rules) {
        assert_eq!((&en.id, &en.when.text, &en.effects, &en.veto), (&ja.id, &ja.when.text, &ja.effects, &ja.veto));
        assert_ne!(en.because, ja.because, "{}", en.id);
    }
    // Japanese prose is written without spaces between sentences.
    for (key, _) in set.texts() {
        let text = set.translation("ja", &key).unwrap_or_default();
        assert!(!text.contains("。 "), "{}: a space after 。: {text}", key.0);
    }
    // English or a locale without translations is a copy.
    assert_eq!(set.localized("en").rules.raw[0].because, set.rules.raw[0].because);
}

#[test]
fn the_default_rule_set_loads_with_the_public_question_ids() {
    let set = default_set();
    let ids: Vec<&str> = set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "task_type",
            "deadline_weeks",
            "knowledge_freshness",
            "needs_private_knowledge",
            "hallucination_tolerance",
            "strict_output_format",
            "specific_tone",
            "hard_to_describe_in_prompt",
            "examples_available",
            "examples_fit_in_context",
            "prompt_tokens",
            "latency_sensitive",
            "monthly_requests",
            "baseline_exists",
            "baseline_approach",
            "baseline_meets_target",
            "wants_smaller_model",
            "fine_tuning_breaks_even",
        ]
    );
    let approaches: Vec<&str> = set.approaches.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(approaches, ["prompt_engineering", "rag", "fine_tuning"]);
}

#[test]
fn every_default_rule_cites_a_source_and_every_question_is_read() {
    let set = default_set();
    for rule in &set.rules {
        assert!(!rule.because.trim().is_empty(), "{}", rule.id);
        assert!(!rule.citations.is_empty(), "{} cites nothing", rule.id);
        for citation in &rule.citations {
            assert!(
                matches!(citation, crate::rules::Citation::Catalogue(_)),
                "{} cites free text: {citation:?}",
                rule.id
            );
        }
    }
    for (index, question) in set.questions.iter_enumerated() {
        let read = set.rules.iter().any(|r| r.when.expr.questions().contains(&index))
            || set.questions.iter().any(|q| q.ask_when.as_ref().is_some_and(|c| c.expr.questions().contains(&index)));
        assert!(read, "no rule reads `{}`", question.id);
    }
}

#[test]
fn every_guidance_point_is_encoded() {
    let set = default_set();
    for point in ["1", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3", "4"] {
        let id = format!("guidance-{point}");
        let source = set.sources.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no source `{id}`"));
        assert!(source.url.starts_with("https://"), "{id}");
        let cited = set.rules.iter().any(|r| r.catalogue_sources(&set).iter().any(|s| s.id == id));
        assert!(cited, "no rule cites {id}");
    }
    // Every catalogue entry is cited by some rule.
    for source in &set.sources {
        let cited = set.rules.iter().any(|r| r.catalogue_sources(&set).iter().any(|s| s.id == source.id));
        assert!(cited, "no rule cites `{}`", source.id);
    }
}

#[test]
fn a_rule_set_where_every_approach_can_be_vetoed_is_refused() {
    let text = "approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: q, text: Q?, type: boolean, default: false }
rules:
  - { id: r1, title: R1, when: q, veto: [a], because: x, source: y }
  - { id: r2, title: R2, when: q or p > 3, veto: [b], because: x, source: y }
";
    let text =
        text.replace("default: false }\n", "default: false }\n  - { id: p, text: P?, type: integer, default: 0 }\n");
    let errors = load(&[SourceFile::new("t.yaml", text)], Limits::default()).err().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("every approach can be vetoed"));
}

#[test]
fn an_approach_no_rule_vetoes_is_always_left_even_when_the_other_vetoes_cannot_be_enumerated() {
    // `p > n` compares two answers, so whether both vetoes can hold is undecidable by
    // enumeration; but nothing vetoes `b`, so not every approach can be vetoed.
    let text = "approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: p, text: P?, type: integer, default: 0 }
  - { id: n, text: N?, type: integer, default: 0 }
rules:
  - { id: r1, title: R1, when: p > n, veto: [a], because: x, source: y }
";
    let loaded = load(&[SourceFile::new("t.yaml", text)], Limits::default());
    assert!(loaded.is_ok(), "{:?}", loaded.err());
    // With a veto of `b` too, the enumeration is needed and undecided counts as possible.
    let both = format!("{text}  - {{ id: r2, title: R2, when: n > p, veto: [b], because: x, source: y }}\n");
    let errors = load(&[SourceFile::new("t.yaml", both)], Limits::default()).err().unwrap();
    assert!(errors[0].message.contains("every approach can be vetoed"), "{errors:?}");
}

#[test]
fn a_rule_set_with_one_approach_is_refused() {
    let text = "approaches:
  - { id: a, title: A }
questions:
  - { id: q, text: Q?, type: boolean, default: false }
rules:
  - { id: r1, title: R1, when: q, effects: { a: 1 }, because: x, source: y }
";
    let errors = load(&[SourceFile::new("t.yaml", text)], Limits::default()).err().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code.as_str(), "invalid-rule");
    assert!(errors[0].message.contains("at least two approaches"), "{}", errors[0].message);
    let two = text.replace("  - { id: a, title: A }\n", "  - { id: a, title: A }\n  - { id: b, title: B }\n");
    assert!(load(&[SourceFile::new("t.yaml", two)], Limits::default()).is_ok());
}

#[test]
fn vetoes_on_answers_that_exclude_each_other_leave_something_to_recommend() {
    // Each approach can be vetoed, but never both at once: `q` and `not q` cannot hold together.
    let text = "approaches:
  - { id: a, title: A }
  - { id: b, title: B }
questions:
  - { id: q, text: Q?, type: boolean, default: false }
rules:
  - { id: r1, title: R1, when: q, veto: [a], because: x, source: y }
  - { id: r2, title: R2, when: not q, veto: [b], because: x, source: y }
";
    assert!(load(&[SourceFile::new("t.yaml", text)], Limits::default()).is_ok());
}

#[test]
fn the_embedded_rule_set_passes_the_whole_set_checks_it_skips() {
    // Loading the embedded rule set alone skips these checks; they must find nothing.
    assert_eq!(compile::whole_set_problems(&default_set()), Vec::new());
}
