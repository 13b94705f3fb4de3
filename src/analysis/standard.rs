//! The standard population of case-mix standardisation (`[casemix] standard`): fixed
//! shares of parity × age band, the same for every VSV, so each VSV standardises its own
//! respondents and a peer's standardised mean counts exactly as if pooled (spec §10).
//!
//! The file is a table (CSV with `;` or `,`, or a spreadsheet) with the columns
//! `pariteit` (eerste, later, onbekend), `leeftijd` (the lower bound of one of the
//! codebook's age bands, `0` for the youngest, or `onbekend`) and `gewicht` (any number
//! ≥ 0; the weights are divided by their sum). A stratum the file does not list weighs 0.

use std::path::Path;

use crate::error::{Error, Result, StandardExpected, StandardProblem};
use crate::ingest::table::SimpleTable;

/// A standard population: the share of every case-mix stratum, in the order of
/// [`crate::analysis::score::CaseMix`] (`parity × age_levels + age`).
#[derive(Debug, Clone, PartialEq)]
pub struct Standard {
    /// Shares summing to 1.
    pub shares: Vec<f64>,
    /// SHA-256 of the shares as text: what a shared file records and a receiver compares.
    pub sha256: String,
}

/// Reads the standard population at `path` for age bands with these lower bounds (after
/// the youngest band); `age_levels` as in [`crate::analysis::score::CaseMix`] (bands + 1 + unknown).
pub fn read(path: &Path, bands: &[u32], age_levels: usize) -> Result<Standard> {
    let fail = |problem| Error::Standard {
        path: path.to_path_buf(),
        problem: Box::new(problem),
    };
    let table = read_table(path, fail)?;
    let col = |name: &str| {
        table.column(path, name).map_err(|_| {
            fail(StandardProblem::MissingColumn {
                column: name.to_string(),
                headers: table.headers.clone(),
            })
        })
    };
    let (parity_col, age_col, weight_col) = (col("pariteit")?, col("leeftijd")?, col("gewicht")?);
    let mut weights = vec![0.0; 3 * age_levels];
    let mut seen = vec![false; weights.len()];
    for (row, fields) in &table.rows {
        let field = |i: usize| fields.get(i).map_or("", |s| s.trim());
        let bad = |column: &str, value: &str, expected| {
            fail(StandardProblem::Value {
                row: *row,
                column: column.to_string(),
                value: value.to_string(),
                expected,
            })
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let parity = match field(parity_col).to_lowercase().as_str() {
            "eerste" | "first" => 0,
            "later" => 1,
            "onbekend" | "unknown" => 2,
            other => return Err(bad("pariteit", other, StandardExpected::Parity)),
        };
        let age_text = field(age_col).to_lowercase();
        let age = match age_text.as_str() {
            "onbekend" | "unknown" => age_levels - 1,
            "0" => 0,
            text => match text
                .parse::<u32>()
                .ok()
                .and_then(|a| bands.iter().position(|&b| b == a))
            {
                Some(i) => i + 1,
                None => {
                    let expected = StandardExpected::Age {
                        bands: bands.to_vec(),
                    };
                    return Err(bad("leeftijd", text, expected));
                }
            },
        };
        let weight_text = field(weight_col);
        let weight = weight_text
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|w| w.is_finite() && *w >= 0.0)
            .ok_or_else(|| bad("gewicht", weight_text, StandardExpected::Weight))?;
        let k = parity * age_levels + age.min(age_levels - 1);
        if std::mem::replace(&mut seen[k], true) {
            return Err(fail(StandardProblem::Twice { row: *row }));
        }
        weights[k] = weight;
    }
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return Err(fail(StandardProblem::NoWeight));
    }
    let shares: Vec<f64> = weights.iter().map(|w| w / total).collect();
    let text: String = shares.iter().map(|s| format!("{s:?}\n")).collect();
    let sha256 = crate::ingest::files::sha256_hex(text.as_bytes());
    Ok(Standard { shares, sha256 })
}

/// A small hand-typed table (the standard population, the national reference): read like
/// an export; a file that is no table becomes `fail(Unreadable)`.
pub(crate) fn read_table(
    path: &Path,
    fail: impl Fn(StandardProblem) -> Error,
) -> Result<SimpleTable> {
    SimpleTable::read(path).map_err(|e| match e {
        Error::Input { problem, .. } => fail(StandardProblem::Unreadable(problem)),
        other => other,
    })
}

/// The standard population `[casemix] standard` of `config` names, for the age bands of
/// `data`'s codebooks; none when the config names none.
pub fn of_config(
    config: &crate::config::Config,
    data: &crate::ingest::Canonical,
) -> Result<Option<Standard>> {
    let Some(path) = &config.casemix.standard else {
        return Ok(None);
    };
    let bands = crate::analysis::share::age_bands(data);
    // As scoring counts them: the bands, the youngest, and unknown.
    let age_levels = bands.len() + 2;
    read(&config.dir().join(path), &bands, age_levels).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("standaard.csv");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn weights_become_shares_in_stratum_order() {
        // Bands 25, 30, 35 → age levels <25, 25, 30, 35, unknown (5).
        let (_d, path) =
            write("pariteit;leeftijd;gewicht\neerste;0;1\nlater;30;3\nonbekend;onbekend;4\n");
        let s = read(&path, &[25, 30, 35], 5).unwrap();
        assert_eq!(s.shares.len(), 15);
        assert_eq!(s.shares[0], 0.125);
        assert_eq!(s.shares[5 + 2], 0.375);
        assert_eq!(s.shares[14], 0.5);
        assert_eq!(s.shares.iter().filter(|&&x| x > 0.0).count(), 3);
    }

    #[test]
    fn a_wrong_value_names_row_column_and_value() {
        let (_d, path) = write("pariteit;leeftijd;gewicht\neerste;27;1\n");
        let e = read(&path, &[25, 30, 35], 5).unwrap_err();
        match e {
            Error::Standard { problem, .. } => assert_eq!(
                *problem,
                StandardProblem::Value {
                    row: 2,
                    column: "leeftijd".into(),
                    value: "27".into(),
                    expected: StandardExpected::Age {
                        bands: vec![25, 30, 35]
                    },
                }
            ),
            other => panic!("{other:?}"),
        }
        let (_d, path) = write("pariteit;leeftijd;gewicht\neerste;0;0\n");
        assert!(matches!(
            read(&path, &[25], 3),
            Err(Error::Standard { problem, .. }) if *problem == StandardProblem::NoWeight
        ));
    }
}
