//! `--format sarif`: SARIF 2.1.0 for code-scanning services.
//!
//! Locations are relative to the repository root through the `%SRCROOT%`
//! base id (declared in `originalUriBaseIds`), so a run started in a
//! subdirectory still names files the way the repository does. Run-level
//! problems are tool execution notifications of the run's invocation.
//!
//! The log is written from typed structs (the part of the SARIF object model
//! shouldtune uses, below) and streamed: a file's results are rendered to
//! bytes on a worker thread ([`super::Renderer::part_renderer`]) and written
//! as they arrive.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::{FileHead, FileResult};
use super::{Outcome, PartRenderer, RepoPaths};
use crate::diag::{Code, Diagnostic, DiagnosticCode, Severity};

/// Where the project lives; SARIF viewers link to it.
pub const INFORMATION_URI: &str = "https://github.com/shouldtune/shouldtune";

/// The base id locations are relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// The tool: `runs[0].tool.driver`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

/// One diagnostic code, as a rule of the driver.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Message,
    help_uri: String,
}

/// A plain-text message.
#[derive(Serialize)]
struct Message {
    text: String,
}

impl Message {
    fn new(text: impl Into<String>) -> Self {
        Message { text: text.into() }
    }
}

/// An entry of `originalUriBaseIds`.
#[derive(Serialize)]
struct BaseUri {
    uri: String,
    description: Message,
}

/// A file, relative to a base id or absolute.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

/// One finding.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a DiagnosticCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: Level,
    message: Message,
    locations: [Location; 1],
}

#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Note,
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Note => Level::Note,
        }
    }
}

/// The run's invocation, with its run-level problems.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: Level,
    message: Message,
    associated_rule: RuleReference,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

#[derive(Serialize)]
struct RuleReference {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

/// `runs[0].properties`: the overlays in force, per descriptor.
#[derive(Serialize)]
struct RunProperties<'a> {
    overlays: &'a [OverlayInForce],
}

#[derive(Serialize)]
struct OverlayInForce {
    descriptor: String,
    #[serde(flatten)]
    overlay: crate::rules::Overlay,
}

/// Streams one SARIF log. The driver lists every diagnostic code shouldtune
/// has (a superset of the ids used), so results can be written as they arrive.
#[derive(Debug, Default)]
pub struct Sarif {
    written: bool,
    paths: RepoPaths,
    /// Overlays in force, per descriptor, for the run's properties.
    overlays: Vec<(String, crate::rules::Overlay)>,
    /// The language of the rule list's descriptions and of the messages (ids and codes stay English).
    lang: crate::i18n::Lang,
}

impl Sarif {
    /// A renderer naming files relative to `paths`' root.
    #[must_use]
    pub fn new(paths: RepoPaths) -> Self {
        Sarif { written: false, paths, overlays: Vec::new(), lang: crate::i18n::Lang::En }
    }

    /// The same renderer with human-readable texts in `lang`.
    #[must_use]
    pub fn in_lang(self, lang: crate::i18n::Lang) -> Self {
        Sarif { lang, ..self }
    }
}

/// An artifact location for `path`: relative to `%SRCROOT%` when inside the root.
fn artifact(paths: &RepoPaths, path: &str) -> ArtifactLocation {
    if let Some(relative) = paths.relative(path) {
        return ArtifactLocation { uri: super::location::percent_encode(&relative), uri_base_id: Some(SRCROOT) };
    }
    let mut absolute = paths.absolute(path);
    if !absolute.starts_with('/') {
        absolute.insert(0, '/');
    }
    ArtifactLocation { uri: format!("file://{}", super::location::percent_encode(&absolute)), uri_base_id: None }
}

/// The index of `code` in the driver's rules. Findings of plan rules carry
/// the rule's id, which the driver does not list.
fn rule_index(code: &DiagnosticCode) -> Option<usize> {
    // By text: a plan rule may report under the id of a built-in code.
    let code = Code::from_text(code.as_str())?;
    Code::ALL.iter().position(|c| *c == code)
}

/// One file's results, separated by commas, without a leading separator.
fn render(paths: &RepoPaths, file: &FileResult, lang: crate::i18n::Lang) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for (n, d) in file.diagnostics.iter().enumerate() {
        let result = SarifResult {
            rule_id: &d.code,
            rule_index: rule_index(&d.code),
            level: d.severity.into(),
            message: Message::new(super::full_message_in(d, lang)),
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact(paths, &file.path),
                    region: Some(Region { start_line: d.span.line.max(1), start_column: d.span.column.max(1) }),
                },
            }],
        };
        if n > 0 {
            out.extend_from_slice(b",\n      ");
        }
        serde_json::to_writer(&mut out, &result).map_err(std::io::Error::other)?;
    }
    Ok(out)
}

impl super::Renderer for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let rules = Code::ALL
            .iter()
            .map(|code| ReportingDescriptor {
                id: code.as_str(),
                name: code.as_str(),
                short_description: Message::new(code.summary_in(self.lang)),
                full_description: Message::new(code.summary_in(self.lang)),
                help: Message::new(code.help_in(self.lang)),
                help_uri: format!("{INFORMATION_URI}#diagnostic-codes"),
            })
            .collect();
        let driver =
            Driver { name: "shouldtune", version: env!("CARGO_PKG_VERSION"), information_uri: INFORMATION_URI, rules };
        let driver = serde_json::to_string(&driver).map_err(std::io::Error::other)?;
        let mut base = BTreeMap::new();
        if let Some(root) = self.paths.root_uri() {
            base.insert(
                SRCROOT,
                BaseUri { uri: root, description: Message::new(self.lang.tr("sarif-repository-root")) },
            );
        }
        let base = serde_json::to_string(&base).map_err(std::io::Error::other)?;
        write!(
            out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \
             \"runs\": [{{\n    \"tool\": {{ \"driver\": {driver} }},\n    \"originalUriBaseIds\": {base},\n    \
             \"results\": ["
        )
    }

    fn part_renderer(&self) -> Option<PartRenderer> {
        let (paths, lang) = (self.paths.clone(), self.lang);
        Some(std::sync::Arc::new(move |file| render(&paths, file, lang)))
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let part = render(&self.paths, file, self.lang)?;
        self.file_part(&file.head(), &part, out)
    }

    fn file_part(&mut self, file: &FileHead, part: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        for overlay in &file.overlays {
            self.overlays.push((file.path.clone(), overlay.clone()));
        }
        if part.is_empty() {
            return Ok(());
        }
        out.write_all(if self.written { b",\n      " } else { b"\n      " })?;
        out.write_all(part)?;
        self.written = true;
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let invocation = Invocation {
            execution_successful: !outcome.notices.iter().any(|d| d.severity == Severity::Error),
            tool_execution_notifications: outcome.notices.iter().map(|d| self.notification(d)).collect(),
        };
        let invocation = serde_json::to_string(&invocation).map_err(std::io::Error::other)?;
        let overlays: Vec<OverlayInForce> = std::mem::take(&mut self.overlays)
            .into_iter()
            .map(|(descriptor, overlay)| OverlayInForce { descriptor, overlay })
            .collect();
        let properties =
            serde_json::to_string(&RunProperties { overlays: &overlays }).map_err(std::io::Error::other)?;
        writeln!(out, "\n    ],\n    \"invocations\": [{invocation}],\n    \"properties\": {properties}\n  }}]\n}}")
    }
}

impl Sarif {
    /// A run-level problem as a notification, tied to the rule with its code.
    fn notification(&self, diagnostic: &Diagnostic) -> Notification {
        let diagnostic = &diagnostic.in_lang(self.lang);
        let locations = super::notice_path(diagnostic)
            .map(|path| Location {
                physical_location: PhysicalLocation { artifact_location: artifact(&self.paths, path), region: None },
            })
            .into_iter()
            .collect();
        Notification {
            level: diagnostic.severity.into(),
            message: Message::new(super::full_message_in(diagnostic, self.lang)),
            associated_rule: RuleReference {
                id: diagnostic.code.as_str().to_owned(),
                index: rule_index(&diagnostic.code),
            },
            locations,
        }
    }
}
