//! The constraints of real types, one keyword at a time: each case is a
//! (type, property path, violating value, passing value) a stack could hold,
//! with the message the violation gets. The same cases serve as examples for
//! the macro's compile-fail tests.

use ecsnet_schema::validate::{Instance, Level, PathItem, Source, validate};

fn s(v: &str) -> Instance {
    Instance::String(v.to_string())
}

fn n(v: f64) -> Instance {
    Instance::Number(v)
}

fn obj(members: &[(&str, Instance)]) -> Instance {
    Instance::Object(
        members
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect(),
    )
}

fn arr(items: &[Instance]) -> Instance {
    Instance::Array(items.to_vec())
}

fn key(k: &str) -> PathItem {
    PathItem::Key(k.to_string())
}

/// `bad` gives exactly `message` (at `path`, with `level`), `good` gives
/// nothing, and `bad` with every leaf of `unknown_at` replaced by Unknown gives nothing.
fn case(
    type_name: &str,
    bad: &Instance,
    path: &[PathItem],
    level: Level,
    message: &str,
    good: &Instance,
) {
    let found = validate(type_name, bad);
    assert!(
        found
            .iter()
            .any(|v| v.path == path && v.level == level && v.message == message),
        "{type_name}: expected {message:?} at {path:?}, found {found:#?}"
    );
    let clean = validate(type_name, good);
    assert!(
        clean.is_empty(),
        "{type_name}: passing value reported: {clean:#?}"
    );
}

fn unknown_is_silent(type_name: &str, value: &Instance) {
    let found = validate(type_name, value);
    assert!(
        found.is_empty(),
        "{type_name}: Unknown reported: {found:#?}"
    );
}

#[test]
fn pattern() {
    case(
        "AWS::S3::Bucket",
        &obj(&[("BucketName", s("Bad_Name"))]),
        &[key("BucketName")],
        Level::Error,
        "`bucket_name` must match the pattern `^([a-z0-9][a-z0-9.-]*[a-z0-9])?$`",
        &obj(&[("BucketName", s("my-bucket"))]),
    );
    unknown_is_silent(
        "AWS::S3::Bucket",
        &obj(&[("BucketName", Instance::Unknown)]),
    );
}

#[test]
fn min_and_max_length() {
    case(
        "AWS::CloudWatch::Alarm",
        &obj(&[("AlarmName", s(""))]),
        &[key("AlarmName")],
        Level::Error,
        "`alarm_name` must not be empty",
        &obj(&[
            ("AlarmName", s("cpu-high")),
            ("MetricName", s("CPUUtilization")),
        ]),
    );
    case(
        "AWS::CloudWatch::Alarm",
        &obj(&[("AlarmDescription", s(&"x".repeat(1025)))]),
        &[key("AlarmDescription")],
        Level::Error,
        "`alarm_description` must be at most 1024 characters long (it has 1025)",
        &obj(&[
            ("AlarmDescription", s("too much CPU")),
            ("MetricName", s("CPUUtilization")),
        ]),
    );
}

#[test]
fn number_bounds_and_multiple_of() {
    case(
        "AWS::EC2::CustomerGateway",
        &obj(&[("BgpAsnExtended", n(65000.0))]),
        &[key("BgpAsnExtended")],
        Level::Error,
        "`bgp_asn_extended` must be at least 2147483648",
        &obj(&[("BgpAsnExtended", n(4_200_000_000.0))]),
    );
    case(
        "AWS::EC2::CustomerGateway",
        &obj(&[("BgpAsnExtended", n(4_200_000_000.5))]),
        &[key("BgpAsnExtended")],
        Level::Error,
        "`bgp_asn_extended` must be a multiple of 1",
        &obj(&[("BgpAsnExtended", n(4_200_000_000.0))]),
    );
}

#[test]
fn item_counts_and_unique_items() {
    let dims = |count: usize| {
        arr(&(0..count)
            .map(|i| obj(&[("Name", s(&format!("d{i}"))), ("Value", s("v"))]))
            .collect::<Vec<_>>())
    };
    case(
        "AWS::CloudWatch::Alarm",
        &obj(&[("Dimensions", dims(31))]),
        &[key("Dimensions")],
        Level::Error,
        "`dimensions` must have at most 30 items (it has 31)",
        &obj(&[
            ("Dimensions", dims(30)),
            ("MetricName", s("CPUUtilization")),
        ]),
    );
    case(
        "AWS::DynamoDB::GlobalTable",
        &obj(&[("AttributeDefinitions", arr(&[]))]),
        &[key("AttributeDefinitions")],
        Level::Error,
        "`attribute_definitions` must not be empty",
        &obj(&[(
            "AttributeDefinitions",
            arr(&[obj(&[
                ("AttributeName", s("pk")),
                ("AttributeType", s("S")),
            ])]),
        )]),
    );
    let metric = obj(&[("Id", s("m1")), ("Expression", s("SUM(METRICS())"))]);
    case(
        "AWS::CloudWatch::Alarm",
        &obj(&[("Metrics", arr(&[metric.clone(), metric.clone()]))]),
        &[key("Metrics"), PathItem::Index(1)],
        Level::Error,
        "item 1 of `metrics` repeats item 0; the items must be unique",
        &obj(&[("Metrics", arr(std::slice::from_ref(&metric)))]),
    );
    unknown_is_silent(
        "AWS::CloudWatch::Alarm",
        &obj(&[("Metrics", arr(&[metric, Instance::Unknown]))]),
    );
}

#[test]
fn const_in_a_nested_type() {
    // The registry's `const` on `ObjectLockEnabled` is also the shape's
    // enumeration, so the macro reports it; the registry's copy is not repeated.
    let bad = obj(&[(
        "ObjectLockConfiguration",
        obj(&[("ObjectLockEnabled", s("Disabled"))]),
    )]);
    assert!(validate("AWS::S3::Bucket", &bad).is_empty());
}

#[test]
fn dependent_required_and_excluded() {
    case(
        "AWS::EC2::SecurityGroup",
        &obj(&[
            ("GroupDescription", s("web")),
            ("SecurityGroupEgress", arr(&[])),
        ]),
        &[key("SecurityGroupEgress")],
        Level::Error,
        "`security_group_egress` requires `vpc_id`",
        &obj(&[
            ("GroupDescription", s("web")),
            ("SecurityGroupEgress", arr(&[])),
            ("VpcId", Instance::Unknown),
        ]),
    );
    case(
        "AWS::EC2::Subnet",
        &obj(&[
            ("VpcId", Instance::Unknown),
            ("AvailabilityZone", s("us-east-1a")),
            ("AvailabilityZoneId", s("use1-az1")),
        ]),
        &[key("AvailabilityZoneId")],
        Level::Error,
        "`availability_zone_id` cannot be used with `availability_zone`",
        &obj(&[
            ("VpcId", Instance::Unknown),
            ("AvailabilityZone", s("us-east-1a")),
            ("CidrBlock", s("10.0.1.0/24")),
        ]),
    );
}

#[test]
fn cfn_lint_required_xor_and_or() {
    // `requiredXor` (E3014) on an application load balancer's subnets.
    case(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        &obj(&[("Name", s("web"))]),
        &[],
        Level::Error,
        "set exactly one of `subnets` or `subnet_mappings`",
        &obj(&[("Name", s("web")), ("Subnets", Instance::Unknown)]),
    );
    // `requiredOr` (E3015) on a subnet's address block.
    case(
        "AWS::EC2::Subnet",
        &obj(&[("VpcId", Instance::Unknown)]),
        &[],
        Level::Error,
        "set at least one of `cidr_block`, `ipv4_ipam_pool_id`, `ipv6_ipam_pool_id` or `ipv6_cidr_block`",
        &obj(&[
            ("VpcId", Instance::Unknown),
            ("Ipv6CidrBlock", Instance::Unknown),
        ]),
    );
}

#[test]
fn one_of_names_the_alternatives() {
    let instance =
        |spec: Instance| obj(&[("ImageId", s("ami-12345678")), ("LaunchTemplate", spec)]);
    case(
        "AWS::EC2::Instance",
        &instance(obj(&[("LaunchTemplateId", s("lt-1"))])),
        &[key("LaunchTemplate")],
        Level::Error,
        "set `version`, and exactly one of `launch_template_name` or `launch_template_id`",
        &instance(obj(&[("LaunchTemplateId", s("lt-1")), ("Version", s("1"))])),
    );
    unknown_is_silent("AWS::EC2::Instance", &instance(Instance::Unknown));
}

#[test]
fn any_of() {
    let key_schema = arr(&[obj(&[("AttributeName", s("pk")), ("KeyType", s("HASH"))])]);
    let table =
        |warm: Instance| obj(&[("KeySchema", key_schema.clone()), ("WarmThroughput", warm)]);
    case(
        "AWS::DynamoDB::Table",
        &table(obj(&[])),
        &[key("WarmThroughput")],
        Level::Error,
        "set at least one of `read_units_per_second` or `write_units_per_second`",
        &table(obj(&[("ReadUnitsPerSecond", n(12000.0))])),
    );
    unknown_is_silent("AWS::DynamoDB::Table", &table(Instance::Unknown));
}

#[test]
fn if_then_from_the_registry() {
    let lsi = obj(&[
        ("IndexName", s("by-date")),
        (
            "KeySchema",
            arr(&[
                obj(&[("AttributeName", s("a0")), ("KeyType", s("HASH"))]),
                obj(&[("AttributeName", s("a1")), ("KeyType", s("RANGE"))]),
            ]),
        ),
        ("Projection", obj(&[("ProjectionType", s("ALL"))])),
    ]);
    let table = |attributes: usize| {
        obj(&[
            (
                "AttributeDefinitions",
                arr(&(0..attributes)
                    .map(|i| {
                        obj(&[
                            ("AttributeName", s(&format!("a{i}"))),
                            ("AttributeType", s("S")),
                        ])
                    })
                    .collect::<Vec<_>>()),
            ),
            (
                "KeySchema",
                arr(&[
                    obj(&[("AttributeName", s("a0")), ("KeyType", s("HASH"))]),
                    obj(&[("AttributeName", s("a1")), ("KeyType", s("RANGE"))]),
                ]),
            ),
            ("LocalSecondaryIndexes", arr(std::slice::from_ref(&lsi))),
        ])
    };
    let found = validate("AWS::DynamoDB::Table", &table(1));
    assert!(
        found
            .iter()
            .any(|v| v.path == [key("AttributeDefinitions")] && v.keyword == "minItems"),
        "{found:#?}"
    );
    let found = validate("AWS::DynamoDB::Table", &table(2));
    assert!(found.is_empty(), "{found:#?}");
}

fn hash_key() -> Instance {
    arr(&[obj(&[("AttributeName", s("pk")), ("KeyType", s("HASH"))])])
}

#[test]
fn if_then_from_an_extension() {
    case(
        "AWS::DynamoDB::Table",
        &obj(&[("KeySchema", hash_key()), ("BillingMode", s("PROVISIONED"))]),
        &[],
        Level::Error,
        "`provisioned_throughput` is required when `billing_mode` is `PROVISIONED`",
        &obj(&[
            ("KeySchema", hash_key()),
            ("BillingMode", s("PROVISIONED")),
            (
                "ProvisionedThroughput",
                obj(&[
                    ("ReadCapacityUnits", n(5.0)),
                    ("WriteCapacityUnits", n(5.0)),
                ]),
            ),
        ]),
    );
    unknown_is_silent(
        "AWS::DynamoDB::Table",
        &obj(&[
            ("KeySchema", hash_key()),
            ("BillingMode", Instance::Unknown),
        ]),
    );
    // An empty key schema fails `minItems` and its `oneOf`: one sentence, not two.
    let found = validate("AWS::DynamoDB::Table", &obj(&[("KeySchema", arr(&[]))]));
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn property_names_from_an_extension() {
    let function = |name: &str| {
        obj(&[
            ("Code", obj(&[("ZipFile", s("x"))])),
            ("Role", Instance::Unknown),
            ("Runtime", s("python3.12")),
            ("Handler", s("index.handler")),
            ("Environment", obj(&[("Variables", obj(&[(name, s("x"))]))])),
        ])
    };
    let found = validate("AWS::Lambda::Function", &function("AWS_REGION"));
    let v = found
        .iter()
        .find(|v| v.keyword == "propertyNames")
        .expect("reserved key reported");
    assert_eq!(
        v.path,
        [key("Environment"), key("Variables"), key("AWS_REGION")]
    );
    assert_eq!(v.message, "`variables` must not have the key `AWS_REGION`");
    assert!(matches!(v.source, Source::Extension { rule: "E3663", .. }));
    assert!(validate("AWS::Lambda::Function", &function("TABLE_NAME")).is_empty());
}

#[test]
fn lambda_runtimes_as_of_the_data() {
    assert_eq!(ecsnet_schema::validate::data_as_of(), "2026-05-12");
    case(
        "AWS::Lambda::Function",
        &obj(&[("Runtime", s("python3.6"))]),
        &[key("Runtime")],
        Level::Error,
        "`runtime` `python3.6` is deprecated since 2022-07-18 and creating functions with it is blocked since 2022-07-18; use `python3.14`",
        &obj(&[("Runtime", s("python3.12"))]),
    );
    let found = validate(
        "AWS::Lambda::Function",
        &obj(&[("Runtime", s("python3.9"))]),
    );
    assert!(
        found.iter().all(|v| v.level == Level::Warning) && found.len() == 1,
        "{found:#?}"
    );
    unknown_is_silent(
        "AWS::Lambda::Function",
        &obj(&[("Runtime", Instance::Unknown)]),
    );
}

#[test]
fn rds_engine_versions_and_classes() {
    let db = |engine: &str, version: &str, class: &str| {
        obj(&[
            ("Engine", s(engine)),
            ("EngineVersion", s(version)),
            ("DBInstanceClass", s(class)),
        ])
    };
    // E3691: `5.7` is not a MySQL engine version of cfn-lint 1.51.0's list
    // (`Engine` is compared in lower case, as cfn-lint does).
    case(
        "AWS::RDS::DBInstance",
        &db("MySQL", "5.7", "db.m5.large"),
        &[key("EngineVersion")],
        Level::Error,
        "`engine_version` `5.7` is not one of the 59 allowed values (`5.5.62`, `5.6.51`, `5.7.33`, ...) when `engine` is `mysql`",
        &db("mysql", "8.0.40", "db.m5.large"),
    );
    // E3062: no MySQL version offers db.t2.micro.
    let found = validate(
        "AWS::RDS::DBInstance",
        &db("mysql", "8.0.40", "db.t2.micro"),
    );
    let v = found
        .iter()
        .find(|v| v.path == [key("DBInstanceClass")])
        .expect("db.t2.micro reported");
    assert_eq!(v.level, Level::Error);
    assert!(
        v.message
            .starts_with("`db_instance_class` `db.t2.micro` is not one of the"),
        "{}",
        v.message
    );
    // W3691: a listed but deprecated version is a warning, in cfn-lint's words.
    let found = validate(
        "AWS::RDS::DBInstance",
        &db("mysql", "5.7.44", "db.m5.large"),
    );
    assert!(found.iter().any(|v| v.level == Level::Warning
        && v.message == "`engine_version` `5.7.44` of engine `mysql` is deprecated and cannot be used to create new DB instances"), "{found:#?}");
    unknown_is_silent(
        "AWS::RDS::DBInstance",
        &obj(&[
            ("Engine", Instance::Unknown),
            ("EngineVersion", s("5.7")),
            ("DBInstanceClass", s("db.t2.micro")),
        ]),
    );
}

#[test]
fn extension_paths_reach_list_items() {
    // E3688, applied to every item of `SecurityGroupIngress`.
    let group = |to: f64| {
        obj(&[
            ("GroupDescription", s("web")),
            (
                "SecurityGroupIngress",
                arr(&[obj(&[
                    ("IpProtocol", s("tcp")),
                    ("FromPort", n(-1.0)),
                    ("ToPort", n(to)),
                    ("CidrIp", s("0.0.0.0/0")),
                ])]),
            ),
        ])
    };
    case(
        "AWS::EC2::SecurityGroup",
        &group(80.0),
        &[
            key("SecurityGroupIngress"),
            PathItem::Index(0),
            key("ToPort"),
        ],
        Level::Error,
        "`from_port` and `to_port` must both be -1 when one is -1",
        &group(-1.0),
    );
    // W3687: with every protocol (`-1`), ports are ignored; a warning, as in cfn-lint.
    let all = obj(&[
        ("GroupDescription", s("web")),
        (
            "SecurityGroupIngress",
            arr(&[obj(&[
                ("IpProtocol", s("-1")),
                ("FromPort", n(80.0)),
                ("CidrIp", s("0.0.0.0/0")),
            ])]),
        ),
    ]);
    let found = validate("AWS::EC2::SecurityGroup", &all);
    assert!(
        !found.is_empty() && found.iter().all(|v| v.level == Level::Warning),
        "{found:#?}"
    );
}

#[test]
fn every_type_decodes_and_every_pattern_compiles_or_is_listed() {
    assert_eq!(
        ecsnet_schema::validate::check_all_types().unwrap(),
        ecsnet_schema::type_names().len()
    );
    let mut distinct = std::collections::BTreeSet::new();
    for name in ecsnet_schema::type_names() {
        distinct.extend(ecsnet_schema::validate::patterns(name).unwrap());
    }
    let failing: Vec<_> = distinct
        .iter()
        .filter(|p| ecsnet_schema::pattern_compile_error(p).is_some())
        .collect();
    // spec/README.md gives this count; `--example patterns` lists them.
    assert_eq!(failing.len(), 44, "{failing:#?}");
    // Validating an empty object of every type decodes and runs everything.
    for name in ecsnet_schema::type_names() {
        for v in validate(name, &obj(&[])) {
            assert!(
                !v.message.is_empty() && !v.message.ends_with('.'),
                "{name}: {v:?}"
            );
        }
        assert!(validate(name, &Instance::Unknown).is_empty(), "{name}");
    }
}

#[test]
fn all_of_with_required_and_a_one_of() {
    let stream = |filters: &[(&str, Instance)]| {
        let mut members = vec![
            ("FirehoseArn", Instance::Unknown),
            ("RoleArn", Instance::Unknown),
            ("OutputFormat", s("json")),
        ];
        members.extend(filters.iter().cloned());
        obj(&members)
    };
    let namespace = |ns: &str| arr(&[obj(&[("Namespace", s(ns))])]);
    case(
        "AWS::CloudWatch::MetricStream",
        &stream(&[
            ("IncludeFilters", namespace("AWS/EC2")),
            ("ExcludeFilters", namespace("AWS/ECS")),
        ]),
        &[],
        Level::Error,
        "`include_filters` and `exclude_filters` cannot be set together",
        &stream(&[("IncludeFilters", namespace("AWS/EC2"))]),
    );
    case(
        "AWS::CloudWatch::MetricStream",
        &obj(&[("OutputFormat", s("json"))]),
        &[],
        Level::Error,
        "`firehose_arn` and `role_arn` are required",
        &stream(&[]),
    );
}

#[test]
fn max_properties() {
    let tags =
        |count: usize| Instance::Object((0..count).map(|i| (format!("k{i}"), s("v"))).collect());
    case(
        "AWS::GreengrassV2::ComponentVersion",
        &obj(&[("Tags", tags(51))]),
        &[key("Tags")],
        Level::Error,
        "`tags` must have at most 50 entries",
        &obj(&[("Tags", tags(50))]),
    );
}

#[test]
fn dependent_excluded_from_an_extension() {
    let function = |extra: &[(&str, Instance)]| {
        let mut members = vec![
            ("PackageType", s("Image")),
            ("Role", Instance::Unknown),
            ("Code", obj(&[("ImageUri", Instance::Unknown)])),
        ];
        members.extend(extra.iter().cloned());
        obj(&members)
    };
    case(
        "AWS::Lambda::Function",
        &function(&[("Handler", s("index.handler"))]),
        &[key("Handler")],
        Level::Error,
        "`handler` cannot be used with `package_type` when `package_type` is `Image`",
        &function(&[]),
    );
}

#[test]
fn no_input_panics() {
    // Every property of every type gets odd values: huge and fractional
    // numbers, empty and deep containers, unknowns.
    let mut deep = s("x");
    for _ in 0..200 {
        deep = arr(&[obj(&[("Key", deep)])]);
    }
    let odd = [
        n(f64::MAX),
        n(-1e308),
        n(0.1),
        s(""),
        arr(&[]),
        obj(&[]),
        deep,
        Instance::Null,
        Instance::Bool(true),
    ];
    for name in ecsnet_schema::type_names().step_by(4) {
        let Some(rt) = ecsnet_schema::resource_type(name) else {
            continue;
        };
        for value in &odd {
            let props = Instance::Object(
                rt.properties
                    .iter()
                    .map(|p| (p.name.to_string(), value.clone()))
                    .collect(),
            );
            let _ = validate(name, &props);
        }
    }
}
