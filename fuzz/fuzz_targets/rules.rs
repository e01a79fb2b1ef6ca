//! Rule-set loading, alone and on top of the default: load or diagnose, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shouldtune::load::Limits;
use shouldtune::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files = [SourceFile::new("fuzz.yaml", text)];
    if let Ok(rule_set) = shouldtune::rules::load(&files, Limits::default()) {
        let _ = shouldtune::rules::lint::lint(&rule_set);
        let _ = shouldtune::rules::emit::to_yaml(&rule_set);
        let given = vec![None; rule_set.questions.len()];
        let evaluation = shouldtune::eval::evaluate(&rule_set, shouldtune::eval::Answers::resolve(&rule_set, &given));
        assert!(!evaluation.is_vetoed(evaluation.recommendation));
    } else {
        let overlay = [SourceFile::new("fuzz.yaml", format!("extends: default\n{text}"))];
        let _ = shouldtune::rules::load(&overlay, Limits::default());
    }
});
