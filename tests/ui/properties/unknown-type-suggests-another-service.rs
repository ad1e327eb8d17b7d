//! A type a service does not have gets the nearest type of another service, and the list of its own service's types.
use ecsnet::prelude::*;

#[stack]
mod notifications {
    // ANCHOR: here
    #[resource(AWS::SNS::Queue {})]
    struct Alerts;
    // ANCHOR_END: here
}

fn main() {}
