//! A service that names no launch type or capacity provider strategy runs by its cluster's default strategy: on Fargate, its task definition uses `awsvpc`.
use ecsnet::prelude::*;

#[stack]
mod web {
    #[resource(AWS::ECS::Cluster {})]
    struct Cluster;

    // ANCHOR: here
    #[resource(AWS::ECS::ClusterCapacityProviderAssociations {
        cluster: Cluster,
        capacity_providers: ["FARGATE"],
        default_capacity_provider_strategy: [{ capacity_provider: "FARGATE", weight: 1 }],
    })]
    struct ClusterCapacityProviders;

    #[resource(AWS::ECS::TaskDefinition {
        family: "worker",
        container_definitions: [{ name: "worker", image: "worker", memory: 256 }],
    })]
    struct WorkerTask;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 2,
    })]
    struct WorkerService;
    // ANCHOR_END: here
}

fn main() {}
