//! `prem validate`: everything `report` checks, nothing written.

use std::process::ExitCode;

use prem::analysis::analyse::analyse;
use prem::config::Config;
use prem::i18n::Msg;

use crate::cli::ValidateArgs;
use crate::cmd::report::print_summary;

pub fn run(a: ValidateArgs, config: Config, quiet: bool) -> anyhow::Result<ExitCode> {
    let lang = config.analysis.language;
    let pb = super::spinner(quiet);
    pb.set_message(lang.msg(Msg::Reading));
    let analysis = analyse(config, None)?;
    pb.finish_and_clear();
    if let Some(file) = &a.report_quality {
        let q = &analysis.data.quality;
        let csv = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let bytes = if csv {
            prem::render::quality::quality_csv(q, lang)?
        } else {
            prem::render::quality::quality_md_all(q, lang, &analysis.config.analysis.name)
                .into_bytes()
        };
        prem::report::output::write_atomic(file, &bytes)?;
        print_summary(&analysis, Some(file));
    } else {
        print_summary(&analysis, None);
    }
    let errors = analysis.data.quality.value_errors();
    if a.strict && errors > 0 {
        return Err(prem::Error::Strict { count: errors }.into());
    }
    Ok(ExitCode::SUCCESS)
}
