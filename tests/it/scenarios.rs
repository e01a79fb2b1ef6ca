//! Scenario descriptors under `tests/fixtures/scenarios/` through the real CLI.
//! Their expected recommendations live in `rules/tests/scenarios.yaml`, run by
//! `shouldtune rules test` (see `rules_cmd.rs`); here they check the CLI's view.

use crate::{shouldtune, stdout, succeed};

#[test]
fn fine_tuning_without_a_baseline_puts_the_baseline_first() {
    let output =
        shouldtune(&["evaluate", "tests/fixtures/scenarios/brand-voice-no-baseline.llm-project.yaml", "-f", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["recommendation"], "fine_tuning");
    let first = report["next_steps"][0].as_str().unwrap();
    assert!(first.starts_with("Build and measure a prompt-engineering (or RAG) baseline first"), "{first}");
}

#[test]
fn needed_knowledge_rules_out_prompting_alone_and_rides_along_with_fine_tuning() {
    for path in ["hr-policy-bot", "private-chat-few-examples", "invoice-extraction-fresh-format", "news-digest"] {
        let file = format!("tests/fixtures/scenarios/{path}.llm-project.yaml");
        let report: serde_json::Value = serde_json::from_str(&succeed(&["evaluate", &file, "-f", "json"])).unwrap();
        assert_eq!(report["scores"]["prompt_engineering"]["vetoed"], true, "{path}");
        let rec = report["recommendation"].as_str().unwrap();
        let combined: Vec<&str> =
            report["combine_with"].as_array().unwrap().iter().filter_map(|c| c["approach"].as_str()).collect();
        assert!(rec == "rag" || combined.contains(&"rag"), "{path}: {rec} {combined:?}");
    }
}
