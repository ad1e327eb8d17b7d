//! A list parameter where one id belongs suggests `select` only when its elements are ids of the right kind.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: PrivateSubnets })]
    struct PrivateRouteTable;
    // ANCHOR_END: here
}

fn main() {}
