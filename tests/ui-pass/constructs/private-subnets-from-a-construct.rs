//! A construct declared once and instantiated twice, and a construct of
//! constructs: each instance's declarations are named after it, its inputs
//! are the arguments, and every rule checks the result.
use ecsnet::prelude::*;

// ANCHOR: definition
/// A private subnet with its route table, association and default route
/// through a NAT gateway.
#[construct]
pub mod private_subnet {
    /// The VPC the subnet is in.
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    /// The subnet's address block.
    #[input(String)]
    pub struct CidrBlock;

    /// The NAT gateway of the subnet's default route.
    #[input(AWS::EC2::NatGateway)]
    pub struct NatGateway;

    /// The availability zone's letter.
    #[input(String, default = "a")]
    pub struct Zone;

    #[resource(AWS::EC2::Subnet {
        vpc_id: Vpc,
        cidr_block: CidrBlock,
        availability_zone: sub!("${AWS::Region}${Zone}"),
    })]
    pub struct Subnet;

    #[resource(AWS::EC2::RouteTable { vpc_id: Vpc })]
    pub struct RouteTable;

    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: RouteTable,
        subnet_id: Subnet,
    })]
    pub struct SubnetRouteTableAssociation;

    #[resource(AWS::EC2::Route {
        route_table_id: RouteTable,
        destination_cidr_block: "0.0.0.0/0",
        nat_gateway_id: NatGateway,
    })]
    pub struct RouteTableDefaultRoute;
}
// ANCHOR_END: definition

// ANCHOR: nested
/// Two private subnets, in zones `a` and `b`: a construct of constructs.
#[construct]
pub mod private_pair {
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    #[input(AWS::EC2::NatGateway)]
    pub struct NatGateway;

    #[construct(crate::private_subnet { vpc: Vpc, cidr_block: "10.0.8.0/24", nat_gateway: NatGateway })]
    pub struct A;

    #[construct(crate::private_subnet {
        vpc: Vpc,
        cidr_block: "10.0.9.0/24",
        nat_gateway: NatGateway,
        zone: "b",
    })]
    pub struct B;
}
// ANCHOR_END: nested

// ANCHOR: instances
#[stack]
mod network {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    pub struct PublicSubnets;

    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    pub struct NatAddress;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: NatAddress.AllocationId,
        subnet_id: select(0, PublicSubnets),
    })]
    pub struct Nat;

    #[construct(crate::private_subnet { vpc: Vpc, cidr_block: "10.0.1.0/24", nat_gateway: Nat })]
    pub struct PrivateA;

    #[construct(crate::private_subnet {
        vpc: Vpc,
        cidr_block: "10.0.2.0/24",
        nat_gateway: Nat,
        zone: "b",
    })]
    pub struct PrivateB;

    #[output(PrivateASubnet)]
    pub struct FirstPrivateSubnet;

    #[construct(crate::private_pair { vpc: Vpc, nat_gateway: Nat })]
    pub struct Spare;
}
// ANCHOR_END: instances

fn main() {
    let template = network::template();
    let ids: Vec<&str> = template.resources.keys().map(AsRef::as_ref).collect();
    for id in [
        "PrivateASubnet",
        "PrivateARouteTable",
        "PrivateASubnetRouteTableAssociation",
        "PrivateARouteTableDefaultRoute",
        "PrivateBSubnet",
        // The nested instances: the outer instance's name, then the inner's.
        "SpareASubnet",
        "SpareBRouteTableDefaultRoute",
    ] {
        assert!(ids.contains(&id), "{id} is not among {ids:?}");
    }
    assert_eq!(ids.len(), 3 + 4 * 4);
    let json = template.to_json();
    assert!(json.contains("\"CidrBlock\":\"10.0.9.0/24\""), "{json}");
    assert!(json.contains("\"Fn::Sub\":\"${AWS::Region}b\""), "{json}");
}
