//! An [`Error`] in words: its message and a hint of what to do, in a language. The library
//! returns errors as data; the CLI calls [`describe`] once, at the edge, in the language of
//! the configuration it loaded. `Display` of [`Error`] is the English description.

use std::fmt;
use std::path::Path;

use crate::error::{
    ActionExpected, ActionProblem, AuditFinding, AuditProblem, Change, CodebookProblem, ColumnUse,
    ConfigProblem, Conflict, Error, ExportProblem, InputProblem, PeerProblem, Reason, ScaleProblem,
    SourceProblem, StandardExpected, StandardProblem, TomlProblem, UsageProblem,
};
use crate::i18n::{Language, Msg};
use crate::layout;
use crate::render::labels::Words;

/// An error in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What went wrong, with the file in front where there is one.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

/// The message and hint of `e` in `lang`. The cause of an I/O error (its `source()`) is not
/// part of the message: the CLI prints it after.
pub fn describe(e: &Error, lang: Language) -> Diagnostic {
    let at = |path: &Path, text: String| format!("{}: {text}", path.display());
    let (message, hint) = match e {
        Error::Io { path, .. } => (at(path, lang.msg(Msg::CannotRead).into()), Msg::HintIo),
        Error::Write { path, .. } => (at(path, lang.msg(Msg::CannotWrite).into()), Msg::HintWrite),
        Error::Config { path, problem } => (at(path, config(problem, lang)), config_hint(problem)),
        Error::Codebook { path, problem } => {
            let text = codebook(problem, lang);
            let message = match problem {
                // `prem codebook show NAME`: no file, and the name is in the text.
                CodebookProblem::NotBuiltIn { .. } => text,
                _ => at(path, text),
            };
            (message, codebook_hint(problem))
        }
        Error::Input { path, problem } => (at(path, input(problem, lang)), input_hint(problem)),
        Error::Export { path, problem } => (at(path, export(problem, lang)), export_hint(problem)),
        Error::Actions { path, problem } => return register(path, problem, action_hint, lang),
        Error::Participation { path, problem } => {
            return register(path, problem, participation_hint, lang)
        }
        Error::Peer { path, problem } => (at(path, peer(problem, lang)), peer_hint(problem)),
        Error::Standard { path, problem } => (at(path, standard(problem, lang)), Msg::HintStandard),
        Error::Benchmark { path, problem } => {
            (at(path, standard(problem, lang)), Msg::HintBenchmark)
        }
        Error::Strict { count } => {
            let report = layout::document("", layout::DATA_QUALITY, "md");
            return Diagnostic {
                message: lang.say(Msg::Strict, &[("count", count)]),
                hint: Some(lang.say(Msg::HintStrict, &[("file", &report)])),
            };
        }
        Error::Usage(problem) => (usage(problem, lang), usage_hint(problem)),
        Error::DisclosureAudit {
            path,
            count,
            min_n,
            first,
        } => {
            let first = audit_finding(first, *min_n, lang);
            let text = lang.say(
                Msg::DisclosureAudit,
                &[("count", count), ("min_n", min_n), ("first", &first)],
            );
            // The message asks for a bug report; there is nothing else to do.
            return Diagnostic {
                message: at(path, text),
                hint: None,
            };
        }
        Error::Output { path, message } => {
            return Diagnostic {
                message: at(path, message.clone()),
                hint: Some(lang.msg(Msg::HintWrite).into()),
            }
        }
        Error::OutsideFolder { path } => (
            at(path, lang.msg(Msg::OutsideFolder).into()),
            Msg::HintOutsideFolder,
        ),
        Error::WrittenTwice { path } => (
            at(path, lang.msg(Msg::WrittenTwice).into()),
            Msg::HintWrittenTwice,
        ),
        Error::InitExists { path } => (
            lang.say(Msg::InitExists, &[("file", &path.display())]),
            Msg::HintInitExists,
        ),
        Error::Ledger { path, line, value } => (
            at(
                path,
                lang.say(Msg::LedgerUnreadable, &[("line", line), ("value", value)]),
            ),
            Msg::HintLedger,
        ),
        Error::WorkWouldBeLost {
            dir,
            conflicts,
            unrecorded,
        } => (
            at(dir, lost_work(conflicts, *unrecorded, lang)),
            Msg::HintWorkWouldBeLost,
        ),
    };
    Diagnostic {
        message,
        hint: Some(lang.msg(hint).to_string()),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe(self, Language::En).message)
    }
}

/// A TOML parser's problem: where, and its message in `lang` where it is a common one.
fn toml(p: &TomlProblem, lang: Language) -> String {
    let message = crate::i18n::toml_message(&p.message, lang);
    match p.at {
        Some((line, column)) => format!(
            "{} {line}, {} {column}: {message}",
            lang.msg(Msg::Line),
            lang.msg(Msg::Column)
        ),
        None => message,
    }
}

fn config(p: &ConfigProblem, lang: Language) -> String {
    match p {
        ConfigProblem::Toml(t) => toml(t, lang),
        ConfigProblem::EmptyName => lang.msg(Msg::ConfigName).into(),
        ConfigProblem::Mid { mid } => lang.say(Msg::ConfigMid, &[("mid", mid)]),
        ConfigProblem::MinN { min_n } => lang.say(Msg::ConfigMinN, &[("n", min_n)]),
        ConfigProblem::IndicativeN {
            indicative_n,
            min_n,
        } => lang.say(Msg::ConfigIndicativeN, &[("i", indicative_n), ("m", min_n)]),
        ConfigProblem::NoSource => lang.msg(Msg::ConfigNoSource).into(),
        ConfigProblem::OpenQuestion {
            line,
            key,
            question,
        } => {
            let question = question
                .as_deref()
                .map_or(String::new(), |q| format!(": {q}"));
            lang.say(
                Msg::ConfigOpenQuestion,
                &[("line", line), ("key", key), ("question", &question)],
            )
        }
        ConfigProblem::UnknownSection {
            line,
            found,
            closest,
        } => {
            let text = lang.say(
                Msg::ConfigUnknownSection,
                &[("line", line), ("found", found)],
            );
            match closest {
                Some(c) => {
                    // The same brackets as written: [[source]] for [[sources]].
                    let meant = if found.starts_with("[[") {
                        format!("[[{c}]]")
                    } else {
                        format!("[{c}]")
                    };
                    format!("{text}{}", lang.say(Msg::DidYouMean, &[("meant", &meant)]))
                }
                None => text,
            }
        }
        ConfigProblem::PeersNeedStandard => lang.msg(Msg::ConfigPeersNeedStandard).into(),
        ConfigProblem::PeerNoFiles => lang.msg(Msg::ConfigPeerNoFiles).into(),
        ConfigProblem::ShareNeedsStandard => lang.msg(Msg::ConfigShareNeedsStandard).into(),
        ConfigProblem::PeersNeedCodebooks => lang.msg(Msg::ConfigPeersNeedCodebooks).into(),
        ConfigProblem::Source {
            index,
            name,
            problem,
        } => {
            let at = format!("[[source]] #{index} ({name})");
            let m = match problem {
                SourceProblem::NameTwice => Msg::ConfigSourceTwice,
                SourceProblem::NoFiles => Msg::ConfigNoFiles,
                SourceProblem::HeaderRowZero => Msg::ConfigHeaderRow0,
                SourceProblem::NoDate => Msg::ConfigNoDate,
                SourceProblem::NoVsv => Msg::ConfigNoVsv,
            };
            lang.say(m, &[("at", &at)])
        }
        ConfigProblem::Target { theme, target } => {
            lang.say(Msg::ConfigTarget, &[("theme", theme), ("target", target)])
        }
        ConfigProblem::UnknownTarget { theme, known } => lang.say(
            Msg::TargetUnknown,
            &[("theme", theme), ("known", &known.join(", "))],
        ),
        ConfigProblem::BadGlob {
            source,
            pattern,
            error,
        } => lang.say(
            Msg::BadGlob,
            &[("source", source), ("pattern", pattern), ("error", error)],
        ),
        ConfigProblem::ThemeInTwoCodebooks {
            theme,
            first,
            second,
        } => lang.say(
            Msg::ThemeTwoCodebooks,
            &[("theme", theme), ("a", first), ("b", second)],
        ),
        ConfigProblem::TooManyItems => lang.msg(Msg::TooManyItems).into(),
    }
}

fn config_hint(p: &ConfigProblem) -> Msg {
    match p {
        ConfigProblem::Toml(_) => Msg::HintConfigToml,
        ConfigProblem::EmptyName => Msg::HintName,
        ConfigProblem::Mid { .. } => Msg::HintMid,
        ConfigProblem::MinN { .. } => Msg::HintMinN,
        ConfigProblem::IndicativeN { .. } => Msg::HintIndicativeN,
        ConfigProblem::NoSource => Msg::HintNoSource,
        ConfigProblem::UnknownSection { .. } => Msg::HintUnknownSection,
        ConfigProblem::OpenQuestion { .. } => Msg::HintOpenQuestion,
        ConfigProblem::PeersNeedStandard => Msg::HintPeersNeedStandard,
        ConfigProblem::PeerNoFiles => Msg::HintPeerNoFiles,
        ConfigProblem::ShareNeedsStandard => Msg::HintPeersNeedStandard,
        ConfigProblem::PeersNeedCodebooks => Msg::HintPeersNeedCodebooks,
        ConfigProblem::Source { problem, .. } => match problem {
            SourceProblem::NameTwice => Msg::HintSourceTwice,
            SourceProblem::NoFiles => Msg::HintNoFiles,
            SourceProblem::HeaderRowZero => Msg::HintHeaderRow0,
            SourceProblem::NoDate => Msg::HintNoDate,
            SourceProblem::NoVsv => Msg::HintNoVsv,
        },
        ConfigProblem::Target { .. } => Msg::HintTarget,
        ConfigProblem::UnknownTarget { .. } => Msg::HintTargetUnknown,
        ConfigProblem::BadGlob { .. } => Msg::HintBadGlob,
        ConfigProblem::ThemeInTwoCodebooks { .. } => Msg::HintThemeTwoCodebooks,
        ConfigProblem::TooManyItems => Msg::HintTooManyItems,
    }
}

fn codebook(p: &CodebookProblem, lang: Language) -> String {
    match p {
        CodebookProblem::Toml(t) => toml(t, lang),
        CodebookProblem::NotFound { spec, known } => lang.say(
            Msg::CodebookNotFound,
            &[("spec", spec), ("names", &known.join(", "))],
        ),
        CodebookProblem::NotBuiltIn { name, known } => lang.say(
            Msg::UnknownCodebook,
            &[("name", name), ("names", &known.join(", "))],
        ),
        CodebookProblem::Scale { id, problem } => match problem {
            ScaleProblem::NeedsMinMax => lang.say(Msg::ScaleNeedsMinMax, &[("id", id)]),
            ScaleProblem::MinNotBelowMax { min, max } => {
                lang.say(Msg::ScaleMinMax, &[("id", id), ("min", min), ("max", max)])
            }
            ScaleProblem::TooFewLevels => lang.say(Msg::ScaleLevels, &[("id", id)]),
            ScaleProblem::UnknownLevel { level } => {
                lang.say(Msg::ScaleUnknownLevel, &[("id", id), ("level", level)])
            }
            ScaleProblem::ScoresCount { scores, levels } => lang.say(
                Msg::ScaleScores,
                &[("id", id), ("n", scores), ("k", levels)],
            ),
        },
        CodebookProblem::ThemeTwice { id } => lang.say(Msg::ThemeTwice, &[("id", id)]),
        CodebookProblem::ThemeImportance { id, value } => {
            lang.say(Msg::ThemeImportance, &[("id", id), ("value", value)])
        }
        CodebookProblem::ThemeNoItems { id } => lang.say(Msg::ThemeNoItems, &[("id", id)]),
        CodebookProblem::ItemTwice { id } => lang.say(Msg::ItemTwice, &[("id", id)]),
        CodebookProblem::ItemScale { id, scale } => {
            lang.say(Msg::ItemScale, &[("id", id), ("scale", scale)])
        }
        CodebookProblem::ItemTheme { id, theme } => {
            lang.say(Msg::ItemTheme, &[("id", id), ("theme", theme)])
        }
        CodebookProblem::ItemNoColumns { id } => lang.say(Msg::ItemColumns, &[("id", id)]),
        CodebookProblem::OverallNotItem { key, id } => {
            lang.say(Msg::OverallNotItem, &[("key", key), ("id", id)])
        }
    }
}

fn codebook_hint(p: &CodebookProblem) -> Msg {
    match p {
        CodebookProblem::Toml(_) => Msg::HintCodebookToml,
        CodebookProblem::NotFound { .. } => Msg::HintCodebookNotFound,
        CodebookProblem::NotBuiltIn { .. } => Msg::HintUnknownCodebook,
        CodebookProblem::Scale { .. } => Msg::HintScale,
        CodebookProblem::ThemeImportance { .. } => Msg::HintThemeImportance,
        CodebookProblem::ThemeTwice { .. }
        | CodebookProblem::ThemeNoItems { .. }
        | CodebookProblem::ItemTwice { .. }
        | CodebookProblem::ItemScale { .. }
        | CodebookProblem::ItemTheme { .. }
        | CodebookProblem::ItemNoColumns { .. }
        | CodebookProblem::OverallNotItem { .. } => Msg::HintCodebookStructure,
    }
}

/// A header's column names, quoted: the first 12, then a count.
fn headers(names: &[String], lang: Language) -> String {
    let shown: Vec<String> = names.iter().take(12).map(|h| format!("\"{h}\"")).collect();
    let more = names.len().saturating_sub(12);
    if more > 0 {
        let and_more = lang.say(Msg::AndMoreHeaders, &[("count", &more)]);
        format!("{} {and_more}", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn input(p: &InputProblem, lang: Language) -> String {
    match p {
        InputProblem::UnsupportedType { ext } => lang.say(Msg::UnsupportedType, &[("ext", ext)]),
        InputProblem::NotCsv { line, error } => {
            let at = line
                .map(|l| format!("{} {l}: ", lang.msg(Msg::Line)))
                .unwrap_or_default();
            lang.say(Msg::NotCsv, &[("at", &at), ("error", error)])
        }
        InputProblem::Empty => lang.msg(Msg::EmptyFile).into(),
        InputProblem::HeaderRowPastEnd { header_row } => {
            lang.say(Msg::HeaderRowPastEnd, &[("row", header_row)])
        }
        InputProblem::NotSpreadsheet { error } => {
            lang.say(Msg::NotSpreadsheet, &[("error", error)])
        }
        InputProblem::NotSpss { error } => lang.say(Msg::NotSpss, &[("error", error)]),
        InputProblem::SheetNotFound { sheet, sheets } => lang.say(
            Msg::SheetNotFound,
            &[("sheet", sheet), ("sheets", &quoted(sheets))],
        ),
        InputProblem::NoSheets => lang.msg(Msg::NoSheets).into(),
        InputProblem::SheetUnreadable { sheet, error } => {
            lang.say(Msg::SheetUnreadable, &[("sheet", sheet), ("error", error)])
        }
        InputProblem::HeaderRowEmpty {
            sheet,
            header_row,
            first,
            last,
        } => lang.say(
            Msg::HeaderRowEmpty,
            &[
                ("sheet", sheet),
                ("row", header_row),
                ("first", first),
                ("last", last),
            ],
        ),
        InputProblem::NoFileMatches {
            pattern,
            source,
            config,
            nearby,
        } => {
            let text = lang.say(
                Msg::NoFileMatches,
                &[
                    ("pattern", pattern),
                    ("source", source),
                    ("config", &config.display()),
                ],
            );
            let what = |entries: &[String]| {
                if entries.is_empty() {
                    lang.msg(Msg::NothingThere).to_string()
                } else {
                    entries.join(", ")
                }
            };
            match nearby {
                Some(n) if n.exists => format!(
                    "{text}{}",
                    lang.say(
                        Msg::InFolder,
                        &[("folder", &n.folder), ("names", &what(&n.entries))]
                    )
                ),
                Some(n) => format!(
                    "{text}{}",
                    lang.say(
                        Msg::NoSuchFolder,
                        &[
                            ("folder", &n.folder),
                            ("parent", &n.parent),
                            ("names", &what(&n.entries))
                        ]
                    )
                ),
                None => text,
            }
        }
        InputProblem::MissingColumn {
            column,
            key,
            source,
            headers: h,
        } => lang.say(
            Msg::ColumnMissing,
            &[
                ("column", column),
                ("key", key),
                ("source", source),
                ("headers", &headers(h, lang)),
            ],
        ),
        InputProblem::MissingNamedColumn { column, headers: h } => lang.say(
            Msg::ColumnMissingSimple,
            &[("column", column), ("headers", &headers(h, lang))],
        ),
        InputProblem::NoItemColumns {
            codebook,
            expected,
            headers: h,
        } => lang.say(
            Msg::NoItemColumns,
            &[
                ("codebook", codebook),
                ("expected", &quoted(expected)),
                ("headers", &headers(h, lang)),
            ],
        ),
        InputProblem::NotADate { row, column, value } => lang.say(
            Msg::NotADate,
            &[("row", row), ("column", column), ("value", value)],
        ),
        InputProblem::NoValues { column } => lang.say(Msg::NoValues, &[("column", column)]),
        InputProblem::NoUsableRows { reasons } => no_usable_rows(reasons, lang),
    }
}

/// Why no row was used: per reason the count and where the first one is.
fn no_usable_rows(reasons: &[Reason], lang: Language) -> String {
    let mut message = lang.msg(Msg::NoUsableRows).to_string();
    for r in reasons {
        let example = r
            .first
            .as_ref()
            .map(|i| {
                let row = i.row.map(|r| format!(":{r}")).unwrap_or_default();
                let column = i
                    .column
                    .as_deref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default();
                let value = crate::render::quality::value_text(&i.value, lang);
                let value = if value.is_empty() {
                    String::new()
                } else {
                    format!(" \"{value}\"")
                };
                format!(" — {}{row}{column}{value}", i.file)
            })
            .unwrap_or_default();
        message.push_str(&format!(
            "\n  {}× {}{example}",
            r.count,
            lang.problem(r.problem)
        ));
    }
    message
}

fn input_hint(p: &InputProblem) -> Msg {
    match p {
        InputProblem::UnsupportedType { .. } => Msg::HintUnsupportedType,
        InputProblem::NotCsv { .. } => Msg::HintNotCsv,
        InputProblem::Empty => Msg::HintEmptyFile,
        InputProblem::HeaderRowPastEnd { .. } | InputProblem::HeaderRowEmpty { .. } => {
            Msg::HintHeaderRow
        }
        InputProblem::NotSpreadsheet { .. } | InputProblem::SheetUnreadable { .. } => {
            Msg::HintNotSpreadsheet
        }
        InputProblem::NotSpss { .. } => Msg::HintNotSpss,
        InputProblem::SheetNotFound { .. } => Msg::HintSheetNotFound,
        InputProblem::NoSheets => Msg::HintNoSheets,
        InputProblem::NoFileMatches { .. } => Msg::HintNoFileMatches,
        InputProblem::MissingColumn { .. } => Msg::HintColumnMissing,
        InputProblem::MissingNamedColumn { .. } => Msg::HintColumnMissingSimple,
        InputProblem::NoItemColumns { .. } => Msg::HintNoItemColumns,
        InputProblem::NotADate { .. } => Msg::HintNotADate,
        InputProblem::NoValues { .. } => Msg::HintNoValues,
        InputProblem::NoUsableRows { .. } => Msg::HintNoUsableRows,
    }
}

fn export(p: &ExportProblem, lang: Language) -> String {
    match p {
        ExportProblem::HeaderOnly { row } => lang.say(Msg::HeaderOnly, &[("row", row)]),
        ExportProblem::DuplicateColumn {
            row,
            column,
            positions,
            used_by,
        } => {
            let at: Vec<String> = positions
                .iter()
                .map(|&p| format!("{p} ({})", column_letters(p)))
                .collect();
            let and = lang.msg(Msg::And);
            let used_by = match used_by {
                ColumnUse::Field { key } => format!("[source.columns] {key}"),
                ColumnUse::Item { codebook, item } => {
                    lang.say(Msg::UsedByItem, &[("codebook", codebook), ("item", item)])
                }
                ColumnUse::Open { codebook, key } => {
                    lang.say(Msg::UsedByOpen, &[("codebook", codebook), ("key", key)])
                }
                ColumnUse::Named => "prem".to_string(),
            };
            lang.say(
                Msg::DuplicateColumn,
                &[
                    ("column", column),
                    ("count", &positions.len()),
                    ("row", row),
                    ("positions", &at.join(&format!(" {and} "))),
                    ("used_by", &used_by),
                ],
            )
        }
    }
}

fn export_hint(p: &ExportProblem) -> Msg {
    match p {
        ExportProblem::HeaderOnly { .. } => Msg::HintHeaderOnly,
        ExportProblem::DuplicateColumn { .. } => Msg::HintDuplicateColumn,
    }
}

/// A 1-based column number as a spreadsheet names it: 1 → A, 27 → AA.
fn column_letters(mut n: usize) -> String {
    let mut s = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        s.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn peer(p: &PeerProblem, lang: Language) -> String {
    match p {
        PeerProblem::NotJson {
            line,
            column,
            error,
        } => lang.say(
            Msg::PeerNotJson,
            &[("line", line), ("column", column), ("error", error)],
        ),
        PeerProblem::Format { found } => lang.say(Msg::PeerFormat, &[("found", found)]),
        PeerProblem::Field { error } => lang.say(Msg::PeerField, &[("error", error)]),
        PeerProblem::UnknownCodebook { name, known } => lang.say(
            Msg::PeerUnknownCodebook,
            &[("name", name), ("known", &known.join(", "))],
        ),
        PeerProblem::CodebookDiffers { name } => {
            lang.say(Msg::PeerCodebookDiffers, &[("name", name)])
        }
        PeerProblem::PeriodKind { theirs, ours } => lang.say(
            Msg::PeerPeriodKind,
            &[("theirs", theirs), ("ours", &ours.id())],
        ),
        PeerProblem::BadPeriod { label } => lang.say(Msg::PeerBadPeriod, &[("label", label)]),
        PeerProblem::MinN { theirs, ours } => {
            lang.say(Msg::PeerMinN, &[("theirs", theirs), ("ours", ours)])
        }
        PeerProblem::Standard => lang.msg(Msg::PeerStandard).into(),
        PeerProblem::Unknown { what } => lang.say(Msg::PeerUnknown, &[("what", what)]),
        PeerProblem::BelowMinN {
            vsv,
            period,
            what,
            n,
            min_n,
        } => lang.say(
            Msg::PeerBelowMinN,
            &[
                ("vsv", vsv),
                ("period", period),
                ("what", what),
                ("n", n),
                ("min_n", min_n),
            ],
        ),
        PeerProblem::Inconsistent { what } => lang.say(Msg::PeerInconsistent, &[("what", what)]),
        PeerProblem::VsvTwice { vsv, other } => lang.say(
            Msg::PeerVsvTwice,
            &[("vsv", vsv), ("other", &other.display())],
        ),
        PeerProblem::VsvAlsoRaw { vsv } => lang.say(Msg::PeerVsvAlsoRaw, &[("vsv", vsv)]),
        PeerProblem::NoFileMatches { pattern } => {
            lang.say(Msg::PeerNoFileMatches, &[("pattern", pattern)])
        }
        PeerProblem::SmallRevision {
            vsv,
            period,
            what,
            old,
            new,
        } => lang.say(
            Msg::PeerSmallRevision,
            &[
                ("vsv", vsv),
                ("period", period),
                ("what", what),
                ("old", old),
                ("new", new),
            ],
        ),
    }
}

fn peer_hint(p: &PeerProblem) -> Msg {
    match p {
        PeerProblem::UnknownCodebook { .. }
        | PeerProblem::CodebookDiffers { .. }
        | PeerProblem::PeriodKind { .. }
        | PeerProblem::MinN { .. }
        | PeerProblem::Standard => Msg::HintPeerConfig,
        PeerProblem::VsvTwice { .. } | PeerProblem::VsvAlsoRaw { .. } => Msg::HintPeerTwice,
        PeerProblem::NoFileMatches { .. } => Msg::HintPeerNoFiles,
        PeerProblem::SmallRevision { .. } => Msg::HintSmallRevision,
        _ => Msg::HintPeer,
    }
}

fn standard(p: &StandardProblem, lang: Language) -> String {
    match p {
        StandardProblem::Unreadable(p) => input(p, lang),
        StandardProblem::MissingColumn { column, headers: h } => lang.say(
            Msg::ColumnMissingSimple,
            &[("column", column), ("headers", &headers(h, lang))],
        ),
        StandardProblem::Value {
            row,
            column,
            value,
            expected,
        } => {
            let expected = match expected {
                StandardExpected::Parity => "eerste, later, onbekend".to_string(),
                StandardExpected::Age { bands } => {
                    let mut all = vec!["0".to_string()];
                    all.extend(bands.iter().map(u32::to_string));
                    lang.say(Msg::StandardAge, &[("bands", &all.join(", "))])
                }
                StandardExpected::Weight => lang.msg(Msg::StandardWeight).into(),
                StandardExpected::Theme { known } => {
                    lang.say(Msg::BenchmarkTheme, &[("known", &known.join(", "))])
                }
                StandardExpected::Period => lang.msg(Msg::BenchmarkPeriod).into(),
                StandardExpected::Mean => lang.msg(Msg::BenchmarkMean).into(),
                StandardExpected::Count => lang.msg(Msg::BenchmarkCount).into(),
                StandardExpected::Sd => lang.msg(Msg::BenchmarkSd).into(),
            };
            lang.say(
                Msg::StandardValue,
                &[
                    ("row", row),
                    ("column", column),
                    ("value", value),
                    ("expected", &expected),
                ],
            )
        }
        StandardProblem::Twice { row } => lang.say(Msg::StandardTwice, &[("row", row)]),
        StandardProblem::NoWeight => lang.msg(Msg::StandardNoWeight).into(),
    }
}

fn action(p: &ActionProblem, lang: Language) -> String {
    match p {
        ActionProblem::Unreadable(p) => input(p, lang),
        ActionProblem::MissingColumn { column, headers: h } => lang.say(
            Msg::ColumnMissingSimple,
            &[("column", column), ("headers", &headers(h, lang))],
        ),
        ActionProblem::Ambiguous(p) => export(p, lang),
        ActionProblem::Value {
            row,
            column,
            value,
            expected,
        } => {
            let expected = match expected {
                ActionExpected::Text => lang.msg(Msg::ActionEmpty).to_string(),
                ActionExpected::Date => lang.msg(Msg::ActionDate).to_string(),
                ActionExpected::Horizon => lang.msg(Msg::ActionHorizon).to_string(),
                ActionExpected::Status => lang.msg(Msg::ActionStatus).to_string(),
                ActionExpected::Theme { known } => {
                    lang.say(Msg::ActionTheme, &[("known", &known.join(", "))])
                }
                ActionExpected::Vsv { known } => {
                    lang.say(Msg::ActionVsv, &[("vsvs", &known.join(", "))])
                }
                ActionExpected::UniqueId => lang.msg(Msg::RegisterUniqueId).to_string(),
                ActionExpected::Form => lang.msg(Msg::RegisterForm).to_string(),
                ActionExpected::Level => lang.msg(Msg::RegisterLevel).to_string(),
                ActionExpected::Count => lang.msg(Msg::RegisterCount).to_string(),
                ActionExpected::ActionId { known } => {
                    let known = if known.is_empty() {
                        "-".to_string()
                    } else {
                        known.join(", ")
                    };
                    lang.say(Msg::RegisterActionId, &[("known", &known)])
                }
                ActionExpected::AfterDate { date } => lang.say(
                    Msg::RegisterAfterDate,
                    &[("date", &date.format("%d-%m-%Y"))],
                ),
            };
            lang.say(
                Msg::ActionValue,
                &[
                    ("row", row),
                    ("column", column),
                    ("value", value),
                    ("expected", &expected),
                ],
            )
        }
    }
}

fn action_hint(p: &ActionProblem) -> Msg {
    match p {
        ActionProblem::Unreadable(_)
        | ActionProblem::MissingColumn { .. }
        | ActionProblem::Ambiguous(_) => Msg::HintRegister,
        ActionProblem::Value { expected, .. } => match expected {
            ActionExpected::Text => Msg::HintRegisterText,
            ActionExpected::Date => Msg::HintRegisterDate,
            ActionExpected::Horizon => Msg::HintRegisterHorizon,
            ActionExpected::Status => Msg::HintRegisterStatus,
            ActionExpected::Theme { .. } => Msg::HintRegisterTheme,
            ActionExpected::Vsv { .. } => Msg::HintRegisterVsv,
            // Values only the participation register has.
            ActionExpected::UniqueId
            | ActionExpected::Form
            | ActionExpected::Level
            | ActionExpected::Count
            | ActionExpected::ActionId { .. }
            | ActionExpected::AfterDate { .. } => Msg::HintRegister,
        },
    }
}

/// A hand-written register's problem: the message at the file, the hint naming the file.
fn register(
    path: &Path,
    problem: &ActionProblem,
    hint: fn(&ActionProblem) -> Msg,
    lang: Language,
) -> Diagnostic {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into(),
    );
    Diagnostic {
        message: format!("{}: {}", path.display(), action(problem, lang)),
        hint: Some(lang.say(hint(problem), &[("file", &file)])),
    }
}

fn participation_hint(p: &ActionProblem) -> Msg {
    match p {
        ActionProblem::Unreadable(_)
        | ActionProblem::MissingColumn { .. }
        | ActionProblem::Ambiguous(_) => Msg::HintParticipation,
        ActionProblem::Value { expected, .. } => match expected {
            ActionExpected::Text => Msg::HintParticipationText,
            ActionExpected::Date | ActionExpected::AfterDate { .. } => Msg::HintParticipationDate,
            ActionExpected::Form => Msg::HintParticipationForm,
            ActionExpected::Level => Msg::HintParticipationLevel,
            ActionExpected::Count => Msg::HintParticipationCount,
            ActionExpected::Theme { .. } => Msg::HintParticipationTheme,
            ActionExpected::Vsv { .. } => Msg::HintParticipationVsv,
            ActionExpected::ActionId { .. } => Msg::HintParticipationAction,
            ActionExpected::UniqueId => Msg::HintParticipationUnique,
            ActionExpected::Horizon | ActionExpected::Status => Msg::HintParticipation,
        },
    }
}

fn usage(p: &UsageProblem, lang: Language) -> String {
    match p {
        UsageProblem::BadPeriod { period } => lang.say(Msg::BadPeriod, &[("period", period)]),
        UsageProblem::BadDate { date } => lang.say(Msg::UsageBadDate, &[("date", date)]),
        UsageProblem::PeriodKind { period, kind } => {
            lang.say(Msg::PeriodKind, &[("period", period), ("kind", &kind.id())])
        }
        UsageProblem::NoDataForPeriod { period, periods } => {
            let list: Vec<String> = periods.iter().map(ToString::to_string).collect();
            lang.say(
                Msg::NoDataForPeriod,
                &[("period", period), ("periods", &list.join(", "))],
            )
        }
        UsageProblem::UnknownVsv { vsv, known } => lang.say(
            Msg::UnknownVsv,
            &[("vsv", vsv), ("vsvs", &known.join(", "))],
        ),
    }
}

fn usage_hint(p: &UsageProblem) -> Msg {
    match p {
        UsageProblem::BadPeriod { .. } => Msg::HintBadPeriod,
        UsageProblem::BadDate { .. } => Msg::HintBadDate,
        UsageProblem::PeriodKind { .. } => Msg::HintPeriodKind,
        UsageProblem::NoDataForPeriod { .. } => Msg::HintNoDataForPeriod,
        UsageProblem::UnknownVsv { .. } => Msg::HintUnknownVsv,
    }
}

/// Where the audit found a problem and what: "2026-Q3, VSV Noord, bejegening: …".
fn audit_finding(f: &AuditFinding, min_n: u32, lang: Language) -> String {
    let problem = match f.problem {
        AuditProblem::HiddenWithNumbers => lang.msg(Msg::AuditHiddenWithNumbers).to_string(),
        AuditProblem::TooFew => lang.say(Msg::AuditTooFew, &[("min_n", &min_n)]),
        AuditProblem::CoversHidden => lang.msg(Msg::AuditCoversHidden).to_string(),
        AuditProblem::Isolates(count) => lang.say(Msg::AuditIsolates, &[("count", &count)]),
        AuditProblem::OwnCount => lang.msg(Msg::AuditOwnCount).to_string(),
    };
    let mut place = vec![f.period.to_string()];
    place.extend(f.names.iter().cloned());
    format!("{}: {problem}", place.join(", "))
}

/// How many files a [`Error::WorkWouldBeLost`] names; the rest are counted.
const LOST_WORK_SHOWN: usize = 10;

/// The files a rerun would lose, one a line, at most [`LOST_WORK_SHOWN`] then a count.
fn lost_work(conflicts: &[Conflict], unrecorded: bool, lang: Language) -> String {
    let mut s = lang.say(Msg::WorkWouldBeLost, &[("count", &conflicts.len())]);
    if unrecorded {
        s.push(' ');
        s.push_str(&lang.say(Msg::NoRecord, &[("file", &layout::MANIFEST)]));
    }
    for c in conflicts.iter().take(LOST_WORK_SHOWN) {
        let change = lang.msg(match c.change {
            Change::Added => Msg::FileAdded,
            Change::Edited => Msg::FileEdited,
        });
        s.push_str(&format!("\n  {} ({change})", c.path));
    }
    if conflicts.len() > LOST_WORK_SHOWN {
        let more = conflicts.len() - LOST_WORK_SHOWN;
        s.push_str(&format!(
            "\n  {}",
            lang.say(Msg::AndMore, &[("count", &more)])
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::row::{Expected, Issue, Problem, ShownValue};
    use crate::period::{Period, PeriodKind};
    use std::path::PathBuf;

    fn io(kind: std::io::ErrorKind) -> std::io::Error {
        std::io::Error::new(kind, "x")
    }

    fn config(problem: ConfigProblem) -> Error {
        Error::config("regio/prem.toml", problem)
    }

    fn codebook(problem: CodebookProblem) -> Error {
        Error::codebook("mijn.toml", problem)
    }

    fn input(problem: InputProblem) -> Error {
        Error::input("exports/a.csv", problem)
    }

    fn peer(problem: PeerProblem) -> Error {
        Error::Peer {
            path: "gedeeld/a.json".into(),
            problem: Box::new(problem),
        }
    }

    fn standard(problem: StandardProblem) -> Error {
        Error::Standard {
            path: "standaard.csv".into(),
            problem: Box::new(problem),
        }
    }

    fn actions(problem: ActionProblem) -> Error {
        Error::Actions {
            path: "regio/acties.csv".into(),
            problem: Box::new(problem),
        }
    }

    fn participation(expected: ActionExpected) -> Error {
        Error::Participation {
            path: "regio/participatie.csv".into(),
            problem: Box::new(ActionProblem::Value {
                row: 3,
                column: "x".into(),
                value: "?".into(),
                expected,
            }),
        }
    }

    fn value(expected: ActionExpected) -> Error {
        actions(ActionProblem::Value {
            row: 3,
            column: "x".into(),
            value: "?".into(),
            expected,
        })
    }

    fn source(problem: SourceProblem) -> Error {
        config(ConfigProblem::Source {
            index: 2,
            name: "fft".into(),
            problem,
        })
    }

    fn scale(problem: ScaleProblem) -> Error {
        codebook(CodebookProblem::Scale {
            id: "vijf".into(),
            problem,
        })
    }

    fn toml(line: usize) -> TomlProblem {
        TomlProblem {
            at: Some((line, 1)),
            message: "unknown field `languag`, expected one of `name`, `period`".into(),
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// One error of every kind, with a piece of its Dutch and English message and a piece
    /// of its Dutch and English hint that no other kind's hint needs to have.
    #[allow(clippy::type_complexity)]
    fn every_kind() -> Vec<(Error, [&'static str; 4])> {
        let q3 = Period::parse("2026-Q3").unwrap();
        let q2 = Period::parse("2026-Q2").unwrap();
        vec![
            (Error::io("prem.toml", io(std::io::ErrorKind::NotFound)), ["kan het bestand niet lezen", "cannot read the file", "mag lezen", "may read"]),
            (Error::write("r/a.md", io(std::io::ErrorKind::PermissionDenied)), ["kan het bestand niet schrijven", "cannot write the file", "schijf", "disk"]),
            (config(ConfigProblem::Toml(toml(4))), ["regel 4, kolom 1: onbekende sleutel `languag`, toegestaan: `name`", "line 4, column 1: unknown field `languag`, expected", "configuratie-uitleg", "configuration reference"]),
            (config(ConfigProblem::EmptyName), ["name: mag niet leeg", "name: must not be empty", "Regio Noord", "heads every report"]),
            (config(ConfigProblem::Mid { mid: -1.0 }), ["mid = -1", "mid = -1", "0,45", "0.45"]),
            (config(ConfigProblem::MinN { min_n: 3 }), ["min_n = 3: moet minstens 5", "min_n = 3: must be at least 5", "standaard (10)", "default (10)"]),
            (config(ConfigProblem::IndicativeN { indicative_n: 8, min_n: 10 }), ["indicative_n = 8", "indicative_n = 8", "standaard (30)", "default (30)"]),
            (config(ConfigProblem::NoSource), ["geen [[source]]", "no [[source]]", "`prem sample`", "`prem sample`"]),
            (config(ConfigProblem::UnknownSection { line: 56, found: "[[sources]]".into(), closest: Some("source".into()) }), ["regel 56: [[sources]] is geen onderdeel van prem.toml; bedoelt u [[source]]?", "line 56: [[sources]] is not a section of prem.toml; did you mean [[source]]?", "[analysis], [targets]", "[analysis], [targets]"]),
            (config(ConfigProblem::PeersNeedStandard), ["[[peer]] zonder [casemix] standard", "[[peer]] without [casemix] standard", "pariteit;leeftijd;gewicht", "pariteit;leeftijd;gewicht"]),
            (config(ConfigProblem::PeerNoFiles), ["lege files-lijst", "empty files list", "gedeeld/*.json", "gedeeld/*.json"]),
            (config(ConfigProblem::ShareNeedsStandard), ["prem share zonder [casemix] standard", "prem share without [casemix] standard", "standaard.csv", "standaard.csv"]),
            (config(ConfigProblem::PeersNeedCodebooks), ["zeg met welke codeboeken", "say which codebooks", "codebooks = [\"prem-geboortezorg\"]", "codebooks = [\"prem-geboortezorg\"]"]),
            (peer(PeerProblem::NotJson { line: 3, column: 7, error: "EOF".into() }), ["gedeeld/a.json: geen leesbaar gedeeld bestand (regel 3, kolom 7)", "gedeeld/a.json: not a readable shared file (line 3, column 7)", "`prem share`", "`prem share`"]),
            (peer(PeerProblem::Format { found: "x/2".into() }), ["geen prem-aggregate/1-bestand (format = \"x/2\")", "not a prem-aggregate/1 file (format = \"x/2\")", "nieuw bestand", "a new file"]),
            (peer(PeerProblem::Field { error: "missing field `n`".into() }), ["klopt niet met prem-aggregate/1: missing field", "does not match prem-aggregate/1: missing field", "nieuw bestand", "a new file"]),
            (peer(PeerProblem::UnknownCodebook { name: "x".into(), known: names(&["a"]) }), ["codeboek \"x\", dat deze analyse niet gebruikt (wel: a)", "codebook \"x\", which this analysis does not use (it uses: a)", "hetzelfde codeboek", "the same codebook"]),
            (peer(PeerProblem::CodebookDiffers { name: "x".into() }), ["andere versie van codeboek \"x\"", "another version of codebook \"x\"", "hetzelfde codeboek", "the same codebook"]),
            (peer(PeerProblem::PeriodKind { theirs: "month".into(), ours: crate::period::PeriodKind::Quarter }), ["perioden zijn month, deze analyse rapporteert per quarter", "periods are month, this analysis reports per quarter", "dezelfde periode", "same codebook, period"]),
            (peer(PeerProblem::BadPeriod { label: "2026-Q9".into() }), ["\"2026-Q9\" is geen periode", "\"2026-Q9\" is not a period", "nieuw bestand", "a new file"]),
            (peer(PeerProblem::MinN { theirs: 5, ours: 10 }), ["min_n = 5, lager dan de min_n = 10", "min_n = 5, below this analysis' min_n = 10", "min_n", "min_n"]),
            (peer(PeerProblem::Standard), ["andere standaardpopulatie", "another standard population", "[casemix] standard", "[casemix] standard"]),
            (peer(PeerProblem::Unknown { what: "theme \"x\"".into() }), ["theme \"x\" staat niet in het codeboek", "theme \"x\" is not in this analysis' codebook", "nieuw bestand", "a new file"]),
            (peer(PeerProblem::BelowMinN { vsv: "V".into(), period: "2026-Q3".into(), what: "theme t".into(), n: 4, min_n: 10 }), ["V, 2026-Q3, theme t: n = 4 is kleiner dan min_n = 10", "V, 2026-Q3, theme t: n = 4 is below min_n = 10", "nieuw bestand", "a new file"]),
            (peer(PeerProblem::Inconsistent { what: "top > n".into() }), ["niet kunnen kloppen: top > n", "cannot be right: top > n", "nieuw bestand", "a new file"]),
            (peer(PeerProblem::VsvTwice { vsv: "V".into(), other: "gedeeld/b.json".into() }), ["V staat ook in gedeeld/b.json", "V is also in gedeeld/b.json", "één keer", "count once"]),
            (peer(PeerProblem::VsvAlsoRaw { vsv: "V".into() }), ["V staat ook in de eigen exports", "V is also in this analysis' own exports", "één keer", "count once"]),
            (peer(PeerProblem::SmallRevision { vsv: "V".into(), period: "2026-Q2".into(), what: "theme t".into(), old: 57, new: 58 }), ["V, 2026-Q2, theme t: n was 57 en is nu 58", "V, 2026-Q2, theme t: n was 57 and is now 58", "--keep-history", "--keep-history"]),
            (peer(PeerProblem::NoFileMatches { pattern: "g/*.json".into() }), ["\"g/*.json\" vindt geen bestand", "\"g/*.json\" matches no file", "gedeeld/*.json", "gedeeld/*.json"]),
            (standard(StandardProblem::Value { row: 3, column: "leeftijd".into(), value: "27".into(), expected: StandardExpected::Age { bands: vec![25, 30] } }), ["rij 3, kolom leeftijd: \"27\"; verwacht een leeftijdsgrens van het codeboek (0, 25, 30)", "row 3, column leeftijd: \"27\"; expected an age bound of the codebook (0, 25, 30)", "pariteit (eerste, later, onbekend)", "columns pariteit"]),
            (standard(StandardProblem::Twice { row: 4 }), ["rij 4: deze pariteit en leeftijd", "row 4: this parity and age", "gewicht", "gewicht"]),
            (Error::Benchmark { path: "landelijk.csv".into(), problem: Box::new(StandardProblem::Value { row: 2, column: "gemiddelde".into(), value: "12".into(), expected: StandardExpected::Mean }) }, ["landelijk.csv: rij 2, kolom gemiddelde: \"12\"; verwacht een gemiddelde van 0 tot 10", "landelijk.csv: row 2, column gemiddelde: \"12\"; expected a mean from 0 to 10", "periode (2026-K3)", "periode (2026-Q3)"]),
            (standard(StandardProblem::NoWeight), ["geen enkel gewicht groter dan 0", "no weight above 0", "gewicht", "gewicht"]),
            (Error::Usage(UsageProblem::BadDate { date: "14-10".into() }), ["\"14-10\" is geen datum", "\"14-10\" is not a date", "--date 2026-10-14", "--date 2026-10-14"]),
            (source(SourceProblem::NameTwice), ["[[source]] #2 (fft): deze naam komt twee keer", "[[source]] #2 (fft): name is used twice", "eigen name", "its own name"]),
            (source(SourceProblem::NoFiles), ["#2 (fft): files is leeg", "#2 (fft): files is empty", "exports/*.csv", "exports/*.csv"]),
            (source(SourceProblem::HeaderRowZero), ["header_row = 0", "header_row = 0", "1 voor de eerste rij", "1 for the first row"]),
            (source(SourceProblem::NoDate), ["geen datum", "no date", "datumkolom", "date column"]),
            (source(SourceProblem::NoVsv), ["geen VSV", "no VSV", "VSV-kolom", "VSV column"]),
            (config(ConfigProblem::Target { theme: "t".into(), target: 11.0 }), ["[targets] t = 11", "[targets] t = 11", "bereikbaarheid = 8.0", "bereikbaarheid = 8.0"]),
            (config(ConfigProblem::UnknownTarget { theme: "t".into(), known: names(&["a", "b"]) }), ["[targets] t: dit thema bestaat niet; de codeboeken hebben: a, b", "[targets] t: no such theme; the codebooks have: a, b", "thema-id uit het codeboek", "theme id of the codebook"]),
            (config(ConfigProblem::BadGlob { source: "s".into(), pattern: "[".into(), error: "e".into() }), ["geen geldig patroon", "not a valid glob", "padpatroon", "path pattern"]),
            (config(ConfigProblem::ThemeInTwoCodebooks { theme: "t".into(), first: "a".into(), second: "b".into() }), ["codeboek a en in b", "codebook a and by b", "eigen id", "its own id"]),
            (config(ConfigProblem::TooManyItems), ["65.535", "65,535", "meer dan één prem.toml", "more than one prem.toml"]),
            (codebook(CodebookProblem::Toml(toml(2))), ["mijn.toml: regel 2", "mijn.toml: line 2", "ingebouwd codeboek", "built-in one"]),
            (codebook(CodebookProblem::NotFound { spec: "x.toml".into(), known: names(&["a"]) }), ["codeboek niet gevonden", "codebook not found", "relatief aan prem.toml", "relative to prem.toml"]),
            (codebook(CodebookProblem::NotBuiltIn { name: "nope".into(), known: names(&["a", "b"]) }), ["geen ingebouwd codeboek \"nope\"; er zijn: a, b", "no built-in codebook \"nope\"; there are: a, b", "`prem codebook list` toont", "`prem codebook list` lists"]),
            (scale(ScaleProblem::NeedsMinMax), ["[scales.vijf]: een numerieke schaal", "[scales.vijf]: a numeric scale", "werkende schalen", "working scales"]),
            (scale(ScaleProblem::MinNotBelowMax { min: 5.0, max: 1.0 }), ["min = 5 moet kleiner zijn dan max = 1", "min = 5 must be below max = 1", "werkende schalen", "working scales"]),
            (scale(ScaleProblem::TooFewLevels), ["minstens twee niveaus", "at least two levels", "werkende schalen", "working scales"]),
            (scale(ScaleProblem::UnknownLevel { level: "top".into() }), ["\"top\" is geen van de niveaus", "\"top\" is not one of the levels", "werkende schalen", "working scales"]),
            (scale(ScaleProblem::ScoresCount { scores: 3, levels: 4 }), ["scores heeft 3 waarden voor 4 niveaus", "scores has 3 values for 4 levels", "werkende schalen", "working scales"]),
            (codebook(CodebookProblem::ThemeTwice { id: "t".into() }), ["[[themes]] id = \"t\" komt twee keer voor", "[[themes]] id = \"t\" appears twice", "elk id één keer", "each id once"]),
            (codebook(CodebookProblem::ThemeImportance { id: "t".into(), value: 5.0 }), ["importance = 5; verwacht 1–4", "importance = 5; expected 1–4", "belangscore", "importance score"]),
            (codebook(CodebookProblem::ThemeNoItems { id: "t".into() }), ["geen enkel item", "no item belongs", "elk id één keer", "each id once"]),
            (codebook(CodebookProblem::ItemTwice { id: "i".into() }), ["[[items]] id = \"i\" komt twee keer", "[[items]] id = \"i\" appears twice", "elk id één keer", "each id once"]),
            (codebook(CodebookProblem::ItemScale { id: "i".into(), scale: "s".into() }), ["scale = \"s\" staat niet onder [scales]", "scale = \"s\" is not defined", "elk id één keer", "each id once"]),
            (codebook(CodebookProblem::ItemTheme { id: "i".into(), theme: "t".into() }), ["theme = \"t\" staat niet onder [[themes]]", "theme = \"t\" is not defined", "elk id één keer", "each id once"]),
            (codebook(CodebookProblem::ItemNoColumns { id: "i".into() }), ["columns is leeg", "columns is empty", "elk id één keer", "each id once"]),
            (codebook(CodebookProblem::OverallNotItem { key: "grade".into(), id: "x".into() }), ["[overall] grade = \"x\" is geen item-id", "[overall] grade = \"x\" is not an item id", "elk id één keer", "each id once"]),
            (input(InputProblem::UnsupportedType { ext: "pdf".into() }), ["bestandstype \".pdf\"", "file type \".pdf\"", "Opslaan als", "Save as"]),
            (input(InputProblem::NotCsv { line: Some(7), error: "e".into() }), ["regel 7: niet leesbaar als CSV: e", "line 7: not readable as CSV: e", "aanhalingsteken", "quote"]),
            (input(InputProblem::Empty), ["het bestand is leeg", "the file is empty", "enquêtesysteem", "survey system"]),
            (input(InputProblem::HeaderRowPastEnd { header_row: 4 }), ["minder dan 4 rijen", "fewer than 4 rows", "zet header_row", "set header_row"]),
            (input(InputProblem::NotSpreadsheet { error: "zip".into() }), ["niet leesbaar als spreadsheet: zip", "not readable as a spreadsheet: zip", "LibreOffice", "LibreOffice"]),
            (input(InputProblem::SheetNotFound { sheet: "Blad9".into(), sheets: names(&["Blad1", "Blad2"]) }), ["werkblad \"Blad9\" niet gevonden; de werkmap heeft: \"Blad1\", \"Blad2\"", "sheet \"Blad9\" not found; the workbook has: \"Blad1\", \"Blad2\"", "zet sheet", "set sheet"]),
            (input(InputProblem::NotSpss { error: "cut".into() }), ["niet leesbaar als SPSS-bestand: cut", "not readable as an SPSS file: cut", "PSPP", "PSPP"]),
            (input(InputProblem::NoSheets), ["geen werkbladen", "no sheets", "open de werkmap", "open the workbook"]),
            (input(InputProblem::SheetUnreadable { sheet: "B".into(), error: "e".into() }), ["werkblad \"B\": niet leesbaar", "sheet \"B\": not readable", "LibreOffice", "LibreOffice"]),
            (input(InputProblem::HeaderRowEmpty { sheet: "B".into(), header_row: 1, first: 3, last: 9 }), ["header_row = 1 is leeg; de gegevens staan in rij 3–9", "header_row = 1 holds nothing; the data span rows 3–9", "zet header_row", "set header_row"]),
            (input(InputProblem::NoFileMatches { pattern: "exports/*.ods".into(), source: "prem".into(), config: "regio/prem.toml".into(), nearby: None }), ["geen bestand past bij files = \"exports/*.ods\" van bron \"prem\" (paden zijn relatief aan regio/prem.toml)", "no file matches files = \"exports/*.ods\" of source \"prem\" (paths are relative to regio/prem.toml)", "niet aan de map waarin u prem start", "not to the folder you run prem in"]),
            (input(InputProblem::NoFileMatches { pattern: "export/*.csv".into(), source: "prem".into(), config: "prem.toml".into(), nearby: Some(Box::new(crate::error::Nearby { folder: "export".into(), exists: false, parent: ".".into(), entries: names(&["exports/"]) })) }), ["; de map export bestaat niet (in . staan de mappen: exports/)", "; the folder export does not exist (. has the folders: exports/)", "niet aan de map waarin u prem start", "not to the folder you run prem in"]),
            (input(InputProblem::NoFileMatches { pattern: "exports/*.ods".into(), source: "prem".into(), config: "prem.toml".into(), nearby: Some(Box::new(crate::error::Nearby { folder: "exports".into(), exists: true, parent: String::new(), entries: names(&["a.csv", "b.csv"]) })) }), ["; in exports staan: a.csv, b.csv", "; exports holds: a.csv, b.csv", "niet aan de map waarin u prem start", "not to the folder you run prem in"]),
            (input(InputProblem::MissingColumn { column: "Datum".into(), key: "date".into(), source: "prem".into(), headers: names(&["A", "B"]) }), ["kolom \"Datum\" ([source.columns] date van bron \"prem\") staat niet in de kopregel; de kopregel heeft: \"A\", \"B\"", "column \"Datum\" ([source.columns] date of source \"prem\") is not in the header; the header has: \"A\", \"B\"", "onder [source.columns]", "under [source.columns]"]),
            (input(InputProblem::MissingNamedColumn { column: "Eenheid".into(), headers: names(&["unit"]) }), ["kolom \"Eenheid\" staat niet in de kopregel", "column \"Eenheid\" is not in the header", "eerste rij van het bestand", "first row of the file"]),
            (input(InputProblem::NoItemColumns { codebook: "cb".into(), expected: names(&["V1", "V2"]), headers: names(&["A"]) }), ["codeboek \"cb\" staat in de kopregel (verwacht bijv. \"V1\", \"V2\")", "codebook \"cb\" is in the header (expected e.g. \"V1\", \"V2\")", "het codeboek dat bij deze export hoort", "the codebook in prem.toml that fits"]),
            (input(InputProblem::NotADate { row: 4, column: "Datum".into(), value: "gisteren".into() }), ["rij 4, kolom \"Datum\": \"gisteren\" is geen datum", "row 4, column \"Datum\": \"gisteren\" is not a date", "laat --date weg", "leave --date out"]),
            (input(InputProblem::NoValues { column: "noemer".into() }), ["getallen in kolom \"noemer\"", "numbers in column \"noemer\"", "kies een kolom met getallen", "choose a column that holds numbers"]),
            (input(InputProblem::NoUsableRows { reasons: vec![] }), ["geen bruikbare rijen in de exports", "no usable rows in any export", "`prem validate`", "`prem validate`"]),
            (Error::Export { path: "a.csv".into(), problem: Box::new(ExportProblem::HeaderOnly { row: 1 }) }, ["alleen een kopregel (rij 1)", "only a header (row 1)", "exporteer opnieuw met de antwoorden", "export again with the answers"]),
            (Error::Export { path: "a.csv".into(), problem: Box::new(ExportProblem::DuplicateColumn { row: 1, column: "VSV".into(), positions: vec![1, 2], used_by: ColumnUse::Named }) }, ["kolom \"VSV\" staat 2 keer in de kopregel (rij 1, kolommen 1 (A) en 2 (B)); prem gebruikt", "column \"VSV\" appears 2 times in the header (row 1, columns 1 (A) and 2 (B)); prem uses", "een eigen naam", "its own name"]),
            (actions(ActionProblem::Unreadable(InputProblem::Empty)), ["acties.csv: het bestand is leeg", "acties.csv: the file is empty", "actieregister acties.csv is een CSV", "actions register acties.csv is a CSV"]),
            (actions(ActionProblem::MissingColumn { column: "owner".into(), headers: names(&["id"]) }), ["kolom \"owner\" staat niet in de kopregel", "column \"owner\" is not in the header", "owner, start, due, horizon en status", "owner, start, due, horizon and status"]),
            (actions(ActionProblem::Ambiguous(ExportProblem::DuplicateColumn { row: 1, column: "vsv".into(), positions: vec![2, 3], used_by: ColumnUse::Named })), ["kolom \"vsv\" staat 2 keer", "column \"vsv\" appears 2 times", "actieregister acties.csv", "actions register acties.csv"]),
            (value(ActionExpected::Text), ["rij 3, kolom \"x\": \"?\" — verwacht een tekst", "row 3, column \"x\": \"?\" — expected some text", "bij elke actie id en action", "id and action for every action in acties.csv"]),
            (value(ActionExpected::Date), ["verwacht een datum zoals 21-01-2026", "expected a date such as 2026-01-21", "datums in acties.csv", "dates in acties.csv"]),
            (value(ActionExpected::Horizon), ["verwacht 30 dagen, 90 dagen of jaar", "expected 30 days, 90 days or year", "horizon 30 dagen", "under horizon in acties.csv"]),
            (value(ActionExpected::Status), ["verwacht gepland, lopend of afgerond", "expected planned, running or done", "status gepland", "under status in acties.csv"]),
            (value(ActionExpected::Theme { known: names(&["a", "b"]) }), ["een thema-id uit de codeboeken: a, b", "a theme id from the codebooks: a, b", "bij theme een thema-id", "under theme in acties.csv"]),
            (participation(ActionExpected::Form), ["rij 3, kolom \"x\": \"?\" — verwacht een vorm: vragenlijst, spiegelgesprek", "row 3, column \"x\": \"?\" — expected a form: vragenlijst, spiegelgesprek", "bij vorm in participatie.csv", "under vorm in participatie.csv"]),
            (participation(ActionExpected::Level), ["een trede van de participatieladder: informeren", "a step of the participatieladder: informeren", "bij niveau in participatie.csv", "under niveau in participatie.csv"]),
            (participation(ActionExpected::Count), ["een heel aantal cliënten", "a whole number of clients", "bij deelnemers in participatie.csv", "under deelnemers in participatie.csv"]),
            (participation(ActionExpected::ActionId { known: names(&["A1", "A2"]) }), ["ids uit het actieregister: A1, A2", "ids in the actions register: A1, A2", "bij actie in participatie.csv", "under actie in participatie.csv"]),
            (participation(ActionExpected::UniqueId), ["een id dat nog niet eerder voorkomt", "an id no earlier row has", "eigen id", "own id"]),
            (participation(ActionExpected::AfterDate { date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() }), ["een datum op of na 01-03-2026", "a date on or after 01-03-2026", "datums in participatie.csv", "dates in participatie.csv"]),
            (participation(ActionExpected::Text), ["verwacht een tekst", "expected some text", "id en opbrengst in", "fill in id and opbrengst"]),
            (value(ActionExpected::Vsv { known: names(&["VSV A"]) }), ["een VSV uit de gegevens (VSV A)", "a VSV in the data (VSV A)", "bij vsv de VSV", "under vsv in acties.csv"]),
            (Error::Strict { count: 3 }, ["3 waarde(n) konden niet gebruikt worden", "3 value(s) could not be used", "zonder --strict", "without --strict"]),
            (Error::Usage(UsageProblem::BadPeriod { period: "K3".into() }), ["--period K3: verwacht bijv. 2026-K3", "--period K3: expected e.g. 2026-Q3", "laatste periode in de gegevens", "latest period in the data"]),
            (Error::Usage(UsageProblem::PeriodKind { period: q3, kind: PeriodKind::Month }), ["--period 2026-Q3 past niet bij [analysis] period = \"month\"", "--period 2026-Q3 does not match [analysis] period = \"month\"", "pas [analysis] period aan", "change [analysis] period"]),
            (Error::Usage(UsageProblem::NoDataForPeriod { period: q3, periods: vec![q2] }), ["geen gegevens voor periode 2026-Q3; de gegevens beslaan: 2026-Q2", "no data for period 2026-Q3; the data cover: 2026-Q2", "genoemde periodes", "periods named"]),
            (Error::Usage(UsageProblem::UnknownVsv { vsv: "X".into(), known: names(&["A", "B"]) }), ["--vsv \"X\": deze VSV staat niet in de gegevens; wel: A, B", "--vsv \"X\": no such VSV in the data; the data have: A, B", "laat --vsv weg", "leave --vsv out"]),
            (Error::Output { path: "tables/scores.xlsx".into(), message: "zip error".into() }, ["tables/scores.xlsx: zip error", "tables/scores.xlsx: zip error", "schijf", "disk"]),
            (Error::OutsideFolder { path: "../x".into() }, ["pad buiten de rapportmap", "outside the report folder", "namen van de VSV's en thema's", "names of the VSVs and themes"]),
            (Error::Ledger { path: ".publicaties.csv".into(), line: 3, value: "x".into() }, ["regel 3 (\"x\") is niet zoals prem hem schreef", "line 3 (\"x\") is not as prem wrote it", "back-up", "backup"]),
            (Error::WrittenTwice { path: "a.md".into() }, ["twee keer geschreven", "written twice", "twee namen", "two names"]),
            (Error::WorkWouldBeLost { dir: "r".into(), conflicts: vec![], unrecorded: true }, ["r: deze run zou 0 bestand(en)", "r: this run would overwrite or remove 0 file(s)", "--force", "--force"]),
        ]
    }

    /// Every kind of error has a message and a hint of its own, in Dutch and in English.
    #[test]
    fn every_error_kind_is_told_in_both_languages_with_its_own_hint() {
        for (e, [nl, en, nl_hint, en_hint]) in every_kind() {
            let d = describe(&e, Language::Nl);
            let g = describe(&e, Language::En);
            assert!(d.message.contains(nl), "{e:?}\n{}", d.message);
            assert!(g.message.contains(en), "{e:?}\n{}", g.message);
            assert_eq!(e.to_string(), g.message, "Display is the English message");
            let (Some(h), Some(i)) = (&d.hint, &g.hint) else {
                panic!("{e:?}: no hint");
            };
            assert!(h.contains(nl_hint), "{e:?}\n{h}");
            assert!(i.contains(en_hint), "{e:?}\n{i}");
            assert_ne!(h, i, "{e:?}: the hint is not translated");
        }
    }

    /// An error about the actions register points at the register, never at prem.toml; an
    /// error about an export's columns points at prem.toml.
    #[test]
    fn each_hint_points_at_the_file_to_fix() {
        for (e, _) in every_kind() {
            let hint = describe(&e, Language::En).hint.unwrap_or_default();
            match &e {
                Error::Actions { .. } => {
                    assert!(hint.contains("acties.csv"), "{hint}");
                    assert!(!hint.contains("prem.toml"), "{hint}");
                }
                Error::Participation { .. } => {
                    assert!(hint.contains("participatie.csv"), "{hint}");
                    assert!(!hint.contains("prem.toml"), "{hint}");
                }
                Error::Input {
                    problem: InputProblem::MissingColumn { .. },
                    ..
                } => assert!(hint.contains("[source.columns]"), "{hint}"),
                Error::Codebook { .. } => assert!(hint.contains("codebook"), "{hint}"),
                _ => {}
            }
        }
    }

    #[test]
    fn an_internal_error_asks_for_a_bug_report_and_has_no_hint() {
        let e = Error::DisclosureAudit {
            path: "prem.toml".into(),
            count: 2,
            min_n: 10,
            first: AuditFinding {
                period: Period::parse("2026-Q3").unwrap(),
                names: vec!["VSV A".into(), "bejegening".into()],
                problem: AuditProblem::Isolates(3),
            },
        };
        let d = describe(&e, Language::Nl);
        assert_eq!(d.hint, None);
        assert!(d.message.starts_with("prem.toml: interne fout: de privacycontrole vond 2 getal(len) die een groep kleiner dan 10"));
        assert!(d.message.contains("(eerste: 2026-Q3, VSV A, bejegening: getoonde cellen van een getoond totaal aftrekken laat 3 cliënt(en) over)"), "{}", d.message);
    }

    #[test]
    fn no_usable_rows_lists_each_reason_with_its_first_entry() {
        let issue = |row, column: Option<&str>, value: ShownValue, problem| Issue {
            source: "prem".into(),
            file: "exports/a.csv".into(),
            row: Some(row),
            column: column.map(String::from),
            value,
            problem,
            expected: Expected::Nothing,
        };
        let reasons = vec![
            Reason {
                problem: Problem::BadDate,
                count: 2,
                first: Some(issue(
                    2,
                    Some("Datum"),
                    ShownValue::Code("31-02-2026".into()),
                    Problem::BadDate,
                )),
            },
            Reason {
                problem: Problem::UnknownAge,
                count: 1,
                first: Some(issue(
                    3,
                    Some("Leeftijd"),
                    ShownValue::FreeText(20),
                    Problem::UnknownAge,
                )),
            },
            Reason {
                problem: Problem::EmptyRow,
                count: 1,
                first: Some(issue(
                    4,
                    None,
                    ShownValue::Code(String::new()),
                    Problem::EmptyRow,
                )),
            },
        ];
        let e = Error::input(
            PathBuf::from("prem.toml"),
            InputProblem::NoUsableRows { reasons },
        );
        assert_eq!(
            describe(&e, Language::Nl).message,
            "prem.toml: geen bruikbare rijen in de exports; waarom de rijen niet gebruikt zijn:\n  \
             2× datum onleesbaar (rij niet gebruikt) — exports/a.csv:2 [Datum] \"31-02-2026\"\n  \
             1× leeftijd niet herkend (telt als onbekend) — exports/a.csv:3 [Leeftijd] \"tekst van 20 tekens\"\n  \
             1× lege rij (overgeslagen) — exports/a.csv:4"
        );
    }

    #[test]
    fn a_long_header_is_cut_after_twelve_names() {
        let many: Vec<String> = (1..=15).map(|i| format!("K{i}")).collect();
        let e = input(InputProblem::MissingNamedColumn {
            column: "X".into(),
            headers: many,
        });
        assert!(describe(&e, Language::Nl)
            .message
            .ends_with("\"K12\" … en nog 3"));
        assert!(describe(&e, Language::En)
            .message
            .ends_with("\"K12\" … and 3"));
    }

    #[test]
    fn columns_are_named_as_a_spreadsheet_does() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn lost_work_names_ten_files_and_counts_the_rest() {
        let conflicts: Vec<Conflict> = (0..13)
            .map(|i| Conflict {
                path: format!("vsv-{i:02}/agenda.md"),
                change: if i == 0 {
                    Change::Added
                } else {
                    Change::Edited
                },
            })
            .collect();
        let e = Error::WorkWouldBeLost {
            dir: "reports/2026-Q3".into(),
            conflicts,
            unrecorded: false,
        };
        let d = describe(&e, Language::Nl);
        let text = d.message;
        assert!(
            text.starts_with("reports/2026-Q3: deze run zou 13 bestand(en)"),
            "{text}"
        );
        assert!(text.contains("\n  vsv-00/agenda.md (toegevoegd)\n  vsv-01/agenda.md (gewijzigd)"));
        assert!(text.contains("vsv-09/agenda.md") && !text.contains("vsv-10/agenda.md"));
        assert!(text.ends_with("\n  … en 3 meer"), "{text}");
        assert!(d.hint.is_some_and(|h| h.contains("--force")));
    }
}
