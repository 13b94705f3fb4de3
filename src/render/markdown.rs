//! Markdown for user strings, in one place: the one escape for every name, label, action
//! text, `name`, `why` and quote placed into the agenda, the index and the data-quality
//! report, and the one rule for which link targets may stay links in HTML and Word.
//!
//! The templates and i18n texts are Markdown we wrote; what users typed (in prem.toml, the
//! codebooks, the exports or the actions register) must only ever show as text: no links,
//! no images, no emphasis, no raw HTML, no table cells of its own.

/// The line that ends the agenda's main part: the appendix starts on a new page in print
/// (HTML) and in Word. An HTML comment, so a Markdown viewer shows nothing; user text can
/// never produce it, as [`escape`] escapes `<`.
pub const PAGE_BREAK: &str = "<!-- prem:page-break -->";

/// Title of an image that is a point's key chart: shown beside the point's text, smaller
/// than a full-width chart, so the main part keeps to two pages.
pub const KEY_CHART: &str = "key";
/// Title of a strength's key chart: smaller still (a strength has less text beside it).
pub const KEY_CHART_SMALL: &str = "key-small";

/// Whether `events` start with the [`PAGE_BREAK`] block (three events: start, the
/// comment, end).
pub fn is_page_break(events: &[pulldown_cmark::Event<'_>]) -> bool {
    use pulldown_cmark::{Event, Tag, TagEnd};
    matches!(
        events,
        [Event::Start(Tag::HtmlBlock), Event::Html(text), Event::End(TagEnd::HtmlBlock), ..]
            if text.trim() == PAGE_BREAK
    )
}

/// User text as literal inline Markdown, for running text, headings, link texts and table
/// cells alike.
///
/// Line breaks and runs of blanks become one space (a line break could start a heading, a
/// list or a table row); characters that open emphasis, links, images, code, autolinks,
/// raw HTML, entities or table cells are backslash-escaped; so is a list or heading marker
/// at the start (the text may open a line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut words = text.split_whitespace().peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let special = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
            ) || (c == '&'
                && chars
                    .get(i + 1)
                    .is_some_and(|n| *n == '#' || n.is_ascii_alphabetic()))
                || (first && i == 0 && matches!(c, '-' | '+' | '='))
                || (first
                    && matches!(c, '.' | ')')
                    && i > 0
                    && chars[..i].iter().all(char::is_ascii_digit));
            if special {
                out.push('\\');
            }
            out.push(c);
        }
        first = false;
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// The text a line of Markdown shows, escapes resolved and markup dropped: for places
/// that take plain text, such as a document's title.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Whether a link target may stay a live link: only a relative path inside the report.
///
/// `depth` is how many folders the document sits below the report's root (`index` 0, an
/// agenda in `vsv-…/` 1), so that an agenda may link `../regio/charts/…` but nothing may
/// climb out. Refused: any scheme (`https:`, `javascript:` …), `//host/…` and `/…` (another
/// host or the disk's root), backslashes (browsers read them as `/`), percent escapes (an
/// encoded `..`), and more `..` than `depth`. Blanks and control characters are ignored
/// first, as browsers do.
pub fn is_report_link(url: &str, depth: usize) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if cleaned.is_empty() || cleaned.starts_with('/') || cleaned.contains(['\\', '%']) {
        return false;
    }
    let path = cleaned.split(['?', '#']).next().unwrap_or("");
    let first_segment = path.split('/').next().unwrap_or("");
    if first_segment.contains(':') {
        return false;
    }
    let mut level: isize = 0;
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                level -= 1;
                if level < -(depth as isize) {
                    return false;
                }
            }
            _ => level += 1,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Markdown as pulldown-cmark reads it: its text, and whether any link, image,
    /// HTML or emphasis came out.
    fn read(markdown: &str) -> (String, bool) {
        use pulldown_cmark::{Event, Options, Parser, Tag};
        let mut text = String::new();
        let mut markup = false;
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for e in Parser::new_ext(markdown, options) {
            match e {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::Paragraph) | Event::End(_) => {}
                _ => markup = true,
            }
        }
        (text, markup)
    }

    #[test]
    fn user_text_reads_back_literally() {
        for raw in [
            "[klik](https://evil.example)",
            "<//evil.example/x>",
            "<https://evil.example>",
            "![x](https://evil.example/x.png)",
            "*vet* _schuin_ `code` ~~weg~~",
            "<b>vet</b> &amp; &#91;x&#93; R&D",
            "a \\ b \\[c]",
            "# kop",
            "- lijst",
            "+ lijst",
            "1. lijst",
            "12) lijst",
            "> citaat",
            "===",
            "A|1",
        ] {
            let escaped = escape(raw);
            let (text, markup) = read(&escaped);
            assert_eq!(text, raw, "{escaped}");
            assert!(!markup, "{raw} → {escaped}");
        }
    }

    #[test]
    fn line_breaks_cannot_open_blocks() {
        let escaped = escape("eerste\n# kop\r\n| a | b |\n\n- punt  \n");
        assert_eq!(escaped, "eerste \\# kop \\| a \\| b \\| - punt");
        let (text, markup) = read(&escaped);
        assert_eq!(text, "eerste # kop | a | b | - punt");
        assert!(!markup);
    }

    #[test]
    fn a_pipe_stays_inside_its_table_cell() {
        let table = format!("| a | b |\n|---|---|\n| {} | x |\n", escape("A|1"));
        let html = {
            let mut s = String::new();
            let p = pulldown_cmark::Parser::new_ext(&table, pulldown_cmark::Options::ENABLE_TABLES);
            pulldown_cmark::html::push_html(&mut s, p);
            s
        };
        assert!(html.contains("<td>A|1</td><td>x</td>"), "{html}");
    }

    #[test]
    fn titles_read_as_typed() {
        let raw = "Agenda — [klik](https://evil.example) *x* <b> A|1";
        assert_eq!(plain_text(&escape(raw)), raw);
        assert_eq!(plain_text("Agenda — **vet**"), "Agenda — vet");
    }

    #[test]
    fn plain_text_stays_readable() {
        assert_eq!(escape("VSV Noord-Holland Noord"), "VSV Noord-Holland Noord");
        assert_eq!(escape("Zorg & welzijn (2026)"), "Zorg & welzijn (2026)");
        assert_eq!(escape("  Kraamzorg\tHélène "), "Kraamzorg Hélène");
        assert_eq!(escape("2026 was goed."), "2026 was goed.");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn only_relative_links_inside_the_report_are_live() {
        for ok in [
            "charts/a.png",
            "./charts/a.png",
            "vsv-alkmaar/agenda.html",
            "#anker",
            "charts/a.png?x=1:2",
        ] {
            assert!(is_report_link(ok, 0), "{ok}");
        }
        assert!(is_report_link("../regio/charts/funnel-x.png", 1));
        for bad in [
            "https://evil.example",
            "HTTP://evil.example",
            "mailto:a@b.nl",
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "//evil.example/x",
            " //evil.example/x",
            "/\t/evil.example/x",
            "/etc/passwd",
            "\\\\evil.example\\x",
            "..%2f..%2fx",
            "c:x",
            "",
        ] {
            assert!(!is_report_link(bad, 1), "{bad}");
        }
        assert!(!is_report_link("../regio/charts/a.png", 0));
        assert!(!is_report_link("../../x", 1));
        assert!(!is_report_link("a/../../../x", 1));
    }
}
