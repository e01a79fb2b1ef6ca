//! `--format json`: `schema_version`, `results` per file (the evaluate
//! fields plus `path`, `status`, `planned_approach` and `findings`), `summary`.
//!
//! Each result is written on its own line as it arrives, so the output of a
//! large run streams instead of being built in memory.

use std::io::Write;

use serde_json::{Map, Value, json};

use crate::check::{FileResult, Summary};
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

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
        let summary = serde_json::to_string(summary).map_err(std::io::Error::other)?;
        writeln!(out, "\n  ],\n  \"summary\": {summary}\n}}")
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
