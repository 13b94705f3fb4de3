//! `prem share`: a VSV's published figures as one file another VSV (or a regional
//! coordinator) can compare with, without any respondent's data leaving the VSV (spec §10).
//!
//! The file (`prem-aggregate/1`, JSON) holds, per VSV × period × measure (× care type),
//! exactly the cells the VSV's own disclosure publishes, as sufficient statistics: n, mean,
//! sum of squared deviations, top-box and problem counts and the case-mix standardised
//! mean; per score over care types its distinct respondents, the care types it covers and
//! its answer counts; and the response counts. A hidden cell is absent, not empty. There
//! are no respondent rows, keys, organisations, dates finer than a period, or open answers.
//! From these, [`crate::analysis::peer`] rebuilds the VSV's cells, and the region is their sum
//! ([`crate::analysis::disclosure::part::Part`]), so a comparison from shared files publishes the same
//! numbers as pooling the rows.

use serde::{Deserialize, Serialize};

use crate::analysis::score::Measure;
use crate::config::codebook::Codebook;
use crate::ingest::{Canonical, ItemRole};
use crate::period::Period;

/// The format id; a reader refuses any other.
pub const FORMAT: &str = "prem-aggregate/1";

/// One shared file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    /// Always [`FORMAT`].
    pub format: String,
    /// The program that wrote it.
    pub tool: Tool,
    /// `[analysis] name` of the config that shared.
    pub producer: String,
    /// The day it was made (YYYY-MM-DD).
    pub created: String,
    /// The VSVs in it, as their exports spell them.
    pub vsvs: Vec<String>,
    /// month, quarter, half or year.
    pub period_kind: String,
    /// Every period with data, up to the one shared, oldest first.
    pub periods: Vec<String>,
    /// The thresholds its cells were disclosed with.
    pub privacy: Thresholds,
    /// SHA-256 of the standard population its means were standardised against.
    pub standard: String,
    /// The codebooks of its measures.
    pub codebooks: Vec<CodebookIdentity>,
    /// Shown cells of a VSV, per care type (none: a source without care types).
    pub cells: Vec<SharedCell>,
    /// Shown scores over care types.
    pub units: Vec<SharedUnit>,
    /// Shown response counts.
    pub responses: Vec<SharedResponse>,
    /// What the file publishes, for the publication ledger of the output folder (not in
    /// the file).
    #[serde(skip)]
    pub publishes: Vec<crate::analysis::ledger::Entry>,
    /// Per period: cells held back because an earlier release showed them with 1 to
    /// `min_n − 1` clients more or fewer (for the officer; not in the file).
    #[serde(skip)]
    pub held: Vec<(Period, usize)>,
}

/// The writing program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

/// `[privacy]` of the sharing config.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub min_n: u32,
    pub indicative_n: u32,
}

/// A codebook: its name, a hash of everything that decides a score, and the labels a
/// receiver shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookIdentity {
    pub name: String,
    /// SHA-256 of the scales, themes (id and items), items (id, theme, scale, reverse),
    /// the overall items and the age bands.
    pub hash: String,
    /// Theme ids and labels, in codebook order.
    pub themes: Vec<Label>,
}

/// An id with its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: String,
    pub label: String,
}

/// A shown VSV cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedCell {
    pub period: String,
    pub vsv: String,
    /// None for a source without care types.
    pub care_type: Option<String>,
    pub codebook: String,
    /// theme, item, grade or nps.
    pub measure: String,
    /// Theme or item id.
    pub id: String,
    pub n: u64,
    /// Mean on 0–10 (NPS: of the 0–10 answers).
    pub mean: f64,
    /// Sum of squared deviations from the mean.
    pub ssd: f64,
    /// Top-box answers (NPS: promoters).
    pub top: u64,
    /// Problem answers (NPS: detractors).
    pub problem: u64,
    /// Case-mix standardised mean (themes and the grade).
    pub std_mean: Option<f64>,
    /// Answers to the theme's items by kind (a theme of a source without care types,
    /// whose cell is the VSV's score; other scores carry them in [`SharedUnit`]).
    pub answers: Option<SharedAnswers>,
}

/// A shown VSV score over care types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedUnit {
    pub period: String,
    pub vsv: String,
    pub codebook: String,
    pub measure: String,
    pub id: String,
    /// Distinct respondents over the care types it covers.
    pub n: u64,
    /// The care types it averages.
    pub covers: Vec<String>,
    /// Answers to the theme's items by kind (themes only).
    pub answers: Option<SharedAnswers>,
}

/// Answer counts of a theme score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedAnswers {
    pub problem: u64,
    pub neutral: u64,
    pub positive: u64,
}

/// A shown response count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedResponse {
    pub period: String,
    pub vsv: String,
    pub codebook: String,
    pub n: u64,
}

/// The hash of what decides a codebook's scores (labels, texts and columns do not).
pub fn codebook_hash(cb: &Codebook) -> String {
    let themes: Vec<(&str, Vec<&str>)> = cb
        .themes
        .iter()
        .map(|t| {
            let items = cb
                .items
                .iter()
                .filter(|i| i.theme.as_deref() == Some(t.id.as_str()))
                .map(|i| i.id.as_str())
                .collect();
            (t.id.as_str(), items)
        })
        .collect();
    let items: Vec<(&str, Option<&str>, &str, bool)> = cb
        .items
        .iter()
        .map(|i| {
            (
                i.id.as_str(),
                i.theme.as_deref(),
                i.scale.as_str(),
                i.reverse,
            )
        })
        .collect();
    let identity = serde_json::json!({
        "name": cb.name,
        "scales": cb.scales,
        "themes": themes,
        "items": items,
        "overall": cb.overall,
        "age_bands": cb.background.age.bands,
    });
    format!(
        "sha256:{}",
        crate::ingest::files::sha256_hex(identity.to_string().as_bytes())
    )
}

/// The kind and id of a measure.
pub fn measure_id(data: &Canonical, m: Measure) -> (&'static str, &str) {
    let item = |i: u16| data.items.get(i as usize).map_or("", |it| it.id.as_str());
    match m {
        Measure::Theme(t) => (
            "theme",
            data.themes.get(t as usize).map_or("", |t| t.id.as_str()),
        ),
        Measure::Item(i) => ("item", item(i)),
        Measure::Grade(i) => ("grade", item(i)),
        Measure::Nps(i) => ("nps", item(i)),
    }
}

/// The measure of a kind and id in `data`, if it has it.
pub fn measure_of(data: &Canonical, kind: &str, id: &str) -> Option<Measure> {
    if kind == "theme" {
        let t = data.themes.iter().position(|t| t.id == id)?;
        return Some(Measure::Theme(t as u16));
    }
    let i = data.items.iter().position(|it| it.id == id)?;
    let role = data.items.get(i)?.role;
    let i = i as u16;
    match (kind, role) {
        ("item", _) => Some(Measure::Item(i)),
        ("grade", ItemRole::Grade) => Some(Measure::Grade(i)),
        ("nps", ItemRole::Recommend) => Some(Measure::Nps(i)),
        _ => None,
    }
}

/// The codebook name of a measure.
pub(crate) fn codebook_of(data: &Canonical, m: Measure) -> String {
    let source = match m {
        Measure::Theme(t) => data.themes.get(t as usize).map(|t| t.source),
        Measure::Item(i) | Measure::Grade(i) | Measure::Nps(i) => {
            data.items.get(i as usize).map(|it| it.source)
        }
    };
    source
        .and_then(|s| data.sources.get(s))
        .map_or_else(String::new, |s| s.codebook.name.clone())
}

/// The age-band bounds of the analysis (of its first codebook with the most bands).
pub fn age_bands(data: &Canonical) -> Vec<u32> {
    data.sources
        .iter()
        .map(|s| s.codebook.background.age.bands.clone())
        .max_by_key(Vec::len)
        .unwrap_or_default()
}
