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
        group_name(self.value(self.peer_group_key())?)
    }

    fn peer_group_key(&self) -> &'static str {
        match self.direction {
            Direction::Ingress => "source_security_group_id",
            Direction::Egress => "destination_security_group_id",
        }
    }

    /// Whether the stack cannot tell which groups the rule joins: its group
    /// or its peer group is a parameter, an import or another deploy-time value.
    pub fn is_opaque(&self) -> bool {
        let peer = self.value(self.peer_group_key());
        self.group.is_none() || peer.is_some_and(|p| group_name(p).is_none())
    }

    /// Whether the rule's group or peer group is a name that the stack does
    /// not declare: a misspelt group, which the `references` rule reports.
    /// The rule may be the one meant to let the traffic through.
    fn names_nothing(&self, cx: &Context) -> bool {
        let undeclared = |name: String| {
            !matches!(
                cx.symbols.get(&name),
                Some(super::Symbol::Parameter(_) | super::Symbol::Resource(..))
            )
        };
        self.group.clone().is_some_and(undeclared) || self.peer_group().is_some_and(undeclared)
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
    let _rule = cx.errors.rule("sg-ports");
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
                // One error per rule: the first port out of range.
                let out_of_range = [from, to]
                    .into_iter()
                    .flatten()
                    .filter_map(|port| Some((port, port.as_int()?)))
                    .find(|(_, n)| !(0..=65535).contains(n));
                if let Some((port, n)) = out_of_range {
                    let hint = if n == -1 {
                        "; `-1` means every port only with protocol `-1` or icmp: write `from_port: 0, to_port: 65535`"
                    } else {
                        ""
                    };
                    cx.errors.push_range(
                        port.span,
                        port.end,
                        format!(
                            "port `{n}` is out of range; `{protocol}` ports are 0 to 65535{hint}"
                        ),
                    );
                } else if let (Some((low, high)), Some(to)) = (rule.ports(), to)
                    && low > high
                {
                    cx.errors.push_range(
                            to.span,
                            to.end,
                            format!("`to_port` {high} is below `from_port` {low}; a port range runs from the lower port to the higher"),
                        );
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
                check_icmp_every_type(cx, &protocol, from, to);
                for port in [from, to].into_iter().flatten() {
                    if let Some(n) = port.as_int()
                        && !(-1..=255).contains(&n)
                    {
                        cx.errors.push_range(
                                port.span,
                                port.end,
                                format!("`{n}` is not an ICMP type or code; they are 0 to 255, or `-1` for all"),
                            );
                    }
                }
            }
            // Rule `ignored-ports` (a warning): "If you specify -1 … traffic
            // on all ports is allowed, regardless of any ports you specify"
            // (`AWS::EC2::SecurityGroupIngress` IpProtocol,
            // <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html>):
            // it deploys, and cfn-lint and the CDK only warn, but the ports
            // suggest a narrower rule than the one that is made.
            "-1" => {
                let _rule = cx.errors.rule("ignored-ports");
                let ignored = [from, to]
                    .into_iter()
                    .flatten()
                    .find(|port| port.as_int().is_some_and(|n| n != -1));
                let acknowledgment = rule
                    .acknowledgments
                    .iter()
                    .find(|a| a.rule == AcknowledgedRule::IgnoredPorts);
                match (ignored, acknowledgment) {
                    (Some(port), None) => cx.errors.warn_range(
                        port.span,
                        port.end,
                        "protocol `-1` allows all traffic on every port and ignores this port range; name the protocol (`\"tcp\"`) to allow only these ports, remove `from_port` and `to_port`, or write `#[acknowledge(ignored_ports, reason = \"…\")]` on the rule",
                    ),
                    (Some(_), Some(acknowledgment)) => cx.consume(acknowledgment),
                    (None, _) => {}
                }
            }
            _ => {}
        }
    }
}

// "Both FromPort and ToPort must be -1 when one is -1" (cfn-lint E3688): an
// ICMP type of -1 (every type) takes every code; for ICMPv6 the two go
// together either way.
fn check_icmp_every_type(cx: &Context, protocol: &str, from: Option<&Value>, to: Option<&Value>) {
    if let (Some(from), Some(to)) = (from, to)
        && let (Some(low), Some(high)) = (from.as_int(), to.as_int())
        && ((low == -1 && high != -1) || (protocol == "icmpv6" && high == -1 && low != -1))
    {
        let (port, other) = if low == -1 {
            (to, "from_port")
        } else {
            (from, "to_port")
        };
        cx.errors.push_range(
            port.span,
            port.end,
            format!("`{other}` is `-1`, every ICMP type, which takes every code: write `-1` here too, or name one type"),
        );
    }
}

fn check_peer(cx: &Context, rule: &SgRule) {
    let (keys, what) = match rule.direction {
        Direction::Ingress => (INGRESS_SOURCES, "source"),
        Direction::Egress => (EGRESS_DESTINATIONS, "destination"),
    };
    super::exactly_one_of(
        cx,
        rule.object,
        keys,
        rule.span,
        || {
            format!(
                "a security group rule of `{}` has no {what}; set exactly one of {}",
                rule.holder.ident,
                crate::diag::list_in_backticks(keys)
            )
        },
        |first| {
            format!(
                "this rule already has the {what} `{first}`; a rule has exactly one, so write one rule per {what}"
            )
        },
    );
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
    let _rule = cx.errors.rule("open-ingress");
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
            // Any spelling of a /0 block: `0.0.0.0/0`, `0.0.0.0/00`, `::/0`.
            super::cidr::Cidr::parse(value.as_str()?)
                .is_ok_and(|block| block.prefix() == 0)
                .then_some(value)
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

/// Whether a rule lets traffic to `port` through; `true` when the stack
/// does not say (a protocol or port given by a parameter).
fn covers(rule: &SgRule, port: i64) -> bool {
    match rule.protocol().as_deref() {
        None | Some("-1") => true,
        // Malformed ports (a missing end, a reversed range, a port out of
        // range) are the `sg-ports` rule's error, which says what to change;
        // which ports the rule was meant to open cannot be told, so it counts
        // as the rule that lets the traffic through: one mistake, one error,
        // and no suggestion to add a rule that is there.
        Some("tcp") => rule.ports().is_none_or(|(from, to)| {
            let malformed = from > to || ![from, to].iter().all(|p| (0..=65535).contains(p));
            malformed || (from..=to).contains(&port)
        }),
        Some(_) => false,
    }
}

/// Whether `name` is a security group declared in the stack, whose rules
/// the stack holds.
fn is_stack_group(cx: &Context, name: &str) -> bool {
    cx.resource(name)
        .is_some_and(|(_, resource)| resource.type_name == "AWS::EC2::SecurityGroup")
}

/// Whether a rule's peer is a CIDR block or prefix list rather than a group.
fn has_address_peer(rule: &SgRule) -> bool {
    [
        "cidr_ip",
        "cidr_ipv6",
        "source_prefix_list_id",
        "destination_prefix_list_id",
    ]
    .iter()
    .any(|key| rule.value(key).is_some())
}

/// The security groups a list value names, if every element is a
/// reference to something in the stack; `None` when any is unknown.
fn group_names(value: Option<&Value>) -> Option<Vec<String>> {
    value?.as_list()?.iter().map(group_name).collect()
}

/// The security group of the stack a value names: `Group`, or its
/// `Group.GroupId` (both are the group's id).
fn group_name(value: &Value) -> Option<String> {
    value.ref_name().or_else(|| {
        let (group, attribute) = value.get_att()?;
        (attribute == "GroupId").then_some(group)
    })
}

/// The load balancers of the stack that forward to a target group, with
/// their security groups (when the stack names them).
fn load_balancers_of<'a>(
    cx: &Context<'a>,
    target_group: &str,
) -> Vec<(&'a Declaration, Option<Vec<String>>)> {
    // A listener rule reaches its load balancer through its listener.
    let listeners = super::listeners_forwarding_to(cx, target_group)
        .into_iter()
        .filter_map(
            |(_, resource)| match resource.properties.value("listener_arn") {
                Some(listener) => cx.referenced(listener).map(|(_, l)| l),
                None => Some(resource),
            },
        );
    let mut found: Vec<(&'a Declaration, Option<Vec<String>>)> = Vec::new();
    for listener in listeners {
        let Some((balancer, resource)) = listener
            .properties
            .value("load_balancer_arn")
            .and_then(|v| cx.referenced(v))
        else {
            continue;
        };
        if found.iter().any(|(d, _)| d.ident == balancer.ident) {
            continue;
        }
        found.push((
            balancer,
            group_names(resource.properties.value("security_groups")),
        ));
    }
    found
}

/// The ephemeral port range bridge-mode dynamic host ports come from on
/// Linux container instances ("the ephemeral port range … 32768 to 60999"
/// of `PortMapping` `HostPort`, linked from the `host-port` rule).
const EPHEMERAL_PORTS: (i64, i64) = (32768, 60999);

// Rule `lb-to-task-ingress`: with `awsvpc`, each task has its own security
// group, so the load balancer reaches the task through that group, on the
// container port, and no longer through the container instance's group on
// the ephemeral port range. "The security group rules for your container
// instances must allow your load balancer to communicate … on the port"
// (ECS troubleshooting, "Troubleshooting service load balancers",
// <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-load-balancers.html>);
// for `awsvpc` that group is the task's (the chapter replaces the
// 32768-60999 rules on the instances' group with port-8000 rules on the
// task's). Checked when the stack names every group involved: the task's
// security groups admit the load balancer's on the container port; the load
// balancer's group, if it lists egress rules at all, lets that traffic out;
// and a rule between the load balancer and anything on the ephemeral range
// is a bridge-mode leftover, unless a bridge-mode service still uses that
// load balancer.
pub fn check_load_balancer_reaches_tasks(cx: &Context) {
    let _rule = cx.errors.rule("lb-to-task-ingress");
    let rules = rules(cx);
    let services = super::ecs::services(cx);
    let mut bridge_balancer_groups: Vec<String> = Vec::new();
    let mut paths = Vec::new();
    for service in &services {
        let mode = service.network_mode();
        for entry in service.load_balancers() {
            let Some(target_group) = entry.value("target_group_arn").and_then(Value::ref_name)
            else {
                continue;
            };
            for (balancer, groups) in load_balancers_of(cx, &target_group) {
                let mut balancer_groups = groups.unwrap_or_default();
                match mode {
                    Some(super::ecs::NetworkMode::Awsvpc) => {
                        // A name that is no group of the stack is the
                        // `references` (or `reference-kind`) rule's error:
                        // no rule is suggested for a group that does not exist.
                        balancer_groups.retain(|g| {
                            is_stack_group(cx, g)
                                || matches!(cx.symbols.get(g), Some(super::Symbol::Parameter(_)))
                        });
                        // The tasks' groups' rules are known only when the
                        // stack declares those groups: an existing group
                        // (a parameter) may admit the load balancer already.
                        let task_groups = group_names(
                            service
                                .awsvpc_configuration()
                                .and_then(|c| c.value("security_groups")),
                        )
                        .filter(|groups| groups.iter().all(|g| is_stack_group(cx, g)));
                        paths.push(Path {
                            service,
                            entry,
                            balancer,
                            balancer_groups,
                            task_groups,
                        });
                    }
                    Some(_) => bridge_balancer_groups.extend(balancer_groups),
                    None => {}
                }
            }
        }
    }
    let mut reported_leftovers: Vec<*const Object> = Vec::new();
    for path in &paths {
        check_reachable(cx, &rules, path);
        check_bridge_leftovers(
            cx,
            &rules,
            path,
            &bridge_balancer_groups,
            &mut reported_leftovers,
        );
    }
}

/// An `awsvpc` service's load balancer entry and the load balancer behind it.
struct Path<'a, 'b> {
    service: &'b super::ecs::Service<'a>,
    entry: &'a Object,
    balancer: &'a Declaration,
    balancer_groups: Vec<String>,
    /// The tasks' security groups, when the stack names them all.
    task_groups: Option<Vec<String>>,
}

/// The tasks' groups admit the load balancer's, and the load balancer's
/// egress rules, if it lists any, let the traffic out.
fn check_reachable(cx: &Context, rules: &[SgRule], path: &Path) {
    let Some(port_value) = path.entry.value("container_port") else {
        return;
    };
    let (Some(port), Some(task_groups)) = (port_value.as_int(), &path.task_groups) else {
        return;
    };
    // A port the container does not map is the `lb-container` rule's error.
    let container = path.entry.value("container_name").and_then(Value::as_str);
    let unmapped = path
        .service
        .task_definition
        .as_ref()
        .and_then(|t| t.container(container?))
        .is_some_and(|c| {
            !c.port_mappings
                .iter()
                .any(|m| m.container_port == Some(port))
        });
    if unmapped {
        return;
    }
    let (balancer, service) = (&path.balancer.ident, &path.service.declaration.ident);
    let first_task_group = task_groups.first().map_or("…", String::as_str);
    let task_list = crate::diag::list_in_backticks(task_groups);
    // A rule whose groups the stack cannot name, or names misspelt, might be
    // the one that lets the traffic through: then the stack does not say,
    // and the rule is silent.
    if rules.iter().any(|r| r.is_opaque() || r.names_nothing(cx)) {
        return;
    }
    for balancer_group in &path.balancer_groups {
        let admitted = rules.iter().any(|r| {
            r.direction == Direction::Ingress
                && r.group.as_ref().is_some_and(|g| task_groups.contains(g))
                && covers(r, port)
                && (r.peer_group().as_deref() == Some(balancer_group.as_str())
                    || has_address_peer(r))
        });
        if !admitted {
            let (plural, verb) = if task_groups.len() == 1 {
                ("", "s")
            } else {
                ("s", "")
            };
            cx.errors.push_range(
                port_value.span,
                port_value.end,
                format!(
                    "load balancer `{balancer}` cannot reach the tasks of service `{service}`: their security group{plural} {task_list} admit{verb} nothing from `{balancer_group}` on port {port}; add an `AWS::EC2::SecurityGroupIngress` with `group_id: {first_task_group}`, `source_security_group_id: {balancer_group}` and port {port}"
                ),
            );
        }
        let egress: Vec<&SgRule> = rules
            .iter()
            .filter(|r| {
                r.direction == Direction::Egress
                    && r.group.as_deref() == Some(balancer_group.as_str())
            })
            .collect();
        let lets_out = egress.is_empty()
            || egress.iter().any(|r| {
                covers(r, port)
                    && (r.peer_group().is_some_and(|g| task_groups.contains(&g))
                        || has_address_peer(r))
            });
        if !lets_out {
            cx.errors.push_range(
                port_value.span,
                port_value.end,
                format!(
                    "load balancer `{balancer}` cannot reach the tasks of service `{service}`: its security group `{balancer_group}` lists egress rules, and none lets port {port} out to {task_list}; add an `AWS::EC2::SecurityGroupEgress` with `group_id: {balancer_group}`, `destination_security_group_id: {first_task_group}` and port {port}"
                ),
            );
        }
    }
}

/// Rules between the load balancer and anything on the ephemeral range are
/// bridge-mode leftovers, unless a bridge-mode service still uses that load
/// balancer; each rule is reported once.
fn check_bridge_leftovers(
    cx: &Context,
    rules: &[SgRule],
    path: &Path,
    bridge_balancer_groups: &[String],
    reported: &mut Vec<*const Object>,
) {
    let port = path.entry.value("container_port").and_then(Value::as_int);
    let port_text = port.map_or_else(|| "the container port".to_owned(), |p| format!("port {p}"));
    let tasks = path
        .task_groups
        .as_ref()
        .and_then(|g| g.first().cloned())
        .map_or_else(
            || "the tasks' own security group".to_owned(),
            |g| format!("the tasks' security group `{g}`"),
        );
    for balancer_group in &path.balancer_groups {
        if bridge_balancer_groups.contains(balancer_group) {
            continue;
        }
        for rule in rules {
            let involves_balancer = match rule.direction {
                Direction::Ingress => rule.peer_group().as_deref() == Some(balancer_group.as_str()),
                Direction::Egress => rule.group.as_deref() == Some(balancer_group.as_str()),
            };
            let Some((from, to)) = rule.ports() else {
                continue;
            };
            let ephemeral = from >= 1024 && from <= EPHEMERAL_PORTS.0 && to >= EPHEMERAL_PORTS.1;
            let key = std::ptr::from_ref(rule.object);
            if !involves_balancer || !ephemeral || reported.contains(&key) {
                continue;
            }
            reported.push(key);
            let Some(from_value) = rule.value("from_port") else {
                continue;
            };
            let fix = match rule.direction {
                Direction::Ingress => format!("admit {port_text} into {tasks} instead"),
                Direction::Egress => format!("let {port_text} out to {tasks} instead"),
            };
            cx.errors.push_range(
                from_value.span,
                rule.value("to_port").map_or(from_value.end, |v| v.end),
                format!(
                    "ports {from}-{to} of `{}` are the ephemeral range of bridge-mode dynamic host ports, but service `{}` now runs `awsvpc` tasks, which load balancer `{}` reaches on {port_text}; {fix}",
                    rule.holder.ident, path.service.declaration.ident, path.balancer.ident
                ),
            );
        }
    }
}
