//! An order-processing application across 28 AWS services, the kind of
//! stack a CDK user writes: an HTTP API with Cognito sign-in in front of a
//! Lambda function, an EventBridge bus and a Step Functions workflow, an SNS
//! fan-out to an SQS queue that a Fargate worker drains (scaled on the
//! queue's depth), DynamoDB, S3, Kinesis and Firehose for analytics with a
//! Glue table over them, KMS, Secrets Manager, Systems Manager, AppConfig
//! feature flags, CloudWatch alarms and a dashboard, AWS Backup, CodeBuild,
//! Cloud Map, Route 53, and a VPC whose private subnets reach AWS through VPC
//! endpoints and the internet through a NAT gateway.
//!
//! ```text
//! cargo run --example services > orders.json
//! cargo run --example services -- --format yaml
//! aws cloudformation deploy --template-file orders.json --stack-name orders \
//!     --parameter-overrides AlarmEmail=ops@example.com --capabilities CAPABILITY_IAM
//! ```
//!
//! The worker's image is built by the `WorkerImageBuild` CodeBuild project
//! from `source/worker.zip` in the archive bucket (nightly, or
//! `aws codebuild start-build`); until it has run once, the worker's tasks
//! have no image to start.
//!
//! `tests/services.rs` checks that the stack keeps covering at least 50
//! resource types from 20 services, and a few of its references.

#![allow(
    clippy::doc_markdown,
    reason = "service names such as DynamoDB and EventBridge are prose here, not code"
)]

use std::process::ExitCode;

use ecsnet::prelude::*;

/// The order-processing application.
#[stack(
    description = "Order processing: HTTP API, EventBridge, Step Functions, SQS and a Fargate worker"
)]
pub mod orders {
    // ----------------------------------------------------------------------
    // Parameters
    // ----------------------------------------------------------------------

    /// Deployment environment, part of resource names
    #[parameter(String, default = "dev", allowed_values = ["dev", "staging", "prod"])]
    pub struct Environment;

    /// Tag of the worker image in the stack's ECR repository
    #[parameter(String, default = "latest")]
    pub struct WorkerImageTag;

    /// Where alarm notifications are sent
    #[parameter(String, allowed_pattern = "^[^@\\s]+@[^@\\s]+$")]
    pub struct AlarmEmail;

    /// Private DNS zone of the application's VPC
    #[parameter(String, default = "orders.internal")]
    pub struct ZoneName;

    // ----------------------------------------------------------------------
    // Network: a VPC with public subnets for the NAT gateway, and private
    // subnets that reach AWS APIs through VPC endpoints and the shipping
    // partner through the NAT gateway.
    // ----------------------------------------------------------------------

    /// The application's VPC.
    #[resource(AWS::EC2::VPC {
        cidr_block: "10.20.0.0/16",
        enable_dns_hostnames: true,
        enable_dns_support: true,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-vpc") }],
    })]
    pub struct Vpc;

    /// The VPC's way to the internet, for the public subnets.
    #[resource(AWS::EC2::InternetGateway {
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-igw") }],
    })]
    pub struct InternetGateway;

    /// Attaches the internet gateway to the VPC.
    #[resource(AWS::EC2::VPCGatewayAttachment {
        vpc_id: Vpc,
        internet_gateway_id: InternetGateway,
    })]
    pub struct InternetGatewayAttachment;

    /// Public subnets, one per availability zone.
    #[repeat(for (zone, cidr) in [("a", "10.20.0.0/24"), ("b", "10.20.1.0/24")])]
    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}${zone}"),
        cidr_block: cidr,
        vpc_id: Vpc,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-public-${zone}") }],
    })]
    pub struct PublicSubnet;

    /// Private subnets, one per availability zone: the worker's tasks.
    #[repeat(for (zone, cidr) in [("a", "10.20.10.0/24"), ("b", "10.20.11.0/24")])]
    #[resource(AWS::EC2::Subnet {
        availability_zone: sub!("${AWS::Region}${zone}"),
        cidr_block: cidr,
        vpc_id: Vpc,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-private-${zone}") }],
    })]
    pub struct PrivateSubnet;

    /// Routes of the public subnets.
    #[resource(AWS::EC2::RouteTable {
        vpc_id: Vpc,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-public") }],
    })]
    pub struct PublicRouteTable;

    /// Everything leaving a public subnet goes through the internet gateway.
    #[resource(AWS::EC2::Route {
        route_table_id: PublicRouteTable,
        destination_cidr_block: "0.0.0.0/0",
        gateway_id: InternetGateway,
    })]
    #[depends_on(InternetGatewayAttachment)]
    pub struct PublicDefaultRoute;

    /// Attaches the public route table to the public subnets.
    #[repeat(for zone in ["a", "b"])]
    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: PublicRouteTable,
        subnet_id: PublicSubnet[zone],
    })]
    pub struct PublicSubnetRouteTableAssociation;

    /// Routes of the private subnets: the gateway endpoints, and the NAT
    /// gateway for the rest of the internet.
    #[resource(AWS::EC2::RouteTable {
        vpc_id: Vpc,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-private") }],
    })]
    pub struct PrivateRouteTable;

    /// The NAT gateway's public address.
    #[resource(AWS::EC2::EIP {
        domain: "vpc",
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-nat") }],
    })]
    #[depends_on(InternetGatewayAttachment)]
    pub struct NatAddress;

    /// The private subnets' way out to the shipping partner's API.
    #[resource(AWS::EC2::NatGateway {
        allocation_id: NatAddress.AllocationId,
        subnet_id: PublicSubnetA,
        tags: [{ key: "Name", value: sub!("${AWS::StackName}-nat") }],
    })]
    pub struct NatGateway;

    /// Everything leaving a private subnet that no endpoint takes goes
    /// through the NAT gateway.
    #[resource(AWS::EC2::Route {
        route_table_id: PrivateRouteTable,
        destination_cidr_block: "0.0.0.0/0",
        nat_gateway_id: NatGateway,
    })]
    pub struct PrivateDefaultRoute;

    /// Attaches the private route table to the private subnets.
    #[repeat(for zone in ["a", "b"])]
    #[resource(AWS::EC2::SubnetRouteTableAssociation {
        route_table_id: PrivateRouteTable,
        subnet_id: PrivateSubnet[zone],
    })]
    pub struct PrivateSubnetRouteTableAssociation;

    /// The worker's tasks: HTTPS out, to the VPC endpoints, S3 and the
    /// shipping partner.
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "Order worker tasks",
        vpc_id: Vpc,
        security_group_egress: [
            { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "0.0.0.0/0" },
        ],
    })]
    pub struct WorkerSecurityGroup;

    /// The interface endpoints' network interfaces.
    #[resource(AWS::EC2::SecurityGroup {
        group_description: "VPC interface endpoints",
        vpc_id: Vpc,
        security_group_egress: [
            { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ip: "10.20.0.0/16" },
        ],
    })]
    pub struct EndpointSecurityGroup;

    /// The endpoints admit the worker's tasks on HTTPS.
    #[resource(AWS::EC2::SecurityGroupIngress {
        group_id: EndpointSecurityGroup,
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
        source_security_group_id: WorkerSecurityGroup,
    })]
    pub struct WorkerToEndpointsIngress;

    /// Interface endpoints for the AWS APIs the worker calls.
    #[repeat(for (name, service) in [
        ("EcrApi", "ecr.api"),
        ("EcrDkr", "ecr.dkr"),
        ("Logs", "logs"),
        ("Sqs", "sqs"),
        ("SecretsManager", "secretsmanager"),
        ("AppConfigData", "appconfigdata"),
    ])]
    #[resource(AWS::EC2::VPCEndpoint {
        vpc_id: Vpc,
        service_name: sub!("com.amazonaws.${AWS::Region}.${service}"),
        vpc_endpoint_type: "Interface",
        private_dns_enabled: true,
        subnet_ids: [PrivateSubnetA, PrivateSubnetB],
        security_group_ids: [EndpointSecurityGroup],
    })]
    pub struct InterfaceEndpoint;

    /// Gateway endpoints: S3 (image layers, archive) and DynamoDB.
    #[repeat(for (name, service) in [("S3", "s3"), ("DynamoDb", "dynamodb")])]
    #[resource(AWS::EC2::VPCEndpoint {
        vpc_id: Vpc,
        service_name: sub!("com.amazonaws.${AWS::Region}.${service}"),
        vpc_endpoint_type: "Gateway",
        route_table_ids: [PrivateRouteTable],
    })]
    pub struct GatewayEndpoint;

    /// The VPC's private DNS zone.
    #[resource(AWS::Route53::HostedZone {
        name: ZoneName,
        vpcs: [{ vpc_id: Vpc, vpc_region: AWS::Region }],
        hosted_zone_config: { comment: "Names of the order-processing application" },
    })]
    pub struct PrivateZone;

    /// `api.<zone>` names the HTTP API inside the VPC.
    #[resource(AWS::Route53::RecordSet {
        hosted_zone_id: PrivateZone,
        name: sub!("api.${ZoneName}"),
        type: "CNAME",
        ttl: "300",
        resource_records: [sub!("${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}")],
    })]
    pub struct ApiRecord;

    /// Cloud Map namespace in which the worker's tasks register.
    #[resource(AWS::ServiceDiscovery::PrivateDnsNamespace {
        name: sub!("${Environment}.orders.local"),
        vpc: Vpc,
        description: "Service discovery of the order-processing application",
    })]
    pub struct ServiceNamespace;

    /// `worker.<namespace>` resolves to the worker's tasks.
    #[resource(AWS::ServiceDiscovery::Service {
        name: "worker",
        namespace_id: ServiceNamespace.Id,
        dns_config: {
            dns_records: [{ type: "A", ttl: 10 }],
            routing_policy: "MULTIVALUE",
        },
        health_check_custom_config: { failure_threshold: 1 },
    })]
    pub struct WorkerDiscoveryService;

    // ----------------------------------------------------------------------
    // Encryption and configuration
    // ----------------------------------------------------------------------

    /// Encrypts the application's data: table, queues, topics, bucket,
    /// stream, secret, backups and build artifacts.
    #[resource(AWS::KMS::Key {
        description: "Order-processing data key",
        enable_key_rotation: true,
        key_policy: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AccountAdministers",
                    "Effect": "Allow",
                    "Principal": { "AWS": sub!("arn:${AWS::Partition}:iam::${AWS::AccountId}:root") },
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    "Sid": "ServicesEncrypt",
                    "Effect": "Allow",
                    "Principal": {
                        "Service": [
                            "cloudwatch.amazonaws.com",
                            "events.amazonaws.com",
                            "sns.amazonaws.com",
                        ],
                    },
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
                    "Resource": "*",
                },
            ],
        },
    })]
    pub struct DataKey;

    /// A readable name for the data key.
    #[resource(AWS::KMS::Alias {
        alias_name: sub!("alias/${AWS::StackName}-data"),
        target_key_id: DataKey,
    })]
    pub struct DataKeyAlias;

    /// The shipping partner's API key, which the worker reads at start.
    /// A random placeholder until operators store the real key.
    #[resource(AWS::SecretsManager::Secret {
        description: "API key of the shipping partner",
        kms_key_id: DataKey,
        generate_secret_string: { password_length: 40, exclude_punctuation: true },
    })]
    pub struct ShippingApiKey;

    /// Publishes the queue's URL for tools outside the stack.
    #[resource(AWS::SSM::Parameter {
        name: sub!("/${AWS::StackName}/orders-queue-url"),
        type: "String",
        value: OrdersQueue,
        description: "URL of the orders queue",
    })]
    pub struct QueueUrlParameter;

    /// The application in AppConfig.
    #[resource(AWS::AppConfig::Application {
        name: sub!("${AWS::StackName}"),
        description: "Feature flags of the order-processing application",
    })]
    pub struct ConfigApplication;

    /// The environment the worker reads its flags from.
    #[resource(AWS::AppConfig::Environment {
        application_id: ConfigApplication,
        name: Environment,
    })]
    pub struct ConfigEnvironment;

    /// Feature flags, hosted by AppConfig.
    #[resource(AWS::AppConfig::ConfigurationProfile {
        application_id: ConfigApplication,
        name: "feature-flags",
        location_uri: "hosted",
        type: "AWS.AppConfig.FeatureFlags",
    })]
    pub struct FeatureFlagsProfile;

    /// The flags' first version: express shipping off.
    #[resource(AWS::AppConfig::HostedConfigurationVersion {
        application_id: ConfigApplication,
        configuration_profile_id: FeatureFlagsProfile,
        content_type: "application/json",
        content: "{\"version\":\"1\",\"flags\":{\"expressShipping\":{\"name\":\"expressShipping\"}},\"values\":{\"expressShipping\":{\"enabled\":false}}}",
    })]
    pub struct FeatureFlagsVersion;

    /// Flags roll out at once: they are read on every poll.
    #[resource(AWS::AppConfig::DeploymentStrategy {
        name: sub!("${AWS::StackName}-all-at-once"),
        deployment_duration_in_minutes: 0,
        growth_factor: 100,
        final_bake_time_in_minutes: 0,
        replicate_to: "NONE",
    })]
    pub struct ConfigDeploymentStrategy;

    /// Deploys the flags' first version to the environment.
    #[resource(AWS::AppConfig::Deployment {
        application_id: ConfigApplication,
        environment_id: ConfigEnvironment,
        configuration_profile_id: FeatureFlagsProfile,
        configuration_version: FeatureFlagsVersion,
        deployment_strategy_id: ConfigDeploymentStrategy,
    })]
    pub struct FeatureFlagsDeployment;

    // ----------------------------------------------------------------------
    // Data: the orders table, the archive bucket, the analytics stream
    // ----------------------------------------------------------------------

    /// Orders, keyed by id: a global table (the CDK's `TableV2`) with one
    /// replica, in the stack's region.
    #[resource(AWS::DynamoDB::GlobalTable {
        billing_mode: "PAY_PER_REQUEST",
        attribute_definitions: [{ attribute_name: "orderId", attribute_type: "S" }],
        key_schema: [{ attribute_name: "orderId", key_type: "HASH" }],
        sse_specification: { sse_enabled: true, sse_type: "KMS" },
        replicas: [{
            region: AWS::Region,
            deletion_protection_enabled: true,
            point_in_time_recovery_specification: { point_in_time_recovery_enabled: true },
            sse_specification: { kms_master_key_id: DataKey.Arn },
        }],
    })]
    #[deletion_policy(Retain)]
    #[update_replace_policy(Retain)]
    pub struct OrdersTable;

    /// The order archive Firehose writes and Athena reads; also holds the
    /// worker's source for CodeBuild.
    #[resource(AWS::S3::Bucket {
        bucket_encryption: {
            server_side_encryption_configuration: [{
                server_side_encryption_by_default: {
                    sse_algorithm: "aws:kms",
                    kms_master_key_id: DataKey.Arn,
                },
                bucket_key_enabled: true,
            }],
        },
        public_access_block_configuration: {
            block_public_acls: true,
            block_public_policy: true,
            ignore_public_acls: true,
            restrict_public_buckets: true,
        },
        versioning_configuration: { status: "Enabled" },
        lifecycle_configuration: {
            rules: [{
                id: "expire-old-versions",
                status: "Enabled",
                noncurrent_version_expiration: { noncurrent_days: 30 },
            }],
        },
    })]
    #[deletion_policy(Retain)]
    #[update_replace_policy(Retain)]
    pub struct ArchiveBucket;

    /// The archive is reached over TLS only.
    #[resource(AWS::S3::BucketPolicy {
        bucket: ArchiveBucket,
        policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [ArchiveBucket.Arn, sub!("${ArchiveBucket.Arn}/*")],
                "Condition": { "Bool": { "aws:SecureTransport": "false" } },
            }],
        },
    })]
    pub struct ArchiveBucketPolicy;

    /// Placed orders, for analytics.
    #[resource(AWS::Kinesis::Stream {
        shard_count: 1,
        retention_period_hours: 24,
        stream_encryption: { encryption_type: "KMS", key_id: DataKey.Arn },
    })]
    pub struct OrdersStream;

    /// Copies the stream into the archive bucket, compressed.
    #[resource(AWS::KinesisFirehose::DeliveryStream {
        delivery_stream_type: "KinesisStreamAsSource",
        kinesis_stream_source_configuration: {
            kinesis_stream_arn: OrdersStream.Arn,
            role_arn: FirehoseRole.Arn,
        },
        extended_s3_destination_configuration: {
            bucket_arn: ArchiveBucket.Arn,
            role_arn: FirehoseRole.Arn,
            prefix: "orders/",
            error_output_prefix: "errors/",
            compression_format: "GZIP",
            buffering_hints: { interval_in_seconds: 300, size_in_mbs: 5 },
            encryption_configuration: {
                kms_encryption_config: { awskms_key_arn: DataKey.Arn },
            },
        },
    })]
    pub struct OrdersDeliveryStream;

    /// Role Firehose reads the stream and writes the bucket with.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "firehose.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        policies: [{
            policy_name: "DeliverOrders",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "kinesis:DescribeStream",
                            "kinesis:GetShardIterator",
                            "kinesis:GetRecords",
                            "kinesis:ListShards",
                        ],
                        "Resource": OrdersStream.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "s3:AbortMultipartUpload",
                            "s3:GetBucketLocation",
                            "s3:GetObject",
                            "s3:ListBucket",
                            "s3:ListBucketMultipartUploads",
                            "s3:PutObject",
                        ],
                        "Resource": [ArchiveBucket.Arn, sub!("${ArchiveBucket.Arn}/*")],
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                        "Resource": DataKey.Arn,
                    },
                ],
            },
        }],
    })]
    pub struct FirehoseRole;

    /// The analytics catalog.
    #[resource(AWS::Glue::Database {
        catalog_id: AWS::AccountId,
        database_input: {
            name: sub!("orders_${Environment}"),
            description: "Archived orders, for Athena",
        },
    })]
    pub struct AnalyticsDatabase;

    /// The archived orders as a table: Firehose's JSON lines under `orders/`.
    #[resource(AWS::Glue::Table {
        catalog_id: AWS::AccountId,
        database_name: AnalyticsDatabase,
        table_input: {
            name: "orders",
            table_type: "EXTERNAL_TABLE",
            parameters: { "classification": "json", "compressionType": "gzip" },
            storage_descriptor: {
                location: sub!("s3://${ArchiveBucket}/orders/"),
                input_format: "org.apache.hadoop.mapred.TextInputFormat",
                output_format: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                serde_info: { serialization_library: "org.openx.data.jsonserde.JsonSerDe" },
                columns: [
                    { name: "orderid", type: "string" },
                    { name: "status", type: "string" },
                    { name: "time", type: "string" },
                ],
            },
        },
    })]
    pub struct ArchivedOrdersTable;

    // ----------------------------------------------------------------------
    // Messaging: the event bus, the fulfilment workflow, topics and queues
    // ----------------------------------------------------------------------

    /// The application's events.
    #[resource(AWS::Events::EventBus { name: sub!("${AWS::StackName}-orders") })]
    pub struct OrdersEventBus;

    /// A week of events, for replay after an incident.
    #[resource(AWS::Events::Archive {
        source_arn: OrdersEventBus.Arn,
        description: "Order events, for replay",
        retention_days: 7,
    })]
    pub struct OrdersEventArchive;

    /// A placed order starts the fulfilment workflow and goes to analytics.
    #[resource(AWS::Events::Rule {
        description: "Placed orders",
        event_bus_name: OrdersEventBus,
        event_pattern: {
            "source": ["orders.api"],
            "detail-type": ["OrderPlaced"],
        },
        state: "ENABLED",
        targets: [
            {
                id: "fulfilment",
                arn: FulfilmentStateMachine,
                role_arn: EventsRole.Arn,
            },
            {
                id: "analytics",
                arn: OrdersStream.Arn,
                role_arn: EventsRole.Arn,
                kinesis_parameters: { partition_key_path: "$.detail.orderId" },
            },
        ],
    })]
    pub struct OrderPlacedRule;

    /// Role EventBridge starts the workflow and writes the stream with.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "events.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        policies: [{
            policy_name: "DeliverOrderEvents",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "states:StartExecution",
                        "Resource": FulfilmentStateMachine,
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["kinesis:PutRecord", "kinesis:PutRecords"],
                        "Resource": OrdersStream.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": "kms:GenerateDataKey",
                        "Resource": DataKey.Arn,
                    },
                ],
            },
        }],
    })]
    pub struct EventsRole;

    /// Fulfilment: accept the order, then announce it.
    #[resource(AWS::StepFunctions::StateMachine {
        state_machine_type: "STANDARD",
        role_arn: StateMachineRole.Arn,
        definition: {
            "Comment": "Accept a placed order and announce it",
            "StartAt": "MarkAccepted",
            "States": {
                "MarkAccepted": {
                    "Type": "Task",
                    "Resource": sub!("arn:${AWS::Partition}:states:::dynamodb:updateItem"),
                    "Parameters": {
                        "TableName": OrdersTable,
                        "Key": { "orderId": { "S.$": "$.detail.orderId" } },
                        "UpdateExpression": "SET #s = :s",
                        "ExpressionAttributeNames": { "#s": "status" },
                        "ExpressionAttributeValues": { ":s": { "S": "ACCEPTED" } },
                    },
                    "ResultPath": null,
                    "Next": "Announce",
                },
                "Announce": {
                    "Type": "Task",
                    "Resource": sub!("arn:${AWS::Partition}:states:::sns:publish"),
                    "Parameters": {
                        "TopicArn": OrderEventsTopic,
                        "Message.$": "$.detail",
                    },
                    "End": true,
                },
            },
        },
        logging_configuration: {
            level: "ERROR",
            include_execution_data: false,
            destinations: [{
                cloud_watch_logs_log_group: { log_group_arn: StateMachineLogGroup.Arn },
            }],
        },
        tracing_configuration: { enabled: true },
    })]
    pub struct FulfilmentStateMachine;

    /// Role of the fulfilment workflow.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "states.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        policies: [{
            policy_name: "Fulfil",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "dynamodb:UpdateItem",
                        "Resource": OrdersTable.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": "sns:Publish",
                        "Resource": OrderEventsTopic,
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                        "Resource": DataKey.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "logs:CreateLogDelivery",
                            "logs:GetLogDelivery",
                            "logs:UpdateLogDelivery",
                            "logs:DeleteLogDelivery",
                            "logs:ListLogDeliveries",
                            "logs:PutResourcePolicy",
                            "logs:DescribeResourcePolicies",
                            "logs:DescribeLogGroups",
                            "xray:PutTraceSegments",
                            "xray:PutTelemetryRecords",
                            "xray:GetSamplingRules",
                            "xray:GetSamplingTargets",
                        ],
                        "Resource": "*",
                    },
                ],
            },
        }],
    })]
    pub struct StateMachineRole;

    /// The workflow's execution log.
    #[resource(AWS::Logs::LogGroup {
        log_group_name: sub!("/aws/vendedlogs/states/${AWS::StackName}-fulfilment"),
        retention_in_days: 30,
    })]
    pub struct StateMachineLogGroup;

    /// Accepted orders, fanned out to the worker's queue and the notifier.
    #[resource(AWS::SNS::Topic {
        display_name: "Accepted orders",
        kms_master_key_id: DataKey,
    })]
    pub struct OrderEventsTopic;

    /// The worker's queue receives every accepted order.
    #[resource(AWS::SNS::Subscription {
        topic_arn: OrderEventsTopic,
        protocol: "sqs",
        endpoint: OrdersQueue.Arn,
        raw_message_delivery: true,
    })]
    pub struct OrdersQueueSubscription;

    /// The notifier tells the customer.
    #[resource(AWS::SNS::Subscription {
        topic_arn: OrderEventsTopic,
        protocol: "lambda",
        endpoint: NotifierFunction.Arn,
    })]
    pub struct NotifierSubscription;

    /// Orders to ship, drained by the worker.
    #[resource(AWS::SQS::Queue {
        kms_master_key_id: DataKey,
        visibility_timeout: 300,
        receive_message_wait_time_seconds: 20,
        redrive_policy: {
            "deadLetterTargetArn": OrdersDeadLetterQueue.Arn,
            "maxReceiveCount": 5,
        },
    })]
    pub struct OrdersQueue;

    /// Orders the worker failed five times.
    #[resource(AWS::SQS::Queue {
        kms_master_key_id: DataKey,
        message_retention_period: 1209600,
    })]
    pub struct OrdersDeadLetterQueue;

    /// Only the accepted-orders topic sends to the queue.
    #[resource(AWS::SQS::QueuePolicy {
        queues: [OrdersQueue],
        policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "sns.amazonaws.com" },
                "Action": "sqs:SendMessage",
                "Resource": OrdersQueue.Arn,
                "Condition": { "ArnEquals": { "aws:SourceArn": OrderEventsTopic } },
            }],
        },
    })]
    pub struct OrdersQueuePolicy;

    /// Operators' alerts.
    #[resource(AWS::SNS::Topic {
        display_name: "Order processing alerts",
        kms_master_key_id: DataKey,
    })]
    pub struct AlertsTopic;

    /// Alerts go to the operators' mailbox.
    #[resource(AWS::SNS::Subscription {
        topic_arn: AlertsTopic,
        protocol: "email",
        endpoint: AlarmEmail,
    })]
    pub struct AlertsEmailSubscription;

    /// CloudWatch alarms publish to the alerts topic.
    #[resource(AWS::SNS::TopicPolicy {
        topics: [AlertsTopic],
        policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "AlarmsPublish",
                "Effect": "Allow",
                "Principal": { "Service": "cloudwatch.amazonaws.com" },
                "Action": "sns:Publish",
                "Resource": AlertsTopic,
                "Condition": { "StringEquals": { "aws:SourceAccount": AWS::AccountId } },
            }],
        },
    })]
    pub struct AlertsTopicPolicy;

    // ----------------------------------------------------------------------
    // The HTTP API and its functions
    // ----------------------------------------------------------------------

    /// Customers sign in here.
    #[resource(AWS::Cognito::UserPool {
        user_pool_name: sub!("${AWS::StackName}-customers"),
        username_attributes: ["email"],
        auto_verified_attributes: ["email"],
        policies: {
            password_policy: {
                minimum_length: 12,
                require_lowercase: true,
                require_numbers: true,
                require_symbols: false,
                require_uppercase: true,
            },
        },
        account_recovery_setting: {
            recovery_mechanisms: [{ name: "verified_email", priority: 1 }],
        },
    })]
    pub struct CustomerPool;

    /// The web shop's client of the user pool.
    #[resource(AWS::Cognito::UserPoolClient {
        user_pool_id: CustomerPool,
        client_name: "web-shop",
        generate_secret: false,
        explicit_auth_flows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        prevent_user_existence_errors: "ENABLED",
    })]
    pub struct WebShopClient;

    /// The public HTTP API.
    #[resource(AWS::ApiGatewayV2::Api {
        name: sub!("${AWS::StackName}-api"),
        protocol_type: "HTTP",
        cors_configuration: {
            allow_origins: ["https://shop.example.com"],
            allow_methods: ["GET", "POST"],
            allow_headers: ["authorization", "content-type"],
        },
    })]
    pub struct HttpApi;

    /// Requests need a token from the customer pool.
    #[resource(AWS::ApiGatewayV2::Authorizer {
        api_id: HttpApi,
        name: "customers",
        authorizer_type: "JWT",
        identity_source: ["$request.header.Authorization"],
        jwt_configuration: {
            audience: [WebShopClient],
            issuer: sub!("https://cognito-idp.${AWS::Region}.amazonaws.com/${CustomerPool}"),
        },
    })]
    pub struct ApiAuthorizer;

    /// Every route goes to the API function.
    #[resource(AWS::ApiGatewayV2::Integration {
        api_id: HttpApi,
        integration_type: "AWS_PROXY",
        integration_uri: ApiFunction.Arn,
        payload_format_version: "2.0",
    })]
    pub struct ApiIntegration;

    /// The API's routes.
    #[repeat(for (name, route_key) in [("CreateOrder", "POST /orders"), ("GetOrder", "GET /orders/{orderId}")])]
    #[resource(AWS::ApiGatewayV2::Route {
        api_id: HttpApi,
        route_key: route_key,
        target: sub!("integrations/${ApiIntegration}"),
        authorization_type: "JWT",
        authorizer_id: ApiAuthorizer,
    })]
    pub struct ApiRoute;

    /// The default stage, deployed on every change, with access logs.
    #[resource(AWS::ApiGatewayV2::Stage {
        api_id: HttpApi,
        stage_name: "$default",
        auto_deploy: true,
        default_route_settings: { throttling_burst_limit: 100, throttling_rate_limit: 50 },
        access_log_settings: {
            destination_arn: ApiAccessLogGroup.Arn,
            format: "{\"requestId\":\"$context.requestId\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\"}",
        },
    })]
    pub struct ApiStage;

    /// The API's access log.
    #[resource(AWS::Logs::LogGroup { retention_in_days: 30 })]
    pub struct ApiAccessLogGroup;

    /// Handles the API's routes.
    #[resource(AWS::Lambda::Function {
        description: "Order API",
        runtime: "python3.13",
        handler: "index.handler",
        memory_size: 256,
        timeout: 10,
        role: ApiFunctionRole.Arn,
        code: { zip_file: include_str!("lambda/orders_api.py") },
        environment: {
            variables: {
                "TABLE_NAME": OrdersTable,
                "EVENT_BUS_NAME": OrdersEventBus,
            },
        },
        logging_config: { log_group: ApiFunctionLogGroup, log_format: "JSON" },
        tracing_config: { mode: "Active" },
    })]
    pub struct ApiFunction;

    /// The API may invoke the function, from this API only.
    #[resource(AWS::Lambda::Permission {
        action: "lambda:InvokeFunction",
        function_name: ApiFunction.Arn,
        principal: "apigateway.amazonaws.com",
        source_arn: sub!("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*"),
    })]
    pub struct ApiInvokePermission;

    /// The API function's log.
    #[resource(AWS::Logs::LogGroup { retention_in_days: 30 })]
    pub struct ApiFunctionLogGroup;

    /// Role of the API function: the table (through `OrdersTableAccess`)
    /// and the event bus.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "lambda.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        managed_policy_arns: [
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            sub!("arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"),
        ],
        policies: [{
            policy_name: "PutOrderEvents",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Action": "events:PutEvents",
                    "Resource": OrdersEventBus.Arn,
                }],
            },
        }],
    })]
    pub struct ApiFunctionRole;

    /// Reading and writing orders, shared by the API function and the worker.
    #[resource(AWS::IAM::Policy {
        policy_name: "OrdersTableAccess",
        roles: [ApiFunctionRole, WorkerTaskRole],
        policy_document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": [
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:Query",
                    ],
                    "Resource": OrdersTable.Arn,
                },
                {
                    "Effect": "Allow",
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                    "Resource": DataKey.Arn,
                },
            ],
        },
    })]
    pub struct OrdersTableAccess;

    /// Tells customers that their order was accepted.
    #[resource(AWS::Lambda::Function {
        description: "Order notifications",
        runtime: "python3.13",
        handler: "index.handler",
        memory_size: 128,
        timeout: 10,
        role: NotifierFunctionRole.Arn,
        code: { zip_file: include_str!("lambda/orders_notifier.py") },
        logging_config: { log_group: NotifierFunctionLogGroup },
    })]
    pub struct NotifierFunction;

    /// The accepted-orders topic may invoke the notifier.
    #[resource(AWS::Lambda::Permission {
        action: "lambda:InvokeFunction",
        function_name: NotifierFunction,
        principal: "sns.amazonaws.com",
        source_arn: OrderEventsTopic,
    })]
    pub struct NotifierInvokePermission;

    /// The notifier's log.
    #[resource(AWS::Logs::LogGroup { retention_in_days: 30 })]
    pub struct NotifierFunctionLogGroup;

    /// Role of the notifier: its log only.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "lambda.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        managed_policy_arns: [
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
        ],
    })]
    pub struct NotifierFunctionRole;

    /// Reports dead-lettered orders to the operators.
    #[resource(AWS::Lambda::Function {
        description: "Dead-lettered orders",
        runtime: "python3.13",
        handler: "index.handler",
        memory_size: 128,
        timeout: 30,
        role: DeadLetterFunctionRole.Arn,
        code: { zip_file: include_str!("lambda/dead_letter.py") },
        environment: { variables: { "ALERTS_TOPIC_ARN": AlertsTopic } },
        logging_config: { log_group: DeadLetterFunctionLogGroup },
    })]
    pub struct DeadLetterFunction;

    /// The dead-letter queue feeds the function.
    #[resource(AWS::Lambda::EventSourceMapping {
        event_source_arn: OrdersDeadLetterQueue.Arn,
        function_name: DeadLetterFunction,
        batch_size: 10,
    })]
    pub struct DeadLetterEventSource;

    /// The dead-letter function's log.
    #[resource(AWS::Logs::LogGroup { retention_in_days: 30 })]
    pub struct DeadLetterFunctionLogGroup;

    /// Role of the dead-letter function: read the queue, publish alerts.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "lambda.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        managed_policy_arns: [
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
        ],
        policies: [{
            policy_name: "ReportDeadLetters",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
                        "Resource": OrdersDeadLetterQueue.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": "sns:Publish",
                        "Resource": AlertsTopic,
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                        "Resource": DataKey.Arn,
                    },
                ],
            },
        }],
    })]
    pub struct DeadLetterFunctionRole;

    // ----------------------------------------------------------------------
    // The worker: an ECS service on Fargate, its image and its build
    // ----------------------------------------------------------------------

    /// The worker's images.
    #[resource(AWS::ECR::Repository {
        image_scanning_configuration: { scan_on_push: true },
        image_tag_mutability: "MUTABLE",
        lifecycle_policy: {
            lifecycle_policy_text: "{\"rules\":[{\"rulePriority\":1,\"description\":\"Keep 20 images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":20},\"action\":{\"type\":\"expire\"}}]}",
        },
    })]
    pub struct WorkerRepository;

    /// Builds the worker's image from `source/worker.zip` in the archive
    /// bucket and pushes it to the repository.
    #[resource(AWS::CodeBuild::Project {
        description: "Builds the order worker's image",
        service_role: CodeBuildRole.Arn,
        encryption_key: DataKey.Arn,
        artifacts: { type: "NO_ARTIFACTS" },
        source: {
            type: "S3",
            location: sub!("${ArchiveBucket}/source/worker.zip"),
            build_spec: "version: 0.2\nphases:\n  build:\n    commands:\n      - aws ecr get-login-password | docker login --username AWS --password-stdin ${REPOSITORY_URI%%/*}\n      - docker build -t $REPOSITORY_URI:latest .\n      - docker push $REPOSITORY_URI:latest\n",
        },
        environment: {
            type: "LINUX_CONTAINER",
            compute_type: "BUILD_GENERAL1_SMALL",
            image: "aws/codebuild/standard:7.0",
            privileged_mode: true,
            environment_variables: [
                { name: "REPOSITORY_URI", value: WorkerRepository.RepositoryUri },
            ],
        },
        logs_config: {
            cloud_watch_logs: { status: "ENABLED", group_name: BuildLogGroup },
        },
        timeout_in_minutes: 30,
    })]
    pub struct WorkerImageBuild;

    /// The image build's log.
    #[resource(AWS::Logs::LogGroup { retention_in_days: 14 })]
    pub struct BuildLogGroup;

    /// Role of the image build.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "codebuild.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        policies: [{
            policy_name: "BuildWorkerImage",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                        "Resource": BuildLogGroup.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                        "Resource": sub!("${ArchiveBucket.Arn}/source/*"),
                    },
                    {
                        "Effect": "Allow",
                        "Action": "ecr:GetAuthorizationToken",
                        "Resource": "*",
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "ecr:BatchCheckLayerAvailability",
                            "ecr:CompleteLayerUpload",
                            "ecr:InitiateLayerUpload",
                            "ecr:PutImage",
                            "ecr:UploadLayerPart",
                        ],
                        "Resource": WorkerRepository.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                        "Resource": DataKey.Arn,
                    },
                ],
            },
        }],
    })]
    pub struct CodeBuildRole;

    /// Rebuilds the worker's image every night, for base-image patches.
    #[resource(AWS::Scheduler::Schedule {
        description: "Nightly rebuild of the worker image",
        schedule_expression: "cron(0 2 * * ? *)",
        flexible_time_window: { mode: "FLEXIBLE", maximum_window_in_minutes: 60 },
        target: {
            arn: sub!("arn:${AWS::Partition}:scheduler:::aws-sdk:codebuild:startBuild"),
            role_arn: SchedulerRole.Arn,
            input: sub!("{\"ProjectName\":\"${WorkerImageBuild}\"}"),
        },
    })]
    pub struct NightlyImageBuild;

    /// Role the schedule starts builds with.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "scheduler.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        policies: [{
            policy_name: "StartImageBuild",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Action": "codebuild:StartBuild",
                    "Resource": WorkerImageBuild.Arn,
                }],
            },
        }],
    })]
    pub struct SchedulerRole;

    /// The worker's cluster.
    #[resource(AWS::ECS::Cluster {
        cluster_settings: [{ name: "containerInsights", value: "enabled" }],
    })]
    pub struct Cluster;

    /// The worker's log.
    #[resource(AWS::Logs::LogGroup { retention_in_days: 30 })]
    pub struct WorkerLogGroup;

    /// Counts the worker's errors.
    #[resource(AWS::Logs::MetricFilter {
        log_group_name: WorkerLogGroup,
        filter_pattern: "ERROR",
        metric_transformations: [{
            metric_namespace: "Orders",
            metric_name: "WorkerErrors",
            metric_value: "1",
            default_value: 0,
        }],
    })]
    pub struct WorkerErrorsMetricFilter;

    /// Role ECS pulls the image, writes the log and reads the secret with.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "ecs-tasks.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        managed_policy_arns: [
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
        ],
        policies: [{
            policy_name: "ReadShippingApiKey",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "secretsmanager:GetSecretValue",
                        "Resource": ShippingApiKey,
                    },
                    {
                        "Effect": "Allow",
                        "Action": "kms:Decrypt",
                        "Resource": DataKey.Arn,
                    },
                ],
            },
        }],
    })]
    pub struct WorkerExecutionRole;

    /// Role the worker's code runs with: the queue, the flags, and the
    /// table (through `OrdersTableAccess`).
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "ecs-tasks.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        policies: [{
            policy_name: "ShipOrders",
            policy_document: {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "sqs:ReceiveMessage",
                            "sqs:DeleteMessage",
                            "sqs:ChangeMessageVisibility",
                            "sqs:GetQueueAttributes",
                        ],
                        "Resource": OrdersQueue.Arn,
                    },
                    {
                        "Effect": "Allow",
                        "Action": [
                            "appconfig:StartConfigurationSession",
                            "appconfig:GetLatestConfiguration",
                        ],
                        "Resource": sub!("arn:${AWS::Partition}:appconfig:${AWS::Region}:${AWS::AccountId}:application/${ConfigApplication}/environment/${ConfigEnvironment}/configuration/${FeatureFlagsProfile}"),
                    },
                ],
            },
        }],
    })]
    pub struct WorkerTaskRole;

    /// The worker: reads the queue, calls the shipping partner, updates
    /// the table.
    #[resource(AWS::ECS::TaskDefinition {
        family: sub!("${AWS::StackName}-worker"),
        requires_compatibilities: ["FARGATE"],
        network_mode: "awsvpc",
        cpu: "256",
        memory: "512",
        execution_role_arn: WorkerExecutionRole.Arn,
        task_role_arn: WorkerTaskRole.Arn,
        runtime_platform: { cpu_architecture: "X86_64", operating_system_family: "LINUX" },
        container_definitions: [{
            name: "worker",
            image: sub!("${WorkerRepository.RepositoryUri}:${WorkerImageTag}"),
            essential: true,
            port_mappings: [{ container_port: 8080 }],
            environment: [
                { name: "QUEUE_URL", value: OrdersQueue },
                { name: "TABLE_NAME", value: OrdersTable },
                { name: "APPCONFIG_APPLICATION", value: ConfigApplication },
                { name: "APPCONFIG_ENVIRONMENT", value: ConfigEnvironment },
                { name: "APPCONFIG_PROFILE", value: FeatureFlagsProfile },
            ],
            secrets: [{ name: "SHIPPING_API_KEY", value_from: ShippingApiKey }],
            log_configuration: {
                log_driver: "awslogs",
                options: {
                    "awslogs-group": WorkerLogGroup,
                    "awslogs-region": AWS::Region,
                    "awslogs-stream-prefix": "worker",
                },
            },
        }],
    })]
    pub struct WorkerTaskDefinition;

    /// The worker's service: Fargate tasks in the private subnets,
    /// registered in Cloud Map.
    #[resource(AWS::ECS::Service {
        cluster: Cluster,
        task_definition: WorkerTaskDefinition,
        launch_type: "FARGATE",
        // No task until orders wait: the scaling policies below start them.
        desired_count: 0,
        network_configuration: {
            awsvpc_configuration: {
                assign_public_ip: "DISABLED",
                subnets: [PrivateSubnetA, PrivateSubnetB],
                security_groups: [WorkerSecurityGroup],
            },
        },
        service_registries: [{ registry_arn: WorkerDiscoveryService.Arn }],
        deployment_configuration: {
            maximum_percent: 200,
            minimum_healthy_percent: 100,
            deployment_circuit_breaker: { enable: true, rollback: true },
        },
    })]
    #[depends_on(
        InterfaceEndpointEcrApi,
        InterfaceEndpointEcrDkr,
        InterfaceEndpointLogs,
        GatewayEndpointS3,
        PrivateDefaultRoute,
        PrivateSubnetRouteTableAssociationA,
        PrivateSubnetRouteTableAssociationB
    )]
    pub struct WorkerService;

    /// The worker runs no task while the queue is empty, up to ten while
    /// orders wait (as the CDK's `QueueProcessingFargateService` scales).
    #[resource(AWS::ApplicationAutoScaling::ScalableTarget {
        service_namespace: "ecs",
        scalable_dimension: "ecs:service:DesiredCount",
        resource_id: sub!("service/${Cluster}/${WorkerService.Name}"),
        min_capacity: 0,
        max_capacity: 10,
    })]
    pub struct WorkerScalableTarget;

    /// One more task while orders wait, three more while a hundred do.
    #[resource(AWS::ApplicationAutoScaling::ScalingPolicy {
        policy_name: "scale-out-on-queue-depth",
        policy_type: "StepScaling",
        scaling_target_id: WorkerScalableTarget,
        step_scaling_policy_configuration: {
            adjustment_type: "ChangeInCapacity",
            cooldown: 60,
            metric_aggregation_type: "Maximum",
            step_adjustments: [
                { metric_interval_lower_bound: 0, metric_interval_upper_bound: 99, scaling_adjustment: 1 },
                { metric_interval_lower_bound: 99, scaling_adjustment: 3 },
            ],
        },
    })]
    pub struct WorkerScaleOutPolicy;

    /// One task less while the queue is empty.
    #[resource(AWS::ApplicationAutoScaling::ScalingPolicy {
        policy_name: "scale-in-on-empty-queue",
        policy_type: "StepScaling",
        scaling_target_id: WorkerScalableTarget,
        step_scaling_policy_configuration: {
            adjustment_type: "ChangeInCapacity",
            cooldown: 300,
            metric_aggregation_type: "Maximum",
            step_adjustments: [{ metric_interval_upper_bound: 0, scaling_adjustment: -1 }],
        },
    })]
    pub struct WorkerScaleInPolicy;

    // ----------------------------------------------------------------------
    // Operations: alarms, dashboard, backups
    // ----------------------------------------------------------------------

    /// Orders wait: scale the worker out.
    #[resource(AWS::CloudWatch::Alarm {
        alarm_description: "Orders are waiting: scale the worker out",
        namespace: "AWS/SQS",
        metric_name: "ApproximateNumberOfMessagesVisible",
        dimensions: [{ name: "QueueName", value: OrdersQueue.QueueName }],
        statistic: "Maximum",
        period: 60,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        alarm_actions: [WorkerScaleOutPolicy],
    })]
    pub struct QueueDepthHighAlarm;

    /// The queue has been empty for a quarter of an hour: scale in.
    #[resource(AWS::CloudWatch::Alarm {
        alarm_description: "No orders waiting: scale the worker in",
        namespace: "AWS/SQS",
        metric_name: "ApproximateNumberOfMessagesVisible",
        dimensions: [{ name: "QueueName", value: OrdersQueue.QueueName }],
        statistic: "Maximum",
        period: 300,
        evaluation_periods: 3,
        threshold: 0,
        comparison_operator: "LessThanOrEqualToThreshold",
        alarm_actions: [WorkerScaleInPolicy],
    })]
    pub struct QueueEmptyAlarm;

    /// An order reached the dead-letter queue.
    #[resource(AWS::CloudWatch::Alarm {
        alarm_description: "Orders failed processing",
        namespace: "AWS/SQS",
        metric_name: "ApproximateNumberOfMessagesVisible",
        dimensions: [{ name: "QueueName", value: OrdersDeadLetterQueue.QueueName }],
        statistic: "Maximum",
        period: 300,
        evaluation_periods: 1,
        threshold: 1,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        treat_missing_data: "notBreaching",
        alarm_actions: [AlertsTopic],
    })]
    pub struct DeadLetterAlarm;

    /// The API function fails.
    #[resource(AWS::CloudWatch::Alarm {
        alarm_description: "The order API fails",
        namespace: "AWS/Lambda",
        metric_name: "Errors",
        dimensions: [{ name: "FunctionName", value: ApiFunction }],
        statistic: "Sum",
        period: 300,
        evaluation_periods: 1,
        threshold: 5,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        treat_missing_data: "notBreaching",
        alarm_actions: [AlertsTopic],
        ok_actions: [AlertsTopic],
    })]
    pub struct ApiErrorsAlarm;

    /// The worker logs errors.
    #[resource(AWS::CloudWatch::Alarm {
        alarm_description: "The order worker logs errors",
        namespace: "Orders",
        metric_name: "WorkerErrors",
        statistic: "Sum",
        period: 300,
        evaluation_periods: 1,
        threshold: 10,
        comparison_operator: "GreaterThanOrEqualToThreshold",
        treat_missing_data: "notBreaching",
        alarm_actions: [AlertsTopic],
    })]
    #[depends_on(WorkerErrorsMetricFilter)]
    pub struct WorkerErrorsAlarm;

    /// Queue depth, API errors and worker errors on one page.
    #[resource(AWS::CloudWatch::Dashboard {
        dashboard_name: sub!("${AWS::StackName}-orders"),
        dashboard_body: sub!("{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,\"width\":12,\"height\":6,\"properties\":{\"title\":\"Orders waiting\",\"region\":\"${AWS::Region}\",\"stat\":\"Maximum\",\"metrics\":[[\"AWS/SQS\",\"ApproximateNumberOfMessagesVisible\",\"QueueName\",\"${OrdersQueue.QueueName}\"],[\"AWS/SQS\",\"ApproximateNumberOfMessagesVisible\",\"QueueName\",\"${OrdersDeadLetterQueue.QueueName}\"]]}},{\"type\":\"metric\",\"x\":12,\"y\":0,\"width\":12,\"height\":6,\"properties\":{\"title\":\"Errors\",\"region\":\"${AWS::Region}\",\"stat\":\"Sum\",\"metrics\":[[\"AWS/Lambda\",\"Errors\",\"FunctionName\",\"${ApiFunction}\"],[\"Orders\",\"WorkerErrors\"]]}}]}"),
    })]
    pub struct OperationsDashboard;

    /// Where the table's backups are kept, encrypted with the data key.
    #[resource(AWS::Backup::BackupVault {
        backup_vault_name: sub!("${AWS::StackName}-orders"),
        encryption_key_arn: DataKey.Arn,
    })]
    #[deletion_policy(Retain)]
    #[update_replace_policy(Retain)]
    pub struct BackupVault;

    /// A daily backup, kept five weeks.
    #[resource(AWS::Backup::BackupPlan {
        backup_plan: {
            backup_plan_name: sub!("${AWS::StackName}-daily"),
            backup_plan_rule: [{
                rule_name: "daily",
                target_backup_vault: BackupVault,
                schedule_expression: "cron(0 3 * * ? *)",
                lifecycle: { delete_after_days: 35 },
            }],
        },
    })]
    pub struct BackupPlan;

    /// The plan backs up the orders table.
    #[resource(AWS::Backup::BackupSelection {
        backup_plan_id: BackupPlan,
        backup_selection: {
            selection_name: "orders-table",
            iam_role_arn: BackupRole.Arn,
            resources: [OrdersTable.Arn],
        },
    })]
    pub struct BackupSelection;

    /// Role AWS Backup backs the table up with.
    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": { "Service": "backup.amazonaws.com" },
                "Action": "sts:AssumeRole",
            }],
        },
        managed_policy_arns: [
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"),
            sub!("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"),
        ],
    })]
    pub struct BackupRole;

    // ----------------------------------------------------------------------
    // Outputs
    // ----------------------------------------------------------------------

    /// Base URL of the HTTP API
    #[output(HttpApi.ApiEndpoint)]
    pub struct ApiUrl;

    /// Id of the customer user pool
    #[output(CustomerPool)]
    pub struct UserPoolId;

    /// Id of the web shop's user pool client
    #[output(WebShopClient)]
    pub struct UserPoolClientId;

    /// URI of the worker's image repository
    #[output(WorkerRepository.RepositoryUri)]
    pub struct WorkerRepositoryUri;

    /// Name of the archive bucket
    #[output(ArchiveBucket)]
    pub struct ArchiveBucketName;
}

fn main() -> ExitCode {
    ecsnet::cli::main(&orders::template())
}
