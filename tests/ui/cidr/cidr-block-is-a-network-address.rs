//! A CIDR block starts at its network address; the error names the aligned block.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    struct Vpc;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.97.0/20", vpc_id: Vpc })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
