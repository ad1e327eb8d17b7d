//! Each subnet has its one route table association.
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
    // ANCHOR_END: here
}

fn main() {
    let template = network::template();
    assert_eq!(template.resources.len(), 4);
}
