//! An instance's declarations are checked by every rule; a mistake that an argument causes is reported at the argument, in the stack.
use ecsnet::prelude::*;

#[construct]
pub mod private_subnet {
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    #[input(String)]
    pub struct CidrBlock;

    #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: CidrBlock })]
    pub struct Subnet;
}

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    #[resource(AWS::EC2::InternetGateway {})]
    pub struct Gateway;

    // ANCHOR: here
    #[construct(crate::private_subnet { vpc: Vpc, cidr_block: "10.1.0.0/24" })]
    pub struct PrivateA;

    #[construct(crate::private_subnet { vpc: Gateway, cidr_block: "10.0.2.0/24" })]
    pub struct PrivateB;
    // ANCHOR_END: here
}

fn main() {}
