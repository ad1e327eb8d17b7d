//! Outputs are a namespace of their own: an output `Vpc` next to a resource `Vpc`.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: "10.0.0.0/24" })]
    pub struct Subnet;

    /// The VPC
    #[output(Vpc, name = "Vpc", export = sub!("${AWS::StackName}-Vpc"))]
    pub struct VpcOutput;

    /// The subnet
    #[output(Subnet, name = "Subnet")]
    pub struct SubnetOutput;

    /// The VPC's block
    #[output(Vpc.CidrBlock)]
    pub struct VpcCidr;
    // ANCHOR_END: here
}

fn main() {
    use ecsnet::StackOutput as _;
    assert_eq!(network::VpcOutput::LOGICAL_ID, "Vpc");
    assert_eq!(network::VpcCidr::LOGICAL_ID, "VpcCidr");
    let json: serde_json::Value = serde_json::from_str(&network::template().to_json()).unwrap();
    let expected: serde_json::Value = serde_json::from_str(
        r#"{
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
            "Subnet": {"Type": "AWS::EC2::Subnet",
                       "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/24"}}
        },
        "Outputs": {
            "Vpc": {"Description": "The VPC", "Value": {"Ref": "Vpc"},
                    "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-Vpc"}}},
            "Subnet": {"Description": "The subnet", "Value": {"Ref": "Subnet"}},
            "VpcCidr": {"Description": "The VPC's block", "Value": {"Fn::GetAtt": ["Vpc", "CidrBlock"]}}
        }
    }"#,
    )
    .unwrap();
    assert_eq!(json, expected);
}
