//! A construct's input has a type ecsnet knows: a parameter type, a resource type, `List` or `Object`.
use ecsnet::prelude::*;

// ANCHOR: here
#[construct]
pub mod subnet {
    #[input(AWS::EC2::VPC::Idd)]
    pub struct Vpc;

    #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.1.0/24" })]
    pub struct Subnet;
}
// ANCHOR_END: here

fn main() {}
