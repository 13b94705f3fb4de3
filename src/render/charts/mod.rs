//! Charts: plain data in, SVG and PNG out, from one piece of drawing code per chart kind.
//!
//! Each chart kind has its own file with a data struct that implements [`Chart`]; the data
//! carries every text already in the report language (this module translates nothing), so
//! a chart can be drawn from `prem report` and from `prem spc`/`prem funnel` alike.
//!
//! plotters draws the SVG; resvg rasterises that same SVG into the PNG, so both always
//! agree. Text is measured and drawn with the DejaVu Sans font compiled into the binary
//! (as `sans-serif`): a fresh machine has no fonts, and Dutch accents must render. The SVG
//! names the family `sans-serif`, so other viewers use their own sans-serif.
//! Rendering is deterministic: the same data give the same bytes, on any machine.
//!
//! Colours: the NHS "Making Data Count" colours for SPC (improvement blue, concern orange,
//! common cause grey) and a blue–grey–orange scale for bands, readable with the common
//! colour-vision deficiencies (no red–green contrast carries meaning).

pub mod funnel;
pub mod grade_nps;
pub mod heatmap;
pub mod ladder;
pub mod likert;
pub mod spc;
pub mod theme_scores;

use std::sync::{Arc, OnceLock};

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

use crate::funnel::Band;

/// A rendered chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// SVG document.
    pub svg: String,
    /// PNG image (RGB, 8 bits).
    pub png: Vec<u8>,
}

/// A value with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// The value.
    pub mean: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ChartError {
    /// The bundled font could not be read (a build defect, not a data problem).
    #[error("bundled font unusable")]
    Font,
    /// The drawing library failed.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

/// The result type of drawing on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A chart kind: its size in pixels and how to draw it on any backend.
pub trait Chart {
    /// Width and height in pixels (also the SVG's size).
    fn size(&self) -> (u32, u32);
    /// Draws the chart on `root`, which covers [`Chart::size`].
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB>;
}

/// Width of every chart: 1200 px fills an A4 text column (17 cm) at about 180 dpi and a
/// projector at full width.
pub const WIDTH: u32 = 1200;

/// Font sizes at [`WIDTH`] (plotters draws a size-s font with glyphs about s/1.24 px
/// high): the title, at 17 cm on paper, comes out near 12 pt.
pub const TITLE: f64 = 36.0;
/// Axis titles, row labels and legends (about 9 pt on paper).
pub const LABEL: f64 = 28.0;
/// Tick labels and values beside marks (about 8 pt on paper).
pub const SMALL: f64 = 24.0;

/// Near-black for text and marks.
pub const INK: RGBColor = RGBColor(33, 33, 33);
/// Secondary text.
pub const MUTED: RGBColor = RGBColor(99, 99, 99);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(225, 225, 225);
/// Fill of suppressed cells and hidden rows.
pub const SUPPRESSED: RGBColor = RGBColor(200, 200, 200);
/// The region (reference) marker.
pub const REGION: RGBColor = RGBColor(0, 0, 0);
/// The national reference's tick (a purple that the band colours do not use).
pub const NATIONAL: RGBColor = RGBColor(150, 50, 140);
/// A unit's own marks (Okabe–Ito blue).
pub const UNIT: RGBColor = RGBColor(0, 114, 178);

/// NHS Making Data Count: special cause improvement.
pub const IMPROVEMENT: RGBColor = RGBColor(40, 157, 224);
/// NHS Making Data Count: special cause concern.
pub const CONCERN: RGBColor = RGBColor(250, 180, 40);
/// NHS Making Data Count: common cause.
pub const COMMON: RGBColor = RGBColor(123, 125, 125);
/// NHS Making Data Count: special cause without a direction.
pub const NEUTRAL: RGBColor = RGBColor(73, 0, 146);

/// Band colours, much better → much worse (blue – grey – orange).
pub const BAND_MUCH_BETTER: RGBColor = RGBColor(0, 90, 160);
/// Better than expected.
pub const BAND_BETTER: RGBColor = RGBColor(140, 195, 235);
/// As expected.
pub const BAND_AS_EXPECTED: RGBColor = RGBColor(242, 242, 242);
/// Worse than expected.
pub const BAND_WORSE: RGBColor = RGBColor(253, 200, 120);
/// Much worse than expected.
pub const BAND_MUCH_WORSE: RGBColor = RGBColor(215, 95, 0);

/// Registers the bundled font with plotters (for measuring text) once per process.
fn fonts() -> Result<(), ChartError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = DONE.get_or_init(|| {
        let regular = register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular());
        let bold = register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
        let italic = register_font("sans-serif", FontStyle::Italic, dejavu::sans::oblique());
        regular.is_ok() && bold.is_ok() && italic.is_ok()
    });
    if *ok {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// The bundled fonts for rasterising, with DejaVu Sans as `sans-serif`.
fn font_db() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        for face in [
            dejavu::sans::regular(),
            dejavu::sans::bold(),
            dejavu::sans::oblique(),
        ] {
            db.load_font_data(face.to_vec());
        }
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// Draws `chart` as SVG, and rasterises that SVG into the PNG.
pub fn render(chart: &impl Chart) -> Result<Rendered, ChartError> {
    fonts()?;
    let (w, h) = chart.size();
    let mut svg = String::new();
    {
        let draw = |e: String| ChartError::Draw(e);
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| draw(e.to_string()))?;
        chart.draw(&root).map_err(|e| draw(e.to_string()))?;
        root.present().map_err(|e| draw(e.to_string()))?;
    }
    let mut png = rasterise(&svg, w, h)?;
    // Both are kept until the report is written: 583 charts of a national report held
    // about twice their size in spare capacity.
    svg.shrink_to_fit();
    png.shrink_to_fit();
    Ok(Rendered { svg, png })
}

/// The SVG as a PNG of `w` × `h` pixels on white.
fn rasterise(svg: &str, w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    use resvg::{tiny_skia, usvg};
    let options = usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: font_db(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ChartError::Draw(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ChartError::Draw(format!("no {w} × {h} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    // Opaque (white underneath), so premultiplied RGBA is plain RGBA: drop alpha.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    encode_png(&rgb, w, h)
}

/// Encodes RGB pixels as PNG, marked 180 dpi so Word places a 1200 px chart at 17 cm.
fn encode_png(pixels: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    let err = |e: png::EncodingError| ChartError::Png(e.to_string());
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Balanced);
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: 7087,
            yppu: 7087,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header().map_err(err)?;
        writer.write_image_data(pixels).map_err(err)?;
        writer.finish().map_err(err)?;
    }
    Ok(out)
}

/// The text style of `size` px in `color`, anchored at `h`/`v`.
pub fn text(size: f64, color: &'static RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from(("sans-serif", size).into_font())
        .color(color)
        .pos(Pos::new(h, v))
}

/// Bold text of `size` px, anchored at `h`/`v`.
pub fn bold(size: f64, color: &'static RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from(("sans-serif", size, FontStyle::Bold).into_font())
        .color(color)
        .pos(Pos::new(h, v))
}

/// Width in pixels of `s` at `size` px (estimated from the bundled font).
pub fn text_width(s: &str, size: f64) -> u32 {
    if fonts().is_err() {
        return ((s.chars().count() as f64) * size * 0.6) as u32;
    }
    let font = ("sans-serif", size).into_font();
    font.box_size(s)
        .map_or(((s.chars().count() as f64) * size * 0.6) as u32, |(w, _)| w)
}

/// `s` shortened with "…" to fit `max` pixels at `size` px.
pub fn fit(s: &str, size: f64, max: u32) -> String {
    if text_width(s, size) <= max {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    for keep in (1..chars.len()).rev() {
        let candidate: String = chars[..keep]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if text_width(&candidate, size) <= max {
            return candidate;
        }
    }
    "…".to_string()
}

/// `s` on one line when it fits `max` pixels at `size` px, else on two, broken at the
/// space that makes the longer line shortest; only a second line that still does not fit
/// is shortened with "…" (a single word too long for one line is shortened too).
pub fn wrap_label(s: &str, size: f64, max: u32) -> Vec<String> {
    if text_width(s, size) <= max {
        return vec![s.to_string()];
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut best: Option<(u32, String, String)> = None;
    for k in 1..words.len() {
        let first = words[..k].join(" ");
        let first_w = text_width(&first, size);
        if first_w > max {
            break;
        }
        let second = words[k..].join(" ");
        let longest = first_w.max(text_width(&second, size));
        if best.as_ref().is_none_or(|(l, _, _)| longest < *l) {
            best = Some((longest, first, second));
        }
    }
    match best {
        Some((_, first, second)) => vec![first, fit(&second, size, max)],
        None => vec![fit(s, size, max)],
    }
}

/// Draws the chart title (and an optional subtitle) at the top of `root`; returns the
/// height used.
pub fn draw_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    subtitle: &str,
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = root.dim_in_pixel();
    let max = w.saturating_sub(40);
    root.draw(&Text::new(
        fit(title, TITLE, max),
        (20, 16),
        bold(TITLE, &INK, HPos::Left, VPos::Top),
    ))?;
    if subtitle.is_empty() {
        return Ok(16 + TITLE as i32 + 14);
    }
    root.draw(&Text::new(
        fit(subtitle, LABEL, max),
        (20, 16 + TITLE as i32 + 10),
        text(LABEL, &MUTED, HPos::Left, VPos::Top),
    ))?;
    Ok(16 + TITLE as i32 + 10 + LABEL as i32 + 14)
}

/// One entry of a legend: a marker drawn by the caller's kind, and its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Key {
    /// A filled dot.
    Dot(RGBColor),
    /// A hollow dot.
    Ring(RGBColor),
    /// A short line.
    Line(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
    /// A filled square.
    Square(RGBColor),
}

/// Where [`draw_legend`] puts each entry's marker (left edge, vertical centre) when it
/// starts at `(x, y)` on an area `width` px wide, and the height it uses; for sizing a
/// chart before drawing, and for drawing over a legend's markers.
pub fn legend_layout(
    width: u32,
    (x, y): (i32, i32),
    entries: &[(Key, String)],
) -> (Vec<(i32, i32)>, i32) {
    let line = (SMALL * 1.6) as i32;
    let (mut cx, mut cy) = (x, y);
    let mut at = Vec::with_capacity(entries.len());
    for (_, label) in entries {
        let need = 34 + text_width(label, SMALL) as i32 + 28;
        if cx > x && cx + need > width as i32 - 10 {
            cx = x;
            cy += line;
        }
        at.push((cx, cy));
        cx += need;
    }
    (at, cy - y + line)
}

/// The height [`draw_legend`] uses for `entries` starting at `x` on an area `width` px
/// wide (to size a chart before drawing it).
pub fn legend_height(width: u32, x: i32, entries: &[(Key, String)]) -> i32 {
    if entries.is_empty() {
        return 0;
    }
    legend_layout(width, (x, 0), entries).1
}

/// Draws a one-line legend at `(x, y)` (vertical centre), wrapping to a new line when the
/// row is full; returns the height used.
pub fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    entries: &[(Key, String)],
) -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = root.dim_in_pixel();
    let (at, height) = legend_layout(w, (x, y), entries);
    for ((key, label), &(cx, cy)) in entries.iter().zip(&at) {
        match *key {
            Key::Dot(c) => root.draw(&Circle::new((cx + 12, cy), 7, c.filled()))?,
            Key::Ring(c) => root.draw(&Circle::new((cx + 12, cy), 7, c.stroke_width(2)))?,
            Key::Line(c) => root.draw(&PathElement::new(
                vec![(cx, cy), (cx + 26, cy)],
                c.stroke_width(3),
            ))?,
            Key::Dashed(c) => {
                root.draw(&PathElement::new(
                    vec![(cx, cy), (cx + 10, cy)],
                    c.stroke_width(2),
                ))?;
                root.draw(&PathElement::new(
                    vec![(cx + 16, cy), (cx + 26, cy)],
                    c.stroke_width(2),
                ))?;
            }
            Key::Square(c) => {
                root.draw(&Rectangle::new(
                    [(cx + 4, cy - 8), (cx + 20, cy + 8)],
                    c.filled(),
                ))?;
                root.draw(&Rectangle::new(
                    [(cx + 4, cy - 8), (cx + 20, cy + 8)],
                    MUTED,
                ))?;
            }
        }
        root.draw(&Text::new(
            label.clone(),
            (cx + 34, cy),
            text(SMALL, &INK, HPos::Left, VPos::Center),
        ))?;
    }
    Ok(height)
}

/// A value axis: its range and the "nice" tick values inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Lower end (always finite and below `hi`).
    pub lo: f64,
    /// Upper end.
    pub hi: f64,
    /// Tick values, ascending, within `lo..=hi`.
    pub ticks: Vec<f64>,
    /// Decimals the tick values need.
    pub decimals: usize,
}

impl Axis {
    /// An axis over `lo..hi` with about `target` ticks at steps of 1, 2, 2.5 or 5 × 10^k,
    /// the ends widened to the next tick but kept within `bounds` (when given and valid).
    /// Non-finite or reversed input never fails: it gives a sensible range (0–1 at worst).
    pub fn nice(lo: f64, hi: f64, target: usize, bounds: Option<(f64, f64)>) -> Axis {
        let bounds = bounds.filter(|(a, b)| a.is_finite() && b.is_finite() && a < b);
        let (mut lo, mut hi) = match (lo.is_finite(), hi.is_finite()) {
            (true, true) => (lo.min(hi), lo.max(hi)),
            (true, false) => (lo, lo),
            (false, true) => (hi, hi),
            (false, false) => bounds.unwrap_or((0.0, 1.0)),
        };
        if hi - lo <= 1e-9 * lo.abs().max(hi.abs()) {
            // One value: a range around it.
            let pad = (lo.abs() * 0.1).max(1.0);
            (lo, hi) = (lo - pad, hi + pad);
        }
        if let Some((a, b)) = bounds {
            (lo, hi) = (lo.clamp(a, b), hi.clamp(a, b));
            if hi <= lo {
                (lo, hi) = (a, b);
            }
        }
        if !(lo.is_finite() && hi.is_finite() && lo < hi) {
            return Axis {
                lo: 0.0,
                hi: 1.0,
                ticks: vec![0.0, 1.0],
                decimals: 0,
            };
        }
        let step = nice_step((hi - lo) / target.max(1) as f64);
        let first = (lo / step + 1e-9).floor();
        let last = (hi / step - 1e-9).ceil();
        if !(step > 0.0 && step.is_finite() && first.is_finite() && last.is_finite())
            || last - first > 200.0
        {
            return Axis {
                lo,
                hi,
                ticks: vec![lo, hi],
                decimals: 0,
            };
        }
        let (mut a, mut b) = (first * step, last * step);
        if let Some((min, max)) = bounds {
            (a, b) = (a.max(min), b.min(max));
        }
        let (lo, hi) = if a < b { (a, b) } else { (lo, hi) };
        let ticks = ((first as i64)..=(last as i64))
            .map(|k| k as f64 * step)
            .filter(|t| *t >= lo - step * 1e-9 && *t <= hi + step * 1e-9)
            .collect();
        let decimals = (0..=10)
            .find(|d| {
                let scaled = step * 10f64.powi(*d);
                (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
            })
            .unwrap_or(10) as usize;
        Axis {
            lo,
            hi,
            ticks,
            decimals,
        }
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10^k at least `raw` (for a positive, finite `raw`).
fn nice_step(raw: f64) -> f64 {
    if !(raw > 0.0 && raw.is_finite()) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The parts of the polyline `points` inside the rectangle `x` × `y` (each segment
/// clipped, Liang–Barsky); a non-finite point breaks the line.
pub fn clip_polyline(
    points: &[(f64, f64)],
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let finite = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let clipped = if finite(&a) && finite(&b) {
            clip_segment(a, b, (x0, x1), (y0, y1))
        } else {
            None
        };
        match clipped {
            Some((p, q)) => {
                if current.last() != Some(&p) {
                    if current.len() > 1 {
                        runs.push(std::mem::take(&mut current));
                    }
                    current = vec![p];
                }
                current.push(q);
            }
            None => {
                if current.len() > 1 {
                    runs.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        runs.push(current);
    }
    runs
}

/// The part of the segment `a`–`b` inside the rectangle, if any.
fn clip_segment(
    a: (f64, f64),
    b: (f64, f64),
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 || !(t0.is_finite() && t1.is_finite()) {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            (a.0 + t * dx, a.1 + t * dy)
        }
    };
    Some((at(t0), at(t1)))
}

/// Draws a dashed polyline through the pixel points `points`: `dash` px drawn, `gap` px
/// left out, the pattern running on across corners.
pub fn draw_dashed<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[(f64, f64)],
    style: ShapeStyle,
    (dash, gap): (f64, f64),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (dash, gap) = (dash.max(1.0), gap.max(1.0));
    let px = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
    // Position within the pattern (0..dash drawing, dash..dash+gap not).
    let mut phase = 0.0;
    let mut piece: Vec<(i32, i32)> = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let length = (b.0 - a.0).hypot(b.1 - a.1);
        // Pixel coordinates: anything longer is not on the image.
        if !(length.is_finite() && length < 100_000.0) {
            continue;
        }
        let mut done = 0.0;
        while done < length {
            let drawing = phase < dash;
            let left_in_state = if drawing {
                dash - phase
            } else {
                dash + gap - phase
            };
            let step = left_in_state.min(length - done);
            let t0 = done / length;
            let t1 = (done + step) / length;
            let p = (a.0 + t0 * (b.0 - a.0), a.1 + t0 * (b.1 - a.1));
            let q = (a.0 + t1 * (b.0 - a.0), a.1 + t1 * (b.1 - a.1));
            if drawing {
                if piece.is_empty() {
                    piece.push(px(p));
                }
                piece.push(px(q));
            }
            done += step;
            phase += step;
            if phase >= dash && drawing {
                if piece.len() > 1 {
                    root.draw(&PathElement::new(std::mem::take(&mut piece), style))?;
                }
                piece.clear();
            }
            if phase >= dash + gap {
                phase = 0.0;
            }
        }
    }
    if piece.len() > 1 {
        root.draw(&PathElement::new(piece, style))?;
    }
    Ok(())
}

/// The colour of a comparison band.
pub fn band_colour(band: Band) -> RGBColor {
    match band {
        Band::MuchBetter => BAND_MUCH_BETTER,
        Band::Better => BAND_BETTER,
        Band::AsExpected => BAND_AS_EXPECTED,
        Band::Worse => BAND_WORSE,
        Band::MuchWorse => BAND_MUCH_WORSE,
    }
}

/// The colour of a mark (dot, interval) of a unit in `band`: the band colours, with a grey
/// for "as expected" that shows on white.
pub fn band_mark(band: Band) -> RGBColor {
    match band {
        Band::AsExpected => COMMON,
        b => band_colour(b),
    }
}

/// Whether an RGB colour is dark enough to need white text on it.
pub fn is_dark(c: RGBColor) -> bool {
    let RGBColor(r, g, b) = c;
    0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b) < 140.0
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the chart tests: decoding PNGs and counting ink.

    /// Decodes a PNG into (width, height, RGB pixels).
    pub fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    /// Writes the chart to `$PREM_CHART_PREVIEW/<name>.png|svg` when that variable is set,
    /// for looking at it while working on a chart kind.
    pub fn preview(name: &str, r: &super::Rendered) {
        if let Ok(dir) = std::env::var("PREM_CHART_PREVIEW") {
            let dir = std::path::Path::new(&dir);
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(format!("{name}.png")), &r.png).unwrap();
            std::fs::write(dir.join(format!("{name}.svg")), &r.svg).unwrap();
        }
    }

    /// Renders `chart` and checks what any chart must be, whatever its input: an SVG and
    /// a PNG of the chart's size, and no number that is not one ("NaN", "inf") in a
    /// coordinate or a label.
    #[track_caller]
    pub fn render_sound(chart: &impl super::Chart) -> super::Rendered {
        let r = super::render(chart).unwrap();
        let (w, h) = chart.size();
        let head = format!("<svg width=\"{w}\" height=\"{h}\"");
        assert!(
            r.svg.starts_with(&head),
            "{}",
            &r.svg[..r.svg.len().min(80)]
        );
        let (pw, ph, _) = decode(&r.png);
        assert_eq!((pw, ph), (w, h), "PNG size");
        for line in r.svg.lines() {
            let bad = line
                .split(|c: char| !c.is_alphanumeric() && c != '∞')
                .find(|word| matches!(*word, "NaN" | "inf" | "∞"));
            assert!(bad.is_none(), "{bad:?} in the SVG: {line}");
        }
        r
    }

    /// The SVG's text (its labels), one per line.
    pub fn labels(svg: &str) -> Vec<&str> {
        svg.lines().filter(|l| !l.starts_with('<')).collect()
    }

    /// Pixels darker than mid grey inside the rectangle `[x0, x1) × [y0, y1)`.
    pub fn dark_pixels(png: &[u8], (x0, y0): (u32, u32), (x1, y1): (u32, u32)) -> usize {
        let (w, h, px) = decode(png);
        let mut count = 0;
        for y in y0..y1.min(h) {
            for x in x0..x1.min(w) {
                let i = ((y * w + x) * 3) as usize;
                let lum = (px[i] as u32 + px[i + 1] as u32 + px[i + 2] as u32) / 3;
                if lum < 110 {
                    count += 1;
                }
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_nice_and_never_empty() {
        let a = Axis::nice(7.1, 8.95, 5, Some((0.0, 10.0)));
        assert_eq!((a.lo, a.hi, a.decimals), (7.0, 9.0, 1));
        assert_eq!(a.ticks, vec![7.0, 7.5, 8.0, 8.5, 9.0]);
        // Kept within the bounds.
        let a = Axis::nice(8.0, 10.3, 5, Some((0.0, 10.0)));
        assert!(a.hi <= 10.0 && a.lo < a.hi, "{a:?}");
        // Starting at 0 stays at 0.
        assert_eq!(Axis::nice(0.0, 735.0, 6, None).lo, 0.0);
        for (lo, hi, bounds) in [
            (5.0, 5.0, None),
            (f64::NAN, f64::NAN, None),
            (f64::NEG_INFINITY, f64::INFINITY, Some((1.0, 1.0))),
            (-f64::MAX, f64::MAX, None),
            (3.0, 1.0, Some((f64::NAN, 2.0))),
            (1e-12, 2e-12, None),
        ] {
            let a = Axis::nice(lo, hi, 5, bounds);
            assert!(a.lo.is_finite() && a.hi.is_finite() && a.lo < a.hi, "{a:?}");
            assert!(!a.ticks.is_empty() && a.ticks.len() < 300, "{a:?}");
        }
    }

    #[test]
    fn polylines_are_clipped_to_the_rectangle() {
        let line = [
            (0.0, 0.0),
            (10.0, 10.0),
            (20.0, 0.0),
            (f64::NAN, 1.0),
            (30.0, 5.0),
            (40.0, 5.0),
        ];
        let runs = clip_polyline(&line, (0.0, 40.0), (2.0, 8.0));
        assert_eq!(
            runs,
            vec![
                vec![(2.0, 2.0), (8.0, 8.0)],
                vec![(12.0, 8.0), (18.0, 2.0)],
                vec![(30.0, 5.0), (40.0, 5.0)],
            ]
        );
        assert!(clip_polyline(&[(0.0, 20.0), (5.0, 30.0)], (0.0, 10.0), (0.0, 10.0)).is_empty());
    }

    #[test]
    fn the_legend_height_is_known_before_drawing() {
        fonts().unwrap();
        let entries: Vec<(Key, String)> = (0..9)
            .map(|i| (Key::Dot(UNIT), format!("legendatekst nummer {i}")))
            .collect();
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 400)).into_drawing_area();
        let drawn = draw_legend(&root, (20, 30), &entries).unwrap();
        assert_eq!(drawn, legend_height(WIDTH, 20, &entries));
        assert!(drawn > (SMALL * 1.6) as i32);
        assert_eq!(legend_height(WIDTH, 20, &[]), 0);
    }

    /// Issue 10: the longest theme name of the built-in codebooks (39 characters) and a
    /// 45-character one wrap onto two lines without "…" at the width the label columns get.
    #[test]
    fn long_labels_wrap_onto_two_lines_without_an_ellipsis() {
        let _ = fonts();
        let max = WIDTH * 2 / 5 - 20;
        let short = wrap_label("Bereikbaarheid", LABEL, max);
        assert_eq!(short, ["Bereikbaarheid"]);
        for name in [
            "Voorbereiding op bevalling en kraamtijd",
            "Samenwerking en overdracht tussen zorgverleners",
        ] {
            assert!(text_width(name, LABEL) > max, "{name} fits on one line");
            let lines = wrap_label(name, LABEL, max);
            assert_eq!(lines.len(), 2, "{name}");
            assert_eq!(lines.join(" "), name);
            assert!(lines.iter().all(|l| text_width(l, LABEL) <= max));
        }
        assert_eq!(
            wrap_label("Voorbereiding op bevalling en kraamtijd", LABEL, max),
            ["Voorbereiding op", "bevalling en kraamtijd"]
        );
        // One word too long for a line is shortened rather than overflowing.
        let word = "Zwangerschapsbegeleidingsgesprekkenverslaglegging".repeat(2);
        let lines = wrap_label(&word, LABEL, 200);
        assert!(lines.len() == 1 && lines[0].ends_with('…'));
    }

    #[test]
    fn long_labels_are_shortened_to_fit() {
        let long = "Informatievoorziening en communicatie tijdens de bevalling";
        let short = fit(long, LABEL, 200);
        assert!(short.ends_with('…'), "{short}");
        assert!(text_width(&short, LABEL) <= 200);
        assert_eq!(fit("Kort", LABEL, 200), "Kort");
    }
}
