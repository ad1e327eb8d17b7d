//! The index of `select` is an integer, or a reference to one.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: select(get_azs(), get_azs()) })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
