//! Regression tests for hostile input, run in-process through the macro's
//! `proc_macro2` entry point: no panic, bounded work, and the right errors.
//! Compile-fail tests under `tests/ui/` show the messages users see; these
//! pin what a compiler run cannot show cheaply (work done, nesting that would
//! crash rustc, the model the checks see).

use std::fmt::Write as _;

use proc_macro2::{TokenStream, TokenTree};

use crate::diag::{reset_steps, steps_taken};

/// What expanding a stack gave.
struct Expansion {
    /// The messages of every `compile_error!`.
    errors: Vec<String>,
    /// Units of work the macro did.
    steps: u64,
    /// The generated code.
    code: String,
}

/// Expands `#[stack(args)] module` in-process.
fn expand(args: &str, module: &str) -> Expansion {
    let args: TokenStream = args.parse().expect("test arguments tokenize");
    let item: TokenStream = module.parse().expect("test module tokenizes");
    reset_steps();
    let output = crate::expand::stack(args, &item);
    let steps = steps_taken();
    let mut errors = Vec::new();
    collect_errors(output.clone(), &mut errors);
    Expansion {
        errors,
        steps,
        code: output.to_string(),
    }
}

fn collect_errors(tokens: TokenStream, errors: &mut Vec<String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(group)) = trees.get(i + 2)
                    && let Some(TokenTree::Literal(message)) = group.stream().into_iter().next()
                    && let Ok(syn::Lit::Str(text)) =
                        syn::parse2::<syn::Lit>(TokenTree::Literal(message).into())
                {
                    errors.push(text.value());
                }
            }
            TokenTree::Group(group) => collect_errors(group.stream(), errors),
            _ => {}
        }
    }
}

fn has_error(expansion: &Expansion, part: &str) -> bool {
    expansion.errors.iter().any(|e| e.contains(part))
}

/// Asserts that some error contains `part`.
#[track_caller]
fn assert_error(expansion: &Expansion, part: &str) {
    assert!(
        has_error(expansion, part),
        "no error contains {part:?}; errors: {:#?}",
        expansion.errors
    );
}

const LOGS: &str = "#[resource(AWS::Logs::LogGroup {})] pub struct Logs;";

#[test]
fn overflowing_numbers_are_errors_not_panics() {
    for value in ["1e999", "-1e999", "99999999999999999999", "1e308 * 10"] {
        let stack = format!(
            "mod s {{ #[resource(AWS::Logs::LogGroup {{ retention_in_days: {value} }})] pub struct Logs; }}"
        );
        let expansion = expand("", &stack);
        assert!(!expansion.errors.is_empty(), "{value} compiles");
    }
    let expansion = expand(
        "",
        &format!(
            "mod s {{ #[parameter(Number, default = 1e999, min_value = -1e999)] pub struct N; {LOGS} }}"
        ),
    );
    assert_error(&expansion, "number out of range");
    let expansion = expand(
        "",
        r#"mod s { #[resource(AWS::Logs::LogGroup {})] #[metadata { "a": 1e999 }] pub struct Logs; }"#,
    );
    assert_error(&expansion, "number out of range");
}

#[test]
fn raw_identifiers_name_their_logical_ids() {
    let expansion = expand(
        "",
        r#"mod s {
            #[repeat(for z in ["a"])]
            #[resource(AWS::Logs::LogGroup {})]
            pub struct r#Logs;
            #[resource(AWS::Logs::LogGroup {})]
            #[metadata { "Copies": r#Logs[z] }]
            #[depends_on(r#Logs[z])]
            #[repeat(for z in ["a"])]
            pub struct Copy;
            #[resource(AWS::Logs::LogGroup {})]
            #[metadata { "Me": r#type }]
            pub struct r#type;
            #[resource(AWS::Logs::LogGroup {})]
            #[metadata { "Other": r#type }]
            pub struct Other;
        }"#,
    );
    // `r#type` refers to itself above: that is its only error.
    assert_eq!(
        expansion.errors,
        [
            "`type` refers to itself; a resource cannot use its own `Ref` or attributes; rule `references`, see `ecsnet explain references`"
        ]
    );
    assert!(expansion.code.contains("\"LogsA\""), "{}", expansion.code);
    assert!(!expansion.code.contains("\"r#"), "{}", expansion.code);
}

#[test]
fn huge_repeat_ranges_are_refused_before_expanding() {
    for range in [
        "0..9223372036854775807",
        "0..100000",
        "-9223372036854775808..9223372036854775807",
    ] {
        let expansion = expand(
            "",
            &format!("mod s {{ #[repeat(for i in {range})] {LOGS} }}"),
        );
        assert_error(&expansion, "declares at most 500 instances");
        assert!(
            expansion.steps < 10_000,
            "{range}: {} steps",
            expansion.steps
        );
    }
    // Many loops, each within the limit, together past it.
    let mut loops = String::new();
    for i in 0..10 {
        let _ = write!(
            loops,
            "#[repeat(for i in 0..400)] #[resource(AWS::Logs::LogGroup {{}})] pub struct L{i};"
        );
    }
    let expansion = expand("", &format!("mod s {{ {loops} }}"));
    assert_error(&expansion, "more than 700 instances");
    assert!(expansion.steps < 5_000_000, "{} steps", expansion.steps);
}

#[test]
fn repeat_rows_name_distinct_instances() {
    let expansion = expand("", &format!("mod s {{ #[repeat(for i in -3..3)] {LOGS} }}"));
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(
        expansion.code.contains("\"LogsMinus1\""),
        "{}",
        expansion.code
    );
    assert!(expansion.code.contains("\"Logs1\""), "{}", expansion.code);

    let expansion = expand(
        "",
        &format!(r#"mod s {{ #[repeat(for z in ["a", "A"])] {LOGS} }}"#),
    );
    assert_error(&expansion, "names `LogsA` again");
    // No second struct `LogsA`, which rustc would report as E0428.
    assert_eq!(
        expansion.code.matches("struct LogsA").count(),
        1,
        "{}",
        expansion.code
    );

    for value in [r#""""#, r#""ü""#, r#""-""#] {
        let expansion = expand(
            "",
            &format!("mod s {{ #[repeat(for z in [{value}])] {LOGS} }}"),
        );
        assert_error(&expansion, "has no ASCII letter or digit");
    }
}

#[test]
fn repeat_substitutes_only_variables() {
    let expansion = expand(
        "",
        r#"mod s {
            #[repeat(for zone in ["a"])]
            #[resource(AWS::Logs::LogGroup { log_group_name: "Logs[zone]" })]
            pub struct Logs;
        }"#,
    );
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(
        expansion.code.contains("\"Logs[zone]\""),
        "{}",
        expansion.code
    );

    let expansion = expand(
        "",
        r#"mod s {
            #[parameter(String)] pub struct Name;
            #[repeat(for Name in ["a"])]
            #[resource(AWS::Logs::LogGroup { log_group_name: Name })]
            pub struct Logs;
        }"#,
    );
    assert_error(&expansion, "has the name of a declaration of this stack");

    let expansion = expand(
        "",
        &format!(r#"mod s {{ #[repeat(for (a, a) in [("x", "y")])] {LOGS} }}"#),
    );
    assert_error(&expansion, "is bound twice");
}

#[test]
fn the_next_free_block_is_found_in_few_steps() {
    // The whole IPv4 space is the VPC and taken by one existing subnet.
    let expansion = expand(
        "",
        r#"mod s {
            #[parameter(AWS::EC2::VPC::Id, cidr = "0.0.0.0/0", existing_subnets = ["0.0.0.0/0"])]
            pub struct Vpc;
            #[resource(AWS::EC2::Subnet { cidr_block: "10.1.0.0/28", vpc_id: Vpc })]
            pub struct Subnet;
        }"#,
    );
    assert_error(&expansion, "overlaps an existing subnet");
    assert_error(&expansion, "IPv4 VPCs and subnets are /16");
    assert!(expansion.steps < 10_000, "{} steps", expansion.steps);

    // A VPC of /16 full of /28 subnets but one: the scan jumps subnet by subnet.
    let taken: Vec<String> = (0..4095)
        .map(|i| format!("\"10.0.{}.{}/28\"", i / 16, (i % 16) * 16))
        .collect();
    let expansion = expand(
        "",
        &format!(
            r#"mod s {{
                #[parameter(AWS::EC2::VPC::Id, cidr = "10.0.0.0/16", existing_subnets = [{}])]
                pub struct Vpc;
                #[resource(AWS::EC2::Subnet {{ cidr_block: "10.0.0.0/28", vpc_id: Vpc }})]
                pub struct Subnet;
            }}"#,
            taken.join(", ")
        ),
    );
    assert_error(&expansion, "the next free /28 is `10.0.255.240/28`");
}

#[test]
fn eni_arithmetic_saturates() {
    for (max_size, desired) in [
        ("\"9223372036854775807\"", "9223372036854775807"),
        ("\"-9223372036854775808\"", "-9223372036854775808"),
    ] {
        let stack = format!(
            r#"mod s {{
            #[resource(AWS::ECS::Cluster {{}})] pub struct Cluster;
            #[resource(AWS::AutoScaling::LaunchConfiguration {{
                image_id: "ami-12345678", instance_type: "t2.large",
                user_data: base64(sub!("ECS_CLUSTER=${{Cluster}}")),
            }})] pub struct Launch;
            #[resource(AWS::AutoScaling::AutoScalingGroup {{
                launch_configuration_name: Launch, max_size: {max_size}, min_size: "0",
                availability_zones: get_azs(),
            }})] pub struct Group;
            #[resource(AWS::ECS::TaskDefinition {{
                network_mode: "awsvpc",
                container_definitions: [{{ name: "app", image: "nginx", memory: 128 }}],
            }})] pub struct Task;
            #[resource(AWS::ECS::Service {{
                cluster: Cluster, task_definition: Task, desired_count: {desired},
                network_configuration: {{ awsvpc_configuration: {{ subnets: ["subnet-12345678"] }} }},
            }})] pub struct One;
            #[resource(AWS::ECS::Service {{
                cluster: Cluster, task_definition: Task, desired_count: {desired},
                network_configuration: {{ awsvpc_configuration: {{ subnets: ["subnet-12345678"] }} }},
            }})] pub struct Two;
        }}"#
        );
        // No panic (an overflow would be one in a debug build); whatever the
        // errors, the capacity figures in them are not wrapped around.
        let expansion = expand("", &stack);
        assert!(
            !has_error(&expansion, "room for -"),
            "{:#?}",
            expansion.errors
        );
    }
}

#[test]
fn deep_nesting_is_an_error_within_a_small_stack() {
    // 2,500 levels crashed rustc; the limit is checked while parsing, with
    // the recursion bounded, so a 1 MiB stack is plenty.
    for depth in [65, 2_500, 20_000] {
        let value = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let stack = format!(
            r#"mod s {{ #[resource(AWS::Logs::LogGroup {{}})] #[metadata {{ "a": {value} }}] pub struct Logs; }}"#
        );
        let errors = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || expand("", &stack).errors)
            .expect("thread starts")
            .join()
            .expect("no stack overflow");
        assert!(
            errors.iter().any(|e| e.contains("nest at most 64 levels")),
            "{depth}: {errors:#?}"
        );
    }
    let value = format!("{}1{}", "[".repeat(60), "]".repeat(60));
    let stack = format!(
        r#"mod s {{ #[repeat(for z in ["a"])] #[resource(AWS::Logs::LogGroup {{}})] #[metadata {{ "a": {value} }}] pub struct Logs; }}"#
    );
    assert!(expand("", &stack).errors.is_empty());
}

#[test]
fn a_stack_has_a_resource() {
    let expansion = expand("", "mod s { #[parameter(String)] pub struct P; }");
    assert_error(&expansion, "declares no resource");
    let expansion = expand("", "mod s {}");
    assert_error(&expansion, "declares no resource");
    assert!(expand("", &format!("mod s {{ {LOGS} }}")).errors.is_empty());
}

#[test]
fn duplicate_keys_are_errors() {
    let expansion = expand(
        "",
        r#"mod s { #[resource(AWS::Logs::LogGroup {})] #[metadata { "a": 1, "a": 2 }] pub struct Logs; }"#,
    );
    assert_error(&expansion, "duplicate key `a`");
    let expansion = expand(
        "",
        r#"mod s { #[resource(AWS::Logs::LogGroup { log_group_name: sub!("${A}", { A: "x", A: "y" }) })] pub struct Logs; }"#,
    );
    assert_error(&expansion, "duplicate key `A`");
    let expansion = expand(
        r#"description = "a", description = "b""#,
        &format!("mod s {{ {LOGS} }}"),
    );
    assert_error(&expansion, "duplicate option `description`");
}

#[test]
fn list_default_items_hold_no_comma() {
    let expansion = expand(
        "",
        &format!(
            r#"mod s {{ #[parameter(CommaDelimitedList, default = ["a,b", "c"])] pub struct P; {LOGS} }}"#
        ),
    );
    assert_error(&expansion, "contains `,`");
}

#[test]
fn world_open_blocks_are_found_in_any_spelling() {
    for block in [r#""0.0.0.0/00""#, r#"sub!("0.0.0.0/0")"#, r#""::/0""#] {
        let key = if block.contains("::") {
            "cidr_ipv6"
        } else {
            "cidr_ip"
        };
        let stack = format!(
            r#"mod s {{
                #[resource(AWS::EC2::SecurityGroup {{
                    group_description: "ssh",
                    security_group_ingress: [{{ ip_protocol: "tcp", from_port: 22, to_port: 22, {key}: {block} }}],
                }})]
                pub struct Group;
            }}"#
        );
        assert_error(&expand("", &stack), "admits the whole internet");
    }
    let expansion = expand(
        "",
        r#"mod s { #[resource(AWS::EC2::Subnet { cidr_block: "::/0", vpc_id: "vpc-12345678" })] pub struct Subnet; }"#,
    );
    assert_error(&expansion, "takes an IPv4 block");
}

#[test]
fn no_value_does_not_satisfy_a_required_property() {
    let expansion = expand(
        "",
        r"mod s { #[resource(AWS::EC2::SecurityGroup { group_description: AWS::NoValue })] pub struct Group; }",
    );
    assert_error(&expansion, "`AWS::NoValue` removes it");
}

#[test]
fn intrinsic_arguments_are_checked_by_the_table() {
    for (value, part) in [
        ("import_value(1)", "is a string, found an integer"),
        (
            "select(get_azs(), get_azs())",
            "cannot be computed by `get_azs`",
        ),
        (r#"join(",", [["a"], "b"])"#, "lists do not nest here"),
        (r#"join(",", "a")"#, "is a list of strings, found a string"),
        ("import_value(Other)", "cannot depend on a resource"),
        (r#"select("x", ["a"])"#, "is an integer, found a string"),
    ] {
        let stack = format!(
            "mod s {{ #[resource(AWS::Logs::LogGroup {{ log_group_name: {value} }})] pub struct Logs; {} }}",
            "#[resource(AWS::Logs::LogGroup {})] pub struct Other;"
        );
        assert_error(&expand("", &stack), part);
    }
    let fine = [
        r#"select("1", ["a", "b"])"#,
        r"select(0, cidr(Other.Arn, 6, 8))",
        r#"join("", [AWS::Region, Other.Arn, sub!("x")])"#,
        r#"import_value(sub!("${AWS::StackName}-vpc"))"#,
    ];
    for value in fine {
        let stack = format!(
            "mod s {{ #[resource(AWS::Logs::LogGroup {{ log_group_name: {value} }})] pub struct Logs; {} }}",
            "#[resource(AWS::Logs::LogGroup {})] pub struct Other;"
        );
        let expansion = expand("", &stack);
        assert!(
            expansion.errors.is_empty(),
            "{value}: {:#?}",
            expansion.errors
        );
    }
}

#[test]
fn warnings_are_deprecated_uses_and_acknowledgments_silence_them() {
    let stack = |acknowledge: &str| {
        format!(
            r#"mod s {{
                #[resource(AWS::Logs::LogGroup {{}})] pub struct Logs;
                #[resource(AWS::Logs::LogGroup {{ log_group_name: sub!("${{Logs}}-copy") }})]
                #[depends_on(Logs)]
                {acknowledge}
                pub struct CopyLogs;
            }}"#
        )
    };
    let warned = expand("", &stack(""));
    assert!(warned.errors.is_empty(), "{:#?}", warned.errors);
    assert!(warned.code.contains("deprecated"), "{}", warned.code);
    assert!(
        warned.code.contains("rule `redundant-depends-on`"),
        "{}",
        warned.code
    );
    let acknowledged = expand(
        "",
        &stack(r#"#[acknowledge(redundant_depends_on, reason = "explicit")]"#),
    );
    assert!(acknowledged.errors.is_empty(), "{:#?}", acknowledged.errors);
    assert!(
        !acknowledged.code.contains("deprecated"),
        "{}",
        acknowledged.code
    );
    // An acknowledgment with nothing to silence is misplaced.
    let stack = r#"mod s {
        #[resource(AWS::Logs::LogGroup {})]
        #[acknowledge(redundant_depends_on, reason = "nothing")]
        pub struct Logs;
    }"#;
    assert_error(&expand("", stack), "acknowledges nothing here");
}

#[test]
fn long_lists_are_built_from_a_table() {
    let items: Vec<String> = (0..1000).map(|i| format!("\"{i}\"")).collect();
    let stack = format!(
        r#"mod s {{ #[resource(AWS::Logs::LogGroup {{}})] #[metadata {{ "a": [{}] }}] pub struct Logs; }}"#,
        items.join(", ")
    );
    let expansion = expand("", &stack);
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(expansion.code.contains("list_of"), "{}", expansion.code);
}

#[test]
fn keywords_are_not_macros_and_raw_macro_names_stay_raw() {
    let expansion = expand(
        "",
        "mod s { #[resource(AWS::Logs::LogGroup { log_group_name: struct!() })] pub struct Logs; }",
    );
    assert_error(&expansion, "`struct` is a keyword, not a macro");
    let expansion = expand(
        "",
        "mod s { #[resource(AWS::Logs::LogGroup { log_group_name: r#type!() })] pub struct Logs; }",
    );
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(expansion.code.contains("r#type !"), "{}", expansion.code);
}

#[test]
fn a_parameter_type_holds_no_group() {
    // syn's type parser recurses into brackets at tens of KiB per level in
    // a debug build; the parameter type is checked before it runs.
    let stack = format!(
        "mod s {{ #[parameter({}String{})] pub struct P; {LOGS} }}",
        "[".repeat(90),
        "]".repeat(90)
    );
    let errors = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || expand("", &stack).errors)
        .expect("thread starts")
        .join()
        .expect("no stack overflow");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("expected a CloudFormation parameter type")),
        "{errors:#?}"
    );
}

#[test]
fn policies_fit_the_type_and_the_attribute() {
    let expansion = expand(
        "",
        "mod s { #[resource(AWS::Logs::LogGroup {})] #[update_replace_policy(RetainExceptOnCreate)] pub struct Logs; }",
    );
    assert_error(&expansion, "is a deletion policy only");
    let expansion = expand(
        "",
        r#"mod s { #[resource(AWS::RDS::DBInstance { db_instance_class: "db.t3.micro", engine: "mysql", allocated_storage: "20", master_username: "admin", master_user_password: "password123" })] #[deletion_policy(Snapshot)] #[update_replace_policy(Snapshot)] pub struct Db; }"#,
    );
    assert!(
        !has_error(&expansion, "cannot be snapshotted"),
        "{:#?}",
        expansion.errors
    );
}

/// Every type of the data can be declared: with no properties, a resource
/// either expands cleanly or gets exactly one `properties` error, naming
/// exactly the type's required properties. Beyond the `required` list, the
/// schemas' combinators may require more (`set exactly one of …`, "`x` is
/// required"), and the chapter's own rules may add errors for their types
/// (listed here); nothing else may be reported about an empty declaration.
#[test]
fn every_resource_type_declares_with_its_required_properties_named() {
    const OTHER_RULES: &[(&str, &str)] = &[
        // A public NAT gateway needs an Elastic IP.
        ("AWS::EC2::NatGateway", "nat-eip"),
    ];
    let mut checked = 0;
    for type_name in crate::schema::type_names() {
        let schema = crate::schema::resource_type(type_name).expect("listed types decode");
        let required: Vec<String> = schema
            .properties
            .iter()
            .filter(|p| p.required)
            .map(|p| format!("`{}`", p.ident))
            .collect();
        let stack = format!("mod s {{ #[resource({type_name} {{}})] pub struct R; }}");
        let transform = schema
            .transform
            .map(|t| format!("transform = \"{t}\""))
            .unwrap_or_default();
        let expansion = expand(&transform, &stack);
        let (missing, others): (Vec<&String>, Vec<&String>) = expansion
            .errors
            .iter()
            .partition(|e| e.ends_with("rule `properties`, see `ecsnet explain properties`"));
        for other in others {
            let requires_more = (other.contains("rule `value-constraints`")
                || other.contains("rule `supported-values`"))
                && (other.starts_with("set ")
                    || other.contains(" is required")
                    || other.contains(" are required"));
            assert!(
                requires_more
                    || OTHER_RULES
                        .iter()
                        .any(|(t, rule)| *t == type_name
                            && other.contains(&format!("rule `{rule}`"))),
                "{type_name}: {other}"
            );
        }
        if required.is_empty() {
            assert!(
                missing.is_empty(),
                "{type_name} has no required property, yet: {missing:#?}"
            );
        } else {
            assert_eq!(missing.len(), 1, "{type_name}: {missing:#?}");
            let error = missing[0];
            assert!(
                error.starts_with("missing required propert"),
                "{type_name}: {error}"
            );
            let named: Vec<String> = error
                .split('`')
                .skip(1)
                .step_by(2)
                .take_while(|name| *name != type_name)
                .map(|n| format!("`{n}`"))
                .collect();
            assert_eq!(named, required, "{type_name}: {error}");
        }
        assert!(
            expansion.code.contains(&format!("\"{type_name}\"")),
            "{type_name} is in the template"
        );
        checked += 1;
    }
    // The registry's 1,584 types and SAM's 11.
    assert_eq!(checked, 1584 + 11);
}

/// The macro documents each resource's struct with its type's summary and
/// AWS page, in Markdown that rustdoc accepts with no warning in any crate.
#[test]
fn resource_structs_carry_their_type_documentation() {
    let expansion = expand(
        "",
        "mod s { /// Alerts for the team.\n #[resource(AWS::SNS::Topic {})] pub struct Alerts; }",
    );
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(
        expansion.code.contains(
            "CloudFormation type [`AWS::SNS::Topic`](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topic.html)"
        ),
        "{}",
        expansion.code
    );
    assert_eq!(
        ecsnet_schema::describe::plain_markdown(
            "Grants [IssueCertificate](https://x.example/a) on a [IPv6 only] CA <b>, see http://example.com/page."
        ),
        "Grants IssueCertificate on a \\[IPv6 only\\] CA \\<b\\>, see <http://example.com/page>."
    );
    for type_name in crate::schema::type_names() {
        let summary = crate::schema::resource_type(type_name).map_or("", |t| t.summary);
        let doc = ecsnet_schema::describe::plain_markdown(summary);
        let unescaped = |c: char| {
            doc.match_indices(c)
                .any(|(i, _)| i == 0 || !doc[..i].ends_with('\\'))
        };
        assert!(!unescaped('[') && !unescaped(']'), "{type_name}: {doc}");
        for (i, _) in doc.match_indices("http") {
            assert!(doc[..i].ends_with('<'), "{type_name}: a bare URL in {doc}");
        }
    }
}

#[test]
fn an_in_template_transform_is_known_only_at_deployment() {
    // `Fn::Transform` where a string belongs: the macro decides the value.
    let module = r#"mod m {
        #[resource(AWS::SSM::Parameter {
            r#type: "String",
            value: { "Fn::Transform": [{ "Name": "DatetimeNow", "Parameters": {} }] },
        })]
        pub struct Now;
    }"#;
    assert!(
        expand("", module).errors.is_empty(),
        "{:#?}",
        expand("", module).errors
    );
    // Any other object there is still a mismatch.
    let module = module.replace("Fn::Transform", "Fn::Transfrom");
    assert_error(
        &expand("", &module),
        "mismatched types: `value` expects a string",
    );
}

#[test]
fn conditions_are_checked_under_each_assignment_the_parameters_allow() {
    let module = r#"mod m {
        #[parameter(String, allowed_values = ["a", "b", "c"])]
        pub struct Choice;
        #[condition(or(equals(Choice, "a"), equals(Choice, "b")))]
        pub struct AOrB;
        #[condition(not(equals(Choice, "a")))]
        pub struct NotA;
        #[resource(AWS::SQS::Queue {})]
        #[condition(AOrB)]
        pub struct Queue;
        #[resource(AWS::SNS::Topic { display_name: Queue.QueueName })]
        #[condition(NotA)]
        pub struct Topic;
    }"#;
    // `Choice = "c"`: `NotA` holds and `AOrB` does not, so `Topic` reads a
    // queue that is not there.
    let expansion = expand("", module);
    assert_error(
        &expansion,
        "`Queue` exists only where condition `AOrB` is true",
    );
    // With "c" not allowed, `NotA` implies `AOrB`, and the stack is sound.
    let sound = module.replace(r#"["a", "b", "c"]"#, r#"["a", "b"]"#);
    assert!(
        expand("", &sound).errors.is_empty(),
        "{:#?}",
        expand("", &sound).errors
    );
}

#[test]
fn only_custom_resources_take_a_version() {
    let custom = r#"mod m {
        #[resource(Custom::Thing { service_token: "arn:aws:lambda:us-east-1:1:function:f" })]
        #[version("1.0")]
        pub struct Thing;
    }"#;
    let expansion = expand("", custom);
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(expansion.code.contains("version"), "{}", expansion.code);
    let queue = r#"mod m {
        #[resource(AWS::SQS::Queue {})]
        #[version("1.0")]
        pub struct Queue;
    }"#;
    assert_error(
        &expand("", queue),
        "`#[version]` is an attribute of custom resources",
    );
}

#[test]
fn a_named_custom_resource_writes_its_service_token_in_pascal_case() {
    let module = r#"mod m {
        #[resource(Custom::Thing {
            service_token: "arn:aws:lambda:us-east-1:1:function:f",
            "Size": 3,
        })]
        pub struct Thing;
    }"#;
    let expansion = expand("", module);
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    assert!(
        expansion.code.contains("\"ServiceToken\""),
        "{}",
        expansion.code
    );
    assert!(
        !expansion.code.contains("\"service_token\""),
        "{}",
        expansion.code
    );
}

#[test]
fn a_template_body_keeps_its_own_placeholders() {
    let module = r#"mod m {
        #[parameter(String)]
        pub struct AppName;
        #[resource(AWS::CloudFormation::StackSet {
            stack_set_name: "common",
            permission_model: "SERVICE_MANAGED",
            template_body: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub ${AppName}-${AWS::Region}\n",
        })]
        pub struct Common;
    }"#;
    let expansion = expand("", module);
    assert!(
        !has_error(&expansion, "is not substituted"),
        "{:#?}",
        expansion.errors
    );
    // The same text in another string property is still refused.
    let elsewhere = module.replace(
        "stack_set_name: \"common\"",
        "stack_set_name: \"${AWS::Region}\"",
    );
    assert_error(&expand("", &elsewhere), "is not substituted");
}
/// SAM's types are checked like the registry's, under their transform: a
/// typical function with events, policies, an inline policy template and a
/// `{Bucket, Key}` code location compiles, and so do references to SAM
/// resources where a registry type's id belongs (`Ref` to an
/// `AWS::Serverless::Function` is its Lambda function's name) and a SAM
/// application's `Outputs.Name`.
#[test]
fn sam_types_check_under_their_transform() {
    let sam = r#"transform = "AWS::Serverless-2016-10-31""#;
    let stack = r#"mod s {
        #[resource(AWS::Serverless::Function {
            runtime: "python3.12",
            handler: "index.handler",
            code_uri: { bucket: "artifacts", key: "handler.zip" },
            timeout: 10,
            policies: ["AWSLambdaBasicExecutionRole", { "SQSPollerPolicy": { "QueueName": Queue.QueueName } }],
            environment: { variables: { TABLE: Table } },
            events: {
                "FromQueue": { type: "SQS", properties: { queue: Queue.Arn, batch_size: 10 } },
                "Get": { type: "Api", properties: { path: "/items", method: "get", rest_api_id: Api } },
                "Nightly": { type: "Schedule", properties: { schedule: "rate(1 day)" } },
            },
        })]
        pub struct Handler;
        #[resource(AWS::Serverless::Api { stage_name: "prod" })]
        pub struct Api;
        #[resource(AWS::SQS::Queue {})]
        pub struct Queue;
        #[resource(AWS::Serverless::SimpleTable { primary_key: { name: "id", type: "String" } })]
        pub struct Table;
        #[resource(AWS::Lambda::Permission {
            action: "lambda:InvokeFunction",
            function_name: Handler,
            principal: "s3.amazonaws.com",
        })]
        pub struct Invoke;
        #[resource(AWS::Serverless::Application {
            location: { application_id: "arn:aws:serverlessrepo:us-east-1:123456789012:applications/x", semantic_version: "1.0.0" },
        })]
        pub struct App;
        #[output(App.Outputs.Url)]
        pub struct Url;
        #[output(Handler.Arn)]
        pub struct HandlerArn;
    }"#;
    let expansion = expand(sam, stack);
    assert!(expansion.errors.is_empty(), "{:#?}", expansion.errors);
    // The keys are SAM's names in the template.
    for key in [
        "\"CodeUri\"",
        "\"Bucket\"",
        "\"Events\"",
        "\"BatchSize\"",
        "\"RestApiId\"",
        "\"PrimaryKey\"",
    ] {
        assert!(expansion.code.contains(key), "{key}");
    }

    // Without the transform, CloudFormation refuses the template.
    let expansion = expand("", stack);
    assert_error(
        &expansion,
        "`AWS::Serverless::Function` is a SAM type, which only the `AWS::Serverless-2016-10-31` transform defines",
    );
    assert_error(
        &expansion,
        "write `#[stack(transform = \"AWS::Serverless-2016-10-31\")]`",
    );
    let expansion = expand(r#"transform = "AWS::LanguageExtensions""#, stack);
    assert_error(
        &expansion,
        "add it to the stack's list: `transform = [\"AWS::LanguageExtensions\", \"AWS::Serverless-2016-10-31\"]`",
    );

    // The SAM schema's names, shapes and required properties hold.
    let expansion = expand(
        sam,
        r#"mod s {
            #[resource(AWS::Serverless::Function { runtime: "python3.12", handlr: "index.handler" })]
            pub struct Handler;
            #[resource(AWS::Serverless::Api {})]
            pub struct Api;
            #[resource(AWS::Serverless::Function { code_uri: { bucket: "b" }, events: { "E": { type: "Sqs" } } })]
            pub struct Other;
        }"#,
    );
    assert_error(
        &expansion,
        "unknown property `handlr` of `AWS::Serverless::Function`; did you mean `handler`?",
    );
    assert_error(
        &expansion,
        "missing required property `stage_name` of `AWS::Serverless::Api`",
    );
    assert_error(&expansion, "missing required property `key` of `CodeUri`");
    assert_error(
        &expansion,
        "`Sqs` is not a valid `type`; did you mean `SQS`?",
    );
}

#[test]
fn free_form_json_references_are_checked_and_only_they() {
    let stack = r#"mod s {
        #[parameter(String)] pub struct Env;
        #[condition(equals(Env, "prod"))] pub struct IsProd;
        #[resource(AWS::Logs::LogGroup {})] pub struct Logs;
        #[resource(AWS::Logs::LogGroup {})]
        #[metadata {
            "A": { "Fn::GetAtt": "Logs.Arnn" },
            "B": { "Fn::If": ["IsProd", { "Ref": "AWS::NoValue" }, { "Ref": "AWS::Regoin" }] },
            "C": { "Fn::Sub": ["${Var}-${Env}", { "Var": { "Ref": "AWS::StackName" } }] },
            "D": { "Ref": "Env", "Other": "an object of two keys is no function" },
            "E": { "Fn::Sub": "${Missing}" },
        }]
        pub struct CopyLogs;
    }"#;
    let expansion = expand("", stack);
    assert_error(&expansion, "no attribute `Arnn` on `Logs`");
    assert_error(
        &expansion,
        "unknown pseudo parameter `AWS::Regoin`; did you mean `AWS::Region`?",
    );
    assert_error(&expansion, "in `${Missing}`");
    assert_eq!(expansion.errors.len(), 3, "{:#?}", expansion.errors);
}

#[test]
fn fargate_by_default_strategy_only_when_every_default_agrees() {
    let stack = |association: &str| {
        format!(
            r#"mod s {{
            #[resource(AWS::ECS::Cluster {{
                default_capacity_provider_strategy: [{{ capacity_provider: "FARGATE", weight: 1 }}],
            }})]
            pub struct Cluster;
            #[resource(AWS::ECS::ClusterCapacityProviderAssociations {{
                cluster: Cluster,
                capacity_providers: ["{association}"],
                default_capacity_provider_strategy: [{{ capacity_provider: "{association}", weight: 1 }}],
            }})]
            pub struct Providers;
            #[resource(AWS::ECS::TaskDefinition {{
                container_definitions: [{{ name: "a", image: "a", memory: 256 }}],
            }})]
            pub struct Task;
            #[resource(AWS::ECS::Service {{ cluster: Cluster, task_definition: Task }})]
            pub struct Service;
        }}"#
        )
    };
    assert_error(
        &expand("", &stack("FARGATE_SPOT")),
        "runs on Fargate by the default strategy",
    );
    // An Auto Scaling group's provider in the association: which default
    // applies cannot be told, so nothing is reported.
    assert!(!has_error(&expand("", &stack("Instances")), "Fargate"));
}

#[test]
fn an_empty_or_removed_strategy_names_no_provider() {
    for strategy in ["[]", "AWS::NoValue"] {
        let stack = format!(
            r#"mod s {{
            #[resource(AWS::ECS::Cluster {{}})] pub struct Cluster;
            #[resource(AWS::ECS::TaskDefinition {{
                container_definitions: [{{ name: "a", image: "a", memory: 256 }}],
            }})]
            pub struct Task;
            #[resource(AWS::ECS::Service {{
                cluster: Cluster, task_definition: Task, launch_type: "EC2",
                capacity_provider_strategy: {strategy},
            }})]
            pub struct Service;
        }}"#
        );
        let expansion = expand("", &stack);
        assert!(
            !has_error(&expansion, "launch type"),
            "{:#?}",
            expansion.errors
        );
    }
}

#[test]
fn existing_task_groups_and_misspelt_groups_get_no_ingress_suggestion() {
    let program = include_str!(
        "../../tests/ui-pass/network-mode/awsvpc-service-behind-an-ip-target-group.rs"
    );
    let start = program.find("mod web").expect("the program has its module");
    let end = program.find("\nfn main").expect("and its main");
    let module = &program[start..end];
    // Without the rule that admits the load balancer, the tasks' group
    // declared in the stack admits nothing: an error.
    let unadmitted = module
        .replace("from_port: 8000,", "from_port: 9000,")
        .replace("to_port: 8000,", "to_port: 9000,");
    assert_error(&expand("", &unadmitted), "admits nothing from");
    // An existing group, given by a parameter, may admit it already.
    let existing = unadmitted.replace(
        "security_groups: [TaskSecurityGroup],",
        "security_groups: [ExistingTaskGroup],",
    );
    let existing = existing.replacen(
        '{',
        "{ #[parameter(AWS::EC2::SecurityGroup::Id)] struct ExistingTaskGroup;",
        1,
    );
    let expansion = expand("", &existing);
    assert!(
        !has_error(&expansion, "admits nothing"),
        "{:#?}",
        expansion.errors
    );
    // A misspelt load balancer group is the `references` error alone.
    let misspelt = module.replace(
        "security_groups: [LoadBalancerSecurityGroup],",
        "security_groups: [LoadBalancerSecurityGrup],",
    );
    let expansion = expand("", &misspelt);
    assert_error(&expansion, "did you mean `LoadBalancerSecurityGroup`?");
    assert_eq!(expansion.errors.len(), 1, "{:#?}", expansion.errors);
}

#[test]
fn a_rule_s_assertion_is_a_rule_function() {
    let module = r#"mod m {
        #[parameter(String, allowed_values = ["dev", "prod"])]
        pub struct Environment;
        #[resource(AWS::SQS::Queue {})]
        pub struct Queue;
    }"#;
    let rules = |assert: &str| {
        format!(
            r#"rules = {{ "Prod": {{ "RuleCondition": {{ "Fn::Equals": [Environment, "prod"] }}, "Assertions": [{{ "Assert": {assert} }}] }} }}"#
        )
    };
    let fine = expand(
        &rules(r#"{ "Fn::Contains": [["prod"], Environment] }"#),
        module,
    );
    assert!(fine.errors.is_empty(), "{:#?}", fine.errors);
    assert_error(
        &expand(&rules("{}"), module),
        "`Assert` is true or false: a rule function",
    );
}
