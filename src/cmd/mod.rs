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
