//! Reruns keep work: `prem report` over an existing report replaces only what prem wrote and
//! nobody changed, `--vsv` only that VSV's folder, and a run that does not finish leaves the
//! previous report as it was.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

/// A small synthetic region (VSV Alkmaar, VSV Zaanstreek, VSV Haarlem) in `dir`.
fn sample(dir: &Path) {
    prem()
        .args(["sample", "--quiet", "--vsvs", "3", "--quarters", "2"])
        .args(["--per-quarter", "40", "--out"])
        .arg(dir)
        .assert()
        .success();
}

/// `prem report` on the sample in `dir` with `args`.
fn report(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    prem()
        .arg("report")
        .arg(dir.join("prem.toml"))
        .arg("--quiet")
        .args(args)
        .assert()
}

fn folder(dir: &Path) -> PathBuf {
    dir.join("reports/2026-Q3")
}

/// Every file below `dir` with its bytes, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// The paths `manifest.json` records.
fn recorded(dir: &Path) -> Vec<String> {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_manifest_records_every_file_written_with_its_hash() {
    use sha2::Digest;
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    report(tmp.path(), &[]).success();
    let dir = folder(tmp.path());
    let on_disk = files(&dir);
    let m: serde_json::Value = serde_json::from_slice(&on_disk["manifest.json"]).unwrap();
    let listed = m["files"].as_array().unwrap();
    assert_eq!(
        listed.len(),
        on_disk.len() - 1,
        "all but the manifest itself"
    );
    let agenda = listed
        .iter()
        .find(|f| f["path"] == "vsv-haarlem/agenda.md")
        .unwrap();
    let bytes = &on_disk["vsv-haarlem/agenda.md"];
    let hex: String = sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(agenda["sha256"], hex.as_str());
    assert_eq!(agenda["bytes"], bytes.len());
}

/// Regression: `--vsv "VSV Zaanstreek"` after a full run deleted the other VSVs' agendas.
#[test]
fn a_vsv_run_replaces_only_that_vsvs_folder_and_the_index_lists_all() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    report(tmp.path(), &[]).success();
    let dir = folder(tmp.path());
    let full = files(&dir);
    // Files removed by hand: in Zaanstreek's folder it comes back, elsewhere nothing is
    // rewritten (a removed file is no one's work, so no conflict either).
    for f in [
        "vsv-zaanstreek/agenda.html",
        "vsv-haarlem/agenda.docx",
        "tables/flags.csv",
    ] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    report(tmp.path(), &["--vsv", "VSV Zaanstreek"]).success();
    let after = files(&dir);
    let mut expected = full.clone();
    expected.remove("vsv-haarlem/agenda.docx");
    expected.remove("tables/flags.csv");
    // The same data: every other file, the index and the manifest byte for byte as before.
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert!(after == expected, "files differ from the full run");
    let index = String::from_utf8(after["index.md"].clone()).unwrap();
    for name in ["VSV Alkmaar", "VSV Zaanstreek", "VSV Haarlem"] {
        assert!(
            index.contains(name),
            "{name} missing from the index:\n{index}"
        );
    }
    // The other units' records stay as they were, also for the file now missing.
    assert!(recorded(&dir).contains(&"vsv-haarlem/agenda.docx".to_string()));
}

#[test]
fn vsv_runs_into_a_new_folder_add_up_in_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let dir = folder(tmp.path());
    report(tmp.path(), &["--vsv", "VSV Haarlem"]).success();
    assert!(dir.join("regio/agenda.md").exists() && dir.join("tables/scores.csv").exists());
    let index = std::fs::read_to_string(dir.join("index.md")).unwrap();
    assert!(index.contains("vsv-haarlem/agenda.html") && !index.contains("vsv-alkmaar/"));
    report(tmp.path(), &["--vsv", "VSV Alkmaar"]).success();
    let index = std::fs::read_to_string(dir.join("index.md")).unwrap();
    assert!(index.contains("vsv-haarlem/agenda.html") && index.contains("vsv-alkmaar/agenda.html"));
    assert!(!index.contains("vsv-zaanstreek/"), "{index}");
    assert!(dir.join("vsv-haarlem/agenda.docx").exists());
    assert!(!dir.join("vsv-zaanstreek").exists());
}

#[test]
fn an_added_file_stops_the_rerun_naming_it_and_leaves_the_folder_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    report(tmp.path(), &[]).success();
    let dir = folder(tmp.path());
    std::fs::write(dir.join("vsv-alkmaar/notitie.txt"), "bel de kraamzorg").unwrap();
    std::fs::write(dir.join("besluiten.md"), "# Besluiten").unwrap();
    let before = files(&dir);
    let run = report(tmp.path(), &[]).failure().code(1);
    let err = stderr(&run);
    assert!(
        err.contains("deze run zou 2 bestand(en) overschrijven of weghalen"),
        "{err}"
    );
    assert!(
        err.contains("\n  besluiten.md (toegevoegd)\n  vsv-alkmaar/notitie.txt (toegevoegd)"),
        "{err}"
    );
    assert!(err.contains("tip:") && err.contains("--force"), "{err}");
    assert!(files(&dir) == before, "nothing written");
    // A run for another VSV does not touch the note, so it goes ahead and keeps it.
    report(tmp.path(), &["--vsv", "VSV Haarlem"]).success();
    assert_eq!(
        std::fs::read(dir.join("vsv-alkmaar/notitie.txt")).unwrap(),
        b"bel de kraamzorg"
    );
    // … but not for her VSV.
    report(tmp.path(), &["--vsv", "VSV Alkmaar"])
        .failure()
        .code(1);
    assert!(dir.join("vsv-alkmaar/notitie.txt").exists());
}

#[test]
fn an_edited_agenda_stops_the_rerun_and_force_overwrites_it() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    report(tmp.path(), &[]).success();
    let dir = folder(tmp.path());
    let agenda = dir.join("vsv-haarlem/agenda.md");
    let original = std::fs::read(&agenda).unwrap();
    let mut edited = original.clone();
    edited.extend_from_slice(b"\nBesluit: de kraamzorg belt elke cliente na.\n");
    std::fs::write(&agenda, &edited).unwrap();
    for args in [&[][..], &["--vsv", "VSV Haarlem"]] {
        let run = report(tmp.path(), args).failure().code(1);
        let err = stderr(&run);
        assert!(
            err.contains("\n  vsv-haarlem/agenda.md (gewijzigd)"),
            "{err}"
        );
        assert_eq!(std::fs::read(&agenda).unwrap(), edited);
    }
    report(tmp.path(), &["--force"]).success();
    assert_eq!(std::fs::read(&agenda).unwrap(), original);
    // The record is prem's again: a plain rerun goes ahead.
    report(tmp.path(), &[]).success();
}

#[test]
fn a_folder_prem_did_not_write_counts_as_the_users() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let dir = folder(tmp.path());
    std::fs::create_dir_all(dir.join("oud")).unwrap();
    std::fs::write(dir.join("oud/verslag.docx"), "verslag").unwrap();
    let run = report(tmp.path(), &[]).failure().code(1);
    let err = stderr(&run);
    assert!(err.contains("geen manifest.json"), "{err}");
    assert!(err.contains("oud/verslag.docx (toegevoegd)"), "{err}");
    assert!(!dir.join("index.md").exists());
    // An empty folder is fine.
    std::fs::remove_dir_all(dir.join("oud")).unwrap();
    report(tmp.path(), &[]).success();
}

#[test]
fn the_message_is_english_with_language_en() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let toml = tmp.path().join("prem.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        text.replace("language = \"nl\"", "language = \"en\""),
    )
    .unwrap();
    report(tmp.path(), &[]).success();
    std::fs::write(folder(tmp.path()).join("notes.txt"), "x").unwrap();
    let err = stderr(&report(tmp.path(), &[]).failure());
    assert!(err.contains("error: "), "{err}");
    assert!(err.contains("would overwrite or remove 1 file(s)"), "{err}");
    assert!(
        err.contains("\n  notes.txt (added)\nhint: move your edits"),
        "{err}"
    );
}

/// A run killed between moving the old report aside and moving the new one in: the next
/// run moves the old report back first, and minds the edits in it.
#[test]
fn a_report_left_aside_by_a_killed_run_comes_back_with_its_edits_minded() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    report(tmp.path(), &[]).success();
    let dir = folder(tmp.path());
    std::fs::write(
        dir.join("regio/agenda.md"),
        "# Met de besluiten van de vergadering",
    )
    .unwrap();
    let before = files(&dir);
    // No process has id 4294967295.
    let aside = tmp.path().join("reports/.2026-Q3.old-4294967295");
    std::fs::rename(&dir, &aside).unwrap();
    let err = stderr(&report(tmp.path(), &[]).failure().code(1));
    assert!(err.contains("\n  regio/agenda.md (gewijzigd)"), "{err}");
    assert!(!aside.exists());
    assert!(files(&dir) == before, "the report is back as it was");
}

/// A run killed while writing (here by the file-size limit: SIGXFSZ) leaves the previous
/// report as it was and a hidden staging folder, which the next run removes. A file beside
/// the period folder is never touched.
#[cfg(target_os = "linux")]
#[test]
fn a_run_killed_partway_leaves_the_previous_report_intact() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    report(tmp.path(), &[]).success();
    let dir = folder(tmp.path());
    let reports = tmp.path().join("reports");
    std::fs::write(reports.join("notities.txt"), "bestand;rij\n").unwrap();
    let before = files(&dir);
    let bin = assert_cmd::cargo::cargo_bin("prem");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 8 && exec \"$0\" report \"$1\" --quiet")
        .arg(&bin)
        .arg(tmp.path().join("prem.toml"))
        .status()
        .unwrap();
    assert!(!status.success());
    assert!(files(&dir) == before, "previous report changed");
    let beside = |reports: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(reports)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let left = beside(&reports);
    assert!(
        left.iter().any(|n| n.starts_with(".2026-Q3.new-")),
        "the run died while staging: {left:?}"
    );
    report(tmp.path(), &[]).success();
    // Beside the period folder: the publication ledger, her notes, untouched, and the
    // officer's comments workbook.
    assert_eq!(
        beside(&reports),
        [
            ".publicaties.csv",
            "2026-Q3",
            "notities.txt",
            "opmerkingen-2026-Q3.xlsx"
        ]
    );
    assert_eq!(
        std::fs::read(reports.join("notities.txt")).unwrap(),
        b"bestand;rij\n"
    );
    assert!(files(&dir) == before);
}

/// A late export: the first client row of the reported quarter again, under a new
/// respondent number (one more client of that VSV, care type and organisation).
fn add_late_client(dir: &Path) {
    let path = dir.join("exports/prem-2026-K3.csv");
    let bytes = std::fs::read(&path).unwrap();
    let first = bytes.split(|&b| b == b'\n').nth(1).unwrap().to_vec();
    let id_end = first.iter().position(|&b| b == b';').unwrap();
    let mut late = b"R2026399999".to_vec();
    late.extend_from_slice(&first[id_end..]);
    let mut out = bytes.clone();
    if !out.ends_with(b"\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(&late);
    out.push(b'\n');
    std::fs::write(&path, out).unwrap();
}

/// `prem audit` on `dirs`: exit code and stdout.
fn audit(dirs: &[&Path]) -> (i32, String) {
    let out = prem().arg("audit").args(dirs).output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    (code, String::from_utf8(out.stdout).unwrap())
}

/// Issue 24, successive reports: a late export adds one client to the reported quarter.
/// Without the publication ledger (a fresh output folder, as every release was before it)
/// the second report republishes the quarter with her in it, and `prem audit` finds her in
/// the difference of the two `scores.csv`. With the ledger beside the first report, the
/// cells she would change by one client are hidden, the officer is told, and the audit of
/// both releases together finds nothing; a rerun on the same data publishes the same.
#[test]
fn a_late_client_is_not_given_away_by_the_next_report() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    report(dir, &[]).success();
    let first = dir.join("first");
    copy_dir(&folder(dir), &first);
    let ledger = std::fs::read_to_string(dir.join("reports/.publicaties.csv")).unwrap();
    assert!(ledger.starts_with("period,cell,n,clients\n"), "{ledger}");
    assert!(
        !ledger.contains("VSV") && !ledger.contains("R2026"),
        "names or ids in the ledger"
    );

    add_late_client(dir);
    // The old behaviour: nothing known of the first release.
    let fresh = dir.join("fresh");
    report(dir, &["--out", fresh.to_str().unwrap()]).success();
    let (code, out) = audit(&[&first, &fresh.join("2026-Q3")]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("[releases]") && out.contains("groep van 1 cliënt"),
        "{out}"
    );

    // With the ledger: held back, told, and nothing to find.
    let second = report(dir, &["--force"]).success();
    let err = String::from_utf8(second.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("verborgen") && err.contains("eerder rapport uit deze map"),
        "{err}"
    );
    let (code, out) = audit(&[&first, &folder(dir)]);
    assert_eq!(code, 0, "{out}");
    let scores = |d: &Path| std::fs::read(d.join("tables/scores.csv")).unwrap();
    let before = scores(&folder(dir));
    report(dir, &["--force"]).success();
    assert_eq!(scores(&folder(dir)), before, "a rerun publishes the same");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The shown cells of a `scores.csv`: (period, vsv, organisation, care type, theme, item)
/// → n. Read by column name, as a reader of the published table would.
fn shown_cells(path: &Path) -> BTreeMap<[String; 6], u64> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (n, status) = (col("n"), col("status"));
    let key_cols = [
        "period",
        "vsv",
        "organisation",
        "care_type",
        "theme",
        "item",
    ]
    .map(col);
    let mut out = BTreeMap::new();
    for line in lines {
        // The key columns and n come before any quoted text column.
        let f: Vec<&str> = line.split(',').collect();
        if f[status] == "suppressed" || f[n].is_empty() {
            continue;
        }
        let key = key_cols.map(|i| f[i].to_string());
        out.insert(key, f[n].parse().unwrap());
    }
    out
}

/// The places whose 2026-Q3 cell, beside the shown month cells of `months`, leaves 1 to 9
/// clients between them (and how many places had months to check).
fn quarter_minus_months(
    quarters: &BTreeMap<[String; 6], u64>,
    months: &BTreeMap<[String; 6], u64>,
) -> (Vec<String>, usize) {
    let mut small = Vec::new();
    let mut checked = 0;
    for (key, &q) in quarters.iter().filter(|(k, _)| k[0] == "2026-Q3") {
        let inside: Vec<u64> = ["2026-07", "2026-08", "2026-09"]
            .iter()
            .filter_map(|m| {
                let mut k = key.clone();
                k[0] = m.to_string();
                months.get(&k).copied()
            })
            .collect();
        if inside.is_empty() {
            continue;
        }
        checked += 1;
        let rest = q.abs_diff(inside.iter().sum());
        if rest > 0 && rest < 10 {
            small.push(format!("{key:?}: quarter {q} beside months {inside:?}"));
        }
    }
    (small, checked)
}

/// Issue 24, periods across releases: month reports and then a quarter report written to
/// one output folder. For every place, the quarter minus its shown months must leave no
/// client or at least `min_n`: else the quarter's extra clients (those of a hidden month)
/// are a small group given away by subtraction. Self-test: written to a fresh folder (no
/// ledger, as before it) the quarter report does leave such groups.
#[test]
fn a_quarter_beside_earlier_month_reports_leaves_no_small_group() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    let config = dir.join("prem.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let quarterly = text.clone();
    assert!(text.contains("period = \"quarter\""), "{text}");
    std::fs::write(
        &config,
        text.replace("period = \"quarter\"", "period = \"month\""),
    )
    .unwrap();
    report(dir, &[]).success();
    let months = shown_cells(&dir.join("reports/2026-09/tables/scores.csv"));
    std::fs::write(&config, quarterly).unwrap();

    let fresh = dir.join("fresh");
    report(dir, &["--out", fresh.to_str().unwrap()]).success();
    let quarters = shown_cells(&fresh.join("2026-Q3/tables/scores.csv"));
    let (small, _) = quarter_minus_months(&quarters, &months);
    assert!(!small.is_empty(), "the self-test found nothing to find");

    report(dir, &[]).success();
    let quarters = shown_cells(&folder(dir).join("tables/scores.csv"));
    let (small, checked) = quarter_minus_months(&quarters, &months);
    assert!(small.is_empty(), "{small:#?}");
    assert!(
        checked > 20,
        "only {checked} quarter cells had months beside them"
    );
}
