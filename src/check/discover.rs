//! Finding descriptor files under the paths a user gives.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use crate::descriptor::is_descriptor_name;
use crate::diag::{Code, Diagnostic};

/// Directories never searched: version control, build output, dependencies.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules"];

/// A descriptor to check, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path to read, kept as a path (names need not be UTF-8).
    pub path: PathBuf,
    /// The path as shown in reports: relative to the working directory when
    /// under it, `/`-separated, escaped (see [`show`]).
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
                    format!("cannot read `{}`: {}", show(cwd, path), reason(&error)),
                )
                .with_help("give a descriptor file or a directory to search"),
            ),
        }
    }
    found.sort_by(|a, b| (&a.shown, &a.path).cmp(&(&b.shown, &b.path)));
    found.dedup_by(|a, b| normal(&a.path) == normal(&b.path));
    (found, problems)
}

/// The repository `dir` belongs to: the nearest ancestor holding `.git`;
/// without one, the working directory when `dir` is inside it, else `dir`.
#[must_use]
pub fn repository_root(dir: &Path, cwd: Option<&Path>) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    if let Some(repo) = dir.ancestors().find(|d| d.join(".git").exists()) {
        return Some(repo.to_path_buf());
    }
    let cwd = cwd.and_then(|c| c.canonicalize().ok());
    Some(match cwd {
        Some(cwd) if dir.starts_with(&cwd) => cwd,
        _ => dir,
    })
}

/// Where `path` leads, following links as far as they go: the canonical
/// path when it exists, otherwise the canonical form of the deepest part
/// that exists (links included) with the rest appended. So a link to a
/// missing file outside a repository resolves outside it, just as a link to
/// an existing one does, and both get the same answer.
#[must_use]
pub fn resolve_lenient(path: &Path) -> PathBuf {
    resolve_depth(path, 0)
}

fn resolve_depth(path: &Path, depth: usize) -> PathBuf {
    if let Ok(resolved) = path.canonicalize() {
        return resolved;
    }
    if depth < 40
        && let Ok(target) = std::fs::read_link(path)
    {
        let parent = path.parent().unwrap_or(Path::new(""));
        return resolve_depth(&parent.join(target), depth + 1);
    }
    let absolute =
        if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
        return lexical(&absolute);
    };
    if depth >= 40 || parent == absolute {
        return lexical(&absolute);
    }
    let mut resolved = resolve_depth(parent, depth + 1);
    resolved.push(name);
    lexical(&resolved)
}

/// `a/./b/../c` as `a/c`, without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
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
                let message =
                    format!("cannot search `{path}`: {}", error.io_error().map_or_else(|| error.to_string(), reason));
                problems.push(Diagnostic::without_file(Code::IoError, message));
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
/// under it, `/`-separated, without a leading `./`. Bytes that are not UTF-8
/// are shown as `\xNN`, control and invisible characters as `\u{..}`, and a
/// path that would start with `:` is written `./:…`, so no line of output
/// starting with a path can read as a CI workflow command.
#[must_use]
pub fn show(cwd: Option<&Path>, path: &Path) -> String {
    let relative = cwd.and_then(|cwd| path.strip_prefix(cwd).ok()).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| match c {
            Component::RootDir => String::new(),
            other => show_os(other.as_os_str()),
        })
        .collect();
    let joined = if parts.is_empty() { ".".to_owned() } else { parts.join("/") };
    if joined.starts_with(':') { format!("./{joined}") } else { joined }
}

/// One path component, escaped.
fn show_os(name: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(&crate::report::text::sanitize_name(chunk.valid()));
            for byte in chunk.invalid() {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        crate::report::text::sanitize_name(&name.to_string_lossy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_paths_are_escaped_and_never_start_with_a_colon() {
        assert_eq!(show(None, Path::new("./a/b.yaml")), "a/b.yaml");
        assert_eq!(show(None, Path::new("::error::x/llm-project.yaml")), "./::error::x/llm-project.yaml");
        assert_eq!(show(None, Path::new("a\n::warning::b/llm-project.yaml")), "a\\n::warning::b/llm-project.yaml");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = Path::new(OsStr::from_bytes(b"caf\xe9/llm-project.yaml"));
            assert_eq!(show(None, odd), "caf\\xe9/llm-project.yaml");
        }
    }

    #[test]
    fn lenient_resolution_goes_as_far_as_the_file_system_does() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        assert_eq!(resolve_lenient(&base.join("missing/../x.yaml")), base.join("x.yaml"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/nonexistent-dir/secret", base.join("link")).unwrap();
            assert_eq!(resolve_lenient(&base.join("link")), Path::new("/nonexistent-dir/secret"));
        }
    }
}
