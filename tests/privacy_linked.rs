//! An attacker on **linked** published numbers (spec §5, "Every difference is closed" and
//! "Linked releases"; issue 24).
//!
//! Written from the published contract only (spec §5–§6, §11, the README), never from the
//! code that decides suppression, so that it checks that code instead of repeating it.
//! Each test generates a small export with a planted small group, runs the real binary
//! (`prem report`, and `prem jaarverslag` where the year is attacked), copies the few
//! published files the attack needs into a flat folder, and attacks them with arithmetic.
//! The ground truth it generated judges what the attacker recovers.
//!
//! **The promise attacked.** An attacker holding every file prem published recovers no
//! answer, mean, count or percentage of a group of fewer than `min_n` clients, exactly or
//! within a rounding unit, by combining published numbers.
//!
//! **Leak classes**, one test each, plus a self-test per class that runs the very same
//! attack function on the output of the binary as it was when these tests were written
//! (`tests/fixtures/leaks/<class>/`, a few KB each) and asserts that the attacker *finds*
//! the leak there, so a green "no leak" is not the attacker being blind:
//! 1. `alpha`: `tables/reliability.csv` counting a hidden VSV's clients;
//! 2. `quarter_year`: the year chapter minus the shown quarters;
//! 3. `response_line`: the agenda's response line minus the covered n of a combined score;
//! 4. `manifest`: input sizes in the manifest;
//! 5. `casemix`: `std_mean` next to `mean` solving a small parity stratum;
//! 6. `item_nonresponse`: a theme cell next to its item cells;
//! 7. `per_measure`: a complementary suppression decided per measure, undone by the unit's
//!    theme and sibling items.
//!
//! The "no leak" tests of the classes that leak today carry `#[ignore = "issue 24: …"]`.
//! The fixtures are rewritten with
//! `PREM_WRITE_LEAK_FIXTURES=1 cargo test --test privacy_linked -- --ignored write_leak_fixtures`
//! (only when a fixture should show a leak the current binary still has).
//!
//! **Not covered here.** Random regions (see `tests/privacy_attack.rs`), charts, html/docx
//! (the same numbers as the md files), `prem share` files, reruns against the ledger,
//! months and halves, feasible intervals short of a rounding unit.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `[privacy] min_n` of every config here (the default).
const MIN_N: u64 = 10;

// ---------------------------------------------------------------------------------------
// Running prem

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

/// The prem.toml of the PREM scenarios: the built-in codebook, long layout.
const PREM_TOML: &str = r#"[analysis]
name = "Aanvalsregio"
output = "reports"

[privacy]
min_n = 10

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

/// The prem.toml of the local-enquête scenarios (own codebook `kb.toml`, no care types).
const LOCAL_TOML: &str = r#"[analysis]
name = "Aanvalsregio"
output = "reports"

[privacy]
min_n = 10

[[source]]
name = "enquete"
files = ["exports/*.csv"]
codebook = "kb.toml"
[source.columns]
respondent = "Nr"
vsv = "VSV"
organisation = "Org"
date = "Datum"
parity = "Eerste kind"
age = "Leeftijd"
"#;

/// A codebook on a 1–10 scale: theme `zorg` with items a, b, c (a respondent's theme score
/// needs two of them), theme `extra` with item d and the conditional item e (needs one), and
/// the overall grade.
const LOCAL_CODEBOOK: &str = r#"name = "aanval"
title = "Aanvalsenquête"

[scales.cijfer]
type = "numeric"
min = 1
max = 10
positive_min = 9
problem_max = 5
missing = ["n.v.t."]

[[themes]]
id = "zorg"
label = "Zorg"

[[themes]]
id = "extra"
label = "Extra"

[[items]]
id = "a"
theme = "zorg"
columns = ["A"]
text = "A?"
scale = "cijfer"

[[items]]
id = "b"
theme = "zorg"
columns = ["B"]
text = "B?"
scale = "cijfer"

[[items]]
id = "c"
theme = "zorg"
columns = ["C"]
text = "C?"
scale = "cijfer"

[[items]]
id = "d"
theme = "extra"
columns = ["D"]
text = "D?"
scale = "cijfer"

[[items]]
id = "e"
theme = "extra"
columns = ["E"]
text = "E?"
scale = "cijfer"

[[items]]
id = "cijfer"
columns = ["Cijfer"]
text = "Cijfer?"
scale = "cijfer"

[overall]
grade = "cijfer"
"#;

/// Writes a scenario (config, optional codebook, exports) into a fresh temporary folder.
fn scenario(toml: &str, codebook: Option<&str>, exports: &[(&str, String)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    std::fs::write(dir.join("prem.toml"), toml).unwrap();
    if let Some(cb) = codebook {
        std::fs::write(dir.join("kb.toml"), cb).unwrap();
    }
    for (name, text) in exports {
        std::fs::write(dir.join("exports").join(name), text).unwrap();
    }
    tmp
}

/// `prem report` for the latest period; returns `reports/<period>`.
fn report(dir: &Path, period: &str) -> PathBuf {
    prem()
        .arg("report")
        .arg(dir.join("prem.toml"))
        .arg("--quiet")
        .assert()
        .success();
    let out = dir.join("reports").join(period);
    assert!(out.join("tables/scores.csv").exists(), "no report {period}");
    out
}

/// `prem jaarverslag --year`; returns `reports/jaarverslag-<year>`.
fn jaarverslag(dir: &Path, year: u32) -> PathBuf {
    prem()
        .args(["jaarverslag", "--quiet", "--year", &year.to_string()])
        .arg(dir.join("prem.toml"))
        .assert()
        .success();
    dir.join(format!("reports/jaarverslag-{year}"))
}

/// Copies published files (`from` relative to `root`) flat into `to` under `name`.
fn collect(root: &Path, files: &[(&str, &str)], to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for (from, name) in files {
        std::fs::copy(root.join(from), to.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", root.join(from).display()));
    }
}

/// The folder of a class's fixture: published files of today's binary on that class's
/// scenario.
fn fixture(class: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/leaks")
        .join(class)
}

/// A small deterministic generator (the scenarios must give the same truth for the
/// fixtures every time).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, k: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % u64::from(k)) as u32
    }

    /// An answer 1..=10 near `base` (answers of one client hang together).
    fn near(&mut self, base: u32) -> u32 {
        (base + self.next(5)).saturating_sub(2).clamp(1, 10)
    }
}

// ---------------------------------------------------------------------------------------
// Reading published files

/// One row of `tables/scores.csv`, as far as these attacks use it.
#[derive(Debug, Clone)]
struct Row {
    period: String,
    vsv: String,
    organisation: String,
    care_type: String,
    theme: String,
    item: String,
    n: Option<u64>,
    mean: Option<f64>,
    sd: Option<f64>,
    std_mean: Option<f64>,
}

impl Row {
    fn unit(&self) -> (String, String, String, String) {
        (
            self.period.clone(),
            self.vsv.clone(),
            self.organisation.clone(),
            self.care_type.clone(),
        )
    }
}

fn read_scores(path: &Path) -> Vec<Row> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("scores.csv has no {name}"))
    };
    let c = [
        "period",
        "vsv",
        "organisation",
        "care_type",
        "theme",
        "item",
        "n",
        "mean",
        "sd",
        "std_mean",
    ]
    .map(col);
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let text = |i: usize| rec.get(c[i]).unwrap_or("").to_string();
            let num = |i: usize| {
                let t = rec.get(c[i]).unwrap_or("");
                (!t.is_empty()).then(|| t.parse::<f64>().unwrap())
            };
            Row {
                period: text(0),
                vsv: text(1),
                organisation: text(2),
                care_type: text(3),
                theme: text(4),
                item: text(5),
                n: num(6).map(|x| x as u64),
                mean: num(7),
                sd: num(8),
                std_mean: num(9),
            }
        })
        .collect()
}

fn find<'a>(
    rows: &'a [Row],
    period: &str,
    vsv: &str,
    org: &str,
    ct: &str,
    theme: &str,
    item: &str,
) -> Option<&'a Row> {
    rows.iter().find(|r| {
        r.period == period
            && r.vsv == vsv
            && r.organisation == org
            && r.care_type == ct
            && r.theme == theme
            && r.item == item
    })
}

/// A Dutch decimal ("7,3") or a plain number.
fn dutch(s: &str) -> Option<f64> {
    s.trim()
        .trim_matches('*')
        .replace(',', ".")
        .parse::<f64>()
        .ok()
}

/// What an attack recovered about a group of fewer than `min_n` clients.
#[derive(Debug, Clone, PartialEq)]
struct Leak {
    /// Where (unit, period, measure) and how.
    what: String,
    /// How many clients the group holds (recovered or assumed by the attack).
    n: u64,
    /// The recovered value: a count, a sum or a mean, as `what` says.
    value: f64,
}

// ---------------------------------------------------------------------------------------
// 1. α over hidden rows

/// The local-enquête export: one line per client, answers as `Option` (None = empty).
#[derive(Debug, Clone)]
struct Client {
    vsv: &'static str,
    org: &'static str,
    date: &'static str,
    parity: &'static str,
    /// A, B, C, D, E, Cijfer.
    answers: [Option<u32>; 6],
}

fn local_csv(clients: &[Client]) -> String {
    let mut s = String::from("Nr,VSV,Org,Datum,Eerste kind,Leeftijd,A,B,C,D,E,Cijfer\n");
    for (i, c) in clients.iter().enumerate() {
        s += &format!("R{},{},{},{},{},31", i + 1, c.vsv, c.org, c.date, c.parity);
        for a in c.answers {
            s += &a.map_or(",".to_string(), |v| format!(",{v}"));
        }
        s += "\n";
    }
    s
}

/// `n` clients of `vsv`/`org` answering the items whose letters are in `pattern` (and the
/// grade), on 2026-05-12 (2026-Q2).
fn clients(
    rng: &mut Lcg,
    vsv: &'static str,
    org: &'static str,
    n: usize,
    pattern: &str,
) -> Vec<Client> {
    (0..n)
        .map(|_| {
            let base = 3 + rng.next(7);
            let mut answers = [None; 6];
            for (i, letter) in ["A", "B", "C", "D", "E"].iter().enumerate() {
                if pattern.contains(letter) {
                    answers[i] = Some(rng.near(base));
                } else {
                    rng.next(2);
                }
            }
            answers[5] = Some(rng.near(base));
            Client {
                vsv,
                org,
                date: "2026-05-12",
                parity: "Nee",
                answers,
            }
        })
        .collect()
}

/// Class 1: VSV Groot (40) and VSV Ander (30) answer every item of `zorg`; VSV Klein is one
/// client (hidden everywhere) who also answers every item.
fn alpha_clients() -> Vec<Client> {
    let mut rng = Lcg(11);
    let mut all = clients(&mut rng, "VSV Groot", "Org G", 40, "ABCD");
    all.extend(clients(&mut rng, "VSV Ander", "Org A", 30, "ABCD"));
    all.extend(clients(&mut rng, "VSV Klein", "Org K", 1, "ABCD"));
    all
}

/// The published files the α attack reads, from a fresh run.
fn alpha_publish(to: &Path) {
    let tmp = scenario(
        LOCAL_TOML,
        Some(LOCAL_CODEBOOK),
        &[("e.csv", local_csv(&alpha_clients()))],
    );
    let out = report(tmp.path(), "2026-Q2");
    collect(
        &out,
        &[
            ("tables/scores.csv", "scores.csv"),
            ("tables/reliability.csv", "reliability.csv"),
        ],
        to,
    );
}

/// Exact sums and sums of squares of a published cell of whole-number answers, from its
/// n, mean and sd (4 decimals are enough to round them back to whole numbers). `scale` is
/// 3 for a theme score of three items (the sum of a client's three answers is whole).
fn moments(n: u64, mean: f64, sd: f64, scale: f64) -> (f64, f64) {
    let nf = n as f64;
    let sum = (mean * nf * scale).round();
    let sq = (sd * sd * (nf - 1.0) * scale * scale + sum * sum / nf).round();
    (sum, sq)
}

/// Cronbach's α of k items from their sums/squares and those of the clients' totals.
fn cronbach(n: f64, items: &[(f64, f64)], total: (f64, f64)) -> f64 {
    let var = |(s, q): (f64, f64)| q - s * s / n;
    let k = items.len() as f64;
    let item_var: f64 = items.iter().map(|&m| var(m)).sum();
    k / (k - 1.0) * (1.0 - item_var / var(total))
}

/// **The α attack.** Knows: `reliability.csv` (period, theme, n, α) and `scores.csv`; that
/// answers are whole numbers 1–10 and that the theme `zorg` has items a, b, c.
/// Tries, per period and theme:
/// - the count: α's n minus the region's published theme n (and every other published n of
///   that theme and period); a difference of 1..min_n−1 is a hidden group's size;
/// - the answers: when the region's item cells and theme cell share one n (every shown
///   client a complete case), it rebuilds the shown clients' exact sums and sums of squares
///   (items, and the clients' totals from the theme's sd) and, for a single hidden client,
///   tries all 10³ answer vectors; α rounded to 4 decimals keeps those that fit. A hidden
///   answer is pinned when every kept vector agrees on it (or on the client's total); at
///   most `NARROW` kept vectors count as a leak too.
///
/// Does not cover: two or more hidden clients' answer vectors (only their count), themes
/// with item non-response among the shown clients, α of a single VSV.
fn alpha_attack(dir: &Path) -> Vec<Leak> {
    let rows = read_scores(&dir.join("scores.csv"));
    let mut rel = csv::Reader::from_path(dir.join("reliability.csv")).unwrap();
    // Columns by name: a release may leave out α's n.
    let headers = rel.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (n_col, alpha_col) = (column("n"), column("alpha").unwrap());
    let mut leaks = Vec::new();
    for rec in rel.records() {
        let rec = rec.unwrap();
        let (period, theme) = (rec[0].to_string(), rec[1].to_string());
        let Ok(alpha) = rec[alpha_col].parse::<f64>() else {
            continue; // no α published: nothing to attack
        };
        let n: Option<u64> = n_col.and_then(|i| rec[i].parse().ok());
        if theme != "zorg" {
            continue;
        }
        let region = |item: &str| find(&rows, &period, "", "", "", &theme, item);
        let Some(t) = region("").filter(|r| r.n.is_some()) else {
            continue;
        };
        let nt = t.n.unwrap();
        let published: Vec<u64> = rows
            .iter()
            .filter(|r| r.period == period && r.theme == theme)
            .filter_map(|r| r.n)
            .collect();
        if n.is_some_and(|n| published.contains(&n)) {
            continue; // α counts a published set of clients
        }
        if let Some(n) = n {
            let hidden = n.saturating_sub(nt);
            if (1..MIN_N).contains(&hidden) {
                leaks.push(Leak {
                    what: format!("{period} {theme}: α's n {n} − region theme n {nt}"),
                    n: hidden,
                    value: hidden as f64,
                });
            }
            if hidden != 1 {
                continue;
            }
        }
        let items: Vec<&Row> = ["a", "b", "c"].iter().filter_map(|i| region(i)).collect();
        if items.len() != 3 || items.iter().any(|r| r.n != Some(nt)) {
            continue;
        }
        let shown: Vec<(f64, f64)> = items
            .iter()
            .map(|r| moments(nt, r.mean.unwrap(), r.sd.unwrap(), 1.0))
            .collect();
        let total = moments(nt, t.mean.unwrap(), t.sd.unwrap(), 3.0);
        // Without α's n: α of the shown clients alone follows from their moments; where the
        // published α is that one, it counts no one else.
        if n.is_none() && (cronbach(nt as f64, &shown, total) - alpha).abs() <= 0.000_050_1 {
            continue;
        }
        let n1 = (nt + 1) as f64;
        let mut kept: Vec<[u32; 3]> = Vec::new();
        for x in 1..=10u32 {
            for y in 1..=10u32 {
                for z in 1..=10u32 {
                    let v = [x, y, z];
                    let its: Vec<(f64, f64)> = shown
                        .iter()
                        .zip(v)
                        .map(|(&(s, q), a)| (s + f64::from(a), q + f64::from(a * a)))
                        .collect();
                    let sum = f64::from(x + y + z);
                    let tot = (total.0 + sum, total.1 + sum * sum);
                    if (cronbach(n1, &its, tot) - alpha).abs() <= 0.000_050_1 {
                        kept.push(v);
                    }
                }
            }
        }
        if kept.is_empty() {
            continue;
        }
        if kept.len() <= NARROW {
            leaks.push(Leak {
                what: format!(
                    "{period} {theme}: α narrows the hidden client's answers to {kept:?}"
                ),
                n: 1,
                value: kept.len() as f64,
            });
        }
        for (i, item) in ["a", "b", "c"].iter().enumerate() {
            if kept.iter().all(|v| v[i] == kept[0][i]) {
                leaks.push(Leak {
                    what: format!(
                        "{period} {theme}: α pins the hidden client's answer to {item} ({} vectors fit)",
                        kept.len()
                    ),
                    n: 1,
                    value: f64::from(kept[0][i]),
                });
            }
        }
        let sums: Vec<u32> = kept.iter().map(|v| v.iter().sum()).collect();
        if sums.iter().all(|&s| s == sums[0]) {
            leaks.push(Leak {
                what: format!("{period} {theme}: α pins the hidden client's total"),
                n: 1,
                value: f64::from(sums[0]),
            });
        }
    }
    leaks
}

/// At most this many of the 1000 answer vectors left by α count as a leak of the hidden
/// client's answers (each then known within ±2 or so).
const NARROW: usize = 3;

/// Every leak the α attack reports must be true of VSV Klein's one client.
fn alpha_judge(leaks: &[Leak]) {
    let klein: Vec<u32> = alpha_clients()
        .iter()
        .filter(|c| c.vsv == "VSV Klein")
        .flat_map(|c| c.answers[..3].iter().map(|a| a.unwrap()))
        .collect();
    for l in leaks {
        let truth = if l.what.contains("answer to a") {
            f64::from(klein[0])
        } else if l.what.contains("answer to b") {
            f64::from(klein[1])
        } else if l.what.contains("answer to c") {
            f64::from(klein[2])
        } else if l.what.contains("total") {
            f64::from(klein.iter().sum::<u32>())
        } else if l.what.contains("narrows") {
            let truth = format!("{:?}", [klein[0], klein[1], klein[2]]);
            assert!(l.what.contains(&truth), "{truth} not in {l:?}");
            l.value
        } else {
            1.0
        };
        assert_eq!(l.value, truth, "the attack is wrong about {l:?}");
    }
}

#[test]
fn alpha_does_not_reveal_a_hidden_client() {
    let out = tempfile::tempdir().unwrap();
    alpha_publish(out.path());
    let leaks = alpha_attack(out.path());
    alpha_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
    // Not by publishing no α at all: the shown clients' α is there.
    let rel = std::fs::read_to_string(out.path().join("reliability.csv")).unwrap();
    assert!(
        rel.lines()
            .any(|l| l.contains(",zorg,") && !l.ends_with(',')),
        "{rel}"
    );
}

#[test]
fn alpha_attacker_finds_the_leak_in_the_fixture() {
    let leaks = alpha_attack(&fixture("alpha"));
    alpha_judge(&leaks);
    assert!(
        leaks.iter().any(|l| l.n == 1 && l.what.contains("α's n")),
        "{leaks:#?}"
    );
    assert!(
        leaks.iter().any(|l| l.what.contains("narrows")),
        "{leaks:#?}"
    );
}

// ---------------------------------------------------------------------------------------
// PREM exports (classes 2, 3, 4, 5)

/// One line of a long PREM export: a client's answers for one care type.
#[derive(Debug, Clone)]
struct PremLine {
    id: u32,
    vsv: &'static str,
    care_type: &'static str,
    date: &'static str,
    parity: &'static str,
    info: u32,
    grade: u32,
}

const PREM_HEADER: &str = "Respondentnummer,VSV,Zorgaanbieder,Zorgsoort,Datum ingevuld,Eerste kind,Leeftijd,Informatievoorziening,Rapportcijfer";

fn prem_csv(lines: &[PremLine]) -> String {
    let mut s = format!("{PREM_HEADER}\n");
    for l in lines {
        let org = match l.care_type {
            "Verloskundigenpraktijk" => "Praktijk",
            "Kraamzorg" => "Kraamzorg",
            _ => "Ziekenhuis",
        };
        s += &format!(
            "R{:05},{},{org} {},{},{},{},31,{},{}\n",
            l.id, l.vsv, l.vsv, l.care_type, l.date, l.parity, l.info, l.grade
        );
    }
    s
}

/// Appends `n` new clients of `vsv` answering for each of `care_types` on `date`, with
/// answers in `lo..=hi`.
#[allow(clippy::too_many_arguments)]
fn prem_clients(
    lines: &mut Vec<PremLine>,
    rng: &mut Lcg,
    vsv: &'static str,
    care_types: &[&'static str],
    date: &'static str,
    parity: &'static str,
    n: u32,
    (lo, hi): (u32, u32),
) {
    for _ in 0..n {
        let id = lines.iter().map(|l| l.id).max().unwrap_or(0) + 1;
        for &care_type in care_types {
            lines.push(PremLine {
                id,
                vsv,
                care_type,
                date,
                parity,
                info: lo + rng.next(hi - lo + 1),
                grade: lo + rng.next(hi - lo + 1),
            });
        }
    }
}

const VP: &str = "Verloskundigenpraktijk";
const KZ: &str = "Kraamzorg";
const ZH: &str = "Ziekenhuis";
const QUARTER_DATES: [&str; 4] = ["2026-02-10", "2026-05-12", "2026-08-12", "2026-11-12"];

// ---------------------------------------------------------------------------------------
// 2. Quarter vs year

/// Class 2: VSV Noord has 40, 40, 40 and 4 clients in the four quarters of 2026; VSV Oost 40
/// every quarter (midwife practices only).
fn quarter_lines() -> Vec<PremLine> {
    let mut rng = Lcg(22);
    let mut lines = Vec::new();
    for (q, date) in QUARTER_DATES.iter().enumerate() {
        let noord = if q == 3 { 4 } else { 40 };
        prem_clients(
            &mut lines,
            &mut rng,
            "VSV Noord",
            &[VP],
            date,
            "Nee",
            noord,
            (5, 10),
        );
        prem_clients(
            &mut lines,
            &mut rng,
            "VSV Oost",
            &[VP],
            date,
            "Nee",
            40,
            (5, 10),
        );
    }
    lines
}

fn quarter_publish(to: &Path) {
    let tmp = scenario(PREM_TOML, None, &[("p.csv", prem_csv(&quarter_lines()))]);
    let out = report(tmp.path(), "2026-Q4");
    let year = jaarverslag(tmp.path(), 2026);
    collect(&out, &[("tables/scores.csv", "scores.csv")], to);
    collect(&year, &[("vsv-noord/hoofdstuk.md", "hoofdstuk.md")], to);
}

/// **The quarter–year attack.** Knows: the quarterly `scores.csv` (every quarter of the
/// year) and the VSV's year chapter (`hoofdstuk.md`, "Het jaar in cijfers": respondents
/// and grade per quarter and for the year). Tries: the year's respondents minus the
/// shown quarters' (from the chapter, else from scores.csv); 1..min_n−1 is the hidden
/// quarter's n. With it, the hidden quarter's mean grade lies in
/// [(N·(y−½u) − Σ shown sums)/h, (N·(y+½u) − Σ)/h] (u the year grade's rounding unit, the
/// quarters' sums from scores.csv at 4 decimals); it is pinned when that interval is
/// within one rounding unit (0.1).
///
/// Does not cover: months inside a quarter; the year's theme table (same arithmetic);
/// year cells of organisations or care types.
fn quarter_attack(dir: &Path, vsv: &str) -> Vec<Leak> {
    let md = std::fs::read_to_string(dir.join("hoofdstuk.md")).unwrap();
    let rows = read_scores(&dir.join("scores.csv"));
    let quarter = regex::Regex::new(r"^\|\s*(\d{4})-K(\d)\s*\|\s*([^|]*)\|\s*([^|]*)\|").unwrap();
    let year_row =
        regex::Regex::new(r"^\|\s*\*\*(\d{4})\*\*\s*\|\s*\*\*(\d+)\*\*\s*\|\s*\*\*([\d,]+)\*\*")
            .unwrap();
    let mut shown_n = 0u64;
    let mut shown_sum = 0.0;
    let mut year: Option<(u64, f64)> = None;
    for line in md.lines() {
        if let Some(c) = quarter.captures(line) {
            let period = format!("{}-Q{}", &c[1], &c[2]);
            let published = find(&rows, &period, vsv, "", "", "rapportcijfer", "")
                .and_then(|r| r.n.zip(r.mean));
            if let Ok(n) = c[3].trim().parse::<u64>() {
                shown_n += n;
                // The 4-decimal mean of scores.csv where it is published, else the chapter's.
                let mean = published
                    .map(|(_, m)| m)
                    .or_else(|| dutch(&c[4]))
                    .unwrap_or(f64::NAN);
                shown_sum += n as f64 * mean;
            }
        } else if let Some(c) = year_row.captures(line) {
            year = Some((c[2].parse().unwrap(), dutch(&c[3]).unwrap()));
        }
    }
    let mut leaks = Vec::new();
    let Some((n, grade)) = year else {
        return leaks;
    };
    let hidden = n.saturating_sub(shown_n);
    if (1..MIN_N).contains(&hidden) {
        leaks.push(Leak {
            what: format!("{vsv}: year n {n} − shown quarters {shown_n}"),
            n: hidden,
            value: hidden as f64,
        });
        let h = hidden as f64;
        let lo = (n as f64 * (grade - 0.05) - shown_sum) / h;
        let hi = (n as f64 * (grade + 0.05) - shown_sum) / h;
        if hi - lo <= 0.1 {
            leaks.push(Leak {
                what: format!("{vsv}: the hidden quarter's mean grade lies in {lo:.2}..{hi:.2}"),
                n: hidden,
                value: (lo + hi) / 2.0,
            });
        }
    }
    leaks
}

fn quarter_judge(leaks: &[Leak]) {
    let q4: Vec<u32> = quarter_lines()
        .iter()
        .filter(|l| l.vsv == "VSV Noord" && l.date == QUARTER_DATES[3])
        .map(|l| l.grade)
        .collect();
    for l in leaks {
        assert_eq!(l.n, q4.len() as u64, "{l:?}");
        if l.what.contains("mean grade") {
            let truth = f64::from(q4.iter().sum::<u32>()) / q4.len() as f64;
            assert!((l.value - truth).abs() <= 0.1, "{l:?} vs {truth}");
        }
    }
}

#[test]
fn year_minus_shown_quarters_reveals_no_hidden_quarter() {
    let out = tempfile::tempdir().unwrap();
    quarter_publish(out.path());
    let leaks = quarter_attack(out.path(), "VSV Noord");
    quarter_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn quarter_year_attacker_finds_the_leak_in_the_fixture() {
    let leaks = quarter_attack(&fixture("quarter_year"), "VSV Noord");
    quarter_judge(&leaks);
    assert!(leaks.iter().any(|l| l.n == 4), "{leaks:#?}");
}

// ---------------------------------------------------------------------------------------
// 3. Response line vs covered n

/// Class 3: VSV Zuid, 2026-Q4: 40 clients answer for the midwife and maternity care, 3
/// others only for the hospital (a care type hidden everywhere); VSV Oost 40 midwife clients.
fn response_lines() -> Vec<PremLine> {
    let mut rng = Lcg(33);
    let mut lines = Vec::new();
    let d = QUARTER_DATES[3];
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV Zuid",
        &[VP, KZ],
        d,
        "Nee",
        40,
        (5, 10),
    );
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV Zuid",
        &[ZH],
        d,
        "Nee",
        3,
        (5, 10),
    );
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV Oost",
        &[VP],
        d,
        "Nee",
        40,
        (5, 10),
    );
    lines
}

fn response_publish(to: &Path) {
    let tmp = scenario(PREM_TOML, None, &[("p.csv", prem_csv(&response_lines()))]);
    let out = report(tmp.path(), "2026-Q4");
    collect(
        &out,
        &[
            ("tables/scores.csv", "scores.csv"),
            ("vsv-zuid/agenda.md", "agenda.md"),
        ],
        to,
    );
}

/// **The response-line attack.** Knows: a VSV's `agenda.md` and `scores.csv`. Tries: every
/// count on the agenda's response line ("**Respons:** 43 cliënten (prem)") minus the n of
/// every published row of that VSV and period over care types (theme, item, grade); a
/// difference of 1..min_n−1 is the size of a group (here: the clients of a hidden care
/// type) that no published number may isolate.
///
/// Does not cover: the region's agenda, the index page, responses per source when a VSV
/// has several sources with overlapping clients.
fn response_attack(dir: &Path, vsv: &str, period: &str) -> Vec<Leak> {
    let md = std::fs::read_to_string(dir.join("agenda.md")).unwrap();
    let rows = read_scores(&dir.join("scores.csv"));
    let count = regex::Regex::new(r"(\d+)\s+cliënten").unwrap();
    let mut leaks = Vec::new();
    for line in md.lines().filter(|l| l.contains("Respons")) {
        for c in count.captures_iter(line) {
            let total: u64 = c[1].parse().unwrap();
            let mut diffs: Vec<(u64, String)> = rows
                .iter()
                .filter(|r| r.period == period && r.vsv == vsv)
                .filter(|r| r.organisation.is_empty() && r.care_type.is_empty())
                .filter_map(|r| r.n.map(|n| (n, format!("{}/{}", r.theme, r.item))))
                .filter(|(n, _)| total > *n && total - n < MIN_N)
                .map(|(n, m)| (total - n, m))
                .collect();
            diffs.sort();
            if let Some((d, measure)) = diffs.first() {
                leaks.push(Leak {
                    what: format!("{vsv} {period}: response {total} − covered n of {measure}"),
                    n: *d,
                    value: *d as f64,
                });
            }
        }
    }
    leaks
}

fn response_judge(leaks: &[Leak]) {
    for l in leaks {
        assert_eq!(l.n, 3, "the 3 hospital-only clients, not {l:?}");
    }
}

#[test]

fn response_line_minus_covered_n_isolates_no_small_group() {
    let out = tempfile::tempdir().unwrap();
    response_publish(out.path());
    let leaks = response_attack(out.path(), "VSV Zuid", "2026-Q4");
    response_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
    // Not by leaving the line out: it counts the clients of the shown care type.
    let agenda = std::fs::read_to_string(out.path().join("agenda.md")).unwrap();
    assert!(agenda.contains("40 cliënten"), "{agenda}");
}

#[test]
fn response_line_attacker_finds_the_leak_in_the_fixture() {
    let leaks = response_attack(&fixture("response_line"), "VSV Zuid", "2026-Q4");
    response_judge(&leaks);
    assert!(!leaks.is_empty());
}

// ---------------------------------------------------------------------------------------
// 4. Manifest input sizes

/// Class 4: one export per VSV (as a VSV's own delivery often is): VSV Groot 40 clients,
/// VSV Klein 4 (hidden everywhere). Every line of the export has the same length.
fn manifest_exports() -> Vec<(&'static str, Vec<PremLine>)> {
    let mut rng = Lcg(44);
    let (mut groot, mut klein) = (Vec::new(), Vec::new());
    let d = QUARTER_DATES[2];
    prem_clients(
        &mut groot,
        &mut rng,
        "VSV Groot",
        &[VP],
        d,
        "Nee",
        40,
        (5, 9),
    );
    prem_clients(
        &mut klein,
        &mut rng,
        "VSV Klein",
        &[VP],
        d,
        "Nee",
        4,
        (5, 9),
    );
    klein.iter_mut().for_each(|l| l.id += 100);
    vec![("groot.csv", groot), ("klein.csv", klein)]
}

fn manifest_publish(to: &Path) {
    let exports: Vec<(&str, String)> = manifest_exports()
        .iter()
        .map(|(name, lines)| (*name, prem_csv(lines)))
        .collect();
    let tmp = scenario(PREM_TOML, None, &exports);
    let out = report(tmp.path(), "2026-Q3");
    collect(&out, &[("manifest.json", "manifest.json")], to);
}

/// **The manifest attack.** Knows: `manifest.json`, and the export format (header line,
/// and that each client is one line of a fixed length — as a national export's lines
/// nearly are; the attacker can hold such an export). Tries: every input entry with a
/// number besides its hash (`bytes`, `size`, `rows`, …): a row count is read directly, a
/// byte size is turned into lines by (bytes − header)/line length. 1..min_n−1 lines is the
/// size of a group (here: the one VSV whose export it is).
///
/// Does not cover: sizes of output files (they depend on published numbers only), the
/// data-quality report's counts, a mix of line lengths (an attacker would get a range).
fn manifest_attack(dir: &Path) -> Vec<Leak> {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let line = prem_csv(&manifest_exports()[0].1)
        .lines()
        .nth(1)
        .unwrap()
        .len() as u64
        + 1;
    let header = PREM_HEADER.len() as u64 + 1;
    let mut leaks = Vec::new();
    for input in m["inputs"].as_array().into_iter().flatten() {
        let file = input["file"].as_str().unwrap_or("?").to_string();
        for (key, value) in input.as_object().into_iter().flatten() {
            let Some(v) = value.as_u64() else { continue };
            let lines = match key.as_str() {
                "bytes" | "size" | "size_bytes" => v.saturating_sub(header).div_ceil(line),
                _ => v,
            };
            if (1..MIN_N).contains(&lines) {
                leaks.push(Leak {
                    what: format!("manifest: {file} {key} = {v} → {lines} clients"),
                    n: lines,
                    value: lines as f64,
                });
            }
        }
    }
    leaks
}

/// Whatever it says, the contract: input entries carry no size or count at all.
fn manifest_sizes(dir: &Path) -> Vec<String> {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    m["inputs"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|i| i.as_object().unwrap().iter())
        .filter(|(_, v)| v.is_number())
        .map(|(k, v)| format!("{k} = {v}"))
        .collect()
}

fn manifest_judge(leaks: &[Leak]) {
    for l in leaks {
        assert_eq!(l.n, 4, "VSV Klein's 4 clients, not {l:?}");
    }
}

#[test]
fn manifest_lists_no_input_sizes() {
    let out = tempfile::tempdir().unwrap();
    manifest_publish(out.path());
    let leaks = manifest_attack(out.path());
    manifest_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
    let sizes = manifest_sizes(out.path());
    assert!(sizes.is_empty(), "inputs carry numbers: {sizes:?}");
}

#[test]
fn manifest_attacker_finds_the_leak_in_the_fixture() {
    let leaks = manifest_attack(&fixture("manifest"));
    manifest_judge(&leaks);
    assert!(!leaks.is_empty());
    assert!(!manifest_sizes(&fixture("manifest")).is_empty());
}

// ---------------------------------------------------------------------------------------
// 5. Case-mix strata

/// Class 5, 2026-Q3, midwife practices, every client 31 (one age band): VSV West 40
/// multiparas and 5 primiparas (a small stratum), VSV Oost 40 and 40, VSV Zuid 40 multiparas.
fn casemix_lines() -> Vec<PremLine> {
    let mut rng = Lcg(55);
    let mut lines = Vec::new();
    let d = QUARTER_DATES[2];
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV West",
        &[VP],
        d,
        "Nee",
        40,
        (6, 10),
    );
    prem_clients(&mut lines, &mut rng, "VSV West", &[VP], d, "Ja", 5, (3, 8));
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV Oost",
        &[VP],
        d,
        "Nee",
        40,
        (5, 10),
    );
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV Oost",
        &[VP],
        d,
        "Ja",
        40,
        (5, 10),
    );
    prem_clients(
        &mut lines,
        &mut rng,
        "VSV Zuid",
        &[VP],
        d,
        "Nee",
        40,
        (5, 10),
    );
    lines
}

fn casemix_publish(to: &Path) {
    let tmp = scenario(PREM_TOML, None, &[("p.csv", prem_csv(&casemix_lines()))]);
    let out = report(tmp.path(), "2026-Q3");
    collect(&out, &[("tables/scores.csv", "scores.csv")], to);
}

/// **The case-mix attack.** Knows: `scores.csv`; every VSV's number of first-time and
/// other mothers (public birth statistics; here all in one age band), given as
/// `strata[vsv] = (first, other)`. Tries, per VSV row with `std_mean` beside `mean`: the
/// direct standardisation `std = w·m₁ + (1−w)·m₀` with w the pooled share of first-time
/// mothers (over the VSVs given), and `mean = (n₁m₁ + n₀m₀)/n`: two equations, two unknown
/// stratum means. A stratum of 1..min_n−1 clients whose solved mean is a whole-number sum
/// (n₁·m₁ within 0.01 of a whole number within 1..10 per answer) is recovered.
///
/// Does not cover: age bands (same algebra, more strata), standard populations from
/// `[casemix] standard`, strata merged by prem in ways the attacker does not guess.
fn casemix_attack(dir: &Path, period: &str, strata: &BTreeMap<&str, (u64, u64)>) -> Vec<Leak> {
    let rows = read_scores(&dir.join("scores.csv"));
    let (first, all) = strata
        .values()
        .fold((0, 0), |(f, a), &(x, y)| (f + x, a + x + y));
    let w = first as f64 / all as f64;
    let mut leaks = Vec::new();
    for (vsv, &(n1, n0)) in strata {
        for r in rows.iter().filter(|r| {
            r.period == period && r.vsv == *vsv && r.organisation.is_empty() && r.item.is_empty()
        }) {
            let (Some(mean), Some(std), Some(n)) = (r.mean, r.std_mean, r.n) else {
                continue;
            };
            if n != n1 + n0 {
                continue;
            }
            let (f1, f0) = (n1 as f64 / n as f64, n0 as f64 / n as f64);
            // mean = f1 m1 + f0 m0; std = w m1 + (1−w) m0.
            let det = f1 * (1.0 - w) - f0 * w;
            if det.abs() < 1e-6 {
                continue;
            }
            let m1 = (mean * (1.0 - w) - std * f0) / det;
            let m0 = (f1 * std - w * mean) / det;
            for (k, m, label) in [(n1, m1, "first-time"), (n0, m0, "other")] {
                let sum = k as f64 * m;
                if (1..MIN_N).contains(&k)
                    && (sum - sum.round()).abs() < 0.01
                    && (k as f64..=10.0 * k as f64).contains(&sum.round())
                {
                    leaks.push(Leak {
                        what: format!(
                            "{vsv} {} {}/{}: mean of the {k} {label} mothers",
                            r.care_type, r.theme, r.item
                        ),
                        n: k,
                        value: sum.round() / k as f64,
                    });
                }
            }
        }
    }
    leaks
}

fn casemix_strata() -> BTreeMap<&'static str, (u64, u64)> {
    let mut s = BTreeMap::new();
    for l in casemix_lines() {
        let e = s.entry(l.vsv).or_insert((0, 0));
        if l.parity == "Ja" {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    s
}

fn casemix_judge(leaks: &[Leak]) {
    let small: Vec<PremLine> = casemix_lines()
        .into_iter()
        .filter(|l| l.vsv == "VSV West" && l.parity == "Ja")
        .collect();
    for l in leaks {
        let xs: Vec<u32> = if l.what.contains("rapportcijfer") {
            small.iter().map(|s| s.grade).collect()
        } else {
            small.iter().map(|s| s.info).collect()
        };
        let truth = f64::from(xs.iter().sum::<u32>()) / xs.len() as f64;
        assert!((l.value - truth).abs() < 1e-9, "{l:?} vs {truth}");
    }
}

#[test]
fn std_mean_next_to_mean_reveals_no_small_stratum() {
    let out = tempfile::tempdir().unwrap();
    casemix_publish(out.path());
    let leaks = casemix_attack(out.path(), "2026-Q3", &casemix_strata());
    casemix_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn casemix_attacker_finds_the_leak_in_the_fixture() {
    let leaks = casemix_attack(&fixture("casemix"), "2026-Q3", &casemix_strata());
    casemix_judge(&leaks);
    assert!(leaks.iter().any(|l| l.n == 5), "{leaks:#?}");
}

// ---------------------------------------------------------------------------------------
// 6. A theme next to its items (item non-response)

/// Class 6, 2026-Q2. VSV Groot: 40 clients answer a, b, c, d, and Anna answers only a (and
/// d). VSV Midden: 40 complete, and Bea answers a and b, not c. VSV Ander: 30 answer a–d,
/// 4 answer a–c and only the conditional e (not d).
fn nonresponse_clients() -> Vec<Client> {
    let mut rng = Lcg(66);
    let mut all = clients(&mut rng, "VSV Groot", "Org G", 40, "ABCD");
    all.extend(clients(&mut rng, "VSV Groot", "Org G", 1, "AD"));
    all.extend(clients(&mut rng, "VSV Midden", "Org M", 40, "ABCD"));
    all.extend(clients(&mut rng, "VSV Midden", "Org M", 1, "ABD"));
    all.extend(clients(&mut rng, "VSV Ander", "Org A", 30, "ABCD"));
    all.extend(clients(&mut rng, "VSV Ander", "Org A", 4, "ABCE"));
    all
}

fn nonresponse_publish(to: &Path) {
    let tmp = scenario(
        LOCAL_TOML,
        Some(LOCAL_CODEBOOK),
        &[("e.csv", local_csv(&nonresponse_clients()))],
    );
    let out = report(tmp.path(), "2026-Q2");
    collect(&out, &[("tables/scores.csv", "scores.csv")], to);
}

/// Exact sum of a published cell of whole-number answers (theme scores: `scale` = the
/// common denominator of a client's theme score, e.g. 6 for means of 2 or 3 answers).
fn cell_sum(r: &Row, scale: f64) -> Option<f64> {
    Some((r.mean? * r.n? as f64 * scale).round() / scale)
}

/// **The theme-vs-items attack.** Knows: `scores.csv` and the codebook (a client's theme
/// score is the mean of the items she answered, if she answered at least half of them;
/// `zorg` = a, b, c; `extra` = d, e). Tries, per published unit and period:
/// - three items, one item's n = theme n + h, the others = theme n: the h clients
///   answered that item only (too few for the theme), and their sum on it is
///   S_item − (3·T − S_others), with T the theme's sum;
/// - three items, one item's n = theme n − h, the others = theme n: the h clients skipped
///   it, and the sum of their other two answers is 6·(T − ΣS/3);
/// - two items (one enough), theme n − item n = h ≥ 1 with the other item hidden: the h
///   answered only the other item, and their sum on it is T − S_item.
///
/// Each applies when h is 1..min_n−1; the result (a sum of whole answers) must be within
/// 0.01 of a whole number. Does not cover: several kinds of non-response in one unit
/// (the attacker then needs a solver), themes of four or more items, sd's.
fn nonresponse_attack(dir: &Path) -> Vec<Leak> {
    let rows = read_scores(&dir.join("scores.csv"));
    let mut leaks = Vec::new();
    let mut units: Vec<(String, String, String, String)> = rows.iter().map(Row::unit).collect();
    units.sort();
    units.dedup();
    let whole = |x: f64| (x - x.round()).abs() < 0.01;
    for u in &units {
        let get = |theme: &str, item: &str| find(&rows, &u.0, &u.1, &u.2, &u.3, theme, item);
        let label = format!(
            "{} {} {}",
            u.0,
            if u.1.is_empty() { "regio" } else { &u.1 },
            u.2
        );
        // Theme zorg: a, b, c.
        if let Some(t) = get("zorg", "").filter(|r| r.n.is_some()) {
            let nt = t.n.unwrap();
            let items: Vec<Option<&Row>> = ["a", "b", "c"]
                .iter()
                .map(|i| get("zorg", i).filter(|r| r.n.is_some()))
                .collect();
            if items.iter().all(Option::is_some) {
                let items: Vec<&Row> = items.into_iter().map(Option::unwrap).collect();
                let total = cell_sum(t, 6.0).unwrap();
                for (i, name) in ["a", "b", "c"].iter().enumerate() {
                    let others: Vec<&Row> = (0..3).filter(|&j| j != i).map(|j| items[j]).collect();
                    if others.iter().any(|r| r.n != Some(nt)) {
                        continue;
                    }
                    let ni = items[i].n.unwrap();
                    let s_i = cell_sum(items[i], 1.0).unwrap();
                    let s_o: f64 = others.iter().map(|r| cell_sum(r, 1.0).unwrap()).sum();
                    if ni > nt && ni - nt < MIN_N {
                        let sum = s_i - (3.0 * total - s_o);
                        if whole(sum) {
                            leaks.push(Leak {
                                what: format!(
                                    "{label} zorg: {} answering only {name}: sum of {name}",
                                    ni - nt
                                ),
                                n: ni - nt,
                                value: sum.round(),
                            });
                        }
                    } else if nt > ni && nt - ni < MIN_N {
                        let sum = 6.0 * (total - (s_i + s_o) / 3.0);
                        if whole(sum) {
                            leaks.push(Leak {
                                what: format!(
                                    "{label} zorg: {} skipping {name}: sum of their other answers",
                                    nt - ni
                                ),
                                n: nt - ni,
                                value: sum.round(),
                            });
                        }
                    }
                }
            }
        }
        // Theme extra: d and the conditional e.
        if let (Some(t), Some(d)) = (
            get("extra", "").filter(|r| r.n.is_some()),
            get("extra", "d").filter(|r| r.n.is_some()),
        ) {
            let e_hidden = get("extra", "e").is_none_or(|r| r.n.is_none());
            let (nt, nd) = (t.n.unwrap(), d.n.unwrap());
            if e_hidden && nt > nd && nt - nd < MIN_N {
                let sum = cell_sum(t, 2.0).unwrap() - cell_sum(d, 1.0).unwrap();
                if whole(sum) {
                    leaks.push(Leak {
                        what: format!("{label} extra: {} answering only e: sum of e", nt - nd),
                        n: nt - nd,
                        value: sum.round(),
                    });
                }
            }
        }
    }
    leaks
}

fn nonresponse_judge(leaks: &[Leak]) {
    let all = nonresponse_clients();
    let of = |vsv: &str, pattern: fn(&Client) -> bool| -> Vec<Client> {
        all.iter()
            .filter(|c| c.vsv == vsv && pattern(c))
            .cloned()
            .collect()
    };
    let anna = of("VSV Groot", |c| c.answers[1].is_none());
    let bea = of("VSV Midden", |c| c.answers[2].is_none());
    let four = of("VSV Ander", |c| c.answers[4].is_some());
    for l in leaks {
        let (group, truth) = if l.what.contains("only a") {
            (
                &anna,
                anna.iter().map(|c| c.answers[0].unwrap()).sum::<u32>(),
            )
        } else if l.what.contains("skipping c") {
            let s = bea
                .iter()
                .map(|c| c.answers[0].unwrap() + c.answers[1].unwrap());
            (&bea, s.sum())
        } else if l.what.contains("only e") {
            (&four, four.iter().map(|c| c.answers[4].unwrap()).sum())
        } else {
            panic!("a leak the scenario did not plant: {l:?}");
        };
        assert_eq!(l.n, group.len() as u64, "{l:?}");
        assert_eq!(l.value, f64::from(truth), "{l:?}");
    }
}

#[test]

fn theme_next_to_its_items_reveals_no_answer_of_a_few_clients() {
    let out = tempfile::tempdir().unwrap();
    nonresponse_publish(out.path());
    let leaks = nonresponse_attack(out.path());
    nonresponse_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn item_nonresponse_attacker_finds_the_leaks_in_the_fixture() {
    let leaks = nonresponse_attack(&fixture("item_nonresponse"));
    nonresponse_judge(&leaks);
    for kind in ["only a", "skipping c", "only e"] {
        assert!(
            leaks.iter().any(|l| l.what.contains(kind)),
            "{kind}: {leaks:#?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// 7. Suppression decided per measure

/// Class 7, 2026-Q2. VSV Groot: Org Y 40 clients answer a–d; Org X 9 answer a–d and 3
/// answer a, b, d (not c), so Org X's item c has 9 clients. VSV Ander: Org Z 30 complete.
fn per_measure_clients() -> Vec<Client> {
    let mut rng = Lcg(77);
    let mut all = clients(&mut rng, "VSV Groot", "Org Y", 40, "ABCD");
    all.extend(clients(&mut rng, "VSV Groot", "Org X", 9, "ABCD"));
    all.extend(clients(&mut rng, "VSV Groot", "Org X", 3, "ABD"));
    all.extend(clients(&mut rng, "VSV Ander", "Org Z", 30, "ABCD"));
    all
}

fn per_measure_publish(to: &Path) {
    let tmp = scenario(
        LOCAL_TOML,
        Some(LOCAL_CODEBOOK),
        &[("e.csv", local_csv(&per_measure_clients()))],
    );
    let out = report(tmp.path(), "2026-Q2");
    collect(&out, &[("tables/scores.csv", "scores.csv")], to);
}

/// An organisation's cell of one item: name, published, and (n, sum) where published or
/// solved from the organisation's theme.
type OrgCell = (String, bool, Option<(u64, f64)>);

/// **The per-measure attack.** Knows: `scores.csv` and the codebook (`zorg` = a, b, c).
/// Tries, per period: an organisation hidden for one item of a theme but shown for the
/// theme and its other items with one common n gets that item back as
/// S = 3·T − ΣS_others (every client of the theme a complete case, as the equal n's say),
/// n = theme n. With it, the VSV's shown item cell minus every organisation's known cell
/// leaves the last organisation's hidden cell: n and mean. A remainder of 1..min_n−1
/// clients whose sum is whole within 1..10 per answer is recovered.
///
/// Does not cover: VSVs with clients without an organisation (a remainder atom), care
/// types, hidden cells recovered through two steps of this.
fn per_measure_attack(dir: &Path) -> Vec<Leak> {
    let rows = read_scores(&dir.join("scores.csv"));
    let mut leaks = Vec::new();
    let items = ["a", "b", "c"];
    let mut parents: Vec<(String, String)> = rows
        .iter()
        .filter(|r| !r.vsv.is_empty() && r.organisation.is_empty() && r.care_type.is_empty())
        .map(|r| (r.period.clone(), r.vsv.clone()))
        .collect();
    parents.sort();
    parents.dedup();
    for (period, vsv) in &parents {
        let mut orgs: Vec<String> = rows
            .iter()
            .filter(|r| &r.period == period && &r.vsv == vsv && !r.organisation.is_empty())
            .map(|r| r.organisation.clone())
            .collect();
        orgs.sort();
        orgs.dedup();
        for (i, item) in items.iter().enumerate() {
            let Some(parent) =
                find(&rows, period, vsv, "", "", "zorg", item).filter(|r| r.n.is_some())
            else {
                continue;
            };
            // Each organisation's cell of this item: published, or solved from its theme
            // (None: neither).
            let cells: Vec<OrgCell> = orgs
                .iter()
                .map(|org| {
                    let get = |it: &str| {
                        find(&rows, period, vsv, org, "", "zorg", it).filter(|r| r.n.is_some())
                    };
                    if let Some(r) = get(item) {
                        return (
                            org.clone(),
                            true,
                            Some((r.n.unwrap(), cell_sum(r, 1.0).unwrap())),
                        );
                    }
                    let others: Vec<&Row> = (0..3)
                        .filter(|&j| j != i)
                        .filter_map(|j| get(items[j]))
                        .collect();
                    let solved =
                        get("").filter(|t| others.len() == 2 && others.iter().all(|r| r.n == t.n));
                    let solved = solved.map(|t| {
                        let s_o: f64 = others.iter().map(|r| cell_sum(r, 1.0).unwrap()).sum();
                        (t.n.unwrap(), 3.0 * cell_sum(t, 3.0).unwrap() - s_o)
                    });
                    (org.clone(), false, solved)
                })
                .collect();
            // Every hidden organisation in turn is the remainder; the others must be known,
            // and at least one of them only through the solve.
            for (u, (target, shown, _)) in cells.iter().enumerate() {
                if *shown {
                    continue;
                }
                let rest: Vec<&OrgCell> = cells
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != u)
                    .map(|(_, c)| c)
                    .collect();
                if rest.iter().any(|c| c.2.is_none()) || rest.iter().all(|c| c.1) {
                    continue;
                }
                let known_n: u64 = rest.iter().map(|c| c.2.unwrap().0).sum();
                let Some(n) = parent.n.unwrap().checked_sub(known_n) else {
                    continue;
                };
                let sum = cell_sum(parent, 1.0).unwrap()
                    - rest.iter().map(|c| c.2.unwrap().1).sum::<f64>();
                if (1..MIN_N).contains(&n)
                    && (sum - sum.round()).abs() < 0.01
                    && (n as f64..=10.0 * n as f64).contains(&sum.round())
                {
                    leaks.push(Leak {
                        what: format!(
                            "{period} {vsv} {target} item {item}: the VSV's cell minus the solved cells"
                        ),
                        n,
                        value: sum.round() / n as f64,
                    });
                }
            }
        }
    }
    leaks
}

fn per_measure_judge(leaks: &[Leak]) {
    let x: Vec<u32> = per_measure_clients()
        .iter()
        .filter(|c| c.org == "Org X")
        .filter_map(|c| c.answers[2])
        .collect();
    for l in leaks {
        assert!(l.what.contains("Org X item c"), "{l:?}");
        assert_eq!(l.n, x.len() as u64, "{l:?}");
        let truth = f64::from(x.iter().sum::<u32>()) / x.len() as f64;
        assert!((l.value - truth).abs() < 1e-9, "{l:?} vs {truth}");
    }
}

#[test]

fn a_cell_hidden_for_one_measure_is_not_solved_from_the_units_other_measures() {
    let out = tempfile::tempdir().unwrap();
    per_measure_publish(out.path());
    let leaks = per_measure_attack(out.path());
    per_measure_judge(&leaks);
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn per_measure_attacker_finds_the_leak_in_the_fixture() {
    let leaks = per_measure_attack(&fixture("per_measure"));
    per_measure_judge(&leaks);
    assert!(!leaks.is_empty());
}

// ---------------------------------------------------------------------------------------
// Fixtures

/// Rewrites `tests/fixtures/leaks/<class>/` from the current binary (only with
/// `PREM_WRITE_LEAK_FIXTURES=1`; see the module docs).
#[test]
#[ignore = "writes tests/fixtures/leaks; run by hand with PREM_WRITE_LEAK_FIXTURES=1"]
fn write_leak_fixtures() {
    if std::env::var("PREM_WRITE_LEAK_FIXTURES").as_deref() != Ok("1") {
        return;
    }
    alpha_publish(&fixture("alpha"));
    quarter_publish(&fixture("quarter_year"));
    response_publish(&fixture("response_line"));
    manifest_publish(&fixture("manifest"));
    casemix_publish(&fixture("casemix"));
    nonresponse_publish(&fixture("item_nonresponse"));
    per_measure_publish(&fixture("per_measure"));
}
