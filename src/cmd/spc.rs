//! `prem spc FILE --value COL [--date COL]`: XmR numbers of any indicator series.

use std::process::ExitCode;

use prem::error::InputProblem;
use prem::i18n::{fill, Language, Msg};
use prem::ingest::table::SimpleTable;
use prem::ingest::value::{parse_number, read_date, DateReading};
use prem::period::Period;
use prem::render::charts::spc::SpcPlot;
use prem::render::figures::{spc_legend, spc_points};
use prem::render::labels::Words;
use prem::report::output::write_atomic;
use prem::spc::{xmr, Direction, SpcChart, SpcOptions, SpcPoint};
use serde::Serialize;

use crate::cli::{ImprovementArg, SpcArgs};

/// One point as printed by `--json`: its label, the numbers, and the rules that fired.
#[derive(Serialize)]
struct Point<'a> {
    label: &'a str,
    #[serde(flatten)]
    point: &'a SpcPoint,
    rules: Vec<&'static str>,
}

#[derive(Serialize)]
struct Output<'a> {
    value_column: &'a str,
    screened: bool,
    points: Vec<Point<'a>>,
    #[serde(flatten)]
    chart: ChartSummary<'a>,
}

#[derive(Serialize)]
struct ChartSummary<'a> {
    segments: &'a [prem::spc::SpcSegment],
    improvement: Direction,
    variation_icon: Option<prem::spc::VariationIcon>,
    assurance: Option<prem::spc::Assurance>,
    short_group_warning: bool,
    min_points: usize,
    too_few_points: bool,
}

/// A row of the series: sort key, label as written, value (NaN when missing).
type Row = (Option<(i32, u32, u32)>, String, f64);

/// A sort key for a row's date or period label.
fn sort_key(text: &str) -> Option<(i32, u32, u32)> {
    if let Some(p) = Period::parse(text) {
        return Some((p.year, p.index, 0));
    }
    use chrono::Datelike;
    match read_date(text) {
        DateReading::Sure(d) | DateReading::DayFirstOnly(d) | DateReading::MonthFirstOnly(d) => {
            Some((d.year(), d.month(), d.day()))
        }
        DateReading::Ambiguous { day_first, .. } => {
            Some((day_first.year(), day_first.month(), day_first.day()))
        }
        DateReading::Invalid => None,
    }
}

pub fn run(a: SpcArgs) -> anyhow::Result<ExitCode> {
    let lang = Language::default();
    let table = SimpleTable::read(&a.file)?;
    let value_col = table.column(&a.file, &a.value)?;
    let date_col = match &a.date {
        Some(d) => Some(table.column(&a.file, d)?),
        None => None,
    };
    let mut rows: Vec<Row> = Vec::new();
    for (row, fields) in &table.rows {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let raw = fields.get(value_col).map_or("", |v| v.trim());
        let value = if raw.is_empty() {
            f64::NAN
        } else {
            parse_number(raw).unwrap_or_else(|| {
                eprintln!(
                    "{}",
                    lang.say(
                        Msg::NotANumber,
                        &[("row", row), ("column", &a.value), ("value", &raw)]
                    )
                );
                f64::NAN
            })
        };
        let (key, label) = match date_col {
            Some(c) => {
                let text = fields.get(c).map_or("", |v| v.trim()).to_string();
                let Some(key) = sort_key(&text) else {
                    let problem = InputProblem::NotADate {
                        row: *row,
                        column: a.date.clone().unwrap_or_default(),
                        value: text,
                    };
                    return Err(prem::Error::input(&a.file, problem).into());
                };
                (Some(key), text)
            }
            None => (None, row.to_string()),
        };
        rows.push((key, label, value));
    }
    rows.sort_by_key(|r| r.0);
    if rows.iter().all(|r| r.2.is_nan()) {
        let problem = InputProblem::NoValues {
            column: a.value.clone(),
        };
        return Err(prem::Error::input(&a.file, problem).into());
    }
    let values: Vec<f64> = rows.iter().map(|r| r.2).collect();
    let rebase: Vec<usize> = a
        .rebase
        .iter()
        .filter_map(|want| {
            let key = sort_key(want);
            rows.iter()
                .position(|r| r.1 == want.trim() || (key.is_some() && r.0 == key))
        })
        .collect();
    let opts = SpcOptions {
        improvement: match a.improvement {
            ImprovementArg::Increase => Direction::Increase,
            ImprovementArg::Decrease => Direction::Decrease,
            ImprovementArg::Neutral => Direction::Neutral,
        },
        screen_outliers: !a.no_screen,
        rebase,
        fix_after_n_points: a.fix_after,
        min_points: a.min_points,
        ..SpcOptions::default()
    };
    let chart = xmr(&values, &opts);
    let json = to_json(&a.value, &rows, &chart, opts.screen_outliers)?;
    if let Some(dir) = &a.out {
        write_atomic(&dir.join("spc.json"), json.as_bytes())?;
        let plot = plot(&a, &rows, &chart, lang);
        let drawn = prem::render::charts::render(&plot)?;
        write_atomic(&dir.join("spc.svg"), drawn.svg.as_bytes())?;
        write_atomic(&dir.join("spc.png"), &drawn.png)?;
    }
    if a.json {
        println!("{json}");
    } else {
        let first = a.date.as_deref().unwrap_or(lang.msg(Msg::ColRow));
        print_table(first, &rows, &chart, lang);
    }
    Ok(ExitCode::SUCCESS)
}

/// The chart of the series: the value column as the y axis, the rows' labels along x.
fn plot(a: &SpcArgs, rows: &[Row], chart: &SpcChart, lang: Language) -> SpcPlot {
    let t = lang.charts();
    let labels: Vec<String> = rows.iter().map(|r| r.1.clone()).collect();
    let values: Vec<f64> = rows.iter().map(|r| r.2).filter(|v| v.is_finite()).collect();
    let largest = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let decimals = if values.iter().all(|v| v.fract() == 0.0) {
        0
    } else if largest >= 100.0 {
        1
    } else {
        2
    };
    let file = a
        .file
        .file_name()
        .map_or(String::new(), |f| f.to_string_lossy().into_owned());
    SpcPlot {
        title: fill(t.spc_cli_title, &[("column", a.value.clone())]),
        subtitle: fill(t.spc_cli_subtitle, &[("file", file)]),
        y_axis: a.value.clone(),
        x_axis: a.date.clone().unwrap_or_else(|| t.row_axis.to_string()),
        points: spc_points(chart, &labels),
        legend: spc_legend(lang, chart, t.spc_cli_missing.to_string()),
        no_data: t.no_data.into(),
        decimals,
        lang,
        y_range: None,
    }
}

fn to_json(
    column: &str,
    rows: &[Row],
    chart: &SpcChart,
    screened: bool,
) -> serde_json::Result<String> {
    let points = chart
        .points
        .iter()
        .zip(rows)
        .map(|(p, r)| Point {
            label: &r.1,
            point: p,
            rules: [
                (p.outside_limits, "outside_limits"),
                (p.trend, "trend"),
                (p.shift, "shift"),
                (p.two_in_three, "two_in_three"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| *name)
            .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&Output {
        value_column: column,
        screened,
        points,
        chart: ChartSummary {
            segments: &chart.segments,
            improvement: chart.improvement,
            variation_icon: chart.variation_icon,
            assurance: chart.assurance,
            short_group_warning: chart.short_group_warning,
            min_points: chart.min_points,
            too_few_points: chart.too_few_points,
        },
    })
}

/// The series as an aligned table with a header; an unclassified point (too few values)
/// has no limits and no variation, and a note below says why.
fn print_table(first: &str, rows: &[Row], chart: &SpcChart, lang: Language) {
    let f = |v: Option<f64>| v.map_or("–".to_string(), |x| lang.decimal(x, 3));
    let header = [
        first.to_string(),
        lang.msg(Msg::ColValue).to_string(),
        lang.msg(Msg::ColMean).to_string(),
        lang.msg(Msg::ColLowerLimit).to_string(),
        lang.msg(Msg::ColUpperLimit).to_string(),
        lang.msg(Msg::ColVariation).to_string(),
    ];
    let body: Vec<[String; 6]> = chart
        .points
        .iter()
        .zip(rows)
        .map(|(p, r)| {
            [
                r.1.clone(),
                f(Some(p.value).filter(|v| v.is_finite())),
                f(Some(p.mean).filter(|v| v.is_finite())),
                f(p.lpl),
                f(p.upl),
                p.variation
                    .map_or("–".to_string(), |v| lang.variation(v).to_string()),
            ]
        })
        .collect();
    print!(
        "{}",
        crate::cmd::table(&header, &body, &[false, true, true, true, true, false])
    );
    if let Some((have, need)) = chart.too_few() {
        println!();
        println!(
            "{}",
            lang.say(Msg::SpcTooFew, &[("have", &have), ("need", &need)])
        );
    }
}
