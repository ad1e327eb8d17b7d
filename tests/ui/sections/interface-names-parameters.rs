//! `AWS::CloudFormation::Interface` groups and labels parameters of the stack.
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
