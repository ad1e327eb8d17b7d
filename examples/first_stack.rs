//! A first stack: a private subnet behind a NAT gateway.
use ecsnet::prelude::*;

/// A private subnet behind a NAT gateway
#[stack]
pub mod network {
    /// Target VPC
    #[parameter(AWS::EC2::VPC::Id)]
    pub struct VpcId;

    /// Public subnets of the VPC
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    pub struct PublicSubnets;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    pub struct ElasticIP;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: ElasticIP.AllocationId,
        subnet_id: select(0, PublicSubnets),
    })]
    pub struct NatGateway;

    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}a"),
        cidr_block: "172.31.96.0/20",
        vpc_id: VpcId,
    })]
    pub struct PrivateSubnet;
}

fn main() -> std::process::ExitCode {
    ecsnet::cli::main(&network::template())
}
