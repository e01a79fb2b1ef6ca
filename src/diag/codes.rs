//! Stable diagnostic codes. They are a public contract: CI configurations and
//! SARIF consumers key on them, so a code is never renamed or reused.
//!
//! Each built-in code is a [`Code`] with its kebab-case text, a one-line
//! summary and the fix, in the one table below: SARIF's rule list, the
//! `explain` command and the documentation's table all read it.

use std::fmt::{self, Write as _};

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal, $summary:literal, $help:literal;)*) => {
        /// A built-in diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &[Code] = &[$(Code::$name),*];

            /// The stable kebab-case text.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// What it means, in one line.
            #[must_use]
            pub const fn summary(self) -> &'static str {
                match self { $(Code::$name => $summary,)* }
            }

            /// How to resolve it.
            #[must_use]
            pub const fn help(self) -> &'static str {
                match self { $(Code::$name => $help,)* }
            }
        }
    };
}

codes! {
    /// A file could not be read.
    IoError = "io-error", "a file could not be read", "Check that the path exists, is a regular file and is readable.";
    /// A file is larger than the size limit.
    FileTooLarge = "file-too-large", "a file is larger than the size limit", "Descriptors and rule files are a few kilobytes; raise `--max-file-size` if the file is legitimate.";
    /// A file is not valid YAML.
    YamlSyntax = "yaml-syntax", "a file is not valid YAML, or breaks a parsing limit", "Fix the YAML at the position shown; anchors, aliases and nesting are limited to keep parsing safe.";
    /// A file holds no document.
    EmptyDocument = "empty-document", "a file holds no YAML document", "Write a mapping with at least `name:`; see `examples/llm-project.yaml`.";
    /// A mapping has a key that is not allowed there.
    UnknownKey = "unknown-key", "a mapping has a key that is not allowed there", "Remove the key or correct its spelling; the message suggests the closest allowed key.";
    /// A required key is missing.
    MissingKey = "missing-key", "a required key is missing", "Add the key named in the message.";
    /// A value has the wrong type.
    WrongType = "wrong-type", "a value has the wrong type", "Write a value of the type named in the message (`true`/`false`, a whole number, or one of the listed values).";
    /// A number is outside its allowed range.
    OutOfRange = "out-of-range", "a number is outside the allowed range", "Use a number inside the range given in the message.";
    /// A value is not one of the allowed choices.
    UnknownChoice = "unknown-choice", "a value is not one of the allowed choices", "Use one of the values listed in the message.";
    /// A descriptor answers a question whose value the rules derive.
    DerivedAnswer = "derived-answer", "an answer is given for a fact the rules derive", "Remove the answer: the fact is computed from the cost model and the other answers.";
    /// A descriptor answers a question the rule set does not have.
    UnknownQuestion = "unknown-question", "an answer names a question the rule set does not have", "Use a question id of the rule set (`shouldtune schema descriptor` lists them); the message suggests the closest one.";
    /// An identifier is defined twice.
    DuplicateId = "duplicate-id", "an identifier is defined twice", "Rename or remove one of the two definitions.";
    /// A name is not a declared approach.
    UnknownApproach = "unknown-approach", "a name is not one of the rule set's approaches", "Use one of the rule set's approach ids, such as `prompt_engineering`, `rag` or `fine_tuning`.";
    /// A descriptor was saved by an interrupted questionnaire.
    IncompleteDescriptor = "incomplete-descriptor", "the descriptor was saved by an interrupted questionnaire", "Finish it with `shouldtune ask --save FILE`, which resumes at the first unanswered question.";
    /// A file has more problems than are shown.
    TooManyProblems = "too-many-problems", "a file has more problems than are shown", "Fix the problems shown and run again; at most 50 are reported per file.";
    /// An overlay disables or overrides something no earlier file defines.
    NothingToChange = "nothing-to-change", "an overlay disables or overrides a rule, question or approach no earlier file defines", "Use the id of a rule, question or approach of the rule set the overlay extends (`shouldtune rules show` lists them); the message suggests the closest one.";
    /// A cost section or price table is not well formed.
    InvalidCost = "invalid-cost", "a cost section or price table combines settings that do not go together", "Give one of the alternatives the message names; docs/costs.md lists each billing shape's settings.";
    /// A path leads outside the repository.
    OutsideRepository = "outside-repository", "a file a descriptor names, or reaches through a link, lies outside the repository", "Keep descriptors and the rule files they name inside the repository that holds them.";
    /// A text of the rule set has no translation in a locale the set declares.
    MissingTranslation = "missing-translation", "a rule-set text has no translation in a locale the rule set declares", "Add the translation to the locale's table (`translations:` in the rule file, or the rule set's locale file), or remove the locale from `locales:`.";
    /// A rule or question is not well formed.
    InvalidRule = "invalid-rule", "a rule, question or approach is not well formed", "Follow the rule-file format described in the README.";
    /// A condition is not valid syntax.
    ExprSyntax = "expr-syntax", "a condition is not valid syntax", "Fix the condition at the column shown; conditions use `and`, `or`, `not`, comparisons and `in [...]`.";
    /// A condition names a question that does not exist.
    ExprUnknownQuestion = "expr-unknown-question", "a condition names a question that does not exist", "Use an id from the rule set's `questions`.";
    /// A condition compares a choice question with a value it does not have.
    ExprUnknownValue = "expr-unknown-value", "a condition uses a choice value the question does not have", "Use one of the question's declared `values`.";
    /// A condition combines values of different types.
    ExprTypeMismatch = "expr-type-mismatch", "a condition combines values of incompatible types", "Compare numbers with numbers, booleans with `==`/`!=`, and choices with their values.";
    /// A rule cites a catalogue id that does not exist.
    UnknownSource = "unknown-source", "a rule cites a source id that is not in the source catalogue", "Use an id from the rule files' `sources:` (the message suggests the closest one), or add the source to the catalogue.";
    /// A question's ask-condition reads itself or a later question.
    ConditionOrder = "condition-order", "a question's condition reads itself or a later question", "Move the question after the questions its condition reads, or change the condition.";

    /// A rule's condition can never hold.
    RuleNeverFires = "rule-never-fires", "a rule's condition can never hold, given the questions' types and conditions", "Fix the condition (a threshold outside the question's range, contradictory clauses, a question that is never asked) or remove the rule.";
    /// No rule reads a question.
    QuestionUnread = "question-unread", "no rule reads a question, so its answer changes nothing", "Use the question in a rule's `when`, or remove it.";
    /// No rule gives an approach a score.
    ApproachUnscored = "approach-unscored", "no rule can change an approach's score", "Add a rule with an effect on the approach, or remove it.";
    /// The effects can never separate the approaches.
    ApproachesAlwaysTied = "approaches-always-tied", "the rules' effects leave every approach tied for every answer set", "Give some rule different weights for different approaches.";
    /// A rule cites free text in a rule set that has a source catalogue.
    SourceNotInCatalogue = "source-not-in-catalogue", "a rule cites free text although the rule set has a source catalogue", "Add the source to `sources:` with its title, publisher, URL, date and what it says, and cite it by id.";
    /// The plan names an approach other than the recommendation.
    PlanContradicts = "plan-contradicts-recommendation", "the planned approach is not the one the rules recommend", "Change `planned_approach` to include the recommendation, or revisit the answers that led to it.";
    /// The plan leaves out an approach the recommendation should be combined with.
    PlanMissingCombination = "plan-missing-combination", "the plan leaves out an approach to combine with the recommendation", "Add the approach to `planned_approach` as a list, e.g. `[fine_tuning, rag]`.";
    /// The plan names an approach a rule rules out.
    PlanVetoed = "plan-vetoed", "the planned approach is ruled out by a rule", "Remove the vetoed approach from `planned_approach`, or change what makes it infeasible (e.g. collect more examples).";
    /// Fine-tuning is planned without a measured baseline (reported by the default plan rule of this id).
    FineTuningWithoutBaseline = "fine-tuning-without-baseline", "fine-tuning is planned without a measured baseline", "Build and measure a prompt-engineering or RAG baseline first, then set `baseline_exists: true`.";
    /// Questions were left unanswered and defaults assumed.
    AnswerAssumed = "answer-assumed", "questions were left unanswered and their defaults assumed", "Answer every question under `answers:`, or run with `--allow-defaults`.";
    /// A name given to `explain` is no rule, source or diagnostic code.
    UnknownId = "unknown-id", "a name is not a rule id, source id or diagnostic code", "Use a rule id (`shouldtune rules show` lists them), a source id or a diagnostic code; the message lists the closest ones.";
    /// The descriptor names no plan.
    NoPlan = "no-plan", "the descriptor names no planned approach", "Add `planned_approach:` so the check can compare the plan with the recommendation.";
    /// A descriptor's overlay rule files are in force.
    OverlayInForce = "overlay-in-force", "a rule overlay named by the descriptor is in force", "Review what the overlay disables, overrides and adds; `check --no-overlays` refuses descriptor-named overlays.";
    /// `check --no-overlays` refused a descriptor that names overlays.
    OverlayRefused = "overlay-refused", "the descriptor names a rule overlay and `--no-overlays` is set", "Remove `rules:` from the descriptor, or run without `--no-overlays` to allow its overlays.";
    /// `check` found no descriptor to check.
    NoDescriptor = "no-descriptor", "no descriptor was found under the paths checked", "Name descriptors `llm-project.yaml`, `llm-project.yml` or `*.llm-project.yaml`, or pass their paths; `shouldtune init` writes one.";
}

impl Code {
    /// The code whose text is `text`, if it is one of ours.
    #[must_use]
    pub fn from_text(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The reference table of every built-in code, as `docs/diagnostics.md` holds it.
#[must_use]
pub fn reference_table() -> String {
    let mut out = String::from(
        "# Diagnostic codes\n\n\
         Every message carries one of these stable codes (`error[unknown-key]`), or,\n\
         for a finding a plan rule defines, that rule's id. Generated from\n\
         `src/diag/codes.rs`; `shouldtune explain CODE` shows the same text.\n\n\
         | code | meaning | how to fix it |\n|---|---|---|\n",
    );
    for code in Code::ALL {
        let _ = writeln!(out, "| `{code}` | {} | {} |", code.summary(), code.help().replace('|', "\\|"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn the_documented_table_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md");
        let fresh = super::reference_table();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(committed == fresh, "docs/diagnostics.md is stale: run `UPDATE_DOCS=1 cargo test --lib diag::codes`");
    }

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(code.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "code {code} is not kebab-case");
            assert!(!code.summary().is_empty() && !code.help().is_empty());
            assert_eq!(Code::from_text(code.as_str()), Some(*code));
        }
    }
}
