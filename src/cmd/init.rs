//! `prem init`: writes the starter files, then checks them as `prem validate` does and
//! prints the next command.

use std::process::ExitCode;

use prem::analysis::analyse::analyse;
use prem::config::Config;
use prem::error::ConfigProblem;
use prem::i18n::{Language, Msg};
use prem::render::diagnostic::describe;
use prem::render::labels::Words;

use crate::cli::InitArgs;
use crate::cmd::report::print_summary;

pub fn run(a: InitArgs, quiet: bool) -> (Language, anyhow::Result<ExitCode>) {
    let starter = match prem::init::init(&a.exports, &a.out) {
        Ok(s) => s,
        Err(e) => return (Language::default(), Err(e.into())),
    };
    let lang = starter.plan.language;
    (lang, write_and_check(&a, &starter, lang, quiet))
}

fn write_and_check(
    a: &InitArgs,
    starter: &prem::init::Starter,
    lang: Language,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let t = lang.init();
    if !a.force {
        if let Some(path) = prem::init::existing(&a.out, starter).into_iter().next() {
            return Err(prem::Error::InitExists { path }.into());
        }
    }
    let written = prem::init::write_files(&a.out, starter)?;
    let shown: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    eprintln!("{}", t.written.replace("{files}", &shown.join(", ")));
    let config_path = &written[0];
    let config = match Config::load(config_path) {
        Ok(c) => c,
        Err(e) => {
            let d = describe(&e, lang);
            eprintln!("{}: {}", lang.msg(Msg::LabelError), d.message);
            if let prem::Error::Config {
                problem: ConfigProblem::OpenQuestion { line, .. },
                ..
            } = &e
            {
                let shown = config_path.display().to_string();
                eprintln!(
                    "{}",
                    t.question_first
                        .replace("{config}", &shown)
                        .replace("{line}", &line.to_string())
                );
            } else if let Some(h) = d.hint {
                eprintln!("{}: {h}", lang.msg(Msg::LabelHint));
            }
            return Ok(ExitCode::from(1));
        }
    };
    let pb = super::spinner(quiet);
    pb.set_message(lang.msg(Msg::Reading));
    let analysis = analyse(config, None)?;
    pb.finish_and_clear();
    print_summary(&analysis, None);
    if let Some(note) = left_out(&analysis, lang, config_path) {
        eprintln!("{note}");
    }
    eprintln!(
        "{}",
        t.next
            .replace("{config}", &config_path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Rows left out, when they are 5% or more: the most frequent reason and where to look,
/// before the user goes on to a report that would silently lack them.
fn left_out(
    analysis: &prem::analysis::analyse::Analysis,
    lang: Language,
    config: &std::path::Path,
) -> Option<String> {
    let q = &analysis.data.quality;
    let (rows, kept) = q.counts.values().fold((0usize, 0usize), |(r, k), c| {
        (r + c.rows, k + c.rows_used + c.rows_merged)
    });
    let lost = rows.checked_sub(kept)?;
    if rows == 0 || lost * 20 < rows {
        return None;
    }
    let reason = q
        .by_problem()
        .into_iter()
        .filter(|(p, _)| p.drops_row())
        .max_by_key(|(_, n)| *n)?
        .0;
    let pct = lost as f64 * 100.0 / rows as f64;
    Some(
        lang.init()
            .left_out
            .replace("{pct}", &lang.decimal(pct, 0))
            .replace("{reason}", lang.problem_short(reason))
            .replace("{config}", &config.display().to_string()),
    )
}
