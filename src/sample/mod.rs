//! Synthetic sample data for `prem sample`: realistic exports, a codebook, a `prem.toml`,
//! an actions register and a README, so users and tests have data to run on.
//!
//! [`generate`] returns the files (paths relative to the output folder):
//!
//! - `exports/prem-<YYYY>-K<q>.csv`: one PREM Geboortezorg export per quarter in the long
//!   layout (one row per respondent × care type), saved as a Dutch Excel saves CSV:
//!   `;`-separated, Windows-1252, CRLF, fields quoted only when needed.
//! - `exports/lokale-enquete.xlsx`: a local enquête as Microsoft Forms/Excel exports it
//!   (title and export date above the header on row 3, answers as text labels).
//! - `lokale-enquete.toml`: the codebook of that enquête.
//! - `prem.toml`: an analysis of both sources.
//! - `acties.csv`: an actions register.
//! - `participatie.csv`: a participation register (a year of client participation).
//! - `README.md`: what is synthetic and what was planted.
//!
//! Planted effects, for tests and demonstrations: the VSV at [`WORSE_VSV_INDEX`] scores about
//! [`WORSE_BY`] points lower on [`WORSE_THEME`]; [`DECLINING_THEME`] drops by [`DECLINE`] in
//! the last three quarters in every VSV; [`IMPROVING_THEME`] rises by [`IMPROVE_BY`] at the
//! VSV at [`IMPROVING_VSV_INDEX`] after its action in `acties.csv`. Planted data-quality problems: [`DUPLICATES`]
//! respondents repeated in the next quarter's file, and per file one unparseable date, one
//! out-of-range answer and one unknown label.
//!
//! Every random number comes from a ChaCha8 generator seeded with [`SampleOptions::seed`]
//! (one stream per file) and no hash map is iterated, so the same options give
//! byte-identical files. The files are built in memory: roughly 0.6 kB per PREM respondent
//! (the national scale of 71 VSVs × 12 quarters × 600 gives about 240 MB in a few seconds).

use chrono::{Datelike, Days, NaiveDate};
use encoding_rs::WINDOWS_1252;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The VSV (0-based, in [`vsv_names`] order) that scores clearly worse on [`WORSE_THEME`].
pub const WORSE_VSV_INDEX: usize = 1;
/// Theme id (PREM codebook) on which the VSV at [`WORSE_VSV_INDEX`] scores worse.
pub const WORSE_THEME: &str = "informatievoorziening";
/// Theme id (PREM codebook) that declines in the last three quarters, in every VSV.
pub const DECLINING_THEME: &str = "bereikbaarheid";
/// The VSV (0-based) whose [`IMPROVING_THEME`] rises after its action A3 in `acties.csv`
/// (started in the fourth quarter from the end): the follow-up of an action shows an effect.
pub const IMPROVING_VSV_INDEX: usize = 2;
/// Theme id (PREM codebook) that rises at [`IMPROVING_VSV_INDEX`] after its action.
pub const IMPROVING_THEME: &str = "continuiteit";
/// The latent rise (0–10 points) of [`IMPROVING_THEME`] in the quarters after the action.
pub const IMPROVE_BY: f64 = 0.9;
/// How much lower (0–10 points) the worse VSV scores on [`WORSE_THEME`].
pub const WORSE_BY: f64 = 1.2;
/// Drop (0–10 points, relative to the earlier level) of [`DECLINING_THEME`] in the
/// third-last, second-last and last quarter.
pub const DECLINE: [f64; 3] = [0.5, 1.0, 1.6];
/// Respondents of one quarter's file repeated (same number, care types and answers) at the
/// top of the next quarter's file; see [`duplicate_quarters`].
pub const DUPLICATES: usize = 2;

/// The care types of the PREM export, in row order per respondent.
pub const CARE_TYPES: [&str; 3] = ["Verloskundigenpraktijk", "Ziekenhuis", "Kraamzorg"];

/// The header of the PREM exports, column by column.
pub const PREM_COLUMNS: [&str; 26] = [
    "Respondentnummer",
    "VSV",
    "Zorgaanbieder",
    "Zorgsoort",
    "Datum ingevuld",
    "Eerste kind",
    "Leeftijd",
    "Opleidingsniveau",
    "Plaats bevalling",
    "Persoonlijke aandacht",
    "Informatievoorziening",
    "Samen beslissen",
    "Vertrouwen",
    "Bejegening",
    "Bereikbaarheid",
    "Samenwerking",
    "Continuïteit",
    "Emotionele steun",
    "Betrokkenheid partner",
    "Voorbereiding",
    "Pijnbestrijding",
    "Nazorg",
    "Rapportcijfer",
    "Aanbevelen",
    "Verbeterpunten",
    "Complimenten",
];

/// The header of the local enquête (row 3 of sheet `Antwoorden`), column by column.
pub const LOCAL_COLUMNS: [&str; 15] = [
    "ID",
    "Starttijd",
    "VSV",
    "Was dit uw eerste kind?",
    "Wat is uw leeftijd?",
    LOCAL_ITEMS[0].text,
    LOCAL_ITEMS[1].text,
    LOCAL_ITEMS[2].text,
    LOCAL_ITEMS[3].text,
    LOCAL_ITEMS[4].text,
    LOCAL_ITEMS[5].text,
    LOCAL_ITEMS[6].text,
    LOCAL_ITEMS[7].text,
    LOCAL_ITEMS[8].text,
    "Opmerkingen",
];

/// Options of `prem sample`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleOptions {
    /// Number of VSVs (1–200).
    pub vsvs: usize,
    /// Number of quarters (1–40), ending with `last_quarter`.
    pub quarters: usize,
    /// Typical PREM respondents per VSV per quarter (10–5000); a VSV's size lies between
    /// about 0.3× and 1.3× this.
    pub per_quarter: usize,
    /// Seed of the random generator: the same options give byte-identical files.
    pub seed: u64,
    /// The newest quarter, as (year, quarter 1–4).
    pub last_quarter: (i32, u32),
    /// `[analysis] output` of the generated prem.toml (relative to it).
    pub reports: String,
}

impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions {
            vsvs: 8,
            quarters: 8,
            per_quarter: 150,
            seed: 1,
            last_quarter: (2026, 3),
            reports: "reports".to_string(),
        }
    }
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Why sample data could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// An option lies outside its allowed range.
    #[error("--{option} {value}: expected a number from {min} to {max}")]
    OutOfRange {
        /// The option's command-line name.
        option: &'static str,
        /// The value given.
        value: usize,
        /// Smallest allowed value.
        min: usize,
        /// Largest allowed value.
        max: usize,
    },
    /// The last quarter is not a quarter 1–4 of a supported year.
    #[error("last quarter {year}-K{quarter}: expected a quarter 1–4 of a year from 1950 to 2200")]
    LastQuarter {
        /// The year given.
        year: i32,
        /// The quarter given.
        quarter: u32,
    },
    /// Writing the spreadsheet failed.
    #[error("{path}: writing the spreadsheet failed: {source}")]
    Xlsx {
        /// The file being written.
        path: String,
        /// The library's error.
        #[source]
        source: XlsxError,
    },
    /// Writing a CSV file failed.
    #[error("{path}: writing the CSV failed: {source}")]
    Csv {
        /// The file being written.
        path: String,
        /// The library's error.
        #[source]
        source: csv::Error,
    },
    /// A text could not be encoded as Windows-1252 (a bug in the sample texts).
    #[error("{path}: the text holds a character that Windows-1252 cannot encode")]
    Encoding {
        /// The file being written.
        path: String,
    },
}

impl SampleOptions {
    /// Checks the options' ranges: vsvs 1–200, quarters 1–40, per_quarter 10–5000, last
    /// quarter 1–4 of a year 1950–2200.
    pub fn validate(&self) -> Result<(), SampleError> {
        for (option, value, min, max) in [
            ("vsvs", self.vsvs, 1, 200),
            ("quarters", self.quarters, 1, 40),
            ("per-quarter", self.per_quarter, 10, 5000),
        ] {
            if !(min..=max).contains(&value) {
                return Err(SampleError::OutOfRange {
                    option,
                    value,
                    min,
                    max,
                });
            }
        }
        let (year, quarter) = self.last_quarter;
        if !(1..=4).contains(&quarter) || !(1950..=2200).contains(&year) {
            return Err(SampleError::LastQuarter { year, quarter });
        }
        Ok(())
    }
}

/// Generates every sample file: the PREM exports (oldest quarter first), the local enquête,
/// its codebook, `prem.toml`, `acties.csv` and `README.md`.
pub fn generate(opts: &SampleOptions) -> Result<Vec<SampleFile>, SampleError> {
    let plan = Plan::new(opts)?;
    // The spreadsheet takes longest; it is written on a second thread. Both parts draw from
    // their own random streams, so the result does not depend on the scheduling.
    let (prem, local) = std::thread::scope(|scope| {
        let local = scope.spawn(|| plan.local_xlsx());
        let prem = plan.prem_exports();
        let local = local
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (prem, local)
    });
    let (prem, duplicates) = prem?;
    let (mut files, own): (Vec<SampleFile>, Vec<SampleFile>) = prem
        .into_iter()
        .partition(|f| !f.path.starts_with(TOGETHER));
    files.push(local?);
    files.push(text_file("lokale-enquete.toml", local_codebook()));
    files.push(text_file("prem.toml", prem_toml(&opts.reports)));
    files.push(SampleFile {
        path: "acties.csv".to_string(),
        bytes: plan.actions_csv()?,
    });
    files.push(SampleFile {
        path: crate::registers::participation::DEFAULT_FILE.to_string(),
        bytes: plan.participation_csv()?,
    });
    files.push(text_file("README.md", plan.readme(&duplicates)));
    files.extend(own);
    files.extend(together_files(opts));
    Ok(files)
}

/// The folder of the comparison without pooling (spec §10): one VSV's own exports and
/// config, the other VSVs' shared files, a coordinator's config, the standard population.
pub const TOGETHER: &str = "samen";

/// The folder of the first VSV in [`TOGETHER`].
fn together_first(opts: &SampleOptions) -> String {
    let first = vsv_names(opts.vsvs).into_iter().next().unwrap_or_default();
    format!("{TOGETHER}/{}", crate::layout::slug(&first))
}

/// The sample's open answers are made up, so prem's own proposals may be quoted before a
/// person read them; a real export's config leaves this out (`review = "required"`).
const SAMPLE_QUOTES: &str =
    "\n# The open answers of this sample are made up: quotes may come from prem's\n\
    # proposals before anyone read them. Leave this out for real exports: then no quote\n\
    # appears before you set it to 'ja' in opmerkingen-<periode>.xlsx.\n\
    [quotes]\nreview = \"auto\"\n";

/// The written part of [`TOGETHER`]: the standard population and both configs. The shared
/// files are computed from the written exports by [`together_shared`].
fn together_files(opts: &SampleOptions) -> Vec<SampleFile> {
    let names = vsv_names(opts.vsvs);
    let first = names.first().cloned().unwrap_or_default();
    let slug = crate::layout::slug(&first);
    let vsv_toml = format!(
        "# prem.toml of {first} alone: its own PREM export, compared with the other VSVs of the\n\
         # region through the files they shared (`prem share`), without any of their client data.\n\n\
         [analysis]\nname = {name}\nperiod = \"quarter\"\nlanguage = \"nl\"\noutput = \"reports\"\n\n\
         [privacy]\nmin_n = 10\nindicative_n = 30\n{SAMPLE_QUOTES}\n\
         # Every VSV that shares standardises against the same standard population.\n\
         [casemix]\nstandard = \"../standaard.csv\"\n\n\
         # The files the other VSVs sent.\n\
         [[peer]]\nfiles = [\"../gedeeld/*.json\"]\n\n\
         # The national means as mijnPerined's benchmark shows them (synthetic here).\n\
         [benchmark]\nnational = \"../landelijk.csv\"\n\n\
         [[source]]\nname = \"prem\"\nfiles = [\"exports/prem-*.csv\"]\ncodebook = \"prem-geboortezorg\"\n\
         date_order = \"dmy\"\n[source.columns]\nrespondent = \"Respondentnummer\"\nvsv = \"VSV\"\n\
         organisation = \"Zorgaanbieder\"\ncare_type = \"Zorgsoort\"\ndate = \"Datum ingevuld\"\n\
         parity = \"Eerste kind\"\nage = \"Leeftijd\"\neducation = \"Opleidingsniveau\"\n\
         place_of_birth = \"Plaats bevalling\"\n",
        name = toml_str(&first),
    );
    let coordinator_toml = format!(
        "# prem.toml of the region's coordinator: no exports at all, only the files the VSVs\n\
         # shared. The region's agenda and charts come from these aggregates alone.\n\n\
         [analysis]\nname = \"Regio Noord-Holland Noord\"\nperiod = \"quarter\"\nlanguage = \"nl\"\n\
         output = \"reports\"\n\n[privacy]\nmin_n = 10\nindicative_n = 30\n\n\
         [casemix]\nstandard = \"../standaard.csv\"\n\n\
         [[peer]]\nfiles = [\"../gedeeld/*.json\", \"../{slug}/{slug}.json\"]\n\
         codebooks = [\"prem-geboortezorg\"]\n"
    );
    vec![
        text_file(
            &format!("{TOGETHER}/standaard.csv"),
            STANDARD_CSV.to_string(),
        ),
        text_file(&format!("{TOGETHER}/landelijk.csv"), national_csv(opts)),
        text_file(&format!("{TOGETHER}/{slug}/prem.toml"), vsv_toml),
        text_file(&format!("{TOGETHER}/regio/prem.toml"), coordinator_toml),
    ]
}

/// A synthetic national reference for the last quarter: some themes with n and sd (so the
/// agenda can say higher or lower), some with the mean only, as a benchmark is often typed.
fn national_csv(opts: &SampleOptions) -> String {
    let (year, quarter) = opts.last_quarter;
    let rows = [
        ("persoonlijke_aandacht", "8,5", "5210", "1,3"),
        ("informatievoorziening", "8,3", "5210", "1,4"),
        ("samen_beslissen", "8,2", "", ""),
        ("bereikbaarheid", "7,9", "5180", "1,5"),
        ("continuiteit", "8,0", "", ""),
    ];
    let mut s = String::from("thema;periode;gemiddelde;n;sd\n");
    for (theme, mean, n, sd) in rows {
        s.push_str(&format!("{theme};{year}-K{quarter};{mean};{n};{sd}\n"));
    }
    s
}

/// An example standard population (parity × age band): an illustration, not an official
/// national mix; a region agrees on its own (e.g. from Perined or CBS births).
const STANDARD_CSV: &str = "pariteit;leeftijd;gewicht\n\
eerste;0;0.054\neerste;25;0.135\neerste;30;0.162\neerste;35;0.099\n\
later;0;0.026\nlater;25;0.105\nlater;30;0.243\nlater;35;0.176\n";

/// The shared files of [`TOGETHER`], computed from the sample written in `dir`: each VSV's
/// own `prem share` of the PREM export, the first VSV's beside its config and the others'
/// in `gedeeld/`, dated two weeks after the last quarter.
pub fn together_shared(
    dir: &std::path::Path,
    opts: &SampleOptions,
) -> crate::Result<Vec<SampleFile>> {
    let mut config = crate::config::Config::load(&dir.join("prem.toml"))?;
    config.sources.retain(|s| s.name == "prem");
    config.casemix.standard = Some(format!("{TOGETHER}/standaard.csv").into());
    let codebooks = crate::analysis::analyse::load_codebooks(&config)?;
    let data = crate::ingest::ingest(&config, &codebooks)?;
    let (year, quarter) = opts.last_quarter;
    let created = NaiveDate::from_ymd_opt(year, quarter * 3, 1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .and_then(|d| d.checked_add_days(chrono::Days::new(13)))
        .unwrap_or_default();
    let names = vsv_names(opts.vsvs);
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let own = data.only(&[name.as_str()]);
        // Each VSV shares from a config of its own name.
        let mut config = config.clone();
        config.analysis.name = name.clone();
        let aggregate = crate::report::share::aggregate_data(&config, &own, None, created)?;
        let slug = crate::layout::slug(name);
        let path = if i == 0 {
            format!("{TOGETHER}/{slug}/{slug}.json")
        } else {
            format!("{TOGETHER}/gedeeld/{slug}.json")
        };
        out.push(SampleFile {
            path,
            bytes: crate::report::share::to_json(&aggregate)?.into_bytes(),
        });
    }
    Ok(out)
}

/// Fast path for benchmarks: only the PREM exports, byte-identical to those of [`generate`]
/// with the same options (no spreadsheet, no config).
pub fn generate_prem_exports(opts: &SampleOptions) -> Result<Vec<SampleFile>, SampleError> {
    let files = Plan::new(opts)?.prem_exports()?.0;
    Ok(files
        .into_iter()
        .filter(|f| !f.path.starts_with(TOGETHER))
        .collect())
}

/// Names of `n` VSVs: eight real regions of Noord-Holland first, then `VSV Regio 9`,
/// `VSV Regio 10`, … (all distinct).
pub fn vsv_names(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match REGIONS.get(i) {
            Some((name, _)) => (*name).to_string(),
            None => format!("VSV Regio {}", i + 1),
        })
        .collect()
}

/// The pair of PREM files (paths) holding the planted duplicates: [`DUPLICATES`]
/// respondents of the first reappear in the second. `None` with fewer than two quarters.
pub fn duplicate_quarters(opts: &SampleOptions) -> Option<(String, String)> {
    let source = duplicate_source(opts.quarters)?;
    let quarters = quarter_list(opts);
    Some((prem_path(quarters[source]), prem_path(quarters[source + 1])))
}

// ---------------------------------------------------------------------------------------
// Fixed content: regions, organisations, items, texts.

/// The first VSVs and the town of their hospital.
const REGIONS: [(&str, &str); 8] = [
    ("VSV Alkmaar", "Alkmaar"),
    ("VSV Zaanstreek", "Zaandam"),
    ("VSV Haarlem", "Haarlem"),
    ("VSV Amstelland", "Amstelveen"),
    ("VSV Gooi en Vecht", "Hilversum"),
    ("VSV Purmerend", "Purmerend"),
    ("VSV Den Helder", "Den Helder"),
    ("VSV West-Friesland", "Hoorn"),
];

const PRACTICES: [&str; 16] = [
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

const KRAAMZORG: [&str; 10] = [
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

/// A PREM item column: its theme id (none for the overall questions), the mean of the
/// latent answer and the share of `n.v.t.` per care type.
struct PremItem {
    theme: Option<&'static str>,
    mean: f64,
    nvt: [f64; 3],
}

const NVT: [f64; 3] = [0.02, 0.025, 0.025];

/// In the order of the codebook (and of [`PREM_COLUMNS`] from column 10).
const ITEMS: [PremItem; 15] = [
    item("persoonlijke_aandacht", 8.85, NVT),
    item("informatievoorziening", 8.65, NVT),
    item("samen_beslissen", 8.55, NVT),
    item("vertrouwen", 9.0, NVT),
    item("bejegening", 9.05, NVT),
    item("bereikbaarheid", 8.75, NVT),
    item("samenwerking", 8.5, NVT),
    item("continuiteit", 8.25, NVT),
    item("emotionele_steun", 8.7, NVT),
    item("betrokkenheid_partner", 8.8, [0.08, 0.07, 0.08]),
    item("voorbereiding", 8.4, [0.02, 0.04, 0.05]),
    item("pijnbestrijding", 8.3, [0.10, 0.04, 0.40]),
    item("nazorg", 8.7, [0.03, 0.06, 0.01]),
    PremItem {
        theme: None,
        mean: 8.85,
        nvt: [0.003; 3],
    },
    PremItem {
        theme: None,
        mean: 9.0,
        nvt: [0.005; 3],
    },
];

const fn item(theme: &'static str, mean: f64, nvt: [f64; 3]) -> PremItem {
    PremItem {
        theme: Some(theme),
        mean,
        nvt,
    }
}

/// Number of themed PREM items (one per theme); then the grade and the recommendation.
const THEMES: usize = 13;
const GRADE: usize = 13;
const RECOMMEND: usize = 14;
/// Item used for the planted out-of-range value and unknown label (1–10 scale).
const OUT_OF_RANGE_ITEM: usize = 6;
const UNKNOWN_LABEL_ITEM: usize = 0;

const WORSE_ITEM: usize = theme_position(WORSE_THEME);
const DECLINING_ITEM: usize = theme_position(DECLINING_THEME);
const IMPROVING_ITEM: usize = theme_position(IMPROVING_THEME);

/// Index of a theme in [`ITEMS`]; evaluated at compile time, so a missing theme does not build.
const fn theme_position(theme: &str) -> usize {
    let mut i = 0;
    while i < ITEMS.len() {
        if let Some(t) = ITEMS[i].theme {
            if str_eq(t, theme) {
                return i;
            }
        }
        i += 1;
    }
    panic!("theme not among the PREM items");
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Latent shifts that yield the nominal effects after rounding and clamping to 1–10 (the
/// ceiling at 10 eats a little of every shift).
const WORSE_SHIFT: f64 = WORSE_BY + 0.1;
const DECLINE_SHIFT: [f64; 3] = [DECLINE[0] + 0.05, DECLINE[1] + 0.08, DECLINE[2] + 0.1];

/// Offsets per care type (verloskundigenpraktijk, ziekenhuis, kraamzorg).
const CARE_OFFSET: [f64; 3] = [0.1, -0.2, 0.1];
/// Weight of the respondent's latent level in every answer, and of the answer's own noise.
const LOADING: f64 = 0.9;
const NOISE: f64 = 1.0;

const PARITY: [&str; 3] = ["Ja", "Nee", ""];
const EDUCATION: [&str; 4] = ["laag", "midden", "hoog", ""];
const PLACES: [&str; 4] = [
    "thuis",
    "ziekenhuis (poliklinisch)",
    "ziekenhuis (klinisch)",
    "geboortecentrum",
];
const UNKNOWN_LABELS: [&str; 3] = ["goed", "prima", "zeer goed"];
const BAD_DATES: [&str; 2] = ["31-02-", "onbekend"];

/// Verbeterpunten per PREM theme (in [`ITEMS`] order).
const IMPROVEMENTS: [&[&str]; THEMES] = [
    &[
        "Soms voelde ik me een nummer, de afspraken waren erg kort.",
        "Er was weinig tijd voor mijn vragen; alles ging gehaast.",
        "Ik had graag wat meer persoonlijke aandacht gehad tijdens de controles.",
    ],
    &[
        "De uitleg over de ruggenprik was niet duidelijk.",
        "Ik kreeg tegenstrijdige informatie van de verloskundige en het ziekenhuis.",
        "Meer uitleg over wat er na de bevalling gebeurt zou fijn zijn.",
        "Ik ben niet goed geïnformeerd over de mogelijkheden van pijnbestrijding.",
        "De folder was onduidelijk; ik moest alles zelf opzoeken.",
        "Goede zorg; alleen de uitleg over borstvoeding kon beter.",
    ],
    &[
        "Er werd over mijn hoofd heen beslist over het inleiden.",
        "Mijn geboorteplan is volgens mij niet gelezen.",
        "Cliënt wordt soms vergeten; onze ideeën werden niet meegenomen.",
    ],
    &[
        "Ik twijfelde soms of de arts-assistent wist wat ze deed.",
        "Na de complicaties voelde ik me niet veilig op de afdeling.",
    ],
    &[
        "Een van de verpleegkundigen was kortaf en onvriendelijk.",
        "De verloskundige zei \"dat komt wel goed\", maar ik voelde me niet serieus genomen.",
    ],
    &[
        "Ik moest lang wachten voordat de praktijk terugbelde.",
        "De praktijk was 's avonds slecht bereikbaar via de telefoon.",
        "Het duurde meer dan een uur voordat ik werd teruggebeld; dat gaf veel onrust.",
        "Telefoon werd niet opgenomen, alleen een bandje.",
        "Twee punten:\n1. langer wachten op terugbellen dan beloofd\n2. de spoedlijn was in gesprek",
    ],
    &[
        "De overdracht van de verloskundige naar het ziekenhuis ging stroef.",
        "Ik moest mijn verhaal steeds opnieuw vertellen, het dossier was niet gelezen.",
    ],
    &[
        "Steeds een andere verloskundige gezien.",
        "Drie verschillende kraamverzorgsters in één week, dat was onrustig.",
    ],
    &[
        "Na de bevalling had ik het zwaar en daar werd weinig naar gevraagd.",
        "Meer aandacht voor angst rond de bevalling zou helpen.",
    ],
    &[
        "Mijn partner werd nauwelijks betrokken bij de gesprekken.",
        "Mijn vriend mocht 's nachts niet blijven, dat vond ik moeilijk.",
    ],
    &[
        "Ik was niet goed voorbereid op de kraamtijd; een cursus was fijn geweest.",
        "Ik wist niet wat ik kon verwachten van de eerste dagen thuis.",
    ],
    &[
        "Ik kreeg de ruggenprik pas heel laat, terwijl ik er vroeg om vroeg.",
        "Remifentanil was 's nachts niet beschikbaar.",
    ],
    &[
        "Weinig hulp bij de borstvoeding in het ziekenhuis.",
        "De nacontrole na zes weken was erg kort.",
    ],
];

/// Complimenten per care type.
const COMPLIMENTS: [&[&str]; 3] = [
    &[
        "Fijne verloskundigen, ik voelde me altijd welkom.",
        "Heel persoonlijke begeleiding; ze namen echt de tijd.",
        "Dankzij de verloskundige voelde ik me goed voorbereid op de bevalling.",
        "Goed dat jullie naar onze ideeën vragen.",
    ],
    &[
        "Het team op de verloskamer was geweldig.",
        "De gynaecoloog legde alles rustig uit.",
        "Goede zorg op de kraamafdeling, ook voor mijn partner.",
        "Ondanks de drukte voelde ik me veilig.",
    ],
    &[
        "Fijne kraamverzorgster, veel aandacht voor borstvoeding!",
        "Onze kraamverzorgster was een engel, ze dacht overal aan.",
        "Heel fijne kraamweek, we hebben veel geleerd.",
        "Geweldige hulp, ook met de oudste kinderen.\nDank jullie wel!",
    ],
];

const GENERAL_COMPLIMENTS: [&str; 4] = [
    "Top!",
    "Dank jullie wel voor alle goede zorg.",
    "Alles was goed geregeld.",
    "Heel tevreden, complimenten voor het hele team.",
];

/// Planted once per file: a field that needs quoting for a newline, a `;` and a `"`.
const QUOTED_TEXT: &str = "Twee dingen:\n1. de uitleg over de ruggenprik was summier; ik wist niet wat ik kon verwachten\n2. de folder \"Na de bevalling\" kwam pas in de kraamweek";

/// Fake personal data appended to about 2 % of the open answers (for scrubbing tests).
const PERSONAL: [&str; 4] = [
    " Mail gerust: naam@voorbeeld.nl",
    " Bel me op 06-12345678 als u vragen heeft.",
    " Wij wonen in 1811 AB, vlak bij de praktijk.",
    " Groet, Sanne (s.jansen@voorbeeld.nl, 06-87654321)",
];

/// A local theme: id, label, importance, keywords.
struct LocalTheme {
    id: &'static str,
    label: &'static str,
    label_en: &'static str,
    importance: f64,
    keywords: &'static [&'static str],
}

const LOCAL_THEMES: [LocalTheme; 3] = [
    LocalTheme {
        id: "kraamtijd_steun",
        label: "Steun in de kraamtijd",
        label_en: "Support in the postnatal period",
        importance: 3.4,
        keywords: &[
            "kraamverzorgende",
            "kraamtijd",
            "borstvoeding",
            "steun",
            "herstel",
        ],
    },
    LocalTheme {
        id: "voorlichting",
        label: "Voorlichting tijdens de zwangerschap",
        label_en: "Information during pregnancy",
        importance: 3.2,
        keywords: &[
            "voorlichting",
            "uitleg",
            "informatie",
            "verwachten",
            "cursus",
        ],
    },
    LocalTheme {
        id: "digitale_bereikbaarheid",
        label: "Digitale bereikbaarheid",
        label_en: "Digital accessibility",
        importance: 3.0,
        keywords: &["app", "website", "e-mail", "chat", "antwoord", "bereikbaar"],
    },
];

/// A local question: id, theme (index into [`LOCAL_THEMES`]), text (also the column
/// header), reverse (a low frequency is good), latent mean.
struct LocalItem {
    id: &'static str,
    theme: usize,
    text: &'static str,
    reverse: bool,
    mean: f64,
}

const LOCAL_ITEMS: [LocalItem; 9] = [
    LocalItem {
        id: "kraam_voeding",
        theme: 0,
        text: "Kreeg u in de kraamtijd voldoende hulp bij het voeden van uw baby?",
        reverse: false,
        mean: 0.9,
    },
    LocalItem {
        id: "kraam_gesteund",
        theme: 0,
        text: "Voelde u zich gesteund door de kraamverzorgende?",
        reverse: false,
        mean: 1.1,
    },
    LocalItem {
        id: "kraam_herstel",
        theme: 0,
        text: "Had de kraamverzorgende aandacht voor uw herstel na de bevalling?",
        reverse: false,
        mean: 0.8,
    },
    LocalItem {
        id: "voorl_verwachten",
        theme: 1,
        text: "Kreeg u tijdens de zwangerschap duidelijke uitleg over wat u kon verwachten?",
        reverse: false,
        mean: 0.8,
    },
    LocalItem {
        id: "voorl_pijn",
        theme: 1,
        text: "Werd u goed voorgelicht over de mogelijkheden van pijnbestrijding?",
        reverse: false,
        mean: 0.5,
    },
    LocalItem {
        id: "voorl_kraamtijd",
        theme: 1,
        text: "Kreeg u informatie over de kraamtijd voordat uw baby geboren werd?",
        reverse: false,
        mean: 0.7,
    },
    LocalItem {
        id: "digi_bereiken",
        theme: 2,
        text: "Kon u de praktijk makkelijk bereiken via app, e-mail of website?",
        reverse: false,
        mean: 0.8,
    },
    LocalItem {
        id: "digi_wachten",
        theme: 2,
        text: "Moest u lang wachten op antwoord op uw vragen?",
        reverse: true,
        mean: 0.7,
    },
    LocalItem {
        id: "digi_website",
        theme: 2,
        text: "Was de informatie op de website of in de app duidelijk?",
        reverse: false,
        mean: 0.6,
    },
];

/// The local theme on which the worse VSV also scores lower (voorlichting), by this much
/// (latent units; about 1.4 points on the 0–10 score).
const LOCAL_WORSE_THEME: usize = 1;
const LOCAL_WORSE_SHIFT: f64 = 0.6;
/// The local theme that declines with [`DECLINING_THEME`] (digitale bereikbaarheid), by these
/// latent shifts in the third-last, second-last and last quarter.
const LOCAL_DECLINING_THEME: usize = 2;
const LOCAL_DECLINE: [f64; 3] = [0.25, 0.5, 0.8];

const LEVELS: [&str; 4] = ["Nooit", "Soms", "Meestal", "Altijd"];
const LEVEL_VARIANTS_LOWER: [&str; 4] = ["nooit", "soms", "meestal", "altijd"];
const LEVEL_VARIANTS_PADDED: [&str; 4] = [" Nooit ", " Soms ", " Meestal ", " Altijd "];
const LEVEL_VARIANTS_UPPER: [&str; 4] = ["NOOIT", "SOMS", "MEESTAL", "ALTIJD"];
/// Cut points of the latent goodness between nooit|soms, soms|meestal, meestal|altijd.
const CUTS: [f64; 3] = [-1.1, -0.35, 0.55];

/// Opmerkingen of the local enquête per local theme, and general ones.
const LOCAL_REMARKS: [&[&str]; 3] = [
    &[
        "De kraamverzorgende was heel lief en hielp goed met de borstvoeding.",
        "Er was weinig aandacht voor mijn herstel; alles draaide om de baby.",
    ],
    &[
        "Meer voorlichting over de kraamtijd tijdens de zwangerschap zou fijn zijn.",
        "Ik miste uitleg over pijnbestrijding tijdens de controles.",
    ],
    &[
        "Ik kreeg pas laat antwoord via de app van de praktijk.",
        "De website is onoverzichtelijk; ik kon de spoedlijn niet vinden.",
        "Het chatten met de praktijk werkte goed.",
    ],
];
const LOCAL_GENERAL: [&str; 3] = [
    "Prima zorg, dank jullie wel!",
    "Fijn dat jullie deze enquête houden.",
    "Geen opmerkingen.",
];

/// Most rows an Excel sheet holds below the three header rows.
const XLSX_MAX_DATA_ROWS: usize = 1_048_576 - 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quarter {
    year: i32,
    q: u32,
}

impl Quarter {
    /// The quarter's first day. The options keep the year within 1940–2200, far inside
    /// chrono's range, so the fallback is never taken.
    fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 3 * self.q - 2, 1).unwrap_or(NaiveDate::MIN)
    }

    fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    fn prev(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    fn days(self) -> i64 {
        (self.next().first_day() - self.first_day()).num_days()
    }

    /// Dutch label, e.g. `2026-K3`.
    fn label(self) -> String {
        format!("{}-K{}", self.year, self.q)
    }
}

fn quarter_list(opts: &SampleOptions) -> Vec<Quarter> {
    let (year, q) = opts.last_quarter;
    let mut quarter = Quarter { year, q };
    let mut list = Vec::with_capacity(opts.quarters);
    for _ in 0..opts.quarters {
        list.push(quarter);
        quarter = quarter.prev();
    }
    list.reverse();
    list
}

fn prem_path(q: Quarter) -> String {
    format!("exports/prem-{}-K{}.csv", q.year, q.q)
}

/// The quarter (index) whose duplicates reappear in the next one: the middle of the series.
fn duplicate_source(quarters: usize) -> Option<usize> {
    (quarters >= 2).then(|| quarters / 2 - 1)
}

// ---------------------------------------------------------------------------------------
// Random helpers.

/// An independent generator per part of the output, so files do not depend on each other's
/// consumption of random numbers.
fn stream(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    rng.sample(StandardNormal)
}

/// An index drawn with probability proportional to `weights`.
fn pick(rng: &mut ChaCha8Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut u = rng.random::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if u < *w {
            return i;
        }
        u -= w;
    }
    weights.len() - 1
}

fn choose<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

// ---------------------------------------------------------------------------------------
// The plan: the region's VSVs and organisations and the volumes, drawn once.

struct Org {
    /// The name as a field of the `;`-export (Windows-1252, quoted if needed).
    csv: Vec<u8>,
    effect: f64,
}

impl Org {
    /// An organisation with a small effect of its own (sd 0.1 point).
    fn new(name: String, rng: &mut ChaCha8Rng) -> Result<Org, SampleError> {
        Ok(Org {
            csv: field_1252(&name)?,
            effect: 0.1 * normal(rng),
        })
    }
}

struct Vsv {
    name: String,
    /// The name as a field of the `;`-export.
    csv: Vec<u8>,
    practices: Vec<Org>,
    practice_weights: Vec<f64>,
    hospital: Org,
    kraamzorg: Vec<Org>,
    kraamzorg_weights: Vec<f64>,
    /// Typical respondents per quarter.
    size: f64,
    /// Effect per PREM theme (0–10 points).
    theme_effect: [f64; THEMES],
    /// Effect per local theme (latent units).
    local_effect: [f64; 3],
}

impl Vsv {
    /// The VSV at `v`: its organisations, size and effects. `counters` count the names
    /// taken from the practice and kraamzorg pools so far.
    fn draw(
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

struct Plan {
    opts: SampleOptions,
    quarters: Vec<Quarter>,
    vsvs: Vec<Vsv>,
    /// PREM respondents per quarter per VSV.
    counts: Vec<Vec<usize>>,
    /// Local enquête respondents per quarter per VSV.
    local_counts: Vec<Vec<usize>>,
    /// The deliberately small VSV.
    small: Option<usize>,
}

impl Plan {
    fn new(opts: &SampleOptions) -> Result<Plan, SampleError> {
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
    fn decline(&self, qi: usize) -> f64 {
        let from_end = self.quarters.len() - 1 - qi;
        match from_end {
            0 => -DECLINE_SHIFT[2],
            1 => -DECLINE_SHIFT[1],
            2 => -DECLINE_SHIFT[0],
            _ => 0.0,
        }
    }

    /// The PREM exports, oldest first, and the numbers of the planted duplicates.
    fn prem_exports(&self) -> Result<(Vec<SampleFile>, Vec<String>), SampleError> {
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
    fn prem_quarter(
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
    fn write_respondent(
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

    /// The local enquête as an Excel workbook.
    fn local_xlsx(&self) -> Result<SampleFile, SampleError> {
        let path = "exports/lokale-enquete.xlsx".to_string();
        let xlsx = |source: XlsxError| SampleError::Xlsx {
            path: path.clone(),
            source,
        };
        let mut rng = stream(self.opts.seed, 1);
        let last = self.quarters[self.quarters.len() - 1];
        let export_date = last.next().first_day() + Days::new(6);
        let mut workbook = Workbook::new();
        let rows: usize = self.local_counts.iter().flatten().sum();
        if rows > 50_000 {
            // Large sheets: fast compression (a somewhat larger file) keeps national-scale
            // samples within seconds.
            workbook.set_zip_compression_level(1);
        }
        let created = ExcelDateTime::from_ymd(
            export_date.year() as u16,
            export_date.month() as u8,
            export_date.day() as u8,
        )
        .map_err(xlsx)?;
        workbook.set_properties(
            &DocProperties::new()
                .set_title("Enquête cliëntervaring kraamperiode")
                .set_author("prem sample")
                .set_creation_datetime(&created),
        );
        let sheet = workbook.add_worksheet();
        local_header(sheet, export_date).map_err(xlsx)?;
        let datetime = Format::new().set_num_format("dd-mm-yyyy hh:mm");
        let mut row: u32 = 3;
        let mut id = 0.0;
        for (qi, quarter) in self.quarters.iter().enumerate() {
            let first = quarter.first_day();
            let days = quarter.days();
            let mut resps: Vec<LocalResp> = Vec::new();
            for (v, &n) in self.local_counts[qi].iter().enumerate() {
                for _ in 0..n {
                    resps.push(LocalResp::draw(&mut rng, v, days));
                }
            }
            resps.sort_by_key(|r| (r.day, r.second));
            let decline = match self.quarters.len() - 1 - qi {
                from_end @ 0..=2 => -LOCAL_DECLINE[2 - from_end],
                _ => 0.0,
            };
            for r in &resps {
                id += 1.0;
                self.local_row(sheet, &mut rng, (row, id), first, decline, r, &datetime)
                    .map_err(xlsx)?;
                row += 1;
            }
        }
        sheet.set_freeze_panes(3, 0).map_err(xlsx)?;
        let bytes = workbook.save_to_buffer().map_err(xlsx)?;
        Ok(SampleFile { path, bytes })
    }

    /// One respondent's row of the local enquête: `at` is (row, respondent number).
    #[allow(clippy::too_many_arguments)]
    fn local_row(
        &self,
        sheet: &mut Worksheet,
        rng: &mut ChaCha8Rng,
        at: (u32, f64),
        first: NaiveDate,
        decline: f64,
        r: &LocalResp,
        datetime: &Format,
    ) -> Result<(), XlsxError> {
        let (row, id) = at;
        let date = first + Days::new(r.day.into());
        let start =
            ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
                .and_then(|d| {
                    d.and_hms(
                        (r.second / 3600) as u16,
                        (r.second / 60 % 60) as u8,
                        r.second % 60,
                    )
                })?;
        sheet.write_number(row, 0, id)?;
        sheet.write_datetime_with_format(row, 1, &start, datetime)?;
        let vsv = &self.vsvs[r.vsv];
        sheet.write_string(row, 2, vsv.name.as_str())?;
        if let Some(first) = r.first_child {
            sheet.write_string(row, 3, if first { "Ja" } else { "Nee" })?;
        }
        if let Some(age) = r.age {
            sheet.write_number(row, 4, age)?;
        }
        let mut worst = (f64::INFINITY, 0);
        for (k, item) in LOCAL_ITEMS.iter().enumerate() {
            let u: f64 = rng.random();
            let noise = normal(rng);
            let col = 5 + k as u16;
            if u < 0.02 {
                continue;
            }
            if u < 0.05 {
                sheet.write_string(row, col, "Weet ik niet")?;
                continue;
            }
            let mut effect = vsv.local_effect[item.theme];
            if item.theme == LOCAL_DECLINING_THEME {
                effect += decline;
            }
            let residual = effect + 0.7 * noise;
            if residual < worst.0 {
                worst = (residual, item.theme);
            }
            let z = item.mean + 0.75 * r.latent + residual;
            let good = CUTS.iter().filter(|c| z > **c).count();
            let level = if item.reverse { 3 - good } else { good };
            let v: f64 = rng.random();
            let label = if v < 0.04 {
                LEVEL_VARIANTS_LOWER[level]
            } else if v < 0.07 {
                LEVEL_VARIANTS_PADDED[level]
            } else if v < 0.08 {
                LEVEL_VARIANTS_UPPER[level]
            } else {
                LEVELS[level]
            };
            sheet.write_string(row, col, label)?;
        }
        let p = if worst.0 < -1.0 { 0.4 } else { 0.2 };
        if rng.random_bool(p) {
            let text = if rng.random_bool(0.65) {
                choose(rng, LOCAL_REMARKS[worst.1])
            } else {
                choose(rng, &LOCAL_GENERAL)
            };
            sheet.write_string(row, 14, text)?;
        }
        Ok(())
    }

    /// The actions register: one action per PDCA situation the agenda must show.
    fn actions_csv(&self) -> Result<Vec<u8>, SampleError> {
        let names: Vec<&str> = self.vsvs.iter().map(|v| v.name.as_str()).collect();
        let at = |i: usize| names[i.min(names.len() - 1)];
        let (year, q) = self.opts.last_quarter;
        let last = Quarter { year, q };
        let back = |n: usize| (0..n).fold(last, |q, _| q.prev()).first_day();
        let date =
            |from: NaiveDate, days: u64| (from + Days::new(days)).format("%Y-%m-%d").to_string();
        let rows: [[String; 9]; 4] = [
            [
                "A1".into(),
                at(0).into(),
                DECLINING_THEME.into(),
                "Terugbelbelofte invoeren: binnen 30 minuten terugbellen, telefonische bereikbaarheid wekelijks meten".into(),
                "Coördinator VSV".into(),
                date(back(2), 20),
                date(back(2), 20 + 365),
                "jaar".into(),
                "lopend".into(),
            ],
            [
                "A2".into(),
                at(WORSE_VSV_INDEX).into(),
                WORSE_THEME.into(),
                "Uitleg over pijnbestrijding (ruggenprik) herschrijven met het cliëntenpanel, in folder en op de website".into(),
                "Werkgroep voorlichting".into(),
                date(back(1), 10),
                date(back(1), 40),
                "30 dagen".into(),
                "lopend".into(),
            ],
            [
                "A3".into(),
                at(2).into(),
                "continuiteit".into(),
                "Kleine teams: dezelfde verloskundige bij de eerste drie controles".into(),
                "Praktijkhouders verloskunde".into(),
                date(back(3), 5),
                date(back(3), 95),
                "90 dagen".into(),
                "afgerond".into(),
            ],
            [
                "A4".into(),
                at(0).into(),
                "emotionele_steun".into(),
                "Bij iedere nacontrole vragen naar mentaal welbevinden (vaste vraag in het dossier)".into(),
                "Kwaliteitscommissie".into(),
                date(back(0), 15),
                date(back(0), 105),
                "90 dagen".into(),
                "gepland".into(),
            ],
        ];
        // RFC 4180 with LF line ends, quoted only where needed (as a user's own file would be).
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::with_capacity(1024));
        let csv = |source| SampleError::Csv {
            path: "acties.csv".to_string(),
            source,
        };
        out.write_record([
            "id", "vsv", "theme", "action", "owner", "start", "due", "horizon", "status",
        ])
        .map_err(csv)?;
        for row in &rows {
            out.write_record(row).map_err(csv)?;
        }
        out.into_inner()
            .map_err(|e| csv(csv::Error::from(e.into_error())))
    }

    /// The participation register: a year of activities on several steps of the ladder,
    /// some tied to actions, some fed back, and the open ends the agenda must name (old
    /// input without an action, a finished action never fed back).
    fn participation_csv(&self) -> Result<Vec<u8>, SampleError> {
        let names: Vec<&str> = self.vsvs.iter().map(|v| v.name.as_str()).collect();
        let at = |i: usize| names[i.min(names.len() - 1)].to_string();
        let (year, q) = self.opts.last_quarter;
        let last = Quarter { year, q };
        let back = |n: usize| (0..n).fold(last, |q, _| q.prev()).first_day();
        let date = |n: usize, days: u64| (back(n) + Days::new(days)).format("%d-%m-%Y").to_string();
        let region = String::new;
        let rows: Vec<[String; 11]> = vec![
            [
                "P1".into(), date(3, 10), region(), "cliëntenraad".into(), "adviseren".into(),
                "6".into(), WORSE_THEME.into(),
                "De cliëntenraad vraagt om één informatiepunt voor alle zorgverleners in de regio".into(),
                String::new(), date(3, 40), "nieuwsbrief".into(),
            ],
            [
                "P2".into(), date(3, 20), at(2), "spiegelgesprek".into(), "raadplegen".into(),
                "5".into(), IMPROVING_THEME.into(),
                "Steeds een andere verloskundige bij de controles; je vertelt je verhaal telkens opnieuw".into(),
                "A3".into(), String::new(), String::new(),
            ],
            [
                "P3".into(), date(2, 5), at(WORSE_VSV_INDEX), "focusgroep".into(), "raadplegen".into(),
                "8".into(), WORSE_THEME.into(),
                "Uitleg over de ruggenprik komt te laat en is te technisch".into(),
                "A2".into(), date(1, 50), "website".into(),
            ],
            [
                "P4".into(), date(2, 30), at(0), "kritische-incidenten".into(), "raadplegen".into(),
                "12".into(), DECLINING_THEME.into(),
                "Lang wachten aan de telefoon toen de bevalling begon".into(),
                "A1".into(), date(1, 10), "brief".into(),
            ],
            [
                "P5".into(), date(1, 15), region(), "poll".into(), "raadplegen".into(),
                "143".into(), "emotionele_steun".into(),
                "De helft wil bij de nacontrole gevraagd worden hoe het écht gaat".into(),
                "A4".into(), String::new(), String::new(),
            ],
            [
                "P6".into(), date(1, 40), at(1), "panelgesprek".into(), "adviseren".into(),
                "7".into(), "samen_beslissen".into(),
                "Keuzes rond de plaats van bevallen worden vaak al vóór het gesprek gemaakt".into(),
                String::new(), String::new(), String::new(),
            ],
            [
                "P7".into(), date(0, 10), at(0), "customer journey".into(), "coproduceren".into(),
                "4".into(), format!("{DECLINING_THEME};{WORSE_THEME}"),
                "Van eerste telefoontje tot kraamzorg: drie overdrachten voelen elk als opnieuw beginnen".into(),
                String::new(), String::new(), String::new(),
            ],
            [
                "P8".into(), date(0, 20), region(), "dialoogsessie".into(), "meebeslissen".into(),
                "15".into(), String::new(),
                "Cliënten kozen mee welke twee verbeterpunten de regio dit jaar oppakt".into(),
                String::new(), date(0, 45), "bijeenkomst".into(),
            ],
            [
                "P9".into(), date(0, 25), at(WORSE_VSV_INDEX), "focusgroep".into(), "raadplegen".into(),
                "9".into(), WORSE_THEME.into(),
                "De nieuwe folder over pijnbestrijding is duidelijker, maar komt pas bij 36 weken".into(),
                "A2".into(), String::new(), String::new(),
            ],
        ];
        let mut out = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::with_capacity(2048));
        let csv = |source| SampleError::Csv {
            path: "participatie.csv".to_string(),
            source,
        };
        out.write_record([
            "id",
            "datum",
            "vsv",
            "vorm",
            "niveau",
            "deelnemers",
            "thema",
            "opbrengst",
            "actie",
            "teruggekoppeld",
            "hoe",
        ])
        .map_err(csv)?;
        for row in &rows {
            out.write_record(row).map_err(csv)?;
        }
        out.into_inner()
            .map_err(|e| csv(csv::Error::from(e.into_error())))
    }

    fn readme(&self, duplicates: &[String]) -> String {
        let o = &self.opts;
        let first = self.quarters[0].label();
        let last = self.quarters[self.quarters.len() - 1].label();
        let mut s = String::with_capacity(4096);
        s.push_str("# Sample data (synthetic)\n\n");
        s.push_str(
            "Everything in this folder is **synthetic**: no real client, answer or organisation. \
             The VSV names are real Dutch regions, but every practice, hospital and kraamzorg \
             organisation, every answer and every open text is invented. Use it to try `prem`, \
             to write tests and to show the reports.\n\n",
        );
        let reports = if o.reports == "reports" {
            String::new()
        } else {
            format!(" --reports {}", o.reports)
        };
        s.push_str(&format!(
            "Generated with `prem sample --out data-samples --vsvs {} --quarters {} --per-quarter {} --seed {}{reports}` \
             ({} VSVs, {first} to {last}). The same options give byte-identical files.\n\n",
            o.vsvs, o.quarters, o.per_quarter, o.seed, o.vsvs
        ));
        s.push_str("## Files\n\n");
        s.push_str(&format!(
            "- `exports/prem-YYYY-Kq.csv`: the PREM Geboortezorg export, one file per quarter, long layout \
             (one row per respondent × care type: Verloskundigenpraktijk, Kraamzorg and for ~70 % Ziekenhuis), \
             saved as a Dutch Excel does: `;`, Windows-1252, CRLF.\n\
             - `exports/lokale-enquete.xlsx`: a local enquête (sheet `Antwoorden`, title and export date above \
             the header on row 3), 4-point frequency scale as text labels, one reversed item.\n\
             - `lokale-enquete.toml`: its codebook (themes {}, {}, {}).\n\
             - `prem.toml`: the analysis of both sources.\n\
             - `acties.csv`: the actions register (one running, one overdue, one done, one planned).\n\
             - `participatie.csv`: the participation register: a year of activities (cliëntenraad, \
             spiegelgesprek, focusgroepen, kritische incidenten, poll, panel, customer journey, \
             dialoogsessie) on five steps of the ladder, some tied to actions; its open ends are P1 \
             and P6 (older than 90 days, no action) and action A3 (done, never fed back).\n\n",
            LOCAL_THEMES[0].id, LOCAL_THEMES[1].id, LOCAL_THEMES[2].id
        ));
        s.push_str("## Planted effects\n\n");
        if let Some(worse) = self.vsvs.get(WORSE_VSV_INDEX) {
            s.push_str(&format!(
                "- **{}** scores about {WORSE_BY:.1} points lower on `{WORSE_THEME}`, for every care type in every \
                 quarter (and lower on `voorlichting` in the local enquête).\n",
                worse.name
            ));
        }
        s.push_str(&format!(
            "- `{DECLINING_THEME}` is stable, then drops by about {:.1}, {:.1} and {:.1} points in the last three \
             quarters, in every VSV (and `digitale_bereikbaarheid` declines in the local enquête); the open \
             texts about terugbellen and telefoon grow with it.\n\
             - Other VSV × theme differences are small (±0.2).\n",
            DECLINE[0], DECLINE[1], DECLINE[2]
        ));
        if let Some(v) = self.vsvs.get(IMPROVING_VSV_INDEX) {
            s.push_str(&format!(
                "- **{}** rises by about {IMPROVE_BY:.1} on `{IMPROVING_THEME}` in the three quarters after its \
                 action A3 in `acties.csv` started: the agenda's follow-up shows the effect.\n",
                v.name
            ));
        }
        if let Some(small) = self.small {
            s.push_str(&format!(
                "- **{}** is small (about {:.0} respondents a quarter); practices differ in size, so many \
                 practice × quarter cells are below 30 and some below 10.\n",
                self.vsvs[small].name, self.vsvs[small].size
            ));
        }
        s.push_str("\n## Planted data-quality problems\n\n");
        if let Some((from, to)) = duplicate_quarters(o) {
            s.push_str(&format!(
                "- {} respondents of `{from}` ({}) appear again at the top of `{to}` (same number, care \
                 types and answers): count them once and report them.\n",
                duplicates.len(),
                duplicates.join(", ")
            ));
        }
        s.push_str(
            "- Per PREM file: one unparseable date (`31-02-YYYY` or `onbekend`), one out-of-range answer \
             (`11` or `0` on a 1–10 item) and one unknown label (`goed`, `prima` or `zeer goed`).\n\
             - Dates mostly `dd-mm-yyyy`, some `dd/mm/yyyy`, ISO `yyyy-mm-dd` and `dd-mm-yyyy hh:mm`.\n\
             - Missing answers: `n.v.t.` (often for Betrokkenheid partner and Pijnbestrijding) and empty \
             cells; a few respondents stop halfway. A few grades have a decimal comma (`8,5`, valid).\n\
             - Age as years, as bands (`<25`, `25-29`, `35 of ouder`) or empty.\n\
             - About 2 % of the open texts hold a fake e-mail address, phone number or postcode, for \
             testing the scrubbing of quotes; some need CSV quoting (newline, `;`, `\"`).\n\
             - Local enquête: labels in varied case and with spaces (`altijd`, ` Meestal `), `Weet ik niet`, \
             empty answers.\n",
        );
        s
    }
}

struct QuarterCtx {
    quarter: Quarter,
    qi: usize,
    first_day: NaiveDate,
    decline: f64,
    improved: f64,
}

/// The local enquête's sheet above its answers: title, export date and the header on row 3.
fn local_header(sheet: &mut Worksheet, export_date: NaiveDate) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let header = Format::new().set_bold().set_text_wrap();
    sheet.set_name("Antwoorden")?;
    sheet.write_string_with_format(0, 0, "Enquête cliëntervaring kraamperiode", &bold)?;
    sheet.write_string(1, 0, format!("Export: {}", export_date.format("%d-%m-%Y")))?;
    for (c, col) in LOCAL_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *col, &header)?;
        let width = match c {
            0 => 8.0,
            1 => 17.0,
            2 => 20.0,
            3 | 4 => 14.0,
            14 => 50.0,
            _ => 28.0,
        };
        sheet.set_column_width(c as u16, width)?;
    }
    Ok(())
}

/// Reused buffers of the PREM writer.
#[derive(Default)]
struct Buffers {
    id: Out1252,
    background: Out1252,
    text: String,
}

impl Buffers {
    /// The respondent's number (e.g. R2026300123) and background, the same on every row
    /// of the respondent.
    fn id_and_background(&mut self, ctx: &QuarterCtx, resp: &Resp, seq: usize, role: Role) {
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
struct RowAnswers {
    /// Items from here on are left empty (a respondent who stopped).
    break_off: usize,
    /// The theme item with the lowest and highest residual.
    worst: (f64, usize),
    best: (f64, usize),
}

/// The closed answers of one row: the latent level of this respondent for this care type,
/// plus the effects of VSV, organisation, theme and quarter.
#[allow(clippy::too_many_arguments)]
fn write_answers(
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
fn write_open_answers(
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
enum Role {
    Plain,
    BadDate,
    OutOfRange,
    UnknownLabel,
    Quoted,
    Duplicate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    Dash,
    Slash,
    Iso,
    WithTime,
}

#[derive(Debug, Clone, Copy)]
enum Age {
    Empty,
    Years(u8),
    Band(u8),
}

/// A PREM respondent; answers are drawn while writing.
#[derive(Debug, Clone, Copy)]
struct Resp {
    vsv: usize,
    practice: u8,
    kraamzorg: u8,
    hospital: bool,
    day: u16,
    minute: u16,
    date_style: DateStyle,
    parity: u8,
    age: Age,
    education: u8,
    place: u8,
    latent: f64,
}

impl Resp {
    fn draw(rng: &mut ChaCha8Rng, v: usize, vsv: &Vsv, days: i64) -> Resp {
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

/// A local enquête respondent.
struct LocalResp {
    vsv: usize,
    day: u16,
    second: u32,
    first_child: Option<bool>,
    age: Option<u8>,
    latent: f64,
}

impl LocalResp {
    fn draw(rng: &mut ChaCha8Rng, v: usize, days: i64) -> LocalResp {
        let day = rng.random_range(0..days) as u16;
        let second = rng.random_range(7 * 3600..23 * 3600);
        let first_child = (!rng.random_bool(0.02)).then(|| rng.random_bool(0.45));
        let years = (31.0 + 4.6 * normal(rng)).round().clamp(19.0, 45.0) as u8;
        let age = (!rng.random_bool(0.03)).then_some(years);
        let bad = if rng.random_bool(0.06) { 2.0 } else { 0.0 };
        let latent = normal(rng) - bad;
        LocalResp {
            vsv: v,
            day,
            second,
            first_child,
            age,
            latent,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Writing.

fn text_file(path: &str, text: String) -> SampleFile {
    SampleFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// A Windows-1252 text being written, byte by byte; `bad` records a character that
/// Windows-1252 cannot hold (then the file is refused rather than written wrongly).
///
/// Written by hand rather than with the `csv` crate: rows are assembled from pieces
/// encoded once and reused on every row (number, background, names) and the numbers are
/// written digit by digit, which keeps the national-scale sample (~240 MB) within seconds.
#[derive(Default)]
struct Out1252 {
    bytes: Vec<u8>,
    bad: bool,
}

impl Out1252 {
    fn with_capacity(capacity: usize) -> Out1252 {
        Out1252 {
            bytes: Vec::with_capacity(capacity),
            bad: false,
        }
    }

    fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    /// Text as is, encoded.
    fn text(&mut self, s: &str) {
        if s.is_ascii() {
            self.bytes.extend_from_slice(s.as_bytes());
        } else {
            for ch in s.chars() {
                self.char(ch);
            }
        }
    }

    fn char(&mut self, ch: char) {
        let code = u32::from(ch);
        if code < 0x80 || (0xA0..=0xFF).contains(&code) {
            // ASCII and Latin-1 letters have the same code in Windows-1252.
            self.bytes.push(code as u8);
        } else {
            let mut utf8 = [0; 4];
            let (encoded, _, had_errors) = WINDOWS_1252.encode(ch.encode_utf8(&mut utf8));
            self.bad |= had_errors;
            self.bytes.extend_from_slice(&encoded);
        }
    }

    /// A field of the `;`-separated export, quoted only when needed.
    fn field(&mut self, s: &str) {
        if s.bytes().any(|b| matches!(b, b';' | b'"' | b'\n' | b'\r')) {
            self.byte(b'"');
            for ch in s.chars() {
                if ch == '"' {
                    self.byte(b'"');
                }
                self.char(ch);
            }
            self.byte(b'"');
        } else {
            self.text(s);
        }
    }

    fn num(&mut self, v: u32) {
        if v < 10 {
            self.bytes.push(b'0' + v as u8);
        } else if v < 100 {
            self.two(v);
        } else {
            let mut digits = [0u8; 10];
            let mut i = digits.len();
            let mut x = v;
            while x > 0 {
                i -= 1;
                digits[i] = b'0' + (x % 10) as u8;
                x /= 10;
            }
            self.bytes.extend_from_slice(&digits[i..]);
        }
    }

    /// Zero-padded to at least `width` digits.
    fn padded(&mut self, v: usize, width: usize) {
        let digits = v.checked_ilog10().unwrap_or(0) as usize + 1;
        for _ in digits..width {
            self.byte(b'0');
        }
        // Respondent sequence numbers stay far below u32::MAX (the options are bounded).
        self.num(v as u32);
    }

    /// Two digits, zero-padded.
    fn two(&mut self, v: u32) {
        self.bytes.push(b'0' + (v / 10 % 10) as u8);
        self.bytes.push(b'0' + (v % 10) as u8);
    }

    fn date(&mut self, date: NaiveDate, style: DateStyle, minute: u16) {
        let year = date.year().unsigned_abs();
        match style {
            DateStyle::Iso => {
                self.num(year);
                self.byte(b'-');
                self.two(date.month());
                self.byte(b'-');
                self.two(date.day());
            }
            DateStyle::Dash | DateStyle::Slash | DateStyle::WithTime => {
                let sep = if style == DateStyle::Slash {
                    b'/'
                } else {
                    b'-'
                };
                self.two(date.day());
                self.byte(sep);
                self.two(date.month());
                self.byte(sep);
                self.num(year);
                if style == DateStyle::WithTime {
                    self.byte(b' ');
                    self.two(u32::from(minute / 60));
                    self.byte(b':');
                    self.two(u32::from(minute % 60));
                }
            }
        }
    }
}

/// The bytes of a `;`-export field, for names written on every row.
fn field_1252(s: &str) -> Result<Vec<u8>, SampleError> {
    let mut out = Out1252::default();
    out.field(s);
    if out.bad {
        return Err(SampleError::Encoding {
            path: "exports/prem-*.csv".to_string(),
        });
    }
    Ok(out.bytes)
}

/// An open answer, now and then with fake personal data appended.
fn push_open(out: &mut Out1252, buf: &mut String, rng: &mut ChaCha8Rng, text: &str) {
    if rng.random_bool(0.025) {
        buf.clear();
        buf.push_str(text);
        buf.push_str(choose(rng, &PERSONAL));
        out.field(buf);
    } else {
        out.field(text);
    }
}

// prem.toml and the codebook are written by hand, not by the `toml` crate: they are
// commented templates for users to edit (toml writes no comments), and toml's writer would
// pick a literal string ('…') for a value holding `"` or `\`, changing the bytes.

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

fn toml_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The codebook of the local enquête.
fn local_codebook() -> String {
    let mut s = String::with_capacity(4096);
    s.push_str(
        "# Codebook of the local enquête \"Enquête cliëntervaring kraamperiode\" (Microsoft Forms).\n\
         # Synthetic, written by `prem sample`. Columns are named after the full question text.\n\n",
    );
    s.push_str("name = \"lokale-enquete\"\n");
    s.push_str("title = \"Enquête cliëntervaring kraamperiode\"\n\n");
    s.push_str("# Answers are text labels, worst first; case, accents and spaces do not matter.\n");
    s.push_str("[scales.frequentie]\n");
    s.push_str("type = \"ordinal\"\n");
    s.push_str("levels = [\"nooit\", \"soms\", \"meestal\", \"altijd\"]\n");
    s.push_str("positive = [\"altijd\"]\n");
    s.push_str("problem = [\"nooit\", \"soms\"]\n");
    s.push_str("missing = [\"weet ik niet\", \"niet van toepassing\"]\n");
    for t in &LOCAL_THEMES {
        s.push_str("\n[[themes]]\n");
        s.push_str(&format!("id = {}\n", toml_str(t.id)));
        s.push_str(&format!("label = {}\n", toml_str(t.label)));
        s.push_str(&format!("label_en = {}\n", toml_str(t.label_en)));
        s.push_str(&format!("importance = {:.1}\n", t.importance));
        s.push_str(&format!("keywords = {}\n", toml_list(t.keywords)));
    }
    for item in &LOCAL_ITEMS {
        s.push_str("\n[[items]]\n");
        s.push_str(&format!("id = {}\n", toml_str(item.id)));
        s.push_str(&format!(
            "theme = {}\n",
            toml_str(LOCAL_THEMES[item.theme].id)
        ));
        s.push_str(&format!("columns = {}\n", toml_list(&[item.text])));
        s.push_str(&format!("text = {}\n", toml_str(item.text)));
        s.push_str("scale = \"frequentie\"\n");
        if item.reverse {
            s.push_str("# Lower is better: \"nooit\" lang wachten is the best answer.\n");
        }
        s.push_str(&format!("reverse = {}\n", item.reverse));
    }
    // "Opmerkingen" holds compliments and complaints alike: as `comments`, each text is
    // quoted only on the side its words show (declared as `improvement`, "Het chatten met
    // de praktijk werkte goed." was once quoted under an improvement point).
    s.push_str("\n[open]\n# Opmerkingen of either kind: each is quoted as a compliment or a complaint only\n# when its words say clearly which.\ncomments = [\"Opmerkingen\"]\n");
    s
}

/// The analysis configuration of the sample.
fn prem_toml(reports: &str) -> String {
    let mut s = String::with_capacity(4096);
    s.push_str(
        "# prem.toml — example analysis, written by `prem sample` (synthetic data).\n\
         # Paths and globs are relative to this file. Unknown keys are an error.\n\n",
    );
    s.push_str("[analysis]\n");
    s.push_str("# Title of the reports.\nname = \"Regio Noord-Holland Noord\"\n");
    s.push_str("# Reporting period: quarter | month | half | year.\nperiod = \"quarter\"\n");
    s.push_str("# Language of the reports: nl | en.\nlanguage = \"nl\"\n");
    s.push_str(&format!(
        "# Folder for the reports.\noutput = {}\n",
        toml_str(reports)
    ));
    s.push_str(
        "# Our 'waarom', shown atop every agenda.\n\
         why = \"Omdat iedere moeder, ieder kind en ieder gezin een goede start verdient, en wij van cliënten willen leren wat beter kan.\"\n",
    );
    s.push_str("# Minimal important difference on the 0–10 score.\nmid = 0.45\n");
    s.push_str("\n# A theme scoring below its target (0–10) is flagged.\n[targets]\n");
    s.push_str(&format!("{WORSE_THEME} = 8.0\n"));
    s.push_str(
        "\n# Small cells: below min_n nothing is shown; below indicative_n a cell is 'indicatief'.\n\
         [privacy]\nmin_n = 10\nindicative_n = 30\n",
    );
    s.push_str(SAMPLE_QUOTES);
    s.push_str("\n# The national PREM Geboortezorg, one export per quarter, long layout.\n");
    s.push_str("[[source]]\nname = \"prem\"\nfiles = [\"exports/prem-*.csv\"]\n");
    s.push_str("codebook = \"prem-geboortezorg\"\n");
    s.push_str("# Dates are written day first (01-02-2026).\ndate_order = \"dmy\"\n");
    s.push_str("# Level on the participatieladder.\nparticipation = \"raadplegen\"\n");
    s.push_str("# Canonical field = column name in the export.\n[source.columns]\n");
    for (field, col) in [
        ("respondent", 0),
        ("vsv", 1),
        ("organisation", 2),
        ("care_type", 3),
        ("date", 4),
        ("parity", 5),
        ("age", 6),
        ("education", 7),
        ("place_of_birth", 8),
    ] {
        s.push_str(&format!("{field} = {}\n", toml_str(PREM_COLUMNS[col])));
    }
    s.push_str("\n# The local enquête (Microsoft Forms export; the header is on row 3).\n");
    s.push_str("[[source]]\nname = \"lokaal\"\nfiles = [\"exports/lokale-enquete.xlsx\"]\n");
    s.push_str("codebook = \"lokale-enquete.toml\"\nsheet = \"Antwoorden\"\nheader_row = 3\n");
    s.push_str("participation = \"raadplegen\"\n[source.columns]\n");
    for (field, col) in [
        ("respondent", 0),
        ("date", 1),
        ("vsv", 2),
        ("parity", 3),
        ("age", 4),
    ] {
        s.push_str(&format!("{field} = {}\n", toml_str(LOCAL_COLUMNS[col])));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::io::Cursor;

    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

    /// Index of the first item column in [`PREM_COLUMNS`].
    const FIRST_ITEM: usize = 9;

    fn small() -> SampleOptions {
        SampleOptions {
            vsvs: 4,
            quarters: 5,
            per_quarter: 60,
            seed: 7,
            ..SampleOptions::default()
        }
    }

    fn file<'a>(files: &'a [SampleFile], path: &str) -> &'a SampleFile {
        files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} missing"))
    }

    fn prem_files(files: &[SampleFile]) -> Vec<&SampleFile> {
        files
            .iter()
            .filter(|f| f.path.starts_with("exports/prem-"))
            .collect()
    }

    /// Parses a `sep`-separated text with quoted fields; every record must end in CRLF
    /// when `crlf` (a bare LF is allowed only inside quotes).
    fn parse(text: &str, sep: char, crlf: bool) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        field.push('"');
                        chars.next();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.is_empty() {
                quoted = true;
            } else if c == sep {
                record.push(std::mem::take(&mut field));
            } else if c == '\r' {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            } else if c == '\n' {
                assert!(!crlf, "bare LF outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            } else {
                field.push(c);
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "no line end at the end"
        );
        records
    }

    fn decode(bytes: &[u8]) -> String {
        let (text, had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
        assert!(!had_errors);
        text.into_owned()
    }

    fn prem_rows(f: &SampleFile) -> Vec<Vec<String>> {
        let rows = parse(&decode(&f.bytes), ';', true);
        for r in &rows {
            assert_eq!(r.len(), PREM_COLUMNS.len(), "{}: {r:?}", f.path);
        }
        rows
    }

    fn column(name: &str) -> usize {
        PREM_COLUMNS.iter().position(|c| *c == name).unwrap()
    }

    fn answer(s: &str, max: u32) -> Option<u32> {
        s.parse::<u32>().ok().filter(|v| (1..=max).contains(v))
    }

    /// The test's own reading of the planted date formats.
    fn parses_as_date(s: &str) -> bool {
        let s = s.split(' ').next().unwrap_or("");
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3 {
            return false;
        }
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            return false;
        }
        let (d, m, y) = if parts[0].len() == 4 {
            (nums[2], nums[1], nums[0])
        } else {
            (nums[0], nums[1], nums[2])
        };
        NaiveDate::from_ymd_opt(y as i32, m, d).is_some()
    }

    fn mean(v: &[u32]) -> f64 {
        v.iter().map(|x| f64::from(*x)).sum::<f64>() / v.len() as f64
    }

    #[test]
    fn same_options_give_identical_bytes_another_seed_differs() {
        let a = generate(&small()).unwrap();
        let b = generate(&small()).unwrap();
        assert_eq!(a, b);
        let c = generate(&SampleOptions { seed: 8, ..small() }).unwrap();
        for (x, y) in a.iter().zip(&c) {
            if x.path.starts_with("exports/") {
                assert_ne!(x.bytes, y.bytes, "{}", x.path);
            }
        }
    }

    #[test]
    fn fast_path_gives_the_same_exports() {
        let all = generate(&small()).unwrap();
        let fast = generate_prem_exports(&small()).unwrap();
        assert_eq!(&all[..fast.len()], &fast[..]);
    }

    #[test]
    fn file_list() {
        let files = generate(&small()).unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "exports/prem-2025-K3.csv",
                "exports/prem-2025-K4.csv",
                "exports/prem-2026-K1.csv",
                "exports/prem-2026-K2.csv",
                "exports/prem-2026-K3.csv",
                "exports/lokale-enquete.xlsx",
                "lokale-enquete.toml",
                "prem.toml",
                "acties.csv",
                "participatie.csv",
                "README.md",
                "samen/vsv-alkmaar/exports/prem-2025-K3.csv",
                "samen/vsv-alkmaar/exports/prem-2025-K4.csv",
                "samen/vsv-alkmaar/exports/prem-2026-K1.csv",
                "samen/vsv-alkmaar/exports/prem-2026-K2.csv",
                "samen/vsv-alkmaar/exports/prem-2026-K3.csv",
                "samen/standaard.csv",
                "samen/landelijk.csv",
                "samen/vsv-alkmaar/prem.toml",
                "samen/regio/prem.toml",
            ]
        );
        let one = generate(&SampleOptions {
            quarters: 1,
            last_quarter: (2025, 1),
            ..small()
        })
        .unwrap();
        assert_eq!(one[0].path, "exports/prem-2025-K1.csv");
    }

    #[test]
    fn csv_is_saved_as_a_dutch_excel_does() {
        let files = generate(&small()).unwrap();
        for f in prem_files(&files) {
            let header = format!("{}\r\n", PREM_COLUMNS.join(";"));
            let (expected, _, _) = WINDOWS_1252.encode(&header);
            assert!(f.bytes.starts_with(&expected), "{}", f.path);
            // "Continuïteit" in Windows-1252: ï is the single byte 0xEF.
            assert!(f.bytes.windows(12).any(|w| w == b"Continu\xefteit"));
            assert!(std::str::from_utf8(&f.bytes).is_err(), "not UTF-8");
            let text = decode(&f.bytes);
            assert!(text.starts_with(
                "Respondentnummer;VSV;Zorgaanbieder;Zorgsoort;Datum ingevuld;Eerste kind;\
                 Leeftijd;Opleidingsniveau;Plaats bevalling;Persoonlijke aandacht;"
            ));
            let rows = prem_rows(f);
            assert_eq!(rows[0], PREM_COLUMNS);
            // Quoting is exercised: a field with a newline, a ';' and a '"'.
            let open = column("Verbeterpunten");
            assert!(rows
                .iter()
                .any(|r| r[open].contains('\n') && r[open].contains(';') && r[open].contains('"')));
            for r in &rows[1..] {
                assert!(CARE_TYPES.contains(&r[3].as_str()), "{r:?}");
                assert!(r[0].starts_with('R') && r[0].len() >= 11, "{r:?}");
            }
        }
    }

    #[test]
    fn item_columns_follow_the_codebook() {
        let codebook = include_str!("../config/codebooks/prem-geboortezorg.toml");
        let firsts: Vec<&str> = codebook
            .lines()
            .filter_map(|l| l.strip_prefix("columns = [\""))
            .map(|l| &l[..l.find('"').unwrap()])
            .collect();
        assert_eq!(firsts, PREM_COLUMNS[FIRST_ITEM..FIRST_ITEM + ITEMS.len()]);
        assert!(codebook.contains("improvement = [\"Verbeterpunten\""));
        assert!(codebook.contains("compliment = [\"Complimenten\""));
        let ids: Vec<&str> = codebook
            .lines()
            .filter_map(|l| l.strip_prefix("theme = \""))
            .map(|l| l.trim_end_matches('"'))
            .collect();
        let ours: Vec<&str> = ITEMS.iter().filter_map(|i| i.theme).collect();
        assert_eq!(ids, ours);
        assert_eq!(PREM_COLUMNS[FIRST_ITEM + GRADE], "Rapportcijfer");
        assert_eq!(PREM_COLUMNS[FIRST_ITEM + RECOMMEND], "Aanbevelen");
    }

    #[test]
    fn row_counts_and_respondents_are_plausible() {
        let o = small();
        let files = generate(&o).unwrap();
        for f in prem_files(&files) {
            let rows = prem_rows(f);
            let mut care: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for r in &rows[1..] {
                care.entry(&r[0]).or_default().push(&r[3]);
            }
            let n = care.len() as f64;
            let nominal = (o.vsvs * o.per_quarter) as f64;
            assert!(n > 0.25 * nominal && n < 1.5 * nominal, "{}: {n}", f.path);
            let per = (rows.len() - 1) as f64 / n;
            assert!((2.55..=2.9).contains(&per), "{}: {per}", f.path);
            for types in care.values() {
                assert_eq!(types[0], "Verloskundigenpraktijk");
                assert_eq!(types[types.len() - 1], "Kraamzorg");
            }
        }
    }

    #[test]
    fn planted_effects_are_visible_in_raw_means() {
        let o = SampleOptions {
            vsvs: 6,
            quarters: 6,
            per_quarter: 100,
            seed: 3,
            ..SampleOptions::default()
        };
        let files = generate(&o).unwrap();
        let names = vsv_names(o.vsvs);
        let worse_col = FIRST_ITEM + WORSE_ITEM;
        let decl_col = FIRST_ITEM + DECLINING_ITEM;
        assert_eq!(PREM_COLUMNS[worse_col], "Informatievoorziening");
        assert_eq!(PREM_COLUMNS[decl_col], "Bereikbaarheid");
        let (mut worse, mut others) = (Vec::new(), Vec::new());
        let mut declining = Vec::new();
        let mut all = Vec::new();
        for f in prem_files(&files) {
            let rows = prem_rows(f);
            let mut quarter = Vec::new();
            for r in &rows[1..] {
                if let Some(v) = answer(&r[worse_col], 10) {
                    if r[1] == names[WORSE_VSV_INDEX] {
                        worse.push(v);
                    } else {
                        others.push(v);
                    }
                }
                if let Some(v) = answer(&r[decl_col], 10) {
                    quarter.push(v);
                }
                if let Some(v) = answer(&r[FIRST_ITEM], 10) {
                    all.push(v);
                }
            }
            declining.push(mean(&quarter));
        }
        let gap = mean(&others) - mean(&worse);
        assert!(gap >= 0.9, "worse VSV only {gap:.2} below the others");
        let drop = declining[0] - declining[declining.len() - 1];
        assert!(
            drop >= 1.2,
            "declining theme dropped only {drop:.2}: {declining:?}"
        );
        assert!((declining[0] - declining[2]).abs() < 0.3, "{declining:?}");
        let m = mean(&all);
        let sd = (all.iter().map(|x| (f64::from(*x) - m).powi(2)).sum::<f64>()
            / (all.len() - 1) as f64)
            .sqrt();
        assert!(
            (8.0..=8.8).contains(&m) && (1.1..=1.7).contains(&sd),
            "{m} {sd}"
        );
    }

    #[test]
    fn items_correlate() {
        let files = generate(&small()).unwrap();
        let rows = prem_rows(prem_files(&files)[0]);
        let k = THEMES;
        let complete: Vec<Vec<f64>> = rows[1..]
            .iter()
            .filter_map(|r| {
                (0..k)
                    .map(|i| answer(&r[FIRST_ITEM + i], 10).map(f64::from))
                    .collect()
            })
            .collect();
        assert!(complete.len() > 50);
        let var = |xs: &mut dyn Iterator<Item = f64>| {
            let v: Vec<f64> = xs.collect();
            let m = v.iter().sum::<f64>() / v.len() as f64;
            v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64
        };
        let item_var: f64 = (0..k)
            .map(|i| var(&mut complete.iter().map(|r| r[i])))
            .sum();
        let total_var = var(&mut complete.iter().map(|r| r.iter().sum::<f64>()));
        let alpha = k as f64 / (k as f64 - 1.0) * (1.0 - item_var / total_var);
        assert!(alpha > 0.7, "Cronbach's alpha {alpha:.2}");
    }

    #[test]
    fn planted_problems_once_per_file() {
        let files = generate(&small()).unwrap();
        let mut halves = 0;
        for f in prem_files(&files) {
            let rows = prem_rows(f);
            let date = column("Datum ingevuld");
            let bad_dates = rows[1..]
                .iter()
                .filter(|r| !parses_as_date(&r[date]))
                .count();
            // Each bad date is on every row of its respondent.
            let bad_respondents: BTreeSet<&str> = rows[1..]
                .iter()
                .filter(|r| !parses_as_date(&r[date]))
                .map(|r| r[0].as_str())
                .collect();
            assert_eq!(bad_respondents.len(), 1, "{}: {bad_dates}", f.path);
            let (mut out_of_range, mut unknown) = (0, 0);
            for r in &rows[1..] {
                for k in 0..ITEMS.len() {
                    let v = r[FIRST_ITEM + k].as_str();
                    if v.is_empty() || v == "n.v.t." {
                        continue;
                    }
                    let (min, max) = if k == RECOMMEND { (0, 10) } else { (1, 10) };
                    match v.parse::<i64>() {
                        Ok(x) if (min..=max).contains(&x) => {}
                        Ok(_) => out_of_range += 1,
                        // A half grade with a decimal comma is valid.
                        Err(_) if k == GRADE && v.len() == 3 && v.ends_with(",5") => halves += 1,
                        Err(_) => unknown += 1,
                    }
                }
            }
            assert_eq!((out_of_range, unknown), (1, 1), "{}", f.path);
        }
        assert!(halves > 0, "no grade with a decimal comma");
    }

    #[test]
    fn planted_duplicates_reappear_in_the_next_quarter() {
        let o = small();
        let files = generate(&o).unwrap();
        let (from, to) = duplicate_quarters(&o).unwrap();
        assert_eq!(
            (from.as_str(), to.as_str()),
            ("exports/prem-2025-K4.csv", "exports/prem-2026-K1.csv")
        );
        let prem = prem_files(&files);
        let ids: Vec<BTreeSet<String>> = prem
            .iter()
            .map(|f| prem_rows(f)[1..].iter().map(|r| r[0].clone()).collect())
            .collect();
        for i in 0..prem.len() - 1 {
            let shared: Vec<&String> = ids[i].intersection(&ids[i + 1]).collect();
            if prem[i].path == from {
                assert_eq!(shared.len(), DUPLICATES);
                let a = prem_rows(prem[i]);
                let b = prem_rows(prem[i + 1]);
                for id in shared {
                    let ra: Vec<_> = a.iter().filter(|r| &r[0] == id).collect();
                    let rb: Vec<_> = b.iter().filter(|r| &r[0] == id).collect();
                    assert_eq!(ra, rb);
                }
            } else {
                assert!(shared.is_empty(), "{}", prem[i].path);
            }
        }
        let readme = String::from_utf8(file(&files, "README.md").bytes.clone()).unwrap();
        let shared: Vec<&String> = ids[1].intersection(&ids[2]).collect();
        for id in shared {
            assert!(readme.contains(id.as_str()), "{id} not in the README");
        }
        assert!(readme.contains(&vsv_names(o.vsvs)[WORSE_VSV_INDEX]));
        // No other repeated respondent × care type within a file.
        for f in &prem {
            let rows = prem_rows(f);
            let keys: BTreeSet<(&str, &str)> = rows[1..]
                .iter()
                .map(|r| (r[0].as_str(), r[3].as_str()))
                .collect();
            assert_eq!(keys.len(), rows.len() - 1);
        }
    }

    #[test]
    fn open_texts_have_accents_and_some_personal_data() {
        let o = SampleOptions {
            per_quarter: 300,
            ..small()
        };
        let files = generate(&o).unwrap();
        let text: String = prem_files(&files)
            .iter()
            .map(|f| decode(&f.bytes))
            .collect();
        for needle in [
            "geïnformeerd",
            "ideeën",
            "Cliënt",
            "Hélène",
            "@voorbeeld.nl",
            "06-",
        ] {
            assert!(text.contains(needle), "{needle}");
        }
        let rows = prem_rows(prem_files(&files)[0]);
        let open = column("Verbeterpunten");
        let empty = rows[1..].iter().filter(|r| r[open].is_empty()).count() as f64;
        let share = empty / (rows.len() - 1) as f64;
        assert!((0.6..0.8).contains(&share), "{share}");
    }

    #[test]
    fn xlsx_reads_back_with_the_header_on_row_3() {
        let o = small();
        let files = generate(&o).unwrap();
        let f = file(&files, "exports/lokale-enquete.xlsx");
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(f.bytes.clone())).unwrap();
        assert_eq!(wb.sheet_names(), ["Antwoorden"]);
        let range = wb.worksheet_range("Antwoorden").unwrap();
        let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(
            cell(0, 0),
            Data::String("Enquête cliëntervaring kraamperiode".into())
        );
        assert_eq!(cell(1, 0), Data::String("Export: 07-10-2026".into()));
        for (c, name) in LOCAL_COLUMNS.iter().enumerate() {
            assert_eq!(cell(2, c as u32), Data::String((*name).into()));
        }
        assert!(matches!(cell(3, 1), Data::DateTime(_)), "{:?}", cell(3, 1));
        assert_eq!(cell(3, 0), Data::Float(1.0));
        let rows = range.height() as u32 - 3;
        let prem: usize = prem_files(&files)
            .iter()
            .map(|f| {
                prem_rows(f)[1..]
                    .iter()
                    .map(|r| r[0].clone())
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .sum();
        let share = f64::from(rows) / prem as f64;
        assert!((0.25..=0.42).contains(&share), "{share}");
        let names = vsv_names(o.vsvs);
        let mut labels = BTreeMap::new();
        for r in 3..3 + rows {
            let Data::String(vsv) = cell(r, 2) else {
                panic!("row {r}: no VSV")
            };
            assert!(names.contains(&vsv));
            for c in 5..14 {
                match cell(r, c) {
                    Data::String(s) => *labels.entry(s.trim().to_lowercase()).or_insert(0) += 1,
                    Data::Empty => {}
                    other => panic!("{other:?}"),
                }
            }
        }
        let keys: Vec<&str> = labels.keys().map(String::as_str).collect();
        assert_eq!(keys, ["altijd", "meestal", "nooit", "soms", "weet ik niet"]);
    }

    /// A minimal check of the TOML files against the keys the config and codebook structs
    /// accept (deny_unknown_fields), without a TOML parser.
    fn keys_ok(text: &str, allowed: &[(&str, &[&str])]) {
        let mut section = String::new();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
                section = s.to_string();
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = s.to_string();
                continue;
            }
            let key = line.split(" = ").next().unwrap();
            let keys = allowed
                .iter()
                .find(|(s, _)| {
                    *s == section || (s.ends_with('*') && section.starts_with(&s[..s.len() - 1]))
                })
                .unwrap_or_else(|| panic!("section [{section}]"))
                .1;
            assert!(keys.is_empty() || keys.contains(&key), "[{section}] {key}");
        }
    }

    #[test]
    fn toml_files_use_known_keys_only() {
        let files = generate(&small()).unwrap();
        let config = String::from_utf8(file(&files, "prem.toml").bytes.clone()).unwrap();
        let fields: &[&str] = &[
            "respondent",
            "vsv",
            "organisation",
            "care_type",
            "date",
            "parity",
            "age",
            "education",
            "place_of_birth",
        ];
        keys_ok(
            &config,
            &[
                (
                    "analysis",
                    &["name", "period", "language", "output", "why", "mid"],
                ),
                ("targets", &[]),
                ("privacy", &["min_n", "indicative_n"]),
                ("quotes", &["review"]),
                (
                    "source",
                    &[
                        "name",
                        "files",
                        "codebook",
                        "sheet",
                        "header_row",
                        "date_order",
                        "participation",
                    ],
                ),
                ("source.columns", fields),
            ],
        );
        assert!(config.contains("header_row = 3\n"));
        assert!(config.contains("sheet = \"Antwoorden\"\n"));
        assert!(config.contains("informatievoorziening = 8.0\n"));
        for col in &PREM_COLUMNS[..FIRST_ITEM] {
            assert!(config.contains(&format!("= \"{col}\"\n")), "{col}");
        }
        let codebook =
            String::from_utf8(file(&files, "lokale-enquete.toml").bytes.clone()).unwrap();
        keys_ok(
            &codebook,
            &[
                ("", &["name", "title"]),
                (
                    "scales.*",
                    &[
                        "type", "levels", "positive", "problem", "missing", "min", "max", "scores",
                    ],
                ),
                (
                    "themes",
                    &["id", "label", "label_en", "importance", "keywords"],
                ),
                (
                    "items",
                    &["id", "theme", "columns", "text", "scale", "reverse"],
                ),
                (
                    "open",
                    &["improvement", "compliment", "comments", "safeguarding"],
                ),
            ],
        );
        for item in &LOCAL_ITEMS {
            assert!(codebook.contains(&format!("columns = [\"{}\"]", item.text)));
        }
        assert_eq!(codebook.matches("reverse = true").count(), 1);
        for t in &LOCAL_THEMES {
            assert!(
                !ITEMS.iter().any(|i| i.theme == Some(t.id)),
                "{} clashes",
                t.id
            );
        }
    }

    #[test]
    fn actions_register() {
        let files = generate(&small()).unwrap();
        let text = String::from_utf8(file(&files, "acties.csv").bytes.clone()).unwrap();
        let rows = parse(&text, ',', false);
        assert_eq!(
            rows[0],
            ["id", "vsv", "theme", "action", "owner", "start", "due", "horizon", "status"]
        );
        assert!((4..=5).contains(&rows.len()));
        let names = vsv_names(small().vsvs);
        for r in &rows[1..] {
            assert_eq!(r.len(), 9);
            assert!(names.contains(&r[1]));
            assert!(parses_as_date(&r[5]) && parses_as_date(&r[6]) && r[5] < r[6]);
        }
        assert!(rows
            .iter()
            .any(|r| r[2] == DECLINING_THEME && r[5].starts_with("2026-01")));
        assert!(rows.iter().any(|r| r[8] == "afgerond"));
        // Overdue: due before the last quarter starts, not done.
        assert!(rows[1..]
            .iter()
            .any(|r| r[6].as_str() < "2026-07-01" && r[8] != "afgerond"));
    }

    #[test]
    fn options_out_of_range_are_refused() {
        for (o, needle) in [
            (SampleOptions { vsvs: 0, ..small() }, "--vsvs 0"),
            (
                SampleOptions {
                    vsvs: 201,
                    ..small()
                },
                "--vsvs 201",
            ),
            (
                SampleOptions {
                    quarters: 41,
                    ..small()
                },
                "--quarters 41",
            ),
            (
                SampleOptions {
                    per_quarter: 9,
                    ..small()
                },
                "--per-quarter 9",
            ),
            (
                SampleOptions {
                    last_quarter: (2026, 5),
                    ..small()
                },
                "2026-K5",
            ),
        ] {
            let m = generate(&o).unwrap_err().to_string();
            assert!(m.contains(needle), "{m}");
        }
        assert!(SampleOptions::default().validate().is_ok());
    }

    #[test]
    fn vsv_names_are_distinct() {
        let names = vsv_names(71);
        assert_eq!(names.len(), 71);
        assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), 71);
        assert_eq!(names[0], "VSV Alkmaar");
        assert_eq!(names[7], "VSV West-Friesland");
        assert_eq!(names[8], "VSV Regio 9");
    }

    #[test]
    fn organisations_are_unique_and_some_cells_small() {
        let o = SampleOptions {
            vsvs: 12,
            quarters: 2,
            per_quarter: 150,
            ..small()
        };
        let files = generate_prem_exports(&o).unwrap();
        let rows = prem_rows(&files[1]);
        let mut vsv_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut cell: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for r in &rows[1..] {
            vsv_of.entry(&r[2]).or_default().insert(&r[1]);
            cell.entry(&r[2]).or_default().insert(&r[0]);
        }
        assert!(
            vsv_of.values().all(|v| v.len() == 1),
            "an organisation in two VSVs"
        );
        assert!(cell.values().any(|n| n.len() < 10));
        assert!(cell.values().filter(|n| n.len() < 30).count() >= 5);
        assert!(vsv_of.keys().any(|k| k.contains("Één")));
    }

    #[test]
    fn quarters_have_their_days() {
        assert_eq!(Quarter { year: 2024, q: 1 }.days(), 91);
        assert_eq!(Quarter { year: 2026, q: 1 }.days(), 90);
        assert_eq!(Quarter { year: 2026, q: 4 }.days(), 92);
        assert_eq!(
            Quarter { year: 2026, q: 3 }.first_day().to_string(),
            "2026-07-01"
        );
    }
}
