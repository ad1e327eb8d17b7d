//! A reference names a parameter or resource of the stack; a typo is an error with a suggestion.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: VpcID })]
    struct PrivateRouteTable;
    // ANCHOR_END: here
}

fn main() {}
