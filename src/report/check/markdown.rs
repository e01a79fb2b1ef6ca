//! `--format markdown`: a summary table and details, for `$GITHUB_STEP_SUMMARY`
//! or a pull-request comment. All file text is escaped.

use std::io::Write;

use std::fmt::Write as _;

use super::FileResult;
use super::Outcome;
use crate::diag::Severity;
use crate::i18n::{Arg, Lang};
use crate::text::{escape_markdown as esc, markdown_with_code as md};

/// GitHub-flavoured Markdown: summary, table, details. The summary comes
/// first, so rows and details are kept as text until the end.
#[derive(Debug, Default)]
pub struct Markdown {
    rows: String,
    details: String,
    lang: Lang,
}

impl Markdown {
    /// A report with messages and headings in `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Markdown { lang, ..Markdown::default() }
    }
}

impl super::Renderer for Markdown {
    fn file(&mut self, file: &FileResult, _out: &mut dyn Write) -> std::io::Result<()> {
        let lang = self.lang;
        let (planned, recommended) = match &file.evaluated {
            Some(e) => {
                let planned = e.planned.as_ref().map_or_else(|| lang.tr("check-plan-none"), |p| p.join(", "));
                let recommended = e.report.recommended_plan().join(", ");
                (planned, recommended)
            }
            None => ("?".to_owned(), "?".to_owned()),
        };
        let errors = file.count(Severity::Error);
        let warnings = file.count(Severity::Warning);
        let count = |id: &str, n: usize| {
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            lang.tr_args(id, &[("count", Arg::Num(n)), ("shown", Arg::Str(&lang.number(n)))])
        };
        let result = if file.failed() {
            super::not_checked(lang)
        } else if errors > 0 {
            count("check-errors", errors)
        } else if warnings > 0 {
            count("check-warnings", warnings)
        } else {
            lang.tr("check-result-ok")
        };
        let _ = writeln!(self.rows, "| {} | {} | {} | {} |", esc(&file.path), esc(&planned), esc(&recommended), result);
        if file.diagnostics.is_empty() {
            return Ok(());
        }
        let details = &mut self.details;
        let _ = writeln!(details);
        let _ = writeln!(details, "### {}", esc(&file.path));
        let _ = writeln!(details);
        let (because, help_label) = (lang.tr("because-label"), lang.tr("help-label"));
        for d in &file.diagnostics {
            let line = lang.tr_args("check-line", &[("line", Arg::Str(&d.span.line.to_string()))]);
            let severity = d.severity.word(lang);
            let _ = writeln!(details, "- **{severity}** `{}` ({line}): {}", d.code, md(&d.message));
            for note in &d.notes {
                let _ = writeln!(details, "  - {because} {}", md(note));
            }
            if let Some(help) = &d.help {
                let _ = writeln!(details, "  - {help_label} {}", md(help));
            }
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "## shouldtune check")?;
        writeln!(out)?;
        let lang = self.lang;
        writeln!(out, "{}", esc(&super::summary_line_in(outcome.summary, lang)))?;
        writeln!(out)?;
        for notice in outcome.notices {
            let notice = notice.in_lang(lang);
            writeln!(out, "- **{}** `{}`: {}", notice.severity.word(lang), notice.code, md(&notice.message))?;
            if let Some(help) = &notice.help {
                writeln!(out, "  - {} {}", lang.tr("help-label"), md(help))?;
            }
        }
        if !outcome.notices.is_empty() {
            writeln!(out)?;
        }
        if outcome.summary.files == 0 {
            return Ok(());
        }
        let columns = ["check-col-file", "check-col-planned", "check-col-recommended", "check-col-result"];
        let columns: Vec<String> = columns.iter().map(|id| esc(&lang.tr(id))).collect();
        writeln!(out, "| {} |", columns.join(" | "))?;
        writeln!(out, "|---|---|---|---|")?;
        out.write_all(self.rows.as_bytes())?;
        out.write_all(self.details.as_bytes())
    }
}
