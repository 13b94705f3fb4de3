//! `prem report`: the main job.

use std::process::ExitCode;

use prem::analysis::analyse::{analyse_timed, Analysis};
use prem::config::Config;
use prem::error::UsageProblem;
use prem::i18n::Msg;
use prem::period::Period;
use prem::render::labels::Words;
use prem::report::rerun::Previous;
use prem::report::{build_timed, resolve_vsvs, scope};
use prem::timings::{Stage, Timings};

use crate::cli::ReportArgs;

pub fn run(a: ReportArgs, mut config: Config, quiet: bool) -> anyhow::Result<ExitCode> {
    let lang = config.analysis.language;
    let period = match &a.period {
        None => None,
        Some(p) => Some(
            Period::parse(p)
                .ok_or_else(|| prem::Error::Usage(UsageProblem::BadPeriod { period: p.clone() }))?,
        ),
    };
    let out = a.out.clone().unwrap_or_else(|| config.output_dir());
    super::output_to(&mut config, &out);
    let mut timings = if a.timings {
        Timings::on()
    } else {
        Timings::off()
    };
    let pb = super::spinner(quiet);
    pb.set_message(lang.msg(Msg::Reading));
    let mut analysis = analyse_timed(config, period, &mut timings)?;
    report_signals(&analysis, &out)?;
    // Her decisions first: they decide which quotes the agendas may show.
    let workbook = out.join(prem::layout::comments_workbook(analysis.period));
    let decisions = prem::analysis::moderation::read_decisions(&workbook)?;
    analysis.moderate(&decisions);
    let errors = analysis.data.quality.value_errors();
    if a.strict && errors > 0 {
        pb.finish_and_clear();
        print_summary(&analysis, None);
        return Err(prem::Error::Strict { count: errors }.into());
    }
    pb.set_message(lang.msg(Msg::Writing));
    let dir = out.join(analysis.period.to_string());
    // Checked before the slow part: a run that would lose someone's work stops at once.
    // A report a killed run left moved aside is back before anything is compared with it.
    prem::report::output::recover(&dir)?;
    let previous = Previous::read(&dir)?;
    let checked = resolve_vsvs(&analysis, &a.vsvs).and_then(|vsvs| {
        if !a.force {
            previous.check(&scope(&analysis, &vsvs, &previous), &dir)?;
        }
        Ok(vsvs)
    });
    let vsvs = match checked {
        Ok(vsvs) => vsvs,
        Err(e) => {
            pb.finish_and_clear();
            return Err(e.into());
        }
    };
    let bundle = build_timed(&analysis, &vsvs, &previous, &mut timings)?;
    bundle.write(&dir)?;
    super::record_release(&out, &analysis.publishes, &analysis.held, &analysis.config)?;
    write_comments(&analysis, &workbook)?;
    timings.lap(Stage::Write);
    pb.finish_and_clear();
    if !quiet {
        let list = dir.join(prem::layout::document("", prem::layout::DATA_QUALITY, "md"));
        print_summary(&analysis, Some(&list));
    }
    if a.timings {
        print_timings(&timings, lang);
    }
    println!("{}", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// `--timings`: one line per stage and the total, on stderr.
fn print_timings(t: &Timings, lang: prem::i18n::Language) {
    let threads = rayon::current_num_threads().to_string();
    eprintln!("{}", lang.say(Msg::TimingsHeader, &[("threads", &threads)]));
    let line = |name: &str, wall: std::time::Duration, peak: Option<u64>| {
        let secs = lang.decimal(wall.as_secs_f64(), 2);
        let mib = peak.map_or_else(String::new, |b| format!("{:>6} MiB", b >> 20));
        eprintln!("  {name:<40} {secs:>8} s {mib}");
    };
    for lap in t.laps() {
        line(lang.stage(lap.stage), lap.wall, lap.peak);
    }
    line(lang.msg(Msg::TimingsTotal), t.total(), t.peak());
}

/// The data-quality summary on stderr: one line per source and a line of totals.
/// What was read, shared files, and the data-quality problems by kind; `list` is where the
/// full list was written (none: nothing was written, so say how to get it).
pub fn print_summary(a: &Analysis, list: Option<&std::path::Path>) {
    let lang = a.config.analysis.language;
    let q = &a.data.quality;
    for (name, c) in &q.counts {
        eprintln!(
            "{}",
            lang.say(
                Msg::SummarySource,
                &[
                    ("source", name),
                    ("files", &c.files),
                    ("rows", &c.rows),
                    ("used", &c.rows_used),
                    ("respondents", &c.respondents),
                    ("answers", &c.answers),
                ],
            )
        );
    }
    for (name, c) in q.counts.iter().filter(|(_, c)| c.rows_merged > 0) {
        eprintln!(
            "{}",
            lang.say(
                Msg::SummaryMerged,
                &[("source", name), ("rows", &c.rows_merged)]
            )
        );
    }
    for f in &a.peers {
        eprintln!(
            "{}",
            lang.say(
                Msg::SummaryPeer,
                &[
                    ("file", &f.display),
                    ("vsvs", &f.vsvs.join(", ")),
                    ("created", &f.created),
                    ("periods", &f.periods.len()),
                ],
            )
        );
    }
    if !q.month_first.is_empty() {
        let list: Vec<String> = q
            .month_first
            .iter()
            .map(|(file, vsv)| format!("{vsv} ({file})"))
            .collect();
        eprintln!(
            "{}",
            lang.say(Msg::SummaryMonthFirst, &[("list", &list.join(", "))])
        );
    }
    for r in &a.reversed {
        let text = match r {
            prem::analysis::direction::Reversed::Levels {
                codebook,
                scale,
                first,
                last,
            } => lang.say(
                Msg::ReversedLevels,
                &[
                    ("codebook", codebook),
                    ("scale", scale),
                    ("first", first),
                    ("last", last),
                ],
            ),
            prem::analysis::direction::Reversed::Tone {
                item,
                praise_mean,
                praise_n,
                complaint_mean,
                complaint_n,
            } => lang.say(
                Msg::ReversedTone,
                &[
                    ("item", item),
                    ("praise", &lang.decimal(*praise_mean, 1)),
                    ("pn", praise_n),
                    ("complaint", &lang.decimal(*complaint_mean, 1)),
                    ("cn", complaint_n),
                ],
            ),
        };
        eprintln!("{text}");
    }
    let by = q.by_problem();
    if by.is_empty() {
        eprintln!("{}", lang.msg(Msg::SummaryClean));
    } else {
        let parts: Vec<String> = by
            .iter()
            .map(|(p, n)| format!("{n}× {}", lang.problem(*p)))
            .collect();
        let at = match list {
            Some(path) => lang.say(Msg::SummarySee, &[("file", &path.display())]),
            None => lang.msg(Msg::SummaryNoList).to_string(),
        };
        eprintln!(
            "{}",
            lang.say(
                Msg::SummaryProblems,
                &[("problems", &parts.join("; ")), ("where", &at)]
            )
        );
    }
}

/// The officer's comments workbook, privately: `<output>/opmerkingen-<period>.xlsx`
/// (outside the period folder, in no manifest or agenda), with her decisions as read; a
/// line on stderr that `--quiet` does not silence. While she has it open (Excel's or
/// LibreOffice's lock file beside it) it is left as it is.
fn write_comments(a: &Analysis, path: &std::path::Path) -> anyhow::Result<()> {
    let lang = a.config.analysis.language;
    let m = &a.moderation;
    if m.reviews.is_empty() && !path.is_file() {
        return Ok(());
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    let locks = [format!("~${name}"), format!(".~lock.{name}#")];
    if let Some(lock) = locks.iter().find(|l| dir.join(l).exists()) {
        eprintln!(
            "{}",
            lang.say(
                Msg::CommentsLocked,
                &[("file", &path.display()), ("lock", lock)]
            )
        );
        return Ok(());
    }
    let bytes = prem::render::comments::workbook(&a.data, m, lang, &name)?;
    std::fs::create_dir_all(dir).map_err(|e| prem::Error::io(dir, e))?;
    let tmp = dir.join(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| prem::Error::io(path, e))?;
    let unreviewed = m.unreviewed();
    let period = a.period.display(lang);
    let line = if unreviewed == 0 {
        lang.say(
            Msg::CommentsReviewed,
            &[
                ("period", &period),
                ("count", &m.reviews.len()),
                ("file", &path.display()),
            ],
        )
    } else {
        let required = match m.mode {
            prem::config::ReviewMode::Required => lang.comments().required_suffix,
            prem::config::ReviewMode::Auto => "",
        };
        lang.say(
            Msg::CommentsWorkbook,
            &[
                ("period", &period),
                ("count", &m.reviews.len()),
                ("file", &path.display()),
                ("unreviewed", &unreviewed),
                ("required", &required),
            ],
        )
    };
    eprintln!("{line}");
    Ok(())
}

/// Safeguarding signals, privately: `<output>/.signalen.csv` (outside the period folder, in
/// no manifest or agenda; rewritten every run, removed when there are none) and a line on
/// stderr that `--quiet` does not silence.
fn report_signals(a: &Analysis, out: &std::path::Path) -> anyhow::Result<()> {
    let lang = a.config.analysis.language;
    let path = out.join(prem::layout::SIGNALS);
    if a.signals.is_empty() {
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|e| prem::Error::io(&path, e))?;
        }
        return Ok(());
    }
    std::fs::create_dir_all(out).map_err(|e| prem::Error::io(out, e))?;
    let tmp = out.join(format!("{}.tmp", prem::layout::SIGNALS));
    std::fs::write(&tmp, prem::render::quality::signals_csv(&a.signals, lang))
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| prem::Error::io(&path, e))?;
    let rows = |period: Option<prem::period::Period>| {
        let mut r: Vec<(&str, &str, usize)> = a
            .signals
            .iter()
            .filter(|s| period.is_none() || s.period == period)
            .map(|s| (s.source.as_str(), s.file.as_str(), s.row))
            .collect();
        r.sort_unstable();
        r.dedup();
        r.len()
    };
    eprintln!(
        "{}",
        lang.say(
            Msg::Safeguarding,
            &[
                ("count", &rows(None)),
                ("in_period", &rows(Some(a.period))),
                ("period", &a.period),
                ("file", &path.display()),
            ],
        )
    );
    Ok(())
}
