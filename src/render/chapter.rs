//! The chapter "Het perspectief van cliënten" of the kwaliteitsjaarverslag, as Markdown
//! (HTML and Word are made from it as from the agenda). Every number comes from
//! [`crate::analysis::year::Chapter`], whose cells passed the disclosure stage: a suppressed cell
//! prints as "onderdrukt", which does not bound its n (a cell hidden to protect another
//! may be large).

use std::fmt::Write as _;

use crate::analysis::year::{Chapter, Goal, Shown};
use crate::i18n::{fill, Language};
use crate::ingest::Canonical;
use crate::registers::actions::Horizon;
use crate::registers::participation::OpenEnd;
use crate::render::agenda::change_text;
use crate::render::heard::date;
use crate::render::labels::Words;
use crate::render::markdown::escape;
use crate::render::points::status_word;

/// What the chapter needs besides its figures.
pub struct ChapterInput<'a> {
    pub data: &'a Canonical,
    pub config: &'a crate::config::Config,
    /// The unit's name as the reports write it.
    pub unit: &'a str,
    pub year: i32,
    /// The ladder chart, relative to the chapter (without extension), if drawn.
    pub chart: Option<String>,
}

fn shown(s: Shown, lang: Language) -> String {
    let c = lang.chapter();
    match s {
        Shown::None => "–".into(),
        Shown::Suppressed => c.suppressed.to_string(),
        Shown::Value {
            mean, indicative, ..
        } => {
            let v = lang.decimal(mean, 1);
            if indicative {
                format!("{v} ({})", c.indicative)
            } else {
                v
            }
        }
    }
}

fn pct(part: usize, whole: usize, lang: Language) -> String {
    if whole == 0 {
        return "–".into();
    }
    format!("{}%", lang.decimal(part as f64 * 100.0 / whole as f64, 0))
}

/// The chapter as Markdown.
pub fn chapter_md(ch: &Chapter, input: &ChapterInput) -> String {
    let config = input.config;
    let lang = config.analysis.language;
    let c = lang.chapter();
    let min_n = config.privacy.min_n;
    let names = &config.quotes.names;
    // Register texts pass the same gate as in the agenda; a withheld one is named so.
    let register = |text: &str, participants: Option<u32>| {
        crate::render::heard::register_text(text, participants, min_n, names, lang)
    };
    let theme = |t: u16| {
        input
            .data
            .themes
            .get(t as usize)
            .map_or_else(String::new, |th| escape(th.label_in(lang)))
    };
    let year = input.year.to_string();
    let before = (input.year - 1).to_string();
    let mut s = String::new();
    let _ = writeln!(s, "# {} — {}\n", c.title, escape(input.unit));
    let _ = writeln!(
        s,
        "**{}**\n",
        fill(
            c.subtitle,
            &[
                ("unit", escape(&config.analysis.name)),
                ("year", year.clone())
            ]
        )
    );
    if let Some(why) = &config.analysis.why {
        let _ = writeln!(s, "> **{}:** {}\n", c.why, escape(why));
    }
    let _ = writeln!(s, "{}\n", c.intro);

    // The year's course.
    let _ = writeln!(s, "## {}\n", c.course_heading);
    let _ = writeln!(
        s,
        "| {} | {} | {} |\n|---|--:|--:|",
        c.course_columns[0], c.course_columns[1], c.course_columns[2]
    );
    for row in &ch.periods {
        let n = match row.grade {
            Shown::Value { n, .. } => n.to_string(),
            other => shown(other, lang),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            row.period.display(lang),
            n,
            shown(row.grade, lang)
        );
    }
    let (now, last) = ch.year_grade;
    let year_n = match now {
        Shown::Value { n, .. } => n.to_string(),
        other => shown(other, lang),
    };
    let _ = writeln!(
        s,
        "| **{year}** | **{year_n}** | **{}** |\n",
        shown(now, lang)
    );
    let _ = last;

    // Themes against last year.
    let _ = writeln!(
        s,
        "## {}\n",
        fill(
            c.year_heading,
            &[("year", year.clone()), ("before", before.clone())]
        )
    );
    let cols: Vec<String> = c
        .year_columns
        .iter()
        .map(|h| fill(h, &[("year", year.clone()), ("before", before.clone())]))
        .collect();
    // n in columns of its own: inside the score's cell it wrapped in Word.
    let _ = writeln!(
        s,
        "| {} | {} | n | {} | n | {} |\n|---|--:|--:|--:|--:|--:|",
        cols[0], cols[1], cols[2], cols[3]
    );
    let n_of = |v: Shown| match v {
        Shown::Value { n, .. } => n.to_string(),
        _ => "–".to_string(),
    };
    for t in &ch.themes {
        let change = t
            .change
            .as_ref()
            .map_or("–".into(), |x| change_text(x, lang, true));
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            theme(t.theme),
            shown(t.now, lang),
            n_of(t.now),
            shown(t.before, lang),
            n_of(t.before),
            change
        );
    }
    let _ = writeln!(
        s,
        "\n{}\n",
        fill(
            c.year_note,
            &[
                ("min_n", min_n.to_string()),
                ("indicative_n", config.privacy.indicative_n.to_string())
            ]
        )
    );

    // What changed.
    let _ = writeln!(s, "## {}\n", c.changes_heading);
    let list = |up: bool| -> Vec<String> {
        ch.themes
            .iter()
            .filter(|t| {
                t.change
                    .as_ref()
                    .is_some_and(|x| x.significant && (x.change > 0.0) == up)
            })
            .map(|t| theme(t.theme))
            .collect()
    };
    let (up, down) = (list(true), list(false));
    if up.is_empty() && down.is_empty() {
        let _ = writeln!(s, "{}\n", c.no_change);
    } else {
        if !up.is_empty() {
            let _ = writeln!(s, "- {}", fill(c.improved, &[("themes", up.join(", "))]));
        }
        if !down.is_empty() {
            let _ = writeln!(s, "- {}", fill(c.declined, &[("themes", down.join(", "))]));
        }
        s.push('\n');
    }

    // The year's improvement points, then the actions.
    let _ = writeln!(s, "## {}\n", c.actions_heading);
    if ch.points.is_empty() {
        let _ = writeln!(s, "{}\n", c.no_points);
    } else {
        let _ = writeln!(s, "{}\n", c.points_intro);
        for (t, periods) in &ch.points {
            let when: Vec<String> = periods.iter().map(|p| p.display(lang)).collect();
            let _ = writeln!(s, "- {} ({})", theme(*t), when.join(", "));
        }
        s.push('\n');
    }
    if ch.actions.is_empty() {
        let _ = writeln!(s, "{}\n", c.no_actions);
    } else {
        let h = c.actions_columns;
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            h[0], h[1], h[2], h[3]
        );
        for f in &ch.actions {
            let effect = match (&f.change, f.before, f.now) {
                _ if f.not_started => c.too_early.to_string(),
                (Some(x), Some((_, b)), Some(n)) => format!(
                    "{} → {} ({})",
                    lang.decimal(b, 1),
                    lang.decimal(n, 1),
                    change_text(x, lang, true)
                ),
                _ => "–".into(),
            };
            let _ = writeln!(
                s,
                "| {} — {} | {} | {} | {} |",
                escape(&f.action.id),
                register(&f.action.action, None),
                theme(f.action.theme),
                status_word(f.action.status, lang),
                effect
            );
        }
        s.push('\n');
    }

    // Participation.
    let p = &ch.participation;
    let _ = writeln!(s, "## {}\n", c.participation_heading);
    if p.activities == 0 {
        let _ = writeln!(s, "{}\n", c.no_participation);
    } else {
        let _ = writeln!(
            s,
            "{}",
            fill(
                c.participation_line,
                &[
                    ("activities", p.activities.to_string()),
                    ("clients", p.clients.to_string()),
                    ("with_action", p.with_action.to_string()),
                    ("with_pct", pct(p.with_action, p.activities, lang)),
                    ("fed_back", p.fed_back.to_string()),
                    ("fed_pct", pct(p.fed_back, p.activities, lang)),
                ]
            )
        );
        if let Some(days) = p.median_days {
            let _ = writeln!(
                s,
                "{}",
                fill(c.median_line, &[("days", lang.decimal(days, 0))])
            );
        }
        let h = c.form_columns;
        let _ = writeln!(s, "\n| {} | {} | {} |\n|---|--:|--:|", h[0], h[1], h[2]);
        for (form, n, clients) in &p.by_form {
            let _ = writeln!(s, "| {} | {n} | {clients} |", lang.form(*form));
        }
        s.push('\n');
        if let Some(chart) = &input.chart {
            let _ = writeln!(s, "![{}]({chart}.png)\n", c.ladder_title);
        }
    }

    // Goals for next year.
    let _ = writeln!(
        s,
        "## {}\n",
        fill(c.goals_heading, &[("next", (input.year + 1).to_string())])
    );
    if ch.goals.is_empty() {
        let _ = writeln!(s, "{}\n", c.no_goals);
    } else {
        let _ = writeln!(s, "{}\n", c.goals_intro);
        let h = c.goals_columns;
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            h[0], h[1], h[2], h[3]
        );
        for g in &ch.goals {
            let (term, goal, who) = match g {
                Goal::Unfinished(f) => {
                    let term = match f.action.horizon {
                        Some(Horizon::Month) => c.terms[0],
                        Some(Horizon::Quarter) | None => c.terms[1],
                        Some(Horizon::Year) => c.terms[2],
                    };
                    (
                        term,
                        fill(
                            if f.action.status == crate::registers::actions::Status::Planned {
                                c.goal_planned
                            } else {
                                c.goal_unfinished
                            },
                            &[
                                ("id", escape(&f.action.id)),
                                ("action", register(&f.action.action, None)),
                                ("status", status_word(f.action.status, lang).to_string()),
                            ],
                        ),
                        escape(&f.action.owner),
                    )
                }
                Goal::NoAction { theme: t } => (
                    c.terms[0],
                    fill(c.goal_no_action, &[("theme", theme(*t))]),
                    "……".into(),
                ),
                Goal::Open(OpenEnd::NoAction { entry, .. }) => (
                    c.terms[0],
                    fill(
                        c.goal_no_action_input,
                        &[
                            ("id", escape(&entry.id)),
                            ("form", lang.form(entry.form).to_string()),
                            ("date", date(entry.date, lang)),
                        ],
                    ),
                    "……".into(),
                ),
                Goal::Open(OpenEnd::NotFedBack { action, entries }) => (
                    c.terms[0],
                    fill(
                        c.goal_feedback,
                        &[
                            ("id", escape(&action.id)),
                            (
                                "entries",
                                entries
                                    .iter()
                                    .map(|e| escape(&e.id))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            ),
                        ],
                    ),
                    escape(&action.owner),
                ),
            };
            let who = if who.is_empty() {
                "……".to_string()
            } else {
                who
            };
            let _ = writeln!(s, "| {term} | {goal} | {who} | …… |");
        }
        s.push('\n');
    }

    // You said, we did.
    let _ = writeln!(s, "## {}\n", c.said_heading);
    if ch.said_did.is_empty() {
        let _ = writeln!(s, "{}", c.said_none);
    } else {
        let _ = writeln!(s, "{}\n", c.said_intro);
        for sd in &ch.said_did {
            let (entry, names) = (&sd.entry, names.as_slice());
            // What was heard is the line's point: without it, no line.
            let Some(heard) = crate::analysis::moderation::register_text(
                &entry.heard,
                Some(entry.participants),
                min_n,
                names,
            )
            .map(|t| escape(&t)) else {
                continue;
            };
            let heard = if heard.ends_with(['.', '!', '?']) {
                heard
            } else {
                format!("{heard}.")
            };
            let action = register(&sd.action.action, None);
            let line = if sd.action.status == crate::registers::actions::Status::Done {
                c.said_line
            } else {
                c.said_line_running
            };
            let _ = writeln!(
                s,
                "> {}\n>",
                fill(line, &[("heard", heard), ("action", action)])
            );
        }
        // No trailing quote line.
        while s.ends_with(">\n") {
            s.truncate(s.len() - 2);
            s = s.trim_end().to_string();
            s.push('\n');
        }
    }
    s
}
