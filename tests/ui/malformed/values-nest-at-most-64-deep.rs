//! Values nest at most 64 levels deep.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[metadata { "Deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] }]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
