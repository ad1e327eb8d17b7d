//! A mistake in one property is reported alone: the stack's types and `template()` still exist, so code using them raises no further errors.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::VPC::Id)]
    pub struct VpcId;

    // ANCHOR: here
    #[resource(AWS::EC2::Subnet {
        cidr_blok: "172.31.96.0/20",
        vpc_id: VpcId,
    })]
    pub struct PrivateSubnet;
    // ANCHOR_END: here
}

fn main() {
    let _ = <network::PrivateSubnet as StackResource>::LOGICAL_ID;
    let _ = network::template();
}
