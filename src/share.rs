//! `prem share`: a VSV's published figures as one file another VSV (or a regional
//! coordinator) can compare with, without any respondent's data leaving the VSV (spec §10).
//!
//! The file (`prem-aggregate/1`, JSON) holds, per VSV × period × measure (× care type),
//! exactly the cells the VSV's own disclosure publishes, as sufficient statistics: n, mean,
//! sum of squared deviations, top-box and problem counts and the case-mix standardised
//! mean; per score over care types its distinct respondents, the care types it covers and
//! its answer counts; and the response counts. A hidden cell is absent, not empty. There
//! are no respondent rows, keys, organisations, dates finer than a period, or open answers.
//! From these, [`crate::peer`] rebuilds the VSV's cells, and the region is their sum
//! ([`crate::disclosure::Part`]), so a comparison from shared files publishes the same
//! numbers as pooling the rows.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codebook::Codebook;
use crate::config::Config;
use crate::disclosure::{AnswerCounts, Part};
use crate::error::{ConfigProblem, Error, Result, UsageProblem};
use crate::ingest::{Canonical, ItemRole};
use crate::period::Period;
use crate::score::{Measure, Tier};

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
    pub publishes: Vec<crate::ledger::Entry>,
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
        crate::ingest::sha256_hex(identity.to_string().as_bytes())
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
fn codebook_of(data: &Canonical, m: Measure) -> String {
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

/// Builds the file of every VSV in `config`'s exports, over every period up to `period`
/// (default: the latest), dated `created`.
pub fn aggregate(config: &Config, period: Option<Period>, created: NaiveDate) -> Result<Aggregate> {
    if config.casemix.standard.is_none() {
        return Err(Error::config(
            &config.path,
            ConfigProblem::ShareNeedsStandard,
        ));
    }
    let codebooks = crate::report::load_codebooks(config)?;
    let data = crate::ingest::ingest(config, &codebooks)?;
    aggregate_data(config, &data, period, created)
}

/// [`aggregate`] of data already read.
pub fn aggregate_data(
    config: &Config,
    data: &Canonical,
    period: Option<Period>,
    created: NaiveDate,
) -> Result<Aggregate> {
    let periods = data.periods();
    let last = match period {
        None => periods.last().copied(),
        Some(p) if p.kind != config.analysis.period => {
            return Err(Error::Usage(UsageProblem::PeriodKind {
                period: p,
                kind: config.analysis.period,
            }))
        }
        Some(p) if periods.contains(&p) => Some(p),
        Some(p) => {
            return Err(Error::Usage(UsageProblem::NoDataForPeriod {
                period: p,
                periods,
            }))
        }
    };
    let Some(last) = last else {
        let problem = crate::error::InputProblem::NoUsableRows {
            reasons: Vec::new(),
        };
        return Err(Error::input(&config.path, problem));
    };
    let Some(standard) = crate::standard::of_config(config, data)? else {
        return Err(Error::config(
            &config.path,
            ConfigProblem::ShareNeedsStandard,
        ));
    };
    let computed = crate::score::score(data);
    // A shared file is a release like a report: it keeps to what the reports from the same
    // output folder published before.
    let ledger = crate::ledger::Ledger::read(&config.output_dir())?;
    let places = crate::ledger::Places::of(&computed, data);
    let earlier = places.earlier(&ledger);
    let (mut scores, parts) = crate::disclosure::disclose_released(
        computed,
        Vec::new(),
        &config.privacy,
        None,
        Some(&earlier),
    );
    let publishes = places.published(&scores);
    let held = earlier.held();
    // The same proof as every report: nothing is shared that the audit would stop.
    crate::report::audited(&scores, config, data)?;
    scores.case_mix.standard = Some(standard.shares.clone());
    crate::compare::standardise(&mut scores, u64::from(config.privacy.min_n));
    let std: HashMap<(Period, u32, Option<u32>, Measure), f64> = scores
        .cells
        .iter()
        .filter(|c| c.tier != Tier::Suppressed && c.organisation.is_none())
        .filter_map(|c| {
            Some((
                (c.period, c.vsv?, c.care_type, c.measure),
                c.comparison.std_mean?,
            ))
        })
        .collect();
    let shared_periods: Vec<Period> = periods.into_iter().filter(|&p| p <= last).collect();
    let mut answers: HashMap<(Period, u32), Vec<Option<AnswerCounts>>> = HashMap::new();
    for &p in &shared_periods {
        for (unit, list) in crate::disclosure::answer_counts(data, &scores, p, &Default::default())
        {
            if let Some(v) = unit.vsv() {
                answers.insert((p, v), list);
            }
        }
    }
    let name = |id: u32| data.names.get(id).to_string();
    let mut out = Aggregate {
        format: FORMAT.to_string(),
        tool: Tool {
            name: "prem".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        producer: config.analysis.name.clone(),
        created: created.format("%Y-%m-%d").to_string(),
        vsvs: parts.iter().map(|p| name(p.vsv)).collect(),
        period_kind: config.analysis.period.id().to_string(),
        periods: shared_periods.iter().map(|p| p.to_string()).collect(),
        privacy: Thresholds {
            min_n: config.privacy.min_n,
            indicative_n: config.privacy.indicative_n,
        },
        standard: standard.sha256,
        codebooks: identities(data),
        cells: Vec::new(),
        units: Vec::new(),
        responses: Vec::new(),
        publishes: Vec::new(),
        held,
    };
    out.publishes = publishes
        .into_iter()
        .filter(|e| out.periods.contains(&e.period))
        .collect();
    for part in parts.iter().filter(|p| !p.cells.is_empty()) {
        write_part(&mut out, part, data, last, &std, &answers);
    }
    out.vsvs = parts
        .iter()
        .filter(|p| !p.cells.is_empty())
        .map(|p| name(p.vsv))
        .collect();
    Ok(out)
}

/// Checks `new` against the file shared before (`old`, the same VSVs): a cell, score or
/// response count of a period both hold whose n changed by 1 to `min_n − 1` would single
/// those respondents out to whoever has both files. With `keep_history`, the periods `old`
/// holds are taken from it unchanged instead, and only later periods come from `new`.
pub fn against_previous(
    new: &mut Aggregate,
    old: &Aggregate,
    min_n: u32,
    keep_history: bool,
) -> std::result::Result<(), crate::error::PeerProblem> {
    let shared: std::collections::BTreeSet<&String> = old.periods.iter().collect();
    if keep_history {
        let fresh = |p: &String| !shared.contains(p);
        new.cells.retain(|c| fresh(&c.period));
        new.units.retain(|u| fresh(&u.period));
        new.responses.retain(|r| fresh(&r.period));
        new.cells.extend(old.cells.iter().cloned());
        new.units.extend(old.units.iter().cloned());
        new.responses.extend(old.responses.iter().cloned());
        let mut periods: Vec<String> = new.periods.clone();
        periods.extend(old.periods.iter().cloned());
        periods.sort_by_key(|p| Period::parse(p));
        periods.dedup();
        new.periods = periods;
        let key = |p: &String| Period::parse(p);
        new.cells.sort_by_key(|a| key(&a.period));
        new.units.sort_by_key(|a| key(&a.period));
        new.responses.sort_by_key(|a| key(&a.period));
        return Ok(());
    }
    let small = |a: u64, b: u64| a != b && a.abs_diff(b) < u64::from(min_n);
    let before: HashMap<CountKey, u64> = counts(old).collect();
    let now = counts(new);
    for (key, n) in now {
        if let Some(&was) = before.get(&key) {
            if small(was, n) {
                let (period, vsv, ct, measure, id) = key;
                let what = match ct {
                    Some(ct) => format!("{measure} {id} ({ct})"),
                    None => format!("{measure} {id}"),
                };
                return Err(crate::error::PeerProblem::SmallRevision {
                    vsv: vsv.to_string(),
                    period: period.to_string(),
                    what,
                    old: was,
                    new: n,
                });
            }
        }
    }
    Ok(())
}

/// Where a count of a file sits: (period, VSV, care type, measure, id).
type CountKey<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, &'a str);

/// Every n of a file (cells, scores over care types, response counts) with its place.
fn counts(a: &Aggregate) -> impl Iterator<Item = (CountKey<'_>, u64)> {
    let cells = a.cells.iter().map(|c| {
        let key = (
            &*c.period,
            &*c.vsv,
            c.care_type.as_deref(),
            &*c.measure,
            &*c.id,
        );
        (key, c.n)
    });
    let units = a
        .units
        .iter()
        .map(|u| ((&*u.period, &*u.vsv, None, &*u.measure, &*u.id), u.n));
    let responses = a
        .responses
        .iter()
        .map(|r| ((&*r.period, &*r.vsv, None, "responses", &*r.codebook), r.n));
    cells.chain(units).chain(responses)
}

/// The age-band bounds of the analysis (of its first codebook with the most bands).
pub fn age_bands(data: &Canonical) -> Vec<u32> {
    data.sources
        .iter()
        .map(|s| s.codebook.background.age.bands.clone())
        .max_by_key(Vec::len)
        .unwrap_or_default()
}

/// The identity of every codebook of the analysis, once each.
fn identities(data: &Canonical) -> Vec<CodebookIdentity> {
    let mut seen = BTreeMap::new();
    for s in &data.sources {
        seen.entry(s.codebook.name.clone())
            .or_insert_with(|| CodebookIdentity {
                name: s.codebook.name.clone(),
                hash: codebook_hash(&s.codebook),
                themes: s
                    .codebook
                    .themes
                    .iter()
                    .map(|t| Label {
                        id: t.id.clone(),
                        label: t.label.clone(),
                    })
                    .collect(),
            });
    }
    seen.into_values().collect()
}

fn write_part(
    out: &mut Aggregate,
    part: &Part,
    data: &Canonical,
    last: Period,
    std: &HashMap<(Period, u32, Option<u32>, Measure), f64>,
    answers: &HashMap<(Period, u32), Vec<Option<AnswerCounts>>>,
) {
    let name = |id: u32| data.names.get(id).to_string();
    let vsv = name(part.vsv);
    let counts = |period: Period, m: Measure| match m {
        Measure::Theme(t) => answers
            .get(&(period, part.vsv))
            .and_then(|list| list.get(t as usize).copied().flatten())
            .map(|c| SharedAnswers {
                problem: c.problem,
                neutral: c.neutral,
                positive: c.positive,
            }),
        _ => None,
    };
    for c in part.cells.iter().filter(|c| c.period <= last) {
        let (kind, id) = measure_id(data, c.measure);
        let a = c.sums;
        let mean = a.sum / a.n as f64;
        out.cells.push(SharedCell {
            period: c.period.to_string(),
            vsv: vsv.clone(),
            care_type: c.care_type.map(name),
            codebook: codebook_of(data, c.measure),
            measure: kind.into(),
            id: id.into(),
            n: a.n,
            mean,
            ssd: (a.sum_sq - a.sum * mean).max(0.0),
            top: a.top,
            problem: a.problem,
            std_mean: std
                .get(&(c.period, part.vsv, c.care_type, c.measure))
                .copied(),
            answers: c
                .care_type
                .map_or_else(|| counts(c.period, c.measure), |_| None),
        });
    }
    for u in part.units.iter().filter(|u| u.period <= last) {
        let (kind, id) = measure_id(data, u.measure);
        out.units.push(SharedUnit {
            period: u.period.to_string(),
            vsv: vsv.clone(),
            codebook: codebook_of(data, u.measure),
            measure: kind.into(),
            id: id.into(),
            n: u.n,
            covers: u.covers.iter().map(|&c| name(c)).collect(),
            answers: counts(u.period, u.measure),
        });
    }
    for &(period, source, n) in part.responses.iter().filter(|r| r.0 <= last) {
        out.responses.push(SharedResponse {
            period: period.to_string(),
            vsv: vsv.clone(),
            codebook: data
                .sources
                .get(source as usize)
                .map_or_else(String::new, |s| s.codebook.name.clone()),
            n,
        });
    }
}

/// The file's text: JSON with one field of the file, or one cell, unit or response, per
/// line, so a person can read it and a diff shows what changed. Floats are written in their
/// shortest exact form, so a reader gets the very same numbers.
pub fn to_json(a: &Aggregate) -> Result<String> {
    let failed = |e: serde_json::Error| Error::Output {
        path: a.producer.clone().into(),
        message: e.to_string(),
    };
    let value = serde_json::to_value(a).map_err(failed)?;
    let serde_json::Value::Object(fields) = value else {
        return Ok(String::new());
    };
    let mut out = String::from("{\n");
    let last = fields.len().saturating_sub(1);
    // The fields in the order of the struct, not the map's; a field not listed here still
    // goes out, after them.
    let order = [
        "format",
        "tool",
        "producer",
        "created",
        "vsvs",
        "period_kind",
        "periods",
        "privacy",
        "standard",
        "codebooks",
        "cells",
        "units",
        "responses",
    ];
    let mut keys: Vec<&str> = order
        .iter()
        .copied()
        .filter(|k| fields.contains_key(*k))
        .collect();
    keys.extend(
        fields
            .keys()
            .map(String::as_str)
            .filter(|k| !order.contains(k)),
    );
    for (i, key) in keys.iter().enumerate() {
        let Some(v) = fields.get(*key) else { continue };
        out.push_str(&format!("  \"{key}\": "));
        match v {
            serde_json::Value::Array(list) if list.iter().any(|x| x.is_object()) => {
                out.push_str("[\n");
                for (j, x) in list.iter().enumerate() {
                    out.push_str("    ");
                    out.push_str(&serde_json::to_string(x).map_err(failed)?);
                    out.push_str(if j + 1 < list.len() { ",\n" } else { "\n" });
                }
                out.push_str("  ]");
            }
            other => out.push_str(&serde_json::to_string(other).map_err(failed)?),
        }
        out.push_str(if i < last { ",\n" } else { "\n" });
    }
    out.push_str("}\n");
    Ok(out)
}
