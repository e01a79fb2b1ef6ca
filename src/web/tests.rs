use super::*;
use crate::test_support::default_rules;

fn tables() -> Vec<PriceTable> {
    cost::load_tables(&[], Limits::default()).unwrap()
}

fn body(reply: &Reply) -> serde_json::Value {
    serde_json::from_str(&reply.body).unwrap()
}

#[test]
fn evaluate_runs_the_same_engine_as_the_command() {
    let rule_set = default_rules();
    let posted = br#"{"name":"Bot","planned":["rag"],"answers":{"needs_private_knowledge":true,"task_type":"qa"}}"#;
    let reply = evaluate(&rule_set, &tables(), posted, Limits::default(), 0);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let json = body(&reply);
    assert_eq!(json["report"]["recommendation"], "rag");
    assert_eq!(json["report"]["schema_version"], crate::report::SCHEMA_VERSION);
    let descriptor = json["descriptor"].as_str().unwrap();
    assert!(descriptor.contains("planned_approach: rag\n"), "{descriptor}");
    assert!(descriptor.contains("  needs_private_knowledge: true\n"), "{descriptor}");
    assert!(json["fragment"].as_str().unwrap().contains("<svg"), "the cost chart is always drawn");
    assert!(json["adr"].as_str().unwrap().starts_with("---\nstatus: proposed"));
}

#[test]
fn the_descriptor_round_trips_and_drops_answers_that_do_not_apply() {
    let rule_set = default_rules();
    let posted =
        br#"{"name":"X \"q\"","answers":{"baseline_exists":false,"baseline_meets_target":true,"monthly_requests":5}}"#;
    let json = body(&evaluate(&rule_set, &tables(), posted, Limits::default(), 0));
    let text = json["descriptor"].as_str().unwrap().to_owned();
    assert!(!text.contains("baseline_meets_target"), "{text}");
    let loaded =
        body(&load(&rule_set, &serde_json::to_vec(&serde_json::json!({ "text": text })).unwrap(), Limits::default()));
    assert_eq!(loaded["name"], "X \"q\"");
    assert_eq!(loaded["answers"], serde_json::json!({ "baseline_exists": false, "monthly_requests": 5 }));
}

#[test]
fn a_wrong_answer_is_reported_against_its_question() {
    let rule_set = default_rules();
    let posted = br#"{"name":"X","answers":{"task_type":"qa","deadline_weeks":-3}}"#;
    let reply = evaluate(&rule_set, &tables(), posted, Limits::default(), 0);
    assert_eq!(reply.status, 422);
    let json = body(&reply);
    assert_eq!(json["errors"][0]["question"], "deadline_weeks", "{json}");
    for bad in [&b"not json"[..], br#"{"name":"X","answers":{"task_type":["qa"]}}"#, br#"{"name":"X","extra":1}"#] {
        assert_eq!(evaluate(&rule_set, &tables(), bad, Limits::default(), 0).status, 400);
    }
}

#[test]
fn load_reports_problems_with_line_and_column() {
    let rule_set = default_rules();
    let text = "name: X\nanswers:\n  task_typo: qa\n";
    let reply = load(
        &rule_set,
        &serde_json::to_vec(&serde_json::json!({ "file_name": "a.yaml", "text": text })).unwrap(),
        Limits::default(),
    );
    assert_eq!(reply.status, 422);
    let json = body(&reply);
    assert_eq!((json["errors"][0]["line"].as_u64(), json["errors"][0]["column"].as_u64()), (Some(3), Some(3)));
    assert!(json["errors"][0]["rendered"].as_str().unwrap().contains("a.yaml:3:3"), "{json}");
}

#[test]
fn the_page_escapes_rule_text_and_marks_defaults() {
    let rule_set = default_rules();
    let page = page(&rule_set);
    assert!(page.contains(r#"<option value="other" selected="selected">other - default</option>"#));
    for question in &rule_set.questions {
        // Derived facts are computed, never asked: the page must not post them.
        let shown = page.contains(&format!(r#"data-question="{}""#, question.id));
        assert_eq!(shown, question.derived.is_none(), "{}", question.id);
    }
    assert!(!page.contains("<script>"), "only the external script");
}

#[test]
fn in_japanese_the_page_the_results_and_the_errors_are_japanese_and_the_ids_english() {
    let rule_set = default_rules().localized("ja");
    let japanese = page_in(&rule_set, Lang::Ja);
    assert!(
        japanese.contains(r#"<html lang="ja">"#) && japanese.contains("<h2 id=\"h-load\">ファイルから始める</h2>"),
        "{japanese}"
    );
    assert!(japanese.contains(r#"data-t-recommended="推奨: {0}。""#), "{japanese}");
    assert!(japanese.contains(r#"<option value="qa""#) && japanese.contains(r#"name="task_type""#), "{japanese}");
    assert!(!japanese.contains("Download") && !japanese.contains("Default:"), "{japanese}");
    let english = page(&rule_set);
    assert!(english.contains(r#"<html lang="en">"#) && english.contains("Start from a file"), "{english}");
    // The file input's label names the file in both languages (the browser tests find the input by it).
    assert!(english.contains(r#"<label for="load">Load an <code>llm-project.yaml</code></label>"#), "{english}");
    assert!(japanese.contains("<code>llm-project.yaml</code>"), "{japanese}");

    let posted = br#"{"name":"Bot","answers":{"needs_private_knowledge":true,"task_type":"qa"}}"#;
    let json = body(&evaluate_in(&rule_set, &tables(), posted, Limits::default(), 0, Lang::Ja));
    assert_eq!(json["report"]["recommendation"], "rag");
    assert!(json["fragment"].as_str().unwrap().contains("推奨"), "{}", json["fragment"]);
    assert!(json["adr"].as_str().unwrap().contains("## 決定の結果"), "{}", json["adr"]);
    let bad = br#"{"name":"Bot","answers":{"task_type":"qq"}}"#;
    let json = body(&evaluate_in(&rule_set, &tables(), bad, Limits::default(), 0, Lang::Ja));
    let message = json["errors"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("エラー[unknown-choice]: `qq` は `task_type` の選択肢にありません"), "{message}");
    assert_eq!(json["errors"][0]["question"], "task_type");
}

#[test]
fn error_replies_speak_the_page_language() {
    let rule_set = default_rules();
    let error = |reply: &Reply| body(reply)["error"].as_str().unwrap_or_default().to_owned();
    let limits = Limits::default();
    let reply = evaluate_in(&rule_set, &tables(), b"{\"name\": ", limits, 0, Lang::Ja);
    assert_eq!(reply.status, 400);
    assert_eq!(error(&reply), "回答を JSON として読めません (1 行 9 列目)");
    let reply = evaluate_in(&rule_set, &tables(), b"{\"name\": ", limits, 0, Lang::En);
    assert_eq!(error(&reply), "expected the answers as JSON (line 1, column 9)");
    let reply = evaluate_in(&rule_set, &tables(), br#"{"name":"X","answers":{"task_type":[1]}}"#, limits, 0, Lang::Ja);
    assert_eq!(reply.status, 400);
    assert_eq!(error(&reply), "`task_type` の回答は真偽値、数値、文字列のいずれかにしてください");
    for (kept, ja) in [
        ("a: [", "`kept` が YAML ではありません: "),
        // The YAML reader's own message, in the same language.
        ("- 1\n", "`kept` が YAML ではありません: 最上位にはマッピングが必要ですが、リストが指定されています"),
        ("answers: {}\n", "`kept` に含められるのは `cost:` と `rules:` のセクションだけです"),
        ("cost: {}", "`kept` は改行で終えてください"),
    ] {
        let posted = serde_json::json!({ "name": "X", "answers": {}, "kept": kept });
        let reply = evaluate_in(&rule_set, &tables(), &serde_json::to_vec(&posted).unwrap(), limits, 0, Lang::Ja);
        assert_eq!(reply.status, 400, "{kept}: {}", reply.body);
        let message = error(&reply);
        assert!(message.starts_with(ja), "{kept}: {message}");
        assert!(!message.contains("must") && !message.contains("is not YAML"), "{kept}: {message}");
    }
    let reply = load_in(&rule_set, b"[", limits, Lang::Ja);
    assert_eq!(reply.status, 400);
    assert!(error(&reply).starts_with("ファイルを JSON として読めません (1 行 "), "{}", reply.body);
    let small = Limits { max_file_bytes: 4, ..Limits::default() };
    let reply = load_in(&rule_set, br#"{"file_name":"a.yaml","text":"name: X\n"}"#, small, Lang::Ja);
    assert_eq!(reply.status, 413);
    assert_eq!(error(&reply), "`a.yaml` が 4 バイトを超えています");
}
