//! EC2's `cidr_block` and `cidr_ip` take IPv4 blocks; IPv6 ones go in `ipv6_cidr_block` and `cidr_ipv6`.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::Subnet { cidr_block: "::/0", vpc_id: "vpc-12345678" })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
