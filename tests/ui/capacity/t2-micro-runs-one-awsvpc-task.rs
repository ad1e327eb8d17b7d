//! A t2.micro has two network interfaces, one of them its own, so it runs one `awsvpc` task (the chapter's quiz, questions 6 to 8).
use ecsnet::prelude::*;

#[stack]
mod workers {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[resource(AWS::ECS::Cluster {})]
    struct Cluster;

    #[resource(AWS::EC2::SecurityGroup { group_description: "worker tasks", vpc_id: VpcId })]
    struct TaskSecurityGroup;

    #[resource(AWS::ECS::TaskDefinition {
        family: "worker",
        network_mode: "awsvpc",
        container_definitions: [{ name: "worker", image: "worker:latest", memory: 128 }],
    })]
    struct WorkerTask;

    // ANCHOR: here
    #[resource(AWS::AutoScaling::LaunchConfiguration {
        image_id: "ami-0123456789abcdef0",
        instance_type: "t2.micro",
        user_data: base64(sub!("#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n")),
    })]
    struct LaunchConfiguration;

    #[resource(AWS::AutoScaling::AutoScalingGroup {
        launch_configuration_name: LaunchConfiguration,
        min_size: "1",
        max_size: "1",
        vpc_zone_identifier: PrivateSubnets,
    })]
    struct Instances;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 2,
        network_configuration: {
            awsvpc_configuration: { subnets: PrivateSubnets, security_groups: [TaskSecurityGroup] },
        },
    })]
    struct WorkerService;
    // ANCHOR_END: here
}

fn main() {}
