//! A key appears once in an object, free-form JSON included.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[metadata { "Owner": "web", "Owner": "db" }]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
