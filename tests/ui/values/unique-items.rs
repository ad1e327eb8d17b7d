//! `uniqueItems`: a list names each item once.
use ecsnet::prelude::*;

#[stack]
mod web {
    // ANCHOR: here
    #[resource(AWS::AppRunner::VpcConnector {
        subnets: ["subnet-0a1b2c3d", "subnet-0a1b2c3d"],
    })]
    struct Connector;
    // ANCHOR_END: here
}

fn main() {}
