//! Reading one answer on an item's scale into a 0–10 score (10 = best).
//!
//! A numeric 1–10 or 0–10 scale keeps the answer itself (so means match what VSVs see in
//! mijnPerined); other numeric ranges are mapped linearly onto 0–10; an ordinal scale of k
//! levels is spaced evenly from 0 to 10 unless the codebook lists `scores`. A reversed item
//! is mirrored first, so top box and problem always mean good and bad.

use std::collections::HashSet;

use crate::config::codebook::{Scale, ScaleKind};
use crate::error::row::Problem;
use crate::ingest::value::{normalize, parse_number};

/// What one cell of an item column means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// Empty cell: the question was not answered.
    Empty,
    /// A missing code such as "n.v.t.": left out of numerator and denominator.
    Missing,
    /// A usable answer.
    Answer(ScaledAnswer),
    /// Not usable; goes to the data-quality report.
    Invalid(Problem),
}

/// A usable answer: as given, and as a 0–10 score with its top-box and problem marks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaledAnswer {
    /// The answer as given: the number, or the 1-based level code.
    pub value: f32,
    /// The score on 0–10, 10 = best (after mirroring a reversed item).
    pub score: f32,
    /// Top box.
    pub positive: bool,
    /// Problem answer.
    pub problem: bool,
}

/// A scale compiled for fast reading.
#[derive(Debug, Clone)]
pub struct ScaleReader {
    kind: ScaleKind,
    min: f64,
    max: f64,
    keep_raw: bool,
    positive_min: Option<f64>,
    problem_max: Option<f64>,
    levels: Vec<String>,
    level_scores: Vec<f64>,
    positive: Vec<bool>,
    problem: Vec<bool>,
    missing: HashSet<String>,
}

impl ScaleReader {
    /// Compiles a codebook scale.
    pub fn new(scale: &Scale) -> ScaleReader {
        let levels: Vec<String> = scale.level_labels().iter().map(|l| normalize(l)).collect();
        let k = levels.len();
        let level_scores = if scale.scores.len() == k && k > 0 {
            scale.scores.clone()
        } else if k > 1 {
            (0..k).map(|i| i as f64 * 10.0 / (k - 1) as f64).collect()
        } else {
            Vec::new()
        };
        let mark = |list: &[String], default: &[&str]| -> Vec<bool> {
            let wanted: Vec<String> = if list.is_empty() && scale.kind == ScaleKind::Binary {
                default.iter().map(|s| normalize(s)).collect()
            } else {
                list.iter().map(|s| normalize(s)).collect()
            };
            levels.iter().map(|l| wanted.contains(l)).collect()
        };
        let (min, max) = (scale.min.unwrap_or(0.0), scale.max.unwrap_or(10.0));
        ScaleReader {
            kind: scale.kind,
            min,
            max,
            keep_raw: (min == 0.0 || min == 1.0) && max == 10.0,
            positive_min: scale.positive_min,
            problem_max: scale.problem_max,
            positive: mark(&scale.positive, &["ja"]),
            problem: mark(&scale.problem, &["nee"]),
            level_scores,
            levels,
            missing: scale.missing.iter().map(|m| normalize(m)).collect(),
        }
    }

    /// Reads one cell; `reverse` mirrors the item.
    pub fn read(&self, raw: &str, reverse: bool) -> Reading {
        let t = raw.trim();
        if t.is_empty() {
            return Reading::Empty;
        }
        let n = normalize(t);
        if self.missing.contains(&n) {
            return Reading::Missing;
        }
        match self.kind {
            ScaleKind::Numeric => self.read_numeric(t, reverse),
            ScaleKind::Ordinal | ScaleKind::Binary => self.read_level(&n, reverse),
        }
    }

    fn read_numeric(&self, t: &str, reverse: bool) -> Reading {
        let Some(v) = parse_number(t) else {
            return Reading::Invalid(Problem::UnknownAnswer);
        };
        if v < self.min || v > self.max {
            return Reading::Invalid(Problem::OutOfRange);
        }
        let oriented = if reverse { self.min + self.max - v } else { v };
        let score = if self.keep_raw {
            oriented
        } else {
            (oriented - self.min) / (self.max - self.min) * 10.0
        };
        Reading::Answer(ScaledAnswer {
            value: v as f32,
            score: score as f32,
            positive: self.positive_min.is_some_and(|p| oriented >= p),
            problem: self.problem_max.is_some_and(|p| oriented <= p),
        })
    }

    fn read_level(&self, n: &str, reverse: bool) -> Reading {
        let k = self.levels.len();
        let index = match self.levels.iter().position(|l| l == n) {
            Some(i) => i,
            None => match self.code(n) {
                Some(i) => i,
                None => {
                    return Reading::Invalid(if parse_number(n).is_some() {
                        Problem::OutOfRange
                    } else {
                        Problem::UnknownAnswer
                    })
                }
            },
        };
        let oriented = if reverse { k - 1 - index } else { index };
        Reading::Answer(ScaledAnswer {
            value: (index + 1) as f32,
            score: self.level_scores.get(oriented).copied().unwrap_or(0.0) as f32,
            positive: self.positive.get(oriented).copied().unwrap_or(false),
            problem: self.problem.get(oriented).copied().unwrap_or(false),
        })
    }

    /// A numeric code for a level: 1..k; binary scales also take 0/1 and yes/no words.
    fn code(&self, n: &str) -> Option<usize> {
        let k = self.levels.len();
        if self.kind == ScaleKind::Binary && k == 2 {
            match n {
                "0" | "nee" | "no" | "n" | "false" | "onwaar" => return Some(0),
                "1" | "ja" | "yes" | "y" | "j" | "true" | "waar" => return Some(1),
                _ => {}
            }
        }
        let v = parse_number(n)?;
        (v.fract() == 0.0 && v >= 1.0 && v <= k as f64).then(|| v as usize - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(toml_text: &str) -> ScaleReader {
        let s: Scale = toml::from_str(toml_text).unwrap();
        ScaleReader::new(&s)
    }

    fn answer(r: Reading) -> ScaledAnswer {
        match r {
            Reading::Answer(a) => a,
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    const CIJFER: &str = r#"
type = "numeric"
min = 1
max = 10
positive_min = 9
problem_max = 5
missing = ["n.v.t.", "99"]
"#;

    const FREQ: &str = r#"
type = "ordinal"
levels = ["nooit", "soms", "meestal", "altijd"]
positive = ["altijd"]
problem = ["nooit", "soms"]
missing = ["weet ik niet"]
"#;

    #[test]
    fn numeric_one_to_ten_keeps_the_answer() {
        let s = scale(CIJFER);
        let a = answer(s.read("9", false));
        assert_eq!((a.score, a.positive, a.problem), (9.0, true, false));
        let a = answer(s.read("8,5", false));
        assert_eq!(a.score, 8.5);
        let a = answer(s.read("5", false));
        assert!(a.problem && !a.positive);
        // reversed: 2 on 1–10 is 9 after mirroring (1 + 10 − 2)
        let a = answer(s.read("2", true));
        assert_eq!((a.value, a.score, a.positive), (2.0, 9.0, true));
    }

    #[test]
    fn numeric_problems_and_missing_codes() {
        let s = scale(CIJFER);
        assert_eq!(s.read("N.V.T. ", false), Reading::Missing);
        assert_eq!(s.read("99", false), Reading::Missing);
        assert_eq!(s.read("", false), Reading::Empty);
        assert_eq!(s.read("11", false), Reading::Invalid(Problem::OutOfRange));
        assert_eq!(s.read("0", false), Reading::Invalid(Problem::OutOfRange));
        assert_eq!(
            s.read("goed", false),
            Reading::Invalid(Problem::UnknownAnswer)
        );
    }

    #[test]
    fn numeric_other_ranges_map_onto_zero_to_ten() {
        let s = scale("type = \"numeric\"\nmin = 1\nmax = 5\n");
        assert_eq!(answer(s.read("1", false)).score, 0.0);
        assert_eq!(answer(s.read("4", false)).score, 7.5);
    }

    #[test]
    fn ordinal_labels_are_forgiving_and_evenly_spaced() {
        let s = scale(FREQ);
        let a = answer(s.read("  Altijd ", false));
        assert_eq!(
            (a.value, a.score, a.positive, a.problem),
            (4.0, 10.0, true, false)
        );
        let a = answer(s.read("MEESTAL", false));
        assert!((a.score - 20.0 / 3.0).abs() < 1e-5);
        let a = answer(s.read("2", false)); // code 2 = soms
        assert!((a.score - 10.0 / 3.0).abs() < 1e-5 && a.problem);
        // reversed: "nooit" waiting is the best answer
        let a = answer(s.read("nooit", true));
        assert_eq!((a.value, a.score, a.positive), (1.0, 10.0, true));
        assert_eq!(s.read("Weet ik niet", false), Reading::Missing);
        assert_eq!(
            s.read("vaak", false),
            Reading::Invalid(Problem::UnknownAnswer)
        );
        assert_eq!(s.read("5", false), Reading::Invalid(Problem::OutOfRange));
    }

    #[test]
    fn ordinal_custom_scores_and_binary() {
        let s = scale(
            "type = \"ordinal\"\nlevels = [\"slecht\", \"matig\", \"goed\"]\nscores = [0, 4, 10]\n",
        );
        assert_eq!(answer(s.read("matig", false)).score, 4.0);
        let b = scale("type = \"binary\"\n");
        let a = answer(b.read("Ja", false));
        assert_eq!((a.score, a.positive), (10.0, true));
        let a = answer(b.read("0", false));
        assert_eq!((a.score, a.problem), (0.0, true));
    }
}
