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
    /// Write the published figures of the config's VSVs as one file to share with
    /// collaborating VSVs (no respondent data, nothing below min_n).
    Share(ShareArgs),
    /// Check config, codebooks and exports; print the data-quality summary; write nothing.
    Validate(ValidateArgs),
    /// The chapter "Het perspectief van cliënten" of the annual quality report, per VSV
    /// and for the region: the year against the previous one, what was done, participation
    /// and goals for next year.
    Jaarverslag(YearArgs),
    /// Privacy check of published files: run the attacker on report folders, year
    /// chapters and shared files (nothing else is read). Exit 0: nothing found; 1: a
    /// finding; 2: something could not be read.
    Audit(AuditArgs),
    /// Write a starter prem.toml (and a codebook) from your exports, guessing the columns
    /// and scales, then check it as `validate` does.
    Init(InitArgs),
    /// List or print the built-in codebooks.
    #[command(subcommand)]
    Codebook(CodebookCommand),
    /// Write realistic synthetic exports and a prem.toml to try prem on.
    Sample(SampleArgs),
    /// SPC (XmR) chart numbers of any indicator series in a CSV, with the NHS "Making Data
    /// Count" rules.
    Spc(SpcArgs),
    /// Funnel-plot numbers of any proportion per unit in a CSV (numerator / denominator),
    /// with overdispersion as FunnelPlotR does.
    Funnel(FunnelArgs),
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
    /// Only write the agenda of this VSV (repeatable; default: every VSV). Over an existing
    /// report only that VSV's folder, the index and the manifest are replaced.
    #[arg(long = "vsv", value_name = "NAME")]
    pub vsvs: Vec<String>,
    /// Output folder (default: [analysis] output in prem.toml, relative to it).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Treat unusable values (unknown answers, bad dates …) as fatal.
    #[arg(long)]
    pub strict: bool,
    /// Overwrite or remove files in the report folder that were edited or added since prem
    /// wrote them (without it the run stops and names them).
    #[arg(long)]
    pub force: bool,
    /// Print the time and peak memory of each stage on stderr.
    #[arg(long)]
    pub timings: bool,
}

/// `prem share`.
#[derive(Debug, Args)]
pub struct ShareArgs {
    /// The analysis configuration.
    #[arg(default_value = "prem.toml")]
    pub config: PathBuf,
    /// The last period to share, e.g. 2026-Q3 (default: the latest in the data); every
    /// earlier period is shared too, for trends and SPC.
    #[arg(long)]
    pub period: Option<String>,
    /// The file to write, e.g. gedeeld/vsv-noord.json.
    #[arg(long)]
    pub out: PathBuf,
    /// The date the file says it was made (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Over an earlier file at --out: keep the periods it already shared as they were and
    /// add only new ones (without it, a period that changed by fewer than min_n respondents
    /// stops the run, since the two files together would single them out).
    #[arg(long)]
    pub keep_history: bool,
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
    /// Also write the data-quality list (what could not be used, row by row) to this file:
    /// Markdown, or CSV when the name ends in .csv.
    #[arg(long, value_name = "FILE")]
    pub report_quality: Option<std::path::PathBuf>,
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

/// `prem jaarverslag`.
#[derive(Debug, Args)]
pub struct YearArgs {
    /// The analysis configuration.
    #[arg(default_value = "prem.toml")]
    pub config: PathBuf,
    /// The calendar year, e.g. 2026.
    #[arg(long)]
    pub year: i32,
    /// Folder to write `jaarverslag-<year>/` in (default: [analysis] output).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Overwrite or remove files in the chapter folder that were edited or added since
    /// prem wrote them.
    #[arg(long)]
    pub force: bool,
}

/// `prem audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Published folders (a report such as reports/2026-Q3, a year chapter's folder) or
    /// shared files; folders are searched for the files prem publishes.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Language of the account: nl or en (default: the report's).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<prem::i18n::Language>,
    /// The privacy threshold to check against (default: the manifest's or shared file's
    /// min_n, else 10).
    #[arg(long, value_name = "N")]
    pub min_n: Option<u64>,
}

/// `prem init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The export files (.csv .txt .tsv .xlsx .xls .ods .sav .zsav).
    #[arg(required = true, value_name = "EXPORT")]
    pub exports: Vec<PathBuf>,
    /// Folder for prem.toml and the codebook (default: the current folder).
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
    /// Overwrite an existing prem.toml or codebook there.
    #[arg(long)]
    pub force: bool,
}

/// `prem spc`.
#[derive(Debug, Args)]
pub struct SpcArgs {
    /// CSV (or xlsx) with one row per period.
    pub file: PathBuf,
    /// Column with the values.
    #[arg(long)]
    pub value: String,
    /// Column with the date or period of each row (rows are sorted by it); default: file order.
    #[arg(long)]
    pub date: Option<String>,
    /// Which direction is better.
    #[arg(long, value_enum, default_value = "increase")]
    pub improvement: ImprovementArg,
    /// Do not screen large moving ranges before computing the limits (as the MDC Excel tool).
    #[arg(long)]
    pub no_screen: bool,
    /// Start a new segment (own mean and limits) at this row's date or label (repeatable).
    #[arg(long, value_name = "DATE")]
    pub rebase: Vec<String>,
    /// Fix the limits after this many points of each segment.
    #[arg(long, value_name = "N")]
    pub fix_after: Option<usize>,
    /// Fewest values a segment needs for limits and a classification (NHS Making Data
    /// Count: 12); below it only the mean is shown.
    #[arg(long, value_name = "N", default_value_t = prem::spc::DEFAULT_MIN_POINTS)]
    pub min_points: usize,
    /// Print every number behind the chart as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the numbers (spc.json) into this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Improvement direction of an indicator.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ImprovementArg {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
    /// Neither.
    Neutral,
}

/// `prem funnel`.
#[derive(Debug, Args)]
pub struct FunnelArgs {
    /// CSV (or xlsx) with one row per unit.
    pub file: PathBuf,
    /// Column naming the unit (e.g. the VSV).
    #[arg(long)]
    pub unit: String,
    /// Column with the numerator (events).
    #[arg(long)]
    pub numerator: String,
    /// Column with the denominator (cases).
    #[arg(long)]
    pub denominator: String,
    /// Lower proportions are better (default: higher is better).
    #[arg(long)]
    pub lower_is_better: bool,
    /// Print every number behind the chart as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the numbers (funnel.json) into this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
}
