//! `prem audit`: an attacker on published folders (spec §5, issue 24).
//!
//! It reads what a report, a year chapter or a shared file puts in the world —
//! `tables/scores.csv`, `tables/reliability.csv`, `agenda.md`, `hoofdstuk.md`,
//! `manifest.json` and `prem share` files — and nothing else: no exports, no
//! configuration, no code of the disclosure stage. Each attack combines published
//! numbers as an outsider would and reports every group of 1 to `min_n − 1` clients
//! whose size or mean it pins down. It is written from the published contract (spec §5–§6,
//! §10–§11, the README) so that it checks the disclosure stage instead of repeating it.
//!
//! What it does not do: solve general systems of equations (rows against columns of a
//! table: `tests/privacy_attack.rs` does that for random regions), charts, HTML and Word
//! (the same numbers as the Markdown), case-mix strata (they need the parity counts of
//! each VSV, which are not in the release), feasible intervals short of a rounding unit.

mod alpha;
mod counts;
mod items;
mod manifest;
pub mod read;
mod releases;
mod response;
mod subtract;
pub mod text;
mod year;

use std::path::PathBuf;

use serde::Serialize;
use strum::{EnumIter, IntoStaticStr};

pub use read::{read_dirs, Problem, Published};

/// The attacks, in the order they run and are reported.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, EnumIter, IntoStaticStr,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Attack {
    /// (1) A published count below `min_n`, or a hidden cell that carries numbers.
    SmallCount,
    /// (2) A total (region, VSV, care type) minus the shown cells inside it.
    Subtraction,
    /// (3) α's n against the published n's of its theme.
    Alpha,
    /// (4) The year chapter minus the quarters.
    YearQuarters,
    /// (5) A theme's n against its items' n's at one unit.
    ThemeItems,
    /// (6) Input sizes or row counts in the manifest.
    Manifest,
    /// (7) An agenda's response line minus the published n's of its unit.
    ResponseLine,
    /// Two releases of one cell that differ by fewer than `min_n` clients.
    Releases,
}

impl Attack {
    /// The id printed beside the attack's name (`subtraction`, `year-quarters`, …).
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// Which part of the release a cell is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Role {
    /// The cell the others are taken from.
    Total,
    /// A cell taken from the total.
    Part,
    /// A cell solved from other numbers of its unit, then taken from the total.
    Solved,
    /// The number itself.
    Shown,
}

/// Where a cell is: a row of `scores.csv` or a number in another file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellRef {
    pub role: Role,
    /// The file it was read from.
    pub file: PathBuf,
    /// Period, unit and measure (`None` = the whole region or not applicable).
    pub period: String,
    pub vsv: Option<String>,
    pub organisation: String,
    pub care_type: String,
    /// Theme id, or `theme/item`; or what the number is (`α`, `respons`, a manifest key).
    pub measure: String,
    pub n: Option<u64>,
    pub mean: Option<f64>,
}

/// What an attack recovered about the group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Recovered {
    /// Only its size (the group's n).
    Count,
    /// The group's mean score.
    Mean(f64),
    /// The group's mean lies in this interval.
    Interval(f64, f64),
    /// The sum of the group's answers.
    Sum(f64),
    /// A number that should not be there (a size in bytes, a hidden cell's value).
    Number(f64),
}

/// One finding: the cells combined, the size of the group they isolate and what they
/// tell about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub attack: Attack,
    pub cells: Vec<CellRef>,
    /// The number of clients in the isolated group (None: not known, e.g. a byte size).
    pub group: Option<u64>,
    pub recovered: Recovered,
}

impl Finding {
    /// The files the finding combines, each once.
    pub fn files(&self) -> Vec<&PathBuf> {
        let mut files: Vec<&PathBuf> = self.cells.iter().map(|c| &c.file).collect();
        files.sort();
        files.dedup();
        files
    }
}

/// What one attack tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tried {
    pub attack: Attack,
    /// Combinations of published numbers it looked at.
    pub combinations: u64,
}

/// The outcome of an audit.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub min_n: u64,
    pub tried: Vec<Tried>,
    pub findings: Vec<Finding>,
}

/// Runs every attack on what was read, with groups below `min_n` counting as leaks.
pub fn run(p: &Published, min_n: u64) -> Audit {
    let mut tried = Vec::new();
    let mut findings = Vec::new();
    let mut add = |attack: Attack, (combinations, found): (u64, Vec<Finding>)| {
        tried.push(Tried {
            attack,
            combinations,
        });
        findings.extend(found);
    };
    add(Attack::SmallCount, counts::attack(p, min_n));
    add(Attack::Subtraction, subtract::attack(p, min_n));
    add(Attack::Alpha, alpha::attack(p, min_n));
    add(Attack::YearQuarters, year::attack(p, min_n));
    add(Attack::ThemeItems, items::attack(p, min_n));
    add(Attack::Manifest, manifest::attack(p, min_n));
    add(Attack::ResponseLine, response::attack(p, min_n));
    add(Attack::Releases, releases::attack(p, min_n));
    Audit {
        min_n,
        tried,
        findings,
    }
}

/// `1..min_n`: the sizes of a group no published number may isolate.
fn small(h: u64, min_n: u64) -> bool {
    h >= 1 && h < min_n
}

/// A row of a table as a cell of a finding.
fn cell(p: &Published, row: &read::Row, role: Role) -> CellRef {
    CellRef {
        role,
        file: p.path(row),
        period: row.period.clone(),
        vsv: (!row.vsv.is_empty()).then(|| row.vsv.clone()),
        organisation: row.organisation.clone(),
        care_type: row.care_type.clone(),
        measure: row.measure(),
        n: row.n,
        mean: row.mean,
    }
}

/// A number of another file as a cell of a finding.
fn number(
    file: &std::path::Path,
    period: &str,
    vsv: Option<&str>,
    what: &str,
    n: Option<u64>,
) -> CellRef {
    CellRef {
        role: Role::Shown,
        file: file.to_path_buf(),
        period: period.to_string(),
        vsv: vsv.map(str::to_string),
        organisation: String::new(),
        care_type: String::new(),
        measure: what.to_string(),
        n,
        mean: None,
    }
}
