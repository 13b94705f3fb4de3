//! What a new user hits on a first export (issue 14, tried on the NHS FFT export): each
//! mistake gets a message that points at the right line and says what is there instead.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

/// data-samples/prem.toml with `from` replaced by `to`, written beside the samples' exports
/// (as `name`) in a temporary copy.
fn config_with(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples");
    let dir = tmp.path().to_path_buf();
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    for f in std::fs::read_dir(root.join("exports")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.join("exports").join(f.file_name())).unwrap();
    }
    std::fs::copy(
        root.join("lokale-enquete.toml"),
        dir.join("lokale-enquete.toml"),
    )
    .unwrap();
    let text = std::fs::read_to_string(root.join("prem.toml")).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(dir.join("prem.toml"), text.replacen(from, to, 1)).unwrap();
    (tmp, dir)
}

fn stderr_of(dir: &Path, args: &[&str], code: i32) -> String {
    let out = prem().args(args).current_dir(dir).assert().code(code);
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

/// `[[sources]]` for `[[source]]`: the message names its own line and the section meant,
/// not "duplicate key" on a later line.
#[test]
fn a_misspelt_section_is_named_on_its_line() {
    let (_tmp, dir) = config_with(
        "[[source]]\nname = \"prem\"",
        "[[sources]]\nname = \"prem\"",
    );
    let line = std::fs::read_to_string(dir.join("prem.toml"))
        .unwrap()
        .lines()
        .position(|l| l == "[[sources]]")
        .unwrap()
        + 1;
    let err = stderr_of(&dir, &["validate", "prem.toml"], 1);
    assert!(
        err.contains(&format!(
            "regel {line}: [[sources]] is geen onderdeel van prem.toml; bedoelt u [[source]]?"
        )),
        "{err}"
    );
    assert!(!err.contains("dubbele sleutel"), "{err}");
}

/// A language asked for with a typo still gets its messages in English.
#[test]
fn a_typo_in_the_language_keeps_english_messages() {
    for (from, to) in [
        ("language = \"nl\"", "language = \"english\""),
        ("language = \"nl\"", "langauge = \"en\""),
        ("language = \"nl\"", "language = \"EN \""),
    ] {
        let (_tmp, dir) = config_with(from, to);
        let err = stderr_of(&dir, &["validate", "prem.toml"], 1);
        assert!(err.starts_with("error: "), "{to}: {err}");
        assert!(err.contains("hint: "), "{to}: {err}");
    }
    // Dutch: "expected `nl` or `en`" fully in Dutch.
    let (_tmp, dir) = config_with("language = \"nl\"", "language = \"nederlands\"");
    let err = stderr_of(&dir, &["validate", "prem.toml"], 1);
    assert!(err.contains("verwacht `nl` of `en`"), "{err}");
}

/// A files pattern that finds nothing says what is there instead.
#[test]
fn a_wrong_files_pattern_shows_what_is_there() {
    let (_tmp, dir) = config_with("exports/prem-*.csv", "export/prem-*.csv");
    let err = stderr_of(&dir, &["validate", "prem.toml"], 1);
    assert!(
        err.contains("de map export bestaat niet (in . staan de mappen: exports/)"),
        "{err}"
    );
    let (_tmp, dir) = config_with("exports/prem-*.csv", "exports/prem-*.xlsx");
    let err = stderr_of(&dir, &["validate", "prem.toml"], 1);
    assert!(
        err.contains("in exports staan: lokale-enquete.xlsx, prem-2024-K4.csv"),
        "{err}"
    );
}

/// `prem validate` writes nothing, so it does not send the user to data-quality.md; with
/// `--report-quality FILE` it writes the list there.
#[test]
fn validate_says_where_the_quality_list_is() {
    let (_tmp, dir) = config_with("language = \"nl\"", "language = \"nl\"");
    let err = stderr_of(&dir, &["validate", "prem.toml"], 0);
    assert!(!err.contains("zie data-quality.md"), "{err}");
    assert!(
        err.contains("de hele lijst: prem validate --report-quality kwaliteit.md"),
        "{err}"
    );
    let err = stderr_of(
        &dir,
        &["validate", "prem.toml", "--report-quality", "kwaliteit.md"],
        0,
    );
    assert!(err.contains("(zie kwaliteit.md)"), "{err}");
    let md = std::fs::read_to_string(dir.join("kwaliteit.md")).unwrap();
    assert!(md.contains("datum onleesbaar"), "{md}");
    // Every entry, row by row: no "and 10 more (see data-quality.csv)", a file validate
    // never writes.
    assert!(!md.contains("data-quality.csv"), "{md}");
    assert!(
        md.contains("### Datum onleesbaar (rij niet gebruikt) (20)"),
        "{md}"
    );
    let section = md
        .split("### Datum onleesbaar (rij niet gebruikt) (20)")
        .nth(1)
        .unwrap();
    let section = section.split("\n### ").next().unwrap();
    assert_eq!(
        section
            .lines()
            .filter(|l| l.starts_with("| exports/"))
            .count(),
        20
    );
    stderr_of(
        &dir,
        &["validate", "prem.toml", "--report-quality", "k.csv"],
        0,
    );
    let csv = std::fs::read_to_string(dir.join("k.csv")).unwrap();
    assert!(csv.lines().count() > 20, "{csv}");
    // After a report, the summary names the file the report wrote.
    let err = stderr_of(&dir, &["report", "prem.toml", "--out", "uit"], 0);
    assert!(err.contains("(zie uit/2026-Q3/data-quality.md)"), "{err}");
}

/// The codebook reference (docs/reference/codebook.md, "Every key") is a codebook prem
/// reads, with every key it lists, and what it says of reversed items holds: with
/// `positive_min = 9` a reversed 1–10 answer of 2 is top box.
#[test]
fn the_codebook_reference_is_a_working_codebook() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join("docs/reference/codebook.md")).unwrap();
    let section = reference
        .split("\n## Every key\n")
        .nth(1)
        .expect("the reference section");
    let block = section
        .split("```toml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("its TOML block");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("mijn.toml"), block).unwrap();
    let cb = prem::config::codebook::Codebook::resolve("mijn.toml", tmp.path()).unwrap();
    assert_eq!(cb.name, "mijn-enquete");
    assert_eq!(cb.care_types.len(), 2);
    assert_eq!(cb.overall.grade.as_deref(), Some("rapportcijfer"));
    assert_eq!(cb.background.age.bands, [25, 30, 35]);
    assert!(!cb.open.comments.is_empty() && !cb.open.safeguarding.is_empty());
    assert!(cb.open.sentiment.is_some());
    let scale = prem::config::codebook::Scale {
        kind: prem::config::codebook::ScaleKind::Numeric,
        min: Some(1.0),
        max: Some(10.0),
        positive_min: Some(9.0),
        problem_max: Some(5.0),
        levels: Vec::new(),
        positive: Vec::new(),
        problem: Vec::new(),
        missing: Vec::new(),
        scores: Vec::new(),
    };
    let reader = prem::ingest::ScaleReader::new(&scale);
    match reader.read("2", true) {
        prem::ingest::Reading::Answer(a) => {
            assert_eq!((a.score, a.positive, a.problem), (9.0, true, false));
        }
        other => panic!("{other:?}"),
    }
}

/// The FFT writes 1 = "Very good". A codebook that forgets `reverse = true` validates, but
/// prem says the scale looks upside down: those who praise score it lower than those who
/// complain.
#[test]
fn a_scale_that_runs_best_to_worst_is_pointed_out() {
    let tmp = tempfile::tempdir().unwrap();
    let mut csv = String::from("Respondent ID,Trust,Date,FFT categorical answer,FFT answer\n");
    for i in 0..30 {
        let (rating, text) = if i % 2 == 0 {
            (1, "Very good care, the staff were kind and helpful")
        } else {
            (5, "Waited far too long and nobody explained anything")
        };
        csv.push_str(&format!("R{i},Trust A,15/10/2021,{rating},\"{text}\"\n"));
    }
    std::fs::write(tmp.path().join("fft.csv"), csv).unwrap();
    std::fs::write(
        tmp.path().join("fft.toml"),
        "name = \"fft\"\ntitle = \"FFT\"\n[scales.fft]\ntype = \"numeric\"\nmin = 1\nmax = 5\n\
         [[themes]]\nid = \"experience\"\nlabel = \"Experience\"\n\
         [[items]]\nid = \"fft\"\ntheme = \"experience\"\ncolumns = [\"FFT categorical answer\"]\nscale = \"fft\"\n\
         [open]\ncomments = [\"FFT answer\"]\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("prem.toml"),
        "[analysis]\nname = \"FFT\"\nlanguage = \"en\"\n[[source]]\nname = \"fft\"\nfiles = [\"fft.csv\"]\n\
         codebook = \"fft.toml\"\n[source.columns]\nrespondent = \"Respondent ID\"\nvsv = \"Trust\"\ndate = \"Date\"\n",
    )
    .unwrap();
    let err = stderr_of(tmp.path(), &["validate", "prem.toml"], 0);
    assert!(
        err.contains("note: item fft seems reversed: clients who only praise score it 0.0 (n = 15), clients who only complain 10.0 (n = 15)"),
        "{err}"
    );
    // With reverse = true it is quiet.
    let cb = std::fs::read_to_string(tmp.path().join("fft.toml")).unwrap();
    std::fs::write(
        tmp.path().join("fft.toml"),
        cb.replace("scale = \"fft\"\n", "scale = \"fft\"\nreverse = true\n"),
    )
    .unwrap();
    let err = stderr_of(tmp.path(), &["validate", "prem.toml"], 0);
    assert!(!err.contains("seems reversed"), "{err}");
}

/// One export, two units: A writes dates day first, B month first (as the FFT's two trusts
/// may). Each unit's ambiguous dates are read in that unit's own order, and prem says which
/// unit it read month first; before, a file with both orders lost every ambiguous row.
#[test]
fn the_date_order_is_decided_per_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let mut csv = String::from("ID,Unit,Date,Score\n");
    for i in 0..12 {
        csv.push_str(&format!("A{i},Unit A,31/10/2021,8\n"));
        csv.push_str(&format!("B{i},Unit B,10/31/2021,7\n"));
    }
    // Ambiguous: 05/10/2021 is 5 October for A and May 10 for B.
    for i in 12..24 {
        csv.push_str(&format!("A{i},Unit A,05/10/2021,9\n"));
        csv.push_str(&format!("B{i},Unit B,05/10/2021,6\n"));
    }
    std::fs::write(tmp.path().join("e.csv"), csv).unwrap();
    std::fs::write(
        tmp.path().join("e.toml"),
        "name = \"e\"\ntitle = \"E\"\n[scales.s]\ntype = \"numeric\"\nmin = 1\nmax = 10\n\
         [[themes]]\nid = \"t\"\nlabel = \"T\"\n[[items]]\nid = \"i\"\ntheme = \"t\"\ncolumns = [\"Score\"]\nscale = \"s\"\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("prem.toml"),
        "[analysis]\nname = \"E\"\nlanguage = \"en\"\n[privacy]\nmin_n = 5\nindicative_n = 5\n\
         [[source]]\nname = \"e\"\nfiles = [\"e.csv\"]\ncodebook = \"e.toml\"\n\
         [source.columns]\nrespondent = \"ID\"\nvsv = \"Unit\"\ndate = \"Date\"\n",
    )
    .unwrap();
    let err = stderr_of(
        tmp.path(),
        &["report", "prem.toml", "--out", "r", "--period", "2021-Q2"],
        0,
    );
    assert!(err.contains("48 rows read, 48 used"), "{err}");
    assert!(
        err.contains("dates read month first (all their own dates are): Unit B (e.csv)"),
        "{err}"
    );
    // B's ambiguous rows are in May (2021-Q2), A's in October (2021-Q4).
    let scores = std::fs::read_to_string(tmp.path().join("r/2021-Q2/tables/scores.csv")).unwrap();
    let q2: Vec<&str> = scores
        .lines()
        .filter(|l| l.starts_with("2021-Q2,Unit"))
        .collect();
    assert!(
        q2.iter().all(|l| l.starts_with("2021-Q2,Unit B,")),
        "{scores}"
    );
    assert!(q2.iter().any(|l| l.contains(",12,6.0000,")), "{scores}");
}

/// An export with a row per comment (the NHS FFT: 1–3 rows per respondent): with
/// `rows_per_respondent = "many"` her rows are one respondent, counted once, and the
/// data-quality list is not filled with "duplicate respondent" for each.
#[test]
fn several_rows_per_respondent_by_design() {
    let tmp = tempfile::tempdir().unwrap();
    let mut csv = String::from("Respondent ID,Trust,Date,Score,Comment\n");
    for i in 0..12 {
        for q in ["Why?", "What could be better?", "Anything else?"] {
            csv.push_str(&format!("R{i},Trust A,31/10/2021,{},{q}\n", 6 + i % 4));
        }
    }
    std::fs::write(tmp.path().join("f.csv"), csv).unwrap();
    std::fs::write(
        tmp.path().join("f.toml"),
        "name = \"f\"\ntitle = \"F\"\n[scales.s]\ntype = \"numeric\"\nmin = 1\nmax = 10\n\
         [[themes]]\nid = \"t\"\nlabel = \"T\"\n[[items]]\nid = \"i\"\ntheme = \"t\"\ncolumns = [\"Score\"]\nscale = \"s\"\n",
    )
    .unwrap();
    let config = "[analysis]\nname = \"F\"\nlanguage = \"en\"\n[[source]]\nname = \"f\"\n\
        files = [\"f.csv\"]\ncodebook = \"f.toml\"\nROWS\n[source.columns]\nrespondent = \"Respondent ID\"\n\
        vsv = \"Trust\"\ndate = \"Date\"\n";
    std::fs::write(tmp.path().join("prem.toml"), config.replace("ROWS", "")).unwrap();
    let err = stderr_of(tmp.path(), &["validate", "prem.toml"], 0);
    assert!(err.contains("24× duplicate respondent"), "{err}");
    std::fs::write(
        tmp.path().join("prem.toml"),
        config.replace("ROWS", "rows_per_respondent = \"many\""),
    )
    .unwrap();
    let err = stderr_of(tmp.path(), &["validate", "prem.toml"], 0);
    assert!(
        err.contains("36 rows read, 12 used, 12 respondents, 12 answers"),
        "{err}"
    );
    assert!(
        err.contains("f: 24 rows of respondents read already, merged"),
        "{err}"
    );
    assert!(!err.contains("duplicate respondent"), "{err}");
}
