//! I/O failures in words: the reason an operation failed, as a message.

use super::{Lang, Msg};

/// An I/O error whose text shouldtune itself words (a temporary file that
/// failed, a path that is not a regular file): it travels inside a
/// `std::io::Error` and [`io_reason`] shows it in the reader's language.
#[derive(Debug)]
pub struct MessageError(pub Msg);

impl std::fmt::Display for MessageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for MessageError {}

impl MessageError {
    /// `message` as a `std::io::Error`.
    #[must_use]
    pub fn io(message: Msg) -> std::io::Error {
        std::io::Error::other(MessageError(message))
    }
}

/// Why an I/O operation failed, in words for a message: shouldtune's own
/// [`MessageError`]s and the common cases are messages; any other keeps the
/// system's text, without its `(os error N)` suffix and without the name of a
/// temporary file.
#[must_use]
pub fn io_reason(error: &std::io::Error) -> Msg {
    use std::io::ErrorKind;
    if let Some(MessageError(message)) = error.get_ref().and_then(|inner| inner.downcast_ref::<MessageError>()) {
        return message.clone();
    }
    let id = match error.kind() {
        ErrorKind::NotFound => "io-no-such-file-or-directory",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::AddrInUse => "io-address-in-use",
        ErrorKind::AddrNotAvailable => "io-address-not-available",
        ErrorKind::BrokenPipe => "io-broken-pipe",
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            // The temporary-file library appends ` at path "…"`.
            let text = text.split(" at path ").next().unwrap_or(text);
            return Msg::new("io-other").arg("error", text);
        }
    };
    Msg::new(id)
}
