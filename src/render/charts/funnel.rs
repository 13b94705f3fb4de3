//! Funnel plot: each unit as a dot at its number of respondents (x) and its value (y),
//! against the target (solid line) and the 95% (dashed) and 99.8% (solid, grey) control
//! limits, which narrow as n grows. Dots are coloured by band (blue better, orange worse,
//! grey as expected); units outside the 95% limits are labelled with their names. The
//! limits are clipped to the plot, so the wide mouth at small n does not stretch the axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    band_mark, clip_polyline, draw_dashed, draw_legend, draw_title, fit, legend_height, text,
    text_width, Axis, Chart, DrawResult, Key, COMMON, GRID, INK, LABEL, MUTED, SMALL, WIDTH,
};
use crate::funnel::Band;
use crate::i18n::Language;

/// The control limits at one n (a point of the drawn curves).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelLimits {
    /// Unit size.
    pub n: f64,
    /// Lower 95% limit.
    pub ll95: f64,
    /// Upper 95% limit.
    pub ul95: f64,
    /// Lower 99.8% limit.
    pub ll998: f64,
    /// Upper 99.8% limit.
    pub ul998: f64,
}

/// One unit.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelPoint {
    /// Name, shown beside the dot when the unit is outside the 95% limits.
    pub label: String,
    /// Number of respondents.
    pub n: f64,
    /// Value (a proportion when [`FunnelPlot::percent`]).
    pub value: f64,
    /// Band; `None` for a unit not banded (a hollow dot).
    pub band: Option<Band>,
}

/// Legend texts.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelLegend {
    /// The target line.
    pub target: String,
    /// The 95% limits.
    pub limits95: String,
    /// The 99.8% limits.
    pub limits998: String,
    /// Band names, much better → much worse (only the bands that occur are shown).
    pub bands: [String; 5],
    /// A unit without a band.
    pub not_banded: String,
}

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelPlot {
    /// Title.
    pub title: String,
    /// Subtitle (theme, period).
    pub subtitle: String,
    /// X axis title.
    pub x_axis: String,
    /// Y axis title, shown above the axis.
    pub y_axis: String,
    /// The target (the overall value), printed at the right of its line.
    pub target: f64,
    /// The limits along n, any order.
    pub curve: Vec<FunnelLimits>,
    /// The units.
    pub units: Vec<FunnelPoint>,
    /// Legend texts.
    pub legend: FunnelLegend,
    /// Shown in the plot when there is nothing to draw.
    pub no_data: String,
    /// Values are proportions, shown as percentages.
    pub percent: bool,
    /// Decimals of the printed target (in % when `percent`).
    pub decimals: usize,
    /// The report language (number format).
    pub lang: Language,
    /// Bounds of the scale, e.g. `Some((0.0, 1.0))` for proportions: the y axis stays
    /// within them (but always shows every unit); `None`: automatic.
    pub y_range: Option<(f64, f64)>,
}

/// Height of the plot area.
const PLOT_H: i32 = 400;
/// At most this many outliers (the most extreme) get their name in the plot.
const MAX_LABELS: usize = 40;
/// Dot radius.
const DOT: f64 = 7.0;
/// Label background: white, slightly see-through, so a label over a limit stays legible.
const HALO: RGBAColor = RGBAColor(255, 255, 255, 0.7);

/// A rectangle in pixels: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// A unit's dot: its centre in pixels, and the unit.
type Dot<'a> = ((f64, f64), &'a FunnelPoint);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether the segments `a` and `b` cross (touching ends do not count).
fn segments_cross(a: ((f64, f64), (f64, f64)), b: ((f64, f64), (f64, f64))) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2) = (side(b.0, b.1, a.0), side(b.0, b.1, a.1));
    let (d3, d4) = (side(a.0, a.1, b.0), side(a.0, a.1, b.1));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The dot colour of a band (as-expected dots in a grey that shows on white).
fn dot_colour(band: Option<Band>) -> RGBColor {
    band.map_or(COMMON, band_mark)
}

/// Whether a unit is outside the 95% limits (and so labelled).
fn outlier(band: Option<Band>) -> bool {
    matches!(
        band,
        Some(Band::MuchBetter | Band::Better | Band::Worse | Band::MuchWorse)
    )
}

/// A placed label: its text, where the text starts (left, vertical centre), its box,
/// and its leader line (from the dot's edge to the label) when it sits away from the dot.
struct Placed {
    text: String,
    at: (i32, i32),
    rect: Rect,
    leader: Option<((f64, f64), (f64, f64))>,
}

impl FunnelPlot {
    fn header(&self) -> i32 {
        if self.subtitle.is_empty() {
            16 + super::TITLE as i32 + 14
        } else {
            16 + super::TITLE as i32 + 10 + LABEL as i32 + 14
        }
    }

    fn y_title_height(&self) -> i32 {
        if self.y_axis.is_empty() {
            14
        } else {
            LABEL as i32 + 24
        }
    }

    fn x_title_height(&self) -> i32 {
        if self.x_axis.is_empty() {
            0
        } else {
            12 + LABEL as i32
        }
    }

    /// The units that can be drawn (finite n ≥ 0 and value).
    fn drawable(&self) -> impl Iterator<Item = &FunnelPoint> + Clone {
        self.units
            .iter()
            .filter(|u| u.n.is_finite() && u.n >= 0.0 && u.value.is_finite())
    }

    /// The curve sorted by n, finite n only.
    fn sorted_curve(&self) -> Vec<FunnelLimits> {
        let mut curve: Vec<FunnelLimits> = self
            .curve
            .iter()
            .copied()
            .filter(|c| c.n.is_finite())
            .collect();
        curve.sort_by(|a, b| a.n.total_cmp(&b.n));
        curve
    }

    fn has_data(&self) -> bool {
        self.drawable().next().is_some() || self.sorted_curve().iter().any(|c| c.n > 0.0)
    }

    /// The x axis: from 0 to a little beyond the largest n (at least 10).
    fn x_axis(&self) -> Axis {
        let largest = self.drawable().map(|u| u.n).fold(f64::NAN, f64::max);
        let largest = if largest.is_finite() && largest > 0.0 {
            largest * 1.05
        } else {
            self.sorted_curve()
                .last()
                .map_or(1.0, |c| c.n)
                .max(f64::MIN_POSITIVE)
        };
        // n counts respondents: at least 0–10, so ticks are whole numbers.
        Axis::nice(0.0, largest.max(10.0), 6, None)
    }

    /// The y axis: the units, the target and the limits from the smallest unit's n on
    /// (not the wide mouth at small n), with a little room, within `y_range` (widened to
    /// every unit).
    fn y_axis(&self, x: &Axis) -> Axis {
        let values: Vec<f64> = self.drawable().map(|u| u.value).collect();
        let smallest = self.drawable().map(|u| u.n).fold(f64::INFINITY, f64::min);
        let from = if smallest.is_finite() {
            smallest
        } else {
            x.hi / 10.0
        };
        let limits = self
            .sorted_curve()
            .into_iter()
            .filter(|c| c.n >= from && c.n <= x.hi)
            .flat_map(|c| [c.ll95, c.ul95, c.ll998, c.ul998]);
        let all: Vec<f64> = values
            .iter()
            .copied()
            .chain(limits)
            .chain([self.target])
            .filter(|v| v.is_finite())
            .collect();
        let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let pad = if hi > lo { (hi - lo) * 0.05 } else { 0.0 };
        let bounds = self.y_range.map(|(a, b)| {
            let vlo = values.iter().copied().fold(a, f64::min);
            let vhi = values.iter().copied().fold(b, f64::max);
            (vlo, vhi)
        });
        Axis::nice(lo - pad, hi + pad, 6, bounds)
    }

    /// A y value as text: a percentage when `percent`.
    fn y_text(&self, v: f64, decimals: usize) -> String {
        if self.percent {
            format!("{}%", self.lang.decimal(v * 100.0, decimals))
        } else {
            self.lang.decimal(v, decimals)
        }
    }

    fn tick_decimals(&self, axis: &Axis) -> usize {
        if self.percent {
            axis.decimals.saturating_sub(2)
        } else {
            axis.decimals
        }
    }

    fn target_text(&self) -> Option<String> {
        self.target
            .is_finite()
            .then(|| self.y_text(self.target, self.decimals))
    }

    /// The legend: target, limits, then the bands that occur.
    fn legend_entries(&self) -> Vec<(Key, String)> {
        let l = &self.legend;
        let mut out = Vec::new();
        if self.target.is_finite() {
            out.push((Key::Line(INK), l.target.clone()));
        }
        let curve = self.sorted_curve();
        if curve
            .iter()
            .any(|c| c.ll95.is_finite() || c.ul95.is_finite())
        {
            out.push((Key::Dashed(MUTED), l.limits95.clone()));
        }
        if curve
            .iter()
            .any(|c| c.ll998.is_finite() || c.ul998.is_finite())
        {
            out.push((Key::Line(MUTED), l.limits998.clone()));
        }
        let bands = [
            Band::MuchBetter,
            Band::Better,
            Band::AsExpected,
            Band::Worse,
            Band::MuchWorse,
        ];
        for (band, label) in bands.into_iter().zip(&l.bands) {
            if self.drawable().any(|u| u.band == Some(band)) {
                out.push((Key::Dot(dot_colour(Some(band))), label.clone()));
            }
        }
        if self.drawable().any(|u| u.band.is_none()) {
            out.push((Key::Ring(COMMON), l.not_banded.clone()));
        }
        out.retain(|(_, s)| !s.is_empty());
        out
    }

    /// Left and right edges of the plot area.
    fn columns(&self, y: &Axis) -> (i32, i32) {
        let decimals = self.tick_decimals(y);
        let widest_tick = y
            .ticks
            .iter()
            .map(|t| text_width(&self.y_text(*t, decimals), SMALL))
            .max()
            .unwrap_or(0) as i32;
        let left = 20 + widest_tick.min(300) + 12;
        let right = match self.target_text() {
            Some(t) if self.target >= y.lo && self.target <= y.hi => {
                WIDTH as i32 - 20 - (text_width(&t, SMALL) as i32).min(300) - 12
            }
            _ => WIDTH as i32 - 30,
        };
        (left, right)
    }

    /// The plot's axes and its place on the image.
    fn frame(&self) -> Frame {
        let xa = self.x_axis();
        let ya = self.y_axis(&xa);
        let (left, right) = self.columns(&ya);
        let top = self.header() + self.y_title_height();
        Frame {
            xa,
            ya,
            rect: (
                f64::from(left),
                f64::from(top),
                f64::from(right),
                f64::from(top + PLOT_H),
            ),
        }
    }

    /// The limit curves in pixels, clipped to the plot: 99.8% (lower, upper), then 95%.
    fn curves(&self, f: &Frame) -> [Vec<Vec<(f64, f64)>>; 4] {
        let curve = self.sorted_curve();
        let clip = |get: fn(&FunnelLimits) -> f64| -> Vec<Vec<(f64, f64)>> {
            let line: Vec<(f64, f64)> = curve.iter().map(|c| (c.n, get(c))).collect();
            clip_polyline(&line, (f.xa.lo, f.xa.hi), (f.ya.lo, f.ya.hi))
                .into_iter()
                .map(|run| run.into_iter().map(|p| f.px(p)).collect())
                .collect()
        };
        [
            clip(|c| c.ll998),
            clip(|c| c.ul998),
            clip(|c| c.ll95),
            clip(|c| c.ul95),
        ]
    }

    /// The drawable units and their dots' centres in pixels.
    fn dots(&self, f: &Frame) -> Vec<Dot<'_>> {
        self.drawable().map(|u| (f.px((u.n, u.value)), u)).collect()
    }

    /// Places the names of the outliers (at most [`MAX_LABELS`]), most extreme first: around
    /// the dot (right, left, diagonally, above, below), else moved up or down with a leader
    /// line; positions clear of the limit lines first. A name never covers another name, a
    /// leader line or a dot; one that fits nowhere is left out.
    fn place_labels(&self, dots: &[Dot<'_>], lines: &[Vec<(f64, f64)>], plot: Rect) -> Vec<Placed> {
        let mut placed: Vec<Placed> = Vec::new();
        for i in self.label_order(dots) {
            let (dot, unit) = dots[i];
            let text = fit(&unit.label, SMALL, 320);
            let label = LabelBox {
                dot,
                w: f64::from(text_width(&text, SMALL)),
                // The glyphs of a SMALL text are about 0.8 × SMALL high.
                h: SMALL * 0.85,
            };
            let (spots, near) = label.spots(plot);
            let scene = Scene {
                placed: &placed,
                dots,
                lines,
                plot,
            };
            let chosen = (0..spots.len())
                .filter_map(|k| scene.cost(&label, i, spots[k], k, near).map(|c| (c, k)))
                .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            if let Some((_, k)) = chosen {
                placed.push(Placed {
                    text,
                    at: (spots[k].0.round() as i32, spots[k].1.round() as i32),
                    rect: label.rect(spots[k]),
                    leader: (k >= near).then(|| label.leader(spots[k])),
                });
            }
        }
        placed
    }

    /// The outliers to name, as indices into `dots`: far outside the limits first, then the
    /// farthest from the target; at most [`MAX_LABELS`].
    fn label_order(&self, dots: &[Dot<'_>]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..dots.len())
            .filter(|i| outlier(dots[*i].1.band))
            .collect();
        let severity = |b: Option<Band>| match b {
            Some(Band::MuchBetter | Band::MuchWorse) => 0,
            _ => 1,
        };
        let distance = |i: usize| (dots[i].1.value - self.target).abs();
        order.sort_by(|a, b| {
            severity(dots[*a].1.band)
                .cmp(&severity(dots[*b].1.band))
                .then(distance(*b).total_cmp(&distance(*a)))
                .then(a.cmp(b))
        });
        // Beyond this many names the plot is unreadable anyway (and placing is slow).
        order.truncate(MAX_LABELS);
        order
    }
}

/// The box around a dot's square in pixels, with a pixel of air.
fn dot_box((x, y): (f64, f64)) -> Rect {
    (x - DOT - 1.0, y - DOT - 1.0, x + DOT + 1.0, y + DOT + 1.0)
}

/// Whether the polyline `line` runs through the rectangle `r`.
fn crosses(line: &[(f64, f64)], r: Rect) -> bool {
    !clip_polyline(line, (r.0, r.2), (r.1, r.3)).is_empty()
}

/// A name to place for the dot at `dot`: its text's width and height in pixels.
struct LabelBox {
    dot: (f64, f64),
    w: f64,
    h: f64,
}

impl LabelBox {
    /// Candidate spots (left edge of the text, vertical centre), best first, and how
    /// many of them sit beside the dot (the rest need a leader line).
    fn spots(&self, plot: Rect) -> (Vec<(f64, f64)>, usize) {
        let ((x, y), w, h) = (self.dot, self.w, self.h);
        let gap = DOT + 6.0;
        let (up, down) = (y - DOT - h / 2.0 - 2.0, y + DOT + h / 2.0 + 2.0);
        // First around the dot...
        let mut spots = vec![
            (x + gap, y),
            (x - gap - w, y),
            (x + DOT * 0.6, up),
            (x + DOT * 0.6, down),
            (x - DOT * 0.6 - w, up),
            (x - DOT * 0.6 - w, down),
            (x - w / 2.0, up),
            (x - w / 2.0, down),
        ];
        let near = spots.len();
        // ...then further away, with a leader line.
        for k in 2..=14 {
            let dy = f64::from(k) * h * 0.6;
            for shift in [0.0, 40.0, 90.0, 160.0] {
                for sign in [-1.0, 1.0] {
                    spots.push((x + gap + 6.0 + shift, y + sign * dy));
                    spots.push((x - gap - 6.0 - shift - w, y + sign * dy));
                }
            }
        }
        // Last resort: anywhere in the plot.
        let (columns, rows) = (
            ((plot.2 - plot.0) / 50.0) as i32,
            ((plot.3 - plot.1) / h) as i32,
        );
        for row in 0..rows.clamp(0, 40) {
            for column in 0..columns.clamp(0, 40) {
                let left = plot.0 + 6.0 + f64::from(column) * 50.0;
                spots.push((left, plot.1 + h * (f64::from(row) + 0.5)));
            }
        }
        (spots, near)
    }

    /// The label's box at `spot`, with a little padding.
    fn rect(&self, (left, cy): (f64, f64)) -> Rect {
        (
            left - 4.0,
            cy - self.h / 2.0,
            left + self.w + 4.0,
            cy + self.h / 2.0,
        )
    }

    /// The leader line from the dot's edge to the nearest point of the box at `spot`.
    fn leader(&self, spot: (f64, f64)) -> ((f64, f64), (f64, f64)) {
        let (x, y) = self.dot;
        let r = self.rect(spot);
        let end = (x.clamp(r.0, r.2), y.clamp(r.1, r.3));
        let (dx, dy) = (end.0 - x, end.1 - y);
        let length = dx.hypot(dy).max(1e-9);
        ((x + dx / length * DOT, y + dy / length * DOT), end)
    }
}

/// What a new name must keep clear of: the names placed so far, the dots, the plot's
/// edges; and what it should avoid: the limit and target lines.
struct Scene<'a> {
    placed: &'a [Placed],
    dots: &'a [Dot<'a>],
    lines: &'a [Vec<(f64, f64)>],
    plot: Rect,
}

impl Scene<'_> {
    /// The cost (lower is better) of the label of dot `i` at `spot`, candidate `k` of
    /// which the first `near` sit beside the dot; `None` when the spot is not allowed.
    fn cost(
        &self,
        label: &LabelBox,
        i: usize,
        spot: (f64, f64),
        k: usize,
        near: usize,
    ) -> Option<f64> {
        let (plot, lines) = (self.plot, self.lines);
        let r = label.rect(spot);
        let inside =
            r.0 >= plot.0 + 2.0 && r.2 <= plot.2 - 2.0 && r.1 >= plot.1 && r.3 <= plot.3 - 2.0;
        let free = !self
            .placed
            .iter()
            .any(|p| overlaps(p.rect, r) || p.leader.is_some_and(|(a, b)| crosses(&[a, b], r)))
            && !self.dots.iter().any(|(d, _)| overlaps(dot_box(*d), r));
        if !(inside && free) {
            return None;
        }
        let base = if k < near {
            2.0 * k as f64
        } else {
            let (a, b) = label.leader(spot);
            let blocked = self.placed.iter().any(|p| {
                crosses(&[a, b], p.rect)
                    || p.leader
                        .is_some_and(|(c, d)| segments_cross((a, b), (c, d)))
            }) || self
                .dots
                .iter()
                .enumerate()
                .any(|(j, (d, _))| j != i && crosses(&[a, b], dot_box(*d)));
            if blocked {
                return None;
            }
            let over_lines = lines
                .iter()
                .any(|l| l.windows(2).any(|s| segments_cross((a, b), (s[0], s[1]))));
            20.0 + 1.5 * (b.0 - a.0).hypot(b.1 - a.1) + if over_lines { 30.0 } else { 0.0 }
        };
        // with some air: a line grazing the glyphs reads as underlining them
        let air = (r.0 - 2.0, r.1 - 5.0, r.2 + 2.0, r.3 + 5.0);
        let on_lines = lines.iter().any(|l| crosses(l, air));
        // a name over a limit or the target line reads as part of it: only when no
        // spot clear of the lines is left
        Some(base + if on_lines { 200.0 } else { 0.0 })
    }
}

/// The axes and the plot rectangle in pixels.
struct Frame {
    xa: Axis,
    ya: Axis,
    rect: Rect,
}

impl Frame {
    /// The x pixel of `n`.
    fn x(&self, n: f64) -> f64 {
        self.px((n, self.ya.lo)).0
    }

    /// The y pixel of value `v`.
    fn y(&self, v: f64) -> f64 {
        self.px((self.xa.lo, v)).1
    }

    /// Left, top, right and bottom of the plot in whole pixels.
    fn edges(&self) -> (i32, i32, i32, i32) {
        let (l, t, r, b) = self.rect;
        (l as i32, t as i32, r as i32, b as i32)
    }

    /// A data point in pixels.
    fn px(&self, (n, v): (f64, f64)) -> (f64, f64) {
        let (l, t, r, b) = self.rect;
        (
            l + (n - self.xa.lo) / (self.xa.hi - self.xa.lo) * (r - l),
            b - (v - self.ya.lo) / (self.ya.hi - self.ya.lo) * (b - t),
        )
    }
}

impl Chart for FunnelPlot {
    fn size(&self) -> (u32, u32) {
        let top = self.header() + self.y_title_height();
        let below = 10 + SMALL as i32 + self.x_title_height() + 20;
        let legend = legend_height(WIDTH, 20, &self.legend_entries());
        (WIDTH, (top + PLOT_H + below + legend + 10) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let head = draw_title(root, &self.title, &self.subtitle)?;
        if !self.y_axis.is_empty() {
            root.draw(&Text::new(
                fit(&self.y_axis, LABEL, WIDTH - 40),
                (20, head + 2),
                text(LABEL, &INK, HPos::Left, VPos::Top),
            ))?;
        }
        let frame = self.frame();
        self.draw_grid(root, &frame)?;
        let curves = self.curves(&frame);
        self.draw_limits(root, &frame, &curves)?;
        let (left, top, right, bottom) = frame.edges();
        root.draw(&PathElement::new(vec![(left, top), (left, bottom)], MUTED))?;
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            MUTED,
        ))?;
        let dots = self.draw_dots(root, &frame)?;
        let mut lines: Vec<Vec<(f64, f64)>> = curves.into_iter().flatten().collect();
        if self.target.is_finite() {
            let ty = frame.y(self.target);
            lines.push(vec![(frame.rect.0, ty), (frame.rect.2, ty)]);
        }
        draw_names(root, self.place_labels(&dots, &lines, frame.rect))?;

        let mut y_next = bottom + 12 + SMALL as i32;
        if !self.x_axis.is_empty() {
            root.draw(&Text::new(
                fit(&self.x_axis, LABEL, WIDTH - 40),
                ((left + right) / 2, y_next + 12),
                text(LABEL, &INK, HPos::Center, VPos::Top),
            ))?;
        }
        y_next += self.x_title_height();
        if !self.has_data() {
            self.draw_no_data(root, &frame)?;
        }
        let legend = self.legend_entries();
        if !legend.is_empty() {
            draw_legend(root, (20, y_next + 20 + SMALL as i32 * 4 / 5), &legend)?;
        }
        Ok(())
    }
}

impl FunnelPlot {
    /// Grid lines with y and x tick labels (every other x label when they do not fit).
    fn draw_grid<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
    ) -> DrawResult<DB> {
        let (xa, ya) = (&frame.xa, &frame.ya);
        let (left, top, right, bottom) = frame.edges();
        let y_decimals = self.tick_decimals(ya);
        for tick in &ya.ticks {
            let ty = frame.y(*tick).round() as i32;
            root.draw(&PathElement::new(vec![(left, ty), (right, ty)], GRID))?;
            root.draw(&Text::new(
                self.y_text(*tick, y_decimals),
                (left - 10, ty),
                text(SMALL, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        let x_labels: Vec<(i32, String)> = xa
            .ticks
            .iter()
            .map(|v| {
                (
                    frame.x(*v).round() as i32,
                    self.lang.decimal(*v, xa.decimals),
                )
            })
            .collect();
        let widest = x_labels
            .iter()
            .map(|(_, s)| text_width(s, SMALL))
            .max()
            .unwrap_or(0) as f64;
        let spacing = (frame.rect.2 - frame.rect.0) / x_labels.len().max(1) as f64;
        let every = if widest + 16.0 <= spacing { 1 } else { 2 };
        for (k, (tx, label)) in x_labels.into_iter().enumerate() {
            root.draw(&PathElement::new(vec![(tx, top), (tx, bottom)], GRID))?;
            root.draw(&PathElement::new(
                vec![(tx, bottom), (tx, bottom + 6)],
                MUTED,
            ))?;
            if k % every == 0 {
                root.draw(&Text::new(
                    label,
                    (tx, bottom + 12),
                    text(SMALL, &INK, HPos::Center, VPos::Top),
                ))?;
            }
        }
        Ok(())
    }

    /// The limit curves (99.8% solid, 95% dashed) and the target line with its value.
    fn draw_limits<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        curves: &[Vec<Vec<(f64, f64)>>; 4],
    ) -> DrawResult<DB> {
        for run in curves[..2].iter().flatten() {
            let pts: Vec<(i32, i32)> = run
                .iter()
                .map(|(a, c)| (a.round() as i32, c.round() as i32))
                .collect();
            root.draw(&PathElement::new(pts, MUTED.stroke_width(2)))?;
        }
        for run in curves[2..].iter().flatten() {
            draw_dashed(root, run, MUTED.stroke_width(2), (9.0, 6.0))?;
        }
        let ya = &frame.ya;
        if self.target.is_finite() && self.target >= ya.lo && self.target <= ya.hi {
            let (left, _, right, _) = frame.edges();
            let ty = frame.y(self.target).round() as i32;
            root.draw(&PathElement::new(
                vec![(left, ty), (right, ty)],
                INK.stroke_width(2),
            ))?;
            if let Some(label) = self.target_text() {
                root.draw(&Text::new(
                    label,
                    (right + 12, ty),
                    text(SMALL, &INK, HPos::Left, VPos::Center),
                ))?;
            }
        }
        Ok(())
    }

    /// The dots: as expected first, outliers on top, each in input order. Returns them
    /// in drawing order.
    fn draw_dots<'a, DB: DrawingBackend>(
        &'a self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
    ) -> Result<Vec<Dot<'a>>, DrawingAreaErrorKind<DB::ErrorType>> {
        let mut dots = self.dots(frame);
        dots.sort_by_key(|(_, u)| outlier(u.band));
        for ((cx, cy), u) in &dots {
            let c = (cx.round() as i32, cy.round() as i32);
            root.draw(&Circle::new(c, DOT + 1.5, WHITE.filled()))?;
            match u.band {
                None => root.draw(&Circle::new(c, DOT - 1.0, COMMON.stroke_width(2)))?,
                Some(band) => {
                    root.draw(&Circle::new(c, DOT, dot_colour(Some(band)).filled()))?;
                    if outlier(Some(band)) {
                        root.draw(&Circle::new(c, DOT, INK.stroke_width(1)))?;
                    }
                }
            }
        }
        Ok(dots)
    }

    /// The no-data message in a white box in the middle of the plot.
    fn draw_no_data<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
    ) -> DrawResult<DB> {
        let (left, top, right, bottom) = frame.edges();
        let message = fit(&self.no_data, LABEL, (right - left).max(60) as u32 - 40);
        let half = text_width(&message, LABEL) as i32 / 2 + 14;
        let (cx, cy) = ((left + right) / 2, (top + bottom) / 2);
        root.draw(&Rectangle::new(
            [(cx - half, cy - 24), (cx + half, cy + 24)],
            WHITE.filled(),
        ))?;
        root.draw(&Text::new(
            message,
            (cx, cy),
            text(LABEL, &MUTED, HPos::Center, VPos::Center),
        ))?;
        Ok(())
    }
}

/// The outliers' names: leader line, a light halo, the text.
fn draw_names<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    names: Vec<Placed>,
) -> DrawResult<DB> {
    for p in names {
        if let Some(((ax, ay), (bx, by))) = p.leader {
            root.draw(&PathElement::new(
                vec![
                    (ax.round() as i32, ay.round() as i32),
                    (bx.round() as i32, by.round() as i32),
                ],
                MUTED,
            ))?;
        }
        let (x0, y0, x1, y1) = p.rect;
        root.draw(&Rectangle::new(
            [
                (x0.round() as i32, y0.round() as i32),
                (x1.round() as i32, y1.round() as i32),
            ],
            HALO.filled(),
        ))?;
        root.draw(&Text::new(
            p.text,
            p.at,
            text(SMALL, &INK, HPos::Left, VPos::Center),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::super::testing::{dark_pixels, labels, preview, render_sound};
    use super::*;

    fn legend() -> FunnelLegend {
        FunnelLegend {
            target: "regiogemiddelde".into(),
            limits95: "95%-grenzen".into(),
            limits998: "99,8%-grenzen".into(),
            bands: [
                "veel beter".into(),
                "beter".into(),
                "zoals verwacht".into(),
                "slechter".into(),
                "veel slechter".into(),
            ],
            not_banded: "niet beoordeeld".into(),
        }
    }

    /// Normal-approximation limits around `target` with spread `sd / √n`.
    fn curve(target: f64, sd: impl Fn(f64) -> f64, to: f64) -> Vec<FunnelLimits> {
        (1..=120)
            .map(|k| {
                let n = to * (f64::from(k) / 120.0).powi(2);
                let se = sd(target) / n.sqrt();
                FunnelLimits {
                    n,
                    ll95: target - 1.959964 * se,
                    ul95: target + 1.959964 * se,
                    ll998: target - 3.090232 * se,
                    ul998: target + 3.090232 * se,
                }
            })
            .collect()
    }

    fn unit(label: &str, n: f64, value: f64, band: Option<Band>) -> FunnelPoint {
        FunnelPoint {
            label: label.into(),
            n,
            value,
            band,
        }
    }

    /// 10 VSVs, one much worse and one better.
    pub(crate) fn example() -> FunnelPlot {
        use Band::*;
        let units = vec![
            unit("VSV Zaanstreek", 152.0, 8.02, Some(AsExpected)),
            unit("VSV Amsterdam-Noord", 420.0, 7.62, Some(MuchWorse)),
            unit("VSV Haarlem", 310.0, 8.27, Some(Better)),
            unit("VSV Alkmaar", 265.0, 8.15, Some(AsExpected)),
            unit("VSV Den Helder", 64.0, 7.85, Some(AsExpected)),
            unit("VSV Hoorn", 198.0, 8.21, Some(AsExpected)),
            unit("VSV Purmerend", 121.0, 7.96, Some(AsExpected)),
            unit("VSV Amstelland", 540.0, 8.12, Some(AsExpected)),
            unit("VSV Amsterdam-Zuid", 688.0, 8.07, Some(AsExpected)),
            unit("VSV Kennemerland", 95.0, 8.30, Some(AsExpected)),
        ];
        FunnelPlot {
            title: "Informatievoorziening — VSV's vergeleken".into(),
            subtitle: "2026-K3 · gestandaardiseerd gemiddelde per VSV".into(),
            x_axis: "Aantal respondenten".into(),
            y_axis: "Gestandaardiseerde score (0–10)".into(),
            target: 8.1,
            curve: curve(8.1, |_| 1.2, 800.0),
            units,
            legend: legend(),
            no_data: "Geen gegevens".into(),
            percent: false,
            decimals: 1,
            lang: Language::Nl,
            y_range: Some((0.0, 10.0)),
        }
    }

    /// 40 providers, a proportion shown as %, n up to 3000, several outliers.
    fn percent() -> FunnelPlot {
        let target = 0.62;
        let sd = |p: f64| (p * (1.0 - p)).sqrt();
        let units = (0..40)
            .map(|i| {
                let n = 60.0 + f64::from((i * 733) % 2900);
                let se = sd(target) / n.sqrt();
                let z = [0.3, -1.1, 0.8, 1.5, -0.4, 2.4, -2.6, 0.1, -3.8, 1.9][i as usize % 10]
                    + if i == 13 { 3.0 } else { 0.0 };
                let band = if i == 22 {
                    None
                } else if z > 3.090232 {
                    Some(Band::MuchBetter)
                } else if z > 1.959964 {
                    Some(Band::Better)
                } else if z < -3.090232 {
                    Some(Band::MuchWorse)
                } else if z < -1.959964 {
                    Some(Band::Worse)
                } else {
                    Some(Band::AsExpected)
                };
                unit(
                    &format!("Zorgaanbieder {:02}", i + 1),
                    n,
                    target + z * se,
                    band,
                )
            })
            .collect();
        FunnelPlot {
            title: "Aanbevelingspercentage per zorgaanbieder".into(),
            subtitle: "2025 · 40 zorgaanbieders".into(),
            x_axis: "Aantal respondenten".into(),
            y_axis: "Aanbevelers (%)".into(),
            target,
            curve: curve(target, sd, 3200.0),
            units,
            legend: FunnelLegend {
                target: "gemiddelde alle aanbieders".into(),
                ..legend()
            },
            no_data: "Geen gegevens".into(),
            percent: true,
            decimals: 1,
            lang: Language::Nl,
            y_range: Some((0.0, 1.0)),
        }
    }

    #[test]
    fn svg_snapshot() {
        let r = render(&example()).unwrap();
        preview("funnel", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn svg_snapshot_percent() {
        let r = render(&percent()).unwrap();
        preview("funnel_percent", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        let a = render(&example()).unwrap();
        let b = render(&example()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn the_size_fits_an_a4_page() {
        for chart in [example(), percent()] {
            let (w, h) = chart.size();
            assert_eq!(w, WIDTH);
            assert!(h <= 750, "{h}");
        }
    }

    #[test]
    fn the_png_has_title_limits_and_outlier_names() {
        let chart = example();
        let r = render(&chart).unwrap();
        let (w, h) = chart.size();
        assert!(dark_pixels(&r.png, (0, 0), (w, 50)) > 500);
        let (x0, y0, x1, _) = chart.frame().rect;
        let (left, right, top) = (x0 as u32, x1 as u32, y0 as u32);
        // Lines and dots in the plot; the target value at the right.
        assert!(dark_pixels(&r.png, (left + 2, top), (right, top + PLOT_H as u32)) > 2000);
        assert!(dark_pixels(&r.png, (right + 8, top), (w, top + PLOT_H as u32)) > 50);
        assert!(r.svg.lines().any(|l| l == "8,1"));
        // Both outliers are named, no unit as expected is.
        assert!(r.svg.contains("VSV Amsterdam-Noord"));
        assert!(r.svg.contains("VSV Haarlem"));
        assert!(!r.svg.contains("VSV Zaanstreek"));
        // The legend.
        assert!(dark_pixels(&r.png, (0, h - 50), (w, h)) > 500);
    }

    #[test]
    fn the_mouth_of_the_funnel_does_not_stretch_the_axis() {
        let chart = example();
        let xa = chart.x_axis();
        let ya = chart.y_axis(&xa);
        assert!(ya.lo >= 6.5 && ya.hi <= 9.5, "{ya:?}");
        assert_eq!(xa.lo, 0.0);
        assert!(xa.hi >= 688.0 && xa.hi <= 800.0, "{xa:?}");
    }

    #[test]
    fn labels_overlap_neither_each_other_nor_dots() {
        for chart in [example(), percent()] {
            let frame = chart.frame();
            let dots = chart.dots(&frame);
            let lines: Vec<Vec<(f64, f64)>> = chart.curves(&frame).into_iter().flatten().collect();
            let placed = chart.place_labels(&dots, &lines, frame.rect);
            let outliers = dots.iter().filter(|(_, u)| outlier(u.band)).count();
            assert_eq!(placed.len(), outliers);
            for (i, p) in placed.iter().enumerate() {
                for q in &placed[i + 1..] {
                    assert!(!overlaps(p.rect, q.rect));
                }
                for ((x, y), _) in &dots {
                    assert!(!overlaps(p.rect, (x - DOT, y - DOT, x + DOT, y + DOT)));
                }
            }
        }
    }

    /// Issue 10: a name next to a dot that sits on the 95% line (the sample's VSV Den
    /// Helder) is placed clear of every limit line and of the target line.
    #[test]
    fn labels_stay_off_the_lines() {
        let mut chart = example();
        // On the upper 95% limit at its n, as in the sample's funnel of a theme.
        let on_line = 1.96 * 1.2 / 310f64.sqrt() + 8.1;
        chart.units[2].value = on_line;
        chart.units[9] = unit(
            "VSV Kennemerland",
            95.0,
            1.96 * 1.2 / 95f64.sqrt() + 8.1,
            Some(Band::Better),
        );
        // (the crowded 40-unit example may still need a line: a name is never dropped
        // for that)
        for chart in [chart, example()] {
            let frame = chart.frame();
            let dots = chart.dots(&frame);
            let mut lines: Vec<Vec<(f64, f64)>> =
                chart.curves(&frame).into_iter().flatten().collect();
            let (l, _, r, _) = frame.rect;
            let ty = frame.px((frame.xa.lo, chart.target)).1;
            lines.push(vec![(l, ty), (r, ty)]);
            let placed = chart.place_labels(&dots, &lines, frame.rect);
            assert!(!placed.is_empty());
            for p in &placed {
                let (x0, y0, x1, y1) = p.rect;
                for line in &lines {
                    assert!(
                        clip_polyline(line, (x0, x1), (y0, y1)).is_empty(),
                        "{} sits on a line",
                        p.text
                    );
                }
            }
        }
    }

    #[test]
    /// Odd input still gives a sound chart (see `render_sound`): a target or limit that is
    /// not a number is left out, the rest drawn.
    fn edge_cases_give_sound_charts() {
        let empty = FunnelPlot {
            units: vec![],
            curve: vec![],
            ..example()
        };
        let r = render_sound(&empty);
        preview("funnel_empty", &r);
        assert!(r.svg.contains("Geen gegevens"));

        let one = FunnelPlot {
            units: vec![unit("VSV Alleen", 120.0, 7.0, Some(Band::MuchWorse))],
            ..example()
        };
        let r = render_sound(&one);
        preview("funnel_one", &r);
        assert!(r.svg.contains("VSV Alleen"));

        let mut nan = example();
        nan.units[0].value = f64::NAN;
        nan.units[1].n = f64::INFINITY;
        nan.units[2].n = -5.0;
        nan.curve[3].ul95 = f64::NAN;
        nan.curve[0].n = f64::NAN;
        nan.target = f64::NAN;
        let r = render_sound(&nan);
        preview("funnel_nan", &r);
        let nan_labels = labels(&r.svg);
        assert!(!nan_labels.contains(&"regiogemiddelde") && !nan_labels.contains(&"8,1"));
        assert!(nan_labels.contains(&"95%-grenzen"));

        let no_curve = FunnelPlot {
            curve: vec![],
            ..example()
        };
        let r = render_sound(&no_curve);
        preview("funnel_no_curve", &r);
        assert!(!labels(&r.svg).contains(&"95%-grenzen"));
        assert!(labels(&r.svg).contains(&"VSV Amsterdam-Noord"));

        let equal = FunnelPlot {
            units: (0..5)
                .map(|i| unit(&format!("U{i}"), 100.0, 5.0, Some(Band::AsExpected)))
                .collect(),
            curve: vec![],
            target: 5.0,
            y_range: None,
            ..example()
        };
        let r = render_sound(&equal);
        assert!(labels(&r.svg).contains(&"5,0"));

        let zero_n = FunnelPlot {
            units: vec![unit("Nul", 0.0, 0.5, None)],
            curve: vec![],
            ..percent()
        };
        let r = render_sound(&zero_n);
        assert!(labels(&r.svg).contains(&"niet beoordeeld"));

        let huge = FunnelPlot {
            units: (0..500)
                .map(|i| {
                    let band = if i % 3 == 0 {
                        Some(Band::MuchWorse)
                    } else {
                        None
                    };
                    unit(
                        &format!("Aanbieder {i}"),
                        1e6 + f64::from(i) * 1e4,
                        0.5,
                        band,
                    )
                })
                .collect(),
            ..percent()
        };
        let r = render_sound(&huge);
        preview("funnel_huge", &r);

        let wild = FunnelPlot {
            units: vec![
                unit("a", f64::MAX, 1e300, Some(Band::Better)),
                unit("b", 1.0, -1e300, Some(Band::Worse)),
            ],
            y_range: Some((1.0, 1.0)),
            ..example()
        };
        render_sound(&wild);
    }
}
