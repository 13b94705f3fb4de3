//! `prem codebook list | show NAME`.

use std::process::ExitCode;

use anyhow::bail;
use prem::codebook::{Codebook, BUILTIN};

use crate::cli::CodebookCommand;

pub fn run(c: CodebookCommand) -> anyhow::Result<ExitCode> {
    match c {
        CodebookCommand::List => {
            for (name, text) in BUILTIN {
                let title =
                    Codebook::parse(text, std::path::Path::new(name), prem::i18n::Language::Nl)
                        .map(|cb| {
                            format!(
                                "{} ({} themes, {} items)",
                                cb.title,
                                cb.themes.len(),
                                cb.items.len()
                            )
                        })
                        .unwrap_or_default();
                println!("{name:<20} {title}");
            }
        }
        CodebookCommand::Show { name } => match Codebook::builtin_text(&name) {
            Some(text) => print!("{text}"),
            None => {
                let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
                let lang = prem::i18n::Language::default();
                bail!(lang.say(
                    prem::i18n::Msg::UnknownCodebook,
                    &[("name", &name), ("names", &names.join(", "))]
                ));
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
