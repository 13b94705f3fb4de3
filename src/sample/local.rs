//! The local enquête: its themes and items, and the Excel workbook as Microsoft Forms
//! exports it.

use super::*;

/// A local theme: id, label, importance, keywords.
pub(super) struct LocalTheme {
    pub(super) id: &'static str,
    pub(super) label: &'static str,
    pub(super) label_en: &'static str,
    pub(super) importance: f64,
    pub(super) keywords: &'static [&'static str],
}

pub(super) const LOCAL_THEMES: [LocalTheme; 3] = [
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
pub(super) struct LocalItem {
    pub(super) id: &'static str,
    pub(super) theme: usize,
    pub(super) text: &'static str,
    pub(super) reverse: bool,
    pub(super) mean: f64,
}

pub(super) const LOCAL_ITEMS: [LocalItem; 9] = [
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
pub(super) const LOCAL_WORSE_THEME: usize = 1;
pub(super) const LOCAL_WORSE_SHIFT: f64 = 0.6;
/// The local theme that declines with [`DECLINING_THEME`] (digitale bereikbaarheid), by these
/// latent shifts in the third-last, second-last and last quarter.
pub(super) const LOCAL_DECLINING_THEME: usize = 2;
pub(super) const LOCAL_DECLINE: [f64; 3] = [0.25, 0.5, 0.8];

pub(super) const LEVELS: [&str; 4] = ["Nooit", "Soms", "Meestal", "Altijd"];
pub(super) const LEVEL_VARIANTS_LOWER: [&str; 4] = ["nooit", "soms", "meestal", "altijd"];
pub(super) const LEVEL_VARIANTS_PADDED: [&str; 4] = [" Nooit ", " Soms ", " Meestal ", " Altijd "];
pub(super) const LEVEL_VARIANTS_UPPER: [&str; 4] = ["NOOIT", "SOMS", "MEESTAL", "ALTIJD"];
/// Cut points of the latent goodness between nooit|soms, soms|meestal, meestal|altijd.
pub(super) const CUTS: [f64; 3] = [-1.1, -0.35, 0.55];

/// Opmerkingen of the local enquête per local theme, and general ones.
pub(super) const LOCAL_REMARKS: [&[&str]; 3] = [
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
pub(super) const LOCAL_GENERAL: [&str; 3] = [
    "Prima zorg, dank jullie wel!",
    "Fijn dat jullie deze enquête houden.",
    "Geen opmerkingen.",
];

/// Most rows an Excel sheet holds below the three header rows.
pub(super) const XLSX_MAX_DATA_ROWS: usize = 1_048_576 - 3;

impl Plan {
    /// The local enquête as an Excel workbook.
    pub(super) fn local_xlsx(&self) -> Result<SampleFile, SampleError> {
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
    pub(super) fn local_row(
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
}

pub(super) fn local_header(sheet: &mut Worksheet, export_date: NaiveDate) -> Result<(), XlsxError> {
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

/// A local enquête respondent.
pub(super) struct LocalResp {
    pub(super) vsv: usize,
    pub(super) day: u16,
    pub(super) second: u32,
    pub(super) first_child: Option<bool>,
    pub(super) age: Option<u8>,
    pub(super) latent: f64,
}

impl LocalResp {
    pub(super) fn draw(rng: &mut ChaCha8Rng, v: usize, days: i64) -> LocalResp {
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
