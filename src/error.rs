//! Errors of the library. Every variant names the file (and where it applies the row,
//! column or key) and says what was expected, so a quality officer can act on it. The texts
//! come from [`crate::i18n`], in the configured language (Dutch by default).

use std::path::PathBuf;

use crate::i18n::{Language, Msg};

/// A fatal problem: the run stops. (The cause of an I/O error is its `source()`, printed by
/// the CLI after the message.) Value-level problems are not errors but entries in the
/// data-quality report (see [`crate::quality`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read at all.
    #[error("{}: {}", .path.display(), .lang.msg(Msg::CannotRead))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
        lang: Language,
    },
    /// A file could not be written.
    #[error("{}: {}", .path.display(), .lang.msg(Msg::CannotWrite))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
        lang: Language,
    },
    /// prem.toml or a codebook is not valid TOML or has an unknown/missing key.
    #[error("{}: {message}", .path.display())]
    Config {
        path: PathBuf,
        message: String,
        lang: Language,
    },
    /// An export is unusable as a whole (empty, wrong sheet, missing required column …).
    #[error("{}: {message}", .path.display())]
    Input {
        path: PathBuf,
        message: String,
        lang: Language,
    },
    /// `--strict` turned value-level problems into a fatal error.
    #[error("{}", .lang.say(Msg::Strict, &[("count", count)]))]
    Strict { count: usize, lang: Language },
    /// Something the user asked for does not exist (a period, a VSV, a codebook).
    #[error("{0}")]
    Usage(String),
    /// Writing a table or document failed in a library.
    #[error("{}: {message}", .path.display())]
    Output { path: PathBuf, message: String },
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An [`Error::Config`] for `path`.
    pub fn config(path: impl Into<PathBuf>, message: impl Into<String>, lang: Language) -> Self {
        Error::Config {
            path: path.into(),
            message: message.into(),
            lang,
        }
    }

    /// An [`Error::Input`] for `path`.
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>, lang: Language) -> Self {
        Error::Input {
            path: path.into(),
            message: message.into(),
            lang,
        }
    }

    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error, lang: Language) -> Self {
        Error::Io {
            path: path.into(),
            source,
            lang,
        }
    }

    /// An [`Error::Write`] for `path`.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error, lang: Language) -> Self {
        Error::Write {
            path: path.into(),
            source,
            lang,
        }
    }

    /// A hint a user can act on, printed by the CLI under the error.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::Config { lang, .. } => Some(lang.msg(Msg::HintConfig)),
            Error::Input { lang, .. } => Some(lang.msg(Msg::HintInput)),
            Error::Strict { lang, .. } => Some(lang.msg(Msg::HintStrict)),
            _ => None,
        }
    }
}
