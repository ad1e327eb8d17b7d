//! A new subnet overlaps none of the subnets the VPC parameter declares as existing (the chapter's default VPC).
use ecsnet::prelude::*;

#[stack]
mod network {
    /// The default VPC, as `aws ec2 describe-vpcs` and `describe-subnets` show it.
    #[parameter(
        AWS::EC2::VPC::Id,
        cidr = "172.31.0.0/16",
        existing_subnets = [
            "172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20",
            "172.31.48.0/20", "172.31.64.0/20", "172.31.80.0/20",
        ],
    )]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet { cidr_block: "172.31.80.0/20", vpc_id: VpcId })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
