//! Rules that follow from a task definition's network mode: what an
//! `awsvpc` service needs and what it must not have, in the order the
//! chapter changes a bridge-mode stack into a task-networking one.

use super::Context;
use super::ecs::{self, NetworkMode, Service};
use crate::model::{AcknowledgedRule, Value, ValueKind};

/// A service's load balancer entry with the in-stack target group it names.
fn target_groups<'a>(
    cx: &Context<'a>,
    service: &Service<'a>,
) -> Vec<(
    &'a Value,
    &'a crate::model::Declaration,
    &'a crate::model::Resource,
)> {
    service
        .load_balancers()
        .into_iter()
        .filter_map(|entry| {
            let arn = entry.value("target_group_arn")?;
            let (declaration, resource) = cx.referenced(arn)?;
            (resource.type_name == "AWS::ElasticLoadBalancingV2::TargetGroup").then_some((
                arn,
                declaration,
                resource,
            ))
        })
        .collect()
}

// Rule `target-type`: "If your service's task definition uses the awsvpc
// network mode (which is required for the Fargate launch type), you must
// choose ip as the target type, not instance. Do this when creating your
// target groups because tasks that use the awsvpc network mode are
// associated with an elastic network interface, not an Amazon EC2
// instance" (`AWS::ECS::Service LoadBalancer`,
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-loadbalancer.html>);
// `bridge` and `host` tasks are reached through their instance, so their
// target groups use `instance`, which is also what an omitted `TargetType`
// means. The error goes to the target group's `target_type`, or, when it is
// omitted, to the service's `target_group_arn` that wires the two.
pub fn check_target_types(cx: &Context) {
    let _rule = cx.errors.rule("target-type");
    for service in ecs::services(cx) {
        let Some(mode) = service.network_mode() else {
            continue;
        };
        let expected = match mode {
            NetworkMode::Awsvpc => "ip",
            NetworkMode::Bridge | NetworkMode::Host => "instance",
            NetworkMode::None => continue,
        };
        for (arn, group, group_resource) in target_groups(cx, &service) {
            let written = group_resource.properties.value("target_type");
            let actual = match written {
                Some(value) => match value.as_str() {
                    Some(text) => text,
                    None => continue,
                },
                None => "instance",
            };
            if actual == expected {
                continue;
            }
            let why = if mode == NetworkMode::Awsvpc {
                "which each have their own network interface and register by IP address"
            } else {
                "which are reached through their container instance"
            };
            let task_definition = service.task_definition_name();
            let (span, end, fix) = match written {
                Some(value) => (
                    value.span,
                    value.end,
                    format!("set `target_type: \"{expected}\"`"),
                ),
                None => (
                    arn.span,
                    arn.end,
                    format!("add `target_type: \"{expected}\"` to `{}`", group.ident),
                ),
            };
            let has = if written.is_some() {
                format!("has target type `{actual}`")
            } else {
                "has no `target_type`, which means `instance`".to_owned()
            };
            cx.errors.push_range(
                span,
                end,
                format!(
                    "target group `{}` {has}, but service `{}` runs `{}` tasks (`{task_definition}`), {why}; {fix}",
                    group.ident,
                    service.declaration.ident,
                    mode.name()
                ),
            );
        }
    }
}

// Rule `service-role`: "This parameter is only permitted if you are using a
// load balancer with your service and your task definition doesn't use the
// awsvpc network mode. … The service-linked role is required if your task
// definition uses the awsvpc network mode or if the service is configured
// to use service discovery, an external deployment controller, multiple
// target groups, or Elastic Inference accelerators in which case you don't
// specify a role here" (`role` of CreateService,
// <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html>).
// The deployment fails with "You cannot specify an IAM role for services
// that require a service linked role".
pub fn check_service_roles(cx: &Context) {
    let _rule = cx.errors.rule("service-role");
    for service in ecs::services(cx) {
        let Some(role) = service.resource.properties.get("role") else {
            continue;
        };
        let name = &service.declaration.ident;
        let load_balancers = service.load_balancers();
        let reason = if service.network_mode() == Some(NetworkMode::Awsvpc) {
            format!(
                "service `{name}` runs `awsvpc` tasks (`{}`), for which ECS uses its service-linked role",
                service.task_definition_name()
            )
        } else if service.property("load_balancers").is_none() {
            format!(
                "service `{name}` has no load balancer, and `role` is only for registering tasks with one"
            )
        } else if load_balancers.len() > 1 {
            format!(
                "service `{name}` has several target groups, for which ECS uses its service-linked role"
            )
        } else if service.property("service_registries").is_some() {
            format!(
                "service `{name}` uses service discovery, for which ECS uses its service-linked role"
            )
        } else {
            continue;
        };
        cx.errors
            .push_spanned(role.key.span, format!("{reason}; remove `role`"));
    }
}

/// The limits of an `awsvpc` network configuration: "a limit of 16 subnets
/// and 5 security groups" (the ECS developer guide's task networking page,
/// <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html>).
const MAX_SUBNETS: usize = 16;
const MAX_SECURITY_GROUPS: usize = 5;

// Rule `network-configuration`: "Network Configuration must be provided when
// networkMode 'awsvpc' is specified", and the other way round "Network
// Configuration is not valid for the given networkMode" (ECS API errors;
// "If using the awsvpc networkMode in the task definition, a
// networkConfiguration is required", `networkConfiguration` of CreateService,
// <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html>),
// with at most 16 subnets and 5 security groups.
pub fn check_network_configurations(cx: &Context) {
    let _rule = cx.errors.rule("network-configuration");
    for service in ecs::services(cx) {
        let Some(mode) = service.network_mode() else {
            continue;
        };
        let name = &service.declaration.ident;
        let task_definition = service.task_definition_name();
        let configuration = service.resource.properties.get("network_configuration");
        match (mode, configuration) {
            (NetworkMode::Awsvpc, None) => cx.errors.push_range(
                service.resource.type_span,
                service.resource.type_end,
                format!(
                    "service `{name}` runs `awsvpc` tasks (`{task_definition}`), which need subnets and security groups for their network interfaces; add `network_configuration: {{ awsvpc_configuration: {{ subnets: […], security_groups: […] }} }}`"
                ),
            ),
            (NetworkMode::Awsvpc, Some(entry)) => {
                if entry.value.as_object().is_some_and(|c| c.get("awsvpc_configuration").is_none()) {
                    cx.errors.push_spanned(
                        entry.key.span,
                        format!(
                            "service `{name}` runs `awsvpc` tasks (`{task_definition}`), and its `network_configuration` has no `awsvpc_configuration`; add `awsvpc_configuration: {{ subnets: […], security_groups: […] }}`"
                        ),
                    );
                }
                if let Some(configuration) = service.awsvpc_configuration() {
                    for (key, limit) in [("subnets", MAX_SUBNETS), ("security_groups", MAX_SECURITY_GROUPS)] {
                        let Some(items) = configuration.value(key).and_then(Value::as_list) else {
                            continue;
                        };
                        if let Some(extra) = items.get(limit) {
                            cx.errors.push_range(
                                extra.span,
                                extra.end,
                                format!("an `awsvpc` service takes at most {limit} {}; service `{name}` lists {}", key.replace('_', " "), items.len()),
                            );
                        }
                    }
                }
            }
            (_, Some(entry)) => cx.errors.push_spanned(
                entry.key.span,
                format!(
                    "`network_configuration` is only for `awsvpc` tasks, and service `{name}` runs `{}` tasks (`{task_definition}`); remove it, or set `network_mode: \"awsvpc\"` on `{task_definition}`",
                    mode.name()
                ),
            ),
            (_, None) => {}
        }
    }
}

// Rule `assign-public-ip`: `awsvpc` tasks on EC2 instances get no public
// address: "task ENIs aren't given public IP addresses. To access the
// internet, tasks must be launched in a private subnet that's configured to
// use a NAT gateway" (ECS developer guide, task networking page above); the
// API refuses `ENABLED` with "Assign public IP is not supported for this
// launch type". The launch type is EC2 when the service says so, or when it
// names neither a launch type nor a capacity provider strategy and its
// cluster, declared in this stack, has no capacity providers.
pub fn check_assign_public_ip(cx: &Context) {
    let _rule = cx.errors.rule("assign-public-ip");
    for service in ecs::services(cx) {
        if service.network_mode() != Some(NetworkMode::Awsvpc) || !runs_on_ec2(cx, &service) {
            continue;
        }
        let Some(assign) = service
            .awsvpc_configuration()
            .and_then(|c| c.value("assign_public_ip"))
        else {
            continue;
        };
        if assign.as_str() == Some("ENABLED") {
            cx.errors.push_range(
                assign.span,
                assign.end,
                format!(
                    "service `{}` runs `awsvpc` tasks on EC2 instances, whose task network interfaces get no public IP address; remove `assign_public_ip` and reach the internet through a NAT gateway in the subnets' route table",
                    service.declaration.ident
                ),
            );
        }
    }
}

/// Whether a service runs on EC2 container instances, as far as the stack says.
pub fn runs_on_ec2(cx: &Context, service: &Service) -> bool {
    if let Some(launch_type) = service.property("launch_type") {
        return launch_type.as_str() == Some("EC2");
    }
    if service.property("capacity_provider_strategy").is_some() {
        return false;
    }
    let Some((cluster, cluster_resource)) =
        service.property("cluster").and_then(|c| cx.referenced(c))
    else {
        return false;
    };
    let cluster_name = cluster.ident.to_string();
    let has_providers = cluster_resource
        .properties
        .value("capacity_providers")
        .is_some()
        || cluster_resource
            .properties
            .value("default_capacity_provider_strategy")
            .is_some()
        || cx
            .resources_of("AWS::ECS::ClusterCapacityProviderAssociations")
            .any(|(_, association)| {
                association
                    .properties
                    .value("cluster")
                    .and_then(Value::ref_name)
                    .as_deref()
                    == Some(cluster_name.as_str())
            });
    !has_providers
}

// Rule `classic-lb`: "Services with tasks that use the awsvpc network mode
// … only support Application Load Balancers and Network Load Balancers.
// Classic Load Balancers are not supported" (`AWS::ECS::Service
// LoadBalancer`, above); a Classic Load Balancer is named by
// `LoadBalancerName`.
//
// Rule `max-target-groups`: "For services that use an Application Load
// Balancer or Network Load Balancer, you cannot attach more than five target
// groups to a service"
// (<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html>).
pub fn check_load_balancer_entries(cx: &Context) {
    let _rule = cx.errors.rule("classic-lb");
    for service in ecs::services(cx) {
        let name = &service.declaration.ident;
        let entries = service.load_balancers();
        if service.network_mode() == Some(NetworkMode::Awsvpc) {
            for entry in &entries {
                if let Some(classic) = entry.get("load_balancer_name") {
                    cx.errors.push_spanned(
                        classic.key.span,
                        format!(
                            "service `{name}` runs `awsvpc` tasks, which Classic Load Balancers cannot reach; use an application or network load balancer's target group (`target_group_arn`, with `target_type: \"ip\"`)"
                        ),
                    );
                }
            }
        }
        if let Some(list) = service.property("load_balancers").and_then(Value::as_list)
            && let Some(sixth) = list.get(5)
        {
            let _rule = cx.errors.rule("max-target-groups");
            cx.errors.push_range(
                    sixth.span,
                    sixth.end,
                    format!(
                        "service `{name}` has {} target groups, and a service takes at most five; split it into several services",
                        list.len()
                    ),
                );
        }
    }
}

// Rule `fargate`: "awsvpc network mode (which is required for the Fargate
// launch type)" (`AWS::ECS::Service LoadBalancer`, above): a task definition
// that requires `FARGATE` compatibility, and a service that runs on Fargate,
// use `awsvpc`. A service runs on Fargate through its launch type, its
// capacity provider strategy, or, naming neither, its cluster's default
// strategy: "If no capacityProviderStrategy or launchType is specified, the
// defaultCapacityProviderStrategy for the cluster is used"
// (`capacityProviderStrategy` of CreateService,
// <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html>).
// A strategy that names `FARGATE` or `FARGATE_SPOT` places every task on
// Fargate: "A capacity provider strategy can only contain Auto Scaling group
// capacity providers or Fargate capacity providers"
// ("Amazon ECS capacity providers",
// <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html>).
pub fn check_fargate(cx: &Context) {
    let _rule = cx.errors.rule("fargate");
    for task_definition in ecs::task_definitions(cx) {
        // "If you're using the Fargate launch type, this field is required"
        // (`Cpu` and `Memory` of `AWS::ECS::TaskDefinition`; cfn-lint E3048).
        if let Some(fargate) = task_definition.fargate() {
            let properties = &task_definition.resource.properties;
            let missing: Vec<&str> = ["cpu", "memory"]
                .into_iter()
                .filter(|key| properties.value(key).is_none())
                .collect();
            if !missing.is_empty() {
                cx.errors.push_range(
                    fargate.span,
                    fargate.end,
                    format!(
                        "task definition `{}` requires `FARGATE`, which sizes tasks by the task definition's own `cpu` and `memory`; add {} (such as `cpu: \"256\", memory: \"512\"`), or remove `FARGATE`",
                        task_definition.declaration.ident,
                        crate::diag::list_in_backticks(&missing)
                    ),
                );
            }
        }
        if task_definition.fargate().is_none()
            || task_definition.network_mode == Some(NetworkMode::Awsvpc)
        {
            continue;
        }
        let name = &task_definition.declaration.ident;
        match (task_definition.mode_value, task_definition.network_mode) {
            (Some(value), Some(mode)) => cx.errors.push_range(
                value.span,
                value.end,
                format!(
                    "task definition `{name}` requires `FARGATE`, and Fargate runs only `awsvpc` tasks, not `{}`; set `network_mode: \"awsvpc\"`, or remove `FARGATE` from `requires_compatibilities` to run on EC2",
                    mode.name()
                ),
            ),
            (None, _) => cx.errors.push_range(
                task_definition.resource.type_span,
                task_definition.resource.type_end,
                format!(
                    "task definition `{name}` requires `FARGATE`, and Fargate runs only `awsvpc` tasks, while an omitted network mode means `bridge`; add `network_mode: \"awsvpc\"`, or remove `FARGATE` from `requires_compatibilities` to run on EC2"
                ),
            ),
            _ => {}
        }
    }
    for service in ecs::services(cx) {
        let Some(mode) = service.network_mode() else {
            continue;
        };
        if mode == NetworkMode::Awsvpc {
            continue;
        }
        let Some(on_fargate) = on_fargate(cx, &service) else {
            continue;
        };
        let name = &service.declaration.ident;
        let task_definition = service.task_definition_name();
        let mode = mode.name();
        let (at, message) = match on_fargate {
            OnFargate::LaunchType(launch_type) => (
                launch_type,
                format!(
                    "service `{name}` launches on Fargate, which runs only `awsvpc` tasks, but `{task_definition}` uses `{mode}`; set `network_mode: \"awsvpc\"` on `{task_definition}`, or launch the service on EC2 with `launch_type: \"EC2\"`"
                ),
            ),
            OnFargate::Strategy(provider, provider_name) => (
                provider,
                format!(
                    "service `{name}` runs on Fargate by its capacity provider strategy (`{provider_name}`), but Fargate runs only `awsvpc` tasks and `{task_definition}` uses `{mode}`; set `network_mode: \"awsvpc\"` on `{task_definition}`, or replace the strategy's Fargate providers with an Auto Scaling group's capacity provider"
                ),
            ),
            OnFargate::ClusterDefault {
                cluster_value,
                cluster,
                holder,
                provider,
            } => {
                let strategy = if holder == cluster {
                    format!("the default strategy of cluster `{cluster}`")
                } else {
                    format!("the default strategy that `{holder}` sets for cluster `{cluster}`")
                };
                (
                    cluster_value,
                    format!(
                        "service `{name}` names no launch type or capacity provider strategy, so it runs on Fargate by {strategy} (`{provider}`), but Fargate runs only `awsvpc` tasks and `{task_definition}` uses `{mode}`; set `network_mode: \"awsvpc\"` on `{task_definition}`, or give the service `launch_type: \"EC2\"`"
                    ),
                )
            }
        };
        cx.errors.push_range(at.span, at.end, message);
    }
}

/// How a service's tasks land on Fargate, as far as the stack says.
enum OnFargate<'a> {
    /// `launch_type: "FARGATE"`.
    LaunchType(&'a Value),
    /// Its own capacity provider strategy names this Fargate provider.
    Strategy(&'a Value, &'a str),
    /// It names neither, and its cluster's default strategy, given by the
    /// cluster or by an `AWS::ECS::ClusterCapacityProviderAssociations`
    /// (`holder`), names a Fargate provider.
    ClusterDefault {
        /// The service's `cluster` value, where the error goes.
        cluster_value: &'a Value,
        cluster: &'a syn::Ident,
        holder: &'a syn::Ident,
        provider: &'a str,
    },
}

/// Whether a service's tasks run on Fargate, and what says so; `None` when
/// they do not, or when the stack cannot tell (a parameter, a cluster
/// declared elsewhere, default strategies that disagree).
fn on_fargate<'a>(cx: &Context<'a>, service: &Service<'a>) -> Option<OnFargate<'a>> {
    // `AWS::NoValue` (from an `if_`) leaves the property out.
    let given = |key: &str| {
        service
            .property(key)
            .filter(|v| !matches!(&v.kind, ValueKind::Pseudo(p) if p == "AWS::NoValue"))
    };
    if let Some(launch_type) = given("launch_type") {
        return (launch_type.as_str() == Some("FARGATE"))
            .then_some(OnFargate::LaunchType(launch_type));
    }
    if let Some(strategy) = given("capacity_provider_strategy") {
        return fargate_provider(strategy).map(|(value, name)| OnFargate::Strategy(value, name));
    }
    let cluster_value = service.property("cluster")?;
    let (cluster, resource) = cx
        .referenced(cluster_value)
        .filter(|(_, r)| r.type_name == "AWS::ECS::Cluster")?;
    let mut defaults = Vec::new();
    if let Some(strategy) = resource
        .properties
        .value("default_capacity_provider_strategy")
    {
        defaults.push((&cluster.ident, strategy));
    }
    for (association, properties) in cx
        .resources_of("AWS::ECS::ClusterCapacityProviderAssociations")
        .map(|(d, r)| (d, &r.properties))
    {
        if properties
            .value("cluster")
            .and_then(Value::ref_name)
            .as_deref()
            == Some(cluster.ident.to_string().as_str())
            && let Some(strategy) = properties.value("default_capacity_provider_strategy")
        {
            defaults.push((&association.ident, strategy));
        }
    }
    // Every default strategy the stack gives the cluster places tasks on
    // Fargate, or it cannot be told which one applies.
    let found = defaults
        .iter()
        .map(|(holder, strategy)| Some((*holder, fargate_provider(strategy)?.1)))
        .collect::<Option<Vec<_>>>()?;
    let &(holder, provider) = found.first()?;
    Some(OnFargate::ClusterDefault {
        cluster_value,
        cluster: &cluster.ident,
        holder,
        provider,
    })
}

/// The first `FARGATE` or `FARGATE_SPOT` provider of a capacity provider
/// strategy, with its name.
fn fargate_provider(strategy: &Value) -> Option<(&Value, &str)> {
    strategy
        .as_list()?
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|item| item.value("capacity_provider"))
        .find_map(|provider| {
            let name = provider.as_str()?;
            matches!(name, "FARGATE" | "FARGATE_SPOT").then_some((provider, name))
        })
}

// Rule `launch-type`: a service names a launch type or a capacity provider
// strategy, not both: "If a launchType is specified, the
// capacityProviderStrategy parameter must be omitted" (`launchType` of
// CreateService,
// <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html>);
// the API refuses both with an `InvalidParameterException`. An empty
// strategy names no provider and passes.
pub fn check_launch_type(cx: &Context) {
    let _rule = cx.errors.rule("launch-type");
    for service in ecs::services(cx) {
        let given = |key: &str| {
            service.resource.properties.get(key).filter(|entry| {
                !matches!(&entry.value.kind, ValueKind::Pseudo(p) if p == "AWS::NoValue")
                    && entry.value.as_list().is_none_or(|items| !items.is_empty())
            })
        };
        if let (Some(launch_type), Some(strategy)) =
            (given("launch_type"), given("capacity_provider_strategy"))
        {
            cx.errors.push_spanned(
                strategy.key.span,
                format!(
                    "service `{}` names both a launch type and a capacity provider strategy, and ECS takes one or the other; remove `launch_type` ({}) to place the tasks by the strategy, or remove `capacity_provider_strategy`",
                    service.declaration.ident,
                    launch_type
                        .value
                        .as_str()
                        .map_or_else(|| "its value".to_owned(), |t| format!("`{t}`"))
                ),
            );
        }
    }
}

// Rule `host-network`: a task definition in `host` network mode shares the
// instance's network stack: its containers bind the instance's ports, one
// task per port per instance, and the instance's security group is theirs.
// The ECS best practices guide recommends `awsvpc` instead
// (<https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-networkmode.html>),
// and the chapter's quiz notes that `host` does not enable task networking.
// It compiles only with `#[acknowledge(host_network, reason = "…")]` on the
// task definition, recorded in its metadata.
pub fn check_host_network(cx: &Context) {
    let _rule = cx.errors.rule("host-network");
    for task_definition in ecs::task_definitions(cx) {
        let acknowledgment = task_definition
            .resource
            .acknowledgments
            .iter()
            .chain(
                task_definition
                    .mode_value
                    .iter()
                    .flat_map(|v| v.acknowledgments.iter()),
            )
            .find(|a| a.rule == AcknowledgedRule::HostNetwork);
        if let Some(acknowledgment) = acknowledgment {
            cx.consume(acknowledgment);
        }
        let host = task_definition.network_mode == Some(NetworkMode::Host);
        match (host, acknowledgment, task_definition.mode_value) {
            (true, None, Some(value)) => cx.errors.push_range(
                value.span,
                value.end,
                format!(
                    "task definition `{}` uses `host` networking: its containers share the instance's network interface and security group; use `awsvpc` for a network interface and security group per task, or write `#[acknowledge(host_network, reason = \"…\")]` before `\"host\"` or on the task definition",
                    task_definition.declaration.ident
                ),
            ),
            (false, Some(acknowledgment), _) => cx.errors.push_spanned(
                acknowledgment.span,
                format!(
                    "nothing to acknowledge: task definition `{}` does not use `host` networking; remove the acknowledgment",
                    task_definition.declaration.ident
                ),
            ),
            _ => {}
        }
    }
}
