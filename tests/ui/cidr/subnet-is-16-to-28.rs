//! IPv4 subnets are /16 to /28.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    struct Vpc;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.96.0/29", vpc_id: Vpc })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
