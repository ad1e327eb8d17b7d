//! A parameter type CloudFormation does not define is an error, with the closest type suggested.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[parameter(AWS::EC2::Vpc::Id)]
    struct VpcId;
    // ANCHOR_END: here
}

fn main() {}
