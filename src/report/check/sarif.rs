//! `--format sarif`: SARIF 2.1.0 for code-scanning services.

use std::io::Write;

use serde_json::{Value, json};

use crate::check::CheckRun;
use crate::diag::{Severity, codes};

/// Where the project lives; SARIF viewers link to it.
pub const INFORMATION_URI: &str = "https://github.com/shouldtune/shouldtune";

/// Writes one SARIF log with a `rules` entry for every rule id used.
pub fn render(run: &CheckRun, out: &mut dyn Write) -> std::io::Result<()> {
    let mut used: Vec<&str> = super::results(run).map(|(_, d)| d.code).collect();
    used.sort_unstable();
    used.dedup();
    let rules: Vec<Value> = used
        .iter()
        .map(|&code| {
            let info = codes::info(code);
            json!({
                "id": code,
                "name": code,
                "shortDescription": { "text": info.map_or(code, |i| i.summary) },
                "fullDescription": { "text": info.map_or(code, |i| i.summary) },
                "help": { "text": info.map_or("", |i| i.help) },
                "helpUri": format!("{INFORMATION_URI}#diagnostic-codes"),
            })
        })
        .collect();
    let results: Vec<Value> = super::results(run)
        .map(|(file, d)| {
            json!({
                "ruleId": d.code,
                "ruleIndex": used.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Note => "note",
                },
                "message": { "text": super::full_message(d) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&file.path) },
                        "region": { "startLine": d.span.line.max(1), "startColumn": d.span.column.max(1) },
                    }
                }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "shouldtune",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// A relative URI reference for a `/`-separated path: everything but
/// unreserved characters and `/` is percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out = format!("{out}%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(super::uri("a b/ü%.yaml"), "a%20b/%C3%BC%25.yaml");
    }
}
