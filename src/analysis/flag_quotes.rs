//! The quotes of the flag stage: which respondents' open answers a flag's point may quote
//! (only of published cells), moderated and scrubbed, chosen once before render.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use crate::analysis::flags::{Flag, FlagKind};
use crate::analysis::score::{Measure, Scores, Tier, Unit};
use crate::period::Period;

/// The respondent rows whose open answers a unit's agenda may quote for a theme: those of
/// the period, of the theme's own source (`source`), in VSVs whose cell for the theme is
/// shown (so the region quotes no VSV below `min_n`), and of a score over care types only
/// those of the care types it covers (a hidden care type's clients are not quoted either).
pub fn quotable(
    data: &crate::ingest::Canonical,
    scores: &Scores,
    period: Period,
    unit: Unit,
    theme: u16,
    source: usize,
) -> Vec<u32> {
    let rows = 0..data.respondents.len() as u32;
    quotable_among(data, rows, scores, period, unit, theme, source)
}

/// [`quotable`] among `rows` (indices, in data order), so that a caller holding the rows of
/// a period and VSV need not scan all of them again.
fn quotable_among(
    data: &crate::ingest::Canonical,
    rows: impl IntoIterator<Item = u32>,
    scores: &Scores,
    period: Period,
    unit: Unit,
    theme: u16,
    source: usize,
) -> Vec<u32> {
    // Per VSV: None = not shown, else the covered care types (empty: all).
    let mut allowed: std::collections::BTreeMap<u32, Option<Vec<u32>>> = Default::default();
    let mut out = Vec::new();
    for i in rows {
        let Some(r) = data.respondents.get(i as usize) else {
            continue;
        };
        if r.period != period
            || unit.vsv().is_some_and(|v| r.vsv != v)
            || r.source as usize != source
        {
            continue;
        }
        let published = allowed.entry(r.vsv).or_insert_with(|| {
            scores
                .unit_cell(period, Some(r.vsv), Measure::Theme(theme))
                .filter(|c| c.tier != Tier::Suppressed)
                .map(|c| c.covers.clone())
        });
        let covered = match (published, r.care_type) {
            (None, _) => false,
            (Some(list), Some(ct)) if !list.is_empty() => list.contains(&ct),
            (Some(_), _) => true,
        };
        if covered {
            out.push(i);
        }
    }
    out
}

/// The respondent rows of some periods, in data order: all of a period, and per VSV.
/// One scan of the data serves every flag's quotes.
struct PeriodRows {
    all: HashMap<Period, Vec<u32>>,
    by_vsv: HashMap<(Period, u32), Vec<u32>>,
}

impl PeriodRows {
    fn new(data: &crate::ingest::Canonical, periods: &BTreeSet<Period>) -> Self {
        let mut rows = PeriodRows {
            all: HashMap::default(),
            by_vsv: HashMap::default(),
        };
        for (i, r) in data.respondents.iter().enumerate() {
            if periods.contains(&r.period) {
                rows.all.entry(r.period).or_default().push(i as u32);
                rows.by_vsv
                    .entry((r.period, r.vsv))
                    .or_default()
                    .push(i as u32);
            }
        }
        rows
    }

    /// The rows a flag of `unit` in `period` may quote from.
    fn of(&self, period: Period, unit: Unit) -> &[u32] {
        let rows = match unit.vsv() {
            None => self.all.get(&period),
            Some(v) => self.by_vsv.get(&(period, v)),
        };
        rows.map_or(&[], Vec::as_slice)
    }
}

/// The quotes chosen for a report's flags before render: per flag, the scrubbed open
/// answers its point shows (not yet escaped for Markdown).
#[derive(Debug, Clone, Default)]
pub struct FlagQuotes(std::collections::BTreeMap<FlagKey, Vec<String>>);

/// A flag's place: its period, unit, kind and theme.
type FlagKey = (Period, Option<u32>, FlagKind, u16);

fn flag_key(f: &Flag) -> FlagKey {
    (f.period, f.vsv, f.kind, f.theme)
}

/// What quotes are chosen from: the data, its published cells, `[quotes]` and the
/// moderation of every open answer.
#[derive(Clone, Copy)]
pub struct QuoteSource<'a> {
    /// The canonical tables with their open answers.
    pub data: &'a crate::ingest::Canonical,
    /// The published cells.
    pub scores: &'a Scores,
    /// `[quotes]` of prem.toml.
    pub config: &'a crate::config::Quotes,
    /// Which open answers may be quoted.
    pub moderation: &'a crate::analysis::moderation::Moderation,
}

impl FlagQuotes {
    /// Chooses the quotes of each flag in `flags` (see [`quotes_for`]).
    pub fn choose<'f>(from: QuoteSource<'_>, flags: impl IntoIterator<Item = &'f Flag>) -> Self {
        let flags: Vec<&Flag> = flags.into_iter().collect();
        let periods: BTreeSet<Period> = flags.iter().map(|f| f.period).collect();
        let rows = PeriodRows::new(from.data, &periods);
        // Each flag's quotes are independent: chosen in parallel, collected in order.
        let chosen: Vec<(FlagKey, Vec<String>)> = flags
            .par_iter()
            .map(|f| {
                let unit = f.vsv.map_or(Unit::Region, Unit::Vsv);
                let rows = rows.of(f.period, unit).iter().copied();
                (flag_key(f), quotes_among(from, rows, f))
            })
            .collect();
        FlagQuotes(chosen.into_iter().collect())
    }

    /// The quotes chosen for `flag`; none when it was not among the flags chosen for.
    pub fn of(&self, flag: &Flag) -> &[String] {
        self.0.get(&flag_key(flag)).map_or(&[], Vec::as_slice)
    }
}

/// The quotes for a flag: open answers (what could be better for an improvement point,
/// compliments for a strength) that match the theme's keywords, of the respondents
/// [`quotable`] allows, that moderation lets through, scrubbed of names and numbers; at
/// most `config.max`, the officer's own approvals first.
pub fn quotes_for(from: QuoteSource<'_>, f: &Flag) -> Vec<String> {
    quotes_among(from, 0..from.data.respondents.len() as u32, f)
}

/// [`quotes_for`] among `rows` (indices, in data order).
fn quotes_among(
    from: QuoteSource<'_>,
    rows: impl IntoIterator<Item = u32>,
    f: &Flag,
) -> Vec<String> {
    let QuoteSource {
        data,
        scores,
        config,
        moderation,
    } = from;
    if config.max == 0 {
        return Vec::new();
    }
    let Some(theme) = data.themes.get(f.theme as usize) else {
        return Vec::new();
    };
    let keywords = crate::analysis::moderation::keywords(data, config, f.theme as usize);
    if keywords.is_empty() {
        return Vec::new();
    }
    let side = match f.kind {
        FlagKind::Improvement => crate::ingest::Side::Improvement,
        FlagKind::Strength => crate::ingest::Side::Compliment,
    };
    let unit = f.vsv.map_or(Unit::Region, Unit::Vsv);
    let mut seen: std::collections::BTreeSet<(u16, u32)> = std::collections::BTreeSet::new();
    // The officer's own approvals, and the texts prem's proposal lets through.
    let (mut approved, mut proposed): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for row in quotable_among(data, rows, scores, f.period, unit, f.theme, theme.source) {
        let Some(r) = data.respondents.get(row as usize) else {
            continue;
        };
        // One respondent's care-type rows carry the same open answer once.
        if !seen.insert((r.source, r.key)) {
            continue;
        }
        let range = data.comment_range(row);
        for (i, c) in data.comments[range.clone()].iter().enumerate() {
            let i = range.start + i;
            if !moderation.publishes(i) {
                continue;
            }
            // A text she approved whose side prem could not tell may stand on either.
            let fits = c.side == Some(side) || (c.side.is_none() && moderation.approved(i));
            if !fits {
                continue;
            }
            match moderation.approved(i) {
                true => approved.push(&c.text),
                false => proposed.push(&c.text),
            }
        }
    }
    let mut quotes = crate::quotes::pick_quotes(&approved, &keywords, &config.names, config.max);
    for q in crate::quotes::pick_quotes(&proposed, &keywords, &config.names, config.max) {
        if quotes.len() >= config.max {
            break;
        }
        if !quotes.contains(&q) {
            quotes.push(q);
        }
    }
    quotes
}
