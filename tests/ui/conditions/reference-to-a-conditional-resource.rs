//! A resource that refers to a conditional resource carries its condition: where the condition is false, the reference has nothing to resolve to.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(String, allowed_values = ["dev", "prod"])]
    pub struct Environment;

    #[parameter(AWS::EC2::Subnet::Id)]
    pub struct PublicSubnet;

    // ANCHOR: here
    #[condition(equals(Environment, "prod"))]
    pub struct IsProduction;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    #[condition(IsProduction)]
    pub struct NatAddress;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: NatAddress.AllocationId,
        subnet_id: PublicSubnet,
    })]
    pub struct NatGateway;

    #[output(NatAddress)]
    pub struct NatAddressIp;
    // ANCHOR_END: here
}

fn main() {}
