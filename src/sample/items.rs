//! The PREM items and their planted effects, the respondents' backgrounds and the open
//! answers' texts.

use super::*;

/// A PREM item column: its theme id (none for the overall questions), the mean of the
/// latent answer and the share of `n.v.t.` per care type.
pub(super) struct PremItem {
    pub(super) theme: Option<&'static str>,
    pub(super) mean: f64,
    pub(super) nvt: [f64; 3],
}

pub(super) const NVT: [f64; 3] = [0.02, 0.025, 0.025];

/// In the order of the codebook (and of [`PREM_COLUMNS`] from column 10).
pub(super) const ITEMS: [PremItem; 15] = [
    item("persoonlijke_aandacht", 8.85, NVT),
    item("informatievoorziening", 8.65, NVT),
    item("samen_beslissen", 8.55, NVT),
    item("vertrouwen", 9.0, NVT),
    item("bejegening", 9.05, NVT),
    item("bereikbaarheid", 8.75, NVT),
    item("samenwerking", 8.5, NVT),
    item("continuiteit", 8.25, NVT),
    item("emotionele_steun", 8.7, NVT),
    item("betrokkenheid_partner", 8.8, [0.08, 0.07, 0.08]),
    item("voorbereiding", 8.4, [0.02, 0.04, 0.05]),
    item("pijnbestrijding", 8.3, [0.10, 0.04, 0.40]),
    item("nazorg", 8.7, [0.03, 0.06, 0.01]),
    PremItem {
        theme: None,
        mean: 8.85,
        nvt: [0.003; 3],
    },
    PremItem {
        theme: None,
        mean: 9.0,
        nvt: [0.005; 3],
    },
];

pub(super) const fn item(theme: &'static str, mean: f64, nvt: [f64; 3]) -> PremItem {
    PremItem {
        theme: Some(theme),
        mean,
        nvt,
    }
}

/// Number of themed PREM items (one per theme); then the grade and the recommendation.
pub(super) const THEMES: usize = 13;
pub(super) const GRADE: usize = 13;
pub(super) const RECOMMEND: usize = 14;
/// Item used for the planted out-of-range value and unknown label (1–10 scale).
pub(super) const OUT_OF_RANGE_ITEM: usize = 6;
pub(super) const UNKNOWN_LABEL_ITEM: usize = 0;

pub(super) const WORSE_ITEM: usize = theme_position(WORSE_THEME);
pub(super) const DECLINING_ITEM: usize = theme_position(DECLINING_THEME);
pub(super) const IMPROVING_ITEM: usize = theme_position(IMPROVING_THEME);

/// Index of a theme in [`ITEMS`]; evaluated at compile time, so a missing theme does not build.
pub(super) const fn theme_position(theme: &str) -> usize {
    let mut i = 0;
    while i < ITEMS.len() {
        if let Some(t) = ITEMS[i].theme {
            if str_eq(t, theme) {
                return i;
            }
        }
        i += 1;
    }
    panic!("theme not among the PREM items");
}

pub(super) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Latent shifts that yield the nominal effects after rounding and clamping to 1–10 (the
/// ceiling at 10 eats a little of every shift).
pub(super) const WORSE_SHIFT: f64 = WORSE_BY + 0.1;
pub(super) const DECLINE_SHIFT: [f64; 3] = [DECLINE[0] + 0.05, DECLINE[1] + 0.08, DECLINE[2] + 0.1];

/// Offsets per care type (verloskundigenpraktijk, ziekenhuis, kraamzorg).
pub(super) const CARE_OFFSET: [f64; 3] = [0.1, -0.2, 0.1];
/// Weight of the respondent's latent level in every answer, and of the answer's own noise.
pub(super) const LOADING: f64 = 0.9;
pub(super) const NOISE: f64 = 1.0;

pub(super) const PARITY: [&str; 3] = ["Ja", "Nee", ""];
pub(super) const EDUCATION: [&str; 4] = ["laag", "midden", "hoog", ""];
pub(super) const PLACES: [&str; 4] = [
    "thuis",
    "ziekenhuis (poliklinisch)",
    "ziekenhuis (klinisch)",
    "geboortecentrum",
];
pub(super) const UNKNOWN_LABELS: [&str; 3] = ["goed", "prima", "zeer goed"];
pub(super) const BAD_DATES: [&str; 2] = ["31-02-", "onbekend"];

/// Verbeterpunten per PREM theme (in [`ITEMS`] order).
pub(super) const IMPROVEMENTS: [&[&str]; THEMES] = [
    &[
        "Soms voelde ik me een nummer, de afspraken waren erg kort.",
        "Er was weinig tijd voor mijn vragen; alles ging gehaast.",
        "Ik had graag wat meer persoonlijke aandacht gehad tijdens de controles.",
    ],
    &[
        "De uitleg over de ruggenprik was niet duidelijk.",
        "Ik kreeg tegenstrijdige informatie van de verloskundige en het ziekenhuis.",
        "Meer uitleg over wat er na de bevalling gebeurt zou fijn zijn.",
        "Ik ben niet goed geïnformeerd over de mogelijkheden van pijnbestrijding.",
        "De folder was onduidelijk; ik moest alles zelf opzoeken.",
        "Goede zorg; alleen de uitleg over borstvoeding kon beter.",
    ],
    &[
        "Er werd over mijn hoofd heen beslist over het inleiden.",
        "Mijn geboorteplan is volgens mij niet gelezen.",
        "Cliënt wordt soms vergeten; onze ideeën werden niet meegenomen.",
    ],
    &[
        "Ik twijfelde soms of de arts-assistent wist wat ze deed.",
        "Na de complicaties voelde ik me niet veilig op de afdeling.",
    ],
    &[
        "Een van de verpleegkundigen was kortaf en onvriendelijk.",
        "De verloskundige zei \"dat komt wel goed\", maar ik voelde me niet serieus genomen.",
    ],
    &[
        "Ik moest lang wachten voordat de praktijk terugbelde.",
        "De praktijk was 's avonds slecht bereikbaar via de telefoon.",
        "Het duurde meer dan een uur voordat ik werd teruggebeld; dat gaf veel onrust.",
        "Telefoon werd niet opgenomen, alleen een bandje.",
        "Twee punten:\n1. langer wachten op terugbellen dan beloofd\n2. de spoedlijn was in gesprek",
    ],
    &[
        "De overdracht van de verloskundige naar het ziekenhuis ging stroef.",
        "Ik moest mijn verhaal steeds opnieuw vertellen, het dossier was niet gelezen.",
    ],
    &[
        "Steeds een andere verloskundige gezien.",
        "Drie verschillende kraamverzorgsters in één week, dat was onrustig.",
    ],
    &[
        "Na de bevalling had ik het zwaar en daar werd weinig naar gevraagd.",
        "Meer aandacht voor angst rond de bevalling zou helpen.",
    ],
    &[
        "Mijn partner werd nauwelijks betrokken bij de gesprekken.",
        "Mijn vriend mocht 's nachts niet blijven, dat vond ik moeilijk.",
    ],
    &[
        "Ik was niet goed voorbereid op de kraamtijd; een cursus was fijn geweest.",
        "Ik wist niet wat ik kon verwachten van de eerste dagen thuis.",
    ],
    &[
        "Ik kreeg de ruggenprik pas heel laat, terwijl ik er vroeg om vroeg.",
        "Remifentanil was 's nachts niet beschikbaar.",
    ],
    &[
        "Weinig hulp bij de borstvoeding in het ziekenhuis.",
        "De nacontrole na zes weken was erg kort.",
    ],
];

/// Complimenten per care type.
pub(super) const COMPLIMENTS: [&[&str]; 3] = [
    &[
        "Fijne verloskundigen, ik voelde me altijd welkom.",
        "Heel persoonlijke begeleiding; ze namen echt de tijd.",
        "Dankzij de verloskundige voelde ik me goed voorbereid op de bevalling.",
        "Goed dat jullie naar onze ideeën vragen.",
    ],
    &[
        "Het team op de verloskamer was geweldig.",
        "De gynaecoloog legde alles rustig uit.",
        "Goede zorg op de kraamafdeling, ook voor mijn partner.",
        "Ondanks de drukte voelde ik me veilig.",
    ],
    &[
        "Fijne kraamverzorgster, veel aandacht voor borstvoeding!",
        "Onze kraamverzorgster was een engel, ze dacht overal aan.",
        "Heel fijne kraamweek, we hebben veel geleerd.",
        "Geweldige hulp, ook met de oudste kinderen.\nDank jullie wel!",
    ],
];

pub(super) const GENERAL_COMPLIMENTS: [&str; 4] = [
    "Top!",
    "Dank jullie wel voor alle goede zorg.",
    "Alles was goed geregeld.",
    "Heel tevreden, complimenten voor het hele team.",
];

/// Planted once per file: a field that needs quoting for a newline, a `;` and a `"`.
pub(super) const QUOTED_TEXT: &str = "Twee dingen:\n1. de uitleg over de ruggenprik was summier; ik wist niet wat ik kon verwachten\n2. de folder \"Na de bevalling\" kwam pas in de kraamweek";

/// Fake personal data appended to about 2 % of the open answers (for scrubbing tests).
pub(super) const PERSONAL: [&str; 4] = [
    " Mail gerust: naam@voorbeeld.nl",
    " Bel me op 06-12345678 als u vragen heeft.",
    " Wij wonen in 1811 AB, vlak bij de praktijk.",
    " Groet, Sanne (s.jansen@voorbeeld.nl, 06-87654321)",
];
