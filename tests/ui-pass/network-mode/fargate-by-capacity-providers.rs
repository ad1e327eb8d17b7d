//! On a cluster whose default strategy is Fargate, a service that names neither a launch type nor a strategy runs `awsvpc` tasks; a service that gives `launch_type: "EC2"` runs on the cluster's instances instead.
use ecsnet::prelude::*;

#[stack]
mod web {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    // ANCHOR: here
    #[resource(AWS::ECS::Cluster {
        capacity_providers: ["FARGATE", "FARGATE_SPOT"],
        default_capacity_provider_strategy: [
            { capacity_provider: "FARGATE", base: 1, weight: 1 },
            { capacity_provider: "FARGATE_SPOT", weight: 3 },
        ],
    })]
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

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 2,
        network_configuration: { awsvpc_configuration: { subnets: PrivateSubnets } },
    })]
    struct WorkerService;

    #[resource(AWS::ECS::TaskDefinition {
        family: "batch",
        network_mode: "bridge",
        container_definitions: [{ name: "batch", image: "batch", memory: 256 }],
    })]
    struct BatchTask;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: BatchTask,
        desired_count: 1,
        launch_type: "EC2",
    })]
    struct BatchService;
    // ANCHOR_END: here
}

fn main() {
    let template = web::template();
    assert!(template.resources.contains_key("WorkerService"));
    assert!(template.resources.contains_key("BatchService"));
}
