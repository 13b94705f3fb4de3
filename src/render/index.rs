//! The report's front page (`index.md`, `.html`): the region's agenda and every VSV's, with
//! its grade and first improvement point, and the region's heatmap.

use crate::analysis::flags::{Flag, FlagKind};
use crate::analysis::score::{Measure, Scores, Unit};
use crate::config::Config;
use crate::i18n::fill;
use crate::ingest::{Canonical, ItemRole};
use crate::layout::{self, REGION_DIR};
use crate::period::Period;
use crate::render::agenda::show_score;
use crate::render::markdown::{escape, plain_text};
use crate::render::Document;

/// What the front page lists.
pub struct IndexInput<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The canonical data.
    pub data: &'a Canonical,
    /// Scored cells up to the report's period.
    pub scores: &'a Scores,
    /// The report's period.
    pub period: Period,
    /// The VSV agendas the report folder holds, with their folders.
    pub units: &'a [(Unit, String)],
    /// VSVs asked for without respondents in the period: a line without an agenda.
    pub empty: &'a [u32],
    /// Every flag of the report.
    pub flags: &'a [Flag],
}

/// The front page.
pub fn index(input: &IndexInput) -> Document {
    let IndexInput {
        config,
        data,
        scores,
        period,
        ..
    } = *input;
    let lang = config.analysis.language;
    let t = lang.agenda();
    let (unit, _) = config.analysis.unit_nouns();
    let with_unit = |text: &str| fill(text, &[("unit", escape(&unit))]);
    let min_n = config.privacy.min_n;
    let grade_item = data.items.iter().position(|i| i.role == ItemRole::Grade);
    let links = |dir: &str| {
        let doc = |ext: &str| layout::document(dir, layout::AGENDA, ext);
        format!(
            "[HTML]({}) · [Word]({}) · [Markdown]({})",
            doc("html"),
            doc("docx"),
            doc("md")
        )
    };
    let heading = fill(
        t.index_title,
        &[
            ("period", period.display(lang)),
            ("name", escape(&config.analysis.name)),
        ],
    );
    let mut md = format!(
        "# {heading}\n\n{}\n\n## {}\n\n{}\n\n",
        with_unit(t.index_intro),
        t.index_region,
        links(REGION_DIR)
    );
    md.push_str(&format!(
        "| {} |\n|---|---|--:|---|\n",
        with_unit(&t.index_columns.join(" | "))
    ));
    for (unit, dir) in input.units {
        let Unit::Vsv(v) = unit else {
            continue;
        };
        let grade = grade_item
            .and_then(|i| scores.unit_cell(period, Some(*v), Measure::Grade(i as u16)))
            .map_or("–".to_string(), |c| show_score(Some(c), lang, min_n, 1));
        let first = input
            .flags
            .iter()
            .find(|f| f.vsv == Some(*v) && f.kind == FlagKind::Improvement && f.rank == 1)
            .and_then(|f| data.themes.get(f.theme as usize))
            .map_or(t.index_none.to_string(), |th| escape(th.label_in(lang)));
        md.push_str(&format!(
            "| {} | {} | {grade} | {first} |\n",
            escape(data.names.get(*v)),
            links(dir)
        ));
    }
    for v in input.empty {
        md.push_str(&format!(
            "| {} | {} | – | – |\n",
            escape(data.names.get(*v)),
            fill(t.index_empty, &[("period", period.display(lang))])
        ));
    }
    let heatmap = layout::unit_chart(REGION_DIR, layout::HEATMAP);
    md.push_str(&format!(
        "\n![{}]({})\n\n{}\n",
        escape(&fill(
            lang.charts().caption_heatmap,
            &[("noun", config.analysis.unit_nouns().0)]
        )),
        layout::png(&heatmap),
        t.index_files
    ));
    Document {
        title: plain_text(&heading),
        markdown: md,
        charts: vec![heatmap],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::figures::tests::{fixture, q3};

    #[test]
    fn the_index_lists_each_agenda_and_the_vsvs_without_clients() {
        let fx = fixture();
        let b = fx.data.names.find("VSV B").unwrap();
        let d = fx.data.names.find("VSV D").unwrap();
        let flags = crate::analysis::flags::flags(&fx.data, &fx.scores, q3(), &Default::default());
        let doc = index(&IndexInput {
            config: &fx.config,
            data: &fx.data,
            scores: &fx.scores,
            period: q3(),
            units: &[
                (Unit::Region, "regio".into()),
                (Unit::Vsv(b), "vsv-b".into()),
            ],
            empty: &[d],
            flags: &flags,
        });
        assert_eq!(doc.title, "Cliëntervaringen 2026-K3 — Regio Test");
        assert!(doc.markdown.starts_with(&format!("# {}\n", doc.title)));
        assert_eq!(doc.charts, ["regio/charts/heatmap"]);
        assert!(doc.markdown.contains("](regio/charts/heatmap.png)"));
        let rows: Vec<&str> = doc
            .markdown
            .lines()
            .skip_while(|l| !l.starts_with("|---"))
            .skip(1)
            .take_while(|l| l.starts_with('|'))
            .collect();
        assert_eq!(rows.len(), 2, "{}", doc.markdown);
        assert!(rows[0].starts_with("| VSV B | [HTML](vsv-b/agenda.html) "));
        assert!(rows[0].ends_with(" | – | Info |"), "{}", rows[0]);
        assert_eq!(
            rows[1],
            "| VSV D | geen cliënten in 2026-K3: geen agendapunt | – | – |"
        );
    }
}
