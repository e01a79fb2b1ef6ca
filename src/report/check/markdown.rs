//! `--format markdown`: a summary table and details, for `$GITHUB_STEP_SUMMARY`
//! or a pull-request comment. All file text is escaped.

use std::io::Write;

use crate::check::CheckRun;
use crate::diag::Severity;
use crate::report::text::escape_markdown as esc;

/// Writes the run as GitHub-flavoured Markdown.
pub fn render(run: &CheckRun, out: &mut dyn Write) -> std::io::Result<()> {
    let summary = run.summary();
    writeln!(out, "## shouldtune check")?;
    writeln!(out)?;
    writeln!(out, "{}", esc(&super::summary_line(&summary)))?;
    writeln!(out)?;
    writeln!(out, "| file | planned | recommended | result |")?;
    writeln!(out, "|---|---|---|---|")?;
    for file in &run.files {
        let (planned, recommended) = match &file.evaluated {
            Some(e) => {
                let planned = e.planned.as_ref().map_or_else(|| "none".to_owned(), |p| p.join(", "));
                let mut recommended = e.report.recommendation.clone();
                for c in &e.report.combine_with {
                    recommended = format!("{recommended}, {}", c.approach);
                }
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
        writeln!(out, "| {} | {} | {} | {} |", esc(&file.path), esc(&planned), esc(&recommended), result)?;
    }
    for file in run.files.iter().filter(|f| !f.diagnostics.is_empty()) {
        writeln!(out)?;
        writeln!(out, "### {}", esc(&file.path))?;
        writeln!(out)?;
        for d in &file.diagnostics {
            writeln!(out, "- **{}** `{}` (line {}): {}", d.severity, d.code, d.span.line, esc(&d.message))?;
            for note in &d.notes {
                writeln!(out, "  - because: {}", esc(note))?;
            }
            if let Some(help) = &d.help {
                writeln!(out, "  - help: {}", esc(help))?;
            }
        }
    }
    Ok(())
}
