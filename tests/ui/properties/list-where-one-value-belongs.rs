//! A list parameter where one value belongs is an error that suggests `select`, for one id of the kind its elements are.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct ApplicationSubnets;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    struct ElasticIP;

    // ANCHOR: here
    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationId,
        subnet_id: ApplicationSubnets,
    })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
