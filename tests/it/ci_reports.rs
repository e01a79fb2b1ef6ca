//! `check` reports for CI: several formats in one run, valid documents
//! whatever happens, paths relative to the repository root, GitLab Code
//! Quality, `--quiet`.

use std::path::Path;
use std::process::Output;

use crate::{root, shouldtune, shouldtune_in, stderr, stdout};

const REPO: &str = "tests/fixtures/check/repo";
const FORMATS: [&str; 7] = ["human", "json", "sarif", "github", "junit", "markdown", "gitlab"];

fn write(path: &Path, text: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema_validator(file: &str) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&read(&root().join(file))).unwrap_or_else(|e| panic!("{file}: {e}"));
    jsonschema::draft7::new(&schema).unwrap()
}

/// Parses `text` as `format` strictly and checks it against its schema where
/// there is one; returns the parsed JSON for JSON formats.
fn assert_valid(format: &str, text: &str) -> serde_json::Value {
    match format {
        "json" | "sarif" | "gitlab" => {
            let value: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{format}: {e}\n{text}"));
            let validator = match format {
                "sarif" => Some(schema_validator("tests/sarif-schema-2.1.0.json")),
                "gitlab" => Some(schema_validator("tests/gitlab-codequality.schema.json")),
                _ => None,
            };
            if let Some(validator) = validator {
                let errors: Vec<String> =
                    validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
                assert!(errors.is_empty(), "{format}: {errors:#?}\n{text}");
            }
            value
        }
        "junit" => {
            let document = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("junit: {e}\n{text}"));
            assert_eq!(document.root_element().tag_name().name(), "testsuites");
            serde_json::Value::Null
        }
        "markdown" => {
            assert!(text.starts_with("## shouldtune check\n"), "{text}");
            serde_json::Value::Null
        }
        "github" => {
            for line in text.lines() {
                assert!(
                    line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice ")
                );
            }
            serde_json::Value::Null
        }
        _ => serde_json::Value::Null,
    }
}

fn check_all_formats(dir: &Path, args: &[&str]) -> (Output, Vec<(&'static str, String)>) {
    let out = tempfile::tempdir().unwrap();
    let mut full: Vec<String> = ["check"].iter().chain(args).map(|s| (*s).to_owned()).collect();
    for format in FORMATS {
        full.push("-o".to_owned());
        full.push(format!("{format}={}", out.path().join(format).display()));
    }
    let full: Vec<&str> = full.iter().map(String::as_str).collect();
    let output = shouldtune_in(dir, &full);
    let reports = FORMATS.iter().map(|&f| (f, read(&out.path().join(f)))).collect();
    (output, reports)
}

#[test]
fn one_run_writes_every_report_and_each_matches_its_format_on_stdout() {
    let (output, reports) = check_all_formats(&root(), &[REPO, "-f", "github"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("::"), "--format still goes to stdout");
    for (format, text) in &reports {
        let alone = shouldtune(&["check", REPO, "-f", format]);
        assert_eq!(&stdout(&alone), text, "{format}: -o writes what --format prints");
        assert_valid(format, text);
    }
}

#[test]
fn reports_are_written_when_the_run_fails_and_replace_what_was_there() {
    let out = tempfile::tempdir().unwrap();
    let sarif = out.path().join("shouldtune.sarif");
    write(&sarif, b"stale");
    let target = format!("sarif={}", sarif.display());
    let output = shouldtune(&["check", "tests/fixtures/check/mixed", "-o", &target]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let log = assert_valid("sarif", &read(&sarif));
    assert!(log["runs"][0]["results"].as_array().is_some_and(|r| !r.is_empty()));
    let leftovers: Vec<_> =
        std::fs::read_dir(out.path()).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");

    // A destination that cannot be written is refused before any work.
    let bad = format!("json={}", out.path().join("no/such/dir/report.json").display());
    let output = shouldtune(&["check", REPO, "-o", &bad]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot write"), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    for wrong in ["sarif", "xml=out.xml", "sarif="] {
        let output = shouldtune(&["check", REPO, "-o", wrong]);
        assert_eq!(output.status.code(), Some(2), "{wrong}");
        assert!(stderr(&output).contains("FORMAT=PATH") || stderr(&output).contains("format"), "{}", stderr(&output));
    }
}

#[test]
fn no_descriptor_passes_with_a_notice_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("README.md"), b"nothing here");
    let (output, reports) = check_all_formats(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    for (format, text) in &reports {
        let parsed = assert_valid(format, text);
        assert!(text.contains("no-descriptor") && text.contains("no descriptor found"), "{format}: {text}");
        match *format {
            "sarif" => {
                let invocation = &parsed["runs"][0]["invocations"][0];
                assert_eq!(invocation["executionSuccessful"], true);
                assert_eq!(invocation["toolExecutionNotifications"][0]["level"], "note");
                assert_eq!(parsed["runs"][0]["results"], serde_json::json!([]));
            }
            "json" => {
                assert_eq!(parsed["notices"][0]["id"], "no-descriptor");
                assert_eq!(parsed["summary"]["files"], 0);
            }
            "gitlab" => assert_eq!(parsed[0]["severity"], "info"),
            _ => {}
        }
    }
}

#[test]
fn a_path_that_does_not_exist_fails_with_valid_reports_naming_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (output, reports) = check_all_formats(dir.path(), &["does/not/exist"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read `does/not/exist`"), "{}", stderr(&output));
    for (format, text) in &reports {
        let parsed = assert_valid(format, text);
        if *format != "human" {
            assert!(text.contains("does/not/exist"), "{format}: {text}");
        }
        if *format == "sarif" {
            let invocation = &parsed["runs"][0]["invocations"][0];
            assert_eq!(invocation["executionSuccessful"], false);
            let notification = &invocation["toolExecutionNotifications"][0];
            assert_eq!(notification["level"], "error");
            assert_eq!(notification["associatedRule"]["id"], "io-error");
            assert!(notification["message"]["text"].as_str().unwrap().contains("no such file"));
        }
        if *format == "junit" {
            assert!(text.contains(r#"errors="1""#) && text.contains("<error "), "{text}");
        }
    }

    // Rule files that do not load are the same kind of failure.
    write(&dir.path().join("llm-project.yaml"), read(&root().join(REPO).join("llm-project.yaml")).as_bytes());
    write(&dir.path().join("bad-rules.yaml"), b"rules: [");
    let (output, reports) = check_all_formats(dir.path(), &["--rules", "bad-rules.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    for (format, text) in &reports {
        assert_valid(format, text);
        if *format != "human" {
            assert!(text.contains("yaml-syntax"), "{format}: {text}");
        }
    }
}

#[test]
fn only_unreadable_files_still_give_valid_reports() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a/llm-project.yaml"), b"name: \xff\xfe broken\n");
    write(&dir.path().join("b/llm-project.yaml"), b"name: [unclosed\n");
    let (output, reports) = check_all_formats(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    for (format, text) in &reports {
        let parsed = assert_valid(format, text);
        match *format {
            "json" => assert_eq!(parsed["summary"]["failed"], 2),
            "markdown" | "human" => assert!(text.contains("2 could not be checked"), "{format}: {text}"),
            "junit" => assert!(text.contains(r#"tests="2" failures="0" errors="2""#), "{text}"),
            "sarif" => assert_eq!(parsed["runs"][0]["results"].as_array().map_or(0, Vec::len), 2),
            _ => {}
        }
    }
}

/// A repository with a descriptor two levels down, checked from several places.
fn nested_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = read(&root().join("tests/fixtures/check/repo/services/search/search.llm-project.yaml"));
    write(&dir.path().join("repo/services/search/llm-project.yaml"), text.as_bytes());
    std::fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
    dir
}

fn sarif_uris(output: &Output) -> Vec<(String, String)> {
    let log = assert_valid("sarif", &stdout(output));
    log["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            (location["uri"].as_str().unwrap().to_owned(), location["uriBaseId"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn sarif_and_gitlab_paths_are_relative_to_the_repository_root_wherever_the_run_starts() {
    let dir = nested_repository();
    let repo = dir.path().join("repo");
    let expected = ("services/search/llm-project.yaml".to_owned(), "%SRCROOT%".to_owned());
    for (cwd, path) in [(repo.join("services/search"), "."), (repo.join("services"), "search"), (repo.clone(), ".")] {
        let output = shouldtune_in(&cwd, &["check", path, "-f", "sarif"]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let uris = sarif_uris(&output);
        assert!(!uris.is_empty() && uris.iter().all(|u| *u == expected), "from {}: {uris:?}", cwd.display());
        let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap().to_owned();
        assert!(base.starts_with("file:///") && base.ends_with("/repo/"), "{base}");

        let output = shouldtune_in(&cwd, &["check", path, "-f", "gitlab"]);
        let report = assert_valid("gitlab", &stdout(&output));
        assert_eq!(report[0]["location"]["path"], "services/search/llm-project.yaml");
    }
    // Started outside the repository: the checked path's repository is the root.
    let output = shouldtune_in(dir.path(), &["check", "repo/services", "-f", "sarif"]);
    assert!(sarif_uris(&output).iter().all(|u| *u == expected), "{:?}", sarif_uris(&output));
    // `--root` wins over `.git`.
    let output = shouldtune_in(&repo.join("services"), &["check", "search", "-f", "sarif", "--root", "."]);
    assert!(sarif_uris(&output).iter().all(|u| u.0 == "search/llm-project.yaml"), "{:?}", sarif_uris(&output));
    let output = shouldtune_in(&repo, &["check", "--root", "no-such-dir"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`--root no-such-dir` is not a directory"), "{}", stderr(&output));
}

#[test]
fn gitlab_code_quality_has_the_documented_fields_and_unique_fingerprints() {
    let output = shouldtune(&["check", REPO, "tests/fixtures/scenarios", "tests/fixtures/check/mixed", "-f", "gitlab"]);
    assert_eq!(output.status.code(), Some(2));
    let report = assert_valid("gitlab", &stdout(&output));
    let issues = report.as_array().cloned().unwrap();
    assert!(issues.len() > 5, "{issues:?}");
    let mut fingerprints: Vec<&str> = issues.iter().filter_map(|i| i["fingerprint"].as_str()).collect();
    let count = fingerprints.len();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), count, "fingerprints are unique");
    let search = issues
        .iter()
        .find(|i| {
            i["check_name"] == "plan-contradicts-recommendation"
                && i["location"]["path"] == "tests/fixtures/check/repo/services/search/search.llm-project.yaml"
        })
        .unwrap_or_else(|| panic!("{issues:#?}"));
    assert_eq!(search["severity"], "major");
    assert_eq!(search["location"]["lines"]["begin"], 11);
    assert!(issues.iter().any(|i| i["check_name"] == "plan-missing-combination" && i["severity"] == "minor"));
    assert!(issues.iter().any(|i| i["check_name"] == "no-plan" && i["severity"] == "info"));
    assert!(issues.iter().any(|i| i["check_name"] == "yaml-syntax" && i["severity"] == "major"));
    // The same input gives the same fingerprints.
    let again = shouldtune(&["check", REPO, "tests/fixtures/scenarios", "tests/fixtures/check/mixed", "-f", "gitlab"]);
    assert_eq!(again.stdout, output.stdout);
}

#[test]
fn quiet_prints_nothing_but_keeps_exit_codes_errors_and_files() {
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("report.json");
    let target = format!("json={}", json.display());
    let output = shouldtune(&["check", REPO, "--quiet", "-o", &target]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty() && output.stderr.is_empty(), "{}", stdout(&output));
    assert_valid("json", &read(&json));
    let output = shouldtune(&["-q", "check", "does/not/exist"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("cannot read `does/not/exist`"));
    let output = shouldtune(&["evaluate", "examples/llm-project.yaml", "-q"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let output = shouldtune(&["evaluate", "tests/fixtures/bad/unknown-question.yaml", "--quiet"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty() && stderr(&output).contains("unknown-question"));
}

/// Descriptors whose reports are large enough that `JUnit` and Markdown move
/// their per-file text to a temporary file: 150 descriptors with unanswered
/// questions under a 2,500-character path (about 8 KB of `JUnit` and 7 KB of
/// Markdown each).
pub(crate) fn large_reports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let long = vec!["p".repeat(250); 10].join("/");
    for i in 0..150 {
        write(&dir.path().join(format!("{long}/d{i:03}/llm-project.yaml")), b"name: unanswered\n");
    }
    std::fs::create_dir(dir.path().join("tmp")).unwrap();
    dir
}

fn check_with_tmpdir(dir: &Path, tmpdir: &Path, args: &[&str]) -> Output {
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    command.current_dir(dir).env("NO_COLOR", "1").env("TMPDIR", tmpdir).env("SHOULDTUNE_LANG", "en");
    command.arg("check").args(args).timeout(std::time::Duration::from_mins(2));
    command.output().unwrap()
}

#[test]
fn large_junit_and_markdown_reports_pass_through_a_temporary_file_and_fail_cleanly_without_one() {
    let dir = large_reports();
    let d = dir.path();
    for format in ["junit", "markdown"] {
        let output = check_with_tmpdir(d, &d.join("tmp"), &[".", "-f", format]);
        assert_eq!(output.status.code(), Some(1), "{format}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(text.len() > 300_000, "{format}: {} bytes, enough to leave memory", text.len());
        assert_valid(format, &text);
        let mut at = 0;
        for i in 0..150 {
            let path = format!("/d{i:03}/llm-project.yaml");
            at += text[at..].find(&path).unwrap_or_else(|| panic!("{format}: {path} in order"));
        }
        if format == "junit" {
            assert_eq!(text.matches("<testcase ").count(), 150);
            assert!(
                text.contains(r#"<testsuites name="shouldtune" tests="150" failures="150" errors="0">"#),
                "{text:.300}"
            );
        } else {
            assert_eq!(text.matches("\n### ").count(), 150);
        }
        assert_eq!(std::fs::read_dir(d.join("tmp")).unwrap().count(), 0, "{format}: nothing left behind");

        // No temporary directory: an error naming the temporary file, no partial report.
        let missing = d.join("no-such-dir");
        let output = check_with_tmpdir(d, &missing, &[".", "-f", format]);
        assert_eq!(output.status.code(), Some(2), "{format}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{format}: {}", stdout(&output));
        let message = stderr(&output);
        assert!(message.starts_with("error: cannot write output: the temporary file holding the "), "{message}");
        assert!(message.contains("no-such-dir") && message.contains("could not be created"), "{message}");
        assert!(!message.contains("panicked"), "{message}");

        // A `-o` report that cannot be written is named and not created; the other report is written.
        let report = d.join(format!("report.{format}"));
        let target = format!("{format}={}", report.display());
        let output = check_with_tmpdir(d, &missing, &[".", "-f", "github", "-o", &target]);
        assert_eq!(output.status.code(), Some(2), "{format}: {}", stderr(&output));
        let github = stdout(&output);
        assert_eq!(github.lines().filter(|l| l.starts_with("::error ")).count(), 150, "{format}: {github}");
        assert_valid("github", &stdout(&output));
        let message = stderr(&output);
        assert!(
            message.contains(&format!("cannot write `{}`: the temporary file holding", report.display())),
            "{message}"
        );
        assert!(!report.exists(), "{format}: no half-written report");
    }
}
