//! `examples/services.rs` stays a stack across many services: at least 50
//! distinct resource types from at least 20 services, tied together by real
//! references (`Ref`, `Fn::GetAtt`, `Fn::Sub`) rather than literal names.

#[path = "../examples/services.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
mod example;

use std::collections::BTreeSet;

use serde_json::{Value, json};

fn template() -> Value {
    serde_json::from_str(&example::orders::template().to_json()).unwrap()
}

fn resource<'a>(template: &'a Value, name: &str) -> &'a Value {
    let resource = &template["Resources"][name];
    assert!(resource.is_object(), "no resource `{name}` in the template");
    resource
}

#[test]
fn covers_fifty_types_from_twenty_services() {
    let template = template();
    let types: BTreeSet<&str> = template["Resources"]
        .as_object()
        .unwrap()
        .values()
        .map(|resource| resource["Type"].as_str().unwrap())
        .collect();
    let services: BTreeSet<&str> = types
        .iter()
        .map(|name| name.split("::").nth(1).unwrap())
        .collect();
    assert!(types.len() >= 50, "{} types: {types:?}", types.len());
    assert!(
        services.len() >= 20,
        "{} services: {services:?}",
        services.len()
    );
}

#[test]
fn references_are_intrinsics() {
    let template = template();
    let properties = |name: &str| resource(&template, name)["Properties"].clone();

    // The API may invoke its function: `ApiFunction.Arn`.
    assert_eq!(
        properties("ApiInvokePermission")["FunctionName"],
        json!({ "Fn::GetAtt": ["ApiFunction", "Arn"] })
    );
    // The notifier's permission names the function and the topic by `Ref`.
    let notifier = properties("NotifierInvokePermission");
    assert_eq!(
        notifier["FunctionName"],
        json!({ "Ref": "NotifierFunction" })
    );
    assert_eq!(notifier["SourceArn"], json!({ "Ref": "OrderEventsTopic" }));

    // The queue depth alarm scales the worker out.
    assert_eq!(
        properties("QueueDepthHighAlarm")["AlarmActions"],
        json!([{ "Ref": "WorkerScaleOutPolicy" }])
    );
    // The scalable target names the service through `Fn::Sub`.
    assert_eq!(
        properties("WorkerScalableTarget")["ResourceId"],
        json!({ "Fn::Sub": "service/${Cluster}/${WorkerService.Name}" })
    );
    // The HTTP API's routes go to the integration.
    assert_eq!(
        properties("ApiRouteCreateOrder")["Target"],
        json!({ "Fn::Sub": "integrations/${ApiIntegration}" })
    );

    // References inside free-form JSON: the state machine's definition
    // writes to the table and publishes to the topic.
    let states = &properties("FulfilmentStateMachine")["Definition"]["States"];
    assert_eq!(
        states["MarkAccepted"]["Parameters"]["TableName"],
        json!({ "Ref": "OrdersTable" })
    );
    assert_eq!(
        states["Announce"]["Parameters"]["TopicArn"],
        json!({ "Ref": "OrderEventsTopic" })
    );

    // Nested property types are written in CloudFormation's spelling.
    assert_eq!(
        properties("OrdersTable")["KeySchema"],
        json!([{ "AttributeName": "orderId", "KeyType": "HASH" }])
    );
    // Repeated declarations: one interface endpoint per service, all in
    // both private subnets.
    assert_eq!(
        properties("InterfaceEndpointEcrApi")["SubnetIds"],
        json!([{ "Ref": "PrivateSubnetA" }, { "Ref": "PrivateSubnetB" }])
    );
}
