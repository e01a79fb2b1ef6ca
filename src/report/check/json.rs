//! `--format json`: `schema_version`, `results` per file (`path`, `status`,
//! then the `evaluate --format json` report with its keys in the same order,
//! then `planned_approach` and `findings`), `notices` (run-level: no
//! descriptor found, a path that does not exist, rule files that do not
//! load) and `summary`.
//!
//! The document is [`CheckDocument`] (its schema is
//! `schemas/check.schema.json`, `shouldtune schema check`). It is streamed:
//! each result is serialised from the typed [`FileEntry`] on its own line as
//! it arrives (rendered to bytes on a worker thread, see
//! [`super::Renderer::part_renderer`]), so the output of a large run is never
//! built in memory.

use std::io::Write;

use serde::Serialize;

use super::{FileHead, FileResult, Summary};
use super::{Outcome, PartRenderer};
use crate::diag::{Diagnostic, DiagnosticCode, Severity};
use crate::report::{Report, SCHEMA_VERSION};

/// The whole `check --format json` document, for its schema: the renderer
/// writes the same fields, streaming the results.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(title = "shouldtune check report")]
pub struct CheckDocument<'a> {
    /// Version of this layout (the same as the `evaluate` report's).
    pub schema_version: u32,
    /// One entry per descriptor, in sorted path order.
    pub results: Vec<FileEntry<'a>>,
    /// Problems of the run rather than of one descriptor.
    pub notices: Vec<Notice<'a>>,
    /// Totals.
    pub summary: Summary,
}

/// One descriptor's result.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FileEntry<'a> {
    /// The descriptor's path, as given or found (`/`-separated).
    pub path: &'a str,
    /// Whether it was evaluated.
    pub status: Status,
    /// The evaluation, exactly as `evaluate --format json` writes it; absent when the file failed.
    #[serde(flatten)]
    pub report: Option<&'a Report>,
    /// The planned approaches' ids (`null` without a plan); absent when the file failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_approach: Option<Option<&'a [String]>>,
    /// Findings and load errors, in file order.
    pub findings: Vec<Finding<'a>>,
}

/// Whether a descriptor was evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read, parsed and evaluated.
    Evaluated,
    /// Could not be read, parsed or loaded (see its findings).
    Failed,
}

/// One finding or load error.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Finding<'a> {
    /// The diagnostic code, or the id of the plan rule that reported it.
    #[schemars(with = "String")]
    pub id: &'a DiagnosticCode,
    /// How serious it is.
    pub severity: Severity,
    /// What was found.
    pub message: &'a str,
    /// The reasons behind it.
    pub because: &'a [String],
    /// The fix, when it is obvious.
    pub help: Option<&'a str>,
    /// 1-based line (0 when it concerns the whole file).
    pub line: usize,
    /// 1-based column (0 when it concerns the whole file).
    pub column: usize,
}

/// A run-level notice: a finding and the path it concerns, if any.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Notice<'a> {
    /// The finding.
    #[serde(flatten)]
    pub finding: Finding<'a>,
    /// The path it concerns.
    pub path: Option<&'a str>,
}

impl<'a> FileEntry<'a> {
    /// The entry for `file`.
    #[must_use]
    pub fn new(file: &'a FileResult) -> Self {
        FileEntry {
            path: &file.path,
            status: if file.failed() { Status::Failed } else { Status::Evaluated },
            report: file.evaluated.as_ref().map(|e| &e.report),
            planned_approach: file.evaluated.as_ref().map(|e| e.planned.as_deref()),
            findings: file.diagnostics.iter().map(Finding::new).collect(),
        }
    }
}

impl<'a> Finding<'a> {
    /// The finding for `diagnostic`.
    #[must_use]
    pub fn new(diagnostic: &'a Diagnostic) -> Self {
        Finding {
            id: &diagnostic.code,
            severity: diagnostic.severity,
            message: &diagnostic.message,
            because: &diagnostic.notes,
            help: diagnostic.help.as_deref(),
            line: diagnostic.span.line,
            column: diagnostic.span.column,
        }
    }
}

/// Streams one JSON object.
#[derive(Debug, Default)]
pub struct Json {
    written: usize,
}

/// One result on one line, without the separator.
fn render(file: &FileResult) -> std::io::Result<Vec<u8>> {
    // A result takes about 12 KiB: room for it at once, not grown from 128 bytes by doubling.
    let mut out = Vec::with_capacity(16 * 1024);
    serde_json::to_writer(&mut out, &FileEntry::new(file)).map_err(std::io::Error::other)?;
    Ok(out)
}

impl super::Renderer for Json {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"results\": [")
    }

    fn part_renderer(&self) -> Option<PartRenderer> {
        Some(std::sync::Arc::new(render))
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let part = render(file)?;
        self.file_part(&file.head(), &part, out)
    }

    fn file_part(&mut self, _file: &FileHead, part: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(if self.written == 0 { b"\n    " } else { b",\n    " })?;
        out.write_all(part)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let summary = serde_json::to_string(outcome.summary).map_err(std::io::Error::other)?;
        let notices: Vec<Notice<'_>> =
            outcome.notices.iter().map(|d| Notice { finding: Finding::new(d), path: super::notice_path(d) }).collect();
        let notices = serde_json::to_string(&notices).map_err(std::io::Error::other)?;
        writeln!(out, "\n  ],\n  \"notices\": {notices},\n  \"summary\": {summary}\n}}")
    }
}
