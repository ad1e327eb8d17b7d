//! A resource type CloudFormation does not define is an error, with the closest type suggested.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::NATGateway {})]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
