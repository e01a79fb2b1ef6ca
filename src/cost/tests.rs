use std::str::FromStr;

use super::*;
use crate::load::Limits;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|e| unreachable!("{e}"))
}

fn tables() -> Vec<PriceTable> {
    load_tables(&[], Limits::default()).unwrap_or_else(|e| unreachable!("{e:?}"))
}

fn file() -> SourceFile {
    SourceFile::new("llm-project.yaml", "name: x\n")
}

fn settings(table: &str, model: &str) -> CostSettings {
    CostSettings {
        price_table: Some((table.to_owned(), Span::START)),
        model: Some((model.to_owned(), Span::START)),
        output_tokens: Some(300),
        fine_tuned_prompt_tokens: Some(350),
        rag_context_tokens: Some(1500),
        training_hours: Some(d("1.3")),
        training_tokens: None,
        hosting_hours_per_month: Some(d("730")),
        span: Span::START,
    }
}

#[test]
fn embedded_tables_hold_the_guidance_figures() {
    let tables = tables();
    let azure = tables.iter().find(|t| t.id == "azure-openai-2023-10").unwrap_or_else(|| unreachable!());
    assert_eq!((azure.currency.as_str(), azure.as_of.as_str()), ("USD", "2023-10-16"));
    let turbo = azure.model("gpt-35-turbo").unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(turbo.training, Training::PerHour { price: d("102"), increment_minutes: 15 });
    assert_eq!(turbo.hosting_per_hour, d("7.00"));
    assert_eq!((turbo.fine_tuned.input_per_1k, turbo.fine_tuned.output_per_1k), (d("0.0015"), d("0.0020")));
    let babbage = azure.model("babbage-002").unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!((babbage.hosting_per_hour, babbage.base.input_per_1k), (d("1.70"), d("0.0004")));
    let davinci = azure.model("davinci-002").unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(davinci.training, Training::PerHour { price: d("68"), increment_minutes: 15 });
}

/// Worked by hand:
/// prompt engineering per request = (3500 x 0.0015 + 300 x 0.002) / 1000 = 0.00585, x 400,000 = 2,340;
/// RAG = (5000 x 0.0015 + 0.6) / 1000 = 0.0081, x 400,000 = 3,240;
/// fine-tuning = (350 x 0.0015 + 0.6) / 1000 = 0.001125, x 400,000 = 450, + 7 x 730 = 5,560;
/// training 1.3 h = 78 min -> 6 increments of 15 min = 1.5 h x 102 = 153;
/// break-even = 5,110 / (0.00585 - 0.001125) = 1,081,481.48 -> 1,081,482 requests.
#[test]
fn hand_worked_azure_figures() {
    let volume = Volume { prompt_tokens: 3500, monthly_requests: 400_000, examples: 20_000 };
    let e = estimate(&tables(), &settings("azure-openai-2023-10", "gpt-35-turbo"), volume, &file())
        .unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(e.monthly.prompt_engineering, d("2340"));
    assert_eq!(e.monthly.rag, d("3240"));
    assert_eq!(e.monthly.fine_tuning, d("5560"));
    assert_eq!(e.fine_tuning_one_time, d("153"));
    assert_eq!(e.break_even_monthly_requests, Some(1_081_482));
    assert!(e.assumed.is_empty());
}

#[test]
fn training_time_is_rounded_up_to_billing_increments() {
    assert_eq!(billed_hours(d("1.3"), 15), d("1.5"));
    assert_eq!(billed_hours(d("1.25"), 15), d("1.25"));
    assert_eq!(billed_hours(d("0.01"), 15), d("0.25"));
    assert_eq!(billed_hours(d("2"), 60), d("2"));
    assert_eq!(billed_hours(d("0"), 15), d("0"));
}

/// davinci-002: hosting 3.00 x 730 = 2,190 a month; prompts 2,500 vs 310 tokens at 0.002 per 1K
/// save 2,190 x 0.002 / 1000 = 0.00438 a request; 2,190 / 0.00438 = 500,000 exactly.
#[test]
fn at_exactly_break_even_both_cost_the_same() {
    let mut s = settings("azure-openai-2023-10", "davinci-002");
    s.fine_tuned_prompt_tokens = Some(310);
    let volume = Volume { prompt_tokens: 2500, monthly_requests: 500_000, examples: 100 };
    let e = estimate(&tables(), &s, volume, &file()).unwrap_or_else(|e| unreachable!("{e}"));
    assert_eq!(e.break_even_monthly_requests, Some(500_000));
    assert_eq!(e.monthly.fine_tuning, e.monthly.prompt_engineering);
    let below = e.rates.at(499_999);
    assert!(below.fine_tuning > below.prompt_engineering);
}

#[test]
fn per_token_training_and_no_break_even() {
    let mut s = settings("openai-2023-08", "gpt-3.5-turbo");
    s.training_hours = None;
    s.training_tokens = Some(1_000_000);
    let volume = Volume { prompt_tokens: 500, monthly_requests: 10_000, examples: 100 };
    let e = estimate(&tables(), &s, volume, &file()).unwrap_or_else(|e| unreachable!("{e}"));
    // 1,000,000 tokens x 0.008 / 1000 = 8
    assert_eq!(e.fine_tuning_one_time, d("8"));
    // fine-tuned tokens cost more and the prompt saving is small: never cheaper.
    assert_eq!(e.break_even_monthly_requests, None);
}

#[test]
fn defaults_are_reported_as_assumed() {
    let s = CostSettings::default();
    let volume = Volume { prompt_tokens: 1000, monthly_requests: 10_000, examples: 0 };
    let e = estimate(&tables(), &s, volume, &file()).unwrap_or_else(|e| unreachable!("{e}"));
    let assumed: Vec<&str> = e.assumed.iter().map(|a| a.setting.as_str()).collect();
    assert_eq!(
        assumed,
        [
            "price_table",
            "model",
            "output_tokens",
            "fine_tuned_prompt_tokens",
            "rag_context_tokens",
            "hosting_hours_per_month",
            "training_hours"
        ]
    );
}

#[test]
fn a_missing_model_lists_the_models_the_table_has() {
    let volume = Volume { prompt_tokens: 1, monthly_requests: 1, examples: 0 };
    let error = estimate(&tables(), &settings("azure-openai-2023-10", "gpt-4"), volume, &file()).err();
    let message = error.map(|e| e.message).unwrap_or_default();
    assert_eq!(
        message,
        "price table `azure-openai-2023-10` has no model `gpt-4`; it has `babbage-002`, `davinci-002`, `gpt-35-turbo`"
    );
    let error = estimate(&tables(), &settings("nope", "gpt-4"), volume, &file()).err();
    assert!(error.and_then(|e| e.help).is_some_and(|h| h.contains("`azure-openai-2023-10`, `openai-2023-08`")));
}

#[test]
fn malformed_price_tables_are_clear_errors() {
    let cases = [
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    hosting_per_hour: 1\n",
            "needs exactly one of",
        ),
        ("id: t\ncurrency: USD\nas_of: October\nsource: s\nmodels: {}\n", "a date like `2023-10-16`"),
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    training_per_hour: cheap\n    billing_increment_minutes: 15\n    hosting_per_hour: 1\n    base: { input_per_1k: 1, output_per_1k: 1 }\n    fine_tuned: { input_per_1k: 1, output_per_1k: 1 }\n",
            "to be a number",
        ),
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    training_per_hour: 1\n    billing_increment_minutes: 15\n    hosting_per_hour: -1\n    base: { input_per_1k: 1, output_per_1k: 1 }\n    fine_tuned: { input_per_1k: 1, output_per_1k: 1 }\n",
            "negative",
        ),
        ("id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodel: {}\n", "did you mean `models`?"),
    ];
    for (text, expected) in cases {
        let errors = load_tables(&[SourceFile::new("prices.yaml", text)], Limits::default()).err().unwrap_or_default();
        let all: Vec<String> =
            errors.iter().map(|e| format!("{} {}", e.message, e.help.clone().unwrap_or_default())).collect();
        assert!(all.iter().any(|m| m.contains(expected)), "{text}\n{all:?}");
        assert!(errors.iter().all(|e| e.file.as_ref().is_some_and(|f| f.name() == "prices.yaml")));
    }
}

#[test]
fn a_supplied_table_replaces_the_embedded_one_with_its_id() {
    let text = "id: azure-openai-2023-10\ncurrency: USD\nas_of: 2024-01-01\nsource: s\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 1\n    billing_increment_minutes: 60\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.001, output_per_1k: 0.001 }\n    fine_tuned: { input_per_1k: 0.001, output_per_1k: 0.001 }\n";
    let tables =
        load_tables(&[SourceFile::new("p.yaml", text)], Limits::default()).unwrap_or_else(|e| unreachable!("{e:?}"));
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].as_of, "2024-01-01");
}

#[test]
fn the_chart_is_well_formed_svg_with_three_series_and_the_break_even_marker() {
    let volume = Volume { prompt_tokens: 3500, monthly_requests: 400_000, examples: 20_000 };
    let e = estimate(&tables(), &settings("azure-openai-2023-10", "gpt-35-turbo"), volume, &file())
        .unwrap_or_else(|e| unreachable!("{e}"));
    let svg = plot::svg(&e, "Support <triage> & co").unwrap_or_else(|e| unreachable!("{e}"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| unreachable!("not well-formed: {e}"));
    let texts: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::trim).collect();
    for label in [
        "Prompt engineering",
        "RAG",
        "Fine-tuning (incl. hosting)",
        "Break-even: 1,081,482 requests",
        "This project: 400,000 requests",
    ] {
        assert!(texts.contains(&label), "missing legend `{label}` in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("Monthly requests (log scale)")));
    assert!(texts.iter().any(|t| t.contains("Monthly cost (USD")));
    assert!(texts.iter().any(|t| t.contains("azure-openai-2023-10")
        && t.contains("2023-10-16")
        && t.contains("Support <triage> & co")));
    let long_lines = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter(|n| n.attribute("points").is_some_and(|p| p.split(' ').count() > 100))
        .count();
    assert_eq!(long_lines, 3, "three cost series");
    assert!(doc.descendants().any(|n| n.has_tag_name("circle")), "break-even marker");
}
