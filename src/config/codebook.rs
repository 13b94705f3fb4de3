//! Codebooks: how an instrument's columns map to items, scales and themes.
//!
//! Two are built in (embedded in the binary, printable with `prem codebook show NAME` so a
//! user can copy and adapt them); any other is a TOML file named in prem.toml.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CodebookProblem, Error, Result, ScaleProblem, TomlProblem};

/// The built-in codebooks: name and TOML text.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "prem-geboortezorg",
        include_str!("codebooks/prem-geboortezorg.toml"),
    ),
    ("reproq", include_str!("codebooks/reproq.toml")),
    ("nhs-fft", include_str!("codebooks/nhs-fft.toml")),
];

/// An instrument: scales, themes, items, overall questions, open questions.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    /// Short name, e.g. "prem-geboortezorg".
    pub name: String,
    /// Title shown in reports.
    pub title: String,
    /// Answer scales by id.
    pub scales: BTreeMap<String, Scale>,
    /// Themes in report order.
    pub themes: Vec<Theme>,
    /// Items (questions).
    pub items: Vec<Item>,
    /// Overall rating and recommendation items.
    #[serde(default)]
    pub overall: Overall,
    /// Free-text columns.
    #[serde(default)]
    pub open: Open,
    /// Wide layout only: column prefix per care type.
    #[serde(default)]
    pub care_types: BTreeMap<String, String>,
    /// How background values are spelled, where the common forms are not enough.
    #[serde(default)]
    pub background: Background,
    /// Where the codebook came from (a built-in name or a path), for messages and the manifest.
    #[serde(skip)]
    pub origin: String,
}

/// An answer scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// numeric, ordinal or binary.
    #[serde(rename = "type")]
    pub kind: ScaleKind,
    /// Numeric: lowest answer.
    #[serde(default)]
    pub min: Option<f64>,
    /// Numeric: highest answer.
    #[serde(default)]
    pub max: Option<f64>,
    /// Numeric: an answer ≥ this counts as top box.
    #[serde(default)]
    pub positive_min: Option<f64>,
    /// Numeric: an answer ≤ this counts as a problem.
    #[serde(default)]
    pub problem_max: Option<f64>,
    /// Ordinal/binary: labels from worst to best.
    #[serde(default)]
    pub levels: Vec<String>,
    /// Ordinal/binary: labels counted as top box.
    #[serde(default)]
    pub positive: Vec<String>,
    /// Ordinal/binary: labels counted as a problem.
    #[serde(default)]
    pub problem: Vec<String>,
    /// Answers that mean "no answer" (left out of numerator and denominator).
    #[serde(default)]
    pub missing: Vec<String>,
    /// Ordinal: score (0–10) per level instead of even spacing.
    #[serde(default)]
    pub scores: Vec<f64>,
}

/// Kind of answer scale.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ScaleKind {
    Numeric,
    Ordinal,
    Binary,
}

/// A theme (subject) that items are grouped into.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Id used in tables, e.g. "informatievoorziening".
    pub id: String,
    /// Label shown in reports.
    pub label: String,
    /// Label in English reports (default: `label`).
    #[serde(default)]
    pub label_en: Option<String>,
    /// CQ-index importance (belangscore) 1–4, for the verbeterscore.
    #[serde(default)]
    pub importance: Option<f64>,
    /// Words that tie an open answer to this theme.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// True when the theme is not confirmed by a public source.
    #[serde(default)]
    pub assumed: bool,
}

/// One question.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Id used in tables.
    pub id: String,
    /// Theme id; none for overall questions (grade, recommendation).
    #[serde(default)]
    pub theme: Option<String>,
    /// Column names this item may have; the first present in an export is used.
    pub columns: Vec<String>,
    /// Question text.
    #[serde(default)]
    pub text: String,
    /// Scale id.
    pub scale: String,
    /// True when a low answer is good (the score is mirrored).
    #[serde(default)]
    pub reverse: bool,
    /// True when the item's text or columns are not confirmed by a public source.
    #[serde(default)]
    pub assumed: bool,
}

/// `[overall]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overall {
    /// Item id of the overall rating (rapportcijfer).
    #[serde(default)]
    pub grade: Option<String>,
    /// Item id of the 0–10 recommendation question (NPS).
    #[serde(default)]
    pub recommend: Option<String>,
}

/// `[open]`: free-text columns.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Open {
    /// Columns with improvement suggestions (first present is used).
    #[serde(default)]
    pub improvement: Vec<String>,
    /// Columns with compliments (first present is used).
    #[serde(default)]
    pub compliment: Vec<String>,
    // The keys below are left out of the manifest's codebook hash when unused, so codebooks
    // written before they existed keep their hash.
    /// Columns with comments of either kind ("Opmerkingen", "FFT answer"; first present is
    /// used): each text is quoted as a compliment or a complaint only when
    /// [`crate::text::polarity`] (or the `sentiment` column) places it clearly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<String>,
    /// The export's own sentiment of a comment, when it has one (e.g. the FFT's "Comment
    /// sentiment" 1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// Columns that flag a row for safeguarding (e.g. "Safeguarding concerns?"); every one
    /// present is read. A row is flagged by any value but empty, 0, nee/no, false, n.v.t.
    /// ([`crate::text::safeguarding::flagged`]); its open texts are never quoted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguarding: Vec<String>,
}

/// `[open.sentiment]`: a column with the export's own sentiment of each comment.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sentiment {
    /// The column name.
    pub column: String,
    /// Values meaning positive (e.g. "1", "2" in the FFT, where 1 is very positive).
    #[serde(default)]
    pub positive: Vec<String>,
    /// Values meaning negative.
    #[serde(default)]
    pub negative: Vec<String>,
}

/// `[background]`: spellings of background values beyond the common ones.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Background {
    #[serde(default)]
    pub parity: ParityMap,
    #[serde(default)]
    pub age: AgeBands,
}

/// `[background.parity]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ParityMap {
    /// Values meaning "first child".
    #[serde(default)]
    pub first: Vec<String>,
    /// Values meaning "not the first child".
    #[serde(default)]
    pub later: Vec<String>,
}

/// `[background.age]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBands {
    /// Lower bounds of the age bands after the first (default 25, 30, 35).
    #[serde(default = "default_bands")]
    pub bands: Vec<u32>,
}

fn default_bands() -> Vec<u32> {
    vec![25, 30, 35]
}

impl Default for AgeBands {
    fn default() -> Self {
        AgeBands {
            bands: default_bands(),
        }
    }
}

impl Codebook {
    /// The text of a built-in codebook.
    pub fn builtin_text(name: &str) -> Option<&'static str> {
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// Loads a built-in codebook by name, or a codebook TOML at `spec` relative to `dir`.
    pub fn resolve(spec: &str, dir: &Path) -> Result<Codebook> {
        if let Some(text) = Codebook::builtin_text(spec) {
            let mut cb = Codebook::parse(text, Path::new(spec))?;
            cb.origin = spec.to_string();
            return Ok(cb);
        }
        let path: PathBuf = dir.join(spec);
        let text = std::fs::read_to_string(&path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                let problem = CodebookProblem::NotFound {
                    spec: spec.to_string(),
                    known: builtin_names(),
                };
                Error::codebook(&path, problem)
            } else {
                Error::io(&path, source)
            }
        })?;
        let mut cb = Codebook::parse(&text, &path)?;
        // As written in prem.toml (relative to it), so reports do not depend on where the
        // command was run from.
        cb.origin = spec.to_string();
        Ok(cb)
    }

    /// Parses and checks a codebook; `path` is used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Codebook> {
        let cb: Codebook = toml::from_str(text)
            .map_err(|e| Error::codebook(path, CodebookProblem::Toml(TomlProblem::of(&e, text))))?;
        match cb.problem() {
            Some(p) => Err(Error::codebook(path, p)),
            None => Ok(cb),
        }
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Number of items of a theme.
    pub fn theme_size(&self, theme: &str) -> usize {
        self.items
            .iter()
            .filter(|i| i.theme.as_deref() == Some(theme))
            .count()
    }

    /// The first problem of the codebook, if any.
    fn problem(&self) -> Option<CodebookProblem> {
        use CodebookProblem as P;
        for (id, s) in &self.scales {
            if let Some(problem) = s.problem() {
                return Some(P::Scale {
                    id: id.clone(),
                    problem,
                });
            }
        }
        let mut themes = BTreeSet::new();
        for t in &self.themes {
            let id = t.id.clone();
            if !themes.insert(t.id.as_str()) {
                return Some(P::ThemeTwice { id });
            }
            if let Some(value) = t.importance.filter(|v| !(1.0..=4.0).contains(v)) {
                return Some(P::ThemeImportance { id, value });
            }
        }
        let mut items = BTreeSet::new();
        for i in &self.items {
            let id = i.id.clone();
            if !items.insert(i.id.as_str()) {
                return Some(P::ItemTwice { id });
            }
            if !self.scales.contains_key(&i.scale) {
                let scale = i.scale.clone();
                return Some(P::ItemScale { id, scale });
            }
            if let Some(t) = i.theme.as_ref().filter(|t| !themes.contains(t.as_str())) {
                let theme = t.clone();
                return Some(P::ItemTheme { id, theme });
            }
            if i.columns.is_empty() {
                return Some(P::ItemNoColumns { id });
            }
        }
        if let Some(t) = self.themes.iter().find(|t| self.theme_size(&t.id) == 0) {
            return Some(P::ThemeNoItems { id: t.id.clone() });
        }
        [
            ("grade", &self.overall.grade),
            ("recommend", &self.overall.recommend),
        ]
        .into_iter()
        .find_map(|(key, id)| {
            let id = id.as_ref().filter(|id| !items.contains(id.as_str()))?;
            Some(P::OverallNotItem {
                key: key.into(),
                id: id.clone(),
            })
        })
    }
}

/// The names of the built-in codebooks.
pub fn builtin_names() -> Vec<String> {
    BUILTIN.iter().map(|(n, _)| n.to_string()).collect()
}

impl Scale {
    /// What makes the scale unusable, if anything.
    fn problem(&self) -> Option<ScaleProblem> {
        match self.kind {
            ScaleKind::Numeric => {
                let (Some(min), Some(max)) = (self.min, self.max) else {
                    return Some(ScaleProblem::NeedsMinMax);
                };
                if min >= max {
                    return Some(ScaleProblem::MinNotBelowMax { min, max });
                }
            }
            ScaleKind::Ordinal | ScaleKind::Binary => {
                let levels = self.level_labels();
                if levels.len() < 2 {
                    return Some(ScaleProblem::TooFewLevels);
                }
                for l in self.positive.iter().chain(&self.problem) {
                    if !levels.iter().any(|x| x == l) {
                        return Some(ScaleProblem::UnknownLevel { level: l.clone() });
                    }
                }
                if !self.scores.is_empty() && self.scores.len() != levels.len() {
                    return Some(ScaleProblem::ScoresCount {
                        scores: self.scores.len(),
                        levels: levels.len(),
                    });
                }
            }
        }
        None
    }

    /// The level labels, worst first (binary scales default to nee/ja).
    pub fn level_labels(&self) -> Vec<String> {
        if self.kind == ScaleKind::Binary && self.levels.is_empty() {
            vec!["nee".into(), "ja".into()]
        } else {
            self.levels.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse_and_have_the_promised_shape() {
        let prem = Codebook::resolve("prem-geboortezorg", Path::new(".")).unwrap();
        assert_eq!(prem.themes.len(), 13);
        assert_eq!(prem.care_types.len(), 3);
        assert_eq!(prem.overall.grade.as_deref(), Some("rapportcijfer"));
        assert_eq!(prem.overall.recommend.as_deref(), Some("aanbevelen"));
        let certain: Vec<&str> = prem
            .themes
            .iter()
            .filter(|t| !t.assumed)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(
            certain,
            [
                "persoonlijke_aandacht",
                "informatievoorziening",
                "samen_beslissen",
                "vertrouwen"
            ]
        );
        let reproq = Codebook::resolve("reproq", Path::new(".")).unwrap();
        assert_eq!(reproq.themes.len(), 8);
        assert_eq!(reproq.scales["frequentie"].levels.len(), 4);
    }

    #[test]
    fn unknown_theme_is_named() {
        let text = Codebook::builtin_text("reproq").unwrap().replacen(
            "theme = \"waardigheid\"",
            "theme = \"waardigheit\"",
            1,
        );
        let e = Codebook::parse(&text, Path::new("mijn.toml")).unwrap_err();
        let Error::Codebook { path, problem } = &e else {
            panic!("{e:?}");
        };
        assert_eq!(path, Path::new("mijn.toml"));
        assert_eq!(
            *problem,
            CodebookProblem::ItemTheme {
                id: "wa1".into(),
                theme: "waardigheit".into()
            }
        );
    }

    #[test]
    fn missing_file_lists_builtins() {
        let m = Codebook::resolve("nope.toml", Path::new("/tmp"))
            .unwrap_err()
            .to_string();
        assert!(m.contains("prem-geboortezorg, reproq"), "{m}");
    }
}
