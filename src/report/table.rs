//! `--format table`: the report for people at a terminal.

use std::io::Write;

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Style as TableStyle};

use super::{Report, Standing};
use crate::i18n::{Arg, Lang};
use crate::text::{Style, display_width, names_id, sanitize, titled, wrap};

/// `styled (id)`, or `styled` alone when the plain `title` already names the id (`検索拡張生成 (RAG)`).
fn with_id(styled: &str, title: &str, id: &str) -> String {
    if names_id(title, id) { styled.to_owned() } else { format!("{styled} ({id})") }
}

/// Writes the recommendation, the score table, the reasons, the assumptions and the next steps, in English.
pub fn render(report: &Report, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    render_in(report, out, style, Lang::En)
}

/// [`render`] with the program's words in `lang` (the report's own texts are
/// in the language of the rule set it was built from).
pub fn render_in(report: &Report, out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "{}", style.strong(&sanitize(&report.name)))?;
    writeln!(out, "{}", headline(report, style, lang))?;
    writeln!(out)?;
    writeln!(out, "{}", score_table(report, style.columns(), lang))?;
    let confidence = sanitize(&report.confidence_in(lang));
    let confidence = wrap(&confidence, style.columns(), "");
    let confidence = confidence.trim_end();
    writeln!(out, "{}", if report.close_call { style.warn(confidence) } else { style.dim(confidence) })?;

    writeln!(out)?;
    writeln!(out, "{}", style.strong(&lang.tr("heading-why")))?;
    if report.fired.is_empty() {
        write!(out, "{}", wrap(&lang.tr("no-rule-fired"), style.columns() - 2, "  "))?;
    }
    reasons(report, out, style, lang)?;

    if !report.combine_with.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&lang.tr("heading-keep-alongside")))?;
        for entry in &report.combine_with {
            writeln!(out, "  * {}", with_id(&style.strong(&entry.title), &entry.title, &entry.approach))?;
            write!(out, "{}", wrap(&entry.reason, style.columns() - 4, "    "))?;
            writeln!(out, "    {}", style.dim(&lang.tr_args("rule-id", &[("rule", Arg::Str(&entry.rule))])))?;
        }
    }

    if !report.assumed.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&lang.tr("heading-assumed")))?;
        let assumed: Vec<String> = report
            .answers
            .iter()
            .filter(|a| a.provenance == "assumed")
            .map(|a| format!("{} = {}", a.question, display(&a.value)))
            .collect();
        writeln!(out, "  {}", style.warn(&lang.tr("assumed-lead")))?;
        write!(out, "{}", wrap(&lang.join(&assumed), style.columns() - 4, "    "))?;
    }
    if !report.not_applicable.is_empty() {
        writeln!(out)?;
        write!(
            out,
            "{}",
            wrap(
                &lang.tr_args("not-applicable", &[("list", Arg::Str(&lang.join(&report.not_applicable)))]),
                style.columns(),
                ""
            )
        )?;
    }

    for overlay in &report.overlays {
        writeln!(out)?;
        let summary = sanitize(&overlay.summary_msg().render(lang));
        let line = lang.tr_args("overlay-in-force", &[("summary", Arg::Str(&summary))]);
        write!(out, "{}", style.warn(&wrap(&line, style.columns() - 2, "").trim_end().replace('\n', "\n  ")))?;
        writeln!(out)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", style.strong(&lang.tr("heading-what-if")))?;
    if report.what_if.is_empty() && !report.what_if_truncated {
        write!(out, "{}", wrap(&lang.tr("no-what-if"), style.columns() - 2, "  "))?;
    }
    {
        for entry in &report.what_if {
            let sentence = lang.tr_args(
                "what-if",
                &[
                    ("answer", Arg::Str(&entry.answer)),
                    ("to", Arg::Str(&display(&entry.to))),
                    ("from", Arg::Str(&display(&entry.from))),
                    ("title", Arg::Str(report.title_of(&entry.recommendation))),
                ],
            );
            write!(out, "{}", wrap(&sentence, style.columns() - 4, "  * ").replace("\n  * ", "\n    "))?;
        }
    }
    if report.what_if_truncated {
        writeln!(out)?;
        writeln!(out, "{}", style.dim(&lang.tr("what-if-truncated")))?;
    }

    if let Some(cost) = &report.cost {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&lang.tr("heading-cost")))?;
        write!(out, "{}", wrap(&crate::cost::render::summary_line_in(cost, lang), style.columns() - 2, "  "))?;
    }

    if !report.next_steps.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.strong(&lang.tr("heading-next-steps")))?;
        for (i, step) in report.next_steps.iter().enumerate() {
            let text = wrap(step, style.columns() - 5, "     ");
            let text = text.trim_start();
            write!(out, "  {}. {}", i + 1, text)?;
        }
    }
    if let Some(plan) = &report.plan {
        plan_section(plan, out, style, lang)?;
    }
    Ok(())
}

/// The plan and its findings, as `check` reports them.
fn plan_section(
    plan: &crate::report::plan::PlanReport,
    out: &mut dyn Write,
    style: Style,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out)?;
    let planned = plan.planned.as_ref().map_or_else(|| lang.tr("plan-none"), |p| sanitize(&lang.join(p)));
    writeln!(out, "{} {planned}", style.strong(&lang.tr("plan-label")))?;
    if plan.findings.is_empty() {
        writeln!(out, "  {}", style.good(&lang.tr("plan-agrees")))?;
    }
    for finding in &plan.findings {
        let code = format!("{}[{}]", finding.severity, sanitize(finding.id.as_str()));
        let label = match finding.severity {
            crate::diag::Severity::Error => style.bad(&code),
            crate::diag::Severity::Warning => style.warn(&code),
            crate::diag::Severity::Note => style.dim(&code),
        };
        let text = wrap(&format!("{code}: {}", sanitize(&finding.message)), style.columns() - 4, "  ");
        let text = text.replace("\n  ", "\n    ");
        write!(out, "  {label}{}", text.trim_start().strip_prefix(code.as_str()).unwrap_or_default())?;
        for reason in &finding.because {
            let line = format!("{} {}", lang.tr("because-label"), sanitize(reason));
            write!(out, "{}", wrap(&line, style.columns() - 4, "    "))?;
        }
        if let Some(help) = &finding.help {
            write!(
                out,
                "{}",
                wrap(&format!("{} {}", lang.tr("help-label"), sanitize(help)), style.columns() - 4, "    ")
            )?;
        }
        for source in &finding.sources {
            let line =
                format!("{} {} <{}>", lang.tr("source-line-label"), sanitize(&source.title), sanitize(&source.url));
            for part in wrap(&line, style.columns() - 4, "").lines() {
                writeln!(out, "    {}", style.dim(part))?;
            }
        }
    }
    Ok(())
}

/// `rule ID, source: TITLE <URL>`, one line per catalogue source (free text
/// when the rule cites no catalogue entry); every piece sanitised for the terminal.
pub(crate) fn source_lines_in(fired: &super::FiredRule, lang: Lang) -> Vec<String> {
    let rule = sanitize(&fired.rule);
    let lead = lang.tr_args("rule-source", &[("rule", Arg::Str(&rule))]);
    if fired.sources.is_empty() {
        return vec![format!("{lead} {}", sanitize(&fired.source))];
    }
    fired
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let lead = if i == 0 { lead.clone() } else { format!("  {}", lang.tr("source-and")) };
            format!("{lead} {} <{}>", sanitize(&s.title), sanitize(&s.url))
        })
        .collect()
}

/// The rules that fired: title and effects, reason, sources; wrapped to the width.
fn reasons(report: &Report, out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    for fired in &report.fired {
        let mut effects: Vec<String> =
            fired.effects.0.iter().map(|(a, w)| format!("{a} {}", lang.signed(*w))).collect();
        effects.extend(fired.veto.iter().map(|a| lang.tr_args("effect-vetoed", &[("approach", Arg::Str(a))])));
        let effects = if effects.is_empty() { String::new() } else { format!("  [{}]", lang.join(&effects)) };
        if 4 + display_width(&fired.title) + display_width(&effects) <= style.columns() {
            writeln!(out, "  * {}{}", style.strong(&fired.title), effects)?;
        } else {
            // Too wide for one line: the effects go under the title.
            let title = wrap(&fired.title, style.columns() - 4, "    ");
            writeln!(out, "  * {}", style.strong(title.trim()))?;
            write!(out, "{}", wrap(effects.trim(), style.columns() - 4, "    "))?;
        }
        write!(out, "{}", wrap(&fired.because, style.columns() - 4, "    "))?;
        for line in source_lines_in(fired, lang) {
            for part in wrap(&line, style.columns() - 4, "").lines() {
                writeln!(out, "    {}", style.dim(part))?;
            }
        }
    }
    Ok(())
}

fn headline(report: &Report, style: Style, lang: Lang) -> String {
    let title = &report.recommendation_title;
    let approach = with_id(&style.good(title), title, &report.recommendation);
    let mut line = lang.tr_args("recommendation", &[("approach", Arg::Str(&approach))]);
    if !report.combine_with.is_empty() {
        let with: Vec<String> = report.combine_with.iter().map(|c| titled(&c.title, &c.approach)).collect();
        line.push_str(&lang.tr_args("together-with", &[("list", Arg::Str(&lang.list(&with)))]));
    }
    line
}

fn score_table(report: &Report, width: usize, lang: Lang) -> String {
    let mut builder = Builder::default();
    builder.push_record([lang.tr("col-approach"), lang.tr("col-score"), lang.tr("col-status")]);
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let status = match report.standing(approach) {
            Standing::Vetoed { by } => lang.tr_args("status-vetoed-by", &[("rule", Arg::Str(by))]),
            Standing::Recommended => lang.tr("status-recommended"),
            Standing::KeepAlongside => lang.tr("status-keep-alongside"),
            Standing::Other => String::new(),
        };
        let score = lang.number(i64::from(entry.score));
        builder.push_record([titled(&entry.title, &entry.approach), score, status]);
    }
    let mut table = builder.build();
    table.with(TableStyle::rounded()).modify(Columns::one(1), Alignment::right()).with(
        tabled::settings::Width::wrap(width).keep_words(true).priority(tabled::settings::peaker::Priority::max(true)),
    );
    table.to_string()
}

fn display(value: &serde_json::Value) -> String {
    super::plain(value)
}

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
        let lines = super::source_lines_in(&fired, crate::i18n::Lang::En);
        assert_eq!(lines.len(), 1);
        assert!(!lines[0].contains(['\u{1b}', '\u{7}']), "{lines:?}");
        assert!(lines[0].starts_with("rule r, source: A") && lines[0].contains("pwned"), "{lines:?}");
    }
}
