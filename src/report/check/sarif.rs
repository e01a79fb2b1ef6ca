//! `--format sarif`: SARIF 2.1.0 for code-scanning services.
//!
//! Locations are relative to the repository root through the `%SRCROOT%`
//! base id (declared in `originalUriBaseIds`), so a run started in a
//! subdirectory still names files the way the repository does. Run-level
//! problems are tool execution notifications of the run's invocation.

use std::io::Write;

use serde_json::{Value, json};

use super::FileResult;
use super::{Outcome, RepoPaths};
use crate::diag::{Code, Diagnostic, DiagnosticCode, Severity};

/// Where the project lives; SARIF viewers link to it.
pub const INFORMATION_URI: &str = "https://github.com/shouldtune/shouldtune";

/// The base id locations are relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// Streams one SARIF log. The driver lists every diagnostic code shouldtune
/// has (a superset of the ids used), so results can be written as they arrive.
#[derive(Debug, Default)]
pub struct Sarif {
    written: usize,
    paths: RepoPaths,
    /// Overlays in force, per descriptor, for the run's properties.
    overlays: Vec<Value>,
}

impl Sarif {
    /// A renderer naming files relative to `paths`' root.
    #[must_use]
    pub fn new(paths: RepoPaths) -> Self {
        Sarif { written: 0, paths, overlays: Vec::new() }
    }

    /// An artifact location for `path`: relative to `%SRCROOT%` when inside the root.
    fn artifact(&self, path: &str) -> Value {
        if let Some(relative) = self.paths.relative(path) {
            return json!({ "uri": super::location::percent_encode(&relative), "uriBaseId": SRCROOT });
        }
        let mut absolute = self.paths.absolute(path);
        if !absolute.starts_with('/') {
            absolute.insert(0, '/');
        }
        json!({ "uri": format!("file://{}", super::location::percent_encode(&absolute)) })
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The index of `code` in the driver's rules. Findings of plan rules carry
/// the rule's id, which the driver does not list.
fn rule_index(code: &DiagnosticCode) -> Option<usize> {
    // By text: a plan rule may report under the id of a built-in code.
    let code = Code::from_text(code.as_str())?;
    Code::ALL.iter().position(|c| *c == code)
}

impl super::Renderer for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let rules: Vec<Value> = Code::ALL
            .iter()
            .map(|code| {
                json!({
                    "id": code.as_str(),
                    "name": code.as_str(),
                    "shortDescription": { "text": code.summary() },
                    "fullDescription": { "text": code.summary() },
                    "help": { "text": code.help() },
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
        let mut base = serde_json::Map::new();
        if let Some(root) = self.paths.root_uri() {
            base.insert(SRCROOT.into(), json!({ "uri": root, "description": { "text": "The repository root." } }));
        }
        let base = serde_json::to_string(&base).map_err(std::io::Error::other)?;
        write!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \
             \"runs\": [{{\n    \"tool\": {{ \"driver\": {driver} }},\n    \"originalUriBaseIds\": {base},\n    \
             \"results\": ["
        )
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        for overlay in file.evaluated.iter().flat_map(|e| &e.report.overlays) {
            self.overlays.push(json!({
                "descriptor": file.path,
                "file": overlay.file,
                "disabled": overlay.disabled,
                "overridden": overlay.overridden,
                "added": overlay.added,
            }));
        }
        for d in &file.diagnostics {
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": super::full_message(d) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": self.artifact(&file.path),
                        "region": { "startLine": d.span.line.max(1), "startColumn": d.span.column.max(1) },
                    }
                }],
            });
            if let Some(index) = rule_index(&d.code) {
                result["ruleIndex"] = json!(index);
            }
            write!(out, "{}\n      ", if self.written == 0 { "" } else { "," })?;
            serde_json::to_writer(&mut *out, &result).map_err(std::io::Error::other)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let notifications: Vec<Value> = outcome.notices.iter().map(|d| self.notification(d)).collect();
        let invocation = json!({
            "executionSuccessful": !outcome.notices.iter().any(|d| d.severity == Severity::Error),
            "toolExecutionNotifications": notifications,
        });
        let invocation = serde_json::to_string(&invocation).map_err(std::io::Error::other)?;
        let properties = serde_json::to_string(&json!({ "overlays": self.overlays })).map_err(std::io::Error::other)?;
        writeln!(out, "\n    ],\n    \"invocations\": [{invocation}],\n    \"properties\": {properties}\n  }}]\n}}")
    }
}

impl Sarif {
    /// A run-level problem as a notification, tied to the rule with its code.
    fn notification(&self, diagnostic: &Diagnostic) -> Value {
        let mut notification = json!({
            "level": level(diagnostic.severity),
            "message": { "text": super::full_message(diagnostic) },
            "associatedRule": { "id": diagnostic.code },
        });
        if let Some(index) = rule_index(&diagnostic.code) {
            notification["associatedRule"]["index"] = json!(index);
        }
        if let (Some(path), Value::Object(map)) = (super::notice_path(diagnostic), &mut notification) {
            map.insert(
                "locations".into(),
                json!([{ "physicalLocation": { "artifactLocation": self.artifact(path) } }]),
            );
        }
        notification
    }
}
