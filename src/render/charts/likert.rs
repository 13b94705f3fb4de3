//! Answer distribution per theme as diverging stacked bars: one bar per theme with the
//! answer categories in order worst → best, problem answers left of the zero line,
//! positive answers right of it and neutral answers split half/half across it. Segments
//! wide enough carry their percentage; the theme's n stands at the right. A suppressed
//! theme shows only its label and the privacy text (no bar, no percentage, no n).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    draw_legend, draw_title, fit, is_dark, legend_layout, text, text_width, wrap_label, Chart,
    DrawResult, Key, BAND_BETTER, BAND_MUCH_BETTER, BAND_MUCH_WORSE, BAND_WORSE, GRID, INK, LABEL,
    MUTED, SMALL, WIDTH,
};
use crate::i18n::Language;

/// Which side of the zero line a category's answers go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A problem answer: left of zero, orange.
    Problem,
    /// A neutral answer: split across zero, grey.
    Neutral,
    /// A positive answer: right of zero, blue.
    Positive,
}

/// One answer category.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Legend text, e.g. "1–5 (probleem)" or "soms".
    pub label: String,
    /// Side of the zero line.
    pub side: Side,
}

/// One theme.
#[derive(Debug, Clone, PartialEq)]
pub struct LikertRow {
    /// Theme label.
    pub label: String,
    /// Share of the answers per category (fractions, in the order of
    /// [`Likert::categories`]); `None` when suppressed.
    pub shares: Option<Vec<f64>>,
    /// Number of answers, shown when the row is not suppressed.
    pub n: Option<u64>,
}

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Likert {
    /// Title.
    pub title: String,
    /// Subtitle (unit, period).
    pub subtitle: String,
    /// Axis title, e.g. "% van de antwoorden".
    pub axis: String,
    /// Answer categories, worst → best.
    pub categories: Vec<Category>,
    /// Themes, top to bottom.
    pub rows: Vec<LikertRow>,
    /// Shown instead of a suppressed theme's bar, e.g. "n < 10".
    pub suppressed: String,
    /// The report language (number format).
    pub lang: Language,
}

const TOP_PAD: i32 = 10;
/// Below the plot: tick labels and the axis title.
const AXIS: i32 = 80;
/// Between the axis title and the legend.
const LEGEND_GAP: i32 = 8;
/// Fill of neutral categories (light grey, darker than "as expected" so it shows on white).
const NEUTRAL_GREY: RGBColor = RGBColor(212, 212, 212);

/// Sizes computed once, for both `size` and `draw`.
struct Layout {
    /// Row pitch.
    row: i32,
    /// Width of the theme labels column (from the left edge).
    label_w: i32,
    /// Width of the n column at the right.
    n_w: i32,
    /// Height of the legend.
    legend_h: i32,
    /// Every row's label as one or two lines.
    labels: Vec<Vec<String>>,
}

/// One drawn segment: category index and its extent in fractions (negative = left).
type Segment = (usize, f64, f64);

impl Likert {
    fn title_height(&self) -> i32 {
        if self.subtitle.is_empty() {
            16 + super::TITLE as i32 + 14
        } else {
            16 + super::TITLE as i32 + 10 + LABEL as i32 + 14
        }
    }

    fn n_text(&self, row: &LikertRow) -> Option<String> {
        match (&row.shares, row.n) {
            (Some(_), Some(n)) => Some(format!("n = {n}")),
            _ => None,
        }
    }

    fn legend(&self) -> Vec<(Key, String)> {
        self.categories
            .iter()
            .enumerate()
            .map(|(i, c)| (Key::Square(self.colour(i)), c.label.clone()))
            .collect()
    }

    fn layout(&self) -> Layout {
        let rows = self.rows.len().max(1) as i32;
        let widest = self
            .rows
            .iter()
            .map(|r| text_width(&r.label, LABEL))
            .max()
            .unwrap_or(0);
        let label_w = (widest as i32 + 34).clamp(160, WIDTH as i32 * 2 / 5);
        let labels: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| wrap_label(&r.label, LABEL, (label_w - 30).max(0) as u32))
            .collect();
        // two lines of a label need more room than one
        let least = if labels.iter().any(|l| l.len() > 1) {
            58
        } else {
            36
        };
        let row = (540 / rows).clamp(least, 48.max(least));
        let n_w = self
            .rows
            .iter()
            .filter_map(|r| self.n_text(r))
            .map(|t| text_width(&t, SMALL) as i32 + 24)
            .max()
            .unwrap_or(0)
            .max(16);
        let (_, legend_h) = legend_layout(WIDTH, (20, 0), &self.legend());
        Layout {
            row,
            label_w,
            n_w,
            legend_h,
            labels,
        }
    }

    /// The colour of category `i`: problem categories orange (worst darkest), neutral
    /// grey, positive blue (best darkest).
    fn colour(&self, i: usize) -> RGBColor {
        let Some(side) = self.categories.get(i).map(|c| c.side) else {
            return NEUTRAL_GREY;
        };
        let same: Vec<usize> = (0..self.categories.len())
            .filter(|&j| self.categories[j].side == side)
            .collect();
        let k = same.iter().position(|&j| j == i).unwrap_or(0);
        // 0 for the first category of this side, 1 for its last.
        let t = if same.len() > 1 {
            k as f64 / (same.len() - 1) as f64
        } else {
            1.0
        };
        match side {
            Side::Problem if same.len() > 1 => mix(BAND_MUCH_WORSE, BAND_WORSE, t),
            Side::Problem => BAND_MUCH_WORSE,
            Side::Neutral if same.len() > 1 => {
                mix(RGBColor(190, 190, 190), RGBColor(228, 228, 228), t)
            }
            Side::Neutral => NEUTRAL_GREY,
            Side::Positive if same.len() > 1 => mix(BAND_BETTER, BAND_MUCH_BETTER, t),
            Side::Positive => BAND_MUCH_BETTER,
        }
    }

    /// The segments of one bar: the shares made non-negative and scaled to sum to 1,
    /// starting left of zero by the problem shares and half the neutral shares.
    fn segments(&self, shares: &[f64]) -> Vec<Segment> {
        let clean: Vec<f64> = (0..self.categories.len())
            .map(|i| match shares.get(i) {
                Some(&s) if s.is_finite() && s > 0.0 => s,
                _ => 0.0,
            })
            .collect();
        let total: f64 = clean.iter().sum();
        if !(total.is_finite() && total > 0.0) {
            return Vec::new();
        }
        let left: f64 = clean
            .iter()
            .zip(&self.categories)
            .map(|(s, c)| match c.side {
                Side::Problem => s / total,
                Side::Neutral => s / total / 2.0,
                Side::Positive => 0.0,
            })
            .sum();
        let mut start = -left;
        let mut out = Vec::new();
        for (i, s) in clean.iter().enumerate() {
            let end = start + s / total;
            if *s > 0.0 {
                out.push((i, start, end));
            }
            start = end;
        }
        out
    }

    /// The x range as (left extent, right extent, tick step), in fractions.
    fn range(&self) -> (f64, f64, f64) {
        let (mut left, mut right) = (0.0f64, 0.0f64);
        let mut any = false;
        for shares in self.rows.iter().filter_map(|r| r.shares.as_ref()) {
            let segs = self.segments(shares);
            if let (Some(first), Some(last)) = (segs.first(), segs.last()) {
                left = left.max(-first.1);
                right = right.max(last.2);
                any = true;
            }
        }
        if !any {
            (left, right) = (0.5, 0.5);
        }
        for step in [0.1, 0.2, 0.25] {
            let lo = ((left / step - 1e-9).ceil() * step).max(step);
            let hi = ((right / step - 1e-9).ceil() * step).max(step);
            if (lo + hi) / step <= 8.5 {
                return (lo, hi, step);
            }
        }
        let step = 0.5;
        let lo = ((left / step - 1e-9).ceil() * step).max(step);
        let hi = ((right / step - 1e-9).ceil() * step).max(step);
        (lo, hi, step)
    }
}

/// The colour `t` of the way from `a` to `b`.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let c = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(c(a.0, b.0), c(a.1, b.1), c(a.2, b.2))
}

impl Chart for Likert {
    fn size(&self) -> (u32, u32) {
        let l = self.layout();
        let rows = self.rows.len().max(1) as i32;
        let h = self.title_height() + TOP_PAD + rows * l.row + AXIS + LEGEND_GAP + l.legend_h + 6;
        (WIDTH, h as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = self.size();
        let l = self.layout();
        let top = draw_title(root, &self.title, &self.subtitle)? + TOP_PAD;
        let rows = self.rows.len().max(1) as i32;
        let bottom = top + rows * l.row;
        let (x0, x1) = (l.label_w, w as i32 - 20 - l.n_w);
        let (lo, hi, step) = self.range();
        let px = |v: f64| x0 + ((v + lo) / (lo + hi) * f64::from(x1 - x0)).round() as i32;

        // Grid, ticks and tick labels at every step from zero.
        let ticks_left = (lo / step).round() as i32;
        let ticks_right = (hi / step).round() as i32;
        for k in -ticks_left..=ticks_right {
            let v = f64::from(k) * step;
            let x = px(v);
            if k != 0 {
                root.draw(&PathElement::new(vec![(x, top), (x, bottom)], GRID))?;
            }
            root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 5)], MUTED))?;
            root.draw(&Text::new(
                self.lang.decimal((v * 100.0).abs(), 0),
                (x, bottom + 10),
                text(SMALL, &INK, HPos::Center, VPos::Top),
            ))?;
        }
        root.draw(&PathElement::new(vec![(x0, bottom), (x1, bottom)], MUTED))?;
        root.draw(&Text::new(
            fit(&self.axis, LABEL, (x1 - x0).max(0) as u32),
            ((x0 + x1) / 2, bottom + 44),
            text(LABEL, &INK, HPos::Center, VPos::Top),
        ))?;
        // The zero line, behind the bars: it shows between rows and between the last
        // problem and the first positive segment.
        root.draw(&PathElement::new(
            vec![(px(0.0), top), (px(0.0), bottom)],
            INK.stroke_width(2),
        ))?;

        let half = (l.row - 14) / 2;
        for (i, r) in self.rows.iter().enumerate() {
            let py = top + i as i32 * l.row + l.row / 2;
            let lines = l.labels.get(i).map_or(&[][..], |v| v.as_slice());
            let pitch = (LABEL * 0.92) as i32;
            let first = py - (lines.len() as i32 - 1) * pitch / 2;
            for (k, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (x0 - 14, first + k as i32 * pitch),
                    text(LABEL, &INK, HPos::Right, VPos::Center),
                ))?;
            }
            let Some(shares) = &r.shares else {
                // Suppressed: the privacy text over the zero line, nothing else.
                let max = (x1 - x0 - 24).max(0) as u32;
                let label = fit(&self.suppressed, LABEL, max);
                let tw = text_width(&label, LABEL) as i32;
                let cx = px(0.0).clamp(x0 + 12 + tw / 2, (x1 - 12 - tw / 2).max(x0 + 12 + tw / 2));
                root.draw(&Rectangle::new(
                    [(cx - tw / 2 - 8, py - half), (cx + tw / 2 + 8, py + half)],
                    WHITE.filled(),
                ))?;
                root.draw(&Text::new(
                    label,
                    (cx, py),
                    text(LABEL, &MUTED, HPos::Center, VPos::Center),
                ))?;
                continue;
            };
            for (c, a, b) in self.segments(shares) {
                let (xa, xb) = (px(a), px(b));
                let (xa, xb) = if xb - xa > 4 {
                    (xa + 1, xb - 1)
                } else {
                    (xa, xb)
                };
                let fill = self.colour(c);
                root.draw(&Rectangle::new(
                    [(xa, py - half), (xb, py + half)],
                    fill.filled(),
                ))?;
                let pct = ((b - a) * 100.0).round();
                let label = self.lang.decimal(pct, 0);
                if pct != 0.0 && text_width(&label, SMALL) as i32 + 8 <= xb - xa {
                    let colour = if is_dark(fill) { &WHITE } else { &INK };
                    root.draw(&Text::new(
                        label,
                        ((xa + xb) / 2, py),
                        text(SMALL, colour, HPos::Center, VPos::Center),
                    ))?;
                }
            }
            if let Some(n) = self.n_text(r) {
                root.draw(&Text::new(
                    n,
                    (x1 + 14, py),
                    text(SMALL, &MUTED, HPos::Left, VPos::Center),
                ))?;
            }
        }
        draw_legend(
            root,
            (20, h as i32 - 6 - l.legend_h + (SMALL * 0.8) as i32),
            &self.legend(),
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::super::testing::{dark_pixels, decode, labels, preview, render_sound};
    use super::*;

    fn grades() -> Vec<Category> {
        vec![
            Category {
                label: "1–5 (probleem)".into(),
                side: Side::Problem,
            },
            Category {
                label: "6–8".into(),
                side: Side::Neutral,
            },
            Category {
                label: "9–10 (topscore)".into(),
                side: Side::Positive,
            },
        ]
    }

    fn row(label: &str, shares: Option<&[f64]>, n: Option<u64>) -> LikertRow {
        LikertRow {
            label: label.into(),
            shares: shares.map(<[f64]>::to_vec),
            n,
        }
    }

    pub(crate) fn example() -> Likert {
        Likert {
            title: "Antwoorden per thema — VSV Zaanstreek".into(),
            subtitle: "2026-K3 · rapportcijfers per vraag, gegroepeerd".into(),
            axis: "% van de antwoorden".into(),
            categories: grades(),
            rows: vec![
                row(
                    "Informatievoorziening",
                    Some(&[0.12, 0.46, 0.42]),
                    Some(152),
                ),
                row("Bereikbaarheid", Some(&[0.08, 0.38, 0.54]), Some(148)),
                row("Samenwerking tussen zorgverleners", None, Some(7)),
                row(
                    "Bejegening en betrokkenheid",
                    Some(&[0.03, 0.25, 0.72]),
                    Some(151),
                ),
                row("Keuzevrijheid", Some(&[0.21, 0.49, 0.30]), Some(139)),
                row("Nazorg", Some(&[0.15, 0.41, 0.44]), Some(97)),
            ],
            suppressed: "n < 10".into(),
            lang: Language::Nl,
        }
    }

    fn four_levels() -> Likert {
        let cat = |label: &str, side| Category {
            label: label.into(),
            side,
        };
        Likert {
            title: "Ervaringen tijdens de bevalling".into(),
            subtitle: "Regio Noord-Holland Noord · 2026-K3".into(),
            axis: "% van de antwoorden".into(),
            categories: vec![
                cat("nooit", Side::Problem),
                cat("soms", Side::Problem),
                cat("meestal", Side::Positive),
                cat("altijd", Side::Positive),
            ],
            rows: vec![
                row(
                    "Ik werd serieus genomen",
                    Some(&[0.02, 0.09, 0.31, 0.58]),
                    Some(412),
                ),
                row(
                    "Ik kon meebeslissen",
                    Some(&[0.06, 0.17, 0.40, 0.37]),
                    Some(405),
                ),
                row(
                    "Ik kreeg uitleg over pijnbestrijding",
                    Some(&[0.11, 0.22, 0.33, 0.34]),
                    Some(398),
                ),
                row(
                    "Er was genoeg tijd voor mijn vragen",
                    Some(&[0.04, 0.12, 0.36, 0.48]),
                    Some(410),
                ),
            ],
            suppressed: "n < 10".into(),
            lang: Language::Nl,
        }
    }

    #[test]
    fn svg_snapshot() {
        let r = render(&example()).unwrap();
        preview("likert", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn four_level_svg_snapshot() {
        let r = render(&four_levels()).unwrap();
        preview("likert_four_levels", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        let a = render(&example()).unwrap();
        let b = render(&example()).unwrap();
        assert_eq!(a, b);
    }

    /// Pixels in `[x0, x1) × [y0, y1)` with a clear hue (orange or blue bar ink).
    fn coloured_pixels(png: &[u8], (x0, y0): (u32, u32), (x1, y1): (u32, u32)) -> usize {
        let (w, h, px) = decode(png);
        let mut count = 0;
        for y in y0..y1.min(h) {
            for x in x0..x1.min(w) {
                let i = ((y * w + x) * 3) as usize;
                let (r, g, b) = (px[i] as i32, px[i + 1] as i32, px[i + 2] as i32);
                if r.max(g).max(b) - r.min(g).min(b) > 40 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn the_png_holds_text_and_a_suppressed_row_no_bar_and_no_n() {
        let chart = example();
        let r = render(&chart).unwrap();
        let (w, _) = chart.size();
        let l = chart.layout();
        // The title band holds text.
        assert!(dark_pixels(&r.png, (0, 0), (w, 50)) > 500);
        // Row i's band across the plot: bars in every row but the suppressed third.
        let top = chart.title_height() + TOP_PAD;
        let band = |i: i32| {
            let y = (top + i * l.row) as u32;
            (
                (l.label_w as u32, y + 4),
                (w - 20 - l.n_w as u32, y + l.row as u32 - 4),
            )
        };
        for i in [0, 1, 3, 4, 5] {
            let (a, b) = band(i);
            assert!(coloured_pixels(&r.png, a, b) > 5000, "row {i}");
        }
        let (a, b) = band(2);
        assert_eq!(coloured_pixels(&r.png, a, b), 0);
        // ... but its privacy text, and no n in the n column.
        assert!(dark_pixels(&r.png, a, b) > 100);
        let y = (top + 2 * l.row) as u32;
        let n_column = ((w - 20 - l.n_w as u32, y + 2), (w, y + l.row as u32 - 2));
        assert_eq!(dark_pixels(&r.png, n_column.0, n_column.1), 0);
        assert!(r.svg.contains("n &lt; 10"));
        assert!(!r.svg.contains("n = 7"));
        assert!(r.svg.contains("n = 152"));
    }

    #[test]
    /// Odd input still gives a sound chart (see `render_sound`), with a count per row
    /// that has shares, "n < 10" for each suppressed row and no share above 100%.
    fn edge_cases_give_sound_charts() {
        let counts = |svg: &str| labels(svg).iter().filter(|l| l.starts_with("n = ")).count();
        let mut nothing = example();
        nothing.rows.clear();
        nothing.categories.clear();
        nothing.subtitle.clear();
        let r = render_sound(&nothing);
        assert_eq!(counts(&r.svg), 0);

        let mut blank = example();
        blank.title.clear();
        blank.axis.clear();
        blank.suppressed.clear();
        blank.rows.iter_mut().for_each(|r| r.label.clear());
        blank.categories.iter_mut().for_each(|c| c.label.clear());
        let r = render_sound(&blank);
        let shown = blank.rows.iter().filter(|r| r.shares.is_some()).count();
        assert_eq!(counts(&r.svg), shown);

        let mut all_suppressed = example();
        for r in &mut all_suppressed.rows {
            r.shares = None;
        }
        let r = render_sound(&all_suppressed);
        preview("likert_all_suppressed", &r);
        let suppressed = labels(&r.svg).iter().filter(|l| **l == "n &lt; 10").count();
        assert_eq!(suppressed, all_suppressed.rows.len());
        assert_eq!(counts(&r.svg), 0);

        let mut odd = example();
        odd.rows = vec![
            row(
                "Ongeldig en negatief",
                Some(&[f64::NAN, -0.2, 0.5]),
                Some(12),
            ),
            row("Som niet 1", Some(&[0.3, 0.3, 0.3]), None),
            row("Alles nul", Some(&[0.0, 0.0, 0.0]), Some(10)),
            row("Te kort", Some(&[0.4]), Some(11)),
            row("Te lang", Some(&[0.1, 0.1, 0.7, 0.1]), Some(11)),
            row("Leeg", Some(&[]), Some(11)),
            row("Alleen probleem", Some(&[1.0, 0.0, 0.0]), Some(11)),
            row("Oneindig", Some(&[f64::INFINITY, 0.5, 0.5]), Some(11)),
            row(
                "Een heel erg lange themanaam die nooit in de kolom past, echt niet",
                Some(&[0.0, 0.0, 1.0]),
                Some(u64::MAX),
            ),
        ];
        let r = render_sound(&odd);
        preview("likert_odd", &r);
        for label in labels(&r.svg) {
            if let Ok(share) = label.parse::<i64>() {
                assert!((0..=100).contains(&share), "{label}");
            }
        }
        assert!(labels(&r.svg).contains(&"n = 12"));

        let mut many = example();
        many.rows = (0..15)
            .map(|i| {
                let p = 0.02 * f64::from(i);
                row(
                    &format!("Thema {}", i + 1),
                    Some(&[p, 0.4, 0.6 - p]),
                    Some(100 + i as u64),
                )
            })
            .collect();
        let r = render_sound(&many);
        preview("likert_fifteen", &r);
        assert_eq!(counts(&r.svg), 15);
        assert!(many.size().1 <= 820, "{:?}", many.size());
    }
}
