//! `ecsnet deploy`, `destroy` and `diff --stack`, running the built binary.
//!
//! The tests that talk to CloudFormation run against a local emulator
//! (moto's server, started by `tests/moto.sh`) and are skipped, with a
//! message, unless `AWS_ENDPOINT_URL` is a `127.0.0.1` address. They check
//! ecsnet's side (the calls, the waiting, the exit statuses, the messages)
//! and the resources through the emulator's EC2 API, never the emulator's
//! change-set details, which differ from CloudFormation's.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Command, Output};

const NETWORK: &str = "tests/fixtures/deploy/network.json";
const NETWORK_REPLACED: &str = "tests/fixtures/deploy/network-replaced.json";
const APP: &str = "tests/fixtures/deploy/app";

/// The emulator's `host:port`, or `None` (with a message) when the
/// environment names none on 127.0.0.1.
fn emulator() -> Option<String> {
    let endpoint = std::env::var_os("AWS_ENDPOINT_URL").unwrap_or_default();
    let endpoint = endpoint.to_string_lossy();
    let Some(port) = endpoint.strip_prefix("http://127.0.0.1:") else {
        eprintln!(
            "skipped: set AWS_ENDPOINT_URL to a local emulator on 127.0.0.1 \
             (tests/moto.sh starts one) to run the deploy tests"
        );
        return None;
    };
    Some(format!("127.0.0.1:{}", port.trim_end_matches('/')))
}

/// Runs `ecsnet` with dummy credentials, no AWS configuration files and no
/// instance metadata, so nothing but `endpoint` is ever contacted.
fn ecsnet(endpoint: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecsnet"))
        .args(args)
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/nonexistent/ecsnet-test/config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/ecsnet-test/credentials",
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("NO_COLOR", "1")
        .output()
        .expect("the ecsnet binary runs")
}

fn text(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// One EC2 Query API call to the emulator: the response's XML.
fn ec2(host: &str, query: &str) -> String {
    query_api(host, "ec2", &format!("{query}&Version=2016-11-15"))
}

/// One parameter's value as CloudFormation records it for the stack.
fn stack_parameter(host: &str, stack: &str, key: &str) -> String {
    let response = query_api(
        host,
        "cloudformation",
        &format!("Action=DescribeStacks&StackName={stack}&Version=2010-05-15"),
    );
    let keys = values(&response, "ParameterKey");
    let values = values(&response, "ParameterValue");
    let index = keys
        .iter()
        .position(|k| *k == key)
        .expect("the parameter is recorded");
    values[index].to_owned()
}

/// One Query API call to the emulator, over plain HTTP: the response's
/// XML. The emulator does not check signatures; the `Authorization` header
/// only tells it the service and region.
fn query_api(host: &str, service: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(host).expect("the emulator listens");
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {host}\r\n\
         Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, \
         SignedHeaders=host, Signature=0\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    response
}

/// Every `<tag>value</tag>` of an XML text, in order.
fn values<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| rest.split_once(&close).map(|(value, _)| value))
        .collect()
}

/// A new VPC in the emulator: its id.
fn create_vpc(host: &str) -> String {
    let response = ec2(host, "Action=CreateVpc&CidrBlock=10.0.0.0%2F16");
    values(&response, "vpcId")[0].to_owned()
}

/// The CIDR blocks of the VPC's subnets.
fn subnet_cidrs(host: &str, vpc: &str) -> Vec<String> {
    let response = ec2(
        host,
        &format!("Action=DescribeSubnets&Filter.1.Name=vpc-id&Filter.1.Value.1={vpc}"),
    );
    values(&response, "cidrBlock")
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Whether `destroy`'s table lists a resource: its logical id, its type and
/// a physical id starting with `physical`, in aligned columns.
fn lists(listed: &str, logical_id: &str, kind: &str, physical: &str) -> bool {
    listed.lines().any(|line| {
        let columns: Vec<&str> = line.split_whitespace().collect();
        line.starts_with(&format!("  {logical_id} "))
            && columns.len() == 3
            && columns[1] == kind
            && columns[2].starts_with(physical)
    })
}

#[test]
fn deploys_updates_and_destroys_a_network_stack() {
    let Some(host) = emulator() else { return };
    let endpoint = format!("http://{host}");
    let vpc = create_vpc(&host);
    let vpc_parameter = format!("VpcId={vpc}");
    let stack = ["--stack-name", "ecsnet-test-network"];

    let deploy = |extra: &[&str]| {
        let mut args = vec![
            "deploy",
            NETWORK,
            stack[0],
            stack[1],
            "--parameter",
            &vpc_parameter,
        ];
        args.extend_from_slice(extra);
        ecsnet(&endpoint, &args)
    };
    // A new stack with an ingress rule broadens security: `--yes` off a terminal.
    let created = deploy(&["--yes", "--parameter", "DatabasePassword=hunter2"]);
    assert!(created.status.success(), "{}", text(&created));
    assert!(
        stderr(&created).contains("stack `ecsnet-test-network`: CREATE_COMPLETE"),
        "{}",
        text(&created)
    );
    // The NoEcho parameter is masked, the others are shown.
    assert!(
        stderr(&created).contains("parameter DatabasePassword=****"),
        "{}",
        text(&created)
    );
    assert!(!text(&created).contains("hunter2"), "{}", text(&created));
    assert!(
        stderr(&created).contains(&format!("parameter VpcId={vpc}")),
        "{}",
        text(&created)
    );
    assert_eq!(subnet_cidrs(&host, &vpc), ["10.0.1.0/24"]);

    // The same template with another parameter value: an update, and no
    // template change to confirm. The emulator records the new value but
    // does not update resources for a parameter alone, so the value is
    // read back from the stack.
    assert_eq!(
        stack_parameter(&host, "ecsnet-test-network", "SubnetCidr"),
        "10.0.1.0/24"
    );
    let updated = deploy(&["--parameter", "SubnetCidr=10.0.2.0/24"]);
    assert!(updated.status.success(), "{}", text(&updated));
    assert!(
        stderr(&updated).contains("stack `ecsnet-test-network`: UPDATE_COMPLETE"),
        "{}",
        text(&updated)
    );
    assert_eq!(
        stack_parameter(&host, "ecsnet-test-network", "SubnetCidr"),
        "10.0.2.0/24"
    );

    // The deployed template against the same file and another one.
    let same = ecsnet(
        &endpoint,
        &["diff", "--stack", "ecsnet-test-network", NETWORK, "--fail"],
    );
    assert_eq!(same.status.code(), Some(0), "{}", text(&same));
    assert!(
        String::from_utf8_lossy(&same.stdout).contains("no differences"),
        "{}",
        text(&same)
    );
    let other = ecsnet(
        &endpoint,
        &[
            "diff",
            "--stack",
            "ecsnet-test-network",
            NETWORK_REPLACED,
            "--fail",
        ],
    );
    assert_eq!(other.status.code(), Some(1), "{}", text(&other));

    let destroyed = ecsnet(&endpoint, &["destroy", stack[0], stack[1], "--yes"]);
    assert!(destroyed.status.success(), "{}", text(&destroyed));
    let listed = String::from_utf8_lossy(&destroyed.stdout);
    assert!(
        listed.contains("stack `ecsnet-test-network`: 7 resources to delete"),
        "{}",
        text(&destroyed)
    );
    assert!(
        lists(&listed, "PrivateRouteTable", "AWS::EC2::RouteTable", "rtb-"),
        "{}",
        text(&destroyed)
    );
    assert!(
        stderr(&destroyed).contains("stack `ecsnet-test-network`: DELETE_COMPLETE"),
        "{}",
        text(&destroyed)
    );
    // The emulator loses track of a subnet updated through a parameter
    // alone, so the subnet's deletion is checked by the other tests.

    let again = ecsnet(&endpoint, &["destroy", stack[0], stack[1], "--yes"]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    assert_eq!(
        stderr(&again),
        "ecsnet: stack `ecsnet-test-network` does not exist\n"
    );
}

#[test]
fn a_deploy_into_a_missing_vpc_fails_with_the_reason() {
    let Some(host) = emulator() else { return };
    let endpoint = format!("http://{host}");
    let failed = ecsnet(
        &endpoint,
        &[
            "deploy",
            NETWORK,
            "--stack-name",
            "ecsnet-test-missing-vpc",
            "--parameter",
            "VpcId=vpc-0000000000000dead",
            "--yes",
        ],
    );
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed));
    let last = stderr(&failed);
    let last = last.lines().last().unwrap_or_default();
    assert!(last.starts_with("ecsnet: "), "{}", text(&failed));
    assert!(last.contains("vpc-0000000000000dead"), "{}", text(&failed));
    assert!(last.contains("does not exist"), "{}", text(&failed));
}

#[test]
fn refuses_a_replacement_off_a_terminal_without_yes() {
    let Some(host) = emulator() else { return };
    let endpoint = format!("http://{host}");
    let vpc = create_vpc(&host);
    let vpc_parameter = format!("VpcId={vpc}");
    let deploy = |template: &str, extra: &[&str]| {
        let mut args = vec![
            "deploy",
            template,
            "--stack-name",
            "ecsnet-test-refusal",
            "--parameter",
            &vpc_parameter,
        ];
        args.extend_from_slice(extra);
        ecsnet(&endpoint, &args)
    };
    let created = deploy(NETWORK, &["--yes"]);
    assert!(created.status.success(), "{}", text(&created));
    let subnets = ec2(
        &host,
        &format!("Action=DescribeSubnets&Filter.1.Name=vpc-id&Filter.1.Value.1={vpc}"),
    );

    // The same template and parameters again: an empty change set.
    let unchanged = deploy(NETWORK, &[]);
    assert!(unchanged.status.success(), "{}", text(&unchanged));
    assert!(
        stderr(&unchanged).contains("stack `ecsnet-test-refusal`: no changes"),
        "{}",
        text(&unchanged)
    );

    // Another availability zone replaces the subnet: refused without `--yes`.
    let refused = deploy(NETWORK_REPLACED, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        stderr(&refused).contains(
            "ecsnet: stack `ecsnet-test-refusal` not deployed: the changes replace resources"
        ),
        "{}",
        text(&refused)
    );
    // The subnet is the same one (same id, same zone).
    let after = ec2(
        &host,
        &format!("Action=DescribeSubnets&Filter.1.Name=vpc-id&Filter.1.Value.1={vpc}"),
    );
    assert_eq!(values(&after, "subnetId"), values(&subnets, "subnetId"));
    assert_eq!(
        values(&after, "availabilityZone"),
        values(&subnets, "availabilityZone")
    );

    // Destroying needs `--yes` off a terminal too.
    let kept = ecsnet(
        &endpoint,
        &["destroy", "--stack-name", "ecsnet-test-refusal"],
    );
    assert_eq!(kept.status.code(), Some(1), "{}", text(&kept));
    assert!(
        stderr(&kept).ends_with(
            "ecsnet: nothing deleted: there is no terminal to ask on; \
             pass `--yes` to delete without asking\n"
        ),
        "{}",
        text(&kept)
    );
    assert_eq!(
        values(&after, "subnetId"),
        values(
            &ec2(
                &host,
                &format!("Action=DescribeSubnets&Filter.1.Name=vpc-id&Filter.1.Value.1={vpc}")
            ),
            "subnetId"
        )
    );

    let destroyed = ecsnet(
        &endpoint,
        &["destroy", "--stack-name", "ecsnet-test-refusal", "--yes"],
    );
    assert!(destroyed.status.success(), "{}", text(&destroyed));
    assert_eq!(subnet_cidrs(&host, &vpc), Vec::<String>::new());
}

#[test]
fn deploys_and_destroys_an_app_in_order() {
    let Some(host) = emulator() else { return };
    let endpoint = format!("http://{host}");
    let vpc = create_vpc(&host);
    let vpc_parameter = format!("VpcId={vpc}");
    // `VpcCidr` is declared by the first stack only, `VpcId` and
    // `SubnetCidr` by the second.
    let deployed = ecsnet(
        &endpoint,
        &[
            "deploy",
            APP,
            "--parameter",
            "SubnetCidr=10.0.4.0/24",
            "--parameter",
            "VpcCidr=10.9.0.0/16",
            "--parameter",
            &vpc_parameter,
            "--yes",
        ],
    );
    assert!(deployed.status.success(), "{}", text(&deployed));
    let log = stderr(&deployed);
    let first = log.find("stack `ecsnet-test-app-vpc`: CREATE_COMPLETE");
    let second = log.find("stack `ecsnet-test-app-network`: CREATE_COMPLETE");
    assert!(first.is_some() && first < second, "{}", text(&deployed));

    // The first stack's VPC, with the CIDR given for it.
    let vpcs = ec2(
        &host,
        "Action=DescribeVpcs&Filter.1.Name=cidr&Filter.1.Value.1=10.9.0.0%2F16",
    );
    assert_eq!(values(&vpcs, "vpcId").len(), 1, "{vpcs}");
    assert_eq!(subnet_cidrs(&host, &vpc), ["10.0.4.0/24"]);

    let destroyed = ecsnet(&endpoint, &["destroy", APP, "--yes"]);
    assert!(destroyed.status.success(), "{}", text(&destroyed));
    let log = stderr(&destroyed);
    let first = log.find("stack `ecsnet-test-app-network`: DELETE_COMPLETE");
    let second = log.find("stack `ecsnet-test-app-vpc`: DELETE_COMPLETE");
    assert!(first.is_some() && first < second, "{}", text(&destroyed));
    assert_eq!(subnet_cidrs(&host, &vpc), Vec::<String>::new());
}

#[test]
fn a_large_template_goes_through_the_template_bucket() {
    let Some(host) = emulator() else { return };
    let endpoint = format!("http://{host}");
    // Over CloudFormation's 51,200 bytes for a template sent inline.
    let padding = "x".repeat(60_000);
    let template = serde_json::json!({
        "Resources": {
            "Logs": {
                "Type": "AWS::Logs::LogGroup",
                "Metadata": { "Padding": padding }
            }
        }
    });
    let file = std::env::temp_dir().join(format!("ecsnet-large-{}.json", std::process::id()));
    std::fs::write(&file, template.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let args = ["deploy", file, "--stack-name", "ecsnet-test-large"];

    let refused = ecsnet(&endpoint, &args);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        stderr(&refused).contains("is 60079 bytes, over CloudFormation's 51200 for a template sent inline; pass `--template-bucket BUCKET`"),
        "{}",
        text(&refused)
    );

    // A bucket, made with S3's REST API (path style).
    let mut stream = TcpStream::connect(&host).unwrap();
    write!(
        stream,
        "PUT /ecsnet-test-templates HTTP/1.1\r\nHost: {host}\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, \
         SignedHeaders=host, Signature=0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    let mut with_bucket = args.to_vec();
    with_bucket.extend(["--template-bucket", "ecsnet-test-templates", "--yes"]);
    let deployed = ecsnet(&endpoint, &with_bucket);
    let _ = std::fs::remove_file(file);
    assert!(deployed.status.success(), "{}", text(&deployed));
    assert!(
        stderr(&deployed).contains("stack `ecsnet-test-large`: CREATE_COMPLETE"),
        "{}",
        text(&deployed)
    );
    let destroyed = ecsnet(
        &endpoint,
        &["destroy", "--stack-name", "ecsnet-test-large", "--yes"],
    );
    assert!(destroyed.status.success(), "{}", text(&destroyed));
}

// The tests below need no emulator: they prove that nothing is sent. The
// endpoint is a closed local port, so a call would fail with another message.

const NOWHERE: &str = "http://127.0.0.1:9";

#[test]
fn names_every_missing_parameter_before_any_call() {
    let output = ecsnet(NOWHERE, &["deploy", NETWORK, "--stack-name", "s"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        stderr(&output).starts_with(
            "ecsnet: stack `s`: missing parameter `VpcId`, which has no default; \
             pass `--parameter KEY=VALUE` or `--parameters-file FILE`\n"
        ),
        "{}",
        text(&output)
    );
}

#[test]
fn names_an_unknown_parameter_with_the_closest_one() {
    let output = ecsnet(
        NOWHERE,
        &[
            "deploy",
            NETWORK,
            "--stack-name",
            "s",
            "--parameter",
            "VpcId=vpc-1",
            "--parameter",
            "SubnetCIDR=10.0.0.0/24",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        stderr(&output).starts_with(
            "ecsnet: unknown parameter `SubnetCIDR` (did you mean `SubnetCidr`?); no template declares it\n"
        ),
        "{}",
        text(&output)
    );
}

#[test]
fn an_app_parameter_that_no_stack_declares_is_an_error() {
    let output = ecsnet(
        NOWHERE,
        &[
            "deploy",
            APP,
            "--parameter",
            "VpcId=vpc-1",
            "--parameter",
            "SubnetCird=x",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        stderr(&output).starts_with(
            "ecsnet: unknown parameter `SubnetCird` (did you mean `SubnetCidr`?); no template declares it\n"
        ),
        "{}",
        text(&output)
    );
    let output = ecsnet(NOWHERE, &["deploy", APP, "--stack-name", "x"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
}

#[test]
fn an_unreachable_endpoint_is_one_line() {
    let output = ecsnet(NOWHERE, &["destroy", "--stack-name", "s", "--yes"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let message = stderr(&output);
    assert!(
        message.starts_with("ecsnet: cannot read stack `s`: "),
        "{}",
        text(&output)
    );
    assert_eq!(message.lines().count(), 1, "{}", text(&output));
}

#[test]
fn ctrl_c_stops_the_waiting_with_exit_130() {
    // A local server that accepts the connection and never answers: the
    // command waits on its first call until it is interrupted.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let child = Command::new(env!("CARGO_BIN_EXE_ecsnet"))
        .args(["destroy", "--stack-name", "s", "--yes"])
        .env("AWS_ENDPOINT_URL", &endpoint)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/nonexistent/ecsnet-test/config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/ecsnet-test/credentials",
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the request has arrived, the command is waiting.
    let (_connection, _) = listener.accept().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", text(&output));
    assert_eq!(
        stderr(&output),
        "\necsnet: interrupted before any stack operation started\n"
    );
}

#[test]
fn missing_credentials_are_one_line() {
    let output = Command::new(env!("CARGO_BIN_EXE_ecsnet"))
        .args(["destroy", "--stack-name", "s", "--yes"])
        .env_clear()
        .env("AWS_ENDPOINT_URL", NOWHERE)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/nonexistent/ecsnet-test/config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/ecsnet-test/credentials",
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert_eq!(
        stderr(&output),
        "ecsnet: cannot read stack `s`: no AWS credentials found in the environment, the \
         profiles, web identity, the container or the instance metadata; configure them as for \
         the AWS CLI (`aws configure`, `aws sso login`, `AWS_PROFILE`)\n"
    );
}
