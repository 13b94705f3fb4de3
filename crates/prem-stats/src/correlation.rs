//! Pearson's product-moment correlation of paired observations.
//!
//! `prem init` uses it to spot a reverse-worded item: an item whose answers correlate
//! negatively with the mean of the other items of its scale. Checked in the tests against
//! scipy's `pearsonr`.

/// Pearson's correlation coefficient r of the `(x, y)` pairs:
/// Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²), as `scipy.stats.pearsonr` and R's `cor`
/// compute it (two-pass: means first, then the centred sums).
///
/// `None` when r is not defined: fewer than two pairs, no variance in x or in y (scipy
/// gives NaN with a `ConstantInputWarning`, R `NA` with a warning), a value that is not
/// finite, or sums of squares that overflow or underflow (deviations beyond about 1e154
/// or below about 1e-154) so that r cannot be computed.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0)
        .then(|| sxy / (sxx * syy).sqrt())
        .filter(|r| r.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs of two equally long columns.
    fn zip(x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
        assert_eq!(x.len(), y.len());
        x.iter().copied().zip(y.iter().copied()).collect()
    }

    /// r of `x` and `y`, which must be defined.
    #[track_caller]
    fn r(x: &[f64], y: &[f64]) -> f64 {
        pearson(&zip(x, y)).expect("r is defined")
    }

    #[track_caller]
    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() <= 1e-14,
            "actual {actual:.17} vs expected {expected:.17}"
        );
    }

    // The expected values below are scipy 1.17.1 (numpy 2.4.6) output of
    //   from scipy.stats import pearsonr
    //   float(pearsonr(x, y).statistic)

    #[test]
    fn positive_matches_scipy() {
        // pearsonr([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]) = 0.7745966692414834
        // (by hand: Sxy = 6, Sxx = 10, Syy = 6, r = 6/√60 = √0.6)
        close(
            r(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 5.0, 4.0, 5.0]),
            0.7745966692414834,
        );
        // Scores on 0–1 as `prem init` passes them:
        // pearsonr([0, .25, .5, .75, 1, 1, .5, .25], [.6, .7, .5, .9, .8, 1, .4, .55])
        //   = 0.6482780700805963
        close(
            r(
                &[0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 0.5, 0.25],
                &[0.6, 0.7, 0.5, 0.9, 0.8, 1.0, 0.4, 0.55],
            ),
            0.6482780700805963,
        );
    }

    #[test]
    fn negative_matches_scipy() {
        // pearsonr([1, 2, 3, 4, 5, 6], [10, 8, 9, 5, 3, 1]) = -0.9561828874675149
        close(
            r(
                &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                &[10.0, 8.0, 9.0, 5.0, 3.0, 1.0],
            ),
            -0.9561828874675149,
        );
    }

    #[test]
    fn perfect_matches_scipy() {
        // pearsonr([1, 2, 3, 4], [3, 5, 7, 9]) = 1.0 (y = 2x + 1)
        close(r(&[1.0, 2.0, 3.0, 4.0], &[3.0, 5.0, 7.0, 9.0]), 1.0);
        // pearsonr([0, .25, .5, 1], [1, .75, .5, 0]) = -1.0 (y = 1 − x)
        close(r(&[0.0, 0.25, 0.5, 1.0], &[1.0, 0.75, 0.5, 0.0]), -1.0);
        // Two pairs always lie on a line: pearsonr([.1, .9], [.3, .2]) = -1.0
        close(r(&[0.1, 0.9], &[0.3, 0.2]), -1.0);
    }

    #[test]
    fn symmetric_and_invariant_to_scale_and_shift() {
        let (x, y) = ([1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 4.0, 5.0, 4.0, 5.0]);
        close(r(&y, &x), r(&x, &y));
        let y_scaled: Vec<f64> = y.iter().map(|v| 10.0 * v - 3.0).collect();
        close(r(&x, &y_scaled), r(&x, &y));
        let y_flipped: Vec<f64> = y.iter().map(|v| -v).collect();
        close(r(&x, &y_flipped), -r(&x, &y));
    }

    #[test]
    fn undefined_is_none() {
        // scipy raises "`x` and `y` must have length at least 2." for fewer than two pairs.
        assert_eq!(pearson(&[]), None);
        assert_eq!(pearson(&[(0.5, 0.5)]), None);
        // Zero variance: pearsonr([1, 2, 3], [4, 4, 4]) = nan with ConstantInputWarning.
        assert_eq!(pearson(&zip(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0])), None);
        assert_eq!(pearson(&zip(&[0.5, 0.5, 0.5], &[0.1, 0.9, 0.4])), None);
        assert_eq!(pearson(&zip(&[1.0, 1.0], &[1.0, 1.0])), None);
        // Not finite, or beyond what the sums of squares hold.
        assert_eq!(pearson(&zip(&[1.0, f64::NAN, 3.0], &[1.0, 2.0, 3.0])), None);
        assert_eq!(
            pearson(&zip(&[1.0, 2.0, 3.0], &[1.0, f64::INFINITY, 3.0])),
            None
        );
        assert_eq!(pearson(&zip(&[1e200, -1e200], &[1e200, -1e200])), None);
    }
}
