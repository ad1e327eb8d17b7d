//! Stacks that refer to each other in a cycle cannot be deployed in any order: each would import an export the other has not made yet.
use ecsnet::prelude::*;

#[app]
mod shop {
    #[stack]
    pub mod network {
        #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
        pub struct Vpc;

        // ANCHOR: here
        #[resource(AWS::EC2::SecurityGroupIngress {
            group_id: application::TaskSecurityGroup,
            ip_protocol: "tcp",
            from_port: 80,
            to_port: 80,
            cidr_ip: "10.0.0.0/16",
        })]
        pub struct FromVpc;
        // ANCHOR_END: here
    }

    #[stack]
    pub mod application {
        #[resource(AWS::EC2::SecurityGroup {
            group_description: "Application tasks",
            vpc_id: network::Vpc,
        })]
        pub struct TaskSecurityGroup;
    }
}

fn main() {
    let _ = shop::app();
}
