//! SPSS `.sav` and `.zsav` exports, read with `ambers` into the text rows every other
//! format becomes: an answer with a value label becomes its label ("Altijd"), a
//! user-missing code an empty cell, a date its ISO form. The variable labels (question
//! texts) and value labels (answer levels in code order) go with the table for `prem init`.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use ambers::{MissingSpec, SpssMetadata, Value};
use arrow_array::{
    Array, Date32Array, Float64Array, RecordBatch, StringArray, StringViewArray,
    TimestampMicrosecondArray, TimestampMillisecondArray, TimestampNanosecondArray,
    TimestampSecondArray,
};
use arrow_schema::{DataType, TimeUnit};

use crate::error::{Error, InputProblem, Result};

/// A column's description in a file that carries one (SPSS).
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnLabels {
    /// The question text (SPSS variable label).
    pub label: Option<String>,
    /// Answer labels in code order, as they appear in the rows (user-missing codes left
    /// out: their cells are read as empty).
    pub levels: Vec<String>,
}

/// Rows per batch read from the file.
const BATCH: usize = 8192;

/// The file's column names, their descriptions, and its rows as text.
pub(crate) struct SpssTable {
    pub headers: Vec<String>,
    pub described: Vec<ColumnLabels>,
    pub rows: Vec<Vec<String>>,
    pub encoding: String,
}

/// Reads an SPSS file. A damaged file is refused with the reader's words, never a panic.
pub(crate) fn read(path: &Path) -> Result<SpssTable> {
    let refuse = |error: String| Error::input(path, InputProblem::NotSpss { error });
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    // The reader parses binary headers written by other programs; whatever it does on a
    // damaged one must end as this file's error.
    let outcome = std::panic::catch_unwind(move || read_all(BufReader::new(file)));
    match outcome {
        Ok(Ok(table)) => Ok(table),
        Ok(Err(e)) => Err(refuse(e)),
        Err(_) => Err(refuse("unreadable SPSS header".into())),
    }
}

fn read_all(reader: BufReader<File>) -> std::result::Result<SpssTable, String> {
    let mut scanner = ambers::scan_sav_from_reader(reader, BATCH).map_err(|e| e.to_string())?;
    let meta = scanner.metadata().clone();
    let columns: Vec<Variable> = meta
        .variable_names
        .iter()
        .map(|name| Variable::of(&meta, name))
        .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(batch) = scanner.next_batch().map_err(|e| e.to_string())? {
        append(&batch, &columns, &mut rows);
    }
    // A file cut off at a row boundary reads without error but says so here.
    let warnings = &scanner.metadata().warnings;
    if !warnings.is_empty() {
        return Err(warnings.join("; "));
    }
    Ok(SpssTable {
        headers: meta.variable_names.clone(),
        described: columns
            .iter()
            .map(|c| ColumnLabels {
                label: c.label.clone(),
                levels: c.levels.iter().map(|(_, l)| l.clone()).collect(),
            })
            .collect(),
        rows,
        encoding: meta.file_encoding.clone(),
    })
}

/// What the file says about one variable.
struct Variable {
    label: Option<String>,
    /// Value labels of the codes that are answers, in code order.
    levels: Vec<(Value, String)>,
    /// Value labels of every code, user-missing ones included, for lookup.
    all_labels: Vec<(Value, String)>,
    missing: Vec<MissingSpec>,
}

impl Variable {
    fn of(meta: &SpssMetadata, name: &str) -> Variable {
        let missing = meta
            .variable_missing_values
            .get(name)
            .cloned()
            .unwrap_or_default();
        let mut all_labels: Vec<(Value, String)> = meta
            .value_labels(name)
            .map(|m| m.iter().map(|(v, l)| (v.clone(), l.clone())).collect())
            .unwrap_or_default();
        all_labels.sort_by(|a, b| match (&a.0, &b.0) {
            (Value::Numeric(x), Value::Numeric(y)) => x.total_cmp(y),
            (Value::String(x), Value::String(y)) => x.cmp(y),
            (Value::Numeric(_), Value::String(_)) => std::cmp::Ordering::Less,
            (Value::String(_), Value::Numeric(_)) => std::cmp::Ordering::Greater,
        });
        let levels = all_labels
            .iter()
            .filter(|(v, _)| !is_missing(&missing, v))
            .cloned()
            .collect();
        Variable {
            label: meta.label(name).map(str::to_string),
            levels,
            all_labels,
            missing,
        }
    }

    /// A cell as text: its label, or the value; empty when user-missing.
    fn text(&self, value: Value) -> String {
        if is_missing(&self.missing, &value) {
            return String::new();
        }
        if let Some((_, label)) = self.all_labels.iter().find(|(v, _)| *v == value) {
            return label.clone();
        }
        match value {
            Value::Numeric(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            Value::Numeric(x) => x.to_string(),
            Value::String(s) => s,
        }
    }
}

fn is_missing(specs: &[MissingSpec], v: &Value) -> bool {
    specs.iter().any(|m| match (m, v) {
        (MissingSpec::Value(x), Value::Numeric(y)) => x == y,
        (MissingSpec::Range { lo, hi }, Value::Numeric(y)) => lo <= y && y <= hi,
        (MissingSpec::StringValue(s), Value::String(t)) => s.trim_end() == t.trim_end(),
        _ => false,
    })
}

/// Appends a batch's rows as text.
fn append(batch: &RecordBatch, columns: &[Variable], rows: &mut Vec<Vec<String>>) {
    let start = rows.len();
    rows.extend((0..batch.num_rows()).map(|_| vec![String::new(); columns.len()]));
    for (j, (array, var)) in batch.columns().iter().zip(columns).enumerate() {
        let any = array.as_any();
        for i in 0..batch.num_rows() {
            if array.is_null(i) {
                continue;
            }
            let text = match array.data_type() {
                DataType::Float64 => any
                    .downcast_ref::<Float64Array>()
                    .map(|a| var.text(Value::Numeric(a.value(i)))),
                DataType::Utf8View => any
                    .downcast_ref::<StringViewArray>()
                    .map(|a| var.text(Value::String(a.value(i).trim_end().to_string()))),
                DataType::Utf8 => any
                    .downcast_ref::<StringArray>()
                    .map(|a| var.text(Value::String(a.value(i).trim_end().to_string()))),
                DataType::Date32 => any
                    .downcast_ref::<Date32Array>()
                    .and_then(|a| a.value_as_date(i))
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                DataType::Timestamp(unit, _) => timestamp(any, *unit, i),
                _ => None,
            };
            if let (Some(text), Some(row)) = (text, rows.get_mut(start + i)) {
                row[j] = text;
            }
        }
    }
}

fn timestamp(any: &dyn std::any::Any, unit: TimeUnit, i: usize) -> Option<String> {
    let dt = match unit {
        TimeUnit::Second => any
            .downcast_ref::<TimestampSecondArray>()
            .and_then(|a| a.value_as_datetime(i)),
        TimeUnit::Millisecond => any
            .downcast_ref::<TimestampMillisecondArray>()
            .and_then(|a| a.value_as_datetime(i)),
        TimeUnit::Microsecond => any
            .downcast_ref::<TimestampMicrosecondArray>()
            .and_then(|a| a.value_as_datetime(i)),
        TimeUnit::Nanosecond => any
            .downcast_ref::<TimestampNanosecondArray>()
            .and_then(|a| a.value_as_datetime(i)),
    }?;
    Some(dt.format("%Y-%m-%d %H:%M:%S").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/spss")
            .join(name)
    }

    /// tests/fixtures/spss/README.md (written by make_sav.py with pyreadstat): 120 rows;
    /// v1 has value labels 1–4 and 9 = "Weet ik niet" declared user-missing.
    #[test]
    fn labels_become_text_and_user_missing_becomes_empty() {
        for file in ["enquete.sav", "enquete.zsav"] {
            let t = read(&fixture(file)).unwrap();
            assert_eq!(t.rows.len(), 120, "{file}");
            let v1 = t.headers.iter().position(|h| h == "v1").unwrap();
            assert_eq!(
                t.described[v1].label.as_deref(),
                Some("Werd u met respect behandeld door de verloskundige?")
            );
            assert_eq!(
                t.described[v1].levels,
                ["Nooit", "Soms", "Meestal", "Altijd"]
            );
            // v1 answer counts (README): 1×2, 2×6, 3×36, 4×66, 9×8, system-missing ×2.
            let count = |v: &str| t.rows.iter().filter(|r| r[v1] == v).count();
            assert_eq!(
                (
                    count("Nooit"),
                    count("Soms"),
                    count("Meestal"),
                    count("Altijd"),
                    count("")
                ),
                (2, 6, 36, 66, 10)
            );
            let datum = t.headers.iter().position(|h| h == "datum").unwrap();
            assert!(t
                .rows
                .iter()
                .all(|r| r[datum].len() == 10 && r[datum].starts_with("2026-")));
        }
    }

    #[test]
    fn a_damaged_file_is_refused_not_a_panic() {
        let bytes = std::fs::read(fixture("enquete.sav")).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        for cut in [10, 200, 400, 1000, bytes.len() - 7] {
            let p = tmp.path().join("cut.sav");
            std::fs::write(&p, &bytes[..cut]).unwrap();
            let e = read(&p)
                .err()
                .unwrap_or_else(|| panic!("cut at {cut} was read"));
            assert!(matches!(e, Error::Input { .. }), "{e:?}");
        }
    }
}
