//! Builds the spanned tree straight from the YAML parser's events.
//!
//! Going through serde with `Spanned<T>` costs two source locations per
//! node; the parser's events already carry byte offsets, lines and columns,
//! so the tree is built from them directly, iteratively (no recursion, so no
//! stack to exhaust), with YAML 1.2 core-schema scalars, duplicate-key
//! detection, and budgets on nesting and alias expansion.

use std::collections::{HashMap, HashSet};

use granit_parser::{Event, Options, Parser, ScalarStyle};

use super::{Node, NodeKind, Span};
use crate::i18n::Msg;

/// Why a document could not be turned into a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BuildError {
    /// What went wrong (the parser's own words are English whatever the language).
    pub message: Msg,
    /// Where (1-based line and column).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Whether it is a repeated key (a different code from syntax errors).
    pub duplicate_key: bool,
}

/// Most nodes aliases may expand to, in total.
const MAX_ALIAS_NODES: usize = 10_000;

enum Frame {
    Seq {
        span: Span,
        items: Vec<Node>,
        anchor: usize,
    },
    /// `seen` holds each key's identity once, for duplicate detection in linear time
    /// (filled from [`INDEXED_FROM`] entries on).
    Map {
        span: Span,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        anchor: usize,
        seen: Option<HashSet<String>>,
    },
}

/// Parses `text` (one YAML document) into a tree whose containers nest at
/// most `max_depth` levels.
pub(crate) fn build(text: &str, max_depth: usize) -> Result<Node, BuildError> {
    let mut options = Options::default();
    options.flow_nesting_limit = max_depth;
    options.block_nesting_limit = max_depth;
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut alias_nodes = 0_usize;
    let mut root: Option<Node> = None;
    let mut documents = 0;
    for item in &mut parser {
        let (event, span) = item.map_err(|e| BuildError {
            message: Msg::new("yaml-parser-error").arg("text", lowercase_first(e.info().trim_end_matches('.'))),
            line: e.marker().line().max(1),
            column: e.marker().col() + 1,
            duplicate_key: false,
        })?;
        let at = to_span(text, &span);
        let fail = |message: Msg| BuildError { message, line: at.line, column: at.column, duplicate_key: false };
        let node = match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(fail(Msg::new("yaml-several-documents")));
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if tag.is_some() {
                    return Err(fail(Msg::new("yaml-tags")));
                }
                let node = Node { span: at, kind: resolve(&value, style) };
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::SequenceStart(_, anchor, tag) | Event::MappingStart(_, anchor, tag) if tag.is_some() => {
                let _ = anchor;
                return Err(fail(Msg::new("yaml-tags")));
            }
            Event::SequenceStart(_, anchor, _) => {
                stack.push(Frame::Seq { span: at, items: Vec::new(), anchor });
                continue;
            }
            Event::MappingStart(_, anchor, _) => {
                stack.push(Frame::Map { span: at, entries: Vec::new(), key: None, anchor, seen: None });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let (node, anchor) = match frame {
                    Frame::Seq { span, items, anchor } => {
                        (Node { span: close(span, at), kind: NodeKind::Seq(items) }, anchor)
                    }
                    Frame::Map { span, entries, anchor, .. } => {
                        (Node { span: close(span, at), kind: NodeKind::Map(entries) }, anchor)
                    }
                };
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err(fail(Msg::new("yaml-alias-undefined")));
                };
                alias_nodes += count_nodes(target);
                if alias_nodes > MAX_ALIAS_NODES {
                    return Err(fail(Msg::new("yaml-alias-limit").arg("max", MAX_ALIAS_NODES)));
                }
                Node { span: at, kind: target.kind.clone() }
            }
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, seen, .. }) => match key.take() {
                None => {
                    if is_duplicate(entries, seen, &node.kind) {
                        return Err(BuildError {
                            message: Msg::new("yaml-duplicate-key").arg("key", key_text(&node.kind)),
                            line: node.span.line,
                            column: node.span.column,
                            duplicate_key: true,
                        });
                    }
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
    }
    Ok(root.unwrap_or(Node { span: Span::START, kind: NodeKind::Null }))
}

fn to_span(text: &str, span: &granit_parser::Span) -> Span {
    let offset = span.start.byte_offset().unwrap_or_else(|| char_to_byte(text, span.start.index()));
    let end = span.end.byte_offset().unwrap_or_else(|| char_to_byte(text, span.end.index()));
    Span { offset, len: end.saturating_sub(offset), line: span.start.line().max(1), column: span.start.col() + 1 }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

/// A container's span runs from its start to the end of its closing event.
fn close(start: Span, end: Span) -> Span {
    Span { len: (end.offset + end.len).saturating_sub(start.offset), ..start }
}

fn count_nodes(node: &Node) -> usize {
    let mut count = 0;
    let mut pending = vec![node];
    while let Some(n) = pending.pop() {
        count += 1;
        match &n.kind {
            NodeKind::Seq(items) => pending.extend(items),
            NodeKind::Map(entries) => pending.extend(entries.iter().flat_map(|(k, v)| [k, v])),
            _ => {}
        }
    }
    count
}

/// Small mappings (all of a descriptor's) are compared key by key without
/// allocating; from [`INDEXED_FROM`] entries on, a set of identities keeps it
/// linear for every kind of key (floats and collections included).
const INDEXED_FROM: usize = 16;

fn is_duplicate(entries: &[(Node, Node)], seen: &mut Option<HashSet<String>>, key: &NodeKind) -> bool {
    if entries.len() < INDEXED_FROM {
        return entries.iter().any(|(k, _)| same_key(&k.kind, key));
    }
    let seen = seen.get_or_insert_with(|| entries.iter().map(|(k, _)| key_identity(&k.kind)).collect());
    !seen.insert(key_identity(key))
}

fn same_key(a: &NodeKind, b: &NodeKind) -> bool {
    match (a, b) {
        (NodeKind::Str(x), NodeKind::Str(y)) => x == y,
        (NodeKind::Int(x), NodeKind::Int(y)) => x == y,
        (NodeKind::Bool(x), NodeKind::Bool(y)) => x == y,
        (NodeKind::Null, NodeKind::Null) => true,
        (NodeKind::Float(x, _), NodeKind::Float(y, _)) => float_bits(*x) == float_bits(*y),
        (NodeKind::Seq(_) | NodeKind::Map(_), NodeKind::Seq(_) | NodeKind::Map(_)) => {
            key_identity(a) == key_identity(b)
        }
        _ => false,
    }
}

/// A float key's identity: `0.0` and `-0.0` are one key, and so are all NaNs.
fn float_bits(f: f64) -> u64 {
    if f.is_nan() {
        f64::NAN.to_bits()
    } else if f == 0.0 {
        0
    } else {
        f.to_bits()
    }
}

/// A key's identity (kind and value), for every kind of key. A collection's
/// is written out in full; its size is bounded by the text and the alias budget.
fn key_identity(kind: &NodeKind) -> String {
    let mut out = String::new();
    write_identity(kind, &mut out);
    out
}

fn write_identity(kind: &NodeKind, out: &mut String) {
    use std::fmt::Write as _;
    // Lengths before strings keep the encoding unambiguous.
    let _ = match kind {
        NodeKind::Str(s) => write!(out, "s{}:{s}", s.len()),
        NodeKind::Int(i) => write!(out, "i{i};"),
        NodeKind::Bool(b) => write!(out, "b{b};"),
        NodeKind::Null => write!(out, "n;"),
        NodeKind::Float(f, _) => write!(out, "f{};", float_bits(*f)),
        NodeKind::Seq(items) => {
            let _ = write!(out, "[{};", items.len());
            for item in items {
                write_identity(&item.kind, out);
            }
            Ok(())
        }
        NodeKind::Map(entries) => {
            let _ = write!(out, "{{{};", entries.len());
            for (k, v) in entries {
                write_identity(&k.kind, out);
                write_identity(&v.kind, out);
            }
            Ok(())
        }
    };
}

fn key_text(kind: &NodeKind) -> String {
    match kind {
        NodeKind::Str(s) => s.clone(),
        NodeKind::Int(i) => i.to_string(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Float(_, written) => written.to_string(),
        NodeKind::Null => "null".to_owned(),
        NodeKind::Seq(_) | NodeKind::Map(_) => "(a collection)".to_owned(),
    }
}

/// YAML 1.2 core schema: plain scalars may be null, booleans, integers or
/// floats; quoted and block scalars are always strings.
pub(super) fn resolve(v: &str, style: ScalarStyle) -> NodeKind {
    if style != ScalarStyle::Plain {
        return NodeKind::Str(v.to_owned());
    }
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return NodeKind::Float(f64::INFINITY, v.into()),
        "-.inf" | "-.Inf" | "-.INF" => return NodeKind::Float(f64::NEG_INFINITY, v.into()),
        ".nan" | ".NaN" | ".NAN" => return NodeKind::Float(f64::NAN, v.into()),
        _ => {}
    }
    if let Some(kind) = integer(v) {
        return kind;
    }
    if is_float(v)
        && let Ok(f) = v.parse::<f64>()
    {
        return NodeKind::Float(f, v.into());
    }
    NodeKind::Str(v.to_owned())
}

fn integer(v: &str) -> Option<NodeKind> {
    let (digits, radix) = if let Some(hex) = v.strip_prefix("0x") {
        (hex, 16)
    } else if let Some(octal) = v.strip_prefix("0o") {
        (octal, 8)
    } else {
        let unsigned = v.strip_prefix(['-', '+']).unwrap_or(v);
        if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some(match v.parse::<i64>() {
            Ok(i) => NodeKind::Int(i),
            // Too large for 64 bits: a number all the same, reported as such.
            Err(_) => NodeKind::Float(v.parse::<f64>().unwrap_or(f64::INFINITY), v.into()),
        });
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(i64::from_str_radix(digits, radix).map_or_else(|_| NodeKind::Float(f64::INFINITY, v.into()), NodeKind::Int))
}

fn is_float(v: &str) -> bool {
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    let (mantissa, exponent) = match v.find(['e', 'E']) {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, frac)) => {
            whole.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && !(whole.is_empty() && frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !chars.as_str().starts_with(char::is_uppercase) => {
            first.to_lowercase().collect::<String>() + chars.as_str()
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> NodeKind {
        match build(&format!("a: {text}\n"), 24).map(|n| n.kind) {
            Ok(NodeKind::Map(mut entries)) => entries.remove(0).1.kind,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scalars_follow_the_yaml_1_2_core_schema() {
        assert_eq!(kind("~"), NodeKind::Null);
        assert_eq!(kind(""), NodeKind::Null);
        assert_eq!(kind("True"), NodeKind::Bool(true));
        assert_eq!(kind("no"), NodeKind::Str("no".into()));
        assert_eq!(kind("y"), NodeKind::Str("y".into()));
        assert_eq!(kind("-12"), NodeKind::Int(-12));
        assert_eq!(kind("0x1F"), NodeKind::Int(31));
        assert_eq!(kind("0o17"), NodeKind::Int(15));
        assert_eq!(kind("1.5e3"), NodeKind::Float(1500.0, "1.5e3".into()));
        assert_eq!(kind(".5"), NodeKind::Float(0.5, ".5".into()));
        assert_eq!(kind("\"12\""), NodeKind::Str("12".into()));
        assert_eq!(kind("'true'"), NodeKind::Str("true".into()));
        assert_eq!(kind("1_000"), NodeKind::Str("1_000".into()));
        assert_eq!(kind("12abc"), NodeKind::Str("12abc".into()));
        assert!(matches!(kind("99999999999999999999"), NodeKind::Float(..)));
    }

    #[test]
    fn rejects_duplicates_tags_many_documents_and_alias_bombs() {
        assert!(build("a: 1\na: 2\n", 24).is_err_and(|e| e.duplicate_key && e.line == 2));
        assert!(build(".1: 0\n0.1: 1\n", 24).is_err_and(|e| e.duplicate_key && e.line == 2));
        assert!(build("? [a, {b: 1}]\n: 0\n? [a, {b: 1}]\n: 1\n", 24).is_err_and(|e| e.duplicate_key && e.line == 3));
        assert!(build("? [a, b]\n: 0\n? [ab]\n: 1\n", 24).is_ok());
        // Past the small-mapping threshold, the index finds float and collection keys too.
        let many: String = (0..40).fold(String::new(), |s, i| s + &i.to_string() + ".5: 0\n");
        assert!(build(&format!("{many}3.5: 1\n"), 24).is_err_and(|e| e.duplicate_key && e.line == 41));
        let lists: String = (0..40).fold(String::new(), |s, i| s + "? [" + &i.to_string() + "]\n: 0\n");
        assert!(build(&format!("{lists}? [7]\n: 1\n"), 24).is_err_and(|e| e.duplicate_key && e.line == 81));
        assert!(build(&format!("{lists}? [7, 7]\n: 1\n"), 24).is_ok());
        assert!(build("a: !!str 1\n", 24).is_err());
        assert!(build("a: 1\n---\nb: 2\n", 24).is_err());
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb = format!("{bomb}a{i}: &a{i} [{refs}]\n");
        }
        assert!(build(&bomb, 24).is_err_and(|e| e.message.render(crate::i18n::Lang::En).contains("aliases expand")));
        let small = "base: &b {x: 1}\nother: *b\n";
        assert!(build(small, 24).is_ok());
    }
}
