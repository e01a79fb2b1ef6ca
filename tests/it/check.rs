//! `check`: discovery, findings, exit codes, formats and escaping.

use std::path::Path;

use crate::{root, shouldtune, shouldtune_in, stderr, stdout};

const REPO: &str = "tests/fixtures/check/repo";

fn json(args: &[&str]) -> serde_json::Value {
    let mut full = vec!["check"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--format", "json"]);
    let output = shouldtune(&full);
    // 0 (passed) or 1 (findings): a run that could not check (2) is never a JSON to inspect.
    assert!(matches!(output.status.code(), Some(0 | 1)), "{full:?}: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

/// (file, finding id, severity, line, column) of every finding in a JSON run.
fn findings(run: &serde_json::Value) -> Vec<(String, String, String, u64, u64)> {
    let mut out = Vec::new();
    for result in run["results"].as_array().unwrap() {
        for f in result["findings"].as_array().unwrap() {
            out.push((
                result["path"].as_str().unwrap().to_owned(),
                f["id"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            ));
        }
    }
    out
}

fn has(all: &[(String, String, String, u64, u64)], file: &str, id: &str, severity: &str, line: u64) -> bool {
    all.iter().any(|(f, i, s, l, _)| f.ends_with(file) && i == id && s == severity && *l == line)
}

#[test]
fn every_finding_kind_lands_on_the_right_line() {
    let run = json(&[REPO]);
    let all = findings(&run);
    let search = "search/search.llm-project.yaml";
    // planned_approach is on line 11, below comments and blank lines.
    assert!(has(&all, search, "plan-contradicts-recommendation", "error", 11), "{all:?}");
    assert!(has(&all, search, "fine-tuning-without-baseline", "error", 11), "{all:?}");
    let extraction = "extraction/llm-project.yml";
    assert!(has(&all, extraction, "plan-missing-combination", "warning", 2), "{all:?}");
    assert!(has(&all, extraction, "answer-assumed", "error", 3), "{all:?}");
    // Written before `baseline_approach` existed: its default is assumed, as a note that never fails the check.
    let top: Vec<_> = all.iter().filter(|(f, ..)| f == "tests/fixtures/check/repo/llm-project.yaml").collect();
    assert_eq!(top.len(), 1, "{all:?}");
    assert!(has(&all, "check/repo/llm-project.yaml", "answer-assumed", "note", 3), "{all:?}");

    let run = json(&["tests/fixtures/scenarios/too-few-examples.llm-project.yaml"]);
    let all = findings(&run);
    assert!(has(&all, "too-few-examples.llm-project.yaml", "plan-vetoed", "error", 3), "{all:?}");
    assert!(
        !all.iter().any(|(_, id, ..)| id == "plan-contradicts-recommendation"),
        "a vetoed plan is reported once: {all:?}"
    );

    let run = json(&["tests/fixtures/scenarios/hackathon-demo.llm-project.yaml"]);
    assert!(has(&findings(&run), "hackathon-demo.llm-project.yaml", "no-plan", "note", 2));
}

#[test]
fn allow_defaults_turns_assumed_answers_into_notes() {
    let file = "tests/fixtures/check/repo/services/extraction/llm-project.yml";
    assert!(has(&findings(&json(&[file, "--allow-defaults"])), "llm-project.yml", "answer-assumed", "note", 3));
    // Without the error it still fails? Only a warning is left: exit 0, or 1 with --deny warnings.
    assert_eq!(shouldtune(&["check", file, "--allow-defaults"]).status.code(), Some(0));
    assert_eq!(shouldtune(&["check", file, "--allow-defaults", "--deny", "warnings"]).status.code(), Some(1));
    assert_eq!(shouldtune(&["check", file]).status.code(), Some(1));
}

#[test]
fn exit_codes_distinguish_clean_findings_and_unreadable() {
    assert_eq!(shouldtune(&["check", "tests/fixtures/check/repo/llm-project.yaml"]).status.code(), Some(0));
    assert_eq!(shouldtune(&["check", REPO]).status.code(), Some(1));
    let mixed = shouldtune(&["check", "tests/fixtures/check/mixed", "-f", "json"]);
    assert_eq!(mixed.status.code(), Some(2), "{}", stderr(&mixed));
    let run: serde_json::Value = serde_json::from_slice(&mixed.stdout).unwrap();
    let statuses: Vec<(&str, &str)> = run["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| (r["path"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("tests/fixtures/check/mixed/broken/llm-project.yaml", "failed"),
            ("tests/fixtures/check/mixed/conflicting.llm-project.yaml", "evaluated"),
            ("tests/fixtures/check/mixed/good/llm-project.yaml", "evaluated"),
        ]
    );
    assert!(has(&findings(&run), "broken/llm-project.yaml", "yaml-syntax", "error", 3));
    assert!(has(&findings(&run), "conflicting.llm-project.yaml", "plan-contradicts-recommendation", "error", 11));
    assert_eq!(run["summary"]["failed"], 1);

    // No descriptor is no failure: a repository may not have any yet.
    let none = shouldtune(&["check", "tests/fixtures/bad"]);
    assert_eq!(none.status.code(), Some(0), "{}", stderr(&none));
    assert!(
        stdout(&none).contains("note[no-descriptor]: no descriptor found under `tests/fixtures/bad`"),
        "{}",
        stdout(&none)
    );
    assert!(stdout(&none).contains("help:"));

    let missing = shouldtune(&["check", "does/not/exist"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read `does/not/exist`"));
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn directory_search_finds_descriptor_names_and_never_searches_git() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    // Without ignore files, build and dependency folders are searched like any other (hidden ones too).
    let wanted = [
        ".github/llm-project.yaml",
        "a/deeper/z/llm-project.yaml",
        "a/search.llm-project.yaml",
        "b/llm-project.yml",
        "llm-project.yaml",
        "target/llm-project.yaml",
    ];
    for path in wanted {
        write(&dir.path().join(path), &good);
    }
    write(&dir.path().join(".git/llm-project.yaml"), "not: [valid");
    for other in ["other.yaml", "llm-project.json", "a/.llm-project.yaml", "llm-project.yaml.bak"] {
        write(&dir.path().join(other), "not: [valid");
    }
    let output = shouldtune_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = run["results"].as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, wanted);
    assert_eq!(run["notices"].as_array().map(Vec::len), Some(0), "{run}");
}

/// A repository whose ignore files hide three descriptors (one re-included by a negation).
fn repository_with_ignored_descriptors() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    std::fs::create_dir_all(dir.path().join(".git/info")).unwrap();
    write(&dir.path().join(".gitignore"), "target/\nnode_modules/\n*.llm-project.yaml\n!kept.llm-project.yaml\n");
    write(&dir.path().join("svc/.ignore"), "scratch/\n");
    write(&dir.path().join(".git/info/exclude"), "local/\n");
    for path in ["llm-project.yaml", "kept.llm-project.yaml", "svc/llm-project.yaml"] {
        write(&dir.path().join(path), &good);
    }
    for hidden in [
        "target/llm-project.yaml",
        "node_modules/pkg/llm-project.yaml",
        "old.llm-project.yaml",
        "svc/scratch/llm-project.yaml",
        "local/llm-project.yaml",
    ] {
        write(&dir.path().join(hidden), "not: [valid");
    }
    dir
}

#[test]
fn ignore_files_hide_descriptors_and_the_run_says_how_many() {
    let dir = repository_with_ignored_descriptors();
    let output = shouldtune_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = run["results"].as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["kept.llm-project.yaml", "llm-project.yaml", "svc/llm-project.yaml"]);
    let notices = run["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 1, "{run}");
    assert_eq!(notices[0]["id"], "ignored-descriptors");
    assert_eq!(notices[0]["severity"], "note");
    assert!(notices[0]["message"].as_str().unwrap().starts_with("5 descriptors not checked"), "{run}");

    // Every format carries the count.
    let human = shouldtune_in(dir.path(), &["check"]);
    assert_eq!(human.status.code(), Some(0), "{}", stderr(&human));
    assert!(stdout(&human).contains("5 descriptors not checked"), "{}", stdout(&human));
    assert!(stdout(&human).contains("--no-ignore"), "{}", stdout(&human));
    let sarif = shouldtune_in(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(sarif.status.code(), Some(0), "{}", stderr(&sarif));
    assert!(stdout(&sarif).contains("ignored-descriptors"), "{}", stdout(&sarif));
}

/// The paths of a JSON run's results, and its notices.
fn results_and_notices(output: &std::process::Output) -> (Vec<String>, Vec<serde_json::Value>) {
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths = run["results"].as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap().to_owned()).collect();
    (paths, run["notices"].as_array().unwrap().clone())
}

#[test]
fn ignore_files_hide_descriptors_outside_a_repository_too() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    write(&dir.path().join("a/llm-project.yaml"), &good);
    write(&dir.path().join("deep/svc/llm-project.yaml"), &good);
    let output = shouldtune_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (paths, notices) = results_and_notices(&output);
    assert_eq!(paths, ["a/llm-project.yaml", "deep/svc/llm-project.yaml"]);
    assert_eq!(notices, Vec::<serde_json::Value>::new());

    // Ignore files deep in the tree, one of them hiding itself as well.
    write(&dir.path().join("deep/svc/.ignore"), "scratch/\n");
    write(&dir.path().join("deep/svc/scratch/llm-project.yaml"), "not: [valid");
    write(&dir.path().join("deep/other/.gitignore"), ".gitignore\nllm-project.yaml\n");
    write(&dir.path().join("deep/other/llm-project.yaml"), "not: [valid");
    let output = shouldtune_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (paths, notices) = results_and_notices(&output);
    assert_eq!(paths, ["a/llm-project.yaml", "deep/svc/llm-project.yaml"]);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0]["id"], "ignored-descriptors");
    assert!(notices[0]["message"].as_str().unwrap().starts_with("2 descriptors not checked"), "{notices:?}");
}

#[test]
fn no_ignore_checks_every_descriptor() {
    let dir = repository_with_ignored_descriptors();
    let output = shouldtune_in(dir.path(), &["check", "--no-ignore", "--format", "json"]);
    // The hidden files are not valid: checked now, they fail the run.
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = run["results"].as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "kept.llm-project.yaml",
            "llm-project.yaml",
            "local/llm-project.yaml",
            "node_modules/pkg/llm-project.yaml",
            "old.llm-project.yaml",
            "svc/llm-project.yaml",
            "svc/scratch/llm-project.yaml",
            "target/llm-project.yaml",
        ]
    );
    assert_eq!(run["notices"].as_array().map(Vec::len), Some(0), "{run}");
}

#[test]
fn a_descriptor_named_on_the_command_line_is_checked_even_if_ignored() {
    let dir = repository_with_ignored_descriptors();
    let output = shouldtune_in(dir.path(), &["check", "--format", "json", "old.llm-project.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(run["results"][0]["path"], "old.llm-project.yaml");
    assert_eq!(run["notices"].as_array().map(Vec::len), Some(0), "{run}");
}

#[cfg(unix)]
#[test]
fn symlinks_to_files_are_followed_and_directory_links_cannot_loop() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    write(&dir.path().join("a/llm-project.yaml"), &good);
    std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a/llm-project.yaml"), dir.path().join("linked.llm-project.yaml"))
        .unwrap();
    std::os::unix::fs::symlink(dir.path().join("missing.yaml"), dir.path().join("dangling.llm-project.yaml")).unwrap();
    std::os::unix::fs::symlink("loop2.llm-project.yaml", dir.path().join("loop1.llm-project.yaml")).unwrap();
    std::os::unix::fs::symlink("loop1.llm-project.yaml", dir.path().join("loop2.llm-project.yaml")).unwrap();
    let output = shouldtune_in(dir.path(), &["check", ".", "-f", "json"]);
    // The dangling link and the file-link loop cannot be checked: reported, never skipped.
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let status: Vec<(&str, &str)> = run["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| Some((r["path"].as_str()?, r["status"].as_str()?)))
        .collect();
    assert_eq!(
        status,
        [
            ("a/llm-project.yaml", "evaluated"),
            ("dangling.llm-project.yaml", "failed"),
            ("linked.llm-project.yaml", "evaluated"),
            ("loop1.llm-project.yaml", "failed"),
            ("loop2.llm-project.yaml", "failed"),
        ],
        "the directory loop is not walked; the dangling link and the file loop are reported"
    );
}

#[test]
fn every_format_is_pinned_by_a_snapshot() {
    // The SARIF root is this checkout's absolute path: the one line that differs between machines.
    let root_uri = format!("file://{}/", root().display());
    for format in ["human", "json", "sarif", "github", "junit", "markdown", "gitlab"] {
        let output = shouldtune(&["check", REPO, "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        let text = stdout(&output);
        if format == "sarif" {
            assert!(text.contains(&format!("\"uri\":\"{root_uri}\"")), "{text}");
        }
        insta::assert_snapshot!(format!("check_{format}"), text.replace(&root_uri, "file:///ROOT/"));
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["human", "json", "sarif", "github", "junit", "markdown"] {
        let first = shouldtune(&["check", REPO, "tests/fixtures/scenarios", "-f", format]).stdout;
        let second = shouldtune(&["check", REPO, "tests/fixtures/scenarios", "-f", format]).stdout;
        assert_eq!(first, second, "{format}");
    }
}

/// The keys of a JSON object in the order they are written.
fn keys_in_order(object: &str) -> Vec<String> {
    struct Keys;
    impl<'de> serde::de::Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some((key, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                keys.push(key);
            }
            Ok(keys)
        }
    }
    serde::Deserializer::deserialize_map(&mut serde_json::Deserializer::from_str(object), Keys).unwrap()
}

#[test]
fn json_validates_against_the_committed_check_schema() {
    let text = std::fs::read_to_string(root().join("schemas/check.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap();
    // Evaluated files with and without plans and cost, other rules, failed files, and run-level notices.
    for args in [
        vec![REPO],
        vec!["tests/fixtures/check/mixed"],
        vec!["tests/fixtures/scenarios", "examples/llm-project.yaml"],
        vec![REPO, "--rules", "examples/acme-overlay.yaml"],
        vec![REPO, "no/such/dir"],
    ] {
        let mut full = vec!["check", "--format", "json"];
        full.extend(&args);
        let output = shouldtune(&full);
        let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&run).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert!(!run["results"].as_array().unwrap().is_empty(), "{args:?}");
    }
    // The schema is strict enough to catch a wrong type or a missing field.
    let mut bad = json(&[REPO]);
    bad["results"][0]["status"] = serde_json::json!("done");
    assert!(!validator.is_valid(&bad));
    let mut bad = json(&[REPO]);
    bad["summary"].as_object_mut().unwrap().remove("files");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn json_results_carry_the_evaluate_report_with_its_key_order() {
    // (`check` leaves out the cost estimate, so a descriptor without `cost:`.)
    let file = "tests/fixtures/check/repo/llm-project.yaml";
    let evaluate = crate::succeed(&["evaluate", file, "-f", "json"]);
    let output = shouldtune(&["check", file, "-f", "json"]);
    let text = stdout(&output);
    // Each result is one line of the streamed document.
    let line = text.lines().find(|l| l.trim_start().starts_with("{\"path\"")).unwrap();
    let keys = keys_in_order(line.trim().trim_end_matches(','));
    let report_keys = keys_in_order(&evaluate);
    assert!(report_keys.len() > 10, "{report_keys:?}");
    let mut expected = vec!["path".to_owned(), "status".to_owned()];
    expected.extend(report_keys);
    expected.extend(["planned_approach".to_owned(), "findings".to_owned()]);
    assert_eq!(keys, expected);
    // And the values are the same report.
    let result: serde_json::Value = serde_json::from_str(line.trim().trim_end_matches(',')).unwrap();
    let report: serde_json::Value = serde_json::from_str(&evaluate).unwrap();
    for (key, value) in report.as_object().unwrap() {
        assert_eq!(&result[key], value, "{key}");
    }
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    // tests/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 JSON schema, as shipped in the serde-sarif crate.
    let schema_text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    // One change to the official text: the `language` pattern's stray `]` (a literal in
    // ECMAScript, an error in Rust's regex syntax) is escaped as `\\]`, which means the same.
    let validator = jsonschema::draft7::new(&schema).unwrap();
    for args in [vec![REPO], vec!["tests/fixtures/check/mixed"], vec!["tests/fixtures/scenarios"]] {
        let mut full = vec!["check", "--format", "sarif"];
        full.extend(args);
        let output = shouldtune(&full);
        let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().map_or(0, Vec::len);
        let results = log["runs"][0]["results"].as_array().map_or(0, Vec::len);
        assert!(rules > 0 && results > 0);
        for result in log["runs"][0]["results"].as_array().unwrap() {
            let id = &result["ruleId"];
            let index = result["ruleIndex"].as_u64().unwrap_or(u64::MAX);
            assert_eq!(&log["runs"][0]["tool"]["driver"]["rules"][usize::try_from(index).unwrap_or(0)]["id"], id);
        }
    }
}

/// A rule overlay whose reason text, and a descriptor whose file name, try to
/// break out of every output format.
#[test]
fn hostile_text_is_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "line1\n::error file=x::forged %0A <b>bold</b> | cell & \"q\" ]]> # h";
    let rules = format!(
        "extends: default\nrules:\n  - id: hostile\n    title: \"{title}\"\n    when: \"true\"\n    effects: {{ prompt_engineering: 100 }}\n    because: {because}\n    source: test\n",
        title = "T | <i>",
        because = serde_json::to_string(hostile).unwrap(),
    );
    write(&dir.path().join("hostile-rules.yaml"), &rules);
    let text = std::fs::read_to_string(root().join("tests/fixtures/check/repo/llm-project.yaml")).unwrap();
    let name = "we,ird:100%|<x>.llm-project.yaml";
    let text =
        text.replace("baseline_exists: true\n", "baseline_exists: true\n  baseline_approach: prompt_engineering\n");
    write(&dir.path().join(name), &text.replace("Support ticket triage", "\"Name | <script>\\n::warning::x\""));
    let run = |format: &str| {
        let output = shouldtune_in(dir.path(), &["check", ".", "--rules", "hostile-rules.yaml", "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}: {}", stderr(&output));
        stdout(&output)
    };

    let github = run("github");
    // One line per finding plus the summary: no file text can start a line of its own.
    assert_eq!(github.lines().count(), 2, "{github}");
    for line in github.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice "),
            "{line}"
        );
    }
    assert!(github.contains("forged %250A"), "a literal `%0A` must not decode to a newline: {github}");
    assert!(github.contains("file=we%2Cird%3A100%25|<x>.llm-project.yaml,line=2,col=1"), "{github}");
    assert!(github.contains("because: line1%0A%3A%3Aerror") || github.contains("because: line1%0A::error"), "{github}");

    let markdown = run("markdown");
    assert!(!markdown.contains("<x>") && !markdown.contains("<b>"), "{markdown}");
    assert!(markdown.contains("we,ird:100%\\|&lt;x\\>"), "{markdown}");
    for line in markdown.lines().filter(|l| l.starts_with("| ")) {
        assert_eq!(line.matches(" | ").count() + 2, 5, "table rows keep four cells: {line}");
    }

    let junit = run("junit");
    assert!(!junit.contains("<x>") && !junit.contains("<b>") && !junit.contains("]]>"), "{junit}");
    assert!(junit.contains("&lt;b&gt;bold&lt;/b&gt;"), "{junit}");

    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let uri = sarif["runs"][0]["results"][0]["physicalLocation"].clone();
    let _ = uri;
    let first = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(first, "we%2Cird%3A100%25%7C%3Cx%3E.llm-project.yaml");
    assert!(sarif["runs"][0]["results"][0]["message"]["text"].as_str().unwrap().contains(hostile));

    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["results"][0]["name"], "Name | <script>\n::warning::x");

    let human = run("human");
    assert!(!human.contains("\n::error file=x"), "{human}");
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = shouldtune(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(stdout(&output).contains("evaluate") && stdout(&output).contains("check"), "{shell}");
    }
}

/// Human output wraps to `COLUMNS`, else 80 (standard output is no terminal here); only the echoed
/// source lines of the snippets and a single unbreakable word may pass the width.
#[test]
fn human_output_wraps_to_columns_else_80() {
    let widest = |text: &str| {
        text.lines()
            .filter(|l| l.trim().contains(' '))
            .filter(|l| !l.trim_start().trim_start_matches(|c: char| c.is_ascii_digit()).starts_with("| "))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let at_80 = shouldtune(&["check", REPO, "tests/fixtures/scenarios"]);
    assert_eq!(at_80.status.code(), Some(1), "{}", stderr(&at_80));
    let text = stdout(&at_80);
    assert!(widest(&text) <= 80, "{text}");
    assert!(widest(&text) > 72, "long messages use the width: {text}");
    for narrow_width in [50, 64] {
        let mut narrow = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
        narrow.current_dir(root()).env("NO_COLOR", "1").env("COLUMNS", narrow_width.to_string());
        let narrow = narrow.args(["check", REPO, "tests/fixtures/scenarios"]).output().unwrap();
        assert_eq!(narrow.status.code(), Some(1));
        let text = stdout(&narrow);
        assert!(widest(&text) <= narrow_width, "{narrow_width}: {text}");
        // Nothing is lost by wrapping: the same words in the same order.
        let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(words(&text), words(&stdout(&at_80)), "{narrow_width}");
    }
}
