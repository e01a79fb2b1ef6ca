//! Embedded data kept in the form its loader produced, so start-up only decodes it.
//!
//! A build script cannot call the crate's own loaders, so the embedded rule
//! set (`rules::embedded`) and price tables (`cost::pricing`) are loaded
//! ahead of time by the ordinary loader, in a test, and committed as a
//! generated file: an 8-byte magic naming the kind of data, the fingerprint
//! (8 bytes, little-endian) of the source texts it was loaded from, then the
//! value encoded with postcard.
//!
//! The binary uses such a file only when its fingerprint matches the texts it
//! embeds and it decodes completely; otherwise the caller loads the texts, so
//! a stale file costs time, never correctness. A test per file fails when the
//! loader's result differs from the committed bytes (see [`assert_in_step`]).

use serde::Deserialize;

/// Where FNV-1a starts.
pub(crate) const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// The command that regenerates every artefact.
#[cfg(test)]
pub(crate) const BLESS: &str = "SHOULDTUNE_BLESS=1 cargo test --locked --lib are_in_step_with_the_yaml";

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

/// The fingerprint of `files` (name, text), continuing from `hash` ([`SEED`]
/// to start): FNV-1a over each name and text, each prefixed by its length.
/// Used in constants, so it runs at compile time.
pub(crate) const fn fingerprint(mut hash: u64, files: &[(&str, &str)]) -> u64 {
    let mut i = 0;
    while i < files.len() {
        let (name, text) = files[i];
        hash = fnv1a(hash, &(name.len() as u64).to_le_bytes());
        hash = fnv1a(hash, name.as_bytes());
        hash = fnv1a(hash, &(text.len() as u64).to_le_bytes());
        hash = fnv1a(hash, text.as_bytes());
        i += 1;
    }
    hash
}

/// What follows `magic` and `fingerprint` at the start of `bytes`, if they do.
fn payload(bytes: &[u8], magic: [u8; 8], fingerprint: u64) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(magic.as_slice())?;
    let (stamp, payload) = rest.split_first_chunk::<8>()?;
    (u64::from_le_bytes(*stamp) == fingerprint).then_some(payload)
}

/// Whether `bytes` start with `magic` and `fingerprint`: an artefact of this
/// kind, written from the texts this build embeds (checked without decoding it).
pub(crate) fn is_current(bytes: &[u8], magic: [u8; 8], fingerprint: u64) -> bool {
    payload(bytes, magic, fingerprint).is_some()
}

/// The value in `bytes`, if they start with `magic` and `fingerprint` and the
/// rest decodes completely.
pub(crate) fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8], magic: [u8; 8], fingerprint: u64) -> Option<T> {
    match postcard::take_from_bytes::<T>(payload(bytes, magic, fingerprint)?) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// The bytes [`decode`] reads back as `value`.
#[cfg(test)]
pub(crate) fn encode<T: serde::Serialize>(value: &T, magic: [u8; 8], fingerprint: u64) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend(fingerprint.to_le_bytes());
    out.extend(postcard::to_allocvec(value).unwrap_or_else(|e| panic!("cannot encode the artefact: {e}")));
    out
}

/// Fails unless `embedded` (the artefact the build embeds from `path`, relative
/// to the crate) equals `fresh` (what the loader gives now); with
/// `SHOULDTUNE_BLESS=1` writes `fresh` to `path` instead.
#[cfg(test)]
pub(crate) fn assert_in_step(path: &str, embedded: &[u8], fresh: &[u8]) {
    if fresh == embedded {
        return;
    }
    if std::env::var("SHOULDTUNE_BLESS").is_ok_and(|v| v == "1") {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::write(&file, fresh).unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
        eprintln!("wrote {path} ({} bytes); rebuild to embed it", fresh.len());
        return;
    }
    panic!(
        "{path} is out of date: the embedded YAML it is loaded from, the loader or the types changed since it \
         was written (it has {} bytes, the loader now gives {}). Regenerate it with\n\n    {BLESS}\n\nand commit it.",
        embedded.len(),
        fresh.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: [u8; 8] = *b"test-a-1";

    #[test]
    fn a_stale_or_damaged_artefact_is_not_decoded() {
        let value = (String::from("text"), vec![1_u64, 2, 300]);
        let bytes = encode(&value, MAGIC, 7);
        assert_eq!(decode::<(String, Vec<u64>)>(&bytes, MAGIC, 7), Some(value));
        // Another fingerprint: the texts changed since the artefact was written.
        assert_eq!(decode::<(String, Vec<u64>)>(&bytes, MAGIC, 8), None);
        // Another kind of artefact, cut short, extended, or nothing at all.
        assert_eq!(decode::<(String, Vec<u64>)>(&bytes, *b"test-b-1", 7), None);
        assert_eq!(decode::<(String, Vec<u64>)>(&bytes[..bytes.len() - 1], MAGIC, 7), None);
        assert_eq!(decode::<(String, Vec<u64>)>(&bytes[..12], MAGIC, 7), None);
        assert_eq!(decode::<(String, Vec<u64>)>(&[bytes.as_slice(), &[0]].concat(), MAGIC, 7), None);
        assert_eq!(decode::<(String, Vec<u64>)>(b"", MAGIC, 7), None);
        // The header alone is checked without decoding.
        assert!(is_current(&bytes, MAGIC, 7));
        assert!(is_current(&bytes[..16], MAGIC, 7));
        assert!(!is_current(&bytes, MAGIC, 8));
        assert!(!is_current(&bytes, *b"test-b-1", 7));
        assert!(!is_current(&bytes[..15], MAGIC, 7));
    }

    #[test]
    fn the_fingerprint_changes_with_any_name_or_text() {
        let files = [("a.yaml", "x: 10\n"), ("b.yaml", "y: 1\n")];
        let base = fingerprint(SEED, &files);
        assert_eq!(base, fingerprint(fingerprint(SEED, &files[..1]), &files[1..]));
        assert_ne!(base, fingerprint(SEED, &[("a.yaml", "x: 11\n"), files[1]]));
        assert_ne!(base, fingerprint(SEED, &[("c.yaml", "x: 10\n"), files[1]]));
        assert_ne!(base, fingerprint(SEED, &files[..1]));
        // The lengths keep the boundaries: moving text from one file to the next changes it.
        assert_ne!(base, fingerprint(SEED, &[("a.yaml", "x: 10\ny"), ("b.yaml", ": 1\n")]));
    }
}
