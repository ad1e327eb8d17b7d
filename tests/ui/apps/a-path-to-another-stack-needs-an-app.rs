//! A stack names another stack's declaration by path only inside an app, which sees both stacks and makes the export and the import.
use ecsnet::prelude::*;

#[stack]
pub mod network {
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;
}

#[stack]
mod application {
    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: super::network::Vpc })]
    pub struct Routes;
    // ANCHOR_END: here
}

fn main() {
    let _ = (network::template(), application::template());
}
