//! A property without a value is an error at the place the value belongs.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: , })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
