//! Answer counts and open-answer counts that may be shown: only of units and care types
//! whose cells are published.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use super::earlier::Earlier;
use crate::analysis::score::{Measure, Scores, Tier, Unit};
use crate::config::Privacy;
use crate::period::Period;

/// The answers to a theme's items of one unit in one period, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Problem answers.
    pub problem: u64,
    /// Neither problem nor top answers.
    pub neutral: u64,
    /// Top (positive) answers.
    pub positive: u64,
}

impl AnswerCounts {
    /// All answers.
    pub fn total(&self) -> u64 {
        self.problem + self.neutral + self.positive
    }
}

/// Per unit, per theme: the answer counts that may be shown.
pub type ShownAnswers = std::collections::BTreeMap<Unit, Vec<Option<AnswerCounts>>>;

/// The answer counts of every unit (the region and each VSV) in `period` that may be
/// shown, per theme (index into [`crate::ingest::Canonical::themes`]): none for a theme
/// whose unit cell is hidden or missing, or without answers. A unit's counts take only the
/// care types its published score covers, so the answers of a hidden care type never reach
/// a chart through its unit's total. `peers` are the shared VSVs' counts; the region's are
/// the sum of every VSV's shown counts (rule R).
pub fn answer_counts(
    data: &crate::ingest::Canonical,
    scores: &Scores,
    period: Period,
    peers: &ShownAnswers,
) -> ShownAnswers {
    use crate::ingest::ItemRole;
    let themes = data.themes.len();
    let mut counts: std::collections::BTreeMap<Unit, Vec<AnswerCounts>> = Default::default();
    // Per unit and theme: the care types its score covers (empty: a score without care
    // types, so all).
    let mut covers: HashMap<Unit, Vec<Option<&[u32]>>> = HashMap::default();
    for a in &data.answers {
        let Some(r) = data.respondents.get(a.row as usize) else {
            continue;
        };
        if r.period != period {
            continue;
        }
        let Some(ItemRole::Theme(th)) = data.items.get(a.item as usize).map(|i| i.role) else {
            continue;
        };
        // The region's counts are the sum of its VSVs' shown counts (rule R), below.
        for unit in [Unit::Vsv(r.vsv)] {
            let list = covers.entry(unit).or_insert_with(|| {
                (0..themes)
                    .map(|t| {
                        scores
                            .unit_cell(period, unit.vsv(), Measure::Theme(t as u16))
                            .map(|c| c.covers.as_slice())
                    })
                    .collect()
            });
            let covered = match (list.get(th).copied().flatten(), r.care_type) {
                (Some(list), Some(ct)) if !list.is_empty() => list.contains(&ct),
                _ => true,
            };
            if !covered {
                continue;
            }
            let unit_counts = counts
                .entry(unit)
                .or_insert_with(|| vec![AnswerCounts::default(); themes]);
            if let Some(c) = unit_counts.get_mut(th) {
                if a.problem {
                    c.problem += 1;
                } else if a.positive {
                    c.positive += 1;
                } else {
                    c.neutral += 1;
                }
            }
        }
    }
    let mut shown: ShownAnswers = counts
        .into_iter()
        .map(|(unit, list)| {
            let shown = list
                .into_iter()
                .enumerate()
                .map(|(t, c)| {
                    let cell = scores.unit_cell(period, unit.vsv(), Measure::Theme(t as u16))?;
                    (cell.tier != Tier::Suppressed && c.total() > 0).then_some(c)
                })
                .collect();
            (unit, shown)
        })
        .collect();
    shown.extend(peers.iter().map(|(u, list)| (*u, list.clone())));
    let mut region = vec![AnswerCounts::default(); themes];
    for list in shown.values() {
        for (sum, c) in region.iter_mut().zip(list) {
            if let Some(c) = c {
                sum.problem += c.problem;
                sum.neutral += c.neutral;
                sum.positive += c.positive;
            }
        }
    }
    if !shown.is_empty() {
        let region = region
            .into_iter()
            .enumerate()
            .map(|(t, c)| {
                let cell = scores.unit_cell(period, None, Measure::Theme(t as u16))?;
                (cell.tier != Tier::Suppressed && c.total() > 0).then_some(c)
            })
            .collect();
        shown.insert(Unit::Region, region);
    }
    shown
}

/// The counts of clients who wrote about a theme ([`crate::analysis::comments`]) that may be shown: a
/// VSV's count when it holds at least `min_n` clients and the VSV's cell for the theme (for
/// the count of any open answer: some theme cell) is shown in the period; the region's
/// when it holds at least `min_n` clients, its cell is shown, no shared file adds VSVs
/// without texts, and the clients of the VSVs whose counts are hidden number 0 or at least
/// `min_n` (so the region minus the VSVs shown isolates no smaller group). A count shown
/// before by an earlier release (`earlier`) is shown again only with the same clients or
/// at least `min_n` more or fewer.
pub fn shown_comment_counts(
    raw: &crate::analysis::comments::CommentCounts,
    scores: &Scores,
    privacy: &Privacy,
    peers: bool,
    earlier: Option<&Earlier>,
) -> crate::analysis::comments::CommentCounts {
    let min_n = privacy.min_n;
    let again = |key: &crate::analysis::comments::Key, count: &crate::analysis::comments::Count| {
        earlier.is_none_or(|e| {
            let n = u64::from(count.clients);
            e.count(
                key.0,
                e.allows_comments(key, n, count.writers, u64::from(min_n)),
            )
        })
    };
    // Units with some theme cell shown, per period.
    let any_shown: BTreeSet<(Period, Option<u32>)> = scores
        .cells
        .iter()
        .filter(|c| {
            c.care_type.is_none()
                && c.organisation.is_none()
                && matches!(c.measure, Measure::Theme(_))
                && c.tier != Tier::Suppressed
        })
        .map(|c| (c.period, c.vsv))
        .collect();
    let published = |period: Period, vsv: Option<u32>, theme: Option<u16>| match theme {
        Some(t) => scores
            .unit_cell(period, vsv, Measure::Theme(t))
            .is_some_and(|c| c.tier != Tier::Suppressed),
        None => any_shown.contains(&(period, vsv)),
    };
    let mut shown = std::collections::BTreeMap::new();
    // Hidden clients per (period, theme), over the VSVs.
    let mut hidden: std::collections::BTreeMap<(Period, Option<u16>), u32> = Default::default();
    for (&(period, vsv, theme), &count) in &raw.0 {
        let Some(v) = vsv else { continue };
        let key = (period, vsv, theme);
        if count.clients >= min_n && published(period, Some(v), theme) && again(&key, &count) {
            shown.insert(key, count);
        } else {
            *hidden.entry((period, theme)).or_default() += count.clients;
        }
    }
    for (&(period, vsv, theme), &count) in &raw.0 {
        if vsv.is_some() || peers {
            continue;
        }
        let rest = hidden.get(&(period, theme)).copied().unwrap_or(0);
        let closed = rest == 0 || rest >= min_n;
        let key = (period, vsv, theme);
        if closed && count.clients >= min_n && published(period, None, theme) && again(&key, &count)
        {
            shown.insert(key, count);
        }
    }
    crate::analysis::comments::CommentCounts(shown)
}
