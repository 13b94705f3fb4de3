//! The data-quality report: every row or value that was not used, with file, row, column
//! and reason, and counts per source. Nothing is dropped without an entry here.

use std::collections::BTreeMap;

use serde::Serialize;

/// Why a row or value was not used (or needs a look).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
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
    /// The value as found (shortened); never a respondent id or free text.
    pub value: String,
    /// What was wrong.
    pub problem: Problem,
    /// What was expected, or where the earlier copy is.
    pub expected: String,
}

/// Counts per source.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceCounts {
    /// Files read.
    pub files: usize,
    /// Data rows read.
    pub rows: usize,
    /// Respondent rows used (respondent × care type in long or wide layout).
    pub rows_used: usize,
    /// Distinct respondents used.
    pub respondents: usize,
    /// Usable answers.
    pub answers: usize,
    /// Answers given as a missing code (n.v.t., weet niet).
    pub missing_codes: usize,
    /// Values not used (unknown, out of range).
    pub values_rejected: usize,
}

/// The data-quality report of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Quality {
    /// Every entry, in file and row order.
    pub issues: Vec<Issue>,
    /// Counts per source name.
    pub counts: BTreeMap<String, SourceCounts>,
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

impl Quality {
    /// Number of entries per problem.
    pub fn by_problem(&self) -> BTreeMap<Problem, usize> {
        let mut m = BTreeMap::new();
        for i in &self.issues {
            *m.entry(i.problem).or_insert(0) += 1;
        }
        m
    }

    /// Number of entries `--strict` makes fatal.
    pub fn value_errors(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.problem.is_value_error())
            .count()
    }
}

/// Shortens a value for the report (at most 40 characters).
pub(crate) fn shorten(value: &str) -> String {
    let v = value.trim();
    if v.chars().count() <= 40 {
        v.to_string()
    } else {
        let mut s: String = v.chars().take(39).collect();
        s.push('…');
        s
    }
}
