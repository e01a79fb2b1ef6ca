//! Shared helpers for the human-readable renderers: styling, wrapping and escaping.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Effects, Style as AnsiStyle};

/// Whether output may carry ANSI colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Emit ANSI escapes.
    pub color: bool,
    /// Columns to wrap text to.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style::PLAIN
    }
}

impl Style {
    /// Plain text, no escapes.
    pub const PLAIN: Style = Style { color: false, width: Style::DEFAULT_WIDTH };

    /// Columns when nothing says otherwise.
    pub const DEFAULT_WIDTH: usize = 80;

    /// The width text wraps to: at least 40 columns, so indented text stays readable.
    #[must_use]
    pub fn columns(self) -> usize {
        self.width.max(40)
    }

    fn paint(self, style: AnsiStyle, text: &str) -> String {
        if self.color { format!("{style}{text}{style:#}") } else { text.to_owned() }
    }

    /// Bold.
    #[must_use]
    pub fn strong(self, text: &str) -> String {
        self.paint(AnsiStyle::new().effects(Effects::BOLD), text)
    }

    /// Green and bold: the recommendation.
    #[must_use]
    pub fn good(self, text: &str) -> String {
        self.paint(AnsiStyle::new().fg_color(Some(AnsiColor::Green.into())).effects(Effects::BOLD), text)
    }

    /// Red: errors and vetoes.
    #[must_use]
    pub fn bad(self, text: &str) -> String {
        self.paint(AnsiStyle::new().fg_color(Some(AnsiColor::Red.into())), text)
    }

    /// Yellow: warnings and assumptions.
    #[must_use]
    pub fn warn(self, text: &str) -> String {
        self.paint(AnsiStyle::new().fg_color(Some(AnsiColor::Yellow.into())), text)
    }

    /// Dimmed: sources and secondary details.
    #[must_use]
    pub fn dim(self, text: &str) -> String {
        self.paint(AnsiStyle::new().effects(Effects::DIMMED), text)
    }
}

/// Whether `title` already names `id` in parentheses (`検索拡張生成 (RAG)` names `rag`), so
/// showing the id after it would repeat it.
#[must_use]
pub fn names_id(title: &str, id: &str) -> bool {
    title.to_lowercase().contains(&format!("({})", id.to_lowercase()))
}

/// `Title (id)`, or the title alone when it already names the id.
#[must_use]
pub fn titled(title: &str, id: &str) -> String {
    if names_id(title, id) { title.to_owned() } else { format!("{title} ({id})") }
}

/// Escapes untrusted text for a terminal or a log: control characters (C0,
/// DEL, C1: escape sequences, OSC, BEL), bidirectional overrides and
/// zero-width characters become visible `\u{..}` escapes, so the text cannot
/// restyle a terminal, hide or reorder what it shows, or forge extra lines;
/// line breaks and tabs become spaces.
#[must_use]
pub fn sanitize(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    out
}

/// Like [`sanitize`], but line breaks too are shown as escapes: for names
/// (keys, ids, paths) where a space would be a different name.
#[must_use]
pub fn sanitize_name(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => push_visible(&mut out, c),
        }
    }
    out
}

/// Like [`sanitize`], but line breaks and tabs are kept: for formats that
/// escape those themselves (GitHub workflow commands).
#[must_use]
pub fn sanitize_keep_lines(text: &str) -> String {
    if text.bytes().all(|b| matches!(b, b'\n' | b'\r' | b'\t' | b' ') || b.is_ascii_graphic()) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(c),
            c => push_visible(&mut out, c),
        }
    }
    out
}

/// Whether `c` needs escaping before it reaches a terminal: controls, and
/// format characters that reorder or hide text.
#[must_use]
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Whether no character of `text` [`needs_escape`]. Printable ASCII, most
/// of what is shown, is checked a byte at a time without decoding.
fn is_plain(text: &str) -> bool {
    // The first byte that is not printable ASCII starts a character.
    let ascii = text.bytes().position(|b| !(b' '..=b'~').contains(&b)).unwrap_or(text.len());
    !text[ascii..].chars().any(needs_escape)
}

/// Bidirectional embeddings, overrides and isolates; zero-width and other
/// invisible format characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{00AD}' | '\u{180E}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        // Line and paragraph separators end a line in some terminals and log viewers.
        | '\u{2028}' | '\u{2029}')
}

fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' | '\r' | '\t' => out.push(' '),
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Columns `text` takes on a terminal: double-width (East Asian wide and
/// fullwidth) characters count two, combining marks none.
#[must_use]
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Greedy word wrap to `width` display columns, each line prefixed with
/// `indent`. Lines break at spaces and, in Japanese and other text written
/// without spaces, between double-width characters, except before closing
/// punctuation (`、` `。` `）` `」`) or after opening brackets (`（` `「`).
/// A single unbreakable word wider than `width` (a URL) gets a line of its own.
#[must_use]
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = Lines { out: String::with_capacity(text.len() + text.len() / 8), width, indent, line_width: None };
    each_piece(text, |piece, piece_width, starts_word| lines.push(piece, piece_width, starts_word));
    if lines.line_width.is_some() {
        lines.out.push('\n');
    }
    lines.out
}

/// Hands `place` each piece of `text` a line may start with, in order: its
/// text, its width in columns, and whether it starts a word (a space goes
/// before it unless it starts a line). Japanese has no spaces, so its words
/// break between characters ([`breakable_pieces`]); printable ASCII (most
/// English text) takes a column a byte and never breaks inside a word, so the
/// width tables and the line-breaking rules need not be consulted for it.
fn each_piece<'t>(text: &'t str, mut place: impl FnMut(&'t str, usize, bool)) {
    for word in text.split_whitespace() {
        if word.bytes().all(|b| b.is_ascii_graphic()) {
            place(word, word.len(), true);
            continue;
        }
        for (i, piece) in breakable_pieces(word).into_iter().enumerate() {
            place(piece, display_width(piece), i == 0);
        }
    }
}

/// The lines [`wrap`] has made, the last one still being filled. Pieces are
/// written straight to `out`: a line is never copied once made.
struct Lines<'a> {
    out: String,
    width: usize,
    indent: &'a str,
    /// Columns of the line being filled, `None` before its first piece.
    line_width: Option<usize>,
}

impl Lines<'_> {
    /// Adds `piece` (`piece_width` columns) to the line, after a space if it
    /// starts a word, on a new line if it would not fit in `width`.
    fn push(&mut self, piece: &str, piece_width: usize, starts_word: bool) {
        let line_width = match self.line_width {
            Some(used) if used + usize::from(starts_word) + piece_width > self.width => {
                self.out.push('\n');
                None
            }
            Some(used) if starts_word => {
                self.out.push(' ');
                Some(used + 1)
            }
            other => other,
        };
        let used = line_width.unwrap_or_else(|| {
            self.out.push_str(self.indent);
            0
        });
        self.out.push_str(piece);
        self.line_width = Some(used + piece_width);
    }
}

/// `word` cut where a line may break inside it: between two characters of
/// which one is double-width, unless line-breaking rules (kinsoku) forbid it.
pub(crate) fn breakable_pieces(word: &str) -> Vec<&str> {
    const NO_START: &str =
        "、。，．・：；？！ー）」』】〕〉》］｝,.:;!?)]}”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…";
    const NO_END: &str = "（「『【〔〈《［｛([{“‘";
    let wide = |c: char| unicode_width::UnicodeWidthChar::width(c) == Some(2);
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (offset, c) in word.char_indices() {
        if let Some(p) = previous
            && (wide(p) || wide(c))
            && !NO_START.contains(c)
            && !NO_END.contains(p)
        {
            pieces.push(&word[start..offset]);
            start = offset;
        }
        previous = Some(c);
    }
    pieces.push(&word[start..]);
    pieces
}

/// Escapes text for inline Markdown: every character with inline Markdown or
/// HTML meaning is escaped, and line breaks become spaces so user text
/// cannot start a heading, a list or a table row.
///
/// Mentions and bare links are neutralised too, so a pull-request comment
/// cannot ping the people or teams a descriptor or rule names, nor turn an
/// address in its text into a link: an empty HTML comment is put after every
/// `@` (`@<!-- -->user`, the form GitHub documents for this; it renders as
/// `@user`, visibly, with no invisible character in the text) and before
/// the `:` of `http:`/`https:` and the `.` of `www.`, which splits the
/// text GitHub scans for mentions and autolinks. Links we mean to show are
/// written with [`markdown_link`].
#[must_use]
pub fn escape_markdown(text: &str) -> String {
    const BREAK: &str = "<!-- -->";
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let ends_with = |tail: &str| {
            out.len() >= tail.len() && out.as_bytes()[out.len() - tail.len()..].eq_ignore_ascii_case(tail.as_bytes())
        };
        match c {
            '@' => {
                out.push('@');
                out.push_str(BREAK);
            }
            ':' if ends_with("http") || ends_with("https") => {
                out.push_str(BREAK);
                out.push(':');
            }
            '.' if ends_with("www") => {
                out.push_str(BREAK);
                out.push('.');
            }
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '|' | '~' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if needs_escape(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\\\u\\{{{:x}\\}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and double- or single-quoted
/// attribute values; control characters other than line breaks and tabs are dropped.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The first `http://` or `https://` address in `text`, if any, without trailing punctuation.
#[must_use]
pub fn first_url(text: &str) -> Option<&str> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let rest = &text[start..];
    let end = rest.find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | ')')).unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
    (url.len() > "https://".len()).then_some(url)
}

/// A Markdown link `[title](<url>)` that neither text can break out of: the
/// title is escaped like any inline text, and the destination, in angle
/// brackets, has its Markdown punctuation backslash-escaped and whitespace,
/// control and non-ASCII characters percent-encoded.
#[must_use]
pub fn markdown_link(title: &str, url: &str) -> String {
    let mut destination = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() {
            if matches!(c, '<' | '>' | '\\' | '&' | '(' | ')' | '[' | ']' | '`' | '*' | '_' | '|' | '"' | '\'') {
                destination.push('\\');
            }
            destination.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                let _ = write!(destination, "%{byte:02X}");
            }
        }
    }
    format!("[{}](<{destination}>)", escape_markdown(title))
}

/// Inline Markdown for our own messages, which quote values in backticks:
/// each backtick-quoted part stays a code span (whose content Markdown shows
/// literally), everything else is escaped as by [`escape_markdown`].
///
/// The quoted values come from files, so a span's content is made safe too:
/// line breaks become spaces, control and invisible characters are shown as
/// `\u{..}` escapes and `|` is escaped, which keeps table rows and list
/// items whole. A stray backtick can only make a part show as code.
#[must_use]
pub fn markdown_with_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let parts: Vec<&str> = text.split('`').collect();
    let closed = parts.len() % 2 == 1;
    for (index, part) in parts.iter().enumerate() {
        let is_code = index % 2 == 1 && (closed || index + 1 < parts.len());
        if !is_code {
            if index % 2 == 1 {
                // An unmatched backtick: show it as a character.
                out.push_str("\\`");
            }
            out.push_str(&escape_markdown(part));
            continue;
        }
        // Line breaks become spaces; controls and invisible characters are shown as escapes.
        let content = sanitize(part).replace('|', "\\|");
        if content.trim().is_empty() {
            out.push_str("\\`\\`");
            continue;
        }
        out.push('`');
        out.push_str(&content);
        out.push('`');
    }
    out
}

/// `head` (a location, a severity: each part `(plain, styled)` kept whole)
/// then `text`, word-wrapped to `width` columns, continuation lines starting
/// with `indent`. A word longer than a line (a URL, a long path) stays whole.
#[must_use]
pub fn hanging(head: &[(&str, &str)], text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut column = 0;
    let indent_width = display_width(indent);
    // Puts `styled` (`len` columns) on the line, after a space if `spaced`, or on a new line.
    let mut place = |len: usize, styled: &str, spaced: bool| {
        let gap = usize::from(spaced);
        if column == 0 {
            column = len;
        } else if column + gap + len <= width || column <= indent_width {
            if spaced {
                out.push(' ');
            }
            column += gap + len;
        } else {
            out.push('\n');
            out.push_str(indent);
            column = indent_width + len;
        }
        out.push_str(styled);
    };
    for &(plain, styled) in head.iter().filter(|(plain, _)| !plain.is_empty()) {
        place(display_width(plain), styled, true);
    }
    each_piece(text, |piece, len, starts_word| place(len, piece, starts_word));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Wrapping as first written: each line gathered in a string of its own,
    /// then copied out. [`wrap`] must give the same text.
    fn wrap_by_whole_lines(text: &str, width: usize, indent: &str) -> String {
        let (mut out, mut line, mut line_width) = (String::new(), String::new(), 0);
        for word in text.split_whitespace() {
            for (i, piece) in breakable_pieces(word).into_iter().enumerate() {
                let starts_word = i == 0;
                let space = usize::from(starts_word && !line.is_empty());
                if !line.is_empty() && line_width + space + display_width(piece) > width {
                    out.extend([indent, line.as_str(), "\n"]);
                    line.clear();
                    line_width = 0;
                }
                if starts_word && !line.is_empty() {
                    line.push(' ');
                    line_width += 1;
                }
                line.push_str(piece);
                line_width += display_width(piece);
            }
        }
        if !line.is_empty() {
            out.extend([indent, line.as_str(), "\n"]);
        }
        out
    }

    proptest! {
        #[test]
        fn wrapping_writes_the_lines_it_would_have_gathered(
            text in "[a-z A-Z.,\n\t\u{3000}あいう、。「」漢字\u{301}é-]{0,80}",
            width in 1_usize..24,
            indent in "[ >]{0,3}",
        ) {
            prop_assert_eq!(wrap(&text, width, &indent), wrap_by_whole_lines(&text, width, &indent));
        }

        #[test]
        fn the_ascii_shortcut_escapes_what_the_character_test_escapes(
            text in "[ -~\u{0}-\u{1f}\u{7f}-\u{a0}\u{ad}\u{200b}-\u{202e}\u{2066}é漢]{0,40}",
        ) {
            prop_assert_eq!(is_plain(&text), !text.chars().any(needs_escape));
        }
    }

    #[test]
    fn a_title_that_names_its_id_is_not_followed_by_it() {
        assert_eq!(titled("検索拡張生成 (RAG)", "rag"), "検索拡張生成 (RAG)");
        assert_eq!(titled("Retrieval-augmented generation", "rag"), "Retrieval-augmented generation (rag)");
        assert_eq!(titled("Fine-tuning", "fine_tuning"), "Fine-tuning (fine_tuning)");
        // Only the id in parentheses counts, not the word inside another.
        assert_eq!(titled("Storage planning", "rag"), "Storage planning (rag)");
    }

    #[test]
    fn our_code_spans_stay_code_and_their_content_cannot_break_out() {
        assert_eq!(markdown_with_code("planned `fine_tuning`, not *x*"), "planned `fine_tuning`, not \\*x\\*");
        assert_eq!(markdown_with_code("key `a|b\n# h` <i>"), "key `a\\|b # h` &lt;i\\>");
        assert_eq!(markdown_with_code("odd ` tick"), "odd \\` tick");
        assert_eq!(markdown_with_code("empty `` span"), "empty \\`\\` span");
        assert_eq!(markdown_with_code("`<script>`"), "`<script>`");
    }

    #[test]
    fn mentions_and_bare_links_are_neutralised_visibly() {
        assert_eq!(escape_markdown("ping @alice and @org/team"), "ping @<!-- -->alice and @<!-- -->org/team");
        assert_eq!(
            escape_markdown("see HTTPS://x.test or www.x.test"),
            "see HTTPS<!-- -->://x.test or www<!-- -->.x.test"
        );
        assert_eq!(escape_markdown("a@b.test"), "a@<!-- -->b.test");
        assert_eq!(markdown_with_code("`@alice` @bob"), "`@alice` @<!-- -->bob");
        assert!(!escape_markdown("@x https://y").chars().any(needs_escape), "nothing invisible");
    }

    #[test]
    fn wrap_breaks_at_width_and_indents() {
        assert_eq!(wrap("aa bb cc dd", 5, "  "), "  aa bb\n  cc dd\n");
        assert_eq!(wrap("", 5, "  "), "");
    }

    #[test]
    fn wrap_measures_display_width_and_breaks_japanese_between_characters() {
        assert_eq!(display_width("ファイン"), 8);
        assert_eq!(display_width("RAG は"), 6);
        // Ten double-width characters are twenty columns: two lines of at most ten.
        assert_eq!(wrap("あいうえおかきくけこ", 10, ""), "あいうえお\nかきくけこ\n");
        // Closing punctuation never starts a line; an opening bracket never ends one.
        assert_eq!(wrap("あいうえ、おか", 8, ""), "あいう\nえ、おか\n");
        assert_eq!(wrap("あいう「えお」", 8, ""), "あいう\n「えお」\n");
        // Spaces between Latin and Japanese words are kept where the line does not break.
        assert_eq!(wrap("RAG は検索です", 10, "  "), "  RAG は検索\n  です\n");
        for line in wrap(
            "評価用に取り分けた例で目標に届かないプロンプトは、ガイダンスがファインチューニングの出番とする状況です。",
            30,
            "    ",
        )
        .lines()
        {
            assert!(display_width(line) <= 34, "{line}");
        }
        // English is unchanged: words only break at spaces.
        assert_eq!(wrap("fine-tuning teaches", 12, ""), "fine-tuning\nteaches\n");
    }

    #[test]
    fn markdown_escaping_neutralises_structure() {
        assert_eq!(escape_markdown("a|b\n# c <x>"), "a\\|b \\# c &lt;x\\>");
        assert_eq!(escape_markdown("[link](http://x) *a*"), "\\[link\\]\\(http<!-- -->://x\\) \\*a\\*");
    }

    #[test]
    fn html_escaping_covers_markup_and_both_quotes() {
        assert_eq!(
            escape_html("<a href='x' title=\"y\">&</a>\u{1b}"),
            "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn first_url_stops_at_spaces_and_trailing_punctuation() {
        assert_eq!(first_url("see https://example.com/a?b=1. Then"), Some("https://example.com/a?b=1"));
        assert_eq!(first_url("(http://x.org/p)"), Some("http://x.org/p"));
        assert_eq!(first_url("guidance §1"), None);
        assert_eq!(first_url("https://"), None);
    }

    #[test]
    fn markdown_links_cannot_be_broken_out_of() {
        assert_eq!(
            markdown_link("A [b]", "https://x.test/a?b=1&c=(2)"),
            "[A \\[b\\]](<https://x.test/a?b=1\\&c=\\(2\\)>)"
        );
        assert_eq!(markdown_link("t", "https://x.test/a b>\n# h"), "[t](<https://x.test/a%20b\\>%0A#%20h>)");
    }

    #[test]
    fn sanitize_removes_escape_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb c");
        assert_eq!(sanitize("\u{1b}]0;title\u{7}\u{9b}2J"), "\\u{1b}]0;title\\u{7}\\u{9b}2J");
        assert_eq!(sanitize("abc\u{202e}fed\u{200b}"), "abc\\u{202e}fed\\u{200b}");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(sanitize_name("a\n::error::x"), "a\\n::error::x");
        assert_eq!(sanitize("plain text, café"), "plain text, café");
    }
}
