//! A number in a stack is finite and fits CloudFormation's numbers.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { retention_in_days: 1e999 })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
