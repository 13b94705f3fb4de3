//! The actions register: `acties.csv` beside prem.toml (or the file `[analysis] actions`
//! names), and the follow-up of each action in the report.
//!
//! Columns (header on row 1, any order, `;` or `,`):
//!
//! | column | meaning |
//! |---|---|
//! | `id` | short id, e.g. A1 |
//! | `vsv` | VSV as the exports spell it; empty = the whole region |
//! | `theme` | theme id from the codebook (`prem codebook show`) |
//! | `action` | what is done |
//! | `owner` | who does it |
//! | `start` | start date |
//! | `due` | due date (may be empty) |
//! | `horizon` | `30 dagen` / `1m`, `90 dagen` / `3m`, `jaar` / `1j` (may be empty) |
//! | `status` | `gepland`, `lopend` or `afgerond` (English: planned, running, done) |
//!
//! The register is small and written by hand, so a wrong value stops the run with the file,
//! row, column and what was expected: better a clear message than an action that silently
//! disappears from the agenda.
//!
//! Follow-up: the theme's score in the last shown period before the start, against the
//! report's period, with the same test as the trends (Welch; significant only when p < 0.05
//! and the change is at least the minimal important difference). An action not done whose
//! due date lies before the end of the report's period is overdue.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::error::{ActionExpected, ActionProblem, Error, InputProblem, Result};
use crate::ingest::table::SimpleTable;
use crate::ingest::value::{read_date, DateReading};
use crate::ingest::Canonical;

/// The default file name of the register, beside prem.toml.
pub const DEFAULT_FILE: &str = "acties.csv";

/// When an action should show its effect (the 90-day form). Its id is the Dutch form of
/// the register's `horizon` column; the other spellings are read as well (lower case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, EnumIter)]
pub enum Horizon {
    /// Within a month.
    #[strum(
        to_string = "30 dagen",
        serialize = "1m",
        serialize = "30 days",
        serialize = "maand",
        serialize = "month",
        serialize = "1 maand"
    )]
    Month,
    /// Within three months.
    #[strum(
        to_string = "90 dagen",
        serialize = "3m",
        serialize = "90 days",
        serialize = "kwartaal",
        serialize = "quarter",
        serialize = "3 maanden"
    )]
    Quarter,
    /// Made permanent within a year.
    #[strum(
        to_string = "jaar",
        serialize = "year",
        serialize = "1j",
        serialize = "1y",
        serialize = "12m",
        serialize = "1 jaar"
    )]
    Year,
}

/// Where an action stands. Its id is the Dutch form of the register's `status` column;
/// the other spellings are read as well (lower case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString, EnumIter)]
pub enum Status {
    /// Not started.
    #[strum(to_string = "gepland", serialize = "planned")]
    Planned,
    /// Under way.
    #[strum(
        to_string = "lopend",
        serialize = "running",
        serialize = "bezig",
        serialize = "in uitvoering"
    )]
    Running,
    /// Finished.
    #[strum(
        to_string = "afgerond",
        serialize = "done",
        serialize = "klaar",
        serialize = "gereed"
    )]
    Done,
}

/// One row of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// Id as written.
    pub id: String,
    /// The VSV (id in [`Canonical::names`]; `None`: the region).
    pub vsv: Option<u32>,
    /// Theme index into [`Canonical::themes`].
    pub theme: u16,
    /// What is done.
    pub action: String,
    /// Who does it.
    pub owner: String,
    /// Start date.
    pub start: NaiveDate,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Horizon.
    pub horizon: Option<Horizon>,
    /// Status.
    pub status: Status,
}

/// The register's path for a config: `[analysis] actions`, else `acties.csv` beside it.
pub fn register_path(config: &crate::config::Config) -> PathBuf {
    config.dir().join(
        config
            .analysis
            .actions
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_FILE)),
    )
}

/// Reads the register; a missing default file is an empty register.
pub fn read_register(path: &Path, required: bool, data: &Canonical) -> Result<Vec<Action>> {
    if !required && !path.exists() {
        return Ok(Vec::new());
    }
    let table = SimpleTable::read(path).map_err(in_register)?;
    let col = |name: &str| table.column(path, name).map_err(in_register);
    let (id, vsv, theme, action, owner) = (
        col("id")?,
        col("vsv")?,
        col("theme")?,
        col("action")?,
        col("owner")?,
    );
    let (start, due, horizon, status) =
        (col("start")?, col("due")?, col("horizon")?, col("status")?);
    let vsvs = data.units();
    let mut out = Vec::new();
    for (row, fields) in &table.rows {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |c: usize| fields.get(c).map_or("", |v| v.trim());
        let bad = |c: usize, expected: ActionExpected| {
            let problem = ActionProblem::Value {
                row: *row,
                column: table.headers.get(c).cloned().unwrap_or_default(),
                value: get(c).to_string(),
                expected,
            };
            Error::Actions {
                path: path.to_path_buf(),
                problem: Box::new(problem),
            }
        };
        let text = |c: usize| -> Result<String> {
            let v = get(c);
            if v.is_empty() {
                Err(bad(c, ActionExpected::Text))
            } else {
                Ok(v.to_string())
            }
        };
        let date = |c: usize| register_date(get(c)).ok_or_else(|| bad(c, ActionExpected::Date));
        let theme_id = get(theme);
        let Some(theme_index) = data.themes.iter().position(|t| t.id == theme_id) else {
            let known = data.themes.iter().map(|t| t.id.clone()).collect();
            return Err(bad(theme, ActionExpected::Theme { known }));
        };
        let vsv_name = get(vsv);
        let vsv_value = if vsv_name.is_empty() {
            None
        } else if let Some(&v) = vsvs.iter().find(|&&v| same(data.names.get(v), vsv_name)) {
            Some(v)
        } else {
            let known = vsvs
                .iter()
                .map(|&v| data.names.get(v).to_string())
                .collect();
            return Err(bad(vsv, ActionExpected::Vsv { known }));
        };
        let Some(start_date) = date(start)? else {
            return Err(bad(start, ActionExpected::Date));
        };
        // Empty: no horizon, and a status of planned.
        let horizon_value = match get(horizon).to_lowercase().as_str() {
            "" => None,
            v => Some(
                v.parse()
                    .map_err(|_| bad(horizon, ActionExpected::Horizon))?,
            ),
        };
        let status_value = match get(status).to_lowercase().as_str() {
            "" => Status::Planned,
            v => v.parse().map_err(|_| bad(status, ActionExpected::Status))?,
        };
        out.push(Action {
            id: text(id)?,
            vsv: vsv_value,
            theme: theme_index as u16,
            action: text(action)?,
            owner: get(owner).to_string(),
            start: start_date,
            due: date(due)?,
            horizon: horizon_value,
            status: status_value,
        });
    }
    Ok(out)
}

/// An error reading the register as a table, as a problem of the register (so that its
/// hint is about the register's columns, not about prem.toml).
fn in_register(e: Error) -> Error {
    as_register_problem(e, |path, problem| Error::Actions {
        path,
        problem: Box::new(problem),
    })
}

/// A table error of a hand-written register as that register's problem, made into its
/// error by `make`; other errors as they are. Shared by the actions and participation
/// registers.
pub(crate) fn as_register_problem(
    e: Error,
    make: impl FnOnce(PathBuf, ActionProblem) -> Error,
) -> Error {
    let (path, problem) = match e {
        Error::Input {
            path,
            problem: InputProblem::MissingNamedColumn { column, headers },
        } => (path, ActionProblem::MissingColumn { column, headers }),
        Error::Input { path, problem } => (path, ActionProblem::Unreadable(problem)),
        Error::Export { path, problem } => (path, ActionProblem::Ambiguous(*problem)),
        other => return other,
    };
    make(path, problem)
}

/// A date of a hand-written register: `Some(None)` when empty, `None` when unreadable.
/// A Dutch register writes the day first, so an ambiguous date is read that way.
pub(crate) fn register_date(v: &str) -> Option<Option<NaiveDate>> {
    if v.is_empty() {
        return Some(None);
    }
    match read_date(v) {
        DateReading::Sure(d) | DateReading::DayFirstOnly(d) => Some(Some(d)),
        DateReading::Ambiguous { day_first, .. } => Some(Some(day_first)),
        DateReading::MonthFirstOnly(_) | DateReading::Invalid => None,
    }
}

/// Names equal ignoring case and surrounding spaces.
fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ThemeRef;

    fn data() -> Canonical {
        let themes = ["informatievoorziening", "bereikbaarheid"]
            .iter()
            .map(|id| ThemeRef {
                id: id.to_string(),
                label: id.to_string(),
                label_en: None,
                source: 0,
                n_items: 1,
                importance: None,
                positive_score: None,
                problem_score: None,
            })
            .collect();
        Canonical {
            themes,
            ..Canonical::default()
        }
    }

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("acties.csv");
        std::fs::write(&p, text).unwrap();
        (dir, p)
    }

    const HEADER: &str = "id;vsv;theme;action;owner;start;due;horizon;status\n";

    #[test]
    fn reads_dutch_and_short_forms() {
        let (_d, p) = write(&format!(
            "{HEADER}A1;;bereikbaarheid;Terugbellen binnen 30 min;Coördinator;21-01-2026;21-04-2026;3m;lopend\n\
             A2;;informatievoorziening;Folder herschrijven;Werkgroep;2026-04-11;;30 dagen;afgerond\n"
        ));
        let a = read_register(&p, true, &data()).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].theme, 1);
        assert_eq!(a[0].horizon, Some(Horizon::Quarter));
        assert_eq!(a[0].status, Status::Running);
        assert_eq!(a[0].start.to_string(), "2026-01-21");
        assert_eq!(a[1].due, None);
        assert_eq!(a[1].horizon, Some(Horizon::Month));
        assert_eq!(a[1].status, Status::Done);
    }

    #[test]
    fn a_bad_value_names_row_column_and_what_was_expected() {
        let (_d, p) = write(&format!(
            "{HEADER}A1;;bereikbaarheid;Iets;X;21-01-2026;;binnenkort;lopend\n"
        ));
        let e = read_register(&p, true, &data()).unwrap_err();
        let Error::Actions { path, problem } = &e else {
            panic!("{e:?}");
        };
        assert_eq!(path, &p);
        assert_eq!(
            **problem,
            ActionProblem::Value {
                row: 2,
                column: "horizon".into(),
                value: "binnenkort".into(),
                expected: ActionExpected::Horizon
            }
        );
        let d = crate::render::diagnostic::describe(&e, crate::i18n::Language::Nl);
        assert!(
            d.message.ends_with("acties.csv: rij 2, kolom \"horizon\": \"binnenkort\" — verwacht 30 dagen, 90 dagen of jaar (ook: 1m, 3m, 1j)"),
            "{}",
            d.message
        );
        let hint = d.hint.unwrap_or_default();
        assert!(
            hint.contains("acties.csv") && !hint.contains("prem.toml"),
            "{hint}"
        );
        let (_d, p) = write(&format!(
            "{HEADER}A1;;bereikbaar;Iets;X;21-01-2026;;;lopend\n"
        ));
        let e = read_register(&p, true, &data()).unwrap_err().to_string();
        assert!(e.contains("informatievoorziening, bereikbaarheid"), "{e}");
    }

    #[test]
    fn a_missing_default_register_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("acties.csv");
        assert!(read_register(&p, false, &data()).unwrap().is_empty());
        assert!(read_register(&p, true, &data()).is_err());
    }
}
