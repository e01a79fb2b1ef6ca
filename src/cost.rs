//! Decision economics: what each approach costs a month at the project's
//! volume, what fine-tuning costs once, and where it breaks even.
//!
//! Prices are dated data (`rules/pricing/*.yaml`), never code. All money is
//! exact decimal arithmetic with every operation checked: an amount too large
//! for the decimal type is an `out-of-range` error, never a panic. Rounding
//! happens only when printing.
//!
//! The billing shapes (see `docs/costs.md`):
//! - training: by the hour in billing increments (Azure, 2023), per training
//!   token by training tier (SFT and DPO), or per hour of core training plus
//!   grader tokens (RFT);
//! - hosting by deployment type: an hourly fee (standard, global standard),
//!   none (developer tier, evaluation only), or PTU-hours at the customer's
//!   own rate (provisioned, no token charges);
//! - inference per token, at the fine-tuned model's prices where the table
//!   gives them and the base model's otherwise.

pub mod date;
pub mod plot;
pub mod pricing;
pub mod render;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

pub use pricing::{DEFAULT_MODEL, DEFAULT_TABLE, ModelPrices, PriceTable, Training, load_tables};

use crate::diag::{Code, Diagnostic};
use crate::i18n::{Lang, Msg};
use crate::load::What;
use crate::load::{Entry, Node, Sink, Span, expect_decimal, expect_int, expect_str, mapping, suggestion};
use crate::source::SourceFile;

/// How the model is fine-tuned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Supervised fine-tuning: billed per training token.
    Sft,
    /// Preference fine-tuning: billed per training token.
    Dpo,
    /// Reinforcement fine-tuning: billed per hour of core training, plus grader tokens.
    Rft,
}

/// Where training runs (SFT and DPO).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Regional standard training (data residency).
    Regional,
    /// Global standard training.
    Global,
    /// Developer training (spot capacity).
    Developer,
}

/// How the fine-tuned model is deployed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Deployment {
    /// Standard: tokens plus an hourly hosting fee.
    Standard,
    /// Global Standard: tokens plus an hourly hosting fee.
    GlobalStandard,
    /// Developer tier: tokens only; removed after 24 hours; for evaluation, not production.
    Developer,
    /// Provisioned throughput: PTU-hours at the customer's own rate, no token charges.
    Provisioned,
}

macro_rules! choice {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, as written in descriptors.
            pub const NAMES: &[&str] = &[$($name),*];
            /// The value as written in descriptors.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),* }
            }
            fn parse(text: &str) -> Option<$ty> {
                match text { $($name => Some($ty::$variant),)* _ => None }
            }
        }
    };
}
choice!(Method { Sft = "sft", Dpo = "dpo", Rft = "rft" });
choice!(Tier { Regional = "regional", Global = "global", Developer = "developer" });
choice!(Deployment {
    Standard = "standard",
    GlobalStandard = "global_standard",
    Developer = "developer",
    Provisioned = "provisioned",
});

/// The descriptor's optional `cost:` section, as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostSettings {
    /// Price table id.
    pub price_table: Option<(String, Span)>,
    /// The model the baseline (prompt engineering, RAG) runs on.
    pub model: Option<(String, Span)>,
    /// The model fine-tuned and deployed (default: `model`).
    pub fine_tuned_model: Option<(String, Span)>,
    /// Output tokens per request.
    pub output_tokens: Option<u64>,
    /// Prompt tokens per request once instructions and examples move into a fine-tuned model.
    pub fine_tuned_prompt_tokens: Option<u64>,
    /// Retrieved tokens added to each request by RAG.
    pub rag_context_tokens: Option<u64>,
    /// Fine-tuning method (default `sft`).
    pub method: Option<(Method, Span)>,
    /// Training tier (default `regional`).
    pub training_tier: Option<(Tier, Span)>,
    /// Active (per-hour tables) or core (RFT) training time, in hours.
    pub training_hours: Option<Decimal>,
    /// Training tokens (file tokens times epochs).
    pub training_tokens: Option<u64>,
    /// Tokens in the training file (with `epochs`, instead of `training_tokens`).
    pub training_file_tokens: Option<u64>,
    /// Passes over the training file.
    pub epochs: Option<u64>,
    /// The model grading RFT outputs.
    pub grader_model: Option<(String, Span)>,
    /// Input tokens the grader reads over the training job.
    pub grader_input_tokens: Option<u64>,
    /// Output tokens the grader writes over the training job.
    pub grader_output_tokens: Option<u64>,
    /// Deployment type (default `standard`).
    pub deployment: Option<(Deployment, Span)>,
    /// Hours a month the fine-tuned model is deployed.
    pub hosting_hours_per_month: Option<Decimal>,
    /// PTU-hours a month (provisioned deployments): units times hours.
    pub ptu_hours_per_month: Option<Decimal>,
    /// Price of one PTU-hour under the customer's agreement (provisioned deployments).
    pub ptu_hourly_rate: Option<Decimal>,
    /// Where the `cost:` key is.
    pub span: Span,
}

mapping! {
    /// Settings for `shouldtune cost`; anything left out is assumed and reported.
    pub(crate) struct CostSection<'n> {
        /// Price table id (default `azure-openai-2023-10`; `shouldtune cost --tables` lists them).
        price_table: Option<Entry<'n, String>> = "price_table",
        /// The model the baseline (prompt engineering, RAG) runs on (default: the table's default model).
        model: Option<Entry<'n, String>> = "model",
        /// The model fine-tuned and deployed, priced separately (default: `model`).
        fine_tuned_model: Option<Entry<'n, String>> = "fine_tuned_model",
        /// Output tokens per request (default 300).
        output_tokens: Option<Entry<'n, u64>> = "output_tokens",
        /// Prompt tokens per request once instructions and examples move into the fine-tuned model (default a tenth of `prompt_tokens`).
        fine_tuned_prompt_tokens: Option<Entry<'n, u64>> = "fine_tuned_prompt_tokens",
        /// Retrieved tokens RAG adds to each request (default 1500).
        rag_context_tokens: Option<Entry<'n, u64>> = "rag_context_tokens",
        /// Fine-tuning method (default `sft`).
        method: Option<Entry<'n, Method>> = "method",
        /// Where SFT and DPO training runs (default `regional`).
        training_tier: Option<Entry<'n, Tier>> = "training_tier",
        /// Training time in hours: active time (per-hour tables) or core training time (RFT) (default 1).
        training_hours: Option<Entry<'n, f64>> = "training_hours",
        /// Training tokens: tokens in the training file times epochs (per-token tables).
        training_tokens: Option<Entry<'n, u64>> = "training_tokens",
        /// Tokens in the training file, with `epochs` (instead of `training_tokens`).
        training_file_tokens: Option<Entry<'n, u64>> = "training_file_tokens",
        /// Passes over the training file (default 3).
        epochs: Option<Entry<'n, u64>> = "epochs",
        /// The model grading RFT outputs (a model in the same table).
        grader_model: Option<Entry<'n, String>> = "grader_model",
        /// Input tokens the RFT grader reads over the job.
        grader_input_tokens: Option<Entry<'n, u64>> = "grader_input_tokens",
        /// Output tokens the RFT grader writes over the job.
        grader_output_tokens: Option<Entry<'n, u64>> = "grader_output_tokens",
        /// How the fine-tuned model is deployed (default `standard`).
        deployment: Option<Entry<'n, Deployment>> = "deployment",
        /// Hours a month the fine-tuned model is deployed (default 730).
        hosting_hours_per_month: Option<Entry<'n, f64>> = "hosting_hours_per_month",
        /// PTU-hours a month, units times hours (`deployment: provisioned`).
        ptu_hours_per_month: Option<Entry<'n, f64>> = "ptu_hours_per_month",
        /// Your price of one PTU-hour (`deployment: provisioned`).
        ptu_hourly_rate: Option<Entry<'n, f64>> = "ptu_hourly_rate",
    }
}

/// The keys of a descriptor's `cost:` section.
pub const COST_KEYS: &[&str] = CostSection::KEYS;

/// Where a key is written, if it is.
fn at<T>(entry: Option<Entry<'_, T>>) -> Option<Span> {
    entry.map(|e| e.key.span)
}

/// Reads a choice setting (`method`, `training_tier`, `deployment`).
fn choice<T: Copy, D>(
    sink: &mut Sink<'_>,
    entry: Option<Entry<'_, D>>,
    key: &str,
    names: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Option<(T, Span)> {
    let node = entry?.value;
    let text = expect_str(sink, node, What::Key(key))?;
    let value = parse(text);
    if value.is_none() {
        sink.error(Code::UnknownChoice, Msg::new("cost-unknown-value").arg("key", key).arg("value", text), node.span)
            .set_help(suggestion(text, names.iter().copied()));
    }
    value.map(|v| (v, node.span))
}

fn text<T>(sink: &mut Sink<'_>, entry: Option<Entry<'_, T>>, key: &str) -> Option<(String, Span)> {
    let node = entry?.value;
    expect_str(sink, node, What::Key(key)).map(|s| (s.to_owned(), node.span))
}

fn count<T>(sink: &mut Sink<'_>, entry: Option<Entry<'_, T>>, key: &str) -> Option<u64> {
    let node = entry?.value;
    let value = expect_int(sink, node, What::Key(key))?;
    let parsed = u64::try_from(value).ok();
    if parsed.is_none() {
        sink.error(Code::OutOfRange, negative(key, value), node.span);
    }
    parsed
}

fn amount<T>(sink: &mut Sink<'_>, entry: Option<Entry<'_, T>>, key: &str) -> Option<Decimal> {
    let node = entry?.value;
    let value = expect_decimal(sink, node, What::Key(key))?;
    if value.is_sign_negative() {
        sink.error(Code::OutOfRange, negative(key, value), node.span);
        return None;
    }
    Some(value)
}

/// A negative value where a count or an amount is expected.
fn negative(key: &str, value: impl std::fmt::Display) -> Msg {
    Msg::new("cost-negative").arg("key", key).arg("value", value.to_string())
}

/// Reads a descriptor's `cost:` section.
#[expect(clippy::too_many_lines, reason = "one reader per key, then the combinations that do not go together")]
pub(crate) fn read_settings(sink: &mut Sink<'_>, node: &Node, key_span: Span) -> Option<CostSettings> {
    let raw = CostSection::read(sink, node, What::Key("cost"))?;
    let settings = CostSettings {
        price_table: text(sink, raw.price_table, "price_table"),
        model: text(sink, raw.model, "model"),
        fine_tuned_model: text(sink, raw.fine_tuned_model, "fine_tuned_model"),
        output_tokens: count(sink, raw.output_tokens, "output_tokens"),
        fine_tuned_prompt_tokens: count(sink, raw.fine_tuned_prompt_tokens, "fine_tuned_prompt_tokens"),
        rag_context_tokens: count(sink, raw.rag_context_tokens, "rag_context_tokens"),
        method: choice(sink, raw.method, "method", Method::NAMES, Method::parse),
        training_tier: choice(sink, raw.training_tier, "training_tier", Tier::NAMES, Tier::parse),
        training_hours: amount(sink, raw.training_hours, "training_hours"),
        training_tokens: count(sink, raw.training_tokens, "training_tokens"),
        training_file_tokens: count(sink, raw.training_file_tokens, "training_file_tokens"),
        epochs: count(sink, raw.epochs, "epochs"),
        grader_model: text(sink, raw.grader_model, "grader_model"),
        grader_input_tokens: count(sink, raw.grader_input_tokens, "grader_input_tokens"),
        grader_output_tokens: count(sink, raw.grader_output_tokens, "grader_output_tokens"),
        deployment: choice(sink, raw.deployment, "deployment", Deployment::NAMES, Deployment::parse),
        hosting_hours_per_month: amount(sink, raw.hosting_hours_per_month, "hosting_hours_per_month"),
        ptu_hours_per_month: amount(sink, raw.ptu_hours_per_month, "ptu_hours_per_month"),
        ptu_hourly_rate: amount(sink, raw.ptu_hourly_rate, "ptu_hourly_rate"),
        span: key_span,
    };
    let conflict = |sink: &mut Sink<'_>, at: Option<Span>, message: Msg, help: Msg| {
        sink.error(Code::InvalidCost, message, at.unwrap_or(key_span)).set_help(help);
    };
    if raw.training_hours.is_some() && raw.training_tokens.is_some() {
        conflict(
            sink,
            at(raw.training_tokens),
            Msg::new("cost-hours-and-tokens"),
            Msg::new("cost-hours-and-tokens-help"),
        );
    }
    if raw.training_tokens.is_some() && raw.training_file_tokens.is_some() {
        conflict(
            sink,
            at(raw.training_file_tokens),
            Msg::new("cost-tokens-and-file-tokens"),
            Msg::new("cost-tokens-and-file-tokens-help"),
        );
    }
    if raw.training_tokens.is_some() && raw.epochs.is_some() {
        conflict(sink, at(raw.epochs), Msg::new("cost-tokens-and-epochs"), Msg::new("cost-tokens-and-epochs-help"));
    }
    let training_keys = [
        ("training_tokens", at(raw.training_tokens)),
        ("training_file_tokens", at(raw.training_file_tokens)),
        ("epochs", at(raw.epochs)),
        ("training_tier", at(raw.training_tier)),
    ];
    let grader_keys = [
        ("grader_model", at(raw.grader_model)),
        ("grader_input_tokens", at(raw.grader_input_tokens)),
        ("grader_output_tokens", at(raw.grader_output_tokens)),
    ];
    let rft = settings.method.is_some_and(|(m, _)| m == Method::Rft);
    if rft {
        for (key, span) in training_keys {
            if span.is_some() {
                conflict(
                    sink,
                    span,
                    Msg::new("cost-rft-billed-by-hours").arg("key", key),
                    Msg::new("cost-rft-billed-by-hours-help").arg("key", key),
                );
            }
        }
    } else {
        for (key, span) in grader_keys {
            if span.is_some() {
                conflict(sink, span, Msg::new("cost-rft-only").arg("key", key), Msg::new("cost-rft-only-help"));
            }
        }
    }
    let first_given = grader_keys.iter().find_map(|(_, span)| *span);
    if rft
        && let Some(first) = first_given
        && let Some((key, _)) = grader_keys.iter().find(|(_, span)| span.is_none())
    {
        sink.error(Code::MissingKey, Msg::new("cost-grader-incomplete").arg("key", *key), first)
            .set_help(Msg::new("cost-grader-incomplete-help").arg("key", *key));
    }
    let ptu_keys = [("ptu_hours_per_month", at(raw.ptu_hours_per_month)), ("ptu_hourly_rate", at(raw.ptu_hourly_rate))];
    let provisioned = settings.deployment.is_some_and(|(d, _)| d == Deployment::Provisioned);
    if provisioned {
        if ptu_keys.iter().any(|(_, span)| span.is_none()) {
            sink.error(
                Code::MissingKey,
                Msg::new("cost-provisioned-needs-ptu"),
                at(raw.deployment).unwrap_or(key_span),
            )
            .set_help(Msg::new("cost-provisioned-needs-ptu-help"));
        }
        if raw.hosting_hours_per_month.is_some() {
            conflict(
                sink,
                at(raw.hosting_hours_per_month),
                Msg::new("cost-provisioned-not-hosting"),
                Msg::new("cost-provisioned-not-hosting-help"),
            );
        }
    } else {
        for (key, span) in ptu_keys {
            if span.is_some() {
                conflict(
                    sink,
                    span,
                    Msg::new("cost-provisioned-only").arg("key", key),
                    Msg::new("cost-provisioned-only-help"),
                );
            }
        }
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

/// Monthly cost of each approach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Monthly {
    /// Prompt engineering (exact decimal).
    #[schemars(with = "String")]
    pub prompt_engineering: Decimal,
    /// Retrieval-augmented generation (exact decimal).
    #[schemars(with = "String")]
    pub rag: Decimal,
    /// Fine-tuning: tokens plus hosting (exact decimal).
    #[schemars(with = "String")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Assumption {
    /// The setting.
    pub setting: String,
    /// The value used.
    pub value: String,
    /// Why this value (in English).
    #[serde(rename = "reason", serialize_with = "in_english")]
    #[schemars(rename = "reason", with = "String")]
    pub reason_msg: Msg,
}

/// A message in a machine format: English, rendered when written (most
/// estimates, such as those `check` makes for the rules' facts, are never
/// written, and rendering every reason was a tenth of checking a file).
fn in_english<S: serde::Serializer>(message: &Msg, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&message.render(Lang::En))
}

/// The cost estimate for one project.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CostEstimate {
    /// Currency of every amount.
    pub currency: String,
    /// Price table id.
    pub price_table: String,
    /// Its date.
    pub as_of: String,
    /// Its source.
    pub source: String,
    /// What the source says about its figures (e.g. that they are examples), if anything.
    pub caveat: Option<String>,
    /// The model the baseline (prompt engineering and RAG) runs on.
    pub model: String,
    /// The model fine-tuned and deployed.
    pub fine_tuned_model: String,
    /// How the model is fine-tuned.
    pub method: Method,
    /// Where training runs (`null` for RFT).
    pub training_tier: Option<Tier>,
    /// How the fine-tuned model is deployed.
    pub deployment: Deployment,
    /// The developer tier: the fine-tuning figures are an evaluation cost (deployments are
    /// removed after 24 hours), not a production one, and there is no break-even.
    pub evaluation_only: bool,
    /// Requests a month the monthly figures are for.
    pub monthly_requests: u64,
    /// Monthly cost per approach.
    pub monthly: Monthly,
    /// Fine-tuning's one-time cost: training plus grader tokens (exact decimal).
    #[schemars(with = "String")]
    pub fine_tuning_one_time: Decimal,
    /// Of that, the grader's tokens (RFT with a model grader; else 0).
    #[schemars(with = "String")]
    pub grader_one_time: Decimal,
    /// Fewest monthly requests at which fine-tuning costs no more than prompt
    /// engineering a month (training excluded); 0 when it never costs more;
    /// `null` if it never does, for the developer tier, or beyond 2^64 requests.
    pub break_even_monthly_requests: Option<u64>,
    /// At this project's volume, fine-tuning costs no more a month than prompt
    /// engineering on the baseline model (training excluded); always false for the developer tier.
    pub fine_tuning_breaks_even: bool,
    /// Settings not given, and the values used.
    pub assumed: Vec<Assumption>,
    /// What a reader must know about these figures (evaluation-only tier, job caps), in English.
    pub notes: Vec<String>,
    /// The messages behind `notes`, for reports in another language.
    #[serde(skip)]
    #[schemars(skip)]
    pub note_msgs: Vec<Msg>,
    /// The price table is more than a year older than the reference date
    /// (`SOURCE_DATE_EPOCH` when set, else today).
    pub stale_prices: bool,
    /// Per-request and fixed parts, for plotting.
    #[serde(skip)]
    #[schemars(skip)]
    pub rates: Rates,
}

impl CostEstimate {
    /// Whether, at this project's monthly volume, the fine-tuned deployment
    /// costs no more per month than the baseline approach (prompt engineering
    /// on the baseline `model`), training excluded.
    ///
    /// True when fine-tuning's monthly figure (tokens at the fine-tuned
    /// model's prices plus hosting, or PTU-hours) is at most prompt
    /// engineering's, i.e. `monthly_requests >= break_even_monthly_requests`.
    /// A fine-tuned model cheaper per request with no fixed fee breaks even at
    /// any volume. Always false for the developer tier: its deployments are
    /// removed after 24 hours, so it shows an evaluation cost and claims no
    /// production savings.
    #[must_use]
    pub fn fine_tuning_breaks_even(&self) -> bool {
        self.fine_tuning_breaks_even
    }

    /// Sets `stale_prices` when the price table is more than a year older than
    /// `reference_days` (days since 1970-01-01: `SOURCE_DATE_EPOCH` or today),
    /// and returns the warning to show.
    pub fn check_age(&mut self, reference_days: i64) -> Option<crate::i18n::Msg> {
        let as_of = date::days_from_iso(&self.as_of)?;
        self.stale_prices = date::more_than_a_year_before(as_of, reference_days);
        self.stale_prices.then(|| {
            crate::i18n::Msg::new("cost-stale-prices")
                .arg("table", &self.price_table)
                .arg("as_of", &self.as_of)
                .arg("today", date::iso_from_days(reference_days))
        })
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
    /// Fine-tuning's hosting (or PTU-hours) per month.
    pub fine_tuning_fixed: Decimal,
}

impl Rates {
    /// Monthly costs at `requests` a month; `None` if an amount is too large for the decimal type.
    #[must_use]
    pub fn at(&self, requests: u64) -> Option<Monthly> {
        let r = Decimal::from(requests);
        Some(Monthly {
            prompt_engineering: self.prompt_engineering.checked_mul(r)?,
            rag: self.rag.checked_mul(r)?,
            fine_tuning: self.fine_tuning.checked_mul(r)?.checked_add(self.fine_tuning_fixed)?,
        })
    }
}

const DEFAULT_OUTPUT_TOKENS: u64 = 300;
const DEFAULT_RAG_CONTEXT_TOKENS: u64 = 1500;
const DEFAULT_HOSTING_HOURS: u64 = 730;
const DEFAULT_TRAINING_HOURS: u64 = 1;
const DEFAULT_EPOCHS: u64 = 3;

/// Builds errors located in the descriptor.
struct Located<'a> {
    file: &'a SourceFile,
    span: Span,
}

impl Located<'_> {
    fn at(&self, span: Option<Span>, code: Code, message: Msg) -> Box<Diagnostic> {
        Box::new(Diagnostic::error(code, message, self.file, span.unwrap_or(self.span)))
    }

    /// An amount too large for the decimal type. `what` is a selector of the Fluent message `cost-quantity`.
    fn too_large(&self, what: &'static str) -> Box<Diagnostic> {
        Box::new(
            Diagnostic::error(
                Code::OutOfRange,
                Msg::new("cost-too-large").arg("what", quantity(what)).arg("max", Decimal::MAX.to_string()),
                self.file,
                self.span,
            )
            .with_help(Msg::new("cost-too-large-help")),
        )
    }

    fn checked(&self, value: Option<Decimal>, what: &'static str) -> Result<Decimal, Box<Diagnostic>> {
        value.ok_or_else(|| self.too_large(what))
    }

    /// A token count too large for `u64`. `what` is a selector of the Fluent message `cost-quantity`.
    fn tokens(&self, value: Option<u64>, what: &'static str) -> Result<u64, Box<Diagnostic>> {
        value.ok_or_else(|| {
            Box::new(
                Diagnostic::error(
                    Code::OutOfRange,
                    Msg::new("cost-too-many-tokens").arg("what", quantity(what)).arg("max", u64::MAX.to_string()),
                    self.file,
                    self.span,
                )
                .with_help(Msg::new("cost-too-many-tokens-help")),
            )
        })
    }
}

/// What an amount or a count is of (`the monthly cost`), for messages: `what` selects the variant.
fn quantity(what: &'static str) -> Msg {
    Msg::new("cost-quantity").arg("what", what)
}

/// Cost of `tokens` at `per_1k` per 1,000 tokens.
fn token_cost(tokens: u64, per_1k: Decimal) -> Option<Decimal> {
    Decimal::from(tokens).checked_mul(per_1k)?.checked_div(Decimal::ONE_THOUSAND)
}

/// Cost of one request of `prompt` and `output` tokens.
fn request_cost(prompt: u64, output: u64, prices: pricing::TokenPrices) -> Option<Decimal> {
    token_cost(prompt, prices.input_per_1k)?.checked_add(token_cost(output, prices.output_per_1k)?)
}

/// Estimates costs with `settings` against `tables`.
///
/// An unknown table, a model missing from the table or a price the table
/// lacks is an error located at the setting in `file` (listing what the
/// table has); an amount too large to compute is an `out-of-range` error.
#[expect(clippy::too_many_lines, reason = "the model, read top to bottom: prices, volumes, training, hosting")]
pub fn estimate(
    tables: &[PriceTable],
    settings: &CostSettings,
    volume: Volume,
    file: &SourceFile,
) -> Result<CostEstimate, Box<Diagnostic>> {
    let at = Located { file, span: settings.span };
    let mut assumed = Vec::new();
    let mut notes = Vec::new();
    // `reason` is a selector of the Fluent message `cost-reason`.
    let mut assume = |setting: &str, value: String, reason: &'static str| {
        let reason_msg = Msg::new("cost-reason").arg("reason", reason);
        assumed.push(Assumption { setting: setting.to_owned(), value, reason_msg });
    };
    let span_of = |s: &Option<(String, Span)>| s.as_ref().map(|(_, span)| *span);

    // The table and the models.
    let table_id = settings.price_table.as_ref().map_or(DEFAULT_TABLE, |(id, _)| id.as_str());
    if settings.price_table.is_none() {
        assume("price_table", DEFAULT_TABLE.to_owned(), "default-table");
    }
    let table = tables.iter().find(|t| t.id == table_id).ok_or_else(|| {
        let ids = crate::load::quoted(tables.iter().map(|t| t.id.as_str()));
        Box::new(
            Diagnostic::error(
                Code::UnknownChoice,
                Msg::new("cost-unknown-table").arg("id", table_id),
                file,
                span_of(&settings.price_table).unwrap_or(settings.span),
            )
            .with_help(Msg::new("cost-the-tables-are-or-add").arg("list", ids)),
        )
    })?;
    let model_name = if let Some((m, _)) = &settings.model {
        m.clone()
    } else {
        let name = table
            .default_model()
            .map(str::to_owned)
            .ok_or_else(|| at.at(None, Code::MissingKey, Msg::new("cost-no-default-model").arg("table", &table.id)))?;
        assume("model", name.clone(), "default-model");
        name
    };
    let model = table.model(&model_name).map_err(|message| unknown_model(&at, span_of(&settings.model), message))?;
    let fine_tuned = if let Some((name, span)) = &settings.fine_tuned_model {
        table.model(name).map_err(|message| unknown_model(&at, Some(*span), message))?
    } else {
        assume("fine_tuned_model", model.name.clone(), "baseline-model");
        model
    };
    let ft_span = span_of(&settings.fine_tuned_model).or(span_of(&settings.model));
    let missing = |m: &ModelPrices, what: Msg, span: Option<Span>| missing_price(table, &at, m, what, span);
    let token_prices = || Msg::new("cost-price-tokens");
    let base = model.base.ok_or_else(|| missing(model, token_prices(), span_of(&settings.model)))?;
    let ft_tokens =
        fine_tuned.fine_tuned.or(fine_tuned.base).ok_or_else(|| missing(fine_tuned, token_prices(), ft_span))?;

    let method = settings.method.map_or_else(
        || {
            assume("method", "sft".to_owned(), "sft");
            Method::Sft
        },
        |(m, _)| m,
    );
    let deployment = settings.deployment.map_or_else(
        || {
            assume("deployment", "standard".to_owned(), "standard-deployment");
            Deployment::Standard
        },
        |(d, _)| d,
    );

    // Tokens per request.
    let output = settings.output_tokens.unwrap_or_else(|| {
        assume("output_tokens", DEFAULT_OUTPUT_TOKENS.to_string(), "short-answer");
        DEFAULT_OUTPUT_TOKENS
    });
    let fine_tuned_prompt = settings.fine_tuned_prompt_tokens.unwrap_or_else(|| {
        let value = volume.prompt_tokens / 10;
        assume("fine_tuned_prompt_tokens", value.to_string(), "tenth-of-prompt");
        value
    });
    let rag_context = settings.rag_context_tokens.unwrap_or_else(|| {
        assume("rag_context_tokens", DEFAULT_RAG_CONTEXT_TOKENS.to_string(), "three-passages");
        DEFAULT_RAG_CONTEXT_TOKENS
    });
    let rag_prompt = at.tokens(volume.prompt_tokens.checked_add(rag_context), "rag-prompt")?;

    // Hosting.
    let deployment_span = settings.deployment.map(|(_, s)| s);
    let (ft_per_request, fixed) = match deployment {
        Deployment::Provisioned => {
            let (Some(hours), Some(rate)) = (settings.ptu_hours_per_month, settings.ptu_hourly_rate) else {
                return Err(at.at(deployment_span, Code::MissingKey, Msg::new("cost-provisioned-needs-ptu")));
            };
            (Decimal::ZERO, at.checked(hours.checked_mul(rate), "monthly-ptu")?)
        }
        Deployment::Standard | Deployment::GlobalStandard | Deployment::Developer => {
            let fee = match deployment {
                Deployment::Standard => fine_tuned.hosting.standard,
                Deployment::GlobalStandard => fine_tuned.hosting.global_standard,
                _ => fine_tuned.hosting.developer,
            };
            let fee = fee.ok_or_else(|| {
                missing(
                    fine_tuned,
                    Msg::new("cost-price-hosting").arg("deployment", deployment.as_str()),
                    deployment_span.or(ft_span),
                )
            })?;
            if deployment == Deployment::Developer {
                notes.push(Msg::new("cost-note-developer"));
            }
            let fixed = if fee.is_zero() {
                Decimal::ZERO
            } else {
                let hours = settings.hosting_hours_per_month.unwrap_or_else(|| {
                    assume("hosting_hours_per_month", DEFAULT_HOSTING_HOURS.to_string(), "all-month");
                    Decimal::from(DEFAULT_HOSTING_HOURS)
                });
                at.checked(fee.checked_mul(hours), "monthly-hosting")?
            };
            (at.checked(request_cost(fine_tuned_prompt, output, ft_tokens), "fine-tuned-request")?, fixed)
        }
    };
    let rates = Rates {
        prompt_engineering: at
            .checked(request_cost(volume.prompt_tokens, output, base), "prompt-engineering-request")?,
        rag: at.checked(request_cost(rag_prompt, output, base), "rag-request")?,
        fine_tuning: ft_per_request,
        fine_tuning_fixed: fixed,
    };

    // Training, once.
    let once = one_time(
        &OneTimeInput { table, fine_tuned, method, settings, volume, fine_tuned_prompt, output, ft_span },
        &at,
        &mut assume,
    )?;
    notes.extend(once.notes);
    let (tier, grader) = (once.tier, once.grader);
    let one_time = at.checked(once.training.checked_add(grader), "one-time")?;

    let monthly = rates.at(volume.monthly_requests).ok_or_else(|| at.too_large("monthly"))?;
    let evaluation_only = deployment == Deployment::Developer;
    Ok(CostEstimate {
        currency: table.currency.clone(),
        price_table: table.id.clone(),
        as_of: table.as_of.clone(),
        source: table.source.clone(),
        caveat: table.caveat.clone(),
        model: model.name.clone(),
        fine_tuned_model: fine_tuned.name.clone(),
        method,
        training_tier: tier,
        deployment,
        evaluation_only,
        monthly_requests: volume.monthly_requests,
        monthly: monthly.normalized(),
        fine_tuning_one_time: one_time.normalize(),
        grader_one_time: grader.normalize(),
        break_even_monthly_requests: if evaluation_only { None } else { break_even(&rates) },
        fine_tuning_breaks_even: !evaluation_only && monthly.fine_tuning <= monthly.prompt_engineering,
        assumed,
        notes: notes.iter().map(|n| n.render(Lang::En)).collect(),
        note_msgs: notes,
        stale_prices: false,
        rates,
    })
}

/// What the one-time cost depends on.
struct OneTimeInput<'a> {
    table: &'a PriceTable,
    fine_tuned: &'a ModelPrices,
    method: Method,
    settings: &'a CostSettings,
    volume: Volume,
    fine_tuned_prompt: u64,
    output: u64,
    ft_span: Option<Span>,
}

/// Fine-tuning's one-time cost.
struct OneTime {
    training: Decimal,
    grader: Decimal,
    tier: Option<Tier>,
    notes: Vec<Msg>,
}

fn missing_price(
    table: &PriceTable,
    at: &Located<'_>,
    m: &ModelPrices,
    what: Msg,
    span: Option<Span>,
) -> Box<Diagnostic> {
    let mut error = at.at(
        span,
        Code::UnknownChoice,
        Msg::new("cost-missing-price")
            .arg("table", &table.id)
            .arg("what", what)
            .arg("model", &m.name)
            .arg("has", m.describe()),
    );
    error.set_help(Msg::new("cost-price-help"));
    error
}

/// A model the table lacks, located at the setting that names it.
fn unknown_model(at: &Located<'_>, span: Option<Span>, message: Msg) -> Box<Diagnostic> {
    let mut error = at.at(span, Code::UnknownChoice, message);
    error.set_help(Msg::new("cost-price-help"));
    error
}

/// Training (by the hour, per token by tier, or RFT hours) plus RFT grader tokens.
fn one_time(
    input: &OneTimeInput<'_>,
    at: &Located<'_>,
    assume: &mut impl FnMut(&str, String, &'static str),
) -> Result<OneTime, Box<Diagnostic>> {
    let OneTimeInput { table, fine_tuned, method, settings, volume, fine_tuned_prompt, output, ft_span } = *input;
    let missing = |m: &ModelPrices, what: Msg, span: Option<Span>| missing_price(table, at, m, what, span);
    let tier_price = |tier: Tier| Msg::new("cost-price-tier").arg("tier", tier.as_str());
    let mut notes = Vec::new();
    let tier = (method != Method::Rft).then(|| {
        settings.training_tier.map_or_else(
            || {
                assume("training_tier", "regional".to_owned(), "regional-training");
                Tier::Regional
            },
            |(t, _)| t,
        )
    });
    let tier_span = settings.training_tier.map(|(_, s)| s).or(ft_span);
    let mut grader = Decimal::ZERO;
    let training = match method {
        Method::Sft | Method::Dpo => {
            let tier = tier.unwrap_or(Tier::Regional);
            match fine_tuned.training {
                Some(Training::PerHour { price, increment_minutes }) => {
                    if tier != Tier::Regional {
                        return Err(missing(fine_tuned, tier_price(tier), tier_span));
                    }
                    let hours = settings.training_hours.unwrap_or_else(|| {
                        assume("training_hours", DEFAULT_TRAINING_HOURS.to_string(), "small-job");
                        Decimal::from(DEFAULT_TRAINING_HOURS)
                    });
                    let billed = at.checked(billed_hours(hours, increment_minutes), "billed-training-time")?;
                    at.checked(billed.checked_mul(price), "training-cost")?
                }
                Some(Training::PerToken(tiers)) => {
                    let price = match tier {
                        Tier::Regional => tiers.regional,
                        Tier::Global => tiers.global,
                        Tier::Developer => tiers.developer,
                    }
                    .ok_or_else(|| missing(fine_tuned, tier_price(tier), tier_span))?;
                    let tokens = training_tokens(settings, volume, fine_tuned_prompt, output, at, assume)?;
                    at.checked(token_cost(tokens, price), "training-cost")?
                }
                None => {
                    let mut error = missing(fine_tuned, Msg::new("cost-price-supervised"), ft_span);
                    if fine_tuned.rft.is_some() {
                        error.set_help(Msg::new("cost-price-rft-help"));
                    }
                    return Err(error);
                }
            }
        }
        Method::Rft => {
            let rft = fine_tuned.rft.ok_or_else(|| missing(fine_tuned, Msg::new("cost-price-rft"), ft_span))?;
            let hours = settings.training_hours.unwrap_or_else(|| {
                assume("training_hours", DEFAULT_TRAINING_HOURS.to_string(), "small-job");
                Decimal::from(DEFAULT_TRAINING_HOURS)
            });
            let billed = hours.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let cost = at.checked(billed.checked_mul(rft.per_hour), "training-cost")?;
            if let Some(cap) = rft.job_cap.filter(|cap| cost > *cap) {
                notes.push(
                    Msg::new("cost-note-job-cap").arg("currency", &table.currency).arg("amount", render::money(cap)),
                );
            }
            match &settings.grader_model {
                Some((name, span)) => {
                    let grader_model = table.model(name).map_err(|message| unknown_model(at, Some(*span), message))?;
                    let prices = grader_model
                        .base
                        .ok_or_else(|| missing(grader_model, Msg::new("cost-price-tokens"), Some(*span)))?;
                    let input = settings.grader_input_tokens.unwrap_or(0);
                    let output = settings.grader_output_tokens.unwrap_or(0);
                    grader = at.checked(request_cost(input, output, prices), "grader-tokens")?;
                }
                None => assume("grader_model", "none".to_owned(), "no-grader"),
            }
            cost
        }
    };
    Ok(OneTime { training, grader, tier, notes })
}

/// Training tokens: given, file tokens times epochs, or estimated from the examples.
fn training_tokens(
    settings: &CostSettings,
    volume: Volume,
    fine_tuned_prompt: u64,
    output: u64,
    at: &Located<'_>,
    assume: &mut impl FnMut(&str, String, &'static str),
) -> Result<u64, Box<Diagnostic>> {
    if let Some(tokens) = settings.training_tokens {
        return Ok(tokens);
    }
    let epochs = settings.epochs.unwrap_or_else(|| {
        assume("epochs", DEFAULT_EPOCHS.to_string(), "three-epochs");
        DEFAULT_EPOCHS
    });
    if let Some(file_tokens) = settings.training_file_tokens {
        return at.tokens(file_tokens.checked_mul(epochs), "training-tokens");
    }
    let per_example = at.tokens(fine_tuned_prompt.checked_add(output), "training-example")?;
    let file_tokens = at.tokens(volume.examples.checked_mul(per_example), "training-file")?;
    assume("training_file_tokens", file_tokens.to_string(), "file-tokens");
    at.tokens(file_tokens.checked_mul(epochs), "training-tokens")
}

/// `hours` rounded up to a whole number of billing increments; `None` if too large.
#[must_use]
pub fn billed_hours(hours: Decimal, increment_minutes: u32) -> Option<Decimal> {
    let increment = Decimal::from(increment_minutes);
    let sixty = Decimal::from(60);
    let increments = hours.checked_mul(sixty)?.checked_div(increment)?.ceil();
    increments.checked_mul(increment)?.checked_div(sixty)
}

/// The fewest monthly requests at which fine-tuning costs no more than
/// prompt engineering, training excluded.
fn break_even(rates: &Rates) -> Option<u64> {
    let saving = rates.prompt_engineering.checked_sub(rates.fine_tuning)?;
    if rates.fine_tuning_fixed.is_zero() {
        return (saving >= Decimal::ZERO).then_some(0);
    }
    if saving <= Decimal::ZERO {
        return None;
    }
    let requests = rates.fine_tuning_fixed.checked_div(saving)?.ceil();
    u64::try_from(requests).ok()
}

#[cfg(test)]
mod tests;
