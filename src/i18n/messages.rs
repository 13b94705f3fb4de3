//! Messages on the terminal and in errors, Dutch and English side by side. Placeholders
//! `{name}` are filled by [`Language::say`](super::Language::say).

use super::language::Language;

/// A message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // Errors of the library's own kinds.
    CannotRead,
    // Shared aggregates and the standard population
    ConfigPeersNeedStandard,
    HintPeersNeedStandard,
    ConfigPeerNoFiles,
    PeerSmallRevision,
    HintSmallRevision,
    SummaryPeer,
    HintBenchmark,
    BenchmarkTheme,
    BenchmarkPeriod,
    BenchmarkMean,
    BenchmarkCount,
    BenchmarkSd,
    ConfigPeersNeedCodebooks,
    HintPeersNeedCodebooks,
    Shared,
    UsageBadDate,
    HintBadDate,
    ConfigShareNeedsStandard,
    HintPeerNoFiles,
    PeerNotJson,
    PeerFormat,
    PeerField,
    PeerUnknownCodebook,
    PeerCodebookDiffers,
    PeerPeriodKind,
    PeerBadPeriod,
    PeerMinN,
    PeerStandard,
    PeerUnknown,
    PeerBelowMinN,
    PeerInconsistent,
    PeerVsvTwice,
    PeerVsvAlsoRaw,
    PeerNoFileMatches,
    HintPeer,
    HintPeerTwice,
    HintPeerConfig,
    StandardValue,
    StandardTwice,
    StandardNoWeight,
    StandardWeight,
    StandardAge,
    HintStandard,
    CannotWrite,
    Strict,
    HintStrict,
    OutsideFolder,
    LedgerUnreadable,
    HintLedger,
    LedgerHeld,
    WrittenTwice,
    HintWrittenTwice,
    WorkWouldBeLost,
    NoRecord,
    FileAdded,
    FileEdited,
    AndMore,
    HintWorkWouldBeLost,
    // The labels of an error and its hint on the terminal, and words inside messages
    LabelError,
    LabelHint,
    Line,
    Column,
    AndMoreHeaders,
    // Hints: what to do about an error, one per kind
    HintIo,
    HintWrite,
    HintOutsideFolder,
    HintConfigToml,
    HintName,
    HintMid,
    HintMinN,
    HintIndicativeN,
    HintNoSource,
    HintSourceTwice,
    HintNoFiles,
    HintHeaderRow0,
    HintNoDate,
    HintNoVsv,
    HintTarget,
    HintTargetUnknown,
    HintBadGlob,
    HintThemeTwoCodebooks,
    HintTooManyItems,
    HintCodebookToml,
    HintCodebookNotFound,
    HintUnknownCodebook,
    HintScale,
    HintCodebookStructure,
    HintThemeImportance,
    HintUnsupportedType,
    HintNotCsv,
    HintEmptyFile,
    HintHeaderRow,
    HintNotSpreadsheet,
    HintNotSpss,
    HintSheetNotFound,
    HintNoSheets,
    HintNoFileMatches,
    HintColumnMissing,
    HintColumnMissingSimple,
    HintNoItemColumns,
    HintNotADate,
    HintNoValues,
    HintNoUsableRows,
    HintRegister,
    HintParticipation,
    HintParticipationText,
    HintParticipationDate,
    HintParticipationForm,
    HintParticipationLevel,
    HintParticipationCount,
    HintParticipationTheme,
    HintParticipationVsv,
    HintParticipationAction,
    HintParticipationUnique,
    HintRegisterText,
    HintRegisterDate,
    HintRegisterHorizon,
    HintRegisterStatus,
    HintRegisterTheme,
    HintRegisterVsv,
    HintBadPeriod,
    HintPeriodKind,
    HintNoDataForPeriod,
    HintUnknownVsv,
    // prem.toml
    ConfigName,
    ConfigMid,
    ConfigMinN,
    ConfigIndicativeN,
    ConfigNoSource,
    ConfigUnknownSection,
    ConfigOpenQuestion,
    HintOpenQuestion,
    InitExists,
    HintInitExists,
    DidYouMean,
    HintUnknownSection,
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
    NotSpss,
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
    InFolder,
    NoSuchFolder,
    NothingThere,
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
    RegisterUniqueId,
    RegisterForm,
    RegisterLevel,
    RegisterCount,
    RegisterActionId,
    RegisterAfterDate,
    // The run
    TargetUnknown,
    NoUsableRows,
    DisclosureAudit,
    AuditHiddenWithNumbers,
    AuditTooFew,
    AuditCoversHidden,
    AuditIsolates,
    AuditOwnCount,
    PeriodKind,
    NoDataForPeriod,
    UnknownVsv,
    BadPeriod,
    UnknownCodebook,
    // Terminal lines
    SummarySource,
    SummaryClean,
    Safeguarding,
    CommentsWorkbook,
    CommentsReviewed,
    CommentsLocked,
    SummaryProblems,
    ReversedLevels,
    SummaryMerged,
    SummaryMonthFirst,
    ReversedTone,
    SummarySee,
    SummaryNoList,
    FilesWritten,
    Reading,
    Writing,
    Generating,
    TimingsHeader,
    TimingsTotal,
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
            HintStrict => (
                "draai zonder --strict om het rapport toch te krijgen, of herstel de waarden uit {file}",
                "run without --strict to get the report anyway, or fix the values listed in {file}",
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
                "(Deze map heeft geen {file} dat zegt welke bestanden prem schreef — niet door prem gemaakt, of door een oudere versie — dus telt elk bestand als het uwe.)",
                "(This folder has no {file} saying which files prem wrote — not made by prem, or by an older version — so every file counts as yours.)",
            ),
            FileAdded => ("toegevoegd", "added"),
            FileEdited => ("gewijzigd", "edited"),
            AndMore => ("… en {count} meer", "… and {count} more"),
            HintWorkWouldBeLost => (
                "zet uw wijzigingen en notities ergens buiten de rapportmap en draai opnieuw, of draai met --force om ze te laten overschrijven en weghalen",
                "move your edits and notes somewhere outside the report folder and run again, or run with --force to have them overwritten and removed",
            ),
            LabelError => ("fout", "error"),
            LabelHint => ("tip", "hint"),
            Line => ("regel", "line"),
            Column => ("kolom", "column"),
            AndMoreHeaders => ("… en nog {count}", "… and {count}"),
            HintIo => (
                "controleer het pad (relatief aan de map waarin u prem start) en of u het bestand mag lezen",
                "check the path (relative to the folder you run prem in) and that you may read the file",
            ),
            HintWrite => (
                "controleer of u in deze map mag schrijven, of het bestand niet in een ander programma openstaat en of de schijf niet vol is",
                "check that you may write in this folder, that the file is not open in another program and that the disk is not full",
            ),
            HintOutsideFolder => (
                "dat hoort prem te voorkomen: meld het als fout, met de namen van de VSV's en thema's",
                "prem should prevent that: please report it as a bug, with the names of the VSVs and themes",
            ),
            HintConfigToml => (
                "vergelijk de sleutel en haar waarde met de configuratie-uitleg in docs/reference/configuration.md van prem; `prem sample` schrijft een werkende prem.toml om naast te leggen",
                "check the key and its value against the configuration reference in prem's docs/reference/configuration.md; `prem sample` writes a working prem.toml to compare with",
            ),
            HintName => (
                "geef de analyse een naam, bijv. name = \"Regio Noord\": die staat boven elk rapport",
                "give the analysis a name, e.g. name = \"Regio Noord\": it heads every report",
            ),
            HintMid => (
                "laat mid weg voor de standaard (0,45), of geef het kleinste verschil op de schaal 0–10 dat ertoe doet",
                "leave mid out for the default (0.45), or give the smallest difference on the 0–10 scale that matters",
            ),
            HintMinN => (
                "laat min_n weg voor de standaard (10); bij minder dan 5 cliënten zijn antwoorden tot personen te herleiden",
                "leave min_n out for the default (10); with fewer than 5 clients answers can be traced to people",
            ),
            HintIndicativeN => (
                "laat indicative_n weg voor de standaard (30), of maak het minstens zo groot als min_n",
                "leave indicative_n out for the default (30), or make it at least min_n",
            ),
            HintNoSource => (
                "voeg een [[source]] toe met name, files, codebook en [source.columns]; `prem sample` schrijft een voorbeeld",
                "add a [[source]] with name, files, codebook and [source.columns]; `prem sample` writes an example",
            ),
            HintSourceTwice => (
                "geef elke [[source]] een eigen name: die staat in het datakwaliteitsrapport bij elke melding",
                "give each [[source]] its own name: it marks every entry of the data-quality report",
            ),
            HintNoFiles => (
                "zet de exports van deze bron in files, bijv. files = [\"exports/*.csv\"] (relatief aan prem.toml)",
                "list the exports of this source in files, e.g. files = [\"exports/*.csv\"] (relative to prem.toml)",
            ),
            HintHeaderRow0 => (
                "header_row is het nummer van de rij met de kolomnamen, zoals Excel het toont: 1 voor de eerste rij",
                "header_row is the number of the row with the column names, as Excel shows it: 1 for the first row",
            ),
            HintNoDate => (
                "zet onder [source.columns] date de naam van de datumkolom van de export, of onder [source.values] een vaste datum voor alle rijen",
                "set [source.columns] date to the name of the export's date column, or [source.values] date to one date for all rows",
            ),
            HintNoVsv => (
                "zet onder [source.columns] vsv de naam van de VSV-kolom van de export, of onder [source.values] vsv de VSV van alle rijen",
                "set [source.columns] vsv to the name of the export's VSV column, or [source.values] vsv to the VSV of all rows",
            ),
            HintTarget => (
                "een doel is een score op de schaal van het rapport, van 0 tot 10, bijv. bereikbaarheid = 8.0",
                "a target is a score on the report's scale, from 0 to 10, e.g. bereikbaarheid = 8.0",
            ),
            HintTargetUnknown => (
                "gebruik onder [targets] een thema-id uit het codeboek (`prem codebook show NAAM` toont ze), of haal de regel weg",
                "use a theme id of the codebook under [targets] (`prem codebook show NAME` lists them), or remove the line",
            ),
            HintBadGlob => (
                "schrijf files als een padpatroon zoals \"exports/*.csv\": * staat voor een deel van een naam, [ en ] voor een keuze uit tekens",
                "write files as a path pattern such as \"exports/*.csv\": * stands for part of a name, [ and ] for a choice of characters",
            ),
            HintThemeTwoCodebooks => (
                "geef het thema in een van beide codeboeken een eigen id (ook bij zijn items), zodat elk thema één instrument meet",
                "give the theme its own id in one of the codebooks (in its items too), so that each theme measures one instrument",
            ),
            HintTooManyItems => (
                "verdeel de bronnen over meer dan één prem.toml",
                "split the sources over more than one prem.toml",
            ),
            HintCodebookToml => (
                "vergelijk het codeboek met een ingebouwd codeboek: `prem codebook show prem-geboortezorg` toont er een om te kopiëren",
                "compare the codebook with a built-in one: `prem codebook show prem-geboortezorg` prints one to copy",
            ),
            HintCodebookNotFound => (
                "zet codebook in prem.toml op een ingebouwd codeboek (`prem codebook list`) of op het pad van een codeboek, relatief aan prem.toml",
                "set codebook in prem.toml to a built-in codebook (`prem codebook list`) or to the path of a codebook file, relative to prem.toml",
            ),
            HintUnknownCodebook => (
                "`prem codebook list` toont de ingebouwde codeboeken",
                "`prem codebook list` lists the built-in codebooks",
            ),
            HintScale => (
                "vergelijk [scales] met de uitleg in docs/reference/codebook.md van prem; `prem codebook show prem-geboortezorg` toont werkende schalen",
                "check [scales] against prem's docs/reference/codebook.md; `prem codebook show prem-geboortezorg` prints working scales",
            ),
            HintCodebookStructure => (
                "elk item noemt een schaal uit [scales] en een thema uit [[themes]] van hetzelfde codeboek, elk id één keer; `prem codebook show prem-geboortezorg` toont een werkend voorbeeld",
                "each item names a scale of [scales] and a theme of [[themes]] of the same codebook, each id once; `prem codebook show prem-geboortezorg` prints a working example",
            ),
            HintThemeImportance => (
                "importance bij [[themes]] in het codeboek is de belangscore van de CQ-index, van 1 tot 4; laat het weg als die niet bekend is",
                "importance under [[themes]] in the codebook is the CQ-index importance score, from 1 to 4; leave it out when it is not known",
            ),
            HintUnsupportedType => (
                "sla het bestand op als .csv of .xlsx (in Excel: Opslaan als) en verwijs daarnaar",
                "save the file as .csv or .xlsx (in Excel: Save as) and point to that",
            ),
            HintNotCsv => (
                "open het bestand in een spreadsheet en sla het opnieuw op als CSV; kijk bij de genoemde regel naar een aanhalingsteken dat niet gesloten wordt",
                "open the file in a spreadsheet and save it again as CSV; look near the line named for a quote that is not closed",
            ),
            HintEmptyFile => (
                "exporteer opnieuw uit het enquêtesysteem, of haal het bestand weg",
                "export again from the survey system, or remove the file",
            ),
            HintHeaderRow => (
                "zet header_row in prem.toml op het nummer van de rij met de kolomnamen, zoals Excel het toont",
                "set header_row in prem.toml to the number of the row with the column names, as Excel shows it",
            ),
            HintNotSpss => (
                "het bestand is beschadigd of niet helemaal overgekomen: vraag het opnieuw op, of open het in SPSS of PSPP en sla het op als .sav of .csv",
                "the file is damaged or did not arrive whole: ask for it again, or open it in SPSS or PSPP and save it as .sav or .csv",
            ),
            HintNotSpreadsheet => (
                "open het bestand in Excel of LibreOffice en sla het opnieuw op als .xlsx, of exporteer als CSV",
                "open the file in Excel or LibreOffice and save it again as .xlsx, or export it as CSV",
            ),
            HintSheetNotFound => (
                "zet sheet in prem.toml op een van de genoemde werkbladen, of laat sheet weg voor het eerste",
                "set sheet in prem.toml to one of the sheets named, or leave sheet out for the first",
            ),
            HintNoSheets => (
                "open de werkmap en controleer of de export erin staat; exporteer anders opnieuw",
                "open the workbook and check that the export is in it; else export again",
            ),
            HintNoFileMatches => (
                "controleer map en naam in files; paden zijn relatief aan prem.toml, niet aan de map waarin u prem start",
                "check the folder and name in files; paths are relative to prem.toml, not to the folder you run prem in",
            ),
            HintColumnMissing => (
                "zet onder [source.columns] de kolomnaam zoals de kopregel van de export hem schrijft (hoofdletters, accenten en spaties tellen niet mee); klopt de naam, controleer dan header_row",
                "set the column name under [source.columns] as the export's header writes it (case, accents and spaces do not count); if the name is right, check header_row",
            ),
            HintColumnMissingSimple => (
                "geef de kolomnaam zoals de eerste rij van het bestand hem schrijft (hoofdletters, accenten en spaties tellen niet mee)",
                "give the column name as the first row of the file writes it (case, accents and spaces do not count)",
            ),
            HintNoItemColumns => (
                "kies in prem.toml het codeboek dat bij deze export hoort (`prem codebook list`), of controleer header_row: de vraagkolommen staan in de kopregel",
                "choose the codebook in prem.toml that fits this export (`prem codebook list`), or check header_row: the question columns are in the header",
            ),
            HintNotADate => (
                "zet in de datumkolom een datum (31-12-2026) of periode (2026-K3), of laat --date weg om de rijen in volgorde te nemen",
                "put a date (2026-12-31) or period (2026-Q3) in the date column, or leave --date out to take the rows in order",
            ),
            HintNoValues => (
                "kies een kolom met getallen; de eerste rij van het bestand geeft de kolomnamen",
                "choose a column that holds numbers; the first row of the file gives the column names",
            ),
            HintNoUsableRows => (
                "herstel de export of prem.toml ([source.columns], date_order) naar de redenen hierboven; `prem validate` controleert opnieuw zonder iets te schrijven",
                "fix the export or prem.toml ([source.columns], date_order) for the reasons above; `prem validate` checks again without writing anything",
            ),
            HintParticipation => (
                "het participatieregister {file} is een CSV met op rij 1 de kolommen id, datum, vsv, vorm, niveau, deelnemers, thema, opbrengst, actie, teruggekoppeld en hoe (zie docs/handleiding.md van prem)",
                "the participation register {file} is a CSV with the columns id, datum, vsv, vorm, niveau, deelnemers, thema, opbrengst, actie, teruggekoppeld and hoe on row 1 (see prem's docs/handleiding.md)",
            ),
            HintParticipationText => (
                "vul in {file} bij elke rij id en opbrengst in (wat cliënten zeiden, kort); een helemaal lege rij wordt overgeslagen",
                "fill in id and opbrengst (what clients said, briefly) on every row of {file}; a wholly empty row is skipped",
            ),
            HintParticipationDate => (
                "schrijf de datums in {file} als 21-01-2026; teruggekoppeld valt niet vóór de datum van de activiteit",
                "write the dates in {file} as 21-01-2026; teruggekoppeld does not fall before the activity's date",
            ),
            HintParticipationForm => (
                "zet bij vorm in {file} een van: vragenlijst, spiegelgesprek, panelgesprek, focusgroep, kritische-incidenten, customer journey, online community, poll, cliëntenraad, adviesraad, dialoogsessie, anders",
                "put under vorm in {file} one of: vragenlijst, spiegelgesprek, panelgesprek, focusgroep, kritische-incidenten, customer journey, online community, poll, cliëntenraad, adviesraad, dialoogsessie, anders",
            ),
            HintParticipationLevel => (
                "zet bij niveau in {file} een trede: informeren, raadplegen, adviseren, coproduceren, meebeslissen of zelfbeheer",
                "put under niveau in {file} a step: informeren, raadplegen, adviseren, coproduceren, meebeslissen or zelfbeheer",
            ),
            HintParticipationCount => (
                "zet bij deelnemers in {file} hoeveel cliënten meededen, als heel getal (0 mag)",
                "put under deelnemers in {file} how many clients took part, as a whole number (0 is allowed)",
            ),
            HintParticipationTheme => (
                "zet bij thema in {file} thema-id's uit het codeboek, gescheiden door ; (of laat het leeg)",
                "put under thema in {file} theme ids from the codebook, separated by ; (or leave it empty)",
            ),
            HintParticipationVsv => (
                "zet bij vsv in {file} de VSV zoals de exports hem schrijven, of laat het leeg voor de hele regio",
                "put under vsv in {file} the VSV as the exports spell it, or leave it empty for the whole region",
            ),
            HintParticipationAction => (
                "zet bij actie in {file} id's uit acties.csv, gescheiden door ; (of laat het leeg zolang er geen actie is)",
                "put under actie in {file} ids from acties.csv, separated by ; (or leave it empty while there is no action)",
            ),
            HintParticipationUnique => (
                "geef elke rij in {file} een eigen id (P1, P2 …)",
                "give every row of {file} its own id (P1, P2 …)",
            ),
            HintRegister => (
                "het actieregister {file} is een CSV met op rij 1 de kolommen id, vsv, theme, action, owner, start, due, horizon en status (zie docs/handleiding.md van prem)",
                "the actions register {file} is a CSV with the columns id, vsv, theme, action, owner, start, due, horizon and status on row 1 (see prem's docs/handleiding.md)",
            ),
            HintRegisterText => (
                "vul in {file} bij elke actie id en action in; een helemaal lege rij wordt overgeslagen",
                "fill in id and action for every action in {file}; a wholly empty row is skipped",
            ),
            HintRegisterDate => (
                "schrijf datums in {file} met de dag eerst, zoals 21-01-2026, of als 2026-01-21",
                "write the dates in {file} day first, such as 21-01-2026, or as 2026-01-21",
            ),
            HintRegisterHorizon => (
                "schrijf in {file} bij horizon 30 dagen, 90 dagen of jaar, of laat het leeg",
                "write 30 days, 90 days or year under horizon in {file}, or leave it empty",
            ),
            HintRegisterStatus => (
                "schrijf in {file} bij status gepland, lopend of afgerond (leeg is gepland)",
                "write planned, running or done under status in {file} (empty is planned)",
            ),
            HintRegisterTheme => (
                "schrijf in {file} bij theme een thema-id zoals het codeboek het schrijft (`prem codebook show NAAM`), geen label",
                "write a theme id under theme in {file} as the codebook writes it (`prem codebook show NAME`), not a label",
            ),
            HintRegisterVsv => (
                "schrijf in {file} bij vsv de VSV zoals de exports hem schrijven, of laat het leeg voor een actie van de hele regio",
                "write the VSV under vsv in {file} as the exports write it, or leave it empty for an action of the whole region",
            ),
            HintBadPeriod => (
                "laat --period weg voor de laatste periode in de gegevens",
                "leave --period out for the latest period in the data",
            ),
            HintPeriodKind => (
                "geef een periode van die soort, of pas [analysis] period aan in prem.toml",
                "give a period of that kind, or change [analysis] period in prem.toml",
            ),
            HintNoDataForPeriod => (
                "kies een van de genoemde periodes, of laat --period weg voor de laatste",
                "choose one of the periods named, or leave --period out for the latest",
            ),
            HintUnknownVsv => (
                "schrijf de VSV zoals in de gegevens, tussen aanhalingstekens als de naam spaties heeft; laat --vsv weg voor alle VSV's",
                "write the VSV as the data do, in quotes when the name has spaces; leave --vsv out for all VSVs",
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
            ConfigUnknownSection => (
                "regel {line}: {found} is geen onderdeel van prem.toml",
                "line {line}: {found} is not a section of prem.toml",
            ),
            DidYouMean => ("; bedoelt u {meant}?", "; did you mean {meant}?"),
            ConfigOpenQuestion => (
                "regel {line}: {key} = \"?\" is een open vraag van prem init{question}",
                "line {line}: {key} = \"?\" is an open question of prem init{question}",
            ),
            HintOpenQuestion => (
                "vul op die regel de kolomnaam (of waarde) in die prem niet kon raden; de regel erboven zegt wat er nodig is",
                "put on that line the column name (or value) prem could not guess; the line above says what is needed",
            ),
            LedgerUnreadable => (
                "het publicatieregister is onleesbaar: regel {line} (\"{value}\") is niet zoals prem hem schreef",
                "the publication ledger is unreadable: line {line} (\"{value}\") is not as prem wrote it",
            ),
            HintLedger => (
                "zet het bestand terug uit een back-up. Verwijder het alleen als geen rapport uit deze map ooit gepubliceerd is: het onthoudt wat eerder naar buiten ging, zodat een nieuw rapport daar geen kleine groep uit laat afleiden",
                "restore the file from a backup. Delete it only if no report from this folder was ever published: it remembers what went out before, so that a new report does not let a small group be derived from it",
            ),
            LedgerHeld => (
                "{count} cijfer(s) van {periods} verborgen: ze zouden met 1 tot {max} cliënt(en) afwijken van wat een eerder rapport uit deze map publiceerde (late respons of een gewijzigde export), en het verschil zou die cliënten prijsgeven. De eerder gepubliceerde cijfers blijven gelden.",
                "{count} number(s) of {periods} hidden: they would differ by 1 to {max} client(s) from what an earlier report from this folder published (late responses or a changed export), and the difference would give those clients away. The numbers published before stand.",
            ),
            InitExists => (
                "{file} bestaat al; prem init overschrijft niets",
                "{file} exists already; prem init overwrites nothing",
            ),
            HintInitExists => (
                "kies een andere map met --out, of geef --force om te overschrijven",
                "choose another folder with --out, or give --force to overwrite",
            ),
            HintUnknownSection => (
                "prem.toml kent [analysis], [targets], [privacy], [quotes], [casemix], [benchmark], [[source]] en [[peer]] (zie de configuratie-uitleg in docs/reference/configuration.md van prem)",
                "prem.toml has [analysis], [targets], [privacy], [quotes], [casemix], [benchmark], [[source]] and [[peer]] (see the configuration reference in prem's docs/reference/configuration.md)",
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
                "bestandstype \".{ext}\" wordt niet ondersteund: verwacht .csv, .txt, .tsv, .xlsx, .xls, .ods, .sav of .zsav",
                "unsupported file type \".{ext}\": expected .csv, .txt, .tsv, .xlsx, .xls, .ods, .sav or .zsav",
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
            NotSpss => (
                "niet leesbaar als SPSS-bestand: {error}",
                "not readable as an SPSS file: {error}",
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
            InFolder => ("; in {folder} staan: {names}", "; {folder} holds: {names}"),
            NoSuchFolder => (
                "; de map {folder} bestaat niet (in {parent} staan de mappen: {names})",
                "; the folder {folder} does not exist ({parent} has the folders: {names})",
            ),
            NothingThere => ("niets", "nothing"),
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
            RegisterUniqueId => (
                "een id dat nog niet eerder voorkomt",
                "an id no earlier row has",
            ),
            RegisterForm => (
                "een vorm: vragenlijst, spiegelgesprek, panelgesprek, focusgroep, kritische-incidenten, customer journey, online community, poll, cliëntenraad, adviesraad, dialoogsessie of anders",
                "a form: vragenlijst, spiegelgesprek, panelgesprek, focusgroep, kritische-incidenten, customer journey, online community, poll, cliëntenraad, adviesraad, dialoogsessie or anders",
            ),
            RegisterLevel => (
                "een trede van de participatieladder: informeren, raadplegen, adviseren, coproduceren, meebeslissen of zelfbeheer",
                "a step of the participatieladder: informeren, raadplegen, adviseren, coproduceren, meebeslissen or zelfbeheer",
            ),
            RegisterCount => ("een heel aantal cliënten", "a whole number of clients"),
            RegisterActionId => (
                "ids uit het actieregister: {known}",
                "ids in the actions register: {known}",
            ),
            RegisterAfterDate => (
                "een datum op of na {date}",
                "a date on or after {date}",
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
            AuditHiddenWithNumbers => (
                "een verborgen cel heeft getallen",
                "a hidden cell has numbers",
            ),
            AuditTooFew => (
                "een getoond getal rust op minder dan {min_n} cliënten",
                "a shown number rests on fewer than {min_n} clients",
            ),
            AuditCoversHidden => (
                "een cel over zorgsoorten middelt een zorgsoort die niet getoond wordt",
                "a cell over care types averages a care type that is not shown",
            ),
            AuditIsolates => (
                "getoonde cellen van een getoond totaal aftrekken laat {count} cliënt(en) over",
                "subtracting shown cells from a shown total leaves {count} client(s)",
            ),
            AuditOwnCount => (
                "een responsaantal is geen n van een getoonde score van de eenheid",
                "a response count is not the n of a shown score of its unit",
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
            CommentsWorkbook => (
                "open antwoorden van {period}: {count} in {file} (alleen voor u). {unreviewed} wachten op uw besluit in de kolom 'publiceren'; tot dan zijn de citaten in de agenda's niet door een mens bekeken{required}.",
                "open answers of {period}: {count} in {file} (for you alone). {unreviewed} await your decision in the column 'publish'; until then the quotes in the agendas have not been read by a person{required}.",
            ),
            CommentsReviewed => (
                "open antwoorden van {period}: {count} in {file} (alleen voor u), allemaal door u beoordeeld.",
                "open answers of {period}: {count} in {file} (for you alone), all reviewed by you.",
            ),
            CommentsLocked => (
                "{file} is open in Excel of LibreOffice ({lock} bestaat): uw besluiten zijn gelezen, maar het werkboek is niet bijgewerkt. Sluit het en draai prem opnieuw om nieuwe open antwoorden erin te krijgen.",
                "{file} is open in Excel or LibreOffice ({lock} exists): your decisions were read, but the workbook was not updated. Close it and run prem again to get new open answers into it.",
            ),
            SummaryProblems => (
                "datakwaliteit: {problems} ({where})",
                "data quality: {problems} ({where})",
            ),
            SummarySee => ("zie {file}", "see {file}"),
            SummaryMerged => (
                "{source}: {rows} rijen van respondenten die al gelezen waren, samengenomen (rows_per_respondent = \"many\"): hun antwoorden tellen één keer",
                "{source}: {rows} rows of respondents read already, merged (rows_per_respondent = \"many\"): their answers count once",
            ),
            SummaryMonthFirst => (
                "datums maand-eerst gelezen (hun eigen datums zijn dat allemaal): {list}",
                "dates read month first (all their own dates are): {list}",
            ),
            ReversedLevels => (
                "let op: schaal {scale} van codeboek {codebook} loopt van \"{first}\" naar \"{last}\", van goed naar slecht; levels moeten van slecht naar goed, anders staat elke score op z'n kop",
                "note: scale {scale} of codebook {codebook} runs from \"{first}\" to \"{last}\", from good to bad; levels must run from bad to good, or every score is upside down",
            ),
            ReversedTone => (
                "let op: item {item} lijkt omgekeerd: cliënten die alleen prijzen geven het {praise} (n = {pn}), cliënten die alleen klagen {complaint} (n = {cn}); staat 1 voor het beste antwoord? zet dan reverse = true bij het item",
                "note: item {item} seems reversed: clients who only praise score it {praise} (n = {pn}), clients who only complain {complaint} (n = {cn}); is 1 the best answer? then set reverse = true on the item",
            ),
            SummaryNoList => (
                "de hele lijst: prem validate --report-quality kwaliteit.md",
                "the whole list: prem validate --report-quality quality.md",
            ),
            FilesWritten => ("{n} bestanden geschreven in {dir}", "{n} files written to {dir}"),
            Reading => ("exports lezen en scores berekenen", "reading exports and scoring"),
            Writing => ("rapport schrijven", "writing the report"),
            Generating => ("voorbeeldexports maken", "generating sample exports"),
            TimingsHeader => (
                "tijd en piekgeheugen per onderdeel ({threads} rekenkernen):",
                "time and peak memory per stage ({threads} cores):",
            ),
            TimingsTotal => ("totaal", "total"),
            ConfigPeersNeedStandard => (
                "[[peer]] zonder [casemix] standard: gedeelde cijfers kunnen alleen gestandaardiseerd worden tegen een vaste standaardpopulatie",
                "[[peer]] without [casemix] standard: shared figures can only be standardised against a fixed standard population",
            ),
            HintPeersNeedStandard => (
                "zet [casemix] standard = \"standaard.csv\" (kolommen pariteit;leeftijd;gewicht), hetzelfde bestand bij elke VSV die deelt; `prem sample` schrijft een voorbeeld",
                "set [casemix] standard = \"standaard.csv\" (columns pariteit;leeftijd;gewicht), the same file at every VSV that shares; `prem sample` writes an example",
            ),
            ConfigShareNeedsStandard => (
                "prem share zonder [casemix] standard: gedeelde gemiddelden moeten tegen een vaste standaardpopulatie gestandaardiseerd zijn",
                "prem share without [casemix] standard: shared means must be standardised against a fixed standard population",
            ),
            Shared => (
                "{file} geschreven: {vsvs}, tot en met {period}, {cells} cellen (alleen wat het rapport ook publiceert)",
                "wrote {file}: {vsvs}, up to {period}, {cells} cells (only what the report publishes too)",
            ),
            HintBadDate => (
                "laat --date weg voor vandaag, of schrijf bijvoorbeeld --date 2026-10-14",
                "leave --date out for today, or write e.g. --date 2026-10-14",
            ),
            UsageBadDate => (
                "\"{date}\" is geen datum: verwacht JJJJ-MM-DD",
                "\"{date}\" is not a date: expected YYYY-MM-DD",
            ),
            ConfigPeersNeedCodebooks => (
                "alleen [[peer]] en geen [[source]]: zeg met welke codeboeken de gedeelde bestanden gemaakt zijn",
                "only [[peer]] and no [[source]]: say which codebooks the shared files were made with",
            ),
            HintPeersNeedCodebooks => (
                "zet in [[peer]] bijvoorbeeld codebooks = [\"prem-geboortezorg\"] (een ingebouwd codeboek of een bestand)",
                "add to [[peer]] e.g. codebooks = [\"prem-geboortezorg\"] (a built-in codebook or a file)",
            ),
            HintBenchmark => (
                "het landelijk bestand heeft kolommen thema (id uit het codeboek), periode (2026-K3), gemiddelde (0–10) en, als bekend, n en sd",
                "the national file has columns thema (a codebook theme id), periode (2026-Q3), gemiddelde (0–10) and, when known, n and sd",
            ),
            BenchmarkTheme => ("een thema-id van deze analyse ({known})", "a theme id of this analysis ({known})"),
            BenchmarkPeriod => ("een periode zoals 2026-K3", "a period such as 2026-Q3"),
            BenchmarkMean => ("een gemiddelde van 0 tot 10", "a mean from 0 to 10"),
            BenchmarkCount => ("een aantal respondenten (≥ 1) of leeg", "a number of respondents (≥ 1) or empty"),
            BenchmarkSd => ("een standaarddeviatie > 0 of leeg", "a standard deviation > 0 or empty"),
            SummaryPeer => (
                "gedeeld: {file}: {vsvs} (gemaakt {created}, {periods} perioden)",
                "shared: {file}: {vsvs} (made {created}, {periods} periods)",
            ),
            PeerSmallRevision => (
                "{vsv}, {period}, {what}: n was {old} en is nu {new} — wie dit en het vorige bestand heeft, kan die paar respondenten eruit rekenen",
                "{vsv}, {period}, {what}: n was {old} and is now {new} — whoever has this and the previous file can single those few respondents out",
            ),
            HintSmallRevision => (
                "deel opnieuw met --keep-history: eerder gedeelde perioden blijven dan zoals ze waren en alleen nieuwe perioden komen erbij",
                "share again with --keep-history: periods shared before then stay as they were and only new periods are added",
            ),
            ConfigPeerNoFiles => (
                "[[peer]] met een lege files-lijst",
                "[[peer]] with an empty files list",
            ),
            HintPeerNoFiles => (
                "noem de gedeelde bestanden, bijvoorbeeld files = [\"gedeeld/*.json\"]",
                "name the shared files, e.g. files = [\"gedeeld/*.json\"]",
            ),
            PeerNotJson => (
                "geen leesbaar gedeeld bestand (regel {line}, kolom {column}): {error}",
                "not a readable shared file (line {line}, column {column}): {error}",
            ),
            PeerFormat => (
                "geen prem-aggregate/1-bestand (format = \"{found}\")",
                "not a prem-aggregate/1 file (format = \"{found}\")",
            ),
            PeerField => (
                "het bestand klopt niet met prem-aggregate/1: {error}",
                "the file does not match prem-aggregate/1: {error}",
            ),
            PeerUnknownCodebook => (
                "gemaakt met codeboek \"{name}\", dat deze analyse niet gebruikt (wel: {known})",
                "made with codebook \"{name}\", which this analysis does not use (it uses: {known})",
            ),
            PeerCodebookDiffers => (
                "gemaakt met een andere versie van codeboek \"{name}\": schalen, thema's of items verschillen, dus de scores zijn niet vergelijkbaar",
                "made with another version of codebook \"{name}\": scales, themes or items differ, so the scores do not compare",
            ),
            PeerPeriodKind => (
                "perioden zijn {theirs}, deze analyse rapporteert per {ours}",
                "periods are {theirs}, this analysis reports per {ours}",
            ),
            PeerBadPeriod => (
                "\"{label}\" is geen periode",
                "\"{label}\" is not a period",
            ),
            PeerMinN => (
                "gemaakt met min_n = {theirs}, lager dan de min_n = {ours} van deze analyse",
                "made with min_n = {theirs}, below this analysis' min_n = {ours}",
            ),
            PeerStandard => (
                "gestandaardiseerd tegen een andere standaardpopulatie dan [casemix] standard van deze analyse",
                "standardised against another standard population than this analysis' [casemix] standard",
            ),
            PeerUnknown => (
                "{what} staat niet in het codeboek van deze analyse",
                "{what} is not in this analysis' codebook",
            ),
            PeerBelowMinN => (
                "{vsv}, {period}, {what}: n = {n} is kleiner dan min_n = {min_n}; een gedeeld bestand mag zulke cellen niet bevatten",
                "{vsv}, {period}, {what}: n = {n} is below min_n = {min_n}; a shared file may not hold such cells",
            ),
            PeerInconsistent => (
                "getallen die niet kunnen kloppen: {what}",
                "numbers that cannot be right: {what}",
            ),
            PeerVsvTwice => (
                "{vsv} staat ook in {other}",
                "{vsv} is also in {other}",
            ),
            PeerVsvAlsoRaw => (
                "{vsv} staat ook in de eigen exports van deze analyse",
                "{vsv} is also in this analysis' own exports",
            ),
            PeerNoFileMatches => (
                "[[peer]]: \"{pattern}\" vindt geen bestand",
                "[[peer]]: \"{pattern}\" matches no file",
            ),
            HintPeer => (
                "vraag de VSV om een nieuw bestand met `prem share`, of haal het uit [[peer]] files; er is nu niets geschreven",
                "ask the VSV for a new file made with `prem share`, or take it out of [[peer]] files; nothing was written",
            ),
            HintPeerTwice => (
                "elke VSV hoort één keer mee te tellen: haal het oudere of dubbele bestand uit [[peer]] files",
                "each VSV must count once: take the older or duplicate file out of [[peer]] files",
            ),
            HintPeerConfig => (
                "zet in prem.toml hetzelfde codeboek, dezelfde periode, min_n en [casemix] standard als de VSV die deelde, of vraag om een nieuw bestand",
                "use the same codebook, period, min_n and [casemix] standard in prem.toml as the VSV that shared, or ask for a new file",
            ),
            StandardValue => (
                "rij {row}, kolom {column}: \"{value}\"; verwacht {expected}",
                "row {row}, column {column}: \"{value}\"; expected {expected}",
            ),
            StandardTwice => (
                "rij {row}: deze pariteit en leeftijd staan er al eerder in",
                "row {row}: this parity and age are already listed",
            ),
            StandardNoWeight => (
                "geen enkel gewicht groter dan 0",
                "no weight above 0",
            ),
            StandardWeight => (
                "een getal ≥ 0",
                "a number ≥ 0",
            ),
            StandardAge => (
                "een leeftijdsgrens van het codeboek ({bands}) of onbekend",
                "an age bound of the codebook ({bands}) or onbekend",
            ),
            HintStandard => (
                "de standaardpopulatie heeft kolommen pariteit (eerste, later, onbekend), leeftijd (de ondergrens van een leeftijdsklasse, of onbekend) en gewicht; `prem sample` schrijft een voorbeeld",
                "the standard population has columns pariteit (eerste, later, onbekend), leeftijd (the lower bound of an age band, or onbekend) and gewicht; `prem sample` writes an example",
            ),
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
            .replace("` or `", "` of `")
            .replace("invalid string", "ongeldige tekst"),
    }
}
