//! Reading a published folder: which files are there and the numbers in them, as their
//! published contract describes them (README: "What comes out", "`scores.csv` columns",
//! the year chapter, `prem share`'s format). A file that does not read is a [`Problem`];
//! the others are still read.

use std::path::{Path, PathBuf};

use serde_json::Value;
use strum::IntoEnumIterator;

use crate::i18n::Language;

/// How deep the folders given are searched (a report is three levels deep).
const MAX_DEPTH: usize = 8;

/// One row of `tables/scores.csv` (or a cell of a shared file).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into [`Published::scores`].
    pub file: usize,
    pub period: String,
    /// Empty: the whole region.
    pub vsv: String,
    pub organisation: String,
    pub care_type: String,
    pub theme: String,
    pub item: String,
    pub n: Option<u64>,
    pub mean: Option<f64>,
    /// `suppressed`, `indicatief`, `full` (empty in a shared file).
    pub status: String,
    /// Care types a score over care types averages (`a + b`).
    pub covers: String,
    /// Other numbers on a row (sd, interval, percentages …), for a hidden row that must
    /// carry none.
    pub other_numbers: usize,
    /// 1-based line in the file.
    pub line: u64,
}

impl Row {
    /// `theme` or `theme/item`.
    pub fn measure(&self) -> String {
        if self.item.is_empty() {
            self.theme.clone()
        } else {
            format!("{}/{}", self.theme, self.item)
        }
    }

    /// A mean that is the mean of the row's clients' scores (not an unweighted mean of
    /// care-type means), so that n × mean is their sum.
    pub fn additive(&self) -> bool {
        !self.covers.contains('+')
    }

    /// Shown with an n.
    pub fn shown(&self) -> bool {
        self.n.is_some() && self.status != "suppressed"
    }

    /// Sum of the clients' scores.
    pub fn sum(&self) -> Option<f64> {
        Some(self.mean? * self.n? as f64)
    }
}

/// A published table of cells.
#[derive(Debug, Clone)]
pub struct Scores {
    pub path: PathBuf,
    pub rows: Vec<Row>,
}

/// One row of `tables/reliability.csv`.
#[derive(Debug, Clone)]
pub struct AlphaRow {
    pub period: String,
    pub theme: String,
    /// Only when the file has an `n` column.
    pub n: Option<u64>,
}

/// `tables/reliability.csv`.
#[derive(Debug, Clone)]
pub struct Reliability {
    pub path: PathBuf,
    pub has_n: bool,
    pub rows: Vec<AlphaRow>,
}

/// An agenda's response line (or a shared file's response counts).
#[derive(Debug, Clone)]
pub struct Responses {
    pub path: PathBuf,
    /// The unit the title names (a VSV, or the region's name).
    pub unit: String,
    /// The folder is `regio/`.
    pub region_folder: bool,
    /// `2026-Q3` (from the meeting line).
    pub period: Option<String>,
    /// Each count on the line.
    pub counts: Vec<u64>,
}

/// A quarter (or the year) in a chapter's "Het jaar in cijfers".
#[derive(Debug, Clone)]
pub struct CourseRow {
    pub period: String,
    pub n: Option<u64>,
    pub grade: Option<f64>,
    /// The grade's decimals as shown.
    pub decimals: usize,
}

/// A year chapter (`jaarverslag-<year>/<unit>/hoofdstuk.md`).
#[derive(Debug, Clone)]
pub struct Chapter {
    pub path: PathBuf,
    pub unit: String,
    pub region_folder: bool,
    pub quarters: Vec<CourseRow>,
    pub year: Option<CourseRow>,
    /// The n column of the theme table.
    pub theme_ns: Vec<u64>,
}

/// A number beside an input file in `manifest.json`.
#[derive(Debug, Clone)]
pub struct InputNumber {
    pub file: String,
    pub key: String,
    pub value: f64,
}

/// `manifest.json`.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub path: PathBuf,
    pub inputs: Vec<InputNumber>,
}

/// Everything read from the folders and files given.
#[derive(Debug, Clone, Default)]
pub struct Published {
    /// Every file read, in the order read.
    pub files: Vec<PathBuf>,
    pub scores: Vec<Scores>,
    pub reliability: Vec<Reliability>,
    pub responses: Vec<Responses>,
    pub chapters: Vec<Chapter>,
    pub manifests: Vec<Manifest>,
    /// `min_n` of each manifest or shared file that states it.
    pub thresholds: Vec<(PathBuf, u64)>,
    /// The language a manifest or an agenda is in.
    pub language: Option<Language>,
}

impl Published {
    /// Every row of every table.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.scores.iter().flat_map(|s| s.rows.iter())
    }

    /// The path of a row's file.
    pub fn path(&self, row: &Row) -> PathBuf {
        self.scores
            .get(row.file)
            .map(|s| s.path.clone())
            .unwrap_or_default()
    }

    /// The strictest `min_n` the release states (None: no manifest or shared file says).
    pub fn min_n(&self) -> Option<u64> {
        self.thresholds.iter().map(|(_, n)| *n).max()
    }
}

/// Why something given could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// It does not exist.
    Missing(PathBuf),
    /// The system refused to read it.
    Unreadable { path: PathBuf, error: String },
    /// It is not what its name says: `what` says what was expected.
    Garbled {
        path: PathBuf,
        line: Option<u64>,
        what: String,
    },
    /// A folder without any published file prem writes.
    Empty(PathBuf),
}

/// Reads every published file under `paths` (folders, searched to some depth, or files).
/// Hidden folders (`.2026-Q3.new-…` of an unfinished run) and symbolic links are skipped.
pub fn read_dirs(paths: &[PathBuf]) -> (Published, Vec<Problem>) {
    let mut p = Published::default();
    let mut problems = Vec::new();
    for path in paths {
        let before = p.files.len();
        let problems_before = problems.len();
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(Problem::Missing(path.clone()));
                continue;
            }
            Err(e) => {
                problems.push(Problem::Unreadable {
                    path: path.clone(),
                    error: e.to_string(),
                });
                continue;
            }
            Ok(m) if m.is_dir() => walk(path, 0, &mut p, &mut problems),
            Ok(_) => read_file(path, true, &mut p, &mut problems),
        }
        if p.files.len() == before && problems.len() == problems_before {
            problems.push(Problem::Empty(path.clone()));
        }
    }
    (p, problems)
}

fn walk(dir: &Path, depth: usize, p: &mut Published, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem::Unreadable {
                path: dir.to_path_buf(),
                error: e.to_string(),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if hidden || meta.file_type().is_symlink() {
            continue;
        }
        if meta.is_dir() {
            if depth < MAX_DEPTH {
                walk(&path, depth + 1, p, problems);
            }
        } else {
            read_file(&path, false, p, problems);
        }
    }
}

/// Reads one file if its name is one prem publishes; `given` files of another name are
/// tried as a shared file.
fn read_file(path: &Path, given: bool, p: &mut Published, problems: &mut Vec<Problem>) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_lowercase();
    let kind = match name.as_str() {
        "scores.csv" => Kind::Scores,
        "reliability.csv" => Kind::Reliability,
        "agenda.md" => Kind::Agenda,
        "hoofdstuk.md" => Kind::Chapter,
        "manifest.json" => Kind::Manifest,
        n if n.ends_with(".json") => Kind::Shared,
        n if given && n.ends_with(".csv") => Kind::Scores,
        _ => return,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            problems.push(Problem::Unreadable {
                path: path.to_path_buf(),
                error: e.to_string(),
            });
            return;
        }
    };
    let garbled = |line: Option<u64>, what: &str| Problem::Garbled {
        path: path.to_path_buf(),
        line,
        what: what.to_string(),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        problems.push(garbled(None, "UTF-8"));
        return;
    };
    let region_folder = path
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "regio");
    let result = match kind {
        Kind::Scores => read_scores(path, &text, p.scores.len()).map(|s| p.scores.push(s)),
        Kind::Reliability => read_reliability(path, &text).map(|r| p.reliability.push(r)),
        Kind::Agenda => {
            let (r, lang) = read_agenda(path, &text, region_folder);
            if p.language.is_none() {
                p.language = lang;
            }
            r.map(|r| p.responses.push(r))
        }
        Kind::Chapter => read_chapter(path, &text, region_folder).map(|c| p.chapters.push(c)),
        Kind::Manifest => read_manifest(path, &text, p),
        Kind::Shared => match read_shared(path, &text, p) {
            // Another JSON file found in a folder is not ours: left alone.
            Err(_) if !given && !text.contains("prem-aggregate") => return,
            r => r,
        },
    };
    match result {
        Ok(()) => p.files.push(path.to_path_buf()),
        Err((line, what)) => problems.push(garbled(line, &what)),
    }
}

enum Kind {
    Scores,
    Reliability,
    Agenda,
    Chapter,
    Manifest,
    Shared,
}

/// A problem inside a file: the line (when known) and what was expected.
type Bad = (Option<u64>, String);

fn read_scores(path: &Path, text: &str, file: usize) -> Result<Scores, Bad> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = r.headers().map_err(|e| (Some(1), e.to_string()))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let need = |name: &str| col(name).ok_or_else(|| (Some(1), format!("column `{name}`")));
    let c = [
        need("period")?,
        need("vsv")?,
        need("organisation")?,
        need("care_type")?,
        need("theme")?,
        need("item")?,
        need("n")?,
        need("mean")?,
    ];
    let status = col("status");
    let covers = col("covers");
    let others: Vec<usize> = [
        "sd",
        "ci_low",
        "ci_high",
        "top_box_pct",
        "problem_pct",
        "std_mean",
        "z",
        "change_prev",
        "change_year",
    ]
    .iter()
    .filter_map(|n| col(n))
    .collect();
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let line = i as u64 + 2;
        let rec = rec.map_err(|e| (Some(line), e.to_string()))?;
        let text = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let n = match text(c[6]) {
            t if t.is_empty() => None,
            t => Some(
                t.parse::<u64>()
                    .map_err(|_| (Some(line), format!("n: a whole number, not `{t}`")))?,
            ),
        };
        let mean = match text(c[7]) {
            t if t.is_empty() => None,
            t => Some(
                t.parse::<f64>()
                    .ok()
                    .filter(|m| m.is_finite())
                    .ok_or_else(|| (Some(line), format!("mean: a number, not `{t}`")))?,
            ),
        };
        rows.push(Row {
            file,
            period: text(c[0]),
            vsv: text(c[1]),
            organisation: text(c[2]),
            care_type: text(c[3]),
            theme: text(c[4]),
            item: text(c[5]),
            n,
            mean,
            status: status.map(text).unwrap_or_default(),
            covers: covers.map(text).unwrap_or_default(),
            other_numbers: others.iter().filter(|&&i| !text(i).is_empty()).count(),
            line,
        });
    }
    Ok(Scores {
        path: path.to_path_buf(),
        rows,
    })
}

fn read_reliability(path: &Path, text: &str) -> Result<Reliability, Bad> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = r.headers().map_err(|e| (Some(1), e.to_string()))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(period), Some(theme)) = (col("period"), col("theme")) else {
        return Err((Some(1), "columns `period`, `theme`".into()));
    };
    let n_col = col("n");
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let line = i as u64 + 2;
        let rec = rec.map_err(|e| (Some(line), e.to_string()))?;
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let n = match n_col.map(get).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => Some(
                t.parse::<u64>()
                    .map_err(|_| (Some(line), format!("n: a whole number, not `{t}`")))?,
            ),
        };
        rows.push(AlphaRow {
            period: get(period),
            theme: get(theme),
            n,
        });
    }
    Ok(Reliability {
        path: path.to_path_buf(),
        has_n: n_col.is_some(),
        rows,
    })
}

/// `2026-K3` (Dutch) → `2026-Q3`, as `scores.csv` writes periods.
pub fn period_id(shown: &str) -> String {
    let s = shown.trim();
    match s.split_once("-K") {
        Some((y, q)) if y.len() == 4 && q.len() == 1 => format!("{y}-Q{q}"),
        _ => s.to_string(),
    }
}

/// The unit a title names: the text after its last " — ".
fn title_unit(text: &str) -> Option<String> {
    let title = text.lines().find(|l| l.starts_with("# "))?;
    Some(title.rsplit_once(" — ")?.1.trim().to_string())
}

fn read_agenda(
    path: &Path,
    text: &str,
    region_folder: bool,
) -> (Result<Responses, Bad>, Option<Language>) {
    let Some(unit) = title_unit(text) else {
        return (Err((Some(1), "a title `# … — unit`".into())), None);
    };
    let mut lang = None;
    let mut period = None;
    let mut counts = Vec::new();
    for l in Language::iter() {
        let t = l.texts();
        let meeting = format!("**{} ", t.meeting_line);
        if let Some(line) = text.lines().find(|x| x.starts_with(&meeting)) {
            let rest = &line[meeting.len()..];
            period = rest.split("**").next().map(period_id);
            lang = Some(l);
        }
        let response = format!("**{}:**", t.response);
        for line in text.lines().filter(|x| x.contains(&response)) {
            lang = Some(l);
            counts.extend(counts_before(line, t.respondents));
        }
    }
    (
        Ok(Responses {
            path: path.to_path_buf(),
            unit,
            region_folder,
            period,
            counts,
        }),
        lang,
    )
}

/// Every whole number in `line` followed by `word` ("43 cliënten").
fn counts_before(line: &str, word: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].trim_end();
        let digits: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(n) = digits.parse() {
            out.push(n);
        }
        rest = &rest[at + word.len()..];
    }
    out
}

/// A number as a chapter shows it ("7,7", "7.7", "**124**", "7,7*"), with its decimals.
fn shown_number(cell: &str) -> Option<(f64, usize)> {
    let t = cell
        .trim()
        .trim_matches('*')
        .trim_end_matches(['*', '†'])
        .trim()
        .replace(',', ".");
    let v = t.parse::<f64>().ok().filter(|v| v.is_finite())?;
    let decimals = t.split_once('.').map_or(0, |(_, d)| d.len());
    Some((v, decimals))
}

fn read_chapter(path: &Path, text: &str, region_folder: bool) -> Result<Chapter, Bad> {
    let unit = title_unit(text).ok_or_else(|| (Some(1), "a title `# … — unit`".to_string()))?;
    let headings: Vec<String> = Language::iter()
        .map(|l| format!("## {}", l.chapter().course_heading))
        .collect();
    let mut quarters = Vec::new();
    let mut year = None;
    let mut theme_ns = Vec::new();
    let mut section = 0; // 0 before the course, 1 in it, 2 the theme table, 3 the rest
    for line in text.lines() {
        if line.starts_with("## ") {
            // The course, then the theme table right after it; nothing further (the
            // participation tables count participants of activities, not respondents).
            section = match section {
                0 if headings.iter().any(|h| line.trim() == h) => 1,
                1 => 2,
                0 => 0,
                _ => 3,
            };
            continue;
        }
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
        if !line.trim_start().starts_with('|') || cells.len() < 3 || line.contains("---") {
            continue;
        }
        if section == 1 {
            let label = cells[0].trim();
            let bold = label.starts_with("**");
            let period = period_id(label.trim_matches('*'));
            if !period.starts_with(|c: char| c.is_ascii_digit()) {
                continue; // the header
            }
            let n = shown_number(cells[1]).map(|(v, _)| v as u64);
            let grade = shown_number(cells[2]);
            let row = CourseRow {
                period,
                n,
                grade: grade.map(|g| g.0),
                decimals: grade.map_or(1, |g| g.1),
            };
            if bold {
                year = Some(row);
            } else {
                quarters.push(row);
            }
        } else if section == 2 && cells.len() >= 3 {
            // | Thema | 2026 | n | 2025 | n | Verschil |
            for i in [2, 4] {
                if let Some((v, 0)) = cells.get(i).and_then(|c| shown_number(c)) {
                    theme_ns.push(v as u64);
                }
            }
        }
    }
    if section == 0 {
        return Err((None, format!("a section `{}`", headings.join("` / `"))));
    }
    Ok(Chapter {
        path: path.to_path_buf(),
        unit,
        region_folder,
        quarters,
        year,
        theme_ns,
    })
}

fn read_manifest(path: &Path, text: &str, p: &mut Published) -> Result<(), Bad> {
    let m: Value =
        serde_json::from_str(text).map_err(|e| (Some(e.line() as u64), format!("JSON ({e})")))?;
    let obj = m
        .as_object()
        .ok_or_else(|| (None, "a JSON object".to_string()))?;
    if let Some(n) = obj
        .get("thresholds")
        .and_then(|t| t.get("min_n"))
        .and_then(Value::as_u64)
        .or_else(|| {
            let c = obj.get("config")?;
            c.get("privacy")?.get("min_n")?.as_u64()
        })
    {
        p.thresholds.push((path.to_path_buf(), n));
    }
    let lang = obj
        .get("config")
        .and_then(|c| c.get("analysis"))
        .and_then(|a| a.get("language"))
        .and_then(Value::as_str);
    match lang {
        Some("en") => p.language = Some(Language::En),
        Some("nl") if p.language.is_none() => p.language = Some(Language::Nl),
        _ => {}
    }
    let mut inputs = Vec::new();
    for input in obj
        .get("inputs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let file = input
            .get("file")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        for (key, value) in input.as_object().into_iter().flatten() {
            if let Some(v) = value.as_f64() {
                inputs.push(InputNumber {
                    file: file.clone(),
                    key: key.clone(),
                    value: v,
                });
            }
        }
    }
    p.manifests.push(Manifest {
        path: path.to_path_buf(),
        inputs,
    });
    Ok(())
}

/// A `prem share` file (`prem-aggregate/…`): its cells as rows, its VSV scores over care
/// types as rows without a mean, its response counts as response lines.
fn read_shared(path: &Path, text: &str, p: &mut Published) -> Result<(), Bad> {
    let m: Value =
        serde_json::from_str(text).map_err(|e| (Some(e.line() as u64), format!("JSON ({e})")))?;
    let format = m.get("format").and_then(Value::as_str).unwrap_or_default();
    if !format.starts_with("prem-aggregate") {
        return Err((None, "`format`: prem-aggregate/1".into()));
    }
    if let Some(n) = m
        .get("privacy")
        .and_then(|t| t.get("min_n"))
        .and_then(Value::as_u64)
    {
        p.thresholds.push((path.to_path_buf(), n));
    }
    let file = p.scores.len();
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut rows = Vec::new();
    for (key, is_unit) in [("cells", false), ("units", true)] {
        for (i, c) in m
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let (theme, item) = match s(c, "measure").as_str() {
                "item" => (String::new(), s(c, "id")),
                _ => (s(c, "id"), String::new()),
            };
            let covers = c
                .get("covers")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" + ")
                })
                .unwrap_or_default();
            rows.push(Row {
                file,
                period: s(c, "period"),
                vsv: s(c, "vsv"),
                organisation: String::new(),
                care_type: s(c, "care_type"),
                theme,
                item,
                n: c.get("n").and_then(Value::as_u64),
                mean: if is_unit {
                    None
                } else {
                    c.get("mean").and_then(Value::as_f64)
                },
                status: String::new(),
                covers,
                other_numbers: 0,
                line: i as u64 + 1,
            });
        }
    }
    let mut by_unit: Vec<Responses> = Vec::new();
    for r in m
        .get("responses")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (vsv, period) = (s(r, "vsv"), s(r, "period"));
        let Some(n) = r.get("n").and_then(Value::as_u64) else {
            continue;
        };
        match by_unit
            .iter_mut()
            .find(|x| x.unit == vsv && x.period.as_deref() == Some(period.as_str()))
        {
            Some(x) => x.counts.push(n),
            None => by_unit.push(Responses {
                path: path.to_path_buf(),
                unit: vsv,
                region_folder: false,
                period: Some(period),
                counts: vec![n],
            }),
        }
    }
    p.responses.extend(by_unit);
    p.scores.push(Scores {
        path: path.to_path_buf(),
        rows,
    });
    Ok(())
}
