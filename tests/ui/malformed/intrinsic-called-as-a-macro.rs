//! Intrinsic functions other than `sub!` are called like functions, without `!`.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct ApplicationSubnets;

    #[resource(AWS::EC2::NatGateway { subnet_id: select!(0, ApplicationSubnets) })]
    struct NatGateway;
    // ANCHOR_END: here
}

fn main() {}
