//! Funnel plots with an overdispersion adjustment, for comparing units (VSVs) with the
//! pooled value of all units.
//!
//! # Reference implementation
//!
//! Proportions follow the R package **FunnelPlotR 0.6.0** (Chris Mainey; CRAN,
//! 2025-07-23; `funnel_plot(..., data_type = "PR")`). The source read was that release:
//! `R/funnel_plot.R`, `R/od_adjustment.R` (`transformed_zscore`, `winsorisation`,
//! `phi_func`, `tau_func`), `R/calculate_limits.R`, `R/build_limits_lookup.R` and
//! `R/outliers_func.R`. The method is that of Spiegelhalter (2005, 2012):
//!
//! 1. target θ = Σ numerator / Σ denominator, the pooled proportion (FunnelPlotR has no
//!    option for a given target with proportions);
//! 2. variance-stabilising transform y = asin(√p), standard error s = 1 / (2√n), and the
//!    z-score z = (y − asin(√θ)) / s per unit;
//! 3. Winsorisation of z at the `TRIM_BY` and 1 − `TRIM_BY` quantiles (R's default
//!    quantile, type 7), values beyond those quantiles being set to them;
//! 4. dispersion ratio φ = Σ z_w² / k (no k − 1);
//! 5. between-unit variance by DerSimonian–Laird, with w = 1 / s²:
//!    τ² = 0 if kφ < k − 1, else max(0, (kφ − (k − 1)) / (Σw − Σw² / Σw));
//! 6. the adjustment is used only when φ > 1 (FunnelPlotR 0.4.2 onwards: "focus on phi");
//! 7. limits sin²(asin(√θ) ± z_α √(s² + τ²)) with z_α = 1.959964 (95 %) and 3.090232
//!    (99.8 %), the same constants as the package;
//! 8. a unit is an outlier when it lies strictly outside its limits (on them it is not).
//!
//! # Where this module differs from FunnelPlotR
//!
//! * **Minimum number of units.** FunnelPlotR estimates and applies the adjustment for any
//!   number of units. Here it is applied only when at least
//!   [`FunnelOptions::min_units_for_overdispersion`] units (default 10) take part;
//!   φ is still reported below that. [`FunnelOptions::funnelplotr`] sets the minimum to 0
//!   and reproduces the package.
//! * **τ² reported.** The package's `tau2()` returns the DerSimonian–Laird value even when
//!   φ ≤ 1 (it is positive for (k − 1)/k < φ ≤ 1) although it then draws and flags
//!   with the unadjusted limits. [`Funnel::tau2`] is the τ² actually applied: 0 unless
//!   [`Funnel::overdispersed`].
//! * **Adjusted z.** The package flags outliers by comparing the proportion with the
//!   limits at the unit's denominator and reports no adjusted z. Here
//!   z_adj = (y − asin(√θ)) / √(s² + τ²) and the bands are read from z_adj against
//!   the same constants, which is the same rule (sin² is increasing on [0, π/2]).
//! * **Limits past 0 or 1.** Where asin(√θ) ± z_α √(s² + τ²) leaves [0, π/2], sin² folds
//!   back. The package repairs that on its grid by comparing each point with its
//!   neighbour, which can leave one grid point per curve (the last one before the angle
//!   crosses back into [0, π/2]) with a tiny positive lower limit (or an upper limit just
//!   under 1) instead of 0 (or 1), and cannot repair an angle beyond −π/2 or π. Here the
//!   angle is clamped to [0, π/2], so limits beyond the fold are exactly 0 or 1.
//! * **Bands.** FunnelPlotR flags outliers at one chosen limit (95 or 99.8 %); the five
//!   bands here combine both. The thresholds are the package's constants and strict
//!   (z > 1.959964 is better, z = 1.959964 as expected), as `outliers_func` treats a
//!   value on a limit as within it.
//! * **Scope.** No aggregation of duplicate unit names (the package sums numerators and
//!   denominators per group), no multiplier, results in input order (the package sorts by
//!   group). FunnelPlotR has no multiplicative (φ-scaled) mode for proportions, so none is
//!   offered here.
//!
//! # Means (this module's own extension)
//!
//! FunnelPlotR has no data type for means. [`funnel_means`] applies the same idea on the
//! untransformed scale: target = Σ nᵢ·meanᵢ / Σ nᵢ; the within-unit standard deviation σ is
//! pooled, σ² = Σ (nᵢ − 1)·sdᵢ² / Σ (nᵢ − 1) (over units with nᵢ > 1 and a valid sd);
//! sᵢ = σ / √nᵢ; zᵢ = (meanᵢ − target) / sᵢ; the same Winsorisation, φ and
//! DerSimonian–Laird τ² (w = nᵢ / σ²) on those z; limits target ± z_α √(σ²/n + τ²),
//! not truncated. A common σ (rather than each unit's own sd) keeps the funnel a function
//! of n alone, as for proportions, and keeps small units with an unstable sd from
//! producing extreme z.
//!
//! # Units that are not banded, and units left out
//!
//! A unit with `banded = false` (e.g. a small-cell privacy tier) is real data: it counts in
//! the target, in φ and in τ², gets its z and limits, but no band. A unit with n ≤ 0 or a
//! non-finite n or value (for proportions also a value outside [0, 1]) is left out of
//! everything and reported with no z, no limits and no band.

use std::f64::consts::FRAC_PI_2;

use serde::Serialize;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// Two-sided 95 % normal quantile, as written in FunnelPlotR's `calculate_limits`.
pub const Z95: f64 = 1.959964;
/// Two-sided 99.8 % normal quantile, as written in FunnelPlotR's `calculate_limits`.
pub const Z998: f64 = 3.090232;
/// Share of the z-distribution Winsorised at each end (FunnelPlotR's `trim_by` default).
pub const TRIM_BY: f64 = 0.1;
/// Points in the drawing grid before the units' own n are merged in (as FunnelPlotR's
/// `build_limits_lookup`).
pub const CURVE_POINTS: usize = 1000;
/// First n of the drawing grid (FunnelPlotR uses 3 for proportions and ratios of counts).
pub const CURVE_START: f64 = 3.0;

/// One unit (e.g. a VSV) to compare.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitInput {
    /// Name reported back in [`UnitResult::name`].
    pub name: String,
    /// Size: the denominator for proportions, the number of respondents for means.
    pub n: f64,
    /// The unit's proportion (0..=1, numerator / denominator) or mean.
    pub value: f64,
    /// Standard deviation within the unit (means only; ignored for proportions).
    pub sd: Option<f64>,
    /// Whether the unit receives a band. Unbanded units still count in the target and
    /// the overdispersion estimate.
    pub banded: bool,
}

impl UnitInput {
    /// A proportion unit from counts. A denominator ≤ 0 gives value 0; such a unit is
    /// left out of the funnel.
    pub fn proportion(name: impl Into<String>, numerator: f64, denominator: f64) -> Self {
        let value = if denominator > 0.0 {
            numerator / denominator
        } else {
            0.0
        };
        Self {
            name: name.into(),
            n: denominator,
            value,
            sd: None,
            banded: true,
        }
    }

    /// A mean unit from its size, mean and standard deviation.
    pub fn mean(name: impl Into<String>, n: f64, mean: f64, sd: Option<f64>) -> Self {
        Self {
            name: name.into(),
            n,
            value: mean,
            sd,
            banded: true,
        }
    }
}

/// Where a unit lies relative to the funnel, from the better side's point of view. Its id
/// (`much_better`, `as_expected`, …) is the same in scores.csv (strum) and JSON (serde).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, EnumIter)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Band {
    /// Beyond the 99.8 % limit on the better side (z > 3.090232).
    MuchBetter,
    /// Beyond the 95 % limit on the better side (1.959964 < z ≤ 3.090232).
    Better,
    /// Within the 95 % limits (limits included).
    AsExpected,
    /// Beyond the 95 % limit on the worse side.
    Worse,
    /// Beyond the 99.8 % limit on the worse side.
    MuchWorse,
}

impl Band {
    /// The id, e.g. `much_worse`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// Result for one unit, in the order of the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResult {
    /// The input name.
    pub name: String,
    /// The input n.
    pub n: f64,
    /// The input value (proportion or mean).
    pub value: f64,
    /// z without the overdispersion adjustment (FunnelPlotR's `Uzscore`); `None` for a
    /// unit left out.
    pub z: Option<f64>,
    /// z with τ² in the variance, or equal to `z` when no adjustment is applied. The band
    /// is read from it.
    pub z_adjusted: Option<f64>,
    /// Lower 95 % limit at this unit's n, without τ² (FunnelPlotR's `LCL95`).
    pub ll95: Option<f64>,
    /// Upper 95 % limit at this unit's n, without τ² (`UCL95`).
    pub ul95: Option<f64>,
    /// Lower 99.8 % limit at this unit's n, without τ² (`LCL99`).
    pub ll998: Option<f64>,
    /// Upper 99.8 % limit at this unit's n, without τ² (`UCL99`).
    pub ul998: Option<f64>,
    /// Lower 95 % limit with τ² (`OD95LCL`); `None` unless [`Funnel::overdispersed`].
    pub od_ll95: Option<f64>,
    /// Upper 95 % limit with τ² (`OD95UCL`); `None` unless overdispersed.
    pub od_ul95: Option<f64>,
    /// Lower 99.8 % limit with τ² (`OD99LCL`); `None` unless overdispersed.
    pub od_ll998: Option<f64>,
    /// Upper 99.8 % limit with τ² (`OD99UCL`); `None` unless overdispersed.
    pub od_ul998: Option<f64>,
    /// Band from `z_adjusted`; `None` for a unit left out or not banded.
    pub band: Option<Band>,
}

/// The funnel's limits at one n of the drawing grid (FunnelPlotR's `limits()` table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Unit size.
    pub n: f64,
    /// Lower 95 % limit without τ².
    pub ll95: f64,
    /// Upper 95 % limit without τ².
    pub ul95: f64,
    /// Lower 99.8 % limit without τ².
    pub ll998: f64,
    /// Upper 99.8 % limit without τ².
    pub ul998: f64,
    /// Lower 95 % limit with τ²; `None` unless overdispersed.
    pub od_ll95: Option<f64>,
    /// Upper 95 % limit with τ²; `None` unless overdispersed.
    pub od_ul95: Option<f64>,
    /// Lower 99.8 % limit with τ²; `None` unless overdispersed.
    pub od_ll998: Option<f64>,
    /// Upper 99.8 % limit with τ²; `None` unless overdispersed.
    pub od_ul998: Option<f64>,
}

/// A computed funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    /// Pooled proportion or pooled mean of the units taking part.
    pub target: f64,
    /// Dispersion ratio φ of the Winsorised z; `None` when the adjustment is switched off.
    /// Reported also when there are too few units for the adjustment.
    pub phi: Option<f64>,
    /// Between-unit variance τ² applied (on the transformed scale for proportions); 0
    /// unless `overdispersed`.
    pub tau2: f64,
    /// Whether τ² was applied: switched on, enough units, and φ > 1.
    pub overdispersed: bool,
    /// One result per input unit, in input order.
    pub units: Vec<UnitResult>,
    /// Limits on a grid of n for drawing: [`CURVE_POINTS`] points from [`CURVE_START`] to
    /// the largest n rounded up, merged with the units' own n, ascending.
    pub curve: Vec<CurvePoint>,
}

/// Options of [`funnel_proportions`] and [`funnel_means`].
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelOptions {
    /// Whether higher values are better; when false the bands are mirrored.
    pub higher_is_better: bool,
    /// Whether to estimate and apply the overdispersion adjustment (FunnelPlotR's
    /// `draw_adjusted`, default true).
    pub overdispersion: bool,
    /// Fewest units taking part for the adjustment to be applied (default 10; FunnelPlotR
    /// has no minimum).
    pub min_units_for_overdispersion: usize,
}

impl Default for FunnelOptions {
    fn default() -> Self {
        Self {
            higher_is_better: true,
            overdispersion: true,
            min_units_for_overdispersion: 10,
        }
    }
}

impl FunnelOptions {
    /// FunnelPlotR 0.6.0's own behaviour: adjustment whenever φ > 1, at any number of
    /// units.
    pub fn funnelplotr() -> Self {
        Self {
            min_units_for_overdispersion: 0,
            ..Self::default()
        }
    }
}

/// Band of a z-score: strictly beyond ±1.959964 is better/worse, strictly beyond
/// ±3.090232 much better/much worse (a unit on a limit is within it, as FunnelPlotR's
/// `outliers_func`). With `higher_is_better = false` the sign is mirrored. A NaN z is
/// as expected.
pub fn band(z: f64, higher_is_better: bool) -> Band {
    let z = if higher_is_better { z } else { -z };
    if z > Z998 {
        Band::MuchBetter
    } else if z > Z95 {
        Band::Better
    } else if z < -Z998 {
        Band::MuchWorse
    } else if z < -Z95 {
        Band::Worse
    } else {
        Band::AsExpected
    }
}

/// Funnel of proportions (FunnelPlotR `data_type = "PR"`): `value` is numerator /
/// denominator and `n` the denominator. `None` when no unit has n > 0 and a proportion in
/// [0, 1].
pub fn funnel_proportions(units: &[UnitInput], opts: &FunnelOptions) -> Option<Funnel> {
    let taking_part: Vec<bool> = units
        .iter()
        .map(|u| valid_n(u.n) && u.value.is_finite() && (0.0..=1.0).contains(&u.value))
        .collect();
    let (num, den) = units
        .iter()
        .zip(&taking_part)
        .filter(|(_, &ok)| ok)
        .fold((0.0, 0.0), |(num, den), (u, _)| {
            (num + u.value * u.n, den + u.n)
        });
    if !(den > 0.0 && den.is_finite()) {
        return None;
    }
    let target = (num / den).clamp(0.0, 1.0);
    let obs = units
        .iter()
        .zip(&taking_part)
        .map(|(u, &ok)| ok.then(|| u.value.sqrt().asin()))
        .collect::<Vec<_>>();
    Some(assemble(
        units,
        &obs,
        target,
        target.sqrt().asin(),
        Scale::Proportion,
        opts,
    ))
}

/// Funnel of means (this module's extension, see the module documentation). `None` when
/// no unit has n > 0 and a finite mean, or when no positive pooled within-unit standard
/// deviation can be formed (no unit with n > 1 and a finite sd ≥ 0, or all sd zero).
pub fn funnel_means(units: &[UnitInput], opts: &FunnelOptions) -> Option<Funnel> {
    let taking_part: Vec<bool> = units
        .iter()
        .map(|u| valid_n(u.n) && u.value.is_finite())
        .collect();
    let mut sum_n = 0.0;
    let mut sum_nm = 0.0;
    let mut sum_df = 0.0;
    let mut sum_ss = 0.0;
    for (u, _) in units.iter().zip(&taking_part).filter(|(_, &ok)| ok) {
        sum_n += u.n;
        sum_nm += u.n * u.value;
        if let Some(sd) = u.sd.filter(|sd| sd.is_finite() && *sd >= 0.0) {
            if u.n > 1.0 {
                sum_df += u.n - 1.0;
                sum_ss += (u.n - 1.0) * sd * sd;
            }
        }
    }
    if !(sum_n > 0.0 && sum_n.is_finite() && sum_df > 0.0) {
        return None;
    }
    let target = sum_nm / sum_n;
    let sigma = (sum_ss / sum_df).sqrt();
    if !(target.is_finite() && sigma.is_finite() && sigma > 0.0) {
        return None;
    }
    let obs = units
        .iter()
        .zip(&taking_part)
        .map(|(u, &ok)| ok.then_some(u.value))
        .collect::<Vec<_>>();
    Some(assemble(
        units,
        &obs,
        target,
        target,
        Scale::Mean { sigma },
        opts,
    ))
}

fn valid_n(n: f64) -> bool {
    n.is_finite() && n > 0.0
}

/// The scale on which z and the limits are computed.
#[derive(Debug, Clone, Copy)]
enum Scale {
    /// asin(√p), s = 1 / (2√n), limits back-transformed by sin² within [0, π/2].
    Proportion,
    /// Identity, s = σ / √n.
    Mean { sigma: f64 },
}

impl Scale {
    fn se(self, n: f64) -> f64 {
        match self {
            Scale::Proportion => 1.0 / (2.0 * n.sqrt()),
            Scale::Mean { sigma } => sigma / n.sqrt(),
        }
    }

    fn back(self, t: f64) -> f64 {
        match self {
            Scale::Proportion => t.clamp(0.0, FRAC_PI_2).sin().powi(2),
            Scale::Mean { .. } => t,
        }
    }
}

/// The four limits at one n.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Limits {
    ll95: f64,
    ul95: f64,
    ll998: f64,
    ul998: f64,
}

fn limits(scale: Scale, centre: f64, n: f64, tau2: f64) -> Limits {
    let sd = (scale.se(n).powi(2) + tau2).sqrt();
    Limits {
        ll95: scale.back(centre - Z95 * sd),
        ul95: scale.back(centre + Z95 * sd),
        ll998: scale.back(centre - Z998 * sd),
        ul998: scale.back(centre + Z998 * sd),
    }
}

/// The limits of a fitted funnel: its centre and spread on the analysis scale, and τ² when
/// the units are overdispersed.
#[derive(Debug, Clone, Copy)]
struct Fit {
    scale: Scale,
    centre: f64,
    tau2: Option<f64>,
}

impl Fit {
    /// The limits at `n` without overdispersion.
    fn plain(self, n: f64) -> Limits {
        limits(self.scale, self.centre, n, 0.0)
    }

    /// The limits at `n` widened by τ², when the units are overdispersed.
    fn overdispersed(self, n: f64) -> Option<Limits> {
        self.tau2
            .map(|tau2| limits(self.scale, self.centre, n, tau2))
    }
}

/// Everything after the target: z, φ, τ², limits, bands and the curve. `obs[i]` is the
/// unit's value on the analysis scale, `None` when it is left out; `centre` is the target
/// on that scale.
fn assemble(
    units: &[UnitInput],
    obs: &[Option<f64>],
    target: f64,
    centre: f64,
    scale: Scale,
    opts: &FunnelOptions,
) -> Funnel {
    let z: Vec<Option<f64>> = units
        .iter()
        .zip(obs)
        .map(|(u, y)| y.map(|y| (y - centre) / scale.se(u.n)))
        .collect();
    let zs: Vec<f64> = z.iter().flatten().copied().collect();
    let ses: Vec<f64> = units
        .iter()
        .zip(obs)
        .filter(|(_, y)| y.is_some())
        .map(|(u, _)| scale.se(u.n))
        .collect();
    let (phi, tau2) = dispersion(&zs, &ses, opts);
    let fit = Fit {
        scale,
        centre,
        tau2,
    };

    let results = units
        .iter()
        .zip(obs)
        .zip(&z)
        .map(|((u, y), z)| unit_result(u, *y, *z, fit, opts.higher_is_better))
        .collect();

    let ns: Vec<f64> = units
        .iter()
        .zip(obs)
        .filter(|(_, y)| y.is_some())
        .map(|(u, _)| u.n)
        .collect();

    Funnel {
        target,
        phi,
        tau2: tau2.unwrap_or(0.0),
        overdispersed: tau2.is_some(),
        units: results,
        curve: curve(&ns, fit),
    }
}

/// φ of the units' z-scores `zs` (when overdispersion is asked for), and τ² when φ > 1 and
/// there are enough units (DerSimonian–Laird from the standard errors `ses`).
fn dispersion(zs: &[f64], ses: &[f64], opts: &FunnelOptions) -> (Option<f64>, Option<f64>) {
    let k = zs.len();
    let phi = opts.overdispersion.then(|| phi(&winsorise(zs, TRIM_BY)));
    let tau2 = match phi {
        Some(p) if p > 1.0 && k >= opts.min_units_for_overdispersion => {
            Some(dl_tau2(k, p, ses)).filter(|t| t.is_finite())
        }
        _ => None,
    };
    (phi, tau2)
}

/// One unit's z, limits and band; `y` (its value on the analysis scale) and `z` are `None`
/// when it is left out, and so is everything but its name, n and value.
fn unit_result(
    u: &UnitInput,
    y: Option<f64>,
    z: Option<f64>,
    fit: Fit,
    higher_is_better: bool,
) -> UnitResult {
    let (Some(y), Some(z)) = (y, z) else {
        return UnitResult {
            name: u.name.clone(),
            n: u.n,
            value: u.value,
            z: None,
            z_adjusted: None,
            ll95: None,
            ul95: None,
            ll998: None,
            ul998: None,
            od_ll95: None,
            od_ul95: None,
            od_ll998: None,
            od_ul998: None,
            band: None,
        };
    };
    let z_adjusted = match fit.tau2 {
        Some(tau2) => (y - fit.centre) / (fit.scale.se(u.n).powi(2) + tau2).sqrt(),
        None => z,
    };
    let plain = fit.plain(u.n);
    let od = fit.overdispersed(u.n);
    UnitResult {
        name: u.name.clone(),
        n: u.n,
        value: u.value,
        z: Some(z),
        z_adjusted: Some(z_adjusted),
        ll95: Some(plain.ll95),
        ul95: Some(plain.ul95),
        ll998: Some(plain.ll998),
        ul998: Some(plain.ul998),
        od_ll95: od.map(|l| l.ll95),
        od_ul95: od.map(|l| l.ul95),
        od_ll998: od.map(|l| l.ll998),
        od_ul998: od.map(|l| l.ul998),
        band: u.banded.then(|| band(z_adjusted, higher_is_better)),
    }
}

/// The funnel's limits along the grid of n over the units' `ns`.
fn curve(ns: &[f64], fit: Fit) -> Vec<CurvePoint> {
    grid(ns, CURVE_POINTS)
        .into_iter()
        .map(|n| {
            let plain = fit.plain(n);
            let od = fit.overdispersed(n);
            CurvePoint {
                n,
                ll95: plain.ll95,
                ul95: plain.ul95,
                ll998: plain.ll998,
                ul998: plain.ul998,
                od_ll95: od.map(|l| l.ll95),
                od_ul95: od.map(|l| l.ul95),
                od_ll998: od.map(|l| l.ll998),
                od_ul998: od.map(|l| l.ul998),
            }
        })
        .collect()
}

/// R's default quantile (type 7) of ascending `sorted` at probability `p` in [0, 1]:
/// index h = 1 + (k − 1)p, then (1 − f)·x⌊h⌋ + f·x⌈h⌉ with f = h − ⌊h⌋.
fn quantile7(sorted: &[f64], p: f64) -> Option<f64> {
    let k = sorted.len();
    if k == 0 {
        return None;
    }
    let index = 1.0 + (k - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = index.floor();
    let hi = index.ceil();
    // 1-based positions in [1, k]; the casts cannot truncate meaningfully.
    let x_lo = *sorted.get((lo as usize).saturating_sub(1))?;
    let x_hi = *sorted.get((hi as usize).saturating_sub(1))?;
    if index > lo && x_hi != x_lo {
        let f = index - lo;
        Some((1.0 - f) * x_lo + f * x_hi)
    } else {
        Some(x_lo)
    }
}

/// FunnelPlotR's `winsorisation`: values below the `trim` quantile are set to it, values
/// above the `1 − trim` quantile are set to that.
fn winsorise(z: &[f64], trim: f64) -> Vec<f64> {
    let mut sorted = z.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (Some(lo), Some(hi)) = (quantile7(&sorted, trim), quantile7(&sorted, 1.0 - trim)) else {
        return Vec::new();
    };
    z.iter()
        .map(|&v| {
            if v < lo {
                lo
            } else if v > hi {
                hi
            } else {
                v
            }
        })
        .collect()
}

/// FunnelPlotR's `phi_func`: Σz² / k (0 for no z).
fn phi(z: &[f64]) -> f64 {
    if z.is_empty() {
        return 0.0;
    }
    z.iter().map(|z| z * z).sum::<f64>() / z.len() as f64
}

/// FunnelPlotR's `tau_func` (DerSimonian–Laird): 0 when kφ < k − 1, otherwise
/// max(0, (kφ − (k − 1)) / (Σw − Σw²/Σw)) with w = 1/s². Fewer than two units, or a
/// zero or non-finite denominator, give 0 (R gives NaN or a rounding-error value).
fn dl_tau2(k: usize, phi: f64, se: &[f64]) -> f64 {
    if k < 2 || se.len() < 2 {
        return 0.0;
    }
    let k = k as f64;
    if k * phi < k - 1.0 {
        return 0.0;
    }
    let sum_w: f64 = se.iter().map(|s| 1.0 / (s * s)).sum();
    let sum_w2: f64 = se.iter().map(|s| (1.0 / (s * s)).powi(2)).sum();
    let denominator = sum_w - sum_w2 / sum_w;
    if !(denominator.is_finite() && denominator > 0.0) {
        return 0.0;
    }
    ((k * phi - (k - 1.0)) / denominator).max(0.0)
}

/// FunnelPlotR's `build_limits_lookup` grid: R's `seq(3, ceiling(max n), length.out =
/// points)`, merged with the units' own n, sorted, duplicates removed.
fn grid(ns: &[f64], points: usize) -> Vec<f64> {
    let Some(max_n) = ns.iter().copied().reduce(f64::max) else {
        return Vec::new();
    };
    let from = CURVE_START;
    let to = max_n.ceil();
    let mut g = Vec::with_capacity(points + ns.len());
    match points {
        0 => {}
        1 => g.push(from),
        2 => g.extend([from, to]),
        _ if from == to => g.push(from),
        _ => {
            let n1 = (points - 1) as f64;
            let by = (to - from) / n1;
            g.push(from);
            g.extend((1..points - 1).map(|i| from + i as f64 * by));
            g.push(to);
        }
    }
    g.extend_from_slice(ns);
    g.sort_by(f64::total_cmp);
    g.dedup();
    g
}

#[cfg(test)]
mod tests {
    use super::reference::{Dataset, A, B, B2, C, D, LOOKUP_HALF, LOOKUP_HALF_ROWS, MEANS};
    use super::*;

    // ---------------------------------------------------------------------------------
    // How the reference numbers were made (module `reference` below).
    //
    // FunnelPlotR 0.6.0 was installed from its CRAN source (GitHub mirror cran/FunnelPlotR,
    // tag 0.6.0) into a private R library on R 4.2.2 with Debian's r-cran-ggplot2 3.4.1.
    // One change was needed to load it: `ggplot2::is_ggplot` → `ggplot2::is.ggplot` in
    // `validate_funnel_plot` (ggplot2 3.4 lacks the former; it only checks the plot
    // object). The package's own tests (tests/testthat) all pass on that install. Then,
    // for each dataset `d` below:
    //
    //   library(FunnelPlotR)
    //   pr <- function(d, ...) funnel_plot(d, num, den, grp, data_type = "PR", ...)
    //   a95 <- pr(d, limit = 95); a99 <- pr(d, limit = 99)
    //   sum(d$num) / sum(d$den); phi(a95); tau2(a95); a95$draw_adjusted
    //   source_data(a95)[, c("group", "numerator", "denominator", "Uzscore", "Wuzscore",
    //                        "outlier", "LCL95", "UCL95", "LCL99", "UCL99",
    //                        "OD95LCL", "OD95UCL", "OD99LCL", "OD99UCL")]
    //   source_data(a99)$outlier
    //   l <- limits(a95); nrow(l); l[c(1, 2, 500, nrow(l)), ]; colSums(l)
    //   # the package's fold artefacts (see the module documentation), per limit column:
    //   arg <- asin(sqrt(target)) -/+ z * sqrt(l$s^2 + tau2)
    //   which(arg < 0 & l$<lower> > 0); which(arg > pi / 2 & l$<upper> < 1)
    //
    // printed with signif(x, 15). The datasets:
    //
    //   A  <- data.frame(num = c(12, 30, 45, 8, 60, 22, 90, 15, 40, 5, 70, 33),
    //                    den = c(50, 80, 150, 40, 200, 60, 250, 90, 100, 20, 180, 120),
    //                    grp = sprintf("u%02d", 1:12))
    //   den <- c(100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650)
    //   zz <- c(-1.5, 1.2, -0.6, 0.9, 0.3, -1.1, 1.4, -0.2, 0.7, -0.9, 0.1, 1.0)
    //   B  <- data.frame(num = round(0.3 * den + 1.12 * zz * sqrt(den * 0.21)), den = den,
    //                    grp = sprintf("b%02d", 1:12))
    //   B2 <- data.frame(num = round(0.3 * den + 1.16 * zz * sqrt(den * 0.21)), den = den,
    //                    grp = sprintf("b%02d", 1:12))
    //   C  <- data.frame(num = c(0, 5, 3, 10, 25, 40, 12, 60, 30, 18, 2),
    //                    den = c(4, 5, 30, 40, 100, 120, 50, 200, 90, 70, 10),
    //                    grp = sprintf("c%02d", 1:11))
    //   D  <- data.frame(num = c(10, 45, 30, 80, 15, 60),
    //                    den = c(100, 150, 120, 200, 90, 160), grp = letters[1:6])
    // ---------------------------------------------------------------------------------

    /// |a − b| ≤ tol, with a message naming what is compared.
    #[track_caller]
    fn close(what: &str, a: f64, b: f64, tol: f64) {
        assert!(
            (a - b).abs() <= tol,
            "{what}: got {a:.15}, expected {b:.15} (diff {:e})",
            (a - b).abs()
        );
    }

    #[track_caller]
    fn close_opt(what: &str, a: Option<f64>, b: f64, tol: f64) {
        match a {
            Some(a) => close(what, a, b, tol),
            None => panic!("{what}: got None, expected {b}"),
        }
    }

    fn pr_units(rows: &[(&str, f64, f64)]) -> Vec<UnitInput> {
        rows.iter()
            .map(|&(name, num, den)| UnitInput::proportion(name, num, den))
            .collect()
    }

    fn units_of(d: &Dataset) -> Vec<UnitInput> {
        d.units
            .iter()
            .map(|r| UnitInput::proportion(r.0, r.1, r.2))
            .collect()
    }

    fn unit<'a>(f: &'a Funnel, name: &str) -> &'a UnitResult {
        f.units
            .iter()
            .find(|u| u.name == name)
            .unwrap_or_else(|| panic!("no unit {name}"))
    }

    fn curve_at(f: &Funnel, n: f64) -> &CurvePoint {
        f.curve
            .iter()
            .find(|p| (p.n - n).abs() < 1e-9)
            .unwrap_or_else(|| panic!("no curve point at n = {n}"))
    }

    fn bands(f: &Funnel) -> Vec<Option<Band>> {
        f.units.iter().map(|u| u.band).collect()
    }

    fn mirror(b: Band) -> Band {
        match b {
            Band::MuchBetter => Band::MuchWorse,
            Band::Better => Band::Worse,
            Band::AsExpected => Band::AsExpected,
            Band::Worse => Band::Better,
            Band::MuchWorse => Band::MuchBetter,
        }
    }

    /// The band FunnelPlotR's outlier flags imply: outside at `limit = 99` → much
    /// better/worse, else outside at `limit = 95` → better/worse, by the side of the target.
    fn band_from_flags(value: f64, target: f64, out95: bool, out99: bool) -> Band {
        match (out95, out99, value > target) {
            (_, true, true) => Band::MuchBetter,
            (_, true, false) => Band::MuchWorse,
            (true, false, true) => Band::Better,
            (true, false, false) => Band::Worse,
            _ => Band::AsExpected,
        }
    }

    /// Column of the curve in R's `limits()` order (`s` left out): 0 n, 1 odll95,
    /// 2 odul95, 3 odll998, 4 odul998, 5 ll95, 6 ul95, 7 ll998, 8 ul998.
    fn column(p: &CurvePoint, col: usize) -> f64 {
        match col {
            0 => p.n,
            1 => p.od_ll95.unwrap_or(f64::NAN),
            2 => p.od_ul95.unwrap_or(f64::NAN),
            3 => p.od_ll998.unwrap_or(f64::NAN),
            4 => p.od_ul998.unwrap_or(f64::NAN),
            5 => p.ll95,
            6 => p.ul95,
            7 => p.ll998,
            _ => p.ul998,
        }
    }

    fn col_sum(f: &Funnel, col: usize) -> f64 {
        f.curve.iter().map(|p| column(p, col)).sum()
    }

    /// Everything FunnelPlotR reports for a dataset, compared with our funnel: target, φ,
    /// τ², z, Winsorised z, limits with and without τ², outlier flags as bands, curve
    /// points and curve column sums. The package's fold artefacts (one point in some
    /// curves, see the module documentation) are checked to be exactly 0 here and taken
    /// off the package's sums.
    #[track_caller]
    fn check_dataset(f: &Funnel, d: &Dataset, higher_is_better: bool) {
        close("target", f.target, d.target, 1e-12);
        close_opt("phi", f.phi, d.phi, 1e-9);
        assert_eq!(f.overdispersed, d.draw_adjusted, "overdispersed");
        if d.draw_adjusted {
            close("tau2", f.tau2, d.tau2, 1e-12);
        } else {
            assert_eq!(f.tau2, 0.0, "tau2 applied");
        }

        let z: Vec<f64> = d.units.iter().map(|r| r.3).collect();
        for (r, w) in d.units.iter().zip(winsorise(&z, TRIM_BY)) {
            close(&format!("{} Wuzscore", r.0), w, r.4, 1e-9);
        }
        let ses: Vec<f64> = d.units.iter().map(|r| 1.0 / (2.0 * r.2.sqrt())).collect();
        close(
            "tau_func",
            dl_tau2(d.units.len(), d.phi, &ses),
            d.tau2,
            1e-12,
        );

        for &(name, num, den, uz, _, out95, out99, plain, od) in d.units {
            let u = unit(f, name);
            close_opt(&format!("{name} z"), u.z, uz, 1e-9);
            if !f.overdispersed {
                assert_eq!(u.z_adjusted, u.z, "{name} z_adjusted");
            }
            let got = [u.ll95, u.ul95, u.ll998, u.ul998];
            for (what, (g, e)) in ["LCL95", "UCL95", "LCL99", "UCL99"]
                .iter()
                .zip(got.iter().zip(plain))
            {
                close_opt(&format!("{name} {what}"), *g, e, 1e-9);
            }
            let got = [u.od_ll95, u.od_ul95, u.od_ll998, u.od_ul998];
            match od {
                Some(od) => {
                    for (what, (g, e)) in ["OD95LCL", "OD95UCL", "OD99LCL", "OD99UCL"]
                        .iter()
                        .zip(got.iter().zip(od))
                    {
                        close_opt(&format!("{name} {what}"), *g, e, 1e-9);
                    }
                }
                None => assert_eq!(got, [None; 4], "{name} OD limits"),
            }
            let expected = band_from_flags(num / den, d.target, out95, out99);
            let expected = if higher_is_better {
                expected
            } else {
                mirror(expected)
            };
            assert_eq!(u.band, Some(expected), "{name} band");
        }

        assert_eq!(f.curve.len(), d.curve_rows, "curve rows");
        let folded = |col: usize, n: f64| {
            d.folds
                .iter()
                .any(|&(c, fold_n, _)| c == col && (fold_n - n).abs() < 1e-9)
        };
        let cols = if d.draw_adjusted { 0..9 } else { 5..9 };
        for row in d.curve {
            let p = curve_at(f, row[0]);
            for col in cols.clone() {
                let expected = if folded(col, row[0]) { 0.0 } else { row[col] };
                close(
                    &format!("n = {} column {col}", row[0]),
                    column(p, col),
                    expected,
                    1e-9,
                );
            }
            if !d.draw_adjusted {
                assert_eq!(p.od_ll95, None);
            }
        }
        let mut sums = d.curve_sums;
        for &(col, n, value) in d.folds {
            if col >= 5 || d.draw_adjusted {
                assert_eq!(
                    column(curve_at(f, n), col),
                    0.0,
                    "fold column {col} at n = {n}"
                );
                sums[col] -= value;
            }
        }
        close("sum n", col_sum(f, 0), sums[0], 1e-6);
        for col in cols.skip(1) {
            close(
                &format!("sum of column {col}"),
                col_sum(f, col),
                sums[col],
                1e-9,
            );
        }
    }

    /// FunnelPlotR 0.6.0, dataset A (12 units, φ = 1.53 > 1, adjusted). Only u08 is
    /// outside its limits (below the OD 95 % limit, within the OD 99.8 %): worse.
    #[test]
    fn proportions_overdispersed_match_funnelplotr() {
        let f = funnel_proportions(&units_of(&A), &FunnelOptions::default()).expect("funnel");
        check_dataset(&f, &A, true);
        assert_eq!(unit(&f, "u08").band, Some(Band::Worse));
        assert_eq!(
            bands(&f)
                .iter()
                .filter(|b| **b == Some(Band::AsExpected))
                .count(),
            11
        );
    }

    /// Dataset A with `higher_is_better = false`: the bands mirror, nothing else changes.
    #[test]
    fn lower_is_better_mirrors_bands() {
        let opts = FunnelOptions {
            higher_is_better: false,
            ..FunnelOptions::default()
        };
        let f = funnel_proportions(&units_of(&A), &opts).expect("funnel");
        check_dataset(&f, &A, false);
        assert_eq!(unit(&f, "u08").band, Some(Band::Better));
    }

    /// FunnelPlotR 0.6.0, dataset B (φ = 0.947 ≤ 1): the package does not adjust
    /// (`draw_adjusted` becomes FALSE). Its `tau2()` still reports the DL value 2.26e-5
    /// (kφ ≥ k − 1), which `dl_tau2` reproduces, but the τ² applied here is 0 and
    /// z_adjusted = z.
    #[test]
    fn proportions_phi_at_most_one_no_adjustment() {
        let f = funnel_proportions(&units_of(&B), &FunnelOptions::default()).expect("funnel");
        check_dataset(&f, &B, true);
        let ses: Vec<f64> = f.units.iter().map(|u| 1.0 / (2.0 * u.n.sqrt())).collect();
        let package_tau2 = dl_tau2(ses.len(), f.phi.unwrap_or(f64::NAN), &ses);
        assert!(package_tau2 > 0.0 && f.phi.is_some_and(|p| p <= 1.0));
        assert_eq!(f.tau2, 0.0);
        assert!(f.curve.iter().all(|p| p.od_ul95.is_none()));
    }

    /// FunnelPlotR 0.6.0, dataset B2: φ = 1.0084, just above 1, so it adjusts.
    #[test]
    fn proportions_phi_just_above_one_adjusts() {
        let f = funnel_proportions(&units_of(&B2), &FunnelOptions::default()).expect("funnel");
        check_dataset(&f, &B2, true);
        assert!(f.phi.is_some_and(|p| p > 1.0 && p < 1.01));
    }

    /// FunnelPlotR 0.6.0, dataset C: proportions 0 (0/4) and 1 (5/5) at small n, limits
    /// clipped at 0. c01 (0/4) and c03 are below the OD 95 % limit, c02 (5/5) above the
    /// OD 99.8 % limit.
    #[test]
    fn proportions_zero_and_one_match_funnelplotr() {
        let f = funnel_proportions(&units_of(&C), &FunnelOptions::default()).expect("funnel");
        check_dataset(&f, &C, true);
        assert_eq!(unit(&f, "c01").band, Some(Band::Worse));
        assert_eq!(unit(&f, "c02").band, Some(Band::MuchBetter));
        assert_eq!(unit(&f, "c03").band, Some(Band::Worse));
        close_opt("c01 z", unit(&f, "c01").z, C.units[0].3, 1e-9);
        assert_eq!(unit(&f, "c01").ll998, Some(0.0));
    }

    /// Fewer than 10 units (dataset D, k = 6, φ = 6.17): by default φ is reported but not
    /// applied (τ² = 0) and the bands come from the unadjusted z. FunnelPlotR adjusts at
    /// any k; [`FunnelOptions::funnelplotr`] reproduces it (τ², OD limits, flags, curve).
    #[test]
    fn fewer_than_ten_units() {
        let f = funnel_proportions(&units_of(&D), &FunnelOptions::default()).expect("funnel");
        close("target", f.target, D.target, 1e-12);
        close_opt("phi", f.phi, D.phi, 1e-9);
        assert!(!f.overdispersed);
        assert_eq!(f.tau2, 0.0);
        for (u, r) in f.units.iter().zip(D.units) {
            close_opt(&format!("{} z", r.0), u.z, r.3, 1e-9);
            assert_eq!(u.z_adjusted, u.z);
            assert!(u.od_ll95.is_none());
        }
        // Unadjusted z: a −5.00, b 0.20, c −1.05, d 3.20, e −2.87, f 2.21.
        assert_eq!(
            bands(&f),
            [
                Band::MuchWorse,
                Band::AsExpected,
                Band::AsExpected,
                Band::MuchBetter,
                Band::Worse,
                Band::Better
            ]
            .map(Some)
        );

        let p = funnel_proportions(&units_of(&D), &FunnelOptions::funnelplotr()).expect("funnel");
        check_dataset(&p, &D, true);
        assert_eq!(
            bands(&p),
            [
                Band::Worse,
                Band::AsExpected,
                Band::AsExpected,
                Band::AsExpected,
                Band::AsExpected,
                Band::AsExpected
            ]
            .map(Some)
        );
    }

    /// The minimum is inclusive: 10 units are adjusted, 9 are not. Subsets of dataset A,
    /// through FunnelPlotR 0.6.0 (which adjusts both):
    ///   d <- A[c(1:8, 11, 12), ]   # 10 units
    ///   target 0.315573770491803  phi 1.55521950464017  tau2 0.00154389639149606
    ///   d <- A[c(1:8, 11), ]       # 9 units
    ///   target 0.32  phi 1.6833632407736  tau2 0.00190831135570134
    #[test]
    fn ten_units_is_enough() {
        let pick = |idx: &[usize]| -> Vec<UnitInput> {
            let all = units_of(&A);
            idx.iter().map(|&i| all[i].clone()).collect()
        };
        let ten = pick(&[0, 1, 2, 3, 4, 5, 6, 7, 10, 11]);
        let f = funnel_proportions(&ten, &FunnelOptions::default()).expect("funnel");
        close("target 10", f.target, 0.315573770491803, 1e-12);
        close_opt("phi 10", f.phi, 1.55521950464017, 1e-9);
        assert!(f.overdispersed);
        close("tau2 10", f.tau2, 0.00154389639149606, 1e-12);

        let nine = pick(&[0, 1, 2, 3, 4, 5, 6, 7, 10]);
        let f = funnel_proportions(&nine, &FunnelOptions::default()).expect("funnel");
        close("target 9", f.target, 0.32, 1e-12);
        close_opt("phi 9", f.phi, 1.6833632407736, 1e-9);
        assert!(!f.overdispersed);
        assert_eq!(f.tau2, 0.0);
        let p = funnel_proportions(&nine, &FunnelOptions::funnelplotr()).expect("funnel");
        close("tau2 9, no minimum", p.tau2, 0.00190831135570134, 1e-12);
    }

    /// tests/testthat/test-build_limits_lookup.R (PR case): `build_limits_lookup(10, 250,
    /// 0.2, 1.0, draw_adjusted = FALSE, tau2 = 0, data_type = "PR", sr_method = "SHMI",
    /// multiplier = 1, target = 0.5)` has 1000 rows with `ul95[1] < 1` and `ll95[1] > 0`;
    /// the exact rows and column sums printed from that call are in
    /// `reference::LOOKUP_HALF`. Here two units at p = 0.5 (n 10 and 250) give target 0.5,
    /// φ = 0 and the grid seq(3, 250, length.out = 1000) plus n = 10.
    #[test]
    fn limits_lookup_target_half() {
        let units = pr_units(&[("x", 5.0, 10.0), ("y", 125.0, 250.0)]);
        let f = funnel_proportions(&units, &FunnelOptions::funnelplotr()).expect("funnel");
        assert_eq!(f.target, 0.5);
        assert_eq!(f.curve.len(), LOOKUP_HALF_ROWS + 1);
        let first = &f.curve[0];
        assert!(first.ul95 < 1.0 && first.ll95 > 0.0);
        for row in &LOOKUP_HALF[..3] {
            let p = curve_at(&f, row[0]);
            for (col, e) in [5, 6, 7, 8].into_iter().zip(&row[1..]) {
                close(
                    &format!("n = {} column {col}", row[0]),
                    column(p, col),
                    *e,
                    1e-9,
                );
            }
        }
        let n10 = curve_at(&f, 10.0);
        let sums = LOOKUP_HALF[3];
        close("sum n", col_sum(&f, 0) - 10.0, sums[0], 1e-6);
        for (col, e) in [5, 6, 7, 8].into_iter().zip(&sums[1..]) {
            close(
                &format!("sum of column {col}"),
                col_sum(&f, col) - column(n10, col),
                *e,
                1e-9,
            );
        }
    }

    /// tests/testthat/test-outliers_func.R: a value on a limit is within it
    /// (`rr <= UCL & rr >= LCL` → not an outlier); strictly beyond is outside. In z:
    /// ±1.959964 is as expected, just beyond better/worse; likewise at 3.090232.
    #[test]
    fn band_boundaries_follow_outliers_func() {
        assert_eq!(band(Z95, true), Band::AsExpected);
        assert_eq!(band(-Z95, true), Band::AsExpected);
        assert_eq!(band(Z95 + 1e-9, true), Band::Better);
        assert_eq!(band(-Z95 - 1e-9, true), Band::Worse);
        assert_eq!(band(Z998, true), Band::Better);
        assert_eq!(band(-Z998, true), Band::Worse);
        assert_eq!(band(Z998 + 1e-9, true), Band::MuchBetter);
        assert_eq!(band(-Z998 - 1e-9, true), Band::MuchWorse);
        assert_eq!(band(0.0, true), Band::AsExpected);
        assert_eq!(band(2.5, false), Band::Worse);
        assert_eq!(band(-2.5, false), Band::Better);
        assert_eq!(band(4.0, false), Band::MuchWorse);
        assert_eq!(band(-4.0, false), Band::MuchBetter);
        assert_eq!(band(f64::NAN, true), Band::AsExpected);
    }

    /// R 4.2.2, type-7 quantiles: `quantile(c(5, 1, 4, 2, 3), c(0, 0.1, 0.9, 1))` →
    /// 1.0 1.4 4.6 5.0; `quantile(c(2, 2, 7), 0.1)` → 2; `quantile(7, 0.9)` → 7.
    #[test]
    fn quantile_is_r_type_7() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        for (p, q) in [(0.0, 1.0), (0.1, 1.4), (0.9, 4.6), (1.0, 5.0)] {
            close_opt(&format!("q{p}"), quantile7(&x, p), q, 1e-12);
        }
        assert_eq!(quantile7(&[2.0, 2.0, 7.0], 0.1), Some(2.0));
        assert_eq!(quantile7(&[7.0], 0.9), Some(7.0));
        assert_eq!(quantile7(&[], 0.5), None);
    }

    /// No units, or all with n = 0 → None.
    #[test]
    fn no_units_is_none() {
        let opts = FunnelOptions::default();
        assert_eq!(funnel_proportions(&[], &opts), None);
        assert_eq!(funnel_means(&[], &opts), None);
        let zero = pr_units(&[("a", 0.0, 0.0), ("b", 3.0, 0.0)]);
        assert_eq!(funnel_proportions(&zero, &opts), None);
        let zero_means = [UnitInput::mean("a", 0.0, 7.0, Some(1.0))];
        assert_eq!(funnel_means(&zero_means, &opts), None);
    }

    /// A single unit: z = 0, φ = 0 (reported), no adjustment, also with no minimum
    /// (FunnelPlotR's DL denominator is then 0/0 = NaN, unused because φ ≤ 1).
    #[test]
    fn single_unit() {
        for opts in [FunnelOptions::default(), FunnelOptions::funnelplotr()] {
            let f = funnel_proportions(&pr_units(&[("a", 30.0, 100.0)]), &opts).expect("funnel");
            close("target", f.target, 0.3, 1e-15);
            close_opt("z", f.units[0].z, 0.0, 1e-12);
            assert_eq!(f.phi, Some(0.0));
            assert!(!f.overdispersed);
            assert_eq!(f.tau2, 0.0);
            assert_eq!(f.units[0].band, Some(Band::AsExpected));
            let m =
                funnel_means(&[UnitInput::mean("a", 20.0, 7.5, Some(1.2))], &opts).expect("means");
            close_opt("mean z", m.units[0].z, 0.0, 1e-12);
            assert_eq!(m.phi, Some(0.0));
            assert!(!m.overdispersed);
        }
        assert_eq!(dl_tau2(1, 0.0, &[0.05]), 0.0);
        assert_eq!(dl_tau2(1, 5.0, &[0.05]), 0.0);
    }

    /// A unit with n = 0 (and invalid ones) is left out of everything and reported with no
    /// z: dataset A plus such units gives dataset A's numbers.
    #[test]
    fn left_out_units_change_nothing() {
        let opts = FunnelOptions::default();
        let base = funnel_proportions(&units_of(&A), &opts).expect("funnel");
        let odd = |name: &str, n: f64, value: f64| UnitInput {
            name: name.into(),
            n,
            value,
            sd: None,
            banded: true,
        };
        let mut units = units_of(&A);
        units.insert(0, UnitInput::proportion("zero", 0.0, 0.0));
        units.push(odd("negative", -5.0, 0.5));
        units.push(odd("nan value", 10.0, f64::NAN));
        units.push(odd("above one", 10.0, 1.5));
        units.push(odd("below zero", 10.0, -0.1));
        units.push(odd("infinite n", f64::INFINITY, 0.5));
        let f = funnel_proportions(&units, &opts).expect("funnel");
        assert_eq!(f.target, base.target);
        assert_eq!(f.phi, base.phi);
        assert_eq!(f.tau2, base.tau2);
        assert_eq!(f.curve, base.curve);
        assert_eq!(f.units.len(), 18);
        assert_eq!(&f.units[1..13], &base.units[..]);
        for u in f.units.iter().filter(|u| u.name.len() > 3) {
            assert_eq!(u.z, None, "{}", u.name);
            assert_eq!(u.z_adjusted, None);
            assert_eq!([u.ll95, u.ul95, u.ll998, u.ul998], [None; 4]);
            assert_eq!(u.band, None);
        }
        assert_eq!(f.units[0].name, "zero");
    }

    /// `banded = false` units count in the target and φ but get no band.
    #[test]
    fn unbanded_units_count_but_get_no_band() {
        let opts = FunnelOptions::default();
        let base = funnel_proportions(&units_of(&A), &opts).expect("funnel");
        let mut units = units_of(&A);
        units[7].banded = false; // u08, the one outside its limits
        let f = funnel_proportions(&units, &opts).expect("funnel");
        assert_eq!(f.target, base.target);
        assert_eq!(f.phi, base.phi);
        assert_eq!(f.tau2, base.tau2);
        assert_eq!(f.units[7].band, None);
        assert_eq!(f.units[7].z_adjusted, base.units[7].z_adjusted);
        assert_eq!(base.units[7].band, Some(Band::Worse));
        assert_eq!(f.units[0].band, base.units[0].band);
    }

    /// Adjustment switched off: φ not reported, τ² 0, z_adjusted = z, bands from z.
    #[test]
    fn overdispersion_off() {
        let opts = FunnelOptions {
            overdispersion: false,
            ..FunnelOptions::default()
        };
        let f = funnel_proportions(&units_of(&A), &opts).expect("funnel");
        assert_eq!(f.phi, None);
        assert_eq!(f.tau2, 0.0);
        assert!(!f.overdispersed);
        for (u, r) in f.units.iter().zip(A.units) {
            close_opt(&format!("{} z", r.0), u.z, r.3, 1e-9);
            assert_eq!(u.z_adjusted, u.z);
            assert_eq!(u.band, Some(band(r.3, true)));
        }
        // Unadjusted, u08 (z = −3.447) is beyond the 99.8 % limit.
        assert_eq!(unit(&f, "u08").band, Some(Band::MuchWorse));
        assert!(f.curve.iter().all(|p| p.od_ll95.is_none()));
    }

    /// Hand-worked means, 3 units:
    ///   A: n 10, mean 6, sd √3;  B: n 10, mean 8, sd √5;  C: n 20, mean 9, sd 2.
    ///   target = (60 + 80 + 180) / 40 = 8.
    ///   σ² = (9·3 + 9·5 + 19·4) / (9 + 9 + 19) = 148 / 37 = 4, σ = 2.
    ///   s = 2/√10, 2/√10, 2/√20 → z = −√10 = −3.16228, 0, √5 = 2.23607.
    ///   Bands (k = 3 < 10, no adjustment): much worse, as expected, better.
    ///   Winsorising, R type 7 on (−√10, 0, √5): q0.1 = 0.8·(−√10), q0.9 = 0.8·√5, so
    ///   z_w = (−0.8√10, 0, 0.8√5) and φ = (6.4 + 0 + 3.2) / 3 = 3.2.
    ///   Limits at A (n 10): 8 ± 1.959964·√0.4 and 8 ± 3.090232·√0.4.
    ///   With no minimum (FunnelOptions::funnelplotr): w = n/σ² = 2.5, 2.5, 5;
    ///   Σw = 10, Σw² = 37.5, Σw − Σw²/Σw = 6.25; τ² = (3·3.2 − 2) / 6.25 = 1.216;
    ///   z_adj A = −2/√(0.4 + 1.216) = −1.57329, C = 1/√(0.2 + 1.216) = 0.84037:
    ///   all as expected.
    #[test]
    fn means_hand_worked() {
        let units = [
            UnitInput::mean("A", 10.0, 6.0, Some(3f64.sqrt())),
            UnitInput::mean("B", 10.0, 8.0, Some(5f64.sqrt())),
            UnitInput::mean("C", 20.0, 9.0, Some(2.0)),
        ];
        let f = funnel_means(&units, &FunnelOptions::default()).expect("funnel");
        close("target", f.target, 8.0, 1e-12);
        close_opt("zA", f.units[0].z, -(10f64.sqrt()), 1e-12);
        close_opt("zB", f.units[1].z, 0.0, 1e-12);
        close_opt("zC", f.units[2].z, 5f64.sqrt(), 1e-12);
        close_opt("phi", f.phi, 3.2, 1e-12);
        assert!(!f.overdispersed);
        assert_eq!(f.tau2, 0.0);
        assert_eq!(
            bands(&f),
            [Band::MuchWorse, Band::AsExpected, Band::Better].map(Some)
        );
        let a = &f.units[0];
        close_opt("A ll95", a.ll95, 8.0 - 1.959964 * 0.4f64.sqrt(), 1e-12);
        close_opt("A ul95", a.ul95, 8.0 + 1.959964 * 0.4f64.sqrt(), 1e-12);
        close_opt("A ll998", a.ll998, 8.0 - 3.090232 * 0.4f64.sqrt(), 1e-12);
        close_opt("A ul998", a.ul998, 8.0 + 3.090232 * 0.4f64.sqrt(), 1e-12);

        let p = funnel_means(&units, &FunnelOptions::funnelplotr()).expect("funnel");
        assert!(p.overdispersed);
        close("tau2", p.tau2, 1.216, 1e-12);
        close_opt(
            "zA adj",
            p.units[0].z_adjusted,
            -2.0 / 1.616f64.sqrt(),
            1e-12,
        );
        close_opt(
            "zC adj",
            p.units[2].z_adjusted,
            1.0 / 1.416f64.sqrt(),
            1e-12,
        );
        close_opt(
            "A od ll95",
            p.units[0].od_ll95,
            8.0 - 1.959964 * 1.616f64.sqrt(),
            1e-12,
        );
        close_opt(
            "A od ul998",
            p.units[0].od_ul998,
            8.0 + 3.090232 * 1.616f64.sqrt(),
            1e-12,
        );
        assert!(p.units.iter().all(|u| u.band == Some(Band::AsExpected)));
    }

    /// Means, 12 units: this module's z for means, put through FunnelPlotR 0.6.0's own
    /// internal Winsorisation, φ and τ² functions (R 4.2.2):
    ///
    ///   n  <- c(25, 40, 60, 15, 80, 35, 50, 120, 30, 45, 70, 20)
    ///   m  <- c(8.1, 7.6, 8.4, 6.9, 8.0, 8.9, 7.2, 8.2, 7.9, 8.6, 7.7, 9.1)
    ///   sd <- c(1.2, 1.5, 1.1, 1.8, 1.3, 1.0, 1.6, 1.2, 1.4, 1.1, 1.3, 0.9)
    ///   target <- sum(n * m) / sum(n)
    ///   sigma <- sqrt(sum((n - 1) * sd^2) / sum(n - 1)); s <- sigma / sqrt(n)
    ///   z <- (m - target) / s
    ///   w <- FunnelPlotR:::winsorisation(data.frame(Uzscore = z), 0.1)$Wuzscore
    ///   phi <- FunnelPlotR:::phi_func(12, w); tau2 <- FunnelPlotR:::tau_func(12, phi, s)
    ///   zadj <- (m - target) / sqrt(s^2 + tau2)
    ///   lim <- target + c(-1, 1, -1, 1) * c(1.959964, 1.959964, 3.090232, 3.090232) *
    ///          sqrt(sigma^2 / n[1] + tau2)
    ///   n_seq <- sort(unique(c(seq(3, 120, length.out = 1000), n)))
    ///   sum(target + 1.959964 * sqrt(sigma^2 / n_seq + tau2))
    ///   sum(target - 1.959964 * sqrt(sigma^2 / n_seq))
    ///
    /// The last unit's z_adj is 1.9798, just beyond 1.959964: better.
    #[test]
    fn means_match_base_r_with_package_internals() {
        let r = &MEANS;
        let units: Vec<UnitInput> = (0..12)
            .map(|i| UnitInput::mean(format!("m{i}"), r.n[i], r.mean[i], Some(r.sd[i])))
            .collect();
        let f = funnel_means(&units, &FunnelOptions::default()).expect("funnel");
        close("target", f.target, r.target, 1e-12);
        close_opt("phi", f.phi, r.phi, 1e-9);
        assert!(f.overdispersed);
        close("tau2", f.tau2, r.tau2, 1e-12);
        for (w, e) in winsorise(&r.z, TRIM_BY).iter().zip(r.z_winsorised) {
            close("Wuzscore", *w, e, 1e-9);
        }
        for (i, u) in f.units.iter().enumerate() {
            close_opt(&format!("z{i}"), u.z, r.z[i], 1e-9);
            close_opt(&format!("zadj{i}"), u.z_adjusted, r.z_adjusted[i], 1e-9);
            assert_eq!(u.band, Some(band(r.z_adjusted[i], true)), "band {i}");
            close_opt(
                &format!("ll95 {i}"),
                u.ll95,
                r.target - Z95 * r.sigma / r.n[i].sqrt(),
                1e-9,
            );
        }
        assert_eq!(f.units[11].band, Some(Band::Better));
        assert_eq!(f.units[3].band, Some(Band::Worse));
        let u0 = &f.units[0];
        let od = [u0.od_ll95, u0.od_ul95, u0.od_ll998, u0.od_ul998];
        for (g, e) in od.iter().zip(r.od_limits_first) {
            close_opt("od limit", *g, e, 1e-9);
        }
        assert_eq!(f.curve.len(), r.curve_rows);
        close(
            "curve sum od ul95",
            col_sum(&f, 2),
            r.curve_sum_od_ul95,
            1e-8,
        );
        close("curve sum ll95", col_sum(&f, 5), r.curve_sum_ll95, 1e-8);
    }

    /// Means without a usable pooled sd → None; units with n = 1 or no sd still take part.
    #[test]
    fn means_need_a_pooled_sd() {
        let opts = FunnelOptions::default();
        let m = UnitInput::mean;
        assert_eq!(
            funnel_means(&[m("a", 10.0, 7.0, None), m("b", 12.0, 8.0, None)], &opts),
            None
        );
        assert_eq!(
            funnel_means(
                &[m("a", 1.0, 7.0, Some(2.0)), m("b", 1.0, 8.0, Some(2.0))],
                &opts
            ),
            None
        );
        assert_eq!(
            funnel_means(
                &[m("a", 10.0, 7.0, Some(0.0)), m("b", 12.0, 8.0, Some(0.0))],
                &opts
            ),
            None
        );
        // σ from b alone (n 5, sd 2 → σ = 2; a's n is 1, c has no sd, d's sd is invalid);
        // all four count in the target: (10 + 40 + 28 + 12) / 12 = 7.5.
        let mixed = [
            m("a", 1.0, 10.0, Some(3.0)),
            m("b", 5.0, 8.0, Some(2.0)),
            m("c", 4.0, 7.0, None),
            m("d", 2.0, 6.0, Some(-1.0)),
        ];
        let f = funnel_means(&mixed, &opts).expect("funnel");
        close("target", f.target, 7.5, 1e-12);
        close_opt("z a", f.units[0].z, (10.0 - 7.5) / 2.0, 1e-12);
        close_opt("z c", f.units[2].z, (7.0 - 7.5) / (2.0 / 2.0), 1e-12);
        close_opt(
            "z d",
            f.units[3].z,
            (6.0 - 7.5) / (2.0 / 2f64.sqrt()),
            1e-12,
        );
    }

    /// The curve is R's seq(3, ceiling(max n), length.out = 1000) merged with the units'
    /// n; seq.default computes from + (1:998) * ((to − from) / 999) between the ends.
    #[test]
    fn grid_is_r_seq_merged_with_units() {
        let g = grid(&[10.0, 250.0, 40.5], CURVE_POINTS);
        assert_eq!(g.len(), 1002); // 250 is the last grid point; 10 and 40.5 are new
        assert_eq!(g[0], 3.0);
        assert_eq!(g[g.len() - 1], 250.0);
        assert!(g.windows(2).all(|w| w[0] < w[1]));
        close("second", g[1], 3.0 + 247.0 / 999.0, 1e-12);
        assert!(g.contains(&10.0) && g.contains(&40.5));
        let h = grid(&[40.5], CURVE_POINTS); // ceiling(40.5) = 41
        assert_eq!(h[h.len() - 1], 41.0);
        assert_eq!(h.len(), 1001);
        // Largest n below 3: R's seq runs downwards; merged and sorted it spans [n, 3].
        let s = grid(&[2.0], CURVE_POINTS);
        assert_eq!((s[0], s[s.len() - 1], s.len()), (2.0, 3.0, 1000));
        assert_eq!(grid(&[], CURVE_POINTS), Vec::<f64>::new());
        assert_eq!(grid(&[3.0], CURVE_POINTS), vec![3.0]);
        assert_eq!(grid(&[9.0], 2), vec![3.0, 9.0]);
    }

    /// JSON shape: bands in snake_case, None as null.
    #[test]
    fn serialises() {
        let units = pr_units(&[("a", 3.0, 10.0), ("z", 0.0, 0.0)]);
        let f = funnel_proportions(&units, &FunnelOptions::default()).expect("funnel");
        let json = serde_json::to_value(&f).expect("json");
        assert_eq!(json["units"][0]["band"], "as_expected");
        assert!(json["units"][1]["z"].is_null());
        assert!(json["curve"][0]["od_ll95"].is_null());
        assert_eq!(
            serde_json::to_value(Band::MuchWorse).expect("json"),
            "much_worse"
        );
        assert_eq!(
            serde_json::to_value(Band::MuchBetter).expect("json"),
            "much_better"
        );
    }

    /// Never panics, and what comes back is still a funnel, over many pseudo-random sets
    /// of units mixing ordinary ones with extreme, non-finite and out-of-range n, values
    /// and sds: one result per unit in input order; a unit left out (see the module
    /// documentation) has no z, no limits and no band, an unbanded one no band; a unit's
    /// limits, where numbers, are ordered (99.8 % outside 95 %); the curve ascends in n.
    #[test]
    fn never_panics() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let odd = [
            f64::NAN,
            f64::INFINITY,
            -1.0,
            0.0,
            1e-300,
            1e300,
            f64::MAX,
            1.5,
        ];
        let mut funnels = 0;
        for _ in 0..600 {
            // One number in six is odd.
            let number = |r: u64, ordinary: f64| {
                if r % 6 == 0 {
                    odd[(r / 6 % 8) as usize]
                } else {
                    ordinary
                }
            };
            let k = (next() % 16) as usize;
            let units: Vec<UnitInput> = (0..k)
                .map(|i| {
                    let n = number(next(), 1.0 + (next() % 500) as f64);
                    let value = number(next(), (next() % 1001) as f64 / 1000.0);
                    let sd =
                        (next() % 4 != 0).then(|| number(next(), (next() % 300) as f64 / 100.0));
                    UnitInput {
                        name: format!("u{i}"),
                        n,
                        value,
                        sd,
                        banded: next() % 5 != 0,
                    }
                })
                .collect();
            let opts = match next() % 3 {
                0 => FunnelOptions::default(),
                1 => FunnelOptions::funnelplotr(),
                _ => FunnelOptions {
                    higher_is_better: false,
                    overdispersion: false,
                    ..FunnelOptions::default()
                },
            };
            let proportions = funnel_proportions(&units, &opts).map(|f| (f, true));
            let means = funnel_means(&units, &opts).map(|f| (f, false));
            for (f, proportion) in [proportions, means].into_iter().flatten() {
                funnels += 1;
                assert_eq!(f.units.len(), units.len());
                for (u, input) in f.units.iter().zip(&units) {
                    assert_eq!(u.name, input.name);
                    let taking_part = input.n.is_finite()
                        && input.n > 0.0
                        && input.value.is_finite()
                        && (!proportion || (0.0..=1.0).contains(&input.value));
                    let limits = [u.ll998, u.ll95, u.ul95, u.ul998];
                    if !taking_part {
                        assert_eq!((u.z, u.band, limits), (None, None, [None; 4]), "{u:?}");
                    }
                    if !input.banded || u.z_adjusted.is_none() {
                        assert_eq!(u.band, None, "{u:?}");
                    }
                    if let [Some(a), Some(b), Some(c), Some(d)] = limits {
                        if [a, b, c, d].iter().all(|x| x.is_finite()) {
                            assert!(a <= b && b <= c && c <= d, "{u:?}");
                        }
                    }
                }
                assert!(f.curve.windows(2).all(|w| w[0].n <= w[1].n));
            }
        }
        assert!(funnels > 300, "only {funnels} funnels formed");
    }
}

/// Reference numbers printed by R (see the comment at the top of `tests`), kept in R's
/// layout. Numbers are R's, rounded to 15 significant digits.
#[cfg(test)]
#[rustfmt::skip]
mod reference {
    /// One unit as FunnelPlotR reports it: group, numerator, denominator, Uzscore,
    /// Wuzscore, outlier at limit = 95, outlier at limit = 99, [LCL95, UCL95, LCL99,
    /// UCL99], [OD95LCL, OD95UCL, OD99LCL, OD99UCL] when adjusted.
    pub type Row = (&'static str, f64, f64, f64, f64, bool, bool, [f64; 4], Option<[f64; 4]>);

    /// A proportions dataset through FunnelPlotR 0.6.0.
    pub struct Dataset {
        pub target: f64,
        pub phi: f64,
        /// `tau2(fp)`: the package's DL value, reported even when not applied.
        pub tau2: f64,
        pub draw_adjusted: bool,
        pub units: &'static [Row],
        pub curve_rows: usize,
        /// Rows of `limits(fp)`: number_seq, odll95, odul95, odll998, odul998, ll95, ul95,
        /// ll998, ul998.
        pub curve: &'static [[f64; 9]],
        /// `colSums(limits(fp))`, same columns.
        pub curve_sums: [f64; 9],
        /// Fold artefacts: (column as above, number_seq, the package's value).
        pub folds: &'static [(usize, f64, f64)],
    }

    /// The 12-unit means example.
    pub struct Means {
        pub n: [f64; 12],
        pub mean: [f64; 12],
        pub sd: [f64; 12],
        pub target: f64,
        pub sigma: f64,
        pub phi: f64,
        pub tau2: f64,
        pub z: [f64; 12],
        pub z_winsorised: [f64; 12],
        pub z_adjusted: [f64; 12],
        /// od ll95, od ul95, od ll998, od ul998 at the first unit (n = 25).
        pub od_limits_first: [f64; 4],
        pub curve_rows: usize,
        pub curve_sum_od_ul95: f64,
        pub curve_sum_ll95: f64,
    }

    /// Dataset A: 12 units, overdispersed.
    pub const A: Dataset = Dataset {
        target: 0.32089552238806, phi: 1.53147899321494, tau2: 0.00155325889437158, draw_adjusted: true,
        // group, numerator, denominator, Uzscore, Wuzscore, outlier (95), outlier (99), [LCL95, UCL95, LCL99, UCL99], [OD95LCL, OD95UCL, OD99LCL, OD99UCL]
        units: &[
            ("u01", 12.0, 50.0, -1.27634264714602, -1.27634264714602, false, false, [0.199988599811424, 0.45547501966567, 0.140148778048031, 0.535308566950478], Some([0.184176575138801, 0.475498795141238, 0.118910958213029, 0.566786452475064])),
            ("u02", 30.0, 80.0, 1.01668275307134, 1.01668275307134, false, false, [0.223700466700892, 0.426656499995295, 0.173383216314031, 0.489575554557181], Some([0.203627330721457, 0.450961760956948, 0.145147643501333, 0.528175712368704])),
            ("u03", 45.0, 150.0, -0.553192807043113, -0.553192807043113, false, false, [0.248796994552141, 0.39757108622497, 0.21002584915155, 0.443107259022645], Some([0.222325422625287, 0.428290670422789, 0.171415941664904, 0.492179221069474])),
            ("u04", 8.0, 40.0, -1.75286484024613, -1.70521262093612, false, false, [0.187065063052454, 0.471789327017315, 0.122728512041355, 0.56097769376576], Some([0.173090846704035, 0.489961744036899, 0.10454132951406, 0.589322426213558])),
            ("u05", 60.0, 200.0, -0.638772032120212, -0.638772032120212, false, false, [0.258122874193467, 0.387102780266786, 0.223958153279561, 0.426350739472734], Some([0.228547428193883, 0.420930784313532, 0.180353489692552, 0.480445406245008])),
            ("u06", 22.0, 60.0, 0.746835486194754, 0.746835486194754, false, false, [0.209735141478572, 0.443461894364559, 0.15362472308653, 0.516296310024364], Some([0.192331372676567, 0.465086461898224, 0.129761940330444, 0.550454389707664])),
            ("u07", 90.0, 250.0, 1.3053049443532, 1.3053049443532, false, false, [0.264551254003094, 0.379988358508866, 0.233648070995427, 0.414962680976016], Some([0.232536243591779, 0.416258655831661, 0.186130059392924, 0.472987486351746])),
            ("u08", 15.0, 90.0, -3.44731411435814, -1.70521262093612, true, false, [0.228944528899779, 0.420464057363164, 0.180926962278392, 0.479700686241672], Some([0.207726467410752, 0.445918023289031, 0.150825243724204, 0.52019014743083])),
            ("u09", 40.0, 100.0, 1.64990921722706, 1.61544878993968, false, false, [0.233414122999693, 0.415235149737844, 0.187406135175367, 0.471352874931318], Some([0.211148459299621, 0.441739742892938, 0.155601119097664, 0.513564181967047])),
            ("u10", 5.0, 20.0, -0.703243079671878, -0.703243079671878, false, false, [0.139719822291144, 0.535925232979513, 0.0644725951744474, 0.659487615142169], Some([0.130682783359505, 0.549093112432622, 0.0546186007739767, 0.679092495036771])),
            ("u11", 70.0, 180.0, 1.90856116598109, 1.61544878993968, false, false, [0.254849127887059, 0.390757471003202, 0.219049903793076, 0.432201229687114], Some([0.226418165524723, 0.423439475830263, 0.177284696025608, 0.484447119476549])),
            ("u12", 33.0, 120.0, -1.10000760594906, -1.10000760594906, false, false, [0.240676266580821, 0.406833020028119, 0.198025265763788, 0.457924544204002], Some([0.216550422655117, 0.435202333361184, 0.163204545007426, 0.503179415461706])),
        ],
        curve_rows: 1011,
        // limits(a95)[c(1, 2, 500, nrow), ]: number_seq, odll95, odul95, odll998, odul998, ll95, ul95, ll998, ul998
        curve: &[
            [3.0, 0.000972019365657869, 0.850120166445588, 0.0, 0.995352688411103, 0.00132662127882359, 0.846353937480883, 0.0, 0.994159241784659],
            [3.24724724724725, 0.00279988335067361, 0.834261639716393, 0.0, 0.98952501694506, 0.00340635523910481, 0.830182342521633, 0.0, 0.987700166512548],
            [124.398398398398, 0.217542394857316, 0.434009502739706, 0.164609050228236, 0.501282430646836, 0.242041942439199, 0.405265682844124, 0.200034391228697, 0.455418009317079],
            [250.0, 0.232536243591779, 0.416258655831661, 0.186130059392924, 0.472987486351746, 0.264551254003094, 0.379988358508866, 0.233648070995427, 0.414962680976016],
        ],
        curve_sums: [127590.0, 204.368644330449, 460.988753525547, 148.639812191432, 539.62242939379, 227.318806551816, 433.774563540123, 181.425036837509, 496.479067055543],
        folds: &[(7, 6.46146146146146, 3.16432554382521e-05)],
    };

    /// Dataset B: 12 units, φ just under 1 (the package does not adjust; its `tau2()` is still > 0).
    pub const B: Dataset = Dataset {
        target: 0.304, phi: 0.947152563522679, tau2: 2.26069545485396e-05, draw_adjusted: false,
        // group, numerator, denominator, Uzscore, Wuzscore, outlier (95), outlier (99), [LCL95, UCL95, LCL99, UCL99], [OD95LCL, OD95UCL, OD99LCL, OD99UCL]
        units: &[
            ("b01", 22.0, 100.0, -1.91581216357349, -1.44405680533417, false, false, [0.218173761572936, 0.397331425892843, 0.173390598568933, 0.45317801149115], None),
            ("b02", 53.0, 150.0, 1.28711976705558, 1.24645941900041, false, false, [0.233206996788349, 0.379801806275403, 0.195372413111172, 0.425039584934122], None),
            ("b03", 56.0, 200.0, -0.74662117740577, -0.74662117740577, false, false, [0.242334016759263, 0.369424591105074, 0.208946739414736, 0.408374625553858], None),
            ("b04", 82.0, 250.0, 0.81635784858776, 0.81635784858776, false, false, [0.248630848990001, 0.362377000302254, 0.218402183609332, 0.397060849298084], None),
            ("b05", 93.0, 300.0, 0.225310142969378, 0.225310142969378, false, false, [0.253313575100081, 0.357193501091447, 0.225478323008391, 0.388744173351559], None),
            ("b06", 94.0, 350.0, -1.46693743337194, -1.44405680533417, false, false, [0.256972888791346, 0.353176361327704, 0.231032977428113, 0.382302613414594], None),
            ("b07", 134.0, 400.0, 1.33002016979465, 1.24645941900041, false, false, [0.259935053515218, 0.349945755394793, 0.235544794752871, 0.377125174874807], None),
            ("b08", 133.0, 450.0, -0.390993328399791, -0.390993328399791, false, false, [0.26239698615794, 0.347274992676964, 0.239304811837073, 0.372847190336786], None),
            ("b09", 158.0, 500.0, 0.580201982579333, 0.580201982579333, false, false, [0.264485538713988, 0.345019349303005, 0.2425015811922, 0.36923588187298], None),
            ("b10", 154.0, 550.0, -1.23813115299416, -1.23813115299416, false, false, [0.266286620352594, 0.34308153930253, 0.245263377877299, 0.36613480761533], None),
            ("b11", 181.0, 600.0, -0.124389290121019, -0.124389290121019, false, false, [0.267860767029792, 0.341393440159198, 0.24768092705829, 0.363434452028099], None),
            ("b12", 208.0, 650.0, 0.880516286503869, 0.880516286503869, false, false, [0.269252034252414, 0.339905742981, 0.249820460074478, 0.361055567953268], None),
        ],
        curve_rows: 1011,
        // limits(a95)[c(1, 2, 500, nrow), ]: number_seq, odll95, odul95, odll998, odul998, ll95, ul95, ll998, ul998
        curve: &[
            [3.0, 0.000328525324657731, 0.833037688553029, 0.0, 0.991076314845458, 0.000331312615899496, 0.832980445520139, 0.0, 0.991053543206578],
            [3.64764764764765, 0.00500425028448462, 0.791975577757064, 0.0, 0.968769127944345, 0.00501619920352505, 0.791906881943399, 0.0, 0.968722698648993],
            [322.937937937938, 0.254406730426306, 0.355990395955746, 0.227135429046218, 0.386814589268358, 0.255095623606805, 0.355233554196812, 0.228180708205457, 0.385600900658071],
            [650.0, 0.268264749059685, 0.340961044610431, 0.248301909829368, 0.362742946432169, 0.269252034252414, 0.339905742981, 0.249820460074478, 0.361055567953268],
        ],
        curve_sums: [330350.0, 243.791949570149, 377.244732100762, 211.810047457271, 418.003787341763, 244.449651436264, 376.518564515559, 212.80344665284, 416.841751781173],
        folds: &[(3, 6.88588588588588, 2.50554083317468e-05), (7, 6.88588588588588, 2.3254067612741e-05)],
    };

    /// Dataset B2: as B with 1.16 for 1.12, φ just over 1 (the package adjusts).
    pub const B2: Dataset = Dataset {
        target: 0.304444444444444, phi: 1.00837085074546, tau2: 6.80036520221732e-05, draw_adjusted: true,
        // group, numerator, denominator, Uzscore, Wuzscore, outlier (95), outlier (99), [LCL95, UCL95, LCL99, UCL99], [OD95LCL, OD95UCL, OD99LCL, OD99UCL]
        units: &[
            ("b01", 22.0, 100.0, -1.92547237794103, -1.46258767202056, false, false, [0.21857286567803, 0.397804192110956, 0.173756471746202, 0.453658921511024], Some([0.21747957209989, 0.39910050462645, 0.172177509852169, 0.455737705695068])),
            ("b02", 53.0, 150.0, 1.27528846905239, 1.24175145126823, false, false, [0.233615625500932, 0.380270708621633, 0.195755570244066, 0.425517171569833], Some([0.232249396097256, 0.381840391641666, 0.193737505674271, 0.428037731668643])),
            ("b03", 55.0, 200.0, -0.918203283687759, -0.918203283687759, false, false, [0.242748072588207, 0.369890901244692, 0.209339617229389, 0.40884949974608], Some([0.241154955375186, 0.371687689622553, 0.20695847177429, 0.411734480550545])),
            ("b04", 83.0, 250.0, 0.935588404587503, 0.935588404587503, false, false, [0.249048499352509, 0.362841418308698, 0.218801438092358, 0.397533560726833], Some([0.247257883648978, 0.364835835773072, 0.216105203460755, 0.400734435625686])),
            ("b05", 93.0, 300.0, 0.208578160872797, 0.208578160872797, false, false, [0.253733821521446, 0.357656458578944, 0.225882148435286, 0.389215126844483], Some([0.251766622621022, 0.359827546332102, 0.222904749579062, 0.392697703007567])),
            ("b06", 94.0, 350.0, -1.485010039595, -1.46258767202056, false, false, [0.257395119028961, 0.353638146395941, 0.231440274586773, 0.382772106299374], Some([0.255267235164658, 0.355969981335133, 0.22820738095337, 0.386510561048942])),
            ("b07", 135.0, 400.0, 1.4165366823533, 1.24175145126823, false, false, [0.26035886121165, 0.350406571714438, 0.235954838491806, 0.377593430524471], Some([0.258082924826022, 0.352886505849043, 0.232486778927486, 0.381567339176588])),
            ("b08", 133.0, 450.0, -0.411485737660795, -0.411485737660795, false, false, [0.262822085797631, 0.347734990590936, 0.239717095285167, 0.373314380806666], Some([0.260408459891991, 0.35035265055205, 0.236030504534245, 0.377507044691279])),
            ("b09", 158.0, 500.0, 0.5586010865763, 0.5586010865763, false, false, [0.264911720874579, 0.34547864358682, 0.242915734237229, 0.369702142743903], Some([0.262369113890228, 0.348225313674633, 0.239024563500819, 0.374099565893545])),
            ("b10", 154.0, 550.0, -1.26078636385054, -1.26078636385054, false, false, [0.266713726171671, 0.343540219969496, 0.245679120874022, 0.366600247871458], Some([0.264049595103895, 0.346408437909115, 0.241595297466938, 0.371190470403352])),
            ("b11", 181.0, 600.0, -0.148051886127388, -0.148051886127388, false, false, [0.268288672695966, 0.341851579374682, 0.248098042831029, 0.36389916079258], Some([0.265509500045678, 0.344834858705066, 0.243831921796785, 0.368671803230752])),
            ("b12", 209.0, 650.0, 0.939918291210727, 0.939918291210727, false, false, [0.269680641104274, 0.340363399672828, 0.250238776112042, 0.361519619199088], Some([0.266792132404619, 0.343456031814308, 0.245799461385708, 0.366465558810124])),
        ],
        curve_rows: 1011,
        // limits(a95)[c(1, 2, 500, nrow), ]: number_seq, odll95, odul95, odll998, odul998, ll95, ul95, ll998, ul998
        curve: &[
            [3.0, 0.000340555813737788, 0.833512605851028, 0.0, 0.991212333823503, 0.000349126362049518, 0.833340609646697, 0.0, 0.991144276246965],
            [3.64764764764765, 0.0050485389361246, 0.792505335853991, 0.0, 0.969029807488301, 0.00508467693026587, 0.792298896096144, 0.0, 0.968890631569731],
            [322.937937937938, 0.253474179365798, 0.357942525532711, 0.225488810365665, 0.38967394527856, 0.255516841002759, 0.355695944107426, 0.228586235249399, 0.386071152278837],
            [650.0, 0.266792132404619, 0.343456031814308, 0.245799461385708, 0.366465558810124, 0.269680641104274, 0.340363399672828, 0.250238776112042, 0.361519619199088],
        ],
        curve_sums: [330350.0, 242.920009857285, 379.138103666623, 210.259686166746, 420.756737679345, 244.864713746028, 376.987928019963, 213.194551115885, 417.315823870588],
        folds: &[(3, 6.88588588588588, 2.39162464750505e-05), (7, 6.88588588588588, 1.88290168625576e-05)],
    };

    /// Dataset C: 11 units with a proportion 0 (n = 4) and 1 (n = 5).
    pub const C: Dataset = Dataset {
        target: 0.285118219749652, phi: 1.45877478806337, tau2: 0.00250187019404791, draw_adjusted: true,
        // group, numerator, denominator, Uzscore, Wuzscore, outlier (95), outlier (99), [LCL95, UCL95, LCL99, UCL99], [OD95LCL, OD95UCL, OD99LCL, OD99UCL]
        units: &[
            ("c01", 0.0, 4.0, -2.25313084183886, -2.25313084183886, true, false, [0.00536206341151821, 0.755243519134724, 0.0, 0.94580424309442], Some([0.00403707219302322, 0.763545136856885, 0.0, 0.952527088236868])),
            ("c02", 5.0, 5.0, 4.50573786876422, 1.1435789341617, true, true, [0.0155490931179573, 0.709476364860633, 0.0, 0.903118320487776], Some([0.0129829023734701, 0.719260990368587, 0.0, 0.912983803503234])),
            ("c03", 3.0, 30.0, -2.64585220477205, -2.25313084183886, true, false, [0.140601723338551, 0.456857675718928, 0.0770027772282108, 0.559839069776002], Some([0.123613276945817, 0.48190562761003, 0.057249882779791, 0.598897372272322])),
            ("c04", 10.0, 40.0, -0.501966482719322, -0.501966482719322, false, false, [0.157673167602244, 0.433035133140363, 0.0983428756515458, 0.522181555202922], Some([0.137530518371246, 0.461280786251485, 0.0733134025204778, 0.566780020960046])),
            ("c05", 25.0, 100.0, -0.793678697228304, -0.793678697228304, false, false, [0.201311126494329, 0.377153517309869, 0.157991930067349, 0.43260193793443], Some([0.169757881088224, 0.416888416530482, 0.114204832528969, 0.496437839698767])),
            ("c06", 40.0, 120.0, 1.1435789341617, 1.1435789341617, false, false, [0.208201874010701, 0.36889506390451, 0.167935118404645, 0.419288393171801], Some([0.174209997684987, 0.411077360994269, 0.120187715845781, 0.487138340135266])),
            ("c07", 12.0, 50.0, -0.725633295782258, -0.725633295782258, false, false, [0.169777340800386, 0.41686286052288, 0.114230827094744, 0.496396978509344], Some([0.147030174296283, 0.44773919708357, 0.0848790505681699, 0.545476916907438])),
            ("c08", 60.0, 200.0, 0.462646670607302, 0.462646670607302, false, false, [0.224809172086269, 0.349547963071972, 0.192359133640067, 0.388096650240946], Some([0.183920538700195, 0.398644567992788, 0.133473460897189, 0.467192605585])),
            ("c09", 30.0, 90.0, 0.990368408216763, 0.990368408216763, false, false, [0.197076824325685, 0.382298810896946, 0.151943163926222, 0.440892615356977], Some([0.166916485046965, 0.420634962479776, 0.110424344263897, 0.502424460141067])),
            ("c10", 18.0, 70.0, -0.526671019524446, -0.526671019524446, false, false, [0.186190364553162, 0.395784524359621, 0.136623065535418, 0.462596206366826], Some([0.159284433410317, 0.430849591534419, 0.100424080382809, 0.518706200532437])),
            ("c11", 2.0, 10.0, -0.63014771102423, -0.63014771102423, false, false, [0.0628417107282073, 0.587331812469952, 0.00556586856201473, 0.754053823014305], Some([0.0556964088733396, 0.602193632050953, 0.00257926098117649, 0.774312166988063])),
        ],
        curve_rows: 1010,
        // limits(a95)[c(1, 2, 500, nrow), ]: number_seq, odll95, odul95, odll998, odul998, ll95, ul95, ll998, ul998
        curve: &[
            [3.0, 0.0, 0.82371815135027, 0.0, 0.989601945831179, 6.30089521932397e-06, 0.817247443193921, 0.0, 0.986732589564875],
            [3.1971971971972, 4.24725223363313e-05, 0.810218671459984, 0.0, 0.98327879068314, 0.000231510203643342, 0.80334989850999, 0.0, 0.979580119554854],
            [99.8238238238238, 0.169711989495408, 0.416948690438748, 0.114143535384602, 0.496534209596853, 0.201241810361539, 0.377237308563243, 0.157892526345492, 0.432736983017572],
            [200.0, 0.183920538700195, 0.398644567992788, 0.133473460897189, 0.467192605585, 0.224809172086269, 0.349547963071972, 0.192359133640067, 0.388096650240946],
        ],
        curve_sums: [102019.0, 157.0316838982, 444.909790656832, 100.996075711208, 536.642968799087, 186.332923451798, 407.407025449727, 140.999619201715, 476.868176954617],
        folds: &[(3, 8.12712712712713, 1.01597220556215e-07), (5, 3.0, 6.30089521932397e-06)],
    };

    /// Dataset D: 6 units, strongly overdispersed (the package adjusts at any number of units).
    pub const D: Dataset = Dataset {
        target: 0.292682926829268, phi: 6.17282226402668, tau2: 0.0119020865979573, draw_adjusted: true,
        // group, numerator, denominator, Uzscore, Wuzscore, outlier (95), outlier (99), [LCL95, UCL95, LCL99, UCL99], [OD95LCL, OD95UCL, OD99LCL, OD99UCL]
        units: &[
            ("a", 10.0, 100.0, -4.9975449407124, -3.9321709481507, true, false, [0.208044845616562, 0.385259546302193, 0.164126749023915, 0.440879869382096], Some([0.108969481430329, 0.52143578582317, 0.0397711109196389, 0.654512977938702])),
            ("b", 45.0, 150.0, 0.19625162232373, 0.19625162232373, false, false, [0.222829438034975, 0.367834427823897, 0.185659044821746, 0.412835477749807], Some([0.113310683548104, 0.514533980564654, 0.0441358114577381, 0.64412107893624])),
            ("c", 30.0, 120.0, -1.0522632345704, -1.0522632345704, false, false, [0.215018781246644, 0.376966053557809, 0.174220012588152, 0.427534899559524], Some([0.111114639055545, 0.518011019705384, 0.0419100480238858, 0.649364588612105])),
            ("d", 80.0, 200.0, 3.19870787776211, 2.70526864707264, false, false, [0.231814603116877, 0.357526881060184, 0.198980171864487, 0.396245263953464], Some([0.115559868845061, 0.511002413570744, 0.0464521584906834, 0.638778678226868])),
            ("e", 15.0, 90.0, -2.866796955589, -2.866796955589, false, false, [0.203757908019299, 0.390425404738315, 0.157982566743442, 0.449187038606509], Some([0.107566606488155, 0.523690963448172, 0.0383916527179713, 0.657894136450847])),
            ("f", 60.0, 160.0, 2.21182941638317, 2.21182941638317, false, false, [0.224947701908121, 0.365385701009678, 0.188784454237101, 0.408893612548181], Some([0.113867906128323, 0.513656292630919, 0.0447062531309144, 0.642794903190286])),
        ],
        curve_rows: 1005,
        // limits(a95)[c(1, 2, 500, nrow), ]: number_seq, odll95, odul95, odll998, odul998, ll95, ul95, ll998, ul998
        curve: &[
            [3.0, 0.0, 0.852406082646973, 0.0, 0.997929758501121, 3.40460209186823e-05, 0.823653104819839, 0.0, 0.988574360329983],
            [3.1971971971972, 0.0, 0.840476038114717, 0.0, 0.994881222512686, 0.00055502448518046, 0.809941112440128, 0.0, 0.981873734887162],
            [101.007007007007, 0.10909640844924, 0.521232354083767, 0.0398966811933452, 0.654207621089514, 0.20844255630066, 0.384782941970796, 0.164699139367736, 0.440113212238071],
            [200.0, 0.115559868845061, 0.511002413570744, 0.0464521584906834, 0.638778678226868, 0.231814603116877, 0.357526881060184, 0.198980171864487, 0.396245263953464],
        ],
        curve_sums: [102120.0, 100.905147597579, 541.105694151777, 34.5749402523439, 680.751575004194, 192.474705010395, 412.519418803362, 146.556649715159, 481.195478452054],
        folds: &[(1, 3.39439439439439, 2.72426459434971e-06)],
    };

    /// tests/testthat/test-build_limits_lookup.R, PR call: rows 1, 2 and 1000 (number_seq, ll95, ul95, ll998, ul998), then the column sums.
    pub const LOOKUP_HALF_ROWS: usize = 1000;
    pub const LOOKUP_HALF: [[f64; 5]; 4] = [
        [3.0, 0.047456187604315, 0.952543812395685, 0.0, 1.0],
        [3.24724724724725, 0.0572304585801388, 0.942769541419861, 0.0, 1.0],
        [250.0, 0.438179102186006, 0.561820897813994, 0.402899227906104, 0.597100772093896],
        [126500.0, 390.680999674853, 609.319000325148, 333.363277732349, 666.636722267652],
    ];

    /// Means, 12 units (see `means_match_base_r_with_package_internals`).
    pub const MEANS: Means = Means {
        n: [25.0, 40.0, 60.0, 15.0, 80.0, 35.0, 50.0, 120.0, 30.0, 45.0, 70.0, 20.0],
        mean: [8.1, 7.6, 8.4, 6.9, 8.0, 8.9, 7.2, 8.2, 7.9, 8.6, 7.7, 9.1],
        sd: [1.2, 1.5, 1.1, 1.8, 1.3, 1.0, 1.6, 1.2, 1.4, 1.1, 1.3, 0.9],
        target: 8.05847457627119, sigma: 1.27895529382329, phi: 6.12418497927884, tau2: 0.194982157364531,
        z: [0.162341185533852, -2.2672002958969, 2.06844177399509, -3.508138840014, -0.408937288517713, 3.89265486474014, -4.74632066726076, 1.21218728146503, -0.678679705490896, 2.84033616698719, -2.34504950988757, 3.64191251875561],
        z_winsorised: [0.162341185533852, -2.2672002958969, 2.06844177399509, -3.39182990700136, -0.408937288517713, 3.56175488357877, -3.39182990700136, 1.21218728146503, -0.678679705490896, 2.84033616698719, -2.34504950988757, 3.56175488357877],
        z_adjusted: [0.0813737300834674, -0.94400436716412, 0.724448895102803, -2.10100873876829, -0.125983962065736, 1.71164407030119, -1.7990742150406, 0.309858602711939, -0.317262522307403, 1.12590392739439, -0.767153161844354, 1.97975548002043],
        od_limits_first: [7.05829508947934, 9.05865406306304, 6.48151364442358, 9.63543550811878],
        curve_rows: 1011,
        curve_sum_od_ul95: 9124.42034975543,
        curve_sum_ll95: 7746.87721501787,
    };
}
