//! Reporting periods: quarter, month, half year, year.
//!
//! A period has one canonical label in tables (`2026-Q3`, `2026-07`, `2026-H2`, `2026`) and
//! a display label in the report language (`2026-K3` in Dutch).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::i18n::Language;

/// The length of a reporting period.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    Deserialize,
    Serialize,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    IntoStaticStr,
    EnumString,
    EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum PeriodKind {
    Month,
    #[default]
    Quarter,
    Half,
    Year,
}

impl PeriodKind {
    /// The id: `month`, `quarter`, `half` or `year`.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// Periods per year.
    pub fn per_year(self) -> u32 {
        match self {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
            PeriodKind::Half => 2,
            PeriodKind::Year => 1,
        }
    }
}

/// One reporting period, e.g. the third quarter of 2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// Calendar year.
    pub year: i32,
    /// 1-based index within the year (quarter 1–4, month 1–12, half 1–2; 1 for a year).
    pub index: u32,
    /// The period's length.
    pub kind: PeriodKind,
}

impl Period {
    /// The period of `kind` holding `date`.
    pub fn of(date: NaiveDate, kind: PeriodKind) -> Period {
        let m = date.month();
        let index = match kind {
            PeriodKind::Month => m,
            PeriodKind::Quarter => (m - 1) / 3 + 1,
            PeriodKind::Half => (m - 1) / 6 + 1,
            PeriodKind::Year => 1,
        };
        Period {
            year: date.year(),
            index,
            kind,
        }
    }

    /// Parses a canonical label (`2026-Q3`, also `2026-K3`, `2026-07`, `2026-H2`, `2026`).
    pub fn parse(text: &str) -> Option<Period> {
        let t = text.trim().to_ascii_uppercase();
        let (y, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t.as_str(), None),
        };
        let year: i32 = y.parse().ok()?;
        let (kind, index) = match rest {
            None => (PeriodKind::Year, 1),
            Some(r) => {
                if let Some(q) = r.strip_prefix('Q').or_else(|| r.strip_prefix('K')) {
                    (PeriodKind::Quarter, q.parse().ok()?)
                } else if let Some(h) = r.strip_prefix('H') {
                    (PeriodKind::Half, h.parse().ok()?)
                } else {
                    (PeriodKind::Month, r.parse().ok()?)
                }
            }
        };
        (1..=kind.per_year())
            .contains(&index)
            .then_some(Period { year, index, kind })
    }

    /// The period before this one.
    pub fn prev(self) -> Period {
        if self.index > 1 {
            Period {
                index: self.index - 1,
                ..self
            }
        } else {
            Period {
                year: self.year - 1,
                index: self.kind.per_year(),
                ..self
            }
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        let months = 12 / self.kind.per_year();
        let end_month = self.index * months;
        let (y, m) = if end_month >= 12 {
            (self.year + 1, 1)
        } else {
            (self.year, end_month + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// The same period one year earlier.
    pub fn year_before(self) -> Period {
        Period {
            year: self.year - 1,
            ..self
        }
    }

    /// The label shown to readers: `2026-K3` in Dutch, `2026-Q3` in English.
    pub fn display(self, lang: Language) -> String {
        match (self.kind, lang) {
            (PeriodKind::Quarter, Language::Nl) => format!("{}-K{}", self.year, self.index),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Period {
    /// The canonical label used in tables and folder names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.index),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.index),
            PeriodKind::Half => write!(f, "{}-H{}", self.year, self.index),
            PeriodKind::Year => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn labels_for_every_kind() {
        let date = d(2026, 8, 31);
        assert_eq!(Period::of(date, PeriodKind::Quarter).to_string(), "2026-Q3");
        assert_eq!(Period::of(date, PeriodKind::Month).to_string(), "2026-08");
        assert_eq!(Period::of(date, PeriodKind::Half).to_string(), "2026-H2");
        assert_eq!(Period::of(date, PeriodKind::Year).to_string(), "2026");
        assert_eq!(
            Period::of(date, PeriodKind::Quarter).display(Language::Nl),
            "2026-K3"
        );
        assert_eq!(
            Period::of(date, PeriodKind::Quarter).display(Language::En),
            "2026-Q3"
        );
    }

    #[test]
    fn prev_crosses_the_year() {
        let p = Period::parse("2026-Q1").unwrap();
        assert_eq!(p.prev().to_string(), "2025-Q4");
        assert_eq!(p.year_before().to_string(), "2025-Q1");
        assert_eq!(
            Period::parse("2026-01").unwrap().prev().to_string(),
            "2025-12"
        );
    }

    #[test]
    fn parse_round_trips_and_refuses_nonsense() {
        for l in ["2026-Q3", "2026-07", "2026-H2", "2026"] {
            assert_eq!(Period::parse(l).unwrap().to_string(), l);
        }
        assert_eq!(Period::parse("2026-k3").unwrap().to_string(), "2026-Q3");
        assert!(Period::parse("2026-Q5").is_none());
        assert!(Period::parse("2026-13").is_none());
        assert!(Period::parse("K3").is_none());
        let last = |s: &str| Period::parse(s).unwrap().last_day().to_string();
        assert_eq!(last("2026-Q3"), "2026-09-30");
        assert_eq!(last("2026-Q4"), "2026-12-31");
        assert_eq!(last("2024-02"), "2024-02-29");
        assert_eq!(last("2026-H1"), "2026-06-30");
        assert_eq!(last("2026"), "2026-12-31");
    }
}
