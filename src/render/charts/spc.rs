//! SPC chart (XmR, NHS "Making Data Count" style): the values over time as a grey line
//! with dots coloured by what the SPC rules found (improvement blue, concern orange,
//! common cause grey, special cause without a direction purple; dark with a note when the
//! series is too short for limits and a classification), the process mean as a
//! solid line and the process limits as dashed lines. Each segment (after a rebase) has
//! its own mean and limits, so the lines break between segments. The latest value and
//! the current mean and limits are printed at the right; a missing value leaves a gap and
//! a shaded column.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    bold, clip_polyline, draw_dashed, draw_legend, draw_title, fit, legend_height, text,
    text_width, Axis, Chart, DrawResult, Key, COMMON, CONCERN, GRID, IMPROVEMENT, INK, LABEL,
    MUTED, NEUTRAL, SMALL, WIDTH,
};
use crate::i18n::Language;

/// What the SPC rules found for one point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKind {
    /// Common cause variation (grey).
    Common,
    /// Special cause, improvement (blue).
    Improvement,
    /// Special cause, concern (orange).
    Concern,
    /// Special cause without a better or worse direction (purple).
    Neutral,
    /// Not classified: too few points for limits (dark, with the legend's note).
    Unclassified,
}

/// One point in time.
#[derive(Debug, Clone, PartialEq)]
pub struct SpcPlotPoint {
    /// X label, e.g. "2025-K4" or a date.
    pub label: String,
    /// The value; `None` when missing or suppressed (a gap in the line).
    pub value: Option<f64>,
    /// Mean of the point's segment.
    pub mean: Option<f64>,
    /// Lower process limit of the point's segment.
    pub lpl: Option<f64>,
    /// Upper process limit of the point's segment.
    pub upl: Option<f64>,
    /// The colour of the dot.
    pub kind: PointKind,
    /// Segment number: the mean and limit lines break where it changes (a rebase).
    pub segment: usize,
}

/// Legend texts.
#[derive(Debug, Clone, PartialEq)]
pub struct SpcLegend {
    /// The line through the values, e.g. "kwartaalgemiddelde".
    pub value: String,
    /// The mean line.
    pub mean: String,
    /// The process limits.
    pub limits: String,
    /// Special cause, improvement.
    pub improvement: String,
    /// Special cause, concern.
    pub concern: String,
    /// Common cause variation.
    pub common: String,
    /// Special cause without a direction.
    pub neutral: String,
    /// A point without a value, e.g. "geen waarde (n < 10)"; empty: no legend entry.
    pub missing: String,
    /// Unclassified points, e.g. "te weinig punten voor grenzen (8 van de 12)".
    pub too_few: String,
}

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct SpcPlot {
    /// Title.
    pub title: String,
    /// Subtitle (unit, theme, period).
    pub subtitle: String,
    /// Y axis title, shown above the axis.
    pub y_axis: String,
    /// X axis title.
    pub x_axis: String,
    /// The points, oldest first.
    pub points: Vec<SpcPlotPoint>,
    /// Legend texts (only the kinds that occur are shown).
    pub legend: SpcLegend,
    /// Shown in the plot when no point has a value.
    pub no_data: String,
    /// Decimals of the printed values.
    pub decimals: usize,
    /// The report language (number format).
    pub lang: Language,
    /// Bounds of the scale, e.g. `Some((0.0, 10.0))`: the axis stays within them (but
    /// always shows every value); `None`: automatic.
    pub y_range: Option<(f64, f64)>,
}

/// Height of the plot area.
const PLOT_H: i32 = 360;
/// Value line (lighter than the common-cause dots, so the dots stand out).
const LINE: RGBColor = RGBColor(170, 170, 170);
/// Column behind a point without a value.
const MISSING: RGBColor = RGBColor(236, 236, 236);

/// A finite number or nothing.
fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite())
}

/// The dot colour of a kind.
fn colour(kind: PointKind) -> RGBColor {
    match kind {
        PointKind::Common => COMMON,
        PointKind::Improvement => IMPROVEMENT,
        PointKind::Concern => CONCERN,
        PointKind::Neutral => NEUTRAL,
        PointKind::Unclassified => INK,
    }
}

/// Centres for labels of `height` px wanted at `wanted` (any order), moved apart as
/// little as possible so none overlap, kept within `lo..=hi` where room allows.
fn spread(wanted: &[f64], height: f64, (lo, hi): (f64, f64)) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|a, b| wanted[*a].total_cmp(&wanted[*b]).then(a.cmp(b)));
    let mut at: Vec<f64> = order.iter().map(|i| wanted[*i].clamp(lo, hi)).collect();
    for k in 1..at.len() {
        at[k] = at[k].max(at[k - 1] + height);
    }
    for k in (0..at.len()).rev() {
        let ceiling = at.get(k + 1).map_or(hi, |next| next - height);
        at[k] = at[k].min(ceiling);
    }
    let mut out = vec![0.0; wanted.len()];
    for (k, i) in order.iter().enumerate() {
        out[*i] = at[k];
    }
    out
}

/// Reads one of a point's values.
type Field = fn(&SpcPlotPoint) -> Option<f64>;

/// One label at the right of the plot.
struct Side {
    value: f64,
    text: String,
    strong: bool,
    muted: bool,
}

impl SpcPlot {
    fn header(&self) -> i32 {
        if self.subtitle.is_empty() {
            16 + super::TITLE as i32 + 14
        } else {
            16 + super::TITLE as i32 + 10 + LABEL as i32 + 14
        }
    }

    fn has_values(&self) -> bool {
        self.points.iter().any(|p| finite(p.value).is_some())
    }

    /// The legend: the value line, the kinds that occur, mean, limits, missing.
    fn legend_entries(&self) -> Vec<(Key, String)> {
        let l = &self.legend;
        let mut out = Vec::new();
        let valued = || self.points.iter().filter(|p| finite(p.value).is_some());
        if self.has_values() {
            out.push((Key::Line(LINE), l.value.clone()));
        }
        if self.points.iter().any(|p| finite(p.mean).is_some()) {
            out.push((Key::Line(INK), l.mean.clone()));
        }
        if self
            .points
            .iter()
            .any(|p| finite(p.lpl).is_some() || finite(p.upl).is_some())
        {
            out.push((Key::Dashed(MUTED), l.limits.clone()));
        }
        for (kind, label) in [
            (PointKind::Common, &l.common),
            (PointKind::Improvement, &l.improvement),
            (PointKind::Concern, &l.concern),
            (PointKind::Neutral, &l.neutral),
            (PointKind::Unclassified, &l.too_few),
        ] {
            if valued().any(|p| p.kind == kind) {
                out.push((Key::Dot(colour(kind)), label.clone()));
            }
        }
        if self.has_values()
            && !l.missing.is_empty()
            && self.points.iter().any(|p| finite(p.value).is_none())
        {
            out.push((Key::Square(MISSING), l.missing.clone()));
        }
        out.retain(|(_, s)| !s.is_empty());
        out
    }

    /// The y axis: values and limits with a little room, within `y_range` (widened to
    /// every value).
    fn y_axis(&self) -> Axis {
        let values: Vec<f64> = self.points.iter().filter_map(|p| finite(p.value)).collect();
        let all: Vec<f64> = self
            .points
            .iter()
            .flat_map(|p| [p.value, p.mean, p.lpl, p.upl])
            .filter_map(finite)
            .collect();
        let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let pad = if hi > lo { (hi - lo) * 0.06 } else { 0.0 };
        let bounds = self.y_range.map(|(a, b)| {
            let vlo = values.iter().copied().fold(a, f64::min);
            let vhi = values.iter().copied().fold(b, f64::max);
            (vlo, vhi)
        });
        Axis::nice(lo - pad, hi + pad, 5, bounds)
    }

    /// The labels at the right: the last value (when the last point has one) and the
    /// last segment's mean and limits, all within the axis.
    fn side_labels(&self, axis: &Axis) -> Vec<Side> {
        let mut out = Vec::new();
        let inside = |v: f64| v >= axis.lo && v <= axis.hi;
        let n = |v: f64| self.lang.decimal(v, self.decimals);
        if let Some(last) = self.points.last() {
            if let Some(v) = finite(last.value).filter(|v| inside(*v)) {
                out.push(Side {
                    value: v,
                    text: n(v),
                    strong: true,
                    muted: false,
                });
            }
        }
        let last_segment = self.points.last().map(|p| p.segment);
        let current = self
            .points
            .iter()
            .rev()
            .take_while(|p| Some(p.segment) == last_segment);
        let latest =
            |f: fn(&SpcPlotPoint) -> Option<f64>| current.clone().find_map(|p| finite(f(p)));
        if let Some(v) = latest(|p| p.mean).filter(|v| inside(*v)) {
            out.push(Side {
                value: v,
                text: n(v),
                strong: false,
                muted: false,
            });
        }
        for f in [|p: &SpcPlotPoint| p.upl, |p: &SpcPlotPoint| p.lpl] {
            if let Some(v) = latest(f).filter(|v| inside(*v)) {
                out.push(Side {
                    value: v,
                    text: n(v),
                    strong: false,
                    muted: true,
                });
            }
        }
        out
    }

    /// Left and right edges of the plot area.
    fn columns(&self, axis: &Axis) -> (i32, i32) {
        let widest_tick = axis
            .ticks
            .iter()
            .map(|t| text_width(&self.lang.decimal(*t, axis.decimals), SMALL))
            .max()
            .unwrap_or(0) as i32;
        let left = 20 + widest_tick.min(300) + 12;
        let widest_side = self
            .side_labels(axis)
            .iter()
            .map(|s| text_width(&s.text, SMALL) as i32 + if s.strong { 4 } else { 0 })
            .max();
        let right = match widest_side {
            Some(w) => WIDTH as i32 - 20 - w.min(300) - 12,
            None => WIDTH as i32 - 30,
        };
        (left, right)
    }

    /// Indices of the points that get an x label: all when they fit, else every k-th
    /// counting back from the last.
    fn labelled(&self, slot: f64) -> Vec<usize> {
        let n = self.points.len();
        let widest = self
            .points
            .iter()
            .map(|p| text_width(&fit(&p.label, SMALL, 260), SMALL))
            .max()
            .unwrap_or(0) as f64;
        let need = (widest + 18.0) / slot.max(1e-9);
        let k = if need <= 1.0 {
            1
        } else {
            [2usize, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50]
                .into_iter()
                .find(|k| *k as f64 >= need)
                .unwrap_or_else(|| need.ceil().min(n as f64) as usize)
        };
        (0..n).filter(|i| (n - 1 - i) % k.max(1) == 0).collect()
    }
}

impl Chart for SpcPlot {
    fn size(&self) -> (u32, u32) {
        let top = self.header() + self.y_title_height();
        let below = 10 + SMALL as i32 + self.x_title_height() + 20;
        let legend = legend_height(WIDTH, 20, &self.legend_entries());
        (WIDTH, (top + PLOT_H + below + legend + 10) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let head = draw_title(root, &self.title, &self.subtitle)?;
        let axis = self.y_axis();
        let (left, right) = self.columns(&axis);
        if !self.y_axis.is_empty() {
            root.draw(&Text::new(
                fit(&self.y_axis, LABEL, WIDTH - 40),
                (20, head + 2),
                text(LABEL, &INK, HPos::Left, VPos::Top),
            ))?;
        }
        let top = head + self.y_title_height();
        let n = self.points.len();
        let frame = Frame {
            left,
            right,
            top,
            bottom: top + PLOT_H,
            slot: f64::from(right - left) / n.max(1) as f64,
            lo: axis.lo,
            hi: axis.hi,
        };
        if self.has_values() {
            self.draw_missing(root, &frame)?;
        }
        self.draw_grid(root, &frame, &axis)?;
        self.draw_limits(root, &frame)?;
        self.draw_values(root, &frame)?;
        let y_next = self.draw_x_axis(root, &frame)?;
        self.draw_side_labels(root, &frame, &axis)?;
        if !self.has_values() {
            self.draw_no_data(root, &frame)?;
        }
        let legend = self.legend_entries();
        if !legend.is_empty() {
            draw_legend(root, (20, y_next + 20 + SMALL as i32 * 4 / 5), &legend)?;
        }
        Ok(())
    }
}

/// The plot area in pixels and the value range it shows.
struct Frame {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    /// Width of one point's column.
    slot: f64,
    lo: f64,
    hi: f64,
}

impl Frame {
    /// The x pixel of point `i` (fractional: between points).
    fn x(&self, i: f64) -> f64 {
        f64::from(self.left) + (i + 0.5) * self.slot
    }

    /// The y pixel of value `v`.
    fn y(&self, v: f64) -> f64 {
        let span = self.hi - self.lo;
        f64::from(self.bottom) - (v - self.lo) / span * f64::from(PLOT_H)
    }

    /// The pixel of (point, value), rounded.
    fn px(&self, (a, b): (f64, f64)) -> (i32, i32) {
        (self.x(a).round() as i32, self.y(b).round() as i32)
    }
}

impl SpcPlot {
    /// Grey columns behind missing values (one block per run of them).
    fn draw_missing<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
    ) -> DrawResult<DB> {
        let n = self.points.len();
        let mut i = 0;
        while i < n {
            if finite(self.points[i].value).is_some() {
                i += 1;
                continue;
            }
            let end = (i..n)
                .find(|j| finite(self.points[*j].value).is_some())
                .unwrap_or(n);
            let (x0, x1) = (f.x(i as f64 - 0.5), f.x(end as f64 - 0.5));
            root.draw(&Rectangle::new(
                [
                    (x0.round() as i32 + 1, f.top),
                    (x1.round() as i32 - 1, f.bottom),
                ],
                MISSING.filled(),
            ))?;
            i = end;
        }
        Ok(())
    }

    /// Grid lines and y tick labels.
    fn draw_grid<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
        axis: &Axis,
    ) -> DrawResult<DB> {
        for t in &axis.ticks {
            let ty = f.y(*t).round() as i32;
            root.draw(&PathElement::new(vec![(f.left, ty), (f.right, ty)], GRID))?;
            root.draw(&Text::new(
                self.lang.decimal(*t, axis.decimals),
                (f.left - 10, ty),
                text(SMALL, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        Ok(())
    }

    /// Mean and limits, per segment; a lone point gets a short stub.
    fn draw_limits<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
    ) -> DrawResult<DB> {
        let n = self.points.len();
        let x_range = (-0.5, n as f64 - 0.5);
        let y_range = (f.lo, f.hi);
        let mut start = 0;
        while start < n {
            let segment = self.points[start].segment;
            let end = (start..n)
                .find(|i| self.points[*i].segment != segment)
                .unwrap_or(n);
            let lines: [(Field, bool); 3] =
                [(|p| p.lpl, true), (|p| p.upl, true), (|p| p.mean, false)];
            for (get, dashed) in lines {
                let mut pieces: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
                for i in start..end {
                    match finite(get(&self.points[i])) {
                        Some(v) => pieces
                            .last_mut()
                            .into_iter()
                            .for_each(|p| p.push((i as f64, v))),
                        None => pieces.push(Vec::new()),
                    }
                }
                for piece in pieces.iter_mut().filter(|p| !p.is_empty()) {
                    if piece.len() == 1 {
                        let (i, v) = piece[0];
                        *piece = vec![(i - 0.35, v), (i + 0.35, v)];
                    }
                    for run in clip_polyline(piece, x_range, y_range) {
                        if dashed {
                            let pts: Vec<(f64, f64)> =
                                run.iter().map(|(a, b)| (f.x(*a), f.y(*b))).collect();
                            draw_dashed(root, &pts, MUTED.stroke_width(2), (9.0, 6.0))?;
                        } else {
                            let pts: Vec<(i32, i32)> = run.iter().map(|p| f.px(*p)).collect();
                            root.draw(&PathElement::new(pts, INK.stroke_width(2)))?;
                        }
                    }
                }
            }
            start = end;
        }
        Ok(())
    }

    /// The value line, broken at missing values, and the dots.
    fn draw_values<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
    ) -> DrawResult<DB> {
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, p) in self.points.iter().enumerate() {
            match finite(p.value) {
                Some(v) => run.push(f.px((i as f64, v))),
                None => {
                    if run.len() > 1 {
                        root.draw(&PathElement::new(
                            std::mem::take(&mut run),
                            LINE.stroke_width(2),
                        ))?;
                    }
                    run.clear();
                }
            }
        }
        if run.len() > 1 {
            root.draw(&PathElement::new(run, LINE.stroke_width(2)))?;
        }
        let radius = (f.slot * 0.3).clamp(3.0, 7.0);
        for (i, p) in self.points.iter().enumerate() {
            if let Some(v) = finite(p.value) {
                let c = f.px((i as f64, v));
                root.draw(&Circle::new(c, radius + 1.5, WHITE.filled()))?;
                root.draw(&Circle::new(c, radius, colour(p.kind).filled()))?;
            }
        }
        Ok(())
    }

    /// Axes, x ticks, x labels and the x axis title; returns the y below them.
    fn draw_x_axis<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
    ) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
        let (left, right, top, bottom) = (f.left, f.right, f.top, f.bottom);
        root.draw(&PathElement::new(vec![(left, top), (left, bottom)], MUTED))?;
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            MUTED,
        ))?;
        let labelled = self.labelled(f.slot);
        for i in 0..self.points.len() {
            let tx = f.x(i as f64).round() as i32;
            let long = labelled.binary_search(&i).is_ok();
            if long || f.slot >= 8.0 {
                let len = if long { 8 } else { 4 };
                root.draw(&PathElement::new(
                    vec![(tx, bottom), (tx, bottom + len)],
                    MUTED,
                ))?;
            }
        }
        for i in labelled {
            let label = fit(&self.points[i].label, SMALL, 260);
            let half = text_width(&label, SMALL) as i32 / 2;
            let tx = (f.x(i as f64).round() as i32).clamp(10 + half, WIDTH as i32 - 10 - half);
            root.draw(&Text::new(
                label,
                (tx, bottom + 12),
                text(SMALL, &INK, HPos::Center, VPos::Top),
            ))?;
        }
        let y_next = bottom + 12 + SMALL as i32;
        if !self.x_axis.is_empty() {
            root.draw(&Text::new(
                fit(&self.x_axis, LABEL, WIDTH - 40),
                ((left + right) / 2, y_next + 12),
                text(LABEL, &INK, HPos::Center, VPos::Top),
            ))?;
        }
        Ok(y_next + self.x_title_height())
    }

    /// The values at the right, spread apart so they do not overlap.
    fn draw_side_labels<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
        axis: &Axis,
    ) -> DrawResult<DB> {
        let sides = self.side_labels(axis);
        let wanted: Vec<f64> = sides.iter().map(|s| f.y(s.value)).collect();
        let at = spread(
            &wanted,
            SMALL * 0.95,
            (f64::from(f.top), f64::from(f.bottom)),
        );
        for (s, sy) in sides.iter().zip(at) {
            let style = match (s.strong, s.muted) {
                (true, _) => bold(SMALL, &INK, HPos::Left, VPos::Center),
                (false, true) => text(SMALL, &MUTED, HPos::Left, VPos::Center),
                (false, false) => text(SMALL, &INK, HPos::Left, VPos::Center),
            };
            root.draw(&Text::new(
                s.text.clone(),
                (f.right + 12, sy.round() as i32),
                style,
            ))?;
        }
        Ok(())
    }

    /// The no-data message in a white box in the middle of the plot.
    fn draw_no_data<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        f: &Frame,
    ) -> DrawResult<DB> {
        let (left, right) = (f.left, f.right);
        let message = fit(&self.no_data, LABEL, (right - left).max(60) as u32 - 40);
        let half = text_width(&message, LABEL) as i32 / 2 + 14;
        let (cx, cy) = ((left + right) / 2, (f.top + f.bottom) / 2);
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

impl SpcPlot {
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
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::super::testing::{dark_pixels, labels, preview, render_sound};
    use super::*;

    fn legend() -> SpcLegend {
        SpcLegend {
            value: "kwartaalgemiddelde".into(),
            mean: "gemiddelde".into(),
            limits: "procesgrenzen".into(),
            improvement: "verbetering".into(),
            concern: "zorgpunt".into(),
            common: "gewone variatie".into(),
            neutral: "bijzondere variatie".into(),
            missing: "geen waarde (n < 10)".into(),
            too_few: "te weinig punten voor grenzen (8 van de 12)".into(),
        }
    }

    /// 12 quarters, a rebase at point 6 (index 6), a concern point below the lower
    /// limit, a run of improvement points, one quarter suppressed.
    pub(crate) fn example() -> SpcPlot {
        let values = [7.8, 7.6, 7.9, 7.7, 7.5, 7.8, 8.2, 8.3, 7.4, 8.4, 8.5, 8.6];
        let labels = [
            "2023-K1", "2023-K2", "2023-K3", "2023-K4", "2024-K1", "2024-K2", "2024-K3", "2024-K4",
            "2025-K1", "2025-K2", "2025-K3", "2025-K4",
        ];
        let points = values
            .iter()
            .zip(labels)
            .enumerate()
            .map(|(i, (v, label))| {
                let (mean, lpl, upl, segment) = if i < 6 {
                    (7.72, 7.12, 8.32, 0)
                } else {
                    (8.27, 7.61, 8.93, 1)
                };
                let kind = match i {
                    8 => PointKind::Concern,
                    9..=11 => PointKind::Improvement,
                    _ => PointKind::Common,
                };
                SpcPlotPoint {
                    label: label.into(),
                    value: (i != 3).then_some(*v),
                    mean: Some(mean),
                    lpl: Some(lpl),
                    upl: Some(upl),
                    kind,
                    segment,
                }
            })
            .collect();
        SpcPlot {
            title: "Informatievoorziening — VSV Zaanstreek".into(),
            subtitle:
                "Gemiddelde themascore per kwartaal · procesgrenzen opnieuw bepaald vanaf 2024-K3"
                    .into(),
            y_axis: "Themascore (0–10)".into(),
            x_axis: "Kwartaal".into(),
            points,
            legend: legend(),
            no_data: "Geen gegevens".into(),
            decimals: 1,
            lang: Language::Nl,
            y_range: Some((0.0, 10.0)),
        }
    }

    /// 40 weekly dates, a percentage indicator, one neutral and one concern point.
    fn dated() -> SpcPlot {
        let points = (0..40)
            .map(|i| {
                let day = 6 + 7 * i;
                let (month, d) = if day <= 31 {
                    (1, day)
                } else if day <= 59 {
                    (2, day - 31)
                } else if day <= 90 {
                    (3, day - 59)
                } else if day <= 120 {
                    (4, day - 90)
                } else if day <= 151 {
                    (5, day - 120)
                } else if day <= 181 {
                    (6, day - 151)
                } else if day <= 212 {
                    (7, day - 181)
                } else if day <= 243 {
                    (8, day - 212)
                } else if day <= 273 {
                    (9, day - 243)
                } else {
                    (10, day - 273)
                };
                let wiggle = [0.0, 2.1, -1.4, 3.0, -2.6, 1.2, -0.4, 2.4, -3.1, 0.8][i % 10];
                let value = 62.0 + wiggle + if i == 17 { 14.0 } else { 0.0 }
                    - if i == 31 { 13.0 } else { 0.0 };
                SpcPlotPoint {
                    label: format!("2025-{month:02}-{d:02}"),
                    value: Some(value),
                    mean: Some(62.1),
                    lpl: Some(53.4),
                    upl: Some(70.8),
                    kind: match i {
                        17 => PointKind::Neutral,
                        31 => PointKind::Concern,
                        _ => PointKind::Common,
                    },
                    segment: 0,
                }
            })
            .collect();
        SpcPlot {
            title: "Percentage aanbevelers".into(),
            subtitle: "Per week, 2025".into(),
            y_axis: "Aanbevelers (%)".into(),
            x_axis: "Week (begindatum)".into(),
            points,
            legend: SpcLegend {
                value: "percentage per week".into(),
                ..legend()
            },
            no_data: "Geen gegevens".into(),
            decimals: 1,
            lang: Language::Nl,
            y_range: Some((0.0, 100.0)),
        }
    }

    fn point(label: &str, value: Option<f64>) -> SpcPlotPoint {
        SpcPlotPoint {
            label: label.into(),
            value,
            mean: None,
            lpl: None,
            upl: None,
            kind: PointKind::Common,
            segment: 0,
        }
    }

    #[test]
    fn svg_snapshot() {
        let r = render(&example()).unwrap();
        preview("spc", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn svg_snapshot_dated() {
        let r = render(&dated()).unwrap();
        preview("spc_dated", &r);
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
        for chart in [example(), dated()] {
            let (w, h) = chart.size();
            assert_eq!(w, WIDTH);
            assert!(h <= 750, "{h}");
        }
    }

    #[test]
    fn the_png_has_title_dots_and_side_values() {
        let chart = example();
        let r = render(&chart).unwrap();
        let (w, h) = chart.size();
        // Title band.
        assert!(dark_pixels(&r.png, (0, 0), (w, 50)) > 500);
        // The plot holds the line marks.
        let axis = chart.y_axis();
        let (left, right) = chart.columns(&axis);
        let top = (chart.header() + chart.y_title_height()) as u32;
        assert!(
            dark_pixels(
                &r.png,
                (left as u32 + 2, top),
                (right as u32, top + PLOT_H as u32)
            ) > 1000
        );
        // The latest value and the current mean and limits at the right.
        assert!(dark_pixels(&r.png, (right as u32 + 8, top), (w, top + PLOT_H as u32)) > 200);
        for s in ["8,6", "8,3", "7,6", "8,9"] {
            assert!(r.svg.lines().any(|l| l == s), "{s} missing");
        }
        // The legend at the bottom.
        assert!(dark_pixels(&r.png, (0, h - 90), (w, h)) > 500);
        // The suppressed quarter draws no dot: its column has less ink than with a value.
        let slot = f64::from(right - left) / 12.0;
        let cx = (f64::from(left) + 3.5 * slot) as u32;
        let column = |png: &[u8]| dark_pixels(png, (cx - 8, top), (cx + 8, top + PLOT_H as u32));
        let mut filled = example();
        filled.points[3].value = Some(7.7);
        // (A dark dot, so that `dark_pixels` sees it.)
        filled.points[3].kind = PointKind::Neutral;
        let with_value = render(&filled).unwrap();
        assert!(
            column(&r.png) + 100 < column(&with_value.png),
            "{} {}",
            column(&r.png),
            column(&with_value.png)
        );
    }

    #[test]
    fn x_labels_never_overlap() {
        for chart in [example(), dated()] {
            let axis = chart.y_axis();
            let (left, right) = chart.columns(&axis);
            let slot = f64::from(right - left) / chart.points.len() as f64;
            let shown = chart.labelled(slot);
            assert_eq!(shown.last(), Some(&(chart.points.len() - 1)));
            for pair in shown.windows(2) {
                let gap = (pair[1] - pair[0]) as f64 * slot;
                let w = |i: usize| f64::from(text_width(&chart.points[i].label, SMALL));
                assert!(gap > (w(pair[0]) + w(pair[1])) / 2.0, "{pair:?}");
            }
        }
    }

    #[test]
    fn side_labels_are_spread_apart() {
        let at = spread(&[100.0, 101.0, 102.0, 300.0], 20.0, (0.0, 400.0));
        assert!(at[1] - at[0] >= 20.0 - 1e-9 && at[2] - at[1] >= 20.0 - 1e-9);
        assert_eq!(at[3], 300.0);
        let at = spread(&[395.0, 399.0], 20.0, (0.0, 400.0));
        assert!(at[0] <= 380.0 + 1e-9 && at[1] <= 400.0 + 1e-9 && at[1] - at[0] >= 20.0 - 1e-9);
    }

    #[test]
    /// Odd input still gives a sound chart (see `render_sound`).
    fn edge_cases_give_sound_charts() {
        let mut empty = example();
        empty.points.clear();
        let r = render_sound(&empty);
        preview("spc_empty", &r);
        assert!(r.svg.contains("Geen gegevens"));

        let mut one = example();
        one.points.truncate(1);
        let r = render_sound(&one);
        preview("spc_one", &r);
        assert!(!r.svg.contains("Geen gegevens"));

        let mut four = example();
        four.points.drain(..8);
        let r = render_sound(&four);
        preview("spc_four", &r);

        let mut nan = example();
        nan.points[2].value = Some(f64::NAN);
        nan.points[5].upl = Some(f64::INFINITY);
        nan.points[7].mean = Some(f64::NEG_INFINITY);
        let r = render_sound(&nan);
        preview("spc_nan", &r);

        let mut all_missing = example();
        for p in &mut all_missing.points {
            p.value = None;
        }
        let r = render_sound(&all_missing);
        preview("spc_all_missing", &r);
        assert!(r.svg.contains("Geen gegevens"));

        let equal = SpcPlot {
            points: (0..8).map(|i| point(&format!("{i}"), Some(5.0))).collect(),
            y_range: None,
            ..example()
        };
        let r = render_sound(&equal);
        assert!(labels(&r.svg).contains(&"5,0"));

        let no_limits = SpcPlot {
            points: vec![
                point("a", Some(3.0)),
                point("b", None),
                point("c", Some(4.0)),
            ],
            ..example()
        };
        let r = render_sound(&no_limits);
        // The latest value at the side; no limits to label.
        assert!(labels(&r.svg).contains(&"4,0"));
        assert!(!labels(&r.svg).contains(&"procesgrenzen"));

        let hundred = SpcPlot {
            points: (0..100)
                .map(|i| SpcPlotPoint {
                    value: Some(40.0 + (i * 37 % 11) as f64),
                    mean: Some(45.0),
                    lpl: Some(33.0),
                    upl: Some(57.0),
                    segment: i / 60,
                    ..point(&format!("2024-{:02}-{:02}", 1 + i / 9, 1 + i % 28), None)
                })
                .collect(),
            ..dated()
        };
        let r = render_sound(&hundred);
        preview("spc_hundred", &r);

        let huge = SpcPlot {
            points: (0..2000)
                .map(|i| {
                    point(
                        &format!("2020-01-{i:04}"),
                        Some(1e12 + (i % 7) as f64 * 1e10),
                    )
                })
                .collect(),
            y_range: Some((f64::NAN, 5.0)),
            ..example()
        };
        let r = render_sound(&huge);
        preview("spc_huge", &r);

        let extreme = SpcPlot {
            points: vec![point("a", Some(f64::MAX)), point("b", Some(-f64::MAX))],
            y_range: Some((1.0, 1.0)),
            ..example()
        };
        render_sound(&extreme);

        let outside = SpcPlot {
            points: vec![point("a", Some(12.0)), point("b", Some(-1.0))],
            ..example()
        };
        let axis = outside.y_axis();
        assert!(axis.lo <= -1.0 && axis.hi >= 12.0, "{axis:?}");
        let r = render_sound(&outside);
        assert!(labels(&r.svg).contains(&"−1,0"));
    }
}
