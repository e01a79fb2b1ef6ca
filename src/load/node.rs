//! The spanned YAML tree.

/// Where a node sits in its source text: byte range and 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
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

/// One YAML value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value is written.
    pub span: Span,
    /// The value.
    pub kind: NodeKind,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits in 64 bits.
    Int(i64),
    /// A number with a fraction or exponent, or an integer too large for `i64`.
    Float(f64),
    /// Any other scalar.
    Str(String),
    /// A sequence, in document order.
    Seq(Vec<Node>),
    /// A mapping, in document order. Keys are nodes too, so their positions are kept.
    Map(Vec<(Node, Node)>),
}

impl NodeKind {
    /// The kind of value alone, e.g. "a string": for text that must not be quoted.
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        match self {
            NodeKind::Null => "nothing (null)",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) => "an integer",
            NodeKind::Float(_) => "a number",
            NodeKind::Str(_) => "a string",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }

    /// A short description for error messages, e.g. "a string `abc`".
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            NodeKind::Null => "nothing (null)".to_owned(),
            NodeKind::Bool(b) => format!("a boolean `{b}`"),
            NodeKind::Int(i) => format!("an integer `{i}`"),
            NodeKind::Float(f) => format!("a number `{f}`"),
            NodeKind::Str(s) => format!("a string `{}`", truncate(s, 40)),
            NodeKind::Seq(_) => "a list".to_owned(),
            NodeKind::Map(_) => "a mapping".to_owned(),
        }
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out.replace(['\n', '\r'], " ")
}

impl Node {
    /// The scalar text of a string node.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }
}
