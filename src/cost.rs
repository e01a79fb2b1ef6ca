//! Decision economics: what each approach costs a month at the project's
//! volume, what fine-tuning costs once, and where it breaks even.
//!
//! Prices are dated data (`rules/pricing/*.yaml`), never code. All money is
//! exact decimal arithmetic; rounding happens only when printing.

pub mod plot;
pub mod pricing;
pub mod render;

use rust_decimal::Decimal;
use serde::Serialize;

pub use pricing::{DEFAULT_MODEL, DEFAULT_TABLE, ModelPrices, PriceTable, Training, load_tables};

use crate::diag::{Diagnostic, codes};
use crate::load::{MapReader, Node, Sink, Span, expect_decimal, expect_int, expect_str};
use crate::source::SourceFile;

/// The descriptor's optional `cost:` section, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostSettings {
    /// Price table id.
    pub price_table: Option<(String, Span)>,
    /// Model name.
    pub model: Option<(String, Span)>,
    /// Output tokens per request.
    pub output_tokens: Option<u64>,
    /// Prompt tokens per request once instructions and examples move into a fine-tuned model.
    pub fine_tuned_prompt_tokens: Option<u64>,
    /// Retrieved tokens added to each request by RAG.
    pub rag_context_tokens: Option<u64>,
    /// Active training time, in hours.
    pub training_hours: Option<Decimal>,
    /// Training tokens (file tokens times epochs).
    pub training_tokens: Option<u64>,
    /// Hours a month the fine-tuned model is deployed.
    pub hosting_hours_per_month: Option<Decimal>,
    /// Where the `cost:` key is.
    pub span: Span,
}

const COST_KEYS: &[&str] = &[
    "price_table",
    "model",
    "output_tokens",
    "fine_tuned_prompt_tokens",
    "rag_context_tokens",
    "training_hours",
    "training_tokens",
    "hosting_hours_per_month",
];

/// Reads a descriptor's `cost:` section.
pub(crate) fn read_settings(sink: &mut Sink<'_>, node: &Node, key_span: Span) -> Option<CostSettings> {
    let map = MapReader::new(sink, node, "`cost`", COST_KEYS)?;
    let text = |sink: &mut Sink<'_>, key: &str| {
        map.get(key).and_then(|n| expect_str(sink, n, &format!("`{key}`")).map(|s| (s.to_owned(), n.span)))
    };
    let count = |sink: &mut Sink<'_>, key: &str| {
        let node = map.get(key)?;
        let value = expect_int(sink, node, &format!("`{key}`"))?;
        let parsed = u64::try_from(value).ok();
        if parsed.is_none() {
            sink.error(codes::OUT_OF_RANGE, format!("`{key}` is {value}; expected 0 or more"), node.span);
        }
        parsed
    };
    let amount = |sink: &mut Sink<'_>, key: &str| {
        let node = map.get(key)?;
        let value = expect_decimal(sink, node, &format!("`{key}`"))?;
        if value.is_sign_negative() {
            sink.error(codes::OUT_OF_RANGE, format!("`{key}` is {value}; expected 0 or more"), node.span);
            return None;
        }
        Some(value)
    };
    let settings = CostSettings {
        price_table: text(sink, "price_table"),
        model: text(sink, "model"),
        output_tokens: count(sink, "output_tokens"),
        fine_tuned_prompt_tokens: count(sink, "fine_tuned_prompt_tokens"),
        rag_context_tokens: count(sink, "rag_context_tokens"),
        training_hours: amount(sink, "training_hours"),
        training_tokens: count(sink, "training_tokens"),
        hosting_hours_per_month: amount(sink, "hosting_hours_per_month"),
        span: key_span,
    };
    if settings.training_hours.is_some() && settings.training_tokens.is_some() {
        let span = map.key_span("training_tokens").unwrap_or(key_span);
        sink.error(codes::INVALID_RULE, "give `training_hours` or `training_tokens`, not both", span);
    }
    Some(settings)
}

/// The project facts the cost model reads from the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Volume {
    /// Instructions and examples per request today (`answers.prompt_tokens`).
    pub prompt_tokens: u64,
    /// Requests a month (`answers.monthly_requests`).
    pub monthly_requests: u64,
    /// Labelled examples (`answers.examples_available`), for the default training size.
    pub examples: u64,
}

/// Monthly cost of one approach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Monthly {
    /// Prompt engineering.
    pub prompt_engineering: Decimal,
    /// Retrieval-augmented generation.
    pub rag: Decimal,
    /// Fine-tuning (tokens plus hosting).
    pub fine_tuning: Decimal,
}

impl Monthly {
    /// The same amounts without trailing zeros (`2340`, not `2340.000000`).
    #[must_use]
    pub fn normalized(self) -> Monthly {
        Monthly {
            prompt_engineering: self.prompt_engineering.normalize(),
            rag: self.rag.normalize(),
            fine_tuning: self.fine_tuning.normalize(),
        }
    }
}

/// What the cost model assumed and with which values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assumption {
    /// The setting.
    pub setting: String,
    /// The value used.
    pub value: String,
    /// Why this value.
    pub reason: String,
}

/// The cost estimate for one project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostEstimate {
    /// Currency of every amount.
    pub currency: String,
    /// Price table id.
    pub price_table: String,
    /// Its date.
    pub as_of: String,
    /// Its source.
    pub source: String,
    /// The model priced.
    pub model: String,
    /// Requests a month the monthly figures are for.
    pub monthly_requests: u64,
    /// Monthly cost per approach.
    pub monthly: Monthly,
    /// Fine-tuning's one-time training cost.
    pub fine_tuning_one_time: Decimal,
    /// Fewest monthly requests at which fine-tuning costs no more than prompt
    /// engineering a month (training excluded); `None` if it never does.
    pub break_even_monthly_requests: Option<u64>,
    /// Settings not given, and the values used.
    pub assumed: Vec<Assumption>,
    /// Per-request and fixed parts, for plotting.
    #[serde(skip)]
    pub rates: Rates,
}

impl CostEstimate {
    /// Whether, at the project's monthly volume, a fine-tuned deployment costs
    /// no more a month than prompt engineering (training excluded).
    #[must_use]
    pub fn fine_tuning_breaks_even(&self) -> bool {
        self.break_even_monthly_requests.is_some_and(|b| self.monthly_requests >= b)
    }
}

/// Cost per request of each approach and fine-tuning's fixed monthly fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rates {
    /// Prompt engineering, per request.
    pub prompt_engineering: Decimal,
    /// RAG, per request.
    pub rag: Decimal,
    /// Fine-tuning, per request.
    pub fine_tuning: Decimal,
    /// Fine-tuning's hosting per month.
    pub fine_tuning_fixed: Decimal,
}

impl Rates {
    /// Monthly costs at `requests` a month.
    #[must_use]
    pub fn at(&self, requests: u64) -> Monthly {
        let r = Decimal::from(requests);
        Monthly {
            prompt_engineering: self.prompt_engineering * r,
            rag: self.rag * r,
            fine_tuning: self.fine_tuning * r + self.fine_tuning_fixed,
        }
    }
}

const DEFAULT_OUTPUT_TOKENS: u64 = 300;
const DEFAULT_RAG_CONTEXT_TOKENS: u64 = 1500;
const DEFAULT_HOSTING_HOURS: u64 = 730;
const DEFAULT_TRAINING_HOURS: u64 = 1;
const DEFAULT_EPOCHS: u64 = 3;

/// Estimates costs with `settings` against `tables`.
///
/// An unknown table or a model missing from the table is an error located
/// at the setting in `file` (listing what exists).
pub fn estimate(
    tables: &[PriceTable],
    settings: &CostSettings,
    volume: Volume,
    file: &SourceFile,
) -> Result<CostEstimate, Box<Diagnostic>> {
    let mut assumed = Vec::new();
    let mut assume = |setting: &str, value: String, reason: &str| {
        assumed.push(Assumption { setting: setting.to_owned(), value, reason: reason.to_owned() });
    };
    let table_id = settings.price_table.as_ref().map_or(DEFAULT_TABLE, |(id, _)| id.as_str());
    if settings.price_table.is_none() {
        assume("price_table", DEFAULT_TABLE.to_owned(), "default price table");
    }
    let table = tables.iter().find(|t| t.id == table_id).ok_or_else(|| {
        let ids: Vec<String> = tables.iter().map(|t| format!("`{}`", t.id)).collect();
        let span = settings.price_table.as_ref().map_or(settings.span, |(_, s)| *s);
        Box::new(
            Diagnostic::error(codes::UNKNOWN_CHOICE, format!("unknown price table `{table_id}`"), file, span)
                .with_help(format!("the tables are {}; add one with `--pricing FILE`", ids.join(", "))),
        )
    })?;
    let model_name = settings.model.as_ref().map_or(DEFAULT_MODEL, |(m, _)| m.as_str());
    if settings.model.is_none() {
        assume("model", DEFAULT_MODEL.to_owned(), "default model");
    }
    let model = table.model(model_name).map_err(|message| {
        let span = settings.model.as_ref().map_or(settings.span, |(_, s)| *s);
        Box::new(Diagnostic::error(codes::UNKNOWN_CHOICE, message, file, span))
    })?;

    let output = settings.output_tokens.unwrap_or_else(|| {
        assume("output_tokens", DEFAULT_OUTPUT_TOKENS.to_string(), "a typical short answer");
        DEFAULT_OUTPUT_TOKENS
    });
    let fine_tuned_prompt = settings.fine_tuned_prompt_tokens.unwrap_or_else(|| {
        let value = volume.prompt_tokens / 10;
        assume(
            "fine_tuned_prompt_tokens",
            value.to_string(),
            "a tenth of prompt_tokens: instructions and examples move into the model",
        );
        value
    });
    let rag_context = settings.rag_context_tokens.unwrap_or_else(|| {
        assume(
            "rag_context_tokens",
            DEFAULT_RAG_CONTEXT_TOKENS.to_string(),
            "three retrieved passages of about 500 tokens",
        );
        DEFAULT_RAG_CONTEXT_TOKENS
    });
    let hosting_hours = settings.hosting_hours_per_month.unwrap_or_else(|| {
        assume("hosting_hours_per_month", DEFAULT_HOSTING_HOURS.to_string(), "deployed all month");
        Decimal::from(DEFAULT_HOSTING_HOURS)
    });

    let thousand = Decimal::from(1000);
    let per_request = |prompt: u64, prices: pricing::TokenPrices| {
        (Decimal::from(prompt) * prices.input_per_1k + Decimal::from(output) * prices.output_per_1k) / thousand
    };
    let rates = Rates {
        prompt_engineering: per_request(volume.prompt_tokens, model.base),
        rag: per_request(volume.prompt_tokens + rag_context, model.base),
        fine_tuning: per_request(fine_tuned_prompt, model.fine_tuned),
        fine_tuning_fixed: model.hosting_per_hour * hosting_hours,
    };
    let one_time = match model.training {
        Training::PerHour { price, increment_minutes } => {
            let hours = settings.training_hours.unwrap_or_else(|| {
                assume("training_hours", DEFAULT_TRAINING_HOURS.to_string(), "a small training job");
                Decimal::from(DEFAULT_TRAINING_HOURS)
            });
            billed_hours(hours, increment_minutes) * price
        }
        Training::Per1kTokens(price) => {
            let tokens = settings.training_tokens.unwrap_or_else(|| {
                let tokens = volume.examples * (fine_tuned_prompt + output) * DEFAULT_EPOCHS;
                assume(
                    "training_tokens",
                    tokens.to_string(),
                    "examples_available x (fine_tuned_prompt_tokens + output_tokens) x 3 epochs",
                );
                tokens
            });
            Decimal::from(tokens) * price / thousand
        }
    };
    Ok(CostEstimate {
        currency: table.currency.clone(),
        price_table: table.id.clone(),
        as_of: table.as_of.clone(),
        source: table.source.clone(),
        model: model.name.clone(),
        monthly_requests: volume.monthly_requests,
        monthly: rates.at(volume.monthly_requests).normalized(),
        fine_tuning_one_time: one_time.normalize(),
        break_even_monthly_requests: break_even(&rates),
        assumed,
        rates,
    })
}

/// `hours` rounded up to a whole number of billing increments.
#[must_use]
pub fn billed_hours(hours: Decimal, increment_minutes: u32) -> Decimal {
    let increment = Decimal::from(increment_minutes);
    let increments = (hours * Decimal::from(60) / increment).ceil();
    increments * increment / Decimal::from(60)
}

/// The fewest monthly requests at which fine-tuning costs no more than
/// prompt engineering, training excluded.
fn break_even(rates: &Rates) -> Option<u64> {
    let saving = rates.prompt_engineering - rates.fine_tuning;
    if rates.fine_tuning_fixed.is_zero() {
        return (saving >= Decimal::ZERO).then_some(0);
    }
    if saving <= Decimal::ZERO {
        return None;
    }
    let requests = (rates.fine_tuning_fixed / saving).ceil();
    u64::try_from(requests).ok()
}

#[cfg(test)]
mod tests;
