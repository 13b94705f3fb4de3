//! [`pick_quotes`]: the few quotes of a theme that may be shown, scrubbed, short and
//! distinct.

use super::fold::fold_key;
use super::lexicon::Lexicon;
use super::names::NameMatcher;
use super::scrub::scrub_with;
use super::PLACEHOLDER;

/// Quotes longer than this (in characters, including the `…`) are shortened.
const MAX_QUOTE_CHARS: usize = 200;
/// Preferred quote length in characters.
const IDEAL_QUOTE_CHARS: usize = 120;
/// Minimum number of letters/digits outside placeholders for a usable quote.
const MIN_CONTENT_CHARS: usize = 15;

/// Picks at most `max` anonymised quotes from `texts` for a theme.
///
/// Keeps texts matching the theme ([`matches_theme`](super::matches_theme)), scrubs
/// each ([`scrub`](super::scrub()) with `names`), collapses whitespace, drops quotes with
/// fewer than 15 letters/digits outside placeholders or with at least as many
/// placeholders as other words, shortens quotes over 200 characters at a word
/// boundary with `…`, and removes duplicates (case-, accent- and
/// whitespace-insensitive). Ordering: more keywords matched
/// ([`mentions`](super::mentions())) first, then length closest to 120 characters, then
/// alphabetical. Deterministic: the result does not depend on the order of `texts`.
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
    use crate::quotes::fixtures::{kw, names};

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
