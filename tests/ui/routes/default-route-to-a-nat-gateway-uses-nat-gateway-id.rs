//! A route to a NAT gateway names it with `nat_gateway_id`; `gateway_id` is for internet and virtual private gateways.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PublicSubnets;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    struct ElasticIP;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationId,
        subnet_id: select(0, PublicSubnets),
    })]
    struct NatGateway;

    #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
    struct PrivateRouteTable;

    // ANCHOR: here
    #[resource(AWS::EC2::Route {
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: PrivateRouteTable,
        gateway_id: NatGateway,
    })]
    struct PrivateDefaultRoute;
    // ANCHOR_END: here
}

fn main() {}
