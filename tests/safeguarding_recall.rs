//! Safeguarding measured on sets written apart from the detector: everyday disclosures
//! (Dutch and English, with inversions, euphemisms and spelling slips) and benign
//! near-misses, each line with the public guidance its phrasing follows
//! (`tests/fixtures/safeguarding/{,fresh/,third/}*.tsv`, column `source`), each written by
//! someone who did not read the detector's lexicon. Recall comes first: a flagged harmless
//! text costs the officer a glance, a missed disclosure can cost a life.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prem::text::safeguarding::{signal, Category};

/// (category, language, text) of a fixture file.
fn lines(name: &str) -> Vec<(String, String, String)> {
    let path = format!(
        "{}/tests/fixtures/safeguarding/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "{name}: {l}");
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect()
}

/// One set's figures: recall, false alarms, and the texts behind them.
struct Measured {
    recall: f64,
    false_alarms: f64,
    missed: Vec<(String, String, String)>,
    alarms: Vec<(String, String, String)>,
}

/// Runs the detector on the set in `dir` and prints its figures (`cargo test --test
/// safeguarding_recall -- --nocapture`).
fn measure(dir: &str) -> Measured {
    let disclosures = lines(&format!("{dir}disclosures.tsv"));
    let benign = lines(&format!("{dir}benign.tsv"));
    assert!(disclosures.len() >= 60, "{} disclosures", disclosures.len());
    for lang in ["nl", "en"] {
        assert!(disclosures.iter().filter(|d| d.1 == lang).count() >= 20);
    }
    let missed: Vec<(String, String, String)> = disclosures
        .iter()
        .filter(|d| signal(&d.2).is_none())
        .cloned()
        .collect();
    let alarms: Vec<(String, String, String)> = benign
        .iter()
        .filter(|b| signal(&b.2).is_some())
        .cloned()
        .collect();
    let wrong_kind = disclosures
        .iter()
        .filter(|d| {
            signal(&d.2).is_some_and(|c| c != d.0.parse::<Category>().unwrap_or(Category::Flagged))
        })
        .count();
    let recall = 1.0 - missed.len() as f64 / disclosures.len() as f64;
    let false_alarms = alarms.len() as f64 / benign.len() as f64;
    println!(
        "safeguarding {dir:<7} recall {:.1}% ({} of {}), false alarms {:.1}% ({} of {}), \
         another category than the set's {wrong_kind}",
        100.0 * recall,
        disclosures.len() - missed.len(),
        disclosures.len(),
        100.0 * false_alarms,
        alarms.len(),
        benign.len(),
    );
    for m in &missed {
        println!("  missed [{}] {}", m.0, m.2);
    }
    for a in &alarms {
        println!("  false alarm: {}", a.2);
    }
    Measured {
        recall,
        false_alarms,
        missed,
        alarms,
    }
}

// Three sets, each written by someone who had not read the lexicon, in turn. The rules grew
// on the misses of the first two (they are development sets now: their figures say what
// the rules hold, not how they generalise). The third was written last, from other
// guidance and in more indirect words, and was measured once, after the rules were
// finished: its figure is the honest one, and it is far from the 95% issue 23 asked for.
// A word list does not find "we hebben geen kat" said of cuts on an arm; this is why no
// open answer is quoted before a person approved it (`[quotes] review = "required"`, the
// default). The floors keep what was reached (a test of what is, not of the goal).

/// The first set: 84.4% when first run, 85.4% with the rules committed with it, 100% since
/// its misses were written into the rules.
#[test]
fn the_first_set_is_found() {
    let m = measure("");
    assert!(m.recall >= 0.99, "missed {:#?}", m.missed);
    assert!(m.false_alarms <= 0.30, "{:#?}", m.alarms);
}

/// The second set: 65.9% with the rules of the first set as committed, 68.3% with the
/// rules grown on the first set's misses (its first reading), 88.1% since its misses were
/// written into the rules.
#[test]
fn the_second_set_is_mostly_found() {
    let m = measure("fresh/");
    assert!(m.recall >= 0.88, "missed {:#?}", m.missed);
    assert!(m.false_alarms <= 0.30, "{:#?}", m.alarms);
}

/// The third set, held out: 35.8% with the rules before the second set's misses were
/// written in, 39.6% after; false alarms 7.8%.
#[test]
fn the_held_out_set_is_measured() {
    let m = measure("third/");
    assert!(m.recall >= 0.39, "missed {:#?}", m.missed);
    assert!(m.false_alarms <= 0.30, "{:#?}", m.alarms);
}
