//! SAM's types are checked types under the `AWS::Serverless-2016-10-31` transform: `snake_case` properties, an event source of each type in `events`, and references between SAM and registry resources.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(transform = "AWS::Serverless-2016-10-31")]
mod orders {
    /// Orders waiting to be stored.
    #[resource(AWS::SQS::Queue {})]
    pub struct Incoming;

    /// The orders, keyed by id.
    #[resource(AWS::Serverless::SimpleTable {
        primary_key: { name: "id", type: "String" },
    })]
    pub struct Orders;

    /// Stores each order from the queue, and answers `GET /orders`.
    #[resource(AWS::Serverless::Function {
        runtime: "python3.12",
        handler: "orders.handler",
        code_uri: { bucket: "artifacts-123456789012", key: "orders.zip" },
        timeout: 10,
        environment: { variables: { TABLE: Orders } },
        policies: [{ "DynamoDBCrudPolicy": { "TableName": Orders } }],
        events: {
            "FromQueue": { type: "SQS", properties: { queue: Incoming.Arn, batch_size: 10 } },
            "List": { type: "Api", properties: { path: "/orders", method: "get" } },
        },
    })]
    pub struct Store;

    #[output(Store.Arn)]
    pub struct StoreArn;
}
// ANCHOR_END: here

fn main() {
    let template: serde_json::Value = serde_json::from_str(&orders::template().to_json()).unwrap();
    assert_eq!(template["Transform"], "AWS::Serverless-2016-10-31");
    let store = &template["Resources"]["Store"];
    assert_eq!(store["Type"], "AWS::Serverless::Function");
    assert_eq!(
        store["Properties"]["CodeUri"],
        serde_json::json!({ "Bucket": "artifacts-123456789012", "Key": "orders.zip" })
    );
    assert_eq!(
        store["Properties"]["Events"]["FromQueue"],
        serde_json::json!({
            "Type": "SQS",
            "Properties": { "Queue": { "Fn::GetAtt": ["Incoming", "Arn"] }, "BatchSize": 10 }
        })
    );
    assert_eq!(
        store["Properties"]["Policies"],
        serde_json::json!([{ "DynamoDBCrudPolicy": { "TableName": { "Ref": "Orders" } } }])
    );
    assert_eq!(
        template["Resources"]["Orders"]["Properties"]["PrimaryKey"],
        serde_json::json!({ "Name": "id", "Type": "String" })
    );
    assert_eq!(
        template["Outputs"]["StoreArn"]["Value"],
        serde_json::json!({ "Fn::GetAtt": ["Store", "Arn"] })
    );
}
