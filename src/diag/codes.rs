//! Stable diagnostic codes. They are a public contract: CI configurations and
//! SARIF consumers key on them, so a code is never renamed or reused.
//!
//! Each built-in code is a [`Code`] with its kebab-case text in the table
//! below; its one-line summary and its fix are the Fluent message `code-CODE`
//! and its `.help` attribute, one resource per language
//! (`locales/LANG/shouldtune.ftl`). SARIF's rule list, the `explain` command
//! and the documentation's table all read them.

use std::fmt::{self, Write as _};

use crate::i18n::Lang;

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal;)*) => {
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
        }
    };
}

codes! {
    /// A file could not be read.
    IoError = "io-error";
    /// A file is larger than the size limit.
    FileTooLarge = "file-too-large";
    /// A file is not valid YAML.
    YamlSyntax = "yaml-syntax";
    /// A file holds no document.
    EmptyDocument = "empty-document";
    /// A mapping has a key that is not allowed there.
    UnknownKey = "unknown-key";
    /// A required key is missing.
    MissingKey = "missing-key";
    /// A value has the wrong type.
    WrongType = "wrong-type";
    /// A number is outside its allowed range.
    OutOfRange = "out-of-range";
    /// A value is not one of the allowed choices.
    UnknownChoice = "unknown-choice";
    /// A descriptor answers a question whose value the rules derive.
    DerivedAnswer = "derived-answer";
    /// A descriptor answers a question the rule set does not have.
    UnknownQuestion = "unknown-question";
    /// An identifier is defined twice.
    DuplicateId = "duplicate-id";
    /// A name is not a declared approach.
    UnknownApproach = "unknown-approach";
    /// A descriptor was saved by an interrupted questionnaire.
    IncompleteDescriptor = "incomplete-descriptor";
    /// A file has more problems than are shown.
    TooManyProblems = "too-many-problems";
    /// An overlay disables or overrides something no earlier file defines.
    NothingToChange = "nothing-to-change";
    /// A cost section or price table is not well formed.
    InvalidCost = "invalid-cost";
    /// A path leads outside the repository.
    OutsideRepository = "outside-repository";
    /// Descriptors were not checked because ignore files hide them.
    IgnoredDescriptors = "ignored-descriptors";
    /// A text of the rule set has no translation in a locale the set declares.
    MissingTranslation = "missing-translation";
    /// A rule or question is not well formed.
    InvalidRule = "invalid-rule";
    /// A condition is not valid syntax.
    ExprSyntax = "expr-syntax";
    /// A condition names a question that does not exist.
    ExprUnknownQuestion = "expr-unknown-question";
    /// A condition compares a choice question with a value it does not have.
    ExprUnknownValue = "expr-unknown-value";
    /// A condition combines values of different types.
    ExprTypeMismatch = "expr-type-mismatch";
    /// A rule cites a catalogue id that does not exist.
    UnknownSource = "unknown-source";
    /// A question's ask-condition reads itself or a later question.
    ConditionOrder = "condition-order";

    /// A rule's condition can never hold.
    RuleNeverFires = "rule-never-fires";
    /// No rule reads a question.
    QuestionUnread = "question-unread";
    /// No rule gives an approach a score.
    ApproachUnscored = "approach-unscored";
    /// The effects can never separate the approaches.
    ApproachesAlwaysTied = "approaches-always-tied";
    /// A rule cites free text in a rule set that has a source catalogue.
    SourceNotInCatalogue = "source-not-in-catalogue";
    /// The plan names an approach other than the recommendation.
    PlanContradicts = "plan-contradicts-recommendation";
    /// The plan leaves out an approach the recommendation should be combined with.
    PlanMissingCombination = "plan-missing-combination";
    /// The plan names an approach a rule rules out.
    PlanVetoed = "plan-vetoed";
    /// Fine-tuning is planned without a measured baseline (reported by the default plan rule of this id).
    FineTuningWithoutBaseline = "fine-tuning-without-baseline";
    /// Questions were left unanswered and defaults assumed.
    AnswerAssumed = "answer-assumed";
    /// A name given to `explain` is no rule, source or diagnostic code.
    UnknownId = "unknown-id";
    /// The descriptor names no plan.
    NoPlan = "no-plan";
    /// A descriptor's overlay rule files are in force.
    OverlayInForce = "overlay-in-force";
    /// `check --no-overlays` refused a descriptor that names overlays.
    OverlayRefused = "overlay-refused";
    /// `check` found no descriptor to check.
    NoDescriptor = "no-descriptor";
}

impl Code {
    /// What it means, in one line, in English.
    #[must_use]
    pub fn summary(self) -> String {
        self.summary_in(Lang::En)
    }

    /// How to resolve it, in English.
    #[must_use]
    pub fn help(self) -> String {
        self.help_in(Lang::En)
    }

    /// What it means, in one line, in `lang` (message `code-CODE` of the Fluent resources).
    #[must_use]
    pub fn summary_in(self, lang: Lang) -> String {
        lang.tr(&self.fluent_id())
    }

    /// How to resolve it, in `lang` (attribute `.help` of message `code-CODE`).
    #[must_use]
    pub fn help_in(self, lang: Lang) -> String {
        lang.tr_attr(&self.fluent_id(), "help")
    }

    fn fluent_id(self) -> String {
        format!("code-{}", self.as_str())
    }

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
    use crate::i18n::Lang;

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
            for lang in Lang::ALL {
                let (summary, help) = (code.summary_in(*lang), code.help_in(*lang));
                assert!(!summary.starts_with("code-") && !help.starts_with("code-"), "{code} in {lang:?}: {summary}");
            }
            assert_ne!(code.summary_in(Lang::Ja), code.summary(), "{code} has no Japanese summary");
            assert_ne!(code.help_in(Lang::Ja), code.help(), "{code} has no Japanese help");
            assert_eq!(Code::from_text(code.as_str()), Some(*code));
        }
    }
}
