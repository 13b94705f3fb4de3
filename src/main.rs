//! The `prem` binary: parse arguments, run a command, print errors as `fout:` + `tip:`
//! (`error:` + `hint:` in English), and exit 0 (success), 1 (bad input or failed run) or 2
//! (bad usage: from clap, or a period or VSV that is not in the data).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;
use prem::i18n::{Language, Msg};
use prem::render::diagnostic::describe;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let (lang, result) = cmd::run(cli);
    match result {
        Ok(code) => code,
        Err(e) => {
            print_error(&e, lang);
            // A period or VSV that does not exist is bad usage, like an unknown option.
            match e.downcast_ref::<prem::Error>() {
                Some(prem::Error::Usage(_)) => ExitCode::from(2),
                _ => ExitCode::from(1),
            }
        }
    }
}

/// Prints `e` on stderr: the message, each cause after it, and the hint. A prem error is
/// told in `lang`, the language of the configuration; an error of anything else comes in
/// English, and then so do the labels.
fn print_error(e: &anyhow::Error, lang: Language) {
    let ours = e.chain().any(|c| c.downcast_ref::<prem::Error>().is_some());
    let lang = if ours { lang } else { Language::En };
    let mut parts = Vec::new();
    let mut hint = None;
    for cause in e.chain() {
        match cause.downcast_ref::<prem::Error>() {
            Some(p) => {
                let d = describe(p, lang);
                parts.push(d.message);
                hint = hint.or(d.hint);
            }
            None => parts.push(cause.to_string()),
        }
    }
    eprintln!("{}: {}", lang.msg(Msg::LabelError), parts.join(": "));
    if let Some(h) = hint {
        eprintln!("{}: {h}", lang.msg(Msg::LabelHint));
    }
}
