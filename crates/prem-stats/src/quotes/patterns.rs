//! The regular expressions of [`scrub`](super::scrub()): one per kind of personal data,
//! built from the shared pieces (spaces, dashes, month names, titles) below.

use regex::Regex;
use std::sync::LazyLock;

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
        self.expect("a constant pattern of quotes/patterns.rs")
    }
}

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

pub(super) static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}._%+\-@/])(@[\p{L}\p{N}_][\p{L}\p{N}_.]*[\p{L}\p{N}_])")
        .constant()
});

pub(super) static URL: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static PHONE_NL_INTL: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static PHONE_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\+|\b00)",
        hs!(),
        r"?[1-9](?:",
        sep!(),
        r"?\(?[0-9]\)?){6,14}"
    ))
    .constant()
});

pub(super) static PHONE_NL: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) static BSN_GROUPED: LazyLock<Regex> = LazyLock::new(|| {
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
/// only when they are the whole run of digits (see `whole_digit_run` in `scrub.rs`),
/// since nine digits can also be the tail of a foreign phone number.
pub(super) static BSN_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!(r"\b[0-9](?:", bsn_sep!(), r"?[0-9]){8}\b")).constant());

/// Local numbers without an area code: 123 45 67, 123-45-67, 123 4567, and 7+
/// digits written one by one. Three-four only with a space: "500-1000 ml" is a range.
pub(super) static PHONE_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) static PHONE_CUED: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static LONG_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{7,}").constant());

pub(super) static IBAN: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
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
/// group 2: the number (checked by `street_word_ok` and `house_number_ok` in `scrub.rs`).
pub(super) static STREET: LazyLock<Regex> = LazyLock::new(|| {
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
/// but must then be capitalised (see `cued_street_ok` in `scrub.rs`). Group 1: street
/// and number, group 2: the number.
pub(super) static STREET_CUED: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) static STREET_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b[0-9]{1,5}[a-zA-Z]?",
        hs!(),
        r"+(?:\p{Lu}[\p{L}'’-]*",
        hs!(),
        r"+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Crescent|Way|Square|Place|Gardens|Terrace)\b"
    ))
    .constant()
});

pub(super) static DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})\b",
        r"|\b[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}\b"
    ))
    .constant()
});

pub(super) static DATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static TIME: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static TITLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
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
/// bakker"). Group 1: particles and the name, checked by `lower_name_ok` in `scrub.rs`
/// because "mevrouw zei" looks the same.
pub(super) static LOWER_TITLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) static STARTS_WITH_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!(r"^", titles!(), r"(?:[,:]?\s|$)")).constant());

pub(super) static MULTI_PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[…\](?:[ \t\x{A0}\x{2007}\x{202F}]*\[…\])+").constant());

pub(super) static MULTI_SPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t\x{A0}\x{2007}\x{202F}]{2,}").constant());
