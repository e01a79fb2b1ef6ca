//! `--format html`: one self-contained page (inline CSS, the cost chart as
//! inline SVG, no scripts) to attach to a design review or a wiki.
//!
//! Every piece of rule or descriptor text is escaped. The page is also
//! well-formed XML, which the tests use to check its structure.

use std::io::Write;

use super::{Report, Standing};
use crate::i18n::{Arg, Lang};
use crate::text::{escape_html as esc, first_url};

/// The page's style sheet; shared with `shouldtune serve`.
pub const CSS: &str = include_str!("html.css");

/// Writes the report as an HTML page in English. `chart` is the cost chart's SVG, when there is a cost estimate.
pub fn render(report: &Report, chart: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    render_in(report, chart, out, Lang::En)
}

/// [`render`] with the page's own words in `lang` (the report's texts are in
/// the language of the rule set it was built from).
pub fn render_in(report: &Report, chart: Option<&str>, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="{}">"#, lang.code())?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8"/>"#)?;
    writeln!(out, r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#)?;
    writeln!(out, r#"<meta name="generator" content="shouldtune"/>"#)?;
    writeln!(out, "<title>{}</title>", esc(&lang.tr_args("html-title", &[("name", Arg::Str(&report.name))])))?;
    writeln!(out, "<style>\n{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<main>")?;
    writeln!(out, "<header>")?;
    writeln!(out, r#"<p class="kicker">{}</p>"#, esc(&lang.tr("html-kicker")))?;
    writeln!(out, "<h1>{}</h1>", esc(&report.name))?;
    writeln!(out, "</header>")?;
    body_in(report, chart, out, lang)?;
    writeln!(out, "</main>")?;
    writeln!(out, "<footer><p>{}</p></footer>", esc(&lang.tr("html-footer")))?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The report's sections, without the page around them: the page of
/// `shouldtune serve` shows the same fragment.
pub fn body(report: &Report, chart: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    body_in(report, chart, out, Lang::En)
}

/// [`body`] with the page's own words in `lang`.
pub fn body_in(report: &Report, chart: Option<&str>, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    verdict(report, out, lang)?;
    scores(report, out, lang)?;
    reasons(report, out, lang)?;
    if !report.combine_with.is_empty() {
        section_start(out, "alongside", &lang.tr("heading-keep-alongside"))?;
        writeln!(out, "<ul>")?;
        for entry in &report.combine_with {
            let rule = lang.tr_args("rule-id", &[("rule", Arg::Str(&format!("<code>{}</code>", esc(&entry.rule))))]);
            writeln!(
                out,
                "<li><strong>{}</strong> <code>{}</code>: {} <span class=\"source\">{rule}</span></li>",
                esc(&entry.title),
                esc(&entry.approach),
                esc(&entry.reason),
            )?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</section>")?;
    }
    if let Some(plan) = &report.plan {
        plan_section(plan, out, lang)?;
    }
    overlays(report, out, lang)?;
    what_if(report, out, lang)?;
    if !report.next_steps.is_empty() {
        section_start(out, "next-steps", &lang.tr("heading-next-steps"))?;
        writeln!(out, "<ol>")?;
        for step in &report.next_steps {
            writeln!(out, "<li>{}</li>", esc(step))?;
        }
        writeln!(out, "</ol>")?;
        writeln!(out, "</section>")?;
    }
    if report.cost.is_some() || chart.is_some() {
        section_start(out, "cost", &lang.tr("heading-cost"))?;
        if let Some(cost) = &report.cost {
            writeln!(out, "<p>{}</p>", esc(&crate::cost::render::summary_line_in(cost, lang)))?;
        }
        if let Some(svg) = chart {
            writeln!(out, r#"<figure class="chart" role="img" aria-label="{}">"#, esc(&lang.tr("chart-label")))?;
            writeln!(out, "{}", svg.trim())?;
            writeln!(out, "</figure>")?;
        }
        writeln!(out, "</section>")?;
    }
    answers(report, out, lang)
}

/// The team's plan and what `check` says about it.
fn plan_section(plan: &crate::report::plan::PlanReport, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    section_start(out, "plan", &lang.tr("heading-plan"))?;
    match &plan.planned {
        Some(planned) => {
            let ids: Vec<String> = planned.iter().map(|a| format!("<code>{}</code>", esc(a))).collect();
            writeln!(out, "<p>{} {}</p>", esc(&lang.tr("planned-label")), lang.join(&ids))?;
        }
        None => writeln!(out, "<p>{}</p>", esc(&lang.tr("planned-none-sentence")))?,
    }
    if plan.findings.is_empty() {
        writeln!(out, "<p>{}</p>", esc(&lang.tr("plan-agrees")))?;
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
                write!(out, r#" <span class="source">{} {}</span>"#, esc(&lang.tr("source-label")), links.join("; "))?;
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

fn verdict(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, r#"<section class="verdict" aria-labelledby="h-recommendation">"#)?;
    writeln!(out, r#"<h2 id="h-recommendation">{}</h2>"#, esc(&lang.tr("heading-recommendation")))?;
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
        write!(out, "{}", lang.tr_args("together-with", &[("list", Arg::Str(&lang.list(&with)))]))?;
    }
    writeln!(out, "</p>")?;
    writeln!(out, r#"<p class="margin">{}</p>"#, esc(&report.confidence_in(lang)))?;
    writeln!(out, "</section>")
}

/// How far ahead the recommendation is: the report's margin sentence, which
/// also says when it is a close call and which answer would settle it.
#[must_use]
pub fn margin_sentence(report: &Report) -> String {
    report.confidence()
}

fn scores(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    section_start(out, "scores", &lang.tr("heading-scores"))?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        r#"<thead><tr><th scope="col">{}</th><th scope="col" class="num">{}</th><th scope="col">{}</th></tr></thead>"#,
        esc(&capitalized(&lang.tr("col-approach"))),
        esc(&capitalized(&lang.tr("col-score"))),
        esc(&capitalized(&lang.tr("col-status")))
    )?;
    writeln!(out, "<tbody>")?;
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let (class, status) = match report.standing(approach) {
            Standing::Vetoed { by } => (
                "vetoed",
                lang.tr_args("status-ruled-out-by", &[("rule", Arg::Str(&format!("<code>{}</code>", esc(by))))]),
            ),
            Standing::Recommended => ("recommended", esc(&lang.tr("status-recommended"))),
            Standing::KeepAlongside => ("alongside", esc(&lang.tr("status-keep-alongside"))),
            Standing::Other => ("other", String::new()),
        };
        writeln!(
            out,
            r#"<tr class="{class}"><th scope="row">{} <code>{}</code></th><td class="num">{}</td><td>{status}</td></tr>"#,
            esc(&entry.title),
            esc(&entry.approach),
            lang.number(i64::from(entry.score))
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn reasons(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    section_start(out, "why", &lang.tr("heading-why"))?;
    if report.fired.is_empty() {
        writeln!(out, "<p>{}</p>", esc(&lang.tr("no-rule-fired")))?;
    } else {
        writeln!(out, r#"<ul class="reasons">"#)?;
        for fired in &report.fired {
            let mut effects: Vec<String> =
                fired.effects.0.iter().map(|(a, w)| format!("{} {}", esc(a), lang.signed(*w))).collect();
            effects.extend(
                fired.veto.iter().map(|a| lang.tr_args("effect-ruled-out", &[("approach", Arg::Str(&esc(a)))])),
            );
            writeln!(out, "<li>")?;
            write!(out, "<p><strong>{}</strong>", esc(&fired.title))?;
            if !effects.is_empty() {
                write!(out, r#" <span class="effects">{}</span>"#, lang.join(&effects))?;
            }
            writeln!(out, "</p>")?;
            writeln!(out, "<p>{}</p>", esc(&fired.because))?;
            let rule = format!("<code>{}</code>", esc(&fired.rule));
            let lead = lang.tr_args("html-rule-source", &[("rule", Arg::Str(&rule))]);
            writeln!(out, r#"<p class="source">{lead} {}</p>"#, fired_source_html(fired))?;
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    if !report.vetoed.is_empty() {
        writeln!(out, "<h3>{}</h3>", esc(&lang.tr("heading-ruled-out")))?;
        writeln!(out, "<ul>")?;
        for veto in &report.vetoed {
            let line = lang.tr_args(
                "vetoed-by-rule",
                &[
                    ("approach", Arg::Str(&format!("<code>{}</code>", esc(&veto.approach)))),
                    ("rule", Arg::Str(&format!("<code>{}</code>", esc(&veto.rule)))),
                    ("reason", Arg::Str(&esc(&veto.reason))),
                ],
            );
            writeln!(out, "<li>{line}</li>")?;
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

/// Each rule overlay in force, with the default rules it disabled or
/// replaced: a report never hides that the safety rules were changed.
fn overlays(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    if report.overlays.is_empty() {
        return Ok(());
    }
    section_start(out, "overlays", &lang.tr("heading-overlays"))?;
    writeln!(out, "<ul>")?;
    for overlay in &report.overlays {
        // The ids are escaped into the list; the words come from the messages, which hold no markup.
        let changes = overlay.changes(|id| format!("<code>{}</code>", esc(id)));
        let effects = changes.map_or_else(String::new, |changes| format!(": {}", changes.render(lang)));
        writeln!(out, "<li><code>{}</code>{effects}</li>", esc(&overlay.file))?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</section>")
}

fn what_if(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    if report.what_if.is_empty() && !report.what_if_truncated {
        return Ok(());
    }
    section_start(out, "what-if", &lang.tr("heading-what-if"))?;
    if report.what_if_truncated {
        writeln!(out, "<p>{}</p>", esc(&lang.tr("what-if-truncated")))?;
    }
    writeln!(out, "<ul>")?;
    for entry in &report.what_if {
        let title = report.title_of(&entry.recommendation);
        let sentence = lang.tr_args(
            "what-if",
            &[
                ("answer", Arg::Str(&format!("<code>{}</code>", esc(&entry.answer)))),
                ("to", Arg::Str(&format!("<strong>{}</strong>", esc(&plain(&entry.to))))),
                ("from", Arg::Str(&esc(&plain(&entry.from)))),
                ("title", Arg::Str(&esc(title))),
            ],
        );
        writeln!(out, "<li>{sentence}</li>")?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</section>")
}

fn answers(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    section_start(out, "answers", &lang.tr("heading-answers"))?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        r#"<thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>"#,
        esc(&lang.tr("col-question")),
        esc(&lang.tr("col-answer")),
        esc(&lang.tr("col-from"))
    )?;
    writeln!(out, "<tbody>")?;
    for answer in &report.answers {
        let from = esc(&lang.tr(match answer.provenance {
            "given" => "from-given",
            "assumed" => "from-assumed",
            "derived" => "from-derived",
            _ => "from-not-applicable",
        }));
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

/// `approach` → `Approach` (Japanese words are unchanged).
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A JSON answer as written in a descriptor.
pub(crate) fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
