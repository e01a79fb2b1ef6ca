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

impl FileResult {
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
        self.files += 1;
        self.failed += usize::from(file.failed());
        self.errors += file.count(Severity::Error);
        self.warnings += file.count(Severity::Warning);
        self.notes += file.count(Severity::Note);
    }
}
