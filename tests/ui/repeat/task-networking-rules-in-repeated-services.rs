//! The task networking rules hold in every repeated task definition.
use ecsnet::prelude::*;

#[stack]
mod workers {
    // ANCHOR: here
    #[repeat(for (queue, port) in [("orders", 8000), ("emails", 8001)])]
    #[resource(AWS::ECS::TaskDefinition {
        family: sub!("worker-${queue}"),
        network_mode: "awsvpc",
        container_definitions: [{
            name: "worker",
            image: "worker:latest",
            memory: 128,
            port_mappings: [{ container_port: port, host_port: 0 }],
        }],
    })]
    struct WorkerTask;
    // ANCHOR_END: here
}

fn main() {}
