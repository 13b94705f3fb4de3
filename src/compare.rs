//! Regional comparison: each VSV against the pooled value of all VSVs in the analysis.
//!
//! 1. **Case-mix standardisation** (direct, CQC-style): a VSV's mean is re-weighted to the
//!    pooled population's mix of parity (first child or not) × age band, so that a VSV with
//!    many first-time mothers is not compared unfairly. A stratum with fewer than
//!    [`MIN_STRATUM`] respondents in a VSV borrows the VSV's mean over its parity (ages
//!    merged), and failing that the VSV's overall mean: sparse strata merge rather than
//!    drop. For PREM (care types) each care type is standardised and the VSV score is the
//!    unweighted mean of the standardised care-type means, like the raw score.
//! 2. **Funnel bands** ([`crate::funnel`]): z of the standardised mean against the pooled
//!    target, with the overdispersion adjustment when there are ten or more VSVs; bands
//!    much better / better / as expected / worse / much worse beyond |z| = 3.09 and 1.96.
//!    Only full-tier cells are banded; indicatief and suppressed cells never are.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::funnel::{funnel_means, Funnel, FunnelOptions, UnitInput};
use crate::period::Period;
use crate::score::{CaseMix, Cell, Measure, Scores, Tier};

/// Respondents a stratum needs in a VSV for its own mean; fewer merge upward.
pub const MIN_STRATUM: u64 = 3;

/// Standardises and bands every VSV cell of a theme, item or the overall grade; returns
/// the funnel of every family.
pub fn compare(scores: &mut Scores) -> Funnels {
    standardise(scores);
    add_bands(scores)
}

/// Directly standardised means for the VSV-level and VSV × care-type cells.
pub fn standardise(scores: &mut Scores) {
    let mut std = standardised_means(&scores.case_mix);
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

/// (period, VSV, care type, measure) → standardised mean.
fn standardised_means(cm: &CaseMix) -> HashMap<(Period, u32, Option<u32>, Measure), f64> {
    let s = cm.strata();
    let age = cm.age_levels.max(1);
    // Pooled population per (period, care type, measure).
    let mut pooled: HashMap<(Period, Option<u32>, Measure), Vec<u64>> = HashMap::default();
    for (&(p, _, ct, m), strata) in &cm.cells {
        let w = pooled.entry((p, ct, m)).or_insert_with(|| vec![0; s]);
        for (k, (n, _)) in strata.iter().enumerate() {
            if let Some(x) = w.get_mut(k) {
                *x += n;
            }
        }
    }
    let mut out = HashMap::default();
    // A fixed standard population: the same shares for every period, care type and measure.
    let fixed: Option<Vec<u64>> = cm.standard.as_ref().map(|_| vec![1; s]);
    for (&(p, v, ct, m), strata) in &cm.cells {
        let Some(weights) = fixed.as_ref().or_else(|| pooled.get(&(p, ct, m))) else {
            continue;
        };
        let total_w: u64 = weights.iter().sum();
        let (all_n, all_sum) = strata
            .iter()
            .fold((0u64, 0.0), |(n, s), (a, b)| (n + a, s + b));
        if total_w == 0 || all_n == 0 {
            continue;
        }
        let overall = all_sum / all_n as f64;
        let mut value = 0.0;
        for (k, &w) in weights.iter().enumerate() {
            if w == 0 {
                continue;
            }
            let (n, sum) = strata.get(k).copied().unwrap_or((0, 0.0));
            let mean = if n >= MIN_STRATUM {
                sum / n as f64
            } else {
                // Merge: the same parity, all ages; then everything.
                let parity = k / age;
                let (pn, ps) = strata[parity * age..((parity + 1) * age).min(strata.len())]
                    .iter()
                    .fold((0u64, 0.0), |(n, s), (a, b)| (n + a, s + b));
                if pn >= MIN_STRATUM {
                    ps / pn as f64
                } else {
                    overall
                }
            };
            value += match &cm.standard {
                Some(shares) => shares.get(k).copied().unwrap_or(0.0) * mean,
                None => w as f64 / total_w as f64 * mean,
            };
        }
        out.insert((p, v, ct, m), value);
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

    #[test]
    fn direct_standardisation_by_hand() {
        let std = standardised_means(&case_mix());
        let a = std[&(period(), 0, None, Measure::Theme(0))];
        let b = std[&(period(), 1, None, Measure::Theme(0))];
        assert!((a - 8.5).abs() < 1e-12, "{a}");
        assert!((b - 7.5).abs() < 1e-12, "{b}");
    }

    #[test]
    fn a_sparse_stratum_borrows_the_vsv_mean() {
        // B has only 2 later-child respondents: fewer than MIN_STRATUM, so that stratum
        // takes B's overall mean (212/32 = 6.625): std B = ½·7 + ½·6.625 = 6.8125.
        let mut cm = case_mix();
        cm.cells.insert(
            (period(), 1, None, Measure::Theme(0)),
            vec![(30, 210.0), (2, 2.0), (0, 0.0)],
        );
        let std = standardised_means(&cm);
        let b = std[&(period(), 1, None, Measure::Theme(0))];
        // Pooled weights now 40 first, 32 later.
        let want = 40.0 / 72.0 * 7.0 + 32.0 / 72.0 * (212.0 / 32.0);
        assert!((b - want).abs() < 1e-12, "{b} vs {want}");
    }
}
