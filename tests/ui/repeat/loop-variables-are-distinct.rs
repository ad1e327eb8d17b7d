//! Each loop variable is bound once.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[repeat(for (zone, zone) in [("a", "b")])]
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
