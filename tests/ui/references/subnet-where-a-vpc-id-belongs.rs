//! A reference to a resource of the wrong kind, such as a subnet where a VPC id belongs, is an error.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[resource(AWS::EC2::Subnet { cidr_block: "172.31.96.0/20", vpc_id: VpcId })]
    struct PrivateSubnet;

    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: PrivateSubnet })]
    struct PrivateRouteTable;
    // ANCHOR_END: here
}

fn main() {}
