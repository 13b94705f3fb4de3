//! Moderation: a person decides which open answers may be quoted.
//!
//! Services that publish patient stories moderate every text before it goes out; an
//! automatic filter is a first pass, never the last word. Every open answer of the report's
//! period gets a stable id, its scrubbed text, the themes it is about, prem's proposal
//! (publish or not, and why) and, once she has given one in the comments workbook
//! (`opmerkingen-<period>.xlsx`, column *publiceren*), the officer's decision. Her decision
//! wins, matched by id (never by row: she may sort and filter), except that a text with a
//! safeguarding signal, or of a client with one, is never published. With
//! `[quotes] review = "required"` only texts she approved are quoted.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use crate::config::{Config, ReviewMode};
use crate::error::{Error, InputProblem, Result};
use crate::ingest::{Canonical, Comment};
use crate::period::Period;
use crate::text::polarity::Polarity;
use crate::text::safeguarding::Category;

/// Why prem proposes what it proposes for a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    /// The text has a safeguarding signal (or the export flags its row): never published.
    Signal(Category),
    /// Another text or row of the same client has a signal: never published.
    SameClient,
    /// Personal data was scrubbed from it: the rest may still say who it is.
    Personal,
    /// Neither clearly praise nor clearly a point to improve ("Nee", "n.v.t.").
    Unclear,
    /// Nothing against it.
    Fine,
}

impl Why {
    /// True for the reasons no decision of the officer can overrule.
    pub fn blocks(self) -> bool {
        matches!(self, Why::Signal(_) | Why::SameClient)
    }
}

/// One open answer under review: a row of the comments workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Stable id: the same text of the same unit, period, source and column has the same
    /// id in every run, whatever else the exports hold.
    pub id: String,
    /// The text with personal data replaced by `[…]`.
    pub text: String,
    /// The themes it is about (indices into [`Canonical::themes`]), by the keywords.
    pub themes: Vec<u16>,
    /// prem's proposal: publish or not.
    pub proposal: bool,
    /// Why prem proposes that.
    pub why: Why,
    /// The officer's decision from the workbook, when she gave one.
    pub officer: Option<bool>,
}

impl Review {
    /// Whether the text may be quoted under `mode`.
    pub fn publish(&self, mode: ReviewMode) -> bool {
        if self.why.blocks() {
            return false;
        }
        match (self.officer, mode) {
            (Some(decision), _) => decision,
            (None, ReviewMode::Required) => false,
            (None, ReviewMode::Auto) => self.proposal,
        }
    }
}

/// The reviews of a report's open answers: one per [`Canonical::comments`] entry, in the
/// same order.
#[derive(Debug, Clone, Default)]
pub struct Moderation {
    /// One per comment.
    pub reviews: Vec<Review>,
    /// `[quotes] review`.
    pub mode: ReviewMode,
    /// Whether a workbook with the officer's decisions was read.
    pub workbook_read: bool,
}

impl Moderation {
    /// prem's proposals for every comment of `data` (decisions come with [`Self::apply`]).
    pub fn new(data: &Canonical, config: &Config) -> Self {
        let keywords: Vec<Vec<String>> = (0..data.themes.len())
            .map(|t| keywords(data, &config.quotes, t))
            .collect();
        let words = ThemeWords::new(data, &keywords);
        let reviews = data
            .comments
            .iter()
            .map(|c| review(data, config, &words, c))
            .collect();
        Moderation {
            reviews,
            mode: config.quotes.review,
            workbook_read: false,
        }
    }

    /// Takes the officer's decisions; ids she decided that are not here stay unused.
    pub fn apply(&mut self, decisions: &Decisions) {
        for r in &mut self.reviews {
            r.officer = decisions.0.get(&r.id).copied();
        }
        self.workbook_read = true;
    }

    /// Whether comment `i` may be quoted.
    pub fn publishes(&self, i: usize) -> bool {
        self.reviews.get(i).is_some_and(|r| r.publish(self.mode))
    }

    /// Whether comment `i` was approved by the officer herself.
    pub fn approved(&self, i: usize) -> bool {
        self.reviews
            .get(i)
            .is_some_and(|r| r.officer == Some(true) && !r.why.blocks())
    }

    /// How many texts that could be quoted she has not decided on yet.
    pub fn unreviewed(&self) -> usize {
        self.reviews
            .iter()
            .filter(|r| r.officer.is_none() && !r.why.blocks())
            .count()
    }
}

/// The officer's decisions read from a workbook: id → publish.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decisions(pub BTreeMap<String, bool>);

/// The column headers of the id and the decision, in both report languages: a workbook
/// written in one language is read back after a switch to the other.
const ID_HEADERS: &[&str] = &["id"];
const DECISION_HEADERS: &[&str] = &["publiceren", "publish"];

/// Reads the decisions of the comments workbook at `path`; none when there is no such
/// file yet. An id decided twice (two rows of the same text) counts as `nee` when either
/// says `nee`.
pub fn read_decisions(path: &Path) -> Result<Decisions> {
    if !path.is_file() {
        return Ok(Decisions::default());
    }
    let not_read = |error: String| Error::input(path, InputProblem::NotSpreadsheet { error });
    let mut book = open_workbook_auto(path).map_err(|e| not_read(e.to_string()))?;
    let Some(sheet) = book.sheet_names().first().cloned() else {
        return Err(Error::input(path, InputProblem::NoSheets));
    };
    let range = book.worksheet_range(&sheet).map_err(|e| {
        Error::input(
            path,
            InputProblem::SheetUnreadable {
                sheet: sheet.clone(),
                error: e.to_string(),
            },
        )
    })?;
    let mut rows = range.rows();
    let headers: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(cell_text).collect())
        .unwrap_or_default();
    let find = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let (Some(id_col), Some(decision_col)) = (find(ID_HEADERS), find(DECISION_HEADERS)) else {
        let column = match find(ID_HEADERS) {
            None => ID_HEADERS[0],
            Some(_) => DECISION_HEADERS[0],
        };
        return Err(Error::input(
            path,
            InputProblem::MissingNamedColumn {
                column: column.to_string(),
                headers,
            },
        ));
    };
    let mut decisions = BTreeMap::new();
    for row in rows {
        let id = row.get(id_col).map(cell_text).unwrap_or_default();
        let Some(decision) = row
            .get(decision_col)
            .map(cell_text)
            .and_then(|v| yes_no(&v))
        else {
            continue;
        };
        if id.trim().is_empty() {
            continue;
        }
        decisions
            .entry(id.trim().to_string())
            .and_modify(|d: &mut bool| *d &= decision)
            .or_insert(decision);
    }
    Ok(Decisions(decisions))
}

/// A decision as typed: `ja`/`nee` (also yes/no, j/n, 1/0, x for yes); anything else is
/// no decision.
fn yes_no(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "1" | "x" | "waar" | "true" => Some(true),
        "nee" | "n" | "no" | "0" | "onwaar" | "false" => Some(false),
        _ => None,
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The stable id of a text: 12 hex digits of the SHA-256 of its source, column, unit,
/// period and text. The same words in the same place are one decision.
pub fn text_id(source: &str, column: &str, vsv: &str, period: Period, text: &str) -> String {
    let key = format!("{source}\u{1f}{column}\u{1f}{vsv}\u{1f}{period}\u{1f}{text}");
    let mut hex = crate::ingest::files::sha256_hex(key.as_bytes());
    hex.truncate(12);
    hex
}

/// The keywords of theme `theme` (index into [`Canonical::themes`]): `[quotes.keywords]`
/// of prem.toml, else the codebook's.
pub fn keywords(data: &Canonical, quotes: &crate::config::Quotes, theme: usize) -> Vec<String> {
    let Some(t) = data.themes.get(theme) else {
        return Vec::new();
    };
    match quotes.keywords.get(&t.id) {
        Some(k) => k.clone(),
        None => data
            .sources
            .get(t.source)
            .and_then(|s| s.codebook.themes.iter().find(|c| c.id == t.id))
            .map(|c| c.keywords.clone())
            .unwrap_or_default(),
    }
}

/// Every theme's keywords, folded once: which themes an open answer is about.
#[derive(Debug, Clone, Default)]
pub struct ThemeWords {
    /// Per theme (index into [`Canonical::themes`]): its source and its keywords.
    themes: Vec<(usize, crate::quotes::Lexicon)>,
}

impl ThemeWords {
    /// The keywords of every theme of `data` (`keywords`, per theme).
    pub fn new(data: &Canonical, keywords: &[Vec<String>]) -> ThemeWords {
        let themes = data
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let words = keywords.get(i).map(Vec::as_slice).unwrap_or_default();
                (t.source, crate::quotes::Lexicon::new(words))
            })
            .collect();
        ThemeWords { themes }
    }

    /// The themes of source `source` that `text` is about, by their keywords.
    pub fn themes_of(&self, source: usize, text: &str) -> Vec<u16> {
        let folded = crate::quotes::fold_text(text);
        self.themes
            .iter()
            .enumerate()
            .filter(|(_, (s, words))| *s == source && words.mentions_folded(&folded) > 0)
            .map(|(i, _)| i as u16)
            .collect()
    }
}

fn review(data: &Canonical, config: &Config, words: &ThemeWords, c: &Comment) -> Review {
    let row = data.respondents.get(c.row as usize);
    let source = row.map_or(0, |r| r.source as usize);
    let source_name = data.sources.get(source).map_or("", |s| s.name.as_str());
    let vsv = row.map_or("", |r| data.names.get(r.vsv));
    let period = row.map(|r| r.period);
    let id = match period {
        Some(p) => text_id(source_name, &c.column, vsv, p, &c.text),
        None => String::new(),
    };
    let text = crate::quotes::scrub(&c.text, &config.quotes.names);
    let personal = text.contains(crate::quotes::PLACEHOLDER);
    let why = match (c.signal, c.blocked) {
        (Some(category), _) => Why::Signal(category),
        (None, true) => Why::SameClient,
        _ if personal => Why::Personal,
        _ if c.side.is_none() || c.tone == Polarity::Unclear => Why::Unclear,
        _ => Why::Fine,
    };
    Review {
        id,
        themes: words.themes_of(source, &c.text),
        text,
        proposal: why == Why::Fine,
        why,
        officer: None,
    }
}

/// A text of the hand-kept registers as a shared document may show it: scrubbed of
/// personal data like a quote, and none when it has a safeguarding signal or, for what a
/// participation activity heard (`participants` given), when fewer than `min_n` clients
/// took part (a panel of two is two recognisable people).
pub fn register_text(
    text: &str,
    participants: Option<u32>,
    min_n: u32,
    names: &[String],
) -> Option<String> {
    if participants.is_some_and(|n| n < min_n) || crate::text::safeguarding::signal(text).is_some()
    {
        return None;
    }
    Some(crate::quotes::scrub(text, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(proposal: bool, why: Why, officer: Option<bool>) -> Review {
        Review {
            id: "x".into(),
            text: String::new(),
            themes: Vec::new(),
            proposal,
            why,
            officer,
        }
    }

    #[test]
    fn her_decision_wins_but_never_over_a_signal() {
        use ReviewMode::{Auto, Required};
        let cases = [
            // (proposal, why, officer, auto, required)
            (true, Why::Fine, None, true, false),
            (true, Why::Fine, Some(false), false, false),
            (false, Why::Unclear, Some(true), true, true),
            (false, Why::Personal, None, false, false),
            (
                false,
                Why::Signal(Category::Suicide),
                Some(true),
                false,
                false,
            ),
            (false, Why::SameClient, Some(true), false, false),
        ];
        for (proposal, why, officer, auto, required) in cases {
            let r = review(proposal, why, officer);
            assert_eq!(r.publish(Auto), auto, "{r:?}");
            assert_eq!(r.publish(Required), required, "{r:?}");
        }
    }

    #[test]
    fn a_text_id_is_stable_and_names_its_place() {
        let p = Period::parse("2026-Q3").unwrap();
        let q = Period::parse("2026-Q2").unwrap();
        let id = text_id("prem", "Verbeterpunten", "VSV A", p, "Te lang gewacht");
        // A fixed value: a change of the rule would orphan every decision made so far.
        assert_eq!(
            id,
            text_id("prem", "Verbeterpunten", "VSV A", p, "Te lang gewacht")
        );
        assert_eq!(id.len(), 12);
        for other in [
            text_id("lokaal", "Verbeterpunten", "VSV A", p, "Te lang gewacht"),
            text_id("prem", "Complimenten", "VSV A", p, "Te lang gewacht"),
            text_id("prem", "Verbeterpunten", "VSV B", p, "Te lang gewacht"),
            text_id("prem", "Verbeterpunten", "VSV A", q, "Te lang gewacht"),
            text_id("prem", "Verbeterpunten", "VSV A", p, "Te lang gewacht!"),
        ] {
            assert_ne!(id, other);
        }
    }

    /// Decisions as she may type them, in any order of rows and columns; a text decided
    /// twice counts as `nee` when either says so; anything else is no decision.
    #[test]
    fn decisions_are_read_by_id_from_her_workbook() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("opmerkingen-2026-Q3.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let rows: &[[&str; 3]] = &[
            ["tekst", "Publiceren", "ID"],
            ["a", "ja", "aaa"],
            ["b", " Nee ", "bbb"],
            ["c", "", "ccc"],
            ["d", "misschien", "ddd"],
            ["e", "JA", "eee"],
            ["e again", "nee", "eee"],
            ["f", "x", "fff"],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        book.save(&path).unwrap();
        let d = read_decisions(&path).unwrap();
        let expected: BTreeMap<String, bool> =
            [("aaa", true), ("bbb", false), ("eee", false), ("fff", true)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
        assert_eq!(d.0, expected);
        // No workbook yet: no decisions; a workbook without the columns: an error.
        assert_eq!(
            read_decisions(&tmp.path().join("nope.xlsx")).unwrap(),
            Decisions::default()
        );
        let bare = tmp.path().join("bare.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "id").unwrap();
        book.save(&bare).unwrap();
        assert!(read_decisions(&bare).is_err());
    }

    #[test]
    fn register_texts_with_a_signal_or_few_participants_are_withheld() {
        let names: Vec<String> = Vec::new();
        assert_eq!(
            register_text("Meer uitleg graag", Some(9), 10, &names),
            None
        );
        assert_eq!(
            register_text("Meer uitleg graag", Some(10), 10, &names).as_deref(),
            Some("Meer uitleg graag")
        );
        assert_eq!(
            register_text("Ze wilde niet meer leven", Some(40), 10, &names),
            None
        );
        assert_eq!(
            register_text("Ze wilde niet meer leven", None, 10, &names),
            None
        );
    }
}
