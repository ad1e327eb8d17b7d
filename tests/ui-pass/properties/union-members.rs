//! A property whose schema allows several shapes takes the one the value is written as: a list of structs where a list or JSON is allowed, and the struct whose properties the keys name among several.
use ecsnet::prelude::*;

#[stack]
mod unions {
    // ANCHOR: here
    /// `KeySchema` is a list of `KeySchema` structs, or JSON.
    #[resource(AWS::DynamoDB::Table {
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
        billing_mode: "PAY_PER_REQUEST",
    })]
    struct Todos;

    /// Each network interface is a CAN interface or an OBD interface.
    #[resource(AWS::IoTFleetWise::DecoderManifest {
        name: "manifest",
        model_manifest_arn: "arn:aws:iotfleetwise:us-east-1:123456789012:model-manifest/m",
        network_interfaces: [
            { interface_id: "1", type: "OBD_INTERFACE", obd_interface: { name: "obd", request_message_id: 2015 } },
            { interface_id: "2", type: "CAN_INTERFACE", can_interface: { name: "can0" } },
        ],
    })]
    struct Manifest;
    // ANCHOR_END: here
}

fn main() {
    let template: serde_json::Value = serde_json::from_str(&unions::template().to_json()).unwrap();
    let resources = &template["Resources"];
    assert_eq!(
        resources["Todos"]["Properties"]["KeySchema"],
        serde_json::json!([{ "AttributeName": "id", "KeyType": "HASH" }])
    );
    let interfaces = &resources["Manifest"]["Properties"]["NetworkInterfaces"];
    assert_eq!(interfaces[0]["ObdInterface"]["RequestMessageId"], 2015);
    assert_eq!(interfaces[1]["CanInterface"]["Name"], "can0");
}
