//! A public NAT gateway needs an Elastic IP's allocation id; a private one says `connectivity_type: "private"`.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::NatGateway { subnet_id: select(0, PublicSubnets) })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
