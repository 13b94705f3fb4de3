//! A property test of the privacy guarantee over **successive releases** (spec §5, "Linked
//! releases"; issue 24).
//!
//! Written without reading the disclosure stage (`src/disclosure.rs`), the publication
//! ledger (`src/ledger.rs`) or `prem audit` (`src/audit/`): only from the README, the spec,
//! `docs/privacy.md` and the export format `prem sample` writes, so that it checks that code
//! instead of repeating it.
//!
//! **What it generates** (seeded, deterministic): projects in the PREM Geboortezorg long
//! layout (`;`-separated, Windows-1252, CRLF, the header of `prem sample`) with 2–4 VSVs,
//! each with its own care types and 0–3 organisations per care type (and, for some care
//! types, clients without an organisation), 2–3 quarters, 1–60 clients per group, clients
//! who answered for a second care type, and item non-response: random blanks and
//! `n.v.t.`, clients answering only one item of a theme, whole themes skipped, and
//! conditional items (pain relief only in the hospital, the partner's involvement not for
//! everyone). The codebook groups the PREM columns into multi-item themes, so a theme and
//! its items count different clients.
//!
//! **The releases.** `prem report` on the project; then late responses (1 to `min_n − 1`
//! new clients in a group of an already reported quarter) and sometimes one client removed
//! or moved to another organisation; `prem report --force` into the same output folder, so
//! the publication ledger (`.publicaties.csv`) is used; for some seeds a third release with
//! more late clients. Every release's report folder is kept.
//!
//! **The attack**, on all releases' `tables/scores.csv` together, with code of its own:
//! - (a) a cell (period, VSV, care type, organisation, measure) shown in two releases has
//!   the same n or n's that differ by at least `min_n`; the same n with another mean is a
//!   change of at least two clients (one out, one in) or of one client's answers, whose
//!   sum difference `n × Δmean` is exposed, and is reported too;
//! - (b) within a release, a shown parent minus its shown children leaves 0 or at least
//!   `min_n` clients: region ⊃ VSVs, VSV × care type ⊃ its organisations;
//! - (c) at every unit, a theme's n and each of its items' n are equal or differ by at
//!   least `min_n` (item non-response);
//! - every shown n is at least `min_n`;
//! - and `prem audit` on all releases exits 0.
//!
//! **Self-test.** The same scenario with the second release written to a fresh output
//! folder (no ledger known, the behaviour before it) must let attack (a) find a difference
//! of 1 to `min_n − 1` clients: the attacker is not blind.
//!
//! **Known leaks, kept as ignored tests** (both in docs/privacy.md, "Not covered yet"):
//! a VSV's theme over care types against an item over fewer care types (an overlap count;
//! `prem audit` flags the same cells, so the audit here accepts exactly those findings of
//! its `[theme-items]` attack that the attacker classed as such, and those where the ground
//! truth shows the difference of the n's to be a net of two groups of at least `min_n`
//! each, which no rule is broken by), and one client's answers
//! corrected under the same respondent number (same n, another mean).
//!
//! `PREM_PROPERTY_SEEDS=0..40` runs other seeds, `PREM_PROPERTY_KEEP=1` keeps each
//! scenario's folder (its path goes to stderr).
//!
//! **Not covered.** Linear systems over several cells at once (`tests/privacy_attack.rs`),
//! α, the year chapter, agendas, shared files (`tests/privacy_linked.rs`), overlap counts of
//! clients who answered for two care types, months against quarters.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `[privacy] min_n` of every project here (the default).
const MIN_N: u64 = 10;

/// Seeds of the main property test (each: two or three `prem report` runs and an audit).
const SEEDS: std::ops::Range<u64> = 0..4;
/// Seeds the self-test may try until the attacker finds the late clients.
const SELF_TEST_SEEDS: std::ops::Range<u64> = 0..4;

const VSVS: [&str; 4] = [
    "VSV Alkmaar",
    "VSV Zaanstreek",
    "VSV Haarlem",
    "VSV Purmerend",
];
const CARE_TYPES: [&str; 3] = ["Verloskundigenpraktijk", "Ziekenhuis", "Kraamzorg"];
const HOSPITAL: usize = 1;
/// Organisation names per care type (a VSV's short name is appended).
const ORG_NAMES: [[&str; 3]; 3] = [
    [
        "Verloskundigenpraktijk De Wieg",
        "Verloskundigenpraktijk Levenslicht",
        "Verloskundigenpraktijk Één",
    ],
    ["Ziekenhuis Noord", "Ziekenhuis Zuid", "Ziekenhuis Oost"],
    [
        "Kraamzorg Hélène",
        "Kraamzorg Het Nest",
        "Kraamzorg Mama & Co",
    ],
];

/// The header of the export before the answers, as `prem sample` writes it.
const LEAD_COLUMNS: [&str; 9] = [
    "Respondentnummer",
    "VSV",
    "Zorgaanbieder",
    "Zorgsoort",
    "Datum ingevuld",
    "Eerste kind",
    "Leeftijd",
    "Opleidingsniveau",
    "Plaats bevalling",
];
/// The answer columns (export column, item id, theme id; "" = an overall item).
const ITEMS: [(&str, &str, &str); 15] = [
    ("Persoonlijke aandacht", "aandacht", "contact"),
    ("Informatievoorziening", "informatie", "contact"),
    ("Samen beslissen", "beslissen", "contact"),
    ("Vertrouwen", "vertrouwen", "vertrouwen"),
    ("Bejegening", "respect", "vertrouwen"),
    ("Bereikbaarheid", "bereikbaar", "organisatie"),
    ("Samenwerking", "samenwerking", "organisatie"),
    ("Continuïteit", "continuiteit", "organisatie"),
    ("Emotionele steun", "steun", "steun"),
    ("Betrokkenheid partner", "partner", "steun"),
    ("Voorbereiding", "voorbereiding", "steun"),
    ("Pijnbestrijding", "pijn", "pijnbestrijding"),
    ("Nazorg", "nazorg", "steun"),
    ("Rapportcijfer", "rapportcijfer", ""),
    ("Aanbevelen", "aanbevelen", ""),
];
const PARTNER: usize = 9;
const PAIN: usize = 11;
const GRADE: usize = 13;
const RECOMMEND: usize = 14;
/// Themes with their items (indices into [`ITEMS`]).
const THEMES: [(&str, &[usize]); 5] = [
    ("contact", &[0, 1, 2]),
    ("vertrouwen", &[3, 4]),
    ("organisatie", &[5, 6, 7]),
    ("steun", &[8, 9, 10, 12]),
    ("pijnbestrijding", &[PAIN]),
];
const OPEN_COLUMNS: [&str; 2] = ["Verbeterpunten", "Complimenten"];

const PREM_TOML: &str = r#"[analysis]
name = "Eigenschapsregio"
period = "quarter"
language = "nl"
output = "reports"

[privacy]
min_n = 10
indicative_n = 30

[[source]]
name = "prem"
files = ["exports/prem-*.csv"]
codebook = "prem-eigenschap.toml"
date_order = "dmy"
[source.columns]
respondent = "Respondentnummer"
vsv = "VSV"
organisation = "Zorgaanbieder"
care_type = "Zorgsoort"
date = "Datum ingevuld"
parity = "Eerste kind"
age = "Leeftijd"
education = "Opleidingsniveau"
place_of_birth = "Plaats bevalling"
"#;

/// The codebook: the PREM columns grouped into multi-item themes (a client's theme score
/// needs half of its items), a conditional single-item theme, the grade and the NPS item.
fn codebook() -> String {
    let mut s = String::from(
        "name = \"prem-eigenschap\"\ntitle = \"PREM Geboortezorg (thema's gegroepeerd)\"\n\n\
         [scales.cijfer]\ntype = \"numeric\"\nmin = 1\nmax = 10\npositive_min = 9\n\
         problem_max = 5\nmissing = [\"n.v.t.\"]\n\n\
         [scales.aanbevelen]\ntype = \"numeric\"\nmin = 0\nmax = 10\npositive_min = 9\n\
         problem_max = 6\nmissing = [\"n.v.t.\"]\n\n",
    );
    for (theme, _) in THEMES {
        s += &format!("[[themes]]\nid = \"{theme}\"\nlabel = \"Thema {theme}\"\n\n");
    }
    for (i, (column, id, theme)) in ITEMS.iter().enumerate() {
        s += &format!("[[items]]\nid = \"{id}\"\n");
        if !theme.is_empty() {
            s += &format!("theme = \"{theme}\"\n");
        }
        let scale = if i == RECOMMEND {
            "aanbevelen"
        } else {
            "cijfer"
        };
        s += &format!("columns = [\"{column}\"]\ntext = \"{column}?\"\nscale = \"{scale}\"\n\n");
    }
    s += "[overall]\ngrade = \"rapportcijfer\"\nrecommend = \"aanbevelen\"\n\n\
          [open]\nimprovement = [\"Verbeterpunten\"]\ncompliment = [\"Complimenten\"]\n";
    s
}

// ---------------------------------------------------------------------------------------
// A small deterministic generator (SplitMix64)

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x0005_EED0_FA11_C0DE)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn index(&mut self, len: usize) -> usize {
        (self.next() % len as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

// ---------------------------------------------------------------------------------------
// The ground truth: a project

#[derive(Clone)]
struct Vsv {
    name: String,
    cts: Vec<usize>,
    /// Organisation names per care type.
    orgs: [Vec<String>; 3],
    /// Whether the care type has clients without an organisation.
    unassigned: [bool; 3],
}

impl Vsv {
    /// Where a client of a care type can be: an organisation, or none.
    fn slots(&self, ct: usize) -> Vec<Option<usize>> {
        let mut out: Vec<Option<usize>> = (0..self.orgs[ct].len()).map(Some).collect();
        if self.unassigned[ct] {
            out.push(None);
        }
        out
    }
}

#[derive(Clone)]
struct Client {
    id: String,
    vsv: usize,
    quarter: usize,
    date: String,
    first: bool,
    age: u64,
    rows: Vec<CtRow>,
}

/// One row of the long export: a client's answers for one care type.
#[derive(Clone)]
struct CtRow {
    ct: usize,
    org: Option<usize>,
    answers: Vec<String>,
}

/// (quarter, VSV, care type, organisation).
type Group = (usize, usize, usize, Option<usize>);

#[derive(Clone)]
struct Project {
    quarters: usize,
    vsvs: Vec<Vsv>,
    clients: Vec<Client>,
    next_id: u64,
}

/// Answers of one row with item non-response: random blanks and `n.v.t.`, one item of a
/// theme only, a whole theme skipped, conditional items.
fn answers(rng: &mut Rng, ct: usize) -> Vec<String> {
    let base = rng.range(3, 10) as i64;
    let near = |rng: &mut Rng, lo: i64| (base + rng.range(0, 4) as i64 - 2).clamp(lo, 10);
    let mut out = vec![String::new(); ITEMS.len()];
    for (_, items) in THEMES {
        if items.len() == 1 {
            continue;
        }
        if rng.chance(0.08) {
            continue; // the whole theme skipped
        }
        if rng.chance(0.12) {
            let only = items[rng.index(items.len())];
            out[only] = near(rng, 1).to_string();
            continue;
        }
        for &i in items {
            out[i] = if rng.chance(0.06) {
                String::new()
            } else if rng.chance(0.03) {
                "n.v.t.".to_string()
            } else {
                near(rng, 1).to_string()
            };
        }
    }
    // Conditional items: no partner for some clients; pain relief only in the hospital.
    if !out[PARTNER].is_empty() && rng.chance(0.25) {
        out[PARTNER] = "n.v.t.".to_string();
    }
    out[PAIN] = if ct == HOSPITAL && rng.chance(0.85) {
        near(rng, 1).to_string()
    } else if rng.chance(0.5) {
        "n.v.t.".to_string()
    } else {
        String::new()
    };
    if !rng.chance(0.05) {
        out[GRADE] = near(rng, 1).to_string();
    }
    if !rng.chance(0.1) {
        out[RECOMMEND] = near(rng, 0).to_string();
    }
    if rng.chance(0.02) {
        out.iter_mut().for_each(String::clear); // an empty questionnaire
    }
    out
}

impl Project {
    fn generate(seed: u64) -> Project {
        let mut rng = Rng::new(seed);
        let quarters = rng.range(2, 3) as usize;
        let n_vsvs = rng.range(2, 4) as usize;
        let mut vsvs = Vec::new();
        for (v, name) in VSVS.iter().take(n_vsvs).enumerate() {
            let mut cts: Vec<usize> = (0..3).filter(|_| rng.chance(0.75)).collect();
            if cts.is_empty() {
                cts.push(v % 3);
            }
            let mut orgs: [Vec<String>; 3] = Default::default();
            let mut unassigned = [false; 3];
            for &ct in &cts {
                let k = rng.range(0, 3) as usize;
                let short = &name[4..];
                orgs[ct] = (0..k)
                    .map(|o| format!("{} {short}", ORG_NAMES[ct][o]))
                    .collect();
                unassigned[ct] = k == 0 || rng.chance(0.5);
            }
            vsvs.push(Vsv {
                name: name.to_string(),
                cts,
                orgs,
                unassigned,
            });
        }
        let mut p = Project {
            quarters,
            vsvs,
            clients: Vec::new(),
            next_id: 1,
        };
        for q in 0..quarters {
            for v in 0..p.vsvs.len() {
                for ct in p.vsvs[v].cts.clone() {
                    for slot in p.vsvs[v].slots(ct) {
                        let size = match rng.range(0, 9) {
                            0..=3 => rng.range(1, 9),
                            4..=7 => rng.range(10, 25),
                            _ => rng.range(26, 60),
                        };
                        for _ in 0..size {
                            p.add_client(&mut rng, (q, v, ct, slot));
                        }
                    }
                }
            }
        }
        p
    }

    /// A new client (new respondent number) in `group`; some answer for a second care type.
    fn add_client(&mut self, rng: &mut Rng, (q, v, ct, org): Group) {
        let id = format!("R2026{:06}", self.next_id);
        self.next_id += 1;
        let month = 3 * q as u64 + rng.range(1, 3);
        let date = format!("{:02}-{month:02}-2026", rng.range(1, 28));
        let mut rows = vec![CtRow {
            ct,
            org,
            answers: answers(rng, ct),
        }];
        let others: Vec<usize> = self.vsvs[v]
            .cts
            .iter()
            .copied()
            .filter(|&c| c != ct)
            .collect();
        if !others.is_empty() && rng.chance(0.35) {
            let other = others[rng.index(others.len())];
            let slots = self.vsvs[v].slots(other);
            rows.push(CtRow {
                ct: other,
                org: slots[rng.index(slots.len())],
                answers: answers(rng, other),
            });
            rows.sort_by_key(|r| r.ct);
        }
        self.clients.push(Client {
            id,
            vsv: v,
            quarter: q,
            date,
            first: rng.chance(0.45),
            age: rng.range(19, 43),
            rows,
        });
    }

    /// Clients per group (by the row of that care type).
    fn group_sizes(&self) -> BTreeMap<Group, u64> {
        let mut out = BTreeMap::new();
        for c in &self.clients {
            for r in &c.rows {
                *out.entry((c.quarter, c.vsv, r.ct, r.org)).or_default() += 1;
            }
        }
        out
    }

    fn group_name(&self, (q, v, ct, org): Group) -> String {
        let org = org.map_or("(geen organisatie)".to_string(), |o| {
            self.vsvs[v].orgs[ct][o].clone()
        });
        format!(
            "2026-Q{} {} {} {org}",
            q + 1,
            self.vsvs[v].name,
            CARE_TYPES[ct]
        )
    }

    /// Writes prem.toml, the codebook and one export per quarter into `dir`.
    fn write(&self, dir: &Path) {
        std::fs::create_dir_all(dir.join("exports")).unwrap();
        std::fs::write(dir.join("prem.toml"), PREM_TOML).unwrap();
        std::fs::write(dir.join("prem-eigenschap.toml"), codebook()).unwrap();
        for q in 0..self.quarters {
            let mut s: String = LEAD_COLUMNS
                .iter()
                .copied()
                .chain(ITEMS.iter().map(|i| i.0))
                .chain(OPEN_COLUMNS)
                .collect::<Vec<_>>()
                .join(";");
            s += "\r\n";
            for c in self.clients.iter().filter(|c| c.quarter == q) {
                let v = &self.vsvs[c.vsv];
                for r in &c.rows {
                    let org = r.org.map_or("", |o| v.orgs[r.ct][o].as_str());
                    let place = if r.ct == HOSPITAL {
                        "ziekenhuis (klinisch)"
                    } else {
                        "thuis"
                    };
                    let education = ["laag", "midden", "hoog"][(c.age % 3) as usize];
                    s += &format!(
                        "{};{};{org};{};{};{};{};{education};{place};{};;\r\n",
                        c.id,
                        v.name,
                        CARE_TYPES[r.ct],
                        c.date,
                        if c.first { "Ja" } else { "Nee" },
                        c.age,
                        r.answers.join(";")
                    );
                }
            }
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&s);
            assert!(!unmappable);
            std::fs::write(dir.join(format!("exports/prem-2026-K{}.csv", q + 1)), bytes).unwrap();
        }
    }

    fn last_period(&self) -> String {
        format!("2026-Q{}", self.quarters)
    }

    /// Late responses: 1 to `min_n − 1` new clients in one group of an already reported
    /// quarter (most often one large enough to be shown).
    fn late_clients(&mut self, rng: &mut Rng) -> String {
        let sizes = self.group_sizes();
        let shown: Vec<Group> = sizes
            .iter()
            .filter(|(_, &n)| n >= MIN_N)
            .map(|(g, _)| *g)
            .collect();
        let all: Vec<Group> = sizes.keys().copied().collect();
        let group = if !shown.is_empty() && rng.chance(0.8) {
            shown[rng.index(shown.len())]
        } else {
            all[rng.index(all.len())]
        };
        let k = rng.range(1, MIN_N - 1);
        for _ in 0..k {
            self.add_client(rng, group);
        }
        format!(
            "{k} late client(s) in {} (had {})",
            self.group_name(group),
            sizes[&group]
        )
    }

    /// One client's rows removed from the export.
    fn remove_client(&mut self, rng: &mut Rng) -> String {
        let i = rng.index(self.clients.len());
        let c = self.clients.remove(i);
        format!(
            "client {} removed ({} row(s), first {})",
            c.id,
            c.rows.len(),
            self.group_name((c.quarter, c.vsv, c.rows[0].ct, c.rows[0].org))
        )
    }

    /// One client's row moved to another organisation of her VSV and care type.
    fn move_client(&mut self, rng: &mut Rng) -> Option<String> {
        let movable: Vec<(usize, usize)> = self
            .clients
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                c.rows
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| self.vsvs[c.vsv].slots(r.ct).len() >= 2)
                    .map(move |(j, _)| (i, j))
            })
            .collect();
        if movable.is_empty() {
            return None;
        }
        let (i, j) = movable[rng.index(movable.len())];
        let c = &self.clients[i];
        let from = (c.quarter, c.vsv, c.rows[j].ct, c.rows[j].org);
        let slots: Vec<Option<usize>> = self.vsvs[c.vsv]
            .slots(from.2)
            .into_iter()
            .filter(|s| *s != from.3)
            .collect();
        let to = slots[rng.index(slots.len())];
        let id = c.id.clone();
        self.clients[i].rows[j].org = to;
        Some(format!(
            "client {id} moved from {} to {}",
            self.group_name(from),
            self.group_name((from.0, from.1, from.2, to))
        ))
    }

    /// One client's answers corrected under the same respondent number (in a shown group).
    fn correct_client(&mut self, rng: &mut Rng) -> String {
        let sizes = self.group_sizes();
        let candidates: Vec<usize> = (0..self.clients.len())
            .filter(|&i| {
                let c = &self.clients[i];
                let r = &c.rows[0];
                sizes[&(c.quarter, c.vsv, r.ct, r.org)] >= 2 * MIN_N
                    && r.answers[..GRADE]
                        .iter()
                        .filter(|a| a.parse::<u32>().is_ok())
                        .count()
                        >= 8
            })
            .collect();
        let i = candidates[rng.index(candidates.len())];
        let c = &mut self.clients[i];
        for a in &mut c.rows[0].answers {
            if let Ok(v) = a.parse::<u32>() {
                *a = if v >= 6 { v - 4 } else { v + 4 }.to_string();
            }
        }
        format!(
            "client {} corrected her answers (same respondent number)",
            c.id
        )
    }
}

// ---------------------------------------------------------------------------------------
// Running prem

fn prem() -> Command {
    Command::cargo_bin("prem").expect("binary built")
}

/// `prem report --quiet` with `args`; panics with stderr on failure, returns stderr.
fn report(dir: &Path, args: &[&str], seed: u64) -> String {
    let out = prem()
        .arg("report")
        .arg(dir.join("prem.toml"))
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "seed {seed}: prem report {args:?} failed:\n{err}"
    );
    err
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

/// `prem audit` on `dirs`: exit code and stdout.
fn audit(dirs: &[PathBuf]) -> (i32, String) {
    let out = prem()
        .arg("audit")
        .args(dirs)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Rerun {
    /// Into the same output folder: the ledger is used.
    Ledger,
    /// Into a fresh output folder: no ledger known.
    Fresh,
    /// Same folder; one client's answers corrected under her id (no late clients).
    Correction,
}

/// The releases of one seed and what was changed between them.
struct Scenario {
    tmp: tempfile::TempDir,
    /// The project as each release saw it (the ground truth that judges (c)).
    truths: Vec<Project>,
    releases: Vec<PathBuf>,
    log: Vec<String>,
}

fn scenario(seed: u64, rerun: Rerun) -> Scenario {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    if std::env::var_os("PREM_PROPERTY_KEEP").is_some() {
        eprintln!("seed {seed}: {}", dir.display());
    }
    let mut rng = Rng::new(seed ^ 0x00C0_FFEE);
    let mut project = Project::generate(seed);
    let period = project.last_period();
    let mut log = vec![format!(
        "{} VSVs, {} quarters, {} clients; report {period}",
        project.vsvs.len(),
        project.quarters,
        project.clients.len()
    )];
    project.write(&dir);
    report(&dir, &[], seed);
    let first = dir.join("release-1");
    copy_dir(&dir.join("reports").join(&period), &first);
    let mut releases = vec![first];
    let mut truths = vec![project.clone()];

    if rerun == Rerun::Correction {
        log.push(project.correct_client(&mut rng));
    } else {
        log.push(project.late_clients(&mut rng));
        match rng.range(0, 3) {
            0 => log.push(project.remove_client(&mut rng)),
            1 => log.extend(project.move_client(&mut rng)),
            _ => {}
        }
    }
    project.write(&dir);
    if rerun == Rerun::Fresh {
        let fresh = dir.join("fresh");
        report(&dir, &["--out", fresh.to_str().unwrap()], seed);
        releases.push(fresh.join(&period));
        truths.push(project.clone());
        return Scenario {
            tmp,
            truths,
            releases,
            log,
        };
    }
    let err = report(&dir, &["--force"], seed);
    log.extend(
        err.lines()
            .filter(|l| l.contains("verborgen"))
            .map(String::from),
    );
    let second = dir.join("release-2");
    copy_dir(&dir.join("reports").join(&period), &second);
    releases.push(second);

    if rerun == Rerun::Ledger && seed % 2 == 1 {
        log.push(project.late_clients(&mut rng));
        project.write(&dir);
        let err = report(&dir, &["--force"], seed);
        log.extend(
            err.lines()
                .filter(|l| l.contains("verborgen"))
                .map(String::from),
        );
        let third = dir.join("release-3");
        copy_dir(&dir.join("reports").join(&period), &third);
        releases.push(third);
        truths.push(project.clone());
    }
    Scenario {
        tmp,
        truths,
        releases,
        log,
    }
}

/// The seeds to run: `range`, or `PREM_PROPERTY_SEEDS` when it is set (`7` or `0..40`).
fn seeds(range: std::ops::Range<u64>) -> Vec<u64> {
    let Ok(s) = std::env::var("PREM_PROPERTY_SEEDS") else {
        return range.collect();
    };
    let num = |t: &str| {
        t.trim()
            .parse::<u64>()
            .expect("PREM_PROPERTY_SEEDS: 7 or 0..40")
    };
    match s.split_once("..") {
        Some((a, b)) => (num(a)..num(b)).collect(),
        None => vec![num(&s)],
    }
}

/// With `PREM_PROPERTY_KEEP` set, the scenario's folder stays for a look.
fn keep(s: Scenario) {
    if std::env::var_os("PREM_PROPERTY_KEEP").is_some() {
        let _ = s.tmp.keep();
    }
}

// ---------------------------------------------------------------------------------------
// The published table

/// (period, vsv, organisation, care type, theme, item).
type Key = (String, String, String, String, String, String);

#[derive(Debug, Clone)]
struct Cell {
    n: Option<u64>,
    mean: Option<f64>,
    covers: String,
}

fn read_scores(dir: &Path) -> BTreeMap<Key, Cell> {
    let path = dir.join("tables/scores.csv");
    let mut r = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
        "covers",
    ]
    .map(col);
    let mut out = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let text = |i: usize| rec.get(c[i]).unwrap_or("").to_string();
        let num = |i: usize| {
            let t = rec.get(c[i]).unwrap_or("");
            (!t.is_empty()).then(|| t.parse::<f64>().unwrap())
        };
        let key = (text(0), text(1), text(2), text(3), text(4), text(5));
        let cell = Cell {
            n: num(6).map(|x| x as u64),
            mean: num(7),
            covers: text(8),
        };
        assert!(out.insert(key.clone(), cell).is_none(), "{key:?} twice");
    }
    out
}

fn show(k: &Key) -> String {
    let (period, vsv, org, ct, theme, item) = k;
    let vsv = if vsv.is_empty() { "regio" } else { vsv };
    let mut place = vec![vsv.to_string()];
    place.extend([ct, org].into_iter().filter(|s| !s.is_empty()).cloned());
    let measure = if item.is_empty() {
        theme.clone()
    } else {
        format!("{theme}/{item}")
    };
    format!("{period} {} {measure}", place.join(" × "))
}

fn small(d: u64) -> bool {
    (1..MIN_N).contains(&d)
}

// ---------------------------------------------------------------------------------------
// The attacks

/// A finding: the size of the group it isolates (0 = an unknown number of at least two
/// changed clients) and what it is.
type Finding = (u64, String);

/// (a) A cell shown in two releases: the same n (and then the same mean) or n's that
/// differ by at least `min_n`.
fn across(releases: &[(String, BTreeMap<Key, Cell>)]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, (name_a, a)) in releases.iter().enumerate() {
        for (name_b, b) in &releases[i + 1..] {
            for (key, ca) in a {
                let Some(cb) = b.get(key) else { continue };
                let (Some(na), Some(nb)) = (ca.n, cb.n) else {
                    continue;
                };
                let d = na.abs_diff(nb);
                if small(d) {
                    out.push((
                        d,
                        format!(
                            "[a] {}: n {na} in {name_a}, {nb} in {name_b}: the difference isolates {d} client(s) (mean {:?} → {:?})",
                            show(key),
                            ca.mean,
                            cb.mean
                        ),
                    ));
                } else if d == 0 && ca.covers == cb.covers && !ca.covers.contains(" + ") {
                    // (A score over several care types is the average of their means, each
                    // published in its own row: its mean can move with the same n when a
                    // care-type row it averages changes, and that row is checked itself.)
                    if let (Some(ma), Some(mb)) = (ca.mean, cb.mean) {
                        if (ma - mb).abs() > 1e-9 {
                            out.push((
                                0,
                                format!(
                                    "[a] {}: n {na} in both {name_a} and {name_b}, mean {ma} → {mb}: the changed clients' sum difference {:.4} is exposed",
                                    show(key),
                                    na as f64 * (mb - ma)
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

/// (b) A shown parent minus its shown children leaves 0 or at least `min_n`: region ⊃
/// VSVs (per care type or over care types), VSV × care type ⊃ organisations.
fn hierarchy(name: &str, cells: &BTreeMap<Key, Cell>) -> Vec<Finding> {
    let mut children: BTreeMap<Key, (u64, Vec<String>)> = BTreeMap::new();
    for (k, c) in cells {
        let Some(n) = c.n else { continue };
        let (period, vsv, org, ct, theme, item) = k.clone();
        let parent = if vsv.is_empty() {
            continue;
        } else if org.is_empty() {
            (period, String::new(), org, ct, theme, item)
        } else if !ct.is_empty() {
            (period, vsv, String::new(), ct, theme, item)
        } else {
            continue;
        };
        let e = children.entry(parent).or_default();
        e.0 += n;
        e.1.push(format!("{} n {n}", show(k)));
    }
    let mut out = Vec::new();
    for (parent, (sum, shown)) in children {
        let Some(n) = cells.get(&parent).and_then(|c| c.n) else {
            continue;
        };
        let rest = n as i64 - sum as i64;
        if rest < 0 || small(rest as u64) {
            out.push((
                rest.unsigned_abs(),
                format!(
                    "[b] {name}: {} n {n} minus its shown parts ({}) leaves {rest}",
                    show(&parent),
                    shown.join(", ")
                ),
            ));
        }
    }
    out
}

/// Whether a region row is exactly the sum of the shown VSV rows under it (rule R).
fn sum_of_vsvs(cells: &BTreeMap<Key, Cell>, key: &Key) -> bool {
    let (period, _, _, ct, theme, item) = key;
    let parts: u64 = cells
        .iter()
        .filter(|(k, _)| {
            !k.1.is_empty()
                && k.2.is_empty()
                && (&k.0, &k.3, &k.4, &k.5) == (period, ct, theme, item)
        })
        .filter_map(|(_, c)| c.n)
        .sum();
    cells.get(key).and_then(|c| c.n) == Some(parts)
}

/// The clients a unit's theme cell and item cell count, from the ground truth: (theme,
/// item). A client counts for the theme when she answered at least half of its items.
fn truth_sets(p: &Project, key: &Key, covers: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (period, vsv, org, ct, theme, item) = key;
    let cts: Vec<&str> = if ct.is_empty() {
        covers.split(" + ").collect()
    } else {
        vec![ct.as_str()]
    };
    let members = THEMES.iter().find(|(t, _)| t == theme).unwrap().1;
    let col = ITEMS.iter().position(|i| i.1 == item).unwrap();
    let answered = |a: &str| !a.is_empty() && a != "n.v.t.";
    let (mut t, mut i) = (BTreeSet::new(), BTreeSet::new());
    for c in &p.clients {
        let v = &p.vsvs[c.vsv];
        if format!("2026-Q{}", c.quarter + 1) != *period || v.name != *vsv {
            continue;
        }
        for r in &c.rows {
            let org_name = r.org.map_or("", |o| v.orgs[r.ct][o].as_str());
            if !cts.contains(&CARE_TYPES[r.ct]) || (!org.is_empty() && org_name != org) {
                continue;
            }
            let k = members.iter().filter(|&&m| answered(&r.answers[m])).count();
            if 2 * k >= members.len() {
                t.insert(c.id.clone());
            }
            if answered(&r.answers[col]) {
                i.insert(c.id.clone());
            }
        }
    }
    (t, i)
}

/// (c) At every unit a theme's n and each of its items' n are equal or differ by at least
/// `min_n`. Returns the findings and, apart, the explained ones:
/// - on a VSV's row over care types where the theme and the item average different care
///   types (`covers`): there the difference is not who skipped the item but who answered
///   for one care type and not another (an overlap count, docs/privacy.md "Not covered
///   yet");
/// - where the ground truth shows that the difference of the n's is a net of two groups,
///   the theme's clients without the item and the item's clients without the theme, each
///   empty or of at least `min_n` (a client who answered the item but too few of the
///   theme's items counts for the item only): the n's differ by less than `min_n`, yet no
///   group below `min_n` is behind the difference.
///
/// A region row that is exactly the sum of its shown VSV rows (rule R; (b) checks the
/// rest) adds no equation the VSV rows do not give, and its theme-minus-item difference is
/// a net of the VSVs' differences, not a group: it is not attacked apart.
fn items(name: &str, cells: &BTreeMap<Key, Cell>, truth: &Project) -> (Vec<Finding>, Vec<Finding>) {
    let (mut out, mut explained) = (Vec::new(), Vec::new());
    for (k, c) in cells {
        let (period, vsv, org, ct, theme, item) = k;
        let Some(&(_, members)) = THEMES.iter().find(|(t, _)| t == theme) else {
            continue;
        };
        let Some(n) = c.n.filter(|_| item.is_empty()) else {
            continue;
        };
        for &i in members {
            let key: Key = (
                period.clone(),
                vsv.clone(),
                org.clone(),
                ct.clone(),
                theme.clone(),
                ITEMS[i].1.to_string(),
            );
            let Some(item_cell) = cells.get(&key) else {
                continue;
            };
            let Some(ni) = item_cell.n else { continue };
            let d = n.abs_diff(ni);
            if !small(d) || (vsv.is_empty() && sum_of_vsvs(cells, k) && sum_of_vsvs(cells, &key)) {
                continue;
            }
            let text = format!(
                "[c] {name}: {} n {n} (covers {:?}) against its item {} n {ni} (covers {:?})",
                show(k),
                c.covers,
                ITEMS[i].1,
                item_cell.covers
            );
            if ct.is_empty() && c.covers != item_cell.covers {
                explained.push((d, format!("{text}: an overlap count")));
                continue;
            }
            if !vsv.is_empty() {
                let (t, it) = truth_sets(truth, &key, &c.covers);
                let (only_t, only_i) = (t.difference(&it).count(), it.difference(&t).count());
                let text = format!(
                    "{text}; truth: {only_t} client(s) in the theme without the item, {only_i} with the item without the theme"
                );
                if !small(only_t as u64) && !small(only_i as u64) {
                    explained.push((d, format!("{text}: a net of two groups")));
                    continue;
                }
                out.push((d, text));
                continue;
            }
            out.push((d, text));
        }
    }
    (out, explained)
}

/// Every shown n is at least `min_n`.
fn contract(name: &str, cells: &BTreeMap<Key, Cell>) -> Vec<Finding> {
    cells
        .iter()
        .filter_map(|(k, c)| c.n.filter(|&n| n < MIN_N).map(|n| (n, k)))
        .map(|(n, k)| (n, format!("[n] {name}: {} shows n {n}", show(k))))
        .collect()
}

fn load(releases: &[PathBuf]) -> Vec<(String, BTreeMap<Key, Cell>)> {
    releases
        .iter()
        .enumerate()
        .map(|(i, d)| (format!("release {}", i + 1), read_scores(d)))
        .collect()
}

/// Every attack on all releases together: the findings, and apart the overlap findings of
/// (c) (see [`items`]).
fn attack(releases: &[PathBuf], truths: &[Project]) -> (Vec<Finding>, Vec<Finding>) {
    let tables = load(releases);
    let mut out = across(&tables);
    let mut overlap = Vec::new();
    for ((name, cells), truth) in tables.iter().zip(truths) {
        out.extend(contract(name, cells));
        out.extend(hierarchy(name, cells));
        let (found, over) = items(name, cells, truth);
        out.extend(found);
        overlap.extend(over);
    }
    (out, overlap)
}

/// The findings in `prem audit`'s account that are not one of `overlap` (the attacker's
/// own overlap findings of (c)). A finding is a line `N. [class] …` followed by lines
/// `total: FILE · period · VSV · measure · n = …` and `minus: …`.
fn unexplained(account: &str, releases: &[PathBuf], overlap: &[Finding]) -> Vec<String> {
    let release_of = |file: &str| {
        releases
            .iter()
            .position(|r| Path::new(file).starts_with(r))
            .map(|i| format!("release {}", i + 1))
    };
    // (release, period, VSV, measure, n) of a row `FILE · period · VSV · … · measure · n = N · …`.
    let row = |line: &str| -> Option<(String, String, String, String, String)> {
        let f: Vec<&str> = line.split(" · ").map(str::trim).collect();
        if f.len() < 6 {
            return None;
        }
        let n = f[f.len() - 2].strip_prefix("n = ")?;
        Some((
            release_of(f[0])?,
            f[1].to_string(),
            f[2].to_string(),
            f[f.len() - 3].to_string(),
            n.to_string(),
        ))
    };
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in account.lines() {
        let t = line.trim_start();
        let numbered = t
            .split_once(". [")
            .is_some_and(|(k, _)| k.parse::<u32>().is_ok());
        if numbered {
            blocks.push(vec![t]);
        } else if let Some(b) = blocks.last_mut() {
            if t.starts_with("total:") || t.starts_with("minus:") {
                b.push(t);
            }
        }
    }
    let explained = |b: &[&str]| -> Option<()> {
        if !b[0].contains("[theme-items]") || b.len() != 3 {
            return None;
        }
        let (release, period, vsv, theme, n) = row(b[1].strip_prefix("total:")?)?;
        let (_, _, _, measure, ni) = row(b[2].strip_prefix("minus:")?)?;
        let item = measure.split_once('/')?.1;
        let head = format!("[c] {release}: {period} {vsv}");
        let theme_part = format!(" {theme} n {n} (covers");
        let item_part = format!("against its item {item} n {ni} (covers");
        overlap
            .iter()
            .any(|(_, t)| t.starts_with(&head) && t.contains(&theme_part) && t.contains(&item_part))
            .then_some(())
    };
    blocks
        .iter()
        .filter(|b| explained(b).is_none())
        .map(|b| b.join("\n"))
        .collect()
}

/// Up to 25 findings, one a line.
fn listing(findings: &[Finding]) -> String {
    let mut s: Vec<String> = findings
        .iter()
        .take(25)
        .map(|f| format!("  {}", f.1))
        .collect();
    if findings.len() > 25 {
        s.push(format!("  … and {} more", findings.len() - 25));
    }
    s.join("\n")
}

// ---------------------------------------------------------------------------------------
// The tests

/// Issue 24, "Done when": random hierarchies with item non-response, conditional items,
/// organisations, care types, several periods and reruns with late responses; nothing any
/// release publishes, alone or against another release, lets a group of 1 to `min_n − 1`
/// clients be recovered, and `prem audit` on all releases together finds nothing.
#[test]
fn random_projects_rerun_with_late_responses_leak_nothing() {
    let mut failures = Vec::new();
    for seed in seeds(SEEDS) {
        let s = scenario(seed, Rerun::Ledger);
        let (findings, overlap) = attack(&s.releases, &s.truths);
        if !findings.is_empty() {
            failures.push(format!(
                "seed {seed} ({}): {} finding(s)\n{}",
                s.log.join("; "),
                findings.len(),
                listing(&findings)
            ));
        }
        // prem audit on every release together: nothing, or only what the attacker counts
        // as the known overlap class (see `overlap_counts_…` below).
        let (code, out) = audit(&s.releases);
        let rest = unexplained(&out, &s.releases, &overlap);
        if !(code == 0 || code == 1 && !overlap.is_empty() && rest.is_empty()) {
            failures.push(format!(
                "seed {seed} ({}): prem audit of {} releases exited {code}; findings not of the known overlap class:\n{}\n\n{out}",
                s.log.join("; "),
                s.releases.len(),
                rest.join("\n")
            ));
        }
        keep(s);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The attacker is not blind: without the ledger (the second release into a fresh output
/// folder, as before issue 24) the late clients show as a difference of 1 to `min_n − 1`
/// in a cell of the two releases.
#[test]
fn without_the_ledger_the_attacker_finds_the_late_clients() {
    let mut tried = Vec::new();
    for seed in SELF_TEST_SEEDS {
        let s = scenario(seed, Rerun::Fresh);
        let tables = load(&s.releases);
        let found: Vec<Finding> = across(&tables)
            .into_iter()
            .filter(|(d, _)| small(*d))
            .collect();
        if !found.is_empty() {
            eprintln!(
                "self-test, seed {seed} ({}): {} cell(s) give the late clients away, e.g.\n{}",
                s.log.join("; "),
                found.len(),
                listing(&found[..found.len().min(3)])
            );
            return;
        }
        tried.push(format!("seed {seed}: {}", s.log.join("; ")));
    }
    panic!(
        "the attacker found no difference of 1..{} clients without the ledger:\n{}",
        MIN_N - 1,
        tried.join("\n")
    );
}

/// One client's answers corrected under the same respondent number: the cells she is in
/// keep their n and change their mean, so the difference of the two releases is her change
/// of answers (sum difference = n × Δmean). Found by this test on the first ledger (its
/// digest was of who, not of what); the digest now folds in each client's score.
#[test]
fn a_corrected_client_is_not_given_away_by_the_next_report() {
    let seed = 1;
    let s = scenario(seed, Rerun::Correction);
    let (findings, _) = attack(&s.releases, &s.truths);
    assert!(
        findings.is_empty(),
        "seed {seed} ({}): {} finding(s)\n{}",
        s.log.join("; "),
        findings.len(),
        listing(&findings)
    );
}

/// The generator is deterministic and makes what the property needs.
#[test]
fn the_generator_makes_what_the_issue_asks_for() {
    let (mut without_org, mut care_types, mut small_groups) = (0, BTreeSet::new(), 0);
    for seed in SEEDS {
        let a = Project::generate(seed);
        let b = Project::generate(seed);
        assert_eq!(a.clients.len(), b.clients.len(), "seed {seed}");
        assert!((2..=4).contains(&a.vsvs.len()) && (2..=3).contains(&a.quarters));
        small_groups += a.group_sizes().values().filter(|&&n| small(n)).count();
        let rows: Vec<&CtRow> = a.clients.iter().flat_map(|c| &c.rows).collect();
        assert!(
            rows.iter().any(|r| r.answers.iter().any(String::is_empty)),
            "seed {seed}: no item non-response"
        );
        without_org += rows.iter().filter(|r| r.org.is_none()).count();
        care_types.extend(rows.iter().map(|r| r.ct));
    }
    assert!(without_org > 0 && small_groups > 0 && care_types.len() == 3);
}

/// A VSV's theme over care types next to an item over fewer care types (an item hidden for
/// one care type): the two n's differ by the clients who answered for the hidden care type
/// only, a count below `min_n` in one release, without any rerun. `prem audit` reports the
/// same cells (`[theme-items]`). Seed 0, release 1: VSV Haarlem, 2026-Q1, `organisatie`
/// over Verloskundigenpraktijk + Kraamzorg n 14 against `bereikbaar` over Kraamzorg n 10
/// (and `samenwerking`, `continuiteit` over Verloskundigenpraktijk n 10; `vertrouwen` n 18
/// against its item `vertrouwen` over Verloskundigenpraktijk n 12). Found by this test;
/// the item rule now holds over care types too.
#[test]
fn overlap_counts_between_a_theme_and_an_item_over_other_care_types() {
    let seed = 0;
    let s = scenario(seed, Rerun::Ledger);
    let (_, explained) = attack(&s.releases[..1], &s.truths[..1]);
    let overlap: Vec<Finding> = explained
        .into_iter()
        .filter(|(_, t)| t.ends_with("an overlap count"))
        .collect();
    let (code, out) = audit(&s.releases[..1]);
    assert!(
        overlap.is_empty() && code == 0,
        "seed {seed}, release 1 alone: {} finding(s)\n{}\nprem audit exit {code}:\n{out}",
        overlap.len(),
        listing(&overlap)
    );
}
