//! One analysis, start to finish before anything is rendered: codebooks → ingest → score
//! → disclosure (minding the ledger) → trends, SPC, funnels, flags and the review of open
//! answers. [`crate::report`] renders what it computes; the year chapter runs it per year.

use crate::analysis::compare::Funnels;
use crate::analysis::disclosure::answers::ShownAnswers;
use crate::analysis::score::{score, Measure, Scores};
use crate::analysis::trend::SpcCharts;
use crate::config::codebook::Codebook;
use crate::config::Config;
use crate::error::{ConfigProblem, Error, InputProblem, Reason, Result, UsageProblem};
use crate::ingest::{ingest, Canonical};
use crate::period::Period;
use crate::registers::actions::{read_register, register_path, Action};
use crate::text::safeguarding::Signal;
use crate::timings::{Stage, Timings};
use std::collections::BTreeSet;

/// Everything computed for one report.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub config: Config,
    /// The canonical tables, without their answers and without the open answers of other
    /// periods than the report's: [`analyse`] releases those once the cells are scored
    /// ([`ingest`] gives them whole).
    pub data: Canonical,
    pub scores: Scores,
    /// The report's period.
    pub period: Period,
    /// The actions register.
    pub actions: Vec<Action>,
    /// The participation register.
    pub participation: Vec<crate::registers::participation::Activity>,
    /// The XmR chart of every unit (the region and each VSV, all care types and
    /// organisations together) × measure up to the period: the series that gives the
    /// cells' `spc_signal`.
    pub spc: SpcCharts,
    /// The funnel of every theme across the VSVs in the period (all care types together).
    pub funnels: Funnels,
    /// The answer counts per unit and theme in the period that may be shown.
    pub answers: ShownAnswers,
    /// The periods of the data, oldest first.
    pub periods: Vec<Period>,
    /// The shared files of collaborating VSVs (`[[peer]]`) whose figures are in `scores`.
    pub peers: Vec<crate::analysis::peer::PeerFile>,
    /// The national reference (`[benchmark] national`).
    pub national: Option<crate::analysis::benchmark::National>,
    /// Scales that seem to run the wrong way (a warning for the officer).
    pub reversed: Vec<crate::analysis::direction::Reversed>,
    /// Rows whose open texts need follow-up by a person (self-harm, violence, …), from all
    /// data read, not only the period. For the officer only: no report file shows them.
    pub signals: Vec<Signal>,
    /// The review of every open answer of the period (`data.comments`, same order): what
    /// may be quoted.
    pub moderation: crate::analysis::moderation::Moderation,
    /// Clients who wrote about each theme in the period and the three before, as far as
    /// they may be shown.
    pub comment_counts: crate::analysis::comments::CommentCounts,
    /// What this analysis publishes, for the publication ledger: a command that writes
    /// the report adds it ([`crate::analysis::ledger`]).
    pub publishes: Vec<crate::analysis::ledger::Entry>,
    /// Per period: cells hidden because they would differ by 1 to `min_n − 1` clients from
    /// an earlier release (the officer is told).
    pub held: Vec<(Period, usize)>,
}

/// How many periods the table of what clients write about covers, the report's included.
const COMMENT_PERIODS: usize = 4;

impl Analysis {
    /// What quotes are chosen from, with the published cells `shown`.
    pub fn quote_source<'a>(
        &'a self,
        shown: &'a Scores,
    ) -> crate::analysis::flag_quotes::QuoteSource<'a> {
        crate::analysis::flag_quotes::QuoteSource {
            data: &self.data,
            scores: shown,
            config: &self.config.quotes,
            moderation: &self.moderation,
        }
    }

    /// Takes the officer's decisions from her comments workbook.
    pub fn moderate(&mut self, decisions: &crate::analysis::moderation::Decisions) {
        self.moderation.apply(decisions);
    }
}

/// Loads the codebook of every source, in source order.
pub fn load_codebooks(config: &Config) -> Result<Vec<Codebook>> {
    config
        .codebook_specs()
        .iter()
        .map(|spec| Codebook::resolve(spec, config.dir()))
        .collect()
}

/// Reads and scores everything; `period` defaults to the latest period in the data.
pub fn analyse(config: Config, period: Option<Period>) -> Result<Analysis> {
    analyse_timed(config, period, &mut Timings::off())
}

/// [`analyse`], recording the time and memory of each stage in `timings`.
pub fn analyse_timed(
    config: Config,
    period: Option<Period>,
    timings: &mut Timings,
) -> Result<Analysis> {
    let codebooks = load_codebooks(&config)?;
    let data = ingest(&config, &codebooks)?;
    analyse_data(config, data, period, timings)
}

/// [`analyse`] in coarser periods than `finer`, an analysis of the same rows already
/// published (the year chapter's years beside the report's quarters): no coarser cell
/// leaves a small group outside the finer cells it covers.
pub fn analyse_under(config: Config, period: Option<Period>, finer: &Analysis) -> Result<Analysis> {
    let codebooks = load_codebooks(&config)?;
    let data = ingest(&config, &codebooks)?;
    let kind = config.analysis.period;
    let finer = crate::analysis::disclosure::earlier::Finer::of(&finer.scores, kind);
    analyse_data_under(config, data, period, &mut Timings::off(), Some(&finer))
}

/// [`analyse_timed`] of data already read.
pub fn analyse_data(
    config: Config,
    data: Canonical,
    period: Option<Period>,
    timings: &mut Timings,
) -> Result<Analysis> {
    analyse_data_under(config, data, period, timings, None)
}

fn analyse_data_under(
    config: Config,
    mut data: Canonical,
    period: Option<Period>,
    timings: &mut Timings,
    finer: Option<&crate::analysis::disclosure::earlier::Finer>,
) -> Result<Analysis> {
    let signals = std::mem::take(&mut data.signals);
    for theme in config.targets.keys() {
        if !data.themes.iter().any(|t| &t.id == theme) {
            let known = data.themes.iter().map(|t| t.id.clone()).collect();
            let problem = ConfigProblem::UnknownTarget {
                theme: theme.clone(),
                known,
            };
            return Err(Error::config(&config.path, problem));
        }
    }
    // Read before the slow stages: a bad register, standard or shared file stops the run
    // at once.
    let standard = crate::analysis::standard::of_config(&config, &data)?;
    let mut peers = crate::analysis::peer::read(&config, &mut data, standard.as_ref())?;
    let national = crate::analysis::benchmark::of_config(&config, &data)?;
    let reversed = crate::analysis::direction::reversed_scales(&data);
    let register = register_path(&config);
    let actions = read_register(&register, config.analysis.actions.is_some(), &data)?;
    let participation = crate::registers::participation::read_register(
        &crate::registers::participation::register_path(&config),
        config.analysis.participation.is_some(),
        &data,
        &actions,
    )?;
    let mut periods = data.periods();
    periods.extend(
        peers
            .parts
            .iter()
            .flat_map(|p| p.cells.iter().map(|c| c.period)),
    );
    periods.sort();
    periods.dedup();
    let Some(latest) = periods.last().copied() else {
        // Nothing is written in this case, so say here why the rows were left out.
        let reasons = data
            .quality
            .by_problem()
            .into_iter()
            .map(|(problem, count)| Reason {
                problem,
                count,
                first: data
                    .quality
                    .issues
                    .iter()
                    .find(|i| i.problem == problem)
                    .cloned(),
            })
            .collect();
        let problem = InputProblem::NoUsableRows { reasons };
        return Err(Error::input(&config.path, problem));
    };
    let period = match period {
        None => latest,
        Some(p) => {
            if p.kind != config.analysis.period {
                return Err(Error::Usage(UsageProblem::PeriodKind {
                    period: p,
                    kind: config.analysis.period,
                }));
            }
            if !periods.contains(&p) {
                return Err(Error::Usage(UsageProblem::NoDataForPeriod {
                    period: p,
                    periods,
                }));
            }
            p
        }
    };
    let ledger = crate::analysis::ledger::Ledger::read(&config.output_dir())?;
    timings.lap(Stage::Ingest);
    let computed = score(&data);
    timings.lap(Stage::Score);
    // What earlier releases from this output folder showed: a cell shown again counts the
    // same clients or differs by at least min_n.
    let places = crate::analysis::ledger::Places::of(&computed, &data);
    let mut earlier = places.earlier(&ledger);
    let (mut scores, _) = crate::analysis::disclosure::disclose_released(
        computed,
        peers.parts.clone(),
        &config.privacy,
        finer,
        Some(&earlier),
    );
    let publishes = places.published(&scores);
    // The proof, on every run: nothing leaves when the published structure fails the rule.
    audited(&scores, &config, &data)?;
    timings.lap(Stage::Disclose);
    scores.case_mix.standard = standard.map(|s| s.shares);
    scores.case_mix.given = peers.std.drain().collect();
    crate::analysis::trend::add_trends(&mut scores, config.analysis.mid);
    let mut spc = crate::analysis::trend::add_spc_signals(
        &mut scores,
        period,
        config.analysis.spc_min_points,
    );
    // What the report draws: unit series and the period's theme funnels.
    spc.retain(|&(_, care_type, organisation, _), _| care_type.is_none() && organisation.is_none());
    timings.lap(Stage::Trend);
    let mut funnels =
        crate::analysis::compare::compare(&mut scores, u64::from(config.privacy.min_n));
    funnels.retain(|&(p, care_type, m), _| {
        p == period && care_type.is_none() && matches!(m, Measure::Theme(_))
    });
    let answers = crate::analysis::disclosure::answers::answer_counts(
        &data,
        &scores,
        period,
        &peers.answers_of(period),
    );
    // Every number the report shows now lives in the cells and counts: the answers table
    // (16 bytes an answer, 270 MB for the nation) is released before the report is built.
    data.answers = Vec::new();
    let counted: BTreeSet<Period> = periods
        .iter()
        .rev()
        .filter(|p| **p <= period)
        .take(COMMENT_PERIODS)
        .copied()
        .collect();
    let keywords: Vec<Vec<String>> = (0..data.themes.len())
        .map(|t| crate::analysis::moderation::keywords(&data, &config.quotes, t))
        .collect();
    let words = crate::analysis::moderation::ThemeWords::new(&data, &keywords);
    let raw_counts = crate::analysis::comments::count(&data, &counted, |i| {
        let c = &data.comments[i];
        let source = data
            .respondents
            .get(c.row as usize)
            .map_or(0, |r| r.source as usize);
        words.themes_of(source, &c.text)
    });
    crate::analysis::ledger::earlier_comments(&raw_counts, &data, &ledger, &mut earlier);
    let comment_counts = crate::analysis::disclosure::answers::shown_comment_counts(
        &raw_counts,
        &scores,
        &config.privacy,
        !peers.files.is_empty(),
        Some(&earlier),
    );
    let mut publishes = publishes;
    publishes.extend(crate::analysis::ledger::published_comments(
        &comment_counts,
        &data,
    ));
    publishes.sort();
    let held = earlier.held();
    // Only the report period's open answers can be quoted or reviewed: the others go.
    let in_period: Vec<bool> = data
        .comments
        .iter()
        .map(|c| {
            data.respondents
                .get(c.row as usize)
                .is_some_and(|r| r.period == period)
        })
        .collect();
    let mut keep = in_period.into_iter();
    data.comments.retain(|_| keep.next().unwrap_or(false));
    let moderation = crate::analysis::moderation::Moderation::new(&data, &config);
    timings.lap(Stage::Compare);
    Ok(Analysis {
        config,
        data,
        scores,
        period,
        actions,
        participation,
        spc,
        funnels,
        answers,
        periods,
        peers: peers.files,
        national,
        reversed,
        signals,
        moderation,
        comment_counts,
        publishes,
        held,
    })
}

/// An audit finding with its VSV, care type, organisation and measure resolved to the
/// export's and codebook's names.
/// The disclosure audit of `scores` (see [`crate::analysis::disclosure::audit::audit`]): an error naming the
/// first finding when the published structure fails the rule.
pub(crate) fn audited(scores: &Scores, config: &Config, data: &Canonical) -> Result<()> {
    let findings = crate::analysis::disclosure::audit::audit(scores, &config.privacy);
    match findings.first() {
        None => Ok(()),
        Some(first) => Err(Error::DisclosureAudit {
            path: config.path.clone(),
            count: findings.len(),
            min_n: config.privacy.min_n,
            first: audit_finding(first, data),
        }),
    }
}

fn audit_finding(
    f: &crate::analysis::disclosure::audit::Finding,
    data: &Canonical,
) -> crate::error::AuditFinding {
    use crate::analysis::score::Measure;
    use crate::error::AuditFinding;
    let mut names: Vec<String> = [f.vsv, f.care_type, f.organisation]
        .into_iter()
        .flatten()
        .map(|id| data.names.get(id).to_string())
        .collect();
    let measure = f.measure.and_then(|m| match m {
        Measure::Theme(i) => data.themes.get(i as usize).map(|t| t.id.clone()),
        Measure::Item(i) | Measure::Grade(i) | Measure::Nps(i) => {
            data.items.get(i as usize).map(|t| t.id.clone())
        }
    });
    names.extend(measure);
    AuditFinding {
        period: f.period,
        names,
        problem: f.problem,
    }
}
