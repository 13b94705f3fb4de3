//! Anonymised client quotes from open survey answers.
//!
//! [`scrub`] replaces personal data in free text with the placeholder
//! [`PLACEHOLDER`] (`[…]`), one per finding (adjacent findings merge into one).
//! It removes:
//!
//! * e-mail addresses, also `jan @ gmail.com`, `jan[at]gmail.com`,
//!   `jan (at) gmail dot com` and `jan @ gmail . com`; addresses without a
//!   top-level domain (`info@praktijk`, `jan @ gmail`); and `@handles`;
//! * URLs (`http://…`, `www.…`) and bare domains on common TLDs (`praktijk.nl`);
//! * phone numbers, however spaced or dashed (spaces, `-`, `–`, `—`, `−`, `.`,
//!   one digit at a time): Dutch national (`06-12345678`, `020 – 123 45 67`,
//!   `0 6 1 2 3 4 5 6 7 8`, `(0513) 123456`), `+31`/`0031` forms
//!   (`+31 (0)20-1234567`), service numbers (`0800-1234`), international
//!   `+44 …` / `0049 …` numbers, local numbers without area code (`123 45 67`,
//!   `123 4567`), and 5+ digits after a phone word (`tel. 45 67 89`, `bel me op
//!   12 34 56`);
//! * BSN-like numbers: 9 digits grouped 3-3-3, 4-2-3 or 2-2-2-3, or in any
//!   other grouping when they are the whole run of digits, and every run of
//!   7 or more digits (client numbers, BSN, phone fragments);
//! * IBANs (`NL91 ABNA 0417 1643 00`);
//! * postcodes `1234 AB` / `1234ab` / `1234-AB`; when the letters are not both
//!   upper case and form a common Dutch/English two-letter word or a unit
//!   (`2024 en`, `1000 ml`, `3500 gr`) the match is kept as ordinary text;
//! * street + house number: a word ending in a street suffix (`Dorpsstraat 12a`,
//!   `Singel 140`, `Oosterhaven 3-B`, `Achterweg 2-4`; in lower case only for the
//!   common suffixes, `dorpsstraat 12`), any capitalised street after "woon
//!   op/aan", "adres" (`aan de Vecht 12`), and English `12 Baker Street`;
//! * dates: numeric with two separators (`12-03-2025`, `12/3/25`,
//!   `2025-03-12`), a day with a Dutch or English month name or abbreviation
//!   with or without year (`3 maart`, `3e mrt. 2025`, `March 3rd, 2025`), a
//!   month name with a year (`maart 2025`); and clock times (`14:30`,
//!   `14.30 uur`). A month name on its own (`in maart`) is kept;
//! * configured names (see [`scrub`]), whole-word, case- and
//!   accent-insensitive, also possessive (`Mariekes`, `Marieke's`);
//! * capitalised words after a title, care role (also compounds such as
//!   `kraamverpleegkundige`, `doktersassistente`, `anesthesioloog`), relation
//!   or greeting (`verloskundige Anja`, `dr. J. de Vries`, `mijn man Peter`,
//!   `Bedankt Anja`), also in brackets or quotes (`Dr. (Jansen)`): only the
//!   name is replaced, the title stays;
//! * lower-case names after a form of address (`mevrouw de boer`, `meneer
//!   bakker`, `dhr. van der meer`), unless the word is ordinary text
//!   (`mevrouw zei`, `mevrouw van de receptie`, `meneer de anesthesist`).
//!
//! Ordinary numbers stay: `3 dagen`, `24 uur`, `cijfer 8`, `2025`, `100%`,
//! `Kamer 12`, `2-3 keer`, `om 14.30`, `500-1000 ml`, `onderweg 2 uur`.
//!
//! Deliberately NOT guaranteed: names in free text that are neither configured
//! nor preceded by a title or cue word (`Anja was top`), lower-case names after
//! a care role (`verloskundige anja`), place names, rare identifying details
//! ("de enige tweeling die week"), numbers written in words, dates with only
//! spaces (`12 03 2025`), digits in non-ASCII scripts. Scrubbing lowers the
//! risk; it does not remove it. That is why quotes come only from cells with
//! n ≥ min_n and why the quality officer must read every quote before the
//! meeting.

use regex::{Regex, RegexBuilder};
use std::sync::LazyLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A pattern of this file, compiled. Every pattern is a constant that the tests compile (each
/// scrubber test forces them all), so a failure is a bug in prem, never a property of input.
trait Constant {
    fn constant(self) -> Regex;
}

impl Constant for Result<Regex, regex::Error> {
    #[allow(
        clippy::expect_used,
        reason = "a constant pattern; compiled by every test that scrubs"
    )]
    fn constant(self) -> Regex {
        self.expect("a constant pattern of quotes.rs")
    }
}

/// The text that replaces each finding of personal data.
pub const PLACEHOLDER: &str = "[…]";

/// Quotes longer than this (in characters, including the `…`) are shortened.
const MAX_QUOTE_CHARS: usize = 200;
/// Preferred quote length in characters.
const IDEAL_QUOTE_CHARS: usize = 120;
/// Minimum number of letters/digits outside placeholders for a usable quote.
const MIN_CONTENT_CHARS: usize = 15;

// Regex building blocks. Macros (not consts) so that `concat!` yields string
// literals.
macro_rules! hs {
    // horizontal whitespace, including no-break spaces
    () => {
        r"[ \t\x{A0}\x{2007}\x{202F}]"
    };
}
macro_rules! dash {
    // hyphens and dashes, for use inside a character class: - ‐ ‑ ‒ – — ― − ﹘ ﹣ －
    () => {
        r"\-\x{2010}-\x{2015}\x{2212}\x{FE58}\x{FE63}\x{FF0D}"
    };
}
macro_rules! sep {
    // separator inside phone numbers: spaces, or a dash . / with optional spaces
    () => {
        concat!(
            r"(?:",
            hs!(),
            r"*[./",
            dash!(),
            r"]",
            hs!(),
            r"*|",
            hs!(),
            r"+)"
        )
    };
}
macro_rules! label {
    // one domain label
    () => {
        r"[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?"
    };
}
macro_rules! spaced_tld {
    // a top-level domain after a spaced dot (`gmail . com`); only known ones, so
    // that a sentence after "info@praktijk. " is not taken along
    () => {
        r"(?:\s*\.\s*(?:nl|com|org|net|eu|be|info|io|uk|de)\b)?"
    };
}
macro_rules! month {
    // Dutch and English month names and abbreviations, longest first
    () => {
        r"(?:januari|january|februari|february|maart|march|april|augustus|august|september|oktober|october|november|december|juni|june|juli|july|mei|may|febr|sept|jan|feb|mrt|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec)"
    };
}
macro_rules! day {
    () => {
        r"(?:3[01]|[12][0-9]|0?[1-9])"
    };
}
macro_rules! name_word {
    // a capitalised word, possibly with hyphen/apostrophe parts (Anne-Marie, O'Brien)
    () => {
        r"\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*"
    };
}
macro_rules! particle {
    // Dutch/foreign surname particles, each followed by its separator
    () => {
        r"(?:(?i:van|de|der|den|ter|ten|'t|’t|la|le|von|du|da|di|del)[ \t\x{A0}]+|(?i:d)['’])"
    };
}
macro_rules! initials {
    () => {
        r"\p{Lu}\.(?:[ \t\x{A0}]?\p{Lu}\.)*"
    };
}
macro_rules! one_name {
    // initials and/or (particles +) capitalised words: "J. de Vries", "Anja Smit"
    () => {
        concat!(
            r"(?:",
            initials!(),
            r"(?:[ \t\x{A0}]*",
            particle!(),
            r"*",
            name_word!(),
            r")?|",
            particle!(),
            r"*",
            name_word!(),
            r")(?:[ \t\x{A0}]+",
            particle!(),
            r"*",
            name_word!(),
            r")*"
        )
    };
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // with a domain: jan.jansen@gmail.com, jan at gmail dot com
        r"(?i)[\p{L}\p{N}._%+-]+",
        r"(?:\s*@\s*|\s*[\[({<]\s*(?:at|@|apenstaartje)\s*[\])}>]\s*|\s+(?:at|apenstaartje)\s+)",
        label!(),
        r"(?:(?:\.|\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)",
        label!(),
        r")+",
        spaced_tld!(),
        // without one: info@praktijk, jan @ gmail, jan [at] praktijk. A space before
        // the '@' only with one after it, so that "Volg @anja" stays a handle; letters
        // on both sides, so that "2 @ 3" stays.
        r"|[\p{L}\p{N}._%+-]*\p{L}[\p{L}\p{N}._%+-]*",
        r"(?:@\s*|\s+@\s+|\s*[\[({<]\s*(?:at|@|apenstaartje)\s*[\])}>]\s*|\s+apenstaartje\s+)",
        r"\p{L}(?:[\p{L}\p{N}-]*[\p{L}\p{N}])?",
        spaced_tld!()
    ))
    .constant()
});

static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}._%+\-@/])(@[\p{L}\p{N}_][\p{L}\p{N}_.]*[\p{L}\p{N}_])")
        .constant()
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\x22]+",
        r"|\b",
        label!(),
        r"(?:\.",
        label!(),
        r")*\.(?:nl|com|org|net|eu|be|info|io|uk)\b(?:/[^\s<>\x22]*)?"
    ))
    .constant()
});

static PHONE_NL_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\+|\b00)",
        hs!(),
        r"?31",
        sep!(),
        r"?(?:\(0\)",
        sep!(),
        r"?|0",
        sep!(),
        r"?)?[1-9](?:",
        sep!(),
        r"?[0-9]){8}[0-9]*"
    ))
    .constant()
});

static PHONE_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\+|\b00)",
        hs!(),
        r"?[1-9](?:",
        sep!(),
        r"?\(?[0-9]\)?){6,14}"
    ))
    .constant()
});

static PHONE_NL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b0(?:800|900|906|909)",
        sep!(),
        r"?[0-9](?:",
        sep!(),
        r"?[0-9]){3,6}[0-9]*",
        r"|\b0",
        sep!(),
        r"?[1-9](?:",
        sep!(),
        r"?[0-9]){8}[0-9]*",
        r"|\(0[1-9]\)",
        sep!(),
        r"?[0-9](?:",
        sep!(),
        r"?[0-9]){7}[0-9]*",
        r"|\(0[1-9][0-9]\)",
        sep!(),
        r"?[0-9](?:",
        sep!(),
        r"?[0-9]){6}[0-9]*",
        r"|\(0[1-9][0-9]{2}\)",
        sep!(),
        r"?[0-9](?:",
        sep!(),
        r"?[0-9]){5}[0-9]*"
    ))
    .constant()
});

macro_rules! bsn_sep {
    // separator between BSN groups: spaces, or a dot or dash with optional spaces
    () => {
        concat!(
            r"(?:",
            hs!(),
            r"*[.",
            dash!(),
            r"]",
            hs!(),
            r"*|",
            hs!(),
            r"+)"
        )
    };
}

/// Nine digits in the usual groupings: 3-3-3, 4-2-3, 2-2-2-3.
static BSN_GROUPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:[0-9]{3}",
        bsn_sep!(),
        r"[0-9]{3}",
        bsn_sep!(),
        r"[0-9]{3}|[0-9]{4}",
        bsn_sep!(),
        r"[0-9]{2}",
        bsn_sep!(),
        r"[0-9]{3}|[0-9]{2}",
        bsn_sep!(),
        r"[0-9]{2}",
        bsn_sep!(),
        r"[0-9]{2}",
        bsn_sep!(),
        r"[0-9]{3})\b"
    ))
    .constant()
});

/// Nine digits in any other grouping ("1 2 3 4 5 6 7 8 9", "12 345 6789"); kept
/// only when they are the whole run of digits (see [`whole_digit_run`]), since
/// nine digits can also be the tail of a foreign phone number.
static BSN_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!(r"\b[0-9](?:", bsn_sep!(), r"?[0-9]){8}\b")).constant());

/// Local numbers without an area code: 123 45 67, 123-45-67, 123 4567, and 7+
/// digits written one by one. Three-four only with a space: "500-1000 ml" is a range.
static PHONE_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b[1-9][0-9]{2}",
        sep!(),
        r"[0-9]{2}",
        sep!(),
        r"[0-9]{2}\b",
        r"|\b[1-9][0-9]{2}",
        hs!(),
        r"+[0-9]{4}\b",
        r"|\b[0-9](?:",
        sep!(),
        r"[0-9]){6,}\b"
    ))
    .constant()
});

/// Five or more digits after a word that announces a phone number ("tel. 45 67
/// 89", "bel me op 12 34 56"): short local numbers look like ordinary numbers
/// without it.
static PHONE_CUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?i:telefoonnummer|telefoonnr|telefoon|tel\.?",
        hs!(),
        r"?nr|telnr|tel|nummer|nr|mobiel|mob|gsm|bellen|belt|bel|gebeld|whatsapp|sms|phone|call)\b\.?:?",
        hs!(),
        r"*(?:(?i:me|mij|ons|haar|hem|even|gerust|maar|dan)",
        hs!(),
        r"+)?(?:(?i:op|naar|on|at)",
        hs!(),
        r"+)?([0-9](?:",
        sep!(),
        r"?[0-9]){4,})"
    ))
    .constant()
});

static LONG_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{7,}").constant());

static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i:\bnl[0-9]{2}",
        hs!(),
        r"?[a-z]{4}(?:",
        hs!(),
        r"?[0-9]){10}\b)",
        r"|\b[A-Z]{2}[0-9]{2}(?:",
        hs!(),
        r"?[A-Z0-9]{4}){2,7}(?:",
        hs!(),
        r"?[A-Z0-9]{1,4})?\b"
    ))
    .constant()
});

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b[1-9][0-9]{3}(?:",
        hs!(),
        r"*[",
        dash!(),
        r"]",
        hs!(),
        r"*|",
        hs!(),
        r"*)([A-Za-z]{2})\b"
    ))
    .constant()
});

macro_rules! street_suffix {
    // last part of Dutch street names (Dorpsstraat, Molenhof, Oosterhaven)
    () => {
        concat!(
            r"straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|steeg|dreef|pad|ring",
            r"|markt|plantsoen|erf|baan|boulevard|allee|dam|haven|kamp|tuin|veld|vaart|veste",
            r"|vliet|wal|wijk|burg|berg|brink|hoeve|horst|akker|hout|donk|zoom|oord|poort",
            r"|schans|sloot|stede|kwartier|wetering|weide|hove|promenade"
        )
    };
}
macro_rules! house_number {
    // 12, 12a, 12-A, 3–B, 2-4
    () => {
        concat!(
            r"[0-9]{1,5}(?:[",
            dash!(),
            r"][0-9]{1,5})?(?:",
            hs!(),
            r"?[",
            dash!(),
            r"]?",
            hs!(),
            r"?[a-zA-Z])?\b"
        )
    };
}

/// A word ending in a street suffix, then a house number. Group 1: the word,
/// group 2: the number (checked by [`street_word_ok`] and [`house_number_ok`]).
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b([\p{L}\p{M}'’-]*(?i:",
        street_suffix!(),
        r"))",
        hs!(),
        r"+(",
        house_number!(),
        r")"
    ))
    .constant()
});

/// Street and number after "woon(t) op/aan (de)", "adres (is)": the street
/// name need not have a known suffix (`aan de Vecht 12`, `adres: Noordeinde 6`),
/// but must then be capitalised (see [`cued_street_ok`]). Group 1: street and
/// number, group 2: the number.
static STREET_CUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?i:woon|woont|wonen|woonde|woonden|adres|address|live|lives|living)\b",
        r"(?:",
        hs!(),
        r"*:|",
        hs!(),
        r"+(?i:is|was))?",
        hs!(),
        r"+(?:(?i:op|aan|in|bij|at|on)",
        hs!(),
        r"+)?(?:(?i:de|het|'t|’t)",
        hs!(),
        r"+)?(\p{L}[\p{L}\p{M}'’-]*(?:",
        hs!(),
        r"+\p{L}[\p{L}\p{M}'’-]*)?",
        hs!(),
        r"+(",
        house_number!(),
        r"))"
    ))
    .constant()
});

/// English order: `12 Baker Street`.
static STREET_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b[0-9]{1,5}[a-zA-Z]?",
        hs!(),
        r"+(?:\p{Lu}[\p{L}'’-]*",
        hs!(),
        r"+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Crescent|Way|Square|Place|Gardens|Terrace)\b"
    ))
    .constant()
});

static DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})\b",
        r"|\b[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}\b"
    ))
    .constant()
});

static DATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // 3 maart, 3e mrt. 2025, 1st March '25
        r"(?i)\b",
        day!(),
        r"(?:ste|de|st|nd|rd|th|e)?",
        hs!(),
        r"+",
        month!(),
        r"\b\.?(?:,?",
        hs!(),
        r"+(?:(?:19|20)[0-9]{2}\b|['’][0-9]{2}\b))?",
        // maart 2025
        r"|\b",
        month!(),
        r"\b\.?",
        hs!(),
        r"+(?:19|20)[0-9]{2}\b",
        // March 3rd(, 2025) / March 3, 2025
        r"|\b",
        month!(),
        r"\b\.?",
        hs!(),
        r"+",
        day!(),
        r"(?:(?:st|nd|rd|th)\b(?:,?",
        hs!(),
        r"+(?:19|20)[0-9]{2}\b)?|,",
        hs!(),
        r"*(?:19|20)[0-9]{2}\b)"
    ))
    .constant()
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b((?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)\b",
        r"|\b((?:[01]?[0-9]|2[0-3])\.[0-5][0-9])",
        hs!(),
        r"*(?:uur|u|h)\b"
    ))
    .constant()
});

macro_rules! titles {
    // titles, roles, relations and greetings that may precede a name
    () => {
        concat!(
            r"(?i:",
            // care roles, also in compounds (kraamverpleegkundige, doktersassistente,
            // anesthesioloog, OK-medewerker, kraamzuster)
            r"[\p{L}-]*(?:kundigen|kundige|assistentes|assistenten|assistente|assistent",
            r"|verzorgsters|verzorgster|verzorgenden|verzorgende|verzorgers|verzorger",
            r"|verpleegsters|verpleegster|verplegers|verpleger|ologen|oloog|ologe",
            r"|therapeuten|therapeute|therapeut|medewerkers|medewerkster|medewerker",
            r"|specialisten|specialiste|specialist|zusters|zuster)",
            r"|(?:huis|kinder|jeugd|basis|bedrijfs|verzekerings|oog|spoed|seh-?|vrouwen|consultatiebureau)?(?:artsen|arts)",
            r"|kraamzorgers|kraamzorger|kraamzorg|kraamhulp|stagiaires|stagiaire|stagiair|studente|student",
            r"|aios|anios|consulente|consulent|di[eë]tiste|di[eë]tist|echografiste|echografist",
            r"|anesthesiste|begeleidster|begeleider|zorgverleenster|zorgverlener|chirurg|triagiste|triagist",
            r"|obstetrician|gyna?ecologist|ana?esthetist|ana?esthesiologist|sonographer",
            r"|pa?ediatrician|neonatologist|physician|surgeon|registrar|consultant|health[ \t]+visitor",
            // care professionals and forms of address
            r"|dokteres|dokter|doctor|drs\.?|dr\.?|prof\.?|professor",
            r"|gynaecologen|gynaecoloog|gynaecologe|gynecoloog|gyn\.?|verloskundigen|verloskundige",
            r"|kraamverzorgsters|kraamverzorgster|kraamverzorgenden|kraamverzorgende|kraamverzorger|kraamhulp",
            r"|echoscopiste|echoscopist|verpleegkundigen|verpleegkundige|verpleegster|zusters|zuster|zr\.?",
            r"|lactatiekundige|doula|praktijkassistente|praktijkassistent|assistente|assistent",
            r"|anesthesist|co-assistent|coassistente|coassistent|nurse|midwife",
            r"|mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|heer|mrs\.?|mr\.?|ms\.?|miss",
            // relations (partner and baby names are a typical leak)
            r"|partner|man|vrouw|vriendin|vriend|echtgenote|echtgenoot|zoontje|zoon|dochtertje|dochter",
            r"|baby|kindje|kind|schoonmoeder|moeder|vader|zusje|zus|broertje|broer|oma|opa",
            // thanks and greetings
            r"|bedankt|dankjewel|dankuwel|dank[ \t]+je(?:[ \t]+wel)?|dank[ \t]+u(?:[ \t]+wel)?|dank[ \t]+aan",
            r"|groetjes|groeten|groet|liefs|thanks|thank[ \t]+you",
            r")"
        )
    };
}

static TITLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b",
        titles!(),
        // the name after a space, or in brackets or quotes: "Dr. (Jansen)"
        r"[,:]?(?:\s+|\s*[(\x22'‘“«]\s*)(",
        one_name!(),
        r"(?:(?:[ \t\x{A0}]*[,&][ \t\x{A0}]*|[ \t\x{A0}]+(?i:en|and)[ \t\x{A0}]+)",
        one_name!(),
        r")*)"
    ))
    .constant()
});

macro_rules! lower_particle {
    // surname particles before a lower-case name, also Arabic ones (el khatib);
    // any case, for "mevrouw De boer"
    () => {
        r"(?i:van|de|der|den|ter|ten|'t|’t|la|le|von|du|da|di|del|el|abu|ibn|bin)"
    };
}

/// A lower-case name after a form of address ("mevrouw de boer", "meneer
/// bakker"). Group 1: particles and the name, checked by [`lower_name_ok`]
/// because "mevrouw zei" looks the same.
static LOWER_TITLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|de[ \t]+heer|mr\.?|mrs\.?|ms\.|dr\.?|drs\.?)",
        r"[,:]?[ \t\x{A0}]+((?:",
        lower_particle!(),
        r"[ \t\x{A0}]+)*",
        // el-amrani, smit-de wit
        r"\p{Ll}[\p{Ll}\p{M}]*(?:['’-](?:",
        lower_particle!(),
        r"[ \t\x{A0}]+)*\p{L}[\p{L}\p{M}]*)*)"
    ))
    .constant()
});

/// A name part that itself starts with a title ("Thanks Dr Smith").
static STARTS_WITH_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!(r"^", titles!(), r"(?:[,:]?\s|$)")).constant());

static MULTI_PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[…\](?:[ \t\x{A0}\x{2007}\x{202F}]*\[…\])+").constant());

static MULTI_SPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t\x{A0}\x{2007}\x{202F}]{2,}").constant());

/// Two-letter words after four digits that make the match ordinary text, not
/// a postcode, unless the letters are written in capitals ("1234 AB").
#[rustfmt::skip]
const POSTCODE_STOP: &[&str] = &[
    // Dutch words and abbreviations
    "de", "en", "in", "op", "te", "na", "om", "is", "al", "nu", "ik", "je", "we", "ze", "er", "of",
    "zo", "ja", "uw", "af", "me", "ga", "ca", "nr", "oa", "bv", "vb", "ok", "wk", "ff", "tm", "mn",
    "ma", "di", "wo", "do", "vr", "za", "dr", "mr", "mw",
    // English words
    "an", "at", "by", "he", "it", "my", "no", "on", "or", "so", "to", "up", "us", "am", "as", "be",
    "if", "pm",
    // units
    "ml", "cl", "dl", "mg", "kg", "gr", "cm", "mm", "km", "cc", "kb", "mb", "gb", "ct", "eu", "st",
];

/// First words after a title that show the title was an ordinary noun
/// ("Bedankt Allemaal", "mijn man Ik …"), not followed by a name.
#[rustfmt::skip]
const TITLE_STOP: &[&str] = &[
    "ik", "wij", "we", "ze", "zij", "hij", "het", "een", "u", "jij", "je", "jullie", "iedereen",
    "allemaal", "alles", "allen", "voor", "en", "maar", "ook", "heel", "super", "erg", "echt",
    "dat", "dit", "die", "nog", "als", "toen", "daarna", "team", "the", "i", "you", "for", "and",
    "all", "everyone", "so", "very", "verloskunde", "geneeskunde",
];

/// Leading words of a configured name that are titles, not part of the name.
#[rustfmt::skip]
const NAME_TITLES: &[&str] = &[
    "dr", "drs", "dokter", "prof", "mr", "mrs", "ms", "mevrouw", "mevr", "mw", "meneer", "dhr",
    "zuster", "zr", "verloskundige",
];

/// Words after a number that make it a count or measure, not a phone or house
/// number ("onderweg 2 uur", "500 \u{2013} 1000 ml").
#[rustfmt::skip]
const UNIT_WORDS: &[&str] = &[
    "keer", "keertje", "keertjes", "maal", "x", "uur", "uurtje", "uurtjes", "uren", "u", "min",
    "minuut", "minuten", "minuutjes", "sec", "seconden", "dag", "dagen", "daagjes", "nacht",
    "nachten", "week", "weken", "weekjes", "maand", "maanden", "jaar", "jaren", "jr", "kind",
    "kinderen", "kids", "mensen", "personen", "stuks", "cm", "mm", "m", "km", "kg", "g", "gr",
    "gram", "kilo", "pond", "ml", "l", "cl", "dl", "liter", "mg", "procent", "euro", "eur",
    "times", "hour", "hours", "day", "days", "weeks", "month", "months", "year", "years",
    "minute", "minutes", "mins", "children", "people", "am", "pm",
];

/// Street suffixes that also count in a lower-case word ("dorpsstraat 12"); the
/// others ("ring", "baan", "wijk") end too many ordinary words.
#[rustfmt::skip]
const LOWER_STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef", "pad",
    "plantsoen", "boulevard", "allee", "hof",
];

/// Lower-case words after "mevrouw"/"meneer" that are not a name: function
/// words, verbs, adjectives ("mevrouw zei", "meneer was aardig"). Checked only
/// without a surname particle, since "de jong" and "de wit" are names.
#[rustfmt::skip]
const LOWER_NAME_STOP: &[&str] = &[
    // function words
    "aan", "achter", "al", "alle", "alleen", "allemaal", "als", "altijd", "bij", "boven", "dan",
    "dat", "die", "dit", "deze", "door", "dus", "een", "en", "er", "erg", "even", "gewoon", "haar",
    "heel", "hem", "het", "hier", "hij", "hoe", "ik", "in", "is", "ja", "je", "jij", "juist",
    "mee", "met", "maar", "me", "mij", "mijn", "na", "naar", "naast", "natuurlijk", "nee", "niet",
    "niks", "nog", "nooit", "nu", "of", "ok", "oke", "om", "onder", "ons", "onze", "ook", "op",
    "over", "per", "samen", "sinds", "snel", "steeds", "te", "tegen", "toch", "toe", "toen", "tot",
    "tussen", "u", "uit", "uw", "veel", "ver", "via", "voor", "vooral", "wat", "we", "wel", "wie",
    "wij", "zij", "ze", "zeer", "zelf", "zich", "zo", "zoals", "zonder", "zeker", "daar", "daarna",
    "daarom", "direct", "meteen", "gelukkig", "helaas", "eerst", "later", "zelfs", "echt", "super",
    "best", "vaak", "soms", "opnieuw", "weer", "terug", "weg", "thuis", "binnen", "buiten",
    "verder", "nam", "kreeg", "liet", "trouwens", "helemaal", "totaal", "tijdens", "namens",
    "waar", "waarmee", "welke", "ervoor", "daarvoor", "vervolgens", "twee", "drie", "geen",
    "elke", "iedere",
    // verbs
    "was", "waren", "zijn", "ben", "bent", "heeft", "hebben", "had", "hadden", "hebt", "wordt",
    "werd", "werden", "kwam", "kwamen", "komt", "kan", "kon", "konden", "kunnen", "mag", "mocht",
    "moet", "moest", "moesten", "wil", "wou", "zal", "zou", "zouden", "zei", "zegt", "vroeg",
    "vraagt", "deed", "doet", "ging", "gaat", "gingen", "neemt", "gaf", "geeft", "zag", "ziet",
    "keek", "kijkt", "vond", "vindt", "wist", "weet", "dacht", "denkt", "bleef", "blijft", "bleek",
    "leek", "lijkt", "stond", "staat", "zat", "zit", "lag", "ligt", "liep", "loopt", "hielp",
    "helpt", "sprak", "spreekt", "praat", "belt", "legt", "bracht", "brengt", "schreef",
    "schrijft", "voelt", "luistert", "maakt", "regelt", "werkt", "hoort", "krijgt", "heet",
    "noemt", "vertelt", "stelt", "bood", "biedt", "lacht", "begreep", "begrijpt", "zorgt",
    "reageert", "pakt", "haalt", "laat", "stuurt", "wees", "gebeld", "geholpen", "gezegd",
    "gedaan", "gekomen", "gezien", "geweest", "geregeld", "uitgelegd", "verteld",
    // adjectives
    "aardig", "lief", "vriendelijk", "fijn", "goed", "top", "prima", "slecht", "boos", "streng",
    "kortaf", "onvriendelijk", "onaardig", "druk", "rustig", "geduldig", "behulpzaam", "attent",
    "professioneel", "warm", "koud", "jong", "oud", "nieuw", "zelfde", "andere", "eerste", "leuk",
    "heerlijk", "geweldig", "fantastisch",
    // English
    "the", "a", "an", "and", "who", "at", "from", "on", "of", "to", "with", "did", "has", "said",
    "told", "came", "helped", "asked", "gave", "took", "looked", "made", "were", "went", "smiled",
    "explained", "called", "always", "never", "really", "very",
];

/// Lower-case words after "mevrouw (van de)" that name a place or service, not
/// a person ("de mevrouw van de receptie"); also with a particle.
#[rustfmt::skip]
const LOWER_NAME_NOUNS: &[&str] = &[
    "het", "een", "receptie", "balie", "administratie", "afdeling", "praktijk", "thuiszorg",
    "verzekering", "zorgverzekeraar", "gemeente", "apotheek", "kliniek", "polikliniek", "poli",
    "ziekenhuis", "echo", "echoscopie", "ggd", "consultatiebureau", "kraamafdeling",
    "verloskunde", "schoonmaak", "keuken", "catering", "nachtdienst", "dagdienst", "avonddienst",
    "dienst", "intake", "telefoon", "team", "zaal", "kamer", "ok", "lab", "laboratorium",
    "huisartsenpost", "spoedeisende", "seh", "eerste", "hulp", "planning", "kantoor",
    "organisatie", "instelling", "centrum", "bureau", "bevalling", "zwangerschap", "controle",
    "cursus", "les", "voorlichting", "informatie", "website", "app", "mail", "ochtend", "middag",
    "avond", "nacht", "dag", "week", "buurt", "overkant", "baby", "bevalling", "kraamzorg",
    "verloskundigenpraktijk", "kraamweek", "anesthesie", "gynaecologie", "verpleegafdeling",
    "planning", "begeleiding", "opleiding", "vereniging", "verpleging", "opvang", "ontvangst",
];

/// Endings of lower-case words that name a service or thing ("administratie",
/// "thuiszorg", "begeleiding"), not a surname.
#[rustfmt::skip]
const LOWER_NAME_NOUN_ENDINGS: &[&str] = &[
    "tie", "sie", "zorg", "heid", "kunde", "dienst", "afdeling", "balie", "bureau", "kliniek",
    "praktijk", "apotheek", "ziekenhuis",
];

/// Surname particles: never matched on their own.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "von", "du", "da",
    "di", "del", "op", "in",
];

/// Removes personal data from `text`, replacing each finding with
/// [`PLACEHOLDER`].
///
/// `names` are extra names to remove (staff, clients, babies). Each entry is
/// matched as whole words, case- and accent-insensitive (`Jose` finds
/// `José`), also possessive (`Mariekes`, `Marieke's`). A multi-word entry is
/// also matched without its leading title (`Dr. de Vries` → `de Vries`) and
/// word by word for words of 3+ letters that are not particles (`Marieke
/// Jansen` → `Jansen`). Single-letter entries are ignored.
///
/// The input is NFC-normalised and stripped of invisible format characters
/// (zero-width spaces, soft hyphens); adjacent placeholders merge into one,
/// runs of spaces collapse to one and the result is trimmed. Line breaks stay.
/// Never panics. Compiles the name matcher on every call: for many texts use
/// [`pick_quotes`], which compiles it once.
pub fn scrub(text: &str, names: &[String]) -> String {
    scrub_with(text, &NameMatcher::new(names))
}

fn scrub_with(text: &str, names: &NameMatcher) -> String {
    let norm: String = text.chars().filter(|c| !is_invisible(*c)).nfc().collect();
    let mut spans: Vec<(usize, usize)> = Vec::new();

    push_all(&mut spans, &EMAIL, &norm);
    push_group(&mut spans, &HANDLE, &norm, 1);
    for m in URL.find_iter(&norm) {
        let trimmed = m.as_str().trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\'' | '’' | '”'
            )
        });
        if !trimmed.is_empty() {
            spans.push((m.start(), m.start() + trimmed.len()));
        }
    }

    // Phones: the Dutch +31 form is exact; the generic international pattern
    // is only used where the Dutch one did not match at the same place.
    let nl_intl: Vec<(usize, usize)> = PHONE_NL_INTL
        .find_iter(&norm)
        .map(|m| (m.start(), m.end()))
        .collect();
    for m in PHONE_INTL.find_iter(&norm) {
        if !nl_intl.iter().any(|&(s, _)| s == m.start()) {
            spans.push((m.start(), m.start() + intl_phone_len(m.as_str())));
        }
    }
    spans.extend(nl_intl);
    push_all(&mut spans, &PHONE_NL, &norm);
    for m in PHONE_LOCAL.find_iter(&norm) {
        if !followed_by_unit(&norm, m.end()) {
            spans.push((m.start(), m.end()));
        }
    }
    for caps in PHONE_CUED.captures_iter(&norm) {
        if let Some(g) = caps.get(1) {
            if !followed_by_unit(&norm, g.end()) {
                spans.push((g.start(), g.end()));
            }
        }
    }
    push_all(&mut spans, &BSN_GROUPED, &norm);
    for m in BSN_ANY.find_iter(&norm) {
        if whole_digit_run(&norm, m.start(), m.end()) {
            spans.push((m.start(), m.end()));
        }
    }
    push_all(&mut spans, &LONG_NUMBER, &norm);
    push_all(&mut spans, &IBAN, &norm);

    for caps in POSTCODE.captures_iter(&norm) {
        let (Some(all), Some(letters)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let l = letters.as_str();
        let upper = l.chars().all(|c| c.is_ascii_uppercase());
        if upper || !POSTCODE_STOP.contains(&l.to_ascii_lowercase().as_str()) {
            spans.push((all.start(), all.end()));
        }
    }

    for caps in STREET.captures_iter(&norm) {
        if let (Some(all), Some(word), Some(number)) = (caps.get(0), caps.get(1), caps.get(2)) {
            if street_word_ok(word.as_str()) && house_number_ok(&norm, number) {
                spans.push((all.start(), all.end()));
            }
        }
    }
    for caps in STREET_CUED.captures_iter(&norm) {
        if let (Some(street), Some(number)) = (caps.get(1), caps.get(2)) {
            let name = norm.get(street.start()..number.start()).unwrap_or("");
            if cued_street_ok(name) && house_number_ok(&norm, number) {
                spans.push((street.start(), street.end()));
            }
        }
    }
    push_all(&mut spans, &STREET_EN, &norm);
    push_all(&mut spans, &DATE_NUMERIC, &norm);
    push_all(&mut spans, &DATE_TEXT, &norm);
    for caps in TIME.captures_iter(&norm) {
        if let Some(g) = caps.get(1).or_else(|| caps.get(2)) {
            spans.push((g.start(), g.end()));
        }
    }

    let mut pos = 0;
    while let Some(caps) = TITLE_NAME.captures_at(&norm, pos) {
        let (Some(all), Some(g)) = (caps.get(0), caps.get(1)) else {
            break;
        };
        if STARTS_WITH_TITLE.is_match(g.as_str()) {
            // Search again from the inner title so it keeps its own name.
            pos = g.start();
            continue;
        }
        pos = all.end();
        let words: Vec<String> = g
            .as_str()
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let first_is_stop = words
            .first()
            .is_some_and(|w| TITLE_STOP.contains(&w.as_str()));
        let only_particles = words.iter().all(|w| PARTICLES.contains(&w.as_str()));
        if !first_is_stop && !only_particles {
            spans.push((g.start(), g.end()));
        }
    }

    for caps in LOWER_TITLE_NAME.captures_iter(&norm) {
        if let Some(g) = caps.get(1) {
            if lower_name_ok(g.as_str()) {
                spans.push((g.start(), g.end()));
            }
        }
    }

    spans.extend(names.spans(&norm));

    let replaced = replace_spans(&norm, spans);
    let merged = MULTI_PLACEHOLDER.replace_all(&replaced, PLACEHOLDER);
    let spaced = MULTI_SPACE.replace_all(&merged, " ");
    spaced.trim().to_string()
}

/// True if `text` contains at least one of `keywords` at the start of a word.
///
/// Case- and accent-insensitive. A keyword matches a word that begins with it
/// ("uitleg" matches "uitleggen" and "Uitleg,", but "tijd" does not match
/// "ontijdig"). Multi-word keywords ("tijd voor") match across any run of
/// whitespace. Empty keywords never match, so an empty list matches nothing.
pub fn matches_theme(text: &str, keywords: &[String]) -> bool {
    mentions(text, keywords) > 0
}

/// The number of distinct `keywords` that `text` contains, each by the rule of
/// [`matches_theme`]; keywords equal after folding count once.
pub fn mentions(text: &str, keywords: &[String]) -> usize {
    Lexicon::new(keywords).mentions(text)
}

/// Keywords folded once, empty and duplicate ones dropped: the one place of the
/// matching rule that [`mentions`], [`matches_theme`] and [`pick_quotes`] share. Build it
/// once for many texts (folding a theme's keywords for every text costs more than the
/// match).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// All keywords in one automaton: one pass over a text finds every keyword (a
    /// substring search per keyword cost more than the rest of the comparison stage).
    automaton: Option<aho_corasick::AhoCorasick>,
}

/// `text` folded as [`Lexicon::mentions_folded`] expects: fold it once when it is matched
/// against several lexicons.
pub fn fold_text(text: &str) -> String {
    fold_key(text)
}

impl Lexicon {
    /// The lexicon of `keywords`.
    pub fn new(keywords: &[String]) -> Self {
        let mut folded: Vec<String> = Vec::with_capacity(keywords.len());
        for k in keywords {
            let k = fold_key(k);
            if !k.is_empty() && !folded.contains(&k) {
                folded.push(k);
            }
        }
        Lexicon {
            automaton: aho_corasick::AhoCorasick::new(&folded).ok(),
        }
    }

    /// How many of the keywords `text` mentions (at the start of a word, folded).
    pub fn mentions(&self, text: &str) -> usize {
        self.mentions_folded(&fold_key(text))
    }

    /// [`Lexicon::mentions`] of a text already folded by [`fold_text`].
    pub fn mentions_folded(&self, folded: &str) -> usize {
        let Some(automaton) = &self.automaton else {
            return 0;
        };
        let mut found: Vec<usize> = automaton
            .find_overlapping_iter(folded)
            .filter(|m| {
                let prev = folded.get(..m.start()).and_then(|h| h.chars().next_back());
                prev.is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|m| m.pattern().as_usize())
            .collect();
        found.sort_unstable();
        found.dedup();
        found.len()
    }
}

/// Picks at most `max` anonymised quotes from `texts` for a theme.
///
/// Keeps texts matching the theme ([`matches_theme`]), scrubs each
/// ([`scrub`] with `names`), collapses whitespace, drops quotes with fewer
/// than 15 letters/digits outside placeholders or with at least as many
/// placeholders as other words, shortens quotes over 200 characters at a word
/// boundary with `…`, and removes duplicates (case-, accent- and
/// whitespace-insensitive). Ordering: more keywords matched ([`mentions`]) first,
/// then length closest to 120 characters, then alphabetical. Deterministic:
/// the result does not depend on the order of `texts`.
pub fn pick_quotes(
    texts: &[&str],
    keywords: &[String],
    names: &[String],
    max: usize,
) -> Vec<String> {
    if max == 0 {
        return Vec::new();
    }
    let lexicon = Lexicon::new(keywords);

    struct Candidate {
        hits: usize,
        distance: usize,
        key: String,
        quote: String,
    }

    let matcher = NameMatcher::new(names);
    let mut candidates: Vec<Candidate> = Vec::new();
    for text in texts {
        let hits = lexicon.mentions(text);
        if hits == 0 {
            continue;
        }
        let scrubbed = scrub_with(text, &matcher);
        let flat = scrubbed.split_whitespace().collect::<Vec<_>>().join(" ");
        // A sentence that needed scrubbing was about a person or contact details: leave it
        // out rather than show its remains ("Bel me op […]").
        let flat = without_scrubbed_sentences(&flat);
        if !usable(&flat) {
            continue;
        }
        let quote = truncate_at_word(&flat, MAX_QUOTE_CHARS);
        let len = quote.chars().count();
        candidates.push(Candidate {
            hits,
            distance: len.abs_diff(IDEAL_QUOTE_CHARS),
            key: fold_key(&quote),
            quote,
        });
    }

    candidates.sort_by(|a, b| {
        b.hits
            .cmp(&a.hits)
            .then(a.distance.cmp(&b.distance))
            .then_with(|| a.key.cmp(&b.key))
            .then_with(|| a.quote.cmp(&b.quote))
    });

    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for c in candidates {
        // Also a near-duplicate: one quote the start of another.
        if seen
            .iter()
            .any(|k| *k == c.key || k.starts_with(&c.key) || c.key.starts_with(k.as_str()))
        {
            continue;
        }
        seen.push(c.key);
        out.push(c.quote);
        if out.len() == max {
            break;
        }
    }
    out
}

/// The text without its sentences that contain a placeholder.
fn without_scrubbed_sentences(text: &str) -> String {
    if !text.contains(PLACEHOLDER) {
        return text.to_string();
    }
    let mut kept = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_is_space {
            let end = i + c.len_utf8();
            kept.push(&text[start..end]);
            start = end;
        }
    }
    kept.push(&text[start..]);
    kept.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.contains(PLACEHOLDER))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Length of an international phone match without a trailing lone group of
/// one or two digits after a space when the rest is already a full number
/// ("+44 20 7946 0958 2 keer" keeps "2 keer").
fn intl_phone_len(m: &str) -> usize {
    let Some(i) = m.rfind(|c: char| !c.is_ascii_digit()) else {
        return m.len();
    };
    let tail_digits = m.len() - (i + 1);
    let head = m.get(..i).unwrap_or(m);
    let head_digits = head.chars().filter(char::is_ascii_digit).count();
    let space_before = m
        .get(i..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_whitespace);
    if space_before && (1..=2).contains(&tail_digits) && head_digits >= 11 {
        head.trim_end().len()
    } else {
        m.len()
    }
}

/// True if the number ending at byte `end` of `text` is a count or measure: a
/// unit word or `%` follows, or it goes on as a decimal or time ("2.30").
fn followed_by_unit(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some('%'), _) => return true,
        (Some('.' | ',' | ':'), Some(d)) if d.is_ascii_digit() => return true,
        _ => {}
    }
    let word: String = rest
        .trim_start_matches(is_hspace)
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    UNIT_WORDS.contains(&word.as_str())
}

/// True if no further digit group sits right before `start` or after `end`.
fn whole_digit_run(text: &str, start: usize, end: usize) -> bool {
    let is_sep = |c: char| is_hspace(c) || c == '.' || is_dash(c);
    let before = text.get(..start).unwrap_or("").trim_end_matches(is_sep);
    let after = text.get(end..).unwrap_or("").trim_start_matches(is_sep);
    !before.ends_with(|c: char| c.is_ascii_digit())
        && !after.starts_with(|c: char| c.is_ascii_digit())
}

/// The horizontal spaces of `hs!`.
fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// The hyphens and dashes of `dash!`.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// A street word in lower case needs a street suffix after something else
/// ("dorpsstraat", not "weg" or "ervaring").
fn street_word_ok(word: &str) -> bool {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    LOWER_STREET_SUFFIXES
        .iter()
        .any(|s| lower.len() > s.len() && lower.ends_with(s))
}

/// The street words after "woon op (de)": capitalised ("Vecht"), or in lower
/// case ending in a street suffix ("oude gracht", not "zwolle").
fn cued_street_ok(name: &str) -> bool {
    let name = name.trim();
    let lower = name.to_lowercase();
    name.chars().next().is_some_and(char::is_uppercase)
        || LOWER_STREET_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// False for a number that is a year ("Amsterdam 2020"), a count ("onderweg 2
/// uur", "2x") or part of a decimal or time.
fn house_number_ok(text: &str, number: regex::Match<'_>) -> bool {
    let n = number.as_str();
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    let is_year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    let times = n.ends_with(['x', 'X']);
    !(times || (is_year && digits.len() == n.len()) || followed_by_unit(text, number.end()))
}

/// True if `name`, the words after "mevrouw"/"meneer", looks like a surname in
/// lower case ("de boer", "bakker") rather than ordinary text ("zei", "van de
/// receptie", "de verloskundige").
fn lower_name_ok(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let is_particle = |w: &str| {
        (PARTICLES.contains(&w) && w != "het") || ["el", "abu", "ibn", "bin"].contains(&w)
    };
    let Some(head_at) = words.iter().position(|w| !is_particle(w)) else {
        return false;
    };
    let head = words[head_at].as_str();
    let with_particle = head_at > 0;
    if LOWER_NAME_NOUNS.contains(&head)
        || LOWER_NAME_NOUN_ENDINGS.iter().any(|e| head.ends_with(e))
        || STARTS_WITH_TITLE.is_match(head)
    {
        return false;
    }
    if with_particle {
        return true;
    }
    // Past tenses ("belde", "maakte") and adjectives or adverbs ("duidelijk",
    // "geduldig") follow "mevrouw" more often than a surname with that ending.
    let plain = head.chars().all(char::is_alphabetic);
    let past = plain
        && head.chars().count() >= 5
        && ["de", "te", "den", "ten"].iter().any(|e| head.ends_with(e));
    let adjective = ["lijk", "ig", "isch", "baar", "end", "loos"]
        .iter()
        .any(|e| head.ends_with(e));
    !LOWER_NAME_STOP.contains(&head) && !past && !adjective
}

/// Zero-width and other invisible format characters that could hide data
/// from the patterns.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn push_all(spans: &mut Vec<(usize, usize)>, re: &Regex, text: &str) {
    spans.extend(re.find_iter(text).map(|m| (m.start(), m.end())));
}

fn push_group(spans: &mut Vec<(usize, usize)>, re: &Regex, text: &str, group: usize) {
    for caps in re.captures_iter(text) {
        if let Some(g) = caps.get(group) {
            spans.push((g.start(), g.end()));
        }
    }
}

/// Replaces the (possibly overlapping) byte spans with placeholders.
fn replace_spans(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.retain(|&(s, e)| s < e && e <= text.len());
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut i = 0;
    while i < spans.len() {
        let (start, mut end) = spans[i];
        i += 1;
        while i < spans.len() && spans[i].0 <= end {
            end = end.max(spans[i].1);
            i += 1;
        }
        let start = start.max(pos);
        if start >= end {
            continue;
        }
        if let (Some(before), Some(_)) = (text.get(pos..start), text.get(start..end)) {
            out.push_str(before);
            out.push_str(PLACEHOLDER);
            pos = end;
        }
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

/// Text folded for comparison: lower case, accents removed, with for every
/// byte of the folded text the byte range of its source character.
struct Folded {
    text: String,
    src: Vec<(usize, usize)>,
}

fn fold_char(c: char, mut push: impl FnMut(char)) {
    for lc in c.to_lowercase() {
        for d in std::iter::once(lc).nfd() {
            if !is_combining_mark(d) {
                push(d);
            }
        }
    }
}

fn fold_with_map(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut src = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        fold_char(c, |d| {
            text.push(d);
            src.resize(text.len(), (i, end));
        });
    }
    Folded { text, src }
}

/// Lower case, accents removed, whitespace runs collapsed to one space, trimmed.
fn fold_key(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |d| folded.push(d));
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folded token lists to search for one configured name.
fn name_variants(name: &str) -> Vec<Vec<String>> {
    let tokens: Vec<String> = fold_key(name).split(' ').map(str::to_string).collect();
    let bare = |t: &str| t.trim_end_matches('.').to_string();
    let mut variants: Vec<Vec<String>> = Vec::new();
    let mut add = |v: Vec<String>| {
        let letters: usize = v
            .iter()
            .map(|t| t.chars().filter(|c| c.is_alphanumeric()).count())
            .sum();
        if letters >= 2 && !variants.contains(&v) {
            variants.push(v);
        }
    };
    add(tokens.clone());
    let rest: Vec<String> = tokens
        .iter()
        .skip_while(|t| NAME_TITLES.contains(&bare(t).as_str()))
        .cloned()
        .collect();
    if !rest.is_empty() {
        add(rest.clone());
    }
    if rest.len() > 1 {
        for t in &rest {
            let b = bare(t);
            if b.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                && !PARTICLES.contains(&b.as_str())
                && !NAME_TITLES.contains(&b.as_str())
            {
                add(vec![t.clone()]);
            }
        }
    }
    variants
}

fn variant_pattern(tokens: &[String]) -> String {
    let body = tokens
        .iter()
        .map(|t| {
            regex::escape(t)
                .replace(r"\.", r"\.?")
                .replace(r"\-", r"[-\s]?")
                .replace(['\'', '’'], "['’]")
        })
        .collect::<Vec<_>>()
        .join(r"\s+");
    let joined = tokens.concat();
    let pre = if joined.chars().next().is_some_and(char::is_alphanumeric) {
        r"\b"
    } else {
        ""
    };
    let post = if joined
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        r"\b"
    } else {
        ""
    };
    format!(r"{pre}(?:{body})(?:['’]s\b|s\b|{post})")
}

/// Compiled matcher for the configured names.
struct NameMatcher {
    regexes: Vec<Regex>,
}

impl NameMatcher {
    fn new(names: &[String]) -> Self {
        let mut variants: Vec<Vec<String>> = Vec::new();
        for n in names {
            for v in name_variants(n) {
                if !variants.contains(&v) {
                    variants.push(v);
                }
            }
        }
        if variants.is_empty() {
            return Self {
                regexes: Vec::new(),
            };
        }
        // Longest first so that "de Vries" wins over "Vries" at the same place.
        variants.sort_by(|a, b| {
            let la: usize = a.iter().map(String::len).sum();
            let lb: usize = b.iter().map(String::len).sum();
            lb.cmp(&la).then_with(|| a.cmp(b))
        });
        let patterns: Vec<String> = variants.iter().map(|v| variant_pattern(v)).collect();
        let regexes = match build(&patterns.join("|")) {
            Some(re) => vec![re],
            // Too large for one regex: fall back to one regex per name.
            None => patterns.iter().filter_map(|p| build(p)).collect(),
        };
        Self { regexes }
    }

    /// Byte spans in `text` of the configured names.
    fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        if self.regexes.is_empty() {
            return Vec::new();
        }
        let folded = fold_with_map(text);
        let mut spans = Vec::new();
        for re in &self.regexes {
            for m in re.find_iter(&folded.text) {
                if m.start() >= m.end() {
                    continue;
                }
                let (Some(&(start, _)), Some(&(_, mut end))) =
                    (folded.src.get(m.start()), folded.src.get(m.end() - 1))
                else {
                    continue;
                };
                // Swallow combining marks that follow the match in the original.
                while let Some(c) = text.get(end..).and_then(|t| t.chars().next()) {
                    if is_combining_mark(c) {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                spans.push((start, end));
            }
        }
        spans
    }
}

fn build(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(pattern)
        .size_limit(1 << 26)
        .dfa_size_limit(1 << 26)
        .build()
        .ok()
}

/// Enough real content and not mostly placeholders.
fn usable(quote: &str) -> bool {
    let placeholders = quote.matches(PLACEHOLDER).count();
    let content = quote.replace(PLACEHOLDER, " ");
    let content_chars = content.chars().filter(|c| c.is_alphanumeric()).count();
    let words = content
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    content_chars >= MIN_CONTENT_CHARS && placeholders < words
}

/// Shortens `s` to at most `max_chars` characters (including the `…`),
/// cutting at a word boundary where possible.
fn truncate_at_word(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let limit = max_chars.saturating_sub(1);
    let byte_end = s.char_indices().nth(limit).map_or(s.len(), |(i, _)| i);
    let head = s.get(..byte_end).unwrap_or(s);
    let next_is_space = s
        .get(byte_end..)
        .and_then(|t| t.chars().next())
        .is_none_or(char::is_whitespace);
    let mut cut = head;
    if !next_is_space {
        if let Some(i) = head.rfind(char::is_whitespace) {
            if i > 0 {
                cut = head.get(..i).unwrap_or(head);
            }
        }
    }
    // Never leave half a placeholder after a hard cut.
    if let Some(i) = cut.rfind('[') {
        let tail = cut.get(i..).unwrap_or("");
        if tail != PLACEHOLDER && PLACEHOLDER.starts_with(tail) {
            cut = cut.get(..i).unwrap_or(cut);
        }
    }
    let cut = cut.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '-' | '–' | '(')
    });
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        ["Jansen", "Dr. de Vries", "Marieke", "Jose", "Anne-Marie"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn kw(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| s.to_string()).collect()
    }

    /// (input, exact expected output). Names configured: see `names()`.
    const CASES: &[(&str, &str)] = &[
        // --- e-mail and handles
        (
            "Mail me op jan.jansen@gmail.com graag",
            "Mail me op […] graag",
        ),
        ("Mail JAN @ Gmail.COM.", "Mail […]."),
        ("of jan[at]gmail.com", "of […]"),
        ("jan (at) gmail dot com graag", "[…] graag"),
        ("info@praktijk-zuid.nl, bel niet", "[…], bel niet"),
        ("Volg @anja_verlos op insta", "Volg […] op insta"),
        // --- phone numbers
        ("Bel 06-12345678 even", "Bel […] even"),
        ("Bel 06 1234 5678 even", "Bel […] even"),
        ("tel: 0612345678.", "tel: […]."),
        ("Bel 06 12 34 56 78", "Bel […]"),
        ("Bel +31 6 12345678 of niet", "Bel […] of niet"),
        ("Bel +31(0)20-1234567", "Bel […]"),
        ("Bel +31 (0)6 1234 5678", "Bel […]"),
        ("Bel 020-1234567 (centrale)", "Bel […] (centrale)"),
        ("Bel 020 123 45 67", "Bel […]"),
        ("Bel (020) 123 45 67", "Bel […]"),
        ("Bel 0031 6 12345678", "Bel […]"),
        ("Bel 0513-123456", "Bel […]"),
        ("Bel +44 20 7946 0958 2 keer", "Bel […] 2 keer"),
        ("Call +1 (555) 123-4567", "Call […]"),
        ("Bel 0800-1234 gratis", "Bel […] gratis"),
        ("Bel 06 - 12345678", "Bel […]"),
        ("Bel 06\u{200B}12345678", "Bel […]"),
        // --- BSN and other long numbers, IBAN
        ("BSN 123456789.", "BSN […]."),
        ("BSN 123.456.789 klopt", "BSN […] klopt"),
        ("BSN 1234 56 789 klopt", "BSN […] klopt"),
        ("klantnummer 20250312001", "klantnummer […]"),
        ("IBAN NL91 ABNA 0417 1643 00 graag", "IBAN […] graag"),
        // --- postcodes and addresses
        ("1234 AB Utrecht", "[…] Utrecht"),
        ("postcode 1234AB", "postcode […]"),
        ("postcode 1234 ab.", "postcode […]."),
        (
            "Woon op Dorpsstraat 12a, 1234 AB Utrecht",
            "Woon op […], […] Utrecht",
        ),
        ("In 2024 en 2025 bevallen", "In 2024 en 2025 bevallen"),
        ("in 2025 De bevalling", "in 2025 De bevalling"),
        (
            "1000 ml bloedverlies, 3500 gr",
            "1000 ml bloedverlies, 3500 gr",
        ),
        ("in 2023 ca. 3 keer", "in 2023 ca. 3 keer"),
        // --- dates and times
        ("Op 12-03-2025 bevallen", "Op […] bevallen"),
        ("Op 12/3/25 bevallen", "Op […] bevallen"),
        ("Op 2025-03-12 bevallen", "Op […] bevallen"),
        ("Op 12.03.2025 bevallen", "Op […] bevallen"),
        ("Op 3 maart 2025 bevallen", "Op […] bevallen"),
        ("Op 3 maart bevallen", "Op […] bevallen"),
        ("In maart 2025 bevallen", "In […] bevallen"),
        ("Op 3e mrt. ging het mis", "Op […] ging het mis"),
        ("Op 1 OKT kwam ze", "Op […] kwam ze"),
        ("On March 3rd, 2025 we came", "On […] we came"),
        ("on 5 May '24 we came", "on […] we came"),
        ("Op 12 mei 2 keer gebeld", "Op […] 2 keer gebeld"),
        ("In maart was het druk", "In maart was het druk"),
        ("Bevallen om 14:30", "Bevallen om […]"),
        ("Om 14.30 uur kwam ze", "Om […] uur kwam ze"),
        // --- ordinary numbers that must stay
        ("We moesten 3 dagen wachten", "We moesten 3 dagen wachten"),
        (
            "Na 24 uur mocht ik naar huis",
            "Na 24 uur mocht ik naar huis",
        ),
        ("Ik geef een cijfer 8", "Ik geef een cijfer 8"),
        ("in 2025 bevallen", "in 2025 bevallen"),
        ("2 keer gebeld", "2 keer gebeld"),
        ("na 10 minuten", "na 10 minuten"),
        ("100% tevreden", "100% tevreden"),
        ("Kamer 12 was mooi", "Kamer 12 was mooi"),
        ("2-3 keer per dag, 1 op de 3", "2-3 keer per dag, 1 op de 3"),
        (
            "week 40+3, 0,5 liter, € 1.250,00, score 7/10",
            "week 40+3, 0,5 liter, € 1.250,00, score 7/10",
        ),
        ("Na 38 weken en 3500 gram", "Na 38 weken en 3500 gram"),
        ("bel 112 of 06-nummer", "bel 112 of 06-nummer"),
        // --- configured names
        ("Marieke was top", "[…] was top"),
        (
            "Mariekes uitleg en Marieke's rust en Marieke’s",
            "[…] uitleg en […] rust en […]",
        ),
        ("Annemarieke en MARIEKE", "Annemarieke en […]"),
        ("José en Jose en JOSÉ", "[…] en […] en […]"),
        ("Jose\u{301} kwam", "[…] kwam"),
        ("Dr. de Vries kwam", "[…] kwam"),
        ("Ook de Vries en Vries", "Ook […] en […]"),
        ("Anne Marie en AnneMarie", "[…] en […]"),
        ("Jansens advies", "[…] advies"),
        ("Marieke Jansen 06-12345678", "[…]"),
        // --- titles followed by a name (not configured)
        ("dokter Bakker was lief", "dokter […] was lief"),
        (
            "verloskundige Anja en Petra waren lief",
            "verloskundige […] waren lief",
        ),
        ("dr. Pietersen zei", "dr. […] zei"),
        (
            "mevrouw Smit, meneer Bos, dhr. Klaas, mw. Pieters en zuster Ans",
            "mevrouw […], meneer […], dhr. […], mw. […] en zuster […]",
        ),
        ("dr. J. van Dam kwam", "dr. […] kwam"),
        ("de heer Van der Berg", "de heer […]"),
        ("kinderarts O'Brien", "kinderarts […]"),
        ("Verloskundige: Anja was top", "Verloskundige: […] was top"),
        (
            "mijn man Peter was erbij, baby Noah sliep",
            "mijn man […] was erbij, baby […] sliep",
        ),
        ("Bedankt Anja!", "Bedankt […]!"),
        ("Groetjes,\nAnja", "Groetjes,\n[…]"),
        (
            "Thanks Dr Smith and nurse Kelly!",
            "Thanks Dr […] and nurse […]!",
        ),
        // --- titles NOT followed by a name
        ("Bedankt Allemaal!", "Bedankt Allemaal!"),
        (
            "De verloskundige\nDe bevalling ging goed",
            "De verloskundige\nDe bevalling ging goed",
        ),
        ("Mijn man En ik", "Mijn man En ik"),
        // documented limit: an unconfigured name without a title stays
        ("Anja was top", "Anja was top"),
        // --- URLs
        (
            "Kijk op https://www.praktijk.nl/team (mooi)",
            "Kijk op […] (mooi)",
        ),
        ("Kijk op www.verloskunde-devries.nl.", "Kijk op […]."),
        (
            "Kijk op praktijkdezon.nl voor info",
            "Kijk op […] voor info",
        ),
        // --- mixed and odd input
        (
            "baby Sem, 3480 gr, geboren 12-04-2024 om 03:12",
            "baby […], 3480 gr, geboren […] om […]",
        ),
        ("😀 Marieke 👶 06-12345678 السلام", "😀 […] 👶 […] السلام"),
        (
            "Top zorg. Groet, Sanne (s.jansen@voorbeeld.nl, 06-87654321)",
            "Top zorg. Groet, […] ([…], […])",
        ),
        (
            "Wij wonen in 1811 AB, vlak bij de praktijk.",
            "Wij wonen in […], vlak bij de praktijk.",
        ),
        ("", ""),
        ("   \t ", ""),
        ("  veel   spaties  ", "veel spaties"),
        ("regel 1\nregel 2", "regel 1\nregel 2"),
        // === Privacy issue, class 6: strings that used to be printed verbatim.
        // --- phones: a space between every digit, en/em dashes, odd hyphens, local numbers
        ("Bel 0 6 1 2 3 4 5 6 7 8 even", "Bel […] even"),
        ("0 6 \u{2013} 1 2 3 4 5 6 7 8", "[…]"),
        ("tel: 0 2 0 - 1 2 3 4 5 6 7", "tel: […]"),
        ("Bel +31 6 1 2 3 4 5 6 7 8", "Bel […]"),
        ("Bel 06\u{2013}12345678 even", "Bel […] even"),
        ("Bel 06\u{2014}1234 5678 even", "Bel […] even"),
        ("Bel 06 \u{2014} 1234 5678", "Bel […]"),
        ("Bel 06\u{2212}12345678", "Bel […]"),
        ("Bel 06\u{2011}1234\u{2011}5678", "Bel […]"),
        ("Bel 020 \u{2013} 123 45 67", "Bel […]"),
        ("Bel 020 \u{2014} 123 45 67 na 18 uur", "Bel […] na 18 uur"),
        ("Bel (020) \u{2013} 123 45 67", "Bel […]"),
        (
            "call me on 06 \u{2013} 1234 \u{2013} 5678",
            "call me on […]",
        ),
        ("Bel 06  12  34  56  78", "Bel […]"),
        (
            "Bel 06 12 34 56 78 \u{2013} na 17 uur",
            "Bel […] \u{2013} na 17 uur",
        ),
        (
            "Ons nummer is 123 45 67, bel gerust",
            "Ons nummer is […], bel gerust",
        ),
        ("bel 123-45-67 of 123 4567", "bel […] of […]"),
        ("thuis: 123\u{2013}45\u{2013}67", "thuis: […]"),
        ("Bel 1 2 3 4 5 6 7 na tienen", "Bel […] na tienen"),
        (
            "Bel me op 12 34 56 als er iets is",
            "Bel me op […] als er iets is",
        ),
        ("tel. 45 67 89", "tel. […]"),
        // --- e-mail: '@' with spaces, no top-level domain
        (
            "Mail jan @ gmail als je vragen hebt",
            "Mail […] als je vragen hebt",
        ),
        ("mail naar info@praktijk", "mail naar […]"),
        (
            "Mail naar info@praktijk-zuid of bel",
            "Mail naar […] of bel",
        ),
        ("jan @ gmail . com graag", "[…] graag"),
        ("Mail: anja.devries @ hotmail", "Mail: […]"),
        ("mail jan [at] praktijk", "mail […]"),
        ("email jane @ outlook, thanks", "email […], thanks"),
        ("mail jan@gmail. Toen kwam ze", "mail […]. Toen kwam ze"),
        // --- postcodes with a hyphen or dash
        ("postcode 1234-AB", "postcode […]"),
        ("1234-ab Utrecht", "[…] Utrecht"),
        ("postcode 1234 \u{2013} AB", "postcode […]"),
        ("3512\u{2011}JK Utrecht", "[…] Utrecht"),
        ("Wij wonen in 1234 ab, vlakbij", "Wij wonen in […], vlakbij"),
        // --- streets: lower case, the suffix alone, suffixes that were missing
        ("ik woon op de dorpsstraat 12", "ik woon op de […]"),
        ("adres: lindenlaan 4b", "adres: […]"),
        (
            "de kerkstraat 7a was makkelijk te vinden",
            "de […] was makkelijk te vinden",
        ),
        ("Kerkpad 3a, Zeist", "[…], Zeist"),
        ("Achterweg 2-4 achterom", "[…] achterom"),
        ("Molenhof 7 is ons adres", "[…] is ons adres"),
        ("We wonen aan de Singel 140", "We wonen aan de […]"),
        ("Wij wonen op de Brink 5", "Wij wonen op de […]"),
        ("Berkenallee 8, 2e verdieping", "[…], 2e verdieping"),
        ("Ik woon op de Vliet 23", "Ik woon op de […]"),
        ("ik woon aan de oude gracht 12", "ik woon aan de […]"),
        ("Het adres is Noordeinde 6", "Het adres is […]"),
        ("we wonen aan de Vecht 12", "we wonen aan de […]"),
        ("Oosterhaven 3\u{2013}B", "[…]"),
        ("I live at 12 Baker Street", "I live at […]"),
        // --- a name after a care role, or in brackets or quotes after a title
        (
            "kraamverzorgende Anja was top",
            "kraamverzorgende […] was top",
        ),
        (
            "kraamzorg Ingrid was geweldig",
            "kraamzorg […] was geweldig",
        ),
        (
            "kraamverpleegkundige Els hielp ons",
            "kraamverpleegkundige […] hielp ons",
        ),
        (
            "doktersassistente Sanne belde terug",
            "doktersassistente […] belde terug",
        ),
        ("anesthesioloog Van der Linden", "anesthesioloog […]"),
        (
            "de gynaecoloog dr. Visser kwam",
            "de gynaecoloog dr. […] kwam",
        ),
        ("echoscopist Bram was lief", "echoscopist […] was lief"),
        ("neonatoloog Bakker", "neonatoloog […]"),
        ("fysiotherapeut Karin", "fysiotherapeut […]"),
        (
            "De OK-assistent Mark was grappig",
            "De OK-assistent […] was grappig",
        ),
        (
            "anesthesioloog (Pieters) legde alles uit",
            "anesthesioloog ([…]) legde alles uit",
        ),
        ("Dr. (Jansen) was fijn", "Dr. ([…]) was fijn"),
        ("Dr. (Pietersen) was fijn", "Dr. ([…]) was fijn"),
        (
            "de verloskundige (Anja) en de kraamverzorgster (Petra)",
            "de verloskundige ([…]) en de kraamverzorgster ([…])",
        ),
        (
            "verloskundige \"Anja\" en zuster \u{201C}Ans\u{201D}",
            "verloskundige \"[…]\" en zuster \u{201C}[…]\u{201D}",
        ),
        (
            "the anaesthetist Dr Patel was kind",
            "the anaesthetist Dr […] was kind",
        ),
        (
            "midwife Sarah and sonographer Tom",
            "midwife […] and sonographer […]",
        ),
        // --- mevrouw/meneer (and other forms of address) + a lower-case name
        ("mevrouw de boer was aardig", "mevrouw […] was aardig"),
        (
            "meneer bakker zei dat het goed was",
            "meneer […] zei dat het goed was",
        ),
        ("mevrouw van dijk belde", "mevrouw […] belde"),
        ("dhr. van der meer", "dhr. […]"),
        ("mw. smit kwam langs", "mw. […] kwam langs"),
        ("de heer visser", "de heer […]"),
        ("meneer jansen", "meneer […]"),
        ("mrs smith was lovely", "mrs […] was lovely"),
        ("Mevrouw el-amrani hielp", "Mevrouw […] hielp"),
        ("meneer el khatib belde", "meneer […] belde"),
        ("mevrouw De boer", "mevrouw […]"),
        ("mevrouw smit-de wit", "mevrouw […]"),
        // --- BSN in groups of 2-2-2-3 and other groupings
        ("BSN 12 34 56 789", "BSN […]"),
        ("bsn: 12-34-56-789 klopt", "bsn: […] klopt"),
        ("bsn 12.34.56.789", "bsn […]"),
        ("BSN 123\u{2013}456\u{2013}789", "BSN […]"),
        ("BSN 1 2 3 4 5 6 7 8 9", "BSN […]"),
        // --- ordinary text that must stay
        ("We waren er om 10 uur", "We waren er om 10 uur"),
        ("Na 3 weken ging het beter", "Na 3 weken ging het beter"),
        (
            "We hebben 2 kinderen van 3 en 5 jaar",
            "We hebben 2 kinderen van 3 en 5 jaar",
        ),
        (
            "na 24 uur en 2 nachten naar huis",
            "na 24 uur en 2 nachten naar huis",
        ),
        (
            "Ik ben 34 jaar en dit was mijn 2e",
            "Ik ben 34 jaar en dit was mijn 2e",
        ),
        (
            "Ik geef een 8, mijn man een 9",
            "Ik geef een 8, mijn man een 9",
        ),
        ("Bevallen in week 38", "Bevallen in week 38"),
        (
            "De verloskundige kwam om 14.30",
            "De verloskundige kwam om 14.30",
        ),
        ("bloedverlies 500-1000 ml", "bloedverlies 500-1000 ml"),
        (
            "bloedverlies 500 \u{2013} 1000 ml",
            "bloedverlies 500 \u{2013} 1000 ml",
        ),
        ("We waren onderweg 2 uur", "We waren onderweg 2 uur"),
        (
            "op de snelweg 2 keer gestopt",
            "op de snelweg 2 keer gestopt",
        ),
        ("de weg 2 keer kwijt", "de weg 2 keer kwijt"),
        ("In Amsterdam 2020 bevallen", "In Amsterdam 2020 bevallen"),
        (
            "we woonden toen 2 jaar in Utrecht",
            "we woonden toen 2 jaar in Utrecht",
        ),
        (
            "Ik woon in Zeist met 2 kinderen",
            "Ik woon in Zeist met 2 kinderen",
        ),
        (
            "we wonen 5 minuten van het ziekenhuis",
            "we wonen 5 minuten van het ziekenhuis",
        ),
        (
            "Ze woog 3250 gram en was 51 cm",
            "Ze woog 3250 gram en was 51 cm",
        ),
        ("Kamer 123 was te klein", "Kamer 123 was te klein"),
        ("Ik heb 3 of 4 keer gebeld", "Ik heb 3 of 4 keer gebeld"),
        ("We hadden 2 @ 3 weeën", "We hadden 2 @ 3 weeën"),
        (
            "ik woon in zwolle 2 km van de praktijk",
            "ik woon in zwolle 2 km van de praktijk",
        ),
        ("2019 en 2021 bevallen", "2019 en 2021 bevallen"),
        ("Bij 10 cm ontsluiting", "Bij 10 cm ontsluiting"),
        ("Het duurde 2 - 3 dagen", "Het duurde 2 - 3 dagen"),
        ("Cijfer: 9/10 en 8/10", "Cijfer: 9/10 en 8/10"),
        ("De kraamzorg was top", "De kraamzorg was top"),
        ("Kraamzorg: Super fijn!", "Kraamzorg: Super fijn!"),
        (
            "de verloskundige (die avond dienst had) was lief",
            "de verloskundige (die avond dienst had) was lief",
        ),
        (
            "de gynaecoloog (erg aardig) kwam",
            "de gynaecoloog (erg aardig) kwam",
        ),
        (
            "I was in labour for 14 hours, she was 3 days old",
            "I was in labour for 14 hours, she was 3 days old",
        ),
        (
            "week 40+3 bevallen, 3 uur gepersd",
            "week 40+3 bevallen, 3 uur gepersd",
        ),
        (
            "tussen 9.00 en 17.00 bereikbaar",
            "tussen 9.00 en 17.00 bereikbaar",
        ),
        (
            "In de kraamweek 3 keer bezoek",
            "In de kraamweek 3 keer bezoek",
        ),
        // mevrouw/meneer followed by an ordinary word
        (
            "de mevrouw van de receptie was aardig",
            "de mevrouw van de receptie was aardig",
        ),
        (
            "mevrouw zei dat het goed ging",
            "mevrouw zei dat het goed ging",
        ),
        (
            "meneer en mevrouw waren lief",
            "meneer en mevrouw waren lief",
        ),
        ("de mevrouw die de echo deed", "de mevrouw die de echo deed"),
        (
            "mevrouw de verloskundige kwam snel",
            "mevrouw de verloskundige kwam snel",
        ),
        ("de meneer aan de balie", "de meneer aan de balie"),
        ("mevrouw belde ons terug", "mevrouw belde ons terug"),
        ("Mevrouw was erg vriendelijk", "Mevrouw was erg vriendelijk"),
        (
            "Meneer heeft ons goed geholpen",
            "Meneer heeft ons goed geholpen",
        ),
        ("een meneer van de thuiszorg", "een meneer van de thuiszorg"),
        ("Ik vond mevrouw heel lief", "Ik vond mevrouw heel lief"),
        (
            "de mevrouw met de bril legde het duidelijk uit",
            "de mevrouw met de bril legde het duidelijk uit",
        ),
        ("mevrouw eigenlijk ook", "mevrouw eigenlijk ook"),
        ("een student Verloskunde", "een student Verloskunde"),
    ];

    #[test]
    fn scrub_table() {
        let names = names();
        let mut failures = Vec::new();
        for (input, expected) in CASES {
            let got = scrub(input, &names);
            if got != *expected {
                failures.push(format!(
                    "{input:?}\n   got      {got:?}\n   expected {expected:?}"
                ));
            }
        }
        assert!(CASES.len() >= 160);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn scrub_is_idempotent_on_table() {
        let names = names();
        for (input, _) in CASES {
            let once = scrub(input, &names);
            assert_eq!(scrub(&once, &names), once, "input {input:?}");
        }
    }

    #[test]
    fn scrub_ignores_empty_and_single_letter_names() {
        let names = kw(&["", " ", "A", "."]);
        assert_eq!(scrub("A was er, a ook.", &names), "A was er, a ook.");
    }

    #[test]
    fn scrub_many_names_and_regex_characters() {
        let mut names: Vec<String> = (0..500).map(|i| format!("Naam{i} Achter{i}")).collect();
        names.push("(Bo)*[x]".to_string());
        let out = scrub("Naam7 en Achter499 en (Bo)*[x] en Naam7x", &names);
        assert_eq!(out, "[…] en […] en […] en Naam7x");
    }

    /// Deterministic pseudo-random strings of nasty characters: no panic, no long digit
    /// run survives, and theme matching and quote picking keep their promises.
    #[test]
    fn scrub_never_panics_on_noise() {
        let alphabet: Vec<char> = "0123456789 -./()+@[]…'’ aAbBéÉeE\u{301}\u{200B}\u{FEFF}\n\tmrtjanMarieke😀👶🏽\u{202E}שלום١٢٣ßİ"
            .chars()
            .collect();
        let names = names();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..120usize {
            let len = (i * 37) % 400;
            let mut s = String::new();
            for _ in 0..len {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let idx = usize::try_from(state >> 33).unwrap_or(0) % alphabet.len();
                s.push(alphabet[idx]);
            }
            let out = scrub(&s, &names);
            let mut run = 0;
            for c in out.chars() {
                run = if c.is_ascii_digit() { run + 1 } else { 0 };
                assert!(run < 7, "digit run survived in {out:?} from {s:?}");
            }
            // A theme of several keywords matches when one of them does.
            let keywords = ["ma", "é", ""];
            assert_eq!(
                matches_theme(&s, &kw(&keywords)),
                keywords.iter().any(|k| matches_theme(&s, &kw(&[k]))),
                "{s:?}"
            );
            // One text gives at most one quote: matching, scrubbed and short.
            let picked = pick_quotes(&[s.as_str()], &kw(&["a"]), &names, 3);
            assert!(picked.len() <= 1, "{picked:?}");
            for quote in &picked {
                assert!(matches_theme(&s, &kw(&["a"])), "{s:?}");
                assert!(quote.chars().count() <= 201, "{quote:?}");
                let mut run = 0;
                for c in quote.chars() {
                    run = if c.is_ascii_digit() { run + 1 } else { 0 };
                    assert!(run < 7, "digit run survived in {quote:?}");
                }
            }
        }
    }

    #[test]
    fn scrub_handles_very_long_text() {
        let unit = "Verloskundige Anja was top, bel 06-12345678 of mail jan@x.nl. ";
        let text = unit.repeat(2000);
        let out = scrub(&text, &names());
        assert!(!out.contains("Anja") && !out.contains('@') && !out.contains("0612"));
        assert!(out.starts_with("Verloskundige […] was top, bel […] of mail […]."));
    }

    #[test]
    fn theme_matches_at_word_start_only() {
        let k = kw(&["uitleg"]);
        assert!(matches_theme("Goede uitleggen gehad", &k));
        assert!(matches_theme("Uitleg, dat was fijn", &k));
        assert!(matches_theme("(UITLEG) top", &k));
        assert!(!matches_theme("geen duidelijke ontuitleg", &k));
        let t = kw(&["tijd"]);
        assert!(matches_theme("Ze nam de tijd", &t));
        assert!(matches_theme("tijdig", &t));
        assert!(!matches_theme("ontijdig gebeld", &t));
        assert!(!matches_theme("Op tijd", &kw(&["tijd voor"])));
        // accents and case, both ways
        assert!(matches_theme("De ÉCHO was fijn", &kw(&["echo"])));
        assert!(matches_theme("de echo was fijn", &kw(&["écho"])));
        // multi-word keywords across whitespace, not across glued words
        let tv = kw(&["tijd voor"]);
        assert!(matches_theme("Er was Tijd voor mij", &tv));
        assert!(matches_theme("Er was tijd  \n voor mij", &tv));
        assert!(!matches_theme("Er was tijdvoor mij", &tv));
        assert!(!matches_theme("ontijd voor", &tv));
        // a later occurrence counts when the first is inside a word
        assert!(matches_theme("ontijdig, maar op tijd", &t));
        // empty keywords never match
        assert!(!matches_theme("alles", &kw(&[])));
        assert!(!matches_theme("alles", &kw(&["", "  "])));
    }

    #[test]
    fn mentions_counts_distinct_keywords_by_the_theme_rule() {
        let k = kw(&[
            "uitleg",
            "tijd voor",
            "pijn",
            "pijnstilling",
            "Uitleg ",
            "",
            "man",
        ]);
        assert_eq!(mentions("Goede uitleg en tijd  voor ons", &k), 2);
        // a keyword and its longer form both count; equal after folding counts once
        assert_eq!(mentions("UITLEG over pijnstilling", &k), 3);
        // at the start of a word, which a keyword need not end: "man" finds "manier"
        assert_eq!(mentions("op een prettige manier", &k), 1);
        assert_eq!(mentions("de ontuitleg, mijn vriendelijke oom", &k), 0);
        assert_eq!(mentions("alles", &[]), 0);
        for text in ["Uitleg", "tijd voor pijn", "niets", "manier"] {
            assert_eq!(mentions(text, &k) > 0, matches_theme(text, &k), "{text}");
        }
    }

    #[test]
    fn pick_quotes_scrubs_filters_and_orders() {
        let texts = [
            // two keywords, long
            "De uitleg over pijnstilling was heel duidelijk en de verloskundige nam echt de tijd voor al onze vragen, ook midden in de nacht.",
            // one keyword, close to 120 chars after scrubbing
            "De uitleg van verloskundige Anja over de controles was helder, bel haar gerust op 06-12345678 als je twijfelt over iets.",
            // one keyword, short
            "Goede uitleg over de echo gehad.",
            // duplicate of the previous one (case/space)
            "goede   UITLEG over de echo gehad.",
            // no keyword
            "Het eten in het ziekenhuis was koud.",
            // too short after scrubbing
            "Uitleg: Marieke!",
            // mostly placeholders
            "uitleg Marieke 06-12345678 jan@x.nl 1234 AB 12-03-2025 Jansen",
        ];
        let keywords = kw(&["uitleg", "tijd voor"]);
        let names = names();
        let got = pick_quotes(&texts, &keywords, &names, 10);
        assert_eq!(
            got,
            vec![
                "De uitleg over pijnstilling was heel duidelijk en de verloskundige nam echt de tijd voor al onze vragen, ook midden in de nacht.".to_string(),
                // The Anja sentence needed scrubbing, so it is left out altogether.
                "Goede uitleg over de echo gehad.".to_string(),
            ]
        );
        // Of several sentences, only those without a scrubbed part are kept; a quote that
        // is the start of another is a duplicate.
        let sentences = [
            "De uitleg over de ruggenprik was niet duidelijk. Bel me op 06-12345678 als u vragen heeft.",
            "De uitleg over de ruggenprik was niet duidelijk.",
        ];
        assert_eq!(
            pick_quotes(&sentences, &keywords, &names, 10),
            vec!["De uitleg over de ruggenprik was niet duidelijk.".to_string()]
        );
        // max
        assert_eq!(pick_quotes(&texts, &keywords, &names, 1), got[..1].to_vec());
        assert!(pick_quotes(&texts, &keywords, &names, 0).is_empty());
        // deterministic and independent of input order
        let mut reversed = texts.to_vec();
        reversed.reverse();
        assert_eq!(pick_quotes(&reversed, &keywords, &names, 10), got);
        assert_eq!(pick_quotes(&texts, &keywords, &names, 10), got);
        // no keywords, no quotes
        assert!(pick_quotes(&texts, &[], &names, 10).is_empty());
    }

    #[test]
    fn pick_quotes_alphabetical_tie_break_and_length_preference() {
        let texts = [
            "Zeer goede uitleg gekregen van iedereen.",
            "Aardige mensen en goede uitleg gekregen.",
            "Uitleg was prima maar de wachttijd was echt veel te lang, wij zaten meer dan een uur in de wachtkamer zonder dat iemand iets zei.",
        ];
        let got = pick_quotes(&texts, &kw(&["uitleg"]), &[], 3);
        assert_eq!(got[0], texts[2]); // closest to 120 characters
        assert_eq!(got[1], texts[1]); // equal length: alphabetical
        assert_eq!(got[2], texts[0]);
    }

    #[test]
    fn pick_quotes_truncates_at_word_boundary() {
        let long = format!(
            "De uitleg was goed. {}",
            "heel erg fijn en rustig ".repeat(20)
        );
        let got = pick_quotes(&[long.as_str()], &kw(&["uitleg"]), &[], 1);
        assert_eq!(got.len(), 1);
        let q = &got[0];
        assert!(q.chars().count() <= MAX_QUOTE_CHARS, "{q}");
        assert!(
            q.ends_with("rustig…")
                || q.ends_with("fijn…")
                || q.ends_with("erg…")
                || q.ends_with("heel…")
                || q.ends_with("en…"),
            "{q}"
        );
        assert!(long.starts_with(q.trim_end_matches('…')));
        // one giant word: hard cut, still within the limit
        let blob = format!("uitleg {}", "x".repeat(500));
        let got = pick_quotes(&[blob.as_str()], &kw(&["uitleg"]), &[], 1);
        assert!(got[0].chars().count() <= MAX_QUOTE_CHARS);
    }

    #[test]
    fn truncation_never_splits_a_placeholder() {
        let s = format!("{}[…] rest", "a".repeat(198));
        let t = truncate_at_word(&s, MAX_QUOTE_CHARS);
        assert!(!t.contains('['), "{t}");
        assert!(t.chars().count() <= MAX_QUOTE_CHARS);
    }
}
