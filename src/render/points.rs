//! The agenda's discussion part, as text in the report language: improvement points and
//! strengths with their reasons, evidence, quotes and chart links; the follow-up of the
//! actions register; the proposed decision (90-day form); the feedback to clients.
//!
//! Everything here starts from flags (full-tier cells only) and follow-ups (shown cells
//! only), so no suppressed number can reach it.

use serde::Serialize;

use crate::actions::{FollowUp, Horizon, Status};
use crate::config::Config;
use crate::flags::{Against, Flag, FlagKind, Reason};
use crate::i18n::{fill, AgendaTexts, Language};
use crate::ingest::Canonical;
use crate::output::slug;
use crate::period::Period;
use crate::render::agenda::ChartLink;
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
    /// Score, region and change: "7,0 (regio 8,3) ▼ 0,6 t.o.v. 2026-K2".
    pub headline: String,
    /// The score alone.
    pub score: String,
    /// The region's score ("–" for the region itself).
    pub region: String,
    /// Every reason with its evidence, joined by " · ".
    pub reasons: String,
    /// Scrubbed client quotes.
    pub quotes: Vec<String>,
    /// Markdown links to the theme's charts.
    pub charts: String,
    /// The action in the register for this theme, or "none — proposal below".
    pub action: String,
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
    /// Other improvement points.
    pub more_improvements: Vec<PointView>,
    /// Other strengths.
    pub more_strengths: Vec<PointView>,
    /// Follow-up table rows.
    pub follow_up: Vec<FollowUpRow>,
    /// "Improvement points without an action: …", if any.
    pub without_action: Option<String>,
    /// The 90-day form: (term, line).
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
    /// The overall grade as shown, if any.
    pub grade: Option<String>,
    /// Scored cells (for the privacy of quotes).
    pub scores: &'a crate::score::Scores,
    /// Theme ids that have a funnel plot in the region's charts.
    pub funnels: &'a [String],
}

/// Builds the discussion part for one unit.
pub fn discussion(input: &DiscussionInput) -> Discussion {
    let lang = input.config.analysis.language;
    let a = lang.agenda();
    let unit_name = input.vsv.map(|v| input.data.names.get(v).to_string());
    // The follow-up table: a VSV's own actions and the region's; the region lists all.
    let follow_ups: Vec<&FollowUp> = input
        .follow_ups
        .iter()
        .filter(|f| input.vsv.is_none() || f.action.vsv.is_none() || f.action.vsv == unit_name)
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
    let view = |f: &Flag, with_quotes: bool| point_view(input, f, &own, with_quotes);
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
    let open_action = |theme: u16| {
        own.iter()
            .any(|f| f.action.theme == theme && f.action.status != Status::Done)
    };
    let missing: Vec<String> = improvements
        .iter()
        .filter(|f| !open_action(f.theme))
        .map(|f| theme_label(input.data, f.theme, lang))
        .collect();
    let without_action =
        (!missing.is_empty()).then(|| fill(a.without_action, &[("themes", missing.join(", "))]));

    let decision = [a.horizon_month, a.horizon_quarter, a.horizon_year]
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let line = match improvements.get(i) {
                Some(f) => fill(
                    a.decision_line,
                    &[("theme", theme_label(input.data, f.theme, lang))],
                ),
                None => a.decision_free.to_string(),
            };
            (term.to_string(), line)
        })
        .collect();

    let mut feedback = Vec::new();
    if let Some(g) = &input.grade {
        feedback.push(fill(a.feedback_grade, &[("grade", g.clone())]));
    }
    for f in improvements.iter().take(LEADING_IMPROVEMENTS) {
        let label = theme_label(input.data, f.theme, lang);
        feedback.push(fill(a.feedback_said, &[("theme", label)]));
        let action = own
            .iter()
            .find(|x| x.action.theme == f.theme && x.action.status != Status::Done);
        feedback.push(match action {
            Some(x) => fill(
                a.feedback_do_action,
                &[("action", sentence(&x.action.action))],
            ),
            None => a.feedback_do_meeting.to_string(),
        });
    }
    for f in strengths.iter().take(LEADING_STRENGTHS) {
        let label = theme_label(input.data, f.theme, lang);
        feedback.push(fill(a.feedback_good, &[("theme", label)]));
    }
    feedback.push(a.feedback_thanks.to_string());

    Discussion {
        improvements: lead_i,
        strengths: lead_s,
        more_improvements: more_i,
        more_strengths: more_s,
        follow_up,
        without_action,
        decision,
        feedback,
        follow_up_intro: fill(
            a.followup_intro,
            &[
                ("file", escape(input.register)),
                ("period", input.period.display(lang)),
            ],
        ),
    }
}

/// A theme's label in `lang`, escaped for Markdown.
fn theme_label(data: &Canonical, theme: u16, lang: Language) -> String {
    data.themes
        .get(theme as usize)
        .map_or_else(String::new, |t| escape(t.label_in(lang)))
}

/// Free text as one sentence in a Markdown line: escaped, ends with a full stop.
fn sentence(text: &str) -> String {
    let t = escape(text);
    if t.ends_with(['.', '!', '?']) {
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

/// The reason in words, with its evidence.
pub fn reason_text(r: &Reason, f: &Flag, lang: Language) -> String {
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
        Reason::Change { against, change } => {
            let template = match (f.kind, against) {
                (FlagKind::Improvement, Against::Previous) => a.decline,
                (FlagKind::Improvement, Against::YearBefore) => a.decline_year,
                (FlagKind::Strength, Against::Previous) => a.rise,
                (FlagKind::Strength, Against::YearBefore) => a.rise_year,
            };
            fill(
                template,
                &[
                    ("period", change.from.display(lang)),
                    ("change", d(change.change, 1)),
                    ("p", p_text(change.p, lang)),
                ],
            )
        }
        Reason::Spc => match f.kind {
            FlagKind::Improvement => a.spc_concern.to_string(),
            FlagKind::Strength => a.spc_improvement.to_string(),
        },
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
        Reason::Target { target } => {
            let template = match f.kind {
                FlagKind::Improvement => a.below_target,
                FlagKind::Strength => a.target_met,
            };
            fill(template, &[("target", d(*target, 1))])
        }
    }
}

fn point_view(
    input: &DiscussionInput,
    f: &Flag,
    follow_ups: &[&FollowUp],
    with_quotes: bool,
) -> PointView {
    let lang = input.config.analysis.language;
    let a: &AgendaTexts = lang.agenda();
    let theme = input.data.themes.get(f.theme as usize);
    let label = theme_label(input.data, f.theme, lang);
    let score = lang.decimal(f.score, 1);
    let region = f.region.map_or("–".into(), |r| lang.decimal(r, 1));
    let mut context = Vec::new();
    if let Some(r) = f.region {
        context.push(format!("{} {}", a.region, lang.decimal(r, 1)));
    }
    if let Some(c) = f.change_prev {
        context.push(format!(
            "{} {} {}",
            crate::render::agenda::change_text(&c, lang, true),
            a.versus,
            c.from.display(lang)
        ));
    }
    let headline = if context.is_empty() {
        score.clone()
    } else {
        format!("{score} ({})", context.join("; "))
    };
    let reasons = f
        .reasons
        .iter()
        .map(|r| reason_text(r, f, lang))
        .collect::<Vec<_>>()
        .join(" · ");
    let quotes = if with_quotes {
        quotes_for(input, f)
    } else {
        Vec::new()
    };
    let id = theme.map_or_else(String::new, |t| slug(&t.id));
    let mut links = Vec::new();
    for (stem, name) in [
        (format!("charts/spc-{id}"), a.chart_spc),
        ("charts/answers".to_string(), a.chart_answers),
    ] {
        if input.charts.iter().any(|c| c.file == stem) {
            links.push(format!("[{name}]({stem}.png)"));
        }
    }
    if input.funnels.contains(&id) {
        let dir = if input.vsv.is_some() {
            format!("../{}/", crate::report::REGION_DIR)
        } else {
            String::new()
        };
        links.push(format!("[{}]({dir}charts/funnel-{id}.png)", a.chart_funnel));
    }
    let action = follow_ups
        .iter()
        .filter(|x| x.action.theme == f.theme)
        .map(|x| {
            format!(
                "{} — {} ({})",
                escape(&x.action.id),
                sentence(&x.action.action),
                status_word(x.action.status, lang)
            )
        })
        .collect::<Vec<_>>();
    PointView {
        rank: f.rank,
        theme: label,
        headline,
        score,
        region,
        reasons,
        quotes,
        charts: links.join(", "),
        action: if action.is_empty() {
            a.register_none.to_string()
        } else {
            action.join("; ")
        },
    }
}

/// Quotes for a flag: open answers of the unit's respondents in the period (what could be
/// better for an improvement point, compliments for a strength) that match the theme.
fn quotes_for(input: &DiscussionInput, f: &Flag) -> Vec<String> {
    let q = &input.config.quotes;
    if q.max == 0 {
        return Vec::new();
    }
    let Some(theme) = input.data.themes.get(f.theme as usize) else {
        return Vec::new();
    };
    let keywords: Vec<String> = match q.keywords.get(&theme.id) {
        Some(k) => k.clone(),
        None => input
            .data
            .sources
            .get(theme.source)
            .and_then(|s| s.codebook.themes.iter().find(|t| t.id == theme.id))
            .map(|t| t.keywords.clone())
            .unwrap_or_default(),
    };
    if keywords.is_empty() {
        return Vec::new();
    }
    // Only respondents of the theme's own source, in VSVs whose cell for the theme is shown
    // (so the region quotes no VSV below min_n), and of a PREM score only from the care
    // types it covers (a hidden care type's clients are not quoted either). Per VSV: None =
    // not shown, else the covered care types (empty: a score without care types).
    let published = |v: u32| -> Option<Vec<u32>> {
        crate::render::agenda::unit_cell(
            input.scores,
            input.period,
            Some(v),
            crate::score::Measure::Theme(f.theme),
        )
        .filter(|c| c.tier != crate::score::Tier::Suppressed)
        .map(|c| c.covers.clone())
    };
    let mut allowed: std::collections::BTreeMap<u32, Option<Vec<u32>>> =
        std::collections::BTreeMap::new();
    let mut seen: std::collections::BTreeSet<(u16, u32)> = std::collections::BTreeSet::new();
    let mut texts: Vec<&str> = Vec::new();
    for r in &input.data.respondents {
        if r.period != input.period
            || (input.vsv.is_some() && Some(r.vsv) != input.vsv)
            || r.source as usize != theme.source
        {
            continue;
        }
        let covered = match (
            allowed.entry(r.vsv).or_insert_with(|| published(r.vsv)),
            r.care_type,
        ) {
            (None, _) => false,
            (Some(list), Some(ct)) if !list.is_empty() => list.contains(&ct),
            (Some(_), _) => true,
        };
        if !covered {
            continue;
        }
        let text = match f.kind {
            FlagKind::Improvement => r.improvement.as_deref(),
            FlagKind::Strength => r.compliment.as_deref(),
        };
        let Some(text) = text else {
            continue;
        };
        // One respondent's care-type rows carry the same open answer once.
        if !seen.insert((r.source, r.key)) {
            continue;
        }
        texts.push(text);
    }
    crate::quotes::pick_quotes(&texts, &keywords, &q.names, q.max)
        .iter()
        .map(|q| escape(q))
        .collect()
}

fn status_word(s: Status, lang: Language) -> &'static str {
    let a = lang.agenda();
    match s {
        Status::Planned => a.planned,
        Status::Running => a.running,
        Status::Done => a.done,
    }
}

fn horizon_word(h: Horizon, lang: Language) -> &'static str {
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
    let mut action = format!("{} · {}", escape(&f.action.id), escape(&f.action.action));
    if input.vsv.is_none() {
        if let Some(v) = &f.action.vsv {
            action.push_str(&format!(" ({})", escape(v)));
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
        planning.push_str(&format!(" · {}", a.overdue));
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
