//! Writing files atomically, never clobbering by accident.

use std::io::Write;
use std::path::Path;

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
}
