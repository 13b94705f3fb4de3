//! Two releases of one cell (two report folders, a report and a shared file) whose n's
//! differ by 1 to `min_n − 1`: the clients added or removed in between are isolated
//! (spec §5, "Linked releases").

use std::collections::BTreeMap;

use super::Attack::Releases;
use super::{cell, small, Finding, Published, Recovered, Role};

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let mut by_cell: BTreeMap<_, Vec<&super::read::Row>> = BTreeMap::new();
    for r in p.rows().filter(|r| r.shown()) {
        let key = (
            &r.period,
            &r.vsv,
            &r.organisation,
            &r.care_type,
            &r.theme,
            &r.item,
        );
        by_cell.entry(key).or_default().push(r);
    }
    let mut tried = 0;
    let mut found = Vec::new();
    for rows in by_cell.values().filter(|v| v.len() > 1) {
        let first = rows[0];
        for other in rows.iter().skip(1).filter(|o| o.file != first.file) {
            tried += 1;
            let (Some(a), Some(b)) = (first.n, other.n) else {
                continue;
            };
            let h = a.abs_diff(b);
            if small(h, min_n) {
                // The larger release holds the smaller one and the h clients in between.
                let (more, less) = if a >= b {
                    (first, *other)
                } else {
                    (*other, first)
                };
                let recovered = match (more.sum(), less.sum()) {
                    (Some(x), Some(y)) if more.additive() && less.additive() => {
                        Recovered::Mean((x - y) / h as f64)
                    }
                    _ => Recovered::Count,
                };
                found.push(Finding {
                    attack: Releases,
                    cells: vec![cell(p, first, Role::Shown), cell(p, other, Role::Shown)],
                    group: Some(h),
                    recovered,
                });
            }
        }
    }
    (tried, found)
}
