//! Keyword matching: which of a theme's keywords a text mentions.

use super::fold::fold_key;

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
/// matching rule that [`mentions`], [`matches_theme`] and
/// [`pick_quotes`](super::pick_quotes) share. Build it once for many texts (folding a
/// theme's keywords for every text costs more than the match).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// All keywords in one automaton: one pass over a text finds every keyword (a
    /// substring search per keyword cost more than the rest of the comparison stage).
    automaton: Option<aho_corasick::AhoCorasick>,
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

    /// [`Lexicon::mentions`] of a text already folded by [`fold_text`](super::fold_text).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::fixtures::kw;

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
}
