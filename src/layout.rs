//! The folder and file names of a report, in one place: which folder a unit's agenda and
//! charts go to, what the tables and charts are called, and how a document in one folder
//! links to a chart in another. Everything that writes or links a report file asks here,
//! so a name is changed once and never disagrees between the writer and a link.
//!
//! A report folder:
//! ```text
//! index.md/.html            front page
//! manifest.json             what prem wrote (for a safe rerun)
//! data-quality.md/.csv      what was not used, and why
//! tables/                   scores.csv/.xlsx/.parquet, reliability.csv, flags.csv
//! regio/                    the region: agenda.md/.html/.docx, charts/
//! <vsv-slug>/               one per VSV: agenda.md/.html/.docx, charts/
//! ```

use unicode_normalization::UnicodeNormalization;

/// The region's folder.
pub const REGION_DIR: &str = "regio";
/// The folder of the tables.
pub const TABLES_DIR: &str = "tables";
/// A unit's chart folder, inside the unit's folder.
pub const CHARTS_DIR: &str = "charts";
/// Top-level folder names no VSV may take.
pub const RESERVED: [&str; 2] = [REGION_DIR, TABLES_DIR];

/// A unit's agenda (`<dir>/agenda.md`, `.html`, `.docx`).
pub const AGENDA: &str = "agenda";
/// The report's front page (`index.md`, `.html`).
pub const INDEX: &str = "index";
/// The data-quality report (`data-quality.md`, `.csv`).
pub const DATA_QUALITY: &str = "data-quality";
/// The report's record of what it wrote (and of what produced it), at its root.
pub const MANIFEST: &str = "manifest.json";
/// The front page ([`INDEX`]) in every format; a partial run rewrites it to list its units.
pub const INDEX_FILES: [&str; 2] = ["index.md", "index.html"];

/// Chart stems (the file name without extension) of every unit.
pub const THEME_SCORES: &str = "theme-scores";
/// See [`THEME_SCORES`].
pub const GRADE_NPS: &str = "grade-nps";
/// See [`THEME_SCORES`].
pub const ANSWERS: &str = "answers";
/// Chart stems of the region only.
pub const HEATMAP: &str = "heatmap";
/// See [`HEATMAP`].
pub const CATERPILLAR: &str = "caterpillar";

/// The stem of a theme's XmR chart: `spc-<theme slug>`.
pub fn spc_stem(theme_id: &str) -> String {
    format!("spc-{}", slug(theme_id))
}

/// The stem of a theme's funnel plot (in the region's folder): `funnel-<theme slug>`.
pub fn funnel_stem(theme_id: &str) -> String {
    format!("funnel-{}", slug(theme_id))
}

/// A chart relative to its unit's folder, without extension: `charts/<stem>`.
pub fn chart(stem: &str) -> String {
    format!("{CHARTS_DIR}/{stem}")
}

/// A chart of the unit in folder `dir`, relative to the report, without extension:
/// `<dir>/charts/<stem>`.
pub fn unit_chart(dir: &str, stem: &str) -> String {
    format!("{dir}/{}", chart(stem))
}

/// A region chart as a VSV's agenda links it: `../regio/charts/<stem>`.
pub fn region_chart_from_vsv(stem: &str) -> String {
    format!("../{}", unit_chart(REGION_DIR, stem))
}

/// A table file, relative to the report: `tables/<file>`.
pub fn table(file: &str) -> String {
    format!("{TABLES_DIR}/{file}")
}

/// A document `<name>.<ext>` in folder `dir` (`""`: the report's root).
pub fn document(dir: &str, name: &str, ext: &str) -> String {
    if dir.is_empty() {
        format!("{name}.{ext}")
    } else {
        format!("{dir}/{name}.{ext}")
    }
}

/// A folder name for a VSV or organisation: lower case ASCII letters, digits and dashes,
/// never one of the [`RESERVED`] names. "VSV Gooi en Vecht" → "vsv-gooi-en-vecht";
/// "../Één" → "een"; "Regio" → "vsv-regio".
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s: String = s.trim_end_matches('-').chars().take(60).collect();
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() || RESERVED.contains(&s.as_str()) {
        format!("vsv-{}", if s.is_empty() { "naamloos" } else { &s })
    } else {
        s
    }
}

/// The scores table in each format, in [`TABLES_DIR`].
pub const SCORES_CSV: &str = "scores.csv";
/// See [`SCORES_CSV`].
pub const SCORES_XLSX: &str = "scores.xlsx";
/// See [`SCORES_CSV`].
pub const SCORES_PARQUET: &str = "scores.parquet";
/// The reliability table, in [`TABLES_DIR`].
pub const RELIABILITY_CSV: &str = "reliability.csv";
/// The flags table, in [`TABLES_DIR`].
pub const FLAGS_CSV: &str = "flags.csv";

/// A chart's SVG file (the HTML documents inline it), from its path without extension.
pub fn svg(chart: &str) -> String {
    format!("{chart}.svg")
}

/// A chart's PNG file (the Markdown and Word documents show it), from its path without
/// extension.
pub fn png(chart: &str) -> String {
    format!("{chart}.png")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_paths_from_each_folder() {
        assert_eq!(
            unit_chart("vsv-a", &spc_stem("Bereik baarheid")),
            "vsv-a/charts/spc-bereik-baarheid"
        );
        assert_eq!(
            region_chart_from_vsv(&funnel_stem("info")),
            "../regio/charts/funnel-info"
        );
        assert_eq!(chart(ANSWERS), "charts/answers");
        assert_eq!(table("scores.csv"), "tables/scores.csv");
        assert_eq!(document("", INDEX, "md"), "index.md");
        assert_eq!(document("regio", AGENDA, "docx"), "regio/agenda.docx");
        assert_eq!(
            INDEX_FILES.map(String::from),
            [document("", INDEX, "md"), document("", INDEX, "html")]
        );
    }

    #[test]
    fn no_vsv_takes_a_reserved_folder() {
        assert_eq!(slug("Tables"), "vsv-tables");
        assert_eq!(slug("REGIO"), "vsv-regio");
        assert_eq!(slug("Regio Noord"), "regio-noord");
    }

    #[test]
    fn a_chart_has_an_svg_and_a_png_file() {
        let heatmap = unit_chart(REGION_DIR, HEATMAP);
        assert_eq!(svg(&heatmap), "regio/charts/heatmap.svg");
        assert_eq!(png(&chart(ANSWERS)), "charts/answers.png");
        assert_eq!(table(FLAGS_CSV), "tables/flags.csv");
    }
}
