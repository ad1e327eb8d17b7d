//! `#[import]` reads a value another tool exports, with the kind it is declared with: it needs the export's name, and a subnet id is not a VPC id.
use ecsnet::prelude::*;

#[stack]
mod application {
    // ANCHOR: here
    #[import(AWS::EC2::Subnet::Id, export = "shared-network:PrivateSubnet")]
    pub struct SharedSubnet;

    #[import(AWS::EC2::VPC::Id)]
    pub struct SharedVpc;

    #[resource(AWS::EC2::SecurityGroup {
        group_description: "Application tasks",
        vpc_id: SharedSubnet,
    })]
    pub struct TaskSecurityGroup;
    // ANCHOR_END: here
}

fn main() {
    let _ = application::template();
}
