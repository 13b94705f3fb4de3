//! Writing a report folder safely: every file goes to a staging folder first, which then
//! replaces the previous report in one rename, so an interrupted run leaves the previous
//! report intact. Paths come from [`slug`], so no name can leave the output folder.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::i18n::{Language, Msg};

/// Files of one report, by path relative to the report folder ('/' separated).
#[derive(Debug, Default, Clone)]
pub struct Bundle {
    files: BTreeMap<String, Vec<u8>>,
    lang: Language,
}

impl Bundle {
    /// An empty bundle whose messages are in `lang`.
    pub fn new(lang: Language) -> Bundle {
        Bundle {
            files: BTreeMap::new(),
            lang,
        }
    }

    /// Adds a file; a path that is absolute or climbs out (`..`) is refused.
    pub fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) -> Result<()> {
        let path = path.into();
        let p = Path::new(&path);
        if path.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Error::Output {
                path: p.to_path_buf(),
                message: self.lang.msg(Msg::OutsideFolder).into(),
            });
        }
        self.files.insert(path, bytes);
        Ok(())
    }

    /// The files, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.files.iter()
    }

    /// The bytes of one file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Writes the bundle as folder `dir`, replacing what was there.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let lang = self.lang;
        let parent = dir.parent().unwrap_or(Path::new("."));
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "report".into());
        std::fs::create_dir_all(parent)
            .map_err(|source| Error::write(parent.to_path_buf(), source, lang))?;
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.tmp-"))
            .tempdir_in(parent)
            .map_err(|source| Error::write(parent.to_path_buf(), source, lang))?;
        for (rel, bytes) in &self.files {
            let path = staging.path().join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)
                    .map_err(|source| Error::write(p.to_path_buf(), source, lang))?;
            }
            std::fs::write(&path, bytes)
                .map_err(|source| Error::write(dir.join(rel), source, lang))?;
        }
        let staged = staging.keep();
        let old: PathBuf = parent.join(format!(".{name}.old"));
        let _ = std::fs::remove_dir_all(&old);
        if dir.exists() {
            std::fs::rename(dir, &old)
                .map_err(|source| Error::write(dir.to_path_buf(), source, lang))?;
        }
        std::fs::rename(&staged, dir)
            .map_err(|source| Error::write(dir.to_path_buf(), source, lang))?;
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

/// Writes one file atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8], lang: Language) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|source| Error::write(dir.to_path_buf(), source, lang))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|source| Error::write(path.to_path_buf(), source, lang))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .map_err(|source| Error::write(path.to_path_buf(), source, lang))?;
    // A temporary file is private (0600); the result should read like any other file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path)
        .map_err(|e| Error::write(path.to_path_buf(), e.error, lang))?;
    Ok(())
}

/// A folder name for a VSV or organisation: lower case ASCII letters, digits and dashes.
/// "VSV Gooi en Vecht" → "vsv-gooi-en-vecht"; "../Één" → "een".
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s: String = s.trim_end_matches('-').chars().take(60).collect();
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() || s == "regio" || s == "tables" {
        format!("vsv-{}", if s.is_empty() { "naamloos" } else { &s })
    } else {
        s
    }
}

/// Slugs for a list of names, made unique with -2, -3 … in order.
pub fn unique_slugs(names: &[String]) -> Vec<String> {
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    names
        .iter()
        .map(|n| {
            let base = slug(n);
            let count = used.entry(base.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_folder_names() {
        assert_eq!(slug("VSV Gooi en Vecht"), "vsv-gooi-en-vecht");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Één & Twee"), "een-twee");
        assert_eq!(slug("///"), "vsv-naamloos");
        assert_eq!(slug("Regio"), "vsv-regio");
        assert_eq!(
            unique_slugs(&["A b".into(), "a-b".into(), "A  B".into()]),
            ["a-b", "a-b-2", "a-b-3"]
        );
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
}
