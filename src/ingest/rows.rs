//! Reading one export file into respondent rows, answers, open answers and data-quality
//! entries, before any file is merged with another (names are the file's own ids).

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use super::answer::Reading;
use super::canonical::{Answer, Comment, InputFile, Names, Respondent, Side};
use super::columns::{ColumnMap, UnitCols};
use super::files::sha256_hex;
use super::plan::{CodebookPlan, PlannedItem};
use super::quality::{shown_value, CodebookWords, SourceCounts};
use super::read::{TableFile, TextRow};
use super::value::{
    normalize, parse_age_band, parse_date, parse_parity, read_date, DateReading, Parity,
};
use crate::config::codebook::Codebook;
use crate::config::{Config, Source};
use crate::error::row::{Expected, Issue, Problem};
use crate::error::{Error, ExportProblem, InputProblem, Result};
use crate::period::{Period, PeriodKind};
use crate::text::polarity::{polarity, Polarity};
use crate::text::safeguarding::{Category, Signal};

/// The polarity of a comment: the export's own sentiment when it has one for this row
/// (unless the words clearly say the opposite: then nobody can tell), else the lexicon's. A
/// sentiment value that is neither positive nor negative (the FFT's 3) is not placed.
fn comment_polarity(
    text: &str,
    value: Option<&str>,
    sentiment: Option<&crate::config::codebook::Sentiment>,
) -> Polarity {
    let words = polarity(text);
    let (Some(value), Some(s)) = (value, sentiment) else {
        return words;
    };
    let is = |list: &[String]| list.iter().any(|v| normalize(v) == normalize(value));
    let (said, opposite) = if is(&s.positive) {
        (Polarity::Positive, Polarity::Negative)
    } else if is(&s.negative) {
        (Polarity::Negative, Polarity::Positive)
    } else {
        return Polarity::Unclear;
    };
    if words == opposite {
        Polarity::Unclear
    } else {
        said
    }
}

/// A respondent row of one file before merging: names are ids in the file's own [`Names`].
pub(super) struct FileRow {
    pub(super) raw_id: Option<std::sync::Arc<str>>,
    pub(super) row_no: usize,
    pub(super) respondent: Respondent,
    /// The month-first reading of an ambiguous date (`date_order` unset), settled after
    /// the whole file is read.
    pub(super) month_first: MonthFirst,
    /// Left out (ambiguous date in a file that mixes orders); its answers go with it.
    pub(super) dropped: bool,
    /// A text or flag of this input row has a safeguarding signal: every row of the same
    /// respondent is kept from quotes.
    pub(super) blocked: bool,
}

/// An open answer as read from a row: column, text, tone, side and signal.
type OpenText = (usize, String, Polarity, Option<Side>, Option<Category>);

/// What one file yields.
pub(super) struct FileData {
    pub(super) source: usize,
    pub(super) file: InputFile,
    pub(super) names: Names,
    pub(super) rows: Vec<FileRow>,
    /// Answers with `row` indexing into `rows`.
    pub(super) answers: Vec<Answer>,
    pub(super) issues: Vec<Issue>,
    pub(super) counts: SourceCounts,
    pub(super) signals: Vec<Signal>,
    /// Open answers with `row` indexing into `rows`.
    pub(super) comments: Vec<Comment>,
    /// VSVs (ids in `names`) whose dates this file writes month first.
    pub(super) month_first: Vec<u32>,
}

fn display_path(config: &Config, path: &Path) -> String {
    path.strip_prefix(config.dir())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Reads one file of source `s`: its header mapped to the plan, every row, then the dates
/// whose order only the whole file can settle.
pub(super) fn read_file(
    config: &Config,
    plan: &CodebookPlan,
    s: usize,
    path: &Path,
) -> Result<FileData> {
    let source = &config.sources[s];
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.is_empty() {
        return Err(Error::input(path, InputProblem::Empty));
    }
    let table = TableFile::open(path, &bytes, source.sheet.as_deref(), source.header_row)?;
    let map = ColumnMap::new(path, &table.headers, source, plan, s)?;
    let display = display_path(config, path);
    let mut reader = FileReader::new(config, plan, s, &table.headers, &map, &display);
    reader.report_missing_item_columns();
    table.for_each_row(path, |row_no, row| reader.row(row_no, row))?;
    reader.refuse_header_only(path)?;
    let month_first = reader.settle_ambiguous_dates(f_date_column(&map, &table.headers));
    reader.date_signals();
    let file = InputFile {
        path: path.to_path_buf(),
        display: display.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
        rows: reader.counts.rows,
        format: table.format.clone(),
        layout: map.layout,
    };
    Ok(reader.into_file_data(s, file, month_first))
}

/// Reads one file's rows; what they yield (rows, answers, entries, signals) builds up here.
struct FileReader<'a> {
    source_name: &'a str,
    display: &'a str,
    headers: &'a [String],
    map: &'a ColumnMap,
    planned: &'a [PlannedItem],
    codebook: &'a Codebook,
    /// The codebook's words a rejected value may be shown as (see [`shown_value`]).
    words: CodebookWords,
    source: &'a Source,
    kind: PeriodKind,
    names: Names,
    rows: Vec<FileRow>,
    answers: Vec<Answer>,
    issues: Vec<Issue>,
    counts: SourceCounts,
    /// Rows whose open texts need follow-up by a person (never quoted).
    signals: Vec<Signal>,
    /// Open answers of the rows read so far.
    comments: Vec<Comment>,
    /// Per planned item: raw text → reading (answers repeat; reading each once is fast).
    memo: Vec<HashMap<Box<str>, Reading>>,
    date_memo: HashMap<Box<str>, DateReading>,
    /// Per VSV (id in `names`): whether a date only readable day first, and one only
    /// readable month first, was seen. Exports that join units (the FFT: one trust writes
    /// day first, the other month first) are settled unit by unit.
    orders_seen: HashMap<u32, (bool, bool)>,
    /// What the row's date, read before its VSV, said of the order.
    pending_order: DateOrderEvidence,
}

/// What one date says of the file's date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrderEvidence {
    None,
    DayFirst,
    MonthFirst,
}

fn f_date_column(map: &ColumnMap, headers: &[String]) -> Option<String> {
    map.fields.date.and_then(|c| headers.get(c).cloned())
}

impl<'a> FileReader<'a> {
    /// A reader of `headers` (mapped as `map` says) for source `s`, with nothing read yet.
    fn new(
        config: &'a Config,
        plan: &'a CodebookPlan,
        s: usize,
        headers: &'a [String],
        map: &'a ColumnMap,
        display: &'a str,
    ) -> FileReader<'a> {
        let source = &config.sources[s];
        FileReader {
            source_name: &source.name,
            display,
            headers,
            map,
            planned: &plan.source_items[s],
            codebook: &plan.codebooks[s],
            words: CodebookWords::of(&plan.codebooks[s]),
            source,
            kind: config.analysis.period,
            names: Names::default(),
            rows: Vec::new(),
            answers: Vec::new(),
            issues: Vec::new(),
            counts: SourceCounts::default(),
            signals: Vec::new(),
            comments: Vec::new(),
            memo: vec![HashMap::default(); plan.source_items[s].len()],
            date_memo: HashMap::default(),
            orders_seen: HashMap::default(),
            pending_order: DateOrderEvidence::None,
        }
    }

    /// An entry (no row) for every planned item a unit has no column for: the file is
    /// read without it, and the officer sees which column the codebook expected.
    fn report_missing_item_columns(&mut self) {
        let map = self.map;
        for unit in &map.units {
            for (i, p) in self.planned.iter().enumerate() {
                if unit.items.iter().any(|(j, _)| *j == i) {
                    continue;
                }
                let first = p.columns.first().map_or("", String::as_str);
                let column = match &unit.care_type {
                    Some(ct) => {
                        let prefix = self.codebook.care_types.get(ct);
                        format!("{}{first}", prefix.map_or("", String::as_str))
                    }
                    None => first.to_string(),
                };
                self.issues.push(Issue {
                    source: self.source_name.to_string(),
                    file: self.display.to_string(),
                    row: None,
                    column: Some(column),
                    value: shown_value("", Problem::MissingColumn, &self.words),
                    problem: Problem::MissingColumn,
                    expected: Expected::Literal(p.columns.join(" | ")),
                });
            }
        }
    }

    /// Only a header (and maybe empty rows): say so, naming the file, rather than let it
    /// pass next to other files or end in "no usable rows" without a file.
    fn refuse_header_only(&self, path: &Path) -> Result<()> {
        let empty = self
            .issues
            .iter()
            .filter(|i| i.problem == Problem::EmptyRow)
            .count();
        if self.counts.rows == empty {
            return Err(Error::Export {
                path: path.to_path_buf(),
                problem: Box::new(ExportProblem::HeaderOnly {
                    row: self.source.header_row,
                }),
            });
        }
        Ok(())
    }

    /// A signal's period, where the row's date was settled only after the whole file.
    fn date_signals(&mut self) {
        for signal in self.signals.iter_mut().filter(|s| s.period.is_none()) {
            let row = self
                .rows
                .iter()
                .find(|r| r.row_no == signal.row && !r.dropped);
            signal.period = row.map(|r| r.respondent.period);
        }
    }

    /// What the file yields, as one of `source`'s files.
    fn into_file_data(mut self, source: usize, file: InputFile, month_first: Vec<u32>) -> FileData {
        self.counts.files = 1;
        FileData {
            source,
            file,
            names: self.names,
            rows: self.rows,
            answers: self.answers,
            issues: self.issues,
            counts: self.counts,
            signals: self.signals,
            comments: self.comments,
            month_first,
        }
    }

    /// Ambiguous dates (05-06-2021) were read day first. If the other dates of the row's
    /// VSV in this file are all month first, read them month first; if that VSV has both
    /// kinds, nobody can tell, so the rows are left out and reported. Returns the VSVs
    /// read month first.
    fn settle_ambiguous_dates(&mut self, column: Option<String>) -> Vec<u32> {
        let mut read_month_first: Vec<u32> = self
            .orders_seen
            .iter()
            .filter(|(_, &(day, month))| month && !day)
            .map(|(&v, _)| v)
            .collect();
        read_month_first.sort_unstable();
        for i in 0..self.rows.len() {
            let Some((alt, raw)) = self.rows[i].month_first.clone() else {
                continue;
            };
            let (day, month) = self
                .orders_seen
                .get(&self.rows[i].respondent.vsv)
                .copied()
                .unwrap_or((false, false));
            let (mixed, month_first) = (day && month, month && !day);
            if mixed {
                self.rows[i].dropped = true;
                let row_no = self.rows[i].row_no;
                let already = self
                    .issues
                    .iter()
                    .any(|x| x.row == Some(row_no) && x.problem == Problem::AmbiguousDate);
                if !already {
                    self.issues.push(Issue {
                        source: self.source_name.to_string(),
                        file: self.display.to_string(),
                        row: Some(row_no),
                        column: column.clone(),
                        // A date as written: the officer needs it to fix the file.
                        value: crate::error::row::ShownValue::Code(raw.to_string()),
                        problem: Problem::AmbiguousDate,
                        expected: Expected::DateOrder,
                    });
                }
            } else if month_first {
                let r = &mut self.rows[i].respondent;
                r.date = alt;
                r.period = Period::of(alt, self.kind);
            }
        }
        read_month_first
    }

    fn issue(
        &mut self,
        row: usize,
        column: Option<usize>,
        value: &str,
        problem: Problem,
        expected: Expected,
    ) {
        self.issues.push(Issue {
            source: self.source_name.to_string(),
            file: self.display.to_string(),
            row: Some(row),
            column: column.and_then(|c| self.headers.get(c).cloned()),
            value: shown_value(value, problem, &self.words),
            problem,
            expected,
        });
    }

    /// Records a [`Signal`] for every safeguarding flag set and every open text with a
    /// safeguarding signal in this row; returns them by column.
    fn scan(&mut self, row_no: usize, row: &dyn TextRow) -> Vec<(usize, Category)> {
        let field = |c: usize| row.field(c).map(str::trim).filter(|v| !v.is_empty());
        let flags = self
            .map
            .flags
            .iter()
            .filter(|&&c| field(c).is_some_and(crate::text::safeguarding::flagged))
            .map(|&c| (c, Category::Flagged));
        let texts = self.map.texts.iter().filter_map(|&c| {
            field(c)
                .and_then(crate::text::safeguarding::signal)
                .map(|k| (c, k))
        });
        let found: Vec<(usize, Category)> = flags.chain(texts).collect();
        for &(c, category) in &found {
            self.signals.push(Signal {
                source: self.source_name.to_string(),
                file: self.display.to_string(),
                row: row_no,
                column: self.headers.get(c).cloned().unwrap_or_default(),
                period: None,
                category,
            });
        }
        found
    }

    /// A unit's open answers, each with its tone and the side it may be quoted on. An
    /// answer to the improvement question that only praises ("Niets, alles was top") is no
    /// improvement text, a compliment that only complains no compliment; a comment goes to
    /// the side its polarity clearly shows, and to neither when mixed or unclear. A column
    /// already read for another unit of the row (`done`) is not read again.
    fn open_texts(
        &self,
        unit: &UnitCols,
        row: &dyn TextRow,
        found: &[(usize, Category)],
        done: &mut Vec<usize>,
    ) -> Vec<OpenText> {
        let get = |c: usize| row.field(c).map(str::trim).filter(|v| !v.is_empty());
        // The export's own flag on the row marks every text of it.
        let row_flag = found
            .iter()
            .find(|(c, _)| self.map.flags.contains(c))
            .map(|&(_, k)| k);
        let mut out = Vec::new();
        let columns = [
            (unit.improvement, Some(Side::Improvement)),
            (unit.compliment, Some(Side::Compliment)),
            (unit.comment, None),
        ];
        for (column, asked) in columns {
            let Some(c) = column else { continue };
            if done.contains(&c) {
                continue;
            }
            let Some(text) = get(c) else { continue };
            done.push(c);
            let (tone, side) = match asked {
                Some(Side::Improvement) => {
                    let tone = polarity(text);
                    (
                        tone,
                        (tone != Polarity::Positive).then_some(Side::Improvement),
                    )
                }
                Some(Side::Compliment) => {
                    let tone = polarity(text);
                    (
                        tone,
                        (tone != Polarity::Negative).then_some(Side::Compliment),
                    )
                }
                None => {
                    let sentiment = self.map.sentiment.and_then(get);
                    let tone =
                        comment_polarity(text, sentiment, self.codebook.open.sentiment.as_ref());
                    let side = match tone {
                        Polarity::Negative => Some(Side::Improvement),
                        Polarity::Positive => Some(Side::Compliment),
                        _ => None,
                    };
                    (tone, side)
                }
            };
            let signal = found
                .iter()
                .find(|&&(f, _)| f == c)
                .map(|&(_, k)| k)
                .or(row_flag);
            out.push((c, text.to_string(), tone, side, signal));
        }
        out
    }

    /// One input row, in its steps: its shape against the header, the fields all its units
    /// share (date, VSV, background), then a respondent row per unit (care type) that has
    /// an answer or an open text. Every step that leaves the row out says why.
    fn row(&mut self, row_no: usize, row: &dyn TextRow) {
        self.counts.rows += 1;
        if (0..row.width()).all(|i| row.field(i).is_none_or(|v| v.trim().is_empty())) {
            self.issue(row_no, None, "", Problem::EmptyRow, Expected::Nothing);
            return;
        }
        // Before anything can leave the row out: a text that needs follow-up needs it
        // whether or not the row is usable.
        let first_signal = self.signals.len();
        let found = self.scan(row_no, row);
        if !self.fits_header(row_no, row) {
            return;
        }
        let Some(shared) = self.shared_fields(row_no, row) else {
            return;
        };
        if shared.month_first.is_none() {
            for s in &mut self.signals[first_signal..] {
                s.period = Some(shared.period);
            }
        }
        let mut any_unit = false;
        let mut done = Vec::new();
        for u in 0..self.map.units.len() {
            any_unit |= self.unit_row(u, row_no, row, &shared, &found, &mut done);
        }
        if !any_unit {
            self.issue(row_no, None, "", Problem::NoAnswers, Expected::Nothing);
        }
    }

    /// False (and an entry) when the row has filled fields past the header's; a shorter row
    /// is read with the missing fields empty (and an entry saying so).
    fn fits_header(&mut self, row_no: usize, row: &dyn TextRow) -> bool {
        let width = self.headers.len();
        let extra_filled =
            (width..row.width()).any(|i| row.field(i).is_some_and(|v| !v.trim().is_empty()));
        let shown = row.width().to_string();
        if extra_filled {
            self.issue(
                row_no,
                None,
                &shown,
                Problem::RowWidth,
                Expected::Fields(width),
            );
            return false;
        }
        if row.width() < width {
            // Some writers leave off trailing empty fields: read them as empty, and say so.
            self.issue(
                row_no,
                None,
                &shown,
                Problem::ShortRow,
                Expected::Fields(width),
            );
        }
        true
    }

    /// The fields every unit of the row shares; none (and an entry) when the row has no
    /// readable date, no VSV or, in a long export, no care type.
    fn shared_fields<'r>(&mut self, row_no: usize, row: &'r dyn TextRow) -> Option<Shared<'r>>
    where
        'a: 'r,
    {
        let (vsv_col, care_type_col) = (self.map.fields.vsv, self.map.fields.care_type);
        self.pending_order = DateOrderEvidence::None;
        let (date, month_first) = self.date(row_no, row)?;
        // The source outlives the row: its fixed values may stand in for the row's fields.
        let source: &'a Source = self.source;
        let values = &source.values;
        let Some(vsv) = field(row, vsv_col).or(values.vsv.as_deref()) else {
            self.issue(row_no, vsv_col, "", Problem::MissingVsv, Expected::Nothing);
            return None;
        };
        let vsv = self.names.intern(vsv);
        let seen = self.orders_seen.entry(vsv).or_default();
        match self.pending_order {
            DateOrderEvidence::DayFirst => seen.0 = true,
            DateOrderEvidence::MonthFirst => seen.1 = true,
            DateOrderEvidence::None => {}
        }
        let organisation = field(row, self.map.fields.organisation)
            .or(values.organisation.as_deref())
            .map(|o| self.names.intern(o));
        let long_care_type = field(row, care_type_col).or(values.care_type.as_deref());
        if care_type_col.is_some() && long_care_type.is_none() {
            let (p, e) = (Problem::MissingCareType, Expected::Nothing);
            self.issue(row_no, care_type_col, "", p, e);
            return None;
        }
        let (parity, age_band) = self.background(row_no, row);
        let education = field(row, self.map.fields.education)
            .or(values.education.as_deref())
            .map(|v| self.names.intern(v));
        let place_of_birth = field(row, self.map.fields.place_of_birth)
            .or(values.place_of_birth.as_deref())
            .map(|v| self.names.intern(v));
        let period = Period::of(date, self.kind);
        // The respondent: the export's id within this VSV and period (ids such as a Forms
        // "ID" restart in every export), or this input row when there is no id column, so
        // that the care-type rows of one person always share one key.
        let raw_id: std::sync::Arc<str> = match field(row, self.map.fields.respondent) {
            Some(id) => {
                std::sync::Arc::from(format!("{id}\u{1f}{}\u{1f}{period}", self.names.get(vsv)))
            }
            None => std::sync::Arc::from(format!("\u{0}{}:{row_no}", self.display)),
        };
        Some(Shared {
            raw_id,
            date,
            month_first,
            period,
            vsv,
            organisation,
            long_care_type,
            parity,
            age_band,
            education,
            place_of_birth,
        })
    }

    /// The row's date (required), read as `date_order` says or, unset, as the dates show;
    /// an ambiguous date is read day first, with its month-first reading kept to settle
    /// once the whole file is read.
    fn date(&mut self, row_no: usize, row: &dyn TextRow) -> Option<(NaiveDate, MonthFirst)> {
        let column = self.map.fields.date;
        let Some(raw) = field(row, column).or(self.source.values.date.as_deref()) else {
            let expected = Expected::Date { month_first: false };
            self.issue(row_no, column, "", Problem::MissingDate, expected);
            return None;
        };
        let reading = match self.date_memo.get(raw) {
            Some(d) => *d,
            None => {
                let d = match self.source.date_order {
                    Some(order) => {
                        parse_date(raw, order).map_or(DateReading::Invalid, DateReading::Sure)
                    }
                    None => read_date(raw),
                };
                self.date_memo.insert(raw.into(), d);
                d
            }
        };
        match reading {
            DateReading::Sure(d) => Some((d, None)),
            DateReading::DayFirstOnly(d) => {
                self.pending_order = DateOrderEvidence::DayFirst;
                Some((d, None))
            }
            DateReading::MonthFirstOnly(d) => {
                self.pending_order = DateOrderEvidence::MonthFirst;
                Some((d, None))
            }
            DateReading::Ambiguous {
                day_first,
                month_first,
            } => Some((day_first, Some((month_first, Box::from(raw))))),
            DateReading::Invalid => {
                let month_first = self.source.date_order == Some(crate::config::DateOrder::Mdy);
                let expected = Expected::Date { month_first };
                self.issue(row_no, column, raw, Problem::BadDate, expected);
                None
            }
        }
    }

    /// Parity and age band; a value that is not recognised counts as unknown (and is
    /// reported).
    fn background(&mut self, row_no: usize, row: &dyn TextRow) -> (Option<Parity>, Option<u8>) {
        let values = &self.source.values;
        let (parity_col, age_col) = (self.map.fields.parity, self.map.fields.age);
        let parity = match field(row, parity_col).or(values.parity.as_deref()) {
            None => None,
            Some(v) => {
                let p = parse_parity(v, &self.codebook.background.parity);
                if p.is_none() {
                    let (problem, e) = (Problem::UnknownParity, Expected::Parity);
                    self.issue(row_no, parity_col, v, problem, e);
                }
                p
            }
        };
        let age_band = match field(row, age_col).or(self.source.values.age.as_deref()) {
            None => None,
            Some(v) => {
                let a = parse_age_band(v, &self.codebook.background.age);
                if a.is_none() {
                    self.issue(row_no, age_col, v, Problem::UnknownAge, Expected::Age);
                }
                a.and_then(|a| u8::try_from(a).ok())
            }
        };
        (parity, age_band)
    }

    /// The respondent row of unit `u` (a care type in a wide export) with its answers;
    /// false when the unit has neither an answer nor an open text.
    fn unit_row(
        &mut self,
        u: usize,
        row_no: usize,
        row: &dyn TextRow,
        shared: &Shared<'_>,
        found: &[(usize, Category)],
        done: &mut Vec<usize>,
    ) -> bool {
        let unit = &self.map.units[u];
        let care_type = match (&unit.care_type, shared.long_care_type) {
            (Some(ct), _) => Some(self.names.intern(ct)),
            (None, Some(ct)) => Some(self.names.intern(ct)),
            (None, None) => None,
        };
        let row_index = self.rows.len() as u32;
        let first_answer = self.answers.len();
        for &(i, col) in &unit.items {
            self.answer(i, col, row_index, row_no, row);
        }
        let wrote = [unit.improvement, unit.compliment, unit.comment]
            .iter()
            .any(|c| field(row, *c).is_some());
        let answered = self.answers.len() > first_answer;
        if !answered && !wrote {
            return false;
        }
        for (c, text, tone, side, signal) in self.open_texts(unit, row, found, done) {
            let column = self
                .headers
                .get(c)
                .map_or_else(|| "".into(), |h| h.as_str().into());
            self.comments.push(Comment {
                row: row_index,
                column,
                text,
                tone,
                side,
                signal,
                blocked: false,
            });
        }
        self.rows.push(FileRow {
            raw_id: Some(shared.raw_id.clone()),
            row_no,
            month_first: shared.month_first.clone(),
            dropped: false,
            blocked: !found.is_empty(),
            respondent: Respondent {
                source: 0,
                key: 0,
                vsv: shared.vsv,
                organisation: shared.organisation,
                care_type,
                date: shared.date,
                period: shared.period,
                parity: shared.parity,
                age_band: shared.age_band,
                education: shared.education,
                place_of_birth: shared.place_of_birth,
            },
        });
        true
    }

    /// Reads planned item `i` from column `col`: an answer, a missing code, or an entry.
    fn answer(&mut self, i: usize, col: usize, row_index: u32, row_no: usize, row: &dyn TextRow) {
        let raw = row.field(col).unwrap_or("");
        let reading = match self.memo[i].get(raw) {
            Some(r) => *r,
            None => {
                let p = &self.planned[i];
                let r = p.reader.read(raw, p.reverse);
                self.memo[i].insert(raw.into(), r);
                r
            }
        };
        match reading {
            Reading::Empty => {}
            Reading::Missing => self.counts.missing_codes += 1,
            Reading::Answer(a) => self.answers.push(Answer {
                row: row_index,
                item: self.planned[i].global,
                value: a.value,
                score: a.score,
                positive: a.positive,
                problem: a.problem,
            }),
            Reading::Invalid(problem) => {
                self.counts.values_rejected += 1;
                let expected = self.planned[i].expected.clone();
                self.issue(row_no, Some(col), raw, problem, expected);
            }
        }
    }
}

/// A field of a row, trimmed; none when absent or blank.
fn field(row: &dyn TextRow, column: Option<usize>) -> Option<&str> {
    column
        .and_then(|i| row.field(i))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The month-first reading of an ambiguous date and the date as written.
type MonthFirst = Option<(NaiveDate, Box<str>)>;

/// What the units (care types) of one input row share.
struct Shared<'r> {
    raw_id: std::sync::Arc<str>,
    date: NaiveDate,
    month_first: MonthFirst,
    period: Period,
    vsv: u32,
    organisation: Option<u32>,
    /// The care type of a long export (none in a wide or flat one).
    long_care_type: Option<&'r str>,
    parity: Option<Parity>,
    age_band: Option<u8>,
    education: Option<u32>,
    place_of_birth: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::codebook::Sentiment;

    /// The FFT's sentiment column: 1 positive, 4 negative, 3 neither.
    fn sentiment() -> Sentiment {
        Sentiment {
            column: "s".into(),
            positive: vec!["1".into()],
            negative: vec!["4".into()],
        }
    }

    #[test]
    fn a_comment_takes_the_export_sentiment_unless_the_words_say_the_opposite() {
        let s = sentiment();
        // Mixed words ("late", "best"): the column decides.
        let mixed = "It arrived a little late but the driver did his best";
        assert_eq!(polarity(mixed), Polarity::Mixed);
        assert_eq!(
            comment_polarity(mixed, Some("1"), Some(&s)),
            Polarity::Positive
        );
        assert_eq!(
            comment_polarity(mixed, Some("4"), Some(&s)),
            Polarity::Negative
        );
        // The column says positive, the words clearly negative: nobody can tell.
        assert_eq!(
            comment_polarity("Poor crews", Some("1"), Some(&s)),
            Polarity::Unclear
        );
        // A value that is neither (the FFT's 3) is not placed.
        assert_eq!(
            comment_polarity("Poor crews", Some("3"), Some(&s)),
            Polarity::Unclear
        );
        // No value or no sentiment column: the words alone.
        assert_eq!(
            comment_polarity("Poor crews", None, Some(&s)),
            polarity("Poor crews")
        );
        assert_eq!(
            comment_polarity("Poor crews", Some("1"), None),
            polarity("Poor crews")
        );
    }
}
