//! Subnets inside their VPC, apart from each other and from the existing ones: the chapter's next free /20.
use ecsnet::prelude::*;

#[stack]
mod network {
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
    #[resource(AWS::EC2::Subnet { cidr_block: "172.31.96.0/20", vpc_id: VpcId })]
    struct PrivateSubnet;

    #[resource(AWS::EC2::Subnet { cidr_block: "172.31.112.0/20", vpc_id: VpcId })]
    struct OtherPrivateSubnet;
    // ANCHOR_END: here
}

fn main() {
    let _ = network::template();
}
