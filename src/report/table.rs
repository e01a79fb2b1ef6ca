//! `--format table`: the report for people at a terminal.

use std::io::Write;

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style as TableStyle};

use super::text::{Style, sanitize, wrap};
use super::{Report, Standing};

/// Writes the recommendation, the score table, the reasons, the assumptions and the next steps.
pub fn render(report: &Report, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    writeln!(out, "{}", style.strong(&sanitize(&report.name)))?;
    writeln!(out, "{}", headline(report, style))?;
    writeln!(out)?;
    writeln!(out, "{}", score_table(report, style.columns()))?;
    let confidence = sanitize(&report.confidence());
    let confidence = wrap(&confidence, style.columns(), "");
    let confidence = confidence.trim_end();
    writeln!(out, "{}", if report.close_call { style.warn(confidence) } else { style.dim(confidence) })?;

    writeln!(out)?;
    writeln!(out, "{}", style.strong("Why"))?;
    if report.fired.is_empty() {
        writeln!(out, "  No rule fired; the simplest approach is the starting point.")?;
    }
    reasons(report, out, style)?;

    if !report.combine_with.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong("Keep alongside"))?;
        for entry in &report.combine_with {
            writeln!(out, "  * {} ({})", style.strong(&entry.title), entry.approach)?;
            write!(out, "{}", wrap(&entry.reason, style.columns() - 4, "    "))?;
            writeln!(out, "    {}", style.dim(&format!("rule {}", entry.rule)))?;
        }
    }

    if !report.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong("Assumed"))?;
        let assumed: Vec<String> = report
            .answers
            .iter()
            .filter(|a| a.provenance == "assumed")
            .map(|a| format!("{} = {}", a.question, display(&a.value)))
            .collect();
        writeln!(out, "  {}", style.warn("Not answered, so the conservative default was used:"))?;
        write!(out, "{}", wrap(&assumed.join(", "), style.columns() - 4, "    "))?;
    }
    if !report.not_applicable.is_empty() {
        writeln!(out)?;
        write!(
            out,
            "{}",
            wrap(&format!("Not applicable to this project: {}", report.not_applicable.join(", ")), style.columns(), "")
        )?;
    }

    for overlay in &report.overlays {
        writeln!(out)?;
        let line = format!("Rule overlay in force: {}", sanitize(&overlay.summary()));
        write!(out, "{}", style.warn(&wrap(&line, style.columns() - 2, "").trim_end().replace('\n', "\n  ")))?;
        writeln!(out)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", style.strong("What would change the answer"))?;
    if report.what_if.is_empty() && !report.what_if_truncated {
        writeln!(out, "  No single answer would change the recommendation.")?;
    }
    {
        for entry in &report.what_if {
            let sentence = format!(
                "If {} were {} (now {}), {} would be recommended.",
                entry.answer,
                display(&entry.to),
                display(&entry.from),
                report.title_of(&entry.recommendation)
            );
            write!(out, "{}", wrap(&sentence, style.columns() - 4, "  * ").replace("\n  * ", "\n    "))?;
        }
    }
    if report.what_if_truncated {
        writeln!(out)?;
        writeln!(out, "{}", style.dim(TRUNCATED_NOTE))?;
    }

    if let Some(cost) = &report.cost {
        writeln!(out)?;
        writeln!(out, "{}", style.strong("Cost"))?;
        write!(out, "{}", wrap(&crate::cost::render::summary_line(cost), style.columns() - 2, "  "))?;
    }

    if !report.next_steps.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong("Next steps"))?;
        for (i, step) in report.next_steps.iter().enumerate() {
            let text = wrap(step, style.columns() - 5, "     ");
            let text = text.trim_start();
            write!(out, "  {}. {}", i + 1, text)?;
        }
    }
    if let Some(plan) = &report.plan {
        plan_section(plan, out, style)?;
    }
    Ok(())
}

/// The plan and its findings, as `check` reports them.
fn plan_section(plan: &crate::plan::PlanReport, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    writeln!(out)?;
    let planned = plan.planned.as_ref().map_or_else(|| "none given".to_owned(), |p| sanitize(&p.join(", ")));
    writeln!(out, "{} {planned}", style.strong("Plan:"))?;
    if plan.findings.is_empty() {
        writeln!(out, "  {}", style.good("The plan agrees with the recommendation."))?;
    }
    for finding in &plan.findings {
        let code = format!("{}[{}]", finding.severity, sanitize(&finding.id));
        let label = match finding.severity {
            crate::diag::Severity::Error => style.bad(&code),
            crate::diag::Severity::Warning => style.warn(&code),
            crate::diag::Severity::Note => style.dim(&code),
        };
        let text = wrap(&format!("{code}: {}", sanitize(&finding.message)), style.columns() - 4, "  ");
        let text = text.replace("\n  ", "\n    ");
        write!(out, "  {label}{}", text.trim_start().strip_prefix(code.as_str()).unwrap_or_default())?;
        for reason in &finding.because {
            write!(out, "{}", wrap(&format!("because: {}", sanitize(reason)), style.columns() - 4, "    "))?;
        }
        if let Some(help) = &finding.help {
            write!(out, "{}", wrap(&format!("help: {}", sanitize(help)), style.columns() - 4, "    "))?;
        }
        for source in &finding.sources {
            let line = format!("source: {} <{}>", sanitize(&source.title), sanitize(&source.url));
            for part in wrap(&line, style.columns() - 4, "").lines() {
                writeln!(out, "    {}", style.dim(part))?;
            }
        }
    }
    Ok(())
}

/// `rule ID, source: TITLE <URL>`, one line per catalogue source (free text
/// when the rule cites no catalogue entry); every piece sanitised for the terminal.
pub(crate) fn source_lines(fired: &super::FiredRule) -> Vec<String> {
    let rule = sanitize(&fired.rule);
    if fired.sources.is_empty() {
        return vec![format!("rule {rule}, source: {}", sanitize(&fired.source))];
    }
    fired
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let lead = if i == 0 { format!("rule {rule}, source:") } else { "  and".to_owned() };
            format!("{lead} {} <{}>", sanitize(&s.title), sanitize(&s.url))
        })
        .collect()
}

/// The rules that fired: title and effects, reason, sources; wrapped to the width.
fn reasons(report: &Report, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    for fired in &report.fired {
        let mut effects: Vec<String> = fired.effects.0.iter().map(|(a, w)| format!("{a} {w:+}")).collect();
        effects.extend(fired.veto.iter().map(|a| format!("{a} vetoed")));
        let effects = if effects.is_empty() { String::new() } else { format!("  [{}]", effects.join(", ")) };
        if 4 + fired.title.chars().count() + effects.chars().count() <= style.columns() {
            writeln!(out, "  * {}{}", style.strong(&fired.title), effects)?;
        } else {
            // Too wide for one line: the effects go under the title.
            let title = wrap(&fired.title, style.columns() - 4, "    ");
            writeln!(out, "  * {}", style.strong(title.trim()))?;
            write!(out, "{}", wrap(effects.trim(), style.columns() - 4, "    "))?;
        }
        write!(out, "{}", wrap(&fired.because, style.columns() - 4, "    "))?;
        for line in source_lines(fired) {
            for part in wrap(&line, style.columns() - 4, "").lines() {
                writeln!(out, "    {}", style.dim(part))?;
            }
        }
    }
    Ok(())
}

fn headline(report: &Report, style: Style) -> String {
    let mut line = format!("Recommendation: {} ({})", style.good(&report.recommendation_title), report.recommendation);
    if !report.combine_with.is_empty() {
        let with: Vec<String> = report.combine_with.iter().map(|c| format!("{} ({})", c.title, c.approach)).collect();
        line = format!("{line}, together with {}", with.join(" and "));
    }
    line
}

fn score_table(report: &Report, width: usize) -> String {
    let mut builder = Builder::default();
    builder.push_record(["approach", "score", "status"]);
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let status = match report.standing(approach) {
            Standing::Vetoed { by } => format!("vetoed by {by}"),
            Standing::Recommended => "recommended".to_owned(),
            Standing::KeepAlongside => "keep alongside".to_owned(),
            Standing::Other => String::new(),
        };
        builder.push_record([format!("{} ({})", entry.title, entry.approach), entry.score.to_string(), status]);
    }
    let mut table = builder.build();
    table
        .with(TableStyle::rounded())
        .modify(Columns::one(1), Alignment::right())
        .with(tabled::settings::Width::wrap(width).priority(tabled::settings::peaker::Priority::max(true)));
    table.to_string()
}

fn display(value: &serde_json::Value) -> String {
    super::plain(value)
}

/// Said when the what-if search stopped at its budget.
pub(crate) const TRUNCATED_NOTE: &str = "The search for answers that would change the recommendation was cut short (the rule set is very large); other changes may exist.";

#[cfg(test)]
mod tests {
    use super::super::{Effects, FiredRule, SourceEntry};

    #[test]
    fn source_lines_cannot_restyle_the_terminal() {
        let fired = FiredRule {
            rule: "r".to_owned(),
            title: "t".to_owned(),
            effects: Effects(Vec::new()),
            veto: Vec::new(),
            because: "b".to_owned(),
            source: "s".to_owned(),
            sources: vec![SourceEntry {
                id: "s".to_owned(),
                title: "A\u{1b}]0;pwned\u{7}title".to_owned(),
                url: "https://x.test/\u{1b}[2J".to_owned(),
            }],
        };
        let lines = super::source_lines(&fired);
        assert_eq!(lines.len(), 1);
        assert!(!lines[0].contains(['\u{1b}', '\u{7}']), "{lines:?}");
        assert!(lines[0].starts_with("rule r, source: A") && lines[0].contains("pwned"), "{lines:?}");
    }
}
