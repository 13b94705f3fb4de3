//! A [`Plan`] as TOML text: prem.toml and starter codebooks, each guess commented in the
//! report language. Values are quoted by the toml crate, so any column name is safe.
//! The plan holds only what [`super::copy`] lets prem write of the export's values.

use std::fmt::Write as _;

use crate::i18n::{InitTexts, Language};

use super::copy::Shown;
use super::fields::{Field, Sure};
use super::scale::Unused;
use super::{CodebookChoice, Layout, Plan, ScalePlan, ScaleShape, SourcePlan, StarterCodebook};
use crate::config::QUESTION;

/// A TOML string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML array of strings.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

fn fill(template: &str, pairs: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut s = template.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), &v.to_string());
    }
    s
}

fn sure_word(t: &InitTexts, sure: Sure) -> &'static str {
    t.sure[sure as usize]
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// prem.toml.
pub fn config(plan: &Plan) -> String {
    let t = plan.language.init();
    let mut out = String::new();
    let files: Vec<String> = plan.sources.iter().flat_map(|s| s.files.clone()).collect();
    let _ = writeln!(
        out,
        "{}",
        fill(t.config_head, &[("files", &files.join(", "))])
    );
    let _ = writeln!(out, "{}\n", t.config_check);
    let _ = writeln!(out, "[analysis]");
    let _ = writeln!(out, "{}", t.name_comment);
    let _ = writeln!(out, "name = {}", q(&plan.name));
    let _ = writeln!(out, "{}", t.language_comment);
    let lang: &str = plan.language.into();
    let _ = writeln!(out, "language = {}", q(lang));
    if let Some(unit) = &plan.unit {
        let _ = writeln!(out, "{}", fill(t.unit_comment, &[("column", unit)]));
        let _ = writeln!(out, "unit = {}", q(unit));
    }
    for s in &plan.sources {
        out.push('\n');
        source(&mut out, s, t);
    }
    out
}

fn source(out: &mut String, s: &SourcePlan, t: &InitTexts) {
    let _ = writeln!(out, "[[source]]");
    let _ = writeln!(
        out,
        "{}",
        fill(
            t.source_comment,
            &[("rows", &s.rows), ("files", &s.file_count)]
        )
    );
    let _ = writeln!(out, "name = {}", q(&s.name));
    let _ = writeln!(out, "files = {}", list(&s.files));
    match &s.codebook {
        CodebookChoice::Builtin { name, found, total } => {
            let _ = writeln!(
                out,
                "{}",
                fill(
                    t.builtin,
                    &[("found", found), ("total", total), ("name", name)]
                )
            );
            let _ = writeln!(out, "codebook = {}", q(name));
        }
        CodebookChoice::Starter(cb) => {
            let _ = writeln!(out, "{}", fill(t.starter, &[("file", &cb.file)]));
            let _ = writeln!(out, "codebook = {}", q(&cb.file));
        }
    }
    if let Some(sheet) = &s.sheet {
        let _ = writeln!(out, "{}", t.sheet_comment);
        let _ = writeln!(out, "sheet = {}", q(sheet));
    }
    if s.header_row != 1 {
        let _ = writeln!(
            out,
            "{}",
            fill(t.header_row_comment, &[("row", &s.header_row)])
        );
        let _ = writeln!(out, "header_row = {}", s.header_row);
    }
    if let Some((rows, respondents)) = s.many_rows {
        let _ = writeln!(
            out,
            "{}",
            fill(
                t.many_rows,
                &[("rows", &rows), ("respondents", &respondents)]
            )
        );
        let _ = writeln!(out, "rows_per_respondent = \"many\"");
    }
    let layout = match s.layout {
        Layout::Long => 0,
        Layout::Wide => 1,
        Layout::Flat => 2,
    };
    let _ = writeln!(out, "{}", t.layout[layout]);
    let _ = writeln!(out, "[source.columns]");
    let _ = writeln!(out, "{}", t.columns_comment);
    for field in Field::ALL {
        if let Some((_, column, sure)) = s.fields.iter().find(|(f, _, _)| *f == field) {
            let by = match sure {
                Sure::High => t.field_by[2],
                Sure::Medium => t.field_by[1],
                Sure::Low => t.field_by[0],
            };
            let _ = writeln!(
                out,
                "{} = {}  # {}, {}",
                field.key(),
                q(column),
                sure_word(t, *sure),
                by
            );
        } else if field == Field::Date {
            let _ = writeln!(out, "{}", t.date_question);
            let _ = writeln!(out, "date = {}", q(QUESTION));
        }
    }
    if let Some(vsv) = &s.vsv_value {
        let _ = writeln!(out, "[source.values]");
        let _ = writeln!(out, "{}", t.vsv_value);
        let _ = writeln!(out, "vsv = {}", q(vsv));
    }
    if !s.unused.is_empty() {
        let _ = writeln!(out, "{}", t.unused_head);
        // Columns a built-in codebook does not read are many (the FFT's 50 topic ticks):
        // the first few, and how many more.
        const SHOWN: usize = 8;
        let not_in_codebook = s
            .unused
            .iter()
            .filter(|(_, why)| *why == Unused::NotInCodebook)
            .count();
        let mut skipped = 0usize;
        for (column, why) in &s.unused {
            if *why == Unused::NotInCodebook && not_in_codebook > SHOWN + 1 {
                skipped += 1;
                if skipped > SHOWN {
                    continue;
                }
            }
            let reason = match why {
                Unused::Empty => t.unused_empty.to_string(),
                Unused::OneValue(v) => fill(t.unused_one, &[("value", &shown(v, t))]),
                Unused::Numbers => t.unused_numbers.to_string(),
                Unused::UnknownLabels { shown, distinct } if shown.is_empty() => {
                    fill(t.unused_labels_counted, &[("n", distinct)])
                }
                Unused::UnknownLabels { shown, .. } => {
                    let shown: Vec<String> = shown.iter().map(|x| shorten(x)).collect();
                    fill(t.unused_labels, &[("values", &shown.join(", "))])
                }
                Unused::NotInCodebook => t.unused_codebook.to_string(),
            };
            let _ = writeln!(out, "#   {}: {}", q(column), reason);
        }
        if skipped > SHOWN {
            let _ = writeln!(
                out,
                "#   {}",
                fill(t.unused_more, &[("n", &(skipped - SHOWN))])
            );
        }
    }
}

/// A value in a comment: as written, else described ("tekst van 12 tekens, 1 cliënt").
fn shown(v: &Shown, t: &InitTexts) -> String {
    match v {
        Shown::Text(v) => shorten(v),
        Shown::Described { chars, clients } => {
            let count = |forms: [&str; 2], n: usize| fill(forms[usize::from(n != 1)], &[("n", &n)]);
            fill(
                t.value_described,
                &[
                    ("chars", &count(t.characters, *chars)),
                    ("clients", &count(t.clients, *clients)),
                ],
            )
        }
    }
}

/// A value shown in a comment: one line, short.
fn shorten(v: &str) -> String {
    let one: String = v.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 30 {
        format!("{}…", one.chars().take(29).collect::<String>())
    } else {
        one
    }
}

/// A starter codebook.
pub fn codebook(cb: &StarterCodebook, s: &SourcePlan, language: Language) -> String {
    let t = language.init();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        fill(
            t.codebook_head,
            &[("title", &cb.title), ("file", &s.files.join(", "))]
        )
    );
    let _ = writeln!(out, "name = {}", q(&cb.name));
    let _ = writeln!(out, "title = {}", q(&cb.title));
    for scale in &cb.scales {
        out.push('\n');
        write_scale(&mut out, scale, t);
    }
    for theme in &cb.themes {
        out.push('\n');
        let _ = writeln!(out, "[[themes]]");
        match &theme.stem {
            Some(stem) => {
                let n = cb
                    .items
                    .iter()
                    .filter(|i| i.theme.as_deref() == Some(theme.id.as_str()))
                    .count();
                let _ = writeln!(out, "{}", fill(t.theme_stem, &[("n", &n), ("stem", stem)]));
            }
            None => {
                let _ = writeln!(out, "{}", t.theme_single);
            }
        }
        let _ = writeln!(out, "id = {}", q(&theme.id));
        let _ = writeln!(out, "label = {}", q(&theme.label));
        if !theme.keywords.is_empty() {
            let _ = writeln!(out, "{}", t.keywords);
            let _ = writeln!(out, "keywords = {}", list(&theme.keywords));
        }
    }
    for item in &cb.items {
        out.push('\n');
        let _ = writeln!(out, "[[items]]");
        let _ = writeln!(out, "id = {}", q(&item.id));
        if let Some(theme) = &item.theme {
            let _ = writeln!(out, "theme = {}", q(theme));
        }
        let _ = writeln!(
            out,
            "columns = {}",
            list(std::slice::from_ref(&item.column))
        );
        let _ = writeln!(out, "text = {}", q(&item.text));
        let _ = writeln!(out, "scale = {}", q(&item.scale));
        if let Some(r) = item.reversed {
            let r = format!("{r:.2}");
            let r = match language {
                Language::Nl => r.replace('.', ","),
                Language::En => r,
            };
            let _ = writeln!(out, "{}", fill(t.reversed, &[("r", &r)]));
            let _ = writeln!(out, "reverse = true");
        }
    }
    if cb.grade.is_some() || cb.recommend.is_some() {
        let _ = writeln!(out, "\n{}", t.overall_comment);
        let _ = writeln!(out, "[overall]");
        if let Some(g) = &cb.grade {
            let _ = writeln!(out, "grade = {}", q(g));
        }
        if let Some(r) = &cb.recommend {
            let _ = writeln!(out, "recommend = {}", q(r));
        }
    }
    if !cb.care_types.is_empty() {
        let _ = writeln!(out, "\n{}", t.care_types_comment);
        let _ = writeln!(out, "[care_types]");
        for (care_type, prefix) in &cb.care_types {
            let _ = writeln!(out, "{care_type} = {}", q(prefix));
        }
    }
    out.push('\n');
    if cb.improvement.is_empty() && cb.compliment.is_empty() && cb.comments.is_empty() {
        let _ = writeln!(out, "{}", t.open_none);
    } else {
        let _ = writeln!(out, "{}", t.open_comment);
        let _ = writeln!(out, "[open]");
        for (key, columns) in [
            ("improvement", &cb.improvement),
            ("compliment", &cb.compliment),
            ("comments", &cb.comments),
        ] {
            if !columns.is_empty() {
                let _ = writeln!(out, "{key} = {}", list(columns));
            }
        }
    }
    out
}

fn write_scale(out: &mut String, s: &ScalePlan, t: &InitTexts) {
    let _ = writeln!(out, "[scales.{}]", s.id);
    match &s.kind {
        ScaleShape::Numeric { min, max } => {
            let _ = writeln!(
                out,
                "{}",
                fill(
                    t.scale_numeric,
                    &[
                        ("min", &number(*min)),
                        ("max", &number(*max)),
                        ("uses", &s.uses)
                    ]
                )
            );
            let _ = writeln!(out, "type = \"numeric\"");
            let _ = writeln!(out, "min = {}", number(*min));
            let _ = writeln!(out, "max = {}", number(*max));
            // Top box: the best answer (9 and 10 on a 10-point scale); a problem: the
            // bottom half on a 10-point scale, the worst quarter otherwise.
            let (positive, problem) = if *max == 10.0 {
                (9.0, if *min == 0.0 { 6.0 } else { 5.0 })
            } else {
                (*max, (min + (max - min) / 4.0).floor())
            };
            let _ = writeln!(out, "positive_min = {}", number(positive));
            let _ = writeln!(out, "problem_max = {}", number(problem));
        }
        ScaleShape::Ordinal {
            levels,
            positive,
            problem,
            file_order,
        } => {
            let comment = if *file_order {
                t.scale_file_order
            } else {
                t.scale_known
            };
            let _ = writeln!(out, "{}", fill(comment, &[("uses", &s.uses)]));
            let _ = writeln!(out, "type = \"ordinal\"");
            let _ = writeln!(out, "levels = {}", list(levels));
            let k = levels.len();
            let _ = writeln!(
                out,
                "positive = {}",
                list(&levels[k.saturating_sub(*positive)..])
            );
            let _ = writeln!(out, "problem = {}", list(&levels[..(*problem).min(k)]));
        }
        ScaleShape::Binary { levels } => {
            let _ = writeln!(out, "{}", fill(t.scale_binary, &[("uses", &s.uses)]));
            let _ = writeln!(out, "type = \"binary\"");
            let _ = writeln!(out, "levels = {}", list(levels));
            let _ = writeln!(out, "positive = {}", list(&levels[1..]));
            let _ = writeln!(out, "problem = {}", list(&levels[..1]));
        }
    }
    if !s.missing.is_empty() {
        let _ = writeln!(out, "missing = {}", list(&s.missing));
    }
}
