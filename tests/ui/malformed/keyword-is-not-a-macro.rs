//! A value written as a macro call names a macro; a keyword is none.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: struct!("logs") })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
