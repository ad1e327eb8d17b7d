//! A NAT gateway takes the allocation id of its Elastic IP: `ElasticIP.AllocationId`, not `ElasticIP`, whose `Ref` is the public address.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    struct ElasticIP;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP,
        subnet_id: select(0, PublicSubnets),
    })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
