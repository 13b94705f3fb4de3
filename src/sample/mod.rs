//! Synthetic sample data for `prem sample`: realistic exports, a codebook, a `prem.toml`,
//! an actions register and a README, so users and tests have data to run on.
//!
//! [`generate`] returns the files (paths relative to the output folder):
//!
//! - `exports/prem-<YYYY>-K<q>.csv`: one PREM Geboortezorg export per quarter in the long
//!   layout (one row per respondent × care type), saved as a Dutch Excel saves CSV:
//!   `;`-separated, Windows-1252, CRLF, fields quoted only when needed.
//! - `exports/lokale-enquete.xlsx`: a local enquête as Microsoft Forms/Excel exports it
//!   (title and export date above the header on row 3, answers as text labels).
//! - `lokale-enquete.toml`: the codebook of that enquête.
//! - `prem.toml`: an analysis of both sources.
//! - `acties.csv`: an actions register.
//! - `participatie.csv`: a participation register (a year of client participation).
//! - `README.md`: what is synthetic and what was planted.
//!
//! Planted effects, for tests and demonstrations: the VSV at [`WORSE_VSV_INDEX`] scores about
//! [`WORSE_BY`] points lower on [`WORSE_THEME`]; [`DECLINING_THEME`] drops by [`DECLINE`] in
//! the last three quarters in every VSV; [`IMPROVING_THEME`] rises by [`IMPROVE_BY`] at the
//! VSV at [`IMPROVING_VSV_INDEX`] after its action in `acties.csv`. Planted data-quality problems: [`DUPLICATES`]
//! respondents repeated in the next quarter's file, and per file one unparseable date, one
//! out-of-range answer and one unknown label.
//!
//! Every random number comes from a ChaCha8 generator seeded with [`SampleOptions::seed`]
//! (one stream per file) and no hash map is iterated, so the same options give
//! byte-identical files. The files are built in memory: roughly 0.6 kB per PREM respondent
//! (the national scale of 71 VSVs × 12 quarters × 600 gives about 240 MB in a few seconds).

use chrono::{Datelike, Days, NaiveDate};
use encoding_rs::WINDOWS_1252;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

mod items;
mod local;
mod prem_export;
mod quarter;
mod random;
mod readme;
mod region;
mod registers;
pub mod together;
mod toml_files;
mod windows1252;

use items::*;
use local::*;
use prem_export::*;
use quarter::*;
use random::*;
use region::*;
use together::*;
use toml_files::*;
use windows1252::*;

/// The VSV (0-based, in [`vsv_names`] order) that scores clearly worse on [`WORSE_THEME`].
pub const WORSE_VSV_INDEX: usize = 1;
/// Theme id (PREM codebook) on which the VSV at [`WORSE_VSV_INDEX`] scores worse.
pub const WORSE_THEME: &str = "informatievoorziening";
/// Theme id (PREM codebook) that declines in the last three quarters, in every VSV.
pub const DECLINING_THEME: &str = "bereikbaarheid";
/// The VSV (0-based) whose [`IMPROVING_THEME`] rises after its action A3 in `acties.csv`
/// (started in the fourth quarter from the end): the follow-up of an action shows an effect.
pub const IMPROVING_VSV_INDEX: usize = 2;
/// Theme id (PREM codebook) that rises at [`IMPROVING_VSV_INDEX`] after its action.
pub const IMPROVING_THEME: &str = "continuiteit";
/// The latent rise (0–10 points) of [`IMPROVING_THEME`] in the quarters after the action.
pub const IMPROVE_BY: f64 = 0.9;
/// How much lower (0–10 points) the worse VSV scores on [`WORSE_THEME`].
pub const WORSE_BY: f64 = 1.2;
/// Drop (0–10 points, relative to the earlier level) of [`DECLINING_THEME`] in the
/// third-last, second-last and last quarter.
pub const DECLINE: [f64; 3] = [0.5, 1.0, 1.6];
/// Respondents of one quarter's file repeated (same number, care types and answers) at the
/// top of the next quarter's file; see [`duplicate_quarters`].
pub const DUPLICATES: usize = 2;

/// The care types of the PREM export, in row order per respondent.
pub const CARE_TYPES: [&str; 3] = ["Verloskundigenpraktijk", "Ziekenhuis", "Kraamzorg"];

/// The header of the PREM exports, column by column.
pub const PREM_COLUMNS: [&str; 26] = [
    "Respondentnummer",
    "VSV",
    "Zorgaanbieder",
    "Zorgsoort",
    "Datum ingevuld",
    "Eerste kind",
    "Leeftijd",
    "Opleidingsniveau",
    "Plaats bevalling",
    "Persoonlijke aandacht",
    "Informatievoorziening",
    "Samen beslissen",
    "Vertrouwen",
    "Bejegening",
    "Bereikbaarheid",
    "Samenwerking",
    "Continuïteit",
    "Emotionele steun",
    "Betrokkenheid partner",
    "Voorbereiding",
    "Pijnbestrijding",
    "Nazorg",
    "Rapportcijfer",
    "Aanbevelen",
    "Verbeterpunten",
    "Complimenten",
];

/// The header of the local enquête (row 3 of sheet `Antwoorden`), column by column.
pub const LOCAL_COLUMNS: [&str; 15] = [
    "ID",
    "Starttijd",
    "VSV",
    "Was dit uw eerste kind?",
    "Wat is uw leeftijd?",
    LOCAL_ITEMS[0].text,
    LOCAL_ITEMS[1].text,
    LOCAL_ITEMS[2].text,
    LOCAL_ITEMS[3].text,
    LOCAL_ITEMS[4].text,
    LOCAL_ITEMS[5].text,
    LOCAL_ITEMS[6].text,
    LOCAL_ITEMS[7].text,
    LOCAL_ITEMS[8].text,
    "Opmerkingen",
];

/// Options of `prem sample`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleOptions {
    /// Number of VSVs (1–200).
    pub vsvs: usize,
    /// Number of quarters (1–40), ending with `last_quarter`.
    pub quarters: usize,
    /// Typical PREM respondents per VSV per quarter (10–5000); a VSV's size lies between
    /// about 0.3× and 1.3× this.
    pub per_quarter: usize,
    /// Seed of the random generator: the same options give byte-identical files.
    pub seed: u64,
    /// The newest quarter, as (year, quarter 1–4).
    pub last_quarter: (i32, u32),
    /// `[analysis] output` of the generated prem.toml (relative to it).
    pub reports: String,
}

impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions {
            vsvs: 8,
            quarters: 8,
            per_quarter: 150,
            seed: 1,
            last_quarter: (2026, 3),
            reports: "reports".to_string(),
        }
    }
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Why sample data could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// An option lies outside its allowed range.
    #[error("--{option} {value}: expected a number from {min} to {max}")]
    OutOfRange {
        /// The option's command-line name.
        option: &'static str,
        /// The value given.
        value: usize,
        /// Smallest allowed value.
        min: usize,
        /// Largest allowed value.
        max: usize,
    },
    /// The last quarter is not a quarter 1–4 of a supported year.
    #[error("last quarter {year}-K{quarter}: expected a quarter 1–4 of a year from 1950 to 2200")]
    LastQuarter {
        /// The year given.
        year: i32,
        /// The quarter given.
        quarter: u32,
    },
    /// Writing the spreadsheet failed.
    #[error("{path}: writing the spreadsheet failed: {source}")]
    Xlsx {
        /// The file being written.
        path: String,
        /// The library's error.
        #[source]
        source: XlsxError,
    },
    /// Writing a CSV file failed.
    #[error("{path}: writing the CSV failed: {source}")]
    Csv {
        /// The file being written.
        path: String,
        /// The library's error.
        #[source]
        source: csv::Error,
    },
    /// A text could not be encoded as Windows-1252 (a bug in the sample texts).
    #[error("{path}: the text holds a character that Windows-1252 cannot encode")]
    Encoding {
        /// The file being written.
        path: String,
    },
}

impl SampleOptions {
    /// Checks the options' ranges: vsvs 1–200, quarters 1–40, per_quarter 10–5000, last
    /// quarter 1–4 of a year 1950–2200.
    pub fn validate(&self) -> Result<(), SampleError> {
        for (option, value, min, max) in [
            ("vsvs", self.vsvs, 1, 200),
            ("quarters", self.quarters, 1, 40),
            ("per-quarter", self.per_quarter, 10, 5000),
        ] {
            if !(min..=max).contains(&value) {
                return Err(SampleError::OutOfRange {
                    option,
                    value,
                    min,
                    max,
                });
            }
        }
        let (year, quarter) = self.last_quarter;
        if !(1..=4).contains(&quarter) || !(1950..=2200).contains(&year) {
            return Err(SampleError::LastQuarter { year, quarter });
        }
        Ok(())
    }
}

/// Generates every sample file: the PREM exports (oldest quarter first), the local enquête,
/// its codebook, `prem.toml`, `acties.csv` and `README.md`.
pub fn generate(opts: &SampleOptions) -> Result<Vec<SampleFile>, SampleError> {
    let plan = Plan::new(opts)?;
    // The spreadsheet takes longest; it is written on a second thread. Both parts draw from
    // their own random streams, so the result does not depend on the scheduling.
    let (prem, local) = std::thread::scope(|scope| {
        let local = scope.spawn(|| plan.local_xlsx());
        let prem = plan.prem_exports();
        let local = local
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (prem, local)
    });
    let (prem, duplicates) = prem?;
    let (mut files, own): (Vec<SampleFile>, Vec<SampleFile>) = prem
        .into_iter()
        .partition(|f| !f.path.starts_with(TOGETHER));
    files.push(local?);
    files.push(text_file("lokale-enquete.toml", local_codebook()));
    files.push(text_file("prem.toml", prem_toml(&opts.reports)));
    files.push(SampleFile {
        path: "acties.csv".to_string(),
        bytes: plan.actions_csv()?,
    });
    files.push(SampleFile {
        path: crate::registers::participation::DEFAULT_FILE.to_string(),
        bytes: plan.participation_csv()?,
    });
    files.push(text_file("README.md", plan.readme(&duplicates)));
    files.extend(own);
    files.extend(together_files(opts));
    Ok(files)
}

/// Fast path for benchmarks: only the PREM exports, byte-identical to those of [`generate`]
/// with the same options (no spreadsheet, no config).
pub fn generate_prem_exports(opts: &SampleOptions) -> Result<Vec<SampleFile>, SampleError> {
    let files = Plan::new(opts)?.prem_exports()?.0;
    Ok(files
        .into_iter()
        .filter(|f| !f.path.starts_with(TOGETHER))
        .collect())
}

/// Names of `n` VSVs: eight real regions of Noord-Holland first, then `VSV Regio 9`,
/// `VSV Regio 10`, … (all distinct).
pub fn vsv_names(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match REGIONS.get(i) {
            Some((name, _)) => (*name).to_string(),
            None => format!("VSV Regio {}", i + 1),
        })
        .collect()
}

/// The pair of PREM files (paths) holding the planted duplicates: [`DUPLICATES`]
/// respondents of the first reappear in the second. `None` with fewer than two quarters.
pub fn duplicate_quarters(opts: &SampleOptions) -> Option<(String, String)> {
    let source = duplicate_source(opts.quarters)?;
    let quarters = quarter_list(opts);
    Some((prem_path(quarters[source]), prem_path(quarters[source + 1])))
}

fn text_file(path: &str, text: String) -> SampleFile {
    SampleFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::io::Cursor;

    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

    /// Index of the first item column in [`PREM_COLUMNS`].
    const FIRST_ITEM: usize = 9;

    fn small() -> SampleOptions {
        SampleOptions {
            vsvs: 4,
            quarters: 5,
            per_quarter: 60,
            seed: 7,
            ..SampleOptions::default()
        }
    }

    fn file<'a>(files: &'a [SampleFile], path: &str) -> &'a SampleFile {
        files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} missing"))
    }

    fn prem_files(files: &[SampleFile]) -> Vec<&SampleFile> {
        files
            .iter()
            .filter(|f| f.path.starts_with("exports/prem-"))
            .collect()
    }

    /// Parses a `sep`-separated text with quoted fields; every record must end in CRLF
    /// when `crlf` (a bare LF is allowed only inside quotes).
    fn parse(text: &str, sep: char, crlf: bool) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        field.push('"');
                        chars.next();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.is_empty() {
                quoted = true;
            } else if c == sep {
                record.push(std::mem::take(&mut field));
            } else if c == '\r' {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            } else if c == '\n' {
                assert!(!crlf, "bare LF outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            } else {
                field.push(c);
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "no line end at the end"
        );
        records
    }

    fn decode(bytes: &[u8]) -> String {
        let (text, had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
        assert!(!had_errors);
        text.into_owned()
    }

    fn prem_rows(f: &SampleFile) -> Vec<Vec<String>> {
        let rows = parse(&decode(&f.bytes), ';', true);
        for r in &rows {
            assert_eq!(r.len(), PREM_COLUMNS.len(), "{}: {r:?}", f.path);
        }
        rows
    }

    fn column(name: &str) -> usize {
        PREM_COLUMNS.iter().position(|c| *c == name).unwrap()
    }

    fn answer(s: &str, max: u32) -> Option<u32> {
        s.parse::<u32>().ok().filter(|v| (1..=max).contains(v))
    }

    /// The test's own reading of the planted date formats.
    fn parses_as_date(s: &str) -> bool {
        let s = s.split(' ').next().unwrap_or("");
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3 {
            return false;
        }
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            return false;
        }
        let (d, m, y) = if parts[0].len() == 4 {
            (nums[2], nums[1], nums[0])
        } else {
            (nums[0], nums[1], nums[2])
        };
        NaiveDate::from_ymd_opt(y as i32, m, d).is_some()
    }

    fn mean(v: &[u32]) -> f64 {
        v.iter().map(|x| f64::from(*x)).sum::<f64>() / v.len() as f64
    }

    #[test]
    fn same_options_give_identical_bytes_another_seed_differs() {
        let a = generate(&small()).unwrap();
        let b = generate(&small()).unwrap();
        assert_eq!(a, b);
        let c = generate(&SampleOptions { seed: 8, ..small() }).unwrap();
        for (x, y) in a.iter().zip(&c) {
            if x.path.starts_with("exports/") {
                assert_ne!(x.bytes, y.bytes, "{}", x.path);
            }
        }
    }

    #[test]
    fn fast_path_gives_the_same_exports() {
        let all = generate(&small()).unwrap();
        let fast = generate_prem_exports(&small()).unwrap();
        assert_eq!(&all[..fast.len()], &fast[..]);
    }

    #[test]
    fn file_list() {
        let files = generate(&small()).unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "exports/prem-2025-K3.csv",
                "exports/prem-2025-K4.csv",
                "exports/prem-2026-K1.csv",
                "exports/prem-2026-K2.csv",
                "exports/prem-2026-K3.csv",
                "exports/lokale-enquete.xlsx",
                "lokale-enquete.toml",
                "prem.toml",
                "acties.csv",
                "participatie.csv",
                "README.md",
                "samen/vsv-alkmaar/exports/prem-2025-K3.csv",
                "samen/vsv-alkmaar/exports/prem-2025-K4.csv",
                "samen/vsv-alkmaar/exports/prem-2026-K1.csv",
                "samen/vsv-alkmaar/exports/prem-2026-K2.csv",
                "samen/vsv-alkmaar/exports/prem-2026-K3.csv",
                "samen/standaard.csv",
                "samen/landelijk.csv",
                "samen/vsv-alkmaar/prem.toml",
                "samen/regio/prem.toml",
            ]
        );
        let one = generate(&SampleOptions {
            quarters: 1,
            last_quarter: (2025, 1),
            ..small()
        })
        .unwrap();
        assert_eq!(one[0].path, "exports/prem-2025-K1.csv");
    }

    #[test]
    fn csv_is_saved_as_a_dutch_excel_does() {
        let files = generate(&small()).unwrap();
        for f in prem_files(&files) {
            let header = format!("{}\r\n", PREM_COLUMNS.join(";"));
            let (expected, _, _) = WINDOWS_1252.encode(&header);
            assert!(f.bytes.starts_with(&expected), "{}", f.path);
            // "Continuïteit" in Windows-1252: ï is the single byte 0xEF.
            assert!(f.bytes.windows(12).any(|w| w == b"Continu\xefteit"));
            assert!(std::str::from_utf8(&f.bytes).is_err(), "not UTF-8");
            let text = decode(&f.bytes);
            assert!(text.starts_with(
                "Respondentnummer;VSV;Zorgaanbieder;Zorgsoort;Datum ingevuld;Eerste kind;\
                 Leeftijd;Opleidingsniveau;Plaats bevalling;Persoonlijke aandacht;"
            ));
            let rows = prem_rows(f);
            assert_eq!(rows[0], PREM_COLUMNS);
            // Quoting is exercised: a field with a newline, a ';' and a '"'.
            let open = column("Verbeterpunten");
            assert!(rows
                .iter()
                .any(|r| r[open].contains('\n') && r[open].contains(';') && r[open].contains('"')));
            for r in &rows[1..] {
                assert!(CARE_TYPES.contains(&r[3].as_str()), "{r:?}");
                assert!(r[0].starts_with('R') && r[0].len() >= 11, "{r:?}");
            }
        }
    }

    #[test]
    fn item_columns_follow_the_codebook() {
        let codebook = include_str!("../config/codebooks/prem-geboortezorg.toml");
        let firsts: Vec<&str> = codebook
            .lines()
            .filter_map(|l| l.strip_prefix("columns = [\""))
            .map(|l| &l[..l.find('"').unwrap()])
            .collect();
        assert_eq!(firsts, PREM_COLUMNS[FIRST_ITEM..FIRST_ITEM + ITEMS.len()]);
        assert!(codebook.contains("improvement = [\"Verbeterpunten\""));
        assert!(codebook.contains("compliment = [\"Complimenten\""));
        let ids: Vec<&str> = codebook
            .lines()
            .filter_map(|l| l.strip_prefix("theme = \""))
            .map(|l| l.trim_end_matches('"'))
            .collect();
        let ours: Vec<&str> = ITEMS.iter().filter_map(|i| i.theme).collect();
        assert_eq!(ids, ours);
        assert_eq!(PREM_COLUMNS[FIRST_ITEM + GRADE], "Rapportcijfer");
        assert_eq!(PREM_COLUMNS[FIRST_ITEM + RECOMMEND], "Aanbevelen");
    }

    #[test]
    fn row_counts_and_respondents_are_plausible() {
        let o = small();
        let files = generate(&o).unwrap();
        for f in prem_files(&files) {
            let rows = prem_rows(f);
            let mut care: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for r in &rows[1..] {
                care.entry(&r[0]).or_default().push(&r[3]);
            }
            let n = care.len() as f64;
            let nominal = (o.vsvs * o.per_quarter) as f64;
            assert!(n > 0.25 * nominal && n < 1.5 * nominal, "{}: {n}", f.path);
            let per = (rows.len() - 1) as f64 / n;
            assert!((2.55..=2.9).contains(&per), "{}: {per}", f.path);
            for types in care.values() {
                assert_eq!(types[0], "Verloskundigenpraktijk");
                assert_eq!(types[types.len() - 1], "Kraamzorg");
            }
        }
    }

    #[test]
    fn planted_effects_are_visible_in_raw_means() {
        let o = SampleOptions {
            vsvs: 6,
            quarters: 6,
            per_quarter: 100,
            seed: 3,
            ..SampleOptions::default()
        };
        let files = generate(&o).unwrap();
        let names = vsv_names(o.vsvs);
        let worse_col = FIRST_ITEM + WORSE_ITEM;
        let decl_col = FIRST_ITEM + DECLINING_ITEM;
        assert_eq!(PREM_COLUMNS[worse_col], "Informatievoorziening");
        assert_eq!(PREM_COLUMNS[decl_col], "Bereikbaarheid");
        let (mut worse, mut others) = (Vec::new(), Vec::new());
        let mut declining = Vec::new();
        let mut all = Vec::new();
        for f in prem_files(&files) {
            let rows = prem_rows(f);
            let mut quarter = Vec::new();
            for r in &rows[1..] {
                if let Some(v) = answer(&r[worse_col], 10) {
                    if r[1] == names[WORSE_VSV_INDEX] {
                        worse.push(v);
                    } else {
                        others.push(v);
                    }
                }
                if let Some(v) = answer(&r[decl_col], 10) {
                    quarter.push(v);
                }
                if let Some(v) = answer(&r[FIRST_ITEM], 10) {
                    all.push(v);
                }
            }
            declining.push(mean(&quarter));
        }
        let gap = mean(&others) - mean(&worse);
        assert!(gap >= 0.9, "worse VSV only {gap:.2} below the others");
        let drop = declining[0] - declining[declining.len() - 1];
        assert!(
            drop >= 1.2,
            "declining theme dropped only {drop:.2}: {declining:?}"
        );
        assert!((declining[0] - declining[2]).abs() < 0.3, "{declining:?}");
        let m = mean(&all);
        let sd = (all.iter().map(|x| (f64::from(*x) - m).powi(2)).sum::<f64>()
            / (all.len() - 1) as f64)
            .sqrt();
        assert!(
            (8.0..=8.8).contains(&m) && (1.1..=1.7).contains(&sd),
            "{m} {sd}"
        );
    }

    #[test]
    fn items_correlate() {
        let files = generate(&small()).unwrap();
        let rows = prem_rows(prem_files(&files)[0]);
        let k = THEMES;
        let complete: Vec<Vec<f64>> = rows[1..]
            .iter()
            .filter_map(|r| {
                (0..k)
                    .map(|i| answer(&r[FIRST_ITEM + i], 10).map(f64::from))
                    .collect()
            })
            .collect();
        assert!(complete.len() > 50);
        let var = |xs: &mut dyn Iterator<Item = f64>| {
            let v: Vec<f64> = xs.collect();
            let m = v.iter().sum::<f64>() / v.len() as f64;
            v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64
        };
        let item_var: f64 = (0..k)
            .map(|i| var(&mut complete.iter().map(|r| r[i])))
            .sum();
        let total_var = var(&mut complete.iter().map(|r| r.iter().sum::<f64>()));
        let alpha = k as f64 / (k as f64 - 1.0) * (1.0 - item_var / total_var);
        assert!(alpha > 0.7, "Cronbach's alpha {alpha:.2}");
    }

    #[test]
    fn planted_problems_once_per_file() {
        let files = generate(&small()).unwrap();
        let mut halves = 0;
        for f in prem_files(&files) {
            let rows = prem_rows(f);
            let date = column("Datum ingevuld");
            let bad_dates = rows[1..]
                .iter()
                .filter(|r| !parses_as_date(&r[date]))
                .count();
            // Each bad date is on every row of its respondent.
            let bad_respondents: BTreeSet<&str> = rows[1..]
                .iter()
                .filter(|r| !parses_as_date(&r[date]))
                .map(|r| r[0].as_str())
                .collect();
            assert_eq!(bad_respondents.len(), 1, "{}: {bad_dates}", f.path);
            let (mut out_of_range, mut unknown) = (0, 0);
            for r in &rows[1..] {
                for k in 0..ITEMS.len() {
                    let v = r[FIRST_ITEM + k].as_str();
                    if v.is_empty() || v == "n.v.t." {
                        continue;
                    }
                    let (min, max) = if k == RECOMMEND { (0, 10) } else { (1, 10) };
                    match v.parse::<i64>() {
                        Ok(x) if (min..=max).contains(&x) => {}
                        Ok(_) => out_of_range += 1,
                        // A half grade with a decimal comma is valid.
                        Err(_) if k == GRADE && v.len() == 3 && v.ends_with(",5") => halves += 1,
                        Err(_) => unknown += 1,
                    }
                }
            }
            assert_eq!((out_of_range, unknown), (1, 1), "{}", f.path);
        }
        assert!(halves > 0, "no grade with a decimal comma");
    }

    #[test]
    fn planted_duplicates_reappear_in_the_next_quarter() {
        let o = small();
        let files = generate(&o).unwrap();
        let (from, to) = duplicate_quarters(&o).unwrap();
        assert_eq!(
            (from.as_str(), to.as_str()),
            ("exports/prem-2025-K4.csv", "exports/prem-2026-K1.csv")
        );
        let prem = prem_files(&files);
        let ids: Vec<BTreeSet<String>> = prem
            .iter()
            .map(|f| prem_rows(f)[1..].iter().map(|r| r[0].clone()).collect())
            .collect();
        for i in 0..prem.len() - 1 {
            let shared: Vec<&String> = ids[i].intersection(&ids[i + 1]).collect();
            if prem[i].path == from {
                assert_eq!(shared.len(), DUPLICATES);
                let a = prem_rows(prem[i]);
                let b = prem_rows(prem[i + 1]);
                for id in shared {
                    let ra: Vec<_> = a.iter().filter(|r| &r[0] == id).collect();
                    let rb: Vec<_> = b.iter().filter(|r| &r[0] == id).collect();
                    assert_eq!(ra, rb);
                }
            } else {
                assert!(shared.is_empty(), "{}", prem[i].path);
            }
        }
        let readme = String::from_utf8(file(&files, "README.md").bytes.clone()).unwrap();
        let shared: Vec<&String> = ids[1].intersection(&ids[2]).collect();
        for id in shared {
            assert!(readme.contains(id.as_str()), "{id} not in the README");
        }
        assert!(readme.contains(&vsv_names(o.vsvs)[WORSE_VSV_INDEX]));
        // No other repeated respondent × care type within a file.
        for f in &prem {
            let rows = prem_rows(f);
            let keys: BTreeSet<(&str, &str)> = rows[1..]
                .iter()
                .map(|r| (r[0].as_str(), r[3].as_str()))
                .collect();
            assert_eq!(keys.len(), rows.len() - 1);
        }
    }

    #[test]
    fn open_texts_have_accents_and_some_personal_data() {
        let o = SampleOptions {
            per_quarter: 300,
            ..small()
        };
        let files = generate(&o).unwrap();
        let text: String = prem_files(&files)
            .iter()
            .map(|f| decode(&f.bytes))
            .collect();
        for needle in [
            "geïnformeerd",
            "ideeën",
            "Cliënt",
            "Hélène",
            "@voorbeeld.nl",
            "06-",
        ] {
            assert!(text.contains(needle), "{needle}");
        }
        let rows = prem_rows(prem_files(&files)[0]);
        let open = column("Verbeterpunten");
        let empty = rows[1..].iter().filter(|r| r[open].is_empty()).count() as f64;
        let share = empty / (rows.len() - 1) as f64;
        assert!((0.6..0.8).contains(&share), "{share}");
    }

    #[test]
    fn xlsx_reads_back_with_the_header_on_row_3() {
        let o = small();
        let files = generate(&o).unwrap();
        let f = file(&files, "exports/lokale-enquete.xlsx");
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(f.bytes.clone())).unwrap();
        assert_eq!(wb.sheet_names(), ["Antwoorden"]);
        let range = wb.worksheet_range("Antwoorden").unwrap();
        let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(
            cell(0, 0),
            Data::String("Enquête cliëntervaring kraamperiode".into())
        );
        assert_eq!(cell(1, 0), Data::String("Export: 07-10-2026".into()));
        for (c, name) in LOCAL_COLUMNS.iter().enumerate() {
            assert_eq!(cell(2, c as u32), Data::String((*name).into()));
        }
        assert!(matches!(cell(3, 1), Data::DateTime(_)), "{:?}", cell(3, 1));
        assert_eq!(cell(3, 0), Data::Float(1.0));
        let rows = range.height() as u32 - 3;
        let prem: usize = prem_files(&files)
            .iter()
            .map(|f| {
                prem_rows(f)[1..]
                    .iter()
                    .map(|r| r[0].clone())
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .sum();
        let share = f64::from(rows) / prem as f64;
        assert!((0.25..=0.42).contains(&share), "{share}");
        let names = vsv_names(o.vsvs);
        let mut labels = BTreeMap::new();
        for r in 3..3 + rows {
            let Data::String(vsv) = cell(r, 2) else {
                panic!("row {r}: no VSV")
            };
            assert!(names.contains(&vsv));
            for c in 5..14 {
                match cell(r, c) {
                    Data::String(s) => *labels.entry(s.trim().to_lowercase()).or_insert(0) += 1,
                    Data::Empty => {}
                    other => panic!("{other:?}"),
                }
            }
        }
        let keys: Vec<&str> = labels.keys().map(String::as_str).collect();
        assert_eq!(keys, ["altijd", "meestal", "nooit", "soms", "weet ik niet"]);
    }

    /// A minimal check of the TOML files against the keys the config and codebook structs
    /// accept (deny_unknown_fields), without a TOML parser.
    fn keys_ok(text: &str, allowed: &[(&str, &[&str])]) {
        let mut section = String::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
                section = s.to_string();
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = s.to_string();
                continue;
            }
            let key = line.split(" = ").next().unwrap();
            let keys = allowed
                .iter()
                .find(|(s, _)| {
                    *s == section || (s.ends_with('*') && section.starts_with(&s[..s.len() - 1]))
                })
                .unwrap_or_else(|| panic!("section [{section}]"))
                .1;
            assert!(keys.is_empty() || keys.contains(&key), "[{section}] {key}");
        }
    }

    #[test]
    fn toml_files_use_known_keys_only() {
        let files = generate(&small()).unwrap();
        let config = String::from_utf8(file(&files, "prem.toml").bytes.clone()).unwrap();
        let fields: &[&str] = &[
            "respondent",
            "vsv",
            "organisation",
            "care_type",
            "date",
            "parity",
            "age",
            "education",
            "place_of_birth",
        ];
        keys_ok(
            &config,
            &[
                (
                    "analysis",
                    &["name", "period", "language", "output", "why", "mid"],
                ),
                ("targets", &[]),
                ("privacy", &["min_n", "indicative_n"]),
                ("quotes", &["review"]),
                (
                    "source",
                    &[
                        "name",
                        "files",
                        "codebook",
                        "sheet",
                        "header_row",
                        "date_order",
                        "participation",
                    ],
                ),
                ("source.columns", fields),
            ],
        );
        assert!(config.contains("header_row = 3\n"));
        assert!(config.contains("sheet = \"Antwoorden\"\n"));
        assert!(config.contains("informatievoorziening = 8.0\n"));
        for col in &PREM_COLUMNS[..FIRST_ITEM] {
            assert!(config.contains(&format!("= \"{col}\"\n")), "{col}");
        }
        let codebook =
            String::from_utf8(file(&files, "lokale-enquete.toml").bytes.clone()).unwrap();
        keys_ok(
            &codebook,
            &[
                ("", &["name", "title"]),
                (
                    "scales.*",
                    &[
                        "type", "levels", "positive", "problem", "missing", "min", "max", "scores",
                    ],
                ),
                (
                    "themes",
                    &["id", "label", "label_en", "importance", "keywords"],
                ),
                (
                    "items",
                    &["id", "theme", "columns", "text", "scale", "reverse"],
                ),
                (
                    "open",
                    &["improvement", "compliment", "comments", "safeguarding"],
                ),
            ],
        );
        for item in &LOCAL_ITEMS {
            assert!(codebook.contains(&format!("columns = [\"{}\"]", item.text)));
        }
        assert_eq!(codebook.matches("reverse = true").count(), 1);
        for t in &LOCAL_THEMES {
            assert!(
                !ITEMS.iter().any(|i| i.theme == Some(t.id)),
                "{} clashes",
                t.id
            );
        }
    }

    #[test]
    fn actions_register() {
        let files = generate(&small()).unwrap();
        let text = String::from_utf8(file(&files, "acties.csv").bytes.clone()).unwrap();
        let rows = parse(&text, ',', false);
        assert_eq!(
            rows[0],
            ["id", "vsv", "theme", "action", "owner", "start", "due", "horizon", "status"]
        );
        assert!((4..=5).contains(&rows.len()));
        let names = vsv_names(small().vsvs);
        for r in &rows[1..] {
            assert_eq!(r.len(), 9);
            assert!(names.contains(&r[1]));
            assert!(parses_as_date(&r[5]) && parses_as_date(&r[6]) && r[5] < r[6]);
        }
        assert!(rows
            .iter()
            .any(|r| r[2] == DECLINING_THEME && r[5].starts_with("2026-01")));
        assert!(rows.iter().any(|r| r[8] == "afgerond"));
        // Overdue: due before the last quarter starts, not done.
        assert!(rows[1..]
            .iter()
            .any(|r| r[6].as_str() < "2026-07-01" && r[8] != "afgerond"));
    }

    #[test]
    fn options_out_of_range_are_refused() {
        for (o, needle) in [
            (SampleOptions { vsvs: 0, ..small() }, "--vsvs 0"),
            (
                SampleOptions {
                    vsvs: 201,
                    ..small()
                },
                "--vsvs 201",
            ),
            (
                SampleOptions {
                    quarters: 41,
                    ..small()
                },
                "--quarters 41",
            ),
            (
                SampleOptions {
                    per_quarter: 9,
                    ..small()
                },
                "--per-quarter 9",
            ),
            (
                SampleOptions {
                    last_quarter: (2026, 5),
                    ..small()
                },
                "2026-K5",
            ),
        ] {
            let m = generate(&o).unwrap_err().to_string();
            assert!(m.contains(needle), "{m}");
        }
        assert!(SampleOptions::default().validate().is_ok());
    }

    #[test]
    fn vsv_names_are_distinct() {
        let names = vsv_names(71);
        assert_eq!(names.len(), 71);
        assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), 71);
        assert_eq!(names[0], "VSV Alkmaar");
        assert_eq!(names[7], "VSV West-Friesland");
        assert_eq!(names[8], "VSV Regio 9");
    }

    #[test]
    fn organisations_are_unique_and_some_cells_small() {
        let o = SampleOptions {
            vsvs: 12,
            quarters: 2,
            per_quarter: 150,
            ..small()
        };
        let files = generate_prem_exports(&o).unwrap();
        let rows = prem_rows(&files[1]);
        let mut vsv_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut cell: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for r in &rows[1..] {
            vsv_of.entry(&r[2]).or_default().insert(&r[1]);
            cell.entry(&r[2]).or_default().insert(&r[0]);
        }
        assert!(
            vsv_of.values().all(|v| v.len() == 1),
            "an organisation in two VSVs"
        );
        assert!(cell.values().any(|n| n.len() < 10));
        assert!(cell.values().filter(|n| n.len() < 30).count() >= 5);
        assert!(vsv_of.keys().any(|k| k.contains("Één")));
    }
}
