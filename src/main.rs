//! The `prem` binary: parse arguments, run a command, print errors as `error:` + `hint:`,
//! and exit 0 (success), 1 (bad input or failed run) or 2 (bad usage, from clap).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            if let Some(hint) = e.downcast_ref::<prem::Error>().and_then(prem::Error::hint) {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(1)
        }
    }
}
