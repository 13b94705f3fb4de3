//! Agenda Markdown → Word document (.docx) with the charts embedded.
//!
//! Headings use Word's built-in heading styles (so the navigation pane and a table of
//! contents pick them up), lists use real Word numbering, tables get a shaded header
//! row, light borders, zebra rows and the column alignment the Markdown asks for, and
//! each chart the caller resolves to PNG bytes is embedded at the text width with its
//! alt text as caption below. The page is A4 portrait with 2 cm margins.
//!
//! docx-rs builds the parts; one pass of an XML reader over each ([`tidy`]) then writes
//! what docx-rs cannot be told to: property elements in schema order (Word skips
//! properties it meets out of sequence), unique picture ids, relationships in a fixed
//! order. The bytes depend only on the arguments: every id docx-rs would draw from a
//! global counter is set explicitly, `docProps/core.xml` has fixed dates, and the package
//! is re-packed with every ZIP entry dated 1980-01-01 ([`repack`]).

mod numbering;
mod package;
mod page;
mod pictures;
mod styles;
mod tables;
mod writer;
mod xml;

use std::io::Cursor;

use pulldown_cmark::{Event, Options, Parser};

use crate::render::markdown::is_page_break;
use package::{core_properties, repack};
use writer::Writer;
use xml::tidy;

/// Why a Word document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// Reading back the parts docx-rs wrote, or packing them into the .docx (ZIP), failed.
    #[error("could not write the .docx package: {0}")]
    Package(String),
}

/// Renders agenda Markdown as a .docx document.
///
/// `title` goes into the document properties and the footer; `figure` is the name Word
/// gives each picture, numbered ("Figuur" gives "Figuur 1", …). `image` resolves an image
/// `src` (e.g. `"charts/theme-scores.png"`) to PNG bytes; a resolved, valid PNG is
/// embedded at the text width (aspect ratio kept) with the alt text as caption below,
/// anything else (unresolved, not a PNG, truncated) is replaced by the alt text. A link
/// becomes a Word hyperlink only when its target is a relative path inside the report
/// ([`crate::render::markdown::is_report_link`], `depth` folders below the report's root, like the document);
/// any other link, to another host above all, is plain text.
pub fn markdown_to_docx(
    markdown: &str,
    title: &str,
    figure: &str,
    depth: usize,
    image: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<Vec<u8>, DocxError> {
    let mut writer = Writer::new(image, depth);
    let events: Vec<Event<'_>> = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .collect();
    let mut i = 0;
    while i < events.len() {
        if is_page_break(&events[i..]) {
            writer.page_break();
            i += 3;
            continue;
        }
        writer.event(events[i].clone());
        i += 1;
    }
    let (docx, picture_alts) = writer.finish(title);

    let package = |e: &dyn std::fmt::Display| DocxError::Package(e.to_string());
    let mut parts = docx.build();
    let xml_parts = [
        &mut parts.document,
        &mut parts.document_rels,
        &mut parts.styles,
        &mut parts.numberings,
        &mut parts.settings,
    ];
    for part in xml_parts
        .into_iter()
        .chain(&mut parts.footers)
        .chain(&mut parts.headers)
    {
        *part = tidy(part, &picture_alts, figure).map_err(|e| package(&e))?;
    }
    parts.doc_props.core = core_properties(title);

    let mut packed = Cursor::new(Vec::new());
    parts.pack(&mut packed).map_err(|e| package(&e))?;
    repack(packed.into_inner()).map_err(|e| package(&e))
}

#[cfg(test)]
mod tests {
    use super::page::{CELL_MARGINS_EMU, TEXT_WIDTH_EMU};
    use super::pictures::png_size;
    use super::*;
    use std::io::Read;

    /// A valid 2×1 RGB PNG (signature, IHDR, IDAT, IEND with correct CRCs).
    fn tiny_png() -> Vec<u8> {
        fn crc32(data: &[u8]) -> u32 {
            let mut crc = 0xFFFF_FFFFu32;
            for &b in data {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 != 0 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        fn adler32(data: &[u8]) -> u32 {
            let (mut a, mut b) = (1u32, 0u32);
            for &d in data {
                a = (a + u32::from(d)) % 65_521;
                b = (b + a) % 65_521;
            }
            (b << 16) | a
        }
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32(&body).to_be_bytes());
        }
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        // width 2, height 1, bit depth 8, colour type 2 (RGB)
        chunk(&mut png, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let raw = [0u8, 0, 90, 156, 255, 255, 255]; // filter byte + 2 pixels
        let mut zlib = vec![0x78, 0x01, 0x01];
        zlib.extend_from_slice(&(raw.len() as u16).to_le_bytes());
        zlib.extend_from_slice(&(!(raw.len() as u16)).to_le_bytes());
        zlib.extend_from_slice(&raw);
        zlib.extend_from_slice(&adler32(&raw).to_be_bytes());
        chunk(&mut png, b"IDAT", &zlib);
        chunk(&mut png, b"IEND", &[]);
        png
    }

    const EXAMPLE: &str = r#"# Agendapunt: wat cliënten ons vertellen — VSV Zaanstreek

**Kwaliteitsoverleg 2026-K3** · Regio Noord-Holland Noord

> **Waarom:** Samen zorgen we voor een veilige start.

## In één oogopslag

- **Respons:** 152 respondenten (prem)
- **Rapportcijfer:** 8,4 (BI 8,2 – 8,5)
  - genest punt
1. eerste actie
2. tweede actie

| Thema | Score | BI | Regio |
|---|--:|--:|--:|
| Informatievoorziening | 7,0 | 6,8 – 7,2 | 8,3 |
| Bereikbaarheid | 8,1 | 7,9 – 8,3 | |

![Scores per thema tegen de regio](charts/theme-scores.png)

![Kapotte grafiek](charts/broken.png)

- [Verloop (SPC): Bereikbaarheid](charts/spc-bereikbaarheid.png) ([SVG](charts/spc-bereikbaarheid.svg))

> "De uitleg over de ruggenprik was <b>onduidelijk</b> & kwam te laat"

<script>alert("x")</script>

Zie [de site](https://example.org/a?b=1&c=2) en [mail ons](mailto:kwaliteit@example.org).
Stuurteken:\u{1} weg.

---

_Einde_
"#;

    fn resolver(src: &str) -> Option<Vec<u8>> {
        match src {
            "charts/theme-scores.png" => Some(tiny_png()),
            "charts/broken.png" => Some(b"not a png".to_vec()),
            _ => None,
        }
    }

    fn render() -> Vec<u8> {
        let md = EXAMPLE.replace("\\u{1}", "\u{1}");
        match markdown_to_docx(
            &md,
            "Agenda VSV Zaanstreek & <regio>",
            "Figuur",
            1,
            &resolver,
        ) {
            Ok(bytes) => bytes,
            Err(e) => panic!("render failed: {e}"),
        }
    }

    fn part(docx: &[u8], name: &str) -> Option<Vec<u8>> {
        let mut zip = zip::ZipArchive::new(Cursor::new(docx)).ok()?;
        let mut file = zip.by_name(name).ok()?;
        let mut out = Vec::new();
        file.read_to_end(&mut out).ok()?;
        Some(out)
    }

    fn text_part(docx: &[u8], name: &str) -> String {
        let bytes = part(docx, name).unwrap_or_else(|| panic!("{name} missing"));
        String::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is not UTF-8"))
    }

    #[test]
    fn document_has_headings_lists_table_and_text() {
        let docx = render();
        let doc = text_part(&docx, "word/document.xml");
        assert!(doc.contains("Agendapunt: wat cliënten ons vertellen — VSV Zaanstreek"));
        assert!(doc.contains("<w:pStyle w:val=\"Heading1\" />"));
        assert!(doc.contains("<w:pStyle w:val=\"Heading2\" />"));
        assert!(doc.contains("In één oogopslag"));
        assert!(doc.contains("<w:tbl>"));
        assert!(doc.contains("Informatievoorziening"));
        assert!(doc.contains("<w:jc w:val=\"right\" />"));
        assert!(doc.contains("<w:numId w:val=\"2\" />"));
        assert!(doc.contains("<w:ilvl w:val=\"1\" />"));
        assert!(doc.contains("<w:numId w:val=\"3\" />"));
        assert!(doc.contains("<w:pStyle w:val=\"Quote\" />"));
        assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\" />"));
        assert!(doc.contains("w:top=\"1134\""));
        let styles = text_part(&docx, "word/styles.xml");
        assert!(styles.contains("<w:name w:val=\"heading 1\" />"));
        assert!(styles.contains("<w:outlineLvl w:val=\"0\" />"));
        assert!(styles.contains("<w:name w:val=\"heading 2\" />"));
        let numbering = text_part(&docx, "word/numbering.xml");
        assert!(numbering.contains("<w:numFmt w:val=\"bullet\" />"));
        assert!(numbering.contains("<w:numFmt w:val=\"decimal\" />"));
        assert!(numbering.contains("<w:startOverride w:val=\"1\" />"));
    }

    #[test]
    fn free_text_is_escaped() {
        let docx = render();
        let doc = text_part(&docx, "word/document.xml");
        assert!(doc.contains("&lt;b&gt;"), "inline html escaped");
        assert!(doc.contains("onduidelijk"));
        assert!(doc.contains("&amp; kwam te laat"));
        assert!(doc.contains("&lt;script&gt;alert("));
        assert!(!doc.contains("<script"));
        assert!(!doc.contains("<b>"));
        assert!(!doc.contains('\u{1}'), "control characters are dropped");
        assert!(doc.contains("Stuurteken: weg."));
        let core = text_part(&docx, "docProps/core.xml");
        assert!(core.contains("<dc:title>Agenda VSV Zaanstreek &amp; &lt;regio&gt;</dc:title>"));
        let footer = text_part(&docx, "word/footer1.xml");
        assert!(footer.contains("Agenda VSV Zaanstreek &amp; &lt;regio&gt;"));
        assert!(footer.contains("PAGE"));
    }

    #[test]
    fn resolved_png_is_embedded_with_caption() {
        let docx = render();
        let doc = text_part(&docx, "word/document.xml");
        assert_eq!(doc.matches("<w:drawing>").count(), 1);
        assert!(doc.contains("pic:pic"));
        assert!(doc.contains(
            "<wp:docPr id=\"1\" name=\"Figuur 1\" descr=\"Scores per thema tegen de regio\" />"
        ));
        // 2×1 px at the text width: 6 120 130 × 3 060 065 EMU.
        assert!(doc.contains("<wp:extent cx=\"6120130\" cy=\"3060065\" />"));
        assert!(doc.contains("<w:pStyle w:val=\"Caption\" />"));
        assert!(doc.contains("Scores per thema tegen de regio"));
        assert_eq!(part(&docx, "word/media/rIdImage1.png"), Some(tiny_png()));
        let types = text_part(&docx, "[Content_Types].xml");
        assert!(types.contains("Extension=\"png\""));
        let rels = text_part(&docx, "word/_rels/document.xml.rels");
        assert!(rels.contains("media/rIdImage1.png"));
    }

    #[test]
    fn bad_or_missing_images_become_alt_text() {
        let docx = render();
        let doc = text_part(&docx, "word/document.xml");
        assert!(doc.contains("Kapotte grafiek"));
        assert!(doc.contains("Verloop (SPC): Bereikbaarheid"));
        let only_bad = markdown_to_docx("![Alleen tekst](x.png)", "t", "Figuur", 1, &|_| {
            Some(b"not a png".to_vec())
        });
        let only_bad = only_bad.unwrap_or_default();
        let doc = text_part(&only_bad, "word/document.xml");
        assert!(doc.contains("Alleen tekst"));
        assert!(!doc.contains("<w:drawing>"));
        // A PNG header without an end, and one of zero width, are refused too.
        let png = tiny_png();
        assert_eq!(png_size(&png), Some((2, 1)));
        assert_eq!(png_size(&png[..40]), None);
        let mut zero = png.clone();
        zero[16..20].copy_from_slice(&[0, 0, 0, 0]);
        assert_eq!(png_size(&zero), None);
        assert_eq!(png_size(b""), None);
    }

    #[test]
    fn only_links_inside_the_report_are_hyperlinks() {
        let docx = render();
        let doc = text_part(&docx, "word/document.xml");
        assert!(doc.contains("<w:hyperlink r:id=\"rIdHyperlink1\""));
        assert!(doc.contains("<w:hyperlink r:id=\"rIdHyperlink2\""));
        assert!(!doc.contains("rIdHyperlink3"));
        let rels = text_part(&docx, "word/_rels/document.xml.rels");
        assert!(
            rels.contains("Target=\"charts/spc-bereikbaarheid.png\""),
            "{rels}"
        );
        assert!(
            rels.contains("Target=\"charts/spc-bereikbaarheid.svg\""),
            "{rels}"
        );
        assert!(
            !rels.contains("example.org") && !rels.contains("mailto"),
            "{rels}"
        );
        // Their texts stay.
        assert!(doc.contains("de site") && doc.contains("mail ons"));
        let one = rels.find("rIdHyperlink1").unwrap_or(usize::MAX);
        let two = rels.find("rIdHyperlink2").unwrap_or(0);
        assert!(one < two, "relationships are sorted");
        // Another host, the disk's root, or above the report: text.
        let md = "[a](//evil.example/x) [b](/etc/x) [c](../../x) [d](../regio/x.png)";
        let docx = markdown_to_docx(md, "t", "Figuur", 1, &|_| None).unwrap_or_default();
        let rels = text_part(&docx, "word/_rels/document.xml.rels");
        assert!(!rels.contains("evil") && !rels.contains("etc") && !rels.contains("../../"));
        assert!(rels.contains("Target=\"../regio/x.png\""), "{rels}");
    }

    #[test]
    fn bytes_are_deterministic() {
        let first = render();
        let second = render();
        assert!(first == second, "two renders differ");
        let other_thread = std::thread::spawn(render).join().unwrap_or_default();
        assert!(first == other_thread, "a render on another thread differs");
    }

    #[test]
    fn zip_entries_are_dated_1980() {
        // An archive dated otherwise, as docx-rs's `zip` with its `time` feature writes it.
        let mut dated = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let when = zip::DateTime::from_date_and_time(2024, 5, 6, 7, 8, 10)
            .unwrap_or_else(|e| panic!("{e}"));
        let options = zip::write::SimpleFileOptions::default().last_modified_time(when);
        let written = dated
            .add_directory("word/", options)
            .and_then(|()| dated.start_file("word/a.xml", options));
        written.unwrap_or_else(|e| panic!("{e}"));
        std::io::Write::write_all(&mut dated, b"<a />").unwrap_or_else(|e| panic!("{e}"));
        let dated = dated
            .finish()
            .unwrap_or_else(|e| panic!("{e}"))
            .into_inner();
        let repacked = repack(dated).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(part(&repacked, "word/a.xml"), Some(b"<a />".to_vec()));
        for docx in [repacked, render()] {
            let mut zip =
                zip::ZipArchive::new(Cursor::new(&docx)).unwrap_or_else(|e| panic!("{e}"));
            for i in 0..zip.len() {
                let file = zip.by_index(i).unwrap_or_else(|e| panic!("{e}"));
                let modified = file.last_modified().unwrap_or_default();
                let date = (modified.year(), modified.month(), modified.day());
                let time = (modified.hour(), modified.minute(), modified.second());
                assert_eq!((date, time), ((1980, 1, 1), (0, 0, 0)));
            }
        }
    }

    #[test]
    fn properties_are_in_schema_order() {
        let xml = "<w:p><w:pPr><w:rPr><w:sz w:val=\"2\" /><w:b /></w:rPr><w:pStyle w:val=\"A\" /><w:numPr><w:numId w:val=\"1\" /><w:ilvl w:val=\"0\" /></w:numPr><w:keepNext /></w:pPr><w:r><w:rPr><w:color w:val=\"x>y\" /><w:rStyle w:val=\"H\" /></w:rPr><w:t>a &lt; b</w:t></w:r><w:rPr /></w:p>";
        let fixed = tidy(xml.as_bytes(), &[], "Figuur").unwrap_or_else(|e| panic!("{e}"));
        let fixed = String::from_utf8(fixed).unwrap_or_default();
        assert_eq!(
            fixed,
            "<w:p><w:pPr><w:pStyle w:val=\"A\" /><w:keepNext /><w:numPr><w:ilvl w:val=\"0\" /><w:numId w:val=\"1\" /></w:numPr><w:rPr><w:b /><w:sz w:val=\"2\" /></w:rPr></w:pPr><w:r><w:rPr><w:rStyle w:val=\"H\" /><w:color w:val=\"x>y\" /></w:rPr><w:t>a &lt; b</w:t></w:r></w:p>"
        );
        let docx = render();
        let styles = text_part(&docx, "word/styles.xml");
        assert!(styles.contains("<w:rPr><w:b /><w:bCs /><w:color w:val=\"005A9C\" /><w:sz w:val=\"32\" /><w:szCs w:val=\"32\" /></w:rPr>"), "{styles}");
        assert_eq!(styles.matches("w:styleId=\"Normal\"").count(), 1);
        let doc = text_part(&docx, "word/document.xml");
        assert!(doc.contains("<w:sectPr><w:footerReference"));
        let numbering = text_part(&docx, "word/numbering.xml");
        assert_eq!(numbering.matches("<w:num w:numId=\"2\">").count(), 1);
        assert_eq!(numbering.matches("w:abstractNumId=\"2\">").count(), 1);
    }

    #[test]
    fn verbatim_blocks_keep_their_lines() {
        let md = "```\nlet a = 1;\n\nlet b = 2;\n```\n\n<div>\n<b>x</b>\n</div>\n";
        let docx = markdown_to_docx(md, "t", "Figuur", 1, &|_| None).unwrap_or_default();
        let doc = text_part(&docx, "word/document.xml");
        let code_start = doc.find("CodeBlock").unwrap_or(0);
        let code = &doc[code_start
            ..doc[code_start..]
                .find("</w:p>")
                .map_or(doc.len(), |e| code_start + e)];
        assert_eq!(code.matches("<w:br").count(), 2, "{code}");
        assert!(code.contains("let a = 1;"));
        assert!(code.contains("Consolas"));
        assert!(doc.contains("&lt;div&gt;"));
        assert!(doc.contains("&lt;b&gt;x&lt;/b&gt;"));
    }

    #[test]
    fn pictures_in_table_cells_fit_their_column() {
        let md = "| a | b | c |\n|---|---|---|\n| ![x](p.png) | 1 | 2 |\n";
        let docx =
            markdown_to_docx(md, "t", "Figuur", 1, &|_| Some(tiny_png())).unwrap_or_default();
        let doc = text_part(&docx, "word/document.xml");
        let share = TEXT_WIDTH_EMU / 3 - CELL_MARGINS_EMU;
        assert!(doc.contains(&format!(
            "<wp:extent cx=\"{share}\" cy=\"{}\" />",
            share / 2
        )));
        let grid: Vec<u64> = doc
            .split("<w:gridCol w:w=\"")
            .skip(1)
            .filter_map(|g| g.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(grid.len(), 3);
        assert!(grid[0] * 635 >= share + CELL_MARGINS_EMU);
    }

    #[test]
    fn key_charts_are_smaller_and_the_marker_breaks_the_page() {
        let md = format!(
            "Tekst\n\n![k](p.png \"key\")\n\n- reden\n\n{}\n\n## Bijlage\n\n![a](p.png)\n",
            crate::render::markdown::PAGE_BREAK
        );
        let docx =
            markdown_to_docx(&md, "t", "Figuur", 1, &|_| Some(tiny_png())).unwrap_or_default();
        let doc = text_part(&docx, "word/document.xml");
        // tiny_png is 2:1; the key chart's column is 40% of the 17 cm text width, less the
        // cell margins.
        let key = TEXT_WIDTH_EMU * 40 / 100 - CELL_MARGINS_EMU;
        assert!(
            doc.contains(&format!("<wp:extent cx=\"{key}\" cy=\"{}\" />", key / 2)),
            "{doc}"
        );
        // The key chart sits in a borderless row beside the text after it ("reden").
        assert!(!doc.contains("<wp:anchor "), "{doc}");
        let row = &doc[doc.find("<w:tbl>").unwrap_or(0)..doc.find("</w:tbl>").unwrap_or(0)];
        assert!(
            row.contains("reden") && row.contains("<w:drawing>"),
            "{row}"
        );
        assert!(row.contains("<w:cantSplit />"), "{row}");
        assert!(doc.contains(&format!(
            "<wp:extent cx=\"{TEXT_WIDTH_EMU}\" cy=\"{}\" />",
            TEXT_WIDTH_EMU / 2
        )));
        // The page break sits on the appendix heading, and the marker is not text.
        assert_eq!(doc.matches("<w:pageBreakBefore />").count(), 1, "{doc}");
        let heading = doc.find("Bijlage").unwrap_or(0);
        let brk = doc.find("<w:pageBreakBefore />").unwrap_or(usize::MAX);
        assert!(brk < heading && heading - brk < 200, "{doc}");
        assert!(!doc.contains("prem:page-break"));
    }

    #[test]
    fn empty_markdown_still_makes_a_document() {
        let docx = markdown_to_docx("", "", "Figuur", 1, &|_| None).unwrap_or_default();
        let doc = text_part(&docx, "word/document.xml");
        assert!(doc.contains("<w:body>"));
    }
}
