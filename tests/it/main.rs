//! CLI tests: the real binary on fixtures under `tests/fixtures/`.

mod action;
#[cfg(unix)]
mod ask;
mod bad_input;
mod check;
mod ci_reports;
mod cli;
mod cost;
mod evaluate;
mod explain;
mod integrity;
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
    let mut command = Command::cargo_bin("shouldtune").unwrap_or_else(|e| unreachable!("{e}"));
    command.current_dir(dir).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env_remove("COLUMNS").args(args);
    command.timeout(std::time::Duration::from_mins(2));
    command.output().unwrap_or_else(|e| unreachable!("{e}"))
}

/// Standard output as text.
fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
