//! `cost` output: a table for people, JSON for tools, one line for `evaluate`.

use std::io::Write;

use rust_decimal::{Decimal, RoundingStrategy};
use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style as TableStyle};

use super::CostEstimate;
use super::pricing::{PriceTable, TokenPrices, Training};
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

/// "gpt-35-turbo", or "o4-mini fine-tuned as o4-mini-ft" when the models differ.
fn models(estimate: &CostEstimate) -> String {
    if estimate.fine_tuned_model == estimate.model {
        sanitize(&estimate.model)
    } else {
        format!("{}, fine-tuning {}", sanitize(&estimate.model), sanitize(&estimate.fine_tuned_model))
    }
}

fn break_even_sentence(estimate: &CostEstimate) -> String {
    if estimate.evaluation_only {
        return "the developer tier is for evaluation (deployments are removed after 24 hours), so no production break-even is claimed".to_owned();
    }
    match estimate.break_even_monthly_requests {
        Some(0) => "fine-tuning costs no more than prompt engineering at any volume (training excluded)".to_owned(),
        Some(n) => format!("fine-tuning breaks even at {} requests a month", count(n)),
        None => "fine-tuning never breaks even on running costs".to_owned(),
    }
}

/// One line for `evaluate`: monthly cost per approach and the break-even.
#[must_use]
pub fn summary_line(estimate: &CostEstimate) -> String {
    let c = &estimate.currency;
    let m = &estimate.monthly;
    let evaluation = if estimate.evaluation_only { " (developer tier, evaluation only)" } else { "" };
    format!(
        "Monthly cost at {} requests ({}, {} prices as of {}): prompt engineering {c} {}, RAG {c} {}, fine-tuning{evaluation} {c} {} + {c} {} once; {}.",
        count(estimate.monthly_requests),
        models(estimate),
        sanitize(&estimate.price_table),
        estimate.as_of,
        money(m.prompt_engineering),
        money(m.rag),
        money(m.fine_tuning),
        money(estimate.fine_tuning_one_time),
        break_even_sentence(estimate),
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
/// assumptions; prose wraps to the style's width.
pub fn table(estimate: &CostEstimate, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    let c = &estimate.currency;
    let width = style.width;
    let plain = |t: &str| t.to_owned();
    let title = format!(
        "Cost at {} requests a month, {} on {}",
        count(estimate.monthly_requests),
        models(estimate),
        sanitize(&estimate.price_table)
    );
    paragraph(out, &title, width, |t| style.strong(t))?;
    let shape = format!(
        "Fine-tuning: {}{}, {} deployment",
        estimate.method.as_str(),
        estimate.training_tier.map(|t| format!(" ({} training)", t.as_str())).unwrap_or_default(),
        estimate.deployment.as_str()
    );
    paragraph(out, &shape, width, plain)?;
    writeln!(out)?;
    let mut builder = Builder::default();
    builder.push_record(["approach".to_owned(), format!("per month ({c})"), format!("one-time ({c})")]);
    let m = &estimate.monthly;
    builder.push_record(["Prompt engineering".to_owned(), money(m.prompt_engineering), money(Decimal::ZERO)]);
    builder.push_record(["Retrieval-augmented generation".to_owned(), money(m.rag), money(Decimal::ZERO)]);
    let fine_tuning = if estimate.evaluation_only { "Fine-tuning (evaluation only)" } else { "Fine-tuning" };
    builder.push_record([fine_tuning.to_owned(), money(m.fine_tuning), money(estimate.fine_tuning_one_time)]);
    let mut table = builder.build();
    table.with(TableStyle::rounded()).modify(Columns::new(1..), Alignment::right());
    writeln!(out, "{table}")?;
    writeln!(out)?;
    if !estimate.grader_one_time.is_zero() {
        let text = format!("One-time fine-tuning includes {c} {} of grader tokens.", money(estimate.grader_one_time));
        paragraph(out, &text, width, plain)?;
    }
    let break_even = if estimate.evaluation_only {
        "Break-even: none claimed; the developer tier is for evaluation (deployments are removed after 24 hours), not production.".to_owned()
    } else {
        match estimate.break_even_monthly_requests {
            Some(0) => {
                "Break-even: at any volume fine-tuning costs no more than prompt engineering (training excluded)."
                    .to_owned()
            }
            Some(n) => format!(
                "Break-even: from {} requests a month fine-tuning costs no more than prompt engineering (training excluded).",
                count(n)
            ),
            None => {
                "Break-even: none; fine-tuning costs more per month than prompt engineering at any volume.".to_owned()
            }
        }
    };
    paragraph(out, &break_even, width, plain)?;
    for note in &estimate.notes {
        paragraph(out, &format!("Note: {}.", sanitize(note)), width, plain)?;
    }
    let dim = |t: &str| style.dim(t);
    paragraph(out, &format!("Prices as of {} from {}.", estimate.as_of, sanitize(&estimate.source)), width, dim)?;
    if let Some(caveat) = &estimate.caveat {
        paragraph(out, &sanitize(caveat), width, dim)?;
    }
    paragraph(
        out,
        "Prices change: supply current ones with `--pricing FILE` (same format as rules/pricing/*.yaml).",
        width,
        dim,
    )?;
    if !estimate.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong("Assumed"))?;
        for a in &estimate.assumed {
            let text = format!("{} = {} ({})", a.setting, sanitize(&a.value), a.reason);
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
fn per_1m(per_1k: Decimal) -> String {
    per_1k.checked_mul(Decimal::ONE_THOUSAND).map_or_else(|| format!("{} per 1K", price(per_1k)), price)
}

fn tokens_line(prices: TokenPrices) -> String {
    format!("input {} per 1M, output {} per 1M", per_1m(prices.input_per_1k), per_1m(prices.output_per_1k))
}

/// `cost --tables`: one line per table (id, date, currency, models) and its source.
pub fn list_tables(tables: &[PriceTable], out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let names: Vec<String> = table.models.iter().map(|m| sanitize(&m.name)).collect();
        writeln!(
            out,
            "{}  {}, {}, {}",
            style.strong(&sanitize(&table.id)),
            table.as_of,
            sanitize(&table.currency),
            names.join(", ")
        )?;
        writeln!(out, "  {}", style.dim(&sanitize(&table.source)))?;
        if let Some(caveat) = &table.caveat {
            writeln!(out, "  {}", style.dim(&sanitize(caveat)))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        style.dim(&format!("Without `cost.price_table` a descriptor is priced with `{}`.", super::DEFAULT_TABLE))
    )?;
    Ok(())
}

/// `cost --table ID`: every price in the table, with its source.
pub fn show_table(table: &PriceTable, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    let c = sanitize(&table.currency);
    writeln!(out, "{}", style.strong(&format!("{} ({c}, as of {})", sanitize(&table.id), table.as_of)))?;
    writeln!(out, "Source: {}", sanitize(&table.source))?;
    if let Some(caveat) = &table.caveat {
        writeln!(out, "Caveat: {}", sanitize(caveat))?;
    }
    if let Some(model) = table.default_model() {
        writeln!(out, "Default model: {}", sanitize(model))?;
    }
    writeln!(out, "Read from: {}", sanitize(&table.file))?;
    for model in &table.models {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&sanitize(&model.name)))?;
        match model.training {
            Some(Training::PerHour { price: p, increment_minutes }) => writeln!(
                out,
                "  training (SFT): {c} {} an hour, billed in {increment_minutes}-minute increments (regional)",
                price(p)
            )?,
            Some(Training::PerToken(tiers)) => {
                let parts: Vec<String> =
                    [("regional", tiers.regional), ("global", tiers.global), ("developer", tiers.developer)]
                        .into_iter()
                        .filter_map(|(name, p)| p.map(|p| format!("{name} {c} {}", per_1m(p))))
                        .collect();
                writeln!(out, "  training (SFT, DPO) per 1M training tokens: {}", parts.join(", "))?;
            }
            None => {}
        }
        if let Some(rft) = model.rft {
            let cap = rft
                .job_cap
                .map(|cap| format!("; a job pauses at {c} {} until resumed", price(cap)))
                .unwrap_or_default();
            writeln!(out, "  reinforcement fine-tuning: {c} {} an hour of core training{cap}", price(rft.per_hour))?;
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
            writeln!(out, "  hosting an hour: {}", hosting.join(", "))?;
        }
        if let Some(base) = model.base {
            writeln!(out, "  tokens ({c}): {}", tokens_line(base))?;
        }
        if let Some(fine_tuned) = model.fine_tuned {
            writeln!(out, "  fine-tuned tokens ({c}): {}", tokens_line(fine_tuned))?;
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
            |t| json!({ "input_per_1m": per_1m(t.input_per_1k), "output_per_1m": per_1m(t.output_per_1k) }),
        )
    };
    let opt = |p: Option<Decimal>| p.map_or(Value::Null, |p| Value::String(price(p)));
    let opt_1m = |p: Option<Decimal>| p.map_or(Value::Null, |p| Value::String(per_1m(p)));
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
