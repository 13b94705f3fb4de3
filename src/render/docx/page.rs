//! The page: A4 portrait with 2 cm margins, in twentieths of a point (twips) and EMU.

/// A4 portrait, in twentieths of a point.
pub(super) const PAGE_WIDTH: u32 = 11_906;
pub(super) const PAGE_HEIGHT: u32 = 16_838;
/// 2 cm margins.
pub(super) const MARGIN: i32 = 1_134;
/// Width of the text column in twips (17 cm) …
pub(super) const TEXT_WIDTH: usize = 9_638;
/// … and in EMU (1 twip = 635 EMU).
pub(super) const TEXT_WIDTH_EMU: u64 = 9_638 * 635;
/// Width of a point's key chart (40% of the text width, as in the HTML page).
pub(super) const KEY_CHART_WIDTH_EMU: u64 = TEXT_WIDTH_EMU * 40 / 100;
/// Width of a strength's key chart (30%).
pub(super) const KEY_CHART_SMALL_WIDTH_EMU: u64 = TEXT_WIDTH_EMU * 30 / 100;
/// Tallest picture: leaves room for the caption on a page of 25.7 cm text height.
pub(super) const MAX_PICTURE_HEIGHT_EMU: u64 = 22 * 360_000;
/// Left plus right cell margin of tables (100 twips each), in EMU.
pub(super) const CELL_MARGINS_EMU: u64 = 200 * 635;
/// Largest weight (≈ characters) a table column gets when widths are shared out.
pub(super) const MAX_COLUMN_WEIGHT: usize = 45;
