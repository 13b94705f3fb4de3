//! `prem audit DIR…` end to end (issue 24): it finds each planted leak in the outputs of
//! the old binary (`tests/fixtures/leaks/<class>/`), nothing on fresh outputs of the
//! sample data, and says clearly what it could not read.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

fn fixture(class: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/leaks")
        .join(class)
}

/// Runs `prem audit` on `dirs` (plus `args`); returns exit code, stdout, stderr.
fn audit(dirs: &[&Path], args: &[&str]) -> (i32, String, String) {
    let out = prem().arg("audit").args(dirs).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A planted leak: exit 1, and a finding of `attack` isolating a group of `group`.
fn finds(class: &str, attack: &str, group: &str) {
    let (code, out, err) = audit(&[&fixture(class)], &[]);
    assert_eq!(code, 1, "{class}: {out}{err}");
    let headline = format!("[{attack}]");
    assert!(
        out.lines()
            .any(|l| l.contains(&headline) && l.contains(&format!("groep van {group} cliënt"))),
        "{class}: no {attack} finding of {group}:\n{out}"
    );
}

#[test]
fn finds_alpha_counting_a_hidden_client() {
    finds("alpha", "alpha", "1");
}

#[test]
fn finds_a_hidden_quarter_in_the_year_chapter() {
    finds("quarter_year", "year-quarters", "4");
    let (_, out, _) = audit(&[&fixture("quarter_year")], &[]);
    assert!(out.contains("hoofdstuk.md"), "{out}");
}

#[test]
fn finds_the_response_line_minus_the_covered_n() {
    finds("response_line", "response-line", "3");
}

#[test]
fn finds_input_sizes_in_the_manifest() {
    let (code, out, _) = audit(&[&fixture("manifest")], &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("[manifest]") && out.contains("klein.csv: bytes"),
        "{out}"
    );
}

#[test]
fn finds_item_nonresponse_next_to_the_theme() {
    // Anna answered only a (1), Bea skipped c (1), four answered only e (4).
    finds("item_nonresponse", "theme-items", "1");
    finds("item_nonresponse", "theme-items", "4");
}

#[test]
fn finds_a_cell_hidden_for_one_measure_through_its_solved_sibling() {
    // Org X's 9 clients of item c: the VSV's cell minus Org Y's, solved from its theme.
    finds("per_measure", "subtraction", "9");
    let (_, out, _) = audit(&[&fixture("per_measure")], &[]);
    assert!(out.contains("Org Y"), "{out}");
}

#[test]
#[ignore = "issue 24: the case-mix leak needs each VSV's parity counts, which are not in the release; prem audit reads only published files and does not see it"]
fn finds_a_small_case_mix_stratum() {
    let (code, out, _) = audit(&[&fixture("casemix")], &[]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn says_what_it_read_and_tried_in_english_when_asked() {
    let (code, out, _) = audit(&[&fixture("response_line")], &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(out.contains("Read (2 files):"), "{out}");
    assert!(
        out.contains("Tried:") && out.contains("combinations"),
        "{out}"
    );
    assert!(out.contains("group of 3 client"), "{out}");
    assert!(out.contains("min_n = 10 (default"), "{out}");
}

#[test]
fn a_threshold_given_counts() {
    // With min_n = 3 the 3 hospital-only clients are a group that may be shown.
    let (code, out, _) = audit(&[&fixture("response_line")], &["--min-n", "3"]);
    assert!(!out.contains("[response-line] resp"), "{out}");
    assert_eq!(code, 0, "{out}");
}

// ---------------------------------------------------------------------------------------
// Fresh outputs of the sample data

fn sample_outputs() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples/prem.toml");
    let out = tmp.path().join("out");
    prem()
        .args(["report", "--quiet", "--out"])
        .arg(&out)
        .arg(&samples)
        .assert()
        .success();
    prem()
        .args(["jaarverslag", "--quiet", "--year", "2026", "--out"])
        .arg(&out)
        .arg(&samples)
        .assert()
        .success();
    tmp
}

#[test]
fn finds_nothing_on_fresh_sample_outputs() {
    let tmp = sample_outputs();
    let out = tmp.path().join("out");
    let (code, stdout, stderr) = audit(&[&out.join("2026-Q3"), &out.join("jaarverslag-2026")], &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Niets gevonden"), "{stdout}");
}

// ---------------------------------------------------------------------------------------
// What it cannot read

#[test]
fn an_empty_folder_is_told_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = audit(&[tmp.path()], &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("fout:") && err.contains("geen bestand dat prem publiceert"),
        "{err}"
    );
    assert!(err.contains("tip:"), "{err}");
}

#[test]
fn a_missing_folder_is_told() {
    let (code, _, err) = audit(&[Path::new("/nonexistent/prem-audit")], &["--lang", "en"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error:") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn garbled_files_are_named_with_their_line_and_the_rest_is_still_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad/tables");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("scores.csv"),
        "period,vsv,organisation,care_type,theme,item,n,mean\n2026-Q1,,,,zorg,,twaalf,7.0\n",
    )
    .unwrap();
    std::fs::write(bad.join("reliability.csv"), "niets hier\n").unwrap();
    let chapter = tmp.path().join("bad/hoofdstuk.md");
    std::fs::write(&chapter, "geen titel\n\u{0}\u{1}").unwrap();
    std::fs::write(tmp.path().join("bad/manifest.json"), "{ kapot").unwrap();
    std::fs::write(tmp.path().join("bad/agenda.md"), [0xff, 0xfe, 0x00]).unwrap();
    let good = fixture("response_line");
    let (code, out, err) = audit(&[&tmp.path().join("bad"), &good], &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("scores.csv, regel 2") && err.contains("twaalf"),
        "{err}"
    );
    assert!(err.contains("manifest.json"), "{err}");
    assert!(err.contains("agenda.md") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("onvolledig"), "{err}");
    // The good folder is still attacked.
    assert!(out.contains("[response-line] resp"), "{out}");
}

#[test]
fn a_file_that_is_not_published_by_prem_is_told() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("gedeeld.json");
    std::fs::write(&f, r#"{"format": "iets anders"}"#).unwrap();
    let (code, _, err) = audit(&[&f], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("prem-aggregate"), "{err}");
}
