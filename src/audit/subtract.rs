//! (2) Subtraction: a total minus the shown cells inside it, per period and measure.
//!
//! The totals and what lies inside them (README, "Privacy"): the region ⊃ its VSVs (per
//! care type, and over care types); a VSV (× care type) ⊃ its organisations; a unit over
//! care types ⊃ its care types (a client may answer for several, so only a positive
//! remainder isolates anyone, and only its size). What remains, if 1 to `min_n − 1`
//! clients, is a group the release pins down: its n, and its mean where the means are
//! means of clients (not of care-type means, see `covers`).
//!
//! A cell hidden for one item but not for its unit's theme and other items, all with one
//! n, is solved first (every client a complete case, as the equal n's say): its n is the
//! theme's, its sum k·theme − the other items'. The remainder is then taken again.

use std::collections::{BTreeMap, BTreeSet};

use super::read::Row;
use super::Attack::Subtraction;
use super::{cell, small, CellRef, Finding, Published, Recovered, Role};

type Key<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

fn key(r: &Row) -> Key<'_> {
    (
        &r.period,
        &r.vsv,
        &r.organisation,
        &r.care_type,
        &r.theme,
        &r.item,
    )
}

/// Every row by its cell; the first of a cell published twice (the releases attack
/// compares the others).
pub fn index(p: &Published) -> BTreeMap<Key<'_>, &Row> {
    let mut idx = BTreeMap::new();
    for r in p.rows() {
        idx.entry(key(r)).or_insert(r);
    }
    idx
}

/// The items published under each theme in each period.
pub fn theme_items(p: &Published) -> BTreeMap<(&str, &str), BTreeSet<&str>> {
    let mut m: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for r in p
        .rows()
        .filter(|r| !r.item.is_empty() && !r.theme.is_empty())
    {
        m.entry((&r.period, &r.theme)).or_default().insert(&r.item);
    }
    m
}

/// Whether the children of a family may overlap (care types of one client).
#[derive(Clone, Copy, PartialEq)]
enum Family {
    Disjoint,
    Overlapping,
}

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let idx = index(p);
    let items = theme_items(p);
    // parent key → (family, children)
    let mut families: BTreeMap<Key<'_>, (Family, Vec<&Row>)> = BTreeMap::new();
    for r in idx.values() {
        let (period, vsv, org, ct, theme, item) = key(r);
        let mut parents = Vec::new();
        if !vsv.is_empty() && org.is_empty() {
            parents.push(((period, "", "", ct, theme, item), Family::Disjoint));
        }
        if !org.is_empty() {
            parents.push(((period, vsv, "", ct, theme, item), Family::Disjoint));
        }
        if !ct.is_empty() {
            parents.push(((period, vsv, org, "", theme, item), Family::Overlapping));
        }
        for (parent, family) in parents {
            families
                .entry(parent)
                .or_insert((family, Vec::new()))
                .1
                .push(r);
        }
    }
    let mut tried = 0;
    let mut found = Vec::new();
    for (pk, (family, children)) in &families {
        let Some(parent) = idx.get(pk).filter(|r| r.shown()) else {
            continue;
        };
        let Some(total) = parent.n else { continue };
        let shown: Vec<&Row> = children.iter().copied().filter(|r| r.shown()).collect();
        tried += 1;
        let known: Vec<Known> = shown
            .iter()
            .map(|r| Known {
                cell: cell(p, r, Role::Part),
                n: r.n.unwrap_or(0),
                sum: r.sum().filter(|_| r.additive()),
            })
            .collect();
        let base = remainder(
            p,
            parent,
            total,
            &known.iter().collect::<Vec<_>>(),
            *family,
            min_n,
        );
        if let Some(f) = base {
            found.push(f);
            continue;
        }
        if *family == Family::Overlapping || parent.item.is_empty() {
            continue;
        }
        // Each hidden cell in turn is the remainder; the others solved where they can be.
        let hidden: Vec<&Row> = children.iter().copied().filter(|r| !r.shown()).collect();
        let solved: Vec<Option<Known>> = hidden.iter().map(|r| solve(p, &idx, &items, r)).collect();
        for target in 0..hidden.len() {
            let with: Vec<&Known> = solved
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != target)
                .filter_map(|(_, k)| k.as_ref())
                .collect();
            if with.is_empty() {
                continue;
            }
            tried += 1;
            let all: Vec<&Known> = known.iter().chain(with).collect();
            if let Some(f) = remainder(p, parent, total, &all, *family, min_n) {
                found.push(f);
                break;
            }
        }
    }
    (tried, found)
}

/// A cell inside a total whose n (and sum, when the mean is of clients) is known.
struct Known {
    cell: CellRef,
    n: u64,
    sum: Option<f64>,
}

fn remainder(
    p: &Published,
    parent: &Row,
    total: u64,
    known: &[&Known],
    family: Family,
    min_n: u64,
) -> Option<Finding> {
    let inside: u64 = known.iter().map(|k| k.n).sum();
    let h = total.checked_sub(inside)?;
    if !small(h, min_n) {
        return None;
    }
    let sums: Option<f64> = known.iter().map(|k| k.sum).sum();
    let recovered = match (family, parent.sum().filter(|_| parent.additive()), sums) {
        (Family::Disjoint, Some(s), Some(inner)) => Recovered::Mean((s - inner) / h as f64),
        _ => Recovered::Count,
    };
    let mut cells = vec![cell(p, parent, Role::Total)];
    cells.extend(known.iter().map(|k| k.cell.clone()));
    Some(Finding {
        attack: Subtraction,
        cells,
        group: Some(h),
        recovered,
    })
}

/// A hidden item cell of a unit solved from the unit's theme and other items.
fn solve(
    p: &Published,
    idx: &BTreeMap<Key<'_>, &Row>,
    items: &BTreeMap<(&str, &str), BTreeSet<&str>>,
    r: &Row,
) -> Option<Known> {
    let all = items.get(&(r.period.as_str(), r.theme.as_str()))?;
    if all.len() < 2 {
        return None;
    }
    let get = |item: &str| at(idx, r, item).filter(|x| x.shown() && x.additive());
    let theme = get("")?;
    let n = theme.n?;
    let mut others = 0.0;
    for item in all.iter().filter(|i| **i != r.item) {
        let o = get(item)?;
        if o.n != Some(n) {
            return None;
        }
        others += o.sum()?;
    }
    let sum = all.len() as f64 * theme.sum()? - others;
    if !(0.0..=10.0 * n as f64).contains(&sum) {
        return None;
    }
    let mut c = cell(p, r, Role::Solved);
    c.n = Some(n);
    c.mean = Some(sum / n as f64);
    Some(Known {
        cell: c,
        n,
        sum: Some(sum),
    })
}

/// The row of `item` (empty: the theme) at `r`'s unit, theme and period.
pub fn at<'a>(idx: &BTreeMap<Key<'_>, &'a Row>, r: &Row, item: &str) -> Option<&'a Row> {
    idx.get(&(
        r.period.as_str(),
        r.vsv.as_str(),
        r.organisation.as_str(),
        r.care_type.as_str(),
        r.theme.as_str(),
        item,
    ))
    .copied()
}
