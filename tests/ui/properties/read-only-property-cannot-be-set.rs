//! A read-only property is set by CloudFormation; setting it is an error that shows how to read it instead.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::EIP {
        domain: "vpc",
        allocation_id: "eipalloc-0123456789abcdef0",
    })]
    struct ElasticIP;
    // ANCHOR_END: here
}

fn main() {}
