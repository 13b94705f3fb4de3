//! The statistics of prem, free of data frames and of the tool's pipeline: each method in
//! one place, tested against R, scipy and the reference packages' own cases.
//!
//! - [`stats`]: sample summaries, t and Wilson intervals, the mean of stratum means,
//!   Cronbach's α, the Net Promoter Score, Welch's test.
//! - [`spc`]: XmR charts and their signals (NHS Making Data Count rules).
//! - [`funnel`]: funnel-plot limits with overdispersion (Spiegelhalter; FunnelPlotR).
//! - [`quotes`]: the scrubber that makes free text publishable, and the quote picker.

pub mod funnel;
pub mod quotes;
pub mod spc;
pub mod stats;
