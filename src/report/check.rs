//! Renderers for a `check` run: one [`CheckRun`], six views.
//!
//! Every renderer escapes descriptor and rule text for its own format, so
//! no file content can forge a line, a workflow command, markup or XML.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::check::{CheckRun, Summary};

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

/// Files with their findings, for renderers that iterate both.
fn results(run: &CheckRun) -> impl Iterator<Item = (&crate::check::FileResult, &crate::diag::Diagnostic)> {
    run.files.iter().flat_map(|file| file.diagnostics.iter().map(move |d| (file, d)))
}
