//! Finding descriptor files under the paths a user gives.

use std::path::{Component, Path, PathBuf};

use crate::descriptor::is_descriptor_name;
use crate::diag::{Diagnostic, codes};

/// Directories never searched: version control, build output, dependencies.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules"];

/// The descriptor files under `paths`, sorted and without duplicates.
///
/// A path that is a file is taken as given, whatever its name. Directories
/// are searched recursively for `llm-project.yaml`, `llm-project.yml` and
/// `*.llm-project.yaml`. Symbolic links to descriptor files are followed;
/// links to directories are not (as in ripgrep), so link loops cannot make the
/// search run forever. An unreadable directory is reported and the search goes on.
#[must_use]
pub fn discover(paths: &[PathBuf]) -> (Vec<String>, Vec<Diagnostic>) {
    let cwd = std::env::current_dir().ok();
    let cwd = cwd.as_deref();
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = display(cwd, path);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => search(cwd, path, &mut found, &mut problems),
            Ok(_) => found.push(name),
            Err(error) => problems.push(
                Diagnostic::without_file(codes::IO_ERROR, format!("cannot read `{name}`: {}", reason(&error)))
                    .with_help("give a descriptor file or a directory to search"),
            ),
        }
    }
    found.sort();
    found.dedup();
    (found, problems)
}

fn search(cwd: Option<&Path>, root: &Path, found: &mut Vec<String>, problems: &mut Vec<Diagnostic>) {
    let walker = walkdir::WalkDir::new(root).into_iter().filter_entry(|entry| {
        entry.depth() == 0
            || !(entry.file_type().is_dir() && SKIPPED_DIRS.contains(&entry.file_name().to_string_lossy().as_ref()))
    });
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !is_descriptor_name(&entry.file_name().to_string_lossy()) {
                    continue;
                }
                let file_type = entry.file_type();
                // Only a link with a descriptor's name costs an extra stat.
                let is_file = file_type.is_file()
                    || (file_type.is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| !m.is_dir()));
                if is_file {
                    found.push(display(cwd, entry.path()));
                }
            }
            Err(error) => {
                let path = error.path().map_or_else(|| display(cwd, root), |p| display(cwd, p));
                let message =
                    format!("cannot search `{path}`: {}", error.io_error().map_or_else(|| error.to_string(), reason));
                problems.push(Diagnostic::without_file(codes::IO_ERROR, message));
            }
        }
    }
}

fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

/// A path as shown in reports: relative to the working directory when it is
/// under it, `/`-separated, without a leading `./`.
fn display(cwd: Option<&Path>, path: &Path) -> String {
    let relative = cwd.and_then(|cwd| path.strip_prefix(cwd).ok()).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| match c {
            Component::RootDir => String::new(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    if parts.is_empty() { ".".to_owned() } else { parts.join("/") }
}
