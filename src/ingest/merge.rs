//! Merging the files' rows in file order: one table of names, one key per respondent,
//! duplicates out (or merged, for sources with several rows per respondent).

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::canonical::{Answer, Canonical, Comment, Respondent};
use super::files::stable_digest;
use super::quality::{shown_value, CodebookWords};
use super::rows::FileData;
use crate::error::row::{Expected, Issue, Problem};

/// Merges file results in order: names into one table, duplicates out, keys assigned.
#[derive(Default)]
pub(super) struct Merger {
    /// Per source: raw id → respondent key.
    keys: Vec<HashMap<Arc<str>, u32>>,
    /// (respondent key, care type) → (file index, row) of the first copy.
    seen: HashMap<(u32, Option<u32>), (usize, usize)>,
    /// Files merged so far, as displayed.
    files: Vec<String>,
    next_key: u32,
    pub(super) keys_per_source: HashMap<usize, usize>,
    /// Rows kept so far (the next file's offset in the respondents table).
    rows_so_far: u32,
    /// Per source: several rows per respondent by design (`rows_per_respondent = "many"`).
    many: Vec<bool>,
    /// (respondent key, care type) → index of its first row in the canonical table, where
    /// the open answers of rows merged into it go.
    first_row: HashMap<(u32, Option<u32>), u32>,
    /// (source, respondent key) of every respondent with a safeguarding signal on any of
    /// its rows, merged or left out ones too.
    pub(super) blocked: rustc_hash::FxHashSet<(usize, u32)>,
}

/// One file's rows after the merge decisions: which rows stay, with which key, and where
/// they go in the canonical tables.
pub(super) struct Decided {
    data: FileData,
    /// Global name ids of the file's local names.
    remap: Vec<u32>,
    /// Per file row: the respondent key, or none when left out.
    keys: Vec<Option<u32>>,
    /// Per file row merged into an earlier one (`rows_per_respondent = "many"`): that
    /// row's index in the canonical table, where its open answers go.
    merged_into: Vec<Option<u32>>,
    /// Index of the file's first kept row in the canonical respondents table.
    offset: u32,
}

impl Merger {
    /// A merger for sources whose `many[s]` says several rows per respondent are by design.
    pub(super) fn new(many: Vec<bool>) -> Merger {
        Merger {
            many,
            ..Merger::default()
        }
    }

    /// Interns the file's names, assigns keys and reports duplicates, in file order.
    pub(super) fn decide(&mut self, c: &mut Canonical, mut data: FileData) -> Decided {
        let s = data.source;
        let source_name = c.sources[s].name.clone();
        let remap: Vec<u32> = (0..data.names.len())
            .map(|i| c.names.intern(data.names.get(i as u32)))
            .collect();
        if self.keys.len() <= s {
            self.keys.resize_with(s + 1, HashMap::default);
        }
        let file_index = self.files.len();
        self.files.push(data.file.display.clone());
        c.signals.append(&mut data.signals);
        note_month_first(c, &data);
        let mut keys = Vec::with_capacity(data.rows.len());
        let mut merged_into = vec![None; data.rows.len()];
        let mut issues = Vec::new();
        let many = self.many.get(s).copied().unwrap_or(false);
        let mut merged = 0usize;
        for (at, fr) in data.rows.iter().enumerate() {
            if fr.dropped {
                keys.push(None);
                continue;
            }
            let key = match &fr.raw_id {
                Some(raw) => self.key_of(c, s, &source_name, raw),
                None => {
                    let row = format!("{}:{}", data.file.display, fr.row_no);
                    self.new_key(c, s, stable_digest(&[&source_name, &row]))
                }
            };
            if fr.blocked {
                self.blocked.insert((s, key));
            }
            // Without an id of the export, every row is a respondent of its own.
            if fr.raw_id.is_none() {
                keys.push(Some(key));
                continue;
            }
            let care_type = fr
                .respondent
                .care_type
                .map(|id| remap.get(id as usize).copied().unwrap_or(id));
            match self.seen.get(&(key, care_type)) {
                Some(_) if many => {
                    // By design: her next comment row, not a second respondent.
                    merged += 1;
                    merged_into[at] = self.first_row.get(&(key, care_type)).copied();
                    keys.push(None);
                }
                Some(&(file, row)) => {
                    let first = (self.files[file].clone(), row);
                    issues.push(duplicate(
                        &source_name,
                        &data.file.display,
                        fr.row_no,
                        first,
                    ));
                    keys.push(None);
                }
                None => {
                    self.seen.insert((key, care_type), (file_index, fr.row_no));
                    let index = self.rows_so_far + keys.iter().flatten().count() as u32;
                    self.first_row.insert((key, care_type), index);
                    keys.push(Some(key));
                }
            }
        }
        let kept = add_to_quality(c, &source_name, &mut data, issues, &keys, merged);
        c.sources[s].files.push(data.file.clone());
        let offset = self.rows_so_far;
        self.rows_so_far += kept as u32;
        Decided {
            data,
            remap,
            keys,
            merged_into,
            offset,
        }
    }

    /// The respondent key of the export's id `raw` in source `s`, new when first seen.
    fn key_of(&mut self, c: &mut Canonical, s: usize, source_name: &str, raw: &Arc<str>) -> u32 {
        if let Some(&k) = self.keys[s].get(raw) {
            return k;
        }
        let k = self.new_key(c, s, stable_digest(&[source_name, raw]));
        self.keys[s].insert(raw.clone(), k);
        k
    }

    /// The next respondent key, for source `s`, with the `digest` that names it across runs.
    fn new_key(&mut self, c: &mut Canonical, s: usize, digest: u64) -> u32 {
        let k = self.next_key;
        self.next_key += 1;
        c.key_digests.push(digest);
        *self.keys_per_source.entry(s).or_insert(0) += 1;
        k
    }
}

/// The VSVs this file writes month first, for the data-quality report.
fn note_month_first(c: &mut Canonical, data: &FileData) {
    for &v in &data.month_first {
        let file = data.file.display.clone();
        c.quality
            .month_first
            .push((file, data.names.get(v).to_string()));
    }
}

/// The entry for a respondent seen before: `first` is the file and row of her first copy.
fn duplicate(source_name: &str, file: &str, row_no: usize, first: (String, usize)) -> Issue {
    Issue {
        source: source_name.to_string(),
        file: file.to_string(),
        row: Some(row_no),
        column: None,
        value: shown_value("", Problem::DuplicateRespondent, &CodebookWords::default()),
        problem: Problem::DuplicateRespondent,
        expected: Expected::FirstCopy {
            file: first.0,
            row: first.1,
        },
    }
}

/// Adds the file's entries (with the merge's `issues`, in row order) and counts to the
/// data-quality report; returns the number of rows kept.
fn add_to_quality(
    c: &mut Canonical,
    source_name: &str,
    data: &mut FileData,
    issues: Vec<Issue>,
    keys: &[Option<u32>],
    merged: usize,
) -> usize {
    let kept = keys.iter().filter(|k| k.is_some()).count();
    let kept_answers = data
        .answers
        .iter()
        .filter(|a| keys.get(a.row as usize).copied().flatten().is_some())
        .count();
    let mut all_issues = std::mem::take(&mut data.issues);
    all_issues.extend(issues);
    all_issues.sort_by_key(|i| i.row);
    c.quality.issues.extend(all_issues);
    if let Some(total) = c.quality.counts.get_mut(source_name) {
        let counts = &data.counts;
        total.files += counts.files;
        total.rows += counts.rows;
        total.rows_used += kept;
        total.rows_merged += merged;
        total.answers += kept_answers;
        total.missing_codes += counts.missing_codes;
        total.values_rejected += counts.values_rejected;
    }
    kept
}

impl Decided {
    /// The file's kept rows (names remapped, keys set), their answers and open answers
    /// (rows renumbered; a merged row's open answers go to the row it was merged into).
    pub(super) fn build(self) -> Built {
        let Decided {
            data,
            remap,
            keys,
            merged_into,
            offset,
        } = self;
        let map = |id: u32| remap.get(id as usize).copied().unwrap_or(id);
        let mut new_index: Vec<Option<u32>> = Vec::with_capacity(keys.len());
        let mut rows = Vec::with_capacity(keys.len());
        for (fr, key) in data.rows.into_iter().zip(&keys) {
            let Some(key) = *key else {
                new_index.push(None);
                continue;
            };
            let mut r = fr.respondent;
            r.vsv = map(r.vsv);
            r.organisation = r.organisation.map(map);
            r.care_type = r.care_type.map(map);
            r.education = r.education.map(map);
            r.place_of_birth = r.place_of_birth.map(map);
            r.source = data.source as u16;
            r.key = key;
            new_index.push(Some(offset + rows.len() as u32));
            rows.push(r);
        }
        let answers = data
            .answers
            .into_iter()
            .filter_map(|mut a| {
                let row = new_index.get(a.row as usize).copied().flatten()?;
                a.row = row;
                Some(a)
            })
            .collect();
        let comments = data
            .comments
            .into_iter()
            .filter_map(|mut c| {
                let at = c.row as usize;
                let row = new_index
                    .get(at)
                    .copied()
                    .flatten()
                    .or_else(|| merged_into.get(at).copied().flatten())?;
                c.row = row;
                Some(c)
            })
            .collect();
        (rows, answers, comments)
    }
}

/// One file's canonical rows, answers and open answers.
pub(super) type Built = (Vec<Respondent>, Vec<Answer>, Vec<Comment>);
