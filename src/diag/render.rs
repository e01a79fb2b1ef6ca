//! The one renderer of diagnostics for people (terminals, logs, `check`'s
//! human format): a located, word-wrapped heading, the source line with the
//! span underlined and its label, the related places the same way, then the
//! reasons and the fix, each wrapped with a hanging indent.
//!
//! ```text
//! rules.yaml:3:9: error[duplicate-id]: rule `strict-format` is defined twice
//!     |
//!   3 |   - id: strict-format
//!     |         ^^^^^^^^^^^^^ defined again here
//!     = rules/default.yaml:448:9:
//! 448 |   - id: strict-format
//!     |         ------------- first defined here
//!     = help: give it another id, or add `override: true`
//! ```

use std::io::Write;

use super::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::source::{SourceFile, Span};
use crate::text::{Style, display_width, hanging, needs_escape, sanitize, sanitize_name};

/// Writes diagnostics with source snippets, wrapped at 80 columns; ANSI colour when `color` is set.
///
/// Everything taken from a file (messages, names, snippet lines) is escaped
/// with [`sanitize`]: no control character, bidirectional override or
/// zero-width character reaches the terminal or a CI log, and no line can
/// start with text from the file.
pub fn render(diagnostics: &[Diagnostic], out: &mut dyn Write, color: bool) -> std::io::Result<()> {
    render_in(diagnostics, out, Style { color, ..Style::PLAIN }, Lang::En)
}

/// [`render`] in `lang` (messages built from Fluent messages, and the
/// headings, in that language; codes stay English), wrapped at `style.width`.
pub fn render_in(diagnostics: &[Diagnostic], out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    let mut visible = Vec::new();
    for diagnostic in diagnostics {
        let escaped = escape(&diagnostic.in_lang(lang), &mut visible);
        render_one(&escaped, out, style, lang)?;
    }
    Ok(())
}

/// How a wrapped line continues.
const CONTINUED: &str = "    ";

fn render_one(diagnostic: &Diagnostic, out: &mut dyn Write, style: Style, lang: Lang) -> std::io::Result<()> {
    let label = format!("{}[{}]:", diagnostic.severity.word(lang), diagnostic.code);
    let heading = format!("{}:", styled_severity(diagnostic, style, lang));
    let at = match &diagnostic.file {
        Some(file) => format!("{}:{}:{}:", file.name(), diagnostic.span.line, diagnostic.span.column),
        None => String::new(),
    };
    let head = [(at.as_str(), at.as_str()), (label.as_str(), heading.as_str())];
    write!(out, "{}", hanging(&head, &diagnostic.message, style.width, CONTINUED))?;
    let mut places = Vec::new();
    if let Some(file) = &diagnostic.file {
        places.push((file, diagnostic.span, diagnostic.label.as_deref().unwrap_or_default(), true));
    }
    for (file, span, label) in &diagnostic.related {
        places.push((file, *span, label.as_str(), false));
    }
    let gutter_width = places.iter().map(|(_, span, _, _)| span.line.to_string().len()).max().unwrap_or(1);
    let gutter = " ".repeat(gutter_width);
    for (file, span, label, primary) in &places {
        let Some(line) = snippet_line(file, *span) else { continue };
        if *primary {
            writeln!(out, "{gutter} |")?;
        } else {
            writeln!(out, "{gutter} = {}:{}:{}:", file.name(), span.line, span.column)?;
        }
        writeln!(out, "{:>gutter_width$} | {line}", span.line)?;
        let text = file.text();
        let start = text[..span.offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
        let before = text.get(start..span.offset).unwrap_or_default();
        let marked = text.get(span.offset..span.offset + span.len).unwrap_or_default();
        let marked = marked.lines().next().unwrap_or_default();
        let underline = if *primary { "^" } else { "-" };
        let marks = underline.repeat(display_width(marked).max(1));
        let marks = if *primary { style.bad(&marks) } else { style.dim(&marks) };
        let label = if label.is_empty() { String::new() } else { format!(" {label}") };
        writeln!(out, "{gutter} | {}{marks}{label}", " ".repeat(display_width(before)))?;
    }
    for note in &diagnostic.notes {
        let head = format!("{gutter} = {}", lang.tr("because-label"));
        write!(out, "{}", hanging(&[(&head, &head)], note, style.width, CONTINUED))?;
    }
    if let Some(help) = &diagnostic.help {
        let head = format!("{gutter} = {}", lang.tr("help-label"));
        write!(out, "{}", hanging(&[(&head, &head)], help, style.width, CONTINUED))?;
    }
    Ok(())
}

/// `error[code]` (in `lang`) in the severity's colour.
fn styled_severity(diagnostic: &Diagnostic, style: Style, lang: Lang) -> String {
    let heading = format!("{}[{}]", diagnostic.severity.word(lang), diagnostic.code);
    match diagnostic.severity {
        Severity::Error => style.bad(&heading),
        Severity::Warning => style.warn(&heading),
        Severity::Note => style.dim(&heading),
    }
}

/// The (escaped) line `span` starts on, unless it is empty or too long to be
/// worth echoing (minified or hostile input): then the location alone is shown.
fn snippet_line(file: &SourceFile, span: Span) -> Option<&str> {
    let text = file.text();
    let offset = span.offset.min(text.len());
    if line_len(text, offset) > MAX_SNIPPET_LINE {
        return None;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or_default().trim_end_matches('\r');
    (!line.trim().is_empty()).then_some(line)
}

/// A copy of `diagnostic` whose texts are escaped and whose files are shown
/// through [`VisibleSource`], spans moved to match. `cache` keeps each
/// file's escaped text, so many diagnostics on one file cost one pass.
fn escape(diagnostic: &Diagnostic, cache: &mut Vec<(SourceFile, VisibleSource)>) -> Diagnostic {
    let mut show = |file: &SourceFile, span: Span| -> (SourceFile, Span) {
        let index = cache.iter().position(|(f, _)| f == file).unwrap_or_else(|| {
            cache.push((file.clone(), VisibleSource::new(file)));
            cache.len() - 1
        });
        let visible = &cache[index].1;
        (visible.file.clone(), visible.span(span))
    };
    let (file, span) = match &diagnostic.file {
        Some(file) => {
            let (file, span) = show(file, diagnostic.span);
            (Some(file), span)
        }
        None => (None, diagnostic.span),
    };
    let related = diagnostic
        .related
        .iter()
        .map(|(file, span, label)| {
            let (file, span) = show(file, *span);
            (file, span, sanitize(label))
        })
        .collect();
    Diagnostic {
        code: diagnostic.code.clone(),
        severity: diagnostic.severity,
        message: sanitize(&diagnostic.message),
        file,
        span: Span { line: diagnostic.span.line, column: diagnostic.span.column, ..span },
        label: diagnostic.label.as_deref().map(sanitize),
        help: diagnostic.help.as_deref().map(sanitize),
        related,
        notes: diagnostic.notes.iter().map(|n| sanitize(n)).collect(),
        l10n: Box::default(),
    }
}

/// A file as a terminal may show it: its name and text escaped (line
/// breaks and tabs kept), with a map from original to escaped byte offsets.
struct VisibleSource {
    file: SourceFile,
    /// For each escaped character: its end in the original text and in the escaped one.
    moved: Vec<(usize, usize)>,
}

impl VisibleSource {
    fn new(file: &SourceFile) -> VisibleSource {
        let text = file.text();
        let name = sanitize_name(file.name());
        let bytes = text.as_bytes();
        let escaped = |i: usize, c: char| match c {
            '\n' | '\t' => false,
            '\r' => bytes.get(i + 1) != Some(&b'\n'),
            c => needs_escape(c),
        };
        // Printable ASCII, line breaks and tabs (most descriptors) need no escape: no decoding to find that out.
        let plain = |b: u8| b == b' ' || b == b'\n' || b == b'\t' || b.is_ascii_graphic();
        if bytes.iter().all(|&b| plain(b)) || !text.char_indices().any(|(i, c)| escaped(i, c)) {
            return VisibleSource { file: SourceFile::new(name, file.text_arc()), moved: Vec::new() };
        }
        let mut out = String::with_capacity(text.len() + 64);
        let mut moved = Vec::new();
        for (i, c) in text.char_indices() {
            if escaped(i, c) {
                out.push_str(&sanitize_name(c.encode_utf8(&mut [0; 4])));
                moved.push((i + c.len_utf8(), out.len()));
            } else {
                out.push(c);
            }
        }
        VisibleSource { file: SourceFile::new(name, out), moved }
    }

    /// Where `span` of the original text lies in the escaped one.
    fn span(&self, span: Span) -> Span {
        let start = self.offset(span.offset);
        let end = self.offset(span.offset + span.len);
        Span { offset: start, len: end.saturating_sub(start), ..span }
    }

    fn offset(&self, offset: usize) -> usize {
        match self.moved.partition_point(|&(end, _)| end <= offset) {
            0 => offset,
            n => {
                let (end, new_end) = self.moved[n - 1];
                new_end + (offset - end)
            }
        }
    }
}

/// Lines longer than this (in bytes) are not shown in snippets.
const MAX_SNIPPET_LINE: usize = 400;

/// The length in bytes of the line holding `offset`.
fn line_len(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let start = text.as_bytes()[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = text.as_bytes()[offset..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| offset + i);
    end - start
}
