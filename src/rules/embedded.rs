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
//!   `SHOULDTUNE_BLESS=1 cargo test --locked --lib rules::embedded`;
//! - the file starts with a fingerprint of the texts it was compiled from: a
//!   build whose embedded YAML differs from them, or that cannot read the
//!   file, loads the YAML instead. Stale data never silently becomes advice;
//!   it only costs the start-up time it was meant to save.
//!
//! User rule files, `--rules`, overlays and `rules check FILE` go through
//! [`super::load`] as before, with the same checks and errors.

use super::{DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT, DEFAULT_TRANSLATIONS, RuleSet};

/// The serialized default rule set: [`MAGIC`], the fingerprint of the texts it
/// was compiled from (8 bytes, little-endian), then the postcard encoding.
const ARTEFACT: &[u8] = include_bytes!("embedded/default-rules.postcard");

/// The first bytes of the artefact.
const MAGIC: &[u8; 8] = b"stune-r1";

/// The fingerprint of the embedded rule file and translations, computed at compile time.
const FINGERPRINT: u64 = fingerprint((DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT), DEFAULT_TRANSLATIONS);

/// The embedded default rule set from the artefact, or `None` when the
/// artefact is stale or unreadable (the caller then loads the YAML).
pub(super) fn load() -> Option<RuleSet> {
    decode(ARTEFACT, FINGERPRINT)
}

/// `bytes` as a rule set, if they carry `fingerprint` and decode completely.
fn decode(bytes: &[u8], fingerprint: u64) -> Option<RuleSet> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (stamp, payload) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*stamp) != fingerprint {
        return None;
    }
    match postcard::take_from_bytes::<RuleSet>(payload) {
        Ok((rule_set, [])) => Some(rule_set),
        _ => None,
    }
}

/// FNV-1a over `bytes`, continuing from `hash`.
const fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// FNV-1a over the name and text of the rule file and of each translation, each prefixed by its length.
const fn fingerprint(rules: (&str, &str), translations: &[(&str, &str)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i <= translations.len() {
        let (name, text) = if i == 0 { rules } else { translations[i - 1] };
        hash = fnv1a(hash, &(name.len() as u64).to_le_bytes());
        hash = fnv1a(hash, name.as_bytes());
        hash = fnv1a(hash, &(text.len() as u64).to_le_bytes());
        hash = fnv1a(hash, text.as_bytes());
        i += 1;
    }
    hash
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

    /// The artefact for `rule_set` (written by the test below when blessed).
    fn encode(rule_set: &RuleSet) -> Result<Vec<u8>, postcard::Error> {
        let mut out = MAGIC.to_vec();
        out.extend(FINGERPRINT.to_le_bytes());
        out.extend(postcard::to_allocvec(rule_set)?);
        Ok(out)
    }

    /// The embedded rule set as the ordinary loader builds it from the YAML.
    fn loaded() -> RuleSet {
        super::super::load(&[super::super::default_source()], Limits::default()).unwrap_or_else(|d| panic!("{d:#?}"))
    }

    #[test]
    fn the_compiled_default_rules_are_in_step_with_the_yaml() {
        let fresh = encode(&loaded()).unwrap();
        if fresh == ARTEFACT {
            return;
        }
        if std::env::var("SHOULDTUNE_BLESS").is_ok_and(|v| v == "1") {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTEFACT_PATH);
            std::fs::write(&path, &fresh).unwrap();
            eprintln!("wrote {} ({} bytes); rebuild to embed it", path.display(), fresh.len());
            return;
        }
        panic!(
            "{ARTEFACT_PATH} is out of date: rules/default.yaml, its translations, the loader or the rule \
             model changed since it was written (it has {} bytes, the loader now gives {}). Regenerate it with\n\n    \
             SHOULDTUNE_BLESS=1 cargo test --locked --lib rules::embedded\n\nand commit it.",
            ARTEFACT.len(),
            fresh.len()
        );
    }

    #[test]
    fn the_default_rules_come_from_the_artefact_unchanged() {
        let from_artefact = load().expect("the artefact is stale or unreadable: see the test above");
        // Serialized again, the deserialized rule set is byte for byte what was stored.
        assert_eq!(encode(&from_artefact).unwrap(), ARTEFACT);
        let rule_set = super::super::load_default().unwrap();
        assert_eq!(encode(&rule_set).unwrap(), ARTEFACT);
        // Origins point into the embedded text, shared.
        let rule = &rule_set.rules.raw[0];
        assert_eq!(rule.origin.file.name(), DEFAULT_RULES_NAME);
        let span = rule.origin.span;
        assert_eq!(&DEFAULT_RULES_TEXT[span.offset..span.offset + span.len], rule.id);
        assert_eq!(rule.origin.file, rule_set.questions.raw[0].origin.file);
    }

    #[test]
    fn a_stale_or_damaged_artefact_is_not_used() {
        assert!(decode(ARTEFACT, FINGERPRINT).is_some());
        // Another fingerprint: the YAML changed since the artefact was written.
        assert!(decode(ARTEFACT, FINGERPRINT ^ 1).is_none());
        // Cut short, extended, or not an artefact at all.
        assert!(decode(&ARTEFACT[..ARTEFACT.len() - 1], FINGERPRINT).is_none());
        assert!(decode(&ARTEFACT[..12], FINGERPRINT).is_none());
        assert!(decode(&[ARTEFACT, &[0]].concat(), FINGERPRINT).is_none());
        assert!(decode(b"", FINGERPRINT).is_none());
        let mut other_magic = ARTEFACT.to_vec();
        other_magic[0] ^= 1;
        assert!(decode(&other_magic, FINGERPRINT).is_none());
    }

    #[test]
    fn the_fingerprint_covers_every_embedded_text() {
        let rules = (DEFAULT_RULES_NAME, DEFAULT_RULES_TEXT);
        assert_eq!(FINGERPRINT, fingerprint(rules, DEFAULT_TRANSLATIONS));
        let (name, text) = DEFAULT_TRANSLATIONS[0];
        let edited = text.replacen("10", "11", 1);
        assert_ne!(edited, text);
        assert_ne!(FINGERPRINT, fingerprint(rules, &[(name, &edited)]));
        assert_ne!(FINGERPRINT, fingerprint(rules, &[(name, text), (name, text)]));
        assert_ne!(
            FINGERPRINT,
            fingerprint((DEFAULT_RULES_NAME, &DEFAULT_RULES_TEXT.replacen("10", "11", 1)), DEFAULT_TRANSLATIONS)
        );
        assert_ne!(FINGERPRINT, fingerprint(("rules/other.yaml", DEFAULT_RULES_TEXT), DEFAULT_TRANSLATIONS));
    }

    #[test]
    fn only_the_embedded_rule_file_is_serialized_by_name() {
        let mut set = loaded();
        set.rules.raw[0].origin.file = SourceFile::new(DEFAULT_RULES_NAME, "a different text");
        assert!(encode(&set).is_err());
        let user = super::super::load(
            &[SourceFile::new(
                "mine.yaml",
                "approaches:\n  - id: a\n    title: A\n  - id: b\n    title: B\nquestions: []\nrules: []\n",
            )],
            Limits::default(),
        )
        .unwrap_or_else(|d| panic!("{d:#?}"));
        assert!(encode(&user).is_err());
    }
}
