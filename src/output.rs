//! Writing a report folder safely: every file goes to a staging folder first, which then
//! replaces the previous report in one rename, so an interrupted run leaves the previous
//! report intact. Paths come from [`slug`], so no name can leave the output folder, and
//! from [`unique_slugs`], so two units never share a folder; a path added twice is an error,
//! never an overwrite.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};
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

    /// Adds a file; a path that is absolute or climbs out (`..`), or that the bundle holds
    /// already, is refused.
    pub fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) -> Result<()> {
        let path = path.into();
        let p = Path::new(&path);
        if path.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Error::Output {
                path: p.to_path_buf(),
                message: self.lang.msg(Msg::OutsideFolder).into(),
            });
        }
        match self.files.entry(path) {
            std::collections::btree_map::Entry::Occupied(e) => Err(Error::WrittenTwice {
                path: PathBuf::from(e.key()),
                lang: self.lang,
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

/// Hex characters of the suffix that tells colliding names apart (16⁶ ≈ 17 million).
const SUFFIX_HEX: usize = 6;

/// Folder names for distinct names. A name whose slug no other name shares keeps the plain
/// slug; names whose slugs collide ("VSV Noord", "VSV-Noord") each get `-` and the first hex
/// characters of the sha256 of the exact name. A folder thus depends on the name and on
/// which names collide with it, never on their order: the same on every run, and unchanged
/// when a VSV with another slug comes or goes. (A numbered suffix would move when a name
/// sorting before it appears, and "-2" could be another VSV's plain slug.)
pub fn unique_slugs(names: &[String]) -> Vec<String> {
    let bases: Vec<String> = names.iter().map(|n| slug(n)).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &bases {
        *count.entry(b).or_insert(0) += 1;
    }
    let hashes: Vec<String> = names
        .iter()
        .map(|n| {
            Sha256::digest(n.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .collect();
    let mut suffix: Vec<usize> = bases
        .iter()
        .map(|b| if count[b.as_str()] > 1 { SUFFIX_HEX } else { 0 })
        .collect();
    loop {
        let out: Vec<String> = bases
            .iter()
            .zip(&hashes)
            .zip(&suffix)
            .map(|((b, h), &n)| match h.get(..n) {
                Some(hex) if n > 0 => format!("{b}-{hex}"),
                _ => b.clone(),
            })
            .collect();
        // Still shared (a suffixed slug that is another name's plain slug, or hashes alike
        // in their first characters): lengthen the suffixes involved. Plain slugs are at
        // most 64 characters, so full hashes of distinct names always end this.
        let mut holders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, o) in out.iter().enumerate() {
            holders.entry(o).or_default().push(i);
        }
        let mut changed = false;
        for i in holders.values().filter(|h| h.len() > 1).flatten() {
            if suffix[*i] > 0 && suffix[*i] < 64 {
                suffix[*i] = (suffix[*i] + 2).min(64);
                changed = true;
            }
        }
        if !changed {
            return out;
        }
    }
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
        let slugs = unique_slugs(&["A b".into(), "a-b".into(), "A  B".into(), "C".into()]);
        assert_eq!(slugs[3], "c", "no collision, no suffix");
        for s in &slugs[..3] {
            assert!(s.starts_with("a-b-") && s.len() == 4 + SUFFIX_HEX, "{s}");
        }
    }

    /// Regression: "VSV  Noord", "VSV Noord 2" and "VSV-Noord" gave "vsv-noord",
    /// "vsv-noord-2" and again "vsv-noord-2", so one agenda overwrote another.
    #[test]
    fn colliding_names_get_distinct_folders_that_do_not_depend_on_order() {
        let names: Vec<String> = ["VSV  Noord", "VSV Noord 2", "VSV-Noord"]
            .map(String::from)
            .to_vec();
        let slugs = unique_slugs(&names);
        let distinct: std::collections::BTreeSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), 3, "{slugs:?}");
        // Same folder for the same name, whatever the order and whoever else is there.
        let mut reversed = names.clone();
        reversed.reverse();
        let mut again = unique_slugs(&reversed);
        again.reverse();
        assert_eq!(slugs, again);
        let more: Vec<String> = names.iter().cloned().chain(["VSV Zuid".into()]).collect();
        assert_eq!(unique_slugs(&more)[..3], slugs[..]);
    }

    #[test]
    fn a_suffixed_slug_never_takes_another_names_plain_slug() {
        let pair = unique_slugs(&["a b".into(), "a-b".into()]);
        // A third VSV literally named like the first one's folder keeps that name; the
        // suffixes of the colliding pair grow instead.
        let names = ["a b".to_string(), "a-b".into(), pair[0].clone()];
        let slugs = unique_slugs(&names);
        assert_eq!(slugs[2], pair[0]);
        assert!(slugs[0].starts_with(&pair[0]) && slugs[0].len() > pair[0].len());
        assert_ne!(slugs[0], slugs[1]);
    }

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
}
