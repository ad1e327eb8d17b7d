//! The human rendering of a diff, in the manner of `cdk diff`: first what
//! a deployment would replace and the security changes (what to read
//! before saying yes), then Parameters, Resources, Outputs and the other
//! sections, `[+]`/`[-]`/`[~]` per entry and one line per changed value.
//!
//! The colours are four ANSI escape codes, written here rather than
//! through a crate: the caller decides whether to use them.

use super::resources::explain;
use super::security::{Rule, SecurityDiff};
use super::values::{Level, show};
use super::{Action, Change, Entry, ResourceDiff, TemplateDiff};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The colours of the output, or none.
#[derive(Clone, Copy)]
pub(crate) struct Paint {
    color: bool,
}

impl Paint {
    pub(crate) fn new(color: bool) -> Paint {
        Paint { color }
    }

    fn wrap(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub(crate) fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }

    fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }

    fn yellow(self, text: &str) -> String {
        self.wrap("33", text)
    }

    /// The `[+]`, `[-]` or `[~]` of an action, coloured.
    fn mark(self, action: Action) -> String {
        match action {
            Action::Add => self.green("[+]"),
            Action::Remove => self.red("[-]"),
            Action::Modify => self.yellow("[~]"),
        }
    }
}

/// The whole rendering; "no differences" for none.
pub(crate) fn render(diff: &TemplateDiff, color: bool) -> String {
    if diff.is_empty() {
        return "no differences\n".to_owned();
    }
    let paint = Paint::new(color);
    let mut sections: Vec<String> = Vec::new();
    let replaced: Vec<&ResourceDiff> = diff
        .resources
        .iter()
        .filter(|r| r.replacement > Level::Never)
        .collect();
    if !replaced.is_empty() {
        let all: HashMap<&str, &ResourceDiff> = diff
            .resources
            .iter()
            .map(|r| (r.logical_id.as_str(), r))
            .collect();
        let mut out = paint.bold("Replacements") + "\n";
        for resource in replaced {
            let (mark, verb) = if resource.replacement == Level::Always {
                (paint.red("[-/+]"), paint.red("replaced"))
            } else {
                (paint.yellow("[-/+?]"), paint.yellow("may be replaced"))
            };
            let _ = writeln!(
                out,
                "{mark} {} {}: {verb}, {}",
                resource.type_name,
                resource.logical_id,
                explain(resource, &all)
            );
        }
        sections.push(out);
    }
    if !diff.security.is_empty() {
        sections.push(security(&diff.security, paint));
    }
    if !diff.parameters.is_empty() {
        sections.push(entries("Parameters", "Parameter", &diff.parameters, paint));
    }
    if !diff.resources.is_empty() {
        let mut out = paint.bold("Resources") + "\n";
        for resource in &diff.resources {
            let note = match resource.replacement {
                Level::Always => format!(" {}", paint.red("(replaced)")),
                Level::Conditional => format!(" {}", paint.yellow("(may be replaced)")),
                Level::Never => String::new(),
            };
            let _ = writeln!(
                out,
                "{} {} {}{note}",
                paint.mark(resource.action),
                resource.type_name,
                resource.logical_id
            );
            changes(&resource.changes, &mut out);
        }
        sections.push(out);
    }
    if !diff.outputs.is_empty() {
        sections.push(entries("Outputs", "Output", &diff.outputs, paint));
    }
    if !diff.other.is_empty() {
        let mut out = paint.bold("Other changes") + "\n";
        for change in &diff.other {
            let _ = writeln!(
                out,
                "{} {}",
                paint.mark(Action::Modify),
                change_line(change)
            );
        }
        sections.push(out);
    }
    sections.join("\n")
}

fn entries(title: &str, kind: &str, list: &[Entry], paint: Paint) -> String {
    let mut out = paint.bold(title) + "\n";
    for entry in list {
        let _ = writeln!(out, "{} {kind} {}", paint.mark(entry.action), entry.name);
        changes(&entry.changes, &mut out);
    }
    out
}

/// The changed values of an entry, one line each under it.
fn changes(list: &[Change], out: &mut String) {
    for (i, change) in list.iter().enumerate() {
        let branch = if i + 1 == list.len() {
            "└─"
        } else {
            "├─"
        };
        let _ = writeln!(out, "    {branch} {}", change_line(change));
    }
}

/// `Properties.CidrBlock (create-only): 10.0.0.0/24 → 10.0.1.0/24`.
fn change_line(change: &Change) -> String {
    let side = |value: &Option<Value>| value.as_ref().map_or_else(|| "(absent)".to_owned(), show);
    let tag = if change.create_only {
        " (create-only)"
    } else {
        ""
    };
    let unknown = if change.replaced.is_empty() {
        String::new()
    } else {
        let verb = if change.replaced.len() == 1 {
            "is"
        } else {
            "are"
        };
        format!(" (changes: {} {verb} replaced)", change.replaced.join(", "))
    };
    let values = if change.old.is_some() && change.old == change.new {
        side(&change.new)
    } else {
        format!("{} → {}", side(&change.old), side(&change.new))
    };
    format!("{}{tag}: {values}{unknown}", change.path)
}

/// The security tables.
fn security(diff: &SecurityDiff, paint: Paint) -> String {
    let mut out = paint.bold("Security changes") + "\n";
    let sign = |action: Action| match action {
        Action::Add => paint.green("+"),
        _ => paint.red("-"),
    };
    if !diff.statements.is_empty() {
        out.push_str("IAM statements\n");
        let mut rows = vec![header(&[
            "",
            "Resource",
            "Where",
            "Effect",
            "Action",
            "Resource/Principal",
            "Condition",
        ])];
        for change in &diff.statements {
            let s = &change.statement;
            let field = |keys: &[&str]| -> String {
                keys.iter()
                    .find_map(|k| {
                        s.get(*k).map(|v| {
                            let prefix = if k.starts_with("Not") { "NOT " } else { "" };
                            let label = if *k == "Principal" { "Principal: " } else { "" };
                            format!("{label}{prefix}{}", list(v))
                        })
                    })
                    .unwrap_or_default()
            };
            let target = [
                field(&["Resource", "NotResource"]),
                field(&["Principal", "NotPrincipal"]),
            ]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
            rows.push(vec![
                (sign(change.action), 1),
                plain(&change.resource),
                plain(&change.source),
                plain(&field(&["Effect"])),
                plain(&field(&["Action", "NotAction"])),
                plain(&target),
                plain(&s.get("Condition").map(show).unwrap_or_default()),
            ]);
        }
        table(&rows, &mut out);
    }
    if !diff.managed_policies.is_empty() {
        out.push_str("Managed policies\n");
        let mut rows = vec![header(&["", "Resource", "Managed policy ARN"])];
        for change in &diff.managed_policies {
            rows.push(vec![
                (sign(change.action), 1),
                plain(&change.resource),
                plain(&show(&change.arn)),
            ]);
        }
        table(&rows, &mut out);
    }
    if !diff.rules.is_empty() {
        out.push_str("Security group rules\n");
        let mut rows = vec![header(&[
            "",
            "Group",
            "Direction",
            "Protocol",
            "Ports",
            "Peer",
        ])];
        for change in &diff.rules {
            let Rule {
                group,
                direction,
                protocol,
                ports,
                peer,
                open,
                ..
            } = &change.rule;
            let peer = if *open {
                let text = format!("{peer} (open to the world)");
                (paint.red(&text), text.chars().count())
            } else {
                plain(peer)
            };
            rows.push(vec![
                (sign(change.action), 1),
                plain(group),
                plain(direction),
                plain(protocol),
                plain(ports),
                peer,
            ]);
        }
        table(&rows, &mut out);
    }
    out
}

/// A list value as `a, b`; anything else shown.
fn list(value: &Value) -> String {
    match value {
        Value::Array(items) => items.iter().map(show).collect::<Vec<_>>().join(", "),
        other => show(other),
    }
}

/// A cell: its text (coloured or not) and its width on screen.
type Cell = (String, usize);

fn plain(text: &str) -> Cell {
    (text.to_owned(), text.chars().count())
}

fn header(names: &[&str]) -> Vec<Cell> {
    names.iter().map(|n| plain(n)).collect()
}

/// Rows in aligned columns, two spaces apart, indented by two.
fn table(rows: &[Vec<Cell>], out: &mut String) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.1)
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::from("  ");
        for (c, (text, width)) in row.iter().enumerate() {
            line.push_str(text);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - width + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
