//! Price tables: dated data files, embedded or supplied with `--pricing`.
//!
//! A model lists only the prices its source gives: training (by the hour in
//! billing increments, per training token by training tier, or per hour of
//! reinforcement fine-tuning), hosting per deployment type, and token prices.
//! The estimate asks for the prices it needs; a missing one is an error that
//! says what the table has.

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::i18n::{Msg, MsgArg};
use crate::load::What;
use crate::load::{
    Entry, Limits, Node, NodeKind, Required, Sink, Span, expect_decimal, expect_int, expect_map, expect_str, mapping,
    parse_document,
};
use crate::source::SourceFile;

/// The tables shipped in the binary: `(file name, text)`.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("rules/pricing/azure-openai-2023-10.yaml", include_str!("../../rules/pricing/azure-openai-2023-10.yaml")),
    ("rules/pricing/azure-openai-2026-02.yaml", include_str!("../../rules/pricing/azure-openai-2026-02.yaml")),
    ("rules/pricing/openai-2023-08.yaml", include_str!("../../rules/pricing/openai-2023-08.yaml")),
];

/// The table used when a descriptor names none.
pub const DEFAULT_TABLE: &str = "azure-openai-2023-10";

/// The model used with the default table when a descriptor names none.
pub const DEFAULT_MODEL: &str = "gpt-35-turbo";

/// One dated price list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PriceTable {
    /// Stable id, e.g. `azure-openai-2023-10`.
    pub id: String,
    /// ISO currency code.
    pub currency: String,
    /// The date the prices were published or checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Where the prices come from.
    pub source: String,
    /// What the source says about its own figures (e.g. that they are examples), if anything.
    pub caveat: Option<String>,
    /// The model a descriptor naming this table but no model is priced with (else the first model with token prices).
    pub default_model: Option<String>,
    /// Prices per model, in file order.
    pub models: Vec<ModelPrices>,
    /// The file the table was read from.
    pub file: String,
}

/// One model's prices; each part is present only when the source gives it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ModelPrices {
    /// The model name, e.g. `gpt-35-turbo`.
    pub name: String,
    /// How supervised and preference training (SFT, DPO) is billed.
    pub training: Option<Training>,
    /// Reinforcement fine-tuning (RFT).
    pub rft: Option<Rft>,
    /// Hourly fee of a deployed fine-tuned model, per deployment type.
    pub hosting: Hosting,
    /// Token prices of the base model.
    pub base: Option<TokenPrices>,
    /// Token prices of the fine-tuned model, when they differ from the base model's.
    pub fine_tuned: Option<TokenPrices>,
}

/// How supervised training is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Training {
    /// By active training time, rounded up to a billing increment (regional training only).
    PerHour {
        /// Price per hour.
        price: Decimal,
        /// Billing increment in minutes.
        increment_minutes: u32,
    },
    /// By training tokens (tokens in the training file times epochs), per 1,000 tokens, by training tier.
    PerToken(Tiers),
}

/// A per-1,000-token training price for each training tier the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Tiers {
    /// Regional standard training.
    pub regional: Option<Decimal>,
    /// Global standard training.
    pub global: Option<Decimal>,
    /// Developer training.
    pub developer: Option<Decimal>,
}

/// Reinforcement fine-tuning: billed by hours of core training, plus grader tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rft {
    /// Price per hour of core training (hours rounded to two decimal places).
    pub per_hour: Decimal,
    /// Billing pauses when a job reaches this amount, until it is resumed.
    pub job_cap: Option<Decimal>,
}

/// Hourly hosting fee per deployment type; `None` where the source gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Hosting {
    /// Standard deployment.
    pub standard: Option<Decimal>,
    /// Global Standard deployment.
    pub global_standard: Option<Decimal>,
    /// Developer tier (evaluation only; no hourly fee where the source says so).
    pub developer: Option<Decimal>,
}

/// Prices per 1,000 tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TokenPrices {
    /// Input (prompt) tokens.
    pub input_per_1k: Decimal,
    /// Output (completion) tokens.
    pub output_per_1k: Decimal,
}

impl PriceTable {
    /// The prices of `model`, or an error message listing the models the table has.
    pub fn model(&self, model: &str) -> Result<&ModelPrices, Msg> {
        self.models.iter().find(|m| m.name == model).ok_or_else(|| {
            Msg::new("cost-unknown-model")
                .arg("table", &self.id)
                .arg("model", model)
                .arg("models", crate::load::quoted(self.models.iter().map(|m| m.name.as_str())))
        })
    }

    /// The model priced when a descriptor names this table but no model:
    /// `DEFAULT_MODEL` for the default table, else the table's `default_model`,
    /// else its first model with token prices.
    #[must_use]
    pub fn default_model(&self) -> Option<&str> {
        if let Some(name) = &self.default_model {
            return Some(name);
        }
        if self.models.iter().any(|m| m.name == DEFAULT_MODEL) {
            return Some(DEFAULT_MODEL);
        }
        self.models.iter().find(|m| m.base.is_some()).map(|m| m.name.as_str())
    }
}

impl ModelPrices {
    /// What this model's entry holds, for messages: "training by the hour (regional); hosting (standard); token prices".
    #[must_use]
    pub fn describe(&self) -> Msg {
        let names = |names: Vec<&str>| MsgArg::List(names.into_iter().map(str::to_owned).collect());
        let mut parts = Vec::new();
        match &self.training {
            Some(Training::PerHour { .. }) => parts.push(Msg::new("cost-has-hourly-training")),
            Some(Training::PerToken(tiers)) => {
                parts.push(Msg::new("cost-has-token-training").arg("tiers", names(tiers.names())));
            }
            None => {}
        }
        if self.rft.is_some() {
            parts.push(Msg::new("cost-has-rft"));
        }
        let hosting = self.hosting.names();
        if !hosting.is_empty() {
            parts.push(Msg::new("cost-has-hosting").arg("deployments", names(hosting)));
        }
        if self.base.is_some() {
            parts.push(Msg::new("cost-has-token-prices"));
        }
        parts
            .into_iter()
            .reduce(|all, next| Msg::new("cost-has-and").arg("all", all).arg("next", next))
            .unwrap_or_else(|| Msg::new("cost-has-nothing"))
    }
}

impl Tiers {
    /// The tiers with a price.
    #[must_use]
    pub fn names(&self) -> Vec<&'static str> {
        [("regional", self.regional), ("global", self.global), ("developer", self.developer)]
            .into_iter()
            .filter_map(|(n, p)| p.map(|_| n))
            .collect()
    }
}

impl Hosting {
    /// The deployment types with an hourly fee given.
    #[must_use]
    pub fn names(&self) -> Vec<&'static str> {
        [("standard", self.standard), ("global_standard", self.global_standard), ("developer", self.developer)]
            .into_iter()
            .filter_map(|(n, p)| p.map(|_| n))
            .collect()
    }
}

/// The embedded tables as loaded from [`EMBEDDED`] ahead of time, serialized
/// (the layout is in `crate::artefact`; regenerated by the test
/// `the_compiled_price_tables_are_in_step_with_the_yaml`).
const ARTEFACT: &[u8] = include_bytes!("embedded/price-tables.postcard");

/// The first bytes of [`ARTEFACT`].
const MAGIC: [u8; 8] = *b"stune-p1";

/// The fingerprint of the embedded tables' texts, computed at compile time.
const FINGERPRINT: u64 = crate::artefact::fingerprint(crate::artefact::SEED, EMBEDDED);

/// The embedded tables, then `extra` files: a table whose id is already
/// known replaces it, a new id is added.
///
/// The embedded tables come from their form loaded ahead of time (parsing
/// them was a fifteenth of a short `evaluate`), or from their YAML should that form be stale.
pub fn load_tables(extra: &[SourceFile], limits: Limits) -> Result<Vec<PriceTable>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut tables = crate::artefact::decode(ARTEFACT, MAGIC, FINGERPRINT).unwrap_or_else(|| {
        let mut tables = Vec::new();
        add_tables(
            &mut tables,
            EMBEDDED.iter().map(|(name, text)| SourceFile::new(*name, *text)),
            limits,
            &mut problems,
        );
        tables
    });
    add_tables(&mut tables, extra.iter().cloned(), limits, &mut problems);
    if problems.is_empty() { Ok(tables) } else { Err(problems) }
}

/// Loads each of `sources` into `tables`, replacing a table of the same id.
fn add_tables(
    tables: &mut Vec<PriceTable>,
    sources: impl Iterator<Item = SourceFile>,
    limits: Limits,
    problems: &mut Vec<Diagnostic>,
) {
    for source in sources {
        match load_table(&source, limits) {
            Ok(table) => match tables.iter_mut().find(|t| t.id == table.id) {
                Some(existing) => *existing = table,
                None => tables.push(table),
            },
            Err(mut d) => problems.append(&mut d),
        }
    }
}

mapping! {
    /// A dated price table (`rules/pricing/*.yaml`, or a file given with `--pricing`).
    pub(crate) struct TableFields<'n> {
        /// Stable id, e.g. `azure-openai-2023-10`.
        id: Required<'n, String> = "id",
        /// ISO currency code.
        currency: Required<'n, String> = "currency",
        /// The date the prices were published or checked (`YYYY-MM-DD`).
        as_of: Required<'n, String> = "as_of",
        /// Where the prices come from.
        source: Required<'n, String> = "source",
        /// What the source says about its own figures, if anything.
        caveat: Option<Entry<'n, String>> = "caveat",
        /// The model a descriptor naming this table but no model is priced with.
        default_model: Option<Entry<'n, String>> = "default_model",
        /// Prices by model name, in file order.
        models: Required<'n, std::collections::BTreeMap<String, ModelFields<'n>>> = "models",
    }
}

mapping! {
    /// One model's prices; give only those the source gives.
    pub(crate) struct ModelFields<'n> {
        /// Price per hour of active training (regional), billed in `billing_increment_minutes`.
        training_per_hour: Option<Entry<'n, f64>> = "training_per_hour",
        /// The billing increment of `training_per_hour`, in minutes.
        billing_increment_minutes: Option<Entry<'n, u32>> = "billing_increment_minutes",
        /// Training price per 1,000 training tokens: one price (regional) or one per tier.
        training_per_1k_tokens: Option<Entry<'n, TierFields<'n>>> = "training_per_1k_tokens",
        /// Training price per 1M training tokens: one price (regional) or one per tier.
        training_per_1m_tokens: Option<Entry<'n, TierFields<'n>>> = "training_per_1m_tokens",
        /// Reinforcement fine-tuning: price per hour of core training.
        rft_training_per_hour: Option<Entry<'n, f64>> = "rft_training_per_hour",
        /// Reinforcement fine-tuning: billing pauses when a job reaches this amount.
        rft_job_cap: Option<Entry<'n, f64>> = "rft_job_cap",
        /// Hourly hosting fee of the deployed fine-tuned model: one price (standard) or one per deployment type.
        hosting_per_hour: Option<Entry<'n, HostingFields<'n>>> = "hosting_per_hour",
        /// Token prices of the base model.
        base: Option<Entry<'n, TokenFields<'n>>> = "base",
        /// Token prices of the fine-tuned model, when they differ from the base model's.
        fine_tuned: Option<Entry<'n, TokenFields<'n>>> = "fine_tuned",
    }
}

mapping! {
    /// A training price per training tier.
    pub(crate) struct TierFields<'n> {
        /// Regional standard training.
        regional: Option<Entry<'n, f64>> = "regional",
        /// Global standard training.
        global: Option<Entry<'n, f64>> = "global",
        /// Developer training.
        developer: Option<Entry<'n, f64>> = "developer",
    }
}

mapping! {
    /// An hourly hosting fee per deployment type.
    pub(crate) struct HostingFields<'n> {
        /// Standard deployment.
        standard: Option<Entry<'n, f64>> = "standard",
        /// Global Standard deployment.
        global_standard: Option<Entry<'n, f64>> = "global_standard",
        /// Developer tier.
        developer: Option<Entry<'n, f64>> = "developer",
    }
}

mapping! {
    /// Token prices: each side per 1,000 or per 1M tokens.
    pub(crate) struct TokenFields<'n> {
        /// Input tokens, per 1,000.
        input_per_1k: Option<Entry<'n, f64>> = "input_per_1k",
        /// Output tokens, per 1,000.
        output_per_1k: Option<Entry<'n, f64>> = "output_per_1k",
        /// Input tokens, per 1M.
        input_per_1m: Option<Entry<'n, f64>> = "input_per_1m",
        /// Output tokens, per 1M.
        output_per_1m: Option<Entry<'n, f64>> = "output_per_1m",
    }
}

/// The value of an optional key, if written.
fn value<T>(entry: Option<Entry<'_, T>>) -> Option<&Node> {
    entry.map(|e| e.value)
}

/// Where an optional key is written, if it is.
fn key_span<T>(entry: Option<Entry<'_, T>>) -> Option<Span> {
    entry.map(|e| e.key.span)
}

/// Reads one price table file.
pub fn load_table(source: &SourceFile, limits: Limits) -> Result<PriceTable, Vec<Diagnostic>> {
    let root = parse_document(source, limits).map_err(|d| vec![*d])?;
    let mut sink = Sink::new(source);
    let table = read_table(&mut sink, &root);
    match table {
        Some(table) if !sink.has_errors() => Ok(table),
        _ => Err(sink.diagnostics),
    }
}

fn read_table(sink: &mut Sink<'_>, root: &Node) -> Option<PriceTable> {
    let map = TableFields::read(sink, root, What::PriceTable)?;
    let id = map.id.require(sink, What::PriceTable).and_then(|n| expect_str(sink, n, What::Key("id")));
    let currency =
        map.currency.require(sink, What::PriceTable).and_then(|n| expect_str(sink, n, What::Key("currency")));
    let as_of = map.as_of.require(sink, What::PriceTable).and_then(|n| read_date(sink, n));
    let source = map.source.require(sink, What::PriceTable).and_then(|n| expect_str(sink, n, What::Key("source")));
    let caveat = value(map.caveat).and_then(|n| expect_str(sink, n, What::Key("caveat"))).map(str::to_owned);
    let default_model =
        value(map.default_model).and_then(|n| expect_str(sink, n, What::Key("default_model")).map(|s| (s, n.span)));
    let mut models = Vec::new();
    if let Some(node) = map.models.require(sink, What::PriceTable) {
        for (key, value) in expect_map(sink, node, What::Key("models")).unwrap_or_default() {
            let Some(name) = expect_str(sink, key, What::ModelName) else { continue };
            if let Some(model) = read_model(sink, name, value) {
                models.push(model);
            }
        }
        if models.is_empty() && !sink.has_errors() {
            sink.error(Code::MissingKey, Msg::new("pricing-needs-model"), node.span);
        }
    }
    if let Some((name, span)) = default_model
        && !models.iter().any(|m| m.name == name)
    {
        let names = crate::load::quoted(models.iter().map(|m| m.name.as_str()));
        sink.error(
            Code::UnknownChoice,
            Msg::new("pricing-default-model-unknown").arg("name", name).arg("names", names),
            span,
        );
    }
    Some(PriceTable {
        id: id?.to_owned(),
        currency: currency?.to_owned(),
        as_of: as_of?,
        source: source?.to_owned(),
        caveat,
        default_model: default_model.map(|(n, _)| n.to_owned()),
        models,
        file: sink.source.name().to_owned(),
    })
}

fn read_date(sink: &mut Sink<'_>, node: &Node) -> Option<String> {
    let text = expect_str(sink, node, What::Key("as_of"))?;
    if super::date::days_from_iso(text).is_none() {
        sink.error(Code::WrongType, Msg::new("pricing-as-of-date").arg("text", text), node.span);
        return None;
    }
    Some(text.to_owned())
}

fn read_money(sink: &mut Sink<'_>, node: &Node, what: What<'_>) -> Option<Decimal> {
    let value = expect_decimal(sink, node, what)?;
    if value.is_sign_negative() {
        sink.error(Code::OutOfRange, Msg::new("pricing-negative").arg("what", what.msg()), node.span);
        return None;
    }
    Some(value)
}

/// A price per 1M tokens as a price per 1,000 tokens (exact: a decimal shift).
fn per_1k_from_per_1m(sink: &mut Sink<'_>, node: &Node, price: Decimal) -> Option<Decimal> {
    let value = price.checked_div(Decimal::ONE_THOUSAND);
    if value.is_none() {
        sink.error(Code::OutOfRange, Msg::new("pricing-per-1k-overflow"), node.span);
    }
    value
}

fn read_tiers(sink: &mut Sink<'_>, node: &Node, what: What<'_>, per_1m: bool) -> Option<Tiers> {
    let convert = |sink: &mut Sink<'_>, n: &Node, price: Decimal| {
        if per_1m { per_1k_from_per_1m(sink, n, price) } else { Some(price) }
    };
    if !matches!(node.kind, NodeKind::Map(_)) {
        let price = read_money(sink, node, what)?;
        return Some(Tiers { regional: Some(convert(sink, node, price)?), ..Tiers::default() });
    }
    let map = TierFields::read(sink, node, what)?;
    let tier = |sink: &mut Sink<'_>, entry: Option<Entry<'_, f64>>, key: &str| {
        let n = value(entry)?;
        let price = read_money(sink, n, What::Key(key))?;
        convert(sink, n, price)
    };
    let tiers = Tiers {
        regional: tier(sink, map.regional, "regional"),
        global: tier(sink, map.global, "global"),
        developer: tier(sink, map.developer, "developer"),
    };
    if tiers.names().is_empty() {
        sink.error(Code::MissingKey, Msg::new("pricing-tier-missing").arg("what", what.msg()), node.span);
        return None;
    }
    Some(tiers)
}

fn read_hosting(sink: &mut Sink<'_>, node: &Node) -> Option<Hosting> {
    if !matches!(node.kind, NodeKind::Map(_)) {
        let price = read_money(sink, node, What::Key("hosting_per_hour"))?;
        return Some(Hosting { standard: Some(price), ..Hosting::default() });
    }
    let map = HostingFields::read(sink, node, What::Key("hosting_per_hour"))?;
    let fee = |sink: &mut Sink<'_>, entry: Option<Entry<'_, f64>>, key: &str| {
        value(entry).and_then(|n| read_money(sink, n, What::Key(key)))
    };
    Some(Hosting {
        standard: fee(sink, map.standard, "standard"),
        global_standard: fee(sink, map.global_standard, "global_standard"),
        developer: fee(sink, map.developer, "developer"),
    })
}

fn read_model(sink: &mut Sink<'_>, name: &str, node: &Node) -> Option<ModelPrices> {
    let what = What::Model(name);
    let map = ModelFields::read(sink, node, what)?;
    let per_hour = value(map.training_per_hour).and_then(|n| read_money(sink, n, What::Key("training_per_hour")));
    let per_thousand =
        value(map.training_per_1k_tokens).and_then(|n| read_tiers(sink, n, What::Key("training_per_1k_tokens"), false));
    let per_million =
        value(map.training_per_1m_tokens).and_then(|n| read_tiers(sink, n, What::Key("training_per_1m_tokens"), true));
    let given = [
        ("training_per_hour", key_span(map.training_per_hour)),
        ("training_per_1k_tokens", key_span(map.training_per_1k_tokens)),
        ("training_per_1m_tokens", key_span(map.training_per_1m_tokens)),
    ]
    .into_iter()
    .filter_map(|(k, span)| Some((k, span?)))
    .collect::<Vec<_>>();
    if given.len() > 1 {
        sink.error(
            Code::InvalidCost,
            Msg::new("pricing-one-training-price")
                .arg("what", what.msg())
                .arg("list", crate::load::quoted(given.iter().map(|g| g.0))),
            given[1].1,
        );
        return None;
    }
    let training = match (per_hour, per_thousand.or(per_million)) {
        (Some(price), _) => {
            if map.billing_increment_minutes.is_none() {
                crate::load::report_missing_key(sink, "billing_increment_minutes", what, map.span);
            }
            let increment = value(map.billing_increment_minutes)
                .and_then(|n| expect_int(sink, n, What::Key("billing_increment_minutes")))?;
            let Some(increment_minutes) = u32::try_from(increment).ok().filter(|m| *m > 0) else {
                let span = key_span(map.billing_increment_minutes).unwrap_or(map.span);
                sink.error(Code::OutOfRange, Msg::new("pricing-increment-positive"), span);
                return None;
            };
            Some(Training::PerHour { price, increment_minutes })
        }
        (None, Some(tiers)) => Some(Training::PerToken(tiers)),
        (None, None) => None,
    };
    if per_hour.is_none()
        && let Some(span) = key_span(map.billing_increment_minutes)
    {
        sink.error(
            Code::InvalidCost,
            Msg::new("pricing-goes-with").arg("key", "billing_increment_minutes").arg("with", "training_per_hour"),
            span,
        );
    }
    let rft = value(map.rft_training_per_hour).and_then(|n| read_money(sink, n, What::Key("rft_training_per_hour")));
    let job_cap = value(map.rft_job_cap).and_then(|n| read_money(sink, n, What::Key("rft_job_cap")));
    if rft.is_none()
        && let Some(span) = key_span(map.rft_job_cap)
    {
        sink.error(
            Code::InvalidCost,
            Msg::new("pricing-goes-with").arg("key", "rft_job_cap").arg("with", "rft_training_per_hour"),
            span,
        );
    }
    let hosting = value(map.hosting_per_hour).and_then(|n| read_hosting(sink, n)).unwrap_or_default();
    let base = value(map.base).and_then(|n| read_tokens(sink, n, What::ModelKey(name, "base")));
    let fine_tuned = value(map.fine_tuned).and_then(|n| read_tokens(sink, n, What::ModelKey(name, "fine_tuned")));
    let model = ModelPrices {
        name: name.to_owned(),
        training,
        rft: rft.map(|per_hour| Rft { per_hour, job_cap }),
        hosting,
        base,
        fine_tuned,
    };
    if model.training.is_none() && model.rft.is_none() && model.base.is_none() && model.hosting.names().is_empty() {
        sink.error(Code::MissingKey, Msg::new("pricing-no-prices").arg("what", what.msg()), map.span);
        return None;
    }
    Some(model)
}

fn read_tokens(sink: &mut Sink<'_>, node: &Node, what: What<'_>) -> Option<TokenPrices> {
    let map = TokenFields::read(sink, node, what)?;
    let price = |sink: &mut Sink<'_>, side: &str, per_1k: Option<Entry<'_, f64>>, per_1m: Option<Entry<'_, f64>>| {
        let k = format!("{side}_per_1k");
        let m = format!("{side}_per_1m");
        match (per_1k, per_1m) {
            (Some(e), None) => read_money(sink, e.value, What::Key(&k)),
            (None, Some(e)) => {
                let price = read_money(sink, e.value, What::Key(&m))?;
                per_1k_from_per_1m(sink, e.value, price)
            }
            (Some(_), Some(e)) => {
                sink.error(
                    Code::InvalidCost,
                    Msg::new("pricing-per-1k-and-per-1m").arg("k", &k).arg("m", &m),
                    e.key.span,
                );
                None
            }
            (None, None) => {
                sink.error(
                    Code::MissingKey,
                    Msg::new("pricing-needs-side").arg("what", what.msg()).arg("k", &k).arg("m", &m),
                    map.span,
                );
                None
            }
        }
    };
    let input = price(sink, "input", map.input_per_1k, map.input_per_1m);
    let output = price(sink, "output", map.output_per_1k, map.output_per_1m);
    Some(TokenPrices { input_per_1k: input?, output_per_1k: output? })
}

#[cfg(test)]
mod artefact_tests {
    use super::*;
    use crate::artefact;

    /// The embedded tables as the ordinary loader reads them from the YAML.
    fn loaded() -> Vec<PriceTable> {
        let (mut tables, mut problems) = (Vec::new(), Vec::new());
        let sources = EMBEDDED.iter().map(|(name, text)| SourceFile::new(*name, *text));
        add_tables(&mut tables, sources, Limits::default(), &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
        tables
    }

    #[test]
    fn the_compiled_price_tables_are_in_step_with_the_yaml() {
        let fresh = artefact::encode(&loaded(), MAGIC, FINGERPRINT);
        artefact::assert_in_step("src/cost/embedded/price-tables.postcard", ARTEFACT, &fresh);
    }

    #[test]
    fn the_embedded_tables_come_from_the_artefact_unchanged() {
        let decoded: Vec<PriceTable> = artefact::decode(ARTEFACT, MAGIC, FINGERPRINT)
            .unwrap_or_else(|| panic!("the price-table artefact is stale or unreadable: {}", artefact::BLESS));
        assert_eq!(decoded, loaded());
        assert_eq!(load_tables(&[], Limits::default()).unwrap(), decoded);
        // Exact decimals survive: the scale as written, not a float.
        assert!(decoded.iter().flat_map(|t| &t.models).any(|m| m.base.is_some_and(|b| b.input_per_1k.scale() > 0)));
        // A file given with `--pricing` still replaces an embedded table of the same id.
        let first = &decoded[0];
        let text = format!(
            "id: {}\ncurrency: USD\nas_of: 2026-01-01\nsource: mine\nmodels:\n  m:\n    base: {{input_per_1k: 1, output_per_1k: 2}}\n",
            first.id
        );
        let tables = load_tables(&[SourceFile::new("mine.yaml", text)], Limits::default()).unwrap();
        assert_eq!(tables.len(), decoded.len());
        assert_eq!(tables[0].source, "mine");
        assert_eq!(tables[1..], decoded[1..]);
    }
}
