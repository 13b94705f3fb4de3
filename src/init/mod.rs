//! `prem init`: from bare exports to a starter `prem.toml` (and, where no built-in codebook
//! fits, a starter codebook), with every guess and how sure it is written beside it.
//!
//! The stages: [`export`] reads each file as the report will; files with the same columns
//! become one source; [`fields`] finds the canonical columns; a built-in codebook is taken
//! when its questions are there, else [`scale`] reads each remaining column's answers and
//! [`plan`](Plan) groups the questions into themes; [`write`] turns the plan into TOML.
//! What cannot be guessed (no date column) is written as a marked question (`"?"`), which
//! `prem validate` refuses with the line. What of the export's values may be written at
//! all is [`copy`]'s to say: a value few clients gave is described, never copied.

pub mod copy;
pub mod export;
pub mod fields;
pub mod scale;
mod write;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::config::codebook::Codebook;
use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::ingest::value::normalize;
use crate::layout::slug;

use copy::Clients;
use export::{Column, Export};
use fields::{Field, FieldGuess, Sure};
use scale::{Holds, Unused};

/// What `prem init` writes.
#[derive(Debug, Clone)]
pub struct Starter {
    /// The guesses.
    pub plan: Plan,
    /// The text of prem.toml.
    pub config: String,
    /// Starter codebooks: file name (beside prem.toml) and text.
    pub codebooks: Vec<(String, String)>,
}

/// Everything guessed.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `[analysis] name`.
    pub name: String,
    /// The language the exports are in, and so the reports'.
    pub language: Language,
    /// What the units are called when it is not "VSV" (the NHS FFT's "Trust").
    pub unit: Option<String>,
    /// One per group of files with the same columns.
    pub sources: Vec<SourcePlan>,
}

/// One `[[source]]`.
#[derive(Debug, Clone)]
pub struct SourcePlan {
    pub name: String,
    /// Files or one glob, relative to prem.toml.
    pub files: Vec<String>,
    pub sheet: Option<String>,
    pub header_row: usize,
    pub rows: usize,
    /// Files read.
    pub file_count: usize,
    /// Canonical field → column and how sure.
    pub fields: Vec<(Field, String, Sure)>,
    /// The fixed VSV when no column names it.
    pub vsv_value: Option<String>,
    pub layout: Layout,
    /// Rows and distinct respondents, when respondents have several rows by design.
    pub many_rows: Option<(usize, usize)>,
    pub codebook: CodebookChoice,
    /// Columns left out, and why.
    pub unused: Vec<(String, Unused)>,
    /// The names in the VSV column, each with the distinct clients who gave it.
    pub units: Vec<(String, usize)>,
}

/// How rows relate to respondents and care types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A row per respondent and care type (a care-type column).
    Long,
    /// A row per respondent, questions repeated under a care-type prefix.
    Wide,
    /// A row per respondent, no care types.
    Flat,
}

/// The codebook of a source.
#[derive(Debug, Clone)]
pub enum CodebookChoice {
    /// A built-in one: its name, and how many of its questions the export has.
    Builtin {
        name: String,
        found: usize,
        total: usize,
    },
    /// A starter codebook written beside prem.toml.
    Starter(Box<StarterCodebook>),
}

/// A codebook guessed from the export.
#[derive(Debug, Clone)]
pub struct StarterCodebook {
    /// File name beside prem.toml.
    pub file: String,
    pub name: String,
    pub title: String,
    pub scales: Vec<ScalePlan>,
    pub themes: Vec<ThemePlan>,
    pub items: Vec<ItemPlan>,
    pub grade: Option<String>,
    pub recommend: Option<String>,
    pub improvement: Vec<String>,
    pub compliment: Vec<String>,
    pub comments: Vec<String>,
    /// Wide layout: care type → column prefix.
    pub care_types: BTreeMap<String, String>,
}

/// A scale of a starter codebook.
#[derive(Debug, Clone, PartialEq)]
pub struct ScalePlan {
    pub id: String,
    pub kind: ScaleShape,
    pub missing: Vec<String>,
    /// Items on it.
    pub uses: usize,
    pub sure: Sure,
}

/// A scale's kind and answers.
#[derive(Debug, Clone, PartialEq)]
pub enum ScaleShape {
    Numeric {
        min: f64,
        max: f64,
    },
    /// Levels worst → best, and how many at each end count as top box and problem.
    Ordinal {
        levels: Vec<String>,
        positive: usize,
        problem: usize,
        /// From the file's own answer labels, in code order (not a known vocabulary).
        file_order: bool,
    },
    Binary {
        levels: [String; 2],
    },
}

/// A theme of a starter codebook.
#[derive(Debug, Clone)]
pub struct ThemePlan {
    pub id: String,
    pub label: String,
    /// The shared stem, when the theme groups several questions.
    pub stem: Option<String>,
    pub keywords: Vec<String>,
}

/// A question of a starter codebook.
#[derive(Debug, Clone)]
pub struct ItemPlan {
    pub id: String,
    /// None for the overall grade and recommendation.
    pub theme: Option<String>,
    pub column: String,
    pub text: String,
    pub scale: String,
    /// Set when the answers run against the other questions' (a negatively worded
    /// question, "Moest u lang wachten?"): the item-rest correlation.
    pub reversed: Option<f64>,
}

/// Reads the exports and guesses a starter configuration whose paths are relative to
/// `dir` (where prem.toml will be).
pub fn init(exports: &[PathBuf], dir: &Path) -> Result<Starter> {
    let mut read: Vec<Export> = Vec::new();
    for path in exports {
        read.push(Export::read(path)?);
    }
    let plan = plan(&read, dir)?;
    let config = write::config(&plan);
    let codebooks = plan
        .sources
        .iter()
        .filter_map(|s| match &s.codebook {
            CodebookChoice::Starter(cb) => {
                Some((cb.file.clone(), write::codebook(cb, s, plan.language)))
            }
            CodebookChoice::Builtin { .. } => None,
        })
        .collect();
    Ok(Starter {
        plan,
        config,
        codebooks,
    })
}

/// The guesses for a set of read exports.
pub fn plan(exports: &[Export], dir: &Path) -> Result<Plan> {
    // Files with the same columns (in the same order) are one source.
    let mut groups: Vec<Vec<&Export>> = Vec::new();
    for e in exports {
        let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
        match groups.iter_mut().find(|g| {
            g[0].columns
                .iter()
                .map(|c| c.name.as_str())
                .eq(names.iter().copied())
                && g[0].sheet == e.sheet
                && g[0].header_row == e.header_row
        }) {
            Some(g) => g.push(e),
            None => groups.push(vec![e]),
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut sources = Vec::new();
    for group in groups {
        sources.push(source(&group, dir, &mut taken)?);
    }
    let language = language(exports, &sources);
    let vsvs = units(&sources);
    // A unit's name is copied only when enough clients gave it (a name typed once is
    // someone's words, not a unit).
    let named = vsvs.iter().all(|(_, clients)| copy::copyable(*clients));
    let name = match vsvs.as_slice() {
        [] => language_text(language, "Mijn VSV", "My VSV"),
        [_] if !named => language_text(language, "Mijn VSV", "My VSV"),
        [(one, _)] => one.clone(),
        [(a, _), (b, _)] if named => {
            format!("{a} {} {b}", language_text(language, "en", "and"))
        }
        _ => language_text(language, "Regio", "Region"),
    };
    for s in &mut sources {
        if s.fields.iter().all(|(f, _, _)| *f != Field::Vsv) {
            s.vsv_value = Some(language_text(language, "Mijn VSV", "My VSV"));
        }
    }
    let unit = sources.iter().find_map(|s| {
        let (_, column, _) = s.fields.iter().find(|(f, _, _)| *f == Field::Vsv)?;
        let n = normalize(column);
        (!n.contains("vsv") && !column.contains(' ')).then(|| column.clone())
    });
    Ok(Plan {
        name,
        language,
        unit,
        sources,
    })
}

fn language_text(language: Language, nl: &str, en: &str) -> String {
    match language {
        Language::Nl => nl,
        Language::En => en,
    }
    .to_string()
}

/// The distinct VSV names of all sources, sorted, each with the most clients one source
/// has for it (sources may share clients: not added up).
fn units(sources: &[SourcePlan]) -> Vec<(String, usize)> {
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    for (name, clients) in sources.iter().flat_map(|s| &s.units) {
        let most = out.entry(name.clone()).or_default();
        *most = (*most).max(*clients);
    }
    out.into_iter().collect()
}

/// English when the column names and answers are mostly English.
fn language(exports: &[Export], sources: &[SourcePlan]) -> Language {
    const EN: &[&str] = &[
        "the", "you", "your", "date", "how", "what", "did", "were", "service", "staff", "trust",
        "answer", "comment", "question", "type", "could", "we", "of",
    ];
    const NL: &[&str] = &[
        "de", "het", "u", "uw", "een", "datum", "hoe", "wat", "werd", "heeft", "zorg", "van",
        "bent", "kreeg", "wij", "tijd", "kind", "leeftijd", "naam",
    ];
    let (mut en, mut nl) = (0usize, 0usize);
    for e in exports {
        for c in &e.columns {
            for w in normalize(c.text()).split(|ch: char| !ch.is_alphanumeric()) {
                en += usize::from(EN.contains(&w));
                nl += usize::from(NL.contains(&w));
            }
        }
    }
    let builtin_en = sources
        .iter()
        .any(|s| matches!(&s.codebook, CodebookChoice::Builtin { name, .. } if name == "nhs-fft"));
    if builtin_en || en > nl {
        Language::En
    } else {
        Language::Nl
    }
}

/// One source from files with the same columns.
fn source(group: &[&Export], dir: &Path, taken: &mut HashSet<String>) -> Result<SourcePlan> {
    let first = group[0];
    // Guess from all rows of all files: one column per name.
    let columns: Vec<Column> = first
        .columns
        .iter()
        .map(|c| Column {
            values: group
                .iter()
                .filter_map(|e| e.column(&c.name))
                .flat_map(|col| col.values.iter().cloned())
                .collect(),
            ..c.clone()
        })
        .collect();
    let rows = group.iter().map(|e| e.rows).sum();
    let guesses = fields::guess(&columns);
    let field_column = |f: Field| guesses.iter().find(|g| g.field == f).map(|g| g.column);
    // Who gave each row, for what may be copied (see `copy`).
    let ids = field_column(Field::Respondent).map(|r| columns[r].values.as_slice());
    let clients = |c: &Column| Clients::count(&c.values, ids, rows);
    let mut used: HashSet<usize> = guesses.iter().map(|g| g.column).collect();
    let name = source_name(first, taken);
    let builtin = builtin_match(&columns);
    let (codebook, layout, unused) = match builtin {
        Some((cb, found, total, wide)) => {
            let layout = if field_column(Field::CareType).is_some() {
                Layout::Long
            } else if wide {
                Layout::Wide
            } else {
                Layout::Flat
            };
            let unused = columns
                .iter()
                .enumerate()
                .filter(|(i, c)| !used.contains(i) && !in_codebook(&cb, &c.name))
                .map(|(_, c)| (c.name.clone(), Unused::NotInCodebook))
                .collect();
            (
                CodebookChoice::Builtin {
                    name: cb.name.clone(),
                    found,
                    total,
                },
                layout,
                unused,
            )
        }
        None => {
            let wide = if field_column(Field::CareType).is_some() {
                None
            } else {
                wide(&columns, &used)
            };
            let (layout, mut cb, unused) = match wide {
                Some(w) => {
                    // The questions once, each with every care type's answers below one
                    // another, so scales are read from all of them.
                    let mut wide_used: HashSet<usize> = HashSet::new();
                    let (cb, unused) =
                        starter_codebook(&name, first, &w.columns, &mut wide_used, &clients);
                    used.extend(w.from.iter().copied());
                    let mut cb = cb;
                    cb.care_types = w.care_types;
                    (Layout::Wide, cb, unused)
                }
                None => {
                    let layout = if field_column(Field::CareType).is_some() {
                        Layout::Long
                    } else {
                        Layout::Flat
                    };
                    let (cb, unused) =
                        starter_codebook(&name, first, &columns, &mut used, &clients);
                    (layout, cb, unused)
                }
            };
            cb.name = name.clone();
            (CodebookChoice::Starter(Box::new(cb)), layout, unused)
        }
    };
    let many_rows = field_column(Field::Respondent).and_then(|r| {
        let care = field_column(Field::CareType);
        let keys: HashSet<(&str, &str)> = (0..columns[r].values.len())
            .filter(|&i| !columns[r].values[i].is_empty())
            .map(|i| {
                let ct = care.map_or("", |c| columns[c].values[i].as_str());
                (columns[r].values[i].as_str(), ct)
            })
            .collect();
        let filled = columns[r].filled().count();
        // More than 2% repeated keys: several rows per respondent by design, not a slip.
        (filled > keys.len() + filled / 50).then_some((filled, keys.len()))
    });
    let units = field_column(Field::Vsv).map_or_else(Vec::new, |v| {
        let counted = clients(&columns[v]);
        let names: std::collections::BTreeSet<&str> = columns[v].filled().collect();
        names
            .into_iter()
            .map(|n| (n.to_string(), counted.of(n)))
            .collect()
    });
    Ok(SourcePlan {
        name,
        files: file_patterns(group, dir),
        sheet: first.sheet.clone(),
        header_row: first.header_row,
        rows,
        file_count: group.len(),
        fields: guesses
            .iter()
            .map(
                |FieldGuess {
                     field,
                     column,
                     sure,
                 }| (*field, columns[*column].name.clone(), *sure),
            )
            .collect(),
        vsv_value: None,
        layout,
        many_rows,
        codebook,
        unused,
        units,
    })
}

/// A source name from the first file's name, without dates and numbers: "prem-2026-Q1.csv"
/// → "prem".
fn source_name(e: &Export, taken: &mut HashSet<String>) -> String {
    let stem = e
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("export");
    let words: Vec<String> = slug(stem)
        .split('-')
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    let base = if words.is_empty() {
        "export".to_string()
    } else {
        words.join("-")
    };
    let mut name = base.clone();
    let mut k = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}-{k}");
        k += 1;
    }
    name
}

/// The built-in codebook whose questions are columns here (at least half of them,
/// directly or under its care-type prefixes): the codebook, found, total, and whether
/// found under prefixes (wide).
fn builtin_match(columns: &[Column]) -> Option<(Codebook, usize, usize, bool)> {
    let names: HashSet<String> = columns.iter().map(|c| normalize(&c.name)).collect();
    let mut best: Option<(Codebook, usize, usize, bool)> = None;
    for (name, text) in crate::config::codebook::BUILTIN {
        let Ok(cb) = Codebook::parse(text, Path::new(name)) else {
            continue;
        };
        let mut cb = cb;
        cb.origin = name.to_string();
        let count = |prefix: &str| {
            cb.items
                .iter()
                .filter(|i| {
                    i.columns
                        .iter()
                        .any(|c| names.contains(&normalize(&format!("{prefix}{c}"))))
                })
                .count()
        };
        let flat = count("");
        let wide = cb.care_types.values().map(|p| count(p)).max().unwrap_or(0);
        let (found, is_wide) = if wide > flat {
            (wide, true)
        } else {
            (flat, false)
        };
        let total = cb.items.len();
        if found * 2 >= total && best.as_ref().is_none_or(|b| found * b.2 > b.1 * total) {
            best = Some((cb, found, total, is_wide));
        }
    }
    best
}

/// A wide export: questions repeated per care type under a prefix.
struct Wide {
    /// One column per question (named without prefix), with the answers of every care
    /// type below one another.
    columns: Vec<Column>,
    /// The export's columns these came from.
    from: Vec<usize>,
    /// Care type → prefix.
    care_types: BTreeMap<String, String>,
}

/// Care-type names of the wide layout, by kind (as the built-in PREM codebook names them).
const CARE_TYPES: [&str; 3] = ["verloskundigenpraktijk", "ziekenhuis", "kraamzorg"];

/// The kind of care a column prefix stands for: the usual abbreviations (VP, VK, ZH, KZ) or
/// a care-type word.
fn prefix_kind(prefix: &str) -> Option<usize> {
    let p = normalize(prefix.trim_end_matches(['_', ':', '-', ' ', '.']));
    match p.as_str() {
        "vp" | "vk" | "vl" | "vlk" | "mw" => Some(0),
        "zh" | "kl" | "hosp" => Some(1),
        "kz" | "kr" | "mat" => Some(2),
        _ => fields::care_type_kind(&p),
    }
}

/// A column name's care-type prefix and the rest: `VP_info1` → ("VP_", "info1"),
/// `Kraamzorg: Werd u gehoord?` → ("Kraamzorg: ", "Werd u gehoord?").
fn split_prefix(name: &str) -> Option<(usize, String, String)> {
    let cut = |sep: &str| {
        let (head, tail) = name.split_once(sep)?;
        let kind = prefix_kind(head)?;
        (!tail.trim().is_empty() && head.chars().count() <= 30)
            .then(|| (kind, format!("{head}{sep}"), tail.to_string()))
    };
    cut("_").or_else(|| cut(": ")).or_else(|| cut(" - "))
}

/// The wide layout, when at least two care types' prefixes carry at least two of the same
/// questions.
fn wide(columns: &[Column], used: &HashSet<usize>) -> Option<Wide> {
    // kind → (prefix, question → column)
    let mut by_kind: BTreeMap<usize, (String, BTreeMap<String, usize>)> = BTreeMap::new();
    for (i, c) in columns.iter().enumerate() {
        if used.contains(&i) {
            continue;
        }
        if let Some((kind, prefix, rest)) = split_prefix(&c.name) {
            let entry = by_kind
                .entry(kind)
                .or_insert_with(|| (prefix.clone(), BTreeMap::new()));
            if entry.0 == prefix {
                entry.1.insert(rest, i);
            }
        }
    }
    let kinds: Vec<usize> = by_kind.keys().copied().collect();
    let shared = |a: usize, b: usize| {
        by_kind[&a]
            .1
            .keys()
            .filter(|q| by_kind[&b].1.contains_key(*q))
            .count()
    };
    let repeated = kinds
        .iter()
        .any(|&a| kinds.iter().any(|&b| a < b && shared(a, b) >= 2));
    if !repeated {
        return None;
    }
    // Questions in the order of the export.
    let mut questions: Vec<(usize, String)> = by_kind
        .values()
        .flat_map(|(_, q)| q.iter().map(|(rest, i)| (*i, rest.clone())))
        .collect();
    questions.sort();
    let mut seen: HashSet<String> = HashSet::new();
    questions.retain(|(_, q)| seen.insert(q.clone()));
    let rows = columns.first().map_or(0, |c| c.values.len());
    let merged = questions
        .iter()
        .map(|(first, q)| {
            let mut values = Vec::with_capacity(rows * by_kind.len());
            for (_, cols) in by_kind.values() {
                match cols.get(q) {
                    Some(&i) => values.extend(columns[i].values.iter().cloned()),
                    None => values.extend(std::iter::repeat_n(String::new(), rows)),
                }
            }
            Column {
                name: q.clone(),
                label: None,
                levels: columns[*first].levels.clone(),
                values,
            }
        })
        .collect();
    Some(Wide {
        columns: merged,
        from: by_kind
            .values()
            .flat_map(|(_, q)| q.values().copied())
            .collect(),
        care_types: by_kind
            .iter()
            .map(|(kind, (prefix, _))| (CARE_TYPES[*kind].to_string(), prefix.clone()))
            .collect(),
    })
}

/// Whether a built-in codebook reads this column (a question, under a care-type prefix or
/// not, an open text, the export's sentiment).
fn in_codebook(cb: &Codebook, column: &str) -> bool {
    let n = normalize(column);
    let same = |c: &String| normalize(c) == n;
    let prefixed = |c: &String| {
        std::iter::once("")
            .chain(cb.care_types.values().map(String::as_str))
            .any(|p| normalize(&format!("{p}{c}")) == n)
    };
    let open = &cb.open;
    cb.items.iter().any(|i| i.columns.iter().any(prefixed))
        || open.improvement.iter().any(prefixed)
        || open.compliment.iter().any(prefixed)
        || open.comments.iter().any(prefixed)
        || open.safeguarding.iter().any(same)
        || open.sentiment.as_ref().is_some_and(|s| same(&s.column))
}

/// Relative paths (or one glob) of a group's files, from `dir`.
fn file_patterns(group: &[&Export], dir: &Path) -> Vec<String> {
    let rel: Vec<String> = group
        .iter()
        .map(|e| relative(dir, &e.path).to_string_lossy().replace('\\', "/"))
        .collect();
    if rel.len() < 2 {
        return rel;
    }
    // One glob when a shared prefix and suffix with `*` between matches exactly these files.
    // Cut before the first digit of the name, so next year's files match too
    // ("prem-2026-Q" → "prem-").
    let mut prefix = common(rel.iter().map(|s| s.chars().collect::<Vec<_>>()).collect());
    let name_start = prefix.rfind('/').map_or(0, |i| i + 1);
    if let Some(digit) = prefix[name_start..].find(|c: char| c.is_ascii_digit()) {
        prefix.truncate(name_start + digit);
    }
    let suffix: String = common(
        rel.iter()
            .map(|s| s.chars().rev().collect::<Vec<_>>())
            .collect(),
    )
    .chars()
    .rev()
    .collect();
    let fits = prefix.len() + suffix.len() <= rel.iter().map(String::len).min().unwrap_or(0);
    if fits && !prefix.contains(['*', '?', '[']) && !suffix.contains(['*', '?', '[']) {
        let pattern = format!("{prefix}*{suffix}");
        if let Ok(paths) = glob::glob(&dir.join(&pattern).to_string_lossy()) {
            let matched: HashSet<PathBuf> = paths
                .filter_map(|p| p.ok())
                .filter_map(|p| p.canonicalize().ok())
                .collect();
            let wanted: HashSet<PathBuf> = group
                .iter()
                .filter_map(|e| e.path.canonicalize().ok())
                .collect();
            if matched == wanted {
                return vec![pattern];
            }
        }
    }
    rel
}

fn common(strings: Vec<Vec<char>>) -> String {
    let Some(first) = strings.first() else {
        return String::new();
    };
    let mut n = first.len();
    for s in &strings[1..] {
        n = n.min(first.iter().zip(s).take_while(|(a, b)| a == b).count());
    }
    first[..n].iter().collect()
}

/// `to` relative to the folder `from` (both made absolute), with `..` where needed.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (from, to) = (abs(from), abs(to));
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = to.components().collect();
    let shared = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if shared == 0 {
        return to;
    }
    let mut out = PathBuf::new();
    for _ in shared..a.len() {
        out.push("..");
    }
    for c in &b[shared..] {
        out.push(c);
    }
    out
}

/// Columns that are about the response, not the client's experience: never questions.
fn technical(name: &str) -> bool {
    let n = normalize(name);
    const EXACT: &[&str] = &[
        "e-mail",
        "email",
        "naam",
        "name",
        "lastpage",
        "startlanguage",
        "seed",
        "ipaddr",
        "refurl",
        "datestamp",
        "startdate",
        "submitdate",
        "tijd van laatste wijziging",
        "token",
        "id",
    ];
    const WORDS: &[&str] = &[
        "e-mail",
        "email",
        "telefoon",
        "phone",
        "adres",
        "address",
        "postcode",
        "ip",
        "sentiment",
        "identifiable",
        "comment id",
    ];
    EXACT.contains(&n.as_str()) || WORDS.iter().any(|w| n.contains(w))
}

/// A column of dates or times (a start or change time beside the date used).
fn timestamps(c: &Column) -> bool {
    use crate::ingest::value::{read_date, DateReading};
    let (mut n, mut dates) = (0usize, 0usize);
    for v in c.filled() {
        n += 1;
        dates += usize::from(
            v.contains(['-', '/', ':']) && !matches!(read_date(v), DateReading::Invalid),
        );
    }
    n > 0 && dates * 10 >= n * 8
}

/// A starter codebook from the columns no canonical field took, and the columns left out;
/// `clients` counts who gave each of a column's values.
fn starter_codebook(
    name: &str,
    first: &Export,
    columns: &[Column],
    used: &mut HashSet<usize>,
    clients: &dyn Fn(&Column) -> Clients,
) -> (StarterCodebook, Vec<(String, Unused)>) {
    let mut scales: Vec<ScalePlan> = Vec::new();
    let mut questions: Vec<(usize, String)> = Vec::new(); // column, scale id
    let mut open: Vec<usize> = Vec::new();
    let mut unused: Vec<(String, Unused)> = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        if used.contains(&i) {
            continue;
        }
        if technical(&c.name) || timestamps(c) {
            continue;
        }
        let holds = scale::holds(c.filled(), &c.levels, &clients(c));
        let (shape, missing, sure) = match holds {
            Holds::Numeric { min, max, missing } => {
                (ScaleShape::Numeric { min, max }, missing, Sure::Medium)
            }
            Holds::Ordinal {
                vocabulary,
                levels,
                missing,
            } => (
                ScaleShape::Ordinal {
                    levels,
                    positive: vocabulary.positive,
                    problem: vocabulary.problem,
                    file_order: false,
                },
                missing,
                Sure::High,
            ),
            Holds::Labelled { levels } => {
                let k = levels.len();
                (
                    ScaleShape::Ordinal {
                        levels,
                        positive: 1,
                        problem: if k > 3 { 2 } else { 1 },
                        file_order: true,
                    },
                    Vec::new(),
                    Sure::Low,
                )
            }
            Holds::Binary {
                levels, missing, ..
            } => (ScaleShape::Binary { levels }, missing, Sure::Medium),
            Holds::Text => {
                open.push(i);
                continue;
            }
            Holds::Other(why) => {
                unused.push((c.name.clone(), why));
                continue;
            }
        };
        let id = scale_id(&shape);
        match scales
            .iter_mut()
            .find(|s| s.id == id && same_shape(&s.kind, &shape))
        {
            Some(s) => {
                s.uses += 1;
                for m in missing {
                    if !s.missing.iter().any(|x| normalize(x) == normalize(&m)) {
                        s.missing.push(m);
                    }
                }
                merge_levels(&mut s.kind, &shape);
            }
            None => {
                let unique = unique_id(&id, scales.iter().map(|s| s.id.as_str()));
                scales.push(ScalePlan {
                    id: unique,
                    kind: shape,
                    missing,
                    uses: 1,
                    sure,
                });
            }
        }
        let sid = scales
            .iter()
            .rev()
            .find(|s| s.id == id || s.id.starts_with(&format!("{id}_")))
            .map_or(id.clone(), |s| s.id.clone());
        questions.push((i, sid));
        used.insert(i);
    }
    // Overall questions: a 1–10 grade and a 0–10 recommendation, by name.
    let scale_of = |sid: &str| scales.iter().find(|s| s.id == sid).map(|s| &s.kind);
    let named = |i: usize, words: &[&str]| {
        let n = normalize(columns[i].text());
        words.iter().any(|w| n.contains(w))
    };
    let grade = questions.iter().position(|(i, sid)| {
        matches!(scale_of(sid), Some(ScaleShape::Numeric { max, .. }) if *max == 10.0)
            && named(*i, &["cijfer", "grade", "rating", "overall", "beoordeling"])
    });
    let recommend = questions.iter().position(|(i, sid)| {
        Some(questions.iter().position(|q| q == &(*i, sid.clone()))) != Some(grade)
            && matches!(scale_of(sid), Some(ScaleShape::Numeric { min, max }) if *min == 0.0 && *max == 10.0)
            && named(*i, &["aanbevel", "aanbeveelt", "recommend", "waarschijnlijk", "likely"])
    });
    // Themes: questions sharing a stem, else one each.
    let mut item_ids: Vec<String> = Vec::new();
    let mut items: Vec<ItemPlan> = Vec::new();
    let stems: Vec<Option<String>> = questions.iter().map(|(i, _)| stem(&columns[*i])).collect();
    let mut stem_count: BTreeMap<String, usize> = BTreeMap::new();
    for s in stems.iter().flatten() {
        *stem_count.entry(s.clone()).or_default() += 1;
    }
    let mut themes: Vec<ThemePlan> = Vec::new();
    for (q, (i, sid)) in questions.iter().enumerate() {
        let c = &columns[*i];
        let overall = Some(q) == grade || Some(q) == recommend;
        let id = unique_id(
            &short_id(&c.name, c.label.as_deref()),
            item_ids.iter().map(String::as_str),
        );
        item_ids.push(id.clone());
        let theme = if overall {
            None
        } else {
            let shared = stems[q]
                .clone()
                .filter(|s| stem_count.get(s).copied().unwrap_or(0) >= 2);
            let (tid, label) = match &shared {
                Some(s) => (short_id(s, None), s.clone()),
                None => (id.clone(), shorten(c.text(), 60)),
            };
            let existing = themes.iter().position(|t| match &shared {
                Some(s) => t.stem.as_deref() == Some(s),
                None => false,
            });
            let index = match existing {
                Some(t) => t,
                None => {
                    let tid = unique_id(&tid, themes.iter().map(|t| t.id.as_str()));
                    themes.push(ThemePlan {
                        id: tid,
                        label: capitalise_first(&label),
                        stem: shared.clone(),
                        keywords: Vec::new(),
                    });
                    themes.len() - 1
                }
            };
            Some(themes[index].id.clone())
        };
        items.push(ItemPlan {
            id,
            theme,
            column: c.name.clone(),
            text: c.text().to_string(),
            scale: sid.clone(),
            reversed: None,
        });
    }
    mark_reversed(&mut items, &scales, columns);
    for t in &mut themes {
        let texts: Vec<&str> = items
            .iter()
            .filter(|i| i.theme.as_deref() == Some(t.id.as_str()))
            .map(|i| i.text.as_str())
            .collect();
        t.keywords = keywords(&texts);
    }
    let (mut improvement, mut compliment, mut comments) = (Vec::new(), Vec::new(), Vec::new());
    for i in open {
        let n = normalize(columns[i].text());
        let has = |ws: &[&str]| ws.iter().any(|w| n.contains(w));
        if has(&[
            "verbeter",
            "beter",
            "improve",
            "tip",
            "suggest",
            "anders",
            "minder goed",
        ]) {
            improvement.push(columns[i].name.clone());
        } else if has(&[
            "compliment",
            "goed ging",
            "was good",
            "what went well",
            "positief",
            "trots",
        ]) {
            compliment.push(columns[i].name.clone());
        } else {
            comments.push(columns[i].name.clone());
        }
        used.insert(i);
    }
    let title = first
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(|s| capitalise_first(&s.replace(['_', '-'], " ")))
        .unwrap_or_else(|| name.to_string());
    let cb = StarterCodebook {
        file: format!("{name}.toml"),
        name: name.to_string(),
        title,
        scales,
        themes,
        grade: grade.map(|q| items[q].id.clone()),
        recommend: recommend.map(|q| items[q].id.clone()),
        items,
        improvement,
        compliment,
        comments,
        care_types: BTreeMap::new(),
    };
    (cb, unused)
}

/// Fewest rows with an answer and other answers before a correlation says anything.
const MIN_CORRELATED: usize = 30;
/// An item-rest correlation below this is a question asked the other way round.
const REVERSED_BELOW: f64 = -0.2;

/// Marks the items whose answers correlate negatively with the mean of the others: in a
/// questionnaire of satisfaction, a question worded negatively ("Moest u lang wachten?").
fn mark_reversed(items: &mut [ItemPlan], scales: &[ScalePlan], columns: &[Column]) {
    if items.len() < 3 {
        return;
    }
    let scores: Vec<Vec<Option<f64>>> = items
        .iter()
        .map(|item| {
            let shape = scales.iter().find(|s| s.id == item.scale).map(|s| &s.kind);
            let column = columns.iter().find(|c| c.name == item.column);
            match (shape, column) {
                (Some(shape), Some(c)) => c.values.iter().map(|v| unit_score(shape, v)).collect(),
                _ => Vec::new(),
            }
        })
        .collect();
    let rows = columns.first().map_or(0, |c| c.values.len());
    for (k, item) in items.iter_mut().enumerate() {
        let mut pairs: Vec<(f64, f64)> = Vec::new();
        for row in 0..rows {
            let Some(x) = scores[k].get(row).copied().flatten() else {
                continue;
            };
            let others: Vec<f64> = scores
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .filter_map(|(_, s)| s.get(row).copied().flatten())
                .collect();
            if !others.is_empty() {
                pairs.push((x, others.iter().sum::<f64>() / others.len() as f64));
            }
        }
        if pairs.len() < MIN_CORRELATED {
            continue;
        }
        if let Some(r) = prem_stats::correlation::pearson(&pairs).filter(|r| *r < REVERSED_BELOW) {
            item.reversed = Some(r);
        }
    }
}

/// An answer on 0–1 (1 best as the scale is written), None when it is no answer.
fn unit_score(shape: &ScaleShape, v: &str) -> Option<f64> {
    use crate::ingest::value::parse_number;
    match shape {
        ScaleShape::Numeric { min, max } => parse_number(v)
            .filter(|x| (*min..=*max).contains(x))
            .map(|x| (x - min) / (max - min)),
        ScaleShape::Ordinal { levels, .. } => level_score(levels, v),
        ScaleShape::Binary { levels } => level_score(levels, v),
    }
}

fn level_score(levels: &[String], v: &str) -> Option<f64> {
    let n = normalize(v);
    let k = levels.len();
    if k < 2 || n.is_empty() {
        return None;
    }
    let i = levels.iter().position(|l| normalize(l) == n)?;
    Some(i as f64 / (k - 1) as f64)
}

fn same_shape(a: &ScaleShape, b: &ScaleShape) -> bool {
    match (a, b) {
        (ScaleShape::Numeric { min: a0, max: a1 }, ScaleShape::Numeric { min: b0, max: b1 }) => {
            a0 == b0 && a1 == b1
        }
        (
            ScaleShape::Ordinal {
                levels: a,
                file_order: fa,
                ..
            },
            ScaleShape::Ordinal {
                levels: b,
                file_order: fb,
                ..
            },
        ) => {
            fa == fb
                && a.len() == b.len()
                && (!fa || a.iter().zip(b).all(|(x, y)| normalize(x) == normalize(y)))
        }
        (ScaleShape::Binary { .. }, ScaleShape::Binary { .. }) => true,
        _ => false,
    }
}

/// Keeps the spellings the data use: a level one column answers and another does not
/// takes the data's spelling over the vocabulary's name.
fn merge_levels(into: &mut ScaleShape, from: &ScaleShape) {
    if let (ScaleShape::Ordinal { levels: a, .. }, ScaleShape::Ordinal { levels: b, .. }) =
        (into, from)
    {
        for (x, y) in a.iter_mut().zip(b) {
            let capitalised_name = x.chars().next().is_some_and(char::is_uppercase)
                && normalize(x) == normalize(y)
                && x != y;
            if capitalised_name && y.chars().next().is_some_and(char::is_uppercase) {
                *x = y.clone();
            }
        }
    }
}

fn scale_id(shape: &ScaleShape) -> String {
    match shape {
        ScaleShape::Numeric { min, max } if *min == 1.0 && *max == 10.0 => "cijfer".into(),
        ScaleShape::Numeric { min, max } => format!("schaal_{}_{}", *min as i64, *max as i64),
        ScaleShape::Ordinal {
            levels,
            file_order: false,
            ..
        } => VOCAB_IDS
            .iter()
            .find(|(_, first)| levels.first().is_some_and(|l| normalize(l) == *first))
            .map_or("antwoorden", |(id, _)| id)
            .to_string(),
        ScaleShape::Ordinal { .. } => "antwoorden".into(),
        ScaleShape::Binary { .. } => "ja_nee".into(),
    }
}

/// Scale ids by the normalised worst level, so the id says what the scale is.
const VOCAB_IDS: &[(&str, &str)] = &[
    ("frequentie", "nooit"),
    ("mate", "helemaal niet"),
    ("eens", "helemaal oneens"),
    ("oordeel", "zeer slecht"),
    ("tevredenheid", "zeer ontevreden"),
    ("frequency", "never"),
    ("agreement", "strongly disagree"),
    ("quality", "very poor"),
    ("satisfaction", "very dissatisfied"),
    ("extent", "not at all"),
];

fn unique_id<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut id = base.to_string();
    let mut k = 2;
    while taken.clone().any(|t| t == id) {
        id = format!("{base}_{k}");
        k += 1;
    }
    id
}

/// An id from a column name (a code such as `tevr[SQ001]` or `v1` as it is), else from the
/// first words of the question.
fn short_id(name: &str, label: Option<&str>) -> String {
    let code = !name.contains(' ') && name.chars().count() <= 24;
    let source = if code || label.is_none() {
        name
    } else {
        label.unwrap_or(name)
    };
    let words: Vec<String> = slug(source)
        .split('-')
        .filter(|w| !w.is_empty() && (code || !STOP.contains(w)))
        .take(4)
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "vraag".into()
    } else {
        words.join("_")
    }
}

/// Words that say nothing about a question's subject.
const STOP: &[&str] = &[
    "de",
    "het",
    "een",
    "u",
    "uw",
    "van",
    "en",
    "in",
    "op",
    "met",
    "voor",
    "door",
    "bij",
    "te",
    "aan",
    "werd",
    "was",
    "kreeg",
    "heeft",
    "had",
    "hebt",
    "bent",
    "is",
    "er",
    "over",
    "dat",
    "die",
    "of",
    "om",
    "tijdens",
    "wat",
    "hoe",
    "welk",
    "welke",
    "the",
    "a",
    "an",
    "you",
    "your",
    "were",
    "was",
    "did",
    "do",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "by",
    "with",
    "how",
    "what",
    "voldoende",
    "goed",
    "zich",
    "ons",
    "wij",
    "we",
    "na",
    "at",
    "are",
    "have",
    "had",
    "been",
    "zijn",
    "wordt",
    "worden",
    "mee",
    "naar",
];

/// A stem shared by several questions: the text before `: `, ` - `, ` – ` or ` | `
/// (3–60 characters), a LimeSurvey array's code (`tevr` of `tevr[SQ001]`), or the part
/// before `_` of a code.
fn stem(c: &Column) -> Option<String> {
    if let Some((code, _)) = c.name.split_once('[') {
        if c.name.ends_with(']') && !code.is_empty() {
            return Some(code.to_string());
        }
    }
    let text = c.text();
    for sep in [": ", " - ", " – ", " | "] {
        if let Some((head, tail)) = text.split_once(sep) {
            let n = head.trim().chars().count();
            if (3..=60).contains(&n) && !tail.trim().is_empty() {
                return Some(head.trim().to_string());
            }
        }
    }
    if !c.name.contains(' ') {
        if let Some((head, tail)) = c.name.split_once('_') {
            if !head.is_empty() && !tail.is_empty() {
                return Some(head.to_string());
            }
        }
    }
    None
}

/// Up to five long, telling words of a theme's questions: they tie open answers to it.
fn keywords(texts: &[&str]) -> Vec<String> {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for t in texts {
        for w in normalize(t).split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() >= 6 && !STOP.contains(&w) {
                *count.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(usize, String)> = count.into_iter().map(|(w, n)| (n, w)).collect();
    words.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.chars().count().cmp(&a.1.chars().count()))
            .then(a.1.cmp(&b.1))
    });
    words.into_iter().take(5).map(|(_, w)| w).collect()
}

fn shorten(text: &str, max: usize) -> String {
    let t = text.trim().trim_end_matches('?').trim();
    if t.chars().count() <= max {
        return t.to_string();
    }
    let mut out = String::new();
    for w in t.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    format!("{out}…")
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A starter's files exist already.
pub fn existing(dir: &Path, starter: &Starter) -> Vec<PathBuf> {
    std::iter::once("prem.toml".to_string())
        .chain(starter.codebooks.iter().map(|(f, _)| f.clone()))
        .map(|f| dir.join(f))
        .filter(|p| p.exists())
        .collect()
}

/// Writes the starter's files into `dir`; returns their paths, prem.toml first.
pub fn write_files(dir: &Path, starter: &Starter) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut written = Vec::new();
    let config = dir.join("prem.toml");
    crate::report::output::write_atomic(&config, starter.config.as_bytes())?;
    written.push(config);
    for (file, text) in &starter.codebooks {
        let path = dir.join(file);
        crate::report::output::write_atomic(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(path: &Path, columns: &[(&str, Vec<String>)]) -> Export {
        Export {
            path: path.to_path_buf(),
            sheet: None,
            header_row: 1,
            rows: columns.first().map_or(0, |c| c.1.len()),
            columns: columns
                .iter()
                .map(|(name, values)| Column {
                    name: name.to_string(),
                    label: None,
                    levels: Vec::new(),
                    values: values.clone(),
                })
                .collect(),
        }
    }

    /// A row per comment (the NHS FFT): respondents repeat by design, so the source reads
    /// them as one; a single repeat among many rows is a slip the data-quality list shows.
    #[test]
    fn several_rows_per_respondent_are_detected() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("fft.csv");
        std::fs::write(&p, "").unwrap();
        let ids = |repeat: usize| -> Vec<String> {
            (0..200)
                .map(|i| (if i < repeat { 0 } else { i }).to_string())
                .collect()
        };
        let answers: Vec<String> = (0..200).map(|i| ["Altijd", "Soms"][i % 2].into()).collect();
        let dates: Vec<String> = (0..200).map(|_| "2026-02-01".into()).collect();
        let plan_of = |repeat| {
            let e = export(
                &p,
                &[
                    ("Respondent ID", ids(repeat)),
                    ("Date", dates.clone()),
                    ("Q1", answers.clone()),
                ],
            );
            plan(&[e], tmp.path()).unwrap().sources[0].many_rows
        };
        assert_eq!(plan_of(60), Some((200, 141)));
        assert_eq!(plan_of(2), None);
    }

    #[test]
    fn files_of_one_kind_become_one_glob_that_next_years_files_match() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::create_dir_all(dir.join("exports")).unwrap();
        let mut group = Vec::new();
        for q in ["2026-Q1", "2026-Q2"] {
            let p = dir.join(format!("exports/prem-{q}.csv"));
            std::fs::write(&p, "").unwrap();
            group.push(export(&p, &[]));
        }
        let refs: Vec<&Export> = group.iter().collect();
        assert_eq!(file_patterns(&refs, dir), ["exports/prem-*.csv"]);
        // Another file the glob would also match: the files are listed instead.
        std::fs::write(dir.join("exports/prem-oud.csv"), "").unwrap();
        assert_eq!(
            file_patterns(&refs, dir),
            ["exports/prem-2026-Q1.csv", "exports/prem-2026-Q2.csv"]
        );
        let mut taken = HashSet::new();
        assert_eq!(source_name(&group[0], &mut taken), "prem");
        assert_eq!(source_name(&group[1], &mut taken), "prem-2");
    }

    /// Question stems group questions into themes; codes keep their own ids.
    #[test]
    fn stems_and_ids() {
        let col = |name: &str, label: Option<&str>| Column {
            name: name.into(),
            label: label.map(String::from),
            levels: Vec::new(),
            values: Vec::new(),
        };
        assert_eq!(stem(&col("tevr[SQ001]", None)).as_deref(), Some("tevr"));
        assert_eq!(
            stem(&col("Tijdens de bevalling: Werd u gehoord?", None)).as_deref(),
            Some("Tijdens de bevalling")
        );
        assert_eq!(
            stem(&col("v3", Some("Kraamzorg - Kwam zij op tijd?"))).as_deref(),
            Some("Kraamzorg")
        );
        assert_eq!(stem(&col("kraam_voeding", None)).as_deref(), Some("kraam"));
        assert_eq!(stem(&col("Werd u gehoord?", None)), None);
        assert_eq!(short_id("tevr[SQ001]", None), "tevr_sq001");
        assert_eq!(short_id("v1", Some("Werd u met respect behandeld?")), "v1");
        assert_eq!(
            short_id("Werd u met respect behandeld door de verloskundige?", None),
            "respect_behandeld_verloskundige"
        );
    }

    /// Care-type prefixes: the usual abbreviations and words, not any prefix.
    #[test]
    fn care_type_prefixes() {
        let kind = |name: &str| split_prefix(name).map(|(k, p, rest)| (CARE_TYPES[k], p, rest));
        assert_eq!(
            kind("VP_info1"),
            Some(("verloskundigenpraktijk", "VP_".into(), "info1".into()))
        );
        assert_eq!(kind("ZH_info1").map(|k| k.0), Some("ziekenhuis"));
        assert_eq!(kind("KZ_info1").map(|k| k.0), Some("kraamzorg"));
        assert_eq!(
            kind("Kraamzorg: Werd u gehoord?"),
            Some(("kraamzorg", "Kraamzorg: ".into(), "Werd u gehoord?".into()))
        );
        assert_eq!(kind("tevr_info1"), None);
        assert_eq!(kind("Tijdens de bevalling: Werd u gehoord?"), None);
    }

    /// A built-in codebook is taken when at least half its questions are columns, also
    /// under its care-type prefixes (wide PREM).
    #[test]
    fn built_in_codebooks_are_recognised() {
        let cols = |names: Vec<String>| -> Vec<Column> {
            names
                .into_iter()
                .map(|name| Column {
                    name,
                    label: None,
                    levels: Vec::new(),
                    values: Vec::new(),
                })
                .collect()
        };
        let of = |name: &str| {
            Codebook::parse(
                crate::config::codebook::Codebook::builtin_text(name).unwrap(),
                Path::new(name),
            )
            .unwrap()
        };
        let reproq = of("reproq");
        let names: Vec<String> = reproq.items.iter().map(|i| i.columns[0].clone()).collect();
        let (cb, found, total, wide) = builtin_match(&cols(names.clone())).unwrap();
        assert_eq!(
            (cb.name.as_str(), found, total, wide),
            ("reproq", total, reproq.items.len(), false)
        );
        // Fewer than half: not that codebook.
        let few = names[..names.len() / 2 - 1].to_vec();
        assert!(builtin_match(&cols(few)).is_none());
        let prem = of("prem-geboortezorg");
        let wide_names: Vec<String> = prem
            .items
            .iter()
            .flat_map(|i| ["VP_", "ZH_", "KZ_"].map(|p| format!("{p}{}", i.columns[0])))
            .collect();
        let (cb, _, _, wide) = builtin_match(&cols(wide_names)).unwrap();
        assert_eq!((cb.name.as_str(), wide), ("prem-geboortezorg", true));
        let fft = cols(vec!["FFT categorical answer".into(), "FFT answer".into()]);
        assert_eq!(builtin_match(&fft).unwrap().0.name, "nhs-fft");
    }
}
