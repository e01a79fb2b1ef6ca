//! Data-driven scenarios: each `tests/fixtures/scenarios/*.llm-project.yaml`
//! states the recommendation it must get in a `# expect:` comment, and the
//! approaches to combine with in `# combine_with:` (none when absent).

use crate::{fixture, rel, shouldtune, stdout};

#[derive(Debug)]
struct Expectation {
    recommendation: String,
    combine_with: Vec<String>,
}

fn expectation(text: &str) -> Option<Expectation> {
    let header = |key: &str| {
        text.lines().filter_map(|l| l.strip_prefix("# ")).find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_owned()))
    };
    Some(Expectation {
        recommendation: header("expect:")?,
        combine_with: header("combine_with:")
            .map(|v| v.split(',').map(|s| s.trim().to_owned()).collect())
            .unwrap_or_default(),
    })
}

#[test]
fn every_scenario_gets_its_expected_recommendation() {
    let mut files: Vec<_> = std::fs::read_dir(fixture("scenarios"))
        .unwrap_or_else(|e| unreachable!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() >= 12, "expected at least 12 scenarios, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let Some(expected) = expectation(&text) else {
            failures.push(format!("{}: no `# expect:` line", rel(path)));
            continue;
        };
        let output = shouldtune(&["evaluate", &rel(path), "--format", "json"]);
        assert_eq!(output.status.code(), Some(0), "{}", rel(path));
        let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap_or_default();
        let got = report["recommendation"].as_str().unwrap_or_default();
        let combine: Vec<&str> =
            report["combine_with"].as_array().into_iter().flatten().filter_map(|c| c["approach"].as_str()).collect();
        if got != expected.recommendation || combine != expected.combine_with {
            failures.push(format!(
                "{}: expected {} with {:?}, got {got} with {combine:?} (scores {})",
                rel(path),
                expected.recommendation,
                expected.combine_with,
                report["scores"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fine_tuning_without_a_baseline_puts_the_baseline_first() {
    let output =
        shouldtune(&["evaluate", "tests/fixtures/scenarios/brand-voice-no-baseline.llm-project.yaml", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap_or_default();
    assert_eq!(report["recommendation"], "fine_tuning");
    let first = report["next_steps"][0].as_str().unwrap_or_default();
    assert!(first.starts_with("Build and measure a prompt-engineering (or RAG) baseline first"), "{first}");
}

#[test]
fn needed_knowledge_rules_out_prompting_alone_and_rides_along_with_fine_tuning() {
    for path in ["hr-policy-bot", "private-chat-few-examples", "invoice-extraction-fresh-format", "news-digest"] {
        let file = format!("tests/fixtures/scenarios/{path}.llm-project.yaml");
        let report: serde_json::Value =
            serde_json::from_str(&stdout(&shouldtune(&["evaluate", &file, "-f", "json"]))).unwrap_or_default();
        assert_eq!(report["scores"]["prompt_engineering"]["vetoed"], true, "{path}");
        let rec = report["recommendation"].as_str().unwrap_or_default();
        let combined: Vec<&str> =
            report["combine_with"].as_array().into_iter().flatten().filter_map(|c| c["approach"].as_str()).collect();
        assert!(rec == "rag" || combined.contains(&"rag"), "{path}: {rec} {combined:?}");
    }
}
