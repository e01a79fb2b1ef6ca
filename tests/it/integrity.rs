//! Hostile repositories and files: nothing outside the repository is quoted,
//! no input costs more than linear work, nothing reaching a terminal or a CI
//! log can steer it, and no exit status hides a failure.

use std::fmt::Write as _;
use std::path::Path;

use super::limits::{limited, write};

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
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
    assert!(all.contains("key `.5` appears twice"), "{all}");
}

/// Runs `shouldtune ARGS` from the repository root with standard output a
/// pipe whose reader is already gone, as under `| head -n 0`.
fn with_closed_stdout(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_shouldtune"));
    command
        .current_dir(crate::root())
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped());
    command.output().unwrap()
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

#[test]
fn a_closed_stdout_pipe_ends_quietly_when_the_report_went_through_a_temporary_file() {
    let dir = crate::ci_reports::large_reports();
    let path = dir.path().display().to_string();
    for format in ["junit", "markdown"] {
        let output = with_closed_stdout(&["check", &path, "-f", format]);
        assert_eq!(output.status.code(), Some(1), "check -f {format}: {output:?}");
        assert!(output.stderr.is_empty(), "check -f {format} ends quietly: {output:?}");
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

const SECRET: &str = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";

/// A repository (with `.git`) inside `outer`, beside a secret outside it.
fn repository_beside_a_secret(outer: &Path) -> std::path::PathBuf {
    let repo = outer.join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("a")).unwrap();
    write(&outer.join("credentials"), format!("{SECRET}\n").as_bytes());
    repo
}

#[cfg(unix)]
#[test]
fn descriptor_links_out_of_the_repository_are_refused_without_quoting_the_target() {
    let dir = tempdir();
    let repo = repository_beside_a_secret(dir.path());
    std::os::unix::fs::symlink(dir.path().join("credentials"), repo.join("a/llm-project.yaml")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("no-such-file"), repo.join("b.llm-project.yaml")).unwrap();
    std::os::unix::fs::symlink("../../credentials", repo.join("c.llm-project.yaml")).unwrap();
    for format in ["human", "github", "json", "sarif", "junit", "markdown"] {
        let output = limited(&repo, &format!("check . -f {format}"));
        let all = crate::unwrapped(&all_output(&output));
        assert_eq!(output.status.code(), Some(2), "{format}: {all}");
        assert!(!all.contains("wJalrXUtnFEMI") && !all.contains("AWS_SECRET"), "{format} leaks: {all}");
        // The same answer for an existing file outside and a missing one.
        for name in ["a/llm-project.yaml", "b.llm-project.yaml", "c.llm-project.yaml"] {
            let said = all.contains(&format!("`{name}` leads outside the repository"))
                || all.contains(&format!("\\`{name}\\` leads outside the repository"));
            assert!(said, "{format} {name}: {all}");
        }
    }
    // Named on the command line, a link out of the repository is refused too.
    let output = limited(&repo, "check a/llm-project.yaml");
    assert_eq!(output.status.code(), Some(2));
    assert!(!all_output(&output).contains("AWS_SECRET"), "{}", all_output(&output));
}

#[test]
fn files_that_are_not_yaml_mappings_are_quoted_only_briefly() {
    let dir = tempdir();
    write(&dir.path().join("llm-project.yaml"), format!("{SECRET}\n").as_bytes());
    for args in ["evaluate llm-project.yaml", "check .", "check . -f github", "check . -f json"] {
        let output = limited(dir.path(), args);
        let all = crate::unwrapped(&all_output(&output));
        assert_eq!(output.status.code(), Some(2), "{args}: {all}");
        assert!(all.contains("expected a mapping at the top level, found a string"), "{args}: {all}");
        assert!(!all.contains("wJalrXUtnFEMI"), "{args} quotes more than the start of the line: {all}");
    }
}

#[test]
fn overlays_outside_the_repository_get_one_answer_whether_they_exist_or_not() {
    let dir = tempdir();
    let repo = repository_beside_a_secret(dir.path());
    let descriptor = std::fs::read_to_string(crate::root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    let mut answers = Vec::new();
    for (name, overlay) in [("x", "../credentials"), ("y", "../credential2")] {
        let file = format!("{name}.llm-project.yaml");
        write(&repo.join(&file), format!("rules: [\"{overlay}\"]\n{descriptor}").as_bytes());
        let output = limited(&repo, &format!("check {file}"));
        let all = crate::unwrapped(&all_output(&output));
        assert_eq!(output.status.code(), Some(2), "{all}");
        assert!(!all.contains("wJalrXUtnFEMI"), "{all}");
        answers.push(all.replace(&file, "F").replace(overlay, "O"));
    }
    assert_eq!(answers[0], answers[1], "existence outside the repository must not show");
    assert!(
        answers[0].contains("F:1:9: error[outside-repository]: rule file `O` is outside the repository"),
        "{}",
        answers[0]
    );
}

#[cfg(unix)]
#[test]
fn pipe_and_directory_overlays_are_reported_at_their_entry() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    std::fs::create_dir(d.join("rules-dir")).unwrap();
    let made = std::process::Command::new("mkfifo").arg(d.join("rules-fifo.yaml")).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    let descriptor = std::fs::read_to_string(crate::root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    write(&d.join("llm-project.yaml"), format!("rules:\n  - rules-dir\n  - rules-fifo.yaml\n{descriptor}").as_bytes());
    let output = limited(d, "check llm-project.yaml");
    let out = crate::unwrapped(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("llm-project.yaml:2:5: error[io-error]: rule file `rules-dir` is a directory"), "{out}");
    assert!(
        out.contains("llm-project.yaml:3:5: error[io-error]: rule file `rules-fifo.yaml` is not a regular file"),
        "{out}"
    );
    assert!(!out.contains(&d.display().to_string()), "no absolute paths: {out}");
}

#[cfg(unix)]
#[test]
fn discovery_reports_what_it_cannot_check_and_keeps_odd_names_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempdir();
    let d = dir.path();
    let fixture = |name: &str| std::fs::read(crate::root().join("tests/fixtures/check/repo").join(name)).unwrap();
    // Two directories whose names differ only in a byte that is not UTF-8:
    // one holds a clean descriptor, the other a plan the rules contradict.
    let latin1 = d.join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    let other = d.join(std::ffi::OsStr::from_bytes(b"caf\xe8"));
    std::fs::create_dir(&latin1).unwrap();
    std::fs::create_dir(&other).unwrap();
    write(&latin1.join("llm-project.yaml"), &fixture("llm-project.yaml"));
    write(&other.join("llm-project.yaml"), &fixture("services/search/search.llm-project.yaml"));
    let output = limited(d, "check . -f json");
    assert_eq!(output.status.code(), Some(1), "the contradicted plan fails the gate: {}", all_output(&output));
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = run["results"].as_array().unwrap().iter().filter_map(|r| r["path"].as_str()).collect();
    assert_eq!(paths, ["caf\\xe8/llm-project.yaml", "caf\\xe9/llm-project.yaml"]);

    // A pipe, a dangling link and a link loop with descriptors' names: each reported.
    let made = std::process::Command::new("mkfifo").arg(d.join("llm-project.yaml")).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    std::os::unix::fs::symlink("gone.yaml", d.join("dangling.llm-project.yaml")).unwrap();
    std::os::unix::fs::symlink("loop.llm-project.yaml", d.join("loop.llm-project.yaml")).unwrap();
    let output = limited(d, "check .");
    let out = crate::unwrapped(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(output.status.code(), Some(2), "{out}");
    for expected in [
        "dangling.llm-project.yaml:1:1: error[io-error]: cannot read `dangling.llm-project.yaml`: no such file",
        "loop.llm-project.yaml:1:1: error[io-error]: cannot read `loop.llm-project.yaml`",
        "llm-project.yaml:1:1: error[io-error]: `llm-project.yaml` is not a regular file",
        "5 files",
    ] {
        assert!(out.contains(expected), "{expected}: {out}");
    }
}

/// Files on pseudo file systems can block or never end: refused, not read.
#[cfg(target_os = "linux")]
#[test]
fn files_on_pseudo_file_systems_are_refused() {
    let dir = tempdir();
    for args in ["evaluate /proc/self/status", "check /proc/self/status", "evaluate --rules /proc/self/environ x.yaml"]
    {
        let output = limited(dir.path(), args);
        let all = crate::unwrapped(&all_output(&output));
        assert_eq!(output.status.code(), Some(2), "{args}: {all}");
        assert!(all.contains("pseudo file system (/proc)"), "{args}: {all}");
    }
}

/// An overlay with hundreds of long rules: the what-if search stops at its
/// budget and says so, instead of running for minutes per descriptor.
#[test]
fn the_what_if_search_has_a_budget_and_says_when_it_was_cut_short() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    let mut rules = String::from("extends: default\nrules:\n");
    let mut n = 0_u64;
    while rules.len() < 1_000_000 {
        let terms: Vec<String> = (0..120).map(|t| format!("examples_available == {}", 20_000 + n * 1000 + t)).collect();
        let _ = writeln!(
            rules,
            "  - {{ id: r{n}, title: T, when: \"{}\", effects: {{ rag: 1 }}, because: x, source: y }}",
            terms.join(" or ")
        );
        n += 1;
    }
    write(&d.join("big.yaml"), rules.as_bytes());
    let descriptor = std::fs::read_to_string(crate::root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    write(&d.join("llm-project.yaml"), format!("rules: [big.yaml]\n{descriptor}").as_bytes());
    let output = limited(d, "evaluate llm-project.yaml -f json");
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["what_if_truncated"], true, "{report}");
    let output = limited(d, "check llm-project.yaml -f json");
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(run["results"][0]["what_if_truncated"], true, "{}", all_output(&output));
    for format in ["table", "markdown", "html", "adr"] {
        let output = limited(d, &format!("evaluate llm-project.yaml -f {format}"));
        assert!(String::from_utf8_lossy(&output.stdout).contains("was cut short"), "{format}: {}", all_output(&output));
    }
    // The default rules are searched in full: no flag.
    let plain = crate::shouldtune(&["evaluate", "tests/fixtures/check/repo/llm-project.yaml", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(report.get("what_if_truncated").is_none(), "{report}");
}

/// A descriptor-named overlay that switches off the safety rules and adds a
/// large fine-tuning weight is named in every format, and `--no-overlays` refuses it.
#[test]
fn overlays_in_force_are_named_in_every_format_and_can_be_refused() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    write(
        &d.join("lenient.yaml"),
        b"extends: default\ndisable: [knowledge-needs-retrieval]\nrules:\n  - { id: push-ft, title: T, when: \"true\", effects: { fine_tuning: 100 }, because: x, source: y }\n",
    );
    let descriptor = std::fs::read_to_string(crate::root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    write(&d.join("llm-project.yaml"), format!("rules: [lenient.yaml]\n{descriptor}").as_bytes());
    for format in ["table", "markdown", "json", "html", "adr"] {
        let output = limited(d, &format!("evaluate llm-project.yaml -f {format}"));
        let out = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{format}: {}", all_output(&output));
        assert!(out.contains("lenient.yaml") && out.contains("knowledge-needs-retrieval"), "{format}: {out}");
        assert!(out.contains("push") && out.contains("ft"), "{format}: {out}");
    }
    let output = limited(d, "evaluate llm-project.yaml -f json");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["overlays"],
        serde_json::json!([{ "file": "lenient.yaml", "disabled": ["knowledge-needs-retrieval"], "overridden": [], "added": ["push-ft"] }])
    );
    for format in ["human", "github", "json", "sarif", "junit", "markdown"] {
        let output = limited(d, &format!("check llm-project.yaml -f {format}"));
        let out = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "notes do not fail the check ({format}): {}", all_output(&output));
        assert!(out.contains("overlay-in-force") && out.contains("lenient.yaml"), "{format}: {out}");
        assert!(out.contains("knowledge-needs-retrieval"), "{format}: {out}");
    }
    let output = limited(d, "check llm-project.yaml -f sarif");
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["properties"]["overlays"][0]["file"], "lenient.yaml", "{sarif}");
    assert_eq!(sarif["runs"][0]["properties"]["overlays"][0]["disabled"][0], "knowledge-needs-retrieval");
    let output = limited(d, "check llm-project.yaml --no-overlays");
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("llm-project.yaml:1:9: error[overlay-refused]") && out.contains("`lenient.yaml`"), "{out}");
    // Without overlays, nothing is said about them.
    let plain = crate::shouldtune(&["check", "tests/fixtures/check/repo/llm-project.yaml", "--no-overlays"]);
    assert_eq!(plain.status.code(), Some(0), "{}", crate::stdout(&plain));
    assert!(!crate::stdout(&plain).contains("overlay"), "{}", crate::stdout(&plain));
}

/// Mentions and bare links in descriptor text cannot ping anyone or link
/// anywhere from a pull-request comment, and stay readable.
#[test]
fn markdown_neutralises_mentions_and_bare_links_from_files() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    let descriptor = std::fs::read_to_string(crate::root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    let named =
        descriptor.replacen("name: ", "name: \"cc @alice @org/team see https://evil.test www.evil.test\"\n#", 1);
    write(&d.join("llm-project.yaml"), named.as_bytes());
    for command in ["evaluate llm-project.yaml -f markdown", "evaluate llm-project.yaml -f adr"] {
        let output = limited(d, command);
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.code().is_some_and(|c| c < 2), "{command}: {}", all_output(&output));
        assert!(out.contains("cc @<!-- -->alice @<!-- -->org/team"), "{command}: {out}");
        assert!(out.contains("https<!-- -->://evil.test www<!-- -->.evil.test"), "{command}: {out}");
        for live in ["@alice", "@org", "https://evil", "www.evil"] {
            assert!(!out.contains(live), "{command}: `{live}` left live: {out}");
        }
    }
}

/// A number is quoted as written: `20.0`, `-0.0` and 2^70 are not rounded or shortened.
#[test]
fn numbers_in_messages_read_as_written() {
    let dir = tempdir();
    for written in ["20.0", "-0.0", "1180591620717411303424", "1.5e3"] {
        let file = dir.path().join("n.yaml");
        write(&file, format!("name: n\nanswers:\n  deadline_weeks: {written}\n").as_bytes());
        let output = limited(dir.path(), "evaluate n.yaml");
        assert_eq!(output.status.code(), Some(2));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(&format!("found a number `{written}`")), "{written}: {err}");
    }
}

/// An unknown key inside a question is reported once.
#[test]
fn an_unknown_key_in_a_question_is_reported_once() {
    let dir = tempdir();
    write(
        &dir.path().join("o.yaml"),
        b"extends: default\nquestions:\n  - id: q1\n    text: T\n    type: boolean\n    default: false\n    bogus: 1\n",
    );
    write(&dir.path().join("d.yaml"), b"name: d\nanswers: {}\n");
    let output = limited(dir.path(), "evaluate d.yaml --rules o.yaml");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(err.matches("error[unknown-key]").count(), 1, "{err}");
    assert!(err.contains("unknown key `bogus` in a question"), "{err}");
}

/// Old Mac line endings (CR alone): a leading comment does not swallow the
/// file, and `evaluate` and `check` give the same position.
#[test]
fn cr_only_line_endings_read_as_lines() {
    let dir = tempdir();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    write(&d.join("ok.llm-project.yaml"), b"# a comment\rname: ok\ranswers:\r  task_type: qa\r");
    let output = limited(d, "evaluate ok.llm-project.yaml -f json");
    assert_eq!(output.status.code(), Some(0), "{}", all_output(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["name"], "ok");
    write(&d.join("bad.llm-project.yaml"), b"name: bad\ranswers:\r  task_type: bogus\r");
    let evaluate = limited(d, "evaluate bad.llm-project.yaml");
    assert!(
        String::from_utf8_lossy(&evaluate.stderr).contains("bad.llm-project.yaml:3:14"),
        "{}",
        all_output(&evaluate)
    );
    let check = limited(d, "check bad.llm-project.yaml");
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("bad.llm-project.yaml:3:14: error[unknown-choice]"),
        "{}",
        all_output(&check)
    );
}
