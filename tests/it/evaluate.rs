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
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
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
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    let output = command
        .args(["evaluate", "-", "-f", "json"])
        .write_stdin("name: From stdin\nanswers:\n  needs_private_knowledge: true\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["recommendation"], "rag");

    // A fresh command: reusing one would append these arguments to the first run's.
    let output = assert_cmd::Command::cargo_bin("shouldtune")
        .unwrap()
        .args(["evaluate", "-"])
        .write_stdin("name: [")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("<stdin>:1:"), "{}", stderr(&output));
}

#[test]
fn markdown_escapes_descriptor_text() {
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    let output = command
        .args(["evaluate", "-", "-f", "markdown"])
        .write_stdin("name: \"x | <script> # [y](z)\"\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
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
fn colour_only_when_asked_and_never_on_a_pipe() {
    // `NO_COLOR` is removed here, so only the pipe keeps `auto` plain; the
    // terminal side (colour by default, none with `NO_COLOR`) is the pty test
    // `ask::colour_on_a_terminal_unless_no_color`.
    let run = |args: &[&str]| {
        let output = assert_cmd::Command::cargo_bin("shouldtune")
            .unwrap()
            .current_dir(crate::root())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .args(args)
            .output()
            .unwrap();
        (output.status.code(), stdout(&output))
    };
    let (code, plain) = run(&["evaluate", EXAMPLE]);
    assert_eq!(code, Some(0));
    assert!(plain.contains("Recommendation") && !plain.contains('\u{1b}'), "a pipe gets no escapes: {plain}");
    let (code, forced) = run(&["evaluate", EXAMPLE, "--color", "always"]);
    assert_eq!(code, Some(0));
    assert!(forced.contains("\u{1b}["), "--color always colours");
    let (code, check) = run(&["check", "tests/fixtures/check/repo", "--color", "always"]);
    assert_eq!(code, Some(1), "the fixture repository has findings");
    assert!(check.contains("\u{1b}["));
    let (code, never) = run(&["evaluate", EXAMPLE, "--color", "never"]);
    assert_eq!(code, Some(0));
    assert!(!never.contains('\u{1b}'));
}

#[test]
fn a_close_call_says_so_and_names_the_answer_that_would_tip_it() {
    let file = "tests/fixtures/scenarios/close-call.llm-project.yaml";
    let json = shouldtune(&["evaluate", file, "-f", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["recommendation"], "rag");
    assert_eq!(report["margin"], 1);
    assert_eq!(report["close_call"], true);
    let first = &report["what_if"][0];
    assert_eq!(first["answer"], "deadline_weeks", "{report}");

    let table = shouldtune(&["evaluate", file]);
    assert_eq!(table.status.code(), Some(0));
    let text = stdout(&table).replace('\n', " ");
    assert!(text.contains("Close call: 1 point ahead of Prompt engineering."), "{text}");
    assert!(text.contains("One answer would tip it: if deadline_weeks were 3 (now 6)"), "{text}");

    let markdown = shouldtune(&["evaluate", file, "-f", "markdown"]);
    assert_eq!(markdown.status.code(), Some(0));
    assert!(stdout(&markdown).contains("_Close call: 1 point ahead of Prompt engineering."), "{}", stdout(&markdown));
}

#[test]
fn with_every_other_approach_vetoed_the_margin_is_null() {
    let file = "tests/fixtures/scenarios/only-one-left.llm-project.yaml";
    let json = shouldtune(&["evaluate", file, "-f", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["recommendation"], "rag");
    assert_eq!(report["margin"], serde_json::Value::Null);
    assert_eq!(report["close_call"], false);
    let table = shouldtune(&["evaluate", file]);
    assert!(stdout(&table).contains("Every other approach is ruled out."), "{}", stdout(&table));
}

#[test]
fn human_output_wraps_to_columns_else_80() {
    // A single word (a source's URL) cannot wrap without breaking it; every other line must fit.
    let widest = |output: &std::process::Output| {
        stdout(output).lines().filter(|l| l.trim().contains(' ')).map(|l| l.chars().count()).max().unwrap_or(0)
    };
    let at_80 = shouldtune(&["evaluate", EXAMPLE]);
    assert!(widest(&at_80) <= 80, "{}", stdout(&at_80));
    assert!(widest(&at_80) > 72, "long reasons use the width");
    let rules = shouldtune(&["rules", "show"]);
    assert!(widest(&rules) <= 80, "{}", stdout(&rules));
    let mut narrow = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    narrow.current_dir(crate::root()).env("NO_COLOR", "1").env("COLUMNS", "70").args(["evaluate", EXAMPLE]);
    let narrow = narrow.output().unwrap();
    assert_eq!(narrow.status.code(), Some(0));
    assert!(widest(&narrow) <= 70, "{}", stdout(&narrow));
    let mut rules = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    rules.current_dir(crate::root()).env("NO_COLOR", "1").env("COLUMNS", "70").args(["rules", "show"]);
    let rules = rules.output().unwrap();
    assert!(widest(&rules) <= 70, "{}", stdout(&rules));
}
