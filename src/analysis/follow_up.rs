//! What became of an improvement action (`acties.csv`): the theme's score before it
//! started and now, and whether the change is more than chance.

use crate::analysis::score::{Change, Measure, Scores, Tier};
use crate::period::{Period, PeriodKind};
use crate::registers::actions::{Action, Status};

/// An action with what the scores say since it started.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    /// The action.
    pub action: Action,
    /// The theme's score before the start: (period, mean), from the last shown period.
    pub before: Option<(Period, f64)>,
    /// The theme's score in the report's period.
    pub now: Option<f64>,
    /// The change and its test (both full tier).
    pub change: Option<Change>,
    /// Not done and past its due date at the end of the report's period.
    pub overdue: bool,
    /// Planned, or started in or after the report's period: too early to measure.
    pub not_started: bool,
}

/// The follow-up of `action` in `period`.
pub fn follow_up(action: &Action, scores: &Scores, period: Period, mid: f64) -> FollowUp {
    let vsv = action.vsv;
    let kind: PeriodKind = period.kind;
    let start_period = Period::of(action.start, kind);
    // The theme's shown cells of the unit, oldest first.
    let shown = || {
        scores
            .unit_cells(vsv, Measure::Theme(action.theme))
            .filter(|c| c.tier != Tier::Suppressed && c.stats.is_some())
    };
    let before_cell = shown()
        .filter(|c| c.period < start_period)
        .max_by_key(|c| c.period);
    let now_cell = shown().find(|c| c.period == period);
    // An action starting in the report's period (or later) cannot show an effect yet.
    let too_early = start_period >= period || action.status == Status::Planned;
    let change = match (before_cell, now_cell) {
        (Some(b), Some(n)) if !too_early => crate::analysis::trend::change(b, n, mid),
        _ => None,
    };
    FollowUp {
        action: action.clone(),
        before: before_cell.and_then(|c| c.stats.map(|s| (c.period, s.mean))),
        now: now_cell.and_then(|c| c.stats.map(|s| s.mean)),
        change,
        overdue: action.status != Status::Done && action.due.is_some_and(|d| d < period.last_day()),
        not_started: too_early,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::{Cell, CellStats, Comparison};
    use crate::stats::Estimate;
    use chrono::NaiveDate;

    fn cell(period: &str, mean: f64, se: f64) -> Cell {
        Cell {
            period: Period::parse(period).unwrap(),
            vsv: None,
            care_type: None,
            organisation: None,
            measure: Measure::Theme(1),
            tier: Tier::Full,
            covers: Vec::new(),
            stats: Some(CellStats {
                n: 200,
                mean,
                sd: Some(1.0),
                ci: None,
                estimate: Some(Estimate {
                    mean,
                    se,
                    df: 199.0,
                }),
                top_box: None,
                problem: None,
            }),
            comparison: Comparison::default(),
        }
    }

    #[test]
    fn follow_up_compares_the_last_period_before_the_start_with_now() {
        let scores = Scores {
            cells: vec![
                cell("2025-Q3", 6.0, 0.07),
                cell("2025-Q4", 6.9, 0.07),
                cell("2026-Q1", 7.0, 0.07),
                cell("2026-Q3", 7.6, 0.07),
            ],
            ..Scores::default()
        };
        let action = Action {
            id: "A1".into(),
            vsv: None,
            theme: 1,
            action: "x".into(),
            owner: String::new(),
            start: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            due: NaiveDate::from_ymd_opt(2026, 9, 1),
            horizon: None,
            status: Status::Running,
        };
        let period = Period::parse("2026-Q3").unwrap();
        let f = follow_up(&action, &scores, period, 0.45);
        // Start in 2026-Q1: before = 2025-Q4 (6.9); now 7.6; change 0.7 with
        // se √(0.07² + 0.07²) = 0.099, t = 7.07: p ≪ 0.05 and 0.7 ≥ 0.45.
        assert_eq!(f.before.map(|b| b.0.to_string()), Some("2025-Q4".into()));
        assert_eq!(f.now, Some(7.6));
        let c = f.change.unwrap();
        assert!((c.change - 0.7).abs() < 1e-12);
        assert!(c.significant);
        // Due 1 September, not done at the end of September: overdue.
        assert!(f.overdue);
        let done = Action {
            status: Status::Done,
            ..action.clone()
        };
        assert!(!follow_up(&done, &scores, period, 0.45).overdue);
    }
}
