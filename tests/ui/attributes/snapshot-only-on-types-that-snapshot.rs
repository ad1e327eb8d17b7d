//! `Snapshot` applies only to the types that can be snapshotted.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[deletion_policy(Snapshot)]
    struct Logs;
    // ANCHOR_END: here
}

fn main() {}
