//! Logical ids are unique within a stack.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { retention_in_days: 7 })]
    struct ApplicationLogGroup;

    #[resource(AWS::Logs::LogGroup { retention_in_days: 14 })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
