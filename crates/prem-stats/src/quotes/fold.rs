//! Text folded for comparison: lower case, accents removed. Keywords, texts, names and
//! quotes are compared folded.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `text` folded as [`Lexicon::mentions_folded`](super::Lexicon::mentions_folded)
/// expects: fold it once when it is matched against several lexicons.
pub fn fold_text(text: &str) -> String {
    fold_key(text)
}

/// Text folded for comparison: lower case, accents removed, with for every
/// byte of the folded text the byte range of its source character.
pub(super) struct Folded {
    pub(super) text: String,
    pub(super) src: Vec<(usize, usize)>,
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

pub(super) fn fold_with_map(s: &str) -> Folded {
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
pub(super) fn fold_key(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |d| folded.push(d));
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}
