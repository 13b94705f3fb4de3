//! The agenda item per VSV and for the region, as Markdown (HTML and Word are made from it).
//!
//! Every number is formatted here, in the report language, from cells that scoring already
//! emptied when suppressed: a suppressed cell can only ever print as "onderdrukt (privacy)".

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use crate::analysis::score::{Cell, Measure, Scores, Tier, Unit};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::funnel::Band;
use crate::i18n::{fill, Language};
use crate::ingest::{Canonical, ItemRole};
use crate::layout;
use crate::period::Period;
use crate::render::figures::ChartLink;
use crate::render::labels::Words;
use crate::render::markdown::escape;
use crate::render::points::{discussion, Discussion, DiscussionInput};

const TEMPLATE: &str = include_str!("templates/agenda.md.j2");

#[derive(Serialize)]
struct AgendaContext {
    t: &'static crate::i18n::Texts,
    a: &'static crate::i18n::AgendaTexts,
    unit: String,
    period: String,
    analysis: String,
    why: Option<String>,
    response: String,
    grade: Option<String>,
    nps: Option<String>,
    position_label: String,
    position: Option<String>,
    left_out: Option<String>,
    covers_note: Option<String>,
    d: Discussion,
    heard: Option<crate::render::heard::HeardView>,
    page_break: &'static str,
    overall: Option<String>,
    themes: Vec<ThemeRow>,
    show_region: bool,
    show_national: bool,
    band_note: String,
    charts: Vec<ChartLink>,
    tiers_text: String,
    method: Vec<String>,
    sources: Vec<SourceLine>,
    written: Option<WrittenView>,
    review_note: Option<&'static str>,
}

/// Whether a person read the quotes: none without open answers.
fn review_note(
    m: &crate::analysis::moderation::Moderation,
    lang: Language,
) -> Option<&'static str> {
    let c = lang.comments();
    if m.reviews.is_empty() {
        return None;
    }
    Some(match (m.mode, m.unreviewed() == 0) {
        (crate::config::ReviewMode::Required, _) => c.required_note,
        (crate::config::ReviewMode::Auto, true) => c.reviewed_note,
        (crate::config::ReviewMode::Auto, false) => c.unreviewed_note,
    })
}

/// The appendix's table of what clients write about: per theme (and, in the region's
/// agenda, per unit) the clients who wrote about it per period.
#[derive(Serialize)]
struct WrittenView {
    heading: &'static str,
    intro: String,
    periods: Vec<String>,
    themes: Vec<WrittenRow>,
    units_intro: String,
    units: Vec<WrittenRow>,
}

#[derive(Serialize)]
struct WrittenRow {
    label: String,
    cells: Vec<String>,
}

/// What the agenda adds to the scores: charts, flags and the actions register.
pub struct Extras<'a> {
    /// The unit's charts.
    pub charts: &'a [ChartLink],
    /// The region's charts, as a VSV's agenda links them.
    pub region_charts: &'a [ChartLink],
    /// Every flag of the report.
    pub flags: &'a [crate::analysis::flags::Flag],
    /// Every follow-up of the actions register.
    pub follow_ups: &'a [crate::analysis::follow_up::FollowUp],
    /// The register's file name.
    pub register: &'a str,
    /// The quotes chosen for the leading flags.
    pub quotes: &'a crate::analysis::flag_quotes::FlagQuotes,
    /// The collaborating VSVs' shared files the comparison includes.
    pub peers: &'a [crate::analysis::peer::PeerFile],
    /// The national reference, if configured.
    pub national: Option<&'a crate::analysis::benchmark::National>,
    /// The participation register.
    pub participation: &'a [crate::registers::participation::Activity],
    /// The actions register.
    pub actions: &'a [crate::registers::actions::Action],
    /// Clients who wrote about each theme, as far as they may be shown.
    pub comment_counts: &'a crate::analysis::comments::CommentCounts,
    /// The review of the period's open answers (for the appendix's line on it).
    pub moderation: &'a crate::analysis::moderation::Moderation,
}

#[derive(Serialize)]
struct ThemeRow {
    label: String,
    score: String,
    ci: String,
    region: String,
    trend: String,
    band: String,
    national: String,
    n: String,
    status: String,
}

#[derive(Serialize)]
struct SourceLine {
    name: String,
    participation: Option<String>,
}

/// How a score reads in the report: "8,3", "8,3 (indicatief)" or "onderdrukt (privacy)".
pub fn show_score(cell: Option<&Cell>, lang: Language, min_n: u32, decimals: usize) -> String {
    match cell {
        None => "–".into(),
        Some(c) if c.tier == Tier::Suppressed => fill(
            lang.texts().suppressed_cell,
            &[("min_n", min_n.to_string())],
        ),
        Some(c) => match c.stats {
            None => "–".into(),
            Some(s) => {
                let v = lang.decimal(s.mean, decimals);
                if c.tier == Tier::Indicative {
                    format!("{v} ({})", lang.tier(Tier::Indicative))
                } else {
                    v
                }
            }
        },
    }
}

/// The 95% interval, "7,9 – 8,4"; `None` when the cell shows none.
fn show_ci(cell: Option<&Cell>, lang: Language, decimals: usize) -> Option<String> {
    let (lo, hi) = cell
        .filter(|c| c.tier != Tier::Suppressed)
        .and_then(|c| c.stats)
        .and_then(|s| s.ci)?;
    Some(format!(
        "{} – {}",
        lang.decimal(lo, decimals),
        lang.decimal(hi, decimals)
    ))
}

/// The change against the previous period: "▼ 0,6" when significant, "−0,1" when not.
fn show_change(cell: Option<&Cell>, lang: Language) -> String {
    let Some(c) = cell
        .filter(|c| c.tier == Tier::Full)
        .and_then(|c| c.comparison.prev)
    else {
        return "–".into();
    };
    change_text(&c, lang, false)
}

/// A change in words: "▼ 0,6" when significant, else the signed number ("−0,1"; with
/// `plus`, also "+0,1").
pub fn change_text(c: &crate::analysis::score::Change, lang: Language, plus: bool) -> String {
    if c.significant {
        let arrow = if c.change < 0.0 { "▼" } else { "▲" };
        format!("{arrow} {}", lang.decimal(c.change.abs(), 1))
    } else {
        let sign = if plus && c.change >= 0.05 { "+" } else { "" };
        format!("{sign}{}", lang.decimal(c.change, 1))
    }
}

/// The regional band in words ("–" when not banded).
fn show_band(cell: Option<&Cell>, lang: Language) -> String {
    cell.filter(|c| c.tier == Tier::Full)
        .and_then(|c| c.comparison.band)
        .map_or("–".into(), |b| lang.band(b).to_string())
}

fn show_n(cell: Option<&Cell>, lang: Language) -> String {
    match cell {
        None => "–".into(),
        Some(c) => c.stats.map_or_else(
            || lang.tier(Tier::Suppressed).to_string(),
            |s| s.n.to_string(),
        ),
    }
}

/// Renders agenda.md for `unit` in `period`.
pub fn agenda_md(
    config: &Config,
    data: &Canonical,
    scores: &Scores,
    period: Period,
    unit: Unit,
    extras: &Extras,
) -> Result<String> {
    let lang = config.analysis.language;
    let (t, a) = (lang.texts(), lang.agenda());
    let min_n = config.privacy.min_n;
    let vsv = unit.vsv();
    let page = Page {
        data,
        scores,
        period,
        vsv,
        lang,
        min_n,
    };
    let grade = page.first_of(ItemRole::Grade, Measure::Grade);
    let nps = page.first_of(ItemRole::Recommend, Measure::Nps);
    let (unit_noun, units_noun) = config.analysis.unit_nouns();
    let nouns = |text: &str| {
        fill(
            text,
            &[("unit", escape(&unit_noun)), ("units", escape(&units_noun))],
        )
    };
    let d = discussion(&DiscussionInput {
        config,
        data,
        period,
        vsv,
        flags: extras.flags,
        follow_ups: extras.follow_ups,
        register: extras.register,
        charts: extras.charts,
        region_charts: extras.region_charts,
        grade: grade
            .filter(|c| c.tier != Tier::Suppressed)
            .and_then(|c| c.stats)
            .map(|s| lang.decimal(s.mean, 1)),
        quotes: extras.quotes,
    });
    let mut d = d;
    // The unit's improvement points: (theme, rank), for the register's lines.
    let points: Vec<(u16, usize)> = extras
        .flags
        .iter()
        .filter(|f| {
            f.vsv == vsv
                && f.period == period
                && f.kind == crate::analysis::flags::FlagKind::Improvement
        })
        .map(|f| (f.theme, f.rank))
        .collect();
    let heard = crate::render::heard::heard(&crate::render::heard::HeardInput {
        data,
        entries: extras.participation,
        actions: extras.actions,
        vsv,
        period,
        points: &points,
        lang,
        names: &config.quotes.names,
        min_n,
    });
    // Under each leading improvement point, what the register heard about its theme.
    let now = crate::registers::participation::in_period(extras.participation, vsv, period);
    for p in &mut d.improvements {
        let Some((theme, _)) = points.iter().find(|(_, rank)| *rank == p.rank) else {
            continue;
        };
        p.heard = now
            .iter()
            .filter(|e| e.themes.contains(theme))
            .map(|e| crate::render::heard::entry_line(e, lang, &config.quotes.names, min_n))
            .collect();
    }
    render(AgendaContext {
        t,
        a,
        unit: escape(&unit_title(config, data, unit)),
        period: period.display(lang),
        analysis: escape(&config.analysis.name),
        why: config.analysis.why.as_deref().map(escape),
        response: page.response(),
        grade: grade.map(|c| grade_line(c, lang, min_n)),
        nps: nps.map(|c| show_score(Some(c), lang, min_n, 0)),
        position_label: nouns(a.position),
        position: page.position(),
        left_out: left_out_line(data, lang),
        covers_note: page.covers_note(),
        d,
        heard,
        page_break: crate::render::markdown::PAGE_BREAK,
        overall: overall_line(grade, nps, lang, min_n),
        themes: page.themes(extras.national),
        show_region: vsv.is_some(),
        show_national: extras.national.is_some(),
        band_note: nouns(t.band_note),
        charts: extras
            .charts
            .iter()
            .map(|c| ChartLink {
                caption: escape(&c.caption),
                ..c.clone()
            })
            .collect(),
        tiers_text: fill(
            t.tiers_text,
            &[
                ("min_n", min_n.to_string()),
                ("indicative_n", config.privacy.indicative_n.to_string()),
            ],
        ),
        method: {
            let mut lines = method_lines(data, vsv, extras.charts, lang, nouns);
            lines.extend(shared_line(extras.peers, lang, min_n, nouns));
            lines
        },
        sources: source_lines(data, lang),
        written: written_view(data, extras.comment_counts, vsv, lang, min_n, &nouns),
        review_note: review_note(extras.moderation, lang),
    })
}

/// The table of what clients write about for `vsv` (none: the region, with a row per
/// unit); none when no count may be shown.
fn written_view(
    data: &Canonical,
    counts: &crate::analysis::comments::CommentCounts,
    vsv: Option<u32>,
    lang: Language,
    min_n: u32,
    nouns: &dyn Fn(&str) -> String,
) -> Option<WrittenView> {
    let t = lang.comments();
    let periods: Vec<Period> = {
        let mut p: Vec<Period> = counts.0.keys().map(|k| k.0).collect();
        p.dedup();
        p
    };
    let cell = |key: crate::analysis::comments::Key| match counts.get(key) {
        Some(c) if c.clients > 0 => fill(
            t.table_cell,
            &[
                ("n", c.clients.to_string()),
                (
                    "pct",
                    lang.decimal(100.0 * f64::from(c.negative) / f64::from(c.clients), 0),
                ),
            ],
        ),
        _ => t.table_hidden.to_string(),
    };
    let shown_row = |label: String, keys: Vec<crate::analysis::comments::Key>| {
        keys.iter()
            .any(|k| counts.get(*k).is_some())
            .then(|| WrittenRow {
                label,
                cells: keys.into_iter().map(cell).collect(),
            })
    };
    let themes: Vec<WrittenRow> = data
        .themes
        .iter()
        .enumerate()
        .filter_map(|(i, th)| {
            let keys = periods.iter().map(|&p| (p, vsv, Some(i as u16))).collect();
            shown_row(escape(th.label_in(lang)), keys)
        })
        .collect();
    let units: Vec<WrittenRow> = match vsv {
        Some(_) => Vec::new(),
        None => {
            let mut rows: Vec<WrittenRow> = data
                .vsvs()
                .into_iter()
                .filter_map(|v| {
                    let keys = periods.iter().map(|&p| (p, Some(v), None)).collect();
                    shown_row(escape(data.names.get(v)), keys)
                })
                .collect();
            let all = periods.iter().map(|&p| (p, None, None)).collect();
            rows.extend(shown_row(t.table_all.to_string(), all));
            rows
        }
    };
    if themes.is_empty() && units.is_empty() {
        return None;
    }
    Some(WrittenView {
        heading: t.table_heading,
        intro: fill(t.table_intro, &[("min_n", min_n.to_string())]),
        periods: periods.iter().map(|p| p.display(lang)).collect(),
        themes,
        units_intro: nouns(t.table_units_intro),
        units,
    })
}

/// What every part of one agenda reads: the unit's cells of the period, in the report
/// language.
struct Page<'a> {
    data: &'a Canonical,
    scores: &'a Scores,
    period: Period,
    vsv: Option<u32>,
    lang: Language,
    min_n: u32,
}

impl<'a> Page<'a> {
    fn cell(&self, m: Measure) -> Option<&'a Cell> {
        self.scores.unit_cell(self.period, self.vsv, m)
    }

    /// The unit's cell for the first item with `role` (`make` gives its measure).
    fn first_of(&self, role: ItemRole, make: fn(u16) -> Measure) -> Option<&'a Cell> {
        let i = self.data.items.iter().position(|i| i.role == role)?;
        self.cell(make(i as u16))
    }

    /// One row per theme. Themes the exports have no column for are left out rather than
    /// shown as empty rows.
    fn themes(&self, national: Option<&crate::analysis::benchmark::National>) -> Vec<ThemeRow> {
        let (lang, min_n) = (self.lang, self.min_n);
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
                let m = Measure::Theme(i as u16);
                let cell = self.cell(m);
                let region = self.scores.unit_cell(self.period, None, m);
                ThemeRow {
                    label: escape(th.label_in(lang)),
                    score: show_score(cell, lang, min_n, 1),
                    ci: show_ci(cell, lang, 1).unwrap_or_else(|| "–".into()),
                    region: show_score(region, lang, min_n, 1),
                    trend: show_change(cell, lang),
                    band: show_band(cell, lang),
                    national: national
                        .and_then(|nat| nat.get(&(self.period, i as u16)))
                        .map_or_else(|| "–".to_string(), |r| national_text(cell, r, lang)),
                    n: show_n(cell, lang),
                    status: cell.map_or("–", |c| lang.tier(c.tier)).to_string(),
                }
            })
            .collect()
    }

    /// The note naming care types of this unit that some shown theme score leaves out
    /// (hidden for privacy): one pass over the unit's cells of the period.
    fn covers_note(&self) -> Option<String> {
        let mut present: Vec<(Measure, u32)> = Vec::new();
        let mut covered: Vec<(Measure, &[u32])> = Vec::new();
        for c in self.scores.cells.iter().filter(|c| {
            c.period == self.period
                && c.vsv == self.vsv
                && c.organisation.is_none()
                && matches!(c.measure, Measure::Theme(_))
        }) {
            match c.care_type {
                Some(ct) => present.push((c.measure, ct)),
                None if !c.covers.is_empty() => covered.push((c.measure, &c.covers)),
                None => {}
            }
        }
        let mut left_out: Vec<u32> = Vec::new();
        for (m, ct) in present {
            let out = covered
                .iter()
                .any(|(cm, list)| *cm == m && !list.contains(&ct));
            if out && !left_out.contains(&ct) {
                left_out.push(ct);
            }
        }
        (!left_out.is_empty()).then(|| {
            let names: Vec<String> = left_out
                .iter()
                .map(|&ct| escape(self.data.names.get(ct)))
                .collect();
            fill(
                self.lang.texts().covers_note,
                &[("hidden", names.join(", "))],
            )
        })
    }

    /// How many themes a VSV scores better, worse and as the others on; none for the region.
    fn position(&self) -> Option<String> {
        self.vsv?;
        let (mut better, mut worse, mut same) = (0, 0, 0);
        for (i, _) in self.data.themes.iter().enumerate() {
            let band = self
                .cell(Measure::Theme(i as u16))
                .filter(|c| c.tier == Tier::Full)
                .and_then(|c| c.comparison.band);
            match band {
                Some(Band::Better | Band::MuchBetter) => better += 1,
                Some(Band::Worse | Band::MuchWorse) => worse += 1,
                Some(Band::AsExpected) => same += 1,
                None => {}
            }
        }
        // Nothing compared (too few clients, or one unit): no line rather than "0, 0, 0".
        (better + worse + same > 0).then(|| {
            fill(
                self.lang.agenda().position_text,
                &[
                    ("better", better.to_string()),
                    ("worse", worse.to_string()),
                    ("same", same.to_string()),
                ],
            )
        })
    }

    /// The response per source: the count the disclosure stage published (exact, like
    /// the tables), or the privacy word when it is hidden.
    fn response(&self) -> String {
        let t = self.lang.texts();
        let mut response: Vec<String> = Vec::new();
        for (s, src) in self.data.sources.iter().enumerate() {
            let Some(r) =
                self.scores.responses.iter().find(|r| {
                    r.period == self.period && r.vsv == self.vsv && r.source as usize == s
                })
            else {
                continue;
            };
            response.push(match r.n {
                Some(n) => format!("{n} {} ({})", t.respondents, escape(&src.name)),
                None => format!("{} ({})", t.suppressed_cell, escape(&src.name)),
            });
        }
        response.join(" · ")
    }
}

/// The unit's name as a heading: the VSV's, or the analysis's with "(regio)" unless it
/// already says so.
fn unit_title(config: &Config, data: &Canonical, unit: Unit) -> String {
    match unit {
        Unit::Region => {
            let name = &config.analysis.name;
            let region = config.analysis.language.texts().region_title;
            if name.to_lowercase().contains(&region.to_lowercase()) {
                name.clone()
            } else {
                format!("{name} ({region})")
            }
        }
        Unit::Vsv(v) => data.names.get(v).to_string(),
    }
}

/// The grade with, when it is fully shown, how it compares with the previous period:
/// "8,3 · gestegen sinds 2026-K2 (toen 8,0)".
fn grade_line(c: &Cell, lang: Language, min_n: u32) -> String {
    let now = show_score(Some(c), lang, min_n, 1);
    let change = c
        .comparison
        .prev
        .filter(|_| c.tier == Tier::Full)
        .zip(c.stats);
    let Some((ch, s)) = change else {
        return now;
    };
    let a = lang.agenda();
    let template = match (ch.significant, ch.change < 0.0) {
        (false, _) => a.grade_same,
        (true, true) => a.grade_down,
        (true, false) => a.grade_up,
    };
    let then = fill(
        template,
        &[
            ("period", ch.from.display(lang)),
            ("value", lang.decimal(s.mean - ch.change, 1)),
        ],
    );
    format!("{now} · {then}")
}

/// The overall grade and NPS with their intervals, as one line; none when neither is there.
fn overall_line(
    grade: Option<&Cell>,
    nps: Option<&Cell>,
    lang: Language,
    min_n: u32,
) -> Option<String> {
    let (t, a) = (lang.texts(), lang.agenda());
    let overall = [
        (t.overall_grade, grade.map(|c| with_ci(c, lang, min_n, 1))),
        (t.nps, nps.map(|c| with_ci(c, lang, min_n, 0))),
    ]
    .into_iter()
    .filter_map(|(what, value)| {
        value.map(|v| fill(a.overall_line, &[("what", what.to_string()), ("value", v)]))
    })
    .collect::<Vec<_>>();
    (!overall.is_empty()).then(|| overall.join(" "))
}

/// Each source with its questionnaire and how it was collected.
fn source_lines(data: &Canonical, lang: Language) -> Vec<SourceLine> {
    data.sources
        .iter()
        .map(|s| SourceLine {
            name: format!("{} ({})", escape(&s.name), escape(&s.codebook.title)),
            participation: s.participation.map(|p| lang.level(p).to_string()),
        })
        .collect()
}

/// How to read the comparison: the bands where this agenda shows them, and the case-mix
/// adjustment only as far as it was applied.
fn method_lines(
    data: &Canonical,
    vsv: Option<u32>,
    charts: &[ChartLink],
    lang: Language,
    nouns: impl Fn(&str) -> String,
) -> Vec<String> {
    let a = lang.agenda();
    let mut method = Vec::new();
    if vsv.is_some() {
        method.push(nouns(a.bands_text));
        method.push(nouns(a.funnel_text));
    }
    method.push(nouns(&match standardised_for(data) {
        (false, false) => a.no_standardisation_text.to_string(),
        (parity, age) => {
            let what = match (parity, age) {
                (true, true) => a.std_parity_age,
                (true, false) => a.std_parity,
                _ => a.std_age,
            };
            fill(a.standardisation_text, &[("what", what.to_string())])
        }
    }));
    if charts
        .iter()
        .any(|c| c.file == layout::chart(layout::ANSWERS))
    {
        method.push(a.percent_basis.to_string());
    }
    method
}

/// The national mean, and the unit's band against it where it can be given.
fn national_text(
    cell: Option<&Cell>,
    r: &crate::analysis::benchmark::Reference,
    lang: Language,
) -> String {
    let mean = lang.decimal(r.mean, 1);
    use crate::funnel::Band;
    let [higher, similar, lower] = lang.texts().national_bands;
    match cell.and_then(|c| crate::analysis::benchmark::versus(c, r)) {
        Some((_, Band::MuchBetter | Band::Better)) => format!("{mean} · {higher}"),
        Some((_, Band::AsExpected)) => format!("{mean} · {similar}"),
        Some((_, Band::Worse | Band::MuchWorse)) => format!("{mean} · {lower}"),
        None => mean,
    }
}

/// Which VSVs' figures came from shared files, and of which date; none without peers.
fn shared_line(
    peers: &[crate::analysis::peer::PeerFile],
    lang: Language,
    min_n: u32,
    nouns: impl Fn(&str) -> String,
) -> Option<String> {
    if peers.is_empty() {
        return None;
    }
    let mut list: Vec<String> = peers
        .iter()
        .flat_map(|f| {
            f.vsvs
                .iter()
                .map(move |v| format!("{} ({})", escape(v), f.created))
        })
        .collect();
    list.sort();
    Some(fill(
        &nouns(lang.agenda().shared_text),
        &[("peers", list.join(", ")), ("min_n", min_n.to_string())],
    ))
}

/// Fills the agenda template; the result ends in a newline.
fn render(context: AgendaContext) -> Result<String> {
    let mut env = Environment::new();
    if let Ok(syntax) = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.add_template("agenda.md", TEMPLATE)
        .map_err(|e| template_error(&e))?;
    let tmpl = env
        .get_template("agenda.md")
        .map_err(|e| template_error(&e))?;
    let mut out = tmpl
        .render(Value::from(Serde(context)))
        .map_err(|e| template_error(&e))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Whether the regional comparison could adjust for parity and for age: only when the
/// exports gave them for some respondents.
fn standardised_for(data: &Canonical) -> (bool, bool) {
    // Shared figures come standardised against the standard population: parity × age.
    if !data.peer_vsvs.is_empty() {
        return (true, true);
    }
    let parity = data.respondents.iter().any(|r| r.parity.is_some());
    let age = data.respondents.iter().any(|r| r.age_band.is_some());
    (parity, age)
}

/// "28% of the rows in the exports, mainly: ambiguous date (see data quality)", when rows
/// were left out. A share of all rows, never a count per unit.
pub fn left_out_line(data: &Canonical, lang: Language) -> Option<String> {
    let a = lang.agenda();
    let (rows, used) = data
        .quality
        .counts
        .values()
        // A respondent's later rows merged into her first (rows_per_respondent = "many")
        // are counted, not left out.
        .fold((0usize, 0usize), |(r, u), c| {
            (r + c.rows, u + c.rows_used + c.rows_merged)
        });
    if rows == 0 || used >= rows {
        return None;
    }
    let mut reasons: Vec<(crate::error::row::Problem, usize)> = data
        .quality
        .by_problem()
        .into_iter()
        .filter(|(p, _)| p.drops_row())
        .collect();
    // Most frequent first; ties in the fixed order of the problems.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    let reason = reasons.first()?.0;
    let pct = (rows - used) as f64 * 100.0 / rows as f64;
    let share = if pct < 1.0 {
        a.less_than_one_percent.to_string()
    } else {
        format!("{}%", lang.decimal(pct, 0))
    };
    Some(fill(
        a.left_out_text,
        &[
            ("share", share),
            // "datum onleesbaar", without "(rij niet gebruikt)": this line says so already.
            ("reason", lang.problem_short(reason).to_string()),
            ("link", a.quality_link.to_string()),
        ],
    ))
}

fn with_ci(c: &Cell, lang: Language, min_n: u32, decimals: usize) -> String {
    let score = show_score(Some(c), lang, min_n, decimals);
    match show_ci(Some(c), lang, decimals) {
        Some(ci) => format!("{score} ({} {ci})", lang.texts().ci),
        None => score,
    }
}

fn template_error(e: &minijinja::Error) -> Error {
    Error::Output {
        // The built-in template failed, whichever unit it was for.
        path: layout::document("", layout::AGENDA, "md").into(),
        message: format!("template: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::figures::tests::{fixture, q3, Fixture};

    fn agenda(fx: &Fixture, unit: Unit, flags: &[crate::analysis::flags::Flag]) -> String {
        let extras = Extras {
            charts: &[],
            region_charts: &[],
            flags,
            follow_ups: &[],
            register: "acties.csv",
            quotes: &Default::default(),
            peers: &[],
            national: None,
            participation: &[],
            actions: &[],
            comment_counts: &Default::default(),
            moderation: &Default::default(),
        };
        agenda_md(&fx.config, &fx.data, &fx.scores, q3(), unit, &extras).unwrap()
    }

    /// The part of `md` from `from` up to the next line starting with `## `.
    fn section<'a>(md: &'a str, from: &str) -> &'a str {
        let start = md
            .find(from)
            .unwrap_or_else(|| panic!("no {from} in\n{md}"));
        let rest = &md[start..];
        let end = rest[1..].find("\n## ").map_or(rest.len(), |e| e + 2);
        &rest[..end]
    }

    #[test]
    fn at_a_glance_gives_the_response_and_the_position_among_the_vsvs() {
        let fx = fixture();
        let md = agenda(&fx, fx.vsv("VSV B"), &[]);
        assert_eq!(
            section(&md, "## In één oogopslag"),
            "## In één oogopslag\n\n\
             - **Respons:** 42 cliënten (prem)\n\
             - **Vergeleken met de andere VSV's:** lager: 1 · hoger: 0 · vergelijkbaar: 0 \
             (aantal thema's)\n\n"
        );
        // The region is compared with nothing: no position line.
        let md = agenda(&fx, Unit::Region, &[]);
        assert_eq!(
            section(&md, "## In één oogopslag"),
            "## In één oogopslag\n\n- **Respons:** 126 cliënten (prem)\n\n"
        );
    }

    #[test]
    fn sections_without_content_are_left_out() {
        let fx = fixture();
        let md = agenda(&fx, fx.vsv("VSV B"), &[]);
        // The improvement points always have a heading, with a sentence when there are none.
        assert!(md.contains(&format!(
            "## Verbeterpunten\n\n{}\n\n## ",
            Language::Nl.agenda().no_improvements
        )));
        for absent in [
            "## Sterke punten",
            "### De cijfers achter de punten",
            "### Opvolging van acties",
            "### Grafieken",
            "Niet meegeteld",
        ] {
            assert!(!md.contains(absent), "{absent} in\n{md}");
        }
        // With flags, the points and their evidence appear.
        let rules = crate::analysis::flags::Rules::default();
        let flags = crate::analysis::flags::flags(&fx.data, &fx.scores, q3(), &rules);
        let md = agenda(&fx, fx.vsv("VSV B"), &flags);
        assert!(md.contains("### 1. Info — 4,7 (regio 7,2)\n"), "{md}");
        assert!(!md.contains(Language::Nl.agenda().no_improvements));
    }
}
