//! Hostile repositories and files: nothing outside the repository is quoted,
//! no input costs more than linear work, nothing reaching a terminal or a CI
//! log can steer it, and no exit status hides a failure.

use std::fmt::Write as _;
use std::path::Path;

use super::limits::{limited, write};

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"))
}

fn all_output(output: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// 1 MiB mappings of distinct float keys and of distinct collection keys:
/// the duplicate-key check stays linear (a quadratic one takes minutes here).
#[test]
fn float_and_collection_keys_are_checked_in_linear_time() {
    let dir = tempdir();
    let d: &Path = dir.path();
    let mut floats = String::from("name: x\n");
    let mut i = 0_u64;
    while floats.len() < 1_000_000 {
        let _ = writeln!(floats, "{i}.5: 0");
        i += 1;
    }
    write(&d.join("floats.llm-project.yaml"), floats.as_bytes());
    let mut lists = String::from("name: x\n");
    let mut i = 0_u64;
    while lists.len() < 1_000_000 {
        let _ = write!(lists, "? [{i}, {{k: {i}}}]\n: 0\n");
        i += 1;
    }
    write(&d.join("lists.llm-project.yaml"), lists.as_bytes());
    for file in ["floats.llm-project.yaml", "lists.llm-project.yaml"] {
        for command in ["evaluate", "check"] {
            let output = limited(d, &format!("{command} {file}"));
            let all = all_output(&output);
            assert_eq!(output.status.code(), Some(2), "{command} {file}: {all}");
            assert!(all.contains("unknown-key") || all.contains("wrong-type"), "{command} {file}: {all}");
        }
    }
    // A repeated float key is a duplicate, however it is spelled.
    write(&d.join("dup.llm-project.yaml"), format!("{floats}.5: 1\n").as_bytes());
    let output = limited(d, "check dup.llm-project.yaml");
    let all = all_output(&output);
    assert_eq!(output.status.code(), Some(2), "{all}");
    assert!(all.contains("key `0.5` appears twice"), "{all}");
}

/// Runs `shouldtune ARGS` from the repository root with standard output a
/// pipe whose reader is already gone, as under `| head -n 0`.
fn with_closed_stdout(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap_or_else(|e| unreachable!("{e}"));
    drop(reader);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_shouldtune"));
    command
        .current_dir(crate::root())
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped());
    command.output().unwrap_or_else(|e| unreachable!("{e}"))
}

#[test]
fn a_closed_stdout_pipe_keeps_the_status_the_run_reached() {
    let failing = "tests/fixtures/check/repo";
    for format in ["human", "github", "json", "sarif", "junit", "markdown"] {
        let output = with_closed_stdout(&["check", failing, "-f", format]);
        assert_eq!(output.status.code(), Some(1), "check -f {format}: {output:?}");
        assert!(output.stderr.is_empty(), "check -f {format} ends quietly: {output:?}");
    }
    let broken = with_closed_stdout(&["check", "tests/fixtures/check/mixed", "-f", "github"]);
    assert_eq!(broken.status.code(), Some(2), "{broken:?}");
    for args in [
        &["schema", "report"][..],
        &["evaluate", "tests/fixtures/check/repo/llm-project.yaml", "-f", "json"],
        &["check", "tests/fixtures/check/repo/llm-project.yaml", "-f", "json"],
    ] {
        let output = with_closed_stdout(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {output:?}");
        assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    }
}

/// Bytes that must never reach a terminal or a log from a file: ESC, BEL,
/// CSI (C1), a bidirectional override and a zero-width space.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}', '\r'] {
        assert!(!text.contains(bad), "{what} holds {bad:?}: {text}");
    }
    for line in text.lines() {
        assert!(!line.starts_with("::"), "{what} has a line a CI runner would obey: {line}");
    }
}

#[test]
fn control_characters_from_files_reach_stderr_escaped() {
    let dir = tempdir();
    let d = dir.path();
    // A key that clears the screen, sets the window title, rings the bell,
    // forges a workflow command on a line of its own and reverses text.
    let key = r#""\e[2J\e]0;pwned\a\x9b1m\n::error::all checks passed\r::warning::x\u202Ecba\u200B""#;
    let text = format!("name: demo\n{key}: 1\n");
    write(&d.join("llm-project.yaml"), text.as_bytes());
    // The same characters raw in the file, where the snippet shows them.
    write(&d.join("raw.llm-project.yaml"), "name: demo\nbad\u{1b}]0;t\u{7}\u{202e}: 1\n".as_bytes());
    for args in [
        "evaluate llm-project.yaml",
        "evaluate raw.llm-project.yaml",
        "check llm-project.yaml",
        "check raw.llm-project.yaml",
        "check . -f github",
        "check . -f json",
    ] {
        let output = limited(d, args);
        assert_eq!(output.status.code(), Some(2), "{args}: {}", all_output(&output));
        assert_inert(&format!("{args} (stderr)"), &output.stderr);
        if !args.contains("-f") {
            assert_inert(&format!("{args} (stdout)"), &output.stdout);
        }
        let all = all_output(&output);
        assert!(all.contains("unknown-key") || all.contains("yaml-syntax"), "{args}: {all}");
    }
    let output = limited(d, "evaluate raw.llm-project.yaml");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("bad\\u{1b}]0;t\\u{7}\\u{202e}"), "shown, escaped: {err}");
}
