//! What a column holds, guessed from its values: an answer scale (numeric range, a known
//! answer vocabulary, yes/no), free text, or neither.
//!
//! Answer vocabularies are listed worst → best, each level with the spellings vendors use,
//! in Dutch and English. A column is read on a vocabulary only when every answer it holds
//! (minus the "no answer" codes) is one of its levels: a partial match is not a guess
//! prem would make silently.
//!
//! What the guess holds of the export's values (levels as spelled, "no answer" codes, a
//! column's single value) is already what [`super::copy`] lets prem write.

use std::collections::BTreeMap;

use crate::config::vocabulary::{is_missing, Vocabulary, VOCABULARIES};
use crate::ingest::value::{normalize, parse_number};

use super::copy::{Clients, Shown};

/// Yes/no answers, as (no, yes) spellings.
const BINARY: &[(&str, &str, bool)] =
    &[("nee", "ja", false), ("no", "yes", true), ("n", "y", true)];

/// The guess for one column.
#[derive(Debug, Clone, PartialEq)]
pub enum Holds {
    /// Answers on a numeric scale `min..=max`; `missing` codes found beside it.
    Numeric {
        min: f64,
        max: f64,
        missing: Vec<String>,
    },
    /// Answers on a known vocabulary: `levels` as spelled in the data (the vocabulary's
    /// name where the data never uses a level), worst → best.
    Ordinal {
        vocabulary: &'static Vocabulary,
        levels: Vec<String>,
        missing: Vec<String>,
    },
    /// Answer labels the file itself orders (SPSS value labels), in code order.
    Labelled { levels: Vec<String> },
    /// Yes/no: `levels` = [no, yes] as spelled.
    Binary {
        levels: [String; 2],
        english: bool,
        missing: Vec<String>,
    },
    /// Free text (open answers).
    Text,
    /// Nothing prem can score; why, for the comment.
    Other(Unused),
}

/// Why a column is left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Unused {
    /// Empty in every row.
    Empty,
    /// One value only (described when few clients gave it).
    OneValue(Shown),
    /// Numbers beyond any answer scale (an id, a count, an age).
    Numbers,
    /// Labels of no known answer vocabulary: how many, and up to six that enough clients
    /// gave to be copied (a category, not one client's words).
    UnknownLabels { shown: Vec<String>, distinct: usize },
    /// Not a column of the built-in codebook the source uses.
    NotInCodebook,
}

/// Distinct values with their counts, by normalised form (first spelling kept).
pub fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> BTreeMap<String, (String, usize)> {
    let mut out: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for v in values {
        let e = out
            .entry(normalize(v))
            .or_insert_with(|| (v.to_string(), 0));
        e.1 += 1;
    }
    out
}

/// What a column with these non-empty values (and SPSS answer labels `labels`) holds;
/// `clients` says who gave each value, and so which of them may be written as they are.
pub fn holds<'a>(
    values: impl Iterator<Item = &'a str> + Clone,
    labels: &[String],
    clients: &Clients,
) -> Holds {
    let all = distinct(values.clone());
    if all.is_empty() {
        return Holds::Other(Unused::Empty);
    }
    let (missing, answers): (Vec<_>, Vec<_>) = all.iter().partition(|(n, _)| is_missing(n));
    // A "no answer" code is a word of prem's list: its own spelling when few gave it.
    let missing: Vec<String> = missing
        .iter()
        .map(|(n, (v, _))| clients.word(v, n))
        .collect();
    if !labels.is_empty() {
        return labelled(labels, &answers, missing, clients);
    }
    if answers.is_empty() {
        return Holds::Other(Unused::OneValue(Shown::Text(missing.join(", "))));
    }
    if answers.iter().all(|(n, _)| parse_number(n).is_some()) {
        return numeric(&answers, missing, clients);
    }
    if let Some(h) = vocabulary(&answers, &missing, clients) {
        return h;
    }
    if let Some(h) = binary(&answers, &missing, clients) {
        return h;
    }
    if is_text(values) {
        return Holds::Text;
    }
    if answers.len() == 1 {
        return Holds::Other(Unused::OneValue(clients.shown(&answers[0].1 .0)));
    }
    let shown = answers
        .iter()
        .filter_map(|(_, (v, _))| clients.value(v))
        .take(6)
        .collect();
    Holds::Other(Unused::UnknownLabels {
        shown,
        distinct: answers.len(),
    })
}

/// SPSS answer labels: ordered by the file, or by a vocabulary they all belong to.
fn labelled(
    labels: &[String],
    answers: &[(&String, &(String, usize))],
    missing: Vec<String>,
    clients: &Clients,
) -> Holds {
    let normal: Vec<(String, (String, usize))> = labels
        .iter()
        .map(|l| (normalize(l), (l.clone(), 0)))
        .collect();
    let refs: Vec<(&String, &(String, usize))> = normal.iter().map(|(n, v)| (n, v)).collect();
    if let Some(h) = vocabulary(&refs, &missing, clients) {
        return h;
    }
    if let Some(h) = binary(&refs, &missing, clients) {
        return h;
    }
    // Numbers with labels only at the ends ("1 = slecht", "10 = uitstekend"): a range.
    if labels.len() < 3 && answers.iter().all(|(n, _)| parse_number(n).is_some()) {
        return numeric(answers, missing, clients);
    }
    Holds::Labelled {
        levels: labels.to_vec(),
    }
}

/// Numbers: the smallest usual scale that holds them. Codes far above it (9 beside 1–5,
/// 99, 98, 999) are "no answer" codes, written only when enough clients gave them (else a
/// report lists them among the data-quality entries).
fn numeric(
    answers: &[(&String, &(String, usize))],
    mut missing: Vec<String>,
    clients: &Clients,
) -> Holds {
    let mut numbers: Vec<(f64, &str)> = answers
        .iter()
        .filter_map(|(n, (v, _))| parse_number(n).map(|x| (x, v.as_str())))
        .collect();
    numbers.sort_by(|a, b| a.0.total_cmp(&b.0));
    let whole = numbers.iter().all(|(x, _)| x.fract() == 0.0);
    let is_code = |x: f64, rest_max: f64| {
        whole && (x >= 90.0 || (x == 9.0 && rest_max <= 5.0) || (x == 8.0 && rest_max <= 5.0))
    };
    while numbers.len() > 2 {
        let (x, v) = numbers[numbers.len() - 1];
        let rest_max = numbers[numbers.len() - 2].0;
        if !is_code(x, rest_max) {
            break;
        }
        missing.extend(clients.value(v));
        numbers.pop();
    }
    let (Some(&(lo, _)), Some(&(hi, _))) = (numbers.first(), numbers.last()) else {
        return Holds::Other(Unused::Empty);
    };
    if numbers.len() == 1 {
        return Holds::Other(Unused::OneValue(clients.shown(numbers[0].1)));
    }
    if !whole || lo < 0.0 || hi > 10.0 {
        return Holds::Other(Unused::Numbers);
    }
    let (min, max) = if lo == 0.0 {
        (0.0, 10.0)
    } else if hi <= 4.0 {
        (1.0, 4.0)
    } else if hi <= 5.0 {
        (1.0, 5.0)
    } else if hi <= 7.0 {
        (1.0, 7.0)
    } else {
        (1.0, 10.0)
    };
    Holds::Numeric { min, max, missing }
}

/// The vocabulary every answer belongs to, the one with the fewest levels of those. A level
/// is spelled as the data spell it when enough clients gave it, else as prem does.
fn vocabulary(
    answers: &[(&String, &(String, usize))],
    missing: &[String],
    clients: &Clients,
) -> Option<Holds> {
    if answers.len() < 2 {
        return None;
    }
    let level_of = |v: &Vocabulary, n: &str| v.levels.iter().position(|l| l.contains(&n));
    let fits = VOCABULARIES
        .iter()
        .filter(|v| answers.iter().all(|(n, _)| level_of(v, n).is_some()))
        .min_by_key(|v| v.levels.len())?;
    let levels = fits
        .levels
        .iter()
        .enumerate()
        .map(|(i, spellings)| {
            answers
                .iter()
                .find(|(n, _)| level_of(fits, n) == Some(i))
                .map_or_else(
                    || capitalise(spellings[0]),
                    |(n, (v, _))| clients.word(v, n),
                )
        })
        .collect();
    Some(Holds::Ordinal {
        vocabulary: fits,
        levels,
        missing: missing.to_vec(),
    })
}

fn binary(
    answers: &[(&String, &(String, usize))],
    missing: &[String],
    clients: &Clients,
) -> Option<Holds> {
    let (no, yes, english) = BINARY.iter().find(|(no, yes, _)| {
        answers.len() == 2
            && answers
                .iter()
                .all(|(n, _)| n.as_str() == *no || n.as_str() == *yes)
    })?;
    let spelled = |w: &str| {
        answers
            .iter()
            .find(|(n, _)| n.as_str() == w)
            .map_or_else(|| w.to_string(), |(_, (v, _))| clients.word(v, w))
    };
    Some(Holds::Binary {
        levels: [spelled(no), spelled(yes)],
        english: *english,
        missing: missing.to_vec(),
    })
}

/// Free text: most values are different and have several words.
fn is_text<'a>(values: impl Iterator<Item = &'a str>) -> bool {
    let (mut n, mut words) = (0usize, 0usize);
    let mut seen = std::collections::HashSet::new();
    for v in values {
        n += 1;
        words += v.split_whitespace().count();
        seen.insert(v);
    }
    // Open answers repeat now and then ("Niets", "Alles goed"); names and codes are short.
    n > 0 && words >= 3 * n && (seen.len() * 3 >= n || seen.len() >= 10)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::init::copy::MIN_CLIENTS;

    /// The guess when every value was given by enough clients to be copied.
    fn guess(values: &[&str]) -> Holds {
        let many: Vec<String> = values
            .iter()
            .flat_map(|v| std::iter::repeat_n(v.to_string(), MIN_CLIENTS))
            .collect();
        holds(
            values.iter().copied(),
            &[],
            &Clients::count(&many, None, many.len()),
        )
    }

    /// The guess when each row is one client.
    fn guess_rows(values: &[&str]) -> Holds {
        let rows: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        holds(
            values.iter().copied(),
            &[],
            &Clients::count(&rows, None, rows.len()),
        )
    }

    fn levels(h: &Holds) -> Vec<String> {
        match h {
            Holds::Ordinal { levels, .. } => levels.clone(),
            other => panic!("{other:?}"),
        }
    }

    /// The guessing rules, one row each: values → what prem reads them as.
    #[test]
    fn answer_sets_are_read_as_the_scale_they_are() {
        let numeric = |v: &[&str]| match guess(v) {
            Holds::Numeric { min, max, missing } => (min, max, missing),
            other => panic!("{v:?}: {other:?}"),
        };
        assert_eq!(numeric(&["7", "8", "10", "6"]), (1.0, 10.0, vec![]));
        assert_eq!(numeric(&["0", "9", "10", "3"]), (0.0, 10.0, vec![]));
        assert_eq!(numeric(&["1", "3", "5", "4"]), (1.0, 5.0, vec![]));
        assert_eq!(numeric(&["1", "2", "4"]), (1.0, 4.0, vec![]));
        assert_eq!(
            numeric(&["1", "2", "3", "9"]),
            (1.0, 4.0, vec!["9".to_string()])
        );
        assert_eq!(
            numeric(&["7", "8", "99"]),
            (1.0, 10.0, vec!["99".to_string()])
        );
        assert_eq!(guess(&["8,5", "7"]), Holds::Other(Unused::Numbers));
        assert_eq!(guess(&["19", "33", "44"]), Holds::Other(Unused::Numbers));
        assert_eq!(
            guess(&["1", "1"]),
            Holds::Other(Unused::OneValue(Shown::Text("1".into())))
        );

        assert_eq!(
            levels(&guess(&["Altijd", "meestal", "Soms", "Weet ik niet"])),
            ["Nooit", "Soms", "meestal", "Altijd"]
        );
        assert_eq!(
            levels(&guess(&["Zeer goed", "Goed", "Slecht"])),
            ["Zeer slecht", "Slecht", "Matig", "Goed", "Zeer goed"]
        );
        assert_eq!(
            levels(&guess(&["Eens", "Helemaal eens", "Neutraal", "Oneens"])),
            [
                "Helemaal oneens",
                "Oneens",
                "Neutraal",
                "Eens",
                "Helemaal eens"
            ]
        );
        assert_eq!(
            levels(&guess(&["Never", "Always", "Usually", "Don't know"])),
            ["Never", "Sometimes", "Usually", "Always"]
        );
        assert_eq!(
            levels(&guess(&["Strongly agree", "Agree", "Disagree"]))[4],
            "Strongly agree"
        );
        assert_eq!(
            levels(&guess(&["helemaal niet", "een beetje", "helemaal wel"])),
            ["helemaal niet", "een beetje", "Grotendeels", "helemaal wel"]
        );
        match guess(&["Altijd", "Soms", "n.v.t."]) {
            Holds::Ordinal {
                missing,
                vocabulary,
                ..
            } => {
                assert_eq!(missing, ["n.v.t."]);
                assert_eq!(vocabulary.id, "frequentie");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            guess(&["Ja", "Nee", "Ja"]),
            Holds::Binary {
                levels: ["Nee".into(), "Ja".into()],
                english: false,
                missing: vec![]
            }
        );
        assert!(matches!(
            guess(&["Y", "N"]),
            Holds::Binary { english: true, .. }
        ));
        assert_eq!(
            guess(&[
                "De kraamzorg was heel fijn en behulpzaam",
                "Meer uitleg over borstvoeding graag",
                "Niets, alles ging goed zo",
            ]),
            Holds::Text
        );
        let practices: Vec<&str> = ["Praktijk De Bron"; 6]
            .into_iter()
            .chain(["Praktijk Zee"; 5])
            .chain(["Anja"])
            .collect();
        assert_eq!(
            guess_rows(&practices),
            Holds::Other(Unused::UnknownLabels {
                shown: vec!["Praktijk De Bron".into(), "Praktijk Zee".into()],
                distinct: 3
            })
        );
        // Values few clients gave are counted, never copied into prem.toml.
        assert_eq!(
            guess_rows(&["Anja", "Bert", "Anja"]),
            Holds::Other(Unused::UnknownLabels {
                shown: vec![],
                distinct: 2
            })
        );
    }

    /// What few clients gave is not copied: a single value is described, a level or a "no
    /// answer" code is spelled as prem spells it, a "no answer" number left out.
    #[test]
    fn values_few_clients_gave_are_not_copied() {
        assert_eq!(
            guess_rows(&["Kevin Jansen"; 4]),
            Holds::Other(Unused::OneValue(Shown::Described {
                chars: 12,
                clients: 4
            }))
        );
        assert_eq!(
            guess_rows(&["huiselijk geweld"]),
            Holds::Other(Unused::OneValue(Shown::Described {
                chars: 16,
                clients: 1
            }))
        );
        let mut answers = vec!["altijd"; 5];
        answers.extend(["SOMS", "meestal", "Weet Niet"]);
        match guess_rows(&answers) {
            Holds::Ordinal {
                levels, missing, ..
            } => {
                // Copied, prem's own word capitalised as given, unused.
                assert_eq!(levels, ["Nooit", "Soms", "meestal", "altijd"]);
                assert_eq!(missing, ["Weet niet"]);
            }
            other => panic!("{other:?}"),
        }
        let mut grades = vec!["7"; 5];
        grades.extend(["8", "99"]);
        assert_eq!(
            guess_rows(&grades),
            Holds::Numeric {
                min: 1.0,
                max: 10.0,
                missing: vec![]
            }
        );
    }

    #[test]
    fn spss_labels_order_the_levels() {
        let labels: Vec<String> = ["Nooit", "Soms", "Meestal", "Altijd"]
            .map(String::from)
            .to_vec();
        let none = Clients::default();
        let h = holds(["Altijd", "Soms"].into_iter(), &labels, &none);
        assert_eq!(levels(&h), labels);
        let own: Vec<String> = ["Slecht", "Kan beter", "Prima"].map(String::from).to_vec();
        assert_eq!(
            holds(["Prima"].into_iter(), &own, &none),
            Holds::Labelled { levels: own }
        );
    }
}
