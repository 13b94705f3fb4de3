//! Wall time and peak memory per stage of a run, for `prem report --timings`: where the
//! time goes on a slow laptop, measured rather than guessed.
//!
//! Peak memory is the process's high-water mark (`VmHWM` in Linux's `/proc/self/status`),
//! reset at every stage boundary through `/proc/self/clear_refs`, so each stage reports its
//! own peak. Where the system offers neither, the peak is absent and only times are shown.

use std::time::{Duration, Instant};

/// A stage of the pipeline as `--timings` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Stage {
    /// Config, codebooks and every export read into the canonical tables.
    Ingest,
    /// Cells of every unit, period and measure.
    Score,
    /// Privacy tiers, complementary suppression and the audit of what is published.
    Disclose,
    /// Trends and SPC signals.
    Trend,
    /// Case-mix standardisation, funnels and bands.
    Compare,
    /// scores.csv/.xlsx/.parquet, reliability and data quality, beside every chart drawn
    /// as SVG and rasterised to PNG (the two run together).
    TablesCharts,
    /// Improvement points, strengths and their quotes.
    Flags,
    /// Agendas (Markdown, HTML, Word), the index and the manifest.
    Documents,
    /// The report folder written to disk.
    Write,
}

impl Stage {
    /// The stage's id: the same in every language.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// One stage's measurement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lap {
    pub stage: Stage,
    pub wall: Duration,
    /// Peak resident memory during the stage, in bytes, where the system tells it.
    pub peak: Option<u64>,
}

/// The laps of one run; a recorder that is off costs one branch per stage.
#[derive(Debug)]
pub struct Timings {
    on: bool,
    since: Instant,
    laps: Vec<Lap>,
}

impl Timings {
    /// A recorder that records nothing (the default for library callers).
    pub fn off() -> Self {
        Timings {
            on: false,
            since: Instant::now(),
            laps: Vec::new(),
        }
    }

    /// A recorder that starts now, with the memory high-water mark reset.
    pub fn on() -> Self {
        reset_peak();
        Timings {
            on: true,
            since: Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Ends `stage`: records the time and peak memory since the previous lap.
    pub fn lap(&mut self, stage: Stage) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        self.laps.push(Lap {
            stage,
            wall: now - self.since,
            peak: peak_bytes(),
        });
        reset_peak();
        self.since = Instant::now();
    }

    /// The stages recorded, in order.
    pub fn laps(&self) -> &[Lap] {
        &self.laps
    }

    /// The whole run's wall time.
    pub fn total(&self) -> Duration {
        self.laps.iter().map(|l| l.wall).sum()
    }

    /// The whole run's peak memory: the largest stage peak.
    pub fn peak(&self) -> Option<u64> {
        self.laps.iter().filter_map(|l| l.peak).max()
    }
}

/// The process's peak resident memory since the last reset, in bytes.
fn peak_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Resets the peak to the current resident memory; without `/proc` nothing happens.
fn reset_peak() {
    // "5" resets VmHWM (Linux ≥ 4.0); a failure only means no per-stage peak.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorder_that_is_off_records_nothing() {
        let mut t = Timings::off();
        t.lap(Stage::Ingest);
        assert!(t.laps().is_empty());
        assert_eq!(t.total(), Duration::ZERO);
    }

    #[test]
    fn laps_come_in_order_and_the_peak_sees_a_large_allocation() {
        let mut t = Timings::on();
        t.lap(Stage::Ingest);
        // 64 MiB touched: the stage's high-water mark must include it.
        let big = vec![1u8; 64 << 20];
        std::hint::black_box(&big);
        t.lap(Stage::Score);
        drop(big);
        let stages: Vec<Stage> = t.laps().iter().map(|l| l.stage).collect();
        assert_eq!(stages, [Stage::Ingest, Stage::Score]);
        assert_eq!(Stage::TablesCharts.id(), "tables_charts");
        // Linux always reports the high-water mark (VmHWM); elsewhere there is none to test.
        let peak = t.laps()[1].peak;
        if cfg!(target_os = "linux") {
            let peak = peak.expect("Linux reports VmHWM");
            assert!(peak >= 64 << 20, "peak {peak} misses the 64 MiB buffer");
        }
    }
}
