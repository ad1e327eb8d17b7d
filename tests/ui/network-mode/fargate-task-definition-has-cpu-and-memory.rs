//! A Fargate task definition sets task-level `cpu` and `memory`.
use ecsnet::prelude::*;

#[stack]
mod web {
    // ANCHOR: here
    #[resource(AWS::ECS::TaskDefinition {
        network_mode: "awsvpc",
        requires_compatibilities: ["FARGATE"],
        container_definitions: [{ name: "web", image: "nginx", memory: 256 }],
    })]
    struct WebTask;
    // ANCHOR_END: here
}

fn main() {}
