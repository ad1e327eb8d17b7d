//! The security changes of a diff, as `cdk diff` tables them: IAM policy
//! statements and managed policies added and removed, and security-group
//! rules added and removed.
//!
//! Statements come from the inline `Policies` of IAM roles, users and
//! groups, a role's `AssumeRolePolicyDocument`, the `PolicyDocument` of
//! IAM policies and of resource policies (S3 bucket, SQS queue, SNS topic),
//! and a KMS key's `KeyPolicy`. A statement that changes is one removed and
//! one added. Rules come from a security group's `SecurityGroupIngress` and
//! `SecurityGroupEgress` lists and from `AWS::EC2::SecurityGroupIngress`
//! and `SecurityGroupEgress` resources; a rule is the same on both sides
//! when its group, direction, protocol, ports and peer are, wherever it is
//! written.

use super::Action;
use super::values::{self, show};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The security changes between two templates.
#[derive(Default)]
pub(crate) struct SecurityDiff {
    pub statements: Vec<StatementChange>,
    pub managed_policies: Vec<ManagedPolicyChange>,
    pub rules: Vec<RuleChange>,
}

/// An IAM statement added or removed.
pub(crate) struct StatementChange {
    pub action: Action,
    /// The logical id of the resource that holds it.
    pub resource: String,
    /// Where in the resource: `AssumeRolePolicyDocument`, `PolicyDocument`,
    /// `Policies[AppPolicy]`.
    pub source: String,
    pub statement: Value,
}

/// A managed policy ARN attached or detached.
pub(crate) struct ManagedPolicyChange {
    pub action: Action,
    pub resource: String,
    pub arn: Value,
}

/// A security-group rule added or removed.
pub(crate) struct RuleChange {
    pub action: Action,
    pub rule: Rule,
}

/// One security-group rule, written out.
#[derive(Clone)]
pub(crate) struct Rule {
    /// The group's logical id (or its value, when it is not a reference).
    pub group: String,
    /// `ingress` or `egress`.
    pub direction: &'static str,
    /// `tcp`, `udp`, `icmp`, `all`, or the protocol number.
    pub protocol: String,
    /// `80`, `32768-65535`, `all`; for ICMP, `type 8` or `type 3 code 4`.
    pub ports: String,
    /// The CIDR block, group or prefix list on the other side.
    pub peer: String,
    /// `cidr`, `security_group`, `prefix_list`, or `none`.
    pub peer_kind: &'static str,
    /// The peer is `0.0.0.0/0` or `::/0`.
    pub open: bool,
    /// The logical id of the resource the rule is written in.
    pub defined_in: String,
    /// The rule's `Description`, if any.
    pub description: Option<String>,
}

impl Rule {
    fn key(&self) -> (String, &'static str, String, String, String) {
        (
            self.group.clone(),
            self.direction,
            self.protocol.clone(),
            self.ports.clone(),
            self.peer.clone(),
        )
    }
}

impl SecurityDiff {
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty() && self.managed_policies.is_empty() && self.rules.is_empty()
    }

    /// Something is allowed that was not: an `Allow` statement, a managed
    /// policy or a rule added. (A `Deny` statement added narrows.)
    pub fn broadens(&self) -> bool {
        self.statements.iter().any(|s| {
            s.action == Action::Add
                && s.statement.get("Effect").and_then(Value::as_str) != Some("Deny")
        }) || self
            .managed_policies
            .iter()
            .any(|p| p.action == Action::Add)
            || self.rules.iter().any(|r| r.action == Action::Add)
    }
}

/// Compares the security-relevant parts of two templates' resources.
pub(crate) fn diff(old: &Map<String, Value>, new: &Map<String, Value>) -> SecurityDiff {
    let mut out = SecurityDiff::default();
    let (old_statements, new_statements) = (statements(old), statements(new));
    let key = |s: &(String, String, Value)| (s.0.clone(), s.1.clone(), values::canonical(&s.2));
    for (action, from, against) in [
        (Action::Remove, &old_statements, &new_statements),
        (Action::Add, &new_statements, &old_statements),
    ] {
        let present: HashSet<_> = against.iter().map(key).collect();
        for statement in from.iter().filter(|s| !present.contains(&key(s))) {
            out.statements.push(StatementChange {
                action,
                resource: statement.0.clone(),
                source: statement.1.clone(),
                statement: statement.2.clone(),
            });
        }
    }
    let (old_policies, new_policies) = (managed_policies(old), managed_policies(new));
    let key = |p: &(String, Value)| (p.0.clone(), values::canonical(&p.1));
    for (action, from, against) in [
        (Action::Remove, &old_policies, &new_policies),
        (Action::Add, &new_policies, &old_policies),
    ] {
        let present: HashSet<_> = against.iter().map(key).collect();
        for policy in from.iter().filter(|p| !present.contains(&key(p))) {
            out.managed_policies.push(ManagedPolicyChange {
                action,
                resource: policy.0.clone(),
                arn: policy.1.clone(),
            });
        }
    }
    let (old_rules, new_rules) = (rules(old), rules(new));
    for (action, from, against) in [
        (Action::Remove, &old_rules, &new_rules),
        (Action::Add, &new_rules, &old_rules),
    ] {
        let present: HashSet<_> = against.iter().map(Rule::key).collect();
        for rule in from.iter().filter(|r| !present.contains(&r.key())) {
            out.rules.push(RuleChange {
                action,
                rule: rule.clone(),
            });
        }
    }
    out
}

/// Every IAM statement of the resources: (resource, source, statement).
fn statements(resources: &Map<String, Value>) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (id, resource) in resources {
        let Some(properties) = resource.get("Properties") else {
            continue;
        };
        let mut document = |source: String, value: Option<&Value>| {
            let Some(value) = value else { return };
            match value.get("Statement") {
                Some(Value::Array(items)) => {
                    out.extend(
                        items
                            .iter()
                            .map(|s| (id.clone(), source.clone(), s.clone())),
                    );
                }
                Some(single) => out.push((id.clone(), source, single.clone())),
                // A document that is a function (`Fn::If`) is one unit.
                None => out.push((id.clone(), source, value.clone())),
            }
        };
        match resource
            .get("Type")
            .and_then(Value::as_str)
            .unwrap_or_default()
        {
            kind @ ("AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group") => {
                if kind == "AWS::IAM::Role" {
                    document(
                        "AssumeRolePolicyDocument".to_owned(),
                        properties.get("AssumeRolePolicyDocument"),
                    );
                }
                if let Some(Value::Array(policies)) = properties.get("Policies") {
                    for policy in policies {
                        let name = policy.get("PolicyName").map(show).unwrap_or_default();
                        document(format!("Policies[{name}]"), policy.get("PolicyDocument"));
                    }
                }
            }
            "AWS::IAM::Policy"
            | "AWS::IAM::ManagedPolicy"
            | "AWS::IAM::RolePolicy"
            | "AWS::IAM::UserPolicy"
            | "AWS::IAM::GroupPolicy"
            | "AWS::S3::BucketPolicy"
            | "AWS::SQS::QueuePolicy"
            | "AWS::SNS::TopicPolicy" => document(
                "PolicyDocument".to_owned(),
                properties.get("PolicyDocument"),
            ),
            "AWS::KMS::Key" => document("KeyPolicy".to_owned(), properties.get("KeyPolicy")),
            _ => {}
        }
    }
    out
}

/// Every managed policy ARN attached to a role, user or group.
fn managed_policies(resources: &Map<String, Value>) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (id, resource) in resources {
        let kind = resource
            .get("Type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !matches!(
            kind,
            "AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group"
        ) {
            continue;
        }
        match resource.pointer("/Properties/ManagedPolicyArns") {
            Some(Value::Array(arns)) => out.extend(arns.iter().map(|a| (id.clone(), a.clone()))),
            Some(other) => out.push((id.clone(), other.clone())),
            None => {}
        }
    }
    out
}

/// Every security-group rule of the resources.
fn rules(resources: &Map<String, Value>) -> Vec<Rule> {
    let mut out = Vec::new();
    for (id, resource) in resources {
        let Some(properties) = resource.get("Properties") else {
            continue;
        };
        match resource
            .get("Type")
            .and_then(Value::as_str)
            .unwrap_or_default()
        {
            "AWS::EC2::SecurityGroup" => {
                for (key, direction) in [
                    ("SecurityGroupIngress", "ingress"),
                    ("SecurityGroupEgress", "egress"),
                ] {
                    match properties.get(key) {
                        Some(Value::Array(items)) => {
                            out.extend(
                                items
                                    .iter()
                                    .map(|item| rule(id.clone(), direction, item, id)),
                            );
                        }
                        Some(other) => out.push(rule(id.clone(), direction, other, id)),
                        None => {}
                    }
                }
            }
            kind @ ("AWS::EC2::SecurityGroupIngress" | "AWS::EC2::SecurityGroupEgress") => {
                let direction = if kind.ends_with("Ingress") {
                    "ingress"
                } else {
                    "egress"
                };
                let group = properties
                    .get("GroupId")
                    .or_else(|| properties.get("GroupName"))
                    .map(referred)
                    .unwrap_or_default();
                out.push(rule(group, direction, properties, id));
            }
            _ => {}
        }
    }
    out
}

/// The logical id a value refers to (`!Ref X`, `!GetAtt X.GroupId`), or
/// the value shown.
fn referred(value: &Value) -> String {
    match values::intrinsic(value) {
        Some(("Ref", Value::String(name))) => name.clone(),
        Some(("Fn::GetAtt", Value::Array(parts))) => parts.first().map(show).unwrap_or_default(),
        _ => show(value),
    }
}

fn rule(group: String, direction: &'static str, item: &Value, defined_in: &str) -> Rule {
    let protocol = match item.get("IpProtocol") {
        Some(value) if values::intrinsic(value).is_none() => {
            match values::scalar_text(value).to_ascii_lowercase().as_str() {
                "-1" | "all" => "all".to_owned(),
                "6" => "tcp".to_owned(),
                "17" => "udp".to_owned(),
                "1" => "icmp".to_owned(),
                "58" => "icmpv6".to_owned(),
                other => other.to_owned(),
            }
        }
        Some(value) => show(value),
        None => "all".to_owned(),
    };
    let port = |key: &str| {
        item.get(key).map(|v| match values::intrinsic(v) {
            Some(_) => show(v),
            None => values::scalar_text(v).into_owned(),
        })
    };
    let ports = ports(&protocol, port("FromPort"), port("ToPort"));
    let mut peer = ("(none)".to_owned(), "none", false);
    for (key, kind) in [
        ("CidrIp", "cidr"),
        ("CidrIpv6", "cidr"),
        ("SourceSecurityGroupId", "security_group"),
        ("DestinationSecurityGroupId", "security_group"),
        ("SourceSecurityGroupName", "security_group"),
        ("SourcePrefixListId", "prefix_list"),
        ("DestinationPrefixListId", "prefix_list"),
    ] {
        if let Some(value) = item.get(key) {
            let text = if kind == "security_group" {
                referred(value)
            } else {
                show(value)
            };
            let open = text == "0.0.0.0/0" || text == "::/0";
            peer = (text, kind, open);
            break;
        }
    }
    Rule {
        group,
        direction,
        protocol,
        ports,
        peer: peer.0,
        peer_kind: peer.1,
        open: peer.2,
        defined_in: defined_in.to_owned(),
        description: item.get("Description").map(show),
    }
}

/// The ports of a rule as a person reads them.
fn ports(protocol: &str, from: Option<String>, to: Option<String>) -> String {
    if protocol == "all" {
        return "all".to_owned();
    }
    if protocol.starts_with("icmp") {
        return match (from.as_deref(), to.as_deref()) {
            (None | Some("-1"), _) => "all".to_owned(),
            (Some(kind), None | Some("-1")) => format!("type {kind}"),
            (Some(kind), Some(code)) => format!("type {kind} code {code}"),
        };
    }
    match (from, to) {
        (None, None) => "all".to_owned(),
        (Some(from), Some(to)) if from == "-1" || (from == "0" && to == "65535") => {
            "all".to_owned()
        }
        (Some(from), Some(to)) if from == to => from,
        (Some(from), Some(to)) => format!("{from}-{to}"),
        (Some(one), None) | (None, Some(one)) => one,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ports_as_people_write_them() {
        let p = |protocol: &str, from: Option<&str>, to: Option<&str>| {
            ports(protocol, from.map(str::to_owned), to.map(str::to_owned))
        };
        assert_eq!(p("tcp", Some("80"), Some("80")), "80");
        assert_eq!(p("tcp", Some("32768"), Some("65535")), "32768-65535");
        assert_eq!(p("tcp", Some("0"), Some("65535")), "all");
        assert_eq!(p("all", Some("80"), Some("80")), "all");
        assert_eq!(p("icmp", Some("8"), Some("-1")), "type 8");
        assert_eq!(p("icmp", Some("-1"), Some("-1")), "all");
    }

    #[test]
    fn rules_from_groups_and_rule_resources_are_the_same_rule() {
        let inline = json!({"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": "x",
            "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": "80", "CidrIp": "0.0.0.0/0"}]}}});
        let separate = json!({
            "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x"}},
            "Http": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
                "GroupId": {"Fn::GetAtt": ["Sg", "GroupId"]}, "IpProtocol": "6", "FromPort": 80, "ToPort": 80, "CidrIp": "0.0.0.0/0"}}});
        let diff = diff(inline.as_object().unwrap(), separate.as_object().unwrap());
        assert!(diff.is_empty());
        let rules = rules(separate.as_object().unwrap());
        assert_eq!(
            (
                rules[0].group.as_str(),
                rules[0].protocol.as_str(),
                rules[0].ports.as_str(),
                rules[0].open
            ),
            ("Sg", "tcp", "80", true)
        );
    }

    #[test]
    fn statements_added_and_removed_and_deny_does_not_broaden() {
        let old = json!({"Role": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}}});
        let new = json!({"Role": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Statement": {"Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Effect": "Allow", "Action": "sts:AssumeRole"}},
            "Policies": [{"PolicyName": "Deny", "PolicyDocument": {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}}]}}});
        let diff = diff(old.as_object().unwrap(), new.as_object().unwrap());
        // The trust statement is the same, written as one object.
        assert_eq!(diff.statements.len(), 1);
        assert_eq!(diff.statements[0].source, "Policies[Deny]");
        assert_eq!(diff.managed_policies.len(), 1);
        assert_eq!(diff.managed_policies[0].action, Action::Remove);
        assert!(!diff.broadens());
    }
}
