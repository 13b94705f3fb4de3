//! Local disclosure, VSV by VSV: primary and complementary suppression of pooled cells,
//! item non-response, families of cells over care types, α of shown cells, and the VSVs'
//! response counts.

use rustc_hash::FxHashMap as HashMap;

use super::earlier::{key_of, CellKey, Earlier, Finer};
use super::part::{Part, PartCell, PartUnit};
use crate::analysis::score::{Acc, Cell, Computed, Measure, Response, Tier};
use crate::config::Privacy;
use crate::period::Period;

/// What of [`Computed`] is not a cell: α, strata and the cell order.
pub(super) struct Rest {
    pub(super) reliability: Vec<crate::analysis::score::Reliability>,
    pub(super) sources: crate::analysis::score::MeasureSources,
    pub(super) case_mix: crate::analysis::score::CaseMix,
    pub(super) name_ranks: Vec<u32>,
}

/// The region's cells as scoring computed them over all rows: only their keys are used (a
/// key no VSV publishes anything for stays as a suppressed row).
#[derive(Default)]
pub(super) struct RegionKeys {
    /// Pooled cells (care type, or a source without care types).
    pub(super) pooled: Vec<Cell>,
    /// Scores over care types.
    pub(super) over: Vec<Cell>,
}

/// Local disclosure, VSV by VSV: the published cells of every VSV of the rows (organisation
/// rows included), the region's keys, every VSV's part, and the VSVs' response rows.
pub(super) fn local(
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
pub(super) fn publish(c: &mut Cell, k: u64, show: bool, privacy: &Privacy) {
    if show {
        c.tier = Tier::of(k, privacy);
    } else {
        c.tier = Tier::Suppressed;
        c.stats = None;
        c.covers.clear();
    }
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
