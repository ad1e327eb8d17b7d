//! A property the resource type does not have is an error, with the closest property name suggested.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet {
        cidr_blok: "172.31.96.0/20",
        vpc_id: VpcId,
    })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
