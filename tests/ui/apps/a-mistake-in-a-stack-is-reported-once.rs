//! A stack that uses another is checked with copies of the other's declarations, but a mistake inside the other stack is reported once, by that stack.
use ecsnet::prelude::*;

#[app]
mod shop {
    #[stack]
    pub mod network {
        #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
        pub struct Vpc;

        // ANCHOR: here
        #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.1.0/24", map_public_ip: true })]
        pub struct PrivateSubnet;
        // ANCHOR_END: here
    }

    #[stack]
    pub mod application {
        #[resource(AWS::EC2::RouteTable { vpc_id: network::Vpc })]
        pub struct Routes;

        #[resource(AWS::EC2::SubnetRouteTableAssociation {
            subnet_id: network::PrivateSubnet,
            route_table_id: Routes,
        })]
        pub struct Association;
    }
}

fn main() {
    let _ = shop::app();
}
