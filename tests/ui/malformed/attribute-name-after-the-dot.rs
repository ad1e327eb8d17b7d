//! A reference with a dot names an attribute after it.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;

    #[output(Logs.)]
    struct LogsArn;
    // ANCHOR_END: here
}

fn main() {}
