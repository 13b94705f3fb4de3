//! Errors of the library. Every variant names the file (and where it applies the row,
//! column or key) and says what was expected, so a quality officer can act on it. The texts
//! come from [`crate::i18n`], in the configured language (Dutch by default).

use std::path::PathBuf;

use crate::i18n::{Language, Msg};
use crate::rerun::{Change, Conflict};

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
    /// An export whose shape makes it unusable (see [`ExportProblem`]).
    #[error("{}: {}", .path.display(), .problem.message(.lang))]
    Export {
        path: PathBuf,
        // Boxed: the problem's details would make every `Result` of the crate large.
        problem: Box<ExportProblem>,
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
    /// Two files of one report got the same path; the second would overwrite the first.
    #[error("{}: {}", .path.display(), .lang.msg(Msg::WrittenTwice))]
    WrittenTwice { path: PathBuf, lang: Language },
    /// A rerun would remove or overwrite files changed or added since prem wrote them.
    #[error("{}: {}", .dir.display(), lost_work_message(.conflicts, *.unrecorded, *.lang))]
    WorkWouldBeLost {
        dir: PathBuf,
        conflicts: Vec<Conflict>,
        /// The folder has no manifest listing what prem wrote, so every file counts.
        unrecorded: bool,
        lang: Language,
    },
}

/// How many files a [`Error::WorkWouldBeLost`] names; the rest are counted.
const LOST_WORK_SHOWN: usize = 10;

/// The files a rerun would lose, one a line, at most [`LOST_WORK_SHOWN`] then a count.
fn lost_work_message(conflicts: &[Conflict], unrecorded: bool, lang: Language) -> String {
    let mut s = lang.say(Msg::WorkWouldBeLost, &[("count", &conflicts.len())]);
    if unrecorded {
        s.push(' ');
        s.push_str(lang.msg(Msg::NoRecord));
    }
    for c in conflicts.iter().take(LOST_WORK_SHOWN) {
        let change = lang.msg(match c.change {
            Change::Added => Msg::FileAdded,
            Change::Edited => Msg::FileEdited,
        });
        s.push_str(&format!("\n  {} ({change})", c.path));
    }
    if conflicts.len() > LOST_WORK_SHOWN {
        let more = conflicts.len() - LOST_WORK_SHOWN;
        s.push_str(&format!(
            "\n  {}",
            lang.say(Msg::AndMore, &[("count", &more)])
        ));
    }
    s
}

/// What makes an export unusable as a whole, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportProblem {
    /// A header row (`row`, 1-based) and no row with any value below it.
    HeaderOnly { row: usize },
    /// A column name that `used_by` asks for appears more than once in the header (`row`),
    /// at `positions` (1-based), so there is no telling which column is meant.
    DuplicateColumn {
        row: usize,
        column: String,
        positions: Vec<usize>,
        used_by: ColumnUse,
    },
}

/// Who asks for a column by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnUse {
    /// `[source.columns] key` in prem.toml.
    Field { key: String },
    /// An item of a codebook.
    Item { codebook: String, item: String },
    /// An open question of a codebook (`[open] key`).
    Open { codebook: String, key: String },
    /// prem itself (a column of the actions register, `prem spc`/`funnel` arguments).
    Named,
}

impl ExportProblem {
    /// The message in `lang`, without the file (the error puts it in front).
    pub fn message(&self, lang: &Language) -> String {
        let lang = *lang;
        match self {
            ExportProblem::HeaderOnly { row } => lang.say(Msg::HeaderOnly, &[("row", row)]),
            ExportProblem::DuplicateColumn {
                row,
                column,
                positions,
                used_by,
            } => {
                let at: Vec<String> = positions
                    .iter()
                    .map(|&p| format!("{p} ({})", column_letters(p)))
                    .collect();
                let and = lang.msg(Msg::And);
                let used_by = match used_by {
                    ColumnUse::Field { key } => format!("[source.columns] {key}"),
                    ColumnUse::Item { codebook, item } => {
                        lang.say(Msg::UsedByItem, &[("codebook", codebook), ("item", item)])
                    }
                    ColumnUse::Open { codebook, key } => {
                        lang.say(Msg::UsedByOpen, &[("codebook", codebook), ("key", key)])
                    }
                    ColumnUse::Named => "prem".to_string(),
                };
                lang.say(
                    Msg::DuplicateColumn,
                    &[
                        ("column", column),
                        ("count", &positions.len()),
                        ("row", row),
                        ("positions", &at.join(&format!(" {and} "))),
                        ("used_by", &used_by),
                    ],
                )
            }
        }
    }
}

/// A 1-based column number as a spreadsheet names it: 1 → A, 27 → AA.
fn column_letters(mut n: usize) -> String {
    let mut s = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        s.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
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
            Error::Export { lang, problem, .. } => Some(lang.msg(match **problem {
                ExportProblem::HeaderOnly { .. } => Msg::HintHeaderOnly,
                ExportProblem::DuplicateColumn { .. } => Msg::HintDuplicateColumn,
            })),
            Error::WrittenTwice { lang, .. } => Some(lang.msg(Msg::HintWrittenTwice)),
            Error::WorkWouldBeLost { lang, .. } => Some(lang.msg(Msg::HintWorkWouldBeLost)),
            _ => None,
        }
    }

    /// The language of the message, when the error has one.
    pub fn lang(&self) -> Option<Language> {
        match self {
            Error::Io { lang, .. }
            | Error::Write { lang, .. }
            | Error::Config { lang, .. }
            | Error::Input { lang, .. }
            | Error::Export { lang, .. }
            | Error::Strict { lang, .. }
            | Error::WrittenTwice { lang, .. }
            | Error::WorkWouldBeLost { lang, .. } => Some(*lang),
            Error::Usage(_) | Error::Output { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_a_spreadsheet_does() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn lost_work_names_ten_files_and_counts_the_rest() {
        let conflicts: Vec<Conflict> = (0..13)
            .map(|i| Conflict {
                path: format!("vsv-{i:02}/agenda.md"),
                change: if i == 0 {
                    Change::Added
                } else {
                    Change::Edited
                },
            })
            .collect();
        let e = Error::WorkWouldBeLost {
            dir: "reports/2026-Q3".into(),
            conflicts,
            unrecorded: false,
            lang: Language::Nl,
        };
        let text = e.to_string();
        assert!(
            text.starts_with("reports/2026-Q3: deze run zou 13 bestand(en)"),
            "{text}"
        );
        assert!(text.contains("\n  vsv-00/agenda.md (toegevoegd)\n  vsv-01/agenda.md (gewijzigd)"));
        assert!(text.contains("vsv-09/agenda.md") && !text.contains("vsv-10/agenda.md"));
        assert!(text.ends_with("\n  … en 3 meer"), "{text}");
        assert!(e.hint().is_some_and(|h| h.contains("--force")));
    }
}
