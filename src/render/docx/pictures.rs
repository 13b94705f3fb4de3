//! Pictures: a chart's PNG embedded at the text width with its caption, in a table cell at
//! its column's width, or as a point's key chart beside the text that follows it.

use docx_rs::{Paragraph, Run};

use super::page::{MAX_PICTURE_HEIGHT_EMU, TEXT_WIDTH_EMU};

/// A key chart with the text beside it (see [`Writer::flush_beside`]).
pub(super) struct Beside {
    pub(super) picture: Run,
    /// Width of the chart's column, in twips.
    pub(super) width: usize,
    pub(super) text: Vec<Paragraph>,
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
pub(super) fn picture_extent(width_px: u32, height_px: u32) -> (u32, u32) {
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
