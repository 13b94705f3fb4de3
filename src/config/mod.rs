//! `prem.toml`: one analysis (a region of collaborating VSVs, or one VSV).
//!
//! Unknown keys are an error naming the key and the file: a typo must never silently switch
//! a setting off. Paths and globs are relative to the file.

pub mod codebook;
pub mod vocabulary;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::error::{ConfigProblem, Error, Result, SourceProblem, TomlProblem};
use crate::i18n::Language;
use crate::period::PeriodKind;

/// A value prem.toml or a codebook holds where `prem init` could not guess: the check
/// refuses it and names the line.
pub const QUESTION: &str = "?";

/// The whole configuration, as read from `prem.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `[analysis]`: name, period, language, output folder.
    pub analysis: AnalysisSettings,
    /// `[targets]`: theme id → target score (0–10); a theme below it is flagged.
    #[serde(default)]
    pub targets: BTreeMap<String, f64>,
    /// `[privacy]`: small-cell thresholds.
    #[serde(default)]
    pub privacy: Privacy,
    /// `[quotes]`: client quotes in the agenda.
    #[serde(default)]
    pub quotes: Quotes,
    /// `[[source]]`: the exports.
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
    /// `[[peer]]`: aggregate files shared by collaborating VSVs (`prem share`).
    #[serde(rename = "peer", default)]
    pub peers: Vec<Peer>,
    /// `[casemix]`: the standard population of case-mix standardisation.
    #[serde(default)]
    pub casemix: CaseMixSettings,
    /// `[benchmark]`: the national reference.
    #[serde(default)]
    pub benchmark: Benchmark,
    /// The file this was read from.
    #[serde(skip)]
    pub path: PathBuf,
    /// The output folder given on the command line (`--out`), which replaces
    /// `[analysis] output` in [`Config::output_dir`]. Not part of the configuration a
    /// manifest records.
    #[serde(skip)]
    pub out: Option<PathBuf>,
}

/// `[analysis]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisSettings {
    /// Title of the reports, e.g. "Regio Noord".
    pub name: String,
    /// Reporting period: quarter (default), month, half or year.
    #[serde(default)]
    pub period: PeriodKind,
    /// Language of everything the reports show: nl (default) or en.
    #[serde(default)]
    pub language: Language,
    /// Output folder, relative to prem.toml (default "reports").
    #[serde(default = "default_output")]
    pub output: PathBuf,
    /// The network's *waarom*, shown atop every agenda.
    #[serde(default)]
    pub why: Option<String>,
    /// Minimal important difference on the 0–10 score (default 0.45).
    #[serde(default = "default_mid")]
    pub mid: f64,
    /// Fewest periods an SPC chart needs for limits and a signal (default 12, as NHS
    /// "Making Data Count"); shorter series show their points and mean only.
    #[serde(default = "default_spc_min_points")]
    pub spc_min_points: usize,
    /// The actions register, relative to prem.toml (default `acties.csv` when it exists).
    #[serde(default)]
    pub actions: Option<PathBuf>,
    /// The participation register, relative to prem.toml (default `participatie.csv` when
    /// it exists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<PathBuf>,
    /// What the units of the exports are called in the reports (default "VSV"), e.g.
    /// "Trust" or "praktijk".
    #[serde(default)]
    pub unit: Option<String>,
    /// Its plural, when it is not the singular plus "s" (or "'s" in Dutch after a vowel or
    /// a capital).
    #[serde(default)]
    pub units: Option<String>,
}

impl AnalysisSettings {
    /// The unit noun, singular and plural, in the report language.
    pub fn unit_nouns(&self) -> (String, String) {
        self.language
            .unit_nouns(self.unit.as_deref(), self.units.as_deref())
    }
}

fn default_output() -> PathBuf {
    PathBuf::from("reports")
}

fn default_mid() -> f64 {
    0.45
}

fn default_spc_min_points() -> usize {
    crate::spc::DEFAULT_MIN_POINTS
}

/// `[quotes]`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quotes {
    /// Most quotes per improvement point or strength (default 2, so the agenda's main part
    /// keeps to two pages; 0 = none).
    #[serde(default = "default_max_quotes")]
    pub max: usize,
    /// Names to remove from quotes (staff, places), besides e-mail addresses, phone
    /// numbers, BSN-like numbers, postcodes and dates, which are always removed.
    #[serde(default)]
    pub names: Vec<String>,
    /// Theme id → keywords that match a quote to the theme, replacing the codebook's.
    #[serde(default)]
    pub keywords: BTreeMap<String, Vec<String>>,
    /// Whose decision a quote needs: `required` (default: only texts the officer approved
    /// in the comments workbook) or `auto` (prem's proposal until she decides).
    #[serde(default)]
    pub review: ReviewMode,
}

/// `[quotes] review`: which open answers may be quoted before the officer has looked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewMode {
    /// prem's proposal stands until the officer decides.
    Auto,
    /// Only texts the officer approved. The default: free text is guilty until a person
    /// approved it, as no word list finds every disclosure (measured: 40% of a held-out
    /// set of indirect ones, `tests/safeguarding_recall.rs`).
    #[default]
    Required,
}

impl Default for Quotes {
    fn default() -> Self {
        Quotes {
            max: default_max_quotes(),
            names: Vec::new(),
            keywords: BTreeMap::new(),
            review: ReviewMode::Required,
        }
    }
}

fn default_max_quotes() -> usize {
    2
}

/// `[[peer]]`: collaborating VSVs' shared aggregates, units of the region like the VSVs of
/// the exports.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Peer {
    /// Files or globs relative to prem.toml, e.g. `["gedeeld/*.json"]`.
    pub files: Vec<String>,
    /// The codebooks the shared files were made with (built-in names or files), for a
    /// config without `[[source]]` (a regional coordinator); with sources, theirs are used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codebooks: Vec<String>,
}

/// `[benchmark]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// The national means per theme and period as mijnPerined shows them
    /// (`thema;periode;gemiddelde[;n;sd]`), relative to prem.toml.
    #[serde(default)]
    pub national: Option<PathBuf>,
}

/// `[casemix]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CaseMixSettings {
    /// A standard population (`pariteit;leeftijd;gewicht`), relative to prem.toml. None:
    /// the pooled mix of the analysis' own respondents, which peers cannot share (so a
    /// config with `[[peer]]` needs this).
    #[serde(default)]
    pub standard: Option<PathBuf>,
}

/// `[privacy]`.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// Below: nothing of the cell is shown (default 10, never below 5).
    #[serde(default = "default_min_n")]
    pub min_n: u32,
    /// Below: shown as *indicatief*, no banding, no significance claims (default 30).
    #[serde(default = "default_indicative_n")]
    pub indicative_n: u32,
}

fn default_min_n() -> u32 {
    10
}

fn default_indicative_n() -> u32 {
    30
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy {
            min_n: default_min_n(),
            indicative_n: default_indicative_n(),
        }
    }
}

/// `[[source]]`: one kind of export, read with one codebook.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Label used in reports, e.g. "prem".
    pub name: String,
    /// Globs relative to prem.toml; .csv .txt .tsv .xlsx .xls .ods .sav .zsav.
    pub files: Vec<String>,
    /// A built-in codebook's name, or a path to a codebook TOML.
    pub codebook: String,
    /// Spreadsheets: the sheet to read (default: the first).
    #[serde(default)]
    pub sheet: Option<String>,
    /// 1-based row holding the column names (default 1).
    #[serde(default = "default_header_row")]
    pub header_row: usize,
    /// Order of day and month in dates written with `-` or `/`. Unset: day first, unless a
    /// file's own dates prove otherwise; a file that mixes both orders has its ambiguous
    /// dates (05-06-2021) reported and left out rather than guessed.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
    /// Level on the participatieladder, listed in the agenda.
    #[serde(default)]
    pub participation: Option<ParticipationLevel>,
    /// Rows per respondent (and care type): `one` (default; a second row is a duplicate,
    /// counted once and listed in the data-quality report) or `many` (an export with a row
    /// per comment, as the NHS FFT: later rows of a respondent read already are merged
    /// into her first, without an entry each).
    // Left out of the manifest when it is the default, so older manifests stay the same.
    #[serde(default, skip_serializing_if = "RowsPerRespondent::is_one")]
    pub rows_per_respondent: RowsPerRespondent,
    /// Canonical field → column name in this export.
    #[serde(default)]
    pub columns: Fields,
    /// Canonical field → fixed value, for fields the export lacks.
    #[serde(default)]
    pub values: Fields,
}

fn default_header_row() -> usize {
    1
}

/// The canonical fields of a respondent (spec §3). Each is optional; `date` must come from
/// a column or a value, and so must `vsv`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    pub respondent: Option<String>,
    pub vsv: Option<String>,
    pub organisation: Option<String>,
    pub care_type: Option<String>,
    pub date: Option<String>,
    pub parity: Option<String>,
    pub age: Option<String>,
    pub education: Option<String>,
    pub place_of_birth: Option<String>,
}

/// Order of day and month in `01-02-2026` style dates. Dutch exports write day first.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day, month, year (Dutch; default).
    #[default]
    Dmy,
    /// Month, day, year (American exports).
    Mdy,
}

/// `rows_per_respondent`.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RowsPerRespondent {
    /// One row per respondent (and care type); another is a duplicate.
    #[default]
    One,
    /// Several rows per respondent by design (one per comment).
    Many,
}

impl RowsPerRespondent {
    fn is_one(&self) -> bool {
        *self == RowsPerRespondent::One
    }
}

/// A step of the participatieladder, lowest first: the level a source represents
/// (`participation` in prem.toml) and the level of an activity in `participatie.csv`
/// (`niveau`). Its id (serde and strum) is the Dutch word; the register also reads the
/// English ones.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    IntoStaticStr,
    EnumString,
    EnumIter,
)]
pub enum ParticipationLevel {
    #[serde(rename = "informeren")]
    #[strum(to_string = "informeren", serialize = "inform")]
    Inform,
    #[serde(rename = "raadplegen")]
    #[strum(to_string = "raadplegen", serialize = "consult")]
    Consult,
    #[serde(rename = "adviseren")]
    #[strum(to_string = "adviseren", serialize = "advise")]
    Advise,
    #[serde(rename = "coproduceren")]
    #[strum(
        to_string = "coproduceren",
        serialize = "coproduce",
        serialize = "co-produce"
    )]
    Coproduce,
    #[serde(rename = "meebeslissen")]
    #[strum(
        to_string = "meebeslissen",
        serialize = "co-decide",
        serialize = "codecide"
    )]
    CoDecide,
    #[serde(rename = "zelfbeheer")]
    #[strum(
        to_string = "zelfbeheer",
        serialize = "self-management",
        serialize = "self management"
    )]
    SelfManagement,
}

/// The sections a prem.toml may have.
const SECTIONS: [&str; 8] = [
    "analysis",
    "targets",
    "privacy",
    "quotes",
    "source",
    "peer",
    "casemix",
    "benchmark",
];

/// The first section header (`[name]`, `[[name]]`, `[name.sub]`) whose name is not one of
/// [`SECTIONS`], with its line and the closest one.
fn unknown_section(text: &str) -> Option<ConfigProblem> {
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        let t = t.split_once('#').map_or(t, |(head, _)| head).trim_end();
        let (double, inner) = match (t.strip_prefix("[["), t.strip_prefix('[')) {
            (Some(rest), _) => (true, rest.strip_suffix("]]")?),
            (None, Some(rest)) => (false, rest.strip_suffix(']')?),
            _ => continue,
        };
        let root = inner
            .split('.')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        let plain = !root.is_empty()
            && root
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !plain || SECTIONS.contains(&root) {
            continue;
        }
        let closest = SECTIONS
            .iter()
            .map(|s| (strsim::levenshtein(&root.to_ascii_lowercase(), s), *s))
            .min()
            .filter(|(d, _)| *d <= 3)
            .map(|(_, s)| s.to_string());
        return Some(ConfigProblem::UnknownSection {
            line: i + 1,
            found: if double {
                format!("[[{inner}]]")
            } else {
                format!("[{inner}]")
            },
            closest,
        });
    }
    None
}

/// The first value `prem init` left as a question (`key = "?"`), with its line and the
/// comment line above it (what is asked).
fn open_question(text: &str) -> Option<ConfigProblem> {
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let code = line.split_once('#').map_or(*line, |(head, _)| head);
        let Some((key, value)) = code.split_once('=') else {
            continue;
        };
        if value.trim() != format!("\"{}\"", QUESTION) {
            continue;
        }
        let question = i
            .checked_sub(1)
            .and_then(|j| lines.get(j))
            .and_then(|l| l.trim().strip_prefix('#'))
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        return Some(ConfigProblem::OpenQuestion {
            line: i + 1,
            key: key.trim().to_string(),
            question,
        });
    }
    None
}

impl Config {
    /// The codebook of every source; for a config of peers only, the codebooks `[[peer]]`
    /// names, once each.
    pub fn codebook_specs(&self) -> Vec<String> {
        if !self.sources.is_empty() {
            return self.sources.iter().map(|s| s.codebook.clone()).collect();
        }
        let mut specs: Vec<String> = Vec::new();
        for spec in self.peers.iter().flat_map(|p| &p.codebooks) {
            if !specs.contains(spec) {
                specs.push(spec.clone());
            }
        }
        specs
    }

    /// Reads and checks `prem.toml`.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::io(path, source))?;
        let mut config = Config::parse(&text, path)?;
        config.path = path.to_path_buf();
        Ok(config)
    }

    /// Parses and checks the text of a `prem.toml`; `path` is used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        // Before TOML: a misspelt section (`[[sources]]`) makes toml report a later line.
        if let Some(problem) = unknown_section(text).or_else(|| open_question(text)) {
            return Err(Error::config(path, problem));
        }
        let config: Config = toml::from_str(text)
            .map_err(|e| Error::config(path, ConfigProblem::Toml(TomlProblem::of(&e, text))))?;
        config.check(path)?;
        Ok(config)
    }

    /// The folder paths in the config are relative to.
    pub fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        }
    }

    /// The output folder, resolved against the config's folder ("a/../reports" becomes
    /// "reports", so messages show the folder a user would type).
    pub fn output_dir(&self) -> PathBuf {
        if let Some(out) = &self.out {
            return out.clone();
        }
        let mut out = PathBuf::new();
        for c in self.dir().join(&self.analysis.output).components() {
            match c {
                std::path::Component::ParentDir
                    if matches!(
                        out.components().next_back(),
                        Some(std::path::Component::Normal(_))
                    ) =>
                {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                other => out.push(other),
            }
        }
        if out.as_os_str().is_empty() {
            out.push(".");
        }
        out
    }

    fn check(&self, path: &Path) -> Result<()> {
        self.problem()
            .map_or(Ok(()), |p| Err(Error::config(path, p)))
    }

    /// The first impossible setting, if any.
    fn problem(&self) -> Option<ConfigProblem> {
        if self.analysis.name.trim().is_empty() {
            return Some(ConfigProblem::EmptyName);
        }
        let mid = self.analysis.mid;
        if !(mid.is_finite() && mid >= 0.0) {
            return Some(ConfigProblem::Mid { mid });
        }
        let p = self.privacy;
        if p.min_n < 5 {
            return Some(ConfigProblem::MinN { min_n: p.min_n });
        }
        if p.indicative_n < p.min_n {
            return Some(ConfigProblem::IndicativeN {
                indicative_n: p.indicative_n,
                min_n: p.min_n,
            });
        }
        if self.sources.is_empty() && self.peers.is_empty() {
            return Some(ConfigProblem::NoSource);
        }
        if self.sources.is_empty() && self.peers.iter().all(|p| p.codebooks.is_empty()) {
            return Some(ConfigProblem::PeersNeedCodebooks);
        }
        if !self.peers.is_empty() && self.casemix.standard.is_none() {
            return Some(ConfigProblem::PeersNeedStandard);
        }
        if self.peers.iter().any(|p| p.files.is_empty()) {
            return Some(ConfigProblem::PeerNoFiles);
        }
        let mut names = std::collections::BTreeSet::new();
        for (i, s) in self.sources.iter().enumerate() {
            let problem = if !names.insert(s.name.as_str()) {
                SourceProblem::NameTwice
            } else if s.files.is_empty() {
                SourceProblem::NoFiles
            } else if s.header_row == 0 {
                SourceProblem::HeaderRowZero
            } else if s.columns.date.is_none() && s.values.date.is_none() {
                SourceProblem::NoDate
            } else if s.columns.vsv.is_none() && s.values.vsv.is_none() {
                SourceProblem::NoVsv
            } else {
                continue;
            };
            return Some(ConfigProblem::Source {
                index: i + 1,
                name: s.name.clone(),
                problem,
            });
        }
        self.targets
            .iter()
            .find(|(_, target)| !(0.0..=10.0).contains(*target))
            .map(|(theme, &target)| ConfigProblem::Target {
                theme: theme.clone(),
                target,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[analysis]
name = "Regio Noord"

[[source]]
name = "prem"
files = ["exports/*.csv"]
codebook = "prem-geboortezorg"
[source.columns]
date = "Datum"
vsv = "VSV"
"#;

    #[test]
    fn defaults_follow_the_spec() {
        let c = Config::parse(MINIMAL, Path::new("prem.toml")).unwrap();
        assert_eq!(c.privacy.min_n, 10);
        assert_eq!(c.privacy.indicative_n, 30);
        assert_eq!(c.analysis.mid, 0.45);
        assert_eq!(c.analysis.spc_min_points, 12);
        assert_eq!(c.analysis.output, PathBuf::from("reports"));
        assert_eq!(c.analysis.period, PeriodKind::Quarter);
        assert_eq!(c.analysis.language, Language::Nl);
        assert_eq!(c.sources[0].header_row, 1);
    }

    #[test]
    fn unknown_key_names_key_file_and_line() {
        let text = MINIMAL.replace("name = \"Regio Noord\"", "name = \"R\"\nlanguag = \"en\"");
        let e = Config::parse(&text, Path::new("regio/prem.toml")).unwrap_err();
        let Error::Config {
            path,
            problem: ConfigProblem::Toml(t),
        } = &e
        else {
            panic!("{e:?}");
        };
        assert_eq!(path, Path::new("regio/prem.toml"));
        assert_eq!(t.at.map(|a| a.0), Some(4));
        assert!(t.message.starts_with("unknown field `languag`"), "{t:?}");
        let m = crate::render::diagnostic::describe(&e, Language::Nl).message;
        assert!(m.starts_with("regio/prem.toml: regel 4, kolom 1"), "{m}");
        assert!(m.contains("onbekende sleutel"), "{m}");
    }

    #[test]
    fn output_dir_is_tidied() {
        let mut c = Config::parse(MINIMAL, Path::new("prem.toml")).unwrap();
        c.path = PathBuf::from("data-samples/prem.toml");
        c.analysis.output = PathBuf::from("../reports");
        assert_eq!(c.output_dir(), PathBuf::from("reports"));
        c.path = PathBuf::from("prem.toml");
        c.analysis.output = PathBuf::from("../reports");
        // "." + ".." cannot be tidied lexically without knowing the folder: kept.
        assert_eq!(c.output_dir(), PathBuf::from("../reports"));
    }

    #[test]
    fn min_n_below_five_is_refused() {
        let text = format!("{MINIMAL}\n[privacy]\nmin_n = 3\n");
        let e = Config::parse(&text, Path::new("prem.toml")).unwrap_err();
        assert!(
            matches!(
                e,
                Error::Config {
                    problem: ConfigProblem::MinN { min_n: 3 },
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(e.to_string().contains("min_n = 3"), "{e}");
    }

    #[test]
    fn missing_date_is_refused() {
        let text = MINIMAL.replace("date = \"Datum\"", "");
        let e = Config::parse(&text, Path::new("prem.toml")).unwrap_err();
        let m = crate::render::diagnostic::describe(&e, Language::Nl).message;
        assert_eq!(
            m,
            "prem.toml: [[source]] #1 (prem): geen datum: zet [source.columns] date = \"<kolom>\" (of [source.values] date)"
        );
    }
}
