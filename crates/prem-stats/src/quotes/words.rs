//! The word lists of [`scrub`](super::scrub()): the words that tell a finding from ordinary
//! text (a unit after a number, a stop word after a title) and the parts of a name.

/// Two-letter words after four digits that make the match ordinary text, not
/// a postcode, unless the letters are written in capitals ("1234 AB").
#[rustfmt::skip]
pub(super) const POSTCODE_STOP: &[&str] = &[
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
pub(super) const TITLE_STOP: &[&str] = &[
    "ik", "wij", "we", "ze", "zij", "hij", "het", "een", "u", "jij", "je", "jullie", "iedereen",
    "allemaal", "alles", "allen", "voor", "en", "maar", "ook", "heel", "super", "erg", "echt",
    "dat", "dit", "die", "nog", "als", "toen", "daarna", "team", "the", "i", "you", "for", "and",
    "all", "everyone", "so", "very", "verloskunde", "geneeskunde",
];

/// Leading words of a configured name that are titles, not part of the name.
#[rustfmt::skip]
pub(super) const NAME_TITLES: &[&str] = &[
    "dr", "drs", "dokter", "prof", "mr", "mrs", "ms", "mevrouw", "mevr", "mw", "meneer", "dhr",
    "zuster", "zr", "verloskundige",
];

/// Words after a number that make it a count or measure, not a phone or house
/// number ("onderweg 2 uur", "500 \u{2013} 1000 ml").
#[rustfmt::skip]
pub(super) const UNIT_WORDS: &[&str] = &[
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
pub(super) const LOWER_STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef", "pad",
    "plantsoen", "boulevard", "allee", "hof",
];

/// Lower-case words after "mevrouw"/"meneer" that are not a name: function
/// words, verbs, adjectives ("mevrouw zei", "meneer was aardig"). Checked only
/// without a surname particle, since "de jong" and "de wit" are names.
#[rustfmt::skip]
pub(super) const LOWER_NAME_STOP: &[&str] = &[
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
pub(super) const LOWER_NAME_NOUNS: &[&str] = &[
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
pub(super) const LOWER_NAME_NOUN_ENDINGS: &[&str] = &[
    "tie", "sie", "zorg", "heid", "kunde", "dienst", "afdeling", "balie", "bureau", "kliniek",
    "praktijk", "apotheek", "ziekenhuis",
];

/// Surname particles: never matched on their own.
pub(super) const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "von", "du", "da",
    "di", "del", "op", "in",
];
