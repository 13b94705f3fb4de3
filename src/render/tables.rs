//! Tables: `scores.csv` (and `.xlsx`, `.parquet`), `reliability.csv`, `flags.csv`.
//!
//! A table's schema is its row type: a serde struct, one field per column, in order (see
//! [`Kind`]). CSV, XLSX and Parquet are written from the rows by one [`Table`].
//!
//! CSV is RFC 4180, comma, dot decimals, UTF-8, with fixed decimals so that the same inputs
//! give the same bytes. Every CSV of the report goes through one writer, [`csv_bytes`], so
//! that no name or label can run as a spreadsheet formula: text is [`neutralise`]d (in XLSX
//! too), and a field holding `;` or a tab is quoted, since Dutch Excel splits on `;`.
//! A suppressed row carries no numbers: not even n.

use std::sync::Arc;

use polars::prelude::*;
use polars_io::parquet::write::ParquetWriter;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde::ser::{Impossible, SerializeStruct, Serializer};
use serde::Serialize;

use crate::analysis::score::{Cell, Measure, Scores, Tier};
use crate::error::{Error, Result};
use crate::ingest::Canonical;
use crate::layout;

/// One row of scores.csv (and of scores.xlsx and scores.parquet): the fields are the
/// columns, in order (spec §6, then the extra interval columns); the `serialize_with`
/// attribute of a field says how it is written (see [`Kind`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScoreRow {
    pub period: String,
    #[serde(serialize_with = "optional_text")]
    pub vsv: String,
    #[serde(serialize_with = "optional_text")]
    pub organisation: String,
    #[serde(serialize_with = "optional_text")]
    pub care_type: String,
    pub theme: String,
    #[serde(serialize_with = "optional_text")]
    pub item: String,
    #[serde(serialize_with = "count")]
    pub n: Option<u64>,
    #[serde(serialize_with = "fixed4")]
    pub mean: Option<f64>,
    #[serde(serialize_with = "fixed4")]
    pub sd: Option<f64>,
    #[serde(serialize_with = "fixed4")]
    pub ci_low: Option<f64>,
    #[serde(serialize_with = "fixed4")]
    pub ci_high: Option<f64>,
    #[serde(serialize_with = "fixed2")]
    pub top_box_pct: Option<f64>,
    #[serde(serialize_with = "fixed2")]
    pub problem_pct: Option<f64>,
    pub status: String,
    #[serde(serialize_with = "fixed4")]
    pub std_mean: Option<f64>,
    #[serde(serialize_with = "fixed4")]
    pub z: Option<f64>,
    #[serde(serialize_with = "optional_text")]
    pub band: String,
    #[serde(serialize_with = "fixed4")]
    pub change_prev: Option<f64>,
    #[serde(serialize_with = "p")]
    pub p_prev: Option<f64>,
    #[serde(serialize_with = "fixed4")]
    pub change_year: Option<f64>,
    #[serde(serialize_with = "p")]
    pub p_year: Option<f64>,
    #[serde(serialize_with = "optional_text")]
    pub spc_signal: String,
    #[serde(serialize_with = "fixed2")]
    pub top_box_ci_low: Option<f64>,
    #[serde(serialize_with = "fixed2")]
    pub top_box_ci_high: Option<f64>,
    #[serde(serialize_with = "fixed2")]
    pub problem_ci_low: Option<f64>,
    #[serde(serialize_with = "fixed2")]
    pub problem_ci_high: Option<f64>,
    /// Rows over care types: the care types averaged (the shown ones), " + "-joined.
    #[serde(serialize_with = "optional_text")]
    pub covers: String,
}

/// The theme and item ids of a cell as written in the tables.
pub fn measure_ids(data: &Canonical, m: Measure) -> (String, String) {
    let item_theme = |i: u16| match data.items[i as usize].role {
        crate::ingest::ItemRole::Theme(t) => data.themes[t].id.clone(),
        _ => String::new(),
    };
    match m {
        Measure::Theme(t) => (data.themes[t as usize].id.clone(), String::new()),
        Measure::Item(i) => (item_theme(i), data.items[i as usize].id.clone()),
        Measure::Grade(_) => ("rapportcijfer".into(), String::new()),
        Measure::Nps(_) => ("nps".into(), String::new()),
    }
}

/// One row per cell.
pub fn score_rows(data: &Canonical, scores: &Scores) -> Vec<ScoreRow> {
    scores.cells.iter().map(|c| score_row(data, c)).collect()
}

fn score_row(data: &Canonical, c: &Cell) -> ScoreRow {
    let name = |id: Option<u32>| id.map_or(String::new(), |i| data.names.get(i).to_string());
    let (theme, item) = measure_ids(data, c.measure);
    let s = c.stats.filter(|_| c.tier != Tier::Suppressed);
    let cmp = Some(&c.comparison).filter(|_| c.tier != Tier::Suppressed);
    ScoreRow {
        period: c.period.to_string(),
        vsv: name(c.vsv),
        organisation: name(c.organisation),
        care_type: name(c.care_type),
        theme,
        item,
        n: s.map(|s| s.n),
        mean: s.map(|s| s.mean),
        sd: s.and_then(|s| s.sd),
        ci_low: s.and_then(|s| s.ci).map(|c| c.0),
        ci_high: s.and_then(|s| s.ci).map(|c| c.1),
        top_box_pct: s.and_then(|s| s.top_box).map(|p| p.pct),
        problem_pct: s.and_then(|s| s.problem).map(|p| p.pct),
        status: c.tier.id().to_string(),
        std_mean: cmp.and_then(|x| x.std_mean),
        z: cmp.and_then(|x| x.z),
        band: cmp
            .and_then(|x| x.band)
            .map_or(String::new(), |b| b.id().to_string()),
        change_prev: cmp.and_then(|x| x.prev).map(|t| t.change),
        p_prev: cmp.and_then(|x| x.prev).map(|t| t.p),
        change_year: cmp.and_then(|x| x.year).map(|t| t.change),
        p_year: cmp.and_then(|x| x.year).map(|t| t.p),
        spc_signal: cmp
            .and_then(|x| x.spc_signal)
            .map_or(String::new(), |v| v.id().to_string()),
        top_box_ci_low: s.and_then(|s| s.top_box).map(|p| p.low),
        top_box_ci_high: s.and_then(|s| s.top_box).map(|p| p.high),
        problem_ci_low: s.and_then(|s| s.problem).map(|p| p.low),
        problem_ci_high: s.and_then(|s| s.problem).map(|p| p.high),
        covers: c
            .covers
            .iter()
            .map(|&ct| data.names.get(ct))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Neutralises text a spreadsheet would run as a formula: a `'` goes before a `= + - @`
/// that starts the text, or starts a piece after a `;` or tab (blanks between allowed),
/// since Dutch Excel splits a comma file on `;` and reads each piece as a cell; and before
/// a leading tab or carriage return. Numbers (`-0.5`, `2.500e-9`) are numbers, not text,
/// and stay as they are.
pub fn neutralise(text: &str) -> String {
    if is_number(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut piece_start = true;
    for c in text.chars() {
        let leading_blank = out.is_empty() && matches!(c, '\t' | '\r');
        if piece_start && (matches!(c, '=' | '+' | '-' | '@') || leading_blank) {
            out.push('\'');
        }
        out.push(c);
        piece_start = matches!(c, ';' | '\t') || (piece_start && c == ' ');
    }
    out
}

/// A plain decimal number as the tables write them: `-0.5`, `12`, `2.500e-9`.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => digits(whole) && (fraction.is_empty() || digits(fraction)),
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)))
}

/// A number with `decimals` decimals as the tables write it (machine-readable, in every
/// report language): [`crate::i18n::number::decimals`], so dot, ASCII minus, never
/// "-0.0000"; empty for none and for a value that is not finite.
pub fn fixed(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(x) if x.is_finite() => crate::i18n::number::decimals(x, decimals),
        _ => String::new(),
    }
}

/// A p-value: six decimals, or scientific below 0.000001 (so tiny p is not printed as 0).
pub fn p_value(v: Option<f64>) -> String {
    match v {
        Some(p) if p.is_finite() && p > 0.0 && p < 1e-6 => format!("{p:.3e}"),
        other => fixed(other, 6),
    }
}

/// The one CSV writer of the report: RFC 4180, comma, CRLF line ends. Every field is
/// [`neutralise`]d (numbers stay numbers) and quoted when it holds a comma, a quote, a line
/// break, a `;` or a tab.
///
/// Written by hand on purpose: the `csv` crate quotes only the delimiter, the quote, line
/// breaks and one "comment" byte, so it cannot quote both `;` and a tab as Dutch Excel
/// needs.
pub fn csv_bytes(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = String::new();
    let mut record = |fields: &mut dyn Iterator<Item = &str>| {
        for (i, field) in fields.enumerate() {
            if i > 0 {
                out.push(',');
            }
            let text = neutralise(field);
            if text.contains([',', '"', '\r', '\n', ';', '\t']) {
                out.push('"');
                out.push_str(&text.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&text);
            }
        }
        out.push_str("\r\n");
    };
    record(&mut header.iter().copied());
    for r in rows {
        record(&mut r.iter().map(String::as_str));
    }
    out.into_bytes()
}

// ---------------------------------------------------------------------------------------
// One schema for CSV, XLSX and Parquet: a table's row is a serde struct, one field per
// column in column order. [`Columns`] reads a row into names, kinds and values, and the
// writers below take nothing else.

/// How a column is written. A plain `String` field is [`Kind::Text`] and an unsigned
/// integer [`Kind::Count`]; every other kind is named by the field's `serialize_with`
/// ([`optional_text`], [`count`], [`fixed2`], [`fixed4`], [`p`]), so that a column keeps
/// its kind (and its Parquet type) in a table where it is empty or that has no rows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Text; an empty text stays an empty text.
    Text,
    /// Text whose empty value means "none": a null in Parquet.
    OptionalText,
    /// A whole number: written as is, a number in XLSX, `UInt64` in Parquet.
    Count,
    /// A number with this many decimals in CSV; XLSX and Parquet keep the full value.
    Fixed(usize),
    /// A p-value ([`p_value`]) in CSV; the full value in XLSX and Parquet.
    PValue,
}

impl Kind {
    /// The kinds named by the `serialize_with` functions (as a newtype struct's name).
    const NAMED: [(&'static str, Kind); 5] = [
        ("optional_text", Kind::OptionalText),
        ("count", Kind::Count),
        ("fixed2", Kind::Fixed(2)),
        ("fixed4", Kind::Fixed(4)),
        ("p_value", Kind::PValue),
    ];

    fn named(name: &str) -> Option<Kind> {
        Kind::NAMED
            .iter()
            .find_map(|&(n, kind)| (n == name).then_some(kind))
    }
}

/// The value of one cell. Text is shared: a national table repeats a few hundred names,
/// ids and periods in 236 000 rows.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(Arc<str>),
    Count(u64),
    Number(f64),
    Empty,
}

impl Value {
    fn text_or_empty(&self) -> &str {
        match self {
            Value::Text(s) => s,
            _ => "",
        }
    }

    fn count(&self) -> Option<u64> {
        match self {
            Value::Count(n) => Some(*n),
            _ => None,
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Value::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// The cell as scores.csv writes it (before [`neutralise`] and quoting).
    fn text(&self, kind: Kind) -> String {
        match (self, kind) {
            (Value::Text(s), _) => s.to_string(),
            (Value::Count(n), _) => n.to_string(),
            (Value::Number(x), Kind::PValue) => p_value(Some(*x)),
            (Value::Number(x), Kind::Fixed(d)) => fixed(Some(*x), d),
            (Value::Number(x), _) => x.to_string(),
            (Value::Empty, _) => String::new(),
        }
    }
}

/// Text whose empty value means "none" ([`Kind::OptionalText`]).
fn optional_text<S: Serializer>(v: &str, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_newtype_struct("optional_text", v)
}

/// A count that may be hidden ([`Kind::Count`]).
fn count<S: Serializer>(v: &Option<u64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_newtype_struct("count", v)
}

/// Two decimals in CSV ([`Kind::Fixed`]).
fn fixed2<S: Serializer>(v: &Option<f64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_newtype_struct("fixed2", v)
}

/// Four decimals in CSV ([`Kind::Fixed`]).
fn fixed4<S: Serializer>(v: &Option<f64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_newtype_struct("fixed4", v)
}

/// A p-value ([`Kind::PValue`]).
fn p<S: Serializer>(v: &Option<f64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_newtype_struct("p_value", v)
}

/// A row type that does not fit the schema (a programming error, found by the tests).
#[derive(Debug)]
struct SchemaError(String);

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SchemaError {}

impl serde::ser::Error for SchemaError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SchemaError(msg.to_string())
    }
}

/// A row read by serde: its column names, kinds and values, in order.
#[derive(Debug, Default)]
struct Columns {
    names: Vec<&'static str>,
    kinds: Vec<Kind>,
    values: Vec<Value>,
    /// The kind named for the field being read, if any.
    named: Option<Kind>,
    in_row: bool,
}

impl Columns {
    fn read<R: Serialize>(row: &R) -> std::result::Result<Columns, SchemaError> {
        let mut columns = Columns::default();
        row.serialize(&mut columns)?;
        Ok(columns)
    }

    /// A value of the current field: of its named kind, else of `plain` (the kind of an
    /// unnamed text or integer); a number or an empty value must have its kind named.
    fn push(&mut self, plain: Option<Kind>, value: Value) -> std::result::Result<(), SchemaError> {
        let column = self.names.last().copied().unwrap_or("?");
        let kind = self.named.take().or(plain).ok_or_else(|| {
            SchemaError(format!(
                "column {column}: name its kind with serialize_with"
            ))
        })?;
        self.kinds.push(kind);
        self.values.push(value);
        Ok(())
    }
}

/// Rejects the shapes a table cell cannot have (lists, maps, nested structs …).
macro_rules! not_a_cell {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> std::result::Result<$ok, SchemaError> {
            Err(SchemaError(format!("{}: not a table cell", stringify!($method))))
        }
    )*};
}

impl Serializer for &mut Columns {
    type Ok = ();
    type Error = SchemaError;
    type SerializeSeq = Impossible<(), SchemaError>;
    type SerializeTuple = Impossible<(), SchemaError>;
    type SerializeTupleStruct = Impossible<(), SchemaError>;
    type SerializeTupleVariant = Impossible<(), SchemaError>;
    type SerializeMap = Impossible<(), SchemaError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), SchemaError>;

    fn serialize_struct(self, _: &'static str, _: usize) -> std::result::Result<Self, SchemaError> {
        if self.in_row {
            return Err(SchemaError(
                "a struct inside a row: not a table cell".into(),
            ));
        }
        self.in_row = true;
        Ok(self)
    }

    fn serialize_str(self, v: &str) -> std::result::Result<(), SchemaError> {
        self.push(Some(Kind::Text), Value::Text(v.into()))
    }

    /// An enum's id (a unit variant, renamed by serde) is text.
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> std::result::Result<(), SchemaError> {
        self.serialize_str(variant)
    }

    fn serialize_u64(self, v: u64) -> std::result::Result<(), SchemaError> {
        self.push(Some(Kind::Count), Value::Count(v))
    }

    fn serialize_f64(self, v: f64) -> std::result::Result<(), SchemaError> {
        self.push(None, Value::Number(v))
    }

    fn serialize_none(self) -> std::result::Result<(), SchemaError> {
        self.push(None, Value::Empty)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> std::result::Result<(), SchemaError> {
        v.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> std::result::Result<(), SchemaError> {
        self.named = Kind::named(name);
        v.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> std::result::Result<(), SchemaError> {
        Err(SchemaError(format!("{variant}: not a table cell")))
    }

    not_a_cell! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_f32(f32) -> ();
        serialize_char(char) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

impl SerializeStruct for &mut Columns {
    type Ok = ();
    type Error = SchemaError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> std::result::Result<(), SchemaError> {
        self.names.push(key);
        self.named = None;
        value.serialize(&mut **self)?;
        if self.values.len() != self.names.len() {
            return Err(SchemaError(format!("column {key}: no value")));
        }
        Ok(())
    }

    fn end(self) -> std::result::Result<(), SchemaError> {
        Ok(())
    }
}

/// Above this many rows an XLSX sheet is written in low-memory mode (a region over two
/// years has about 10 000 score rows, the nation over three years 236 000).
const LOW_MEMORY_ROWS: usize = 50_000;

/// A table ready to write: column names and kinds (read from `R::default()`, so a table
/// without rows has them too) and every row's values.
struct Table {
    names: Vec<&'static str>,
    kinds: Vec<Kind>,
    /// Column by column: a few large allocations, which go back to the system when the
    /// table is dropped (a row each kept 250 MB of small blocks in the allocator).
    columns: Vec<Vec<Value>>,
    len: usize,
}

impl Table {
    /// `file` names the output in an error.
    fn new<R: Serialize + Default>(rows: &[R], file: &str) -> Result<Table> {
        Table::from_rows::<R, &R>(rows, file)
    }

    /// The table of `rows`, read one at a time (so they need not all exist at once), with
    /// equal texts shared.
    fn from_rows<R: Serialize + Default, B: std::borrow::Borrow<R>>(
        rows: impl IntoIterator<Item = B>,
        file: &str,
    ) -> Result<Table> {
        let err = |e: SchemaError| Error::Output {
            path: file.into(),
            message: e.to_string(),
        };
        let header = Columns::read(&R::default()).map_err(err)?;
        let mut texts: rustc_hash::FxHashSet<Arc<str>> = Default::default();
        let mut columns: Vec<Vec<Value>> = vec![Vec::new(); header.kinds.len()];
        let mut len = 0;
        for r in rows {
            let c = Columns::read(r.borrow()).map_err(err)?;
            if c.kinds != header.kinds {
                return Err(err(SchemaError("a row of another shape".into())));
            }
            for (column, mut v) in columns.iter_mut().zip(c.values) {
                if let Value::Text(t) = &mut v {
                    match texts.get(t) {
                        Some(shared) => *t = shared.clone(),
                        None => {
                            texts.insert(t.clone());
                        }
                    }
                }
                column.push(v);
            }
            len += 1;
        }
        Ok(Table {
            names: header.names,
            kinds: header.kinds,
            columns,
            len,
        })
    }

    /// Row `i`'s values, in column order.
    fn row(&self, i: usize) -> impl Iterator<Item = &Value> {
        self.columns.iter().filter_map(move |c| c.get(i))
    }

    fn csv(&self) -> Vec<u8> {
        csv_bytes(
            &self.names,
            (0..self.len).map(|i| {
                self.row(i)
                    .zip(&self.kinds)
                    .map(|(v, &kind)| v.text(kind))
                    .collect()
            }),
        )
    }

    /// One sheet with numbers as numbers, a frozen bold header, an autofilter and a fixed
    /// creation date (so the bytes are the same on every run).
    fn xlsx(&self, sheet_name: &str, file: &str) -> Result<Vec<u8>> {
        let err = |e: rust_xlsxwriter::XlsxError| Error::Output {
            path: file.into(),
            message: e.to_string(),
        };
        let mut book = Workbook::new();
        let created = ExcelDateTime::from_ymd(2026, 1, 1).map_err(err)?;
        book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
        // A large table in low-memory mode: rows go to an unnamed temporary file as they
        // are written, strings stay shared. The national table (236 000 rows) took 800 MiB
        // more in the standard mode; the file differs from it only in the rows' optional
        // `spans` hint. A region's table stays in memory, as before.
        let sheet = if self.len > LOW_MEMORY_ROWS {
            book.add_worksheet_with_low_memory().map_err(err)?
        } else {
            book.add_worksheet()
        };
        sheet.set_name(sheet_name).map_err(err)?;
        let bold = Format::new().set_bold();
        for (c, name) in self.names.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, *name, &bold)
                .map_err(err)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        for i in 0..self.len {
            let values = self.row(i);
            let row = (i + 1) as u32;
            for (c, value) in values.enumerate() {
                let col = c as u16;
                match value {
                    Value::Count(n) => sheet.write_number(row, col, *n as f64).map(|_| ()),
                    Value::Number(x) if x.is_finite() => {
                        sheet.write_number(row, col, *x).map(|_| ())
                    }
                    Value::Text(s) if !s.is_empty() => {
                        sheet.write_string(row, col, neutralise(s)).map(|_| ())
                    }
                    _ => Ok(()),
                }
                .map_err(err)?;
            }
        }
        sheet
            .autofilter(0, 0, self.len as u32, (self.names.len() - 1) as u16)
            .map_err(err)?;
        book.save_to_buffer().map_err(err)
    }

    /// A polars DataFrame: typed columns, nulls where empty.
    fn frame(&self) -> PolarsResult<DataFrame> {
        let columns = self
            .names
            .iter()
            .zip(&self.kinds)
            .enumerate()
            .map(|(c, (&name, &kind))| {
                let cells = self.columns[c].iter();
                let name = name.into();
                match kind {
                    Kind::Text => {
                        Column::new(name, cells.map(Value::text_or_empty).collect::<Vec<_>>())
                    }
                    Kind::OptionalText => Column::new(
                        name,
                        cells
                            .map(|v| Some(v.text_or_empty()).filter(|s| !s.is_empty()))
                            .collect::<Vec<_>>(),
                    ),
                    Kind::Count => Column::new(name, cells.map(Value::count).collect::<Vec<_>>()),
                    Kind::Fixed(_) | Kind::PValue => {
                        Column::new(name, cells.map(Value::number).collect::<Vec<_>>())
                    }
                }
            })
            .collect();
        DataFrame::new_infer_height(columns)
    }

    fn parquet(&self, file: &str) -> Result<Vec<u8>> {
        let err = |e: PolarsError| Error::Output {
            path: file.into(),
            message: e.to_string(),
        };
        let mut df = self.frame().map_err(err)?;
        let mut buf = Vec::new();
        ParquetWriter::new(&mut buf).finish(&mut df).map_err(err)?;
        Ok(buf)
    }
}

/// scores.csv, scores.xlsx and scores.parquet of every cell, from one table: the XLSX (the
/// slowest) beside the other two, on the two cores a laptop has.
pub fn score_files(data: &Canonical, scores: &Scores) -> Result<[Vec<u8>; 3]> {
    let rows = scores.cells.iter().map(|c| score_row(data, c));
    let table = Table::from_rows::<ScoreRow, _>(rows, layout::SCORES_CSV)?;
    let (xlsx, (csv, parquet)) = rayon::join(
        || table.xlsx("scores", layout::SCORES_XLSX),
        || (table.csv(), table.parquet(layout::SCORES_PARQUET)),
    );
    Ok([csv, xlsx?, parquet?])
}

/// scores.csv.
pub fn scores_csv(rows: &[ScoreRow]) -> Result<Vec<u8>> {
    Ok(Table::new(rows, layout::SCORES_CSV)?.csv())
}

/// scores.xlsx: the same table with numbers as numbers.
pub fn scores_xlsx(rows: &[ScoreRow]) -> Result<Vec<u8>> {
    Table::new(rows, layout::SCORES_XLSX)?.xlsx("scores", layout::SCORES_XLSX)
}

/// scores.parquet.
pub fn scores_parquet(rows: &[ScoreRow]) -> Result<Vec<u8>> {
    Table::new(rows, layout::SCORES_PARQUET)?.parquet(layout::SCORES_PARQUET)
}

/// One row of reliability.csv.
#[derive(Debug, Default, Serialize)]
struct ReliabilityRow {
    period: String,
    theme: String,
    /// No n: the count of complete cases beside a theme's n would count the clients who
    /// skipped an item (a group of any size).
    #[serde(serialize_with = "fixed4")]
    alpha: Option<f64>,
}

/// reliability.csv: Cronbach's α per theme and period.
pub fn reliability_csv(data: &Canonical, scores: &Scores) -> Result<Vec<u8>> {
    let rows: Vec<ReliabilityRow> = scores
        .reliability
        .iter()
        .map(|r| ReliabilityRow {
            period: r.period.to_string(),
            theme: data.themes[r.theme as usize].id.clone(),
            alpha: r.alpha,
        })
        .collect();
    Ok(Table::new(&rows, layout::RELIABILITY_CSV)?.csv())
}

/// One row of flags.csv.
#[derive(Debug, Default, Serialize)]
struct FlagRow {
    period: String,
    vsv: String,
    theme: String,
    kind: String,
    rank: u64,
    /// Reason ids joined by `;`.
    reasons: String,
    /// `name=value` pairs joined by `;` (dot decimals).
    evidence: String,
}

/// `tables/flags.csv`: one row per flag.
pub fn flags_csv(data: &Canonical, flags: &[crate::analysis::flags::Flag]) -> Result<Vec<u8>> {
    let rows: Vec<FlagRow> = flags
        .iter()
        .map(|f| FlagRow {
            period: f.period.to_string(),
            vsv: f
                .vsv
                .map_or_else(String::new, |v| data.names.get(v).to_string()),
            theme: data
                .themes
                .get(f.theme as usize)
                .map_or_else(String::new, |t| t.id.clone()),
            kind: f.kind.id().to_string(),
            rank: f.rank as u64,
            reasons: f
                .reasons
                .iter()
                .map(|r| r.id(f.kind))
                .collect::<Vec<_>>()
                .join(";"),
            evidence: flag_evidence(f).join(";"),
        })
        .collect();
    Ok(Table::new(&rows, layout::FLAGS_CSV)?.csv())
}

/// The numbers behind a flag, as `name=value`.
fn flag_evidence(f: &crate::analysis::flags::Flag) -> Vec<String> {
    use crate::analysis::flags::{Against, FlagKind, Reason};
    let mut evidence = vec![format!("score={}", fixed(Some(f.score), 4))];
    if let Some((lo, hi)) = f.ci {
        evidence.push(format!("ci={}-{}", fixed(Some(lo), 4), fixed(Some(hi), 4)));
    }
    if let Some(r) = f.region {
        evidence.push(format!("region={}", fixed(Some(r), 4)));
    }
    evidence.push(format!("n={}", f.n));
    for r in &f.reasons {
        match r {
            Reason::Band { z, .. } => evidence.push(format!("z={}", fixed(Some(*z), 3))),
            Reason::Change { against, change } => {
                let which = match against {
                    Against::Previous => "prev",
                    Against::YearBefore => "year",
                };
                evidence.push(format!("change_{which}={}", fixed(Some(change.change), 4)));
                evidence.push(format!("p_{which}={}", p_value(Some(change.p))));
            }
            Reason::TopScore { value, .. } => {
                let name = match f.kind {
                    FlagKind::Improvement => "verbeterscore",
                    FlagKind::Strength => "topbox_score",
                };
                evidence.push(format!("{name}={}", fixed(Some(*value), 4)));
            }
            Reason::Target { target } => {
                evidence.push(format!("target={}", fixed(Some(*target), 2)));
            }
            Reason::Spc => {}
        }
    }
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("VSV Alkmaar"), "VSV Alkmaar");
        assert_eq!(neutralise("\tx"), "'\tx");
        // Dutch Excel splits on `;`: every piece is made safe.
        assert_eq!(neutralise("x;=cmd|' /C calc'!A0"), "x;'=cmd|' /C calc'!A0");
        assert_eq!(neutralise("a; +1;@b\t-c"), "a; '+1;'@b\t'-c");
        assert_eq!(neutralise("score=7.0;z=-2.6"), "score=7.0;z=-2.6");
        assert_eq!(neutralise("Noord-Holland"), "Noord-Holland");
    }

    #[test]
    fn numbers_are_not_neutralised() {
        for n in ["-0.5", "0.5", "-12", "2.500e-9", "-1.5E+3", "7."] {
            assert_eq!(neutralise(n), n);
        }
        for t in ["-", "-.5", "-1-2", "-inf", "-NaN", "-1e", "--1", "-1,5"] {
            assert!(neutralise(t).starts_with('\''), "{t}");
        }
    }

    #[test]
    fn one_writer_quotes_what_dutch_excel_would_split() {
        let bytes = csv_bytes(
            &["a", "b", "c"],
            [
                vec![
                    "x;=cmd|' /C calc'!A0".to_string(),
                    "-0.5".into(),
                    "=1+2".into(),
                ],
                vec!["tab\there".into(), "say \"hi\", ok".into(), "plain".into()],
            ],
        );
        let text = String::from_utf8(bytes).unwrap_or_default();
        assert_eq!(
            text,
            "a,b,c\r\n\"x;'=cmd|' /C calc'!A0\",-0.5,'=1+2\r\n\"tab\there\",\"say \"\"hi\"\", ok\",plain\r\n"
        );
        // RFC 4180 readers get the neutralised values back.
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let row = r.records().next().and_then(|x| x.ok()).unwrap_or_default();
        assert_eq!(&row[0], "x;'=cmd|' /C calc'!A0");
        assert_eq!(&row[1], "-0.5");
    }

    /// A row of every kind, for the schema tests.
    #[derive(Debug, Default, Serialize)]
    struct Sample {
        name: String,
        #[serde(serialize_with = "optional_text")]
        unit: String,
        #[serde(serialize_with = "count")]
        n: Option<u64>,
        rank: u64,
        #[serde(serialize_with = "fixed2")]
        pct: Option<f64>,
        #[serde(serialize_with = "p")]
        p: Option<f64>,
    }

    fn sample() -> Sample {
        Sample {
            name: "=x".into(),
            unit: String::new(),
            n: Some(12),
            rank: 3,
            pct: Some(-0.001),
            p: Some(2.5e-9),
        }
    }

    #[test]
    fn one_schema_gives_header_and_formatted_cells() {
        let table = Table::new(&[sample(), Sample::default()], "t.csv").unwrap();
        let text = String::from_utf8(table.csv()).unwrap();
        assert_eq!(
            text,
            "name,unit,n,rank,pct,p\r\n'=x,,12,3,0.00,2.500e-9\r\n,,,0,,\r\n"
        );
    }

    #[test]
    fn an_empty_table_keeps_its_columns_and_types() {
        let table = Table::new::<Sample>(&[], "t.parquet").unwrap();
        assert_eq!(
            String::from_utf8(table.csv()).unwrap(),
            "name,unit,n,rank,pct,p\r\n"
        );
        let df = table.frame().unwrap();
        let types: Vec<String> = df.dtypes().iter().map(|t| t.to_string()).collect();
        assert_eq!(types, ["str", "str", "u64", "u64", "f64", "f64"]);
    }

    #[test]
    fn optional_text_is_null_in_parquet_and_text_is_not() {
        let table = Table::new(&[sample()], "t.parquet").unwrap();
        let df = table.frame().unwrap();
        let nulls = |c: &str| df.column(c).map(|c| c.null_count()).unwrap_or(9);
        assert_eq!((nulls("name"), nulls("unit")), (0, 1));
    }

    #[test]
    fn a_number_without_a_kind_is_refused() {
        #[derive(Default, Serialize)]
        struct Bare {
            x: Option<f64>,
        }
        let err = Table::new(&[Bare { x: Some(1.0) }], "t.csv").err();
        assert!(err.is_some_and(|e| e.to_string().contains("column x")));
    }

    #[test]
    fn scores_csv_columns_are_the_spec_order() {
        let text = String::from_utf8(scores_csv(&[]).unwrap()).unwrap();
        assert_eq!(
            text,
            "period,vsv,organisation,care_type,theme,item,n,mean,sd,ci_low,ci_high,\
             top_box_pct,problem_pct,status,std_mean,z,band,change_prev,p_prev,change_year,\
             p_year,spc_signal,top_box_ci_low,top_box_ci_high,problem_ci_low,problem_ci_high,\
             covers\r\n"
        );
    }

    #[test]
    fn tiny_p_values_stay_readable() {
        assert_eq!(p_value(Some(0.0123456)), "0.012346");
        assert_eq!(p_value(Some(2.5e-9)), "2.500e-9");
        assert_eq!(p_value(Some(0.0)), "0.000000");
        assert_eq!(p_value(None), "");
    }

    #[test]
    fn fixed_decimals_never_print_negative_zero() {
        assert_eq!(fixed(Some(-0.00001), 4), "0.0000");
        assert_eq!(fixed(Some(7.25), 2), "7.25");
        assert_eq!(fixed(None, 2), "");
        assert_eq!(fixed(Some(f64::NAN), 2), "");
    }
}
