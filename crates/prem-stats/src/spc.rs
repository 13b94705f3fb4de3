//! Statistical process control: XmR (individuals) charts with the NHS England
//! "Making Data Count" (MDC) special-cause rules.
//!
//! # Reference implementation
//!
//! This module re-implements, independently and in Rust, the calculations of the R
//! package **NHSRplotthedots 0.2.2** (<https://github.com/nhs-r-community/NHSRplotthedots>,
//! release commit `050b07d`): `ptd_spc_standard()` (centre line and limits),
//! `ptd_calculate_point_type()` (special-cause rules and point classification),
//! `ptd_add_short_group_warnings()`, `ptd_calculate_assurance_type()`, the per-group
//! `summary()` of a `ptd_spc_df` and the variation/assurance icon choice of
//! `ptd_get_icons()`. Behaviour follows that source, including its quirks; where this
//! module has to differ (the package errors, or R's `NA` has no `f64` equivalent) the
//! difference is listed under [Differences from the package](#differences-from-the-package).
//!
//! # Method (per segment; a segment is the whole series or the part between rebases)
//!
//! * The **baseline** is every point of the segment, or only its first
//!   `fix_after_n_points` points when that option is set; the limits computed from it
//!   are then held for the rest of the segment.
//! * **Centre line**: the mean of the baseline values.
//! * **Moving ranges**: `|x[i] - x[i-1]|` for consecutive baseline points; a moving range
//!   touching a missing value is itself missing (gaps are not bridged).
//! * **Screening** (`screen_outliers`, on by default): the mean moving range (`amr`) is
//!   computed, every moving range that is *not strictly below* `3.267 × amr` is dropped,
//!   and `amr` is recomputed **once** (no iteration).
//! * **Process limits**: `mean ± 2.66 × amr`. **Near limits** ("2 sigma"):
//!   `mean ± 2 × (2.66 / 3) × amr`.
//! * When no moving range is left (a single point; or screening of a constant series,
//!   where every moving range equals `3.267 × 0`), `amr` is undefined and so are all
//!   limits (`None`), exactly as the package's `NaN` limits.
//!
//! # Special-cause rules (evaluated within each segment, never across a rebase)
//!
//! * **Outside limits**: value `> upl` or `< lpl` (strict).
//! * **Trend**: 7 points each strictly higher (or each strictly lower) than the one
//!   before; a tie breaks the trend. Every point of such a run is flagged, and longer
//!   runs are flagged whole.
//! * **Two in three**: a window of 3 consecutive points, all 3 strictly on the same side
//!   of the mean, of which at least 2 lie beyond a near limit but not beyond the process
//!   limit. Only the points that are beyond the near limit are flagged.
//! * **Shift**: 7 consecutive points strictly on the same side of the mean; a point
//!   exactly on the mean breaks the run. Every point of the run is flagged.
//!
//! A point flagged by several rules is labelled by the first of: outside limits, trend,
//! two in three, shift ([`SpecialCause`]). Outside limits, two in three and shift are
//! "high" or "low" by the side of the mean; a trend by its direction (so an increasing
//! trend that starts below the mean is "high" throughout). "High" is an improvement when
//! the improvement direction is [`Direction::Increase`], a concern when it is
//! [`Direction::Decrease`] and neutral when it is [`Direction::Neutral`].
//!
//! # Missing values
//!
//! `NaN` and `±∞` are treated as missing (R's `NA`): the point is kept in the output
//! (with its segment's mean and limits, no flags, common cause), is left out of the
//! mean and of the moving ranges (the moving ranges on either side of it are dropped),
//! and it breaks trends, shifts and two-in-three windows. It still counts as a row for
//! `fix_after_n_points` and for a segment's size, as in the package.
//!
//! # Differences from the package
//!
//! * A missing value inside a window of 7 points whose other consecutive differences
//!   all point one way makes the package stop with an error (`if (all(d == 1))` on `NA`);
//!   here the missing value simply breaks the trend. In every case where the package
//!   does not error, missing values give the same results as here.
//! * `±∞` is missing here; the package would propagate it into the mean and limits.
//! * Points (and rebase positions) are addressed by index rather than by date; the
//!   input is taken to be in time order already. Facets are not supported: call
//!   [`xmr`] once per series.
//! * The package rejects `fix_after_n_points < 12`; [`xmr`] accepts any value (see
//!   [`SpcOptions::validate`] for the package's check). `Some(0)` leaves an empty
//!   baseline: the mean is `NaN` and there are no limits.
//! * The package's `NA` results for `outside_limits` / `close_to_limits` (missing
//!   value or undefined limits) are `false` here; they have the same effect.
//! * [`Variation::SpecialCauseNeutral`] merges the package's `special_cause_neutral_high`
//!   and `special_cause_neutral_low`; the side is in [`SpcPoint::special_cause`] and
//!   [`SpcPoint::point_type`] returns the package's exact string.
//! * Empty input gives an empty chart (the package errors on a zero-row data frame).
//! * Trajectories are not carried.

use serde::Serialize;
use std::fmt;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// Multiplier of the mean moving range for the process limits (`limit` in the package).
pub const PROCESS_LIMIT_FACTOR: f64 = 2.66;
/// Multiplier of the mean moving range for the near limits (`limitclose = 2 * (limit / 3)`).
pub const NEAR_LIMIT_FACTOR: f64 = 2.0 * (PROCESS_LIMIT_FACTOR / 3.0);
/// Moving ranges not strictly below this multiple of the mean moving range are screened out.
pub const SCREEN_FACTOR: f64 = 3.267;
/// Number of points in a trend or a shift.
pub const RUN_LENGTH: usize = 7;
/// Segments with fewer points than this get a short-group ("trial limits") warning; the
/// package's default `getOption("ptd_spc.warning_threshold", 13)`.
pub const SHORT_GROUP_THRESHOLD: usize = 13;
/// Smallest `fix_after_n_points` the package accepts.
pub const MIN_FIX_AFTER_N_POINTS: usize = 12;
/// Fewest values a segment needs for limits and a classification in prem's own charts:
/// NHS England's "Making Data Count" asks for at least 12 points before limits mean much.
pub const DEFAULT_MIN_POINTS: usize = 12;

/// Which way of the measure is an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher values are better (the package default).
    Increase,
    /// Lower values are better.
    Decrease,
    /// Neither direction is better: special causes are only "high" or "low".
    Neutral,
}

/// Options of [`xmr`], mirroring the arguments of `ptd_spc()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcOptions {
    /// Improvement direction; default [`Direction::Increase`].
    pub improvement: Direction,
    /// Screen moving ranges `>= 3.267 × amr` out of the limits; default `true`.
    pub screen_outliers: bool,
    /// Indices at which a new segment (with its own mean and limits) starts. Order and
    /// duplicates do not matter; indices `>= values.len()` are ignored; index 0 starts no
    /// new segment (it only shifts the `rebase_group` numbering, as in the package).
    pub rebase: Vec<usize>,
    /// Compute each segment's mean and limits from its first `n` points only.
    pub fix_after_n_points: Option<usize>,
    /// Target value; only used for the assurance summary.
    pub target: Option<f64>,
    /// A segment with fewer values than this (missing ones not counted) gets its mean
    /// only: no limits, no rules, no classification. 0 (the default) follows the package,
    /// which computes limits from 2 points on and only warns.
    pub min_points: usize,
}

impl Default for SpcOptions {
    fn default() -> Self {
        Self {
            improvement: Direction::Increase,
            screen_outliers: true,
            rebase: Vec::new(),
            fix_after_n_points: None,
            target: None,
            min_points: 0,
        }
    }
}

/// An option value that the reference package would refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpcOptionsError {
    /// `fix_after_n_points` is below [`MIN_FIX_AFTER_N_POINTS`].
    FixAfterNPointsTooSmall(usize),
}

impl fmt::Display for SpcOptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FixAfterNPointsTooSmall(n) => write!(
                f,
                "fix_after_n_points must be at least {MIN_FIX_AFTER_N_POINTS} (got {n})"
            ),
        }
    }
}

impl std::error::Error for SpcOptionsError {}

impl SpcOptions {
    /// Checks the options the way `ptd_spc_options()` does (`fix_after_n_points >= 12`).
    /// [`xmr`] itself does not call this.
    pub fn validate(&self) -> Result<(), SpcOptionsError> {
        match self.fix_after_n_points {
            Some(n) if n < MIN_FIX_AFTER_N_POINTS => {
                Err(SpcOptionsError::FixAfterNPointsTooSmall(n))
            }
            _ => Ok(()),
        }
    }
}

/// The rule that labels a special-cause point (the package's `special_cause_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCause {
    /// Above the upper process limit.
    AboveUcl,
    /// Below the lower process limit.
    BelowLcl,
    /// Part of a run of 7 increasing points.
    TrendIncreasing,
    /// Part of a run of 7 decreasing points.
    TrendDecreasing,
    /// Two of three points beyond the upper near limit.
    TwoInThreeAbove,
    /// Two of three points beyond the lower near limit.
    TwoInThreeBelow,
    /// Part of a run of 7 points above the mean.
    ShiftAbove,
    /// Part of a run of 7 points below the mean.
    ShiftBelow,
}

impl SpecialCause {
    /// The package's label for this rule, e.g. `"7 Point Trend (Increasing)"`.
    pub fn label(self) -> &'static str {
        match self {
            Self::AboveUcl => "Above UCL",
            Self::BelowLcl => "Below LCL",
            Self::TrendIncreasing => "7 Point Trend (Increasing)",
            Self::TrendDecreasing => "7 Point Trend (Decreasing)",
            Self::TwoInThreeAbove => "2 in 3 Above CL",
            Self::TwoInThreeBelow => "2 in 3 Below CL",
            Self::ShiftAbove => "7 Points Above CL",
            Self::ShiftBelow => "7 Points Below CL",
        }
    }

    /// Whether the signal is "high" (above, increasing) rather than "low".
    pub fn is_high(self) -> bool {
        matches!(
            self,
            Self::AboveUcl | Self::TrendIncreasing | Self::TwoInThreeAbove | Self::ShiftAbove
        )
    }
}

/// Classification of a point (the package's `point_type`, neutral sides merged). Its id
/// (`special_cause_concern`, …) is the same in scores.csv (strum) and JSON (serde).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Variation {
    /// No rule fired.
    CommonCause,
    /// A special cause in the improvement direction.
    SpecialCauseImprovement,
    /// A special cause against the improvement direction.
    SpecialCauseConcern,
    /// A special cause when the direction is neutral.
    SpecialCauseNeutral,
}

impl Variation {
    /// The id, e.g. `special_cause_concern`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// The MDC variation icon (`inst/icons/variation/*.svg` of the package).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VariationIcon {
    /// Common cause variation.
    CommonCause,
    /// Improvement, by higher values.
    ImprovementHigh,
    /// Improvement, by lower values.
    ImprovementLow,
    /// Concern, by higher values.
    ConcernHigh,
    /// Concern, by lower values.
    ConcernLow,
    /// Neutral special cause, high.
    NeutralHigh,
    /// Neutral special cause, low.
    NeutralLow,
}

/// The MDC assurance icon: will the process meet the target?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assurance {
    /// The target lies outside the limits, on the good side: it is consistently met.
    ConsistentPass,
    /// The target lies outside the limits, on the bad side: it is consistently missed.
    ConsistentFail,
    /// The target lies within the limits (or they are undefined): hit and miss.
    Inconsistent,
}

/// One point of the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcPoint {
    /// Position in the input.
    pub index: usize,
    /// The input value as given (non-finite values are treated as missing).
    pub value: f64,
    /// The segment's centre line (`NaN` if its baseline has no value).
    pub mean: f64,
    /// Lower process limit, `None` when undefined.
    pub lpl: Option<f64>,
    /// Upper process limit, `None` when undefined.
    pub upl: Option<f64>,
    /// Lower near ("2 sigma") limit.
    pub near_lpl: Option<f64>,
    /// Upper near ("2 sigma") limit.
    pub near_upl: Option<f64>,
    /// Beyond a process limit.
    pub outside_limits: bool,
    /// Part of a 7-point trend.
    pub trend: bool,
    /// Part of a 7-point run on one side of the mean.
    pub shift: bool,
    /// Flagged by the two-in-three rule.
    pub two_in_three: bool,
    /// Classification with respect to the improvement direction; `None` when the
    /// segment has fewer values than [`SpcOptions::min_points`].
    pub variation: Option<Variation>,
    /// The package's `rebase_group`: the number of rebase indices at or before this point.
    pub rebase_group: usize,
    /// Sign of `value - mean` (-1, 0, 1); `None` for a missing value or undefined mean.
    pub relative_to_mean: Option<i8>,
    /// Beyond a near limit but within the process limits.
    pub close_to_limits: bool,
    /// The rule that decided the classification, by the package's priority order.
    pub special_cause: Option<SpecialCause>,
}

impl SpcPoint {
    /// The package's `point_type` string, e.g. `"special_cause_neutral_high"`.
    pub fn point_type(&self) -> &'static str {
        match (self.variation, self.special_cause) {
            (None, _) => "not_classified",
            (Some(Variation::SpecialCauseNeutral), Some(s)) if s.is_high() => {
                "special_cause_neutral_high"
            }
            (Some(Variation::SpecialCauseNeutral), _) => "special_cause_neutral_low",
            (Some(v), _) => v.id(),
        }
    }

    /// The variation icon for this point, as `ptd_get_icons()` chooses it; `None` for an
    /// unclassified point.
    pub fn variation_icon(&self, improvement: Direction) -> Option<VariationIcon> {
        let increasing = improvement == Direction::Increase;
        Some(match self.variation? {
            Variation::CommonCause => VariationIcon::CommonCause,
            Variation::SpecialCauseNeutral => match self.special_cause {
                Some(s) if s.is_high() => VariationIcon::NeutralHigh,
                _ => VariationIcon::NeutralLow,
            },
            Variation::SpecialCauseImprovement if increasing => VariationIcon::ImprovementHigh,
            Variation::SpecialCauseImprovement => VariationIcon::ImprovementLow,
            Variation::SpecialCauseConcern if increasing => VariationIcon::ConcernLow,
            Variation::SpecialCauseConcern => VariationIcon::ConcernHigh,
        })
    }
}

/// Summary of one segment, as a row of the package's `summary()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcSegment {
    /// The package's `rebase_group` of this segment.
    pub rebase_group: usize,
    /// Index of the segment's first point.
    pub start: usize,
    /// Number of points (missing values included).
    pub n: usize,
    /// Centre line (`NaN` if the baseline has no value).
    pub mean: f64,
    /// Mean moving range after screening; `None` when undefined.
    pub amr: Option<f64>,
    /// Lower process limit.
    pub lpl: Option<f64>,
    /// Upper process limit.
    pub upl: Option<f64>,
    /// Lower near limit.
    pub near_lpl: Option<f64>,
    /// Upper near limit.
    pub near_upl: Option<f64>,
    /// Points with no special cause.
    pub common_cause: usize,
    /// Special-cause improvement points.
    pub special_cause_improvement: usize,
    /// Special-cause concern points.
    pub special_cause_concern: usize,
    /// Special-cause neutral points (not in the package's summary).
    pub special_cause_neutral: usize,
    /// Classification of the segment's last point (`variation_type`); `None` when the
    /// segment has too few values.
    pub variation_type: Option<Variation>,
    /// `n < SHORT_GROUP_THRESHOLD`: the limits are trial limits.
    pub short_group_warning: bool,
    /// Values in the segment, missing ones not counted.
    pub values: usize,
    /// `values < min_points`: the segment has its mean only.
    pub too_few_points: bool,
}

/// A computed XmR chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcChart {
    /// One entry per input value, in input order.
    pub points: Vec<SpcPoint>,
    /// One entry per segment, in order.
    pub segments: Vec<SpcSegment>,
    /// The improvement direction used.
    pub improvement: Direction,
    /// The target, carried from the options.
    pub target: Option<f64>,
    /// Variation icon of the last point; `None` for an empty chart.
    pub variation_icon: Option<VariationIcon>,
    /// Assurance of the last segment against the target; `None` without a target, with
    /// a neutral direction or for an empty chart.
    pub assurance: Option<Assurance>,
    /// Some segment has fewer than [`SHORT_GROUP_THRESHOLD`] points.
    pub short_group_warning: bool,
    /// The [`SpcOptions::min_points`] used.
    pub min_points: usize,
    /// Some segment has fewer values than `min_points`: it has no limits and no
    /// classification.
    pub too_few_points: bool,
}

impl SpcChart {
    /// Values of the segment with the fewest, when that is below the minimum: the
    /// `(have, need)` of a "too few points" note.
    pub fn too_few(&self) -> Option<(usize, usize)> {
        self.segments
            .iter()
            .filter(|s| s.too_few_points)
            .map(|s| s.values)
            .min()
            .map(|have| (have, self.min_points))
    }
}

/// Computes an XmR chart of `values` (in time order) with the MDC rules.
///
/// Never panics; see the module documentation for the method and edge cases.
pub fn xmr(values: &[f64], opts: &SpcOptions) -> SpcChart {
    let n = values.len();
    let y: Vec<Option<f64>> = values.iter().map(|&v| v.is_finite().then_some(v)).collect();

    let mut starts: Vec<usize> = opts
        .rebase
        .iter()
        .copied()
        .filter(|&i| i > 0 && i < n)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let first_group = usize::from(n > 0 && opts.rebase.contains(&0));

    let mut bounds = Vec::with_capacity(starts.len() + 2);
    bounds.push(0);
    bounds.extend(starts);
    bounds.push(n);

    let mut points = Vec::with_capacity(n);
    let mut segments = Vec::new();
    for (k, w) in bounds.windows(2).enumerate() {
        let (start, end) = match *w {
            [a, b] if a < b => (a, b),
            _ => continue,
        };
        let Some(seg) = y.get(start..end) else {
            continue;
        };
        let rebase_group = first_group + k;
        let mut base = baseline(seg, opts.fix_after_n_points, opts.screen_outliers);
        let have = seg.iter().flatten().count();
        let too_few = have < opts.min_points;
        if too_few {
            base.amr = None;
            base.limits = None;
        }
        let mut seg_points =
            segment_points(seg, values, start, rebase_group, &base, opts.improvement);
        if too_few {
            // runs and trends need no limits, but a signal in a handful of points is noise
            for p in &mut seg_points {
                p.trend = false;
                p.shift = false;
                p.special_cause = None;
                p.variation = None;
            }
        }
        let mut summary = summarise(&seg_points, start, rebase_group, &base);
        summary.values = have;
        summary.too_few_points = too_few;
        segments.push(summary);
        points.extend(seg_points);
    }

    let last = points.last();
    let variation_icon = last.and_then(|p| p.variation_icon(opts.improvement));
    let assurance = match (last, opts.target) {
        (Some(p), Some(t)) if p.variation.is_some() => {
            assurance_type(t, p.lpl, p.upl, opts.improvement)
        }
        _ => None,
    };
    let short_group_warning = segments.iter().any(|s| s.short_group_warning);
    let too_few_points = segments.iter().any(|s| s.too_few_points);
    SpcChart {
        points,
        segments,
        improvement: opts.improvement,
        target: opts.target,
        variation_icon,
        assurance,
        short_group_warning,
        min_points: opts.min_points,
        too_few_points,
    }
}

/// Assurance of a process with limits `lpl..upl` against `target`
/// (`ptd_calculate_assurance_type`). `None` for a neutral direction. Undefined limits
/// compare false, giving [`Assurance::Inconsistent`], as `NA` does in the package.
pub fn assurance_type(
    target: f64,
    lpl: Option<f64>,
    upl: Option<f64>,
    improvement: Direction,
) -> Option<Assurance> {
    let increasing = match improvement {
        Direction::Neutral => return None,
        Direction::Increase => true,
        Direction::Decrease => false,
    };
    let above = upl.is_some_and(|u| target > u);
    let below = lpl.is_some_and(|l| target < l);
    Some(if above {
        if increasing {
            Assurance::ConsistentFail
        } else {
            Assurance::ConsistentPass
        }
    } else if below {
        if increasing {
            Assurance::ConsistentPass
        } else {
            Assurance::ConsistentFail
        }
    } else {
        Assurance::Inconsistent
    })
}

/// Centre line and limits of one segment.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Baseline {
    mean: f64,
    amr: Option<f64>,
    limits: Option<Limits>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Limits {
    lpl: f64,
    upl: f64,
    near_lpl: f64,
    near_upl: f64,
}

/// Arithmetic mean as R's `mean.default` computes it (a second pass adds the mean
/// residual); `NaN` for no values.
fn r_mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    if m.is_finite() {
        m + xs.iter().map(|x| x - m).sum::<f64>() / n
    } else {
        m
    }
}

fn baseline(seg: &[Option<f64>], fix_after: Option<usize>, screen: bool) -> Baseline {
    let take = fix_after.map_or(seg.len(), |k| k.min(seg.len()));
    let base = seg.get(..take).unwrap_or(seg);
    let vals: Vec<f64> = base.iter().flatten().copied().collect();
    let mean = r_mean(&vals);
    let mrs: Vec<f64> = base
        .windows(2)
        .filter_map(|w| match *w {
            [Some(a), Some(b)] => Some((b - a).abs()),
            _ => None,
        })
        .collect();
    let mut amr = r_mean(&mrs);
    if screen {
        let cut = SCREEN_FACTOR * amr;
        let kept: Vec<f64> = mrs.iter().copied().filter(|&m| m < cut).collect();
        amr = r_mean(&kept);
    }
    let amr = (!amr.is_nan()).then_some(amr);
    let limits = amr.filter(|_| !mean.is_nan()).map(|a| Limits {
        lpl: mean - PROCESS_LIMIT_FACTOR * a,
        upl: mean + PROCESS_LIMIT_FACTOR * a,
        near_lpl: mean - NEAR_LIMIT_FACTOR * a,
        near_upl: mean + NEAR_LIMIT_FACTOR * a,
    });
    Baseline { mean, amr, limits }
}

/// Sign of a number as R's `sign()`, `None` for `NaN`.
fn sign(x: f64) -> Option<i8> {
    if x > 0.0 {
        Some(1)
    } else if x < 0.0 {
        Some(-1)
    } else if x == 0.0 {
        Some(0)
    } else {
        None
    }
}

/// `sign(b - a)`, 0 when either is missing.
fn step(a: Option<f64>, b: Option<f64>) -> i8 {
    match (a, b) {
        (Some(a), Some(b)) => sign(b - a).unwrap_or(0),
        _ => 0,
    }
}

fn segment_points(
    seg: &[Option<f64>],
    raw: &[f64],
    start: usize,
    rebase_group: usize,
    base: &Baseline,
    improvement: Direction,
) -> Vec<SpcPoint> {
    let rtm: Vec<Option<i8>> = seg
        .iter()
        .map(|v| v.and_then(|v| sign(v - base.mean)))
        .collect();
    let outside: Vec<bool> = seg
        .iter()
        .map(|v| match (v, base.limits) {
            (Some(v), Some(l)) => *v > l.upl || *v < l.lpl,
            _ => false,
        })
        .collect();
    let close: Vec<bool> = seg
        .iter()
        .zip(&outside)
        .map(|(v, &out)| match (v, base.limits) {
            (Some(v), Some(l)) => !out && (*v < l.near_lpl || *v > l.near_upl),
            _ => false,
        })
        .collect();
    let side: Vec<i8> = rtm.iter().map(|r| r.unwrap_or(0)).collect();

    let trend_ends: Vec<bool> = seven_point_trend(seg).iter().map(|&d| d != 0).collect();
    let trend = part_of_run(&trend_ends);
    let two3 = part_of_two_in_three(&two_in_three(&close, &side), &close);
    let shift = part_of_run(&seven_point_one_side_mean(&side));
    let causes = special_cause_types(seg, &side, &outside, &trend, &two3, &shift);

    let mut out = Vec::with_capacity(seg.len());
    for (i, cause) in causes.into_iter().enumerate() {
        let index = start + i;
        let at = |v: &[bool]| v.get(i).copied().unwrap_or(false);
        out.push(SpcPoint {
            index,
            value: raw.get(index).copied().unwrap_or(f64::NAN),
            mean: base.mean,
            lpl: base.limits.map(|l| l.lpl),
            upl: base.limits.map(|l| l.upl),
            near_lpl: base.limits.map(|l| l.near_lpl),
            near_upl: base.limits.map(|l| l.near_upl),
            outside_limits: at(&outside),
            trend: at(&trend),
            shift: at(&shift),
            two_in_three: at(&two3),
            variation: Some(variation(cause, improvement)),
            rebase_group,
            relative_to_mean: rtm.get(i).copied().flatten(),
            close_to_limits: at(&close),
            special_cause: cause,
        });
    }
    out
}

fn summarise(
    points: &[SpcPoint],
    start: usize,
    rebase_group: usize,
    base: &Baseline,
) -> SpcSegment {
    let count = |v: Variation| points.iter().filter(|p| p.variation == Some(v)).count();
    SpcSegment {
        rebase_group,
        start,
        n: points.len(),
        mean: base.mean,
        amr: base.amr,
        lpl: base.limits.map(|l| l.lpl),
        upl: base.limits.map(|l| l.upl),
        near_lpl: base.limits.map(|l| l.near_lpl),
        near_upl: base.limits.map(|l| l.near_upl),
        common_cause: count(Variation::CommonCause),
        special_cause_improvement: count(Variation::SpecialCauseImprovement),
        special_cause_concern: count(Variation::SpecialCauseConcern),
        special_cause_neutral: count(Variation::SpecialCauseNeutral),
        variation_type: points
            .last()
            .map_or(Some(Variation::CommonCause), |p| p.variation),
        short_group_warning: points.len() < SHORT_GROUP_THRESHOLD,
        values: points.iter().filter(|p| p.value.is_finite()).count(),
        too_few_points: false,
    }
}

/// `ptd_seven_point_trend`: 1 / -1 at the last point of 7 strictly increasing /
/// decreasing points, else 0. A tie or a missing value breaks the run.
fn seven_point_trend(y: &[Option<f64>]) -> Vec<i8> {
    let mut out = vec![0; y.len()];
    let steps: Vec<i8> = y
        .windows(2)
        .map(|w| match *w {
            [a, b] => step(a, b),
            _ => 0,
        })
        .collect();
    for (o, w) in out
        .iter_mut()
        .skip(RUN_LENGTH - 1)
        .zip(steps.windows(RUN_LENGTH - 1))
    {
        if w.iter().all(|&d| d == 1) {
            *o = 1;
        } else if w.iter().all(|&d| d == -1) {
            *o = -1;
        }
    }
    out
}

/// `ptd_seven_point_one_side_mean`: true at the last point of 7 consecutive points on
/// the same (non-zero) side of the mean.
fn seven_point_one_side_mean(side: &[i8]) -> Vec<bool> {
    let mut out = vec![false; side.len()];
    for (o, w) in out
        .iter_mut()
        .skip(RUN_LENGTH - 1)
        .zip(side.windows(RUN_LENGTH))
    {
        *o = w
            .first()
            .is_some_and(|&s| s != 0 && w.iter().all(|&x| x == s));
    }
    out
}

/// `ptd_part_of_seven_trend`: a point is part of a run when the run ends at it or at
/// one of the next 6 points.
fn part_of_run(ends: &[bool]) -> Vec<bool> {
    (0..ends.len())
        .map(|i| ends.iter().skip(i).take(RUN_LENGTH).any(|&e| e))
        .collect()
}

/// `ptd_two_in_three`: a point belongs to some window of 3 consecutive points with at
/// least 2 close to the limits and all 3 on the same side of the mean.
fn two_in_three(close: &[bool], side: &[i8]) -> Vec<bool> {
    let windows: Vec<bool> = close
        .windows(3)
        .zip(side.windows(3))
        .map(|(c, s)| {
            c.iter().filter(|&&x| x).count() >= 2
                && s.iter().map(|&x| i32::from(x)).sum::<i32>().abs() == 3
        })
        .collect();
    (0..close.len())
        .map(|i| (i.saturating_sub(2)..=i).any(|s| windows.get(s).copied().unwrap_or(false)))
        .collect()
}

/// `ptd_part_of_two_in_three`: only the close points of a qualifying window are flagged.
fn part_of_two_in_three(v: &[bool], close: &[bool]) -> Vec<bool> {
    v.iter().zip(close).map(|(&a, &b)| a && b).collect()
}

/// `ptd_special_cause_type`: the deciding rule per point, by priority. Slices shorter
/// than `y` count as `false` / 0.
fn special_cause_types(
    y: &[Option<f64>],
    side: &[i8],
    outside: &[bool],
    trend: &[bool],
    two3: &[bool],
    shift: &[bool],
) -> Vec<Option<SpecialCause>> {
    let flag = |v: &[bool], i: usize| v.get(i).copied().unwrap_or(false);
    let val = |i: usize| y.get(i).copied().flatten();
    (0..y.len())
        .map(|i| {
            let s = side.get(i).copied().unwrap_or(0);
            if flag(outside, i) {
                Some(if s == 1 {
                    SpecialCause::AboveUcl
                } else {
                    SpecialCause::BelowLcl
                })
            } else if flag(trend, i) {
                // the package takes the step to the next point when that point is also
                // part of a trend, else the step from the previous point
                let d = if flag(trend, i + 1) {
                    step(val(i), val(i + 1))
                } else if i == 0 {
                    0
                } else {
                    step(val(i - 1), val(i))
                };
                Some(if d == 1 {
                    SpecialCause::TrendIncreasing
                } else {
                    SpecialCause::TrendDecreasing
                })
            } else if flag(two3, i) {
                Some(if s > 0 {
                    SpecialCause::TwoInThreeAbove
                } else {
                    SpecialCause::TwoInThreeBelow
                })
            } else if flag(shift, i) {
                Some(if s > 0 {
                    SpecialCause::ShiftAbove
                } else {
                    SpecialCause::ShiftBelow
                })
            } else {
                None
            }
        })
        .collect()
}

/// `ptd_point_type`.
fn variation(cause: Option<SpecialCause>, improvement: Direction) -> Variation {
    let Some(cause) = cause else {
        return Variation::CommonCause;
    };
    match (improvement, cause.is_high()) {
        (Direction::Neutral, _) => Variation::SpecialCauseNeutral,
        (Direction::Increase, true) | (Direction::Decrease, false) => {
            Variation::SpecialCauseImprovement
        }
        (Direction::Increase, false) | (Direction::Decrease, true) => {
            Variation::SpecialCauseConcern
        }
    }
}

#[cfg(test)]
mod tests {
    //! Reference values marked "oracle" were produced by running the R source of
    //! NHSRplotthedots 0.2.2 (commit 050b07d: `ptd_spc()` and the functions it calls)
    //! under R 4.2.2 with dplyr 1.0.10 on the series shown, and printed to 15
    //! significant digits. Other tests port a named test of the package's
    //! `tests/testthat/` directory, or a vignette, as cited.

    use super::*;

    const TOL: f64 = 1e-9;

    /// `set.seed(123); rnorm(20)` in R, as used by tests/testthat/test-ptd_spc_standard.R
    /// and test-ptd_spc.R.
    const RNORM_123: [f64; 20] = [
        -0.5604756465522126,
        -0.23017748948327996,
        1.558708314149124,
        0.070508391424576,
        0.12928773516094624,
        1.715064986883281,
        0.4609162059892023,
        -1.265061234606534,
        -0.6868528518935261,
        -0.44566197009995806,
        1.2240817974394615,
        0.3598138270573638,
        0.40077145059405217,
        0.1106827159451197,
        -0.5558411347540749,
        1.7869131368030782,
        0.4978504782292394,
        -1.9666171566296382,
        0.7013559015636855,
        -0.47279140772793404,
    ];

    fn opts() -> SpcOptions {
        SpcOptions::default()
    }

    fn with_direction(improvement: Direction) -> SpcOptions {
        SpcOptions {
            improvement,
            ..SpcOptions::default()
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1.0)
    }

    fn assert_opt(got: Option<f64>, want: Option<f64>, what: &str) {
        match (got, want) {
            (Some(g), Some(w)) => assert!(close(g, w, TOL), "{what}: got {g}, want {w}"),
            (None, None) => {}
            _ => panic!("{what}: got {got:?}, want {want:?}"),
        }
    }

    /// Checks a segment's mean and limits (process and near), on the segment summary and
    /// on each of its points. `limits` is `[lpl, upl, near_lpl, near_upl]`.
    fn assert_segment(chart: &SpcChart, seg: usize, mean: f64, limits: Option<[f64; 4]>) {
        let s = &chart.segments[seg];
        assert!(
            close(s.mean, mean, TOL),
            "segment {seg} mean {} != {mean}",
            s.mean
        );
        let [lpl, upl, nlpl, nupl] = match limits {
            Some(l) => l.map(Some),
            None => [None; 4],
        };
        assert_opt(s.lpl, lpl, "segment lpl");
        assert_opt(s.upl, upl, "segment upl");
        assert_opt(s.near_lpl, nlpl, "segment near_lpl");
        assert_opt(s.near_upl, nupl, "segment near_upl");
        for p in &chart.points[s.start..s.start + s.n] {
            assert!(close(p.mean, mean, TOL), "point {} mean", p.index);
            assert_opt(p.lpl, lpl, "point lpl");
            assert_opt(p.upl, upl, "point upl");
            assert_opt(p.near_lpl, nlpl, "point near_lpl");
            assert_opt(p.near_upl, nupl, "point near_upl");
        }
    }

    /// One character per point for the package's `special_cause_type` and `point_type`:
    /// `.` Common Cause, `U` Above UCL, `L` Below LCL, `I`/`D` 7 Point Trend
    /// (Increasing/Decreasing), `A`/`B` 2 in 3 Above/Below CL, `+`/`-` 7 Points
    /// Above/Below CL; and `c` common_cause, `i` improvement, `x` concern, `h`/`l`
    /// neutral high/low.
    fn codes(chart: &SpcChart) -> (String, String) {
        let types = chart
            .points
            .iter()
            .map(|p| match p.special_cause.map(SpecialCause::label) {
                None => '.',
                Some("Above UCL") => 'U',
                Some("Below LCL") => 'L',
                Some("7 Point Trend (Increasing)") => 'I',
                Some("7 Point Trend (Decreasing)") => 'D',
                Some("2 in 3 Above CL") => 'A',
                Some("2 in 3 Below CL") => 'B',
                Some("7 Points Above CL") => '+',
                Some("7 Points Below CL") => '-',
                Some(other) => panic!("unknown label {other}"),
            })
            .collect();
        let kinds = chart
            .points
            .iter()
            .map(|p| match p.point_type() {
                "common_cause" => 'c',
                "special_cause_improvement" => 'i',
                "special_cause_concern" => 'x',
                "special_cause_neutral_high" => 'h',
                "special_cause_neutral_low" => 'l',
                other => panic!("unknown point type {other}"),
            })
            .collect();
        (types, kinds)
    }

    fn assert_codes(chart: &SpcChart, types: &str, kinds: &str) {
        let (t, k) = codes(chart);
        assert_eq!((t.as_str(), k.as_str()), (types, kinds));
    }

    fn rtm(chart: &SpcChart) -> Vec<Option<i8>> {
        chart.points.iter().map(|p| p.relative_to_mean).collect()
    }

    // ---- ports of tests/testthat/test-ptd_calculate_point_type.R -------------------

    fn ones(v: &[i32]) -> Vec<bool> {
        v.iter().map(|&x| x != 0).collect()
    }

    /// test-ptd_calculate_point_type.R, "ptd_seven_point_one_side_mean works as expected".
    #[test]
    fn pkg_seven_point_one_side_mean() {
        assert!(seven_point_one_side_mean(&[]).is_empty());
        assert_eq!(seven_point_one_side_mean(&[1; 6]), vec![false; 6]);
        assert_eq!(
            seven_point_one_side_mean(&[1, 1, 1, 1, 1, 1, -1]),
            vec![false; 7]
        );
        assert_eq!(
            seven_point_one_side_mean(&[1, 1, 1, 1, 1, 1, 1, 1, -1]),
            ones(&[0, 0, 0, 0, 0, 0, 1, 1, 0])
        );
        assert_eq!(
            seven_point_one_side_mean(&[-1, -1, -1, -1, -1, -1, -1, -1, 1]),
            ones(&[0, 0, 0, 0, 0, 0, 1, 1, 0])
        );
    }

    /// test-ptd_calculate_point_type.R, "ptd_part_of_seven_trend works as expected".
    #[test]
    fn pkg_part_of_seven_trend() {
        assert!(part_of_run(&[]).is_empty());
        assert_eq!(part_of_run(&[false; 6]), vec![false; 6]);
        // c(rep(0, 6), 1, 0) -> c(rep(1, 7), 0); the package's -1 cases are the same
        // once trend ends are reduced to "non-zero"
        assert_eq!(
            part_of_run(&ones(&[0, 0, 0, 0, 0, 0, 1, 0])),
            ones(&[1, 1, 1, 1, 1, 1, 1, 0])
        );
        assert_eq!(
            part_of_run(&ones(&[0, 0, 0, 0, 0, 0, 0, 1, 0])),
            ones(&[0, 1, 1, 1, 1, 1, 1, 1, 0])
        );
    }

    fn somes(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    /// test-ptd_calculate_point_type.R, "ptd_seven_point_trend works as expected".
    #[test]
    fn pkg_seven_point_trend() {
        assert!(seven_point_trend(&[]).is_empty());
        assert_eq!(
            seven_point_trend(&somes(&[1., 2., 3., 4., 5., 6.])),
            vec![0; 6]
        );
        // c(1:3, 3:6): a tie breaks the trend
        assert_eq!(
            seven_point_trend(&somes(&[1., 2., 3., 3., 4., 5., 6.])),
            vec![0; 7]
        );
        assert_eq!(
            seven_point_trend(&somes(&[1., 2., 3., 4., 5., 6., 7.])),
            vec![0, 0, 0, 0, 0, 0, 1]
        );
        assert_eq!(
            seven_point_trend(&somes(&[2., 1., 2., 3., 4., 5., 6., 7., 3.])),
            vec![0, 0, 0, 0, 0, 0, 0, 1, 0]
        );
        assert_eq!(
            seven_point_trend(&somes(&[7., 6., 5., 4., 3., 2., 1.])),
            vec![0, 0, 0, 0, 0, 0, -1]
        );
        assert_eq!(
            seven_point_trend(&somes(&[2., 7., 6., 5., 4., 3., 2., 1., 3.])),
            vec![0, 0, 0, 0, 0, 0, 0, -1, 0]
        );
    }

    /// test-ptd_calculate_point_type.R, "ptd_two_in_three works as expected" and "... when
    /// points are on opposite sides of the mean".
    #[test]
    fn pkg_two_in_three() {
        assert!(two_in_three(&[], &[]).is_empty());
        let all = [1; 7];
        for c in [[1, 0, 1], [0, 1, 1], [1, 1, 0]] {
            assert_eq!(two_in_three(&ones(&c), &[1, 1, 1]), vec![true; 3]);
            assert_eq!(two_in_three(&ones(&c), &[1, -1, 1]), vec![false; 3]);
        }
        assert_eq!(
            two_in_three(&ones(&[0, 0, 1, 0, 1, 0, 0]), &all),
            ones(&[0, 0, 1, 1, 1, 0, 0])
        );
        assert_eq!(
            two_in_three(&ones(&[0, 0, 1, 1, 0, 0, 0]), &all),
            ones(&[0, 1, 1, 1, 1, 0, 0])
        );
        assert_eq!(
            two_in_three(&ones(&[0, 0, 1, 0, 1, 0, 0]), &[1, -1, 1, -1, 1, -1, 1]),
            vec![false; 7]
        );
        assert_eq!(
            two_in_three(&ones(&[0, 0, 1, 1, 0, 0, 0]), &[-1, 1, -1, 1, -1, 1, -1]),
            vec![false; 7]
        );
    }

    /// test-ptd_calculate_point_type.R, "ptd_part_of_two_in_three works as expected".
    #[test]
    fn pkg_part_of_two_in_three() {
        let part = |v: &[i32], side: &[i8]| {
            let c = ones(v);
            part_of_two_in_three(&two_in_three(&c, side), &c)
        };
        assert!(part(&[], &[]).is_empty());
        assert_eq!(part(&[0, 0, 0], &[0, 0, 0]), vec![false; 3]);
        assert_eq!(part(&[1, 0, 1], &[1, 1, 1]), ones(&[1, 0, 1]));
        assert_eq!(part(&[0, 1, 1], &[1, 1, 1]), ones(&[0, 1, 1]));
        assert_eq!(part(&[1, 1, 0], &[1, 1, 1]), ones(&[1, 1, 0]));
        assert_eq!(
            part(&[0, 0, 1, 0, 1, 0, 0], &[1; 7]),
            ones(&[0, 0, 1, 0, 1, 0, 0])
        );
        assert_eq!(
            part(&[0, 0, 1, 1, 0, 0, 0], &[1; 7]),
            ones(&[0, 0, 1, 1, 0, 0, 0])
        );
        assert_eq!(part(&[1, 0, 0, 1], &[1; 4]), vec![false; 4]);
        assert_eq!(part(&[1, 0, 0, 1, 1], &[1; 5]), ones(&[0, 0, 0, 1, 1]));
    }

    /// test-ptd_calculate_point_type.R, "ptd_special_cause_type works as expected": the
    /// package mocks the rule helpers; here their outputs are passed in directly.
    #[test]
    fn pkg_special_cause_type_priority() {
        let y = somes(&[1., 2., 3., 4., 5., 6., 7., 8.]);
        let got = special_cause_types(
            &y,
            &[1, 1, 1, 1, -1, -1, -1, -1],
            &ones(&[0, 0, 0, 0, 0, 1, -1, 0]),
            &ones(&[1, -1, 0, 0, 0, 0, 0, 0]),
            &ones(&[0, 0, 0, 0, 1, 0, 0, 0]),
            &ones(&[0, 0, 1, -1, 0, 0, 0, 0]),
        );
        let labels: Vec<&str> = got
            .iter()
            .map(|c| c.map_or("Common Cause", SpecialCause::label))
            .collect();
        assert_eq!(
            labels,
            [
                "7 Point Trend (Increasing)",
                "7 Point Trend (Increasing)",
                "7 Points Above CL",
                "7 Points Above CL",
                "2 in 3 Below CL",
                "Below LCL",
                "Below LCL",
                "Common Cause",
            ]
        );
    }

    // ---- ports of tests/testthat/test-ptd_spc_standard.R --------------------------

    /// test-ptd_spc_standard.R, "it returns expected values": the three snapshots in
    /// tests/testthat/_snaps/ptd_spc_standard.md (r1 default; r2 with y[15] <- 10;
    /// r3 the same with screen_outliers = FALSE). Snapshot figures are rounded to 7
    /// significant digits; full precision from the oracle.
    #[test]
    fn pkg_spc_standard_expected_values_and_screening() {
        let r1 = xmr(&RNORM_123, &opts());
        // snapshot: mean_col 0.1416238, lpl -3.01138, upl 3.294627
        assert!(close(r1.points[0].mean, 0.1416238, 1e-6));
        assert!(close(r1.points[0].lpl.unwrap(), -3.01138, 1e-6));
        assert!(close(r1.points[0].upl.unwrap(), 3.294627, 1e-6));
        assert_segment(
            &r1,
            0,
            0.141623802474599,
            Some([
                -3.0113795957081,
                3.2946272006573,
                -1.96037846298053,
                2.24362606792973,
            ]),
        );
        // snapshot relative_to_mean (first 15 shown) and outside_limits all FALSE
        let want: Vec<Option<i8>> = [-1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1]
            .iter()
            .map(|&s| Some(s))
            .collect();
        assert_eq!(rtm(&r1)[..15], want[..]);
        assert!(r1.points.iter().all(|p| !p.outside_limits));

        let mut y2 = RNORM_123;
        y2[14] = 10.0;
        let r2 = xmr(&y2, &opts());
        // snapshot: mean_col 0.6694159, lpl -2.383666, upl 3.722497
        assert!(close(r2.points[0].mean, 0.6694159, 1e-6));
        assert!(close(r2.points[0].lpl.unwrap(), -2.383666, 1e-6));
        assert!(close(r2.points[0].upl.unwrap(), 3.722497, 1e-6));
        assert_segment(
            &r2,
            0,
            0.669415859212302,
            Some([
                -2.38366559727413,
                3.72249731569874,
                -1.36597177844532,
                2.70480349686992,
            ]),
        );
        let r3 = xmr(
            &y2,
            &SpcOptions {
                screen_outliers: false,
                ..opts()
            },
        );
        // snapshot: lpl -4.596625, upl 5.935457
        assert!(close(r3.points[0].lpl.unwrap(), -4.596625, 1e-6));
        assert!(close(r3.points[0].upl.unwrap(), 5.935457, 1e-6));
        assert_segment(
            &r3,
            0,
            0.669415859212302,
            Some([
                -4.59662518246976,
                5.93545690089436,
                -2.84127816857574,
                4.18010988700034,
            ]),
        );
        let width = |c: &SpcChart| c.segments[0].upl.unwrap() - c.segments[0].lpl.unwrap();
        assert!(width(&r3) > width(&r2));
        assert_ne!(r1.segments[0].lpl, r2.segments[0].lpl);
        assert_ne!(r2.segments[0].upl, r3.segments[0].upl);
        // oracle: classifications of the three charts
        assert_codes(&r1, "....................", "cccccccccccccccccccc");
        assert_codes(&r2, "..............U.....", "cccccccccccccciccccc");
        assert_codes(&r3, "..............U.....", "cccccccccccccciccccc");
    }

    /// test-ptd_spc_standard.R, "it sets the rebase_group field".
    #[test]
    fn pkg_rebase_group_field() {
        let r1 = xmr(&RNORM_123, &opts());
        assert!(r1.points.iter().all(|p| p.rebase_group == 0));
        let r2 = xmr(
            &RNORM_123,
            &SpcOptions {
                rebase: vec![10],
                ..opts()
            },
        );
        let groups: Vec<usize> = r2.points.iter().map(|p| p.rebase_group).collect();
        assert_eq!(groups, [[0; 10], [1; 10]].concat());
    }

    /// test-ptd_spc_standard.R, "setting fix_after_n_points changes the calculations";
    /// the oracle gives the fixed limits.
    #[test]
    fn pkg_fix_after_n_points_changes_limits() {
        let s0 = xmr(&RNORM_123, &opts());
        let s1 = xmr(
            &RNORM_123,
            &SpcOptions {
                fix_after_n_points: Some(12),
                ..opts()
            },
        );
        assert_ne!(s1.points[0].lpl, s0.points[0].lpl);
        assert_ne!(s1.points[0].upl, s0.points[0].upl);
        assert_segment(
            &s1,
            0,
            0.194179338789037,
            Some([
                -2.60739981479775,
                2.99575849237582,
                -1.67354009693549,
                2.06189877451356,
            ]),
        );
        assert_codes(&s1, "....................", "cccccccccccccccccccc");
    }

    /// test-ptd_spc_standard.R, "it only reports special cause for 2of3 points close to
    /// limits when they are on the same side of the mean".
    #[test]
    fn pkg_two_in_three_opposite_sides_is_common_cause() {
        let mut d: Vec<f64> = (0..16)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        d[14] = 5.5;
        d[15] = -5.5;
        let s = xmr(&d, &opts());
        assert_eq!(s.points[14].point_type(), "common_cause");
        assert_eq!(s.points[15].point_type(), "common_cause");
        // oracle: both are beyond the near limits
        assert!(s.points[14].close_to_limits && s.points[15].close_to_limits);
        assert_segment(
            &s,
            0,
            0.0,
            Some([-6.175, 6.175, -4.11666666666667, 4.11666666666667]),
        );
        assert_codes(&s, "................", "cccccccccccccccc");
    }

    // ---- ports of tests/testthat/test-ptd_spc.R (summary snapshots) ----------------

    /// test-ptd_spc.R, "it outputs expected content": _snaps/ptd_spc.md gives, for the
    /// rnorm series, mean_col 0.142, lpl -3.01, upl 3.29, n 20, common_cause 20,
    /// improvement 0, concern 0 (variation_type common_cause per the oracle).
    #[test]
    fn pkg_summary_single_group() {
        let s = xmr(&RNORM_123, &opts());
        let g = &s.segments[0];
        assert_eq!(s.segments.len(), 1);
        assert!((g.mean - 0.142).abs() < 0.0005);
        assert!((g.lpl.unwrap() + 3.01).abs() < 0.005);
        assert!((g.upl.unwrap() - 3.29).abs() < 0.005);
        assert_eq!(
            (
                g.n,
                g.common_cause,
                g.special_cause_improvement,
                g.special_cause_concern
            ),
            (20, 20, 0, 0)
        );
        assert_eq!(g.variation_type, Some(Variation::CommonCause));
        assert!(!g.short_group_warning);
        assert_eq!(s.variation_icon, Some(VariationIcon::CommonCause));
        assert_eq!(s.assurance, None);
    }

    /// test-ptd_spc.R, "it outputs expected content", facet snapshot: the halves
    /// (facet 0 = points 1-10, facet 1 = 11-20) give 0.0746 / -2.60 / 2.75 and
    /// 0.209 / -3.28 / 3.70, n 10 each. A rebase at index 10 computes the same groups.
    #[test]
    fn pkg_summary_two_groups_via_rebase() {
        let s = xmr(
            &RNORM_123,
            &SpcOptions {
                rebase: vec![10],
                ..opts()
            },
        );
        assert_eq!(s.segments.len(), 2);
        let (a, b) = (&s.segments[0], &s.segments[1]);
        assert!((a.mean - 0.0746).abs() < 0.00005 && (b.mean - 0.209).abs() < 0.0005);
        assert!((a.lpl.unwrap() + 2.60).abs() < 0.005 && (a.upl.unwrap() - 2.75).abs() < 0.005);
        assert!((b.lpl.unwrap() + 3.28).abs() < 0.005 && (b.upl.unwrap() - 3.70).abs() < 0.005);
        assert_eq!((a.n, a.common_cause, b.n, b.common_cause), (10, 10, 10, 10));
        assert_eq!((a.start, b.start), (0, 10));
        // oracle, full precision
        assert_segment(
            &s,
            0,
            0.0746256440971619,
            Some([
                -2.60058540774544,
                2.74983669593976,
                -1.70884839046457,
                1.8580996786589,
            ]),
        );
        assert_segment(
            &s,
            1,
            0.208621960852035,
            Some([
                -3.27900544772941,
                3.69624936943348,
                -2.11646297820226,
                2.53370689990633,
            ]),
        );
        // groups of 10 < 13: trial-limit warning (ptd_add_short_group_warnings)
        assert!(a.short_group_warning && b.short_group_warning && s.short_group_warning);
    }

    /// test-ptd_spc.R, "summary with a target": target 0.5 on the rnorm series; the
    /// snapshot has an assurance_type column, whose value the oracle gives as
    /// "inconsistent".
    #[test]
    fn pkg_summary_with_target() {
        let s = xmr(
            &RNORM_123,
            &SpcOptions {
                target: Some(0.5),
                ..opts()
            },
        );
        assert_eq!(s.assurance, Some(Assurance::Inconsistent));
        assert_eq!(s.target, Some(0.5));
    }

    // ---- ports of tests/testthat/test-ptd_calculate_assurance_type.R ---------------

    /// "it returns a column of NA's if there is no target".
    #[test]
    fn pkg_assurance_no_target() {
        assert_eq!(xmr(&[1.0, 2.0, 3.0], &opts()).assurance, None);
    }

    /// "it returns correct values for assurance when improvement_direction is increase",
    /// "... is decrease" and "... is neutral": target 4 against (lpl, upl) = (1, 3),
    /// (5, 7) and (1, 5).
    #[test]
    fn pkg_assurance_by_direction() {
        let rows = [(1.0, 3.0), (5.0, 7.0), (1.0, 5.0)];
        let run = |d| -> Vec<Option<Assurance>> {
            rows.iter()
                .map(|&(l, u)| assurance_type(4.0, Some(l), Some(u), d))
                .collect()
        };
        use Assurance::*;
        assert_eq!(
            run(Direction::Increase),
            [
                Some(ConsistentFail),
                Some(ConsistentPass),
                Some(Inconsistent)
            ]
        );
        assert_eq!(
            run(Direction::Decrease),
            [
                Some(ConsistentPass),
                Some(ConsistentFail),
                Some(Inconsistent)
            ]
        );
        assert_eq!(run(Direction::Neutral), [None, None, None]);
    }

    /// "it returns correct values for assurance when rebase": only the last row counts.
    /// Here: the chart's assurance uses the last segment's limits.
    #[test]
    fn pkg_assurance_uses_last_segment() {
        // segment 0 around 10 (limits well above 4), segment 1 around 0
        let mut y = vec![10.0, 11.0, 10.0, 11.0, 10.0, 11.0];
        y.extend([0.0, 1.0, 0.0, 1.0, 0.0, 1.0]);
        let mk = |d| {
            xmr(
                &y,
                &SpcOptions {
                    rebase: vec![6],
                    target: Some(4.0),
                    improvement: d,
                    ..opts()
                },
            )
        };
        // last segment: mean 0.5, amr 1, limits -2.16..3.16; target 4 above upl
        assert_eq!(
            mk(Direction::Decrease).assurance,
            Some(Assurance::ConsistentPass)
        );
        assert_eq!(
            mk(Direction::Increase).assurance,
            Some(Assurance::ConsistentFail)
        );
        assert_eq!(mk(Direction::Neutral).assurance, None);
        // undefined limits compare as NA in the package: "inconsistent"
        assert_eq!(
            assurance_type(4.0, None, None, Direction::Increase),
            Some(Assurance::Inconsistent)
        );
    }

    // ---- ports of tests/testthat/test-ptd_add_short_group_warnings.R ---------------

    /// "it warns when a group is shorter than the warning_threshold" (11 points) and
    /// "it does not warn when a group is equal to the warning_threshold" (with the
    /// default threshold 13 of ptd_add_short_group_warnings()).
    #[test]
    fn pkg_short_group_warning_threshold() {
        let seq = |n: usize| -> Vec<f64> { (0..n).map(|i| (i % 3) as f64).collect() };
        assert!(xmr(&seq(11), &opts()).segments[0].short_group_warning);
        // the package's default threshold is 13, so 12 points still warn
        assert!(xmr(&seq(12), &opts()).short_group_warning);
        assert!(!xmr(&seq(13), &opts()).short_group_warning);
    }

    /// "it handles facets and rebase groups - no warnings" / "- warning on one facet":
    /// facet a has groups of 35 and 5 points, facet b two groups of 20.
    #[test]
    fn pkg_short_group_warning_per_group() {
        let y: Vec<f64> = (0..40).map(|i| (i % 4) as f64).collect();
        let a = xmr(
            &y,
            &SpcOptions {
                rebase: vec![35],
                ..opts()
            },
        );
        let flags: Vec<bool> = a.segments.iter().map(|s| s.short_group_warning).collect();
        assert_eq!(flags, [false, true]);
        let b = xmr(
            &y,
            &SpcOptions {
                rebase: vec![20],
                ..opts()
            },
        );
        assert!(!b.short_group_warning);
    }

    // ---- vignettes/deviations.Rmd ---------------------------------------------------

    /// vignettes/deviations.Rmd, "1. Treatment of outlying points": captions UPL 4.6,
    /// mean 1.94, LPL -0.72 (screened, the default) and UPL 6.95, LPL -3.06
    /// (screen_outliers = FALSE); the fifth point is the only special cause
    /// (improvement). Full precision from the oracle.
    #[test]
    fn vignette_deviations_screening() {
        let data = [
            1., 2., 1., 2., 10., 1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1.,
        ];
        let on = xmr(&data, &opts());
        let s = &on.segments[0];
        assert_eq!(format!("{:.2}", s.upl.unwrap()), "4.60");
        assert_eq!(format!("{:.2}", s.mean), "1.94");
        assert_eq!(format!("{:.2}", s.lpl.unwrap()), "-0.72");
        assert_segment(
            &on,
            0,
            1.94444444444444,
            Some([
                -0.715555555555556,
                4.60444444444444,
                0.171111111111111,
                3.71777777777778,
            ]),
        );
        assert!(close(s.amr.unwrap(), 1.0, TOL));
        assert_codes(&on, "....U.............", "cccciccccccccccccc");

        let off = xmr(
            &data,
            &SpcOptions {
                screen_outliers: false,
                ..opts()
            },
        );
        let s = &off.segments[0];
        assert_eq!(format!("{:.2}", s.upl.unwrap()), "6.95");
        assert_eq!(format!("{:.2}", s.lpl.unwrap()), "-3.06");
        assert!(close(s.upl.unwrap(), 6.95150326797386, TOL));
        assert!(close(s.lpl.unwrap(), -3.06261437908497, TOL));
        assert_codes(&off, "....U.............", "cccciccccccccccccc");
    }

    // ---- limits and screening (oracle) ---------------------------------------------

    /// Oracle: moving ranges 3267, 233, 250, 250 have mean exactly 1000, and
    /// 3.267 * 1000 == 3267 in IEEE doubles. The package screens with a strict `<`, so
    /// the 3267 range is dropped: amr = 733 / 3.
    #[test]
    fn screening_is_strict_at_the_cut() {
        let s = xmr(&[0., 3267., 3500., 3250., 3500.], &opts());
        assert!(close(s.segments[0].amr.unwrap(), 733.0 / 3.0, TOL));
        assert_segment(
            &s,
            0,
            2703.4,
            Some([
                2053.47333333333,
                3353.32666666667,
                2270.11555555556,
                3136.68444444444,
            ]),
        );
        assert_codes(&s, "LAUAU", "xiiii");
    }

    /// Oracle: moving ranges 100, 30, 1 x 8. Screening drops 100 (>= 3.267 * 13.8) and
    /// recomputes amr = 38 / 9 once; 30 would fail a second pass but is kept.
    #[test]
    fn screening_happens_once() {
        let y = [
            0., 100., 130., 131., 130., 131., 130., 131., 130., 131., 130.,
        ];
        let on = xmr(&y, &opts());
        assert!(close(on.segments[0].amr.unwrap(), 38.0 / 9.0, TOL));
        assert_segment(
            &on,
            0,
            115.818181818182,
            Some([
                104.587070707071,
                127.049292929293,
                108.330774410774,
                123.305589225589,
            ]),
        );
        assert_codes(&on, "LLUUUUUUUUU", "xxiiiiiiiii");
        let off = xmr(
            &y,
            &SpcOptions {
                screen_outliers: false,
                ..opts()
            },
        );
        assert!(close(off.segments[0].amr.unwrap(), 13.8, TOL));
        assert_segment(
            &off,
            0,
            115.818181818182,
            Some([
                79.1101818181818,
                152.526181818182,
                91.3461818181818,
                140.290181818182,
            ]),
        );
        assert_codes(&off, "L.+++++++++", "xciiiiiiiii");
    }

    /// The near-limit constant is the package's `2 * (limit / 3)`.
    #[test]
    fn constants_match_package() {
        assert_eq!(PROCESS_LIMIT_FACTOR, 2.66);
        assert!(close(NEAR_LIMIT_FACTOR, 2.0 * 2.66 / 3.0, 1e-15));
        assert_eq!(SCREEN_FACTOR, 3.267);
        assert_eq!(RUN_LENGTH, 7);
    }

    // ---- trend rule (oracle) ---------------------------------------------------------

    /// Oracle: exactly 7 increasing points (1..7, crossing the mean 4.25): all 7 are
    /// "7 Point Trend (Increasing)", improvement for direction increase, including the
    /// ones below the mean.
    #[test]
    fn trend_of_exactly_seven() {
        let y = [
            5., 3., 6., 4., 1., 2., 3., 4., 5., 6., 7., 4., 6., 3., 5., 4., 5., 3., 4., 5.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            4.25,
            Some([-0.23, 8.73, 1.26333333333333, 7.23666666666667]),
        );
        assert_codes(&s, "....IIIIIII.........", "cccciiiiiiiccccccccc");
        let trend: Vec<bool> = s.points.iter().map(|p| p.trend).collect();
        assert_eq!(
            trend,
            [[false; 4].as_slice(), &[true; 7], &[false; 9]].concat()
        );
        // the point 1 is also beyond the near limit, but alone: no two-in-three
        assert!(s.points[4].close_to_limits && !s.points[4].two_in_three);
    }

    /// Oracle: 6 increasing points (1..6) are no trend.
    #[test]
    fn trend_of_six_is_not_a_trend() {
        let y = [
            5., 3., 6., 4., 1., 2., 3., 4., 5., 6., 3., 4., 6., 3., 5., 4., 5., 3., 4., 5.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            4.05,
            Some([-0.430000000000001, 8.53, 1.06333333333333, 7.03666666666667]),
        );
        assert_codes(&s, "....................", "cccccccccccccccccccc");
        assert!(s.points.iter().all(|p| !p.trend));
    }

    /// Oracle: 1, 2, 3, 3, 5, 6, 7 - the tie breaks the trend.
    #[test]
    fn tie_breaks_a_trend() {
        let y = [
            5., 3., 6., 4., 1., 2., 3., 3., 5., 6., 7., 4., 6., 3., 5., 4., 5., 3., 4., 5.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            4.2,
            Some([-0.28, 8.68, 1.21333333333333, 7.18666666666667]),
        );
        assert_codes(&s, "....................", "cccccccccccccccccccc");
    }

    /// Oracle: a decreasing trend with improvement direction decrease is improvement,
    /// even where the points are above the mean.
    #[test]
    fn decreasing_trend_with_decrease_direction() {
        let y = [
            3., 5., 2., 4., 7., 6., 5., 4., 3., 2., 1., 4., 2., 5., 3., 4., 3., 5., 4., 3.,
        ];
        let s = xmr(&y, &with_direction(Direction::Decrease));
        assert_segment(
            &s,
            0,
            3.75,
            Some([-0.73, 8.23, 0.763333333333333, 6.73666666666667]),
        );
        assert_codes(&s, "....DDDDDDD.........", "cccciiiiiiiccccccccc");
        let s = xmr(&y, &with_direction(Direction::Increase));
        assert_codes(&s, "....DDDDDDD.........", "ccccxxxxxxxccccccccc");
        let s = xmr(&y, &with_direction(Direction::Neutral));
        assert_codes(&s, "....DDDDDDD.........", "cccclllllllccccccccc");
    }

    /// Oracle, a package quirk: the point where an increasing trend (1..7) ends and
    /// another (7..13) starts after a tie gets the direction of the step to the next
    /// point, which is 0, and the package labels that "Decreasing": a concern for
    /// direction increase. Also shows priority: outside limits over trend over shift.
    #[test]
    fn trend_label_quirk_at_a_tie_between_two_trends() {
        let y = [
            3., 5., 4., 1., 2., 3., 4., 5., 6., 7., 7., 8., 9., 10., 11., 12., 13., 6., 8., 5.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            6.45,
            Some([
                3.05111111111111,
                9.84888888888889,
                4.18407407407407,
                8.71592592592593,
            ]),
        );
        assert_codes(&s, "L--LLLIIIDIIIUUUU...", "xxxxxxiiixiiiiiiiccc");
    }

    /// Oracle: a trend ending above the upper limit: outside limits wins over trend at
    /// both ends; the 12 earlier points below the mean are a shift.
    #[test]
    fn outside_limits_has_priority_over_trend() {
        let y = [
            3., 4., 3., 4., 3., 4., 3., 4., 3., 4., 3., 4., 1., 2., 3., 4., 5., 6., 30.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            4.89473684210526,
            Some([
                1.92179566563467,
                7.86767801857585,
                2.91277605779154,
                6.87669762641899,
            ]),
        );
        assert_codes(&s, "------------LIIIIIU", "xxxxxxxxxxxxxiiiiii");
        assert!(s.points[12].trend && s.points[12].outside_limits && s.points[12].shift);
        assert!(s.points[18].trend && s.points[18].outside_limits);
    }

    // ---- shift rule (oracle) --------------------------------------------------------

    /// Oracle: the mean is exactly 10 and the 8th point is 10: it breaks the run of
    /// 3 + 3 points above the mean, so no shift.
    #[test]
    fn point_on_the_mean_breaks_a_shift() {
        let y = [
            8., 9., 8., 9., 12., 11., 12., 10., 11., 12., 11., 8., 9., 8., 9., 13.,
        ];
        let s = xmr(&y, &opts());
        assert_eq!(s.points[7].relative_to_mean, Some(0));
        assert_segment(
            &s,
            0,
            10.0,
            Some([
                5.92133333333333,
                14.0786666666667,
                7.28088888888889,
                12.7191111111111,
            ]),
        );
        assert_codes(&s, "................", "cccccccccccccccc");
    }

    /// Oracle: the same series with 10.5 instead of 10: 7 points above the mean, all
    /// flagged.
    #[test]
    fn shift_of_exactly_seven_above() {
        let y = [
            8., 9., 8., 9., 12., 11., 12., 10.5, 11., 12., 11., 8., 9., 8., 9., 13.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            10.03125,
            Some([
                6.12991666666667,
                13.9325833333333,
                7.43036111111111,
                12.6321388888889,
            ]),
        );
        assert_codes(&s, "....+++++++.....", "cccciiiiiiiccccc");
        let shift: Vec<bool> = s.points.iter().map(|p| p.shift).collect();
        assert_eq!(
            shift,
            [[false; 4].as_slice(), &[true; 7], &[false; 5]].concat()
        );
    }

    /// Oracle: 6 points below the mean are no shift; 7 are (a concern for increase).
    #[test]
    fn shift_below_six_and_seven() {
        let y6 = [
            5., 6., 5., 6., 5., 6., 4., 3.5, 4., 3.5, 4., 3.5, 6., 5., 6., 5.,
        ];
        let s = xmr(&y6, &opts());
        assert_segment(
            &s,
            0,
            4.84375,
            Some([2.18375, 7.50375, 3.07041666666667, 6.61708333333333]),
        );
        assert_codes(&s, "................", "cccccccccccccccc");
        let y7 = [
            5., 6., 5., 6., 5., 6., 4., 3.5, 4., 3.5, 4., 3.5, 4., 6., 5., 6., 5.,
        ];
        let s = xmr(&y7, &opts());
        assert_segment(
            &s,
            0,
            4.79411764705882,
            Some([
                2.30036764705882,
                7.28786764705882,
                3.13161764705882,
                6.45661764705882,
            ]),
        );
        assert_codes(&s, "......-------....", "ccccccxxxxxxxcccc");
        let s = xmr(&y7, &with_direction(Direction::Decrease));
        assert_codes(&s, "......-------....", "cccccciiiiiiicccc");
    }

    // ---- two-in-three rule (oracle) -------------------------------------------------

    fn alternating(n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect()
    }

    /// Oracle: 5.5, 1, 5.5 with a further point above the mean: the two close points
    /// are flagged, the middle one is not.
    #[test]
    fn two_in_three_same_side() {
        let mut y = alternating(20);
        y[10] = 5.5;
        y[11] = 1.0;
        y[12] = 5.5;
        y[13] = 1.0;
        y[14] = 1.0;
        let s = xmr(&y, &opts());
        assert_segment(&s, 0, 0.65, Some([-6.07, 7.37, -3.83, 5.13]));
        assert_codes(&s, "..........A.A.......", "cccccccccciciccccccc");
        assert!(s.points[10].two_in_three && !s.points[11].two_in_three);
    }

    /// Oracle: 5.5, -0.5, 5.5 - both 5.5 are close to the upper limit, but the package
    /// requires all three points of the window on the same side of the mean.
    #[test]
    fn two_in_three_needs_all_three_on_one_side() {
        let mut y = alternating(20);
        y[10] = 5.5;
        y[11] = -0.5;
        y[12] = 5.5;
        y[13] = 1.0;
        y[14] = 1.0;
        let s = xmr(&y, &opts());
        assert_segment(&s, 0, 0.575, Some([-6.565, 7.715, -4.185, 5.335]));
        assert!(s.points[10].close_to_limits && s.points[12].close_to_limits);
        assert_codes(&s, "....................", "cccccccccccccccccccc");
    }

    /// Oracle, a package quirk: two *adjacent* close points, each flanked by a point
    /// below the mean, are not flagged (no window of 3 is all on one side).
    #[test]
    fn two_in_three_adjacent_pair_flanked_by_opposite_side() {
        let mut y = alternating(20);
        y[9] = -0.5;
        y[10] = 5.5;
        y[11] = 5.5;
        y[12] = -0.5;
        y[13] = 1.0;
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            0.6,
            Some([-5.14, 6.34, -3.22666666666667, 4.42666666666667]),
        );
        assert!(s.points[10].close_to_limits && s.points[11].close_to_limits);
        assert_codes(&s, "....................", "cccccccccccccccccccc");
    }

    /// Oracle: a single close point is no signal.
    #[test]
    fn two_in_three_single_close_point() {
        let mut y = alternating(20);
        y[10] = 5.5;
        y[11] = 1.0;
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            0.325,
            Some([-5.695, 6.345, -3.68833333333333, 4.33833333333333]),
        );
        assert!(s.points[10].close_to_limits);
        assert_codes(&s, "....................", "cccccccccccccccccccc");
    }

    /// Oracle: below the mean, a concern for direction increase.
    #[test]
    fn two_in_three_below() {
        let mut y = alternating(18);
        y[10] = -5.2;
        y[12] = -5.2;
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            -0.688888888888889,
            Some([
                -7.38583006535948,
                6.0080522875817,
                -5.15351633986928,
                3.7757385620915,
            ]),
        );
        assert_codes(&s, "..........B.B.....", "ccccccccccxcxccccc");
    }

    /// Oracle: inside a 7-point shift, two-in-three has priority over shift.
    #[test]
    fn two_in_three_has_priority_over_shift() {
        let y = [
            0., 1., 0., 1., 0., 1., 0., 1., 2., 2., 2., 3.4, 2., 3.4, 2., 0., 1., 0., 1., 0.,
        ];
        let s = xmr(&y, &opts());
        assert_segment(
            &s,
            0,
            1.14,
            Some([-1.604, 3.884, -0.689333333333333, 2.96933333333333]),
        );
        assert_codes(&s, "--------+++A+A+.....", "xxxxxxxxiiiiiiiccccc");
        assert!(s.points[11].shift && s.points[11].two_in_three);
    }

    // ---- classification by direction (oracle) -------------------------------------

    /// Oracle: one point above the UCL and one below the LCL, for each direction.
    #[test]
    fn outside_limits_by_direction() {
        let y = [
            1., 2., 1., 2., 10., 1., 2., 1., 2., -7., 1., 2., 1., 2., 1., 2.,
        ];
        let limits = Some([-6.48, 9.48, -3.82, 6.82]);
        let inc = xmr(&y, &with_direction(Direction::Increase));
        assert_segment(&inc, 0, 1.5, limits);
        assert_codes(&inc, "....U....L......", "cccciccccxcccccc");
        let dec = xmr(&y, &with_direction(Direction::Decrease));
        assert_segment(&dec, 0, 1.5, limits);
        assert_codes(&dec, "....U....L......", "ccccxccccicccccc");
        let neu = xmr(&y, &with_direction(Direction::Neutral));
        assert_codes(&neu, "....U....L......", "cccchcccclcccccc");
        assert_eq!(
            neu.points[4].variation,
            Some(Variation::SpecialCauseNeutral)
        );
        assert_eq!(
            neu.points[9].variation,
            Some(Variation::SpecialCauseNeutral)
        );
        let seg = &inc.segments[0];
        assert_eq!(
            (
                seg.common_cause,
                seg.special_cause_improvement,
                seg.special_cause_concern
            ),
            (14, 1, 1)
        );
        assert_eq!(neu.segments[0].special_cause_neutral, 2);
    }

    /// ptd_get_icons(): icon of the last point by point type and direction.
    #[test]
    fn variation_icons() {
        let base = [1., 2., 1., 2., 1., 2., 1., 2., 1., 2.];
        let icon = |last: f64, d| {
            let mut y = base.to_vec();
            y.push(last);
            xmr(&y, &with_direction(d)).variation_icon
        };
        assert_eq!(
            icon(10.0, Direction::Increase),
            Some(VariationIcon::ImprovementHigh)
        );
        assert_eq!(
            icon(-7.0, Direction::Increase),
            Some(VariationIcon::ConcernLow)
        );
        assert_eq!(
            icon(10.0, Direction::Decrease),
            Some(VariationIcon::ConcernHigh)
        );
        assert_eq!(
            icon(-7.0, Direction::Decrease),
            Some(VariationIcon::ImprovementLow)
        );
        assert_eq!(
            icon(10.0, Direction::Neutral),
            Some(VariationIcon::NeutralHigh)
        );
        assert_eq!(
            icon(-7.0, Direction::Neutral),
            Some(VariationIcon::NeutralLow)
        );
        assert_eq!(
            icon(1.5, Direction::Increase),
            Some(VariationIcon::CommonCause)
        );
        assert_eq!(xmr(&[], &opts()).variation_icon, None);
    }

    // ---- rebase and fix_after_n_points (oracle) -------------------------------------

    /// Oracle: rebase at the first point only renumbers (rebase_group 1), limits as
    /// without rebase; out-of-range and duplicate indices are ignored.
    #[test]
    fn rebase_at_zero_or_out_of_range_is_ignored() {
        let plain = xmr(&RNORM_123, &opts());
        let first = xmr(
            &RNORM_123,
            &SpcOptions {
                rebase: vec![0],
                ..opts()
            },
        );
        assert_eq!(first.segments.len(), 1);
        assert_eq!(first.segments[0].rebase_group, 1);
        assert!(first.points.iter().all(|p| p.rebase_group == 1));
        assert_segment(
            &first,
            0,
            0.141623802474599,
            Some([
                -3.0113795957081,
                3.2946272006573,
                -1.96037846298053,
                2.24362606792973,
            ]),
        );
        let far = xmr(
            &RNORM_123,
            &SpcOptions {
                rebase: vec![20, 99, usize::MAX],
                ..opts()
            },
        );
        assert_eq!(far, plain);
        let dup = xmr(
            &RNORM_123,
            &SpcOptions {
                rebase: vec![10, 10, 25],
                ..opts()
            },
        );
        let once = xmr(
            &RNORM_123,
            &SpcOptions {
                rebase: vec![10],
                ..opts()
            },
        );
        assert_eq!(dup, once);
    }

    /// Oracle: rnorm followed by rnorm + 3, rebased at 20, fixed after 12 points: each
    /// segment uses its own first 12 points (the second is the first shifted by 3).
    #[test]
    fn fix_after_n_points_per_segment() {
        let mut y = RNORM_123.to_vec();
        y.extend(RNORM_123.iter().map(|v| v + 3.0));
        let s = xmr(
            &y,
            &SpcOptions {
                rebase: vec![20],
                fix_after_n_points: Some(12),
                ..opts()
            },
        );
        assert_segment(
            &s,
            0,
            0.194179338789037,
            Some([
                -2.60739981479775,
                2.99575849237582,
                -1.67354009693549,
                2.06189877451356,
            ]),
        );
        assert_segment(
            &s,
            1,
            3.19417933878904,
            Some([
                0.392600185202251,
                5.99575849237582,
                1.32645990306451,
                5.06189877451356,
            ]),
        );
        assert_eq!(s.segments[1].start, 20);
        assert_eq!(s.segments[1].n, 20);
        assert!(s
            .points
            .iter()
            .all(|p| p.variation == Some(Variation::CommonCause)));
    }

    /// Limits are held after n points: later points do not move them, however extreme.
    #[test]
    fn fix_after_n_points_holds_limits() {
        let mut y = RNORM_123.to_vec();
        let fixed = SpcOptions {
            fix_after_n_points: Some(12),
            ..opts()
        };
        let a = xmr(&y, &fixed);
        y[15] = 100.0;
        y[19] = -50.0;
        let b = xmr(&y, &fixed);
        assert_eq!(a.segments[0].upl, b.segments[0].upl);
        assert_eq!(a.segments[0].mean, b.segments[0].mean);
        assert_eq!(b.points[15].special_cause, Some(SpecialCause::AboveUcl));
        assert_eq!(b.points[19].special_cause, Some(SpecialCause::BelowLcl));
        // n larger than the series is the same as no fixing
        let c = xmr(
            &RNORM_123,
            &SpcOptions {
                fix_after_n_points: Some(500),
                ..opts()
            },
        );
        assert_eq!(c, xmr(&RNORM_123, &opts()));
    }

    /// ptd_spc_options() refuses fix_after_n_points < 12; xmr() does not check.
    #[test]
    fn validate_fix_after_n_points() {
        let o = |n| SpcOptions {
            fix_after_n_points: n,
            ..opts()
        };
        assert_eq!(o(None).validate(), Ok(()));
        assert_eq!(o(Some(12)).validate(), Ok(()));
        assert_eq!(
            o(Some(11)).validate(),
            Err(SpcOptionsError::FixAfterNPointsTooSmall(11))
        );
        assert!(o(Some(11))
            .validate()
            .unwrap_err()
            .to_string()
            .contains("12"));
        // Some(0): empty baseline, undefined mean and limits, no signals, no panic
        let s = xmr(&[1., 2., 3.], &o(Some(0)));
        assert!(s.segments[0].mean.is_nan() && s.segments[0].upl.is_none());
        assert!(s
            .points
            .iter()
            .all(|p| p.variation == Some(Variation::CommonCause)));
    }

    // ---- edge cases -----------------------------------------------------------------

    /// The package errors on a zero-row data frame; here: an empty chart.
    #[test]
    fn empty_input() {
        let s = xmr(
            &[],
            &SpcOptions {
                target: Some(1.0),
                rebase: vec![0, 3],
                ..opts()
            },
        );
        assert!(s.points.is_empty() && s.segments.is_empty());
        assert_eq!((s.variation_icon, s.assurance), (None, None));
        assert!(!s.short_group_warning);
    }

    /// Oracle: a single point: mean = value, no moving range, so NaN (None) limits.
    #[test]
    fn single_point() {
        let s = xmr(&[3.0], &opts());
        assert_segment(&s, 0, 3.0, None);
        assert_eq!(s.segments[0].amr, None);
        assert_codes(&s, ".", "c");
        assert_eq!(s.points[0].relative_to_mean, Some(0));
        // oracle: two points do have limits
        let s = xmr(&[3.0, 5.0], &opts());
        assert_segment(
            &s,
            0,
            4.0,
            Some([-1.32, 9.32, 0.453333333333334, 7.54666666666667]),
        );
    }

    /// Oracle: all values equal. Unscreened, amr = 0 and all limits equal the mean;
    /// screened (the default), every moving range 0 fails `0 < 3.267 * 0`, so no
    /// moving range is left and the limits are undefined. No signals either way.
    #[test]
    fn all_values_equal() {
        let y = [5.0; 8];
        let on = xmr(&y, &opts());
        assert_segment(&on, 0, 5.0, None);
        assert_codes(&on, "........", "cccccccc");
        let off = xmr(
            &y,
            &SpcOptions {
                screen_outliers: false,
                ..opts()
            },
        );
        assert_segment(&off, 0, 5.0, Some([5.0; 4]));
        assert_eq!(off.segments[0].amr, Some(0.0));
        assert_codes(&off, "........", "cccccccc");
        assert!(off.points.iter().all(|p| p.relative_to_mean == Some(0)));
    }

    /// Oracle: a missing value is kept as a point but left out of the mean (27 / 8) and
    /// of both moving ranges next to it.
    #[test]
    fn missing_value_is_kept_but_not_used() {
        let y = [1., 2., f64::NAN, 4., 3., 2., 10., 2., 3.];
        let s = xmr(&y, &opts());
        assert_eq!(s.points.len(), 9);
        assert!(s.points[2].value.is_nan());
        assert_eq!(s.points[2].relative_to_mean, None);
        assert_segment(
            &s,
            0,
            3.375,
            Some([
                -5.49166666666667,
                12.2416666666667,
                -2.53611111111111,
                9.28611111111111,
            ]),
        );
        assert_codes(&s, ".........", "ccccccccc");
        assert!(s.points[6].close_to_limits && !s.points[2].close_to_limits);
        // infinities are treated the same way (the package would propagate them)
        let mut inf = y;
        inf[2] = f64::INFINITY;
        let t = xmr(&inf, &opts());
        assert_eq!(t.segments, s.segments);
        assert!(t.points[2].value.is_infinite());
        let mut ninf = y;
        ninf[2] = f64::NEG_INFINITY;
        assert_eq!(xmr(&ninf, &opts()).segments, s.segments);
    }

    /// Oracle: a missing value inside 7 points above the mean breaks the shift
    /// (compare the same series without it).
    #[test]
    fn missing_value_breaks_a_shift() {
        let with = [
            1.,
            2.,
            1.,
            2.,
            5.,
            6.,
            5.,
            f64::NAN,
            6.,
            5.,
            6.,
            1.,
            2.,
            1.,
            2.,
        ];
        let s = xmr(&with, &opts());
        assert_segment(
            &s,
            0,
            3.21428571428571,
            Some([
                0.0706493506493504,
                6.35792207792208,
                1.11852813852814,
                5.31004329004329,
            ]),
        );
        assert_codes(&s, "B.B.....A.AB.B.", "xcxcccccicixcxc");
        let without = [1., 2., 1., 2., 5., 6., 5., 5., 6., 5., 6., 1., 2., 1., 2.];
        let s = xmr(&without, &opts());
        assert_segment(
            &s,
            0,
            3.33333333333333,
            Some([
                0.468717948717949,
                6.19794871794872,
                1.42358974358974,
                5.24307692307692,
            ]),
        );
        assert_codes(&s, "B.B.++++A+AB.B.", "xcxciiiiiiixcxc");
    }

    /// No reference: the package stops with an error when a missing value sits in a
    /// window whose other steps all rise; here it breaks the trend.
    #[test]
    fn missing_value_breaks_a_trend() {
        let mut y = vec![
            5., 3., 6., 4., 1., 2., 3., 4., 5., 6., 7., 4., 6., 3., 5., 4.,
        ];
        assert!(xmr(&y, &opts()).points[4].trend);
        y[7] = f64::NAN;
        let s = xmr(&y, &opts());
        assert!(s.points.iter().all(|p| !p.trend));
    }

    /// All values missing: mean NaN, no limits, no signals, no panic.
    #[test]
    fn all_missing() {
        let s = xmr(&[f64::NAN, f64::INFINITY, f64::NAN], &opts());
        assert!(s.segments[0].mean.is_nan());
        assert_eq!(s.segments[0].upl, None);
        assert!(s
            .points
            .iter()
            .all(|p| p.variation == Some(Variation::CommonCause)));
        assert!(s.points.iter().all(|p| p.relative_to_mean.is_none()));
    }

    /// Rules never run across a rebase: 4 + 3 points above their segments' means.
    #[test]
    fn runs_do_not_cross_a_rebase() {
        let y = [1., 2., 3., 4., 5., 6., 7., 8., 9., 10.];
        assert!(xmr(&y, &opts()).points.iter().all(|p| p.trend));
        let s = xmr(
            &y,
            &SpcOptions {
                rebase: vec![5],
                ..opts()
            },
        );
        assert!(s.points.iter().all(|p| !p.trend));
    }

    /// Serialisation for `--json`: enum spellings and `null` for undefined limits.
    #[test]
    fn serialises_to_json() {
        let s = xmr(&[3.0], &with_direction(Direction::Decrease));
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["improvement"], "decrease");
        assert_eq!(v["points"][0]["variation"], "common_cause");
        assert!(v["points"][0]["upl"].is_null());
        assert_eq!(v["variation_icon"], "common_cause");
        let y = [1., 2., 1., 2., 10., 1., 2., 1., 2., 1., 2., 1.];
        let v = serde_json::to_value(xmr(&y, &opts())).unwrap();
        assert_eq!(v["points"][4]["special_cause"], "above_ucl");
        assert_eq!(v["points"][4]["variation"], "special_cause_improvement");
        let o = serde_json::to_value(SpcOptions::default()).unwrap();
        assert_eq!(o["improvement"], "increase");
        assert_eq!(o["screen_outliers"], true);
    }

    /// Below the minimum (8 of 12 values, as the sample's 8 quarters): the mean only, no
    /// limits, no rules, no classification, and the chart says how many it had.
    #[test]
    fn too_few_points_get_no_limits_and_no_classification() {
        // 8 rising values: 7 rising points would be a trend without the minimum
        let y = [1., 2., 3., 4., 5., 6., 7., 30.];
        let o = SpcOptions {
            min_points: DEFAULT_MIN_POINTS,
            ..opts()
        };
        let s = xmr(&y, &o);
        assert!(close(s.points[0].mean, 58.0 / 8.0, TOL));
        assert!(s.points.iter().all(|p| p.variation.is_none()
            && p.upl.is_none()
            && p.near_lpl.is_none()
            && !p.trend
            && p.special_cause.is_none()));
        assert_eq!(s.points[7].point_type(), "not_classified");
        assert_eq!((s.variation_icon, s.too_few_points), (None, true));
        assert_eq!(s.too_few(), Some((8, 12)));
        let g = &s.segments[0];
        assert_eq!((g.values, g.variation_type, g.amr), (8, None, None));
        assert_eq!(g.common_cause, 0);
        // the package's behaviour without a minimum: limits and a trend
        let p = xmr(&y, &opts());
        assert!(p.points[0].upl.is_some() && p.points[6].trend);
        assert_eq!(p.too_few(), None);
        // missing values do not count; exactly the minimum is enough
        let mut twelve: Vec<f64> = (0..12).map(|i| f64::from(5 + i % 2)).collect();
        let full = xmr(&twelve, &o);
        assert!(!full.too_few_points);
        assert_eq!(full.points[11].variation, Some(Variation::CommonCause));
        twelve.push(f64::NAN);
        twelve[0] = f64::NAN;
        assert_eq!(xmr(&twelve, &o).too_few(), Some((11, 12)));
    }

    /// Never panics, and invariants hold, over many pseudo-random inputs with missing
    /// values, ties, huge magnitudes and odd options.
    #[test]
    fn never_panics() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let n = (next() % 40) as usize;
            let y: Vec<f64> = (0..n)
                .map(|_| match next() % 10 {
                    0 => f64::NAN,
                    1 => f64::INFINITY,
                    2 => 1e308,
                    3 => -1e308,
                    4 => 5.0,
                    _ => (next() % 21) as f64 - 10.0,
                })
                .collect();
            let o = SpcOptions {
                improvement: [Direction::Increase, Direction::Decrease, Direction::Neutral]
                    [(next() % 3) as usize],
                screen_outliers: next() % 2 == 0,
                rebase: (0..next() % 4).map(|_| (next() % 45) as usize).collect(),
                fix_after_n_points: match next() % 4 {
                    0 => Some((next() % 15) as usize),
                    _ => None,
                },
                target: Some(0.0),
                min_points: (next() % 15) as usize,
            };
            let s = xmr(&y, &o);
            assert_eq!(s.points.len(), n);
            assert_eq!(s.segments.iter().map(|g| g.n).sum::<usize>(), n);
            for (i, p) in s.points.iter().enumerate() {
                assert_eq!(p.index, i);
                if p.variation.is_some() {
                    assert_eq!(
                        p.special_cause.is_some(),
                        p.variation != Some(Variation::CommonCause)
                    );
                } else {
                    assert!(p.special_cause.is_none() && p.upl.is_none());
                }
                assert!(!(p.outside_limits && p.close_to_limits));
            }
        }
    }
}
