//! Messages on the terminal and in errors, Dutch and English side by side. Placeholders
//! `{name}` are filled by [`Language::say`](super::Language::say).

use super::Language;

/// A message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // Errors of the library's own kinds.
    CannotRead,
    CannotWrite,
    Strict,
    HintConfig,
    HintInput,
    HintStrict,
    OutsideFolder,
    WrittenTwice,
    HintWrittenTwice,
    WorkWouldBeLost,
    NoRecord,
    FileAdded,
    FileEdited,
    AndMore,
    HintWorkWouldBeLost,
    // prem.toml
    ConfigName,
    ConfigMid,
    ConfigMinN,
    ConfigIndicativeN,
    ConfigNoSource,
    ConfigSourceTwice,
    ConfigNoFiles,
    ConfigHeaderRow0,
    ConfigNoDate,
    ConfigNoVsv,
    ConfigTarget,
    // Codebooks
    CodebookNotFound,
    ScaleNeedsMinMax,
    ScaleMinMax,
    ScaleLevels,
    ScaleUnknownLevel,
    ScaleScores,
    ThemeTwice,
    ThemeImportance,
    ThemeNoItems,
    ItemTwice,
    ItemScale,
    ItemTheme,
    ItemColumns,
    OverallNotItem,
    // Reading files
    UnsupportedType,
    NotCsv,
    EmptyFile,
    HeaderRowPastEnd,
    NotSpreadsheet,
    SheetNotFound,
    NoSheets,
    SheetUnreadable,
    HeaderRowEmpty,
    HeaderOnly,
    HintHeaderOnly,
    DuplicateColumn,
    HintDuplicateColumn,
    UsedByItem,
    UsedByOpen,
    And,
    BadGlob,
    NoFileMatches,
    ThemeTwoCodebooks,
    TooManyItems,
    ColumnMissing,
    ColumnMissingSimple,
    NoItemColumns,
    NotANumber,
    NoValues,
    NotADate,
    // Headers of the tables of `prem spc` and `prem funnel`
    ColRow,
    ColValue,
    ColMean,
    ColLowerLimit,
    ColUpperLimit,
    ColVariation,
    ColUnit,
    ColN,
    ColZ,
    ColBand,
    SpcTooFew,
    FunnelSummary,
    ActionValue,
    ActionDate,
    ActionHorizon,
    ActionStatus,
    ActionTheme,
    ActionVsv,
    ActionEmpty,
    // The run
    TargetUnknown,
    NoUsableRows,
    DisclosureAudit,
    PeriodKind,
    NoDataForPeriod,
    UnknownVsv,
    BadPeriod,
    UnknownCodebook,
    // Terminal lines
    SummarySource,
    SummaryClean,
    Safeguarding,
    SummaryProblems,
    FilesWritten,
    Reading,
    Writing,
    Generating,
}

impl Msg {
    /// The Dutch and English text.
    fn pair(self) -> (&'static str, &'static str) {
        use Msg::*;
        match self {
            CannotRead => ("kan het bestand niet lezen", "cannot read the file"),
            CannotWrite => ("kan het bestand niet schrijven", "cannot write the file"),
            Strict => (
                "{count} waarde(n) konden niet gebruikt worden (zie het datakwaliteitsrapport); --strict maakt dit fataal",
                "{count} value(s) could not be used (see the data-quality report); --strict makes this fatal",
            ),
            HintConfig => (
                "vergelijk de sleutel met de configuratie-uitleg in de README; `prem codebook show NAAM` toont een codeboek om te kopiëren",
                "check the key against the configuration reference in the README; `prem codebook show NAME` prints a codebook to copy",
            ),
            HintInput => (
                "vergelijk `[source.columns]`, `sheet` en `header_row` in prem.toml met de export",
                "check `[source.columns]`, `sheet` and `header_row` in prem.toml against the export",
            ),
            HintStrict => (
                "draai zonder --strict om het rapport toch te krijgen, of herstel de waarden uit data-quality.md",
                "run without --strict to get the report anyway, or fix the values listed in data-quality.md",
            ),
            OutsideFolder => (
                "pad buiten de rapportmap geweigerd",
                "refusing a path outside the report folder",
            ),
            WrittenTwice => (
                "dit bestand zou twee keer geschreven worden; het tweede zou het eerste overschrijven",
                "this file would be written twice; the second would overwrite the first",
            ),
            HintWrittenTwice => (
                "twee namen (van VSV's of thema's) geven hetzelfde bestand; dat hoort prem te voorkomen: meld het als fout, met die namen",
                "two names (of VSVs or themes) give the same file; prem should prevent that: please report it as a bug, with those names",
            ),
            WorkWouldBeLost => (
                "deze run zou {count} bestand(en) overschrijven of weghalen die veranderd of toegevoegd zijn sinds prem ze schreef; er is niets geschreven:",
                "this run would overwrite or remove {count} file(s) changed or added since prem wrote them; nothing was written:",
            ),
            NoRecord => (
                "(Deze map heeft geen manifest.json dat zegt welke bestanden prem schreef — niet door prem gemaakt, of door een oudere versie — dus telt elk bestand als het uwe.)",
                "(This folder has no manifest.json saying which files prem wrote — not made by prem, or by an older version — so every file counts as yours.)",
            ),
            FileAdded => ("toegevoegd", "added"),
            FileEdited => ("gewijzigd", "edited"),
            AndMore => ("… en {count} meer", "… and {count} more"),
            HintWorkWouldBeLost => (
                "zet uw wijzigingen en notities ergens buiten de rapportmap en draai opnieuw, of draai met --force om ze te laten overschrijven en weghalen",
                "move your edits and notes somewhere outside the report folder and run again, or run with --force to have them overwritten and removed",
            ),
            ConfigName => ("[analysis] name: mag niet leeg zijn", "[analysis] name: must not be empty"),
            ConfigMid => (
                "[analysis] mid = {mid}: verwacht een getal ≥ 0 op de schaal 0–10",
                "[analysis] mid = {mid}: expected a number ≥ 0 on the 0–10 scale",
            ),
            ConfigMinN => (
                "[privacy] min_n = {n}: moet minstens 5 zijn; kleinere groepen zijn niet veilig te tonen",
                "[privacy] min_n = {n}: must be at least 5; smaller groups cannot be shown safely",
            ),
            ConfigIndicativeN => (
                "[privacy] indicative_n = {i} is kleiner dan min_n = {m}: verwacht indicative_n ≥ min_n",
                "[privacy] indicative_n = {i} is below min_n = {m}: expected indicative_n ≥ min_n",
            ),
            ConfigNoSource => (
                "geen [[source]]: voeg ten minste één export toe",
                "no [[source]]: add at least one export to read",
            ),
            ConfigSourceTwice => (
                "{at}: deze naam komt twee keer voor; elke bron heeft een eigen naam nodig",
                "{at}: name is used twice; each source needs its own name",
            ),
            ConfigNoFiles => (
                "{at}: files is leeg; verwacht globs zoals [\"exports/*.csv\"]",
                "{at}: files is empty; expected globs such as [\"exports/*.csv\"]",
            ),
            ConfigHeaderRow0 => (
                "{at}: header_row = 0; rijen tellen vanaf 1",
                "{at}: header_row = 0; rows count from 1",
            ),
            ConfigNoDate => (
                "{at}: geen datum: zet [source.columns] date = \"<kolom>\" (of [source.values] date)",
                "{at}: no date: set [source.columns] date = \"<column>\" (or [source.values] date)",
            ),
            ConfigNoVsv => (
                "{at}: geen VSV: zet [source.columns] vsv = \"<kolom>\" of [source.values] vsv = \"<naam>\"",
                "{at}: no VSV: set [source.columns] vsv = \"<column>\" or [source.values] vsv = \"<name>\"",
            ),
            ConfigTarget => (
                "[targets] {theme} = {target}: verwacht een score van 0 tot 10",
                "[targets] {theme} = {target}: expected a score from 0 to 10",
            ),
            CodebookNotFound => (
                "codeboek niet gevonden: \"{spec}\" is geen ingebouwd codeboek ({names}) en geen bestaand bestand",
                "codebook not found: \"{spec}\" is neither a built-in codebook ({names}) nor an existing file",
            ),
            ScaleNeedsMinMax => (
                "[scales.{id}]: een numerieke schaal heeft min en max nodig",
                "[scales.{id}]: a numeric scale needs min and max",
            ),
            ScaleMinMax => (
                "[scales.{id}]: min = {min} moet kleiner zijn dan max = {max}",
                "[scales.{id}]: min = {min} must be below max = {max}",
            ),
            ScaleLevels => (
                "[scales.{id}]: een ordinale schaal heeft minstens twee niveaus nodig",
                "[scales.{id}]: an ordinal scale needs at least two levels",
            ),
            ScaleUnknownLevel => (
                "[scales.{id}]: \"{level}\" is geen van de niveaus (levels)",
                "[scales.{id}]: \"{level}\" is not one of the levels",
            ),
            ScaleScores => (
                "[scales.{id}]: scores heeft {n} waarden voor {k} niveaus",
                "[scales.{id}]: scores has {n} values for {k} levels",
            ),
            ThemeTwice => (
                "[[themes]] id = \"{id}\" komt twee keer voor",
                "[[themes]] id = \"{id}\" appears twice",
            ),
            ThemeImportance => (
                "[[themes]] {id}: importance = {value}; verwacht 1–4 (CQ-index belangscore)",
                "[[themes]] {id}: importance = {value}; expected 1–4 (CQ-index importance score)",
            ),
            ThemeNoItems => (
                "[[themes]] {id}: geen enkel item hoort bij dit thema",
                "[[themes]] {id}: no item belongs to this theme",
            ),
            ItemTwice => (
                "[[items]] id = \"{id}\" komt twee keer voor",
                "[[items]] id = \"{id}\" appears twice",
            ),
            ItemScale => (
                "[[items]] {id}: scale = \"{scale}\" staat niet onder [scales]",
                "[[items]] {id}: scale = \"{scale}\" is not defined under [scales]",
            ),
            ItemTheme => (
                "[[items]] {id}: theme = \"{theme}\" staat niet onder [[themes]]",
                "[[items]] {id}: theme = \"{theme}\" is not defined under [[themes]]",
            ),
            ItemColumns => ("[[items]] {id}: columns is leeg", "[[items]] {id}: columns is empty"),
            OverallNotItem => (
                "[overall] {key} = \"{id}\" is geen item-id",
                "[overall] {key} = \"{id}\" is not an item id",
            ),
            UnsupportedType => (
                "bestandstype \".{ext}\" wordt niet ondersteund: verwacht .csv, .txt, .tsv, .xlsx, .xls of .ods",
                "unsupported file type \".{ext}\": expected .csv, .txt, .tsv, .xlsx, .xls or .ods",
            ),
            NotCsv => (
                "{at}niet leesbaar als CSV: {error}",
                "{at}not readable as CSV: {error}",
            ),
            EmptyFile => (
                "het bestand is leeg: verwacht een kopregel en gegevens",
                "the file is empty: expected a header row and data",
            ),
            HeaderRowPastEnd => (
                "het bestand heeft minder dan {row} rijen: header_row = {row} wijst voorbij het einde",
                "the file has fewer than {row} rows: header_row = {row} points past its end",
            ),
            NotSpreadsheet => (
                "niet leesbaar als spreadsheet: {error}",
                "not readable as a spreadsheet: {error}",
            ),
            SheetNotFound => (
                "werkblad \"{sheet}\" niet gevonden; de werkmap heeft: {sheets}",
                "sheet \"{sheet}\" not found; the workbook has: {sheets}",
            ),
            NoSheets => ("de werkmap heeft geen werkbladen", "the workbook has no sheets"),
            SheetUnreadable => (
                "werkblad \"{sheet}\": niet leesbaar: {error}",
                "sheet \"{sheet}\": not readable: {error}",
            ),
            HeaderRowEmpty => (
                "werkblad \"{sheet}\": header_row = {row} is leeg; de gegevens staan in rij {first}–{last}",
                "sheet \"{sheet}\": header_row = {row} holds nothing; the data span rows {first}–{last}",
            ),
            HeaderOnly => (
                "alleen een kopregel (rij {row}) en geen rijen met gegevens: verwacht minstens één rij met antwoorden",
                "only a header (row {row}) and no rows of data: expected at least one row of answers",
            ),
            HintHeaderOnly => (
                "exporteer opnieuw met de antwoorden, of haal het bestand weg uit files = [...] in prem.toml",
                "export again with the answers, or leave the file out of files = [...] in prem.toml",
            ),
            DuplicateColumn => (
                "kolom \"{column}\" staat {count} keer in de kopregel (rij {row}, kolommen {positions}); {used_by} gebruikt die naam, dus welke kolom bedoeld is valt niet te zeggen",
                "column \"{column}\" appears {count} times in the header (row {row}, columns {positions}); {used_by} uses that name, so there is no telling which column is meant",
            ),
            HintDuplicateColumn => (
                "geef de kolommen in de export elk een eigen naam (hoofdletters, accenten en spaties tellen niet mee), of laat prem.toml of het codeboek verwijzen naar een naam die één keer voorkomt",
                "give each column of the export its own name (case, accents and spaces do not count), or point prem.toml or the codebook at a name that occurs once",
            ),
            UsedByItem => (
                "item \"{item}\" van codeboek \"{codebook}\"",
                "item \"{item}\" of codebook \"{codebook}\"",
            ),
            UsedByOpen => (
                "[open] {key} van codeboek \"{codebook}\"",
                "[open] {key} of codebook \"{codebook}\"",
            ),
            And => ("en", "and"),
            BadGlob => (
                "[[source]] {source}: files = \"{pattern}\" is geen geldig patroon: {error}",
                "[[source]] {source}: files = \"{pattern}\" is not a valid glob: {error}",
            ),
            NoFileMatches => (
                "geen bestand past bij files = \"{pattern}\" van bron \"{source}\" (paden zijn relatief aan {config})",
                "no file matches files = \"{pattern}\" of source \"{source}\" (paths are relative to {config})",
            ),
            ThemeTwoCodebooks => (
                "thema \"{theme}\" staat in codeboek {a} en in {b}: thema-id's moeten uniek zijn over instrumenten, anders raken hun scores vermengd",
                "theme \"{theme}\" is defined by codebook {a} and by {b}: theme ids must be unique across instruments, or their scores would be mixed",
            ),
            TooManyItems => (
                "meer dan 65.535 items in de codeboeken",
                "more than 65,535 items in the codebooks",
            ),
            ColumnMissing => (
                "kolom \"{column}\" ([source.columns] {key} van bron \"{source}\") staat niet in de kopregel; de kopregel heeft: {headers}",
                "column \"{column}\" ([source.columns] {key} of source \"{source}\") is not in the header; the header has: {headers}",
            ),
            ColumnMissingSimple => (
                "kolom \"{column}\" staat niet in de kopregel; de kopregel heeft: {headers}",
                "column \"{column}\" is not in the header; the header has: {headers}",
            ),
            NotANumber => (
                "rij {row}, kolom \"{column}\": \"{value}\" is geen getal; rij overgeslagen",
                "row {row}, column \"{column}\": \"{value}\" is not a number; row skipped",
            ),
            NoValues => (
                "geen bruikbare rijen: verwacht getallen in kolom \"{column}\"",
                "no usable rows: expected numbers in column \"{column}\"",
            ),
            ColRow => ("rij", "row"),
            ColValue => ("waarde", "value"),
            ColMean => ("gemiddelde", "mean"),
            ColLowerLimit => ("ondergrens", "lower limit"),
            ColUpperLimit => ("bovengrens", "upper limit"),
            ColVariation => ("variatie", "variation"),
            ColUnit => ("eenheid", "unit"),
            ColN => ("n", "n"),
            ColZ => ("z", "z"),
            ColBand => ("positie", "position"),
            SpcTooFew => (
                "te weinig punten voor grenzen en classificatie ({have} van de {need}); alleen het gemiddelde (--min-points verandert het minimum)",
                "too few points for limits and classification ({have} of {need}); the mean only (--min-points changes the minimum)",
            ),
            FunnelSummary => (
                "doel {target} · φ {phi} · τ² {tau2}",
                "target {target} · φ {phi} · τ² {tau2}",
            ),
            NotADate => (
                "rij {row}, kolom \"{column}\": \"{value}\" is geen datum of periode (zoals 31-12-2026 of 2026-K3)",
                "row {row}, column \"{column}\": \"{value}\" is not a date or period (such as 2026-12-31 or 2026-Q3)",
            ),
            ActionValue => (
                "rij {row}, kolom \"{column}\": \"{value}\" — verwacht {expected}",
                "row {row}, column \"{column}\": \"{value}\" — expected {expected}",
            ),
            ActionDate => (
                "een datum zoals 21-01-2026",
                "a date such as 2026-01-21",
            ),
            ActionHorizon => (
                "30 dagen, 90 dagen of jaar (ook: 1m, 3m, 1j)",
                "30 days, 90 days or year (also: 1m, 3m, 1y)",
            ),
            ActionStatus => (
                "gepland, lopend of afgerond",
                "planned, running or done",
            ),
            ActionTheme => (
                "een thema-id uit de codeboeken: {known}",
                "a theme id from the codebooks: {known}",
            ),
            ActionVsv => (
                "een VSV uit de gegevens ({vsvs}), of leeg voor de hele regio",
                "a VSV in the data ({vsvs}), or empty for the whole region",
            ),
            ActionEmpty => (
                "een tekst (dit veld mag niet leeg zijn)",
                "some text (this field must not be empty)",
            ),
            NoItemColumns => (
                "geen enkele vraagkolom van codeboek \"{codebook}\" staat in de kopregel (verwacht bijv. {expected}); de kopregel heeft: {headers}",
                "none of the item columns of codebook \"{codebook}\" is in the header (expected e.g. {expected}); the header has: {headers}",
            ),
            TargetUnknown => (
                "[targets] {theme}: dit thema bestaat niet; de codeboeken hebben: {known}",
                "[targets] {theme}: no such theme; the codebooks have: {known}",
            ),
            DisclosureAudit => (
                "interne fout: de privacycontrole vond {count} getal(len) die een groep kleiner dan {min_n} cliënten zouden prijsgeven (eerste: {first}); er is niets geschreven. Meld dit bij de ontwikkelaars van prem.",
                "internal error: the privacy audit found {count} number(s) that would reveal a group smaller than {min_n} clients (first: {first}); nothing was written. Please report this to the developers of prem.",
            ),
            NoUsableRows => (
                "geen bruikbare rijen in de exports; waarom de rijen niet gebruikt zijn:",
                "no usable rows in any export; why the rows were left out:",
            ),
            PeriodKind => (
                "--period {period} past niet bij [analysis] period = \"{kind}\"",
                "--period {period} does not match [analysis] period = \"{kind}\"",
            ),
            NoDataForPeriod => (
                "geen gegevens voor periode {period}; de gegevens beslaan: {periods}",
                "no data for period {period}; the data cover: {periods}",
            ),
            UnknownVsv => (
                "--vsv \"{vsv}\": deze VSV staat niet in de gegevens; wel: {vsvs}",
                "--vsv \"{vsv}\": no such VSV in the data; the data have: {vsvs}",
            ),
            BadPeriod => (
                "--period {period}: verwacht bijv. 2026-K3, 2026-07, 2026-H2 of 2026",
                "--period {period}: expected e.g. 2026-Q3, 2026-07, 2026-H2 or 2026",
            ),
            UnknownCodebook => (
                "geen ingebouwd codeboek \"{name}\"; er zijn: {names}",
                "no built-in codebook \"{name}\"; there are: {names}",
            ),
            SummarySource => (
                "{source}: {files} bestand(en), {rows} rijen gelezen, {used} gebruikt, {respondents} respondenten, {answers} antwoorden",
                "{source}: {files} file(s), {rows} rows read, {used} used, {respondents} respondents, {answers} answers",
            ),
            SummaryClean => (
                "datakwaliteit: alle rijen en waarden zijn gebruikt",
                "data quality: every row and value was used",
            ),
            Safeguarding => (
                "LET OP: {count} rij(en) in de exports ({in_period} in {period}) met een open antwoord dat opvolging vraagt (zelfbeschadiging, suïcide, geweld, misbruik, een kind in gevaar of gemarkeerd in de export). Deze teksten staan nergens in het rapport. Bestand en rij, zonder de tekst: {file}",
                "NOTE: {count} row(s) in the exports ({in_period} in {period}) with an open answer that needs follow-up (self-harm, suicide, violence, abuse, a child at risk or flagged in the export). These texts are nowhere in the report. File and row, without the text: {file}",
            ),
            SummaryProblems => (
                "datakwaliteit: {problems} (zie data-quality.md)",
                "data quality: {problems} (see data-quality.md)",
            ),
            FilesWritten => ("{n} bestanden geschreven in {dir}", "{n} files written to {dir}"),
            Reading => ("exports lezen en scores berekenen", "reading exports and scoring"),
            Writing => ("rapport schrijven", "writing the report"),
            Generating => ("voorbeeldexports maken", "generating sample exports"),
        }
    }

    /// The text in `lang`.
    pub fn text(self, lang: Language) -> &'static str {
        let (nl, en) = self.pair();
        match lang {
            Language::Nl => nl,
            Language::En => en,
        }
    }
}

/// toml's own (English) message in Dutch where it is one of the common ones.
pub fn toml_message(message: &str, lang: Language) -> String {
    match lang {
        Language::En => message.to_string(),
        Language::Nl => message
            .replace("unknown field", "onbekende sleutel")
            .replace("missing field", "ontbrekende sleutel")
            .replace("unknown variant", "onbekende waarde")
            .replace("expected one of", "toegestaan:")
            .replace("invalid type", "verkeerd type")
            .replace(", expected", "; verwacht")
            .replace("duplicate key", "dubbele sleutel")
            .replace("invalid string", "ongeldige tekst"),
    }
}
