//! Source files: a display name and the text, shared cheaply between diagnostics.

use std::sync::Arc;

/// A file as read, kept so diagnostics can show snippets of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    name: Arc<str>,
    text: Arc<str>,
}

impl SourceFile {
    /// A file named `name` (the path as the user wrote it, or `<stdin>`).
    ///
    /// A lone carriage return (old Mac line endings) is a line break in YAML;
    /// it is read as a line feed, byte for byte, so every reader of the text
    /// (the parser, positions, snippets) sees the same lines. `\r\n` is kept.
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let lone_cr = |t: &str| t.match_indices('\r').any(|(i, _)| t.as_bytes().get(i + 1) != Some(&b'\n'));
        let text = if lone_cr(&text) {
            let bytes = text.as_bytes();
            let fixed: String = text
                .char_indices()
                .map(|(i, c)| if c == '\r' && bytes.get(i + 1) != Some(&b'\n') { '\n' } else { c })
                .collect();
            Arc::from(fixed)
        } else {
            text
        };
        SourceFile { name: name.into(), text }
    }

    /// The name shown in messages.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text, shared.
    #[must_use]
    pub fn text_arc(&self) -> Arc<str> {
        Arc::clone(&self.text)
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Where a node sits in its source text: byte range and 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// Byte offset of the first character.
    pub offset: usize,
    /// Length in bytes (0 for a point).
    pub len: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Span {
    /// The start of a file.
    pub const START: Span = Span { offset: 0, len: 0, line: 1, column: 1 };

    /// The span of one character at `offset` in `text`.
    #[must_use]
    pub fn at_offset(text: &str, offset: usize) -> Span {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        let len = text[offset..].chars().next().map_or(0, char::len_utf8);
        Span { offset, len, line, column }
    }

    /// The span of the character at a 1-based line and column.
    #[must_use]
    pub fn from_line_col(text: &str, line: u64, column: u64) -> Span {
        let mut offset = 0;
        for _ in 1..line {
            match text[offset..].find('\n') {
                Some(i) => offset += i + 1,
                None => return Span::at_offset(text, text.len()),
            }
        }
        let line_text = text[offset..].split('\n').next().unwrap_or_default();
        let col_bytes: usize = line_text
            .chars()
            .take(usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX))
            .map(char::len_utf8)
            .sum();
        Span::at_offset(text, offset + col_bytes)
    }

    /// A span starting `start` bytes into this one and `len` bytes long, on the same line.
    ///
    /// Used to point inside a condition string whose text maps byte for byte
    /// onto the source.
    #[must_use]
    pub fn sub(&self, text: &str, start: usize, len: usize) -> Span {
        let mut span = Span::at_offset(text, self.offset + start);
        span.len = len.max(span.len.min(1));
        span
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
