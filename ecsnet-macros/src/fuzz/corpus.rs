//! The seeds: every `#[stack]` module of `tests/ui-pass/**/*.rs` and
//! `examples/*.rs`, read at test time so a new passing test or example
//! becomes a seed without a change here.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Item, Meta};

use crate::construct::Definitions;
use crate::construct::instance::{Expanded, expand_known};

/// One `#[stack(…)] mod name { … }` of a seed file.
pub struct Seed {
    /// The file, relative to the workspace root.
    pub path: String,
    /// The attribute's arguments, as text.
    pub args: String,
    /// The module without the `#[stack]` attribute, as text.
    pub item: String,
}

/// The workspace root: the parent of this crate's directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the macro crate sits in the workspace")
        .to_path_buf()
}

/// The seed files, sorted: passing UI tests first, then the examples.
pub fn seed_files() -> Vec<PathBuf> {
    let root = workspace_root();
    let mut ui = Vec::new();
    collect_rs(&root.join("tests/ui-pass"), &mut ui);
    ui.sort();
    let mut examples = Vec::new();
    for entry in std::fs::read_dir(root.join("examples")).expect("examples/ exists") {
        let path = entry.expect("examples/ is readable").path();
        if path.extension().is_some_and(|e| e == "rs") {
            examples.push(path);
        }
    }
    examples.sort();
    ui.extend(examples);
    ui
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("seed directory is readable") {
        let path = entry.expect("seed directory is readable").path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The constructs a seed may instantiate: those its own file defines
/// (`crate::name`) and ecsnet's library (`ecsnet::constructs::name`). The
/// harness fuzzes the stack macro on stacks with their instances expanded,
/// as a stack is once the compiler has handed it the definitions.
fn definitions(file: &syn::File) -> Definitions {
    let mut definitions = Definitions::default();
    let mut add = |file: &syn::File, prefix: &str| {
        for item in &file.items {
            let Item::Mod(module) = item else { continue };
            if !module.attrs.iter().any(|a| a.path().is_ident("construct")) {
                continue;
            }
            if let Some((_, items)) = &module.content {
                let body: TokenStream = items.iter().map(ToTokens::to_token_stream).collect();
                definitions
                    .entries
                    .push((format!("{prefix}::{}", module.ident), body));
            }
        }
    };
    add(file, "crate");
    let library = workspace_root().join("ecsnet-constructs/src/definitions.rs");
    let text = std::fs::read_to_string(library).expect("the construct library is readable");
    add(
        &syn::parse_file(&text).expect("the construct library parses"),
        "ecsnet::constructs",
    );
    definitions
}

/// The `(args, item)` of every stack module of a parsed file, with the
/// tokens' spans into the file's text and its constructs' instances expanded.
pub fn stack_modules(file: &syn::File) -> Vec<(TokenStream, TokenStream)> {
    let definitions = definitions(file);
    let resolve = |item: TokenStream| {
        let errors = crate::diag::Errors::new();
        let resolved = match expand_known(&item, &definitions, &errors) {
            Expanded::Done(module) | Expanded::Pending(module, _) => module,
        };
        let _ = errors.finish();
        resolved
    };
    let mut out = Vec::new();
    for item in &file.items {
        let Item::Mod(module) = item else { continue };
        let Some(at) = module.attrs.iter().position(|a| {
            a.path()
                .segments
                .last()
                .is_some_and(|segment| segment.ident == "stack")
        }) else {
            continue;
        };
        let args = match &module.attrs[at].meta {
            Meta::List(list) => list.tokens.clone(),
            Meta::Path(_) => TokenStream::new(),
            Meta::NameValue(_) => continue,
        };
        let mut module = module.clone();
        module.attrs.remove(at);
        out.push((args, resolve(module.into_token_stream())));
    }
    out
}

/// Every seed, in a fixed order.
pub fn load() -> Vec<Seed> {
    let root = workspace_root();
    let mut seeds = Vec::new();
    for path in seed_files() {
        let text = std::fs::read_to_string(&path).expect("seed file is readable");
        let relative = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let file = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("seed {relative} does not parse: {e}"));
        for (args, item) in stack_modules(&file) {
            seeds.push(Seed {
                path: relative.clone(),
                args: args.to_string(),
                item: item.to_string(),
            });
        }
    }
    seeds
}
