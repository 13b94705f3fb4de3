//! One reader for the registers the officer writes by hand. A register is read like an
//! export (encoding, `;` or `,`, a spreadsheet's first sheet; header on row 1, columns in
//! any order and spelt ignoring case, accents and spacing), each row into its register's
//! serde row type ([`RegisterRow`]), and each value checked by a [`Cell`], which knows
//! its row and column: a wrong value stops the run with file, row, column, value and what
//! was expected. The rules for dates, words (status, horizon, form, level), VSVs and
//! themes are here once, so both registers read them alike.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::error::{ActionExpected, ActionProblem, Error, InputProblem, Result};
use crate::ingest::table::SimpleTable;
use crate::ingest::value::{normalize, read_date, DateReading};
use crate::ingest::Canonical;
use crate::registers::find_unit;

/// Which register a file is: its problems are reported as that register's error, so that
/// the hint speaks of its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Register {
    /// `acties.csv`.
    Actions,
    /// `participatie.csv`.
    Participation,
}

impl Register {
    /// `problem` of the register file `path` as this register's error.
    fn error(self, path: PathBuf, problem: ActionProblem) -> Error {
        let problem = Box::new(problem);
        match self {
            Register::Actions => Error::Actions { path, problem },
            Register::Participation => Error::Participation { path, problem },
        }
    }
}

/// A register's row as written: one text per column (trimmed; empty when the row is
/// short), before its values are checked. Its fields are named as [`Self::COLUMNS`].
pub(crate) trait RegisterRow: DeserializeOwned {
    /// The register.
    const REGISTER: Register;
    /// Its columns as the documentation names them, in the order of the type's fields.
    const COLUMNS: &'static [&'static str];
}

/// A register file as read: its rows, and how the file spells each column.
pub(crate) struct RegisterFile<R> {
    register: Register,
    path: PathBuf,
    /// The file's header for each of `R::COLUMNS`, in that order.
    headers: Vec<String>,
    /// (row number as a spreadsheet shows it, the row); wholly empty rows left out.
    pub rows: Vec<(usize, R)>,
}

impl<R: RegisterRow> RegisterFile<R> {
    /// Reads the register at `path`; a missing file that is not `required` (the default
    /// name beside prem.toml) is an empty register.
    pub fn read(path: &Path, required: bool) -> Result<RegisterFile<R>> {
        let mut file = RegisterFile {
            register: R::REGISTER,
            path: path.to_path_buf(),
            headers: Vec::new(),
            rows: Vec::new(),
        };
        if !required && !path.exists() {
            return Ok(file);
        }
        let in_register = |e| as_register_problem(R::REGISTER, e);
        let table = SimpleTable::read(path).map_err(in_register)?;
        let columns = R::COLUMNS
            .iter()
            .map(|name| table.column(path, name).map_err(in_register))
            .collect::<Result<Vec<usize>>>()?;
        file.headers = columns
            .iter()
            .map(|&c| table.headers.get(c).cloned().unwrap_or_default())
            .collect();
        let names = csv::StringRecord::from(R::COLUMNS.to_vec());
        for (row, fields) in &table.rows {
            // A row with only spaces, in any column, is a blank line of the file.
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let get = |c: usize| fields.get(c).map_or("", |v| v.trim());
            let record: csv::StringRecord = columns.iter().map(|&c| get(c)).collect();
            let values = record.deserialize::<R>(Some(&names)).map_err(|e| {
                // Text fields named as the columns read from any text; this is a row type
                // that does not match its column list.
                let problem = InputProblem::NotCsv {
                    line: Some(*row as u64),
                    error: e.to_string(),
                };
                R::REGISTER.error(path.to_path_buf(), ActionProblem::Unreadable(problem))
            })?;
            file.rows.push((*row, values));
        }
        Ok(file)
    }

    /// The `value` of `column` (one of `R::COLUMNS`) in row `row`, to check.
    pub fn cell<'a>(&'a self, row: usize, column: &'static str, value: &'a str) -> Cell<'a> {
        let header = R::COLUMNS
            .iter()
            .position(|&c| c == column)
            .and_then(|i| self.headers.get(i))
            .map_or(column, String::as_str);
        Cell {
            register: self.register,
            path: &self.path,
            row,
            column: header,
            value,
        }
    }
}

/// A table error of a register file (a missing or doubled column, an unreadable file) as
/// that register's problem; other errors as they are.
fn as_register_problem(register: Register, e: Error) -> Error {
    let (path, problem) = match e {
        Error::Input {
            path,
            problem: InputProblem::MissingNamedColumn { column, headers },
        } => (path, ActionProblem::MissingColumn { column, headers }),
        Error::Input { path, problem } => (path, ActionProblem::Unreadable(problem)),
        Error::Export { path, problem } => (path, ActionProblem::Ambiguous(*problem)),
        other => return other,
    };
    register.error(path, problem)
}

/// A word of a register's vocabulary as written: case, accents, spacing and `_` for a
/// space do not count ("Cliëntenraad", "customer  journey").
pub(crate) fn parse_word<T: FromStr>(value: &str) -> Option<T> {
    normalize(value).replace('_', " ").parse().ok()
}

/// One value of a register with its place, read as what its column takes.
pub(crate) struct Cell<'a> {
    register: Register,
    path: &'a Path,
    row: usize,
    /// The column as the file spells it.
    column: &'a str,
    /// Trimmed.
    value: &'a str,
}

impl Cell<'_> {
    /// The error for this value: not what the column takes.
    pub fn bad(&self, expected: ActionExpected) -> Error {
        let problem = ActionProblem::Value {
            row: self.row,
            column: self.column.to_string(),
            value: self.value.to_string(),
            expected,
        };
        self.register.error(self.path.to_path_buf(), problem)
    }

    /// Text that must be there.
    pub fn text(&self) -> Result<String> {
        if self.value.is_empty() {
            return Err(self.bad(ActionExpected::Text));
        }
        Ok(self.value.to_string())
    }

    /// A date, or `None` when empty. A Dutch register writes the day first, so an
    /// ambiguous date (03-04-2026) is read that way; one that reads only month first is
    /// refused.
    pub fn optional_date(&self) -> Result<Option<NaiveDate>> {
        if self.value.is_empty() {
            return Ok(None);
        }
        match read_date(self.value) {
            DateReading::Sure(d) | DateReading::DayFirstOnly(d) => Ok(Some(d)),
            DateReading::Ambiguous { day_first, .. } => Ok(Some(day_first)),
            DateReading::MonthFirstOnly(_) | DateReading::Invalid => {
                Err(self.bad(ActionExpected::Date))
            }
        }
    }

    /// A date that must be there.
    pub fn date(&self) -> Result<NaiveDate> {
        self.optional_date()?
            .ok_or_else(|| self.bad(ActionExpected::Date))
    }

    /// A word of a register's vocabulary (a status, horizon, form or level), or `None`
    /// when empty. Case, accents, spacing and `_` for a space do not count.
    pub fn word<T: FromStr>(&self, expected: ActionExpected) -> Result<Option<T>> {
        if self.value.is_empty() {
            return Ok(None);
        }
        parse_word(self.value)
            .map(Some)
            .ok_or_else(|| self.bad(expected))
    }

    /// A word that must be there ([`Cell::word`]).
    pub fn required_word<T: FromStr>(&self, expected: ActionExpected) -> Result<T> {
        self.word(expected.clone())?
            .ok_or_else(|| self.bad(expected))
    }

    /// A whole number of clients.
    pub fn count(&self) -> Result<u32> {
        self.value
            .parse()
            .map_err(|_| self.bad(ActionExpected::Count))
    }

    /// The items of a list (`;` or `,` between them), empty ones left out.
    pub fn list(&self) -> Vec<String> {
        self.value
            .split([';', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The VSV the value names ([`find_unit`] among the data's VSVs and peers), or `None`
    /// (the region) when empty.
    pub fn unit(&self, data: &Canonical) -> Result<Option<u32>> {
        if self.value.is_empty() {
            return Ok(None);
        }
        let units = data.units();
        match find_unit(data, &units, self.value) {
            Some(v) => Ok(Some(v)),
            None => {
                let known = units.iter().map(|&v| data.names.get(v).into()).collect();
                Err(self.bad(ActionExpected::Vsv { known }))
            }
        }
    }

    /// The index of the theme whose id is `id` (as written: ids are lower case already).
    fn theme_index(&self, data: &Canonical, id: &str) -> Result<u16> {
        match data.themes.iter().position(|t| t.id == id) {
            Some(i) => Ok(i as u16),
            None => {
                let known = data.themes.iter().map(|t| t.id.clone()).collect();
                Err(self.bad(ActionExpected::Theme { known }))
            }
        }
    }

    /// The theme the value names, as an index into [`Canonical::themes`].
    pub fn theme(&self, data: &Canonical) -> Result<u16> {
        self.theme_index(data, self.value)
    }

    /// The themes the value lists ([`Cell::list`]), as indexes.
    pub fn themes(&self, data: &Canonical) -> Result<Vec<u16>> {
        self.list()
            .iter()
            .map(|id| self.theme_index(data, id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct TwoColumns {
        datum: String,
        opbrengst: String,
    }

    impl RegisterRow for TwoColumns {
        const REGISTER: Register = Register::Participation;
        const COLUMNS: &'static [&'static str] = &["datum", "opbrengst"];
    }

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("participatie.csv");
        std::fs::write(&p, text).unwrap();
        (dir, p)
    }

    /// Headers in any order and spelling, an extra column, trimmed values, a short row and
    /// a blank line: the rows as the row type names them, with the spreadsheet's row numbers.
    #[test]
    fn rows_are_read_by_column_name_whatever_the_spelling() {
        let (_d, p) =
            write("Opbréngst ; notitie;  DATUM\n Veel gehoord ;x; 01-02-2026 \n;;\n;los\nKort\n");
        let file = RegisterFile::<TwoColumns>::read(&p, true).unwrap();
        let row = |datum: &str, opbrengst: &str| TwoColumns {
            datum: datum.into(),
            opbrengst: opbrengst.into(),
        };
        let rows: Vec<(usize, &TwoColumns)> = file.rows.iter().map(|(n, r)| (*n, r)).collect();
        assert_eq!(
            rows,
            [
                (2, &row("01-02-2026", "Veel gehoord")),
                (4, &row("", "")),
                (5, &row("", "Kort")),
            ]
        );
        // An error names the column as the file spells it.
        let e = file.cell(5, "datum", "").date().unwrap_err();
        let Error::Participation { problem, .. } = e else {
            panic!("{e:?}");
        };
        assert_eq!(
            *problem,
            ActionProblem::Value {
                row: 5,
                column: "DATUM".into(),
                value: String::new(),
                expected: ActionExpected::Date
            }
        );
    }

    #[test]
    fn a_missing_column_is_the_registers_problem() {
        let (_d, p) = write("datum;wat\n01-02-2026;x\n");
        let Err(Error::Participation { problem, .. }) = RegisterFile::<TwoColumns>::read(&p, true)
        else {
            panic!("read without its column");
        };
        assert_eq!(
            *problem,
            ActionProblem::MissingColumn {
                column: "opbrengst".into(),
                headers: vec!["datum".into(), "wat".into()]
            }
        );
    }

    /// Day first when both readings are dates (a Dutch register); month first only is
    /// refused; empty is no date.
    #[test]
    fn dates_are_read_day_first() {
        let (_d, p) = write("datum;opbrengst\n");
        let file = RegisterFile::<TwoColumns>::read(&p, true).unwrap();
        let date = |v| file.cell(2, "datum", v).optional_date().ok();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date("03-04-2026"), Some(day(2026, 4, 3)));
        assert_eq!(date("2026-04-03"), Some(day(2026, 4, 3)));
        assert_eq!(date("25-12-2026"), Some(day(2026, 12, 25)));
        assert_eq!(date("12/25/2026"), None);
        assert_eq!(date(""), Some(None));
    }
}
