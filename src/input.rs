//! Reading input files safely: size cap before reading, UTF-8 check, no
//! directories or devices, `-` for standard input.

use std::io::Read;
use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::load::{Limits, Span};
use crate::source::SourceFile;

/// Reads `path` (or standard input for `-`) into a [`SourceFile`] named as the user wrote it.
pub fn read_source(path: &Path, stdin: &mut dyn Read, limits: Limits) -> Result<SourceFile, Box<Diagnostic>> {
    if path.as_os_str() == "-" {
        let bytes = read_capped(stdin, limits.max_file_bytes, "<stdin>", 0)?;
        return decode("<stdin>".to_owned(), bytes);
    }
    let name = path.to_str().map_or_else(|| crate::paths::show(None, path), str::to_owned);
    read_source_named(path, &name, limits)
}

/// Reads the file at `path` into a [`SourceFile`] called `name`.
///
/// Only regular files are read: directories, pipes, sockets and devices are
/// refused before they are opened (opening a pipe would block), the file is
/// opened without blocking and checked again once open (it may have been
/// swapped), and files on pseudo file systems such as `/proc` and `/sys`,
/// whose reads can block or never end, are refused.
pub fn read_source_named(path: &Path, name: &str, limits: Limits) -> Result<SourceFile, Box<Diagnostic>> {
    let metadata = std::fs::metadata(path).map_err(|e| io_error(name, &e))?;
    check_kind(&metadata, name)?;
    let file = open_nonblocking(path).map_err(|e| io_error(name, &e))?;
    let metadata = file.metadata().map_err(|e| io_error(name, &e))?;
    check_kind(&metadata, name)?;
    if let Some(kind) = pseudo_file_system(&file) {
        return Err(Box::new(
            Diagnostic::without_file(Code::IoError, Msg::new("read-pseudo-fs").arg("name", name).arg("kind", kind))
                .with_help(Msg::new("read-pseudo-fs-help")),
        ));
    }
    if metadata.len() > limits.max_file_bytes as u64 {
        return Err(Box::new(too_large(name, metadata.len(), limits.max_file_bytes)));
    }
    let expected = usize::try_from(metadata.len()).unwrap_or(0);
    let bytes = read_capped(&mut &file, limits.max_file_bytes, name, expected)?;
    decode(name.to_owned(), bytes)
}

fn check_kind(metadata: &std::fs::Metadata, name: &str) -> Result<(), Box<Diagnostic>> {
    if metadata.is_dir() {
        return Err(Box::new(
            Diagnostic::without_file(Code::IoError, Msg::new("read-directory").arg("name", name))
                .with_help(Msg::new("read-directory-help")),
        ));
    }
    if !metadata.is_file() {
        return Err(Box::new(Diagnostic::without_file(Code::IoError, Msg::new("read-not-regular").arg("name", name))));
    }
    Ok(())
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    std::fs::OpenOptions::new().read(true).custom_flags(flags.bits().cast_signed()).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The kind of pseudo file system `file` is on, if it is on one.
#[cfg(target_os = "linux")]
fn pseudo_file_system(file: &std::fs::File) -> Option<&'static str> {
    let stat = rustix::fs::fstatfs(file).ok()?;
    #[allow(clippy::cast_sign_loss, clippy::useless_conversion, reason = "magic numbers are bit patterns")]
    let magic = stat.f_type as u64;
    Some(match magic {
        0x9fa0 => "/proc",
        0x6265_6572 => "/sys",
        0x6462_6720 => "debugfs",
        0x7472_6163 => "tracefs",
        0x7363_6673 => "securityfs",
        0x0027_e0eb | 0x6367_7270 => "cgroup",
        0xcafe_4a11 => "bpf",
        0x1cd1 => "devpts",
        0x6265_6570 => "configfs",
        0xde5e_81e4 => "efivarfs",
        0x6165_676c => "pstore",
        _ => return None,
    })
}

#[cfg(not(target_os = "linux"))]
fn pseudo_file_system(_file: &std::fs::File) -> Option<&'static str> {
    None
}

fn decode(display: String, bytes: Vec<u8>) -> Result<SourceFile, Box<Diagnostic>> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(display, text)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let span = Span::at_offset(&prefix, prefix.len());
            let file = SourceFile::new(display, prefix);
            Err(Box::new(Diagnostic::error(Code::IoError, Msg::new("read-not-utf8").arg("offset", valid), &file, span)))
        }
    }
}

/// Reads at most `max` bytes (one more to detect excess); `expected` sizes the buffer so a
/// regular file is read without regrowing.
fn read_capped(reader: &mut dyn Read, max: usize, name: &str, expected: usize) -> Result<Vec<u8>, Box<Diagnostic>> {
    let mut bytes = Vec::with_capacity(expected.min(max) + 1);
    reader.take(max as u64 + 1).read_to_end(&mut bytes).map_err(|e| io_error(name, &e))?;
    if bytes.len() > max {
        return Err(Box::new(too_large(name, bytes.len() as u64, max)));
    }
    Ok(bytes)
}

fn too_large(name: &str, size: u64, max: usize) -> Diagnostic {
    Diagnostic::without_file(
        Code::FileTooLarge,
        Msg::new("read-too-large").arg("name", name).arg("size", size).arg("limit", max),
    )
    .with_help(Msg::new("read-too-large-help"))
}

fn io_error(name: &str, error: &std::io::Error) -> Box<Diagnostic> {
    // A file named to be read: "no such file" says more than "no such file or directory".
    let reason = match error.kind() {
        std::io::ErrorKind::NotFound => Msg::new("io-not-found"),
        _ => crate::i18n::io_reason(error),
    };
    Box::new(Diagnostic::without_file(Code::IoError, Msg::new("read-failed").arg("name", name).arg("reason", reason)))
}

#[cfg(test)]
mod tests {
    use super::read_source_named;
    use crate::load::Limits;

    #[test]
    fn a_failed_read_says_why_in_words_without_the_system_error_number() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain.yaml");
        std::fs::write(&file, "a: 1\n").unwrap();
        // A path through a regular file: the system says "Not a directory (os error 20)".
        let error = read_source_named(&file.join("llm-project.yaml"), "plain.yaml/llm-project.yaml", Limits::default())
            .unwrap_err();
        let text = error.message.clone();
        assert_eq!(text, "cannot read `plain.yaml/llm-project.yaml`: a part of the path is not a directory");
        let missing = read_source_named(&dir.path().join("gone.yaml"), "gone.yaml", Limits::default()).unwrap_err();
        assert_eq!(missing.message, "cannot read `gone.yaml`: no such file");
    }
}
