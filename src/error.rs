//! The library's error type: every error names what went wrong and where.

use std::path::PathBuf;

/// What went wrong, and in which input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The path names a directory, not a report.
    #[error("{path}: is a directory, not a report")]
    IsDirectory { path: PathBuf },
    /// The file holds binary data (a NUL byte or mostly control bytes).
    #[error("{path}: looks like a binary file (byte offset {offset}), not a text report")]
    Binary { path: PathBuf, offset: usize },
    /// The text is not UTF-8 (nor UTF-16 with a byte-order mark).
    #[error("{path}: invalid UTF-8 at byte {offset} (line {line}); convert the report to UTF-8 (for Latin-1: iconv -f latin1 -t utf-8)")]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
    },
    /// The report holds no text once read.
    #[error("{path}: the report is empty")]
    Empty { path: PathBuf },
    /// The file extension names a format we do not read.
    #[error("{path}: unknown report format '.{extension}' (expected .txt, .md, .html or .htm)")]
    UnknownFormat { path: PathBuf, extension: String },
    /// Output could not be written.
    #[error("cannot write output: {source}")]
    Write {
        #[source]
        source: std::io::Error,
    },
    /// A comparison needs at least two reports.
    #[error("compare needs at least two reports, got {0}")]
    TooFewReports(usize),
    /// A data file embedded in the binary is malformed (a bug caught by tests).
    #[error("data/{file}:{line}: {message}")]
    Data {
        file: &'static str,
        line: usize,
        message: String,
    },
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
