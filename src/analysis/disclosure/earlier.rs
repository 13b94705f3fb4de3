//! What was published before beside this analysis: earlier releases from the same output
//! folder ([`Earlier`], read from the ledger) and finer periods of the same rows shown beside
//! these cells ([`Finer`]).

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::score::{Cell, Measure, Scores, Tier};
use crate::period::Period;

/// A cell's place: period, VSV, care type, organisation, measure.
pub type CellKey = (Period, Option<u32>, Option<u32>, Option<u32>, Measure);

/// What earlier releases from the same output folder published of this analysis's cells
/// (read from the publication ledger, [`crate::analysis::ledger`]): per cell, every (n, clients
/// digest) it was shown with. A release is one more table an attacker holds: a cell shown
/// again must count the same clients as every earlier showing, or differ from it by at
/// least `min_n` (a late export adding one client to a reported quarter would otherwise
/// give her answers as the difference of the two releases).
///
/// Periods nest like units across releases too: a quarter shown beside months published
/// before (or a month beside a published quarter) must not leave 1 to `min_n − 1` clients
/// between the coarse cell and the shown finer cells inside it.
#[derive(Debug, Clone, Default)]
pub struct Earlier {
    cells: HashMap<CellKey, Vec<(u64, u64)>>,
    /// Coarse cell → every total the earlier releases' finer cells inside it can make
    /// (one published n per finer period, any of its versions).
    finer: HashMap<CellKey, Vec<u64>>,
    /// Fine cell → the coarser cells published before that hold it.
    coarser: HashMap<CellKey, Vec<CellKey>>,
    /// Coarser cell → its published n's.
    coarse_n: HashMap<CellKey, Vec<u64>>,
    /// Counts of clients who wrote about a theme ([`crate::analysis::comments`]) → their published
    /// (count, writers digest).
    comments: HashMap<crate::analysis::comments::Key, Vec<(u64, u64)>>,
    /// Per period: the numbers these rules held back that would otherwise be shown (for
    /// the officer's message). Counted as the stage decides.
    held: std::cell::RefCell<std::collections::BTreeMap<Period, usize>>,
}

impl Earlier {
    /// Notes that `key` was published with `n` clients whose digest is `clients` (0 when
    /// the digest is not known: a score over care types, checked by its n alone).
    pub fn add(&mut self, key: CellKey, n: u64, clients: u64) {
        let list = self.cells.entry(key).or_default();
        if !list.contains(&(n, clients)) {
            list.push((n, clients));
        }
    }

    /// True when `key` may be shown with `n` clients of digest `clients` beside every
    /// earlier showing: the same clients, or at least `min_n` more or fewer. The same n
    /// with other clients (one left, another came) is held back too.
    pub fn allows(&self, key: &CellKey, n: u64, clients: u64, min_n: u64) -> bool {
        let Some(list) = self.cells.get(key) else {
            return true;
        };
        list.iter().all(|&(m, c)| {
            if m == n {
                c == 0 || clients == 0 || c == clients
            } else {
                m.abs_diff(n) >= min_n
            }
        })
    }

    /// Notes that the count of clients who wrote about a theme at `key` was published as
    /// `n` clients of digest `writers`.
    pub fn add_comments(&mut self, key: crate::analysis::comments::Key, n: u64, writers: u64) {
        let list = self.comments.entry(key).or_default();
        if !list.contains(&(n, writers)) {
            list.push((n, writers));
        }
    }

    /// [`Earlier::allows`] for a count of clients who wrote about a theme.
    pub(super) fn allows_comments(
        &self,
        key: &crate::analysis::comments::Key,
        n: u64,
        writers: u64,
        min_n: u64,
    ) -> bool {
        self.comments.get(key).is_none_or(|list| {
            list.iter().all(|&(m, w)| {
                if m == n {
                    w == writers
                } else {
                    m.abs_diff(n) >= min_n
                }
            })
        })
    }

    /// Notes that the finer cells inside `key` published before can add up to each of
    /// `totals`.
    pub fn add_finer(&mut self, key: CellKey, totals: Vec<u64>) {
        self.finer.insert(key, totals);
    }

    /// Notes that the coarser cell `coarse`, holding `key`, was published with `n` clients.
    pub fn add_coarser(&mut self, key: CellKey, coarse: CellKey, n: u64) {
        let list = self.coarser.entry(key).or_default();
        if !list.contains(&coarse) {
            list.push(coarse);
        }
        let ns = self.coarse_n.entry(coarse).or_default();
        if !ns.contains(&n) {
            ns.push(n);
        }
    }

    /// True when a coarse cell of `n` may be shown beside the finer cells published before:
    /// it differs from every total they can make by 0 or at least `min_n`.
    pub(super) fn allows_beside_finer(&self, key: &CellKey, n: u64, min_n: u64) -> bool {
        self.finer.get(key).is_none_or(|totals| {
            totals.iter().all(|&t| {
                let d = t.abs_diff(n);
                d == 0 || d >= min_n
            })
        })
    }

    /// Hides every finer cell of a published coarser cell whose shown finer cells (by
    /// `shown`) leave 1 to `min_n − 1` clients of it unaccounted for, or count that many
    /// more: the difference would be a small group. Hiding all of them leaves the coarse
    /// cell's own n, which no later rule can make small again.
    pub(super) fn hide_inside_coarser(
        &self,
        keys: &[CellKey],
        n: &[u64],
        shown: &mut [bool],
        min_n: u64,
    ) {
        if self.coarser.is_empty() {
            return;
        }
        let mut groups: HashMap<CellKey, Vec<usize>> = HashMap::default();
        for (i, key) in keys.iter().enumerate() {
            for coarse in self.coarser.get(key).into_iter().flatten() {
                groups.entry(*coarse).or_default().push(i);
            }
        }
        let mut order: Vec<&CellKey> = groups.keys().collect();
        order.sort();
        for coarse in order {
            let members = &groups[coarse];
            let total: u64 = members.iter().filter(|&&i| shown[i]).map(|&i| n[i]).sum();
            let small = self.coarse_n.get(coarse).into_iter().flatten().any(|&c| {
                let d = c.abs_diff(total);
                d > 0 && d < min_n
            });
            if small {
                for &i in members {
                    if shown[i] {
                        self.count(coarse.0, false);
                    }
                    shown[i] = false;
                }
            }
        }
    }

    /// Per period: how many numbers were held back because of earlier releases.
    pub fn held(&self) -> Vec<(Period, usize)> {
        self.held.borrow().iter().map(|(p, n)| (*p, *n)).collect()
    }

    /// `allowed`, counting a number held back in `period` when it is not.
    pub(super) fn count(&self, period: Period, allowed: bool) -> bool {
        if !allowed {
            *self.held.borrow_mut().entry(period).or_default() += 1;
        }
        allowed
    }
}

/// What a finer analysis of the same rows published (the quarters under a year's cells):
/// periods nest like units. A coarser cell is shown only when it, minus its shown finer
/// cells, leaves no respondent or at least `min_n` (a year of 124 beside quarters of 40,
/// 40 and 40 would otherwise give the fourth quarter's 4 clients and their mean).
#[derive(Debug, Clone, Default)]
pub struct Finer {
    /// (coarse period, VSV, care type, organisation, measure) → the n's of the shown finer
    /// cells, summed.
    cells: HashMap<CellKey, u64>,
}

impl Finer {
    /// The shown cells of `scores`, summed per period of `kind` (response counts are the n
    /// of a shown cell, so they need no rule of their own).
    pub fn of(scores: &Scores, kind: crate::period::PeriodKind) -> Finer {
        let mut out = Finer::default();
        for c in &scores.cells {
            let Some(st) = c.stats.filter(|_| c.tier != Tier::Suppressed) else {
                continue;
            };
            let p = Period::of(c.period.last_day(), kind);
            *out.cells
                .entry((p, c.vsv, c.care_type, c.organisation, c.measure))
                .or_default() += st.n;
        }
        out
    }

    /// True when a cell of `n` respondents may be shown beside its finer cells: the
    /// respondents they do not show are none or at least `min_n`.
    pub(super) fn allows_cell(&self, c: &Cell, n: u64, min_n: u64) -> bool {
        let key = key_of(c);
        let rest = n.saturating_sub(self.cells.get(&key).copied().unwrap_or(0));
        rest == 0 || rest >= min_n
    }
}

/// The place of `c`.
pub fn key_of(c: &Cell) -> CellKey {
    (c.period, c.vsv, c.care_type, c.organisation, c.measure)
}
