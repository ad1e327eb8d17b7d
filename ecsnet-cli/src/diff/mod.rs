//! `ecsnet diff OLD NEW`: what changes between two templates, and what the
//! change replaces.
//!
//! Both templates are read into JSON ([`read_template`]: JSON or YAML, short
//! tags expanded by the importer's reader), then compared section by
//! section. Resources are compared property by property; whether a change
//! replaces the resource comes from the registry's `createOnlyProperties`
//! in `ecsnet-schema`'s data, never from a hand-written table, and spreads
//! along references: a resource whose create-only property refers to a
//! replaced resource gets a new value there, so it is replaced too (see the
//! `resources` module). The `security` module lists the IAM statements,
//! managed policies and security-group rules added and removed.
//!
//! The output is [`TemplateDiff::render_human`], in the manner of
//! `cdk diff`, or [`TemplateDiff::to_json`] for scripts (documented in the
//! book's "The diff format" page). The `app` module compares two app
//! output directories stack by stack.

mod app;
mod command;
mod json;
mod render;
mod resources;
mod security;
mod values;

pub use app::diff_paths;
pub use command::command;

use serde_json::{Map, Value};
use std::collections::HashSet;
use values::{Context, PathChange};

/// The differences between two templates.
pub struct TemplateDiff {
    parameters: Vec<Entry>,
    resources: Vec<ResourceDiff>,
    outputs: Vec<Entry>,
    /// Changes of the other sections (`Description`, `Conditions`,
    /// `Mappings`, `Metadata`, `Rules`, `Transform`, …), by path.
    other: Vec<Change>,
    security: security::SecurityDiff,
}

/// Whether an entry (resource, parameter, output) is new, gone or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    Add,
    Remove,
    Modify,
}

impl Action {
    fn name(self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Remove => "remove",
            Action::Modify => "modify",
        }
    }
}

/// One changed value of an entry.
#[derive(Clone, Debug)]
pub(crate) struct Change {
    /// `Properties.Tags[1].Value`, `DeletionPolicy`, `Default`.
    path: String,
    /// The old value; `None` where the path is new.
    old: Option<Value>,
    /// The new value; `None` where the path is gone.
    new: Option<Value>,
    /// Whether the path is, or holds, a create-only property.
    create_only: bool,
    /// Replaced resources the value refers to: its text may be unchanged,
    /// but it evaluates to the new resource's id or attribute.
    replaced: Vec<String>,
}

impl Change {
    fn from_path(change: PathChange) -> Change {
        Change {
            path: change.path,
            old: change.old,
            new: change.new,
            create_only: false,
            replaced: Vec::new(),
        }
    }
}

/// A parameter or output that changed.
pub(crate) struct Entry {
    name: String,
    action: Action,
    changes: Vec<Change>,
}

/// A resource that changed.
pub(crate) struct ResourceDiff {
    logical_id: String,
    /// The new type (the old one for a removed resource).
    type_name: String,
    action: Action,
    replacement: values::Level,
    /// Why it is replaced, one sentence each, strongest first.
    reasons: Vec<resources::Reason>,
    changes: Vec<Change>,
}

impl ResourceDiff {
    /// The replaced resources that make this one replaced.
    fn caused_by(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for reason in &self.reasons {
            if let resources::Cause::Reference { target, .. } = &reason.cause
                && !out.contains(&target.as_str())
            {
                out.push(target);
            }
        }
        out
    }
}

/// Reads a template file, JSON or YAML (CloudFormation short tags such as
/// `!Ref`, `!Sub`, `!GetAtt a.b` become their long JSON forms), into JSON.
///
/// # Errors
///
/// A message naming the file when it cannot be read or is not a template.
pub fn read_template(path: &std::path::Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    parse_template(&text).map_err(|error| format!("{}: {error}", path.display()))
}

/// Parses template text (JSON or YAML) the same way.
///
/// # Errors
///
/// A message with the line of a syntax error, or saying that the text is
/// not a template (not a mapping at the top).
pub fn parse_template(text: &str) -> Result<Value, String> {
    match crate::import::read::template(text)? {
        Value::Object(map) => Ok(Value::Object(map)),
        // An empty file is an empty template.
        Value::Null => Ok(Value::Object(Map::new())),
        _ => Err("not a template: the top level is not a mapping".to_owned()),
    }
}

/// Compares two templates (old = deployed or previous, new = to deploy).
pub fn diff_templates(old: &Value, new: &Value) -> TemplateDiff {
    let empty = Map::new();
    let section = |template, name| section(template, name, &empty);
    let (old_parameters, new_parameters) = (section(old, "Parameters"), section(new, "Parameters"));
    let parameter_names: HashSet<String> = new_parameters.keys().cloned().collect();
    let changed_defaults: HashSet<String> = new_parameters
        .iter()
        .filter(|(name, p)| {
            old_parameters.get(*name).is_some_and(|o| {
                !values::same(
                    o.get("Default").unwrap_or(&Value::Null),
                    p.get("Default").unwrap_or(&Value::Null),
                )
            })
        })
        .map(|(name, _)| name.clone())
        .collect();
    let context = Context {
        parameters: &parameter_names,
        changed_defaults: &changed_defaults,
    };
    let (old_resources, new_resources) = (section(old, "Resources"), section(new, "Resources"));
    let resources = resources::diff(old_resources, new_resources, &context);
    let replaced: HashSet<&str> = resources
        .iter()
        .filter(|r| r.replacement > values::Level::Never)
        .map(|r| r.logical_id.as_str())
        .collect();
    let outputs = entries(section(old, "Outputs"), section(new, "Outputs"), &replaced);
    let parameters = entries(old_parameters, new_parameters, &HashSet::new());
    TemplateDiff {
        parameters,
        outputs,
        other: other_sections(old, new),
        security: security::diff(old_resources, new_resources),
        resources,
    }
}

/// A section of a template, empty when absent.
fn section<'a>(
    template: &'a Value,
    name: &str,
    empty: &'a Map<String, Value>,
) -> &'a Map<String, Value> {
    template
        .get(name)
        .and_then(Value::as_object)
        .unwrap_or(empty)
}

/// The entries of a section (parameters, outputs) that are new, gone or
/// changed; an entry that refers to a replaced resource changes value.
fn entries(
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    replaced: &HashSet<&str>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    for (name, value) in new {
        let Some(before) = old.get(name) else {
            out.push(Entry {
                name: name.clone(),
                action: Action::Add,
                changes: Vec::new(),
            });
            continue;
        };
        let mut found = Vec::new();
        values::changes("", Some(before), Some(value), &mut found);
        let mut changes: Vec<Change> = found.into_iter().map(Change::from_path).collect();
        resources::mark_replaced_references("", value, replaced, &mut changes);
        if !changes.is_empty() {
            out.push(Entry {
                name: name.clone(),
                action: Action::Modify,
                changes,
            });
        }
    }
    for name in old.keys().filter(|name| !new.contains_key(*name)) {
        out.push(Entry {
            name: name.clone(),
            action: Action::Remove,
            changes: Vec::new(),
        });
    }
    out
}

/// Changes of every top-level section but parameters, resources and
/// outputs, by path.
fn other_sections(old: &Value, new: &Value) -> Vec<Change> {
    let compared = ["Parameters", "Resources", "Outputs"];
    // "The latest template format version is 2010-09-09 and is currently
    // the only valid value" (template anatomy): leaving it out says the same.
    let strip = |template: &Value| -> Value {
        let map = template.as_object().into_iter().flatten();
        Value::Object(
            map.filter(|(key, value)| {
                let default_version =
                    key.as_str() == "AWSTemplateFormatVersion" && *value == "2010-09-09";
                !compared.contains(&key.as_str()) && !default_version
            })
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect(),
        )
    };
    let mut found = Vec::new();
    values::changes("", Some(&strip(old)), Some(&strip(new)), &mut found);
    found.into_iter().map(Change::from_path).collect()
}

impl TemplateDiff {
    /// Whether the templates are the same.
    pub fn is_empty(&self) -> bool {
        self.parameters.is_empty()
            && self.resources.is_empty()
            && self.outputs.is_empty()
            && self.other.is_empty()
            && self.security.is_empty()
    }

    /// Some resource is replaced ("always" or "conditional").
    pub fn replaces_any(&self) -> bool {
        self.resources
            .iter()
            .any(|r| r.replacement > values::Level::Never)
    }

    /// IAM statements or managed policies added, or security-group rules
    /// added.
    pub fn broadens_security(&self) -> bool {
        self.security.broadens()
    }

    /// The human rendering; `color` adds ANSI colours.
    pub fn render_human(&self, color: bool) -> String {
        render::render(self, color)
    }

    /// The `--format json` document.
    pub fn to_json(&self) -> Value {
        json::document(self)
    }
}

#[cfg(test)]
mod tests;
