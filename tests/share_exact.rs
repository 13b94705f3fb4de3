//! Comparing from shared files gives the same published numbers as pooling the rows
//! (spec §10, issue 13): data-samples split into seven VSVs that share (through real files,
//! written and read back) and one that keeps its rows, against the pooled run of all
//! eight, with the same standard population. Every cell both runs publish must agree: n
//! and tier exactly, every number within 1e-9.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use prem::analysis::analyse::{analyse_data, Analysis};
use prem::analysis::score::{Cell, Tier};
use prem::config::{Config, Peer};
use prem::timings::Timings;

fn config() -> Config {
    let mut config = Config::load(std::path::Path::new("data-samples/prem.toml")).unwrap();
    config.casemix.standard = Some("samen/standaard.csv".into());
    config
}

/// Every published cell that is not an organisation row, by names: (period, VSV, care
/// type, measure) → its numbers in a fixed order, NaN for "none".
fn published(a: &Analysis) -> BTreeMap<String, (u64, Tier, Vec<f64>, String)> {
    let name = |id: Option<u32>| id.map_or("-".to_string(), |i| a.data.names.get(i).to_string());
    let f = |x: Option<f64>| x.unwrap_or(f64::NAN);
    let mut out = BTreeMap::new();
    for c in a.scores.cells.iter().filter(|c| c.organisation.is_none()) {
        if c.tier == Tier::Suppressed {
            continue;
        }
        let key = format!(
            "{} {} {} {:?}",
            c.period,
            name(c.vsv),
            name(c.care_type),
            c.measure
        );
        out.insert(key, numbers(c, &name, f));
    }
    out
}

fn numbers(
    c: &Cell,
    name: &dyn Fn(Option<u32>) -> String,
    f: impl Fn(Option<f64>) -> f64,
) -> (u64, Tier, Vec<f64>, String) {
    let s = c.stats.unwrap();
    let k = &c.comparison;
    let pct = |p: Option<prem::analysis::score::Percent>| {
        [
            f(p.map(|p| p.pct)),
            f(p.map(|p| p.low)),
            f(p.map(|p| p.high)),
        ]
    };
    let mut v = vec![
        s.mean,
        f(s.sd),
        f(s.ci.map(|c| c.0)),
        f(s.ci.map(|c| c.1)),
        f(s.estimate.map(|e| e.se)),
        f(s.estimate.map(|e| e.df)),
        f(k.std_mean),
        f(k.z),
        f(k.prev.map(|p| p.change)),
        f(k.prev.map(|p| p.p)),
        f(k.year.map(|p| p.change)),
        f(k.year.map(|p| p.p)),
    ];
    v.extend(pct(s.top_box));
    v.extend(pct(s.problem));
    let mut covers: Vec<String> = c.covers.iter().map(|&i| name(Some(i))).collect();
    covers.sort();
    let text = format!("band {:?} spc {:?} covers {covers:?}", k.band, k.spc_signal);
    (s.n, c.tier, v, text)
}

fn same(x: f64, y: f64) -> bool {
    (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-9
}

/// Compares the two runs; returns how many cells were compared.
fn assert_same(pooled: &Analysis, shared: &Analysis) -> usize {
    let p = published(pooled);
    let s = published(shared);
    assert_eq!(
        p.keys().collect::<Vec<_>>(),
        s.keys().collect::<Vec<_>>(),
        "both runs publish the same cells"
    );
    for (key, (n, tier, v, text)) in &p {
        let (n2, tier2, v2, text2) = &s[key];
        assert_eq!((n, tier, text), (n2, tier2, text2), "{key}");
        for (i, (x, y)) in v.iter().zip(v2).enumerate() {
            assert!(same(*x, *y), "{key} number {i}: pooled {x} shared {y}");
        }
    }
    // The funnels of the period: target, φ, τ² and every unit's z and limits.
    assert_eq!(pooled.funnels.len(), shared.funnels.len());
    for ((fam, a), (fam2, b)) in pooled.funnels.iter().zip(&shared.funnels) {
        assert_eq!((fam.0, fam.2), (fam2.0, fam2.2));
        let (a, b) = (&a.funnel, &b.funnel);
        assert!(same(a.target, b.target), "{fam:?} target");
        assert!(same(a.tau2, b.tau2), "{fam:?} tau2");
        assert!(same(a.phi.unwrap_or(f64::NAN), b.phi.unwrap_or(f64::NAN)));
        assert_eq!(a.units.len(), b.units.len());
        for (u, w) in a.units.iter().zip(&b.units) {
            for (x, y) in [
                (u.z, w.z),
                (u.z_adjusted, w.z_adjusted),
                (u.ll95, w.ll95),
                (u.ul998, w.ul998),
            ] {
                assert!(
                    same(x.unwrap_or(f64::NAN), y.unwrap_or(f64::NAN)),
                    "{fam:?}"
                );
            }
        }
    }
    // The region's SPC series and the region's answer counts.
    let region = |a: &Analysis| {
        a.spc
            .iter()
            .filter(|((v, ..), _)| v.is_none())
            .map(|(k, s)| {
                (
                    k.3,
                    s.chart
                        .points
                        .iter()
                        .map(|p| (p.value, p.mean))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (ra, rb) = (region(pooled), region(shared));
    assert_eq!(ra.len(), rb.len());
    assert!(!ra.is_empty());
    for ((ma, pa), (mb, pb)) in ra.iter().zip(&rb) {
        assert_eq!(ma, mb);
        assert_eq!(pa.len(), pb.len());
        for ((x, m), (y, m2)) in pa.iter().zip(pb) {
            assert!(same(*x, *y) && same(*m, *m2), "{ma:?}");
        }
    }
    let answers = |a: &Analysis| a.answers.get(&prem::analysis::score::Unit::Region).cloned();
    assert_eq!(answers(pooled), answers(shared));
    assert!(answers(pooled).is_some());
    let responses = |a: &Analysis| {
        a.scores
            .responses
            .iter()
            .filter(|r| r.vsv.is_none())
            .map(|r| (r.period, r.n))
            .collect::<Vec<_>>()
    };
    assert_eq!(responses(pooled), responses(shared));
    p.len()
}

#[test]
fn seven_vsvs_share_one_keeps_its_rows_and_every_number_agrees() {
    let config = config();
    let codebooks = prem::analysis::analyse::load_codebooks(&config).unwrap();
    let all = prem::ingest::ingest(&config, &codebooks).unwrap();
    let pooled = analyse_data(config.clone(), all.clone(), None, &mut Timings::off()).unwrap();

    let names: Vec<String> = all
        .vsvs()
        .into_iter()
        .map(|v| all.names.get(v).to_string())
        .collect();
    assert_eq!(names.len(), 8);
    let dir = tempfile::tempdir().unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 14).unwrap();
    for name in &names[1..] {
        let own = all.only(&[name.as_str()]);
        let aggregate = prem::report::share::aggregate_data(&config, &own, None, date).unwrap();
        let text = prem::report::share::to_json(&aggregate).unwrap();
        std::fs::write(dir.path().join(format!("{name}.json")), text).unwrap();
    }
    let mut receiver = config.clone();
    receiver.peers = vec![Peer {
        files: vec![format!("{}/*.json", dir.path().display())],
        codebooks: Vec::new(),
    }];
    let shared = analyse_data(
        receiver,
        all.only(&[names[0].as_str()]),
        None,
        &mut Timings::off(),
    )
    .unwrap();
    assert_eq!(shared.peers.len(), 7);
    let compared = assert_same(&pooled, &shared);
    // Every VSV's and the region's themes, items, grade and NPS, per care type and over
    // them, for eight quarters: thousands of cells, not a vacuous pass.
    assert!(compared > 5000, "{compared}");
}

/// Every string and key of a JSON value, depth first.
fn walk<'a>(v: &'a serde_json::Value, keys: &mut Vec<&'a str>, strings: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::String(s) => strings.push(s),
        serde_json::Value::Array(list) => list.iter().for_each(|x| walk(x, keys, strings)),
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                keys.push(k);
                walk(x, keys, strings);
            }
        }
        _ => {}
    }
}

/// A quality officer opens a shared file: no free text, no respondent key, no
/// organisation, no cell below min_n, and exactly the cells her own report publishes.
#[test]
fn a_shared_file_holds_only_what_the_report_publishes() {
    let config = config();
    let codebooks = prem::analysis::analyse::load_codebooks(&config).unwrap();
    let all = prem::ingest::ingest(&config, &codebooks).unwrap();
    let name = "VSV Den Helder";
    let own = all.only(&[name]);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 14).unwrap();
    let aggregate = prem::report::share::aggregate_data(&config, &own, None, date).unwrap();
    let text = prem::report::share::to_json(&aggregate).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (mut keys, mut strings) = (Vec::new(), Vec::new());
    walk(&json, &mut keys, &mut strings);
    keys.sort();
    keys.dedup();
    let allowed = [
        "answers",
        "care_type",
        "cells",
        "codebook",
        "codebooks",
        "covers",
        "created",
        "format",
        "hash",
        "id",
        "indicative_n",
        "label",
        "mean",
        "measure",
        "min_n",
        "n",
        "name",
        "negative",
        "neutral",
        "period",
        "period_kind",
        "periods",
        "positive",
        "privacy",
        "problem",
        "producer",
        "responses",
        "ssd",
        "standard",
        "std_mean",
        "themes",
        "tool",
        "top",
        "units",
        "version",
        "vsv",
        "vsvs",
    ];
    for k in &keys {
        assert!(allowed.contains(k), "unexpected field {k}");
    }
    // No open answer, organisation, education or place of birth, in any string.
    let mut secret: Vec<String> = own
        .comments
        .iter()
        .map(|c| c.text.clone())
        .filter(|t| t.chars().count() >= 12)
        .collect();
    secret.extend(own.respondents.iter().flat_map(|r| {
        [r.organisation, r.education, r.place_of_birth]
            .into_iter()
            .flatten()
            .map(|i| own.names.get(i).to_string())
    }));
    secret.sort();
    secret.dedup();
    assert!(secret.len() > 50, "{}", secret.len());
    for s in &strings {
        for t in &secret {
            assert!(!s.contains(t.as_str()), "{s:?} holds {t:?}");
        }
    }
    // Every count rests on at least min_n respondents.
    let min_n = u64::from(config.privacy.min_n);
    for c in &aggregate.cells {
        assert!(c.n >= min_n);
    }
    assert!(aggregate.units.iter().all(|u| u.n >= min_n));
    assert!(aggregate.responses.iter().all(|r| r.n >= min_n));
    // The cells are exactly the VSV's own published rows (no organisation), with their n.
    // Her own report, without the region's actions register (it names the other VSVs).
    let elsewhere = tempfile::tempdir().unwrap();
    let mut alone = config.clone();
    alone.casemix.standard =
        Some(std::fs::canonicalize("data-samples/samen/standaard.csv").unwrap());
    alone.path = elsewhere.path().join("prem.toml");
    let report = analyse_data(alone, own, None, &mut Timings::off()).unwrap();
    let d = &report.data;
    let nm = |id: Option<u32>| id.map(|i| d.names.get(i).to_string());
    let mut published: Vec<(String, Option<String>, String, u64)> = report
        .scores
        .cells
        .iter()
        .filter(|c| c.vsv.is_some() && c.organisation.is_none() && c.covers.is_empty())
        .filter(|c| c.tier != Tier::Suppressed)
        .map(|c| {
            let (kind, id) = prem::analysis::share::measure_id(d, c.measure);
            (
                c.period.to_string(),
                nm(c.care_type),
                format!("{kind} {id}"),
                c.stats.unwrap().n,
            )
        })
        .collect();
    let mut shared: Vec<(String, Option<String>, String, u64)> = aggregate
        .cells
        .iter()
        .map(|c| {
            (
                c.period.clone(),
                c.care_type.clone(),
                format!("{} {}", c.measure, c.id),
                c.n,
            )
        })
        .collect();
    published.sort();
    shared.sort();
    assert_eq!(published, shared);
    assert!(shared.len() > 500);
}

/// The regional coordinator of `data-samples/samen/` has no exports, only the eight shared
/// files the sample ships: her region is the pooled region of the PREM exports.
#[test]
fn the_sample_coordinator_gets_the_pooled_region() {
    let mut config = config();
    config.sources.retain(|s| s.name == "prem");
    let codebooks = prem::analysis::analyse::load_codebooks(&config).unwrap();
    let all = prem::ingest::ingest(&config, &codebooks).unwrap();
    let pooled = analyse_data(config, all, None, &mut Timings::off()).unwrap();
    let path = std::path::Path::new("data-samples/samen/regio/prem.toml");
    let coordinator = prem::analysis::analyse::analyse(Config::load(path).unwrap(), None).unwrap();
    assert_eq!(coordinator.peers.len(), 8);
    assert!(coordinator.data.respondents.is_empty());
    let compared = assert_same(&pooled, &coordinator);
    assert!(compared > 5000, "{compared}");
}
