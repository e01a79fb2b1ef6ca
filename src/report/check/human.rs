//! `--format human`: grouped by file, `path:line:col: severity[id]: message`, a snippet, a summary.

use std::io::Write;

use super::FileResult;
use super::Outcome;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Arg, Lang};
use crate::text::{Style, breakable_pieces, display_width, sanitize};

/// Writes each file's findings with snippets, then the summary line.
pub struct Human {
    /// Colour or not.
    pub style: Style,
    /// The language of the messages and headings.
    pub lang: Lang,
}

impl super::Renderer for Human {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let (style, lang) = (self.style, self.lang);
        let path = sanitize(&file.path);
        match &file.evaluated {
            Some(evaluated) => {
                let recommended = evaluated.report.recommended_plan().join(" + ");
                let plan = match &evaluated.planned {
                    Some(p) => lang.tr_args(
                        "check-planned",
                        &[("plan", Arg::Str(&p.join(", "))), ("recommended", Arg::Str(&recommended))],
                    ),
                    None => lang.tr_args("check-no-plan", &[("recommended", Arg::Str(&recommended))]),
                };
                let text = format!("({plan})");
                let wrapped = hanging(&[(&path, &path)], &text, style.width, CONTINUED);
                let rest = wrapped.get(path.len()..).unwrap_or_default().trim_end();
                writeln!(out, "{}{}", style.strong(&path), style.dim(rest))?;
            }
            None => writeln!(out, "{} {}", style.strong(&path), style.bad(&format!("({})", super::not_checked(lang))))?,
        }
        for diagnostic in &file.diagnostics {
            render_one(&path, diagnostic, out, style, lang)?;
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let (style, lang) = (self.style, self.lang);
        let summary = outcome.summary;
        for notice in outcome.notices {
            let notice = notice.in_lang(lang);
            let path = super::notice_path(&notice).map(sanitize);
            let label = format!("{}[{}]:", notice.severity.word(lang), notice.code);
            let severity = format!("{}:", styled_severity(&notice, style, lang));
            let at = path.map(|p| format!("{p}:")).unwrap_or_default();
            let head = [(at.as_str(), at.as_str()), (label.as_str(), severity.as_str())];
            write!(out, "{}", hanging(&head, &sanitize(&notice.message), style.width, CONTINUED))?;
            if let Some(help) = &notice.help {
                let head = format!("  = {}", lang.tr("help-label"));
                write!(out, "{}", hanging(&[(&head, &head)], &sanitize(help), style.width, CONTINUED))?;
            }
        }
        writeln!(out)?;
        let line = super::summary_line_in(summary, lang);
        let line = if summary.errors > 0 {
            style.bad(&line)
        } else if summary.warnings > 0 {
            style.warn(&line)
        } else {
            style.good(&line)
        };
        writeln!(out, "{line}")
    }
}

/// `error[code]` (in `lang`) in the severity's colour.
fn styled_severity(diagnostic: &Diagnostic, style: Style, lang: Lang) -> String {
    let heading = format!("{}[{}]", diagnostic.severity.word(lang), diagnostic.code);
    match diagnostic.severity {
        Severity::Error => style.bad(&heading),
        Severity::Warning => style.warn(&heading),
        Severity::Note => style.dim(&heading),
    }
}

fn render_one(
    path: &str,
    diagnostic: &Diagnostic,
    out: &mut dyn Write,
    style: Style,
    lang: Lang,
) -> std::io::Result<()> {
    let span = diagnostic.span;
    let label = format!("{}[{}]:", diagnostic.severity.word(lang), diagnostic.code);
    let severity = format!("{}:", styled_severity(diagnostic, style, lang));
    let at = format!("{path}:{}:{}:", span.line, span.column);
    let head = [(at.as_str(), at.as_str()), (label.as_str(), severity.as_str())];
    write!(out, "{}", hanging(&head, &sanitize(&diagnostic.message), style.width, CONTINUED))?;
    let line_text = diagnostic
        .file
        .as_ref()
        .and_then(|f| f.text().lines().nth(span.line.saturating_sub(1)))
        .map(sanitize)
        .unwrap_or_default();
    let gutter = " ".repeat(span.line.to_string().len());
    // A very long line (minified or hostile input) is not worth echoing.
    if !line_text.is_empty() && line_text.len() <= 400 {
        let width = diagnostic
            .file
            .as_ref()
            .and_then(|f| f.text().get(span.offset..span.offset + span.len))
            .map_or(1, |t| t.lines().next().unwrap_or_default().chars().count().max(1));
        writeln!(out, "{gutter} |")?;
        writeln!(out, "{} | {line_text}", span.line)?;
        writeln!(out, "{gutter} | {}{}", " ".repeat(span.column.saturating_sub(1)), style.bad(&"^".repeat(width)))?;
    }
    for note in &diagnostic.notes {
        let head = format!("{gutter} = {}", lang.tr("because-label"));
        write!(out, "{}", hanging(&[(&head, &head)], &sanitize(note), style.width, CONTINUED))?;
    }
    if let Some(help) = &diagnostic.help {
        let head = format!("{gutter} = {}", lang.tr("help-label"));
        write!(out, "{}", hanging(&[(&head, &head)], &sanitize(help), style.width, CONTINUED))?;
    }
    Ok(())
}

/// How a wrapped line continues.
const CONTINUED: &str = "    ";

/// `head` (a location, a severity: each part `(plain, styled)` kept whole)
/// then `text`, word-wrapped to `width` columns, continuation lines starting
/// with `indent`. A word longer than a line (a URL, a long path) stays whole.
fn hanging(head: &[(&str, &str)], text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    let indent_width = display_width(indent);
    // Japanese reasons have no spaces: they break between characters (see `text::wrap`).
    let pieces = text
        .split_whitespace()
        .flat_map(|word| breakable_pieces(word).into_iter().enumerate().map(|(i, p)| (p, p, i == 0)));
    let items =
        head.iter().copied().filter(|(plain, _)| !plain.is_empty()).map(|(plain, styled)| (plain, styled, true));
    for (plain, styled, spaced) in items.chain(pieces) {
        let len = display_width(plain);
        let gap = usize::from(spaced);
        if column == 0 {
            column = len;
        } else if column + gap + len <= width || column <= indent_width {
            if spaced {
                out.push(' ');
            }
            column += gap + len;
        } else {
            out.push('\n');
            out.push_str(indent);
            column = indent_width + len;
        }
        out.push_str(styled);
    }
    out.push('\n');
    out
}
