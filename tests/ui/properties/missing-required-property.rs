//! Leaving out a property the resource type requires is an error that names it.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::Subnet {
        cidr_block: "172.31.96.0/20",
    })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
