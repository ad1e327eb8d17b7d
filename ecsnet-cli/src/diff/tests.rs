//! Template pairs and what the diff says about them. Every expected
//! rendering was read and checked by hand against CloudFormation's
//! documented behaviour (the create-only properties of each type are in
//! `ecsnet explain TYPE`).

use super::*;
use values::Level;

/// A small network: a VPC, a subnet with its route table and association,
/// a security group with a rule resource, a service in the subnet, a role.
const BASE: &str = r"
Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: !Sub ${AWS::Region}a
      Tags:
        - Key: Name
          Value: app
  RouteTable:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  Association:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref Subnet
      RouteTableId: !Ref RouteTable
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 10.0.0.0/16
  FromSelf:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Group.GroupId
      SourceSecurityGroupId: !GetAtt Group.GroupId
      IpProtocol: tcp
      FromPort: 32768
      ToPort: 65535
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    DependsOn: [Subnet, Vpc]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
Outputs:
  SubnetId:
    Value: !Ref Subnet
";

fn template(text: &str) -> Value {
    parse_template(text).unwrap()
}

/// The base template with `from` replaced by `to` (each must occur).
fn edited(edits: &[(&str, &str)]) -> Value {
    let mut text = BASE.to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    template(&text)
}

fn human(edits: &[(&str, &str)]) -> String {
    diff_templates(&template(BASE), &edited(edits)).render_human(false)
}

#[test]
fn the_same_template_has_no_differences() {
    let diff = diff_templates(&template(BASE), &template(BASE));
    assert!(diff.is_empty());
    assert_eq!(diff.render_human(true), "no differences\n");
    // `DependsOn` is a set.
    assert!(human(&[("[Subnet, Vpc]", "[Vpc, Subnet]")]) == "no differences\n");
}

#[test]
fn a_subnet_cidr_replaces_the_subnet_and_its_association() {
    assert_eq!(
        human(&[("CidrBlock: 10.0.0.0/24", "CidrBlock: 10.0.1.0/24")]),
        "\
Replacements
[-/+] AWS::EC2::Subnet Subnet: replaced, because CidrBlock changes (create-only)
[-/+] AWS::EC2::SubnetRouteTableAssociation Association: replaced, because SubnetId refers to Subnet, which is replaced (CidrBlock)

Resources
[~] AWS::EC2::Subnet Subnet (replaced)
    └─ Properties.CidrBlock (create-only): 10.0.0.0/24 → 10.0.1.0/24
[~] AWS::EC2::SubnetRouteTableAssociation Association (replaced)
    └─ Properties.SubnetId (create-only): !Ref Subnet (changes: Subnet is replaced)

Outputs
[~] Output SubnetId
    └─ Value: !Ref Subnet (changes: Subnet is replaced)
"
    );
}

#[test]
fn a_group_description_replaces_the_group_and_its_rule_resources() {
    let text = human(&[("GroupDescription: app", "GroupDescription: web")]);
    assert!(
        text.starts_with(
            "\
Replacements
[-/+] AWS::EC2::SecurityGroup Group: replaced, because GroupDescription changes (create-only)
[-/+] AWS::EC2::SecurityGroupIngress FromSelf: replaced, because GroupId refers to Group, which is replaced (GroupDescription); SourceSecurityGroupId refers to Group, which is replaced (GroupDescription)
"
        ),
        "{text}"
    );
}

#[test]
fn a_vpc_cidr_replaces_three_levels() {
    let diff = diff_templates(
        &template(BASE),
        &edited(&[("10.0.0.0/16\n", "10.1.0.0/16\n")]),
    );
    let replaced: Vec<(&str, Level)> = diff
        .resources
        .iter()
        .filter(|r| r.replacement > Level::Never)
        .map(|r| (r.logical_id.as_str(), r.replacement))
        .collect();
    assert_eq!(
        replaced,
        [
            ("Vpc", Level::Always),
            ("Subnet", Level::Always),
            ("RouteTable", Level::Always),
            ("Association", Level::Always),
            ("Group", Level::Always),
            ("FromSelf", Level::Always),
        ]
    );
    let text = diff.render_human(false);
    assert!(
        text.contains(
            "[-/+] AWS::EC2::SubnetRouteTableAssociation Association: replaced, because \
             SubnetId refers to Subnet, which is replaced (VpcId refers to Vpc, which is replaced (CidrBlock)); \
             RouteTableId refers to RouteTable, which is replaced (VpcId refers to Vpc, which is replaced (CidrBlock))\n"
        ),
        "{text}"
    );
    let association = &diff.to_json()["resources"][3];
    assert_eq!(
        association["caused_by"],
        serde_json::json!(["Subnet", "RouteTable"])
    );
}

#[test]
fn a_change_inside_fn_if_replaces_conditionally() {
    let diff = diff_templates(
        &template(BASE),
        &edited(&[(
            "CidrBlock: 10.0.0.0/24",
            "CidrBlock: !If [IsProd, 10.0.1.0/24, 10.0.0.0/24]",
        )]),
    );
    assert!(diff.replaces_any());
    let text = diff.render_human(false);
    assert!(
        text.starts_with(
            "\
Replacements
[-/+?] AWS::EC2::Subnet Subnet: may be replaced, because CidrBlock may change (create-only)
[-/+?] AWS::EC2::SubnetRouteTableAssociation Association: may be replaced, because SubnetId refers to Subnet, which may be replaced (CidrBlock)
"
        ),
        "{text}"
    );
    assert_eq!(diff.to_json()["resources"][0]["replacement"], "conditional");
}

#[test]
fn a_create_only_value_that_goes_away_replaces() {
    // `AvailabilityZone` is create-only: removing a computed value changes
    // it for certain; one that may be `AWS::NoValue` only for some values.
    let removed = diff_templates(
        &template(BASE),
        &edited(&[("      AvailabilityZone: !Sub ${AWS::Region}a\n", "")]),
    );
    assert_eq!(removed.to_json()["resources"][0]["logical_id"], "Subnet");
    assert_eq!(removed.to_json()["resources"][0]["replacement"], "always");
    let maybe = diff_templates(
        &template(BASE),
        &edited(&[(
            "      AvailabilityZone: !Sub ${AWS::Region}a\n",
            "      AvailabilityZone: !Sub ${AWS::Region}a\n      Ipv6Native: !If [IsProd, true, !Ref AWS::NoValue]\n",
        )]),
    );
    assert_eq!(
        maybe.to_json()["resources"][0]["replacement"],
        "conditional"
    );
}

#[test]
fn a_changed_default_makes_a_reference_to_its_parameter_conditional() {
    let diff = diff_templates(
        &template(&BASE.replace(
            "VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24",
            "VpcId: !Ref Vpc\n      CidrBlock: !Ref Env",
        )),
        &template(
            &BASE
                .replace(
                    "VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24",
                    "VpcId: !Ref Vpc\n      CidrBlock: !Ref Env",
                )
                .replace("Default: dev", "Default: test"),
        ),
    );
    let subnet = diff
        .resources
        .iter()
        .find(|r| r.logical_id == "Subnet")
        .unwrap();
    assert_eq!(subnet.replacement, Level::Conditional);
    // The same text and an unchanged default: nothing.
    let same = template(&BASE.replace("CidrBlock: 10.0.0.0/24", "CidrBlock: !Ref Env"));
    assert!(diff_templates(&same, &same).is_empty());
}

#[test]
fn a_property_that_is_not_create_only_changes_in_place() {
    let text = human(&[
        ("Value: app", "Value: web"),
        ("DeletionPolicy: Retain", "DeletionPolicy: Delete"),
    ]);
    assert_eq!(
        text,
        "\
Resources
[~] AWS::EC2::Subnet Subnet
    └─ Properties.Tags[0].Value: app → web
[~] AWS::SQS::Queue Queue
    └─ DeletionPolicy: Retain → Delete
"
    );
}

#[test]
fn added_removed_and_retyped_resources() {
    let diff = diff_templates(
        &template(BASE),
        &edited(&[
            (
                "  Queue:\n    Type: AWS::SQS::Queue",
                "  Topic:\n    Type: AWS::SNS::Topic",
            ),
            ("Type: AWS::IAM::Role", "Type: AWS::IAM::User"),
        ]),
    );
    let text = diff.render_human(false);
    assert!(text.contains("[-/+] AWS::IAM::User Role: replaced, because the type changes from AWS::IAM::Role to AWS::IAM::User\n"), "{text}");
    assert!(text.contains("[+] AWS::SNS::Topic Topic\n"), "{text}");
    assert!(text.ends_with("[-] AWS::SQS::Queue Queue\n"), "{text}");
    let json = diff.to_json();
    let actions: Vec<(&str, &str)> = json["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["logical_id"].as_str().unwrap(),
                r["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [("Topic", "add"), ("Role", "modify"), ("Queue", "remove")]
    );
}

#[test]
fn an_auto_scaling_group_that_will_replace() {
    let group = |template_name: &str, will_replace: bool| {
        template(&format!(
            "Resources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    UpdatePolicy:\n      AutoScalingReplacingUpdate:\n        WillReplace: {will_replace}\n    Properties:\n      MinSize: '1'\n      MaxSize: '2'\n      LaunchTemplate:\n        LaunchTemplateName: {template_name}\n        Version: '1'\n"
        ))
    };
    let diff = diff_templates(&group("a", true), &group("b", true));
    assert!(
        diff.render_human(false).starts_with(
            "Replacements\n[-/+?] AWS::AutoScaling::AutoScalingGroup Asg: may be replaced, because LaunchTemplate changes and UpdatePolicy.AutoScalingReplacingUpdate.WillReplace is true\n"
        ),
        "{}",
        diff.render_human(false)
    );
    assert!(!diff_templates(&group("a", false), &group("b", false)).replaces_any());
}

#[test]
fn security_changes_are_tabled_first() {
    let text = human(&[
        ("CidrIp: 10.0.0.0/16", "CidrIp: 0.0.0.0/0"),
        (
            "            Action: sts:AssumeRole\n",
            "            Action: sts:AssumeRole\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]\n      Policies:\n        - PolicyName: Read\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [s3:GetObject, s3:ListBucket]\n                Resource: '*'\n",
        ),
    ]);
    assert_eq!(
        text,
        "\
Security changes
IAM statements
     Resource  Where           Effect  Action                       Resource/Principal  Condition
  +  Role      Policies[Read]  Allow   s3:GetObject, s3:ListBucket  *
Managed policies
     Resource  Managed policy ARN
  +  Role      arn:aws:iam::aws:policy/AdministratorAccess
Security group rules
     Group  Direction  Protocol  Ports  Peer
  -  Group  ingress    tcp       443    10.0.0.0/16
  +  Group  ingress    tcp       443    0.0.0.0/0 (open to the world)

Resources
[~] AWS::EC2::SecurityGroup Group
    └─ Properties.SecurityGroupIngress[0].CidrIp: 10.0.0.0/16 → 0.0.0.0/0
[~] AWS::IAM::Role Role
    ├─ Properties.ManagedPolicyArns: (absent) → [arn:aws:iam::aws:policy/AdministratorAccess]
    └─ Properties.Policies: (absent) → [{PolicyName: Read, PolicyDocument: {Statement: [{Effect: Allow, Action: [s3:GetObject, s3:ListBucket], Resource: *}]}}]
"
    );
    let diff = diff_templates(
        &template(BASE),
        &edited(&[("CidrIp: 10.0.0.0/16", "CidrIp: 0.0.0.0/0")]),
    );
    assert!(diff.broadens_security());
    let narrower = diff_templates(
        &edited(&[("CidrIp: 10.0.0.0/16", "CidrIp: 0.0.0.0/0")]),
        &template(BASE),
    );
    // The open rule goes, the narrow one comes back: a rule added is a rule added.
    assert!(narrower.broadens_security());
    let removed = diff_templates(
        &template(BASE),
        &template(&BASE.replace(
            "          CidrIp: 10.0.0.0/16\n",
            "          SourcePrefixListId: pl-1\n",
        )),
    );
    assert_eq!(
        removed.to_json()["security"]["security_group_rules"][1]["peer_kind"],
        "prefix_list"
    );
}

#[test]
fn colours_only_when_asked() {
    let diff = diff_templates(
        &template(BASE),
        &edited(&[("CidrBlock: 10.0.0.0/24", "CidrBlock: 10.0.1.0/24")]),
    );
    assert!(!diff.render_human(false).contains('\x1b'));
    let coloured = diff.render_human(true);
    assert!(coloured.starts_with("\x1b[1mReplacements\x1b[0m\n\x1b[31m[-/+]\x1b[0m AWS::EC2::Subnet Subnet: \x1b[31mreplaced\x1b[0m"), "{coloured}");
}

#[test]
fn the_json_document() {
    let diff = diff_templates(
        &template(BASE),
        &edited(&[
            ("CidrBlock: 10.0.0.0/24", "CidrBlock: 10.0.1.0/24"),
            ("Default: dev", "Default: test"),
        ]),
    );
    let document = diff.to_json();
    let keys: Vec<&String> = document.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "summary",
            "parameters",
            "resources",
            "outputs",
            "other",
            "security"
        ]
    );
    assert_eq!(
        document["parameters"],
        serde_json::json!([{"name": "Env", "action": "modify", "changes": [
            {"path": "Default", "old": "dev", "new": "test", "replaced_references": []}]}])
    );
    assert_eq!(
        document["resources"][1],
        serde_json::json!({
            "logical_id": "Association",
            "type": "AWS::EC2::SubnetRouteTableAssociation",
            "action": "modify",
            "replacement": "always",
            "caused_by": ["Subnet"],
            "reason": "because SubnetId refers to Subnet, which is replaced (CidrBlock)",
            "properties": [{"path": "Properties.SubnetId", "old": {"Ref": "Subnet"}, "new": {"Ref": "Subnet"},
                            "create_only": true, "replaced_references": ["Subnet"]}],
        })
    );
    assert_eq!(
        document["summary"],
        serde_json::json!({"differences": true, "replaces_any": true, "broadens_security": false})
    );
    // The same input, the same bytes.
    assert_eq!(
        document.to_string(),
        diff_templates(
            &template(BASE),
            &edited(&[
                ("CidrBlock: 10.0.0.0/24", "CidrBlock: 10.0.1.0/24"),
                ("Default: dev", "Default: test")
            ])
        )
        .to_json()
        .to_string()
    );
}

#[test]
fn yaml_and_json_of_one_template_are_the_same() {
    let json = serde_json::to_string(&template(BASE)).unwrap();
    assert!(diff_templates(&template(BASE), &parse_template(&json).unwrap()).is_empty());
    assert!(parse_template("[1, 2]").is_err());
    assert!(
        parse_template("a: [1")
            .unwrap_err()
            .starts_with("not valid YAML")
    );
}

#[test]
fn the_format_version_left_out_is_the_same_version() {
    let with = template(&format!("AWSTemplateFormatVersion: '2010-09-09'\n{BASE}"));
    assert!(diff_templates(&template(BASE), &with).is_empty());
    // An empty template (a stack not deployed yet) against the chapter's
    // first lines: only the description is new.
    let empty = template("{}");
    let described =
        template("AWSTemplateFormatVersion: '2010-09-09'\nDescription: Network\nResources: {}");
    assert_eq!(
        diff_templates(&empty, &described).render_human(false),
        "Other changes\n[~] Description: (absent) → Network\n"
    );
}
