//! Errors of the library. Every variant names the file (and where it applies the row,
//! column or key) and says what was expected, so a quality officer can act on it.

use std::path::PathBuf;

/// A fatal problem: the run stops. Value-level problems are not errors but entries in the
/// data-quality report (see [`crate::quality`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read at all.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("{path}: cannot write the file: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// prem.toml or a codebook is not valid TOML or has an unknown/missing key.
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    /// An export is unusable as a whole (empty, wrong sheet, missing required column …).
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    /// `--strict` turned value-level problems into a fatal error.
    #[error("{count} value(s) could not be used (see the data-quality report); --strict makes this fatal")]
    Strict { count: usize },
    /// Something the user asked for does not exist (a period, a VSV, a codebook).
    #[error("{0}")]
    Usage(String),
    /// Writing a table or document failed in a library.
    #[error("{path}: {message}")]
    Output { path: PathBuf, message: String },
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An [`Error::Config`] for `path`.
    pub fn config(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Config {
            path: path.into(),
            message: message.into(),
        }
    }

    /// An [`Error::Input`] for `path`.
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A hint a user can act on, printed by the CLI under the error.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::Config { .. } => Some(
                "check the key against the configuration reference in the README; `prem codebook show NAME` prints a codebook to copy",
            ),
            Error::Input { .. } => Some(
                "check `[source.columns]`, `sheet` and `header_row` in prem.toml against the export",
            ),
            Error::Strict { .. } => Some("run without --strict to get the report anyway, or fix the values listed in data-quality.md"),
            _ => None,
        }
    }
}
