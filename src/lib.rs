//! prem: client-experience survey exports of Dutch birth-care networks (VSVs) → scores
//! with honest uncertainty, privacy tiers, and an agenda item for the quality meeting.
//!
//! The pipeline, one module per stage: [`config`] + [`codebook`] → [`ingest`] (canonical
//! tables, data-quality report) → [`score`] (cells, tiers, α) → [`trend`] (changes over
//! periods) after [`disclosure`] (what may be published), [`spc`] (XmR signals), [`compare`] (case-mix standardisation and [`funnel`]
//! bands) → [`render`] (tables, agendas) → [`output`] (safe writing, minding what [`rerun`] finds). [`report`] strings them together; [`sample`] makes
//! realistic synthetic exports; [`init`] guesses a starter configuration from bare exports. [`layout`] names every folder and file of a report.

pub mod actions;
pub mod audit;
pub mod benchmark;
pub mod codebook;
pub mod comments;
pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod direction;
pub mod disclosure;
pub mod error;
pub mod flags;
pub mod i18n;
pub mod ingest;
pub mod init;
pub mod labels;
pub mod layout;
pub mod ledger;
pub mod moderation;
pub mod output;
pub mod participation;
pub mod peer;
pub mod period;
pub mod polarity;
pub mod quality;
pub mod render;
pub mod report;
pub mod rerun;
pub mod safeguarding;
pub mod sample;
pub mod score;
pub mod share;
pub mod standard;
pub mod timings;
pub mod trend;
pub mod year;

#[cfg(test)]
mod enum_ids;

pub use error::{Error, Result};
// The statistics live in their own crate (no polars in its tree); the pipeline names them
// as if they were modules of this one.
pub use prem_stats::{funnel, quotes, spc, stats};
