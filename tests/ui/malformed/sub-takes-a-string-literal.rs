//! `sub!` takes a string literal template.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: sub!(42) })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
