//! A loop over no values, or an empty range, declares nothing.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[repeat(for zone in [])]
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;

    #[repeat(for index in 5..3)]
    #[resource(AWS::Logs::LogGroup {})]
    struct Archive;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Other;
}

fn main() {}
