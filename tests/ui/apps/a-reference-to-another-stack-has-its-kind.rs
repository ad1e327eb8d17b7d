//! A reference to another stack's declaration carries its kind: a subnet is not a VPC.
use ecsnet::prelude::*;

#[app]
mod shop {
    #[stack]
    pub mod network {
        #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
        pub struct Vpc;

        #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.1.0/24" })]
        pub struct PrivateSubnet;
    }

    #[stack]
    pub mod application {
        // ANCHOR: here
        #[resource(AWS::EC2::SecurityGroup {
            group_description: "Application tasks",
            vpc_id: network::PrivateSubnet,
        })]
        pub struct TaskSecurityGroup;
        // ANCHOR_END: here
    }
}

fn main() {
    let _ = shop::app();
}
