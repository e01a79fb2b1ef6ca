//! The condition language: parse and type-check any text against the default
//! questions; whatever compiles must evaluate without panicking.
#![no_main]

#[path = "common.rs"]
mod common;

use common::rules;
use libfuzzer_sys::fuzz_target;
use shouldtune::rules::TiVec;
use shouldtune::rules::expr::{QuestionInfo, QuestionTable, compile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let set = rules();
    let infos: Vec<QuestionInfo<'_>> =
        set.questions.iter().map(|q| QuestionInfo { id: &q.id, kind: &q.kind }).collect();
    match compile(text, &QuestionTable::new(&infos)) {
        Ok(expr) => {
            let defaults: TiVec<_, _> = set.questions.iter().map(|q| q.default).collect();
            let _ = expr.eval(&defaults);
            let _ = shouldtune::rules::lint::can_hold(set, &expr);
        }
        Err(error) => assert!(error.start <= text.len() && error.start + error.len <= text.len()),
    }
});
