//! The export files of a source (its globs resolved, with what is nearby when one matches
//! nothing) and the digests that name files and respondents across runs.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::config::{Config, Source};
use crate::error::{ConfigProblem, Error, InputProblem, Result};

/// Resolves a source's globs (relative to prem.toml): each pattern's files sorted, every
/// file once; an empty match is fatal.
pub(super) fn expand_globs(config: &Config, source: &Source) -> Result<Vec<PathBuf>> {
    let mut all = Vec::new();
    for pattern in &source.files {
        let full = config.dir().join(pattern);
        // The folder of prem.toml is literal text, even when it holds `[` or `*`.
        let dir = glob::Pattern::escape(&config.dir().to_string_lossy());
        let text = format!("{dir}/{pattern}");
        let paths = glob::glob(&text).map_err(|e| {
            let problem = ConfigProblem::BadGlob {
                source: source.name.clone(),
                pattern: pattern.clone(),
                error: e.to_string(),
            };
            Error::config(&config.path, problem)
        })?;
        let mut found: Vec<PathBuf> = paths
            .filter_map(|p| p.ok())
            .filter(|p| p.is_file())
            .collect();
        if found.is_empty() {
            let problem = InputProblem::NoFileMatches {
                pattern: pattern.clone(),
                source: source.name.clone(),
                config: config.path.clone(),
                nearby: nearby(config.dir(), pattern).map(Box::new),
            };
            return Err(Error::input(full, problem));
        }
        found.sort();
        all.extend(found);
    }
    // A file two patterns match is read once, where the first put it (`dedup` alone
    // would keep it twice when another file sorts between the two).
    let mut seen = std::collections::HashSet::new();
    all.retain(|p| seen.insert(p.clone()));
    Ok(all)
}

/// What is where a files pattern points: its folder (the part before the first wildcard)
/// and some of its files, or, when that folder does not exist, the folders of its nearest
/// existing parent. So "exports/" mistyped as "export/" shows "exports/" at once.
fn nearby(dir: &Path, pattern: &str) -> Option<crate::error::Nearby> {
    const SHOWN: usize = 8;
    let folder: PathBuf = Path::new(pattern)
        .parent()?
        .components()
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[']))
        .collect();
    let list = |at: &Path, folders: bool| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(at)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir() == folders))
            .map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                if folders {
                    format!("{name}/")
                } else {
                    name
                }
            })
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names.truncate(SHOWN);
        names
    };
    let shown = |p: &Path| {
        let s = p.display().to_string();
        if s.is_empty() {
            ".".to_string()
        } else {
            s
        }
    };
    if dir.join(&folder).is_dir() {
        return Some(crate::error::Nearby {
            folder: shown(&folder),
            exists: true,
            parent: String::new(),
            entries: list(&dir.join(&folder), false),
        });
    }
    let mut parent = folder.clone();
    while parent.pop() {
        if dir.join(&parent).is_dir() {
            break;
        }
    }
    Some(crate::error::Nearby {
        folder: shown(&folder),
        exists: false,
        parent: shown(&parent),
        entries: list(&dir.join(&parent), true),
    })
}

/// SHA-256 of `bytes`, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// FNV-1a (64 bit) of `parts`, each followed by a unit separator: a digest that stays the
/// same across runs, platforms and versions of prem (the ledger compares them between
/// releases), unlike the hashers of the standard library or rustc-hash.
pub fn stable_digest(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0x1f]) {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Nearby;

    /// FIPS 180-2, appendix B.1 ("abc"), and the digest of no bytes.
    #[test]
    fn sha256_hex_matches_the_published_vectors() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    /// FNV-1a 64: no parts is the offset basis (the FNV reference's digest of ""); each part
    /// is followed by 0x1f, so ["a"] is FNV-1a of "a\x1f" (0x089be907b544fdc9, and the
    /// two-part value below, computed with a separate Python FNV-1a of the joined bytes).
    #[test]
    fn stable_digest_is_fnv1a_of_the_parts_each_with_a_separator() {
        assert_eq!(stable_digest(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_digest(&["a"]), 0x089b_e907_b544_fdc9);
        assert_eq!(stable_digest(&["prem", "Nr 7"]), 0xcf3e_ccea_c96c_b3cc);
        // The separator keeps the parts apart.
        assert_ne!(stable_digest(&["ab", "c"]), stable_digest(&["a", "bc"]));
    }

    /// A scratch folder holding `exports/a.csv` and `exports/b.csv`.
    fn scratch(dir: &Path) {
        std::fs::create_dir(dir.join("exports")).unwrap();
        std::fs::write(dir.join("exports/a.csv"), "x\n1\n").unwrap();
        std::fs::write(dir.join("exports/b.csv"), "x\n1\n").unwrap();
    }

    #[test]
    fn nearby_shows_the_files_of_an_existing_folder() {
        let tmp = tempfile::tempdir().unwrap();
        scratch(tmp.path());
        let found = nearby(tmp.path(), "exports/*.xlsx").unwrap();
        let expected = Nearby {
            folder: "exports".into(),
            exists: true,
            parent: String::new(),
            entries: vec!["a.csv".into(), "b.csv".into()],
        };
        assert_eq!(found, expected);
    }

    #[test]
    fn nearby_shows_the_parent_folders_of_a_mistyped_folder() {
        let tmp = tempfile::tempdir().unwrap();
        scratch(tmp.path());
        let found = nearby(tmp.path(), "export/2026/*.csv").unwrap();
        let expected = Nearby {
            folder: "export/2026".into(),
            exists: false,
            parent: ".".into(),
            entries: vec!["exports/".into()],
        };
        assert_eq!(found, expected);
    }

    /// A prem.toml in `dir` with one source reading `files`.
    fn config(dir: &Path, files: &str) -> Config {
        let toml = format!(
            "[analysis]\nname = \"T\"\n[[source]]\nname = \"prem\"\nfiles = {files}\n\
             codebook = \"prem-geboortezorg\"\n[source.columns]\nvsv = \"VSV\"\ndate = \"Datum\"\n"
        );
        std::fs::write(dir.join("prem.toml"), toml).unwrap();
        Config::load(&dir.join("prem.toml")).unwrap()
    }

    /// Each file once (regression: b.csv, matched by both patterns with a.csv between,
    /// was read twice), and the folder of prem.toml taken literally even when its name
    /// looks like a glob (`[2026]`).
    #[test]
    fn globs_give_each_file_once_in_order_under_a_folder_with_brackets() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("prem [2026]");
        std::fs::create_dir(&dir).unwrap();
        scratch(&dir);
        let config = config(&dir, r#"["exports/b.csv", "exports/*.csv"]"#);
        let found = expand_globs(&config, &config.sources[0]).unwrap();
        let names: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["exports/b.csv", "exports/a.csv"]);
    }

    #[test]
    fn a_glob_matching_nothing_is_an_error_with_what_is_nearby() {
        let tmp = tempfile::tempdir().unwrap();
        scratch(tmp.path());
        let config = config(tmp.path(), r#"["export/*.csv"]"#);
        let Err(Error::Input { problem, .. }) = expand_globs(&config, &config.sources[0]) else {
            panic!("no input error");
        };
        let InputProblem::NoFileMatches {
            pattern, nearby, ..
        } = problem
        else {
            panic!("{problem:?}");
        };
        assert_eq!(pattern, "export/*.csv");
        assert_eq!(
            nearby.map(|n| n.entries),
            Some(vec!["exports/".to_string()])
        );
    }
}
