//! `data-quality.md` and `data-quality.csv`: what was not used, and why.
//!
//! Per entry: file, row, column, reason and the value — as ingest kept it, a short code or a
//! description of free text ([`crate::quality::shown_value`]). Counts per reason, but none
//! per source or file: exports are often one file per VSV, and a count of its rows would
//! give away how many clients a small unit has.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::i18n::{fill, Language};
use crate::quality::{Issue, Problem, Quality};
use crate::render::markdown::escape;
use crate::render::tables::csv_bytes;

/// Examples shown per reason in the Markdown report (the CSV has all).
const EXAMPLES: usize = 10;

/// data-quality.csv: one row per entry.
pub fn quality_csv(q: &Quality, lang: Language) -> Result<Vec<u8>> {
    Ok(csv_bytes(
        &[
            "source", "file", "row", "column", "value", "problem", "reason", "expected",
        ],
        q.issues.iter().map(|i| {
            vec![
                i.source.clone(),
                i.file.clone(),
                i.row.map(|r| r.to_string()).unwrap_or_default(),
                i.column.clone().unwrap_or_default(),
                i.value.clone(),
                problem_code(i.problem),
                lang.problem(i.problem).to_string(),
                i.expected.clone(),
            ]
        }),
    ))
}

fn problem_code(p: Problem) -> String {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// data-quality.md: entries per reason, with examples.
pub fn quality_md(q: &Quality, lang: Language, title: &str) -> String {
    let t = lang.texts();
    let mut s = format!(
        "# {} — {}\n\n## {}\n\n",
        t.quality_title,
        escape(title),
        t.quality_by_reason
    );
    if q.issues.is_empty() {
        s += t.quality_none;
        s += "\n";
        return s;
    }
    let mut by: BTreeMap<Problem, Vec<&Issue>> = BTreeMap::new();
    for i in &q.issues {
        by.entry(i.problem).or_default().push(i);
    }
    s += &format!(
        "| {} | {} |\n|---|--:|\n",
        t.quality_reason, t.quality_count
    );
    for (p, list) in &by {
        s += &format!("| {} | {} |\n", lang.problem(*p), list.len());
    }
    for (p, list) in &by {
        let reason = lang.problem(*p);
        let mut chars = reason.chars();
        let head: String = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default();
        s += &format!("\n### {} ({})\n\n", head, list.len());
        s += &format!(
            "| {} | {} | {} | {} | {} |\n|---|--:|---|---|---|\n",
            t.quality_file, t.quality_row, t.quality_column, t.quality_value, t.quality_expected
        );
        for i in list.iter().take(EXAMPLES) {
            s += &format!(
                "| {} | {} | {} | {} | {} |\n",
                escape(&i.file),
                i.row.map(|r| r.to_string()).unwrap_or_default(),
                escape(i.column.as_deref().unwrap_or("")),
                escape(&i.value),
                escape(&i.expected)
            );
        }
        if list.len() > EXAMPLES {
            s += &format!(
                "\n{}\n",
                fill(
                    t.quality_more,
                    &[("n", (list.len() - EXAMPLES).to_string())]
                )
            );
        }
    }
    s
}
