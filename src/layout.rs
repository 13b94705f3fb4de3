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

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
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
/// A unit's annual-report chapter (`<dir>/hoofdstuk.md`, `.html`, `.docx`), in the year
/// folder [`year_dir`].
pub const CHAPTER: &str = "hoofdstuk";
/// The chart of the year's participation on the ladder, in a chapter's chart folder.
pub const LADDER: &str = "participatie";

/// The folder of a year's chapters, under the output folder: `jaarverslag-2026`.
pub fn year_dir(year: i32) -> String {
    format!("jaarverslag-{year}")
}
/// The report's front page (`index.md`, `.html`).
pub const INDEX: &str = "index";
/// The data-quality report (`data-quality.md`, `.csv`).
pub const DATA_QUALITY: &str = "data-quality";
/// The report's record of what it wrote (and of what produced it), at its root.
pub const MANIFEST: &str = "manifest.json";
/// The front page ([`INDEX`]) in every format; a partial run rewrites it to list its units.
pub const INDEX_FILES: [&str; 2] = ["index.md", "index.html"];

/// The tables (in [`TABLES_DIR`]): scores per unit, measure and period, in three formats.
pub const SCORES_CSV: &str = "scores.csv";
/// See [`SCORES_CSV`].
pub const SCORES_XLSX: &str = "scores.xlsx";
/// See [`SCORES_CSV`].
pub const SCORES_PARQUET: &str = "scores.parquet";
/// Cronbach's α per theme and period.
pub const RELIABILITY_CSV: &str = "reliability.csv";
/// The flags behind the discussion points.
pub const FLAGS_CSV: &str = "flags.csv";
/// The private file of safeguarding signals, in the output folder beside the period
/// folders (in no report and no manifest).
pub const SIGNALS: &str = ".signalen.csv";
/// The publication ledger, in the output folder beside the period folders (in no report
/// and no manifest): what every release from this folder published, per cell (n and a
/// digest of its clients, never rows or names). See [`crate::analysis::ledger`].
pub const LEDGER: &str = ".publicaties.csv";

/// The officer's private comments workbook of `period`, in the output folder beside the
/// period folders (in no report and no manifest). One name in every report language, so a
/// switch of language keeps her decisions.
pub fn comments_workbook(period: crate::period::Period) -> String {
    format!("opmerkingen-{period}.xlsx")
}

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

/// Hex characters of the suffix that tells colliding names apart (16⁶ ≈ 17 million).
const SUFFIX_HEX: usize = 6;

/// Folder names for distinct names. A name whose slug no other name shares keeps the plain
/// slug; names whose slugs collide ("VSV Noord", "VSV-Noord") each get `-` and the first hex
/// characters of the sha256 of the exact name. A folder thus depends on the name and on
/// which names collide with it, never on their order: the same on every run, and unchanged
/// when a VSV with another slug comes or goes. (A numbered suffix would move when a name
/// sorting before it appears, and "-2" could be another VSV's plain slug.)
pub fn unique_slugs(names: &[String]) -> Vec<String> {
    let bases: Vec<String> = names.iter().map(|n| slug(n)).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &bases {
        *count.entry(b).or_insert(0) += 1;
    }
    let hashes: Vec<String> = names
        .iter()
        .map(|n| {
            Sha256::digest(n.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .collect();
    let mut suffix: Vec<usize> = bases
        .iter()
        .map(|b| if count[b.as_str()] > 1 { SUFFIX_HEX } else { 0 })
        .collect();
    loop {
        let out: Vec<String> = bases
            .iter()
            .zip(&hashes)
            .zip(&suffix)
            .map(|((b, h), &n)| match h.get(..n) {
                Some(hex) if n > 0 => format!("{b}-{hex}"),
                _ => b.clone(),
            })
            .collect();
        // Still shared (a suffixed slug that is another name's plain slug, or hashes alike
        // in their first characters): lengthen the suffixes involved. Plain slugs are at
        // most 64 characters, so full hashes of distinct names always end this.
        let mut holders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, o) in out.iter().enumerate() {
            holders.entry(o).or_default().push(i);
        }
        let mut changed = false;
        for i in holders.values().filter(|h| h.len() > 1).flatten() {
            if suffix[*i] > 0 && suffix[*i] < 64 {
                suffix[*i] = (suffix[*i] + 2).min(64);
                changed = true;
            }
        }
        if !changed {
            return out;
        }
    }
}

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
    fn slugs_are_safe_folder_names() {
        assert_eq!(slug("VSV Gooi en Vecht"), "vsv-gooi-en-vecht");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Één & Twee"), "een-twee");
        assert_eq!(slug("///"), "vsv-naamloos");
        assert_eq!(slug("Regio"), "vsv-regio");
        let slugs = unique_slugs(&["A b".into(), "a-b".into(), "A  B".into(), "C".into()]);
        assert_eq!(slugs[3], "c", "no collision, no suffix");
        for s in &slugs[..3] {
            assert!(s.starts_with("a-b-") && s.len() == 4 + SUFFIX_HEX, "{s}");
        }
    }

    /// Regression: "VSV  Noord", "VSV Noord 2" and "VSV-Noord" gave "vsv-noord",
    /// "vsv-noord-2" and again "vsv-noord-2", so one agenda overwrote another.
    #[test]
    fn colliding_names_get_distinct_folders_that_do_not_depend_on_order() {
        let names: Vec<String> = ["VSV  Noord", "VSV Noord 2", "VSV-Noord"]
            .map(String::from)
            .to_vec();
        let slugs = unique_slugs(&names);
        let distinct: std::collections::BTreeSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), 3, "{slugs:?}");
        // Same folder for the same name, whatever the order and whoever else is there.
        let mut reversed = names.clone();
        reversed.reverse();
        let mut again = unique_slugs(&reversed);
        again.reverse();
        assert_eq!(slugs, again);
        let more: Vec<String> = names.iter().cloned().chain(["VSV Zuid".into()]).collect();
        assert_eq!(unique_slugs(&more)[..3], slugs[..]);
    }

    #[test]
    fn a_suffixed_slug_never_takes_another_names_plain_slug() {
        let pair = unique_slugs(&["a b".into(), "a-b".into()]);
        // A third VSV literally named like the first one's folder keeps that name; the
        // suffixes of the colliding pair grow instead.
        let names = ["a b".to_string(), "a-b".into(), pair[0].clone()];
        let slugs = unique_slugs(&names);
        assert_eq!(slugs[2], pair[0]);
        assert!(slugs[0].starts_with(&pair[0]) && slugs[0].len() > pair[0].len());
        assert_ne!(slugs[0], slugs[1]);
    }

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
