//! `prem init` then `prem report`, without any edit, on exports nobody prepared for prem:
//! the shipped samples, the NHS FFT (real data), a Microsoft Forms workbook, a LimeSurvey
//! CSV and an SPSS file. The numbers are checked against the fixtures' READMEs, which
//! their generating scripts computed independently (Python, exact fractions).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `files` (relative to the repository) into a fresh folder's `exports/`.
fn exports(files: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("exports")).unwrap();
    let copied = files
        .iter()
        .map(|f| {
            let from = root().join(f);
            let to = tmp.path().join("exports").join(from.file_name().unwrap());
            std::fs::copy(&from, &to).unwrap();
            to
        })
        .collect();
    (tmp, copied)
}

/// Runs `prem init` on `files` into `dir`, then `prem report`; returns prem.toml's text
/// and the report folder.
fn init_and_report(dir: &Path, files: &[PathBuf]) -> (String, PathBuf) {
    init_edit_report(dir, files, |_| {})
}

/// [`init_and_report`], with `item` moved into a theme of its own in the codebook `init`
/// wrote (`codebook`): the fixtures' numbers are per item, and beside a theme of three
/// items whose respondents differ from the item's by fewer than `min_n` ("weet ik niet"),
/// the item is not published (issue 24, docs/privacy.md).
fn init_and_report_alone(
    dir: &Path,
    files: &[PathBuf],
    codebook: &str,
    item: &str,
) -> (String, PathBuf) {
    init_edit_report(dir, files, |dir| {
        let path = dir.join(codebook);
        let text = std::fs::read_to_string(&path).unwrap();
        let at = text.find(&format!("id = \"{item}\"\ntheme = \"")).unwrap();
        let start = at + format!("id = \"{item}\"\n").len();
        let end = start + text[start..].find('\n').unwrap();
        let mut text = format!("{}theme = \"alleen\"{}", &text[..start], &text[end..]);
        let first_theme = text.find("[[themes]]").unwrap();
        text.insert_str(
            first_theme,
            "[[themes]]\nid = \"alleen\"\nlabel = \"Alleen\"\n\n",
        );
        std::fs::write(&path, text).unwrap();
    })
}

/// `prem init` on `files` into `dir`, `edit` on what it wrote, then `prem report`.
fn init_edit_report(dir: &Path, files: &[PathBuf], edit: impl Fn(&Path)) -> (String, PathBuf) {
    prem()
        .arg("init")
        .args(files)
        .arg("--out")
        .arg(dir)
        .assert()
        .success();
    edit(dir);
    let config = std::fs::read_to_string(dir.join("prem.toml")).unwrap();
    let out = prem()
        .args(["report", "--quiet"])
        .arg(dir.join("prem.toml"))
        .assert()
        .success();
    let shown = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    (config, dir.join(shown))
}

/// `tables/scores.csv` as header-keyed rows.
fn scores(report: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(report.join("tables/scores.csv")).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// (n, mean) of an item over the whole analysis in a period.
fn item(rows: &[HashMap<String, String>], period: &str, item: &str) -> (String, String) {
    let r = rows
        .iter()
        .find(|r| {
            r["period"] == period
                && r["item"] == item
                && r["vsv"].is_empty()
                && r["organisation"].is_empty()
                && r["care_type"].is_empty()
        })
        .unwrap_or_else(|| panic!("no row for {item} in {period}"));
    (r["n"].clone(), r["mean"].clone())
}

#[test]
fn shipped_samples_give_the_hand_written_configs_numbers() {
    let (tmp, _) = exports(&[]);
    let dir = tmp.path();
    let mut files = Vec::new();
    for f in std::fs::read_dir(root().join("data-samples/exports")).unwrap() {
        let from = f.unwrap().path();
        let to = dir.join("exports").join(from.file_name().unwrap());
        std::fs::copy(&from, &to).unwrap();
        files.push(to);
    }
    files.sort();
    let (config, report) = init_and_report(dir, &files);
    // The PREM exports: one glob, the built-in codebook, the long layout's columns.
    assert!(
        config.contains("files = [\"exports/prem-*.csv\"]"),
        "{config}"
    );
    assert!(
        config.contains("codebook = \"prem-geboortezorg\""),
        "{config}"
    );
    assert!(config.contains("care_type = \"Zorgsoort\""), "{config}");
    // The Forms workbook: its title rows skipped, its negatively worded question mirrored.
    assert!(config.contains("header_row = 3"), "{config}");
    let codebook = std::fs::read_to_string(dir.join("lokale-enquete.toml")).unwrap();
    let waiting = codebook
        .split("[[items]]")
        .find(|i| i.contains("columns = [\"Moest u lang wachten"))
        .unwrap();
    assert!(waiting.contains("reverse = true"), "{waiting}");
    assert_eq!(
        codebook.lines().filter(|l| *l == "reverse = true").count(),
        1,
        "{codebook}"
    );
    // Every PREM number is the one the shipped, hand-written config gives.
    let shipped = tempfile::tempdir().unwrap();
    let out = prem()
        .args(["report", "--quiet", "--out"])
        .arg(shipped.path())
        .arg(root().join("data-samples/prem.toml"))
        .assert()
        .success();
    let shipped_dir = PathBuf::from(String::from_utf8_lossy(&out.get_output().stdout).trim());
    let prem_rows = |rows: Vec<HashMap<String, String>>| -> Vec<[String; 6]> {
        let themes = [
            "persoonlijke_aandacht",
            "informatievoorziening",
            "samen_beslissen",
            "vertrouwen",
        ];
        let mut v: Vec<[String; 6]> = rows
            .into_iter()
            .filter(|r| themes.contains(&r["theme"].as_str()))
            .map(|r| {
                [
                    r["period"].clone(),
                    r["vsv"].clone(),
                    r["theme"].clone(),
                    r["item"].clone(),
                    r["n"].clone(),
                    r["mean"].clone(),
                ]
            })
            .collect();
        v.sort();
        v
    };
    let ours = prem_rows(scores(&report));
    assert!(ours.len() > 100, "{}", ours.len());
    assert_eq!(ours, prem_rows(scores(&shipped_dir)));
}

/// tests/fixtures/forms/README.md: by "Tijd van voltooien", the item "Tijdens de
/// bevalling: Kon u meebeslissen …" has n 45, mean 22/3 in 2026-Q2 and n 41, mean 310/41
/// in 2026-Q3 (Nooit 0 … Altijd 10, "Weet ik niet" left out).
#[test]
fn forms_workbook_with_text_labels_and_question_headers() {
    let (tmp, files) = exports(&["tests/fixtures/forms/clientervaring-geboortezorg.xlsx"]);
    let (config, report) = init_and_report_alone(
        tmp.path(),
        &files,
        "clientervaring-geboortezorg.toml",
        "bevalling_kon_meebeslissen_zorg",
    );
    assert!(config.contains("date = \"Tijd van voltooien\""), "{config}");
    assert!(
        config.contains("organisation = \"Bij welke verloskundigenpraktijk was u onder zorg?\""),
        "{config}"
    );
    assert!(
        config.contains("[source.values]\n# gok: geen kolom noemt de VSV"),
        "{config}"
    );
    let codebook =
        std::fs::read_to_string(tmp.path().join("clientervaring-geboortezorg.toml")).unwrap();
    assert!(
        codebook.contains("levels = [\"Nooit\", \"Soms\", \"Meestal\", \"Altijd\"]"),
        "{codebook}"
    );
    assert!(
        codebook.contains("missing = [\"Weet ik niet\"]"),
        "{codebook}"
    );
    assert!(
        codebook.contains("label = \"Tijdens de bevalling\""),
        "{codebook}"
    );
    assert!(codebook.contains("improvement = [\"Wat kunnen wij verbeteren?\"]"));
    assert!(codebook.contains("grade = \"") && codebook.contains("recommend = \""));
    // Personal-data columns are never read as questions or quotes.
    assert!(!codebook.contains("\"Naam\"") && !codebook.contains("\"E-mail\""));
    let rows = scores(&report);
    let id = "bevalling_kon_meebeslissen_zorg";
    assert_eq!(item(&rows, "2026-Q2", id), ("45".into(), "7.3333".into()));
    // 310/41 = 7.560975…
    assert_eq!(item(&rows, "2026-Q3", id), ("41".into(), "7.5610".into()));
}

/// tests/fixtures/limesurvey/README.md: all 120 records by `startdate` (the fullest date:
/// `submitdate` is empty for unfinished responses), `tevr[SQ001]` coded 1–5 read as
/// (x−1)/4·10: n 58, 775/116 in 2026-Q2; n 57, 275/38 in 2026-Q3.
#[test]
fn limesurvey_csv_with_answer_codes() {
    let (tmp, files) = exports(&["tests/fixtures/limesurvey/results-survey482913.csv"]);
    let (config, report) = init_and_report_alone(tmp.path(), &files, "results.toml", "tevr_sq001");
    assert!(config.contains("date = \"startdate\""), "{config}");
    assert!(config.contains("vsv = \"VSV\""), "{config}");
    let codebook = std::fs::read_to_string(tmp.path().join("results.toml")).unwrap();
    assert!(codebook.contains("[scales.schaal_1_5]"), "{codebook}");
    assert!(codebook.contains("label = \"Tevr\""), "{codebook}");
    // LimeSurvey's bookkeeping columns are not questions.
    assert!(!codebook.contains("lastpage") && !codebook.contains("seed"));
    let rows = scores(&report);
    // 775/116 = 6.681034…; 275/38 = 7.236842…
    assert_eq!(
        item(&rows, "2026-Q2", "tevr_sq001"),
        ("58".into(), "6.6810".into())
    );
    assert_eq!(
        item(&rows, "2026-Q3", "tevr_sq001"),
        ("57".into(), "7.2368".into())
    );
}

/// tests/fixtures/spss/README.md (pyreadstat): v1 coded 1–4 with 9 user-missing has n 55,
/// mean 3.472727 (191/55) in 2026-Q2 and n 55, 3.545455 (195/55) in 2026-Q3; on 0–10
/// that is (x−1)/3·10 = 8.2424 and 8.4848. The .zsav holds the same data.
#[test]
fn spss_files_with_value_labels() {
    for file in ["enquete.sav", "enquete.zsav"] {
        let (tmp, files) = exports(&[&format!("tests/fixtures/spss/{file}")]);
        let (config, report) = init_and_report(tmp.path(), &files);
        assert!(config.contains("parity = \"pariteit\""), "{config}");
        let codebook = std::fs::read_to_string(tmp.path().join("enquete.toml")).unwrap();
        // Variable labels are the question texts; value labels the levels, 9 left out.
        assert!(
            codebook.contains("text = \"Werd u met respect behandeld door de verloskundige?\""),
            "{codebook}"
        );
        assert!(codebook.contains("levels = [\"Nooit\", \"Soms\", \"Meestal\", \"Altijd\"]"));
        assert!(!codebook.contains("Weet ik niet"), "{codebook}");
        assert!(codebook.contains("label = \"Kraamzorg\""), "{codebook}");
        assert!(codebook.contains("grade = \"rapportcijfer\""), "{codebook}");
        let rows = scores(&report);
        assert_eq!(item(&rows, "2026-Q2", "v1"), ("55".into(), "8.2424".into()));
        assert_eq!(item(&rows, "2026-Q3", "v1"), ("55".into(), "8.4848".into()));
    }
}

/// The NHS FFT excerpt (real data): the built-in FFT codebook, its Trusts as units, and a
/// row per comment read as one respondent. The numbers are those of the hand-written
/// config in tests/cli.rs (Python statistics.mean on the fixture).
#[test]
fn nhs_fft_export() {
    let (tmp, files) = exports(&["tests/fixtures/nhs-fft/fft_excerpt.csv"]);
    let (config, report) = init_and_report(tmp.path(), &files);
    assert!(config.contains("codebook = \"nhs-fft\""), "{config}");
    assert!(config.contains("language = \"en\""), "{config}");
    assert!(config.contains("unit = \"Trust\""), "{config}");
    assert!(
        config.contains("respondent = \"Respondent ID\""),
        "{config}"
    );
    assert!(
        config.contains("organisation = \"Service type 1\""),
        "{config}"
    );
    // The excerpt has one row per respondent (the whole export has 7 908 rows of 4 466
    // respondents, for which init writes rows_per_respondent = "many").
    assert!(!config.contains("rows_per_respondent"), "{config}");
    let rows = scores(&report);
    let theme = |period: &str| {
        let r = rows
            .iter()
            .find(|r| {
                r["period"] == period
                    && r["vsv"].is_empty()
                    && r["theme"] == "experience"
                    && r["item"].is_empty()
                    && r["organisation"].is_empty()
            })
            .unwrap();
        (r["n"].clone(), r["mean"].clone())
    };
    assert_eq!(theme("2021-Q3"), ("28".into(), "8.8393".into()));
    assert_eq!(theme("2021-Q4"), ("19".into(), "8.2895".into()));
}

/// What init cannot know is a marked question: `validate` then names its line.
#[test]
fn an_export_without_dates_leaves_a_question_that_validate_points_at() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("enquete.csv");
    let mut text = String::from("Nummer;VSV;Voelde u zich gehoord?\n");
    for i in 0..40 {
        let answer = ["Altijd", "Meestal", "Soms"][i % 3];
        text.push_str(&format!("{i};VSV Oost;{answer}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let out = prem()
        .arg("init")
        .arg(&csv)
        .arg("--out")
        .arg(tmp.path())
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let config = std::fs::read_to_string(tmp.path().join("prem.toml")).unwrap();
    let line = config.lines().position(|l| l == "date = \"?\"").unwrap() + 1;
    assert!(
        err.contains(&format!(
            "regel {line}: date = \"?\" is een open vraag van prem init"
        )),
        "{err}"
    );
    assert!(err.contains("Welke kolom zegt wanneer"), "{err}");
    let out = prem()
        .arg("validate")
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains(&format!("prem.toml: regel {line}:")), "{err}");
    // Answered, it runs.
    std::fs::write(
        &csv,
        std::fs::read_to_string(&csv)
            .unwrap()
            .replace("Nummer;", "Nummer;Datum;")
            .replace(";VSV Oost;", ";03-02-2026;VSV Oost;"),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("prem.toml"),
        config.replace("date = \"?\"", "date = \"Datum\""),
    )
    .unwrap();
    prem()
        .arg("validate")
        .arg(tmp.path().join("prem.toml"))
        .assert()
        .success();
}

#[test]
fn init_overwrites_nothing_without_force() {
    let (tmp, files) = exports(&["tests/fixtures/limesurvey/results-survey482913.csv"]);
    std::fs::write(tmp.path().join("prem.toml"), "# mine\n").unwrap();
    let out = prem()
        .arg("init")
        .args(&files)
        .arg("--out")
        .arg(tmp.path())
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("prem.toml bestaat al; prem init overschrijft niets"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("prem.toml")).unwrap(),
        "# mine\n"
    );
    prem()
        .arg("init")
        .args(&files)
        .arg("--out")
        .arg(tmp.path())
        .arg("--force")
        .assert()
        .success();
}

/// A row per comment: init reads the repeats as one respondent (rows_per_respondent =
/// "many"), and the agenda's "not counted" share leaves those merged rows out of it: only
/// rows really not used count (here the excerpt's unreadable dates, twice over).
#[test]
fn several_rows_per_respondent_are_merged_not_counted_as_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/nhs-fft/fft_excerpt.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut doubled = format!("{header}\n");
    for r in &rows {
        doubled.push_str(&format!("{r}\n"));
    }
    // A second comment of every respondent: another comment id, the same answers.
    for r in &rows {
        doubled.push_str(&format!("x{r}\n"));
    }
    let csv = tmp.path().join("fft.csv");
    std::fs::write(&csv, doubled).unwrap();
    let (config, report) = init_and_report(tmp.path(), &[csv]);
    assert!(
        config.contains("rows_per_respondent = \"many\""),
        "{config}"
    );
    assert!(config.contains("# 112 rows of 56 clients"), "{config}");
    let agendas: Vec<String> = std::fs::read_dir(&report)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path().join("agenda.md")).ok())
        .collect();
    let line = agendas
        .iter()
        .flat_map(|a| a.lines())
        .find(|l| l.contains("Not counted"))
        .unwrap()
        .to_string();
    // 16 of 112 rows have a date that cannot be read safely (8 in the excerpt): 14%, not
    // the 64% it would be with the 56 merged rows counted as lost.
    assert!(line.contains("14% of the rows"), "{line}");
}

/// A wide export of a local questionnaire: the same questions per care type under VP_,
/// ZH_ and KZ_. Init writes the questions once with `[care_types]`, and each care type's
/// score is its own column's: VP_info alternates Altijd/Nooit (10, 0 → 5), KZ_info is
/// always Altijd (10), ZH_info always Soms (3.3333); the theme is their mean, 6.1111.
#[test]
fn wide_export_by_care_type_prefix() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "Respondent;Datum;VSV;VP_info;VP_respect;ZH_info;ZH_respect;KZ_info;KZ_respect\n",
    );
    for i in 0..40 {
        let vp = if i % 2 == 0 { "Altijd" } else { "Nooit" };
        text.push_str(&format!(
            "{};{:02}-05-2026;VSV Oost;{vp};Meestal;Soms;Altijd;Altijd;Meestal\n",
            i + 1,
            i % 28 + 1
        ));
    }
    let csv = tmp.path().join("breed.csv");
    std::fs::write(&csv, text).unwrap();
    let (config, report) = init_and_report(tmp.path(), &[csv]);
    assert!(config.contains("# Indeling: breed"), "{config}");
    let codebook = std::fs::read_to_string(tmp.path().join("breed.toml")).unwrap();
    assert!(
        codebook.contains(
            "[care_types]\nkraamzorg = \"KZ_\"\nverloskundigenpraktijk = \"VP_\"\nziekenhuis = \"ZH_\""
        ),
        "{codebook}"
    );
    assert!(codebook.contains("columns = [\"info\"]"), "{codebook}");
    let rows = scores(&report);
    let mean = |care_type: &str| {
        rows.iter()
            .find(|r| {
                r["vsv"].is_empty()
                    && r["care_type"] == care_type
                    && r["theme"] == "info"
                    && r["item"].is_empty()
            })
            .map(|r| (r["n"].clone(), r["mean"].clone()))
            .unwrap()
    };
    assert_eq!(
        mean("verloskundigenpraktijk"),
        ("40".into(), "5.0000".into())
    );
    assert_eq!(mean("kraamzorg"), ("40".into(), "10.0000".into()));
    assert_eq!(mean("ziekenhuis"), ("40".into(), "3.3333".into()));
    assert_eq!(mean(""), ("40".into(), "6.1111".into()));
}

/// Regression (privacy): init copied a column's only value into prem.toml ("steeds dezelfde
/// waarde (Kevin Jansen)"), although prem.toml may travel. A value is copied only when at
/// least 5 distinct clients gave it; else it is described, here and on the terminal.
#[test]
fn values_few_clients_gave_never_reach_prem_toml_the_codebook_or_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "Respondentnummer;Datum;VSV;Voelde u zich gehoord?;Kreeg u uitleg?;Begeleider;Toelichting;Vragenlijstversie\n",
    );
    for i in 0..40 {
        let answer = ["Altijd", "Meestal", "Soms"][i % 3];
        let explained = ["Altijd", "Soms"][i % 2];
        let name = if i < 4 { "Kevin Jansen" } else { "" };
        let remark = if i == 7 { "huiselijk geweld" } else { "" };
        text.push_str(&format!(
            "R{i};{:02}-02-2026;VSV Oost;{answer};{explained};{name};{remark};Versie B\n",
            i % 28 + 1
        ));
    }
    let csv = tmp.path().join("enquete.csv");
    std::fs::write(&csv, text).unwrap();
    let out = prem()
        .arg("init")
        .arg(&csv)
        .arg("--out")
        .arg(tmp.path())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let config = std::fs::read_to_string(tmp.path().join("prem.toml")).unwrap();
    let codebook = std::fs::read_to_string(tmp.path().join("enquete.toml")).unwrap();
    for (name, written) in [
        ("prem.toml", &config),
        ("enquete.toml", &codebook),
        ("stdout", &stdout),
        ("stderr", &stderr),
    ] {
        for secret in ["Kevin", "Jansen", "huiselijk", "geweld"] {
            assert!(!written.contains(secret), "{secret} in {name}:\n{written}");
        }
    }
    // Described instead: length and clients.
    assert!(
        config.contains(
            "#   \"Begeleider\": steeds dezelfde waarde (tekst van 12 tekens, 4 cliënten)"
        ),
        "{config}"
    );
    assert!(
        config.contains(
            "#   \"Toelichting\": steeds dezelfde waarde (tekst van 16 tekens, 1 cliënt)"
        ),
        "{config}"
    );
    // What 40 clients gave is copied: a unit's name, a column's only value, the levels.
    assert!(
        config.contains("#   \"Vragenlijstversie\": steeds dezelfde waarde (Versie B)"),
        "{config}"
    );
    assert!(config.contains("name = \"VSV Oost\""), "{config}");
    assert!(
        codebook.contains("levels = [\"Nooit\", \"Soms\", \"Meestal\", \"Altijd\"]"),
        "{codebook}"
    );
}
