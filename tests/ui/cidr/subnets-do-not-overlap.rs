//! The subnets of a VPC do not overlap.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    struct Vpc;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.0.0/20", vpc_id: Vpc })]
    struct PublicSubnet;

    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.8.0/24", vpc_id: Vpc })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
