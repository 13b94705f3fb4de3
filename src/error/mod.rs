//! Errors of the library, as data: each variant names the file (and where it applies the
//! row, column or key) and carries what was found and what was expected, never a text. The
//! words, in the report language and with a hint of what to do, are made once at the edge
//! by [`crate::render::diagnostic::describe`]; `Display` is its English rendering.

pub mod row;

use std::path::PathBuf;

use crate::period::{Period, PeriodKind};
use row::{Issue, Problem};

/// A fatal problem: the run stops. (The cause of an I/O error is its `source()`, printed by
/// the CLI after the message.) Value-level problems are not errors but entries in the
/// data-quality report (see [`crate::ingest::quality`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read at all.
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// prem.toml is not valid TOML, has an unknown or missing key, or an impossible value.
    Config {
        path: PathBuf,
        problem: ConfigProblem,
    },
    /// A codebook (built in or a file) is not valid or not there.
    Codebook {
        path: PathBuf,
        problem: CodebookProblem,
    },
    /// An export (or a table given to `prem spc`/`funnel`) is unusable as a whole.
    Input {
        path: PathBuf,
        problem: InputProblem,
    },
    /// An export whose shape makes it unusable (see [`ExportProblem`]).
    Export {
        path: PathBuf,
        // Boxed: the problem's details would make every `Result` of the crate large.
        problem: Box<ExportProblem>,
    },
    /// The actions register (`acties.csv`) has a problem.
    Actions {
        path: PathBuf,
        problem: Box<ActionProblem>,
    },
    /// The participation register (`participatie.csv`) is unreadable or holds a bad value;
    /// its problems are those of a register, as the actions register's.
    Participation {
        path: PathBuf,
        problem: Box<ActionProblem>,
    },
    /// A peer's shared aggregate file (`[[peer]]`) cannot be used; no peer's figures are
    /// used then.
    Peer {
        path: PathBuf,
        problem: Box<PeerProblem>,
    },
    /// The national reference (`[benchmark] national`) has a problem.
    Benchmark {
        path: PathBuf,
        problem: Box<StandardProblem>,
    },
    /// The standard population (`[casemix] standard`) has a problem.
    Standard {
        path: PathBuf,
        problem: Box<StandardProblem>,
    },
    /// `--strict` turned `count` value-level problems into a fatal error.
    Strict { count: usize },
    /// Something the user asked for does not exist (a period, a VSV).
    Usage(UsageProblem),
    /// The privacy audit found `count` published numbers revealing a group smaller than
    /// `min_n`: a bug in prem; nothing was written. `first` says where.
    DisclosureAudit {
        path: PathBuf,
        count: usize,
        min_n: u32,
        first: AuditFinding,
    },
    /// Writing a table or document failed in a library; `message` is the library's own.
    Output { path: PathBuf, message: String },
    /// A report file's path would leave the report folder.
    OutsideFolder { path: PathBuf },
    /// Two files of one report got the same path; the second would overwrite the first.
    WrittenTwice { path: PathBuf },
    /// `prem init` would overwrite a file that exists.
    InitExists { path: PathBuf },
    /// The publication ledger (`.publicaties.csv`) does not read as prem wrote it: line
    /// `line` (1-based) says `value`.
    Ledger {
        path: PathBuf,
        line: usize,
        value: String,
    },
    /// A rerun would remove or overwrite files changed or added since prem wrote them.
    WorkWouldBeLost {
        dir: PathBuf,
        conflicts: Vec<Conflict>,
        /// The folder has no manifest listing what prem wrote, so every file counts.
        unrecorded: bool,
    },
}

/// A TOML file (prem.toml or a codebook) that does not read as the file it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlProblem {
    /// Where, 1-based (line, column), when the parser knows.
    pub at: Option<(usize, usize)>,
    /// The parser's own (English) message, e.g. "unknown field `languag`, expected …".
    pub message: String,
}

impl TomlProblem {
    /// The problem of a `toml` error in `text`, the TOML it parsed.
    pub fn of(e: &toml::de::Error, text: &str) -> TomlProblem {
        TomlProblem {
            at: e.span().map(|span| line_column(text, span.start)),
            message: e.message().trim().to_string(),
        }
    }
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// What is wrong in prem.toml.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigProblem {
    /// Not valid TOML, or a key that is unknown, missing or of the wrong type.
    Toml(TomlProblem),
    /// `[analysis] name` is empty.
    EmptyName,
    /// `[analysis] mid` is negative or not a number.
    Mid { mid: f64 },
    /// `[privacy] min_n` below 5.
    MinN { min_n: u32 },
    /// `[privacy] indicative_n` below `min_n`.
    IndicativeN { indicative_n: u32, min_n: u32 },
    /// No `[[source]]`.
    NoSource,
    /// A value `prem init` left as a question (`"?"`), on `line`; `question` is the
    /// comment above it.
    OpenQuestion {
        line: usize,
        key: String,
        question: Option<String>,
    },
    /// A section header prem.toml does not have, on `line`; `closest` is the one meant.
    UnknownSection {
        line: usize,
        found: String,
        closest: Option<String>,
    },
    /// `[[peer]]` without `[casemix] standard`: peers cannot share the strata a pooled
    /// standard needs.
    PeersNeedStandard,
    /// A `[[peer]]` with an empty `files` list.
    PeerNoFiles,
    /// A config of peers only whose `[[peer]]` names no codebook.
    PeersNeedCodebooks,
    /// `prem share` without `[casemix] standard`.
    ShareNeedsStandard,
    /// Source number `index` (1-based), called `name`, has a problem.
    Source {
        index: usize,
        name: String,
        problem: SourceProblem,
    },
    /// `[targets] theme = target` outside 0–10.
    Target { theme: String, target: f64 },
    /// `[targets]` names a theme that no codebook has.
    UnknownTarget { theme: String, known: Vec<String> },
    /// `files` of a source is not a valid glob.
    BadGlob {
        source: String,
        pattern: String,
        error: String,
    },
    /// Two codebooks define the same theme id.
    ThemeInTwoCodebooks {
        theme: String,
        first: String,
        second: String,
    },
    /// More items than the canonical tables can number.
    TooManyItems,
}

/// What is wrong with one `[[source]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceProblem {
    /// Its name is used by an earlier source.
    NameTwice,
    /// `files` is empty.
    NoFiles,
    /// `header_row = 0`.
    HeaderRowZero,
    /// Neither a date column nor a fixed date.
    NoDate,
    /// Neither a VSV column nor a fixed VSV.
    NoVsv,
}

/// What is wrong with a codebook.
#[derive(Debug, Clone, PartialEq)]
pub enum CodebookProblem {
    /// Not valid TOML, or a key that is unknown, missing or of the wrong type.
    Toml(TomlProblem),
    /// `spec` (from prem.toml) is neither a built-in codebook nor a file.
    NotFound { spec: String, known: Vec<String> },
    /// `prem codebook show NAME`: no built-in codebook of that name.
    NotBuiltIn { name: String, known: Vec<String> },
    /// A scale (`[scales.id]`) is not usable.
    Scale { id: String, problem: ScaleProblem },
    /// Two themes with one id.
    ThemeTwice { id: String },
    /// A theme's importance outside 1–4.
    ThemeImportance { id: String, value: f64 },
    /// A theme without items.
    ThemeNoItems { id: String },
    /// Two items with one id.
    ItemTwice { id: String },
    /// An item's scale is not under `[scales]`.
    ItemScale { id: String, scale: String },
    /// An item's theme is not under `[[themes]]`.
    ItemTheme { id: String, theme: String },
    /// An item without columns.
    ItemNoColumns { id: String },
    /// `[overall] key = id` names no item.
    OverallNotItem { key: String, id: String },
}

/// What is wrong with a scale of a codebook.
#[derive(Debug, Clone, PartialEq)]
pub enum ScaleProblem {
    /// A numeric scale without min and max.
    NeedsMinMax,
    /// A numeric scale whose min is not below its max.
    MinNotBelowMax { min: f64, max: f64 },
    /// An ordinal scale with fewer than two levels.
    TooFewLevels,
    /// `positive`/`problem` names a level the scale does not have.
    UnknownLevel { level: String },
    /// `scores` has `scores` values for `levels` levels.
    ScoresCount { scores: usize, levels: usize },
}

/// What makes a file unusable as a whole, before its shape is known.
#[derive(Debug, Clone, PartialEq)]
pub enum InputProblem {
    /// A file type prem does not read.
    UnsupportedType { ext: String },
    /// A text file the CSV reader fails on (`line` when it knows).
    NotCsv { line: Option<u64>, error: String },
    /// No bytes, or only blanks.
    Empty,
    /// `header_row` lies past the end of the file.
    HeaderRowPastEnd { header_row: usize },
    /// A spreadsheet file calamine cannot open.
    NotSpreadsheet { error: String },
    /// An SPSS file the reader refuses (damaged, cut off); `error` is its own words.
    NotSpss { error: String },
    /// `sheet` names no sheet of the workbook.
    SheetNotFound { sheet: String, sheets: Vec<String> },
    /// A workbook without sheets.
    NoSheets,
    /// A sheet calamine cannot read.
    SheetUnreadable { sheet: String, error: String },
    /// `header_row` lies outside the rows the sheet uses (`first`–`last`).
    HeaderRowEmpty {
        sheet: String,
        header_row: usize,
        first: usize,
        last: usize,
    },
    /// A source's glob matches no file (`config`: the prem.toml it is relative to).
    NoFileMatches {
        pattern: String,
        source: String,
        config: PathBuf,
        /// What is there instead: the pattern's folder and a few of its files, or, when
        /// that folder does not exist, its nearest existing parent and its folders.
        // Boxed: it would make every `Result` of the crate large.
        nearby: Option<Box<Nearby>>,
    },
    /// `[source.columns] key = "column"` of `source` is not in the header.
    MissingColumn {
        column: String,
        key: String,
        source: String,
        headers: Vec<String>,
    },
    /// A column asked for by name (`prem spc --value`, …) is not in the header.
    MissingNamedColumn {
        column: String,
        headers: Vec<String>,
    },
    /// None of the item columns of the codebook is in the header.
    NoItemColumns {
        codebook: String,
        expected: Vec<String>,
        headers: Vec<String>,
    },
    /// `prem spc --date`: a value that is no date or period.
    NotADate {
        row: usize,
        column: String,
        value: String,
    },
    /// No row has a number in `column`.
    NoValues { column: String },
    /// No row of any export could be used; per reason the count and the first entry.
    NoUsableRows { reasons: Vec<Reason> },
}

/// One reason rows were left out, for [`InputProblem::NoUsableRows`].
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub problem: Problem,
    pub count: usize,
    /// The first entry with this reason.
    pub first: Option<Issue>,
}

/// What makes an export unusable as a whole, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportProblem {
    /// A header row (`row`, 1-based) and no row with any value below it.
    HeaderOnly { row: usize },
    /// A column name that `used_by` asks for appears more than once in the header (`row`),
    /// at `positions` (1-based), so there is no telling which column is meant.
    DuplicateColumn {
        row: usize,
        column: String,
        positions: Vec<usize>,
        used_by: ColumnUse,
    },
}

/// Who asks for a column by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnUse {
    /// `[source.columns] key` in prem.toml.
    Field { key: String },
    /// An item of a codebook.
    Item { codebook: String, item: String },
    /// An open question of a codebook (`[open] key`).
    Open { codebook: String, key: String },
    /// prem itself (a column of the actions register, `prem spc`/`funnel` arguments).
    Named,
}

/// The folder a files pattern points into, as far as it exists, and what is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nearby {
    /// The pattern's folder, as written (relative to prem.toml).
    pub folder: String,
    /// Whether that folder exists; if not, `entries` are the folders of `parent`.
    pub exists: bool,
    /// The nearest existing folder above it (when `exists` is false).
    pub parent: String,
    /// A few names (files, or folders ending in `/`), sorted.
    pub entries: Vec<String>,
}

/// What is wrong with a shared aggregate file.
#[derive(Debug, Clone, PartialEq)]
pub enum PeerProblem {
    /// Not JSON, or cut off (`line`, `column` where the reader stopped).
    NotJson {
        line: usize,
        column: usize,
        error: String,
    },
    /// JSON, but not a `prem-aggregate/1` file.
    Format { found: String },
    /// A field missing, unknown or of the wrong type.
    Field { error: String },
    /// Made with a codebook this analysis does not use.
    UnknownCodebook { name: String, known: Vec<String> },
    /// Made with a codebook of the same name whose scoring differs (another version).
    CodebookDiffers { name: String },
    /// Another period kind than `[analysis] period`.
    PeriodKind { theirs: String, ours: PeriodKind },
    /// A period label that is not a period.
    BadPeriod { label: String },
    /// Made with a lower `min_n` than this analysis.
    MinN { theirs: u32, ours: u32 },
    /// Standardised against another standard population (or none).
    Standard,
    /// A theme, item or care type this analysis' codebook does not have.
    Unknown { what: String },
    /// A cell of fewer than `min_n` respondents: the file is not what `prem share` writes.
    BelowMinN {
        vsv: String,
        period: String,
        what: String,
        n: u64,
        min_n: u32,
    },
    /// Numbers that cannot belong together (`what` says which).
    Inconsistent { what: String },
    /// A VSV also in another shared file.
    VsvTwice { vsv: String, other: PathBuf },
    /// A VSV also in this analysis' own exports.
    VsvAlsoRaw { vsv: String },
    /// A `[[peer]]` pattern that matches no file.
    NoFileMatches { pattern: String },
    /// `prem share` over an earlier file: a period already shared changed by fewer than
    /// `min_n` respondents, so the two files together would single them out.
    SmallRevision {
        vsv: String,
        period: String,
        what: String,
        old: u64,
        new: u64,
    },
}

/// What is wrong with the standard population or the national reference (both small
/// tables typed in by hand).
#[derive(Debug, Clone, PartialEq)]
pub enum StandardProblem {
    /// The file cannot be read as a table.
    Unreadable(InputProblem),
    /// A column is missing.
    MissingColumn {
        column: String,
        headers: Vec<String>,
    },
    /// A value that is not what the column takes.
    Value {
        row: usize,
        column: String,
        value: String,
        expected: StandardExpected,
    },
    /// A stratum (or a theme and period) twice.
    Twice { row: usize },
    /// No weight above 0.
    NoWeight,
}

/// What a column of the standard population takes.
#[derive(Debug, Clone, PartialEq)]
pub enum StandardExpected {
    /// eerste, later or onbekend.
    Parity,
    /// A lower bound of the codebook's age bands, or onbekend.
    Age { bands: Vec<u32> },
    /// A number ≥ 0.
    Weight,
    /// A theme id of the analysis.
    Theme { known: Vec<String> },
    /// A period such as 2026-Q3 of the analysis' kind.
    Period,
    /// A mean on 0–10.
    Mean,
    /// A whole number of respondents ≥ 1, or empty.
    Count,
    /// A standard deviation > 0, or empty.
    Sd,
}

/// What is wrong with the actions register.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionProblem {
    /// The file does not read as a table.
    Unreadable(InputProblem),
    /// Its header does not have the column the register needs.
    MissingColumn {
        column: String,
        headers: Vec<String>,
    },
    /// Its header has a column the register needs more than once.
    Ambiguous(ExportProblem),
    /// A value (`row` 1-based, header = 1) that is not what the column takes.
    Value {
        row: usize,
        column: String,
        value: String,
        expected: ActionExpected,
    },
}

/// What a column of the actions register takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionExpected {
    /// Some text (the field must not be empty).
    Text,
    /// A date.
    Date,
    /// A horizon: 30 days, 90 days or a year.
    Horizon,
    /// A status: planned, running or done.
    Status,
    /// A theme id of the codebooks.
    Theme { known: Vec<String> },
    /// A VSV in the data, or nothing for the region.
    Vsv { known: Vec<String> },
    /// An id no earlier row has.
    UniqueId,
    /// A form of participation.
    Form,
    /// A step of the participatieladder.
    Level,
    /// A whole number of clients.
    Count,
    /// Ids of the actions register.
    ActionId { known: Vec<String> },
    /// A date on or after the activity's.
    AfterDate { date: chrono::NaiveDate },
}

/// Something asked for on the command line that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// `--period` that reads as no period.
    BadPeriod { period: String },
    /// `--date` that is not YYYY-MM-DD.
    BadDate { date: String },
    /// `--period` of another kind than `[analysis] period`.
    PeriodKind { period: Period, kind: PeriodKind },
    /// `--period` without data; the data cover `periods`.
    NoDataForPeriod {
        period: Period,
        periods: Vec<Period>,
    },
    /// `--vsv` not in the data.
    UnknownVsv { vsv: String, known: Vec<String> },
}

/// How a file differs from what prem wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Not in the record: a person (or another program) put it there.
    Added,
    /// In the record with other bytes: edited since.
    Edited,
}

/// A file a rerun (see [`crate::report::rerun`]) would remove or overwrite although prem did not
/// write it as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Relative to the report folder, '/' separated.
    pub path: String,
    pub change: Change,
}

/// Where the privacy audit found a problem: a [`crate::analysis::disclosure::audit::Finding`] with its
/// indices resolved to names, for a bug report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditFinding {
    pub period: Period,
    /// The cell's VSV, care type and organisation (those it has), in the export's names,
    /// then its measure's theme or item id from the codebook.
    pub names: Vec<String>,
    pub problem: AuditProblem,
}

/// What the privacy audit found ([`crate::analysis::disclosure::audit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditProblem {
    /// A hidden cell still carries numbers.
    HiddenWithNumbers,
    /// A shown statistic rests on fewer than min_n respondents.
    TooFew,
    /// A cell over care types averages a care type that is not shown.
    CoversHidden,
    /// Subtracting shown cells from a shown total isolates this many respondents.
    Isolates(u64),
    /// A response count that is not the n of a shown score of its unit.
    OwnCount,
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An [`Error::Config`] for `path`.
    pub fn config(path: impl Into<PathBuf>, problem: ConfigProblem) -> Self {
        Error::Config {
            path: path.into(),
            problem,
        }
    }

    /// An [`Error::Codebook`] for `path`.
    pub fn codebook(path: impl Into<PathBuf>, problem: CodebookProblem) -> Self {
        Error::Codebook {
            path: path.into(),
            problem,
        }
    }

    /// An [`Error::Input`] for `path`.
    pub fn input(path: impl Into<PathBuf>, problem: InputProblem) -> Self {
        Error::Input {
            path: path.into(),
            problem,
        }
    }

    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An [`Error::Write`] for `path`.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Write {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where toml's own message says the problem is.
    fn toml_says(e: &toml::de::Error) -> Option<(usize, usize)> {
        let text = e.to_string();
        let rest = text
            .lines()
            .next()?
            .strip_prefix("TOML parse error at line ")?;
        let (line, column) = rest.split_once(", column ")?;
        Some((line.parse().ok()?, column.parse().ok()?))
    }

    #[test]
    fn a_toml_problem_is_where_the_parser_says() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            naam: String,
        }
        for (text, at) in [
            ("naam = \"x\"\nlanguag = 1\n", (2, 1)),
            ("naam = \"één\"\n[a\n", (2, 3)),
            ("naam = 'één' x\n", (1, 14)),
            ("\n\nnaam = [1,\n", (3, 11)),
            ("naam = [1,", (1, 11)),
        ] {
            let e = toml::from_str::<T>(text).unwrap_err();
            let p = TomlProblem::of(&e, text);
            assert_eq!(p.at, Some(at), "{text:?}: {e}");
            assert_eq!(p.at, toml_says(&e), "{text:?}: {e}");
        }
    }
}
