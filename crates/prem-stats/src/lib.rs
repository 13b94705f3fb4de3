//! The statistics of prem, free of data frames and of the tool's pipeline: each method in
//! one place, tested against R, scipy and the reference packages' own cases.
//!
//! - [`stats`]: sample summaries, t and Wilson intervals, the mean of stratum means,
//!   Cronbach's α, the Net Promoter Score, Welch's test.
//! - [`correlation`]: Pearson's r of paired observations.
//! - [`spc`]: XmR charts and their signals (NHS Making Data Count rules).
//! - [`funnel`]: funnel-plot limits with overdispersion (Spiegelhalter; FunnelPlotR).
//! - [`quotes`]: the scrubber that makes free text publishable, and the quote picker.

pub mod correlation;
pub mod funnel;
pub mod quotes;
pub mod spc;
pub mod stats;

#[cfg(test)]
mod ids {
    //! Every enum whose id is written to a file: the id parses back to the same variant,
    //! and serde (JSON) writes the same id as strum (CSV).

    use std::fmt::Debug;
    use std::str::FromStr;

    use strum::IntoEnumIterator;

    fn round_trip<E>() -> Vec<&'static str>
    where
        E: IntoEnumIterator
            + Into<&'static str>
            + FromStr
            + serde::Serialize
            + Copy
            + PartialEq
            + Debug,
        <E as FromStr>::Err: Debug,
    {
        E::iter()
            .map(|v| {
                let id: &'static str = v.into();
                assert_eq!(E::from_str(id).ok(), Some(v), "{id}");
                let json = serde_json::to_value(v).expect("json");
                assert_eq!(json.as_str(), Some(id), "{v:?}");
                id
            })
            .collect()
    }

    #[test]
    fn band_ids() {
        assert_eq!(
            round_trip::<crate::funnel::Band>(),
            [
                "much_better",
                "better",
                "as_expected",
                "worse",
                "much_worse"
            ]
        );
    }

    #[test]
    fn variation_ids() {
        assert_eq!(
            round_trip::<crate::spc::Variation>(),
            [
                "common_cause",
                "special_cause_improvement",
                "special_cause_concern",
                "special_cause_neutral"
            ]
        );
    }
}
