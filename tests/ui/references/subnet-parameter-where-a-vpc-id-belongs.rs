//! Parameters of AWS-specific types are typed too: a subnet id parameter is not a VPC id.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::Subnet::Id)]
    struct PublicSubnet;

    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: PublicSubnet })]
    struct PrivateRouteTable;
    // ANCHOR_END: here
}

fn main() {}
