//! A stack that uses another stack's declarations is checked with them: a subnet of the application stack must lie inside the network stack's VPC and overlap none of its subnets.
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
        #[resource(AWS::EC2::Subnet { vpc_id: network::Vpc, cidr_block: "10.0.1.128/25" })]
        pub struct DatabaseSubnet;

        #[resource(AWS::EC2::Subnet { vpc_id: network::Vpc, cidr_block: "10.1.0.0/24" })]
        pub struct CacheSubnet;
        // ANCHOR_END: here
    }
}

fn main() {
    let _ = shop::app();
}
