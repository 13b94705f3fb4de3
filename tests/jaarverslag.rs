//! `prem jaarverslag` on the shipped samples: the year cells against an independent
//! computation, the participation figures by hand from `participatie.csv`, the privacy
//! tiers, the .docx read back, a snapshot of a chapter in Dutch and English, and a safe
//! rerun.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

/// A copy of data-samples (exports, codebook, registers, prem.toml) with `edit` applied to
/// prem.toml; its reports go to `reports/` inside the copy.
fn samples(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples");
    let dir = tmp.path().to_path_buf();
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    for f in std::fs::read_dir(root.join("exports")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.join("exports").join(f.file_name())).unwrap();
    }
    for f in ["lokale-enquete.toml", "acties.csv", "participatie.csv"] {
        std::fs::copy(root.join(f), dir.join(f)).unwrap();
    }
    let text = std::fs::read_to_string(root.join("prem.toml"))
        .unwrap()
        .replace("output = \"../reports\"", "output = \"reports\"");
    std::fs::write(dir.join("prem.toml"), edit(text)).unwrap();
    (tmp, dir)
}

fn chapter(dir: &Path, unit: &str) -> String {
    std::fs::read_to_string(dir.join(format!("reports/jaarverslag-2026/{unit}/hoofdstuk.md")))
        .unwrap()
}

fn run(dir: &Path) {
    prem()
        .args(["jaarverslag", "--quiet", "--year", "2026"])
        .arg(dir.join("prem.toml"))
        .assert()
        .success();
}

/// Year cells are the year's respondents, tested against the previous year. Expected
/// values from the sample exports with pandas (dates in the six forms the exports use,
/// unreadable ones left out, a respondent's repeat in a later file counted once, decimal
/// commas read, answers 1–10, the VSV's score the mean of its care-type means): VSV
/// Zaanstreek bereikbaarheid 2026 7.544839 (n 372), 2025 8.541112 (n 508); rapportcijfer
/// 2026 8.530742 (n 372).
#[test]
fn year_cells_participation_and_goals_of_a_vsv() {
    let (_tmp, dir) = samples(|t| t);
    run(&dir);
    let md = chapter(&dir, "vsv-zaanstreek");
    assert!(
        md.contains("| Bereikbaarheid | 7,5 | 372 | 8,5 | 508 | ▼ 1,0 |"),
        "{md}"
    );
    assert!(md.contains("| **2026** | **372** | **8,5** |"), "{md}");
    assert!(md.contains("- Achteruitgegaan: Bereikbaarheid."), "{md}");
    // By hand from participatie.csv: Zaanstreek's P3 (8), P6 (7), P9 (9) and the region's
    // P5 (143) and P8 (15) in 2026: 5 activities, 182 clients, 3 with an action; fed back
    // in 2026: P3 after 135 days, P8 after 25 → median 80.
    assert!(
        md.contains(
            "5 activiteiten met samen 182 cliënten. 3 van de 5 (60%) leidden tot een actie; \
             2 (40%) werden teruggekoppeld aan de cliënten."
        ),
        "{md}"
    );
    assert!(md.contains("(mediaan) 80 dagen"), "{md}");
    assert!(md.contains("![Participatie op de participatieladder](charts/participatie.png)"));
    assert!(dir
        .join("reports/jaarverslag-2026/vsv-zaanstreek/charts/participatie.png")
        .exists());
    // Goals: the running action, and the old input without an action (P6, and the
    // region's P1), in the 90-day form.
    assert!(
        md.contains("| Binnen een maand | Actie A2 afronden:"),
        "{md}"
    );
    assert!(md.contains("Iets doen met de inbreng van P6 (panelgesprek, 11-05-2026)"));
    assert!(md.contains("Iets doen met de inbreng van P1 (cliëntenraad"));
    // The region covers every entry: A3 was done and never fed back to P2's clients.
    let region = chapter(&dir, "regio");
    assert!(
        region.contains("Cliënten van P2 laten weten wat actie A3 opleverde"),
        "{region}"
    );
    // A planned action is to be started, not finished.
    assert!(region.contains("| Actie A4 starten: "), "{region}");
}

/// The same numbers through the library, to the sixth decimal.
#[test]
fn year_cells_match_the_independent_computation() {
    let (_tmp, dir) = samples(|t| t);
    let config = prem::config::Config::load(&dir.join("prem.toml")).unwrap();
    let y = prem::analysis::year::analyse_year(config, 2026).unwrap();
    let data = &y.years.data;
    let vsv = data.names.find("VSV Zaanstreek").unwrap();
    let t = data
        .themes
        .iter()
        .position(|t| t.id == "bereikbaarheid")
        .unwrap() as u16;
    let ups = prem::analysis::year::follow_ups(&y);
    let flags = prem::analysis::year::year_flags(&y);
    let ch = prem::analysis::year::chapter(&y, Some(vsv), &ups, &flags);
    let row = ch.themes.iter().find(|r| r.theme == t).unwrap();
    let value = |s: prem::analysis::year::Shown| match s {
        prem::analysis::year::Shown::Value { n, mean, .. } => (n, mean),
        other => panic!("{other:?}"),
    };
    let (n, mean) = value(row.now);
    assert_eq!(n, 372);
    assert!((mean - 7.544839).abs() < 1e-6, "{mean}");
    let (n, mean) = value(row.before);
    assert_eq!(n, 508);
    assert!((mean - 8.541112).abs() < 1e-6, "{mean}");
    let change = row.change.unwrap();
    assert!(change.significant && (change.change - (7.544839 - 8.541112)).abs() < 1e-5);
    let (n, mean) = value(ch.year_grade.0);
    assert_eq!(n, 372);
    assert!((mean - 8.530742).abs() < 1e-6, "{mean}");
}

/// Privacy tiers hold in the chapter: with min_n 400 the 2026 cells (372) show nothing but
/// "onderdrukt" (not "n < 400": a cell hidden to protect another may be large), and the
/// 2025 cells (508, below indicative_n 600) are indicatief and not tested. The 2025 score
/// is 8,6, not 8,5: the hospital's care-type cell (fewer than 400) is hidden, so the VSV's
/// score averages only the shown care types (rule R).
#[test]
fn privacy_tiers_in_the_chapter() {
    let (_tmp, dir) = samples(|t| {
        t.replace("min_n = 10", "min_n = 400")
            .replace("indicative_n = 30", "indicative_n = 600")
    });
    run(&dir);
    let md = chapter(&dir, "vsv-zaanstreek");
    assert!(
        md.contains("| Bereikbaarheid | onderdrukt | – | 8,6 (indicatief) | 508 | – |"),
        "{md}"
    );
    assert!(!md.contains("372"), "{md}");
    assert!(
        md.contains("| **2026** | **onderdrukt** | **onderdrukt** |"),
        "{md}"
    );
}

/// The Word file reads back with the chapter's headings and the chart.
#[test]
fn the_docx_reads_back() {
    let (_tmp, dir) = samples(|t| t);
    run(&dir);
    let path = dir.join("reports/jaarverslag-2026/vsv-zaanstreek/hoofdstuk.docx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for text in [
        "Het perspectief van cliënten — VSV Zaanstreek",
        "Participatie: hoe we cliënten betrokken",
        "Doelen voor het jaarplan 2027",
        "U zei, wij deden",
    ] {
        assert!(xml.contains(text), "{text}");
    }
    assert!((0..zip.len()).any(|i| zip.by_index(i).unwrap().name().unwrap().ends_with(".png")));
}

/// The sample chapter, Dutch and English.
#[test]
fn chapter_of_a_sample_vsv_in_dutch_and_english() {
    let (_tmp, dir) = samples(|t| t);
    run(&dir);
    insta::assert_snapshot!("chapter_nl", chapter(&dir, "vsv-zaanstreek"));
    let (_tmp, dir) = samples(|t| t.replace("language = \"nl\"", "language = \"en\""));
    run(&dir);
    insta::assert_snapshot!("chapter_en", chapter(&dir, "vsv-zaanstreek"));
}

/// An edited chapter is not overwritten without --force.
#[test]
fn an_edited_chapter_is_kept() {
    let (_tmp, dir) = samples(|t| t);
    run(&dir);
    let md = dir.join("reports/jaarverslag-2026/regio/hoofdstuk.md");
    std::fs::write(&md, "# mijn versie\n").unwrap();
    prem()
        .args(["jaarverslag", "--quiet", "--year", "2026"])
        .arg(dir.join("prem.toml"))
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "# mijn versie\n");
    prem()
        .args(["jaarverslag", "--quiet", "--force", "--year", "2026"])
        .arg(dir.join("prem.toml"))
        .assert()
        .success();
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .starts_with("# Het perspectief"));
}

/// The committed example chapter (reports/jaarverslag-2026, linked from the handleiding) is what
/// a fresh run on data-samples writes.
#[test]
fn committed_example_chapter_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    prem()
        .args(["jaarverslag", "--quiet", "--year", "2026", "--out"])
        .arg(tmp.path())
        .arg(root.join("data-samples/prem.toml"))
        .assert()
        .success();
    for f in [
        "hoofdstuk.md",
        "hoofdstuk.html",
        "hoofdstuk.docx",
        "charts/participatie.png",
    ] {
        let fresh = tmp.path().join("jaarverslag-2026/vsv-zaanstreek").join(f);
        let committed = root.join("reports/jaarverslag-2026/vsv-zaanstreek").join(f);
        assert!(
            std::fs::read(fresh).ok() == std::fs::read(&committed).ok(),
            "{} is stale: run `bash reports/refresh`",
            committed.display()
        );
    }
}

/// A wrong value in the participation register stops the run with the file, row, column,
/// value and what was expected, and a hint about that register.
#[test]
fn register_errors_name_row_column_and_what_was_expected() {
    let cases = [
        (
            "P2;21-10-2025;VSV Haarlem;spiegelgesprek;",
            "P2;21-10-2025;VSV Haarlem;workshop;",
            "rij 3, kolom \"vorm\": \"workshop\" — verwacht een vorm: vragenlijst",
            "zet bij vorm in participatie.csv",
        ),
        (
            "P3;06-01-2026;VSV Zaanstreek;focusgroep;raadplegen;8;informatievoorziening;Uitleg over de ruggenprik komt te laat en is te technisch;A2;",
            "P3;06-01-2026;VSV Zaanstreek;focusgroep;raadplegen;8;informatievoorziening;Uitleg over de ruggenprik komt te laat en is te technisch;A9;",
            "rij 4, kolom \"actie\": \"A9\" — verwacht ids uit het actieregister: A1, A2, A3, A4",
            "id's uit acties.csv",
        ),
        (
            "P6;11-05-2026;VSV Zaanstreek;panelgesprek;adviseren;7;",
            "P6;11-05-2026;VSV Zaanstreek;panelgesprek;ladder;7;",
            "rij 7, kolom \"niveau\": \"ladder\" — verwacht een trede van de participatieladder",
            "zet bij niveau",
        ),
        (
            "P1;11-10-2025;;cliëntenraad;adviseren;6;",
            "P1;11-10-2025;;cliëntenraad;adviseren;zes;",
            "rij 2, kolom \"deelnemers\": \"zes\" — verwacht een heel aantal cliënten",
            "als heel getal",
        ),
    ];
    for (from, to, message, hint) in cases {
        let (_tmp, dir) = samples(|t| t);
        let path = dir.join("participatie.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        let out = prem()
            .arg("validate")
            .arg(dir.join("prem.toml"))
            .assert()
            .code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains("participatie.csv: "), "{err}");
        assert!(err.contains(message), "{err}");
        assert!(err.contains(hint), "{err}");
    }
}

/// A VSV that compares through shared files gets its chapter from its own clients (the
/// shared files and the national reference are per quarter and left out); a coordinator's
/// config of shared files only has no clients of its own: a clear error.
#[test]
fn shared_files_are_left_out_and_a_coordinator_is_told_why() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples/samen");
    let tmp = tempfile::tempdir().unwrap();
    prem()
        .args(["jaarverslag", "--quiet", "--year", "2026", "--out"])
        .arg(tmp.path())
        .arg(root.join("vsv-alkmaar/prem.toml"))
        .assert()
        .success();
    let md = std::fs::read_to_string(tmp.path().join("jaarverslag-2026/vsv-alkmaar/hoofdstuk.md"))
        .unwrap();
    assert!(
        md.starts_with("# Het perspectief van cliënten — VSV Alkmaar"),
        "{md}"
    );
    assert!(!tmp.path().join("jaarverslag-2026/vsv-zaanstreek").exists());
    let out = prem()
        .args(["jaarverslag", "--quiet", "--year", "2026", "--out"])
        .arg(tmp.path())
        .arg(root.join("regio/prem.toml"))
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("geen [[source]]"), "{err}");
}
