//! A `#[repeat]` loop declares at most 500 instances, checked before any is made.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[repeat(for index in 0..100000)]
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
