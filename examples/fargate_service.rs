//! Recipe: a web service on AWS Fargate behind an Application Load
//! Balancer, in an existing VPC. The tasks run in `awsvpc` mode (Fargate
//! runs no other), in private subnets, registered by IP address; only the
//! load balancer's security group reaches them, on the container port.
//!
//! ```text
//! cargo run --example fargate_service
//! ```

use std::process::ExitCode;

use ecsnet::prelude::*;

/// A web service on Fargate behind a public load balancer.
#[stack]
pub mod fargate_service {
    /// The VPC to run in.
    #[parameter(AWS::EC2::VPC::Id)]
    pub struct VpcId;

    /// Public subnets, for the load balancer (two zones at least).
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    pub struct PublicSubnets;

    /// Private subnets with a route to a NAT gateway, for the tasks.
    #[parameter(List<AWS::EC2::Subnet::Id>)]
    pub struct PrivateSubnets;

    /// The container image.
    #[parameter(String, default = "public.ecr.aws/nginx/nginx:stable")]
    pub struct Image;

    // ANCHOR: service
    #[resource(AWS::ECS::Cluster {})]
    pub struct Cluster;

    /// Lets ECS pull the image and write the logs for the tasks.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "ecs-tasks.amazonaws.com" },
                "Action": ["sts:AssumeRole"],
            }],
        },
        managed_policy_arns: [
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
        ],
    })]
    pub struct ExecutionRole;

    #[resource(AWS::Logs::LogGroup { retention_in_days: 7 })]
    pub struct Logs;

    /// Fargate sizes: 0.25 vCPU with 512 MiB is one of the allowed pairs.
    #[resource(AWS::ECS::TaskDefinition {
        family: "web",
        network_mode: "awsvpc",
        requires_compatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        execution_role_arn: ExecutionRole.Arn,
        container_definitions: [{
            name: "web",
            image: Image,
            essential: true,
            port_mappings: [{ container_port: 80 }],
            log_configuration: {
                log_driver: "awslogs",
                options: {
                    "awslogs-group": Logs,
                    "awslogs-region": AWS::Region,
                    "awslogs-stream-prefix": "web",
                },
            },
        }],
    })]
    pub struct Task;

    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: Task,
        launch_type: "FARGATE",
        desired_count: 2,
        network_configuration: {
            awsvpc_configuration: {
                assign_public_ip: "DISABLED",
                subnets: PrivateSubnets,
                security_groups: [TaskSecurityGroup],
            },
        },
        load_balancers: [{
            container_name: "web",
            container_port: 80,
            target_group_arn: TargetGroup,
        }],
    })]
    #[depends_on(HttpListener)]
    pub struct Service;
    // ANCHOR_END: service

    // ANCHOR: network
    /// The tasks' group: it admits only the load balancer, on the container port.
    #[resource(AWS::EC2::SecurityGroup { group_description: "web tasks", vpc_id: VpcId })]
    pub struct TaskSecurityGroup;

    #[resource(AWS::EC2::SecurityGroupIngress {
        ip_protocol: "tcp",
        from_port: 80,
        to_port: 80,
        group_id: TaskSecurityGroup,
        source_security_group_id: LoadBalancerSecurityGroup,
    })]
    pub struct LoadBalancerToTasks;

    /// The load balancer's group: HTTP from anywhere.
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "web load balancer",
        vpc_id: VpcId,
        security_group_ingress: [
            { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    pub struct LoadBalancerSecurityGroup;

    #[resource(AWS::ElasticLoadBalancingV2::LoadBalancer {
        scheme: "internet-facing",
        subnets: PublicSubnets,
        security_groups: [LoadBalancerSecurityGroup],
    })]
    pub struct LoadBalancer;

    /// `awsvpc` tasks are registered by IP address.
    #[resource(AWS::ElasticLoadBalancingV2::TargetGroup {
        protocol: "HTTP",
        port: 80,
        vpc_id: VpcId,
        target_type: "ip",
        health_check_path: "/",
    })]
    pub struct TargetGroup;

    #[resource(AWS::ElasticLoadBalancingV2::Listener {
        load_balancer_arn: LoadBalancer,
        protocol: "HTTP",
        port: 80,
        default_actions: [{ type: "forward", target_group_arn: TargetGroup }],
    })]
    pub struct HttpListener;
    // ANCHOR_END: network

    /// Where to browse.
    #[output(sub!("http://${LoadBalancer.DNSName}"))]
    pub struct Url;
}

fn main() -> ExitCode {
    ecsnet::cli::main(&fargate_service::template())
}
