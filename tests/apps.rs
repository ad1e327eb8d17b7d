//! Apps: what `#[app]` makes of references between stacks, in the
//! templates and the manifest.

use ecsnet::prelude::*;
use serde_json::{Value, json};

#[app(name = "shop")]
mod shop {
    /// The network.
    #[stack]
    pub mod network {
        #[parameter(String, allowed_values = ["10.0.0.0/16", "10.1.0.0/16"])]
        pub struct VpcBlock;

        #[resource(AWS::EC2::VPC { cidr_block: VpcBlock })]
        pub struct Vpc;

        #[resource(AWS::EC2::Subnet { vpc_id: Vpc, cidr_block: select(0, cidr(Vpc.CidrBlock, 4, 8)) })]
        pub struct PrivateSubnet;

        #[parameter(AWS::EC2::Subnet::Id)]
        pub struct PublicSubnet;

        #[parameter(List<AWS::EC2::Subnet::Id>)]
        pub struct DatabaseSubnets;

        #[construct(ecsnet::constructs::nat_gateway { public_subnet: PublicSubnet })]
        pub struct Egress;

        #[construct(ecsnet::constructs::private_subnet {
            vpc: Vpc,
            cidr_block: select(1, cidr(Vpc.CidrBlock, 4, 8)),
            nat_gateway: EgressGateway,
        })]
        pub struct Tasks;

        /// The VPC's id, for whoever needs it.
        #[output(Vpc)]
        pub struct VpcIdOutput;
    }

    /// The application, in the network's subnet.
    #[stack]
    pub mod application {
        #[resource(AWS::EC2::SecurityGroup {
            group_description: "Application tasks",
            vpc_id: network::VpcIdOutput,
            security_group_ingress: [{
                ip_protocol: "tcp",
                from_port: 443,
                to_port: 443,
                cidr_ip: network::Vpc.CidrBlock,
            }],
            tags: [{ key: "Network", value: sub!("${network::Vpc}-${AWS::Region}") }],
        })]
        pub struct TaskSecurityGroup;

        #[resource(AWS::EC2::NetworkInterface {
            subnet_id: super::network::PrivateSubnet,
            group_set: [TaskSecurityGroup],
        })]
        pub struct Interface;

        #[resource(AWS::EC2::NetworkInterface {
            subnet_id: network::TasksSubnet,
            group_set: [TaskSecurityGroup],
        })]
        pub struct TaskInterface;

        #[resource(AWS::RDS::DBSubnetGroup {
            db_subnet_group_description: "Database subnets",
            subnet_ids: network::DatabaseSubnets,
        })]
        pub struct DatabaseSubnetGroup;
    }

    /// A stack that uses the application's group, and through it depends on
    /// the network.
    #[stack]
    pub mod monitoring {
        // ANCHOR: import
        #[import(
            AWS::EC2::VPC::Id,
            export = "shared-network:VpcId",
            cidr = "192.168.0.0/16"
        )]
        pub struct SharedVpc;

        #[resource(AWS::EC2::Subnet { vpc_id: SharedVpc, cidr_block: "192.168.4.0/24" })]
        pub struct ProbeSubnet;
        // ANCHOR_END: import

        #[resource(AWS::EC2::SecurityGroupIngress {
            group_id: application::TaskSecurityGroup.GroupId,
            ip_protocol: "tcp",
            from_port: 9100,
            to_port: 9100,
            cidr_ip: "192.168.4.0/24",
        })]
        pub struct MetricsIngress;
    }
}

fn template(stack: &str) -> Value {
    let app = shop::app();
    let stack = app.stacks.iter().find(|s| s.name == stack).unwrap();
    serde_json::from_str(&(stack.template)().to_json()).unwrap()
}

#[test]
fn stacks_come_in_deployment_order_with_their_exports_and_imports() {
    let app = shop::app();
    let order: Vec<(&str, &str)> = app.stacks.iter().map(|s| (s.name, s.stack_name)).collect();
    assert_eq!(
        order,
        [
            ("network", "shop-network"),
            ("application", "shop-application"),
            ("monitoring", "shop-monitoring"),
        ]
    );
    assert_eq!(
        app.stacks[0].exports,
        [
            "shop-network:Vpc",
            "shop-network:Vpc:CidrBlock",
            "shop-network:PrivateSubnet",
            "shop-network:TasksSubnet",
            "shop-network:DatabaseSubnets",
        ]
    );
    assert_eq!(
        app.stacks[1].exports,
        ["shop-application:TaskSecurityGroup:GroupId"]
    );
    assert_eq!(app.stacks[1].imports, app.stacks[0].exports);
    // An `#[import]` is another tool's export, not the app's.
    assert_eq!(
        app.stacks[2].imports,
        ["shop-application:TaskSecurityGroup:GroupId"]
    );
}

#[test]
fn the_producing_stack_exports_what_the_others_use() {
    let network = template("network");
    assert_eq!(
        network["Outputs"]["ExportVpcCidrBlock"],
        json!({
            "Description": "Exports Vpc as shop-network:Vpc:CidrBlock for the other stacks of the app.",
            "Value": {"Fn::GetAtt": ["Vpc", "CidrBlock"]},
            "Export": {"Name": "shop-network:Vpc:CidrBlock"},
        })
    );
    assert_eq!(
        network["Outputs"]["ExportVpc"]["Value"],
        json!({"Ref": "Vpc"})
    );
    assert_eq!(
        network["Outputs"]["ExportPrivateSubnet"]["Value"],
        json!({"Ref": "PrivateSubnet"})
    );
    // An output's value is a string: a list is exported joined.
    assert_eq!(
        network["Outputs"]["ExportDatabaseSubnets"]["Value"],
        json!({"Fn::Join": [",", {"Ref": "DatabaseSubnets"}]})
    );
    // The author's own output stays as written.
    assert_eq!(
        network["Outputs"]["VpcIdOutput"]["Value"],
        json!({"Ref": "Vpc"})
    );
}

#[test]
fn the_consuming_stack_imports_and_declares_no_copy() {
    let application = template("application");
    let resources = application["Resources"].as_object().unwrap();
    assert_eq!(
        resources.keys().collect::<Vec<_>>(),
        [
            "TaskSecurityGroup",
            "Interface",
            "TaskInterface",
            "DatabaseSubnetGroup"
        ]
    );
    assert!(application.get("Parameters").is_none(), "{application:#}");
    let group = &resources["TaskSecurityGroup"]["Properties"];
    // An output named by path imports what the output names.
    assert_eq!(
        group["VpcId"],
        json!({"Fn::ImportValue": "shop-network:Vpc"})
    );
    assert_eq!(
        group["SecurityGroupIngress"][0]["CidrIp"],
        json!({"Fn::ImportValue": "shop-network:Vpc:CidrBlock"})
    );
    assert_eq!(
        group["Tags"][0]["Value"],
        json!({"Fn::Sub": ["${networkVpc}-${AWS::Region}", {"networkVpc": {"Fn::ImportValue": "shop-network:Vpc"}}]})
    );
    assert_eq!(
        resources["Interface"]["Properties"]["SubnetId"],
        json!({"Fn::ImportValue": "shop-network:PrivateSubnet"})
    );
    // A list is imported split again.
    assert_eq!(
        resources["DatabaseSubnetGroup"]["Properties"]["SubnetIds"],
        json!({"Fn::Split": [",", {"Fn::ImportValue": "shop-network:DatabaseSubnets"}]})
    );
    // A declaration a construct instance makes in the other stack.
    assert_eq!(
        resources["TaskInterface"]["Properties"]["SubnetId"],
        json!({"Fn::ImportValue": "shop-network:TasksSubnet"})
    );
}

#[test]
fn an_import_is_read_where_it_is_used() {
    let monitoring = template("monitoring");
    assert!(monitoring.get("Parameters").is_none(), "{monitoring:#}");
    assert_eq!(
        monitoring["Resources"]["ProbeSubnet"]["Properties"]["VpcId"],
        json!({"Fn::ImportValue": "shared-network:VpcId"})
    );
    assert_eq!(
        monitoring["Resources"]["MetricsIngress"]["Properties"]["GroupId"],
        json!({"Fn::ImportValue": "shop-application:TaskSecurityGroup:GroupId"})
    );
    // Nothing of the network stack is in it, though it was checked with it.
    assert_eq!(
        monitoring["Resources"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["ProbeSubnet", "MetricsIngress"]
    );
}

#[test]
fn the_command_line_writes_every_stack_and_the_manifest() {
    let dir = std::env::temp_dir().join(format!("ecsnet-apps-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = ecsnet::cli::run_app(
        &shop::app(),
        &["shop", "--output-dir", dir.to_str().unwrap()],
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    let stdout = String::from_utf8(stdout).unwrap();
    let network_line = stdout.find("--stack-name shop-network").unwrap();
    let application_line = stdout.find("--stack-name shop-application").unwrap();
    assert!(network_line < application_line, "{stdout}");
    assert!(
        stdout.contains(" --parameter-overrides VpcBlock=… PublicSubnet=… DatabaseSubnets=…\n"),
        "{stdout}"
    );
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["app"], "shop");
    assert_eq!(
        manifest["stacks"][0],
        json!({
            "name": "network",
            "stack_name": "shop-network",
            "template": "network.json",
            "parameters": [
                {"name": "VpcBlock", "type": "String", "no_echo": false},
                {"name": "PublicSubnet", "type": "AWS::EC2::Subnet::Id", "no_echo": false},
                {"name": "DatabaseSubnets", "type": "List<AWS::EC2::Subnet::Id>", "no_echo": false},
            ],
            "capabilities": [],
            "exports": [
                "shop-network:Vpc",
                "shop-network:Vpc:CidrBlock",
                "shop-network:PrivateSubnet",
                "shop-network:TasksSubnet",
                "shop-network:DatabaseSubnets",
            ],
            "imports": [],
        })
    );
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("application.json")).unwrap())
            .unwrap();
    assert_eq!(written, template("application"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_app_needs_a_directory() {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = ecsnet::cli::run_app(
        &shop::app(),
        &["shop", "--output", "x.json"],
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(code, 2);
    assert_eq!(
        String::from_utf8(stderr).unwrap(),
        "error: an app writes one template per stack: `--output-dir DIR`\ntry `shop --help`\n"
    );
}
