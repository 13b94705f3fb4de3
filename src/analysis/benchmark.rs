//! The national reference (`[benchmark] national`): the national mean per theme and period
//! as mijnPerined's benchmark shows it, typed into a small table (`thema;periode;gemiddelde`,
//! and `n;sd` when known). The agenda shows it as a "landelijk" column and the theme charts
//! as a tick; a unit is called better or worse than the nation only when the row gives n and
//! sd, so the national mean's own uncertainty can be taken into account.

use std::collections::BTreeMap;
use std::path::Path;

use crate::analysis::score::{Cell, Tier};
use crate::error::{Error, Result, StandardExpected, StandardProblem};
use crate::funnel::{band, Band};
use crate::ingest::Canonical;
use crate::period::{Period, PeriodKind};

/// One national value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    /// National mean on 0–10.
    pub mean: f64,
    /// Respondents behind it, when known.
    pub n: Option<u64>,
    /// Their standard deviation, when known.
    pub sd: Option<f64>,
}

/// The national values by (period, theme index into [`Canonical::themes`]).
pub type National = BTreeMap<(Period, u16), Reference>;

/// Reads the national reference at `path` for the themes of `data` and periods of `kind`.
pub fn read(path: &Path, data: &Canonical, kind: PeriodKind) -> Result<National> {
    let fail = |problem| Error::Benchmark {
        path: path.to_path_buf(),
        problem: Box::new(problem),
    };
    let table = crate::analysis::standard::read_table(path, fail)?;
    let find = |names: &[&str]| names.iter().find_map(|name| table.column(path, name).ok());
    let need = |names: &[&str]| {
        find(names).ok_or_else(|| {
            fail(StandardProblem::MissingColumn {
                column: names[0].to_string(),
                headers: table.headers.clone(),
            })
        })
    };
    let theme_col = need(&["thema", "theme"])?;
    let period_col = need(&["periode", "period"])?;
    let mean_col = need(&["gemiddelde", "mean"])?;
    let (n_col, sd_col) = (find(&["n"]), find(&["sd"]));
    let mut out = National::new();
    for (row, fields) in &table.rows {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |i: Option<usize>| i.and_then(|i| fields.get(i)).map_or("", |s| s.trim());
        let bad = |column: &str, value: &str, expected| {
            fail(StandardProblem::Value {
                row: *row,
                column: column.to_string(),
                value: value.to_string(),
                expected,
            })
        };
        let number = |text: &str| text.replace(',', ".").parse::<f64>().ok();
        let theme_text = field(Some(theme_col));
        let Some(theme) = data.themes.iter().position(|t| t.id == theme_text) else {
            let known = data.themes.iter().map(|t| t.id.clone()).collect();
            return Err(bad("thema", theme_text, StandardExpected::Theme { known }));
        };
        let period_text = field(Some(period_col));
        let period = Period::parse(period_text)
            .filter(|p| p.kind == kind)
            .ok_or_else(|| bad("periode", period_text, StandardExpected::Period))?;
        let mean_text = field(Some(mean_col));
        let mean = number(mean_text)
            .filter(|m| (0.0..=10.0).contains(m))
            .ok_or_else(|| bad("gemiddelde", mean_text, StandardExpected::Mean))?;
        let n = match field(n_col) {
            "" => None,
            text => Some(
                text.parse::<u64>()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| bad("n", text, StandardExpected::Count))?,
            ),
        };
        let sd = match field(sd_col) {
            "" => None,
            text => Some(
                number(text)
                    .filter(|s| s.is_finite() && *s > 0.0)
                    .ok_or_else(|| bad("sd", text, StandardExpected::Sd))?,
            ),
        };
        let reference = Reference { mean, n, sd };
        if out.insert((period, theme as u16), reference).is_some() {
            return Err(fail(StandardProblem::Twice { row: *row }));
        }
    }
    Ok(out)
}

/// The national reference of `config`, if it names one.
pub fn of_config(config: &crate::config::Config, data: &Canonical) -> Result<Option<National>> {
    let Some(path) = &config.benchmark.national else {
        return Ok(None);
    };
    read(&config.dir().join(path), data, config.analysis.period).map(Some)
}

/// z and band of a cell against the national mean: Welch's z of the two means with their
/// standard errors, banded at the funnel's limits (1.96, 3.09). Only for a full-tier cell
/// and a national value with n and sd.
pub fn versus(cell: &Cell, national: &Reference) -> Option<(f64, Band)> {
    if cell.tier != Tier::Full {
        return None;
    }
    let estimate = cell.stats?.estimate?;
    let (n, sd) = (national.n?, national.sd?);
    let se2 = estimate.se * estimate.se + sd * sd / n as f64;
    if se2 <= 0.0 {
        return None;
    }
    let z = (estimate.mean - national.mean) / se2.sqrt();
    Some((z, band(z, true)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::{CellStats, Comparison, Measure};

    fn cell(mean: f64, se: f64) -> Cell {
        Cell {
            period: Period::parse("2026-Q3").unwrap(),
            vsv: Some(0),
            care_type: None,
            organisation: None,
            measure: Measure::Theme(0),
            tier: Tier::Full,
            covers: Vec::new(),
            stats: Some(CellStats {
                n: 100,
                mean,
                sd: Some(1.0),
                ci: None,
                estimate: Some(prem_stats::stats::Estimate { mean, se, df: 99.0 }),
                top_box: None,
                problem: None,
            }),
            comparison: Comparison::default(),
        }
    }

    #[test]
    fn a_unit_is_compared_only_with_n_and_sd() {
        // z = (8.4 − 8.0) / √(0.1² + 1.5²/400) = 0.4 / √(0.01 + 0.005625) = 0.4 / 0.125 = 3.2
        // (by hand), beyond 3.09: much better.
        let r = Reference {
            mean: 8.0,
            n: Some(400),
            sd: Some(1.5),
        };
        let (z, b) = versus(&cell(8.4, 0.1), &r).unwrap();
        assert!((z - 3.2).abs() < 1e-12, "{z}");
        assert_eq!(b, Band::MuchBetter);
        let (z, b) = versus(&cell(7.8, 0.1), &r).unwrap();
        assert!((z + 1.6).abs() < 1e-12);
        assert_eq!(b, Band::AsExpected);
        assert_eq!(versus(&cell(8.4, 0.1), &Reference { n: None, ..r }), None);
        let mut indicative = cell(8.4, 0.1);
        indicative.tier = Tier::Indicative;
        assert_eq!(versus(&indicative, &r), None);
    }

    #[test]
    fn the_table_is_read_with_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("landelijk.csv");
        let mut data = Canonical::default();
        for id in ["bejegening", "nazorg"] {
            data.themes.push(crate::ingest::ThemeRef {
                id: id.into(),
                label: id.into(),
                label_en: None,
                source: 0,
                n_items: 1,
                importance: None,
                positive_score: None,
                problem_score: None,
            });
        }
        let q = PeriodKind::Quarter;
        std::fs::write(&path, "thema;periode;gemiddelde;n;sd\nnazorg;2026-K3;8,1;;\nbejegening;2026-Q3;8.6;5200;1,3\n").unwrap();
        let national = read(&path, &data, q).unwrap();
        let p = Period::parse("2026-Q3").unwrap();
        assert_eq!(
            national[&(p, 1)],
            Reference {
                mean: 8.1,
                n: None,
                sd: None
            }
        );
        assert_eq!(national[&(p, 0)].n, Some(5200));
        std::fs::write(&path, "thema;periode;gemiddelde\nzorg;2026-K3;8,1\n").unwrap();
        match read(&path, &data, q) {
            Err(Error::Benchmark { problem, .. }) => assert!(matches!(
                *problem,
                StandardProblem::Value { row: 2, ref column, .. } if column == "thema"
            )),
            other => panic!("{other:?}"),
        }
        std::fs::write(&path, "thema;periode;gemiddelde\nnazorg;2026-K3;12\n").unwrap();
        assert!(read(&path, &data, q).is_err());
    }
}
