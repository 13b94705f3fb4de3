//! (7) The response line: an agenda's "Respons: 43 cliënten" (or a shared file's
//! response count) minus the n of a published score of the same unit and period over
//! care types. A response line that counts the responding clients itself holds every such
//! score's clients; 1 to `min_n − 1` of them left over (e.g. the clients of a hidden care
//! type) is a group the release isolates. A line that repeats the n of a shown score of its
//! unit (the published contract since issue 24: the largest n of a shown score) adds no
//! number: its clients are that score's, which need not hold the others'.

use super::Attack::ResponseLine;
use super::{cell, number, small, Finding, Published, Recovered, Role};

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let mut tried = 0;
    let mut found = Vec::new();
    for r in &p.responses {
        let Some(period) = &r.period else { continue };
        let vsv = if !r.region_folder && p.rows().any(|x| x.vsv == r.unit) {
            r.unit.as_str()
        } else {
            ""
        };
        let rows: Vec<_> = p
            .rows()
            .filter(|x| &x.period == period && x.vsv == vsv)
            .filter(|x| x.organisation.is_empty() && x.care_type.is_empty() && x.shown())
            .collect();
        for &total in &r.counts {
            tried += rows.len() as u64;
            if rows.iter().any(|x| x.n == Some(total)) {
                continue;
            }
            let closest = rows
                .iter()
                .filter_map(|x| Some((total.checked_sub(x.n?)?, *x)))
                .filter(|(d, _)| small(*d, min_n))
                .min_by_key(|(d, _)| *d);
            if let Some((d, x)) = closest {
                let unit = (!vsv.is_empty()).then_some(vsv);
                let mut line = number(&r.path, period, unit, "respons", Some(total));
                line.role = Role::Total;
                found.push(Finding {
                    attack: ResponseLine,
                    cells: vec![line, cell(p, x, Role::Part)],
                    group: Some(d),
                    recovered: Recovered::Count,
                });
            }
        }
    }
    (tried, found)
}
