//! The Resources section: what changed in each resource, and which
//! resources are replaced.
//!
//! A resource is replaced when its `Type` changes, or when the value of one
//! of its type's create-only properties (`ResourceType::create_only`, the
//! registry's `createOnlyProperties`; `Endpoint.Port` for a nested one,
//! `*` for every item of a list) changes: "always" when the two values
//! certainly differ, "conditional" when that depends on a condition, a
//! parameter, an import or an attribute (`values::compare`). An
//! `AWS::AutoScaling::AutoScalingGroup` whose update policy sets
//! `AutoScalingReplacingUpdate.WillReplace` is replaced, conditionally,
//! when its launch configuration or template changes.
//!
//! Replacement spreads: CloudFormation gives a replaced resource a new
//! physical id (and new attributes), so a `Ref`, `Fn::GetAtt` or `${X}` to
//! it in a create-only property of another resource changes that value,
//! which replaces that resource too, and so on to a fixed point. A
//! reference in a property that is not create-only changes the property in
//! place, and is listed as a change whose new value is not known yet.

use super::values::{self, Context, Level, Reference};
use super::{Action, Change, ResourceDiff};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet, VecDeque};

/// Why a resource is replaced.
#[derive(Clone, Debug)]
pub(crate) struct Reason {
    /// How sure: `Always` or `Conditional`.
    pub level: Level,
    /// What causes it.
    pub cause: Cause,
}

/// What replaces a resource.
#[derive(Clone, Debug)]
pub(crate) enum Cause {
    /// The resource type changed.
    Type { old: String, new: String },
    /// A create-only property's value changes.
    CreateOnly { property: String },
    /// A create-only property refers to a replaced resource.
    Reference { property: String, target: String },
    /// The launch configuration or template of an Auto Scaling group with
    /// `AutoScalingReplacingUpdate.WillReplace` changes.
    ReplacingUpdate { property: String },
}

/// The schema of a resource type; a custom resource (`Custom::Name`) has
/// the schema of `AWS::CloudFormation::CustomResource`.
fn schema(type_name: &str) -> Option<&'static ecsnet_schema::ResourceType> {
    if type_name.starts_with("Custom::") {
        ecsnet_schema::resource_type("AWS::CloudFormation::CustomResource")
    } else {
        ecsnet_schema::resource_type(type_name)
    }
}

/// The create-only properties of a type, each split at its dots.
fn create_only(type_name: &str) -> Vec<Vec<&'static str>> {
    schema(type_name)
        .map(|t| {
            t.create_only
                .iter()
                .map(|c| c.split('.').collect())
                .collect()
        })
        .unwrap_or_default()
}

/// Compares the resources of two templates: the changed ones, in the new
/// template's order, then the removed ones in the old template's order.
pub(crate) fn diff(
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    context: &Context,
) -> Vec<ResourceDiff> {
    let mut out: Vec<ResourceDiff> = Vec::new();
    // For each resource on both sides: its create-only references, as
    // (property, target, conditional), for the chains.
    let mut create_only_references: Vec<Vec<(String, Reference)>> = Vec::new();
    for (id, resource) in new {
        let type_name = text(resource.get("Type"));
        let Some(before) = old.get(id) else {
            out.push(resource_diff(id, &type_name, Action::Add, Vec::new()));
            create_only_references.push(Vec::new());
            continue;
        };
        let mut changes = attribute_changes(before, resource);
        let old_type = text(before.get("Type"));
        let paths = create_only(&type_name);
        for change in &mut changes {
            change.create_only = is_create_only(&change.path, &paths);
        }
        let reasons = own_reasons(before, resource, &paths, &changes, context);
        let references = match resource.get("Properties") {
            Some(properties) if old_type == type_name => {
                create_only_references_of(properties, &paths)
            }
            _ => Vec::new(),
        };
        create_only_references.push(references);
        out.push(resource_diff(id, &type_name, Action::Modify, changes));
        if let Some(last) = out.last_mut() {
            last.replacement = reasons
                .iter()
                .map(|r| r.level)
                .max()
                .unwrap_or(Level::Never);
            last.reasons = reasons;
        }
    }
    spread_replacement(&mut out, &create_only_references);
    let replaced: HashSet<String> = out
        .iter()
        .filter(|r| r.replacement > Level::Never)
        .map(|r| r.logical_id.clone())
        .collect();
    let replaced: HashSet<&str> = replaced.iter().map(String::as_str).collect();
    for diff in &mut out {
        if diff.action == Action::Modify
            && let Some(properties) = new.get(&diff.logical_id).and_then(|r| r.get("Properties"))
        {
            let paths = create_only(&diff.type_name);
            let before = diff.changes.len();
            mark_replaced_references("Properties", properties, &replaced, &mut diff.changes);
            for change in &mut diff.changes[before..] {
                change.create_only = is_create_only(&change.path, &paths);
            }
        }
        // Strongest reasons first; among equals, the order found.
        let level = diff.replacement;
        diff.reasons.retain(|r| r.level == level);
    }
    out.retain(|d| {
        d.action != Action::Modify || !d.changes.is_empty() || d.replacement > Level::Never
    });
    for (id, resource) in old {
        if !new.contains_key(id) {
            out.push(resource_diff(
                id,
                &text(resource.get("Type")),
                Action::Remove,
                Vec::new(),
            ));
        }
    }
    out
}

/// Why a resource on both sides is replaced by its own changes: its type,
/// its create-only properties, the Auto Scaling group rule.
fn own_reasons(
    before: &Value,
    resource: &Value,
    paths: &[Vec<&str>],
    changes: &[Change],
    context: &Context,
) -> Vec<Reason> {
    let (old_type, type_name) = (text(before.get("Type")), text(resource.get("Type")));
    if old_type != type_name {
        return vec![Reason {
            level: Level::Always,
            cause: Cause::Type {
                old: old_type,
                new: type_name,
            },
        }];
    }
    let mut reasons = Vec::new();
    // Unchanged text can still change value when a parameter's default did.
    if changes.is_empty() && context.changed_defaults.is_empty() {
        return reasons;
    }
    let (old_properties, new_properties) = (before.get("Properties"), resource.get("Properties"));
    for path in paths {
        let level = values::compare(
            old_properties.and_then(|p| at(p, path)).as_ref(),
            new_properties.and_then(|p| at(p, path)).as_ref(),
            context,
        );
        if level > Level::Never {
            reasons.push(Reason {
                level,
                cause: Cause::CreateOnly {
                    property: path.join("."),
                },
            });
        }
    }
    replacing_update(&type_name, resource, changes, &mut reasons);
    reasons
}

/// The references in a resource's create-only properties, each with the
/// property that makes it.
fn create_only_references_of(properties: &Value, paths: &[Vec<&str>]) -> Vec<(String, Reference)> {
    let mut out = Vec::new();
    for path in paths {
        if let Some(value) = at(properties, path) {
            let mut found = Vec::new();
            values::references("", &value, &mut found);
            let property = path.join(".");
            out.extend(found.into_iter().map(|r| (property.clone(), r)));
        }
    }
    out
}

fn resource_diff(id: &str, type_name: &str, action: Action, changes: Vec<Change>) -> ResourceDiff {
    ResourceDiff {
        logical_id: id.to_owned(),
        type_name: type_name.to_owned(),
        action,
        replacement: Level::Never,
        reasons: Vec::new(),
        changes,
    }
}

/// A string value's text, empty for anything else.
fn text(value: Option<&Value>) -> String {
    value.and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The changes of a resource's keys: `Type`, `Properties` by path, and the
/// resource attributes (`DependsOn` compared as a set).
fn attribute_changes(old: &Value, new: &Value) -> Vec<Change> {
    let normalise = |resource: &Value| -> Value {
        let mut map = resource.as_object().cloned().unwrap_or_default();
        if let Some(depends_on) = map.get_mut("DependsOn") {
            let mut names: Vec<Value> = match depends_on.take() {
                Value::Array(items) => items,
                other => vec![other],
            };
            names.sort_by_key(values::canonical);
            *depends_on = Value::Array(names);
        }
        Value::Object(map)
    };
    let mut found = Vec::new();
    if values::same(old, new) {
        return Vec::new();
    }
    values::changes("", Some(&normalise(old)), Some(&normalise(new)), &mut found);
    found.into_iter().map(Change::from_path).collect()
}

/// The value at a create-only path of `Properties`: the whole intrinsic
/// function where one stands on the way (it decides the value below it),
/// the list of the items' values for `*`.
fn at(value: &Value, path: &[&str]) -> Option<Value> {
    let Some((first, rest)) = path.split_first() else {
        return Some(value.clone());
    };
    if values::intrinsic(value).is_some() {
        return Some(value.clone());
    }
    if *first == "*" {
        let items = value.as_array()?;
        return Some(Value::Array(
            items.iter().filter_map(|item| at(item, rest)).collect(),
        ));
    }
    at(value.get(*first)?, rest)
}

/// Whether a change's path (`Properties.Endpoint.Port`,
/// `Properties.Rules[2].Arn`) is a create-only property, inside one, or
/// holds one.
fn is_create_only(path: &str, create_only: &[Vec<&str>]) -> bool {
    let Some(path) = path.strip_prefix("Properties.") else {
        return false;
    };
    let segments: Vec<&str> = path
        .split(['.', '['])
        .map(|s| if s.ends_with(']') { "*" } else { s })
        .collect();
    create_only.iter().any(|c| {
        c.iter()
            .zip(&segments)
            .all(|(a, b)| a == b || (*a == "*" && *b == "*"))
    })
}

/// The Auto Scaling group rule: with `UpdatePolicy.AutoScalingReplacingUpdate.WillReplace`
/// true, a change of `LaunchConfigurationName` or `LaunchTemplate` makes
/// CloudFormation replace the group (when the update needs new instances).
fn replacing_update(
    type_name: &str,
    resource: &Value,
    changes: &[Change],
    reasons: &mut Vec<Reason>,
) {
    if type_name != "AWS::AutoScaling::AutoScalingGroup" {
        return;
    }
    let will_replace = resource
        .pointer("/UpdatePolicy/AutoScalingReplacingUpdate/WillReplace")
        .is_some_and(|v| values::scalar_text(v) == "true");
    if !will_replace {
        return;
    }
    for property in ["LaunchConfigurationName", "LaunchTemplate"] {
        let prefix = format!("Properties.{property}");
        let touched = changes
            .iter()
            .any(|c| c.path == prefix || c.path.starts_with(&format!("{prefix}.")));
        if touched && !reasons.iter().any(|r| r.level == Level::Always) {
            reasons.push(Reason {
                level: Level::Conditional,
                cause: Cause::ReplacingUpdate {
                    property: property.to_owned(),
                },
            });
        }
    }
}

/// The fixed point of the chains: a resource whose create-only property
/// refers to a replaced resource is replaced, as surely as the resource it
/// refers to (only conditionally when the reference sits in `Fn::If`).
fn spread_replacement(
    diffs: &mut [ResourceDiff],
    create_only_references: &[Vec<(String, Reference)>],
) {
    // target -> (referrer, property, conditional)
    let mut referrers: HashMap<&str, Vec<(usize, &str, bool)>> = HashMap::new();
    for (i, references) in create_only_references.iter().enumerate() {
        for (property, reference) in references {
            referrers
                .entry(reference.target.as_str())
                .or_default()
                .push((i, property, reference.conditional));
        }
    }
    let mut queue: VecDeque<usize> = (0..diffs.len())
        .filter(|&i| diffs[i].replacement > Level::Never)
        .collect();
    while let Some(i) = queue.pop_front() {
        let target = diffs[i].logical_id.clone();
        let level = diffs[i].replacement;
        let Some(list) = referrers.get(target.as_str()) else {
            continue;
        };
        for &(referrer, property, conditional) in list {
            let carried = if conditional {
                level.min(Level::Conditional)
            } else {
                level
            };
            let diff = &mut diffs[referrer];
            let known = diff.reasons.iter().any(|r| {
                r.level == carried
                    && matches!(&r.cause, Cause::Reference { property: p, target: t } if p == property && *t == target)
            });
            if carried >= diff.replacement && !known {
                diff.reasons.push(Reason {
                    level: carried,
                    cause: Cause::Reference {
                        property: property.to_owned(),
                        target: target.clone(),
                    },
                });
            }
            if carried > diff.replacement {
                diff.replacement = carried;
                queue.push_back(referrer);
            }
        }
    }
}

/// Adds a change for each place of `value` (at `path`) that refers to a
/// replaced resource: the text may be unchanged, but the value becomes the
/// new resource's id or attribute. A place already changed gets the names
/// added.
pub(crate) fn mark_replaced_references(
    path: &str,
    value: &Value,
    replaced: &HashSet<&str>,
    changes: &mut Vec<Change>,
) {
    if replaced.is_empty() {
        return;
    }
    let mut found = Vec::new();
    values::references(path, value, &mut found);
    for reference in found {
        if !replaced.contains(reference.target.as_str()) {
            continue;
        }
        if let Some(change) = changes.iter_mut().find(|c| c.path == reference.path) {
            if !change.replaced.contains(&reference.target) {
                change.replaced.push(reference.target);
            }
            continue;
        }
        let current = pointer(value, path, &reference.path);
        changes.push(Change {
            path: reference.path,
            old: current.clone(),
            new: current,
            create_only: false,
            replaced: vec![reference.target],
        });
    }
}

/// The value at `full` (a path below `base`, as `values::references` writes
/// them) inside `value`, which sits at `base`.
fn pointer(value: &Value, base: &str, full: &str) -> Option<Value> {
    let rest = full.strip_prefix(base)?.trim_start_matches('.');
    let mut current = value;
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        if !key.is_empty() {
            current = current.get(key)?;
        }
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            current = current.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(current.clone())
}

/// Why a resource is replaced, as a sentence: `because SubnetId refers to
/// PrivateSubnet, which is replaced (CidrBlock)`.
pub(crate) fn explain(diff: &ResourceDiff, all: &HashMap<&str, &ResourceDiff>) -> String {
    let reasons: Vec<String> = diff
        .reasons
        .iter()
        .map(|reason| describe(reason, all, 0))
        .collect();
    format!("because {}", reasons.join("; "))
}

fn describe(reason: &Reason, all: &HashMap<&str, &ResourceDiff>, depth: usize) -> String {
    let may = reason.level == Level::Conditional;
    match &reason.cause {
        Cause::Type { old, new } => format!("the type changes from {old} to {new}"),
        Cause::CreateOnly { property } if may => format!("{property} may change (create-only)"),
        Cause::CreateOnly { property } => format!("{property} changes (create-only)"),
        Cause::ReplacingUpdate { property } => format!(
            "{property} changes and UpdatePolicy.AutoScalingReplacingUpdate.WillReplace is true"
        ),
        Cause::Reference { property, target } => {
            let verb = if all
                .get(target.as_str())
                .is_some_and(|t| t.replacement == Level::Conditional)
            {
                "may be replaced"
            } else {
                "is replaced"
            };
            let why = all
                .get(target.as_str())
                .filter(|_| depth < 8)
                .map(|t| format!(" ({})", summary(t, all, depth + 1)))
                .unwrap_or_default();
            format!("{property} refers to {target}, which {verb}{why}")
        }
    }
}

/// The short form of a replaced resource's reasons, inside the parentheses
/// of a chain: the create-only properties that change (`CidrBlock`), or
/// the next link of the chain.
fn summary(diff: &ResourceDiff, all: &HashMap<&str, &ResourceDiff>, depth: usize) -> String {
    let properties: Vec<&str> = diff
        .reasons
        .iter()
        .filter_map(|r| match &r.cause {
            Cause::CreateOnly { property } => Some(property.as_str()),
            _ => None,
        })
        .collect();
    if !properties.is_empty() {
        return properties.join(", ");
    }
    diff.reasons
        .first()
        .map(|reason| match &reason.cause {
            Cause::Type { .. } => "Type".to_owned(),
            Cause::ReplacingUpdate { property } => format!("{property}, WillReplace"),
            _ => describe(reason, all, depth),
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_only_paths_match_at_any_depth() {
        let paths = vec![
            vec!["CidrBlock"],
            vec!["Endpoint", "Port"],
            vec!["Rules", "*", "Arn"],
        ];
        assert!(is_create_only("Properties.CidrBlock", &paths));
        assert!(is_create_only("Properties.Endpoint.Port", &paths));
        assert!(is_create_only("Properties.Endpoint", &paths));
        assert!(is_create_only("Properties.Rules[2].Arn", &paths));
        assert!(!is_create_only("Properties.Rules[2].Name", &paths));
        assert!(!is_create_only("Properties.Endpoint.Address", &paths));
        assert!(!is_create_only("Properties.Tags[0].Value", &paths));
        assert!(!is_create_only("DeletionPolicy", &paths));
    }

    #[test]
    fn values_at_create_only_paths() {
        let properties = serde_json::json!({"Rules": [{"Arn": "a"}, {"Arn": "b"}], "E": {"Fn::If": ["C", {}, {}]}});
        assert_eq!(
            at(&properties, &["Rules", "*", "Arn"]),
            Some(serde_json::json!(["a", "b"]))
        );
        assert_eq!(
            at(&properties, &["E", "Port"]),
            Some(serde_json::json!({"Fn::If": ["C", {}, {}]}))
        );
        assert_eq!(at(&properties, &["Missing"]), None);
    }
}
