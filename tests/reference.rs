//! `cargo run --example todobackend` emits the chapter's template.
//!
//! The example's template is compared with `fixtures/reference-ch10-stack.json`
//! (the long form of the chapter's `ch10-stack.yml`) after applying exactly
//! the changes listed in `fixtures/modernisations.json`, each forced by a
//! cfn-lint error on the 2018 original. Comparison is semantic: short and long
//! forms of intrinsic functions are the same JSON once parsed, and scalars are
//! compared as text, so `30` equals `"30"` and `false` equals `"false"`, as
//! CloudFormation treats them.

#[path = "../examples/todobackend.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod example;

use serde_json::Value;

fn reference() -> Value {
    serde_json::from_str(include_str!("fixtures/reference-ch10-stack.json")).unwrap()
}

fn modernisations() -> Vec<Value> {
    let list: Value = serde_json::from_str(include_str!("fixtures/modernisations.json")).unwrap();
    list["modernisations"].as_array().unwrap().clone()
}

fn emitted() -> Value {
    serde_json::from_str(&example::todobackend::template().to_json_pretty()).unwrap()
}

/// The template without ecsnet's own records: the acknowledgments it writes
/// into a resource's `Metadata.ecsnet` (checked by their own test below).
fn without_ecsnet_records(mut template: Value) -> Value {
    for resource in template["Resources"].as_object_mut().unwrap().values_mut() {
        let resource = resource.as_object_mut().unwrap();
        if let Some(Value::Object(metadata)) = resource.get_mut("Metadata") {
            metadata.remove("ecsnet");
            if metadata.is_empty() {
                resource.remove("Metadata");
            }
        }
    }
    template
}

/// Scalars as text, as CloudFormation reads them.
fn normalize(value: &Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Bool(b) => Value::String(b.to_string()),
        Value::Array(items) => Value::Array(items.iter().map(normalize).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), normalize(v))).collect())
        }
        other => other.clone(),
    }
}

/// Every difference between two values, as `path: expected …, found …`.
fn differences(path: &str, expected: &Value, found: &Value, out: &mut Vec<String>) {
    match (expected, found) {
        (Value::Object(e), Value::Object(f)) => {
            for (key, value) in e {
                match f.get(key) {
                    Some(other) => differences(&format!("{path}/{key}"), value, other, out),
                    None => out.push(format!("{path}/{key}: missing")),
                }
            }
            for key in f.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("{path}/{key}: not in the reference"));
            }
        }
        (Value::Array(e), Value::Array(f)) if e.len() == f.len() => {
            for (i, (a, b)) in e.iter().zip(f).enumerate() {
                differences(&format!("{path}/{i}"), a, b, out);
            }
        }
        _ if expected != found => out.push(format!("{path}: expected {expected}, found {found}")),
        _ => {}
    }
}

fn pointer(path: &Value) -> String {
    let segments: Vec<&str> = path
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    format!("/{}", segments.join("/"))
}

#[test]
fn todobackend_equals_the_reference_with_the_listed_modernisations_only() {
    let mut reference = reference();
    for change in modernisations() {
        let at = pointer(&change["path"]);
        let slot = reference
            .pointer_mut(&at)
            .unwrap_or_else(|| panic!("modernisation {at} names nothing in the reference"));
        assert_eq!(
            normalize(slot),
            normalize(&change["from"]),
            "modernisation {at} no longer matches the reference"
        );
        *slot = change["to"].clone();
    }
    let mut found = Vec::new();
    let emitted = without_ecsnet_records(emitted());
    differences("", &normalize(&reference), &normalize(&emitted), &mut found);
    assert!(
        found.is_empty(),
        "the example differs from the reference:\n{}",
        found.join("\n")
    );
}

#[test]
fn todobackend_keeps_the_reference_order() {
    let reference = reference();
    let emitted = emitted();
    for section in ["Parameters", "Resources", "Outputs"] {
        let expected: Vec<&String> = reference[section].as_object().unwrap().keys().collect();
        let found: Vec<&String> = emitted[section].as_object().unwrap().keys().collect();
        assert_eq!(found, expected, "{section} are not in declaration order");
    }
    let expected_top: Vec<&String> = reference.as_object().unwrap().keys().collect();
    let found_top: Vec<&String> = emitted.as_object().unwrap().keys().collect();
    assert_eq!(found_top, expected_top);
}

#[test]
fn every_modernisation_is_needed() {
    // Each listed change differs from the original: the list has no no-ops.
    for change in modernisations() {
        assert_ne!(normalize(&change["from"]), normalize(&change["to"]));
        assert!(
            change["cfn_lint"]
                .as_str()
                .is_some_and(|rule| rule.starts_with('E'))
        );
    }
}

#[test]
fn two_runs_give_identical_bytes() {
    let template = example::todobackend::template();
    assert_eq!(
        template.to_json_pretty(),
        example::todobackend::template().to_json_pretty()
    );
    assert_eq!(
        template.to_yaml(),
        example::todobackend::template().to_yaml()
    );
}

#[test]
fn the_open_ssh_port_is_acknowledged_in_the_metadata() {
    let emitted = emitted();
    let records = &emitted["Resources"]["ApplicationAutoscalingSecurityGroup"]["Metadata"]["ecsnet"]
        ["Acknowledged"];
    let records = records.as_array().expect("the acknowledgment is recorded");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["Rule"], "open-ingress");
    assert_eq!(records[0]["At"], "SecurityGroupIngress[0]");
    assert!(records[0]["Reason"].as_str().unwrap().starts_with("SSH"));
}
