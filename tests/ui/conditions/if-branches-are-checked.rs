//! Each branch of `if_` that a possible assignment of the conditions takes is checked like a value written alone.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    // ANCHOR: here
    #[condition(equals(Environment, "prod"))]
    pub struct IsProduction;

    #[resource(AWS::EC2::Subnet {
        vpc_id: Vpc,
        cidr_block: if_(IsProduction, "10.0.1.0/24", "10.10.1.0/24"),
    })]
    pub struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
