//! `prem validate`: everything `report` checks, nothing written.

use std::process::ExitCode;

use anyhow::Context;
use prem::config::Config;
use prem::report::analyse;

use crate::cli::ValidateArgs;
use crate::cmd::report::print_summary;

pub fn run(a: ValidateArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let pb = super::spinner(quiet);
    pb.set_message("reading exports");
    let config = Config::load(&a.config)
        .with_context(|| format!("{}: configuration", a.config.display()))?;
    let analysis = analyse(config, None)?;
    pb.finish_and_clear();
    print_summary(&analysis);
    let errors = analysis.data.quality.value_errors();
    if a.strict && errors > 0 {
        return Err(prem::Error::Strict { count: errors }.into());
    }
    Ok(ExitCode::SUCCESS)
}
