//! CloudFormation shares values between stacks, nothing else: not the order of creation, not conditions, and not an output computed from several values.
use ecsnet::prelude::*;

#[app]
mod shop {
    #[stack]
    pub mod network {
        #[parameter(String, allowed_values = ["dev", "prod"])]
        pub struct Environment;

        #[condition(equals(Environment, "prod"))]
        pub struct IsProduction;

        #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
        pub struct Vpc;

        #[output(join("-", [Environment, Vpc]))]
        pub struct VpcLabel;
    }

    #[stack]
    pub mod application {
        // ANCHOR: here
        #[resource(AWS::EC2::SecurityGroup {
            group_description: network::VpcLabel,
            vpc_id: network::Vpc,
        })]
        #[depends_on(network::Vpc)]
        #[condition(network::IsProduction)]
        pub struct TaskSecurityGroup;
        // ANCHOR_END: here
    }
}

fn main() {
    let _ = shop::app();
}
