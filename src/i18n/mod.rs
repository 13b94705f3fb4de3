//! Every user-facing text of the reports, in Dutch (default) and English. Code, comments
//! and developer docs are English; what a quality officer reads is here, in one place.
//! A leaf: it imports nothing of the pipeline (the pipeline's enums in words are in
//! [`crate::render::labels`], errors in words in [`crate::render::diagnostic`]).

mod agenda;
mod audit;
mod chapter;
mod charts;
mod comments;
mod init;
mod language;
mod messages;
pub mod number;

use serde::Serialize;

pub use agenda::AgendaTexts;
pub use audit::AuditTexts;
pub use chapter::ChapterTexts;
pub use charts::ChartTexts;
pub use comments::CommentTexts;
pub use init::InitTexts;
pub use language::Language;
pub use messages::{toml_message, Msg};

/// The fixed texts of one language.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Texts {
    pub agenda_title: &'static str,
    pub meeting_line: &'static str,
    pub why: &'static str,
    pub purpose_heading: &'static str,
    pub purpose: &'static str,
    pub glance_heading: &'static str,
    pub response: &'static str,
    pub respondents: &'static str,
    pub about: &'static str,
    pub overall_grade: &'static str,
    pub nps: &'static str,
    pub sources: &'static str,
    pub participation: &'static str,
    pub themes_heading: &'static str,
    pub theme: &'static str,
    pub score: &'static str,
    pub ci: &'static str,
    pub region: &'static str,
    pub band: &'static str,
    pub trend: &'static str,
    pub trend_note: &'static str,
    pub band_note: &'static str,
    /// Header of the national column.
    pub national: &'static str,
    /// How to read it.
    pub national_note: &'static str,
    /// A unit's mean against the national one: higher, similar, lower (beyond chance).
    pub national_bands: [&'static str; 3],
    pub n: &'static str,
    pub top_box: &'static str,
    pub problem: &'static str,
    pub status: &'static str,
    pub suppressed_cell: &'static str,
    pub tiers_heading: &'static str,
    pub tiers_text: &'static str,
    /// Under the theme table when a score over care types leaves hidden care types out.
    pub covers_note: &'static str,
    pub later_sections: &'static str,
    pub quality_title: &'static str,
    pub quality_by_reason: &'static str,
    pub quality_reason: &'static str,
    pub quality_count: &'static str,
    pub quality_none: &'static str,
    pub quality_file: &'static str,
    pub quality_row: &'static str,
    pub quality_column: &'static str,
    pub quality_value: &'static str,
    pub quality_expected: &'static str,
    pub quality_more: &'static str,
    /// Free text in the data-quality report, described instead of repeated.
    pub quality_free_text: &'static str,
    pub alpha_low: &'static str,
    pub not_applicable: &'static str,
    pub region_title: &'static str,
    pub date_format: &'static str,
    pub parity_expected: &'static str,
    pub age_expected: &'static str,
    /// The name Word gives each picture in the agenda document ("Figuur 1").
    pub figure: &'static str,
}

/// Dutch.
pub const NL: Texts = Texts {
    agenda_title: "Agendapunt: wat cliënten ons vertellen",
    meeting_line: "Kwaliteitsbespreking",
    why: "Waarom",
    purpose_heading: "Doel van dit agendapunt",
    purpose: "Check: wat cliënten over onze zorg zeggen. Act: wat we ermee doen.",
    glance_heading: "In één oogopslag",
    response: "Respons",
    respondents: "cliënten",
    about: "ca.",
    overall_grade: "Rapportcijfer",
    nps: "Aanbevelingsscore (NPS)",
    sources: "Bronnen",
    participation: "participatieladder",
    themes_heading: "Scores per thema",
    theme: "Thema",
    score: "Score",
    ci: "95%-BI",
    region: "Regio",
    band: "T.o.v. regio",
    trend: "T.o.v. vorige periode",
    trend_note: "▲/▼: significante verandering (p < 0,05 én minstens de minimaal relevante verschuiving); een getal zonder pijl is een verschil dat binnen het toeval valt.",
    band_note: "T.o.v. regio: vergeleken met alle {units} samen.",
    national: "Landelijk",
    national_bands: ["hoger", "≈", "lager"],
    national_note: "Landelijk: het landelijk gemiddelde (mijnPerined), met hoger, lager of ≈ (vergelijkbaar) alleen als het landelijk aantal en de spreiding bekend zijn; hoger of lager is een verschil groter dan toeval (95%).",
    n: "n",
    top_box: "% topscore",
    problem: "% probleem",
    status: "Status",
    suppressed_cell: "onderdrukt (privacy)",
    tiers_heading: "Zo leest u de cijfers",
    covers_note: "De scores over zorgsoorten zijn het gemiddelde van de zorgsoorten die we mogen tonen. {hidden}: om privacyredenen niet getoond, en daarom bij (sommige) thema's niet meegeteld.",
    tiers_text: "Scores lopen van 0 tot 10 (10 = best). Bij minder dan {min_n} cliënten tonen we niets, om de privacy te beschermen. Bij {min_n} tot {indicative_n} cliënten is een score *indicatief*: we tonen hem, maar trekken er geen conclusies uit. Het 95%-betrouwbaarheidsinterval (BI) geeft aan hoe zeker de score is.",
    later_sections: "Verbeterpunten, sterke punten, opvolging van acties en het voorstel voor een besluit volgen in een volgende versie van prem.",
    quality_title: "Datakwaliteit",
    quality_by_reason: "Meldingen per reden",
    quality_reason: "Reden",
    quality_count: "Aantal",
    quality_none: "Geen meldingen: alle rijen en waarden zijn gebruikt.",
    quality_file: "Bestand",
    quality_row: "Rij",
    quality_column: "Kolom",
    quality_value: "Waarde",
    quality_expected: "Verwacht",
    quality_more: "en {n} meer (zie data-quality.csv)",
    quality_free_text: "tekst van {n} tekens",
    alpha_low: "betrouwbaarheid (α) onder 0,70",
    not_applicable: "n.v.t.",
    region_title: "Regio",
    date_format: "dd-mm-jjjj",
    parity_expected: "ja / nee (eerste kind?)",
    age_expected: "leeftijd in jaren of klasse (<25, 25-29, 35 of ouder)",
    figure: "Figuur",
};

/// English.
pub const EN: Texts = Texts {
    agenda_title: "Agenda item: what clients tell us",
    meeting_line: "Quality meeting",
    why: "Why",
    purpose_heading: "Purpose of this item",
    purpose: "Check: what clients say about our care. Act: what we do with it.",
    glance_heading: "At a glance",
    response: "Response",
    respondents: "clients",
    about: "about",
    overall_grade: "Overall grade",
    nps: "Net Promoter Score (NPS)",
    sources: "Sources",
    participation: "participation ladder",
    themes_heading: "Scores per theme",
    theme: "Theme",
    score: "Score",
    ci: "95% CI",
    region: "Region",
    band: "Against region",
    trend: "Against previous period",
    trend_note: "▲/▼: significant change (p < 0.05 and at least the minimal important difference); a number without an arrow is a difference within chance.",
    band_note: "Against region: compared with all {units} together.",
    national: "National",
    national_bands: ["higher", "≈", "lower"],
    national_note: "National: the national mean (mijnPerined), with higher, lower or ≈ (similar) only when the national count and spread are known; higher or lower is a difference beyond chance (95%).",
    n: "n",
    top_box: "% top box",
    problem: "% problem",
    status: "Status",
    suppressed_cell: "suppressed (privacy)",
    tiers_heading: "How to read the numbers",
    covers_note: "Scores over care types average the care types that may be shown. {hidden}: hidden for privacy, and therefore left out of (some) themes.",
    tiers_text: "Scores run from 0 to 10 (10 = best). With fewer than {min_n} clients nothing is shown, to protect privacy. With {min_n} to {indicative_n} clients a score is *indicative*: shown, but no conclusions are drawn from it. The 95% confidence interval (CI) shows how certain the score is.",
    later_sections: "Improvement points, strengths, follow-up of actions and the proposed decision follow in a later version of prem.",
    quality_title: "Data quality",
    quality_by_reason: "Entries per reason",
    quality_reason: "Reason",
    quality_count: "Count",
    quality_none: "No entries: every row and value was used.",
    quality_file: "File",
    quality_row: "Row",
    quality_column: "Column",
    quality_value: "Value",
    quality_expected: "Expected",
    quality_more: "and {n} more (see data-quality.csv)",
    quality_free_text: "text of {n} characters",
    alpha_low: "reliability (α) below 0.70",
    not_applicable: "n/a",
    region_title: "Region",
    date_format: "dd-mm-yyyy",
    parity_expected: "yes / no (first child?)",
    age_expected: "age in years or a band (<25, 25-29, 35+)",
    figure: "Figure",
};

impl Language {
    /// The id: `nl` or `en`.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Language::Nl => &NL,
            Language::En => &EN,
        }
    }

    /// The agenda texts (improvement points, follow-up, decision) of this language.
    pub fn agenda(self) -> &'static AgendaTexts {
        match self {
            Language::Nl => &agenda::NL,
            Language::En => &agenda::EN,
        }
    }

    /// The chart texts of this language.
    pub fn charts(self) -> &'static ChartTexts {
        match self {
            Language::Nl => &charts::NL,
            Language::En => &charts::EN,
        }
    }

    /// The texts of `prem audit`.
    pub fn audit(self) -> &'static AuditTexts {
        match self {
            Language::Nl => &audit::NL,
            Language::En => &audit::EN,
        }
    }

    /// The texts of the annual-report chapter.
    pub fn chapter(self) -> &'static ChapterTexts {
        match self {
            Language::Nl => &chapter::NL,
            Language::En => &chapter::EN,
        }
    }

    /// The texts of the comments workbook and the agenda's table of what clients write.
    pub fn comments(self) -> &'static CommentTexts {
        match self {
            Language::Nl => &comments::NL,
            Language::En => &comments::EN,
        }
    }

    /// The texts of `prem init`.
    pub fn init(self) -> &'static InitTexts {
        match self {
            Language::Nl => &init::NL,
            Language::En => &init::EN,
        }
    }

    /// The unit noun, singular and plural: `unit`/`units` from `[analysis]` when given, else
    /// "VSV". Without a plural, Dutch adds "'s" after a vowel or a capital (VSV's) and "s"
    /// otherwise; English adds "s".
    pub fn unit_nouns(self, unit: Option<&str>, units: Option<&str>) -> (String, String) {
        let singular = unit.map_or("VSV", str::trim).to_string();
        let plural = match units {
            Some(p) => p.trim().to_string(),
            None => {
                let last = singular.chars().last().unwrap_or('s');
                let apostrophe = self == Language::Nl
                    && (last.is_uppercase() || "aeiouy".contains(last.to_ascii_lowercase()));
                if apostrophe {
                    format!("{singular}'s")
                } else {
                    format!("{singular}s")
                }
            }
        };
        (singular, plural)
    }

    /// "A, B en C" ("A, B and C"); the items as given.
    pub fn join_and(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.agenda().and),
        }
    }

    /// A number with `decimals` decimals in this language's format: a true minus sign
    /// (never on a shown zero), and a decimal comma in Dutch (`−7,4`).
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        let s = number::decimals(value, decimals).replace('-', "−");
        match self {
            Language::Nl => s.replace('.', ","),
            Language::En => s,
        }
    }
}

impl Language {
    /// A message's text (placeholders unfilled).
    pub fn msg(self, m: Msg) -> &'static str {
        m.text(self)
    }

    /// A message with its `{name}` placeholders filled.
    pub fn say(self, m: Msg, pairs: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut s = m.text(self).to_string();
        for (k, v) in pairs {
            s = s.replace(&format!("{{{k}}}"), &v.to_string());
        }
        s
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_use_a_decimal_comma_and_a_real_minus() {
        assert_eq!(Language::Nl.decimal(7.44, 1), "7,4");
        assert_eq!(Language::En.decimal(7.45, 2), "7.45");
        assert_eq!(Language::Nl.decimal(-0.61, 1), "−0,6");
        assert_eq!(Language::Nl.decimal(-0.04, 1), "0,0");
        assert_eq!(Language::Nl.decimal(8.125, 1), "8,1");
        assert_eq!(Language::En.decimal(-2.5, 1), "−2.5");
    }

    #[test]
    fn unit_nouns_default_to_vsv_and_take_a_plural() {
        assert_eq!(
            Language::Nl.unit_nouns(None, None),
            ("VSV".into(), "VSV's".into())
        );
        assert_eq!(
            Language::En.unit_nouns(None, None),
            ("VSV".into(), "VSVs".into())
        );
        assert_eq!(
            Language::En.unit_nouns(Some("Trust"), None),
            ("Trust".into(), "Trusts".into())
        );
        assert_eq!(
            Language::Nl.unit_nouns(Some("praktijk"), Some("praktijken")),
            ("praktijk".into(), "praktijken".into())
        );
        assert_eq!(
            Language::Nl.join_and(&["A".into(), "B".into(), "C".into()]),
            "A, B en C"
        );
        assert_eq!(Language::En.join_and(&["A".into(), "B".into()]), "A and B");
    }
}
