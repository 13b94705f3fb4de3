//! The configured names (staff, clients, babies) that [`scrub`](super::scrub()) removes:
//! each name and its variants (without the title, word by word) in one regex over the
//! folded text.

use regex::{Regex, RegexBuilder};
use unicode_normalization::char::is_combining_mark;

use super::fold::{fold_key, fold_with_map};
use super::words::{NAME_TITLES, PARTICLES};

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
pub(super) struct NameMatcher {
    regexes: Vec<Regex>,
}

impl NameMatcher {
    pub(super) fn new(names: &[String]) -> Self {
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
    pub(super) fn spans(&self, text: &str) -> Vec<(usize, usize)> {
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
