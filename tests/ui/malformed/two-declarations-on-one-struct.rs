//! One struct declares one thing.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[parameter(String)]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
