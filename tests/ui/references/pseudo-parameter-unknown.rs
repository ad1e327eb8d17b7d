//! Pseudo parameters are the ones CloudFormation defines, such as `AWS::Region`.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::Logs::LogGroup { log_group_name: AWS::Regoin })]
    struct ApplicationLogGroup;
    // ANCHOR_END: here
}

fn main() {}
