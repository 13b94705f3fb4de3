//! The canonical tables every later stage reads (spec §4), and their polars frames.
//!
//! Rows are typed structs in memory (cheap to aggregate); [`Canonical::respondents_frame`]
//! and [`Canonical::answers_frame`] give the same data as polars DataFrames for library
//! users and warehouses. Raw respondent ids never reach this module: a respondent is a key.

use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::config::codebook::Codebook;
use crate::config::ParticipationLevel;
use crate::ingest::quality::Quality;
use crate::ingest::value::Parity;
use crate::period::Period;

/// Interned strings (VSV, organisation, care type names) as the exports spell them.
#[derive(Debug, Clone, Default)]
pub struct Names {
    list: Vec<String>,
    index: HashMap<String, u32>,
}

impl Names {
    /// The id of `name`, adding it when new.
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(name.to_string());
        self.index.insert(name.to_string(), id);
        id
    }

    /// The name of `id` (empty for an unknown id).
    pub fn get(&self, id: u32) -> &str {
        self.list.get(id as usize).map_or("", String::as_str)
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there are no names.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The id of `name`, if present.
    pub fn find(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
}

/// One export file that was read.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path as resolved from prem.toml.
    pub path: PathBuf,
    /// Path as shown in reports (relative to prem.toml).
    pub display: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Data rows read.
    pub rows: usize,
    /// Encoding and delimiter, or sheet.
    pub format: String,
    /// long, wide or flat.
    pub layout: &'static str,
}

/// One source of prem.toml, after reading.
#[derive(Debug, Clone)]
pub struct SourceData {
    /// Name from prem.toml.
    pub name: String,
    /// Its codebook.
    pub codebook: Codebook,
    /// Level on the participatieladder.
    pub participation: Option<ParticipationLevel>,
    /// Files read, in order.
    pub files: Vec<InputFile>,
}

/// A theme across the analysis (themes are unique by id across codebooks).
#[derive(Debug, Clone)]
pub struct ThemeRef {
    /// Theme id from the codebook.
    pub id: String,
    /// Label for reports.
    pub label: String,
    /// Label for English reports, if the codebook has one.
    pub label_en: Option<String>,
    /// Index of the source whose codebook defines it.
    pub source: usize,
    /// Number of items of the theme.
    pub n_items: usize,
    /// CQ-index importance (1–4), if given.
    pub importance: Option<f64>,
    /// Lowest 0–10 score that is top box, if the scale defines it.
    pub positive_score: Option<f64>,
    /// Highest 0–10 score that is a problem, if the scale defines it.
    pub problem_score: Option<f64>,
}

/// What an item is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRole {
    /// Part of a theme (index into [`Canonical::themes`]).
    Theme(usize),
    /// The overall grade (rapportcijfer).
    Grade,
    /// The 0–10 recommendation question (NPS).
    Recommend,
    /// Neither (kept for completeness).
    Other,
}

/// An item across the analysis.
#[derive(Debug, Clone)]
pub struct ItemRef {
    /// Item id from the codebook.
    pub id: String,
    /// Index of the source.
    pub source: usize,
    /// Role.
    pub role: ItemRole,
}

/// One respondent row: a respondent × care type in PREM layouts, else a respondent.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// Index into [`Canonical::sources`].
    pub source: u16,
    /// Respondent key: the same for the care-type rows of one respondent; never the raw id.
    pub key: u32,
    /// VSV (id in [`Canonical::names`]).
    pub vsv: u32,
    /// Organisation (care provider), if known.
    pub organisation: Option<u32>,
    /// Care type, if the export has care types.
    pub care_type: Option<u32>,
    /// Date filled in.
    pub date: NaiveDate,
    /// Reporting period of the date.
    pub period: Period,
    /// First child or not, if known.
    pub parity: Option<Parity>,
    /// Age band index (see `[background.age]`), if known.
    pub age_band: Option<u8>,
    /// Education as spelled, if given.
    pub education: Option<u32>,
    /// Place of birth as spelled, if given.
    pub place_of_birth: Option<u32>,
}

/// Where an open answer may be quoted: under an improvement point or under a strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// What could be better: the improvement question's answer unless it only praises, or
    /// a comment that clearly complains.
    Improvement,
    /// Praise: the compliment question's answer unless it only complains, or a comment
    /// that clearly praises.
    Compliment,
}

/// One open answer as the client wrote it. Private: it reaches a shared document only
/// through [`crate::analysis::moderation`], as a scrubbed quote the officer's decision allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// Index into [`Canonical::respondents`]: unit, period and care type of the answer.
    pub row: u32,
    /// The export column the text is in.
    pub column: std::sync::Arc<str>,
    /// The text, trimmed.
    pub text: String,
    /// What the text says about the care.
    pub tone: crate::text::polarity::Polarity,
    /// Where it may be quoted; none when its tone is unclear for its question.
    pub side: Option<Side>,
    /// The text's own safeguarding signal, or the export's flag on its row.
    pub signal: Option<crate::text::safeguarding::Category>,
    /// Another text or row of the same respondent has a signal: never quoted either.
    pub blocked: bool,
}

/// One usable answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    /// Index into [`Canonical::respondents`].
    pub row: u32,
    /// Index into [`Canonical::items`].
    pub item: u16,
    /// The answer as given (number or 1-based level code).
    pub value: f32,
    /// Score 0–10, 10 = best.
    pub score: f32,
    /// Top box.
    pub positive: bool,
    /// Problem answer.
    pub problem: bool,
}

/// Everything ingest produces.
#[derive(Debug, Clone, Default)]
pub struct Canonical {
    /// Sources in prem.toml order.
    pub sources: Vec<SourceData>,
    /// Themes in source and codebook order.
    pub themes: Vec<ThemeRef>,
    /// Items in source and codebook order.
    pub items: Vec<ItemRef>,
    /// Respondent rows.
    pub respondents: Vec<Respondent>,
    /// Answers, ordered by respondent row.
    pub answers: Vec<Answer>,
    /// VSV, organisation, care type, education and place names.
    pub names: Names,
    /// The data-quality report.
    pub quality: Quality,
    /// VSVs whose figures come from shared files (`[[peer]]`), not from rows.
    pub peer_vsvs: Vec<u32>,
    /// Rows whose open texts need follow-up by a person, in file and row order.
    /// [`crate::analysis::analyse::analyse`] moves them to its result.
    pub signals: Vec<crate::text::safeguarding::Signal>,
    /// Every open answer, ordered by respondent row (one per row and column; a column
    /// shared by the care types of a wide export once).
    pub comments: Vec<Comment>,
    /// Per respondent key ([`Respondent::key`]): a digest of the source and the export's
    /// own id (VSV and period included), the same in every run, so the publication ledger
    /// can tell whether a cell's clients changed between releases. Never published.
    pub key_digests: Vec<u64>,
}

impl ThemeRef {
    /// The label in `lang`.
    pub fn label_in(&self, lang: crate::i18n::Language) -> &str {
        match (lang, &self.label_en) {
            (crate::i18n::Language::En, Some(en)) => en,
            _ => &self.label,
        }
    }
}

impl Canonical {
    /// Periods present in the data, oldest first.
    pub fn periods(&self) -> Vec<Period> {
        let mut p: Vec<Period> = self.respondents.iter().map(|r| r.period).collect();
        p.sort();
        p.dedup();
        p
    }

    /// Where the open answers of respondent row `row` are in [`Self::comments`].
    pub fn comment_range(&self, row: u32) -> std::ops::Range<usize> {
        let from = self.comments.partition_point(|c| c.row < row);
        let to = self.comments.partition_point(|c| c.row <= row);
        from..to
    }

    /// The VSVs present in the data, as ids in the order of their names.
    pub fn vsvs(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self.respondents.iter().map(|r| r.vsv).collect();
        v.sort_unstable();
        v.dedup();
        v.sort_by(|&a, &b| self.names.get(a).cmp(self.names.get(b)));
        v
    }

    /// The rows of the VSVs named `vsvs` alone, as an export of those VSVs would give them
    /// (names numbered anew, in the order the rows use them). For tests of sharing.
    pub fn only(&self, vsvs: &[&str]) -> Canonical {
        let mut names = Names::default();
        let re = |id: Option<u32>, names: &mut Names| id.map(|i| names.intern(self.names.get(i)));
        let mut rows: Vec<Option<u32>> = vec![None; self.respondents.len()];
        let mut respondents = Vec::new();
        for (i, r) in self.respondents.iter().enumerate() {
            if !vsvs.contains(&self.names.get(r.vsv)) {
                continue;
            }
            rows[i] = Some(respondents.len() as u32);
            let mut r = r.clone();
            r.vsv = names.intern(self.names.get(r.vsv));
            r.care_type = re(r.care_type, &mut names);
            r.organisation = re(r.organisation, &mut names);
            r.education = re(r.education, &mut names);
            r.place_of_birth = re(r.place_of_birth, &mut names);
            respondents.push(r);
        }
        let answers = self
            .answers
            .iter()
            .filter_map(|a| {
                let row = rows.get(a.row as usize).copied().flatten()?;
                Some(Answer { row, ..*a })
            })
            .collect();
        let comments = self
            .comments
            .iter()
            .filter_map(|c| {
                let row = rows.get(c.row as usize).copied().flatten()?;
                Some(Comment { row, ..c.clone() })
            })
            .collect();
        Canonical {
            sources: self.sources.clone(),
            themes: self.themes.clone(),
            items: self.items.clone(),
            respondents,
            answers,
            names,
            quality: Quality::default(),
            peer_vsvs: Vec::new(),
            signals: Vec::new(),
            comments,
            key_digests: self.key_digests.clone(),
        }
    }

    /// Every VSV of the region: those of the rows and the peers, in the order of their
    /// names.
    pub fn units(&self) -> Vec<u32> {
        let mut v = self.vsvs();
        v.extend(&self.peer_vsvs);
        v.sort_by(|&a, &b| self.names.get(a).cmp(self.names.get(b)));
        v.dedup();
        v
    }

    /// The respondents table as a polars DataFrame (spec §4), without open texts.
    pub fn respondents_frame(&self) -> PolarsResult<DataFrame> {
        let r = &self.respondents;
        let name = |id: Option<u32>| id.map(|i| self.names.get(i).to_string());
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let days: Vec<i32> = r
            .iter()
            .map(|x| (x.date - epoch).num_days() as i32)
            .collect();
        DataFrame::new_infer_height(vec![
            Column::new(
                "source".into(),
                r.iter()
                    .map(|x| self.sources[x.source as usize].name.clone())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "respondent".into(),
                r.iter().map(|x| x.key).collect::<Vec<_>>(),
            ),
            Column::new(
                "vsv".into(),
                r.iter().map(|x| name(Some(x.vsv))).collect::<Vec<_>>(),
            ),
            Column::new(
                "organisation".into(),
                r.iter().map(|x| name(x.organisation)).collect::<Vec<_>>(),
            ),
            Column::new(
                "care_type".into(),
                r.iter().map(|x| name(x.care_type)).collect::<Vec<_>>(),
            ),
            Column::new("date".into(), days).cast(&DataType::Date)?,
            Column::new(
                "period".into(),
                r.iter().map(|x| x.period.to_string()).collect::<Vec<_>>(),
            ),
            Column::new(
                "first_child".into(),
                r.iter()
                    .map(|x| x.parity.map(|p| p == Parity::First))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "age_band".into(),
                r.iter()
                    .map(|x| x.age_band.map(u32::from))
                    .collect::<Vec<_>>(),
            ),
        ])
    }

    /// The answers table as a polars DataFrame (spec §4).
    pub fn answers_frame(&self) -> PolarsResult<DataFrame> {
        let a = &self.answers;
        let item = |x: &Answer| &self.items[x.item as usize];
        let theme = |x: &Answer| match item(x).role {
            ItemRole::Theme(t) => Some(self.themes[t].id.clone()),
            _ => None,
        };
        let row = |x: &Answer| &self.respondents[x.row as usize];
        DataFrame::new_infer_height(vec![
            Column::new(
                "respondent".into(),
                a.iter().map(|x| row(x).key).collect::<Vec<_>>(),
            ),
            Column::new(
                "care_type".into(),
                a.iter()
                    .map(|x| row(x).care_type.map(|c| self.names.get(c).to_string()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "item".into(),
                a.iter().map(|x| item(x).id.clone()).collect::<Vec<_>>(),
            ),
            Column::new("theme".into(), a.iter().map(theme).collect::<Vec<_>>()),
            Column::new(
                "answer".into(),
                a.iter().map(|x| x.value).collect::<Vec<_>>(),
            ),
            Column::new(
                "score".into(),
                a.iter().map(|x| x.score).collect::<Vec<_>>(),
            ),
            Column::new(
                "positive".into(),
                a.iter().map(|x| x.positive).collect::<Vec<_>>(),
            ),
            Column::new(
                "problem".into(),
                a.iter().map(|x| x.problem).collect::<Vec<_>>(),
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::PeriodKind;
    use crate::text::polarity::Polarity;

    #[test]
    fn names_are_interned_once_and_found_by_spelling() {
        let mut n = Names::default();
        assert!(n.is_empty());
        assert_eq!(n.intern("VSV B"), 0);
        assert_eq!(n.intern("VSV A"), 1);
        assert_eq!(n.intern("VSV B"), 0);
        assert_eq!(n.len(), 2);
        assert_eq!(n.get(1), "VSV A");
        assert_eq!(n.get(7), "", "an unknown id has no name");
        assert_eq!(n.find("VSV A"), Some(1));
        assert_eq!(n.find("vsv a"), None, "spelled as the export spells it");
    }

    /// A respondent of VSV `vsv` (an id) with care type `care_type`, on `date`.
    fn respondent(vsv: u32, care_type: u32, date: &str) -> Respondent {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        Respondent {
            source: 0,
            key: vsv,
            vsv,
            organisation: None,
            care_type: Some(care_type),
            date,
            period: Period::of(date, PeriodKind::Quarter),
            parity: None,
            age_band: None,
            education: None,
            place_of_birth: None,
        }
    }

    fn answer(row: u32, value: f32) -> Answer {
        Answer {
            row,
            item: 0,
            value,
            score: value,
            positive: false,
            problem: false,
        }
    }

    fn comment(row: u32, text: &str) -> Comment {
        Comment {
            row,
            column: "Verbeter".into(),
            text: text.into(),
            tone: Polarity::Negative,
            side: Some(Side::Improvement),
            signal: None,
            blocked: false,
        }
    }

    /// Names: 0 "VSV B", 1 "VSV A", 2 "Kraamzorg". Rows: A (Q3), B (Q1), A (Q3); an
    /// answer per row (values 1, 2, 3) and comments on rows 1, 2 and 2.
    fn sample() -> Canonical {
        let mut c = Canonical::default();
        for name in ["VSV B", "VSV A", "Kraamzorg"] {
            c.names.intern(name);
        }
        c.respondents = vec![
            respondent(1, 2, "2026-07-15"),
            respondent(0, 2, "2026-02-01"),
            respondent(1, 2, "2026-08-01"),
        ];
        c.answers = vec![answer(0, 1.0), answer(1, 2.0), answer(2, 3.0)];
        c.comments = vec![comment(1, "b"), comment(2, "a1"), comment(2, "a2")];
        c
    }

    #[test]
    fn periods_vsvs_and_comment_ranges() {
        let c = sample();
        let periods: Vec<String> = c.periods().iter().map(ToString::to_string).collect();
        assert_eq!(periods, ["2026-Q1", "2026-Q3"]);
        // In the order of their names, not their ids.
        assert_eq!(c.vsvs(), [1, 0]);
        assert_eq!(c.comment_range(0), 0..0);
        assert_eq!(c.comment_range(1), 0..1);
        assert_eq!(c.comment_range(2), 1..3);
        assert_eq!(c.comment_range(3), 3..3);
    }

    /// VSV A alone: its two rows renumbered 0 and 1, their answers and comments following,
    /// its names numbered anew in the order the rows use them (VSV A, then Kraamzorg).
    #[test]
    fn only_keeps_the_rows_of_the_named_vsvs_renumbered() {
        let a = sample().only(&["VSV A"]);
        assert_eq!(a.respondents.len(), 2);
        assert_eq!(a.names.len(), 2);
        assert_eq!(a.names.get(0), "VSV A");
        assert_eq!(a.names.get(1), "Kraamzorg");
        assert!(a
            .respondents
            .iter()
            .all(|r| r.vsv == 0 && r.care_type == Some(1)));
        let answers: Vec<(u32, f32)> = a.answers.iter().map(|x| (x.row, x.value)).collect();
        assert_eq!(answers, [(0, 1.0), (1, 3.0)]);
        let comments: Vec<(u32, &str)> = a
            .comments
            .iter()
            .map(|x| (x.row, x.text.as_str()))
            .collect();
        assert_eq!(comments, [(1, "a1"), (1, "a2")]);
        assert!(sample().only(&["VSV C"]).respondents.is_empty());
    }
}
