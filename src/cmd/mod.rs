//! One file per subcommand; each takes its parsed arguments and does the file-system and
//! terminal work around the library.

mod codebook;
mod funnel;
mod report;
mod sample;
mod spc;
mod validate;

use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{Cli, Command};

/// Runs the command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Report(a) => report::run(a, quiet),
        Command::Validate(a) => validate::run(a, quiet),
        Command::Codebook(c) => codebook::run(c),
        Command::Sample(a) => sample::run(a, quiet),
        Command::Spc(a) => spc::run(a),
        Command::Funnel(a) => funnel::run(a),
    }
}

/// A spinner on stderr when it is a terminal and not `--quiet`; hidden otherwise.
pub fn spinner(quiet: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
        pb.set_style(style);
    }
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}
