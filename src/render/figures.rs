//! The report's charts: which charts a report holds, their data taken from the scored cells,
//! their texts in the report language. Rendering (SVG and PNG) runs in parallel.
//!
//! Nothing is computed here: the scores, SPC charts, funnels and answer counts come from
//! the analysis, and this module only turns them into the chart kinds' plot structs.
//!
//! Privacy is decided before any chart sees a number: a suppressed cell reaches a chart as
//! "no value" (it has no statistics left after scoring), answer counts come only as far as
//! [`crate::analysis::disclosure::answers::answer_counts`] lets them, and chart kinds draw only the privacy
//! text for a hidden cell.

use rayon::prelude::*;

use serde::Serialize;

use crate::analysis::compare::Funnels;
use crate::analysis::disclosure::answers::ShownAnswers;
use crate::analysis::score::{Cell, Measure, Scores, Tier, Unit};
use crate::analysis::trend::SpcCharts;
use crate::config::codebook::ScaleKind;
use crate::config::Config;
use crate::funnel::Band;
use crate::i18n::{fill, ChartTexts, Language};
use crate::ingest::{Canonical, ItemRole};
use crate::layout;
use crate::period::Period;
use crate::render::charts::funnel::{FunnelLegend, FunnelLimits, FunnelPlot, FunnelPoint};
use crate::render::charts::grade_nps::{GradeNps, Mark};
use crate::render::charts::heatmap::{HeatCell, HeatLegend, HeatState, Heatmap};
use crate::render::charts::likert::{Category, Likert, LikertRow, Side};
use crate::render::charts::spc::{PointKind, SpcLegend, SpcPlot, SpcPlotPoint};
use crate::render::charts::theme_scores::{ThemeLegend, ThemeRow, ThemeScores};
use crate::render::charts::{render, ChartError, Interval, Rendered};
use crate::render::labels::Words;
use crate::spc::{SpcChart, Variation};

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

/// What a chart shows, for choosing among a unit's charts (a theme by its index in
/// [`Canonical::themes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Theme scores against the region.
    ThemeScores,
    /// Overall grade and NPS over periods.
    GradeNps,
    /// Answer distribution per theme.
    Answers,
    /// A theme's XmR chart.
    Spc(u16),
    /// The region's heatmap of VSVs × themes.
    Heatmap,
    /// The VSVs' overall grades, highest first.
    Caterpillar,
    /// A theme's funnel plot across the VSVs.
    Funnel(u16),
}

/// One chart of the report.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The unit's folder, e.g. `regio`.
    pub dir: String,
    /// The file name without extension, e.g. `heatmap` (see [`layout`]).
    pub stem: String,
    /// What it shows.
    pub kind: ChartKind,
    /// Name in the agenda's chart list.
    pub caption: String,
    /// Shown in the agenda itself (not only linked).
    pub inline: bool,
    /// The chart.
    pub chart: AnyChart,
}

impl Figure {
    /// The path in the report folder without extension, e.g. `regio/charts/heatmap`.
    pub fn path(&self) -> String {
        layout::unit_chart(&self.dir, &self.stem)
    }

    /// The figure as its own unit's agenda links it.
    pub fn link(&self) -> ChartLink {
        ChartLink {
            caption: self.caption.clone(),
            file: layout::chart(&self.stem),
            inline: self.inline,
            kind: self.kind,
        }
    }

    /// A region figure as a VSV's agenda links it (from the VSV's folder).
    pub fn link_from_vsv(&self) -> ChartLink {
        ChartLink {
            file: layout::region_chart_from_vsv(&self.stem),
            ..self.link()
        }
    }
}

/// A chart as an agenda links it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartLink {
    /// Name in the list.
    pub caption: String,
    /// Path relative to the agenda, without extension (`charts/theme-scores`).
    pub file: String,
    /// Shown as an image in the agenda, not only linked.
    pub inline: bool,
    /// What it shows.
    #[serde(skip)]
    pub kind: ChartKind,
}

/// Renders every figure, in parallel; the output keeps the input order.
pub fn render_all(figures: &[&Figure]) -> Result<Vec<Rendered>, (String, ChartError)> {
    figures
        .par_iter()
        .map(|f| f.chart.render().map_err(|e| (f.path(), e)))
        .collect()
}

/// What the figures are made from: the analysis of a report.
pub struct Source<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The canonical data.
    pub data: &'a Canonical,
    /// Scored cells up to the report's period.
    pub scores: &'a Scores,
    /// The report's period.
    pub period: Period,
    /// The XmR chart of every unit × measure up to the period.
    pub spc: &'a SpcCharts,
    /// The funnel of every theme family of the period.
    pub funnels: &'a Funnels,
    /// The answer counts that may be shown, per unit and theme.
    pub answers: &'a ShownAnswers,
    /// The periods of the data, oldest first ([`Canonical::periods`], computed once).
    pub periods: &'a [Period],
    /// The national reference (`[benchmark] national`).
    pub national: Option<&'a crate::analysis::benchmark::National>,
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
        dir: dir.into(),
        stem: layout::THEME_SCORES.into(),
        kind: ChartKind::ThemeScores,
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
            dir: dir.into(),
            stem: layout::GRADE_NPS.into(),
            kind: ChartKind::GradeNps,
            caption: t.caption_grade_nps.into(),
            inline: true,
            chart: AnyChart::GradeNps(chart),
        });
    }
    out.push(Figure {
        dir: dir.into(),
        stem: layout::ANSWERS.into(),
        kind: ChartKind::Answers,
        caption: t.caption_answers.into(),
        inline: true,
        chart: AnyChart::Likert(likert(src, unit)),
    });
    for (m, label, id) in src.themes() {
        let Measure::Theme(theme) = m else {
            continue;
        };
        if let Some(chart) = spc(src, unit, m, &label) {
            out.push(Figure {
                dir: dir.into(),
                stem: layout::spc_stem(&id),
                kind: ChartKind::Spc(theme),
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
        dir: dir.into(),
        stem: layout::HEATMAP.into(),
        kind: ChartKind::Heatmap,
        caption: src.nouns(t.caption_heatmap),
        inline: true,
        chart: AnyChart::Heatmap(heatmap(src)),
    }];
    if let Some(chart) = caterpillar(src) {
        out.push(Figure {
            dir: dir.into(),
            stem: layout::CATERPILLAR.into(),
            kind: ChartKind::Caterpillar,
            caption: src.nouns(t.caption_caterpillar),
            inline: false,
            chart: AnyChart::ThemeScores(chart),
        });
    }
    for (m, label, id) in src.themes() {
        let Measure::Theme(theme) = m else {
            continue;
        };
        if let Some(chart) = funnel(src, m, &label) {
            out.push(Figure {
                dir: dir.into(),
                stem: layout::funnel_stem(&id),
                kind: ChartKind::Funnel(theme),
                caption: format!("{}: {label}", t.caption_funnel),
                inline: false,
                chart: AnyChart::Funnel(chart),
            });
        }
    }
    out
}

fn theme_scores(src: &Source, unit: Unit) -> ThemeScores {
    let t = src.t();
    let vsv = unit.vsv();
    let themes = src.themes();
    let cells: Vec<Option<&Cell>> = themes
        .iter()
        .map(|(m, _, _)| src.scores.unit_cell(src.period, vsv, *m))
        .collect();
    let rows = themes
        .iter()
        .zip(&cells)
        .filter_map(|((m, label, _), cell)| {
            let cell = (*cell)?;
            let region = vsv
                .and_then(|_| src.scores.unit_cell(src.period, None, *m))
                .and_then(interval)
                .map(|i| i.mean);
            let national = match m {
                Measure::Theme(t) => src
                    .national
                    .and_then(|n| n.get(&(src.period, *t)))
                    .map(|r| r.mean),
                _ => None,
            };
            Some(ThemeRow {
                label: label.clone(),
                score: interval(cell),
                indicative: cell.tier == Tier::Indicative,
                region,
                national,
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
        lang: src.lang(),
    }
}

/// The caterpillar of all VSVs on the overall grade: highest first, hidden VSVs last with
/// only the privacy text.
fn caterpillar(src: &Source) -> Option<ThemeScores> {
    let t = src.t();
    let item = src.first_item(ItemRole::Grade)?;
    let m = Measure::Grade(item);
    let region = src
        .scores
        .unit_cell(src.period, None, m)
        .and_then(interval)
        .map(|i| i.mean);
    let mut cells: Vec<(&str, &Cell)> = src
        .data
        .units()
        .into_iter()
        .filter_map(|v| {
            let cell = src.scores.unit_cell(src.period, Some(v), m)?;
            Some((src.data.names.get(v), cell))
        })
        .collect();
    if cells.len() < 2 {
        return None;
    }
    let key = |c: &Cell| interval(c).map_or(f64::NEG_INFINITY, |i| i.mean);
    cells.sort_by(|a, b| key(b.1).total_cmp(&key(a.1)).then(a.0.cmp(b.0)));
    let suppressed = src.hidden_text();
    Some(ThemeScores {
        title: fill(
            &src.nouns(t.caterpillar_title),
            &[("unit", src.unit_name(Unit::Region))],
        ),
        subtitle: {
            let mut s = fill(
                t.caterpillar_subtitle,
                &[("period", src.period.display(src.lang()))],
            );
            if !src.data.peer_vsvs.is_empty() {
                s.push_str(t.shared_note);
            }
            s
        },
        axis: t.grade_axis.into(),
        rows: cells
            .iter()
            .map(|(name, c)| ThemeRow {
                // A VSV from a shared file is marked as in the heatmap.
                label: match src.data.names.find(name) {
                    Some(v) if src.data.peer_vsvs.contains(&v) => format!("{name} *"),
                    _ => name.to_string(),
                },
                score: interval(c),
                indicative: c.tier == Tier::Indicative,
                region,
                national: None,
                band: published_band(c),
            })
            .collect(),
        legend: theme_legend(src, Unit::Vsv(0)),
        suppressed,
        lang: src.lang(),
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
        national: t.national_legend.into(),
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
    let series = src.spc.get(&(unit.vsv(), None, None, m))?;
    if series.periods.len() < 2 {
        return None;
    }
    let chart = &series.chart;
    let labels: Vec<String> = series.periods.iter().map(|p| p.display(lang)).collect();
    let shown = spc_points(chart, &labels);
    // Every period from the first shown one up to the report's, gaps included.
    let first = series.periods.first().copied()?;
    let mut all = Vec::new();
    let mut next = shown.into_iter().zip(&series.periods).peekable();
    for &p in src.periods {
        if p < first || p > src.period {
            continue;
        }
        match next.peek() {
            Some((_, q)) if **q == p => {
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
        legend: spc_legend(lang, chart, missing),
        no_data: t.no_data.into(),
        decimals: 1,
        lang,
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
    let family = src.funnels.get(&(src.period, None, m))?;
    let f = &family.funnel;
    // Only full-tier units are banded, so a unit's band is the one its cell publishes.
    let units = f
        .units
        .iter()
        .zip(&family.vsvs)
        .map(|(u, &vsv)| FunnelPoint {
            label: src.data.names.get(vsv).to_string(),
            n: u.n,
            value: u.value,
            band: u.band,
        })
        .collect();
    Some(FunnelPlot {
        title: fill(&src.nouns(t.funnel_title), &[("theme", label.to_string())]),
        subtitle: fill(t.funnel_subtitle, &[("period", src.period.display(lang))]),
        x_axis: t.funnel_x.into(),
        y_axis: t.funnel_y.into(),
        target: f.target,
        curve: funnel_limits(f),
        units,
        legend: funnel_legend(lang, &src.nouns(t.funnel_target), t.no_band),
        no_data: t.no_data.into(),
        percent: false,
        decimals: 1,
        lang,
        y_range: Some((0.0, 10.0)),
    })
}

fn heatmap(src: &Source) -> Heatmap {
    let t = src.t();
    let lang = src.lang();
    let themes = src.themes();
    let vsvs = src.data.units();
    let cells = themes
        .iter()
        .map(|(m, _, _)| {
            vsvs.iter()
                .map(|&v| match src.scores.unit_cell(src.period, Some(v), *m) {
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
                })
                .collect()
        })
        .collect();
    let suppressed = src.hidden_text();
    Heatmap {
        title: fill(
            &src.nouns(t.heatmap_title),
            &[("unit", src.unit_name(Unit::Region))],
        ),
        subtitle: {
            let mut s = fill(t.heatmap_subtitle, &[("period", src.period.display(lang))]);
            if !src.data.peer_vsvs.is_empty() {
                s.push_str(t.shared_note);
            }
            s
        },
        rows: themes.into_iter().map(|(_, label, _)| label).collect(),
        columns: vsvs
            .iter()
            .map(|&v| {
                let name = src.data.names.get(v);
                if src.data.peer_vsvs.contains(&v) {
                    format!("{name} *")
                } else {
                    name.to_string()
                }
            })
            .collect(),
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
        lang,
    }
}

/// The answer distribution per theme: problem, neutral and top answers of all the unit's
/// answers to the theme's items in the report's period.
fn likert(src: &Source, unit: Unit) -> Likert {
    let t = src.t();
    let lang = src.lang();
    let vsv = unit.vsv();
    let themes = src.themes();
    let counts = src.answers.get(&unit);
    let rows = themes
        .iter()
        .filter_map(|(m, label, _)| {
            let cell = src.scores.unit_cell(src.period, vsv, *m)?;
            let Measure::Theme(th) = m else {
                return None;
            };
            let shown = counts
                .and_then(|c| c.get(*th as usize).copied().flatten())
                .filter(|c| c.total() > 0);
            Some(LikertRow {
                label: label.clone(),
                shares: shown.map(|c| {
                    let total = c.total() as f64;
                    [c.problem, c.neutral, c.positive]
                        .iter()
                        .map(|&k| k as f64 / total)
                        .collect()
                }),
                n: cell.stats.filter(|_| shown.is_some()).map(|s| s.n),
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
        lang,
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
    let vsv = unit.vsv();
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
            .any(|m| src.scores.unit_cell(p, vsv, m).is_some())
    };
    let periods: Vec<Period> = src
        .periods
        .iter()
        .copied()
        .filter(|p| *p <= src.period && has_cell(*p))
        .collect();
    if periods.is_empty() {
        return None;
    }
    let marks = |item: Option<u16>, make: fn(u16) -> Measure, v: Option<u32>| {
        periods
            .iter()
            .map(|p| {
                let cell = src.scores.unit_cell(*p, v, make(item?))?;
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
        lang,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::render::charts::heatmap::HeatState;

    /// prem.toml of the test region (`[privacy]` defaults: min_n 10, indicative_n 30).
    pub(crate) fn config() -> Config {
        let text = r#"
[analysis]
name = "Regio Test"

[quotes]
keywords = { info = ["uitleg"] }

[[source]]
name = "prem"
files = ["exports/*.csv"]
codebook = "prem-geboortezorg"
[source.columns]
date = "Datum"
vsv = "VSV"
"#;
        Config::parse(text, std::path::Path::new("prem.toml")).unwrap()
    }

    /// The report's period.
    pub(crate) fn q3() -> Period {
        Period::parse("2026-Q3").unwrap()
    }

    /// What a report is made from, computed by the analysis' stages.
    pub(crate) struct Fixture {
        pub config: Config,
        pub data: Canonical,
        pub scores: Scores,
        pub spc: SpcCharts,
        pub funnels: Funnels,
        pub answers: ShownAnswers,
        pub periods: Vec<Period>,
    }

    impl Fixture {
        pub(crate) fn source(&self) -> Source<'_> {
            Source {
                config: &self.config,
                data: &self.data,
                scores: &self.scores,
                period: q3(),
                spc: &self.spc,
                funnels: &self.funnels,
                answers: &self.answers,
                periods: &self.periods,
                national: None,
            }
        }

        pub(crate) fn vsv(&self, name: &str) -> Unit {
            Unit::Vsv(self.data.names.find(name).unwrap())
        }
    }

    /// Respondents of (VSV, period, scores) on the one-item theme "info" (1–10: 9 and up
    /// top, 5 and below problem), run through scoring, disclosure, trends, SPC and
    /// comparison as the analysis does.
    pub(crate) fn fixture_of(groups: &[(&str, &str, Vec<f32>)]) -> Fixture {
        let plain: Vec<(&str, Option<&str>, &[f32])> = groups
            .iter()
            .map(|(v, _, s)| (*v, None, s.as_slice()))
            .collect();
        let mut data = crate::analysis::score::tests::data(&plain);
        let periods = groups
            .iter()
            .flat_map(|(_, p, s)| std::iter::repeat_n(Period::parse(p).unwrap(), s.len()));
        for (r, p) in data.respondents.iter_mut().zip(periods) {
            r.period = p;
        }
        let mut config = config();
        // prem's own proposals may be quoted here, as in the sample: the tests of quotes
        // set `required` where they test it.
        config.quotes.review = crate::config::ReviewMode::Auto;
        let mut scores = crate::analysis::disclosure::disclose(
            crate::analysis::score::score(&data),
            &config.privacy,
        );
        crate::analysis::trend::add_trends(&mut scores, config.analysis.mid);
        let spc = crate::analysis::trend::add_spc_signals(&mut scores, q3(), 2);
        let funnels =
            crate::analysis::compare::compare(&mut scores, u64::from(config.privacy.min_n));
        let answers = crate::analysis::disclosure::answers::answer_counts(
            &data,
            &scores,
            q3(),
            &Default::default(),
        );
        let scores = scores.up_to(q3());
        let periods = data.periods();
        Fixture {
            config,
            data,
            scores,
            spc,
            funnels,
            answers,
            periods,
        }
    }

    /// `n` scores cycling through `values`.
    pub(crate) fn many(n: usize, values: &[f32]) -> Vec<f32> {
        values.iter().copied().cycle().take(n).collect()
    }

    /// Three VSVs over three quarters; VSV C and VSV D have 5 clients in 2026-Q2 (hidden),
    /// VSV D none in the other quarters.
    pub(crate) fn fixture() -> Fixture {
        fixture_of(&[
            ("VSV A", "2026-Q1", many(42, &[8.0, 9.0, 10.0])),
            ("VSV B", "2026-Q1", many(42, &[5.0, 7.0, 8.0])),
            ("VSV C", "2026-Q1", many(42, &[7.0, 8.0, 9.0])),
            ("VSV A", "2026-Q2", many(42, &[8.0, 9.0, 10.0])),
            ("VSV B", "2026-Q2", many(42, &[5.0, 6.0, 8.0])),
            ("VSV C", "2026-Q2", many(5, &[7.0, 8.0])),
            ("VSV D", "2026-Q2", many(5, &[7.0, 8.0])),
            ("VSV A", "2026-Q3", many(42, &[8.0, 9.0, 10.0])),
            ("VSV B", "2026-Q3", many(42, &[3.0, 5.0, 6.0])),
            ("VSV C", "2026-Q3", many(42, &[7.0, 8.0, 9.0])),
        ])
    }

    fn paths(figures: &[Figure]) -> Vec<String> {
        figures.iter().map(Figure::path).collect()
    }

    #[test]
    fn a_vsv_has_its_own_charts_and_the_region_also_the_comparisons() {
        let fx = fixture();
        let src = fx.source();
        assert_eq!(
            paths(&unit_figures(&src, fx.vsv("VSV A"), "vsv-a")),
            [
                "vsv-a/charts/theme-scores",
                "vsv-a/charts/answers",
                "vsv-a/charts/spc-info"
            ]
        );
        // No grade item in the data: no grade chart, and no caterpillar of grades.
        assert_eq!(
            paths(&region_figures(&src, "regio")),
            ["regio/charts/heatmap", "regio/charts/funnel-info"]
        );
        let kinds: Vec<ChartKind> = region_figures(&src, "regio")
            .iter()
            .map(|f| f.kind)
            .collect();
        assert_eq!(kinds, [ChartKind::Heatmap, ChartKind::Funnel(0)]);
        // A VSV without a series (clients in one quarter only) has no SPC chart.
        assert_eq!(
            paths(&unit_figures(&src, fx.vsv("VSV D"), "vsv-d")),
            ["vsv-d/charts/theme-scores", "vsv-d/charts/answers"]
        );
    }

    #[test]
    fn a_hidden_quarter_is_a_gap_in_the_spc_chart() {
        let fx = fixture();
        let Some(chart) = spc(&fx.source(), fx.vsv("VSV C"), Measure::Theme(0), "Info") else {
            panic!("no SPC chart for VSV C");
        };
        let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2026-K1", "2026-K2", "2026-K3"]);
        let values: Vec<Option<f64>> = chart.points.iter().map(|p| p.value).collect();
        assert_eq!(values, [Some(8.0), None, Some(8.0)]);
    }

    #[test]
    fn the_funnel_names_every_vsv_with_its_published_band() {
        let fx = fixture();
        let Some(plot) = funnel(&fx.source(), Measure::Theme(0), "Info") else {
            panic!("no funnel");
        };
        let units: Vec<(&str, f64)> = plot.units.iter().map(|u| (u.label.as_str(), u.n)).collect();
        assert_eq!(units, [("VSV A", 42.0), ("VSV B", 42.0), ("VSV C", 42.0)]);
        let b = fx.vsv("VSV B").vsv();
        let cell = fx.scores.unit_cell(q3(), b, Measure::Theme(0)).unwrap();
        assert_eq!(plot.units[1].band, cell.comparison.band);
        assert!(plot.units[1].band.is_some());
    }

    #[test]
    fn hidden_cells_show_no_numbers_in_the_answers_and_the_heatmap() {
        let fx = fixture_of(&[
            ("VSV A", "2026-Q3", many(40, &[4.0, 9.0, 10.0, 7.0])),
            ("VSV B", "2026-Q3", many(40, &[5.0, 7.0, 8.0])),
            ("VSV C", "2026-Q3", many(5, &[7.0, 8.0])),
            ("VSV D", "2026-Q3", many(5, &[7.0, 8.0])),
        ]);
        let src = fx.source();
        let a = likert(&src, fx.vsv("VSV A"));
        // 40 answers: 10 × 4 (problem), 10 × 7 (neutral), 20 × 9 or 10 (top).
        assert_eq!(a.rows[0].shares, Some(vec![0.25, 0.25, 0.5]));
        assert_eq!(a.rows[0].n, Some(40));
        let c = likert(&src, fx.vsv("VSV C"));
        assert_eq!(c.rows[0].shares, None);
        assert_eq!(c.rows[0].n, None);
        let map = heatmap(&src);
        assert_eq!(map.columns, ["VSV A", "VSV B", "VSV C", "VSV D"]);
        let states: Vec<HeatState> = map.cells[0].iter().map(|c| c.state).collect();
        assert_eq!(states[2], HeatState::Suppressed);
        assert_eq!(map.cells[0][2].value, None);
        assert!(matches!(states[0], HeatState::Full(_)));
    }
}
