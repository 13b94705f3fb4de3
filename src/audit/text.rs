//! The audit in words: what was read, what was tried, what was found; and why something
//! could not be read. Plain text for the terminal, in the report's language.

use std::fmt::Write as _;
use std::path::PathBuf;

use strum::IntoEnumIterator;

use super::read::{Problem, Published};
use super::{Attack, Audit, CellRef, Finding, Recovered, Role};
use crate::i18n::{fill, Language};

/// Where the audit's `min_n` came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Threshold {
    /// `--min-n`.
    Given,
    /// A manifest or shared file.
    Release(PathBuf),
    /// The spec's default; nothing read states one.
    Default,
}

/// Findings printed per attack; the rest are counted.
const SHOWN_PER_ATTACK: usize = 25;

/// The whole account of an audit.
pub fn render(p: &Published, audit: &Audit, threshold: &Threshold, lang: Language) -> String {
    let t = lang.audit();
    let mut s = String::new();
    let _ = writeln!(s, "{}\n", t.title);
    let _ = writeln!(
        s,
        "{}",
        fill(t.read, &[("count", p.files.len().to_string())])
    );
    for f in &p.files {
        let _ = writeln!(s, "  {}", f.display());
    }
    let min_n = audit.min_n.to_string();
    let line = match threshold {
        Threshold::Given => fill(t.threshold_given, &[("min_n", min_n.clone())]),
        Threshold::Release(f) => fill(
            t.threshold_release,
            &[("min_n", min_n.clone()), ("file", f.display().to_string())],
        ),
        Threshold::Default => fill(t.threshold_default, &[("min_n", min_n.clone())]),
    };
    let _ = writeln!(s, "{line}");
    let mut stated: Vec<u64> = p.thresholds.iter().map(|(_, n)| *n).collect();
    stated.sort_unstable();
    stated.dedup();
    if stated.len() > 1 {
        let _ = writeln!(s, "{}", t.thresholds_differ);
    }
    let _ = writeln!(s, "\n{}", t.tried);
    let width = Attack::iter().map(|a| a.id().len() + 2).max().unwrap_or(0);
    for tried in &audit.tried {
        let _ = writeln!(
            s,
            "  {:width$}  {}: {}",
            format!("[{}]", tried.attack.id()),
            name(tried.attack, lang),
            fill(t.combinations, &[("count", tried.combinations.to_string())]),
        );
    }
    s.push('\n');
    if audit.findings.is_empty() {
        let _ = writeln!(s, "{}", fill(t.clean, &[("min_n", min_n)]));
        return s;
    }
    let _ = writeln!(
        s,
        "{}",
        fill(
            t.found,
            &[
                ("count", audit.findings.len().to_string()),
                ("min_n", min_n)
            ]
        )
    );
    let mut number = 0;
    for attack in Attack::iter() {
        let of: Vec<&Finding> = audit
            .findings
            .iter()
            .filter(|f| f.attack == attack)
            .collect();
        for f in of.iter().take(SHOWN_PER_ATTACK) {
            number += 1;
            let _ = writeln!(s, "\n{number}. {}", headline(f, lang));
            for c in &f.cells {
                let _ = writeln!(s, "   {}", cell_line(c, lang));
            }
        }
        if of.len() > SHOWN_PER_ATTACK {
            number += of.len() - SHOWN_PER_ATTACK;
            let more = (of.len() - SHOWN_PER_ATTACK).to_string();
            let _ = writeln!(
                s,
                "\n   [{}] {}",
                attack.id(),
                fill(t.and_more, &[("count", more)])
            );
        }
    }
    s
}

/// An attack's name: `[id] words`.
pub fn name(a: Attack, lang: Language) -> &'static str {
    let i = Attack::iter().position(|x| x == a).unwrap_or(0);
    lang.audit().attacks.get(i).copied().unwrap_or("")
}

fn headline(f: &Finding, lang: Language) -> String {
    let t = lang.audit();
    let group = match f.group {
        Some(n) => fill(t.group, &[("n", n.to_string())]),
        None => t.group_unknown.to_string(),
    };
    let num = |v: f64, d: usize| lang.decimal(v, d);
    let recovered = match f.recovered {
        Recovered::Count => t.recovered_count.to_string(),
        Recovered::Mean(m) => fill(t.recovered_mean, &[("value", num(m, 2))]),
        Recovered::Interval(lo, hi) => fill(
            t.recovered_interval,
            &[("lo", num(lo, 2)), ("hi", num(hi, 2))],
        ),
        Recovered::Sum(x) => fill(t.recovered_sum, &[("value", num(x, 0))]),
        Recovered::Number(x) => fill(t.recovered_number, &[("value", num(x, 0))]),
    };
    format!(
        "[{}] {}: {group}; {recovered}",
        f.attack.id(),
        name(f.attack, lang)
    )
}

fn cell_line(c: &CellRef, lang: Language) -> String {
    let t = lang.audit();
    let role = match c.role {
        Role::Total => t.roles[0],
        Role::Part => t.roles[1],
        Role::Solved => t.roles[2],
        Role::Shown => t.roles[3],
    };
    let mut parts: Vec<String> = Vec::new();
    if !c.period.is_empty() {
        parts.push(c.period.clone());
    }
    parts.push(c.vsv.clone().unwrap_or_else(|| t.region.to_string()));
    for x in [&c.organisation, &c.care_type, &c.measure] {
        if !x.is_empty() {
            parts.push(x.clone());
        }
    }
    if let Some(n) = c.n {
        parts.push(format!("n = {n}"));
    }
    if let Some(m) = c.mean {
        parts.push(format!(
            "{} {}",
            lang.texts().score.to_lowercase(),
            lang.decimal(m, 4)
        ));
    }
    format!("{role}: {} · {}", c.file.display(), parts.join(" · "))
}

/// A problem in words, and a hint.
pub fn problem(p: &Problem, lang: Language) -> (String, &'static str) {
    let t = lang.audit();
    match p {
        Problem::Missing(path) => (
            fill(t.missing, &[("path", path.display().to_string())]),
            t.hint_missing,
        ),
        Problem::Unreadable { path, error } => (
            fill(
                t.unreadable,
                &[
                    ("path", path.display().to_string()),
                    ("error", error.clone()),
                ],
            ),
            t.hint_missing,
        ),
        Problem::Garbled { path, line, what } => (
            fill(
                t.garbled,
                &[
                    ("path", path.display().to_string()),
                    (
                        "line",
                        line.map(|l| format!(", {} {l}", t.line))
                            .unwrap_or_default(),
                    ),
                    ("what", what.clone()),
                ],
            ),
            t.hint_garbled,
        ),
        Problem::Empty(path) => (
            fill(t.empty, &[("path", path.display().to_string())]),
            t.hint_empty,
        ),
    }
}
