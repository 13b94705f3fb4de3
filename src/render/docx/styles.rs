//! The look of the document: fonts, colours, and the paragraph and character styles.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, Style, StyleType,
};

pub(super) const ACCENT: &str = "005A9C";
pub(super) const ACCENT_SOFT: &str = "E8F1F8";
pub(super) const ZEBRA: &str = "F5F7FA";
pub(super) const RULE: &str = "BCCCDC";
const MUTED: &str = "52606D";
const BODY_FONT: &str = "Calibri";
const CODE_FONT: &str = "Consolas";

pub(super) fn body_fonts() -> RunFonts {
    RunFonts::new()
        .ascii(BODY_FONT)
        .hi_ansi(BODY_FONT)
        .cs(BODY_FONT)
        .east_asia(BODY_FONT)
}

pub(super) fn code_fonts() -> RunFonts {
    RunFonts::new()
        .ascii(CODE_FONT)
        .hi_ansi(CODE_FONT)
        .cs(CODE_FONT)
        .east_asia(CODE_FONT)
}

/// The paragraph and character styles the document uses. Headings carry Word's built-in
/// names ("heading 1" …) and outline levels, so Word treats them as headings.
pub(super) fn styles() -> Vec<Style> {
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
pub(super) fn only_border(
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
