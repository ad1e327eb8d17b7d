//! `if`/`then`/`else`: a requirement that holds when another value says so.
use ecsnet::prelude::*;

#[stack]
mod data {
    // ANCHOR: here
    #[resource(AWS::DynamoDB::Table {
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
        billing_mode: "PROVISIONED",
    })]
    struct Todos;
    // ANCHOR_END: here
}

fn main() {}
