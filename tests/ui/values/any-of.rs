//! `anyOf`: at least one of the alternative forms the schema gives.
use ecsnet::prelude::*;

#[stack]
mod data {
    // ANCHOR: here
    #[resource(AWS::DynamoDB::Table {
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
        billing_mode: "PAY_PER_REQUEST",
        warm_throughput: {},
    })]
    struct Todos;
    // ANCHOR_END: here
}

fn main() {}
