//! Safeguarding measured on a set written apart from the detector: everyday disclosures
//! (Dutch and English, with inversions, euphemisms and spelling slips) and benign
//! near-misses, each line with the public guidance its phrasing follows
//! (`tests/fixtures/safeguarding/*.tsv`, column `source`). Written by someone who did not
//! read the detector's lexicon. Recall comes first: a flagged harmless text costs the
//! officer a glance, a missed disclosure can cost a life.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use prem::safeguarding::{signal, Category};

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

#[test]
fn disclosures_are_found_and_near_misses_mostly_not() {
    let disclosures = lines("disclosures.tsv");
    let benign = lines("benign.tsv");
    assert!(disclosures.len() >= 60, "{} disclosures", disclosures.len());
    for lang in ["nl", "en"] {
        assert!(disclosures.iter().filter(|d| d.1 == lang).count() >= 20);
    }
    let missed: Vec<&(String, String, String)> = disclosures
        .iter()
        .filter(|d| signal(&d.2).is_none())
        .collect();
    let alarms: Vec<&(String, String, String)> =
        benign.iter().filter(|b| signal(&b.2).is_some()).collect();
    let wrong_kind = disclosures
        .iter()
        .filter(|d| {
            signal(&d.2).is_some_and(|c| c != d.0.parse::<Category>().unwrap_or(Category::Flagged))
        })
        .count();
    let recall = 1.0 - missed.len() as f64 / disclosures.len() as f64;
    let false_alarms = alarms.len() as f64 / benign.len() as f64;
    // The figures the README quotes; `cargo test -- --nocapture` prints them.
    println!(
        "safeguarding: recall {:.1}% ({} of {}), false alarms {:.1}% ({} of {}), \
         another category than the set's {wrong_kind}",
        100.0 * recall,
        disclosures.len() - missed.len(),
        disclosures.len(),
        100.0 * false_alarms,
        alarms.len(),
        benign.len(),
    );
    for m in &missed {
        println!("missed [{}] {}", m.0, m.2);
    }
    for a in &alarms {
        println!("false alarm: {}", a.2);
    }
    // Issue 23 asks for 95%; measured 84.4% (81 of 96) when this set was first run, 85.4%
    // (82 of 96) with the rules as committed with it. The
    // floor keeps what was reached while the rules grow (a test of what is, not of the goal).
    assert!(recall >= 0.84, "recall {recall:.3}: missed {missed:#?}");
    assert!(
        false_alarms <= 0.30,
        "false alarms {false_alarms:.3}: {alarms:#?}"
    );
}
