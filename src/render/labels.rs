//! The text module for the pipeline's enums: every Dutch and English word for a privacy
//! tier, funnel band, SPC variation, data-quality reason, participation level and
//! safeguarding category is here, and nowhere else. It is [`crate::i18n`]'s companion: the
//! sentences and labels of the reports live there, and `i18n` stays a leaf that imports
//! nothing of the pipeline; the words that need a pipeline enum to choose them live here. A
//! call site adds `use crate::render::labels::Words;` and says `lang.band(b)`.

use crate::analysis::score::Tier;
use crate::config::ParticipationLevel;
use crate::error::row::Problem;
use crate::funnel::Band;
use crate::i18n::Language;
use crate::registers::participation::Form;
use crate::spc::Variation;
use crate::text::safeguarding::Category;
use crate::timings::Stage;

/// Both forms of a data-quality problem from one table: the full text (`full`) is "what
/// (done)", the short one "what". `concat!` keeps both `'static`.
macro_rules! problem_table {
    ($p:expr, $full:expr, { $($variant:ident => $what:literal $(($done:literal))?,)* }) => {
        match $p {
            $(Problem::$variant => {
                if $full {
                    concat!($what $(, " (", $done, ")")?)
                } else {
                    $what
                }
            })*
        }
    };
}

/// Words for the pipeline's enums in a language.
pub trait Words {
    /// A form of participation (register `vorm`) in this language.
    fn form(self, f: Form) -> &'static str;

    /// A step of the participatieladder (a source's `participation`, register `niveau`)
    /// in this language.
    fn level(self, l: ParticipationLevel) -> &'static str;

    /// The name of a privacy tier.
    fn tier(self, tier: Tier) -> &'static str;

    /// A regional-comparison band in words.
    fn band(self, band: Band) -> &'static str;

    /// An SPC variation type in words.
    fn variation(self, v: Variation) -> &'static str;

    /// What a data-quality problem means, in a sentence fragment, with what prem did about
    /// it in brackets: "datum onleesbaar (rij niet gebruikt)".
    fn problem(self, p: Problem) -> &'static str;

    /// [`Words::problem`] without the part in brackets: "datum onleesbaar".
    fn problem_short(self, p: Problem) -> &'static str;

    /// What a safeguarding signal is about, for `.signalen.csv`.
    fn signal(self, c: Category) -> &'static str;

    /// A stage of the run, for `prem report --timings`.
    fn stage(self, s: Stage) -> &'static str;
}

impl Words for Language {
    fn form(self, f: Form) -> &'static str {
        use Form::*;
        match self {
            // The register's own spelling, with its accent.
            Language::Nl => match f {
                ClientCouncil => "cliëntenraad",
                other => other.into(),
            },
            Language::En => match f {
                Questionnaire => "questionnaire",
                MirrorConversation => "mirror conversation",
                Panel => "panel conversation",
                FocusGroup => "focus group",
                CriticalIncidents => "critical incidents",
                CustomerJourney => "customer journey",
                OnlineCommunity => "online community",
                Poll => "poll",
                ClientCouncil => "client council",
                AdvisoryBoard => "advisory board",
                Dialogue => "dialogue session",
                Other => "other",
            },
        }
    }

    fn level(self, l: ParticipationLevel) -> &'static str {
        use ParticipationLevel::*;
        match self {
            Language::Nl => l.into(),
            Language::En => match l {
                Inform => "informing",
                Consult => "consulting",
                Advise => "advising",
                Coproduce => "co-producing",
                CoDecide => "co-deciding",
                SelfManagement => "self-management",
            },
        }
    }

    fn tier(self, tier: Tier) -> &'static str {
        match (self, tier) {
            (Language::Nl, Tier::Full) => "volledig",
            (Language::Nl, Tier::Indicative) => "indicatief",
            (Language::Nl, Tier::Suppressed) => "onderdrukt",
            (Language::En, Tier::Full) => "full",
            (Language::En, Tier::Indicative) => "indicative",
            (Language::En, Tier::Suppressed) => "suppressed",
        }
    }

    fn band(self, band: Band) -> &'static str {
        use Band::*;
        match (self, band) {
            (Language::Nl, MuchBetter) => "veel beter dan verwacht",
            (Language::Nl, Better) => "beter dan verwacht",
            (Language::Nl, AsExpected) => "vergelijkbaar",
            (Language::Nl, Worse) => "slechter dan verwacht",
            (Language::Nl, MuchWorse) => "veel slechter dan verwacht",
            (Language::En, MuchBetter) => "much better than expected",
            (Language::En, Better) => "better than expected",
            (Language::En, AsExpected) => "as expected",
            (Language::En, Worse) => "worse than expected",
            (Language::En, MuchWorse) => "much worse than expected",
        }
    }

    fn variation(self, v: Variation) -> &'static str {
        use Variation::*;
        match (self, v) {
            (Language::Nl, CommonCause) => "gewone variatie",
            (Language::Nl, SpecialCauseImprovement) => "bijzondere variatie: verbetering",
            (Language::Nl, SpecialCauseConcern) => "bijzondere variatie: zorgpunt",
            (Language::Nl, SpecialCauseNeutral) => "bijzondere variatie",
            (Language::En, CommonCause) => "common cause",
            (Language::En, SpecialCauseImprovement) => "special cause: improvement",
            (Language::En, SpecialCauseConcern) => "special cause: concern",
            (Language::En, SpecialCauseNeutral) => "special cause",
        }
    }

    fn problem(self, p: Problem) -> &'static str {
        problem_words(self, p, true)
    }

    fn problem_short(self, p: Problem) -> &'static str {
        problem_words(self, p, false)
    }

    fn signal(self, c: Category) -> &'static str {
        use Category::*;
        match (self, c) {
            (Language::Nl, Suicide) => "suïcide of doodswens",
            (Language::Nl, SelfHarm) => "zelfbeschadiging",
            (Language::Nl, ChildAtRisk) => "kind in gevaar",
            (Language::Nl, Abuse) => "misbruik of verwaarlozing",
            (Language::Nl, Violence) => "geweld of bedreiging",
            (Language::Nl, MentalHealth) => "psychische nood rond de bevalling",
            (Language::Nl, Flagged) => "gemarkeerd in de export",
            (Language::En, Suicide) => "suicide or wanting to die",
            (Language::En, SelfHarm) => "self-harm",
            (Language::En, ChildAtRisk) => "child at risk",
            (Language::En, Abuse) => "abuse or neglect",
            (Language::En, Violence) => "violence or threats",
            (Language::En, MentalHealth) => "perinatal mental health crisis",
            (Language::En, Flagged) => "flagged in the export",
        }
    }

    fn stage(self, s: Stage) -> &'static str {
        use Stage::*;
        match (self, s) {
            (Language::Nl, Ingest) => "exports lezen",
            (Language::Nl, Score) => "scores berekenen",
            (Language::Nl, Disclose) => "privacy: onderdrukken en controleren",
            (Language::Nl, Trend) => "trends en SPC",
            (Language::Nl, Compare) => "regiovergelijking",
            (Language::Nl, TablesCharts) => "tabellen en grafieken",
            (Language::Nl, Flags) => "verbeterpunten en citaten",
            (Language::Nl, Documents) => "agenda's, index en manifest",
            (Language::Nl, Write) => "naar schijf schrijven",
            (Language::En, Ingest) => "reading exports",
            (Language::En, Score) => "scoring",
            (Language::En, Disclose) => "privacy: suppression and audit",
            (Language::En, Trend) => "trends and SPC",
            (Language::En, Compare) => "regional comparison",
            (Language::En, TablesCharts) => "tables and charts",
            (Language::En, Flags) => "improvement points and quotes",
            (Language::En, Documents) => "agendas, index and manifest",
            (Language::En, Write) => "writing to disk",
        }
    }
}

fn problem_words(lang: Language, p: Problem, full: bool) -> &'static str {
    match lang {
        Language::Nl => problem_table!(p, full, {
            UnknownAnswer => "onbekend antwoord" ("waarde niet gebruikt"),
            OutOfRange => "antwoord buiten de schaal" ("waarde niet gebruikt"),
            BadDate => "datum onleesbaar" ("rij niet gebruikt"),
            MissingDate => "datum ontbreekt" ("rij niet gebruikt"),
            AmbiguousDate => "datum dubbelzinnig: dag en maand staan hier in beide volgordes" ("rij niet gebruikt; date_order zou de andere volgorde verkeerd lezen: vraag de export met datums als 2026-03-01"),
            MissingVsv => "VSV ontbreekt" ("rij niet gebruikt"),
            MissingCareType => "zorgsoort ontbreekt" ("rij niet gebruikt"),
            DuplicateRespondent => "dubbele respondent, eerder gezien" ("één keer geteld"),
            UnknownParity => "pariteit niet herkend" ("telt als onbekend"),
            UnknownAge => "leeftijd niet herkend" ("telt als onbekend"),
            RowWidth => "rij heeft meer velden dan de kopregel" ("rij niet gebruikt"),
            ShortRow => "rij heeft minder velden dan de kopregel" ("ontbrekende velden als leeg gelezen"),
            EmptyRow => "lege rij" ("overgeslagen"),
            MissingColumn => "vraag uit het codeboek staat niet in de export",
            NoAnswers => "rij zonder bruikbaar antwoord" ("niet gebruikt"),
        }),
        Language::En => problem_table!(p, full, {
            UnknownAnswer => "unknown answer" ("value not used"),
            OutOfRange => "answer outside the scale" ("value not used"),
            BadDate => "unreadable date" ("row not used"),
            MissingDate => "no date" ("row not used"),
            AmbiguousDate => "ambiguous date: day and month come in both orders here" ("row not used; date_order would misread the other order: ask for the export with dates as 2026-03-01"),
            MissingVsv => "no VSV" ("row not used"),
            MissingCareType => "no care type" ("row not used"),
            DuplicateRespondent => "duplicate respondent, seen before" ("counted once"),
            UnknownParity => "parity not recognised" ("counts as unknown"),
            UnknownAge => "age not recognised" ("counts as unknown"),
            RowWidth => "row has more fields than the header" ("row not used"),
            ShortRow => "row has fewer fields than the header" ("missing fields read as empty"),
            EmptyRow => "empty row" ("skipped"),
            MissingColumn => "codebook question not in the export",
            NoAnswers => "row without a usable answer" ("not used"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_in_short_leaves_out_what_prem_did() {
        let nl = Language::Nl;
        assert_eq!(
            nl.problem(Problem::BadDate),
            "datum onleesbaar (rij niet gebruikt)"
        );
        assert_eq!(nl.problem_short(Problem::BadDate), "datum onleesbaar");
        let en = Language::En;
        assert_eq!(
            en.problem(Problem::AmbiguousDate),
            "ambiguous date: day and month come in both orders here (row not used; date_order would misread the other order: ask for the export with dates as 2026-03-01)"
        );
        assert_eq!(
            en.problem_short(Problem::AmbiguousDate),
            "ambiguous date: day and month come in both orders here"
        );
        // Without a part in brackets both forms are one.
        let missing = en.problem(Problem::MissingColumn);
        assert_eq!(missing, "codebook question not in the export");
        assert_eq!(en.problem_short(Problem::MissingColumn), missing);
    }
}
