//! `minLength`: a string is at least as long as the schema says.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::Delivery {
        delivery_source_name: "todobackend",
        delivery_destination_arn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:archive",
        field_delimiter: "",
    })]
    struct Delivery;
    // ANCHOR_END: here
}

fn main() {}
