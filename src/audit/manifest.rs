//! (6) The manifest: an input file's size in bytes or its row count tells how many clients
//! it holds (a VSV's own export, one line per client); input entries carry none.

use super::Attack::Manifest;
use super::{number, Finding, Published, Recovered};

pub fn attack(p: &Published, _min_n: u64) -> (u64, Vec<Finding>) {
    let mut tried = 0;
    let mut found = Vec::new();
    for m in &p.manifests {
        tried += 1 + m.inputs.len() as u64;
        for i in &m.inputs {
            let key = i.key.to_lowercase();
            let counts_rows = ["row", "record", "line", "count", "respond", "client"]
                .iter()
                .any(|w| key.contains(w))
                || key == "n";
            let group = (counts_rows && i.value >= 0.0).then_some(i.value as u64);
            found.push(Finding {
                attack: Manifest,
                cells: vec![number(
                    &m.path,
                    "",
                    None,
                    &format!("{}: {}", i.file, i.key),
                    group,
                )],
                group,
                recovered: Recovered::Number(i.value),
            });
        }
    }
    (tried, found)
}
