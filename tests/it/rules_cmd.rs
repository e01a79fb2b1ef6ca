//! `rules check`, `rules test`, `rules show` and `schema`.

use crate::{root, shouldtune, stderr, stdout, succeed};

#[test]
fn rules_check_reports_each_static_problem_and_passes_the_default() {
    let clean = shouldtune(&["rules", "check", "--deny", "warnings"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(stdout(&clean).contains("0 warnings"));
    for (file, code, location) in [
        ("never-fires", "rule-never-fires", ":3:9"),
        ("unread-question", "question-unread", ":3:9"),
        ("unscored-approach", "approach-unscored", ":3:11"),
        ("always-tied", "approaches-always-tied", ":2:11"),
    ] {
        let path = format!("tests/fixtures/rules/lint/{file}.yaml");
        let output = shouldtune(&["rules", "check", "--rules", &path]);
        assert_eq!(output.status.code(), Some(0), "{file}: warnings alone do not fail");
        let err = stderr(&output);
        assert!(
            err.contains(&format!("warning[{code}]")) && err.contains(&format!("{path}{location}")),
            "{file}: {err}"
        );
        let denied = shouldtune(&["rules", "check", "--rules", &path, "--deny", "warnings"]);
        assert_eq!(denied.status.code(), Some(1), "{file}");
    }
}

#[test]
fn rules_check_reports_every_load_error_not_just_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(
        &path,
        "extends: default\nrules:\n  - id: a\n    title: A\n    when: nope\n    effects: { rag: 1 }\n    because: x\n    source: y\n  - id: b\n    title: B\n    when: task_type == qq\n    effects: { rag: 1 }\n    source: y\n",
    )
    .unwrap();
    let output = shouldtune(&["rules", "check", "--rules", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for expected in
        ["unknown question `nope`", "`qq` is not a value of `task_type`", "missing the required key `because`"]
    {
        assert!(err.contains(expected), "{expected}: {err}");
    }
}

#[test]
fn rules_test_runs_the_shipped_scenarios_and_reports_failures_like_cargo_test() {
    let shipped = shouldtune(&["rules", "test"]);
    assert_eq!(shipped.status.code(), Some(0), "{}", stdout(&shipped));
    let out = stdout(&shipped);
    let passed: usize = out
        .lines()
        .find_map(|l| l.strip_prefix("test result: ok. "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(passed >= 12, "{out}");
    // The shipped casebook is scored per part, held-out part separately.
    let score = |part: &str| -> (usize, usize) {
        let line = out.lines().find_map(|l| l.strip_prefix(&format!("casebook ({part}): "))).unwrap();
        let mut numbers = line.split(' ').filter_map(|w| w.parse::<usize>().ok());
        (numbers.next().unwrap(), numbers.next().unwrap())
    };
    let (tuned, held_out) = (score("tuned"), score("held out"));
    assert!(tuned.1 + held_out.1 >= 30, "at least 30 documented decisions: {out}");
    assert!(held_out.1 * 4 >= tuned.1 + held_out.1, "about a third held out: {out}");

    let passing = shouldtune(&["rules", "test", "tests/fixtures/ruletest/passing.yaml"]);
    assert_eq!(passing.status.code(), Some(0), "{}", stdout(&passing));
    assert!(stdout(&passing).ends_with("test result: ok. 1 passed, 0 failed\n"));

    let failing = shouldtune(&["rules", "test", "tests/fixtures/ruletest/failing.yaml"]);
    assert_eq!(failing.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&failing));

    let malformed = shouldtune(&["rules", "test", "tests/fixtures/ruletest/malformed.yaml"]);
    assert_eq!(malformed.status.code(), Some(2));
    let err = stderr(&malformed);
    assert!(
        err.contains("did you mean `needs_private_knowledge`?") && err.contains("did you mean `fine_tuning`?"),
        "{err}"
    );

    let dir = shouldtune(&["rules", "test", "tests/fixtures/ruletest"]);
    assert_eq!(dir.status.code(), Some(2), "a directory runs every file; one is malformed");
    assert!(stdout(&dir).contains("2 passed, 1 failed"), "{}", stdout(&dir));
}

#[test]
fn rules_show_prints_the_effective_rules() {
    let table = succeed(&["rules", "show", "--rules", "tests/fixtures/rules/overlays/disable.yaml"]);
    assert!(table.contains("quick-results-needed") && !table.contains("teach-a-task"), "{table}");
    let yaml = shouldtune(&["rules", "show", "--rules", "tests/fixtures/rules/overlays/override.yaml", "-f", "yaml"]);
    let text = stdout(&yaml);
    assert!(
        text.contains("title: \"Custom model training\"") && text.contains("effects: { fine_tuning: 10 }"),
        "{text}"
    );
    // The merged file loads on its own.
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("merged.yaml");
    std::fs::write(&merged, text).unwrap();
    assert_eq!(shouldtune(&["rules", "check", "--rules", &merged.display().to_string()]).status.code(), Some(0));
}

fn yaml_as_json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn committed_schema(which: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(format!("schemas/{which}.schema.json"))).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{which}: {e}"))
}

#[test]
fn committed_schemas_are_up_to_date() {
    for which in ["descriptor", "rules", "rule-tests", "report", "check"] {
        let fresh = succeed(&["schema", which]);
        let committed = std::fs::read_to_string(root().join(format!("schemas/{which}.schema.json"))).unwrap();
        assert!(
            fresh == committed,
            "schemas/{which}.schema.json is stale: run `shouldtune schema {which} > schemas/{which}.schema.json`"
        );
    }
}

#[test]
fn schemas_validate_the_shipped_files_and_catch_typos() {
    let rules = jsonschema::validator_for(&committed_schema("rules")).unwrap();
    for file in ["rules/default.yaml", "examples/acme-overlay.yaml"] {
        let errors: Vec<String> = rules.iter_errors(&yaml_as_json(file)).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    let rule_tests = jsonschema::validator_for(&committed_schema("rule-tests")).unwrap();
    for file in ["rules/tests/scenarios.yaml", "rules/tests/casebook.yaml", "rules/tests/casebook-held-out.yaml"] {
        let errors: Vec<String> = rule_tests.iter_errors(&yaml_as_json(file)).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    for bad in [
        serde_json::json!({ "split": "held-out", "cases": [] }),
        serde_json::json!({ "cases": [{ "name": "x", "expect": { "recomendation": "rag" } }] }),
        serde_json::json!({ "cases": [{ "name": "x", "answer": {}, "expect": { "recommendation": "rag" } }] }),
    ] {
        assert!(!rule_tests.is_valid(&bad), "{bad}");
    }
    let descriptor = jsonschema::validator_for(&committed_schema("descriptor")).unwrap();
    assert!(descriptor.is_valid(&yaml_as_json("examples/llm-project.yaml")));
    for bad in [
        serde_json::json!({ "name": "x", "answers": { "hallucination_tolerence": "low" } }),
        serde_json::json!({ "name": "x", "answers": { "knowledge_freshness": "hourly" } }),
        serde_json::json!({ "name": "x", "answers": { "deadline_weeks": -1 } }),
        serde_json::json!({ "name": "x", "planned_approach": "finetuning" }),
        serde_json::json!({ "nmae": "x" }),
    ] {
        assert!(!descriptor.is_valid(&bad), "{bad}");
    }
    let report = jsonschema::validator_for(&committed_schema("report")).unwrap();
    let output = shouldtune(&["evaluate", "examples/llm-project.yaml", "-f", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<String> = report.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_descriptor_schema_follows_the_rule_set() {
    let with_overlay = succeed(&["schema", "descriptor", "--rules", "tests/fixtures/rules/overlay-ok.yaml"]);
    assert!(with_overlay.contains("uses_customer_pii"));
    assert!(!succeed(&["schema", "descriptor"]).contains("uses_customer_pii"));
}

#[test]
fn casebook_files_score_each_part_and_known_misses_do_not_fail_the_run() {
    let output = shouldtune(&["rules", "test", "tests/fixtures/casebook/held-out.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(out.contains("documented-and-matched ... ok"), "{out}");
    assert!(out.contains("documented-and-missed ... known miss: the rules want a baseline first"), "{out}");
    assert!(out.contains("casebook (held out): 1 of 2 decisions matched (50%)"), "{out}");
    assert!(out.contains("test result: ok. 1 passed, 0 failed, 1 known miss"), "{out}");

    let undocumented = shouldtune(&["rules", "test", "tests/fixtures/casebook/no-source.yaml"]);
    assert_eq!(undocumented.status.code(), Some(2), "{}", stdout(&undocumented));
    assert!(stderr(&undocumented).contains("missing-key"), "{}", stderr(&undocumented));
    assert!(stderr(&undocumented).contains("source"), "{}", stderr(&undocumented));
}
