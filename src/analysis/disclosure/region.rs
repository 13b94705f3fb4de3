//! The region from its VSVs' parts ([`Part`]): a peer's cells read from its part, and the
//! region's cells and response counts summed from the parts (rule R).

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use super::part::Part;
use super::units::{publish, RegionKeys};
use crate::analysis::score::{combined_cell, pooled_cell, Acc, Cell, Measure, Response, Tier};
use crate::config::Privacy;
use crate::period::Period;

/// The published cells of a peer's part (all shown: its file holds nothing else).
pub(super) fn part_cells(part: &Part, rank: &[u32], privacy: &Privacy) -> Vec<Cell> {
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
pub(super) fn region_cells(
    parts: &[Part],
    keys: RegionKeys,
    rank: &[u32],
    privacy: &Privacy,
) -> Vec<Cell> {
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
pub(super) fn region_responses(
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
