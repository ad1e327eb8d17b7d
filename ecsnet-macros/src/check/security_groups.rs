//! Rules on security group rules: ports, protocols, sources, and what task
//! networking changes about them.

use proc_macro2::Span;

use super::Context;
use crate::model::{AcknowledgedRule, Acknowledgment, Declaration, Object, Value};

/// Ingress or egress.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ingress,
    Egress,
}

/// One security group rule: an element of a group's `SecurityGroupIngress`
/// or `SecurityGroupEgress` list, or an `AWS::EC2::SecurityGroupIngress` /
/// `AWS::EC2::SecurityGroupEgress` resource.
pub struct SgRule<'a> {
    pub direction: Direction,
    /// The resource that holds the rule.
    pub holder: &'a Declaration,
    /// The rule's properties.
    pub object: &'a Object,
    /// The group the rule belongs to: the holder for inline rules, the
    /// `group_id` reference for rule resources (when it names one).
    pub group: Option<String>,
    /// Acknowledgments written on the rule (on the list element, or on the
    /// rule resource).
    pub acknowledgments: &'a [Acknowledgment],
    /// Where an error about the whole rule goes.
    pub span: (Span, Span),
}

impl SgRule<'_> {
    fn value(&self, key: &str) -> Option<&Value> {
        self.object.value(key)
    }

    /// The protocol, lowercased, with numbers for tcp, udp, icmp and
    /// icmpv6 turned into names; `None` when it is not a literal.
    pub fn protocol(&self) -> Option<String> {
        let protocol = self.value("ip_protocol")?;
        let text = match protocol.as_int() {
            Some(number) => number.to_string(),
            None => protocol.as_str()?.to_ascii_lowercase(),
        };
        Some(
            match text.as_str() {
                "6" => "tcp",
                "17" => "udp",
                "1" => "icmp",
                "58" => "icmpv6",
                "all" => "-1",
                other => other,
            }
            .to_owned(),
        )
    }

    /// The literal port range, when both ends are literals.
    pub fn ports(&self) -> Option<(i64, i64)> {
        Some((
            self.value("from_port")?.as_int()?,
            self.value("to_port")?.as_int()?,
        ))
    }

    /// The source (ingress) or destination (egress) security group named.
    pub fn peer_group(&self) -> Option<String> {
        let key = match self.direction {
            Direction::Ingress => "source_security_group_id",
            Direction::Egress => "destination_security_group_id",
        };
        self.value(key)?.ref_name()
    }
}

/// Every security group rule of the stack, in declaration order.
pub fn rules<'a>(cx: &Context<'a>) -> Vec<SgRule<'a>> {
    let mut rules = Vec::new();
    for (declaration, group) in cx.resources_of("AWS::EC2::SecurityGroup") {
        for (key, direction) in [
            ("security_group_ingress", Direction::Ingress),
            ("security_group_egress", Direction::Egress),
        ] {
            let Some(list) = group.properties.value(key).and_then(Value::as_list) else {
                continue;
            };
            for item in list {
                if let Some(object) = item.as_object() {
                    rules.push(SgRule {
                        direction,
                        holder: declaration,
                        object,
                        group: Some(declaration.ident.to_string()),
                        acknowledgments: &item.acknowledgments,
                        span: (item.span, item.end),
                    });
                }
            }
        }
    }
    for (type_name, direction) in [
        ("AWS::EC2::SecurityGroupIngress", Direction::Ingress),
        ("AWS::EC2::SecurityGroupEgress", Direction::Egress),
    ] {
        for (declaration, resource) in cx.resources_of(type_name) {
            rules.push(SgRule {
                direction,
                holder: declaration,
                object: &resource.properties,
                group: resource
                    .properties
                    .value("group_id")
                    .and_then(Value::ref_name),
                acknowledgments: &resource.acknowledgments,
                span: (resource.type_span, resource.type_end),
            });
        }
    }
    rules
}

const INGRESS_SOURCES: &[&str] = &[
    "cidr_ip",
    "cidr_ipv6",
    "source_prefix_list_id",
    "source_security_group_id",
    "source_security_group_name",
];
const EGRESS_DESTINATIONS: &[&str] = &[
    "cidr_ip",
    "cidr_ipv6",
    "destination_prefix_list_id",
    "destination_security_group_id",
];

// Rule `sg-ports`: the ports and peer of a rule mean what they say.
// "IpProtocol: The IP protocol name (tcp, udp, icmp, icmpv6) or number. Use
// -1 to specify all protocols. When authorizing security group rules,
// specifying -1 or a protocol number other than tcp, udp, icmp, or icmpv6
// allows traffic on all ports, regardless of any port range you specify. For
// tcp, udp, and icmp, you must specify a port range." FromPort: "the start of
// the port range … If the protocol is ICMP or ICMPv6, this is the ICMP type
// or -1 (all ICMP types)"; and a rule has exactly one source (ingress) or
// destination (egress): "You must specify exactly one of the following:
// CidrIp, CidrIpv6, SourcePrefixListId, SourceSecurityGroupId, or
// SourceSecurityGroupName"
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html>,
// and the same for egress and inline rules). A port range with protocol -1
// is refused too: AWS ignores it and opens every port, the opposite of what
// the rule says.
pub fn check_rule_ports(cx: &Context) {
    for rule in rules(cx) {
        check_peer(cx, &rule);
        let Some(protocol) = rule.protocol() else {
            continue;
        };
        let from = rule.value("from_port");
        let to = rule.value("to_port");
        match protocol.as_str() {
            "tcp" | "udp" => {
                if from.is_none() || to.is_none() {
                    cx.errors.push_range(
                        rule.span.0,
                        rule.span.1,
                        format!("a `{protocol}` rule needs `from_port` and `to_port`; for every port write `from_port: 0, to_port: 65535`"),
                    );
                    continue;
                }
                for port in [from, to].into_iter().flatten() {
                    if let Some(n) = port.as_int() {
                        if !(0..=65535).contains(&n) {
                            let hint = if n == -1 {
                                "; `-1` means every port only with protocol `-1` or icmp: write `from_port: 0, to_port: 65535`"
                            } else {
                                ""
                            };
                            cx.errors.push_range(
                                port.span,
                                port.end,
                                format!("port `{n}` is out of range; `{protocol}` ports are 0 to 65535{hint}"),
                            );
                        }
                    }
                }
                if let (Some(low), Some(high)) =
                    (rule.ports().map(|p| p.0), rule.ports().map(|p| p.1))
                {
                    if low > high && low >= 0 && high >= 0 {
                        let to = to.expect("checked above");
                        cx.errors.push_range(
                            to.span,
                            to.end,
                            format!("`to_port` {high} is below `from_port` {low}; a port range runs from the lower port to the higher"),
                        );
                    }
                }
            }
            "icmp" | "icmpv6" => {
                if protocol == "icmp" && (from.is_none() || to.is_none()) {
                    cx.errors.push_range(
                        rule.span.0,
                        rule.span.1,
                        "an `icmp` rule needs `from_port` (the ICMP type) and `to_port` (the code); `-1` for all",
                    );
                }
                for port in [from, to].into_iter().flatten() {
                    if let Some(n) = port.as_int() {
                        if !(-1..=255).contains(&n) {
                            cx.errors.push_range(
                                port.span,
                                port.end,
                                format!("`{n}` is not an ICMP type or code; they are 0 to 255, or `-1` for all"),
                            );
                        }
                    }
                }
            }
            "-1" => {
                for port in [from, to].into_iter().flatten() {
                    if port.as_int().is_some_and(|n| n != -1) {
                        cx.errors.push_range(
                            port.span,
                            port.end,
                            "protocol `-1` allows all traffic on every port and ignores this port; name the protocol (`\"tcp\"`) to allow only these ports, or remove the ports",
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

fn check_peer(cx: &Context, rule: &SgRule) {
    let (keys, what) = match rule.direction {
        Direction::Ingress => (INGRESS_SOURCES, "source"),
        Direction::Egress => (EGRESS_DESTINATIONS, "destination"),
    };
    let present: Vec<&crate::model::Entry> = rule
        .object
        .entries
        .iter()
        .filter(|e| keys.contains(&e.key.name.as_str()))
        .collect();
    match present.as_slice() {
        [] => cx.errors.push_range(
            rule.span.0,
            rule.span.1,
            format!(
                "a security group rule of `{}` has no {what}; set exactly one of {}",
                rule.holder.ident,
                crate::diag::list_in_backticks(keys)
            ),
        ),
        [_] => {}
        [first, rest @ ..] => {
            for extra in rest {
                cx.errors.push_spanned(
                    extra.key.span,
                    format!(
                        "this rule already has the {what} `{}`; a rule has exactly one, so write one rule per {what}",
                        first.key.name
                    ),
                );
            }
        }
    }
}

/// The ports that may be open to the whole internet without an
/// acknowledgment: HTTP and HTTPS.
const WORLD_PORTS: &[i64] = &[80, 443];

// Rule `open-ingress`: ingress from the whole internet (`0.0.0.0/0` or
// `::/0`) goes only to HTTP and HTTPS, unless the rule carries
// `#[acknowledge(open_ingress, reason = "…")]`, which ecsnet records in the
// resource's metadata. AWS Security Hub control [EC2.18] "Security groups
// should only allow unrestricted incoming traffic for authorized ports"
// (<https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18>)
// and cdk-nag AwsSolutions-EC23 refuse the same; the chapter's SSH rule is
// the example of an open port worth a written reason.
pub fn check_open_ingress(cx: &Context) {
    for rule in rules(cx) {
        let acknowledgment = rule
            .acknowledgments
            .iter()
            .find(|a| a.rule == AcknowledgedRule::OpenIngress);
        if let Some(acknowledgment) = acknowledgment {
            cx.consume(acknowledgment);
        }
        if rule.direction != Direction::Ingress {
            continue;
        }
        let world = ["cidr_ip", "cidr_ipv6"].into_iter().find_map(|key| {
            let value = rule.value(key)?;
            matches!(value.as_str()?, "0.0.0.0/0" | "::/0").then_some(value)
        });
        let open_ports = world.and_then(|_| open_ports_beyond_web(&rule));
        match (world, open_ports, acknowledgment) {
            (Some(world), Some(ports), None) => cx.errors.push_range(
                world.span,
                world.end,
                format!(
                    "`{}` admits the whole internet (`{}`) on {ports}; only ports 80 and 443 are opened to the world without a reason: narrow the source, or write `#[acknowledge(open_ingress, reason = \"…\")]` on the rule",
                    rule.holder.ident,
                    world.as_str().unwrap_or_default()
                ),
            ),
            (_, None, Some(acknowledgment)) => cx.errors.push_spanned(
                acknowledgment.span,
                "nothing to acknowledge: this rule does not open a port other than 80 or 443 to the internet; remove the acknowledgment",
            ),
            _ => {}
        }
    }
}

/// "port 22", "ports 8000-8080" or "every port" when the rule opens more
/// than HTTP and HTTPS; `None` otherwise, or when it cannot be told.
fn open_ports_beyond_web(rule: &SgRule) -> Option<String> {
    match rule.protocol()?.as_str() {
        "-1" => Some("every port and protocol".to_owned()),
        "tcp" | "udp" => {
            let (from, to) = rule.ports()?;
            if from == to && WORLD_PORTS.contains(&from) {
                None
            } else if from == to {
                Some(format!("port {from}"))
            } else {
                Some(format!("ports {from}-{to}"))
            }
        }
        _ => None,
    }
}
