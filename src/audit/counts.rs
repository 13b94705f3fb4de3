//! (1) Every published count below `min_n`, and hidden cells that carry numbers.

use super::Attack::SmallCount;
use super::{cell, number, small, Finding, Published, Recovered, Role};

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let mut tried = 0;
    let mut found = Vec::new();
    let mut one = |c: super::CellRef, n: Option<u64>, recovered: Recovered| {
        found.push(Finding {
            attack: SmallCount,
            cells: vec![c],
            group: n,
            recovered,
        });
    };
    for row in p.rows() {
        tried += 1;
        match row.n {
            Some(n) if small(n, min_n) => one(cell(p, row, Role::Shown), Some(n), Recovered::Count),
            _ => {}
        }
        // A hidden cell carries no numbers at all (its tier only).
        if row.status == "suppressed"
            && (row.n.is_some() || row.mean.is_some() || row.other_numbers > 0)
        {
            let recovered = row.mean.map_or(Recovered::Count, Recovered::Mean);
            one(cell(p, row, Role::Shown), row.n, recovered);
        }
    }
    for r in &p.reliability {
        for a in &r.rows {
            tried += 1;
            if let Some(n) = a.n.filter(|&n| small(n, min_n)) {
                one(
                    number(&r.path, &a.period, None, &format!("α {}", a.theme), Some(n)),
                    Some(n),
                    Recovered::Count,
                );
            }
        }
    }
    for r in &p.responses {
        for &n in &r.counts {
            tried += 1;
            if small(n, min_n) {
                let period = r.period.clone().unwrap_or_default();
                one(
                    number(&r.path, &period, Some(&r.unit), "respons", Some(n)),
                    Some(n),
                    Recovered::Count,
                );
            }
        }
    }
    for c in &p.chapters {
        let course = c.quarters.iter().chain(c.year.iter());
        for q in course {
            tried += 1;
            if let Some(n) = q.n.filter(|&n| small(n, min_n)) {
                one(
                    number(&c.path, &q.period, Some(&c.unit), "rapportcijfer", Some(n)),
                    Some(n),
                    Recovered::Count,
                );
            }
        }
        for &n in &c.theme_ns {
            tried += 1;
            if small(n, min_n) {
                one(
                    number(&c.path, "", Some(&c.unit), "n", Some(n)),
                    Some(n),
                    Recovered::Count,
                );
            }
        }
    }
    (tried, found)
}
