//! A declaration whose attribute does not parse still defines its name: references to it raise no second error.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::VPC { cidr_block "10.0.0.0/16" })]
    pub struct Vpc;

    #[resource(AWS::EC2::RouteTable { vpc_id: Vpc })]
    pub struct PrivateRouteTable;
    // ANCHOR_END: here
}

fn main() {
    let _ = network::template();
}
