//! `--format json`: the report serialised as is.

use std::io::Write;

use super::Report;

/// Writes the report as pretty JSON followed by a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(std::io::Error::other)?;
    writeln!(out)
}
