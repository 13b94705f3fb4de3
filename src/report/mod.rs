//! The report files of an analysis ([`crate::analysis::analyse`]): tables, charts, agendas
//! and the manifest, as one [`output::Bundle`] the CLI writes. Also here: the year chapter's
//! files ([`year`]), the shared file ([`share`]), safe writing ([`output`]) and what an
//! earlier run left in the folder ([`rerun`]).

pub mod manifest;
pub mod output;
pub mod rerun;
pub mod share;
pub mod year;

use crate::analysis::analyse::Analysis;
use crate::analysis::flag_quotes::FlagQuotes;
use crate::analysis::follow_up::{follow_up, FollowUp};
use crate::analysis::score::{Scores, Unit};
use crate::error::{Error, Result, UsageProblem};
use crate::i18n::Language;
use crate::layout::{self, MANIFEST, REGION_DIR};
use crate::registers::actions::register_path;
use crate::registers::find_unit;
use crate::render::agenda::{agenda_md, Extras};
use crate::render::figures::{self, ChartLink, Figure};
use crate::render::markdown::plain_text;
use crate::render::{points, quality, tables, Document};
use crate::report::output::{unique_slugs, Bundle};
use crate::report::rerun::{Previous, Scope, Written};
use crate::timings::{Stage, Timings};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// Report files with their paths in the bundle, made before they are added.
type Files = Vec<(String, Vec<u8>)>;

/// Builds every report file; `vsvs` limits the agendas (empty: all VSVs).
pub fn build(a: &Analysis, vsvs: &[u32]) -> Result<Bundle> {
    build_over(a, vsvs, &Previous::default())
}

/// The VSVs named in `names` (as `--vsv` gives them), as ids, found as the registers find
/// them ([`find_unit`]: case, accents and spaces do not count); a name that is no VSV of
/// the data is an error.
pub fn resolve_vsvs(a: &Analysis, names: &[String]) -> Result<Vec<u32>> {
    let all = a.data.vsvs();
    let name = |v: u32| a.data.names.get(v);
    names
        .iter()
        .map(|wanted| {
            find_unit(&a.data, &all, wanted).ok_or_else(|| {
                Error::Usage(UsageProblem::UnknownVsv {
                    vsv: wanted.clone(),
                    known: all.iter().map(|&v| name(v).to_string()).collect(),
                })
            })
        })
        .collect()
}

/// Every VSV of the data with its folder name, in name order.
pub(crate) fn vsv_folders(a: &Analysis) -> Vec<(u32, String)> {
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
    let rules = crate::analysis::flags::Rules {
        targets: a.config.targets.clone(),
    };
    let flags = crate::analysis::flags::flags(&a.data, &shown, a.period, &rules);
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
    flags: &[crate::analysis::flags::Flag],
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
pub(crate) fn documents(
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
    use crate::analysis::analyse::{analyse, load_codebooks};
    use crate::config::Config;
    use crate::ingest::ingest;
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
        let rules = crate::analysis::flags::Rules {
            targets: a.config.targets.clone(),
        };
        let flags = crate::analysis::flags::flags(&a.data, &shown, a.period, &rules);
        assert!(flags.len() > 3, "{} flags", flags.len());
        let chosen = FlagQuotes::choose(a.quote_source(&shown), &flags);
        let mut quoted = 0;
        for f in &flags {
            let scanned = crate::analysis::flag_quotes::quotes_for(a.quote_source(&shown), f);
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
        // The rule of the registers: case and surrounding spaces do not count.
        let typed = format!(" {} ", names[1].to_uppercase());
        assert_eq!(resolve_vsvs(&a, &[typed]).unwrap(), [all[1]]);
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
