//! The publication ledger: what every release from one output folder published, cell by
//! cell, so that the next release cannot be set against it (issue 24, "Successive
//! reports"). A late export that adds one client to an already reported quarter would
//! otherwise republish the quarter with n 41 beside the old 40, and the two tables would
//! give her answers.
//!
//! The ledger is `<output>/.publicaties.csv`, beside the period folders and in no report:
//! per shown cell of a VSV or below, its period, a digest of its place (questionnaire,
//! VSV, care type, organisation, measure), its n and a digest of the clients it counts —
//! never rows, names or answers. [`Places`] gives this analysis's cells their ledger
//! places; [`Places::earlier`] turns the ledger into the rule the disclosure stage applies
//! ([`crate::analysis::disclosure::earlier::Earlier`]); a command that published adds [`Places::published`]
//! and writes the ledger back. Reruns and `--force` leave it alone: it is outside the report
//! folders they replace. The region is not recorded: it is the sum of what its VSVs show.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::analysis::disclosure::earlier::{key_of, CellKey, Earlier};
use crate::analysis::score::{Computed, Measure, Scores, Tier};
use crate::error::{Error, Result};
use crate::ingest::files::stable_digest;
use crate::ingest::Canonical;
use crate::period::Period;

/// One cell as a release showed it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The period as printed (`2026-Q3`, `2026`).
    pub period: String,
    /// Digest of the cell's place, 16 hex digits.
    pub cell: String,
    /// Clients counted.
    pub n: u64,
    /// Digest of the clients counted, 16 hex digits; empty for a score over care types
    /// (checked by its n: its mean is a function of its shown care-type cells).
    pub clients: String,
}

/// Every cell every release from one output folder published.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    entries: BTreeSet<Entry>,
}

impl Ledger {
    /// The ledger file of output folder `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(crate::layout::LEDGER)
    }

    /// Reads the ledger of `dir`; empty when there is none yet.
    pub fn read(dir: &Path) -> Result<Ledger> {
        let path = Ledger::path(dir);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ledger::default()),
            Err(source) => return Err(Error::Io { path, source }),
        };
        let mut entries = BTreeSet::new();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for (i, row) in reader.deserialize::<Entry>().enumerate() {
            let bad = |value: String| Error::Ledger {
                path: path.clone(),
                line: i + 2,
                value,
            };
            let e = row.map_err(|e| bad(e.to_string()))?;
            let hex = |s: &str| s.len() == 16 && u64::from_str_radix(s, 16).is_ok();
            if period_of(&e).is_none() {
                return Err(bad(e.period));
            }
            if !hex(&e.cell) || !(e.clients.is_empty() || hex(&e.clients)) {
                return Err(bad(format!("{},{}", e.cell, e.clients)));
            }
            entries.insert(e);
        }
        Ok(Ledger { entries })
    }

    /// Adds what a release published.
    pub fn add(&mut self, entries: impl IntoIterator<Item = Entry>) {
        self.entries.extend(entries);
    }

    /// The entries, sorted.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }

    /// Writes the ledger to `dir` (whole, through a temporary file: a killed run leaves
    /// the old one).
    pub fn write(&self, dir: &Path) -> Result<()> {
        let path = Ledger::path(dir);
        let write = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        for e in &self.entries {
            w.serialize(e)
                .map_err(|e| write(std::io::Error::other(e.to_string())))?;
        }
        let bytes = w.into_inner().map_err(|e| write(e.into_error()))?;
        std::fs::create_dir_all(dir).map_err(write)?;
        let tmp = dir.join(format!("{}.tmp", crate::layout::LEDGER));
        std::fs::write(&tmp, bytes).map_err(write)?;
        std::fs::rename(&tmp, &path).map_err(write)
    }
}

/// The ledger places of one analysis's cells at VSV level and below.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Cell → (place digest, clients digest or 0).
    cells: HashMap<CellKey, (u64, u64)>,
}

impl Places {
    /// The places of every VSV cell scoring computed (pooled cells with their clients'
    /// digest, scores over care types without).
    pub fn of(computed: &Computed, data: &Canonical) -> Places {
        let mut cells = HashMap::default();
        for (c, a) in computed.pooled.iter().filter(|(c, _)| c.vsv.is_some()) {
            cells.insert(key_of(c), (place(data, &key_of(c)), a.clients));
        }
        for comb in computed.combined.iter().filter(|c| c.vsv.is_some()) {
            let (c, _) = comb.cell(&[]);
            cells.insert(key_of(&c), (place(data, &key_of(&c)), 0));
        }
        Places { cells }
    }

    /// What `ledger` says earlier releases published of these cells: the same cell, and
    /// cells of the same place in finer or coarser periods (a month inside a quarter, a
    /// quarter inside a year).
    pub fn earlier(&self, ledger: &Ledger) -> Earlier {
        // Place → (period, n, clients) of every entry.
        let mut known: HashMap<u64, Vec<(Period, u64, u64)>> = HashMap::default();
        for e in &ledger.entries {
            let (Ok(cell), Some(period)) = (u64::from_str_radix(&e.cell, 16), period_of(e)) else {
                continue;
            };
            let clients = u64::from_str_radix(&e.clients, 16).unwrap_or(0);
            known.entry(cell).or_default().push((period, e.n, clients));
        }
        let mut out = Earlier::default();
        if known.is_empty() {
            return out;
        }
        let mut keys: Vec<&CellKey> = self.cells.keys().collect();
        keys.sort();
        for key in keys {
            let (cell, _) = self.cells[key];
            let Some(entries) = known.get(&cell) else {
                continue;
            };
            let here = key.0;
            // Per finer period inside this one: its published n's.
            let mut finer: std::collections::BTreeMap<Period, Vec<u64>> = Default::default();
            for &(p, n, clients) in entries {
                if p == here {
                    out.add(*key, n, clients);
                } else if inside(p, here) {
                    finer.entry(p).or_default().push(n);
                } else if inside(here, p) {
                    out.add_coarser(*key, (p, key.1, key.2, key.3, key.4), n);
                }
            }
            if !finer.is_empty() {
                out.add_finer(*key, totals(finer.into_values()));
            }
        }
        out
    }

    /// The entries of every cell `scores` shows at VSV level and below.
    pub fn published(&self, scores: &Scores) -> Vec<Entry> {
        let mut out: Vec<Entry> = scores
            .cells
            .iter()
            .filter(|c| c.vsv.is_some() && c.tier != Tier::Suppressed)
            .filter_map(|c| {
                let n = c.stats.as_ref()?.n;
                let &(cell, clients) = self.cells.get(&key_of(c))?;
                Some(Entry {
                    period: c.period.to_string(),
                    cell: format!("{cell:016x}"),
                    n,
                    clients: match clients {
                        0 => String::new(),
                        d => format!("{d:016x}"),
                    },
                })
            })
            .collect();
        out.sort();
        out
    }
}

/// The ledger place of a count of clients who wrote about a theme (the region's too: it
/// is not a sum of what the VSVs show).
fn comment_place(data: &Canonical, key: &crate::analysis::comments::Key) -> u64 {
    let (_, vsv, theme) = *key;
    let vsv = vsv.map_or("", |v| data.names.get(v));
    let theme = theme
        .and_then(|t| data.themes.get(t as usize))
        .map_or("", |t| t.id.as_str());
    stable_digest(&["comments", vsv, theme])
}

/// What `ledger` says earlier releases published of the counts in `raw`, added to
/// `earlier`.
pub fn earlier_comments(
    raw: &crate::analysis::comments::CommentCounts,
    data: &Canonical,
    ledger: &Ledger,
    earlier: &mut Earlier,
) {
    if ledger.entries.is_empty() {
        return;
    }
    let mut known: HashMap<(String, u64), Vec<(u64, u64)>> = HashMap::default();
    for e in &ledger.entries {
        if let Ok(cell) = u64::from_str_radix(&e.cell, 16) {
            let clients = u64::from_str_radix(&e.clients, 16).unwrap_or(0);
            known
                .entry((e.period.clone(), cell))
                .or_default()
                .push((e.n, clients));
        }
    }
    for key in raw.0.keys() {
        let place = comment_place(data, key);
        for &(n, writers) in known.get(&(key.0.to_string(), place)).into_iter().flatten() {
            earlier.add_comments(*key, n, writers);
        }
    }
}

/// The entries of the counts of clients who wrote about a theme that a report shows.
pub fn published_comments(
    shown: &crate::analysis::comments::CommentCounts,
    data: &Canonical,
) -> Vec<Entry> {
    shown
        .0
        .iter()
        .map(|(key, count)| Entry {
            period: key.0.to_string(),
            cell: format!("{:016x}", comment_place(data, key)),
            n: u64::from(count.clients),
            clients: format!("{:016x}", count.writers),
        })
        .collect()
}

/// The period of a ledger entry.
fn period_of(e: &Entry) -> Option<Period> {
    Period::parse(&e.period)
}

/// Whether period `fine` lies inside the longer period `coarse`.
fn inside(fine: Period, coarse: Period) -> bool {
    fine.kind.per_year() > coarse.kind.per_year()
        && Period::of(fine.last_day(), coarse.kind) == coarse
}

/// Every total that one n of each list can make (a few lists of one or two n's in
/// practice; capped so that a long history of revisions cannot blow up).
fn totals(lists: impl Iterator<Item = Vec<u64>>) -> Vec<u64> {
    const CAP: usize = 4096;
    let mut out = vec![0u64];
    for list in lists {
        let mut next: Vec<u64> = out
            .iter()
            .flat_map(|&t| list.iter().map(move |&n| t + n))
            .collect();
        next.sort_unstable();
        next.dedup();
        next.truncate(CAP);
        out = next;
    }
    out
}

/// The digest of a cell's place: questionnaire, VSV, care type, organisation and measure by
/// name, so that it is the same in every run whatever order the names come in.
fn place(data: &Canonical, key: &CellKey) -> u64 {
    let (_, vsv, care_type, organisation, measure) = *key;
    let name = |id: Option<u32>| id.map_or("", |i| data.names.get(i));
    let (kind, source, id) = match measure {
        Measure::Theme(t) => {
            let t = &data.themes[t as usize];
            ("theme", t.source, t.id.as_str())
        }
        Measure::Item(i) | Measure::Grade(i) | Measure::Nps(i) => {
            let it = &data.items[i as usize];
            let kind = match measure {
                Measure::Grade(_) => "grade",
                Measure::Nps(_) => "nps",
                _ => "item",
            };
            (kind, it.source, it.id.as_str())
        }
    };
    let source = data.sources.get(source).map_or("", |s| s.name.as_str());
    stable_digest(&[
        source,
        name(vsv),
        name(care_type),
        name(organisation),
        kind,
        id,
    ])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn key() -> CellKey {
        let p = Period::parse("2026-Q3").unwrap();
        (p, Some(1), None, None, Measure::Theme(0))
    }

    /// The rule against one earlier showing of 40 clients (digest 7), min_n 10.
    #[test]
    fn a_cell_shown_again_counts_the_same_clients_or_differs_by_min_n() {
        let mut e = Earlier::default();
        e.add(key(), 40, 7);
        let allows = |n, clients| e.allows(&key(), n, clients, 10);
        assert!(allows(40, 7), "the same clients");
        assert!(!allows(41, 9), "one late client");
        assert!(!allows(31, 9), "nine fewer");
        assert!(allows(50, 9) && allows(30, 9), "ten more or fewer");
        assert!(!allows(40, 8), "one left and another came");
        assert!(allows(40, 0), "a score over care types: by n");
        // Every earlier showing counts: 40 and then 50 published, 45 is hidden.
        e.add(key(), 50, 9);
        assert!(!e.allows(&key(), 45, 3, 10));
        assert!(e.allows(&key(), 60, 3, 10));
    }

    #[test]
    fn the_ledger_reads_back_what_it_wrote_and_names_a_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Ledger::read(dir.path()).unwrap(), Ledger::default());
        let entry = |period: &str, n| Entry {
            period: period.into(),
            cell: "00000000000000ff".into(),
            n,
            clients: String::new(),
        };
        let mut l = Ledger::default();
        l.add([
            entry("2026-Q3", 40),
            entry("2026", 160),
            entry("2026-Q3", 40),
        ]);
        l.write(dir.path()).unwrap();
        assert_eq!(Ledger::read(dir.path()).unwrap(), l);
        assert_eq!(l.entries().count(), 2);
        let path = Ledger::path(dir.path());
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("00000000000000ff", "VSV Noord")).unwrap();
        match Ledger::read(dir.path()) {
            Err(Error::Ledger { line, value, .. }) => {
                assert_eq!(line, 2);
                assert!(value.contains("VSV Noord"), "{value}");
            }
            other => panic!("{other:?}"),
        }
    }
}
