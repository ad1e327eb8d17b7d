//! `Resource.Attribute` names an attribute the resource's type has.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct ApplicationSubnets;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    struct ElasticIP;

    // ANCHOR: here
    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationID,
        subnet_id: select(0, ApplicationSubnets),
    })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
