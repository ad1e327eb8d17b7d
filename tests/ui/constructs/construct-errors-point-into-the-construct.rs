//! A mistake in a construct's own text is reported there, and names the instance's declaration.
use ecsnet::prelude::*;

// ANCHOR: here
#[construct]
pub mod subnet_with_routes {
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.1.0/24" })]
    pub struct Subnet;

    #[resource(AWS::EC2::RouteTable { vpc_id: Subnet })]
    pub struct RouteTable;
}
// ANCHOR_END: here

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    #[construct(crate::subnet_with_routes { vpc: Vpc })]
    pub struct Private;
}

fn main() {}
