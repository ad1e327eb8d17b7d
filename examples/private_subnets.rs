//! Three private subnets, one per availability zone, each with its route
//! table, association and default route through a shared NAT gateway:
//! repetition with `#[repeat(for … in …)]`, checked instance by instance.
//!
//! ```text
//! cargo run --example private_subnets
//! ```

use std::process::ExitCode;

use ecsnet::prelude::*;

/// Private subnets for `awsvpc` tasks in three availability zones.
#[stack(description = "Private subnets in three availability zones behind one NAT gateway")]
pub mod private_subnets {
    // ANCHOR: vpc
    /// Target VPC: the default VPC, with the subnets it already has.
    #[parameter(
        AWS::EC2::VPC::Id,
        cidr = "172.31.0.0/16",
        existing_subnets = ["172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20"],
    )]
    pub struct VpcId;
    // ANCHOR_END: vpc

    /// Public subnets; the NAT gateway goes in the first.
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    pub struct PublicSubnets;

    /// The NAT gateway's address.
    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    pub struct ElasticIP;

    /// One NAT gateway for the three private subnets.
    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationId,
        subnet_id: select(0, PublicSubnets),
    })]
    pub struct NatGateway;

    // ANCHOR: repeat
    /// A private subnet per zone: `PrivateSubnetA`, `PrivateSubnetB`, `PrivateSubnetC`.
    #[repeat(for (zone, cidr) in [
        ("a", "172.31.96.0/20"),
        ("b", "172.31.112.0/20"),
        ("c", "172.31.128.0/20"),
    ])]
    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}${zone}"),
        cidr_block: cidr,
        vpc_id: VpcId,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-private-${zone}") }],
    })]
    pub struct PrivateSubnet;

    /// A route table per zone.
    #[repeat(for zone in ["a", "b", "c"])]
    #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
    pub struct PrivateRouteTable;

    /// Each subnet uses its zone's route table.
    #[repeat(for zone in ["a", "b", "c"])]
    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: PrivateRouteTable[zone],
        subnet_id: PrivateSubnet[zone],
    })]
    pub struct PrivateSubnetRouteTableAssociation;

    /// Each route table sends everything else to the NAT gateway.
    #[repeat(for zone in ["a", "b", "c"])]
    #[resource(AWS::EC2::Route {
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: PrivateRouteTable[zone],
        nat_gateway_id: NatGateway,
    })]
    pub struct PrivateDefaultRoute;

    /// The subnet ids, exported for the application stacks.
    #[repeat(for zone in ["a", "b", "c"])]
    #[output(PrivateSubnet[zone], export = sub!("${AWS::StackName}-PrivateSubnet${zone}"))]
    pub struct PrivateSubnetId;
    // ANCHOR_END: repeat
}

fn main() -> ExitCode {
    ecsnet::cli::main(&private_subnets::template())
}
