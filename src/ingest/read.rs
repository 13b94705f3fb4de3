//! Reading one export file into a header and rows of text, whatever its format.
//!
//! Text files: the encoding is taken from a byte-order mark, else UTF-8 when the bytes are
//! valid UTF-8, else Windows-1252 (what a Dutch Excel writes as "CSV (gescheiden door
//! lijstscheidingsteken)"). The delimiter is the one a first line `sep=;` names (Excel's own
//! hint, which Excel then hides), else sniffed from the header line (`;`, `,` or tab).
//! Spreadsheets (xlsx, xls, ods) are read with calamine; numbers and dates become text in
//! one canonical form so that all formats are interpreted by the same code afterwards.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::spss::ColumnLabels;
use crate::error::{Error, InputProblem, Result};

/// A row of text fields.
pub(crate) trait TextRow {
    /// Field `i`, if the row has it.
    fn field(&self, i: usize) -> Option<&str>;
    /// Number of fields.
    fn width(&self) -> usize;
}

impl TextRow for csv::StringRecord {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i)
    }
    fn width(&self) -> usize {
        self.len()
    }
}

impl TextRow for Vec<String> {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i).map(String::as_str)
    }
    fn width(&self) -> usize {
        self.len()
    }
}

/// An export file opened for reading: its column names and its data rows.
pub(crate) struct TableFile {
    /// Column names as written in the header row (trimmed).
    pub headers: Vec<String>,
    /// What the file itself says about its columns beyond their names (SPSS: question
    /// texts and answer labels); empty for text files and spreadsheets.
    pub described: Vec<ColumnLabels>,
    /// How the file was read, for the data-quality report ("Windows-1252, ';'").
    pub format: String,
    body: Body,
}

enum Body {
    Csv {
        text: String,
        delimiter: u8,
        header_row: usize,
    },
    Sheet {
        rows: Vec<Vec<String>>,
        /// 1-based spreadsheet row number of `rows[0]`.
        first_row: usize,
    },
}

impl TableFile {
    /// Opens `path`; `sheet` and `header_row` (1-based) as in prem.toml.
    pub fn open(
        path: &Path,
        bytes: &[u8],
        sheet: Option<&str>,
        header_row: usize,
    ) -> Result<TableFile> {
        let ext = extension(path);
        match ext.as_str() {
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => open_sheet(path, sheet, header_row),
            "csv" | "txt" | "tsv" => open_text(path, bytes, header_row, ext == "tsv"),
            "sav" | "zsav" => open_spss(path, header_row),
            other => Err(Error::input(
                path,
                InputProblem::UnsupportedType { ext: other.into() },
            )),
        }
    }

    /// Calls `f(row_number, row)` for every data row; row numbers are 1-based and count the
    /// header row, as Excel shows them when the file is opened there.
    pub fn for_each_row(&self, path: &Path, mut f: impl FnMut(usize, &dyn TextRow)) -> Result<()> {
        match &self.body {
            Body::Csv {
                text,
                delimiter,
                header_row,
            } => {
                let mut reader = csv_reader(text.as_bytes(), *delimiter);
                let mut record = csv::StringRecord::new();
                let mut index = 0usize;
                loop {
                    match reader.read_record(&mut record) {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => return Err(csv_error(path, &e)),
                    }
                    index += 1;
                    if index <= *header_row {
                        continue;
                    }
                    // The record number, as a spreadsheet shows the row (header row = 1), also
                    // when a quoted field spans several lines.
                    f(index, &record);
                }
                Ok(())
            }
            Body::Sheet { rows, first_row } => {
                for (i, row) in rows.iter().enumerate() {
                    f(first_row + i, row);
                }
                Ok(())
            }
        }
    }
}

fn csv_reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let problem = InputProblem::NotCsv {
        line: e.position().map(csv::Position::line),
        error: e.to_string(),
    };
    Error::input(path, problem)
}

/// Decodes text bytes: BOM first, then UTF-8, else Windows-1252. Returns the text and the
/// name of the encoding used.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let name = if encoding == encoding_rs::UTF_8 {
            "UTF-8 (BOM)"
        } else {
            encoding.name()
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The delimiter named by Excel's `sep=X` first line (X one of `; , | tab`, also written
/// `\t`; quotes around it and a byte-order mark are allowed), and the text after that line.
pub(crate) fn sep_line(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let line: String = first
        .trim_start_matches('\u{feff}')
        .trim_end_matches('\r')
        .chars()
        .filter(|&c| c != '"')
        .collect();
    let line = line.trim_matches(' ');
    let value = line
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("sep="))
        .and_then(|_| line.get(4..))?;
    let (delimiter, tail) = match value.strip_prefix("\\t") {
        Some(tail) => (b'\t', tail),
        None => {
            let c = value.chars().next()?;
            let d = match c {
                ';' => b';',
                ',' => b',',
                '\t' => b'\t',
                '|' => b'|',
                _ => return None,
            };
            (d, &value[c.len_utf8()..])
        }
    };
    // A spreadsheet that saved the line back may pad it with empty fields: `sep=;;;`.
    tail.chars()
        .all(|c| c == ' ' || c == delimiter as char)
        .then_some((delimiter, rest))
}

/// Picks the delimiter of the header line: the candidate that occurs most often outside
/// quotes. A tab-separated file (.tsv) always uses tabs.
pub(crate) fn sniff_delimiter(header_line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b';', b',', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

fn open_text(path: &Path, bytes: &[u8], header_row: usize, tsv: bool) -> Result<TableFile> {
    let (text, encoding) = decode(bytes);
    let (sep, text) = match sep_line(&text) {
        // Excel hides the line, so rows are numbered without it, as there.
        Some((d, rest)) => (Some(d), rest.to_string()),
        None => (None, text),
    };
    if text.trim().is_empty() {
        return Err(Error::input(path, InputProblem::Empty));
    }
    // The header line is the header_row-th line; quoted newlines before the header are rare
    // enough (titles) that a plain line split is right for sniffing.
    let header_line = text.lines().nth(header_row - 1).unwrap_or_default();
    let delimiter = match sep {
        Some(d) => d,
        None if tsv => b'\t',
        None => sniff_delimiter(header_line),
    };
    let mut reader = csv_reader(text.as_bytes(), delimiter);
    let mut record = csv::StringRecord::new();
    let mut headers = None;
    for _ in 0..header_row {
        match reader.read_record(&mut record) {
            Ok(true) => headers = Some(record.iter().map(clean_header).collect::<Vec<_>>()),
            Ok(false) => {
                headers = None;
                break;
            }
            Err(e) => return Err(csv_error(path, &e)),
        }
    }
    let Some(headers) = headers else {
        return Err(Error::input(
            path,
            InputProblem::HeaderRowPastEnd { header_row },
        ));
    };
    let shown = match delimiter {
        b'\t' => "tab".to_string(),
        d => format!("'{}'", d as char),
    };
    let named = if sep.is_some() { " (sep=)" } else { "" };
    Ok(TableFile {
        headers,
        described: Vec::new(),
        format: format!("{encoding}, {shown}{named}"),
        body: Body::Csv {
            text,
            delimiter,
            header_row,
        },
    })
}

fn clean_header(h: &str) -> String {
    h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .to_string()
}

fn open_sheet(path: &Path, sheet: Option<&str>, header_row: usize) -> Result<TableFile> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        let problem = InputProblem::NotSpreadsheet {
            error: e.to_string(),
        };
        Error::input(path, problem)
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(s.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                let problem = InputProblem::SheetNotFound {
                    sheet: s.to_string(),
                    sheets: names.clone(),
                };
                Error::input(path, problem)
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::input(path, InputProblem::NoSheets))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        let problem = InputProblem::SheetUnreadable {
            sheet: name.clone(),
            error: e.to_string(),
        };
        Error::input(path, problem)
    })?;
    // Range rows are relative to its first used cell; make them absolute (1-based).
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let (row0, col0) = (row0 as usize + 1, col0 as usize);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in range.rows() {
        let mut row = vec![String::new(); col0];
        row.extend(r.iter().map(cell_text));
        rows.push(row);
    }
    if header_row < row0 || header_row - row0 >= rows.len() {
        let last = row0 + rows.len().saturating_sub(1);
        let problem = InputProblem::HeaderRowEmpty {
            sheet: name,
            header_row,
            first: row0,
            last,
        };
        return Err(Error::input(path, problem));
    }
    let rest = rows.split_off(header_row - row0 + 1);
    let headers = rows
        .pop()
        .unwrap_or_default()
        .iter()
        .map(|h| clean_header(h))
        .collect();
    Ok(TableFile {
        headers,
        described: Vec::new(),
        format: format!("spreadsheet, sheet \"{name}\""),
        body: Body::Sheet {
            rows: rest,
            first_row: header_row + 1,
        },
    })
}

/// An SPSS file: its variables are the header (row 1), its cases the rows.
fn open_spss(path: &Path, header_row: usize) -> Result<TableFile> {
    if header_row != 1 {
        let problem = InputProblem::HeaderRowPastEnd { header_row };
        return Err(Error::input(path, problem));
    }
    let t = super::spss::read(path)?;
    Ok(TableFile {
        headers: t.headers,
        described: t.described,
        format: format!("SPSS, {}", t.encoding),
        body: Body::Sheet {
            rows: t.rows,
            first_row: 2,
        },
    })
}

/// The sheets of a workbook with the number of non-empty cells of each, in workbook order
/// (for `prem init`, which takes the fullest).
pub(crate) fn sheet_sizes(path: &Path) -> Result<Vec<(String, usize)>> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        let problem = InputProblem::NotSpreadsheet {
            error: e.to_string(),
        };
        Error::input(path, problem)
    })?;
    let mut sizes = Vec::new();
    for name in book.sheet_names() {
        let cells = book
            .worksheet_range(&name)
            .map(|r| r.used_cells().count())
            .unwrap_or(0);
        sizes.push((name, cells));
    }
    Ok(sizes)
}

/// Whether `path` is a spreadsheet by its extension.
pub(crate) fn is_sheet(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods"
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// A spreadsheet cell as text: whole numbers without ".0", dates as ISO.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded_when_not_utf8() {
        // "Continuïteit;Cliënt" in Windows-1252: ï = 0xEF, ë = 0xEB
        let bytes = b"Continu\xefteit;Cli\xebnt";
        let (text, enc) = decode(bytes);
        assert_eq!(text, "Continuïteit;Cliënt");
        assert_eq!(enc, "Windows-1252");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let (text, enc) = decode("\u{feff}Cliënt".as_bytes());
        assert_eq!(text, "Cliënt");
        assert_eq!(enc, "UTF-8 (BOM)");
    }

    /// Regression: Excel's `sep=;` first line was read as the header and refused.
    #[test]
    fn excel_sep_line_names_the_delimiter() {
        let cases: [(&[u8], &str); 7] = [
            (b"sep=;\r\nA;B,C\r\n1;2,5\r\n", "A|B,C|1|2,5"),
            (b"\xef\xbb\xbfsep=,\nA,B;C\n1,2;5\n", "A|B;C|1|2;5"),
            (b"\"sep=;\"\nA;B\n1;2\n", "A|B|1|2"),
            (b"SEP=\t\nA\tB;C\n1\t2\n", "A|B;C|1|2"),
            (b"sep=|\nA|B;C,D\n1|2\n", "A|B;C,D|1|2"),
            (b"sep=\\t\nA\tB\n1\t2\n", "A|B|1|2"),
            (b"sep=;;;\nA;B\n1;2\n", "A|B|1|2"),
        ];
        for (bytes, want) in cases {
            let t = TableFile::open(Path::new("x.csv"), bytes, None, 1).unwrap();
            let mut all = t.headers.clone();
            t.for_each_row(Path::new("x.csv"), |n, row| {
                // Rows are numbered as Excel shows them: it hides the sep line.
                assert_eq!(n, 2);
                all.extend((0..row.width()).filter_map(|i| row.field(i).map(str::to_string)));
            })
            .unwrap();
            assert_eq!(all.join("|"), want, "{}", String::from_utf8_lossy(bytes));
        }
        // A first column that merely starts with "sep" is a header.
        let t = TableFile::open(Path::new("x.csv"), b"sep;B\n1;2\n", None, 1).unwrap();
        assert_eq!(t.headers, ["sep", "B"]);
    }

    #[test]
    fn delimiter_sniffing_ignores_quoted_commas() {
        assert_eq!(sniff_delimiter("a;b;\"c,d,e\";f"), b';');
        assert_eq!(sniff_delimiter("a,b,\"c;d\""), b',');
        assert_eq!(sniff_delimiter("a\tb\tc,d"), b'\t');
    }
}
