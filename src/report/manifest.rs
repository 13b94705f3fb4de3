//! `manifest.json`: what produced this report — tool version, config, codebooks, every
//! input file with its sha256 and size, thresholds and the period — and what it holds:
//! every file prem wrote with its sha256 and size, the record a rerun checks to tell prem's
//! files from edited or added ones (see [`crate::report::rerun`]). No timestamps, so the same
//! inputs give the same bytes.
//!
//! Nothing personal and no small count: the names removed from quotes are only counted
//! (the list is exactly who must not be named), and there are no row counts per file
//! (exports are often one file per VSV, so they would tell how many clients it has).

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::{AnalysisSettings, Config, Privacy, Quotes, Source};
use crate::ingest::Canonical;
use crate::period::Period;
use crate::report::rerun::Written;

#[derive(Serialize)]
struct Manifest<'a> {
    tool: &'static str,
    version: &'static str,
    period: String,
    config_file: String,
    config: ConfigView<'a>,
    thresholds: Thresholds,
    codebooks: Vec<CodebookEntry>,
    inputs: Vec<InputEntry>,
    /// The collaborating VSVs' shared files whose figures the report compares with.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    peers: &'a [PeerEntry],
    /// Every file of the report folder as prem wrote it (the manifest itself excepted).
    files: &'a [Written],
}

/// The configuration as the manifest shows it: as read, but `[quotes] names` counted.
#[derive(Serialize)]
struct ConfigView<'a> {
    analysis: &'a AnalysisSettings,
    targets: &'a BTreeMap<String, f64>,
    privacy: &'a Privacy,
    quotes: QuotesView<'a>,
    #[serde(rename = "source")]
    sources: &'a [Source],
    #[serde(rename = "peer", skip_serializing_if = "<[_]>::is_empty")]
    peers: &'a [crate::config::Peer],
    #[serde(skip_serializing_if = "Option::is_none")]
    casemix: Option<&'a crate::config::CaseMixSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    benchmark: Option<&'a crate::config::Benchmark>,
}

#[derive(Serialize)]
struct QuotesView<'a> {
    max: usize,
    /// How many names are removed from quotes; never the names.
    names: usize,
    keywords: &'a BTreeMap<String, Vec<String>>,
    #[serde(skip_serializing_if = "is_required")]
    review: crate::config::ReviewMode,
}

/// The default needs no line in the manifest.
fn is_required(mode: &crate::config::ReviewMode) -> bool {
    *mode == crate::config::ReviewMode::Required
}

impl<'a> ConfigView<'a> {
    fn new(config: &'a Config) -> Self {
        // Taken apart field by field, so that a new setting cannot reach the manifest
        // without someone deciding it may.
        let Config {
            analysis,
            targets,
            privacy,
            quotes,
            sources,
            peers,
            casemix,
            benchmark,
            path: _,
            out: _,
        } = config;
        let Quotes {
            max,
            names,
            keywords,
            review,
        } = quotes;
        ConfigView {
            analysis,
            targets,
            privacy,
            quotes: QuotesView {
                max: *max,
                names: names.len(),
                keywords,
                review: *review,
            },
            sources,
            peers,
            casemix: casemix.standard.is_some().then_some(casemix),
            benchmark: benchmark.national.is_some().then_some(benchmark),
        }
    }
}

#[derive(Serialize)]
struct Thresholds {
    min_n: u32,
    indicative_n: u32,
    mid: f64,
}

#[derive(Serialize)]
struct CodebookEntry {
    source: String,
    name: String,
    origin: String,
    sha256: String,
}

#[derive(Serialize)]
struct InputEntry {
    source: String,
    file: String,
    sha256: String,
    // No size and no row count: a file's size estimates how many clients it holds (a
    // provider's export of 4 rows beside one of 1), which the hash does not.
    format: String,
    layout: &'static str,
}

/// A shared file read for the report.
#[derive(Serialize)]
pub struct PeerEntry {
    pub file: String,
    pub sha256: String,
    pub bytes: u64,
    pub producer: String,
    pub created: String,
    pub vsvs: Vec<String>,
    pub periods: Vec<String>,
}

impl From<&crate::analysis::peer::PeerFile> for PeerEntry {
    fn from(f: &crate::analysis::peer::PeerFile) -> Self {
        PeerEntry {
            file: f.display.clone(),
            sha256: f.sha256.clone(),
            bytes: f.bytes,
            producer: f.producer.clone(),
            created: f.created.clone(),
            vsvs: f.vsvs.clone(),
            periods: f.periods.clone(),
        }
    }
}

/// The manifest as pretty JSON; `files` is what the report folder holds besides it.
pub fn manifest_json(
    config: &Config,
    data: &Canonical,
    period: Period,
    peers: &[PeerEntry],
    files: &[Written],
) -> serde_json::Result<Vec<u8>> {
    let m = Manifest {
        tool: "prem",
        version: env!("CARGO_PKG_VERSION"),
        period: period.to_string(),
        config_file: config
            .path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default(),
        config: ConfigView::new(config),
        thresholds: Thresholds {
            min_n: config.privacy.min_n,
            indicative_n: config.privacy.indicative_n,
            mid: config.analysis.mid,
        },
        codebooks: data
            .sources
            .iter()
            .map(|s| CodebookEntry {
                source: s.name.clone(),
                name: s.codebook.name.clone(),
                origin: s.codebook.origin.clone(),
                sha256: {
                    let text = toml::to_string(&s.codebook).unwrap_or_default();
                    Sha256::digest(text.as_bytes())
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect()
                },
            })
            .collect(),
        inputs: data
            .sources
            .iter()
            .flat_map(|s| {
                s.files.iter().map(|f| InputEntry {
                    source: s.name.clone(),
                    file: f.display.clone(),
                    sha256: f.sha256.clone(),
                    format: f.format.clone(),
                    layout: f.layout,
                })
            })
            .collect(),
        peers,
        files,
    };
    let mut v = serde_json::to_vec_pretty(&m)?;
    v.push(b'\n');
    Ok(v)
}
