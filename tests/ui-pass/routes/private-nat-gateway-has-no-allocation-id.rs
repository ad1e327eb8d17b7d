//! A private NAT gateway needs no Elastic IP.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::NatGateway {
        connectivity_type: "private",
        subnet_id: select(0, PublicSubnets),
    })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {
    let template = network::template();
    assert!(template.resources.contains_key("NatGateway"));
}
