use std::str::FromStr;

use super::*;
use crate::load::Limits;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn tables() -> Vec<PriceTable> {
    load_tables(&[], Limits::default()).unwrap()
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
        ..CostSettings::default()
    }
}

fn with_defaults_noted(mut s: CostSettings) -> CostSettings {
    s.method = Some((Method::Sft, Span::START));
    s.deployment = Some((Deployment::Standard, Span::START));
    s.training_tier = Some((Tier::Regional, Span::START));
    s.fine_tuned_model = s.model.clone();
    s
}

fn run(s: &CostSettings, volume: Volume) -> CostEstimate {
    estimate(&tables(), s, volume, &file()).unwrap()
}

fn error(s: &CostSettings, volume: Volume) -> Diagnostic {
    estimate(&tables(), s, volume, &file()).err().map_or_else(|| panic!("expected an error"), |e| *e)
}

#[test]
fn embedded_tables_hold_the_guidance_figures() {
    let tables = tables();
    let azure = tables.iter().find(|t| t.id == "azure-openai-2023-10").unwrap();
    assert_eq!((azure.currency.as_str(), azure.as_of.as_str()), ("USD", "2023-10-16"));
    let turbo = azure.model("gpt-35-turbo").unwrap();
    assert_eq!(turbo.training, Some(Training::PerHour { price: d("102"), increment_minutes: 15 }));
    assert_eq!(turbo.hosting.standard, Some(d("7.00")));
    let ft = turbo.fine_tuned.unwrap();
    assert_eq!((ft.input_per_1k, ft.output_per_1k), (d("0.0015"), d("0.0020")));
    let babbage = azure.model("babbage-002").unwrap();
    assert_eq!((babbage.hosting.standard, babbage.base.map(|b| b.input_per_1k)), (Some(d("1.70")), Some(d("0.0004"))));
    let davinci = azure.model("davinci-002").unwrap();
    assert_eq!(davinci.training, Some(Training::PerHour { price: d("68"), increment_minutes: 15 }));
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
    let e = run(&with_defaults_noted(settings("azure-openai-2023-10", "gpt-35-turbo")), volume);
    assert_eq!(e.monthly.prompt_engineering, d("2340"));
    assert_eq!(e.monthly.rag, d("3240"));
    assert_eq!(e.monthly.fine_tuning, d("5560"));
    assert_eq!(e.fine_tuning_one_time, d("153"));
    assert_eq!(e.break_even_monthly_requests, Some(1_081_482));
    assert!(!e.fine_tuning_breaks_even(), "400,000 requests is below the break-even");
    assert!(e.assumed.is_empty(), "{:?}", e.assumed);
}

#[test]
fn training_time_is_rounded_up_to_billing_increments() {
    assert_eq!(billed_hours(d("1.3"), 15), Some(d("1.5")));
    assert_eq!(billed_hours(d("1.25"), 15), Some(d("1.25")));
    assert_eq!(billed_hours(d("0.01"), 15), Some(d("0.25")));
    assert_eq!(billed_hours(d("2"), 60), Some(d("2")));
    assert_eq!(billed_hours(d("0"), 15), Some(d("0")));
    assert_eq!(billed_hours(Decimal::MAX, 15), None);
}

/// davinci-002: hosting 3.00 x 730 = 2,190 a month; prompts 2,500 vs 310 tokens at 0.002 per 1K
/// save 2,190 x 0.002 / 1000 = 0.00438 a request; 2,190 / 0.00438 = 500,000 exactly.
#[test]
fn at_exactly_break_even_both_cost_the_same() {
    let mut s = settings("azure-openai-2023-10", "davinci-002");
    s.fine_tuned_prompt_tokens = Some(310);
    let volume = Volume { prompt_tokens: 2500, monthly_requests: 500_000, examples: 100 };
    let e = run(&s, volume);
    assert_eq!(e.break_even_monthly_requests, Some(500_000));
    assert_eq!(e.monthly.fine_tuning, e.monthly.prompt_engineering);
    assert!(e.fine_tuning_breaks_even(), "at exactly the break-even");
    let below = e.rates.at(499_999).unwrap();
    assert!(below.fine_tuning > below.prompt_engineering);
}

#[test]
fn per_token_training_and_no_break_even() {
    let mut s = settings("openai-2023-08", "gpt-3.5-turbo");
    s.training_hours = None;
    s.training_tokens = Some(1_000_000);
    let volume = Volume { prompt_tokens: 500, monthly_requests: 10_000, examples: 100 };
    let e = run(&s, volume);
    // 1,000,000 tokens x 0.008 / 1000 = 8
    assert_eq!(e.fine_tuning_one_time, d("8"));
    // fine-tuned tokens cost more and the prompt saving is small: never cheaper.
    assert_eq!(e.break_even_monthly_requests, None);
    assert!(!e.fine_tuning_breaks_even());
}

#[test]
fn defaults_are_reported_as_assumed() {
    let s = CostSettings::default();
    let volume = Volume { prompt_tokens: 1000, monthly_requests: 10_000, examples: 0 };
    let e = run(&s, volume);
    let assumed: Vec<&str> = e.assumed.iter().map(|a| a.setting.as_str()).collect();
    assert_eq!(
        assumed,
        [
            "price_table",
            "model",
            "fine_tuned_model",
            "method",
            "deployment",
            "output_tokens",
            "fine_tuned_prompt_tokens",
            "rag_context_tokens",
            "hosting_hours_per_month",
            "training_tier",
            "training_hours"
        ]
    );
    assert_eq!((e.price_table.as_str(), e.model.as_str()), (DEFAULT_TABLE, DEFAULT_MODEL));
}

#[test]
fn a_missing_model_lists_the_models_the_table_has() {
    let volume = Volume { prompt_tokens: 1, monthly_requests: 1, examples: 0 };
    let error = estimate(&tables(), &settings("azure-openai-2023-10", "gpt-4"), volume, &file()).err();
    let message = error.map(|e| e.message).unwrap();
    assert_eq!(
        message,
        "price table `azure-openai-2023-10` has no model `gpt-4`; it has `babbage-002`, `davinci-002`, `gpt-35-turbo`"
    );
    let error = estimate(&tables(), &settings("nope", "gpt-4"), volume, &file()).err();
    assert!(
        error
            .and_then(|e| e.help)
            .is_some_and(|h| h.contains("`azure-openai-2023-10`, `azure-openai-2026-02`, `openai-2023-08`"))
    );
}

#[test]
fn malformed_price_tables_are_clear_errors() {
    let cases = [
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    billing_increment_minutes: 15\n",
            "goes with `training_per_hour`",
        ),
        ("id: t\ncurrency: USD\nas_of: October\nsource: s\nmodels: {}\n", "a date like `2023-10-16`"),
        ("id: t\ncurrency: USD\nas_of: 2023-02-30\nsource: s\nmodels: {}\n", "a date like `2023-10-16`"),
        ("id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m: {}\n", "has no prices"),
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    training_per_hour: 1\n    billing_increment_minutes: 15\n    training_per_1m_tokens: 2\n",
            "give one training price",
        ),
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    base: { input_per_1k: 1, input_per_1m: 1, output_per_1m: 1 }\n",
            "not both",
        ),
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\nmodels:\n  m:\n    hosting_per_hour: { standrd: 1 }\n",
            "did you mean `standard`?",
        ),
        (
            "id: t\ncurrency: USD\nas_of: 2023-10-16\nsource: s\ndefault_model: x\nmodels:\n  m:\n    hosting_per_hour: 1\n",
            "is not in `models`",
        ),
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
        let errors = load_tables(&[SourceFile::new("prices.yaml", text)], Limits::default()).err().unwrap();
        let all: Vec<String> =
            errors.iter().map(|e| format!("{} {}", e.message, e.help.clone().unwrap_or_default())).collect();
        assert!(all.iter().any(|m| m.contains(expected)), "{text}\n{all:?}");
        assert!(errors.iter().all(|e| e.file.as_ref().is_some_and(|f| f.name() == "prices.yaml")));
    }
}

#[test]
fn a_supplied_table_replaces_the_embedded_one_with_its_id() {
    let text = "id: azure-openai-2023-10\ncurrency: USD\nas_of: 2024-01-01\nsource: s\nmodels:\n  gpt-35-turbo:\n    training_per_hour: 1\n    billing_increment_minutes: 60\n    hosting_per_hour: 0\n    base: { input_per_1k: 0.001, output_per_1k: 0.001 }\n    fine_tuned: { input_per_1k: 0.001, output_per_1k: 0.001 }\n";
    let tables = load_tables(&[SourceFile::new("p.yaml", text)], Limits::default()).unwrap();
    assert_eq!(tables.len(), 3);
    assert_eq!(tables[0].as_of, "2024-01-01");
}

#[test]
fn the_chart_is_well_formed_svg_with_three_series_and_the_break_even_marker() {
    let volume = Volume { prompt_tokens: 3500, monthly_requests: 400_000, examples: 20_000 };
    let e = run(&settings("azure-openai-2023-10", "gpt-35-turbo"), volume);
    let svg = plot::svg(&e, "Support <triage> & co").unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not well-formed: {e}"));
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

fn table_2026(model: &str) -> CostSettings {
    CostSettings {
        price_table: Some(("azure-openai-2026-02".to_owned(), Span::START)),
        model: Some((model.to_owned(), Span::START)),
        ..CostSettings::default()
    }
}

/// The chatbot month of "Cost management for fine-tuning" (2026-02-11), o4-mini on a
/// standard deployment: 10,000 requests of 2,000 input and 4,000 output tokens
/// (20M and 40M in all): 20 x 1.10 + 40 x 4.40 = 198 in tokens, 1.70 x 720 = 1,224 hosting: 1,422.
/// Its RFT job: 4 hours x 100 = 400; the o3-mini grader's 5M input and 4.9M output tokens
/// cost 5 x 1.10 + 4.9 x 4.40 = 27.06; 427.06 in all.
#[test]
fn hand_worked_2026_figures_rft_with_grader_and_the_chatbot_month() {
    let mut s = table_2026("o4-mini");
    s.method = Some((Method::Rft, Span::START));
    s.training_hours = Some(d("4"));
    s.output_tokens = Some(4000);
    s.fine_tuned_prompt_tokens = Some(2000);
    s.hosting_hours_per_month = Some(d("720"));
    let volume = Volume { prompt_tokens: 2000, monthly_requests: 10_000, examples: 0 };
    let e = run(&s, volume);
    assert_eq!(e.fine_tuning_one_time, d("400"));
    assert_eq!(e.grader_one_time, d("0"));
    assert_eq!(e.monthly.fine_tuning, d("1422"));
    assert_eq!(render::money(e.monthly.fine_tuning), "1,422.00");
    assert_eq!(e.training_tier, None);
    assert!(e.caveat.as_deref().is_some_and(|c| c.contains("example purposes")));

    s.grader_model = Some(("o3-mini".to_owned(), Span::START));
    s.grader_input_tokens = Some(5_000_000);
    s.grader_output_tokens = Some(4_900_000);
    let e = run(&s, volume);
    assert_eq!(e.grader_one_time, d("27.06"));
    assert_eq!(e.fine_tuning_one_time, d("427.06"));
    assert_eq!(render::money(e.fine_tuning_one_time), "427.06");
}

/// The page's SFT example: GPT-4.1, global training at $2 per 1M training tokens,
/// a 1M-token file trained for 2 epochs: 2 x 1 x 2 = $4.
#[test]
fn hand_worked_2026_sft_training_is_four_dollars() {
    let tables = tables();
    let table = tables.iter().find(|t| t.id == "azure-openai-2026-02").unwrap();
    let gpt41 = table.model("gpt-4.1").unwrap();
    let mut s = table_2026("gpt-4.1");
    s.training_tier = Some((Tier::Global, Span::START));
    s.training_file_tokens = Some(1_000_000);
    s.epochs = Some(2);
    let file = file();
    let at = Located { file: &file, span: Span::START };
    let input = |s| OneTimeInput {
        table,
        fine_tuned: gpt41,
        method: Method::Sft,
        settings: s,
        volume: Volume { prompt_tokens: 0, monthly_requests: 0, examples: 0 },
        fine_tuned_prompt: 0,
        output: 0,
        ft_span: None,
    };
    let once = one_time(&input(&s), &at, &mut |_, _, _| {}).unwrap();
    assert_eq!((once.training, once.grader), (d("4"), d("0")));
    // The same price through `training_tokens` (file tokens x epochs).
    let mut t = s.clone();
    (t.training_file_tokens, t.epochs, t.training_tokens) = (None, None, Some(2_000_000));
    let once = one_time(&input(&t), &at, &mut |_, _, _| {}).unwrap();
    assert_eq!(once.training, d("4"));
    // The page gives no regional price: asking for one is an error saying what there is.
    let mut u = s.clone();
    u.training_tier = None;
    let message = one_time(&input(&u), &at, &mut |_, _, _| {}).err().map(|e| e.message).unwrap();
    assert_eq!(
        message,
        "price table `azure-openai-2026-02` has no `regional` training price for `gpt-4.1`; for `gpt-4.1` it has training per token (global)"
    );
}

#[test]
fn a_price_the_table_lacks_names_the_model_and_what_the_table_has() {
    let volume = Volume { prompt_tokens: 1000, monthly_requests: 1000, examples: 100 };
    // gpt-4.1's only figure is its training price: no token prices to run it.
    let mut s = table_2026("o4-mini");
    s.fine_tuned_model = Some(("gpt-4.1".to_owned(), Span::START));
    let e = error(&s, volume);
    assert_eq!(e.code, Code::UnknownChoice);
    assert!(
        e.message.contains("has no token prices for `gpt-4.1`") && e.message.contains("training per token (global)"),
        "{}",
        e.message
    );
    // o4-mini is priced for RFT only: SFT (the default method) is an error with the fix.
    let e = error(&table_2026("o4-mini"), volume);
    assert!(e.message.contains("no supervised training price for `o4-mini`"), "{}", e.message);
    assert!(e.message.contains("reinforcement fine-tuning by the hour"), "{}", e.message);
    assert!(e.help.is_some_and(|h| h.contains("method: rft")));
    // A grader the table has no token prices for.
    let mut s = table_2026("o4-mini");
    s.method = Some((Method::Rft, Span::START));
    s.grader_model = Some(("gpt-4.1".to_owned(), Span::START));
    assert!(error(&s, volume).message.contains("no token prices for `gpt-4.1`"));
    // A deployment type the 2023 table does not price.
    let mut s = settings("azure-openai-2023-10", "gpt-35-turbo");
    s.deployment = Some((Deployment::GlobalStandard, Span::START));
    let e = error(&s, volume);
    assert!(
        e.message.contains("no hosting fee for deployment `global_standard`")
            && e.message.contains("hosting (standard)"),
        "{}",
        e.message
    );
}

#[test]
fn the_default_model_follows_the_table() {
    let volume = Volume { prompt_tokens: 1000, monthly_requests: 1000, examples: 100 };
    let s = CostSettings { price_table: Some(("openai-2023-08".to_owned(), Span::START)), ..CostSettings::default() };
    assert_eq!(run(&s, volume).model, "gpt-3.5-turbo");
    let mut s =
        CostSettings { price_table: Some(("azure-openai-2026-02".to_owned(), Span::START)), ..CostSettings::default() };
    s.method = Some((Method::Rft, Span::START));
    assert_eq!(run(&s, volume).model, "o4-mini");
}

#[test]
fn the_developer_tier_is_an_evaluation_cost_without_a_break_even() {
    let mut s = table_2026("o4-mini");
    s.method = Some((Method::Rft, Span::START));
    s.deployment = Some((Deployment::Developer, Span::START));
    s.output_tokens = Some(4000);
    s.fine_tuned_prompt_tokens = Some(2000);
    // Fine-tuning is far cheaper per request than the 20,000-token prompt and has no hourly fee here,
    // yet the developer tier claims no production savings.
    let volume = Volume { prompt_tokens: 20_000, monthly_requests: 10_000, examples: 0 };
    let e = run(&s, volume);
    assert!(e.evaluation_only);
    assert_eq!(e.monthly.fine_tuning, d("198"), "tokens only, no hosting fee");
    assert_eq!(e.break_even_monthly_requests, None);
    assert!(!e.fine_tuning_breaks_even());
    assert!(e.notes.iter().any(|n| n.contains("removed after 24 hours")));
    assert!(!e.assumed.iter().any(|a| a.setting == "hosting_hours_per_month"));
    assert!(render::summary_line(&e).contains("no production break-even"));
}

#[test]
fn a_cheaper_fine_tuned_model_without_a_fixed_fee_breaks_even_at_any_volume() {
    let text = "id: distil\ncurrency: USD\nas_of: 2026-01-01\nsource: test prices\nmodels:\n  big:\n    hosting_per_hour: 0\n    base: { input_per_1m: 10, output_per_1m: 30 }\n  small:\n    training_per_1m_tokens: 3\n    hosting_per_hour: 0\n    base: { input_per_1m: 0.5, output_per_1m: 1.5 }\n";
    let tables = load_tables(&[SourceFile::new("p.yaml", text)], Limits::default()).unwrap();
    let s = CostSettings {
        price_table: Some(("distil".to_owned(), Span::START)),
        model: Some(("big".to_owned(), Span::START)),
        fine_tuned_model: Some(("small".to_owned(), Span::START)),
        fine_tuned_prompt_tokens: Some(1000),
        ..CostSettings::default()
    };
    for requests in [0, 1, 1_000_000] {
        let volume = Volume { prompt_tokens: 1000, monthly_requests: requests, examples: 10 };
        let e = estimate(&tables, &s, volume, &file()).unwrap();
        assert_eq!(e.break_even_monthly_requests, Some(0));
        assert!(e.fine_tuning_breaks_even());
        assert_eq!(e.fine_tuned_model, "small");
    }
    // 10 examples x (1000 + 300) tokens x 3 epochs = 39,000 tokens at 3 per 1M.
    let e = estimate(&tables, &s, Volume { prompt_tokens: 1000, monthly_requests: 1, examples: 10 }, &file()).unwrap();
    assert_eq!(e.fine_tuning_one_time, d("0.117"));
}

/// Provisioned: 720 PTU-hours at 2.00 = 1,440 a month, no token charges; prompt engineering
/// costs (1,000 x 1.10 + 300 x 4.40) / 1M = 0.00242 a request: break-even 1,440 / 0.00242 = 595,041.3 -> 595,042.
#[test]
fn a_provisioned_deployment_pays_ptu_hours_and_no_tokens() {
    let mut s = table_2026("o4-mini");
    s.method = Some((Method::Rft, Span::START));
    s.deployment = Some((Deployment::Provisioned, Span::START));
    s.ptu_hours_per_month = Some(d("720"));
    s.ptu_hourly_rate = Some(d("2"));
    let volume = Volume { prompt_tokens: 1000, monthly_requests: 1_000_000, examples: 0 };
    let e = run(&s, volume);
    assert_eq!(e.monthly.fine_tuning, d("1440"));
    assert_eq!(e.monthly.prompt_engineering, d("2420"));
    assert_eq!(e.break_even_monthly_requests, Some(595_042));
    assert!(e.fine_tuning_breaks_even());
    s.ptu_hourly_rate = None;
    assert_eq!(error(&s, volume).code, Code::MissingKey);
}

#[test]
fn an_rft_job_over_its_cap_is_noted() {
    let mut s = table_2026("o4-mini");
    s.method = Some((Method::Rft, Span::START));
    s.training_hours = Some(d("60.004"));
    let e = run(&s, Volume { prompt_tokens: 1000, monthly_requests: 1000, examples: 0 });
    // 60.004 hours bill as 60.00: 6,000, past the 5,000 pause.
    assert_eq!(e.fine_tuning_one_time, d("6000"));
    assert!(e.notes.iter().any(|n| n.contains("USD 5,000.00") && n.contains("resumed")), "{:?}", e.notes);
}

#[test]
fn stale_tables_are_flagged_against_the_reference_day() {
    let mut e = run(
        &settings("azure-openai-2023-10", "gpt-35-turbo"),
        Volume { prompt_tokens: 1, monthly_requests: 1, examples: 0 },
    );
    let day = |s| date::days_from_iso(s).unwrap();
    assert_eq!(e.check_age(day("2024-10-16")), None);
    assert!(!e.stale_prices);
    let warning = e.check_age(day("2024-10-17")).map(|w| w.render(crate::i18n::Lang::En));
    assert!(e.stale_prices);
    assert!(warning.is_some_and(|w| w.contains("2023-10-16") && w.contains("2024-10-17")));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Token counts from small to the largest a descriptor can hold.
    fn count() -> impl Strategy<Value = u64> {
        prop_oneof![0..10_000u64, 0..=u64::MAX, Just(10u64.pow(18)), Just(i64::MAX as u64)]
    }

    /// Prices from zero to the decimal type's maximum.
    fn price() -> impl Strategy<Value = String> {
        prop_oneof![
            (0..100_000u64).prop_map(|n| Decimal::new(i64::try_from(n).unwrap_or(0), 4).to_string()),
            Just(Decimal::MAX.to_string()),
            Just("79228162514264337593543950".to_owned()),
            Just("0.0000000000000000000000000001".to_owned()),
        ]
    }

    /// Model `m` has every 2026 shape (per-token training at every tier, RFT, every hosting
    /// type); model `h` is billed by the hour of training (the 2023 shape).
    fn table(p: &[String]) -> PriceTable {
        let text = format!(
            "id: x\ncurrency: USD\nas_of: 2026-01-01\nsource: s\nmodels:\n  m:\n    training_per_1m_tokens: {{ regional: {}, global: {}, developer: {} }}\n    rft_training_per_hour: {}\n    hosting_per_hour: {{ standard: {}, global_standard: {}, developer: 0 }}\n    base: {{ input_per_1m: {}, output_per_1m: {} }}\n  h:\n    training_per_hour: {}\n    billing_increment_minutes: 15\n    hosting_per_hour: {{ standard: {}, global_standard: {}, developer: 0 }}\n    base: {{ input_per_1m: {}, output_per_1m: {} }}\n",
            p[0], p[1], p[1], p[2], p[3], p[3], p[4], p[5], p[2], p[3], p[3], p[4], p[5]
        );
        pricing::load_table(&SourceFile::new("p.yaml", text), Limits::default()).unwrap()
    }

    /// One billing shape: how training is billed and where, and how the model is deployed.
    #[derive(Debug, Clone, Copy)]
    struct Shape {
        method: Method,
        tier: Tier,
        deployment: Deployment,
        /// Training by the hour in increments (model `h`), instead of per token or RFT.
        per_hour: bool,
    }

    fn settings(shape: Shape, n: &[u64]) -> CostSettings {
        let Shape { method, tier, deployment, per_hour } = shape;
        let rft = method == Method::Rft;
        let per_token = !rft && !per_hour;
        CostSettings {
            price_table: Some(("x".to_owned(), Span::START)),
            model: Some(("m".to_owned(), Span::START)),
            fine_tuned_model: per_hour.then(|| ("h".to_owned(), Span::START)),
            output_tokens: Some(n[0]),
            fine_tuned_prompt_tokens: Some(n[1]),
            rag_context_tokens: Some(n[2]),
            method: Some((method, Span::START)),
            training_tier: (!rft).then_some((tier, Span::START)),
            training_file_tokens: per_token.then_some(n[3]),
            epochs: per_token.then_some(n[4] % 1000),
            training_hours: (!per_token).then(|| Decimal::from(n[5])),
            grader_model: rft.then(|| ("m".to_owned(), Span::START)),
            grader_input_tokens: rft.then_some(n[3]),
            grader_output_tokens: rft.then_some(n[4]),
            deployment: Some((deployment, Span::START)),
            hosting_hours_per_month: (deployment != Deployment::Provisioned).then(|| Decimal::from(n[6] % 10_000)),
            ptu_hours_per_month: (deployment == Deployment::Provisioned).then(|| Decimal::from(n[6])),
            ptu_hourly_rate: (deployment == Deployment::Provisioned).then(|| Decimal::from(n[7])),
            ..CostSettings::default()
        }
    }

    /// Every billing shape: SFT and DPO per token at each tier, by the hour (regional), RFT with
    /// a model grader; each on every deployment type.
    fn shape() -> impl Strategy<Value = Shape> {
        (
            prop_oneof![Just(Method::Sft), Just(Method::Dpo), Just(Method::Rft)],
            prop_oneof![Just(Tier::Regional), Just(Tier::Global), Just(Tier::Developer)],
            prop_oneof![
                Just(Deployment::Standard),
                Just(Deployment::GlobalStandard),
                Just(Deployment::Developer),
                Just(Deployment::Provisioned)
            ],
            any::<bool>(),
        )
            .prop_map(|(method, tier, deployment, per_hour)| {
                let per_hour = per_hour && method != Method::Rft;
                Shape { method, tier: if per_hour { Tier::Regional } else { tier }, deployment, per_hour }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any volume and any price: an estimate with amounts of 0 or more, or an
        /// `out-of-range` error; never a panic (the chart included).
        #[test]
        fn never_negative_never_a_panic(
            prices in proptest::collection::vec(price(), 6),
            n in proptest::collection::vec(count(), 8),
            volume in (count(), count(), count()),
            shape in shape(),
        ) {
            let tables = vec![table(&prices)];
            let volume = Volume { prompt_tokens: volume.0, monthly_requests: volume.1, examples: volume.2 };
            match estimate(&tables, &settings(shape, &n), volume, &file()) {
                Ok(e) => {
                    let m = e.monthly;
                    for amount in [m.prompt_engineering, m.rag, m.fine_tuning, e.fine_tuning_one_time, e.grader_one_time] {
                        prop_assert!(!amount.is_sign_negative() || amount.is_zero(), "{amount}");
                    }
                    prop_assert_eq!(e.fine_tuning_breaks_even(), !e.evaluation_only && m.fine_tuning <= m.prompt_engineering);
                    if let (Some(n), false) = (e.break_even_monthly_requests, e.evaluation_only) {
                        prop_assert_eq!(e.fine_tuning_breaks_even(), e.monthly_requests >= n);
                    }
                    let svg = plot::svg(&e, "p");
                    prop_assert!(svg.is_ok(), "{svg:?}");
                    let _ = render::summary_line(&e);
                }
                Err(d) => prop_assert_eq!(d.code, Code::OutOfRange, "{}", d.message),
            }
        }

        /// More requests never cost less, for any approach.
        #[test]
        fn costs_grow_with_volume(
            prices in proptest::collection::vec(price(), 6),
            n in proptest::collection::vec(0..100_000u64, 8),
            prompt in 0..100_000u64,
            (low, high) in (0..10_000_000u64, 0..10_000_000u64),
            shape in shape(),
        ) {
            let tables = vec![table(&prices)];
            let (low, high) = (low.min(high), low.max(high));
            let volume = Volume { prompt_tokens: prompt, monthly_requests: low, examples: 10 };
            if let Ok(e) = estimate(&tables, &settings(shape, &n), volume, &file())
                && let (Some(a), Some(b)) = (e.rates.at(low), e.rates.at(high))
            {
                prop_assert!(a.prompt_engineering <= b.prompt_engineering);
                prop_assert!(a.rag <= b.rag);
                prop_assert!(a.fine_tuning <= b.fine_tuning);
                prop_assert!(a.prompt_engineering <= a.rag, "RAG adds context to the same prompt");
            }
        }

        /// A bigger training job (more file tokens or epochs, more hours, more grader tokens),
        /// more hosting hours or PTU-hours, or a higher PTU rate never cost less, in every shape.
        #[test]
        fn costs_grow_with_the_training_job_and_the_hours_deployed(
            prices in proptest::collection::vec((0..100_000i64).prop_map(|n| Decimal::new(n, 4).to_string()), 6),
            n in proptest::collection::vec(0..500u64, 8),
            extra in proptest::collection::vec(0..500u64, 8),
            prompt in 0..100_000u64,
            shape in shape(),
        ) {
            let tables = vec![table(&prices)];
            let more: Vec<u64> = n.iter().zip(&extra).enumerate().map(|(i, (a, b))| if i >= 3 { a + b } else { *a }).collect();
            let volume = Volume { prompt_tokens: prompt, monthly_requests: 10_000, examples: 10 };
            // Ordinary prices and sizes: both estimates must exist.
            let small = estimate(&tables, &settings(shape, &n), volume, &file());
            let big = estimate(&tables, &settings(shape, &more), volume, &file());
            prop_assert!(small.is_ok() && big.is_ok(), "{shape:?}: {small:?} {big:?}");
            if let (Ok(small), Ok(big)) = (small, big) {
                prop_assert!(small.fine_tuning_one_time <= big.fine_tuning_one_time, "{shape:?}");
                prop_assert!(small.grader_one_time <= big.grader_one_time, "{shape:?}");
                prop_assert!(small.monthly.fine_tuning <= big.monthly.fine_tuning, "{shape:?}");
                prop_assert_eq!(small.monthly.prompt_engineering, big.monthly.prompt_engineering);
            }
        }
    }
}

#[test]
fn money_in_prose_follows_the_language() {
    use crate::i18n::Lang;
    let amount = Decimal::new(123_450, 2);
    assert_eq!(render::money_in(amount, "USD", Lang::En), "USD 1,234.50");
    assert_eq!(render::money_in(amount, "USD", Lang::Ja), "$1,234.50");
    assert_eq!(render::money_in(-amount, "USD", Lang::Ja), "-$1,234.50");
    assert_eq!(render::money_in(Decimal::new(5000, 0), "JPY", Lang::Ja), "5,000円");
    assert_eq!(render::money_in(amount, "EUR", Lang::Ja), "1,234.50 EUR");
}
