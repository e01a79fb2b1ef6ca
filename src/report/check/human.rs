//! `--format human`: grouped by file, `path:line:col: severity[id]: message`, a snippet, a summary.

use std::io::Write;

use super::Outcome;
use crate::check::FileResult;
use crate::diag::{Diagnostic, Severity};
use crate::report::text::{Style, sanitize};

/// Writes each file's findings with snippets, then the summary line.
pub struct Human {
    /// Colour or not.
    pub style: Style,
}

impl super::Renderer for Human {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let style = self.style;
        let path = sanitize(&file.path);
        match &file.evaluated {
            Some(evaluated) => {
                let plan = evaluated
                    .planned
                    .as_ref()
                    .map_or_else(|| "no plan".to_owned(), |p| format!("planned {}", p.join(", ")));
                let recommended = evaluated.report.recommended_plan().join(" + ");
                writeln!(
                    out,
                    "{} {}",
                    style.strong(&path),
                    style.dim(&format!("({plan}; recommended {recommended})"))
                )?;
            }
            None => writeln!(out, "{} {}", style.strong(&path), style.bad(&format!("({})", super::NOT_CHECKED)))?,
        }
        for diagnostic in &file.diagnostics {
            render_one(&path, diagnostic, out, style)?;
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let style = self.style;
        let summary = outcome.summary;
        for notice in outcome.notices {
            let path = super::notice_path(notice).map(sanitize);
            let severity = match notice.severity {
                Severity::Error => style.bad(&format!("error[{}]", notice.code)),
                Severity::Warning => style.warn(&format!("warning[{}]", notice.code)),
                Severity::Note => style.dim(&format!("note[{}]", notice.code)),
            };
            match path {
                Some(path) => writeln!(out, "{path}: {severity}: {}", sanitize(&notice.message))?,
                None => writeln!(out, "{severity}: {}", sanitize(&notice.message))?,
            }
            if let Some(help) = &notice.help {
                writeln!(out, "  = help: {}", sanitize(help))?;
            }
        }
        writeln!(out)?;
        let line = super::summary_line(summary);
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

fn render_one(path: &str, diagnostic: &Diagnostic, out: &mut dyn Write, style: Style) -> std::io::Result<()> {
    let severity = match diagnostic.severity {
        Severity::Error => style.bad(&format!("error[{}]", diagnostic.code)),
        Severity::Warning => style.warn(&format!("warning[{}]", diagnostic.code)),
        Severity::Note => style.dim(&format!("note[{}]", diagnostic.code)),
    };
    let span = diagnostic.span;
    writeln!(out, "{path}:{}:{}: {severity}: {}", span.line, span.column, sanitize(&diagnostic.message))?;
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
        writeln!(out, "{gutter} = because: {}", sanitize(note))?;
    }
    if let Some(help) = &diagnostic.help {
        writeln!(out, "{gutter} = help: {}", sanitize(help))?;
    }
    Ok(())
}
