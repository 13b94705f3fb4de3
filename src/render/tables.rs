//! Tables: `scores.csv` (and `.xlsx`, `.parquet`), `reliability.csv`.
//!
//! CSV is RFC 4180, comma, dot decimals, UTF-8, with fixed decimals so that the same inputs
//! give the same bytes. Every CSV of the report goes through one writer, [`csv_bytes`], so
//! that no name or label can run as a spreadsheet formula: text is [`neutralise`]d (in XLSX
//! too), and a field holding `;` or a tab is quoted, since Dutch Excel splits on `;`.
//! A suppressed row carries no numbers: not even n.

use polars::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::ingest::Canonical;
use crate::score::{Cell, Measure, Scores, Tier};

/// The columns of scores.csv, in order (spec §6), then the extra interval columns.
pub const SCORE_COLUMNS: &[&str] = &[
    "period",
    "vsv",
    "organisation",
    "care_type",
    "theme",
    "item",
    "n",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "top_box_pct",
    "problem_pct",
    "status",
    "std_mean",
    "z",
    "band",
    "change_prev",
    "p_prev",
    "change_year",
    "p_year",
    "spc_signal",
    "top_box_ci_low",
    "top_box_ci_high",
    "problem_ci_low",
    "problem_ci_high",
    "covers",
];

/// One row of scores.csv.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreRow {
    pub period: String,
    pub vsv: String,
    pub organisation: String,
    pub care_type: String,
    pub theme: String,
    pub item: String,
    pub n: Option<u64>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub top_box_pct: Option<f64>,
    pub problem_pct: Option<f64>,
    pub status: String,
    pub std_mean: Option<f64>,
    pub z: Option<f64>,
    pub band: String,
    pub change_prev: Option<f64>,
    pub p_prev: Option<f64>,
    pub change_year: Option<f64>,
    pub p_year: Option<f64>,
    pub spc_signal: String,
    pub top_box_ci_low: Option<f64>,
    pub top_box_ci_high: Option<f64>,
    pub problem_ci_low: Option<f64>,
    pub problem_ci_high: Option<f64>,
    /// Rows over care types: the care types averaged (the shown ones), " + "-joined.
    pub covers: String,
}

/// The theme and item ids of a cell as written in the tables.
pub fn measure_ids(data: &Canonical, m: Measure) -> (String, String) {
    let item_theme = |i: u16| match data.items[i as usize].role {
        crate::ingest::ItemRole::Theme(t) => data.themes[t].id.clone(),
        _ => String::new(),
    };
    match m {
        Measure::Theme(t) => (data.themes[t as usize].id.clone(), String::new()),
        Measure::Item(i) => (item_theme(i), data.items[i as usize].id.clone()),
        Measure::Grade(_) => ("rapportcijfer".into(), String::new()),
        Measure::Nps(_) => ("nps".into(), String::new()),
    }
}

/// One row per cell.
pub fn score_rows(data: &Canonical, scores: &Scores) -> Vec<ScoreRow> {
    scores.cells.iter().map(|c| score_row(data, c)).collect()
}

fn score_row(data: &Canonical, c: &Cell) -> ScoreRow {
    let name = |id: Option<u32>| id.map_or(String::new(), |i| data.names.get(i).to_string());
    let (theme, item) = measure_ids(data, c.measure);
    let s = c.stats.filter(|_| c.tier != Tier::Suppressed);
    let cmp = Some(&c.comparison).filter(|_| c.tier != Tier::Suppressed);
    ScoreRow {
        period: c.period.to_string(),
        vsv: name(c.vsv),
        organisation: name(c.organisation),
        care_type: name(c.care_type),
        theme,
        item,
        n: s.map(|s| s.n),
        mean: s.map(|s| s.mean),
        sd: s.and_then(|s| s.sd),
        ci_low: s.and_then(|s| s.ci).map(|c| c.0),
        ci_high: s.and_then(|s| s.ci).map(|c| c.1),
        top_box_pct: s.and_then(|s| s.top_box).map(|p| p.pct),
        problem_pct: s.and_then(|s| s.problem).map(|p| p.pct),
        status: c.tier.status().to_string(),
        std_mean: cmp.and_then(|x| x.std_mean),
        z: cmp.and_then(|x| x.z),
        band: cmp
            .and_then(|x| x.band)
            .map_or(String::new(), |b| crate::compare::band_id(b).to_string()),
        change_prev: cmp.and_then(|x| x.prev).map(|t| t.change),
        p_prev: cmp.and_then(|x| x.prev).map(|t| t.p),
        change_year: cmp.and_then(|x| x.year).map(|t| t.change),
        p_year: cmp.and_then(|x| x.year).map(|t| t.p),
        spc_signal: cmp
            .and_then(|x| x.spc_signal)
            .map_or(String::new(), |v| crate::trend::variation_id(v).to_string()),
        top_box_ci_low: s.and_then(|s| s.top_box).map(|p| p.low),
        top_box_ci_high: s.and_then(|s| s.top_box).map(|p| p.high),
        problem_ci_low: s.and_then(|s| s.problem).map(|p| p.low),
        problem_ci_high: s.and_then(|s| s.problem).map(|p| p.high),
        covers: c
            .covers
            .iter()
            .map(|&ct| data.names.get(ct))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Neutralises text a spreadsheet would run as a formula: a `'` goes before a `= + - @`
/// that starts the text, or starts a piece after a `;` or tab (blanks between allowed),
/// since Dutch Excel splits a comma file on `;` and reads each piece as a cell; and before
/// a leading tab or carriage return. Numbers (`-0.5`, `2.500e-9`) are numbers, not text,
/// and stay as they are.
pub fn neutralise(text: &str) -> String {
    if is_number(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut piece_start = true;
    for c in text.chars() {
        let leading_blank = out.is_empty() && matches!(c, '\t' | '\r');
        if piece_start && (matches!(c, '=' | '+' | '-' | '@') || leading_blank) {
            out.push('\'');
        }
        out.push(c);
        piece_start = matches!(c, ';' | '\t') || (piece_start && c == ' ');
    }
    out
}

/// A plain decimal number as the tables write them: `-0.5`, `12`, `2.500e-9`.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => digits(whole) && (fraction.is_empty() || digits(fraction)),
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)))
}

/// A number with `decimals` decimals; "-0.0000" becomes "0.0000".
pub fn fixed(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let s = format!("{x:.decimals$}");
            if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
                s[1..].to_string()
            } else {
                s
            }
        }
        _ => String::new(),
    }
}

/// A p-value: six decimals, or scientific below 0.000001 (so tiny p is not printed as 0).
pub fn p_value(v: Option<f64>) -> String {
    match v {
        Some(p) if p.is_finite() && p > 0.0 && p < 1e-6 => format!("{p:.3e}"),
        other => fixed(other, 6),
    }
}

fn row_fields(r: &ScoreRow) -> Vec<String> {
    vec![
        r.period.clone(),
        r.vsv.clone(),
        r.organisation.clone(),
        r.care_type.clone(),
        r.theme.clone(),
        r.item.clone(),
        r.n.map(|n| n.to_string()).unwrap_or_default(),
        fixed(r.mean, 4),
        fixed(r.sd, 4),
        fixed(r.ci_low, 4),
        fixed(r.ci_high, 4),
        fixed(r.top_box_pct, 2),
        fixed(r.problem_pct, 2),
        r.status.clone(),
        fixed(r.std_mean, 4),
        fixed(r.z, 4),
        r.band.clone(),
        fixed(r.change_prev, 4),
        p_value(r.p_prev),
        fixed(r.change_year, 4),
        p_value(r.p_year),
        r.spc_signal.clone(),
        fixed(r.top_box_ci_low, 2),
        fixed(r.top_box_ci_high, 2),
        fixed(r.problem_ci_low, 2),
        fixed(r.problem_ci_high, 2),
        r.covers.clone(),
    ]
}

/// The one CSV writer of the report: RFC 4180, comma, CRLF line ends. Every field is
/// [`neutralise`]d (numbers stay numbers) and quoted when it holds a comma, a quote, a line
/// break, a `;` or a tab.
pub fn csv_bytes(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = String::new();
    let mut record = |fields: &mut dyn Iterator<Item = &str>| {
        for (i, field) in fields.enumerate() {
            if i > 0 {
                out.push(',');
            }
            let text = neutralise(field);
            if text.contains([',', '"', '\r', '\n', ';', '\t']) {
                out.push('"');
                out.push_str(&text.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&text);
            }
        }
        out.push_str("\r\n");
    };
    record(&mut header.iter().copied());
    for r in rows {
        record(&mut r.iter().map(String::as_str));
    }
    out.into_bytes()
}

/// scores.csv.
pub fn scores_csv(rows: &[ScoreRow]) -> Result<Vec<u8>> {
    Ok(csv_bytes(SCORE_COLUMNS, rows.iter().map(row_fields)))
}

/// scores.xlsx: the same table with numbers as numbers, a frozen header and a fixed
/// creation date (so the bytes are the same on every run).
pub fn scores_xlsx(rows: &[ScoreRow]) -> Result<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| Error::Output {
        path: "scores.xlsx".into(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1).map_err(err)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name("scores").map_err(err)?;
    let bold = Format::new().set_bold();
    for (c, h) in SCORE_COLUMNS.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let fields = row_fields(r);
        let numbers: [Option<f64>; 27] = [
            None,
            None,
            None,
            None,
            None,
            None,
            r.n.map(|n| n as f64),
            r.mean,
            r.sd,
            r.ci_low,
            r.ci_high,
            r.top_box_pct,
            r.problem_pct,
            None,
            r.std_mean,
            r.z,
            None,
            r.change_prev,
            r.p_prev,
            r.change_year,
            r.p_year,
            None,
            r.top_box_ci_low,
            r.top_box_ci_high,
            r.problem_ci_low,
            r.problem_ci_high,
            None,
        ];
        for (c, text) in fields.iter().enumerate() {
            match numbers[c] {
                Some(x) if x.is_finite() => {
                    sheet.write_number(row, c as u16, x).map_err(err)?;
                }
                _ if !text.is_empty() => {
                    sheet
                        .write_string(row, c as u16, neutralise(text))
                        .map_err(err)?;
                }
                _ => {}
            }
        }
    }
    sheet
        .autofilter(0, 0, rows.len() as u32, (SCORE_COLUMNS.len() - 1) as u16)
        .map_err(err)?;
    book.save_to_buffer().map_err(err)
}

/// The score rows as a polars DataFrame (typed columns, nulls where empty).
pub fn scores_frame(rows: &[ScoreRow]) -> PolarsResult<DataFrame> {
    let s = |f: fn(&ScoreRow) -> &String| rows.iter().map(|r| f(r).clone()).collect::<Vec<_>>();
    let opt = |f: fn(&ScoreRow) -> Option<f64>| rows.iter().map(f).collect::<Vec<_>>();
    let text = |v: Vec<String>| {
        v.into_iter()
            .map(|x| (!x.is_empty()).then_some(x))
            .collect::<Vec<_>>()
    };
    DataFrame::new_infer_height(vec![
        Column::new("period".into(), s(|r| &r.period)),
        Column::new("vsv".into(), text(s(|r| &r.vsv))),
        Column::new("organisation".into(), text(s(|r| &r.organisation))),
        Column::new("care_type".into(), text(s(|r| &r.care_type))),
        Column::new("theme".into(), s(|r| &r.theme)),
        Column::new("item".into(), text(s(|r| &r.item))),
        Column::new("n".into(), rows.iter().map(|r| r.n).collect::<Vec<_>>()),
        Column::new("mean".into(), opt(|r| r.mean)),
        Column::new("sd".into(), opt(|r| r.sd)),
        Column::new("ci_low".into(), opt(|r| r.ci_low)),
        Column::new("ci_high".into(), opt(|r| r.ci_high)),
        Column::new("top_box_pct".into(), opt(|r| r.top_box_pct)),
        Column::new("problem_pct".into(), opt(|r| r.problem_pct)),
        Column::new("status".into(), s(|r| &r.status)),
        Column::new("std_mean".into(), opt(|r| r.std_mean)),
        Column::new("z".into(), opt(|r| r.z)),
        Column::new("band".into(), text(s(|r| &r.band))),
        Column::new("change_prev".into(), opt(|r| r.change_prev)),
        Column::new("p_prev".into(), opt(|r| r.p_prev)),
        Column::new("change_year".into(), opt(|r| r.change_year)),
        Column::new("p_year".into(), opt(|r| r.p_year)),
        Column::new("spc_signal".into(), text(s(|r| &r.spc_signal))),
        Column::new("top_box_ci_low".into(), opt(|r| r.top_box_ci_low)),
        Column::new("top_box_ci_high".into(), opt(|r| r.top_box_ci_high)),
        Column::new("problem_ci_low".into(), opt(|r| r.problem_ci_low)),
        Column::new("problem_ci_high".into(), opt(|r| r.problem_ci_high)),
        Column::new("covers".into(), text(s(|r| &r.covers))),
    ])
}

/// scores.parquet.
pub fn scores_parquet(rows: &[ScoreRow]) -> Result<Vec<u8>> {
    let err = |e: PolarsError| Error::Output {
        path: "scores.parquet".into(),
        message: e.to_string(),
    };
    let mut df = scores_frame(rows).map_err(err)?;
    let mut buf = Vec::new();
    ParquetWriter::new(&mut buf).finish(&mut df).map_err(err)?;
    Ok(buf)
}

/// reliability.csv: Cronbach's α per theme and period.
pub fn reliability_csv(data: &Canonical, scores: &Scores) -> Result<Vec<u8>> {
    Ok(csv_bytes(
        &["period", "theme", "n", "alpha"],
        scores.reliability.iter().map(|r| {
            vec![
                r.period.to_string(),
                data.themes[r.theme as usize].id.clone(),
                // The count of a group too small to show stays hidden too.
                if r.alpha.is_some() {
                    r.n.to_string()
                } else {
                    String::new()
                },
                fixed(r.alpha, 4),
            ]
        }),
    ))
}

/// `tables/flags.csv`: one row per flag; `reasons` are ids joined by `;`, `evidence` is
/// `name=value` pairs joined by `;` (dot decimals).
pub fn flags_csv(data: &Canonical, flags: &[crate::flags::Flag]) -> Result<Vec<u8>> {
    use crate::flags::Reason;
    let rows = flags.iter().map(|f| {
        let vsv = f
            .vsv
            .map_or_else(String::new, |v| data.names.get(v).to_string());
        let theme = data
            .themes
            .get(f.theme as usize)
            .map_or_else(String::new, |t| t.id.clone());
        let reasons: Vec<&str> = f.reasons.iter().map(|r| r.id(f.kind)).collect();
        let mut evidence = vec![format!("score={}", fixed(Some(f.score), 4))];
        if let Some((lo, hi)) = f.ci {
            evidence.push(format!("ci={}-{}", fixed(Some(lo), 4), fixed(Some(hi), 4)));
        }
        if let Some(r) = f.region {
            evidence.push(format!("region={}", fixed(Some(r), 4)));
        }
        evidence.push(format!("n={}", f.n));
        for r in &f.reasons {
            match r {
                Reason::Band { z, .. } => evidence.push(format!("z={}", fixed(Some(*z), 3))),
                Reason::Change { against, change } => {
                    let which = match against {
                        crate::flags::Against::Previous => "prev",
                        crate::flags::Against::YearBefore => "year",
                    };
                    evidence.push(format!("change_{which}={}", fixed(Some(change.change), 4)));
                    evidence.push(format!("p_{which}={}", p_value(Some(change.p))));
                }
                Reason::TopScore { value, .. } => {
                    let name = match f.kind {
                        crate::flags::FlagKind::Improvement => "verbeterscore",
                        crate::flags::FlagKind::Strength => "topbox_score",
                    };
                    evidence.push(format!("{name}={}", fixed(Some(*value), 4)));
                }
                Reason::Target { target } => {
                    evidence.push(format!("target={}", fixed(Some(*target), 2)));
                }
                Reason::Spc => {}
            }
        }
        vec![
            f.period.to_string(),
            vsv,
            theme,
            f.kind.id().to_string(),
            f.rank.to_string(),
            reasons.join(";"),
            evidence.join(";"),
        ]
    });
    Ok(csv_bytes(
        &[
            "period", "vsv", "theme", "kind", "rank", "reasons", "evidence",
        ],
        rows,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("VSV Alkmaar"), "VSV Alkmaar");
        assert_eq!(neutralise("\tx"), "'\tx");
        // Dutch Excel splits on `;`: every piece is made safe.
        assert_eq!(neutralise("x;=cmd|' /C calc'!A0"), "x;'=cmd|' /C calc'!A0");
        assert_eq!(neutralise("a; +1;@b\t-c"), "a; '+1;'@b\t'-c");
        assert_eq!(neutralise("score=7.0;z=-2.6"), "score=7.0;z=-2.6");
        assert_eq!(neutralise("Noord-Holland"), "Noord-Holland");
    }

    #[test]
    fn numbers_are_not_neutralised() {
        for n in ["-0.5", "0.5", "-12", "2.500e-9", "-1.5E+3", "7."] {
            assert_eq!(neutralise(n), n);
        }
        for t in ["-", "-.5", "-1-2", "-inf", "-NaN", "-1e", "--1", "-1,5"] {
            assert!(neutralise(t).starts_with('\''), "{t}");
        }
    }

    #[test]
    fn one_writer_quotes_what_dutch_excel_would_split() {
        let bytes = csv_bytes(
            &["a", "b", "c"],
            [
                vec![
                    "x;=cmd|' /C calc'!A0".to_string(),
                    "-0.5".into(),
                    "=1+2".into(),
                ],
                vec!["tab\there".into(), "say \"hi\", ok".into(), "plain".into()],
            ],
        );
        let text = String::from_utf8(bytes).unwrap_or_default();
        assert_eq!(
            text,
            "a,b,c\r\n\"x;'=cmd|' /C calc'!A0\",-0.5,'=1+2\r\n\"tab\there\",\"say \"\"hi\"\", ok\",plain\r\n"
        );
        // RFC 4180 readers get the neutralised values back.
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let row = r.records().next().and_then(|x| x.ok()).unwrap_or_default();
        assert_eq!(&row[0], "x;'=cmd|' /C calc'!A0");
        assert_eq!(&row[1], "-0.5");
    }

    #[test]
    fn tiny_p_values_stay_readable() {
        assert_eq!(p_value(Some(0.0123456)), "0.012346");
        assert_eq!(p_value(Some(2.5e-9)), "2.500e-9");
        assert_eq!(p_value(Some(0.0)), "0.000000");
        assert_eq!(p_value(None), "");
    }

    #[test]
    fn fixed_decimals_never_print_negative_zero() {
        assert_eq!(fixed(Some(-0.00001), 4), "0.0000");
        assert_eq!(fixed(Some(7.25), 2), "7.25");
        assert_eq!(fixed(None, 2), "");
        assert_eq!(fixed(Some(f64::NAN), 2), "");
    }
}
