//! The `prem` binary: parse arguments, run a command, print errors as `error:` + `hint:`,
//! and exit 0 (success), 1 (bad input or failed run) or 2 (bad usage: from clap, or a
//! period or VSV that is not in the data).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // The labels follow the language of the error when it has one (Dutch default).
            let lang = e
                .downcast_ref::<prem::Error>()
                .and_then(prem::Error::lang)
                .unwrap_or_default();
            let (error, hint) = match lang {
                prem::i18n::Language::Nl => ("fout", "tip"),
                prem::i18n::Language::En => ("error", "hint"),
            };
            eprintln!("{error}: {e:#}");
            if let Some(h) = e.downcast_ref::<prem::Error>().and_then(prem::Error::hint) {
                eprintln!("{hint}: {h}");
            }
            // A period or VSV that does not exist is bad usage, like an unknown option.
            match e.downcast_ref::<prem::Error>() {
                Some(prem::Error::Usage(_)) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
        }
    }
}
