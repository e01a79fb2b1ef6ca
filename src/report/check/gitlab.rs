//! `--format gitlab`: a GitLab Code Quality report.
//!
//! GitLab reads a JSON array of issues, each with `description`,
//! `check_name`, `fingerprint` (unique per issue), `severity` (`info`,
//! `minor`, `major`, `critical` or `blocker`) and `location.path` (relative
//! to the repository root) with `location.lines.begin`. Issues are written as
//! they arrive.

use std::io::Write;

use serde_json::json;

use super::FileResult;
use super::{Outcome, RepoPaths};
use crate::diag::{Diagnostic, Severity};
use crate::i18n::Lang;

/// Streams one Code Quality report.
#[derive(Debug, Default)]
pub struct Gitlab {
    written: usize,
    paths: RepoPaths,
    lang: Lang,
}

impl Gitlab {
    /// A renderer naming files relative to `paths`' root.
    #[must_use]
    pub fn new(paths: RepoPaths) -> Self {
        Gitlab { written: 0, paths, lang: Lang::En }
    }

    /// The same renderer with descriptions in `lang` (fingerprints do not change with the language).
    #[must_use]
    pub fn in_lang(self, lang: Lang) -> Self {
        Gitlab { lang, ..self }
    }

    fn issue(
        &mut self,
        path: &str,
        diagnostic: &Diagnostic,
        occurrence: usize,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let path = self.paths.relative(path).unwrap_or_else(|| self.paths.absolute(path));
        // The English message, so that a report in another language keeps the issues' identities.
        let english = diagnostic.english_message();
        let issue = json!({
            "description": super::full_message_in(diagnostic, self.lang),
            "check_name": diagnostic.code,
            "fingerprint": fingerprint(&[&path, diagnostic.code.as_str(), &english, &occurrence.to_string()]),
            "severity": severity(diagnostic.severity),
            "location": { "path": path, "lines": { "begin": diagnostic.span.line.max(1) } },
        });
        write!(out, "{}\n  ", if self.written == 0 { "" } else { "," })?;
        serde_json::to_writer(&mut *out, &issue).map_err(std::io::Error::other)?;
        self.written += 1;
        Ok(())
    }
}

impl super::Renderer for Gitlab {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, "[")
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        for (index, diagnostic) in file.diagnostics.iter().enumerate() {
            // The same finding twice in one file still gets two fingerprints.
            let occurrence = file.diagnostics[..index]
                .iter()
                .filter(|d| d.code == diagnostic.code && d.english_message() == diagnostic.english_message())
                .count();
            self.issue(&file.path, diagnostic, occurrence, out)?;
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        for (index, notice) in outcome.notices.iter().enumerate() {
            // A notice about the run as a whole is placed at the repository root.
            let path = super::notice_path(notice).unwrap_or(".").to_owned();
            self.issue(&path, &notice.in_lang(self.lang), index, out)?;
        }
        writeln!(out, "{}]", if self.written == 0 { "" } else { "\n" })
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
