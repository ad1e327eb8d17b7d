//! A subnet lies inside the block declared on its VPC parameter.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id, cidr = "172.31.0.0/16")]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet { cidr_block: "172.32.96.0/20", vpc_id: VpcId })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
