//! Invariants ARCHITECTURE.md states about the library/binary boundary, checked on the source.

use std::path::{Path, PathBuf};

/// The library's source files: every module `src/lib.rs` declares, with its folder.
fn library_files() -> Vec<PathBuf> {
    let src = crate::root().join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut files = vec![src.join("lib.rs")];
    for line in lib.lines() {
        let Some(name) = line.trim().strip_prefix("pub mod ").or_else(|| line.trim().strip_prefix("mod ")) else {
            continue;
        };
        let name = name.trim_end_matches(';');
        files.push(src.join(format!("{name}.rs")));
        collect(&src.join(name), &mut files);
    }
    files.retain(|f| f.is_file());
    files
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_library_knows_no_command_line_terminal_or_process() {
    let files = library_files();
    assert!(files.len() > 40, "{files:?}");
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    for binary_only in ["main.rs", "cli.rs", "app.rs", "terminal.rs"] {
        assert!(!names.iter().any(|n| n.ends_with(&format!("/src/{binary_only}"))), "{binary_only} is in the library");
    }
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Test modules may do as they like; only the code before them counts.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for forbidden in
            ["clap", "inquire", "println!", "eprintln!", "process::exit", "env::var", "io::stdin", "is_terminal"]
        {
            assert!(!code.contains(forbidden), "{} uses `{forbidden}`", file.display());
        }
    }
}
