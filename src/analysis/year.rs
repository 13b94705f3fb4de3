//! The year's Check and Act: the figures of the chapter "Het perspectief van cliënten"
//! for the kwaliteitsjaarverslag, per VSV and for the region.
//!
//! Two analyses feed it, both through the whole pipeline (so every number passed the
//! disclosure stage): the report's own periods (quarters, by default) for the year's
//! course, and the same data in years, whose cells hold the year's respondents and are
//! tested against the previous year as every trend is (Welch; significant only when p <
//! 0.05 and the change is at least the minimal important difference).

use chrono::NaiveDate;

use crate::analysis::analyse::{analyse, analyse_under, Analysis};
use crate::analysis::follow_up::{follow_up, FollowUp};
use crate::analysis::score::{Cell, Change, Measure, Tier};
use crate::config::ParticipationLevel;
use crate::error::{Error, Result, UsageProblem};
use crate::ingest::ItemRole;
use crate::period::{Period, PeriodKind};
use crate::registers::actions::{Action, Status};
use crate::registers::participation::{open_ends, Activity, Form, OpenEnd};

/// Both analyses of a year.
pub struct Year {
    /// The calendar year.
    pub year: i32,
    /// The report's periods, up to the last of the year that has data.
    pub periods: Analysis,
    /// The same data in years, at `year`.
    pub years: Analysis,
}

/// Runs both analyses for `year`. The chapter is about the network's own clients: shared
/// files of collaborating VSVs (`[[peer]]`, per quarter) are left out, and a config of
/// shared files only (a coordinator's) has no chapter to write.
pub fn analyse_year(config: crate::config::Config, year: i32) -> Result<Year> {
    let mut config = config;
    if config.sources.is_empty() {
        return Err(Error::config(
            &config.path,
            crate::error::ConfigProblem::NoSource,
        ));
    }
    config.peers.clear();
    // The national reference is per quarter (mijnPerined); the chapter does not show it.
    config.benchmark.national = None;
    let first = analyse(config.clone(), None)?;
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MIN);
    let last = first
        .periods
        .iter()
        .copied()
        .filter(|p| p.last_day() <= end && p.year == year)
        .max()
        .or_else(|| {
            // The year is still running: its latest period so far.
            first
                .periods
                .iter()
                .copied()
                .filter(|p| p.year == year)
                .max()
        });
    let Some(last) = last else {
        return Err(Error::Usage(UsageProblem::NoDataForPeriod {
            period: Period {
                year,
                index: 1,
                kind: PeriodKind::Year,
            },
            periods: first.periods.clone(),
        }));
    };
    let periods = if first.period == last {
        first
    } else {
        analyse(config.clone(), Some(last))?
    };
    let mut by_year = config;
    by_year.analysis.period = PeriodKind::Year;
    // The years are published beside the quarters: a year hides what would leave a small
    // group of a hidden quarter (periods nest like units).
    let years = analyse_under(
        by_year,
        Some(Period {
            year,
            index: 1,
            kind: PeriodKind::Year,
        }),
        &periods,
    )?;
    Ok(Year {
        year,
        periods,
        years,
    })
}

/// A shown value: its cell's numbers, or why there are none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown {
    /// n and mean; indicatief when the tier says so.
    Value { n: u64, mean: f64, indicative: bool },
    /// Too few respondents to show anything.
    Suppressed,
    /// No respondents (no cell).
    None,
}

impl Shown {
    fn of(cell: Option<&Cell>) -> Shown {
        match cell {
            None => Shown::None,
            Some(c) if c.tier == Tier::Suppressed => Shown::Suppressed,
            Some(c) => match c.stats {
                Some(s) => Shown::Value {
                    n: s.n,
                    mean: s.mean,
                    indicative: c.tier == Tier::Indicative,
                },
                None => Shown::Suppressed,
            },
        }
    }
}

/// One period of the year: respondents and the overall grade.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    pub period: Period,
    pub grade: Shown,
}

/// A theme this year against last year.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeYear {
    pub theme: u16,
    pub now: Shown,
    pub before: Shown,
    /// The change and its test (both years shown in full).
    pub change: Option<Change>,
}

/// The year's participation of a unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Participation {
    /// Activities per form, in form order (only forms used).
    pub by_form: Vec<(Form, usize, u64)>,
    /// Activities and clients per step, every step lowest first.
    pub by_level: Vec<(ParticipationLevel, usize, u64)>,
    /// Activities.
    pub activities: usize,
    /// Clients involved (the sum of `deelnemers`).
    pub clients: u64,
    /// Inputs with an action.
    pub with_action: usize,
    /// Inputs fed back by the end of the year.
    pub fed_back: usize,
    /// Median days from activity to feedback, of those fed back.
    pub median_days: Option<f64>,
}

/// A goal for next year's jaarplan.
#[derive(Debug, Clone, PartialEq)]
pub enum Goal<'a> {
    /// An action not finished.
    Unfinished(&'a FollowUp),
    /// An improvement point of the year's last period without an action.
    NoAction { theme: u16 },
    /// An open end of participation.
    Open(OpenEnd<'a>),
}

/// "You said, we did": input fed back to the clients, with the action it led to (finished
/// or under way).
#[derive(Debug, Clone, PartialEq)]
pub struct SaidDid<'a> {
    pub entry: &'a Activity,
    pub action: &'a Action,
}

/// The chapter's figures for one unit.
pub struct Chapter<'a> {
    /// The unit's VSV (`None`: the region).
    pub vsv: Option<u32>,
    pub periods: Vec<PeriodRow>,
    /// Respondents this year and last (the grade's year cells).
    pub year_grade: (Shown, Shown),
    pub themes: Vec<ThemeYear>,
    /// The year's improvement points: theme and the periods it was one in.
    pub points: Vec<(u16, Vec<Period>)>,
    /// The actions on the unit's points, followed up at the year's last period.
    pub actions: Vec<FollowUp>,
    pub participation: Participation,
    pub goals: Vec<Goal<'a>>,
    pub said_did: Vec<SaidDid<'a>>,
}

/// The improvement points of every period of the year, as each period's agenda named them
/// (computed once for all units: a national year has 72 of them).
pub fn year_flags(y: &Year) -> Vec<crate::analysis::flags::Flag> {
    let q = &y.periods;
    let rules = crate::analysis::flags::Rules {
        targets: q.config.targets.clone(),
    };
    q.periods
        .iter()
        .filter(|p| p.year == y.year && **p <= q.period)
        .flat_map(|p| crate::analysis::flags::flags(&q.data, &q.scores.up_to(*p), *p, &rules))
        .filter(|f| f.kind == crate::analysis::flags::FlagKind::Improvement)
        .collect()
}

/// The chapter of one unit; `flags` from [`year_flags`].
pub fn chapter<'a>(
    y: &'a Year,
    vsv: Option<u32>,
    follow_ups: &'a [FollowUp],
    flags: &[crate::analysis::flags::Flag],
) -> Chapter<'a> {
    let q = &y.periods;
    let yr = &y.years;
    let this_year = yr.period;
    let last_year = this_year.year_before();
    let grade = q
        .data
        .items
        .iter()
        .position(|i| i.role == ItemRole::Grade)
        .map(|i| Measure::Grade(i as u16));
    let periods = q
        .periods
        .iter()
        .filter(|p| p.year == y.year && *p <= &q.period)
        .map(|&period| PeriodRow {
            period,
            grade: grade.map_or(Shown::None, |m| {
                Shown::of(q.scores.unit_cell(period, vsv, m))
            }),
        })
        .collect();
    let year_cell = |p: Period, m: Measure| Shown::of(yr.scores.unit_cell(p, vsv, m));
    let year_grade = grade.map_or((Shown::None, Shown::None), |m| {
        (year_cell(this_year, m), year_cell(last_year, m))
    });
    let themes = (0..yr.data.themes.len() as u16)
        .filter_map(|t| {
            let m = Measure::Theme(t);
            let cell = yr.scores.unit_cell(this_year, vsv, m);
            let now = Shown::of(cell);
            let before = year_cell(last_year, m);
            if now == Shown::None && before == Shown::None {
                return None;
            }
            // The trend stage's own test against the previous period: the year before.
            let change = cell
                .filter(|c| c.tier == Tier::Full)
                .and_then(|c| c.comparison.prev)
                .filter(|c| c.from == last_year);
            Some(ThemeYear {
                theme: t,
                now,
                before,
                change,
            })
        })
        .collect();
    let year_end = NaiveDate::from_ymd_opt(y.year, 12, 31).unwrap_or(NaiveDate::MAX);
    let actions: Vec<FollowUp> = follow_ups
        .iter()
        .filter(|f| {
            (vsv.is_none() || f.action.vsv.is_none() || f.action.vsv == vsv)
                && f.action.start <= year_end
                && (f.action.status != Status::Done
                    || f.action.due.is_none_or(|d| d.year() >= y.year)
                    || f.action.start.year() == y.year)
        })
        .cloned()
        .collect();
    let entries: Vec<&Activity> = q
        .participation
        .iter()
        .filter(|e| e.covers(vsv) && e.date.year() == y.year)
        .collect();
    let participation = participation(&entries, year_end);
    let mut goals: Vec<Goal> = follow_ups
        .iter()
        .filter(|f| {
            (vsv.is_none() || f.action.vsv.is_none() || f.action.vsv == vsv)
                && f.action.status != Status::Done
        })
        .map(Goal::Unfinished)
        .collect();
    // Each period's improvement points, as that period's agenda named them.
    let mut points: Vec<(u16, Vec<Period>)> = Vec::new();
    for f in flags
        .iter()
        .filter(|f| f.vsv == vsv && f.kind == crate::analysis::flags::FlagKind::Improvement)
    {
        match points.iter_mut().find(|(t, _)| *t == f.theme) {
            Some((_, periods)) => periods.push(f.period),
            None => points.push((f.theme, vec![f.period])),
        }
    }
    points.sort_by_key(|(t, _)| *t);
    for f in flags.iter().filter(|f| {
        f.vsv == vsv
            && f.kind == crate::analysis::flags::FlagKind::Improvement
            && f.period == q.period
    }) {
        let acted = follow_ups
            .iter()
            .any(|x| x.action.theme == f.theme && (x.action.vsv == vsv || x.action.vsv.is_none()));
        if !acted {
            goals.push(Goal::NoAction { theme: f.theme });
        }
    }
    let last_period = Period::of(year_end, q.period.kind).min(q.period);
    let all_actions: Vec<&Action> = follow_ups.iter().map(|f| &f.action).collect();
    goals.extend(
        open_ends(&q.participation, &q.actions, vsv, last_period)
            .into_iter()
            .map(Goal::Open),
    );
    let said_did = entries
        .iter()
        .filter(|e| e.fed_back.is_some_and(|d| d <= year_end))
        .flat_map(|e| {
            e.actions.iter().filter_map(|id| {
                all_actions
                    .iter()
                    .find(|a| a.id == *id && a.status != Status::Planned)
                    .map(|a| SaidDid {
                        entry: e,
                        action: a,
                    })
            })
        })
        .collect();
    Chapter {
        vsv,
        periods,
        year_grade,
        themes,
        points,
        actions,
        participation,
        goals,
        said_did,
    }
}

/// The follow-up of every action at the year's last period.
pub fn follow_ups(y: &Year) -> Vec<FollowUp> {
    let q = &y.periods;
    let shown = q.scores.up_to(q.period);
    q.actions
        .iter()
        .map(|a| follow_up(a, &shown, q.period, q.config.analysis.mid))
        .collect()
}

fn participation(entries: &[&Activity], year_end: NaiveDate) -> Participation {
    use strum::IntoEnumIterator;
    let mut by_form: Vec<(Form, usize, u64)> = Vec::new();
    for form in Form::iter() {
        let of: Vec<&&Activity> = entries.iter().filter(|e| e.form == form).collect();
        if !of.is_empty() {
            let clients = of.iter().map(|e| u64::from(e.participants)).sum();
            by_form.push((form, of.len(), clients));
        }
    }
    let by_level = ParticipationLevel::iter()
        .map(|level| {
            let of: Vec<&&Activity> = entries.iter().filter(|e| e.level == level).collect();
            let clients = of.iter().map(|e| u64::from(e.participants)).sum();
            (level, of.len(), clients)
        })
        .collect();
    let mut days: Vec<f64> = entries
        .iter()
        .filter_map(|e| {
            let f = e.fed_back.filter(|d| *d <= year_end)?;
            Some((f - e.date).num_days() as f64)
        })
        .collect();
    days.sort_by(f64::total_cmp);
    let median_days = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(days[n / 2]),
        n => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
    };
    Participation {
        by_form,
        by_level,
        activities: entries.len(),
        clients: entries.iter().map(|e| u64::from(e.participants)).sum(),
        with_action: entries.iter().filter(|e| !e.actions.is_empty()).count(),
        fed_back: days.len(),
        median_days,
    }
}

use chrono::Datelike;

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        date: &str,
        level: ParticipationLevel,
        n: u32,
        action: bool,
        fed: Option<&str>,
    ) -> Activity {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Activity {
            id: date.into(),
            date: day(date),
            vsv: None,
            form: Form::FocusGroup,
            level,
            participants: n,
            themes: vec![],
            heard: "x".into(),
            actions: if action { vec!["A1".into()] } else { vec![] },
            fed_back: fed.map(day),
            how: String::new(),
        }
    }

    /// Participation figures by hand: 4 activities, 8 + 5 + 12 + 143 = 168 clients, 2 with
    /// an action, feedback after 30, 60 and 90 days (the fourth after the year: not
    /// counted) → median 60.
    #[test]
    fn participation_is_counted_per_step_and_fed_back_in_the_year() {
        let e = [
            entry(
                "2026-01-01",
                ParticipationLevel::Consult,
                8,
                true,
                Some("2026-01-31"),
            ),
            entry(
                "2026-03-01",
                ParticipationLevel::Consult,
                5,
                false,
                Some("2026-04-30"),
            ),
            entry(
                "2026-05-01",
                ParticipationLevel::Advise,
                12,
                true,
                Some("2026-07-30"),
            ),
            entry(
                "2026-11-01",
                ParticipationLevel::CoDecide,
                143,
                false,
                Some("2027-01-15"),
            ),
        ];
        let refs: Vec<&Activity> = e.iter().collect();
        let p = participation(&refs, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert_eq!(
            (p.activities, p.clients, p.with_action, p.fed_back),
            (4, 168, 2, 3)
        );
        assert_eq!(p.median_days, Some(60.0));
        assert_eq!(p.by_level.len(), 6);
        assert_eq!(p.by_level[1], (ParticipationLevel::Consult, 2, 13));
        assert_eq!(p.by_level[5], (ParticipationLevel::SelfManagement, 0, 0));
        assert_eq!(p.by_form, vec![(Form::FocusGroup, 4, 168)]);
    }
}
