//! Agenda Markdown → one self-contained, print-friendly HTML page.
//!
//! The page carries its own stylesheet (screen and A4 print) and inlines every chart the
//! caller can resolve as SVG, so it can be mailed, projected or printed as a single file.
//! Everything that comes from the Markdown is escaped: raw HTML in it (client quotes,
//! action texts) is shown literally, never interpreted, and only links to a relative path
//! inside the report stay links ([`is_report_link`]): a link to another host is text.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::render::markdown::{is_page_break, is_report_link, KEY_CHART, KEY_CHART_SMALL};

/// Renders agenda Markdown as a complete HTML5 document.
///
/// * `title` becomes the page `<title>` (escaped).
/// * `lang` is the document language (`"nl"` or `"en"`); anything that is not a plain
///   language tag falls back to `"nl"`.
/// * `depth` is how many folders the page sits below the report's root (`index.html` 0,
///   an agenda 1): a link stays a link only if it stays inside the report.
/// * `image` resolves an image `src` (e.g. `"charts/theme-scores.png"`) to the chart's SVG
///   document text. A resolved image is inlined as `<figure>` with the SVG scaled to the
///   page width and the alt text as `<figcaption>`; an unresolved one becomes a link to
///   its `src`.
///
/// The output depends only on the arguments (no clock, no randomness).
pub fn markdown_to_html(
    markdown: &str,
    title: &str,
    lang: &str,
    depth: usize,
    image: &dyn Fn(&str) -> Option<String>,
) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options()).collect();
    let safe = sanitize_events(events, depth, image);

    let mut body = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut body, safe.into_iter());

    let mut out = String::with_capacity(body.len() + STYLESHEET.len() + 512);
    out.push_str("<!doctype html>\n<html lang=\"");
    out.push_str(&escape_html(language_tag(lang)));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    out.push_str(&escape_html(&without_controls(&CowStr::from(title))));
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLESHEET);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    out.push_str(&body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// CommonMark plus the GFM extensions the agenda template uses.
fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The language tag for `<html lang>`: kept when it looks like one, else Dutch.
fn language_tag(lang: &str) -> &str {
    let plausible = !lang.is_empty()
        && lang.len() <= 35
        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if plausible {
        lang
    } else {
        "nl"
    }
}

/// Rewrites the parser's event stream so that `push_html` can only produce safe markup:
/// raw HTML becomes text, unsafe links lose their link, images become inline SVG
/// figures or links.
fn sanitize_events<'a>(
    events: Vec<Event<'a>>,
    depth: usize,
    image: &dyn Fn(&str) -> Option<String>,
) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len());
    // For each open link: whether its start tag was kept (so its end tag must be too).
    let mut links: Vec<bool> = Vec::new();
    let mut in_html_block = false;
    let mut sections = Sections::default();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            sections.heading(*level, &mut out);
        }
        if is_page_break(&events[i..]) {
            sections.page_break(&mut out);
            i += 3;
            continue;
        }
        match &events[i] {
            Event::Start(Tag::Paragraph) => {
                if let Some(end) = figure_paragraph_end(&events, i) {
                    out.extend(figures(&events, i + 1..end, depth, image));
                    i = end + 1;
                    continue;
                }
                out.push(events[i].clone());
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let close = matching_image_end(&events, i);
                let alt = alt_text(events.get(i + 1..close).unwrap_or_default());
                out.push(Event::InlineHtml(CowStr::from(inline_image(
                    dest_url, &alt, depth, image,
                ))));
                i = close + 1;
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_report_link(dest_url, depth);
                links.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type: *link_type,
                        dest_url: dest_url.clone(),
                        title: title.clone(),
                        id: id.clone(),
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                out.push(Event::Html(CowStr::from("<p class=\"raw-html\">")));
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_html_block = false;
                out.push(Event::Html(CowStr::from("</p>\n")));
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                let text = if in_html_block
                    && matches!(events.get(i + 1), Some(Event::End(TagEnd::HtmlBlock)))
                {
                    CowStr::from(text.trim_end_matches(['\n', '\r']).to_string())
                } else {
                    text.clone()
                };
                out.push(Event::Text(without_controls(&text)));
            }
            Event::Text(text) => out.push(Event::Text(without_controls(text))),
            Event::Code(text) => out.push(Event::Code(without_controls(text))),
            // Not enabled in the parser options; rendered as text should that ever change.
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                out.push(Event::Text(text.clone()));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    sections.close(&mut out);
    out
}

/// Where the page's `<section>`s open and close. Each h3 part (an improvement point with
/// its floating chart) is a section, so print keeps it on one page instead of leaving its
/// chart behind on the next. The appendix (after the page break) flows freely: its parts
/// are long.
#[derive(Default)]
struct Sections {
    open: bool,
    after_break: bool,
}

impl Sections {
    /// A heading closes the open section; an h3 before the page break opens one.
    fn heading(&mut self, level: pulldown_cmark::HeadingLevel, out: &mut Vec<Event<'_>>) {
        self.close(out);
        if level == pulldown_cmark::HeadingLevel::H3 && !self.after_break {
            out.push(Event::Html(CowStr::from("<section>\n")));
            self.open = true;
        }
    }

    fn page_break(&mut self, out: &mut Vec<Event<'_>>) {
        self.close(out);
        self.after_break = true;
        out.push(Event::Html(CowStr::from(
            "<div class=\"page-break\"></div>\n",
        )));
    }

    fn close(&mut self, out: &mut Vec<Event<'_>>) {
        if self.open {
            out.push(Event::Html(CowStr::from("</section>\n")));
            self.open = false;
        }
    }
}

/// The images of a paragraph that holds only images (`inside` its start and end), each
/// as a block figure.
fn figures<'a>(
    events: &[Event<'a>],
    inside: std::ops::Range<usize>,
    depth: usize,
    image: &dyn Fn(&str) -> Option<String>,
) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut j = inside.start;
    while j < inside.end {
        if let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &events[j]
        {
            let close = matching_image_end(events, j);
            let alt = alt_text(events.get(j + 1..close).unwrap_or_default());
            let key = match title.as_ref() {
                KEY_CHART => "chart key",
                KEY_CHART_SMALL => "chart key small",
                _ => "chart",
            };
            out.push(Event::Html(CowStr::from(block_image(
                dest_url, &alt, key, depth, image,
            ))));
            j = close + 1;
        } else {
            j += 1;
        }
    }
    out
}

/// If the paragraph starting at `start` holds nothing but images (and line breaks or
/// blanks between them), the index of its end event.
fn figure_paragraph_end(events: &[Event<'_>], start: usize) -> Option<usize> {
    let mut j = start + 1;
    let mut images = 0usize;
    while j < events.len() {
        match &events[j] {
            Event::End(TagEnd::Paragraph) => return (images > 0).then_some(j),
            Event::Start(Tag::Image { .. }) => {
                images += 1;
                j = matching_image_end(events, j) + 1;
                continue;
            }
            Event::SoftBreak | Event::HardBreak => {}
            Event::Text(t) if t.trim().is_empty() => {}
            _ => return None,
        }
        j += 1;
    }
    None
}

/// Index of the `End(Image)` that closes the image starting at `start` (images may nest
/// inside an image's alt text); `events.len() - 1` if the stream is cut short.
fn matching_image_end(events: &[Event<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, event) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// The plain text of an image description (its alt text).
fn alt_text(inner: &[Event<'_>]) -> String {
    let mut alt = String::new();
    for event in inner {
        match event {
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => alt.push_str(t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    without_controls(&CowStr::from(alt.trim().to_string())).to_string()
}

/// Text without control characters (other than tab and line ends): they have no place in
/// the agenda and would show as boxes.
fn without_controls<'a>(text: &CowStr<'a>) -> CowStr<'a> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if text.chars().any(unwanted) {
        CowStr::from(text.chars().filter(|&c| !unwanted(c)).collect::<String>())
    } else {
        text.clone()
    }
}

/// A standalone image: a `<figure>` with the inlined SVG, or a paragraph with a link.
fn block_image(
    src: &str,
    alt: &str,
    class: &str,
    depth: usize,
    image: &dyn Fn(&str) -> Option<String>,
) -> String {
    match image(src).and_then(|svg| prepare_svg(&svg, alt)) {
        Some(svg) => {
            let mut s = String::with_capacity(svg.len() + alt.len() + 96);
            s.push_str(&format!("<figure class=\"{class}\">\n"));
            s.push_str(&svg);
            s.push('\n');
            // A key chart stands beside its point, which says what it shows; its alt text
            // stays the SVG's label.
            if !alt.is_empty() && class == "chart" {
                s.push_str("<figcaption>");
                s.push_str(&escape_html(alt));
                s.push_str("</figcaption>\n");
            }
            s.push_str("</figure>\n");
            s
        }
        None => format!(
            "<p class=\"missing-figure\">{}</p>\n",
            image_link(src, alt, depth)
        ),
    }
}

/// An image inside running text: the SVG in a span, or a link.
fn inline_image(
    src: &str,
    alt: &str,
    depth: usize,
    image: &dyn Fn(&str) -> Option<String>,
) -> String {
    match image(src).and_then(|svg| prepare_svg(&svg, alt)) {
        Some(svg) => format!("<span class=\"inline-chart\">{svg}</span>"),
        None => image_link(src, alt, depth),
    }
}

/// A link to an image that could not be inlined (plain text if its `src` is not inside
/// the report).
fn image_link(src: &str, alt: &str, depth: usize) -> String {
    let label = if alt.is_empty() { src } else { alt };
    if is_report_link(src, depth) {
        format!(
            "<a href=\"{}\">{}</a>",
            escape_html(src.trim()),
            escape_html(label)
        )
    } else {
        escape_html(label)
    }
}

/// Prepares an SVG document for inlining: drops everything before the root `<svg>` (XML
/// prolog, doctype, comments) and after `</svg>`, gives the root a `viewBox` when it has
/// only `width`/`height` (so CSS can scale it), and labels it with the alt text.
///
/// Returns `None` for text that is not an SVG document or that carries script
/// (`<script>`, `<foreignObject>`, `javascript:`); the image then falls back to a link.
fn prepare_svg(svg: &str, alt: &str) -> Option<String> {
    let lower = svg.to_ascii_lowercase();
    if lower.contains("<script")
        || lower.contains("<foreignobject")
        || lower.contains("javascript:")
    {
        return None;
    }
    let start = find_root_svg(svg)?;
    let tag_end = start_tag_end(svg, start)?;
    let root = &svg[start..tag_end]; // `<svg ...` without the closing `>` / `/>`
    let self_closing = root.ends_with('/');
    let root_attrs = root.trim_end_matches('/');
    let end = if self_closing {
        tag_end + 1
    } else {
        svg.rfind("</svg>").filter(|&e| e > tag_end)? + "</svg>".len()
    };

    let mut extra = String::new();
    if attribute(root_attrs, "viewBox").is_none() {
        let w = attribute(root_attrs, "width").and_then(|v| length_px(&v));
        let h = attribute(root_attrs, "height").and_then(|v| length_px(&v));
        if let (Some(w), Some(h)) = (w, h) {
            extra.push_str(&format!(" viewBox=\"0 0 {w} {h}\""));
        }
    }
    if attribute(root_attrs, "role").is_none() {
        extra.push_str(" role=\"img\"");
    }
    if !alt.is_empty() && attribute(root_attrs, "aria-label").is_none() {
        extra.push_str(" aria-label=\"");
        extra.push_str(&escape_html(alt));
        extra.push('"');
    }

    let mut out = String::with_capacity(end - start + extra.len());
    out.push_str(root_attrs.trim_end());
    out.push_str(&extra);
    out.push_str(if self_closing { "/>" } else { ">" });
    out.push_str(&svg[tag_end + 1..end]);
    Some(out)
}

/// Byte offset of the root `<svg` start tag.
fn find_root_svg(svg: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = svg[from..].find("<svg") {
        let at = from + pos;
        match svg.as_bytes().get(at + 4) {
            Some(b) if b.is_ascii_whitespace() || *b == b'>' || *b == b'/' => return Some(at),
            _ => from = at + 4,
        }
    }
    None
}

/// Byte offset of the `>` that ends the start tag at `start`, skipping quoted values.
fn start_tag_end(svg: &str, start: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &b) in svg.as_bytes().iter().enumerate().skip(start) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(k),
            None => {}
        }
    }
    None
}

/// The value of attribute `name` in a start tag's text (first occurrence, quoted values).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(pos) = tag[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let preceded = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = tag[at + name.len()..].trim_start();
        if !preceded || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let quote = rest.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &rest[1..];
        let close = value.find(quote)?;
        return Some(value[..close].to_string());
    }
    None
}

/// A plain CSS length in pixels (`"1200"`, `"1200px"`), as written in an SVG `width`.
fn length_px(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v.strip_suffix("px").unwrap_or(v).trim();
    let ok = !v.is_empty()
        && v.chars().all(|c| c.is_ascii_digit() || c == '.')
        && v.parse::<f64>().is_ok_and(|n| n > 0.0);
    ok.then(|| v.to_string())
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The embedded stylesheet: calm screen layout plus A4 print rules.
const STYLESHEET: &str = r#":root {
  --accent: #005a9c;
  --accent-soft: #e8f1f8;
  --text: #1f2933;
  --muted: #52606d;
  --rule: #cbd2d9;
  --zebra: #f5f7fa;
}
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 11pt; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: #ffffff;
  color: var(--text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
  line-height: 1.45;
}
main { max-width: 190mm; margin: 0 auto; padding: 12mm 8mm 16mm; }
h1, h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; margin: 1.4em 0 0.5em; }
h1 {
  font-size: 1.7rem;
  margin-top: 0;
  padding-bottom: 0.25em;
  border-bottom: 2px solid var(--accent);
}
h2 { font-size: 1.3rem; padding-bottom: 0.15em; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; }
h4, h5, h6 { font-size: 1rem; }
p, ul, ol, blockquote, table, figure, pre { margin: 0 0 0.8em; }
ul, ol { padding-left: 1.5em; }
li { margin: 0.15em 0; }
li > ul, li > ol { margin: 0.15em 0 0.3em; }
ol ol { list-style-type: lower-alpha; }
ol ol ol { list-style-type: lower-roman; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 0.15em; }
strong { font-weight: 650; }
blockquote {
  margin-left: 0;
  margin-right: 0;
  padding: 0.45em 0.9em;
  border-left: 4px solid var(--accent);
  background: var(--accent-soft);
  border-radius: 0 4px 4px 0;
}
blockquote > :last-child { margin-bottom: 0; }
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.92em;
  background: var(--zebra);
  padding: 0.05em 0.25em;
  border-radius: 3px;
}
pre { background: var(--zebra); padding: 0.6em 0.8em; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
.raw-html { white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 1.5em 0; }
table {
  border-collapse: collapse;
  width: 100%;
  font-size: 0.95em;
  font-variant-numeric: tabular-nums;
}
th, td {
  border: 1px solid var(--rule);
  padding: 0.3em 0.55em;
  text-align: left;
  vertical-align: top;
}
th { background: var(--accent-soft); color: #102a43; font-weight: 650; }
tbody tr:nth-child(even) { background: var(--zebra); }
figure { margin: 1em 0 1.2em; }
figure.chart > svg { display: block; width: 100%; height: auto; }
figure.chart.key { float: right; width: 40%; margin: 0 0 0.5em 1em; }
figure.chart.key.small { width: 30%; }
figure.chart.key figcaption { font-size: 0.82em; }
h1, h2, h3 { clear: both; }
section { display: flow-root; }
.page-break { height: 0; }
@media print { .page-break { break-before: page; } figure { break-inside: avoid; } }
figure.chart > svg, .inline-chart > svg {
  font-weight: normal;
  font-style: normal;
  line-height: normal;
  text-align: left;
}
figcaption { margin-top: 0.35em; font-size: 0.9em; color: var(--muted); }
.inline-chart > svg { display: inline-block; width: 100%; height: auto; vertical-align: middle; }
.missing-figure { color: var(--muted); }
@page { size: A4; margin: 15mm 15mm; }
@media print {
  html { font-size: 10pt; }
  body { line-height: 1.35; }
  h1 { font-size: 1.5rem; }
  h2 { margin: 0.9em 0 0.35em; }
  h3 { margin: 0.7em 0 0.3em; }
  p, ul, ol, blockquote, table, figure { margin-bottom: 0.55em; }
  blockquote { padding: 0.3em 0.8em; }
  main { max-width: none; margin: 0; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
  figure, table, blockquote, pre, svg, tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  figure.chart > svg, .inline-chart > svg { max-width: 100%; max-height: 235mm; }
  p { orphans: 3; widows: 3; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

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
| Bereikbaarheid & <b>zorg</b> | 8,1 | 7,9 – 8,3 | 8,0 |

![Scores per thema tegen de regio](charts/theme-scores.png)

![Ontbrekende grafiek](charts/missing.png)

- [Verloop (SPC): Bereikbaarheid](charts/spc-bereikbaarheid.png) ([SVG](charts/spc-bereikbaarheid.svg))

> "De uitleg over de ruggenprik was <b>onduidelijk</b> & kwam te laat"

<script>alert("x")</script>

Tekst met <script>alert(1)</script> inline en een [kwade link](javascript:alert(1)) en
[nog een](  JaVa	Script:alert(2)) en [data](data:text/html;base64,PHNjcmlwdD4=) en
[goede](https://example.org/a?b=1&c=2 "titel \"x\"") en [mail](mailto:kwaliteit@example.org).

---

_Einde_
"#;

    const SVG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg width=\"1200\" height=\"470\" viewBox=\"0 0 1200 470\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect x=\"0\" y=\"0\" width=\"1200\" height=\"470\" fill=\"#FFFFFF\"/>\n<text x=\"20\" y=\"16\">Thema&apos;s</text>\n</svg>\n";

    fn resolver(src: &str) -> Option<String> {
        (src == "charts/theme-scores.png").then(|| SVG.to_string())
    }

    fn render() -> String {
        markdown_to_html(EXAMPLE, "Agenda <VSV> & \"Zaanstreek\"", "nl", 1, &resolver)
    }

    #[test]
    fn is_a_complete_document() {
        let html = render();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"nl\">"));
        assert_eq!(html.matches("<html").count(), 1);
        assert_eq!(html.matches("</html>").count(), 1);
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<meta name=\"viewport\""));
        assert!(html.contains("<title>Agenda &lt;VSV&gt; &amp; &quot;Zaanstreek&quot;</title>"));
        assert!(html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn converts_headings_lists_tables_and_quotes() {
        let html = render();
        assert!(html.contains("<h1>Agendapunt: wat cliënten ons vertellen — VSV Zaanstreek</h1>"));
        assert!(html.contains("<h2>In één oogopslag</h2>"));
        assert!(html.contains("<ul>"));
        assert!(html.contains("<ol>"));
        assert!(html.contains("<li>genest punt</li>"));
        assert!(html.contains("<strong>Respons:</strong>"));
        assert!(html.contains("<table>"));
        assert!(html.contains("<thead>"));
        assert!(html.contains("<th style=\"text-align: right\">Score</th>"));
        assert!(html.contains("<td style=\"text-align: right\">7,0</td>"));
        assert!(html.contains("<blockquote>"));
        assert!(html.contains("<em>Einde</em>"));
        assert!(html.contains("<hr />"));
    }

    #[test]
    fn raw_html_is_shown_escaped_never_interpreted() {
        let html = render();
        let body = &html[html.find("<body>").unwrap_or(0)..];
        assert!(!body.contains("<script"), "{body}");
        assert!(!body.contains("<b>"));
        assert!(
            body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                || body.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;")
        );
        assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(body.contains("was &lt;b&gt;onduidelijk&lt;/b&gt; &amp; kwam te laat"));
        assert!(body.contains("Bereikbaarheid &amp; &lt;b&gt;zorg&lt;/b&gt;"));
    }

    #[test]
    fn only_links_inside_the_report_stay_links() {
        let html = render();
        assert!(!html.to_ascii_lowercase().contains("href=\"javascript"));
        assert!(!html.contains("href=\"data:"));
        assert!(html.contains("kwade link"));
        // Links to other hosts lose their link but keep their text.
        assert!(!html.contains("href=\"https:") && !html.contains("href=\"mailto:"));
        assert!(html.contains("goede") && html.contains("mail"));
        assert!(html.contains(
            "<a href=\"charts/spc-bereikbaarheid.png\">Verloop (SPC): Bereikbaarheid</a>"
        ));
        assert!(html.contains("<a href=\"charts/spc-bereikbaarheid.svg\">SVG</a>"));
        let md = "[a](//evil.example/x) [b](/etc/x) [c](../../x) [d](../regio/x.png) \
                  ![e](//evil.example/e.png)";
        let html = markdown_to_html(md, "t", "nl", 1, &|_| None);
        let body = &html[html.find("<body>").unwrap_or(0)..];
        assert!(
            !body.contains("evil.example/x\"") && !body.contains("href=\"/"),
            "{body}"
        );
        assert!(
            !body.contains("../../") && !body.contains("href=\"//"),
            "{body}"
        );
        assert!(body.contains("<a href=\"../regio/x.png\">d</a>"), "{body}");
        let index = markdown_to_html("[d](../regio/x.png)", "t", "nl", 0, &|_| None);
        assert!(!index.contains("href=\"../"), "{index}");
    }

    #[test]
    fn resolved_images_are_inlined_as_figures() {
        let html = render();
        assert!(!html.contains("<?xml"));
        assert!(!html.contains("<img"));
        assert!(html.contains("<figure class=\"chart\">\n<svg width=\"1200\" height=\"470\" viewBox=\"0 0 1200 470\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Scores per thema tegen de regio\">"));
        assert!(
            html.contains("<figcaption>Scores per thema tegen de regio</figcaption>\n</figure>")
        );
        // A figure is a block: it must not sit inside a <p>.
        assert!(!html.contains("<p><figure"));
        assert!(html.contains("figure.chart > svg { display: block; width: 100%; height: auto; }"));
        assert!(html.contains(
            "figure.chart > svg, .inline-chart > svg {
  font-weight: normal;
  font-style: normal;
  line-height: normal;
  text-align: left;
}"
        ));
    }

    #[test]
    fn the_page_break_marker_and_key_charts() {
        let md = format!(
            "![Kern](charts/a.png \"key\")\n\n{}\n\n## Bijlage\n\n![Alle](charts/a.png)\n",
            crate::render::markdown::PAGE_BREAK
        );
        let svg = "<svg width=\"10\" height=\"5\"></svg>".to_string();
        let html = markdown_to_html(&md, "t", "nl", 1, &|_| Some(svg.clone()));
        let body = &html[html.find("<body>").unwrap_or(0)..];
        // The marker becomes an empty page-break block, never visible text.
        assert!(
            body.contains("<div class=\"page-break\"></div>\n<h2>Bijlage</h2>"),
            "{body}"
        );
        assert!(!body.contains("prem:page-break"), "{body}");
        assert!(body.contains("<figure class=\"chart key\">"), "{body}");
        assert_eq!(
            body.matches("<figure class=\"chart\">").count(),
            1,
            "{body}"
        );
        assert!(html.contains("@media print { .page-break { break-before: page; }"));
        // User text cannot produce the marker: escape() turns `<` into `\<`.
        let user = crate::render::markdown::escape(crate::render::markdown::PAGE_BREAK);
        let html = markdown_to_html(&user, "t", "nl", 1, &|_| None);
        assert!(!html.contains("class=\"page-break\""));
    }

    #[test]
    fn unresolved_images_become_links() {
        let html = render();
        assert!(html.contains("<p class=\"missing-figure\"><a href=\"charts/missing.png\">Ontbrekende grafiek</a></p>"));
        let inline = markdown_to_html("Zie ![grafiek](charts/x.png) hier.", "t", "en", 1, &|_| {
            None
        });
        assert!(inline.contains("<p>Zie <a href=\"charts/x.png\">grafiek</a> hier.</p>"));
        assert!(inline.contains("<html lang=\"en\">"));
        let unsafe_src = markdown_to_html("![kwaad](javascript:alert(1))", "t", "nl", 1, &|_| None);
        assert!(!unsafe_src.contains("href=\"javascript"));
        assert!(unsafe_src.contains("kwaad"));
    }

    #[test]
    fn svg_without_viewbox_gets_one_and_scripted_svg_is_refused() {
        let svg = "<!-- chart --><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800px\" height=\"400\"><g/></svg>trailing";
        let out = prepare_svg(svg, "a \"b\"").unwrap_or_default();
        assert_eq!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800px\" height=\"400\" viewBox=\"0 0 800 400\" role=\"img\" aria-label=\"a &quot;b&quot;\"><g/></svg>"
        );
        assert!(prepare_svg("<svg><script>alert(1)</script></svg>", "x").is_none());
        assert!(prepare_svg("not an svg", "x").is_none());
        let html = markdown_to_html("![x](a.png)", "t", "nl", 1, &|_| {
            Some("<svg onload=\"javascript:alert(1)\"></svg>".to_string())
        });
        assert!(html.contains("<a href=\"a.png\">x</a>"));
    }

    #[test]
    fn control_characters_are_dropped() {
        let html = markdown_to_html("a\u{1}b `c\u{7f}d` e\u{b}f", "t\u{1b}", "nl", 1, &|_| None);
        assert!(html.contains("<p>ab <code>cd</code> ef</p>"));
        assert!(html.contains("<title>t</title>"));
    }

    #[test]
    fn language_is_sanitised() {
        let html = markdown_to_html("x", "t", "\"><script>", 1, &|_| None);
        assert!(html.contains("<html lang=\"nl\">"));
    }

    #[test]
    fn print_css_is_present() {
        let html = render();
        assert!(html.contains("@page { size: A4; margin: 15mm 15mm; }"));
        assert!(html.contains("@media print"));
        assert!(html.contains("break-inside: avoid"));
        assert!(html.contains("break-after: avoid"));
        assert!(html.contains("max-width: 190mm"));
        assert!(html.contains("#005a9c"));
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(render(), render());
    }
}
