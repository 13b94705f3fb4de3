//! The year chapter's files (`prem jaarverslag`): chapter, charts and documents per VSV.

use crate::error::{Error, Result};
use crate::layout::{self};
use crate::render::markdown::plain_text;
use crate::render::Document;
use crate::report::output::Bundle;

/// The files of a year's chapters: per unit (the region, then every VSV of the exports)
/// `<dir>/hoofdstuk.md`, `.html`, `.docx` and the ladder chart, and a manifest of what was
/// written (for a safe rerun, as the quarterly report's).
pub fn year_bundle(y: &crate::analysis::year::Year) -> Result<Bundle> {
    let a = &y.periods;
    let lang = a.config.analysis.language;
    let c = lang.chapter();
    let follow_ups = crate::analysis::year::follow_ups(y);
    let flags = crate::analysis::year::year_flags(y);
    let mut units: Vec<(Option<u32>, String, String)> = vec![(
        None,
        layout::REGION_DIR.to_string(),
        a.config.analysis.name.clone(),
    )];
    for (v, slug) in super::vsv_folders(a) {
        units.push((Some(v), slug, a.data.names.get(v).to_string()));
    }
    let mut bundle = Bundle::new();
    for (vsv, dir, name) in &units {
        let ch = crate::analysis::year::chapter(y, *vsv, &follow_ups, &flags);
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
                        use crate::render::labels::Words;
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
        for (path, bytes) in super::documents(&bundle, dir, layout::CHAPTER, &doc, lang)? {
            bundle.add(path, bytes)?;
        }
    }
    let files: Vec<crate::report::rerun::Written> = bundle
        .files()
        .map(|(path, bytes)| crate::report::rerun::Written::of(path, bytes))
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
