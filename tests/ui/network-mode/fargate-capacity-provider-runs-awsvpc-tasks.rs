//! A service whose capacity provider strategy names `FARGATE` or `FARGATE_SPOT` runs on Fargate, and runs a task definition in `awsvpc` mode.
use ecsnet::prelude::*;

#[stack]
mod web {
    #[resource(AWS::ECS::Cluster { capacity_providers: ["FARGATE", "FARGATE_SPOT"] })]
    struct Cluster;

    // ANCHOR: here
    #[resource(AWS::ECS::TaskDefinition {
        family: "worker",
        network_mode: "bridge",
        container_definitions: [{ name: "worker", image: "worker", memory: 256 }],
    })]
    struct WorkerTask;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 2,
        capacity_provider_strategy: [{ capacity_provider: "FARGATE_SPOT", weight: 1 }],
    })]
    struct WorkerService;
    // ANCHOR_END: here
}

fn main() {}
