//! `dependentExcluded`: properties that exclude each other are not set together.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id, cidr = "10.0.0.0/16")]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet {
        availability_zone: "us-east-1a",
        availability_zone_id: "use1-az1",
        cidr_block: "10.0.1.0/24",
        vpc_id: VpcId,
    })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
