//! The spanned YAML tree.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

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

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<NodeKind>::deserialize(deserializer)?;
        let location = spanned.referenced;
        let span = location.span();
        let offset = span.byte_offset().and_then(|o| usize::try_from(o).ok()).unwrap_or(0);
        let len = span.byte_len().and_then(|l| usize::try_from(l).ok()).unwrap_or(0);
        Ok(Node {
            span: Span {
                offset,
                len,
                line: usize::try_from(location.line()).unwrap_or(usize::MAX).max(1),
                column: usize::try_from(location.column()).unwrap_or(usize::MAX).max(1),
            },
            kind: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for NodeKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = NodeKind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<NodeKind, D::Error> {
        NodeKind::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<NodeKind, E> {
        Ok(NodeKind::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<NodeKind, E> {
        Ok(NodeKind::Int(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<NodeKind, E> {
        #[expect(clippy::cast_precision_loss, reason = "out-of-range integers are reported as numbers")]
        Ok(i64::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<NodeKind, E> {
        #[expect(clippy::cast_precision_loss, reason = "out-of-range integers are reported as numbers")]
        Ok(i64::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<NodeKind, E> {
        #[expect(clippy::cast_precision_loss, reason = "out-of-range integers are reported as numbers")]
        Ok(i64::try_from(v).map_or(NodeKind::Float(v as f64), NodeKind::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<NodeKind, E> {
        Ok(NodeKind::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NodeKind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(NodeKind::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NodeKind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(NodeKind::Map(entries))
    }
}
