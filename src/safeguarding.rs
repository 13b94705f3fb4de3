//! Safeguarding: open answers that may need follow-up by a person, never a quote.
//!
//! A client may write that she wants to end her life, hurts herself, is hit at home or
//! fears for her child. Such a text must never reach an agenda, a table or a chart; the
//! quality officer must know it exists, privately, to act on it. [`signal`] looks for
//! Dutch and English words and phrases of self-harm, suicide, violence, abuse and a child
//! at risk, matched on whole words after folding case and accents (a `*` in the lists
//! allows a longer word: "zelfmoord*" matches "zelfmoordgedachten", "*geweld" matches
//! "partnergeweld" but not "geweldig"); [`flagged`] reads a safeguarding column of the
//! export (`[open] safeguarding` in the codebook). Ingest drops the open texts of such a
//! row before anything else sees them and records a [`Signal`]: where the text is, and
//! the kind, never the text.
//!
//! The lists err on the side of a look by a person (a false signal costs one quote and a
//! minute of the officer's time) but leave out idioms that are common in birth stories and
//! complaints: "ik ging dood van de pijn", "life threatening", "heart attack", "alarm
//! geslagen", "overslaan", "geweldig". No list finds everything: the officer reads every
//! quote before the meeting all the same.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::period::Period;
use crate::polarity::clauses;

/// The kind of a safeguarding signal; its id (`self_harm`, …) is the `category` column of
/// `.signalen.csv`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, IntoStaticStr, EnumString, EnumIter,
)]
#[strum(serialize_all = "snake_case")]
pub enum Category {
    /// Suicide or wanting to die.
    Suicide,
    /// Self-harm.
    SelfHarm,
    /// A child at risk.
    ChildAtRisk,
    /// Abuse or neglect.
    Abuse,
    /// Violence or threats.
    Violence,
    /// The export's own safeguarding column is set.
    Flagged,
}

impl Category {
    /// The id: `suicide`, `self_harm`, `child_at_risk`, `abuse`, `violence`, `flagged`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// One text (or flagged row) that needs follow-up: where it is, not what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    /// Source name from prem.toml.
    pub source: String,
    /// The export file, as shown in data-quality.csv.
    pub file: String,
    /// 1-based row in the file, as in data-quality.csv.
    pub row: usize,
    /// The column the text or the flag is in.
    pub column: String,
    /// The row's period, when its date could be read.
    pub period: Option<Period>,
    /// What kind of signal.
    pub category: Category,
}

/// Words and phrases per category. When a text has several kinds, the first in
/// [`Category`]'s order names it.
const PATTERNS: &[(Category, &[&str])] = &[
    (
        Category::ChildAtRisk,
        &[
            "*kindermishandel*",
            "jeugdzorg*",
            "uithuisplaatsing*",
            "uit huis geplaatst",
            "*kinderbescherming*",
            "bij veilig thuis",
            "naar veilig thuis",
            "veilig thuis ingeschakeld",
            "veilig thuis gebeld",
            "child abuse",
            "child protection",
            "child neglect",
            "child at risk",
        ],
    ),
    (
        Category::Suicide,
        &[
            "*zelfmoord*",
            "suicid*",
            "zelfdoding",
            "levensmoe*",
            "eind aan mijn leven",
            "einde aan mijn leven",
            "eind aan m'n leven",
            "einde aan m'n leven",
            "dood willen",
            "dood wilde",
            "dood wil",
            "wil dood",
            "wilde dood",
            "wou dood",
            "wil ik dood",
            "wilde ik dood",
            "wou ik dood",
            "niet meer willen leven",
            "niet meer wil leven",
            "niet meer wilde leven",
            "kill myself",
            "killing myself",
            "end my life",
            "ending my life",
            "end it all",
            "take my own life",
            "take my life",
            "want to die",
            "wanted to die",
            "wanting to die",
            "better off dead",
            "don't want to live",
            "dont want to live",
            "not want to live",
        ],
    ),
    (
        Category::SelfHarm,
        &[
            "zelfbeschadig*",
            "zelfverwond*",
            "automutil*",
            "mezelf snijden",
            "mijzelf snijden",
            "mezelf gesneden",
            "mijzelf gesneden",
            "mezelf pijn doen",
            "mijzelf pijn doen",
            "mezelf iets aandoen",
            "mijzelf iets aandoen",
            "mezelf wat aandoen",
            "mijzelf wat aandoen",
            "mezelf iets aan te doen",
            "mijzelf iets aan te doen",
            "overdosis",
            "overdos*",
            "self harm*",
            "self harmed",
            "selfharm*",
            "cut myself",
            "cutting myself",
            "hurt myself",
            "hurting myself",
            "harm myself",
            "harming myself",
        ],
    ),
    (
        Category::Abuse,
        &[
            "misbruik*",
            "*misbruik",
            "verkracht*",
            "aangerand",
            "aanranding",
            "ongewenst aangeraakt",
            "ongewenste intimiteit*",
            "verwaarloosd",
            "verwaarlozing",
            "abuse",
            "abused",
            "abusive",
            "abusing",
            "rape",
            "raped",
            "molest*",
            "neglect",
            "neglected",
            "sexual assault",
            "sexually assaulted",
        ],
    ),
    (
        Category::Violence,
        &[
            "*geweld",
            "gewelddadig*",
            "geslagen",
            "sloeg me",
            "sloeg mij",
            "slaat me",
            "slaat mij",
            "schopte me",
            "schopte mij",
            "schopt me",
            "bedreigd",
            "bedreigde",
            "bedreiging*",
            "mishandel*",
            "gewurgd",
            "niet veilig thuis",
            "violence",
            "violent",
            "assault",
            "assaulted",
            "beaten",
            "beat me",
            "punched",
            "kicked me",
            "strangled",
            "choked me",
            "threatened me",
            "not safe at home",
        ],
    ),
];

/// Phrases that look like a signal and are not: read first, their words are skipped.
const NOT_SIGNALS: &[&str] = &[
    "alarm geslagen",
    "alarm slaan",
    "op hol geslagen",
    "slag geslagen",
];

/// A pattern split into its words.
type Words = Vec<&'static str>;

/// Patterns by their first word, so that a text word is held against the few patterns
/// that can start there rather than all of them (every open answer of a national export
/// passes here). Patterns keep their place in their list: `exact` holds those whose first
/// word has no `*`, under that word, `wild` the others.
struct Index<T> {
    patterns: Vec<(Words, T)>,
    exact: FxHashMap<&'static str, Vec<usize>>,
    wild: Vec<usize>,
}

impl<T: Copy> Index<T> {
    fn new(list: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut index = Index {
            patterns: Vec::new(),
            exact: FxHashMap::default(),
            wild: Vec::new(),
        };
        for (pattern, tag) in list {
            let words: Words = pattern.split(' ').collect();
            let at = index.patterns.len();
            match words.first() {
                Some(first) if !first.contains('*') => {
                    index.exact.entry(first).or_default().push(at)
                }
                _ => index.wild.push(at),
            }
            index.patterns.push((words, tag));
        }
        index
    }

    /// The patterns that can start at word `i` (by index), in no particular order.
    fn candidates<'s>(&'s self, words: &[&str], i: usize) -> impl Iterator<Item = usize> + 's {
        let exact: &'s [usize] = match words.get(i) {
            Some(&w) => self.exact.get(w).map_or(&[], Vec::as_slice),
            None => &[],
        };
        exact.iter().chain(&self.wild).copied()
    }

    /// The patterns that match `words` from `i` on, in no particular order.
    fn matches<'s>(&'s self, words: &'s [&str], i: usize) -> impl Iterator<Item = &'s (Words, T)> {
        self.candidates(words, i)
            .filter(move |&p| matches_at(words, i, &self.patterns[p].0))
            .map(|p| &self.patterns[p])
    }

    /// The first pattern in list order that matches `words` from `i` on.
    fn first_match(&self, words: &[&str], i: usize) -> Option<&(Words, T)> {
        self.candidates(words, i)
            .filter(|&p| matches_at(words, i, &self.patterns[p].0))
            .min()
            .map(|p| &self.patterns[p])
    }
}

/// [`PATTERNS`], indexed once.
static PATTERN_INDEX: LazyLock<Index<Category>> = LazyLock::new(|| {
    Index::new(
        PATTERNS
            .iter()
            .flat_map(|(c, ps)| ps.iter().map(move |p| (*p, *c))),
    )
});

/// [`NOT_SIGNALS`], indexed once.
static NOT_SIGNAL_INDEX: LazyLock<Index<()>> =
    LazyLock::new(|| Index::new(NOT_SIGNALS.iter().map(|p| (*p, ()))));

/// The most urgent safeguarding signal in `text` (first in [`Category`]'s order), if any.
pub fn signal(text: &str) -> Option<Category> {
    let (patterns, not_signals) = (&*PATTERN_INDEX, &*NOT_SIGNAL_INDEX);
    let mut found: Option<Category> = None;
    for words in clauses(text).iter() {
        let mut i = 0;
        while i < words.len() {
            // Not a signal ("alarm geslagen"): the first such pattern in the list is skipped.
            if let Some((p, ())) = not_signals.first_match(&words, i) {
                i += p.len();
                continue;
            }
            for (_, category) in patterns.matches(&words, i) {
                if found.is_none_or(|f| *category < f) {
                    found = Some(*category);
                }
            }
            i += 1;
        }
    }
    found
}

/// True when `value` in a safeguarding column marks the row: anything but empty, `0`,
/// `nee`/`no`/`n`, `false`/`onwaar`, `geen`/`none`, `-` or `n.v.t.`.
pub fn flagged(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    !matches!(
        v.as_str(),
        "" | "0"
            | "0.0"
            | "0,0"
            | "nee"
            | "no"
            | "n"
            | "false"
            | "onwaar"
            | "geen"
            | "none"
            | "-"
            | "n.v.t."
            | "nvt"
            | "n/a"
    )
}

/// True when the pattern's words match `words` from `i` on.
fn matches_at(words: &[&str], i: usize, pattern: &[&str]) -> bool {
    words.len() >= i + pattern.len()
        && pattern
            .iter()
            .zip(&words[i..])
            .all(|(p, w)| word_matches(p, w))
}

/// One pattern word against one text word: exact, or with `*` a longer word.
fn word_matches(pattern: &str, word: &str) -> bool {
    match (pattern.strip_prefix('*'), pattern.strip_suffix('*')) {
        (Some(rest), _) if rest.ends_with('*') => word.contains(rest.trim_end_matches('*')),
        (Some(suffix), None) => word.ends_with(suffix),
        (None, Some(prefix)) => word.starts_with(prefix),
        _ => word == pattern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    #[test]
    fn finds_dutch_and_english_signals() {
        let cases: &[(&str, Category)] = &[
            ("Ik had zelfmoordgedachten na de bevalling", Suicide),
            ("Ik wilde er een einde aan mijn leven maken", Suicide),
            ("Soms wil ik dood", Suicide),
            ("Ik heb overwogen mezelf iets aan te doen", SelfHarm),
            ("Mijn partner sloeg me waar de kinderen bij waren", Violence),
            ("Er is sprake van huiselijk geweld", Violence),
            ("partnergeweld", Violence),
            ("Ik ben seksueel misbruikt", Abuse),
            ("Er is een melding bij Veilig Thuis gedaan", ChildAtRisk),
            ("Mijn zoontje is uit huis geplaatst", ChildAtRisk),
            // From the NHS FFT export.
            (
                "I rang them and relayed information that my child, who has self harm history, wanted to die",
                Suicide,
            ),
            (
                "pain & despair I want to end my life EVERY SINGEL DAY",
                Suicide,
            ),
            ("Did cut myself cause of her.", SelfHarm),
            ("I self harmed.", SelfHarm),
            ("You have allowed my daughter to be with an abusive partner.", Abuse),
            ("Keep me safe, 2 weeks, three situations of violence towards me.", Violence),
            ("I was suicidal and got left to deal with it alone", Suicide),
            ("I suffered intense medical neglect.", Abuse),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(t, c)| signal(t) != Some(*c))
            .map(|(t, c)| format!("{t:?}: expected {c:?}, got {:?}", signal(t)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn ordinary_birth_care_words_are_no_signal() {
        for text in [
            "De pijnbestrijding was goed geregeld",
            "We mochten de nachtvoeding overslaan",
            "Ik heb een voeding overgeslagen",
            "De kraamzorg was geweldig, echt geweldige mensen",
            "Ik ging bijna dood van de pijn",
            "Ik was doodmoe na de bevalling",
            "De verloskundige heeft op tijd alarm geslagen",
            "I thought my dad was having a heart attack",
            "Faced with a life threatening situation",
            "The wait was killing me",
            "Ik voelde me veilig thuis met de kraamverzorgster",
            "Het slaapritme sloeg helemaal om",
            "Ze was verslagen na de lange bevalling",
            "Did not answer",
            "",
        ] {
            assert_eq!(signal(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_flag_column_is_set_by_anything_but_no() {
        for v in ["1", "ja", "Yes", "X", "true"] {
            assert!(flagged(v), "{v}");
        }
        for v in ["", " ", "0", "nee", "No", "FALSE", "n.v.t."] {
            assert!(!flagged(v), "{v}");
        }
    }
}
