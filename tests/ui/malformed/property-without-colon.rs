//! A property is written `name: value`.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name "/todobackend" })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
