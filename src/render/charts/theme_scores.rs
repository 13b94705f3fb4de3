//! Theme scores of one unit against the region: a dot and its 95% interval per theme, the
//! region's mean as a black tick. Indicatief scores are hollow dots; a suppressed theme
//! shows only its label and the privacy text (no dot, no interval, no number).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    draw_legend, draw_title, fit, number, text, text_width, Chart, DrawResult, Interval, Key, GRID,
    INK, LABEL, MUTED, REGION, SMALL, UNIT, WIDTH,
};

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
    /// Legend texts: score with interval, indicatief, region.
    pub legend: [String; 3],
    /// Shown instead of a suppressed score, e.g. "n < 10".
    pub suppressed: String,
    /// Decimal comma.
    pub comma: bool,
}

const ROW: i32 = 50;
const TOP_PAD: i32 = 10;

impl ThemeScores {
    fn label_width(&self) -> i32 {
        let widest = self
            .rows
            .iter()
            .map(|r| text_width(&r.label, LABEL))
            .max()
            .unwrap_or(0);
        (widest as i32 + 30).clamp(160, WIDTH as i32 * 2 / 5)
    }

    /// The x range: from just below the lowest bound shown (at most 10) to 10.
    fn x_range(&self) -> (f64, f64) {
        let lowest = self
            .rows
            .iter()
            .flat_map(|r| r.score.map(|s| s.low).into_iter().chain(r.region))
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
        (WIDTH, (120 + TOP_PAD + rows * ROW + 140) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = self.size();
        let top = draw_title(root, &self.title, &self.subtitle)?;
        let rows = self.rows.len().max(1) as i32;
        let label_w = self.label_width();
        let plot_bottom = top + TOP_PAD + rows * ROW;
        let (lo, hi) = self.x_range();
        let area = root.margin(
            top as u32,
            (h as i32 - plot_bottom - 76).max(0) as u32,
            0,
            30,
        );
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(76)
            .y_label_area_size(label_w as u32)
            .right_y_label_area_size(90)
            .build_cartesian_2d(lo..hi, 0f64..rows as f64)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(((hi - lo) as usize + 1).min(11))
            .x_label_formatter(&|v| number(*v, 0, self.comma))
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
            root.draw(&Text::new(
                fit(&r.label, LABEL, label_w as u32 - 20),
                (px_left - 14, py),
                text(LABEL, &INK, HPos::Right, VPos::Center),
            ))?;
            if let Some(region) = r.region {
                let (rx, ry) = chart.backend_coord(&(region.clamp(lo, hi), y));
                root.draw(&PathElement::new(
                    vec![(rx, ry - 16), (rx, ry + 16)],
                    REGION.stroke_width(4),
                ))?;
            }
            match r.score {
                Some(s) => {
                    let (x0, _) = chart.backend_coord(&(s.low.clamp(lo, hi), y));
                    let (x1, _) = chart.backend_coord(&(s.high.clamp(lo, hi), y));
                    let (xm, _) = chart.backend_coord(&(s.mean.clamp(lo, hi), y));
                    root.draw(&PathElement::new(
                        vec![(x0, py), (x1, py)],
                        UNIT.stroke_width(3),
                    ))?;
                    for x in [x0, x1] {
                        root.draw(&PathElement::new(
                            vec![(x, py - 7), (x, py + 7)],
                            UNIT.stroke_width(3),
                        ))?;
                    }
                    if r.indicative {
                        root.draw(&Circle::new((xm, py), 9, WHITE.filled()))?;
                        root.draw(&Circle::new((xm, py), 9, UNIT.stroke_width(3)))?;
                    } else {
                        root.draw(&Circle::new((xm, py), 10, UNIT.filled()))?;
                    }
                    root.draw(&Text::new(
                        number(s.mean, 1, self.comma),
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
        let legend = [
            (Key::Dot(UNIT), self.legend[0].clone()),
            (Key::Ring(UNIT), self.legend[1].clone()),
            (Key::Line(REGION), self.legend[2].clone()),
        ];
        draw_legend(root, (20, h as i32 - 36), &legend)?;
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
            legend: [
                "score met 95%-interval".into(),
                "indicatief (n 10–49)".into(),
                "regio".into(),
            ],
            suppressed: "n < 10".into(),
            comma: true,
        }
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
