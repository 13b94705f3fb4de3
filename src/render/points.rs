//! The agenda's discussion part, as text in the report language: improvement points and
//! strengths with their reasons, evidence, quotes and chart links; the follow-up of the
//! actions register; the proposed decision (90-day form); the feedback to clients.
//!
//! Everything here starts from flags (full-tier cells only) and follow-ups (shown cells
//! only), so no suppressed number can reach it; the quotes come chosen and scrubbed by
//! [`crate::analysis::flag_quotes::quotes_for`].

use serde::Serialize;

use crate::analysis::flag_quotes::FlagQuotes;
use crate::analysis::flags::{Against, Flag, FlagKind, Reason};
use crate::analysis::follow_up::FollowUp;
use crate::config::Config;
use crate::i18n::{fill, AgendaTexts, Language};
use crate::ingest::Canonical;
use crate::period::Period;
use crate::registers::actions::{Horizon, Status};
use crate::render::figures::{ChartKind, ChartLink};
use crate::render::labels::Words;
use crate::render::markdown::escape;

/// How many improvement points and strengths lead the agenda; the rest go to the appendix.
pub const LEADING_IMPROVEMENTS: usize = 3;
/// See [`LEADING_IMPROVEMENTS`].
pub const LEADING_STRENGTHS: usize = 2;

/// One improvement point or strength as the agenda shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    /// Rank.
    pub rank: usize,
    /// Theme label.
    pub theme: String,
    /// Score and region: "7,0 (regio 8,3)".
    pub headline: String,
    /// Every reason in plain words, strongest first (main part).
    pub plain: Vec<String>,
    /// Every reason with the numbers and test behind it (appendix).
    pub evidence: Vec<Evidence>,
    /// Scrubbed client quotes.
    pub quotes: Vec<String>,
    /// The one chart that shows the first reason.
    pub chart: Option<ChartLink>,
    /// The action in the register for this theme with its true status, or "none yet".
    pub action: String,
    /// What the participation register heard about the theme this period.
    pub heard: Vec<String>,
}

/// A reason and its numbers, for the appendix.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// The reason in plain words, as in the main part.
    pub reason: String,
    /// The numbers and test behind it.
    pub numbers: String,
}

/// A row of the follow-up table.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUpRow {
    /// Cells in the order of the table's columns.
    pub cells: Vec<String>,
}

/// The discussion part of one unit's agenda.
#[derive(Debug, Clone, Serialize)]
pub struct Discussion {
    /// Leading improvement points.
    pub improvements: Vec<PointView>,
    /// Leading strengths.
    pub strengths: Vec<PointView>,
    /// Other improvement points (appendix only).
    pub more_improvements: Vec<PointView>,
    /// Other strengths (appendix only).
    pub more_strengths: Vec<PointView>,
    /// Follow-up table rows.
    pub follow_up: Vec<FollowUpRow>,
    /// "Improvement points without an action: …", if any.
    pub without_action: Option<String>,
    /// The 90-day form: (term, improvement point).
    pub decision: Vec<(String, String)>,
    /// "You said, we did" lines.
    pub feedback: Vec<String>,
    /// The introduction of the follow-up section.
    pub follow_up_intro: String,
}

/// What the discussion is built from.
pub struct DiscussionInput<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The canonical data.
    pub data: &'a Canonical,
    /// The report's period.
    pub period: Period,
    /// The unit's VSV (`None`: region).
    pub vsv: Option<u32>,
    /// Every flag of the report.
    pub flags: &'a [Flag],
    /// Every follow-up of the register.
    pub follow_ups: &'a [FollowUp],
    /// The register's file name, for the text.
    pub register: &'a str,
    /// The unit's charts.
    pub charts: &'a [ChartLink],
    /// The region's charts, as a VSV's agenda links them.
    pub region_charts: &'a [ChartLink],
    /// The overall grade as shown, if any.
    pub grade: Option<String>,
    /// The quotes chosen for the leading flags.
    pub quotes: &'a FlagQuotes,
}

/// Whether a flag leads its unit's agenda (the others go to the appendix, without quotes
/// or chart): the quotes are chosen for these only.
pub fn leads(f: &Flag) -> bool {
    f.rank
        <= match f.kind {
            FlagKind::Improvement => LEADING_IMPROVEMENTS,
            FlagKind::Strength => LEADING_STRENGTHS,
        }
}

/// Builds the discussion part for one unit.
pub fn discussion(input: &DiscussionInput) -> Discussion {
    let lang = input.config.analysis.language;
    let a = lang.agenda();
    // The follow-up table: a VSV's own actions and the region's; the region lists all.
    let follow_ups: Vec<&FollowUp> = input
        .follow_ups
        .iter()
        .filter(|f| input.vsv.is_none() || f.action.vsv.is_none() || f.action.vsv == input.vsv)
        .collect();
    // Actions that answer this unit's points: for the region only region-wide ones.
    let own: Vec<&FollowUp> = follow_ups
        .iter()
        .copied()
        .filter(|f| input.vsv.is_some() || f.action.vsv.is_none())
        .collect();
    let mine = |kind: FlagKind| -> Vec<&Flag> {
        let mut v: Vec<&Flag> = input
            .flags
            .iter()
            .filter(|f| f.vsv == input.vsv && f.kind == kind && f.period == input.period)
            .collect();
        v.sort_by_key(|f| f.rank);
        v
    };
    let improvements = mine(FlagKind::Improvement);
    let strengths = mine(FlagKind::Strength);
    let view = |f: &Flag, leading: bool| point_view(input, f, &own, leading);
    let lead_i: Vec<PointView> = improvements
        .iter()
        .take(LEADING_IMPROVEMENTS)
        .map(|f| view(f, true))
        .collect();
    let lead_s: Vec<PointView> = strengths
        .iter()
        .take(LEADING_STRENGTHS)
        .map(|f| view(f, true))
        .collect();
    let more_i = improvements
        .iter()
        .skip(LEADING_IMPROVEMENTS)
        .map(|f| view(f, false))
        .collect();
    let more_s = strengths
        .iter()
        .skip(LEADING_STRENGTHS)
        .map(|f| view(f, false))
        .collect();

    let follow_up = follow_ups.iter().map(|f| follow_up_row(input, f)).collect();
    let missing: Vec<String> = improvements
        .iter()
        .filter(|f| answering_action(&own, f.theme).is_none())
        .map(|f| theme_label(input.data, f.theme, lang))
        .collect();
    let without_action =
        (!missing.is_empty()).then(|| fill(a.without_action, &[("themes", missing.join(", "))]));

    let decision = [a.horizon_month, a.horizon_quarter, a.horizon_year]
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let line = match improvements.get(i) {
                Some(f) => theme_label(input.data, f.theme, lang),
                None => a.decision_free.to_string(),
            };
            (term.to_string(), line)
        })
        .collect();

    Discussion {
        improvements: lead_i,
        strengths: lead_s,
        more_improvements: more_i,
        more_strengths: more_s,
        follow_up,
        without_action,
        decision,
        feedback: feedback(input, &improvements, &strengths, &own),
        follow_up_intro: fill(
            a.followup_intro,
            &[
                ("file", escape(input.register)),
                ("period", input.period.display(lang)),
            ],
        ),
    }
}

/// The action that answers a theme: an open one (the latest started) before a done one.
fn answering_action<'f>(own: &[&'f FollowUp], theme: u16) -> Option<&'f FollowUp> {
    let of_theme = || own.iter().copied().filter(|x| x.action.theme == theme);
    of_theme()
        .filter(|x| x.action.status != Status::Done)
        .max_by_key(|x| x.action.start)
        .or_else(|| of_theme().max_by_key(|x| x.action.start))
}

/// "You said, we did": what clients said and, per point, what is really happening with it
/// — planned, under way, overdue or done as the register says; the points without an
/// action share one "we discuss this" line.
fn feedback(
    input: &DiscussionInput,
    improvements: &[&Flag],
    strengths: &[&Flag],
    own: &[&FollowUp],
) -> Vec<String> {
    let lang = input.config.analysis.language;
    let a = lang.agenda();
    let label = |f: &&Flag| theme_label(input.data, f.theme, lang);
    let said = |themes: Vec<String>, one: &str, many: &str| {
        let template = if themes.len() == 1 { one } else { many };
        fill(template, &[("themes", lang.join_and(&themes))])
    };
    let mut lines = Vec::new();
    if let Some(g) = &input.grade {
        lines.push(fill(a.feedback_grade, &[("grade", g.clone())]));
    }
    let mut open = Vec::new();
    for f in improvements.iter().take(LEADING_IMPROVEMENTS) {
        let Some(x) = answering_action(own, f.theme) else {
            open.push(label(f));
            continue;
        };
        let template = match (x.action.status, x.overdue) {
            (Status::Done, _) => a.feedback_done,
            (_, true) => a.feedback_overdue,
            (Status::Planned, false) => a.feedback_planned,
            (Status::Running, false) => a.feedback_running,
        };
        lines.push(format!(
            "{} {}",
            said(vec![label(f)], a.feedback_said_one, a.feedback_said_many),
            fill(template, &[("action", sentence(input, &x.action.action))])
        ));
    }
    if !open.is_empty() {
        lines.push(format!(
            "{} {}",
            said(open, a.feedback_said_one, a.feedback_said_many),
            a.feedback_do_meeting
        ));
    }
    let good: Vec<String> = strengths
        .iter()
        .take(LEADING_STRENGTHS)
        .map(label)
        .collect();
    if !good.is_empty() {
        lines.push(said(good, a.feedback_good_one, a.feedback_good_many));
    }
    lines.push(a.feedback_thanks.to_string());
    lines
}

/// A theme's label in `lang`, escaped for Markdown.
fn theme_label(data: &Canonical, theme: u16, lang: Language) -> String {
    data.themes
        .get(theme as usize)
        .map_or_else(String::new, |t| escape(t.label_in(lang)))
}

/// Free text as one sentence in a Markdown line: escaped, ends with a full stop.
/// An action's text from the register as the agenda shows it.
fn action_text(input: &DiscussionInput, text: &str) -> String {
    let c = input.config;
    let (min_n, names) = (c.privacy.min_n, &c.quotes.names);
    crate::render::heard::register_text(text, None, min_n, names, c.analysis.language)
}

/// An action's text ([`action_text`]) as a sentence, ending in a full stop.
fn sentence(input: &DiscussionInput, text: &str) -> String {
    let t = action_text(input, text);
    if t.ends_with(['.', '!', '?', ')']) {
        t
    } else {
        format!("{t}.")
    }
}

/// "p < 0,001", "p = 0,012" or "p < 0,05" (never a rounded 0,050 for a significant p).
fn p_text(p: f64, lang: Language) -> String {
    if p < 0.001 {
        format!("p < {}", lang.decimal(0.001, 3))
    } else if p < 0.05 && (p * 1000.0).round() >= 50.0 {
        format!("p < {}", lang.decimal(0.05, 2))
    } else {
        format!("p = {}", lang.decimal(p, 3))
    }
}

/// A reason in plain words, for the main part: no test statistic.
pub fn plain_reason(r: &Reason, f: &Flag, input: &DiscussionInput) -> String {
    let lang = input.config.analysis.language;
    let a = lang.agenda();
    let (unit, units) = input.config.analysis.unit_nouns();
    let d = |v: f64| lang.decimal(v, 1);
    let text = match r {
        Reason::Band { band, .. } => {
            use crate::funnel::Band::*;
            match band {
                MuchWorse => a.much_worse_plain,
                Worse => a.worse_plain,
                MuchBetter => a.much_better_plain,
                Better => a.better_plain,
                AsExpected => "",
            }
            .to_string()
        }
        Reason::Change { against, change } => {
            let before = d(f.score - change.change);
            let template = match (change.change < 0.0, against) {
                (true, Against::Previous) => a.decline_plain,
                (true, Against::YearBefore) => a.decline_year_plain,
                (false, Against::Previous) => a.rise_plain,
                (false, Against::YearBefore) => a.rise_year_plain,
            };
            // "since last quarter" when the comparison is with the period just before.
            let when = if change.from == input.period.prev() {
                a.previous_period[period_kind_index(input.period)].to_string()
            } else {
                change.from.display(lang)
            };
            fill(
                template,
                &[
                    ("when", when),
                    ("period", change.from.display(lang)),
                    ("before", before),
                ],
            )
        }
        Reason::Spc => match f.kind {
            FlagKind::Improvement => a.spc_concern_plain.to_string(),
            FlagKind::Strength => a.spc_improvement_plain.to_string(),
        },
        Reason::TopScore { .. } => {
            let template = match f.kind {
                FlagKind::Improvement => a.problem_share_plain,
                FlagKind::Strength => a.top_share_plain,
            };
            fill(
                template,
                &[("share", lang.decimal(f.share.unwrap_or(0.0) * 100.0, 0))],
            )
        }
        Reason::Target { target } => {
            let template = match f.kind {
                FlagKind::Improvement => a.below_target,
                FlagKind::Strength => a.target_met,
            };
            fill(template, &[("target", d(*target))])
        }
    };
    fill(&text, &[("unit", unit), ("units", units)])
}

/// Index of the period kind in [`AgendaTexts::previous_period`].
fn period_kind_index(p: Period) -> usize {
    use crate::period::PeriodKind::*;
    match p.kind {
        Month => 0,
        Quarter => 1,
        Half => 2,
        Year => 3,
    }
}

/// The numbers and test behind a reason, for the appendix.
pub fn evidence_text(r: &Reason, f: &Flag, period: Period, lang: Language) -> String {
    let a = lang.agenda();
    let d = |v: f64, n: usize| lang.decimal(v, n);
    match r {
        Reason::Band { band, z } => fill(
            a.worse_than_expected,
            &[
                ("band", lang.band(*band).to_string()),
                ("z", d(*z, 1)),
                ("n", f.n.to_string()),
            ],
        ),
        Reason::Change { change, .. } => fill(
            a.change_evidence,
            &[
                ("period", change.from.display(lang)),
                ("before", d(f.score - change.change, 2)),
                (
                    "now",
                    format!("{} ({})", d(f.score, 2), period.display(lang)),
                ),
                ("change", d(change.change, 2)),
                ("p", p_text(change.p, lang)),
            ],
        ),
        Reason::Spc => a.spc_evidence.to_string(),
        Reason::TopScore {
            value,
            place,
            weighted,
        } => {
            let share = f.share.unwrap_or(0.0);
            let importance = if share > 0.0 { value / share } else { 0.0 };
            let template = match (f.kind, weighted) {
                (FlagKind::Strength, _) => a.top_topbox,
                (FlagKind::Improvement, true) => a.top_verbeterscore_weighted,
                (FlagKind::Improvement, false) => a.top_verbeterscore,
            };
            fill(
                template,
                &[
                    ("place", place.to_string()),
                    ("value", d(*value, 2)),
                    ("share", d(share * 100.0, 0)),
                    ("importance", d(importance, 1)),
                ],
            )
        }
        Reason::Target { target } => fill(
            a.target_evidence,
            &[("score", d(f.score, 2)), ("target", d(*target, 1))],
        ),
    }
}

/// The chart that shows a point's first reason: the funnel plot for a comparison with the
/// other units, else the theme's course over time.
fn key_chart<'a>(input: &DiscussionInput<'a>, f: &Flag, label: &str) -> Option<ChartLink> {
    let lang = input.config.analysis.language;
    let a = lang.agenda();
    let (unit, units) = input.config.analysis.unit_nouns();
    let banded = matches!(f.reasons.first(), Some(Reason::Band { .. }));
    let find = |charts: &'a [ChartLink], kind: ChartKind| charts.iter().find(|c| c.kind == kind);
    let funnel = find(input.region_charts, ChartKind::Funnel(f.theme))
        .filter(|_| banded && input.vsv.is_some());
    let (chart, template) = match funnel {
        Some(chart) => (chart, a.key_chart_funnel),
        None => (
            find(input.charts, ChartKind::Spc(f.theme))?,
            a.key_chart_spc,
        ),
    };
    Some(ChartLink {
        caption: fill(
            template,
            &[
                ("theme", label.to_string()),
                ("unit", escape(&unit)),
                ("units", escape(&units)),
            ],
        ),
        inline: true,
        ..chart.clone()
    })
}

fn point_view(
    input: &DiscussionInput,
    f: &Flag,
    follow_ups: &[&FollowUp],
    leading: bool,
) -> PointView {
    let lang = input.config.analysis.language;
    let a: &AgendaTexts = lang.agenda();
    let label = theme_label(input.data, f.theme, lang);
    let score = lang.decimal(f.score, 1);
    let headline = match f.region {
        Some(r) => format!("{score} ({} {})", a.region, lang.decimal(r, 1)),
        None => score,
    };
    // Each reason with its own words, before the wordless ones are dropped, so that the
    // appendix's numbers stay on their reason's line.
    let evidence: Vec<Evidence> = f
        .reasons
        .iter()
        .map(|r| (r, plain_reason(r, f, input)))
        .filter(|(_, reason)| !reason.is_empty())
        .map(|(r, reason)| Evidence {
            reason,
            numbers: evidence_text(r, f, input.period, lang),
        })
        .collect();
    let plain: Vec<String> = evidence.iter().map(|e| e.reason.clone()).collect();
    let action = answering_action(follow_ups, f.theme).map_or_else(
        || a.register_none.to_string(),
        |x| {
            let mut status = status_word(x.action.status, lang).to_string();
            if x.overdue {
                status = format!("{status}, **{}**", a.overdue);
            }
            format!(
                "{} — {} ({status})",
                escape(&x.action.id),
                sentence(input, &x.action.action)
            )
        },
    );
    PointView {
        heard: Vec::new(),
        rank: f.rank,
        theme: label.clone(),
        headline,
        plain,
        evidence,
        quotes: if leading {
            input.quotes.of(f).iter().map(|q| escape(q)).collect()
        } else {
            Vec::new()
        },
        chart: if leading {
            key_chart(input, f, &label)
        } else {
            None
        },
        action,
    }
}

pub(crate) fn status_word(s: Status, lang: Language) -> &'static str {
    let a = lang.agenda();
    match s {
        Status::Planned => a.planned,
        Status::Running => a.running,
        Status::Done => a.done,
    }
}

pub(crate) fn horizon_word(h: Horizon, lang: Language) -> &'static str {
    let a = lang.agenda();
    match h {
        Horizon::Month => a.horizon_month,
        Horizon::Quarter => a.horizon_quarter,
        Horizon::Year => a.horizon_year,
    }
}

fn follow_up_row(input: &DiscussionInput, f: &FollowUp) -> FollowUpRow {
    let lang = input.config.analysis.language;
    let a = lang.agenda();
    let date = |d: chrono::NaiveDate| match lang {
        Language::Nl => d.format("%d-%m-%Y").to_string(),
        Language::En => d.format("%Y-%m-%d").to_string(),
    };
    let text = action_text(input, &f.action.action);
    let mut action = format!("{} · {}", escape(&f.action.id), text);
    if input.vsv.is_none() {
        if let Some(v) = f.action.vsv {
            action.push_str(&format!(" ({})", escape(input.data.names.get(v))));
        }
    }
    if let Some(h) = f.action.horizon {
        action.push_str(&format!(" — {}", horizon_word(h, lang).to_lowercase()));
    }
    let mut planning = date(f.action.start);
    if let Some(d) = f.action.due {
        planning.push_str(&format!(" – {}", date(d)));
    }
    planning.push_str(&format!(" · {}", status_word(f.action.status, lang)));
    if f.overdue {
        planning.push_str(&format!(" · **{}**", a.overdue));
    }
    let before = f.before.map_or("–".into(), |(p, m)| {
        format!("{} ({})", lang.decimal(m, 1), p.display(lang))
    });
    let now = f.now.map_or("–".into(), |m| lang.decimal(m, 1));
    let change = if f.not_started {
        a.not_started.to_string()
    } else {
        match f.change {
            Some(c) if c.significant => format!(
                "{}{} ({}, {})",
                if c.change >= 0.05 { "+" } else { "" },
                lang.decimal(c.change, 1),
                a.significant,
                p_text(c.p, lang)
            ),
            Some(c) => format!(
                "{}{} ({})",
                if c.change >= 0.05 { "+" } else { "" },
                lang.decimal(c.change, 1),
                a.not_significant
            ),
            None => a.not_testable.to_string(),
        }
    };
    let effect = format!("{before} → {now}: {change}");
    FollowUpRow {
        cells: vec![
            action,
            theme_label(input.data, f.action.theme, lang),
            escape(&f.action.owner),
            planning,
            effect,
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::score::{Change, Measure};
    use crate::funnel::Band;
    use crate::render::figures::tests::{fixture, q3, Fixture};

    fn input<'a>(
        fx: &'a Fixture,
        vsv: Option<u32>,
        charts: &'a [ChartLink],
        region_charts: &'a [ChartLink],
    ) -> DiscussionInput<'a> {
        DiscussionInput {
            config: &fx.config,
            data: &fx.data,
            period: q3(),
            vsv,
            flags: &[],
            follow_ups: &[],
            register: "acties.csv",
            charts,
            region_charts,
            grade: None,
            quotes: Box::leak(Box::default()),
        }
    }

    fn link(file: &str, kind: ChartKind) -> ChartLink {
        ChartLink {
            caption: "c".into(),
            file: file.into(),
            inline: false,
            kind,
        }
    }

    fn flag(vsv: Option<u32>, reasons: Vec<Reason>) -> Flag {
        Flag {
            period: q3(),
            vsv,
            theme: 0,
            kind: FlagKind::Improvement,
            rank: 1,
            reasons,
            score: 4.7,
            ci: None,
            region: Some(7.2),
            n: 42,
            share: Some(0.33),
            change_prev: None,
        }
    }

    fn decline() -> Reason {
        Reason::Change {
            against: Against::Previous,
            change: Change {
                from: Period::parse("2026-Q2").unwrap(),
                change: -1.2,
                p: 0.001,
                significant: true,
            },
        }
    }

    fn band(band: Band) -> Reason {
        Reason::Band { band, z: -4.0 }
    }

    #[test]
    fn plain_reasons_keep_their_order_and_drop_what_says_nothing() {
        let fx = fixture();
        let b = fx.vsv("VSV B").vsv();
        let f = flag(
            b,
            vec![band(Band::MuchWorse), decline(), band(Band::AsExpected)],
        );
        let view = point_view(&input(&fx, b, &[], &[]), &f, &[], true);
        assert_eq!(
            view.plain,
            [
                "duidelijk lager dan bij de andere VSV's — meer dan toeval",
                "gedaald sinds vorig kwartaal (toen 5,9)",
            ]
        );
        assert_eq!(view.headline, "4,7 (regio 7,2)");
        // The appendix gives every reason that has words, with its numbers.
        assert_eq!(view.evidence.len(), 2);
        assert_eq!(view.evidence[1].reason, view.plain[1]);
        // An appendix-only point has no quotes and no chart.
        let more = point_view(&input(&fx, b, &[], &[]), &f, &[], false);
        assert!(more.quotes.is_empty() && more.chart.is_none());
    }

    #[test]
    fn each_reason_keeps_its_own_numbers_after_an_empty_one() {
        // Regression: the appendix paired the reasons with their plain texts after the
        // empty ones were dropped, so a wordless reason first shifted every number a line.
        let fx = fixture();
        let b = fx.vsv("VSV B").vsv();
        let f = flag(b, vec![band(Band::AsExpected), decline()]);
        let inp = input(&fx, b, &[], &[]);
        let view = point_view(&inp, &f, &[], true);
        assert_eq!(view.plain, ["gedaald sinds vorig kwartaal (toen 5,9)"]);
        assert_eq!(view.evidence.len(), 1);
        assert_eq!(view.evidence[0].reason, view.plain[0]);
        assert_eq!(
            view.evidence[0].numbers,
            evidence_text(&decline(), &f, q3(), Language::Nl)
        );
        assert_ne!(
            view.evidence[0].numbers,
            evidence_text(&band(Band::AsExpected), &f, q3(), Language::Nl)
        );
    }

    #[test]
    fn the_key_chart_is_the_funnel_for_a_band_and_the_spc_chart_otherwise() {
        let fx = fixture();
        let b = fx.vsv("VSV B").vsv();
        let charts = [
            link("charts/theme-scores", ChartKind::ThemeScores),
            link("charts/spc-other", ChartKind::Spc(1)),
            link("charts/spc-info", ChartKind::Spc(0)),
        ];
        let region = [
            link("../regio/charts/heatmap", ChartKind::Heatmap),
            link("../regio/charts/funnel-other", ChartKind::Funnel(1)),
            link("../regio/charts/funnel-info", ChartKind::Funnel(0)),
        ];
        let inp = input(&fx, b, &charts, &region);
        let chart = |reasons: Vec<Reason>| key_chart(&inp, &flag(b, reasons), "Info");
        let funnel = chart(vec![band(Band::Worse), decline()]).unwrap();
        assert_eq!(funnel.file, "../regio/charts/funnel-info");
        assert_eq!(
            funnel.caption,
            "Alle VSV's vergeleken: een punt buiten de lijnen wijkt meer af dan toeval."
        );
        let spc = chart(vec![decline(), band(Band::Worse)]).unwrap();
        assert_eq!(spc.file, "charts/spc-info");
        assert_eq!(spc.caption, "Info: de score per periode.");
        // No funnel among the region's charts: the SPC chart; neither: no key chart.
        let inp = input(&fx, b, &charts, &[]);
        let f = flag(b, vec![band(Band::Worse)]);
        assert_eq!(key_chart(&inp, &f, "Info").unwrap().file, "charts/spc-info");
        let inp = input(&fx, b, &[], &[]);
        assert_eq!(key_chart(&inp, &f, "Info"), None);
        // The region is compared with nothing: never the funnel.
        let inp = input(&fx, None, &charts, &region);
        let f = flag(None, vec![band(Band::Worse)]);
        assert_eq!(key_chart(&inp, &f, "Info").unwrap().file, "charts/spc-info");
    }

    #[test]
    fn at_most_two_quotes_and_only_from_shown_cells() {
        let mut fx = fixture();
        let c = fx.data.names.find("VSV C").unwrap();
        let hidden = fx.data.names.find("VSV D").unwrap();
        let words = ["bevalling", "kraamtijd", "controle", "echo", "nacht"];
        fx.data.comments = (0..fx.data.respondents.len() as u32)
            .map(|i| {
                let word = words[i as usize % words.len()];
                let text = format!("De uitleg over de {word} was voor mij niet duidelijk.");
                crate::analysis::score::tests::comment(i, &text, crate::ingest::Side::Improvement)
            })
            .collect();
        let moderation = crate::analysis::moderation::Moderation::new(&fx.data, &fx.config);
        let source = crate::analysis::flag_quotes::QuoteSource {
            data: &fx.data,
            scores: &fx.scores,
            config: &fx.config.quotes,
            moderation: &moderation,
        };
        let f = flag(Some(c), vec![band(Band::Worse)]);
        let quotes = |f: &Flag| crate::analysis::flag_quotes::quotes_for(source, f);
        assert_eq!(quotes(&f).len(), 2, "{:?}", quotes(&f));
        // The point shows the quotes chosen for it, escaped; an appendix point none.
        let chosen = FlagQuotes::choose(source, [&f]);
        let inp = DiscussionInput {
            quotes: &chosen,
            ..input(&fx, Some(c), &[], &[])
        };
        let view = point_view(&inp, &f, &[], true);
        assert_eq!(
            view.quotes,
            quotes(&f).iter().map(|q| escape(q)).collect::<Vec<_>>()
        );
        assert!(point_view(&inp, &f, &[], false).quotes.is_empty());
        assert!(
            leads(&f)
                && !leads(&Flag {
                    rank: 4,
                    ..f.clone()
                })
        );
        // Only 2026-Q2 has clients of VSV D, and its cell is hidden there.
        let q2 = Period::parse("2026-Q2").unwrap();
        let f = Flag {
            period: q2,
            ..flag(Some(hidden), vec![band(Band::Worse)])
        };
        assert!(fx
            .scores
            .unit_cell(q2, Some(hidden), Measure::Theme(0))
            .is_some_and(|c| c.stats.is_none()));
        assert_eq!(quotes(&f), Vec::<String>::new());
    }

    /// Issue 23: quotes come only from texts moderation lets through. Her `nee` removes a
    /// text prem would quote; her `ja` puts in one prem would not pick (its tone unclear)
    /// ahead of prem's own; with `review = "required"` only her approvals are quoted.
    #[test]
    fn quotes_follow_the_officers_decisions() {
        use crate::config::ReviewMode;
        use crate::ingest::Side;
        let mut fx = fixture();
        let c = fx.data.names.find("VSV C").unwrap();
        let rows: Vec<u32> = (0..fx.data.respondents.len() as u32)
            .filter(|&i| fx.data.respondents[i as usize].vsv == c)
            .collect();
        let period = fx.data.respondents[rows[0] as usize].period;
        let rows: Vec<u32> = rows
            .into_iter()
            .filter(|&i| fx.data.respondents[i as usize].period == period)
            .collect();
        let texts = [
            "De uitleg over de bevalling was niet duidelijk.",
            "De uitleg over de kraamtijd was niet duidelijk.",
            "Uitleg kreeg ik, maar of het klopte weet ik niet.",
        ];
        let mut comments: Vec<crate::ingest::Comment> = texts
            .iter()
            .zip(&rows)
            .map(|(t, &row)| crate::analysis::score::tests::comment(row, t, Side::Improvement))
            .collect();
        // The last one prem cannot place: neither praise nor complaint.
        comments[2].side = None;
        comments[2].tone = crate::text::polarity::Polarity::Unclear;
        fx.data.comments = comments;
        let f = Flag {
            period,
            ..flag(Some(c), vec![band(Band::Worse)])
        };
        let quotes = |fx: &Fixture, m: &crate::analysis::moderation::Moderation| {
            let source = crate::analysis::flag_quotes::QuoteSource {
                data: &fx.data,
                scores: &fx.scores,
                config: &fx.config.quotes,
                moderation: m,
            };
            crate::analysis::flag_quotes::quotes_for(source, &f)
        };
        let mut m = crate::analysis::moderation::Moderation::new(&fx.data, &fx.config);
        assert_eq!(quotes(&fx, &m), texts[..2]);
        let ids: Vec<String> = m.reviews.iter().map(|r| r.id.clone()).collect();
        let decide = |pairs: &[(usize, bool)]| {
            crate::analysis::moderation::Decisions(
                pairs.iter().map(|&(i, d)| (ids[i].clone(), d)).collect(),
            )
        };
        m.apply(&decide(&[(0, false), (2, true)]));
        assert_eq!(quotes(&fx, &m), [texts[2], texts[1]]);
        m.mode = ReviewMode::Required;
        assert_eq!(quotes(&fx, &m), [texts[2]]);
        m.apply(&decide(&[]));
        assert!(quotes(&fx, &m).is_empty());
    }
}
