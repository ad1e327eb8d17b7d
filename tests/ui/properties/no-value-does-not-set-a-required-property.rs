//! `AWS::NoValue` removes a property, so it cannot give a required one its value.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::SecurityGroup { group_description: AWS::NoValue })]
    struct ApplicationSecurityGroup;
    // ANCHOR_END: here
}

fn main() {}
