//! A value outside the property's allowed values, such as a misspelt network mode, is an error.
use ecsnet::prelude::*;

#[stack]
mod app {
    // ANCHOR: here
    #[resource(AWS::ECS::TaskDefinition {
        family: "todobackend",
        network_mode: "awsvcp",
        container_definitions: [{ name: "todobackend", image: "todobackend:latest", memory: 256 }],
    })]
    struct ApplicationTaskDefinition;
    // ANCHOR_END: here
}

fn main() {}
