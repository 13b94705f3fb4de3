//! The comparison without pooling (`samen/`): one VSV's own config, the coordinator's,
//! the standard population, a national reference and the shared files computed from the sample.

use super::*;

/// The folder of the comparison without pooling (spec §10): one VSV's own exports and
/// config, the other VSVs' shared files, a coordinator's config, the standard population.
pub const TOGETHER: &str = "samen";

/// The folder of the first VSV in [`TOGETHER`].
pub(super) fn together_first(opts: &SampleOptions) -> String {
    let first = vsv_names(opts.vsvs).into_iter().next().unwrap_or_default();
    format!("{TOGETHER}/{}", crate::layout::slug(&first))
}

/// The sample's open answers are made up, so prem's own proposals may be quoted before a
/// person read them; a real export's config leaves this out (`review = "required"`).
pub(super) const SAMPLE_QUOTES: &str =
    "\n# The open answers of this sample are made up: quotes may come from prem's\n\
    # proposals before anyone read them. Leave this out for real exports: then no quote\n\
    # appears before you set it to 'ja' in opmerkingen-<periode>.xlsx.\n\
    [quotes]\nreview = \"auto\"\n";

/// The written part of [`TOGETHER`]: the standard population and both configs. The shared
/// files are computed from the written exports by [`together_shared`].
pub(super) fn together_files(opts: &SampleOptions) -> Vec<SampleFile> {
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
pub(super) fn national_csv(opts: &SampleOptions) -> String {
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
pub(super) const STANDARD_CSV: &str = "pariteit;leeftijd;gewicht\n\
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
