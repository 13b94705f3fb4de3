//! What a rerun may replace. A report folder holds what prem wrote — recorded file by file,
//! with sha256 and size, in its `manifest.json` — and maybe the officer's own work: a note
//! added beside the agendas, an agenda edited for the meeting. A rerun replaces only files
//! prem wrote and nobody changed since; [`Previous::check`] names every other file the run
//! would remove or overwrite, so that it stops before anything is lost (unless forced).
//!
//! A folder without such a record (not written by prem, or by a version before the record)
//! is taken to be all the user's: prem cannot tell its files from hers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Change, Conflict, Error, Result};
use crate::layout::{INDEX_FILES, MANIFEST};

/// One file as prem wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    /// Relative to the report folder, '/' separated.
    pub path: String,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

impl Written {
    /// The record of `bytes` written at `path`.
    pub fn of(path: &str, bytes: &[u8]) -> Written {
        Written {
            path: path.to_string(),
            sha256: Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            bytes: bytes.len() as u64,
        }
    }
}

/// The part of the report folder a run replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everything: the folder is replaced whole.
    Whole,
    /// Only these units' folders, the index and the manifest; everything else stays.
    Units(Vec<String>),
}

impl Scope {
    /// Whether the run removes or overwrites the file at `path` (relative, '/' separated).
    pub fn replaces(&self, path: &str) -> bool {
        match self {
            Scope::Whole => true,
            Scope::Units(dirs) => {
                path == MANIFEST
                    || INDEX_FILES.contains(&path)
                    || dirs.iter().any(|d| {
                        path == d
                            || path
                                .strip_prefix(d.as_str())
                                .is_some_and(|rest| rest.starts_with('/'))
                    })
            }
        }
    }
}

/// The report folder as a rerun finds it.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    /// Every file in the folder now, by relative path.
    pub files: BTreeMap<String, Written>,
    /// What prem wrote there, from the manifest; `None` when no manifest lists its files.
    pub record: Option<BTreeMap<String, Written>>,
}

/// The part of `manifest.json` a rerun reads.
#[derive(Deserialize)]
struct Record {
    files: Vec<Written>,
}

impl Previous {
    /// Reads the folder `dir`; a folder that does not exist is empty. Symbolic links are
    /// listed, never followed (a link is never what prem wrote).
    pub fn read(dir: &Path) -> Result<Previous> {
        let mut files = BTreeMap::new();
        match std::fs::symlink_metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Previous::default()),
            Err(source) => return Err(Error::io(dir, source)),
            Ok(_) => {}
        }
        let mut stack: Vec<(PathBuf, String)> = vec![(dir.to_path_buf(), String::new())];
        while let Some((folder, prefix)) = stack.pop() {
            let entries = std::fs::read_dir(&folder).map_err(|e| Error::io(&folder, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(&folder, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel = format!("{prefix}{name}");
                let path = entry.path();
                let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
                if kind.is_dir() {
                    stack.push((path, format!("{rel}/")));
                } else if kind.is_file() {
                    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                    files.insert(rel.clone(), Written::of(&rel, &bytes));
                } else {
                    // A link or special file: listed with no hash, so it never matches.
                    let w = Written {
                        path: rel.clone(),
                        sha256: String::new(),
                        bytes: 0,
                    };
                    files.insert(rel, w);
                }
            }
        }
        let record = std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice::<Record>(&b).ok())
            .map(|r| r.files.into_iter().map(|w| (w.path.clone(), w)).collect());
        Ok(Previous { files, record })
    }

    /// Whether the folder holds no file at all.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The files a run replacing `scope` would remove or overwrite that prem did not write
    /// as they are now, sorted by path. The manifest itself is prem's, whatever it holds.
    pub fn conflicts(&self, scope: &Scope) -> Vec<Conflict> {
        self.files
            .values()
            .filter(|f| f.path != MANIFEST && scope.replaces(&f.path) && !is_system_file(&f.path))
            .filter_map(|f| {
                let change = match self.record.as_ref().and_then(|r| r.get(&f.path)) {
                    None => Change::Added,
                    Some(w) if w.sha256 != f.sha256 || w.bytes != f.bytes => Change::Edited,
                    Some(_) => return None,
                };
                Some(Conflict {
                    path: f.path.clone(),
                    change,
                })
            })
            .collect()
    }

    /// Stops a run replacing `scope` of the folder `dir` when it would lose someone's work.
    pub fn check(&self, scope: &Scope, dir: &Path) -> Result<()> {
        let conflicts = self.conflicts(scope);
        if conflicts.is_empty() {
            return Ok(());
        }
        Err(Error::WorkWouldBeLost {
            dir: dir.to_path_buf(),
            conflicts,
            unrecorded: self.record.is_none(),
        })
    }
}

/// Files the file manager makes in any folder it shows (thumbnails, view settings): nobody's
/// work, so never a reason to stop.
const SYSTEM_FILES: [&str; 3] = [".DS_Store", "Thumbs.db", "desktop.ini"];

fn is_system_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    SYSTEM_FILES.iter().any(|s| s.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn previous(on_disk: &[(&str, &str)], record: Option<&[(&str, &str)]>) -> Previous {
        let map = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(p, b)| (p.to_string(), Written::of(p, b.as_bytes())))
                .collect::<BTreeMap<_, _>>()
        };
        Previous {
            files: map(on_disk),
            record: record.map(map),
        }
    }

    const WRITTEN: &[(&str, &str)] = &[
        ("index.md", "# index"),
        ("vsv-a/agenda.md", "# A"),
        ("vsv-b/agenda.md", "# B"),
        ("tables/scores.csv", "x"),
    ];

    #[test]
    fn an_untouched_report_has_no_conflicts() {
        let mut disk = WRITTEN.to_vec();
        disk.push((MANIFEST, "{}"));
        let p = previous(&disk, Some(WRITTEN));
        assert_eq!(p.conflicts(&Scope::Whole), []);
    }

    #[test]
    fn added_and_edited_files_are_named_and_deleted_ones_are_not() {
        let disk = [
            ("index.md", "# index"),
            ("vsv-a/agenda.md", "# A, met notities van de vergadering"),
            ("vsv-a/notitie.txt", "bel de kraamzorg"),
            ("vsv-a/charts/Thumbs.db", "thumbnails"),
            ("tables/scores.csv", "x"),
        ];
        let p = previous(&disk, Some(WRITTEN));
        assert_eq!(
            p.conflicts(&Scope::Whole),
            [
                Conflict {
                    path: "vsv-a/agenda.md".into(),
                    change: Change::Edited
                },
                Conflict {
                    path: "vsv-a/notitie.txt".into(),
                    change: Change::Added
                },
            ]
        );
    }

    #[test]
    fn a_partial_run_only_minds_what_it_replaces() {
        let disk = [
            ("index.md", "# index, bewerkt"),
            ("vsv-a/agenda.md", "# A"),
            ("vsv-b/agenda.md", "# B, bewerkt"),
            ("vsv-b/notitie.txt", "n"),
            ("notitie.txt", "n"),
        ];
        let p = previous(&disk, Some(WRITTEN));
        let scope = Scope::Units(vec!["vsv-a".into()]);
        let paths: Vec<String> = p.conflicts(&scope).into_iter().map(|c| c.path).collect();
        assert_eq!(paths, ["index.md"]);
        let scope = Scope::Units(vec!["vsv-b".into()]);
        let paths: Vec<String> = p.conflicts(&scope).into_iter().map(|c| c.path).collect();
        assert_eq!(paths, ["index.md", "vsv-b/agenda.md", "vsv-b/notitie.txt"]);
    }

    #[test]
    fn a_folder_without_a_record_is_all_the_users() {
        let p = previous(&[("agenda.md", "x"), (MANIFEST, "{}")], None);
        assert_eq!(
            p.conflicts(&Scope::Whole),
            [Conflict {
                path: "agenda.md".into(),
                change: Change::Added
            }]
        );
        assert!(p.check(&Scope::Whole, Path::new("r")).is_err());
        assert!(Previous::default()
            .check(&Scope::Whole, Path::new("r"))
            .is_ok());
    }

    #[test]
    fn a_unit_scope_matches_whole_folder_names_only() {
        let s = Scope::Units(vec!["vsv-a".into()]);
        assert!(s.replaces("vsv-a/charts/x.png"));
        assert!(s.replaces("vsv-a"));
        assert!(s.replaces("index.html") && s.replaces(MANIFEST));
        assert!(!s.replaces("vsv-ab/agenda.md"));
        assert!(!s.replaces("regio/agenda.md") && !s.replaces("tables/scores.csv"));
    }

    #[test]
    fn reading_a_folder_lists_files_and_the_record() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("2026-Q3");
        assert!(Previous::read(&dir).unwrap().is_empty());
        std::fs::create_dir_all(dir.join("vsv-a")).unwrap();
        std::fs::write(dir.join("vsv-a/agenda.md"), "# A").unwrap();
        let record = serde_json::json!({
            "tool": "prem",
            "files": [Written::of("vsv-a/agenda.md", b"# A")],
        });
        std::fs::write(dir.join(MANIFEST), record.to_string()).unwrap();
        let p = Previous::read(&dir).unwrap();
        assert_eq!(
            p.files.keys().collect::<Vec<_>>(),
            [MANIFEST, "vsv-a/agenda.md"]
        );
        assert_eq!(p.conflicts(&Scope::Whole), []);
        // A manifest of an older version, without the files: nothing is known to be prem's.
        std::fs::write(dir.join(MANIFEST), r#"{"tool": "prem"}"#).unwrap();
        let p = Previous::read(&dir).unwrap();
        assert!(p.record.is_none());
        assert_eq!(p.conflicts(&Scope::Whole).len(), 1);
    }
}
