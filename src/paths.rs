//! Paths as the program shows and confines them: escaped for display, resolved
//! through links, and the repository a path belongs to.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

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

/// A path as shown in reports: relative to the working directory when it is
/// under it, `/`-separated, without a leading `./`. Bytes that are not UTF-8
/// are shown as `\xNN`, control and invisible characters as `\u{..}`, and a
/// path that would start with `:` is written `./:…`, so no line of output
/// starting with a path can read as a CI workflow command.
#[must_use]
pub fn show(cwd: Option<&Path>, path: &Path) -> String {
    let relative = cwd.and_then(|cwd| path.strip_prefix(cwd).ok()).unwrap_or(path);
    // The components joined by `/`; the root is an empty first component.
    let mut shown = String::with_capacity(relative.as_os_str().len());
    let mut parts = 0;
    for component in relative.components() {
        if matches!(component, Component::CurDir) {
            continue;
        }
        if parts > 0 {
            shown.push('/');
        }
        parts += 1;
        if !matches!(component, Component::RootDir) {
            push_os(&mut shown, component.as_os_str());
        }
    }
    if parts == 0 {
        ".".to_owned()
    } else if shown.starts_with(':') {
        format!("./{shown}")
    } else {
        shown
    }
}

/// One path component, escaped, appended to `out`.
fn push_os(out: &mut String, name: &OsStr) {
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(&crate::text::sanitize_name(chunk.valid()));
            for byte in chunk.invalid() {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    #[cfg(not(unix))]
    {
        out.push_str(&crate::text::sanitize_name(&name.to_string_lossy()));
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
