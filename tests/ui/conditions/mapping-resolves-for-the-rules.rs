//! A value that `find_in_map` reads is known at compile time where its keys are literals or parameters with allowed values, and the rules check it for each value: a subnet's block from a mapping still lies inside its VPC.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    // ANCHOR: here
    #[mapping {
        "dev": { "Vpc": "10.0.0.0/16", "PrivateSubnet": "10.0.1.0/24" },
        "prod": { "Vpc": "10.1.0.0/16", "PrivateSubnet": "10.1.1.0/24" },
    }]
    pub struct Blocks;

    #[resource(AWS::EC2::VPC { cidr_block: find_in_map(Blocks, Environment, "Vpc") })]
    pub struct Vpc;

    #[resource(AWS::EC2::Subnet {
        vpc_id: Vpc,
        cidr_block: find_in_map(Blocks, "dev", "PrivateSubnet"),
    })]
    pub struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
