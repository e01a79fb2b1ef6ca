//! Typed reading of a spanned tree, collecting every problem rather than the first.

use super::{Node, NodeKind, Span};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::source::SourceFile;

/// Most problems kept per file: a hostile file with thousands of mistakes
/// should produce a readable report, not thousands of snippets.
pub(crate) const MAX_DIAGNOSTICS_PER_FILE: usize = 50;

/// Where problems found while reading one file accumulate.
#[derive(Debug)]
pub(crate) struct Sink<'s> {
    pub source: &'s SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    /// Problems past the cap: counted, and decorated here, but not kept.
    suppressed: usize,
    scratch: Option<Diagnostic>,
}

impl<'s> Sink<'s> {
    pub fn new(source: &'s SourceFile) -> Self {
        Sink { source, diagnostics: Vec::new(), suppressed: 0, scratch: None }
    }

    /// Records an error and returns it for further decoration.
    pub fn error(&mut self, code: Code, message: impl Into<crate::diag::Text>, span: Span) -> &mut Diagnostic {
        let diagnostic = Diagnostic::error(code, message, self.source, span);
        if self.diagnostics.len() >= MAX_DIAGNOSTICS_PER_FILE {
            if self.suppressed == 0 {
                let note = Diagnostic::error(
                    Code::TooManyProblems,
                    Msg::new("load-too-many-problems").arg("max", MAX_DIAGNOSTICS_PER_FILE),
                    self.source,
                    span,
                )
                .with_severity(crate::diag::Severity::Note);
                self.diagnostics.push(note);
            }
            self.suppressed += 1;
            return self.scratch.insert(diagnostic);
        }
        self.diagnostics.push(diagnostic);
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    pub fn has_errors(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// Adds an already built diagnostic, under the same cap.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        // A placeholder takes the slot (or the scratch space past the cap), then the diagnostic replaces it.
        let span = diagnostic.span;
        *self.error(Code::YamlSyntax, String::new(), span) = diagnostic;
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `a`, `b`, `c`: names quoted and listed for a message.
pub fn quoted_list<'c>(names: impl IntoIterator<Item = &'c str>) -> String {
    names.into_iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// The help for an unknown name: the closest candidate if one is close, else all of them.
pub(crate) fn suggestion<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str> + Clone) -> Msg {
    match did_you_mean(word, candidates.clone()) {
        Some(s) => Msg::new("did-you-mean").arg("name", s),
        None => Msg::new("expected-one-of").arg("list", quoted_list(candidates)),
    }
}

/// The keys of a mapping, checked against the ones allowed there.
pub(crate) struct MapReader<'n> {
    span: Span,
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> MapReader<'n> {
    /// Reads `node` as a mapping whose keys must be among `allowed`.
    /// `what` names the mapping in messages ("rule", "question").
    pub fn new(sink: &mut Sink<'_>, node: &'n Node, what: &str, allowed: &[&str]) -> Option<Self> {
        let map = expect_map(sink, node, what)?;
        let mut entries = Vec::with_capacity(map.len());
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                sink.error(
                    Code::WrongType,
                    Msg::new("expected-string-key").arg("what", what).arg("found", key.kind.describe_msg()),
                    key.span,
                );
                continue;
            };
            if !allowed.contains(&name) {
                let _ = report_unknown_key(sink, name, key.span, what, allowed.iter().copied());
                continue;
            }
            entries.push((name, key, value));
        }
        Some(MapReader { span: node.span, entries })
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(name, _, _)| *name == key).map(|(_, _, value)| *value)
    }

    /// The position of `key` itself, if present.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.entries.iter().find(|(name, _, _)| *name == key).map(|(_, key, _)| key.span)
    }

    /// The value of `key`, reporting its absence.
    pub fn require(&self, sink: &mut Sink<'_>, key: &str, what: &str) -> Option<&'n Node> {
        let value = self.get(key);
        if value.is_none() {
            sink.error(Code::MissingKey, Msg::new("missing-required-key").arg("what", what).arg("key", key), self.span)
                .set_label(Msg::new("add-key-label").arg("key", key));
        }
        value
    }

    /// The span of the whole mapping.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// Reports `name` as an unknown key, with the closest allowed key as a suggestion.
pub(crate) fn report_unknown_key<'c, 'k>(
    sink: &'k mut Sink<'_>,
    name: &str,
    span: Span,
    what: &str,
    allowed: impl IntoIterator<Item = &'c str> + Clone,
) -> &'k mut Diagnostic {
    let help = suggestion(name, allowed);
    let diagnostic = sink.error(Code::UnknownKey, Msg::new("unknown-key-in").arg("key", name).arg("what", what), span);
    diagnostic.set_help(help);
    diagnostic
}

/// The entries of a mapping node.
pub(crate) fn expect_map<'n>(sink: &mut Sink<'_>, node: &'n Node, what: &str) -> Option<&'n [(Node, Node)]> {
    match &node.kind {
        NodeKind::Map(entries) => Some(entries),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-mapping").arg("what", what).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// The items of a sequence node.
pub(crate) fn expect_seq<'n>(sink: &mut Sink<'_>, node: &'n Node, what: &str) -> Option<&'n [Node]> {
    match &node.kind {
        NodeKind::Seq(items) => Some(items),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-list").arg("what", what).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// The text of a non-empty string node.
pub(crate) fn expect_str<'n>(sink: &mut Sink<'_>, node: &'n Node, what: &str) -> Option<&'n str> {
    match &node.kind {
        NodeKind::Str(s) if !s.trim().is_empty() => Some(s),
        NodeKind::Str(_) => {
            sink.error(Code::WrongType, Msg::new("expected-nonempty-string").arg("what", what), node.span);
            None
        }
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-string").arg("what", what).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// The value of a boolean node.
pub(crate) fn expect_bool(sink: &mut Sink<'_>, node: &Node, what: &str) -> Option<bool> {
    match &node.kind {
        NodeKind::Bool(b) => Some(*b),
        other => {
            let diagnostic = sink.error(
                Code::WrongType,
                Msg::new("expected-bool").arg("what", what).arg("found", other.describe_msg()),
                node.span,
            );
            if let NodeKind::Str(s) = other {
                match s.to_ascii_lowercase().as_str() {
                    "yes" | "y" | "on" => diagnostic.set_help(Msg::new("write-value").arg("value", "true")),
                    "no" | "n" | "off" => diagnostic.set_help(Msg::new("write-value").arg("value", "false")),
                    _ => {}
                }
            }
            None
        }
    }
}

/// The value of an integer node.
pub(crate) fn expect_int(sink: &mut Sink<'_>, node: &Node, what: &str) -> Option<i64> {
    match &node.kind {
        NodeKind::Int(i) => Some(*i),
        other => {
            sink.error(
                Code::WrongType,
                Msg::new("expected-whole-number").arg("what", what).arg("found", other.describe_msg()),
                node.span,
            );
            None
        }
    }
}

/// An exact decimal number, read from the scalar's source text so that
/// `0.0015` is 0.0015 and not the nearest binary float.
pub(crate) fn expect_decimal(sink: &mut Sink<'_>, node: &Node, what: &str) -> Option<rust_decimal::Decimal> {
    use std::str::FromStr as _;
    let raw = match &node.kind {
        NodeKind::Int(i) => return Some(rust_decimal::Decimal::from(*i)),
        NodeKind::Float(..) => sink.source.text().get(node.span.offset..node.span.offset + node.span.len),
        NodeKind::Str(s) => Some(s.as_str()),
        _ => None,
    };
    let parsed = raw.map(|r| r.trim().trim_matches(['"', '\''])).and_then(|r| {
        rust_decimal::Decimal::from_str(&r.replace('_', "")).or_else(|_| rust_decimal::Decimal::from_scientific(r)).ok()
    });
    if parsed.is_none() {
        sink.error(
            Code::WrongType,
            Msg::new("expected-number").arg("what", what).arg("found", node.kind.describe_msg()),
            node.span,
        );
    }
    parsed
}
