//! Stable diagnostic codes. They are a public contract: CI configurations and
//! SARIF consumers key on them, so a code is never renamed or reused.

/// A stable code with the one-line description shown in docs and SARIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The kebab-case code.
    pub code: &'static str,
    /// What it means, in one line.
    pub summary: &'static str,
    /// How to resolve it.
    pub help: &'static str,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal, $summary:literal, $help:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $code;)*
        /// Every code, in declaration order.
        pub const ALL: &[CodeInfo] = &[$(CodeInfo { code: $code, summary: $summary, help: $help }),*];
    };
}

codes! {
    /// A file could not be read.
    IO_ERROR = "io-error", "a file could not be read", "Check that the path exists, is a regular file and is readable.";
    /// A file is larger than the size limit.
    FILE_TOO_LARGE = "file-too-large", "a file is larger than the size limit", "Descriptors and rule files are a few kilobytes; raise `--max-file-size` if the file is legitimate.";
    /// A file is not valid YAML.
    YAML_SYNTAX = "yaml-syntax", "a file is not valid YAML, or breaks a parsing limit", "Fix the YAML at the position shown; anchors, aliases and nesting are limited to keep parsing safe.";
    /// A file holds no document.
    EMPTY_DOCUMENT = "empty-document", "a file holds no YAML document", "Write a mapping with at least `name:`; see `examples/llm-project.yaml`.";
    /// A mapping has a key that is not allowed there.
    UNKNOWN_KEY = "unknown-key", "a mapping has a key that is not allowed there", "Remove the key or correct its spelling; the message suggests the closest allowed key.";
    /// A required key is missing.
    MISSING_KEY = "missing-key", "a required key is missing", "Add the key named in the message.";
    /// A value has the wrong type.
    WRONG_TYPE = "wrong-type", "a value has the wrong type", "Write a value of the type named in the message (`true`/`false`, a whole number, or one of the listed values).";
    /// A number is outside its allowed range.
    OUT_OF_RANGE = "out-of-range", "a number is outside the allowed range", "Use a number inside the range given in the message.";
    /// A value is not one of the allowed choices.
    UNKNOWN_CHOICE = "unknown-choice", "a value is not one of the allowed choices", "Use one of the values listed in the message.";
    /// A descriptor answers a question whose value the rules derive.
    DERIVED_ANSWER = "derived-answer", "an answer is given for a fact the rules derive", "Remove the answer: the fact is computed from the cost model and the other answers.";
    /// A descriptor answers a question the rule set does not have.
    UNKNOWN_QUESTION = "unknown-question", "an answer names a question the rule set does not have", "Use a question id of the rule set (`shouldtune schema descriptor` lists them); the message suggests the closest one.";
    /// An identifier is defined twice.
    DUPLICATE_ID = "duplicate-id", "an identifier is defined twice", "Rename or remove one of the two definitions.";
    /// A name is not a declared approach.
    UNKNOWN_APPROACH = "unknown-approach", "a name is not one of the rule set's approaches", "Use one of the rule set's approach ids, such as `prompt_engineering`, `rag` or `fine_tuning`.";
    /// A descriptor was saved by an interrupted questionnaire.
    INCOMPLETE_DESCRIPTOR = "incomplete-descriptor", "the descriptor was saved by an interrupted questionnaire", "Finish it with `shouldtune ask --save FILE`, which resumes at the first unanswered question.";
    /// A rule or question is not well formed.
    INVALID_RULE = "invalid-rule", "a rule, question or approach is not well formed", "Follow the rule-file format described in the README.";
    /// A condition is not valid syntax.
    EXPR_SYNTAX = "expr-syntax", "a condition is not valid syntax", "Fix the condition at the column shown; conditions use `and`, `or`, `not`, comparisons and `in [...]`.";
    /// A condition names a question that does not exist.
    EXPR_UNKNOWN_QUESTION = "expr-unknown-question", "a condition names a question that does not exist", "Use an id from the rule set's `questions`.";
    /// A condition compares a choice question with a value it does not have.
    EXPR_UNKNOWN_VALUE = "expr-unknown-value", "a condition uses a choice value the question does not have", "Use one of the question's declared `values`.";
    /// A condition combines values of different types.
    EXPR_TYPE_MISMATCH = "expr-type-mismatch", "a condition combines values of incompatible types", "Compare numbers with numbers, booleans with `==`/`!=`, and choices with their values.";
    /// A rule cites a catalogue id that does not exist.
    UNKNOWN_SOURCE = "unknown-source", "a rule cites a source id that is not in the source catalogue", "Use an id from the rule files' `sources:` (the message suggests the closest one), or add the source to the catalogue.";
    /// A question's ask-condition reads itself or a later question.
    CONDITION_ORDER = "condition-order", "a question's condition reads itself or a later question", "Move the question after the questions its condition reads, or change the condition.";

    /// A rule's condition can never hold.
    RULE_NEVER_FIRES = "rule-never-fires", "a rule's condition can never hold, given the questions' types and conditions", "Fix the condition (a threshold outside the question's range, contradictory clauses, a question that is never asked) or remove the rule.";
    /// No rule reads a question.
    QUESTION_UNREAD = "question-unread", "no rule reads a question, so its answer changes nothing", "Use the question in a rule's `when`, or remove it.";
    /// No rule gives an approach a score.
    APPROACH_UNSCORED = "approach-unscored", "no rule can change an approach's score", "Add a rule with an effect on the approach, or remove it.";
    /// The effects can never separate the approaches.
    APPROACHES_ALWAYS_TIED = "approaches-always-tied", "the rules' effects leave every approach tied for every answer set", "Give some rule different weights for different approaches.";
    /// A rule cites free text in a rule set that has a source catalogue.
    SOURCE_NOT_IN_CATALOGUE = "source-not-in-catalogue", "a rule cites free text although the rule set has a source catalogue", "Add the source to `sources:` with its title, publisher, URL, date and what it says, and cite it by id.";
    /// The plan names an approach other than the recommendation.
    PLAN_CONTRADICTS = "plan-contradicts-recommendation", "the planned approach is not the one the rules recommend", "Change `planned_approach` to include the recommendation, or revisit the answers that led to it.";
    /// The plan leaves out an approach the recommendation should be combined with.
    PLAN_MISSING_COMBINATION = "plan-missing-combination", "the plan leaves out an approach to combine with the recommendation", "Add the approach to `planned_approach` as a list, e.g. `[fine_tuning, rag]`.";
    /// The plan names an approach a rule rules out.
    PLAN_VETOED = "plan-vetoed", "the planned approach is ruled out by a rule", "Remove the vetoed approach from `planned_approach`, or change what makes it infeasible (e.g. collect more examples).";
    /// Fine-tuning is planned without a measured baseline (reported by the default plan rule of this id).
    FINE_TUNING_WITHOUT_BASELINE = "fine-tuning-without-baseline", "fine-tuning is planned without a measured baseline", "Build and measure a prompt-engineering or RAG baseline first, then set `baseline_exists: true`.";
    /// Questions were left unanswered and defaults assumed.
    ANSWER_ASSUMED = "answer-assumed", "questions were left unanswered and their defaults assumed", "Answer every question under `answers:`, or run with `--allow-defaults`.";
    /// A name given to `explain` is no rule, source or diagnostic code.
    UNKNOWN_ID = "unknown-id", "a name is not a rule id, source id or diagnostic code", "Use a rule id (`shouldtune rules show` lists them), a source id or a diagnostic code; the message lists the closest ones.";
    /// The descriptor names no plan.
    NO_PLAN = "no-plan", "the descriptor names no planned approach", "Add `planned_approach:` so the check can compare the plan with the recommendation.";
    /// A descriptor's overlay rule files are in force.
    OVERLAY_IN_FORCE = "overlay-in-force", "a rule overlay named by the descriptor is in force", "Review what the overlay disables, overrides and adds; `check --no-overlays` refuses descriptor-named overlays.";
    /// `check --no-overlays` refused a descriptor that names overlays.
    OVERLAY_REFUSED = "overlay-refused", "the descriptor names a rule overlay and `--no-overlays` is set", "Remove `rules:` from the descriptor, or run without `--no-overlays` to allow its overlays.";
    /// A text of the rule set has no translation in a locale the set declares.
    MISSING_TRANSLATION = "missing-translation", "a rule-set text has no translation in a locale the rule set declares", "Add the translation to the locale's table (`translations:` in the rule file, or the rule set's locale file), or remove the locale from `locales:`.";
    /// `check` found no descriptor to check.
    NO_DESCRIPTOR = "no-descriptor", "no descriptor was found under the paths checked", "Name descriptors `llm-project.yaml`, `llm-project.yml` or `*.llm-project.yaml`, or pass their paths; `shouldtune init` writes one.";
}

/// The description of `code`, if it is one of ours.
#[must_use]
pub fn info(code: &str) -> Option<&'static CodeInfo> {
    ALL.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut seen = std::collections::BTreeSet::new();
        for info in ALL {
            assert!(seen.insert(info.code), "duplicate code {}", info.code);
            assert!(
                info.code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "code {} is not kebab-case",
                info.code
            );
            assert!(!info.summary.is_empty() && !info.help.is_empty());
        }
    }
}
