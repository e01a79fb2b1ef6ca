//! `--format markdown`: a summary table and details, for `$GITHUB_STEP_SUMMARY`
//! or a pull-request comment. All file text is escaped.

use std::io::Write;

use std::fmt::Write as _;

use super::FileResult;
use super::Outcome;
use crate::diag::Severity;
use crate::text::{escape_markdown as esc, markdown_with_code as md};

/// GitHub-flavoured Markdown: summary, table, details. The summary comes
/// first, so rows and details are kept as text until the end.
#[derive(Debug, Default)]
pub struct Markdown {
    rows: String,
    details: String,
}

impl super::Renderer for Markdown {
    fn file(&mut self, file: &FileResult, _out: &mut dyn Write) -> std::io::Result<()> {
        let (planned, recommended) = match &file.evaluated {
            Some(e) => {
                let planned = e.planned.as_ref().map_or_else(|| "none".to_owned(), |p| p.join(", "));
                let recommended = e.report.recommended_plan().join(", ");
                (planned, recommended)
            }
            None => ("?".to_owned(), "?".to_owned()),
        };
        let errors = file.count(Severity::Error);
        let warnings = file.count(Severity::Warning);
        let result = if file.failed() {
            super::NOT_CHECKED.to_owned()
        } else if errors > 0 {
            format!("{errors} error{}", if errors == 1 { "" } else { "s" })
        } else if warnings > 0 {
            format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" })
        } else {
            "ok".to_owned()
        };
        let _ = writeln!(self.rows, "| {} | {} | {} | {} |", esc(&file.path), esc(&planned), esc(&recommended), result);
        if file.diagnostics.is_empty() {
            return Ok(());
        }
        let details = &mut self.details;
        let _ = writeln!(details);
        let _ = writeln!(details, "### {}", esc(&file.path));
        let _ = writeln!(details);
        for d in &file.diagnostics {
            let _ = writeln!(details, "- **{}** `{}` (line {}): {}", d.severity, d.code, d.span.line, md(&d.message));
            for note in &d.notes {
                let _ = writeln!(details, "  - because: {}", md(note));
            }
            if let Some(help) = &d.help {
                let _ = writeln!(details, "  - help: {}", md(help));
            }
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "## shouldtune check")?;
        writeln!(out)?;
        writeln!(out, "{}", esc(&super::summary_line(outcome.summary)))?;
        writeln!(out)?;
        for notice in outcome.notices {
            writeln!(out, "- **{}** `{}`: {}", notice.severity, notice.code, md(&notice.message))?;
            if let Some(help) = &notice.help {
                writeln!(out, "  - help: {}", md(help))?;
            }
        }
        if !outcome.notices.is_empty() {
            writeln!(out)?;
        }
        if outcome.summary.files == 0 {
            return Ok(());
        }
        writeln!(out, "| file | planned | recommended | result |")?;
        writeln!(out, "|---|---|---|---|")?;
        out.write_all(self.rows.as_bytes())?;
        out.write_all(self.details.as_bytes())
    }
}
