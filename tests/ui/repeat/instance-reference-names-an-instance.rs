//! `Name[var]` names the instance of `Name` for the loop's value; an instance that does not exist is an error.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[repeat(for (zone, cidr) in [("a", "172.31.96.0/20"), ("b", "172.31.112.0/20"), ("c", "172.31.128.0/20")])]
    #[resource(AWS::EC2::Subnet { cidr_block: cidr, vpc_id: VpcId })]
    struct PrivateSubnet;

    // ANCHOR: here
    #[repeat(for zone in ["a", "b"])]
    #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
    struct PrivateRouteTable;

    #[repeat(for zone in ["a", "b", "c"])]
    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: PrivateRouteTable[zone],
        subnet_id: PrivateSubnet[zone],
    })]
    struct PrivateSubnetRouteTableAssociation;
    // ANCHOR_END: here
}

fn main() {}
