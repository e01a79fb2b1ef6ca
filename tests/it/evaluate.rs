//! `evaluate` output, pinned by snapshots, and its contracts.

use crate::{shouldtune, stderr, stdout};

const EXAMPLE: &str = "examples/llm-project.yaml";

#[test]
fn table_output() {
    let output = shouldtune(&["evaluate", EXAMPLE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn json_output() {
    let output = shouldtune(&["evaluate", EXAMPLE, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn markdown_output() {
    let output = shouldtune(&[
        "evaluate",
        "tests/fixtures/scenarios/invoice-extraction-fresh-format.llm-project.yaml",
        "-f",
        "markdown",
    ]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn json_has_the_documented_fields() {
    let output = shouldtune(&["evaluate", EXAMPLE, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    for field in [
        "schema_version",
        "name",
        "recommendation",
        "combine_with",
        "scores",
        "ranking",
        "vetoed",
        "fired",
        "assumed",
        "next_steps",
        "margin",
        "close_call",
    ] {
        assert!(report.get(field).is_some(), "missing `{field}`");
    }
    assert_eq!(report["schema_version"], 2);
    assert!(report["margin"].is_i64(), "{}", report["margin"]);
    assert!(report["close_call"].is_boolean());
}

#[test]
fn output_is_deterministic() {
    for format in ["table", "json", "markdown"] {
        let first = shouldtune(&["evaluate", EXAMPLE, "-f", format]).stdout;
        let second = shouldtune(&["evaluate", EXAMPLE, "-f", format]).stdout;
        assert_eq!(first, second, "{format}");
    }
}

#[test]
fn reads_standard_input() {
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap_or_else(|e| unreachable!("{e}"));
    let output = command
        .args(["evaluate", "-", "-f", "json"])
        .write_stdin("name: From stdin\nanswers:\n  needs_private_knowledge: true\n")
        .output()
        .unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    assert_eq!(report["recommendation"], "rag");

    let output =
        command.args(["evaluate", "-"]).write_stdin("name: [").output().unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn markdown_escapes_descriptor_text() {
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap_or_else(|e| unreachable!("{e}"));
    let output = command
        .args(["evaluate", "-", "-f", "markdown"])
        .write_stdin("name: \"x | <script> # [y](z)\"\n")
        .output()
        .unwrap_or_else(|e| unreachable!("{e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("### shouldtune: x \\| &lt;script\\> \\# \\[y\\]\\(z\\)\n"), "{text}");
}

#[test]
fn help_lists_the_commands() {
    let output = shouldtune(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let plain = shouldtune(&["evaluate", EXAMPLE]);
    assert!(!stdout(&plain).contains('\u{1b}'), "a pipe gets no escapes");
    let forced = shouldtune(&["evaluate", EXAMPLE, "--color", "always"]);
    assert!(stdout(&forced).contains("\u{1b}["), "--color always colours");
    let check = shouldtune(&["check", "tests/fixtures/check/repo", "--color", "always"]);
    assert!(stdout(&check).contains("\u{1b}["));
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap_or_else(|e| unreachable!("{e}"));
    let output = command
        .current_dir(crate::root())
        .env("NO_COLOR", "1")
        .args(["evaluate", EXAMPLE, "--color", "auto"])
        .output()
        .unwrap_or_else(|e| unreachable!("{e}"));
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}
