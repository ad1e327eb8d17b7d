//! `dependencies` (the older spelling of `dependentRequired`), inside a nested property type.
use ecsnet::prelude::*;

#[stack]
mod data {
    // ANCHOR: here
    #[resource(AWS::DynamoDB::GlobalTable {
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
        billing_mode: "PAY_PER_REQUEST",
        replicas: [{
            region: "us-east-1",
            point_in_time_recovery_specification: { recovery_period_in_days: 7 },
        }],
    })]
    struct Todos;
    // ANCHOR_END: here
}

fn main() {}
