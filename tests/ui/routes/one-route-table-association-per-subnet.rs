//! A subnet is associated with one route table.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[resource(AWS::EC2::Subnet { cidr_block: "172.31.96.0/20", vpc_id: VpcId })]
    struct PrivateSubnet;

    #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
    struct PrivateRouteTable;

    #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
    struct OtherRouteTable;

    // ANCHOR: here
    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: PrivateRouteTable,
        subnet_id: PrivateSubnet,
    })]
    struct PrivateSubnetRouteTableAssociation;

    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: OtherRouteTable,
        subnet_id: PrivateSubnet,
    })]
    struct OtherAssociation;
    // ANCHOR_END: here
}

fn main() {}
