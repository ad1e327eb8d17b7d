//! The Elastic IP behind a NAT gateway is in the VPC domain (`domain: "vpc"`).
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::EIP { domain: "standard" })]
    struct ElasticIP;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationId,
        subnet_id: select(0, PublicSubnets),
    })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
