//! YAML text out: the one writer for what shouldtune saves and prints
//! (`rules show --format yaml`, the descriptors `ask` and `init` write).
//!
//! A string is written plain only when the loader reads that plain scalar
//! back as the same string (the decision asks the loader's own YAML 1.2
//! core-schema resolver, so `null`, `true`, `0x10`, `~` and `1e3` are
//! quoted), and double-quoted otherwise.

use std::fmt::Write as _;

use granit_parser::ScalarStyle;

use super::events::resolve;
use super::{Node, NodeKind};

/// `text` as a YAML scalar: plain when that reads back as the same string,
/// else double-quoted. Safe in block and flow context (as a value, a key or a list item).
#[must_use]
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) { text.to_owned() } else { quote(text) }
}

/// Whether `text`, written plain, loads back as the string `text` in any context:
/// a letter or digit first, then only letters, digits, spaces and `_-./()+=`,
/// no space at either end, and not a null, boolean or number to the resolver.
fn is_plain_safe(text: &str) -> bool {
    let first_ok = text.chars().next().is_some_and(char::is_alphanumeric);
    let chars_ok = text.chars().all(|c| {
        c.is_alphanumeric() && !crate::text::needs_escape(c)
            || matches!(c, ' ' | '_' | '-' | '.' | '/' | '(' | ')' | '+' | '=')
    });
    first_ok
        && chars_ok
        && !text.ends_with(' ')
        && matches!(resolve(text, ScalarStyle::Plain), NodeKind::Str(s) if s == text)
}

/// A YAML double-quoted scalar. JSON string syntax is valid YAML
/// double-quoted syntax; characters YAML does not allow in a file (DEL, C1
/// controls) and invisible or reordering ones are written as `\uXXXX`
/// escapes, so the file loads again and shows what it holds.
#[must_use]
pub fn quote(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if crate::text::needs_escape(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}') {
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for a one-line comment: whitespace runs (line breaks included)
/// become one space, and control and invisible characters visible escapes,
/// so the comment neither ends early nor holds a character YAML refuses.
#[must_use]
pub fn one_line(text: &str) -> String {
    crate::text::sanitize(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `[a, b, c]`: each item a [`scalar`].
#[must_use]
pub fn flow_list<'t>(items: impl IntoIterator<Item = &'t str>) -> String {
    format!("[{}]", items.into_iter().map(scalar).collect::<Vec<_>>().join(", "))
}

/// A node in YAML flow syntax, as read: strings double-quoted, numbers as
/// written in the file (so `1.10` stays `1.10`), mapping keys through [`key`].
#[must_use]
pub fn flow(node: &Node) -> String {
    match &node.kind {
        NodeKind::Null => "null".to_owned(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Int(i) => i.to_string(),
        // A plain number as written: digits, sign, point, exponent, `.inf`.
        NodeKind::Float(_, written) => written.to_string(),
        NodeKind::Str(s) => quote(s),
        NodeKind::Seq(items) => format!("[{}]", items.iter().map(flow).collect::<Vec<_>>().join(", ")),
        NodeKind::Map(fields) => format!(
            "{{{}}}",
            fields.iter().map(|(k, v)| format!("{}: {}", key(k), flow(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// A mapping key as read: a string key through [`scalar`] (plain when that reads back the same), others in [`flow`] syntax.
#[must_use]
pub fn key(node: &Node) -> String {
    match &node.kind {
        NodeKind::Str(s) => scalar(s),
        _ => flow(node),
    }
}

/// Strings the resolver or the YAML syntax treats specially, for tests of every writer.
#[cfg(test)]
pub(crate) const TRICKY: &[&str] = tests::TRICKY_STRINGS;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{flow, quote, scalar};
    use crate::load::{Limits, NodeKind, parse_document};
    use crate::source::SourceFile;

    /// Strings the resolver or the YAML syntax treats specially.
    pub(crate) const TRICKY_STRINGS: &[&str] = &[
        "null",
        "Null",
        "NULL",
        "~",
        "true",
        "True",
        "false",
        "FALSE",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "0x10",
        "0o17",
        "017",
        "1e3",
        "-1",
        "+1",
        ".5",
        "1.",
        ".inf",
        "-.Inf",
        ".nan",
        "1_000",
        "",
        " ",
        " a",
        "a ",
        "#",
        "a #b",
        "a#b",
        ": ",
        "a: b",
        "a:b",
        "-",
        "- a",
        "?",
        "? a",
        "'",
        "\"",
        "it's",
        "say \"hi\"",
        "\\",
        "a\nb",
        "\n",
        "\t",
        "a\tb",
        "日本語",
        "é",
        "[a]",
        "{a: b}",
        "a, b",
        "&a",
        "*a",
        "!tag",
        "|",
        ">",
        "%",
        "@",
        "`",
        "---",
        "...",
        "\u{2028}",
        "\u{85}",
        "\u{7f}",
        "\u{feff}x",
        "\u{202e}x",
    ];

    fn tricky() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(TRICKY_STRINGS).prop_map(str::to_owned),
            "\\PC{0,12}",
            "[a-z0-9 :#'\"\\-\n]{0,8}",
        ]
    }

    fn reload(text: &str) -> NodeKind {
        let source =
            SourceFile::new("t.yaml", format!("k: {text}\nl: [{text}, x]\nm:\n  {text}: 1\nf: {{{text}: 1}}\n"));
        let root = parse_document(&source, Limits::default()).unwrap_or_else(|d| panic!("{d}\n{}", source.text()));
        let NodeKind::Map(entries) = root.kind else { panic!("not a map") };
        let NodeKind::Seq(items) = &entries[1].1.kind else { panic!("not a list") };
        assert_eq!(items[0].kind, entries[0].1.kind);
        for map in [&entries[2].1, &entries[3].1] {
            let NodeKind::Map(keys) = &map.kind else { panic!("not a map") };
            assert_eq!(keys[0].0.kind, entries[0].1.kind);
        }
        entries[0].1.kind.clone()
    }

    #[test]
    fn every_tricky_string_reads_back_as_itself() {
        for text in TRICKY_STRINGS {
            assert_eq!(reload(&scalar(text)), NodeKind::Str((*text).to_owned()), "{text:?} as {}", scalar(text));
            assert_eq!(reload(&quote(text)), NodeKind::Str((*text).to_owned()), "{text:?}");
        }
        assert_eq!(scalar("gpt-35-turbo"), "gpt-35-turbo");
        assert_eq!(scalar("null"), "\"null\"");
    }

    proptest! {
        #[test]
        fn any_string_reads_back_as_itself(text in tricky()) {
            prop_assert_eq!(reload(&scalar(&text)), NodeKind::Str(text.clone()));
        }

        #[test]
        fn a_node_written_in_flow_syntax_reads_back_equal(items in prop::collection::vec(tricky(), 0..4), n in any::<i64>()) {
            let text = format!("k: {{a: [{}], b: {n}, c: null, d: true, e: 1.10}}\n", items.iter().map(|s| scalar(s)).collect::<Vec<_>>().join(", "));
            let root = parse_document(&SourceFile::new("t.yaml", text), Limits::default()).map_err(|d| TestCaseError::fail(d.to_string()))?;
            let NodeKind::Map(entries) = &root.kind else { return Err(TestCaseError::fail("not a map")) };
            let again = parse_document(&SourceFile::new("u.yaml", format!("k: {}\n", flow(&entries[0].1))), Limits::default()).map_err(|d| TestCaseError::fail(d.to_string()))?;
            let NodeKind::Map(again) = &again.kind else { return Err(TestCaseError::fail("not a map")) };
            prop_assert_eq!(strip(&again[0].1.kind), strip(&entries[0].1.kind));
        }
    }

    /// The node's value without positions.
    fn strip(kind: &NodeKind) -> String {
        match kind {
            NodeKind::Seq(items) => format!("[{}]", items.iter().map(|i| strip(&i.kind)).collect::<Vec<_>>().join(",")),
            NodeKind::Map(fields) => format!(
                "{{{}}}",
                fields
                    .iter()
                    .map(|(k, v)| format!("{}:{}", strip(&k.kind), strip(&v.kind)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            NodeKind::Float(_, written) => format!("F{written}"),
            other => format!("{other:?}"),
        }
    }
}
