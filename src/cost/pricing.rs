//! Price tables: dated data files, embedded or supplied with `--pricing`.

use rust_decimal::Decimal;

use crate::diag::{Diagnostic, codes};
use crate::load::{Limits, MapReader, Node, Sink, expect_decimal, expect_int, expect_map, expect_str, parse_document};
use crate::source::SourceFile;

/// The tables shipped in the binary: `(file name, text)`.
const EMBEDDED: &[(&str, &str)] = &[
    ("rules/pricing/azure-openai-2023-10.yaml", include_str!("../../rules/pricing/azure-openai-2023-10.yaml")),
    ("rules/pricing/openai-2023-08.yaml", include_str!("../../rules/pricing/openai-2023-08.yaml")),
];

/// The table used when a descriptor names none.
pub const DEFAULT_TABLE: &str = "azure-openai-2023-10";

/// The model used when a descriptor names none.
pub const DEFAULT_MODEL: &str = "gpt-35-turbo";

/// One dated price list.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceTable {
    /// Stable id, e.g. `azure-openai-2023-10`.
    pub id: String,
    /// ISO currency code.
    pub currency: String,
    /// The date the prices were published or checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Where the prices come from.
    pub source: String,
    /// Prices per model, in file order.
    pub models: Vec<ModelPrices>,
}

/// One model's prices.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelPrices {
    /// The model name, e.g. `gpt-35-turbo`.
    pub name: String,
    /// How training is billed.
    pub training: Training,
    /// Hourly fee for a deployed fine-tuned model (0 where there is none).
    pub hosting_per_hour: Decimal,
    /// Token prices of the base model.
    pub base: TokenPrices,
    /// Token prices of the fine-tuned model.
    pub fine_tuned: TokenPrices,
}

/// How training is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Training {
    /// By active training time, rounded up to a billing increment.
    PerHour {
        /// Price per hour.
        price: Decimal,
        /// Billing increment in minutes.
        increment_minutes: u32,
    },
    /// By training tokens (tokens in the training file times epochs).
    Per1kTokens(Decimal),
}

/// Prices per 1,000 tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenPrices {
    /// Input (prompt) tokens.
    pub input_per_1k: Decimal,
    /// Output (completion) tokens.
    pub output_per_1k: Decimal,
}

impl PriceTable {
    /// The prices of `model`, or an error message listing the models the table has.
    pub fn model(&self, model: &str) -> Result<&ModelPrices, String> {
        self.models.iter().find(|m| m.name == model).ok_or_else(|| {
            let names: Vec<String> = self.models.iter().map(|m| format!("`{}`", m.name)).collect();
            format!("price table `{}` has no model `{model}`; it has {}", self.id, names.join(", "))
        })
    }
}

/// The embedded tables, then `extra` files: a table whose id is already
/// known replaces it, a new id is added.
pub fn load_tables(extra: &[SourceFile], limits: Limits) -> Result<Vec<PriceTable>, Vec<Diagnostic>> {
    let mut tables: Vec<PriceTable> = Vec::new();
    let mut problems = Vec::new();
    let embedded = EMBEDDED.iter().map(|(name, text)| SourceFile::new(*name, *text));
    for source in embedded.chain(extra.iter().cloned()) {
        match load_table(&source, limits) {
            Ok(table) => match tables.iter_mut().find(|t| t.id == table.id) {
                Some(existing) => *existing = table,
                None => tables.push(table),
            },
            Err(mut d) => problems.append(&mut d),
        }
    }
    if problems.is_empty() { Ok(tables) } else { Err(problems) }
}

const TABLE_KEYS: &[&str] = &["id", "currency", "as_of", "source", "models"];
const MODEL_KEYS: &[&str] = &[
    "training_per_hour",
    "billing_increment_minutes",
    "training_per_1k_tokens",
    "hosting_per_hour",
    "base",
    "fine_tuned",
];
const TOKEN_KEYS: &[&str] = &["input_per_1k", "output_per_1k"];

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
    let map = MapReader::new(sink, root, "a price table", TABLE_KEYS)?;
    let id = map.require(sink, "id", "a price table").and_then(|n| expect_str(sink, n, "`id`"));
    let currency = map.require(sink, "currency", "a price table").and_then(|n| expect_str(sink, n, "`currency`"));
    let as_of = map.require(sink, "as_of", "a price table").and_then(|n| read_date(sink, n));
    let source = map.require(sink, "source", "a price table").and_then(|n| expect_str(sink, n, "`source`"));
    let mut models = Vec::new();
    if let Some(node) = map.require(sink, "models", "a price table") {
        for (key, value) in expect_map(sink, node, "`models`").unwrap_or_default() {
            let Some(name) = expect_str(sink, key, "a model name") else { continue };
            if let Some(model) = read_model(sink, name, value) {
                models.push(model);
            }
        }
        if models.is_empty() && !sink.has_errors() {
            sink.error(codes::MISSING_KEY, "a price table needs at least one model", node.span);
        }
    }
    Some(PriceTable {
        id: id?.to_owned(),
        currency: currency?.to_owned(),
        as_of: as_of?,
        source: source?.to_owned(),
        models,
    })
}

fn read_date(sink: &mut Sink<'_>, node: &Node) -> Option<String> {
    let text = expect_str(sink, node, "`as_of`")?;
    let bytes = text.as_bytes();
    let valid = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !valid {
        sink.error(
            codes::WRONG_TYPE,
            format!("expected `as_of` to be a date like `2023-10-16`, found `{text}`"),
            node.span,
        );
        return None;
    }
    Some(text.to_owned())
}

fn read_money(sink: &mut Sink<'_>, node: &Node, what: &str) -> Option<Decimal> {
    let value = expect_decimal(sink, node, what)?;
    if value.is_sign_negative() {
        sink.error(codes::OUT_OF_RANGE, format!("{what} is negative; prices are 0 or more"), node.span);
        return None;
    }
    Some(value)
}

fn read_model(sink: &mut Sink<'_>, name: &str, node: &Node) -> Option<ModelPrices> {
    let what = format!("model `{name}`");
    let map = MapReader::new(sink, node, &what, MODEL_KEYS)?;
    let per_hour = map.get("training_per_hour").and_then(|n| read_money(sink, n, "`training_per_hour`"));
    let per_token = map.get("training_per_1k_tokens").and_then(|n| read_money(sink, n, "`training_per_1k_tokens`"));
    let training = match (per_hour, per_token) {
        (Some(price), None) => {
            let increment = map
                .require(sink, "billing_increment_minutes", &what)
                .and_then(|n| expect_int(sink, n, "`billing_increment_minutes`"))?;
            let Ok(increment_minutes) =
                u32::try_from(increment).map_err(|_| ()).and_then(|m| if m > 0 { Ok(m) } else { Err(()) })
            else {
                let span = map.key_span("billing_increment_minutes").unwrap_or(map.span());
                sink.error(codes::OUT_OF_RANGE, "`billing_increment_minutes` must be a positive whole number", span);
                return None;
            };
            Training::PerHour { price, increment_minutes }
        }
        (None, Some(price)) => Training::Per1kTokens(price),
        _ => {
            sink.error(
                codes::MISSING_KEY,
                format!("{what} needs exactly one of `training_per_hour` and `training_per_1k_tokens`"),
                map.span(),
            );
            return None;
        }
    };
    let hosting = map.require(sink, "hosting_per_hour", &what).and_then(|n| read_money(sink, n, "`hosting_per_hour`"));
    let base = map.require(sink, "base", &what).and_then(|n| read_tokens(sink, n, &format!("{what} `base`")));
    let fine_tuned =
        map.require(sink, "fine_tuned", &what).and_then(|n| read_tokens(sink, n, &format!("{what} `fine_tuned`")));
    Some(ModelPrices {
        name: name.to_owned(),
        training,
        hosting_per_hour: hosting?,
        base: base?,
        fine_tuned: fine_tuned?,
    })
}

fn read_tokens(sink: &mut Sink<'_>, node: &Node, what: &str) -> Option<TokenPrices> {
    let map = MapReader::new(sink, node, what, TOKEN_KEYS)?;
    let input = map.require(sink, "input_per_1k", what).and_then(|n| read_money(sink, n, "`input_per_1k`"));
    let output = map.require(sink, "output_per_1k", what).and_then(|n| read_money(sink, n, "`output_per_1k`"));
    Some(TokenPrices { input_per_1k: input?, output_per_1k: output? })
}
