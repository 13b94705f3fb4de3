//! The one number formatter: rounding and the sign of a shown number. The report's
//! language ([`super::Language::decimal`]) and the machine-readable tables
//! (`render::tables::fixed`) are both written on top of [`decimals`].

/// `value` rounded to `decimals` decimals, with a dot and an ASCII minus, and a minus only
/// where the shown number is not zero (`-0.00001` with 4 decimals is "0.0000").
pub fn decimals(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_never_shows_negative_zero() {
        assert_eq!(decimals(-0.00001, 4), "0.0000");
        assert_eq!(decimals(-0.4, 0), "0");
        assert_eq!(decimals(-0.6, 0), "-1");
        assert_eq!(decimals(7.25, 2), "7.25");
        assert_eq!(decimals(-12.345, 1), "-12.3");
    }
}
