//! Tables: a Markdown table as a Word table with a shaded header row, zebra rows, light
//! borders and column widths shared out by the text each column holds.

use docx_rs::Paragraph;
use pulldown_cmark::Alignment;

use super::page::{MAX_COLUMN_WEIGHT, TEXT_WIDTH};

/// A Markdown table being collected; it is built once all cells are known.
pub(super) struct TableBuilder {
    pub(super) alignments: Vec<Alignment>,
    /// (is header row, cells), each cell its paragraphs.
    pub(super) rows: Vec<(bool, Vec<Vec<Paragraph>>)>,
    pub(super) row: Vec<Vec<Paragraph>>,
    pub(super) cell: Vec<Paragraph>,
    pub(super) in_head: bool,
    /// Longest text per column, in characters, for the column widths.
    pub(super) widest: Vec<usize>,
    /// Longest unbreakable word per column, in characters: its least width.
    pub(super) longest_word: Vec<usize>,
    pub(super) cell_chars: usize,
}

/// Twips per character of 10 pt text, generously (bold headers, wide digits).
const TWIPS_PER_CHAR: usize = 120;

/// Column widths in twips summing to the text width: first every column gets room for
/// its longest unbreakable word (so "8,6" never wraps inside), then the rest is shared by
/// the longest text per column (bounded, so long columns do not crowd the others).
pub(super) fn column_widths(
    widest: &[usize],
    longest_word: &[usize],
    columns: usize,
) -> Vec<usize> {
    fit_widths(widest, longest_word, columns, TWIPS_PER_CHAR, 240)
}

/// Columns from which a table is set small ([`WIDE_TWIPS_PER_CHAR`], [`WIDE_PAD`]).
pub(super) const WIDE_TABLE: usize = 9;
/// Twips per character of 9 pt text.
pub(super) const WIDE_TWIPS_PER_CHAR: usize = 105;
/// Cell margins of a small table (50 twips each side) plus room to spare.
pub(super) const WIDE_PAD: usize = 120;

/// [`column_widths`] for text of `per_char` twips a character in cells of `pad` twips of
/// margins.
pub(super) fn fit_widths(
    widest: &[usize],
    longest_word: &[usize],
    columns: usize,
    per_char: usize,
    pad: usize,
) -> Vec<usize> {
    let weights: Vec<usize> = (0..columns)
        .map(|c| {
            widest
                .get(c)
                .copied()
                .unwrap_or(0)
                .saturating_add(2)
                .clamp(7, MAX_COLUMN_WEIGHT)
        })
        .collect();
    let mut least: Vec<usize> = (0..columns)
        .map(|c| {
            longest_word
                .get(c)
                .copied()
                .unwrap_or(0)
                .min(MAX_COLUMN_WEIGHT)
                .saturating_mul(per_char)
                .saturating_add(pad)
        })
        .collect();
    let floor: usize = least.iter().sum();
    if floor > TEXT_WIDTH {
        // Too many columns for their words: share the width by the words alone.
        least = least
            .iter()
            .map(|l| TEXT_WIDTH * l / floor.max(1))
            .collect();
    }
    let spare = TEXT_WIDTH.saturating_sub(least.iter().sum());
    let total: usize = weights.iter().sum();
    let mut widths: Vec<usize> = weights
        .iter()
        .zip(&least)
        .map(|(w, l)| l + spare * w / total.max(1))
        .collect();
    let assigned: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(assigned);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_fill_the_text_width() {
        let widths = column_widths(&[21, 3, 9, 3], &[10, 3, 4, 3], 4);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(widths[0] > widths[1]);
        // A three-character number gets at least its own width plus the margins.
        assert!(widths[1] >= 3 * TWIPS_PER_CHAR + 240);
        assert_eq!(column_widths(&[], &[], 3).iter().sum::<usize>(), TEXT_WIDTH);
        // Words too long for the page share it without overflowing.
        let w = column_widths(&[45; 12], &[45; 12], 12);
        assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH);
    }
}
