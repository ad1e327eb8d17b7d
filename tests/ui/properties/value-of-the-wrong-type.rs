//! A value of the wrong type for its property is an error: a string that is no number where an integer belongs.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {
        log_group_name: "/todobackend",
        retention_in_days: "a week",
    })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
