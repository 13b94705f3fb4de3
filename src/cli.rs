//! Command-line arguments. The `///` comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// prem: client-experience surveys of a birth-care network → scores, trends, comparison
/// and an agenda item for the quality meeting.
#[derive(Debug, Parser)]
#[command(name = "prem", version, about, long_about = None)]
pub struct Cli {
    /// No progress output.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: read the exports, score, and write the report folder.
    Report(ReportArgs),
    /// Check config, codebooks and exports; print the data-quality summary; write nothing.
    Validate(ValidateArgs),
    /// List or print the built-in codebooks.
    #[command(subcommand)]
    Codebook(CodebookCommand),
    /// Write realistic synthetic exports and a prem.toml to try prem on.
    Sample(SampleArgs),
}

/// `prem report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The analysis configuration.
    #[arg(default_value = "prem.toml")]
    pub config: PathBuf,
    /// Report period, e.g. 2026-Q3 (default: the latest in the data).
    #[arg(long)]
    pub period: Option<String>,
    /// Only write the agenda of this VSV (repeatable; default: every VSV).
    #[arg(long = "vsv", value_name = "NAME")]
    pub vsvs: Vec<String>,
    /// Output folder (default: [analysis] output in prem.toml, relative to it).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Treat unusable values (unknown answers, bad dates …) as fatal.
    #[arg(long)]
    pub strict: bool,
}

/// `prem validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The analysis configuration.
    #[arg(default_value = "prem.toml")]
    pub config: PathBuf,
    /// Treat unusable values as fatal (exit 1).
    #[arg(long)]
    pub strict: bool,
}

/// `prem codebook`.
#[derive(Debug, Subcommand)]
pub enum CodebookCommand {
    /// List the built-in codebooks.
    List,
    /// Print a built-in codebook as TOML, to copy and adapt.
    Show {
        /// Name of the codebook, e.g. prem-geboortezorg.
        name: String,
    },
}

/// `prem sample`.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// Folder to write the exports and prem.toml into.
    #[arg(long)]
    pub out: PathBuf,
    /// Number of VSVs.
    #[arg(long, default_value_t = 8)]
    pub vsvs: usize,
    /// Number of quarters (ending with 2026-Q3).
    #[arg(long, default_value_t = 8)]
    pub quarters: usize,
    /// Typical completed PREMs per VSV per quarter.
    #[arg(long, default_value_t = 150)]
    pub per_quarter: usize,
    /// Random seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where the generated prem.toml sends its reports (relative to it).
    #[arg(long, default_value = "reports")]
    pub reports: String,
}
