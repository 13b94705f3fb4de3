//! The actions register: `acties.csv` beside prem.toml (or the file `[analysis] actions`
//! names), and the follow-up of each action in the report.
//!
//! Columns (header on row 1, any order, `;` or `,`):
//!
//! | column | meaning |
//! |---|---|
//! | `id` | short id, e.g. A1 |
//! | `vsv` | VSV as the exports spell it (case, accents and spaces do not count: [`crate::registers::find_unit`]); empty = the whole region |
//! | `theme` | theme id from the codebook (`prem codebook show`) |
//! | `action` | what is done |
//! | `owner` | who does it |
//! | `start` | start date |
//! | `due` | due date (may be empty) |
//! | `horizon` | `30 dagen` / `1m`, `90 dagen` / `3m`, `jaar` / `1j` (may be empty) |
//! | `status` | `gepland`, `lopend` or `afgerond` (English: planned, running, done) |
//!
//! The register is small and written by hand, so a wrong value stops the run with the file,
//! row, column and what was expected (`registers/reader.rs`, shared with the participation
//! register): better a clear message than an action that silently disappears from the
//! agenda.
//!
//! Follow-up: the theme's score in the last shown period before the start, against the
//! report's period, with the same test as the trends (Welch; significant only when p < 0.05
//! and the change is at least the minimal important difference). An action not done whose
//! due date lies before the end of the report's period is overdue.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::error::{ActionExpected, Result};
use crate::ingest::Canonical;
use crate::registers::reader::{Register, RegisterFile, RegisterRow};

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

/// A row of the register as written, before its values are checked.
#[derive(Debug, Deserialize)]
struct ActionRow {
    id: String,
    vsv: String,
    theme: String,
    action: String,
    owner: String,
    start: String,
    due: String,
    horizon: String,
    status: String,
}

impl RegisterRow for ActionRow {
    const REGISTER: Register = Register::Actions;
    const COLUMNS: &'static [&'static str] = &[
        "id", "vsv", "theme", "action", "owner", "start", "due", "horizon", "status",
    ];
}

/// Reads the register; a missing default file is an empty register.
pub fn read_register(path: &Path, required: bool, data: &Canonical) -> Result<Vec<Action>> {
    let file = RegisterFile::<ActionRow>::read(path, required)?;
    let mut out = Vec::new();
    for (row, r) in &file.rows {
        let at = |column, value| file.cell(*row, column, value);
        // Checked in this order, so that a row with two bad values names the same one
        // as before the registers shared a reader.
        let theme = at("theme", &r.theme).theme(data)?;
        let vsv = at("vsv", &r.vsv).unit(data)?;
        let start = at("start", &r.start).date()?;
        // Empty: no horizon, and a status of planned.
        let horizon = at("horizon", &r.horizon).word(ActionExpected::Horizon)?;
        let status = at("status", &r.status).word(ActionExpected::Status)?;
        out.push(Action {
            id: at("id", &r.id).text()?,
            vsv,
            theme,
            action: at("action", &r.action).text()?,
            owner: r.owner.clone(),
            start,
            due: at("due", &r.due).optional_date()?,
            horizon,
            status: status.unwrap_or(Status::Planned),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ActionProblem, Error};
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

    /// A VSV and the headers as a person may type them: the one rule of
    /// [`crate::registers::find_unit`], and column names ignoring case and spaces.
    #[test]
    fn a_vsv_is_found_as_typed() {
        let mut d = data();
        let noord = d.names.intern("Zaanstreek-Noord");
        d.peer_vsvs.push(noord);
        let (_d, p) = write(
            "ID; VSV ;Theme;Action;Owner;Start;Due;Horizon;Status\n\
             A1; zaanstreek-noord ;bereikbaarheid;Iets;X;21-01-2026;;;\n",
        );
        let a = read_register(&p, true, &d).unwrap();
        assert_eq!(a[0].vsv, Some(noord));
        assert_eq!((a[0].horizon, a[0].status), (None, Status::Planned));
        let (_d, p) = write(&format!(
            "{HEADER}A1;Zuid;bereikbaarheid;Iets;X;21-01-2026;;;\n"
        ));
        let e = read_register(&p, true, &d).unwrap_err().to_string();
        assert!(e.contains("Zaanstreek-Noord"), "{e}");
    }

    #[test]
    fn a_missing_default_register_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("acties.csv");
        assert!(read_register(&p, false, &data()).unwrap().is_empty());
        assert!(read_register(&p, true, &data()).is_err());
    }
}
