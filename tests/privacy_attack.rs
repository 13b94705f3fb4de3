//! An attacker on the published scores table (spec §5, privacy guarantee).
//!
//! Written from the published contract of `tables/scores.csv` only, not from the code that
//! does disclosure control, so that it checks that code instead of repeating it. It runs the
//! real pipeline (`analyse` → `score_rows` → `scores_csv`) on exports it generates, parses
//! the CSV and attacks it; the ground truth it generated judges the result.
//!
//! **What the attacker knows.** Everything in `scores.csv`; the structure of the region:
//! which atoms exist — an atom is one VSV × care type × organisation, or the respondents of
//! a VSV × care type without an organisation — so every atom holds at least one respondent;
//! and that an answer is a whole number 1–10. It does not know who answered for several
//! care types: per VSV and set of care types, how many respondents a distinct count counts
//! once less than the care-type counts do (the "overlap") is an unknown of its own.
//!
//! **The region.** Under rule R (spec §10) a region row is the sum of the published VSV
//! rows under it, and a hidden VSV × care type counts in no region row. The attacker reads
//! from the table which applies (every published region × care type n equals the sum of
//! the published VSV × care type n's under it) and writes the region's equations and the
//! contract accordingly; a table that pools every respondent into the region is attacked
//! as such (the self-tests below publish those). A VSV's shared file (`prem share`) holds
//! the same rows as its own `scores.csv`, at full precision, so this attack covers it too.
//!
//! **What it tries**, per period × theme (and item):
//! - Linear equations of the published rows. Pooled rows (care type set): sum of atom
//!   counts = n, sum of atom sums = n × mean. Combined rows (VSV or region, no care type):
//!   care-type counts less overlap = n, sum of the care-type means = k × mean, over the care
//!   types in `covers` (without that column: every care type the unit has). A care-type
//!   mean is tied to its atom sums (sum = N × mean) wherever its N follows from the counts,
//!   and an N follows where its sum and its mean do (a fixpoint).
//! - Candidate groups of fewer than `min_n` respondents: every atom, every union of siblings
//!   under one parent (organisations and those without one in a VSV × care type, VSVs in a
//!   region × care type, care types in a VSV or in the region — so every hidden row or
//!   column union and every hidden published-level cell), every union of two or three small
//!   atoms. A group leaks when its n, or its mean (for whole units), lies in the row space
//!   of the equations: exact rank test by elimination, value reported.
//! - Whole numbers: where the counts leave at most a few atom counts free, every whole
//!   value they can take (each ≥ 1, each overlap between 0 and Σ N − max N) is tried, and
//!   kept if the sums then fit whole numbers within 1–10 per answer. What is the same under
//!   every kept vector is pinned down too (e.g. two hidden siblings with n = 2 together, or a
//!   2 × 2 block of hidden cells under VSV rows and region care-type columns).
//! - The weight attack: with `covers`, a combined row must be the plain average of the
//!   published care-type rows it names (mean, top-box %, problem %, Welch interval); where it
//!   is not, it carries hidden care types, and the attacker solves with all of them.
//! - `change_prev` on a row whose previous period is hidden reveals that period's mean.
//! - Contract: every published n and mean must agree with the truth (else the equations
//!   would be wrong and the attack meaningless) and no published n may be below `min_n`.
//!
//! **What it does not cover.** Feasible intervals short of a single value (a hidden n known
//! to lie in 2..=4); whole-number search where many counts are free; groups defined by
//! overlap ("answered for both the midwife and the hospital", whose n the combined rows do
//! give away); the sums of squares behind sd and intervals of pooled rows, and top-box /
//! problem counts, whose equations have the shape of the sums and are not solved apart;
//! z, std_mean, bands, p-values; exports where themes have different n (missing answers);
//! other outputs than scores.csv (agendas, charts, flags, quotes, data-quality counts,
//! `prem share`); attacks across two runs (before and after one more export); organisations
//! that serve several VSVs.

// Test code: a failing unwrap is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngAlgorithm, TestRng, TestRunner};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// The `min_n` written into every prem.toml here (the default).
const MIN_N: u64 = 10;
const CARE_TYPES: [&str; 3] = ["Verloskundigenpraktijk", "Ziekenhuis", "Kraamzorg"];
/// Organisation name prefix per care type.
const ORG_PREFIX: [&str; 3] = ["Praktijk", "Ziekenhuis", "Kraamzorg"];
/// (export column, theme id, item id) of the prem-geboortezorg items the exports hold.
const MEASURES: [(&str, &str, &str); 2] = [
    ("Persoonlijke aandacht", "persoonlijke_aandacht", "aandacht"),
    (
        "Informatievoorziening",
        "informatievoorziening",
        "informatie",
    ),
];
/// (period label, a date in it).
const PERIODS: [(&str, &str); 2] = [("2026-Q1", "2026-02-10"), ("2026-Q2", "2026-05-12")];

const PREM_TOML: &str = r#"[analysis]
name = "Aanvalsregio"

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
"#;

// ---------------------------------------------------------------------------------------
// Ground truth

/// A region as it really is: every respondent with every answer.
#[derive(Debug, Clone, Default)]
struct Region {
    vsvs: Vec<String>,
    orgs: Vec<Org>,
    respondents: Vec<Respondent>,
}

#[derive(Debug, Clone)]
struct Org {
    name: String,
    vsv: usize,
    ct: usize,
}

#[derive(Debug, Clone)]
struct Respondent {
    vsv: usize,
    period: usize,
    answers: Vec<Answer>,
}

/// One row of the long export: a respondent's answers for one care type.
#[derive(Debug, Clone)]
struct Answer {
    ct: usize,
    org: Option<usize>,
    scores: [u32; 2],
}

impl Region {
    fn vsv(&mut self, name: &str) -> usize {
        if let Some(i) = self.vsvs.iter().position(|v| v == name) {
            return i;
        }
        self.vsvs.push(name.to_string());
        self.vsvs.len() - 1
    }

    fn org(&mut self, vsv: usize, ct: usize, name: Option<&str>) -> Option<usize> {
        let name = name?;
        if let Some(i) = self
            .orgs
            .iter()
            .position(|o| o.name == name && o.vsv == vsv && o.ct == ct)
        {
            return Some(i);
        }
        self.orgs.push(Org {
            name: name.to_string(),
            vsv,
            ct,
        });
        Some(self.orgs.len() - 1)
    }

    fn new_respondent(&mut self, vsv: usize, period: usize) -> usize {
        self.respondents.push(Respondent {
            vsv,
            period,
            answers: Vec::new(),
        });
        self.respondents.len() - 1
    }

    /// Adds `n` new respondents of `vsv` answering for one care type, with varied scores.
    fn group(&mut self, period: usize, vsv: &str, ct: usize, org: Option<&str>, n: u32) {
        let v = self.vsv(vsv);
        let o = self.org(v, ct, org);
        for _ in 0..n {
            let r = self.new_respondent(v, period);
            let mut mix = Mix(((r as u64) << 2) | ct as u64);
            let scores = [1 + mix.next(10) as u32, 1 + mix.next(10) as u32];
            self.respondents[r]
                .answers
                .push(Answer { ct, org: o, scores });
        }
    }

    /// The long-layout export: one row per respondent × care type.
    fn export_csv(&self) -> String {
        let mut s = String::from("Respondentnummer,VSV,Zorgaanbieder,Zorgsoort,Datum ingevuld");
        for (column, _, _) in MEASURES {
            s += &format!(",{column}");
        }
        s += "\n";
        for (i, r) in self.respondents.iter().enumerate() {
            for a in &r.answers {
                let org = a.org.map_or("", |o| self.orgs[o].name.as_str());
                s += &format!(
                    "R{},{},{org},{},{}",
                    i + 1,
                    self.vsvs[r.vsv],
                    CARE_TYPES[a.ct],
                    PERIODS[r.period].1
                );
                for v in a.scores {
                    s += &format!(",{v}");
                }
                s += "\n";
            }
        }
        s
    }
}

// ---------------------------------------------------------------------------------------
// The published table

/// One row of scores.csv, as far as the attacker uses it.
#[derive(Debug, Clone, Default)]
struct Row {
    period: String,
    vsv: String,
    organisation: String,
    care_type: String,
    theme: String,
    item: String,
    status: String,
    n: Option<u64>,
    mean: Option<f64>,
    sd: Option<f64>,
    ci: Option<(f64, f64)>,
    top_box: Option<f64>,
    problem: Option<f64>,
    change_prev: Option<f64>,
    covers: Option<String>,
}

impl Row {
    fn published(&self) -> bool {
        self.status != "suppressed"
    }

    fn unit(&self) -> String {
        let mut parts = vec![if self.vsv.is_empty() {
            "regio".to_string()
        } else {
            self.vsv.clone()
        }];
        for p in [&self.care_type, &self.organisation] {
            if !p.is_empty() {
                parts.push(p.clone());
            }
        }
        parts.join(" × ")
    }
}

#[derive(Debug, Clone, Default)]
struct Table {
    rows: Vec<Row>,
    has_covers: bool,
}

/// Runs the real pipeline on the region's export and parses scores.csv.
fn publish(region: &Region) -> Table {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    std::fs::write(dir.join("prem.toml"), PREM_TOML).unwrap();
    std::fs::write(dir.join("exports/prem.csv"), region.export_csv()).unwrap();
    let config = prem::config::Config::load(&dir.join("prem.toml")).unwrap();
    let a = prem::analysis::analyse::analyse(config, None).unwrap();
    let rows = prem::render::tables::score_rows(&a.data, &a.scores);
    let bytes = prem::render::tables::scores_csv(&rows).unwrap();
    parse_scores(&bytes)
}

fn parse_scores(bytes: &[u8]) -> Table {
    let mut r = csv::Reader::from_reader(bytes);
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| col(name).unwrap_or_else(|| panic!("scores.csv has no {name}"));
    let (period, vsv, org, ct) = (
        need("period"),
        need("vsv"),
        need("organisation"),
        need("care_type"),
    );
    let (theme, item, status, n, mean) = (
        need("theme"),
        need("item"),
        need("status"),
        need("n"),
        need("mean"),
    );
    let (sd, lo, hi, top, problem, change) = (
        need("sd"),
        need("ci_low"),
        need("ci_high"),
        need("top_box_pct"),
        need("problem_pct"),
        need("change_prev"),
    );
    let covers = col("covers");
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let text = |i: usize| rec.get(i).unwrap_or("").to_string();
        let num = |i: usize| -> Option<f64> {
            let t = rec.get(i).unwrap_or("");
            (!t.is_empty()).then(|| t.parse().unwrap_or_else(|_| panic!("not a number: {t}")))
        };
        rows.push(Row {
            period: text(period),
            vsv: text(vsv),
            organisation: text(org),
            care_type: text(ct),
            theme: text(theme),
            item: text(item),
            status: text(status),
            n: num(n).map(|x| x as u64),
            mean: num(mean),
            sd: num(sd),
            ci: num(lo).zip(num(hi)),
            top_box: num(top),
            problem: num(problem),
            change_prev: num(change),
            covers: covers.map(text),
        });
    }
    Table {
        rows,
        has_covers: covers.is_some(),
    }
}

// ---------------------------------------------------------------------------------------
// Exact linear algebra

/// A sparse linear form: (variable, coefficient).
type Form = Vec<(usize, f64)>;

/// A linear system in reduced row echelon form: a particular solution and a basis of the
/// null space. A form is determined by the system iff it is orthogonal to the null space.
struct Solution {
    null: Vec<Vec<f64>>,
    particular: Vec<f64>,
    /// Pivot column and reduced row (coefficients, then the right-hand side) per pivot.
    pivots: Vec<(usize, Vec<f64>)>,
    /// The largest right-hand side left on a row that reduced to zero (inconsistency).
    residual: f64,
}

fn solve(vars: usize, equations: &[(Form, f64)]) -> Solution {
    let mut m: Vec<Vec<f64>> = equations
        .iter()
        .map(|(form, rhs)| {
            let mut row = vec![0.0; vars + 1];
            for &(i, c) in form {
                row[i] += c;
            }
            row[vars] = *rhs;
            let scale = row[..vars].iter().fold(0.0f64, |a, x| a.max(x.abs()));
            if scale > 0.0 {
                row.iter_mut().for_each(|x| *x /= scale);
            }
            row
        })
        .collect();
    let mut pivots = Vec::new();
    let mut r = 0;
    for c in 0..vars {
        if r == m.len() {
            break;
        }
        let best = (r..m.len())
            .max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))
            .unwrap();
        if m[best][c].abs() < 1e-9 {
            continue;
        }
        m.swap(r, best);
        let p = m[r][c];
        m[r].iter_mut().for_each(|x| *x /= p);
        let pivot_row = m[r].clone();
        for (i, row) in m.iter_mut().enumerate() {
            let f = row[c];
            if i != r && f != 0.0 {
                for (x, y) in row.iter_mut().zip(&pivot_row) {
                    *x -= f * y;
                }
                row[c] = 0.0;
            }
        }
        pivots.push(c);
        r += 1;
    }
    let mut particular = vec![0.0; vars];
    for (i, &c) in pivots.iter().enumerate() {
        particular[c] = m[i][vars];
    }
    let residual = m[r..].iter().fold(0.0f64, |a, row| a.max(row[vars].abs()));
    let is_pivot: BTreeSet<usize> = pivots.iter().copied().collect();
    let null = (0..vars)
        .filter(|f| !is_pivot.contains(f))
        .map(|f| {
            let mut v = vec![0.0; vars];
            v[f] = 1.0;
            for (i, &c) in pivots.iter().enumerate() {
                v[c] = -m[i][f];
            }
            let scale = v.iter().fold(0.0f64, |a, x| a.max(x.abs()));
            v.iter_mut().for_each(|x| *x /= scale);
            v
        })
        .collect();
    let pivots = pivots.iter().copied().zip(m).collect();
    Solution {
        null,
        particular,
        pivots,
        residual,
    }
}

impl Solution {
    /// The value of `form` if the published equations pin it down.
    fn value(&self, form: &Form) -> Option<f64> {
        let scale = form.iter().fold(0.0f64, |a, (_, c)| a.max(c.abs()));
        let free = self.null.iter().any(|v| {
            let dot: f64 = form.iter().map(|&(i, c)| c * v[i]).sum();
            dot.abs() > 1e-7 * scale
        });
        (!free).then(|| form.iter().map(|&(i, c)| c * self.particular[i]).sum())
    }
}

// ---------------------------------------------------------------------------------------
// Atoms and profiles of one period

#[derive(Debug, Clone)]
struct Atom {
    vsv: usize,
    ct: usize,
    org: Option<usize>,
    n: u64,
    sums: [f64; 2],
}

/// Respondents of one VSV who answered for exactly this set of atoms.
#[derive(Debug, Clone)]
struct Profile {
    atoms: Vec<usize>,
    n: u64,
}

struct Truth<'r> {
    region: &'r Region,
    atoms: Vec<Atom>,
    /// The truth of who answered for what (for judging only).
    profiles: Vec<Profile>,
    /// The attacker's unknowns besides the atom counts: per VSV and set of two or more of its
    /// care types, how many respondents the distinct count there counts once less than the
    /// care-type counts do. The attacker does not know who answered for several care types.
    overlaps: BTreeMap<(usize, Vec<usize>), usize>,
    /// The VSV × care type groups the region's rows are sums of: all of them (None), or,
    /// under rule R (spec §10), only those whose own rows are published.
    region_of: Option<BTreeSet<(usize, usize)>>,
}

impl<'r> Truth<'r> {
    fn new(region: &'r Region, period: usize) -> Truth<'r> {
        let mut keys = BTreeSet::new();
        for r in region.respondents.iter().filter(|r| r.period == period) {
            for a in &r.answers {
                keys.insert((r.vsv, a.ct, a.org));
            }
        }
        let index: HashMap<(usize, usize, Option<usize>), usize> =
            keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        let mut atoms: Vec<Atom> = keys
            .iter()
            .map(|&(vsv, ct, org)| Atom {
                vsv,
                ct,
                org,
                n: 0,
                sums: [0.0; 2],
            })
            .collect();
        let mut profiles: BTreeMap<Vec<usize>, u64> = BTreeMap::new();
        for r in region.respondents.iter().filter(|r| r.period == period) {
            let mut mine = Vec::new();
            for a in &r.answers {
                let i = index[&(r.vsv, a.ct, a.org)];
                atoms[i].n += 1;
                for (s, v) in atoms[i].sums.iter_mut().zip(a.scores) {
                    *s += f64::from(v);
                }
                mine.push(i);
            }
            mine.sort_unstable();
            mine.dedup();
            if !mine.is_empty() {
                *profiles.entry(mine).or_default() += 1;
            }
        }
        let profiles = profiles
            .into_iter()
            .map(|(atoms, n)| Profile { atoms, n })
            .collect();
        let mut truth = Truth {
            region,
            atoms,
            profiles,
            overlaps: BTreeMap::new(),
            region_of: None,
        };
        for v in 0..region.vsvs.len() {
            let cts = truth.cts_of(Some(v));
            for mask in 1u32..(1 << cts.len()) {
                if mask.count_ones() >= 2 {
                    let set = (0..cts.len())
                        .filter(|i| mask & (1 << i) != 0)
                        .map(|i| cts[i])
                        .collect();
                    let next = truth.overlaps.len();
                    truth.overlaps.insert((v, set), next);
                }
            }
        }
        truth
    }

    /// Reads from the published table which groups the region's rows add up (rule R, spec
    /// §10): when every published region × care type row of the period has exactly the n of
    /// the published VSV × care type rows under it, the region is their sum, and a hidden
    /// VSV × care type is in no region row. Otherwise the region holds every respondent.
    fn reading(mut self, table: &Table, period: &str) -> Self {
        let vsv_of = |name: &str| self.region.vsvs.iter().position(|v| v == name);
        let ct_of = |name: &str| CARE_TYPES.iter().position(|c| *c == name);
        let level = |r: &&Row| {
            r.period == period
                && r.published()
                && r.organisation.is_empty()
                && !r.care_type.is_empty()
        };
        let mut shown = BTreeSet::new();
        let mut under: BTreeMap<(String, String, String), u64> = BTreeMap::new();
        for r in table
            .rows
            .iter()
            .filter(level)
            .filter(|r| !r.vsv.is_empty())
        {
            if let (Some(v), Some(ct)) = (vsv_of(&r.vsv), ct_of(&r.care_type)) {
                shown.insert((v, ct));
            }
            let key = (r.theme.clone(), r.item.clone(), r.care_type.clone());
            *under.entry(key).or_default() += r.n.unwrap_or(0);
        }
        let region_rows: Vec<&Row> = table
            .rows
            .iter()
            .filter(level)
            .filter(|r| r.vsv.is_empty())
            .collect();
        let sums = !region_rows.is_empty()
            && region_rows.iter().all(|r| {
                let key = (r.theme.clone(), r.item.clone(), r.care_type.clone());
                r.n == Some(under.get(&key).copied().unwrap_or(0))
            });
        if sums {
            self.region_of = Some(shown);
        }
        self
    }

    /// Whether the region's rows count the atoms of this VSV × care type.
    fn in_region(&self, vsv: usize, ct: usize) -> bool {
        self.region_of
            .as_ref()
            .is_none_or(|s| s.contains(&(vsv, ct)))
    }

    /// Atoms of a unit: `vsv` None = the region; `org` None = every atom of the care type.
    fn atoms_in(&self, vsv: Option<usize>, ct: usize, org: Option<usize>) -> Vec<usize> {
        (0..self.atoms.len())
            .filter(|&i| {
                let a = &self.atoms[i];
                a.ct == ct
                    && vsv.map_or_else(|| self.in_region(a.vsv, ct), |v| a.vsv == v)
                    && org.is_none_or(|o| a.org == Some(o))
            })
            .collect()
    }

    /// Care types a unit has in this period.
    fn cts_of(&self, vsv: Option<usize>) -> Vec<usize> {
        let cts: BTreeSet<usize> = self
            .atoms
            .iter()
            .filter(|a| vsv.is_none_or(|v| a.vsv == v))
            .map(|a| a.ct)
            .collect();
        cts.into_iter().collect()
    }

    fn touching<'a>(&'a self, group: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
        (0..self.profiles.len()).filter(move |&p| {
            self.profiles[p]
                .atoms
                .iter()
                .any(|a| group.binary_search(a).is_ok())
        })
    }

    /// Distinct respondents in a (sorted) group of atoms.
    fn count(&self, group: &[usize]) -> u64 {
        self.touching(group).map(|p| self.profiles[p].n).sum()
    }

    /// Unknowns of the count system: overlaps first (so that elimination pivots on them
    /// where it can), then atom counts.
    fn count_vars(&self) -> usize {
        self.overlaps.len() + self.atoms.len()
    }

    fn atom_var(&self, a: usize) -> usize {
        self.overlaps.len() + a
    }

    fn atoms_form(&self, atoms: &[usize]) -> Form {
        atoms.iter().map(|&a| (self.atom_var(a), 1.0)).collect()
    }

    /// n of a VSV (or the region) over care types: their counts less those counted twice.
    fn combined_count_form(&self, vsv: Option<usize>, cts: &[usize]) -> Form {
        let vsvs: Vec<usize> = match vsv {
            Some(v) => vec![v],
            None => (0..self.region.vsvs.len()).collect(),
        };
        let mut form = Form::new();
        for v in vsvs {
            let mine: Vec<usize> = self
                .cts_of(Some(v))
                .into_iter()
                .filter(|c| cts.contains(c))
                .filter(|&c| vsv.is_some() || self.in_region(v, c))
                .collect();
            for &ct in &mine {
                form.extend(self.atoms_form(&self.atoms_in(Some(v), ct, None)));
            }
            if mine.len() >= 2 {
                form.push((self.overlaps[&(v, mine)], -1.0));
            }
        }
        form
    }

    /// The count of a group as a form, where the attacker can write one: per VSV, atoms of
    /// one care type, or whole care types.
    fn count_form(&self, group: &[usize]) -> Option<Form> {
        let vsvs: BTreeSet<usize> = group.iter().map(|&a| self.atoms[a].vsv).collect();
        let mut form = Form::new();
        for v in vsvs {
            let part: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&a| self.atoms[a].vsv == v)
                .collect();
            let cts: BTreeSet<usize> = part.iter().map(|&a| self.atoms[a].ct).collect();
            if cts.len() == 1 {
                form.extend(self.atoms_form(&part));
                continue;
            }
            let cts: Vec<usize> = cts.into_iter().collect();
            let mut whole: Vec<usize> = cts
                .iter()
                .flat_map(|&ct| self.atoms_in(Some(v), ct, None))
                .collect();
            whole.sort_unstable();
            if whole != part {
                return None;
            }
            form.extend(self.combined_count_form(Some(v), &cts));
        }
        Some(form)
    }

    fn sum(&self, group: &[usize], m: usize) -> f64 {
        group.iter().map(|&a| self.atoms[a].sums[m]).sum()
    }

    /// Average of the care-type means of a unit (the combined-row definition).
    fn combined_mean(&self, vsv: Option<usize>, cts: &[usize], m: usize) -> f64 {
        let means: Vec<f64> = cts
            .iter()
            .map(|&ct| {
                let g = self.atoms_in(vsv, ct, None);
                self.sum(&g, m) / self.count(&g) as f64
            })
            .collect();
        means.iter().sum::<f64>() / means.len() as f64
    }

    fn atom_label(&self, a: usize) -> String {
        let atom = &self.atoms[a];
        let org = atom.org.map_or("(zonder organisatie)".to_string(), |o| {
            self.region.orgs[o].name.clone()
        });
        format!(
            "{} × {} × {org}",
            self.region.vsvs[atom.vsv], CARE_TYPES[atom.ct]
        )
    }

    /// A readable name of a group: whole units where it holds them, else its atoms.
    fn label(&self, group: &[usize]) -> String {
        let mut parts = Vec::new();
        for ct in self.cts_of(None) {
            let part: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&a| self.atoms[a].ct == ct)
                .collect();
            if part.is_empty() {
                continue;
            }
            if part == self.atoms_in(None, ct, None) {
                parts.push(format!("regio × {}", CARE_TYPES[ct]));
                continue;
            }
            let vsvs: BTreeSet<usize> = part.iter().map(|&a| self.atoms[a].vsv).collect();
            for v in vsvs {
                let whole = self.atoms_in(Some(v), ct, None);
                if whole.iter().all(|a| part.contains(a)) {
                    parts.push(format!("{} × {}", self.region.vsvs[v], CARE_TYPES[ct]));
                } else {
                    parts.extend(
                        part.iter()
                            .filter(|&&a| self.atoms[a].vsv == v)
                            .map(|&a| self.atom_label(a)),
                    );
                }
            }
        }
        parts.join(" + ")
    }
}

// ---------------------------------------------------------------------------------------
// The attack

/// A published row read as an equation.
enum Equation {
    /// n and mean of the respondents of these atoms.
    Pooled {
        atoms: Vec<usize>,
        n: f64,
        mean: f64,
    },
    /// n over `count_cts`; mean = average of the care-type means over `mean_cts`.
    Combined {
        vsv: Option<usize>,
        count_cts: Vec<usize>,
        mean_cts: Vec<usize>,
        n: f64,
        mean: f64,
    },
}

/// Everything the attacker finds: leaks of small groups and broken promises of the contract.
fn attack(region: &Region, table: &Table) -> Vec<String> {
    let mut findings = Vec::new();
    for (period, (label, _)) in PERIODS.iter().enumerate() {
        let truth = Truth::new(region, period).reading(table, label);
        if truth.atoms.is_empty() {
            continue;
        }
        for (m, (_, theme, item)) in MEASURES.iter().enumerate() {
            for item in ["", item] {
                let rows: Vec<&Row> = table
                    .rows
                    .iter()
                    .filter(|r| r.period == *label && r.theme == *theme && r.item == item)
                    .collect();
                let slice = if item.is_empty() {
                    format!("{label} {theme}")
                } else {
                    format!("{label} {theme}/{item}")
                };
                findings.extend(attack_slice(&truth, m, &slice, &rows, table.has_covers));
            }
        }
    }
    findings.extend(check_changes(region, table));
    findings
}

/// Reads the published rows of one period × measure as equations, checking each against the
/// truth (a wrong equation would make the attack meaningless).
fn equations_of(
    truth: &Truth,
    m: usize,
    slice: &str,
    rows: &[&Row],
    has_covers: bool,
    findings: &mut Vec<String>,
) -> Vec<Equation> {
    let region = truth.region;
    let vsv_index = |name: &str| region.vsvs.iter().position(|v| v == name);
    let ct_index = |name: &str| CARE_TYPES.iter().position(|c| *c == name);
    let mut equations = Vec::new();
    for row in rows.iter().filter(|r| r.published()) {
        let here = format!("{slice} {}", row.unit());
        let (Some(n), Some(mean)) = (row.n, row.mean) else {
            findings.push(format!(
                "contract: {here} is {} without n or mean",
                row.status
            ));
            continue;
        };
        if n < MIN_N {
            findings.push(format!(
                "primary: {here} is published with n = {n} < {MIN_N}"
            ));
        }
        let vsv = if row.vsv.is_empty() {
            None
        } else if let Some(v) = vsv_index(&row.vsv) {
            Some(v)
        } else {
            findings.push(format!("contract: {here}: unknown VSV"));
            continue;
        };
        if !row.care_type.is_empty() {
            let Some(ct) = ct_index(&row.care_type) else {
                findings.push(format!("contract: {here}: unknown care type"));
                continue;
            };
            let org = if row.organisation.is_empty() {
                None
            } else {
                let o = region
                    .orgs
                    .iter()
                    .position(|o| o.name == row.organisation && Some(o.vsv) == vsv && o.ct == ct);
                if o.is_none() {
                    findings.push(format!("contract: {here}: unknown organisation"));
                    continue;
                }
                o
            };
            let atoms = truth.atoms_in(vsv, ct, org);
            let tn = truth.count(&atoms);
            let tmean = truth.sum(&atoms, m) / tn.max(1) as f64;
            if tn != n || (tmean - mean).abs() > 1e-4 {
                findings.push(format!(
                    "contract: {here}: published n = {n}, mean = {mean}; truth n = {tn}, mean = {tmean:.4}"
                ));
            }
            equations.push(Equation::Pooled {
                atoms,
                n: n as f64,
                mean,
            });
        } else if row.organisation.is_empty() {
            let all = truth.cts_of(vsv);
            let count_cts = match (&row.covers, has_covers) {
                (Some(covers), true) => {
                    let listed: Option<Vec<usize>> = covers
                        .split(" + ")
                        .filter(|c| !c.is_empty())
                        .map(ct_index)
                        .collect();
                    match listed {
                        Some(l) if !l.is_empty() => l,
                        _ => {
                            findings.push(format!("contract: {here}: covers = {covers:?}"));
                            continue;
                        }
                    }
                }
                _ => all.clone(),
            };
            // n counts the covered care types; the mean, if it does not match them, is
            // taken to average all of them (what the numbers then give away is the leak).
            let mut mean_cts = count_cts.clone();
            if has_covers {
                if let Some((finding, mismatch)) =
                    weight_check(truth, slice, row, vsv, &count_cts, rows)
                {
                    findings.push(finding);
                    if mismatch {
                        mean_cts = all;
                    }
                }
            }
            let mut atoms: Vec<usize> = count_cts
                .iter()
                .flat_map(|&ct| truth.atoms_in(vsv, ct, None))
                .collect();
            atoms.sort_unstable();
            let tn = truth.count(&atoms);
            let tmean = truth.combined_mean(vsv, &mean_cts, m);
            if tn != n || (tmean - mean).abs() > 1e-4 {
                findings.push(format!(
                    "contract: {here}: published n = {n}, mean = {mean}; truth has n = {tn} over {}, mean = {tmean:.4} over {}",
                    names(&count_cts),
                    names(&mean_cts)
                ));
            }
            equations.push(Equation::Combined {
                vsv,
                count_cts,
                mean_cts,
                n: n as f64,
                mean,
            });
        } else {
            findings.push(format!(
                "contract: {here}: an organisation row without a care type"
            ));
        }
    }
    equations
}

/// The unknowns of the sum system: atom sums, then one mean per VSV × care type and region
/// × care type.
fn mean_vars_of(truth: &Truth) -> BTreeMap<(Option<usize>, usize), usize> {
    let mut vars = BTreeMap::new();
    for ct in truth.cts_of(None) {
        let next = truth.atoms.len() + vars.len();
        vars.insert((None, ct), next);
        for v in 0..truth.region.vsvs.len() {
            if !truth.atoms_in(Some(v), ct, None).is_empty() {
                let next = truth.atoms.len() + vars.len();
                vars.insert((Some(v), ct), next);
            }
        }
    }
    vars
}

fn sum_form(atoms: &[usize]) -> Form {
    atoms.iter().map(|&a| (a, 1.0)).collect()
}

/// Candidate groups: every atom; every union of siblings under one parent (organisations in
/// a VSV × care type, VSVs in a region × care type, care types in a VSV or in the region);
/// every union of two or three small atoms.
fn candidate_groups(truth: &Truth) -> BTreeSet<Vec<usize>> {
    let vsvs = truth.region.vsvs.len();
    let mut candidates: BTreeSet<Vec<usize>> = BTreeSet::new();
    let mut add_unions = |families: Vec<Vec<usize>>| {
        if families.len() > 12 {
            return;
        }
        for mask in 1u32..(1 << families.len()) {
            let mut g: Vec<usize> = (0..families.len())
                .filter(|i| mask & (1 << i) != 0)
                .flat_map(|i| families[i].iter().copied())
                .collect();
            g.sort_unstable();
            g.dedup();
            candidates.insert(g);
        }
    };
    for ct in truth.cts_of(None) {
        for v in 0..vsvs {
            let atoms = truth.atoms_in(Some(v), ct, None);
            add_unions(atoms.into_iter().map(|a| vec![a]).collect());
        }
        add_unions(
            (0..vsvs)
                .map(|v| truth.atoms_in(Some(v), ct, None))
                .filter(|g| !g.is_empty())
                .collect(),
        );
    }
    for vsv in (0..vsvs).map(Some).chain([None]) {
        add_unions(
            truth
                .cts_of(vsv)
                .into_iter()
                .map(|ct| truth.atoms_in(vsv, ct, None))
                .collect(),
        );
    }
    let small: Vec<usize> = (0..truth.atoms.len())
        .filter(|&a| truth.atoms[a].n < MIN_N)
        .collect();
    for (i, &a) in small.iter().enumerate() {
        for (j, &b) in small.iter().enumerate().skip(i + 1) {
            let pair = vec![a, b];
            if truth.count(&pair) >= MIN_N {
                continue;
            }
            candidates.insert(pair);
            for &c in &small[j + 1..] {
                candidates.insert(vec![a, b, c]);
            }
        }
    }
    candidates
}

fn attack_slice(
    truth: &Truth,
    m: usize,
    slice: &str,
    rows: &[&Row],
    has_covers: bool,
) -> Vec<String> {
    let mut findings = Vec::new();
    let equations = equations_of(truth, m, slice, rows, has_covers, &mut findings);
    let mean_vars = mean_vars_of(truth);
    let sum_vars = truth.atoms.len() + mean_vars.len();

    let mut count_equations: Vec<(Form, f64)> = Vec::new();
    let mut sum_equations: Vec<(Form, f64)> = Vec::new();
    for e in &equations {
        match e {
            Equation::Pooled { atoms, n, mean } => {
                count_equations.push((truth.atoms_form(atoms), *n));
                sum_equations.push((sum_form(atoms), n * mean));
            }
            Equation::Combined {
                vsv,
                count_cts,
                mean_cts,
                n,
                mean,
            } => {
                count_equations.push((truth.combined_count_form(*vsv, count_cts), *n));
                let form = mean_cts
                    .iter()
                    .map(|&ct| (mean_vars[&(*vsv, ct)], 1.0))
                    .collect();
                sum_equations.push((form, mean_cts.len() as f64 * mean));
            }
        }
    }

    // Fixpoint: a care-type mean is linear in the sums once its N is known, and an N is
    // known once its sum and its mean are.
    let (counts, sums) = loop {
        let counts = solve(truth.count_vars(), &count_equations);
        let mut eqs = sum_equations.clone();
        let mut unknown_n = Vec::new();
        for (&(vsv, ct), &var) in &mean_vars {
            let atoms = truth.atoms_in(vsv, ct, None);
            match counts.value(&truth.atoms_form(&atoms)) {
                Some(n) => {
                    let mut form = sum_form(&atoms);
                    form.push((var, -n.round()));
                    eqs.push((form, 0.0));
                }
                None => unknown_n.push((atoms, var)),
            }
        }
        let sums = solve(sum_vars, &eqs);
        let mut learned = false;
        for (atoms, var) in unknown_n {
            let s = sums.value(&sum_form(&atoms));
            let mean = sums.value(&vec![(var, 1.0)]);
            if let (Some(s), Some(mean)) = (s, mean) {
                if mean > 0.5 {
                    count_equations.push((truth.atoms_form(&atoms), (s / mean).round()));
                    learned = true;
                }
            }
        }
        if !learned {
            break (counts, sums);
        }
    };

    let mut unpinned = Vec::new();
    for group in candidate_groups(truth) {
        let n = truth.count(&group);
        if n == 0 || n >= MIN_N {
            continue;
        }
        let label = truth.label(&group);
        let count_form = truth.count_form(&group);
        if let Some(found) = count_form.as_ref().and_then(|f| counts.value(f)) {
            let mean = sums
                .value(&sum_form(&group))
                .map(|s| format!(", sum {s:.2} (mean {:.4})", s / found))
                .unwrap_or_default();
            findings.push(format!(
                "leak: {slice}: n of {label} (true n = {n}) follows from the table: {found:.2}{mean}"
            ));
            continue;
        }
        let mean = mean_form(truth, &group, &mean_vars);
        if let Some((form, vsv, cts)) = &mean {
            if let Some(found) = sums.value(form) {
                let true_mean = truth.combined_mean(*vsv, cts, m);
                findings.push(format!(
                    "leak: {slice}: mean of {label} (true n = {n}, mean = {true_mean:.4}) follows from the table: {found:.4}"
                ));
                continue;
            }
        }
        unpinned.push((group, n, label, count_form, mean));
    }
    // Whole numbers only on the theme rows: item rows here repeat them.
    if !unpinned.is_empty() && !slice.contains('/') {
        let integer = IntegerAttack {
            truth,
            counts: &counts,
            count_equations: &count_equations,
            sum_equations: &sum_equations,
            mean_vars: &mean_vars,
        };
        findings.extend(integer.run(m, slice, &unpinned));
    }
    findings
}

/// A small group the linear attack did not pin down: (atoms, true n, label, count form,
/// mean form with its unit and care types).
type Unpinned = (
    Vec<usize>,
    u64,
    String,
    Option<Form>,
    Option<(Form, Option<usize>, Vec<usize>)>,
);

/// Whole-number reasoning on top of the linear attack. Where only a few atom counts are left
/// free, try every whole value they can take; keep the count vectors under which the sum
/// system is consistent and every sum it pins down is a whole number within its bounds (1–10
/// per answer). What is the same under all of them is pinned down too: this is how a 2 × 2
/// block of hidden cells under rows (unweighted means) and columns (pooled) is solved.
struct IntegerAttack<'a> {
    truth: &'a Truth<'a>,
    counts: &'a Solution,
    count_equations: &'a [(Form, f64)],
    sum_equations: &'a [(Form, f64)],
    mean_vars: &'a BTreeMap<(Option<usize>, usize), usize>,
}

/// At most this many whole-number count vectors are enumerated per period × theme …
const INTEGER_ENUMERATION: u64 = 200_000;
/// … and at most this much work (count vectors × unknowns³) goes into solving sums for them.
const INTEGER_WORK: usize = 100_000_000;
/// How far a sum may be from a whole number: published means have four decimals.
const WHOLE: f64 = 0.05;

impl IntegerAttack<'_> {
    fn run(&self, m: usize, slice: &str, unpinned: &[Unpinned]) -> Vec<String> {
        let feasible = self.feasible_counts();
        let unknowns = self.truth.atoms.len() + self.mean_vars.len();
        if feasible.is_empty() || feasible.len() * unknowns.pow(3) > INTEGER_WORK {
            return Vec::new();
        }
        let solutions: Vec<(Vec<f64>, Solution)> = feasible
            .into_iter()
            .filter_map(|c| self.sums_given(&c).map(|s| (c, s)))
            .collect();
        if solutions.is_empty() {
            return Vec::new();
        }
        let k = self.truth.overlaps.len();
        let mut findings = Vec::new();
        for (_, n, label, count_form, mean) in unpinned {
            let means: Option<Vec<f64>> = mean.as_ref().and_then(|(form, _, _)| {
                let values: Option<Vec<f64>> =
                    solutions.iter().map(|(_, s)| s.value(form)).collect();
                values.filter(|v| same(v, 1e-3))
            });
            let counts: Option<Vec<f64>> = count_form.as_ref().and_then(|f| {
                if f.iter().any(|&(v, _)| v < k) {
                    return None;
                }
                Some(
                    solutions
                        .iter()
                        .map(|(c, _)| f.iter().map(|&(v, w)| w * c[v - k]).sum())
                        .collect(),
                )
            });
            let fitting = solutions.len();
            if let Some(values) = counts.filter(|v| same(v, 1e-6)) {
                let mean = means
                    .map(|m| format!(", mean {:.4}", m[0]))
                    .unwrap_or_default();
                findings.push(format!(
                    "leak: {slice}: n of {label} (true n = {n}) follows from the table in whole numbers ({fitting} fitting count vector(s)): {:.2}{mean}",
                    values[0]
                ));
            } else if let (Some(values), Some((_, vsv, cts))) = (means, mean) {
                let true_mean = self.truth.combined_mean(*vsv, cts, m);
                findings.push(format!(
                    "leak: {slice}: mean of {label} (true n = {n}, mean = {true_mean:.4}) follows from the table in whole numbers ({fitting} fitting count vector(s)): {:.4}",
                    values[0]
                ));
            }
        }
        findings
    }

    /// Atom-count vectors that fit the count equations in whole numbers ≥ 1, if few enough.
    fn feasible_counts(&self) -> Vec<Vec<f64>> {
        let t = self.truth;
        let k = t.overlaps.len();
        let pivots: BTreeSet<usize> = self.counts.pivots.iter().map(|(c, _)| *c).collect();
        let free_atoms: Vec<usize> = (k..t.count_vars())
            .filter(|v| !pivots.contains(v))
            .collect();
        let free_overlaps: Vec<usize> = (0..k).filter(|v| !pivots.contains(v)).collect();
        if free_atoms.is_empty() {
            return Vec::new();
        }
        // An atom count that moves with an unknown overlap cannot be enumerated here.
        let atom_rows: Vec<&(usize, Vec<f64>)> =
            self.counts.pivots.iter().filter(|(c, _)| *c >= k).collect();
        if atom_rows
            .iter()
            .any(|(_, row)| free_overlaps.iter().any(|&f| row[f].abs() > 1e-9))
        {
            return Vec::new();
        }
        // Each count is at most the n of any published row that holds it.
        let mut bounds = Vec::new();
        for &v in &free_atoms {
            let bound = self
                .count_equations
                .iter()
                .filter(|(form, _)| form.iter().any(|&(i, c)| i == v && c > 0.0))
                .map(|(_, n)| *n as u64)
                .min();
            match bound {
                Some(b) if b >= 1 => bounds.push(b),
                _ => return Vec::new(),
            }
        }
        let product = bounds.iter().try_fold(1u64, |acc, b| acc.checked_mul(*b));
        if product.is_none_or(|p| p > INTEGER_ENUMERATION) {
            return Vec::new();
        }
        // Overlaps pinned by the atom counts: 0 ≤ overlap ≤ Σ N − max N over its care types.
        let overlap_checks: Vec<(&Vec<f64>, Vec<Vec<usize>>)> = t
            .overlaps
            .iter()
            .filter_map(|((v, cts), &var)| {
                let (_, row) = self.counts.pivots.iter().find(|(c, _)| *c == var)?;
                if free_overlaps.iter().any(|&f| row[f].abs() > 1e-9) {
                    return None;
                }
                let units = cts.iter().map(|&ct| t.atoms_in(Some(*v), ct, None));
                Some((row, units.collect()))
            })
            .collect();
        let vars = t.count_vars();
        let mut feasible = Vec::new();
        let mut odometer = vec![1u64; free_atoms.len()];
        'next: loop {
            let mut x = vec![0.0; vars];
            for (&v, &val) in free_atoms.iter().zip(&odometer) {
                x[v] = val as f64;
            }
            let mut ok = true;
            for (c, row) in &atom_rows {
                let val = row[vars] - free_atoms.iter().map(|&f| row[f] * x[f]).sum::<f64>();
                if (val - val.round()).abs() > 1e-6 || val < 0.5 {
                    ok = false;
                    break;
                }
                x[*c] = val.round();
            }
            if ok {
                for (row, units) in &overlap_checks {
                    let overlap =
                        row[vars] - free_atoms.iter().map(|&f| row[f] * x[f]).sum::<f64>();
                    let ns: Vec<f64> = units
                        .iter()
                        .map(|atoms| atoms.iter().map(|&a| x[k + a]).sum())
                        .collect();
                    let max = ns.iter().fold(0.0f64, |a, &n| a.max(n));
                    if overlap < -1e-6 || overlap > ns.iter().sum::<f64>() - max + 1e-6 {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                feasible.push(x[k..].to_vec());
            }
            for (i, b) in bounds.iter().enumerate() {
                if odometer[i] < *b {
                    odometer[i] += 1;
                    continue 'next;
                }
                odometer[i] = 1;
            }
            break;
        }
        feasible
    }

    /// The sum system with every N known, if it fits whole numbers within bounds.
    fn sums_given(&self, atom_counts: &[f64]) -> Option<Solution> {
        let t = self.truth;
        let mut eqs = self.sum_equations.to_vec();
        for (&(vsv, ct), &var) in self.mean_vars {
            let atoms = t.atoms_in(vsv, ct, None);
            let n: f64 = atoms.iter().map(|&a| atom_counts[a]).sum();
            let mut form = sum_form(&atoms);
            form.push((var, -n));
            eqs.push((form, 0.0));
        }
        let sums = solve(t.atoms.len() + self.mean_vars.len(), &eqs);
        if sums.residual > WHOLE {
            return None;
        }
        let whole = |s: f64, n: f64| {
            (s - s.round()).abs() <= WHOLE && s >= n - WHOLE && s <= 10.0 * n + WHOLE
        };
        for (a, &n) in atom_counts.iter().enumerate() {
            if let Some(s) = sums.value(&vec![(a, 1.0)]) {
                if !whole(s, n) {
                    return None;
                }
            }
        }
        for (&(vsv, ct), &var) in self.mean_vars {
            let atoms = t.atoms_in(vsv, ct, None);
            let n: f64 = atoms.iter().map(|&a| atom_counts[a]).sum();
            if let Some(s) = sums.value(&sum_form(&atoms)) {
                if !whole(s, n) {
                    return None;
                }
            }
            if let Some(mean) = sums.value(&vec![(var, 1.0)]) {
                if !(1.0 - 1e-3..=10.0 + 1e-3).contains(&mean) {
                    return None;
                }
            }
        }
        Some(sums)
    }
}

fn same(values: &[f64], tolerance: f64) -> bool {
    values.iter().all(|v| (v - values[0]).abs() <= tolerance)
}

/// The mean of a group as a form over care-type means, where the group is a whole unit of
/// one VSV (or of the region) in each of its care types.
fn mean_form(
    truth: &Truth,
    group: &[usize],
    mean_vars: &BTreeMap<(Option<usize>, usize), usize>,
) -> Option<(Form, Option<usize>, Vec<usize>)> {
    let cts: BTreeSet<usize> = group.iter().map(|&a| truth.atoms[a].ct).collect();
    let vsvs: BTreeSet<usize> = group.iter().map(|&a| truth.atoms[a].vsv).collect();
    let scope = if vsvs.len() == 1 {
        vsvs.first().copied()
    } else {
        None
    };
    let mut form = Form::new();
    for &ct in &cts {
        let part: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&a| truth.atoms[a].ct == ct)
            .collect();
        if part != truth.atoms_in(scope, ct, None) {
            return None;
        }
        form.push((mean_vars[&(scope, ct)], 1.0 / cts.len() as f64));
    }
    Some((form, scope, cts.into_iter().collect()))
}

/// With `covers`: a combined row must be the plain average of the published care-type rows
/// it names. Returns what is wrong, if anything, and whether the numbers disagree (rather
/// than a covered row being hidden).
fn weight_check(
    truth: &Truth,
    slice: &str,
    row: &Row,
    vsv: Option<usize>,
    cts: &[usize],
    rows: &[&Row],
) -> Option<(String, bool)> {
    let here = format!("{slice} {}", row.unit());
    let mut covered = Vec::new();
    for &ct in cts {
        let r = rows.iter().find(|r| {
            r.vsv == row.vsv && r.organisation.is_empty() && r.care_type == CARE_TYPES[ct]
        });
        match r {
            Some(r) if r.published() && r.mean.is_some() => covered.push(*r),
            _ => {
                let n = truth.count(&truth.atoms_in(vsv, ct, None));
                let finding = format!(
                    "weight: {here} covers {} whose row is not published (true n = {n})",
                    CARE_TYPES[ct]
                );
                return Some((finding, false));
            }
        }
    }
    let hidden: Vec<String> = truth
        .cts_of(vsv)
        .into_iter()
        .filter(|ct| !cts.contains(ct))
        .map(|ct| {
            let n = truth.count(&truth.atoms_in(vsv, ct, None));
            format!("{} (true n = {n})", CARE_TYPES[ct])
        })
        .collect();
    let k = covered.len() as f64;
    let average = |f: fn(&Row) -> Option<f64>| -> Option<f64> {
        let v: Option<Vec<f64>> = covered.iter().map(|&r| f(r)).collect();
        v.map(|v| v.iter().sum::<f64>() / k)
    };
    let mut wrong = Vec::new();
    if let (Some(avg), Some(mean)) = (average(|r| r.mean), row.mean) {
        if (avg - mean).abs() > 2e-4 {
            wrong.push(format!("mean {mean} ≠ {avg:.4}"));
        }
    }
    for (name, f, own) in [
        (
            "top-box %",
            (|r: &Row| r.top_box) as fn(&Row) -> Option<f64>,
            row.top_box,
        ),
        ("problem %", |r: &Row| r.problem, row.problem),
    ] {
        if let (Some(avg), Some(own)) = (average(f), own) {
            if (avg - own).abs() > 0.011 {
                wrong.push(format!("{name} {own} ≠ {avg:.2}"));
            }
        }
    }
    // Welch–Satterthwaite interval of an unweighted mean of independent means.
    let parts: Option<Vec<(f64, f64)>> = covered
        .iter()
        .map(|r| {
            r.sd.zip(r.n)
                .filter(|&(_, n)| n >= 2)
                .map(|(sd, n)| (sd * sd / n as f64 / (k * k), n as f64))
        })
        .collect();
    if let (Some(parts), Some((low, high)), Some(mean)) = (parts, row.ci, row.mean) {
        let var: f64 = parts.iter().map(|(v, _)| v).sum();
        let df = var * var / parts.iter().map(|(v, n)| v * v / (n - 1.0)).sum::<f64>();
        if var > 0.0 && df.is_finite() {
            let t = StudentsT::new(0.0, 1.0, df).unwrap().inverse_cdf(0.975);
            let half = t * var.sqrt();
            if (mean - half - low).abs() > 2e-3 || (mean + half - high).abs() > 2e-3 {
                wrong.push(format!(
                    "interval {low}…{high} ≠ {:.4}…{:.4}",
                    mean - half,
                    mean + half
                ));
            }
        }
    }
    (!wrong.is_empty()).then(|| {
        let finding = format!(
            "weight: {here} is not the average of the care types it covers ({}): {}; it carries {}",
            names(cts),
            wrong.join(", "),
            if hidden.is_empty() {
                "nothing else the attacker knows of".to_string()
            } else {
                hidden.join(", ")
            }
        );
        (finding, true)
    })
}

/// `change_prev` on a row whose previous period is hidden gives away that period's mean.
fn check_changes(region: &Region, table: &Table) -> Vec<String> {
    let truth = Truth::new(region, 0);
    let mut findings = Vec::new();
    for row in table
        .rows
        .iter()
        .filter(|r| r.period == PERIODS[1].0 && r.published() && r.change_prev.is_some())
    {
        let prev = table.rows.iter().find(|p| {
            p.period == PERIODS[0].0
                && p.vsv == row.vsv
                && p.organisation == row.organisation
                && p.care_type == row.care_type
                && p.theme == row.theme
                && p.item == row.item
        });
        if prev.is_some_and(Row::published) {
            continue;
        }
        let vsv = region.vsvs.iter().position(|v| *v == row.vsv);
        if !row.vsv.is_empty() && vsv.is_none() {
            continue;
        }
        let mut atoms: Vec<usize> = match CARE_TYPES.iter().position(|c| *c == row.care_type) {
            Some(ct) => {
                let org = region
                    .orgs
                    .iter()
                    .position(|o| o.name == row.organisation && Some(o.vsv) == vsv && o.ct == ct);
                if row.organisation.is_empty() {
                    truth.atoms_in(vsv, ct, None)
                } else if org.is_some() {
                    truth.atoms_in(vsv, ct, org)
                } else {
                    continue;
                }
            }
            None => truth
                .cts_of(vsv)
                .into_iter()
                .flat_map(|ct| truth.atoms_in(vsv, ct, None))
                .collect(),
        };
        atoms.sort_unstable();
        let n = truth.count(&atoms);
        if n > 0 && n < MIN_N {
            findings.push(format!(
                "leak: {} {} {}: change_prev {} reveals the mean of the hidden {} (true n = {n}): {:.4}",
                row.period,
                row.theme,
                row.unit(),
                row.change_prev.unwrap(),
                PERIODS[0].0,
                row.mean.unwrap_or(f64::NAN) - row.change_prev.unwrap()
            ));
        }
    }
    findings
}

fn names(cts: &[usize]) -> String {
    cts.iter()
        .map(|&c| CARE_TYPES[c])
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Fails with the findings, if there are any.
fn assert_safe(region: &Region) {
    let table = publish(region);
    let findings = attack(region, &table);
    assert!(findings.is_empty(), "{}", report(&findings));
}

fn report(findings: &[String]) -> String {
    let mut unique: Vec<&String> = Vec::new();
    for f in findings {
        if !unique.contains(&f) {
            unique.push(f);
        }
    }
    let shown: Vec<&str> = unique.iter().take(20).map(|s| s.as_str()).collect();
    format!(
        "{} finding(s):\n  {}{}",
        unique.len(),
        shown.join("\n  "),
        if unique.len() > 20 { "\n  …" } else { "" }
    )
}

// ---------------------------------------------------------------------------------------
// Known attacks (regressions)

/// Attack 1: the lone hospital answer has weight 1/2 in the VSV's unweighted mean. (Where
/// the midwife row is hidden as well, the VSV rows and the region's care-type rows form a
/// 2 × 2 block that whole numbers solve.)
#[test]
fn a_lone_hospital_answer_is_not_revealed_by_the_vsv_mean() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 60);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 1);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 40);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 30);
    assert_safe(&r);
}

/// Attack 1 with three care types: two small hidden ones (1 + 2) carry weight 2/3 in the
/// VSV's mean, and the midwife row is shown, so their average follows.
#[test]
fn small_hidden_care_types_are_not_revealed_by_the_vsv_mean() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 60);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 1);
    r.group(0, "VSV Noord", 2, Some("Kraamzorg Noord"), 2);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 40);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 30);
    r.group(0, "VSV Zuid", 2, Some("Kraamzorg Zuid"), 30);
    assert_safe(&r);
}

/// Attack 2a: two small VSVs (3 + 4) hidden together, recovered together from the region.
#[test]
fn two_small_vsvs_are_not_revealed_together() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 40);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 35);
    r.group(0, "VSV Oost", 0, Some("Praktijk Oost"), 3);
    r.group(0, "VSV West", 0, Some("Praktijk West"), 4);
    assert_safe(&r);
}

/// Attack 2b: a small organisation (2) and respondents without an organisation (3), who
/// have no row of their own, recovered together from their VSV × care type.
#[test]
fn a_small_organisation_and_respondents_without_one_are_not_revealed_together() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 30);
    r.group(0, "VSV Noord", 0, Some("Praktijk Klein"), 2);
    r.group(0, "VSV Noord", 0, None, 3);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 40);
    assert_safe(&r);
}

/// Attack 3: VSV rows (unweighted mean of care types) and region × care-type columns
/// (pooled) are independent equations over the hidden VSV × care-type cells.
#[test]
fn rows_and_columns_do_not_solve_hidden_cells() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 4);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 30);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 30);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 40);
    r.group(0, "VSV Oost", 0, Some("Praktijk Oost"), 30);
    r.group(0, "VSV Oost", 1, Some("Ziekenhuis Oost"), 30);
    assert_safe(&r);
}

// ---------------------------------------------------------------------------------------
// The attacker itself, on tables made by hand (so that a silent attacker cannot pass)

/// Publishes the truth of every unit, hiding the rows `hide` picks and every row under
/// `min_n`; with `covers`, combined rows average their published care types only.
fn truthful_table(region: &Region, covers: bool, hide: &dyn Fn(&Row) -> bool) -> Table {
    let mut rows = Vec::new();
    for (period, (label, _)) in PERIODS.iter().enumerate() {
        let truth = Truth::new(region, period);
        for (m, (_, theme, _)) in MEASURES.iter().enumerate() {
            let mut units: Vec<(Option<usize>, Option<usize>, Option<usize>)> = Vec::new();
            for vsv in (0..region.vsvs.len()).map(Some).chain([None]) {
                for ct in truth.cts_of(vsv) {
                    units.push((vsv, Some(ct), None));
                    if vsv.is_some() {
                        let orgs: BTreeSet<usize> = truth
                            .atoms_in(vsv, ct, None)
                            .iter()
                            .filter_map(|&a| truth.atoms[a].org)
                            .collect();
                        units.extend(orgs.into_iter().map(|o| (vsv, Some(ct), Some(o))));
                    }
                }
                if !truth.cts_of(vsv).is_empty() {
                    units.push((vsv, None, None));
                }
            }
            let mut slice: Vec<Row> = Vec::new();
            for (vsv, ct, org) in units {
                let mut row = Row {
                    period: label.to_string(),
                    vsv: vsv.map_or(String::new(), |v| region.vsvs[v].clone()),
                    organisation: org.map_or(String::new(), |o| region.orgs[o].name.clone()),
                    care_type: ct.map_or(String::new(), |c| CARE_TYPES[c].to_string()),
                    theme: theme.to_string(),
                    ..Row::default()
                };
                let (n, mean) = match ct {
                    Some(ct) => {
                        let atoms = truth.atoms_in(vsv, ct, org);
                        let n = truth.count(&atoms);
                        (n, truth.sum(&atoms, m) / n as f64)
                    }
                    None => {
                        let cts: Vec<usize> = truth
                            .cts_of(vsv)
                            .into_iter()
                            .filter(|&c| {
                                !covers
                                    || slice.iter().any(|r| {
                                        r.vsv == row.vsv
                                            && r.organisation.is_empty()
                                            && r.care_type == CARE_TYPES[c]
                                            && r.published()
                                    })
                            })
                            .collect();
                        if covers {
                            row.covers = Some(names(&cts));
                        }
                        let mut atoms: Vec<usize> = cts
                            .iter()
                            .flat_map(|&c| truth.atoms_in(vsv, c, None))
                            .collect();
                        atoms.sort_unstable();
                        let n = truth.count(&atoms);
                        let mean = if cts.is_empty() {
                            0.0
                        } else {
                            truth.combined_mean(vsv, &cts, m)
                        };
                        (n, mean)
                    }
                };
                row.status = "full".into();
                if n < MIN_N || hide(&row) {
                    row.status = "suppressed".into();
                } else {
                    row.n = Some(n);
                    row.mean = Some((mean * 1e4).round() / 1e4);
                }
                slice.push(row);
            }
            rows.extend(slice);
        }
    }
    Table {
        rows,
        has_covers: covers,
    }
}

fn findings_of(kind: &str, findings: &[String]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.starts_with(kind))
        .cloned()
        .collect()
}

#[test]
fn the_attacker_subtracts_a_lone_hidden_sibling() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 40);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 35);
    r.group(0, "VSV Oost", 0, Some("Praktijk Oost"), 3);
    let findings = attack(&r, &truthful_table(&r, false, &|_| false));
    let leaks = findings_of("leak", &findings);
    assert!(
        leaks.iter().any(|f| f.contains(
            "n of VSV Oost × Verloskundigenpraktijk (true n = 3) follows from the table: 3.00"
        )),
        "{}",
        report(&findings)
    );
    assert!(
        findings_of("contract", &findings).is_empty(),
        "{}",
        report(&findings)
    );
}

#[test]
fn the_attacker_solves_rows_and_columns() {
    // Hidden: Noord × VP (4, primary), Noord × ZH and Zuid × VP (complements in row and
    // column). Column ZH then has one hidden cell, so Noord × ZH follows, and the mean of
    // Noord × VP from the VSV row, which still averages both care types.
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 4);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 30);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 30);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 40);
    let hide = |row: &Row| {
        (row.vsv == "VSV Noord" && !row.care_type.is_empty())
            || (row.vsv == "VSV Zuid" && row.care_type == "Verloskundigenpraktijk")
    };
    let findings = attack(&r, &truthful_table(&r, false, &hide));
    assert!(
        findings.iter().any(|f| f.starts_with("leak")
            && f.contains("mean of VSV Noord × Verloskundigenpraktijk (true n = 4")),
        "{}",
        report(&findings)
    );
}

#[test]
fn the_attacker_solves_a_two_by_two_block_in_whole_numbers() {
    // Rows (VSV means over both care types) and columns (region × care type) alone leave
    // one count free; only one value of it gives whole sums.
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 4);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 30);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 30);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 40);
    r.group(0, "VSV Oost", 0, Some("Praktijk Oost"), 30);
    r.group(0, "VSV Oost", 1, Some("Ziekenhuis Oost"), 30);
    let hide =
        |row: &Row| (row.vsv == "VSV Noord" || row.vsv == "VSV Zuid") && !row.care_type.is_empty();
    let findings = attack(&r, &truthful_table(&r, false, &hide));
    assert!(
        findings.iter().any(|f| f.contains(
            "n of VSV Noord × Verloskundigenpraktijk (true n = 4) follows from the table in whole numbers"
        )),
        "{}",
        report(&findings)
    );
}

#[test]
fn the_attacker_reads_a_hidden_previous_period_from_the_change() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 40);
    r.group(0, "VSV Oost", 0, Some("Praktijk Oost"), 3);
    r.group(1, "VSV Noord", 0, Some("Praktijk Noord"), 40);
    r.group(1, "VSV Oost", 0, Some("Praktijk Oost"), 30);
    let mut table = truthful_table(&r, false, &|_| false);
    for row in table.rows.iter_mut() {
        if row.period == PERIODS[1].0 && row.vsv == "VSV Oost" {
            row.change_prev = Some(0.5);
        }
    }
    let findings = attack(&r, &table);
    assert!(
        findings.iter().any(|f| f.starts_with("leak")
            && f.contains("VSV Oost × Verloskundigenpraktijk: change_prev")
            && f.contains("(true n = 3)")),
        "{}",
        report(&findings)
    );
}

#[test]
fn the_attacker_sees_a_combined_row_that_weighs_a_hidden_care_type() {
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 60);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 1);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 40);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 30);
    // Honest covers, but the VSV row still averages the lone hospital answer.
    let mut table = truthful_table(&r, true, &|row| {
        row.vsv == "VSV Zuid" && row.care_type == "Ziekenhuis"
    });
    let truth = Truth::new(&r, 0);
    for row in table
        .rows
        .iter_mut()
        .filter(|row| row.vsv == "VSV Noord" && row.care_type.is_empty())
    {
        let m = MEASURES.iter().position(|x| x.1 == row.theme).unwrap();
        let mean = truth.combined_mean(Some(0), &[0, 1], m);
        row.mean = Some((mean * 1e4).round() / 1e4);
    }
    let findings = attack(&r, &table);
    assert!(
        findings
            .iter()
            .any(|f| f.starts_with("weight") && f.contains("Ziekenhuis (true n = 1)")),
        "{}",
        report(&findings)
    );
    assert!(
        findings
            .iter()
            .any(|f| f.starts_with("leak")
                && f.contains("mean of VSV Noord × Ziekenhuis (true n = 1")),
        "{}",
        report(&findings)
    );
}

#[test]
fn the_attacker_finds_nothing_where_hidden_groups_are_large_enough() {
    // Oost (3) and West (4) hidden with Zuid (35): the hidden union holds 42 respondents.
    let mut r = Region::default();
    r.group(0, "VSV Noord", 0, Some("Praktijk Noord"), 40);
    r.group(0, "VSV Zuid", 0, Some("Praktijk Zuid"), 35);
    r.group(0, "VSV Oost", 0, Some("Praktijk Oost"), 3);
    r.group(0, "VSV West", 0, Some("Praktijk West"), 4);
    r.group(0, "VSV Noord", 1, Some("Ziekenhuis Noord"), 25);
    r.group(0, "VSV Zuid", 1, Some("Ziekenhuis Zuid"), 25);
    let table = truthful_table(&r, true, &|row| row.vsv == "VSV Zuid");
    let findings = attack(&r, &table);
    assert!(findings.is_empty(), "{}", report(&findings));
}

// ---------------------------------------------------------------------------------------
// Generated regions

#[derive(Debug, Clone)]
struct GroupSpec {
    named: bool,
    /// Respondents per quarter (0: the group is absent that quarter).
    sizes: [u32; 2],
}

#[derive(Debug, Clone)]
struct CareSpec {
    groups: Vec<GroupSpec>,
    /// Chance (%) that a respondent of this care type also answered for an earlier one.
    overlap: u32,
}

#[derive(Debug, Clone)]
struct VsvSpec {
    /// Which of the region's care types the VSV has (bit per care type).
    care_mask: u8,
    cares: Vec<CareSpec>,
}

#[derive(Debug, Clone)]
struct RegionSpec {
    care_types: usize,
    quarters: usize,
    vsvs: Vec<VsvSpec>,
    seed: u64,
}

fn group_size() -> impl Strategy<Value = u32> {
    prop_oneof![1 => Just(0u32), 3 => 1u32..10, 3 => 10u32..61]
}

fn region_spec() -> impl Strategy<Value = RegionSpec> {
    let group = (
        proptest::bool::weighted(0.7),
        proptest::array::uniform2(group_size()),
    )
        .prop_map(|(named, sizes)| GroupSpec { named, sizes });
    let care = (
        proptest::collection::vec(group, 1..=3),
        prop_oneof![Just(0u32), 0u32..=60],
    )
        .prop_map(|(groups, overlap)| CareSpec { groups, overlap });
    let vsv = (1u8..8, proptest::collection::vec(care, 3))
        .prop_map(|(care_mask, cares)| VsvSpec { care_mask, cares });
    (
        1usize..=3,
        1usize..=2,
        proptest::collection::vec(vsv, 2..=6),
        any::<u64>(),
    )
        .prop_map(|(care_types, quarters, vsvs, seed)| RegionSpec {
            care_types,
            quarters,
            vsvs,
            seed,
        })
}

/// splitmix64: scores and overlaps from the spec's seed.
struct Mix(u64);

impl Mix {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % below
    }
}

fn build_region(spec: &RegionSpec) -> Region {
    let mut region = Region::default();
    let mut mix = Mix(spec.seed);
    for (v, vs) in spec.vsvs.iter().enumerate() {
        let letter = (b'A' + v as u8) as char;
        let vsv = region.vsv(&format!("VSV {letter}"));
        let mask = match vs.care_mask & ((1 << spec.care_types) - 1) {
            0 => 1,
            m => m,
        };
        for period in 0..spec.quarters {
            let mut members: Vec<usize> = Vec::new();
            for ct in (0..spec.care_types).filter(|ct| mask & (1 << ct) != 0) {
                let care = &vs.cares[ct];
                for (g, gs) in care.groups.iter().enumerate() {
                    let name = format!("{} {letter}{}", ORG_PREFIX[ct], g + 1);
                    let org = region.org(vsv, ct, gs.named.then_some(name.as_str()));
                    let centre = 4 + mix.next(6) as i64;
                    for _ in 0..gs.sizes[period] {
                        let reuse = (mix.next(100) < u64::from(care.overlap))
                            .then(|| {
                                members.iter().copied().find(|&r| {
                                    region.respondents[r].answers.iter().all(|a| a.ct != ct)
                                })
                            })
                            .flatten();
                        let r = reuse.unwrap_or_else(|| {
                            let r = region.new_respondent(vsv, period);
                            members.push(r);
                            r
                        });
                        let mut score = || (centre + mix.next(5) as i64 - 2).clamp(1, 10) as u32;
                        let scores = [score(), score()];
                        region.respondents[r]
                            .answers
                            .push(Answer { ct, org, scores });
                    }
                }
            }
        }
    }
    region
}

#[test]
fn generated_regions_leak_nothing() {
    let config = ProptestConfig {
        cases: 128,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        max_shrink_iters: 256,
        max_shrink_time: 30_000,
        verbose: 0,
        ..ProptestConfig::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7u8; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let result = runner.run(&region_spec(), |spec| {
        let region = build_region(&spec);
        let findings = attack(&region, &publish(&region));
        prop_assert!(findings.is_empty(), "{}", report(&findings));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
