//! `--format github`: GitHub Actions workflow commands, one per finding.
//!
//! Escaping follows GitHub's toolkit: `%`, `\r` and `\n` in the message;
//! additionally `:` and `,` in properties. No file content can therefore end
//! a command early or start a new one.

use std::io::Write;

use super::{FileResult, Outcome, PartRenderer};
use crate::diag::Severity;

/// One `::error`/`::warning`/`::notice` line per finding, then the summary as a notice.
pub struct Github {
    /// The language of titles and messages (the commands stay English).
    pub lang: crate::i18n::Lang,
}

impl super::Renderer for Github {
    fn part_renderer(&self) -> Option<PartRenderer> {
        // Each file's commands depend on that file alone.
        let lang = self.lang;
        Some(std::sync::Arc::new(move |file: &FileResult| {
            let mut bytes = Vec::new();
            Github { lang }.file(file, &mut bytes)?;
            Ok(bytes)
        }))
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        for diagnostic in &file.diagnostics {
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                escape_property(&file.path),
                diagnostic.span.line,
                diagnostic.span.column,
                escape_property(&super::title(&diagnostic.code, self.lang)),
                escape_data(&super::full_message_in(diagnostic, self.lang)),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        for notice in outcome.notices {
            let notice = &notice.in_lang(self.lang);
            let command = match notice.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let file = super::notice_path(notice).map(|p| format!("file={},", escape_property(p))).unwrap_or_default();
            writeln!(
                out,
                "::{command} {file}title={}::{}",
                escape_property(&super::title(&notice.code, self.lang)),
                escape_data(&super::full_message_in(notice, self.lang)),
            )?;
        }
        writeln!(out, "::notice title=shouldtune::{}", escape_data(&super::summary_line_in(outcome.summary, self.lang)))
    }
}

/// Escapes a workflow command's message; other control characters (escape
/// sequences) and bidirectional overrides are shown as `\u{..}` escapes.
#[must_use]
pub fn escape_data(text: &str) -> String {
    escape(text, false)
}

/// Escapes a workflow command's property value.
#[must_use]
pub fn escape_property(text: &str) -> String {
    escape(text, true)
}

/// `%` and line breaks as percent escapes, and for a property `:` and `,` too,
/// in one pass over the text made visible.
fn escape(text: &str, property: bool) -> String {
    let visible = crate::text::sanitize_keep_lines(text);
    let mut out = String::with_capacity(visible.len() + 16);
    for c in visible.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_github_specifies() {
        assert_eq!(escape_data("50% done\r\n::error::x"), "50%25 done%0D%0A::error::x");
        assert_eq!(escape_property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(escape_data("\u{1b}]0;t\u{7}\u{202e}"), "\\u{1b}]0;t\\u{7}\\u{202e}");
    }
}
