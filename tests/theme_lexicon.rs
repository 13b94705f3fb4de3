//! The theme keywords of the built-in codebooks, proved on client sentences.
//!
//! An open answer is tied to a theme when it mentions one of the theme's keywords
//! ([`prem::quotes::mentions`], the rule the quotes of a theme are picked by). Every sentence
//! below is written as clients write them, in Dutch or English, and lists the themes it must
//! be tied to: exactly these, no more, no fewer. A keyword added or removed that changes what
//! a sentence is tied to fails here, with the keywords that tied it.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use prem::config::codebook::Codebook;
use prem::quotes::mentions;

const PREM: &str = "prem-geboortezorg";
const REPROQ: &str = "reproq";
const FFT: &str = "nhs-fft";

/// (codebook, language, client sentence, the themes it is tied to).
const TIED: &[(&str, &str, &str, &[&str])] = &[
    // --- PREM Geboortezorg, Dutch
    (
        PREM,
        "nl",
        "De verloskundige nam echt de tijd voor ons",
        &["persoonlijke_aandacht"],
    ),
    (
        PREM,
        "nl",
        "Op de afdeling was iedereen gehaast, niemand had tijd voor mij",
        &["persoonlijke_aandacht"],
    ),
    (
        PREM,
        "nl",
        "Ik voelde me een nummertje aan de lopende band",
        &["persoonlijke_aandacht"],
    ),
    (
        PREM,
        "nl",
        "Niemand legde uit waarom ik een ruggenprik niet mocht",
        &["informatievoorziening", "pijnbestrijding"],
    ),
    (
        PREM,
        "nl",
        "Er werd ons niets verteld toen de hartslag van de baby zakte",
        &["informatievoorziening"],
    ),
    (
        PREM,
        "nl",
        "De informatie over de hielprik kregen we pas achteraf",
        &["informatievoorziening", "nazorg"],
    ),
    (
        PREM,
        "nl",
        "Er werd zonder te vragen een knip gezet",
        &["samen_beslissen"],
    ),
    (
        PREM,
        "nl",
        "Samen met de gynaecoloog hebben we de keuze gemaakt om in te leiden",
        &["samen_beslissen"],
    ),
    (
        PREM,
        "nl",
        "Ze luisterde goed naar mijn wensen voor de bevalling",
        &["persoonlijke_aandacht", "samen_beslissen"],
    ),
    (
        PREM,
        "nl",
        "Ik had steeds het gevoel dat ik in goede handen was",
        &["vertrouwen"],
    ),
    (
        PREM,
        "nl",
        "Ik vertrouwde de verloskundigen volledig, ze waren zeer deskundig",
        &["vertrouwen"],
    ),
    (
        PREM,
        "nl",
        "De arts op de verloskamer was kortaf en nam me niet serieus",
        &["bejegening"],
    ),
    (
        PREM,
        "nl",
        "Alle kraamverzorgsters waren hartelijk en liefdevol",
        &["bejegening"],
    ),
    (
        PREM,
        "nl",
        "De verloskundigen waren super lief",
        &["bejegening"],
    ),
    (
        PREM,
        "nl",
        "We kregen niemand aan de telefoon 's nachts",
        &["bereikbaarheid"],
    ),
    (
        PREM,
        "nl",
        "Ik heb drie keer gebeld voordat iemand terugbelde",
        &["bereikbaarheid"],
    ),
    (
        PREM,
        "nl",
        "De praktijk was altijd goed bereikbaar via de app",
        &["bereikbaarheid"],
    ),
    (
        PREM,
        "nl",
        "Ik moest mijn verhaal steeds opnieuw vertellen",
        &["samenwerking"],
    ),
    (
        PREM,
        "nl",
        "De overdracht van de verloskundige naar het ziekenhuis ging soepel",
        &["samenwerking"],
    ),
    (
        PREM,
        "nl",
        "Ik kreeg steeds een andere kraamverzorgster",
        &["continuiteit"],
    ),
    (
        PREM,
        "nl",
        "Gelukkig zag ik bij elke controle dezelfde verloskundige",
        &["continuiteit"],
    ),
    (
        PREM,
        "nl",
        "Tijdens de bevalling was er geen bekend gezicht meer",
        &["continuiteit"],
    ),
    (
        PREM,
        "nl",
        "Fijn dat de verloskundige ons al kende van de vorige zwangerschap",
        &["continuiteit"],
    ),
    (
        PREM,
        "nl",
        "Ik was heel bang maar de verloskundige stelde me gerust",
        &["emotionele_steun"],
    ),
    (
        PREM,
        "nl",
        "Na de bevalling voelde ik me somber en niemand vroeg hoe het ging",
        &["emotionele_steun", "nazorg"],
    ),
    (
        PREM,
        "nl",
        "Het was fijn dat mijn partner overal bij betrokken werd",
        &["betrokkenheid_partner"],
    ),
    (
        PREM,
        "nl",
        "Mijn vriend voelde zich buitengesloten tijdens de bevalling",
        &["betrokkenheid_partner"],
    ),
    (
        PREM,
        "nl",
        "Mijn man mocht na de keizersnede niet blijven slapen",
        &["betrokkenheid_partner", "nazorg"],
    ),
    (
        PREM,
        "nl",
        "Door de zwangerschapscursus was ik goed voorbereid",
        &["voorbereiding"],
    ),
    (
        PREM,
        "nl",
        "Ik wist niet wat ik kon verwachten van de kraamweek",
        &["informatievoorziening", "voorbereiding", "nazorg"],
    ),
    (
        PREM,
        "nl",
        "Het lachgas hielp niet en de remifentanil kwam te laat",
        &["pijnbestrijding"],
    ),
    (
        PREM,
        "nl",
        "De kraamverzorgster hielp goed met het aanleggen en de borstvoeding",
        &["nazorg"],
    ),
    (
        PREM,
        "nl",
        "Ze spraken elkaar tegen over de voeding van de baby",
        &["samenwerking", "nazorg"],
    ),
    // --- PREM Geboortezorg, English
    (
        PREM,
        "en",
        "My husband felt left out",
        &["betrokkenheid_partner"],
    ),
    (
        PREM,
        "en",
        "My partner was allowed to stay overnight, which meant a lot to us",
        &["betrokkenheid_partner"],
    ),
    (
        PREM,
        "en",
        "The midwife explained everything clearly",
        &["informatievoorziening"],
    ),
    (
        PREM,
        "en",
        "Nobody told us what was happening when the baby's heart rate dropped",
        &["informatievoorziening"],
    ),
    (
        PREM,
        "en",
        "She took the time to answer all our questions",
        &["persoonlijke_aandacht", "informatievoorziening"],
    ),
    (
        PREM,
        "en",
        "I felt rushed and nobody listened to me",
        &["persoonlijke_aandacht"],
    ),
    (
        PREM,
        "en",
        "I was never asked for consent before the sweep",
        &["samen_beslissen"],
    ),
    (
        PREM,
        "en",
        "I felt completely safe with the team",
        &["vertrouwen"],
    ),
    (
        PREM,
        "en",
        "The staff on the ward were rude and dismissive",
        &["bejegening"],
    ),
    (
        PREM,
        "en",
        "We couldn't get through on the phone at night",
        &["bereikbaarheid"],
    ),
    (
        PREM,
        "en",
        "Nobody came when I pressed the buzzer",
        &["bereikbaarheid"],
    ),
    (
        PREM,
        "en",
        "The doctors and the midwives told us different things",
        &["informatievoorziening", "samenwerking"],
    ),
    (
        PREM,
        "en",
        "The hospital did not have my notes from the community midwife",
        &["samenwerking"],
    ),
    (
        PREM,
        "en",
        "I saw a different midwife at every appointment",
        &["continuiteit"],
    ),
    (
        PREM,
        "en",
        "I was very anxious but the midwife reassured me",
        &["emotionele_steun"],
    ),
    (
        PREM,
        "en",
        "The antenatal classes prepared us well for the birth",
        &["voorbereiding"],
    ),
    (
        PREM,
        "en",
        "The epidural was amazing, gas and air did nothing for me",
        &["pijnbestrijding"],
    ),
    (
        PREM,
        "en",
        "Breastfeeding support on the postnatal ward was brilliant",
        &["nazorg"],
    ),
    (
        PREM,
        "en",
        "We chose to go home six hours after the birth",
        &["samen_beslissen", "nazorg"],
    ),
    // --- ReproQ, Dutch
    (
        REPROQ,
        "nl",
        "Ik werd netjes met respect behandeld, ook bij het inwendig onderzoek",
        &["waardigheid"],
    ),
    (
        REPROQ,
        "nl",
        "Ik mocht zelf kiezen hoe ik wilde bevallen",
        &["autonomie"],
    ),
    (
        REPROQ,
        "nl",
        "Op de zaal kon iedereen meeluisteren met het gesprek",
        &["vertrouwelijkheid"],
    ),
    (
        REPROQ,
        "nl",
        "De gynaecoloog legde alles begrijpelijk uit",
        &["communicatie"],
    ),
    (
        REPROQ,
        "nl",
        "We moesten bijna twee uur wachten op de anesthesist",
        &["tijdige_aandacht"],
    ),
    (
        REPROQ,
        "nl",
        "Mijn man mocht blijven slapen op de kamer",
        &["sociale_steun", "basisvoorzieningen"],
    ),
    (
        REPROQ,
        "nl",
        "De kamer was vies en het eten was koud",
        &["basisvoorzieningen"],
    ),
    (
        REPROQ,
        "nl",
        "De assistente aan de telefoon zei dat ik maar moest afwachten",
        &["tijdige_aandacht"],
    ),
    (
        REPROQ,
        "nl",
        "Elke keer een andere verloskundige, ik heb niemand echt leren kennen",
        &["keuze_continuiteit"],
    ),
    (
        REPROQ,
        "nl",
        "Ze waren erg vriendelijk maar ik kreeg weinig uitleg",
        &["waardigheid", "communicatie"],
    ),
    // --- ReproQ, English
    (
        REPROQ,
        "en",
        "They always asked for my consent before examining me",
        &["autonomie"],
    ),
    (
        REPROQ,
        "en",
        "Staff discussed my case in front of other patients",
        &["vertrouwelijkheid"],
    ),
    (
        REPROQ,
        "en",
        "I was left naked with the door open",
        &["waardigheid"],
    ),
    (
        REPROQ,
        "en",
        "They explained everything and answered my questions",
        &["communicatie"],
    ),
    (
        REPROQ,
        "en",
        "It took ages before anyone responded to the call bell",
        &["tijdige_aandacht"],
    ),
    (
        REPROQ,
        "en",
        "Visiting hours were too strict for my husband",
        &["sociale_steun"],
    ),
    (
        REPROQ,
        "en",
        "The room was clean and the food was good",
        &["basisvoorzieningen"],
    ),
    (
        REPROQ,
        "en",
        "I saw the same midwife throughout my pregnancy",
        &["keuze_continuiteit"],
    ),
    (
        REPROQ,
        "en",
        "We wanted a home birth but were not given the choice",
        &["autonomie", "keuze_continuiteit"],
    ),
    // --- NHS Friends and Family Test
    (
        FFT,
        "en",
        "The staff were kind and helpful throughout",
        &["experience"],
    ),
    (FFT, "en", "Waited 4 hours to be seen", &["experience"]),
    (
        FFT,
        "en",
        "Excellent care from the midwives",
        &["experience"],
    ),
];

/// (codebook, client sentence, the theme it must NOT be tied to although a keyword of it
/// begins or hides in one of its words, the themes it is tied to).
const NOT_TIED: &[(&str, &str, &str, &[&str])] = &[
    (
        PREM,
        "De kraamverzorgster was heel vriendelijk",
        "betrokkenheid_partner",
        &["bejegening"],
    ),
    (
        PREM,
        "Op een prettige manier werd alles besproken",
        "betrokkenheid_partner",
        &[],
    ),
    (
        PREM,
        "The midwife came to see us at home every day",
        "betrokkenheid_partner",
        &[],
    ),
    (
        PREM,
        "Ik zou deze praktijk zeker aanraden",
        "vertrouwen",
        &[],
    ),
    (
        PREM,
        "Mijn verzekering vergoedde de kraamzorg maar voor een deel",
        "vertrouwen",
        &[],
    ),
    (
        PREM,
        "Tijdens de bevalling ging alles voorspoedig",
        "persoonlijke_aandacht",
        &[],
    ),
    (
        PREM,
        "We zijn thuis bevallen en dat was heel bijzonder",
        "nazorg",
        &[],
    ),
    (
        PREM,
        "We werden met drie centimeter ontsluiting naar huis gestuurd",
        "nazorg",
        &[],
    ),
    (
        PREM,
        "Ze zorgen goed voor je op de kraamafdeling",
        "emotionele_steun",
        &[],
    ),
    (
        PREM,
        "De baby huilde de hele nacht",
        "emotionele_steun",
        &[],
    ),
    (
        PREM,
        "We gingen op dezelfde dag nog naar huis",
        "continuiteit",
        &[],
    ),
    (
        PREM,
        "Ik wist niet wat ons te wachten stond",
        "bereikbaarheid",
        &["informatievoorziening"],
    ),
    (
        PREM,
        "Ik had geen idee wat dat apparaat deed",
        "bereikbaarheid",
        &[],
    ),
    (
        PREM,
        "They offered a range of options",
        "bereikbaarheid",
        &["samen_beslissen"],
    ),
    (
        PREM,
        "Tenslotte wil ik iedereen bedanken",
        "pijnbestrijding",
        &[],
    ),
    (
        PREM,
        "Of course the midwives were busy",
        "voorbereiding",
        &[],
    ),
    (
        PREM,
        "It was kind of chaotic on the ward",
        "bejegening",
        &[],
    ),
    (
        PREM,
        "I had a second degree tear and the stitches hurt for weeks",
        "emotionele_steun",
        &["pijnbestrijding", "nazorg"],
    ),
    (
        REPROQ,
        "Bedankt voor alles, we komen graag terug",
        "basisvoorzieningen",
        &[],
    ),
    (
        REPROQ,
        "Op het laatst werd het een spoedkeizersnede",
        "tijdige_aandacht",
        &[],
    ),
    (
        REPROQ,
        "The team made me feel safe and supported",
        "sociale_steun",
        &[],
    ),
    (
        REPROQ,
        "De verloskundige bleef heel rustig",
        "basisvoorzieningen",
        &[],
    ),
    (
        REPROQ,
        "Mijn schoonmoeder kwam op kraamvisite",
        "basisvoorzieningen",
        &["sociale_steun"],
    ),
    (
        REPROQ,
        "The midwife had a lovely bedside manner",
        "basisvoorzieningen",
        &[],
    ),
    (REPROQ, "The team was amazing", "basisvoorzieningen", &[]),
    (
        REPROQ,
        "De bevalling ging heel snel",
        "tijdige_aandacht",
        &[],
    ),
    (
        REPROQ,
        "De zorgverleners waren allemaal top",
        "keuze_continuiteit",
        &[],
    ),
];

fn codebook(name: &str) -> Codebook {
    Codebook::resolve(name, Path::new(".")).unwrap()
}

/// The themes of `book` that `text` is tied to, and for each the keywords that tie it.
fn tied(book: &Codebook, text: &str) -> (BTreeSet<String>, Vec<String>) {
    let mut themes = BTreeSet::new();
    let mut why = Vec::new();
    for theme in &book.themes {
        if mentions(text, &theme.keywords) > 0 {
            themes.insert(theme.id.clone());
            let hits: Vec<&String> = theme
                .keywords
                .iter()
                .filter(|k| mentions(text, std::slice::from_ref(*k)) > 0)
                .collect();
            why.push(format!("{} by {hits:?}", theme.id));
        }
    }
    (themes, why)
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn client_sentences_are_tied_to_exactly_their_themes() {
    let mut failures = Vec::new();
    for (name, _, text, expected) in TIED {
        let (got, why) = tied(&codebook(name), text);
        if got != set(expected) {
            failures.push(format!(
                "{name}: {text:?}\n   expected {expected:?}\n   tied     {why:?}"
            ));
        }
    }
    assert!(TIED.len() >= 40, "{}", TIED.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn words_that_merely_begin_with_a_keyword_do_not_tie() {
    let mut failures = Vec::new();
    for (name, text, not, expected) in NOT_TIED {
        let (got, why) = tied(&codebook(name), text);
        if got.contains(*not) || got != set(expected) {
            failures.push(format!(
                "{name}: {text:?}\n   not {not}, expected {expected:?}\n   tied {why:?}"
            ));
        }
    }
    assert!(NOT_TIED.len() >= 15, "{}", NOT_TIED.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every theme is proved above: by a Dutch and an English sentence, for the English-only
/// FFT by an English one. A theme without a sentence would be a lexicon nobody checked.
#[test]
fn every_theme_is_proved_in_each_language() {
    for name in [PREM, REPROQ, FFT] {
        let languages: &[&str] = if name == FFT { &["en"] } else { &["nl", "en"] };
        for theme in &codebook(name).themes {
            for lang in languages {
                assert!(
                    TIED.iter().any(|(n, l, _, themes)| *n == name
                        && l == lang
                        && themes.contains(&theme.id.as_str())),
                    "{name}: no {lang} sentence tied to {}",
                    theme.id
                );
            }
        }
    }
}

/// The keywords of each theme in a built-in codebook, as its TOML lists them under the
/// comments `# nl` and `# en`: (Dutch, English) per theme, in theme order.
fn keywords_by_language(text: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut themes = Vec::new();
    let mut current: Option<(Vec<String>, Vec<String>)> = None;
    let mut lang = "";
    for line in text.lines() {
        let line = line.trim();
        if line == "keywords = [" {
            current = Some((Vec::new(), Vec::new()));
            lang = "";
            continue;
        }
        let Some((nl, en)) = current.as_mut() else {
            assert!(
                !line.starts_with("keywords"),
                "keywords not one per line under # nl / # en: {line}"
            );
            continue;
        };
        match line {
            "]" => themes.extend(current.take()),
            "# nl" | "# en" => lang = &line[2..],
            _ => {
                for word in line.split('"').skip(1).step_by(2) {
                    match lang {
                        "nl" => nl.push(word.to_string()),
                        "en" => en.push(word.to_string()),
                        _ => panic!("keyword {word:?} before `# nl` or `# en`"),
                    }
                }
            }
        }
    }
    themes
}

#[test]
fn every_theme_has_enough_dutch_and_english_keywords() {
    for name in [PREM, REPROQ, FFT] {
        let book = codebook(name);
        let text = Codebook::builtin_text(name).unwrap();
        let lists = keywords_by_language(text);
        assert_eq!(lists.len(), book.themes.len(), "{name}");
        for (theme, (nl, en)) in book.themes.iter().zip(&lists) {
            let listed: Vec<String> = nl.iter().chain(en).cloned().collect();
            assert_eq!(listed, theme.keywords, "{name}: {}", theme.id);
            assert!(theme.keywords.len() >= 8, "{name}: {}", theme.id);
            let mut seen = BTreeSet::new();
            for k in &theme.keywords {
                assert!(!k.trim().is_empty() && k.trim() == k, "{name}: {k:?}");
                assert!(seen.insert(k.to_lowercase()), "{name}: {k:?} twice");
            }
            if name == FFT {
                assert!(nl.is_empty() && en.len() >= 8, "{name}: {}", theme.id);
            } else {
                assert!(nl.len() >= 8, "{name}: {} has {} Dutch", theme.id, nl.len());
                assert!(
                    en.len() >= 8,
                    "{name}: {} has {} English",
                    theme.id,
                    en.len()
                );
            }
        }
    }
}
