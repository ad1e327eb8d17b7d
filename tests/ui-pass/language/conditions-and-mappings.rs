//! Conditions, `if_` with `AWS::NoValue`, conditional resources and outputs,
//! and mappings read with `find_in_map`, resolved at compile time where the
//! keys are literal.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(transform = "AWS::LanguageExtensions")]
mod network {
    #[parameter(String, allowed_values = ["dev", "prod"], default = "dev")]
    pub struct Environment;

    #[parameter(String, default = "")]
    pub struct KeyName;

    /// Production gets a NAT gateway.
    #[condition(equals(Environment, "prod"))]
    pub struct IsProduction;

    #[condition(not(equals(KeyName, "")))]
    pub struct HasKeyName;

    #[condition(and(IsProduction, HasKeyName))]
    pub struct ProductionWithKey;

    #[mapping {
        "dev": { "VpcCidr": "10.0.0.0/16", "SubnetCidr": "10.0.1.0/24" },
        "prod": { "VpcCidr": "10.1.0.0/16", "SubnetCidr": "10.1.1.0/24" },
    }]
    pub struct Networks;

    #[resource(AWS::EC2::VPC {
        cidr_block: find_in_map(Networks, Environment, "VpcCidr"),
    })]
    pub struct Vpc;

    #[resource(AWS::EC2::Subnet {
        vpc_id: Vpc,
        cidr_block: find_in_map(Networks, "dev", "SubnetCidr"),
        map_public_ip_on_launch: if_(IsProduction, false, AWS::NoValue),
    })]
    pub struct Subnet;

    #[resource(AWS::EC2::EIP { domain: "vpc" })]
    #[condition(IsProduction)]
    pub struct NatAddress;

    #[resource(AWS::EC2::NatGateway {
        allocation_id: NatAddress.AllocationId,
        subnet_id: Subnet,
        tags: if_(ProductionWithKey, [{ key: "KeyName", value: KeyName }], AWS::NoValue),
    })]
    #[condition(IsProduction)]
    pub struct NatGateway;

    #[output(NatGateway, condition = IsProduction)]
    pub struct NatGatewayId;

    #[output(length(["a", "b"]))]
    pub struct Count;

    #[output(to_json_string({ "Size": find_in_map(Networks, Environment, "Size", { default_value: "small" }) }))]
    pub struct Settings;
}
// ANCHOR_END: here

fn main() {
    println!("{}", network::template().to_yaml());
}
