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

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, Footer, Hyperlink,
    HyperlinkData, HyperlinkType, IndentLevel, Level, LevelJc, LevelOverride, LevelText,
    LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run, RunFonts,
    Shading, SpecialIndentType, Start, Style, StyleType, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use quick_xml::events::{BytesStart, Event as XmlEvent};
use quick_xml::Reader;

use crate::render::markdown::{is_page_break, is_report_link, KEY_CHART, KEY_CHART_SMALL};

/// Why a Word document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// Reading back the parts docx-rs wrote, or packing them into the .docx (ZIP), failed.
    #[error("could not write the .docx package: {0}")]
    Package(String),
}

/// A4 portrait, in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// 2 cm margins.
const MARGIN: i32 = 1_134;
/// Width of the text column in twips (17 cm) …
const TEXT_WIDTH: usize = 9_638;
/// … and in EMU (1 twip = 635 EMU).
const TEXT_WIDTH_EMU: u64 = 9_638 * 635;
/// Width of a point's key chart (40% of the text width, as in the HTML page).
const KEY_CHART_WIDTH_EMU: u64 = TEXT_WIDTH_EMU * 40 / 100;
/// Width of a strength's key chart (30%).
const KEY_CHART_SMALL_WIDTH_EMU: u64 = TEXT_WIDTH_EMU * 30 / 100;
/// Tallest picture: leaves room for the caption on a page of 25.7 cm text height.
const MAX_PICTURE_HEIGHT_EMU: u64 = 22 * 360_000;
/// Left plus right cell margin of tables (100 twips each), in EMU.
const CELL_MARGINS_EMU: u64 = 200 * 635;
/// Largest weight (≈ characters) a table column gets when widths are shared out.
const MAX_COLUMN_WEIGHT: usize = 45;

const ACCENT: &str = "005A9C";
const ACCENT_SOFT: &str = "E8F1F8";
const ZEBRA: &str = "F5F7FA";
const RULE: &str = "BCCCDC";
const MUTED: &str = "52606D";
const BODY_FONT: &str = "Calibri";
const CODE_FONT: &str = "Consolas";

// docx-rs always writes its own abstract numbering 1 and numbering 1: ours start at 2.
const BULLET_ABSTRACT: usize = 2;
const ORDERED_ABSTRACT: usize = 3;
const BULLET_NUMBERING: usize = 2;
/// Nesting depth Word numbering supports (levels 0–8).
const MAX_LEVEL: usize = 8;
/// Left indent per list level and the hanging indent of the marker, in twips.
const LIST_INDENT: i32 = 425;
const LIST_HANGING: i32 = 283;

/// Renders agenda Markdown as a .docx document.
///
/// `title` goes into the document properties and the footer; `figure` is the name Word
/// gives each picture, numbered ("Figuur" gives "Figuur 1", …). `image` resolves an image
/// `src` (e.g. `"charts/theme-scores.png"`) to PNG bytes; a resolved, valid PNG is
/// embedded at the text width (aspect ratio kept) with the alt text as caption below,
/// anything else (unresolved, not a PNG, truncated) is replaced by the alt text. A link
/// becomes a Word hyperlink only when its target is a relative path inside the report
/// ([`is_report_link`], `depth` folders below the report's root, like the document);
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

/// A finished piece of the document body.
enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The paragraph being filled.
struct OpenParagraph {
    paragraph: Paragraph,
    has_text: bool,
    has_picture: bool,
}

/// A Markdown list being written.
struct List {
    numbering: usize,
}

/// A Markdown table being collected; it is built once all cells are known.
struct TableBuilder {
    alignments: Vec<Alignment>,
    /// (is header row, cells), each cell its paragraphs.
    rows: Vec<(bool, Vec<Vec<Paragraph>>)>,
    row: Vec<Vec<Paragraph>>,
    cell: Vec<Paragraph>,
    in_head: bool,
    /// Longest text per column, in characters, for the column widths.
    widest: Vec<usize>,
    /// Longest unbreakable word per column, in characters: its least width.
    longest_word: Vec<usize>,
    cell_chars: usize,
}

/// A link being written: links inside the report become Word hyperlinks, others plain text.
struct OpenLink {
    hyperlink: Option<Hyperlink>,
}

/// An image whose alt text is being collected.
struct OpenImage {
    src: String,
    alt: String,
    depth: usize,
    /// A point's key chart: its width (EMU), floating beside the text.
    key: Option<u64>,
}

/// Walks the Markdown events and builds the Word document.
struct Writer<'f> {
    image: &'f dyn Fn(&str) -> Option<Vec<u8>>,
    body: Vec<Block>,
    open: Option<OpenParagraph>,
    /// Captions to place right after the paragraph holding their picture.
    captions: Vec<Paragraph>,
    bold: usize,
    italic: usize,
    strike: usize,
    heading: Option<usize>,
    quote_depth: usize,
    code_block: bool,
    html_block: bool,
    /// In a code or HTML block: a line ended, the break goes in before the next text.
    pending_break: bool,
    lists: Vec<List>,
    /// The next paragraph is the first of a list item and carries its number.
    item_start: bool,
    table: Option<TableBuilder>,
    link: Option<OpenLink>,
    img: Option<OpenImage>,
    /// Ordered lists: (numbering id, level, first number).
    ordered_lists: Vec<(usize, usize, usize)>,
    next_paragraph_id: u32,
    next_hyperlink: usize,
    /// Folders between the report's root and the document, for [`is_report_link`].
    depth: usize,
    /// Alt texts of the embedded pictures, in document order.
    picture_alts: Vec<String>,
    /// The next paragraph opens a new page.
    break_before: bool,
    /// A key chart and the paragraphs that go beside it, until the next heading.
    beside: Option<Beside>,
}

/// A key chart with the text beside it (see [`Writer::flush_beside`]).
struct Beside {
    picture: Run,
    /// Width of the chart's column, in twips.
    width: usize,
    text: Vec<Paragraph>,
}

impl<'f> Writer<'f> {
    fn new(image: &'f dyn Fn(&str) -> Option<Vec<u8>>, depth: usize) -> Self {
        Writer {
            image,
            body: Vec::new(),
            open: None,
            captions: Vec::new(),
            bold: 0,
            italic: 0,
            strike: 0,
            heading: None,
            quote_depth: 0,
            code_block: false,
            html_block: false,
            pending_break: false,
            lists: Vec::new(),
            item_start: false,
            table: None,
            link: None,
            img: None,
            ordered_lists: Vec::new(),
            next_paragraph_id: 0,
            next_hyperlink: 0,
            depth,
            picture_alts: Vec::new(),
            break_before: false,
            beside: None,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if self.img.is_some() {
            self.image_event(event);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(text) => {
                let run = self.styled_run(&text).fonts(code_fonts());
                self.push_run(run, true);
                self.count_chars(&text);
            }
            // Raw HTML is never interpreted: it is shown as the text it is.
            Event::Html(text) | Event::InlineHtml(text) => self.text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let run = Run::new().add_break(BreakType::TextWrapping);
                self.push_run(run, true);
            }
            Event::Rule => {
                self.close_paragraph();
                let mut rule = self.new_paragraph().size(8);
                rule.property = rule.property.set_borders(only_border(
                    ParagraphBorderPosition::Bottom,
                    6,
                    1,
                    RULE,
                ));
                self.sink(rule);
            }
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.close_paragraph();
                self.open_paragraph();
            }
            Tag::Heading { level, .. } => {
                self.flush_beside();
                self.heading = Some(heading_number(level));
                self.open_paragraph();
            }
            Tag::BlockQuote(_) => {
                self.close_paragraph();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.close_paragraph();
                self.code_block = true;
                self.open_paragraph();
            }
            Tag::HtmlBlock => {
                self.close_paragraph();
                self.html_block = true;
                self.open_paragraph();
            }
            Tag::List(first) => {
                self.close_paragraph();
                let level = self.lists.len().min(MAX_LEVEL);
                let numbering = match first {
                    None => BULLET_NUMBERING,
                    Some(first) => {
                        // Every ordered list is its own numbering instance, restarted at
                        // its first number, so lists do not continue each other.
                        let id = BULLET_NUMBERING + 1 + self.ordered_lists.len();
                        let first = usize::try_from(first).unwrap_or(1);
                        self.ordered_lists.push((id, level, first));
                        id
                    }
                };
                self.lists.push(List { numbering });
            }
            Tag::Item => {
                self.close_paragraph();
                self.item_start = true;
            }
            Tag::Table(alignments) => {
                self.flush_beside();
                // The sentence introducing a table ("Wat openstaat, …:") stays on its page.
                if let Some(Block::Paragraph(p)) = self.body.last_mut() {
                    let kept = std::mem::replace(p.as_mut(), Paragraph::new()).keep_next(true);
                    **p = kept;
                }
                let columns = alignments.len();
                self.table = Some(TableBuilder {
                    alignments,
                    rows: Vec::new(),
                    row: Vec::new(),
                    cell: Vec::new(),
                    in_head: false,
                    widest: vec![0; columns],
                    longest_word: vec![0; columns],
                    cell_chars: 0,
                });
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                    t.row.clear();
                }
            }
            Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                }
            }
            Tag::TableCell => {
                if let Some(t) = self.table.as_mut() {
                    t.cell.clear();
                    t.cell_chars = 0;
                }
                self.open_paragraph();
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => {
                let hyperlink = is_report_link(&dest_url, self.depth).then(|| {
                    self.next_hyperlink += 1;
                    let mut h = Hyperlink::new(xml_text(dest_url.trim()), HyperlinkType::External);
                    if let HyperlinkData::External { rid, .. } = &mut h.link {
                        *rid = format!("rIdHyperlink{}", self.next_hyperlink);
                    }
                    h
                });
                self.link = Some(OpenLink { hyperlink });
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.img = Some(OpenImage {
                    src: dest_url.to_string(),
                    alt: String::new(),
                    depth: 1,
                    key: match title.as_ref() {
                        KEY_CHART => Some(KEY_CHART_WIDTH_EMU),
                        KEY_CHART_SMALL => Some(KEY_CHART_SMALL_WIDTH_EMU),
                        _ => None,
                    },
                });
            }
            // Not enabled in the parser options; their content still flows as text.
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.close_paragraph(),
            TagEnd::Heading(_) => {
                self.close_paragraph();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.close_paragraph();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.close_paragraph();
                self.code_block = false;
                self.pending_break = false;
            }
            TagEnd::HtmlBlock => {
                self.close_paragraph();
                self.html_block = false;
                self.pending_break = false;
            }
            TagEnd::List(_) => {
                self.close_paragraph();
                self.lists.pop();
                self.item_start = false;
            }
            TagEnd::Item => {
                self.close_paragraph();
                self.item_start = false;
            }
            TagEnd::TableCell => {
                self.close_paragraph();
                if let Some(t) = self.table.as_mut() {
                    let column = t.row.len();
                    if let Some(w) = t.widest.get_mut(column) {
                        *w = (*w).max(t.cell_chars);
                    }
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push((true, row));
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push((false, row));
                }
            }
            TagEnd::Table => {
                self.close_paragraph();
                if let Some(t) = self.table.take() {
                    let table = self.build_table(t);
                    self.body.push(Block::Table(Box::new(table)));
                    // Word needs a paragraph between a table and what follows (or the
                    // end of the document); a small one also gives some air.
                    let spacer = self
                        .new_paragraph()
                        .line_spacing(LineSpacing::new().before(0).after(0).line(120))
                        .size(12);
                    self.body.push(Block::Paragraph(Box::new(spacer)));
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => {
                if let Some(OpenLink { hyperlink: Some(h) }) = self.link.take() {
                    if !h.children.is_empty() {
                        let open = self.ensure_paragraph();
                        open.paragraph = std::mem::take(&mut open.paragraph).add_hyperlink(h);
                        open.has_text = true;
                    }
                }
            }
            TagEnd::Image => {}
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Events inside an image: only its alt text is kept.
    fn image_event(&mut self, event: Event<'_>) {
        let Some(img) = self.img.as_mut() else {
            return;
        };
        match event {
            Event::Start(Tag::Image { .. }) => img.depth += 1,
            Event::End(TagEnd::Image) => {
                img.depth -= 1;
                if img.depth == 0 {
                    if let Some(done) = self.img.take() {
                        self.place_image(&done.src, done.alt.trim(), done.key);
                    }
                }
            }
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => img.alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => img.alt.push(' '),
            _ => {}
        }
    }

    /// Embeds the picture for `src`, or writes its alt text when there is none.
    fn place_image(&mut self, src: &str, alt: &str, key: Option<u64>) {
        let png = (self.image)(src).and_then(|bytes| png_size(&bytes).map(|size| (bytes, size)));
        let Some((bytes, (width_px, height_px))) = png else {
            let text = if alt.is_empty() { src } else { alt };
            self.text(text);
            return;
        };
        let (mut width, mut height) = picture_extent(width_px, height_px);
        if let Some(key) = key.filter(|_| self.table.is_none()) {
            // A point's key chart stands in a borderless two-column row beside the text that
            // follows it (its reasons and quotes): the point takes the height of its chart,
            // and the row never splits over two pages. The chart's own (empty) Markdown
            // paragraph is dropped, not left as a blank line.
            if self
                .open
                .as_ref()
                .is_some_and(|o| !o.has_text && !o.has_picture)
            {
                self.open = None;
            }
            self.flush_beside();
            let cell = key.saturating_sub(CELL_MARGINS_EMU);
            if u64::from(width) > cell {
                height = u32::try_from(u64::from(height) * cell / u64::from(width))
                    .unwrap_or(u32::MAX)
                    .max(1);
                width = u32::try_from(cell).unwrap_or(u32::MAX);
            }
            let number = self.picture_alts.len() + 1;
            let pic = Pic::new_with_dimensions(bytes, width_px, height_px)
                .size(width, height)
                .id(format!("rIdImage{number}"));
            self.picture_alts.push(alt.to_string());
            self.beside = Some(Beside {
                picture: Run::new().add_image(pic),
                width: usize::try_from(key / 635).unwrap_or(TEXT_WIDTH / 2),
                text: Vec::new(),
            });
            return;
        }
        if let Some(t) = self.table.as_mut() {
            // In a table the picture gets the widest column weight, so its column is at
            // least an equal share of the text width; it is sized to fit that share.
            t.cell_chars = t.cell_chars.max(MAX_COLUMN_WEIGHT);
            let columns = t.alignments.len().max(1) as u64;
            let share = (TEXT_WIDTH_EMU / columns)
                .saturating_sub(CELL_MARGINS_EMU)
                .max(1);
            if u64::from(width) > share {
                height = u32::try_from(u64::from(height) * share / u64::from(width).max(1))
                    .unwrap_or(u32::MAX)
                    .max(1);
                width = u32::try_from(share).unwrap_or(u32::MAX);
            }
        }
        let number = self.picture_alts.len() + 1;
        // `new_with_dimensions` takes the bytes as they are (no decoding, so no panic);
        // the id is set here because docx-rs would draw it from a global counter.
        let pic = Pic::new_with_dimensions(bytes, width_px, height_px)
            .size(width, height)
            .id(format!("rIdImage{number}"));
        self.picture_alts.push(alt.to_string());
        let run = Run::new().add_image(pic);
        let open = self.ensure_paragraph();
        open.paragraph = std::mem::take(&mut open.paragraph).add_run(run);
        open.has_picture = true;
        if !alt.is_empty() {
            let caption = self
                .new_paragraph()
                .style("Caption")
                .add_run(Run::new().add_text(xml_text(alt)));
            self.captions.push(caption);
        }
    }

    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.code_block || self.html_block {
            // Keep the line structure of verbatim blocks: a line break goes in only when
            // a further line follows, so the block does not end in an empty line.
            let mut run = self.styled_run("");
            if self.code_block {
                run = run.fonts(code_fonts());
            }
            let mut lines = text.split('\n').peekable();
            while let Some(line) = lines.next() {
                if !line.is_empty() {
                    if self.pending_break {
                        run = run.add_break(BreakType::TextWrapping);
                        self.pending_break = false;
                    }
                    run = run.add_text(xml_text(line.trim_end_matches('\r')));
                }
                if lines.peek().is_some() {
                    if self.pending_break {
                        // An empty line inside the block.
                        run = run.add_break(BreakType::TextWrapping);
                    }
                    self.pending_break = true;
                }
            }
            self.push_run(run, true);
            return;
        }
        let run = self.styled_run(text);
        self.push_run(run, !text.trim().is_empty());
        self.count_chars(text);
    }

    /// A run with `text` in the current inline formatting.
    fn styled_run(&self, text: &str) -> Run {
        let mut run = Run::new();
        if !text.is_empty() {
            run = run.add_text(xml_text(text));
        }
        let header_cell = self.table.as_ref().is_some_and(|t| t.in_head);
        if self.bold > 0 || header_cell {
            run = run.bold();
        }
        // Quote paragraphs are italic through their style; a list inside a quote (or a
        // quote inside a list) keeps the list style, so its runs carry the italics.
        let quoted_list = self.quote_depth > 0 && !self.lists.is_empty();
        if self.italic > 0 || quoted_list {
            run = run.italic();
        }
        if self.strike > 0 {
            run = run.strike();
        }
        run
    }

    fn push_run(&mut self, run: Run, is_text: bool) {
        if let Some(OpenLink { hyperlink: Some(h) }) = self.link.as_mut() {
            *h = std::mem::replace(h, Hyperlink::new("", HyperlinkType::Anchor))
                .add_run(run.style("Hyperlink"));
            // Make sure a paragraph exists for the hyperlink to land in.
            let open = self.ensure_paragraph();
            open.has_text |= is_text;
            return;
        }
        let open = self.ensure_paragraph();
        open.paragraph = std::mem::take(&mut open.paragraph).add_run(run);
        open.has_text |= is_text;
    }

    fn count_chars(&mut self, text: &str) {
        if let Some(t) = self.table.as_mut() {
            t.cell_chars += text.chars().count();
            let column = t.row.len();
            let word = text
                .split(|c: char| c.is_whitespace() || c == '-')
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            if let Some(w) = t.longest_word.get_mut(column) {
                *w = (*w).max(word);
            }
        }
    }

    /// The next paragraph starts a new page.
    fn page_break(&mut self) {
        self.flush_beside();
        self.break_before = true;
    }

    fn ensure_paragraph(&mut self) -> &mut OpenParagraph {
        if self.open.is_none() {
            self.open_paragraph();
        }
        self.open.get_or_insert_with(|| OpenParagraph {
            paragraph: Paragraph::new(),
            has_text: false,
            has_picture: false,
        })
    }

    /// A paragraph with a fixed id (docx-rs would otherwise take one from a counter).
    fn new_paragraph(&mut self) -> Paragraph {
        self.next_paragraph_id += 1;
        Paragraph::new().id(format!("{:08X}", 0x1000_0000 + self.next_paragraph_id))
    }

    /// Starts a paragraph styled for where it stands (heading, table cell, list, quote …).
    fn open_paragraph(&mut self) {
        let mut p = self.new_paragraph();
        if std::mem::take(&mut self.break_before) {
            p = p.page_break_before(true);
        }

        if let Some(level) = self.heading {
            p = p.style(&format!("Heading{level}"));
        } else if let Some(t) = self.table.as_ref() {
            let column = t.row.len();
            p = p.style("TableText");
            p = match t.alignments.get(column) {
                Some(Alignment::Right) => p.align(AlignmentType::Right),
                Some(Alignment::Center) => p.align(AlignmentType::Center),
                _ => p,
            };
        } else if self.code_block {
            p = p.style("CodeBlock");
        } else if let Some(list) = self.lists.last() {
            let level = (self.lists.len() - 1).min(MAX_LEVEL);
            p = p.style("ListParagraph");
            if self.item_start {
                p = p.numbering(NumberingId::new(list.numbering), IndentLevel::new(level));
                self.item_start = false;
            } else {
                // A further paragraph of the item: aligned with its text, no marker.
                let left = LIST_INDENT * (level as i32 + 1);
                p = p.indent(Some(left), None, None, None);
            }
        } else if self.quote_depth > 0 {
            p = p.style("Quote");
        }
        self.open = Some(OpenParagraph {
            paragraph: p,
            has_text: false,
            has_picture: false,
        });
    }

    /// Ends the open paragraph and places it (and any picture captions) where it belongs.
    fn close_paragraph(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let mut p = open.paragraph;
        if open.has_picture && !open.has_text {
            // A figure: centred and kept with its caption.
            p = p.align(AlignmentType::Center).keep_next(true);
        }
        self.sink(p);
        for caption in std::mem::take(&mut self.captions) {
            self.sink(caption);
        }
    }

    /// Adds a finished paragraph to the table cell being written, beside a key chart, or to
    /// the body.
    fn sink(&mut self, p: Paragraph) {
        match (self.table.as_mut(), self.beside.as_mut()) {
            (Some(t), _) => t.cell.push(p),
            (None, Some(b)) => b.text.push(p),
            (None, None) => self.body.push(Block::Paragraph(Box::new(p))),
        }
    }

    /// Ends a key chart's block: one borderless row, the text left and the chart right.
    fn flush_beside(&mut self) {
        self.close_paragraph();
        let Some(b) = self.beside.take() else {
            return;
        };
        let left = TEXT_WIDTH.saturating_sub(b.width);
        let mut text_cell = TableCell::new().width(left, WidthType::Dxa);
        let text = if b.text.is_empty() {
            vec![self.new_paragraph()]
        } else {
            b.text
        };
        for p in text {
            text_cell = text_cell.add_paragraph(p);
        }
        let chart = self
            .new_paragraph()
            .align(AlignmentType::Right)
            .add_run(b.picture);
        let chart_cell = TableCell::new()
            .width(b.width, WidthType::Dxa)
            .add_paragraph(chart);
        let row = TableRow::new(vec![text_cell, chart_cell]).cant_split();
        let table = Table::new(vec![row])
            .set_grid(vec![left, b.width])
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 100, 0, 0))
            .set_borders(TableBorders::with_empty());
        self.body.push(Block::Table(Box::new(table)));
    }

    fn build_table(&mut self, t: TableBuilder) -> Table {
        let columns = t.alignments.len().max(1);
        // A table of many columns (the theme table with the national column) is set in 9 pt
        // with narrow cell margins, so its numbers and words need not break.
        let wide = columns >= WIDE_TABLE;
        let widths = if wide {
            fit_widths(
                &t.widest,
                &t.longest_word,
                columns,
                WIDE_TWIPS_PER_CHAR,
                WIDE_PAD,
            )
        } else {
            column_widths(&t.widest, &t.longest_word, columns)
        };
        let row_count = t.rows.len();
        let mut body_index = 0usize;
        let mut rows = Vec::with_capacity(row_count);
        for (r, (is_head, mut cells)) in t.rows.into_iter().enumerate() {
            cells.resize_with(columns, Vec::new);
            let shade = if is_head {
                Some(ACCENT_SOFT)
            } else {
                body_index += 1;
                (body_index % 2 == 0).then_some(ZEBRA)
            };
            // Keep a short table on one page: every row but the last keeps with the next.
            let keep = row_count <= 30 && r + 1 < row_count;
            let mut row_cells = Vec::with_capacity(columns);
            for (c, paragraphs) in cells.into_iter().enumerate() {
                let mut cell = TableCell::new().width(widths[c], WidthType::Dxa);
                if let Some(fill) = shade {
                    cell = cell.shading(Shading::new().fill(fill));
                }
                let paragraphs = if paragraphs.is_empty() {
                    vec![self.new_paragraph().style("TableText")]
                } else {
                    paragraphs
                };
                for p in paragraphs {
                    let p = if wide { p.style("TableTextSmall") } else { p };
                    cell = cell.add_paragraph(if keep { p.keep_next(true) } else { p });
                }
                row_cells.push(cell);
            }
            rows.push(TableRow::new(row_cells).cant_split());
        }
        let border = |position| {
            TableBorder::new(position)
                .border_type(BorderType::Single)
                .size(4)
                .color(RULE)
        };
        Table::new(rows)
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(if wide {
                TableCellMargins::new().margin(40, 50, 40, 50)
            } else {
                TableCellMargins::new().margin(40, 100, 40, 100)
            })
            .set_borders(
                TableBorders::new()
                    .set(border(TableBorderPosition::Top))
                    .set(border(TableBorderPosition::Bottom))
                    .set(border(TableBorderPosition::Left))
                    .set(border(TableBorderPosition::Right))
                    .set(border(TableBorderPosition::InsideH))
                    .set(border(TableBorderPosition::InsideV)),
            )
    }

    /// Closes what is open and assembles the document; also returns the pictures' alt
    /// texts in document order.
    fn finish(mut self, title: &str) -> (Docx, Vec<String>) {
        if let Some(img) = self.img.take() {
            self.place_image(&img.src, img.alt.trim(), img.key);
        }
        self.close_paragraph();
        self.flush_beside();
        if let Some(t) = self.table.take() {
            let table = self.build_table(t);
            self.body.push(Block::Table(Box::new(table)));
        }
        if self.body.is_empty() || matches!(self.body.last(), Some(Block::Table(_))) {
            let p = self.new_paragraph();
            self.body.push(Block::Paragraph(Box::new(p)));
        }

        let footer_paragraph = self
            .new_paragraph()
            .style("Footer")
            .add_run(Run::new().add_text(xml_text(title)))
            .add_run(Run::new().add_text(" · "))
            .add_page_num(PageNum::new());
        let mut docx = Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN)
                    .header(567)
                    .footer(567)
                    .gutter(0),
            )
            .default_fonts(body_fonts())
            .default_size(21)
            .default_line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(80)
                    .line(252)
                    .line_rule(LineSpacingType::Auto),
            )
            .footer(Footer::new().add_paragraph(footer_paragraph))
            .add_abstract_numbering(bullet_numbering())
            .add_abstract_numbering(ordered_numbering())
            .add_numbering(Numbering::new(BULLET_NUMBERING, BULLET_ABSTRACT));
        for (id, level, first) in &self.ordered_lists {
            docx = docx.add_numbering(
                Numbering::new(*id, ORDERED_ABSTRACT)
                    .add_override(LevelOverride::new(*level).start(*first)),
            );
        }
        for style in styles() {
            docx = docx.add_style(style);
        }
        for block in self.body {
            docx = match block {
                Block::Paragraph(p) => docx.add_paragraph(*p),
                Block::Table(t) => docx.add_table(*t),
            };
        }
        (docx, self.picture_alts)
    }
}

fn heading_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        _ => 4,
    }
}

fn body_fonts() -> RunFonts {
    RunFonts::new()
        .ascii(BODY_FONT)
        .hi_ansi(BODY_FONT)
        .cs(BODY_FONT)
        .east_asia(BODY_FONT)
}

fn code_fonts() -> RunFonts {
    RunFonts::new()
        .ascii(CODE_FONT)
        .hi_ansi(CODE_FONT)
        .cs(CODE_FONT)
        .east_asia(CODE_FONT)
}

/// The paragraph and character styles the document uses. Headings carry Word's built-in
/// names ("heading 1" …) and outline levels, so Word treats them as headings.
fn styles() -> Vec<Style> {
    // docx-rs writes the "Normal" style itself; the document defaults shape it.
    let mut out = Vec::new();

    let headings: [(usize, usize, u32, u32); 4] = [
        (1, 32, 360, 160),
        (2, 26, 240, 80),
        (3, 23, 240, 80),
        (4, 22, 200, 60),
    ];
    for (level, size, before, after) in headings {
        let mut s = Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .ui_priority(9)
            .outline_lvl(level - 1)
            .bold()
            .size(size)
            .color(ACCENT)
            .line_spacing(LineSpacing::new().before(before).after(after));
        s.paragraph_property = std::mem::take(&mut s.paragraph_property)
            .keep_next(true)
            .keep_lines(true);
        if level == 1 {
            s.paragraph_property = std::mem::take(&mut s.paragraph_property)
                .set_borders(only_border(ParagraphBorderPosition::Bottom, 12, 4, ACCENT));
        }
        out.push(s);
    }

    let mut quote = Style::new("Quote", StyleType::Paragraph)
        .name("Quote")
        .based_on("Normal")
        .next("Normal")
        .italic()
        .color("243B53")
        .indent(Some(284), None, Some(284), None)
        .line_spacing(LineSpacing::new().before(20).after(60));
    quote.paragraph_property = std::mem::take(&mut quote.paragraph_property)
        .shading(Shading::new().fill(ACCENT_SOFT))
        .set_borders(only_border(ParagraphBorderPosition::Left, 24, 8, ACCENT));
    out.push(quote);

    out.push(
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .line_spacing(LineSpacing::new().before(0).after(40)),
    );
    out.push(
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .next("Normal")
            .italic()
            .size(18)
            .color(MUTED)
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(60).after(240)),
    );
    out.push(
        Style::new("TableTextSmall", StyleType::Paragraph)
            .name("Table Text Small")
            .based_on("Normal")
            .size(18)
            .line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(0)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            ),
    );
    out.push(
        Style::new("TableText", StyleType::Paragraph)
            .name("Table Text")
            .based_on("Normal")
            .size(20)
            .line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(0)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            ),
    );
    let mut code = Style::new("CodeBlock", StyleType::Paragraph)
        .name("Code Block")
        .based_on("Normal")
        .fonts(code_fonts())
        .size(19)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(120)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );
    code.paragraph_property =
        std::mem::take(&mut code.paragraph_property).shading(Shading::new().fill(ZEBRA));
    out.push(code);
    out.push(
        Style::new("Footer", StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(16)
            .color(MUTED)
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0)),
    );
    out.push(
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color(ACCENT)
            .underline("single"),
    );
    out
}

/// Paragraph borders with just one side drawn (docx-rs's `set_border` would start from
/// a box of thin borders on all four sides).
fn only_border(
    position: ParagraphBorderPosition,
    size: usize,
    space: usize,
    color: &str,
) -> ParagraphBorders {
    ParagraphBorders::with_empty().set(
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size(size)
            .space(space)
            .color(color),
    )
}

fn bullet_numbering() -> AbstractNumbering {
    let mut n = AbstractNumbering::new(BULLET_ABSTRACT);
    for level in 0..=MAX_LEVEL {
        let marker = ["•", "◦", "▪"][level % 3];
        n = n.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(marker),
                LevelJc::new("left"),
            )
            .indent(
                Some(LIST_INDENT * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(LIST_HANGING)),
                None,
                None,
            ),
        );
    }
    n
}

fn ordered_numbering() -> AbstractNumbering {
    let mut n = AbstractNumbering::new(ORDERED_ABSTRACT);
    for level in 0..=MAX_LEVEL {
        let format = ["decimal", "lowerLetter", "lowerRoman"][level % 3];
        n = n.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(format!("%{}.", level + 1)),
                LevelJc::new("left"),
            )
            .indent(
                Some(LIST_INDENT * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(LIST_HANGING)),
                None,
                None,
            ),
        );
    }
    n
}

/// Twips per character of 10 pt text, generously (bold headers, wide digits).
const TWIPS_PER_CHAR: usize = 120;

/// Column widths in twips summing to the text width: first every column gets room for
/// its longest unbreakable word (so "8,6" never wraps inside), then the rest is shared by
/// the longest text per column (bounded, so long columns do not crowd the others).
fn column_widths(widest: &[usize], longest_word: &[usize], columns: usize) -> Vec<usize> {
    fit_widths(widest, longest_word, columns, TWIPS_PER_CHAR, 240)
}

/// Columns from which a table is set small ([`WIDE_TWIPS_PER_CHAR`], [`WIDE_PAD`]).
const WIDE_TABLE: usize = 9;
/// Twips per character of 9 pt text.
const WIDE_TWIPS_PER_CHAR: usize = 105;
/// Cell margins of a small table (50 twips each side) plus room to spare.
const WIDE_PAD: usize = 120;

/// [`column_widths`] for text of `per_char` twips a character in cells of `pad` twips of
/// margins.
fn fit_widths(
    widest: &[usize],
    longest_word: &[usize],
    columns: usize,
    per_char: usize,
    pad: usize,
) -> Vec<usize> {
    let weights: Vec<usize> = (0..columns)
        .map(|c| {
            widest
                .get(c)
                .copied()
                .unwrap_or(0)
                .saturating_add(2)
                .clamp(7, MAX_COLUMN_WEIGHT)
        })
        .collect();
    let mut least: Vec<usize> = (0..columns)
        .map(|c| {
            longest_word
                .get(c)
                .copied()
                .unwrap_or(0)
                .min(MAX_COLUMN_WEIGHT)
                .saturating_mul(per_char)
                .saturating_add(pad)
        })
        .collect();
    let floor: usize = least.iter().sum();
    if floor > TEXT_WIDTH {
        // Too many columns for their words: share the width by the words alone.
        least = least
            .iter()
            .map(|l| TEXT_WIDTH * l / floor.max(1))
            .collect();
    }
    let spare = TEXT_WIDTH.saturating_sub(least.iter().sum());
    let total: usize = weights.iter().sum();
    let mut widths: Vec<usize> = weights
        .iter()
        .zip(&least)
        .map(|(w, l)| l + spare * w / total.max(1))
        .collect();
    let assigned: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(assigned);
    }
    widths
}

/// Width and height in pixels of a PNG, read from its IHDR chunk; `None` unless the bytes
/// look like a whole PNG (signature, IHDR first, non-zero size, an IEND chunk).
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if bytes.len() < 45 || bytes[..8] != SIGNATURE {
        return None;
    }
    if bytes[8..12] != [0, 0, 0, 13] || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    let limit = i32::MAX as u32;
    if width == 0 || height == 0 || width > limit || height > limit {
        return None;
    }
    if !bytes[33..].windows(4).any(|w| w == b"IEND") {
        return None;
    }
    Some((width, height))
}

/// The picture's size in EMU: the text width, the PNG's aspect ratio, and no taller than
/// a page leaves room for.
fn picture_extent(width_px: u32, height_px: u32) -> (u32, u32) {
    let (w, h) = (u64::from(width_px), u64::from(height_px));
    let mut width = TEXT_WIDTH_EMU;
    let mut height = TEXT_WIDTH_EMU * h / w;
    if height > MAX_PICTURE_HEIGHT_EMU {
        width = MAX_PICTURE_HEIGHT_EMU * w / h;
        height = MAX_PICTURE_HEIGHT_EMU;
    }
    let clamp = |v: u64| u32::try_from(v.max(1)).unwrap_or(u32::MAX);
    (clamp(width), clamp(height))
}

/// Text as XML 1.0 can carry it: characters it forbids (C0 controls but tab and line ends,
/// U+FFFE/U+FFFF) would make Word refuse the file, so they are dropped, as are the other
/// control characters (DEL, C1). docx-rs escapes `<`, `&` and quotes itself.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

/// Escapes text for an XML attribute value.
fn xml_attribute(text: &str) -> String {
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

/// `docProps/core.xml`, written here: docx-rs has no setter for the title and names the
/// creator "unknown". The dates are fixed, like everything else in the package.
fn core_properties(title: &str) -> Vec<u8> {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!("<dc:title>{}</dc:title>", xml_attribute(title))
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:created>\
         <dc:creator>prem</dc:creator><cp:lastModifiedBy>prem</cp:lastModifiedBy>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:modified>\
         <cp:revision>1</cp:revision>{title}</cp:coreProperties>"
    )
    .into_bytes()
}

/// Copies the package docx-rs wrote with every entry dated 1980-01-01 00:00 (the ZIP
/// epoch): docx-rs's own `zip` takes the clock as soon as any crate in the build turns on
/// that `zip`'s `time` feature. The compressed data is copied as it is.
fn repack(package: Vec<u8>) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i)?;
        let mode = entry.unix_mode();
        out.raw_copy_file_touch(entry, zip::DateTime::default(), mode)?;
    }
    Ok(out.finish()?.into_inner())
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
fn tidy(part: &[u8], alts: &[String], figure: &str) -> Result<Vec<u8>, quick_xml::Error> {
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
    fn column_widths_fill_the_text_width() {
        let widths = column_widths(&[21, 3, 9, 3], &[10, 3, 4, 3], 4);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(widths[0] > widths[1]);
        // A three-character number gets at least its own width plus the margins.
        assert!(widths[1] >= 3 * TWIPS_PER_CHAR + 240);
        assert_eq!(column_widths(&[], &[], 3).iter().sum::<usize>(), TEXT_WIDTH);
        // Words too long for the page share it without overflowing.
        let w = column_widths(&[45; 12], &[45; 12], 12);
        assert_eq!(w.iter().sum::<usize>(), TEXT_WIDTH);
    }

    #[test]
    fn tall_pictures_fit_the_page() {
        let (w, h) = picture_extent(100, 1000);
        assert_eq!(u64::from(h), MAX_PICTURE_HEIGHT_EMU);
        assert!(u64::from(w) < TEXT_WIDTH_EMU);
        let (w, h) = picture_extent(1200, 470);
        assert_eq!(u64::from(w), TEXT_WIDTH_EMU);
        assert_eq!(u64::from(h), TEXT_WIDTH_EMU * 470 / 1200);
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
