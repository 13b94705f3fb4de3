//! `prem jaarverslag`: the year's chapter per VSV and for the region, written safely as
//! the quarterly report is (an edited chapter is not overwritten without `--force`).

use std::process::ExitCode;

use prem::config::Config;
use prem::i18n::Msg;
use prem::report::rerun::{Previous, Scope};

use crate::cli::YearArgs;

pub fn run(a: YearArgs, mut config: Config, quiet: bool) -> anyhow::Result<ExitCode> {
    let lang = config.analysis.language;
    let out = a.out.clone().unwrap_or_else(|| config.output_dir());
    super::output_to(&mut config, &out);
    let dir = out.join(prem::layout::year_dir(a.year));
    let pb = super::spinner(quiet);
    pb.set_message(lang.msg(Msg::Reading));
    prem::report::output::recover(&dir)?;
    let previous = Previous::read(&dir)?;
    if !a.force {
        if let Err(e) = previous.check(&Scope::Whole, &dir) {
            pb.finish_and_clear();
            return Err(e.into());
        }
    }
    let year = prem::analysis::year::analyse_year(config, a.year)?;
    pb.set_message(lang.msg(Msg::Writing));
    let bundle = prem::report::year::year_bundle(&year)?;
    bundle.write(&dir)?;
    pb.finish_and_clear();
    // The chapter publishes the year and the quarters beside it.
    let publishes: Vec<_> = (year.periods.publishes.iter())
        .chain(&year.years.publishes)
        .cloned()
        .collect();
    let held: Vec<_> = (year.periods.held.iter())
        .chain(&year.years.held)
        .copied()
        .collect();
    super::record_release(&out, &publishes, &held, &year.periods.config)?;
    println!("{}", dir.display());
    Ok(ExitCode::SUCCESS)
}
