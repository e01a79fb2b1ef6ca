//! Descriptor loading: any bytes either load or give located diagnostics.
//! A loaded descriptor is evaluated, and its `cost:` section (or the default
//! settings) priced, charted and rendered: an estimate or a located error,
//! never a panic. Its kept `cost:` and `rules:` sections write back as YAML.
#![no_main]

#[path = "common.rs"]
mod common;

use common::rules;
use libfuzzer_sys::fuzz_target;
use shouldtune::load::Limits;
use shouldtune::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz.yaml", text);
    match shouldtune::descriptor::parse(&source, rules(), Limits::default()) {
        Ok(descriptor) => {
            let mut given = descriptor.given.clone();
            let tables = shouldtune::facts::embedded_tables();
            let estimate =
                shouldtune::facts::estimate_and_derive(rules(), &mut given, descriptor.cost.as_ref(), tables, &source);
            match estimate {
                Ok(estimate) => {
                    let _ = shouldtune::cost::plot::svg(&estimate, &descriptor.name);
                    let (mut table, mut json) = (Vec::new(), Vec::new());
                    let _ = shouldtune::cost::render::table(&estimate, &mut table, shouldtune::text::Style::PLAIN);
                    let _ = shouldtune::cost::render::json(&estimate, &mut json);
                }
                Err(diagnostic) => {
                    let mut out = Vec::new();
                    let _ = shouldtune::diag::render(std::slice::from_ref(&*diagnostic), &mut out, false);
                }
            }
            let evaluation = shouldtune::eval::evaluate(rules(), shouldtune::eval::Answers::resolve(rules(), &given));
            let _ = shouldtune::whatif::what_if(rules(), &given, &evaluation);
            if let Ok(document) = shouldtune::descriptor::Document::parse(&source, Limits::default()) {
                let kept = shouldtune::descriptor::kept_sections(&document);
                let again = SourceFile::new("kept.yaml", kept.clone());
                assert!(
                    kept.is_empty() || shouldtune::load::parse_document(&again, Limits::default()).is_ok(),
                    "{kept}"
                );
            }
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            let mut out = Vec::new();
            let _ = shouldtune::diag::render(&diagnostics, &mut out, false);
        }
    }
});
