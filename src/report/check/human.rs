//! `--format human`: grouped by file, each file's line (its plan and the
//! recommendation), then its findings as [`crate::diag::render_in`] draws every
//! diagnostic (`path:line:col: severity[id]: message`, the snippet, reasons,
//! fix), then the run's notices the same way and a summary.

use std::io::Write;

use super::{FileResult, Outcome, PartRenderer};
use crate::i18n::{Arg, Lang};
use crate::text::{Style, hanging, sanitize};

/// Writes each file's findings with snippets, then the summary line.
pub struct Human {
    /// Colour or not.
    pub style: Style,
    /// The language of the messages and headings.
    pub lang: Lang,
}

impl super::Renderer for Human {
    fn part_renderer(&self) -> Option<PartRenderer> {
        // Each file's lines depend on that file alone.
        let (style, lang) = (self.style, self.lang);
        Some(std::sync::Arc::new(move |file: &FileResult| {
            let mut bytes = Vec::new();
            Human { style, lang }.file(file, &mut bytes)?;
            Ok(bytes)
        }))
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let (style, lang) = (self.style, self.lang);
        let path = sanitize(&file.path);
        match &file.evaluated {
            Some(evaluated) => {
                let recommended = evaluated.report.recommended_plan().join(" + ");
                let plan = match &evaluated.planned {
                    Some(p) => lang.tr_args(
                        "check-planned",
                        &[("plan", Arg::Str(&lang.join(p))), ("recommended", Arg::Str(&recommended))],
                    ),
                    None => lang.tr_args("check-no-plan", &[("recommended", Arg::Str(&recommended))]),
                };
                let text = format!("({plan})");
                let wrapped = hanging(&[(&path, &path)], &text, style.width, "    ");
                let rest = wrapped.get(path.len()..).unwrap_or_default().trim_end();
                writeln!(out, "{}{}", style.strong(&path), style.dim(rest))?;
            }
            None => writeln!(out, "{} {}", style.strong(&path), style.bad(&format!("({})", super::not_checked(lang))))?,
        }
        // The same snippets, related places, reasons and fixes as every other diagnostic.
        crate::diag::render_in(&file.diagnostics, out, style, lang)
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let (style, lang) = (self.style, self.lang);
        let summary = outcome.summary;
        crate::diag::render_in(outcome.notices, out, style, lang)?;
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
