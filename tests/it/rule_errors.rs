//! Each kind of bad rule is a load error pointing at the rule file, line and column.

use crate::{shouldtune, stderr};

/// (fixture under tests/fixtures/rules, `file:line:col`, code, label or message text)
const CASES: &[(&str, &str, &str, &str)] = &[
    ("syntax-error.yaml", ":5:33", "expr-syntax", "column 23 of the condition"),
    ("unknown-question.yaml", ":5:36", "expr-unknown-question", "did you mean `examples_available`?"),
    ("unknown-choice-value.yaml", ":5:43", "expr-unknown-value", "`hourly` is not a value of `knowledge_freshness`"),
    ("type-mismatch.yaml", ":7:12", "expr-type-mismatch", "cannot compare `baseline_exists` (a boolean) with `3`"),
    ("duplicate-rule-id.yaml", ":3:9", "duplicate-id", "first defined here"),
    ("condition-order.yaml", ":7:15", "condition-order", "reads itself"),
    ("missing-because.yaml", ":3:5", "missing-key", "`because`"),
];

#[test]
fn each_bad_rule_kind_is_a_load_error_at_the_right_place() {
    for (file, location, code, text) in CASES {
        let path = format!("tests/fixtures/rules/{file}");
        let output = shouldtune(&["evaluate", "examples/llm-project.yaml", "--rules", &path]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(&format!("error[{code}]")), "{file}: {err}");
        assert!(err.contains(&format!("{path}{location}")), "{file}: expected {path}{location} in\n{err}");
        assert!(err.contains(text), "{file}: expected `{text}` in\n{err}");
        assert_eq!(err.matches("error[").count(), 1, "{file}: one mistake, one error:\n{err}");
    }
}

#[test]
fn a_duplicate_names_both_places() {
    let output = shouldtune(&[
        "evaluate",
        "examples/llm-project.yaml",
        "--rules",
        "tests/fixtures/rules/duplicate-rule-id.yaml",
    ]);
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn an_overlay_extends_the_default_rules() {
    let dir = tempfile::tempdir().unwrap();
    let descriptor = dir.path().join("llm-project.yaml");
    let text = std::fs::read_to_string(crate::root().join("examples/llm-project.yaml")).unwrap();
    std::fs::write(&descriptor, text.replace("answers:\n", "answers:\n  uses_customer_pii: true\n")).unwrap();
    let output = shouldtune(&[
        "evaluate",
        &descriptor.display().to_string(),
        "--rules",
        "tests/fixtures/rules/overlay-ok.yaml",
        "-f",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let fine_tuning_veto = report["vetoed"].as_array().unwrap().iter().find(|v| v["approach"] == "fine_tuning");
    assert_eq!(fine_tuning_veto.map(|v| v["rule"].clone()), Some(serde_json::json!("no-fine-tuning-on-pii")));
    assert_ne!(report["recommendation"], "fine_tuning");
}
