//! The block declared on a VPC parameter is a VPC's size, /16 to /28.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[parameter(AWS::EC2::VPC::Id, cidr = "0.0.0.0/0")]
    struct VpcId;
    // ANCHOR_END: here

    #[resource(AWS::Logs::LogGroup {})]
    struct Logs;
}

fn main() {}
