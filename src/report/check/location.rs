//! Where a report's paths are relative to: the repository root.
//!
//! Check results name files relative to the working directory. Code-scanning
//! services (SARIF, GitLab Code Quality) want them relative to the repository
//! root instead, wherever the command ran, so [`RepoPaths`] converts them.

use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// The working directory and the repository root of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepoPaths {
    /// The directory report paths are relative to (the working directory), absolute.
    cwd: Option<PathBuf>,
    /// The repository root, absolute.
    root: Option<PathBuf>,
}

impl RepoPaths {
    /// Paths relative to `root`, for results named relative to `cwd` (both absolute).
    #[must_use]
    pub fn new(cwd: &Path, root: &Path) -> Self {
        RepoPaths { cwd: Some(normalize(cwd)), root: Some(normalize(&cwd.join(root))) }
    }

    /// The root of a run started in `cwd`: `explicit` (`--root`) when given,
    /// else the nearest directory at or above `cwd` that has a `.git`, else
    /// the nearest one above the first checked path, else `cwd` itself.
    #[must_use]
    pub fn find(cwd: &Path, explicit: Option<&Path>, first_path: Option<&Path>) -> Self {
        if let Some(root) = explicit {
            return RepoPaths::new(cwd, root);
        }
        let from_path = first_path.map(|p| normalize(&cwd.join(p)));
        let root = repository_root(cwd)
            .or_else(|| from_path.as_deref().and_then(repository_root))
            .unwrap_or_else(|| cwd.to_path_buf());
        RepoPaths::new(cwd, &root)
    }

    /// `path` (as a check result names it: relative to the working directory
    /// or absolute, `/`-separated) relative to the root, `/`-separated; `None`
    /// when it is outside the root.
    #[must_use]
    pub fn relative(&self, path: &str) -> Option<String> {
        let (Some(cwd), Some(root)) = (&self.cwd, &self.root) else {
            return Some(path.to_owned());
        };
        let absolute = normalize(&cwd.join(path));
        let inside = absolute.strip_prefix(root).map(Path::to_path_buf).ok().or_else(|| {
            // Through a symbolic link (e.g. a temporary directory): compare real paths.
            let real_root = root.canonicalize().ok()?;
            let real = absolute.canonicalize().ok()?;
            real.strip_prefix(real_root).map(Path::to_path_buf).ok()
        })?;
        let relative = slashed(&inside);
        Some(if relative.is_empty() { ".".to_owned() } else { relative })
    }

    /// The absolute path of a result's `path`, `/`-separated.
    #[must_use]
    pub fn absolute(&self, path: &str) -> String {
        match &self.cwd {
            Some(cwd) => slashed(&normalize(&cwd.join(path))),
            None => path.to_owned(),
        }
    }

    /// The root as a `file:` URI ending in `/`, when known.
    #[must_use]
    pub fn root_uri(&self) -> Option<String> {
        self.root.as_ref().map(|root| {
            let mut path = slashed(root);
            if !path.starts_with('/') {
                // A Windows drive path: `C:/x` becomes `file:///C:/x`.
                path.insert(0, '/');
            }
            if !path.ends_with('/') {
                path.push('/');
            }
            format!("file://{}", percent_encode(&path))
        })
    }
}

/// The nearest directory at or above `start` holding `.git` (a directory, or
/// the file a linked worktree or submodule has).
fn repository_root(start: &Path) -> Option<PathBuf> {
    start.ancestors().find(|dir| dir.join(".git").exists()).map(Path::to_path_buf)
}

/// `path` without `.` components and with `..` applied, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A path's components joined with `/`.
fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::RootDir => out.push('/'),
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

/// A URI reference for a `/`-separated path: everything but unreserved
/// characters, `/` and a drive's `:` is percent-encoded.
#[must_use]
pub fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (index, byte) in path.bytes().enumerate() {
        let drive_colon = byte == b':' && index == 2 && path.starts_with('/');
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) || drive_colon {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_named_relative_to_the_root_wherever_the_run_started() {
        let paths = RepoPaths::new(Path::new("/repo/services"), Path::new(".."));
        assert_eq!(paths.relative("search/llm-project.yaml").as_deref(), Some("services/search/llm-project.yaml"));
        assert_eq!(paths.relative("../llm-project.yaml").as_deref(), Some("llm-project.yaml"));
        assert_eq!(paths.relative("/repo/a/./b.llm-project.yaml").as_deref(), Some("a/b.llm-project.yaml"));
        assert_eq!(paths.relative("/elsewhere/llm-project.yaml"), None);
        assert_eq!(paths.root_uri().as_deref(), Some("file:///repo/"));
        assert_eq!(paths.absolute("x/../y.yaml"), "/repo/services/y.yaml");
    }

    #[test]
    fn the_root_is_the_nearest_directory_with_git() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(base.join("repo/.git")).unwrap();
        std::fs::create_dir_all(base.join("repo/a/b")).unwrap();
        let paths = RepoPaths::find(&base.join("repo/a/b"), None, None);
        assert_eq!(paths.relative("llm-project.yaml").as_deref(), Some("a/b/llm-project.yaml"));
        // Started outside the repository, the first path's repository is used.
        let paths = RepoPaths::find(&base, None, Some(Path::new("repo/a")));
        assert_eq!(paths.relative("repo/a/llm-project.yaml").as_deref(), Some("a/llm-project.yaml"));
        // `--root` wins.
        let paths = RepoPaths::find(&base.join("repo/a/b"), Some(Path::new("..")), None);
        assert_eq!(paths.relative("llm-project.yaml").as_deref(), Some("b/llm-project.yaml"));
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(percent_encode("a b/ü%.yaml"), "a%20b/%C3%BC%25.yaml");
        assert_eq!(percent_encode("/C:/x y/"), "/C:/x%20y/");
    }
}
