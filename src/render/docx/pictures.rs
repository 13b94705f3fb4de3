//! Pictures: a chart's PNG embedded at the text width with its caption, in a table cell at
//! its column's width, or as a point's key chart beside the text that follows it.

use docx_rs::{
    AlignmentType, Paragraph, Pic, Run, Table, TableBorders, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};

use super::writer::{Block, Writer};
use super::xml::xml_text;
use super::{
    CELL_MARGINS_EMU, MAX_COLUMN_WEIGHT, MAX_PICTURE_HEIGHT_EMU, TEXT_WIDTH, TEXT_WIDTH_EMU,
};

/// A key chart with the text beside it (see [`Writer::flush_beside`]).
pub(super) struct Beside {
    pub(super) picture: Run,
    /// Width of the chart's column, in twips.
    pub(super) width: usize,
    pub(super) text: Vec<Paragraph>,
}

impl Writer<'_> {
    /// Embeds the picture for `src`, or writes its alt text when there is none.
    pub(super) fn place_image(&mut self, src: &str, alt: &str, key: Option<u64>) {
        let png = (self.image)(src).and_then(|bytes| png_size(&bytes).map(|size| (bytes, size)));
        let Some((bytes, (width_px, height_px))) = png else {
            let text = if alt.is_empty() { src } else { alt };
            self.text(text);
            return;
        };
        let (mut width, mut height) = picture_extent(width_px, height_px);
        if let Some(key) = key.filter(|_| self.table.is_none()) {
            // A point's key chart stands in a borderless two-column row beside the text that
            // follows it (its reasons and quotes): the point takes the height of its chart,
            // and the row never splits over two pages. The chart's own (empty) Markdown
            // paragraph is dropped, not left as a blank line.
            if self
                .open
                .as_ref()
                .is_some_and(|o| !o.has_text && !o.has_picture)
            {
                self.open = None;
            }
            self.flush_beside();
            let cell = key.saturating_sub(CELL_MARGINS_EMU);
            if u64::from(width) > cell {
                height = u32::try_from(u64::from(height) * cell / u64::from(width))
                    .unwrap_or(u32::MAX)
                    .max(1);
                width = u32::try_from(cell).unwrap_or(u32::MAX);
            }
            let number = self.picture_alts.len() + 1;
            let pic = Pic::new_with_dimensions(bytes, width_px, height_px)
                .size(width, height)
                .id(format!("rIdImage{number}"));
            self.picture_alts.push(alt.to_string());
            self.beside = Some(Beside {
                picture: Run::new().add_image(pic),
                width: usize::try_from(key / 635).unwrap_or(TEXT_WIDTH / 2),
                text: Vec::new(),
            });
            return;
        }
        if let Some(t) = self.table.as_mut() {
            // In a table the picture gets the widest column weight, so its column is at
            // least an equal share of the text width; it is sized to fit that share.
            t.cell_chars = t.cell_chars.max(MAX_COLUMN_WEIGHT);
            let columns = t.alignments.len().max(1) as u64;
            let share = (TEXT_WIDTH_EMU / columns)
                .saturating_sub(CELL_MARGINS_EMU)
                .max(1);
            if u64::from(width) > share {
                height = u32::try_from(u64::from(height) * share / u64::from(width).max(1))
                    .unwrap_or(u32::MAX)
                    .max(1);
                width = u32::try_from(share).unwrap_or(u32::MAX);
            }
        }
        let number = self.picture_alts.len() + 1;
        // `new_with_dimensions` takes the bytes as they are (no decoding, so no panic);
        // the id is set here because docx-rs would draw it from a global counter.
        let pic = Pic::new_with_dimensions(bytes, width_px, height_px)
            .size(width, height)
            .id(format!("rIdImage{number}"));
        self.picture_alts.push(alt.to_string());
        let run = Run::new().add_image(pic);
        let open = self.ensure_paragraph();
        open.paragraph = std::mem::take(&mut open.paragraph).add_run(run);
        open.has_picture = true;
        if !alt.is_empty() {
            let caption = self
                .new_paragraph()
                .style("Caption")
                .add_run(Run::new().add_text(xml_text(alt)));
            self.captions.push(caption);
        }
    }

    /// Ends a key chart's block: one borderless row, the text left and the chart right.
    pub(super) fn flush_beside(&mut self) {
        self.close_paragraph();
        let Some(b) = self.beside.take() else {
            return;
        };
        let left = TEXT_WIDTH.saturating_sub(b.width);
        let mut text_cell = TableCell::new().width(left, WidthType::Dxa);
        let text = if b.text.is_empty() {
            vec![self.new_paragraph()]
        } else {
            b.text
        };
        for p in text {
            text_cell = text_cell.add_paragraph(p);
        }
        let chart = self
            .new_paragraph()
            .align(AlignmentType::Right)
            .add_run(b.picture);
        let chart_cell = TableCell::new()
            .width(b.width, WidthType::Dxa)
            .add_paragraph(chart);
        let row = TableRow::new(vec![text_cell, chart_cell]).cant_split();
        let table = Table::new(vec![row])
            .set_grid(vec![left, b.width])
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 100, 0, 0))
            .set_borders(TableBorders::with_empty());
        self.body.push(Block::Table(Box::new(table)));
    }
}

/// Width and height in pixels of a PNG, read from its IHDR chunk; `None` unless the bytes
/// look like a whole PNG (signature, IHDR first, non-zero size, an IEND chunk).
pub(super) fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if bytes.len() < 45 || bytes[..8] != SIGNATURE {
        return None;
    }
    if bytes[8..12] != [0, 0, 0, 13] || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    let limit = i32::MAX as u32;
    if width == 0 || height == 0 || width > limit || height > limit {
        return None;
    }
    if !bytes[33..].windows(4).any(|w| w == b"IEND") {
        return None;
    }
    Some((width, height))
}

/// The picture's size in EMU: the text width, the PNG's aspect ratio, and no taller than
/// a page leaves room for.
fn picture_extent(width_px: u32, height_px: u32) -> (u32, u32) {
    let (w, h) = (u64::from(width_px), u64::from(height_px));
    let mut width = TEXT_WIDTH_EMU;
    let mut height = TEXT_WIDTH_EMU * h / w;
    if height > MAX_PICTURE_HEIGHT_EMU {
        width = MAX_PICTURE_HEIGHT_EMU * w / h;
        height = MAX_PICTURE_HEIGHT_EMU;
    }
    let clamp = |v: u64| u32::try_from(v.max(1)).unwrap_or(u32::MAX);
    (clamp(width), clamp(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tall_pictures_fit_the_page() {
        let (w, h) = picture_extent(100, 1000);
        assert_eq!(u64::from(h), MAX_PICTURE_HEIGHT_EMU);
        assert!(u64::from(w) < TEXT_WIDTH_EMU);
        let (w, h) = picture_extent(1200, 470);
        assert_eq!(u64::from(w), TEXT_WIDTH_EMU);
        assert_eq!(u64::from(h), TEXT_WIDTH_EMU * 470 / 1200);
    }
}
