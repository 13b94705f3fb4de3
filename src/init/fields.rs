//! Which column is which canonical field (respondent, VSV, date …), guessed from column
//! names as Dutch and English exports spell them, and checked against the values.

use std::collections::HashSet;

use crate::config::codebook::{AgeBands, ParityMap};
use crate::ingest::value::{normalize, parse_age_band, parse_parity, read_date, DateReading};

use super::export::Column;

/// A canonical field of a respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Respondent,
    Vsv,
    Organisation,
    CareType,
    Date,
    Parity,
    Age,
    Education,
    PlaceOfBirth,
}

impl Field {
    /// Every field, in the order prem.toml lists them.
    pub const ALL: [Field; 9] = [
        Field::Respondent,
        Field::Vsv,
        Field::Organisation,
        Field::CareType,
        Field::Date,
        Field::Parity,
        Field::Age,
        Field::Education,
        Field::PlaceOfBirth,
    ];

    /// The key in `[source.columns]`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Respondent => "respondent",
            Field::Vsv => "vsv",
            Field::Organisation => "organisation",
            Field::CareType => "care_type",
            Field::Date => "date",
            Field::Parity => "parity",
            Field::Age => "age",
            Field::Education => "education",
            Field::PlaceOfBirth => "place_of_birth",
        }
    }

    /// Column names meaning this field: whole names, then words a name contains
    /// (normalised). Earlier entries are better.
    fn names(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Field::Respondent => (
                &[
                    "respondentnummer",
                    "respondent id",
                    "respondentid",
                    "respondent",
                    "resp_id",
                    "respid",
                    "response id",
                    "responseid",
                    "id",
                    "record id",
                    "volgnummer",
                    "deelnemer",
                    "participant id",
                ],
                &["respondent"],
            ),
            Field::Vsv => (
                &[
                    "vsv",
                    "trust",
                    "geboortezorgnetwerk",
                    "netwerk",
                    "vsv naam",
                    "unit",
                ],
                &["vsv", "verloskundig samenwerkingsverband", "trust"],
            ),
            Field::Organisation => (
                &[
                    "zorgaanbieder",
                    "organisatie",
                    "organisation",
                    "organization",
                    "praktijk",
                ],
                &[
                    "zorgaanbieder",
                    "organisatie",
                    "organisation",
                    "provider",
                    "praktijk",
                    "verloskundigenpraktijk",
                    "kraamzorgorganisatie",
                    "ziekenhuis",
                    "service type 1",
                    "instelling",
                    "locatie",
                    "afdeling",
                ],
            ),
            Field::CareType => (
                &[
                    "zorgsoort",
                    "care type",
                    "zorgtype",
                    "soort zorg",
                    "type zorg",
                ],
                &["zorgsoort", "care type", "soort zorg"],
            ),
            Field::Date => (
                &[
                    "datum ingevuld",
                    "datum",
                    "date",
                    "submitdate",
                    "tijd van voltooien",
                    "ingevuld op",
                    "completed",
                    "starttijd",
                    "begintijd",
                    "startdate",
                ],
                &[
                    "datum", "date", "ingevuld", "voltooi", "submit", "tijd", "time",
                ],
            ),
            Field::Parity => (
                &["eerste kind", "pariteit", "parity"],
                &[
                    "eerste kind",
                    "pariteit",
                    "parity",
                    "first baby",
                    "first child",
                    "eerder bevallen",
                ],
            ),
            Field::Age => (
                &["leeftijd", "age", "leeftijdsgroep", "age group"],
                &["leeftijd", "age"],
            ),
            Field::Education => (
                &["opleiding", "opleidingsniveau", "education"],
                &["opleiding", "education"],
            ),
            Field::PlaceOfBirth => (
                &[
                    "plaats bevalling",
                    "place of birth",
                    "bevalplaats",
                    "plaats van bevalling",
                ],
                &[
                    "plaats bevalling",
                    "plaats van de bevalling",
                    "waar bent u bevallen",
                    "place of birth",
                    "where did you give birth",
                ],
            ),
        }
    }
}

/// How sure a guess is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sure {
    /// Only the values or only a loose name point at it.
    Low,
    /// The name matches but the values were not checked (or only loosely).
    Medium,
    /// Name and values agree.
    High,
}

/// One field's column.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldGuess {
    pub field: Field,
    /// Index into the export's columns.
    pub column: usize,
    pub sure: Sure,
}

/// Score of a column name for a field: 3 an exact name, 2 a contained word, 0 none; the
/// earlier in the list, the higher within a class.
fn name_score(field: Field, name: &str) -> u32 {
    let n = normalize(name);
    let (exact, contains) = field.names();
    if let Some(i) = exact.iter().position(|e| *e == n) {
        return 3000 - i as u32;
    }
    let words: Vec<&str> = n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let spaced = format!(" {} ", words.join(" "));
    contains
        .iter()
        .position(|c| spaced.contains(&format!(" {c} ")))
        .map_or(0, |i| 2000 - i as u32)
}

/// Share (0–1) of a column's filled values that fit the field.
fn value_fit(field: Field, column: &Column) -> f64 {
    let filled: Vec<&str> = column.filled().collect();
    if filled.is_empty() {
        return 0.0;
    }
    let fit = |f: &dyn Fn(&str) -> bool| {
        filled.iter().filter(|v| f(v)).count() as f64 / filled.len() as f64
    };
    match field {
        Field::Date => fit(&|v| !matches!(read_date(v), DateReading::Invalid)),
        Field::Parity => fit(&|v| parse_parity(v, &ParityMap::default()).is_some()),
        Field::Age => fit(&|v| parse_age_band(v, &AgeBands::default()).is_some()),
        Field::CareType => {
            // Care types, not the names of one kind of organisation ("Verloskundigenpraktijk
            // De Bron"): at least two kinds among the values.
            let kinds: HashSet<usize> = filled.iter().filter_map(|v| care_type_kind(v)).collect();
            if kinds.len() < 2 {
                0.0
            } else {
                fit(&|v| care_type_kind(v).is_some())
            }
        }
        Field::Respondent => {
            let distinct: HashSet<&str> = filled.iter().copied().collect();
            // A respondent may have a few rows (care types, comments), not dozens.
            if distinct.len() * 4 >= filled.len() && distinct.len() > 1 {
                1.0
            } else {
                0.0
            }
        }
        Field::Vsv | Field::Organisation | Field::Education | Field::PlaceOfBirth => {
            let distinct: HashSet<&str> = filled.iter().copied().collect();
            // A unit is named, not numbered: a column of 1s is a tick box ("Organisation &
            // efficiency" among the NHS FFT's topic columns).
            let named = matches!(field, Field::Vsv | Field::Organisation);
            if named
                && distinct
                    .iter()
                    .all(|v| crate::ingest::value::parse_number(v).is_some())
            {
                return 0.0;
            }
            // Answers on a scale make a question, whatever its words ("Kon u de praktijk
            // makkelijk bereiken?" is not the organisation).
            if matches!(
                // Only the kind matters here, not what may be written.
                super::scale::holds(
                    column.filled(),
                    &column.levels,
                    &super::copy::Clients::default()
                ),
                super::scale::Holds::Ordinal { .. }
                    | super::scale::Holds::Binary { .. }
                    | super::scale::Holds::Numeric { .. }
            ) {
                return 0.0;
            }
            // A few names, repeated; not free text, not an id.
            if distinct.len() <= 200 && distinct.len() * 2 <= filled.len() {
                1.0
            } else {
                0.0
            }
        }
    }
}

/// The kind of birth care a value names: 0 midwife, 1 hospital, 2 maternity home care.
pub fn care_type_kind(v: &str) -> Option<usize> {
    let n = normalize(v);
    const KINDS: [&[&str]; 3] = [
        &["verloskund", "midwife", "midwives", "eerstelijn"],
        &[
            "ziekenhuis",
            "hospital",
            "gynaecolo",
            "tweedelijn",
            "klinisch",
        ],
        &["kraam", "maternity", "postnatal"],
    ];
    KINDS
        .iter()
        .position(|words| words.iter().any(|w| n.contains(w)))
}

/// The canonical fields found among `columns`: each field its best column, each column at
/// most one field.
pub fn guess(columns: &[Column]) -> Vec<FieldGuess> {
    let mut taken: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    // Fields whose names are distinctive first, so "Datum" is not taken by anything else.
    let order = [
        Field::Date,
        Field::CareType,
        Field::Parity,
        Field::Age,
        Field::Education,
        Field::PlaceOfBirth,
        Field::Respondent,
        Field::Vsv,
        Field::Organisation,
    ];
    for field in order {
        // (name score, value fit, column, filled rows)
        let mut best: Option<(u32, f64, usize, usize)> = None;
        for (i, c) in columns.iter().enumerate() {
            if taken.contains(&i) {
                continue;
            }
            let name = name_score(field, &c.name).max(
                c.label
                    .as_deref()
                    .map_or(0, |l| name_score(field, l).saturating_sub(500)),
            );
            let fit = value_fit(field, c);
            // A name alone is enough only where values cannot tell (a VSV's name); a
            // care-type or date column must hold care types or dates.
            let needs_values = matches!(
                field,
                Field::Date | Field::CareType | Field::Parity | Field::Age | Field::Respondent
            );
            let value_only = matches!(field, Field::Date | Field::CareType);
            let ok = if name > 0 {
                (!needs_values || fit >= 0.8) && (fit > 0.0 || field == Field::Vsv)
            } else {
                value_only && fit >= 0.95
            };
            if !ok {
                continue;
            }
            let filled = c.filled().count();
            // Dates: the fullest column first (a submit date is empty for unfinished
            // responses), then the best name.
            let better = match best {
                None => true,
                Some((bn, _, _, bfilled)) if field == Field::Date => {
                    filled * 50 > bfilled * 51 || (filled * 51 >= bfilled * 50 && name > bn)
                }
                Some((bn, _, _, _)) => name > bn,
            };
            if better {
                best = Some((name, fit, i, filled));
            }
        }
        if let Some((name, fit, i, _)) = best {
            let sure = match (name > 0, fit >= 0.8) {
                (true, true) if name > 2500 || field != Field::Vsv => Sure::High,
                (true, _) => Sure::Medium,
                _ => Sure::Low,
            };
            taken.insert(i);
            out.push(FieldGuess {
                field,
                column: i,
                sure,
            });
        }
    }
    out.sort_by_key(|g| g.field);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(name: &str, values: &[&str]) -> Column {
        Column {
            name: name.into(),
            label: None,
            levels: Vec::new(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    fn found(columns: &[Column]) -> Vec<(&'static str, String)> {
        guess(columns)
            .iter()
            .map(|g| (g.field.key(), columns[g.column].name.clone()))
            .collect()
    }

    /// The guessing rules for canonical columns, one export each: headers and values →
    /// which column is which field.
    #[test]
    fn columns_are_found_by_name_and_checked_by_value() {
        // PREM long layout, Dutch.
        let prem = [
            col("Respondentnummer", &["1", "1", "2", "3"]),
            col("VSV", &["VSV Noord", "VSV Noord", "VSV Zuid", "VSV Zuid"]),
            col(
                "Zorgaanbieder",
                &["Praktijk A", "Ziekenhuis B", "Praktijk A", "Praktijk A"],
            ),
            col(
                "Zorgsoort",
                &[
                    "verloskundigenpraktijk",
                    "ziekenhuis",
                    "kraamzorg",
                    "ziekenhuis",
                ],
            ),
            col(
                "Datum ingevuld",
                &["01-02-2026", "01-02-2026", "13-02-2026", "2026-03-01"],
            ),
            col("Eerste kind", &["Ja", "Ja", "Nee", "Nee"]),
            col("Leeftijd", &["31", "31", "25-29", "35 of ouder"]),
            col("Opleidingsniveau", &["hoog", "hoog", "laag", "laag"]),
            col("Persoonlijke aandacht", &["8", "9", "7", "10"]),
        ];
        assert_eq!(
            found(&prem),
            [
                ("respondent", "Respondentnummer".into()),
                ("vsv", "VSV".into()),
                ("organisation", "Zorgaanbieder".into()),
                ("care_type", "Zorgsoort".into()),
                ("date", "Datum ingevuld".into()),
                ("parity", "Eerste kind".into()),
                ("age", "Leeftijd".into()),
                ("education", "Opleidingsniveau".into()),
            ]
        );
        // NHS FFT, English: "Respondent ID" repeats (one row per comment) but is the
        // respondent; "Comment ID" is not.
        let fft = [
            col("Comment ID", &["a1", "a2", "a3", "a4"]),
            col("Trust", &["NEAS", "NEAS", "NHFT", "NHFT"]),
            col("Respondent ID", &["1", "1", "2", "3"]),
            col(
                "Date",
                &["30/09/2021", "30/09/2021", "10/17/2021", "01/10/2021"],
            ),
            col("Service type 1", &["111", "111", "PTS", "PTS"]),
        ];
        assert_eq!(
            found(&fft),
            [
                ("respondent", "Respondent ID".into()),
                ("vsv", "Trust".into()),
                ("organisation", "Service type 1".into()),
                ("date", "Date".into()),
            ]
        );
        // Microsoft Forms: the completion time beats the start time only when as full; a
        // "Naam" column of names is no field.
        let forms = [
            col("ID", &["1", "2", "3"]),
            col(
                "Begintijd",
                &[
                    "2026-05-01 10:00:00",
                    "2026-05-02 11:00:00",
                    "2026-05-03 12:00:00",
                ],
            ),
            col(
                "Tijd van voltooien",
                &[
                    "2026-05-01 10:05:00",
                    "2026-05-02 11:05:00",
                    "2026-05-03 12:05:00",
                ],
            ),
            col("Naam", &["", "", ""]),
            col("Was dit uw eerste kind?", &["Ja", "Nee", "Ja"]),
            col("Wat is uw leeftijd?", &["29", "33", "41"]),
        ];
        assert_eq!(
            found(&forms),
            [
                ("respondent", "ID".into()),
                ("date", "Tijd van voltooien".into()),
                ("parity", "Was dit uw eerste kind?".into()),
                ("age", "Wat is uw leeftijd?".into()),
            ]
        );
        // LimeSurvey: submitdate is empty for unfinished responses, startdate is full.
        let lime = [
            col("id", &["1", "2", "3", "4"]),
            col(
                "submitdate",
                &["2026-05-01 10:00:00", "", "2026-05-03 12:00:00", ""],
            ),
            col(
                "startdate",
                &[
                    "2026-05-01 09:50:00",
                    "2026-05-02 11:00:00",
                    "2026-05-03 11:50:00",
                    "2026-05-04 08:00:00",
                ],
            ),
            col("lastpage", &["3", "1", "3", "2"]),
        ];
        assert_eq!(
            found(&lime),
            [("respondent", "id".into()), ("date", "startdate".into())]
        );
        // By values alone: an unnamed column of care types; a "Datum" of no dates is none.
        let unnamed = [
            col("kolom1", &["Kraamzorg", "Ziekenhuis", "Verloskundige"]),
            col("Datum", &["ja", "nee", "ja"]),
        ];
        assert_eq!(found(&unnamed), [("care_type", "kolom1".into())]);
    }
}
