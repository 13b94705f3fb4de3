//! A problem with one row or value of an export: what the data-quality report lists, row
//! by row ([`crate::ingest::quality`] counts them per source).

use serde::Serialize;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// Why a row or value was not used (or needs a look); its id (`unknown_answer`, …) is the
/// `problem` column of data-quality.csv.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    IntoStaticStr,
    EnumString,
    EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Problem {
    /// An answer that is not a label or number of the scale.
    UnknownAnswer,
    /// A number outside the scale's range.
    OutOfRange,
    /// A date that could not be read; the row is not used.
    BadDate,
    /// No date; the row is not used.
    MissingDate,
    /// Day and month cannot be told apart in a file that mixes both orders; not used.
    AmbiguousDate,
    /// No VSV; the row is not used.
    MissingVsv,
    /// No care type in a long-layout export; the row is not used.
    MissingCareType,
    /// The same respondent and care type seen before; counted once.
    DuplicateRespondent,
    /// A parity value that was not recognised; counts as unknown.
    UnknownParity,
    /// An age that was not recognised; counts as unknown.
    UnknownAge,
    /// A row with more fields than the header; not used.
    RowWidth,
    /// A row with fewer fields than the header; the missing ones are read as empty.
    ShortRow,
    /// A row without any value; not used.
    EmptyRow,
    /// A codebook item with no column in the export.
    MissingColumn,
    /// A row without any usable answer; not used.
    NoAnswers,
}

impl Problem {
    /// The id, e.g. `missing_date`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// One entry of the data-quality report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// Source name from prem.toml.
    pub source: String,
    /// File as given (relative to prem.toml where possible).
    pub file: String,
    /// 1-based row (line in a text file, row in a spreadsheet); none for whole-file notes.
    pub row: Option<usize>,
    /// Column name in the export.
    pub column: Option<String>,
    /// The value as found when a code, else only its length ([`shown_value`]); never a
    /// respondent id, a name or free text.
    pub value: ShownValue,
    /// What was wrong.
    pub problem: Problem,
    /// What was expected, or where the earlier copy is.
    pub expected: Expected,
}

/// A rejected value as the data-quality report may show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ShownValue {
    /// A code as found (trimmed; empty when there was none).
    Code(String),
    /// Anything else (a name, free text), described by its number of characters.
    FreeText(usize),
}

/// What an entry expected instead; words in the report language are made in render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Expected {
    /// Nothing to say.
    Nothing,
    /// In the export's or codebook's own terms: a scale's labels or range, column names.
    Literal(String),
    /// As many fields as the header has.
    Fields(usize),
    /// A date, day first (`month_first`: as `date_order = "mdy"` says, mm/dd/yyyy).
    Date { month_first: bool },
    /// `date_order` set, so that day and month can be told apart.
    DateOrder,
    /// Whether this is the first child.
    Parity,
    /// An age in years or a band.
    Age,
    /// A duplicate: where the first copy is (file as displayed, row).
    FirstCopy { file: String, row: usize },
}

impl Problem {
    /// True when the whole row was left out (as opposed to one value).
    pub fn drops_row(self) -> bool {
        matches!(
            self,
            Problem::BadDate
                | Problem::MissingDate
                | Problem::AmbiguousDate
                | Problem::MissingVsv
                | Problem::MissingCareType
                | Problem::DuplicateRespondent
                | Problem::RowWidth
                | Problem::EmptyRow
                | Problem::NoAnswers
        )
    }

    /// True for problems `--strict` turns fatal: values that were present but unusable.
    pub fn is_value_error(self) -> bool {
        matches!(
            self,
            Problem::UnknownAnswer
                | Problem::OutOfRange
                | Problem::BadDate
                | Problem::AmbiguousDate
                | Problem::RowWidth
                | Problem::UnknownParity
                | Problem::UnknownAge
        )
    }
}
