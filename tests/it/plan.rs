//! Plan findings: computed once, shown by `evaluate` in every format and
//! reported by `check`; plan rules are data that overlays change.

use serde_json::Value;

use crate::{shouldtune, stderr, stdout, succeed};

const SEARCH: &str = "tests/fixtures/check/repo/services/search/search.llm-project.yaml";
const SOURCES: &str = "tests/fixtures/rules/sources";

fn run_json(args: &[&str]) -> Value {
    let output = shouldtune(args);
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)))
}

/// (id, severity, message) of each finding.
fn triples(findings: &Value) -> Vec<(String, String, String)> {
    findings
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_owned();
            (text("id"), text("severity"), text("message"))
        })
        .collect()
}

#[test]
fn evaluate_json_reports_the_plan_findings_check_reports() {
    let evaluated = run_json(&["evaluate", SEARCH, "-f", "json"]);
    assert_eq!(evaluated["plan"]["planned"], serde_json::json!(["fine_tuning"]));
    let from_evaluate = triples(&evaluated["plan"]["findings"]);
    let ids: Vec<&str> = from_evaluate.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["plan-contradicts-recommendation", "fine-tuning-without-baseline"]);

    let checked = run_json(&["check", SEARCH, "-f", "json"]);
    let from_check = triples(&checked["results"][0]["findings"]);
    assert_eq!(from_check, from_evaluate, "the same findings, in the same order");
}

#[test]
fn evaluate_table_and_markdown_show_the_plan_findings() {
    let table = shouldtune(&["evaluate", SEARCH]);
    assert_eq!(table.status.code(), Some(0), "evaluate reports findings but does not fail on them");
    let text = stdout(&table);
    assert!(text.contains("Plan: fine_tuning\n"), "{text}");
    // Findings wrap to the width; compare their words.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(" error[plan-contradicts-recommendation]: planned `fine_tuning`, but the rules recommend `rag`"),
        "{text}"
    );
    assert!(text.contains(" error[fine-tuning-without-baseline]: fine-tuning is planned, but no"), "{text}");
    assert!(text.contains(" help: plan `rag`, or revisit the answers behind the recommendation"), "{text}");

    let markdown = succeed(&["evaluate", SEARCH, "-f", "markdown"]);
    assert!(
        markdown.contains("#### Plan\n\nPlanned: `fine_tuning`\n\n- **error** `plan-contradicts-recommendation`: ")
    );
    assert!(markdown.contains("- **error** `fine-tuning-without-baseline`: fine-tuning is planned"), "{markdown}");
}

#[test]
fn without_a_plan_evaluate_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("llm-project.yaml");
    std::fs::write(&file, "name: No plan\nanswers: { needs_private_knowledge: true }\n").unwrap();
    let file = file.display().to_string();
    let report = run_json(&["evaluate", &file, "-f", "json"]);
    assert_eq!(report["plan"]["planned"], Value::Null);
    assert_eq!(triples(&report["plan"]["findings"])[0].0, "no-plan");
    let text = succeed(&["evaluate", &file]);
    assert!(
        text.contains("Plan: none given\n  note[no-plan]: no `planned_approach`; the rules recommend `rag`"),
        "{text}"
    );
}

#[test]
fn a_plan_that_agrees_says_so() {
    let text = succeed(&["evaluate", "examples/llm-project.yaml"]);
    assert!(text.contains("Plan: fine_tuning\n  The plan agrees with the recommendation.\n"), "{text}");
}

#[test]
fn plan_rules_are_rule_data_that_overlays_override_and_disable() {
    let project = format!("{SOURCES}/project.yaml");
    let base = format!("{SOURCES}/catalogue.yaml");
    let check = |overlay: Option<&str>| {
        let mut args = vec!["check".to_owned(), project.clone(), "-f".to_owned(), "json".to_owned()];
        args.extend(["--rules".to_owned(), base.clone()]);
        if let Some(overlay) = overlay {
            args.extend(["--rules".to_owned(), format!("{SOURCES}/{overlay}")]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = shouldtune(&args);
        let run: Value = serde_json::from_slice(&output.stdout).unwrap();
        (output.status.code(), triples(&run["results"][0]["findings"]))
    };
    let (code, findings) = check(None);
    assert_eq!(code, Some(0), "a warning does not fail the check");
    assert_eq!(
        findings,
        [(
            "tuned-without-baseline".to_owned(),
            "warning".to_owned(),
            "tuning is planned without a measured baseline".to_owned()
        )]
    );
    let (code, findings) = check(Some("overlay.yaml"));
    assert_eq!(code, Some(1), "the overlay made it an error");
    assert_eq!(findings[0].1, "error");
    let (code, findings) = check(Some("disable-plan.yaml"));
    assert_eq!((code, findings), (Some(0), Vec::new()), "disabled, it reports nothing");
}

#[test]
fn the_default_plan_rule_is_visible_to_rules_show() {
    let text = succeed(&["rules", "show", "-f", "yaml"]);
    assert!(text.contains("  - id: fine-tuning-without-baseline\n"), "{text}");
    assert!(text.contains("    when_planned: [fine_tuning]\n    severity: error\n"), "{text}");
}
