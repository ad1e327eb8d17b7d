//! A value of the wrong type for its property is an error that says the fix.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: "/todobackend",
        retention_in_days: "7",
    })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
