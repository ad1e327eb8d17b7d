//! An instance gives every input without a default, and only the construct's inputs.
use ecsnet::prelude::*;

#[construct]
pub mod private_subnet {
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    #[input(String)]
    pub struct CidrBlock;

    #[input(String, default = "a")]
    pub struct Zone;

    #[resource(AWS::EC2::Subnet {
        vpc_id: Vpc,
        cidr_block: CidrBlock,
        availability_zone: sub!("${AWS::Region}${Zone}"),
    })]
    pub struct Subnet;
}

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    // ANCHOR: here
    #[construct(crate::private_subnet { vpc: Vpc, cidr_blok: "10.0.1.0/24" })]
    pub struct PrivateA;

    #[construct(crate::private_subnet { vpc: Vpc })]
    pub struct PrivateB;
    // ANCHOR_END: here
}

fn main() {}
