//! The chapter's stack as an app of two stacks: `network` (the private
//! subnet, its route table and the NAT gateway) and `application`
//! (everything else), which uses the network's subnet and VPC by path.
//! `#[app]` exports them from `network`, imports them in `application`,
//! and checks `application` against `network`'s declarations.
//!
//! ```text
//! cargo run --example todobackend_app -- --output-dir out
//! ```

use std::process::ExitCode;

use ecsnet::prelude::*;

// ANCHOR: app
/// The todobackend application in two stacks.
#[app]
pub mod todobackend {
    /// The network the application's tasks live in.
    #[stack(description = "Todobackend Network")]
    pub mod network {
        /// Target subnets for EC2 instances
        #[parameter(List<AWS::EC2::Subnet::Id>)]
        pub struct ApplicationSubnets;

        /// Target VPC
        ///
        /// `cidr` and `existing_subnets` say what `aws ec2 describe-vpcs` and
        /// `aws ec2 describe-subnets` report for the default VPC the chapter
        /// deploys into, so the compiler checks that `PrivateSubnet` lies inside
        /// it and overlaps none of its subnets. They are not part of the template.
        #[parameter(
            AWS::EC2::VPC::Id,
            description = "Target VPC",
            cidr = "172.31.0.0/16",
            existing_subnets = [
                "172.31.0.0/20",
                "172.31.16.0/20",
                "172.31.32.0/20",
                "172.31.48.0/20",
                "172.31.64.0/20",
                "172.31.80.0/20",
            ],
        )]
        pub struct VpcId;

        /// The NAT gateway that gives the private subnet its way out, placed in
        /// the first public application subnet.
        #[resource(AWS::EC2::NatGateway {
            allocation_id: sub!("${ElasticIP.AllocationId}"),
            subnet_id: select(0, ApplicationSubnets),
        })]
        pub struct NatGateway;

        /// The NAT gateway's public address.
        #[resource(AWS::EC2::EIP { domain: "vpc" })]
        pub struct ElasticIP;

        /// Everything leaving the private subnet goes through the NAT gateway.
        #[resource(AWS::EC2::Route {
            destination_cidr_block: "0.0.0.0/0",
            route_table_id: PrivateRouteTable,
            nat_gateway_id: NatGateway,
        })]
        pub struct PrivateRouteTableDefaultRoute;

        /// The private subnet that task ENIs live in.
        #[resource(AWS::EC2::Subnet {
            availability_zone: sub!("${AWS::Region}a"),
            cidr_block: "172.31.96.0/20",
            vpc_id: VpcId,
        })]
        pub struct PrivateSubnet;

        /// The private subnet's route table.
        #[resource(AWS::EC2::RouteTable { vpc_id: VpcId })]
        pub struct PrivateRouteTable;

        /// Attaches the route table to the private subnet.
        #[resource(AWS::EC2::SubnetRouteTableAssociation {
            route_table_id: PrivateRouteTable,
            subnet_id: PrivateSubnet,
        })]
        pub struct PrivateSubnetRouteTableAssociation;
    }

    /// The application: ECS service in `awsvpc` mode behind an application
    /// load balancer, and its database, in the network stack's subnet.
    #[stack(description = "Todobackend Application")]
    pub mod application {
        /// Desired EC2 instance count
        #[parameter(Number)]
        pub struct ApplicationDesiredCount;

        /// ECS Amazon Machine Image (AMI) ID
        #[parameter(String)]
        pub struct ApplicationImageId;

        /// Application Docker Image Tag
        #[parameter(String, default = "latest")]
        pub struct ApplicationImageTag;

        /// Target subnets for EC2 instances
        #[parameter(List<AWS::EC2::Subnet::Id>)]
        pub struct ApplicationSubnets;

        /// The application's credentials, read from Secrets Manager by the
        /// `SecretsManager` function and exposed as attributes.
        #[resource(AWS::CloudFormation::CustomResource {
            service_token: sub!("${SecretsManager.Arn}"),
            SecretId: "todobackend/credentials",
        })]
        pub struct Secrets;

        /// Provider of the `Secrets` custom resource.
        #[resource(AWS::Lambda::Function {
            function_name: sub!("${AWS::StackName}-secretsManager"),
            description: sub!("${AWS::StackName} Secrets Manager"),
            handler: "index.handler",
            memory_size: 128,
            runtime: "python3.13",
            timeout: 300,
            role: sub!("${SecretsManagerRole.Arn}"),
            code: {
                zip_file: include_str!("lambda/secrets_manager.py"),
            },
        })]
        #[depends_on(SecretsManagerLogGroup)]
        pub struct SecretsManager;

        /// Role of the `SecretsManager` function.
        #[resource(AWS::IAM::Role {
            assume_role_policy_document: {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": { "Service": "lambda.amazonaws.com" },
                    "Action": ["sts:AssumeRole"],
                }],
            },
            policies: [{
                policy_name: "SecretsManagerPermissions",
                policy_document: {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "GetSecrets",
                            "Effect": "Allow",
                            "Action": ["secretsmanager:GetSecretValue"],
                            "Resource": sub!("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:todobackend/*"),
                        },
                        {
                            "Sid": "DecryptSecrets",
                            "Effect": "Allow",
                            "Action": ["kms:Decrypt"],
                            "Resource": import_value("secrets-key"),
                        },
                        {
                            "Sid": "ManageLambdaLogs",
                            "Effect": "Allow",
                            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                            "Resource": sub!("${SecretsManagerLogGroup.Arn}"),
                        },
                    ],
                },
            }],
        })]
        pub struct SecretsManagerRole;

        /// Logs of the `SecretsManager` function.
        #[resource(AWS::Logs::LogGroup {
            log_group_name: sub!("/aws/lambda/${AWS::StackName}-secretsManager"),
            retention_in_days: 7,
        })]
        pub struct SecretsManagerLogGroup;

        /// Runs the database migrations once, through the `EcsTaskRunner` function.
        #[resource(AWS::CloudFormation::CustomResource {
            service_token: sub!("${EcsTaskRunner.Arn}"),
            Cluster: ApplicationCluster,
            TaskDefinition: MigrateTaskDefinition,
        })]
        #[depends_on(ApplicationAutoscaling, ApplicationDatabase)]
        pub struct MigrateTask;

        /// The one-off migration task.
        #[resource(AWS::ECS::TaskDefinition {
            family: "todobackend-migrate",
            task_role_arn: sub!("${ApplicationTaskRole.Arn}"),
            container_definitions: [{
                name: "migrate",
                image: sub!("${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/docker-in-aws/todobackend:${ApplicationImageTag}"),
                memory_reservation: 5,
                cpu: 5,
                environment: [
                    { name: "DJANGO_SETTINGS_MODULE", value: "todobackend.settings_release" },
                    { name: "MYSQL_HOST", value: sub!("${ApplicationDatabase.Endpoint.Address}") },
                    { name: "MYSQL_USER", value: "todobackend" },
                    { name: "MYSQL_DATABASE", value: "todobackend" },
                    { name: "SECRETS", value: "todobackend/credentials" },
                    { name: "AWS_DEFAULT_REGION", value: AWS::Region },
                ],
                command: ["python3", "manage.py", "migrate", "--no-input"],
                log_configuration: {
                    log_driver: "awslogs",
                    options: {
                        "awslogs-group": sub!("/${AWS::StackName}/ecs/todobackend"),
                        "awslogs-region": AWS::Region,
                        "awslogs-stream-prefix": "docker",
                    },
                },
            }],
        })]
        pub struct MigrateTaskDefinition;

        /// Provider of the `MigrateTask` custom resource: runs an ECS task and
        /// waits for it to stop.
        #[resource(AWS::Lambda::Function {
            function_name: sub!("${AWS::StackName}-ecsTasks"),
            description: sub!("${AWS::StackName} ECS Task Runner"),
            handler: "index.handler",
            memory_size: 128,
            runtime: "python3.13",
            timeout: 300,
            role: sub!("${EcsTaskRunnerRole.Arn}"),
            code: {
                zip_file: include_str!("lambda/ecs_task_runner.py"),
            },
        })]
        #[depends_on(EcsTaskRunnerLogGroup)]
        pub struct EcsTaskRunner;

        /// Role of the `EcsTaskRunner` function.
        #[resource(AWS::IAM::Role {
            assume_role_policy_document: {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": { "Service": "lambda.amazonaws.com" },
                    "Action": ["sts:AssumeRole"],
                }],
            },
            policies: [{
                policy_name: "EcsTaskRunnerPermissions",
                policy_document: {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "EcsTasks",
                            "Effect": "Allow",
                            "Action": ["ecs:DescribeTasks", "ecs:ListTasks", "ecs:RunTask"],
                            "Resource": "*",
                            "Condition": {
                                "ArnEquals": { "ecs:cluster": sub!("${ApplicationCluster.Arn}") },
                            },
                        },
                        {
                            "Sid": "ManageLambdaLogs",
                            "Effect": "Allow",
                            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                            "Resource": sub!("${EcsTaskRunnerLogGroup.Arn}"),
                        },
                    ],
                },
            }],
        })]
        pub struct EcsTaskRunnerRole;

        /// Logs of the `EcsTaskRunner` function.
        #[resource(AWS::Logs::LogGroup {
            log_group_name: sub!("/aws/lambda/${AWS::StackName}-ecsTasks"),
            retention_in_days: 7,
        })]
        pub struct EcsTaskRunnerLogGroup;

        // ANCHOR: service
        /// The application service: `awsvpc` tasks in the private subnets,
        /// registered by IP address with the load balancer's target group.
        #[resource(AWS::ECS::Service {
            task_definition: ApplicationTaskDefinition,
            cluster: ApplicationCluster,
            desired_count: ApplicationDesiredCount,
            // ANCHOR: uses
            network_configuration: {
                awsvpc_configuration: {
                    security_groups: [ApplicationSecurityGroup],
                    subnets: [network::PrivateSubnet],
                },
            },
            // ANCHOR_END: uses
            load_balancers: [{
                container_name: "todobackend",
                container_port: 8000,
                target_group_arn: ApplicationServiceTargetGroup,
            }],
            deployment_configuration: {
                maximum_percent: 200,
                minimum_healthy_percent: 100,
            },
        })]
        #[depends_on(
            ApplicationAutoscaling,
            ApplicationLogGroup,
            ApplicationLoadBalancerHttpListener,
            MigrateTask
        )]
        pub struct ApplicationService;
        // ANCHOR_END: service

        /// Role the application's containers run with.
        #[resource(AWS::IAM::Role {
            assume_role_policy_document: {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": { "Service": "ecs-tasks.amazonaws.com" },
                    "Action": ["sts:AssumeRole"],
                }],
            },
            policies: [{
                policy_name: "SecretsManagerPermissions",
                policy_document: {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "GetSecrets",
                            "Effect": "Allow",
                            "Action": ["secretsmanager:GetSecretValue"],
                            "Resource": sub!("arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:todobackend/*"),
                        },
                        {
                            "Sid": "DecryptSecrets",
                            "Effect": "Allow",
                            "Action": ["kms:Decrypt"],
                            "Resource": import_value("secrets-key"),
                        },
                    ],
                },
            }],
        })]
        pub struct ApplicationTaskRole;

        // ANCHOR: task_security_group
        /// The tasks' own security group: with `awsvpc`, each task's ENI gets
        /// it, so only the application's traffic is allowed.
        #[resource(AWS::EC2::SecurityGroup {
            group_description: sub!("${AWS::StackName} Application Security Group"),
            vpc_id: network::VpcId,
            security_group_egress: [
                { ip_protocol: "udp", from_port: 53, to_port: 53, cidr_ip: "0.0.0.0/0" },
                { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
                { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "0.0.0.0/0" },
            ],
        })]
        pub struct ApplicationSecurityGroup;
        // ANCHOR_END: task_security_group

        // ANCHOR: task_definition
        /// The application task, in `awsvpc` network mode.
        #[resource(AWS::ECS::TaskDefinition {
            family: "todobackend",
            network_mode: "awsvpc",
            task_role_arn: sub!("${ApplicationTaskRole.Arn}"),
            volumes: [{
                name: "public",
                host: { source_path: "/data/public" },
            }],
            container_definitions: [
                {
                    name: "todobackend",
                    image: sub!("${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/docker-in-aws/todobackend:${ApplicationImageTag}"),
                    memory_reservation: 395,
                    cpu: 245,
                    mount_points: [{ source_volume: "public", container_path: "/public" }],
                    environment: [
                        { name: "DJANGO_SETTINGS_MODULE", value: "todobackend.settings_release" },
                        { name: "MYSQL_HOST", value: sub!("${ApplicationDatabase.Endpoint.Address}") },
                        { name: "MYSQL_USER", value: "todobackend" },
                        { name: "MYSQL_DATABASE", value: "todobackend" },
                        { name: "SECRETS", value: "todobackend/credentials" },
                        { name: "AWS_DEFAULT_REGION", value: AWS::Region },
                    ],
                    command: [
                        "uwsgi",
                        "--http=0.0.0.0:8000",
                        "--module=todobackend.wsgi",
                        "--master",
                        "--die-on-term",
                        "--processes=4",
                        "--threads=2",
                        "--check-static=/public",
                    ],
                    port_mappings: [{ container_port: 8000 }],
                    log_configuration: {
                        log_driver: "awslogs",
                        options: {
                            "awslogs-group": sub!("/${AWS::StackName}/ecs/todobackend"),
                            "awslogs-region": AWS::Region,
                            "awslogs-stream-prefix": "docker",
                        },
                    },
                },
                {
                    name: "collectstatic",
                    essential: false,
                    image: sub!("${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/docker-in-aws/todobackend:${ApplicationImageTag}"),
                    memory_reservation: 5,
                    cpu: 5,
                    mount_points: [{ source_volume: "public", container_path: "/public" }],
                    environment: [
                        { name: "DJANGO_SETTINGS_MODULE", value: "todobackend.settings_release" },
                    ],
                    command: ["python3", "manage.py", "collectstatic", "--no-input"],
                    log_configuration: {
                        log_driver: "awslogs",
                        options: {
                            "awslogs-group": sub!("/${AWS::StackName}/ecs/todobackend"),
                            "awslogs-region": AWS::Region,
                            "awslogs-stream-prefix": "docker",
                        },
                    },
                },
            ],
        })]
        pub struct ApplicationTaskDefinition;
        // ANCHOR_END: task_definition

        /// The application's logs.
        #[resource(AWS::Logs::LogGroup {
            log_group_name: sub!("/${AWS::StackName}/ecs/todobackend"),
            retention_in_days: 7,
        })]
        pub struct ApplicationLogGroup;

        // ANCHOR: target_group
        /// Targets are task ENIs, registered by IP address.
        #[resource(AWS::ElasticLoadBalancingV2::TargetGroup {
            protocol: "HTTP",
            port: 8000,
            vpc_id: network::VpcId,
            target_type: "ip",
            target_group_attributes: [
                { key: "deregistration_delay.timeout_seconds", value: "30" },
            ],
        })]
        pub struct ApplicationServiceTargetGroup;
        // ANCHOR_END: target_group

        /// Forwards HTTP on port 80 to the application's target group.
        #[resource(AWS::ElasticLoadBalancingV2::Listener {
            load_balancer_arn: ApplicationLoadBalancer,
            protocol: "HTTP",
            port: 80,
            default_actions: [{
                target_group_arn: ApplicationServiceTargetGroup,
                type: "forward",
            }],
        })]
        pub struct ApplicationLoadBalancerHttpListener;

        /// The public entry point.
        #[resource(AWS::ElasticLoadBalancingV2::LoadBalancer {
            scheme: "internet-facing",
            subnets: ApplicationSubnets,
            security_groups: [ApplicationLoadBalancerSecurityGroup],
            load_balancer_attributes: [
                { key: "idle_timeout.timeout_seconds", value: "30" },
            ],
            tags: [{ key: "Name", value: sub!("${AWS::StackName}-alb") }],
        })]
        pub struct ApplicationLoadBalancer;

        /// The load balancer admits HTTP from anywhere.
        #[resource(AWS::EC2::SecurityGroup {
            group_description: "Application Load Balancer Security Group",
            vpc_id: network::VpcId,
            security_group_ingress: [
                { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
            ],
            tags: [{ key: "Name", value: sub!("${AWS::StackName}-alb-sg") }],
        })]
        pub struct ApplicationLoadBalancerSecurityGroup;

        // ANCHOR: lb_to_task
        /// The tasks admit the load balancer on the container port.
        #[resource(AWS::EC2::SecurityGroupIngress {
            ip_protocol: "tcp",
            from_port: 8000,
            to_port: 8000,
            group_id: ApplicationSecurityGroup,
            source_security_group_id: ApplicationLoadBalancerSecurityGroup,
        })]
        pub struct ApplicationLoadBalancerToApplicationIngress;

        /// The load balancer may reach the tasks on the container port.
        #[resource(AWS::EC2::SecurityGroupEgress {
            ip_protocol: "tcp",
            from_port: 8000,
            to_port: 8000,
            group_id: ApplicationLoadBalancerSecurityGroup,
            destination_security_group_id: ApplicationSecurityGroup,
        })]
        pub struct ApplicationLoadBalancerToApplicationEgress;
        // ANCHOR_END: lb_to_task

        /// The application's MySQL database.
        #[resource(AWS::RDS::DBInstance {
            engine: "MySQL",
            engine_version: "8.4.7",
            db_instance_class: "db.t3.micro",
            allocated_storage: "10",
            storage_type: "gp2",
            master_username: "todobackend",
            master_user_password: sub!("${Secrets.MYSQL_PASSWORD}"),
            db_name: "todobackend",
            vpc_security_groups: [ApplicationDatabaseSecurityGroup],
            db_subnet_group_name: ApplicationDatabaseSubnetGroup,
            multi_az: false,
            availability_zone: sub!("${AWS::Region}a"),
            tags: [{ key: "Name", value: sub!("${AWS::StackName}-db") }],
        })]
        pub struct ApplicationDatabase;

        /// The database's subnets.
        #[resource(AWS::RDS::DBSubnetGroup {
            db_subnet_group_description: "Application Database Subnet Group",
            subnet_ids: ApplicationSubnets,
            tags: [{ key: "Name", value: sub!("${AWS::StackName}-db-subnet-group") }],
        })]
        pub struct ApplicationDatabaseSubnetGroup;

        /// The database's security group; its only egress rule goes nowhere
        /// (192.0.2.0/32 is reserved for documentation), so it allows none.
        #[resource(AWS::EC2::SecurityGroup {
            group_description: sub!("${AWS::StackName} Application Database Security Group"),
            vpc_id: network::VpcId,
            security_group_egress: [
                { ip_protocol: "icmp", from_port: -1, to_port: -1, cidr_ip: "192.0.2.0/32" },
            ],
            tags: [{ key: "Name", value: sub!("${AWS::StackName}-db-sg") }],
        })]
        pub struct ApplicationDatabaseSecurityGroup;

        /// The database admits the application on MySQL's port.
        #[resource(AWS::EC2::SecurityGroupIngress {
            ip_protocol: "tcp",
            from_port: 3306,
            to_port: 3306,
            group_id: ApplicationDatabaseSecurityGroup,
            source_security_group_id: ApplicationSecurityGroup,
        })]
        pub struct ApplicationToApplicationDatabaseIngress;

        /// The application may reach the database on MySQL's port.
        #[resource(AWS::EC2::SecurityGroupEgress {
            ip_protocol: "tcp",
            from_port: 3306,
            to_port: 3306,
            group_id: ApplicationSecurityGroup,
            destination_security_group_id: ApplicationDatabaseSecurityGroup,
        })]
        pub struct ApplicationToApplicationDatabaseEgress;

        /// The container instances' security group: SSH from anywhere, and the
        /// outbound traffic the ECS agent needs.
        #[resource(AWS::EC2::SecurityGroup {
            group_description: sub!("${AWS::StackName} Application Autoscaling Security Group"),
            vpc_id: network::VpcId,
            security_group_ingress: [
                // ANCHOR: open_ssh
                #[acknowledge(open_ingress, reason = "SSH to the container instances for debugging, as the chapter's stack allows; restrict to an administration network in production")]
                { ip_protocol: "tcp", from_port: 22, to_port: 22, cidr_ip: "0.0.0.0/0" },
                // ANCHOR_END: open_ssh
            ],
            security_group_egress: [
                { ip_protocol: "udp", from_port: 53, to_port: 53, cidr_ip: "0.0.0.0/0" },
                { ip_protocol: "tcp", from_port: 80, to_port: 80, cidr_ip: "0.0.0.0/0" },
                { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "0.0.0.0/0" },
            ],
        })]
        pub struct ApplicationAutoscalingSecurityGroup;

        /// Instance profile of the container instances.
        #[resource(AWS::IAM::InstanceProfile {
            roles: [ApplicationAutoscalingInstanceRole],
        })]
        pub struct ApplicationAutoscalingInstanceProfile;

        /// Role of the container instances: what the ECS agent needs.
        #[resource(AWS::IAM::Role {
            assume_role_policy_document: {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": { "Service": ["ec2.amazonaws.com"] },
                    "Action": ["sts:AssumeRole"],
                }],
            },
            policies: [{
                policy_name: "ECSContainerInstancePermissions",
                policy_document: {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": [
                                "ecs:RegisterContainerInstance",
                                "ecs:DeregisterContainerInstance",
                                "ecs:UpdateContainerInstancesState",
                            ],
                            "Resource": sub!("${ApplicationCluster.Arn}"),
                        },
                        {
                            "Effect": "Allow",
                            "Action": [
                                "ecs:DiscoverPollEndpoint",
                                "ecs:Submit*",
                                "ecs:Poll",
                                "ecs:StartTelemetrySession",
                            ],
                            "Resource": "*",
                        },
                        {
                            "Effect": "Allow",
                            "Action": [
                                "ecr:BatchCheckLayerAvailability",
                                "ecr:BatchGetImage",
                                "ecr:GetDownloadUrlForLayer",
                                "ecr:GetAuthorizationToken",
                            ],
                            "Resource": "*",
                        },
                        {
                            "Effect": "Allow",
                            "Action": [
                                "logs:CreateLogGroup",
                                "logs:CreateLogStream",
                                "logs:PutLogEvents",
                                "logs:DescribeLogStreams",
                            ],
                            "Resource": sub!("arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/${AWS::StackName}*"),
                        },
                    ],
                },
            }],
        })]
        pub struct ApplicationAutoscalingInstanceRole;

        /// The ECS cluster.
        #[resource(AWS::ECS::Cluster { cluster_name: "todobackend-cluster" })]
        pub struct ApplicationCluster;

        /// How container instances start: `cfn-init` prepares the public volume
        /// and runs the first-run script, then `cfn-signal` reports success.
        #[resource(AWS::AutoScaling::LaunchConfiguration {
            image_id: ApplicationImageId,
            instance_type: "t2.micro",
            key_name: "admin",
            iam_instance_profile: ApplicationAutoscalingInstanceProfile,
            security_groups: [ApplicationAutoscalingSecurityGroup],
            user_data: base64(sub!(
                "#!/bin/bash
    /opt/aws/bin/cfn-init -v --stack ${AWS::StackName} \\
      --resource ApplicationAutoscalingLaunchConfiguration \\
      --region ${AWS::Region}
    /opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} \\
      --resource ApplicationAutoscaling \\
      --region ${AWS::Region}
    "
            )),
        })]
        #[metadata {
            "AWS::CloudFormation::Init": {
                "config": {
                    "commands": {
                        "05_public_volume": { "command": "mkdir -p /data/public" },
                        "06_public_volume_permissions": { "command": "chown -R 1000:1000 /data/public" },
                        "10_first_run": {
                            "command": "sh firstrun.sh",
                            "cwd": "/home/ec2-user",
                            "env": {
                                "ECS_CLUSTER": ApplicationCluster,
                                "STACK_NAME": AWS::StackName,
                                "AUTOSCALING_GROUP": "ApplicationAutoscaling",
                                "AWS_DEFAULT_REGION": AWS::Region,
                            },
                        },
                    },
                },
            },
        }]
        pub struct ApplicationAutoscalingLaunchConfiguration;

        /// The container instances.
        #[resource(AWS::AutoScaling::AutoScalingGroup {
            launch_configuration_name: ApplicationAutoscalingLaunchConfiguration,
            min_size: "0",
            max_size: "4",
            desired_capacity: ApplicationDesiredCount,
            vpc_zone_identifier: ApplicationSubnets,
            tags: [{
                key: "Name",
                value: sub!("${AWS::StackName}-ApplicationAutoscaling-instance"),
                propagate_at_launch: true,
            }],
        })]
        #[creation_policy {
            resource_signal: { count: ApplicationDesiredCount, timeout: "PT15M" },
        }]
        pub struct ApplicationAutoscaling;

        /// Public DNS name of Application Load Balancer
        #[output(sub!("${ApplicationLoadBalancer.DNSName}"))]
        pub struct PublicURL;
    }
}
// ANCHOR_END: app

fn main() -> ExitCode {
    ecsnet::cli::app_main(&todobackend::app())
}
