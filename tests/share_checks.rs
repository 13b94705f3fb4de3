//! `prem share` and `[[peer]]` end to end, with the binary: one VSV shares, another reports
//! with it as a peer; and every kind of bad incoming file stops the run with the file's
//! name and what is wrong, writing nothing (issue 13).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "reports" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of `data-samples/samen/` in a temporary folder.
fn together() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples/samen");
    let dir = tmp.path().join("samen");
    copy_tree(&root, &dir);
    (tmp, dir)
}

/// The handleiding's commands (docs/handleiding.md): VSV Alkmaar shares; the coordinator
/// reports from the shared files, and the region's agenda and heatmap include VSV Alkmaar
/// next to the others.
#[test]
fn one_vsv_shares_and_the_coordinator_compares() {
    let (_tmp, dir) = together();
    let shared = dir.join("vsv-alkmaar/vsv-alkmaar.json");
    std::fs::remove_file(&shared).unwrap();
    prem()
        .args([
            "share",
            "vsv-alkmaar/prem.toml",
            "--out",
            "vsv-alkmaar/vsv-alkmaar.json",
        ])
        .args(["--date", "2026-10-14"])
        .current_dir(&dir)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "vsv-alkmaar.json geschreven: VSV Alkmaar",
        ));
    // The same file as the sample ships: `prem share` is deterministic.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        std::fs::read(&shared).unwrap(),
        std::fs::read(root.join("data-samples/samen/vsv-alkmaar/vsv-alkmaar.json")).unwrap()
    );
    prem()
        .args(["report", "regio/prem.toml", "--quiet"])
        .current_dir(&dir)
        .assert()
        .success();
    let out = dir.join("regio/reports/2026-Q3");
    let agenda = std::fs::read_to_string(out.join("regio/agenda.md")).unwrap();
    assert!(agenda.contains("De cijfers van VSV Alkmaar (2026-10-14), VSV Amstelland"));
    let heatmap = std::fs::read_to_string(out.join("regio/charts/heatmap.svg")).unwrap();
    for vsv in ["VSV Alkmaar", "VSV Zaanstreek", "VSV Haarlem"] {
        assert!(heatmap.contains(vsv), "{vsv}");
    }
    // No VSV agendas: each VSV makes its own.
    assert!(!out.join("vsv-alkmaar").exists());
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"peers\""));
    assert!(manifest.contains("vsv-alkmaar.json"));
    // VSV Alkmaar's own view: its agenda, and the region with the seven peers.
    prem()
        .args(["report", "vsv-alkmaar/prem.toml", "--quiet"])
        .current_dir(&dir)
        .assert()
        .success();
    let own = dir.join("vsv-alkmaar/reports/2026-Q3");
    // The national reference: a column in the agenda, "higher" or "lower" only with n and sd.
    let agenda = std::fs::read_to_string(own.join("vsv-alkmaar/agenda.md")).unwrap();
    assert!(agenda.contains("| Landelijk |"), "{agenda}");
    assert!(agenda.contains("| 7,9 · lager |"), "{agenda}");
    assert!(agenda.contains("| 8,2 | "), "{agenda}");
    assert!(!own.join("vsv-haarlem").exists());
    let heatmap = std::fs::read_to_string(own.join("regio/charts/heatmap.svg")).unwrap();
    assert!(heatmap.contains("VSV Purmerend") && heatmap.contains("* gedeeld"));
}

/// The handleiding shows the coordinator's region agenda and heatmap (`reports/samen/`): they
/// are what a fresh run on `data-samples/samen/regio` writes (`bash reports/refresh`).
#[test]
fn committed_together_example_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    prem()
        .args(["report", "--quiet", "--out"])
        .arg(tmp.path())
        .arg(root.join("data-samples/samen/regio/prem.toml"))
        .assert()
        .success();
    for f in ["regio/agenda.md", "regio/charts/heatmap.png"] {
        let fresh = std::fs::read(tmp.path().join("2026-Q3").join(f)).unwrap();
        let committed = std::fs::read(root.join("reports/samen/2026-Q3").join(f)).unwrap();
        assert!(
            fresh == committed,
            "reports/samen/2026-Q3/{f} is stale: run `bash reports/refresh`"
        );
    }
}

/// Changes one shared file (or the standard) and expects the run to stop naming the file
/// and the problem, with nothing written.
fn refused(change: impl FnOnce(&Path), file: &str, says: &str) {
    let (_tmp, dir) = together();
    change(&dir);
    let assert = prem()
        .args(["report", "vsv-alkmaar/prem.toml", "--quiet"])
        .current_dir(&dir)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains(file), "{err}");
    assert!(err.contains(says), "{err}");
    assert!(err.contains("tip:"), "{err}");
    assert!(
        !dir.join("vsv-alkmaar/reports").exists(),
        "something was written"
    );
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn haarlem(dir: &Path) -> PathBuf {
    dir.join("gedeeld/vsv-haarlem.json")
}

#[test]
fn a_cut_off_file_is_refused() {
    refused(
        |d| {
            let text = std::fs::read(haarlem(d)).unwrap();
            std::fs::write(haarlem(d), &text[..text.len() / 2]).unwrap();
        },
        "vsv-haarlem.json",
        "geen leesbaar gedeeld bestand",
    );
}

#[test]
fn another_format_is_refused() {
    refused(
        |d| edit(&haarlem(d), "prem-aggregate/1", "prem-aggregate/2"),
        "vsv-haarlem.json",
        "geen prem-aggregate/1-bestand",
    );
}

#[test]
fn another_codebook_version_is_refused() {
    refused(
        |d| edit(&haarlem(d), "\"hash\":\"sha256:", "\"hash\":\"sha256:0"),
        "vsv-haarlem.json",
        "andere versie van codeboek \"prem-geboortezorg\"",
    );
}

#[test]
fn another_period_kind_is_refused() {
    refused(
        |d| {
            edit(
                &haarlem(d),
                "\"period_kind\": \"quarter\"",
                "\"period_kind\": \"month\"",
            )
        },
        "vsv-haarlem.json",
        "perioden zijn month",
    );
}

#[test]
fn a_lower_min_n_is_refused() {
    refused(
        |d| edit(&haarlem(d), "\"min_n\":10", "\"min_n\":5"),
        "vsv-haarlem.json",
        "min_n = 5, lager dan",
    );
}

#[test]
fn another_standard_population_is_refused() {
    refused(
        |d| edit(&d.join("standaard.csv"), "eerste;0;0.054", "eerste;0;0.055"),
        "vsv-",
        "andere standaardpopulatie",
    );
}

#[test]
fn an_unknown_theme_is_refused() {
    refused(
        |d| edit(&haarlem(d), "\"id\":\"bejegening\"", "\"id\":\"bejegenin\""),
        "vsv-haarlem.json",
        "theme \"bejegenin\" staat niet in het codeboek",
    );
}

#[test]
fn a_cell_below_min_n_is_refused() {
    refused(
        |d| {
            let text = std::fs::read_to_string(haarlem(d)).unwrap();
            let at = text.find("\"n\":").unwrap();
            let end = at + text[at..].find(',').unwrap();
            let changed = format!("{}\"n\":4{}", &text[..at], &text[end..]);
            std::fs::write(haarlem(d), changed).unwrap();
        },
        "vsv-haarlem.json",
        "n = 4 is kleiner dan min_n = 10",
    );
}

#[test]
fn impossible_numbers_are_refused() {
    refused(
        |d| edit(&haarlem(d), "\"top\":", "\"top\":100000"),
        "vsv-haarlem.json",
        "getallen die niet kunnen kloppen",
    );
}

#[test]
fn an_absurd_count_is_refused_not_a_crash() {
    refused(
        |d| {
            let text = std::fs::read_to_string(haarlem(d)).unwrap();
            let at = text.find("\"n\":").unwrap();
            let end = at + text[at..].find(',').unwrap();
            let changed = format!("{}\"n\":18446744073709551615{}", &text[..at], &text[end..]);
            std::fs::write(haarlem(d), changed).unwrap();
        },
        "vsv-haarlem.json",
        "getallen die niet kunnen kloppen",
    );
}

#[test]
fn a_vsv_in_two_files_is_refused() {
    refused(
        |d| {
            std::fs::copy(haarlem(d), d.join("gedeeld/zz-haarlem-kopie.json")).unwrap();
        },
        "zz-haarlem-kopie.json",
        "VSV Haarlem staat ook in",
    );
}

#[test]
fn a_vsv_also_in_the_own_exports_is_refused() {
    refused(
        |d| {
            let own = d.join("vsv-alkmaar/vsv-alkmaar.json");
            std::fs::copy(own, d.join("gedeeld/vsv-alkmaar.json")).unwrap();
        },
        "gedeeld/vsv-alkmaar.json",
        "VSV Alkmaar staat ook in de eigen exports",
    );
}

#[test]
fn a_pattern_without_files_is_refused() {
    refused(
        |d| {
            edit(
                &d.join("vsv-alkmaar/prem.toml"),
                "../gedeeld/*.json",
                "../gedelen/*.json",
            )
        },
        "gedelen",
        "vindt geen bestand",
    );
}

#[test]
fn sharing_needs_a_standard_population() {
    let (_tmp, dir) = together();
    edit(
        &dir.join("vsv-alkmaar/prem.toml"),
        "standard = \"../standaard.csv\"",
        "",
    );
    // Without a standard the config is refused as a whole: peers need one too.
    let assert = prem()
        .args(["share", "vsv-alkmaar/prem.toml", "--out", "x.json"])
        .current_dir(&dir)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("[casemix] standard"), "{err}");
    assert!(!dir.join("x.json").exists());
}

/// Two files of one VSV whose shared period differs by one late respondent would single
/// her out: `prem share` over the earlier file refuses, and `--keep-history` keeps the
/// periods shared before as they were.
#[test]
fn a_revision_of_one_respondent_is_not_shared() {
    let (_tmp, dir) = together();
    let export = dir.join("vsv-alkmaar/exports/prem-2026-K2.csv");
    let bytes = std::fs::read(&export).unwrap();
    let text: &[u8] = &bytes;
    let body = text.strip_suffix(b"\r\n").unwrap_or(text);
    let last = &body[body.iter().rposition(|&b| b == b'\n').unwrap() + 1..];
    let rest = &last[last.iter().position(|&b| b == b';').unwrap()..];
    let mut late = bytes.clone();
    late.extend_from_slice(b"R2026299999");
    late.extend_from_slice(rest);
    late.extend_from_slice(b"\r\n");
    std::fs::write(&export, late).unwrap();
    let share = |extra: &[&str]| {
        let mut cmd = prem();
        cmd.args([
            "share",
            "vsv-alkmaar/prem.toml",
            "--out",
            "vsv-alkmaar/vsv-alkmaar.json",
        ])
        .args(["--date", "2026-10-14"])
        .args(extra)
        .current_dir(&dir);
        cmd.assert()
    };
    let before = std::fs::read(dir.join("vsv-alkmaar/vsv-alkmaar.json")).unwrap();
    let out = share(&[]).code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("VSV Alkmaar, 2026-Q2"), "{err}");
    assert!(err.contains("--keep-history"), "{err}");
    assert_eq!(
        std::fs::read(dir.join("vsv-alkmaar/vsv-alkmaar.json")).unwrap(),
        before
    );
    // Keeping history: nothing changes, since every period was shared before.
    share(&["--keep-history"]).success();
    assert_eq!(
        std::fs::read(dir.join("vsv-alkmaar/vsv-alkmaar.json")).unwrap(),
        before
    );
}
