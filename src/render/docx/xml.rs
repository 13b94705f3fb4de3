//! The XML docx-rs writes, made the way Word reads it: text it can carry, attribute
//! escaping, and one pass ([`tidy`]) that puts properties in schema order and numbers the
//! pictures.

use quick_xml::events::{BytesStart, Event as XmlEvent};
use quick_xml::Reader;

/// Text as XML 1.0 can carry it: characters it forbids (C0 controls but tab and line ends,
/// U+FFFE/U+FFFF) would make Word refuse the file, so they are dropped, as are the other
/// control characters (DEL, C1). docx-rs escapes `<`, `&` and quotes itself.
pub(super) fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

/// Escapes text for an XML attribute value.
pub(super) fn xml_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_text(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// Children of the property elements docx-rs writes, in the order the WordprocessingML
/// schema (ECMA-376 part 1) prescribes. docx-rs writes them in its own order; Word is known
/// to skip properties it meets out of sequence (a colour after a size, a font after bold …).
const SCHEMA_ORDER: &[(&str, &str)] = &[
    (
        "w:rPr",
        "w:ins w:del w:moveFrom w:moveTo w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps \
         w:smallCaps w:strike w:dstrike w:outline w:shadow w:emboss w:imprint w:noProof \
         w:snapToGrid w:vanish w:webHidden w:color w:spacing w:w w:kern w:position w:sz w:szCs \
         w:highlight w:u w:effect w:bdr w:shd w:fitText w:vertAlign w:rtl w:cs w:em w:lang \
         w:eastAsianLayout w:specVanish w:oMath w:rPrChange",
    ),
    (
        "w:pPr",
        "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr \
         w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap \
         w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd \
         w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap \
         w:jc w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId \
         w:cnfStyle w:rPr w:sectPr w:pPrChange",
    ),
    ("w:numPr", "w:ilvl w:numId w:numberingChange w:ins"),
    ("w:pBdr", "w:top w:left w:bottom w:right w:between w:bar"),
    (
        "w:style",
        "w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden w:uiPriority \
         w:semiHidden w:unhideWhenUsed w:qFormat w:locked w:personal w:personalCompose \
         w:personalReply w:rsid w:pPr w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr",
    ),
    (
        "w:tblPr",
        "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize \
         w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd \
         w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription w:tblPrChange",
    ),
    (
        "w:tcPr",
        "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar \
         w:textDirection w:tcFitText w:vAlign w:hideMark w:headers w:cellIns w:cellDel \
         w:cellMerge w:tcPrChange",
    ),
    (
        "w:sectPr",
        "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar \
         w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote \
         w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings \
         w:sectPrChange",
    ),
    (
        "w:settings",
        "w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime \
         w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText \
         w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts \
         w:embedSystemFonts w:saveSubsetFonts w:saveFormsData w:mirrorMargins \
         w:alignBordersAndEdges w:bordersDoNotSurroundHeader w:bordersDoNotSurroundFooter \
         w:gutterAtTop w:hideSpellingErrors w:hideGrammaticalErrors w:activeWritingStyle \
         w:proofState w:formsDesign w:attachedTemplate w:linkStyles w:stylePaneFormatFilter \
         w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView w:trackRevisions \
         w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride \
         w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation \
         w:consecutiveHyphenLimit w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope \
         w:summaryLength w:clickAndTypeStyle w:defaultTableStyle w:evenAndOddHeaders \
         w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets \
         w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing \
         w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery \
         w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin \
         w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning \
         w:characterSpacingControl w:printTwoOnOne w:strictFirstAndLastChars \
         w:noLineBreaksAfter w:noLineBreaksBefore w:savePreviewPicture \
         w:doNotValidateAgainstSchema w:saveInvalidXml w:ignoreMixedContent \
         w:alwaysShowPlaceholderText w:doNotDemarcateInvalidXml w:saveXmlDataOnly \
         w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags w:alwaysMergeEmptyNamespace \
         w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat w:docVars \
         w:rsids m:mathPr w:attachedSchema w:themeFontLang w:clrSchemeMapping \
         w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions \
         w:readModeInkLockDown w:smartTagType sl:schemaLibrary w:shapeDefaults \
         w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator",
    ),
];

/// Rewrites an XML part docx-rs wrote the way Word reads it, in one pass of an XML reader:
/// - the children of the elements in [`SCHEMA_ORDER`] in schema order (a stable sort:
///   children the table does not know go last, in the order they came), and relationships
///   in the order of their Id (docx-rs writes hyperlinks in hash-map order, which changes
///   from run to run);
/// - without what the schema does not allow and Word does not need: empty `<w:rPr />`
///   (not allowed in the `w:pPr` of styles and numbering levels) and the `w:type` docx-rs
///   puts on `w:gridCol`;
/// - pictures numbered 1, 2, … in document order, named `figure` and the number, with
///   their alt texts (`alts`) as description: docx-rs gives every picture the drawing id 1,
///   and Word wants them unique.
pub(super) fn tidy(
    part: &[u8],
    alts: &[String],
    figure: &str,
) -> Result<Vec<u8>, quick_xml::Error> {
    let mut tidy = Tidy {
        reader: Reader::from_reader(part),
        alts,
        figure,
        pictures: 0,
    };
    let mut out = Vec::with_capacity(part.len());
    tidy.content(b"", &mut out)?;
    Ok(out)
}

/// The state of one [`tidy`] pass.
struct Tidy<'a> {
    reader: Reader<&'a [u8]>,
    alts: &'a [String],
    /// The pictures' name ("Figuur").
    figure: &'a str,
    pictures: usize,
}

impl Tidy<'_> {
    /// Copies the content of the element `parent` (empty for the whole part) and its end
    /// tag into `out`, putting its children in order.
    fn content(&mut self, parent: &[u8], out: &mut Vec<u8>) -> Result<(), quick_xml::Error> {
        let mut children: Vec<(SortKey, Vec<u8>)> = Vec::new();
        let end = loop {
            let mut child = quick_xml::Writer::new(Vec::new());
            let event = self.reader.read_event()?;
            let key = match &event {
                XmlEvent::Start(e) | XmlEvent::Empty(e) => sort_key(parent, e),
                _ => SortKey::default(),
            };
            match event {
                XmlEvent::Eof => break None,
                XmlEvent::End(end) => break Some(end),
                XmlEvent::Start(e) => {
                    child.write_event(XmlEvent::Start(e.borrow()))?;
                    self.content(e.name().as_ref(), child.get_mut())?;
                }
                XmlEvent::Empty(e) => match e.name().as_ref() {
                    b"w:rPr" => continue,
                    b"w:gridCol" => {
                        let width = e.try_get_attribute("w:w")?.map(|a| a.value);
                        let out = child.get_mut();
                        out.extend_from_slice(b"<w:gridCol w:w=\"");
                        out.extend_from_slice(width.as_deref().unwrap_or_default());
                        out.extend_from_slice(b"\" />");
                    }
                    b"wp:docPr" => {
                        self.pictures += 1;
                        let n = self.pictures;
                        let alt = self.alts.get(n - 1).map_or("", String::as_str);
                        let doc_pr = format!(
                            "<wp:docPr id=\"{n}\" name=\"{} {n}\" descr=\"{}\" />",
                            xml_attribute(self.figure),
                            xml_attribute(alt)
                        );
                        child.get_mut().extend(doc_pr.into_bytes());
                    }
                    _ => child.write_event(XmlEvent::Empty(e))?,
                },
                other => child.write_event(other)?,
            }
            children.push((key, child.into_inner()));
        };
        children.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, bytes) in children {
            out.extend(bytes);
        }
        if let Some(end) = end {
            quick_xml::Writer::new(out).write_event(XmlEvent::End(end))?;
        }
        Ok(())
    }
}

/// Where a child goes among its siblings: (rank in the schema, Id prefix, Id number).
type SortKey = (usize, String, u64);

/// The child's rank in the schema's order of `parent`'s children, or for a relationship
/// its Id, numbers compared as numbers. Elsewhere all keys are equal and nothing moves.
fn sort_key(parent: &[u8], child: &BytesStart<'_>) -> SortKey {
    if parent == b"Relationships" {
        let id = child.try_get_attribute("Id").ok().flatten();
        let id = id.map(|a| String::from_utf8_lossy(&a.value).into_owned());
        let id = id.unwrap_or_default();
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let number = digits.parse().unwrap_or(u64::MAX);
        return (0, id[..id.len() - digits.len()].to_string(), number);
    }
    let Some((_, order)) = SCHEMA_ORDER.iter().find(|(p, _)| p.as_bytes() == parent) else {
        return SortKey::default();
    };
    let name = child.name();
    let rank = order
        .split_whitespace()
        .position(|n| n.as_bytes() == name.as_ref());
    (rank.unwrap_or(usize::MAX), String::new(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_sort_by_id_and_pictures_are_numbered() {
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"r\"><Relationship Id=\"rIdHyperlink10\" Target=\"b\" /><Relationship Id=\"rId2\" Target=\"s\" /><Relationship Id=\"rIdHyperlink2\" Target=\"a\" /></Relationships>";
        let rels = tidy(rels.as_bytes(), &[], "Figuur").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8(rels).unwrap_or_default(),
            "<?xml version=\"1.0\"?><Relationships xmlns=\"r\"><Relationship Id=\"rId2\" Target=\"s\" /><Relationship Id=\"rIdHyperlink2\" Target=\"a\" /><Relationship Id=\"rIdHyperlink10\" Target=\"b\" /></Relationships>"
        );
        let doc = "<w:body><w:tblGrid><w:gridCol w:w=\"100\" w:type=\"dxa\" /></w:tblGrid><wp:docPr id=\"1\" name=\"Figure\" /><wp:docPr id=\"1\" name=\"Figure\" /></w:body>";
        let alts = ["a \"b\" & <c>".to_string()];
        let doc = tidy(doc.as_bytes(), &alts, "Figuur").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8(doc).unwrap_or_default(),
            "<w:body><w:tblGrid><w:gridCol w:w=\"100\" /></w:tblGrid><wp:docPr id=\"1\" name=\"Figuur 1\" descr=\"a &quot;b&quot; &amp; &lt;c&gt;\" /><wp:docPr id=\"2\" name=\"Figuur 2\" descr=\"\" /></w:body>"
        );
        // The pictures' name is the report language's.
        let english = tidy(b"<wp:docPr id=\"1\" name=\"x\" />", &[], "Figure")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8(english).unwrap_or_default(),
            "<wp:docPr id=\"1\" name=\"Figure 1\" descr=\"\" />"
        );
        // Not XML: an error, no panic.
        assert!(tidy(b"<w:p></w:r>", &[], "Figuur").is_err());
    }
}
