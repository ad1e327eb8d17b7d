//! An unknown intrinsic function is an error with the closest one suggested.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct ApplicationSubnets;

    #[resource(AWS::EC2::NatGateway { subnet_id: selct(0, ApplicationSubnets) })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
