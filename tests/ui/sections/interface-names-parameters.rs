//! `AWS::CloudFormation::Interface` groups and labels parameters of the stack: a name that is no parameter is a warning (cfn-lint W4001), denied here.
#![deny(warnings)]
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(metadata = {
    "AWS::CloudFormation::Interface": {
        "ParameterGroups": [{ "Label": { "default": "Network" }, "Parameters": ["VpcId", "Subnet"] }],
        "ParameterLabels": { "VpcID": { "default": "Which VPC" } },
    },
})]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    pub struct VpcId;
    // ANCHOR_END: here

    #[resource(AWS::EC2::SecurityGroup { group_description: "web", vpc_id: VpcId })]
    pub struct Web;
}

fn main() {}
