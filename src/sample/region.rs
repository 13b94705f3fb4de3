//! The region drawn once: its VSVs, their organisations (practices, hospital, kraamzorg),
//! sizes and effects, and the respondents per quarter.

use super::*;

/// The first VSVs and the town of their hospital.
pub(super) const REGIONS: [(&str, &str); 8] = [
    ("VSV Alkmaar", "Alkmaar"),
    ("VSV Zaanstreek", "Zaandam"),
    ("VSV Haarlem", "Haarlem"),
    ("VSV Amstelland", "Amstelveen"),
    ("VSV Gooi en Vecht", "Hilversum"),
    ("VSV Purmerend", "Purmerend"),
    ("VSV Den Helder", "Den Helder"),
    ("VSV West-Friesland", "Hoorn"),
];

pub(super) const PRACTICES: [&str; 16] = [
    "Verloskundigenpraktijk De Wieg",
    "Verloskundigen Noord",
    "Verloskundigenpraktijk Één",
    "Verloskundigenpraktijk Het Ooievaarsnest",
    "Verloskundigenpraktijk De Bakermat",
    "Verloskundigen aan Zee",
    "Verloskundigenpraktijk Levenslicht",
    "Verloskundigenpraktijk Zwanger & Zo",
    "Verloskundigenpraktijk De Geboorteboom",
    "Verloskundigen Oost",
    "Verloskundigenpraktijk Moeder & Kind",
    "Verloskundigenpraktijk Anaïs",
    "Verloskundigenpraktijk De Levensboom",
    "Verloskundigen Centrum",
    "Verloskundigenpraktijk Bloesem",
    "Verloskundigenpraktijk De Duinen",
];

pub(super) const KRAAMZORG: [&str; 10] = [
    "Kraamzorg Het Nest",
    "Kraamzorg Hélène",
    "Kraamzorg De Ooievaar",
    "Kraamzorg Kraamvogel",
    "Kraamzorg Mama & Co",
    "Kraamzorg Beschuit met Muisjes",
    "Kraamzorg Eigen Wijs",
    "Kraamzorg De Kraamhoek",
    "Kraamzorg Zoë",
    "Kraamzorg Welkom Thuis",
];

pub(super) struct Org {
    /// The name as a field of the `;`-export (Windows-1252, quoted if needed).
    pub(super) csv: Vec<u8>,
    pub(super) effect: f64,
}

impl Org {
    /// An organisation with a small effect of its own (sd 0.1 point).
    pub(super) fn new(name: String, rng: &mut ChaCha8Rng) -> Result<Org, SampleError> {
        Ok(Org {
            csv: field_1252(&name)?,
            effect: 0.1 * normal(rng),
        })
    }
}

pub(super) struct Vsv {
    pub(super) name: String,
    /// The name as a field of the `;`-export.
    pub(super) csv: Vec<u8>,
    pub(super) practices: Vec<Org>,
    pub(super) practice_weights: Vec<f64>,
    pub(super) hospital: Org,
    pub(super) kraamzorg: Vec<Org>,
    pub(super) kraamzorg_weights: Vec<f64>,
    /// Typical respondents per quarter.
    pub(super) size: f64,
    /// Effect per PREM theme (0–10 points).
    pub(super) theme_effect: [f64; THEMES],
    /// Effect per local theme (latent units).
    pub(super) local_effect: [f64; 3],
}

impl Vsv {
    /// The VSV at `v`: its organisations, size and effects. `counters` count the names
    /// taken from the practice and kraamzorg pools so far.
    pub(super) fn draw(
        rng: &mut ChaCha8Rng,
        v: usize,
        name: String,
        small: Option<usize>,
        per_quarter: usize,
        counters: &mut (usize, usize),
    ) -> Result<Vsv, SampleError> {
        let place = match REGIONS.get(v) {
            Some((_, place)) => (*place).to_string(),
            None => format!("Regio {}", v + 1),
        };
        let org = |pool: &[&str], counter: &mut usize, rng: &mut ChaCha8Rng| {
            let base = pool[*counter % pool.len()];
            let name = if *counter < pool.len() {
                base.to_string()
            } else {
                format!("{base} {place}")
            };
            *counter += 1;
            Org::new(name, rng)
        };
        let n_practices = rng.random_range(2..=4);
        let mut practices = Vec::with_capacity(n_practices);
        let mut practice_weights = Vec::with_capacity(n_practices);
        let mut w = 1.0;
        for _ in 0..n_practices {
            practices.push(org(&PRACTICES, &mut counters.0, rng)?);
            practice_weights.push(w);
            w *= rng.random_range(0.3..0.75);
        }
        let hospital = Org::new(format!("Ziekenhuis {place}"), rng)?;
        let n_kraam = if rng.random_bool(0.6) { 2 } else { 1 };
        let mut kraamzorg = Vec::with_capacity(n_kraam);
        for _ in 0..n_kraam {
            kraamzorg.push(org(&KRAAMZORG, &mut counters.1, rng)?);
        }
        let kraamzorg_weights = [0.7, 0.3][..n_kraam].to_vec();
        let factor = if Some(v) == small {
            rng.random_range(0.3..0.38)
        } else if v == WORSE_VSV_INDEX {
            rng.random_range(0.7..1.3)
        } else {
            rng.random_range(0.45..1.3)
        };
        let mut theme_effect = [0.0; THEMES];
        for e in &mut theme_effect {
            *e = rng.random_range(-0.2..0.2);
        }
        let mut local_effect = [0.0; 3];
        for e in &mut local_effect {
            *e = rng.random_range(-0.15..0.15);
        }
        if v == WORSE_VSV_INDEX {
            local_effect[LOCAL_WORSE_THEME] = -LOCAL_WORSE_SHIFT;
        }
        Ok(Vsv {
            csv: field_1252(&name)?,
            name,
            practices,
            practice_weights,
            hospital,
            kraamzorg,
            kraamzorg_weights,
            size: factor * per_quarter as f64,
            theme_effect,
            local_effect,
        })
    }
}

pub(super) struct Plan {
    pub(super) opts: SampleOptions,
    pub(super) quarters: Vec<Quarter>,
    pub(super) vsvs: Vec<Vsv>,
    /// PREM respondents per quarter per VSV.
    pub(super) counts: Vec<Vec<usize>>,
    /// Local enquête respondents per quarter per VSV.
    pub(super) local_counts: Vec<Vec<usize>>,
    /// The deliberately small VSV.
    pub(super) small: Option<usize>,
}

impl Plan {
    pub(super) fn new(opts: &SampleOptions) -> Result<Plan, SampleError> {
        opts.validate()?;
        let mut rng = stream(opts.seed, 0);
        let quarters = quarter_list(opts);
        let small = match opts.vsvs {
            1 => None,
            2 => Some(0),
            n => Some(n - 1),
        };
        // Organisations take names from the pools in turn, across VSVs.
        let mut counters = (0, 0);
        let mut vsvs = Vec::with_capacity(opts.vsvs);
        for (v, name) in vsv_names(opts.vsvs).into_iter().enumerate() {
            vsvs.push(Vsv::draw(
                &mut rng,
                v,
                name,
                small,
                opts.per_quarter,
                &mut counters,
            )?);
        }
        // The worse VSV lies WORSE_SHIFT below the mean of the others on WORSE_THEME, whatever
        // their own small effects.
        if vsvs.len() > WORSE_VSV_INDEX {
            let others: Vec<f64> = vsvs
                .iter()
                .enumerate()
                .filter(|(v, _)| *v != WORSE_VSV_INDEX)
                .map(|(_, vsv)| vsv.theme_effect[WORSE_ITEM])
                .collect();
            let level = others.iter().sum::<f64>() / others.len() as f64;
            vsvs[WORSE_VSV_INDEX].theme_effect[WORSE_ITEM] = level - WORSE_SHIFT;
        }
        let mut counts = Vec::with_capacity(quarters.len());
        let mut local_counts = Vec::with_capacity(quarters.len());
        for _ in &quarters {
            let mut row = Vec::with_capacity(vsvs.len());
            let mut local = Vec::with_capacity(vsvs.len());
            for vsv in &vsvs {
                let n = (vsv.size * rng.random_range(0.85..1.15)).round().max(3.0);
                row.push(n as usize);
                local.push((n * rng.random_range(0.25..0.40)).round().max(1.0) as usize);
            }
            counts.push(row);
            local_counts.push(local);
        }
        // An Excel sheet holds about a million rows: thin the local enquête to fit.
        let local_total: usize = local_counts.iter().flatten().sum();
        if local_total > XLSX_MAX_DATA_ROWS {
            let scale = XLSX_MAX_DATA_ROWS as f64 / local_total as f64;
            for n in local_counts.iter_mut().flatten() {
                *n = (*n as f64 * scale).floor() as usize;
            }
        }
        Ok(Plan {
            opts: opts.clone(),
            quarters,
            vsvs,
            counts,
            local_counts,
            small,
        })
    }

    /// The latent shift of the declining theme in quarter `qi`.
    pub(super) fn decline(&self, qi: usize) -> f64 {
        let from_end = self.quarters.len() - 1 - qi;
        match from_end {
            0 => -DECLINE_SHIFT[2],
            1 => -DECLINE_SHIFT[1],
            2 => -DECLINE_SHIFT[0],
            _ => 0.0,
        }
    }
}
