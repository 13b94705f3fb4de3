//! The overall grade (rapportcijfer) and the NPS of one unit over quarters, in two
//! stacked panels sharing the quarter axis: per quarter a dot with its 95% interval,
//! joined by a thin line, and the region's values as a dashed reference line. Indicatief
//! quarters are hollow dots; a suppressed quarter shows only the privacy text (no dot, no
//! interval, no number). The latest value stands beside the last dot.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    bold, draw_legend, draw_title, fit, legend_layout, text, text_width, Chart, DrawResult,
    Interval, Key, GRID, INK, LABEL, MUTED, REGION, SMALL, UNIT, WIDTH,
};
use crate::i18n::Language;

/// One quarter's value of the unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// The value with its 95% interval.
    pub value: Interval,
    /// Indicatief tier (hollow dot).
    pub indicative: bool,
}

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeNps {
    /// Title.
    pub title: String,
    /// Subtitle (unit, n).
    pub subtitle: String,
    /// Quarter labels, oldest first, e.g. "2025-K3".
    pub periods: Vec<String>,
    /// The unit's overall grade per quarter (0–10); `None` when suppressed.
    pub grade: Vec<Option<Mark>>,
    /// The unit's NPS per quarter (−100…100); `None` when suppressed.
    pub nps: Vec<Option<Mark>>,
    /// The region's overall grade per quarter (empty for the region's own chart).
    pub region_grade: Vec<Option<f64>>,
    /// The region's NPS per quarter (empty for the region's own chart).
    pub region_nps: Vec<Option<f64>>,
    /// Panel titles: grade, NPS.
    pub panels: [String; 2],
    /// Legend texts: the unit with its 95% interval, indicatief, region.
    pub legend: [String; 3],
    /// Shown instead of a suppressed quarter's value, e.g. "n < 10".
    pub suppressed: String,
    /// The report language (number format).
    pub lang: Language,
}

/// Height of one panel's plot.
const PANEL: i32 = 220;
/// Room for a panel's title above its plot.
const PANEL_TITLE: i32 = 48;
/// Between the first panel's axis and the second panel's title.
const PANEL_GAP: i32 = 20;
/// Left edge of the plots (tick labels to its left).
const X0: i32 = 96;
/// Right edge of the plots (the last value label to its right).
const X1: i32 = WIDTH as i32 - 64;
/// One line of quarter labels.
const X_LINE: i32 = 26;

/// A value axis: from `lo` to `hi` with ticks every `step`, labelled with `decimals`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Axis {
    lo: f64,
    hi: f64,
    step: f64,
    decimals: usize,
}

impl Axis {
    /// A range around the finite `values` on nice steps, within `limits`, at least
    /// `min_span` wide; `fallback` when there are no values.
    fn fit(
        values: impl Iterator<Item = f64>,
        limits: (f64, f64),
        steps: &[f64],
        min_span: f64,
        fallback: (f64, f64),
    ) -> Axis {
        let (mut lo, mut hi) = values
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        if lo > hi {
            (lo, hi) = fallback;
        }
        let pad = ((hi - lo) * 0.08).max(min_span * 0.1);
        (lo, hi) = (lo - pad, hi + pad);
        if hi - lo < min_span {
            let mid = (lo + hi) / 2.0;
            (lo, hi) = (mid - min_span / 2.0, mid + min_span / 2.0);
        }
        let (lo, hi) = (lo.max(limits.0), hi.min(limits.1));
        let mut pick = None;
        for &step in steps {
            let a = ((lo / step).floor() * step).max(limits.0);
            let b = ((hi / step).ceil() * step).min(limits.1);
            pick = Some((a, b, step));
            if (b - a) / step <= 6.0 {
                break;
            }
        }
        let (lo, hi, step) = pick.unwrap_or((limits.0, limits.1, limits.1 - limits.0));
        let (lo, hi) = if hi > lo { (lo, hi) } else { limits };
        let decimals = if step.fract() == 0.0 { 0 } else { 1 };
        Axis {
            lo,
            hi,
            step,
            decimals,
        }
    }

    fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round().clamp(0.0, 100.0) as i32;
        (0..=n)
            .map(|k| self.lo + f64::from(k) * self.step)
            .collect()
    }
}

/// One panel's data.
struct Panel<'a> {
    title: &'a str,
    marks: &'a [Option<Mark>],
    region: &'a [Option<f64>],
    axis: Axis,
    /// Decimals of the value label.
    decimals: usize,
    /// Top of the plot.
    top: i32,
}

impl Panel<'_> {
    /// Bottom of the plot (the x axis).
    fn bottom(&self) -> i32 {
        self.top + PANEL
    }

    /// The y pixel of `v`, kept within the plot.
    fn y(&self, v: f64) -> i32 {
        let Axis { lo, hi, .. } = self.axis;
        let t = ((v.clamp(lo, hi) - lo) / (hi - lo)).clamp(0.0, 1.0);
        self.bottom() - (t * f64::from(PANEL)).round() as i32
    }
}

impl GradeNps {
    fn title_height(&self) -> i32 {
        if self.subtitle.is_empty() {
            16 + super::TITLE as i32 + 14
        } else {
            16 + super::TITLE as i32 + 10 + LABEL as i32 + 14
        }
    }

    /// Number of quarters: the longest of the labels and the unit's values.
    fn count(&self) -> usize {
        self.periods.len().max(self.grade.len()).max(self.nps.len())
    }

    fn slot(&self) -> f64 {
        f64::from(X1 - X0) / self.count().max(1) as f64
    }

    fn x(&self, i: usize) -> i32 {
        X0 + ((i as f64 + 0.5) * self.slot()).round() as i32
    }

    /// The quarter labels as lines: one line when they fit, else split after a hyphen
    /// or at a space; each line shortened to the slot when still too wide.
    fn period_lines(&self) -> Vec<Vec<String>> {
        let max = (self.slot() - 8.0).max(0.0) as u32;
        let fits = self.periods.iter().all(|p| text_width(p, SMALL) <= max);
        self.periods
            .iter()
            .map(|p| {
                let split = p
                    .rfind('-')
                    .map(|i| (&p[..=i], &p[i + 1..]))
                    .or_else(|| p.rfind(' ').map(|i| (&p[..i], &p[i + 1..])));
                match split {
                    Some((a, b)) if !fits && !a.is_empty() && !b.is_empty() => {
                        vec![fit(a, SMALL, max), fit(b, SMALL, max)]
                    }
                    _ => vec![fit(p, SMALL, max)],
                }
            })
            .collect()
    }

    fn legend_entries(&self) -> Vec<(Key, String)> {
        let indicative = self
            .grade
            .iter()
            .chain(&self.nps)
            .flatten()
            .any(|m| m.indicative);
        let region = self
            .region_grade
            .iter()
            .chain(&self.region_nps)
            .flatten()
            .any(|v| v.is_finite());
        let mut entries = vec![(Key::Dot(UNIT), self.legend[0].clone())];
        if indicative {
            entries.push((Key::Ring(UNIT), self.legend[1].clone()));
        }
        if region {
            entries.push((Key::Dashed(REGION), self.legend[2].clone()));
        }
        entries
    }

    /// Tops of the two plots, and the height of the quarter labels.
    fn layout(&self) -> (i32, i32, i32) {
        let top1 = self.title_height() + PANEL_TITLE;
        let top2 = top1 + PANEL + PANEL_GAP + PANEL_TITLE;
        let lines = self
            .period_lines()
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(1) as i32;
        (top1, top2, 10 + lines * X_LINE + 10)
    }

    fn panels(&self) -> [Panel<'_>; 2] {
        let (top1, top2, _) = self.layout();
        let values = |marks: &[Option<Mark>], region: &[Option<f64>]| {
            marks
                .iter()
                .flatten()
                .filter(|m| m.value.mean.is_finite())
                .flat_map(|m| [m.value.mean, m.value.low, m.value.high])
                .chain(region.iter().take(self.count()).flatten().copied())
                .collect::<Vec<f64>>()
        };
        let grade = Axis::fit(
            values(&self.grade, &self.region_grade).into_iter(),
            (0.0, 10.0),
            &[0.5, 1.0, 2.0],
            1.0,
            (6.0, 10.0),
        );
        let nps = Axis::fit(
            values(&self.nps, &self.region_nps).into_iter(),
            (-100.0, 100.0),
            &[10.0, 20.0, 25.0, 50.0],
            20.0,
            (-100.0, 100.0),
        );
        [
            Panel {
                title: &self.panels[0],
                marks: &self.grade,
                region: &self.region_grade,
                axis: grade,
                decimals: 1,
                top: top1,
            },
            Panel {
                title: &self.panels[1],
                marks: &self.nps,
                region: &self.region_nps,
                axis: nps,
                decimals: 0,
                top: top2,
            },
        ]
    }

    /// One panel: axes, the region, the unit, the privacy texts and the latest value.
    fn draw_panel<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        p: &Panel<'_>,
    ) -> DrawResult<DB> {
        self.draw_axes(root, p)?;
        let region = self.region_points(p);
        self.draw_region(root, &region)?;
        let marks = self.unit_marks(p);
        self.draw_marks(root, p, &marks)?;
        let privacy = self.draw_privacy(root, p, &region)?;
        if let Some(&last) = marks.iter().flatten().last() {
            self.draw_latest(root, p, last, &privacy)?;
        }
        Ok(())
    }

    /// The panel title, the grid with y tick labels, the axes and the x ticks.
    fn draw_axes<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        p: &Panel<'_>,
    ) -> DrawResult<DB> {
        let (top, bottom) = (p.top, p.bottom());
        root.draw(&Text::new(
            fit(p.title, LABEL, WIDTH - 40),
            (20, top - PANEL_TITLE + 2),
            bold(LABEL, &INK, HPos::Left, VPos::Top),
        ))?;
        for v in p.axis.ticks() {
            let py = p.y(v);
            root.draw(&PathElement::new(vec![(X0, py), (X1, py)], GRID))?;
            root.draw(&PathElement::new(vec![(X0 - 5, py), (X0, py)], MUTED))?;
            root.draw(&Text::new(
                self.lang.decimal(v, p.axis.decimals),
                (X0 - 10, py),
                text(SMALL, &INK, HPos::Right, VPos::Center),
            ))?;
        }
        root.draw(&PathElement::new(vec![(X0, top), (X0, bottom)], MUTED))?;
        root.draw(&PathElement::new(vec![(X0, bottom), (X1, bottom)], MUTED))?;
        for i in 0..self.count() {
            let x = self.x(i);
            root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 5)], MUTED))?;
        }
        Ok(())
    }

    /// The region's point per quarter (pixels), where it has a finite value.
    fn region_points(&self, p: &Panel<'_>) -> Vec<Option<(i32, i32)>> {
        (0..self.count())
            .map(|i| {
                p.region
                    .get(i)
                    .copied()
                    .flatten()
                    .filter(|v| v.is_finite())
                    .map(|v| (self.x(i), p.y(v)))
            })
            .collect()
    }

    /// The region: dashed, through consecutive quarters with a value; a lone quarter
    /// gets a short dash.
    fn draw_region<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        region: &[Option<(i32, i32)>],
    ) -> DrawResult<DB> {
        for (i, point) in region.iter().enumerate() {
            let Some(a) = *point else { continue };
            let prev = i.checked_sub(1).and_then(|j| region[j]);
            let next = region.get(i + 1).copied().flatten();
            match next {
                Some(b) => dashes(root, a, b)?,
                None if prev.is_none() => {
                    let half = (self.slot() / 4.0) as i32;
                    dashes(root, (a.0 - half, a.1), (a.0 + half, a.1))?;
                }
                None => {}
            }
        }
        Ok(())
    }

    /// The unit's mark per quarter, with its index, where its mean is finite.
    fn unit_marks(&self, p: &Panel<'_>) -> Vec<Option<(usize, Mark)>> {
        (0..self.count())
            .map(|i| {
                p.marks
                    .get(i)
                    .copied()
                    .flatten()
                    .filter(|m| m.value.mean.is_finite())
                    .map(|m| (i, m))
            })
            .collect()
    }

    /// The unit: a thin line through consecutive quarters, then intervals and dots
    /// (rings when indicative).
    fn draw_marks<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        p: &Panel<'_>,
        marks: &[Option<(usize, Mark)>],
    ) -> DrawResult<DB> {
        for pair in marks.windows(2) {
            if let [Some((i, a)), Some((j, b))] = pair {
                root.draw(&PathElement::new(
                    vec![
                        (self.x(*i), p.y(a.value.mean)),
                        (self.x(*j), p.y(b.value.mean)),
                    ],
                    UNIT.stroke_width(2),
                ))?;
            }
        }
        for &(i, m) in marks.iter().flatten() {
            let (x, ym) = (self.x(i), p.y(m.value.mean));
            let Interval { low, high, .. } = m.value;
            if low.is_finite() && high.is_finite() {
                let (y0, y1) = (p.y(low.min(high)), p.y(low.max(high)));
                root.draw(&PathElement::new(
                    vec![(x, y0), (x, y1)],
                    UNIT.stroke_width(3),
                ))?;
                for yy in [y0, y1] {
                    root.draw(&PathElement::new(
                        vec![(x - 7, yy), (x + 7, yy)],
                        UNIT.stroke_width(3),
                    ))?;
                }
            }
            if m.indicative {
                root.draw(&Circle::new((x, ym), 9, WHITE.filled()))?;
                root.draw(&Circle::new((x, ym), 9, UNIT.stroke_width(3)))?;
            } else {
                root.draw(&Circle::new((x, ym), 10, UNIT.filled()))?;
            }
        }
        Ok(())
    }

    /// Suppressed quarters: the privacy text just above the axis (or at the top when
    /// the region line runs there), on white over the grid. Returns where each went.
    fn draw_privacy<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        p: &Panel<'_>,
        region: &[Option<(i32, i32)>],
    ) -> Result<Vec<Option<Boxed>>, DrawingAreaErrorKind<DB::ErrorType>> {
        let max = (self.slot() - 6.0).max(0.0) as u32;
        let label = fit(&self.suppressed, SMALL, max);
        let tw = text_width(&label, SMALL) as i32;
        let privacy: Vec<Option<Boxed>> = (0..self.count())
            .map(|i| {
                // Quarters beyond the data are missing, not suppressed: nothing there.
                if !matches!(p.marks.get(i), Some(None)) {
                    return None;
                }
                let low = p.bottom() - 20;
                let cy = match region[i] {
                    Some((_, ry)) if (ry - low).abs() < 34 => p.top + 20,
                    _ => low,
                };
                Some(Boxed::centred(self.x(i), cy, tw))
            })
            .collect();
        for b in privacy.iter().flatten() {
            root.draw(&Rectangle::new(b.rect(), WHITE.filled()))?;
            root.draw(&Text::new(
                label.clone(),
                (b.cx(), b.cy),
                text(SMALL, &MUTED, HPos::Center, VPos::Center),
            ))?;
        }
        Ok(privacy)
    }

    /// The latest value beside the last dot: to its right unless that meets the next
    /// quarter's privacy text, else above (or below) its interval.
    fn draw_latest<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        p: &Panel<'_>,
        (i, m): (usize, Mark),
        privacy: &[Option<Boxed>],
    ) -> DrawResult<DB> {
        let value = self.lang.decimal(m.value.mean, p.decimals);
        let tw = text_width(&value, LABEL) as i32;
        let x = self.x(i);
        let right = Boxed {
            left: x + 16,
            cy: p.y(m.value.mean),
            width: tw,
        };
        let clash = privacy
            .get(i + 1)
            .copied()
            .flatten()
            .is_some_and(|b| b.meets(&right));
        let place = if clash {
            let finite = |v: f64| if v.is_finite() { v } else { m.value.mean };
            let (low, high) = (finite(m.value.low), finite(m.value.high));
            let above = p.y(low.max(high)) - 24;
            let cy = if above - 14 > p.top {
                above
            } else {
                (p.y(low.min(high)) + 24).min(p.bottom() - 14)
            };
            Boxed::centred(x, cy, tw)
        } else {
            right
        };
        root.draw(&Rectangle::new(place.rect(), WHITE.filled()))?;
        root.draw(&Text::new(
            value,
            (place.left, place.cy),
            text(LABEL, &INK, HPos::Left, VPos::Center),
        ))?;
        Ok(())
    }
}

/// A one-line text's place: left edge, vertical centre and width.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Boxed {
    left: i32,
    cy: i32,
    width: i32,
}

impl Boxed {
    fn centred(cx: i32, cy: i32, width: i32) -> Boxed {
        Boxed {
            left: cx - width / 2,
            cy,
            width,
        }
    }

    fn cx(&self) -> i32 {
        self.left + self.width / 2
    }

    /// The white rectangle behind the text.
    fn rect(&self) -> [(i32, i32); 2] {
        [
            (self.left - 3, self.cy - 14),
            (self.left + self.width + 3, self.cy + 14),
        ]
    }

    fn meets(&self, other: &Boxed) -> bool {
        let ([a0, a1], [b0, b1]) = (self.rect(), other.rect());
        a0.0 < b1.0 && b0.0 < a1.0 && a0.1 < b1.1 && b0.1 < a1.1
    }
}

/// A dashed line from `a` to `b` (dashes of 10 px, gaps of 6 px, as in the legend).
fn dashes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: (i32, i32),
    b: (i32, i32),
) -> DrawResult<DB> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let length = dx.hypot(dy);
    if length < 1.0 {
        return Ok(());
    }
    let at = |t: f64| {
        let t = t.min(length) / length;
        (a.0 + (dx * t).round() as i32, a.1 + (dy * t).round() as i32)
    };
    let mut t = 0.0;
    while t < length {
        root.draw(&PathElement::new(
            vec![at(t), at(t + 10.0)],
            REGION.stroke_width(2),
        ))?;
        t += 16.0;
    }
    Ok(())
}

impl Chart for GradeNps {
    fn size(&self) -> (u32, u32) {
        let (_, top2, labels) = self.layout();
        let (_, legend_h) = legend_layout(WIDTH, (20, 0), &self.legend_entries());
        (WIDTH, (top2 + PANEL + labels + 8 + legend_h + 6) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (_, h) = self.size();
        draw_title(root, &self.title, &self.subtitle)?;
        let panels = self.panels();
        for p in &panels {
            self.draw_panel(root, p)?;
        }
        let bottom = panels[1].top + PANEL;
        for (i, lines) in self.period_lines().iter().enumerate() {
            for (k, line) in lines.iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (self.x(i), bottom + 10 + k as i32 * X_LINE),
                    text(SMALL, &INK, HPos::Center, VPos::Top),
                ))?;
            }
        }
        let entries = self.legend_entries();
        let (_, legend_h) = legend_layout(WIDTH, (20, 0), &entries);
        draw_legend(
            root,
            (20, h as i32 - 6 - legend_h + (SMALL * 0.8) as i32),
            &entries,
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::super::testing::{dark_pixels, decode, labels, preview, render_sound};
    use super::*;

    fn mark(mean: f64, half: f64, indicative: bool) -> Option<Mark> {
        Some(Mark {
            value: Interval {
                mean,
                low: mean - half,
                high: mean + half,
            },
            indicative,
        })
    }

    pub(crate) fn example() -> GradeNps {
        GradeNps {
            title: "Rapportcijfer en NPS — VSV Zaanstreek".into(),
            subtitle: "per kwartaal · 95%-betrouwbaarheidsinterval".into(),
            periods: [
                "2024-K4", "2025-K1", "2025-K2", "2025-K3", "2025-K4", "2026-K1", "2026-K2",
                "2026-K3",
            ]
            .map(String::from)
            .to_vec(),
            grade: vec![
                mark(8.1, 0.25, false),
                None,
                mark(7.6, 0.55, true),
                mark(8.0, 0.22, false),
                mark(8.3, 0.2, false),
                mark(8.2, 0.24, false),
                mark(8.4, 0.2, false),
                mark(8.5, 0.19, false),
            ],
            nps: vec![
                mark(42.0, 9.0, false),
                None,
                mark(21.0, 19.0, true),
                mark(38.0, 9.0, false),
                mark(47.0, 8.0, false),
                mark(44.0, 9.0, false),
                mark(51.0, 8.0, false),
                mark(55.0, 7.0, false),
            ],
            region_grade: [8.2, 8.2, 8.3, 8.3, 8.2, 8.4, 8.3, 8.4].map(Some).to_vec(),
            region_nps: [45.0, 46.0, 47.0, 45.0, 48.0, 49.0, 48.0, 50.0]
                .map(Some)
                .to_vec(),
            panels: ["Rapportcijfer".into(), "NPS".into()],
            legend: [
                "VSV Zaanstreek met 95%-interval".into(),
                "indicatief (n 10–49)".into(),
                "regio".into(),
            ],
            suppressed: "n < 10".into(),
            lang: Language::Nl,
        }
    }

    #[test]
    fn svg_snapshot() {
        let r = render(&example()).unwrap();
        preview("grade_nps", &r);
        insta::assert_snapshot!(r.svg);
    }

    #[test]
    fn rendering_twice_gives_identical_bytes() {
        let a = render(&example()).unwrap();
        let b = render(&example()).unwrap();
        assert_eq!(a, b);
    }

    /// Pixels in `[x0, x1) × [y0, y1)` close to the unit's blue.
    fn unit_pixels(png: &[u8], (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> usize {
        let (w, h, px) = decode(png);
        let mut count = 0;
        for y in y0.max(0) as u32..(y1.max(0) as u32).min(h) {
            for x in x0.max(0) as u32..(x1.max(0) as u32).min(w) {
                let i = ((y * w + x) * 3) as usize;
                let d = i32::from(px[i])
                    + (i32::from(px[i + 1]) - 114).abs()
                    + (i32::from(px[i + 2]) - 178).abs();
                if d < 60 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn the_png_holds_text_and_a_suppressed_quarter_no_point() {
        let chart = example();
        let r = render(&chart).unwrap();
        let (w, h) = chart.size();
        assert!(h <= 800, "{h}");
        // The title band holds text.
        assert!(dark_pixels(&r.png, (0, 0), (w, 50)) > 500);
        let half = (chart.slot() / 2.0) as i32 - 4;
        for p in chart.panels() {
            let column = |i: usize| {
                let x = chart.x(i);
                ((x - half, p.top), (x + half, p.top + PANEL))
            };
            // Quarter 2 (index 1) is suppressed: no blue at all, but the privacy text.
            let (a, b) = column(1);
            assert_eq!(unit_pixels(&r.png, a, b), 0);
            let ink = dark_pixels(&r.png, (a.0 as u32, a.1 as u32), (b.0 as u32, b.1 as u32));
            assert!(ink > 40, "{ink}");
            // Its neighbours have a dot and an interval.
            for i in [0, 2, 3] {
                let (a, b) = column(i);
                assert!(unit_pixels(&r.png, a, b) > 200, "quarter {i}");
            }
        }
        assert!(r.svg.contains("n &lt; 10"));
        // The latest values beside the last dots.
        assert!(r.svg.lines().any(|l| l == "8,5"));
        assert!(r.svg.lines().any(|l| l == "55"));
    }

    #[test]
    /// Odd input still gives a sound chart (see `render_sound`): a label per period, the
    /// latest values at the side and "n < 10" where a quarter is suppressed.
    fn edge_cases_give_sound_charts() {
        let shown = |svg: &str, texts: &[&str]| {
            let labels = labels(svg);
            texts.iter().filter(|t| labels.contains(t)).count()
        };
        let suppressed = |svg: &str| labels(svg).iter().filter(|l| **l == "n &lt; 10").count();
        let mut ragged = example();
        ragged.periods.truncate(5);
        ragged.nps.truncate(3);
        ragged.region_grade.truncate(2);
        ragged.region_nps.extend([Some(1.0); 9]);
        ragged.grade[3] = Some(Mark {
            value: Interval {
                mean: 7.0,
                low: f64::NAN,
                high: 6.0,
            },
            indicative: false,
        });
        ragged.grade[4] = Some(Mark {
            value: Interval {
                mean: f64::NAN,
                low: 1.0,
                high: 2.0,
            },
            indicative: true,
        });
        let r = render_sound(&ragged);
        preview("grade_nps_ragged", &r);
        let periods: Vec<&str> = ragged.periods.iter().map(String::as_str).collect();
        assert_eq!(shown(&r.svg, &periods), 5);

        let mut nothing = example();
        nothing.periods.clear();
        nothing.grade.clear();
        nothing.nps.clear();
        nothing.region_grade.clear();
        nothing.region_nps.clear();
        nothing.subtitle.clear();
        let r = render_sound(&nothing);
        assert_eq!(shown(&r.svg, &["Rapportcijfer", "NPS"]), 2);
        assert_eq!(suppressed(&r.svg), 0);

        let mut all_suppressed = example();
        all_suppressed.grade.iter_mut().for_each(|m| *m = None);
        all_suppressed.nps.iter_mut().for_each(|m| *m = None);
        let r = render_sound(&all_suppressed);
        preview("grade_nps_all_suppressed", &r);
        // Only the legend's dot is in the unit's colour.
        assert_eq!(r.svg.matches("#0072B2").count(), 1);
        assert_eq!(suppressed(&r.svg), 2 * 8);

        let mut one = example();
        one.periods.truncate(1);
        one.grade.truncate(1);
        one.nps.truncate(1);
        one.region_grade.truncate(1);
        one.region_nps.truncate(1);
        let r = render_sound(&one);
        assert_eq!(shown(&r.svg, &["2024-K4", "8,1", "42"]), 3);

        let mut blank = example();
        blank.title.clear();
        blank.suppressed.clear();
        blank.periods.iter_mut().for_each(String::clear);
        blank.panels.iter_mut().for_each(String::clear);
        blank.legend.iter_mut().for_each(String::clear);
        render_sound(&blank);

        let mut huge = example();
        huge.grade[0] = mark(1e300, 1e308, false);
        huge.nps[0] = mark(-1e300, f64::INFINITY, true);
        huge.region_nps[0] = Some(f64::NAN);
        let r = render_sound(&huge);
        assert_eq!(shown(&r.svg, &["8,5", "55"]), 2);

        let mut out_of_range = example();
        out_of_range.grade[0] = mark(11.0, 3.0, false);
        out_of_range.nps[0] = mark(-150.0, 80.0, false);
        let r = render_sound(&out_of_range);
        assert_eq!(shown(&r.svg, &["8,5", "55"]), 2);

        // Twelve quarters, the region's own chart (no region line), last one suppressed.
        let mut twelve = example();
        twelve.periods = (0..12)
            .map(|i| format!("{}-K{}", 2023 + (i + 3) / 4, (i + 3) % 4 + 1))
            .collect();
        twelve.grade = (0..12)
            .map(|i| mark(7.5 + f64::from(i % 5) * 0.2, 0.3, i == 4))
            .collect();
        twelve.nps = (0..12)
            .map(|i| mark(-20.0 + f64::from(i) * 6.0, 10.0, i == 4))
            .collect();
        twelve.grade[11] = None;
        twelve.nps[11] = None;
        twelve.region_grade.clear();
        twelve.region_nps.clear();
        let r = render_sound(&twelve);
        preview("grade_nps_twelve", &r);
        assert!(!r.svg.contains("regio"));
    }
}
