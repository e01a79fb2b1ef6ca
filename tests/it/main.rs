//! CLI tests: the real binary on fixtures under `tests/fixtures/`.
// An integration-test crate is test code throughout; clippy.toml allows
// unwrap/expect/panic inside `#[test]` functions, and this extends that to
// the helpers they share, so a failed step panics with its error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod action;
mod architecture;
#[cfg(unix)]
mod ask;
mod bad_input;
mod check;
mod ci_reports;
mod cli;
mod cost;
mod evaluate;
mod explain;
mod floor;
mod help_ja;
mod integrity;
mod lang;
mod lang_errors;
mod limits;
mod overlays;
mod plan;
mod reports;
mod rule_errors;
mod rules_cmd;
mod scenarios;
#[cfg(unix)]
mod serve;
mod sources;

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `shouldtune ARGS` run from the repository root with colour off.
fn shouldtune(args: &[&str]) -> Output {
    shouldtune_in(&root(), args)
}

/// `shouldtune ARGS` run from `dir` with colour off.
fn shouldtune_in(dir: &std::path::Path, args: &[&str]) -> Output {
    shouldtune_with(dir, &[], args)
}

/// `shouldtune ARGS` run from the repository root with colour off and
/// exactly these language variables set.
fn with_env(vars: &[(&str, &str)], args: &[&str]) -> Output {
    shouldtune_with(&root(), vars, args)
}

fn shouldtune_with(dir: &std::path::Path, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::cargo_bin("shouldtune").unwrap();
    command.current_dir(dir).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env_remove("COLUMNS").args(args);
    // English unless a test says otherwise, whatever the locale the tests run in.
    for name in LANGUAGE_VARIABLES {
        command.env_remove(name);
    }
    for (name, value) in vars {
        command.env(name, value);
    }
    command.timeout(std::time::Duration::from_mins(2));
    command.output().unwrap_or_else(|e| panic!("cannot run: {e}"))
}

/// `shouldtune ARGS` that must exit 0: its standard output, or a failure showing standard error.
fn succeed(args: &[&str]) -> String {
    let output = shouldtune(args);
    assert_eq!(output.status.code(), Some(0), "shouldtune {args:?}: {}", stderr(&output));
    stdout(&output)
}

/// The variables that choose the language of messages.
const LANGUAGE_VARIABLES: [&str; 4] = ["SHOULDTUNE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// Standard output as text.
fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `check`'s human output with its wrapped lines joined again, for finding a whole message in it.
fn unwrapped(text: &str) -> String {
    text.replace("\n    ", " ")
}

/// Standard error as text.
fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
