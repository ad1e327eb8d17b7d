//! Values of an ordinary web stack (a VPC, a load balancer, a Fargate service, a function, a database,
//! a table, ...) break no constraint: a stack that deploys must compile.
//! Each value here is what such a stack holds, with `Unknown` where it would
//! reference another resource.

use ecsnet_schema::validate::{Instance as I, validate};
fn s(x: &str) -> I {
    I::String(x.into())
}
fn n(x: f64) -> I {
    I::Number(x)
}
fn a(v: Vec<I>) -> I {
    I::Array(v)
}
fn o(v: Vec<(&str, I)>) -> I {
    I::Object(v.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}
#[test]
#[expect(clippy::too_many_lines, reason = "one stack, one list")]
fn an_ordinary_stack_breaks_nothing() {
    let cases = vec![
        (
            "AWS::ECS::TaskDefinition",
            o(vec![
                ("Family", s("web")),
                ("Cpu", s("256")),
                ("Memory", s("512")),
                ("NetworkMode", s("awsvpc")),
                ("RequiresCompatibilities", a(vec![s("FARGATE")])),
                ("ExecutionRoleArn", I::Unknown),
                (
                    "ContainerDefinitions",
                    a(vec![o(vec![
                        ("Name", s("web")),
                        ("Image", s("nginx:1.27")),
                        ("Essential", I::Bool(true)),
                        (
                            "PortMappings",
                            a(vec![o(vec![
                                ("ContainerPort", n(80.0)),
                                ("Protocol", s("tcp")),
                            ])]),
                        ),
                        (
                            "LogConfiguration",
                            o(vec![
                                ("LogDriver", s("awslogs")),
                                (
                                    "Options",
                                    o(vec![
                                        ("awslogs-group", I::Unknown),
                                        ("awslogs-region", s("us-east-1")),
                                        ("awslogs-stream-prefix", s("web")),
                                    ]),
                                ),
                            ]),
                        ),
                    ])]),
                ),
            ]),
        ),
        (
            "AWS::ECS::TaskDefinition",
            o(vec![
                ("Cpu", s("1 vCPU")),
                ("Memory", s("2GB")),
                ("RequiresCompatibilities", a(vec![s("FARGATE")])),
                ("NetworkMode", s("awsvpc")),
            ]),
        ),
        (
            "AWS::ECS::Service",
            o(vec![
                ("Cluster", I::Unknown),
                ("TaskDefinition", I::Unknown),
                ("DesiredCount", n(2.0)),
                ("LaunchType", s("FARGATE")),
                (
                    "NetworkConfiguration",
                    o(vec![(
                        "AwsvpcConfiguration",
                        o(vec![
                            ("Subnets", a(vec![I::Unknown, I::Unknown])),
                            ("SecurityGroups", a(vec![I::Unknown])),
                            ("AssignPublicIp", s("DISABLED")),
                        ]),
                    )]),
                ),
                (
                    "LoadBalancers",
                    a(vec![o(vec![
                        ("ContainerName", s("web")),
                        ("ContainerPort", n(80.0)),
                        ("TargetGroupArn", I::Unknown),
                    ])]),
                ),
            ]),
        ),
        (
            "AWS::ElasticLoadBalancingV2::TargetGroup",
            o(vec![
                ("Port", n(80.0)),
                ("Protocol", s("HTTP")),
                ("TargetType", s("ip")),
                ("VpcId", I::Unknown),
                ("HealthCheckPath", s("/health")),
                ("Matcher", o(vec![("HttpCode", s("200-299"))])),
            ]),
        ),
        (
            "AWS::ElasticLoadBalancingV2::Listener",
            o(vec![
                ("LoadBalancerArn", I::Unknown),
                ("Port", n(443.0)),
                ("Protocol", s("HTTPS")),
                (
                    "Certificates",
                    a(vec![o(vec![("CertificateArn", I::Unknown)])]),
                ),
                (
                    "DefaultActions",
                    a(vec![o(vec![
                        ("Type", s("forward")),
                        ("TargetGroupArn", I::Unknown),
                    ])]),
                ),
            ]),
        ),
        (
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            o(vec![
                ("Type", s("application")),
                ("Scheme", s("internet-facing")),
                ("Subnets", a(vec![I::Unknown, I::Unknown])),
                ("SecurityGroups", a(vec![I::Unknown])),
            ]),
        ),
        (
            "AWS::EC2::SecurityGroup",
            o(vec![
                ("GroupDescription", s("web")),
                ("VpcId", I::Unknown),
                (
                    "SecurityGroupIngress",
                    a(vec![o(vec![
                        ("IpProtocol", s("tcp")),
                        ("FromPort", n(443.0)),
                        ("ToPort", n(443.0)),
                        ("CidrIp", s("0.0.0.0/0")),
                    ])]),
                ),
            ]),
        ),
        (
            "AWS::EC2::VPC",
            o(vec![
                ("CidrBlock", s("10.0.0.0/16")),
                ("EnableDnsHostnames", I::Bool(true)),
                (
                    "Tags",
                    a(vec![o(vec![("Key", s("Name")), ("Value", s("main"))])]),
                ),
            ]),
        ),
        (
            "AWS::EC2::Subnet",
            o(vec![
                ("VpcId", I::Unknown),
                ("CidrBlock", s("10.0.1.0/24")),
                ("AvailabilityZone", I::Unknown),
                ("MapPublicIpOnLaunch", I::Bool(true)),
            ]),
        ),
        (
            "AWS::Lambda::Function",
            o(vec![
                ("Runtime", s("python3.12")),
                ("Handler", s("index.handler")),
                ("Role", I::Unknown),
                ("Code", o(vec![("ZipFile", s("def handler(e, c): pass"))])),
                ("MemorySize", n(256.0)),
                ("Timeout", n(30.0)),
                (
                    "Environment",
                    o(vec![("Variables", o(vec![("TABLE", I::Unknown)]))]),
                ),
            ]),
        ),
        (
            "AWS::RDS::DBInstance",
            o(vec![
                ("Engine", s("postgres")),
                ("EngineVersion", s("17.4")),
                ("DBInstanceClass", s("db.t3.micro")),
                ("AllocatedStorage", s("20")),
                ("MasterUsername", s("admin")),
                ("MasterUserPassword", I::Unknown),
                ("BackupRetentionPeriod", n(7.0)),
            ]),
        ),
        (
            "AWS::S3::Bucket",
            o(vec![
                ("BucketName", s("my-bucket-123")),
                ("VersioningConfiguration", o(vec![("Status", s("Enabled"))])),
                (
                    "BucketEncryption",
                    o(vec![(
                        "ServerSideEncryptionConfiguration",
                        a(vec![o(vec![(
                            "ServerSideEncryptionByDefault",
                            o(vec![("SSEAlgorithm", s("AES256"))]),
                        )])]),
                    )]),
                ),
            ]),
        ),
        (
            "AWS::IAM::Role",
            o(vec![
                (
                    "AssumeRolePolicyDocument",
                    o(vec![
                        ("Version", s("2012-10-17")),
                        (
                            "Statement",
                            a(vec![o(vec![
                                ("Effect", s("Allow")),
                                (
                                    "Principal",
                                    o(vec![("Service", s("ecs-tasks.amazonaws.com"))]),
                                ),
                                ("Action", s("sts:AssumeRole")),
                            ])]),
                        ),
                    ]),
                ),
                (
                    "ManagedPolicyArns",
                    a(vec![s(
                        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                    )]),
                ),
            ]),
        ),
        (
            "AWS::Logs::LogGroup",
            o(vec![
                ("LogGroupName", s("/ecs/web")),
                ("RetentionInDays", n(14.0)),
            ]),
        ),
        (
            "AWS::CloudWatch::Alarm",
            o(vec![
                ("AlarmName", s("cpu")),
                ("MetricName", s("CPUUtilization")),
                ("Namespace", s("AWS/ECS")),
                ("Statistic", s("Average")),
                ("Period", n(60.0)),
                ("EvaluationPeriods", n(1.0)),
                ("Threshold", n(80.0)),
                ("ComparisonOperator", s("GreaterThanThreshold")),
                (
                    "Dimensions",
                    a(vec![o(vec![
                        ("Name", s("ClusterName")),
                        ("Value", I::Unknown),
                    ])]),
                ),
            ]),
        ),
        (
            "AWS::DynamoDB::Table",
            o(vec![
                ("BillingMode", s("PAY_PER_REQUEST")),
                (
                    "AttributeDefinitions",
                    a(vec![o(vec![
                        ("AttributeName", s("pk")),
                        ("AttributeType", s("S")),
                    ])]),
                ),
                (
                    "KeySchema",
                    a(vec![o(vec![
                        ("AttributeName", s("pk")),
                        ("KeyType", s("HASH")),
                    ])]),
                ),
            ]),
        ),
        (
            "AWS::SQS::Queue",
            o(vec![
                ("QueueName", s("jobs.fifo")),
                ("FifoQueue", I::Bool(true)),
                ("VisibilityTimeout", n(60.0)),
            ]),
        ),
    ];
    for (t, c) in cases {
        let v = validate(t, &c);
        println!("== {t}: {}", v.len());
        for v in v {
            println!(
                "  {:?} {:?} [{}] {}: {}",
                v.level, v.path, v.keyword, v.source, v.message
            );
        }
    }
}
