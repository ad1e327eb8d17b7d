//! A loop's first value names its instance, so it holds an ASCII letter or digit.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[repeat(for zone in ["ü"])]
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
