//! A type outside the CloudFormation registry's AWS types (a third-party registry type) must be declared `extern`.
use ecsnet::prelude::*;

#[stack]
mod database {
    // ANCHOR: here
    #[resource(MongoDB::Atlas::Cluster {
        ProjectId: "5f4a1b2c3d4e5f6a7b8c9d0e",
        Name: "todobackend",
    })]
    struct Atlas;
    // ANCHOR_END: here
}

fn main() {}
