//! `#[creation_policy]` goes only on the resource types that support it.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[creation_policy { resource_signal: { count: 1, timeout: "PT5M" } }]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
