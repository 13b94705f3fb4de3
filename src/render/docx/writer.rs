//! The walk over the Markdown events: paragraphs, headings, lists, quotes, verbatim blocks,
//! links and inline formatting, and the assembled document at the end.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, Hyperlink, HyperlinkData, HyperlinkType,
    IndentLevel, LevelOverride, LineSpacing, LineSpacingType, Numbering, NumberingId, PageMargin,
    PageNum, Paragraph, ParagraphBorderPosition, Pic, Run, Shading, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};

use super::numbering::{
    bullet_numbering, ordered_numbering, BULLET_ABSTRACT, BULLET_NUMBERING, LIST_INDENT, MAX_LEVEL,
    ORDERED_ABSTRACT,
};
use super::page::{
    CELL_MARGINS_EMU, KEY_CHART_SMALL_WIDTH_EMU, KEY_CHART_WIDTH_EMU, MARGIN, MAX_COLUMN_WEIGHT,
    PAGE_HEIGHT, PAGE_WIDTH, TEXT_WIDTH, TEXT_WIDTH_EMU,
};
use super::pictures::{picture_extent, png_size, Beside};
use super::styles::{body_fonts, code_fonts, only_border, styles, ACCENT_SOFT, RULE, ZEBRA};
use super::tables::{
    column_widths, fit_widths, TableBuilder, WIDE_PAD, WIDE_TABLE, WIDE_TWIPS_PER_CHAR,
};
use super::xml::xml_text;
use crate::render::markdown::{is_report_link, KEY_CHART, KEY_CHART_SMALL};

/// A finished piece of the document body.
pub(super) enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The paragraph being filled.
pub(super) struct OpenParagraph {
    pub(super) paragraph: Paragraph,
    pub(super) has_text: bool,
    pub(super) has_picture: bool,
}

/// A Markdown list being written.
pub(super) struct List {
    pub(super) numbering: usize,
}

/// A link being written: links inside the report become Word hyperlinks, others plain text.
pub(super) struct OpenLink {
    pub(super) hyperlink: Option<Hyperlink>,
}

/// An image whose alt text is being collected.
pub(super) struct OpenImage {
    pub(super) src: String,
    pub(super) alt: String,
    pub(super) depth: usize,
    /// A point's key chart: its width (EMU), floating beside the text.
    pub(super) key: Option<u64>,
}

/// Walks the Markdown events and builds the Word document.
pub(super) struct Writer<'f> {
    pub(super) image: &'f dyn Fn(&str) -> Option<Vec<u8>>,
    pub(super) body: Vec<Block>,
    pub(super) open: Option<OpenParagraph>,
    /// Captions to place right after the paragraph holding their picture.
    pub(super) captions: Vec<Paragraph>,
    pub(super) bold: usize,
    pub(super) italic: usize,
    pub(super) strike: usize,
    pub(super) heading: Option<usize>,
    pub(super) quote_depth: usize,
    pub(super) code_block: bool,
    pub(super) html_block: bool,
    /// In a code or HTML block: a line ended, the break goes in before the next text.
    pub(super) pending_break: bool,
    pub(super) lists: Vec<List>,
    /// The next paragraph is the first of a list item and carries its number.
    pub(super) item_start: bool,
    pub(super) table: Option<TableBuilder>,
    pub(super) link: Option<OpenLink>,
    pub(super) img: Option<OpenImage>,
    /// Ordered lists: (numbering id, level, first number).
    pub(super) ordered_lists: Vec<(usize, usize, usize)>,
    pub(super) next_paragraph_id: u32,
    pub(super) next_hyperlink: usize,
    /// Folders between the report's root and the document, for [`is_report_link`].
    pub(super) depth: usize,
    /// Alt texts of the embedded pictures, in document order.
    pub(super) picture_alts: Vec<String>,
    /// The next paragraph opens a new page.
    pub(super) break_before: bool,
    /// A key chart and the paragraphs that go beside it, until the next heading.
    pub(super) beside: Option<Beside>,
}

impl<'f> Writer<'f> {
    pub(super) fn new(image: &'f dyn Fn(&str) -> Option<Vec<u8>>, depth: usize) -> Self {
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

    pub(super) fn event(&mut self, event: Event<'_>) {
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

    pub(super) fn text(&mut self, text: &str) {
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
    pub(super) fn page_break(&mut self) {
        self.flush_beside();
        self.break_before = true;
    }

    pub(super) fn ensure_paragraph(&mut self) -> &mut OpenParagraph {
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
    pub(super) fn new_paragraph(&mut self) -> Paragraph {
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
    pub(super) fn close_paragraph(&mut self) {
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
    pub(super) fn sink(&mut self, p: Paragraph) {
        match (self.table.as_mut(), self.beside.as_mut()) {
            (Some(t), _) => t.cell.push(p),
            (None, Some(b)) => b.text.push(p),
            (None, None) => self.body.push(Block::Paragraph(Box::new(p))),
        }
    }

    /// Closes what is open and assembles the document; also returns the pictures' alt
    /// texts in document order.
    pub(super) fn finish(mut self, title: &str) -> (Docx, Vec<String>) {
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

impl Writer<'_> {
    pub(super) fn build_table(&mut self, t: TableBuilder) -> Table {
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
}

impl Writer<'_> {
    /// Embeds the picture for `src`, or writes its alt text when there is none.
    pub(super) fn place_image(&mut self, src: &str, alt: &str, key: Option<u64>) {
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

    /// Ends a key chart's block: one borderless row, the text left and the chart right.
    pub(super) fn flush_beside(&mut self) {
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
}
