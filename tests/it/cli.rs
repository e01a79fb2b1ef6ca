//! CLI conventions: examples and exit codes in every command's help, the
//! manual page, and `init`.

use crate::{root, shouldtune, shouldtune_in, stderr, stdout, succeed};

/// The names of the manual pages besides the main one, as `man` lists them
/// when asked for a page it does not have.
fn man_pages() -> Vec<String> {
    let output = shouldtune(&["man", "nonsense"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    let list = text.lines().find_map(|l| l.trim().strip_prefix("= help: pages: ")).unwrap_or_else(|| panic!("{text}"));
    list.split(", ").map(str::to_owned).collect()
}

/// Every command, as the words that invoke it.
fn commands() -> Vec<Vec<String>> {
    let mut all = vec![Vec::new()];
    for page in man_pages() {
        // `rules-check` is `rules check`; top-level names have no dash but `rules-*`.
        let words = match page.split_once('-') {
            Some((parent, child)) if parent == "rules" => vec![parent.to_owned(), child.to_owned()],
            _ => vec![page],
        };
        all.push(words);
    }
    all
}

#[test]
fn every_command_shows_examples_and_exit_codes_in_its_help() {
    let commands = commands();
    assert!(commands.len() > 8, "{commands:?}");
    for words in commands {
        let mut args: Vec<&str> = words.iter().map(String::as_str).collect();
        if words == ["rules"] {
            continue; // a group: its commands carry their own
        }
        args.push("--help");
        let output = shouldtune(&args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = stdout(&output);
        assert!(help.contains("Examples:\n  shouldtune "), "{args:?} has no examples:\n{help}");
        assert!(help.contains("Exit codes: 0 "), "{args:?} lists no exit codes:\n{help}");
    }
}

#[test]
fn the_manual_page_is_generated_from_the_command_line_definitions() {
    let output = shouldtune(&["man"]);
    assert_eq!(output.status.code(), Some(0));
    let page = stdout(&output);
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq") || page.contains(".TH shouldtune 1"), "{page}");
    assert!(page.contains(".TH shouldtune 1"), "{page}");
    for words in commands().into_iter().filter(|w| w.len() == 1) {
        assert!(page.contains(&words[0]), "the main page names `{}`", words[0]);
    }
    // Each command's page lists each option of its own that its `--help` shows (global
    // options are on the main page), so the pages cannot fall behind the parser.
    let long_options = |help: &str| -> Vec<String> {
        help.split_whitespace()
            .filter_map(|w| w.strip_prefix("--"))
            .map(|w| w.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).next().unwrap_or_default().to_owned())
            .filter(|w| w.len() > 1 && w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .collect()
    };
    let global = long_options(&succeed(&["--help"]));
    assert!(global.iter().any(|o| o == "color"), "{global:?}");
    for option in &global {
        assert!(page.contains(&format!("\\-\\-{}", option.replace('-', "\\-"))), "main page: `--{option}` missing");
    }
    let mut checked = 0;
    for name in man_pages() {
        let output = shouldtune(&["man", &name]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let page = stdout(&output);
        assert!(page.contains(&format!(".TH shouldtune-{name} 1")), "{name}: {page}");
        assert!(page.contains(env!("CARGO_PKG_VERSION")), "{name}: {page}");
        let words: Vec<&str> = match name.split_once('-') {
            Some(("rules", child)) => vec!["rules", child],
            _ => vec![name.as_str()],
        };
        let help = succeed(&[words.as_slice(), &["--help"]].concat());
        let own: Vec<String> = long_options(&help).into_iter().filter(|o| !global.contains(o)).collect();
        checked += own.len();
        for long in own {
            assert!(page.contains(&format!("\\-\\-{}", long.replace('-', "\\-"))), "{name}: `--{long}` missing");
        }
    }
    assert!(checked > 20, "only {checked} options found in the commands' help");
    let output = shouldtune(&["man", "nonsense"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no manual page for `nonsense`") && stderr(&output).contains("rules-check"));
}

#[test]
fn init_writes_a_commented_descriptor_that_passes_check_with_nothing_assumed() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("support-bot");
    std::fs::create_dir_all(&project).unwrap();
    let output = shouldtune_in(&project, &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = project.join("llm-project.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("name: \"support-bot\""), "{text}");

    // Every question of the rule set is an active line at its default, under its text as a comment.
    let schema: serde_json::Value = serde_json::from_str(&succeed(&["schema", "descriptor"])).unwrap();
    let questions = schema["properties"]["answers"]["properties"].as_object().cloned().unwrap();
    assert!(questions.len() > 10);
    let lines: Vec<&str> = text.lines().collect();
    for (id, question) in &questions {
        let at =
            lines.iter().position(|l| l.starts_with(&format!("  {id}: "))).unwrap_or_else(|| panic!("{id}:\n{text}"));
        let default = &question["default"];
        let written = lines[at].split_once(": ").map(|(_, v)| v).unwrap();
        let expected = default.as_str().map_or_else(|| default.to_string(), str::to_owned);
        assert_eq!(written, expected, "{id} is at its default");
        let title = question["title"].as_str().or_else(|| question["description"].as_str()).unwrap();
        let comments: Vec<&str> =
            lines[..at].iter().rev().take_while(|l| l.trim_start().starts_with('#')).copied().collect();
        assert!(!comments.is_empty(), "{id} has comments above it");
        let first_words: String = title.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(comments.iter().any(|c| c.contains(&first_words)), "{id}: `{first_words}` in {comments:?}");
    }

    let evaluated = shouldtune_in(&project, &["evaluate", "llm-project.yaml", "-f", "json"]);
    assert_eq!(evaluated.status.code(), Some(0), "{}", stderr(&evaluated));
    let report: serde_json::Value = serde_json::from_slice(&evaluated.stdout).unwrap();
    assert_eq!(report["assumed"], serde_json::json!([]), "nothing assumed");
    let checked = shouldtune_in(&project, &["check", "-f", "json"]);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    let run: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(run["summary"]["files"], 1);
    assert_eq!(run["results"][0]["findings"], serde_json::json!([]), "no finding, not even a note");

    // Never over an existing file without --force.
    std::fs::write(&path, "name: mine\n").unwrap();
    let again = shouldtune_in(&project, &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists") && stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "name: mine\n");
    let forced = shouldtune_in(&project, &["init", "--force", "--name", "Support | bot"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(std::fs::read_to_string(&path).unwrap().contains("name: \"Support | bot\""));
    let leftovers = std::fs::read_dir(&project).map(Iterator::count).unwrap();
    assert_eq!(leftovers, 1, "no temporary files left");

    // With an overlay, its questions are written too, and the file says how to name the overlay.
    let overlay = root().join("examples/acme-overlay.yaml");
    let other = project.join("acme.llm-project.yaml");
    let output = shouldtune_in(&project, &["init", "acme.llm-project.yaml", "--rules", overlay.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&other).unwrap();
    assert!(text.contains("  uses_customer_pii: false") && text.contains("# rules: ["), "{text}");
    let checked = shouldtune_in(&project, &["check", "acme.llm-project.yaml", "--rules", overlay.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
}
