//! The participation register: `participatie.csv` beside prem.toml (or the file
//! `[analysis] participation` names): every way the network heard clients besides the
//! questionnaires, what it heard, what it did with it and whether it told them.
//!
//! Columns (header on row 1, any order, `;` or `,`):
//!
//! | column | meaning |
//! |---|---|
//! | `id` | short id, e.g. P1 |
//! | `datum` | date of the activity |
//! | `vsv` | VSV as the exports spell it (case, accents and spaces do not count: [`crate::registers::find_unit`]); empty = the whole region |
//! | `vorm` | vragenlijst, spiegelgesprek, panelgesprek, focusgroep, kritische-incidenten, customer journey, online community, poll, cliëntenraad, adviesraad, dialoogsessie or anders |
//! | `niveau` | step of the participatieladder: informeren, raadplegen, adviseren, coproduceren, meebeslissen, zelfbeheer |
//! | `deelnemers` | number of clients |
//! | `thema` | theme ids, `;`-separated (may be empty) |
//! | `opbrengst` | what we heard, short |
//! | `actie` | ids in the actions register, `;`-separated (may be empty) |
//! | `teruggekoppeld` | date the clients were told what was done (empty = not yet) |
//! | `hoe` | how: website, nieuwsbrief, bijeenkomst, brief … (may be empty) |
//!
//! Like the actions register, a wrong value stops the run with file, row, column and what
//! was expected. The *open ends* are the handbooks' test for symbolic participation:
//! input older than [`OPEN_AFTER_DAYS`] with no action, and finished actions whose result
//! was never fed back to the clients who gave the input.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::config::ParticipationLevel;
use crate::error::{ActionExpected, Result};
use crate::ingest::Canonical;
use crate::period::Period;
use crate::registers::actions::{Action, Status};
use crate::registers::reader::{Register, RegisterFile, RegisterRow};

/// The default file name of the register, beside prem.toml.
pub const DEFAULT_FILE: &str = "participatie.csv";

/// Days after which input without an action is an open end.
pub const OPEN_AFTER_DAYS: i64 = 90;

/// A form of client participation. Its id is the register's Dutch spelling; other
/// spellings (lower case, accents and dashes ignored) are read too.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, EnumString, EnumIter,
)]
pub enum Form {
    #[strum(
        to_string = "vragenlijst",
        serialize = "enquete",
        serialize = "questionnaire",
        serialize = "survey"
    )]
    Questionnaire,
    #[strum(to_string = "spiegelgesprek", serialize = "mirror conversation")]
    MirrorConversation,
    #[strum(
        to_string = "panelgesprek",
        serialize = "panel",
        serialize = "clientenpanel"
    )]
    Panel,
    #[strum(to_string = "focusgroep", serialize = "focus group")]
    FocusGroup,
    #[strum(
        to_string = "kritische-incidenten",
        serialize = "kritische incidenten",
        serialize = "kritische incidenten techniek",
        serialize = "critical incidents"
    )]
    CriticalIncidents,
    #[strum(
        to_string = "customer journey",
        serialize = "patient journey",
        serialize = "klantreis"
    )]
    CustomerJourney,
    #[strum(to_string = "online community", serialize = "community")]
    OnlineCommunity,
    #[strum(to_string = "poll", serialize = "peiling")]
    Poll,
    #[strum(to_string = "clientenraad", serialize = "client council")]
    ClientCouncil,
    #[strum(
        to_string = "adviesraad",
        serialize = "regionale adviesraad",
        serialize = "advisory board"
    )]
    AdvisoryBoard,
    #[strum(
        to_string = "dialoogsessie",
        serialize = "dialoog",
        serialize = "dialogue"
    )]
    Dialogue,
    #[strum(to_string = "anders", serialize = "other")]
    Other,
}

/// An activity of client participation: one row of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Id as written.
    pub id: String,
    /// Date of the activity.
    pub date: NaiveDate,
    /// The VSV (id in [`Canonical::names`]; `None`: the region).
    pub vsv: Option<u32>,
    pub form: Form,
    pub level: ParticipationLevel,
    /// Clients taking part.
    pub participants: u32,
    /// Theme indexes into [`Canonical::themes`].
    pub themes: Vec<u16>,
    /// What was heard.
    pub heard: String,
    /// Ids of actions in the actions register.
    pub actions: Vec<String>,
    /// When the clients were told what was done.
    pub fed_back: Option<NaiveDate>,
    /// How they were told.
    pub how: String,
}

impl Activity {
    /// Whether the entry belongs to a unit's documents: a VSV's own entries and the
    /// region-wide ones; the region's documents cover all.
    pub fn covers(&self, unit: Option<u32>) -> bool {
        unit.is_none() || self.vsv.is_none() || self.vsv == unit
    }
}

/// The register's path for a config: `[analysis] participation`, else
/// `participatie.csv` beside it.
pub fn register_path(config: &crate::config::Config) -> PathBuf {
    config.dir().join(
        config
            .analysis
            .participation
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_FILE)),
    )
}

/// A row of the register as written, before its values are checked.
#[derive(Debug, Deserialize)]
struct ActivityRow {
    id: String,
    datum: String,
    vsv: String,
    vorm: String,
    niveau: String,
    deelnemers: String,
    thema: String,
    opbrengst: String,
    actie: String,
    teruggekoppeld: String,
    hoe: String,
}

impl RegisterRow for ActivityRow {
    const REGISTER: Register = Register::Participation;
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "datum",
        "vsv",
        "vorm",
        "niveau",
        "deelnemers",
        "thema",
        "opbrengst",
        "actie",
        "teruggekoppeld",
        "hoe",
    ];
}

/// Reads the register; a missing default file is an empty register. Action ids must be in
/// `actions` (the actions register).
pub fn read_register(
    path: &Path,
    required: bool,
    data: &Canonical,
    actions: &[Action],
) -> Result<Vec<Activity>> {
    let file = RegisterFile::<ActivityRow>::read(path, required)?;
    let mut out: Vec<Activity> = Vec::new();
    for (row, r) in &file.rows {
        let at = |column, value| file.cell(*row, column, value);
        // Checked in this order, so that a row with two bad values names the same one
        // as before the registers shared a reader.
        let id = at("id", &r.id).text()?;
        if out.iter().any(|e| e.id == id) {
            return Err(at("id", &r.id).bad(ActionExpected::UniqueId));
        }
        let date = at("datum", &r.datum).date()?;
        let vsv = at("vsv", &r.vsv).unit(data)?;
        let form = at("vorm", &r.vorm).required_word(ActionExpected::Form)?;
        let level = at("niveau", &r.niveau).required_word(ActionExpected::Level)?;
        let participants = at("deelnemers", &r.deelnemers).count()?;
        let themes = at("thema", &r.thema).themes(data)?;
        let ids = at("actie", &r.actie).list();
        if ids.iter().any(|a| !actions.iter().any(|x| x.id == *a)) {
            let known = actions.iter().map(|a| a.id.clone()).collect();
            return Err(at("actie", &r.actie).bad(ActionExpected::ActionId { known }));
        }
        let heard = at("opbrengst", &r.opbrengst).text()?;
        let fed_back = at("teruggekoppeld", &r.teruggekoppeld).optional_date()?;
        if fed_back.is_some_and(|f| f < date) {
            let expected = ActionExpected::AfterDate { date };
            return Err(at("teruggekoppeld", &r.teruggekoppeld).bad(expected));
        }
        out.push(Activity {
            id,
            date,
            vsv,
            form,
            level,
            participants,
            themes,
            heard,
            actions: ids,
            fed_back,
            how: r.hoe.clone(),
        });
    }
    Ok(out)
}

/// An open end: what the handbooks call symbolic participation.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenEnd<'a> {
    /// Input older than [`OPEN_AFTER_DAYS`] at the end of the period, with no action.
    NoAction { entry: &'a Activity, days: i64 },
    /// A finished action on clients' input whose result was never fed back to them.
    NotFedBack {
        action: &'a Action,
        entries: Vec<&'a Activity>,
    },
}

/// The open ends of a unit (`None`: the region) at the end of `period`: only entries
/// dated up to then count.
pub fn open_ends<'a>(
    entries: &'a [Activity],
    actions: &'a [Action],
    unit: Option<u32>,
    period: Period,
) -> Vec<OpenEnd<'a>> {
    let end = period.last_day();
    let mine: Vec<&Activity> = entries
        .iter()
        .filter(|e| e.covers(unit) && e.date <= end)
        .collect();
    let mut out = Vec::new();
    for e in &mine {
        let days = (end - e.date).num_days();
        if e.actions.is_empty() && days > OPEN_AFTER_DAYS {
            out.push(OpenEnd::NoAction { entry: e, days });
        }
    }
    for a in actions.iter().filter(|a| a.status == Status::Done) {
        let from: Vec<&Activity> = mine
            .iter()
            .copied()
            .filter(|e| e.actions.contains(&a.id))
            .collect();
        if !from.is_empty() && from.iter().all(|e| e.fed_back.is_none_or(|f| f > end)) {
            out.push(OpenEnd::NotFedBack {
                action: a,
                entries: from,
            });
        }
    }
    out
}

/// The unit's entries dated in `period`, oldest first.
pub fn in_period(entries: &[Activity], unit: Option<u32>, period: Period) -> Vec<&Activity> {
    let mut v: Vec<&Activity> = entries
        .iter()
        .filter(|e| e.covers(unit) && Period::of(e.date, period.kind) == period)
        .collect();
    v.sort_by_key(|e| (e.date, e.id.clone()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::actions::Horizon;
    use crate::registers::reader::parse_word;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn entry(
        id: &str,
        date: &str,
        vsv: Option<u32>,
        actions: &[&str],
        fed: Option<&str>,
    ) -> Activity {
        Activity {
            id: id.into(),
            date: day(date),
            vsv,
            form: Form::FocusGroup,
            level: ParticipationLevel::Consult,
            participants: 8,
            themes: vec![0],
            heard: "Meer uitleg over pijnbestrijding".into(),
            actions: actions.iter().map(|a| a.to_string()).collect(),
            fed_back: fed.map(day),
            how: String::new(),
        }
    }

    fn action(id: &str, status: Status) -> Action {
        Action {
            id: id.into(),
            vsv: None,
            theme: 0,
            action: "Folder".into(),
            owner: String::new(),
            start: day("2026-01-10"),
            due: None,
            horizon: Some(Horizon::Quarter),
            status,
        }
    }

    /// The open-ends rules on a hand-made register, at the end of 2026-Q3 (30 September):
    /// P1 (1 June, 121 days, no action) is open; P2 (15 July, 77 days) not yet; P3 has an
    /// action; A1 is done and never fed back (open); A2 is done and fed back; A3 running.
    #[test]
    fn open_ends_are_old_input_without_action_and_results_never_fed_back() {
        let entries = vec![
            entry("P1", "2026-06-01", Some(1), &[], None),
            entry("P2", "2026-07-15", None, &[], None),
            entry("P3", "2026-03-01", Some(1), &["A1"], None),
            entry("P4", "2026-02-01", None, &["A2"], Some("2026-05-01")),
            entry("P5", "2026-02-01", None, &["A3"], None),
            entry("P6", "2026-01-01", Some(2), &[], None),
            // After the period: not yet counted.
            entry("P7", "2026-10-05", Some(1), &[], None),
        ];
        let actions = vec![
            action("A1", Status::Done),
            action("A2", Status::Done),
            action("A3", Status::Running),
        ];
        let q3 = Period::parse("2026-Q3").unwrap();
        let ends = open_ends(&entries, &actions, Some(1), q3);
        assert_eq!(
            ends,
            vec![
                OpenEnd::NoAction {
                    entry: &entries[0],
                    days: 121
                },
                OpenEnd::NotFedBack {
                    action: &actions[0],
                    entries: vec![&entries[2]]
                },
            ]
        );
        // The region sees VSV 2's old input too.
        let region = open_ends(&entries, &actions, None, q3);
        assert!(region.contains(&OpenEnd::NoAction {
            entry: &entries[5],
            days: 272
        }));
        assert_eq!(region.len(), 3);
        // Fed back after the period's end: still open at its end.
        let mut late = entries.clone();
        late[2].fed_back = Some(day("2026-10-02"));
        assert_eq!(open_ends(&late, &actions, Some(1), q3).len(), 2);
        let ids: Vec<&str> = in_period(&entries, Some(1), q3)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["P2"]);
    }

    #[test]
    fn forms_and_levels_are_read_as_written() {
        assert_eq!(
            parse_word::<Form>("Kritische-incidenten"),
            Some(Form::CriticalIncidents)
        );
        assert_eq!(
            parse_word::<Form>("Cliëntenraad"),
            Some(Form::ClientCouncil)
        );
        assert_eq!(parse_word::<Form>(" Focusgroep "), Some(Form::FocusGroup));
        assert_eq!(
            parse_word::<Form>("Customer  Journey"),
            Some(Form::CustomerJourney)
        );
        assert_eq!(
            parse_word::<ParticipationLevel>("Meebeslissen"),
            Some(ParticipationLevel::CoDecide)
        );
        assert!(parse_word::<ParticipationLevel>("ladder").is_none());
        assert!(ParticipationLevel::Inform < ParticipationLevel::SelfManagement);
    }
}
