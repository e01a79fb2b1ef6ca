//! Finding descriptor files under the paths a user gives.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use crate::descriptor::is_descriptor_name;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::paths::{repository_root, show};

/// Directories never searched: version control, build output, dependencies.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules"];

/// A descriptor to check, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path to read, kept as a path (names need not be UTF-8).
    pub path: PathBuf,
    /// The path as shown in reports: relative to the working directory when
    /// under it, `/`-separated, escaped (see [`crate::paths::show`]).
    pub shown: String,
    /// When set, the file must resolve inside this directory (its
    /// repository) or it is refused: set for symbolic links and for files
    /// named on the command line.
    pub confine_to: Option<PathBuf>,
}

/// The descriptor files under `paths`, sorted and without duplicates.
///
/// A path that is a file is taken as given, whatever its name. Directories
/// are searched recursively for `llm-project.yaml`, `llm-project.yml` and
/// `*.llm-project.yaml`. Symbolic links with a descriptor's name are
/// followed, but must resolve inside the repository searched (the nearest
/// ancestor holding `.git`, else the working directory or the directory
/// given); links to directories are not followed (as in ripgrep), so link
/// loops cannot make the search run forever. Every entry with a descriptor's
/// name is returned, including pipes, directories, dangling links and link
/// loops, so that checking it reports why it cannot be checked; an
/// unreadable directory is reported here and the search goes on.
#[must_use]
pub fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<Diagnostic>) {
    let cwd = std::env::current_dir().ok();
    let cwd = cwd.as_deref();
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let root = repository_root(path, cwd);
                search(cwd, path, root.as_deref(), &mut found, &mut problems);
            }
            Ok(_) => {
                let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let root = repository_root(base, cwd);
                found.push(Found { path: path.clone(), shown: show(cwd, path), confine_to: root });
            }
            Err(error) if std::fs::symlink_metadata(path).is_ok() => {
                // A dangling link or a link loop: checking it says which.
                let _ = error;
                let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                found.push(Found {
                    path: path.clone(),
                    shown: show(cwd, path),
                    confine_to: repository_root(base, cwd),
                });
            }
            Err(error) => problems.push(
                Diagnostic::without_file(
                    Code::IoError,
                    Msg::new("read-failed").arg("name", show(cwd, path)).arg("reason", reason(&error)),
                )
                .with_help(Msg::new("discover-help")),
            ),
        }
    }
    found.sort_by(|a, b| (&a.shown, &a.path).cmp(&(&b.shown, &b.path)));
    found.dedup_by(|a, b| normal(&a.path) == normal(&b.path));
    (found, problems)
}

fn normal(path: &Path) -> PathBuf {
    path.components().filter(|c| !matches!(c, Component::CurDir)).collect()
}

fn search(
    cwd: Option<&Path>,
    root: &Path,
    repo: Option<&Path>,
    found: &mut Vec<Found>,
    problems: &mut Vec<Diagnostic>,
) {
    let walker = walkdir::WalkDir::new(root).into_iter().filter_entry(|entry| {
        entry.depth() == 0
            || !(entry.file_type().is_dir() && SKIPPED_DIRS.iter().any(|d| entry.file_name() == OsStr::new(d)))
    });
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.depth() == 0 || !is_descriptor_name(&entry.file_name().to_string_lossy()) {
                    continue;
                }
                let file_type = entry.file_type();
                // A directory with a descriptor's name is searched like any other.
                if file_type.is_dir() {
                    continue;
                }
                // Links may lead anywhere: they are confined to the repository.
                let confine_to = if file_type.is_symlink() { repo.map(Path::to_path_buf) } else { None };
                if file_type.is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
                    continue;
                }
                found.push(Found { path: entry.path().to_path_buf(), shown: show(cwd, entry.path()), confine_to });
            }
            Err(error) => {
                let path = error.path().map_or_else(|| show(cwd, root), |p| show(cwd, p));
                let reason =
                    error.io_error().map_or_else(|| Msg::new("io-other").arg("error", error.to_string()), reason);
                let message = Msg::new("search-failed").arg("path", path).arg("reason", reason);
                problems.push(Diagnostic::without_file(Code::IoError, message));
            }
        }
    }
}

fn reason(error: &std::io::Error) -> Msg {
    match error.kind() {
        std::io::ErrorKind::NotFound => Msg::new("io-no-such-file-or-directory"),
        std::io::ErrorKind::PermissionDenied => Msg::new("io-permission-denied"),
        _ => Msg::new("io-other").arg("error", error.to_string()),
    }
}
