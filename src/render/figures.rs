//! The report's charts: which charts a report holds, their data taken from the scored cells,
//! their texts in the report language. Rendering (SVG and PNG) runs in parallel.
//!
//! Privacy is decided before any chart sees a number: a suppressed cell reaches a chart as
//! "no value" (it has no statistics left after scoring), and chart kinds draw only the
//! privacy text for it.

use rayon::prelude::*;

use crate::codebook::ScaleKind;
use crate::compare::{families, family_funnel};
use crate::config::Config;
use crate::funnel::Band;
use crate::i18n::{fill, ChartTexts, Language};
use crate::ingest::{Canonical, ItemRole};
use crate::labels::Words;
use crate::output::slug;
use crate::period::Period;
use crate::render::agenda::{unit_cell, Unit};
use crate::render::charts::funnel::{FunnelLegend, FunnelLimits, FunnelPlot, FunnelPoint};
use crate::render::charts::grade_nps::{GradeNps, Mark};
use crate::render::charts::heatmap::{HeatCell, HeatLegend, HeatState, Heatmap};
use crate::render::charts::likert::{Category, Likert, LikertRow, Side};
use crate::render::charts::spc::{PointKind, SpcLegend, SpcPlot, SpcPlotPoint};
use crate::render::charts::theme_scores::{ThemeLegend, ThemeRow, ThemeScores};
use crate::render::charts::{render, ChartError, Interval, Rendered};
use crate::score::{Cell, Measure, Scores, Tier};
use crate::spc::{SpcChart, Variation};
use crate::trend::{spc_chart, spc_series};

/// Any chart kind, ready to render.
#[derive(Debug, Clone)]
pub enum AnyChart {
    /// Theme scores against the region.
    ThemeScores(ThemeScores),
    /// XmR chart.
    Spc(SpcPlot),
    /// Funnel plot.
    Funnel(FunnelPlot),
    /// Answer distribution.
    Likert(Likert),
    /// Region heatmap.
    Heatmap(Heatmap),
    /// Overall grade and NPS over periods.
    GradeNps(GradeNps),
}

impl AnyChart {
    /// Renders the chart as SVG and PNG.
    pub fn render(&self) -> Result<Rendered, ChartError> {
        match self {
            AnyChart::ThemeScores(c) => render(c),
            AnyChart::Spc(c) => render(c),
            AnyChart::Funnel(c) => render(c),
            AnyChart::Likert(c) => render(c),
            AnyChart::Heatmap(c) => render(c),
            AnyChart::GradeNps(c) => render(c),
        }
    }
}

/// One chart of the report.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Path in the report folder without extension, e.g. `regio/charts/heatmap`.
    pub path: String,
    /// Name in the agenda's chart list.
    pub caption: String,
    /// Shown in the agenda itself (not only linked).
    pub inline: bool,
    /// The chart.
    pub chart: AnyChart,
}

impl Figure {
    /// The path relative to the unit's folder (where its agenda is), without extension.
    pub fn local_path(&self) -> &str {
        self.path
            .split_once('/')
            .map_or(self.path.as_str(), |(_, rest)| rest)
    }
}

/// Renders every figure, in parallel; the output keeps the input order.
pub fn render_all(figures: &[Figure]) -> Result<Vec<Rendered>, (String, ChartError)> {
    figures
        .par_iter()
        .map(|f| f.chart.render().map_err(|e| (f.path.clone(), e)))
        .collect()
}

/// What the figures are made from.
pub struct Source<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The canonical data.
    pub data: &'a Canonical,
    /// Scored cells up to the report's period.
    pub scores: &'a Scores,
    /// The report's period.
    pub period: Period,
    /// The SPC series, built once on first use.
    series: std::cell::OnceCell<
        std::collections::BTreeMap<crate::trend::SeriesKey, Vec<(Period, usize)>>,
    >,
}

impl<'a> Source<'a> {
    /// The figures' source for a report.
    pub fn new(
        config: &'a Config,
        data: &'a Canonical,
        scores: &'a Scores,
        period: Period,
    ) -> Self {
        Source {
            config,
            data,
            scores,
            period,
            series: std::cell::OnceCell::new(),
        }
    }
}

impl Source<'_> {
    /// A chart text with the unit noun filled in (`{noun}` "VSV", `{nouns}` "VSV's").
    fn nouns(&self, text: &str) -> String {
        let (noun, nouns) = self.config.analysis.unit_nouns();
        fill(text, &[("noun", noun), ("nouns", nouns)])
    }

    fn lang(&self) -> Language {
        self.config.analysis.language
    }

    fn t(&self) -> &'static ChartTexts {
        self.lang().charts()
    }

    /// Themes that have cells, in codebook order, as (measure, label, id).
    fn themes(&self) -> Vec<(Measure, String, String)> {
        self.data
            .themes
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                self.scores
                    .cells
                    .iter()
                    .any(|c| c.measure == Measure::Theme(*i as u16))
            })
            .map(|(i, th)| {
                (
                    Measure::Theme(i as u16),
                    th.label_in(self.lang()).to_string(),
                    th.id.clone(),
                )
            })
            .collect()
    }

    fn unit_name(&self, unit: Unit) -> String {
        match unit {
            Unit::Region => self.config.analysis.name.clone(),
            Unit::Vsv(v) => self.data.names.get(v).to_string(),
        }
    }

    /// The privacy text of suppressed cells: one text for every hidden cell, whether it is
    /// small itself or hidden to protect a smaller one (telling them apart would bound the
    /// hidden n's).
    fn hidden_text(&self) -> String {
        self.lang().tier(Tier::Suppressed).to_string()
    }

    fn indicative_legend(&self) -> String {
        fill(
            self.t().indicative_legend,
            &[
                ("min_n", self.config.privacy.min_n.to_string()),
                (
                    "max_n",
                    self.config
                        .privacy
                        .indicative_n
                        .saturating_sub(1)
                        .to_string(),
                ),
            ],
        )
    }

    fn first_item(&self, role: ItemRole) -> Option<u16> {
        self.data
            .items
            .iter()
            .position(|i| i.role == role)
            .map(|i| i as u16)
    }
}

/// A shown score with its interval (the mean itself when there is no interval).
fn interval(c: &Cell) -> Option<Interval> {
    if c.tier == Tier::Suppressed {
        return None;
    }
    let s = c.stats?;
    let (low, high) = s.ci.unwrap_or((s.mean, s.mean));
    Some(Interval {
        mean: s.mean,
        low,
        high,
    })
}

/// The charts of one unit (a VSV or the region) in `dir` (its folder name).
pub fn unit_figures(src: &Source, unit: Unit, dir: &str) -> Vec<Figure> {
    let t = src.t();
    let mut out = vec![Figure {
        path: format!("{dir}/charts/theme-scores"),
        caption: match unit {
            Unit::Region => t.caption_theme_scores_region,
            Unit::Vsv(_) => t.caption_theme_scores,
        }
        .into(),
        inline: true,
        chart: AnyChart::ThemeScores(theme_scores(src, unit)),
    }];
    if let Some(chart) = grade_nps(src, unit) {
        out.push(Figure {
            path: format!("{dir}/charts/grade-nps"),
            caption: t.caption_grade_nps.into(),
            inline: true,
            chart: AnyChart::GradeNps(chart),
        });
    }
    out.push(Figure {
        path: format!("{dir}/charts/answers"),
        caption: t.caption_answers.into(),
        inline: true,
        chart: AnyChart::Likert(likert(src, unit)),
    });
    for (m, label, id) in src.themes() {
        if let Some(chart) = spc(src, unit, m, &label) {
            out.push(Figure {
                path: format!("{dir}/charts/spc-{}", slug(&id)),
                caption: format!("{}: {label}", t.caption_spc),
                inline: false,
                chart: AnyChart::Spc(chart),
            });
        }
    }
    out
}

/// The region's own charts besides [`unit_figures`]: the heatmap and a funnel per theme.
pub fn region_figures(src: &Source, dir: &str) -> Vec<Figure> {
    let t = src.t();
    let mut out = vec![Figure {
        path: format!("{dir}/charts/heatmap"),
        caption: src.nouns(t.caption_heatmap),
        inline: true,
        chart: AnyChart::Heatmap(heatmap(src)),
    }];
    if let Some(chart) = caterpillar(src) {
        out.push(Figure {
            path: format!("{dir}/charts/caterpillar"),
            caption: src.nouns(t.caption_caterpillar),
            inline: false,
            chart: AnyChart::ThemeScores(chart),
        });
    }
    for (m, label, id) in src.themes() {
        if let Some(chart) = funnel(src, m, &label) {
            out.push(Figure {
                path: format!("{dir}/charts/funnel-{}", slug(&id)),
                caption: format!("{}: {label}", t.caption_funnel),
                inline: false,
                chart: AnyChart::Funnel(chart),
            });
        }
    }
    out
}

fn vsv_of(unit: Unit) -> Option<u32> {
    match unit {
        Unit::Region => None,
        Unit::Vsv(v) => Some(v),
    }
}

fn theme_scores(src: &Source, unit: Unit) -> ThemeScores {
    let t = src.t();
    let vsv = vsv_of(unit);
    let themes = src.themes();
    let cells: Vec<Option<&Cell>> = themes
        .iter()
        .map(|(m, _, _)| unit_cell(src.scores, src.period, vsv, *m))
        .collect();
    let rows = themes
        .iter()
        .zip(&cells)
        .filter_map(|((m, label, _), cell)| {
            let cell = (*cell)?;
            let region = vsv
                .and_then(|_| unit_cell(src.scores, src.period, None, *m))
                .and_then(interval)
                .map(|i| i.mean);
            Some(ThemeRow {
                label: label.clone(),
                score: interval(cell),
                indicative: cell.tier == Tier::Indicative,
                region,
                band: published_band(cell),
            })
        })
        .collect();
    ThemeScores {
        title: fill(t.theme_scores_title, &[("unit", src.unit_name(unit))]),
        subtitle: fill(
            t.theme_scores_subtitle,
            &[("period", src.period.display(src.lang()))],
        ),
        axis: t.score_axis.into(),
        rows,
        legend: theme_legend(src, unit),
        suppressed: src.hidden_text(),
        comma: src.lang().comma(),
    }
}

/// The caterpillar of all VSVs on the overall grade: highest first, hidden VSVs last with
/// only the privacy text.
fn caterpillar(src: &Source) -> Option<ThemeScores> {
    let t = src.t();
    let item = src.first_item(ItemRole::Grade)?;
    let m = Measure::Grade(item);
    let region = unit_cell(src.scores, src.period, None, m)
        .and_then(interval)
        .map(|i| i.mean);
    let mut cells: Vec<(String, &Cell)> = src
        .data
        .vsvs()
        .into_iter()
        .filter_map(|name| {
            let id = src.data.names.find(&name)?;
            Some((name, unit_cell(src.scores, src.period, Some(id), m)?))
        })
        .collect();
    if cells.len() < 2 {
        return None;
    }
    let key = |c: &Cell| interval(c).map_or(f64::NEG_INFINITY, |i| i.mean);
    cells.sort_by(|a, b| key(b.1).total_cmp(&key(a.1)).then(a.0.cmp(&b.0)));
    let suppressed = src.hidden_text();
    Some(ThemeScores {
        title: fill(
            &src.nouns(t.caterpillar_title),
            &[("unit", src.unit_name(Unit::Region))],
        ),
        subtitle: fill(
            t.caterpillar_subtitle,
            &[("period", src.period.display(src.lang()))],
        ),
        axis: t.grade_axis.into(),
        rows: cells
            .iter()
            .map(|(name, c)| ThemeRow {
                label: name.clone(),
                score: interval(c),
                indicative: c.tier == Tier::Indicative,
                region,
                band: published_band(c),
            })
            .collect(),
        legend: theme_legend(src, Unit::Vsv(0)),
        suppressed,
        comma: src.lang().comma(),
    })
}

/// The band a cell shows in the report: full-tier cells only, as the heatmap and tables.
fn published_band(c: &Cell) -> Option<Band> {
    c.comparison.band.filter(|_| c.tier == Tier::Full)
}

/// The legend of a theme-scores chart: the band names of the heatmap and tables; the
/// region is compared with nothing, so its dots are simply its scores.
fn theme_legend(src: &Source, unit: Unit) -> ThemeLegend {
    let t = src.t();
    let lang = src.lang();
    ThemeLegend {
        bands: [
            Band::MuchBetter,
            Band::Better,
            Band::AsExpected,
            Band::Worse,
            Band::MuchWorse,
        ]
        .map(|b| lang.band(b).to_string()),
        not_compared: match unit {
            Unit::Region => t.ci_legend,
            Unit::Vsv(_) => t.not_compared,
        }
        .into(),
        indicative: src.indicative_legend(),
        region: t.region_legend.into(),
    }
}

fn point_kind(v: Option<Variation>) -> PointKind {
    match v {
        None => PointKind::Unclassified,
        Some(Variation::CommonCause) => PointKind::Common,
        Some(Variation::SpecialCauseImprovement) => PointKind::Improvement,
        Some(Variation::SpecialCauseConcern) => PointKind::Concern,
        Some(Variation::SpecialCauseNeutral) => PointKind::Neutral,
    }
}

/// Chart points of an XmR chart; `labels` are the points' x labels.
pub fn spc_points(chart: &SpcChart, labels: &[String]) -> Vec<SpcPlotPoint> {
    chart
        .points
        .iter()
        .zip(labels)
        .map(|(p, label)| SpcPlotPoint {
            label: label.clone(),
            value: p.value.is_finite().then_some(p.value),
            mean: p.mean.is_finite().then_some(p.mean),
            lpl: p.lpl,
            upl: p.upl,
            kind: point_kind(p.variation),
            segment: p.rebase_group,
        })
        .collect()
}

/// The SPC legend texts of `lang` for `chart`; `missing` is the text for a period
/// without a value. The kinds use the same words as `prem spc` and the agenda.
pub fn spc_legend(lang: Language, chart: &SpcChart, missing: String) -> SpcLegend {
    let t = lang.charts();
    let too_few = chart.too_few().map_or(String::new(), |(have, need)| {
        fill(
            t.spc_too_few,
            &[("have", have.to_string()), ("need", need.to_string())],
        )
    });
    SpcLegend {
        value: t.spc_value.into(),
        mean: t.spc_mean.into(),
        limits: t.spc_limits.into(),
        improvement: lang.variation(Variation::SpecialCauseImprovement).into(),
        concern: lang.variation(Variation::SpecialCauseConcern).into(),
        common: lang.variation(Variation::CommonCause).into(),
        neutral: lang.variation(Variation::SpecialCauseNeutral).into(),
        missing,
        too_few,
    }
}

/// The XmR chart of a unit's theme over the periods up to the report's. Periods without
/// a full-tier score are gaps in the drawing; the limits use the shown points only, as
/// the `spc_signal` column of scores.csv does.
fn spc(src: &Source, unit: Unit, m: Measure, label: &str) -> Option<SpcPlot> {
    let t = src.t();
    let lang = src.lang();
    let series = src
        .series
        .get_or_init(|| spc_series(src.scores, src.period));
    let points = series.get(&(vsv_of(unit), None, None, m))?;
    if points.len() < 2 {
        return None;
    }
    let chart = spc_chart(src.scores, points, src.config.analysis.spc_min_points);
    let labels: Vec<String> = points.iter().map(|(p, _)| p.display(lang)).collect();
    let shown = spc_points(&chart, &labels);
    // Every period from the first shown one up to the report's, gaps included.
    let first = points.first().map(|(p, _)| *p)?;
    let mut all = Vec::new();
    let mut next = shown.into_iter().zip(points).peekable();
    for p in src.data.periods() {
        if p < first || p > src.period {
            continue;
        }
        match next.peek() {
            Some((_, (q, _))) if *q == p => {
                if let Some((point, _)) = next.next() {
                    all.push(point);
                }
            }
            _ => all.push(SpcPlotPoint {
                label: p.display(lang),
                value: None,
                mean: all.last().and_then(|x: &SpcPlotPoint| x.mean),
                lpl: all.last().and_then(|x: &SpcPlotPoint| x.lpl),
                upl: all.last().and_then(|x: &SpcPlotPoint| x.upl),
                kind: PointKind::Common,
                segment: all.last().map_or(0, |x: &SpcPlotPoint| x.segment),
            }),
        }
    }
    let missing = fill(
        t.spc_missing,
        &[("indicative_n", src.config.privacy.indicative_n.to_string())],
    );
    Some(SpcPlot {
        title: fill(
            t.spc_title,
            &[("theme", label.to_string()), ("unit", src.unit_name(unit))],
        ),
        subtitle: fill(
            t.spc_subtitle,
            &[("indicative_n", src.config.privacy.indicative_n.to_string())],
        ),
        y_axis: t.score_axis.into(),
        x_axis: t.period_axis.into(),
        points: all,
        legend: spc_legend(lang, &chart, missing),
        no_data: t.no_data.into(),
        decimals: 1,
        comma: lang.comma(),
        y_range: Some((0.0, 10.0)),
    })
}

/// The funnel legend texts of `lang`.
pub fn funnel_legend(lang: Language, target: &str, units_not_banded: &str) -> FunnelLegend {
    let t = lang.charts();
    FunnelLegend {
        target: target.into(),
        limits95: t.funnel_95.into(),
        limits998: t.funnel_998.into(),
        bands: [
            Band::MuchBetter,
            Band::Better,
            Band::AsExpected,
            Band::Worse,
            Band::MuchWorse,
        ]
        .map(|b| lang.band(b).to_string()),
        not_banded: units_not_banded.into(),
    }
}

/// The drawn limits of a funnel: with the overdispersion adjustment when it was applied.
pub fn funnel_limits(f: &crate::funnel::Funnel) -> Vec<FunnelLimits> {
    f.curve
        .iter()
        .map(|c| FunnelLimits {
            n: c.n,
            ll95: c.od_ll95.unwrap_or(c.ll95),
            ul95: c.od_ul95.unwrap_or(c.ul95),
            ll998: c.od_ll998.unwrap_or(c.ll998),
            ul998: c.od_ul998.unwrap_or(c.ul998),
        })
        .collect()
}

/// The funnel of a theme across the VSVs in the report's period.
fn funnel(src: &Source, m: Measure, label: &str) -> Option<FunnelPlot> {
    let t = src.t();
    let lang = src.lang();
    let members = families(src.scores)
        .remove(&(src.period, None, m))
        .unwrap_or_default();
    let f = family_funnel(src.scores, &members)?;
    let units = f
        .units
        .iter()
        .filter_map(|u| {
            let i: usize = u.name.parse().ok()?;
            let cell = src.scores.cells.get(i)?;
            let vsv = cell.vsv?;
            Some(FunnelPoint {
                label: src.data.names.get(vsv).to_string(),
                n: u.n,
                value: u.value,
                band: cell.comparison.band.filter(|_| cell.tier == Tier::Full),
            })
        })
        .collect();
    Some(FunnelPlot {
        title: fill(&src.nouns(t.funnel_title), &[("theme", label.to_string())]),
        subtitle: fill(t.funnel_subtitle, &[("period", src.period.display(lang))]),
        x_axis: t.funnel_x.into(),
        y_axis: t.funnel_y.into(),
        target: f.target,
        curve: funnel_limits(&f),
        units,
        legend: funnel_legend(lang, &src.nouns(t.funnel_target), t.no_band),
        no_data: t.no_data.into(),
        percent: false,
        decimals: 1,
        comma: lang.comma(),
        y_range: Some((0.0, 10.0)),
    })
}

fn heatmap(src: &Source) -> Heatmap {
    let t = src.t();
    let lang = src.lang();
    let themes = src.themes();
    let vsvs: Vec<(u32, String)> = src
        .data
        .vsvs()
        .into_iter()
        .filter_map(|name| src.data.names.find(&name).map(|id| (id, name)))
        .collect();
    let cells = themes
        .iter()
        .map(|(m, _, _)| {
            vsvs.iter()
                .map(
                    |(v, _)| match unit_cell(src.scores, src.period, Some(*v), *m) {
                        None => HeatCell {
                            value: None,
                            state: HeatState::Full(None),
                        },
                        Some(c) => {
                            let value = interval(c).map(|i| i.mean);
                            let state = match c.tier {
                                Tier::Suppressed => HeatState::Suppressed,
                                Tier::Indicative => HeatState::Indicative,
                                Tier::Full => HeatState::Full(c.comparison.band),
                            };
                            HeatCell { value, state }
                        }
                    },
                )
                .collect()
        })
        .collect();
    let suppressed = src.hidden_text();
    Heatmap {
        title: fill(
            &src.nouns(t.heatmap_title),
            &[("unit", src.unit_name(Unit::Region))],
        ),
        subtitle: fill(t.heatmap_subtitle, &[("period", src.period.display(lang))]),
        rows: themes.into_iter().map(|(_, label, _)| label).collect(),
        columns: vsvs.into_iter().map(|(_, name)| name).collect(),
        cells,
        legend: HeatLegend {
            bands: [
                Band::MuchBetter,
                Band::Better,
                Band::AsExpected,
                Band::Worse,
                Band::MuchWorse,
            ]
            .map(|b| lang.band(b).to_string()),
            indicative: t.no_band.into(),
            suppressed: fill(
                t.suppressed_legend,
                &[("min_n", src.config.privacy.min_n.to_string())],
            ),
        },
        suppressed,
        comma: lang.comma(),
    }
}

/// The answer distribution per theme: problem, neutral and top answers of all the unit's
/// answers to the theme's items in the report's period.
fn likert(src: &Source, unit: Unit) -> Likert {
    let t = src.t();
    let lang = src.lang();
    let vsv = vsv_of(unit);
    let themes = src.themes();
    // counts[theme] = [problem, neutral, positive]
    let mut counts = vec![[0u64; 3]; src.data.themes.len()];
    // Only the care types the unit's published score covers: answers of a hidden care type
    // must not reach the chart through its unit's total.
    let covers: Vec<Option<&[u32]>> = (0..src.data.themes.len())
        .map(|th| {
            unit_cell(src.scores, src.period, vsv, Measure::Theme(th as u16))
                .map(|c| c.covers.as_slice())
        })
        .collect();
    for a in &src.data.answers {
        let Some(r) = src.data.respondents.get(a.row as usize) else {
            continue;
        };
        if r.period != src.period || (vsv.is_some() && Some(r.vsv) != vsv) {
            continue;
        }
        let Some(ItemRole::Theme(th)) = src.data.items.get(a.item as usize).map(|i| i.role) else {
            continue;
        };
        let covered = match (covers.get(th).copied().flatten(), r.care_type) {
            (Some(list), Some(ct)) if !list.is_empty() => list.contains(&ct),
            _ => true,
        };
        if !covered {
            continue;
        }
        let side = if a.problem {
            0
        } else if a.positive {
            2
        } else {
            1
        };
        if let Some(c) = counts.get_mut(th) {
            c[side] += 1;
        }
    }
    let rows = themes
        .iter()
        .filter_map(|(m, label, _)| {
            let cell = unit_cell(src.scores, src.period, vsv, *m)?;
            let Measure::Theme(th) = m else {
                return None;
            };
            let c = counts.get(*th as usize).copied().unwrap_or_default();
            let total = (c[0] + c[1] + c[2]) as f64;
            let shown = cell.tier != Tier::Suppressed && total > 0.0;
            Some(LikertRow {
                label: label.clone(),
                shares: shown.then(|| c.iter().map(|&k| k as f64 / total).collect()),
                n: cell.stats.filter(|_| shown).map(|s| s.n),
            })
        })
        .collect();
    Likert {
        title: fill(t.likert_title, &[("unit", src.unit_name(unit))]),
        subtitle: fill(
            t.likert_subtitle,
            &[
                ("period", src.period.display(lang)),
                ("scales", scale_note(src)),
            ],
        ),
        axis: t.likert_axis.into(),
        categories: vec![
            Category {
                label: t.likert_problem.into(),
                side: Side::Problem,
            },
            Category {
                label: t.likert_neutral.into(),
                side: Side::Neutral,
            },
            Category {
                label: t.likert_positive.into(),
                side: Side::Positive,
            },
        ],
        rows,
        suppressed: src.hidden_text(),
        comma: lang.comma(),
    }
}

/// Which answers count as problem and top answer, per scale of the themes' items:
/// "probleem 1–5, topantwoord 9–10".
fn scale_note(src: &Source) -> String {
    let t = src.t();
    let lang = src.lang();
    let mut notes: Vec<String> = Vec::new();
    for item in &src.data.items {
        if !matches!(item.role, ItemRole::Theme(_)) {
            continue;
        }
        let Some(source) = src.data.sources.get(item.source) else {
            continue;
        };
        let book = &source.codebook;
        let Some(scale) = book
            .items
            .iter()
            .find(|i| i.id == item.id)
            .and_then(|i| book.scales.get(&i.scale))
        else {
            continue;
        };
        let note = match scale.kind {
            ScaleKind::Numeric => {
                let (Some(min), Some(max)) = (scale.min, scale.max) else {
                    continue;
                };
                let problem = scale.problem_max.map(|p| {
                    format!(
                        "{} {}–{}",
                        t.likert_problem,
                        lang.decimal(min, 0),
                        lang.decimal(p, 0)
                    )
                });
                let top = scale.positive_min.map(|p| {
                    format!(
                        "{} {}–{}",
                        t.likert_positive,
                        lang.decimal(p, 0),
                        lang.decimal(max, 0)
                    )
                });
                [problem, top]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            _ => {
                let problem = (!scale.problem.is_empty())
                    .then(|| format!("{} {}", t.likert_problem, scale.problem.join("/")));
                let top = (!scale.positive.is_empty())
                    .then(|| format!("{} {}", t.likert_positive, scale.positive.join("/")));
                [problem, top]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        if !note.is_empty() && !notes.contains(&note) {
            notes.push(note);
        }
    }
    notes.join(" · ")
}

fn grade_nps(src: &Source, unit: Unit) -> Option<GradeNps> {
    let t = src.t();
    let lang = src.lang();
    let vsv = vsv_of(unit);
    let grade_item = src.first_item(ItemRole::Grade);
    let nps_item = src.first_item(ItemRole::Recommend);
    if grade_item.is_none() && nps_item.is_none() {
        return None;
    }
    // Periods in which the unit has a grade or NPS cell at all: a period without data is
    // left out, so that only a hidden cell carries the privacy text.
    let has_cell = |p: Period| {
        [grade_item.map(Measure::Grade), nps_item.map(Measure::Nps)]
            .into_iter()
            .flatten()
            .any(|m| unit_cell(src.scores, p, vsv, m).is_some())
    };
    let periods: Vec<Period> = src
        .data
        .periods()
        .into_iter()
        .filter(|p| *p <= src.period && has_cell(*p))
        .collect();
    if periods.is_empty() {
        return None;
    }
    let marks = |item: Option<u16>, make: fn(u16) -> Measure, v: Option<u32>| {
        periods
            .iter()
            .map(|p| {
                let cell = unit_cell(src.scores, *p, v, make(item?))?;
                Some(Mark {
                    value: interval(cell)?,
                    indicative: cell.tier == Tier::Indicative,
                })
            })
            .collect::<Vec<_>>()
    };
    let grade = marks(grade_item, Measure::Grade, vsv);
    let nps = marks(nps_item, Measure::Nps, vsv);
    let (region_grade, region_nps) = match vsv {
        None => (Vec::new(), Vec::new()),
        Some(_) => (
            marks(grade_item, Measure::Grade, None)
                .into_iter()
                .map(|m| m.map(|m| m.value.mean))
                .collect(),
            marks(nps_item, Measure::Nps, None)
                .into_iter()
                .map(|m| m.map(|m| m.value.mean))
                .collect(),
        ),
    };
    Some(GradeNps {
        title: fill(t.grade_nps_title, &[("unit", src.unit_name(unit))]),
        subtitle: t.grade_nps_subtitle.into(),
        periods: periods.iter().map(|p| p.display(lang)).collect(),
        grade,
        nps,
        region_grade,
        region_nps,
        panels: [t.grade_panel.into(), t.nps_panel.into()],
        legend: [
            t.ci_legend.into(),
            src.indicative_legend(),
            t.region_legend.into(),
        ],
        suppressed: src.hidden_text(),
        comma: lang.comma(),
    })
}
