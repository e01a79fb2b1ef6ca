//! `--format gitlab`: a GitLab Code Quality report.
//!
//! GitLab reads a JSON array of issues, each with `description`,
//! `check_name`, `fingerprint` (unique per issue), `severity` (`info`,
//! `minor`, `major`, `critical` or `blocker`) and `location.path` (relative
//! to the repository root) with `location.lines.begin`. Issues are written as
//! they arrive.

use std::io::Write;

use serde::Serialize;

use super::{FileHead, FileResult, Outcome, PartRenderer, RepoPaths};
use crate::diag::{Diagnostic, Severity};
use crate::i18n::Lang;

/// Streams one Code Quality report.
#[derive(Debug, Default)]
pub struct Gitlab {
    /// Whether an issue has been written (the next one needs a comma).
    written: bool,
    paths: RepoPaths,
    lang: Lang,
}

impl Gitlab {
    /// A renderer naming files relative to `paths`' root.
    #[must_use]
    pub fn new(paths: RepoPaths) -> Self {
        Gitlab { written: false, paths, lang: Lang::En }
    }

    /// The same renderer with descriptions in `lang` (fingerprints do not change with the language).
    #[must_use]
    pub fn in_lang(self, lang: Lang) -> Self {
        Gitlab { lang, ..self }
    }

    /// Writes issues rendered by [`push_issue`], after a comma when issues came before.
    fn write_issues(&mut self, issues: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        if issues.is_empty() {
            return Ok(());
        }
        if self.written {
            out.write_all(b",")?;
        }
        out.write_all(issues)?;
        self.written = true;
        Ok(())
    }
}

/// One file's issues, as [`push_issue`] renders them.
fn file_issues(paths: &RepoPaths, lang: Lang, file: &FileResult) -> std::io::Result<Vec<u8>> {
    let mut issues = Vec::new();
    if file.diagnostics.is_empty() {
        return Ok(issues);
    }
    let path = located(paths, &file.path);
    for (index, diagnostic) in file.diagnostics.iter().enumerate() {
        // The same finding twice in one file still gets two fingerprints.
        let occurrence = file.diagnostics[..index]
            .iter()
            .filter(|d| d.code == diagnostic.code && d.english_message() == diagnostic.english_message())
            .count();
        push_issue(&mut issues, lang, &path, diagnostic, occurrence)?;
    }
    Ok(issues)
}

/// A result's path as GitLab wants it: relative to the repository root.
fn located(paths: &RepoPaths, path: &str) -> String {
    paths.relative(path).unwrap_or_else(|| paths.absolute(path))
}

/// One Code Quality issue. Keys are written in this order (alphabetical, as
/// the report has always had them).
#[derive(Serialize)]
struct Issue<'a> {
    check_name: &'a str,
    description: String,
    fingerprint: String,
    location: Location<'a>,
    severity: &'static str,
}

#[derive(Serialize)]
struct Location<'a> {
    lines: Lines,
    path: &'a str,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// Appends one issue at `path` (as [`located`] gives it) to `issues` on a
/// line of its own, after a comma unless it is the first there.
fn push_issue(
    issues: &mut Vec<u8>,
    lang: Lang,
    path: &str,
    diagnostic: &Diagnostic,
    occurrence: usize,
) -> std::io::Result<()> {
    // The English message, so that a report in another language keeps the issues' identities.
    let english = diagnostic.english_message();
    let issue = Issue {
        check_name: diagnostic.code.as_str(),
        description: super::full_message_in(diagnostic, lang),
        fingerprint: fingerprint(&[path, diagnostic.code.as_str(), &english, &occurrence.to_string()]),
        location: Location { lines: Lines { begin: diagnostic.span.line.max(1) }, path },
        severity: severity(diagnostic.severity),
    };
    issues.extend_from_slice(if issues.is_empty() { b"\n  " } else { b",\n  " });
    serde_json::to_writer(&mut *issues, &issue).map_err(std::io::Error::other)
}

impl super::Renderer for Gitlab {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, "[")
    }

    fn part_renderer(&self) -> Option<PartRenderer> {
        let (paths, lang) = (self.paths.clone(), self.lang);
        Some(std::sync::Arc::new(move |file: &FileResult| file_issues(&paths, lang, file)))
    }

    fn file_part(&mut self, _file: &FileHead, part: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        self.write_issues(part, out)
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let issues = file_issues(&self.paths, self.lang, file)?;
        self.write_issues(&issues, out)
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let mut issues = Vec::new();
        for (index, notice) in outcome.notices.iter().enumerate() {
            // A notice about the run as a whole is placed at the repository root.
            let path = located(&self.paths, super::notice_path(notice).unwrap_or("."));
            push_issue(&mut issues, self.lang, &path, &notice.in_lang(self.lang), index)?;
        }
        self.write_issues(&issues, out)?;
        writeln!(out, "{}]", if self.written { "\n" } else { "" })
    }
}

/// GitLab's scale: errors are `major`, warnings `minor`, notes `info`.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

/// A stable 128-bit FNV-1a hash of the parts, as 32 hex digits.
fn fingerprint(parts: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(std::iter::once(&0u8)) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprints_are_stable_and_distinguish_their_parts() {
        let a = super::fingerprint(&["a.yaml", "no-plan", "x", "0"]);
        assert_eq!(a.len(), 32);
        assert_eq!(a, super::fingerprint(&["a.yaml", "no-plan", "x", "0"]));
        assert_ne!(a, super::fingerprint(&["a.yaml", "no-plan", "x", "1"]));
        assert_ne!(super::fingerprint(&["ab", "c"]), super::fingerprint(&["a", "bc"]));
    }
}
