//! Writes a large stack: `groups` × {subnet with its own /24, route table,
//! association, security group} in a VPC given as a parameter. 125 groups
//! make 500 resources, CloudFormation's limit for one template.
//!
//! Shared by `build.rs` (the stack the benchmarks compile) and the
//! `generate_stack` binary (stacks of other sizes, for the compile-time
//! script).

use std::fmt::Write as _;

/// The same declarations as plain unit structs, without ecsnet: the
/// baseline that shows what the macro's expansion and checks cost.
#[must_use]
pub fn plain_structs(groups: u32) -> String {
    let mut out = String::from(
        "/// The structs of the generated stack, without ecsnet.\npub mod large_stack {\n    /// The VPC.\n    pub struct VpcId;\n",
    );
    for i in 0..groups {
        for name in ["Subnet", "RouteTable", "Association", "SecurityGroup"] {
            let _ = writeln!(out, "    /// {name} {i}.\n    pub struct {name}{i};");
        }
    }
    out.push_str("}\n");
    out
}

/// The stack's source: a `#[stack] pub mod large_stack { … }` item.
#[must_use]
pub fn large_stack(groups: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// A generated stack of {} resources.\n#[::ecsnet::stack(description = \"A generated stack of {} resources\")]\npub mod large_stack {{",
        groups * 4,
        groups * 4
    );
    out.push_str(
        "    /// The VPC, with the block its subnets are carved from.\n    #[parameter(AWS::EC2::VPC::Id, cidr = \"10.0.0.0/16\")]\n    pub struct VpcId;\n",
    );
    for i in 0..groups {
        // Subnets 10.0.0.0/24, 10.0.1.0/24, … then 10.1.0.0/24 past 256
        // would leave the VPC; 125 groups stay well inside it.
        let _ = write!(
            out,
            r#"
    /// Subnet {i}.
    #[resource(AWS::EC2::Subnet {{
        cidr_block: "10.0.{i}.0/24",
        vpc_id: VpcId,
        tags: [{{ key: "Name", value: sub!("${{AWS::StackName}}-subnet-{i}") }}],
    }})]
    pub struct Subnet{i};

    /// Route table of subnet {i}.
    #[resource(AWS::EC2::RouteTable {{ vpc_id: VpcId }})]
    pub struct RouteTable{i};

    /// Subnet {i} uses route table {i}.
    #[resource(AWS::EC2::SubnetRouteTableAssociation {{
        route_table_id: RouteTable{i},
        subnet_id: Subnet{i},
    }})]
    pub struct Association{i};

    /// Security group of the tasks in subnet {i}.
    #[resource(AWS::EC2::SecurityGroup {{
        group_description: "Tasks of subnet {i}",
        vpc_id: VpcId,
        security_group_ingress: [
            {{ ip_protocol: "tcp", from_port: 8000, to_port: 8000, cidr_ip: "10.0.{i}.0/24" }},
        ],
    }})]
    pub struct SecurityGroup{i};
"#
        );
    }
    out.push_str("}\n");
    out
}

/// How a stack of private subnets declares them: by instances of the
/// construct of ecsnet's library, by instances of a construct defined
/// beside the stack, or with every declaration written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subnets {
    /// `#[construct(ecsnet::constructs::private_subnet { … })]`: the
    /// definition comes from another crate, through its exported macro.
    LibraryConstruct,
    /// `#[construct(crate::private_subnet { … })]`, with `private_subnet`
    /// defined in the same crate, as the library defines it.
    LocalConstruct,
    /// The four declarations of each instance written by hand, as the
    /// construct would declare them.
    ByHand,
}

impl Subnets {
    /// The three, in order.
    pub const ALL: [Subnets; 3] = [Self::LibraryConstruct, Self::LocalConstruct, Self::ByHand];

    /// The stack's module, named after the way it is written, so the three
    /// stacks can live in one crate: `subnets_by_hand::template()`.
    #[must_use]
    pub fn module(self) -> &'static str {
        match self {
            Self::LibraryConstruct => "subnets_by_library_construct",
            Self::LocalConstruct => "subnets_by_local_construct",
            Self::ByHand => "subnets_by_hand",
        }
    }
}

/// A stack of `instances` private subnets, each a subnet with its own
/// `/24`, a route table, their association and a default route through
/// one NAT gateway, in one VPC: 4 × `instances` + 4 resources (100
/// instances make 404). The three ways of writing it give the same
/// template, byte for byte.
///
/// The source starts with the local construct's definition when `how` is
/// [`Subnets::LocalConstruct`], so it goes at the root of a crate:
/// instances name it `crate::private_subnet`.
#[must_use]
pub fn private_subnets(instances: u32, how: Subnets) -> String {
    let mut out = String::new();
    if how == Subnets::LocalConstruct {
        out.push_str(LOCAL_PRIVATE_SUBNET);
    }
    let module = how.module();
    let _ = write!(
        out,
        r#"/// {instances} private subnets behind one NAT gateway.
#[::ecsnet::stack(description = "{instances} private subnets behind one NAT gateway")]
pub mod {module} {{
    /// The VPC.
    #[resource(AWS::EC2::VPC {{ cidr_block: "10.0.0.0/16" }})]
    pub struct Vpc;

    /// The public subnet of the NAT gateway.
    #[resource(AWS::EC2::Subnet {{ cidr_block: "10.0.255.0/24", vpc_id: Vpc }})]
    pub struct PublicSubnet;

    /// The NAT gateway's Elastic IP.
    #[resource(AWS::EC2::EIP {{ domain: "vpc" }})]
    pub struct NatAddress;

    /// The way out of every private subnet.
    #[resource(AWS::EC2::NatGateway {{
        allocation_id: NatAddress.AllocationId,
        subnet_id: PublicSubnet,
    }})]
    pub struct Nat;
"#
    );
    let path = match how {
        Subnets::LibraryConstruct => "ecsnet::constructs::private_subnet",
        Subnets::LocalConstruct => "crate::private_subnet",
        Subnets::ByHand => "",
    };
    for i in 0..instances {
        // Zones a, b, c in turn; `a` is the construct's default.
        let zone = ["a", "b", "c"][i as usize % 3];
        if how == Subnets::ByHand {
            let _ = write!(
                out,
                r#"
    /// Private subnet {i}.
    #[resource(AWS::EC2::Subnet {{
        availability_zone: sub!("${{AWS::Region}}{zone}"),
        cidr_block: "10.0.{i}.0/24",
        vpc_id: Vpc,
    }})]
    pub struct Private{i}Subnet;

    #[resource(AWS::EC2::RouteTable {{ vpc_id: Vpc }})]
    pub struct Private{i}RouteTable;

    #[resource(AWS::EC2::SubnetRouteTableAssociation {{
        route_table_id: Private{i}RouteTable,
        subnet_id: Private{i}Subnet,
    }})]
    pub struct Private{i}SubnetRouteTableAssociation;

    #[resource(AWS::EC2::Route {{
        destination_cidr_block: "0.0.0.0/0",
        route_table_id: Private{i}RouteTable,
        nat_gateway_id: Nat,
    }})]
    pub struct Private{i}RouteTableDefaultRoute;
"#
            );
        } else {
            let zone = if zone == "a" {
                String::new()
            } else {
                format!(", zone: \"{zone}\"")
            };
            let _ = write!(
                out,
                r#"
    /// Private subnet {i}.
    #[construct({path} {{ vpc: Vpc, cidr_block: "10.0.{i}.0/24", nat_gateway: Nat{zone} }})]
    pub struct Private{i};
"#
            );
        }
    }
    out.push_str("}\n");
    out
}

/// `ecsnet::constructs::private_subnet`'s definition, token for token, as a
/// construct of the crate that instantiates it.
const LOCAL_PRIVATE_SUBNET: &str = r#"/// A private subnet with its route table, their association and a default
/// route through a NAT gateway.
#[::ecsnet::construct]
pub mod private_subnet {
    /// The VPC of the subnet.
    #[input(AWS::EC2::VPC::Id)]
    pub struct Vpc;

    /// The subnet's address block, inside the VPC's.
    #[input(String)]
    pub struct CidrBlock;

    /// The NAT gateway of the default route.
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

"#;
