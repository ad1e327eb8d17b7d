//! `cidr` and `existing_subnets` describe a VPC, so they go on an `AWS::EC2::VPC::Id` parameter.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[parameter(AWS::EC2::Subnet::Id, cidr = "172.31.0.0/20")]
    struct SubnetId;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}

fn main() {}
