//! An element selected from a list of subnet ids is a subnet id, where a subnet id belongs.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    // ANCHOR: here
    #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
    struct PrivateRouteTable;

    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: PrivateRouteTable,
        subnet_id: select(0, PrivateSubnets),
    })]
    struct FirstPrivateSubnetRoutes;
    // ANCHOR_END: here
}

fn main() {
    let json: serde_json::Value = serde_json::from_str(&network::template().to_json()).unwrap();
    assert_eq!(
        json["Resources"]["FirstPrivateSubnetRoutes"]["Properties"]["SubnetId"],
        serde_json::json!({ "Fn::Select": [0, { "Ref": "PrivateSubnets" }] })
    );
}
