//! `prem sample`: realistic synthetic exports and a prem.toml.

use std::process::ExitCode;

use anyhow::Context;
use prem::report::output::write_atomic;
use prem::sample::{generate, SampleOptions};

use crate::cli::SampleArgs;

pub fn run(a: SampleArgs, quiet: bool) -> anyhow::Result<ExitCode> {
    let opts = SampleOptions {
        vsvs: a.vsvs,
        quarters: a.quarters,
        per_quarter: a.per_quarter,
        seed: a.seed,
        reports: a.reports,
        ..SampleOptions::default()
    };
    let pb = super::spinner(quiet);
    let lang = prem::i18n::Language::default();
    pb.set_message(lang.msg(prem::i18n::Msg::Generating));
    let mut files = generate(&opts).context("generating the sample")?;
    for f in &files {
        let path = a.out.join(&f.path);
        write_atomic(&path, &f.bytes)?;
    }
    // The VSVs' shared files are what `prem share` makes of the exports just written.
    let shared = prem::sample::together::together_shared(&a.out, &opts)?;
    for f in &shared {
        write_atomic(&a.out.join(&f.path), &f.bytes)?;
    }
    files.extend(shared);
    pb.finish_and_clear();
    if !quiet {
        eprintln!(
            "{}",
            lang.say(
                prem::i18n::Msg::FilesWritten,
                &[("n", &files.len()), ("dir", &a.out.display())]
            )
        );
    }
    println!("{}", a.out.join("prem.toml").display());
    Ok(ExitCode::SUCCESS)
}
