//! The passing neighbours of `tests/ui/values/`: each resource meets the constraint its failing twin breaks, and a value known only at deployment is never judged.
#![deny(warnings)]
use ecsnet::prelude::*;

#[stack]
mod neighbours {
    /// A bucket name chosen at deployment: nothing is reported about it.
    #[parameter(String)]
    struct BucketName;

    #[parameter(AWS::EC2::VPC::Id, cidr = "10.0.0.0/16")]
    struct VpcId;

    // ANCHOR: here
    #[resource(AWS::S3::Bucket { bucket_name: "todobackend-static" })]
    struct StaticFiles;

    #[resource(AWS::S3::Bucket { bucket_name: BucketName })]
    struct Uploads;

    #[resource(AWS::Logs::Delivery {
        delivery_source_name: "todobackend",
        delivery_destination_arn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:archive",
        field_delimiter: " | ",
    })]
    struct Delivery;

    #[resource(AWS::AppConfig::DeploymentStrategy {
        name: "Canary",
        deployment_duration_in_minutes: 30,
        growth_factor: 12.5,
        replicate_to: "NONE",
    })]
    struct Strategy;

    #[resource(AWS::ACMPCA::Permission {
        actions: ["IssueCertificate", "GetCertificate", "ListPermissions"],
        certificate_authority_arn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d",
        principal: "acm.amazonaws.com",
    })]
    struct AcmMayIssue;

    #[resource(AWS::AppRunner::VpcConnector {
        subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"],
    })]
    struct Connector;

    #[resource(AWS::ApplicationAutoScaling::ScalingPolicy {
        policy_name: "cpu",
        policy_type: "TargetTrackingScaling",
        resource_id: "service/todobackend/web",
        scalable_dimension: "ecs:service:DesiredCount",
        service_namespace: "ecs",
        target_tracking_scaling_policy_configuration: {
            predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" },
            target_value: 50,
        },
    })]
    struct CpuTracking;

    #[resource(AWS::DynamoDB::GlobalTable {
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
        billing_mode: "PAY_PER_REQUEST",
        replicas: [{
            region: "us-east-1",
            point_in_time_recovery_specification: {
                point_in_time_recovery_enabled: true,
                recovery_period_in_days: 7,
            },
        }],
    })]
    struct GlobalTodos;

    #[resource(AWS::EC2::Subnet {
        availability_zone_id: "use1-az1",
        cidr_block: "10.0.1.0/24",
        vpc_id: VpcId,
    })]
    struct PrivateSubnet;

    #[resource(AWS::RDS::GlobalCluster {
        global_cluster_identifier: "todobackend",
        engine: "aurora-mysql",
    })]
    struct Global;

    #[resource(AWS::DynamoDB::Table {
        attribute_definitions: [{ attribute_name: "id", attribute_type: "S" }],
        key_schema: [{ attribute_name: "id", key_type: "HASH" }],
        billing_mode: "PROVISIONED",
        provisioned_throughput: { read_capacity_units: 5, write_capacity_units: 5 },
        warm_throughput: { read_units_per_second: 12000 },
    })]
    struct Todos;

    #[resource(AWS::CloudWatch::MetricStream {
        firehose_arn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics",
        role_arn: "arn:aws:iam::123456789012:role/metric-stream",
        output_format: "json",
    })]
    struct Stream;

    #[resource(AWS::IAM::Role {
        assume_role_policy_document: {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }],
        },
    })]
    struct HandlerRole;

    #[resource(AWS::Lambda::Function {
        code: { zip_file: "def handler(event, context):\n    return None\n" },
        handler: "index.handler",
        role: HandlerRole.Arn,
        runtime: "python3.13",
        environment: { variables: { "TABLE": Todos } },
    })]
    struct Handler;

    #[resource(AWS::RDS::DBInstance {
        engine: "MySQL",
        engine_version: "8.4.7",
        db_instance_class: "db.t3.micro",
        allocated_storage: "10",
        master_username: "todobackend",
        master_user_password: "change-me-please",
    })]
    struct ApplicationDatabase;
    // ANCHOR_END: here
}

fn main() {
    let template = neighbours::template().to_json();
    assert!(template.contains("\"python3.13\""));
}
