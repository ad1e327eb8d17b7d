//! Nested property types are checked too: an unknown key inside `network_configuration` is an error.
use ecsnet::prelude::*;

#[stack]
mod app {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    #[resource(AWS::ECS::Cluster {})]
    struct ApplicationCluster;

    // ANCHOR: here
    #[resource(AWS::ECS::Service {
        cluster: ApplicationCluster,
        network_configuration: {
            awsvpc_configuraton: { subnets: PrivateSubnets },
        },
    })]
    struct ApplicationService;
    // ANCHOR_END: here
}

fn main() {}
