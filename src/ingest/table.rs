//! A small table read whole (`prem spc`, `prem funnel`, the registers): read like an export
//! (encoding, delimiter, sheets), with columns found by name as an export's are.

use std::path::Path;

use super::columns::Header;
use super::read::TableFile;
use crate::error::{ColumnUse, Error, InputProblem, Result};

/// A small table read whole (for `prem spc` and `prem funnel`): its column names and its
/// rows with their row numbers, read like an export (encoding, delimiter, sheets).
pub struct SimpleTable {
    /// Column names.
    pub headers: Vec<String>,
    /// (row number as Excel shows it, fields).
    pub rows: Vec<(usize, Vec<String>)>,
}

impl SimpleTable {
    /// Reads `path` (header on row 1; a spreadsheet's first sheet).
    pub fn read(path: &Path) -> Result<SimpleTable> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        if bytes.is_empty() {
            return Err(Error::input(path, InputProblem::Empty));
        }
        let table = TableFile::open(path, &bytes, None, 1)?;
        let mut rows = Vec::new();
        table.for_each_row(path, |n, row| {
            rows.push((
                n,
                (0..row.width())
                    .map(|i| row.field(i).unwrap_or("").to_string())
                    .collect(),
            ));
        })?;
        Ok(SimpleTable {
            headers: table.headers.clone(),
            rows,
        })
    }

    /// The index of a column (ignoring case, accents and spacing); an error naming the
    /// file and the columns it has otherwise, or when two columns have that name.
    pub fn column(&self, path: &Path, name: &str) -> Result<usize> {
        let header = Header::new(&self.headers, 1);
        let found = header.find(path, name, || ColumnUse::Named)?;
        found.ok_or_else(|| {
            let problem = InputProblem::MissingNamedColumn {
                column: name.to_string(),
                headers: self.headers.clone(),
            };
            Error::input(path, problem)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simple_table_refuses_an_ambiguous_column() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("acties.csv");
        std::fs::write(&path, "id;vsv;VSV\n1;A;B\n").unwrap();
        let t = SimpleTable::read(&path).unwrap();
        assert_eq!(t.column(&path, "id").unwrap(), 0);
        let Err(e) = t.column(&path, "Vsv") else {
            panic!("no error");
        };
        assert!(e.to_string().contains("acties.csv"), "{e}");
    }
}
