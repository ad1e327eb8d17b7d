//! Raw identifiers name logical ids without `r#`, repeated or not, and a
//! private stack module compiles without a warning.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[repeat(for zone in ["a", "b"])]
    #[resource(AWS::Logs::LogGroup {})]
    struct r#Logs;

    #[resource(AWS::Logs::LogGroup {})]
    #[metadata { "Copies": r#Logs[zone], "Other": r#type }]
    #[depends_on(r#LogsA)]
    #[repeat(for zone in ["a"])]
    struct Copy;

    #[resource(AWS::Logs::LogGroup {})]
    #[allow(non_camel_case_types, reason = "a lowercase logical id")]
    struct r#type;
    // ANCHOR_END: here
}

fn main() {
    let json: serde_json::Value = serde_json::from_str(&app::template().to_json()).unwrap();
    let ids: Vec<&str> = json["Resources"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(ids, ["LogsA", "LogsB", "CopyA", "type"]);
    assert_eq!(
        json["Resources"]["CopyA"]["Metadata"],
        serde_json::json!({ "Copies": { "Ref": "LogsA" }, "Other": { "Ref": "type" } })
    );
    assert_eq!(json["Resources"]["CopyA"]["DependsOn"], serde_json::json!(["LogsA"]));
}
