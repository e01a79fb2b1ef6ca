//! The spanned YAML tree.

pub use crate::source::Span;

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
    /// A number with a fraction or exponent, or an integer too large for
    /// `i64`, with the text it was written as (messages quote that, so
    /// `20.0`, `-0.0` and `2^70` read as written, not as a rounded float).
    Float(f64, Box<str>),
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
            NodeKind::Float(..) => "a number",
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
            NodeKind::Float(_, written) => format!("a number `{}`", truncate(written, 40)),
            NodeKind::Str(s) => format!("a string `{}`", truncate(s, 40)),
            NodeKind::Seq(_) => "a list".to_owned(),
            NodeKind::Map(_) => "a mapping".to_owned(),
        }
    }

    /// [`NodeKind::describe`] as a message, for any language.
    #[must_use]
    pub fn describe_msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            NodeKind::Null => Msg::new("found-null"),
            NodeKind::Bool(b) => Msg::new("found-bool").arg("value", b.to_string()),
            NodeKind::Int(i) => Msg::new("found-int").arg("value", i.to_string()),
            NodeKind::Float(_, written) => Msg::new("found-float").arg("value", truncate(written, 40)),
            NodeKind::Str(s) => Msg::new("found-str").arg("value", truncate(s, 40)),
            NodeKind::Seq(_) => Msg::new("found-seq"),
            NodeKind::Map(_) => Msg::new("found-map"),
        }
    }

    /// [`NodeKind::kind_name`] as a message, for any language.
    #[must_use]
    pub fn kind_name_msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            NodeKind::Null => Msg::new("found-null"),
            NodeKind::Bool(_) => Msg::new("kind-bool"),
            NodeKind::Int(_) => Msg::new("kind-int"),
            NodeKind::Float(..) => Msg::new("kind-float"),
            NodeKind::Str(_) => Msg::new("kind-str"),
            NodeKind::Seq(_) => Msg::new("found-seq"),
            NodeKind::Map(_) => Msg::new("found-map"),
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
