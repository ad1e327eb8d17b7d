//! A pseudo parameter is written with its `AWS::` prefix: a reference to `Region` suggests `AWS::Region`.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet {
        vpc_id: VpcId,
        cidr_block: "10.0.1.0/24",
        availability_zone: select(0, get_azs(Region)),
    })]
    struct PublicSubnet;
    // ANCHOR_END: here
}

fn main() {}
