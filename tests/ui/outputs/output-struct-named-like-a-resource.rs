//! An output named like a resource is a struct of another name, with `name = "…"`.
use ecsnet::prelude::*;

#[stack]
mod network {
    // ANCHOR: here
    #[resource(AWS::EC2::VPC { cidr_block: "10.0.0.0/16" })]
    pub struct Vpc;

    #[output(Vpc)]
    pub struct Vpc;
    // ANCHOR_END: here
}

fn main() {}
