//! Numbers in a stack are plain: no Rust type suffix.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { retention_in_days: 7u32 })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
