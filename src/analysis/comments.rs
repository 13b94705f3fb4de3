//! What clients write about: how many clients wrote an open answer about each theme, per
//! VSV and period, and how many of them negatively. Counted here from every period's open
//! answers; [`crate::analysis::disclosure::answers::shown_comment_counts`] decides which counts may be shown.

use std::collections::{BTreeMap, BTreeSet};

use crate::ingest::Canonical;
use crate::period::Period;
use crate::text::polarity::Polarity;

/// Clients who wrote about a theme, and those of them whose text about it was negative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Distinct clients.
    pub clients: u32,
    /// Of them, those with a negative text about it.
    pub negative: u32,
    /// The wrapping sum of the clients' key digests (as [`crate::analysis::score::Acc::clients`]):
    /// for the publication ledger only.
    pub writers: u64,
}

/// A count's place: period, VSV (none: the region), theme (none: any open answer).
pub type Key = (Period, Option<u32>, Option<u16>);

/// Counts of clients who wrote open answers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommentCounts(pub BTreeMap<Key, Count>);

impl CommentCounts {
    /// The count at `key`, when there is one.
    pub fn get(&self, key: Key) -> Option<Count> {
        self.0.get(&key).copied()
    }
}

/// Counts the open answers of `data` in `periods` by the themes its keywords tie them to
/// (`themes(i)`: the themes of comment `i`), per VSV and for the region.
pub fn count(
    data: &Canonical,
    periods: &BTreeSet<Period>,
    themes: impl Fn(usize) -> Vec<u16>,
) -> CommentCounts {
    // (key) → client → negative?
    let mut by: BTreeMap<Key, BTreeMap<(u16, u32), bool>> = BTreeMap::new();
    for (i, c) in data.comments.iter().enumerate() {
        let Some(r) = data.respondents.get(c.row as usize) else {
            continue;
        };
        if !periods.contains(&r.period) {
            continue;
        }
        let negative = c.tone == Polarity::Negative;
        let client = (r.source, r.key);
        let mut mark = |key: Key| {
            let seen = by.entry(key).or_default().entry(client).or_insert(false);
            *seen |= negative;
        };
        let tied: BTreeSet<u16> = themes(i).into_iter().collect();
        for t in tied.iter().copied().map(Some).chain([None]) {
            mark((r.period, Some(r.vsv), t));
            mark((r.period, None, t));
        }
    }
    CommentCounts(
        by.into_iter()
            .map(|(key, clients)| {
                let count = Count {
                    clients: clients.len() as u32,
                    negative: clients.values().filter(|&&n| n).count() as u32,
                    writers: clients.keys().fold(0u64, |d, &(_, key)| {
                        d.wrapping_add(data.key_digests.get(key as usize).copied().unwrap_or(0))
                    }),
                };
                (key, count)
            })
            .collect(),
    )
}
