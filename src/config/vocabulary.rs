//! The answer vocabularies prem knows (worst → best, with the spellings vendors use, in
//! Dutch and English) and the answers that mean "no answer". `prem init` guesses scales
//! from them; the data-quality report uses them to tell a scale's word from a client's.

/// A known answer vocabulary.
#[derive(Debug, PartialEq)]
pub struct Vocabulary {
    /// Scale id in the codebook, e.g. "frequentie".
    pub id: &'static str,
    /// Levels worst → best; each level's spellings (normalised), the first its name.
    pub levels: &'static [&'static [&'static str]],
    /// How many of the best levels count as top box.
    pub positive: usize,
    /// How many of the worst levels count as a problem.
    pub problem: usize,
    /// True for English spellings (to guess the report language).
    pub english: bool,
}

/// The vocabularies prem recognises.
pub const VOCABULARIES: &[Vocabulary] = &[
    Vocabulary {
        id: "frequentie",
        levels: &[&["nooit"], &["soms"], &["meestal", "vaak"], &["altijd"]],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "frequentie5",
        levels: &[
            &["nooit"],
            &["zelden"],
            &["soms"],
            &["vaak", "meestal"],
            &["altijd"],
        ],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "mate",
        levels: &[
            &["helemaal niet", "nee, helemaal niet", "nee helemaal niet"],
            &["een beetje", "enigszins", "ja, een beetje", "ja een beetje"],
            &["grotendeels", "ja, grotendeels", "ja grotendeels"],
            &["helemaal", "helemaal wel", "ja, helemaal", "ja helemaal"],
        ],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "mate5",
        levels: &[
            &["helemaal niet"],
            &["niet", "niet echt"],
            &["een beetje", "enigszins", "neutraal"],
            &["wel", "grotendeels"],
            &["helemaal wel", "helemaal"],
        ],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "eens",
        levels: &[
            &[
                "helemaal oneens",
                "helemaal mee oneens",
                "zeer oneens",
                "volledig oneens",
            ],
            &["oneens", "mee oneens", "niet mee eens"],
            &[
                "neutraal",
                "niet eens, niet oneens",
                "niet eens niet oneens",
                "neutraal / geen mening",
            ],
            &["eens", "mee eens"],
            &[
                "helemaal eens",
                "helemaal mee eens",
                "zeer eens",
                "volledig eens",
            ],
        ],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "oordeel",
        levels: &[
            &["zeer slecht", "heel slecht"],
            &["slecht"],
            &[
                "matig",
                "redelijk",
                "neutraal",
                "niet goed, niet slecht",
                "gemiddeld",
            ],
            &["goed"],
            &["zeer goed", "heel goed", "uitstekend"],
        ],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "tevredenheid",
        levels: &[
            &["zeer ontevreden", "heel ontevreden"],
            &["ontevreden"],
            &[
                "neutraal",
                "niet tevreden, niet ontevreden",
                "niet tevreden niet ontevreden",
            ],
            &["tevreden"],
            &["zeer tevreden", "heel tevreden"],
        ],
        positive: 1,
        problem: 2,
        english: false,
    },
    Vocabulary {
        id: "frequency",
        levels: &[
            &["never"],
            &["sometimes"],
            &["usually", "mostly"],
            &["always"],
        ],
        positive: 1,
        problem: 2,
        english: true,
    },
    Vocabulary {
        id: "frequency5",
        levels: &[
            &["never"],
            &["rarely"],
            &["sometimes"],
            &["often", "usually"],
            &["always"],
        ],
        positive: 1,
        problem: 2,
        english: true,
    },
    Vocabulary {
        id: "agreement",
        levels: &[
            &["strongly disagree"],
            &["disagree"],
            &["neither agree nor disagree", "neutral", "neither"],
            &["agree"],
            &["strongly agree"],
        ],
        positive: 1,
        problem: 2,
        english: true,
    },
    Vocabulary {
        id: "quality",
        levels: &[
            &["very poor", "very bad"],
            &["poor", "bad"],
            &["neither good nor poor", "fair", "average", "neutral", "ok"],
            &["good"],
            &["very good", "excellent"],
        ],
        positive: 1,
        problem: 2,
        english: true,
    },
    Vocabulary {
        id: "satisfaction",
        levels: &[
            &["very dissatisfied"],
            &["dissatisfied"],
            &["neither satisfied nor dissatisfied", "neutral"],
            &["satisfied"],
            &["very satisfied"],
        ],
        positive: 1,
        problem: 2,
        english: true,
    },
    Vocabulary {
        id: "extent",
        levels: &[
            &["not at all", "no, not at all"],
            &["a little", "to some extent", "yes, to some extent"],
            &["mostly", "a lot"],
            &[
                "completely",
                "yes, completely",
                "definitely",
                "yes, definitely",
            ],
        ],
        positive: 1,
        problem: 2,
        english: true,
    },
];

/// Answers that mean "no answer" (normalised).
pub const MISSING: &[&str] = &[
    "n.v.t.",
    "nvt",
    "n.v.t",
    "niet van toepassing",
    "weet niet",
    "weet ik niet",
    "geen mening",
    "geen antwoord",
    "wil ik niet zeggen",
    "zeg ik liever niet",
    "don't know",
    "dont know",
    "do not know",
    "not applicable",
    "n/a",
    "na",
    "prefer not to say",
    "no answer",
];

/// Whether a normalised value means "no answer".
pub fn is_missing(n: &str) -> bool {
    MISSING.contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_words_mean_no_answer_and_scale_words_do_not() {
        for n in ["n.v.t.", "nvt", "weet niet", "na", "no answer"] {
            assert!(is_missing(n), "{n}");
        }
        for n in ["nooit", "altijd", "goed", "", "n.v.t. "] {
            assert!(!is_missing(n), "{n}");
        }
    }

    /// What `prem init` and the data-quality report rely on: ids once, spellings
    /// normalised (lower case, trimmed), a spelling in one level only and never a missing
    /// word, and top box and problem levels that fit the scale without overlapping.
    #[test]
    fn every_vocabulary_is_well_formed() {
        let mut ids: Vec<&str> = VOCABULARIES.iter().map(|v| v.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), VOCABULARIES.len(), "an id twice");
        for v in VOCABULARIES {
            let k = v.levels.len();
            assert!(k >= 2, "{}", v.id);
            assert!(v.positive >= 1 && v.positive + v.problem <= k, "{}", v.id);
            let spellings: Vec<&str> = v.levels.iter().flat_map(|l| l.iter().copied()).collect();
            for s in &spellings {
                assert_eq!(*s, s.trim().to_lowercase(), "{}: {s}", v.id);
                assert!(!is_missing(s), "{}: {s} is a missing word", v.id);
                let levels = v.levels.iter().filter(|l| l.contains(s)).count();
                assert_eq!(levels, 1, "{}: {s} in {levels} levels", v.id);
            }
        }
    }
}
