//! An output's description, its doc comment included, is a plain string: a `${…}` in it is not substituted, and CloudFormation refuses it.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    struct Vpc;

    // ANCHOR: here
    /// The VPC of ${AWS::StackName}
    #[output(Vpc)]
    struct VpcId;
    // ANCHOR_END: here
}

fn main() {}
