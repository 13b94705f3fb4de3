//! (3) α's n: Cronbach's α in `tables/reliability.csv` counts a set of clients; when the
//! file gives its n, that n minus (or less) a published n of the same theme and period
//! must not leave 1 to `min_n − 1` clients, unless α counts exactly a published set.

use super::Attack::Alpha;
use super::{cell, number, small, Finding, Published, Recovered, Role};

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let mut tried = 0;
    let mut found = Vec::new();
    for r in p.reliability.iter().filter(|r| r.has_n) {
        for a in &r.rows {
            let Some(n) = a.n else { continue };
            let rows: Vec<_> = p
                .rows()
                .filter(|x| x.period == a.period && x.theme == a.theme && x.shown())
                .collect();
            tried += rows.len() as u64;
            if rows.iter().any(|x| x.n == Some(n)) {
                continue; // α counts a published set of clients
            }
            let closest = rows
                .iter()
                .filter_map(|x| Some((x.n?.abs_diff(n), *x)))
                .min_by_key(|(d, x)| (*d, !x.vsv.is_empty(), !x.item.is_empty()));
            if let Some((d, x)) = closest.filter(|(d, _)| small(*d, min_n)) {
                let mut alpha =
                    number(&r.path, &a.period, None, &format!("α {}", a.theme), Some(n));
                alpha.role = Role::Total;
                found.push(Finding {
                    attack: Alpha,
                    cells: vec![alpha, cell(p, x, Role::Part)],
                    group: Some(d),
                    recovered: Recovered::Count,
                });
            }
        }
    }
    (tried, found)
}
