//! Stable diagnostic codes. They are a public contract: CI configurations and
//! SARIF consumers key on them, so a code is never renamed or reused.

/// A stable code with the one-line description shown in docs and SARIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The kebab-case code.
    pub code: &'static str,
    /// What it means, in one line.
    pub summary: &'static str,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal, $summary:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $code;)*
        /// Every code, in declaration order.
        pub const ALL: &[CodeInfo] = &[$(CodeInfo { code: $code, summary: $summary }),*];
    };
}

codes! {
    /// A file could not be read.
    IO_ERROR = "io-error", "a file could not be read";
    /// A file is larger than the size limit.
    FILE_TOO_LARGE = "file-too-large", "a file is larger than the size limit";
    /// A file is not valid YAML.
    YAML_SYNTAX = "yaml-syntax", "a file is not valid YAML, or breaks a parsing limit";
    /// A file holds no document.
    EMPTY_DOCUMENT = "empty-document", "a file holds no YAML document";
    /// A mapping has a key that is not allowed there.
    UNKNOWN_KEY = "unknown-key", "a mapping has a key that is not allowed there";
    /// A required key is missing.
    MISSING_KEY = "missing-key", "a required key is missing";
    /// A value has the wrong type.
    WRONG_TYPE = "wrong-type", "a value has the wrong type";
    /// A number is outside its allowed range.
    OUT_OF_RANGE = "out-of-range", "a number is outside the allowed range";
    /// A value is not one of the allowed choices.
    UNKNOWN_CHOICE = "unknown-choice", "a value is not one of the allowed choices";
    /// A descriptor answers a question the rule set does not have.
    UNKNOWN_QUESTION = "unknown-question", "an answer names a question the rule set does not have";
    /// An identifier is defined twice.
    DUPLICATE_ID = "duplicate-id", "an identifier is defined twice";
    /// A name is not a declared approach.
    UNKNOWN_APPROACH = "unknown-approach", "a name is not one of the rule set's approaches";
    /// A rule or question is not well formed.
    INVALID_RULE = "invalid-rule", "a rule, question or approach is not well formed";
    /// A condition is not valid syntax.
    EXPR_SYNTAX = "expr-syntax", "a condition is not valid syntax";
    /// A condition names a question that does not exist.
    EXPR_UNKNOWN_QUESTION = "expr-unknown-question", "a condition names a question that does not exist";
    /// A condition compares a choice question with a value it does not have.
    EXPR_UNKNOWN_VALUE = "expr-unknown-value", "a condition uses a choice value the question does not have";
    /// A condition combines values of different types.
    EXPR_TYPE_MISMATCH = "expr-type-mismatch", "a condition combines values of incompatible types";
    /// A question's ask-condition reads itself or a later question.
    CONDITION_ORDER = "condition-order", "a question's condition reads itself or a later question";
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
            assert!(!info.summary.is_empty());
        }
    }
}
