//! The `--format json` document of a diff. Keys are written in a fixed
//! order and lists in the templates' order, so the same two templates give
//! the same bytes. The book's "The diff format" page documents every key.

use super::resources::explain;
use super::security::SecurityDiff;
use super::values::Level;
use super::{Change, Entry, ResourceDiff, TemplateDiff};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The document of one template diff.
pub(crate) fn document(diff: &TemplateDiff) -> Value {
    let all: HashMap<&str, &ResourceDiff> = diff
        .resources
        .iter()
        .map(|r| (r.logical_id.as_str(), r))
        .collect();
    let resources: Vec<Value> = diff
        .resources
        .iter()
        .map(|r| {
            json!({
                "logical_id": r.logical_id,
                "type": r.type_name,
                "action": r.action.name(),
                "replacement": level_name(r.replacement),
                "caused_by": r.caused_by(),
                "reason": if r.replacement > Level::Never { Value::String(explain(r, &all)) } else { Value::Null },
                "properties": r.changes.iter().map(|c| change(c, true)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "summary": {
            "differences": !diff.is_empty(),
            "replaces_any": diff.replaces_any(),
            "broadens_security": diff.broadens_security(),
        },
        "parameters": entries(&diff.parameters),
        "resources": resources,
        "outputs": entries(&diff.outputs),
        "other": diff.other.iter().map(|c| change(c, false)).collect::<Vec<_>>(),
        "security": security(&diff.security),
    })
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Never => "never",
        Level::Conditional => "conditional",
        Level::Always => "always",
    }
}

fn entries(list: &[Entry]) -> Vec<Value> {
    list.iter()
        .map(|e| {
            json!({
                "name": e.name,
                "action": e.action.name(),
                "changes": e.changes.iter().map(|c| change(c, false)).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// One changed value; `create_only` for resources' properties only.
fn change(change: &Change, resource: bool) -> Value {
    let mut out = json!({
        "path": change.path,
        "old": change.old,
        "new": change.new,
    });
    if let Value::Object(map) = &mut out {
        if resource {
            map.insert("create_only".to_owned(), Value::Bool(change.create_only));
        }
        map.insert("replaced_references".to_owned(), json!(change.replaced));
    }
    out
}

fn security(diff: &SecurityDiff) -> Value {
    json!({
        "iam_statements": diff.statements.iter().map(|s| json!({
            "action": s.action.name(),
            "resource": s.resource,
            "source": s.source,
            "statement": s.statement,
        })).collect::<Vec<_>>(),
        "managed_policies": diff.managed_policies.iter().map(|p| json!({
            "action": p.action.name(),
            "resource": p.resource,
            "arn": p.arn,
        })).collect::<Vec<_>>(),
        "security_group_rules": diff.rules.iter().map(|r| json!({
            "action": r.action.name(),
            "group": r.rule.group,
            "direction": r.rule.direction,
            "protocol": r.rule.protocol,
            "ports": r.rule.ports,
            "peer": r.rule.peer,
            "peer_kind": r.rule.peer_kind,
            "open": r.rule.open,
            "description": r.rule.description,
            "defined_in": r.rule.defined_in,
        })).collect::<Vec<_>>(),
    })
}
