//! Trends: every full-tier cell against the same unit and measure in the previous period
//! and in the same period a year earlier.
//!
//! The test is Welch's t on the two estimates (for a VSV's PREM score, the unweighted mean
//! of care-type means, with its own standard error and Satterthwaite degrees of freedom).
//! A change is *significant* only when p < 0.05 **and** |change| ≥ the minimal important
//! difference: a tiny change in a large cell is real but not worth a meeting. Indicatief and
//! suppressed cells (on either side) get no test at all.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::score::{Cell, Change, Measure, Scores, Tier};
use crate::period::Period;
use crate::spc::{xmr, Direction, SpcChart, SpcOptions};
use crate::stats::welch_estimates;

/// Significance level of the trend tests.
pub const ALPHA: f64 = 0.05;

type Key = (Period, Option<u32>, Option<u32>, Option<u32>, Measure);

fn key(c: &Cell) -> Key {
    (c.period, c.vsv, c.care_type, c.organisation, c.measure)
}

/// Fills `prev` and `year` of every full-tier cell (not NPS) whose earlier counterpart is
/// full tier too; `mid` is the minimal important difference on 0–10.
pub fn add_trends(scores: &mut Scores, mid: f64) {
    let index: HashMap<Key, usize> = scores
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| (key(c), i))
        .collect();
    let changes: Vec<(usize, Option<Change>, Option<Change>)> = scores
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.tier == Tier::Full && !matches!(c.measure, Measure::Nps(_)))
        .map(|(i, c)| {
            let against = |from: Period| -> Option<Change> {
                let (p, v, ct, org, m) = key(c);
                debug_assert_eq!(p, c.period);
                let j = *index.get(&(from, v, ct, org, m))?;
                change(&scores.cells[j], c, mid)
            };
            (i, against(c.period.prev()), against(c.period.year_before()))
        })
        .collect();
    for (i, prev, year) in changes {
        scores.cells[i].comparison.prev = prev;
        scores.cells[i].comparison.year = year;
    }
}

/// A unit × measure whose cells form a series: (vsv, care type, organisation, measure).
pub type SeriesKey = (Option<u32>, Option<u32>, Option<u32>, Measure);

/// The SPC series of every unit × measure (not NPS): the full-tier cells up to `period`,
/// oldest first, as (period, index into `scores.cells`). Indicatief and suppressed points
/// are left out of the series, so limits rest only on numbers that may be shown.
pub fn spc_series(scores: &Scores, period: Period) -> BTreeMap<SeriesKey, Vec<(Period, usize)>> {
    let mut series: BTreeMap<SeriesKey, Vec<(Period, usize)>> = BTreeMap::new();
    for (i, c) in scores.cells.iter().enumerate() {
        let shown = c.tier == Tier::Full && c.stats.is_some();
        if shown && c.period <= period && !matches!(c.measure, Measure::Nps(_)) {
            series
                .entry((c.vsv, c.care_type, c.organisation, c.measure))
                .or_default()
                .push((c.period, i));
        }
    }
    for points in series.values_mut() {
        points.sort();
    }
    series
}

/// The XmR options of scores: higher is better, no limits below `min_points` values
/// (`[analysis] spc_min_points`), the package's defaults otherwise.
pub fn spc_options(min_points: usize) -> SpcOptions {
    SpcOptions {
        improvement: Direction::Increase,
        min_points,
        ..SpcOptions::default()
    }
}

/// The XmR chart of one series from [`spc_series`].
pub fn spc_chart(scores: &Scores, points: &[(Period, usize)], min_points: usize) -> SpcChart {
    let values: Vec<f64> = points
        .iter()
        .map(|&(_, i)| scores.cells[i].stats.map_or(f64::NAN, |s| s.mean))
        .collect();
    xmr(&values, &spc_options(min_points))
}

/// The XmR chart of a unit × measure over the shown periods up to the report's.
#[derive(Debug, Clone)]
pub struct SpcSeries {
    /// The periods of the chart's points, oldest first (periods without a shown value are
    /// not in it).
    pub periods: Vec<Period>,
    /// The chart: one point per period.
    pub chart: SpcChart,
}

/// The SPC chart of every unit × measure with at least two shown periods up to `period`.
pub type SpcCharts = BTreeMap<SeriesKey, SpcSeries>;

/// The XmR charts of every series of [`spc_series`] with two points or more: what the
/// `spc_signal` column and the SPC charts both show.
pub fn spc_charts(scores: &Scores, period: Period, min_points: usize) -> SpcCharts {
    charts_with_last(scores, period, min_points)
        .into_iter()
        .map(|(key, _, series)| (key, series))
        .collect()
}

/// [`spc_charts`], each with the index of its last cell.
fn charts_with_last(
    scores: &Scores,
    period: Period,
    min_points: usize,
) -> Vec<(SeriesKey, usize, SpcSeries)> {
    spc_series(scores, period)
        .into_iter()
        .filter(|(_, points)| points.len() >= 2)
        .filter_map(|(key, points)| {
            let &(_, last) = points.last()?;
            let chart = spc_chart(scores, &points, min_points);
            let periods = points.iter().map(|(p, _)| *p).collect();
            Some((key, last, SpcSeries { periods, chart }))
        })
        .collect()
}

/// The SPC signal of every full-tier cell of `period`: an XmR chart (NHS Making Data
/// Count rules, higher is better) over the cell's series of shown means up to `period`.
/// A series with fewer than `min_points` values gets no signal at all. Returns the charts.
pub fn add_spc_signals(scores: &mut Scores, period: Period, min_points: usize) -> SpcCharts {
    let mut charts = SpcCharts::new();
    for (key, last, series) in charts_with_last(scores, period, min_points) {
        if series.periods.last() == Some(&period) {
            if let (Some(p), Some(cell)) = (series.chart.points.last(), scores.cells.get_mut(last))
            {
                cell.comparison.spc_signal = p.variation;
            }
        }
        charts.insert(key, series);
    }
    charts
}

/// The change from `before` to `now`, when both are full tier.
pub fn change(before: &Cell, now: &Cell, mid: f64) -> Option<Change> {
    if before.tier != Tier::Full || now.tier != Tier::Full {
        return None;
    }
    let a = before.stats?.estimate?;
    let b = now.stats?.estimate?;
    let w = welch_estimates(&a, &b)?;
    Some(Change {
        from: before.period,
        change: w.diff,
        p: w.p,
        significant: w.p < ALPHA && w.diff.abs() >= mid - 1e-12,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::{CellStats, Comparison};
    use crate::period::PeriodKind;
    use crate::spc::Variation;
    use crate::stats::{summarize, Estimate};

    fn cell(period: &str, values: &[f64], tier: Tier) -> Cell {
        let s = summarize(values).unwrap();
        Cell {
            period: Period::parse(period).unwrap(),
            vsv: Some(0),
            care_type: None,
            organisation: None,
            measure: Measure::Theme(0),
            tier,
            covers: Vec::new(),
            stats: Some(CellStats {
                n: s.n,
                mean: s.mean,
                sd: s.sd,
                ci: None,
                estimate: Estimate::of(&s),
                top_box: None,
                problem: None,
            }),
            comparison: Comparison::default(),
        }
    }

    /// 30 scores: `base` plus a fixed spread of −1..+1.
    fn values(base: f64) -> Vec<f64> {
        (0..30).map(|i| base + (i % 3) as f64 - 1.0).collect()
    }

    #[test]
    fn significant_needs_both_p_and_the_minimal_important_difference() {
        // Two samples of 30 with sd 0.830455 (spread −1, 0, 1) and means 8.0 and 7.4:
        // scipy.stats.ttest_ind(a, b, equal_var=False) → statistic 2.7982137159266345,
        // pvalue 0.006963651996467321
        let before = cell("2026-Q2", &values(8.0), Tier::Full);
        let now = cell("2026-Q3", &values(7.4), Tier::Full);
        let c = change(&before, &now, 0.45).unwrap();
        assert!((c.change - -0.6).abs() < 1e-12);
        assert!((c.p - 0.006963651996467321).abs() < 1e-9, "{}", c.p);
        assert!(c.significant);
        // Same p, but the change is below a MID of 0.7: not significant.
        assert!(!change(&before, &now, 0.7).unwrap().significant);
        // A real but small change (0.2) is never significant at MID 0.45.
        let small = cell("2026-Q3", &values(7.8), Tier::Full);
        assert!(!change(&before, &small, 0.45).unwrap().significant);
    }

    /// Issue 10: eight quarters (as the sample) are below the default minimum of 12, so
    /// the latest cell gets no SPC signal at all, not "common cause"; with the minimum at 8
    /// the drop of the last quarter is a concern (below the lower limit).
    #[test]
    fn spc_signals_need_the_minimum_number_of_periods() {
        let quarters = [
            "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3",
        ];
        let means = [8.0, 8.1, 8.0, 8.1, 8.0, 8.1, 8.0, 6.0];
        let scores = || Scores {
            cells: quarters
                .iter()
                .zip(means)
                .map(|(q, m)| cell(q, &values(m), Tier::Full))
                .collect(),
            ..Scores::default()
        };
        let period = Period::parse("2026-Q3").unwrap();
        let mut s = scores();
        add_spc_signals(&mut s, period, crate::spc::DEFAULT_MIN_POINTS);
        assert_eq!(s.cells[7].comparison.spc_signal, None);
        let mut s = scores();
        add_spc_signals(&mut s, period, 8);
        assert_eq!(
            s.cells[7].comparison.spc_signal,
            Some(Variation::SpecialCauseConcern)
        );
    }

    #[test]
    fn indicative_cells_get_no_test() {
        let before = cell("2026-Q2", &values(8.0), Tier::Indicative);
        let now = cell("2026-Q3", &values(6.0), Tier::Full);
        assert_eq!(change(&before, &now, 0.45), None);
    }

    #[test]
    fn add_trends_finds_previous_and_year_before() {
        let mut s = Scores {
            cells: vec![
                cell("2025-Q3", &values(8.5), Tier::Full),
                cell("2026-Q2", &values(8.0), Tier::Full),
                cell("2026-Q3", &values(7.4), Tier::Full),
            ],
            ..Scores::default()
        };
        add_trends(&mut s, 0.45);
        let latest = &s.cells[2].comparison;
        assert_eq!(
            latest.prev.map(|c| c.from.to_string()),
            Some("2026-Q2".into())
        );
        assert_eq!(
            latest.year.map(|c| c.from.to_string()),
            Some("2025-Q3".into())
        );
        assert!((latest.year.unwrap().change - -1.1).abs() < 1e-9);
        assert_eq!(s.cells[0].comparison.prev, None);
        assert_eq!(PeriodKind::Quarter, s.cells[0].period.kind);
    }
}
