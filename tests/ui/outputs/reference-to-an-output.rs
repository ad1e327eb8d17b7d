//! A reference names a parameter or a resource; outputs cannot be referenced.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    // ANCHOR: here
    #[output(Vpc, name = "Network")]
    pub struct NetworkOutput;

    #[resource(AWS::EC2::Subnet { vpc_id: Network, cidr_block: "10.0.0.0/24" })]
    pub struct Subnet;

    #[resource(AWS::EC2::InternetGateway { tags: [{ key: "Vpc", value: sub!("${NetworkOutput}") }] })]
    pub struct Gateway;
    // ANCHOR_END: here
}

fn main() {}
