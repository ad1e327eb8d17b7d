//! An output's name is its logical id: letters and digits only.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    // ANCHOR: here
    #[output(Vpc, name = "vpc-id")]
    pub struct VpcOutput;
    // ANCHOR_END: here
}

fn main() {}
