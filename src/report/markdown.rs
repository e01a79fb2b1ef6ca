//! `--format markdown`: the report for a pull-request comment.

use std::io::Write;

use super::text::{escape_markdown as esc, markdown_link as link, markdown_with_code as md};
use super::{Report, Standing, plain};

/// Writes the report as GitHub-flavoured Markdown; all rule and descriptor text is escaped.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "### shouldtune: {}", esc(&report.name))?;
    writeln!(out)?;
    write!(out, "**Recommendation:** {} (`{}`)", esc(&report.recommendation_title), report.recommendation)?;
    if !report.combine_with.is_empty() {
        let with: Vec<String> =
            report.combine_with.iter().map(|c| format!("{} (`{}`)", esc(&c.title), c.approach)).collect();
        write!(out, ", together with {}", with.join(" and "))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    writeln!(out, "| approach | score | status |")?;
    writeln!(out, "|---|---:|---|")?;
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let status = match report.standing(approach) {
            Standing::Vetoed { by } => format!("vetoed by `{by}`"),
            Standing::Recommended => "**recommended**".to_owned(),
            Standing::KeepAlongside => "keep alongside".to_owned(),
            Standing::Other => String::new(),
        };
        writeln!(out, "| {} (`{}`) | {} | {} |", esc(&entry.title), entry.approach, entry.score, status)?;
    }
    writeln!(out)?;
    writeln!(out, "_{}_", esc(&report.confidence()))?;
    writeln!(out)?;
    writeln!(out, "#### Why")?;
    writeln!(out)?;
    if report.fired.is_empty() {
        writeln!(out, "No rule fired; the simplest approach is the starting point.")?;
    }
    fired_rules(report, out)?;
    if !report.combine_with.is_empty() {
        writeln!(out)?;
        writeln!(out, "#### Keep alongside")?;
        writeln!(out)?;
        for entry in &report.combine_with {
            writeln!(out, "- {} (`{}`): {}", esc(&entry.title), entry.approach, md(&entry.reason))?;
        }
    }
    if !report.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "#### Assumed")?;
        writeln!(out)?;
        let assumed: Vec<String> = report.assumed.iter().map(|q| format!("`{q}`")).collect();
        writeln!(out, "Not answered, so the conservative default was used: {}", assumed.join(", "))?;
    }
    for overlay in &report.overlays {
        writeln!(out)?;
        writeln!(out, "**Rule overlay in force:** {}", esc(&overlay.summary()))?;
    }
    if report.what_if_truncated {
        writeln!(out)?;
        writeln!(out, "{}", super::table::TRUNCATED_NOTE)?;
    }
    writeln!(out)?;
    writeln!(out, "#### What would change the answer")?;
    writeln!(out)?;
    if report.what_if.is_empty() && !report.what_if_truncated {
        writeln!(out, "No single answer would change the recommendation.")?;
    }
    {
        for entry in &report.what_if {
            let title = report.title_of(&entry.recommendation);
            writeln!(
                out,
                "- If `{}` were {} (now {}), {} would be recommended.",
                entry.answer,
                esc(&plain(&entry.to)),
                esc(&plain(&entry.from)),
                esc(title)
            )?;
        }
    }
    if let Some(cost) = &report.cost {
        writeln!(out)?;
        writeln!(out, "#### Cost")?;
        writeln!(out)?;
        writeln!(out, "{}", esc(&crate::cost::render::summary_line(cost)))?;
    }
    if !report.next_steps.is_empty() {
        writeln!(out)?;
        writeln!(out, "#### Next steps")?;
        writeln!(out)?;
        for (i, step) in report.next_steps.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, md(step))?;
        }
    }
    if let Some(plan) = &report.plan {
        plan_section(plan, out)?;
    }
    Ok(())
}

/// The plan and its findings, as `check` reports them.
fn plan_section(plan: &crate::plan::PlanReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "#### Plan")?;
    writeln!(out)?;
    match &plan.planned {
        Some(planned) => {
            let ids: Vec<String> = planned.iter().map(|a| format!("`{}`", esc_code(a))).collect();
            writeln!(out, "Planned: {}", ids.join(", "))?;
        }
        None => writeln!(out, "Planned: none given")?,
    }
    writeln!(out)?;
    if plan.findings.is_empty() {
        writeln!(out, "The plan agrees with the recommendation.")?;
    }
    for finding in &plan.findings {
        write!(out, "- **{}** `{}`: {}", finding.severity, esc_code(&finding.id), md(&finding.message))?;
        for reason in &finding.because {
            write!(out, " Because: {}", md(reason))?;
        }
        if let Some(help) = &finding.help {
            write!(out, " Help: {}", md(help))?;
        }
        if !finding.sources.is_empty() {
            let links: Vec<String> = finding.sources.iter().map(|s| link(&s.title, &s.url)).collect();
            write!(out, " _Source: {}_", links.join("; "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Text for inside a code span: backticks and line breaks cannot end it early.
fn esc_code(text: &str) -> String {
    text.chars().map(|c| if c == '`' || c.is_control() { '\'' } else { c }).collect()
}

fn fired_rules(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for fired in &report.fired {
        let mut effects: Vec<String> = fired.effects.0.iter().map(|(a, w)| format!("`{a}` {w:+}")).collect();
        effects.extend(fired.veto.iter().map(|a| format!("`{a}` vetoed")));
        let effects = if effects.is_empty() { String::new() } else { format!(" ({})", effects.join(", ")) };
        let source = if fired.sources.is_empty() {
            esc(&fired.source)
        } else {
            let links: Vec<String> = fired.sources.iter().map(|s| link(&s.title, &s.url)).collect();
            links.join("; ")
        };
        writeln!(
            out,
            "- **{}** `{}`{}: {} _Source: {}_",
            esc(&fired.title),
            fired.rule,
            effects,
            md(&fired.because),
            source
        )?;
    }
    Ok(())
}
