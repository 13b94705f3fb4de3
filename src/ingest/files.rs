//! The export files of a source (its globs resolved, with what is nearby when one matches
//! nothing) and the digests that name files and respondents across runs.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::config::{Config, Source};
use crate::error::{ConfigProblem, Error, InputProblem, Result};

/// Resolves a source's globs (relative to prem.toml), sorted; an empty match is fatal.
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
    all.dedup();
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
