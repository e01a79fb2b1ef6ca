//! Indexes the embedded Fluent resources (`locales/*/shouldtune.ftl`) by
//! message id, so that start-up does not scan and hash them: `src/i18n.rs`
//! includes the generated `fluent_index.rs` and finds a message by binary
//! search. The scanner is the one the crate's tests use (`src/i18n/entries.rs`).

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/i18n/entries.rs"]
mod entries;

/// The languages whose resources are embedded, as named in `src/i18n.rs`.
const LANGUAGES: &[(&str, &str)] = &[("EN", "en"), ("JA", "ja")];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=src/i18n/entries.rs");
    let mut code = String::new();
    for (name, code_name) in LANGUAGES {
        let path = format!("locales/{code_name}/shouldtune.ftl");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let mut index = entries::message_entries(&text);
        // Sorted by id for binary search; of two definitions of an id (a test forbids them) the
        // first counts, as in a bundle: the sort is stable and `dedup_by` keeps the first.
        index.sort_by(|a, b| a.0.cmp(b.0));
        index.dedup_by(|later, earlier| later.0 == earlier.0);
        writeln!(
            code,
            "/// Each message of `{path}` as (start, length of the id, end), sorted by id.\n\
             #[allow(clippy::unreadable_literal)]\n\
             const {name}_INDEX: [(u32, u32, u32); {}] = [",
            index.len()
        )?;
        for (id, range) in index {
            let (start, id_len, end) =
                (u32::try_from(range.start)?, u32::try_from(id.len())?, u32::try_from(range.end)?);
            writeln!(code, "    ({start}, {id_len}, {end}),")?;
        }
        writeln!(code, "];")?;
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(out.join("fluent_index.rs"), code)?;
    Ok(())
}
