//! The disclosure audit: checks published cells against the rule from the published numbers
//! alone, without sharing the suppression loop.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use crate::analysis::score::{Cell, Measure, Scores, Tier};
use crate::config::Privacy;
// The enum lives with the errors: an audit finding stops the run and
// `Error::DisclosureAudit` carries it.
use crate::error::AuditProblem;
use crate::period::Period;

/// A published number that breaks the rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub period: Period,
    pub vsv: Option<u32>,
    pub care_type: Option<u32>,
    pub organisation: Option<u32>,
    pub measure: Option<Measure>,
    pub problem: AuditProblem,
}

/// Checks the published cells against the rule, from the published numbers alone: no hidden
/// cell has numbers; every shown statistic has n ≥ `min_n`; every cell over care types
/// averages only shown care-type cells; and in every nesting of pooled cells (and of VSV
/// scores and response counts under the region's) a shown total minus the shown cells
/// directly inside it leaves 0 or at least `min_n` respondents. Empty when all holds.
pub fn audit(scores: &Scores, privacy: &Privacy) -> Vec<Finding> {
    let min_n = u64::from(privacy.min_n);
    let mut out = Vec::new();
    let finding = |c: &Cell, problem| Finding {
        period: c.period,
        vsv: c.vsv,
        care_type: c.care_type,
        organisation: c.organisation,
        measure: Some(c.measure),
        problem,
    };
    type Key = (Period, Measure, Option<u32>, Option<u32>, Option<u32>);
    let mut shown_n: HashMap<Key, u64> = HashMap::default();
    for c in &scores.cells {
        match (c.tier, c.stats) {
            (Tier::Suppressed, Some(_)) => out.push(finding(c, AuditProblem::HiddenWithNumbers)),
            (Tier::Suppressed, None) => {}
            (_, Some(s)) if s.n < min_n => out.push(finding(c, AuditProblem::TooFew)),
            (_, Some(s)) => {
                shown_n.insert(
                    (c.period, c.measure, c.vsv, c.care_type, c.organisation),
                    s.n,
                );
            }
            (_, None) => {}
        }
    }
    // Cells over care types: what they average must be shown.
    for c in &scores.cells {
        if c.tier == Tier::Suppressed || c.covers.is_empty() {
            continue;
        }
        if c.covers
            .iter()
            .any(|&ct| !shown_n.contains_key(&(c.period, c.measure, c.vsv, Some(ct), None)))
        {
            out.push(finding(c, AuditProblem::CoversHidden));
        }
    }
    // Residuals: each shown total against the shown cells directly inside it — one level
    // down, or two where the level between is hidden. The nesting is read off the keys
    // (organisation in VSV in region, per care type), not taken from the suppression above.
    let mut inside: HashMap<Key, u64> = HashMap::default();
    for (&(p, m, v, ct, org), &k) in &shown_n {
        let Some(v) = v else { continue };
        let vsv_level = (p, m, Some(v), ct, None);
        let region_level = (p, m, None, ct, None);
        let total = match org {
            Some(_) if shown_n.contains_key(&vsv_level) => vsv_level,
            _ => region_level,
        };
        if shown_n.contains_key(&total) {
            *inside.entry(total).or_default() += k;
        }
    }
    let mut totals: Vec<(&Key, &u64)> = inside.iter().collect();
    totals.sort();
    for (key, covered) in totals {
        let residual = shown_n[key].saturating_sub(*covered);
        if residual > 0 && residual < min_n {
            let (period, measure, vsv, care_type, organisation) = *key;
            out.push(Finding {
                period,
                vsv,
                care_type,
                organisation,
                measure: Some(measure),
                problem: AuditProblem::Isolates(residual),
            });
        }
    }
    // Response counts: at least min_n, and the n of a shown score of their unit (a count
    // of its own could be set against the scores' n's).
    let ns: BTreeSet<(Period, Option<u32>, u64)> = scores
        .cells
        .iter()
        .filter(|c| c.tier != Tier::Suppressed && c.care_type.is_none())
        .filter(|c| c.organisation.is_none())
        .filter_map(|c| Some((c.period, c.vsv, c.stats.as_ref()?.n)))
        .collect();
    for r in &scores.responses {
        let Some(k) = r.n else { continue };
        let problem = if k < min_n {
            AuditProblem::TooFew
        } else if !ns.contains(&(r.period, r.vsv, k)) {
            AuditProblem::OwnCount
        } else {
            continue;
        };
        out.push(Finding {
            period: r.period,
            vsv: r.vsv,
            care_type: None,
            organisation: None,
            measure: None,
            problem,
        });
    }
    out
}
