//! Writes the shared file of `prem share` ([`crate::analysis::share`] is its format): the
//! published cells of every period up to the one asked, disclosed as the VSV's own report
//! would and minding what earlier releases from the folder published.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::analysis::disclosure::{answers::AnswerCounts, part::Part};
use crate::analysis::score::{Measure, Tier};
use crate::config::Config;
use crate::error::{ConfigProblem, Error, Result, UsageProblem};
use crate::ingest::Canonical;
use crate::period::Period;

use crate::analysis::share::*;

/// Builds the file of every VSV in `config`'s exports, over every period up to `period`
/// (default: the latest), dated `created`.
pub fn aggregate(config: &Config, period: Option<Period>, created: NaiveDate) -> Result<Aggregate> {
    if config.casemix.standard.is_none() {
        return Err(Error::config(
            &config.path,
            ConfigProblem::ShareNeedsStandard,
        ));
    }
    let codebooks = crate::analysis::analyse::load_codebooks(config)?;
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
    let Some(standard) = crate::analysis::standard::of_config(config, data)? else {
        return Err(Error::config(
            &config.path,
            ConfigProblem::ShareNeedsStandard,
        ));
    };
    let computed = crate::analysis::score::score(data);
    // A shared file is a release like a report: it keeps to what the reports from the same
    // output folder published before.
    let ledger = crate::analysis::ledger::Ledger::read(&config.output_dir())?;
    let places = crate::analysis::ledger::Places::of(&computed, data);
    let earlier = places.earlier(&ledger);
    let (mut scores, parts) = crate::analysis::disclosure::disclose_released(
        computed,
        Vec::new(),
        &config.privacy,
        None,
        Some(&earlier),
    );
    let publishes = places.published(&scores);
    let held = earlier.held();
    // The same proof as every report: nothing is shared that the audit would stop.
    crate::analysis::analyse::audited(&scores, config, data)?;
    scores.case_mix.standard = Some(standard.shares.clone());
    crate::analysis::compare::standardise(&mut scores, u64::from(config.privacy.min_n));
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
        for (unit, list) in crate::analysis::disclosure::answers::answer_counts(
            data,
            &scores,
            p,
            &Default::default(),
        ) {
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
