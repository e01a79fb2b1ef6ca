//! Where each message of a Fluent resource is: shared by the build script,
//! which indexes the embedded resources by message id ahead of time, and by
//! the tests of `i18n`.

use std::ops::Range;

/// The messages of a Fluent resource as `(id, range of its text)`, in file
/// order: a message starts a line with its identifier and `=`; the lines of
/// its value and attributes after that are indented, blank or close a select
/// (`}`); a comment or the next entry ends it. The id is the start of its
/// text (`text[range.start..].starts_with(id)`).
pub(crate) fn message_entries(text: &str) -> Vec<(&str, Range<usize>)> {
    let mut entries = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        // Only an identifier (a message), `-` (a term) or `#` (a comment) starts an entry; any
        // other line, such as the `}` closing a select, continues the current one.
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#');
        if starts_entry {
            if let Some((id, start)) = current.take() {
                entries.push((id, start..offset));
            }
            if line.starts_with(|c: char| c.is_ascii_alphabetic())
                && let Some((id, _)) = line.split_once('=')
            {
                current = Some((id.trim(), offset));
            }
        }
        offset += line.len();
    }
    if let Some((id, start)) = current {
        entries.push((id, start..text.len()));
    }
    entries
}
