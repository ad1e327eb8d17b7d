//! `#[deletion_policy]` takes one of the policies CloudFormation defines.
use ecsnet::prelude::*;

#[stack]
mod logs {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup {})]
    #[deletion_policy(Retian)]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
