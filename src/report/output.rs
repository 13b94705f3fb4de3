//! Writing a report folder safely: every file goes to a staging folder beside it first,
//! which then replaces the previous report by renames, so an interrupted run leaves the
//! previous report intact (what may be replaced at all is [`crate::report::rerun`]'s question).
//! Paths come from [`slug`], so no name can leave the output folder, and from
//! [`unique_slugs`], so two units never share a folder; a path added twice is an error,
//! never an overwrite.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// Files of one report, by path relative to the report folder ('/' separated).
#[derive(Debug, Default, Clone)]
pub struct Bundle {
    files: BTreeMap<String, Vec<u8>>,
    /// Files of the folder being replaced that stay as they are (see [`Bundle::keep`]).
    keep: BTreeSet<String>,
}

impl Bundle {
    /// An empty bundle.
    pub fn new() -> Bundle {
        Bundle::default()
    }

    /// Adds a file; a path that is absolute or climbs out (`..`), or that the bundle holds
    /// already, is refused.
    pub fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) -> Result<()> {
        let path = path.into();
        let p = Path::new(&path);
        if path.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Error::OutsideFolder {
                path: p.to_path_buf(),
            });
        }
        match self.files.entry(path) {
            std::collections::btree_map::Entry::Occupied(e) => Err(Error::WrittenTwice {
                path: PathBuf::from(e.key()),
            }),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(bytes);
                Ok(())
            }
        }
    }

    /// The files, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.files.iter()
    }

    /// The bytes of one file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Keeps the file at `path` of the folder being replaced: [`Bundle::write`] copies it
    /// over from there.
    pub fn keep(&mut self, path: impl Into<String>) {
        self.keep.insert(path.into());
    }

    /// The files kept from the folder being replaced.
    pub fn kept(&self) -> impl Iterator<Item = &String> {
        self.keep.iter()
    }

    /// Drops the files whose path fails `wanted`.
    pub fn retain(&mut self, mut wanted: impl FnMut(&str) -> bool) {
        self.files.retain(|p, _| wanted(p));
    }

    /// Writes the bundle as folder `dir`, replacing what was there: first everything into a
    /// staging folder beside it (with the kept files copied from `dir`), then swapped in by
    /// renames. Until the swap, `dir` is untouched, so a run that fails or is killed leaves
    /// the previous report as it was; what such a run left behind is tidied up here.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "report".into());
        std::fs::create_dir_all(parent)
            .map_err(|source| Error::write(parent.to_path_buf(), source))?;
        recover(dir)?;
        let pid = std::process::id();
        let staging = Staging(parent.join(format!(".{name}.new-{pid}")));
        if staging.0.exists() {
            std::fs::remove_dir_all(&staging.0)
                .map_err(|source| Error::write(staging.0.clone(), source))?;
        }
        std::fs::create_dir(&staging.0)
            .map_err(|source| Error::write(staging.0.clone(), source))?;
        for rel in &self.keep {
            copy_kept(&dir.join(rel), &staging.0.join(rel))?;
        }
        for (rel, bytes) in &self.files {
            let path = staging.0.join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)
                    .map_err(|source| Error::write(p.to_path_buf(), source))?;
            }
            std::fs::write(&path, bytes).map_err(|source| Error::write(dir.join(rel), source))?;
        }
        let old = parent.join(format!(".{name}.old-{pid}"));
        let had_old = std::fs::symlink_metadata(dir).is_ok();
        if had_old {
            std::fs::rename(dir, &old).map_err(|source| Error::write(dir.to_path_buf(), source))?;
        }
        if let Err(source) = std::fs::rename(&staging.0, dir) {
            if had_old {
                let _ = std::fs::rename(&old, dir);
            }
            return Err(Error::write(dir.to_path_buf(), source));
        }
        std::mem::forget(staging);
        if had_old {
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

/// A staging folder, removed when the run fails before swapping it in.
struct Staging(PathBuf);

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies a kept file into the staging folder; a symbolic link stays a link.
fn copy_kept(from: &Path, to: &Path) -> Result<()> {
    if let Some(p) = to.parent() {
        std::fs::create_dir_all(p).map_err(|source| Error::write(p.to_path_buf(), source))?;
    }
    let meta = std::fs::symlink_metadata(from).map_err(|e| Error::io(from, e))?;
    #[cfg(unix)]
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(from).map_err(|e| Error::io(from, e))?;
        return std::os::unix::fs::symlink(target, to)
            .map_err(|source| Error::write(to.to_path_buf(), source));
    }
    let _ = meta;
    std::fs::copy(from, to).map_err(|source| Error::write(to.to_path_buf(), source))?;
    Ok(())
}

/// Cleans up after earlier runs into the report folder `dir` that did not finish (see
/// [`Bundle::write`]); a report one of them left moved aside is moved back. Call it before
/// looking at what is in `dir`.
pub fn recover(dir: &Path) -> Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match dir.file_name() {
        Some(name) => tidy_leftovers(parent, &name.to_string_lossy(), dir),
        None => Ok(()),
    }
}

/// Cleans up after earlier runs into `dir` (folder `name` in `parent`) that did not finish:
/// a staging folder `.<name>.new-<pid>` is removed; a previous report moved aside as
/// `.<name>.old-<pid>` is moved back when `dir` is missing (the run stopped between the two
/// renames), else removed (it was replaced). Only names of this pattern (and of the older
/// `.<name>.tmp-*`, `.<name>.old`) are touched, and only when their run has ended.
fn tidy_leftovers(parent: &Path, name: &str, dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let new = format!(".{name}.new-");
    let old = format!(".{name}.old-");
    let legacy_tmp = format!(".{name}.tmp-");
    let legacy_old = format!(".{name}.old");
    let mut staged = Vec::new();
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let ended = |pid: &str| pid.parse::<u32>().is_ok_and(|pid| run_ended(pid, &path));
        if file.strip_prefix(&new).is_some_and(ended) || file.starts_with(&legacy_tmp) {
            staged.push(path);
        } else if file.strip_prefix(&old).is_some_and(ended) || file == legacy_old {
            olds.push(path);
        }
    }
    for path in staged {
        let _ = std::fs::remove_dir_all(path);
    }
    olds.sort();
    let mut olds = olds.into_iter();
    if std::fs::symlink_metadata(dir).is_err() {
        if let Some(previous) = olds.next() {
            std::fs::rename(&previous, dir)
                .map_err(|source| Error::write(dir.to_path_buf(), source))?;
        }
    }
    for path in olds {
        let _ = std::fs::remove_dir_all(path);
    }
    Ok(())
}

/// Whether the run with process id `pid` that left `path` has ended. Where `/proc` lists
/// the running processes that decides; elsewhere a leftover an hour old counts as ended
/// (a run takes minutes).
fn run_ended(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 3600)
}

/// Writes one file atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|source| Error::write(dir.to_path_buf(), source))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|source| Error::write(path.to_path_buf(), source))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .map_err(|source| Error::write(path.to_path_buf(), source))?;
    // A temporary file is private (0600); the result should read like any other file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path)
        .map_err(|e| Error::write(path.to_path_buf(), e.error))?;
    Ok(())
}

// Folder names are the layout's; re-exported for the callers that write with them.
pub use crate::layout::{slug, unique_slugs};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_refuses_a_second_file_at_the_same_path() {
        let mut b = Bundle::default();
        b.add("vsv-noord/agenda.md", b"first".to_vec()).unwrap();
        assert!(b.add("vsv-noord/agenda.md", b"second".to_vec()).is_err());
        assert_eq!(b.get("vsv-noord/agenda.md"), Some(&b"first"[..]));
    }

    #[test]
    fn bundle_refuses_escaping_paths() {
        let mut b = Bundle::default();
        assert!(b.add("../x", vec![]).is_err());
        assert!(b.add("/etc/x", vec![]).is_err());
        assert!(b.add("a/./b", vec![]).is_err() || b.get("a/b").is_none());
        assert!(b.add("a/b.csv", vec![1]).is_ok());
    }

    #[test]
    fn bundle_write_replaces_the_previous_report() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("2026-Q3");
        let mut b = Bundle::default();
        b.add("old.txt", b"old".to_vec()).unwrap();
        b.write(&dir).unwrap();
        let mut b = Bundle::default();
        b.add("x/new.txt", b"new".to_vec()).unwrap();
        b.write(&dir).unwrap();
        assert!(!dir.join("old.txt").exists());
        assert_eq!(std::fs::read(dir.join("x/new.txt")).unwrap(), b"new");
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }

    /// Every file below `dir` with its bytes, and the names beside it.
    fn snapshot(dir: &Path) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
        let previous = crate::report::rerun::Previous::read(dir).unwrap();
        let files = previous
            .files
            .keys()
            .map(|p| (p.clone(), std::fs::read(dir.join(p)).unwrap()))
            .collect();
        let mut beside: Vec<String> = std::fs::read_dir(dir.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        (files, beside)
    }

    #[test]
    fn a_write_failing_partway_leaves_the_previous_report_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("2026-Q3");
        let mut b = Bundle::default();
        b.add("index.md", b"old".to_vec()).unwrap();
        b.add("vsv-a/agenda.md", b"A".to_vec()).unwrap();
        b.write(&dir).unwrap();
        let before = snapshot(&dir);
        // "a" is written as a file first, so the folder "a/" for the next one cannot be made.
        let mut b = Bundle::default();
        b.add("a", b"x".to_vec()).unwrap();
        b.add("a/b.md", b"y".to_vec()).unwrap();
        b.add("index.md", b"new".to_vec()).unwrap();
        assert!(matches!(b.write(&dir), Err(Error::Write { .. })));
        assert_eq!(snapshot(&dir), before, "old report intact, no staging left");
    }

    #[test]
    fn kept_files_are_carried_over_and_the_rest_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("2026-Q3");
        let mut b = Bundle::default();
        b.add("vsv-a/agenda.md", b"A1".to_vec()).unwrap();
        b.add("vsv-b/agenda.md", b"B1".to_vec()).unwrap();
        b.write(&dir).unwrap();
        std::fs::write(dir.join("notitie.txt"), "mijn notitie").unwrap();
        let mut b = Bundle::default();
        b.add("vsv-a/agenda.md", b"A2".to_vec()).unwrap();
        b.keep("vsv-b/agenda.md");
        b.keep("notitie.txt");
        b.write(&dir).unwrap();
        let (files, beside) = snapshot(&dir);
        let want: Vec<(String, Vec<u8>)> = [
            ("notitie.txt", &b"mijn notitie"[..]),
            ("vsv-a/agenda.md", b"A2"),
            ("vsv-b/agenda.md", b"B1"),
        ]
        .iter()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
        assert_eq!(files, want);
        assert_eq!(beside, ["2026-Q3"]);
    }

    #[test]
    fn leftovers_of_a_killed_run_are_tidied_and_a_report_moved_aside_comes_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("2026-Q3");
        // A run killed between its renames: the report moved aside, the new one staged.
        // (No process has id 4294967295; a name that is not ours is left alone.)
        let old = tmp.path().join(".2026-Q3.old-4294967295");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("index.md"), "vorig rapport").unwrap();
        std::fs::create_dir_all(tmp.path().join(".2026-Q3.new-4294967295/x")).unwrap();
        std::fs::create_dir_all(tmp.path().join(".2026-Q3.new-iets")).unwrap();
        std::fs::write(tmp.path().join(crate::layout::SIGNALS), "privé").unwrap();
        tidy_leftovers(tmp.path(), "2026-Q3", &dir).unwrap();
        assert_eq!(
            std::fs::read(dir.join("index.md")).unwrap(),
            b"vorig rapport"
        );
        let mut beside: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        assert_eq!(beside, [".2026-Q3.new-iets", ".signalen.csv", "2026-Q3"]);
    }
}
