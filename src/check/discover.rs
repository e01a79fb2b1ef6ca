//! Finding descriptor files under the paths a user gives.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::descriptor::is_descriptor_name;
use crate::diag::{Code, Diagnostic};
use crate::i18n::{Msg, io_reason};
use crate::paths::{repository_root, show};

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

/// How directories are searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search {
    /// Honour `.gitignore`, `.ignore` and `.git/info/exclude` files (of the
    /// directory searched and its parents); off with `--no-ignore`.
    pub respect_ignore_files: bool,
}

impl Default for Search {
    fn default() -> Self {
        Search { respect_ignore_files: true }
    }
}

/// What a search found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The descriptors to check, sorted and without duplicates.
    pub found: Vec<Found>,
    /// Paths that do not exist and directories that cannot be read.
    pub problems: Vec<Diagnostic>,
    /// Descriptors that ignore files hid (counted by a walk without ignore
    /// files, where any apply); 0 with `--no-ignore`.
    pub ignored: usize,
}

/// The descriptor files under `paths`.
///
/// A path that is a file is taken as given, whatever its name. Directories
/// are searched recursively for `llm-project.yaml`, `llm-project.yml` and
/// `*.llm-project.yaml`, as ripgrep searches: with the `ignore` crate,
/// honouring `.gitignore`, `.ignore` and `.git/info/exclude` (inside a git
/// repository or not, but never the user's global excludes, so a search gives
/// the same result on every machine), hidden directories included, `.git`
/// never. Symbolic links with a descriptor's name are followed, but must
/// resolve inside the repository searched (the nearest ancestor holding
/// `.git`, else the working directory or the directory given); links to
/// directories are not followed, so link loops cannot make the search run
/// forever. Every entry with a descriptor's name is returned, including
/// pipes, directories, dangling links and link loops, so that checking it
/// reports why it cannot be checked; an unreadable directory is reported
/// here and the search goes on.
#[must_use]
pub fn discover(paths: &[PathBuf], how: Search) -> Discovery {
    let cwd = std::env::current_dir().ok();
    let cwd = cwd.as_deref();
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut ignored = 0;
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let root = repository_root(path, cwd);
                if how.respect_ignore_files {
                    ignored += search_counting_ignored(cwd, path, root.as_deref(), &mut found, &mut problems);
                } else {
                    search(cwd, path, root.as_deref(), how, &mut found, &mut problems);
                }
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
                    Msg::new("read-failed").arg("name", show(cwd, path)).arg("reason", io_reason(&error)),
                )
                .with_help(Msg::new("discover-help")),
            ),
        }
    }
    // The walk grew the list by doubling: give the slack back before sorting,
    // which takes scratch space in proportion to the list.
    found.shrink_to_fit();
    found.sort_by(|a, b| (&a.shown, &a.path).cmp(&(&b.shown, &b.path)));
    found.dedup_by(|a, b| normal(&a.path) == normal(&b.path));
    Discovery { found, problems, ignored }
}

fn normal(path: &Path) -> PathBuf {
    path.components().filter(|c| !matches!(c, Component::CurDir)).collect()
}

/// A walker over `root`: ignore files honoured or not, hidden entries
/// included, `.git` skipped, links not followed. Entries come in the order the
/// system lists them (sorting them would hold every entry of a directory in
/// memory at once): [`discover`] sorts what it found, [`search`] its problems.
/// `saw_git` is set when a `.git` entry is skipped.
fn walker(root: &Path, respect_ignore_files: bool, saw_git: &Arc<AtomicBool>) -> ignore::Walk {
    let saw_git = Arc::clone(saw_git);
    ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(false)
        .ignore(respect_ignore_files)
        .git_ignore(respect_ignore_files)
        .git_exclude(respect_ignore_files)
        .parents(respect_ignore_files)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let git = entry.depth() > 0 && entry.file_name() == ".git";
            if git {
                saw_git.store(true, Ordering::Relaxed);
            }
            !git
        })
        .build()
}

/// A walked entry that is a descriptor to check: a descriptor's name, and
/// not a directory (a directory with such a name is searched like any other).
fn is_candidate(entry: &ignore::DirEntry) -> bool {
    entry.depth() > 0
        && is_descriptor_name(&entry.file_name().to_string_lossy())
        && !entry.file_type().is_some_and(|t| t.is_dir())
        && !(entry.path_is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()))
}

/// Adds the descriptors under `root` to `found` and what could not be
/// searched to `problems`. Returns whether the walk met an entry with an
/// ignore file's name (`.git` included, which is not searched).
fn search(
    cwd: Option<&Path>,
    root: &Path,
    repo: Option<&Path>,
    how: Search,
    found: &mut Vec<Found>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let saw_git = Arc::new(AtomicBool::new(false));
    let mut saw_ignore_file = false;
    // Problems with the path they concern, put in the order of a walk by name.
    let mut failures: Vec<(PathBuf, Diagnostic)> = Vec::new();
    for entry in walker(root, how.respect_ignore_files, &saw_git) {
        match entry {
            Ok(entry) => {
                saw_ignore_file |= entry.depth() > 0 && is_ignore_file_name(entry.file_name());
                if !is_candidate(&entry) {
                    continue;
                }
                // Links may lead anywhere: they are confined to the repository.
                let confine_to = if entry.path_is_symlink() { repo.map(Path::to_path_buf) } else { None };
                found.push(Found { path: entry.path().to_path_buf(), shown: show(cwd, entry.path()), confine_to });
            }
            Err(error) => {
                let at = error_path(&error).unwrap_or(root);
                let reason =
                    error.io_error().map_or_else(|| Msg::new("io-other").arg("error", error.to_string()), io_reason);
                let message = Msg::new("search-failed").arg("path", show(cwd, at)).arg("reason", reason);
                failures.push((at.to_path_buf(), Diagnostic::without_file(Code::IoError, message)));
            }
        }
    }
    // Paths compare component by component, the order of a walk by name.
    failures.sort_by(|a, b| a.0.cmp(&b.0));
    problems.extend(failures.into_iter().map(|(_, problem)| problem));
    saw_ignore_file || saw_git.load(Ordering::Relaxed)
}

/// How many descriptors are under `root`, ignore files or not. A walk
/// without ignore files sees everything the walk with them saw, and more: the
/// difference is what they hid.
fn count(root: &Path) -> usize {
    walker(root, false, &Arc::default()).flatten().filter(is_candidate).count()
}

/// Searches `root` honouring ignore files, adding what it found to `found`
/// and `problems`; returns how many descriptors ignore files hid.
///
/// Where no ignore file can apply (none in `root`, its parents or anywhere
/// below it), one walk without them finds the same entries and the same
/// problems, and none are hidden: so a tree outside any repository and
/// without ignore files is walked once, without looking for ignore files in
/// every directory. Otherwise the search runs with ignore files, and the
/// descriptors under `root` are counted by a second walk without them, on a
/// thread of its own.
fn search_counting_ignored(
    cwd: Option<&Path>,
    root: &Path,
    repo: Option<&Path>,
    found: &mut Vec<Found>,
    problems: &mut Vec<Diagnostic>,
) -> usize {
    let before = found.len();
    if !ignore_files_above(root) {
        let all = Search { respect_ignore_files: false };
        let (mut found_all, mut problems_all) = (Vec::new(), Vec::new());
        if !search(cwd, root, repo, all, &mut found_all, &mut problems_all) {
            found.append(&mut found_all);
            problems.append(&mut problems_all);
            return 0;
        }
        // An ignore file below: search again with them; the first walk counted everything.
        let everything = found_all.len();
        search(cwd, root, repo, Search::default(), found, problems);
        return everything.saturating_sub(found.len() - before);
    }
    // The two walks are independent: the count runs beside the search.
    let everything = std::thread::scope(|scope| {
        let counting = std::thread::Builder::new().name("discover".into()).spawn_scoped(scope, || count(root));
        search(cwd, root, repo, Search::default(), found, problems);
        match counting {
            Ok(counting) => counting.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => count(root),
        }
    });
    everything.saturating_sub(found.len() - before)
}

/// The names of the files ignore files come from: `.gitignore`, `.ignore`,
/// and `.git` (which holds `info/exclude`, and marks a repository).
fn is_ignore_file_name(name: &std::ffi::OsStr) -> bool {
    name == ".gitignore" || name == ".ignore" || name == ".git"
}

/// Whether `dir` or one of its parents holds an entry with an ignore file's
/// name (the search honours the parents' ignore files too). A path that
/// cannot be resolved counts as having them: the search decides.
fn ignore_files_above(dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else { return true };
    dir.ancestors()
        .any(|d| [".gitignore", ".ignore", ".git"].iter().any(|name| std::fs::symlink_metadata(d.join(name)).is_ok()))
}

/// The path an error of the walk concerns, if it names one.
fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        _ => None,
    }
}
