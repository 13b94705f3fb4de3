//! Pure statistical functions used to score PREM surveys: sample summaries
//! (also from aggregated sums), t intervals, the unweighted mean of stratum
//! means with a Welch–Satterthwaite df, Wilson score intervals, Cronbach's
//! alpha, the Net Promoter Score with a Wald interval, Welch's two-sample
//! t-test and normal quantiles.
//!
//! Nothing here panics on data: degenerate input (no observations, one
//! observation, zero variance, non-finite values, a confidence level outside
//! (0, 1)) yields `None` rather than NaN. Every public function is checked in
//! the tests against a reference quoted next to the assertion (R 4.2.2 output,
//! scipy 1.17.1 output, a published table or a calculation written out by hand).

use statrs::distribution::{Continuous, ContinuousCDF, Normal, StudentsT};

/// n, mean and sample standard deviation (n − 1 denominator) of a sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: u64,
    pub mean: f64,
    /// `None` when `n < 2`: one observation carries no spread.
    pub sd: Option<f64>,
}

/// One stratum (e.g. a care type within a VSV) entering [`mean_of_means`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stratum {
    pub n: u64,
    pub mean: f64,
    pub sd: f64,
}

/// Unweighted mean of stratum means, its standard error and the
/// Welch–Satterthwaite degrees of freedom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeanOfMeans {
    pub mean: f64,
    pub se: f64,
    pub df: f64,
}

/// Net Promoter Score and its Wald interval, on the −100..100 scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nps {
    pub score: f64,
    pub low: f64,
    pub high: f64,
    pub n: u64,
}

/// NPS group of a 0–10 recommendation answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NpsGroup {
    /// 9–10.
    Promoter,
    /// 7–8.
    Passive,
    /// 0–6.
    Detractor,
}

/// Result of Welch's unequal-variance two-sample t-test of `b` against `a`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WelchTest {
    /// `b.mean - a.mean`.
    pub diff: f64,
    /// `diff / se`, so it has the sign of `diff`.
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p-value.
    pub p: f64,
}

/// Above this many degrees of freedom the t distribution is computed from the
/// normal by asymptotic expansions in 1/df (Abramowitz & Stegun 26.7.5 for
/// the quantile, to 1/df³; Fisher's expansion for the tail, to 1/df²). Their
/// truncation error, checked against mpmath's exact incomplete beta, is below
/// 1e-12 relative for |t| ≤ 3.5 (4e-9 at t = 6, where p ≈ 2e-9), while
/// statrs' incomplete beta loses accuracy for huge shape parameters (1e-8
/// relative in the quantile at df = 5e6; its t cdf is off by 0.05 at df = 1e15).
const DF_NORMAL: f64 = 1e5;

/// Whether `level` is a usable confidence level, i.e. lies in (0, 1).
fn valid_level(level: f64) -> bool {
    level > 0.0 && level < 1.0
}

fn std_normal() -> Option<Normal> {
    Normal::new(0.0, 1.0).ok()
}

/// Upper quantile `z` of the standard normal: P(Z > z) = `alpha`, alpha in (0, 1).
fn normal_upper_quantile(alpha: f64) -> Option<f64> {
    if !(alpha > 0.0 && alpha < 1.0) {
        return None;
    }
    let z = std_normal()?.inverse_cdf(1.0 - alpha);
    z.is_finite().then_some(z)
}

/// P(T > t) for Student's t with `df` degrees of freedom (df may be
/// fractional or infinite).
fn t_upper_tail(t: f64, df: f64) -> Option<f64> {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return None;
    }
    if df > DF_NORMAL {
        let normal = std_normal()?;
        // Fisher's (1925) expansion of Student's integral to 1/df²:
        // P(T > t) ≈ P(Z > t) + φ(t)[(t³ + t)/(4 df) + (3t⁷ − 7t⁵ − 5t³ − 3t)/(96 df²)].
        let corr = if df.is_finite() && t.is_finite() {
            let t2 = t * t;
            let a1 = (t2 + 1.0) * t / 4.0;
            let a2 = (((3.0 * t2 - 7.0) * t2 - 5.0) * t2 - 3.0) * t / 96.0;
            normal.pdf(t) * (a1 + a2 / df) / df
        } else {
            0.0
        };
        return Some((normal.sf(t) + corr).clamp(0.0, 1.0));
    }
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    Some(dist.sf(t).clamp(0.0, 1.0))
}

/// Cornish–Fisher expansion of the t quantile from the normal quantile `z`
/// (Abramowitz & Stegun 26.7.5, terms to 1/df³); `z` itself for infinite df.
fn cornish_fisher_t(z: f64, df: f64) -> f64 {
    if !df.is_finite() {
        return z;
    }
    let z2 = z * z;
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    z + (g1 + (g2 + g3 / df) / df) / df
}

/// Upper quantile `q` of Student's t: P(T > q) = `alpha`, alpha in (0, 0.5].
///
/// Safeguarded Newton iteration on statrs' survival function (bounded number
/// of steps). statrs 0.19's own `inverse_cdf` is not used: it is off by
/// 1.2e-4 at df = 1e6 and did not return within 10 minutes at df = 1e8.
fn t_upper_quantile(alpha: f64, df: f64) -> Option<f64> {
    if !(alpha > 0.0 && alpha <= 0.5) || df.is_nan() || df <= 0.0 {
        return None;
    }
    // Scoring asks for the same few (alpha, df) pairs hundreds of thousands of times
    // (df = n − 1 of every cell); remember them per thread.
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<(u64, u64), Option<f64>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    let key = (alpha.to_bits(), df.to_bits());
    if let Some(q) = CACHE.with(|c| c.borrow().get(&key).copied()) {
        return q;
    }
    let q = t_upper_quantile_uncached(alpha, df);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 100_000 {
            c.clear();
        }
        c.insert(key, q);
    });
    q
}

fn t_upper_quantile_uncached(alpha: f64, df: f64) -> Option<f64> {
    let z = normal_upper_quantile(alpha)?;
    if df > DF_NORMAL {
        return Some(cornish_fisher_t(z, df));
    }
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    let f = |q: f64| dist.sf(q) - alpha; // decreasing in q, f(0) = 0.5 - alpha >= 0
    let mut lo = 0.0_f64;
    let mut hi = z.max(1.0);
    let mut doublings = 0;
    while f(hi) > 0.0 {
        lo = hi;
        hi *= 2.0;
        doublings += 1;
        if !hi.is_finite() || doublings > 1100 {
            return None;
        }
    }
    // Start from the Cornish–Fisher guess when it lies in the bracket.
    let guess = cornish_fisher_t(z, df);
    let mut x = if guess > lo && guess < hi {
        guess
    } else {
        0.5 * (lo + hi)
    };
    for _ in 0..200 {
        let fx = f(x);
        if fx == 0.0 {
            return Some(x);
        }
        if fx > 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        let slope = dist.pdf(x);
        let newton = x + fx / slope;
        let next = if newton.is_finite() && newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if (next - x).abs() <= 4.0 * f64::EPSILON * next.abs() || hi - lo <= f64::EPSILON * hi {
            return Some(next);
        }
        x = next;
    }
    Some(x)
}

/// Welch–Satterthwaite df (Σ v_k)² / Σ v_k²/(n_k − 1) from (v_k, n_k) pairs,
/// computed on v_k / max v so that it neither under- nor overflows, and capped
/// at its mathematical maximum Σ(n_k − 1) (Cauchy–Schwarz), which is also the
/// value used when every v_k is 0. `None` for a non-finite or negative v_k or
/// an n_k < 2.
fn satterthwaite_df(parts: &[(f64, u64)]) -> Option<f64> {
    if parts
        .iter()
        .any(|&(v, n)| !v.is_finite() || v < 0.0 || n < 2)
    {
        return None;
    }
    let max_df: f64 = parts.iter().map(|&(_, n)| (n - 1) as f64).sum();
    let max_v = parts.iter().fold(0.0_f64, |m, &(v, _)| m.max(v));
    if max_v == 0.0 {
        return Some(max_df);
    }
    let (num, den) = parts.iter().fold((0.0, 0.0), |(num, den), &(v, n)| {
        let r = v / max_v;
        (num + r, den + r * r / (n - 1) as f64)
    });
    Some((num * num / den).min(max_df))
}

/// Two-sided standard normal quantile for a confidence `level`:
/// z with P(|Z| ≤ z) = level, e.g. 0.95 → 1.959963984540054.
///
/// Level 0 gives 0 and level 1 gives +∞; a level outside [0, 1] (or NaN) is a
/// caller error and gives NaN.
pub fn z_quantile(level: f64) -> f64 {
    if level == 0.0 {
        return 0.0;
    }
    if level == 1.0 {
        return f64::INFINITY;
    }
    if !valid_level(level) {
        return f64::NAN;
    }
    normal_upper_quantile((1.0 - level) / 2.0).unwrap_or(f64::NAN)
}

/// n, mean and sample sd of `values` (corrected two-pass algorithm, stable
/// for data far from zero). `None` when empty, when a value is not finite or
/// when the mean or variance overflows.
pub fn summarize(values: &[f64]) -> Option<Summary> {
    let first = *values.first()?;
    if values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let n = values.len() as u64;
    let (min, max) = values
        .iter()
        .fold((first, first), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    if min == max {
        // Constant data: exact mean, exactly zero spread.
        let sd = (n >= 2).then_some(0.0);
        return Some(Summary { n, mean: first, sd });
    }
    let nf = n as f64;
    let mean = values.iter().sum::<f64>() / nf;
    if !mean.is_finite() {
        return None;
    }
    let sd = if n >= 2 {
        let (ss, s) = values.iter().fold((0.0, 0.0), |(ss, s), &v| {
            let d = v - mean;
            (ss + d * d, s + d)
        });
        // Björck's correction term removes the rounding error in `mean`.
        let var = ((ss - s * s / nf) / (nf - 1.0)).max(0.0);
        if !var.is_finite() {
            return None;
        }
        Some(var.sqrt())
    } else {
        None
    };
    Some(Summary { n, mean, sd })
}

/// Summary from sufficient statistics `n`, Σx and Σx² (cells aggregated by
/// sums). A variance at or below the rounding floor of Σx² − (Σx)²/n
/// (4·n·ε·Σx², which also catches tiny negatives) is reported as exactly 0.
/// `None` when `n = 0` or a sum is not finite.
pub fn summary_from_sums(n: u64, sum: f64, sum_sq: f64) -> Option<Summary> {
    if n == 0 || !sum.is_finite() || !sum_sq.is_finite() || sum_sq < 0.0 {
        return None;
    }
    let nf = n as f64;
    let mean = sum / nf;
    let sd = if n >= 2 {
        let ss = sum_sq - sum * mean;
        let floor = 4.0 * nf * f64::EPSILON * sum_sq;
        let ss = if ss <= floor { 0.0 } else { ss };
        Some((ss / (nf - 1.0)).sqrt())
    } else {
        None
    };
    Some(Summary { n, mean, sd })
}

/// Interval `mean ± t_{(1+level)/2, df} · se`; `df` may be fractional (or
/// +∞ for a normal interval). `None` for a non-finite mean, a negative or
/// non-finite `se`, `df <= 0` or a level outside (0, 1).
pub fn t_interval_from(mean: f64, se: f64, df: f64, level: f64) -> Option<(f64, f64)> {
    if !mean.is_finite() || !se.is_finite() || se < 0.0 || !valid_level(level) {
        return None;
    }
    let q = t_upper_quantile((1.0 - level) / 2.0, df)?;
    let half = q * se;
    Some((mean - half, mean + half))
}

/// Confidence interval for the mean of `s`: mean ± t_{(1+level)/2, n−1}·sd/√n.
/// `None` when `n < 2` (no sd) or the level lies outside (0, 1).
pub fn t_interval(s: &Summary, level: f64) -> Option<(f64, f64)> {
    if s.n < 2 {
        return None;
    }
    let sd = s.sd?;
    let nf = s.n as f64;
    t_interval_from(s.mean, sd / nf.sqrt(), nf - 1.0, level)
}

/// Unweighted mean of K stratum means (a VSV's theme score is the unweighted
/// mean of its care-type means), with se = √(Σ s_k²/n_k) / K and
/// Welch–Satterthwaite df = (Σ v_k)² / Σ v_k²/(n_k − 1), v_k = s_k²/n_k.
/// When every v_k is 0, df = Σ(n_k − 1). `None` when `strata` is empty, any
/// stratum has n < 2, a mean/sd is not finite (or sd < 0), or the result
/// overflows.
pub fn mean_of_means(strata: &[Stratum]) -> Option<MeanOfMeans> {
    if strata.is_empty() {
        return None;
    }
    let bad = |s: &Stratum| s.n < 2 || !s.mean.is_finite() || !s.sd.is_finite() || s.sd < 0.0;
    if strata.iter().any(bad) {
        return None;
    }
    let k = strata.len() as f64;
    let mean = strata.iter().map(|s| s.mean).sum::<f64>() / k;
    let parts: Vec<(f64, u64)> = strata
        .iter()
        .map(|s| (s.sd * s.sd / s.n as f64, s.n))
        .collect();
    let df = satterthwaite_df(&parts)?;
    let se = parts.iter().map(|&(v, _)| v).sum::<f64>().sqrt() / k;
    if !mean.is_finite() || !se.is_finite() {
        return None;
    }
    Some(MeanOfMeans { mean, se, df })
}

/// Wilson score interval (no continuity correction) for `successes` out of
/// `n`, as proportions in [0, 1]. `None` when `n = 0`, `successes > n` or
/// the level lies outside (0, 1).
pub fn wilson(successes: u64, n: u64, level: f64) -> Option<(f64, f64)> {
    if n == 0 || successes > n || !valid_level(level) {
        return None;
    }
    let z = z_quantile(level);
    let nf = n as f64;
    let p = successes as f64 / nf;
    let z2 = z * z;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = z / denom * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt();
    let low = if successes == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let high = if successes == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Some((low, high))
}

/// Cronbach's alpha, α = k/(k−1)·(1 − Σ var_j / var_total), sample
/// variances, from `items[j][i]` = answer of respondent i on item j
/// (complete cases only). `None` when k < 2, fewer than 2 respondents,
/// item vectors of unequal length, a non-finite answer, or zero total variance.
pub fn cronbach_alpha(items: &[Vec<f64>]) -> Option<f64> {
    let k = items.len();
    let n = items.first()?.len();
    if k < 2 || n < 2 || items.iter().any(|it| it.len() != n) {
        return None;
    }
    let mut sum_item_var = 0.0;
    for item in items {
        let sd = summarize(item)?.sd?;
        sum_item_var += sd * sd;
    }
    let totals: Vec<f64> = (0..n).map(|i| items.iter().map(|it| it[i]).sum()).collect();
    let total_sd = summarize(&totals)?.sd?;
    let total_var = total_sd * total_sd;
    if total_var <= 0.0 {
        return None;
    }
    let kf = k as f64;
    Some(kf / (kf - 1.0) * (1.0 - sum_item_var / total_var))
}

/// NPS group of a 0–10 answer by threshold: ≥ 9 Promoter, ≥ 7 Passive,
/// otherwise Detractor. The answer must already be a valid 0–10 value:
/// anything else (including NaN) falls through to Detractor, so filter
/// missing answers first.
pub fn nps_group(answer: f64) -> NpsGroup {
    if answer >= 9.0 {
        NpsGroup::Promoter
    } else if answer >= 7.0 {
        NpsGroup::Passive
    } else {
        NpsGroup::Detractor
    }
}

/// Net Promoter Score 100·(p_P − p_D) with a Wald interval from
/// Var = (p_P + p_D − (p_P − p_D)²)/n, clipped to [−100, 100].
/// `None` when there are no answers or the level lies outside (0, 1).
pub fn nps(promoters: u64, passives: u64, detractors: u64, level: f64) -> Option<Nps> {
    let n = promoters.checked_add(passives)?.checked_add(detractors)?;
    if n == 0 || !valid_level(level) {
        return None;
    }
    let nf = n as f64;
    let p_p = promoters as f64 / nf;
    let p_d = detractors as f64 / nf;
    let d = p_p - p_d;
    let var = ((p_p + p_d - d * d) / nf).max(0.0);
    let half = z_quantile(level) * var.sqrt();
    Some(Nps {
        score: 100.0 * d,
        low: (100.0 * (d - half)).max(-100.0),
        high: (100.0 * (d + half)).min(100.0),
        n,
    })
}

/// NPS of strata averaged without weights (a VSV's NPS as the mean of its care-type NPS),
/// from (promoters, passives, detractors) per stratum. Var = Σ Var_k / K², with Var_k as in
/// [`nps`]; Wald interval clipped to [−100, 100]; `n` is the total of answers.
/// `None` when a stratum has no answers or the level lies outside (0, 1).
pub fn nps_mean_of_strata(strata: &[(u64, u64, u64)], level: f64) -> Option<Nps> {
    if strata.is_empty() || !valid_level(level) {
        return None;
    }
    let k = strata.len() as f64;
    let (mut d_sum, mut var_sum, mut n_total) = (0.0, 0.0, 0u64);
    for &(p, q, r) in strata {
        let n = p.checked_add(q)?.checked_add(r)?;
        if n == 0 {
            return None;
        }
        let nf = n as f64;
        let (p_p, p_d) = (p as f64 / nf, r as f64 / nf);
        let d = p_p - p_d;
        d_sum += d;
        var_sum += ((p_p + p_d - d * d) / nf).max(0.0);
        n_total = n_total.checked_add(n)?;
    }
    let d = d_sum / k;
    let half = z_quantile(level) * (var_sum / (k * k)).sqrt();
    Some(Nps {
        score: 100.0 * d,
        low: (100.0 * (d - half)).max(-100.0),
        high: (100.0 * (d + half)).min(100.0),
        n: n_total,
    })
}

/// An estimate with its standard error and degrees of freedom: a sample mean
/// (se = sd/√n, df = n − 1) or a combination such as [`mean_of_means`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub se: f64,
    pub df: f64,
}

impl Estimate {
    /// The estimate of a sample mean; `None` when n < 2 or the sd is missing.
    pub fn of(s: &Summary) -> Option<Estimate> {
        let sd = s.sd?;
        (s.n >= 2).then(|| Estimate {
            mean: s.mean,
            se: sd / (s.n as f64).sqrt(),
            df: (s.n - 1) as f64,
        })
    }
}

/// Welch's test of `b` against `a` for two independent estimates (diff = b − a):
/// t = diff / √(se_a² + se_b²), df = (se_a² + se_b²)² / (se_a⁴/df_a + se_b⁴/df_b).
/// For two sample means this is exactly [`welch_t_test`]; it also compares two
/// unweighted means of care-type means. `None` when both se are 0 or an input is
/// not finite or df ≤ 0.
pub fn welch_estimates(a: &Estimate, b: &Estimate) -> Option<WelchTest> {
    let ok = |e: &Estimate| e.mean.is_finite() && e.se.is_finite() && e.se >= 0.0 && e.df > 0.0;
    if !ok(a) || !ok(b) {
        return None;
    }
    let (va, vb) = (a.se * a.se, b.se * b.se);
    let sum_v = va + vb;
    if sum_v <= 0.0 || !sum_v.is_finite() {
        return None;
    }
    let diff = b.mean - a.mean;
    let t = diff / sum_v.sqrt();
    // Scaled by the larger variance so that tiny or huge se neither under- nor overflow.
    let m = va.max(vb);
    let (ra, rb) = (va / m, vb / m);
    let df = ((ra + rb) * (ra + rb) / (ra * ra / a.df + rb * rb / b.df)).min(a.df + b.df);
    if !t.is_finite() || !df.is_finite() {
        return None;
    }
    let p = (2.0 * t_upper_tail(t.abs(), df)?).min(1.0);
    Some(WelchTest { diff, t, df, p })
}

/// Welch's unequal-variance t-test of `b` against `a` (diff = b − a,
/// two-sided p). `None` when either n < 2, a sd is missing or not finite,
/// both sds are 0, or the statistic overflows.
pub fn welch_t_test(a: &Summary, b: &Summary) -> Option<WelchTest> {
    if a.n < 2 || b.n < 2 || !a.mean.is_finite() || !b.mean.is_finite() {
        return None;
    }
    let (sa, sb) = (a.sd?, b.sd?);
    if !sa.is_finite() || !sb.is_finite() || sa < 0.0 || sb < 0.0 {
        return None;
    }
    let (na, nb) = (a.n as f64, b.n as f64);
    let (va, vb) = (sa * sa / na, sb * sb / nb);
    let sum_v = va + vb;
    if sum_v <= 0.0 || !sum_v.is_finite() {
        return None;
    }
    let diff = b.mean - a.mean;
    let t = diff / sum_v.sqrt();
    if !t.is_finite() {
        return None;
    }
    let df = satterthwaite_df(&[(va, a.n), (vb, b.n)])?;
    let p = (2.0 * t_upper_tail(t.abs(), df)?).min(1.0);
    Some(WelchTest { diff, t, df, p })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts |actual − expected| <= tol with a readable message.
    #[track_caller]
    fn close(actual: f64, expected: f64, tol: f64) {
        assert!(
            (actual - expected).abs() <= tol,
            "actual {actual:.15} vs expected {expected:.15} (tol {tol:e})"
        );
    }

    // Sleep data (R `datasets::sleep`), group 1 and group 2:
    //   R> sleep$extra[sleep$group == 1]
    //   [1]  0.7 -1.6 -0.2 -1.2 -0.1  3.4  3.7  0.8  0.0  2.0
    //   R> sleep$extra[sleep$group == 2]
    //   [1]  1.9  0.8  1.1  0.1 -0.1  4.4  5.5  1.6  4.6  3.4
    const SLEEP1: [f64; 10] = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const SLEEP2: [f64; 10] = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    #[test]
    fn z_quantile_matches_qnorm() {
        // R 4.2.2, options(digits = 15): qnorm(0.975) -> 1.95996398454005
        close(z_quantile(0.95), 1.959963984540054, 1e-12);
        // R: qnorm(0.95) -> 1.64485362695147
        close(z_quantile(0.90), 1.64485362695147, 1e-12);
        // R: qnorm(0.995) -> 2.5758293035489
        close(z_quantile(0.99), 2.5758293035489, 1e-12);
        // Edges by definition: P(|Z| <= 0) = 0, P(|Z| < inf) = 1.
        assert_eq!(z_quantile(0.0), 0.0);
        assert_eq!(z_quantile(1.0), f64::INFINITY);
        assert!(z_quantile(1.5).is_nan());
        assert!(z_quantile(-0.1).is_nan());
        assert!(z_quantile(f64::NAN).is_nan());
    }

    #[test]
    fn summarize_matches_r_mean_sd() {
        // R: x <- c(2, 4, 4, 4, 5, 5, 7, 9); mean(x) -> 5; sd(x) -> 2.1380899352994
        // (by hand: Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32, sd = √(32/7) = 2.138089935299395)
        let s = summarize(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).expect("non-empty");
        assert_eq!(s.n, 8);
        close(s.mean, 5.0, 1e-12);
        close(s.sd.expect("n >= 2"), 2.138089935299395, 1e-12);
    }

    #[test]
    fn summarize_is_stable_far_from_zero() {
        // Wikipedia "Algorithms for calculating variance" example: 1e9 + {4, 7, 13, 16}
        // has sample variance 30 (the naive Σx² − (Σx)²/n formula gets this wrong).
        // R: big <- 1e9 + c(4, 7, 13, 16); var(big) -> 30; mean(big) -> 1000000010.0
        let s = summarize(&[1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0]).expect("non-empty");
        close(s.mean, 1_000_000_010.0, 1e-6);
        let sd = s.sd.expect("n >= 2");
        close(sd * sd, 30.0, 1e-6);
    }

    #[test]
    fn summarize_degenerate_inputs() {
        assert_eq!(summarize(&[]), None);
        // One value: mean is the value, no sd.
        assert_eq!(
            summarize(&[3.5]),
            Some(Summary {
                n: 1,
                mean: 3.5,
                sd: None
            })
        );
        // Constant data: exactly zero sd and the exact value as mean, even for
        // 0.1 whose ten-fold float sum is 0.9999999999999999 (by hand in Python:
        // sum([0.1]*10) -> 0.9999999999999999).
        let s = summarize(&[0.1; 10]).expect("non-empty");
        assert_eq!(s.mean, 0.1);
        assert_eq!(s.sd, Some(0.0));
        assert_eq!(summarize(&[1.0, f64::NAN]), None);
        assert_eq!(summarize(&[1.0, f64::INFINITY]), None);
    }

    #[test]
    fn summary_from_sums_matches_r() {
        // Same sample as summarize_matches_r_mean_sd: Σx = 40, Σx² = 232.
        // R: mean(x) -> 5; sd(x) -> 2.1380899352994
        let s = summary_from_sums(8, 40.0, 232.0).expect("n > 0");
        assert_eq!(s.n, 8);
        close(s.mean, 5.0, 1e-12);
        close(s.sd.expect("n >= 2"), 2.138089935299395, 1e-12);
        // n = 1: no sd; n = 0: nothing.
        assert_eq!(
            summary_from_sums(1, 4.0, 16.0),
            Some(Summary {
                n: 1,
                mean: 4.0,
                sd: None
            })
        );
        assert_eq!(summary_from_sums(0, 0.0, 0.0), None);
        assert_eq!(summary_from_sums(3, f64::NAN, 1.0), None);
    }

    #[test]
    fn summary_from_sums_snaps_rounding_noise_to_zero() {
        // Constant cells summed in floating point leave rounding noise in
        // Σx² − Σx·mean. Python 3: s = q = 0.0; seven times s += 3.3; q += 3.3*3.3
        //   -> s = 23.1, q = 76.22999999999999, q - s*(s/7) = -1.4210854715202004e-14
        // (negative: a naive sqrt would give NaN).
        let (mut s, mut q) = (0.0, 0.0);
        for _ in 0..7 {
            s += 3.3;
            q += 3.3 * 3.3;
        }
        let sum = summary_from_sums(7, s, q).expect("n > 0");
        close(sum.mean, 3.3, 1e-12);
        assert_eq!(sum.sd, Some(0.0));
        // Python 3, five times 4.7: s = 23.5, q = 110.45000000000002,
        //   q - s*(s/5) = 1.4210854715202004e-14 (positive noise; naive sd ≈ 6e-8).
        let (mut s, mut q) = (0.0, 0.0);
        for _ in 0..5 {
            s += 4.7;
            q += 4.7 * 4.7;
        }
        assert_eq!(summary_from_sums(5, s, q).and_then(|x| x.sd), Some(0.0));
    }

    #[test]
    fn t_interval_matches_r_t_test() {
        // R: t.test(sleep$extra[sleep$group == 1])$conf.int
        //   [1] -0.529780413526232  2.029780413526232
        let s = summarize(&SLEEP1).expect("non-empty");
        // R: mean(g1) -> 0.75; sd(g1) -> 1.78900965775916
        close(s.mean, 0.75, 1e-12);
        close(s.sd.expect("n >= 2"), 1.78900965775916, 1e-12);
        let (lo, hi) = t_interval(&s, 0.95).expect("n >= 2");
        close(lo, -0.529780413526232, 1e-9);
        close(hi, 2.029780413526232, 1e-9);
        // R: t.test(g1, conf.level = 0.90)$conf.int
        //   [1] -0.287055278729259  1.787055278729259
        let (lo, hi) = t_interval(&s, 0.90).expect("n >= 2");
        close(lo, -0.287055278729259, 1e-9);
        close(hi, 1.787055278729259, 1e-9);
    }

    #[test]
    fn t_interval_degenerate_inputs() {
        let one = summarize(&[4.0]).expect("non-empty");
        assert_eq!(t_interval(&one, 0.95), None);
        // Zero spread: a zero-width interval at the mean, not NaN.
        let flat = summarize(&[4.0, 4.0, 4.0]).expect("non-empty");
        assert_eq!(t_interval(&flat, 0.95), Some((4.0, 4.0)));
        let s = summarize(&SLEEP1).expect("non-empty");
        assert_eq!(t_interval(&s, 1.0), None);
        assert_eq!(t_interval(&s, 0.0), None);
        assert_eq!(t_interval(&s, f64::NAN), None);
        // Inconsistent hand-built summary: n < 2 with an sd.
        let odd = Summary {
            n: 1,
            mean: 1.0,
            sd: Some(1.0),
        };
        assert_eq!(t_interval(&odd, 0.95), None);
    }

    #[test]
    fn t_interval_from_matches_qt() {
        // Fractional df. R: qt(0.975, 4.5) -> 2.6589123472044
        // scipy: stats.t.ppf(0.975, 4.5) -> 2.6589123472044034
        let (lo, hi) = t_interval_from(10.0, 1.0, 4.5, 0.95).expect("valid");
        close(hi - 10.0, 2.6589123472044034, 1e-9);
        close(10.0 - lo, 2.6589123472044034, 1e-9);
        // df below 1 (heavy tails). R: qt(0.975, 0.5) -> 164.557673480494
        let (_, hi) = t_interval_from(0.0, 1.0, 0.5, 0.95).expect("valid");
        close(hi, 164.557673480494, 1e-6);
        // Large df, where statrs' own inverse_cdf is off by 7e-6.
        // R: qt(0.975, 1e5) -> 1.95998770753461
        // scipy: stats.t.ppf(0.975, 1e5) -> 1.9599877075346095
        let (_, hi) = t_interval_from(0.0, 1.0, 1e5, 0.95).expect("valid");
        close(hi, 1.9599877075346095, 1e-9);
        // Past DF_NORMAL (expansion branch). statrs' inverse_cdf gives 1.959847719928278
        // here. R: qt(0.975, 1e6) -> 1.95996635681411
        // scipy: stats.t.ppf(0.975, 1e6) -> 1.959966356814107
        let (_, hi) = t_interval_from(0.0, 1.0, 1e6, 0.95).expect("valid");
        close(hi, 1.959966356814107, 1e-12);
        // R: qt(0.999, 2e5) -> 3.0902730573052 (level 0.998)
        // scipy: stats.t.ppf(0.999, 2e5) -> 3.0902730573051986
        let (_, hi) = t_interval_from(0.0, 1.0, 2e5, 0.998).expect("valid");
        close(hi, 3.0902730573051986, 1e-12);
        // Very large df (statrs' inverse_cdf did not return within 10 minutes here).
        // R: qt(0.95, 1e8) -> 1.64485364218916
        let (_, hi) = t_interval_from(0.0, 1.0, 1e8, 0.90).expect("valid");
        close(hi, 1.64485364218916, 1e-9);
        // df = +inf is the normal interval. R: qnorm(0.975) -> 1.95996398454005
        let (_, hi) = t_interval_from(0.0, 1.0, f64::INFINITY, 0.95).expect("valid");
        close(hi, 1.959963984540054, 1e-12);
        // se scales the half-width. R: 2 * qt(0.975, 4.5) -> 5.31782469440881
        let (lo, _) = t_interval_from(1.0, 2.0, 4.5, 0.95).expect("valid");
        close(lo, 1.0 - 5.31782469440881, 1e-9);
    }

    #[test]
    fn t_interval_from_rejects_bad_input() {
        assert_eq!(t_interval_from(0.0, 1.0, 0.0, 0.95), None);
        assert_eq!(t_interval_from(0.0, 1.0, -3.0, 0.95), None);
        assert_eq!(t_interval_from(0.0, 1.0, f64::NAN, 0.95), None);
        assert_eq!(t_interval_from(0.0, -1.0, 5.0, 0.95), None);
        assert_eq!(t_interval_from(f64::NAN, 1.0, 5.0, 0.95), None);
        assert_eq!(t_interval_from(0.0, 1.0, 5.0, 1.2), None);
    }

    #[test]
    fn mean_of_means_hand_worked() {
        // Three care types (n, mean, sd) = (5, 4, 1), (10, 3, 2), (4, 5, 0.5).
        // By hand:
        //   mean = (4 + 3 + 5)/3 = 4
        //   v = s²/n = 1/5 = 0.2, 4/10 = 0.4, 0.25/4 = 0.0625; Σv = 0.6625
        //   se = √0.6625 / 3 = 0.813941029804985 / 3 = 0.271313676601662
        //   Σ v²/(n−1) = 0.04/4 + 0.16/9 + 0.00390625/3
        //              = 0.01 + 0.0177777… + 0.00130208333… = 0.0290798611…
        //   df = 0.6625² / 0.0290798611… = 0.43890625 / 0.0290798611… = 15.0931343283582
        // R: n <- c(5,10,4); mu <- c(4,3,5); s <- c(1,2,0.5); v <- s^2/n
        //    sqrt(sum(v))/3 -> 0.271313676601662
        //    sum(v)^2/sum(v^2/(n-1)) -> 15.0931343283582
        let strata = [
            Stratum {
                n: 5,
                mean: 4.0,
                sd: 1.0,
            },
            Stratum {
                n: 10,
                mean: 3.0,
                sd: 2.0,
            },
            Stratum {
                n: 4,
                mean: 5.0,
                sd: 0.5,
            },
        ];
        let m = mean_of_means(&strata).expect("all n >= 2");
        close(m.mean, 4.0, 1e-12);
        close(m.se, 0.271313676601662, 1e-12);
        close(m.df, 15.0931343283582, 1e-9);
        // R: mean(mu) + c(-1,1)*qt(0.975, df)*se -> 3.42201923180458 4.57798076819542
        let (lo, hi) = t_interval_from(m.mean, m.se, m.df, 0.95).expect("valid");
        close(lo, 3.42201923180458, 1e-9);
        close(hi, 4.57798076819542, 1e-9);
    }

    #[test]
    fn mean_of_means_reduces_to_known_cases() {
        // K = 1: se = sd/√n and df = n − 1, so the interval is the one-sample
        // t interval. R: t.test(sleep$extra[sleep$group == 1])$conf.int
        //   [1] -0.529780413526232  2.029780413526232
        let s = summarize(&SLEEP1).expect("non-empty");
        let one = [Stratum {
            n: s.n,
            mean: s.mean,
            sd: s.sd.expect("n >= 2"),
        }];
        let m = mean_of_means(&one).expect("n >= 2");
        close(m.df, 9.0, 1e-9);
        let (lo, hi) = t_interval_from(m.mean, m.se, m.df, 0.95).expect("valid");
        close(lo, -0.529780413526232, 1e-9);
        close(hi, 2.029780413526232, 1e-9);
        // K = 2: the df is Welch's. R: t.test(extra ~ group, data = sleep)
        //   t = -1.860813467487, df = 17.77647351618
        let s2 = summarize(&SLEEP2).expect("non-empty");
        let two = [
            one[0],
            Stratum {
                n: s2.n,
                mean: s2.mean,
                sd: s2.sd.expect("n >= 2"),
            },
        ];
        let m = mean_of_means(&two).expect("n >= 2");
        close(m.df, 17.7764735161785, 1e-9);
        // Welch se = |diff / t| = 1.58 / 1.86081346748685; ours is half of it.
        close(m.se, 1.58 / 1.86081346748685 / 2.0, 1e-9);
        // R: (0.75 + 2.33) / 2 -> 1.54
        close(m.mean, 1.54, 1e-12);
    }

    #[test]
    fn mean_of_means_df_is_scale_free() {
        // (n, sd) = (5, 1), (10, 2). By hand: v = 0.2, 0.4; Σv = 0.6;
        // Σ v²/(n−1) = 0.04/4 + 0.16/9 = 0.01 + 0.01777… = 1/36; df = 0.36 · 36 = 12.96.
        // df is invariant under scaling all sds, so sds 1e-160 and 2e-160 (whose v² underflow
        // to 0 in f64) must give 12.96 too, not ∞ or NaN.
        for scale in [1.0, 1e-160] {
            let strata = [
                Stratum {
                    n: 5,
                    mean: 1.0,
                    sd: scale,
                },
                Stratum {
                    n: 10,
                    mean: 2.0,
                    sd: 2.0 * scale,
                },
            ];
            let m = mean_of_means(&strata).expect("valid");
            close(m.df, 12.96, 1e-9);
        }
        // Overflowing variances: no result rather than ∞/NaN.
        let huge = [
            Stratum {
                n: 5,
                mean: 1.0,
                sd: 1e200,
            },
            Stratum {
                n: 5,
                mean: 1.0,
                sd: 1.0,
            },
        ];
        assert_eq!(mean_of_means(&huge), None);
        let big = Summary {
            n: 5,
            mean: 1.0,
            sd: Some(1e200),
        };
        assert_eq!(welch_t_test(&big, &big), None);
        assert_eq!(summarize(&[f64::MAX, f64::MAX, 0.0]), None);
    }

    #[test]
    fn mean_of_means_degenerate_inputs() {
        assert_eq!(mean_of_means(&[]), None);
        let ok = Stratum {
            n: 5,
            mean: 4.0,
            sd: 1.0,
        };
        let single = Stratum {
            n: 1,
            mean: 2.0,
            sd: 0.0,
        };
        assert_eq!(mean_of_means(&[ok, single]), None);
        let nan = Stratum {
            n: 5,
            mean: f64::NAN,
            sd: 1.0,
        };
        assert_eq!(mean_of_means(&[ok, nan]), None);
        // All variances zero: df = Σ(n_k − 1) = 4 + 2 = 6 by the stated rule, se = 0.
        let flat = [
            Stratum {
                n: 5,
                mean: 4.0,
                sd: 0.0,
            },
            Stratum {
                n: 3,
                mean: 2.0,
                sd: 0.0,
            },
        ];
        assert_eq!(
            mean_of_means(&flat),
            Some(MeanOfMeans {
                mean: 3.0,
                se: 0.0,
                df: 6.0
            })
        );
    }

    #[test]
    fn wilson_matches_newcombe_and_prop_test() {
        // Newcombe (1998), Stat Med 17:857–872, Table I, method 3 (score, no CC),
        // 4 decimals as cited from the table (R below agrees to every printed digit): 81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to
        // 0.1605; 0/20 -> 0 to 0.1611; 1/29 -> 0.0061 to 0.1718.
        // R 4.2.2 to 15 digits, prop.test(x, n, correct = FALSE)$conf.int:
        //   81/263 -> 0.255288519878274 0.3662095769828
        //   15/148 -> 0.0623863995307363 0.160487241723308
        //   0/20   -> 0 0.161125158052819
        //   1/29   -> 0.00611321429276266 0.171755218793203
        let cases = [
            (81, 263, 0.2553, 0.3662, 0.255288519878274, 0.3662095769828),
            (
                15,
                148,
                0.0624,
                0.1605,
                0.0623863995307363,
                0.160487241723308,
            ),
            (0, 20, 0.0, 0.1611, 0.0, 0.161125158052819),
            (
                1,
                29,
                0.0061,
                0.1718,
                0.00611321429276266,
                0.171755218793203,
            ),
        ];
        for (x, n, lo4, hi4, lo_r, hi_r) in cases {
            let (lo, hi) = wilson(x, n, 0.95).expect("valid");
            close(lo, lo4, 5e-5);
            close(hi, hi4, 5e-5);
            close(lo, lo_r, 1e-9);
            close(hi, hi_r, 1e-9);
        }
        // Other level. R: prop.test(81, 263, correct = FALSE, conf.level = 0.90)$conf.int
        //   0.263313617188481 0.356566349608488
        let (lo, hi) = wilson(81, 263, 0.90).expect("valid");
        close(lo, 0.263313617188481, 1e-9);
        close(hi, 0.356566349608488, 1e-9);
    }

    #[test]
    fn wilson_edges_are_exact() {
        // R: prop.test(0, 10, correct = FALSE)$conf.int  -> 0 0.277532799862889
        // R: prop.test(10, 10, correct = FALSE)$conf.int -> 0.722467200137111 1
        let (lo, hi) = wilson(0, 10, 0.95).expect("valid");
        assert_eq!(lo, 0.0);
        close(hi, 0.277532799862889, 1e-9);
        let (lo, hi) = wilson(10, 10, 0.95).expect("valid");
        close(lo, 0.722467200137111, 1e-9);
        assert_eq!(hi, 1.0);
        assert_eq!(wilson(0, 0, 0.95), None);
        assert_eq!(wilson(11, 10, 0.95), None);
        assert_eq!(wilson(5, 10, 1.0), None);
    }

    #[test]
    fn cronbach_alpha_hand_worked_and_psych() {
        // 5 respondents × 4 items (rows = respondents):
        //   4 5 4 5 | 3 3 4 3 | 5 5 5 4 | 2 3 2 3 | 4 4 3 5
        // By hand, item variances (n − 1 = 4):
        //   item 1: 4,3,5,2,4  mean 3.6, SS 5.2 -> 1.3
        //   item 2: 5,3,5,3,4  mean 4.0, SS 4.0 -> 1.0
        //   item 3: 4,4,5,2,3  mean 3.6, SS 5.2 -> 1.3
        //   item 4: 5,3,4,3,5  mean 4.0, SS 4.0 -> 1.0      Σ = 4.6
        //   totals: 18,13,19,10,16 mean 15.2, SS 54.8 -> 13.7
        //   α = 4/3 · (1 − 4.6/13.7) = 36.4/41.1 = 0.885644768856448
        // R 4.2.2, psych 2.2.9:
        //   m <- matrix(c(4,5,4,5, 3,3,4,3, 5,5,5,4, 2,3,2,3, 4,4,3,5), 5, byrow = TRUE)
        //   psych::alpha(as.data.frame(m))$total$raw_alpha -> 0.885644768856448
        // Python, pingouin 0.7.0: pg.cronbach_alpha(data=df) -> 0.8856447688564476
        let items = vec![
            vec![4.0, 3.0, 5.0, 2.0, 4.0],
            vec![5.0, 3.0, 5.0, 3.0, 4.0],
            vec![4.0, 4.0, 5.0, 2.0, 3.0],
            vec![5.0, 3.0, 4.0, 3.0, 5.0],
        ];
        close(
            cronbach_alpha(&items).expect("valid"),
            0.885644768856448,
            1e-12,
        );
    }

    #[test]
    fn cronbach_alpha_negative_and_degenerate() {
        // Two perfectly opposed items: x = 1,2,3 and y = 3,2,1. By hand: var x = var y = 1,
        // totals 4,4,4 have variance 0 -> undefined -> None.
        let opposed = vec![vec![1.0, 2.0, 3.0], vec![3.0, 2.0, 1.0]];
        assert_eq!(cronbach_alpha(&opposed), None);
        // Partly opposed: x = 1,2,3, y = 3,1,2. By hand: var x = var y = 1;
        // totals 4,3,5 -> variance 1; α = 2/1 · (1 − 2/1) = −2.
        let neg = vec![vec![1.0, 2.0, 3.0], vec![3.0, 1.0, 2.0]];
        close(cronbach_alpha(&neg).expect("valid"), -2.0, 1e-12);
        assert_eq!(cronbach_alpha(&[]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0, 3.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0], vec![2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0], vec![2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0], vec![2.0, f64::NAN]]), None);
    }

    #[test]
    fn nps_hand_worked() {
        // 50 promoters, 30 passives, 20 detractors (n = 100). By hand:
        //   p_P = 0.5, p_D = 0.2, NPS = 100 · 0.3 = 30
        //   Var = (0.5 + 0.2 − 0.3²)/100 = 0.61/100 = 0.0061, se = √0.0061 = 0.0781024967590665
        //   half = 1.959963984540054 · 0.0781024967590665 · 100 = 15.3078080750427
        // R: 100*(0.3 + c(-1,1)*qnorm(0.975)*sqrt(0.0061)) -> 14.6921919249573 45.3078080750427
        let r = nps(50, 30, 20, 0.95).expect("n > 0");
        assert_eq!(r.n, 100);
        close(r.score, 30.0, 1e-12);
        close(r.low, 14.6921919249573, 1e-9);
        close(r.high, 45.3078080750427, 1e-9);
    }

    #[test]
    fn nps_clips_to_scale() {
        // 9 promoters, 0 passives, 1 detractor. By hand: d = 0.8,
        // Var = (1 − 0.64)/10 = 0.036, se = 0.189736659610103.
        // R: 100*(0.8 + c(-1,1)*qnorm(0.975)*sqrt(0.036)) -> 42.8122980617263 117.187701938274
        // so the upper bound clips to 100.
        let r = nps(9, 0, 1, 0.95).expect("n > 0");
        close(r.score, 80.0, 1e-12);
        close(r.low, 42.8122980617263, 1e-9);
        assert_eq!(r.high, 100.0);
        // All promoters: Var = (1 − 1)/n = 0, a point interval at 100.
        let all = nps(10, 0, 0, 0.95).expect("n > 0");
        assert_eq!((all.score, all.low, all.high), (100.0, 100.0, 100.0));
        // All detractors: −100 exactly.
        let none = nps(0, 0, 7, 0.95).expect("n > 0");
        assert_eq!((none.score, none.low, none.high), (-100.0, -100.0, -100.0));
        assert_eq!(nps(0, 0, 0, 0.95), None);
        assert_eq!(nps(1, 1, 1, 0.0), None);
        assert_eq!(nps(u64::MAX, 1, 0, 0.95), None);
    }

    #[test]
    fn nps_group_thresholds() {
        // Standard NPS definition: 9–10 promoter, 7–8 passive, 0–6 detractor.
        for a in [9.0, 10.0] {
            assert_eq!(nps_group(a), NpsGroup::Promoter);
        }
        for a in [7.0, 8.0] {
            assert_eq!(nps_group(a), NpsGroup::Passive);
        }
        for a in [0.0, 1.0, 5.0, 6.0] {
            assert_eq!(nps_group(a), NpsGroup::Detractor);
        }
    }

    #[test]
    fn welch_matches_r_sleep() {
        // R 4.2.2: t.test(extra ~ group, data = sleep)
        //   t = -1.860813467487, df = 17.77647351618, p-value = 0.0793941401874
        // and at full precision, tt <- t.test(g1, g2):
        //   t -1.86081346748685  df 17.7764735161785  p 0.0793941401873582
        // scipy 1.17.1: stats.ttest_ind(g1, g2, equal_var=False)
        //   -> statistic=-1.8608134674868526, pvalue=0.0793941401873583, df=17.776473516178488
        // R's t is for group 1 − group 2; ours is b − a with a = group 1, so the sign flips.
        let a = summarize(&SLEEP1).expect("non-empty");
        let b = summarize(&SLEEP2).expect("non-empty");
        let w = welch_t_test(&a, &b).expect("valid");
        // R: mean(g2) - mean(g1) -> 1.58
        close(w.diff, 1.58, 1e-12);
        close(w.t, 1.8608134674868526, 1e-9);
        close(w.df, 17.776473516178488, 1e-9);
        close(w.p, 0.0793941401873583, 1e-9);
        // Swapping the groups flips diff and t, not df or p.
        let r = welch_t_test(&b, &a).expect("valid");
        close(r.t, -1.8608134674868526, 1e-9);
        close(r.p, 0.0793941401873583, 1e-9);
    }

    #[test]
    fn welch_one_zero_sd_and_degenerate() {
        // a = (n 5, mean 3, sd 0), b = (n 10, mean 4, sd 2). By hand: va = 0,
        // vb = 0.4, se = √0.4 = 0.632455532033676, t = 1/0.632455532033676 = 1.58113883008419,
        // df = 0.4²/(0.4²/9) = 9.
        // R: 2*pt(-1/sqrt(0.4), 9) -> 0.148304707366559
        let a = Summary {
            n: 5,
            mean: 3.0,
            sd: Some(0.0),
        };
        let b = Summary {
            n: 10,
            mean: 4.0,
            sd: Some(2.0),
        };
        let w = welch_t_test(&a, &b).expect("valid");
        close(w.t, 1.58113883008419, 1e-9);
        close(w.df, 9.0, 1e-9);
        close(w.p, 0.148304707366559, 1e-9);
        // Both sds zero, or n < 2: no test.
        assert_eq!(welch_t_test(&a, &a), None);
        let one = summarize(&[4.0]).expect("non-empty");
        assert_eq!(welch_t_test(&one, &b), None);
    }

    #[test]
    fn welch_large_df_p_value() {
        // Big samples: a = (n 50000, mean 3.00, sd 1), b = (n 60000, mean 3.02, sd 1.1).
        // scipy 1.17.1: stats.ttest_ind_from_stats(3.0, 1.0, 50000, 3.02, 1.1, 60000,
        //   equal_var=False) -> statistic=-3.1557100982293043, pvalue=0.0016015138015262288
        // R: va <- 1/50000; vb <- 1.21/60000; (va+vb)^2/(va^2/49999 + vb^2/59999)
        //   -> 109169.375355353
        let a = Summary {
            n: 50_000,
            mean: 3.0,
            sd: Some(1.0),
        };
        let b = Summary {
            n: 60_000,
            mean: 3.02,
            sd: Some(1.1),
        };
        let w = welch_t_test(&a, &b).expect("valid");
        close(w.t, 3.1557100982293043, 1e-9);
        close(w.df, 109169.375355353, 1e-6);
        close(w.p, 0.0016015138015262288, 1e-9);
    }

    #[test]
    fn welch_huge_df_uses_corrected_normal() {
        // Two samples of 3e7 each, sd 1, means 0 and 0.0005: df ≈ 6e7, past DF_NORMAL.
        // R: va <- vb <- 1/3e7; t <- 0.0005/sqrt(va+vb)    -> 1.93649167310371
        //    (va+vb)^2/(va^2/(3e7-1) + vb^2/(3e7-1))       -> 59999998
        //    2*pt(-t, 59999998)                             -> 0.0528075161057149
        //    (plain normal, 2*pnorm(-t)                     -> 0.0528075114161136,
        //     is 4.7e-9 away, which the 1e-10 tolerance rejects; statrs' normal sf itself
        //     is only good to ~2.4e-12 here, hence not 1e-12)
        // scipy 1.17.1: stats.ttest_ind_from_stats(0.0, 1.0, 30000000, 0.0005, 1.0,
        //   30000000, equal_var=False) -> pvalue=0.052807516105714956
        let a = Summary {
            n: 30_000_000,
            mean: 0.0,
            sd: Some(1.0),
        };
        let b = Summary {
            n: 30_000_000,
            mean: 0.0005,
            sd: Some(1.0),
        };
        let w = welch_t_test(&a, &b).expect("valid");
        close(w.t, 1.93649167310371, 1e-9);
        close(w.df, 59_999_998.0, 1e-6);
        close(w.p, 0.052807516105714956, 1e-10);
    }

    #[test]
    fn welch_p_value_tail_past_df_normal() {
        // a with sd 0 and b = (n 150001, sd √150001) give vb = 1, so t = b.mean and
        // df = 150000 exactly (past DF_NORMAL, second-order tail expansion).
        // R: 2*pt(-3.5, 150000) -> 0.0004653930727153681   (options(digits = 17))
        //    2*pt(-6, 150000)   -> 1.9776758579893712e-09
        // scipy 1.17.1: 2*stats.t.sf(3.5, 150000) -> 0.00046539307271536886
        //               2*stats.t.sf(6, 150000)   -> 1.9776758579893807e-09
        // The first-order expansion alone is off by 1.2e-11 and 2.2e-6 (relative)
        // respectively, which these tolerances reject.
        let a = Summary {
            n: 3,
            mean: 0.0,
            sd: Some(0.0),
        };
        let sd_b = 150_001.0_f64.sqrt();
        let b = Summary {
            n: 150_001,
            mean: 3.5,
            sd: Some(sd_b),
        };
        let w = welch_t_test(&a, &b).expect("valid");
        close(w.t, 3.5, 1e-12);
        close(w.df, 150_000.0, 1e-6);
        close(w.p, 0.00046539307271536886, 1e-12);
        let b6 = Summary { mean: 6.0, ..b };
        let w = welch_t_test(&a, &b6).expect("valid");
        close(w.p / 1.9776758579893807e-09, 1.0, 1e-7);
    }

    #[test]
    fn nps_mean_of_strata_hand_worked() {
        // Strata 50/30/20 (d = 0.3, Var = (0.7 − 0.09)/100 = 0.0061) and 10/0/10
        // (d = 0, Var = 1/20 = 0.05): NPS = 100·0.15 = 15, Var = (0.0061 + 0.05)/4.
        // scipy: 15 ∓ 100·norm.ppf(0.975)·sqrt(0.014025) = -8.21130327237898, 38.211303272378984
        let s = nps_mean_of_strata(&[(50, 30, 20), (10, 0, 10)], 0.95).unwrap();
        assert!((s.score - 15.0).abs() < 1e-12);
        assert!((s.low - -8.21130327237898).abs() < 1e-9);
        assert!((s.high - 38.211303272378984).abs() < 1e-9);
        assert_eq!(s.n, 120);
        // One stratum is plain NPS.
        assert_eq!(
            nps_mean_of_strata(&[(50, 30, 20)], 0.95),
            nps(50, 30, 20, 0.95)
        );
        assert_eq!(nps_mean_of_strata(&[(1, 0, 0), (0, 0, 0)], 0.95), None);
    }

    #[test]
    fn welch_estimates_equals_welch_t_test_for_sample_means() {
        // R: t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939
        let g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        let g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
        let (a, b) = (summarize(&g1).unwrap(), summarize(&g2).unwrap());
        let direct = welch_t_test(&a, &b).unwrap();
        let via = welch_estimates(&Estimate::of(&a).unwrap(), &Estimate::of(&b).unwrap()).unwrap();
        assert!((direct.t - via.t).abs() < 1e-12);
        assert!((direct.df - via.df).abs() < 1e-9);
        assert!((direct.p - via.p).abs() < 1e-12);
        assert!((via.p - 0.07939).abs() < 5e-6);
        assert!((via.df - 17.776).abs() < 5e-4);
    }

    #[test]
    fn welch_estimates_hand_worked_and_degenerate() {
        // a: 8.0 (se 0.1, df 20), b: 8.5 (se 0.2, df 30): t = 0.5/√0.05 = 2.2360679…,
        // df = 0.05² / (0.01²/20 + 0.04²/30) = 0.0025 / 0.00005833… = 42.857142…
        // scipy: 2*stats.t.sf(2.2360679774997896, 42.857142857142854) = 0.030607178194665102
        let a = Estimate {
            mean: 8.0,
            se: 0.1,
            df: 20.0,
        };
        let b = Estimate {
            mean: 8.5,
            se: 0.2,
            df: 30.0,
        };
        let w = welch_estimates(&a, &b).unwrap();
        assert!((w.t - 2.23606797749979).abs() < 1e-12);
        assert!((w.df - 42.857142857142854).abs() < 1e-9);
        assert!((w.p - 0.030607178194665102).abs() < 1e-9, "{}", w.p);
        let zero = Estimate {
            mean: 8.0,
            se: 0.0,
            df: 20.0,
        };
        assert_eq!(welch_estimates(&zero, &zero), None);
    }
}
