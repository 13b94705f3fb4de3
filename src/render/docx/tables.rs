//! Tables: a Markdown table as a Word table with a shaded header row, zebra rows, light
//! borders and column widths shared out by the text each column holds.

use docx_rs::{
    BorderType, Paragraph, Shading, Table, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};
use pulldown_cmark::Alignment;

use super::styles::{ACCENT_SOFT, RULE, ZEBRA};
use super::writer::Writer;
use super::{MAX_COLUMN_WEIGHT, TEXT_WIDTH};

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

impl Writer<'_> {
    pub(super) fn build_table(&mut self, t: TableBuilder) -> Table {
        let columns = t.alignments.len().max(1);
        // A table of many columns (the theme table with the national column) is set in 9 pt
        // with narrow cell margins, so its numbers and words need not break.
        let wide = columns >= WIDE_TABLE;
        let widths = if wide {
            fit_widths(
                &t.widest,
                &t.longest_word,
                columns,
                WIDE_TWIPS_PER_CHAR,
                WIDE_PAD,
            )
        } else {
            column_widths(&t.widest, &t.longest_word, columns)
        };
        let row_count = t.rows.len();
        let mut body_index = 0usize;
        let mut rows = Vec::with_capacity(row_count);
        for (r, (is_head, mut cells)) in t.rows.into_iter().enumerate() {
            cells.resize_with(columns, Vec::new);
            let shade = if is_head {
                Some(ACCENT_SOFT)
            } else {
                body_index += 1;
                (body_index % 2 == 0).then_some(ZEBRA)
            };
            // Keep a short table on one page: every row but the last keeps with the next.
            let keep = row_count <= 30 && r + 1 < row_count;
            let mut row_cells = Vec::with_capacity(columns);
            for (c, paragraphs) in cells.into_iter().enumerate() {
                let mut cell = TableCell::new().width(widths[c], WidthType::Dxa);
                if let Some(fill) = shade {
                    cell = cell.shading(Shading::new().fill(fill));
                }
                let paragraphs = if paragraphs.is_empty() {
                    vec![self.new_paragraph().style("TableText")]
                } else {
                    paragraphs
                };
                for p in paragraphs {
                    let p = if wide { p.style("TableTextSmall") } else { p };
                    cell = cell.add_paragraph(if keep { p.keep_next(true) } else { p });
                }
                row_cells.push(cell);
            }
            rows.push(TableRow::new(row_cells).cant_split());
        }
        let border = |position| {
            TableBorder::new(position)
                .border_type(BorderType::Single)
                .size(4)
                .color(RULE)
        };
        Table::new(rows)
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(if wide {
                TableCellMargins::new().margin(40, 50, 40, 50)
            } else {
                TableCellMargins::new().margin(40, 100, 40, 100)
            })
            .set_borders(
                TableBorders::new()
                    .set(border(TableBorderPosition::Top))
                    .set(border(TableBorderPosition::Bottom))
                    .set(border(TableBorderPosition::Left))
                    .set(border(TableBorderPosition::Right))
                    .set(border(TableBorderPosition::InsideH))
                    .set(border(TableBorderPosition::InsideV)),
            )
    }
}
/// Twips per character of 10 pt text, generously (bold headers, wide digits).
const TWIPS_PER_CHAR: usize = 120;

/// Column widths in twips summing to the text width: first every column gets room for
/// its longest unbreakable word (so "8,6" never wraps inside), then the rest is shared by
/// the longest text per column (bounded, so long columns do not crowd the others).
fn column_widths(widest: &[usize], longest_word: &[usize], columns: usize) -> Vec<usize> {
    fit_widths(widest, longest_word, columns, TWIPS_PER_CHAR, 240)
}

/// Columns from which a table is set small ([`WIDE_TWIPS_PER_CHAR`], [`WIDE_PAD`]).
const WIDE_TABLE: usize = 9;
/// Twips per character of 9 pt text.
const WIDE_TWIPS_PER_CHAR: usize = 105;
/// Cell margins of a small table (50 twips each side) plus room to spare.
const WIDE_PAD: usize = 120;

/// [`column_widths`] for text of `per_char` twips a character in cells of `pad` twips of
/// margins.
fn fit_widths(
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
