//! Invariants ARCHITECTURE.md states about the library/binary boundary, checked on the source.

use std::path::{Path, PathBuf};

/// The library's source files: every module `src/lib.rs` declares, with its folder.
fn library_files() -> Vec<PathBuf> {
    let src = crate::root().join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut files = vec![src.join("lib.rs")];
    for line in lib.lines() {
        let line = line.trim();
        let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("pub(crate) mod "))
            .or_else(|| line.strip_prefix("mod "))
        else {
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

/// The library's top-level modules, as `src/lib.rs` declares them.
fn top_level_modules() -> Vec<String> {
    let lib = std::fs::read_to_string(crate::root().join("src/lib.rs")).unwrap();
    lib.lines()
        .filter_map(|line| {
            let line = line.trim();
            line.strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("pub(crate) mod "))
                .or_else(|| line.strip_prefix("mod "))
        })
        .map(|name| name.trim_end_matches(';').to_owned())
        .filter(|name| name != "test_support")
        .collect()
}

/// A file's code without comments and without items under `#[cfg(test)]`
/// (test modules may reach anywhere; only what the library runs counts).
fn shipped_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the next item: a one-line `mod x;`, or everything up to its closing brace.
            let mut depth = 0usize;
            let mut opened = false;
            for item in lines.by_ref() {
                depth = (depth + item.matches('{').count()).saturating_sub(item.matches('}').count());
                opened |= item.contains('{');
                if (opened && depth == 0) || (!opened && item.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules `code` names through `crate::x` or `crate::{x, y}`.
fn modules_named(code: &str, modules: &[String]) -> Vec<String> {
    let mut named = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let idents: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            group
                .split('}')
                .next()
                .unwrap_or_default()
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap())
                .collect()
        } else {
            vec![rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or_default()]
        };
        named.extend(idents.into_iter().filter(|n| modules.iter().any(|m| m == n)).map(str::to_owned));
    }
    named
}

/// Which module names which, with the first file that does.
type Edges = std::collections::BTreeMap<String, std::collections::BTreeMap<String, PathBuf>>;

/// Depth-first search for a back edge from `module`; the path to it is the cycle.
fn visit<'m>(
    module: &'m str,
    edges: &'m Edges,
    path: &mut Vec<&'m str>,
    done: &mut std::collections::BTreeSet<&'m str>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| *m == module) {
        let mut cycle: Vec<String> = path[at..].iter().map(|m| (*m).to_owned()).collect();
        cycle.push(module.to_owned());
        return Some(cycle);
    }
    if !done.insert(module) {
        return None;
    }
    path.push(module);
    for next in edges.get(module).into_iter().flat_map(|e| e.keys()) {
        if let Some(cycle) = visit(next, edges, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    None
}

/// Which top-level module names which, from the library's shipped code.
fn module_edges(modules: &[String]) -> Edges {
    let src = crate::root().join("src");
    let mut edges = Edges::new();
    for module in modules {
        let mut files = vec![src.join(format!("{module}.rs"))];
        collect(&src.join(module), &mut files);
        for file in files.iter().filter(|f| f.is_file() && !f.ends_with("tests.rs")) {
            let code = shipped_code(&std::fs::read_to_string(file).unwrap());
            for target in modules_named(&code, modules) {
                if &target != module {
                    edges.entry(module.clone()).or_default().entry(target).or_insert_with(|| file.clone());
                }
            }
        }
    }
    // The search sees real dependencies: the report renders evaluations.
    assert!(edges["report"].contains_key("eval"), "{edges:?}");
    edges
}

#[test]
fn the_library_modules_depend_on_each_other_in_one_direction() {
    let modules = top_level_modules();
    assert!(modules.len() > 15, "{modules:?}");
    let edges = module_edges(&modules);
    let mut done = std::collections::BTreeSet::new();
    for module in &modules {
        let cycle = visit(module, &edges, &mut Vec::new(), &mut done);
        if let Some(cycle) = cycle {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|pair| format!("{} -> {} ({})", pair[0], pair[1], edges[&pair[0]][&pair[1]].display()))
                .collect();
            panic!("module cycle:\n{}", steps.join("\n"));
        }
    }
}

/// The layer of each module as ARCHITECTURE.md's "Module layers" table gives
/// it: rows `| N | `module` (what it is), `module` ... |`.
fn documented_layers() -> Vec<(String, usize)> {
    let text = std::fs::read_to_string(crate::root().join("ARCHITECTURE.md")).unwrap();
    let section = text.split("\n## Module layers\n").nth(1).expect("ARCHITECTURE.md has a \"Module layers\" section");
    let section = section.split("\n## ").next().unwrap();
    let mut layers = Vec::new();
    for row in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        let Ok(layer) = cells[0].parse::<usize>() else { continue };
        // The module names are the backticked words outside parentheses.
        let mut depth = 0usize;
        let mut outside = String::new();
        for c in cells[1].chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        for name in outside.split('`').skip(1).step_by(2) {
            layers.push((name.to_owned(), layer));
        }
    }
    layers
}

#[test]
fn each_module_uses_only_modules_on_lower_layers_as_architecture_md_says() {
    let modules = top_level_modules();
    let layers = documented_layers();
    let mut listed: Vec<&str> = layers.iter().map(|(m, _)| m.as_str()).collect();
    listed.sort_unstable();
    let mut expected: Vec<&str> = modules.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(listed, expected, "the layer table must list every top-level module of src/lib.rs once");
    let layer = |m: &str| layers.iter().find(|(name, _)| name == m).map(|(_, l)| *l).unwrap();
    let mut wrong = Vec::new();
    for (from, targets) in &module_edges(&modules) {
        for (to, file) in targets {
            if layer(to) >= layer(from) {
                wrong.push(format!(
                    "{from} (layer {}) uses {to} (layer {}) in {}",
                    layer(from),
                    layer(to),
                    file.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "ARCHITECTURE.md's module layers are not kept:\n{}", wrong.join("\n"));
}

#[test]
fn the_module_scan_sees_grouped_imports_and_skips_tests_and_comments() {
    let modules = vec!["eval".to_owned(), "rules".to_owned(), "load".to_owned()];
    let code = shipped_code(
        "use crate::{eval, rules::Rule};\n// crate::load\n#[cfg(test)]\nmod tests {\n    use crate::load;\n}\n",
    );
    assert_eq!(modules_named(&code, &modules), ["eval", "rules"]);
    let code = shipped_code("#[cfg(test)]\nmod tests;\nfn f() { crate::load::x() }\n");
    assert_eq!(modules_named(&code, &modules), ["load"]);
}

#[test]
fn only_the_loader_knows_the_yaml_parser() {
    for file in library_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.display().to_string();
        if !shown.contains("/src/load") {
            assert!(!shipped_code(&text).contains("granit"), "{shown} uses the YAML parser");
        }
    }
}
