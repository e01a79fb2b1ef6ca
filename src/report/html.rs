//! `--format html`: one self-contained page (inline CSS, the cost chart as
//! inline SVG, no scripts) to attach to a design review or a wiki.
//!
//! Every piece of rule or descriptor text is escaped. The page is also
//! well-formed XML, which the tests use to check its structure.

use std::io::Write;

use super::text::{escape_html as esc, first_url};
use super::{Report, Standing};

/// The page's style sheet; shared with `shouldtune serve`.
pub const CSS: &str = include_str!("html.css");

/// Writes the report as an HTML page. `chart` is the cost chart's SVG, when there is a cost estimate.
pub fn render(report: &Report, chart: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="en">"#)?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8"/>"#)?;
    writeln!(out, r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#)?;
    writeln!(out, r#"<meta name="generator" content="shouldtune"/>"#)?;
    writeln!(out, "<title>{} - shouldtune recommendation</title>", esc(&report.name))?;
    writeln!(out, "<style>\n{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<main>")?;
    writeln!(out, "<header>")?;
    writeln!(out, r#"<p class="kicker">shouldtune recommendation</p>"#)?;
    writeln!(out, "<h1>{}</h1>", esc(&report.name))?;
    writeln!(out, "</header>")?;
    body(report, chart, out)?;
    writeln!(out, "</main>")?;
    writeln!(
        out,
        "<footer><p>Scored by shouldtune against published guidance; each reason names its source.</p></footer>"
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The report's sections, without the page around them: the page of
/// `shouldtune serve` shows the same fragment.
pub fn body(report: &Report, chart: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    verdict(report, out)?;
    scores(report, out)?;
    reasons(report, out)?;
    if !report.combine_with.is_empty() {
        section_start(out, "alongside", "Keep alongside")?;
        writeln!(out, "<ul>")?;
        for entry in &report.combine_with {
            writeln!(
                out,
                "<li><strong>{}</strong> <code>{}</code>: {} <span class=\"source\">rule <code>{}</code></span></li>",
                esc(&entry.title),
                esc(&entry.approach),
                esc(&entry.reason),
                esc(&entry.rule)
            )?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</section>")?;
    }
    if let Some(plan) = &report.plan {
        plan_section(plan, out)?;
    }
    what_if(report, out)?;
    if !report.next_steps.is_empty() {
        section_start(out, "next-steps", "Next steps")?;
        writeln!(out, "<ol>")?;
        for step in &report.next_steps {
            writeln!(out, "<li>{}</li>", esc(step))?;
        }
        writeln!(out, "</ol>")?;
        writeln!(out, "</section>")?;
    }
    if report.cost.is_some() || chart.is_some() {
        section_start(out, "cost", "Cost")?;
        if let Some(cost) = &report.cost {
            writeln!(out, "<p>{}</p>", esc(&crate::cost::render::summary_line(cost)))?;
        }
        if let Some(svg) = chart {
            writeln!(
                out,
                r#"<figure class="chart" role="img" aria-label="Monthly cost of each approach against monthly requests">"#
            )?;
            writeln!(out, "{}", svg.trim())?;
            writeln!(out, "</figure>")?;
        }
        writeln!(out, "</section>")?;
    }
    answers(report, out)
}

/// The team's plan and what `check` says about it.
fn plan_section(plan: &crate::plan::PlanReport, out: &mut dyn Write) -> std::io::Result<()> {
    section_start(out, "plan", "Plan")?;
    match &plan.planned {
        Some(planned) => {
            let ids: Vec<String> = planned.iter().map(|a| format!("<code>{}</code>", esc(a))).collect();
            writeln!(out, "<p>Planned: {}</p>", ids.join(", "))?;
        }
        None => writeln!(out, "<p>Planned: none given.</p>")?,
    }
    if plan.findings.is_empty() {
        writeln!(out, "<p>The plan agrees with the recommendation.</p>")?;
    } else {
        writeln!(out, r#"<ul class="findings">"#)?;
        for finding in &plan.findings {
            write!(
                out,
                r#"<li class="{}"><strong>{}</strong> <code>{}</code>: {}"#,
                finding.severity,
                finding.severity,
                esc(finding.id.as_str()),
                esc(&finding.message)
            )?;
            for reason in &finding.because {
                write!(out, " {}", esc(reason))?;
            }
            if let Some(help) = &finding.help {
                write!(out, r#" <span class="help">{}</span>"#, esc(help))?;
            }
            if !finding.sources.is_empty() {
                let links: Vec<String> = finding
                    .sources
                    .iter()
                    .map(|s| format!(r#"<a href="{}">{}</a>"#, esc(&s.url), esc(&s.title)))
                    .collect();
                write!(out, r#" <span class="source">Source: {}</span>"#, links.join("; "))?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

fn section_start(out: &mut dyn Write, id: &str, title: &str) -> std::io::Result<()> {
    writeln!(out, r#"<section aria-labelledby="h-{id}">"#)?;
    writeln!(out, r#"<h2 id="h-{id}">{title}</h2>"#)
}

fn verdict(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, r#"<section class="verdict" aria-labelledby="h-recommendation">"#)?;
    writeln!(out, r#"<h2 id="h-recommendation">Recommendation</h2>"#)?;
    write!(
        out,
        r#"<p class="recommendation"><strong>{}</strong> <code>{}</code>"#,
        esc(&report.recommendation_title),
        esc(&report.recommendation)
    )?;
    if !report.combine_with.is_empty() {
        let with: Vec<String> = report
            .combine_with
            .iter()
            .map(|c| format!("<strong>{}</strong> <code>{}</code>", esc(&c.title), esc(&c.approach)))
            .collect();
        write!(out, ", together with {}", with.join(" and "))?;
    }
    writeln!(out, "</p>")?;
    writeln!(out, r#"<p class="margin">{}</p>"#, esc(&margin_sentence(report)))?;
    writeln!(out, "</section>")
}

/// How far ahead the recommendation is: the report's margin sentence, which
/// also says when it is a close call and which answer would settle it.
#[must_use]
pub fn margin_sentence(report: &Report) -> String {
    report.confidence()
}

fn scores(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    section_start(out, "scores", "Scores")?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        r#"<thead><tr><th scope="col">Approach</th><th scope="col" class="num">Score</th><th scope="col">Status</th></tr></thead>"#
    )?;
    writeln!(out, "<tbody>")?;
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let (class, status) = match report.standing(approach) {
            Standing::Vetoed { by } => ("vetoed", format!("ruled out by <code>{}</code>", esc(by))),
            Standing::Recommended => ("recommended", "recommended".to_owned()),
            Standing::KeepAlongside => ("alongside", "keep alongside".to_owned()),
            Standing::Other => ("other", String::new()),
        };
        writeln!(
            out,
            r#"<tr class="{class}"><th scope="row">{} <code>{}</code></th><td class="num">{}</td><td>{status}</td></tr>"#,
            esc(&entry.title),
            esc(&entry.approach),
            entry.score
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn reasons(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    section_start(out, "why", "Why")?;
    if report.fired.is_empty() {
        writeln!(out, "<p>No rule fired; the simplest approach is the starting point.</p>")?;
    } else {
        writeln!(out, r#"<ul class="reasons">"#)?;
        for fired in &report.fired {
            let mut effects: Vec<String> = fired.effects.0.iter().map(|(a, w)| format!("{} {w:+}", esc(a))).collect();
            effects.extend(fired.veto.iter().map(|a| format!("{} ruled out", esc(a))));
            writeln!(out, "<li>")?;
            write!(out, "<p><strong>{}</strong>", esc(&fired.title))?;
            if !effects.is_empty() {
                write!(out, r#" <span class="effects">{}</span>"#, effects.join(", "))?;
            }
            writeln!(out, "</p>")?;
            writeln!(out, "<p>{}</p>", esc(&fired.because))?;
            writeln!(
                out,
                r#"<p class="source">Rule <code>{}</code> · Source: {}</p>"#,
                esc(&fired.rule),
                fired_source_html(fired)
            )?;
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    if !report.vetoed.is_empty() {
        writeln!(out, "<h3>Ruled out</h3>")?;
        writeln!(out, "<ul>")?;
        for veto in &report.vetoed {
            writeln!(
                out,
                "<li><code>{}</code> by rule <code>{}</code>: {}</li>",
                esc(&veto.approach),
                esc(&veto.rule),
                esc(&veto.reason)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

/// A fired rule's catalogue sources as links to their pages, or its free-text citation.
fn fired_source_html(fired: &super::FiredRule) -> String {
    if fired.sources.is_empty() {
        return source_html(&fired.source);
    }
    let links: Vec<String> =
        fired.sources.iter().map(|s| format!(r#"<a href="{}">{}</a>"#, esc(&s.url), esc(&s.title))).collect();
    links.join("; ")
}

/// A source citation, with its address (if it has one) as a link.
#[must_use]
pub fn source_html(source: &str) -> String {
    match first_url(source) {
        Some(url) => {
            let (before, after) = source.split_once(url).unwrap_or((source, ""));
            format!(r#"{}<a href="{}">{}</a>{}"#, esc(before), esc(url), esc(url), esc(after))
        }
        None => esc(source),
    }
}

fn what_if(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    if report.what_if.is_empty() {
        return Ok(());
    }
    section_start(out, "what-if", "What would change the answer")?;
    writeln!(out, "<ul>")?;
    for entry in &report.what_if {
        let title = report.title_of(&entry.recommendation);
        writeln!(
            out,
            "<li>If <code>{}</code> were <strong>{}</strong> (now {}), {} would be recommended.</li>",
            esc(&entry.answer),
            esc(&plain(&entry.to)),
            esc(&plain(&entry.from)),
            esc(title)
        )?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</section>")
}

fn answers(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    section_start(out, "answers", "Answers")?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        r#"<thead><tr><th scope="col">Question</th><th scope="col">Answer</th><th scope="col">From</th></tr></thead>"#
    )?;
    writeln!(out, "<tbody>")?;
    for answer in &report.answers {
        let from = match answer.provenance {
            "given" => "given",
            "assumed" => "assumed (default)",
            _ => "not applicable",
        };
        writeln!(
            out,
            r#"<tr class="{}"><th scope="row"><code>{}</code></th><td>{}</td><td>{from}</td></tr>"#,
            esc(answer.provenance),
            esc(&answer.question),
            esc(&plain(&answer.value))
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

/// A JSON answer as written in a descriptor.
pub(crate) fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
