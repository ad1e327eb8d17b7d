//! A loop runs over literal strings or integers, or an integer range.
use ecsnet::prelude::*;

#[stack]
mod network {
    #[parameter(AWS::EC2::AvailabilityZone::Name)]
    struct Zone;

    // ANCHOR: here
    #[repeat(for zone in [Zone])]
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    struct Vpc;
    // ANCHOR_END: here
}

fn main() {}
