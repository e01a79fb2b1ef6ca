//! `--format adr`: an Architecture Decision Record in the MADR layout, ready
//! to commit under `docs/decisions/`. All rule and descriptor text is escaped.

use std::io::Write;

use super::html::{margin_sentence, plain};
use super::{Report, Standing};
use crate::text::{escape_markdown as esc, first_url, markdown_link as link};

/// Writes the record: front matter, title, context and problem, decision
/// drivers (the rules that fired), considered options with their scores and
/// vetoes, the outcome with its margin, consequences (next steps, costs),
/// pros and cons per option, and the sources.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "---")?;
    writeln!(out, "status: proposed")?;
    writeln!(out, "---")?;
    writeln!(out)?;
    let plan: Vec<String> = std::iter::once(esc(&report.recommendation_title))
        .chain(report.combine_with.iter().map(|c| esc(&c.title)))
        .collect();
    writeln!(out, "# Use {} for {}", plan.join(" with "), esc(&report.name))?;
    writeln!(out)?;
    context(report, out)?;
    drivers(report, out)?;
    writeln!(out, "## Considered Options")?;
    writeln!(out)?;
    for entry in &report.scores.0 {
        writeln!(out, "* {} (`{}`)", esc(&entry.title), entry.approach)?;
    }
    writeln!(out)?;
    outcome(report, out)?;
    pros_and_cons(report, out)?;
    more_information(report, out)
}

fn context(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Context and Problem Statement")?;
    writeln!(out)?;
    let options: Vec<String> = report.scores.0.iter().map(|s| esc(&s.title).to_lowercase()).collect();
    writeln!(
        out,
        "Should {} invest in {}? The project answered the questions below; shouldtune scored the answers against published guidance.",
        esc(&report.name),
        or_list(&options)
    )?;
    writeln!(out)?;
    writeln!(out, "| question | answer | from |")?;
    writeln!(out, "|---|---|---|")?;
    for answer in &report.answers {
        let from = match answer.provenance {
            "given" => "given",
            "assumed" => "assumed (default)",
            "derived" => "derived (cost model)",
            _ => "not applicable",
        };
        writeln!(out, "| `{}` | {} | {from} |", answer.question, esc(&plain(&answer.value)))?;
    }
    writeln!(out)
}

fn drivers(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Decision Drivers")?;
    writeln!(out)?;
    if report.fired.is_empty() {
        writeln!(out, "* No rule fired; the simplest approach is the starting point.")?;
    }
    for fired in &report.fired {
        let mut effects: Vec<String> = fired.effects.0.iter().map(|(a, w)| format!("`{a}` {w:+}")).collect();
        effects.extend(fired.veto.iter().map(|a| format!("`{a}` ruled out")));
        let effects = if effects.is_empty() { String::new() } else { format!(" ({})", effects.join(", ")) };
        writeln!(
            out,
            "* **{}**{effects}: {} (rule `{}`, source: {})",
            esc(&fired.title),
            esc(&fired.because),
            fired.rule,
            fired_source_markdown(fired)
        )?;
    }
    writeln!(out)
}

fn outcome(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Decision Outcome")?;
    writeln!(out)?;
    let score = report.scores.0.iter().find(|s| s.approach == report.recommendation).map_or(0, |s| s.score);
    let because = if report.won_by_tie {
        format!("it shares the highest score of the options not ruled out ({score}) and is the simplest")
    } else {
        format!("it scores highest of the options not ruled out ({score})")
    };
    write!(
        out,
        "Chosen option: \"{}\", because {because}. {}",
        esc(&report.recommendation_title),
        esc(&margin_sentence(report))
    )?;
    if !report.combine_with.is_empty() {
        let with: Vec<String> =
            report.combine_with.iter().map(|c| format!("{} ({})", esc(&c.title), esc(&c.reason))).collect();
        write!(out, " Keep alongside: {}.", with.join("; "))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    writeln!(out, "| option | score | status |")?;
    writeln!(out, "|---|---:|---|")?;
    for approach in &report.ranking {
        let Some(entry) = report.scores.0.iter().find(|s| &s.approach == approach) else { continue };
        let status = match report.standing(approach) {
            Standing::Vetoed { by } => format!("ruled out by `{by}`"),
            Standing::Recommended => "**chosen**".to_owned(),
            Standing::KeepAlongside => "keep alongside".to_owned(),
            Standing::Other => String::new(),
        };
        writeln!(out, "| {} (`{}`) | {} | {status} |", esc(&entry.title), entry.approach, entry.score)?;
    }
    writeln!(out)?;
    writeln!(out, "### Consequences")?;
    writeln!(out)?;
    if report.next_steps.is_empty() && report.cost.is_none() {
        writeln!(out, "* No follow-up was derived from the answers.")?;
    }
    for step in &report.next_steps {
        writeln!(out, "* Next step: {}", esc(step))?;
    }
    if let Some(cost) = &report.cost {
        writeln!(out, "* Cost: {}", esc(&crate::cost::render::summary_line(cost)))?;
    }
    if let Some(plan) = &report.plan {
        for finding in &plan.findings {
            let mut line = format!("* Plan ({} `{}`): {}", finding.severity, finding.id, esc(&finding.message));
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
        writeln!(out, "* Unanswered questions took their conservative default; confirm them: {}.", assumed.join(", "))?;
    }
    // The decision rests on changed rules: say which, so a reader never
    // takes it for the default rules' verdict.
    for overlay in &report.overlays {
        writeln!(out, "* Decided with the rule overlay {}.", esc(&overlay.summary()))?;
    }
    writeln!(out)?;
    if !report.what_if.is_empty() || report.what_if_truncated {
        writeln!(out, "### Confirmation")?;
        writeln!(out)?;
        if report.what_if_truncated {
            writeln!(out, "{}", esc(&crate::i18n::Lang::En.tr("what-if-truncated")))?;
            writeln!(out)?;
        }
        writeln!(out, "Revisit this decision if one of these answers changes:")?;
        writeln!(out)?;
        for entry in &report.what_if {
            let title = report.title_of(&entry.recommendation);
            writeln!(
                out,
                "* If `{}` were {} (now {}), {} would be recommended.",
                entry.answer,
                esc(&plain(&entry.to)),
                esc(&plain(&entry.from)),
                esc(title)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn pros_and_cons(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## Pros and Cons of the Options")?;
    for entry in &report.scores.0 {
        writeln!(out)?;
        writeln!(out, "### {}", esc(&entry.title))?;
        writeln!(out)?;
        let mut any = false;
        for fired in &report.fired {
            let weight = fired.effects.0.iter().find(|(a, _)| *a == entry.approach).map(|(_, w)| *w);
            let line = if fired.veto.contains(&entry.approach) {
                Some(format!("* Bad, because it is ruled out: {} (rule `{}`)", esc(&fired.because), fired.rule))
            } else {
                match weight {
                    Some(w) if w > 0 => Some(format!(
                        "* Good, because {} ({w:+}, rule `{}`)",
                        lower_first(&esc(&fired.title)),
                        fired.rule
                    )),
                    Some(w) if w < 0 => Some(format!(
                        "* Bad, because {} ({w:+}, rule `{}`)",
                        lower_first(&esc(&fired.title)),
                        fired.rule
                    )),
                    _ => None,
                }
            };
            if let Some(line) = line {
                writeln!(out, "{line}")?;
                any = true;
            }
        }
        if !any {
            writeln!(out, "* Neutral, because no rule that fired weighs on it")?;
        }
    }
    writeln!(out)
}

fn more_information(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "## More Information")?;
    writeln!(out)?;
    writeln!(
        out,
        "Generated by `shouldtune evaluate --format adr`; re-run it after changing the answers. The sources the reasons cite:"
    )?;
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
        writeln!(out, "* none (no rule fired)")?;
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

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
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
