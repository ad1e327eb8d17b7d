//! A type a known service does not have lists the service's types, and says how to declare a type newer than ecsnet's data.
use ecsnet::prelude::*;

#[stack]
mod notifications {
    // ANCHOR: here
    #[resource(AWS::SNS::Notification {})]
    struct Alerts;
    // ANCHOR_END: here
}

fn main() {}
