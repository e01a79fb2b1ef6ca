//! `cost`: the table, JSON, chart, and errors located in the descriptor.

use crate::{shouldtune, stderr, stdout};

#[test]
fn cost_table_and_json() {
    let output = shouldtune(&["cost", "examples/llm-project.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    for field in [
        "currency",
        "price_table",
        "as_of",
        "monthly",
        "fine_tuning_one_time",
        "break_even_monthly_requests",
        "assumed",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["monthly"]["fine_tuning"], "5560");
    assert_eq!(json["fine_tuning_one_time"], "153");
    assert_eq!(json["break_even_monthly_requests"], 1_081_482);
}

#[test]
fn evaluate_shows_a_one_line_cost_summary_when_the_descriptor_has_a_cost_section() {
    let with = stdout(&shouldtune(&["evaluate", "examples/llm-project.yaml"]));
    assert!(with.contains("Monthly cost at 400,000 requests"), "{with}");
    let json: serde_json::Value =
        serde_json::from_slice(&shouldtune(&["evaluate", "examples/llm-project.yaml", "-f", "json"]).stdout)
            .unwrap_or_default();
    assert!(json["cost"].as_str().is_some_and(|c| c.contains("breaks even at 1,081,482")));
    let without = stdout(&shouldtune(&["evaluate", "tests/fixtures/scenarios/hr-policy-bot.llm-project.yaml"]));
    assert!(!without.contains("Monthly cost"));
}

#[test]
fn cost_errors_point_into_the_descriptor() {
    let output = shouldtune(&["cost", "tests/fixtures/cost/unknown-model.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("tests/fixtures/cost/unknown-model.yaml:6:10"), "{err}");
    assert!(err.contains("it has `babbage-002`, `davinci-002`, `gpt-35-turbo`"), "{err}");

    let output = shouldtune(&["cost", "tests/fixtures/cost/bad-section.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains(":3:19") && err.contains("to be a number"), "{err}");
    assert!(err.contains(":4:3") && err.contains("did you mean `output_tokens`?"), "{err}");
}

#[test]
fn the_plot_is_written_atomically_and_never_over_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let path = dir.path().join("cost.svg");
    let path_text = path.display().to_string();
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &path_text]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(roxmltree::Document::parse(&svg).is_ok());

    std::fs::write(&path, "keep me").unwrap_or_else(|e| unreachable!("{e}"));
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &path_text]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "keep me");
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &path_text, "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read_to_string(&path).unwrap_or_default().starts_with("<svg"));
}

#[test]
fn supplied_prices_replace_the_embedded_table() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let prices = dir.path().join("prices.yaml");
    std::fs::write(
        &prices,
        "id: azure-openai-2023-10\ncurrency: EUR\nas_of: 2026-11-01\nsource: our contract\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 100\n    billing_increment_minutes: 15\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.001, output_per_1k: 0.001 }\n    fine_tuned: { input_per_1k: 0.001, output_per_1k: 0.001 }\n",
    )
    .unwrap_or_else(|e| unreachable!("{e}"));
    let output =
        shouldtune(&["cost", "examples/llm-project.yaml", "--pricing", &prices.display().to_string(), "-f", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["as_of"], "2026-11-01");
}
