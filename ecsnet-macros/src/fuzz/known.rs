//! Defects the harness has found and that are not fixed yet. A finding that
//! matches an entry is counted, not failed on, so the default run stays
//! green while the fix is under way; an entry whose reproducer no longer
//! reproduces fails `known_defects_still_reproduce`, so a fixed defect's
//! entry is removed with the fix and the harness guards against its return.
//!
//! The aim is an empty list.

use super::checks::{Finding, Kind};
use super::mutate::{self, Node};

/// A defect: how to recognise it, and the smallest input that shows it.
pub struct Known {
    pub name: &'static str,
    /// What goes wrong.
    pub defect: &'static str,
    pub signature: Signature,
    /// `(args, item)` of the smallest input known to show it.
    pub reproducer: fn() -> (String, String),
}

pub enum Signature {
    /// A finding of this kind whose message contains this text.
    Finding(Kind, &'static str),
    /// An input that cannot be run at all: it would abort the whole test
    /// process (stack overflow) or run for minutes. Such cases are skipped,
    /// and counted, until the defect is fixed; the probe tells when it is.
    Input(fn(&[Node], &[Node]) -> bool, Probe),
}

/// How to tell that a defect whose inputs are skipped is fixed.
#[derive(Clone, Copy)]
pub enum Probe {
    /// The reproducer, run in a child process, no longer overflows the
    /// cases' stack.
    StackOverflow,
    /// The fix of this other (earlier) entry fixes it too.
    FixedWith(&'static str),
}

/// Nesting deeper than this is run only once the nesting defect is fixed.
/// (Measured: in a debug build, 1,000 levels fit in rustc's 8 MiB and 2,500
/// do not; optimized, 1,000 fit in the cases' 1 MiB.)
const DEEP: usize = 256;
/// `#[repeat]` loops over more rows than this are run only once the loop
/// defect is fixed.
const HUGE: u128 = 10_000;

pub const KNOWN: &[Known] = &[
    Known {
        name: "non-finite-float",
        defect: "a float literal that overflows to infinity panics in expansion",
        signature: Signature::Finding(Kind::Panic, "f.is_finite()"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[resource(AWS::Logs::LogGroup { retention_in_days: 1e999 })] struct L; }"
                    .to_owned(),
            )
        },
    },
    Known {
        name: "non-finite-parameter-default",
        defect: "a parameter default that overflows to infinity is accepted and written as `inf`",
        signature: Signature::Finding(Kind::Model, "is not finite; the template would say `inf`"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[parameter(Number, default = 1e999)] struct P; #[resource(AWS::Logs::LogGroup {})] struct L; }".to_owned(),
            )
        },
    },
    Known {
        name: "raw-identifier-repeat",
        defect: "a raw identifier (`r#Name`) on a `#[repeat]` declaration panics: `r#NameA` is no identifier",
        signature: Signature::Finding(Kind::Panic, "is not a valid Ident"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[repeat(for z in [\"a\"])] #[resource(AWS::Logs::LogGroup {})] struct r#L; }".to_owned(),
            )
        },
    },
    Known {
        name: "repeat-empty-suffix",
        defect: "a `#[repeat]` value with no ASCII letter or digit (`\"\"`, `\"-\"`, `\"ü\"`) names its instance \
                 like the struct itself: accepted, and rustc then reports E0428 on generated code",
        signature: Signature::Finding(Kind::Output, "twice: rustc reports E0428"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[repeat(for z in [\"\"])] #[resource(AWS::Logs::LogGroup {})] struct L; }".to_owned(),
            )
        },
    },
    Known {
        name: "huge-repeat-range-panic",
        defect: "`#[repeat(for i in 0..9223372036854775807)]` allocates every row first: capacity overflow",
        signature: Signature::Finding(Kind::Panic, "capacity overflow"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[repeat(for i in 0..9223372036854775807)] #[resource(AWS::Logs::LogGroup {})] struct L; }".to_owned(),
            )
        },
    },
    Known {
        name: "huge-repeat-range",
        defect: "a `#[repeat]` range of more than 10,000 rows is built and checked row by row: minutes of work \
                 (the fix that checks a range's length before building its rows fixes the panic above too)",
        signature: Signature::Input(huge_repeat, Probe::FixedWith("huge-repeat-range-panic")),
        reproducer: || {
            (
                String::new(),
                "mod m { #[repeat(for i in 0..100000)] #[resource(AWS::Logs::LogGroup {})] struct L; }".to_owned(),
            )
        },
    },
    Known {
        name: "deep-nesting",
        defect: "values nested thousands deep overflow the stack",
        signature: Signature::Input(deep, Probe::StackOverflow),
        reproducer: || {
            (
                String::new(),
                format!(
                    "mod m {{ #[resource(AWS::Logs::LogGroup {{ retention_in_days: {}1{} }})] struct L; }}",
                    "[".repeat(2500),
                    "]".repeat(2500)
                ),
            )
        },
    },
    Known {
        name: "deep-parameter-type",
        defect: "a parameter type nested a few hundred deep overflows the stack: syn's type parser takes \
                 about 30 KiB per level in a debug build (300 levels overflow rustc's 8 MiB; 600 overflow \
                 the cases' 1 MiB, optimized)",
        signature: Signature::Input(deep_parameter_type, Probe::StackOverflow),
        reproducer: || {
            (
                String::new(),
                format!(
                    "mod m {{ #[parameter({}String{})] struct P; }}",
                    "[".repeat(1000),
                    "]".repeat(1000)
                ),
            )
        },
    },
    Known {
        name: "end-of-input-at-call-site",
        defect: "\"unexpected end of input\" errors point at the call site, not into the input",
        signature: Signature::Finding(Kind::Span, "unexpected end of input"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[resource()] struct L; }".to_owned(),
            )
        },
    },
    Known {
        name: "end-of-attribute-at-call-site",
        defect: "errors at the end of an attribute's arguments (\"expected `,`\", \"expected `::`\") point \
                 at the call site: the same cause as \"unexpected end of input\"",
        signature: Signature::Finding(Kind::Span, "at the call site: expected"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[parameter(List<String)] struct P; }".to_owned(),
            )
        },
    },
    Known {
        name: "keyword-macro-value",
        defect: "a keyword written as a macro value (`struct!()`) is accepted as a Rust macro call; the \
                 expansion is then not Rust, and rustc reports a syntax error instead of the macro",
        signature: Signature::Finding(Kind::Output, "does not parse as items"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[resource(AWS::Logs::LogGroup { log_group_name: struct!() })] struct L; }"
                    .to_owned(),
            )
        },
    },
    Known {
        name: "no-resource",
        defect: "a stack without any resource is accepted; CloudFormation requires `Resources`",
        signature: Signature::Finding(Kind::Model, "has no resource"),
        reproducer: || (String::new(), "mod m {}".to_owned()),
    },
    Known {
        name: "raw-identifier-logical-id",
        defect: "a raw identifier `r#Name` becomes the logical id `r#Name`, which CloudFormation refuses",
        signature: Signature::Finding(Kind::Model, "logical id `r#"),
        reproducer: || {
            (
                String::new(),
                "mod m { #[resource(AWS::Logs::LogGroup {})] struct L; #[output(L.Arn)] struct r#O; }".to_owned(),
            )
        },
    },
];

fn deep(args: &[Node], item: &[Node]) -> bool {
    mutate::depth(args).max(mutate::depth(item)) > DEEP
}

/// Parameter types (and the stack's arguments, whose `crate = path` syn
/// parses too) nested deeper than this are run only once the type defect is
/// fixed: in a debug build 200 levels fit in 8 MiB and 300 do not, 50 fit
/// in 2 MiB and 70 do not.
const DEEP_TYPE: usize = 48;

fn deep_parameter_type(args: &[Node], item: &[Node]) -> bool {
    fn search(nodes: &[Node]) -> bool {
        nodes.iter().enumerate().any(|(i, node)| match node {
            Node::Group(delimiter, children) => {
                let parameter = *delimiter == proc_macro2::Delimiter::Bracket
                    && i > 0
                    && matches!(&nodes[i - 1], Node::Leaf(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '#')
                    && matches!(
                        children.first(),
                        Some(Node::Leaf(proc_macro2::TokenTree::Ident(name))) if name == "parameter"
                    );
                (parameter && mutate::depth(children) > DEEP_TYPE) || search(children)
            }
            Node::Leaf(_) => false,
        })
    }
    mutate::depth(args) > DEEP_TYPE || search(item)
}

fn huge_repeat(_: &[Node], item: &[Node]) -> bool {
    repeat_rows(item).is_some_and(|rows| rows > HUGE)
}

/// The most rows of any `for i in A..B` (or `A..=B`) in the tokens.
fn repeat_rows(nodes: &[Node]) -> Option<u128> {
    use proc_macro2::TokenTree::{Ident, Literal, Punct};
    let mut most: Option<u128> = None;
    for (i, node) in nodes.iter().enumerate() {
        if let Node::Group(_, children) = node
            && let Some(rows) = repeat_rows(children)
        {
            most = Some(most.map_or(rows, |m| m.max(rows)));
        }
        let window = &nodes[i..];
        let number = |node: Option<&Node>| match node {
            // Past u128 counts as u128::MAX: huge all the same.
            Some(Node::Leaf(Literal(literal))) => {
                let text = literal.to_string().replace('_', "");
                text.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| text.parse().unwrap_or(u128::MAX))
            }
            _ => None,
        };
        let dot =
            |node: Option<&Node>| matches!(node, Some(Node::Leaf(Punct(p))) if p.as_char() == '.');
        if let Some(Node::Leaf(Ident(word))) = window.first()
            && word == "in"
            && let Some(from) = number(window.get(1))
            && dot(window.get(2))
            && dot(window.get(3))
        {
            let inclusive =
                matches!(window.get(4), Some(Node::Leaf(Punct(p))) if p.as_char() == '=');
            if let Some(to) = number(window.get(if inclusive { 5 } else { 4 })) {
                let rows = to
                    .saturating_sub(from)
                    .saturating_add(u128::from(inclusive));
                most = Some(most.map_or(rows, |m| m.max(rows)));
            }
        }
    }
    most
}

/// The entry a finding matches, if any.
pub fn matching(finding: &Finding) -> Option<&'static Known> {
    KNOWN.iter().find(|known| match known.signature {
        Signature::Finding(kind, text) => finding.kind == kind && finding.message.contains(text),
        Signature::Input(..) => false,
    })
}

/// The entry that says an input must not be run yet, if any.
pub fn skipped(args: &[Node], item: &[Node]) -> Option<&'static Known> {
    KNOWN.iter().find(|known| match known.signature {
        Signature::Input(test, _) => test(args, item),
        Signature::Finding(..) => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn nodes(text: &str) -> Vec<Node> {
        mutate::tree(proc_macro2::TokenStream::from_str(text).unwrap())
    }

    #[test]
    fn counts_repeat_rows() {
        assert_eq!(repeat_rows(&nodes("#[repeat(for i in 0..3)]")), Some(3));
        assert_eq!(repeat_rows(&nodes("#[repeat(for i in 1..=3)]")), Some(3));
        assert_eq!(
            repeat_rows(&nodes("#[repeat(for i in 0..18446744073709551616)]")),
            Some(18_446_744_073_709_551_616)
        );
        assert_eq!(repeat_rows(&nodes("#[repeat(for z in [\"a\"])]")), None);
    }
}
