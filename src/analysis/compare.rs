//! Regional comparison: each VSV against the pooled value of all VSVs in the analysis.
//!
//! 1. **Case-mix standardisation** (direct, CQC-style): a VSV's mean is re-weighted to the
//!    pooled population's mix of parity (first child or not) × age band, so that a VSV with
//!    many first-time mothers is not compared unfairly. Sparse strata merge rather than
//!    drop, so that the standardised mean rests only on groups of at least `min_n` clients
//!    (spec §5, issue 24; see [`mean_sources`]). For PREM (care types) each care type is
//!    standardised and the VSV score is the unweighted mean of the standardised care-type
//!    means, like the raw score.
//! 2. **Funnel bands** ([`crate::funnel`]): z of the standardised mean against the pooled
//!    target, with the overdispersion adjustment when there are ten or more VSVs; bands
//!    much better / better / as expected / worse / much worse beyond |z| = 3.09 and 1.96.
//!    Only full-tier cells are banded; indicatief and suppressed cells never are.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::score::{CaseMix, CaseMixKey, Cell, Measure, Scores, Tier};
use crate::funnel::{funnel_means, Funnel, FunnelOptions, UnitInput};
use crate::period::Period;

/// Standardises and bands every VSV cell of a theme, item or the overall grade; returns
/// the funnel of every family. `min_n` is `[privacy] min_n`: the smallest group of clients
/// a standardised mean may rest on (see [`mean_sources`]).
pub fn compare(scores: &mut Scores, min_n: u64) -> Funnels {
    standardise(scores, min_n);
    add_bands(scores)
}

/// Directly standardised means for the VSV-level and VSV × care-type cells that are
/// published, from strata of at least `min_n` clients (see [`mean_sources`]).
pub fn standardise(scores: &mut Scores, min_n: u64) {
    // Only rows that published cells count: the strata of a VSV × care type (or of a VSV
    // of a source without care types) whose cell is shown.
    let published: HashSet<CaseMixKey> = scores
        .cells
        .iter()
        .filter(|c| c.tier != Tier::Suppressed && c.organisation.is_none())
        .filter_map(|c| Some((c.period, c.vsv?, c.care_type, c.measure)))
        .collect();
    let mut std = standardised_means(&scores.case_mix, &published, min_n);
    // Peers standardised their own cells against the same standard population.
    std.extend(scores.case_mix.given.iter().map(|(k, v)| (*k, *v)));
    for c in scores.cells.iter_mut() {
        if c.tier == Tier::Suppressed || c.organisation.is_some() {
            continue;
        }
        let Some(v) = c.vsv else { continue };
        let value = match c.care_type {
            Some(ct) => std.get(&(c.period, v, Some(ct), c.measure)).copied(),
            // A cell over care types: the unweighted mean of the standardised means of the
            // care types it covers (the shown ones), like its raw mean.
            None if !c.covers.is_empty() => {
                let parts: Option<Vec<f64>> = c
                    .covers
                    .iter()
                    .map(|&ct| std.get(&(c.period, v, Some(ct), c.measure)).copied())
                    .collect();
                parts.map(|p| p.iter().sum::<f64>() / p.len() as f64)
            }
            None => std.get(&(c.period, v, None, c.measure)).copied(),
        };
        c.comparison.std_mean = value;
    }
}

/// The clients whose mean a stratum of a unit is weighted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeanOf {
    /// A group of strata with at least `min_n` clients, named by its first stratum: the
    /// stratum alone, or merged with others.
    Group(usize),
    /// All clients of the stratum's parity (an empty age stratum of a parity kept apart).
    Parity,
    /// All clients of the unit (a stratum of an empty parity).
    Unit,
}

/// **Which mean every stratum of a unit takes** (the rule of spec §5 and issue 24).
///
/// Published next to the raw mean, a standardised mean is a second equation in the strata
/// means: a stratum of 5 clients weighted with its own mean is solved from the two (and so
/// is a small group that borrows a merged mean while its neighbours keep their own). So
/// strata merge into groups of at least `min_n` clients, ages within a parity first:
/// - within a parity, an age stratum of at least `min_n` clients keeps its own mean; the
///   other (non-empty) ones form one group when they hold at least `min_n` clients, and
///   otherwise join the smallest stratum that kept its own (if none did, the parity is one
///   group: its ages collapse);
/// - across parities, the same: a parity of at least `min_n` clients keeps its groups; the
///   other (non-empty) parities form one group when they hold at least `min_n`, and
///   otherwise join the smallest parity that kept its groups, which then collapses into
///   that one group (if none did, the unit is one group: the standardised mean is the raw
///   mean);
/// - an empty stratum's weight goes to its parity's mean (in merged parities: to their
///   group's mean), an empty parity's to the unit's mean.
///
/// Every client's coefficient in the standardised mean is then the same within each group,
/// and the groups split the unit into parts of at least `min_n` clients. Combined with the
/// raw mean (any weighted sum of the two), it gives at most sums over such groups, never a
/// mean of fewer than `min_n` clients. The rule depends only on the unit's own strata, so a
/// VSV computes the same from its own rows as the pooled run does (spec §10).
fn mean_sources(strata: &[(u64, f64)], age_levels: usize, min_n: u64) -> Vec<MeanOf> {
    let min_n = min_n.max(1);
    let age = age_levels.max(1);
    let n: Vec<u64> = strata.iter().map(|(k, _)| *k).collect();
    let parities: Vec<std::ops::Range<usize>> = (0..n.len().div_ceil(age))
        .map(|p| p * age..((p + 1) * age).min(n.len()))
        .collect();
    let parity_n: Vec<u64> = parities.iter().map(|r| n[r.clone()].iter().sum()).collect();
    let mut sources = vec![MeanOf::Unit; n.len()];
    let (kept, merged) = merge_small(&parity_n, min_n);
    // The parities merged into one group (with their empty strata: the group's weight).
    let mut merged_strata = parities
        .iter()
        .zip(&merged)
        .filter(|(_, m)| **m)
        .flat_map(|(r, _)| r.clone());
    if let Some(first) = merged_strata.next() {
        for k in std::iter::once(first).chain(merged_strata) {
            sources[k] = MeanOf::Group(first);
        }
    }
    for (range, _) in parities.iter().zip(&kept).filter(|(_, k)| **k) {
        let (own, rest) = merge_small(&n[range.clone()], min_n);
        let rest_group = range.clone().zip(&rest).find(|(_, r)| **r).map(|(k, _)| k);
        for ((k, own), rest) in range.clone().zip(own).zip(rest) {
            sources[k] = match (own, rest, rest_group) {
                (true, _, _) => MeanOf::Group(k),
                (false, true, Some(first)) => MeanOf::Group(first),
                _ => MeanOf::Parity,
            };
        }
    }
    sources
}

/// Sibling groups of `n` clients: which keep their own (at least `min_n`), and which merge
/// into one group: the non-empty others, joined by the smallest that would keep its own
/// (the first on ties) when they hold fewer than `min_n`. Empty ones do neither.
fn merge_small(n: &[u64], min_n: u64) -> (Vec<bool>, Vec<bool>) {
    let mut own: Vec<bool> = n.iter().map(|&k| k >= min_n).collect();
    let mut merged: Vec<bool> = n.iter().map(|&k| (1..min_n).contains(&k)).collect();
    let rest: u64 = n
        .iter()
        .zip(&merged)
        .filter(|(_, m)| **m)
        .map(|(k, _)| k)
        .sum();
    if (1..min_n).contains(&rest) {
        let smallest = (0..n.len()).filter(|&i| own[i]).min_by_key(|&i| (n[i], i));
        if let Some(i) = smallest {
            own[i] = false;
            merged[i] = true;
        }
    }
    (own, merged)
}

/// (period, VSV, care type, measure) → standardised mean, for the `published` keys.
///
/// The weights are the standard population's shares (`[casemix] standard`) or else the
/// pooled mix of the published cells of the same period, care type and measure: a VSV
/// hidden everywhere counts in no weight. Each stratum's weight multiplies the mean
/// [`mean_sources`] gives it.
fn standardised_means(
    cm: &CaseMix,
    published: &HashSet<CaseMixKey>,
    min_n: u64,
) -> HashMap<CaseMixKey, f64> {
    let s = cm.strata();
    let age = cm.age_levels.max(1);
    let cells = || cm.cells.iter().filter(|(k, _)| published.contains(*k));
    // Pooled population per (period, care type, measure).
    let mut pooled: HashMap<(Period, Option<u32>, Measure), Vec<u64>> = HashMap::default();
    for (&(p, _, ct, m), strata) in cells() {
        let w = pooled.entry((p, ct, m)).or_insert_with(|| vec![0; s]);
        for (k, (n, _)) in strata.iter().enumerate() {
            if let Some(x) = w.get_mut(k) {
                *x += n;
            }
        }
    }
    let mut out = HashMap::default();
    for (&key @ (p, _, ct, m), strata) in cells() {
        let weights: Vec<f64> = match (&cm.standard, pooled.get(&(p, ct, m))) {
            (Some(shares), _) => (0..s)
                .map(|k| shares.get(k).copied().unwrap_or(0.0))
                .collect(),
            (None, Some(counts)) => {
                let total: u64 = counts.iter().sum();
                if total == 0 {
                    continue;
                }
                counts.iter().map(|&c| c as f64 / total as f64).collect()
            }
            (None, None) => continue,
        };
        let sum_of = |range: std::ops::Range<usize>| {
            strata
                .get(range)
                .unwrap_or_default()
                .iter()
                .fold((0u64, 0.0), |(n, s), (a, b)| (n + a, s + b))
        };
        let (all_n, all_sum) = sum_of(0..strata.len());
        if all_n == 0 {
            continue;
        }
        let sources = mean_sources(strata, age, min_n);
        let group_of = |g: usize| {
            strata
                .iter()
                .zip(&sources)
                .filter(|(_, s)| **s == MeanOf::Group(g))
                .fold((0u64, 0.0), |(n, s), ((a, b), _)| (n + a, s + b))
        };
        let mut value = 0.0;
        for (k, &w) in weights.iter().enumerate() {
            if w == 0.0 {
                continue;
            }
            let (n, sum) = match sources.get(k).copied().unwrap_or(MeanOf::Unit) {
                MeanOf::Group(g) => group_of(g),
                MeanOf::Parity => sum_of(k / age * age..((k / age + 1) * age).min(strata.len())),
                MeanOf::Unit => (all_n, all_sum),
            };
            if n == 0 {
                continue;
            }
            value += w * sum / n as f64;
        }
        out.insert(key, value);
    }
    out
}

/// A family of cells compared with each other: (period, care type, measure).
pub type Family = (Period, Option<u32>, Measure);

/// The VSV cells (not suppressed) of every family of a theme, item or grade, as indices
/// into `scores.cells` in cell order.
pub fn families(scores: &Scores) -> BTreeMap<Family, Vec<usize>> {
    let mut families: BTreeMap<Family, Vec<usize>> = BTreeMap::new();
    for (i, c) in scores.cells.iter().enumerate() {
        let comparable = matches!(
            c.measure,
            Measure::Theme(_) | Measure::Grade(_) | Measure::Item(_)
        );
        if comparable && c.vsv.is_some() && c.organisation.is_none() && c.tier != Tier::Suppressed {
            families
                .entry((c.period, c.care_type, c.measure))
                .or_default()
                .push(i);
        }
    }
    families
}

/// The funnel of one family and the VSV of each of its units.
#[derive(Debug, Clone)]
pub struct FamilyFunnel {
    /// The funnel; its units in the order of [`FamilyFunnel::vsvs`].
    pub funnel: Funnel,
    /// The VSV of every unit of the funnel.
    pub vsvs: Vec<u32>,
}

/// The funnel of every family that has one.
pub type Funnels = BTreeMap<Family, FamilyFunnel>;

/// The funnel of one family and, per unit, its index into `scores.cells`. `None` with
/// fewer than two units with a score.
pub fn family_funnel(scores: &Scores, members: &[usize]) -> Option<(Funnel, Vec<usize>)> {
    let (cells, units): (Vec<usize>, Vec<UnitInput>) = members
        .iter()
        .filter_map(|&i| Some((i, unit_input(scores.cells.get(i)?)?)))
        .unzip();
    if units.len() < 2 {
        return None;
    }
    let funnel = funnel_means(&units, &FunnelOptions::default())?;
    // The funnel reports its units in input order.
    debug_assert_eq!(funnel.units.len(), cells.len());
    Some((funnel, cells))
}

/// z and band of every full-tier VSV (and VSV × care-type) cell against the other VSVs;
/// returns the funnel of every family.
pub fn add_bands(scores: &mut Scores) -> Funnels {
    let mut funnels = Funnels::new();
    for (family, members) in families(scores) {
        let Some((f, cells)) = family_funnel(scores, &members) else {
            continue;
        };
        for (r, &i) in f.units.iter().zip(&cells) {
            let Some(cell) = scores.cells.get_mut(i) else {
                continue;
            };
            if cell.tier != Tier::Full {
                continue;
            }
            let z = if f.overdispersed {
                r.z_adjusted.or(r.z)
            } else {
                r.z
            };
            cell.comparison.z = z;
            cell.comparison.band = r.band;
        }
        let vsvs = cells
            .iter()
            .filter_map(|&i| scores.cells.get(i).and_then(|c| c.vsv))
            .collect();
        funnels.insert(family, FamilyFunnel { funnel: f, vsvs });
    }
    funnels
}

/// A cell as a funnel unit: σ/√n with σ the respondents' sd and n the distinct respondents.
/// For a PREM score (mean of care-type means) this is deliberately not the independence
/// standard error of [`crate::stats::mean_of_means`]: one respondent answers for several care
/// types, so her answers are correlated and that error would be too small. The unit is
/// known by its place in the input, so it needs no name.
fn unit_input(c: &Cell) -> Option<UnitInput> {
    let s = c.stats?;
    Some(UnitInput {
        name: String::new(),
        n: s.n as f64,
        value: c.comparison.std_mean.unwrap_or(s.mean),
        sd: s.sd,
        banded: c.tier == Tier::Full,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period() -> Period {
        Period::parse("2026-Q3").unwrap()
    }

    /// Two VSVs, one age level: stratum 0 = first child, 1 = later.
    /// A: first 10 × mean 8, later 30 × mean 9 → raw 8.75.
    /// B: first 30 × mean 7, later 10 × mean 8 → raw 7.25.
    /// Pooled mix: 40 first, 40 later → weights ½, ½:
    /// std A = ½·8 + ½·9 = 8.5; std B = ½·7 + ½·8 = 7.5 (computed by hand).
    fn case_mix() -> CaseMix {
        let m = Measure::Theme(0);
        let mut cells = HashMap::default();
        cells.insert(
            (period(), 0, None, m),
            vec![(10, 80.0), (30, 270.0), (0, 0.0)],
        );
        cells.insert(
            (period(), 1, None, m),
            vec![(30, 210.0), (10, 80.0), (0, 0.0)],
        );
        CaseMix {
            age_levels: 1,
            cells,
            ..CaseMix::default()
        }
    }

    /// Every key of a case mix, as if every cell were published.
    fn all(cm: &CaseMix) -> HashSet<CaseMixKey> {
        cm.cells.keys().copied().collect()
    }

    #[test]
    fn direct_standardisation_by_hand() {
        let cm = case_mix();
        let std = standardised_means(&cm, &all(&cm), 10);
        let a = std[&(period(), 0, None, Measure::Theme(0))];
        let b = std[&(period(), 1, None, Measure::Theme(0))];
        assert!((a - 8.5).abs() < 1e-12, "{a}");
        assert!((b - 7.5).abs() < 1e-12, "{b}");
    }

    #[test]
    fn a_stratum_below_min_n_is_not_solved_from_the_raw_mean() {
        // B has only 2 later-child respondents. Had they kept their own mean (or borrowed
        // B's mean while the 30 first-time mothers kept theirs), std and raw mean would be
        // two equations in the two strata means. They merge with the 30: std B = B's raw mean,
        // 212/32 = 6.625.
        let mut cm = case_mix();
        cm.cells.insert(
            (period(), 1, None, Measure::Theme(0)),
            vec![(30, 210.0), (2, 2.0), (0, 0.0)],
        );
        let std = standardised_means(&cm, &all(&cm), 10);
        let b = std[&(period(), 1, None, Measure::Theme(0))];
        assert!((b - 6.625).abs() < 1e-12, "{b}");
        // A keeps both strata; the weights are the pooled 40 first and 32 later.
        let a = std[&(period(), 0, None, Measure::Theme(0))];
        let want = 40.0 / 72.0 * 8.0 + 32.0 / 72.0 * 9.0;
        assert!((a - want).abs() < 1e-12, "{a} vs {want}");
    }

    #[test]
    fn strata_merge_ages_within_parity_then_parities() {
        // Four age levels per parity (three bands and unknown), the standard's shares, and
        // the clients × their mean (sums):
        //   first   0.10 0.10 0.05 0.00 | 12 × 8, 4 × 6, 3 × 5, 0   (96, 24, 15)
        //   later   0.20 0.20 0.10 0.10 | 25 × 9, 15 × 7, 3 × 6, 0  (225, 105, 18)
        //   unknown 0.05 0.05 0.00 0.05 |  0, 0, 0, 6 × 4           (24)
        // Later (43): 25 and 15 keep their own; the 3 join the smallest of those, 15:
        // (105 + 18)/18; its empty stratum takes the parity's 348/43. Parities: unknown
        // holds 6 < 10, so it joins the smallest other parity, first (19), whose ages
        // collapse: one group of 25, (96 + 24 + 15 + 24)/25 = 6.36, with both parities'
        // weight 0.40. By hand:
        //   0.20 · 9 + 0.30 · 123/18 + 0.10 · 348/43 + 0.40 · 6.36
        //   = 1.8 + 2.05 + 0.809302325… + 2.544 = 7.203302325581395
        let strata = vec![
            (12, 96.0),
            (4, 24.0),
            (3, 15.0),
            (0, 0.0),
            (25, 225.0),
            (15, 105.0),
            (3, 18.0),
            (0, 0.0),
            (0, 0.0),
            (0, 0.0),
            (0, 0.0),
            (6, 24.0),
        ];
        use MeanOf::{Group as G, Parity as P};
        assert_eq!(
            mean_sources(&strata, 4, 10),
            [
                G(0),
                G(0),
                G(0),
                G(0),
                G(4),
                G(5),
                G(5),
                P,
                G(0),
                G(0),
                G(0),
                G(0)
            ]
        );
        let key = (period(), 0, Some(1), Measure::Theme(0));
        let mut cells = HashMap::default();
        cells.insert(key, strata);
        let cm = CaseMix {
            age_levels: 4,
            cells,
            standard: Some(vec![
                0.1, 0.1, 0.05, 0.0, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05, 0.0, 0.05,
            ]),
            ..CaseMix::default()
        };
        let std = standardised_means(&cm, &all(&cm), 10)[&key];
        assert!((std - 7.203_302_325_581_395).abs() < 1e-12, "{std}");
    }

    #[test]
    fn every_group_with_a_mean_of_its_own_holds_min_n_clients() {
        // Any weighted sum of the standardised and the raw mean gives only sums over
        // classes of clients with one coefficient: the groups, refined by nothing else
        // (parity and unit means add the same to every client of a parity or unit).
        let mut seed = 7u64;
        let mut next = |k: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % k
        };
        for _ in 0..5000 {
            let age = 1 + next(5) as usize;
            let min_n = 5 + next(8);
            let strata: Vec<(u64, f64)> = (0..3 * age)
                .map(|_| (if next(3) == 0 { 0 } else { next(25) }, 0.0))
                .collect();
            let total: u64 = strata.iter().map(|(n, _)| n).sum();
            let sources = mean_sources(&strata, age, min_n);
            let mut groups: HashMap<usize, u64> = HashMap::default();
            for (k, (&(n, _), source)) in strata.iter().zip(&sources).enumerate() {
                match *source {
                    MeanOf::Group(g) => *groups.entry(g).or_default() += n,
                    // Only empty strata borrow a wider mean.
                    MeanOf::Parity | MeanOf::Unit => assert_eq!(n, 0, "{k}: {strata:?}"),
                }
            }
            for (g, n) in groups {
                assert!(
                    n >= min_n || n == total,
                    "group {g} of {n}: {strata:?} {sources:?} min_n {min_n}"
                );
            }
        }
    }

    #[test]
    fn a_hidden_vsv_counts_in_no_weight() {
        // VSV 2 (40 first-time mothers) publishes nothing: the weights stay ½, ½.
        let mut cm = case_mix();
        cm.cells.insert(
            (period(), 2, None, Measure::Theme(0)),
            vec![(40, 200.0), (0, 0.0), (0, 0.0)],
        );
        let published: HashSet<CaseMixKey> =
            cm.cells.keys().filter(|k| k.1 != 2).copied().collect();
        let std = standardised_means(&cm, &published, 10);
        let a = std[&(period(), 0, None, Measure::Theme(0))];
        assert!((a - 8.5).abs() < 1e-12, "{a}");
        assert!(!std.contains_key(&(period(), 2, None, Measure::Theme(0))));
    }
}
