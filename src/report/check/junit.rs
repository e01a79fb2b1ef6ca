//! `--format junit`: `JUnit` XML, one test case per descriptor.

use std::io::Write;

use super::spool::Spool;
use super::{FileHead, FileResult, Outcome, PartRenderer};
use crate::diag::Severity;
use crate::i18n::Lang;

/// A `<testsuites>` document; error findings are failures, unreadable files are errors.
///
/// The suite's counts come first in the XML, so the test cases wait in a
/// `Spool` (memory, then a temporary file) until the end.
#[derive(Debug)]
pub struct Junit {
    cases: Spool,
    failures: usize,
    lang: Lang,
}

impl Junit {
    /// A report with messages in `lang` (element names, attributes and codes stay English).
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Junit { cases: Spool::new("spool-junit-cases"), failures: 0, lang }
    }

    /// The same report, its test cases moving to a temporary file past `limit` bytes.
    #[cfg(test)]
    pub(super) fn with_spool_limit(self, limit: usize) -> Self {
        Junit { cases: self.cases.with_limit(limit), ..self }
    }
}

impl Default for Junit {
    fn default() -> Self {
        Junit::new(Lang::default())
    }
}

/// One descriptor's `<testcase>` element.
fn test_case(file: &FileResult, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut case = String::new();
    let _ = writeln!(case, r#"    <testcase name="{}" classname="shouldtune.check">"#, escape(&file.path));
    let problems: Vec<_> = file.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    if let Some(first) = problems.first() {
        let element = if file.failed() { "error" } else { "failure" };
        let body: Vec<String> = problems
            .iter()
            .map(|d| {
                format!(
                    "{}:{}:{}: {}[{}]: {}",
                    file.path,
                    d.span.line,
                    d.span.column,
                    d.severity.word(lang),
                    d.code,
                    super::full_message_in(d, lang)
                )
            })
            .collect();
        let _ = writeln!(
            case,
            r#"      <{element} message="{}" type="{}">{}</{element}>"#,
            escape(&first.message),
            escape(first.code.as_str()),
            escape(&body.join("\n"))
        );
    }
    let others: Vec<String> = file
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Error)
        .map(|d| {
            let severity = d.severity.word(lang);
            format!("{}:{}:{}: {severity}[{}]: {}", file.path, d.span.line, d.span.column, d.code, d.message)
        })
        .collect();
    if !others.is_empty() {
        let _ = writeln!(case, "      <system-out>{}</system-out>", escape(&others.join("\n")));
    }
    let _ = writeln!(case, "    </testcase>");
    case
}

impl super::Renderer for Junit {
    fn part_renderer(&self) -> Option<PartRenderer> {
        let lang = self.lang;
        Some(std::sync::Arc::new(move |file: &FileResult| Ok(test_case(file, lang).into_bytes())))
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let case = test_case(file, self.lang);
        self.file_part(&file.head(), case.as_bytes(), out)
    }

    fn file_part(&mut self, file: &FileHead, part: &[u8], _out: &mut dyn Write) -> std::io::Result<()> {
        // A file with error findings is a failure; one that could not be checked is an error.
        self.failures += usize::from(!file.failed && file.errors > 0);
        self.cases.push(part)
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        use std::fmt::Write as _;
        let summary = outcome.summary;
        // A run-level error (a path that does not exist, rules that do not
        // load) is a test case in error, so test-report viewers show it;
        // notices and warnings go to the suite's output.
        let mut run_errors = 0;
        let mut run_cases = String::new();
        let mut others = Vec::new();
        let lang = self.lang;
        for notice in outcome.notices {
            let notice = &notice.in_lang(lang);
            let (severity, message) = (notice.severity.word(lang), super::full_message_in(notice, lang));
            let text = match super::notice_path(notice) {
                Some(path) => format!("{path}: {severity}[{}]: {message}", notice.code),
                None => format!("{severity}[{}]: {message}", notice.code),
            };
            if notice.severity == Severity::Error {
                run_errors += 1;
                let name = super::notice_path(notice).unwrap_or("shouldtune check");
                let _ = writeln!(run_cases, r#"    <testcase name="{}" classname="shouldtune.check">"#, escape(name));
                let _ = writeln!(
                    run_cases,
                    r#"      <error message="{}" type="{}">{}</error>"#,
                    escape(&notice.message),
                    escape(notice.code.as_str()),
                    escape(&text)
                );
                let _ = writeln!(run_cases, "    </testcase>");
            } else {
                others.push(text);
            }
        }
        let (tests, failures, errors) = (summary.files + run_errors, self.failures, summary.failed + run_errors);
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<testsuites name="shouldtune" tests="{tests}" failures="{failures}" errors="{errors}">"#)?;
        writeln!(
            out,
            r#"  <testsuite name="shouldtune check" tests="{tests}" failures="{failures}" errors="{errors}">"#
        )?;
        self.cases.write_to(out)?;
        out.write_all(run_cases.as_bytes())?;
        if !others.is_empty() {
            writeln!(out, "    <system-out>{}</system-out>", escape(&others.join("\n")))?;
        }
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")
    }
}

/// Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
