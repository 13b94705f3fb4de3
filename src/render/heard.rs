//! The participation register in a unit's agenda: what clients told the network this
//! period besides the questionnaires, per theme, and the open ends (input without an
//! action, results never fed back). The register's free text is written by staff about
//! clients, so it is scrubbed like a quote before it is shown.

use serde::Serialize;

use crate::i18n::{fill, Language};
use crate::ingest::Canonical;
use crate::period::Period;
use crate::registers::actions::Action;
use crate::registers::participation::{in_period, open_ends, Activity, OpenEnd};
use crate::render::labels::Words;
use crate::render::markdown::escape;

/// The section's view.
#[derive(Debug, Clone, Serialize, Default)]
pub struct HeardView {
    /// Per theme (in codebook order, then entries without a theme).
    pub groups: Vec<HeardGroup>,
    /// The open ends, one line each; empty when there are none.
    pub open_ends: Vec<String>,
}

/// One theme's entries.
#[derive(Debug, Clone, Serialize)]
pub struct HeardGroup {
    /// Theme label.
    pub theme: String,
    /// "verbeterpunt 2" when the theme is one of the unit's improvement points.
    pub point: Option<String>,
    /// One line per entry.
    pub lines: Vec<String>,
}

/// What the section needs.
pub struct HeardInput<'a> {
    pub data: &'a Canonical,
    pub entries: &'a [Activity],
    pub actions: &'a [Action],
    /// The unit's VSV (`None`: the region).
    pub vsv: Option<u32>,
    pub period: Period,
    /// The unit's improvement points: (theme, rank).
    pub points: &'a [(u16, usize)],
    pub lang: Language,
    /// Names to remove from the register's texts (`[quotes] names`).
    pub names: &'a [String],
    /// `[privacy] min_n`: fewer participants, no text.
    pub min_n: u32,
}

/// A date as the report language writes it.
pub fn date(d: chrono::NaiveDate, lang: Language) -> String {
    match lang {
        Language::Nl => d.format("%d-%m-%Y").to_string(),
        Language::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A register text as an agenda or chapter shows it: through
/// [`crate::analysis::moderation::register_text`] (scrubbed; withheld for fewer than `min_n`
/// participants or a safeguarding signal), escaped for Markdown, or the words saying it
/// stays in the register.
pub fn register_text(
    text: &str,
    participants: Option<u32>,
    min_n: u32,
    names: &[String],
    lang: Language,
) -> String {
    crate::analysis::moderation::register_text(text, participants, min_n, names)
        .map_or_else(|| lang.comments().withheld.to_string(), |t| escape(&t))
}

/// One entry as a line: form, level, date, clients and what was heard ([`register_text`]).
pub fn entry_line(e: &Activity, lang: Language, names: &[String], min_n: u32) -> String {
    let a = lang.agenda();
    let heard = register_text(&e.heard, Some(e.participants), min_n, names, lang);
    fill(
        a.heard_line,
        &[
            ("form", lang.form(e.form).to_string()),
            ("level", lang.level(e.level).to_string()),
            ("date", date(e.date, lang)),
            ("n", e.participants.to_string()),
            ("heard", heard),
        ],
    )
}

/// The section, or None when the register is empty.
pub fn heard(input: &HeardInput) -> Option<HeardView> {
    if input.entries.is_empty() {
        return None;
    }
    let lang = input.lang;
    let a = lang.agenda();
    let now = in_period(input.entries, input.vsv, input.period);
    let mut groups = Vec::new();
    let label = |t: u16| {
        input
            .data
            .themes
            .get(t as usize)
            .map_or_else(String::new, |th| escape(th.label_in(lang)))
    };
    for t in 0..input.data.themes.len() as u16 {
        let lines: Vec<String> = now
            .iter()
            .filter(|e| e.themes.contains(&t))
            .map(|e| entry_line(e, lang, input.names, input.min_n))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let point = input
            .points
            .iter()
            .find(|(theme, _)| *theme == t)
            .map(|(_, rank)| fill(a.heard_point, &[("rank", rank.to_string())]));
        groups.push(HeardGroup {
            theme: label(t),
            point,
            lines,
        });
    }
    let other: Vec<String> = now
        .iter()
        .filter(|e| e.themes.is_empty())
        .map(|e| entry_line(e, lang, input.names, input.min_n))
        .collect();
    if !other.is_empty() {
        groups.push(HeardGroup {
            theme: a.heard_other.to_string(),
            point: None,
            lines: other,
        });
    }
    let open_ends = open_ends(input.entries, input.actions, input.vsv, input.period)
        .iter()
        .map(|o| match o {
            OpenEnd::NoAction { entry, days } => fill(
                a.open_no_action,
                &[
                    ("id", escape(&entry.id)),
                    ("form", lang.form(entry.form).to_string()),
                    ("date", date(entry.date, lang)),
                    ("days", days.to_string()),
                ],
            ),
            OpenEnd::NotFedBack { action, entries } => fill(
                a.open_not_fed_back,
                &[
                    ("id", escape(&action.id)),
                    (
                        "action",
                        register_text(&action.action, None, input.min_n, input.names, lang),
                    ),
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
        })
        .collect();
    Some(HeardView { groups, open_ends })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ParticipationLevel;
    use crate::registers::participation::Form;

    fn entry(participants: u32, heard: &str) -> Activity {
        Activity {
            id: "P1".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 8, 3).unwrap_or_default(),
            vsv: None,
            form: Form::Panel,
            level: ParticipationLevel::Consult,
            participants,
            themes: Vec::new(),
            heard: heard.into(),
            actions: Vec::new(),
            fed_back: None,
            how: String::new(),
        }
    }

    /// Issue 23: a register entry about a partner who hit a client, with one participant,
    /// was printed in the agendas. What was heard passes the gate of quotes: a signal, or
    /// fewer than `min_n` participants, keeps the text in the register; names are scrubbed.
    #[test]
    fn register_texts_pass_the_gate_of_quotes() {
        let names = vec!["Anouk".to_string()];
        let line = |n: u32, heard: &str| entry_line(&entry(n, heard), Language::Nl, &names, 10);
        let withheld = Language::Nl.comments().withheld;
        // As a register records it in her words (the rules read a client's own words; a
        // retelling in the third person is not yet found).
        let hit = "Een moeder vertelde: mijn partner sloeg me tijdens de zwangerschap";
        assert!(line(12, hit).contains(withheld), "{}", line(12, hit));
        assert!(!line(12, hit).contains("sloeg"));
        let few = "Drie moeders wilden meer uitleg over borstvoeding";
        assert!(line(3, few).contains(withheld));
        assert!(!line(3, few).contains("borstvoeding"));
        assert!(
            line(10, few).contains("meer uitleg over borstvoeding"),
            "{}",
            line(10, few)
        );
        let named = "Verloskundige Anouk legde alles goed uit";
        assert_eq!(
            line(15, named),
            // Markdown: the placeholder's brackets escaped.
            "panelgesprek (raadplegen), 03-08-2026, 15 cliënten: “Verloskundige \\[…\\] legde alles goed uit”"
        );
    }
}
