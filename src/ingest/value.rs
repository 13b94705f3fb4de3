//! Interpreting single values as exports spell them: labels, numbers with a decimal comma,
//! dates in Dutch, ISO and Excel forms, and background values (parity, age).

use chrono::{Duration, NaiveDate, NaiveDateTime};
use unicode_normalization::UnicodeNormalization;

use crate::config::codebook::{AgeBands, ParityMap};
use crate::config::DateOrder;

/// Lower case, accents removed, inner whitespace collapsed, trimmed: how labels and column
/// names are compared ("  Één  Keer " and "een keer" are equal).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// A number as Dutch or English exports write it: `8`, `8.5`, `8,5`, ` 7 `.
/// A comma is a decimal comma when it is the only separator.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let parsed = if t.contains(',') && !t.contains('.') && t.matches(',').count() == 1 {
        t.replacen(',', ".", 1).parse::<f64>()
    } else {
        t.parse::<f64>()
    };
    parsed.ok().filter(|v| v.is_finite())
}

/// A date as exports write it: `31-12-2026`, `31/12/2026`, `2026-12-31`, any of those with a
/// time, ISO `2026-12-31T10:00:00`, or an Excel serial number (`46387`). Day and month are
/// read in `order` when the year comes last.
pub fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    // Excel serial day number (1900 system): plausible range 1954–2119.
    if t.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        let serial = parse_number(t)?;
        if (20_000.0..80_000.0).contains(&serial) {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            return base.checked_add_signed(Duration::days(serial.floor() as i64));
        }
        return None;
    }
    let date_part = t.split([' ', 'T']).next().unwrap_or(t);
    if let Ok(dt) = NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S") {
        return Some(dt.date());
    }
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if parts.len() != 3 {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>().ok())
        .collect::<Option<Vec<_>>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else if parts[2].len() == 4 {
        match order {
            DateOrder::Dmy => (nums[2], nums[1], nums[0]),
            DateOrder::Mdy => (nums[2], nums[0], nums[1]),
        }
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A date read without knowing whether day or month comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReading {
    /// Only one reading exists (ISO, Excel serial, or day/month that cannot be swapped).
    Sure(NaiveDate),
    /// Readable only with the day first (e.g. 17-10-2021).
    DayFirstOnly(NaiveDate),
    /// Readable only with the month first (e.g. 10/17/2021).
    MonthFirstOnly(NaiveDate),
    /// Both readings are valid and differ (e.g. 05-06-2021).
    Ambiguous {
        day_first: NaiveDate,
        month_first: NaiveDate,
    },
    /// Not a date.
    Invalid,
}

/// Reads a date in both orders, so a file's own evidence can decide (see
/// [`crate::config::Source::date_order`]).
pub fn read_date(text: &str) -> DateReading {
    let dmy = parse_date(text, DateOrder::Dmy);
    let mdy = parse_date(text, DateOrder::Mdy);
    match (dmy, mdy) {
        (Some(a), Some(b)) if a == b => DateReading::Sure(a),
        (Some(a), Some(b)) => DateReading::Ambiguous {
            day_first: a,
            month_first: b,
        },
        (Some(a), None) => DateReading::DayFirstOnly(a),
        (None, Some(b)) => DateReading::MonthFirstOnly(b),
        (None, None) => DateReading::Invalid,
    }
}

/// Whether this was the respondent's first child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Parity {
    /// First child (primipara).
    First,
    /// Not the first child (multipara).
    Later,
}

/// Reads parity: the codebook's spellings first, then common Dutch and English forms
/// (ja/nee, eerste kind, 1/0, primipara/multipara). A column is read as "first child?".
pub fn parse_parity(text: &str, map: &ParityMap) -> Option<Parity> {
    let n = normalize(text);
    if map.first.iter().any(|v| normalize(v) == n) {
        return Some(Parity::First);
    }
    if map.later.iter().any(|v| normalize(v) == n) {
        return Some(Parity::Later);
    }
    match n.as_str() {
        "ja" | "j" | "yes" | "y" | "1" | "true" | "waar" | "eerste" | "eerste kind" | "first"
        | "first child" | "primipara" | "primi" | "nullipara" | "nulliparous" | "primiparous" => {
            Some(Parity::First)
        }
        "nee"
        | "n"
        | "no"
        | "0"
        | "false"
        | "onwaar"
        | "niet het eerste kind"
        | "tweede of later"
        | "tweede kind of later"
        | "tweede of later kind"
        | "niet het eerste"
        | "not first"
        | "not the first"
        | "meerdere"
        | "later"
        | "multipara"
        | "multi"
        | "multiparous" => Some(Parity::Later),
        _ => None,
    }
}

/// Reads an age (years, or a band such as `<25`, `25-29`, `35 of ouder`) and returns the
/// index of its band in `bands` (0 = below the first bound).
pub fn parse_age_band(text: &str, bands: &AgeBands) -> Option<usize> {
    let n = normalize(text);
    if n.is_empty() {
        return None;
    }
    let numbers: Vec<f64> = n
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .filter_map(parse_number)
        .collect();
    let age = match numbers.as_slice() {
        [a] => {
            let below = n.starts_with('<')
                || ["jonger", "onder", "tot ", "younger", "under", "below"]
                    .iter()
                    .any(|w| n.contains(w));
            if below {
                a - 1.0
            } else {
                *a
            }
        }
        // "25-29", "25 t/m 29 jaar": the lower bound places the band.
        [a, b] if a < b => *a,
        _ => return None,
    };
    if !(10.0..=65.0).contains(&age) {
        return None;
    }
    Some(bands.bands.iter().filter(|b| age >= f64::from(**b)).count())
}

/// The label of age band `index` for `bands`, e.g. "<25", "25–29", "35+".
pub fn age_band_label(index: usize, bands: &AgeBands) -> String {
    let b = &bands.bands;
    match (index.checked_sub(1).and_then(|i| b.get(i)), b.get(index)) {
        (None, Some(hi)) => format!("<{hi}"),
        (Some(lo), Some(hi)) => format!("{lo}–{}", hi.saturating_sub(1)),
        (Some(lo), None) => format!("{lo}+"),
        (None, None) => "?".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn labels_compare_without_case_accents_or_spacing() {
        assert_eq!(normalize("  Één   Keer "), "een keer");
        assert_eq!(normalize("ALTIJD"), "altijd");
        assert_eq!(normalize("Geïnformeerd"), "geinformeerd");
    }

    #[test]
    fn numbers_with_decimal_comma() {
        assert_eq!(parse_number("8,5"), Some(8.5));
        assert_eq!(parse_number(" 7 "), Some(7.0));
        assert_eq!(parse_number("8.5"), Some(8.5));
        assert_eq!(parse_number("1,234,5"), None);
        assert_eq!(parse_number("goed"), None);
        assert_eq!(parse_number("NaN"), None);
    }

    #[test]
    fn dates_in_every_form_exports_use() {
        let dmy = DateOrder::Dmy;
        assert_eq!(parse_date("03-07-2026", dmy), d(2026, 7, 3));
        assert_eq!(parse_date("3/7/2026", dmy), d(2026, 7, 3));
        assert_eq!(parse_date("2026-07-03", dmy), d(2026, 7, 3));
        assert_eq!(parse_date("03-07-2026 14:05", dmy), d(2026, 7, 3));
        assert_eq!(parse_date("2026-07-03 14:05:00", dmy), d(2026, 7, 3));
        assert_eq!(parse_date("2026-07-03T14:05:00", dmy), d(2026, 7, 3));
        // Excel serial 46206 = 2026-07-03 (=DATE(2026;7;3) in Excel gives 46206)
        assert_eq!(parse_date("46206", dmy), d(2026, 7, 3));
        assert_eq!(parse_date("7/3/2026", DateOrder::Mdy), d(2026, 7, 3));
        assert_eq!(parse_date("31-02-2026", dmy), None);
        assert_eq!(parse_date("onbekend", dmy), None);
        assert_eq!(parse_date("12/25/2021", dmy), None);
    }

    #[test]
    fn dates_in_both_orders() {
        assert_eq!(
            read_date("2026-07-03"),
            DateReading::Sure(d(2026, 7, 3).unwrap())
        );
        assert_eq!(
            read_date("03-03-2026"),
            DateReading::Sure(d(2026, 3, 3).unwrap())
        );
        assert_eq!(
            read_date("17/10/2021"),
            DateReading::DayFirstOnly(d(2021, 10, 17).unwrap())
        );
        assert_eq!(
            read_date("10/17/2021"),
            DateReading::MonthFirstOnly(d(2021, 10, 17).unwrap())
        );
        assert_eq!(
            read_date("05/06/2021"),
            DateReading::Ambiguous {
                day_first: d(2021, 6, 5).unwrap(),
                month_first: d(2021, 5, 6).unwrap()
            }
        );
        assert_eq!(read_date("13/13/2021"), DateReading::Invalid);
    }

    #[test]
    fn parity_forms() {
        let m = ParityMap::default();
        assert_eq!(parse_parity("Ja", &m), Some(Parity::First));
        assert_eq!(parse_parity("Eerste kind", &m), Some(Parity::First));
        assert_eq!(parse_parity("multipara", &m), Some(Parity::Later));
        assert_eq!(parse_parity("0", &m), Some(Parity::Later));
        assert_eq!(parse_parity("misschien", &m), None);
        let custom = ParityMap {
            first: vec!["Primi (G1P0)".into()],
            later: vec![],
        };
        assert_eq!(parse_parity("primi (g1p0)", &custom), Some(Parity::First));
    }

    #[test]
    fn age_bands_from_years_and_labels() {
        let b = AgeBands::default(); // 25, 30, 35
        assert_eq!(parse_age_band("24", &b), Some(0));
        assert_eq!(parse_age_band("25", &b), Some(1));
        assert_eq!(parse_age_band("31", &b), Some(2));
        assert_eq!(parse_age_band("<25", &b), Some(0));
        assert_eq!(parse_age_band("jonger dan 25", &b), Some(0));
        assert_eq!(parse_age_band("25-29", &b), Some(1));
        assert_eq!(parse_age_band("35 of ouder", &b), Some(3));
        assert_eq!(parse_age_band("35+", &b), Some(3));
        assert_eq!(parse_age_band("onbekend", &b), None);
        assert_eq!(parse_age_band("150", &b), None);
        assert_eq!(age_band_label(0, &b), "<25");
        assert_eq!(age_band_label(2, &b), "30–34");
        assert_eq!(age_band_label(3, &b), "35+");
    }
}
