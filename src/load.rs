//! YAML text → a spanned node tree.
//!
//! Every YAML document shouldtune reads (rule sets, descriptors, price
//! tables, rule tests) goes through this module, so the YAML library is chosen
//! in one place: `granit-parser`, the panic-free, fuzzed YAML 1.2 parser under
//! `serde-saphyr`. Its events carry byte offsets, lines and columns; they
//! become a [`Node`] tree in which every key and value keeps its [`Span`].
//! Later stages read that tree with `MapReader`, which produces typed
//! values and errors that point at the right line.

mod events;
mod node;
mod reader;
pub mod write;

pub use node::{Node, NodeKind, Span};
pub(crate) use reader::{
    Entry, MapReader, Required, Sink, Slot, What, did_you_mean, expect_bool, expect_decimal, expect_int, expect_map,
    expect_seq, expect_str, mapping, report_missing_key, report_unknown_key, suggestion,
};
pub use reader::{quoted, quoted_list};

use crate::diag::{Code, Diagnostic, Text};
use crate::i18n::Msg;
use crate::source::SourceFile;

/// Limits that keep hostile input from exhausting memory or time.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: usize,
    /// Deepest nesting of mappings and sequences accepted.
    pub max_depth: usize,
}

impl Limits {
    /// 1 MiB: descriptors and rule sets are a few kilobytes; anything this large is a mistake or an attack.
    pub const DEFAULT_MAX_FILE_BYTES: usize = 1024 * 1024;
    /// Deepest legitimate nesting in a rule set is about five levels; the limit also
    /// bounds the stack used by the recursive tree building on small thread stacks.
    pub const DEFAULT_MAX_DEPTH: usize = 24;
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: Self::DEFAULT_MAX_FILE_BYTES, max_depth: Self::DEFAULT_MAX_DEPTH }
    }
}

/// Parses one YAML document into a spanned node tree.
///
/// Empty documents, documents whose root is not a mapping, oversize input,
/// NUL bytes and YAML syntax errors are all reported as a [`Diagnostic`]
/// naming the file and position.
pub fn parse_document(source: &SourceFile, limits: Limits) -> Result<Node, Box<Diagnostic>> {
    let text = source.text();
    if text.len() > limits.max_file_bytes {
        return Err(Box::new(Diagnostic::error(
            Code::FileTooLarge,
            Msg::new("load-too-large").arg("size", text.len()).arg("limit", limits.max_file_bytes),
            source,
            Span::START,
        )));
    }
    if let Some(pos) = text.find('\0') {
        return Err(Box::new(Diagnostic::error(
            Code::YamlSyntax,
            Msg::new("load-nul-byte"),
            source,
            Span::at_offset(text, pos),
        )));
    }
    if text.trim().is_empty() || is_only_comments(text) {
        return Err(Box::new(
            Diagnostic::error(Code::EmptyDocument, Msg::new("load-empty"), source, Span::START)
                .with_help(Msg::new("load-empty-help")),
        ));
    }
    let root = events::build(text, limits.max_depth).map_err(|error| {
        let span = Span::from_line_col(text, error.line as u64, error.column as u64);
        let code = if error.duplicate_key { Code::DuplicateId } else { Code::YamlSyntax };
        let message: Text = if error.duplicate_key {
            error.message.into()
        } else {
            Msg::new("load-invalid-yaml").arg("detail", error.message).into()
        };
        let diagnostic = Diagnostic::error(code, message, source, span);
        Box::new(if error.duplicate_key { diagnostic.with_help(Msg::new("remove-one-entry")) } else { diagnostic })
    })?;
    if depth(&root) > limits.max_depth {
        return Err(Box::new(Diagnostic::error(
            Code::YamlSyntax,
            Msg::new("load-too-deep").arg("limit", limits.max_depth),
            source,
            root.span,
        )));
    }
    match root.kind {
        NodeKind::Map(_) => Ok(root),
        NodeKind::Null => {
            Err(Box::new(Diagnostic::error(Code::EmptyDocument, Msg::new("load-empty"), source, root.span)))
        }
        _ => {
            // Likely not a descriptor at all (a key file, a note): say what
            // it is without quoting it, and show only the start of the line.
            let (short, span) = short_snippet(source, root.span);
            Err(Box::new(Diagnostic::error(
                Code::WrongType,
                Msg::new("load-top-level").arg("found", root.kind.kind_name_msg()),
                &short,
                span,
            )))
        }
    }
}

/// How much of a line a snippet of a file that is not YAML shows.
const SHORT_SNIPPET_CHARS: usize = 16;

/// `source` cut to the first [`SHORT_SNIPPET_CHARS`] characters of the line
/// at `span` (earlier lines blanked), and the span within it.
fn short_snippet(source: &SourceFile, span: Span) -> (SourceFile, Span) {
    let text = source.text();
    let start = text[..span.offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line: String = text[start..].chars().take_while(|&c| c != '\n' && c != '\r').collect();
    let mut shown: String = "\n".repeat(span.line.saturating_sub(1));
    let kept: String = line.chars().take(SHORT_SNIPPET_CHARS).collect();
    let cut = kept.len() < line.len();
    let offset = shown.len() + (span.offset - start).min(kept.len());
    shown.push_str(&kept);
    if cut {
        shown.push('…');
    }
    let short = SourceFile::new(source.name(), shown);
    let span = Span { offset, len: 0, ..span };
    (short, span)
}

fn is_only_comments(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

fn depth(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Seq(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        NodeKind::Map(entries) => 1 + entries.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
