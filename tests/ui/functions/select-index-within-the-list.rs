//! `select` picks an element that exists: a literal index falls inside a literal list.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: select(2, ["a", "b"]) })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
