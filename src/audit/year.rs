//! (4) The year chapter minus the quarters: "Het jaar in cijfers" gives the year's
//! respondents and grade; the quarters' come from the chapter or, more precisely, from
//! `scores.csv`. The year minus the shown quarters leaving 1 to `min_n − 1` clients is a
//! hidden quarter's n; with the grades it bounds that quarter's mean grade.

use super::read::Chapter;
use super::Attack::YearQuarters;
use super::{number, small, CellRef, Finding, Published, Recovered, Role};

/// The overall grade's theme id in `scores.csv`.
const GRADE: &str = "rapportcijfer";

pub fn attack(p: &Published, min_n: u64) -> (u64, Vec<Finding>) {
    let mut tried = 0;
    let mut found = Vec::new();
    for c in &p.chapters {
        let Some(year) = &c.year else { continue };
        let (Some(n), Some(grade)) = (year.n, year.grade) else {
            continue;
        };
        tried += 1;
        if let Some(f) = hidden_quarter(p, c, n, grade, year.decimals, min_n) {
            found.push(f);
        }
    }
    (tried, found)
}

/// The chapter's VSV as `scores.csv` names it; empty for the region.
fn unit_of<'a>(p: &Published, c: &'a Chapter) -> &'a str {
    if !c.region_folder && p.rows().any(|r| r.vsv == c.unit) {
        &c.unit
    } else {
        ""
    }
}

fn hidden_quarter(
    p: &Published,
    c: &Chapter,
    n: u64,
    grade: f64,
    decimals: usize,
    min_n: u64,
) -> Option<Finding> {
    let vsv = unit_of(p, c);
    let year = c.year.as_ref()?.period.clone();
    let scores = |period: &str| {
        p.rows().find(|r| {
            r.period == period
                && r.vsv == vsv
                && r.organisation.is_empty()
                && r.care_type.is_empty()
                && r.theme == GRADE
                && r.item.is_empty()
                && r.shown()
        })
    };
    // Quarters: the chapter's, and any of the year that scores.csv has beside them.
    let mut periods: Vec<String> = c.quarters.iter().map(|q| q.period.clone()).collect();
    for r in p.rows() {
        if r.vsv == vsv && r.period.starts_with(&format!("{year}-")) && !periods.contains(&r.period)
        {
            periods.push(r.period.clone());
        }
    }
    let (mut shown_n, mut lo_sum, mut hi_sum) = (0u64, 0.0, 0.0);
    let unit = (!vsv.is_empty()).then_some(vsv);
    let mut total = number(&c.path, &year, unit, GRADE, Some(n));
    total.role = Role::Total;
    total.mean = Some(grade);
    let mut cells: Vec<CellRef> = vec![total];
    for period in &periods {
        let chapter = c.quarters.iter().find(|q| &q.period == period);
        let published = scores(period);
        let qn = chapter.and_then(|q| q.n).or(published.and_then(|r| r.n));
        let Some(qn) = qn else { continue };
        shown_n += qn;
        // Each quarter's sum within its rounding (scores.csv: 4 decimals).
        let (mean, half) = match (published.and_then(|r| r.mean), chapter) {
            (Some(m), _) => (m, 0.000_05),
            (None, Some(q)) => (
                q.grade.unwrap_or(f64::NAN),
                0.5 * 10f64.powi(-(q.decimals as i32)),
            ),
            (None, None) => (f64::NAN, 0.0),
        };
        lo_sum += qn as f64 * (mean - half);
        hi_sum += qn as f64 * (mean + half);
        let file = published.map_or_else(|| c.path.clone(), |r| p.path(r));
        cells.push(CellRef {
            role: Role::Part,
            file,
            period: period.clone(),
            vsv: unit.map(str::to_string),
            organisation: String::new(),
            care_type: String::new(),
            measure: GRADE.into(),
            n: Some(qn),
            mean: Some(mean),
        });
    }
    let h = n.checked_sub(shown_n)?;
    if !small(h, min_n) {
        return None;
    }
    let half = 0.5 * 10f64.powi(-(decimals as i32));
    let (nf, hf) = (n as f64, h as f64);
    let lo = ((nf * (grade - half) - hi_sum) / hf).max(1.0);
    let hi = ((nf * (grade + half) - lo_sum) / hf).min(10.0);
    let recovered = if lo.is_finite() && hi.is_finite() && lo <= hi {
        Recovered::Interval(lo, hi)
    } else {
        Recovered::Count
    };
    Some(Finding {
        attack: YearQuarters,
        cells,
        group: Some(h),
        recovered,
    })
}
