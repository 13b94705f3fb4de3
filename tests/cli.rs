//! The `prem` binary end to end, in scratch folders: fixtures with hand-worked numbers,
//! every input format, fatal errors and the data-quality report.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Reads `tables/scores.csv` of a report into header-keyed rows.
fn scores(report: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(report.join("tables/scores.csv")).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn find<'a>(
    rows: &'a [std::collections::HashMap<String, String>],
    vsv: &str,
    care_type: &str,
    theme: &str,
    item: &str,
) -> &'a std::collections::HashMap<String, String> {
    rows.iter()
        .find(|r| {
            r["vsv"] == vsv
                && r["care_type"] == care_type
                && r["organisation"].is_empty()
                && r["theme"] == theme
                && r["item"] == item
        })
        .unwrap_or_else(|| panic!("no row {vsv}/{care_type}/{theme}/{item}"))
}

/// Runs `prem` with `args` and `file`, expecting success, and parses its JSON output.
fn json_of(args: &[&str], file: &Path) -> serde_json::Value {
    let out = prem()
        .args(args)
        .arg(file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// Every file below `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    files.sort();
    files
}

fn num(row: &std::collections::HashMap<String, String>, col: &str) -> f64 {
    row[col]
        .parse()
        .unwrap_or_else(|_| panic!("{col} = {:?}", row[col]))
}

const PREM_TOML: &str = r#"
[analysis]
name = "Testregio"

[[source]]
name = "prem"
files = ["exports/*.csv"]
codebook = "prem-geboortezorg"
[source.columns]
respondent = "Respondentnummer"
vsv = "VSV"
organisation = "Zorgaanbieder"
care_type = "Zorgsoort"
date = "Datum ingevuld"
parity = "Eerste kind"
age = "Leeftijd"
"#;

/// A long-layout PREM export of one VSV, 2026-Q3: 12 midwife-practice rows with
/// Informatievoorziening 8×6, 9×4, 10×2 and 10 maternity-care rows with 7×5, 8×5, plus
/// rows with planted problems.
fn long_export() -> String {
    let mut s = String::from(
        "Respondentnummer;VSV;Zorgaanbieder;Zorgsoort;Datum ingevuld;Eerste kind;Leeftijd;Informatievoorziening;Rapportcijfer;Verbeterpunten\r\n",
    );
    let vp = [8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 10, 10];
    for (i, v) in vp.iter().enumerate() {
        s += &format!(
            "R{};VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;{:02}-07-2026;Ja;31;{v};8,5;\r\n",
            i + 1,
            i + 1
        );
    }
    let kz = [7, 7, 7, 7, 7, 8, 8, 8, 8, 8];
    for (i, v) in kz.iter().enumerate() {
        s += &format!(
            "R{};VSV Één;Kraamzorg Hélène;Kraamzorg;2026-08-{:02};Nee;25-29;{v};8;\"Meer uitleg; graag\r\nover voeding\"\r\n",
            i + 1,
            i + 1
        );
    }
    // Planted (rows as Excel numbers them, header = 1; the quoted newlines above do not
    // count): bad date (row 24), unknown label (row 25), out of range (row 26).
    s += "R13;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;31-02-2026;Ja;30;8;8;\r\n";
    s += "R14;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;01-09-2026;Ja;30;goed;7;\r\n";
    s += "R15;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;02-09-2026;Ja;30;11;7;\r\n";
    s
}

fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn run_report(dir: &Path) -> PathBuf {
    prem()
        .arg("report")
        .arg(dir.join("prem.toml"))
        .arg("--quiet")
        .assert()
        .success();
    dir.join("reports/2026-Q3")
}

#[test]
fn hand_worked_prem_cells_from_a_windows_1252_export() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    write(
        tmp.path(),
        "exports/prem.csv",
        &windows_1252(&long_export()),
    );
    let report = run_report(tmp.path());
    let rows = scores(&report);

    // Midwife practice: mean 104/12; t interval from scipy:
    // stats.t.interval(0.95, 11, loc=vp.mean(), scale=stats.sem(vp)) = (8.172032035927526, 9.161301297405807)
    let vp = find(
        &rows,
        "VSV Één",
        "Verloskundigenpraktijk",
        "informatievoorziening",
        "",
    );
    assert_eq!(vp["n"], "12");
    assert_eq!(vp["mean"], "8.6667");
    assert_eq!(vp["sd"], "0.7785"); // numpy std(ddof=1) = 0.778498944161523
    assert_eq!(vp["ci_low"], "8.1720");
    assert_eq!(vp["ci_high"], "9.1613");
    assert_eq!(vp["top_box_pct"], "50.00"); // 6 of 12 answered 9 or 10
    assert_eq!(vp["status"], "indicatief"); // 10 ≤ n < 30

    // VSV: unweighted mean of the care-type means (8.6667 + 7.5) / 2, Welch–Satterthwaite
    // interval; scipy: se = 0.13989534327741962, df = 19.2940580004056,
    // m ∓ stats.t.ppf(0.975, df) * se = 7.790830762600111 … 8.375835904066554
    let vsv = find(&rows, "VSV Één", "", "informatievoorziening", "");
    assert_eq!(vsv["mean"], "8.0833");
    assert_eq!(vsv["ci_low"], "7.7908");
    assert_eq!(vsv["ci_high"], "8.3758");
    assert_eq!(vsv["n"], "12"); // distinct respondents, not 22 rows
    assert_eq!(vsv["top_box_pct"], "25.00"); // mean of 50 % and 0 %

    // Decimal comma: Rapportcijfer 8,5 on the midwife rows.
    let grade = find(
        &rows,
        "VSV Één",
        "Verloskundigenpraktijk",
        "rapportcijfer",
        "",
    );
    // (12 × 8.5 + 7 + 7) / 14 = 8.285714…
    assert_eq!(grade["mean"], "8.2857");

    // Names keep their accents.
    assert!(rows.iter().any(|r| r["organisation"] == "Kraamzorg Hélène"));

    // The planted problems are in the data-quality report with file, row and column.
    let dq = std::fs::read_to_string(report.join("data-quality.csv")).unwrap();
    assert!(
        dq.contains("prem,exports/prem.csv,24,Datum ingevuld,31-02-2026,bad_date"),
        "{dq}"
    );
    assert!(
        dq.contains("prem,exports/prem.csv,25,Informatievoorziening,goed,unknown_answer"),
        "{dq}"
    );
    assert!(
        dq.contains("prem,exports/prem.csv,26,Informatievoorziening,11,out_of_range"),
        "{dq}"
    );
}

#[test]
fn utf8_with_bom_gives_the_same_scores_as_windows_1252() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for d in [&a, &b] {
        write(d.path(), "prem.toml", PREM_TOML.as_bytes());
    }
    write(a.path(), "exports/prem.csv", &windows_1252(&long_export()));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(long_export().as_bytes());
    write(b.path(), "exports/prem.csv", &bom);
    let ra = std::fs::read(run_report(a.path()).join("tables/scores.csv")).unwrap();
    let rb = std::fs::read(run_report(b.path()).join("tables/scores.csv")).unwrap();
    assert_eq!(ra, rb);
}

#[test]
fn wide_layout_scores_like_long_layout() {
    let long = tempfile::tempdir().unwrap();
    write(long.path(), "prem.toml", PREM_TOML.as_bytes());
    write(long.path(), "exports/prem.csv", long_export().as_bytes());

    let wide = tempfile::tempdir().unwrap();
    let toml = PREM_TOML
        .replace("organisation = \"Zorgaanbieder\"\n", "")
        .replace("care_type = \"Zorgsoort\"\n", "");
    write(wide.path(), "prem.toml", toml.as_bytes());
    let mut s = String::from(
        "Respondentnummer,VSV,Datum ingevuld,Eerste kind,Leeftijd,VP_Informatievoorziening,KZ_Informatievoorziening\n",
    );
    let vp = [8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 10, 10];
    let kz = [7, 7, 7, 7, 7, 8, 8, 8, 8, 8];
    for (i, v) in vp.iter().enumerate() {
        let k = kz.get(i).map(|v| v.to_string()).unwrap_or_default();
        s += &format!("R{},VSV Één,15-07-2026,Ja,31,{v},{k}\n", i + 1);
    }
    write(wide.path(), "exports/prem.csv", s.as_bytes());

    let rl = scores(&run_report(long.path()));
    let rw = scores(&run_report(wide.path()));
    let l = find(&rl, "VSV Één", "", "informatievoorziening", "");
    let w = find(&rw, "VSV Één", "", "informatievoorziening", "");
    for col in ["n", "mean", "sd", "ci_low", "ci_high", "top_box_pct"] {
        assert_eq!(l[col], w[col], "{col}");
    }
    let wk = find(&rw, "VSV Één", "kraamzorg", "informatievoorziening", "");
    assert_eq!(wk["n"], "10");
    assert_eq!(num(wk, "mean"), 7.5);
}

#[test]
fn xlsx_with_the_header_on_row_three() {
    let tmp = tempfile::tempdir().unwrap();
    let codebook = r#"
name = "lokaal"
title = "Lokale enquête"
[scales.freq]
type = "ordinal"
levels = ["nooit", "soms", "meestal", "altijd"]
positive = ["altijd"]
problem = ["nooit", "soms"]
missing = ["weet ik niet"]
[[themes]]
id = "steun"
label = "Steun"
[[items]]
id = "s1"
theme = "steun"
columns = ["Kreeg u steun?"]
scale = "freq"
[[items]]
id = "s2"
theme = "steun"
columns = ["Werd u gehoord?"]
scale = "freq"
"#;
    write(tmp.path(), "lokaal.toml", codebook.as_bytes());
    let config = r#"
[analysis]
name = "Test"
[[source]]
name = "lokaal"
files = ["enquete.xlsx"]
codebook = "lokaal.toml"
sheet = "Antwoorden"
header_row = 3
[source.columns]
date = "Datum"
[source.values]
vsv = "VSV Test"
"#;
    write(tmp.path(), "prem.toml", config.as_bytes());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Antwoorden").unwrap();
    sheet.write_string(0, 0, "Enquête cliëntervaring").unwrap();
    sheet.write_string(1, 0, "Export: 1-10-2026").unwrap();
    for (c, h) in ["Datum", "Kreeg u steun?", "Werd u gehoord?"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    // 12 respondents: s1 = Altijd ×6, Meestal ×6; s2 = " altijd " ×12 (case and spaces).
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy");
    for i in 0..12u32 {
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 8, 1 + i as u8).unwrap();
        sheet
            .write_datetime_with_format(3 + i, 0, &d, &date_format)
            .unwrap();
        sheet
            .write_string(3 + i, 1, if i < 6 { "Altijd" } else { "Meestal" })
            .unwrap();
        sheet.write_string(3 + i, 2, " altijd ").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    write(tmp.path(), "enquete.xlsx", &bytes);
    let rows = scores(&run_report(tmp.path()));
    // Theme score per respondent: (10 + 10)/2 = 10 for six, (6.6667 + 10)/2 = 8.3333 for six.
    let r = find(&rows, "VSV Test", "", "steun", "");
    assert_eq!(r["n"], "12");
    assert_eq!(r["mean"], "9.1667");
    let s1 = find(&rows, "VSV Test", "", "steun", "s1");
    assert_eq!(s1["top_box_pct"], "50.00");
}

#[test]
fn fatal_inputs_exit_1_naming_file_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    // Missing required column.
    let text = long_export().replace("Datum ingevuld", "Datum");
    write(tmp.path(), "exports/prem.csv", text.as_bytes());
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("prem.csv"))
        .stderr(predicate::str::contains("\"Datum ingevuld\""));
    // Empty file.
    write(tmp.path(), "exports/prem.csv", b"");
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("prem.csv").and(predicate::str::contains("leeg")));
    // A spreadsheet that is not one.
    let xlsx = PREM_TOML.replace("exports/*.csv", "exports/prem.xlsx");
    write(tmp.path(), "prem.toml", xlsx.as_bytes());
    write(
        tmp.path(),
        "exports/prem.xlsx",
        b"PK\x03\x04 not really a workbook",
    );
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("prem.xlsx").and(predicate::str::contains("spreadsheet")));
    // No file matches the glob.
    let none = PREM_TOML.replace("exports/*.csv", "exports/*.ods");
    write(tmp.path(), "prem.toml", none.as_bytes());
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exports/*.ods"));
    // Unknown key in the config.
    write(
        tmp.path(),
        "prem.toml",
        PREM_TOML
            .replace("name = \"Testregio\"", "name = \"T\"\nlanguag = \"nl\"")
            .as_bytes(),
    );
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("prem.toml").and(predicate::str::contains("languag")));
    // No config at all.
    prem()
        .args(["report", "--quiet"])
        .arg(tmp.path().join("nope.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.toml"));
}

#[test]
fn wrong_sheet_is_fatal_and_lists_the_sheets() {
    let tmp = tempfile::tempdir().unwrap();
    let config = PREM_TOML.replace("exports/*.csv", "prem.xlsx").replace(
        "codebook = \"prem-geboortezorg\"",
        "codebook = \"prem-geboortezorg\"\nsheet = \"Blad9\"",
    );
    write(tmp.path(), "prem.toml", config.as_bytes());
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Blad1").unwrap();
    write(tmp.path(), "prem.xlsx", &book.save_to_buffer().unwrap());
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Blad9").and(predicate::str::contains("\"Blad1\"")));
}

#[test]
fn value_problems_continue_but_strict_makes_them_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    write(tmp.path(), "exports/prem.csv", long_export().as_bytes());
    prem()
        .args(["validate"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .success()
        .stderr(predicate::str::contains("datakwaliteit:"));
    prem()
        .args(["validate", "--strict", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--strict"));
    assert!(
        !tmp.path().join("reports").exists(),
        "validate writes nothing"
    );
}

#[test]
fn duplicates_across_files_count_once() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    write(tmp.path(), "exports/a.csv", long_export().as_bytes());
    write(tmp.path(), "exports/b.csv", long_export().as_bytes());
    let rows = scores(&run_report(tmp.path()));
    let vp = find(
        &rows,
        "VSV Één",
        "Verloskundigenpraktijk",
        "informatievoorziening",
        "",
    );
    assert_eq!(vp["n"], "12");
    let dq = std::fs::read_to_string(tmp.path().join("reports/2026-Q3/data-quality.csv")).unwrap();
    let dups = dq
        .lines()
        .filter(|l| l.contains("duplicate_respondent"))
        .count();
    assert_eq!(dups, 24); // 12 + 10 rows of b.csv, plus R14 and R15
    assert!(
        dq.contains("exports/b.csv,2,,,duplicate_respondent"),
        "{dq}"
    );
}

#[test]
fn codebook_list_and_show() {
    prem().args(["codebook", "list"]).assert().success().stdout(
        predicate::str::contains("prem-geboortezorg").and(predicate::str::contains("reproq")),
    );
    prem()
        .args(["codebook", "show", "reproq"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[[themes]]"));
    prem().args(["codebook", "show", "nope"]).assert().code(1);
    prem().args(["report", "--bogus"]).assert().code(2);
}

/// Runs `prem sample` (small) and `prem report` in a scratch folder.
fn sample_report(dir: &Path) -> PathBuf {
    prem()
        .args([
            "sample",
            "--quiet",
            "--vsvs",
            "6",
            "--quarters",
            "5",
            "--per-quarter",
            "120",
            "--out",
        ])
        .arg(dir)
        .assert()
        .success();
    run_report(dir)
}

#[test]
fn the_report_draws_every_chart_kind_as_png_and_svg() {
    let tmp = tempfile::tempdir().unwrap();
    let report = sample_report(tmp.path());
    let files: Vec<String> = files_under(&report)
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let has = |f: &str| files.iter().any(|x| x == f);
    for stem in [
        "vsv-zaanstreek/charts/theme-scores",
        "vsv-zaanstreek/charts/grade-nps",
        "vsv-zaanstreek/charts/answers",
        "vsv-zaanstreek/charts/spc-informatievoorziening",
        "regio/charts/theme-scores",
        "regio/charts/spc-bereikbaarheid",
        "regio/charts/heatmap",
        "regio/charts/caterpillar",
        "regio/charts/funnel-informatievoorziening",
    ] {
        assert!(has(&format!("{stem}.png")), "{stem}.png in {files:?}");
        assert!(has(&format!("{stem}.svg")), "{stem}.svg");
    }
    // Every chart is linked from its agenda, and every link points at a file.
    for unit in ["vsv-zaanstreek", "regio"] {
        let agenda = std::fs::read_to_string(report.join(unit).join("agenda.md")).unwrap();
        let charts: Vec<&String> = files
            .iter()
            .filter(|f| f.starts_with(&format!("{unit}/charts/")) && f.ends_with(".png"))
            .collect();
        assert!(charts.len() > 5);
        for f in charts {
            let local = f.trim_start_matches(&format!("{unit}/"));
            assert!(agenda.contains(&format!("({local})")), "{local} not linked");
        }
    }
    // The planted worse VSV is labelled in the funnel of its theme.
    let funnel =
        std::fs::read_to_string(report.join("regio/charts/funnel-informatievoorziening.svg"))
            .unwrap();
    assert!(funnel.contains("VSV Zaanstreek"));
}

#[test]
fn the_sample_shows_its_planted_effects() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = scores(&sample_report(tmp.path()));
    let latest = |vsv: &str, theme: &str, period: &str| {
        rows.iter()
            .find(|r| {
                r["period"] == period
                    && r["vsv"] == vsv
                    && r["care_type"].is_empty()
                    && r["organisation"].is_empty()
                    && r["theme"] == theme
                    && r["item"].is_empty()
            })
            .map(|r| num(r, "mean"))
            .unwrap()
    };
    let worse = prem::sample::vsv_names(6)[prem::sample::WORSE_VSV_INDEX].clone();
    let gap = latest("", prem::sample::WORSE_THEME, "2026-Q3")
        - latest(&worse, prem::sample::WORSE_THEME, "2026-Q3");
    assert!(gap > 0.8, "worse VSV only {gap} below the region");
    let decline = latest("", prem::sample::DECLINING_THEME, "2025-Q3")
        - latest("", prem::sample::DECLINING_THEME, "2026-Q3");
    assert!(decline > 1.2, "decline only {decline}");
    // Every VSV gets an agenda, and the region too.
    for name in prem::sample::vsv_names(6) {
        let slug = prem::report::output::slug(&name);
        assert!(tmp
            .path()
            .join("reports/2026-Q3")
            .join(slug)
            .join("agenda.md")
            .exists());
    }
    assert!(tmp.path().join("reports/2026-Q3/regio/agenda.md").exists());
}

#[test]
fn a_second_run_gives_identical_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let report = sample_report(tmp.path());
    let read_all = |dir: &Path| {
        files_under(dir)
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(dir.join(&f)).unwrap();
                (f, bytes)
            })
            .collect::<Vec<_>>()
    };
    let first = read_all(&report);
    assert!(first.len() >= 10);
    run_report(tmp.path());
    assert_eq!(first, read_all(&report));
}

#[test]
fn manifest_holds_the_sha256_of_every_input() {
    use sha2::Digest;
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let bytes = windows_1252(&long_export());
    write(tmp.path(), "exports/prem.csv", &bytes);
    let report = run_report(tmp.path());
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report.join("manifest.json")).unwrap()).unwrap();
    let want: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(m["inputs"][0]["sha256"], want.as_str());
    assert_eq!(m["inputs"][0]["file"], "exports/prem.csv");
    // A size would estimate the file's clients (issue 24): the hash only.
    assert!(m["inputs"][0].get("bytes").is_none());
    assert_eq!(m["inputs"][0]["format"], "Windows-1252, ';'");
    assert_eq!(m["period"], "2026-Q3");
    assert_eq!(m["thresholds"]["min_n"], 10);
}

#[test]
fn small_cells_show_no_numbers_anywhere() {
    // 9 respondents for maternity care: suppressed. The VSV score then averages the
    // practice alone (its 11 are shown): the hidden care type carries no weight in it, so
    // nothing ties the practice to the hidden cell.
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let text: String = long_export()
        .split("\r\n")
        .filter(|l| !l.starts_with("R10;"))
        .collect::<Vec<_>>()
        .join("\r\n");
    write(tmp.path(), "exports/prem.csv", text.as_bytes());
    let report = run_report(tmp.path());
    let rows = scores(&report);
    let kz = find(&rows, "VSV Één", "Kraamzorg", "informatievoorziening", "");
    assert_eq!(kz["status"], "suppressed");
    for col in [
        "n",
        "mean",
        "sd",
        "ci_low",
        "ci_high",
        "top_box_pct",
        "problem_pct",
        "covers",
    ] {
        assert_eq!(kz[col], "", "{col}");
    }
    let vp = find(
        &rows,
        "VSV Één",
        "Verloskundigenpraktijk",
        "informatievoorziening",
        "",
    );
    assert_eq!(
        [&vp["status"], &vp["n"], &vp["mean"]],
        ["indicatief", "11", "8.6364"]
    );
    let vsv = find(&rows, "VSV Één", "", "informatievoorziening", "");
    // 95/11, not (95/11 + 67/9) / 2 = 8.04 as when the hidden care type counted.
    assert_eq!([&vsv["mean"], &vsv["n"]], ["8.6364", "11"]);
    assert_eq!(vsv["covers"], "Verloskundigenpraktijk");
    let agenda = std::fs::read_to_string(report.join("vsv-een/agenda.md")).unwrap();
    assert!(
        agenda.contains("| Informatievoorziening | 8,6 (indicatief) |"),
        "{agenda}"
    );
    assert!(
        agenda.contains("Kraamzorg: om privacyredenen niet getoond"),
        "{agenda}"
    );
    // The hidden mean (kraamzorg 67/9 = 7.44) appears in no agenda (Markdown, HTML, Word)
    // and no chart, in any format.
    let mut scanned = 0;
    for file in files_under(&report) {
        let path = report.join(&file);
        let name = file.to_string_lossy().to_string();
        let text = if name.ends_with(".docx") {
            docx_text(&path)
        } else if name.ends_with(".md") || name.ends_with(".html") || name.ends_with(".svg") {
            std::fs::read_to_string(&path).unwrap()
        } else {
            continue;
        };
        if name.starts_with("tables/") || name.starts_with("data-quality") {
            continue;
        }
        scanned += 1;
        for hidden in ["7,4", "7.4"] {
            // Numbers as shown: not part of a longer number (SVG coordinates are).
            let shown = text.match_indices(hidden).any(|(i, _)| {
                let before = text[..i].chars().last();
                let after = text[i + hidden.len()..].chars().next();
                !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    && !after.is_some_and(|c| c.is_ascii_digit())
            });
            assert!(!shown, "{hidden} in {name}");
        }
    }
    assert!(scanned > 5, "{scanned} files scanned");
}

#[test]
fn agenda_snapshot_in_dutch_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    write(tmp.path(), "exports/prem.csv", long_export().as_bytes());
    let report = run_report(tmp.path());
    insta::assert_snapshot!(
        "agenda_nl",
        std::fs::read_to_string(report.join("vsv-een/agenda.md")).unwrap()
    );
    let en = PREM_TOML.replace(
        "name = \"Testregio\"",
        "name = \"Testregio\"\nlanguage = \"en\"",
    );
    write(tmp.path(), "prem.toml", en.as_bytes());
    let report = run_report(tmp.path());
    insta::assert_snapshot!(
        "agenda_en",
        std::fs::read_to_string(report.join("vsv-een/agenda.md")).unwrap()
    );
}

/// Issue 10: a VSV without respondents in the period gets no agenda but a line in the
/// index; rows left out are one line in each agenda, with the share and the main reason.
#[test]
fn a_unit_without_clients_gets_an_index_line_and_left_out_rows_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let mut export = long_export();
    for i in 0..12 {
        export += &format!(
            "T{i};VSV Twee;Praktijk Twee;Verloskundigenpraktijk;{:02}-05-2026;Ja;30;8;8;\r\n",
            i + 1
        );
    }
    write(tmp.path(), "exports/prem.csv", export.as_bytes());
    let report = run_report(tmp.path());
    assert!(report.join("vsv-een/agenda.md").exists());
    assert!(
        !report.join("vsv-twee").exists(),
        "no agenda without clients"
    );
    // The region's agenda has no "vs region" column, so it does not explain one.
    let region = std::fs::read_to_string(report.join("regio/agenda.md")).unwrap();
    assert!(!region.contains("T.o.v. regio") && !region.contains("*Lager* of *hoger"));
    assert!(region.contains("| Thema | Score | 95%-BI | T.o.v. vorige periode |"));
    let index = std::fs::read_to_string(report.join("index.md")).unwrap();
    assert!(
        index.contains("| VSV Twee | geen cliënten in 2026-K3: geen agendapunt | – | – |"),
        "{index}"
    );
    // 1 of the 37 data rows has an unreadable date (31-02-2026): 3%.
    let agenda = std::fs::read_to_string(report.join("vsv-een/agenda.md")).unwrap();
    assert!(
        agenda.contains(
            "- **Niet meegeteld:** 3% van de rijen in de exports, vooral: datum onleesbaar — \
             zie [datakwaliteit](../data-quality.md)"
        ),
        "{agenda}"
    );
}

/// Real data (NHS Friends and Family Test, tests/fixtures/nhs-fft/README.md): comma
/// separated, headers with commas and `&`, a reversed 5-point scale with 6/7 as "don't
/// know", and dates that mix day-first and month-first in one column.
#[test]
fn real_nhs_export_with_mixed_date_orders() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/nhs-fft/fft_excerpt.csv");
    std::fs::copy(&fixture, tmp.path().join("fft.csv")).unwrap();
    let codebook = r#"
name = "fft"
title = "NHS Friends and Family Test"
[scales.fft]
type = "ordinal"
levels = ["very poor", "poor", "neither good nor poor", "good", "very good"]
positive = ["very good"]
problem = ["very poor", "poor"]
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
improvement = ["FFT answer"]
"#;
    write(tmp.path(), "fft.toml", codebook.as_bytes());
    let config = r#"
[analysis]
name = "NHS FFT"
language = "en"
unit = "Trust"
[[source]]
name = "fft"
files = ["fft.csv"]
codebook = "fft.toml"
[source.columns]
respondent = "Respondent ID"
vsv = "Trust"
organisation = "Service type 1"
date = "Date"
"#;
    write(tmp.path(), "prem.toml", config.as_bytes());
    prem()
        .args(["report", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .success();
    let dq = std::fs::read_to_string(tmp.path().join("reports/2021-Q4/data-quality.csv")).unwrap();
    // 05/10, 07/10 (×6) and 10/09 cannot be read safely in a file that also has 30/09 and 10/17.
    assert_eq!(
        dq.lines().filter(|l| l.contains("ambiguous_date")).count(),
        8,
        "{dq}"
    );
    assert!(
        dq.contains("fft,fft.csv,31,Date,05/10/2021,ambiguous_date"),
        "{dq}"
    );
    let rows = scores(&tmp.path().join("reports/2021-Q4"));
    // Expected from the fixture with Python (statistics.mean/stdev), answers 1..5 → 10, 7.5,
    // 5, 2.5, 0 (reversed), 6/7 left out, ambiguous rows left out:
    // 2021-Q3: n 28, mean 8.839285714285714, sd 1.8611703378398836, top box 64.29 %
    // 2021-Q4: n 19, mean 8.289473684210526, sd 3.54069904222349, top box 78.95 %
    let q = |period: &str| {
        rows.iter()
            .find(|r| r["period"] == period && r["vsv"].is_empty() && r["item"].is_empty())
            .unwrap()
    };
    assert_eq!(
        (q("2021-Q3")["n"].as_str(), q("2021-Q3")["mean"].as_str()),
        ("28", "8.8393")
    );
    assert_eq!(q("2021-Q3")["sd"], "1.8612");
    assert_eq!(q("2021-Q3")["top_box_pct"], "64.29");
    assert_eq!(
        (q("2021-Q4")["n"].as_str(), q("2021-Q4")["mean"].as_str()),
        ("19", "8.2895")
    );
    assert_eq!(q("2021-Q4")["sd"], "3.5407");
    assert_eq!(q("2021-Q4")["top_box_pct"], "78.95");
    // Issue 10: the units are called what the data call them, and no claim is made about
    // a case-mix adjustment the export gives no columns for.
    let report = tmp.path().join("reports/2021-Q4");
    let mut agendas: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&report).unwrap() {
        let path = entry.unwrap().path().join("agenda.md");
        if path.exists() {
            agendas.push(std::fs::read_to_string(path).unwrap());
        }
    }
    assert!(agendas.len() >= 2, "{agendas:?}");
    for agenda in &agendas {
        assert!(!agenda.contains("VSV"), "{agenda}");
        assert!(!agenda.contains("parity and age"), "{agenda}");
        assert!(agenda.contains(
            "Scores are not adjusted for differences in clients between Trusts: the exports \
             have no column for parity or age."
        ));
    }
    let index = std::fs::read_to_string(report.join("index.md")).unwrap();
    assert!(index.contains("| Trust | Agenda item |") && index.contains("Per Trust an agenda"));
}

#[test]
fn an_explicit_date_order_reads_every_date() {
    let tmp = tempfile::tempdir().unwrap();
    let toml = PREM_TOML.replace(
        "codebook = \"prem-geboortezorg\"",
        "codebook = \"prem-geboortezorg\"\ndate_order = \"mdy\"",
    );
    write(tmp.path(), "prem.toml", toml.as_bytes());
    // 07/15/2026 is only valid month first; 08/01/2026 then means 1 August.
    let text = long_export()
        .replace("01-07-2026", "07/15/2026")
        .replace("2026-08-01", "08/01/2026");
    write(tmp.path(), "exports/prem.csv", text.as_bytes());
    prem()
        .args(["report", "--quiet", "--period", "2026-Q3"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .success();
    let report = tmp.path().join("reports/2026-Q3");
    let dq = std::fs::read_to_string(report.join("data-quality.csv")).unwrap();
    assert!(!dq.contains("ambiguous_date"), "{dq}");
    // Month first, 02-07-2026 … 12-07-2026 are 7 February … 7 December: only 07/15 and
    // 07-07, 08-07, 09-07 stay in 2026-Q3 (4 respondents, suppressed), and 2026-Q1 appears.
    let rows = scores(&report);
    let vp = find(
        &rows,
        "VSV Één",
        "Verloskundigenpraktijk",
        "informatievoorziening",
        "",
    );
    assert_eq!(vp["status"], "suppressed");
    assert!(rows.iter().any(|r| r["period"] == "2026-Q1"));
}

#[test]
fn unknown_period_or_vsv_is_bad_usage() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    write(tmp.path(), "exports/prem.csv", long_export().as_bytes());
    prem()
        .args(["report", "--quiet", "--period", "2030-Q1"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-Q3"));
    prem()
        .args(["report", "--quiet", "--vsv", "VSV Nergens"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("VSV Één"));
    prem()
        .args(["report", "--quiet", "--period", "K3"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(2);
}

/// Work is spread over the cores (files, cells, charts, agendas), but the report does not
/// depend on how: one thread and two give the same bytes in every file.
#[test]
fn one_thread_or_two_give_the_same_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let mut folders = Vec::new();
    for threads in ["1", "2"] {
        let out = tmp.path().join(format!("threads-{threads}"));
        prem()
            .env("RAYON_NUM_THREADS", threads)
            .args(["report", "--quiet", "--out"])
            .arg(&out)
            .arg(root.join("data-samples/prem.toml"))
            .assert()
            .success();
        folders.push(out.join("2026-Q3"));
    }
    let files = files_under(&folders[0]);
    assert_eq!(files, files_under(&folders[1]));
    assert!(files.len() > 100, "{} files", files.len());
    for f in files {
        assert!(
            std::fs::read(folders[0].join(&f)).unwrap()
                == std::fs::read(folders[1].join(&f)).unwrap(),
            "{} differs between 1 and 2 threads",
            f.display()
        );
    }
}

/// `--timings` names every stage in the report's language, with seconds and the total.
#[test]
fn timings_name_every_stage() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = prem()
        .args(["report", "--quiet", "--timings", "--out"])
        .arg(tmp.path())
        .arg(root.join("data-samples/prem.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("tijd en piekgeheugen per onderdeel"),
        "{stderr}"
    );
    for stage in [
        "exports lezen",
        "scores berekenen",
        "privacy: onderdrukken en controleren",
        "trends en SPC",
        "regiovergelijking",
        "tabellen en grafieken",
        "verbeterpunten en citaten",
        "agenda's, index en manifest",
        "naar schijf schrijven",
        "totaal",
    ] {
        let line = stderr.lines().find(|l| l.contains(stage));
        assert!(
            line.is_some_and(|l| l.contains(" s")),
            "no line with seconds for {stage:?} in:\n{stderr}"
        );
    }
    // Dutch decimals: "0,12 s", never "0.12 s".
    let total = stderr.lines().find(|l| l.contains("totaal")).unwrap();
    assert!(total.contains(','), "{total}");
}

/// The example report in the repository (`reports/`) is part of what a fresh run on
/// `data-samples/` writes: the files the README and the handleiding link to (one VSV, the
/// region's agenda and heatmap, the tables' CSV), kept small because every change to the
/// output re-commits them.
/// After a change to the output, refresh them with `bash reports/refresh`.
#[test]
fn committed_example_report_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    prem()
        .args(["report", "--quiet", "--out"])
        .arg(tmp.path())
        .arg(root.join("data-samples/prem.toml"))
        .assert()
        .success();
    let fresh = tmp.path().join("2026-Q3");
    let committed = root.join("reports/2026-Q3");
    let files = files_under(&committed);
    for linked in [
        "index.html",
        "vsv-zaanstreek/agenda.md",
        "vsv-zaanstreek/agenda.docx",
        "vsv-zaanstreek/agenda.html",
        "regio/agenda.md",
        "regio/charts/heatmap.png",
        "tables/scores.csv",
        "data-quality.md",
    ] {
        assert!(files.contains(&PathBuf::from(linked)), "{linked} missing");
    }
    for f in files {
        assert!(
            std::fs::read(fresh.join(&f)).ok() == std::fs::read(committed.join(&f)).ok(),
            "reports/2026-Q3/{} is stale: run `bash reports/refresh`",
            f.display()
        );
    }
}

#[test]
fn spc_and_funnel_on_any_csv() {
    let tmp = tempfile::tempdir().unwrap();
    // A Perined-style indicator per quarter, Dutch CSV: ';' and decimal comma, out of order.
    let mut csv = String::from("Kwartaal;Percentage\n");
    let values = [
        "80,1", "79,5", "80,4", "80,0", "79,8", "80,3", "79,9", "80,2", "80,1", "79,7", "80,0",
        "70,0",
    ];
    let mut rows: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{}-K{};{v}\n", 2024 + i / 4, i % 4 + 1))
        .collect();
    rows.reverse();
    csv.extend(rows);
    write(tmp.path(), "indicator.csv", csv.as_bytes());
    let json = json_of(
        &[
            "spc",
            "--value",
            "Percentage",
            "--date",
            "Kwartaal",
            "--json",
        ],
        &tmp.path().join("indicator.csv"),
    );
    let points = json["points"].as_array().unwrap();
    assert_eq!(points.len(), 12);
    assert_eq!(points[0]["label"], "2024-K1"); // sorted by period
    let last = &points[11];
    assert_eq!(last["variation"], "special_cause_concern");
    assert!(last["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "outside_limits"));
    // The centre line is the mean of the 12 values.
    let mean = values
        .iter()
        .map(|v| v.replace(',', ".").parse::<f64>().unwrap())
        .sum::<f64>()
        / 12.0;
    assert!((last["mean"].as_f64().unwrap() - mean).abs() < 1e-9);
    assert!(last["lpl"].as_f64().unwrap() > 70.0);

    // Funnel: 12 units, one clearly low.
    let mut f = String::from("VSV,teller,noemer\n");
    for i in 0..12 {
        let num = if i == 3 { 50 } else { 80 + i };
        f += &format!("VSV {i},{num},100\n");
    }
    write(tmp.path(), "units.csv", f.as_bytes());
    let args = [
        "funnel",
        "--unit",
        "VSV",
        "--numerator",
        "teller",
        "--denominator",
        "noemer",
        "--json",
    ];
    let json = json_of(&args, &tmp.path().join("units.csv"));
    let total: f64 = (0..12)
        .map(|i| if i == 3 { 50.0 } else { 80.0 + i as f64 })
        .sum();
    assert!((json["target"].as_f64().unwrap() - total / 1200.0).abs() < 1e-12);
    let low = &json["units"][3];
    assert_eq!(low["name"], "VSV 3");
    assert!(
        low["band"] == "much_worse" || low["band"] == "worse",
        "{low}"
    );
    for key in ["ll95", "ul95", "ll998", "ul998", "z"] {
        assert!(low[key].is_number(), "{key}");
    }
    // --out writes the numbers and the chart, as SVG and PNG.
    let out = tmp.path().join("charts");
    let mut spc_args: Vec<&str> = vec!["spc", "--value", "Percentage", "--date", "Kwartaal"];
    spc_args.extend(["--out", out.to_str().unwrap()]);
    prem()
        .args(&spc_args)
        .arg(tmp.path().join("indicator.csv"))
        .assert()
        .success();
    let mut funnel_args = args[..7].to_vec();
    funnel_args.extend(["--out", out.to_str().unwrap()]);
    prem()
        .args(&funnel_args)
        .arg(tmp.path().join("units.csv"))
        .assert()
        .success();
    for name in ["spc", "funnel"] {
        let svg = std::fs::read_to_string(out.join(format!("{name}.svg"))).unwrap();
        assert!(svg.starts_with("<svg"), "{name}");
        let png = std::fs::read(out.join(format!("{name}.png"))).unwrap();
        assert_eq!(&png[1..4], b"PNG", "{name}");
        assert!(out.join(format!("{name}.json")).exists());
    }
    let svg = std::fs::read_to_string(out.join("spc.svg")).unwrap();
    assert!(svg.contains("Percentage") && svg.contains("2026-K4"));
    let svg = std::fs::read_to_string(out.join("funnel.svg")).unwrap();
    assert!(svg.contains("VSV 3"), "the outlier is labelled");

    // The funnel table has a header above its columns.
    let out = prem()
        .args(&args[..7])
        .arg(tmp.path().join("units.csv"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let header = text
        .lines()
        .find(|l| l.starts_with("eenheid"))
        .expect(&text);
    assert!(
        header.contains(" n ") && header.ends_with("positie"),
        "{text}"
    );

    // A missing column is named.
    prem()
        .args([
            "funnel",
            "--unit",
            "Eenheid",
            "--numerator",
            "teller",
            "--denominator",
            "noemer",
        ])
        .arg(tmp.path().join("units.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Eenheid"));
}

/// Issue 10: a series shorter than the minimum (12 by default, `--min-points`) gets its
/// mean only: no limits and no classification, in the table, the JSON and the chart, and
/// the table says so under its header.
#[test]
fn spc_of_three_points_has_no_limits_and_no_classification() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "kort.csv",
        b"Kwartaal;Percentage\n2026-K1;80,0\n2026-K2;82,0\n2026-K3;81,0\n",
    );
    let file = tmp.path().join("kort.csv");
    let out = prem()
        .args(["spc", "--value", "Percentage", "--date", "Kwartaal"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0], "Kwartaal  waarde  gemiddelde  ondergrens  bovengrens  variatie",
        "{text}"
    );
    assert_eq!(
        lines[2],
        "2026-K1   80,000      81,000           –           –  –"
    );
    assert!(!text.contains("gewone variatie"), "{text}");
    assert!(text.contains("te weinig punten voor grenzen en classificatie (3 van de 12)"));
    let json = json_of(
        &[
            "spc",
            "--value",
            "Percentage",
            "--date",
            "Kwartaal",
            "--json",
        ],
        &file,
    );
    assert!(json["points"][2]["variation"].is_null());
    assert!(json["points"][2]["upl"].is_null());
    assert_eq!(json["too_few_points"], true);
    assert!(json["variation_icon"].is_null());
    // The chart draws the points and the mean, with the note in the legend.
    let out_dir = tmp.path().join("uit");
    prem()
        .args([
            "spc",
            "--value",
            "Percentage",
            "--date",
            "Kwartaal",
            "--out",
        ])
        .arg(&out_dir)
        .arg(&file)
        .assert()
        .success();
    let svg = std::fs::read_to_string(out_dir.join("spc.svg")).unwrap();
    assert!(svg.contains("te weinig punten voor grenzen (3 van de 12)"));
    assert!(
        !svg.lines().any(|l| l.trim() == "procesgrenzen"),
        "no limits legend"
    );
    assert!(!svg.contains("gewone variatie"));
    // --min-points 3 asks for the package's behaviour: limits and a classification.
    let json = json_of(
        &[
            "spc",
            "--value",
            "Percentage",
            "--date",
            "Kwartaal",
            "--json",
            "--min-points",
            "3",
        ],
        &file,
    );
    assert_eq!(json["points"][2]["variation"], "common_cause");
    assert!(json["points"][2]["upl"].as_f64().unwrap() > 82.0);
}

/// A copy of `from` (files and folders) at `to`.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Issue 3's acceptance: on data-samples/ the statistics find what the generator planted.
/// The sample has 8 quarters, fewer than the 12 an SPC chart needs by default, so this run
/// lowers `spc_min_points` to 8 to see the planted decline as an SPC signal.
#[test]
fn planted_effects_are_found_in_data_samples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_tree(&root.join("data-samples"), &data);
    let config = data.join("prem.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains("mid = 0.45\n"));
    let text = text.replace("mid = 0.45\n", "mid = 0.45\nspc_min_points = 8\n");
    std::fs::write(&config, text).unwrap();
    prem()
        .args(["report", "--quiet", "--out"])
        .arg(tmp.path())
        .arg(&config)
        .assert()
        .success();
    let rows = scores(&tmp.path().join("2026-Q3"));
    let worse = prem::sample::vsv_names(8)[prem::sample::WORSE_VSV_INDEX].clone();
    // The worse VSV is banded worse on its theme; the declining theme declines significantly
    // and shows an SPC signal of concern.
    let row = |vsv: &str, theme: &str| {
        rows.iter()
            .find(|r| {
                r["period"] == "2026-Q3"
                    && r["vsv"] == vsv
                    && r["care_type"].is_empty()
                    && r["organisation"].is_empty()
                    && r["theme"] == theme
                    && r["item"].is_empty()
            })
            .unwrap()
    };
    let w = row(&worse, prem::sample::WORSE_THEME);
    assert!(w["band"] == "worse" || w["band"] == "much_worse", "{w:?}");
    assert!(num(w, "z") < -1.96);
    for vsv in prem::sample::vsv_names(8).iter().filter(|v| **v != worse) {
        let band = &row(vsv, prem::sample::WORSE_THEME)["band"];
        assert!(band != "much_worse" && band != "worse", "{vsv}: {band}");
    }
    let region = row("", prem::sample::DECLINING_THEME);
    assert!(
        num(region, "change_prev") <= -0.45 && num(region, "p_prev") < 0.05,
        "{region:?}"
    );
    assert_eq!(region["spc_signal"], "special_cause_concern");
    // Every VSV: significantly below the same quarter a year earlier, and an SPC concern
    // (quarter-on-quarter a small VSV's drop may stay below the MID by chance).
    for vsv in prem::sample::vsv_names(8) {
        let d = row(&vsv, prem::sample::DECLINING_THEME);
        assert!(
            num(d, "change_year") <= -0.45 && num(d, "p_year") < 0.05,
            "{d:?}"
        );
        assert_eq!(d["spc_signal"], "special_cause_concern", "{vsv}");
    }

    // Issue 5: the planted effects lead the improvement points, with the right reasons.
    let report = tmp.path().join("2026-Q3");
    let flags = read_csv(&report.join("tables/flags.csv"));
    let flag = |vsv: &str, theme: &str, kind: &str| {
        flags
            .iter()
            .find(|f| f["vsv"] == vsv && f["theme"] == theme && f["kind"] == kind)
            .cloned()
    };
    let w = flag(&worse, prem::sample::WORSE_THEME, "improvement").expect("worse flagged");
    assert!(w["reasons"].contains("worse_than_expected"), "{w:?}");
    assert!(w["rank"].parse::<usize>().unwrap() <= 3, "{w:?}");
    assert!(w["evidence"].contains("z=-"), "{w:?}");
    for vsv in prem::sample::vsv_names(8) {
        let d = flag(&vsv, prem::sample::DECLINING_THEME, "improvement").expect("declining");
        assert!(d["reasons"].contains("decline_year"), "{d:?}");
        assert!(d["reasons"].contains("spc_concern"), "{d:?}");
        assert!(d["rank"].parse::<usize>().unwrap() <= 3, "{vsv}: {d:?}");
    }
    let agenda = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.md")).unwrap();
    let (main, appendix) = agenda.split_once("## Bijlage").expect("an appendix");
    let lead = main.split("## Sterke punten").next().unwrap();
    assert!(lead.contains("### 1. Informatievoorziening — 7,"), "{lead}");
    assert!(lead.contains("- duidelijk lager dan bij de andere VSV's — meer dan toeval"));
    assert!(lead.contains("Bereikbaarheid — "));
    assert!(
        lead.contains("- gedaald sinds vorig kwartaal (toen 7,"),
        "{lead}"
    );
    // Issue 10: no test statistic or method name in the main part; each one in the appendix.
    let text: String = main
        .lines()
        .filter(|l| !l.starts_with("!["))
        .collect::<Vec<_>>()
        .join("\n");
    for jargon in [
        "z =",
        "p <",
        "p =",
        "verbeterscore",
        "SPC",
        "funnel",
        "Welch",
        "BI",
    ] {
        assert!(!text.contains(jargon), "{jargon} in the main part:\n{text}");
    }
    assert!(appendix.contains(
        "| 1 | Informatievoorziening | duidelijk lager dan bij de andere VSV's — meer dan toeval | veel slechter dan verwacht t.o.v. de regio: z = −"
    ));
    assert!(appendix.contains("| 3 | Bereikbaarheid | gedaald sinds vorig kwartaal"));
    // Each leading point shows its one key chart; the funnel comes from the region's folder.
    assert!(lead.contains("](../regio/charts/funnel-informatievoorziening.png \"key\")"));
    assert!(lead.contains("](charts/spc-bereikbaarheid.png \"key\")"));
    // The action after which the improving VSV's theme rose shows a significant rise.
    let improving = prem::sample::vsv_names(8)[prem::sample::IMPROVING_VSV_INDEX].clone();
    let slug = prem::report::output::slug(&improving);
    let agenda = std::fs::read_to_string(report.join(slug).join("agenda.md")).unwrap();
    let row = agenda
        .lines()
        .find(|l| l.starts_with("| A3 "))
        .expect("A3 in the follow-up");
    assert!(
        row.contains("(significant, p < 0,001)") && row.contains(": +0,"),
        "{row}"
    );
    // The overdue action stands out.
    let agenda = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.md")).unwrap();
    let row = agenda.lines().find(|l| l.starts_with("| A2 ")).unwrap();
    assert!(row.contains("**te laat**"), "{row}");
    // Issue 10: the feedback to clients tells the truth about the overdue action, and the
    // points without an action share one "we discuss this" line.
    assert!(agenda.contains(
        "> U zei: Informatievoorziening kan beter. Wij werken aan: Uitleg over \
         pijnbestrijding (ruggenprik) herschrijven met het cliëntenpanel, in folder en op de \
         website. Dat duurt langer dan we hadden gepland."
    ));
    assert!(!agenda.contains("Wij doen: Uitleg"));
    assert_eq!(agenda.matches("Wij doen: we bespreken dit").count(), 1);
    assert!(agenda.contains("**Actie:** A2 — Uitleg over pijnbestrijding"));
    assert!(agenda.contains("(lopend, **te laat**)"));
    let missing = agenda
        .lines()
        .find(|l| l.starts_with("Verbeterpunten zonder actie in het register:"))
        .expect("points without an action are named");
    assert!(missing.contains("Bereikbaarheid") && !missing.contains("Informatievoorziening"));

    // Issue 10: the local enquête's Opmerkingen hold compliments and complaints; the
    // compliment below was quoted under the region's first improvement point. Quotes under
    // improvement points are never pure praise, under strengths never pure complaint.
    let region = std::fs::read_to_string(report.join("regio/agenda.md")).unwrap();
    assert!(!region.contains("Het chatten met de praktijk werkte goed."));
    for f in files_under(&report)
        .into_iter()
        .filter(|f| f.ends_with("agenda.md"))
    {
        let agenda = std::fs::read_to_string(report.join(&f)).unwrap();
        let (points, rest) = agenda
            .split_once("## Sterke punten")
            .unwrap_or((&agenda, ""));
        let quotes = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.strip_prefix("> “"))
                .map(str::to_string)
                .collect()
        };
        use prem::text::polarity::{polarity, Polarity};
        for q in quotes(points) {
            assert_ne!(polarity(&q), Polarity::Positive, "{}: {q}", f.display());
        }
        let strengths = rest.split("\n## ").next().unwrap_or("");
        for q in quotes(strengths) {
            assert_ne!(polarity(&q), Polarity::Negative, "{}: {q}", f.display());
        }
    }
}

/// The body XML (`word/document.xml`) of a .docx file.
fn docx_text(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut s).unwrap();
    s
}

/// A CSV file as maps from column to value.
fn read_csv(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn agendas_in_three_formats_escape_free_text_and_embed_the_charts() {
    let tmp = tempfile::tempdir().unwrap();
    let report = sample_report(tmp.path());
    // An action whose text tries to inject HTML, in the register beside prem.toml.
    let register = tmp.path().join("acties.csv");
    let mut text = std::fs::read_to_string(&register).unwrap();
    text.push_str("A9,VSV Zaanstreek,informatievoorziening,\"<script>alert('x')</script> & <b>vet</b>\",Team,2026-08-01,,1m,lopend\n");
    std::fs::write(&register, text).unwrap();
    let report = {
        let _ = report;
        run_report(tmp.path())
    };
    let html = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.html")).unwrap();
    assert!(html.starts_with("<!doctype html>") || html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script>"), "raw script in the HTML");
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("<svg"), "charts inline");
    assert!(!html.contains("src=\"charts/"), "no external chart files");
    assert!(html.contains("@page"));
    // The Word file is valid OOXML with the headings, the escaped text and the charts.
    let docx = report.join("vsv-zaanstreek/agenda.docx");
    let document = docx_text(&docx);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    for heading in [
        "Verbeterpunten",
        "Sterke punten",
        "Opvolging van acties",
        "Voorstel voor een besluit: 90-dagenplan (in te vullen)",
        "Terugkoppeling aan cliënten: U zei, wij doen",
        "Bijlage: cijfers, toetsen en grafieken",
    ] {
        assert!(document.contains(heading), "{heading}");
    }
    assert!(document.contains("&lt;script") && !document.contains("<script"));
    // Issue 10: Word embeds every chart the agenda shows (the key charts float beside their
    // point), and no chart is left behind as a dead line of text.
    let md = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.md")).unwrap();
    let images = md.lines().filter(|l| l.starts_with("![")).count();
    assert!(images >= 10, "{images} charts in the agenda");
    assert_eq!(document.matches("<w:drawing>").count(), images);
    // The five key charts stand beside their points in rows that never split.
    let beside = document
        .split("<w:tbl>")
        .skip(1)
        .map(|t| t.split("</w:tbl>").next().unwrap_or(""))
        .filter(|t| t.contains("<w:drawing>") && t.contains("<w:cantSplit />"))
        .count();
    assert_eq!(beside, 5, "key charts");
    assert!(!document.contains("(SVG)") && !document.contains("prem:page-break"));
    assert_eq!(document.matches("<w:pageBreakBefore />").count(), 1);
    let media = (0..zip.len())
        .filter(|&i| {
            zip.by_index(i)
                .unwrap()
                .name()
                .unwrap()
                .starts_with("word/media/")
        })
        .count();
    assert!(media >= 3, "{media} images");
    // index.html links every VSV's agenda.
    let index = std::fs::read_to_string(report.join("index.html")).unwrap();
    for vsv in prem::sample::vsv_names(6) {
        let slug = prem::report::output::slug(&vsv);
        assert!(
            index.contains(&format!("href=\"{slug}/agenda.html\"")),
            "{slug}"
        );
        assert!(report.join(&slug).join("agenda.docx").exists());
    }
    assert!(index.contains("href=\"regio/agenda.html\""));
}

/// A whole VSV below min_n: six respondents of the last quarter moved to "VSV Klein", with
/// open answers that match every theme. Nothing of it may show: no number, no quote, no
/// flag, and the region's response counts are rounded.
#[test]
fn a_vsv_below_min_n_shows_nothing_anywhere() {
    let tmp = tempfile::tempdir().unwrap();
    sample_report(tmp.path());
    let export = tmp.path().join("exports/prem-2026-K3.csv");
    let bytes = std::fs::read(&export).unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    let header: Vec<String> = lines[0].split(';').map(str::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, vsv, open) = (col("Respondentnummer"), col("VSV"), col("Verbeterpunten"));
    let mut moved: Vec<String> = Vec::new();
    for line in lines.iter_mut().skip(1) {
        let mut fields: Vec<String> = line.split(';').map(str::to_string).collect();
        if fields.len() != header.len() || fields[1] == "VSV Zaanstreek" {
            continue;
        }
        let rid = fields[id].clone();
        if !moved.contains(&rid) {
            if moved.len() == 6 {
                continue;
            }
            moved.push(rid);
        }
        fields[vsv] = "VSV Klein".into();
        fields[open] = "KLEINGEHEIM: uitleg, informatie, terugbellen, telefoon, aandacht, tijd voor, vertrouwen, pijn".into();
        *line = fields.join(";");
    }
    assert_eq!(moved.len(), 6);
    let joined = lines.join("\r\n");
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&joined);
    std::fs::write(&export, encoded).unwrap();
    let report = run_report(tmp.path());

    let rows = scores(&report);
    let klein: Vec<_> = rows
        .iter()
        .filter(|r| r["vsv"] == "VSV Klein" && r["period"] == "2026-Q3")
        .collect();
    assert!(!klein.is_empty());
    assert!(klein
        .iter()
        .all(|r| r["status"] == "suppressed" && r["mean"].is_empty()));
    let mut scanned = 0;
    for file in files_under(&report) {
        let name = file.to_string_lossy().to_string();
        let path = report.join(&file);
        let text = if name.ends_with(".docx") {
            docx_text(&path)
        } else if [".md", ".html", ".svg", ".csv"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            std::fs::read_to_string(&path).unwrap()
        } else {
            continue;
        };
        scanned += 1;
        assert!(
            !text.contains("KLEINGEHEIM"),
            "a quote of VSV Klein in {name}"
        );
    }
    assert!(scanned > 50);
    let flags = read_csv(&report.join("tables/flags.csv"));
    assert!(!flags.iter().any(|f| f["vsv"] == "VSV Klein"));
    let agenda = std::fs::read_to_string(report.join("vsv-klein/agenda.md")).unwrap();
    assert!(
        agenda.contains("**Respons:** onderdrukt (privacy) (prem)"),
        "{agenda}"
    );
    // Counts are exact or hidden, never rounded: the region's count is the one its
    // tables imply, and the VSV that would give Klein's count away is hidden too.
    let region = std::fs::read_to_string(report.join("regio/agenda.md")).unwrap();
    assert!(!region.contains("ca. "), "{region}");
    assert!(region.contains("**Respons:** "), "{region}");
    let heatmap = std::fs::read_to_string(report.join("regio/charts/heatmap.svg")).unwrap();
    assert!(heatmap.contains("VSV Klein") || heatmap.contains("Klein"));
}

#[test]
fn agenda_of_a_sample_vsv_in_dutch_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let report = sample_report(tmp.path());
    let nl = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.md")).unwrap();
    insta::assert_snapshot!("sample_agenda_nl", nl);
    let config = tmp.path().join("prem.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"nl\"", "language = \"en\"");
    std::fs::write(&config, text).unwrap();
    let report = run_report(tmp.path());
    let en = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.md")).unwrap();
    insta::assert_snapshot!("sample_agenda_en", en);
}

#[test]
fn no_usable_rows_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let text = "Respondentnummer;VSV;Zorgaanbieder;Zorgsoort;Datum ingevuld;Eerste kind;Leeftijd;Informatievoorziening\n\
                R1;VSV A;P;Verloskundigenpraktijk;31-02-2026;Ja;30;8\n";
    write(tmp.path(), "exports/prem.csv", text.as_bytes());
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("datum onleesbaar"))
        .stderr(predicate::str::contains(
            "exports/prem.csv:2 [Datum ingevuld] \"31-02-2026\"",
        ));
}

/// Review findings: without an id column a wide row is one person (not one per care type);
/// ids that restart in every export (Forms) are not duplicates across VSVs or periods.
#[test]
fn respondents_are_people_and_restarting_ids_are_not_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let toml = PREM_TOML
        .replace("respondent = \"Respondentnummer\"\n", "")
        .replace("organisation = \"Zorgaanbieder\"\n", "")
        .replace("care_type = \"Zorgsoort\"\n", "");
    write(tmp.path(), "prem.toml", toml.as_bytes());
    let mut s = String::from("VSV;Datum ingevuld;Eerste kind;Leeftijd;VP_Informatievoorziening;KZ_Informatievoorziening;ZH_Informatievoorziening\n");
    for _ in 0..12 {
        s += "VSV A;15-07-2026;Ja;31;8;7;9\n";
    }
    write(tmp.path(), "exports/prem.csv", s.as_bytes());
    let rows = scores(&run_report(tmp.path()));
    assert_eq!(
        find(&rows, "VSV A", "", "informatievoorziening", "")["n"],
        "12"
    );

    // Forms-style exports: ids 1..12 in each file, for two VSVs and two quarters.
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    for (file, vsv, date) in [
        ("a", "VSV A", "15-07-2026"),
        ("b", "VSV B", "15-07-2026"),
        ("c", "VSV A", "15-04-2026"),
    ] {
        let mut s = String::from("Respondentnummer;VSV;Zorgaanbieder;Zorgsoort;Datum ingevuld;Eerste kind;Leeftijd;Informatievoorziening\n");
        for id in 1..=12 {
            s += &format!("{id};{vsv};P;Verloskundigenpraktijk;{date};Ja;30;8\n");
        }
        write(tmp.path(), &format!("exports/{file}.csv"), s.as_bytes());
    }
    let report = run_report(tmp.path());
    let dq = std::fs::read_to_string(report.join("data-quality.csv")).unwrap();
    assert!(!dq.contains("duplicate_respondent"), "{dq}");
    let rows = scores(&report);
    assert_eq!(
        find(&rows, "VSV B", "", "informatievoorziening", "")["n"],
        "12"
    );
}

/// Regression (silent loss): "VSV  Noord", "VSV Noord 2" and "VSV-Noord" shared a folder,
/// so one agenda overwrote another. Each VSV now has its own folder, the same every run.
#[test]
fn vsvs_whose_names_differ_in_punctuation_get_their_own_folders() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let mut s = String::from("Respondentnummer;VSV;Zorgaanbieder;Zorgsoort;Datum ingevuld;Eerste kind;Leeftijd;Informatievoorziening\n");
    for vsv in ["VSV  Noord", "VSV Noord 2", "VSV-Noord"] {
        for id in 1..=12 {
            s += &format!("{id};{vsv};P;Verloskundigenpraktijk;15-07-2026;Ja;30;8\n");
        }
    }
    write(tmp.path(), "exports/prem.csv", s.as_bytes());
    let report = run_report(tmp.path());
    let agendas: Vec<String> = files_under(&report)
        .iter()
        .filter(|p| p.ends_with("agenda.md"))
        .map(|p| std::fs::read_to_string(report.join(p)).unwrap())
        .collect();
    assert_eq!(agendas.len(), 4, "three VSVs and the region");
    let titles: std::collections::BTreeSet<&str> =
        agendas.iter().filter_map(|a| a.lines().next()).collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    let first = files_under(&report);
    let again = files_under(&run_report(tmp.path()));
    assert_eq!(first, again, "the same folders on every run");
}

/// Regression (hostile inputs): a header without rows ended in "no usable rows" naming
/// prem.toml, or passed silently next to other files; now the error names the file.
#[test]
fn a_header_only_export_is_an_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let text = long_export();
    write(tmp.path(), "exports/a.csv", text.as_bytes());
    let header = text.lines().next().unwrap_or_default().to_string();
    write(
        tmp.path(),
        "exports/leeg.csv",
        format!("{header}\r\n").as_bytes(),
    );
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("leeg.csv").and(predicate::str::contains("kopregel")))
        .stderr(predicate::str::contains("fout:").and(predicate::str::contains("tip:")));
    let en = PREM_TOML.replace("name = \"Testregio\"", "name = \"T\"\nlanguage = \"en\"");
    write(tmp.path(), "prem.toml", en.as_bytes());
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("leeg.csv").and(predicate::str::contains("only a header")))
        .stderr(predicate::str::contains("error:").and(predicate::str::contains("hint:")));
}

/// Issue 11: an error in the actions register says so, with a hint about the register
/// and its columns (it used to say "check prem.toml"); the labels follow the language of
/// the message, English with an English config.
#[test]
fn an_actions_register_error_points_at_the_register() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    write(tmp.path(), "exports/prem.csv", long_export().as_bytes());
    write(
        tmp.path(),
        "acties.csv",
        b"id;vsv;theme;action;owner;start;due;horizon;status\nA1;;informatievoorziening;Folder;X;21-01-2026;;binnenkort;lopend\n",
    );
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "acties.csv: rij 2, kolom \"horizon\": \"binnenkort\" — verwacht 30 dagen, 90 dagen of jaar",
        ))
        .stderr(predicate::str::contains(
            "tip: schrijf in acties.csv bij horizon 30 dagen, 90 dagen of jaar, of laat het leeg",
        ))
        .stderr(predicate::str::contains("prem.toml").not());
    let en = PREM_TOML.replace("name = \"Testregio\"", "name = \"T\"\nlanguage = \"en\"");
    write(tmp.path(), "prem.toml", en.as_bytes());
    prem()
        .args(["validate", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: ",
        ))
        .stderr(predicate::str::contains(
            "acties.csv: row 2, column \"horizon\": \"binnenkort\" — expected 30 days, 90 days or year",
        ))
        .stderr(predicate::str::contains(
            "hint: write 30 days, 90 days or year under horizon in acties.csv, or leave it empty",
        ))
        .stderr(predicate::str::contains("fout:").not());
    // A config that does not check still gets its errors in the language it asks for.
    let broken = en.replace("name = \"T\"", "name = \"T\"\nlanguag = \"en\"");
    write(tmp.path(), "prem.toml", broken.as_bytes());
    prem()
        .args(["report", "--quiet", "--period", "2030-Q1"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: "))
        .stderr(predicate::str::contains("unknown field `languag`"))
        .stderr(predicate::str::contains(
            "hint: check the key and its value",
        ));
    prem()
        .args(["report", "--quiet"])
        .arg(tmp.path().join("nope.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("fout: "))
        .stderr(predicate::str::contains("kan het bestand niet lezen"))
        .stderr(predicate::str::contains("tip: controleer het pad"));
}

/// Every `href="…"` value in an HTML text.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or("").to_string())
        .collect()
}

/// Replaces `from` by `to` in every CSV export of a sample folder (Windows-1252).
fn rename_in_exports(dir: &Path, from: &str, to: &str) {
    for e in std::fs::read_dir(dir.join("exports")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "csv") {
            let bytes = std::fs::read(&path).unwrap();
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            std::fs::write(&path, windows_1252(&text.replace(from, to))).unwrap();
        }
    }
}

/// Regression (injection): user strings — VSV, region and action names, the `why` — are
/// literal text in the agenda, the index and the Word file. No link can lead out of the
/// report (`//host` included), and a `|` in an action id keeps the follow-up table's columns.
#[test]
fn user_strings_make_no_live_links_and_keep_tables() {
    let tmp = tempfile::tempdir().unwrap();
    sample_report(tmp.path());
    let evil = "[klik](https://evil.example/a) <//evil.example/b> <https://evil.example/c>";
    rename_in_exports(tmp.path(), "VSV Zaanstreek", evil);
    let toml_path = tmp.path().join("prem.toml");
    let toml = std::fs::read_to_string(&toml_path).unwrap();
    let toml = toml
        .replace(
            "name = \"Regio Noord-Holland Noord\"",
            "name = \"Regio [n](//evil.example/n)\"",
        )
        .lines()
        .map(|l| {
            if l.starts_with("why = ") {
                "why = \"Zie [hier](//evil.example/why) en ![x](https://evil.example/x.png)\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&toml_path, toml).unwrap();
    let register = tmp.path().join("acties.csv");
    let mut text = std::fs::read_to_string(&register).unwrap();
    text.push_str("A|1,,informatievoorziening,Pijpactie,Team,2026-08-01,,1m,lopend\n");
    text.push_str("[B](//evil.example/id),,bereikbaarheid,Linkactie,[E](https://evil.example/o),2026-08-01,,1m,lopend\n");
    std::fs::write(&register, text).unwrap();
    let report = run_report(tmp.path());

    let dir = std::fs::read_dir(&report)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p.join("agenda.md")).is_ok_and(|t| t.contains("klik")))
        .expect("the renamed VSV has an agenda");
    let mut pages = vec![
        report.join("index.html"),
        report.join("regio/agenda.html"),
        dir.join("agenda.html"),
    ];
    pages.sort();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        for href in hrefs(&html) {
            assert!(
                !href.contains("evil.example")
                    && !href.starts_with("//")
                    && !href.starts_with('/')
                    && !href.contains(':'),
                "{}: live link {href}",
                page.display()
            );
        }
        assert!(!html.contains("<img"), "{}", page.display());
    }
    for docx in [report.join("regio/agenda.docx"), dir.join("agenda.docx")] {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
        let mut rels = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("word/_rels/document.xml.rels").unwrap(),
            &mut rels,
        )
        .unwrap();
        assert!(!rels.contains("evil.example"), "{}: {rels}", docx.display());
        assert!(docx_text(&docx).contains("klik") || docx.starts_with(report.join("regio")));
    }
    // The follow-up table keeps five columns, the id whole in the first.
    let region = std::fs::read_to_string(report.join("regio/agenda.html")).unwrap();
    assert!(region.contains("<td>A|1 · Pijpactie"), "{region}");
    let row = region
        .split("<tr>")
        .find(|r| r.contains("<td") && r.contains("Linkactie"))
        .expect("the second action is listed");
    assert_eq!(row.matches("<td").count(), 5, "{row}");
    // The names are shown as typed.
    let own = std::fs::read_to_string(dir.join("agenda.html")).unwrap();
    assert!(own.contains("[klik](https://evil.example/a)"), "{own}");
}

/// Regression (injection): CSV text cells that Dutch Excel (which splits on `;`) could run
/// as a formula are quoted and neutralised in every table; numbers stay numbers.
#[test]
fn csv_text_cells_are_quoted_and_neutralised() {
    let tmp = tempfile::tempdir().unwrap();
    sample_report(tmp.path());
    let evil = "x;=cmd|' /C calc'!A0";
    // A VSV (scores.csv, flags.csv) and a local theme id (reliability.csv, scores.csv).
    rename_in_exports(tmp.path(), "VSV Zaanstreek", "\"VSV;@Zaan\"");
    let codebook = tmp.path().join("lokale-enquete.toml");
    let text = std::fs::read_to_string(&codebook).unwrap();
    std::fs::write(
        &codebook,
        text.replace("\"kraamtijd_steun\"", &format!("\"{evil}\"")),
    )
    .unwrap();
    let report = run_report(tmp.path());
    let want = "\"x;'=cmd|' /C calc'!A0\"";
    let scores = std::fs::read_to_string(report.join("tables/scores.csv")).unwrap();
    assert!(scores.contains(want), "scores.csv");
    assert!(scores.contains(",\"VSV;'@Zaan\","), "scores.csv");
    let reliability = std::fs::read_to_string(report.join("tables/reliability.csv")).unwrap();
    assert!(reliability.contains(want), "{reliability}");
    let flags = std::fs::read_to_string(report.join("tables/flags.csv")).unwrap();
    assert!(flags.contains("\"VSV;'@Zaan\""), "{flags}");
    for f in [
        "tables/scores.csv",
        "tables/reliability.csv",
        "tables/flags.csv",
    ] {
        let text = std::fs::read_to_string(report.join(f)).unwrap();
        assert!(!text.contains(";=") && !text.contains(";@"), "{f}");
    }
    // Negative numbers are numbers, not neutralised text.
    let rows = read_csv(&report.join("tables/scores.csv"));
    assert!(rows.iter().any(|r| r["change_prev"].starts_with("-0.")));
    assert!(!scores.contains("'-"));
}

/// Regression (privacy): the manifest does not list the names removed from quotes, nor row
/// counts per file; the data-quality report has no counts per source and describes free
/// text typed into parity, age or answer columns instead of repeating it.
#[test]
fn no_personal_data_or_per_file_counts_outside_the_quotes() {
    let tmp = tempfile::tempdir().unwrap();
    let toml = format!("{PREM_TOML}\n[quotes]\nnames = [\"Marloes\", \"Jansen\"]\n");
    write(tmp.path(), "prem.toml", toml.as_bytes());
    let parity = "Nee, tweede (Marloes, 06-12345678)";
    let age = "38 (geb. 12-03-1987)";
    let mut export = long_export();
    export += &format!(
        "R16;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;03-09-2026;{parity};{age};8;7;\r\n"
    );
    export += "R17;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;03-09-2026;Ja;0612345678;8;7;\r\n";
    export += "R18;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;03-09-2026;Ja;1234AB;\"x;=1+2\";7;\r\n";
    let bytes = windows_1252(&export);
    write(tmp.path(), "exports/prem.csv", &bytes);
    let report = run_report(tmp.path());

    let manifest = std::fs::read_to_string(report.join("manifest.json")).unwrap();
    for name in ["Marloes", "Jansen"] {
        assert!(!manifest.contains(name), "{manifest}");
    }
    let m: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(m["config"]["quotes"]["names"], 2, "{manifest}");
    assert!(m["inputs"][0].get("rows").is_none(), "{manifest}");
    assert!(m["inputs"][0].get("bytes").is_none(), "{manifest}");

    let csv = std::fs::read_to_string(report.join("data-quality.csv")).unwrap();
    let md = std::fs::read_to_string(report.join("data-quality.md")).unwrap();
    for (name, text) in [("csv", &csv), ("md", &md)] {
        for secret in ["Marloes", "12345678", "1987", "0612", "1234AB", "tweede"] {
            assert!(
                !text.contains(secret),
                "{secret} in data-quality.{name}:\n{text}"
            );
        }
        let n = parity.chars().count();
        assert!(
            text.contains(&format!("tekst van {n} tekens")),
            "{name}:\n{text}"
        );
        let n = age.chars().count();
        assert!(
            text.contains(&format!("tekst van {n} tekens")),
            "{name}:\n{text}"
        );
        // Short codes are still shown, so the officer can fix them.
        assert!(
            text.contains("goed") && text.contains("31-02-2026"),
            "{name}"
        );
    }
    assert!(csv.contains(",\"x;'=1+2\","), "{csv}");
    for counts in [
        "Rijen gelezen",
        "Rijen gebruikt",
        "Aantallen per bron",
        "| prem |",
    ] {
        assert!(!md.contains(counts), "{md}");
    }
}

/// Regression (privacy): a name typed into a coded column ("Samira" under *Eerste kind*)
/// was repeated in the data-quality report, being one short word. Only codes are: "11" in
/// a 1–10 question is shown, the name is described by its length.
#[test]
fn a_name_in_a_coded_column_is_described_in_the_data_quality_report() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "prem.toml", PREM_TOML.as_bytes());
    let mut export = long_export();
    export += "R16;VSV Één;Verloskundigenpraktijk Één;Verloskundigenpraktijk;03-09-2026;Samira;30;8;7;\r\n";
    write(tmp.path(), "exports/prem.csv", &windows_1252(&export));
    let report = run_report(tmp.path());
    let csv = std::fs::read_to_string(report.join("data-quality.csv")).unwrap();
    let md = std::fs::read_to_string(report.join("data-quality.md")).unwrap();
    for (name, text) in [("csv", &csv), ("md", &md)] {
        assert!(
            !text.contains("Samira"),
            "Samira in data-quality.{name}:\n{text}"
        );
        assert!(text.contains("tekst van 6 tekens"), "{name}:\n{text}");
    }
    // Rows as Excel numbers them: the planted 11 is row 26, Samira's row 27.
    assert!(
        csv.contains("prem,exports/prem.csv,26,Informatievoorziening,11,out_of_range"),
        "{csv}"
    );
    assert!(
        csv.contains("prem,exports/prem.csv,27,Eerste kind,tekst van 6 tekens,unknown_parity"),
        "{csv}"
    );
    assert!(
        md.contains("| exports/prem.csv | 26 | Informatievoorziening | 11 |"),
        "{md}"
    );
    assert!(
        md.contains("| exports/prem.csv | 27 | Eerste kind | tekst van 6 tekens |"),
        "{md}"
    );
}

/// Every file below `dir` as bytes; a Word or Excel file (a zip) as each of its parts.
fn report_contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for f in files_under(dir) {
        let bytes = std::fs::read(dir.join(&f)).unwrap();
        let name = f.display().to_string();
        if bytes.starts_with(b"PK") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let mut b = Vec::new();
                std::io::Read::read_to_end(&mut part, &mut b).unwrap();
                out.push((format!("{name}:{}", part.name().unwrap()), b));
            }
        } else {
            out.push((name, bytes));
        }
    }
    out
}

/// Issue 10: a quote picked from an export was a self-harm disclosure. A text with a
/// safeguarding signal appears in no file of the report (agendas in every format, tables,
/// charts, data quality, manifest); the run names file and row on the terminal, also with
/// --quiet, and in `<output>/.signalen.csv`, outside the period folder, which goes away
/// when there are no signals.
#[test]
fn a_safeguarding_text_is_never_printed_and_is_reported_privately() {
    let tmp = tempfile::tempdir().unwrap();
    let report = sample_report(tmp.path());
    let export = tmp.path().join("exports/prem-2026-K3.csv");
    let original = std::fs::read(&export).unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&original);
    // A quote the agenda shows, spelled as in the export, in words no format escapes.
    let agenda = std::fs::read_to_string(report.join("vsv-zaanstreek/agenda.md")).unwrap();
    let quote = agenda
        .lines()
        .filter_map(|l| l.strip_prefix("> “")?.strip_suffix('”'))
        .find(|q| q.chars().all(|c| c.is_alphanumeric() || " .,".contains(c)) && text.contains(q))
        .expect("a quote from the export")
        .to_string();
    let disclosed = text.replace(&quote, &format!("{quote} Soms dacht ik aan zelfmoord."));
    std::fs::write(&export, windows_1252(&disclosed)).unwrap();
    let out = prem()
        .args(["report", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);

    for (file, bytes) in report_contents(&report) {
        for secret in [quote.as_str(), "zelfmoord", ".signalen"] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret:?} in {file}"
            );
        }
    }
    // The rows of the export that hold the text (row numbers as in data-quality.csv).
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(disclosed.as_bytes());
    let expected: Vec<String> = r
        .records()
        .enumerate()
        .filter(|(_, rec)| {
            rec.as_ref()
                .unwrap()
                .iter()
                .any(|f| f.contains("zelfmoord"))
        })
        .map(|(i, _)| (i + 2).to_string())
        .collect();
    assert!(!expected.is_empty());
    let signals = read_csv(&tmp.path().join("reports/.signalen.csv"));
    let rows: Vec<String> = signals.iter().map(|s| s["row"].clone()).collect();
    assert_eq!(rows, expected);
    for s in &signals {
        assert_eq!(s["file"], "exports/prem-2026-K3.csv");
        // Empty for a row whose date could not be read (the sample plants a few).
        assert!(s["period"] == "2026-Q3" || s["period"].is_empty(), "{s:?}");
        assert_eq!(s["category"], "suicide");
        assert!(s["column"] == "Verbeterpunten" || s["column"] == "Complimenten");
        assert!(s.values().all(|v| !v.contains("zelfmoord")));
    }
    let in_period = signals.iter().filter(|s| s["period"] == "2026-Q3").count();
    assert!(in_period > 0);
    let line = format!(
        "LET OP: {} rij(en) in de exports ({in_period} in 2026-Q3)",
        expected.len()
    );
    assert!(stderr.contains(&line), "{stderr}");
    assert!(stderr.contains(".signalen.csv"), "{stderr}");

    // Without signals the file goes, and the terminal says nothing.
    std::fs::write(&export, &original).unwrap();
    let out = prem()
        .args(["report", "--quiet"])
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("LET OP"));
    assert!(!tmp.path().join("reports/.signalen.csv").exists());
}
