//! Is an open answer a compliment or a complaint? A small Dutch and English lexicon rule.
//!
//! Some exports keep every comment in one column ("Opmerkingen", the NHS FFT's "FFT
//! answer"), so nothing says whether a text praises or complains. [`polarity`] counts
//! positive and negative words and phrases per clause, flipping a word after a negation
//! ("niet goed", "didn't listen", "geen wachttijd"), and answers [`Polarity::Mixed`] when
//! both kinds occur and [`Polarity::Unclear`] when neither does. Only a clear answer may be
//! quoted: a compliment under a strength, a complaint or suggestion under an improvement
//! point. The rule is deliberately timid; a text it cannot place is not quoted, which costs
//! a quote, never a wrong one. Not handled: irony, negation after the word ("fijn was het
//! niet"), words outside the lists.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// What an open answer says about the care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// Praise only.
    Positive,
    /// Complaint or suggestion only.
    Negative,
    /// Both praise and complaint.
    Mixed,
    /// Neither ("Nee", "n.v.t.", "Did not answer").
    Unclear,
}

/// Words that praise (Dutch and English, accents folded, lower case).
const POSITIVE: &[&str] = &[
    // Dutch
    "goed",
    "goede",
    "fijn",
    "fijne",
    "fijner",
    "prettig",
    "prettige",
    "prettiger",
    "top",
    "toppie",
    "topper",
    "toppers",
    "super",
    "tevreden",
    "geweldig",
    "geweldige",
    "fantastisch",
    "fantastische",
    "uitstekend",
    "uitstekende",
    "perfect",
    "perfecte",
    "lief",
    "lieve",
    "vriendelijk",
    "vriendelijke",
    "duidelijk",
    "duidelijke",
    "heerlijk",
    "heerlijke",
    "mooi",
    "mooie",
    "bedankt",
    "dank",
    "dankbaar",
    "dankjewel",
    "dankuwel",
    "blij",
    "professioneel",
    "professionele",
    "behulpzaam",
    "behulpzame",
    "zorgzaam",
    "zorgzame",
    "attent",
    "attente",
    "prima",
    "beste",
    "betrokken",
    "meelevend",
    "meelevende",
    "rustig",
    "rustige",
    "kundig",
    "kundige",
    "deskundig",
    "deskundige",
    "geholpen",
    "gehoord",
    "geluisterd",
    "serieus",
    "begripvol",
    "begripvolle",
    "aandachtig",
    "warm",
    "warme",
    "bereikbaar",
    "aanrader",
    "aanraden",
    "aanbevelen",
    "compliment",
    "complimenten",
    "veilig",
    "vertrouwd",
    "snel",
    "snelle",
    "overzichtelijk",
    "overzichtelijke",
    // English
    "good",
    "great",
    "excellent",
    "lovely",
    "kind",
    "kindness",
    "helpful",
    "friendly",
    "caring",
    "brilliant",
    "fantastic",
    "amazing",
    "wonderful",
    "professional",
    "polite",
    "reassuring",
    "thank",
    "thanks",
    "thankful",
    "grateful",
    "happy",
    "pleased",
    "satisfied",
    "perfect",
    "efficient",
    "nice",
    "quick",
    "quickly",
    "prompt",
    "promptly",
    "listened",
    "supportive",
    "respectful",
    "clean",
    "fab",
    "fabulous",
    "superb",
    "outstanding",
    "best",
    "informative",
    "clear",
    "easy",
    "smooth",
    "punctual",
    "courteous",
    "compassionate",
    "attentive",
    "recommend",
    "safe",
    "calm",
    "knowledgeable",
    "understanding",
    "marvellous",
    "marvelous",
    "exceptional",
    "impressed",
    "pleasant",
    "welcoming",
    "charming",
    "helped",
];

/// Words that complain (Dutch and English, accents folded, lower case).
const NEGATIVE: &[&str] = &[
    // Dutch
    "slecht",
    "slechte",
    "slechter",
    "jammer",
    "helaas",
    "teleurgesteld",
    "teleurstellend",
    "teleurstellende",
    "onvriendelijk",
    "onvriendelijke",
    "onduidelijk",
    "onduidelijke",
    "vervelend",
    "vervelende",
    "rommelig",
    "rommelige",
    "chaotisch",
    "chaotische",
    "traag",
    "trage",
    "onbeleefd",
    "onbeleefde",
    "ontevreden",
    "boos",
    "frustrerend",
    "frustrerende",
    "klacht",
    "klachten",
    "gemist",
    "miste",
    "wachten",
    "gewacht",
    "wachttijd",
    "wachttijden",
    "wachtlijst",
    "niemand",
    "onvoldoende",
    "moeizaam",
    "moeizame",
    "ongeduldig",
    "bot",
    "botte",
    "kortaf",
    "afstandelijk",
    "afstandelijke",
    "onprettig",
    "onprettige",
    "verschrikkelijk",
    "verschrikkelijke",
    "vreselijk",
    "vreselijke",
    "waardeloos",
    "waardeloze",
    "onprofessioneel",
    "onprofessionele",
    "fout",
    "fouten",
    "verkeerd",
    "verkeerde",
    "probleem",
    "problemen",
    "lastig",
    "lastige",
    "moeilijk",
    "moeilijke",
    "onbereikbaar",
    "ongevoelig",
    "respectloos",
    "onbegrip",
    "verbeteren",
    "verbeterd",
    "verbeterpunt",
    "verbeterpunten",
    "meer",
    "onoverzichtelijk",
    "onoverzichtelijke",
    // English
    "bad",
    "poor",
    "poorly",
    "awful",
    "terrible",
    "horrible",
    "dreadful",
    "appalling",
    "rude",
    "late",
    "delay",
    "delays",
    "delayed",
    "wait",
    "waited",
    "waiting",
    "slow",
    "dirty",
    "unhelpful",
    "unprofessional",
    "disappointed",
    "disappointing",
    "frustrated",
    "frustrating",
    "upset",
    "unhappy",
    "worst",
    "worse",
    "ignored",
    "dismissive",
    "lacking",
    "failed",
    "fail",
    "failure",
    "cancelled",
    "canceled",
    "lost",
    "nobody",
    "shame",
    "unacceptable",
    "inadequate",
    "struggling",
    "difficult",
    "confusing",
    "confused",
    "abandoned",
    "complaint",
    "complain",
    "wrong",
    "mistake",
    "mistakes",
    "problem",
    "problems",
    "improve",
    "improvement",
    "improvements",
    "uncaring",
    "unfriendly",
    "unclear",
    "rushed",
    "incompetent",
    "useless",
    "waste",
    "disgusting",
    "disgraceful",
    "annoying",
    "annoyed",
    "angry",
    "stressful",
    "should",
    "more",
    "wish",
];

/// Words that only tell something when negated: "geen tijd", "no support". ("Answer" is
/// not one: the FFT writes "Did not answer" for an empty comment.)
const NEEDED: &[&str] = &[
    "tijd",
    "aandacht",
    "uitleg",
    "hulp",
    "steun",
    "contact",
    "informatie",
    "begrip",
    "ruimte",
    "time",
    "attention",
    "explanation",
    "help",
    "support",
    "contact",
    "information",
    "communication",
    "care",
    "listen",
    "luisteren",
];

/// Words that flip the next sentiment word within [`NEGATION_REACH`] words.
const NEGATORS: &[&str] = &[
    "niet", "geen", "nooit", "weinig", "zonder", "not", "no", "never", "without", "hardly",
    "barely", "lack", "cannot", "dont", "didnt", "doesnt", "wasnt", "werent", "isnt", "arent",
    "cant", "couldnt", "wouldnt", "wont", "havent", "hasnt", "hadnt", "shouldnt",
];

/// How many words after a negation it still counts ("niet zo heel erg goed").
const NEGATION_REACH: usize = 4;

/// Negations that are often an answer on their own ("No - service was very good", "Nee,
/// alles goed"): they reach only this far.
const SHORT_NEGATORS: &[&str] = &["no", "nee", "geen"];
const SHORT_REACH: usize = 2;

/// "Nothing could have been better", "niets te verbeteren": these turn every complaint or
/// wish after them in the clause into praise, but no praise into a complaint ("Nothing,
/// excellent service" answers "what could be better?").
const NOTHING: &[&str] = &["nothing", "anything", "niets", "niks"];

/// Words after "te"/"too" that make a complaint: "te lang", "too late".
const TOO_WHAT: &[&str] = &[
    "lang",
    "laat",
    "druk",
    "weinig",
    "veel",
    "vroeg",
    "kort",
    "snel",
    "koud",
    "warm",
    "vol",
    "klein",
    "duur",
    "ver",
    "long",
    "late",
    "slow",
    "busy",
    "much",
    "little",
    "short",
    "early",
    "cold",
    "hot",
    "far",
    "expensive",
    "rushed",
    "many",
    "few",
];

/// Phrases read before single words, with their polarity (true = positive). A phrase
/// wins over the words in it: "zou fijn zijn" is a wish, not praise; "kon niet beter" is
/// praise.
const PHRASES: &[(&str, bool)] = &[
    ("kon niet beter", true),
    ("kan niet beter", true),
    ("could not be better", true),
    ("couldnt be better", true),
    ("niets op aan te merken", true),
    ("nothing to complain", true),
    ("nam de tijd", true),
    ("namen de tijd", true),
    ("tijd genomen", true),
    ("took the time", true),
    ("took time", true),
    ("cannot thank", true),
    ("cant thank", true),
    ("can't thank", true),
    ("couldn't thank", true),
    ("could not thank", true),
    ("cannot fault", true),
    ("cant fault", true),
    ("can't fault", true),
    ("couldn't fault", true),
    ("could not fault", true),
    ("meer dan", true),
    ("more than", true),
    ("pas laat", false),
    ("kan beter", false),
    ("kon beter", false),
    ("mag beter", false),
    ("moet beter", false),
    ("moeten beter", false),
    ("had beter", false),
    ("zou fijn", false),
    ("zou fijner", false),
    ("zou prettig", false),
    ("zou prettiger", false),
    ("zou goed", false),
    ("zou beter", false),
    ("zou handig", false),
    ("was fijn geweest", false),
    ("was prettig geweest", false),
    ("was beter geweest", false),
    ("was goed geweest", false),
    ("had gekund", false),
    ("had moeten", false),
    ("hadden moeten", false),
    ("could be better", false),
    ("could have been better", false),
    ("could be improved", false),
    ("could have", false),
    ("would be nice", false),
    ("would be good", false),
    ("would be better", false),
    ("would be helpful", false),
    ("would have been nice", false),
    ("would have been good", false),
    ("would have been better", false),
    ("would have been helpful", false),
    ("need to", false),
    ("needs to", false),
];

/// The polarity of `text`: see the module documentation.
pub fn polarity(text: &str) -> Polarity {
    let lexicon = &*LEXICON;
    let (mut positive, mut negative) = (0usize, 0usize);
    for words in clauses(text).iter() {
        let mut negated = 0usize;
        let mut nothing = false;
        let mut i = 0;
        while i < words.len() {
            let flip = negated > 0;
            let mut hit: Option<(bool, usize)> = lexicon.phrase_at(&words, i);
            if hit.is_none() {
                let w = words[i];
                if (w == "te" || w == "too")
                    && words
                        .get(i + 1)
                        .is_some_and(|n| lexicon.too_what.contains(n))
                {
                    hit = Some((false, 2));
                } else {
                    match lexicon.class(w) {
                        Some(Class::ShortNegator) => negated = SHORT_REACH + 1,
                        Some(Class::Negator) => negated = NEGATION_REACH + 1,
                        Some(Class::Nothing) => nothing = true,
                        Some(Class::Positive) => hit = Some((true, 1)),
                        Some(Class::Negative) => hit = Some((false, 1)),
                        None if flip && lexicon.needed.contains(w) => hit = Some((true, 1)),
                        None => {}
                    }
                }
            }
            match hit {
                Some((good, len)) => {
                    if good != flip || nothing {
                        positive += 1;
                    } else {
                        negative += 1;
                    }
                    negated = 0;
                    i += len;
                }
                None => {
                    negated = negated.saturating_sub(1);
                    i += 1;
                }
            }
        }
    }
    match (positive > 0, negative > 0) {
        (true, true) => Polarity::Mixed,
        (true, false) => Polarity::Positive,
        (false, true) => Polarity::Negative,
        (false, false) => Polarity::Unclear,
    }
}

/// What a single word is to the rule. A word in several lists is what the first of
/// [`SHORT_NEGATORS`], [`NEGATORS`], [`NOTHING`], [`POSITIVE`], [`NEGATIVE`] makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    ShortNegator,
    Negator,
    Nothing,
    Positive,
    Negative,
}

/// The lists as hash lookups, built once: a comment is read word by word, and every
/// comment of a national export passes here (a linear scan of the lists per word was a
/// quarter of a national run).
struct PolarityLexicon {
    words: FxHashMap<&'static str, Class>,
    needed: FxHashSet<&'static str>,
    too_what: FxHashSet<&'static str>,
    /// [`PHRASES`] split into words, by first word, in list order.
    phrases: FxHashMap<&'static str, Vec<(Vec<&'static str>, bool)>>,
}

static LEXICON: LazyLock<PolarityLexicon> = LazyLock::new(|| {
    let mut words: FxHashMap<&'static str, Class> = FxHashMap::default();
    let lists = [
        (SHORT_NEGATORS, Class::ShortNegator),
        (NEGATORS, Class::Negator),
        (NOTHING, Class::Nothing),
        (POSITIVE, Class::Positive),
        (NEGATIVE, Class::Negative),
    ];
    for (list, class) in lists {
        for w in list {
            words.entry(w).or_insert(class);
        }
    }
    let mut phrases: FxHashMap<&'static str, Vec<(Vec<&'static str>, bool)>> = FxHashMap::default();
    for (phrase, good) in PHRASES {
        let parts: Vec<&'static str> = phrase.split(' ').collect();
        if let Some(first) = parts.first() {
            phrases.entry(first).or_default().push((parts, *good));
        }
    }
    PolarityLexicon {
        words,
        needed: NEEDED.iter().copied().collect(),
        too_what: TOO_WHAT.iter().copied().collect(),
        phrases,
    }
});

impl PolarityLexicon {
    /// The class of `w`; a word ending in "n't" is a negator unless it is a short one.
    fn class(&self, w: &str) -> Option<Class> {
        match self.words.get(w).copied() {
            Some(Class::ShortNegator) => Some(Class::ShortNegator),
            _ if w.len() > 3 && w.ends_with("n't") => Some(Class::Negator),
            other => other,
        }
    }

    /// The first phrase of [`PHRASES`] that starts at word `i`, with its polarity and length.
    fn phrase_at(&self, words: &[&str], i: usize) -> Option<(bool, usize)> {
        let candidates = self.phrases.get(words.get(i)?)?;
        candidates.iter().find_map(|(parts, good)| {
            let fits = words.len() >= i + parts.len()
                && parts.iter().zip(&words[i..]).all(|(p, w)| p == w);
            fits.then_some((*good, parts.len()))
        })
    }
}

/// The text as clauses of words: lower case, accents removed, split at punctuation (a
/// negation does not reach past a comma or a full stop). Apostrophes stay inside words
/// ("didn't"), any other non-letter splits.
pub(crate) fn clauses(text: &str) -> Clauses {
    let mut c = Clauses {
        buf: String::with_capacity(text.len()),
        words: Vec::new(),
        ends: Vec::new(),
    };
    // The current word is buf[start..]; a word is trimmed of apostrophes when it ends.
    let mut start = 0;
    let flush_word = |c: &mut Clauses, start: &mut usize| {
        let word = &c.buf[*start..];
        let trimmed = word.trim_matches('\'');
        if !trimmed.is_empty() {
            let from = *start + (word.len() - word.trim_start_matches('\'').len());
            c.words.push((from, from + trimmed.len()));
        }
        *start = c.buf.len();
    };
    let mut after_space = true;
    for ch in text.chars() {
        // A dash between spaces ends a clause ("No - service was very good"); inside a
        // word it only splits it ("self-harm").
        let dash_alone = ch == '-' && after_space;
        after_space = ch.is_whitespace();
        let ch = if matches!(ch, '’' | '‘' | '`' | '´') {
            '\''
        } else {
            ch
        };
        if ch.is_ascii_alphanumeric() || ch == '\'' {
            // Most text is ASCII: no case mapping or decomposition to look up.
            c.buf.push(ch.to_ascii_lowercase());
            continue;
        }
        if ch.is_alphanumeric() {
            for lc in ch.to_lowercase() {
                for d in std::iter::once(lc).nfd() {
                    if !is_combining_mark(d) {
                        c.buf.push(d);
                    }
                }
            }
            continue;
        }
        flush_word(&mut c, &mut start);
        let clause_open = c.words.len() > c.ends.last().copied().unwrap_or(0);
        if (dash_alone
            || matches!(
                ch,
                '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '\n' | '\r' | '"' | '–' | '—'
            ))
            && clause_open
        {
            c.ends.push(c.words.len());
        }
    }
    flush_word(&mut c, &mut start);
    if c.words.len() > c.ends.last().copied().unwrap_or(0) {
        c.ends.push(c.words.len());
    }
    c
}

/// A text's clauses: its folded words in one buffer, and where each clause ends. One
/// allocation per text instead of one per word: every open answer of an export is read
/// twice (safeguarding and polarity).
pub(crate) struct Clauses {
    buf: String,
    /// Each word's byte range in `buf`.
    words: Vec<(usize, usize)>,
    /// Per clause: the index of its last word + 1.
    ends: Vec<usize>,
}

impl Clauses {
    /// The clauses, each as its words.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Vec<&str>> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(from, &to)| {
            self.words[from..to]
                .iter()
                .map(|&(a, b)| &self.buf[a..b])
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Polarity::*;

    fn check(cases: &[(&str, Polarity)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(t, p)| polarity(t) != *p)
            .map(|(t, p)| format!("{t:?}: expected {p:?}, got {:?}", polarity(t)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn dutch_compliments_complaints_and_negation() {
        check(&[
            // The compliment the tester found quoted under an improvement point.
            ("Het chatten met de praktijk werkte goed.", Positive),
            (
                "De verloskundige was heel lief en nam de tijd voor ons.",
                Positive,
            ),
            ("Super fijne kraamverzorgster, echt top!", Positive),
            ("Ik werd niet serieus genomen.", Negative),
            ("De uitleg was niet goed", Negative),
            ("Niet zo heel erg duidelijk wat er ging gebeuren", Negative),
            ("Er was geen tijd voor mijn vragen", Negative),
            ("Geen wachttijd, dat was fijn", Positive),
            ("Veel te lang moeten wachten op de echo.", Negative),
            ("De wachttijd bij de echo was te lang", Negative),
            (
                "Het zou fijn zijn als je vaker dezelfde verloskundige ziet",
                Negative,
            ),
            ("Bereikbaarheid 's nachts kan beter", Negative),
            ("Het kon niet beter!", Positive),
            // The local enquête's Opmerkingen in data-samples.
            (
                "De kraamverzorgende was heel lief en hielp goed met de borstvoeding.",
                Positive,
            ),
            (
                "Er was weinig aandacht voor mijn herstel; alles draaide om de baby.",
                Negative,
            ),
            (
                "Ik kreeg pas laat antwoord via de app van de praktijk.",
                Negative,
            ),
            (
                "De website is onoverzichtelijk; ik kon de spoedlijn niet vinden.",
                Negative,
            ),
            (
                "Ik miste uitleg over pijnbestrijding tijdens de controles.",
                Negative,
            ),
            ("Prima zorg, dank jullie wel!", Positive),
            // mixed: not quoted at all
            ("De zorg was goed, maar de wachttijd was te lang", Mixed),
            ("Lieve mensen, helaas slecht bereikbaar", Mixed),
            // nothing to go on
            ("Nee", Unclear),
            ("n.v.t.", Unclear),
            ("Geen opmerkingen", Unclear),
            ("", Unclear),
        ]);
    }

    #[test]
    fn english_phrases_from_the_fft_export() {
        check(&[
            ("Because the service was very good.", Positive),
            ("Nothing excellent service ", Positive),
            ("Excellent service. Lovely driver.", Positive),
            ("Nothing. ", Unclear),
            ("Did not answer", Unclear),
            ("Waited over one hour for call to be answered", Negative),
            (
                "You could have asked the history of my pains and given the matter more thought.",
                Negative,
            ),
            (
                "Literally everything. Basic listening, empathy of any kind, doing what you say you will, not being rude and dismissive.",
                Mixed,
            ),
            ("The ambulance took too long to come which was extremely stressful. ", Negative),
            ("Staff didn't listen to me", Negative),
            ("There was no support after discharge", Negative),
            ("No problems at all", Positive),
            (
                "Minutes not so good as we thought my dad was having a heart attack but both lots of paramedics were brilliant.",
                Mixed,
            ),
            ("It would be nice to see the same nurse", Negative),
            // "Nothing" and a short "No" answer the question; they do not turn praise.
            ("Nothing could have been better.", Positive),
            ("There was nothing that could have been better ", Positive),
            ("Nothing could be improved.", Positive),
            ("No - service was very good.", Positive),
            ("No - excellent service.", Positive),
            ("Everything. I cannot thank you enough.", Positive),
            ("Could not fault them", Positive),
            ("self-harm", Unclear),
        ]);
    }

    #[test]
    fn clauses_fold_accents_and_keep_apostrophes() {
        let c = clauses("Één idee: didn’t WORK, ‘s nachts");
        assert_eq!(
            c.iter().collect::<Vec<_>>(),
            [
                vec!["een", "idee"],
                vec!["didn't", "work"],
                vec!["s", "nachts"]
            ]
        );
        // Apostrophes around a word go, a clause of no words is none.
        let c = clauses("'quoted' - ; ,, ok");
        assert_eq!(c.iter().collect::<Vec<_>>(), [vec!["quoted"], vec!["ok"]]);
    }
}
