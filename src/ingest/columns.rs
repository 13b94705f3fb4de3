//! Where a file's columns are: the fields of `[source.columns]`, each item and open text
//! of the codebook (per care type in a wide export), and the layout that follows.

use std::path::Path;

use super::plan::{CodebookPlan, PlannedItem};
use super::value::normalize;
use crate::config::codebook::Codebook;
use crate::config::{Fields, Source};
use crate::error::{ColumnUse, Error, ExportProblem, InputProblem, Result};

/// Column positions of one file.
pub(super) struct ColumnMap {
    pub(super) fields: FieldCols,
    /// Per unit row of an input row: care type (wide: codebook key; long/flat: none), its
    /// item columns and open-text columns.
    pub(super) units: Vec<UnitCols>,
    pub(super) layout: &'static str,
    /// Safeguarding flag columns (`[open] safeguarding`).
    pub(super) flags: Vec<usize>,
    /// The export's sentiment of a comment (`[open.sentiment]`).
    pub(super) sentiment: Option<usize>,
    /// Every open-text column of the units, once, for the safeguarding scan.
    pub(super) texts: Vec<usize>,
}

#[derive(Default)]
pub(super) struct FieldCols {
    pub(super) respondent: Option<usize>,
    pub(super) vsv: Option<usize>,
    pub(super) organisation: Option<usize>,
    pub(super) care_type: Option<usize>,
    pub(super) date: Option<usize>,
    pub(super) parity: Option<usize>,
    pub(super) age: Option<usize>,
    pub(super) education: Option<usize>,
    pub(super) place_of_birth: Option<usize>,
}

pub(super) struct UnitCols {
    pub(super) care_type: Option<String>,
    /// (index into the source's planned items, column index, column name)
    pub(super) items: Vec<(usize, usize)>,
    pub(super) improvement: Option<usize>,
    pub(super) compliment: Option<usize>,
    /// Comments of either kind, placed by polarity.
    pub(super) comment: Option<usize>,
}

/// A header row's column names, compared as [`normalize`] compares them (case, accents and
/// spacing do not count).
pub(super) struct Header {
    normalized: Vec<String>,
    /// 1-based row of the header, for messages.
    row: usize,
}

impl Header {
    pub(super) fn new(names: &[String], row: usize) -> Header {
        Header {
            normalized: names.iter().map(|h| normalize(h)).collect(),
            row,
        }
    }

    /// The column called `name`, if any. Several columns of that name are an error: the
    /// first would win silently, and nobody could tell which one was meant. (Names nobody
    /// asks for may repeat: they change no number, like any column that is not read.)
    pub(super) fn find(
        &self,
        path: &Path,
        name: &str,
        used_by: impl FnOnce() -> ColumnUse,
    ) -> Result<Option<usize>> {
        let n = normalize(name);
        let hits: Vec<usize> = (0..self.normalized.len())
            .filter(|&i| self.normalized[i] == n)
            .collect();
        match hits.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            _ => Err(Error::Export {
                path: path.to_path_buf(),
                problem: Box::new(ExportProblem::DuplicateColumn {
                    row: self.row,
                    column: name.trim().to_string(),
                    positions: hits.iter().map(|i| i + 1).collect(),
                    used_by: used_by(),
                }),
            }),
        }
    }

    /// The first of `names` (each after `prefix`) that the header has.
    fn first(
        &self,
        path: &Path,
        names: &[String],
        prefix: &str,
        used_by: impl Fn() -> ColumnUse,
    ) -> Result<Option<usize>> {
        for n in names {
            if let Some(c) = self.find(path, &format!("{prefix}{n}"), &used_by)? {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }
}

impl ColumnMap {
    /// Finds every column `source` names in the file's `headers`, and how its rows are
    /// laid out: wide (one set of item columns per care type), long (a care-type column)
    /// or flat (neither).
    pub(super) fn new(
        path: &Path,
        headers: &[String],
        source: &Source,
        plan: &CodebookPlan,
        s: usize,
    ) -> Result<ColumnMap> {
        let header = Header::new(headers, source.header_row);
        let fields = field_cols(path, &header, headers, source)?;
        let cols = CodebookColumns {
            path,
            header,
            cb: &plan.codebooks[s],
            planned: &plan.source_items[s],
        };
        let (units, layout) = cols.units(fields.care_type.is_some())?;
        if units.iter().all(|u| u.items.is_empty()) {
            let problem = InputProblem::NoItemColumns {
                codebook: cols.cb.name.clone(),
                expected: cols
                    .planned
                    .iter()
                    .filter_map(|p| p.columns.first().cloned())
                    .take(5)
                    .collect(),
                headers: headers.to_vec(),
            };
            return Err(Error::input(path, problem));
        }
        let mut flags = Vec::new();
        for name in &cols.cb.open.safeguarding {
            if let Some(c) = cols.open_column("safeguarding", name)? {
                flags.push(c);
            }
        }
        let sentiment = match &cols.cb.open.sentiment {
            Some(s) => cols.open_column("sentiment", &s.column)?,
            None => None,
        };
        let mut texts: Vec<usize> = units
            .iter()
            .flat_map(|u| [u.improvement, u.compliment, u.comment])
            .flatten()
            .collect();
        texts.sort_unstable();
        texts.dedup();
        Ok(ColumnMap {
            fields,
            units,
            layout,
            flags,
            sentiment,
            texts,
        })
    }
}

/// The columns of `[source.columns]` (respondent, VSV, date, …); one that is named but
/// not in the header is an error.
fn field_cols(
    path: &Path,
    header: &Header,
    headers: &[String],
    source: &Source,
) -> Result<FieldCols> {
    let c: &Fields = &source.columns;
    let lookup = |key: &str, name: &Option<String>| -> Result<Option<usize>> {
        let field = || ColumnUse::Field { key: key.into() };
        match name {
            None => Ok(None),
            Some(n) => header.find(path, n, field)?.map(Some).ok_or_else(|| {
                let problem = InputProblem::MissingColumn {
                    column: n.clone(),
                    key: key.to_string(),
                    source: source.name.clone(),
                    headers: headers.to_vec(),
                };
                Error::input(path, problem)
            }),
        }
    };
    Ok(FieldCols {
        respondent: lookup("respondent", &c.respondent)?,
        vsv: lookup("vsv", &c.vsv)?,
        organisation: lookup("organisation", &c.organisation)?,
        care_type: lookup("care_type", &c.care_type)?,
        date: lookup("date", &c.date)?,
        parity: lookup("parity", &c.parity)?,
        age: lookup("age", &c.age)?,
        education: lookup("education", &c.education)?,
        place_of_birth: lookup("place_of_birth", &c.place_of_birth)?,
    })
}

/// A file's header read against its source's codebook: where the items and open texts
/// are.
struct CodebookColumns<'a> {
    path: &'a Path,
    header: Header,
    cb: &'a Codebook,
    planned: &'a [PlannedItem],
}

impl CodebookColumns<'_> {
    /// The units of a row with their columns, and the layout: one unit per care type that
    /// has item columns under its prefix (wide), else one unit (long with a care-type
    /// column, else flat).
    fn units(&self, care_type_column: bool) -> Result<(Vec<UnitCols>, &'static str)> {
        let wide: Vec<UnitCols> = if care_type_column {
            Vec::new()
        } else {
            // Unprefixed open-text columns go to the first care type that has items. A care
            // type whose item column is ambiguous is there: keep it, so the error is raised.
            let with_items: Vec<(&String, &String)> = self
                .cb
                .care_types
                .iter()
                .filter(|(_, prefix)| self.items(prefix).map_or(true, |i| !i.is_empty()))
                .collect();
            with_items
                .iter()
                .enumerate()
                .map(|(i, (ct, prefix))| self.unit(Some((*ct).clone()), prefix, i == 0))
                .collect::<Result<_>>()?
        };
        if !wide.is_empty() {
            return Ok((wide, "wide"));
        }
        let layout = if care_type_column { "long" } else { "flat" };
        Ok((vec![self.unit(None, "", true)?], layout))
    }

    /// One unit's item and open-text columns, each named with `prefix`; with
    /// `open_fallback`, an open text also without it.
    fn unit(
        &self,
        care_type: Option<String>,
        prefix: &str,
        open_fallback: bool,
    ) -> Result<UnitCols> {
        let open = &self.cb.open;
        let improvement = self.open("improvement", &open.improvement, prefix, open_fallback)?;
        let compliment = self.open("compliment", &open.compliment, prefix, open_fallback)?;
        let comment = self.open("comments", &open.comments, prefix, open_fallback)?;
        // One column named as both improvement and compliment holds comments of either
        // kind: read it as `comments`, or every unclear text would be quoted on both
        // sides.
        let (improvement, compliment, comment) = match (improvement, compliment, comment) {
            (Some(i), Some(c), None) if i == c => (None, None, Some(i)),
            other => other,
        };
        Ok(UnitCols {
            care_type,
            items: self.items(prefix)?,
            improvement,
            compliment,
            comment,
        })
    }

    /// (planned item, column) of every item found under `prefix`.
    fn items(&self, prefix: &str) -> Result<Vec<(usize, usize)>> {
        let mut items = Vec::new();
        for (i, p) in self.planned.iter().enumerate() {
            let item = || ColumnUse::Item {
                codebook: self.cb.name.clone(),
                item: p.id.clone(),
            };
            if let Some(col) = self.header.first(self.path, &p.columns, prefix, item)? {
                items.push((i, col));
            }
        }
        Ok(items)
    }

    /// The open-text column `key` of `[open]`: the first of `names` under `prefix`, or
    /// with `fallback` without it.
    fn open(
        &self,
        key: &str,
        names: &[String],
        prefix: &str,
        fallback: bool,
    ) -> Result<Option<usize>> {
        let used_by = || ColumnUse::Open {
            codebook: self.cb.name.clone(),
            key: key.into(),
        };
        match self.header.first(self.path, names, prefix, used_by)? {
            Some(c) => Ok(Some(c)),
            None if fallback => self.header.first(self.path, names, "", used_by),
            None => Ok(None),
        }
    }

    /// The column `name` given for `key` of `[open]` (safeguarding flags, sentiment).
    fn open_column(&self, key: &str, name: &str) -> Result<Option<usize>> {
        self.header.find(self.path, name, || ColumnUse::Open {
            codebook: self.cb.name.clone(),
            key: key.to_string(),
        })
    }
}
