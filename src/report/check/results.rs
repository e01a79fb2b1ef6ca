//! What a `check` run produces: one result per descriptor, and the run's totals.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::report::Report;

/// What happened to one descriptor.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The path as shown in output (relative to the working directory where possible, `/`-separated).
    pub path: String,
    /// The evaluation, when the file could be read and parsed.
    pub evaluated: Option<Evaluated>,
    /// Findings and load errors, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A descriptor that was evaluated.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The evaluation report.
    pub report: Report,
    /// The planned approaches' ids, if a plan is given.
    pub planned: Option<Vec<String>>,
}

/// What writing a file's reports needs once each report's share of it has
/// been rendered ([`super::Renderer::file_part`]): `check` renders on the
/// worker threads and drops the rest of the result there, on the thread that
/// built it, so the thread writing the reports never frees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileHead {
    /// The path as shown in output.
    pub path: String,
    /// Whether the file could not be read or parsed.
    pub failed: bool,
    /// How many error diagnostics it has.
    pub errors: usize,
    /// The rule overlays in force for it.
    pub overlays: Vec<crate::rules::Overlay>,
}

impl FileResult {
    /// Its [`FileHead`], copied.
    #[must_use]
    pub fn head(&self) -> FileHead {
        FileHead {
            path: self.path.clone(),
            failed: self.failed(),
            errors: self.count(Severity::Error),
            overlays: self.evaluated.as_ref().map(|e| e.report.overlays.clone()).unwrap_or_default(),
        }
    }

    /// Its [`FileHead`], the rest dropped.
    #[must_use]
    pub fn into_head(self) -> FileHead {
        let (failed, errors) = (self.failed(), self.count(Severity::Error));
        let overlays = self.evaluated.map(|e| e.report.overlays).unwrap_or_default();
        FileHead { path: self.path, failed, errors, overlays }
    }

    /// Renders the messages of its diagnostics and plan findings in `lang`
    /// (rule texts are already in the rule set's chosen locale).
    pub fn localize(&mut self, lang: Lang) {
        for diagnostic in &mut self.diagnostics {
            diagnostic.localize(lang);
        }
        if let Some(evaluated) = &mut self.evaluated {
            for finding in evaluated.report.plan.iter_mut().flat_map(|p| &mut p.findings) {
                finding.localize(lang);
            }
        }
    }

    /// Whether the file could not be read or parsed.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.evaluated.is_none()
    }

    /// How many diagnostics have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Descriptors checked.
    pub files: usize,
    /// Descriptors that could not be read or parsed.
    pub failed: usize,
    /// Error diagnostics (load errors included).
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Summary {
    /// Counts one more file.
    pub fn add(&mut self, file: &FileResult) {
        self.add_up(Summary::of(file));
    }

    /// The totals of one file.
    #[must_use]
    pub fn of(file: &FileResult) -> Summary {
        Summary {
            files: 1,
            failed: usize::from(file.failed()),
            errors: file.count(Severity::Error),
            warnings: file.count(Severity::Warning),
            notes: file.count(Severity::Note),
        }
    }

    /// Adds `other`'s totals to these.
    pub fn add_up(&mut self, other: Summary) {
        self.files += other.files;
        self.failed += other.failed;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
    }
}
