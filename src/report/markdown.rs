//! `--format markdown`: the report for a pull-request comment.

use std::io::Write;

use super::{Report, Standing, plain};
use crate::i18n::{Arg, Lang};
use crate::text::{escape_markdown as esc, markdown_link as link, markdown_with_code as md, names_id};

/// `Title (`id`)`, escaped, or the title alone when it already names the id (`検索拡張生成 (RAG)`).
fn with_id(title: &str, id: &str) -> String {
    if names_id(title, id) { esc(title) } else { format!("{} (`{id}`)", esc(title)) }
}

/// Writes the report as GitHub-flavoured Markdown, in English; all rule and descriptor text is escaped.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    render_in(report, out, Lang::En)
}

/// [`render`] with the program's words in `lang` (the report's own texts are
/// in the language of the rule set it was built from).
pub fn render_in(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "### {}", esc(&lang.tr_args("report-heading", &[("name", Arg::Str(&report.name))])))?;
    writeln!(out)?;
    write!(
        out,
        "**{}** {}",
        esc(&lang.tr("recommendation-label")),
        with_id(&report.recommendation_title, &report.recommendation)
    )?;
    if !report.combine_with.is_empty() {
        let with: Vec<String> = report.combine_with.iter().map(|c| with_id(&c.title, &c.approach)).collect();
        write!(out, "{}", lang.tr_args("together-with", &[("list", Arg::Str(&lang.list(&with)))]))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    writeln!(out, "| {} | {} | {} |", lang.tr("col-approach"), lang.tr("col-score"), lang.tr("col-status"))?;
    writeln!(out, "|---|---:|---|")?;
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let status = match report.standing(approach) {
            Standing::Vetoed { by } => lang.tr_args("status-vetoed-by", &[("rule", Arg::Str(&format!("`{by}`")))]),
            Standing::Recommended => format!("**{}**", lang.tr("status-recommended")),
            Standing::KeepAlongside => lang.tr("status-keep-alongside"),
            Standing::Other => String::new(),
        };
        let score = lang.number(i64::from(entry.score));
        writeln!(out, "| {} | {} | {} |", with_id(&entry.title, &entry.approach), score, status)?;
    }
    writeln!(out)?;
    writeln!(out, "_{}_", esc(&report.confidence_in(lang)))?;
    writeln!(out)?;
    writeln!(out, "#### {}", lang.tr("heading-why"))?;
    writeln!(out)?;
    if report.fired.is_empty() {
        writeln!(out, "{}", lang.tr("no-rule-fired"))?;
    }
    fired_rules(report, out, lang)?;
    if !report.combine_with.is_empty() {
        writeln!(out)?;
        writeln!(out, "#### {}", lang.tr("heading-keep-alongside"))?;
        writeln!(out)?;
        for entry in &report.combine_with {
            writeln!(out, "- {}: {}", with_id(&entry.title, &entry.approach), md(&entry.reason))?;
        }
    }
    if !report.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "#### {}", lang.tr("heading-assumed"))?;
        writeln!(out)?;
        let assumed: Vec<String> = report.assumed.iter().map(|q| format!("`{q}`")).collect();
        writeln!(out, "{} {}", esc(&lang.tr("assumed-lead")), lang.join(&assumed))?;
    }
    for overlay in &report.overlays {
        writeln!(out)?;
        writeln!(out, "**{}** {}", esc(&lang.tr("overlay-in-force-label")), esc(&overlay.summary_msg().render(lang)))?;
    }
    if report.what_if_truncated {
        writeln!(out)?;
        writeln!(out, "{}", lang.tr("what-if-truncated"))?;
    }
    writeln!(out)?;
    writeln!(out, "#### {}", lang.tr("heading-what-if"))?;
    writeln!(out)?;
    if report.what_if.is_empty() && !report.what_if_truncated {
        writeln!(out, "{}", lang.tr("no-what-if"))?;
    }
    {
        for entry in &report.what_if {
            let title = report.title_of(&entry.recommendation);
            let sentence = lang.tr_args(
                "what-if",
                &[
                    ("answer", Arg::Str(&format!("`{}`", entry.answer))),
                    ("to", Arg::Str(&esc(&plain(&entry.to)))),
                    ("from", Arg::Str(&esc(&plain(&entry.from)))),
                    ("title", Arg::Str(&esc(title))),
                ],
            );
            writeln!(out, "- {sentence}")?;
        }
    }
    if let Some(cost) = &report.cost {
        writeln!(out)?;
        writeln!(out, "#### {}", lang.tr("heading-cost"))?;
        writeln!(out)?;
        writeln!(out, "{}", esc(&crate::cost::render::summary_line_in(cost, lang)))?;
    }
    if !report.next_steps.is_empty() {
        writeln!(out)?;
        writeln!(out, "#### {}", lang.tr("heading-next-steps"))?;
        writeln!(out)?;
        for (i, step) in report.next_steps.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, md(step))?;
        }
    }
    if let Some(plan) = &report.plan {
        plan_section(plan, out, lang)?;
    }
    Ok(())
}

/// The plan and its findings, as `check` reports them.
fn plan_section(plan: &crate::report::plan::PlanReport, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "#### {}", lang.tr("heading-plan"))?;
    writeln!(out)?;
    match &plan.planned {
        Some(planned) => {
            let ids: Vec<String> = planned.iter().map(|a| format!("`{}`", esc_code(a))).collect();
            writeln!(out, "{} {}", lang.tr("planned-label"), lang.join(&ids))?;
        }
        None => writeln!(out, "{} {}", lang.tr("planned-label"), lang.tr("plan-none"))?,
    }
    writeln!(out)?;
    if plan.findings.is_empty() {
        writeln!(out, "{}", lang.tr("plan-agrees"))?;
    }
    for finding in &plan.findings {
        write!(out, "- **{}** `{}`: {}", finding.severity, esc_code(finding.id.as_str()), md(&finding.message))?;
        for reason in &finding.because {
            write!(out, " {} {}", capitalized(&lang.tr("because-label")), md(reason))?;
        }
        if let Some(help) = &finding.help {
            write!(out, " {} {}", capitalized(&lang.tr("help-label")), md(help))?;
        }
        if !finding.sources.is_empty() {
            let links: Vec<String> = finding.sources.iter().map(|s| link(&s.title, &s.url)).collect();
            write!(out, " _{} {}_", lang.tr("source-label"), links.join("; "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `because:` → `Because:` (Japanese labels are unchanged).
fn capitalized(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Text for inside a code span: backticks and line breaks cannot end it early.
fn esc_code(text: &str) -> String {
    text.chars().map(|c| if c == '`' || c.is_control() { '\'' } else { c }).collect()
}

fn fired_rules(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    for fired in &report.fired {
        let mut effects: Vec<String> =
            fired.effects.0.iter().map(|(a, w)| format!("`{a}` {}", lang.signed(*w))).collect();
        effects.extend(
            fired.veto.iter().map(|a| lang.tr_args("effect-vetoed", &[("approach", Arg::Str(&format!("`{a}`")))])),
        );
        let effects = if effects.is_empty() { String::new() } else { format!(" ({})", lang.join(&effects)) };
        let source = if fired.sources.is_empty() {
            esc(&fired.source)
        } else {
            let links: Vec<String> = fired.sources.iter().map(|s| link(&s.title, &s.url)).collect();
            links.join("; ")
        };
        writeln!(
            out,
            "- **{}** `{}`{}: {} _{} {}_",
            esc(&fired.title),
            fired.rule,
            effects,
            md(&fired.because),
            lang.tr("source-label"),
            source
        )?;
    }
    Ok(())
}
