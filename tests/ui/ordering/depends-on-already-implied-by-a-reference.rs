//! A warning: a `depends_on` that a reference in the properties already implies says nothing more.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod app {
    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;

    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: sub!("${Logs}-copy") })]
    #[depends_on(Logs)]
    struct CopyLogs;
    // ANCHOR_END: here
}

fn main() {}
