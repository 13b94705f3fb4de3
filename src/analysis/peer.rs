//! `[[peer]]`: collaborating VSVs' shared files (see [`crate::analysis::share`]) read back as
//! [`Part`]s of the region. Every file is read and checked whole, and then all of them
//! against each other and the analysis, before anything of any of them is used: a bad
//! file stops the run with its name and what is wrong, and nothing is half-read.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::analysis::disclosure::answers::AnswerCounts;
use crate::analysis::disclosure::part::{Part, PartCell, PartUnit};
use crate::analysis::score::{Acc, CaseMixKey, Measure, Unit};
use crate::analysis::share::{codebook_hash, measure_of, Aggregate, FORMAT};
use crate::analysis::standard::Standard;
use crate::config::Config;
use crate::error::{Error, PeerProblem, Result};
use crate::ingest::Canonical;
use crate::period::Period;

/// A shared file as the manifest and the agenda name it.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerFile {
    /// Path as resolved from prem.toml.
    pub path: PathBuf,
    /// Path as shown in reports (relative to prem.toml).
    pub display: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `[analysis] name` of the config that shared it.
    pub producer: String,
    /// The day it was made.
    pub created: String,
    /// Its VSVs.
    pub vsvs: Vec<String>,
    /// Its periods, oldest first.
    pub periods: Vec<String>,
}

/// Everything the peers bring: their parts, their standardised means and answer counts.
#[derive(Debug, Clone, Default)]
pub struct Peers {
    /// The files, in path order.
    pub files: Vec<PeerFile>,
    /// One part per VSV.
    pub parts: Vec<Part>,
    /// Standardised means of their cells.
    pub std: HashMap<CaseMixKey, f64>,
    /// Answer counts of their theme scores: (period, VSV) → per theme.
    pub answers: HashMap<(Period, u32), Vec<Option<AnswerCounts>>>,
}

impl Peers {
    /// The peers' answer counts of `period`, per unit, as
    /// [`crate::analysis::disclosure::answers::answer_counts`] takes them.
    pub fn answers_of(&self, period: Period) -> crate::analysis::disclosure::answers::ShownAnswers {
        self.answers
            .iter()
            .filter(|((p, _), _)| *p == period)
            .map(|((_, v), list)| (Unit::Vsv(*v), list.clone()))
            .collect()
    }

    /// The VSV ids of the peers.
    pub fn vsvs(&self) -> Vec<u32> {
        self.parts.iter().map(|p| p.vsv).collect()
    }
}

/// Reads every `[[peer]]` file of `config` for the analysis of `data` (whose names get the
/// peers' VSVs and care types). `standard` is the analysis' standard population.
pub fn read(config: &Config, data: &mut Canonical, standard: Option<&Standard>) -> Result<Peers> {
    let mut files: Vec<(PeerFile, Aggregate)> = Vec::new();
    for path in peer_paths(config)? {
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let aggregate = parse(&path, &bytes)?;
        check(config, data, standard, &path, &aggregate)?;
        let file = PeerFile {
            display: path
                .strip_prefix(config.dir())
                .unwrap_or(&path)
                .display()
                .to_string(),
            sha256: crate::ingest::files::sha256_hex(&bytes),
            bytes: bytes.len() as u64,
            producer: aggregate.producer.clone(),
            created: aggregate.created.clone(),
            vsvs: aggregate.vsvs.clone(),
            periods: aggregate.periods.clone(),
            path,
        };
        files.push((file, aggregate));
    }
    // Each VSV once: not in two files, not in the exports as well.
    let raw: Vec<String> = data
        .vsvs()
        .into_iter()
        .map(|v| data.names.get(v).to_string())
        .collect();
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    for (file, a) in &files {
        for v in &a.vsvs {
            if raw.contains(v) {
                return Err(fail(&file.path, PeerProblem::VsvAlsoRaw { vsv: v.clone() }));
            }
            if let Some(other) = seen.insert(v, &file.path) {
                let problem = PeerProblem::VsvTwice {
                    vsv: v.clone(),
                    other: other.to_path_buf(),
                };
                return Err(fail(&file.path, problem));
            }
        }
    }
    // All checked: now they join the analysis.
    let mut peers = Peers::default();
    for (file, a) in files {
        add(&mut peers, data, &a);
        peers.files.push(file);
    }
    peers
        .parts
        .sort_by(|a, b| data.names.get(a.vsv).cmp(data.names.get(b.vsv)));
    data.peer_vsvs = peers.vsvs();
    Ok(peers)
}

/// Most respondents a shared count may hold.
const MAX_N: u64 = 100_000_000;

fn fail(path: &Path, problem: PeerProblem) -> Error {
    Error::Peer {
        path: path.to_path_buf(),
        problem: Box::new(problem),
    }
}

/// The files of every `[[peer]]`, each pattern matching at least one.
fn peer_paths(config: &Config) -> Result<Vec<PathBuf>> {
    let dir = glob::Pattern::escape(&config.dir().to_string_lossy());
    let mut all = Vec::new();
    for pattern in config.peers.iter().flat_map(|p| &p.files) {
        let full = config.dir().join(pattern);
        let text = if Path::new(pattern).is_absolute() {
            pattern.clone()
        } else {
            format!("{dir}/{pattern}")
        };
        let no_match = || {
            fail(
                &full,
                PeerProblem::NoFileMatches {
                    pattern: pattern.clone(),
                },
            )
        };
        let paths = glob::glob(&text).map_err(|_| no_match())?;
        let mut found: Vec<PathBuf> = paths
            .filter_map(|p| p.ok())
            .filter(|p| p.is_file())
            .collect();
        if found.is_empty() {
            return Err(no_match());
        }
        found.sort();
        all.extend(found);
    }
    all.dedup();
    Ok(all)
}

/// The file as an [`Aggregate`]: JSON, of this format, with every field.
fn parse(path: &Path, bytes: &[u8]) -> Result<Aggregate> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let problem = PeerProblem::NotJson {
            line: e.line(),
            column: e.column(),
            error: e.to_string(),
        };
        fail(path, problem)
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        other => {
            let found = other.unwrap_or("").to_string();
            return Err(fail(path, PeerProblem::Format { found }));
        }
    }
    serde_json::from_value(value).map_err(|e| {
        fail(
            path,
            PeerProblem::Field {
                error: e.to_string(),
            },
        )
    })
}

/// Checks one file against the analysis: codebooks, period kind, thresholds, standard,
/// every cell and unit.
fn check(
    config: &Config,
    data: &Canonical,
    standard: Option<&Standard>,
    path: &Path,
    a: &Aggregate,
) -> Result<()> {
    let err = |problem| Err(fail(path, problem));
    let ours: BTreeMap<&str, String> = data
        .sources
        .iter()
        .map(|s| (s.codebook.name.as_str(), codebook_hash(&s.codebook)))
        .collect();
    for cb in &a.codebooks {
        if let Some(t) = cb
            .themes
            .iter()
            .find(|t| measure_of(data, "theme", &t.id).is_none())
        {
            return err(PeerProblem::Unknown {
                what: format!("theme \"{}\"", t.id),
            });
        }
        match ours.get(cb.name.as_str()) {
            None => {
                return err(PeerProblem::UnknownCodebook {
                    name: cb.name.clone(),
                    known: ours.keys().map(|k| k.to_string()).collect(),
                })
            }
            Some(hash) if *hash != cb.hash => {
                return err(PeerProblem::CodebookDiffers {
                    name: cb.name.clone(),
                })
            }
            Some(_) => {}
        }
    }
    if a.period_kind != config.analysis.period.id() {
        return err(PeerProblem::PeriodKind {
            theirs: a.period_kind.clone(),
            ours: config.analysis.period,
        });
    }
    let min_n = config.privacy.min_n;
    if a.privacy.min_n < min_n {
        return err(PeerProblem::MinN {
            theirs: a.privacy.min_n,
            ours: min_n,
        });
    }
    if standard.is_none_or(|s| s.sha256 != a.standard) {
        return err(PeerProblem::Standard);
    }
    let period = |label: &str| -> Result<Period> {
        Period::parse(label)
            .filter(|p| p.kind == config.analysis.period)
            .ok_or_else(|| {
                fail(
                    path,
                    PeerProblem::BadPeriod {
                        label: label.to_string(),
                    },
                )
            })
    };
    for p in &a.periods {
        period(p)?;
    }
    let inconsistent = |what: String| Err(fail(path, PeerProblem::Inconsistent { what }));
    let known_codebook = |name: &str| a.codebooks.iter().any(|c| c.name == name);
    // (period, VSV, measure, id, codebook) → the care types shown, with their n.
    type Shown<'a> = HashMap<(&'a str, &'a str, &'a str, &'a str, &'a str), Vec<(&'a str, u64)>>;
    let mut cts: Shown = HashMap::new();
    let mut cells_seen = std::collections::HashSet::new();
    for c in &a.cells {
        let at = format!("{} {} {} {}", c.period, c.vsv, c.measure, c.id);
        period(&c.period)?;
        if !a.vsvs.contains(&c.vsv) || !known_codebook(&c.codebook) {
            return inconsistent(at);
        }
        if measure_of(data, &c.measure, &c.id).is_none() {
            return err(PeerProblem::Unknown {
                what: format!("{} \"{}\"", c.measure, c.id),
            });
        }
        if c.n < u64::from(min_n) {
            return err(PeerProblem::BelowMinN {
                vsv: c.vsv.clone(),
                period: c.period.clone(),
                what: format!("{} {}", c.measure, c.id),
                n: c.n,
                min_n,
            });
        }
        // Scores are on 0–10, so a mean lies there and the squared deviations add up to at
        // most 25 per respondent (half at 0, half at 10).
        let on_scale = |x: f64| x.is_finite() && (0.0..=10.0).contains(&x);
        let finite = on_scale(c.mean)
            && c.ssd.is_finite()
            && c.ssd >= 0.0
            && c.ssd <= 25.0 * c.n as f64 + 1e-6;
        let std_ok = c.std_mean.is_none_or(on_scale);
        // More respondents than a country has births in decades is a broken file, and would
        // overflow the region's sums.
        let plausible = c.n <= MAX_N && c.top.saturating_add(c.problem) <= c.n;
        if !finite || !std_ok || !plausible {
            return inconsistent(at);
        }
        let key = (&c.period, &c.vsv, c.care_type.as_deref(), &c.measure, &c.id);
        if !cells_seen.insert(key) {
            return inconsistent(format!("{at}: twice"));
        }
        if let Some(ct) = &c.care_type {
            cts.entry((&c.period, &c.vsv, &c.measure, &c.id, &c.codebook))
                .or_default()
                .push((ct, c.n));
        }
    }
    for u in &a.units {
        let at = format!("{} {} {} {}", u.period, u.vsv, u.measure, u.id);
        period(&u.period)?;
        if measure_of(data, &u.measure, &u.id).is_none() {
            return err(PeerProblem::Unknown {
                what: format!("{} \"{}\"", u.measure, u.id),
            });
        }
        let shown = cts
            .get(&(&u.period, &u.vsv, &u.measure, &u.id, &u.codebook))
            .cloned()
            .unwrap_or_default();
        let covered: Vec<u64> = u
            .covers
            .iter()
            .filter_map(|ct| shown.iter().find(|(s, _)| s == ct).map(|(_, n)| *n))
            .collect();
        // Distinct respondents over the covered care types: at least the largest care
        // type, at most all of them together.
        let fits = !u.covers.is_empty()
            && covered.len() == u.covers.len()
            && u.n >= covered.iter().copied().max().unwrap_or(0)
            && u.n <= covered.iter().fold(0u64, |a, &b| a.saturating_add(b));
        if !fits {
            return inconsistent(at);
        }
    }
    for r in &a.responses {
        period(&r.period)?;
        if r.n > MAX_N {
            return inconsistent(format!("{} {}: n = {}", r.period, r.vsv, r.n));
        }
        if r.n < u64::from(min_n) {
            return err(PeerProblem::BelowMinN {
                vsv: r.vsv.clone(),
                period: r.period.clone(),
                what: r.codebook.clone(),
                n: r.n,
                min_n,
            });
        }
        if !a.vsvs.contains(&r.vsv) || !known_codebook(&r.codebook) {
            return inconsistent(format!("{} {}", r.period, r.vsv));
        }
    }
    Ok(())
}

/// Records a theme score's answer counts.
fn add_answers(
    peers: &mut Peers,
    themes: usize,
    at: (Period, u32),
    m: Measure,
    counts: Option<crate::analysis::share::SharedAnswers>,
) {
    let (Measure::Theme(t), Some(c)) = (m, counts) else {
        return;
    };
    let list = peers
        .answers
        .entry(at)
        .or_insert_with(|| vec![None; themes]);
    if let Some(slot) = list.get_mut(t as usize) {
        *slot = Some(AnswerCounts {
            problem: c.problem,
            neutral: c.neutral,
            positive: c.positive,
        });
    }
}

/// Adds a checked file to `peers`.
fn add(peers: &mut Peers, data: &mut Canonical, a: &Aggregate) {
    let mut parts: BTreeMap<u32, Part> = BTreeMap::new();
    let themes = data.themes.len();
    let source_of = |data: &Canonical, name: &str| {
        data.sources
            .iter()
            .position(|s| s.codebook.name == name)
            .map_or(0, |s| s as u16)
    };
    for c in &a.cells {
        let (Some(p), Some(m)) = (
            Period::parse(&c.period),
            measure_of(data, &c.measure, &c.id),
        ) else {
            continue;
        };
        let v = data.names.intern(&c.vsv);
        let ct = c.care_type.as_deref().map(|ct| data.names.intern(ct));
        let n = c.n as f64;
        let sum = c.mean * n;
        let sums = Acc {
            n: c.n,
            sum,
            sum_sq: c.ssd + sum * c.mean,
            top: c.top,
            problem: c.problem,
            clients: 0,
        };
        let part = parts.entry(v).or_insert_with(|| Part {
            vsv: v,
            ..Part::default()
        });
        part.cells.push(PartCell {
            period: p,
            care_type: ct,
            measure: m,
            sums,
        });
        if let Some(s) = c.std_mean {
            peers.std.insert((p, v, ct, m), s);
        }
        add_answers(peers, themes, (p, v), m, c.answers);
    }
    for u in &a.units {
        let (Some(p), Some(m)) = (
            Period::parse(&u.period),
            measure_of(data, &u.measure, &u.id),
        ) else {
            continue;
        };
        let v = data.names.intern(&u.vsv);
        let covers = u.covers.iter().map(|ct| data.names.intern(ct)).collect();
        let part = parts.entry(v).or_insert_with(|| Part {
            vsv: v,
            ..Part::default()
        });
        part.units.push(PartUnit {
            period: p,
            measure: m,
            n: u.n,
            covers,
        });
        add_answers(peers, themes, (p, v), m, u.answers);
    }
    for r in &a.responses {
        let Some(p) = Period::parse(&r.period) else {
            continue;
        };
        let v = data.names.intern(&r.vsv);
        let source = source_of(data, &r.codebook);
        let part = parts.entry(v).or_insert_with(|| Part {
            vsv: v,
            ..Part::default()
        });
        part.responses.push((p, source, r.n));
    }
    peers.parts.extend(parts.into_values());
}
