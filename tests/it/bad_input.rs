//! Every class of bad descriptor ends in exit 2 with the file, line and column.

use crate::{shouldtune, stderr, stdout};

/// (fixture under tests/fixtures/bad, expected `file:line:col` suffix, code, text in the message or help)
const CASES: &[(&str, &str, &str, &str)] = &[
    ("unknown-top-key.yaml", ":2:1", "unknown-key", "did you mean `answers`?"),
    ("unknown-question.yaml", ":4:3", "unknown-question", "did you mean `hallucination_tolerance`?"),
    ("wrong-type.yaml", ":3:23", "wrong-type", "whole number"),
    ("wrong-type-bool.yaml", ":3:22", "wrong-type", "write `true`"),
    ("out-of-range.yaml", ":3:19", "out-of-range", "expected at least 0"),
    ("unknown-choice.yaml", ":3:24", "unknown-choice", "`static`, `monthly`, `weekly`, `daily`, `realtime`"),
    ("duplicate-key.yaml", ":4:3", "duplicate-id", "appears twice"),
    ("empty.yaml", ":1:1", "empty-document", "expected a YAML mapping"),
    ("only-comment.yaml", ":1:1", "empty-document", "expected a YAML mapping"),
    ("not-mapping.yaml", ":1:1", "wrong-type", "expected a mapping"),
    ("syntax.yaml", ":3:14", "yaml-syntax", "invalid YAML"),
    ("missing-name.yaml", ":1:1", "missing-key", "`name`"),
    ("unknown-approach.yaml", ":2:19", "unknown-approach", "did you mean `fine_tuning`?"),
];

#[test]
fn each_bad_input_class_exits_2_naming_file_line_and_column() {
    for (file, location, code, text) in CASES {
        let path = format!("tests/fixtures/bad/{file}");
        let output = shouldtune(&["evaluate", &path]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{file}: {err}");
        assert!(stdout(&output).is_empty(), "{file}");
        assert!(err.contains(&format!("error[{code}]")), "{file}: {err}");
        assert!(err.contains(&format!("{path}{location}")), "{file}: expected {path}{location} in\n{err}");
        assert!(err.contains(text), "{file}: expected `{text}` in\n{err}");
        assert!(!err.contains("panicked"), "{file}");
    }
}

#[test]
fn diagnostics_render_with_a_source_snippet() {
    let output = shouldtune(&["evaluate", "tests/fixtures/bad/unknown-question.yaml"]);
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn missing_file_directory_and_invalid_utf8_exit_2() {
    let output = shouldtune(&["evaluate", "tests/fixtures/bad/does-not-exist.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read `tests/fixtures/bad/does-not-exist.yaml`: no such file"));

    let output = shouldtune(&["evaluate", "tests/fixtures"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is a directory"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("llm-project.yaml");
    std::fs::write(&path, b"name: caf\xe9\n").unwrap();
    let output = shouldtune(&["evaluate", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not valid UTF-8"), "{}", stderr(&output));
    assert!(stderr(&output).contains(":1:10"), "{}", stderr(&output));
}

#[test]
fn oversize_input_is_refused_before_parsing() {
    let output = shouldtune(&["evaluate", "examples/llm-project.yaml", "--max-file-size", "100"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("over the limit of 100 bytes"), "{}", stderr(&output));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(shouldtune(&["evaluate"]).status.code(), Some(2));
    assert_eq!(shouldtune(&["evaluate", "x.yaml", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(shouldtune(&["frobnicate"]).status.code(), Some(2));
}
