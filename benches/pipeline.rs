//! Ingest + scoring and the whole report (tables, charts, agendas in three formats, index,
//! manifest; everything but writing the folder) on `prem sample` data: a region (8 VSVs × 8
//! quarters × 150 a quarter, with the local xlsx enquête), the nation (71 VSVs × 12
//! quarters × 600 a quarter, PREM exports only), and a scaling series of 10, 20, 40 and 71
//! VSVs (12 quarters × 600) that shows whether cost grows linearly with the VSVs.
//! Run with `cargo bench --bench pipeline` (release profile); the figures are reported in
//! docs/performance.md and the issue notes, never asserted.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use prem::analysis::analyse::analyse;
use prem::config::Config;
use prem::sample::{generate, generate_prem_exports, SampleOptions};

fn main() {
    divan::main();
}

/// Writes the sample files into a folder that lives as long as the process.
fn write_sample(name: &str, opts: &SampleOptions, prem_only: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("prem-bench-{name}-{}", std::process::id()));
    let files = if prem_only {
        generate_prem_exports(opts)
    } else {
        generate(opts)
    }
    .expect("sample options are valid");
    for f in files {
        let p = dir.join(&f.path);
        std::fs::create_dir_all(p.parent().expect("relative path has a parent")).expect("temp dir");
        std::fs::write(&p, &f.bytes).expect("temp file");
    }
    if prem_only {
        let toml = "[analysis]\nname = \"Nederland\"\n\n[[source]]\nname = \"prem\"\nfiles = [\"exports/prem-*.csv\"]\ncodebook = \"prem-geboortezorg\"\n[source.columns]\nrespondent = \"Respondentnummer\"\nvsv = \"VSV\"\norganisation = \"Zorgaanbieder\"\ncare_type = \"Zorgsoort\"\ndate = \"Datum ingevuld\"\nparity = \"Eerste kind\"\nage = \"Leeftijd\"\n";
        std::fs::write(dir.join("prem.toml"), toml).expect("temp file");
    }
    dir
}

fn region() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| write_sample("region", &SampleOptions::default(), false))
}

fn nation() -> PathBuf {
    national_size(71)
}

/// `vsvs` VSVs at national size (12 quarters × 600 a quarter), PREM exports only; written
/// once per process.
fn national_size(vsvs: usize) -> PathBuf {
    static DIRS: Mutex<BTreeMap<usize, PathBuf>> = Mutex::new(BTreeMap::new());
    let mut dirs = DIRS.lock().expect("not poisoned");
    dirs.entry(vsvs)
        .or_insert_with(|| {
            let opts = SampleOptions {
                vsvs,
                quarters: 12,
                per_quarter: 600,
                ..SampleOptions::default()
            };
            write_sample(&format!("nation-{vsvs}"), &opts, true)
        })
        .clone()
}

/// Analyses and builds the whole report of the sample in `dir`; the number of files.
fn full_report(dir: &Path) -> usize {
    let config = Config::load(&dir.join("prem.toml")).expect("config");
    let a = analyse(config, None).expect("analysis");
    prem::report::build(&a, &[])
        .expect("report")
        .files()
        .count()
}

fn run(dir: &Path) -> usize {
    let config = Config::load(&dir.join("prem.toml")).expect("config");
    let a = analyse(config, None).expect("analysis");
    a.scores.cells.len()
}

/// A region: 8 VSVs × 8 quarters, PREM csv + local xlsx.
#[divan::bench(sample_count = 10)]
fn ingest_and_score_region(b: divan::Bencher) {
    let dir = region();
    b.bench(|| run(dir));
}

/// The nation: 71 VSVs × 12 quarters × ~600 a quarter.
#[divan::bench(sample_count = 3)]
fn ingest_and_score_nation(b: divan::Bencher) {
    let dir = nation();
    b.bench(|| run(&dir));
}

/// The region's whole report from its exports: about 185 charts, 9 agendas.
#[divan::bench(sample_count = 5)]
fn full_report_region(b: divan::Bencher) {
    let dir = region();
    b.bench(|| full_report(dir));
}

/// The nation's whole report from its exports: about 580 charts, 72 agendas.
#[divan::bench(sample_count = 2)]
fn full_report_nation(b: divan::Bencher) {
    let dir = nation();
    b.bench(|| full_report(&dir));
}

/// The whole report as the VSVs grow (12 quarters × 600 a quarter each): linear cost
/// doubles the time from 10 to 20 VSVs, and again from 20 to 40.
#[divan::bench(args = [10, 20, 40, 71], sample_count = 1)]
fn full_report_scaling(b: divan::Bencher, vsvs: usize) {
    let dir = national_size(vsvs);
    b.bench(|| full_report(&dir));
}

/// One chart: the region heatmap drawn as SVG and rasterised to PNG.
#[divan::bench(sample_count = 10)]
fn one_chart_region_heatmap(b: divan::Bencher) {
    let dir = region();
    let config = Config::load(&dir.join("prem.toml")).expect("config");
    let a = analyse(config, None).expect("analysis");
    let source = prem::render::figures::Source {
        config: &a.config,
        data: &a.data,
        scores: &a.scores,
        period: a.period,
        spc: &a.spc,
        funnels: &a.funnels,
        answers: &a.answers,
        periods: &a.periods,
        national: a.national.as_ref(),
    };
    let figures = prem::render::figures::region_figures(&source, prem::layout::REGION_DIR);
    let heatmap = &figures[0];
    b.bench(|| heatmap.chart.render().expect("chart").png.len());
}
