//! `--format json`: `schema_version`, `results` per file (the evaluate
//! fields plus `path`, `status`, `planned_approach` and `findings`),
//! `notices` (run-level: no descriptor found, a path that does not exist,
//! rule files that do not load) and `summary`.
//!
//! Each result is written on its own line as it arrives, so the output of a
//! large run streams instead of being built in memory.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::FileResult;
use super::Outcome;
use crate::diag::Diagnostic;
use crate::report::SCHEMA_VERSION;

/// Streams one JSON object.
#[derive(Debug, Default)]
pub struct Json {
    written: usize,
}

impl super::Renderer for Json {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        write!(out, "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"results\": [")
    }

    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> std::io::Result<()> {
        let mut object = match &file.evaluated {
            Some(evaluated) => match serde_json::to_value(&evaluated.report) {
                Ok(Value::Object(map)) => map,
                _ => Map::new(),
            },
            None => Map::new(),
        };
        object.remove("schema_version");
        object.insert("path".into(), json!(file.path));
        object.insert("status".into(), json!(if file.failed() { "failed" } else { "evaluated" }));
        if let Some(evaluated) = &file.evaluated {
            object.insert("planned_approach".into(), json!(evaluated.planned));
        }
        object.insert("findings".into(), Value::Array(file.diagnostics.iter().map(finding).collect()));
        write!(out, "{}\n    ", if self.written == 0 { "" } else { "," })?;
        serde_json::to_writer(&mut *out, &Value::Object(object)).map_err(std::io::Error::other)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self, outcome: &Outcome<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let summary = serde_json::to_string(outcome.summary).map_err(std::io::Error::other)?;
        let notices: Vec<Value> = outcome
            .notices
            .iter()
            .map(|d| {
                let mut value = finding(d);
                if let Value::Object(map) = &mut value {
                    map.insert("path".into(), json!(super::notice_path(d)));
                }
                value
            })
            .collect();
        let notices = serde_json::to_string(&notices).map_err(std::io::Error::other)?;
        writeln!(out, "\n  ],\n  \"notices\": {notices},\n  \"summary\": {summary}\n}}")
    }
}

fn finding(diagnostic: &Diagnostic) -> Value {
    json!({
        "id": diagnostic.code,
        "severity": diagnostic.severity.to_string(),
        "message": diagnostic.message,
        "because": diagnostic.notes,
        "help": diagnostic.help,
        "line": diagnostic.span.line,
        "column": diagnostic.span.column,
    })
}
