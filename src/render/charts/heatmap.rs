//! Region heatmap: themes (rows) × units such as VSVs (columns). Each cell is filled with
//! the unit's band on that theme and carries its score; an indicatief score (no band) is
//! a white cell with the score in grey italics after a small ring; a suppressed cell is
//! grey with the privacy text and no score. Rows are themes because theme labels are
//! the long texts: they read best horizontally at the left, while the shorter unit names
//! fit as vertical column headers (wrapped onto up to three lines).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, FontTransform};

use super::{
    band_colour, draw_legend, draw_title, fit, is_dark, legend_layout, text, text_width,
    wrap_label, Chart, DrawResult, Key, BAND_AS_EXPECTED, BAND_BETTER, BAND_MUCH_BETTER,
    BAND_MUCH_WORSE, BAND_WORSE, INK, LABEL, MUTED, SMALL, SUPPRESSED, WIDTH,
};
use crate::funnel::Band;
use crate::i18n::Language;

/// The state of one cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HeatState {
    /// Full tier, with its band (`None`: no band computed; a white cell).
    Full(Option<Band>),
    /// Indicatief tier: a score without a band.
    Indicative,
    /// Suppressed: no score is shown.
    Suppressed,
}

/// One cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeatCell {
    /// The score; never shown when the cell is suppressed.
    pub value: Option<f64>,
    /// Tier and band.
    pub state: HeatState,
}

/// The legend texts.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatLegend {
    /// The five bands, much better → much worse.
    pub bands: [String; 5],
    /// Indicatief cells, e.g. "geen band (indicatief)".
    pub indicative: String,
    /// Suppressed cells, e.g. "onderdrukt (n < 10)".
    pub suppressed: String,
}

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Title.
    pub title: String,
    /// Subtitle (period, comparison).
    pub subtitle: String,
    /// Row labels (themes), top to bottom.
    pub rows: Vec<String>,
    /// Column headers (units), left to right.
    pub columns: Vec<String>,
    /// Cells as `[row][column]`; a missing cell is drawn empty.
    pub cells: Vec<Vec<HeatCell>>,
    /// Legend texts.
    pub legend: HeatLegend,
    /// Shown in a suppressed cell, e.g. "n < 10".
    pub suppressed: String,
    /// The report language (number format).
    pub lang: Language,
}

/// Longest line of a column header (vertical text).
const HEADER_MAX: u32 = 170;
/// Most distance between the lines of a column header.
const HEADER_PITCH: i32 = 24;
/// Right edge of the cells.
const RIGHT: i32 = WIDTH as i32 - 12;
/// Narrowest the row labels column gets when many columns need room.
const LABEL_MIN: i32 = 300;
/// Widest a column gets.
const CELL_MAX: i32 = 150;
/// The chart's height aimed at when choosing the row height.
const TARGET_HEIGHT: i32 = 820;
/// Border of white cells.
const CELL_EDGE: RGBColor = RGBColor(190, 190, 190);

/// Sizes computed once, for both `size` and `draw`.
struct Layout {
    /// Width of the row labels column (from the left edge).
    label_w: i32,
    /// Column width.
    cell_w: i32,
    /// Row height.
    row: i32,
    /// Height of the column headers.
    header_h: i32,
    /// Column headers, as lines.
    headers: Vec<Vec<String>>,
    /// Distance between the lines of a column header.
    pitch: i32,
    /// Height of the legend.
    legend_h: i32,
    /// Every row's label as one or two lines.
    labels: Vec<Vec<String>>,
}

impl Heatmap {
    fn title_height(&self) -> i32 {
        if self.subtitle.is_empty() {
            16 + super::TITLE as i32 + 14
        } else {
            16 + super::TITLE as i32 + 10 + LABEL as i32 + 14
        }
    }

    fn legend_entries(&self) -> Vec<(Key, String)> {
        let colours = [
            BAND_MUCH_BETTER,
            BAND_BETTER,
            BAND_AS_EXPECTED,
            BAND_WORSE,
            BAND_MUCH_WORSE,
        ];
        colours
            .iter()
            .zip(&self.legend.bands)
            .map(|(c, t)| (Key::Square(*c), t.clone()))
            .chain([
                (Key::Ring(MUTED), self.legend.indicative.clone()),
                (Key::Square(SUPPRESSED), self.legend.suppressed.clone()),
            ])
            .collect()
    }

    fn layout(&self) -> Layout {
        let cols = self.columns.len().max(1) as i32;
        let rows = self.rows.len().max(1) as i32;
        // A cell should hold the privacy text and a score; the row labels give way to
        // that, down to LABEL_MIN.
        let min_cell = (text_width(&self.suppressed, SMALL) as i32 + 6)
            .max(text_width("10,0", SMALL) as i32 + 10);
        let widest = self
            .rows
            .iter()
            .map(|r| text_width(r, LABEL))
            .max()
            .unwrap_or(0) as i32;
        let natural = (widest + 30).clamp(160, WIDTH as i32 * 2 / 5);
        let room = RIGHT - cols * min_cell;
        let label_w = natural.min(room.max(LABEL_MIN.min(natural)));
        let cell_w = ((RIGHT - label_w) / cols).clamp(1, CELL_MAX);
        let lines = ((cell_w - 4) / 22).clamp(1, 3);
        let pitch = HEADER_PITCH.min((cell_w - 4) / lines);
        let lines = lines as usize;
        let headers: Vec<Vec<String>> = self.columns.iter().map(|c| wrap(c, lines)).collect();
        let longest = headers
            .iter()
            .flatten()
            .map(|l| text_width(l, SMALL))
            .max()
            .unwrap_or(0) as i32;
        let header_h = longest.max(20) + 16;
        let (_, legend_h) = legend_layout(WIDTH, (20, 0), &self.legend_entries());
        let room = TARGET_HEIGHT - self.title_height() - header_h - legend_h - 40;
        let labels: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| wrap_label(r, LABEL, (label_w - 26).max(0) as u32))
            .collect();
        // two lines of a label need more room than one
        let least = if labels.iter().any(|l| l.len() > 1) {
            58
        } else {
            32
        };
        let row = (room / rows).clamp(least, 44.max(least));
        Layout {
            label_w,
            cell_w,
            row,
            header_h,
            headers,
            pitch,
            legend_h,
            labels,
        }
    }

    fn cell(&self, row: usize, column: usize) -> Option<&HeatCell> {
        self.cells.get(row).and_then(|r| r.get(column))
    }

    fn draw_cell<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cell: &HeatCell,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
    ) -> DrawResult<DB> {
        let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
        let max = (x1 - x0 - 2).max(0) as u32;
        let value = cell
            .value
            .filter(|v| v.is_finite())
            .map(|v| self.lang.decimal(v, 1));
        match cell.state {
            HeatState::Suppressed => {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], SUPPRESSED.filled()))?;
                root.draw(&Text::new(
                    fit(&self.suppressed, SMALL, max),
                    (cx, cy),
                    text(SMALL, &INK, HPos::Center, VPos::Center),
                ))?;
            }
            HeatState::Full(band) => {
                let fill = band.map_or(WHITE, band_colour);
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))?;
                if band.is_none() || fill == BAND_AS_EXPECTED {
                    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], CELL_EDGE))?;
                }
                if let Some(v) = value {
                    let colour = if is_dark(fill) { &WHITE } else { &INK };
                    root.draw(&Text::new(
                        fit(&v, SMALL, max),
                        (cx, cy),
                        text(SMALL, colour, HPos::Center, VPos::Center),
                    ))?;
                }
            }
            HeatState::Indicative => {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.filled()))?;
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], CELL_EDGE))?;
                // A ring (as for indicatief elsewhere) before the score.
                let v = value.map(|v| fit(&v, SMALL, max.saturating_sub(16)));
                let tw = v.as_deref().map_or(0, |v| text_width(v, SMALL) as i32 + 4);
                let rx = cx - (tw + 10) / 2 + 5;
                root.draw(&Circle::new((rx, cy), 5, MUTED.stroke_width(2)))?;
                if let Some(v) = v {
                    root.draw(&Text::new(
                        v,
                        (rx + 9, cy),
                        italic(SMALL, &MUTED, HPos::Left, VPos::Center),
                    ))?;
                }
            }
        }
        Ok(())
    }
}

/// Italic text of `size` px, anchored at `h`/`v`.
fn italic(size: f64, color: &'static RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from(("sans-serif", size, FontStyle::Italic).into_font())
        .color(color)
        .pos(Pos::new(h, v))
}

/// `s` on at most `lines` lines of at most [`HEADER_MAX`] px, breaking at spaces and
/// after hyphens; whatever does not fit is shortened with "…".
fn wrap(s: &str, lines: usize) -> Vec<String> {
    // Pieces: words, with a hyphen kept at the end of its piece.
    let mut pieces: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        let mut rest = word;
        while let Some(i) = rest.find('-') {
            let (head, tail) = rest.split_at(i + 1);
            pieces.push(head.to_string());
            rest = tail;
        }
        if !rest.is_empty() {
            pieces.push(rest.to_string());
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = if line.is_empty() || line.ends_with('-') {
            format!("{line}{piece}")
        } else {
            format!("{line} {piece}")
        };
        if line.is_empty() || text_width(&candidate, SMALL) <= HEADER_MAX || out.len() + 1 >= lines
        {
            line = candidate;
        } else {
            out.push(std::mem::take(&mut line));
            line = piece;
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.iter().map(|l| fit(l, SMALL, HEADER_MAX)).collect()
}

impl Chart for Heatmap {
    fn size(&self) -> (u32, u32) {
        let l = self.layout();
        let rows = self.rows.len().max(1) as i32;
        let h = self.title_height() + l.header_h + rows * l.row + 24 + l.legend_h + 6;
        (WIDTH, h as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (_, h) = self.size();
        let l = self.layout();
        let top = draw_title(root, &self.title, &self.subtitle)? + l.header_h;
        let x0 = l.label_w;
        // Column headers: vertical, reading upwards from just above the cells.
        let vertical =
            text(SMALL, &INK, HPos::Left, VPos::Center).transform(FontTransform::Rotate270);
        for (j, lines) in l.headers.iter().enumerate() {
            let cx = x0 + j as i32 * l.cell_w + l.cell_w / 2;
            let n = lines.len() as i32;
            for (k, line) in lines.iter().enumerate() {
                let x = cx + (2 * k as i32 - (n - 1)) * l.pitch / 2;
                root.draw(&Text::new(line.clone(), (x, top - 8), vertical.clone()))?;
            }
        }
        for i in 0..self.rows.len() {
            let y0 = top + i as i32 * l.row;
            let lines = l.labels.get(i).map_or(&[][..], |v| v.as_slice());
            let pitch = (LABEL * 0.92) as i32;
            let first = y0 + l.row / 2 - (lines.len() as i32 - 1) * pitch / 2;
            for (k, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (x0 - 10, first + k as i32 * pitch),
                    text(LABEL, &INK, HPos::Right, VPos::Center),
                ))?;
            }
            for j in 0..self.columns.len() {
                let Some(cell) = self.cell(i, j) else {
                    continue;
                };
                let cx0 = x0 + j as i32 * l.cell_w;
                self.draw_cell(
                    root,
                    cell,
                    (cx0 + 1, y0 + 1),
                    (cx0 + l.cell_w - 1, y0 + l.row - 1),
                )?;
            }
        }
        draw_legend(
            root,
            (20, h as i32 - 6 - l.legend_h + (SMALL * 0.8) as i32),
            &self.legend_entries(),
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::super::testing::{dark_pixels, decode, labels, preview, render_sound};
    use super::*;

    fn legend() -> HeatLegend {
        HeatLegend {
            bands: [
                "veel beter".into(),
                "beter".into(),
                "zoals verwacht".into(),
                "slechter".into(),
                "veel slechter".into(),
            ],
            indicative: "geen band (indicatief)".into(),
            suppressed: "onderdrukt (n < 10)".into(),
        }
    }

    pub(crate) fn example() -> Heatmap {
        let rows: Vec<String> = [
            "Informatievoorziening",
            "Bereikbaarheid",
            "Samenwerking tussen zorgverleners",
            "Bejegening en betrokkenheid",
            "Keuzevrijheid",
            "Voorbereiding op de bevalling",
            "Pijnbestrijding",
            "Continuïteit van zorg",
            "Kraamzorg",
            "Nazorg",
            "Borstvoeding",
            "Veiligheid",
            "Totaaloordeel",
        ]
        .map(String::from)
        .to_vec();
        let columns: Vec<String> = [
            "VSV Zaanstreek",
            "Geboortehart Midden-Kennemerland",
            "VSV Noord-Kennemerland",
            "VSV West-Friesland",
            "Geboortezorg Haarlem",
            "VSV Den Helder",
            "IJmond",
            "VSV Purmerend e.o.",
        ]
        .map(String::from)
        .to_vec();
        let bands = [
            Some(Band::MuchBetter),
            Some(Band::Better),
            Some(Band::AsExpected),
            Some(Band::Worse),
            Some(Band::MuchWorse),
        ];
        let cells = (0..rows.len())
            .map(|i| {
                (0..columns.len())
                    .map(|j| {
                        let value = Some(6.5 + ((i * 7 + j * 3) % 25) as f64 / 10.0);
                        let state = match (i * 5 + j * 3) % 11 {
                            0 => HeatState::Indicative,
                            1 | 5 | 8 => HeatState::Full(bands[(i + j) % 5]),
                            _ => HeatState::Full(Some(Band::AsExpected)),
                        };
                        HeatCell { value, state }
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>();
        let mut map = Heatmap {
            title: "Thema's per VSV — regio Noord-Holland".into(),
            subtitle: "2026-K3 · kleur: score vergeleken met de regio".into(),
            rows,
            columns,
            cells,
            legend: legend(),
            suppressed: "n < 10".into(),
            lang: Language::Nl,
        };
        // Suppressed cells carry a value that must never appear.
        map.cells[2][1] = HeatCell {
            value: Some(3.3),
            state: HeatState::Suppressed,
        };
        map.cells[6][6] = HeatCell {
            value: Some(3.3),
            state: HeatState::Suppressed,
        };
        map.cells[1][6] = HeatCell {
            value: None,
            state: HeatState::Suppressed,
        };
        map.cells[4][3] = HeatCell {
            value: Some(7.1),
            state: HeatState::Indicative,
        };
        map.cells[0][0] = HeatCell {
            value: Some(9.1),
            state: HeatState::Full(Some(Band::MuchBetter)),
        };
        map.cells[0][1] = HeatCell {
            value: Some(5.2),
            state: HeatState::Full(Some(Band::MuchWorse)),
        };
        map.cells[2][0] = HeatCell {
            value: Some(8.4),
            state: HeatState::Full(Some(Band::Better)),
        };
        map
    }

    #[test]
    fn svg_snapshot() {
        let r = render(&example()).unwrap();
        preview("heatmap", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        let a = render(&example()).unwrap();
        let b = render(&example()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn the_png_holds_text_and_a_suppressed_cell_no_number() {
        let chart = example();
        let r = render(&chart).unwrap();
        let (w, h) = chart.size();
        let l = chart.layout();
        assert!(h <= 830, "{h}");
        // The title band holds text.
        assert!(dark_pixels(&r.png, (0, 0), (w, 50)) > 500);
        let top = chart.title_height() + l.header_h;
        let cell = |i: i32, j: i32| {
            let (x, y) = (l.label_w + j * l.cell_w, top + i * l.row);
            (
                (x as u32 + 2, y as u32 + 2),
                ((x + l.cell_w) as u32 - 2, (y + l.row) as u32 - 2),
            )
        };
        // The suppressed cell [2][1] is grey at its corner, holds the privacy text...
        let ((x, y), (x1, y1)) = cell(2, 1);
        let (pw, _, px) = decode(&r.png);
        let at = |x: u32, y: u32| {
            let i = ((y * pw + x) * 3) as usize;
            (px[i], px[i + 1], px[i + 2])
        };
        assert_eq!(at(x + 1, y + 1), (200, 200, 200));
        assert!(dark_pixels(&r.png, (x, y), (x1, y1)) > 40);
        // ... a light band cell with a number has ink too ([2][0], "better").
        let (a, b) = cell(2, 0);
        assert_eq!(at(a.0 + 1, a.1 + 1), (140, 195, 235));
        assert!(dark_pixels(&r.png, a, b) > 40);
        // The hidden value 3,3 is nowhere; the privacy text is.
        assert!(!r.svg.contains("3,3"));
        assert!(r.svg.contains("n &lt; 10"));
        assert!(r.svg.contains("8,4"));
    }

    #[test]
    /// Odd input still gives a sound chart (see `render_sound`), with a score only where
    /// a cell has a shown value.
    fn edge_cases_give_sound_charts() {
        let score = |l: &&str| l.len() <= 5 && l.contains(',') && l.starts_with(char::is_numeric);
        let scores = |svg: &str| labels(svg).into_iter().filter(score).count();
        let mut ragged = example();
        ragged.cells.truncate(5);
        ragged.cells[1].truncate(3);
        ragged.cells[2].clear();
        ragged.cells[3][2].value = Some(f64::NAN);
        ragged.cells[3][3].value = None;
        ragged.cells[4][4] = HeatCell {
            value: Some(f64::INFINITY),
            state: HeatState::Full(None),
        };
        ragged.cells[4][5] = HeatCell {
            value: Some(7.6),
            state: HeatState::Full(None),
        };
        let r = render_sound(&ragged);
        preview("heatmap_ragged", &r);

        let mut nothing = example();
        nothing.rows.clear();
        nothing.columns.clear();
        nothing.cells.clear();
        nothing.subtitle.clear();
        let r = render_sound(&nothing);
        assert_eq!(scores(&r.svg), 0);

        let mut blank = example();
        blank.title.clear();
        blank.suppressed.clear();
        blank.rows.iter_mut().for_each(String::clear);
        blank.columns.iter_mut().for_each(String::clear);
        blank.legend.bands.iter_mut().for_each(String::clear);
        render_sound(&blank);

        let mut one = example();
        one.rows.truncate(1);
        one.columns.truncate(1);
        let r = render_sound(&one);
        assert_eq!(
            labels(&r.svg)[2..5],
            ["VSV Zaanstreek", "Informatievoorziening", "9,1"]
        );

        let mut all_suppressed = example();
        for c in all_suppressed.cells.iter_mut().flatten() {
            c.state = HeatState::Suppressed;
        }
        let r = render_sound(&all_suppressed);
        assert_eq!(scores(&r.svg), 0);
        assert!(r.svg.lines().any(|l| l == "n &lt; 10"));

        let mut wide = example();
        wide.columns = (0..12)
            .map(|i| format!("Verloskundig samenwerkingsverband nummer {}", i + 1))
            .collect();
        wide.rows
            .push("Een thema met een heel erg lange naam die niet past".into());
        for r in &mut wide.cells {
            r.extend(r.clone());
        }
        let r = render_sound(&wide);
        preview("heatmap_twelve", &r);
        assert!(labels(&r.svg).contains(&"nummer 12"));
    }
}
