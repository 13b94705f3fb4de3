//! The PREM exports: a respondent per completed questionnaire, a row per care type, closed
//! and open answers, with the planted problems.

use super::*;

impl Plan {
    /// The PREM exports, oldest first, and the numbers of the planted duplicates.
    pub(super) fn prem_exports(&self) -> Result<(Vec<SampleFile>, Vec<String>), SampleError> {
        let mut files = Vec::with_capacity(2 * self.quarters.len());
        let mut own = Vec::with_capacity(self.quarters.len());
        let mut carry = Vec::new();
        let mut duplicates = Vec::new();
        for qi in 0..self.quarters.len() {
            let (region, first) = self.prem_quarter(qi, &mut carry, &mut duplicates)?;
            files.push(region);
            own.push(first);
        }
        files.extend(own);
        Ok((files, duplicates))
    }

    /// One quarter's PREM export. `carry` holds the rows of the previous quarter's planted
    /// duplicates on entry and this quarter's on return; their numbers go to `duplicates`.
    pub(super) fn prem_quarter(
        &self,
        qi: usize,
        carry: &mut Vec<u8>,
        duplicates: &mut Vec<String>,
    ) -> Result<(SampleFile, SampleFile), SampleError> {
        let quarter = self.quarters[qi];
        let mut rng = stream(self.opts.seed, 100 + qi as u64);
        let days = quarter.days();
        let total: usize = self.counts[qi].iter().sum();
        let mut resps = Vec::with_capacity(total);
        for (v, &n) in self.counts[qi].iter().enumerate() {
            for _ in 0..n {
                resps.push(Resp::draw(&mut rng, v, &self.vsvs[v], days));
            }
        }
        // Exports are in order of completion; the respondent numbers follow that order.
        resps.sort_by_key(|r| (r.day, r.minute));

        let mut roles = vec![Role::Plain; total];
        let mut planted = vec![
            Role::BadDate,
            Role::OutOfRange,
            Role::UnknownLabel,
            Role::Quoted,
        ];
        if duplicate_source(self.quarters.len()) == Some(qi) {
            planted.extend([Role::Duplicate; DUPLICATES]);
        }
        planted.truncate(total);
        for (i, role) in rand::seq::index::sample(&mut rng, total, planted.len())
            .into_iter()
            .zip(planted)
        {
            roles[i] = role;
        }

        let ctx = QuarterCtx {
            quarter,
            qi,
            first_day: quarter.first_day(),
            decline: self.decline(qi),
            // A3 starts in the fourth quarter from the end: the rise shows from the next.
            improved: if self.quarters.len() - 1 - qi < 3 {
                IMPROVE_BY
            } else {
                0.0
            },
        };
        // About 2.7 rows of at most ~150 bytes per respondent.
        let mut out = Out1252::with_capacity(total * 420 + carry.len() + 512);
        for (i, col) in PREM_COLUMNS.iter().enumerate() {
            if i > 0 {
                out.byte(b';');
            }
            out.field(col);
        }
        out.text("\r\n");
        // The first VSV's own export (for `samen/`): the header and its respondents' rows.
        let mut own = out.bytes.clone();
        out.bytes.append(carry);
        let mut buf = Buffers::default();
        for (i, (resp, role)) in resps.iter().zip(&roles).enumerate() {
            let start = out.bytes.len();
            self.write_respondent(&mut out, &mut buf, &mut rng, &ctx, resp, i + 1, *role);
            if resp.vsv == 0 && *role != Role::Duplicate {
                own.extend_from_slice(&out.bytes[start..]);
            }
            if *role == Role::Duplicate {
                carry.extend_from_slice(&out.bytes[start..]);
                duplicates.push(String::from_utf8_lossy(&buf.id.bytes).into_owned());
            }
        }
        let path = prem_path(quarter);
        if out.bad {
            return Err(SampleError::Encoding { path });
        }
        let own = SampleFile {
            path: format!("{}/{}", together_first(&self.opts), path),
            bytes: own,
        };
        Ok((
            SampleFile {
                path,
                bytes: out.bytes,
            },
            own,
        ))
    }

    /// One respondent: a row per care type received, each with the same number and
    /// background.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn write_respondent(
        &self,
        out: &mut Out1252,
        buf: &mut Buffers,
        rng: &mut ChaCha8Rng,
        ctx: &QuarterCtx,
        resp: &Resp,
        seq: usize,
        role: Role,
    ) {
        buf.id_and_background(ctx, resp, seq, role);
        for (care, care_name) in CARE_TYPES.iter().enumerate() {
            if care == 1 && !resp.hospital {
                continue;
            }
            let vsv = &self.vsvs[resp.vsv];
            let org = match care {
                0 => &vsv.practices[resp.practice as usize],
                1 => &vsv.hospital,
                _ => &vsv.kraamzorg[resp.kraamzorg as usize],
            };
            out.bytes.extend_from_slice(&buf.id.bytes);
            out.byte(b';');
            out.bytes.extend_from_slice(&vsv.csv);
            out.byte(b';');
            out.bytes.extend_from_slice(&org.csv);
            out.byte(b';');
            out.text(care_name);
            out.byte(b';');
            out.bytes.extend_from_slice(&buf.background.bytes);

            let answers = write_answers(out, rng, ctx, resp, role, care, vsv, org);
            write_open_answers(out, &mut buf.text, rng, role, care, &answers);
            out.text("\r\n");
        }
    }
}

pub(super) struct QuarterCtx {
    pub(super) quarter: Quarter,
    pub(super) qi: usize,
    pub(super) first_day: NaiveDate,
    pub(super) decline: f64,
    pub(super) improved: f64,
}

/// Reused buffers of the PREM writer.
#[derive(Default)]
pub(super) struct Buffers {
    pub(super) id: Out1252,
    pub(super) background: Out1252,
    pub(super) text: String,
}

impl Buffers {
    /// The respondent's number (e.g. R2026300123) and background, the same on every row
    /// of the respondent.
    pub(super) fn id_and_background(
        &mut self,
        ctx: &QuarterCtx,
        resp: &Resp,
        seq: usize,
        role: Role,
    ) {
        let id = &mut self.id;
        id.bytes.clear();
        id.byte(b'R');
        id.num(ctx.quarter.year.unsigned_abs());
        id.num(ctx.quarter.q);
        id.padded(seq, 5);
        // Background: the same on every row of the respondent.
        let bg = &mut self.background;
        bg.bytes.clear();
        let date = ctx.first_day + Days::new(resp.day.into());
        if role == Role::BadDate {
            let bad = BAD_DATES[ctx.qi % BAD_DATES.len()];
            bg.text(bad);
            if bad.ends_with('-') {
                bg.num(date.year().unsigned_abs());
            }
        } else {
            bg.date(date, resp.date_style, resp.minute);
        }
        bg.byte(b';');
        bg.text(PARITY[resp.parity as usize]);
        bg.byte(b';');
        match resp.age {
            Age::Empty => {}
            Age::Years(y) => bg.num(u32::from(y)),
            Age::Band(y) => bg.text(match y {
                0..=24 => "<25",
                25..=29 => "25-29",
                30..=34 => "30-34",
                _ => "35 of ouder",
            }),
        }
        bg.byte(b';');
        bg.text(EDUCATION[resp.education as usize]);
        bg.byte(b';');
        bg.text(PLACES[resp.place as usize]);
    }
}

/// The drawn answers of one row, as far as the open answers depend on them.
pub(super) struct RowAnswers {
    /// Items from here on are left empty (a respondent who stopped).
    pub(super) break_off: usize,
    /// The theme item with the lowest and highest residual.
    pub(super) worst: (f64, usize),
    pub(super) best: (f64, usize),
}

/// The closed answers of one row: the latent level of this respondent for this care type,
/// plus the effects of VSV, organisation, theme and quarter.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_answers(
    out: &mut Out1252,
    rng: &mut ChaCha8Rng,
    ctx: &QuarterCtx,
    resp: &Resp,
    role: Role,
    care: usize,
    vsv: &Vsv,
    org: &Org,
) -> RowAnswers {
    let level = resp.latent + 0.5 * normal(rng);
    let common = CARE_OFFSET[care] + org.effect + LOADING * level;
    let break_off = if rng.random_bool(0.01) {
        rng.random_range(3..ITEMS.len())
    } else {
        ITEMS.len()
    };
    let mut worst = (f64::INFINITY, usize::MAX);
    let mut best = (f64::NEG_INFINITY, usize::MAX);
    let mut effect_sum = 0.0;
    for (k, item) in ITEMS.iter().enumerate() {
        out.byte(b';');
        let planted_here = care == 0
            && ((role == Role::OutOfRange && k == OUT_OF_RANGE_ITEM)
                || (role == Role::UnknownLabel && k == UNKNOWN_LABEL_ITEM));
        if planted_here {
            out.text(if role == Role::OutOfRange {
                if ctx.qi % 2 == 0 {
                    "11"
                } else {
                    "0"
                }
            } else {
                UNKNOWN_LABELS[ctx.qi % UNKNOWN_LABELS.len()]
            });
            continue;
        }
        let u: f64 = rng.random();
        let noise = normal(rng);
        if k >= break_off || u < 0.025 {
            continue;
        }
        if u < 0.025 + item.nvt[care] {
            out.text("n.v.t.");
            continue;
        }
        let value = match k {
            GRADE => {
                let x = item.mean
                    + 0.85 * level
                    + org.effect
                    + 0.3 * effect_sum / THEMES as f64
                    + 0.6 * noise;
                if rng.random_bool(0.005) {
                    // A half grade with a decimal comma: valid, e.g. "8,5".
                    let whole = x.floor().clamp(1.0, 9.0) as u32;
                    out.num(whole);
                    out.text(",5");
                    continue;
                }
                x.round().clamp(1.0, 10.0)
            }
            RECOMMEND => {
                let x = item.mean
                    + 1.1 * level
                    + org.effect
                    + 0.3 * effect_sum / THEMES as f64
                    + 0.8 * noise;
                x.round().clamp(0.0, 10.0)
            }
            _ => {
                let mut effect = vsv.theme_effect[k];
                if k == DECLINING_ITEM {
                    effect += ctx.decline;
                }
                if k == IMPROVING_ITEM && resp.vsv == IMPROVING_VSV_INDEX {
                    effect += ctx.improved;
                }
                effect_sum += effect;
                let residual = effect + NOISE * noise;
                if residual < worst.0 {
                    worst = (residual, k);
                }
                if residual > best.0 {
                    best = (residual, k);
                }
                (item.mean + common + residual).round().clamp(1.0, 10.0)
            }
        };
        out.num(value as u32);
    }

    RowAnswers {
        break_off,
        worst,
        best,
    }
}

/// The two open answers of one row, tied to its worst and best themes.
pub(super) fn write_open_answers(
    out: &mut Out1252,
    text_buf: &mut String,
    rng: &mut ChaCha8Rng,
    role: Role,
    care: usize,
    answers: &RowAnswers,
) {
    out.byte(b';');
    if care == 0 && role == Role::Quoted {
        out.field(QUOTED_TEXT);
    } else if answers.break_off == ITEMS.len() {
        let p = if answers.worst.0 < -1.5 { 0.42 } else { 0.18 };
        if rng.random_bool(p) {
            let theme = if answers.worst.1 < THEMES && rng.random_bool(0.6) {
                answers.worst.1
            } else {
                rng.random_range(0..THEMES)
            };
            let text = choose(rng, IMPROVEMENTS[theme]);
            push_open(out, text_buf, rng, text);
        }
    }
    out.byte(b';');
    if answers.break_off == ITEMS.len() {
        let p = if answers.best.0 > 1.0 { 0.36 } else { 0.2 };
        if rng.random_bool(p) {
            let text = if rng.random_bool(0.3) {
                choose(rng, &GENERAL_COMPLIMENTS)
            } else {
                choose(rng, COMPLIMENTS[care])
            };
            push_open(out, text_buf, rng, text);
        }
    }
}

/// What is planted on a respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Plain,
    BadDate,
    OutOfRange,
    UnknownLabel,
    Quoted,
    Duplicate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateStyle {
    Dash,
    Slash,
    Iso,
    WithTime,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Age {
    Empty,
    Years(u8),
    Band(u8),
}

/// A PREM respondent; answers are drawn while writing.
#[derive(Debug, Clone, Copy)]
pub(super) struct Resp {
    pub(super) vsv: usize,
    pub(super) practice: u8,
    pub(super) kraamzorg: u8,
    pub(super) hospital: bool,
    pub(super) day: u16,
    pub(super) minute: u16,
    pub(super) date_style: DateStyle,
    pub(super) parity: u8,
    pub(super) age: Age,
    pub(super) education: u8,
    pub(super) place: u8,
    pub(super) latent: f64,
}

impl Resp {
    pub(super) fn draw(rng: &mut ChaCha8Rng, v: usize, vsv: &Vsv, days: i64) -> Resp {
        let practice = pick(rng, &vsv.practice_weights) as u8;
        let kraamzorg = pick(rng, &vsv.kraamzorg_weights) as u8;
        let day = rng.random_range(0..days) as u16;
        let minute = rng.random_range(6 * 60..24 * 60) as u16;
        let u: f64 = rng.random();
        let date_style = if u < 0.05 {
            DateStyle::Slash
        } else if u < 0.08 {
            DateStyle::Iso
        } else if u < 0.095 {
            DateStyle::WithTime
        } else {
            DateStyle::Dash
        };
        let u: f64 = rng.random();
        let parity = if u < 0.02 {
            2
        } else if u < 0.46 {
            0
        } else {
            1
        };
        let years = (31.0 + 4.6 * normal(rng)).round().clamp(20.0, 44.0) as u8;
        let u: f64 = rng.random();
        let age = if u < 0.02 {
            Age::Empty
        } else if u < 0.08 {
            Age::Band(years)
        } else {
            Age::Years(years)
        };
        let education = if rng.random_bool(0.01) {
            3
        } else {
            pick(rng, &[0.22, 0.38, 0.40]) as u8
        };
        let place = pick(rng, &[0.16, 0.38, 0.30, 0.16]) as u8;
        let hospital = place == 1 || place == 2 || rng.random_bool(0.08);
        let bad_experience = if rng.random_bool(0.06) { 2.5 } else { 0.0 };
        let first_child = if parity == 0 { 0.15 } else { 0.0 };
        let latent = normal(rng) - bad_experience - first_child;
        Resp {
            vsv: v,
            practice,
            kraamzorg,
            hospital,
            day,
            minute,
            date_style,
            parity,
            age,
            education,
            place,
            latent,
        }
    }
}

/// An open answer, now and then with fake personal data appended.
pub(super) fn push_open(out: &mut Out1252, buf: &mut String, rng: &mut ChaCha8Rng, text: &str) {
    if rng.random_bool(0.025) {
        buf.clear();
        buf.push_str(text);
        buf.push_str(choose(rng, &PERSONAL));
        out.field(buf);
    } else {
        out.field(text);
    }
}
