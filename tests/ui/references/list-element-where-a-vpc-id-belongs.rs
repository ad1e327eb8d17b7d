//! An element selected from a list has the kind of the list's elements: an element of a subnet id list is not a VPC id.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: select(0, PrivateSubnets) })]
    struct PrivateRouteTable;
    // ANCHOR_END: here
}

fn main() {}
