//! One file per subcommand; each takes its parsed arguments and does the file-system and
//! terminal work around the library.

mod audit;
mod codebook;
mod funnel;
mod init;
mod jaarverslag;
mod report;
mod sample;
mod share;
mod spc;
mod validate;

use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use prem::config::Config;
use prem::i18n::Language;

use crate::cli::{Cli, Command};

/// Runs the command. Also returns the language to tell its errors in: the configuration's,
/// or Dutch (the default) for a command without one.
pub fn run(cli: Cli) -> (Language, anyhow::Result<ExitCode>) {
    let quiet = cli.quiet;
    let none = Language::default();
    match cli.command {
        Command::Report(a) => {
            let path = a.config.clone();
            with_config(&path, |config| report::run(a, config, quiet))
        }
        Command::Share(a) => {
            let path = a.config.clone();
            with_config(&path, |config| share::run(a, config, quiet))
        }
        Command::Validate(a) => {
            let path = a.config.clone();
            with_config(&path, |config| validate::run(a, config, quiet))
        }
        Command::Init(a) => init::run(a, quiet),
        Command::Jaarverslag(a) => {
            let path = a.config.clone();
            with_config(&path, |config| jaarverslag::run(a, config, quiet))
        }
        Command::Audit(a) => audit::run(a),
        Command::Codebook(c) => (none, codebook::run(c)),
        Command::Sample(a) => (none, sample::run(a, quiet)),
        Command::Spc(a) => (none, spc::run(a)),
        Command::Funnel(a) => (none, funnel::run(a)),
    }
}

/// Loads prem.toml at `path` and runs `f` with it, in its language.
fn with_config(
    path: &Path,
    f: impl FnOnce(Config) -> anyhow::Result<ExitCode>,
) -> (Language, anyhow::Result<ExitCode>) {
    match Config::load(path) {
        Ok(config) => (config.analysis.language, f(config)),
        Err(e) => (language_asked(path), Err(e.into())),
    }
}

/// The language a prem.toml asks for, read when the file does not check (so that even its
/// own errors come in that language): a `language` key under `[analysis]`, also misspelt
/// (`langauge`, `lang`), whose value begins with "en" (`en`, `EN`, `english`, `engels`).
/// Dutch when it cannot be read or says nothing readable.
fn language_asked(path: &Path) -> Language {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Language::Nl;
    };
    let english = |v: &str| v.trim().to_ascii_lowercase().starts_with("en");
    if let Ok(table) = toml::from_str::<toml::Table>(&text) {
        let asked = table
            .get("analysis")
            .and_then(|a| a.as_table())
            .into_iter()
            .flatten()
            .filter(|(k, _)| language_key(k))
            .any(|(_, v)| v.as_str().is_some_and(english));
        return if asked { Language::En } else { Language::Nl };
    }
    // Not TOML at all: the first line that sets a language-like key.
    let asked = text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        language_key(key.trim()).then(|| english(value.trim().trim_matches('"')))
    });
    if asked == Some(true) {
        Language::En
    } else {
        Language::Nl
    }
}

/// `language`, or a key that is meant to be it.
fn language_key(key: &str) -> bool {
    let k = key.trim().to_ascii_lowercase();
    k.starts_with("lang") || k.starts_with("laung") || k == "taal"
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

/// A plain-text table: a header, a rule and the rows, each column as wide as its widest
/// cell; `right[i]` right-aligns column i (numbers). Ends with a newline.
pub fn table<const N: usize>(
    header: &[String; N],
    rows: &[[String; N]],
    right: &[bool; N],
) -> String {
    let mut width = header.each_ref().map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in width.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; N]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = width[i].saturating_sub(cell.chars().count());
            let gap = if i == 0 { "" } else { "  " };
            if right[i] {
                out.push_str(&format!("{gap}{}{cell}", " ".repeat(pad)));
            } else if i + 1 == N {
                out.push_str(&format!("{gap}{cell}"));
            } else {
                out.push_str(&format!("{gap}{cell}{}", " ".repeat(pad)));
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    let total = width.iter().sum::<usize>() + 2 * N.saturating_sub(1);
    out.push_str(&"─".repeat(total));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// Adds what a command just published to the publication ledger of output folder `out`,
/// and tells the officer (on stderr) about cells it held back: numbers that would differ by
/// 1 to `min_n − 1` clients from an earlier release.
fn record_release(
    out: &Path,
    publishes: &[prem::analysis::ledger::Entry],
    held: &[(prem::period::Period, usize)],
    config: &Config,
) -> anyhow::Result<()> {
    let mut ledger = prem::analysis::ledger::Ledger::read(out)?;
    let before = ledger.clone();
    ledger.add(publishes.iter().cloned());
    if ledger != before {
        ledger.write(out)?;
    }
    let count: usize = held.iter().map(|h| h.1).sum();
    if count > 0 {
        let lang = config.analysis.language;
        let periods: Vec<String> = held.iter().map(|h| h.0.display(lang)).collect();
        let max = config.privacy.min_n.saturating_sub(1);
        eprintln!(
            "{}",
            lang.say(
                prem::i18n::Msg::LedgerHeld,
                &[
                    ("count", &count),
                    ("periods", &periods.join(", ")),
                    ("max", &max),
                ],
            )
        );
    }
    Ok(())
}

/// `--out` as the configuration's output folder, so that the library reads the ledger
/// where the command writes.
fn output_to(config: &mut Config, out: &Path) {
    config.out = Some(out.to_path_buf());
}

#[cfg(test)]
mod tests {
    /// Columns are as wide as their widest cell (in characters, so "–" and "é" count
    /// one), numbers right-aligned, the last text column not padded.
    #[test]
    fn tables_are_aligned_under_their_header() {
        let header = ["rij".to_string(), "waarde".into(), "variatie".into()];
        let rows = [
            [
                "2026-K1".to_string(),
                "7,5".into(),
                "gewone variatie".into(),
            ],
            ["r".to_string(), "–".into(), "–".into()],
        ];
        let t = super::table(&header, &rows, &[false, true, false]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "rij      waarde  variatie");
        assert_eq!(lines[1].chars().count(), 7 + 2 + 6 + 2 + 15);
        assert_eq!(lines[2], "2026-K1     7,5  gewone variatie");
        assert_eq!(lines[3], "r             –  –");
    }
}
