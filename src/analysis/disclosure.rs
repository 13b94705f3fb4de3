//! Disclosure control: decides, for every number scoring computed, whether it may leave the
//! program. Everything after this stage (trends, comparison, flags, charts, agendas, tables)
//! sees only what it publishes: a hidden cell carries no numbers at all.
//!
//! The rule (spec §5): every published statistic rests on at least `min_n` respondents, and
//! no combination of published numbers isolates a group of fewer than `min_n`.
//!
//! * **Pooled cells** (organisations, care types, and units of a source without care types)
//!   nest per period × measure: region (× care type) ⊃ VSV (× care type) ⊃ organisation,
//!   with respondents without an organisation as an unpublished remainder. In such a tree
//!   the groups an attacker can isolate by adding and subtracting published n's and sums are
//!   exactly unions of *residuals*: a shown cell minus its largest shown descendants. So a
//!   cell with n < `min_n` is hidden (primary), and then, while some shown cell has a
//!   residual of 1 to `min_n − 1` respondents, its smallest shown descendant is hidden too
//!   (complementary suppression until every hidden group totals at least `min_n`).
//! * **Cells over care types** (a VSV's or the region's PREM score, the unweighted mean of
//!   care-type means) are combined only from care-type cells that are shown, and say which
//!   ones they cover ([`Cell::covers`]). Their mean, sd, interval and shares are then functions
//!   of published cells, so no hidden respondent carries weight in them — however small her
//!   care type. Their n (distinct respondents over the covered care types) is protected like
//!   a pooled count: the region's n minus the shown VSVs' n's must not isolate a small group.
//! * **Response counts** per source (the agenda's response line) follow the same tree rule.
//! * **Reliability**: α only over the rows the shown VSV-level theme cells count, from at
//!   least `min_n` complete cases, and without their count.
//!
//! [`audit`] checks the published result against the rule without sharing this module's
//! suppression loop; [`crate::analysis::analyse::analyse`] refuses to go on when it finds anything.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use crate::analysis::flags::{Flag, FlagKind};
use crate::analysis::score::{
    combined_cell, pooled_cell, Acc, Cell, Computed, Measure, Response, Scores, Tier, Unit,
};
use crate::config::Privacy;
use crate::period::Period;

/// Decides what of `computed` may be published.
pub fn disclose(computed: Computed, privacy: &Privacy) -> Scores {
    disclose_with(computed, Vec::new(), privacy)
}

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
    fn allows_comments(
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
    fn allows_beside_finer(&self, key: &CellKey, n: u64, min_n: u64) -> bool {
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
    fn hide_inside_coarser(&self, keys: &[CellKey], n: &[u64], shown: &mut [bool], min_n: u64) {
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
    fn count(&self, period: Period, allowed: bool) -> bool {
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
    fn allows_cell(&self, c: &Cell, n: u64, min_n: u64) -> bool {
        let key = key_of(c);
        let rest = n.saturating_sub(self.cells.get(&key).copied().unwrap_or(0));
        rest == 0 || rest >= min_n
    }
}

/// The place of `c`.
pub fn key_of(c: &Cell) -> CellKey {
    (c.period, c.vsv, c.care_type, c.organisation, c.measure)
}

/// One VSV's publishable contribution to its region: the sums of its shown cells at VSV
/// level (per care type, or whole for a source without care types), its shown scores over
/// care types (n and covers), and its shown response counts. A region is the sum of its
/// VSVs' parts and nothing else (rule R, spec §10), so a VSV's published numbers depend on
/// its own data only, and a peer's part read from its shared file counts exactly as if its
/// rows had been pooled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    /// The VSV (id in [`crate::ingest::Canonical::names`]).
    pub vsv: u32,
    /// Shown cells at VSV level.
    pub cells: Vec<PartCell>,
    /// Shown scores over care types.
    pub units: Vec<PartUnit>,
    /// Shown response counts: (period, source, distinct respondents).
    pub responses: Vec<(Period, u16, u64)>,
}

/// A shown VSV-level cell of a [`Part`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartCell {
    pub period: Period,
    /// None for a source without care types.
    pub care_type: Option<u32>,
    pub measure: Measure,
    pub sums: Acc,
}

/// A shown VSV score over care types of a [`Part`].
#[derive(Debug, Clone, PartialEq)]
pub struct PartUnit {
    pub period: Period,
    pub measure: Measure,
    /// Distinct respondents who answered for at least one covered care type.
    pub n: u64,
    /// The care types it averages: the part's shown care-type cells of this measure.
    pub covers: Vec<u32>,
}

/// Decides what of `computed` may be published, with the parts of `peers` (read from their
/// shared files, already checked) as further VSVs of the region.
pub fn disclose_with(computed: Computed, peers: Vec<Part>, privacy: &Privacy) -> Scores {
    disclose_parts(computed, peers, privacy).0
}

/// [`disclose_with`], and every VSV's part (the local VSVs' and the peers'), in the order
/// of their names: what `prem share` writes.
pub fn disclose_parts(
    computed: Computed,
    peers: Vec<Part>,
    privacy: &Privacy,
) -> (Scores, Vec<Part>) {
    disclose_released(computed, peers, privacy, None, None)
}

/// Disclosure with everything published before: `finer`, the finer periods of the same
/// rows published beside these cells (see [`Finer`]), and `earlier`, what earlier releases
/// published of them (see [`Earlier`]). The other `disclose` functions are this one with
/// less known.
pub fn disclose_released(
    computed: Computed,
    peers: Vec<Part>,
    privacy: &Privacy,
    finer: Option<&Finer>,
    earlier: Option<&Earlier>,
) -> (Scores, Vec<Part>) {
    let (mut cells, region, mut parts, local_responses, rest) =
        local(computed, privacy, finer, earlier);
    let rank = rest.name_ranks.clone();
    for part in peers {
        cells.extend(part_cells(&part, &rank, privacy));
        parts.push(part);
    }
    parts.sort_by_key(|p| rank.get(p.vsv as usize).copied());
    cells.extend(region_cells(&parts, region, &rank, privacy));
    cells.sort_by_cached_key(|c| crate::analysis::score::cell_order(&rank, c));
    let responses = region_responses(&parts, local_responses, &cells, &rest.sources);
    let scores = Scores::new(cells, rest.reliability, rest.case_mix, responses);
    (scores, parts)
}

/// What of [`Computed`] is not a cell: α, strata and the cell order.
struct Rest {
    reliability: Vec<crate::analysis::score::Reliability>,
    sources: crate::analysis::score::MeasureSources,
    case_mix: crate::analysis::score::CaseMix,
    name_ranks: Vec<u32>,
}

/// The region's cells as scoring computed them over all rows: only their keys are used (a
/// key no VSV publishes anything for stays as a suppressed row).
#[derive(Default)]
struct RegionKeys {
    /// Pooled cells (care type, or a source without care types).
    pooled: Vec<Cell>,
    /// Scores over care types.
    over: Vec<Cell>,
}

/// Local disclosure, VSV by VSV: the published cells of every VSV of the rows (organisation
/// rows included), the region's keys, every VSV's part, and the VSVs' response rows.
fn local(
    computed: Computed,
    privacy: &Privacy,
    finer: Option<&Finer>,
    earlier: Option<&Earlier>,
) -> (Vec<Cell>, RegionKeys, Vec<Part>, Vec<Response>, Rest) {
    let min_n = u64::from(privacy.min_n);
    let Computed {
        pooled,
        combined,
        reliability,
        alpha_cases,
        in_theme,
        item_theme,
        case_mix,
        responses,
        sources,
        name_ranks,
    } = computed;

    // 1. Pooled cells: primary, then complementary suppression from the organisations up to
    //    their VSV (× care type). The region is not a parent: it is built from what each
    //    VSV shows, so its residual is 0 by construction.
    type WithSums = Vec<(Cell, Acc)>;
    let (region_pooled, vsv_pooled): (WithSums, WithSums) =
        pooled.into_iter().partition(|(c, _)| c.vsv.is_none());
    let (mut cells, sums): (Vec<Cell>, Vec<Acc>) = vsv_pooled.into_iter().unzip();
    let n: Vec<u64> = sums.iter().map(|a| a.n).collect();
    let mut shown: Vec<bool> = n.iter().map(|&k| k >= min_n).collect();
    if let Some(f) = finer {
        for ((c, &k), s) in cells.iter().zip(&n).zip(shown.iter_mut()) {
            *s = *s && f.allows_cell(c, k, min_n);
        }
    }
    if let Some(e) = earlier {
        for ((c, a), s) in cells.iter().zip(&sums).zip(shown.iter_mut()) {
            let key = key_of(c);
            *s = *s
                && e.count(
                    c.period,
                    e.allows(&key, a.n, a.clients, min_n)
                        && e.allows_beside_finer(&key, a.n, min_n),
                );
        }
        let keys: Vec<CellKey> = cells.iter().map(key_of).collect();
        e.hide_inside_coarser(&keys, &n, &mut shown, min_n);
    }
    hide_item_nonresponse(&cells, &n, &in_theme, &item_theme, &mut shown, min_n);
    let parents = pooled_parents(&cells);
    protect_families(
        &cells,
        &parents,
        &n,
        &item_theme,
        &mut shown,
        min_n,
        &combined,
    );
    let reliability = reliability_of_shown(reliability, &alpha_cases, &cells, &shown, min_n);

    let mut parts: std::collections::BTreeMap<u32, Part> = Default::default();
    fn part(parts: &mut std::collections::BTreeMap<u32, Part>, v: u32) -> &mut Part {
        parts.entry(v).or_insert_with(|| Part {
            vsv: v,
            ..Part::default()
        })
    }
    for ((c, a), &s) in cells.iter().zip(&sums).zip(&shown) {
        if let (true, Some(v), None) = (s, c.vsv, c.organisation) {
            part(&mut parts, v).cells.push(PartCell {
                period: c.period,
                care_type: c.care_type,
                measure: c.measure,
                sums: *a,
            });
        }
    }

    // 2. VSV scores over care types, from the shown care types only.
    let shown_ct: std::collections::HashSet<(Period, Option<u32>, u32, Measure)> = cells
        .iter()
        .zip(&shown)
        .filter(|(c, s)| **s && c.organisation.is_none())
        .filter_map(|(c, _)| Some((c.period, c.vsv, c.care_type?, c.measure)))
        .collect();
    let mut region = RegionKeys::default();
    let mut over: Vec<(Cell, u64)> = Vec::with_capacity(combined.len());
    for comb in &combined {
        if comb.vsv.is_none() {
            region.over.push(comb.cell(&[]).0);
            continue;
        }
        let covers: Vec<u32> = comb
            .care_types()
            .filter(|&ct| shown_ct.contains(&(comb.period, comb.vsv, ct, comb.measure)))
            .collect();
        let (cell, k) = comb.cell(&covers);
        let k = if covers.is_empty() { 0 } else { k };
        let k = match finer {
            Some(f) if !f.allows_cell(&cell, k, min_n) => 0,
            _ => k,
        };
        let k = match earlier {
            Some(e)
                if k >= min_n
                    && !e.count(
                        cell.period,
                        e.allows(&key_of(&cell), k, 0, min_n)
                            && e.allows_beside_finer(&key_of(&cell), k, min_n),
                    ) =>
            {
                0
            }
            _ => k,
        };
        over.push((cell, k));
    }
    if let Some(e) = earlier {
        let keys: Vec<CellKey> = over.iter().map(|(c, _)| key_of(c)).collect();
        let ks: Vec<u64> = over.iter().map(|o| o.1).collect();
        let mut on: Vec<bool> = ks.iter().map(|&k| k >= min_n).collect();
        e.hide_inside_coarser(&keys, &ks, &mut on, min_n);
        for (o, on) in over.iter_mut().zip(on) {
            if !on {
                o.1 = 0;
            }
        }
    }
    hide_over_item_nonresponse(&mut over, &item_theme, min_n);
    for (cell, k) in &over {
        let k = *k;
        if let (Some(v), true) = (cell.vsv, k >= min_n) {
            part(&mut parts, v).units.push(PartUnit {
                period: cell.period,
                measure: cell.measure,
                n: k,
                covers: cell.covers.clone(),
            });
        }
    }

    // 3. Publish: tiers from n, numbers only for shown cells.
    for ((c, &k), &s) in cells.iter_mut().zip(&n).zip(&shown) {
        publish(c, k, s, privacy);
    }
    for (mut c, k) in over {
        publish(&mut c, k, k >= min_n, privacy);
        cells.push(c);
    }
    region.pooled = region_pooled.into_iter().map(|(c, _)| c).collect();

    // 4. Response counts of the VSVs: the largest n of a score the VSV shows for the
    //    source, a number the tables publish anyway. A count of its own would not be: 43
    //    beside a theme's 40 gives the three clients the theme does not count (those of a
    //    hidden care type, or who skipped the theme).
    let largest = largest_shown_n(&cells, &sources);
    let mut vsv_responses = Vec::new();
    for &(period, vsv, source, _) in &responses {
        let Some(v) = vsv else { continue };
        let n = largest.get(&(period, v, source)).copied();
        if let Some(k) = n {
            part(&mut parts, v).responses.push((period, source, k));
        }
        vsv_responses.push(Response {
            period,
            vsv,
            source,
            n,
        });
    }
    // The region's response rows keep their place; their counts come from the parts.
    let mut all_responses = Vec::with_capacity(responses.len());
    let mut vsv_rows = vsv_responses.into_iter();
    for &(period, vsv, source, _) in &responses {
        match vsv {
            None => all_responses.push(Response {
                period,
                vsv,
                source,
                n: None,
            }),
            Some(_) => all_responses.extend(vsv_rows.next()),
        }
    }

    let parts = parts.into_values().collect();
    let rest = Rest {
        reliability,
        sources,
        case_mix,
        name_ranks,
    };
    (cells, region, parts, all_responses, rest)
}

/// Per (period, VSV, source): the largest n of a shown VSV score of the source (over care
/// types, or whole for a source without care types).
fn largest_shown_n(
    cells: &[Cell],
    sources: &crate::analysis::score::MeasureSources,
) -> HashMap<(Period, u32, u16), u64> {
    let mut out: HashMap<(Period, u32, u16), u64> = HashMap::default();
    for c in cells {
        let (Some(v), None, None) = (c.vsv, c.care_type, c.organisation) else {
            continue;
        };
        let (Some(st), Some(source)) = (&c.stats, sources.of(c.measure)) else {
            continue;
        };
        if c.tier == Tier::Suppressed {
            continue;
        }
        let k = out.entry((c.period, v, source)).or_default();
        *k = (*k).max(st.n);
    }
    out
}

/// The item rule for scores over care types: a VSV's item and its theme may average
/// different care types (each its own shown ones), so their n's can differ by the clients
/// of one care type only. An item whose n differs from its shown theme's by 1 to
/// `min_n − 1` is hidden (`k` set to 0).
fn hide_over_item_nonresponse(over: &mut [(Cell, u64)], item_theme: &[Option<u16>], min_n: u64) {
    let themes: HashMap<(Period, Option<u32>, u16), u64> = over
        .iter()
        .filter_map(|(c, k)| match c.measure {
            Measure::Theme(t) if *k >= min_n => Some(((c.period, c.vsv, t), *k)),
            _ => None,
        })
        .collect();
    for (c, k) in over.iter_mut() {
        let Measure::Item(i) = c.measure else {
            continue;
        };
        let Some(Some(t)) = item_theme.get(i as usize) else {
            continue;
        };
        if let Some(&theme) = themes.get(&(c.period, c.vsv, *t)) {
            let d = theme.abs_diff(*k);
            if *k >= min_n && d > 0 && d < min_n {
                *k = 0;
            }
        }
    }
}

/// Item non-response: at every unit, an item's respondents and its theme's are the same or
/// differ by at least `min_n`. A theme score is the mean of the items a client answered
/// (at least half), so a theme cell next to its item cells ties them together: with one
/// client who answered only item a (too few for the theme), item a's sum minus the theme's
/// share of it is her answer; with one who skipped item c, the theme's sum minus the three
/// item sums gives her other two answers. So an item whose respondents differ from the
/// theme's by 1 to `min_n − 1` clients (answered the item but are not in the theme, or are
/// in the theme but skipped the item) is hidden in that unit.
fn hide_item_nonresponse(
    cells: &[Cell],
    n: &[u64],
    in_theme: &HashMap<(crate::analysis::score::UnitKey, u16), u64>,
    item_theme: &[Option<u16>],
    shown: &mut [bool],
    min_n: u64,
) {
    let key = |c: &Cell| (c.period, c.vsv, c.care_type, c.organisation);
    let theme_n: HashMap<(crate::analysis::score::UnitKey, u16), u64> = cells
        .iter()
        .zip(n)
        .filter_map(|(c, &k)| match c.measure {
            Measure::Theme(t) => Some(((key(c), t), k)),
            _ => None,
        })
        .collect();
    let small = |d: u64| d > 0 && d < min_n;
    for ((c, &k), s) in cells.iter().zip(n).zip(shown.iter_mut()) {
        let Measure::Item(i) = c.measure else {
            continue;
        };
        let Some(t) = item_theme.get(i as usize).copied().flatten() else {
            continue;
        };
        let both = in_theme.get(&(key(c), i)).copied().unwrap_or(0);
        let theme = theme_n.get(&(key(c), t)).copied().unwrap_or(0);
        if small(theme.saturating_sub(both)) || small(k.saturating_sub(both)) {
            *s = false;
        }
    }
}

/// Complementary suppression, the same for a theme and its items. Per measure, the tree
/// rule hides a sibling where a hidden cell would be the parent minus its shown siblings;
/// but a theme and its items are tied (a client's theme score is the mean of her items),
/// so a sibling hidden for item c and shown for the theme and items a and b gives its item
/// c back, and with it the cell it was to protect. So an organisation hidden for any
/// measure of a theme is hidden for the theme and all its items, and the tree rule runs
/// again, until nothing changes.
fn protect_families(
    cells: &[Cell],
    parents: &[Option<usize>],
    n: &[u64],
    item_theme: &[Option<u16>],
    shown: &mut [bool],
    min_n: u64,
    combined: &[crate::analysis::score::Combined],
) {
    let family = |m: Measure| match m {
        Measure::Theme(t) => Some(t),
        Measure::Item(i) => item_theme.get(i as usize).copied().flatten(),
        _ => None,
    };
    type FamilyKey = (Period, Option<u32>, Option<u32>, Option<u32>, u16);
    let mut families: std::collections::BTreeMap<FamilyKey, Vec<usize>> = Default::default();
    for (i, c) in cells.iter().enumerate() {
        if let (Some(_), Some(f)) = (c.organisation, family(c.measure)) {
            families
                .entry((c.period, c.vsv, c.care_type, c.organisation, f))
                .or_default()
                .push(i);
        }
    }
    // Overlap: a VSV's score over care types counts distinct clients; beside its shown
    // care-type cells it gives how many answered for two of them. While that is 1 to
    // min_n − 1, the smallest shown care type is hidden for the whole family of the
    // measure (a theme and its items; a grade or NPS alone) with its organisations, so
    // that neither the VSV score nor the care-type cells below count it.
    let index: HashMap<CellKey, usize> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| (key_of(c), i))
        .collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, p) in parents.iter().enumerate() {
        if let (Some(p), Some(_)) = (p, cells[i].organisation) {
            children.entry(*p).or_default().push(i);
        }
    }
    let members_of = |period: Period, vsv: Option<u32>, m: Measure| -> Vec<Measure> {
        match family(m) {
            Some(f) => cells
                .iter()
                .filter(|c| c.period == period && c.vsv == vsv && c.organisation.is_none())
                .map(|c| c.measure)
                .filter(|&x| family(x) == Some(f))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
            None => vec![m],
        }
    };
    loop {
        protect_tree(parents, n, shown, min_n);
        let mut changed = false;
        for members in families.values() {
            if members.iter().any(|&i| !shown[i]) {
                for &i in members {
                    changed |= std::mem::replace(&mut shown[i], false);
                }
            }
        }
        for comb in combined.iter().filter(|c| c.vsv.is_some()) {
            let at = |ct: u32| index.get(&(comb.period, comb.vsv, Some(ct), None, comb.measure));
            let covered: Vec<(u32, usize)> = comb
                .care_types()
                .filter_map(|ct| Some((ct, *at(ct)?)))
                .filter(|&(_, i)| shown[i])
                .collect();
            if covered.len() < 2 {
                continue;
            }
            let cts: Vec<u32> = covered.iter().map(|c| c.0).collect();
            let (_, k) = comb.cell(&cts);
            let sum: u64 = covered.iter().map(|&(_, i)| n[i]).sum();
            let overlap = sum.saturating_sub(k);
            if overlap == 0 || overlap >= min_n {
                continue;
            }
            let Some(&(ct, _)) = covered.iter().min_by_key(|&&(ct, i)| (n[i], ct)) else {
                continue;
            };
            for m in members_of(comb.period, comb.vsv, comb.measure) {
                if let Some(&i) = index.get(&(comb.period, comb.vsv, Some(ct), None, m)) {
                    changed |= std::mem::replace(&mut shown[i], false);
                    for &c in children.get(&i).into_iter().flatten() {
                        changed |= std::mem::replace(&mut shown[c], false);
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Cronbach's α per theme and period over the complete cases of the rows that the shown
/// VSV-level theme cells count (a VSV × care type, or a VSV of a source without care
/// types), so that α is a function of the published groups only: a client of a hidden cell
/// carries no weight in it (before, α over all rows and its n next to the published n's
/// and moments let an attacker solve a hidden client's answers). Only α is published, from
/// at least `min_n` complete cases: their count beside a theme's n would count the clients
/// who skipped an item.
fn reliability_of_shown(
    mut rows: Vec<crate::analysis::score::Reliability>,
    cases: &[crate::analysis::score::AlphaCases],
    cells: &[Cell],
    shown: &[bool],
    min_n: u64,
) -> Vec<crate::analysis::score::Reliability> {
    let published: std::collections::HashSet<(Period, u32, Option<u32>, u16)> = cells
        .iter()
        .zip(shown)
        .filter(|(c, s)| **s && c.organisation.is_none())
        .filter_map(|(c, _)| match c.measure {
            Measure::Theme(t) => Some((c.period, c.vsv?, c.care_type, t)),
            _ => None,
        })
        .collect();
    let mut columns: std::collections::BTreeMap<(Period, u16), Vec<Vec<f64>>> = Default::default();
    for a in cases {
        let (period, vsv, care_type, _) = a.group;
        if !published.contains(&(period, vsv, care_type, a.theme)) {
            continue;
        }
        let into = columns
            .entry((period, a.theme))
            .or_insert_with(|| vec![Vec::new(); a.cols.len()]);
        for (to, from) in into.iter_mut().zip(&a.cols) {
            to.extend_from_slice(from);
        }
    }
    for r in &mut rows {
        let cols = columns.remove(&(r.period, r.theme)).unwrap_or_default();
        r.n = cols.first().map_or(0, Vec::len);
        r.alpha = if r.n as u64 >= min_n {
            crate::stats::cronbach_alpha(&cols)
        } else {
            None
        };
    }
    rows
}

/// Sets a cell's tier from its n, or hides it with all its numbers.
fn publish(c: &mut Cell, k: u64, show: bool, privacy: &Privacy) {
    if show {
        c.tier = Tier::of(k, privacy);
    } else {
        c.tier = Tier::Suppressed;
        c.stats = None;
        c.covers.clear();
    }
}

/// The published cells of a peer's part (all shown: its file holds nothing else).
fn part_cells(part: &Part, rank: &[u32], privacy: &Privacy) -> Vec<Cell> {
    let v = Some(part.vsv);
    let mut out = Vec::with_capacity(part.cells.len() + part.units.len());
    for pc in &part.cells {
        let mut c = pooled_cell((pc.period, v, pc.care_type, None), pc.measure, &pc.sums);
        publish(&mut c, pc.sums.n, true, privacy);
        out.push(c);
    }
    for u in &part.units {
        let strata = strata_by_name(
            part.cells
                .iter()
                .filter(|pc| pc.period == u.period && pc.measure == u.measure)
                .filter_map(|pc| Some((pc.care_type?, pc.sums)))
                .filter(|(ct, _)| u.covers.contains(ct)),
            rank,
        );
        let mut c = combined_cell((u.period, v), u.measure, &strata, u.n);
        c.covers = covers_of(&strata);
        publish(&mut c, u.n, true, privacy);
        out.push(c);
    }
    out
}

/// Care-type sums ordered by the care types' names: the same order in every run, whatever
/// the ids (a mean of means, and its rounded effective n, must not depend on them).
fn strata_by_name(strata: impl Iterator<Item = (u32, Acc)>, rank: &[u32]) -> Vec<(u32, Acc)> {
    let mut strata: Vec<(u32, Acc)> = strata.collect();
    strata.sort_by_key(|(ct, _)| (rank.get(*ct as usize).copied(), *ct));
    strata
}

/// The care types of a score over care types, in the order of their ids (the order the
/// exports name them in, as a VSV's own scores list them).
fn covers_of(strata: &[(u32, Acc)]) -> Vec<u32> {
    let mut covers: Vec<u32> = strata.iter().map(|(ct, _)| *ct).collect();
    covers.sort_unstable();
    covers
}

/// The region's cells by rule R: each pooled cell the sum of the VSVs' shown cells, each
/// score over care types the mean of those care-type cells with n the sum of the VSVs'
/// shown n's. A region key of the rows without any shown VSV cell stays as a suppressed row.
fn region_cells(parts: &[Part], keys: RegionKeys, rank: &[u32], privacy: &Privacy) -> Vec<Cell> {
    use std::collections::BTreeMap;
    let mut pooled: BTreeMap<(Period, Option<u32>, Measure), Acc> = BTreeMap::new();
    let mut over_n: BTreeMap<(Period, Measure), u64> = BTreeMap::new();
    // Parts are in name order, so the sums add up in the same order in every run.
    for part in parts {
        for pc in &part.cells {
            pooled
                .entry((pc.period, pc.care_type, pc.measure))
                .or_default()
                .merge(&pc.sums);
        }
        for u in &part.units {
            *over_n.entry((u.period, u.measure)).or_default() += u.n;
        }
    }
    let mut strata: BTreeMap<(Period, Measure), Vec<(u32, Acc)>> = BTreeMap::new();
    let mut out = Vec::with_capacity(pooled.len() + over_n.len());
    for (&(p, ct, m), a) in &pooled {
        let mut c = pooled_cell((p, None, ct, None), m, a);
        publish(&mut c, a.n, true, privacy);
        out.push(c);
        if let Some(ct) = ct {
            strata.entry((p, m)).or_default().push((ct, *a));
        }
    }
    for (&(p, m), &k) in &over_n {
        let cts = strata.remove(&(p, m)).unwrap_or_default();
        let cts = strata_by_name(cts.into_iter(), rank);
        let mut c = combined_cell((p, None), m, &cts, k);
        c.covers = covers_of(&cts);
        publish(&mut c, k, true, privacy);
        out.push(c);
    }
    for mut c in keys.pooled {
        if !pooled.contains_key(&(c.period, c.care_type, c.measure)) {
            publish(&mut c, 0, false, privacy);
            out.push(c);
        }
    }
    for mut c in keys.over {
        if !over_n.contains_key(&(c.period, c.measure)) {
            publish(&mut c, 0, false, privacy);
            out.push(c);
        }
    }
    out
}

/// The response rows with the peers' own rows added and the region's line set like a
/// VSV's: the largest n of a score the region shows for the questionnaire (a sum of the VSV
/// lines would be a count of its own beside the region's scores).
fn region_responses(
    parts: &[Part],
    mut rows: Vec<Response>,
    cells: &[Cell],
    sources: &crate::analysis::score::MeasureSources,
) -> Vec<Response> {
    let mut known: BTreeSet<(Period, Option<u32>, u16)> =
        rows.iter().map(|r| (r.period, r.vsv, r.source)).collect();
    for part in parts {
        for &(period, source, k) in &part.responses {
            if known.insert((period, Some(part.vsv), source)) {
                rows.push(Response {
                    period,
                    vsv: Some(part.vsv),
                    source,
                    n: Some(k),
                });
            }
            if known.insert((period, None, source)) {
                rows.push(Response {
                    period,
                    vsv: None,
                    source,
                    n: None,
                });
            }
        }
    }
    let mut region: HashMap<(Period, u16), u64> = HashMap::default();
    for c in cells {
        let (None, None, None) = (c.vsv, c.care_type, c.organisation) else {
            continue;
        };
        let (Some(st), Some(source)) = (&c.stats, sources.of(c.measure)) else {
            continue;
        };
        if c.tier != Tier::Suppressed {
            let k = region.entry((c.period, source)).or_default();
            *k = (*k).max(st.n);
        }
    }
    for r in rows.iter_mut().filter(|r| r.vsv.is_none()) {
        r.n = region.get(&(r.period, r.source)).copied();
    }
    rows
}

/// The parent of every pooled cell (index), by nesting: organisation → VSV (× care type) →
/// region (× care type).
fn pooled_parents(cells: &[Cell]) -> Vec<Option<usize>> {
    type Key = (Period, Measure, Option<u32>, Option<u32>, Option<u32>);
    let key = |c: &Cell| (c.period, c.measure, c.vsv, c.care_type, c.organisation);
    let index: HashMap<Key, usize> = cells.iter().enumerate().map(|(i, c)| (key(c), i)).collect();
    cells
        .iter()
        .map(|c| {
            let up = match (c.vsv, c.organisation) {
                (Some(v), Some(_)) => (c.period, c.measure, Some(v), c.care_type, None),
                (Some(_), None) => (c.period, c.measure, None, c.care_type, None),
                (None, _) => return None,
            };
            index.get(&up).copied()
        })
        .collect()
}

/// Complementary suppression in a forest (`parent[i]`, counts `n[i]`): while a shown node's
/// residual — its n minus the n's of its largest shown descendants — is between 1 and
/// `min_n − 1`, the smallest of those descendants is hidden as well.
fn protect_tree(parent: &[Option<usize>], n: &[u64], shown: &mut [bool], min_n: u64) {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); parent.len()];
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = *p {
            children[p].push(i);
        }
    }
    loop {
        let mut changed = false;
        for p in 0..parent.len() {
            if !shown[p] {
                continue;
            }
            let top = largest_shown(&children, shown, p);
            let covered: u64 = top.iter().map(|&i| n[i]).sum();
            let residual = n[p].saturating_sub(covered);
            if residual > 0 && residual < min_n {
                if let Some(&j) = top.iter().min_by_key(|&&i| (n[i], i)) {
                    shown[j] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// The shown descendants of `p` with no shown node between them and `p`.
fn largest_shown(children: &[Vec<usize>], shown: &[bool], p: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = children[p].clone();
    while let Some(i) = stack.pop() {
        if shown[i] {
            out.push(i);
        } else {
            stack.extend(&children[i]);
        }
    }
    out.sort_unstable();
    out
}

/// A published number that breaks the rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub period: Period,
    pub vsv: Option<u32>,
    pub care_type: Option<u32>,
    pub organisation: Option<u32>,
    pub measure: Option<Measure>,
    pub problem: Problem,
}

/// What an audit found. The enum lives with the errors, because an audit finding stops the
/// run and [`crate::error::Error::DisclosureAudit`] carries it.
pub use crate::error::AuditProblem as Problem;

/// Checks the published cells against the rule, from the published numbers alone: no hidden
/// cell has numbers; every shown statistic has n ≥ `min_n`; every cell over care types
/// averages only shown care-type cells; and in every nesting of pooled cells (and of VSV
/// scores and response counts under the region's) a shown total minus the shown cells
/// directly inside it leaves 0 or at least `min_n` respondents. Empty when all holds.
pub fn audit(scores: &Scores, privacy: &Privacy) -> Vec<Finding> {
    let min_n = u64::from(privacy.min_n);
    let mut out = Vec::new();
    let finding = |c: &Cell, problem| Finding {
        period: c.period,
        vsv: c.vsv,
        care_type: c.care_type,
        organisation: c.organisation,
        measure: Some(c.measure),
        problem,
    };
    type Key = (Period, Measure, Option<u32>, Option<u32>, Option<u32>);
    let mut shown_n: HashMap<Key, u64> = HashMap::default();
    for c in &scores.cells {
        match (c.tier, c.stats) {
            (Tier::Suppressed, Some(_)) => out.push(finding(c, Problem::HiddenWithNumbers)),
            (Tier::Suppressed, None) => {}
            (_, Some(s)) if s.n < min_n => out.push(finding(c, Problem::TooFew)),
            (_, Some(s)) => {
                shown_n.insert(
                    (c.period, c.measure, c.vsv, c.care_type, c.organisation),
                    s.n,
                );
            }
            (_, None) => {}
        }
    }
    // Cells over care types: what they average must be shown.
    for c in &scores.cells {
        if c.tier == Tier::Suppressed || c.covers.is_empty() {
            continue;
        }
        if c.covers
            .iter()
            .any(|&ct| !shown_n.contains_key(&(c.period, c.measure, c.vsv, Some(ct), None)))
        {
            out.push(finding(c, Problem::CoversHidden));
        }
    }
    // Residuals: each shown total against the shown cells directly inside it — one level
    // down, or two where the level between is hidden. The nesting is read off the keys
    // (organisation in VSV in region, per care type), not taken from the suppression above.
    let mut inside: HashMap<Key, u64> = HashMap::default();
    for (&(p, m, v, ct, org), &k) in &shown_n {
        let Some(v) = v else { continue };
        let vsv_level = (p, m, Some(v), ct, None);
        let region_level = (p, m, None, ct, None);
        let total = match org {
            Some(_) if shown_n.contains_key(&vsv_level) => vsv_level,
            _ => region_level,
        };
        if shown_n.contains_key(&total) {
            *inside.entry(total).or_default() += k;
        }
    }
    let mut totals: Vec<(&Key, &u64)> = inside.iter().collect();
    totals.sort();
    for (key, covered) in totals {
        let residual = shown_n[key].saturating_sub(*covered);
        if residual > 0 && residual < min_n {
            let (period, measure, vsv, care_type, organisation) = *key;
            out.push(Finding {
                period,
                vsv,
                care_type,
                organisation,
                measure: Some(measure),
                problem: Problem::Isolates(residual),
            });
        }
    }
    // Response counts: at least min_n, and the n of a shown score of their unit (a count
    // of its own could be set against the scores' n's).
    let ns: BTreeSet<(Period, Option<u32>, u64)> = scores
        .cells
        .iter()
        .filter(|c| c.tier != Tier::Suppressed && c.care_type.is_none())
        .filter(|c| c.organisation.is_none())
        .filter_map(|c| Some((c.period, c.vsv, c.stats.as_ref()?.n)))
        .collect();
    for r in &scores.responses {
        let Some(k) = r.n else { continue };
        let problem = if k < min_n {
            Problem::TooFew
        } else if !ns.contains(&(r.period, r.vsv, k)) {
            Problem::OwnCount
        } else {
            continue;
        };
        out.push(Finding {
            period: r.period,
            vsv: r.vsv,
            care_type: None,
            organisation: None,
            measure: None,
            problem,
        });
    }
    out
}

/// The answers to a theme's items of one unit in one period, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Problem answers.
    pub problem: u64,
    /// Neither problem nor top answers.
    pub neutral: u64,
    /// Top (positive) answers.
    pub positive: u64,
}

impl AnswerCounts {
    /// All answers.
    pub fn total(&self) -> u64 {
        self.problem + self.neutral + self.positive
    }
}

/// Per unit, per theme: the answer counts that may be shown.
pub type ShownAnswers = std::collections::BTreeMap<Unit, Vec<Option<AnswerCounts>>>;

/// The answer counts of every unit (the region and each VSV) in `period` that may be
/// shown, per theme (index into [`crate::ingest::Canonical::themes`]): none for a theme
/// whose unit cell is hidden or missing, or without answers. A unit's counts take only the
/// care types its published score covers, so the answers of a hidden care type never reach
/// a chart through its unit's total. `peers` are the shared VSVs' counts; the region's are
/// the sum of every VSV's shown counts (rule R).
pub fn answer_counts(
    data: &crate::ingest::Canonical,
    scores: &Scores,
    period: Period,
    peers: &ShownAnswers,
) -> ShownAnswers {
    use crate::ingest::ItemRole;
    let themes = data.themes.len();
    let mut counts: std::collections::BTreeMap<Unit, Vec<AnswerCounts>> = Default::default();
    // Per unit and theme: the care types its score covers (empty: a score without care
    // types, so all).
    let mut covers: HashMap<Unit, Vec<Option<&[u32]>>> = HashMap::default();
    for a in &data.answers {
        let Some(r) = data.respondents.get(a.row as usize) else {
            continue;
        };
        if r.period != period {
            continue;
        }
        let Some(ItemRole::Theme(th)) = data.items.get(a.item as usize).map(|i| i.role) else {
            continue;
        };
        // The region's counts are the sum of its VSVs' shown counts (rule R), below.
        for unit in [Unit::Vsv(r.vsv)] {
            let list = covers.entry(unit).or_insert_with(|| {
                (0..themes)
                    .map(|t| {
                        scores
                            .unit_cell(period, unit.vsv(), Measure::Theme(t as u16))
                            .map(|c| c.covers.as_slice())
                    })
                    .collect()
            });
            let covered = match (list.get(th).copied().flatten(), r.care_type) {
                (Some(list), Some(ct)) if !list.is_empty() => list.contains(&ct),
                _ => true,
            };
            if !covered {
                continue;
            }
            let unit_counts = counts
                .entry(unit)
                .or_insert_with(|| vec![AnswerCounts::default(); themes]);
            if let Some(c) = unit_counts.get_mut(th) {
                if a.problem {
                    c.problem += 1;
                } else if a.positive {
                    c.positive += 1;
                } else {
                    c.neutral += 1;
                }
            }
        }
    }
    let mut shown: ShownAnswers = counts
        .into_iter()
        .map(|(unit, list)| {
            let shown = list
                .into_iter()
                .enumerate()
                .map(|(t, c)| {
                    let cell = scores.unit_cell(period, unit.vsv(), Measure::Theme(t as u16))?;
                    (cell.tier != Tier::Suppressed && c.total() > 0).then_some(c)
                })
                .collect();
            (unit, shown)
        })
        .collect();
    shown.extend(peers.iter().map(|(u, list)| (*u, list.clone())));
    let mut region = vec![AnswerCounts::default(); themes];
    for list in shown.values() {
        for (sum, c) in region.iter_mut().zip(list) {
            if let Some(c) = c {
                sum.problem += c.problem;
                sum.neutral += c.neutral;
                sum.positive += c.positive;
            }
        }
    }
    if !shown.is_empty() {
        let region = region
            .into_iter()
            .enumerate()
            .map(|(t, c)| {
                let cell = scores.unit_cell(period, None, Measure::Theme(t as u16))?;
                (cell.tier != Tier::Suppressed && c.total() > 0).then_some(c)
            })
            .collect();
        shown.insert(Unit::Region, region);
    }
    shown
}

/// The counts of clients who wrote about a theme ([`crate::analysis::comments`]) that may be shown: a
/// VSV's count when it holds at least `min_n` clients and the VSV's cell for the theme (for
/// the count of any open answer: some theme cell) is shown in the period; the region's
/// when it holds at least `min_n` clients, its cell is shown, no shared file adds VSVs
/// without texts, and the clients of the VSVs whose counts are hidden number 0 or at least
/// `min_n` (so the region minus the VSVs shown isolates no smaller group). A count shown
/// before by an earlier release (`earlier`) is shown again only with the same clients or
/// at least `min_n` more or fewer.
pub fn shown_comment_counts(
    raw: &crate::analysis::comments::CommentCounts,
    scores: &Scores,
    privacy: &Privacy,
    peers: bool,
    earlier: Option<&Earlier>,
) -> crate::analysis::comments::CommentCounts {
    let min_n = privacy.min_n;
    let again = |key: &crate::analysis::comments::Key, count: &crate::analysis::comments::Count| {
        earlier.is_none_or(|e| {
            let n = u64::from(count.clients);
            e.count(
                key.0,
                e.allows_comments(key, n, count.writers, u64::from(min_n)),
            )
        })
    };
    // Units with some theme cell shown, per period.
    let any_shown: BTreeSet<(Period, Option<u32>)> = scores
        .cells
        .iter()
        .filter(|c| {
            c.care_type.is_none()
                && c.organisation.is_none()
                && matches!(c.measure, Measure::Theme(_))
                && c.tier != Tier::Suppressed
        })
        .map(|c| (c.period, c.vsv))
        .collect();
    let published = |period: Period, vsv: Option<u32>, theme: Option<u16>| match theme {
        Some(t) => scores
            .unit_cell(period, vsv, Measure::Theme(t))
            .is_some_and(|c| c.tier != Tier::Suppressed),
        None => any_shown.contains(&(period, vsv)),
    };
    let mut shown = std::collections::BTreeMap::new();
    // Hidden clients per (period, theme), over the VSVs.
    let mut hidden: std::collections::BTreeMap<(Period, Option<u16>), u32> = Default::default();
    for (&(period, vsv, theme), &count) in &raw.0 {
        let Some(v) = vsv else { continue };
        let key = (period, vsv, theme);
        if count.clients >= min_n && published(period, Some(v), theme) && again(&key, &count) {
            shown.insert(key, count);
        } else {
            *hidden.entry((period, theme)).or_default() += count.clients;
        }
    }
    for (&(period, vsv, theme), &count) in &raw.0 {
        if vsv.is_some() || peers {
            continue;
        }
        let rest = hidden.get(&(period, theme)).copied().unwrap_or(0);
        let closed = rest == 0 || rest >= min_n;
        let key = (period, vsv, theme);
        if closed && count.clients >= min_n && published(period, None, theme) && again(&key, &count)
        {
            shown.insert(key, count);
        }
    }
    crate::analysis::comments::CommentCounts(shown)
}

/// The respondent rows whose open answers a unit's agenda may quote for a theme: those of
/// the period, of the theme's own source (`source`), in VSVs whose cell for the theme is
/// shown (so the region quotes no VSV below `min_n`), and of a score over care types only
/// those of the care types it covers (a hidden care type's clients are not quoted either).
pub fn quotable(
    data: &crate::ingest::Canonical,
    scores: &Scores,
    period: Period,
    unit: Unit,
    theme: u16,
    source: usize,
) -> Vec<u32> {
    let rows = 0..data.respondents.len() as u32;
    quotable_among(data, rows, scores, period, unit, theme, source)
}

/// [`quotable`] among `rows` (indices, in data order), so that a caller holding the rows of
/// a period and VSV need not scan all of them again.
fn quotable_among(
    data: &crate::ingest::Canonical,
    rows: impl IntoIterator<Item = u32>,
    scores: &Scores,
    period: Period,
    unit: Unit,
    theme: u16,
    source: usize,
) -> Vec<u32> {
    // Per VSV: None = not shown, else the covered care types (empty: all).
    let mut allowed: std::collections::BTreeMap<u32, Option<Vec<u32>>> = Default::default();
    let mut out = Vec::new();
    for i in rows {
        let Some(r) = data.respondents.get(i as usize) else {
            continue;
        };
        if r.period != period
            || unit.vsv().is_some_and(|v| r.vsv != v)
            || r.source as usize != source
        {
            continue;
        }
        let published = allowed.entry(r.vsv).or_insert_with(|| {
            scores
                .unit_cell(period, Some(r.vsv), Measure::Theme(theme))
                .filter(|c| c.tier != Tier::Suppressed)
                .map(|c| c.covers.clone())
        });
        let covered = match (published, r.care_type) {
            (None, _) => false,
            (Some(list), Some(ct)) if !list.is_empty() => list.contains(&ct),
            (Some(_), _) => true,
        };
        if covered {
            out.push(i);
        }
    }
    out
}

/// The respondent rows of some periods, in data order: all of a period, and per VSV.
/// One scan of the data serves every flag's quotes.
struct PeriodRows {
    all: HashMap<Period, Vec<u32>>,
    by_vsv: HashMap<(Period, u32), Vec<u32>>,
}

impl PeriodRows {
    fn new(data: &crate::ingest::Canonical, periods: &BTreeSet<Period>) -> Self {
        let mut rows = PeriodRows {
            all: HashMap::default(),
            by_vsv: HashMap::default(),
        };
        for (i, r) in data.respondents.iter().enumerate() {
            if periods.contains(&r.period) {
                rows.all.entry(r.period).or_default().push(i as u32);
                rows.by_vsv
                    .entry((r.period, r.vsv))
                    .or_default()
                    .push(i as u32);
            }
        }
        rows
    }

    /// The rows a flag of `unit` in `period` may quote from.
    fn of(&self, period: Period, unit: Unit) -> &[u32] {
        let rows = match unit.vsv() {
            None => self.all.get(&period),
            Some(v) => self.by_vsv.get(&(period, v)),
        };
        rows.map_or(&[], Vec::as_slice)
    }
}

/// The quotes chosen for a report's flags before render: per flag, the scrubbed open
/// answers its point shows (not yet escaped for Markdown).
#[derive(Debug, Clone, Default)]
pub struct FlagQuotes(std::collections::BTreeMap<FlagKey, Vec<String>>);

/// A flag's place: its period, unit, kind and theme.
type FlagKey = (Period, Option<u32>, FlagKind, u16);

fn flag_key(f: &Flag) -> FlagKey {
    (f.period, f.vsv, f.kind, f.theme)
}

/// What quotes are chosen from: the data, its published cells, `[quotes]` and the
/// moderation of every open answer.
#[derive(Clone, Copy)]
pub struct QuoteSource<'a> {
    /// The canonical tables with their open answers.
    pub data: &'a crate::ingest::Canonical,
    /// The published cells.
    pub scores: &'a Scores,
    /// `[quotes]` of prem.toml.
    pub config: &'a crate::config::Quotes,
    /// Which open answers may be quoted.
    pub moderation: &'a crate::analysis::moderation::Moderation,
}

impl FlagQuotes {
    /// Chooses the quotes of each flag in `flags` (see [`quotes_for`]).
    pub fn choose<'f>(from: QuoteSource<'_>, flags: impl IntoIterator<Item = &'f Flag>) -> Self {
        let flags: Vec<&Flag> = flags.into_iter().collect();
        let periods: BTreeSet<Period> = flags.iter().map(|f| f.period).collect();
        let rows = PeriodRows::new(from.data, &periods);
        // Each flag's quotes are independent: chosen in parallel, collected in order.
        let chosen: Vec<(FlagKey, Vec<String>)> = flags
            .par_iter()
            .map(|f| {
                let unit = f.vsv.map_or(Unit::Region, Unit::Vsv);
                let rows = rows.of(f.period, unit).iter().copied();
                (flag_key(f), quotes_among(from, rows, f))
            })
            .collect();
        FlagQuotes(chosen.into_iter().collect())
    }

    /// The quotes chosen for `flag`; none when it was not among the flags chosen for.
    pub fn of(&self, flag: &Flag) -> &[String] {
        self.0.get(&flag_key(flag)).map_or(&[], Vec::as_slice)
    }
}

/// The quotes for a flag: open answers (what could be better for an improvement point,
/// compliments for a strength) that match the theme's keywords, of the respondents
/// [`quotable`] allows, that moderation lets through, scrubbed of names and numbers; at
/// most `config.max`, the officer's own approvals first.
pub fn quotes_for(from: QuoteSource<'_>, f: &Flag) -> Vec<String> {
    quotes_among(from, 0..from.data.respondents.len() as u32, f)
}

/// [`quotes_for`] among `rows` (indices, in data order).
fn quotes_among(
    from: QuoteSource<'_>,
    rows: impl IntoIterator<Item = u32>,
    f: &Flag,
) -> Vec<String> {
    let QuoteSource {
        data,
        scores,
        config,
        moderation,
    } = from;
    if config.max == 0 {
        return Vec::new();
    }
    let Some(theme) = data.themes.get(f.theme as usize) else {
        return Vec::new();
    };
    let keywords = crate::analysis::moderation::keywords(data, config, f.theme as usize);
    if keywords.is_empty() {
        return Vec::new();
    }
    let side = match f.kind {
        FlagKind::Improvement => crate::ingest::Side::Improvement,
        FlagKind::Strength => crate::ingest::Side::Compliment,
    };
    let unit = f.vsv.map_or(Unit::Region, Unit::Vsv);
    let mut seen: std::collections::BTreeSet<(u16, u32)> = std::collections::BTreeSet::new();
    // The officer's own approvals, and the texts prem's proposal lets through.
    let (mut approved, mut proposed): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for row in quotable_among(data, rows, scores, f.period, unit, f.theme, theme.source) {
        let Some(r) = data.respondents.get(row as usize) else {
            continue;
        };
        // One respondent's care-type rows carry the same open answer once.
        if !seen.insert((r.source, r.key)) {
            continue;
        }
        let range = data.comment_range(row);
        for (i, c) in data.comments[range.clone()].iter().enumerate() {
            let i = range.start + i;
            if !moderation.publishes(i) {
                continue;
            }
            // A text she approved whose side prem could not tell may stand on either.
            let fits = c.side == Some(side) || (c.side.is_none() && moderation.approved(i));
            if !fits {
                continue;
            }
            match moderation.approved(i) {
                true => approved.push(&c.text),
                false => proposed.push(&c.text),
            }
        }
    }
    let mut quotes = crate::quotes::pick_quotes(&approved, &keywords, &config.names, config.max);
    for q in crate::quotes::pick_quotes(&proposed, &keywords, &config.names, config.max) {
        if quotes.len() >= config.max {
            break;
        }
        if !quotes.contains(&q) {
            quotes.push(q);
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::score;
    use crate::analysis::score::tests::{cell, data};
    use crate::analysis::score::CellStats;
    use crate::ingest::Canonical;
    use std::collections::BTreeMap;

    fn published(d: &Canonical) -> Scores {
        disclose(score(d), &Privacy::default())
    }

    fn hidden(s: &Scores, d: &Canonical, vsv: Option<&str>, ct: Option<&str>) -> bool {
        cell(s, d, vsv, ct).tier == Tier::Suppressed
    }

    fn n(s: &Scores, d: &Canonical, vsv: Option<&str>, ct: Option<&str>) -> Option<u64> {
        cell(s, d, vsv, ct).stats.map(|x| x.n)
    }

    /// Gives the respondents of `vsv` organisations: `orgs` lists (name, how many), the
    /// rest have none.
    fn organise(d: &mut Canonical, vsv: &str, orgs: &[(&str, usize)]) {
        let v = d.names.find(vsv).unwrap();
        let ids: Vec<(u32, usize)> = orgs.iter().map(|(o, k)| (d.names.intern(o), *k)).collect();
        let mut rows = d.respondents.iter_mut().filter(|r| r.vsv == v);
        for (id, k) in ids {
            for r in rows.by_ref().take(k) {
                r.organisation = Some(id);
            }
        }
    }

    fn org_cell<'a>(s: &'a Scores, d: &Canonical, org: &str) -> &'a Cell {
        let o = d.names.find(org).unwrap();
        s.cells
            .iter()
            .find(|c| c.organisation == Some(o) && c.measure == Measure::Theme(0))
            .unwrap()
    }

    #[test]
    fn hidden_cells_carry_no_numbers() {
        let d = data(&[
            ("A", Some("VP"), &[8.0; 40]),
            ("A", Some("ZH"), &[3.0; 4]),
            ("B", None, &[7.0; 3]),
        ]);
        let s = published(&d);
        assert!(s.cells.iter().any(|c| c.tier == Tier::Suppressed));
        for c in s.cells.iter().filter(|c| c.tier == Tier::Suppressed) {
            assert_eq!(c.stats, None);
            assert!(c.covers.is_empty());
            assert_eq!(c.comparison, crate::analysis::score::Comparison::default());
        }
    }

    #[test]
    fn a_lone_hospital_answer_carries_no_weight_in_the_vsv_score() {
        // Class 1 of the privacy issue: VP 60 × 8 and one hospital answer of 2. Averaging
        // both care types gave the VSV 5.0 and problem 50% — her answer exactly. Now the
        // VSV score covers the midwives only: 8.0, problem 0%, n 60.
        let d = data(&[
            ("A", Some("VP"), &[8.0; 60]),
            ("A", Some("ZH"), &[2.0; 1]),
            ("B", Some("VP"), &[7.0; 30]),
            ("B", Some("ZH"), &[7.0; 30]),
        ]);
        let s = published(&d);
        let a = cell(&s, &d, Some("A"), None);
        let vp = d.names.find("VP").unwrap();
        assert_eq!(a.covers, vec![vp]);
        let stats = a.stats.unwrap();
        assert_eq!((stats.mean, stats.n), (8.0, 60));
        assert_eq!(stats.problem.map(|p| p.pct), Some(0.0));
        // Rule R: the region × hospital is B's 30 alone, so B × hospital stays shown and
        // nothing subtracts to her.
        assert!(hidden(&s, &d, Some("A"), Some("ZH")));
        assert!(!hidden(&s, &d, Some("B"), Some("ZH")));
        assert_eq!(n(&s, &d, None, Some("ZH")), Some(30));
        let zh = d.names.find("ZH").unwrap();
        assert_eq!(cell(&s, &d, Some("B"), None).covers, vec![vp, zh]);
        // The region covers both care types: (mean VP + mean ZH) / 2 with
        // VP = (60·8 + 30·7)/90 and ZH = 7 (B's), by hand; n = A's 60 + B's 60.
        let want = ((60.0 * 8.0 + 30.0 * 7.0) / 90.0 + 7.0) / 2.0;
        let region = cell(&s, &d, None, None).stats.unwrap();
        assert!((region.mean - want).abs() < 1e-12, "{}", region.mean);
        assert_eq!(region.n, 120);
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    /// The lone hospital answer above, in the answers chart and the quotes: A's counts and
    /// quotes take the midwives only, as its score does; the region's counts are the sum
    /// of the VSVs' shown counts, as its score is.
    #[test]
    fn a_hidden_care_type_is_neither_counted_nor_quoted_in_its_vsv() {
        let d = data(&[
            ("A", Some("VP"), &[8.0; 60]),
            ("A", Some("ZH"), &[2.0; 1]),
            ("B", Some("VP"), &[7.0; 30]),
            ("B", Some("ZH"), &[7.0; 30]),
        ]);
        let s = published(&d);
        let period = d.respondents[0].period;
        let counts = answer_counts(&d, &s, period, &Default::default());
        let a = Unit::Vsv(d.names.find("A").unwrap());
        let of = |problem, neutral, positive| {
            Some(AnswerCounts {
                problem,
                neutral,
                positive,
            })
        };
        assert_eq!(counts[&a], [of(0, 60, 0)]);
        assert_eq!(counts[&Unit::Region], [of(0, 120, 0)]);
        let zh = d.names.find("ZH").unwrap();
        let quotable_a = quotable(&d, &s, period, a, 0, 0);
        assert_eq!(quotable_a.len(), 60);
        assert!(quotable_a
            .iter()
            .all(|&r| d.respondents[r as usize].care_type != Some(zh)));
        // The region quotes each VSV as that VSV's own score covers it: A's midwives, and
        // both care types of B.
        assert_eq!(quotable(&d, &s, period, Unit::Region, 0, 0).len(), 120);
    }

    #[test]
    fn two_small_vsvs_count_in_no_published_number() {
        // Class 2: C (3) and D (4) hidden. By rule R the region is A + B (70), so
        // region − A − B is 0 and B can stay shown: C and D are in no published number.
        let d = data(&[
            ("A", None, &[7.0; 40]),
            ("B", None, &[8.0; 30]),
            ("C", None, &[6.0; 3]),
            ("D", None, &[5.0; 4]),
        ]);
        let s = published(&d);
        let shown: Vec<bool> = ["A", "B", "C", "D"]
            .iter()
            .map(|v| !hidden(&s, &d, Some(v), None))
            .collect();
        assert_eq!(shown, [true, true, false, false]);
        assert_eq!(n(&s, &d, None, None), Some(70));
        let region = cell(&s, &d, None, None).stats.unwrap();
        assert!((region.mean - (40.0 * 7.0 + 30.0 * 8.0) / 70.0).abs() < 1e-12);
        assert!(audit(&s, &Privacy::default()).is_empty());
        // The response line follows the same rule: A, B and the region (70).
        let resp: Vec<Option<u64>> = s.responses.iter().filter_map(|r| r.n).map(Some).collect();
        assert_eq!(resp.len(), 3, "{resp:?}");
        assert!(s
            .responses
            .iter()
            .any(|r| r.vsv.is_none() && r.n == Some(70)));
    }

    #[test]
    fn a_small_organisation_and_the_unassigned_are_protected_together() {
        // Class 2: X 20, Y 15, Z 2 and 3 without organisation: A − X − Y would be Z and
        // the unassigned together (5). Y hides too: the hidden group is 20.
        let mut d = data(&[("A", None, &[7.0; 40])]);
        organise(&mut d, "A", &[("X", 20), ("Y", 15), ("Z", 2)]);
        let s = published(&d);
        assert!(org_cell(&s, &d, "X").stats.is_some());
        assert!(org_cell(&s, &d, "Y").stats.is_none());
        assert!(org_cell(&s, &d, "Z").stats.is_none());
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    #[test]
    fn a_hidden_vsv_is_not_rebuilt_from_its_organisations() {
        // C (4) is hidden and so are its organisations: Z holds all of C, and a shown Z
        // would show C again. B's organisation Y (20 of 20) shows: B − Y is 0.
        let mut d = data(&[
            ("A", None, &[7.0; 28]),
            ("B", None, &[8.0; 20]),
            ("C", None, &[7.5; 4]),
        ]);
        organise(&mut d, "B", &[("Y", 20)]);
        organise(&mut d, "C", &[("Z", 4)]);
        let s = published(&d);
        assert!(hidden(&s, &d, Some("C"), None));
        assert!(org_cell(&s, &d, "Z").stats.is_none());
        assert!(org_cell(&s, &d, "Y").stats.is_some());
        assert_eq!(n(&s, &d, None, None), Some(48));
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    #[test]
    fn a_block_of_hidden_care_types_gives_no_equations() {
        // Class 3: hospital cells of A (3) and B (4) hidden. By rule R the region × hospital
        // is C's 30 alone, and the VSV scores of A and B average only their midwives, so
        // no row equation ties the hidden cells together.
        let d = data(&[
            ("A", Some("VP"), &[8.0; 40]),
            ("A", Some("ZH"), &[2.0; 3]),
            ("B", Some("VP"), &[7.0; 40]),
            ("B", Some("ZH"), &[9.0; 4]),
            ("C", Some("VP"), &[7.0; 40]),
            ("C", Some("ZH"), &[6.0; 30]),
        ]);
        let s = published(&d);
        for v in ["A", "B"] {
            assert!(hidden(&s, &d, Some(v), Some("ZH")), "{v}");
            let c = cell(&s, &d, Some(v), None);
            let vp = cell(&s, &d, Some(v), Some("VP")).stats.unwrap().mean;
            assert_eq!(c.stats.unwrap().mean, vp, "{v}");
        }
        assert!(!hidden(&s, &d, Some("C"), Some("ZH")));
        assert_eq!(n(&s, &d, None, Some("ZH")), Some(30));
        assert_eq!(cell(&s, &d, None, Some("ZH")).stats.unwrap().mean, 6.0);
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    #[test]
    fn the_audit_finds_what_a_weaker_rule_lets_through() {
        // Suppressing at 5 shows X (20) and Y (15) of A (40); read against min_n = 10,
        // A − X − Y isolates the 5 without an organisation.
        let mut d = data(&[("A", None, &[7.0; 40]), ("B", None, &[8.0; 30])]);
        organise(&mut d, "A", &[("X", 20), ("Y", 15)]);
        let weak = Privacy {
            min_n: 5,
            ..Privacy::default()
        };
        let s = disclose(score(&d), &weak);
        let found = audit(&s, &Privacy::default());
        assert!(
            found.iter().any(|f| f.problem == Problem::Isolates(5)),
            "{found:?}"
        );
    }

    #[test]
    fn random_regions_pass_the_audit() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        for _ in 0..300 {
            let vsvs = rng.random_range(2..=5);
            let mut groups: Vec<(String, Option<&str>, Vec<f32>)> = Vec::new();
            for v in 0..vsvs {
                for ct in ["VP", "ZH", "KZ"].iter().take(rng.random_range(1..=3)) {
                    let k = rng.random_range(1..=45);
                    let scores = (0..k).map(|_| rng.random_range(1..=10) as f32).collect();
                    groups.push((format!("V{v}"), Some(*ct), scores));
                }
            }
            let view: Vec<(&str, Option<&str>, &[f32])> = groups
                .iter()
                .map(|(v, ct, x)| (v.as_str(), *ct, x.as_slice()))
                .collect();
            let mut d = data(&view);
            for v in 0..vsvs {
                let a = rng.random_range(0..20);
                let b = rng.random_range(0..20);
                organise(&mut d, &format!("V{v}"), &[("X", a), ("Y", b)]);
            }
            let s = published(&d);
            assert_eq!(audit(&s, &Privacy::default()), Vec::new());
        }
    }

    /// A part with its names moved from `from` to `to`.
    fn moved(part: &Part, from: &Canonical, to: &mut Canonical) -> Part {
        let mut id = |i: u32| to.names.intern(from.names.get(i));
        Part {
            vsv: id(part.vsv),
            cells: part
                .cells
                .iter()
                .map(|c| PartCell {
                    care_type: c.care_type.map(&mut id),
                    ..*c
                })
                .collect(),
            units: part
                .units
                .iter()
                .map(|u| PartUnit {
                    covers: u.covers.iter().map(|&c| id(c)).collect(),
                    ..u.clone()
                })
                .collect(),
            responses: part.responses.clone(),
        }
    }

    /// Published cells by names (organisation rows and hidden cells left out).
    fn by_name(s: &Scores, d: &Canonical) -> BTreeMap<String, Cell> {
        let name = |i: Option<u32>| i.map_or("-", |i| d.names.get(i)).to_string();
        s.cells
            .iter()
            .filter(|c| c.organisation.is_none() && c.tier != Tier::Suppressed)
            .map(|c| {
                let key = format!("{} {} {}", name(c.vsv), name(c.care_type), c.period);
                let mut c = c.clone();
                c.covers = Vec::new();
                (key, c)
            })
            .collect()
    }

    /// Rule R makes a region from parts exact: random regions (small cells, organisations,
    /// several care types) split at random into VSVs that share their parts and VSVs that
    /// keep their rows publish the same cells, with the same numbers, as the pooled rows.
    #[test]
    fn a_region_from_shared_parts_equals_the_pooled_region() {
        use rand::{Rng, SeedableRng};
        let privacy = Privacy::default();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(13);
        let mut compared = 0;
        for _ in 0..200 {
            let vsvs = rng.random_range(2..=6);
            let mut groups: Vec<(String, Option<&str>, Vec<f32>)> = Vec::new();
            for v in 0..vsvs {
                for ct in ["VP", "ZH", "KZ"].iter().take(rng.random_range(1..=3)) {
                    let k = rng.random_range(1..=45);
                    let scores = (0..k).map(|_| rng.random_range(1..=10) as f32).collect();
                    groups.push((format!("V{v}"), Some(*ct), scores));
                }
            }
            let view: Vec<(&str, Option<&str>, &[f32])> = groups
                .iter()
                .map(|(v, ct, x)| (v.as_str(), *ct, x.as_slice()))
                .collect();
            let mut d = data(&view);
            for v in 0..vsvs {
                let (a, b) = (rng.random_range(0..20), rng.random_range(0..20));
                organise(&mut d, &format!("V{v}"), &[("X", a), ("Y", b)]);
            }
            let pooled = published(&d);
            let names: Vec<String> = (0..vsvs).map(|v| format!("V{v}")).collect();
            let (raw, shared): (Vec<&String>, Vec<&String>) =
                names.iter().partition(|_| rng.random_bool(0.4));
            let raw: Vec<&str> = raw.iter().map(|s| s.as_str()).collect();
            let mut receiver = d.only(&raw);
            let mut parts = Vec::new();
            for v in shared {
                let own = d.only(&[v.as_str()]);
                let (_, own_parts) = disclose_parts(score(&own), Vec::new(), &privacy);
                parts.extend(own_parts.iter().map(|p| moved(p, &own, &mut receiver)));
            }
            let from_parts = disclose_with(score(&receiver), parts, &privacy);
            assert!(audit(&from_parts, &privacy).is_empty());
            let (a, b) = (by_name(&pooled, &d), by_name(&from_parts, &receiver));
            assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
            for (key, x) in &a {
                let y = &b[key];
                let (sx, sy) = (x.stats.unwrap(), y.stats.unwrap());
                assert_eq!((x.tier, sx.n), (y.tier, sy.n), "{key}");
                let close = |p: f64, q: f64| (p - q).abs() < 1e-9;
                assert!(close(sx.mean, sy.mean), "{key}");
                assert_eq!(sx.sd.is_some(), sy.sd.is_some(), "{key}");
                assert!(close(sx.sd.unwrap_or(0.0), sy.sd.unwrap_or(0.0)), "{key}");
                let ci = |s: CellStats| s.ci.unwrap_or((0.0, 0.0));
                assert!(
                    close(ci(sx).0, ci(sy).0) && close(ci(sx).1, ci(sy).1),
                    "{key}"
                );
                let pct = |p: Option<crate::analysis::score::Percent>| {
                    p.map_or((0.0, 0.0), |p| (p.pct, p.low))
                };
                assert!(close(pct(sx.problem).0, pct(sy.problem).0), "{key}");
                assert!(close(pct(sx.top_box).1, pct(sy.top_box).1), "{key}");
                compared += 1;
            }
        }
        assert!(compared > 2000, "{compared}");
    }

    /// α is computed over the rows of shown theme cells only: a client of a hidden VSV
    /// carries no weight in it, and its complete cases are not counted in what is published.
    #[test]
    fn alpha_counts_only_rows_of_shown_theme_cells() {
        let a1 = [8.0, 9.0, 7.0, 10.0, 6.0, 8.0, 9.0, 7.0, 8.0, 9.0, 10.0, 7.0];
        let a2 = [7.0, 9.0, 8.0, 9.0, 6.0, 7.0, 9.0, 8.0, 8.0, 10.0, 9.0, 6.0];
        let mut d = data(&[
            ("A", Some("verloskundige"), &a1),
            ("B", Some("verloskundige"), &[2.0]),
        ]);
        d.themes[0].n_items = 2;
        d.items.push(crate::ingest::ItemRef {
            id: "info2".into(),
            source: 0,
            role: crate::ingest::ItemRole::Theme(0),
        });
        // The second item: A's values, and a 10 for B's lone client.
        let mut answers = Vec::new();
        for (i, a) in d.answers.iter().enumerate() {
            answers.push(*a);
            let v = a2.get(i).copied().unwrap_or(10.0) as f32;
            answers.push(crate::ingest::Answer {
                item: 1,
                value: v,
                score: v,
                positive: v >= 9.0,
                problem: v <= 5.0,
                ..*a
            });
        }
        d.answers = answers;
        let s = published(&d);
        assert!(hidden(&s, &d, Some("B"), Some("verloskundige")));
        let r = &s.reliability[0];
        // A's twelve clients only (Python `statistics.variance`): items 1.60606 and
        // 1.63636, total 5.78788, α = 2 × (1 − 3.24242 / 5.78788) = 0.879581. With B's
        // client it would be 0.131274.
        assert_eq!(r.n, 12);
        let alpha = r.alpha.unwrap();
        assert!((alpha - 0.879_581).abs() < 1e-6, "{alpha}");
    }

    /// One VSV of a three-item theme: `groups` lists (organisation, which items answered,
    /// how many clients), every answer 7.
    fn three_items(groups: &[(&str, [bool; 3], usize)]) -> Canonical {
        let total: usize = groups.iter().map(|g| g.2).sum();
        let scores = vec![7.0f32; total];
        let mut d = data(&[("A", None, &scores)]);
        d.themes[0].n_items = 3;
        for id in ["info2", "info3"] {
            d.items.push(crate::ingest::ItemRef {
                id: id.into(),
                source: 0,
                role: crate::ingest::ItemRole::Theme(0),
            });
        }
        let template = d.answers[0];
        let mut answers = Vec::new();
        let mut row = 0u32;
        for (org, items, count) in groups {
            let o = d.names.intern(org);
            for _ in 0..*count {
                d.respondents[row as usize].organisation = Some(o);
                for (i, _) in items.iter().enumerate().filter(|(_, a)| **a) {
                    answers.push(crate::ingest::Answer {
                        row,
                        item: i as u16,
                        ..template
                    });
                }
                row += 1;
            }
        }
        d.answers = answers;
        d
    }

    fn item_cell<'a>(s: &'a Scores, d: &Canonical, org: Option<&str>, m: Measure) -> &'a Cell {
        let o = org.map(|o| d.names.find(o).unwrap());
        s.cells
            .iter()
            .find(|c| c.vsv.is_some() && c.organisation == o && c.measure == m)
            .unwrap()
    }

    /// Issue 24, item non-response: one client who skipped item c (in the theme with two
    /// of three answers) makes item c differ from the theme by one client, so item c is
    /// hidden there; twelve who skipped it do not.
    #[test]
    fn an_item_one_client_skipped_is_hidden_beside_its_theme() {
        let d = three_items(&[("Y", [true; 3], 40), ("Y", [true, true, false], 1)]);
        let s = published(&d);
        let c = Measure::Item(2);
        assert_eq!(item_cell(&s, &d, None, c).tier, Tier::Suppressed);
        assert_eq!(item_cell(&s, &d, Some("Y"), c).tier, Tier::Suppressed);
        assert!(item_cell(&s, &d, None, Measure::Theme(0)).stats.is_some());
        assert!(item_cell(&s, &d, None, Measure::Item(0)).stats.is_some());
        let d = three_items(&[("Y", [true; 3], 40), ("Y", [true, true, false], 12)]);
        let s = published(&d);
        assert_eq!(item_cell(&s, &d, None, c).stats.map(|x| x.n), Some(40));
    }

    /// Issue 24, suppression per measure: organisation X has 9 complete clients and 12 who
    /// skipped item c, so its item c (9) is hidden and Y's item c is hidden to protect it.
    /// Y's clients are complete, so Y's theme and items a and b (each the VSV's minus X's)
    /// would give Y's item c back, and the VSV's item c minus Y's would be X's nine. So
    /// both organisations are hidden for the theme and all its items; the VSV is shown.
    #[test]
    fn an_organisation_hidden_for_one_item_is_hidden_for_its_theme() {
        let d = three_items(&[
            ("Y", [true; 3], 40),
            ("X", [true; 3], 9),
            ("X", [true, true, false], 12),
        ]);
        let s = published(&d);
        for m in [
            Measure::Theme(0),
            Measure::Item(0),
            Measure::Item(1),
            Measure::Item(2),
        ] {
            for org in ["X", "Y"] {
                assert_eq!(
                    item_cell(&s, &d, Some(org), m).tier,
                    Tier::Suppressed,
                    "{org} {m:?}"
                );
            }
            assert!(item_cell(&s, &d, None, m).stats.is_some(), "{m:?}");
        }
    }

    /// Issue 24, counts: 43 clients responded and 3 of them answered no item of the theme.
    /// A response line of 43 beside the theme's 40 would count the three; it reads 40, the
    /// n of the largest shown score, and the region's line is its own largest score.
    #[test]
    fn the_response_line_is_the_n_of_a_shown_score() {
        let d = three_items(&[("Y", [true; 3], 40), ("Y", [false; 3], 3)]);
        let s = published(&d);
        assert_eq!(
            item_cell(&s, &d, None, Measure::Theme(0))
                .stats
                .map(|x| x.n),
            Some(40)
        );
        let lines: Vec<(Option<u32>, Option<u64>)> =
            s.responses.iter().map(|r| (r.vsv, r.n)).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|&(_, n)| n == Some(40)), "{lines:?}");
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    /// Issue 24, overlap: 50 clients answered for the midwife (V), 12 for the hospital (Z),
    /// 5 of them for both. A VSV score over both (n 57) beside V 50 and Z 12 would give the
    /// 5 who answered for two; Z is hidden (its cell, and in the region), the VSV score
    /// covers V alone. With 12 in both, everything is shown.
    #[test]
    fn a_small_overlap_of_care_types_hides_the_smaller() {
        let both = |k: usize| {
            let mut d = data(&[("A", Some("V"), &[7.0; 50]), ("A", Some("Z"), &[8.0; 12])]);
            let z = d.names.find("Z").unwrap();
            let v_keys: Vec<u32> = d.respondents.iter().take(k).map(|r| r.key).collect();
            let zs = d.respondents.iter_mut().filter(|r| r.care_type == Some(z));
            for (r, key) in zs.zip(v_keys) {
                r.key = key;
            }
            d
        };
        let d = both(5);
        let s = published(&d);
        assert_eq!(n(&s, &d, Some("A"), Some("V")), Some(50));
        assert!(hidden(&s, &d, Some("A"), Some("Z")));
        let over = cell(&s, &d, Some("A"), None);
        assert_eq!(over.stats.map(|x| x.n), Some(50));
        assert_eq!(over.covers, vec![d.names.find("V").unwrap()]);
        assert!(audit(&s, &Privacy::default()).is_empty());
        let d = both(12);
        let s = published(&d);
        assert_eq!(n(&s, &d, Some("A"), Some("Z")), Some(12));
        assert_eq!(cell(&s, &d, Some("A"), None).stats.map(|x| x.n), Some(50));
    }
}
