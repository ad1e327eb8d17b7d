//! Every instance of a repeated declaration is checked: the error points at the value in the `for` list.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id, cidr = "172.31.0.0/16")]
    struct VpcId;

    // ANCHOR: here
    #[repeat(for (zone, cidr) in [
        ("a", "172.31.96.0/20"),
        ("b", "172.31.112.0/20"),
        ("c", "172.31.112.0/24"),
    ])]
    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}${zone}"),
        cidr_block: cidr,
        vpc_id: VpcId,
    })]
    struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {}
