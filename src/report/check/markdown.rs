//! `--format markdown`: a summary table and details, for `$GITHUB_STEP_SUMMARY`
//! or a pull-request comment. All file text is escaped.

use std::io::Write;

use std::fmt::Write as _;

use super::spool::Spool;
use super::{FileHead, FileResult, Outcome, PartRenderer};
use crate::diag::Severity;
use crate::i18n::{Arg, Lang};
use crate::text::{escape_markdown as esc, markdown_with_code as md};

/// GitHub-flavoured Markdown: summary, table, details. The summary comes
/// first, so rows and details wait in `Spool`s (memory, then temporary
/// files) until the end.
#[derive(Debug)]
pub struct Markdown {
    rows: Spool,
    details: Spool,
    lang: Lang,
}

impl Markdown {
    /// A report with messages and headings in `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Markdown { rows: Spool::new("spool-markdown-rows"), details: Spool::new("spool-markdown-details"), lang }
    }

    /// The same report, its rows and details each moving to a temporary file past `limit` bytes.
    #[cfg(test)]
    pub(super) fn with_spool_limit(self, limit: usize) -> Self {
        Markdown { rows: self.rows.with_limit(limit), details: self.details.with_limit(limit), ..self }
    }
}

impl Default for Markdown {
    fn default() -> Self {
        Markdown::new(Lang::default())
    }
}

/// One descriptor's share of the report: its table row and its details
/// (empty without findings), as one part: the row's length in bytes (8
/// bytes, little-endian), the row, the details.
fn part(file: &FileResult, lang: Lang) -> Vec<u8> {
    let (planned, recommended) = match &file.evaluated {
        Some(e) => {
            let planned = e.planned.as_ref().map_or_else(|| lang.tr("check-plan-none"), |p| lang.join(p));
            let recommended: Vec<String> = e.report.recommended_plan().into_iter().map(str::to_owned).collect();
            let recommended = lang.join(&recommended);
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
    let row = format!("| {} | {} | {} | {} |\n", esc(&file.path), esc(&planned), esc(&recommended), result);
    let mut details = String::new();
    if !file.diagnostics.is_empty() {
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
    }
    let mut part = Vec::with_capacity(8 + row.len() + details.len());
    part.extend_from_slice(&(row.len() as u64).to_le_bytes());
    part.extend_from_slice(row.as_bytes());
    part.extend_from_slice(details.as_bytes());
    part
}

impl super::Renderer for Markdown {
    fn part_renderer(&self) -> Option<PartRenderer> {
        let lang = self.lang;
        Some(std::sync::Arc::new(move |file: &FileResult| Ok(part(file, lang))))
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let part = part(file, self.lang);
        self.file_part(&file.head(), &part, out)
    }

    fn file_part(&mut self, _file: &FileHead, part: &[u8], _out: &mut dyn Write) -> std::io::Result<()> {
        let (length, rest) = part.split_at_checked(8).unwrap_or((&[], part));
        let length = length.try_into().map_or(0, u64::from_le_bytes);
        let (row, details) =
            rest.split_at_checked(usize::try_from(length).unwrap_or(usize::MAX)).unwrap_or((rest, &[]));
        self.rows.push(row)?;
        self.details.push(details)
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
        self.rows.write_to(out)?;
        self.details.write_to(out)
    }
}
