//! Writing files atomically, never clobbering by accident.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::load::Limits;

/// Writes `text` to `path` atomically: a temporary file in the same
/// directory is written, flushed and renamed into place, so readers see the
/// old file or the new one, never half of one.
///
/// With `overwrite` false an existing file is left alone and the call fails
/// with [`std::io::ErrorKind::AlreadyExists`].
pub fn write_atomically(path: &Path, text: &str, overwrite: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new().prefix(".shouldtune-").suffix(".tmp").tempfile_in(dir)?;
    // Temporary files are private (0600); the saved file should have the
    // permissions of the file it replaces, or those of an ordinary new file.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => ordinary_permissions(temp.as_file().metadata()?.permissions()),
    };
    temp.as_file().set_permissions(permissions)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    if overwrite {
        temp.persist(path).map_err(|e| e.error)?;
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// Where `ask` saves, and what was there when it looked: the decision to
/// replace a file is taken when saving, against the file as it is then.
///
/// A file that appeared after the look, or that changed since, is never
/// replaced without a yes: the answers go beside it instead
/// (`name.new.yaml`, `name.new-2.yaml`, ..., never replacing one of those).
#[derive(Debug, Clone)]
pub struct Destination {
    path: PathBuf,
    /// The text that was there (`None`: nothing was).
    seen: Option<String>,
    /// Whether what was seen may be replaced without asking (an incomplete
    /// descriptor being resumed).
    replaceable: bool,
    limits: Limits,
}

/// What a save would replace, decided just before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing is there and nothing was: the file is created.
    Free,
    /// The file is as it was read and may be replaced without asking.
    Replaceable,
    /// The file is as it was read, a complete descriptor: replacing it needs a yes.
    Complete,
    /// A file appeared since the look.
    Appeared,
    /// The file changed since it was read (or went away).
    Changed,
    /// Something that is not a regular file is there now: never replaced.
    NotAFile,
}

impl Destination {
    /// Looks at `path` before asking anything: what is there is remembered to
    /// compare at save time. Something other than a regular file (a pipe, a
    /// device, a directory) is refused at once, and a file is read with the
    /// usual guards (size cap, no blocking), so the look cannot hang.
    pub fn look(path: &Path, limits: Limits) -> Result<Destination, Box<Diagnostic>> {
        let seen = read_if_present(path, limits)
            .map_err(|d| Box::new((*d).with_help(crate::i18n::Msg::new("ask-save-regular-help"))))?;
        Ok(Destination { path: path.to_path_buf(), seen, replaceable: false, limits })
    }

    /// The path answers are saved to when nothing stands in the way.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text that was there at the look, if any.
    #[must_use]
    pub fn seen(&self) -> Option<&str> {
        self.seen.as_deref()
    }

    /// Lets what was seen be replaced without asking (it is the incomplete
    /// descriptor being resumed); does not extend to a later change.
    pub fn allow_replacing_what_was_seen(&mut self, replaceable: bool) {
        self.replaceable = replaceable;
    }

    /// Compares the file as it is now with what was seen.
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        match std::fs::symlink_metadata(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return if self.seen.is_none() { Verdict::Free } else { Verdict::Changed };
            }
            Err(_) => return Verdict::Changed,
            Ok(_) => {}
        }
        match std::fs::metadata(&self.path) {
            Ok(metadata) if !metadata.is_file() => return Verdict::NotAFile,
            Err(_) => return if self.seen.is_none() { Verdict::Appeared } else { Verdict::Changed },
            Ok(_) => {}
        }
        let Some(seen) = &self.seen else { return Verdict::Appeared };
        match read_if_present(&self.path, self.limits) {
            Ok(Some(now)) if now == *seen => {
                if self.replaceable {
                    Verdict::Replaceable
                } else {
                    Verdict::Complete
                }
            }
            _ => Verdict::Changed,
        }
    }

    /// Saves without asking anyone (an interruption, a closed terminal): at
    /// the path when nothing is there or what was seen may be replaced,
    /// beside it otherwise. Returns where the text went.
    pub fn save_unattended(&self, text: &str) -> std::io::Result<PathBuf> {
        match self.verdict() {
            Verdict::Free => self.create(text),
            Verdict::Replaceable => self.replace(text),
            _ => self.save_beside(text),
        }
    }

    /// Creates the file at the path, or saves beside it if one appeared in the meantime.
    pub fn create(&self, text: &str) -> std::io::Result<PathBuf> {
        match write_atomically(&self.path, text, false) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => self.save_beside(text),
            Err(e) => Err(e),
            Ok(()) => Ok(self.path.clone()),
        }
    }

    /// Replaces the file at the path (after a yes, or when it may be replaced);
    /// something other than a regular file is never replaced.
    pub fn replace(&self, text: &str) -> std::io::Result<PathBuf> {
        if std::fs::metadata(&self.path).is_ok_and(|m| !m.is_file()) {
            return Err(crate::i18n::MessageError::io(crate::i18n::Msg::new("io-not-regular")));
        }
        write_atomically(&self.path, text, true)?;
        Ok(self.path.clone())
    }

    /// Saves beside the path under the first free name `stem.new.ext`,
    /// `stem.new-2.ext`, ...; never replaces anything.
    pub fn save_beside(&self, text: &str) -> std::io::Result<PathBuf> {
        let stem = self.path.file_stem().map_or_else(|| "llm-project".into(), |s| s.to_string_lossy().into_owned());
        let ext = self.path.extension().map_or_else(|| "yaml".into(), |e| e.to_string_lossy().into_owned());
        let dir = self.path.parent().unwrap_or(Path::new(""));
        for n in 1..10_000 {
            let suffix = if n == 1 { "new".to_owned() } else { format!("new-{n}") };
            let candidate = dir.join(format!("{stem}.{suffix}.{ext}"));
            match write_atomically(&candidate, text, false) {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
                Ok(()) => return Ok(candidate),
            }
        }
        Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "no free name beside it"))
    }
}

/// The text of the regular file at `path`, `None` when nothing is there.
fn read_if_present(path: &Path, limits: Limits) -> Result<Option<String>, Box<Diagnostic>> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    if std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        // A dangling link: nothing to read, but not nothing there.
        return Ok(Some(String::new()));
    }
    let name = crate::paths::show(None, path);
    crate::input::read_source_named(path, &name, limits).map(|source| Some(source.text().to_owned()))
}

/// A file written in place of `path` only when [`AtomicFile::commit`] is
/// called: until then the data goes to a temporary file beside it, so a
/// reader never sees half a report, and an abandoned write leaves nothing.
pub struct AtomicFile {
    temp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

impl AtomicFile {
    /// Starts writing a replacement for `path` (created in its directory,
    /// which must exist).
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new().prefix(".shouldtune-").suffix(".tmp").tempfile_in(dir)?;
        Ok(AtomicFile { temp, path: path.to_path_buf() })
    }

    /// The path it will replace.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the data and renames it into place, replacing any file there;
    /// the result keeps the replaced file's permissions, or gets ordinary ones.
    pub fn commit(mut self) -> std::io::Result<()> {
        self.temp.flush()?;
        let permissions = match std::fs::metadata(&self.path) {
            Ok(existing) if existing.is_file() => existing.permissions(),
            _ => ordinary_permissions(self.temp.as_file().metadata()?.permissions()),
        };
        self.temp.as_file().set_permissions(permissions)?;
        self.temp.as_file().sync_all()?;
        self.temp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

#[cfg(unix)]
fn ordinary_permissions(mut permissions: std::fs::Permissions) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(0o644);
    permissions
}

#[cfg(not(unix))]
fn ordinary_permissions(permissions: std::fs::Permissions) -> std::fs::Permissions {
    permissions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, io_reason};

    #[test]
    fn what_is_not_a_regular_file_is_refused_in_the_readers_language() {
        let dir = tempfile::tempdir().unwrap();
        // Looked at before any question: a directory is refused, with help in both languages.
        let refused = Destination::look(dir.path(), Limits::default()).unwrap_err();
        let help = refused.in_lang(Lang::Ja).help.unwrap_or_default();
        assert!(help.starts_with("`--save` には `ask` が書き込む"), "{help}");
        assert!(refused.help.unwrap_or_default().contains("choose a regular file"));
        // Found at save time: the reason speaks Japanese too, and the directory is untouched.
        let path = dir.path().join("llm-project.yaml");
        let destination = Destination::look(&path, Limits::default()).unwrap();
        std::fs::create_dir(&path).unwrap();
        let error = destination.replace("name: x\n").unwrap_err();
        assert_eq!(io_reason(&error).render(Lang::Ja), "通常のファイルではありません");
        assert_eq!(error.to_string(), "it is not a regular file");
        assert!(path.is_dir());
    }

    #[test]
    fn an_atomic_file_appears_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.sarif");
        std::fs::write(&path, "old").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old", "not replaced before commit");
        file.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let abandoned = AtomicFile::create(&dir.path().join("other.json")).unwrap();
        drop(abandoned);
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from("report.sarif")], "nothing left behind");
    }

    #[test]
    fn writes_refuses_to_clobber_and_overwrites_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("llm-project.yaml");
        write_atomically(&path, "one", false).unwrap();
        let err = write_atomically(&path, "two", false).err().map(|e| e.kind());
        assert_eq!(err, Some(std::io::ErrorKind::AlreadyExists));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        write_atomically(&path, "three", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "three");
        let leftovers = std::fs::read_dir(dir.path()).map(Iterator::count).unwrap();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_like_ordinary_files_and_keep_replaced_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("llm-project.yaml");
        write_atomically(&path, "one", false).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777).unwrap();
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, "two", true).unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn a_destination_decides_at_save_time_against_the_file_as_it_is_then() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
        let path = dir.path().join("llm-project.yaml");
        let limits = Limits::default();
        let look = |p: &Path| Destination::look(p, limits).unwrap_or_else(|d| unreachable!("{d:?}"));
        let empty = look(&path);
        assert_eq!(empty.verdict(), Verdict::Free);
        std::fs::write(&path, "name: b\n").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(empty.verdict(), Verdict::Appeared);
        assert_eq!(empty.save_unattended("name: a\n").ok(), Some(dir.path().join("llm-project.new.yaml")));
        assert_eq!(empty.save_unattended("name: a\n").ok(), Some(dir.path().join("llm-project.new-2.yaml")));
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), "name: b\n");

        let mut seen = look(&path);
        assert_eq!(seen.verdict(), Verdict::Complete);
        seen.allow_replacing_what_was_seen(true);
        assert_eq!(seen.verdict(), Verdict::Replaceable);
        std::fs::write(&path, "name: c\n").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(seen.verdict(), Verdict::Changed, "a yes for what was read is not one for a change");
        std::fs::remove_file(&path).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(seen.verdict(), Verdict::Changed);
        std::fs::create_dir(&path).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(seen.verdict(), Verdict::NotAFile);
        assert!(seen.replace("x").is_err(), "never replaces a directory");
        assert!(Destination::look(&path, limits).is_err(), "a directory is refused at the look");
    }
}
