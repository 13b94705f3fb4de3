//! What ingest reads from each source: the items and themes of all codebooks in one
//! numbering, and every item's scale compiled for reading.

use rustc_hash::FxHashMap as HashMap;

use super::answer::{Reading, ScaleReader};
use super::canonical::{ItemRef, ItemRole, ThemeRef};
use crate::config::codebook::{Codebook, ScaleKind};
use crate::config::Config;
use crate::error::row::Expected;
use crate::error::{ConfigProblem, Error, Result};

/// Items, themes and compiled scales for all sources.
pub(super) struct CodebookPlan {
    pub(super) themes: Vec<ThemeRef>,
    pub(super) items: Vec<ItemRef>,
    /// Per source: (global item index, codebook item index, reader, expected text).
    pub(super) source_items: Vec<Vec<PlannedItem>>,
    pub(super) codebooks: Vec<Codebook>,
}

pub(super) struct PlannedItem {
    pub(super) global: u16,
    /// Item id in the codebook, for messages.
    pub(super) id: String,
    pub(super) columns: Vec<String>,
    pub(super) reverse: bool,
    pub(super) reader: ScaleReader,
    pub(super) expected: Expected,
}

impl CodebookPlan {
    pub(super) fn new(config: &Config, codebooks: &[Codebook]) -> Result<CodebookPlan> {
        let mut themes: Vec<ThemeRef> = Vec::new();
        let mut theme_origin: HashMap<String, String> = HashMap::default();
        let mut items: Vec<ItemRef> = Vec::new();
        let mut item_index: HashMap<(String, String), u16> = HashMap::default();
        let mut source_items = Vec::new();
        for (s, cb) in codebooks.iter().enumerate() {
            for t in &cb.themes {
                match theme_origin.get(&t.id) {
                    Some(origin) if *origin != cb.origin => {
                        let problem = ConfigProblem::ThemeInTwoCodebooks {
                            theme: t.id.clone(),
                            first: origin.clone(),
                            second: cb.origin.clone(),
                        };
                        return Err(Error::config(&config.path, problem));
                    }
                    Some(_) => continue,
                    None => {}
                }
                theme_origin.insert(t.id.clone(), cb.origin.clone());
                let first_scale = cb
                    .items
                    .iter()
                    .find(|i| i.theme.as_deref() == Some(&t.id))
                    .and_then(|i| cb.scales.get(&i.scale));
                let (pos, prob) = first_scale.map_or((None, None), thresholds);
                themes.push(ThemeRef {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    label_en: t.label_en.clone(),
                    source: s,
                    n_items: cb.theme_size(&t.id),
                    importance: t.importance,
                    positive_score: pos,
                    problem_score: prob,
                });
            }
            let mut planned = Vec::new();
            for it in &cb.items {
                let key = (cb.origin.clone(), it.id.clone());
                let global = match item_index.get(&key) {
                    Some(&g) => g,
                    None => {
                        let role = if cb.overall.grade.as_deref() == Some(&it.id) {
                            ItemRole::Grade
                        } else if cb.overall.recommend.as_deref() == Some(&it.id) {
                            ItemRole::Recommend
                        } else if let Some(t) = &it.theme {
                            ItemRole::Theme(themes.iter().position(|x| &x.id == t).unwrap_or(0))
                        } else {
                            ItemRole::Other
                        };
                        let g = u16::try_from(items.len()).map_err(|_| {
                            Error::config(&config.path, ConfigProblem::TooManyItems)
                        })?;
                        items.push(ItemRef {
                            id: it.id.clone(),
                            source: s,
                            role,
                        });
                        item_index.insert(key, g);
                        g
                    }
                };
                let Some(scale) = cb.scales.get(&it.scale) else {
                    continue; // checked when the codebook was loaded
                };
                planned.push(PlannedItem {
                    global,
                    id: it.id.clone(),
                    columns: it.columns.clone(),
                    reverse: it.reverse,
                    reader: ScaleReader::new(scale),
                    expected: Expected::Literal(describe_scale(scale)),
                });
            }
            source_items.push(planned);
        }
        Ok(CodebookPlan {
            themes,
            items,
            source_items,
            codebooks: codebooks.to_vec(),
        })
    }
}

/// The 0–10 score thresholds of top box and problem on a scale.
fn thresholds(scale: &crate::config::codebook::Scale) -> (Option<f64>, Option<f64>) {
    let reader = ScaleReader::new(scale);
    match scale.kind {
        ScaleKind::Numeric => {
            let to_score = |v: f64| match reader.read(&v.to_string(), false) {
                Reading::Answer(a) => Some(f64::from(a.score)),
                _ => None,
            };
            (
                scale.positive_min.and_then(to_score),
                scale.problem_max.and_then(to_score),
            )
        }
        ScaleKind::Ordinal | ScaleKind::Binary => {
            let labels = scale.level_labels();
            let score = |l: &String| match reader.read(l, false) {
                Reading::Answer(a) => Some(f64::from(a.score)),
                _ => None,
            };
            let pos = labels
                .iter()
                .filter(|l| reader.read(l, false) != Reading::Missing)
                .filter(|l| matches!(reader.read(l, false), Reading::Answer(a) if a.positive))
                .filter_map(score)
                .reduce(f64::min);
            let prob = labels
                .iter()
                .filter(|l| matches!(reader.read(l, false), Reading::Answer(a) if a.problem))
                .filter_map(score)
                .reduce(f64::max);
            (pos, prob)
        }
    }
}

fn describe_scale(scale: &crate::config::codebook::Scale) -> String {
    match scale.kind {
        ScaleKind::Numeric => format!("{}–{}", scale.min.unwrap_or(0.0), scale.max.unwrap_or(10.0)),
        ScaleKind::Ordinal | ScaleKind::Binary => {
            let l = scale.level_labels();
            format!("{} (1–{})", l.join(", "), l.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::codebook::Scale;

    fn scale(toml: &str) -> Scale {
        toml::from_str(toml).unwrap()
    }

    /// A 1–10 scale keeps the answer as its score, so the thresholds are the codebook's.
    #[test]
    fn a_one_to_ten_scale_keeps_its_thresholds() {
        let s = scale("type = \"numeric\"\nmin = 1\nmax = 10\npositive_min = 9\nproblem_max = 5");
        assert_eq!(thresholds(&s), (Some(9.0), Some(5.0)));
        assert_eq!(describe_scale(&s), "1–10");
    }

    /// 1–5 mapped onto 0–10: (v − 1) / 4 × 10, so 4 → 7.5 and 2 → 2.5 (by hand).
    #[test]
    fn another_numeric_range_is_mapped_onto_zero_to_ten() {
        let s = scale("type = \"numeric\"\nmin = 1\nmax = 5\npositive_min = 4\nproblem_max = 2");
        assert_eq!(thresholds(&s), (Some(7.5), Some(2.5)));
        assert_eq!(describe_scale(&s), "1–5");
    }

    /// Five levels spaced evenly: 0, 2.5, 5, 7.5, 10. Top box is the lowest score of a
    /// positive level, problem the highest of a problem level.
    #[test]
    fn ordinal_thresholds_are_the_scores_of_the_marked_levels() {
        let s = scale(
            "type = \"ordinal\"\nlevels = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n\
             positive = [\"d\", \"e\"]\nproblem = [\"a\", \"b\"]",
        );
        assert_eq!(thresholds(&s), (Some(7.5), Some(2.5)));
        assert_eq!(describe_scale(&s), "a, b, c, d, e (1–5)");
        // The codebook's own scores instead of even spacing.
        let s = scale(
            "type = \"ordinal\"\nlevels = [\"worst\", \"bad\", \"good\", \"best\"]\n\
             scores = [0, 3, 6, 10]\npositive = [\"best\"]\nproblem = [\"worst\", \"bad\"]",
        );
        assert_eq!(thresholds(&s), (Some(10.0), Some(3.0)));
    }

    /// No positive or problem levels: no thresholds.
    #[test]
    fn an_ordinal_scale_without_marks_has_no_thresholds() {
        let s = scale("type = \"ordinal\"\nlevels = [\"a\", \"b\", \"c\"]");
        assert_eq!(thresholds(&s), (None, None));
    }
}
