//! The rule-test format, defined once: one struct per mapping, read by
//! `ruletest.rs` (unknown keys reported once, by the reader).

use crate::load::{Entry, Required, mapping};

mapping! {
    /// A rule-test file: cases checked against a rule set by `shouldtune rules test`.
    #[schemars(title = "shouldtune rule tests")]
    pub(crate) struct File<'n> {
        /// The casebook part the file belongs to; its cases must then name their source and reasoning.
        split: Option<Entry<'n, Split>> = "split",
        /// The cases.
        cases: Required<'n, Vec<Case<'n>>> = "cases",
    }
}

mapping! {
    /// One case: answers, and what the rule set must conclude from them.
    pub(crate) struct Case<'n> {
        /// Its name, as the results show it (`file::name`).
        name: Required<'n, String> = "name",
        /// The public source of a documented decision (required in casebook files).
        source: Option<Entry<'n, CaseSource<'n>>> = "source",
        /// The reasoning the source gives (required in casebook files).
        reasoning: Option<Entry<'n, String>> = "reasoning",
        /// Questions whose answers had to be assumed because the source does not say.
        assumed: Option<Entry<'n, Vec<String>>> = "assumed",
        /// Why the rules still get this case wrong: scored as a miss, it does not fail the run.
        known_miss: Option<Entry<'n, String>> = "known_miss",
        /// Answers to the rule set's questions, as in a descriptor.
        answers: Option<Entry<'n, serde_json::Map<String, serde_json::Value>>> = "answers",
        /// What must hold.
        expect: Required<'n, Expect<'n>> = "expect",
    }
}

mapping! {
    /// Where a documented case comes from.
    pub(crate) struct CaseSource<'n> {
        /// The page's or paper's title.
        title: Required<'n, String> = "title",
        /// Who published it.
        publisher: Required<'n, String> = "publisher",
        /// Where to read it.
        url: Required<'n, String> = "url",
        /// When it was published, as precisely as it says.
        date: Required<'n, String> = "date",
    }
}

mapping! {
    /// What a case expects, by id.
    pub(crate) struct Expect<'n> {
        /// The approach recommended.
        recommendation: Required<'n, String> = "recommendation",
        /// The approaches to combine with, exactly and in order.
        combine_with: Option<Entry<'n, Vec<String>>> = "combine_with",
        /// The approaches vetoed, as a set.
        vetoed: Option<Entry<'n, Vec<String>>> = "vetoed",
        /// Rules that must fire.
        fired: Option<Entry<'n, Vec<String>>> = "fired",
        /// Rules that must not fire.
        not_fired: Option<Entry<'n, Vec<String>>> = "not_fired",
        /// Prefixes of next steps that must appear.
        next_steps: Option<Entry<'n, Vec<String>>> = "next_steps",
    }
}

/// The casebook part a file belongs to.
#[derive(schemars::JsonSchema)]
#[schemars(rename_all = "snake_case")]
#[allow(dead_code, reason = "documents the format; the reader matches the names in `ALL`")]
pub(crate) enum Split {
    /// Cases the rules were tuned on.
    Tuned,
    /// Cases set aside before the rules were changed, never tuned on.
    HeldOut,
}

impl Split {
    /// Every split, with its name in the file.
    pub const ALL: [(&'static str, super::Split); 2] =
        [("tuned", super::Split::Tuned), ("held_out", super::Split::HeldOut)];
}
