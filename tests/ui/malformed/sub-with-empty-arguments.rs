//! An empty `sub!()` is reported at its own parentheses.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: sub!() })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
