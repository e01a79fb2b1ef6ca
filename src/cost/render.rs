//! `cost` output: a table for people, JSON for tools, one line for `evaluate`.

use std::io::Write;

use rust_decimal::{Decimal, RoundingStrategy};
use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style as TableStyle};

use super::CostEstimate;
use super::pricing::{PriceTable, TokenPrices, Training};
use crate::i18n::{Arg, Lang};
use crate::text::Style;
use crate::text::sanitize;

/// An amount rounded half away from zero to cents, with thousands separators: `12,345.68`.
#[must_use]
pub fn money(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{rounded:.2}");
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    format!("{sign}{}.{cents}", group_thousands(whole))
}

/// A count with thousands separators.
#[must_use]
pub fn count(n: u64) -> String {
    group_thousands(&n.to_string())
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Version of the `cost --format json` layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// "gpt-35-turbo", or "o4-mini, fine-tuning o4-mini-ft" when the models differ.
fn models(estimate: &CostEstimate, lang: Lang) -> String {
    if estimate.fine_tuned_model == estimate.model {
        sanitize(&estimate.model)
    } else {
        let (model, fine_tuned) = (sanitize(&estimate.model), sanitize(&estimate.fine_tuned_model));
        lang.tr_args("cost-models-differ", &[("model", Arg::Str(&model)), ("fine_tuned", Arg::Str(&fine_tuned))])
    }
}

/// An amount with its currency as `lang` writes it: `USD 1,234.50` in English,
/// `$1,234.50` / `1,234円` in Japanese prose (other currencies: `1,234.50 EUR`).
#[must_use]
pub fn money_in(amount: Decimal, currency: &str, lang: Lang) -> String {
    let text = money(amount);
    match (lang, currency) {
        (Lang::En, _) => format!("{currency} {text}"),
        (Lang::Ja, "USD") => match text.strip_prefix('-') {
            Some(positive) => format!("-${positive}"),
            None => format!("${text}"),
        },
        (Lang::Ja, "JPY") => format!("{}円", text.strip_suffix(".00").unwrap_or(&text)),
        (Lang::Ja, _) => format!("{text} {currency}"),
    }
}

/// A price table's date (`2023-10-16`) in prose: unchanged in English, `2023年10月16日` in Japanese.
fn date_in(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
    match (lang, parts.next(), parts.next(), parts.next()) {
        (Lang::Ja, Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) if (1..=12).contains(&month) && day <= 31 => {
            lang.date(i32::try_from(year).unwrap_or(0), month, day)
        }
        _ => iso.to_owned(),
    }
}

fn break_even_sentence(estimate: &CostEstimate, lang: Lang) -> String {
    if estimate.evaluation_only {
        return lang.tr("cost-break-even-developer");
    }
    match estimate.break_even_monthly_requests {
        Some(0) => lang.tr("cost-break-even-any"),
        Some(n) => lang.tr_args("cost-break-even-at", &[("requests", Arg::Str(&count(n)))]),
        None => lang.tr("cost-break-even-never"),
    }
}

/// One line for `evaluate`: monthly cost per approach and the break-even, in English.
#[must_use]
pub fn summary_line(estimate: &CostEstimate) -> String {
    summary_line_in(estimate, Lang::En)
}

/// [`summary_line`] in `lang`: amounts, counts and the date as `lang` writes them.
#[must_use]
pub fn summary_line_in(estimate: &CostEstimate, lang: Lang) -> String {
    let c = &estimate.currency;
    let m = &estimate.monthly;
    let evaluation = if estimate.evaluation_only { lang.tr("cost-evaluation-only") } else { String::new() };
    let money = |amount: Decimal| money_in(amount, c, lang);
    lang.tr_args(
        "cost-summary",
        &[
            ("requests", Arg::Str(&count(estimate.monthly_requests))),
            ("models", Arg::Str(&models(estimate, lang))),
            ("table", Arg::Str(&sanitize(&estimate.price_table))),
            ("as_of", Arg::Str(&date_in(&estimate.as_of, lang))),
            ("pe", Arg::Str(&money(m.prompt_engineering))),
            ("rag", Arg::Str(&money(m.rag))),
            ("ft", Arg::Str(&money(m.fine_tuning))),
            ("once", Arg::Str(&money(estimate.fine_tuning_one_time))),
            ("evaluation", Arg::Str(&evaluation)),
            ("break_even", Arg::Str(&break_even_sentence(estimate, lang))),
        ],
    )
}

/// `text` word-wrapped to `width` columns, each line styled by `paint`.
fn paragraph(out: &mut dyn Write, text: &str, width: usize, paint: impl Fn(&str) -> String) -> std::io::Result<()> {
    for line in crate::text::wrap(text, width.max(20), "").lines() {
        writeln!(out, "{}", paint(line))?;
    }
    Ok(())
}

/// The cost table, the break-even, the price table's date and source, and the
/// assumptions, in English; prose wraps to the style's width.
pub fn table(estimate: &CostEstimate, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    table_in(estimate, out, style, Lang::En)
}

/// [`table`] with headings, labels and prose in `lang` (billing names such as
/// `standard` stay as the price table writes them).
pub fn table_in(estimate: &CostEstimate, out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    let c = &estimate.currency;
    let width = style.width;
    let plain = |t: &str| t.to_owned();
    let title = lang.tr_args(
        "cost-title",
        &[
            ("requests", Arg::Str(&count(estimate.monthly_requests))),
            ("models", Arg::Str(&models(estimate, lang))),
            ("table", Arg::Str(&sanitize(&estimate.price_table))),
        ],
    );
    paragraph(out, &title, width, |t| style.strong(t))?;
    let tier = estimate
        .training_tier
        .map(|t| lang.tr_args("cost-tier", &[("tier", Arg::Str(t.as_str()))]))
        .unwrap_or_default();
    let shape = lang.tr_args(
        "cost-shape",
        &[
            ("method", Arg::Str(estimate.method.as_str())),
            ("tier", Arg::Str(&tier)),
            ("deployment", Arg::Str(estimate.deployment.as_str())),
        ],
    );
    paragraph(out, &shape, width, plain)?;
    writeln!(out)?;
    let mut builder = Builder::default();
    let currency = [("currency", Arg::Str(c))];
    builder.push_record([
        lang.tr("cost-col-approach"),
        lang.tr_args("cost-col-monthly", &currency),
        lang.tr_args("cost-col-once", &currency),
    ]);
    let m = &estimate.monthly;
    builder.push_record([lang.tr("cost-row-pe"), money(m.prompt_engineering), money(Decimal::ZERO)]);
    builder.push_record([lang.tr("cost-row-rag"), money(m.rag), money(Decimal::ZERO)]);
    let fine_tuning = lang.tr(if estimate.evaluation_only { "cost-row-ft-evaluation" } else { "cost-row-ft" });
    builder.push_record([fine_tuning, money(m.fine_tuning), money(estimate.fine_tuning_one_time)]);
    let mut table = builder.build();
    table.with(TableStyle::rounded()).modify(Columns::new(1..), Alignment::right());
    writeln!(out, "{table}")?;
    writeln!(out)?;
    if !estimate.grader_one_time.is_zero() {
        let amount = money_in(estimate.grader_one_time, c, lang);
        paragraph(out, &lang.tr_args("cost-grader", &[("amount", Arg::Str(&amount))]), width, plain)?;
    }
    let break_even = if estimate.evaluation_only {
        lang.tr("cost-break-even-line-developer")
    } else {
        match estimate.break_even_monthly_requests {
            Some(0) => lang.tr("cost-break-even-line-any"),
            Some(n) => lang.tr_args("cost-break-even-line-at", &[("requests", Arg::Str(&count(n)))]),
            None => lang.tr("cost-break-even-line-never"),
        }
    };
    paragraph(out, &break_even, width, plain)?;
    for (index, note) in estimate.notes.iter().enumerate() {
        // The note in `lang` when it is the one its message renders in English (not replaced since).
        let note = match estimate.note_msgs.get(index) {
            Some(msg) if msg.render(Lang::En) == *note => msg.render(lang),
            _ => note.clone(),
        };
        paragraph(out, &lang.tr_args("cost-note", &[("note", Arg::Str(&sanitize(&note)))]), width, plain)?;
    }
    let dim = |t: &str| style.dim(t);
    let as_of = lang.tr_args(
        "cost-prices-as-of",
        &[("as_of", Arg::Str(&date_in(&estimate.as_of, lang))), ("source", Arg::Str(&sanitize(&estimate.source)))],
    );
    paragraph(out, &as_of, width, dim)?;
    if let Some(caveat) = &estimate.caveat {
        paragraph(out, &sanitize(caveat), width, dim)?;
    }
    paragraph(out, &lang.tr("cost-prices-change"), width, dim)?;
    if !estimate.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&lang.tr("cost-assumed")))?;
        for a in &estimate.assumed {
            let reason = a.reason_msg.render(lang);
            let text = format!("{} = {} ({reason})", a.setting, sanitize(&a.value));
            let wrapped = crate::text::wrap(&text, width.saturating_sub(4).max(20), "    ");
            writeln!(out, "  {}", wrapped.trim_start().trim_end())?;
        }
    }
    Ok(())
}

/// The estimate as pretty JSON with `schema_version`: amounts are exact decimal strings.
pub fn json(estimate: &CostEstimate, out: &mut dyn Write) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Versioned<'a> {
        schema_version: u32,
        #[serde(flatten)]
        estimate: &'a CostEstimate,
    }
    serde_json::to_writer_pretty(&mut *out, &Versioned { schema_version: SCHEMA_VERSION, estimate })
        .map_err(std::io::Error::other)?;
    writeln!(out)
}

/// A price as written: exact, with at least two decimals (`1.70`, `0.0004`).
fn price(value: Decimal) -> String {
    let value = value.normalize();
    if value.scale() < 2 { format!("{value:.2}") } else { value.to_string() }
}

/// A per-1,000-token price shown per 1M tokens, the unit current price lists use.
fn per_1m(per_1k: Decimal, lang: Lang) -> String {
    per_1k
        .checked_mul(Decimal::ONE_THOUSAND)
        .map_or_else(|| lang.tr_args("cost-table-per-1k", &[("price", Arg::Str(&price(per_1k)))]), price)
}

fn tokens_line(prices: TokenPrices, lang: Lang) -> String {
    let (input, output) = (per_1m(prices.input_per_1k, lang), per_1m(prices.output_per_1k, lang));
    lang.tr_args("cost-table-token-prices", &[("input", Arg::Str(&input)), ("output", Arg::Str(&output))])
}

/// `cost --tables`: one line per table (id, date, currency, models) and its source.
pub fn list_tables(tables: &[PriceTable], out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    list_tables_in(tables, out, style, Lang::En)
}

/// [`list_tables`] in `lang` (ids, dates and sources as written).
pub fn list_tables_in(tables: &[PriceTable], out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let names: Vec<String> = table.models.iter().map(|m| sanitize(&m.name)).collect();
        let (currency, models) = (sanitize(&table.currency), lang.join(&names));
        let line = lang.tr_args(
            "cost-tables-line",
            &[("as_of", Arg::Str(&table.as_of)), ("currency", Arg::Str(&currency)), ("models", Arg::Str(&models))],
        );
        writeln!(out, "{}  {line}", style.strong(&sanitize(&table.id)))?;
        writeln!(out, "  {}", style.dim(&sanitize(&table.source)))?;
        if let Some(caveat) = &table.caveat {
            writeln!(out, "  {}", style.dim(&sanitize(caveat)))?;
        }
    }
    writeln!(out)?;
    let default = lang.tr_args("cost-tables-default", &[("table", Arg::Str(super::DEFAULT_TABLE))]);
    writeln!(out, "{}", style.dim(&default))?;
    Ok(())
}

/// `cost --table ID`: every price in the table, with its source.
pub fn show_table(table: &PriceTable, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    show_table_in(table, out, style, Lang::En)
}

/// [`show_table`] in `lang` (ids, tiers, dates and sources as written).
pub fn show_table_in(table: &PriceTable, out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    let c = sanitize(&table.currency);
    let tr = |id: &str, args: &[(&str, &str)]| {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
        lang.tr_args(id, &args)
    };
    let id = sanitize(&table.id);
    let heading = tr("cost-table-heading", &[("id", &id), ("currency", &c), ("as_of", &table.as_of)]);
    writeln!(out, "{}", style.strong(&heading))?;
    writeln!(out, "{}", tr("cost-table-source", &[("source", &sanitize(&table.source))]))?;
    if let Some(caveat) = &table.caveat {
        writeln!(out, "{}", tr("cost-table-caveat", &[("caveat", &sanitize(caveat))]))?;
    }
    if let Some(model) = table.default_model() {
        writeln!(out, "{}", tr("cost-table-default-model", &[("model", &sanitize(model))]))?;
    }
    writeln!(out, "{}", tr("cost-table-read-from", &[("file", &sanitize(&table.file))]))?;
    for model in &table.models {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&sanitize(&model.name)))?;
        match model.training {
            Some(Training::PerHour { price: p, increment_minutes }) => {
                let minutes = increment_minutes.to_string();
                let line =
                    tr("cost-table-training-hour", &[("currency", &c), ("price", &price(p)), ("minutes", &minutes)]);
                writeln!(out, "  {line}")?;
            }
            Some(Training::PerToken(tiers)) => {
                let parts: Vec<String> =
                    [("regional", tiers.regional), ("global", tiers.global), ("developer", tiers.developer)]
                        .into_iter()
                        .filter_map(|(name, p)| p.map(|p| format!("{name} {c} {}", per_1m(p, lang))))
                        .collect();
                writeln!(out, "  {}", tr("cost-table-training-tokens", &[("list", &lang.join(&parts))]))?;
            }
            None => {}
        }
        if let Some(rft) = model.rft {
            let cap = rft
                .job_cap
                .map(|cap| tr("cost-table-rft-cap", &[("currency", &c), ("price", &price(cap))]))
                .unwrap_or_default();
            let line = tr("cost-table-rft", &[("currency", &c), ("price", &price(rft.per_hour)), ("cap", &cap)]);
            writeln!(out, "  {line}")?;
        }
        let hosting: Vec<String> = [
            ("standard", model.hosting.standard),
            ("global_standard", model.hosting.global_standard),
            ("developer", model.hosting.developer),
        ]
        .into_iter()
        .filter_map(|(name, p)| p.map(|p| format!("{name} {c} {}", price(p))))
        .collect();
        if !hosting.is_empty() {
            writeln!(out, "  {}", tr("cost-table-hosting", &[("list", &lang.join(&hosting))]))?;
        }
        if let Some(base) = model.base {
            writeln!(out, "  {}", tr("cost-table-tokens", &[("currency", &c), ("prices", &tokens_line(base, lang))]))?;
        }
        if let Some(fine_tuned) = model.fine_tuned {
            let prices = tokens_line(fine_tuned, lang);
            writeln!(out, "  {}", tr("cost-table-fine-tuned-tokens", &[("currency", &c), ("prices", &prices)]))?;
        }
    }
    Ok(())
}

/// Price tables as JSON (`cost --tables -f json`, `cost --table ID -f json`); prices per 1M tokens as exact decimal strings.
pub fn tables_json(tables: &[PriceTable], out: &mut dyn Write) -> std::io::Result<()> {
    use serde_json::{Value, json};
    let tokens = |t: Option<TokenPrices>| {
        t.map_or(
            Value::Null,
            |t| json!({ "input_per_1m": per_1m(t.input_per_1k, Lang::En), "output_per_1m": per_1m(t.output_per_1k, Lang::En) }),
        )
    };
    let opt = |p: Option<Decimal>| p.map_or(Value::Null, |p| Value::String(price(p)));
    let opt_1m = |p: Option<Decimal>| p.map_or(Value::Null, |p| Value::String(per_1m(p, Lang::En)));
    let list: Vec<Value> = tables
        .iter()
        .map(|t| {
            let models: Vec<Value> = t
                .models
                .iter()
                .map(|m| {
                    let training = match m.training {
                        Some(Training::PerHour { price: p, increment_minutes }) => {
                            json!({ "per_hour": price(p), "billing_increment_minutes": increment_minutes })
                        }
                        Some(Training::PerToken(tiers)) => json!({ "per_1m_tokens": {
                            "regional": opt_1m(tiers.regional), "global": opt_1m(tiers.global), "developer": opt_1m(tiers.developer)
                        } }),
                        None => Value::Null,
                    };
                    json!({
                        "name": m.name,
                        "training": training,
                        "rft": m.rft.map_or(Value::Null, |r| json!({ "per_hour": price(r.per_hour), "job_cap": opt(r.job_cap) })),
                        "hosting_per_hour": {
                            "standard": opt(m.hosting.standard),
                            "global_standard": opt(m.hosting.global_standard),
                            "developer": opt(m.hosting.developer),
                        },
                        "base": tokens(m.base),
                        "fine_tuned": tokens(m.fine_tuned),
                    })
                })
                .collect();
            json!({
                "id": t.id, "currency": t.currency, "as_of": t.as_of, "source": t.source, "caveat": t.caveat,
                "default_model": t.default_model(), "models": models,
            })
        })
        .collect();
    let doc = json!({ "schema_version": SCHEMA_VERSION, "tables": list });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_rounds_half_away_from_zero_and_groups_thousands() {
        assert_eq!(money(Decimal::new(1_234_567_895, 3)), "1,234,567.90");
        assert_eq!(money(Decimal::new(5, 3)), "0.01");
        assert_eq!(money(Decimal::ZERO), "0.00");
        assert_eq!(money(Decimal::new(-123_456, 2)), "-1,234.56");
        assert_eq!(count(1_081_482), "1,081,482");
    }
}
