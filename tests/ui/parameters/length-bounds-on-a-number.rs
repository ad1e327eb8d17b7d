//! `Number` parameters take `min_value`/`max_value`; lengths are for strings.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[parameter(Number, min_length = 1)]
    struct DesiredCount;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}

fn main() {}
