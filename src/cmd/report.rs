//! `prem report`: the main job.

use std::process::ExitCode;

use anyhow::Context;
use prem::config::Config;
use prem::period::Period;
use prem::report::{analyse, build, Analysis};

use crate::cli::ReportArgs;

pub fn run(a: ReportArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let config = Config::load(&a.config)?;
    let period = match &a.period {
        None => None,
        Some(p) => Some(Period::parse(p).ok_or_else(|| {
            prem::Error::Usage(format!(
                "--period {p}: expected e.g. 2026-Q3, 2026-07, 2026-H2 or 2026"
            ))
        })?),
    };
    let out = a.out.clone().unwrap_or_else(|| config.output_dir());
    let pb = super::spinner(quiet);
    pb.set_message("reading exports and scoring");
    let analysis = analyse(config, period)?;
    let errors = analysis.data.quality.value_errors();
    if a.strict && errors > 0 {
        pb.finish_and_clear();
        print_summary(&analysis);
        return Err(prem::Error::Strict { count: errors }.into());
    }
    pb.set_message("writing the report");
    let bundle = build(&analysis, &a.vsvs)?;
    let dir = out.join(analysis.period.to_string());
    bundle
        .write(&dir)
        .with_context(|| format!("writing the report to {}", dir.display()))?;
    pb.finish_and_clear();
    if !quiet {
        print_summary(&analysis);
    }
    println!("{}", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// The data-quality summary on stderr: one line per source and a line of totals.
pub fn print_summary(a: &Analysis) {
    let q = &a.data.quality;
    for (name, c) in &q.counts {
        eprintln!(
            "{name}: {} files, {} rows read, {} used, {} respondents, {} answers",
            c.files, c.rows, c.rows_used, c.respondents, c.answers
        );
    }
    let by = q.by_problem();
    if by.is_empty() {
        eprintln!("data quality: every row and value was used");
    } else {
        let parts: Vec<String> = by
            .iter()
            .map(|(p, n)| format!("{n}× {}", a.config.analysis.language.problem(*p)))
            .collect();
        eprintln!("data quality: {} (see data-quality.md)", parts.join("; "));
    }
}
