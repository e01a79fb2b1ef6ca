//! A full `check` of one descriptor, rendered in every format.
#![no_main]

#[path = "common.rs"]
mod common;

use common::rules;
use libfuzzer_sys::fuzz_target;
use shouldtune::check::{Policy, Summary, source_file};
use shouldtune::load::Limits;
use shouldtune::report::check::Format;
use shouldtune::report::check::{Options, Outcome};
use shouldtune::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz/llm-project.yaml", text);
    let policy = Policy { allow_defaults: false, what_if: true, no_overlays: false };
    let result = source_file("fuzz/llm-project.yaml", &source, rules(), policy, Limits::default());
    let mut summary = Summary::default();
    summary.add(&result);
    let outcome = Outcome { summary: &summary, notices: &[] };
    for format in
        [Format::Human, Format::Json, Format::Sarif, Format::Github, Format::Junit, Format::Markdown, Format::Gitlab]
    {
        let mut out = Vec::new();
        let mut renderer = shouldtune::report::check::renderer(format, &Options::default());
        let _ = renderer.start(&mut out);
        let _ = renderer.file(&result, &mut out);
        let _ = renderer.finish(&outcome, &mut out);
        if matches!(format, Format::Json | Format::Sarif | Format::Gitlab) {
            assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok(), "{format:?} is valid JSON");
        }
        if format == Format::Github {
            // Every line is one workflow command: no file text may start another.
            let text = String::from_utf8_lossy(&out);
            assert!(text.lines().all(|l| l.starts_with("::")));
        }
    }
    // Diagnostics as shown on stderr: no control, bidirectional or zero-width
    // character from the file, and no line a CI runner would read as a command.
    let mut stderr = Vec::new();
    let _ = shouldtune::diag::render(&result.diagnostics, &mut stderr, false);
    let text = String::from_utf8_lossy(&stderr);
    assert!(!text.chars().any(|c| c != '\n' && c != '\t' && shouldtune::text::needs_escape(c)), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("::")), "{text}");
});
