//! Descriptor loading: any bytes either load or give located diagnostics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use shouldtune::load::Limits;
use shouldtune::rules::RuleSet;
use shouldtune::source::SourceFile;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| shouldtune::rules::load_default().unwrap_or_else(|_| std::process::abort()))
}

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
