//! The constructs' definitions.

use ecsnet_macros::construct;

/// A NAT gateway with its Elastic IP, in a public subnet: the way out to
/// the internet for private subnets (`private_subnet`).
///
/// Declares `Gateway` (`AWS::EC2::NatGateway`) and `Address`
/// (`AWS::EC2::EIP` in the VPC domain, which a NAT gateway requires).
#[construct(export)]
pub mod nat_gateway {
    /// The public subnet the gateway lives in: one routed to an internet
    /// gateway.
    #[input(AWS::EC2::Subnet::Id)]
    pub struct PublicSubnet;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: sub!("${Address.AllocationId}"),
        subnet_id: PublicSubnet,
    })]
    pub struct Gateway;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    pub struct Address;
}

/// A private subnet with its own route table, the table's association, and
/// a default route through a NAT gateway: tasks in it reach the internet
/// without being reachable from it.
///
/// Declares `Subnet`, `RouteTable`, `SubnetRouteTableAssociation` and
/// `RouteTableDefaultRoute`.
#[construct(export)]
pub mod private_subnet {
    /// The VPC of the subnet.
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    /// The subnet's address block, inside the VPC's.
    #[input(String)]
    pub struct CidrBlock;

    /// The NAT gateway of the default route (for example a `nat_gateway`
    /// instance's `Gateway`).
    #[input(AWS::EC2::NatGateway)]
    pub struct NatGateway;

    /// The letter of the availability zone in the stack's region.
    #[input(String, default = "a")]
    pub struct Zone;

    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}${Zone}"),
        cidr_block: CidrBlock,
        vpc_id: Vpc,
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
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: RouteTable,
        nat_gateway_id: NatGateway,
    })]
    pub struct RouteTableDefaultRoute;
}
