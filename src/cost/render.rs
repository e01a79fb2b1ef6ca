//! `cost` output: a table for people, JSON for tools, one line for `evaluate`.

use std::io::Write;

use rust_decimal::{Decimal, RoundingStrategy};
use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style as TableStyle};

use super::CostEstimate;
use crate::report::Style;
use crate::report::text::sanitize;

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

/// One line for `evaluate`: monthly cost per approach and the break-even.
#[must_use]
pub fn summary_line(estimate: &CostEstimate) -> String {
    let c = &estimate.currency;
    let m = &estimate.monthly;
    let break_even = match estimate.break_even_monthly_requests {
        Some(n) => format!("fine-tuning breaks even at {} requests a month", count(n)),
        None => "fine-tuning never breaks even on running costs".to_owned(),
    };
    format!(
        "Monthly cost at {} requests ({}, {} prices as of {}): prompt engineering {c} {}, RAG {c} {}, fine-tuning {c} {} + {c} {} once; {break_even}.",
        count(estimate.monthly_requests),
        sanitize(&estimate.model),
        sanitize(&estimate.price_table),
        estimate.as_of,
        money(m.prompt_engineering),
        money(m.rag),
        money(m.fine_tuning),
        money(estimate.fine_tuning_one_time),
    )
}

/// The cost table, the break-even, the price table's date and source, and the assumptions.
pub fn table(estimate: &CostEstimate, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    let c = &estimate.currency;
    writeln!(
        out,
        "{}",
        style.strong(&format!(
            "Cost at {} requests a month, {} on {}",
            count(estimate.monthly_requests),
            sanitize(&estimate.model),
            sanitize(&estimate.price_table)
        ))
    )?;
    writeln!(out)?;
    let mut builder = Builder::default();
    builder.push_record(["approach".to_owned(), format!("per month ({c})"), format!("one-time ({c})")]);
    let m = &estimate.monthly;
    builder.push_record(["Prompt engineering".to_owned(), money(m.prompt_engineering), money(Decimal::ZERO)]);
    builder.push_record(["Retrieval-augmented generation".to_owned(), money(m.rag), money(Decimal::ZERO)]);
    builder.push_record(["Fine-tuning".to_owned(), money(m.fine_tuning), money(estimate.fine_tuning_one_time)]);
    let mut table = builder.build();
    table.with(TableStyle::rounded()).modify(Columns::new(1..), Alignment::right());
    writeln!(out, "{table}")?;
    writeln!(out)?;
    match estimate.break_even_monthly_requests {
        Some(n) => writeln!(
            out,
            "Break-even: from {} requests a month fine-tuning costs no more than prompt engineering (training excluded).",
            count(n)
        )?,
        None => {
            writeln!(out, "Break-even: none; fine-tuning costs more per month than prompt engineering at any volume.")?;
        }
    }
    writeln!(out, "{}", style.dim(&format!("Prices as of {} from {}.", estimate.as_of, sanitize(&estimate.source))))?;
    writeln!(
        out,
        "{}",
        style.dim("Prices change: supply current ones with `--pricing FILE` (same format as rules/pricing/*.yaml).")
    )?;
    if !estimate.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong("Assumed"))?;
        for a in &estimate.assumed {
            writeln!(out, "  {} = {} ({})", a.setting, sanitize(&a.value), a.reason)?;
        }
    }
    Ok(())
}

/// The estimate as pretty JSON: amounts are exact decimal strings.
pub fn json(estimate: &CostEstimate, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, estimate).map_err(std::io::Error::other)?;
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
