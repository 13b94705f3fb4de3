//! `data-quality.md` and `data-quality.csv`: what was not used, and why.
//!
//! Per entry: file, row, column, reason and the value — as ingest kept it, a code or the
//! length of anything else ([`crate::ingest::quality::shown_value`]), in words here. Counts per
//! reason, but none per source or file: exports are often one file per VSV, and a count of
//! its rows would give away how many clients a small unit has.

use std::collections::BTreeMap;

use crate::error::row::{Expected, Issue, Problem, ShownValue};
use crate::error::Result;
use crate::i18n::{fill, Language};
use crate::ingest::quality::Quality;
use crate::render::labels::Words;
use crate::render::markdown::escape;
use crate::render::tables::csv_bytes;
use crate::text::safeguarding::Signal;

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
                value_text(&i.value, lang),
                i.problem.id().to_string(),
                lang.problem(i.problem).to_string(),
                expected_text(&i.expected, lang),
            ]
        }),
    ))
}

/// A rejected value in words: a code as found, anything else by its length.
pub fn value_text(v: &ShownValue, lang: Language) -> String {
    match v {
        ShownValue::Code(code) => code.clone(),
        ShownValue::FreeText(n) => fill(lang.texts().quality_free_text, &[("n", n.to_string())]),
    }
}

/// What an entry expected, in words.
pub fn expected_text(e: &Expected, lang: Language) -> String {
    let t = lang.texts();
    match e {
        Expected::Nothing => String::new(),
        Expected::Literal(s) => s.clone(),
        Expected::Fields(n) => n.to_string(),
        Expected::Date { month_first: true } => "mm/dd/yyyy".into(),
        Expected::Date { month_first: false } => t.date_format.into(),
        Expected::DateOrder => "date_order = \"dmy\" | \"mdy\"".into(),
        Expected::Parity => t.parity_expected.into(),
        Expected::Age => t.age_expected.into(),
        Expected::FirstCopy { file, row } => format!("{file}:{row}"),
    }
}

/// data-quality.md: entries per reason, with examples (the rest are in data-quality.csv
/// beside it).
pub fn quality_md(q: &Quality, lang: Language, title: &str) -> String {
    quality_md_with(q, lang, title, Some(EXAMPLES))
}

/// The data-quality list with every entry (`prem validate --report-quality`, which writes
/// no CSV beside it to refer to).
pub fn quality_md_all(q: &Quality, lang: Language, title: &str) -> String {
    quality_md_with(q, lang, title, None)
}

fn quality_md_with(q: &Quality, lang: Language, title: &str, examples: Option<usize>) -> String {
    let shown = examples.unwrap_or(usize::MAX);
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
        for i in list.iter().take(shown) {
            s += &format!(
                "| {} | {} | {} | {} | {} |\n",
                escape(&i.file),
                i.row.map(|r| r.to_string()).unwrap_or_default(),
                escape(i.column.as_deref().unwrap_or("")),
                escape(&value_text(&i.value, lang)),
                escape(&expected_text(&i.expected, lang))
            );
        }
        if list.len() > shown {
            s += &format!(
                "\n{}\n",
                fill(t.quality_more, &[("n", (list.len() - shown).to_string())])
            );
        }
    }
    s
}

/// `.signalen.csv`: one line per signal (source, file, row, column, period, category,
/// reason), never the text. Column names and codes are English like data-quality.csv;
/// `reason` is in `lang`.
pub fn signals_csv(signals: &[Signal], lang: Language) -> Vec<u8> {
    csv_bytes(
        &[
            "source", "file", "row", "column", "period", "category", "reason",
        ],
        signals.iter().map(|s| {
            vec![
                s.source.clone(),
                s.file.clone(),
                s.row.to_string(),
                s.column.clone(),
                s.period.map(|p| p.to_string()).unwrap_or_default(),
                s.category.id().to_string(),
                lang.signal(s.category).to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;
    use crate::text::safeguarding::Category::Suicide;

    #[test]
    fn values_and_expectations_are_words_in_the_language() {
        assert_eq!(
            value_text(&ShownValue::Code("11".into()), Language::Nl),
            "11"
        );
        assert_eq!(
            value_text(&ShownValue::FreeText(31), Language::Nl),
            "tekst van 31 tekens"
        );
        assert_eq!(
            value_text(&ShownValue::FreeText(11), Language::En),
            "text of 11 characters"
        );
        let date = Expected::Date { month_first: false };
        assert_eq!(expected_text(&date, Language::Nl), "dd-mm-jjjj");
        assert_eq!(expected_text(&date, Language::En), "dd-mm-yyyy");
        let us = Expected::Date { month_first: true };
        assert_eq!(expected_text(&us, Language::Nl), "mm/dd/yyyy");
        assert_eq!(
            expected_text(&Expected::Parity, Language::Nl),
            "ja / nee (eerste kind?)"
        );
        let copy = Expected::FirstCopy {
            file: "exports/a.csv".into(),
            row: 7,
        };
        assert_eq!(expected_text(&copy, Language::En), "exports/a.csv:7");
        assert_eq!(expected_text(&Expected::Fields(9), Language::En), "9");
        assert_eq!(expected_text(&Expected::Nothing, Language::Nl), "");
    }

    #[test]
    fn the_file_names_where_never_what() {
        let s = Signal {
            source: "fft".into(),
            file: "fft.csv".into(),
            row: 12,
            column: "FFT answer".into(),
            period: Period::parse("2021-Q3"),
            category: Suicide,
        };
        let text = String::from_utf8(signals_csv(&[s], Language::En)).unwrap();
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "source,file,row,column,period,category,reason",
                "fft,fft.csv,12,FFT answer,2021-Q3,suicide,suicide or wanting to die",
            ]
        );
    }
}
