//! The embedded default rule set, loaded ahead of time.
//!
//! Parsing, checking and compiling `rules/default.yaml` and its translations
//! was three quarters of the instructions of a short `evaluate`. What that
//! loading produces (the whole [`RuleSet`]: definitions, origins, translations
//! and the compiled [`Program`](super::program::Program)) is kept serialized
//! with postcard in `src/rules/embedded/default-rules.postcard`, embedded in
//! the binary, and [`super::load_default`] only deserializes it.
//!
//! The file is written by the ordinary loader, and two guards keep it true:
//!
//! - the test `the_compiled_default_rules_are_in_step_with_the_yaml` loads the
//!   YAML through [`super::load`] and fails when the result, serialized,
//!   differs from the committed file (an edited rule file, translation, loader
//!   or model), saying how to regenerate it:
//!   `SHOULDTUNE_BLESS=1 cargo test --locked --lib are_in_step_with_the_yaml`;
//! - the file starts with a fingerprint of the texts it was compiled from: a
//!   build whose embedded YAML differs from them, or that cannot read the
//!   file, loads the YAML instead. Stale data never silently becomes advice;
//!   it only costs the start-up time it was meant to save.
//!
//! User rule files, `--rules`, overlays and `rules check FILE` go through
//! [`super::load`] as before, with the same checks and errors.

use super::{DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT, DEFAULT_TRANSLATIONS, RuleSet};
use crate::artefact;

/// The serialized default rule set (the layout is in [`crate::artefact`]).
const ARTEFACT: &[u8] = include_bytes!("embedded/default-rules.postcard");

/// The first bytes of the artefact; changed with the layout of the model or the program, so an
/// artefact of another layout is never decoded.
const MAGIC: [u8; 8] = *b"stune-r2";

/// The fingerprint of the embedded rule file and translations, computed at compile time.
const FINGERPRINT: u64 = artefact::fingerprint(
    artefact::fingerprint(artefact::SEED, &[(DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT)]),
    DEFAULT_TRANSLATIONS,
);

/// The embedded default rule set from the artefact, or `None` when the
/// artefact is stale or unreadable (the caller then loads the YAML).
pub(super) fn load() -> Option<RuleSet> {
    artefact::decode(ARTEFACT, MAGIC, FINGERPRINT)
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
    use crate::load::Limits;
    use crate::source::SourceFile;

    /// Where the artefact lives in the source tree.
    const ARTEFACT_PATH: &str = "src/rules/embedded/default-rules.postcard";

    fn encode(rule_set: &RuleSet) -> Vec<u8> {
        artefact::encode(rule_set, MAGIC, FINGERPRINT)
    }

    /// The embedded rule set as the ordinary loader builds it from the YAML.
    fn loaded() -> RuleSet {
        super::super::load(&[super::super::default_source()], Limits::default()).unwrap_or_else(|d| panic!("{d:#?}"))
    }

    #[test]
    fn the_compiled_default_rules_are_in_step_with_the_yaml() {
        artefact::assert_in_step(ARTEFACT_PATH, ARTEFACT, &encode(&loaded()));
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
