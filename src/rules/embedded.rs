//! The embedded default rule set, loaded ahead of time.
//!
//! Parsing, checking and compiling `rules/default.yaml` and its translations
//! was three quarters of the instructions of a short `evaluate`. What that
//! loading produces (the whole [`RuleSet`]: definitions, origins and the
//! compiled [`Program`](super::program::Program)) is kept serialized
//! with postcard in `src/rules/embedded/default-rules.postcard`, embedded in
//! the binary, and [`super::load_default`] only deserializes it. The
//! translations (half of the data, needed only when a run speaks another
//! language) are kept apart in `src/rules/embedded/default-translations.postcard`:
//! the rule set holds only their locales and decodes them when first read
//! (see [`Translations`]).
//!
//! The files are written by the ordinary loader, and two guards keep them true:
//!
//! - the test `the_compiled_default_rules_are_in_step_with_the_yaml` loads the
//!   YAML through [`super::load`] and fails when the result, serialized,
//!   differs from the committed files (an edited rule file, translation, loader
//!   or model), saying how to regenerate them:
//!   `SHOULDTUNE_BLESS=1 cargo test --locked --lib are_in_step_with_the_yaml`;
//! - each file starts with a fingerprint of the texts it was compiled from: a
//!   build whose embedded YAML differs from them, or that cannot read the
//!   rule set's file, loads the YAML instead. Stale data never silently
//!   becomes advice; it only costs the start-up time it was meant to save.
//!   The translations' file is decoded later, when first read, but only if its
//!   fingerprint matched at start-up too; should it then not decode completely,
//!   the translations are loaded from the YAML.
//!
//! User rule files, `--rules`, overlays and `rules check FILE` go through
//! [`super::load`] as before, with the same checks and errors.

use super::model::{TranslationTables, Translations};
use super::{DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT, DEFAULT_TRANSLATIONS, RuleSet};
use crate::artefact;
use crate::load::Limits;

/// The serialized default rule set (the layout is in [`crate::artefact`]).
const ARTEFACT: &[u8] = include_bytes!("embedded/default-rules.postcard");

/// The first bytes of the artefact; changed with the layout of the model or the program, so an
/// artefact of another layout is never decoded.
const MAGIC: [u8; 8] = *b"stune-r5";

/// The default rule set's translations, serialized apart from it.
const TRANSLATIONS: &[u8] = include_bytes!("embedded/default-translations.postcard");

/// The first bytes of the translations' artefact.
const TRANSLATIONS_MAGIC: [u8; 8] = *b"stune-t1";

/// The fingerprint of the embedded rule file and translations, computed at compile time.
const FINGERPRINT: u64 = artefact::fingerprint(
    artefact::fingerprint(artefact::SEED, &[(DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT)]),
    DEFAULT_TRANSLATIONS,
);

/// The embedded default rule set from the artefact, or `None` when the
/// artefact, or that of its translations, is stale or unreadable (the caller
/// then loads the YAML).
pub(super) fn load() -> Option<RuleSet> {
    if !artefact::is_current(TRANSLATIONS, TRANSLATIONS_MAGIC, FINGERPRINT) {
        return None;
    }
    artefact::decode(ARTEFACT, MAGIC, FINGERPRINT)
}

/// The embedded rule set's translations, when first read: from their
/// artefact, or, should it not decode completely, from the YAML.
pub(super) fn decode_translations() -> TranslationTables {
    translations_from(TRANSLATIONS)
}

/// The translations in `bytes`, else from the YAML.
fn translations_from(bytes: &[u8]) -> TranslationTables {
    artefact::decode(bytes, TRANSLATIONS_MAGIC, FINGERPRINT).unwrap_or_else(|| {
        super::load(&[super::default_source()], Limits::default())
            .map(|rule_set| (*rule_set.translations).clone())
            .unwrap_or_default()
    })
}

/// How a rule set's [`Translations`] are serialized: by their locales only,
/// and read back as the embedded rule set's (from their own artefact, when
/// first read). Only the embedded rule set is serialized (see [`origin_file`]).
pub(super) mod translations {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Translations;

    pub(crate) fn serialize<S: Serializer>(translations: &Translations, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(translations.locales())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Translations, D::Error> {
        Ok(Translations::embedded(Vec::<String>::deserialize(deserializer)?))
    }
}

/// How an [`Origin`](super::Origin)'s file is serialized: by name. Only the
/// embedded rule file can be written or read this way, and reading it gives
/// back the one shared [`SourceFile`](crate::source::SourceFile) of the
/// embedded text, so diagnostics and snippets work as after loading the YAML.
pub(super) mod origin_file {
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::source::SourceFile;

    pub(crate) fn serialize<S: Serializer>(file: &SourceFile, serializer: S) -> Result<S::Ok, S::Error> {
        if file.name() != super::DEFAULT_RULES_NAME || file.text() != super::DEFAULT_RULES_TEXT {
            return Err(S::Error::custom(format!("`{}` is not the embedded rule file", file.name())));
        }
        serializer.serialize_str(file.name())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SourceFile, D::Error> {
        let name = <&str>::deserialize(deserializer)?;
        if name == super::DEFAULT_RULES_NAME {
            Ok(crate::rules::default_source())
        } else {
            Err(D::Error::custom(format!("`{name}` is not the embedded rule file")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// Where the artefacts live in the source tree.
    const ARTEFACT_PATH: &str = "src/rules/embedded/default-rules.postcard";
    const TRANSLATIONS_PATH: &str = "src/rules/embedded/default-translations.postcard";

    fn encode(rule_set: &RuleSet) -> Vec<u8> {
        artefact::encode(rule_set, MAGIC, FINGERPRINT)
    }

    /// The embedded rule set as the ordinary loader builds it from the YAML.
    fn loaded() -> RuleSet {
        super::super::load(&[super::super::default_source()], Limits::default()).unwrap_or_else(|d| panic!("{d:#?}"))
    }

    fn encode_translations(rule_set: &RuleSet) -> Vec<u8> {
        artefact::encode(&*rule_set.translations, TRANSLATIONS_MAGIC, FINGERPRINT)
    }

    #[test]
    fn the_compiled_default_rules_are_in_step_with_the_yaml() {
        let rule_set = loaded();
        artefact::assert_in_step(ARTEFACT_PATH, ARTEFACT, &encode(&rule_set));
        artefact::assert_in_step(TRANSLATIONS_PATH, TRANSLATIONS, &encode_translations(&rule_set));
    }

    #[test]
    fn the_translations_are_decoded_only_when_read_and_then_once() {
        let rule_set = load().unwrap_or_else(|| panic!("{ARTEFACT_PATH} is stale or unreadable: {}", artefact::BLESS));
        assert!(!rule_set.translations.decoded());
        // English reads no translation table, so nothing is decoded.
        let english = rule_set.localized("en");
        let question = rule_set.questions.iter().find(|q| matches!(q.kind, super::super::QuestionKind::Choice { .. }));
        let question = question.unwrap();
        let super::super::QuestionKind::Choice { values } = &question.kind else { unreachable!() };
        assert_eq!(english.choice_label(&question.id, &values[0]), values[0]);
        assert!(!rule_set.translations.decoded() && !english.translations.decoded());
        assert!(rule_set.translation("fr", &super::super::TextKey(String::new())).is_none());
        assert!(!rule_set.translations.decoded());
        // Japanese decodes them, once for every copy, and they are the loader's.
        let japanese = rule_set.localized("ja");
        assert!(rule_set.translations.decoded() && japanese.translations.decoded() && english.translations.decoded());
        assert_ne!(japanese.choice_label(&question.id, &values[0]), values[0]);
        assert_ne!(japanese.rules.raw[0].title, rule_set.rules.raw[0].title);
        let fresh = loaded();
        assert_eq!(*rule_set.translations, *fresh.translations);
        assert_eq!(encode_translations(&rule_set), TRANSLATIONS);
        // Translations that do not decode completely are loaded from the YAML.
        let damaged = &TRANSLATIONS[..TRANSLATIONS.len() - 1];
        assert!(artefact::is_current(damaged, TRANSLATIONS_MAGIC, FINGERPRINT));
        assert_eq!(translations_from(damaged), *fresh.translations);
        // Stale translations (another fingerprint) make the whole artefact unused.
        assert!(artefact::is_current(TRANSLATIONS, TRANSLATIONS_MAGIC, FINGERPRINT));
        assert!(!artefact::is_current(TRANSLATIONS, TRANSLATIONS_MAGIC, FINGERPRINT ^ 1));
        assert!(!artefact::is_current(TRANSLATIONS, MAGIC, FINGERPRINT));
    }

    #[test]
    fn the_default_rules_come_from_the_artefact_unchanged() {
        let from_artefact =
            load().unwrap_or_else(|| panic!("{ARTEFACT_PATH} is stale or unreadable: {}", artefact::BLESS));
        // Serialized again, the deserialized rule set is byte for byte what was stored.
        assert_eq!(encode(&from_artefact), ARTEFACT);
        let rule_set = super::super::load_default().unwrap();
        assert_eq!(encode(&rule_set), ARTEFACT);
        // Origins point into the embedded text, shared.
        let rule = &rule_set.rules.raw[0];
        assert_eq!(rule.origin.file.name(), DEFAULT_RULES_NAME);
        let span = rule.origin.span;
        assert_eq!(&DEFAULT_RULES_TEXT[span.offset..span.offset + span.len], rule.id);
        assert_eq!(rule.origin.file, rule_set.questions.raw[0].origin.file);
        // A stale artefact (another fingerprint: the YAML was edited since) is not used.
        assert!(artefact::decode::<RuleSet>(ARTEFACT, MAGIC, FINGERPRINT ^ 1).is_none());
    }

    #[test]
    fn the_fingerprint_covers_the_rule_file_and_every_translation() {
        let edited = DEFAULT_RULES_TEXT.replacen("10", "11", 1);
        let rules = artefact::fingerprint(artefact::SEED, &[(DEFAULT_RULES_NAME, &edited)]);
        assert_ne!(FINGERPRINT, artefact::fingerprint(rules, DEFAULT_TRANSLATIONS));
        let rules = artefact::fingerprint(artefact::SEED, &[(DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT)]);
        for (i, (name, text)) in DEFAULT_TRANSLATIONS.iter().enumerate() {
            let edited = text.replacen("10", "11", 1);
            assert_ne!(&edited, text);
            let mut files = DEFAULT_TRANSLATIONS.to_vec();
            files[i] = (name, &edited);
            assert_ne!(FINGERPRINT, artefact::fingerprint(rules, &files), "{name}");
        }
    }

    #[test]
    fn only_the_embedded_rule_file_is_serialized_by_name() {
        let encodes = |set: &RuleSet| postcard::to_allocvec(set).is_ok();
        let mut set = loaded();
        assert!(encodes(&set));
        set.rules.raw[0].origin.file = SourceFile::new(DEFAULT_RULES_NAME, "a different text");
        assert!(!encodes(&set));
        let user = super::super::load(
            &[SourceFile::new(
                "mine.yaml",
                "approaches:\n  - id: a\n    title: A\n  - id: b\n    title: B\nquestions: []\nrules: []\n",
            )],
            Limits::default(),
        )
        .unwrap_or_else(|d| panic!("{d:#?}"));
        assert!(!encodes(&user));
    }
}
