//! `--format sarif`: SARIF 2.1.0 for code-scanning services.

use std::io::Write;

use serde_json::{Value, json};

use crate::check::{FileResult, Summary};
use crate::diag::{Severity, codes};

/// Where the project lives; SARIF viewers link to it.
pub const INFORMATION_URI: &str = "https://github.com/shouldtune/shouldtune";

/// Streams one SARIF log. The driver lists every diagnostic code shouldtune
/// has (a superset of the ids used), so results can be written as they arrive.
#[derive(Debug, Default)]
pub struct Sarif {
    written: usize,
}

impl super::Renderer for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let rules: Vec<Value> = codes::ALL
            .iter()
            .map(|info| {
                json!({
                    "id": info.code,
                    "name": info.code,
                    "shortDescription": { "text": info.summary },
                    "fullDescription": { "text": info.summary },
                    "help": { "text": info.help },
                    "helpUri": format!("{INFORMATION_URI}#diagnostic-codes"),
                })
            })
            .collect();
        let driver = json!({
            "name": "shouldtune",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": rules,
        });
        let driver = serde_json::to_string(&driver).map_err(std::io::Error::other)?;
        write!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \
             \"runs\": [{{\n    \"tool\": {{ \"driver\": {driver} }},\n    \"results\": ["
        )
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        for d in &file.diagnostics {
            let mut result = json!({
                "ruleId": d.code,
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
            });
            // Findings of plan rules carry the rule's id, which the driver does not list.
            if let Some(index) = codes::ALL.iter().position(|c| c.code == d.code) {
                result["ruleIndex"] = json!(index);
            }
            write!(out, "{}\n      ", if self.written == 0 { "" } else { "," })?;
            serde_json::to_writer(&mut *out, &result).map_err(std::io::Error::other)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "\n    ]\n  }}]\n}}")
    }
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
