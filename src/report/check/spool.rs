//! Text a report must hold until its end: `JUnit`'s and Markdown's headers
//! carry the run's totals, so their per-file text comes after them. A
//! [`Spool`] keeps that text in memory up to [`IN_MEMORY`] bytes, then in an
//! anonymous temporary file (removed by the system when the process ends,
//! however it ends), so a report over any number of descriptors takes the
//! same memory. The bytes written are the same either way.

use crate::i18n::Msg;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, Write};

/// Bytes kept in memory before the text moves to a temporary file: a few
/// hundred descriptors' worth, so small runs never touch the disk.
const IN_MEMORY: usize = 256 * 1024;

/// Text appended in order and written out once, at the end of a report.
pub(super) struct Spool {
    /// The message naming what the text is, for errors (`spool-junit-cases`).
    what: &'static str,
    memory: Vec<u8>,
    file: Option<BufWriter<File>>,
    limit: usize,
    create: fn() -> std::io::Result<File>,
}

impl std::fmt::Debug for Spool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spool")
            .field("what", &self.what)
            .field("in_memory", &self.memory.len())
            .field("in_file", &self.file.is_some())
            .finish_non_exhaustive()
    }
}

impl Spool {
    /// An empty spool of `what`, moving to a temporary file in the system's
    /// temporary directory (`TMPDIR`) past [`IN_MEMORY`] bytes.
    pub(super) fn new(what: &'static str) -> Self {
        Spool { what, memory: Vec::new(), file: None, limit: IN_MEMORY, create: tempfile::tempfile }
    }

    /// The same spool, moving to a temporary file past `limit` bytes instead.
    #[cfg(test)]
    pub(super) fn with_limit(self, limit: usize) -> Self {
        Spool { limit, ..self }
    }

    /// Appends `bytes`.
    ///
    /// # Errors
    /// The temporary file cannot be created or written; the error says which
    /// and where.
    pub(super) fn push(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if let Some(file) = &mut self.file {
            return file.write_all(bytes).map_err(|e| failure(self.what, "written", &e));
        }
        self.memory.extend_from_slice(bytes);
        if self.memory.len() > self.limit {
            let file = (self.create)().map_err(|e| failure(self.what, "created", &e))?;
            let mut file = BufWriter::with_capacity(64 * 1024, file);
            file.write_all(&self.memory).map_err(|e| failure(self.what, "written", &e))?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        Ok(())
    }

    /// Writes everything appended so far to `out`, and empties the spool.
    ///
    /// # Errors
    /// Writing to `out` fails (that error is returned as it is), or the
    /// temporary file cannot be read back (the error says so).
    pub(super) fn write_to(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let Some(file) = self.file.take() else {
            out.write_all(&self.memory)?;
            self.memory = Vec::new();
            return Ok(());
        };
        let what = self.what;
        let mut file = file.into_inner().map_err(|e| failure(what, "written", e.error()))?;
        file.rewind().map_err(|e| failure(what, "read", &e))?;
        let mut buffer = vec![0; 64 * 1024];
        loop {
            let read = match file.read(&mut buffer) {
                Ok(0) => return Ok(()),
                Ok(read) => read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(failure(what, "read", &e)),
            };
            out.write_all(&buffer[..read])?;
        }
    }
}

/// An error of the temporary file itself, naming it, what it holds and
/// where it is: "the temporary file holding the `JUnit` test cases (in
/// `/tmp`) could not be written: no space left on device". `what` is the
/// message naming what it holds; `action` a selector of `spool-failed`.
fn failure(what: &'static str, action: &'static str, error: &std::io::Error) -> std::io::Error {
    let dir = crate::text::sanitize_name(&std::env::temp_dir().display().to_string());
    let message = Msg::new("spool-failed")
        .arg("what", Msg::new(what))
        .arg("dir", dir)
        .arg("action", action)
        .arg("reason", crate::i18n::io_reason(error));
    crate::i18n::MessageError::io(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spool(limit: usize, create: fn() -> std::io::Result<File>) -> Spool {
        Spool { create, ..Spool::new("spool-junit-cases").with_limit(limit) }
    }

    fn written(spool: &mut Spool) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        spool.write_to(&mut out)?;
        Ok(out)
    }

    #[test]
    fn the_same_bytes_come_back_from_memory_and_from_the_file() {
        let pieces: Vec<Vec<u8>> =
            (0..2000u32).map(|i| format!("piece {i}: {}\n", "é".repeat(i as usize % 50)).into_bytes()).collect();
        let expected = pieces.concat();
        for limit in [0, 1, 1000, 100_000, usize::MAX] {
            let mut spool = spool(limit, tempfile::tempfile);
            for piece in &pieces {
                spool.push(piece).unwrap();
            }
            assert_eq!(spool.file.is_some(), limit < expected.len(), "limit {limit}");
            assert_eq!(written(&mut spool).unwrap(), expected, "limit {limit}");
        }
    }

    #[test]
    fn a_temporary_file_that_cannot_be_created_is_an_error_naming_it() {
        let mut spool = spool(4, || Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied)));
        spool.push(b"1234").unwrap();
        let error = spool.push(b"5").unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("the temporary file holding the `JUnit` test cases (in `"), "{message}");
        assert!(message.contains("could not be created: permission denied"), "{message}");
        // The reason a report could not be written speaks the reader's language.
        let japanese = crate::i18n::io_reason(&error).render(crate::i18n::Lang::Ja);
        assert!(japanese.starts_with("JUnit のテストケースを保持する一時ファイル（`"), "{japanese}");
        assert!(japanese.ends_with("を作成できませんでした: アクセス権がありません"), "{japanese}");
    }

    #[test]
    fn a_temporary_file_that_cannot_be_read_back_is_an_error_naming_it() {
        // A file opened for writing only: writes succeed, reading it back fails.
        fn write_only() -> std::io::Result<File> {
            let dir = tempfile::tempdir()?;
            File::create(dir.path().join("spool"))
        }
        let mut spool = spool(0, write_only);
        spool.push(b"text").unwrap();
        let error = written(&mut spool).unwrap_err();
        assert!(
            error.to_string().contains("`JUnit` test cases") && error.to_string().contains("could not be read back"),
            "{error}"
        );
    }
}
