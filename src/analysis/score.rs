//! Scores: canonical tables → cells (unit × period × theme or item) with honest uncertainty
//! and privacy tiers.
//!
//! Units are the region (all VSVs), a VSV, and within them care types and organisations
//! where the data have them. A respondent's theme score is the mean of the theme's items
//! she answered, if she answered at least half of them. For sources with care types (PREM)
//! the VSV and region scores are the unweighted mean of the care-type means (as Perined
//! reports them), with a Welch–Satterthwaite t interval; care-type and organisation cells
//! pool respondents. Top box and problem at theme level are shares of respondents whose theme
//! score reaches the scale's top-box or problem threshold, with a Wilson interval.
//!
//! Scoring computes every cell; it publishes nothing. Which cells may be shown, and over
//! which care types a VSV's score is combined, is decided by [`crate::analysis::disclosure`], which
//! turns the [`Computed`] result into the published [`Scores`].

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use serde::Serialize;
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::config::Privacy;
use crate::ingest::{Canonical, ItemRole};
use crate::period::Period;
use crate::stats::{self, Stratum, Summary};

/// Privacy tier of a cell; its id is the `status` column of scores.csv.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    IntoStaticStr,
    EnumString,
    EnumIter,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Tier {
    /// n < min_n: nothing of the cell is shown.
    Suppressed,
    /// min_n ≤ n < indicative_n: shown, marked indicatief, no banding or significance.
    #[serde(rename = "indicatief")]
    #[strum(serialize = "indicatief")]
    Indicative,
    /// Shown in full.
    Full,
}

impl Tier {
    /// The tier of a cell of `n` respondents.
    pub fn of(n: u64, privacy: &Privacy) -> Tier {
        if n < u64::from(privacy.min_n) {
            Tier::Suppressed
        } else if n < u64::from(privacy.indicative_n) {
            Tier::Indicative
        } else {
            Tier::Full
        }
    }

    /// The id: `suppressed`, `indicatief` or `full`.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// What a cell measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// A theme (index into [`Canonical::themes`]).
    Theme(u16),
    /// One item of a theme (index into [`Canonical::items`]).
    Item(u16),
    /// The overall grade (rapportcijfer) item.
    Grade(u16),
    /// Net Promoter Score of the recommendation item.
    Nps(u16),
}

/// A proportion in percent with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percent {
    pub pct: f64,
    pub low: f64,
    pub high: f64,
}

/// The numbers of a shown cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellStats {
    /// Respondents (distinct respondents for cells over care types).
    pub n: u64,
    /// Mean on 0–10 (NPS: −100..100).
    pub mean: f64,
    /// Standard deviation of respondents' scores (none for NPS or n < 2).
    pub sd: Option<f64>,
    /// 95% interval of the mean.
    pub ci: Option<(f64, f64)>,
    /// The mean with its standard error and degrees of freedom (for tests between cells).
    pub estimate: Option<stats::Estimate>,
    /// Top box (NPS: promoters).
    pub top_box: Option<Percent>,
    /// Problem (NPS: detractors).
    pub problem: Option<Percent>,
}

/// One cell: a unit × period × measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub period: Period,
    /// VSV (id in [`Canonical::names`]); none for the region.
    pub vsv: Option<u32>,
    /// Care type; none for all care types together.
    pub care_type: Option<u32>,
    /// Organisation; none for all organisations together.
    pub organisation: Option<u32>,
    pub measure: Measure,
    pub tier: Tier,
    /// A cell over care types (a PREM score of a VSV or the region): the care types whose
    /// means it averages, the published ones only. Empty for every other cell.
    pub covers: Vec<u32>,
    /// None when suppressed: a hidden cell carries no numbers at all, not even its n.
    pub stats: Option<CellStats>,
    /// Comparison, trend and SPC columns, filled by the later stages.
    pub comparison: Comparison,
}

/// Columns of a cell filled by the stages after scoring (regional comparison, trends, SPC).
/// Empty for suppressed cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Case-mix standardised mean.
    pub std_mean: Option<f64>,
    /// z against the region.
    pub z: Option<f64>,
    /// Band against the region.
    pub band: Option<crate::funnel::Band>,
    /// Change against the previous period.
    pub prev: Option<Change>,
    /// Change against the same period a year earlier.
    pub year: Option<Change>,
    /// SPC signal of the latest period.
    pub spc_signal: Option<crate::spc::Variation>,
}

/// A change of a cell's mean against an earlier period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The earlier period.
    pub from: Period,
    /// This mean minus the earlier mean.
    pub change: f64,
    /// Two-sided p of Welch's test.
    pub p: f64,
    /// p < 0.05 and |change| ≥ the minimal important difference.
    pub significant: bool,
}

/// Cronbach's α of a theme in one period (all units together).
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    pub period: Period,
    /// Index into [`Canonical::themes`].
    pub theme: u16,
    /// Complete cases used.
    pub n: usize,
    /// None for one-item themes or fewer than `min_n` complete cases.
    pub alpha: Option<f64>,
}

/// The unit an agenda, a chart or a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// The whole region.
    Region,
    /// One VSV (id in [`Canonical::names`]).
    Vsv(u32),
}

impl Unit {
    /// The VSV of a unit cell (`None`: the region).
    pub fn vsv(self) -> Option<u32> {
        match self {
            Unit::Region => None,
            Unit::Vsv(v) => Some(v),
        }
    }
}

/// The published result: every cell decided by [`crate::analysis::disclosure::disclose`].
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Cells in a stable order: period, unit, measure.
    pub cells: Vec<Cell>,
    /// α per theme and period.
    pub reliability: Vec<Reliability>,
    /// Scores per case-mix stratum, for standardisation (see [`crate::analysis::compare`]).
    pub case_mix: CaseMix,
    /// Respondents per source, VSV (or the region) and period: the agenda's response line.
    pub responses: Vec<Response>,
    /// Unit cells by VSV × measure, built on the first lookup. The stages after disclosure
    /// change only a cell's [`Comparison`], never which cells there are; a list of other
    /// cells is a new `Scores` (see [`Scores::up_to`]).
    pub(crate) unit_index: std::sync::OnceLock<UnitIndex>,
}

/// (VSV or region, measure) → indices of the unit cells (all care types and organisations)
/// into [`Scores::cells`], oldest period first.
pub(crate) type UnitIndex = HashMap<(Option<u32>, Measure), Vec<usize>>;

impl Scores {
    /// The published result of these parts.
    pub fn new(
        cells: Vec<Cell>,
        reliability: Vec<Reliability>,
        case_mix: CaseMix,
        responses: Vec<Response>,
    ) -> Scores {
        Scores {
            cells,
            reliability,
            case_mix,
            responses,
            unit_index: std::sync::OnceLock::new(),
        }
    }

    /// The same scores without anything after `period` (what a report of `period` shows).
    pub fn up_to(&self, period: Period) -> Scores {
        Scores::new(
            self.cells
                .iter()
                .filter(|c| c.period <= period)
                .cloned()
                .collect(),
            self.reliability
                .iter()
                .filter(|r| r.period <= period)
                .cloned()
                .collect(),
            self.case_mix.clone(),
            self.responses.clone(),
        )
    }

    fn index(&self) -> &UnitIndex {
        self.unit_index.get_or_init(|| {
            let mut index = UnitIndex::default();
            for (i, c) in self.cells.iter().enumerate() {
                if c.care_type.is_none() && c.organisation.is_none() {
                    index.entry((c.vsv, c.measure)).or_default().push(i);
                }
            }
            for list in index.values_mut() {
                list.sort_by_key(|&i| self.cells.get(i).map(|c| c.period));
            }
            index
        })
    }

    /// The unit cells (all care types and organisations together) of a VSV (`None`: the
    /// region) and measure, oldest period first.
    pub fn unit_cells(&self, vsv: Option<u32>, m: Measure) -> impl Iterator<Item = &Cell> + '_ {
        self.index()
            .get(&(vsv, m))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.cells.get(i))
    }

    /// The unit cell (all care types and organisations together) of a VSV (`None`: the
    /// region) and measure in `period`.
    pub fn unit_cell(&self, period: Period, vsv: Option<u32>, m: Measure) -> Option<&Cell> {
        let list = self.index().get(&(vsv, m))?;
        // The first of the period, in cell order, as a scan of the cells would find it.
        let at = list.partition_point(|&i| self.cells.get(i).is_some_and(|c| c.period < period));
        // A hit is checked, so a list changed against the rules above misses, never lies.
        self.cells
            .get(*list.get(at)?)
            .filter(|c| c.period == period && c.vsv == vsv && c.measure == m)
    }
}

/// Distinct respondents of one source in a VSV (or the region) in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    pub period: Period,
    /// None for the region.
    pub vsv: Option<u32>,
    /// Index into [`Canonical::sources`].
    pub source: u16,
    /// None when hidden.
    pub n: Option<u64>,
}

/// Everything scoring computed, before anything is published: every cell with all its
/// numbers, the ingredients of the cells over care types, α and the response counts.
/// Only [`crate::analysis::disclosure::disclose`] turns this into something that may leave the
/// program.
#[derive(Debug, Clone, Default)]
pub struct Computed {
    /// Pooled cells (organisation, care type, and every unit of a source without care
    /// types), each with its sums, in cell order.
    pub pooled: Vec<(Cell, Acc)>,
    /// Cells over care types, to be combined from the care types that may be shown.
    pub combined: Vec<Combined>,
    /// A row per theme of two or more items and period, without α: disclosure computes α
    /// from [`Computed::alpha_cases`] of the rows that published cells count.
    pub reliability: Vec<Reliability>,
    /// The complete cases for α, per finest group and theme, in group order.
    pub alpha_cases: Vec<AlphaCases>,
    /// Per pooled unit (period, VSV, care type, organisation) and item of a theme: the
    /// respondents who answered the item and are counted in its theme. Beside the item's
    /// and the theme's n it says how many answered the one and not the other.
    pub in_theme: HashMap<(UnitKey, u16), u64>,
    /// The theme of every item (index into [`Canonical::items`]), if it has one.
    pub item_theme: Vec<Option<u16>>,
    pub case_mix: CaseMix,
    /// (period, VSV or region, source) → distinct respondents.
    pub responses: Vec<(Period, Option<u32>, u16, u64)>,
    /// The source of every theme and of every item (indices into [`Canonical::themes`]
    /// and [`Canonical::items`]): which response line a published score belongs to.
    pub sources: MeasureSources,
    /// Alphabetical rank of every name id, for the published cell order.
    pub name_ranks: Vec<u32>,
}

/// The source of every theme and item.
#[derive(Debug, Clone, Default)]
pub struct MeasureSources {
    pub themes: Vec<u16>,
    pub items: Vec<u16>,
}

impl MeasureSources {
    /// The source whose codebook defines `m`.
    pub fn of(&self, m: Measure) -> Option<u16> {
        match m {
            Measure::Theme(t) => self.themes.get(t as usize).copied(),
            Measure::Item(i) | Measure::Grade(i) | Measure::Nps(i) => {
                self.items.get(i as usize).copied()
            }
        }
    }
}

/// A VSV's (or the region's) cell over care types, not yet combined: the care-type sums and,
/// per set of care types a respondent answered for, how many respondents did.
#[derive(Debug, Clone)]
pub struct Combined {
    pub period: Period,
    /// None for the region.
    pub vsv: Option<u32>,
    pub measure: Measure,
    strata: Vec<(u32, Acc)>,
    /// (bit set of care types, as in `care_types`, → respondents); empty when unknown.
    answered: Vec<(u64, u64)>,
    /// Care types in bit order.
    care_types: std::sync::Arc<Vec<u32>>,
}

impl Combined {
    /// The care types this cell has data for.
    pub fn care_types(&self) -> impl Iterator<Item = u32> + '_ {
        self.strata.iter().map(|(c, _)| *c)
    }

    /// The cell averaging the care types in `covers` (those it has data for), and its n:
    /// the distinct respondents who answered for at least one of them.
    pub fn cell(&self, covers: &[u32]) -> (Cell, u64) {
        let strata: Vec<(u32, Acc)> = self
            .strata
            .iter()
            .filter(|(c, _)| covers.contains(c))
            .copied()
            .collect();
        let mask: u64 = self
            .care_types
            .iter()
            .enumerate()
            .filter(|(_, c)| covers.contains(c))
            .map(|(i, _)| 1u64 << i.min(63))
            .fold(0, |a, b| a | b);
        let n = if self.answered.is_empty() {
            strata.iter().map(|(_, a)| a.n).max().unwrap_or(0)
        } else {
            self.answered
                .iter()
                .filter(|(m, _)| m & mask != 0)
                .map(|(_, k)| k)
                .sum()
        };
        let mut cell = combined_cell((self.period, self.vsv), self.measure, &strata, n);
        cell.covers = strata.iter().map(|(c, _)| *c).collect();
        (cell, n)
    }
}

/// Respondents' scores split by case-mix stratum (parity × age band, each with an
/// "unknown" level), per VSV × care type × period, for themes and the overall grade.
#[derive(Debug, Clone, Default)]
pub struct CaseMix {
    /// Age levels per parity level: the codebooks' bands, plus one for unknown.
    pub age_levels: usize,
    /// (period, VSV, care type, measure) → (n, sum of scores) per stratum; a stratum's
    /// index is `parity × age_levels + age`, parity 0 = first child, 1 = later, 2 = unknown.
    pub cells: HashMap<CaseMixKey, Vec<(u64, f64)>>,
    /// The standard population's share of every stratum (`[casemix] standard`); none: the
    /// pooled strata of the analysis, per period, care type and measure.
    pub standard: Option<Vec<f64>>,
    /// Standardised means computed elsewhere: those of peers, from their shared files.
    pub given: HashMap<CaseMixKey, f64>,
}

/// (period, VSV, care type, measure) of a [`CaseMix`] cell.
pub type CaseMixKey = (Period, u32, Option<u32>, Measure);

impl CaseMix {
    /// Number of strata.
    pub fn strata(&self) -> usize {
        3 * self.age_levels
    }
}

/// Sufficient statistics of a set of scores: what a cell's numbers are computed from, and
/// what a VSV shares of a cell it publishes (see [`crate::analysis::share`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Acc {
    /// Scores.
    pub n: u64,
    /// Their sum.
    pub sum: f64,
    /// The sum of their squares.
    pub sum_sq: f64,
    /// Top-box scores (NPS: promoters).
    pub top: u64,
    /// Problem scores (NPS: detractors).
    pub problem: u64,
    /// The wrapping sum of a digest of each respondent's key ([`Canonical::key_digests`])
    /// and score: the same clients with the same answers give the same value in every run;
    /// other clients, or a changed answer, (almost surely) another. For the publication
    /// ledger only; 0 for sums read from a shared file.
    pub clients: u64,
}

impl Acc {
    fn add(&mut self, score: f64, top: bool, problem: bool, who: u64) {
        self.n += 1;
        self.sum += score;
        self.sum_sq += score * score;
        self.top += u64::from(top);
        self.problem += u64::from(problem);
        // Who and what: a client whose answer changed under the same id changes the digest
        // too (splitmix64's finaliser spreads the score's bits).
        let mut x = who ^ score.to_bits();
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.clients = self.clients.wrapping_add(x ^ (x >> 31));
    }

    /// Adds the scores of `o` (another set of respondents).
    pub fn merge(&mut self, o: &Acc) {
        self.n += o.n;
        self.sum += o.sum;
        self.sum_sq += o.sum_sq;
        self.top += o.top;
        self.problem += o.problem;
        self.clients = self.clients.wrapping_add(o.clients);
    }

    fn summary(&self) -> Option<Summary> {
        stats::summary_from_sums(self.n, self.sum, self.sum_sq)
    }
}

/// Key of the finest unit: period, VSV, care type, organisation.
pub(crate) type GroupKey = (Period, u32, Option<u32>, Option<u32>);

/// The complete cases of one theme in one finest group: a column per item (in item
/// order), a value per respondent who answered every item of the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct AlphaCases {
    pub group: GroupKey,
    pub theme: u16,
    pub cols: Vec<Vec<f64>>,
}

/// A unit at any level: (period, vsv, care type, organisation).
pub(crate) type UnitKey = (Period, Option<u32>, Option<u32>, Option<u32>);

/// Computes every cell of every period in `data` (nothing of it is published yet).
pub fn score(data: &Canonical) -> Computed {
    let measures = MeasureIndex::new(data);
    let groups = FinestGroups::new(data);
    let strata = StrataUnits::new(data);
    let sums = sum_answers(data, &measures, &groups, &strata);
    let distinct = distinct_counts(data, &sums.row_measures, &measures);
    let (units, pooled) = roll_up(&groups.keys, &sums.acc, measures.len());
    let in_theme = in_theme_by_unit(data, &groups.keys, &sums.in_theme, &measures);
    let rank = name_ranks(data);
    let (pooled_cells, parents) = pooled_cells(&units, &pooled, &measures, &rank);
    Computed {
        pooled: pooled_cells,
        combined: combined_cells(parents, &distinct, &measures),
        reliability: reliability_rows(data),
        alpha_cases: alpha_cases(&groups.keys, sums.alpha),
        in_theme,
        item_theme: data
            .items
            .iter()
            .map(|it| match it.role {
                ItemRole::Theme(t) => Some(t as u16),
                _ => None,
            })
            .collect(),
        case_mix: strata.case_mix(&sums.strata),
        responses: distinct.responses,
        sources: MeasureSources {
            themes: data.themes.iter().map(|t| t.source as u16).collect(),
            items: data.items.iter().map(|it| it.source as u16).collect(),
        },
        name_ranks: rank,
    }
}

/// The finest groups of respondents (period × VSV × care type × organisation), numbered
/// in order of appearance.
struct FinestGroups {
    keys: Vec<GroupKey>,
    /// The group of every respondent row.
    of_row: Vec<u32>,
}

impl FinestGroups {
    fn new(data: &Canonical) -> FinestGroups {
        let mut keys: Vec<GroupKey> = Vec::new();
        let mut index: HashMap<GroupKey, u32> = HashMap::default();
        let of_row = data
            .respondents
            .iter()
            .map(|r| {
                let key = (r.period, r.vsv, r.care_type, r.organisation);
                *index.entry(key).or_insert_with(|| {
                    keys.push(key);
                    (keys.len() - 1) as u32
                })
            })
            .collect();
        FinestGroups { keys, of_row }
    }
}

/// Where case-mix sums go: per (period, VSV, care type) unit, the standardised measures
/// (themes, then grade items), each split in parity × age strata.
struct StrataUnits {
    /// Age levels per parity level: the codebooks' largest number of bands, plus unknown.
    age_levels: usize,
    /// Strata per measure: 3 parity levels × `age_levels`.
    n_strata: usize,
    measures: Vec<Measure>,
    /// Grade item → its place in `measures`.
    grade_slot: HashMap<u16, usize>,
    units: Vec<(Period, u32, Option<u32>)>,
    /// The unit of every respondent row.
    of_row: Vec<u32>,
}

impl StrataUnits {
    fn new(data: &Canonical) -> StrataUnits {
        let age_levels = data
            .sources
            .iter()
            .map(|s| s.codebook.background.age.bands.len() + 1)
            .max()
            .unwrap_or(4)
            + 1;
        let measures: Vec<Measure> = (0..data.themes.len())
            .map(|t| Measure::Theme(t as u16))
            .chain(
                data.items
                    .iter()
                    .enumerate()
                    .filter(|(_, it)| it.role == ItemRole::Grade)
                    .map(|(i, _)| Measure::Grade(i as u16)),
            )
            .collect();
        let grade_slot = measures
            .iter()
            .enumerate()
            .filter_map(|(k, m)| match m {
                Measure::Grade(i) => Some((*i, k)),
                _ => None,
            })
            .collect();
        let mut index: HashMap<(Period, u32, Option<u32>), u32> = HashMap::default();
        let mut units: Vec<(Period, u32, Option<u32>)> = Vec::new();
        let of_row = data
            .respondents
            .iter()
            .map(|r| {
                let key = (r.period, r.vsv, r.care_type);
                *index.entry(key).or_insert_with(|| {
                    units.push(key);
                    (units.len() - 1) as u32
                })
            })
            .collect();
        StrataUnits {
            age_levels,
            n_strata: 3 * age_levels,
            measures,
            grade_slot,
            units,
            of_row,
        }
    }

    /// The non-empty strata sums as the [`CaseMix`] of the scores.
    fn case_mix(&self, strata: &[(u64, f64)]) -> CaseMix {
        let sm = self.measures.len();
        let mut case_mix = CaseMix {
            age_levels: self.age_levels,
            ..CaseMix::default()
        };
        for (u, &(p, v, ct)) in self.units.iter().enumerate() {
            for (k, &measure) in self.measures.iter().enumerate() {
                let start = (u * sm + k) * self.n_strata;
                let Some(slice) = strata.get(start..start + self.n_strata) else {
                    continue;
                };
                if slice.iter().any(|(n, _)| *n > 0) {
                    case_mix.cells.insert((p, v, ct, measure), slice.to_vec());
                }
            }
        }
        case_mix
    }
}

/// Bounds of a fixed number of chunks of the answers that never split a respondent row,
/// so results do not depend on the machine's cores.
fn chunk_bounds(answers: &[crate::ingest::Answer]) -> Vec<usize> {
    const CHUNKS: usize = 4;
    let mut bounds = vec![0usize];
    for k in 1..CHUNKS {
        let mut b = (answers.len() * k / CHUNKS).max(*bounds.last().unwrap_or(&0));
        while b > 0 && b < answers.len() && answers[b].row == answers[b - 1].row {
            b += 1;
        }
        bounds.push(b.min(answers.len()));
    }
    bounds.push(answers.len());
    bounds
}

/// The answer loop over every chunk in parallel, merged in chunk order.
fn sum_answers(
    data: &Canonical,
    measures: &MeasureIndex,
    groups: &FinestGroups,
    strata: &StrataUnits,
) -> Sums {
    let slots = AnswerSlots {
        measures,
        group_of_row: &groups.of_row,
        unit_of_row: &strata.of_row,
        grade_slot: &strata.grade_slot,
        m: measures.len(),
        sm: strata.measures.len(),
        n_strata: strata.n_strata,
        age_levels: strata.age_levels,
        groups: groups.keys.len(),
        units: strata.units.len(),
    };
    let partials: Vec<Partial> = chunk_bounds(&data.answers)
        .windows(2)
        .map(|w| w[0]..w[1])
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|r| accumulate(data, &slots, r))
        .collect();
    let mut sums = Sums {
        acc: vec![Acc::default(); slots.groups * slots.m],
        strata: vec![(0u64, 0.0f64); slots.units * slots.sm * slots.n_strata],
        row_measures: vec![0; data.respondents.len()],
        alpha: HashMap::default(),
        in_theme: vec![0; slots.groups * slots.m],
    };
    for part in partials {
        sums.merge(part);
    }
    sums
}

/// Sums of all answers: per finest group × measure, per case-mix stratum, the measures
/// every row has a score for, and the complete cases for α.
struct Sums {
    acc: Vec<Acc>,
    strata: Vec<(u64, f64)>,
    /// Per row: which measures got a score (for distinct counts over care types).
    row_measures: Vec<u128>,
    alpha: HashMap<(u32, u16), Vec<Vec<f64>>>,
    /// Per finest group × measure: respondents who answered the item and count in its theme.
    in_theme: Vec<u64>,
}

impl Sums {
    fn merge(&mut self, part: Partial) {
        for (a, b) in self.acc.iter_mut().zip(&part.acc) {
            a.merge(b);
        }
        for (a, b) in self.in_theme.iter_mut().zip(&part.in_theme) {
            *a += b;
        }
        for (a, b) in self.strata.iter_mut().zip(&part.strata) {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (row, mask) in part.row_measures {
            if let Some(x) = self.row_measures.get_mut(row as usize) {
                *x = mask;
            }
        }
        let mut keys: Vec<(u32, u16)> = part.alpha.keys().copied().collect();
        keys.sort();
        for k in keys {
            let Some(cols) = part.alpha.get(&k) else {
                continue;
            };
            let into = self
                .alpha
                .entry(k)
                .or_insert_with(|| vec![Vec::new(); cols.len()]);
            for (a, b) in into.iter_mut().zip(cols) {
                a.extend_from_slice(b);
            }
        }
    }
}

/// Each finest group adds into its VSV × care type, region × care type and (if any)
/// organisation unit: the units in order of appearance and their sums, dense per
/// unit × measure (`m` measures).
fn roll_up(groups: &[GroupKey], acc: &[Acc], m: usize) -> (Vec<UnitKey>, Vec<Acc>) {
    let mut unit_ix: HashMap<UnitKey, usize> = HashMap::default();
    let mut unit_keys: Vec<UnitKey> = Vec::new();
    let mut pooled: Vec<Acc> = Vec::new();
    for (g, key) in groups.iter().enumerate() {
        let (p, v, ct, org) = *key;
        let targets = [
            Some((p, Some(v), ct, None)),
            Some((p, None, ct, None)),
            org.map(|_| (p, Some(v), ct, org)),
        ];
        for unit in targets.into_iter().flatten() {
            let u = *unit_ix.entry(unit).or_insert_with(|| {
                unit_keys.push(unit);
                pooled.resize(pooled.len() + m, Acc::default());
                unit_keys.len() - 1
            });
            for mi in 0..m {
                let a = &acc[g * m + mi];
                if a.n > 0 {
                    pooled[u * m + mi].merge(a);
                }
            }
        }
    }
    (unit_keys, pooled)
}

/// The in-theme counts of the finest groups rolled up like [`roll_up`]'s sums, into
/// every pooled unit below the region (VSV × care type, organisation), per item of a theme.
fn in_theme_by_unit(
    data: &Canonical,
    groups: &[GroupKey],
    in_theme: &[u64],
    measures: &MeasureIndex,
) -> HashMap<(UnitKey, u16), u64> {
    let m = measures.len();
    let items: Vec<u16> = data
        .items
        .iter()
        .enumerate()
        .filter(|(_, it)| matches!(it.role, ItemRole::Theme(_)))
        .map(|(i, _)| i as u16)
        .collect();
    let mut out: HashMap<(UnitKey, u16), u64> = HashMap::default();
    for (g, &(p, v, ct, org)) in groups.iter().enumerate() {
        for &i in &items {
            let k = in_theme.get(g * m + measures.item(i)).copied().unwrap_or(0);
            if k == 0 {
                continue;
            }
            *out.entry(((p, Some(v), ct, None), i)).or_default() += k;
            if org.is_some() {
                *out.entry(((p, Some(v), ct, org), i)).or_default() += k;
            }
        }
    }
    out
}

/// A VSV's (or the region's) care-type sums of one measure: ((period, VSV or region),
/// measure index) → (care type, sums).
type Parents = HashMap<((Period, Option<u32>), usize), Vec<(u32, Acc)>>;

/// The pooled cells (organisation, care type of a VSV and of the region, and every unit of
/// a source without care types) in cell order, with their n; and the care-type sums the
/// cells over care types are combined from.
fn pooled_cells(
    units: &[UnitKey],
    pooled: &[Acc],
    measures: &MeasureIndex,
    rank: &[u32],
) -> (Vec<(Cell, Acc)>, Parents) {
    let m = measures.len();
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| units[u]);
    let mut cells: Vec<(Cell, Acc)> = Vec::new();
    let mut parents: Parents = HashMap::default();
    for &u in &order {
        let (p, v, ct, org) = units[u];
        for mi in 0..m {
            let a = pooled[u * m + mi];
            if a.n == 0 {
                continue;
            }
            if let (Some(c), None) = (ct, org) {
                parents.entry(((p, v), mi)).or_default().push((c, a));
            }
            cells.push((pooled_cell((p, v, ct, org), measures.measure(mi), &a), a));
        }
    }
    cells.sort_by_cached_key(|(c, _)| cell_order(rank, c));
    (cells, parents)
}

/// The cells over care types, not yet combined: disclosure combines them from the care
/// types that may be shown.
fn combined_cells(
    mut parents: Parents,
    distinct: &Distinct,
    measures: &MeasureIndex,
) -> Vec<Combined> {
    let care_types = std::sync::Arc::new(distinct.care_types.clone());
    let mut keys: Vec<_> = parents.keys().copied().collect();
    keys.sort();
    keys.into_iter()
        .map(|k| {
            let ((p, v), mi) = k;
            Combined {
                period: p,
                vsv: v,
                measure: measures.measure(mi),
                strata: parents.remove(&k).unwrap_or_default(),
                answered: distinct
                    .answered
                    .get(&(p, v, mi))
                    .cloned()
                    .unwrap_or_default(),
                care_types: care_types.clone(),
            }
        })
        .collect()
}

/// A row per theme of two or more items and period, α not yet computed: it depends on
/// which cells are published ([`crate::analysis::disclosure`]).
fn reliability_rows(data: &Canonical) -> Vec<Reliability> {
    let mut rows = Vec::new();
    for p in data.periods() {
        for (t, theme) in data.themes.iter().enumerate() {
            if theme.n_items >= 2 {
                rows.push(Reliability {
                    period: p,
                    theme: t as u16,
                    n: 0,
                    alpha: None,
                });
            }
        }
    }
    rows.sort_by_key(|r| (r.period, r.theme));
    rows
}

/// The complete cases for α per finest group and theme, in the order of the groups' keys
/// (the same order in every run, whatever the chunking of the answer loop).
fn alpha_cases(groups: &[GroupKey], alpha: HashMap<(u32, u16), Vec<Vec<f64>>>) -> Vec<AlphaCases> {
    let mut out: Vec<AlphaCases> = alpha
        .into_iter()
        .filter_map(|((g, theme), cols)| {
            Some(AlphaCases {
                group: *groups.get(g as usize)?,
                theme,
                cols,
            })
        })
        .collect();
    out.sort_by_key(|a| (a.group, a.theme));
    out
}

/// The alphabetical rank of every name id.
fn name_ranks(data: &Canonical) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..data.names.len() as u32).collect();
    ids.sort_by(|a, b| data.names.get(*a).cmp(data.names.get(*b)));
    let mut rank = vec![0u32; ids.len()];
    for (r, id) in ids.into_iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    rank
}

/// Sort key: period, region first then VSVs by name, care type, organisation, measure.
pub(crate) fn cell_order(
    rank: &[u32],
    c: &Cell,
) -> (Period, Option<u32>, Option<u32>, Option<u32>, Measure) {
    let r = |id: Option<u32>| id.map(|i| rank.get(i as usize).copied().unwrap_or(u32::MAX));
    (
        c.period,
        r(c.vsv),
        r(c.care_type),
        r(c.organisation),
        c.measure,
    )
}

/// A t interval cut to the 0–10 scale: a score cannot lie outside it, and an interval that
/// says so only confuses (small cells near 10 would otherwise reach 10.3).
fn on_scale((low, high): (f64, f64)) -> (f64, f64) {
    (low.max(0.0), high.min(10.0))
}

fn percent(successes: u64, n: u64) -> Option<Percent> {
    let (low, high) = stats::wilson(successes, n, 0.95)?;
    Some(Percent {
        pct: 100.0 * successes as f64 / n as f64,
        low: 100.0 * low,
        high: 100.0 * high,
    })
}

/// A cell of one group of respondents, from its sums (tier still to be decided).
pub(crate) fn pooled_cell(unit: UnitKey, measure: Measure, a: &Acc) -> Cell {
    let (period, vsv, care_type, organisation) = unit;
    let stats = match measure {
        Measure::Nps(_) => {
            stats::nps(a.top, a.n - a.top - a.problem, a.problem, 0.95).map(|s| CellStats {
                n: a.n,
                mean: s.score,
                sd: None,
                ci: Some((s.low, s.high)),
                estimate: None,
                top_box: percent(a.top, a.n),
                problem: percent(a.problem, a.n),
            })
        }
        _ => a.summary().map(|s| CellStats {
            n: a.n,
            mean: s.mean,
            sd: s.sd,
            ci: stats::t_interval(&s, 0.95).map(on_scale),
            estimate: stats::Estimate::of(&s),
            top_box: percent(a.top, a.n),
            problem: percent(a.problem, a.n),
        }),
    };
    Cell {
        period,
        vsv,
        care_type,
        organisation,
        measure,
        tier: Tier::Full,
        covers: Vec::new(),
        stats,
        comparison: Comparison::default(),
    }
}

/// A cell over care types: unweighted mean of the care-type means.
pub(crate) fn combined_cell(
    unit: (Period, Option<u32>),
    measure: Measure,
    strata: &[(u32, Acc)],
    n: u64,
) -> Cell {
    let (period, vsv) = unit;
    let k = strata.len() as f64;
    let mut total = Acc::default();
    for (_, a) in strata {
        total.merge(a);
    }
    // Top box and problem: mean of the care-type proportions, Wilson interval at the
    // effective sample size of that mean (Korn & Graubard 1998).
    let mean_prop = |count: fn(&Acc) -> u64| -> Option<Percent> {
        let props: Vec<(f64, f64)> = strata
            .iter()
            .filter(|(_, a)| a.n > 0)
            .map(|(_, a)| (count(a) as f64 / a.n as f64, a.n as f64))
            .collect();
        if props.len() != strata.len() {
            return None;
        }
        let p = props.iter().map(|(p, _)| p).sum::<f64>() / k;
        let var = props.iter().map(|(p, n)| p * (1.0 - p) / n).sum::<f64>() / (k * k);
        let n_eff = if var > 0.0 {
            p * (1.0 - p) / var
        } else {
            k * k / props.iter().map(|(_, n)| 1.0 / n).sum::<f64>()
        };
        let n_eff = n_eff.round().max(1.0) as u64;
        let succ = (p * n_eff as f64).round() as u64;
        let (low, high) = stats::wilson(succ.min(n_eff), n_eff, 0.95)?;
        Some(Percent {
            pct: 100.0 * p,
            low: 100.0 * low,
            high: 100.0 * high,
        })
    };
    let stats = match measure {
        Measure::Nps(_) => {
            let parts: Vec<(u64, u64, u64)> = strata
                .iter()
                .map(|(_, a)| (a.top, a.n - a.top - a.problem, a.problem))
                .collect();
            stats::nps_mean_of_strata(&parts, 0.95).map(|s| CellStats {
                n,
                mean: s.score,
                sd: None,
                ci: Some((s.low, s.high)),
                estimate: None,
                top_box: mean_prop(|a| a.top),
                problem: mean_prop(|a| a.problem),
            })
        }
        _ => {
            let summaries: Option<Vec<Summary>> = strata.iter().map(|(_, a)| a.summary()).collect();
            summaries.map(|ss| {
                let mean = ss.iter().map(|s| s.mean).sum::<f64>() / k;
                let strata: Option<Vec<Stratum>> = ss
                    .iter()
                    .map(|s| {
                        s.sd.map(|sd| Stratum {
                            n: s.n,
                            mean: s.mean,
                            sd,
                        })
                    })
                    .collect();
                let mm = strata.and_then(|st| stats::mean_of_means(&st));
                let ci = mm
                    .and_then(|mm| stats::t_interval_from(mm.mean, mm.se, mm.df, 0.95))
                    .map(on_scale);
                CellStats {
                    n,
                    mean,
                    sd: total.summary().and_then(|s| s.sd),
                    ci,
                    estimate: mm.map(|mm| stats::Estimate {
                        mean: mm.mean,
                        se: mm.se,
                        df: mm.df,
                    }),
                    top_box: mean_prop(|a| a.top),
                    problem: mean_prop(|a| a.problem),
                }
            })
        }
    };
    Cell {
        period,
        vsv,
        care_type: None,
        organisation: None,
        measure,
        tier: Tier::Full,
        covers: Vec::new(),
        stats: if strata.is_empty() { None } else { stats },
        comparison: Comparison::default(),
    }
}

/// (period, VSV or region, measure) → (bit set of care types answered for, respondents).
type Answered = HashMap<(Period, Option<u32>, usize), Vec<(u64, u64)>>;

/// Respondent counts that pooling rows cannot give: who answered for which care types.
struct Distinct {
    /// Care types (name ids) in bit order.
    care_types: Vec<u32>,
    answered: Answered,
    /// (period, VSV or region, source, respondents).
    responses: Vec<(Period, Option<u32>, u16, u64)>,
}

/// Distinct respondents per (period, VSV or region, measure), split by the set of care types
/// they answered for (so a cell over some of the care types can count its respondents), and
/// per source (the response line).
fn distinct_counts(data: &Canonical, row_measures: &[u128], measures: &MeasureIndex) -> Distinct {
    let m = measures.len().min(128);
    let mut care_types: Vec<u32> = data
        .respondents
        .iter()
        .filter_map(|r| r.care_type)
        .collect();
    care_types.sort_unstable();
    care_types.dedup();
    // Beyond 64 care types the sets share the last bit; no export has more than a handful.
    let bit_of = |ct: Option<u32>| -> u64 {
        ct.and_then(|c| care_types.binary_search(&c).ok())
            .map_or(0, |i| 1u64 << i.min(63))
    };
    let mut answered: Answered = HashMap::default();
    let mut add = |key: (Period, Option<u32>, usize), set: u64| {
        let list = answered.entry(key).or_default();
        match list.iter_mut().find(|(s, _)| *s == set) {
            Some(x) => x.1 += 1,
            None => list.push((set, 1)),
        }
    };
    let mut responses: HashMap<(Period, Option<u32>, u16), u64> = HashMap::default();
    let mut order: Vec<u32> = (0..data.respondents.len() as u32).collect();
    order.sort_by_key(|&i| {
        let r = &data.respondents[i as usize];
        (r.source, r.key)
    });
    let mut i = 0;
    // Rows of one respondent: (period, VSV, care-type bit, measures).
    let mut rows: Vec<(Period, u32, u64, u128)> = Vec::new();
    let mut units: Vec<(Period, u32)> = Vec::new();
    while i < order.len() {
        let first = &data.respondents[order[i] as usize];
        let (source, key) = (first.source, first.key);
        let mut j = i;
        rows.clear();
        while j < order.len() {
            let r = &data.respondents[order[j] as usize];
            if (r.source, r.key) != (source, key) {
                break;
            }
            rows.push((
                r.period,
                r.vsv,
                bit_of(r.care_type),
                row_measures[order[j] as usize],
            ));
            j += 1;
        }
        units.clear();
        units.extend(rows.iter().map(|&(p, v, _, _)| (p, v)));
        units.sort_unstable();
        units.dedup();
        for &(p, v) in &units {
            *responses.entry((p, Some(v), source)).or_default() += 1;
            *responses.entry((p, None, source)).or_default() += 1;
            let mine = || rows.iter().filter(move |r| r.0 == p && r.1 == v);
            let all = mine().fold(0u128, |a, r| a | r.3);
            let mut bits = all;
            while bits != 0 {
                let mi = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if mi >= m {
                    continue;
                }
                let set = mine()
                    .filter(|r| r.3 & (1u128 << mi) != 0)
                    .fold(0u64, |a, r| a | r.2);
                add((p, Some(v), mi), set);
                add((p, None, mi), set);
            }
        }
        i = j;
    }
    let mut responses: Vec<(Period, Option<u32>, u16, u64)> = responses
        .into_iter()
        .map(|((p, v, s), n)| (p, v, s, n))
        .collect();
    responses.sort_unstable();
    Distinct {
        care_types,
        answered,
        responses,
    }
}

/// What every chunk of the answer loop needs to know about where to add.
struct AnswerSlots<'a> {
    measures: &'a MeasureIndex,
    group_of_row: &'a [u32],
    unit_of_row: &'a [u32],
    grade_slot: &'a HashMap<u16, usize>,
    /// Measures, standardised measures, strata, age levels.
    m: usize,
    sm: usize,
    n_strata: usize,
    age_levels: usize,
    groups: usize,
    units: usize,
}

/// Sums of one chunk of answers.
struct Partial {
    acc: Vec<Acc>,
    strata: Vec<(u64, f64)>,
    row_measures: Vec<(u32, u128)>,
    alpha: HashMap<(u32, u16), Vec<Vec<f64>>>,
    in_theme: Vec<u64>,
}

/// The answer loop over `range` (whole respondent rows): item and theme sums per finest
/// group, case-mix strata, measures per row, complete cases for α.
fn accumulate(data: &Canonical, lay: &AnswerSlots, range: std::ops::Range<usize>) -> Partial {
    let mut out = Partial {
        acc: vec![Acc::default(); lay.groups * lay.m],
        strata: vec![(0, 0.0); lay.units * lay.sm * lay.n_strata],
        row_measures: Vec::new(),
        alpha: HashMap::default(),
        in_theme: vec![0; lay.groups * lay.m],
    };
    let mut theme_sum = vec![0.0f64; data.themes.len()];
    let mut theme_cnt = vec![0usize; data.themes.len()];
    let mut theme_items: Vec<Vec<(u16, f64)>> = vec![Vec::new(); data.themes.len()];
    let answers = &data.answers[range.clone()];
    let mut start = 0;
    while start < answers.len() {
        let row = answers[start].row;
        let mut end = start;
        while end < answers.len() && answers[end].row == row {
            end += 1;
        }
        let g = lay.group_of_row[row as usize] as usize;
        let base = g * lay.m;
        let mut mask = 0u128;
        let resp = &data.respondents[row as usize];
        let who = data
            .key_digests
            .get(resp.key as usize)
            .copied()
            .unwrap_or(0);
        let stratum = match resp.parity {
            Some(crate::ingest::value::Parity::First) => 0,
            Some(crate::ingest::value::Parity::Later) => 1,
            None => 2,
        } * lay.age_levels
            + resp
                .age_band
                .map_or(lay.age_levels - 1, |a| (a as usize).min(lay.age_levels - 2));
        let strata_base = lay.unit_of_row[row as usize] as usize * lay.sm;
        let mut add_stratum = |k: usize, score: f64| {
            if let Some(cell) = out
                .strata
                .get_mut((strata_base + k) * lay.n_strata + stratum)
            {
                cell.0 += 1;
                cell.1 += score;
            }
        };
        for a in &answers[start..end] {
            let item = &data.items[a.item as usize];
            let score = f64::from(a.score);
            let mi = lay.measures.item(a.item);
            out.acc[base + mi].add(score, a.positive, a.problem, who);
            match item.role {
                ItemRole::Theme(t) => {
                    theme_sum[t] += score;
                    theme_cnt[t] += 1;
                    theme_items[t].push((a.item, score));
                }
                ItemRole::Recommend => {
                    let v = f64::from(a.value);
                    let mi = lay.measures.nps(a.item);
                    out.acc[base + mi].add(v, v >= 9.0, v <= 6.0, who);
                    mask |= lay.measures.bit(mi);
                }
                ItemRole::Grade => {
                    if let Some(&k) = lay.grade_slot.get(&a.item) {
                        add_stratum(k, score);
                    }
                }
                ItemRole::Other => {}
            }
            mask |= lay.measures.bit(mi);
        }
        for (t, theme) in data.themes.iter().enumerate() {
            let c = theme_cnt[t];
            if c == 0 {
                continue;
            }
            if 2 * c >= theme.n_items {
                let s = theme_sum[t] / c as f64;
                let top = theme.positive_score.is_some_and(|p| s >= p - 1e-9);
                let prob = theme.problem_score.is_some_and(|p| s <= p + 1e-9);
                let mi = lay.measures.theme(t);
                out.acc[base + mi].add(s, top, prob, who);
                mask |= lay.measures.bit(mi);
                add_stratum(t, s);
                for &(item, _) in &theme_items[t] {
                    out.in_theme[base + lay.measures.item(item)] += 1;
                }
            }
            if theme.n_items >= 2 && c == theme.n_items {
                let cols = out
                    .alpha
                    .entry((g as u32, t as u16))
                    .or_insert_with(|| vec![Vec::new(); theme.n_items]);
                let mut its = std::mem::take(&mut theme_items[t]);
                its.sort_by_key(|(i, _)| *i);
                for (j, (_, s)) in its.iter().enumerate() {
                    if let Some(col) = cols.get_mut(j) {
                        col.push(*s);
                    }
                }
            }
            theme_sum[t] = 0.0;
            theme_cnt[t] = 0;
            theme_items[t].clear();
        }
        out.row_measures.push((row, mask));
        start = end;
    }

    out
}

/// Dense numbering of measures: themes, then items, then NPS per recommendation item.
struct MeasureIndex {
    list: Vec<Measure>,
    theme_base: usize,
    item_base: usize,
    nps: HashMap<u16, usize>,
}

impl MeasureIndex {
    fn new(data: &Canonical) -> MeasureIndex {
        let mut list = Vec::new();
        for t in 0..data.themes.len() {
            list.push(Measure::Theme(t as u16));
        }
        let item_base = list.len();
        for (i, it) in data.items.iter().enumerate() {
            list.push(match it.role {
                ItemRole::Grade => Measure::Grade(i as u16),
                _ => Measure::Item(i as u16),
            });
        }
        let mut nps = HashMap::default();
        for (i, it) in data.items.iter().enumerate() {
            if it.role == ItemRole::Recommend {
                nps.insert(i as u16, list.len());
                list.push(Measure::Nps(i as u16));
            }
        }
        MeasureIndex {
            list,
            theme_base: 0,
            item_base,
            nps,
        }
    }
    fn len(&self) -> usize {
        self.list.len()
    }
    fn theme(&self, t: usize) -> usize {
        self.theme_base + t
    }
    fn item(&self, i: u16) -> usize {
        self.item_base + i as usize
    }
    fn nps(&self, i: u16) -> usize {
        self.nps.get(&i).copied().unwrap_or(0)
    }
    fn measure(&self, mi: usize) -> Measure {
        self.list[mi]
    }
    /// Bit of a measure in a row mask; measures beyond 128 get none (their distinct
    /// counts then fall back to the largest care-type count).
    fn bit(&self, mi: usize) -> u128 {
        if mi < 128 {
            1u128 << mi
        } else {
            0
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::codebook::Codebook;
    use crate::ingest::{Answer, ItemRef, Respondent, SourceData, ThemeRef};
    use crate::period::PeriodKind;
    use chrono::NaiveDate;

    /// A canonical table with one one-item theme on 1–10; `groups` lists
    /// (vsv, care type, scores), one respondent per score, keys unique per group row.
    pub(crate) fn data(groups: &[(&str, Option<&str>, &[f32])]) -> Canonical {
        let mut c = Canonical::default();
        let cb = Codebook::resolve("prem-geboortezorg", std::path::Path::new(".")).unwrap();
        c.sources.push(SourceData {
            name: "prem".into(),
            codebook: cb,
            participation: None,
            files: vec![],
        });
        c.themes.push(ThemeRef {
            id: "info".into(),
            label: "Info".into(),
            label_en: None,
            source: 0,
            n_items: 1,
            importance: None,
            positive_score: Some(9.0),
            problem_score: Some(5.0),
        });
        c.items.push(ItemRef {
            id: "info1".into(),
            source: 0,
            role: ItemRole::Theme(0),
        });
        let date = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
        let mut key = 0;
        for (vsv, ct, values) in groups {
            let vsv = c.names.intern(vsv);
            let ct = ct.map(|x| c.names.intern(x));
            for (i, v) in values.iter().enumerate() {
                let row = c.respondents.len() as u32;
                c.respondents.push(Respondent {
                    source: 0,
                    key: key + i as u32,
                    vsv,
                    organisation: None,
                    care_type: ct,
                    date,
                    period: Period::of(date, PeriodKind::Quarter),
                    parity: None,
                    age_band: None,
                    education: None,
                    place_of_birth: None,
                });
                c.answers.push(Answer {
                    row,
                    item: 0,
                    value: *v,
                    score: *v,
                    positive: *v >= 9.0,
                    problem: *v <= 5.0,
                });
            }
            key += 1000;
        }
        c
    }

    /// An open answer of respondent row `row` that may be quoted on `side`.
    pub(crate) fn comment(
        row: u32,
        text: &str,
        side: crate::ingest::Side,
    ) -> crate::ingest::Comment {
        let tone = match side {
            crate::ingest::Side::Improvement => crate::text::polarity::Polarity::Negative,
            crate::ingest::Side::Compliment => crate::text::polarity::Polarity::Positive,
        };
        crate::ingest::Comment {
            row,
            column: "Opmerkingen".into(),
            text: text.into(),
            tone,
            side: Some(side),
            signal: None,
            blocked: false,
        }
    }

    /// The theme cell of a unit.
    pub(crate) fn cell<'a>(
        s: &'a Scores,
        c: &Canonical,
        vsv: Option<&str>,
        ct: Option<&str>,
    ) -> &'a Cell {
        let v = vsv.map(|x| c.names.find(x).unwrap());
        let t = ct.map(|x| c.names.find(x).unwrap());
        s.cells
            .iter()
            .find(|x| x.vsv == v && x.care_type == t && x.measure == Measure::Theme(0))
            .unwrap()
    }

    #[test]
    fn tiers_follow_min_n_and_indicative_n() {
        let p = Privacy::default();
        assert_eq!(Tier::of(9, &p), Tier::Suppressed);
        assert_eq!(Tier::of(10, &p), Tier::Indicative);
        assert_eq!(Tier::of(29, &p), Tier::Indicative);
        assert_eq!(Tier::of(30, &p), Tier::Full);
    }

    /// A unit cell in a period; its cells oldest first; none for care types, other units or
    /// periods without one.
    #[test]
    fn unit_cells_are_found_by_period_vsv_and_measure() {
        let mut d = data(&[
            ("A", Some("VP"), &[8.0; 12]),
            ("A", Some("VP"), &[6.0; 12]),
            ("B", None, &[7.0; 12]),
        ]);
        let q2 = Period::parse("2026-Q2").unwrap();
        for r in d.respondents.iter_mut().skip(12).take(12) {
            r.period = q2;
        }
        let s = crate::analysis::disclosure::disclose(score(&d), &Privacy::default());
        let a = d.names.find("A");
        let q3 = Period::parse("2026-Q3").unwrap();
        let mean = |p, v| {
            s.unit_cell(p, v, Measure::Theme(0))
                .and_then(|c| c.stats)
                .map(|x| x.mean)
        };
        assert_eq!(mean(q3, a), Some(8.0));
        assert_eq!(mean(q2, a), Some(6.0));
        assert_eq!(mean(q2, d.names.find("B")), None);
        let c = s.unit_cell(q3, a, Measure::Theme(0)).unwrap();
        assert_eq!((c.care_type, c.organisation, c.vsv), (None, None, a));
        let periods: Vec<Period> = s
            .unit_cells(a, Measure::Theme(0))
            .map(|c| c.period)
            .collect();
        assert_eq!(periods, [q2, q3]);
        // A report of Q2 sees no Q3 cell.
        assert_eq!(s.up_to(q2).unit_cell(q3, a, Measure::Theme(0)), None);
    }

    #[test]
    fn respondent_theme_score_needs_half_the_items() {
        // Two-item theme: a respondent with one of two answers counts (1 ≥ 2/2);
        // with a three-item theme one answer of three does not.
        let mut d = data(&[("A", None, &[8.0; 12])]);
        d.themes[0].n_items = 3;
        let s = score(&d);
        assert!(!s.pooled.iter().any(|(c, _)| c.measure == Measure::Theme(0)));
        d.themes[0].n_items = 2;
        let s = crate::analysis::disclosure::disclose(score(&d), &Privacy::default());
        assert_eq!(cell(&s, &d, Some("A"), None).stats.map(|s| s.n), Some(12));
    }
}
