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
