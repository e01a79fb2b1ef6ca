//! Rule-set loading, alone and on top of the default: load or diagnose, never
//! panic. A rule set that loads is linted, printed, evaluated, and what `ask`
//! would save with it (its question text in comments) must load back.
#![no_main]

#[path = "common.rs"]
mod common;

use common::saved_draft_loads_again;
use libfuzzer_sys::fuzz_target;
use shouldtune::load::Limits;
use shouldtune::rules::RuleSet;
use shouldtune::source::SourceFile;

fn exercise(rule_set: &RuleSet) {
    let _ = shouldtune::rules::lint::lint(rule_set);
    let _ = shouldtune::rules::emit::to_yaml(rule_set);
    let given: shouldtune::rules::TiVec<_, _> = rule_set.questions.iter().map(|_| None).collect();
    let evaluation = shouldtune::eval::evaluate(rule_set, shouldtune::eval::Answers::resolve(rule_set, &given));
    assert!(!evaluation.is_vetoed(evaluation.recommendation));
    let draft = shouldtune::descriptor::Draft {
        name: "fuzz".to_owned(),
        description: None,
        planned: None,
        given: rule_set.questions.iter().map(|q| Some(q.default)).collect(),
        incomplete: true,
    };
    saved_draft_loads_again(rule_set, &draft);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let files = [SourceFile::new("fuzz.yaml", text)];
    if let Ok(rule_set) = shouldtune::rules::load(&files, Limits::default()) {
        exercise(&rule_set);
    } else {
        let overlay = [SourceFile::new("fuzz.yaml", format!("extends: default\n{text}"))];
        if let Ok(rule_set) = shouldtune::rules::load(&overlay, Limits::default()) {
            exercise(&rule_set);
        }
    }
});
