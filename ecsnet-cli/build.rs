//! Compiles the rule reference of the ecsnet book into the `ecsnet` binary,
//! so `ecsnet explain RULE` works offline and shows exactly what the book
//! shows: each section of `book/src/rules/*.md` headed by a rule's name, with its
//! `{{#include}}`s of the compile-fail programs and their output resolved.

#![allow(
    clippy::disallowed_methods,
    reason = "a build script reads the variables cargo sets for it"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let rules_dir = manifest.join("../book/src/rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());
    let mut pages: Vec<PathBuf> = fs::read_dir(&rules_dir)
        .expect("the book's rule reference is beside this crate")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    let mut rules: Vec<(String, String, String)> = Vec::new();
    for page in &pages {
        println!("cargo:rerun-if-changed={}", page.display());
        let text = fs::read_to_string(page).expect("readable page");
        let title = text
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('#')
            .trim()
            .to_owned();
        for (id, body) in sections(&text) {
            let body = resolve_includes(&body, page.parent().expect("a directory"));
            match rules.iter_mut().find(|(existing, _, _)| *existing == id) {
                Some((_, _, text)) => {
                    text.push_str("\n\n");
                    text.push_str(&body);
                }
                None => rules.push((id, title.clone(), body)),
            }
        }
    }
    rules.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::from("/// Every rule: its id, the title of its page, and its text.\n");
    out.push_str("pub static RULES: &[(&str, &str, &str)] = &[\n");
    for (id, title, body) in &rules {
        let _ = writeln!(out, "    ({id:?}, {title:?}, {body:?}),");
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    fs::write(out_dir.join("rules.rs"), out).expect("OUT_DIR is writable");
}

/// The sections of a page headed by a rule's name in backticks, each up to
/// the next second-level heading.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            if let Some(done) = current.take() {
                found.push(done);
            }
            let heading = heading.trim();
            if let Some(rest) = heading.strip_prefix('`')
                && let Some(end) = rest.find('`')
            {
                current = Some((rest[..end].to_owned(), String::new()));
            }
            continue;
        }
        if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    found.extend(current);
    found
        .into_iter()
        .map(|(id, body)| (id, body.trim().to_owned()))
        .collect()
}

/// `{{#include path}}` and `{{#include path:anchor}}`, as mdBook reads them.
fn resolve_includes(text: &str, dir: &Path) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(inner) = trimmed
            .strip_prefix("{{#include ")
            .and_then(|rest| rest.strip_suffix("}}"))
        {
            let inner = inner.trim();
            let (path, anchor) = match inner.rsplit_once(':') {
                Some((path, anchor)) if !anchor.chars().all(|c| c.is_ascii_digit()) => {
                    (path, Some(anchor))
                }
                _ => (inner, None),
            };
            let file = dir.join(path);
            println!("cargo:rerun-if-changed={}", file.display());
            let content = fs::read_to_string(&file).unwrap_or_default();
            out.push_str(&excerpt(&content, anchor));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The lines between `ANCHOR: name` and `ANCHOR_END: name`, without other
/// anchor lines and with their common indentation removed; the whole file
/// without anchor lines when there is no anchor.
fn excerpt(content: &str, anchor: Option<&str>) -> String {
    let mut lines: Vec<&str> = Vec::new();
    let mut inside = anchor.is_none();
    for line in content.lines() {
        if let Some(name) = anchor {
            if line.contains(&format!("ANCHOR: {name}")) {
                inside = true;
                continue;
            }
            if line.contains(&format!("ANCHOR_END: {name}")) {
                inside = false;
                continue;
            }
        }
        if line.contains("ANCHOR:") || line.contains("ANCHOR_END:") {
            continue;
        }
        if inside {
            lines.push(line);
        }
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for line in lines {
        out.push_str(line.get(indent..).unwrap_or(line.trim_start()));
        out.push('\n');
    }
    out
}
