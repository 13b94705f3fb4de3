//! Ingest: exports + prem.toml + codebooks → canonical tables and a data-quality report.
//!
//! Fatal (the run stops, [`Error`]): a glob matching nothing, an unreadable or empty file,
//! a file with a header and no data, a wrong sheet, a configured column missing, a column
//! name that the config or codebook uses appearing twice, no item column of the codebook.
//! Everything value-level (unknown label, out-of-range answer, unreadable date, duplicate
//! respondent) becomes an [`Issue`] with file, row and column while the run goes on.
//!
//! Layouts: *long* (a care-type column, one row per respondent × care type), *wide* (one row
//! per respondent, item columns repeated with the codebook's care-type prefixes) and *flat*
//! (no care types, e.g. a local enquête).

mod answer;
mod canonical;
pub mod quality;
pub(crate) mod read;
pub(crate) mod spss;
pub mod value;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use answer::{Answered, Reading, ScaleReader};
pub use canonical::{
    stable_digest, Answer, Canonical, Comment, InputFile, ItemRef, ItemRole, Names, Respondent,
    Side, SourceData, ThemeRef,
};

use crate::config::codebook::{Codebook, ScaleKind};
use crate::config::{Config, Fields, Source};
use crate::error::row::{Expected, Issue, Problem};
use crate::error::{ColumnUse, ConfigProblem, Error, ExportProblem, InputProblem, Result};
use crate::ingest::quality::{shown_value, CodebookWords, SourceCounts};
use crate::period::{Period, PeriodKind};
use crate::text::polarity::{polarity, Polarity};
use crate::text::safeguarding::{Category, Signal};
use read::{Row, TableFile};
use value::{normalize, parse_age_band, parse_date, parse_parity, read_date, DateReading, Parity};

/// Reads every source of `config` with its codebook (`codebooks[i]` for source `i`).
pub fn ingest(config: &Config, codebooks: &[Codebook]) -> Result<Canonical> {
    let mut canonical = Canonical::default();
    let plan = Plan::new(config, codebooks)?;
    canonical.themes = plan.themes.clone();
    canonical.items = plan.items.clone();

    let mut jobs = Vec::new();
    for (s, source) in config.sources.iter().enumerate() {
        for path in expand_globs(config, source)? {
            jobs.push((s, path));
        }
    }
    let results: Vec<Result<FileData>> = jobs
        .par_iter()
        .map(|(s, path)| read_file(config, &plan, *s, path))
        .collect();

    for (s, source) in config.sources.iter().enumerate() {
        canonical.sources.push(SourceData {
            name: source.name.clone(),
            codebook: codebooks[s].clone(),
            participation: source.participation,
            files: Vec::new(),
        });
        canonical
            .quality
            .counts
            .insert(source.name.clone(), SourceCounts::default());
    }
    // A config of peers only: one source without files per codebook, so themes and items
    // have a source, and the peers' response counts one to count in.
    if config.sources.is_empty() {
        for cb in codebooks {
            canonical.sources.push(SourceData {
                name: cb.name.clone(),
                codebook: cb.clone(),
                participation: None,
                files: Vec::new(),
            });
        }
    }
    let mut merger = Merger {
        many: config
            .sources
            .iter()
            .map(|s| s.rows_per_respondent == crate::config::RowsPerRespondent::Many)
            .collect(),
        ..Merger::default()
    };
    let results: Vec<FileData> = results.into_iter().collect::<Result<_>>()?;
    // Decide in file order (duplicates, keys, names), then build the rows and answers of
    // all files in parallel and append them in order.
    let decided: Vec<Decided> = results
        .into_iter()
        .map(|r| merger.decide(&mut canonical, r))
        .collect();
    let built: Vec<Built> = decided.into_par_iter().map(Decided::build).collect();
    canonical
        .respondents
        .reserve(built.iter().map(|b| b.0.len()).sum());
    canonical
        .answers
        .reserve(built.iter().map(|b| b.1.len()).sum());
    for (rows, answers, comments) in built {
        canonical.respondents.extend(rows);
        canonical.answers.extend(answers);
        canonical.comments.extend(comments);
    }
    // A signal on one row of a respondent keeps every row of hers from quotes (the other
    // care types of a long export, the other comment rows of an FFT export). Comments of
    // a merged row went to an earlier row, so the order by row is restored.
    canonical.comments.sort_by_key(|c| c.row);
    for c in &mut canonical.comments {
        c.blocked = canonical
            .respondents
            .get(c.row as usize)
            .is_some_and(|r| merger.blocked.contains(&(r.source as usize, r.key)));
    }
    for (s, source) in config.sources.iter().enumerate() {
        let n = merger.keys_per_source.get(&s).copied().unwrap_or(0);
        if let Some(c) = canonical.quality.counts.get_mut(&source.name) {
            c.respondents = n;
        }
    }
    Ok(canonical)
}

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

/// Resolves a source's globs (relative to prem.toml), sorted; an empty match is fatal.
fn expand_globs(config: &Config, source: &Source) -> Result<Vec<PathBuf>> {
    let mut all = Vec::new();
    for pattern in &source.files {
        let full = config.dir().join(pattern);
        // The folder of prem.toml is literal text, even when it holds `[` or `*`.
        let dir = glob::Pattern::escape(&config.dir().to_string_lossy());
        let text = format!("{dir}/{pattern}");
        let paths = glob::glob(&text).map_err(|e| {
            let problem = ConfigProblem::BadGlob {
                source: source.name.clone(),
                pattern: pattern.clone(),
                error: e.to_string(),
            };
            Error::config(&config.path, problem)
        })?;
        let mut found: Vec<PathBuf> = paths
            .filter_map(|p| p.ok())
            .filter(|p| p.is_file())
            .collect();
        if found.is_empty() {
            let problem = InputProblem::NoFileMatches {
                pattern: pattern.clone(),
                source: source.name.clone(),
                config: config.path.clone(),
                nearby: nearby(config.dir(), pattern).map(Box::new),
            };
            return Err(Error::input(full, problem));
        }
        found.sort();
        all.extend(found);
    }
    all.dedup();
    Ok(all)
}

/// What is where a files pattern points: its folder (the part before the first wildcard)
/// and some of its files, or, when that folder does not exist, the folders of its nearest
/// existing parent. So "exports/" mistyped as "export/" shows "exports/" at once.
fn nearby(dir: &Path, pattern: &str) -> Option<crate::error::Nearby> {
    const SHOWN: usize = 8;
    let folder: PathBuf = Path::new(pattern)
        .parent()?
        .components()
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[']))
        .collect();
    let list = |at: &Path, folders: bool| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(at)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir() == folders))
            .map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                if folders {
                    format!("{name}/")
                } else {
                    name
                }
            })
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names.truncate(SHOWN);
        names
    };
    let shown = |p: &Path| {
        let s = p.display().to_string();
        if s.is_empty() {
            ".".to_string()
        } else {
            s
        }
    };
    if dir.join(&folder).is_dir() {
        return Some(crate::error::Nearby {
            folder: shown(&folder),
            exists: true,
            parent: String::new(),
            entries: list(&dir.join(&folder), false),
        });
    }
    let mut parent = folder.clone();
    while parent.pop() {
        if dir.join(&parent).is_dir() {
            break;
        }
    }
    Some(crate::error::Nearby {
        folder: shown(&folder),
        exists: false,
        parent: shown(&parent),
        entries: list(&dir.join(&parent), true),
    })
}

/// Items, themes and compiled scales for all sources.
struct Plan {
    themes: Vec<ThemeRef>,
    items: Vec<ItemRef>,
    /// Per source: (global item index, codebook item index, reader, expected text).
    source_items: Vec<Vec<PlannedItem>>,
    codebooks: Vec<Codebook>,
}

struct PlannedItem {
    global: u16,
    /// Item id in the codebook, for messages.
    id: String,
    columns: Vec<String>,
    reverse: bool,
    reader: ScaleReader,
    expected: Expected,
}

impl Plan {
    fn new(config: &Config, codebooks: &[Codebook]) -> Result<Plan> {
        let mut themes: Vec<ThemeRef> = Vec::new();
        let mut theme_origin: HashMap<String, String> = HashMap::default();
        let mut items: Vec<ItemRef> = Vec::new();
        let mut item_index: HashMap<(String, String), u16> = HashMap::default();
        let mut source_items = Vec::new();
        for (s, cb) in codebooks.iter().enumerate() {
            for t in &cb.themes {
                match theme_origin.get(&t.id) {
                    Some(origin) if *origin != cb.origin => {
                        let problem = ConfigProblem::ThemeInTwoCodebooks {
                            theme: t.id.clone(),
                            first: origin.clone(),
                            second: cb.origin.clone(),
                        };
                        return Err(Error::config(&config.path, problem));
                    }
                    Some(_) => continue,
                    None => {}
                }
                theme_origin.insert(t.id.clone(), cb.origin.clone());
                let first_scale = cb
                    .items
                    .iter()
                    .find(|i| i.theme.as_deref() == Some(&t.id))
                    .and_then(|i| cb.scales.get(&i.scale));
                let (pos, prob) = first_scale.map_or((None, None), thresholds);
                themes.push(ThemeRef {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    label_en: t.label_en.clone(),
                    source: s,
                    n_items: cb.theme_size(&t.id),
                    importance: t.importance,
                    positive_score: pos,
                    problem_score: prob,
                });
            }
            let mut planned = Vec::new();
            for it in &cb.items {
                let key = (cb.origin.clone(), it.id.clone());
                let global = match item_index.get(&key) {
                    Some(&g) => g,
                    None => {
                        let role = if cb.overall.grade.as_deref() == Some(&it.id) {
                            ItemRole::Grade
                        } else if cb.overall.recommend.as_deref() == Some(&it.id) {
                            ItemRole::Recommend
                        } else if let Some(t) = &it.theme {
                            ItemRole::Theme(themes.iter().position(|x| &x.id == t).unwrap_or(0))
                        } else {
                            ItemRole::Other
                        };
                        let g = u16::try_from(items.len()).map_err(|_| {
                            Error::config(&config.path, ConfigProblem::TooManyItems)
                        })?;
                        items.push(ItemRef {
                            id: it.id.clone(),
                            source: s,
                            role,
                        });
                        item_index.insert(key, g);
                        g
                    }
                };
                let Some(scale) = cb.scales.get(&it.scale) else {
                    continue; // checked when the codebook was loaded
                };
                planned.push(PlannedItem {
                    global,
                    id: it.id.clone(),
                    columns: it.columns.clone(),
                    reverse: it.reverse,
                    reader: ScaleReader::new(scale),
                    expected: Expected::Literal(describe_scale(scale)),
                });
            }
            source_items.push(planned);
        }
        Ok(Plan {
            themes,
            items,
            source_items,
            codebooks: codebooks.to_vec(),
        })
    }
}

/// The 0–10 score thresholds of top box and problem on a scale.
fn thresholds(scale: &crate::config::codebook::Scale) -> (Option<f64>, Option<f64>) {
    let reader = ScaleReader::new(scale);
    match scale.kind {
        ScaleKind::Numeric => {
            let to_score = |v: f64| match reader.read(&v.to_string(), false) {
                Reading::Answer(a) => Some(f64::from(a.score)),
                _ => None,
            };
            (
                scale.positive_min.and_then(to_score),
                scale.problem_max.and_then(to_score),
            )
        }
        ScaleKind::Ordinal | ScaleKind::Binary => {
            let labels = scale.level_labels();
            let score = |l: &String| match reader.read(l, false) {
                Reading::Answer(a) => Some(f64::from(a.score)),
                _ => None,
            };
            let pos = labels
                .iter()
                .filter(|l| reader.read(l, false) != Reading::Missing)
                .filter(|l| matches!(reader.read(l, false), Reading::Answer(a) if a.positive))
                .filter_map(score)
                .reduce(f64::min);
            let prob = labels
                .iter()
                .filter(|l| matches!(reader.read(l, false), Reading::Answer(a) if a.problem))
                .filter_map(score)
                .reduce(f64::max);
            (pos, prob)
        }
    }
}

fn describe_scale(scale: &crate::config::codebook::Scale) -> String {
    match scale.kind {
        ScaleKind::Numeric => format!("{}–{}", scale.min.unwrap_or(0.0), scale.max.unwrap_or(10.0)),
        ScaleKind::Ordinal | ScaleKind::Binary => {
            let l = scale.level_labels();
            format!("{} (1–{})", l.join(", "), l.len())
        }
    }
}

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

/// Column positions of one file.
struct ColumnMap {
    fields: FieldCols,
    /// Per unit row of an input row: care type (wide: codebook key; long/flat: none), its
    /// item columns and open-text columns.
    units: Vec<UnitCols>,
    layout: &'static str,
    /// Safeguarding flag columns (`[open] safeguarding`).
    flags: Vec<usize>,
    /// The export's sentiment of a comment (`[open.sentiment]`).
    sentiment: Option<usize>,
    /// Every open-text column of the units, once, for the safeguarding scan.
    texts: Vec<usize>,
}

#[derive(Default)]
struct FieldCols {
    respondent: Option<usize>,
    vsv: Option<usize>,
    organisation: Option<usize>,
    care_type: Option<usize>,
    date: Option<usize>,
    parity: Option<usize>,
    age: Option<usize>,
    education: Option<usize>,
    place_of_birth: Option<usize>,
}

struct UnitCols {
    care_type: Option<String>,
    /// (index into the source's planned items, column index, column name)
    items: Vec<(usize, usize)>,
    improvement: Option<usize>,
    compliment: Option<usize>,
    /// Comments of either kind, placed by polarity.
    comment: Option<usize>,
}

/// A header row's column names, compared as [`normalize`] compares them (case, accents and
/// spacing do not count).
struct Header {
    normalized: Vec<String>,
    /// 1-based row of the header, for messages.
    row: usize,
}

impl Header {
    fn new(names: &[String], row: usize) -> Header {
        Header {
            normalized: names.iter().map(|h| normalize(h)).collect(),
            row,
        }
    }

    /// The column called `name`, if any. Several columns of that name are an error: the
    /// first would win silently, and nobody could tell which one was meant. (Names nobody
    /// asks for may repeat: they change no number, like any column that is not read.)
    fn find(
        &self,
        path: &Path,
        name: &str,
        used_by: impl FnOnce() -> ColumnUse,
    ) -> Result<Option<usize>> {
        let n = normalize(name);
        let hits: Vec<usize> = (0..self.normalized.len())
            .filter(|&i| self.normalized[i] == n)
            .collect();
        match hits.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            _ => Err(Error::Export {
                path: path.to_path_buf(),
                problem: Box::new(ExportProblem::DuplicateColumn {
                    row: self.row,
                    column: name.trim().to_string(),
                    positions: hits.iter().map(|i| i + 1).collect(),
                    used_by: used_by(),
                }),
            }),
        }
    }

    /// The first of `names` (each after `prefix`) that the header has.
    fn first(
        &self,
        path: &Path,
        names: &[String],
        prefix: &str,
        used_by: impl Fn() -> ColumnUse,
    ) -> Result<Option<usize>> {
        for n in names {
            if let Some(c) = self.find(path, &format!("{prefix}{n}"), &used_by)? {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }
}

impl ColumnMap {
    /// Finds every column `source` names in the file's `headers`, and how its rows are
    /// laid out: wide (one set of item columns per care type), long (a care-type column)
    /// or flat (neither).
    fn new(
        path: &Path,
        headers: &[String],
        source: &Source,
        plan: &Plan,
        s: usize,
    ) -> Result<ColumnMap> {
        let header = Header::new(headers, source.header_row);
        let fields = field_cols(path, &header, headers, source)?;
        let cols = CodebookColumns {
            path,
            header,
            cb: &plan.codebooks[s],
            planned: &plan.source_items[s],
        };
        let (units, layout) = cols.units(fields.care_type.is_some())?;
        if units.iter().all(|u| u.items.is_empty()) {
            let problem = InputProblem::NoItemColumns {
                codebook: cols.cb.name.clone(),
                expected: cols
                    .planned
                    .iter()
                    .filter_map(|p| p.columns.first().cloned())
                    .take(5)
                    .collect(),
                headers: headers.to_vec(),
            };
            return Err(Error::input(path, problem));
        }
        let mut flags = Vec::new();
        for name in &cols.cb.open.safeguarding {
            if let Some(c) = cols.open_column("safeguarding", name)? {
                flags.push(c);
            }
        }
        let sentiment = match &cols.cb.open.sentiment {
            Some(s) => cols.open_column("sentiment", &s.column)?,
            None => None,
        };
        let mut texts: Vec<usize> = units
            .iter()
            .flat_map(|u| [u.improvement, u.compliment, u.comment])
            .flatten()
            .collect();
        texts.sort_unstable();
        texts.dedup();
        Ok(ColumnMap {
            fields,
            units,
            layout,
            flags,
            sentiment,
            texts,
        })
    }
}

/// The columns of `[source.columns]` (respondent, VSV, date, …); one that is named but
/// not in the header is an error.
fn field_cols(
    path: &Path,
    header: &Header,
    headers: &[String],
    source: &Source,
) -> Result<FieldCols> {
    let c: &Fields = &source.columns;
    let lookup = |key: &str, name: &Option<String>| -> Result<Option<usize>> {
        let field = || ColumnUse::Field { key: key.into() };
        match name {
            None => Ok(None),
            Some(n) => header.find(path, n, field)?.map(Some).ok_or_else(|| {
                let problem = InputProblem::MissingColumn {
                    column: n.clone(),
                    key: key.to_string(),
                    source: source.name.clone(),
                    headers: headers.to_vec(),
                };
                Error::input(path, problem)
            }),
        }
    };
    Ok(FieldCols {
        respondent: lookup("respondent", &c.respondent)?,
        vsv: lookup("vsv", &c.vsv)?,
        organisation: lookup("organisation", &c.organisation)?,
        care_type: lookup("care_type", &c.care_type)?,
        date: lookup("date", &c.date)?,
        parity: lookup("parity", &c.parity)?,
        age: lookup("age", &c.age)?,
        education: lookup("education", &c.education)?,
        place_of_birth: lookup("place_of_birth", &c.place_of_birth)?,
    })
}

/// A file's header read against its source's codebook: where the items and open texts
/// are.
struct CodebookColumns<'a> {
    path: &'a Path,
    header: Header,
    cb: &'a Codebook,
    planned: &'a [PlannedItem],
}

impl CodebookColumns<'_> {
    /// The units of a row with their columns, and the layout: one unit per care type that
    /// has item columns under its prefix (wide), else one unit (long with a care-type
    /// column, else flat).
    fn units(&self, care_type_column: bool) -> Result<(Vec<UnitCols>, &'static str)> {
        let wide: Vec<UnitCols> = if care_type_column {
            Vec::new()
        } else {
            // Unprefixed open-text columns go to the first care type that has items. A care
            // type whose item column is ambiguous is there: keep it, so the error is raised.
            let with_items: Vec<(&String, &String)> = self
                .cb
                .care_types
                .iter()
                .filter(|(_, prefix)| self.items(prefix).map_or(true, |i| !i.is_empty()))
                .collect();
            with_items
                .iter()
                .enumerate()
                .map(|(i, (ct, prefix))| self.unit(Some((*ct).clone()), prefix, i == 0))
                .collect::<Result<_>>()?
        };
        if !wide.is_empty() {
            return Ok((wide, "wide"));
        }
        let layout = if care_type_column { "long" } else { "flat" };
        Ok((vec![self.unit(None, "", true)?], layout))
    }

    /// One unit's item and open-text columns, each named with `prefix`; with
    /// `open_fallback`, an open text also without it.
    fn unit(
        &self,
        care_type: Option<String>,
        prefix: &str,
        open_fallback: bool,
    ) -> Result<UnitCols> {
        let open = &self.cb.open;
        let improvement = self.open("improvement", &open.improvement, prefix, open_fallback)?;
        let compliment = self.open("compliment", &open.compliment, prefix, open_fallback)?;
        let comment = self.open("comments", &open.comments, prefix, open_fallback)?;
        // One column named as both improvement and compliment holds comments of either
        // kind: read it as `comments`, or every unclear text would be quoted on both
        // sides.
        let (improvement, compliment, comment) = match (improvement, compliment, comment) {
            (Some(i), Some(c), None) if i == c => (None, None, Some(i)),
            other => other,
        };
        Ok(UnitCols {
            care_type,
            items: self.items(prefix)?,
            improvement,
            compliment,
            comment,
        })
    }

    /// (planned item, column) of every item found under `prefix`.
    fn items(&self, prefix: &str) -> Result<Vec<(usize, usize)>> {
        let mut items = Vec::new();
        for (i, p) in self.planned.iter().enumerate() {
            let item = || ColumnUse::Item {
                codebook: self.cb.name.clone(),
                item: p.id.clone(),
            };
            if let Some(col) = self.header.first(self.path, &p.columns, prefix, item)? {
                items.push((i, col));
            }
        }
        Ok(items)
    }

    /// The open-text column `key` of `[open]`: the first of `names` under `prefix`, or
    /// with `fallback` without it.
    fn open(
        &self,
        key: &str,
        names: &[String],
        prefix: &str,
        fallback: bool,
    ) -> Result<Option<usize>> {
        let used_by = || ColumnUse::Open {
            codebook: self.cb.name.clone(),
            key: key.into(),
        };
        match self.header.first(self.path, names, prefix, used_by)? {
            Some(c) => Ok(Some(c)),
            None if fallback => self.header.first(self.path, names, "", used_by),
            None => Ok(None),
        }
    }

    /// The column `name` given for `key` of `[open]` (safeguarding flags, sentiment).
    fn open_column(&self, key: &str, name: &str) -> Result<Option<usize>> {
        self.header.find(self.path, name, || ColumnUse::Open {
            codebook: self.cb.name.clone(),
            key: key.to_string(),
        })
    }
}

/// A respondent row of one file before merging: names are ids in the file's own [`Names`].
struct FileRow {
    raw_id: Option<std::sync::Arc<str>>,
    row_no: usize,
    respondent: Respondent,
    /// The month-first reading of an ambiguous date (`date_order` unset), settled after
    /// the whole file is read.
    month_first: MonthFirst,
    /// Left out (ambiguous date in a file that mixes orders); its answers go with it.
    dropped: bool,
    /// A text or flag of this input row has a safeguarding signal: every row of the same
    /// respondent is kept from quotes.
    blocked: bool,
}

/// An open answer as read from a row: column, text, tone, side and signal.
type OpenText = (usize, String, Polarity, Option<Side>, Option<Category>);

/// What one file yields.
struct FileData {
    source: usize,
    file: InputFile,
    names: Names,
    rows: Vec<FileRow>,
    /// Answers with `row` indexing into `rows`.
    answers: Vec<Answer>,
    issues: Vec<Issue>,
    counts: SourceCounts,
    signals: Vec<Signal>,
    /// Open answers with `row` indexing into `rows`.
    comments: Vec<Comment>,
    /// VSVs (ids in `names`) whose dates this file writes month first.
    month_first: Vec<u32>,
}

/// SHA-256 of `bytes`, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn display_path(config: &Config, path: &Path) -> String {
    path.strip_prefix(config.dir())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn read_file(config: &Config, plan: &Plan, s: usize, path: &Path) -> Result<FileData> {
    let source = &config.sources[s];
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.is_empty() {
        return Err(Error::input(path, InputProblem::Empty));
    }
    let table = TableFile::open(path, &bytes, source.sheet.as_deref(), source.header_row)?;
    let map = ColumnMap::new(path, &table.headers, source, plan, s)?;
    let display = display_path(config, path);
    let mut reader = FileReader {
        source_name: &source.name,
        display: &display,
        headers: &table.headers,
        map: &map,
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
        pending_order: Evidence::None,
    };
    for unit in &map.units {
        for (i, p) in plan.source_items[s].iter().enumerate() {
            if !unit.items.iter().any(|(j, _)| *j == i) {
                reader.issues.push(Issue {
                    source: source.name.clone(),
                    file: display.clone(),
                    row: None,
                    column: Some(match &unit.care_type {
                        Some(ct) => format!(
                            "{}{}",
                            plan.codebooks[s]
                                .care_types
                                .get(ct)
                                .map_or("", String::as_str),
                            p.columns.first().map_or("", String::as_str)
                        ),
                        None => p.columns.first().cloned().unwrap_or_default(),
                    }),
                    value: shown_value("", Problem::MissingColumn, &reader.words),
                    problem: Problem::MissingColumn,
                    expected: Expected::Literal(p.columns.join(" | ")),
                });
            }
        }
    }
    table.for_each_row(path, |row_no, row| reader.row(row_no, row))?;
    // Only a header (and maybe empty rows): say so, naming the file, rather than let it
    // pass next to other files or end in "no usable rows" without a file.
    let empty = reader
        .issues
        .iter()
        .filter(|i| i.problem == Problem::EmptyRow)
        .count();
    if reader.counts.rows == empty {
        return Err(Error::Export {
            path: path.to_path_buf(),
            problem: Box::new(ExportProblem::HeaderOnly {
                row: source.header_row,
            }),
        });
    }
    let month_first_vsvs = reader.settle_ambiguous_dates(f_date_column(&map, &table.headers));
    // A signal's period, where the row's date was settled only now.
    for signal in reader.signals.iter_mut().filter(|s| s.period.is_none()) {
        let row = reader
            .rows
            .iter()
            .find(|r| r.row_no == signal.row && !r.dropped);
        signal.period = row.map(|r| r.respondent.period);
    }
    reader.counts.files = 1;
    let rows_read = reader.counts.rows;
    Ok(FileData {
        source: s,
        file: InputFile {
            path: path.to_path_buf(),
            display: display.clone(),
            sha256: sha256_hex(&bytes),
            bytes: bytes.len() as u64,
            rows: rows_read,
            format: table.format.clone(),
            layout: map.layout,
        },
        names: reader.names,
        rows: reader.rows,
        answers: reader.answers,
        issues: reader.issues,
        counts: reader.counts,
        signals: reader.signals,
        comments: reader.comments,
        month_first: month_first_vsvs,
    })
}

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
    pending_order: Evidence,
}

/// What one date says of the file's date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    None,
    DayFirst,
    MonthFirst,
}

fn f_date_column(map: &ColumnMap, headers: &[String]) -> Option<String> {
    map.fields.date.and_then(|c| headers.get(c).cloned())
}

impl<'a> FileReader<'a> {
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
    fn scan(&mut self, row_no: usize, row: &dyn Row) -> Vec<(usize, Category)> {
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
        row: &dyn Row,
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
    fn row(&mut self, row_no: usize, row: &dyn Row) {
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
    fn fits_header(&mut self, row_no: usize, row: &dyn Row) -> bool {
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
    fn shared_fields<'r>(&mut self, row_no: usize, row: &'r dyn Row) -> Option<Shared<'r>>
    where
        'a: 'r,
    {
        let (vsv_col, care_type_col) = (self.map.fields.vsv, self.map.fields.care_type);
        self.pending_order = Evidence::None;
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
            Evidence::DayFirst => seen.0 = true,
            Evidence::MonthFirst => seen.1 = true,
            Evidence::None => {}
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
    fn date(&mut self, row_no: usize, row: &dyn Row) -> Option<(NaiveDate, MonthFirst)> {
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
                self.pending_order = Evidence::DayFirst;
                Some((d, None))
            }
            DateReading::MonthFirstOnly(d) => {
                self.pending_order = Evidence::MonthFirst;
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
    fn background(&mut self, row_no: usize, row: &dyn Row) -> (Option<Parity>, Option<u8>) {
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
        row: &dyn Row,
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
    fn answer(&mut self, i: usize, col: usize, row_index: u32, row_no: usize, row: &dyn Row) {
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
fn field(row: &dyn Row, column: Option<usize>) -> Option<&str> {
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

/// Merges file results in order: names into one table, duplicates out, keys assigned.
#[derive(Default)]
struct Merger {
    /// Per source: raw id → respondent key.
    keys: Vec<HashMap<std::sync::Arc<str>, u32>>,
    /// (respondent key, care type) → (file index, row) of the first copy.
    seen: HashMap<(u32, Option<u32>), (usize, usize)>,
    /// Files merged so far, as displayed.
    files: Vec<String>,
    next_key: u32,
    keys_per_source: HashMap<usize, usize>,
    /// Rows kept so far (the next file's offset in the respondents table).
    rows_so_far: u32,
    /// Per source: several rows per respondent by design (`rows_per_respondent = "many"`).
    many: Vec<bool>,
    /// (respondent key, care type) → index of its first row in the canonical table, where
    /// the open answers of rows merged into it go.
    first_row: HashMap<(u32, Option<u32>), u32>,
    /// (source, respondent key) of every respondent with a safeguarding signal on any of
    /// its rows, merged or left out ones too.
    blocked: rustc_hash::FxHashSet<(usize, u32)>,
}

/// One file's rows after the merge decisions: which rows stay, with which key, and where
/// they go in the canonical tables.
struct Decided {
    data: FileData,
    /// Global name ids of the file's local names.
    remap: Vec<u32>,
    /// Per file row: the respondent key, or none when left out.
    keys: Vec<Option<u32>>,
    /// Per file row merged into an earlier one (`rows_per_respondent = "many"`): that
    /// row's index in the canonical table, where its open answers go.
    merged_into: Vec<Option<u32>>,
    /// Index of the file's first kept row in the canonical respondents table.
    offset: u32,
}

impl Merger {
    /// Interns the file's names, assigns keys and reports duplicates, in file order.
    fn decide(&mut self, c: &mut Canonical, mut data: FileData) -> Decided {
        let s = data.source;
        let source_name = c.sources[s].name.clone();
        let remap: Vec<u32> = (0..data.names.len())
            .map(|i| c.names.intern(data.names.get(i as u32)))
            .collect();
        if self.keys.len() <= s {
            self.keys.resize_with(s + 1, HashMap::default);
        }
        let file_index = self.files.len();
        self.files.push(data.file.display.clone());
        c.signals.append(&mut data.signals);
        for &v in &data.month_first {
            let file = data.file.display.clone();
            c.quality
                .month_first
                .push((file, data.names.get(v).to_string()));
        }
        let mut keys = Vec::with_capacity(data.rows.len());
        let mut merged_into = vec![None; data.rows.len()];
        let mut issues = Vec::new();
        let many = self.many.get(s).copied().unwrap_or(false);
        let mut merged = 0usize;
        for (at, fr) in data.rows.iter().enumerate() {
            if fr.dropped {
                keys.push(None);
                continue;
            }
            let care_type = fr
                .respondent
                .care_type
                .map(|id| remap.get(id as usize).copied().unwrap_or(id));
            let key = match &fr.raw_id {
                Some(raw) => {
                    let known = &mut self.keys[s];
                    let key = match known.get(raw) {
                        Some(&k) => k,
                        None => {
                            let k = self.next_key;
                            self.next_key += 1;
                            c.key_digests.push(stable_digest(&[&source_name, raw]));
                            known.insert(raw.clone(), k);
                            *self.keys_per_source.entry(s).or_insert(0) += 1;
                            k
                        }
                    };
                    if fr.blocked {
                        self.blocked.insert((s, key));
                    }
                    if let Some(&(file, row)) = self.seen.get(&(key, care_type)) {
                        if many {
                            // By design: her next comment row, not a second respondent.
                            merged += 1;
                            merged_into[at] = self.first_row.get(&(key, care_type)).copied();
                            keys.push(None);
                            continue;
                        }
                        issues.push(Issue {
                            source: source_name.clone(),
                            file: data.file.display.clone(),
                            row: Some(fr.row_no),
                            column: None,
                            value: shown_value(
                                "",
                                Problem::DuplicateRespondent,
                                &CodebookWords::default(),
                            ),
                            problem: Problem::DuplicateRespondent,
                            expected: Expected::FirstCopy {
                                file: self.files[file].clone(),
                                row,
                            },
                        });
                        keys.push(None);
                        continue;
                    }
                    self.seen.insert((key, care_type), (file_index, fr.row_no));
                    let index = self.rows_so_far + keys.iter().flatten().count() as u32;
                    self.first_row.insert((key, care_type), index);
                    key
                }
                None => {
                    *self.keys_per_source.entry(s).or_insert(0) += 1;
                    self.next_key += 1;
                    let row = format!("{}:{}", data.file.display, fr.row_no);
                    c.key_digests.push(stable_digest(&[&source_name, &row]));
                    if fr.blocked {
                        self.blocked.insert((s, self.next_key - 1));
                    }
                    self.next_key - 1
                }
            };
            keys.push(Some(key));
        }
        let kept = keys.iter().filter(|k| k.is_some()).count();
        let kept_answers = data
            .answers
            .iter()
            .filter(|a| keys.get(a.row as usize).copied().flatten().is_some())
            .count();
        let mut all_issues = std::mem::take(&mut data.issues);
        all_issues.extend(issues);
        all_issues.sort_by_key(|i| i.row);
        c.quality.issues.extend(all_issues);
        if let Some(total) = c.quality.counts.get_mut(&source_name) {
            let counts = &data.counts;
            total.files += counts.files;
            total.rows += counts.rows;
            total.rows_used += kept;
            total.rows_merged += merged;
            total.answers += kept_answers;
            total.missing_codes += counts.missing_codes;
            total.values_rejected += counts.values_rejected;
        }
        c.sources[s].files.push(data.file.clone());
        let offset = self.rows_so_far;
        self.rows_so_far += kept as u32;
        Decided {
            data,
            remap,
            keys,
            merged_into,
            offset,
        }
    }
}

impl Decided {
    /// The file's kept rows (names remapped, keys set), their answers and open answers
    /// (rows renumbered; a merged row's open answers go to the row it was merged into).
    fn build(self) -> Built {
        let Decided {
            data,
            remap,
            keys,
            merged_into,
            offset,
        } = self;
        let map = |id: u32| remap.get(id as usize).copied().unwrap_or(id);
        let mut new_index: Vec<Option<u32>> = Vec::with_capacity(keys.len());
        let mut rows = Vec::with_capacity(keys.len());
        for (fr, key) in data.rows.into_iter().zip(&keys) {
            let Some(key) = *key else {
                new_index.push(None);
                continue;
            };
            let mut r = fr.respondent;
            r.vsv = map(r.vsv);
            r.organisation = r.organisation.map(map);
            r.care_type = r.care_type.map(map);
            r.education = r.education.map(map);
            r.place_of_birth = r.place_of_birth.map(map);
            r.source = data.source as u16;
            r.key = key;
            new_index.push(Some(offset + rows.len() as u32));
            rows.push(r);
        }
        let answers = data
            .answers
            .into_iter()
            .filter_map(|mut a| {
                let row = new_index.get(a.row as usize).copied().flatten()?;
                a.row = row;
                Some(a)
            })
            .collect();
        let comments = data
            .comments
            .into_iter()
            .filter_map(|mut c| {
                let at = c.row as usize;
                let row = new_index
                    .get(at)
                    .copied()
                    .flatten()
                    .or_else(|| merged_into.get(at).copied().flatten())?;
                c.row = row;
                Some(c)
            })
            .collect();
        (rows, answers, comments)
    }
}

/// One file's canonical rows, answers and open answers.
type Built = (Vec<Respondent>, Vec<Answer>, Vec<Comment>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::row::ShownValue;

    const TOML: &str = r#"
[analysis]
name = "T"
language = "en"

[[source]]
name = "prem"
files = ["exports/*"]
codebook = "prem-geboortezorg"
[source.columns]
vsv = "VSV"
care_type = "Zorgsoort"
date = "Datum"
"#;

    const HEADER: &str = "VSV;Zorgsoort;Datum;Informatievoorziening;Verbeterpunten\n";
    const ROW: &str = "VSV A;Kraamzorg;15-07-2026;8;\n";

    /// Writes prem.toml and `files` under exports/ in a scratch folder and ingests them.
    fn ingest_files(files: &[(&str, Vec<u8>)]) -> Result<Canonical> {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("prem.toml"), TOML).unwrap();
        std::fs::create_dir(tmp.path().join("exports")).unwrap();
        for (name, bytes) in files {
            std::fs::write(tmp.path().join("exports").join(name), bytes).unwrap();
        }
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("prem-geboortezorg", config.dir()).unwrap();
        ingest(&config, &[cb])
    }

    /// An xlsx workbook of one sheet holding `rows` as text.
    fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    fn good() -> (&'static str, Vec<u8>) {
        ("a.csv", format!("{HEADER}{ROW}").into_bytes())
    }

    const MINI_CODEBOOK: &str = r#"
name = "mini"
title = "Mini"
[scales.cijfer]
type = "numeric"
min = 1
max = 10
positive_min = 9
problem_max = 5
missing = ["n.v.t.", "weet niet"]
[[themes]]
id = "info"
label = "Informatie"
[[items]]
id = "info"
theme = "info"
columns = ["Info"]
scale = "cijfer"
[open]
improvement = ["Verbeter"]
"#;

    const MINI_TOML: &str = r#"
[analysis]
name = "T"
[[source]]
name = "prem"
files = ["exports/*"]
codebook = "mini.toml"
[source.columns]
respondent = "Nr"
vsv = "VSV"
care_type = "Zorgsoort"
date = "Datum"
parity = "Eerste kind"
age = "Leeftijd"
"#;

    const MINI_HEADER: &str = "Nr;VSV;Zorgsoort;Datum;Eerste kind;Leeftijd;Info;Verbeter\n";

    /// Ingests `body` (the rows after [`MINI_HEADER`], as bytes) as exports/a.csv.
    fn ingest_mini(body: &[u8]) -> Canonical {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("prem.toml"), MINI_TOML).unwrap();
        std::fs::write(tmp.path().join("mini.toml"), MINI_CODEBOOK).unwrap();
        std::fs::create_dir(tmp.path().join("exports")).unwrap();
        let mut bytes = MINI_HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(body);
        std::fs::write(tmp.path().join("exports/a.csv"), bytes).unwrap();
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("mini.toml", config.dir()).unwrap();
        ingest(&config, &[cb]).unwrap()
    }

    /// A canonical row as the table below writes it: VSV, care type, date, parity, age
    /// band, improvement text and answer values.
    type Kept = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<Parity>,
        Option<u8>,
        Option<&'static str>,
        Vec<f32>,
    );

    /// A data-quality entry: row, column, value, problem, expected.
    type Entry = (
        Option<usize>,
        Option<&'static str>,
        ShownValue,
        Problem,
        Expected,
    );

    /// [`Kept`] as ingest holds it.
    type KeptOwned = (
        String,
        Option<String>,
        String,
        Option<Parity>,
        Option<u8>,
        Option<String>,
        Vec<f32>,
    );

    /// One case of the table: what it shows, the export's rows, what is kept, what is
    /// reported.
    type Case = (&'static str, Vec<u8>, Vec<Kept>, Vec<Entry>);

    fn kept(c: &Canonical) -> Vec<KeptOwned> {
        c.respondents
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let answers = c
                    .answers
                    .iter()
                    .filter(|a| a.row as usize == i)
                    .map(|a| a.value)
                    .collect();
                (
                    c.names.get(r.vsv).to_string(),
                    r.care_type.map(|id| c.names.get(id).to_string()),
                    r.date.to_string(),
                    r.parity,
                    r.age_band,
                    c.comments
                        .iter()
                        .find(|t| t.row as usize == i && t.side == Some(Side::Improvement))
                        .map(|t| t.text.clone()),
                    answers,
                )
            })
            .collect()
    }

    /// Odd rows, one export each: what ingest keeps of them (canonical rows) and what it
    /// reports (data-quality entries), exactly.
    #[test]
    fn odd_rows_become_canonical_rows_and_data_quality_entries() {
        let code = |v: &str| ShownValue::Code(v.into());
        let none = || code("");
        let day_first = Expected::Date { month_first: false };
        let good: Kept = (
            "VSV A",
            Some("Kraamzorg"),
            "2026-07-15",
            Some(Parity::First),
            Some(2),
            None,
            vec![8.0],
        );
        let cases: Vec<Case> = vec![
            ("a good row", b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(), vec![good.clone()], vec![]),
            (
                "empty respondent ids: each row its own respondent",
                b";VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![good.clone(), good.clone()],
                vec![],
            ),
            (
                "unreadable date: row left out",
                b"R1;VSV A;Kraamzorg;31-02-2026;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("Datum"), code("31-02-2026"), Problem::BadDate, day_first.clone())],
            ),
            (
                "no date",
                b"R1;VSV A;Kraamzorg;;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("Datum"), none(), Problem::MissingDate, day_first.clone())],
            ),
            (
                "answer out of range, nothing else: value and row left out",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;11;\n".to_vec(),
                vec![],
                vec![
                    (Some(2), Some("Info"), code("11"), Problem::OutOfRange, Expected::Literal("1–10".into())),
                    (Some(2), None, none(), Problem::NoAnswers, Expected::Nothing),
                ],
            ),
            (
                "unknown answer next to an open text: the row stays, without the value",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;goed;De uitleg was te kort\n".to_vec(),
                vec![("VSV A", Some("Kraamzorg"), "2026-07-15", Some(Parity::First), Some(2), Some("De uitleg was te kort"), vec![])],
                vec![(Some(2), Some("Info"), code("goed"), Problem::UnknownAnswer, Expected::Literal("1–10".into()))],
            ),
            (
                "missing code: no answer, no entry",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;weet niet;De uitleg was te kort\n".to_vec(),
                vec![("VSV A", Some("Kraamzorg"), "2026-07-15", Some(Parity::First), Some(2), Some("De uitleg was te kort"), vec![])],
                vec![],
            ),
            (
                "duplicated respondent: counted once, the entry points at the first copy",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\nR1;VSV A;Kraamzorg;16-07-2026;Ja;31;6;\n".to_vec(),
                vec![good.clone()],
                vec![(
                    Some(3),
                    None,
                    none(),
                    Problem::DuplicateRespondent,
                    Expected::FirstCopy { file: "exports/a.csv".into(), row: 2 },
                )],
            ),
            (
                "the same id in another care type is the same person, not a duplicate",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\nR1;VSV A;Ziekenhuis;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![good.clone(), ("VSV A", Some("Ziekenhuis"), "2026-07-15", Some(Parity::First), Some(2), None, vec![8.0])],
                vec![],
            ),
            (
                "care type with blanks around it: trimmed",
                b"R1;VSV A;  Kraamzorg ;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![good.clone()],
                vec![],
            ),
            (
                "no care type in a long export: row left out",
                b"R1;VSV A;;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("Zorgsoort"), none(), Problem::MissingCareType, Expected::Nothing)],
            ),
            (
                "no VSV: row left out",
                b"R1;;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("VSV"), none(), Problem::MissingVsv, Expected::Nothing)],
            ),
            (
                "Windows-1252 text (a Dutch Excel's CSV)",
                b"R1;VSV \xc9\xe9n;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![("VSV Één", Some("Kraamzorg"), "2026-07-15", Some(Parity::First), Some(2), None, vec![8.0])],
                vec![],
            ),
            (
                "parity not recognised, age as free text: unknown, the text not repeated",
                b"R1;VSV A;Kraamzorg;15-07-2026;misschien;38 (geb. 12-03-1987);8;\n".to_vec(),
                vec![("VSV A", Some("Kraamzorg"), "2026-07-15", None, None, None, vec![8.0])],
                vec![
                    (Some(2), Some("Eerste kind"), code("misschien"), Problem::UnknownParity, Expected::Parity),
                    (Some(2), Some("Leeftijd"), ShownValue::FreeText(20), Problem::UnknownAge, Expected::Age),
                ],
            ),
            (
                "a filled field past the header: row left out",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;;extra\n".to_vec(),
                vec![],
                vec![(Some(2), None, code("9"), Problem::RowWidth, Expected::Fields(8))],
            ),
            (
                "a short row: read with the missing fields empty",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8\n".to_vec(),
                vec![good.clone()],
                vec![(Some(2), None, code("7"), Problem::ShortRow, Expected::Fields(8))],
            ),
            (
                "an empty row between rows: skipped",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n;;;;;;;\n".to_vec(),
                vec![good.clone()],
                vec![(Some(3), None, none(), Problem::EmptyRow, Expected::Nothing)],
            ),
            (
                "05-06-2026 in a file without month-first dates: day first",
                b"R1;VSV A;Kraamzorg;05-06-2026;Ja;31;8;\nR2;VSV A;Kraamzorg;20-06-2026;Ja;31;8;\n".to_vec(),
                vec![
                    ("VSV A", Some("Kraamzorg"), "2026-06-05", Some(Parity::First), Some(2), None, vec![8.0]),
                    ("VSV A", Some("Kraamzorg"), "2026-06-20", Some(Parity::First), Some(2), None, vec![8.0]),
                ],
                vec![],
            ),
            (
                "05-06-2026 in a file that writes both orders: left out, date_order asked for",
                b"R1;VSV A;Kraamzorg;05-06-2026;Ja;31;8;\nR2;VSV A;Kraamzorg;20-06-2026;Ja;31;8;\nR3;VSV A;Kraamzorg;06/20/2026;Ja;31;8;\n".to_vec(),
                vec![
                    ("VSV A", Some("Kraamzorg"), "2026-06-20", Some(Parity::First), Some(2), None, vec![8.0]),
                    ("VSV A", Some("Kraamzorg"), "2026-06-20", Some(Parity::First), Some(2), None, vec![8.0]),
                ],
                vec![(Some(2), Some("Datum"), code("05-06-2026"), Problem::AmbiguousDate, Expected::DateOrder)],
            ),
        ];
        for (name, body, rows, entries) in cases {
            let c = ingest_mini(&body);
            let want: Vec<_> = rows
                .into_iter()
                .map(|(v, ct, d, p, a, i, ans)| {
                    (
                        v.to_string(),
                        ct.map(String::from),
                        d.to_string(),
                        p,
                        a,
                        i.map(String::from),
                        ans,
                    )
                })
                .collect();
            assert_eq!(kept(&c), want, "{name}: rows");
            let got: Vec<_> = c
                .quality
                .issues
                .iter()
                .map(|i| {
                    assert_eq!(
                        (i.source.as_str(), i.file.as_str()),
                        ("prem", "exports/a.csv")
                    );
                    (
                        i.row,
                        i.column.clone(),
                        i.value.clone(),
                        i.problem,
                        i.expected.clone(),
                    )
                })
                .collect();
            let want: Vec<_> = entries
                .into_iter()
                .map(|(r, col, v, p, e)| (r, col.map(String::from), v, p, e))
                .collect();
            assert_eq!(got, want, "{name}: data-quality entries");
        }
    }

    #[test]
    fn counts_and_format_follow_the_rows() {
        let c = ingest_mini(b"R1;VSV \xc9\xe9n;Kraamzorg;15-07-2026;Ja;31;weet niet;Te kort\nR2;VSV A;Kraamzorg;31-02-2026;;;8;\nR3;VSV A;Kraamzorg;15-07-2026;;;goed;\n");
        let counts = &c.quality.counts["prem"];
        assert_eq!(
            (
                counts.files,
                counts.rows,
                counts.rows_used,
                counts.respondents
            ),
            (1, 3, 1, 1)
        );
        assert_eq!((counts.missing_codes, counts.values_rejected), (1, 1));
        assert_eq!(c.sources[0].files[0].format, "Windows-1252, ';'");
        assert_eq!(c.sources[0].files[0].layout, "long");
    }

    /// Regression: a header without rows passed silently (next to other files) or ended in
    /// "no usable rows" naming prem.toml, not the file.
    #[test]
    fn a_header_without_rows_is_an_error_naming_the_file() {
        let header: Vec<&str> = HEADER.trim_end().split(';').collect();
        let cases = [
            ("b.csv", HEADER.as_bytes().to_vec()),
            ("b.csv", format!("sep=;\r\n{HEADER};;;;\n\n").into_bytes()),
            ("b.xlsx", xlsx(&[&header])),
            ("b.xlsx", xlsx(&[&header, &["", " "]])),
        ];
        for (name, bytes) in cases {
            let Err(e) = ingest_files(&[good(), (name, bytes)]) else {
                panic!("{name}: no error");
            };
            assert!(e.to_string().contains(name), "{e}");
            assert!(e.to_string().contains("only a header (row 1)"), "{e}");
            let Error::Export { problem, .. } = &e else {
                panic!("{e:?}");
            };
            assert_eq!(**problem, ExportProblem::HeaderOnly { row: 1 });
        }
        // Alone, too.
        let Err(e) = ingest_files(&[("b.csv", HEADER.as_bytes().to_vec())]) else {
            panic!("no error");
        };
        assert!(e.to_string().contains("b.csv"), "{e}");
    }

    /// Regression: two columns with a name the config or codebook uses were accepted, and
    /// the first silently won.
    #[test]
    fn a_used_column_name_twice_is_an_error_naming_it() {
        let cases = [
            ("VSV;VSV;Zorgsoort;Datum;Informatievoorziening\n", "VSV"),
            (
                "VSV;Zorgsoort;Datum;Informatievoorziening;informatievoorziening \n",
                "Informatievoorziening",
            ),
            (
                "VSV;Zorgsoort;Datum;Informatievoorziening;Verbeterpunten;Verbeterpunten\n",
                "Verbeterpunten",
            ),
        ];
        for (header, column) in cases {
            let text = format!("{header}VSV A;Kraamzorg;15-07-2026;8;7;\n");
            let Err(e) = ingest_files(&[good(), ("b.csv", text.into_bytes())]) else {
                panic!("{header}: no error");
            };
            let message = e.to_string();
            assert!(message.contains("b.csv"), "{message}");
            assert!(message.contains(&format!("\"{column}\"")), "{message}");
            assert!(matches!(&e, Error::Export { .. }), "{e:?}");
        }
        let book = xlsx(&[
            &[
                "VSV",
                "Zorgsoort",
                "Datum",
                "Datum",
                "Informatievoorziening",
            ],
            &["VSV A", "Kraamzorg", "15-07-2026", "16-07-2026", "8"],
        ]);
        let Err(e) = ingest_files(&[("b.xlsx", book)]) else {
            panic!("no error");
        };
        let Error::Export { problem, .. } = &e else {
            panic!("{e:?}");
        };
        assert_eq!(
            **problem,
            ExportProblem::DuplicateColumn {
                row: 1,
                column: "Datum".into(),
                positions: vec![3, 4],
                used_by: ColumnUse::Field { key: "date".into() },
            }
        );
        assert!(
            e.to_string()
                .contains("column \"Datum\" appears 2 times in the header (row 1, columns 3 (C) and 4 (D)); [source.columns] date uses that name"),
            "{e}"
        );
    }

    /// Names nobody asks for may repeat (empty headers of trailing delimiters, a second
    /// "V2" when the item reads "Informatievoorziening"): they change nothing.
    #[test]
    fn unused_column_names_may_repeat() {
        let text = "VSV;Zorgsoort;Datum;Informatievoorziening;V2;V2;Opmerking;Opmerking;;\n\
                    VSV A;Kraamzorg;15-07-2026;8;1;2;x;y;;\n";
        let c = ingest_files(&[("b.csv", text.as_bytes().to_vec())]).unwrap();
        assert_eq!(c.answers.len(), 1);
        assert_eq!(c.answers[0].value, 8.0);
    }

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

    const FFT_CODEBOOK: &str = r#"
name = "fft"
title = "FFT"
[scales.fft]
type = "ordinal"
levels = ["very poor", "poor", "neither good nor poor", "good", "very good"]
missing = ["6", "7"]
[[themes]]
id = "experience"
label = "Overall experience"
[[items]]
id = "fft"
theme = "experience"
columns = ["FFT categorical answer"]
scale = "fft"
reverse = true
[open]
safeguarding = ["Safeguarding concerns?"]
"#;

    /// The NHS FFT excerpt (one free-text column for every comment) with `edit` applied,
    /// ingested with `open_extra` added to the codebook's `[open]` (which names the
    /// safeguarding column).
    fn fft(edit: impl Fn(String) -> String, open_extra: &str) -> Canonical {
        let tmp = tempfile::tempdir().unwrap();
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/nhs-fft/fft_excerpt.csv");
        let text = edit(std::fs::read_to_string(fixture).unwrap());
        std::fs::write(tmp.path().join("fft.csv"), text).unwrap();
        let toml = "[analysis]\nname = \"FFT\"\nlanguage = \"en\"\n[[source]]\nname = \"fft\"\n\
                    files = [\"fft.csv\"]\ncodebook = \"fft.toml\"\n\
                    [source.columns]\nrespondent = \"Comment ID\"\nvsv = \"Trust\"\ndate = \"Date\"\n";
        std::fs::write(tmp.path().join("prem.toml"), toml).unwrap();
        std::fs::write(
            tmp.path().join("fft.toml"),
            format!("{FFT_CODEBOOK}{open_extra}"),
        )
        .unwrap();
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("fft.toml", config.dir()).unwrap();
        ingest(&config, &[cb]).unwrap()
    }

    const COMMENTS: &str = "comments = [\"FFT answer\"]\n";

    /// Declared as both improvement and compliment (as a tester did), the one column is
    /// read as comments: the same texts land on the same sides.
    #[test]
    fn one_column_as_improvement_and_compliment_is_comments() {
        let both = fft(
            |t| t,
            "improvement = [\"FFT answer\"]\ncompliment = [\"FFT answer\"]\n",
        );
        let comments = fft(|t| t, COMMENTS);
        assert_eq!(texts(&both, true), texts(&comments, true));
        assert_eq!(texts(&both, false), texts(&comments, false));
        assert!(!texts(&both, false).contains(&"Booking office could be more helpful."));
    }

    /// The texts that may be quoted on one side: no signal on them or their client.
    fn texts(c: &Canonical, improvement: bool) -> Vec<&str> {
        let side = match improvement {
            true => Side::Improvement,
            false => Side::Compliment,
        };
        c.comments
            .iter()
            .filter(|t| t.side == Some(side) && t.signal.is_none() && !t.blocked)
            .map(|t| t.text.as_str())
            .collect()
    }

    /// Issue 10: in the FFT's single comment column, complaints were quoted under a
    /// strength. Each comment now goes to the side its words show, or to neither.
    #[test]
    fn fft_comments_are_placed_by_polarity() {
        let c = fft(|t| t, COMMENTS);
        let better = texts(&c, true);
        let good = texts(&c, false);
        let has = |list: &[&str], start: &str| list.iter().any(|t| t.starts_with(start));
        for complaint in [
            "Poor Ambulance crews with a really bad attitude",
            "Not happy with Taxi driver",
            "The waiting time after appointment",
            "Improve of staff problem",
        ] {
            assert!(
                has(&better, complaint),
                "{complaint} not an improvement text"
            );
            assert!(!has(&good, complaint), "{complaint} taken for a compliment");
        }
        for compliment in [
            "None. Quite satisfied.",
            "You are literally saving lives",
            "Helpful positive attitude and realy good with patient",
            "I was very happy with the service received.",
        ] {
            assert!(has(&good, compliment), "{compliment} not a compliment");
            assert!(
                !has(&better, compliment),
                "{compliment} taken for a complaint"
            );
        }
        // Empty answers and mixed texts go nowhere.
        for neither in [
            "Did not answer",
            "Nothing.",
            "N/A.",
            "Booking office could be more helpful.",
            "It arrived a little late but the driver did his best",
        ] {
            assert!(!has(&better, neither) && !has(&good, neither), "{neither}");
        }
        assert!(c.signals.is_empty());
    }

    /// With the export's own sentiment (FFT: 1–2 positive, 4–5 negative), a text the words
    /// cannot place is placed by it, unless the words clearly say the opposite.
    #[test]
    fn fft_sentiment_column_places_mixed_comments() {
        let extra = "comments = [\"FFT answer\"]\n[open.sentiment]\ncolumn = \"Comment sentiment\"\npositive = [\"1\", \"2\"]\nnegative = [\"4\", \"5\"]\n";
        let c = fft(|t| t, extra);
        let better = texts(&c, true);
        let good = texts(&c, false);
        // Sentiment 4, words mixed ("more" and "helpful").
        assert!(better.contains(&"Booking office could be more helpful."));
        // Sentiment 2 and mixed words ("late", "best"): a compliment by the column.
        assert!(good
            .iter()
            .any(|t| t.starts_with("It arrived a little late")));
        // Sentiment 3 is neither.
        assert!(!better
            .iter()
            .chain(&good)
            .any(|t| t.starts_with("Cue waiting time")));
        assert_eq!(
            comment_polarity(
                "Poor crews",
                Some("1"),
                Some(&crate::config::codebook::Sentiment {
                    column: "s".into(),
                    positive: vec!["1".into()],
                    negative: vec![],
                })
            ),
            Polarity::Unclear,
            "the column says positive, the words clearly negative"
        );
    }

    /// `text` (a CSV with a header) with the field of `column` in `row` (1-based, header 1)
    /// set to `value`.
    fn set_field(text: &str, row: usize, column: &str, value: &str) -> String {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut records: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        let c = records[0].iter().position(|h| h == column).unwrap();
        let mut fields: Vec<String> = records[row - 1].iter().map(str::to_string).collect();
        fields[c] = value.to_string();
        records[row - 1] = csv::StringRecord::from(fields);
        let mut w = csv::Writer::from_writer(Vec::new());
        for rec in &records {
            w.write_record(rec).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    /// Issue 23: a signal on one care-type row of a client kept only that row's text from
    /// quotes; her other row was quoted word for word. Every row of the same respondent is
    /// blocked now, in a later file too; another client's row is not.
    #[test]
    fn a_signal_blocks_every_row_of_the_same_client() {
        let toml = TOML.replace("vsv = \"VSV\"", "respondent = \"Nr\"\nvsv = \"VSV\"");
        let header = "Nr;VSV;Zorgsoort;Datum;Informatievoorziening;Verbeterpunten\n";
        let first = format!(
            "{header}1;VSV A;Kraamzorg;15-07-2026;8;Mijn vriend slaat me als de baby huilt\n\
             1;VSV A;Ziekenhuis;15-07-2026;6;De uitleg over de ruggenprik was te kort\n\
             2;VSV A;Ziekenhuis;15-07-2026;6;De uitleg over voeding was te kort\n"
        );
        let later =
            format!("{header}1;VSV A;Verloskundigenpraktijk;16-07-2026;7;Te weinig uitleg gehad\n");
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("prem.toml"), toml).unwrap();
        std::fs::create_dir(tmp.path().join("exports")).unwrap();
        std::fs::write(tmp.path().join("exports/a.csv"), first).unwrap();
        std::fs::write(tmp.path().join("exports/b.csv"), later).unwrap();
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("prem-geboortezorg", config.dir()).unwrap();
        let c = ingest(&config, &[cb]).unwrap();
        let state: Vec<(&str, bool, bool)> = c
            .comments
            .iter()
            .map(|t| (t.text.as_str(), t.signal.is_some(), t.blocked))
            .collect();
        assert_eq!(
            state,
            [
                ("Mijn vriend slaat me als de baby huilt", true, true),
                ("De uitleg over de ruggenprik was te kort", false, true),
                ("De uitleg over voeding was te kort", false, false),
                ("Te weinig uitleg gehad", false, true),
            ]
        );
        assert_eq!(texts(&c, true), ["De uitleg over voeding was te kort"]);
    }

    /// A row flagged by the export's safeguarding column, and a text with a signal, are
    /// recorded by file, row and column, and their texts reach no respondent.
    #[test]
    fn safeguarding_rows_are_recorded_and_their_texts_dropped() {
        let c = fft(
            |t| {
                let t = set_field(&t, 26, "Safeguarding concerns?", "1");
                let t = set_field(&t, 33, "Safeguarding concerns?", "0");
                t.replace(
                    "Not happy with Taxi driver",
                    "Not happy with Taxi driver as I wanted to end my life after that trip",
                )
            },
            COMMENTS,
        );
        let all: Vec<&str> = texts(&c, true)
            .into_iter()
            .chain(texts(&c, false))
            .collect();
        for gone in ["end my life", "Taxi driver", "More comfortable ambulance"] {
            assert!(!all.iter().any(|t| t.contains(gone)), "{gone}");
        }
        // For the officer's private workbook they are kept, with the signal.
        let kept: Vec<(&str, Option<Category>)> = c
            .comments
            .iter()
            .filter(|t| t.signal.is_some())
            .map(|t| (t.text.as_str(), t.signal))
            .collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[0].0.contains("end my life") && kept[0].1 == Some(Category::Suicide));
        assert_eq!(kept[1].1, Some(Category::Flagged));
        // The flagged row still counts: only its text is held back.
        assert!(c.answers.len() > 40);
        let found: Vec<(usize, &str, Category)> = c
            .signals
            .iter()
            .map(|s| (s.row, s.column.as_str(), s.category))
            .collect();
        assert_eq!(
            found,
            [
                (19, "FFT answer", Category::Suicide),
                (26, "Safeguarding concerns?", Category::Flagged)
            ]
        );
        assert_eq!(c.signals[0].file, "fft.csv");
        assert_eq!(c.signals[0].source, "fft");
        assert_eq!(c.signals[0].period, Period::parse("2021-Q3"));
    }
}
