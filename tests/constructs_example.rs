//! `examples/todobackend_constructs.rs` declares the chapter's NAT gateway
//! and private subnet with ecsnet's constructs, and emits the template of
//! `examples/todobackend.rs`, but for the logical ids the instances derive:
//! only the Elastic IP's (`NatAddress`, the chapter's `ElasticIP`) differs.

#[path = "../examples/todobackend.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod chapter;

#[path = "../examples/todobackend_constructs.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod with_constructs;

use serde_json::Value;

/// The logical ids the instances derive, and the chapter's.
const RENAMED: &[(&str, &str)] = &[("NatAddress", "ElasticIP")];

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
    assert_eq!(renamed(&constructs), chapter);
    // The instances declared what the chapter writes out.
    for id in [
        "NatGateway",
        "NatAddress",
        "PrivateSubnet",
        "PrivateRouteTable",
        "PrivateSubnetRouteTableAssociation",
        "PrivateRouteTableDefaultRoute",
    ] {
        assert!(constructs["Resources"].get(id).is_some(), "{id} is missing");
    }
}
