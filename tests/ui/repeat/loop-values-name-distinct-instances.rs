//! Each row of a loop names its own instance, from its first value.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[repeat(for zone in ["a", "A"])]
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
