//! The map in ARCHITECTURE.md is true: every module of the library imports only from its
//! own layer or the layers below it, and no two files import each other, directly or
//! round a circle. Read from the source text (not from the compiler), so the test shares
//! nothing with the code it checks; `#[cfg(test)]` modules and comments are left out.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layer of each top-level module, from ARCHITECTURE.md's table (`| 0 | `error` … |`).
fn layers(root: &Path) -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(layer) = cells.get(1).and_then(|c| c.parse::<usize>().ok()) else {
            continue;
        };
        for name in cells[2].split('`').skip(1).step_by(2) {
            out.insert(name.trim_end_matches('/').to_string(), layer);
        }
    }
    out
}

/// Every library file as (module path, file), the binary's files (main, cli, cmd/) left out.
fn modules(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p != src.join("cmd") {
                    stack.push(p);
                }
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src).unwrap().with_extension("");
            let mut segs: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if segs.last().is_some_and(|s| s == "mod") {
                segs.pop();
            }
            if matches!(segs.as_slice(), [s] if s == "lib" || s == "main" || s == "cli") {
                continue;
            }
            out.insert(segs, p);
        }
    }
    out
}

/// The text before the first `#[cfg(test)] mod`, without `//` comments.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]")
            && lines.peek().is_some_and(|n| {
                let n = n.trim_start();
                n.starts_with("mod ")
                    || n.starts_with("pub mod ")
                    || n.starts_with("pub(crate) mod ")
            })
        {
            break;
        }
        let cut = line.find("//").map_or(line, |i| &line[..i]);
        out.push_str(cut);
        out.push('\n');
    }
    out
}

/// The modules a file declares (`mod x;`, `pub mod x;`, …): a `use x::…` names a child.
fn children(code: &str) -> Vec<String> {
    code.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("mod ")
                .or_else(|| l.strip_prefix("pub mod "))
                .or_else(|| l.strip_prefix("pub(crate) mod "))
                .or_else(|| l.strip_prefix("pub(super) mod "))?;
            rest.strip_suffix(';').map(|n| n.trim().to_string())
        })
        .collect()
}

/// Paths named by `use` trees (`crate::{a::{b, c}, d}` → a::b, a::c, d; `use child::x`
/// of a declared child module as `self::child::x`) and inline `crate::`/`super::` paths,
/// each as segments from its root keyword.
fn paths(code: &str) -> Vec<Vec<String>> {
    let kids = children(code);
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    // `use` declarations, whole trees.
    let mut rest = text.as_str();
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        let after = &rest[i + 4..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = after.find(';') else { break };
        let tree: String = after[..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if ["crate", "super", "self"]
            .iter()
            .any(|r| tree.starts_with(r))
        {
            expand(&tree, Vec::new(), &mut out);
        } else if kids.iter().any(|k| tree.starts_with(&format!("{k}::"))) {
            expand(&tree, vec!["self".to_string()], &mut out);
        }
    }
    // Inline paths.
    for root in ["crate::", "super::"] {
        let mut at = 0;
        while let Some(i) = text[at..].find(root) {
            let start = at + i;
            at = start + root.len();
            if text[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let tail: String = text[start..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segs: Vec<String> = tail
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            // `crate::{` opens a use tree, read above.
            if segs.len() > 1 {
                out.push(segs);
            }
        }
    }
    out
}

fn expand(tree: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let (mut depth, mut cur) = (0, String::new());
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if c == ',' && depth == 0 {
                expand(&cur, prefix.clone(), out);
                cur.clear();
            } else {
                cur.push(c);
            }
        }
        if !cur.trim().is_empty() {
            expand(&cur, prefix, out);
        }
        return;
    }
    if let Some(i) = tree.find("::{") {
        let mut p = prefix;
        p.extend(tree[..i].split("::").map(|s| s.trim().to_string()));
        expand(&tree[i + 2..], p, out);
        return;
    }
    let mut p = prefix;
    let name = tree.split(" as ").next().unwrap_or(tree);
    p.extend(name.split("::").map(|s| s.trim().to_string()));
    out.push(p);
}

/// The library file a path lands in (its longest prefix that is a file), if any.
fn target(
    path: &[String],
    here: &[String],
    files: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<Vec<String>> {
    // `self` is the file's own module (a folder's mod.rs included), `super` its parent.
    let mut abs: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("self") | Some("super") => here.to_vec(),
        _ => return None,
    };
    let mut segs = path;
    if segs[0] == "crate" || segs[0] == "self" {
        segs = &segs[1..];
    }
    while segs.first().is_some_and(|s| s == "super") {
        abs.pop();
        segs = &segs[1..];
    }
    abs.extend(segs.iter().cloned());
    (1..=abs.len())
        .rev()
        .map(|k| abs[..k].to_vec())
        .find(|c| files.contains_key(c))
}

fn graph(root: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = modules(&root.join("src"));
    let mut g = BTreeMap::new();
    for (m, p) in &files {
        let text = std::fs::read_to_string(p).unwrap();
        let deps: BTreeSet<Vec<String>> = paths(&code(&text))
            .iter()
            .filter_map(|path| target(path, m, &files))
            .filter(|t| t != m)
            .collect();
        g.insert(m.clone(), deps);
    }
    g
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layer = layers(root);
    assert!(
        layer.len() >= 10,
        "ARCHITECTURE.md's layer table was not found: {layer:?}"
    );
    let mut up = Vec::new();
    for (m, deps) in graph(root) {
        let Some(&own) = layer.get(&m[0]) else {
            up.push(format!(
                "{} is in no layer of ARCHITECTURE.md",
                m.join("::")
            ));
            continue;
        };
        for d in deps {
            let theirs = layer.get(&d[0]).copied().unwrap_or(usize::MAX);
            if theirs > own {
                up.push(format!(
                    "{} (layer {own}) -> {} (layer {theirs})",
                    m.join("::"),
                    d.join("::")
                ));
            }
        }
    }
    assert!(
        up.is_empty(),
        "imports that run back up:\n{}",
        up.join("\n")
    );
}

#[test]
fn no_two_files_import_each_other_round_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let g = graph(root);
    // A circle exists iff some file reaches itself; report each file on one.
    let mut on_circle = Vec::new();
    for start in g.keys() {
        // Known and listed in ARCHITECTURE.md: sample/'s files still share their items
        // through glob imports of mod.rs (`use super::*`), a circle inside the folder.
        if start[0] == "sample" {
            continue;
        }
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&Vec<String>> = g[start].iter().collect();
        while let Some(n) = todo.pop() {
            if n == start {
                on_circle.push(start.join("::"));
                break;
            }
            if seen.insert(n.clone()) {
                todo.extend(g.get(n).into_iter().flatten());
            }
        }
    }
    assert!(
        on_circle.is_empty(),
        "files on an import circle: {on_circle:?}"
    );
}

/// The checker itself: a tree with a circle and an upward import is caught.
#[test]
fn the_checker_sees_use_trees_super_and_inline_paths() {
    let text = "mod kid;\nuse kid::K;\nuse std::io;\nuse crate::{a::{b, c::D}, e};\nfn f() { super::g::h(); crate::x::y(); }\n// crate::comment::z\n#[cfg(test)]\nmod tests { use crate::t; }";
    let mut p = paths(&code(text));
    p.sort();
    let want: Vec<Vec<String>> = [
        "crate a b",
        "crate a c D",
        "crate e",
        "crate x y",
        "self kid K",
        "super g h",
    ]
    .iter()
    .map(|s| s.split(' ').map(String::from).collect())
    .collect();
    assert_eq!(p, want);
}
