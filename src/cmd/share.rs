//! `prem share`: the config's published figures as one file for collaborating VSVs.

use std::process::ExitCode;

use prem::config::Config;
use prem::error::UsageProblem;
use prem::i18n::Msg;
use prem::period::Period;

use crate::cli::ShareArgs;

pub fn run(a: ShareArgs, config: Config, quiet: bool) -> anyhow::Result<ExitCode> {
    let lang = config.analysis.language;
    let bad = |p: &String| prem::Error::Usage(UsageProblem::BadPeriod { period: p.clone() });
    let period = match &a.period {
        None => None,
        Some(p) => Some(Period::parse(p).ok_or_else(|| bad(p))?),
    };
    let created = match &a.date {
        None => chrono::Local::now().date_naive(),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| prem::Error::Usage(UsageProblem::BadDate { date: d.clone() }))?,
    };
    let pb = super::spinner(quiet);
    pb.set_message(lang.msg(Msg::Reading));
    let mut aggregate = prem::report::share::aggregate(&config, period, created)?;
    // An earlier file of the same VSVs at --out: revisions must not single anyone out.
    let previous = std::fs::read(&a.out)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<prem::analysis::share::Aggregate>(&bytes).ok())
        .filter(|old| old.format == prem::analysis::share::FORMAT && old.vsvs == aggregate.vsvs);
    if let Some(old) = previous {
        let min_n = config.privacy.min_n;
        prem::report::share::against_previous(&mut aggregate, &old, min_n, a.keep_history)
            .map_err(|problem| prem::Error::Peer {
                path: a.out.clone(),
                problem: Box::new(problem),
            })?;
    }
    let text = prem::report::share::to_json(&aggregate)?;
    prem::report::output::write_atomic(&a.out, text.as_bytes())?;
    pb.finish_and_clear();
    super::record_release(
        &config.output_dir(),
        &aggregate.publishes,
        &aggregate.held,
        &config,
    )?;
    if !quiet {
        let last = aggregate.periods.last().cloned().unwrap_or_default();
        eprintln!(
            "{}",
            lang.say(
                Msg::Shared,
                &[
                    ("file", &a.out.display()),
                    ("vsvs", &aggregate.vsvs.join(", ")),
                    ("period", &last),
                    ("cells", &aggregate.cells.len()),
                ],
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
