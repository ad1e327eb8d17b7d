//! With the instance type a parameter, the rule decides from its allowed values: none of them has room.
use ecsnet::prelude::*;

#[stack]
mod workers {
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    struct PrivateSubnets;

    #[parameter(AWS::EC2::VPC::Id)]
    struct VpcId;

    #[parameter(String, default = "t3.micro", allowed_values = ["t2.micro", "t3.micro"])]
    struct InstanceType;

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
        instance_type: InstanceType,
        user_data: base64(sub!("#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n")),
    })]
    struct LaunchConfiguration;

    #[resource(AWS::AutoScaling::AutoScalingGroup {
        launch_configuration_name: LaunchConfiguration,
        min_size: "1",
        max_size: "2",
        vpc_zone_identifier: PrivateSubnets,
    })]
    struct Instances;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTask,
        desired_count: 3,
        network_configuration: {
            awsvpc_configuration: { subnets: PrivateSubnets, security_groups: [TaskSecurityGroup] },
        },
    })]
    struct WorkerService;
    // ANCHOR_END: here
}

fn main() {}
