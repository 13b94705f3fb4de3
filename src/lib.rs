//! prem: client-experience survey exports of Dutch birth-care networks (VSVs) → scores
//! with honest uncertainty, privacy tiers, and an agenda item for the quality meeting.
//!
//! The pipeline, one folder per stage (ARCHITECTURE.md is the map): [`config`] →
//! [`ingest`] (canonical tables, data-quality report) → [`analysis`] (scores, disclosure,
//! comparisons, trends, improvement points; with the officer's [`registers`]) → [`render`]
//! (documents and charts) → [`report`] (one bundle of files, written safely). Beside it:
//! [`init`] guesses a starter configuration, [`sample`] makes synthetic exports, [`audit`]
//! attacks published reports. [`error`], [`period`], [`layout`], [`i18n`] and [`text`] are
//! used by all stages.

pub mod analysis;
pub mod audit;
pub mod config;
pub mod error;
pub mod i18n;
pub mod ingest;
pub mod init;
pub mod layout;
pub mod period;
pub mod registers;
pub mod render;
pub mod report;
pub mod sample;
pub mod text;
pub mod timings;

#[cfg(test)]
mod enum_ids;

pub use error::{Error, Result};
// The statistics live in their own crate (no polars in its tree); the pipeline names them
// as if they were modules of this one.
pub use prem_stats::{funnel, quotes, spc, stats};
