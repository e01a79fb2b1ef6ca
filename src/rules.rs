//! Rule sets: the shipped default, loading and checking rule files, and the
//! validated model the evaluator works on.
//!
//! Loading is the only stage that can fail on a rule set. After
//! [`load`] returns a [`RuleSet`], every condition is type-checked and
//! every reference resolved, so evaluation cannot fail.

mod compile;
pub(crate) mod embedded;
pub mod emit;
pub(crate) mod format;
pub mod lint;
pub mod locale;
pub(crate) use compile::read_value as read_answer;
pub mod expr;
mod model;
pub mod program;

pub use model::{
    Approach, ApproachId, Citation, Condition, DerivedFact, Origin, Overlay, Question, QuestionId, QuestionKind, Rule,
    RuleId, RuleSet, Source, SourceId, TextKey, TiSlice, TiVec, TranslationTables, Translations, Value,
};

use crate::diag::Diagnostic;
use crate::load::Limits;
use crate::source::SourceFile;

/// The shipped rule set's text, embedded in the binary.
pub const DEFAULT_RULES_TEXT: &str = include_str!("../rules/default.yaml");

/// The name the embedded rule set goes by in messages.
pub const DEFAULT_RULES_NAME: &str = "rules/default.yaml";

/// The default rule set's translations, embedded in the binary: (name, text) per locale.
pub const DEFAULT_TRANSLATIONS: &[(&str, &str)] =
    &[("rules/locales/ja.yaml", include_str!("../rules/locales/ja.yaml"))];

/// The default rule set's translation files.
#[must_use]
pub fn default_translation_sources() -> Vec<SourceFile> {
    DEFAULT_TRANSLATIONS.iter().map(|(name, text)| SourceFile::new(*name, *text)).collect()
}

/// The embedded default rule set as a source file (one copy of the text, shared).
#[must_use]
pub fn default_source() -> SourceFile {
    static SOURCE: std::sync::LazyLock<SourceFile> =
        std::sync::LazyLock::new(|| SourceFile::new(DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT));
    SOURCE.clone()
}

/// The embedded default rule set: the same value as [`load`] gives for
/// [`default_source`], read from the form compiled ahead of time (see
/// `rules::embedded` and ARCHITECTURE.md), or loaded from the YAML should that
/// form be stale.
pub fn load_default() -> Result<RuleSet, Vec<Diagnostic>> {
    match embedded::load() {
        Some(rule_set) => Ok(rule_set),
        None => load(&[default_source()], Limits::default()),
    }
}

/// Loads and checks rule files, later files extending earlier ones.
///
/// A file whose top level says `extends: default` is read on top of the
/// embedded default rule set. Every problem found is returned, not just the first.
pub fn load(files: &[SourceFile], limits: Limits) -> Result<RuleSet, Vec<Diagnostic>> {
    compile::compile(files, limits)
}

#[cfg(test)]
mod tests;
