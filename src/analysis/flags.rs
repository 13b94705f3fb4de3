//! Improvement points (verbeterpunten) and strengths (sterke punten) per unit.
//!
//! A theme of a unit (a VSV or the region) is an **improvement point** when any of these
//! holds in the report's period (spec §5):
//! 1. banded worse (or much worse) than expected against the other VSVs;
//! 2. a significant decline against the previous period or the same period a year earlier
//!    (p < 0.05 **and** at least the minimal important difference);
//! 3. an SPC special cause of concern;
//! 4. among the unit's top 3 by *verbeterscore*: problem share × the theme's importance
//!    (CQ-index, 1–4), or the problem share alone when the codebook gives no importance;
//! 5. below the target of `[targets]` in prem.toml.
//!
//! **Strengths** mirror these: banded better, a significant rise, special cause of
//! improvement, top 3 by top-box share × importance, at or above the target.
//!
//! Only full-tier cells are flagged: an indicatief cell carries no conclusions and a
//! suppressed one no numbers. Flags are ranked by the weight of their reasons (a band or a
//! signal counts more than a high verbeterscore), then by verbeterscore.

use std::collections::BTreeMap;

use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::analysis::score::{Cell, Change, Measure, Scores, Tier};
use crate::funnel::Band;
use crate::ingest::Canonical;
use crate::period::Period;
use crate::spc::Variation;

/// How many themes per unit the verbeterscore rule picks.
pub const TOP_VERBETERSCORE: usize = 3;

/// Improvement point or strength; its id is the `kind` column of flags.csv.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, IntoStaticStr, EnumString, EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum FlagKind {
    /// Verbeterpunt.
    Improvement,
    /// Sterk punt.
    Strength,
}

impl FlagKind {
    /// The id: `improvement` or `strength`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// Which earlier period a change is against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// The previous period.
    Previous,
    /// The same period a year earlier.
    YearBefore,
}

/// One reason a theme is flagged, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Banded against the other VSVs (case-mix standardised).
    Band {
        /// The band.
        band: Band,
        /// z of the comparison.
        z: f64,
    },
    /// A significant change.
    Change {
        /// Against which period.
        against: Against,
        /// The change and its test.
        change: Change,
    },
    /// An SPC special cause (concern for improvement points, improvement for strengths).
    Spc,
    /// Among the top by verbeterscore (problem share × importance) or, for strengths, by
    /// top-box share × importance.
    TopScore {
        /// The score (share 0–1, times the importance when known).
        value: f64,
        /// 1 = highest of the unit.
        place: usize,
        /// Whether the importance was used.
        weighted: bool,
    },
    /// Below (improvement) or at/above (strength) the target.
    Target {
        /// The target.
        target: f64,
    },
}

/// The id of a reason in the `reasons` column of flags.csv: a [`Reason`] seen from the
/// flag's [`FlagKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum ReasonId {
    /// Band worse than expected.
    WorseThanExpected,
    /// Band better than expected.
    BetterThanExpected,
    /// Significant decline against the previous period.
    DeclinePrevious,
    /// Significant decline against a year before.
    DeclineYear,
    /// Significant rise against the previous period.
    RisePrevious,
    /// Significant rise against a year before.
    RiseYear,
    /// SPC special cause of concern.
    SpcConcern,
    /// SPC special cause of improvement.
    SpcImprovement,
    /// Among the top by verbeterscore.
    TopVerbeterscore,
    /// Among the top by top-box share.
    TopTopbox,
    /// Below the target.
    BelowTarget,
    /// At or above the target.
    TargetMet,
}

impl Reason {
    /// The id in flags.csv (e.g. `decline_year`), which depends on the flag's kind.
    pub fn id(&self, kind: FlagKind) -> &'static str {
        use FlagKind::{Improvement as I, Strength as S};
        use ReasonId::*;
        let id = match (self, kind) {
            (Reason::Band { .. }, I) => WorseThanExpected,
            (Reason::Band { .. }, S) => BetterThanExpected,
            (Reason::Change { against, .. }, I) => match against {
                Against::Previous => DeclinePrevious,
                Against::YearBefore => DeclineYear,
            },
            (Reason::Change { against, .. }, S) => match against {
                Against::Previous => RisePrevious,
                Against::YearBefore => RiseYear,
            },
            (Reason::Spc, I) => SpcConcern,
            (Reason::Spc, S) => SpcImprovement,
            (Reason::TopScore { .. }, I) => TopVerbeterscore,
            (Reason::TopScore { .. }, S) => TopTopbox,
            (Reason::Target { .. }, I) => BelowTarget,
            (Reason::Target { .. }, S) => TargetMet,
        };
        id.into()
    }

    /// Weight in the ranking: a band or signal counts more than a high verbeterscore.
    fn weight(&self) -> f64 {
        match self {
            Reason::Band { band, .. } => match band {
                Band::MuchWorse | Band::MuchBetter => 4.0,
                _ => 3.0,
            },
            Reason::Change { .. } => 3.0,
            Reason::Spc => 3.0,
            Reason::Target { .. } => 2.0,
            Reason::TopScore { .. } => 1.0,
        }
    }
}

/// A flagged theme of a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    /// The report's period.
    pub period: Period,
    /// The VSV (`None`: the region).
    pub vsv: Option<u32>,
    /// Theme (index into [`Canonical::themes`]).
    pub theme: u16,
    /// Improvement point or strength.
    pub kind: FlagKind,
    /// 1 = first, per unit and kind.
    pub rank: usize,
    /// Every reason, strongest first.
    pub reasons: Vec<Reason>,
    /// The unit's score.
    pub score: f64,
    /// Its 95% interval.
    pub ci: Option<(f64, f64)>,
    /// The region's score, for a VSV.
    pub region: Option<f64>,
    /// Respondents.
    pub n: u64,
    /// Problem share 0–1 (improvement) or top-box share (strength), when known.
    pub share: Option<f64>,
    /// Change against the previous period, when tested.
    pub change_prev: Option<Change>,
}

/// The settings the rules use.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Theme id → target score.
    pub targets: BTreeMap<String, f64>,
}

/// Every flag of every unit in `period`, ranked per unit and kind.
pub fn flags(data: &Canonical, scores: &Scores, period: Period, rules: &Rules) -> Vec<Flag> {
    let mut units: Vec<Option<u32>> = scores
        .cells
        .iter()
        .filter(|c| c.period == period)
        .map(|c| c.vsv)
        .collect();
    units.sort_unstable();
    units.dedup();
    let mut out = Vec::new();
    for vsv in units {
        let cells = theme_cells(scores, data.themes.len(), period, vsv);
        let mut improvements = unit_flags(
            data,
            scores,
            &cells,
            period,
            vsv,
            FlagKind::Improvement,
            rules,
        );
        let mut strengths =
            unit_flags(data, scores, &cells, period, vsv, FlagKind::Strength, rules);
        resolve_conflicts(&mut improvements, &mut strengths);
        out.extend(improvements);
        out.extend(strengths);
    }
    out
}

/// A theme is never both an improvement point and a strength: the flag that rests only on
/// a top score gives way to one with a real reason (band, trend, signal, target); when
/// both rest only on top scores, the theme is neither. Ranks are renumbered.
fn resolve_conflicts(improvements: &mut Vec<Flag>, strengths: &mut Vec<Flag>) {
    let only_top = |f: &Flag| {
        f.reasons
            .iter()
            .all(|r| matches!(r, Reason::TopScore { .. }))
    };
    let both: Vec<u16> = improvements
        .iter()
        .filter(|i| strengths.iter().any(|s| s.theme == i.theme))
        .map(|i| i.theme)
        .collect();
    for theme in both {
        let imp_top = improvements.iter().any(|f| f.theme == theme && only_top(f));
        let str_top = strengths.iter().any(|f| f.theme == theme && only_top(f));
        if imp_top {
            improvements.retain(|f| f.theme != theme);
        }
        if str_top {
            strengths.retain(|f| f.theme != theme);
        }
    }
    for list in [improvements, strengths] {
        for (i, f) in list.iter_mut().enumerate() {
            f.rank = i + 1;
        }
    }
}

/// The unit's full-tier theme cells of `period`, in theme order (`themes` themes).
fn theme_cells(
    scores: &Scores,
    themes: usize,
    period: Period,
    vsv: Option<u32>,
) -> Vec<(u16, &Cell)> {
    (0..themes as u16)
        .flat_map(|t| {
            scores
                .unit_cells(vsv, Measure::Theme(t))
                .filter(|c| c.period == period && c.tier == Tier::Full && c.stats.is_some())
                .map(move |c| (t, c))
        })
        .collect()
}

/// The unit's flags of one kind, ranked.
fn unit_flags(
    data: &Canonical,
    scores: &Scores,
    cells: &[(u16, &Cell)],
    period: Period,
    vsv: Option<u32>,
    kind: FlagKind,
    rules: &Rules,
) -> Vec<Flag> {
    let improvement = kind == FlagKind::Improvement;
    let top = top_scores(data, cells, improvement);
    let mut flags: Vec<(f64, f64, Flag)> = Vec::new();
    for &(t, c) in cells {
        let Some(s) = c.stats else {
            continue;
        };
        let (reasons, order) = reasons(data, t, c, improvement, rules, &top);
        if reasons.is_empty() {
            continue;
        }
        let weight = weight(&reasons);
        let region = vsv.and_then(|_| region_mean(scores, period, t));
        let share = if improvement { s.problem } else { s.top_box }.map(|p| p.pct / 100.0);
        flags.push((
            weight,
            order,
            Flag {
                period,
                vsv,
                theme: t,
                kind,
                rank: 0,
                reasons,
                score: s.mean,
                ci: s.ci,
                region,
                n: s.n,
                share,
                change_prev: c.comparison.prev,
            },
        ));
    }
    ranked(flags)
}

/// The unit's top themes by verbeterscore (problem share × importance; for strengths the
/// top-box share), highest first: (theme, score, whether an importance weighed in).
fn top_scores(
    data: &Canonical,
    cells: &[(u16, &Cell)],
    improvement: bool,
) -> Vec<(u16, f64, bool)> {
    let mut top: Vec<(u16, f64, bool)> = cells
        .iter()
        .filter_map(|(t, c)| {
            let s = c.stats?;
            let share = if improvement { s.problem } else { s.top_box }?.pct / 100.0;
            let importance = data.themes.get(*t as usize).and_then(|th| th.importance);
            Some((*t, share * importance.unwrap_or(1.0), importance.is_some()))
        })
        .filter(|(_, v, _)| *v > 0.0)
        .collect();
    // "More than with most themes" needs more themes than the top holds: with one theme
    // (the NHS FFT) or a few, every theme would be "among the highest".
    if cells.iter().filter(|(_, c)| c.stats.is_some()).count() <= TOP_VERBETERSCORE {
        return Vec::new();
    }
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(TOP_VERBETERSCORE);
    top
}

/// Why theme `t` (cell `c`) is an improvement point or a strength, heaviest reason first,
/// and its verbeterscore when it is among the `top` (else 0), which orders equal weights.
fn reasons(
    data: &Canonical,
    t: u16,
    c: &Cell,
    improvement: bool,
    rules: &Rules,
    top: &[(u16, f64, bool)],
) -> (Vec<Reason>, f64) {
    let mut reasons = Vec::new();
    if let (Some(band), Some(z)) = (c.comparison.band, c.comparison.z) {
        let hit = if improvement {
            matches!(band, Band::Worse | Band::MuchWorse)
        } else {
            matches!(band, Band::Better | Band::MuchBetter)
        };
        if hit {
            reasons.push(Reason::Band { band, z });
        }
    }
    for (against, change) in [
        (Against::Previous, c.comparison.prev),
        (Against::YearBefore, c.comparison.year),
    ] {
        if let Some(change) = change {
            let direction = if improvement {
                change.change < 0.0
            } else {
                change.change > 0.0
            };
            if change.significant && direction {
                reasons.push(Reason::Change { against, change });
            }
        }
    }
    let signal = if improvement {
        Variation::SpecialCauseConcern
    } else {
        Variation::SpecialCauseImprovement
    };
    if c.comparison.spc_signal == Some(signal) {
        reasons.push(Reason::Spc);
    }
    let theme_id = data.themes.get(t as usize).map(|th| th.id.as_str());
    let target = theme_id.and_then(|id| rules.targets.get(id));
    if let (Some(target), Some(s)) = (target, c.stats) {
        let hit = if improvement {
            s.mean < *target
        } else {
            s.mean >= *target
        };
        if hit {
            reasons.push(Reason::Target { target: *target });
        }
    }
    let mut order = 0.0;
    if let Some(place) = top.iter().position(|(x, _, _)| *x == t) {
        let (_, value, weighted) = top[place];
        order = value;
        reasons.push(Reason::TopScore {
            value,
            place: place + 1,
            weighted,
        });
    }
    reasons.sort_by(|a, b| b.weight().total_cmp(&a.weight()));
    (reasons, order)
}

/// The weight a flag ranks by. One drop often shows as a decline against last period,
/// against last year and as an SPC signal: the trend counts once, at its strongest.
fn weight(reasons: &[Reason]) -> f64 {
    let is_trend = |r: &&Reason| matches!(r, Reason::Change { .. } | Reason::Spc);
    let trend = reasons
        .iter()
        .filter(is_trend)
        .map(Reason::weight)
        .fold(0.0, f64::max);
    trend
        + reasons
            .iter()
            .filter(|r| !is_trend(r))
            .map(Reason::weight)
            .sum::<f64>()
}

/// The region's mean of theme `t` in `period`, unless suppressed: what a VSV's flag shows
/// beside its own score.
fn region_mean(scores: &Scores, period: Period, t: u16) -> Option<f64> {
    scores
        .unit_cells(None, Measure::Theme(t))
        .find(|r| r.period == period && r.tier != Tier::Suppressed)
        .and_then(|r| r.stats)
        .map(|r| r.mean)
}

/// The flags heaviest first (then by verbeterscore, then in theme order), ranked from 1.
fn ranked(mut flags: Vec<(f64, f64, Flag)>) -> Vec<Flag> {
    flags.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.theme.cmp(&b.2.theme))
    });
    flags
        .into_iter()
        .enumerate()
        .map(|(i, (_, _, mut f))| {
            f.rank = i + 1;
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::{CellStats, Comparison, Percent};
    use crate::ingest::ThemeRef;

    fn period() -> Period {
        Period::parse("2026-Q3").unwrap()
    }

    fn theme(id: &str, importance: Option<f64>) -> ThemeRef {
        ThemeRef {
            id: id.into(),
            label: id.into(),
            label_en: None,
            source: 0,
            n_items: 1,
            importance,
            positive_score: Some(9.0),
            problem_score: Some(5.0),
        }
    }

    fn data(themes: Vec<ThemeRef>) -> Canonical {
        Canonical {
            themes,
            ..Canonical::default()
        }
    }

    /// A full-tier VSV theme cell with mean `mean`, problem % and top-box %.
    fn cell(vsv: Option<u32>, theme: u16, mean: f64, problem: f64, top: f64) -> Cell {
        Cell {
            period: period(),
            vsv,
            care_type: None,
            organisation: None,
            measure: Measure::Theme(theme),
            tier: Tier::Full,
            covers: Vec::new(),
            stats: Some(CellStats {
                n: 120,
                mean,
                sd: Some(1.5),
                ci: Some((mean - 0.3, mean + 0.3)),
                estimate: None,
                top_box: Some(Percent {
                    pct: top,
                    low: top - 5.0,
                    high: top + 5.0,
                }),
                problem: Some(Percent {
                    pct: problem,
                    low: problem - 3.0,
                    high: problem + 3.0,
                }),
            }),
            comparison: Comparison::default(),
        }
    }

    fn scores(cells: Vec<Cell>) -> Scores {
        Scores {
            cells,
            ..Scores::default()
        }
    }

    fn reason_ids(f: &Flag) -> Vec<&'static str> {
        f.reasons.iter().map(|r| r.id(f.kind)).collect()
    }

    fn only(flags: &[Flag], vsv: Option<u32>, kind: FlagKind) -> Vec<&Flag> {
        flags
            .iter()
            .filter(|f| f.vsv == vsv && f.kind == kind)
            .collect()
    }

    #[test]
    fn a_worse_band_flags_with_its_z() {
        // Four themes; theme 3 has the lowest problem share, so only the band flags it.
        let themes = (0..4).map(|i| theme(&format!("t{i}"), None)).collect();
        let mut cells: Vec<Cell> = (0..4)
            .map(|t| cell(Some(1), t, 8.0, 10.0 - t as f64, 50.0))
            .collect();
        cells[3].comparison.band = Some(Band::Worse);
        cells[3].comparison.z = Some(-2.6);
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        let imp = only(&f, Some(1), FlagKind::Improvement);
        let t3 = imp.iter().find(|f| f.theme == 3).unwrap();
        assert_eq!(reason_ids(t3), ["worse_than_expected"]);
        assert_eq!(
            t3.reasons[0],
            Reason::Band {
                band: Band::Worse,
                z: -2.6
            }
        );
        // Ranked first: a band outweighs a high verbeterscore.
        assert_eq!(t3.rank, 1);
    }

    #[test]
    fn only_a_significant_decline_flags_and_a_rise_is_a_strength() {
        let themes = (0..5).map(|i| theme(&format!("t{i}"), None)).collect();
        // Themes 0-2 take the top-3 verbeterscore places; 3 and 4 are tested for changes.
        let mut cells: Vec<Cell> = (0..5)
            .map(|t| cell(Some(1), t, 8.0, if t < 3 { 20.0 } else { 1.0 }, 10.0))
            .collect();
        let change = |c: f64, p: f64, significant| Change {
            from: Period::parse("2026-Q2").unwrap(),
            change: c,
            p,
            significant,
        };
        cells[3].comparison.prev = Some(change(-0.6, 0.01, true));
        cells[4].comparison.prev = Some(change(-0.3, 0.01, false)); // below the MID
        cells[4].comparison.year = Some(change(0.7, 0.001, true));
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        let imp = only(&f, Some(1), FlagKind::Improvement);
        assert!(imp
            .iter()
            .any(|f| f.theme == 3 && reason_ids(f) == ["decline_previous"]));
        assert!(!imp.iter().any(|f| f.theme == 4));
        let strengths = only(&f, Some(1), FlagKind::Strength);
        let t4 = strengths.iter().find(|f| f.theme == 4).unwrap();
        assert!(reason_ids(t4).contains(&"rise_year"));
    }

    #[test]
    fn spc_concern_and_improvement() {
        let themes = (0..5).map(|i| theme(&format!("t{i}"), None)).collect();
        let mut cells: Vec<Cell> = (0..5)
            .map(|t| cell(Some(1), t, 8.0, if t < 3 { 20.0 } else { 1.0 }, 1.0))
            .collect();
        cells[3].comparison.spc_signal = Some(Variation::SpecialCauseConcern);
        cells[4].comparison.spc_signal = Some(Variation::SpecialCauseImprovement);
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        let imp = only(&f, Some(1), FlagKind::Improvement);
        assert_eq!(
            reason_ids(imp.iter().find(|f| f.theme == 3).unwrap()),
            ["spc_concern"]
        );
        let st = only(&f, Some(1), FlagKind::Strength);
        assert!(reason_ids(st.iter().find(|f| f.theme == 4).unwrap()).contains(&"spc_improvement"));
    }

    #[test]
    fn verbeterscore_is_problem_share_times_importance() {
        // Problem shares 30%, 20%, 25%, 10%, 40% with importances 1, 4, 2, 3, none.
        // Scores: 0.30, 0.80, 0.50, 0.30, 0.40 (no importance: the share alone).
        // Top 3: t1 (0.80), t2 (0.50), t4 (0.40), computed by hand.
        let themes = vec![
            theme("t0", Some(1.0)),
            theme("t1", Some(4.0)),
            theme("t2", Some(2.0)),
            theme("t3", Some(3.0)),
            theme("t4", None),
        ];
        let problems = [30.0, 20.0, 25.0, 10.0, 40.0];
        let cells = (0..5)
            .map(|t| cell(Some(1), t, 8.0, problems[t as usize], 0.0))
            .collect();
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        let imp = only(&f, Some(1), FlagKind::Improvement);
        let got: Vec<(u16, usize, f64, bool)> = imp
            .iter()
            .map(|f| match f.reasons[0] {
                Reason::TopScore {
                    value,
                    place,
                    weighted,
                } => (f.theme, place, value, weighted),
                _ => panic!("{:?}", f.reasons),
            })
            .collect();
        assert_eq!(got.len(), 3);
        assert_eq!((got[0].0, got[0].1, got[0].3), (1, 1, true));
        assert!((got[0].2 - 0.80).abs() < 1e-12);
        assert_eq!((got[1].0, got[1].1), (2, 2));
        assert!((got[1].2 - 0.50).abs() < 1e-12);
        assert_eq!((got[2].0, got[2].1, got[2].3), (4, 3, false));
        assert!((got[2].2 - 0.40).abs() < 1e-12);
        // Ranks follow the verbeterscore when the weights tie.
        assert_eq!(imp.iter().map(|f| f.rank).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn targets_flag_below_and_strengthen_at_or_above() {
        let themes = (0..5).map(|i| theme(&format!("t{i}"), None)).collect();
        let cells = (0..5)
            .map(|t| {
                let mean = if t == 3 { 7.9 } else { 8.0 };
                cell(Some(1), t, mean, if t < 3 { 20.0 } else { 1.0 }, 1.0)
            })
            .collect();
        let rules = Rules {
            targets: [("t3".to_string(), 8.0), ("t4".to_string(), 8.0)].into(),
        };
        let f = flags(&data(themes), &scores(cells), period(), &rules);
        let imp = only(&f, Some(1), FlagKind::Improvement);
        assert_eq!(
            reason_ids(imp.iter().find(|f| f.theme == 3).unwrap()),
            ["below_target"]
        );
        assert!(!imp.iter().any(|f| f.theme == 4));
        let st = only(&f, Some(1), FlagKind::Strength);
        assert!(reason_ids(st.iter().find(|f| f.theme == 4).unwrap()).contains(&"target_met"));
    }

    #[test]
    fn indicative_and_suppressed_cells_are_never_flagged() {
        let themes = (0..2).map(|i| theme(&format!("t{i}"), None)).collect();
        let mut cells = vec![
            cell(Some(1), 0, 6.0, 50.0, 5.0),
            cell(Some(1), 1, 6.0, 50.0, 5.0),
        ];
        cells[0].tier = Tier::Indicative;
        cells[0].comparison.spc_signal = Some(Variation::SpecialCauseConcern);
        cells[1].tier = Tier::Suppressed;
        cells[1].stats = None;
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_theme_is_never_both_and_a_trend_counts_once() {
        let themes = (0..4).map(|i| theme(&format!("t{i}"), None)).collect();
        // t0: much worse band (4) → first, although t1's drop shows three ways (3, once).
        // t2: high problem and high top-box share: top score on both sides → neither.
        let mut cells = vec![
            cell(Some(1), 0, 7.0, 5.0, 5.0),
            cell(Some(1), 1, 7.5, 5.0, 5.0),
            cell(Some(1), 2, 8.0, 40.0, 70.0),
            cell(Some(1), 3, 8.0, 1.0, 1.0),
        ];
        cells[0].comparison.band = Some(Band::MuchWorse);
        cells[0].comparison.z = Some(-4.0);
        let change = Change {
            from: Period::parse("2026-Q2").unwrap(),
            change: -0.8,
            p: 0.001,
            significant: true,
        };
        cells[1].comparison.prev = Some(change);
        cells[1].comparison.year = Some(change);
        cells[1].comparison.spc_signal = Some(Variation::SpecialCauseConcern);
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        let imp = only(&f, Some(1), FlagKind::Improvement);
        assert_eq!(imp[0].theme, 0, "{imp:?}");
        assert_eq!(imp[1].theme, 1);
        let st = only(&f, Some(1), FlagKind::Strength);
        assert!(!imp.iter().any(|f| f.theme == 2) && !st.iter().any(|f| f.theme == 2));
        for list in [&imp, &st] {
            let ranks: Vec<usize> = list.iter().map(|f| f.rank).collect();
            assert_eq!(ranks, (1..=list.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn every_reason_is_kept_and_the_region_is_a_unit() {
        // Four themes: a top verbeterscore means "higher than most themes".
        let themes = (0..4).map(|i| theme(&format!("t{i}"), None)).collect();
        let mut vsv = cell(Some(2), 0, 7.0, 30.0, 10.0);
        vsv.comparison.band = Some(Band::MuchWorse);
        vsv.comparison.z = Some(-4.0);
        vsv.comparison.spc_signal = Some(Variation::SpecialCauseConcern);
        let region = cell(None, 0, 8.1, 10.0, 0.0);
        let mut all = vec![vsv, region];
        for t in 1..4 {
            all.push(cell(Some(2), t, 8.5, 0.0, 0.0));
            all.push(cell(None, t, 8.5, 0.0, 0.0));
        }
        let f = flags(&data(themes), &scores(all), period(), &Rules::default());
        let v = only(&f, Some(2), FlagKind::Improvement);
        assert_eq!(
            reason_ids(v[0]),
            ["worse_than_expected", "spc_concern", "top_verbeterscore"]
        );
        assert_eq!(v[0].region, Some(8.1));
        assert_eq!(v[0].n, 120);
        let r = only(&f, None, FlagKind::Improvement);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].region, None);
    }

    /// With one theme (the NHS FFT) "higher than with most themes" says nothing: no flag
    /// on that ground alone.
    #[test]
    fn one_theme_is_never_top_of_the_themes() {
        let themes = vec![theme("t0", None)];
        let cells = vec![
            cell(Some(2), 0, 8.0, 30.0, 70.0),
            cell(None, 0, 8.0, 30.0, 70.0),
        ];
        let f = flags(&data(themes), &scores(cells), period(), &Rules::default());
        assert!(f.is_empty(), "{f:?}");
    }
}
