//! User-facing diagnostics: what went wrong with an input file, and where.
//!
//! Every problem a user can cause in a file becomes a [`Diagnostic`] with a
//! stable [`Code`] (or, for findings that rule data defines, the rule's id).
//! The library returns them; the binary renders
//! them with [`render`], which shows a source snippet.

pub mod codes;
mod render;

pub use codes::Code;
pub use render::{render, render_in};

use std::fmt;

use crate::i18n::{Lang, Msg};
use crate::source::SourceFile;
use crate::source::Span;

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails anything.
    Note,
    /// Fails only when warnings are denied.
    Warning,
    /// The input cannot be used.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What a diagnostic reports under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DiagnosticCode {
    /// A built-in problem.
    Builtin(Code),
    /// A finding defined in rule data: the id of the plan rule that reported it.
    Rule(String),
}

impl DiagnosticCode {
    /// The text shown and keyed on by CI: the code's kebab-case text or the rule id.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            DiagnosticCode::Builtin(code) => code.as_str(),
            DiagnosticCode::Rule(id) => id,
        }
    }

    /// The built-in code, if it is one.
    #[must_use]
    pub fn builtin(&self) -> Option<Code> {
        match self {
            DiagnosticCode::Builtin(code) => Some(*code),
            DiagnosticCode::Rule(_) => None,
        }
    }
}

impl From<Code> for DiagnosticCode {
    fn from(code: Code) -> Self {
        DiagnosticCode::Builtin(code)
    }
}

impl PartialEq<Code> for DiagnosticCode {
    fn eq(&self, other: &Code) -> bool {
        self.builtin() == Some(*other)
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for DiagnosticCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem in one file, with the position it concerns.
///
/// As an error its message is one line: `file:line:col: error[code]: message`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{}[{}]: {}", location_prefix(.file.as_ref(), *.span), .severity, .code, .message)]
pub struct Diagnostic {
    /// Stable kebab-case identifier: a built-in [`Code`], or the id of the
    /// plan rule that reported it.
    pub code: DiagnosticCode,
    /// How serious it is.
    pub severity: Severity,
    /// What was found and what was expected; lowercase, no trailing period.
    pub message: String,
    /// The file it concerns, when there is one.
    pub file: Option<SourceFile>,
    /// Where in the file.
    pub span: Span,
    /// A short label under the snippet.
    pub label: Option<String>,
    /// The fix, when it is obvious.
    pub help: Option<String>,
    /// Other places that matter (e.g. the first definition of a duplicate).
    pub related: Vec<(SourceFile, Span, String)>,
    /// Reasons behind the diagnostic, one sentence each (e.g. the rules behind a finding).
    pub notes: Vec<String>,
    /// The messages `message`, `help`, `label` and `notes` were rendered from (in English), for [`Diagnostic::in_lang`].
    pub l10n: Box<Localizable>,
}

/// The Fluent messages behind a diagnostic's texts, when they were built from one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Localizable {
    /// Behind `message`.
    pub message: Option<Msg>,
    /// Behind `help`.
    pub help: Option<Msg>,
    /// Behind `label`.
    pub label: Option<Msg>,
    /// Behind the labels of `related`, by index.
    pub related: Vec<Option<Msg>>,
    /// Behind `notes`, by index.
    pub notes: Vec<Option<Msg>>,
}

/// A diagnostic's text: a Fluent message (shown in the reader's language) or
/// plain text (file content, rule texts already in the chosen language).
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// Shown as is in every language.
    Plain(String),
    /// Rendered in the reader's language.
    Msg(Msg),
}

impl Text {
    fn split(self) -> (String, Option<Msg>) {
        match self {
            Text::Plain(text) => (text, None),
            Text::Msg(msg) => (msg.render(Lang::En), Some(msg)),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Self {
        Text::Plain(text.clone())
    }
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Self {
        Text::Msg(msg)
    }
}

impl Diagnostic {
    /// An error at `span` in `file`.
    pub fn error(code: Code, message: impl Into<Text>, file: &SourceFile, span: Span) -> Self {
        let mut diagnostic = Diagnostic::without_file(code, message);
        diagnostic.file = Some(file.clone());
        diagnostic.span = span;
        diagnostic
    }

    /// An error about no file in particular (a missing file, an I/O failure).
    pub fn without_file(code: Code, message: impl Into<Text>) -> Self {
        let (message, msg) = message.into().split();
        Diagnostic {
            code: DiagnosticCode::Builtin(code),
            severity: Severity::Error,
            message,
            file: None,
            span: Span::START,
            label: None,
            help: None,
            related: Vec::new(),
            notes: Vec::new(),
            l10n: Box::new(Localizable { message: msg, ..Localizable::default() }),
        }
    }

    /// Reports it under another code: a plan rule's id, for findings that rule data defines.
    #[must_use]
    pub fn with_code(mut self, code: DiagnosticCode) -> Self {
        self.code = code;
        self
    }

    /// Sets the severity.
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Adds the obvious fix.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.set_help(help);
        self
    }

    /// Replaces the message (on a diagnostic held by reference).
    pub fn set_message(&mut self, message: impl Into<Text>) {
        let (message, msg) = message.into().split();
        self.message = message;
        self.l10n.message = msg;
    }

    /// Sets the fix (on a diagnostic held by reference).
    pub fn set_help(&mut self, help: impl Into<Text>) {
        let (help, msg) = help.into().split();
        self.help = Some(help);
        self.l10n.help = msg;
    }

    /// Adds a label under the snippet.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<Text>) -> Self {
        self.set_label(label);
        self
    }

    /// Sets the label (on a diagnostic held by reference).
    pub fn set_label(&mut self, label: impl Into<Text>) {
        let (label, msg) = label.into().split();
        self.label = Some(label);
        self.l10n.label = msg;
    }

    /// The message in English, whatever language it was rendered in (for identities such as fingerprints).
    #[must_use]
    pub fn english_message(&self) -> String {
        match &self.l10n.message {
            Some(msg) if Lang::ALL.iter().any(|lang| self.message == msg.render(*lang)) => msg.render(Lang::En),
            _ => self.message.clone(),
        }
    }

    /// The same diagnostic with the texts built from Fluent messages rendered
    /// in `lang`. A text replaced since (plain text assigned to the field) is kept.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Diagnostic {
        let mut out = self.clone();
        out.localize(lang);
        out
    }

    /// Renders the texts built from Fluent messages in `lang`, in place.
    pub fn localize(&mut self, lang: Lang) {
        if lang == Lang::En {
            return;
        }
        let swap = |text: &mut String, msg: Option<&Msg>| {
            if let Some(msg) = msg
                && *text == msg.render(Lang::En)
            {
                *text = msg.render(lang);
            }
        };
        swap(&mut self.message, self.l10n.message.as_ref());
        if let Some(help) = &mut self.help {
            swap(help, self.l10n.help.as_ref());
        }
        if let Some(label) = &mut self.label {
            swap(label, self.l10n.label.as_ref());
        }
        for (index, (_, _, label)) in self.related.iter_mut().enumerate() {
            swap(label, self.l10n.related.get(index).and_then(Option::as_ref));
        }
        for (index, note) in self.notes.iter_mut().enumerate() {
            swap(note, self.l10n.notes.get(index).and_then(Option::as_ref));
        }
    }

    /// Points at a second place that explains this one.
    #[must_use]
    pub fn with_related(mut self, file: &SourceFile, span: Span, label: impl Into<Text>) -> Self {
        let (label, msg) = label.into().split();
        self.l10n.related.resize(self.related.len(), None);
        self.l10n.related.push(msg);
        self.related.push((file.clone(), span, label));
        self
    }

    /// Adds a reason: plain text (a rule's `because`, already in the chosen
    /// language) or a message, rendered in the reader's language like the message and help.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<Text>) -> Self {
        let (note, msg) = note.into().split();
        self.l10n.notes.resize(self.notes.len(), None);
        self.l10n.notes.push(msg);
        self.notes.push(note);
        self
    }

    /// `file:line:col` of the diagnostic, or the empty string without a file.
    #[must_use]
    pub fn location(&self) -> String {
        match &self.file {
            Some(file) => format!("{}:{}:{}", file.name(), self.span.line, self.span.column),
            None => String::new(),
        }
    }
}

fn location_prefix(file: Option<&SourceFile>, span: Span) -> String {
    file.map(|f| format!("{}:{}:{}: ", f.name(), span.line, span.column)).unwrap_or_default()
}

impl Severity {
    /// The word for it in `lang`, as a heading (`error`, `エラー`).
    #[must_use]
    pub fn word(self, lang: Lang) -> String {
        lang.tr(match self {
            Severity::Note => "severity-note",
            Severity::Warning => "severity-warning",
            Severity::Error => "severity-error",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_an_error_with_a_one_line_message() {
        let file = SourceFile::new("llm-project.yaml", "name: x\nanswer: 1\n");
        let diagnostic =
            Diagnostic::error(Code::UnknownKey, "unknown key `answer`", &file, Span::at_offset(file.text(), 8));
        assert_eq!(diagnostic.to_string(), "llm-project.yaml:2:1: error[unknown-key]: unknown key `answer`");
        let boxed: Box<dyn std::error::Error> = Box::new(Diagnostic::without_file(Code::IoError, "cannot read `x`"));
        assert_eq!(boxed.to_string(), "error[io-error]: cannot read `x`");
    }

    #[test]
    fn messages_built_from_fluent_ids_render_in_the_chosen_language() {
        let file = SourceFile::new("f.yaml", "name: x\nanswer: 1\n");
        let span = Span::at_offset(file.text(), 8);
        let message = Msg::new("unknown-key-in").arg("key", "answer").arg("what", crate::load::What::Descriptor.msg());
        let diagnostic = Diagnostic::error(Code::UnknownKey, message, &file, span)
            .with_help(Msg::new("did-you-mean").arg("name", "answers"))
            .with_note("a rule's reason, kept as written")
            .with_note(Msg::new("ignored-descriptors-help"));
        // English is what the library returns, and what `Display` shows.
        assert_eq!(diagnostic.message, "unknown key `answer` in the descriptor");
        let ja = diagnostic.in_lang(Lang::Ja);
        assert_eq!(ja.message, "記述子に不明なキー `answer` があります");
        assert_eq!(ja.help.as_deref(), Some("`answers` の誤りではありませんか?"));
        assert_eq!(ja.english_message(), diagnostic.message);
        // Notes built from messages follow the language; plain notes stay as written.
        assert_eq!(ja.notes[0], "a rule's reason, kept as written");
        assert_eq!(ja.notes[1], Lang::Ja.tr("ignored-descriptors-help"));
        assert_ne!(ja.notes[1], diagnostic.notes[1]);
        assert_eq!(diagnostic.notes[1], Lang::En.tr("ignored-descriptors-help"));
        let mut out = Vec::new();
        render_in(std::slice::from_ref(&diagnostic), &mut out, crate::text::Style::PLAIN, Lang::Ja).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert!(text.starts_with("f.yaml:2:1: エラー[unknown-key]: 記述子に"), "{text}");
        assert!(text.contains("= 対処: `answers` の誤りではありませんか?"), "{text}");
        assert!(text.contains(&Lang::Ja.tr("ignored-descriptors-help")), "{text}");
        // Text set by hand afterwards is kept as it is.
        let mut replaced = diagnostic;
        replaced.message = "custom".to_owned();
        assert_eq!(replaced.in_lang(Lang::Ja).message, "custom");
    }

    #[test]
    fn snippets_point_at_the_span_and_long_lines_are_not_echoed() {
        let file = SourceFile::new("f.yaml", "name: x\nanswer: 1\n");
        let diagnostic =
            Diagnostic::error(Code::UnknownKey, "unknown key `answer`", &file, Span::at_offset(file.text(), 8))
                .with_help("did you mean `answers`?");
        let mut out = Vec::new();
        render(&[diagnostic], &mut out, false).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(
            text,
            "f.yaml:2:1: error[unknown-key]: unknown key `answer`\n  |\n2 | answer: 1\n  | ^\n  = help: did you mean `answers`?\n"
        );

        let long = SourceFile::new("min.yaml", format!("name: [{}]\n", "1,".repeat(1000)));
        let diagnostic = Diagnostic::error(Code::WrongType, "bad", &long, Span::at_offset(long.text(), 6));
        let mut out = Vec::new();
        render(&[diagnostic], &mut out, false).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(text, "min.yaml:1:7: error[wrong-type]: bad\n");
    }

    #[test]
    fn related_places_are_drawn_under_the_primary_one_with_their_labels() {
        let first = SourceFile::new("base.yaml", "rules:\n  - id: a\n");
        let again = SourceFile::new("overlay.yaml", "\u{202e}x: 1\nrules:\n  - id: a\n");
        let diagnostic = Diagnostic::error(
            Code::DuplicateId,
            "rule `a` is defined twice",
            &again,
            Span::at_offset(again.text(), 23),
        )
        .with_label("defined again here")
        .with_related(&first, Span::at_offset(first.text(), 15), "first defined here");
        let mut out = Vec::new();
        render(&[diagnostic], &mut out, false).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert_eq!(
            text,
            "overlay.yaml:3:9: error[duplicate-id]: rule `a` is defined twice\n  |\n3 |   - id: a\n  |         ^ defined again here\n  = base.yaml:2:9:\n2 |   - id: a\n  |         - first defined here\n"
        );
    }
}
