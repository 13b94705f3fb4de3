//! Ingest + scoring (and the whole report, charts included) on `prem sample` data at two sizes:
//! a region (8 VSVs × 8 quarters × 150 a quarter, with the local xlsx enquête) and the
//! nation (71 VSVs × 12 quarters × 600 a quarter, PREM exports only).
//! Run with `cargo bench`; the figures are reported in the issue notes, never asserted.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use prem::config::Config;
use prem::report::analyse;
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

fn nation() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let opts = SampleOptions {
            vsvs: 71,
            quarters: 12,
            per_quarter: 600,
            ..SampleOptions::default()
        };
        write_sample("nation", &opts, true)
    })
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
    b.bench(|| run(dir));
}

/// The region's whole report in memory: tables, agendas and all charts (about 185 PNG + SVG).
#[divan::bench(sample_count = 3)]
fn full_report_region(b: divan::Bencher) {
    let dir = region();
    let config = Config::load(&dir.join("prem.toml")).expect("config");
    let a = analyse(config, None).expect("analysis");
    b.bench(|| {
        prem::report::build(&a, &[])
            .expect("report")
            .files()
            .count()
    });
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
    };
    let figures = prem::render::figures::region_figures(&source, prem::layout::REGION_DIR);
    let heatmap = &figures[0];
    b.bench(|| heatmap.chart.render().expect("chart").png.len());
}
