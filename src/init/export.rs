//! An export as `prem init` sees it: where its header is, and each column's values.
//!
//! The file is read by the same reader as `prem report` ([`crate::ingest`]), so what init
//! guesses from is exactly what the report will read.

use std::path::{Path, PathBuf};

use crate::error::{Error, InputProblem, Result};
use crate::ingest::read::{is_sheet, sheet_sizes, TableFile};
use crate::ingest::spss::ColumnLabels;

/// Rows looked at for guessing; enough for any scale's answers, and a national export
/// stays quick.
const MAX_ROWS: usize = 50_000;

/// Rows above the header a title block may take (Forms' and LimeSurvey's own exports have
/// none; a hand-made one a title and an empty row).
const MAX_HEADER_ROW: usize = 12;

/// One export file.
#[derive(Debug, Clone)]
pub struct Export {
    /// The file.
    pub path: PathBuf,
    /// The sheet read, when it is not the workbook's first.
    pub sheet: Option<String>,
    /// 1-based row of the column names.
    pub header_row: usize,
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// Data rows read (at most [`MAX_ROWS`]).
    pub rows: usize,
}

/// One column and its values.
#[derive(Debug, Clone)]
pub struct Column {
    /// The column name as in the header.
    pub name: String,
    /// The question text the file gives (SPSS variable label).
    pub label: Option<String>,
    /// The answer labels the file gives, in code order (SPSS value labels).
    pub levels: Vec<String>,
    /// Every row's value, trimmed ("" when empty).
    pub values: Vec<String>,
}

impl Column {
    /// The question text: the file's label, else the column name.
    pub fn text(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }

    /// The non-empty values.
    pub fn filled(&self) -> impl Iterator<Item = &str> + Clone {
        self.values
            .iter()
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

impl Export {
    /// Reads `path`: the fullest sheet of a workbook, the header row found below any title
    /// rows, and up to [`MAX_ROWS`] rows.
    pub fn read(path: &Path) -> Result<Export> {
        let bytes = std::fs::read(path).map_err(|source| Error::io(path, source))?;
        let sheet = if is_sheet(path) {
            let sizes = sheet_sizes(path)?;
            let first = sizes.first().map(|(n, _)| n.clone());
            let fullest = sizes
                .iter()
                .enumerate()
                // The first of equal sizes: reverse the index so max_by_key keeps it.
                .max_by_key(|(i, (_, cells))| (*cells, std::cmp::Reverse(*i)))
                .map(|(_, (n, _))| n.clone());
            fullest.filter(|f| Some(f) != first.as_ref())
        } else {
            None
        };
        let probe = TableFile::open(path, &bytes, sheet.as_deref(), 1)?;
        let header_row = header_row(path, &probe)?;
        let table = if header_row == 1 {
            probe
        } else {
            TableFile::open(path, &bytes, sheet.as_deref(), header_row)?
        };
        let width = table.headers.len();
        let mut values: Vec<Vec<String>> = vec![Vec::new(); width];
        let mut rows = 0usize;
        table.for_each_row(path, |_, row| {
            if rows >= MAX_ROWS {
                return;
            }
            let empty = (0..row.width()).all(|i| row.field(i).is_none_or(|v| v.trim().is_empty()));
            if empty {
                return;
            }
            rows += 1;
            for (i, column) in values.iter_mut().enumerate() {
                column.push(row.field(i).unwrap_or("").trim().to_string());
            }
        })?;
        if rows == 0 {
            return Err(Error::input(path, InputProblem::Empty));
        }
        let described = |i: usize| table.described.get(i).cloned().unwrap_or_default();
        let columns = table
            .headers
            .iter()
            .zip(values)
            .enumerate()
            .filter(|(_, (name, _))| !name.is_empty())
            .map(|(i, (name, values))| {
                let ColumnLabels { label, levels } = described(i);
                Column {
                    name: name.clone(),
                    label: label.filter(|l| !l.trim().is_empty() && l.trim() != name),
                    levels,
                    values,
                }
            })
            .collect();
        Ok(Export {
            path: path.to_path_buf(),
            sheet,
            header_row,
            columns,
            rows,
        })
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// The header row: the first of the top rows that fills most of the table's width (a title
/// above it fills one cell). Rows are those of `probe`, read with its first row as header.
fn header_row(path: &Path, probe: &TableFile) -> Result<usize> {
    let mut top: Vec<usize> = vec![filled(probe.headers.iter().map(String::as_str))];
    probe.for_each_row(path, |_, row| {
        if top.len() < MAX_HEADER_ROW {
            top.push(filled((0..row.width()).filter_map(|i| row.field(i))));
        }
    })?;
    let widest = top.iter().copied().max().unwrap_or(0);
    let row = top
        .iter()
        .position(|&n| n * 10 >= widest * 6 && n > 0)
        .unwrap_or(0);
    Ok(row + 1)
}

fn filled<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    cells.filter(|c| !c.trim().is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("e.csv");
        std::fs::write(
            &p,
            "Enquête kraamzorg;;;\n;;;\nID;Datum;V1;V2\n1;01-02-2026;Altijd;Soms\n2;02-02-2026;;Nooit\n",
        )
        .unwrap();
        let e = Export::read(&p).unwrap();
        assert_eq!(e.header_row, 3);
        assert_eq!(e.rows, 2);
        let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["ID", "Datum", "V1", "V2"]);
        assert_eq!(e.column("V1").unwrap().values, ["Altijd", ""]);
    }
}
