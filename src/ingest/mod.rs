//! Ingest: exports + prem.toml + codebooks → canonical tables and a data-quality report.
//!
//! Fatal (the run stops, [`Error`](crate::error::Error)): a glob matching nothing, an unreadable or empty file,
//! a file with a header and no data, a wrong sheet, a configured column missing, a column
//! name that the config or codebook uses appearing twice, no item column of the codebook.
//! Everything value-level (unknown label, out-of-range answer, unreadable date, duplicate
//! respondent) becomes an [`Issue`](crate::error::row::Issue) with file, row and column while the run goes on.
//!
//! Layouts: *long* (a care-type column, one row per respondent × care type), *wide* (one row
//! per respondent, item columns repeated with the codebook's care-type prefixes) and *flat*
//! (no care types, e.g. a local enquête).
//!
//! The steps, one file each: [`plan`] (items and scales of all codebooks), [`columns`]
//! (where a file's columns are), [`rows`] (one file's rows), [`merge`] (all files in
//! order); [`files`] finds the files, [`table`] reads a small table the same way.

mod answer;
mod canonical;
mod columns;
pub mod files;
mod merge;
mod plan;
pub mod quality;
pub(crate) mod read;
mod rows;
pub(crate) mod spss;
pub mod table;
pub mod value;

use rayon::prelude::*;

pub use answer::{Reading, ScaleReader, ScaledAnswer};
pub use canonical::{
    Answer, Canonical, Comment, InputFile, ItemRef, ItemRole, Names, Respondent, Side, SourceData,
    ThemeRef,
};

use crate::config::codebook::Codebook;
use crate::config::Config;
use crate::error::Result;
use crate::ingest::quality::SourceCounts;
use files::expand_globs;
use merge::{Built, Decided, Merger};
use plan::CodebookPlan;
use rows::{read_file, FileData};

/// Reads every source of `config` with its codebook (`codebooks[i]` for source `i`).
pub fn ingest(config: &Config, codebooks: &[Codebook]) -> Result<Canonical> {
    let mut canonical = Canonical::default();
    let plan = CodebookPlan::new(config, codebooks)?;
    canonical.themes = plan.themes.clone();
    canonical.items = plan.items.clone();

    let mut jobs = Vec::new();
    for (s, source) in config.sources.iter().enumerate() {
        for path in expand_globs(config, source)? {
            jobs.push((s, path));
        }
    }
    let results: Vec<Result<FileData>> = jobs
        .par_iter()
        .map(|(s, path)| read_file(config, &plan, *s, path))
        .collect();

    for (s, source) in config.sources.iter().enumerate() {
        canonical.sources.push(SourceData {
            name: source.name.clone(),
            codebook: codebooks[s].clone(),
            participation: source.participation,
            files: Vec::new(),
        });
        canonical
            .quality
            .counts
            .insert(source.name.clone(), SourceCounts::default());
    }
    // A config of peers only: one source without files per codebook, so themes and items
    // have a source, and the peers' response counts one to count in.
    if config.sources.is_empty() {
        for cb in codebooks {
            canonical.sources.push(SourceData {
                name: cb.name.clone(),
                codebook: cb.clone(),
                participation: None,
                files: Vec::new(),
            });
        }
    }
    let mut merger = Merger::new(
        config
            .sources
            .iter()
            .map(|s| s.rows_per_respondent == crate::config::RowsPerRespondent::Many)
            .collect(),
    );
    let results: Vec<FileData> = results.into_iter().collect::<Result<_>>()?;
    // Decide in file order (duplicates, keys, names), then build the rows and answers of
    // all files in parallel and append them in order.
    let decided: Vec<Decided> = results
        .into_iter()
        .map(|r| merger.decide(&mut canonical, r))
        .collect();
    let built: Vec<Built> = decided.into_par_iter().map(Decided::build).collect();
    canonical
        .respondents
        .reserve(built.iter().map(|b| b.0.len()).sum());
    canonical
        .answers
        .reserve(built.iter().map(|b| b.1.len()).sum());
    for (rows, answers, comments) in built {
        canonical.respondents.extend(rows);
        canonical.answers.extend(answers);
        canonical.comments.extend(comments);
    }
    // A signal on one row of a respondent keeps every row of hers from quotes (the other
    // care types of a long export, the other comment rows of an FFT export). Comments of
    // a merged row went to an earlier row, so the order by row is restored.
    canonical.comments.sort_by_key(|c| c.row);
    for c in &mut canonical.comments {
        c.blocked = canonical
            .respondents
            .get(c.row as usize)
            .is_some_and(|r| merger.blocked.contains(&(r.source as usize, r.key)));
    }
    for (s, source) in config.sources.iter().enumerate() {
        let n = merger.keys_per_source.get(&s).copied().unwrap_or(0);
        if let Some(c) = canonical.quality.counts.get_mut(&source.name) {
            c.respondents = n;
        }
    }
    Ok(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::row::{Expected, Problem, ShownValue};
    use crate::error::{ColumnUse, Error, ExportProblem};
    use crate::ingest::value::Parity;
    use crate::period::Period;
    use crate::text::safeguarding::Category;
    use std::path::Path;

    const TOML: &str = r#"
[analysis]
name = "T"
language = "en"

[[source]]
name = "prem"
files = ["exports/*"]
codebook = "prem-geboortezorg"
[source.columns]
vsv = "VSV"
care_type = "Zorgsoort"
date = "Datum"
"#;

    const HEADER: &str = "VSV;Zorgsoort;Datum;Informatievoorziening;Verbeterpunten\n";
    const ROW: &str = "VSV A;Kraamzorg;15-07-2026;8;\n";

    /// Writes prem.toml and `files` under exports/ in a scratch folder and ingests them.
    fn ingest_files(files: &[(&str, Vec<u8>)]) -> Result<Canonical> {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("prem.toml"), TOML).unwrap();
        std::fs::create_dir(tmp.path().join("exports")).unwrap();
        for (name, bytes) in files {
            std::fs::write(tmp.path().join("exports").join(name), bytes).unwrap();
        }
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("prem-geboortezorg", config.dir()).unwrap();
        ingest(&config, &[cb])
    }

    /// An xlsx workbook of one sheet holding `rows` as text.
    fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    fn good() -> (&'static str, Vec<u8>) {
        ("a.csv", format!("{HEADER}{ROW}").into_bytes())
    }

    const MINI_CODEBOOK: &str = r#"
name = "mini"
title = "Mini"
[scales.cijfer]
type = "numeric"
min = 1
max = 10
positive_min = 9
problem_max = 5
missing = ["n.v.t.", "weet niet"]
[[themes]]
id = "info"
label = "Informatie"
[[items]]
id = "info"
theme = "info"
columns = ["Info"]
scale = "cijfer"
[open]
improvement = ["Verbeter"]
"#;

    const MINI_TOML: &str = r#"
[analysis]
name = "T"
[[source]]
name = "prem"
files = ["exports/*"]
codebook = "mini.toml"
[source.columns]
respondent = "Nr"
vsv = "VSV"
care_type = "Zorgsoort"
date = "Datum"
parity = "Eerste kind"
age = "Leeftijd"
"#;

    const MINI_HEADER: &str = "Nr;VSV;Zorgsoort;Datum;Eerste kind;Leeftijd;Info;Verbeter\n";

    /// Ingests `body` (the rows after [`MINI_HEADER`], as bytes) as exports/a.csv.
    fn ingest_mini(body: &[u8]) -> Canonical {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("prem.toml"), MINI_TOML).unwrap();
        std::fs::write(tmp.path().join("mini.toml"), MINI_CODEBOOK).unwrap();
        std::fs::create_dir(tmp.path().join("exports")).unwrap();
        let mut bytes = MINI_HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(body);
        std::fs::write(tmp.path().join("exports/a.csv"), bytes).unwrap();
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("mini.toml", config.dir()).unwrap();
        ingest(&config, &[cb]).unwrap()
    }

    /// A canonical row as the table below writes it: VSV, care type, date, parity, age
    /// band, improvement text and answer values.
    type Kept = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<Parity>,
        Option<u8>,
        Option<&'static str>,
        Vec<f32>,
    );

    /// A data-quality entry: row, column, value, problem, expected.
    type QualityEntry = (
        Option<usize>,
        Option<&'static str>,
        ShownValue,
        Problem,
        Expected,
    );

    /// [`Kept`] as ingest holds it.
    type KeptOwned = (
        String,
        Option<String>,
        String,
        Option<Parity>,
        Option<u8>,
        Option<String>,
        Vec<f32>,
    );

    /// One case of the table: what it shows, the export's rows, what is kept, what is
    /// reported.
    type Case = (&'static str, Vec<u8>, Vec<Kept>, Vec<QualityEntry>);

    fn kept(c: &Canonical) -> Vec<KeptOwned> {
        c.respondents
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let answers = c
                    .answers
                    .iter()
                    .filter(|a| a.row as usize == i)
                    .map(|a| a.value)
                    .collect();
                (
                    c.names.get(r.vsv).to_string(),
                    r.care_type.map(|id| c.names.get(id).to_string()),
                    r.date.to_string(),
                    r.parity,
                    r.age_band,
                    c.comments
                        .iter()
                        .find(|t| t.row as usize == i && t.side == Some(Side::Improvement))
                        .map(|t| t.text.clone()),
                    answers,
                )
            })
            .collect()
    }

    /// Odd rows, one export each: what ingest keeps of them (canonical rows) and what it
    /// reports (data-quality entries), exactly.
    #[test]
    fn odd_rows_become_canonical_rows_and_data_quality_entries() {
        let code = |v: &str| ShownValue::Code(v.into());
        let none = || code("");
        let day_first = Expected::Date { month_first: false };
        let good: Kept = (
            "VSV A",
            Some("Kraamzorg"),
            "2026-07-15",
            Some(Parity::First),
            Some(2),
            None,
            vec![8.0],
        );
        let cases: Vec<Case> = vec![
            ("a good row", b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(), vec![good.clone()], vec![]),
            (
                "empty respondent ids: each row its own respondent",
                b";VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![good.clone(), good.clone()],
                vec![],
            ),
            (
                "unreadable date: row left out",
                b"R1;VSV A;Kraamzorg;31-02-2026;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("Datum"), code("31-02-2026"), Problem::BadDate, day_first.clone())],
            ),
            (
                "no date",
                b"R1;VSV A;Kraamzorg;;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("Datum"), none(), Problem::MissingDate, day_first.clone())],
            ),
            (
                "answer out of range, nothing else: value and row left out",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;11;\n".to_vec(),
                vec![],
                vec![
                    (Some(2), Some("Info"), code("11"), Problem::OutOfRange, Expected::Literal("1–10".into())),
                    (Some(2), None, none(), Problem::NoAnswers, Expected::Nothing),
                ],
            ),
            (
                "unknown answer next to an open text: the row stays, without the value",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;goed;De uitleg was te kort\n".to_vec(),
                vec![("VSV A", Some("Kraamzorg"), "2026-07-15", Some(Parity::First), Some(2), Some("De uitleg was te kort"), vec![])],
                vec![(Some(2), Some("Info"), code("goed"), Problem::UnknownAnswer, Expected::Literal("1–10".into()))],
            ),
            (
                "missing code: no answer, no entry",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;weet niet;De uitleg was te kort\n".to_vec(),
                vec![("VSV A", Some("Kraamzorg"), "2026-07-15", Some(Parity::First), Some(2), Some("De uitleg was te kort"), vec![])],
                vec![],
            ),
            (
                "duplicated respondent: counted once, the entry points at the first copy",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\nR1;VSV A;Kraamzorg;16-07-2026;Ja;31;6;\n".to_vec(),
                vec![good.clone()],
                vec![(
                    Some(3),
                    None,
                    none(),
                    Problem::DuplicateRespondent,
                    Expected::FirstCopy { file: "exports/a.csv".into(), row: 2 },
                )],
            ),
            (
                "the same id in another care type is the same person, not a duplicate",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\nR1;VSV A;Ziekenhuis;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![good.clone(), ("VSV A", Some("Ziekenhuis"), "2026-07-15", Some(Parity::First), Some(2), None, vec![8.0])],
                vec![],
            ),
            (
                "care type with blanks around it: trimmed",
                b"R1;VSV A;  Kraamzorg ;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![good.clone()],
                vec![],
            ),
            (
                "no care type in a long export: row left out",
                b"R1;VSV A;;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("Zorgsoort"), none(), Problem::MissingCareType, Expected::Nothing)],
            ),
            (
                "no VSV: row left out",
                b"R1;;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![],
                vec![(Some(2), Some("VSV"), none(), Problem::MissingVsv, Expected::Nothing)],
            ),
            (
                "Windows-1252 text (a Dutch Excel's CSV)",
                b"R1;VSV \xc9\xe9n;Kraamzorg;15-07-2026;Ja;31;8;\n".to_vec(),
                vec![("VSV Één", Some("Kraamzorg"), "2026-07-15", Some(Parity::First), Some(2), None, vec![8.0])],
                vec![],
            ),
            (
                "parity not recognised, age as free text: unknown, the text not repeated",
                b"R1;VSV A;Kraamzorg;15-07-2026;misschien;38 (geb. 12-03-1987);8;\n".to_vec(),
                vec![("VSV A", Some("Kraamzorg"), "2026-07-15", None, None, None, vec![8.0])],
                vec![
                    (Some(2), Some("Eerste kind"), code("misschien"), Problem::UnknownParity, Expected::Parity),
                    (Some(2), Some("Leeftijd"), ShownValue::FreeText(20), Problem::UnknownAge, Expected::Age),
                ],
            ),
            (
                "a filled field past the header: row left out",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;;extra\n".to_vec(),
                vec![],
                vec![(Some(2), None, code("9"), Problem::RowWidth, Expected::Fields(8))],
            ),
            (
                "a short row: read with the missing fields empty",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8\n".to_vec(),
                vec![good.clone()],
                vec![(Some(2), None, code("7"), Problem::ShortRow, Expected::Fields(8))],
            ),
            (
                "an empty row between rows: skipped",
                b"R1;VSV A;Kraamzorg;15-07-2026;Ja;31;8;\n;;;;;;;\n".to_vec(),
                vec![good.clone()],
                vec![(Some(3), None, none(), Problem::EmptyRow, Expected::Nothing)],
            ),
            (
                "05-06-2026 in a file without month-first dates: day first",
                b"R1;VSV A;Kraamzorg;05-06-2026;Ja;31;8;\nR2;VSV A;Kraamzorg;20-06-2026;Ja;31;8;\n".to_vec(),
                vec![
                    ("VSV A", Some("Kraamzorg"), "2026-06-05", Some(Parity::First), Some(2), None, vec![8.0]),
                    ("VSV A", Some("Kraamzorg"), "2026-06-20", Some(Parity::First), Some(2), None, vec![8.0]),
                ],
                vec![],
            ),
            (
                "05-06-2026 in a file that writes both orders: left out, date_order asked for",
                b"R1;VSV A;Kraamzorg;05-06-2026;Ja;31;8;\nR2;VSV A;Kraamzorg;20-06-2026;Ja;31;8;\nR3;VSV A;Kraamzorg;06/20/2026;Ja;31;8;\n".to_vec(),
                vec![
                    ("VSV A", Some("Kraamzorg"), "2026-06-20", Some(Parity::First), Some(2), None, vec![8.0]),
                    ("VSV A", Some("Kraamzorg"), "2026-06-20", Some(Parity::First), Some(2), None, vec![8.0]),
                ],
                vec![(Some(2), Some("Datum"), code("05-06-2026"), Problem::AmbiguousDate, Expected::DateOrder)],
            ),
        ];
        for (name, body, rows, entries) in cases {
            let c = ingest_mini(&body);
            let want: Vec<_> = rows
                .into_iter()
                .map(|(v, ct, d, p, a, i, ans)| {
                    (
                        v.to_string(),
                        ct.map(String::from),
                        d.to_string(),
                        p,
                        a,
                        i.map(String::from),
                        ans,
                    )
                })
                .collect();
            assert_eq!(kept(&c), want, "{name}: rows");
            let got: Vec<_> = c
                .quality
                .issues
                .iter()
                .map(|i| {
                    assert_eq!(
                        (i.source.as_str(), i.file.as_str()),
                        ("prem", "exports/a.csv")
                    );
                    (
                        i.row,
                        i.column.clone(),
                        i.value.clone(),
                        i.problem,
                        i.expected.clone(),
                    )
                })
                .collect();
            let want: Vec<_> = entries
                .into_iter()
                .map(|(r, col, v, p, e)| (r, col.map(String::from), v, p, e))
                .collect();
            assert_eq!(got, want, "{name}: data-quality entries");
        }
    }

    #[test]
    fn counts_and_format_follow_the_rows() {
        let c = ingest_mini(b"R1;VSV \xc9\xe9n;Kraamzorg;15-07-2026;Ja;31;weet niet;Te kort\nR2;VSV A;Kraamzorg;31-02-2026;;;8;\nR3;VSV A;Kraamzorg;15-07-2026;;;goed;\n");
        let counts = &c.quality.counts["prem"];
        assert_eq!(
            (
                counts.files,
                counts.rows,
                counts.rows_used,
                counts.respondents
            ),
            (1, 3, 1, 1)
        );
        assert_eq!((counts.missing_codes, counts.values_rejected), (1, 1));
        assert_eq!(c.sources[0].files[0].format, "Windows-1252, ';'");
        assert_eq!(c.sources[0].files[0].layout, "long");
    }

    /// Regression: a header without rows passed silently (next to other files) or ended in
    /// "no usable rows" naming prem.toml, not the file.
    #[test]
    fn a_header_without_rows_is_an_error_naming_the_file() {
        let header: Vec<&str> = HEADER.trim_end().split(';').collect();
        let cases = [
            ("b.csv", HEADER.as_bytes().to_vec()),
            ("b.csv", format!("sep=;\r\n{HEADER};;;;\n\n").into_bytes()),
            ("b.xlsx", xlsx(&[&header])),
            ("b.xlsx", xlsx(&[&header, &["", " "]])),
        ];
        for (name, bytes) in cases {
            let Err(e) = ingest_files(&[good(), (name, bytes)]) else {
                panic!("{name}: no error");
            };
            assert!(e.to_string().contains(name), "{e}");
            assert!(e.to_string().contains("only a header (row 1)"), "{e}");
            let Error::Export { problem, .. } = &e else {
                panic!("{e:?}");
            };
            assert_eq!(**problem, ExportProblem::HeaderOnly { row: 1 });
        }
        // Alone, too.
        let Err(e) = ingest_files(&[("b.csv", HEADER.as_bytes().to_vec())]) else {
            panic!("no error");
        };
        assert!(e.to_string().contains("b.csv"), "{e}");
    }

    /// Regression: two columns with a name the config or codebook uses were accepted, and
    /// the first silently won.
    #[test]
    fn a_used_column_name_twice_is_an_error_naming_it() {
        let cases = [
            ("VSV;VSV;Zorgsoort;Datum;Informatievoorziening\n", "VSV"),
            (
                "VSV;Zorgsoort;Datum;Informatievoorziening;informatievoorziening \n",
                "Informatievoorziening",
            ),
            (
                "VSV;Zorgsoort;Datum;Informatievoorziening;Verbeterpunten;Verbeterpunten\n",
                "Verbeterpunten",
            ),
        ];
        for (header, column) in cases {
            let text = format!("{header}VSV A;Kraamzorg;15-07-2026;8;7;\n");
            let Err(e) = ingest_files(&[good(), ("b.csv", text.into_bytes())]) else {
                panic!("{header}: no error");
            };
            let message = e.to_string();
            assert!(message.contains("b.csv"), "{message}");
            assert!(message.contains(&format!("\"{column}\"")), "{message}");
            assert!(matches!(&e, Error::Export { .. }), "{e:?}");
        }
        let book = xlsx(&[
            &[
                "VSV",
                "Zorgsoort",
                "Datum",
                "Datum",
                "Informatievoorziening",
            ],
            &["VSV A", "Kraamzorg", "15-07-2026", "16-07-2026", "8"],
        ]);
        let Err(e) = ingest_files(&[("b.xlsx", book)]) else {
            panic!("no error");
        };
        let Error::Export { problem, .. } = &e else {
            panic!("{e:?}");
        };
        assert_eq!(
            **problem,
            ExportProblem::DuplicateColumn {
                row: 1,
                column: "Datum".into(),
                positions: vec![3, 4],
                used_by: ColumnUse::Field { key: "date".into() },
            }
        );
        assert!(
            e.to_string()
                .contains("column \"Datum\" appears 2 times in the header (row 1, columns 3 (C) and 4 (D)); [source.columns] date uses that name"),
            "{e}"
        );
    }

    /// Names nobody asks for may repeat (empty headers of trailing delimiters, a second
    /// "V2" when the item reads "Informatievoorziening"): they change nothing.
    #[test]
    fn unused_column_names_may_repeat() {
        let text = "VSV;Zorgsoort;Datum;Informatievoorziening;V2;V2;Opmerking;Opmerking;;\n\
                    VSV A;Kraamzorg;15-07-2026;8;1;2;x;y;;\n";
        let c = ingest_files(&[("b.csv", text.as_bytes().to_vec())]).unwrap();
        assert_eq!(c.answers.len(), 1);
        assert_eq!(c.answers[0].value, 8.0);
    }

    const FFT_CODEBOOK: &str = r#"
name = "fft"
title = "FFT"
[scales.fft]
type = "ordinal"
levels = ["very poor", "poor", "neither good nor poor", "good", "very good"]
missing = ["6", "7"]
[[themes]]
id = "experience"
label = "Overall experience"
[[items]]
id = "fft"
theme = "experience"
columns = ["FFT categorical answer"]
scale = "fft"
reverse = true
[open]
safeguarding = ["Safeguarding concerns?"]
"#;

    /// The NHS FFT excerpt (one free-text column for every comment) with `edit` applied,
    /// ingested with `open_extra` added to the codebook's `[open]` (which names the
    /// safeguarding column).
    fn fft(edit: impl Fn(String) -> String, open_extra: &str) -> Canonical {
        let tmp = tempfile::tempdir().unwrap();
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/nhs-fft/fft_excerpt.csv");
        let text = edit(std::fs::read_to_string(fixture).unwrap());
        std::fs::write(tmp.path().join("fft.csv"), text).unwrap();
        let toml = "[analysis]\nname = \"FFT\"\nlanguage = \"en\"\n[[source]]\nname = \"fft\"\n\
                    files = [\"fft.csv\"]\ncodebook = \"fft.toml\"\n\
                    [source.columns]\nrespondent = \"Comment ID\"\nvsv = \"Trust\"\ndate = \"Date\"\n";
        std::fs::write(tmp.path().join("prem.toml"), toml).unwrap();
        std::fs::write(
            tmp.path().join("fft.toml"),
            format!("{FFT_CODEBOOK}{open_extra}"),
        )
        .unwrap();
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("fft.toml", config.dir()).unwrap();
        ingest(&config, &[cb]).unwrap()
    }

    const COMMENTS: &str = "comments = [\"FFT answer\"]\n";

    /// Declared as both improvement and compliment (as a tester did), the one column is
    /// read as comments: the same texts land on the same sides.
    #[test]
    fn one_column_as_improvement_and_compliment_is_comments() {
        let both = fft(
            |t| t,
            "improvement = [\"FFT answer\"]\ncompliment = [\"FFT answer\"]\n",
        );
        let comments = fft(|t| t, COMMENTS);
        assert_eq!(texts(&both, true), texts(&comments, true));
        assert_eq!(texts(&both, false), texts(&comments, false));
        assert!(!texts(&both, false).contains(&"Booking office could be more helpful."));
    }

    /// The texts that may be quoted on one side: no signal on them or their client.
    fn texts(c: &Canonical, improvement: bool) -> Vec<&str> {
        let side = match improvement {
            true => Side::Improvement,
            false => Side::Compliment,
        };
        c.comments
            .iter()
            .filter(|t| t.side == Some(side) && t.signal.is_none() && !t.blocked)
            .map(|t| t.text.as_str())
            .collect()
    }

    /// Issue 10: in the FFT's single comment column, complaints were quoted under a
    /// strength. Each comment now goes to the side its words show, or to neither.
    #[test]
    fn fft_comments_are_placed_by_polarity() {
        let c = fft(|t| t, COMMENTS);
        let better = texts(&c, true);
        let good = texts(&c, false);
        let has = |list: &[&str], start: &str| list.iter().any(|t| t.starts_with(start));
        for complaint in [
            "Poor Ambulance crews with a really bad attitude",
            "Not happy with Taxi driver",
            "The waiting time after appointment",
            "Improve of staff problem",
        ] {
            assert!(
                has(&better, complaint),
                "{complaint} not an improvement text"
            );
            assert!(!has(&good, complaint), "{complaint} taken for a compliment");
        }
        for compliment in [
            "None. Quite satisfied.",
            "You are literally saving lives",
            "Helpful positive attitude and realy good with patient",
            "I was very happy with the service received.",
        ] {
            assert!(has(&good, compliment), "{compliment} not a compliment");
            assert!(
                !has(&better, compliment),
                "{compliment} taken for a complaint"
            );
        }
        // Empty answers and mixed texts go nowhere.
        for neither in [
            "Did not answer",
            "Nothing.",
            "N/A.",
            "Booking office could be more helpful.",
            "It arrived a little late but the driver did his best",
        ] {
            assert!(!has(&better, neither) && !has(&good, neither), "{neither}");
        }
        assert!(c.signals.is_empty());
    }

    /// With the export's own sentiment (FFT: 1–2 positive, 4–5 negative), a text the words
    /// cannot place is placed by it, unless the words clearly say the opposite.
    #[test]
    fn fft_sentiment_column_places_mixed_comments() {
        let extra = "comments = [\"FFT answer\"]\n[open.sentiment]\ncolumn = \"Comment sentiment\"\npositive = [\"1\", \"2\"]\nnegative = [\"4\", \"5\"]\n";
        let c = fft(|t| t, extra);
        let better = texts(&c, true);
        let good = texts(&c, false);
        // Sentiment 4, words mixed ("more" and "helpful").
        assert!(better.contains(&"Booking office could be more helpful."));
        // Sentiment 2 and mixed words ("late", "best"): a compliment by the column.
        assert!(good
            .iter()
            .any(|t| t.starts_with("It arrived a little late")));
        // Sentiment 3 is neither.
        assert!(!better
            .iter()
            .chain(&good)
            .any(|t| t.starts_with("Cue waiting time")));
    }

    /// `text` (a CSV with a header) with the field of `column` in `row` (1-based, header 1)
    /// set to `value`.
    fn set_field(text: &str, row: usize, column: &str, value: &str) -> String {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut records: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        let c = records[0].iter().position(|h| h == column).unwrap();
        let mut fields: Vec<String> = records[row - 1].iter().map(str::to_string).collect();
        fields[c] = value.to_string();
        records[row - 1] = csv::StringRecord::from(fields);
        let mut w = csv::Writer::from_writer(Vec::new());
        for rec in &records {
            w.write_record(rec).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    /// Issue 23: a signal on one care-type row of a client kept only that row's text from
    /// quotes; her other row was quoted word for word. Every row of the same respondent is
    /// blocked now, in a later file too; another client's row is not.
    #[test]
    fn a_signal_blocks_every_row_of_the_same_client() {
        let toml = TOML.replace("vsv = \"VSV\"", "respondent = \"Nr\"\nvsv = \"VSV\"");
        let header = "Nr;VSV;Zorgsoort;Datum;Informatievoorziening;Verbeterpunten\n";
        let first = format!(
            "{header}1;VSV A;Kraamzorg;15-07-2026;8;Mijn vriend slaat me als de baby huilt\n\
             1;VSV A;Ziekenhuis;15-07-2026;6;De uitleg over de ruggenprik was te kort\n\
             2;VSV A;Ziekenhuis;15-07-2026;6;De uitleg over voeding was te kort\n"
        );
        let later =
            format!("{header}1;VSV A;Verloskundigenpraktijk;16-07-2026;7;Te weinig uitleg gehad\n");
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("prem.toml"), toml).unwrap();
        std::fs::create_dir(tmp.path().join("exports")).unwrap();
        std::fs::write(tmp.path().join("exports/a.csv"), first).unwrap();
        std::fs::write(tmp.path().join("exports/b.csv"), later).unwrap();
        let config = Config::load(&tmp.path().join("prem.toml")).unwrap();
        let cb = Codebook::resolve("prem-geboortezorg", config.dir()).unwrap();
        let c = ingest(&config, &[cb]).unwrap();
        let state: Vec<(&str, bool, bool)> = c
            .comments
            .iter()
            .map(|t| (t.text.as_str(), t.signal.is_some(), t.blocked))
            .collect();
        assert_eq!(
            state,
            [
                ("Mijn vriend slaat me als de baby huilt", true, true),
                ("De uitleg over de ruggenprik was te kort", false, true),
                ("De uitleg over voeding was te kort", false, false),
                ("Te weinig uitleg gehad", false, true),
            ]
        );
        assert_eq!(texts(&c, true), ["De uitleg over voeding was te kort"]);
    }

    /// A row flagged by the export's safeguarding column, and a text with a signal, are
    /// recorded by file, row and column, and their texts reach no respondent.
    #[test]
    fn safeguarding_rows_are_recorded_and_their_texts_dropped() {
        let c = fft(
            |t| {
                let t = set_field(&t, 26, "Safeguarding concerns?", "1");
                let t = set_field(&t, 33, "Safeguarding concerns?", "0");
                t.replace(
                    "Not happy with Taxi driver",
                    "Not happy with Taxi driver as I wanted to end my life after that trip",
                )
            },
            COMMENTS,
        );
        let all: Vec<&str> = texts(&c, true)
            .into_iter()
            .chain(texts(&c, false))
            .collect();
        for gone in ["end my life", "Taxi driver", "More comfortable ambulance"] {
            assert!(!all.iter().any(|t| t.contains(gone)), "{gone}");
        }
        // For the officer's private workbook they are kept, with the signal.
        let kept: Vec<(&str, Option<Category>)> = c
            .comments
            .iter()
            .filter(|t| t.signal.is_some())
            .map(|t| (t.text.as_str(), t.signal))
            .collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[0].0.contains("end my life") && kept[0].1 == Some(Category::Suicide));
        assert_eq!(kept[1].1, Some(Category::Flagged));
        // The flagged row still counts: only its text is held back.
        assert!(c.answers.len() > 40);
        let found: Vec<(usize, &str, Category)> = c
            .signals
            .iter()
            .map(|s| (s.row, s.column.as_str(), s.category))
            .collect();
        assert_eq!(
            found,
            [
                (19, "FFT answer", Category::Suicide),
                (26, "Safeguarding concerns?", Category::Flagged)
            ]
        );
        assert_eq!(c.signals[0].file, "fft.csv");
        assert_eq!(c.signals[0].source, "fft");
        assert_eq!(c.signals[0].period, Period::parse("2021-Q3"));
    }
}
