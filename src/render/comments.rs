//! The officer's comments workbook (`opmerkingen-<period>.xlsx`): every open answer of the
//! period, scrubbed, with its themes, tone, safeguarding signal, prem's proposal and her
//! decision; a sheet of counts per theme × tone; a help sheet. Private: it is written
//! beside the period folders, never inside the shared report (see [`crate::layout`]).

use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use crate::analysis::moderation::{Moderation, Review, Why};
use crate::error::{Error, Result};
use crate::i18n::{fill, Language};
use crate::ingest::Canonical;
use crate::render::labels::Words;
use crate::render::tables::neutralise;
use crate::text::polarity::Polarity;

/// The tone's column in [`crate::i18n::CommentTexts::tones`].
fn tone_index(p: Polarity) -> usize {
    match p {
        Polarity::Positive => 0,
        Polarity::Negative => 1,
        Polarity::Mixed => 2,
        Polarity::Unclear => 3,
    }
}

/// Why prem proposes what it does, in words.
pub fn why_text(why: Why, lang: Language) -> String {
    let t = lang.comments();
    match why {
        Why::Signal(c) => fill(t.why_signal, &[("signal", lang.signal(c).to_string())]),
        Why::SameClient => t.why_same_client.to_string(),
        Why::Personal => t.why_personal.to_string(),
        Why::Unclear => t.why_unclear.to_string(),
        Why::Fine => t.why_fine.to_string(),
    }
}

/// One row of the comments sheet, as text (the count of clients comes apart).
fn row(data: &Canonical, i: usize, r: &Review, lang: Language) -> [String; 13] {
    let t = lang.comments();
    let yes_no = |b: bool| if b { t.yes } else { t.no }.to_string();
    let comment = data.comments.get(i);
    let respondent = comment.and_then(|c| data.respondents.get(c.row as usize));
    let themes: Vec<&str> = r
        .themes
        .iter()
        .filter_map(|&th| data.themes.get(th as usize))
        .map(|th| th.label_in(lang))
        .collect();
    let signal = match r.why {
        Why::Signal(c) => lang.signal(c).to_string(),
        _ => String::new(),
    };
    [
        r.id.clone(),
        r.officer.map(yes_no).unwrap_or_default(),
        yes_no(r.proposal),
        why_text(r.why, lang),
        r.text.clone(),
        themes.join("; "),
        comment.map_or_else(String::new, |c| t.tones[tone_index(c.tone)].to_string()),
        signal,
        respondent.map_or_else(String::new, |x| data.names.get(x.vsv).to_string()),
        respondent
            .and_then(|x| x.care_type)
            .map_or_else(String::new, |ct| data.names.get(ct).to_string()),
        respondent.map_or_else(String::new, |x| x.period.display(lang)),
        respondent
            .and_then(|x| data.sources.get(x.source as usize))
            .map_or_else(String::new, |s| s.name.clone()),
        comment.map_or_else(String::new, |c| c.column.to_string()),
    ]
}

/// The workbook's bytes: one row per id (the same words in the same place are one
/// decision), with how many clients wrote them. Rows are sorted by first theme, tone, unit
/// and text, so the file is the same on every run; a fixed creation date keeps the bytes
/// the same too.
pub fn workbook(data: &Canonical, m: &Moderation, lang: Language, file: &str) -> Result<Vec<u8>> {
    let err = |e: XlsxError| Error::Output {
        path: file.into(),
        message: e.to_string(),
    };
    let t = lang.comments();
    let mut rows: Vec<(usize, [String; 13])> = Vec::new();
    let mut clients: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for (i, r) in m.reviews.iter().enumerate() {
        let n = clients.entry(r.id.as_str()).or_insert(0);
        if *n == 0 {
            rows.push((i, row(data, i, r, lang)));
        }
        *n += 1;
    }
    let first_theme = |i: usize| m.reviews.get(i).and_then(|r| r.themes.first().copied());
    let tone = |i: usize| data.comments.get(i).map(|c| tone_index(c.tone));
    rows.sort_by(|(a, ra), (b, rb)| {
        let theme = |i| first_theme(i).map_or(u16::MAX, |x| x);
        (theme(*a), tone(*a), &ra[8], &ra[4], &ra[0]).cmp(&(
            theme(*b),
            tone(*b),
            &rb[8],
            &rb[4],
            &rb[0],
        ))
    });

    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1).map_err(err)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);

    let sheet = book.add_worksheet();
    sheet.set_name(t.sheet_comments).map_err(err)?;
    let count_col = t.headers.len() as u16;
    for (c, h) in t.headers.iter().chain([&t.clients]).enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    // Widths in characters: the text wide and wrapped, the decision columns narrow.
    let widths = [
        14.0, 11.0, 13.0, 30.0, 70.0, 24.0, 12.0, 18.0, 18.0, 16.0, 10.0, 12.0, 22.0, 9.0,
    ];
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w).map_err(err)?;
    }
    for (n, (i, cells)) in rows.iter().enumerate() {
        let r = (n + 1) as u32;
        let count = m.reviews.get(*i).and_then(|x| clients.get(x.id.as_str()));
        sheet
            .write_number_with_format(r, count_col, count.copied().unwrap_or(1), &top)
            .map_err(err)?;
        for (c, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let format = if c == 3 || c == 4 { &wrap } else { &top };
            sheet
                .write_string_with_format(r, c as u16, neutralise(v), format)
                .map_err(err)?;
        }
    }
    let last = rows.len().max(1) as u32;
    // The decision: a drop-down of yes and no (typing anything else is refused by Excel).
    let choice = DataValidation::new()
        .allow_list_strings(&[t.yes, t.no])
        .map_err(err)?;
    sheet
        .add_data_validation(1, 1, last, 1, &choice)
        .map_err(err)?;
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    sheet
        .autofilter(0, 0, rows.len() as u32, count_col)
        .map_err(err)?;
    // Printed: landscape, as wide as the page, the header on every page.
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0).map_err(err)?;

    // Counts per theme × tone (private: every text of the period, no threshold).
    let counts = book.add_worksheet();
    counts.set_name(t.sheet_counts).map_err(err)?;
    counts
        .write_string_with_format(0, 0, t.counts_theme, &bold)
        .map_err(err)?;
    for (k, tone) in t.tones.iter().enumerate() {
        counts
            .write_string_with_format(0, (k + 1) as u16, *tone, &bold)
            .map_err(err)?;
    }
    counts
        .write_string_with_format(0, 5, t.counts_total, &bold)
        .map_err(err)?;
    counts.set_column_width(0, 34.0).map_err(err)?;
    let mut table: Vec<(String, [u32; 4])> = Vec::new();
    for (th, theme) in data.themes.iter().enumerate() {
        let mut by_tone = [0u32; 4];
        for (i, r) in m.reviews.iter().enumerate() {
            if r.themes.contains(&(th as u16)) {
                if let Some(k) = tone(i) {
                    by_tone[k] += 1;
                }
            }
        }
        if by_tone.iter().any(|&n| n > 0) {
            table.push((theme.label_in(lang).to_string(), by_tone));
        }
    }
    let mut none = [0u32; 4];
    for (i, r) in m.reviews.iter().enumerate() {
        if r.themes.is_empty() {
            if let Some(k) = tone(i) {
                none[k] += 1;
            }
        }
    }
    table.push((t.counts_none.to_string(), none));
    for (n, (label, by_tone)) in table.iter().enumerate() {
        let r = (n + 1) as u32;
        counts.write_string(r, 0, neutralise(label)).map_err(err)?;
        for (k, v) in by_tone.iter().enumerate() {
            counts.write_number(r, (k + 1) as u16, *v).map_err(err)?;
        }
        let total: u32 = by_tone.iter().sum();
        counts.write_number(r, 5, total).map_err(err)?;
    }
    counts.set_freeze_panes(1, 0).map_err(err)?;
    counts
        .autofilter(0, 0, table.len() as u32, 5)
        .map_err(err)?;

    let help = book.add_worksheet();
    help.set_name(t.sheet_help).map_err(err)?;
    help.set_column_width(0, 110.0).map_err(err)?;
    for (n, line) in t.help.iter().enumerate() {
        help.write_string_with_format(n as u32, 0, *line, &wrap)
            .map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}
