//! `prem codebook list | show NAME`.

use std::process::ExitCode;

use prem::config::codebook::{builtin_names, Codebook, BUILTIN};
use prem::error::CodebookProblem;

use crate::cli::CodebookCommand;

pub fn run(c: CodebookCommand) -> anyhow::Result<ExitCode> {
    match c {
        CodebookCommand::List => {
            for (name, text) in BUILTIN {
                let title = Codebook::parse(text, std::path::Path::new(name))
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
                let problem = CodebookProblem::NotBuiltIn {
                    name: name.clone(),
                    known: builtin_names(),
                };
                return Err(prem::Error::codebook(name, problem).into());
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
