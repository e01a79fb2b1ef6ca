//! Reading input files safely: size cap before reading, UTF-8 check, no
//! directories or devices, `-` for standard input.

use std::io::Read;
use std::path::Path;

use crate::diag::{Diagnostic, codes};
use crate::load::{Limits, Span};
use crate::source::SourceFile;

/// Reads `path` (or standard input for `-`) into a [`SourceFile`] named as the user wrote it.
pub fn read_source(path: &Path, stdin: &mut dyn Read, limits: Limits) -> Result<SourceFile, Box<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        read_capped(stdin, limits.max_file_bytes, "<stdin>", 0)?
    } else {
        // Stat before opening: opening a named pipe would block until a writer appears.
        let metadata = std::fs::metadata(path).map_err(|e| io_error(&name, &e))?;
        if metadata.is_dir() {
            return Err(Box::new(
                Diagnostic::without_file(codes::IO_ERROR, format!("`{name}` is a directory; expected a file"))
                    .with_help("name a descriptor file such as `llm-project.yaml`"),
            ));
        }
        if !metadata.is_file() {
            return Err(Box::new(Diagnostic::without_file(
                codes::IO_ERROR,
                format!("`{name}` is not a regular file (a pipe, socket or device); expected a file"),
            )));
        }
        if metadata.len() > limits.max_file_bytes as u64 {
            return Err(Box::new(too_large(&name, metadata.len(), limits.max_file_bytes)));
        }
        let file = std::fs::File::open(path).map_err(|e| io_error(&name, &e))?;
        let expected = usize::try_from(metadata.len()).unwrap_or(0);
        read_capped(&mut &file, limits.max_file_bytes, &name, expected)?
    };
    let display = if name == "-" { "<stdin>".to_owned() } else { name };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(display, text)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let span = Span::at_offset(&prefix, prefix.len());
            let file = SourceFile::new(display, prefix);
            Err(Box::new(Diagnostic::error(
                codes::IO_ERROR,
                format!("file is not valid UTF-8 (invalid byte at offset {valid}); expected UTF-8 text"),
                &file,
                span,
            )))
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
        codes::FILE_TOO_LARGE,
        format!("`{name}` is {size} bytes or more, over the limit of {max} bytes"),
    )
    .with_help(
        "descriptors and rule files are a few kilobytes; raise the limit with `--max-file-size` if this is intended",
    )
}

fn io_error(name: &str, error: &std::io::Error) -> Box<Diagnostic> {
    let reason = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    };
    Box::new(Diagnostic::without_file(codes::IO_ERROR, format!("cannot read `{name}`: {reason}")))
}
