//! A mapping holds second-level keys under each top-level key, and literal values: strings, numbers, lists of them.
use ecsnet::prelude::*;

#[stack]
mod queues {
    #[parameter(String)]
    pub struct Suffix;

    // ANCHOR: here
    #[mapping {
        "dev": "345600",
        "prod": { "Name": sub!("orders-${Suffix}"), "Tags": { "Team": "orders" } },
    }]
    pub struct Settings;
    // ANCHOR_END: here

    #[resource(AWS::SQS::Queue {})]
    pub struct Queue;
}

fn main() {}
