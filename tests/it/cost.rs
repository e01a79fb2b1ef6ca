//! `cost`: the table, JSON, chart, and errors located in the descriptor.

use std::process::Output;

use crate::{root, shouldtune, stderr, stdout, succeed};

/// `shouldtune ARGS` with `SOURCE_DATE_EPOCH` set to `day` (`YYYY-MM-DD`), from the repository root.
fn shouldtune_on(day: &str, args: &[&str]) -> Output {
    let days = shouldtune::cost::date::days_from_iso(day).unwrap_or_else(|| panic!("{day}"));
    let mut command = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
    command
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env("SOURCE_DATE_EPOCH", (days * 86_400 + 3600).to_string());
    command.args(args).timeout(std::time::Duration::from_mins(2));
    command.output().unwrap()
}

fn json_of(output: &Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

#[test]
fn cost_table_and_json() {
    let output = shouldtune(&["cost", "examples/llm-project.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["schema_version"], 1);
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
    assert_eq!(json["fine_tuning_breaks_even"], false);
}

#[test]
fn evaluate_shows_a_one_line_cost_summary_when_the_descriptor_has_a_cost_section() {
    let with = succeed(&["evaluate", "examples/llm-project.yaml"]);
    assert!(with.contains("Monthly cost at 400,000 requests"), "{with}");
    let json: serde_json::Value =
        serde_json::from_str(&succeed(&["evaluate", "examples/llm-project.yaml", "-f", "json"])).unwrap();
    // Structured fields, the same as `cost --format json`.
    let cost = &json["cost"];
    assert_eq!(cost["break_even_monthly_requests"], 1_081_482);
    assert_eq!(cost["monthly"]["fine_tuning"], "5560");
    assert_eq!(cost["fine_tuning_one_time"], "153");
    assert_eq!(cost["price_table"], "azure-openai-2023-10");
    assert_eq!(cost["fine_tuning_breaks_even"], false);
    let alone = json_of(&shouldtune(&["cost", "examples/llm-project.yaml", "-f", "json"]));
    for (key, value) in cost.as_object().unwrap() {
        assert_eq!(&alone[key], value, "{key}");
    }
    let without = succeed(&["evaluate", "tests/fixtures/scenarios/hr-policy-bot.llm-project.yaml"]);
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cost.svg");
    let path_text = path.display().to_string();
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &path_text]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(roxmltree::Document::parse(&svg).is_ok());

    std::fs::write(&path, "keep me").unwrap();
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &path_text]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &path_text, "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<svg"));
}

#[test]
fn supplied_prices_replace_the_embedded_table() {
    let dir = tempfile::tempdir().unwrap();
    let prices = dir.path().join("prices.yaml");
    std::fs::write(
        &prices,
        "id: azure-openai-2023-10\ncurrency: EUR\nas_of: 2026-11-01\nsource: our contract\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 100\n    billing_increment_minutes: 15\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.001, output_per_1k: 0.001 }\n    fine_tuned: { input_per_1k: 0.001, output_per_1k: 0.001 }\n",
    )
    .unwrap();
    let output =
        shouldtune(&["cost", "examples/llm-project.yaml", "--pricing", &prices.display().to_string(), "-f", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["as_of"], "2026-11-01");
}

/// The page's examples end to end: RFT 4 hours $400 plus the grader's $27.06, and the chatbot month $1,422.00.
#[test]
fn the_2026_worked_examples_end_to_end() {
    let json = json_of(&shouldtune_on("2026-06-01", &["cost", "tests/fixtures/cost/chatbot-2026.yaml", "-f", "json"]));
    assert_eq!(json["monthly"]["fine_tuning"], "1422");
    assert_eq!(json["fine_tuning_one_time"], "427.06");
    assert_eq!(json["grader_one_time"], "27.06");
    assert_eq!(json["method"], "rft");
    assert_eq!(json["deployment"], "standard");
    assert_eq!(json["stale_prices"], false);
    assert!(json["caveat"].as_str().is_some_and(|c| c.contains("example purposes")));
    let output = shouldtune_on("2026-06-01", &["cost", "tests/fixtures/cost/chatbot-2026.yaml"]);
    let text = stdout(&output);
    assert!(text.contains("│ Fine-tuning                    │        1,422.00 │         427.06 │"), "{text}");
    assert!(text.contains("includes USD 27.06 of grader tokens"), "{text}");
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn a_table_more_than_a_year_old_is_flagged_against_source_date_epoch() {
    let old = shouldtune_on("2026-06-01", &["cost", "examples/llm-project.yaml"]);
    assert_eq!(old.status.code(), Some(0));
    assert!(
        stderr(&old).contains(
            "warning: price table `azure-openai-2023-10` is dated 2023-10-16, more than a year before 2026-06-01"
        ),
        "{}",
        stderr(&old)
    );
    let json = json_of(&shouldtune_on("2024-10-16", &["evaluate", "examples/llm-project.yaml", "-f", "json"]));
    assert_eq!(json["cost"]["stale_prices"], false);
    let json = json_of(&shouldtune_on("2027-02-12", &["cost", "tests/fixtures/cost/chatbot-2026.yaml", "-f", "json"]));
    assert_eq!(json["stale_prices"], true);
    let output = shouldtune_on("2027-02-12", &["evaluate", "tests/fixtures/cost/chatbot-2026.yaml"]);
    assert!(stderr(&output).contains("is dated 2026-02-11, more than a year before 2027-02-12"), "{}", stderr(&output));
}

/// Valid but huge answers: an `out-of-range` error at the `cost:` section, never a panic.
#[test]
fn amounts_too_large_to_compute_are_errors_not_panics() {
    for args in [
        &["evaluate", "tests/fixtures/cost/huge-volume.yaml"][..],
        &["evaluate", "tests/fixtures/cost/huge-volume.yaml", "-f", "json"],
        &["cost", "tests/fixtures/cost/huge-volume.yaml"],
        &["cost", "tests/fixtures/cost/huge-volume.yaml", "--plot", "never-written.svg"],
    ] {
        let output = shouldtune(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains("error[out-of-range]") && err.contains("too large to compute"), "{err}");
        assert!(err.contains("tests/fixtures/cost/huge-volume.yaml:5:1"), "{err}");
    }
    assert!(!root().join("never-written.svg").exists());
}

#[test]
fn the_default_model_follows_the_chosen_table() {
    let json = json_of(&shouldtune(&["cost", "tests/fixtures/cost/table-only.yaml", "-f", "json"]));
    assert_eq!(json["model"], "gpt-3.5-turbo");
    assert!(json["assumed"].as_array().unwrap().iter().any(|a| a["setting"] == "model"));
}

#[test]
fn price_tables_can_be_listed_and_shown() {
    let list = shouldtune(&["cost", "--tables"]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    let text = stdout(&list);
    for id in ["azure-openai-2023-10", "azure-openai-2026-02", "openai-2023-08"] {
        assert!(text.contains(id), "{text}");
    }
    let shown = succeed(&["cost", "--table", "azure-openai-2026-02"]);
    for line in [
        "Source: Microsoft Learn, \"Cost management for fine-tuning\" (Azure OpenAI, 2026-02-11)",
        "reinforcement fine-tuning: USD 100.00 an hour of core training; a job pauses at USD 5000.00 until resumed",
        "hosting an hour: standard USD 1.70, global_standard USD 1.70, developer USD 0.00",
        "tokens (USD): input 1.10 per 1M, output 4.40 per 1M",
        "training (SFT, DPO) per 1M training tokens: global USD 2.00",
    ] {
        assert!(shown.contains(line), "missing `{line}` in\n{shown}");
    }
    let json = json_of(&shouldtune(&["cost", "--table", "azure-openai-2026-02", "-f", "json"]));
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["tables"][0]["models"][0]["base"]["output_per_1m"], "4.40");
    let unknown = shouldtune(&["cost", "--table", "azure-openai-2099"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("the tables are `azure-openai-2023-10`"), "{}", stderr(&unknown));
}

#[test]
fn the_plot_path_must_be_svg_and_errors_never_name_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("cost.png");
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &png.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("ending in `.svg`"), "{}", stderr(&output));
    assert!(!png.exists());

    let missing = dir.path().join("no-such-dir").join("cost.svg");
    let output = shouldtune(&["cost", "examples/llm-project.yaml", "--plot", &missing.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("cannot write") && err.contains("cost.svg"), "{err}");
    assert!(!err.contains(".shouldtune-") && !err.contains(" at path "), "{err}");
}

/// Cost fields that do not go together, and prices the table lacks: exit 2 at the key or value,
/// with what is wrong and what to do, from `cost` and `evaluate` alike.
#[test]
#[expect(clippy::too_many_lines, reason = "one case a line: the table is the test")]
fn cost_fields_that_do_not_go_together_are_located_errors_with_help() {
    let head = "name: X\nanswers:\n  prompt_tokens: 1000\n  monthly_requests: 10000\ncost:\n  price_table: azure-openai-2026-02\n";
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "  model: gpt-4.1\n  training_tokens: 5\n  training_file_tokens: 5\n",
            "9:3",
            "give `training_tokens` or `training_file_tokens` with `epochs`, not both",
            "`training_tokens` is the total trained (file tokens x epochs); remove one of them",
        ),
        (
            "  training_tokens: 5\n  epochs: 2\n",
            "8:3",
            "`training_tokens` already counts every epoch",
            "replace `training_tokens` with `training_file_tokens`",
        ),
        (
            "  training_hours: 2\n  training_tokens: 5\n",
            "8:3",
            "give `training_hours` or `training_tokens`, not both",
            "per-hour tables and `method: rft` bill `training_hours`",
        ),
        (
            "  grader_model: o3-mini\n  method: sft\n",
            "7:3",
            "`grader_model` applies to `method: rft` only",
            "set `method: rft`",
        ),
        (
            "  method: dpo\n  grader_output_tokens: 5\n",
            "8:3",
            "`grader_output_tokens` applies to `method: rft` only",
            "set `method: rft`",
        ),
        (
            "  method: rft\n  training_file_tokens: 4\n",
            "8:3",
            "`method: rft` is billed by `training_hours`, not `training_file_tokens`",
            "use `method: sft` or `dpo` for per-token training",
        ),
        (
            "  method: rft\n  grader_model: o3-mini\n",
            "8:3",
            "a model grader needs `grader_model`, `grader_input_tokens` and `grader_output_tokens`; `grader_input_tokens` is missing",
            "add `grader_input_tokens`",
        ),
        (
            "  ptu_hours_per_month: 10\n",
            "7:3",
            "`ptu_hours_per_month` applies to `deployment: provisioned` only",
            "set `deployment: provisioned`, or remove the PTU keys",
        ),
        (
            "  deployment: global_standard\n  ptu_hourly_rate: 2\n",
            "8:3",
            "`ptu_hourly_rate` applies to `deployment: provisioned` only",
            "set `deployment: provisioned`",
        ),
        (
            "  deployment: provisioned\n",
            "7:3",
            "`deployment: provisioned` needs `ptu_hours_per_month` and `ptu_hourly_rate`",
            "your price per PTU-hour",
        ),
        (
            "  deployment: provisioned\n  ptu_hours_per_month: 1\n  ptu_hourly_rate: 1\n  hosting_hours_per_month: 720\n",
            "10:3",
            "a provisioned deployment is billed by `ptu_hours_per_month`, not `hosting_hours_per_month`",
            "remove `hosting_hours_per_month`",
        ),
        // A grader model the table lacks: named, with the models the table has.
        (
            "  method: rft\n  grader_model: gpt-9\n  grader_input_tokens: 1\n  grader_output_tokens: 1\n",
            "8:17",
            "price table `azure-openai-2026-02` has no model `gpt-9`; it has `o4-mini`, `o3-mini`, `gpt-4.1`",
            "`shouldtune cost --table ID` lists them",
        ),
        // A price the table lacks: the model named, with what the table has for it.
        (
            "  model: gpt-4.1\n",
            "7:10",
            "price table `azure-openai-2026-02` has no token prices for `gpt-4.1`; for `gpt-4.1` it has training per token (global)",
            "supply the price with `--pricing FILE`",
        ),
        (
            "  fine_tuned_model: gpt-4.1\n",
            "7:21",
            "has no token prices for `gpt-4.1`; for `gpt-4.1` it has training per token (global)",
            "supply the price with `--pricing FILE`",
        ),
        (
            "  method: sft\n",
            "5:1",
            "has no supervised training price for `o4-mini`; for `o4-mini` it has reinforcement fine-tuning by the hour; hosting (standard, global_standard, developer); token prices",
            "the table prices this model for reinforcement fine-tuning: set `method: rft`",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (n, (section, at, message, help)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case-{n}.yaml"));
        std::fs::write(&path, format!("{head}{section}")).unwrap();
        let path = path.display().to_string();
        for command in ["cost", "evaluate"] {
            let output = shouldtune(&[command, &path]);
            let err = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{command} {section}: {err}");
            assert!(err.contains(&format!("case-{n}.yaml:{at}")), "{command} {section}: want {at} in {err}");
            assert!(err.contains(message), "{command} {section}: want `{message}` in {err}");
            assert!(err.contains(&format!("= help: {help}")) || err.contains(help), "{command} {section}: {err}");
            assert!(stdout(&output).is_empty(), "nothing on stdout: {}", stdout(&output));
        }
    }
}

/// `epochs` without `training_file_tokens` multiplies the training file estimated from the
/// examples (reported as assumed), so it is not an error: 100 examples x (350 + 300) tokens
/// = 65,000 file tokens x 2 epochs x $2 per 1M (gpt-4.1, global) = $0.26.
#[test]
fn epochs_alone_multiply_the_estimated_training_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("epochs.yaml");
    let prices = dir.path().join("prices.yaml");
    std::fs::write(
        &prices,
        "id: mine\ncurrency: USD\nas_of: 2026-02-11\nsource: test\nmodels:\n  gpt-4.1:\n    training_per_1m_tokens: { global: 2 }\n    hosting_per_hour: { standard: 1 }\n    base: { input_per_1m: 2, output_per_1m: 8 }\n",
    )
    .unwrap();
    std::fs::write(
        &path,
        "name: X\nanswers:\n  prompt_tokens: 3500\n  monthly_requests: 10000\n  examples_available: 100\ncost:\n  price_table: mine\n  training_tier: global\n  fine_tuned_prompt_tokens: 350\n  output_tokens: 300\n  epochs: 2\n",
    )
    .unwrap();
    let json = json_of(&shouldtune(&[
        "cost",
        &path.display().to_string(),
        "--pricing",
        &prices.display().to_string(),
        "-f",
        "json",
    ]));
    assert_eq!(json["fine_tuning_one_time"], "0.26");
    let assumed = json["assumed"].as_array().cloned().unwrap();
    assert!(assumed.iter().any(|a| a["setting"] == "training_file_tokens" && a["value"] == "65000"), "{assumed:?}");
    assert!(!assumed.iter().any(|a| a["setting"] == "epochs"), "{assumed:?}");
}

/// The 2023 table with gpt-35-turbo's hosting fee set to zero: fine-tuning then breaks even at any
/// volume, where the embedded table's $7.00 an hour is not repaid at 400,000 requests a month.
const NO_HOSTING_FEE: &str = "id: azure-openai-2023-10\ncurrency: USD\nas_of: 2026-11-01\nsource: a contract without hosting fees\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 102\n    billing_increment_minutes: 15\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.0015, output_per_1k: 0.002 }\n    fine_tuned: { input_per_1k: 0.0015, output_per_1k: 0.002 }\n";

fn fired(rules: &serde_json::Value) -> Vec<String> {
    rules.as_array().into_iter().flatten().filter_map(|f| f["rule"].as_str().map(str::to_owned)).collect()
}

fn derived(answers: &serde_json::Value) -> serde_json::Value {
    answers
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["question"] == "fine_tuning_breaks_even")
        .map(|a| a["value"].clone())
        .unwrap()
}

/// `--pricing` changes the table the rules' cost fact is derived from in `evaluate` and `check`
/// (as in `cost`): the fact flips, and so do the rules that read it and the scores.
#[test]
fn a_price_table_change_flips_the_derived_fact_and_the_fired_rules() {
    let dir = tempfile::tempdir().unwrap();
    let prices = dir.path().join("prices.yaml");
    std::fs::write(&prices, NO_HOSTING_FEE).unwrap();
    let prices = prices.display().to_string();
    let file = "examples/llm-project.yaml";

    let before = json_of(&shouldtune(&["evaluate", file, "-f", "json"]));
    let after = json_of(&shouldtune(&["evaluate", file, "-f", "json", "--pricing", &prices]));
    assert_eq!(before["cost"]["fine_tuning_breaks_even"], false);
    assert_eq!(after["cost"]["fine_tuning_breaks_even"], true);
    assert_eq!(after["cost"]["source"], "a contract without hosting fees");
    assert_eq!(derived(&before["answers"]), false);
    assert_eq!(derived(&after["answers"]), true);
    assert!(fired(&before["fired"]).contains(&"hosting-fee-not-repaid".to_owned()), "{}", before["fired"]);
    assert!(!fired(&before["fired"]).contains(&"savings-repay-hosting".to_owned()));
    assert!(fired(&after["fired"]).contains(&"savings-repay-hosting".to_owned()), "{}", after["fired"]);
    assert!(!fired(&after["fired"]).contains(&"hosting-fee-not-repaid".to_owned()));
    assert_ne!(before["scores"], after["scores"]);

    let check_before = json_of(&shouldtune(&["check", file, "-f", "json"]));
    let check_after = json_of(&shouldtune(&["check", file, "-f", "json", "--pricing", &prices]));
    assert_eq!(check_before["results"][0]["fired"], before["fired"]);
    assert_eq!(check_after["results"][0]["fired"], after["fired"]);
    assert_eq!(check_after["results"][0]["scores"], after["scores"]);

    // A bad table is bad input for every command that takes one.
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "id: x\ncurrency: USD\n").unwrap();
    for command in ["evaluate", "check", "cost"] {
        let output = shouldtune(&[command, file, "--pricing", &broken.display().to_string()]);
        assert_eq!(output.status.code(), Some(2), "{command}: {}", stdout(&output));
        assert!(stderr(&output).contains("broken.yaml"), "{command}: {}", stderr(&output));
    }
}

/// `cost`'s prose wraps to `COLUMNS`, else 80; only the table's rows (a fixed layout) and a single
/// unbreakable word (the source's URL) may pass the width.
#[test]
fn cost_prose_wraps_to_columns_else_80() {
    let widest = |text: &str| {
        text.lines()
            .filter(|l| l.trim().contains(' ') && !l.starts_with(['│', '╭', '├', '╰']))
            .map(|l| l.chars().count())
            .max()
            .unwrap()
    };
    for file in ["examples/llm-project.yaml", "tests/fixtures/cost/chatbot-2026.yaml"] {
        let text = succeed_on("2026-06-01", &["cost", file]);
        assert!(widest(&text) <= 80, "{text}");
        assert!(widest(&text) > 70, "the width is used: {text}");
        let mut narrow = assert_cmd::Command::cargo_bin("shouldtune").unwrap();
        narrow.current_dir(root()).env("NO_COLOR", "1").env("COLUMNS", "50").args(["cost", file]);
        let narrow = narrow.output().unwrap();
        assert_eq!(narrow.status.code(), Some(0));
        let narrow_text = stdout(&narrow);
        assert!(widest(&narrow_text) <= 50, "{narrow_text}");
        let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(words(&narrow_text), words(&text), "nothing lost by wrapping");
    }
}

fn succeed_on(day: &str, args: &[&str]) -> String {
    let output = shouldtune_on(day, args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}
