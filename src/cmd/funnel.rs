//! `prem funnel FILE --unit COL --numerator COL --denominator COL`: funnel-plot numbers of
//! any proportion per unit.

use std::process::ExitCode;

use prem::error::InputProblem;
use prem::funnel::{funnel_proportions, Funnel, FunnelOptions, UnitInput};
use prem::i18n::{fill, Language, Msg};
use prem::ingest::table::SimpleTable;
use prem::ingest::value::parse_number;
use prem::render::charts::funnel::{FunnelPlot, FunnelPoint};
use prem::render::figures::{funnel_legend, funnel_limits};
use prem::render::labels::Words;
use prem::report::output::write_atomic;

use crate::cli::FunnelArgs;

pub fn run(a: FunnelArgs) -> anyhow::Result<ExitCode> {
    let lang = Language::default();
    let table = SimpleTable::read(&a.file)?;
    let unit = table.column(&a.file, &a.unit)?;
    let num = table.column(&a.file, &a.numerator)?;
    let den = table.column(&a.file, &a.denominator)?;
    let mut units = Vec::new();
    for (row, fields) in &table.rows {
        let get = |c: usize| fields.get(c).map_or("", |v| v.trim());
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let number = |c: usize, name: &str| {
            let raw = get(c);
            let v = parse_number(raw);
            if v.is_none() {
                eprintln!(
                    "{}",
                    lang.say(
                        Msg::NotANumber,
                        &[("row", row), ("column", &name), ("value", &raw)]
                    )
                );
            }
            v
        };
        let (Some(n), Some(d)) = (number(num, &a.numerator), number(den, &a.denominator)) else {
            continue;
        };
        units.push(UnitInput::proportion(get(unit), n, d));
    }
    let opts = FunnelOptions {
        higher_is_better: !a.lower_is_better,
        ..FunnelOptions::default()
    };
    let Some(funnel) = funnel_proportions(&units, &opts) else {
        let problem = InputProblem::NoValues {
            column: a.denominator.clone(),
        };
        return Err(prem::Error::input(&a.file, problem).into());
    };
    let json = serde_json::to_string_pretty(&funnel)?;
    if let Some(dir) = &a.out {
        write_atomic(&dir.join("funnel.json"), json.as_bytes())?;
        let drawn = prem::render::charts::render(&plot(&a, &funnel, lang))?;
        write_atomic(&dir.join("funnel.svg"), drawn.svg.as_bytes())?;
        write_atomic(&dir.join("funnel.png"), &drawn.png)?;
    }
    if a.json {
        println!("{json}");
    } else {
        let phi = funnel.phi.map_or("–".into(), |p| lang.decimal(p, 3));
        println!(
            "{}",
            lang.say(
                Msg::FunnelSummary,
                &[
                    ("target", &lang.decimal(funnel.target, 4)),
                    ("phi", &phi),
                    ("tau2", &lang.decimal(funnel.tau2, 5)),
                ]
            )
        );
        println!();
        let header = [
            Msg::ColUnit,
            Msg::ColN,
            Msg::ColValue,
            Msg::ColZ,
            Msg::ColBand,
        ]
        .map(|m| lang.msg(m).to_string());
        let rows: Vec<[String; 5]> = funnel
            .units
            .iter()
            .map(|u| {
                [
                    u.name.clone(),
                    lang.decimal(u.n, 0),
                    lang.decimal(u.value, 4),
                    u.z_adjusted
                        .or(u.z)
                        .map_or("–".into(), |z| lang.decimal(z, 2)),
                    u.band.map_or("–", |b| lang.band(b)).to_string(),
                ]
            })
            .collect();
        print!(
            "{}",
            crate::cmd::table(&header, &rows, &[false, true, true, true, false])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The chart: proportions as percentages against the denominator.
fn plot(a: &FunnelArgs, funnel: &Funnel, lang: Language) -> FunnelPlot {
    let t = lang.charts();
    let file = a
        .file
        .file_name()
        .map_or(String::new(), |f| f.to_string_lossy().into_owned());
    FunnelPlot {
        title: fill(
            t.funnel_cli_title,
            &[
                ("numerator", a.numerator.clone()),
                ("denominator", a.denominator.clone()),
            ],
        ),
        subtitle: fill(t.funnel_cli_subtitle, &[("file", file)]),
        x_axis: fill(t.funnel_cli_x, &[("denominator", a.denominator.clone())]),
        y_axis: t.funnel_cli_y.into(),
        target: funnel.target,
        curve: funnel_limits(funnel),
        units: funnel
            .units
            .iter()
            .map(|u| FunnelPoint {
                label: u.name.clone(),
                n: u.n,
                value: u.value,
                band: u.band,
            })
            .collect(),
        legend: funnel_legend(lang, t.funnel_cli_target, t.funnel_cli_not_banded),
        no_data: t.no_data.into(),
        percent: true,
        decimals: 1,
        lang,
        y_range: Some((0.0, 1.0)),
    }
}
