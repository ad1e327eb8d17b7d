//! `join` joins strings: the items of its list are not lists.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: join("-", [["a", "b"], "c"]) })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
