//! `--format junit`: `JUnit` XML, one test case per descriptor.

use std::io::Write;

use super::FileResult;
use super::Outcome;
use crate::diag::Severity;
use crate::i18n::Lang;

/// A `<testsuites>` document; error findings are failures, unreadable files are errors.
///
/// The suite's counts come first in the XML, so test cases are kept as text until the end.
#[derive(Debug, Default)]
pub struct Junit {
    cases: String,
    failures: usize,
    lang: Lang,
}

impl Junit {
    /// A report with messages in `lang` (element names, attributes and codes stay English).
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Junit { lang, ..Junit::default() }
    }
}

impl super::Renderer for Junit {
    fn file(&mut self, file: &FileResult, _out: &mut dyn Write) -> std::io::Result<()> {
        use std::fmt::Write as _;
        let lang = self.lang;
        let cases = &mut self.cases;
        let _ = writeln!(cases, r#"    <testcase name="{}" classname="shouldtune.check">"#, escape(&file.path));
        let problems: Vec<_> = file.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        if let Some(first) = problems.first() {
            let element = if file.failed() { "error" } else { "failure" };
            self.failures += usize::from(!file.failed());
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
                cases,
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
            let _ = writeln!(cases, "      <system-out>{}</system-out>", escape(&others.join("\n")));
        }
        let _ = writeln!(cases, "    </testcase>");
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        use std::fmt::Write as _;
        let summary = outcome.summary;
        // A run-level error (a path that does not exist, rules that do not
        // load) is a test case in error, so test-report viewers show it;
        // notices and warnings go to the suite's output.
        let mut run_errors = 0;
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
                let _ = writeln!(self.cases, r#"    <testcase name="{}" classname="shouldtune.check">"#, escape(name));
                let _ = writeln!(
                    self.cases,
                    r#"      <error message="{}" type="{}">{}</error>"#,
                    escape(&notice.message),
                    escape(notice.code.as_str()),
                    escape(&text)
                );
                let _ = writeln!(self.cases, "    </testcase>");
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
        out.write_all(self.cases.as_bytes())?;
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
