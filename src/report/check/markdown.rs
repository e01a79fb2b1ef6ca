//! `--format markdown`: a summary table and details, for `$GITHUB_STEP_SUMMARY`
//! or a pull-request comment. All file text is escaped.

use std::io::Write;

use std::fmt::Write as _;

use crate::check::{FileResult, Summary};
use crate::diag::Severity;
use crate::report::text::escape_markdown as esc;

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
            "could not be read".to_owned()
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
            let _ = writeln!(details, "- **{}** `{}` (line {}): {}", d.severity, d.code, d.span.line, esc(&d.message));
            for note in &d.notes {
                let _ = writeln!(details, "  - because: {}", esc(note));
            }
            if let Some(help) = &d.help {
                let _ = writeln!(details, "  - help: {}", esc(help));
            }
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "## shouldtune check")?;
        writeln!(out)?;
        writeln!(out, "{}", esc(&super::summary_line(summary)))?;
        writeln!(out)?;
        writeln!(out, "| file | planned | recommended | result |")?;
        writeln!(out, "|---|---|---|---|")?;
        out.write_all(self.rows.as_bytes())?;
        out.write_all(self.details.as_bytes())
    }
}
