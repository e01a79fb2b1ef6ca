//! Renderers for a `check` run: one stream of [`FileResult`]s, six views.
//!
//! Renderers receive results one file at a time, so a run over a large
//! repository never holds every report in memory. Every renderer escapes
//! descriptor and rule text for its own format, so no file content can forge
//! a line, a workflow command, markup or XML.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use std::io::Write;

use crate::check::{FileResult, Summary};
use crate::cli::CheckFormat;
use crate::report::Style;

/// A check-run renderer: `start`, then `file` once per descriptor in order, then `finish`.
pub trait Renderer {
    /// Writes whatever comes before the first file.
    fn start(&mut self, _out: &mut dyn Write) -> std::io::Result<()> {
        Ok(())
    }
    /// Writes (or records) one file's result.
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()>;
    /// Writes whatever comes after the last file.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()>;
}

/// The renderer for `format`.
#[must_use]
pub fn renderer(format: CheckFormat, style: Style) -> Box<dyn Renderer> {
    match format {
        CheckFormat::Human => Box::new(human::Human { style }),
        CheckFormat::Json => Box::new(json::Json::default()),
        CheckFormat::Sarif => Box::new(sarif::Sarif::default()),
        CheckFormat::Github => Box::new(github::Github),
        CheckFormat::Junit => Box::new(junit::Junit::default()),
        CheckFormat::Markdown => Box::new(markdown::Markdown::default()),
    }
}

/// `N files, N errors, N warnings` (and notes and unreadable files when there are any).
#[must_use]
pub fn summary_line(summary: &Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "{}, {}, {}",
        plural(summary.files, "file"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    );
    if summary.notes > 0 {
        line = format!("{line}, {}", plural(summary.notes, "note"));
    }
    if summary.failed > 0 {
        line = format!("{line} ({} could not be read)", summary.failed);
    }
    line
}

/// The title used for a finding in annotation formats: its code and a short summary.
fn title(code: &str) -> String {
    match crate::diag::codes::info(code) {
        Some(info) => format!("shouldtune {code}: {}", info.summary),
        None => format!("shouldtune {code}"),
    }
}

/// A finding's message with its reasons, for formats that carry one text block.
fn full_message(diagnostic: &crate::diag::Diagnostic) -> String {
    let mut text = diagnostic.message.clone();
    for note in &diagnostic.notes {
        text.push_str("\nbecause: ");
        text.push_str(note);
    }
    if let Some(help) = &diagnostic.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text
}
