//! Quarters: their days, labels and the file names of their exports.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quarter {
    pub(super) year: i32,
    pub(super) q: u32,
}

impl Quarter {
    /// The quarter's first day. The options keep the year within 1940–2200, far inside
    /// chrono's range, so the fallback is never taken.
    pub(super) fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 3 * self.q - 2, 1).unwrap_or(NaiveDate::MIN)
    }

    pub(super) fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    pub(super) fn prev(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    pub(super) fn days(self) -> i64 {
        (self.next().first_day() - self.first_day()).num_days()
    }

    /// Dutch label, e.g. `2026-K3`.
    pub(super) fn label(self) -> String {
        format!("{}-K{}", self.year, self.q)
    }
}

pub(super) fn quarter_list(opts: &SampleOptions) -> Vec<Quarter> {
    let (year, q) = opts.last_quarter;
    let mut quarter = Quarter { year, q };
    let mut list = Vec::with_capacity(opts.quarters);
    for _ in 0..opts.quarters {
        list.push(quarter);
        quarter = quarter.prev();
    }
    list.reverse();
    list
}

pub(super) fn prem_path(q: Quarter) -> String {
    format!("exports/prem-{}-K{}.csv", q.year, q.q)
}

/// The quarter (index) whose duplicates reappear in the next one: the middle of the series.
pub(super) fn duplicate_source(quarters: usize) -> Option<usize> {
    (quarters >= 2).then(|| quarters / 2 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_have_their_days() {
        assert_eq!(Quarter { year: 2024, q: 1 }.days(), 91);
        assert_eq!(Quarter { year: 2026, q: 1 }.days(), 90);
        assert_eq!(Quarter { year: 2026, q: 4 }.days(), 92);
        assert_eq!(
            Quarter { year: 2026, q: 3 }.first_day().to_string(),
            "2026-07-01"
        );
    }
}
