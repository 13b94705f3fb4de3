//! Theme scores of one unit against the region: a dot and its 95% interval per theme, the
//! region's mean as a black tick. The dot's colour is the theme's published band against
//! the other units (blue better, grey as expected, orange worse: the same colours as the
//! heatmap and funnel), dark when it was not compared. Indicatief scores are hollow dots
//! (never compared); a suppressed theme shows only its label and the privacy text (no dot,
//! no interval, no number). Long theme names wrap onto two lines.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    band_mark, draw_legend, draw_title, legend_height, text, text_width, wrap_label, Chart,
    DrawResult, Interval, Key, GRID, INK, LABEL, MUTED, NATIONAL, REGION, SMALL, WIDTH,
};
use crate::funnel::Band;
use crate::i18n::Language;

/// One theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    /// Theme label.
    pub label: String,
    /// The unit's score; `None` when suppressed.
    pub score: Option<Interval>,
    /// Indicatief tier (hollow dot).
    pub indicative: bool,
    /// The region's score.
    pub region: Option<f64>,
    /// The national mean (`[benchmark] national`).
    pub national: Option<f64>,
    /// The published band against the other units; `None`: not compared.
    pub band: Option<Band>,
}

/// Legend texts.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeLegend {
    /// Band names, much better → much worse (only the bands that occur are shown).
    pub bands: [String; 5],
    /// A full score without a band, e.g. "niet vergeleken".
    pub not_compared: String,
    /// An indicatief score (hollow dot).
    pub indicative: String,
    /// The region's tick.
    pub region: String,
    /// The national tick.
    pub national: String,
}

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScores {
    /// Title.
    pub title: String,
    /// Subtitle (period, n).
    pub subtitle: String,
    /// Axis title.
    pub axis: String,
    /// Themes, top to bottom.
    pub rows: Vec<ThemeRow>,
    /// Legend texts.
    pub legend: ThemeLegend,
    /// Shown instead of a suppressed score, e.g. "n < 10".
    pub suppressed: String,
    /// The report language (number format).
    pub lang: Language,
}

const ROW: i32 = 50;
/// Row pitch when some label takes two lines.
const ROW_TWO_LINES: i32 = 64;
const TOP_PAD: i32 = 10;
/// Height of the x axis (ticks and title) below the plot.
const X_AXIS: i32 = 76;

/// The bands in legend order.
const BANDS: [Band; 5] = [
    Band::MuchBetter,
    Band::Better,
    Band::AsExpected,
    Band::Worse,
    Band::MuchWorse,
];

impl ThemeScores {
    /// Width of the label column: the widest label on one line, up to two fifths of the
    /// chart; longer labels wrap (see [`ThemeScores::labels`]).
    fn label_width(&self) -> i32 {
        let widest = self
            .rows
            .iter()
            .map(|r| text_width(&r.label, LABEL))
            .max()
            .unwrap_or(0);
        (widest as i32 + 30).clamp(160, WIDTH as i32 * 2 / 5)
    }

    /// Every row's label as one or two lines.
    fn labels(&self) -> Vec<Vec<String>> {
        let max = (self.label_width() - 20).max(0) as u32;
        self.rows
            .iter()
            .map(|r| wrap_label(&r.label, LABEL, max))
            .collect()
    }

    fn row_pitch(&self) -> i32 {
        if self.labels().iter().any(|l| l.len() > 1) {
            ROW_TWO_LINES
        } else {
            ROW
        }
    }

    /// The colour of a row's marks.
    fn colour(r: &ThemeRow) -> RGBColor {
        match r.band {
            Some(b) if !r.indicative => band_mark(b),
            _ => INK,
        }
    }

    /// The legend: the bands that occur, "not compared", indicatief, region.
    fn legend_entries(&self) -> Vec<(Key, String)> {
        let l = &self.legend;
        let shown = || self.rows.iter().filter(|r| r.score.is_some());
        let mut out = Vec::new();
        for (band, label) in BANDS.into_iter().zip(&l.bands) {
            if shown().any(|r| !r.indicative && r.band == Some(band)) {
                out.push((Key::Dot(band_mark(band)), label.clone()));
            }
        }
        if shown().any(|r| !r.indicative && r.band.is_none()) {
            out.push((Key::Dot(INK), l.not_compared.clone()));
        }
        if shown().any(|r| r.indicative) {
            out.push((Key::Ring(INK), l.indicative.clone()));
        }
        if self.rows.iter().any(|r| r.region.is_some()) {
            out.push((Key::Line(REGION), l.region.clone()));
        }
        if self.rows.iter().any(|r| r.national.is_some()) {
            out.push((Key::Dashed(NATIONAL), l.national.clone()));
        }
        out.retain(|(_, s)| !s.is_empty());
        out
    }

    fn legend_h(&self) -> i32 {
        legend_height(WIDTH, 20, &self.legend_entries())
    }

    /// The x range: from just below the lowest bound shown (at most 10) to 10.
    fn x_range(&self) -> (f64, f64) {
        let lowest = self
            .rows
            .iter()
            .flat_map(|r| {
                r.score
                    .map(|s| s.low)
                    .into_iter()
                    .chain(r.region)
                    .chain(r.national)
            })
            .fold(f64::INFINITY, f64::min);
        let low = if lowest.is_finite() {
            ((lowest - 0.5).floor()).clamp(0.0, 9.0)
        } else {
            0.0
        };
        (low, 10.0)
    }
}

impl Chart for ThemeScores {
    fn size(&self) -> (u32, u32) {
        let rows = self.rows.len().max(1) as i32;
        let legend = self.legend_h();
        (
            WIDTH,
            (120 + TOP_PAD + rows * self.row_pitch() + X_AXIS + 24 + legend + 16) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = self.size();
        let top = draw_title(root, &self.title, &self.subtitle)?;
        let rows = self.rows.len().max(1) as i32;
        let label_w = self.label_width();
        let labels = self.labels();
        let plot_bottom = top + TOP_PAD + rows * self.row_pitch();
        let (lo, hi) = self.x_range();
        let area = root.margin(
            top as u32,
            (h as i32 - plot_bottom - X_AXIS).max(0) as u32,
            0,
            30,
        );
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(X_AXIS as u32)
            .y_label_area_size(label_w as u32)
            .right_y_label_area_size(90)
            .build_cartesian_2d(lo..hi, 0f64..rows as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(((hi - lo) as usize + 1).min(11))
            .x_label_formatter(&|v| self.lang.decimal(*v, 0))
            .x_desc(self.axis.as_str())
            .label_style(text(SMALL, &INK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL, &INK, HPos::Center, VPos::Top))
            .max_light_lines(0)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .draw()?;
        // Rows from the top: row i is centred at y = rows - i - 0.5.
        for (i, r) in self.rows.iter().enumerate() {
            let y = rows as f64 - i as f64 - 0.5;
            let (_, py) = chart.backend_coord(&(lo, y));
            let (px_left, _) = chart.backend_coord(&(lo, y));
            let (px_right, _) = chart.backend_coord(&(hi, y));
            let lines = labels.get(i).map_or(&[][..], |l| l.as_slice());
            let pitch = (LABEL * 0.92) as i32;
            let first = py - (lines.len() as i32 - 1) * pitch / 2;
            for (k, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (px_left - 14, first + k as i32 * pitch),
                    text(LABEL, &INK, HPos::Right, VPos::Center),
                ))?;
            }
            let mark = Self::colour(r);
            if let Some(region) = r.region {
                let (rx, ry) = chart.backend_coord(&(region.clamp(lo, hi), y));
                root.draw(&PathElement::new(
                    vec![(rx, ry - 16), (rx, ry + 16)],
                    REGION.stroke_width(4),
                ))?;
            }
            // The national mean: a tick in its own colour, in two dashes.
            if let Some(national) = r.national {
                let (nx, ny) = chart.backend_coord(&(national.clamp(lo, hi), y));
                for (a, b) in [(ny - 18, ny - 6), (ny + 6, ny + 18)] {
                    root.draw(&PathElement::new(
                        vec![(nx, a), (nx, b)],
                        NATIONAL.stroke_width(4),
                    ))?;
                }
            }
            match r.score {
                Some(s) => {
                    let (x0, _) = chart.backend_coord(&(s.low.clamp(lo, hi), y));
                    let (x1, _) = chart.backend_coord(&(s.high.clamp(lo, hi), y));
                    let (xm, _) = chart.backend_coord(&(s.mean.clamp(lo, hi), y));
                    root.draw(&PathElement::new(
                        vec![(x0, py), (x1, py)],
                        mark.stroke_width(3),
                    ))?;
                    for x in [x0, x1] {
                        root.draw(&PathElement::new(
                            vec![(x, py - 7), (x, py + 7)],
                            mark.stroke_width(3),
                        ))?;
                    }
                    if r.indicative {
                        root.draw(&Circle::new((xm, py), 9, WHITE.filled()))?;
                        root.draw(&Circle::new((xm, py), 9, mark.stroke_width(3)))?;
                    } else {
                        root.draw(&Circle::new((xm, py), 11, WHITE.filled()))?;
                        root.draw(&Circle::new((xm, py), 10, mark.filled()))?;
                    }
                    root.draw(&Text::new(
                        self.lang.decimal(s.mean, 1),
                        (px_right + 14, py),
                        text(LABEL, &INK, HPos::Left, VPos::Center),
                    ))?;
                }
                None => {
                    root.draw(&Text::new(
                        self.suppressed.clone(),
                        (px_left + 12, py),
                        text(LABEL, &MUTED, HPos::Left, VPos::Center),
                    ))?;
                }
            }
        }
        let legend = self.legend_entries();
        if !legend.is_empty() {
            let y = plot_bottom + X_AXIS + 24 + SMALL as i32 * 4 / 5;
            draw_legend(root, (20, y), &legend)?;
        }
        let _ = w;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::super::testing::dark_pixels;
    use super::*;

    pub(crate) fn example() -> ThemeScores {
        let row = |label: &str, score: Option<(f64, f64, f64)>, indicative, region| ThemeRow {
            label: label.into(),
            score: score.map(|(mean, low, high)| Interval { mean, low, high }),
            indicative,
            region,
            national: None,
            band: if indicative {
                None
            } else if label == "Informatievoorziening" {
                Some(Band::MuchWorse)
            } else {
                Some(Band::AsExpected)
            },
        };
        ThemeScores {
            title: "Thema's — VSV Zaanstreek".into(),
            subtitle: "2026-K3 · n = 152 · 95%-betrouwbaarheidsinterval".into(),
            axis: "Score (0–10)".into(),
            rows: vec![
                row(
                    "Informatievoorziening",
                    Some((7.4, 7.1, 7.7)),
                    false,
                    Some(8.1),
                ),
                row("Bereikbaarheid", Some((7.9, 7.5, 8.3)), true, Some(8.0)),
                row("Samenwerking tussen zorgverleners", None, false, Some(8.3)),
                row(
                    "Bejegening en betrokkenheid",
                    Some((8.8, 8.6, 9.0)),
                    false,
                    Some(8.7),
                ),
            ],
            legend: legend(),
            suppressed: "n < 10".into(),
            lang: Language::Nl,
        }
    }

    fn legend() -> ThemeLegend {
        ThemeLegend {
            bands: [
                "veel beter dan verwacht".into(),
                "beter dan verwacht".into(),
                "vergelijkbaar".into(),
                "slechter dan verwacht".into(),
                "veel slechter dan verwacht".into(),
            ],
            not_compared: "niet vergeleken".into(),
            indicative: "indicatief (n 10–49)".into(),
            region: "regio".into(),
            national: "landelijk".into(),
        }
    }

    /// Issue 10: a dot's colour is its band, and the legend names exactly the bands shown;
    /// "much worse" is never drawn in the colour of "better".
    #[test]
    fn dots_are_coloured_by_their_band_and_the_legend_says_so() {
        let chart = example();
        let r = render(&chart).unwrap();
        let much_worse = super::super::BAND_MUCH_WORSE;
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        assert!(r.svg.contains(&hex(much_worse)), "the much-worse dot");
        assert!(
            r.svg.contains(&hex(super::super::COMMON)),
            "as-expected dots"
        );
        assert!(!r.svg.contains(&hex(super::super::BAND_BETTER)));
        assert!(!r.svg.contains(&hex(super::super::BAND_MUCH_BETTER)));
        let legend: Vec<String> = chart.legend_entries().into_iter().map(|e| e.1).collect();
        assert_eq!(
            legend,
            [
                "vergelijkbaar",
                "veel slechter dan verwacht",
                "indicatief (n 10–49)",
                "regio"
            ]
        );
        // The much-worse row's dot (row 1) is orange in the PNG.
        let (w, _) = chart.size();
        let (_, _, pixels) = super::super::testing::decode(&r.png);
        let top = 16 + super::super::TITLE as i32 + 10 + LABEL as i32 + 14 + TOP_PAD;
        let y = (top + ROW / 2) as usize;
        let orange = (0..w as usize).any(|x| {
            let i = (y * w as usize + x) * 3;
            pixels.get(i..i + 3) == Some(&[much_worse.0, much_worse.1, much_worse.2][..])
        });
        assert!(orange);
    }

    /// Issue 10: a long theme name wraps onto two lines instead of ending in "…".
    #[test]
    fn long_theme_names_wrap_instead_of_being_cut() {
        let mut chart = example();
        chart.rows[1].label = "Voorbereiding op bevalling en kraamtijd".into();
        let r = render(&chart).unwrap();
        assert!(!r.svg.contains('…'));
        assert!(r.svg.lines().any(|l| l == "Voorbereiding op"));
        assert!(r.svg.lines().any(|l| l == "bevalling en kraamtijd"));
        assert_eq!(chart.row_pitch(), ROW_TWO_LINES);
    }

    #[test]
    fn svg_snapshot() {
        let r = render(&example()).unwrap();
        crate::render::charts::testing::preview("theme_scores", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn the_png_holds_text_and_a_suppressed_row_no_number() {
        let chart = example();
        let r = render(&chart).unwrap();
        let (w, _) = chart.size();
        // The title band holds text.
        assert!(dark_pixels(&r.png, (0, 0), (w, 50)) > 500);
        // The value column right of the plot: rows 1, 2 and 4 carry a number, the
        // suppressed row 3 none. Row centres are ROW apart below the title.
        let svg = &r.svg;
        assert!(svg.contains("n &lt; 10") || svg.contains("n < 10"));
        let numbers: Vec<&str> = ["7,4", "7,9", "8,8"].to_vec();
        for n in &numbers {
            assert!(svg.lines().any(|l| l == *n), "{n} missing");
        }
        // Value column pixels per row: ink in rows 1, 2, 4 but not in row 3.
        let top = 16 + super::super::TITLE as i32 + 10 + LABEL as i32 + 14 + TOP_PAD;
        let column = (w - 110, w);
        let ink = |row: i32| {
            let y = (top + row * ROW) as u32;
            dark_pixels(&r.png, (column.0, y + 4), (column.1, y + ROW as u32 - 4))
        };
        assert!(
            ink(0) > 30 && ink(1) > 30 && ink(3) > 30,
            "{} {} {}",
            ink(0),
            ink(1),
            ink(3)
        );
        assert_eq!(ink(2), 0);
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        let a = render(&example()).unwrap();
        let b = render(&example()).unwrap();
        assert_eq!(a, b);
    }
}
