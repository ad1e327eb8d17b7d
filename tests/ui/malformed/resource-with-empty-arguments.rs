//! An empty `#[resource()]` is reported at its own parentheses.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource()]
    struct Logs;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Other;
}

fn main() {}
