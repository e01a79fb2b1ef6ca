//! `--format adr`: an Architecture Decision Record in the MADR layout, ready
//! to commit under `docs/decisions/`. All rule and descriptor text is escaped.

use std::io::Write;

use super::html::plain;
use super::{Report, Standing};
use crate::i18n::{Arg, Lang};
use crate::text::{escape_markdown as esc, first_url, markdown_link as link};

/// `lang`'s message `id` with text arguments.
fn tr(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
    lang.tr_args(id, &args)
}

/// Writes the record: front matter, title, context and problem, decision
/// drivers (the rules that fired), considered options with their scores and
/// vetoes, the outcome with its margin, consequences (next steps, costs),
/// pros and cons per option, and the sources.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    render_in(report, out, Lang::En)
}

/// [`render`] with headings and sentences in `lang` (the front matter's keys
/// and values, ids and rule texts as the rule set gives them).
pub fn render_in(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "---")?;
    writeln!(out, "status: proposed")?;
    writeln!(out, "---")?;
    writeln!(out)?;
    let plan: Vec<String> = std::iter::once(esc(&report.recommendation_title))
        .chain(report.combine_with.iter().map(|c| esc(&c.title)))
        .collect();
    let plan = plan.join(&lang.tr("adr-with"));
    writeln!(out, "# {}", tr(lang, "adr-title", &[("plan", &plan), ("name", &esc(&report.name))]))?;
    writeln!(out)?;
    context(report, out, lang)?;
    drivers(report, out, lang)?;
    writeln!(out, "## {}", lang.tr("adr-considered-options"))?;
    writeln!(out)?;
    for entry in &report.scores.0 {
        writeln!(out, "* {}", with_id(&entry.title, &entry.approach))?;
    }
    writeln!(out)?;
    outcome(report, out, lang)?;
    pros_and_cons(report, out, lang)?;
    more_information(report, out, lang)
}

/// `Title (`id`)`, escaped, or the title alone when it already names the id.
fn with_id(title: &str, id: &str) -> String {
    if crate::text::names_id(title, id) { esc(title) } else { format!("{} (`{id}`)", esc(title)) }
}

fn context(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "## {}", lang.tr("adr-context"))?;
    writeln!(out)?;
    let options: Vec<String> = report
        .scores
        .0
        .iter()
        .map(|s| if lang == Lang::En { esc(&s.title).to_lowercase() } else { esc(&s.title) })
        .collect();
    let options = or_list(&options, lang);
    writeln!(out, "{}", tr(lang, "adr-question", &[("name", &esc(&report.name)), ("options", &options)]))?;
    writeln!(out)?;
    writeln!(out, "| {} | {} | {} |", lang.tr("adr-col-question"), lang.tr("adr-col-answer"), lang.tr("adr-col-from"))?;
    writeln!(out, "|---|---|---|")?;
    for answer in &report.answers {
        let from = lang.tr(match answer.provenance {
            "given" => "adr-from-given",
            "assumed" => "adr-from-assumed",
            "derived" => "adr-from-derived",
            _ => "adr-from-not-applicable",
        });
        writeln!(out, "| `{}` | {} | {from} |", answer.question, esc(&plain(&answer.value)))?;
    }
    writeln!(out)
}

fn drivers(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "## {}", lang.tr("adr-drivers"))?;
    writeln!(out)?;
    if report.fired.is_empty() {
        writeln!(out, "* {}", lang.tr("no-rule-fired"))?;
    }
    for fired in &report.fired {
        let mut effects: Vec<String> = fired.effects.0.iter().map(|(a, w)| format!("`{a}` {w:+}")).collect();
        effects.extend(fired.veto.iter().map(|a| tr(lang, "adr-ruled-out", &[("approach", &format!("`{a}`"))])));
        let effects = if effects.is_empty() { String::new() } else { format!(" ({})", lang.join(&effects)) };
        let cited = tr(lang, "adr-rule-source", &[("rule", &fired.rule), ("source", &fired_source_markdown(fired))]);
        writeln!(out, "* **{}**{effects}: {} ({cited})", esc(&fired.title), esc(&fired.because))?;
    }
    writeln!(out)
}

fn outcome(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "## {}", lang.tr("adr-outcome"))?;
    writeln!(out)?;
    let score = report.scores.0.iter().find(|s| s.approach == report.recommendation).map_or(0, |s| s.score);
    let score = lang.number(i64::from(score));
    let because =
        tr(lang, if report.won_by_tie { "adr-because-tie" } else { "adr-because-highest" }, &[("score", &score)]);
    let chosen = tr(lang, "adr-chosen", &[("option", &esc(&report.recommendation_title)), ("because", &because)]);
    // Japanese sentences follow each other without a space.
    let space = if lang == Lang::Ja { "" } else { " " };
    write!(out, "{chosen}{space}{}", esc(&report.confidence_in(lang)))?;
    if !report.combine_with.is_empty() {
        let with: Vec<String> =
            report.combine_with.iter().map(|c| format!("{} ({})", esc(&c.title), esc(&c.reason))).collect();
        write!(out, "{space}{}", tr(lang, "adr-keep-alongside", &[("list", &with.join("; "))]))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    writeln!(out, "| {} | {} | {} |", lang.tr("adr-col-option"), lang.tr("col-score"), lang.tr("col-status"))?;
    writeln!(out, "|---|---:|---|")?;
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let status = match report.standing(approach) {
            Standing::Vetoed { by } => tr(lang, "adr-ruled-out-by", &[("rule", &format!("`{by}`"))]),
            Standing::Recommended => format!("**{}**", lang.tr("adr-chosen-status")),
            Standing::KeepAlongside => lang.tr("status-keep-alongside"),
            Standing::Other => String::new(),
        };
        let score = lang.number(i64::from(entry.score));
        writeln!(out, "| {} | {score} | {status} |", with_id(&entry.title, &entry.approach))?;
    }
    writeln!(out)?;
    writeln!(out, "### {}", lang.tr("adr-consequences"))?;
    writeln!(out)?;
    if report.next_steps.is_empty() && report.cost.is_none() {
        writeln!(out, "* {}", lang.tr("adr-no-follow-up"))?;
    }
    for step in &report.next_steps {
        writeln!(out, "* {}", tr(lang, "adr-next-step", &[("step", &esc(step))]))?;
    }
    if let Some(cost) = &report.cost {
        let line = esc(&crate::cost::render::summary_line_in(cost, lang));
        writeln!(out, "* {}", tr(lang, "adr-cost", &[("line", &line)]))?;
    }
    if let Some(plan) = &report.plan {
        for finding in &plan.findings {
            let (severity, id) = (finding.severity.word(lang), format!("`{}`", finding.id));
            let head = tr(lang, "adr-plan", &[("severity", &severity), ("id", &id)]);
            let mut line = format!("* {head}: {}", esc(&finding.message));
            for reason in &finding.because {
                line.push(' ');
                line.push_str(&esc(reason));
            }
            if let Some(help) = &finding.help {
                line.push(' ');
                line.push_str(&esc(help));
            }
            writeln!(out, "{line}")?;
        }
    }
    if !report.assumed.is_empty() {
        let assumed: Vec<String> = report.assumed.iter().map(|q| format!("`{q}`")).collect();
        writeln!(out, "* {}", tr(lang, "adr-assumed", &[("list", &lang.join(&assumed))]))?;
    }
    // The decision rests on changed rules: say which, so a reader never
    // takes it for the default rules' verdict.
    for overlay in &report.overlays {
        writeln!(out, "* {}", tr(lang, "adr-overlay", &[("summary", &esc(&overlay.summary_msg().render(lang)))]))?;
    }
    writeln!(out)?;
    if !report.what_if.is_empty() || report.what_if_truncated {
        writeln!(out, "### {}", lang.tr("adr-confirmation"))?;
        writeln!(out)?;
        if report.what_if_truncated {
            writeln!(out, "{}", esc(&lang.tr("what-if-truncated")))?;
            writeln!(out)?;
        }
        writeln!(out, "{}", lang.tr("adr-revisit"))?;
        writeln!(out)?;
        for entry in &report.what_if {
            let title = report.title_of(&entry.recommendation);
            let args = [
                ("answer", format!("`{}`", entry.answer)),
                ("to", esc(&plain(&entry.to))),
                ("from", esc(&plain(&entry.from))),
                ("title", esc(title)),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            writeln!(out, "* {}", tr(lang, "what-if", &args))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn pros_and_cons(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "## {}", lang.tr("adr-pros-and-cons"))?;
    for entry in &report.scores.0 {
        writeln!(out)?;
        writeln!(out, "### {}", esc(&entry.title))?;
        writeln!(out)?;
        let mut any = false;
        for fired in &report.fired {
            let weight = fired.effects.0.iter().find(|(a, _)| *a == entry.approach).map(|(_, w)| *w);
            let rule = format!("`{}`", fired.rule);
            let title = if lang == Lang::En { lower_first(&esc(&fired.title)) } else { esc(&fired.title) };
            let line = if fired.veto.contains(&entry.approach) {
                Some(tr(lang, "adr-bad-ruled-out", &[("because", &esc(&fired.because)), ("rule", &rule)]))
            } else {
                match weight {
                    Some(w) if w != 0 => {
                        let weight = format!("{w:+}");
                        let id = if w > 0 { "adr-good" } else { "adr-bad" };
                        Some(tr(lang, id, &[("title", &title), ("weight", &weight), ("rule", &rule)]))
                    }
                    _ => None,
                }
            };
            let line = line.map(|l| format!("* {l}"));
            if let Some(line) = line {
                writeln!(out, "{line}")?;
                any = true;
            }
        }
        if !any {
            writeln!(out, "* {}", lang.tr("adr-neutral"))?;
        }
    }
    writeln!(out)
}

fn more_information(report: &Report, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "## {}", lang.tr("adr-more-information"))?;
    writeln!(out)?;
    writeln!(out, "{}", lang.tr("adr-generated"))?;
    writeln!(out)?;
    let mut sources: Vec<String> = Vec::new();
    for fired in &report.fired {
        let cited: Vec<String> = if fired.sources.is_empty() {
            vec![source_markdown(&fired.source)]
        } else {
            fired.sources.iter().map(|s| link(&s.title, &s.url)).collect()
        };
        for source in cited {
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    if sources.is_empty() {
        writeln!(out, "* {}", lang.tr("adr-no-sources"))?;
    }
    for source in sources {
        writeln!(out, "* {source}")?;
    }
    Ok(())
}

/// A fired rule's catalogue sources as links, or its free-text citation.
fn fired_source_markdown(fired: &super::FiredRule) -> String {
    if fired.sources.is_empty() {
        return source_markdown(&fired.source);
    }
    let links: Vec<String> = fired.sources.iter().map(|s| link(&s.title, &s.url)).collect();
    links.join("; ")
}

/// A source citation, escaped, with its address (if it has one) as an autolink.
fn source_markdown(source: &str) -> String {
    match first_url(source) {
        Some(url) => {
            let (before, after) = source.split_once(url).unwrap_or((source, ""));
            format!("{}<{url}>{}", esc(before), esc(after))
        }
        None => esc(source),
    }
}

fn or_list(items: &[String], lang: Lang) -> String {
    match (lang, items) {
        (_, []) => String::new(),
        (_, [one]) => one.clone(),
        (Lang::Ja, [init @ .., last]) => format!("{}、{last}", init.join("、")),
        (Lang::En, [init @ .., last]) => format!("{} or {last}", init.join(", ")),
    }
}

fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    // Keep acronyms ("RAG", "JSON") as written.
    if first_word.chars().count() > 1 && first_word.chars().all(|c| !c.is_lowercase()) {
        return text.to_owned();
    }
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}
