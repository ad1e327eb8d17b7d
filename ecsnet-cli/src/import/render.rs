//! The importer's own layout of attribute bodies, which rustfmt and
//! prettyplease leave alone: one entry per line, unless a list, object or
//! call fits on one line of [`WIDTH`] columns.

use std::fmt::Write as _;

/// Lines longer than this are broken, one entry per line.
pub const WIDTH: usize = 92;

/// A value of the stack language, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// A token or a few (`"text"`, `8000`, `VpcId`, `ElasticIP.AllocationId`).
    Atom(String),
    /// `[a, b]`.
    List(Vec<Out>),
    /// `{ key: value, … }`: keys already written as identifiers or strings.
    Object(Vec<Entry>),
    /// `name(arguments)`, or `sub!(…)` with the name `sub!`.
    Call(String, Vec<Out>),
}

/// One entry of an object, with the comment lines written above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Comment lines, without `//`.
    pub comments: Vec<String>,
    /// The key as written: `cidr_block` or `"Version"`.
    pub key: String,
    /// Its value.
    pub value: Out,
}

impl Out {
    /// The value on one line, if it has no comment and no line break.
    pub fn inline(&self) -> Option<String> {
        Some(match self {
            Out::Atom(text) if text.contains('\n') => return None,
            Out::Atom(text) => text.clone(),
            Out::List(items) => {
                let items: Option<Vec<String>> = items.iter().map(Out::inline).collect();
                format!("[{}]", items?.join(", "))
            }
            Out::Object(entries) if entries.is_empty() => "{}".to_owned(),
            Out::Object(entries) => {
                let mut parts = Vec::new();
                for entry in entries {
                    if !entry.comments.is_empty() {
                        return None;
                    }
                    parts.push(format!("{}: {}", entry.key, entry.value.inline()?));
                }
                format!("{{ {} }}", parts.join(", "))
            }
            Out::Call(name, args) => {
                let args: Option<Vec<String>> = args.iter().map(Out::inline).collect();
                format!("{name}({})", args?.join(", "))
            }
        })
    }

    /// The value printed at a line indented by `indent` spaces, starting
    /// `column` characters into it.
    pub fn render(&self, indent: usize, column: usize) -> String {
        if let Some(line) = self.inline()
            && column + line.len() <= WIDTH
        {
            return line;
        }
        self.render_broken(indent)
    }

    /// The value with one entry per line, even if it fits on one.
    pub fn render_broken(&self, indent: usize) -> String {
        let pad = " ".repeat(indent + 4);
        let close = " ".repeat(indent);
        let mut out = String::new();
        match self {
            Out::Atom(text) => out.push_str(text),
            Out::List(items) if items.is_empty() => out.push_str("[]"),
            Out::List(items) => {
                out.push_str("[\n");
                for item in items {
                    let _ = writeln!(out, "{pad}{},", item.render(indent + 4, indent + 4));
                }
                let _ = write!(out, "{close}]");
            }
            Out::Object(entries) if entries.is_empty() => out.push_str("{}"),
            Out::Object(entries) => {
                out.push_str("{\n");
                write_entries(&mut out, entries, indent + 4);
                let _ = write!(out, "{close}}}");
            }
            Out::Call(name, args) => {
                let _ = writeln!(out, "{name}(");
                for arg in args {
                    let _ = writeln!(out, "{pad}{},", arg.render(indent + 4, indent + 4));
                }
                let _ = write!(out, "{close})");
            }
        }
        out
    }
}

/// Entries one per line at `indent`, each with its comments above it.
pub fn write_entries(out: &mut String, entries: &[Entry], indent: usize) {
    let pad = " ".repeat(indent);
    for entry in entries {
        for comment in &entry.comments {
            let _ = writeln!(out, "{pad}// {comment}");
        }
        let column = indent + entry.key.len() + 2;
        let _ = writeln!(
            out,
            "{pad}{}: {},",
            entry.key,
            entry.value.render(indent, column)
        );
    }
}

/// A Rust string literal for `text`: a raw string for multi-line text
/// without other control characters, so scripts stay readable, and an
/// escaped one otherwise.
pub fn string(text: &str) -> String {
    let raw_ok = text.contains('\n')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if !raw_ok {
        return format!("{text:?}");
    }
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let hashes = "#".repeat(hashes);
    format!("r{hashes}\"{text}\"{hashes}")
}

/// Rust's keywords: a logical id or key spelt like one is written raw
/// (`r#type`), except the few that cannot be raw identifiers.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// `name` as a Rust identifier: raw (`r#type`) when it is a keyword.
pub fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// Whether `name` can be written as an identifier (ASCII letters, digits
/// and `_`, not starting with a digit).
pub fn is_ident(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(name, "_" | "self" | "Self" | "super" | "crate")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_stay_on_one_line_and_long_ones_break() {
        let tag = Out::Object(vec![
            Entry {
                comments: vec![],
                key: "key".into(),
                value: Out::Atom("\"Name\"".into()),
            },
            Entry {
                comments: vec![],
                key: "value".into(),
                value: Out::Atom("\"web\"".into()),
            },
        ]);
        assert_eq!(tag.render(0, 0), "{ key: \"Name\", value: \"web\" }");
        let long = Out::List(vec![Out::Atom(format!("{:?}", "x".repeat(100)))]);
        assert_eq!(
            long.render(4, 10),
            format!("[\n        {:?},\n    ]", "x".repeat(100))
        );
    }

    #[test]
    fn strings_and_identifiers() {
        assert_eq!(string("a\"b"), "\"a\\\"b\"");
        assert_eq!(
            string("#!/bin/bash\necho \"#\"\n"),
            "r##\"#!/bin/bash\necho \"#\"\n\"##"
        );
        assert_eq!(ident("type"), "r#type");
        assert_eq!(ident("Vpc"), "Vpc");
        assert!(!is_ident("9lives") && !is_ident("a-b") && is_ident("a_b2"));
    }
}
