//! The data-quality report: every row or value that was not used, with file, row, column
//! and reason, and counts per source. Nothing is dropped without an entry here.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::config::codebook::Codebook;
use crate::error::row::{Issue, Problem, ShownValue};
use crate::ingest::value::normalize;

/// Counts per source.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceCounts {
    /// Files read.
    pub files: usize,
    /// Data rows read.
    pub rows: usize,
    /// Respondent rows used (respondent × care type in long or wide layout).
    pub rows_used: usize,
    /// Distinct respondents used.
    pub respondents: usize,
    /// Usable answers.
    pub answers: usize,
    /// Answers given as a missing code (n.v.t., weet niet).
    pub missing_codes: usize,
    /// Values not used (unknown, out of range).
    pub values_rejected: usize,
    /// Rows merged into a respondent read already (`rows_per_respondent = "many"`).
    pub rows_merged: usize,
}

/// The data-quality report of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Quality {
    /// Every entry, in file and row order.
    pub issues: Vec<Issue>,
    /// Counts per source name.
    pub counts: BTreeMap<String, SourceCounts>,
    /// (file as displayed, VSV) whose dates were read month first: the file gave no
    /// `date_order`, and that VSV's own unambiguous dates are all month first.
    pub month_first: Vec<(String, String)>,
}

impl Quality {
    /// Number of entries per problem.
    pub fn by_problem(&self) -> BTreeMap<Problem, usize> {
        let mut m = BTreeMap::new();
        for i in &self.issues {
            *m.entry(i.problem).or_insert(0) += 1;
        }
        m
    }

    /// Number of entries `--strict` makes fatal.
    pub fn value_errors(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.problem.is_value_error())
            .count()
    }
}

/// The longest number-like value the data-quality report repeats as found.
const SHORT_CODE_CHARS: usize = 12;

/// Answers that are codes in any column: "no answer", unknown, yes, no, maybe (normalised).
/// With [`crate::config::vocabulary::MISSING`].
const ANY_COLUMN_WORDS: &[&str] = &[
    "onbekend",
    "unknown",
    "geen",
    "none",
    "ja",
    "nee",
    "yes",
    "no",
    "misschien",
    "maybe",
];

/// Answers that are codes in a question's column besides the known answer vocabularies
/// ([`crate::config::vocabulary::VOCABULARIES`]): the words of Dutch school grades, and "prima".
const VERDICT_WORDS: &[&str] = &[
    "zeer slecht",
    "slecht",
    "onvoldoende",
    "matig",
    "voldoende",
    "ruim voldoende",
    "goed",
    "zeer goed",
    "uitstekend",
    "prima",
];

/// The codebook's own words a rejected answer may be repeated as (normalised): its scales'
/// levels and "no answer" codes (a question's answer may be another scale's word).
#[derive(Debug, Clone, Default)]
pub struct CodebookWords(HashSet<String>);

impl CodebookWords {
    /// The words of `codebook`.
    pub fn of(codebook: &Codebook) -> CodebookWords {
        CodebookWords(
            codebook
                .scales
                .values()
                .flat_map(|s| {
                    s.level_labels()
                        .into_iter()
                        .chain(s.missing.iter().cloned())
                })
                .map(|w| normalize(&w))
                .collect(),
        )
    }
}

/// A rejected value as the data-quality report may show it: a code as found, anything else
/// only by its length ("tekst van 31 tekens" in the report). Clients type names and free text
/// into parity, age or answer columns ("Samira", "Nee, tweede (naam, 06-…)", "38 (geb. …)");
/// they must not reach the report, while a code such as "11", "goed" or "n.v.t" helps fix
/// the export.
///
/// A code is, after trimming, one of:
/// - nothing (an empty value);
/// - number-like: at most 12 characters without a blank, made of digits, ASCII punctuation
///   and at most one letter, with at most 4 digits ("11", "99", "3,5", "-", "-1", "2e",
///   "x"; phone numbers, BSNs and dates of birth have more digits, a postcode or "38jr"
///   more letters);
/// - in the date column, a date as written (three groups of digits split by `-`, `/` or
///   `.`): it is the date the form was filled in, and the officer needs it to fix the file;
/// - a known word for the column (compared normalised), or known words joined by `/`
///   ("ja/nee"). In any column: "no answer" codes (n.v.t., weet niet, …), onbekend,
///   ja/nee/misschien and their English forms. In a question's column besides: the known
///   answer vocabularies (nooit … altijd, helemaal oneens … helemaal eens, …), the words of
///   school grades and "prima", and the codebook's own levels and "no answer" codes. (A
///   parity prem reads is no rejected value, so the parity column has no words of its own.)
///
/// Anything else, however short ("Samira", "Noord", "Verloskundige"), is described.
pub fn shown_value(value: &str, problem: Problem, codebook: &CodebookWords) -> ShownValue {
    let v = value.trim();
    let code = v.is_empty()
        || number_like(v)
        || (problem == Problem::BadDate && date_shaped(v))
        || v.split('/')
            .all(|w| known_word(&normalize(w), problem, codebook));
    if code {
        ShownValue::Code(v.to_string())
    } else {
        ShownValue::FreeText(v.chars().count())
    }
}

/// Digits and punctuation with at most one letter: see [`shown_value`].
fn number_like(v: &str) -> bool {
    let letters = v.chars().filter(|c| c.is_alphabetic()).count();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    v.chars().count() <= SHORT_CODE_CHARS
        && v.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_alphabetic())
        && letters <= 1
        && digits <= 4
}

/// Three groups of 1–4 digits split by `-`, `/` or `.`.
fn date_shaped(v: &str) -> bool {
    let groups: Vec<&str> = v.split(['-', '/', '.']).collect();
    groups.len() == 3
        && groups
            .iter()
            .all(|g| (1..=4).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `n` (normalised) is a known word for the column a `problem` is about.
fn known_word(n: &str, problem: Problem, codebook: &CodebookWords) -> bool {
    use crate::config::vocabulary::{is_missing, VOCABULARIES};
    if n.is_empty() {
        return false;
    }
    if ANY_COLUMN_WORDS.contains(&n) || is_missing(n) {
        return true;
    }
    let question = matches!(problem, Problem::UnknownAnswer | Problem::OutOfRange);
    question
        && (VERDICT_WORDS.contains(&n)
            || codebook.0.contains(n)
            || VOCABULARIES
                .iter()
                .any(|v| v.levels.iter().any(|l| l.contains(&n))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(value: &str, problem: Problem) -> ShownValue {
        shown_value(value, problem, &CodebookWords::default())
    }

    fn code(v: &str) -> ShownValue {
        ShownValue::Code(v.into())
    }

    #[test]
    fn short_codes_are_shown_free_text_described() {
        for code in [
            "goed",
            "11",
            "0",
            "-1",
            "4,5",
            "n.v.t",
            "onvoldoende",
            "2e",
            "ja/nee",
        ] {
            assert_eq!(shown(code, Problem::UnknownAnswer), self::code(code));
        }
        assert_eq!(shown("  goed ", Problem::UnknownAnswer), code("goed"));
        assert_eq!(shown("", Problem::EmptyRow), code(""));
        for (text, n) in [
            ("Nee, tweede (Marloes, 06-12345678)", 34),
            ("38 (geb. 12-03-1987)", 20),
            ("zeer goed", 9),
            ("0612345678", 10),
            ("12-03-1987", 10),
            ("123456789", 9),
            ("1234AB", 6),
            ("38jr", 4),
            ("a@b.nl", 6),
            ("uitstekende zorg", 16),
            ("Verloskundige", 13),
        ] {
            assert_eq!(
                shown(text, Problem::UnknownAge),
                ShownValue::FreeText(n),
                "{text}"
            );
        }
        assert_eq!(
            shown("38 (born …)", Problem::UnknownAge),
            ShownValue::FreeText(11)
        );
    }

    #[test]
    fn an_unreadable_date_is_shown_in_the_date_column_only() {
        assert_eq!(shown("31-02-2026", Problem::BadDate), code("31-02-2026"));
        assert_eq!(shown("2026/13/01", Problem::BadDate), code("2026/13/01"));
        assert_eq!(shown("onbekend", Problem::BadDate), code("onbekend"));
        assert_eq!(
            shown("31-02-2026", Problem::UnknownAge),
            ShownValue::FreeText(10)
        );
        assert_eq!(
            shown("06-12345678", Problem::BadDate),
            ShownValue::FreeText(11)
        );
        assert_eq!(
            shown("gisteren om 3u", Problem::BadDate),
            ShownValue::FreeText(14)
        );
    }

    /// Regression (privacy): a name typed into a coded column ("Samira" under *Eerste
    /// kind*) was shown because it was one short word. Only codes are shown now.
    #[test]
    fn names_are_described_however_short() {
        for problem in [
            Problem::UnknownParity,
            Problem::UnknownAnswer,
            Problem::UnknownAge,
            Problem::BadDate,
        ] {
            for (name, n) in [("Samira", 6), ("Jansen", 6), ("Noord", 5), ("Bo", 2)] {
                assert_eq!(shown(name, problem), ShownValue::FreeText(n), "{name}");
            }
        }
        // Codes of the column's kind are shown.
        for (v, problem) in [
            ("99", Problem::UnknownParity),
            ("n.v.t.", Problem::UnknownParity),
            ("Weet niet", Problem::UnknownAge),
            ("misschien", Problem::UnknownParity),
            ("Altijd", Problem::UnknownAnswer),
            ("prima", Problem::UnknownAnswer),
            ("helemaal mee eens", Problem::OutOfRange),
            ("j", Problem::UnknownParity),
            ("-", Problem::UnknownAnswer),
        ] {
            assert_eq!(shown(v, problem), code(v), "{v}");
        }
        // An answer word is a code for a question, not for the age.
        assert_eq!(
            shown("altijd", Problem::UnknownAge),
            ShownValue::FreeText(6)
        );
    }

    /// The codebook's own levels and "no answer" codes are codes of its questions.
    #[test]
    fn the_codebooks_own_words_are_codes() {
        let mut cb = crate::config::codebook::Codebook::resolve(
            "prem-geboortezorg",
            std::path::Path::new("."),
        )
        .unwrap();
        let scale = cb.scales.values_mut().next().unwrap();
        scale.missing.push("Geen idee (98)".into());
        let words = CodebookWords::of(&cb);
        for v in ["geen idee (98)", "Geen idee (98)"] {
            assert_eq!(shown_value(v, Problem::UnknownAnswer, &words), code(v));
            // Not a code of the age column.
            assert_eq!(
                shown_value(v, Problem::UnknownAge, &words),
                ShownValue::FreeText(14)
            );
        }
        assert_eq!(
            shown_value("Praktijk Oost", Problem::UnknownAnswer, &words),
            ShownValue::FreeText(13)
        );
    }
}
