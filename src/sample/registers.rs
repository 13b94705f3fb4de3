//! The officer's registers of the sample: `acties.csv` and `participatie.csv`.

use super::*;

impl Plan {
    /// The actions register: one action per PDCA situation the agenda must show.
    pub(super) fn actions_csv(&self) -> Result<Vec<u8>, SampleError> {
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
    pub(super) fn participation_csv(&self) -> Result<Vec<u8>, SampleError> {
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
}
