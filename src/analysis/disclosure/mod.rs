//! Disclosure control: decides, for every number scoring computed, whether it may leave the
//! program. Everything after this stage (trends, comparison, flags, charts, agendas, tables)
//! sees only what it publishes: a hidden cell carries no numbers at all.
//!
//! The rule (spec §5): every published statistic rests on at least `min_n` respondents, and
//! no combination of published numbers isolates a group of fewer than `min_n`.
//!
//! * **Pooled cells** (organisations, care types, and units of a source without care types)
//!   nest per period × measure: region (× care type) ⊃ VSV (× care type) ⊃ organisation,
//!   with respondents without an organisation as an unpublished remainder. In such a tree
//!   the groups an attacker can isolate by adding and subtracting published n's and sums are
//!   exactly unions of *residuals*: a shown cell minus its largest shown descendants. So a
//!   cell with n < `min_n` is hidden (primary), and then, while some shown cell has a
//!   residual of 1 to `min_n − 1` respondents, its smallest shown descendant is hidden too
//!   (complementary suppression until every hidden group totals at least `min_n`).
//! * **Cells over care types** (a VSV's or the region's PREM score, the unweighted mean of
//!   care-type means) are combined only from care-type cells that are shown, and say which
//!   ones they cover ([`Cell::covers`]). Their mean, sd, interval and shares are then functions
//!   of published cells, so no hidden respondent carries weight in them — however small her
//!   care type. Their n (distinct respondents over the covered care types) is protected like
//!   a pooled count: the region's n minus the shown VSVs' n's must not isolate a small group.
//! * **Response counts** per source (the agenda's response line) follow the same tree rule.
//! * **Reliability**: α only over the rows the shown VSV-level theme cells count, from at
//!   least `min_n` complete cases, and without their count.
//!
//! [`audit`] checks the published result against the rule without sharing this module's
//! suppression loop; [`crate::analysis::analyse::analyse`] refuses to go on when it finds anything.

pub mod answers;
pub mod audit;
pub mod earlier;
pub mod part;
mod region;
mod units;

use crate::analysis::score::{Computed, Scores};
use crate::config::Privacy;
use earlier::{Earlier, Finer};
use part::Part;
use region::{part_cells, region_cells, region_responses};
use units::local;

/// Decides what of `computed` may be published.
pub fn disclose(computed: Computed, privacy: &Privacy) -> Scores {
    disclose_with(computed, Vec::new(), privacy)
}

/// Decides what of `computed` may be published, with the parts of `peers` (read from their
/// shared files, already checked) as further VSVs of the region.
pub fn disclose_with(computed: Computed, peers: Vec<Part>, privacy: &Privacy) -> Scores {
    disclose_parts(computed, peers, privacy).0
}

/// [`disclose_with`], and every VSV's part (the local VSVs' and the peers'), in the order
/// of their names: what `prem share` writes.
pub fn disclose_parts(
    computed: Computed,
    peers: Vec<Part>,
    privacy: &Privacy,
) -> (Scores, Vec<Part>) {
    disclose_released(computed, peers, privacy, None, None)
}

/// Disclosure with everything published before: `finer`, the finer periods of the same
/// rows published beside these cells (see [`Finer`]), and `earlier`, what earlier releases
/// published of them (see [`Earlier`]). The other `disclose` functions are this one with
/// less known.
pub fn disclose_released(
    computed: Computed,
    peers: Vec<Part>,
    privacy: &Privacy,
    finer: Option<&Finer>,
    earlier: Option<&Earlier>,
) -> (Scores, Vec<Part>) {
    let (mut cells, region, mut parts, local_responses, rest) =
        local(computed, privacy, finer, earlier);
    let rank = rest.name_ranks.clone();
    for part in peers {
        cells.extend(part_cells(&part, &rank, privacy));
        parts.push(part);
    }
    parts.sort_by_key(|p| rank.get(p.vsv as usize).copied());
    cells.extend(region_cells(&parts, region, &rank, privacy));
    cells.sort_by_cached_key(|c| crate::analysis::score::cell_order(&rank, c));
    let responses = region_responses(&parts, local_responses, &cells, &rest.sources);
    let scores = Scores::new(cells, rest.reliability, rest.case_mix, responses);
    (scores, parts)
}

#[cfg(test)]
mod tests {
    use super::answers::{answer_counts, AnswerCounts};
    use super::audit::audit;
    use super::part::{PartCell, PartUnit};
    use super::*;
    use crate::analysis::flag_quotes::quotable;
    use crate::analysis::score::score;
    use crate::analysis::score::tests::{cell, data};
    use crate::analysis::score::CellStats;
    use crate::analysis::score::{Cell, Measure, Tier, Unit};
    use crate::ingest::Canonical;
    use std::collections::BTreeMap;

    fn published(d: &Canonical) -> Scores {
        disclose(score(d), &Privacy::default())
    }

    fn hidden(s: &Scores, d: &Canonical, vsv: Option<&str>, ct: Option<&str>) -> bool {
        cell(s, d, vsv, ct).tier == Tier::Suppressed
    }

    fn n(s: &Scores, d: &Canonical, vsv: Option<&str>, ct: Option<&str>) -> Option<u64> {
        cell(s, d, vsv, ct).stats.map(|x| x.n)
    }

    /// Gives the respondents of `vsv` organisations: `orgs` lists (name, how many), the
    /// rest have none.
    fn organise(d: &mut Canonical, vsv: &str, orgs: &[(&str, usize)]) {
        let v = d.names.find(vsv).unwrap();
        let ids: Vec<(u32, usize)> = orgs.iter().map(|(o, k)| (d.names.intern(o), *k)).collect();
        let mut rows = d.respondents.iter_mut().filter(|r| r.vsv == v);
        for (id, k) in ids {
            for r in rows.by_ref().take(k) {
                r.organisation = Some(id);
            }
        }
    }

    fn org_cell<'a>(s: &'a Scores, d: &Canonical, org: &str) -> &'a Cell {
        let o = d.names.find(org).unwrap();
        s.cells
            .iter()
            .find(|c| c.organisation == Some(o) && c.measure == Measure::Theme(0))
            .unwrap()
    }

    #[test]
    fn hidden_cells_carry_no_numbers() {
        let d = data(&[
            ("A", Some("VP"), &[8.0; 40]),
            ("A", Some("ZH"), &[3.0; 4]),
            ("B", None, &[7.0; 3]),
        ]);
        let s = published(&d);
        assert!(s.cells.iter().any(|c| c.tier == Tier::Suppressed));
        for c in s.cells.iter().filter(|c| c.tier == Tier::Suppressed) {
            assert_eq!(c.stats, None);
            assert!(c.covers.is_empty());
            assert_eq!(c.comparison, crate::analysis::score::Comparison::default());
        }
    }

    #[test]
    fn a_lone_hospital_answer_carries_no_weight_in_the_vsv_score() {
        // Class 1 of the privacy issue: VP 60 × 8 and one hospital answer of 2. Averaging
        // both care types gave the VSV 5.0 and problem 50% — her answer exactly. Now the
        // VSV score covers the midwives only: 8.0, problem 0%, n 60.
        let d = data(&[
            ("A", Some("VP"), &[8.0; 60]),
            ("A", Some("ZH"), &[2.0; 1]),
            ("B", Some("VP"), &[7.0; 30]),
            ("B", Some("ZH"), &[7.0; 30]),
        ]);
        let s = published(&d);
        let a = cell(&s, &d, Some("A"), None);
        let vp = d.names.find("VP").unwrap();
        assert_eq!(a.covers, vec![vp]);
        let stats = a.stats.unwrap();
        assert_eq!((stats.mean, stats.n), (8.0, 60));
        assert_eq!(stats.problem.map(|p| p.pct), Some(0.0));
        // Rule R: the region × hospital is B's 30 alone, so B × hospital stays shown and
        // nothing subtracts to her.
        assert!(hidden(&s, &d, Some("A"), Some("ZH")));
        assert!(!hidden(&s, &d, Some("B"), Some("ZH")));
        assert_eq!(n(&s, &d, None, Some("ZH")), Some(30));
        let zh = d.names.find("ZH").unwrap();
        assert_eq!(cell(&s, &d, Some("B"), None).covers, vec![vp, zh]);
        // The region covers both care types: (mean VP + mean ZH) / 2 with
        // VP = (60·8 + 30·7)/90 and ZH = 7 (B's), by hand; n = A's 60 + B's 60.
        let want = ((60.0 * 8.0 + 30.0 * 7.0) / 90.0 + 7.0) / 2.0;
        let region = cell(&s, &d, None, None).stats.unwrap();
        assert!((region.mean - want).abs() < 1e-12, "{}", region.mean);
        assert_eq!(region.n, 120);
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    /// The lone hospital answer above, in the answers chart and the quotes: A's counts and
    /// quotes take the midwives only, as its score does; the region's counts are the sum
    /// of the VSVs' shown counts, as its score is.
    #[test]
    fn a_hidden_care_type_is_neither_counted_nor_quoted_in_its_vsv() {
        let d = data(&[
            ("A", Some("VP"), &[8.0; 60]),
            ("A", Some("ZH"), &[2.0; 1]),
            ("B", Some("VP"), &[7.0; 30]),
            ("B", Some("ZH"), &[7.0; 30]),
        ]);
        let s = published(&d);
        let period = d.respondents[0].period;
        let counts = answer_counts(&d, &s, period, &Default::default());
        let a = Unit::Vsv(d.names.find("A").unwrap());
        let of = |problem, neutral, positive| {
            Some(AnswerCounts {
                problem,
                neutral,
                positive,
            })
        };
        assert_eq!(counts[&a], [of(0, 60, 0)]);
        assert_eq!(counts[&Unit::Region], [of(0, 120, 0)]);
        let zh = d.names.find("ZH").unwrap();
        let quotable_a = quotable(&d, &s, period, a, 0, 0);
        assert_eq!(quotable_a.len(), 60);
        assert!(quotable_a
            .iter()
            .all(|&r| d.respondents[r as usize].care_type != Some(zh)));
        // The region quotes each VSV as that VSV's own score covers it: A's midwives, and
        // both care types of B.
        assert_eq!(quotable(&d, &s, period, Unit::Region, 0, 0).len(), 120);
    }

    #[test]
    fn two_small_vsvs_count_in_no_published_number() {
        // Class 2: C (3) and D (4) hidden. By rule R the region is A + B (70), so
        // region − A − B is 0 and B can stay shown: C and D are in no published number.
        let d = data(&[
            ("A", None, &[7.0; 40]),
            ("B", None, &[8.0; 30]),
            ("C", None, &[6.0; 3]),
            ("D", None, &[5.0; 4]),
        ]);
        let s = published(&d);
        let shown: Vec<bool> = ["A", "B", "C", "D"]
            .iter()
            .map(|v| !hidden(&s, &d, Some(v), None))
            .collect();
        assert_eq!(shown, [true, true, false, false]);
        assert_eq!(n(&s, &d, None, None), Some(70));
        let region = cell(&s, &d, None, None).stats.unwrap();
        assert!((region.mean - (40.0 * 7.0 + 30.0 * 8.0) / 70.0).abs() < 1e-12);
        assert!(audit(&s, &Privacy::default()).is_empty());
        // The response line follows the same rule: A, B and the region (70).
        let resp: Vec<Option<u64>> = s.responses.iter().filter_map(|r| r.n).map(Some).collect();
        assert_eq!(resp.len(), 3, "{resp:?}");
        assert!(s
            .responses
            .iter()
            .any(|r| r.vsv.is_none() && r.n == Some(70)));
    }

    #[test]
    fn a_small_organisation_and_the_unassigned_are_protected_together() {
        // Class 2: X 20, Y 15, Z 2 and 3 without organisation: A − X − Y would be Z and
        // the unassigned together (5). Y hides too: the hidden group is 20.
        let mut d = data(&[("A", None, &[7.0; 40])]);
        organise(&mut d, "A", &[("X", 20), ("Y", 15), ("Z", 2)]);
        let s = published(&d);
        assert!(org_cell(&s, &d, "X").stats.is_some());
        assert!(org_cell(&s, &d, "Y").stats.is_none());
        assert!(org_cell(&s, &d, "Z").stats.is_none());
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    #[test]
    fn a_hidden_vsv_is_not_rebuilt_from_its_organisations() {
        // C (4) is hidden and so are its organisations: Z holds all of C, and a shown Z
        // would show C again. B's organisation Y (20 of 20) shows: B − Y is 0.
        let mut d = data(&[
            ("A", None, &[7.0; 28]),
            ("B", None, &[8.0; 20]),
            ("C", None, &[7.5; 4]),
        ]);
        organise(&mut d, "B", &[("Y", 20)]);
        organise(&mut d, "C", &[("Z", 4)]);
        let s = published(&d);
        assert!(hidden(&s, &d, Some("C"), None));
        assert!(org_cell(&s, &d, "Z").stats.is_none());
        assert!(org_cell(&s, &d, "Y").stats.is_some());
        assert_eq!(n(&s, &d, None, None), Some(48));
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    #[test]
    fn a_block_of_hidden_care_types_gives_no_equations() {
        // Class 3: hospital cells of A (3) and B (4) hidden. By rule R the region × hospital
        // is C's 30 alone, and the VSV scores of A and B average only their midwives, so
        // no row equation ties the hidden cells together.
        let d = data(&[
            ("A", Some("VP"), &[8.0; 40]),
            ("A", Some("ZH"), &[2.0; 3]),
            ("B", Some("VP"), &[7.0; 40]),
            ("B", Some("ZH"), &[9.0; 4]),
            ("C", Some("VP"), &[7.0; 40]),
            ("C", Some("ZH"), &[6.0; 30]),
        ]);
        let s = published(&d);
        for v in ["A", "B"] {
            assert!(hidden(&s, &d, Some(v), Some("ZH")), "{v}");
            let c = cell(&s, &d, Some(v), None);
            let vp = cell(&s, &d, Some(v), Some("VP")).stats.unwrap().mean;
            assert_eq!(c.stats.unwrap().mean, vp, "{v}");
        }
        assert!(!hidden(&s, &d, Some("C"), Some("ZH")));
        assert_eq!(n(&s, &d, None, Some("ZH")), Some(30));
        assert_eq!(cell(&s, &d, None, Some("ZH")).stats.unwrap().mean, 6.0);
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    #[test]
    fn the_audit_finds_what_a_weaker_rule_lets_through() {
        // Suppressing at 5 shows X (20) and Y (15) of A (40); read against min_n = 10,
        // A − X − Y isolates the 5 without an organisation.
        let mut d = data(&[("A", None, &[7.0; 40]), ("B", None, &[8.0; 30])]);
        organise(&mut d, "A", &[("X", 20), ("Y", 15)]);
        let weak = Privacy {
            min_n: 5,
            ..Privacy::default()
        };
        let s = disclose(score(&d), &weak);
        let found = audit(&s, &Privacy::default());
        assert!(
            found
                .iter()
                .any(|f| f.problem == crate::error::AuditProblem::Isolates(5)),
            "{found:?}"
        );
    }

    #[test]
    fn random_regions_pass_the_audit() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        for _ in 0..300 {
            let vsvs = rng.random_range(2..=5);
            let mut groups: Vec<(String, Option<&str>, Vec<f32>)> = Vec::new();
            for v in 0..vsvs {
                for ct in ["VP", "ZH", "KZ"].iter().take(rng.random_range(1..=3)) {
                    let k = rng.random_range(1..=45);
                    let scores = (0..k).map(|_| rng.random_range(1..=10) as f32).collect();
                    groups.push((format!("V{v}"), Some(*ct), scores));
                }
            }
            let view: Vec<(&str, Option<&str>, &[f32])> = groups
                .iter()
                .map(|(v, ct, x)| (v.as_str(), *ct, x.as_slice()))
                .collect();
            let mut d = data(&view);
            for v in 0..vsvs {
                let a = rng.random_range(0..20);
                let b = rng.random_range(0..20);
                organise(&mut d, &format!("V{v}"), &[("X", a), ("Y", b)]);
            }
            let s = published(&d);
            assert_eq!(audit(&s, &Privacy::default()), Vec::new());
        }
    }

    /// A part with its names moved from `from` to `to`.
    fn moved(part: &Part, from: &Canonical, to: &mut Canonical) -> Part {
        let mut id = |i: u32| to.names.intern(from.names.get(i));
        Part {
            vsv: id(part.vsv),
            cells: part
                .cells
                .iter()
                .map(|c| PartCell {
                    care_type: c.care_type.map(&mut id),
                    ..*c
                })
                .collect(),
            units: part
                .units
                .iter()
                .map(|u| PartUnit {
                    covers: u.covers.iter().map(|&c| id(c)).collect(),
                    ..u.clone()
                })
                .collect(),
            responses: part.responses.clone(),
        }
    }

    /// Published cells by names (organisation rows and hidden cells left out).
    fn by_name(s: &Scores, d: &Canonical) -> BTreeMap<String, Cell> {
        let name = |i: Option<u32>| i.map_or("-", |i| d.names.get(i)).to_string();
        s.cells
            .iter()
            .filter(|c| c.organisation.is_none() && c.tier != Tier::Suppressed)
            .map(|c| {
                let key = format!("{} {} {}", name(c.vsv), name(c.care_type), c.period);
                let mut c = c.clone();
                c.covers = Vec::new();
                (key, c)
            })
            .collect()
    }

    /// Rule R makes a region from parts exact: random regions (small cells, organisations,
    /// several care types) split at random into VSVs that share their parts and VSVs that
    /// keep their rows publish the same cells, with the same numbers, as the pooled rows.
    #[test]
    fn a_region_from_shared_parts_equals_the_pooled_region() {
        use rand::{Rng, SeedableRng};
        let privacy = Privacy::default();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(13);
        let mut compared = 0;
        for _ in 0..200 {
            let vsvs = rng.random_range(2..=6);
            let mut groups: Vec<(String, Option<&str>, Vec<f32>)> = Vec::new();
            for v in 0..vsvs {
                for ct in ["VP", "ZH", "KZ"].iter().take(rng.random_range(1..=3)) {
                    let k = rng.random_range(1..=45);
                    let scores = (0..k).map(|_| rng.random_range(1..=10) as f32).collect();
                    groups.push((format!("V{v}"), Some(*ct), scores));
                }
            }
            let view: Vec<(&str, Option<&str>, &[f32])> = groups
                .iter()
                .map(|(v, ct, x)| (v.as_str(), *ct, x.as_slice()))
                .collect();
            let mut d = data(&view);
            for v in 0..vsvs {
                let (a, b) = (rng.random_range(0..20), rng.random_range(0..20));
                organise(&mut d, &format!("V{v}"), &[("X", a), ("Y", b)]);
            }
            let pooled = published(&d);
            let names: Vec<String> = (0..vsvs).map(|v| format!("V{v}")).collect();
            let (raw, shared): (Vec<&String>, Vec<&String>) =
                names.iter().partition(|_| rng.random_bool(0.4));
            let raw: Vec<&str> = raw.iter().map(|s| s.as_str()).collect();
            let mut receiver = d.only(&raw);
            let mut parts = Vec::new();
            for v in shared {
                let own = d.only(&[v.as_str()]);
                let (_, own_parts) = disclose_parts(score(&own), Vec::new(), &privacy);
                parts.extend(own_parts.iter().map(|p| moved(p, &own, &mut receiver)));
            }
            let from_parts = disclose_with(score(&receiver), parts, &privacy);
            assert!(audit(&from_parts, &privacy).is_empty());
            let (a, b) = (by_name(&pooled, &d), by_name(&from_parts, &receiver));
            assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
            for (key, x) in &a {
                let y = &b[key];
                let (sx, sy) = (x.stats.unwrap(), y.stats.unwrap());
                assert_eq!((x.tier, sx.n), (y.tier, sy.n), "{key}");
                let close = |p: f64, q: f64| (p - q).abs() < 1e-9;
                assert!(close(sx.mean, sy.mean), "{key}");
                assert_eq!(sx.sd.is_some(), sy.sd.is_some(), "{key}");
                assert!(close(sx.sd.unwrap_or(0.0), sy.sd.unwrap_or(0.0)), "{key}");
                let ci = |s: CellStats| s.ci.unwrap_or((0.0, 0.0));
                assert!(
                    close(ci(sx).0, ci(sy).0) && close(ci(sx).1, ci(sy).1),
                    "{key}"
                );
                let pct = |p: Option<crate::analysis::score::Percent>| {
                    p.map_or((0.0, 0.0), |p| (p.pct, p.low))
                };
                assert!(close(pct(sx.problem).0, pct(sy.problem).0), "{key}");
                assert!(close(pct(sx.top_box).1, pct(sy.top_box).1), "{key}");
                compared += 1;
            }
        }
        assert!(compared > 2000, "{compared}");
    }

    /// α is computed over the rows of shown theme cells only: a client of a hidden VSV
    /// carries no weight in it, and its complete cases are not counted in what is published.
    #[test]
    fn alpha_counts_only_rows_of_shown_theme_cells() {
        let a1 = [8.0, 9.0, 7.0, 10.0, 6.0, 8.0, 9.0, 7.0, 8.0, 9.0, 10.0, 7.0];
        let a2 = [7.0, 9.0, 8.0, 9.0, 6.0, 7.0, 9.0, 8.0, 8.0, 10.0, 9.0, 6.0];
        let mut d = data(&[
            ("A", Some("verloskundige"), &a1),
            ("B", Some("verloskundige"), &[2.0]),
        ]);
        d.themes[0].n_items = 2;
        d.items.push(crate::ingest::ItemRef {
            id: "info2".into(),
            source: 0,
            role: crate::ingest::ItemRole::Theme(0),
        });
        // The second item: A's values, and a 10 for B's lone client.
        let mut answers = Vec::new();
        for (i, a) in d.answers.iter().enumerate() {
            answers.push(*a);
            let v = a2.get(i).copied().unwrap_or(10.0) as f32;
            answers.push(crate::ingest::Answer {
                item: 1,
                value: v,
                score: v,
                positive: v >= 9.0,
                problem: v <= 5.0,
                ..*a
            });
        }
        d.answers = answers;
        let s = published(&d);
        assert!(hidden(&s, &d, Some("B"), Some("verloskundige")));
        let r = &s.reliability[0];
        // A's twelve clients only (Python `statistics.variance`): items 1.60606 and
        // 1.63636, total 5.78788, α = 2 × (1 − 3.24242 / 5.78788) = 0.879581. With B's
        // client it would be 0.131274.
        assert_eq!(r.n, 12);
        let alpha = r.alpha.unwrap();
        assert!((alpha - 0.879_581).abs() < 1e-6, "{alpha}");
    }

    /// One VSV of a three-item theme: `groups` lists (organisation, which items answered,
    /// how many clients), every answer 7.
    fn three_items(groups: &[(&str, [bool; 3], usize)]) -> Canonical {
        let total: usize = groups.iter().map(|g| g.2).sum();
        let scores = vec![7.0f32; total];
        let mut d = data(&[("A", None, &scores)]);
        d.themes[0].n_items = 3;
        for id in ["info2", "info3"] {
            d.items.push(crate::ingest::ItemRef {
                id: id.into(),
                source: 0,
                role: crate::ingest::ItemRole::Theme(0),
            });
        }
        let template = d.answers[0];
        let mut answers = Vec::new();
        let mut row = 0u32;
        for (org, items, count) in groups {
            let o = d.names.intern(org);
            for _ in 0..*count {
                d.respondents[row as usize].organisation = Some(o);
                for (i, _) in items.iter().enumerate().filter(|(_, a)| **a) {
                    answers.push(crate::ingest::Answer {
                        row,
                        item: i as u16,
                        ..template
                    });
                }
                row += 1;
            }
        }
        d.answers = answers;
        d
    }

    fn item_cell<'a>(s: &'a Scores, d: &Canonical, org: Option<&str>, m: Measure) -> &'a Cell {
        let o = org.map(|o| d.names.find(o).unwrap());
        s.cells
            .iter()
            .find(|c| c.vsv.is_some() && c.organisation == o && c.measure == m)
            .unwrap()
    }

    /// Issue 24, item non-response: one client who skipped item c (in the theme with two
    /// of three answers) makes item c differ from the theme by one client, so item c is
    /// hidden there; twelve who skipped it do not.
    #[test]
    fn an_item_one_client_skipped_is_hidden_beside_its_theme() {
        let d = three_items(&[("Y", [true; 3], 40), ("Y", [true, true, false], 1)]);
        let s = published(&d);
        let c = Measure::Item(2);
        assert_eq!(item_cell(&s, &d, None, c).tier, Tier::Suppressed);
        assert_eq!(item_cell(&s, &d, Some("Y"), c).tier, Tier::Suppressed);
        assert!(item_cell(&s, &d, None, Measure::Theme(0)).stats.is_some());
        assert!(item_cell(&s, &d, None, Measure::Item(0)).stats.is_some());
        let d = three_items(&[("Y", [true; 3], 40), ("Y", [true, true, false], 12)]);
        let s = published(&d);
        assert_eq!(item_cell(&s, &d, None, c).stats.map(|x| x.n), Some(40));
    }

    /// Issue 24, suppression per measure: organisation X has 9 complete clients and 12 who
    /// skipped item c, so its item c (9) is hidden and Y's item c is hidden to protect it.
    /// Y's clients are complete, so Y's theme and items a and b (each the VSV's minus X's)
    /// would give Y's item c back, and the VSV's item c minus Y's would be X's nine. So
    /// both organisations are hidden for the theme and all its items; the VSV is shown.
    #[test]
    fn an_organisation_hidden_for_one_item_is_hidden_for_its_theme() {
        let d = three_items(&[
            ("Y", [true; 3], 40),
            ("X", [true; 3], 9),
            ("X", [true, true, false], 12),
        ]);
        let s = published(&d);
        for m in [
            Measure::Theme(0),
            Measure::Item(0),
            Measure::Item(1),
            Measure::Item(2),
        ] {
            for org in ["X", "Y"] {
                assert_eq!(
                    item_cell(&s, &d, Some(org), m).tier,
                    Tier::Suppressed,
                    "{org} {m:?}"
                );
            }
            assert!(item_cell(&s, &d, None, m).stats.is_some(), "{m:?}");
        }
    }

    /// Issue 24, counts: 43 clients responded and 3 of them answered no item of the theme.
    /// A response line of 43 beside the theme's 40 would count the three; it reads 40, the
    /// n of the largest shown score, and the region's line is its own largest score.
    #[test]
    fn the_response_line_is_the_n_of_a_shown_score() {
        let d = three_items(&[("Y", [true; 3], 40), ("Y", [false; 3], 3)]);
        let s = published(&d);
        assert_eq!(
            item_cell(&s, &d, None, Measure::Theme(0))
                .stats
                .map(|x| x.n),
            Some(40)
        );
        let lines: Vec<(Option<u32>, Option<u64>)> =
            s.responses.iter().map(|r| (r.vsv, r.n)).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|&(_, n)| n == Some(40)), "{lines:?}");
        assert!(audit(&s, &Privacy::default()).is_empty());
    }

    /// Issue 24, overlap: 50 clients answered for the midwife (V), 12 for the hospital (Z),
    /// 5 of them for both. A VSV score over both (n 57) beside V 50 and Z 12 would give the
    /// 5 who answered for two; Z is hidden (its cell, and in the region), the VSV score
    /// covers V alone. With 12 in both, everything is shown.
    #[test]
    fn a_small_overlap_of_care_types_hides_the_smaller() {
        let both = |k: usize| {
            let mut d = data(&[("A", Some("V"), &[7.0; 50]), ("A", Some("Z"), &[8.0; 12])]);
            let z = d.names.find("Z").unwrap();
            let v_keys: Vec<u32> = d.respondents.iter().take(k).map(|r| r.key).collect();
            let zs = d.respondents.iter_mut().filter(|r| r.care_type == Some(z));
            for (r, key) in zs.zip(v_keys) {
                r.key = key;
            }
            d
        };
        let d = both(5);
        let s = published(&d);
        assert_eq!(n(&s, &d, Some("A"), Some("V")), Some(50));
        assert!(hidden(&s, &d, Some("A"), Some("Z")));
        let over = cell(&s, &d, Some("A"), None);
        assert_eq!(over.stats.map(|x| x.n), Some(50));
        assert_eq!(over.covers, vec![d.names.find("V").unwrap()]);
        assert!(audit(&s, &Privacy::default()).is_empty());
        let d = both(12);
        let s = published(&d);
        assert_eq!(n(&s, &d, Some("A"), Some("Z")), Some(12));
        assert_eq!(cell(&s, &d, Some("A"), None).stats.map(|x| x.n), Some(50));
    }
}
