//! (5) A theme next to its items at one unit: the theme's n minus an item's n counts the
//! clients who answered that item but too few of the theme's items for a theme score, or
//! who have a theme score but skipped the item. 1 to `min_n − 1` of them is a group the
//! release isolates. Where every other item has the theme's n and the answers are whole
//! numbers, the group's sum follows too (k items, T the theme's sum, S the items' sums):
//! - an item with h more clients: those h answered it alone, their sum S_i − (k·T − ΣS_o);
//! - an item with h fewer: those h skipped it, the sum of their other answers
//!   k(k−1)·(T − (S_i + ΣS_o)/k).

use super::subtract::{at, index, theme_items};
use super::Attack::ThemeItems;
use super::{cell, small, Finding, Published, Recovered, Role};

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let idx = index(p);
    let all_items = theme_items(p);
    let mut tried = 0;
    let mut found = Vec::new();
    for theme in idx.values().filter(|r| r.item.is_empty() && r.shown()) {
        let Some(items) = all_items.get(&(theme.period.as_str(), theme.theme.as_str())) else {
            continue;
        };
        let Some(nt) = theme.n else { continue };
        let at = |item: &str| at(&idx, theme, item).filter(|r| r.shown());
        for item in items {
            let Some(row) = at(item) else { continue };
            let Some(ni) = row.n else { continue };
            tried += 1;
            let h = nt.abs_diff(ni);
            if !small(h, min_n) {
                continue;
            }
            let others: Option<Vec<_>> =
                items.iter().filter(|i| *i != item).map(|i| at(i)).collect();
            let sum = others.and_then(|o| group_sum(theme, row, &o, items.len()));
            found.push(Finding {
                attack: ThemeItems,
                cells: vec![cell(p, theme, Role::Total), cell(p, row, Role::Part)],
                group: Some(h),
                recovered: sum.map_or(Recovered::Count, Recovered::Sum),
            });
        }
    }
    (tried, found)
}

/// `x` within `tol` of a whole number.
fn near(x: f64, tol: f64) -> Option<f64> {
    (x.is_finite() && (x - x.round()).abs() <= tol).then(|| x.round())
}

/// The isolated group's sum (see the module docs), when the cells are means of clients'
/// whole-number answers and every other item has the theme's n.
fn group_sum(
    theme: &super::read::Row,
    item: &super::read::Row,
    others: &[&super::read::Row],
    k: usize,
) -> Option<f64> {
    let (nt, ni) = (theme.n?, item.n?);
    if k < 2 || !theme.additive() || others.iter().any(|o| o.n != Some(nt) || !o.additive()) {
        return None;
    }
    let kf = k as f64;
    let l = kf * (kf - 1.0);
    // Sums exact to 4-decimal means: whole for items, a multiple of 1/(k(k−1)) for the theme.
    let tol = |n: u64| (n as f64 * 0.000_05 * l).max(0.01) + 0.01;
    let s_i = near(item.sum()?, tol(ni) / l)?;
    let s_o: f64 = others
        .iter()
        .map(|o| near(o.sum()?, tol(nt) / l))
        .sum::<Option<f64>>()?;
    let t = near(theme.sum()? * l, tol(nt))? / l;
    let h = nt.abs_diff(ni) as f64;
    let sum = if ni > nt {
        s_i - (kf * t - s_o)
    } else {
        l * (t - (s_i + s_o) / kf)
    };
    let sum = near(sum, 0.01)?;
    (0.0..=10.0 * h * kf).contains(&sum).then_some(sum)
}
