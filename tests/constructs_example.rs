//! `examples/todobackend_constructs.rs` declares the chapter's NAT gateway,
//! private subnet and service with ecsnet's constructs, and emits the template of
//! `examples/todobackend.rs`, but for three logical ids the instances
//! derive, and optional inputs left at `AWS::NoValue`, which CloudFormation
//! reads as absent.

#[path = "../examples/todobackend.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod chapter;

#[path = "../examples/todobackend_constructs.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod with_constructs;

use serde_json::Value;

/// The logical ids the instances derive, and the chapter's.
const RENAMED: &[(&str, &str)] = &[
    ("NatAddress", "ElasticIP"),
    (
        "ApplicationLoadBalancerToTasksIngress",
        "ApplicationLoadBalancerToApplicationIngress",
    ),
    (
        "ApplicationLoadBalancerToTasksEgress",
        "ApplicationLoadBalancerToApplicationEgress",
    ),
];

/// `value` without the properties set to `AWS::NoValue`, which
/// CloudFormation treats as absent: a construct's optional inputs default
/// to it.
fn without_no_value(value: &Value) -> Value {
    let no_value = serde_json::json!({ "Ref": "AWS::NoValue" });
    match value {
        Value::Array(items) => Value::Array(items.iter().map(without_no_value).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| **v != no_value)
                .map(|(k, v)| (k.clone(), without_no_value(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `value` with each logical id of `RENAMED` replaced wherever a template
/// names it: resource keys, `Ref`, `Fn::GetAtt`, `DependsOn` and `${…}`.
fn renamed(value: &Value) -> Value {
    let id = |text: &str| {
        RENAMED
            .iter()
            .find(|(from, _)| *from == text)
            .map_or(text.to_owned(), |(_, to)| (*to).to_owned())
    };
    match value {
        Value::String(text) => {
            let mut out = id(text);
            for (from, to) in RENAMED {
                out = out
                    .replace(&format!("${{{from}}}"), &format!("${{{to}}}"))
                    .replace(&format!("${{{from}."), &format!("${{{to}."));
            }
            Value::String(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(renamed).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (id(key), renamed(value)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn the_construct_example_emits_the_chapter_s_template() {
    let chapter: Value =
        serde_json::from_str(&chapter::todobackend::template().to_json_pretty()).unwrap();
    let constructs: Value =
        serde_json::from_str(&with_constructs::todobackend::template().to_json_pretty()).unwrap();
    assert_eq!(renamed(&without_no_value(&constructs)), chapter);
    // The instances declared what the chapter writes out.
    for id in [
        "NatGateway",
        "NatAddress",
        "PrivateSubnet",
        "PrivateRouteTable",
        "PrivateSubnetRouteTableAssociation",
        "PrivateRouteTableDefaultRoute",
        "ApplicationService",
        "ApplicationSecurityGroup",
        "ApplicationServiceTargetGroup",
        "ApplicationLoadBalancerToTasksIngress",
        "ApplicationLoadBalancerToTasksEgress",
    ] {
        assert!(constructs["Resources"].get(id).is_some(), "{id} is missing");
    }
}
