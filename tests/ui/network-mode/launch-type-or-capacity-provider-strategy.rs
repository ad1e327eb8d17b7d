//! A service names a launch type or a capacity provider strategy, not both.
use ecsnet::prelude::*;

#[stack]
mod web {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    #[resource(AWS::ECS::Cluster { capacity_providers: ["FARGATE", "FARGATE_SPOT"] })]
    struct Cluster;

    #[resource(AWS::ECS::TaskDefinition {
        family: "worker",
        network_mode: "awsvpc",
        requires_compatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        container_definitions: [{ name: "worker", image: "worker" }],
    })]
    struct WorkerTask;

    // ANCHOR: here
    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 2,
        launch_type: "FARGATE",
        capacity_provider_strategy: [
            { capacity_provider: "FARGATE", base: 1, weight: 1 },
            { capacity_provider: "FARGATE_SPOT", weight: 3 },
        ],
        network_configuration: { awsvpc_configuration: { subnets: PrivateSubnets } },
    })]
    struct WorkerService;
    // ANCHOR_END: here
}

fn main() {}
