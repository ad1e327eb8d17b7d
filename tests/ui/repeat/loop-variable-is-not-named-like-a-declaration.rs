//! A loop variable has a name of its own, not the name of a declaration it would replace.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[parameter(String)]
    struct Zone;

    #[repeat(for Zone in ["a", "b"])]
    #[resource(AWS::Logs::LogGroup { log_group_name: Zone })]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
