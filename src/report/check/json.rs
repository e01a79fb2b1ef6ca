//! `--format json`: `schema_version`, `results` per file (the evaluate
//! fields plus `path`, `status`, `planned_approach` and `findings`), `summary`.

use std::io::Write;

use serde_json::{Map, Value, json};

use crate::check::CheckRun;
use crate::diag::Diagnostic;
use crate::report::SCHEMA_VERSION;

/// Writes the run as one pretty-printed JSON object.
pub fn render(run: &CheckRun, out: &mut dyn Write) -> std::io::Result<()> {
    let results: Vec<Value> = run
        .files
        .iter()
        .map(|file| {
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
            Value::Object(object)
        })
        .collect();
    let document = json!({
        "schema_version": SCHEMA_VERSION,
        "results": results,
        "summary": run.summary(),
    });
    serde_json::to_writer_pretty(&mut *out, &document).map_err(std::io::Error::other)?;
    writeln!(out)
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
