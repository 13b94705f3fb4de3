//! The main job as a library: config → codebooks → ingest → score → report files.
//! The CLI only adds the terminal and the file system around [`analyse`] and [`build`].

use crate::actions::{follow_up, read_register, register_path, Action, FollowUp};
use crate::codebook::Codebook;
use crate::compare::Funnels;
use crate::config::Config;
use crate::disclosure::{FlagQuotes, ShownAnswers};
use crate::error::{ConfigProblem, Error, InputProblem, Reason, Result, UsageProblem};
use crate::i18n::Language;
use crate::ingest::{ingest, Canonical};
use crate::layout::{self, MANIFEST, REGION_DIR};
use crate::output::{unique_slugs, Bundle};
use crate::period::Period;
use crate::render::agenda::{agenda_md, Extras};
use crate::render::figures::{self, ChartLink, Figure};
use crate::render::markdown::plain_text;
use crate::render::{manifest, points, quality, tables, Document};
use crate::rerun::{Previous, Scope, Written};
use crate::safeguarding::Signal;
use crate::score::{score, Measure, Scores, Unit};
use crate::timings::{Stage, Timings};
use crate::trend::SpcCharts;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// Report files with their paths in the bundle, made before they are added.
type Files = Vec<(String, Vec<u8>)>;

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
    pub participation: Vec<crate::participation::Entry>,
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
    pub peers: Vec<crate::peer::PeerFile>,
    /// The national reference (`[benchmark] national`).
    pub national: Option<crate::benchmark::National>,
    /// Scales that seem to run the wrong way (a warning for the officer).
    pub reversed: Vec<crate::direction::Reversed>,
    /// Rows whose open texts need follow-up by a person (self-harm, violence, …), from all
    /// data read, not only the period. For the officer only: no report file shows them.
    pub signals: Vec<Signal>,
    /// The review of every open answer of the period (`data.comments`, same order): what
    /// may be quoted.
    pub moderation: crate::moderation::Moderation,
    /// Clients who wrote about each theme in the period and the three before, as far as
    /// they may be shown.
    pub comment_counts: crate::comments::CommentCounts,
    /// What this analysis publishes, for the publication ledger: a command that writes
    /// the report adds it ([`crate::ledger`]).
    pub publishes: Vec<crate::ledger::Entry>,
    /// Per period: cells hidden because they would differ by 1 to `min_n − 1` clients from
    /// an earlier release (the officer is told).
    pub held: Vec<(Period, usize)>,
}

/// How many periods the table of what clients write about covers, the report's included.
const COMMENT_PERIODS: usize = 4;

impl Analysis {
    /// What quotes are chosen from, with the published cells `shown`.
    pub fn quote_source<'a>(&'a self, shown: &'a Scores) -> crate::disclosure::QuoteSource<'a> {
        crate::disclosure::QuoteSource {
            data: &self.data,
            scores: shown,
            config: &self.config.quotes,
            moderation: &self.moderation,
        }
    }

    /// Takes the officer's decisions from her comments workbook.
    pub fn moderate(&mut self, decisions: &crate::moderation::Decisions) {
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
    let finer = crate::disclosure::Finer::of(&finer.scores, kind);
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
    finer: Option<&crate::disclosure::Finer>,
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
    let standard = crate::standard::of_config(&config, &data)?;
    let mut peers = crate::peer::read(&config, &mut data, standard.as_ref())?;
    let national = crate::benchmark::of_config(&config, &data)?;
    let reversed = crate::direction::reversed_scales(&data);
    let register = register_path(&config);
    let actions = read_register(&register, config.analysis.actions.is_some(), &data)?;
    let participation = crate::participation::read_register(
        &crate::participation::register_path(&config),
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
    let ledger = crate::ledger::Ledger::read(&config.output_dir())?;
    timings.lap(Stage::Ingest);
    let computed = score(&data);
    timings.lap(Stage::Score);
    // What earlier releases from this output folder showed: a cell shown again counts the
    // same clients or differs by at least min_n.
    let places = crate::ledger::Places::of(&computed, &data);
    let mut earlier = places.earlier(&ledger);
    let (mut scores, _) = crate::disclosure::disclose_released(
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
    crate::trend::add_trends(&mut scores, config.analysis.mid);
    let mut spc =
        crate::trend::add_spc_signals(&mut scores, period, config.analysis.spc_min_points);
    // What the report draws: unit series and the period's theme funnels.
    spc.retain(|&(_, care_type, organisation, _), _| care_type.is_none() && organisation.is_none());
    timings.lap(Stage::Trend);
    let mut funnels = crate::compare::compare(&mut scores, u64::from(config.privacy.min_n));
    funnels.retain(|&(p, care_type, m), _| {
        p == period && care_type.is_none() && matches!(m, Measure::Theme(_))
    });
    let answers =
        crate::disclosure::answer_counts(&data, &scores, period, &peers.answers_of(period));
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
        .map(|t| crate::moderation::keywords(&data, &config.quotes, t))
        .collect();
    let words = crate::moderation::ThemeWords::new(&data, &keywords);
    let raw_counts = crate::comments::count(&data, &counted, |i| {
        let c = &data.comments[i];
        let source = data
            .respondents
            .get(c.row as usize)
            .map_or(0, |r| r.source as usize);
        words.themes_of(source, &c.text)
    });
    crate::ledger::earlier_comments(&raw_counts, &data, &ledger, &mut earlier);
    let comment_counts = crate::disclosure::shown_comment_counts(
        &raw_counts,
        &scores,
        &config.privacy,
        !peers.files.is_empty(),
        Some(&earlier),
    );
    let mut publishes = publishes;
    publishes.extend(crate::ledger::published_comments(&comment_counts, &data));
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
    let moderation = crate::moderation::Moderation::new(&data, &config);
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
/// The disclosure audit of `scores` (see [`crate::disclosure::audit`]): an error naming the
/// first finding when the published structure fails the rule.
pub(crate) fn audited(scores: &Scores, config: &Config, data: &Canonical) -> Result<()> {
    let findings = crate::disclosure::audit(scores, &config.privacy);
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

fn audit_finding(f: &crate::disclosure::Finding, data: &Canonical) -> crate::error::AuditFinding {
    use crate::error::AuditFinding;
    use crate::score::Measure;
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

/// Builds every report file; `vsvs` limits the agendas (empty: all VSVs).
pub fn build(a: &Analysis, vsvs: &[u32]) -> Result<Bundle> {
    build_over(a, vsvs, &Previous::default())
}

/// The VSVs named in `names` (as `--vsv` gives them), as ids; a name that is no VSV of the
/// data is an error.
pub fn resolve_vsvs(a: &Analysis, names: &[String]) -> Result<Vec<u32>> {
    let all = a.data.vsvs();
    let name = |v: u32| a.data.names.get(v);
    names
        .iter()
        .map(|wanted| {
            all.iter()
                .copied()
                .find(|&v| name(v) == wanted)
                .ok_or_else(|| {
                    Error::Usage(UsageProblem::UnknownVsv {
                        vsv: wanted.clone(),
                        known: all.iter().map(|&v| name(v).to_string()).collect(),
                    })
                })
        })
        .collect()
}

/// Every VSV of the data with its folder name, in name order.
fn vsv_folders(a: &Analysis) -> Vec<(u32, String)> {
    let all = a.data.vsvs();
    let names: Vec<String> = all
        .iter()
        .map(|&v| a.data.names.get(v).to_string())
        .collect();
    all.into_iter().zip(unique_slugs(&names)).collect()
}

/// What a run over the report folder `previous` replaces: the whole folder, unless `vsvs`
/// asks for some VSVs and there is a report to keep the others of. Then only their folders,
/// the index and the manifest: the region's agenda, the tables and the data-quality report
/// stay as the last full run wrote them.
pub fn scope(a: &Analysis, vsvs: &[u32], previous: &Previous) -> Scope {
    scope_of(&vsv_folders(a), vsvs, previous)
}

/// [`scope`] over the VSV folders `folders`.
fn scope_of(folders: &[(u32, String)], vsvs: &[u32], previous: &Previous) -> Scope {
    if vsvs.is_empty() || previous.is_empty() {
        return Scope::Whole;
    }
    Scope::Units(
        folders
            .iter()
            .filter(|(v, _)| vsvs.contains(v))
            .map(|(_, slug)| slug.clone())
            .collect(),
    )
}

/// Builds the report files a run over the report folder `previous` writes (see [`scope`]):
/// with a partial scope only the files inside it, the others of `previous` kept, and an
/// index listing every VSV with an agenda in the folder afterwards.
pub fn build_over(a: &Analysis, vsvs: &[u32], previous: &Previous) -> Result<Bundle> {
    build_timed(a, vsvs, previous, &mut Timings::off())
}

/// [`build_over`], recording the time and memory of each stage in `timings`.
pub fn build_timed(
    a: &Analysis,
    vsvs: &[u32],
    previous: &Previous,
    timings: &mut Timings,
) -> Result<Bundle> {
    let folders = vsv_folders(a);
    let scope = scope_of(&folders, vsvs, previous);
    let mut bundle = Bundle::new();
    let shown = a.scores.up_to(a.period);
    let (units, empty) = agenda_units(a, vsvs, &folders);
    // The tables (the XLSX writer is one long task) beside the charts (many short ones):
    // together they keep both cores busy.
    let (tables, charts) = rayon::join(
        || table_files(a, &shown),
        || figure_files(a, &shown, &units),
    );
    let (figures, charts) = charts?;
    for (path, bytes) in tables?.into_iter().chain(charts) {
        bundle.add(path, bytes)?;
    }
    timings.lap(Stage::TablesCharts);
    let rules = crate::flags::Rules {
        targets: a.config.targets.clone(),
    };
    let flags = crate::flags::flags(&a.data, &shown, a.period, &rules);
    bundle.add(
        layout::table(layout::FLAGS_CSV),
        tables::flags_csv(&a.data, &flags)?,
    )?;
    let quotes = FlagQuotes::choose(
        a.quote_source(&shown),
        flags.iter().filter(|f| points::leads(f)),
    );
    timings.lap(Stage::Flags);
    add_agendas(&mut bundle, a, &shown, &units, &figures, &flags, &quotes)?;
    let listed = listed_agendas(&folders, &units, &scope, previous);
    let index = crate::render::index::index(&crate::render::index::IndexInput {
        config: &a.config,
        data: &a.data,
        scores: &shown,
        period: a.period,
        units: &listed,
        empty: &empty,
        flags: &flags,
    });
    add_documents(
        &mut bundle,
        "",
        layout::INDEX,
        &index,
        a.config.analysis.language,
    )?;
    add_manifest(a, &mut bundle, &scope, previous)?;
    timings.lap(Stage::Documents);
    Ok(bundle)
}

/// The tables of scores and reliability and the data-quality report, with their paths.
fn table_files(a: &Analysis, shown: &Scores) -> Result<Files> {
    let lang = a.config.analysis.language;
    let [csv, xlsx, parquet] = tables::score_files(&a.data, shown)?;
    Ok(vec![
        (layout::table(layout::SCORES_CSV), csv),
        (layout::table(layout::SCORES_XLSX), xlsx),
        (layout::table(layout::SCORES_PARQUET), parquet),
        (
            layout::table(layout::RELIABILITY_CSV),
            tables::reliability_csv(&a.data, shown)?,
        ),
        (
            layout::document("", layout::DATA_QUALITY, "csv"),
            quality::quality_csv(&a.data.quality, lang)?,
        ),
        (
            layout::document("", layout::DATA_QUALITY, "md"),
            quality::quality_md(&a.data.quality, lang, &a.config.analysis.name).into_bytes(),
        ),
    ])
}

/// The units that get an agenda now, with their folders (the VSVs asked for, then the
/// region), and the VSVs asked for that get none: without respondents in the period they
/// get only a line in the index.
fn agenda_units(
    a: &Analysis,
    vsvs: &[u32],
    folders: &[(u32, String)],
) -> (Vec<(Unit, String)>, Vec<u32>) {
    let active: std::collections::BTreeSet<u32> = a
        .data
        .respondents
        .iter()
        .filter(|r| r.period == a.period)
        .map(|r| r.vsv)
        .collect();
    let mut units: Vec<(Unit, String)> = Vec::new();
    let mut empty: Vec<u32> = Vec::new();
    for (v, slug) in folders {
        if !vsvs.is_empty() && !vsvs.contains(v) {
            continue;
        }
        if active.contains(v) {
            units.push((Unit::Vsv(*v), slug.clone()));
        } else {
            empty.push(*v);
        }
    }
    units.push((Unit::Region, REGION_DIR.to_string()));
    (units, empty)
}

/// Draws every unit's charts (the region's own ones too) as SVG and PNG: the figures per
/// unit, in the order of `units`, and the files with their paths.
fn figure_files(
    a: &Analysis,
    shown: &Scores,
    units: &[(Unit, String)],
) -> Result<(Vec<Vec<Figure>>, Files)> {
    let source = figures::Source {
        config: &a.config,
        data: &a.data,
        scores: shown,
        period: a.period,
        spc: &a.spc,
        funnels: &a.funnels,
        answers: &a.answers,
        periods: &a.periods,
        national: a.national.as_ref(),
    };
    let per_unit: Vec<Vec<Figure>> = units
        .par_iter()
        .map(|(unit, dir)| {
            let mut f = figures::unit_figures(&source, *unit, dir);
            if *unit == Unit::Region {
                f.extend(figures::region_figures(&source, dir));
            }
            f
        })
        .collect();
    let all_figures: Vec<&Figure> = per_unit.iter().flatten().collect();
    let rendered = figures::render_all(&all_figures).map_err(|(path, e)| Error::Output {
        path: path.into(),
        message: e.to_string(),
    })?;
    let mut files = Vec::with_capacity(2 * rendered.len());
    for (f, r) in all_figures.iter().zip(rendered) {
        let path = f.path();
        files.push((layout::svg(&path), r.svg.into_bytes()));
        files.push((layout::png(&path), r.png));
    }
    Ok((per_unit, files))
}

/// Adds the agenda of every unit in `units` (whose charts are `figures`) in its three
/// formats.
fn add_agendas(
    bundle: &mut Bundle,
    a: &Analysis,
    shown: &Scores,
    units: &[(Unit, String)],
    figures: &[Vec<Figure>],
    flags: &[crate::flags::Flag],
    quotes: &FlagQuotes,
) -> Result<()> {
    let follow_ups: Vec<FollowUp> = a
        .actions
        .iter()
        .map(|x| follow_up(x, shown, a.period, a.config.analysis.mid))
        .collect();
    let register = register_path(&a.config);
    let register_name = register
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    // The region's charts, as a VSV's agenda links them.
    let region_charts: Vec<ChartLink> = units
        .iter()
        .zip(figures)
        .filter(|((unit, _), _)| *unit == Unit::Region)
        .flat_map(|(_, figs)| figs.iter().map(|f| f.link_from_vsv()))
        .collect();
    // Each unit's agenda is independent of the others: written in parallel, added in
    // unit order, so the bundle is the same whatever the number of threads.
    let documents: Vec<Files> = units
        .par_iter()
        .zip(figures)
        .map(|((unit, dir), figs)| {
            let links: Vec<ChartLink> = figs.iter().map(Figure::link).collect();
            let extras = Extras {
                charts: &links,
                region_charts: &region_charts,
                flags,
                follow_ups: &follow_ups,
                register: &register_name,
                quotes,
                peers: &a.peers,
                national: a.national.as_ref(),
                participation: &a.participation,
                actions: &a.actions,
                comment_counts: &a.comment_counts,
                moderation: &a.moderation,
            };
            let markdown = agenda_md(&a.config, &a.data, shown, a.period, *unit, &extras)?;
            // agenda_md gives only the Markdown: the title is its heading.
            let title = markdown
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .map_or_else(|| layout::AGENDA.to_string(), plain_text);
            let charts = links.iter().chain(&region_charts);
            let doc = Document {
                title,
                charts: charts.map(|c| c.file.clone()).collect(),
                markdown,
            };
            documents(
                bundle,
                dir,
                layout::AGENDA,
                &doc,
                a.config.analysis.language,
            )
        })
        .collect::<Result<_>>()?;
    for (path, bytes) in documents.into_iter().flatten() {
        bundle.add(path, bytes)?;
    }
    Ok(())
}

/// The VSV agendas the folder holds after this run, for the index: those written now
/// and, when the run replaces only some, those it keeps.
fn listed_agendas(
    folders: &[(u32, String)],
    units: &[(Unit, String)],
    scope: &Scope,
    previous: &Previous,
) -> Vec<(Unit, String)> {
    let mut listed: Vec<(Unit, String)> = Vec::new();
    for (v, slug) in folders {
        let written = units.iter().any(|(_, dir)| dir == slug);
        let kept = *scope != Scope::Whole
            && previous
                .files
                .contains_key(&layout::document(slug, layout::AGENDA, "md"))
            && !scope.replaces(slug);
        if written || kept {
            listed.push((Unit::Vsv(*v), slug.clone()));
        }
    }
    listed
}

/// Adds `manifest.json`, recording every file the folder will hold as prem wrote it. With a
/// partial scope the bundle is first cut to that scope and the rest of the previous folder
/// kept, its record unchanged.
fn add_manifest(
    a: &Analysis,
    bundle: &mut Bundle,
    scope: &Scope,
    previous: &Previous,
) -> Result<()> {
    let mut files: Vec<Written> = Vec::new();
    if *scope != Scope::Whole {
        bundle.retain(|p| scope.replaces(p));
        for path in previous.files.keys().filter(|p| !scope.replaces(p)) {
            bundle.keep(path.clone());
        }
        if let Some(record) = &previous.record {
            files.extend(
                record
                    .values()
                    .filter(|w| !scope.replaces(&w.path))
                    .cloned(),
            );
        }
    }
    files.extend(bundle.files().map(|(path, bytes)| Written::of(path, bytes)));
    files.sort_by(|x, y| x.path.cmp(&y.path));
    let peers: Vec<manifest::PeerEntry> = a.peers.iter().map(Into::into).collect();
    let manifest =
        manifest::manifest_json(&a.config, &a.data, a.period, &peers, &files).map_err(|e| {
            Error::Output {
                path: MANIFEST.into(),
                message: e.to_string(),
            }
        })?;
    bundle.add(MANIFEST, manifest)
}

/// Adds `<dir>/<name>.md`, `.html` and, for agendas, `.docx` of one document (see
/// [`documents`]).
fn add_documents(
    bundle: &mut Bundle,
    dir: &str,
    name: &str,
    doc: &Document,
    lang: Language,
) -> Result<()> {
    for (path, bytes) in documents(bundle, dir, name, doc, lang)? {
        bundle.add(path, bytes)?;
    }
    Ok(())
}

/// `<dir>/<name>.md`, `.html` (charts inline as SVG) and, for agendas, `.docx` (charts as
/// PNG) from one document, with their paths. Its charts are looked up in the bundle
/// relative to `dir`.
fn documents(
    bundle: &Bundle,
    dir: &str,
    name: &str,
    doc: &Document,
    lang: Language,
) -> Result<Files> {
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    // Folders below the report's root: how far a relative link may climb.
    let depth = prefix.matches('/').count();
    // Each chart by the image source the Markdown gives it, with its path in the bundle.
    let charts: HashMap<String, String> = doc
        .charts
        .iter()
        .filter_map(|c| Some((layout::png(c), within(&prefix, c)?)))
        .collect();
    let md = &doc.markdown;
    let html = {
        let svg = |src: &str| {
            let bytes = bundle.get(&layout::svg(charts.get(src)?))?;
            String::from_utf8(bytes.to_vec()).ok()
        };
        crate::render::html::markdown_to_html(md, &doc.title, lang.id(), depth, &svg)
    };
    let mut out = vec![
        (layout::document(dir, name, "md"), md.as_bytes().to_vec()),
        (layout::document(dir, name, "html"), html.into_bytes()),
    ];
    if name == layout::AGENDA || name == layout::CHAPTER {
        let png = |src: &str| {
            bundle
                .get(&layout::png(charts.get(src)?))
                .map(<[u8]>::to_vec)
        };
        let docx =
            crate::render::docx::markdown_to_docx(md, &doc.title, lang.texts().figure, depth, &png)
                .map_err(|e| Error::Output {
                    path: layout::document(dir, name, "docx").into(),
                    message: e.to_string(),
                })?;
        out.push((layout::document(dir, name, "docx"), docx));
    }
    Ok(out)
}

/// The files of a year's chapters: per unit (the region, then every VSV of the exports)
/// `<dir>/hoofdstuk.md`, `.html`, `.docx` and the ladder chart, and a manifest of what was
/// written (for a safe rerun, as the quarterly report's).
pub fn year_bundle(y: &crate::year::Year) -> Result<Bundle> {
    let a = &y.periods;
    let lang = a.config.analysis.language;
    let c = lang.chapter();
    let follow_ups = crate::year::follow_ups(y);
    let flags = crate::year::year_flags(y);
    let mut units: Vec<(Option<u32>, String, String)> = vec![(
        None,
        layout::REGION_DIR.to_string(),
        a.config.analysis.name.clone(),
    )];
    for (v, slug) in vsv_folders(a) {
        units.push((Some(v), slug, a.data.names.get(v).to_string()));
    }
    let mut bundle = Bundle::new();
    for (vsv, dir, name) in &units {
        let ch = crate::year::chapter(y, *vsv, &follow_ups, &flags);
        let chart = if ch.participation.activities > 0 {
            let ladder = crate::render::charts::ladder::Ladder {
                title: c.ladder_title.to_string(),
                subtitle: crate::i18n::fill(
                    c.ladder_subtitle,
                    &[("unit", name.clone()), ("year", y.year.to_string())],
                ),
                steps: ch
                    .participation
                    .by_level
                    .iter()
                    .map(|(level, n, clients)| {
                        use crate::labels::Words;
                        (
                            lang.level(*level).to_string(),
                            *n,
                            crate::i18n::fill(c.clients, &[("n", clients.to_string())]),
                        )
                    })
                    .collect(),
            };
            let rendered = crate::render::charts::render(&ladder).map_err(|e| Error::Output {
                path: layout::unit_chart(dir, layout::LADDER).into(),
                message: e.to_string(),
            })?;
            let stem = layout::unit_chart(dir, layout::LADDER);
            bundle.add(layout::svg(&stem), rendered.svg.into_bytes())?;
            bundle.add(layout::png(&stem), rendered.png)?;
            Some(layout::chart(layout::LADDER))
        } else {
            None
        };
        let markdown = crate::render::chapter::chapter_md(
            &ch,
            &crate::render::chapter::ChapterInput {
                data: &a.data,
                config: &a.config,
                unit: name,
                year: y.year,
                chart: chart.clone(),
            },
        );
        let title = markdown
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .map_or_else(|| layout::CHAPTER.to_string(), plain_text);
        let doc = Document {
            title,
            charts: chart.into_iter().collect(),
            markdown,
        };
        for (path, bytes) in documents(&bundle, dir, layout::CHAPTER, &doc, lang)? {
            bundle.add(path, bytes)?;
        }
    }
    let files: Vec<crate::rerun::Written> = bundle
        .files()
        .map(|(path, bytes)| crate::rerun::Written::of(path, bytes))
        .collect();
    let manifest = serde_json::json!({
        "tool": concat!("prem ", env!("CARGO_PKG_VERSION")),
        "year": y.year,
        "files": files,
    });
    let mut text = serde_json::to_string_pretty(&manifest).map_err(|e| Error::Output {
        path: layout::MANIFEST.into(),
        message: e.to_string(),
    })?;
    text.push('\n');
    bundle.add(layout::MANIFEST, text.into_bytes())?;
    Ok(bundle)
}

/// The bundle path of `src` linked from a document in folder `prefix` ("vsv-x/"):
/// `../regio/charts/a.png` from there is `regio/charts/a.png`. `None` when the link
/// climbs out of the report.
fn within(prefix: &str, src: &str) -> Option<String> {
    let mut parts: Vec<&str> = prefix.split('/').filter(|p| !p.is_empty()).collect();
    for part in src.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{generate, SampleOptions};

    /// A small sample on disk, analysed.
    fn sample_analysis() -> (tempfile::TempDir, Analysis) {
        let dir = tempfile::tempdir().unwrap();
        let opts = SampleOptions {
            vsvs: 3,
            quarters: 2,
            per_quarter: 40,
            ..SampleOptions::default()
        };
        for f in generate(&opts).unwrap() {
            let p = dir.path().join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, &f.bytes).unwrap();
        }
        let config = Config::load(&dir.path().join("prem.toml")).unwrap();
        let a = analyse(config, None).unwrap();
        (dir, a)
    }

    #[test]
    fn canonical_tables_as_polars_frames() {
        let (_dir, a) = sample_analysis();
        let r = a.data.respondents_frame().unwrap();
        assert_eq!(r.height(), a.data.respondents.len());
        let names: Vec<String> = r.get_column_names().iter().map(|c| c.to_string()).collect();
        assert_eq!(
            names,
            [
                "source",
                "respondent",
                "vsv",
                "organisation",
                "care_type",
                "date",
                "period",
                "first_child",
                "age_band"
            ]
        );
        assert_eq!(
            r.column("date").unwrap().dtype(),
            &polars::prelude::DataType::Date
        );
        // The analysis releases its answers once scored: the frame comes from ingest.
        assert!(a.data.answers.is_empty());
        let data = ingest(&a.config, &load_codebooks(&a.config).unwrap()).unwrap();
        let ans = data.answers_frame().unwrap();
        assert_eq!(ans.height(), data.answers.len());
        // Scores are 0–10 whatever the scale.
        let score = ans.column("score").unwrap().f32().unwrap();
        let values = score.cont_slice().unwrap();
        assert!(values.iter().all(|x| (0.0..=10.0).contains(x)));
        // Every answer row points at a respondent of the same care type.
        assert_eq!(
            ans.column("care_type").unwrap().null_count(),
            data.answers
                .iter()
                .filter(|x| data.respondents[x.row as usize].care_type.is_none())
                .count()
        );
    }

    /// Quotes are chosen from rows indexed once per period and VSV: the same quotes as a
    /// scan of all the data for each flag.
    #[test]
    fn quotes_from_the_period_index_are_those_of_a_full_scan() {
        let (_dir, a) = sample_analysis();
        let shown = a.scores.up_to(a.period);
        let rules = crate::flags::Rules {
            targets: a.config.targets.clone(),
        };
        let flags = crate::flags::flags(&a.data, &shown, a.period, &rules);
        assert!(flags.len() > 3, "{} flags", flags.len());
        let chosen = FlagQuotes::choose(a.quote_source(&shown), &flags);
        let mut quoted = 0;
        for f in &flags {
            let scanned = crate::disclosure::quotes_for(a.quote_source(&shown), f);
            assert_eq!(chosen.of(f), scanned.as_slice(), "{f:?}");
            quoted += scanned.len();
        }
        assert!(quoted > 0, "no flag has quotes: the test compares nothing");
    }

    #[test]
    fn links_between_report_folders_resolve_inside_the_report() {
        assert_eq!(
            within("vsv-a/", "../regio/charts/f.png").as_deref(),
            Some("regio/charts/f.png")
        );
        assert_eq!(
            within("vsv-a/", "charts/s.png").as_deref(),
            Some("vsv-a/charts/s.png")
        );
        assert_eq!(within("", "charts/x.png").as_deref(), Some("charts/x.png"));
        assert_eq!(within("vsv-a/", "../../etc/passwd"), None);
    }

    #[test]
    fn a_vsv_asked_for_by_name_is_its_id_from_then_on() {
        let (_dir, a) = sample_analysis();
        let all = a.data.vsvs();
        let names: Vec<&str> = all.iter().map(|&v| a.data.names.get(v)).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert_eq!(resolve_vsvs(&a, &[names[1].to_string()]).unwrap(), [all[1]]);
        let Err(Error::Usage(UsageProblem::UnknownVsv { vsv, known })) =
            resolve_vsvs(&a, &["Nergens".into()])
        else {
            panic!("an unknown VSV was accepted");
        };
        assert_eq!(
            (vsv.as_str(), known),
            ("Nergens", names.iter().map(|n| n.to_string()).collect())
        );
        let folders = vsv_folders(&a);
        let bundle = build(&a, &[all[1]]).unwrap();
        let mut agendas: Vec<String> = bundle
            .files()
            .map(|(p, _)| p.clone())
            .filter(|p| p.ends_with("/agenda.md"))
            .collect();
        agendas.sort();
        assert_eq!(
            agendas,
            [
                "regio/agenda.md".to_string(),
                format!("{}/agenda.md", folders[1].1)
            ]
        );
    }

    #[test]
    fn the_report_period_defaults_to_the_latest() {
        let (_dir, a) = sample_analysis();
        assert_eq!(a.period.to_string(), "2026-Q3");
        let bundle = build(&a, &[]).unwrap();
        let scores = String::from_utf8(bundle.get("tables/scores.csv").unwrap().to_vec()).unwrap();
        assert!(scores.contains("\r\n2026-Q2,") && scores.contains("\r\n2026-Q3,"));
        assert!(bundle.get("regio/agenda.md").is_some());
        assert!(bundle.get("vsv-alkmaar/agenda.md").is_some());
    }
}
