//! Does each scale run the way the codebook says? A scale written best → worst (the NHS
//! FFT's 1 = "Very good") validates silently and turns every score upside down, so two
//! checks look for the contradiction: an ordinal scale whose first level praises and whose
//! last complains, and an item on which the clients who only praise in their open answer
//! score lower than those who only complain.

use crate::config::codebook::ScaleKind;
use crate::ingest::{Canonical, Side};
use crate::text::polarity::{polarity, Polarity};

/// Fewest respondents of each side before their answers say anything.
const MIN_SIDE: usize = 10;
/// Least difference (0–10) between the sides' means that counts as contradicting.
const MIN_GAP: f64 = 1.0;

/// A scale that seems to run the wrong way.
#[derive(Debug, Clone, PartialEq)]
pub enum Reversed {
    /// An ordinal scale whose levels run from praise to complaint.
    Levels {
        codebook: String,
        scale: String,
        first: String,
        last: String,
    },
    /// An item scored lower by the clients who praise than by those who complain.
    Tone {
        item: String,
        praise_mean: f64,
        praise_n: usize,
        complaint_mean: f64,
        complaint_n: usize,
    },
}

/// Every contradiction in the codebooks and answers of `data`.
pub fn reversed_scales(data: &Canonical) -> Vec<Reversed> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for s in &data.sources {
        let cb = &s.codebook;
        for (name, scale) in &cb.scales {
            if scale.kind != ScaleKind::Ordinal || !seen.insert((cb.name.clone(), name.clone())) {
                continue;
            }
            let levels = scale.level_labels();
            let (Some(first), Some(last)) = (levels.first(), levels.last()) else {
                continue;
            };
            if polarity(first) == Polarity::Positive && polarity(last) == Polarity::Negative {
                out.push(Reversed::Levels {
                    codebook: cb.name.clone(),
                    scale: name.clone(),
                    first: first.to_string(),
                    last: last.to_string(),
                });
            }
        }
    }
    out.extend(by_tone(data));
    out
}

/// Per item: the mean score of respondents whose open answers only praise against those
/// whose open answers only complain.
fn by_tone(data: &Canonical) -> Vec<Reversed> {
    // (sum, n) of praise and of complaint, per item.
    let mut sides = vec![[(0.0f64, 0usize); 2]; data.items.len()];
    // Per row: whether its open answers praise, and whether they complain.
    let mut said = vec![[false; 2]; data.respondents.len()];
    for c in &data.comments {
        let side = match c.side {
            Some(Side::Compliment) => 0,
            Some(Side::Improvement) => 1,
            None => continue,
        };
        if let Some(row) = said.get_mut(c.row as usize) {
            row[side] = true;
        }
    }
    for a in &data.answers {
        let side = match said.get(a.row as usize) {
            Some([true, false]) => 0,
            Some([false, true]) => 1,
            _ => continue,
        };
        if let Some(item) = sides.get_mut(a.item as usize) {
            item[side].0 += f64::from(a.score);
            item[side].1 += 1;
        }
    }
    sides
        .iter()
        .enumerate()
        .filter_map(|(i, [(ps, pn), (cs, cn)])| {
            if *pn < MIN_SIDE || *cn < MIN_SIDE {
                return None;
            }
            let (praise, complaint) = (ps / *pn as f64, cs / *cn as f64);
            (praise + MIN_GAP < complaint).then(|| Reversed::Tone {
                item: data
                    .items
                    .get(i)
                    .map_or_else(String::new, |it| it.id.clone()),
                praise_mean: praise,
                praise_n: *pn,
                complaint_mean: complaint,
                complaint_n: *cn,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FFT-like: praise with low scores (1 = "Very good" read as the worst), complaints with
    /// high ones.
    #[test]
    fn praise_scored_low_is_a_reversed_scale() {
        let mut d = crate::analysis::score::tests::data(&[
            ("A", None, &[1.0; 12]),
            ("A", None, &[9.0; 12]),
        ]);
        use crate::analysis::score::tests::comment;
        d.comments = (0..24u32)
            .map(|i| match i < 12 {
                true => comment(i, "Heel fijn, dank", Side::Compliment),
                false => comment(i, "Te lang gewacht", Side::Improvement),
            })
            .collect();
        let found = reversed_scales(&d);
        assert_eq!(
            found,
            vec![Reversed::Tone {
                item: "info1".into(),
                praise_mean: 1.0,
                praise_n: 12,
                complaint_mean: 9.0,
                complaint_n: 12,
            }]
        );
        // The right way round, or too few on a side: nothing.
        for c in &mut d.comments {
            c.side = c.side.map(|s| match s {
                Side::Compliment => Side::Improvement,
                Side::Improvement => Side::Compliment,
            });
        }
        assert!(reversed_scales(&d).is_empty());
    }

    #[test]
    fn levels_from_praise_to_complaint_are_reversed() {
        let text = "name = \"fft\"\ntitle = \"FFT\"\n\
            [scales.fft]\ntype = \"ordinal\"\n\
            levels = [\"Very good\", \"Good\", \"Neither good nor poor\", \"Poor\", \"Very poor\"]\n\
            [[themes]]\nid = \"fft\"\nlabel = \"FFT\"\n\
            [[items]]\nid = \"fft1\"\ntheme = \"fft\"\ncolumns = [\"FFT\"]\nscale = \"fft\"\n";
        let cb = crate::config::codebook::Codebook::parse(text, std::path::Path::new("fft.toml"))
            .unwrap();
        let mut d = Canonical::default();
        d.sources.push(crate::ingest::SourceData {
            name: "fft".into(),
            codebook: cb.clone(),
            participation: None,
            files: vec![],
        });
        assert!(matches!(
            reversed_scales(&d).as_slice(),
            [Reversed::Levels { first, last, .. }] if first == "Very good" && last == "Very poor"
        ));
        // The levels worst → best, as prem wants them: nothing to say.
        let right = text.replace(
            "[\"Very good\", \"Good\", \"Neither good nor poor\", \"Poor\", \"Very poor\"]",
            "[\"Very poor\", \"Poor\", \"Neither good nor poor\", \"Good\", \"Very good\"]",
        );
        d.sources[0].codebook =
            crate::config::codebook::Codebook::parse(&right, std::path::Path::new("fft.toml"))
                .unwrap();
        assert!(reversed_scales(&d).is_empty());
    }
}
