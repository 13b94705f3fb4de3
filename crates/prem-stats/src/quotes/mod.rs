//! Anonymised client quotes from open survey answers.
//!
//! [`scrub`](scrub()) replaces personal data in free text with the placeholder
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
//! * configured names (see [`scrub`](scrub())), whole-word, case- and
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
//!
//! The parts: [`scrub`](scrub()) (`scrub.rs`) with its regular expressions (`patterns.rs`)
//! and word lists (`words.rs`); the configured names it removes (`names.rs`); text folded
//! for comparison (`fold.rs`); the keywords of a theme, [`Lexicon`] (`lexicon.rs`); and
//! [`pick_quotes`] (`pick.rs`).

mod fold;
mod lexicon;
mod names;
mod patterns;
mod pick;
mod scrub;
mod words;

pub use fold::fold_text;
pub use lexicon::{matches_theme, mentions, Lexicon};
pub use pick::pick_quotes;
pub use scrub::scrub;

/// The text that replaces each finding of personal data.
pub const PLACEHOLDER: &str = "[…]";

#[cfg(test)]
mod fixtures {
    //! What the tests of several parts share.

    pub(super) fn names() -> Vec<String> {
        ["Jansen", "Dr. de Vries", "Marieke", "Jose", "Anne-Marie"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    pub(super) fn kw(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| s.to_string()).collect()
    }
}
