//! Output names are unique among the outputs of a stack.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    // ANCHOR: here
    #[output(Vpc, name = "Vpc")]
    pub struct VpcOutput;

    #[output(Vpc.CidrBlock, name = "Vpc")]
    pub struct VpcCidrOutput;
    // ANCHOR_END: here
}

fn main() {}
