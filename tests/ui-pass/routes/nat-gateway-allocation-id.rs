//! A NAT gateway takes `ElasticIP.AllocationId` of an Elastic IP in the VPC domain.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    struct ElasticIP;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationId,
        subnet_id: select(0, PublicSubnets),
    })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {
    let template = network::template();
    assert!(template.resources.contains_key("NatGateway"));
}
