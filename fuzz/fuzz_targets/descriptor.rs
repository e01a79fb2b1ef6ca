//! Descriptor loading: any bytes either load or give located diagnostics.
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
            let evaluation = shouldtune::eval::evaluate(rules(), descriptor.answers(rules()));
            let _ = shouldtune::explain::what_if(rules(), &descriptor.given, &evaluation);
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            let mut out = Vec::new();
            let _ = shouldtune::diag::render(&diagnostics, &mut out, false);
        }
    }
});
