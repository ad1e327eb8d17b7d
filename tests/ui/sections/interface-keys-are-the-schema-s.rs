//! `AWS::CloudFormation::Interface` takes only the keys its schema has: `ParameterGroups`, `ParameterLabels`, a group's `Label` and `Parameters`, a label's `default`.
use ecsnet::prelude::*;

// ANCHOR: here
#[stack(metadata = {
    "AWS::CloudFormation::Interface": {
        "ParameterGroup": [{ "Label": { "default": "Network" }, "Parameters": ["VpcId"] }],
    },
})]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;
    // ANCHOR_END: here

    #[resource(AWS::EC2::Subnet { cidr_block: "10.0.1.0/24", vpc_id: VpcId })]
    struct Subnet;
}

fn main() {}
