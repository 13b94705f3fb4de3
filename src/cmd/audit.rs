//! `prem audit DIR…`: reads the published files under each DIR, runs the attacker
//! (`prem::audit`) and prints what it read, tried and found. Exit 0: nothing found; 1: a
//! finding; 2: something given could not be read (the rest is still checked).

use std::process::ExitCode;

use prem::audit::text::{self, Threshold};
use prem::i18n::{Language, Msg};

use crate::cli::AuditArgs;

/// The spec's default `min_n`, for a release that does not state its own.
const DEFAULT_MIN_N: u64 = 10;

pub fn run(a: AuditArgs) -> (Language, anyhow::Result<ExitCode>) {
    let (published, problems) = prem::audit::read_dirs(&a.dirs);
    let lang = a.lang.or(published.language).unwrap_or_default();
    for p in &problems {
        let (message, hint) = text::problem(p, lang);
        eprintln!("{}: {message}", lang.msg(Msg::LabelError));
        eprintln!("{}: {hint}", lang.msg(Msg::LabelHint));
    }
    let (min_n, threshold) = match (a.min_n, published.min_n()) {
        (Some(n), _) => (n, Threshold::Given),
        (None, Some(n)) => {
            let file = published
                .thresholds
                .iter()
                .find(|(_, m)| *m == n)
                .map(|(f, _)| f.clone())
                .unwrap_or_default();
            (n, Threshold::Release(file))
        }
        (None, None) => (DEFAULT_MIN_N, Threshold::Default),
    };
    if published.files.is_empty() {
        return (lang, Ok(ExitCode::from(2)));
    }
    let audit = prem::audit::run(&published, min_n);
    print!("{}", text::render(&published, &audit, &threshold, lang));
    let code = if !problems.is_empty() {
        eprintln!("{}", lang.audit().incomplete);
        2
    } else if audit.findings.is_empty() {
        0
    } else {
        1
    };
    (lang, Ok(ExitCode::from(code)))
}
