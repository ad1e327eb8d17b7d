//! Rule on how many `awsvpc` tasks a cluster's instances can hold.

use super::Context;
use super::ecs::{self, NetworkMode};
use crate::model::{Declaration, Resource, Value};
use crate::schema::eni_limits::MAX_NETWORK_INTERFACES;

/// The instance families that ENI trunking does not support: the ECS
/// developer guide's table of instance types that support `awsvpcTrunking`
/// lists none of them (`spec/eni/README.md`). For these, the maximum number
/// of network interfaces bounds the task count whatever the account's
/// settings; for other families trunking may raise it, and the template
/// cannot say whether the account turned it on.
const FAMILIES_WITHOUT_TRUNKING: &[&str] = &["t2", "t3", "t3a", "t4g"];

fn supports_trunking(instance_type: &str) -> bool {
    let family = instance_type.split('.').next().unwrap_or_default();
    !FAMILIES_WITHOUT_TRUNKING.contains(&family)
}

/// The maximum network interfaces of an instance type, from the vendored table.
fn max_network_interfaces(instance_type: &str) -> Option<u32> {
    MAX_NETWORK_INTERFACES
        .binary_search_by(|(name, _)| (*name).cmp(instance_type))
        .ok()
        .map(|i| MAX_NETWORK_INTERFACES[i].1)
}

/// The values a setting can take at deployment: a literal, or the allowed
/// values of the parameter it names; `None` when the stack does not say.
fn possible_values(cx: &Context, value: &Value) -> Option<Vec<String>> {
    if let Some(text) = value.as_str() {
        return Some(vec![text.to_owned()]);
    }
    if let Some(n) = value.as_int() {
        return Some(vec![n.to_string()]);
    }
    let name = value.ref_name()?;
    let Some(super::Symbol::Parameter(parameter)) = cx.symbols.get(&name) else {
        return None;
    };
    let allowed = parameter.allowed_values.as_ref()?.as_list()?;
    let texts: Vec<String> = allowed
        .iter()
        .filter_map(|v| {
            v.as_str()
                .map(str::to_owned)
                .or_else(|| v.as_int().map(|n| n.to_string()))
        })
        .collect();
    (texts.len() == allowed.len() && !texts.is_empty()).then_some(texts)
}

fn possible_numbers(cx: &Context, value: &Value) -> Option<Vec<i64>> {
    possible_values(cx, value)?
        .iter()
        .map(|t| t.trim().parse().ok())
        .collect()
}

/// An auto scaling group that runs a cluster's container instances.
struct InstanceGroup<'a> {
    declaration: &'a Declaration,
    /// The instance types it may launch.
    instance_types: Vec<String>,
    /// The most instances it may run.
    max_instances: i64,
}

/// Whether anything in a resource (properties, metadata) refers to `name`:
/// how a launch configuration names the cluster its instances join (the
/// chapter's `ECS_CLUSTER: !Ref ApplicationCluster`).
fn mentions(resource: &Resource, name: &str) -> bool {
    let mut found = false;
    resource.walk(&mut |value: &Value| found |= value.referenced_names().iter().any(|n| n == name));
    found
}

/// The auto scaling groups whose instances join `cluster`, when the stack
/// says enough to know their instance types and sizes; `None` when a group
/// joins the cluster but its type or size is not known.
fn instance_groups<'a>(cx: &Context<'a>, cluster: &str) -> Option<Vec<InstanceGroup<'a>>> {
    let mut groups = Vec::new();
    for (declaration, group) in cx.resources_of("AWS::AutoScaling::AutoScalingGroup") {
        let launch = group
            .properties
            .value("launch_configuration_name")
            .and_then(|v| cx.referenced(v))
            .or_else(|| {
                let template = group.properties.value("launch_template")?.as_object()?;
                cx.referenced(template.value("launch_template_id")?)
            });
        let Some((_, launch_resource)) = launch else {
            continue;
        };
        if !mentions(launch_resource, cluster) {
            continue;
        }
        let instance_type = launch_resource
            .properties
            .value("instance_type")
            .or_else(|| {
                launch_resource
                    .properties
                    .value("launch_template_data")?
                    .as_object()?
                    .value("instance_type")
            })?;
        let instance_types = possible_values(cx, instance_type)?;
        let max_instances = possible_numbers(cx, group.properties.value("max_size")?)?
            .into_iter()
            .max()?;
        groups.push(InstanceGroup {
            declaration,
            instance_types,
            max_instances,
        });
    }
    Some(groups)
}

// Rule `eni-capacity`: "Each Amazon ECS task that uses the awsvpc network
// mode receives its own elastic network interface (ENI), which is attached
// to the container instance that hosts it. There is a default limit to the
// number of network interfaces that can be attached to an Amazon EC2
// instance, and the primary network interface counts as one. For example,
// by default a c5.large instance may have up to three ENIs attached to it.
// The primary network interface for the instance counts as one, so you can
// attach an additional two ENIs to the instance. Because each task using the
// awsvpc network mode requires an ENI, you can typically only run two such
// tasks on this instance type"
// (<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html>);
// the chapter's t2.micro has two, so it runs one. The table of maximum
// network interfaces is vendored from the EC2 documentation (`spec/eni/`).
// The rule decides only for instance families that ENI trunking does not
// support, and only when the stack states the instance types (literally, or
// as a parameter's allowed values), the groups' maximum sizes and the
// services' desired counts; it reports only what cannot work with any of
// the allowed values: the smallest demand against the largest capacity.
pub fn check_eni_capacity(cx: &Context) {
    let _rule = cx.errors.rule("eni-capacity");
    for (cluster, _) in cx.resources_of("AWS::ECS::Cluster") {
        let cluster_name = cluster.ident.to_string();
        let services: Vec<ecs::Service> = ecs::services(cx)
            .into_iter()
            .filter(|s| {
                s.property("cluster").and_then(Value::ref_name).as_deref()
                    == Some(cluster_name.as_str())
                    && s.network_mode() == Some(NetworkMode::Awsvpc)
                    && super::network_mode::runs_on_ec2(cx, s)
            })
            .collect();
        if services.is_empty() {
            continue;
        }
        let Some(groups) = instance_groups(cx, &cluster_name) else {
            continue;
        };
        if groups.is_empty() {
            continue;
        }
        // Daemon services take one interface on every instance.
        let daemons = services
            .iter()
            .filter(|s| s.property("scheduling_strategy").and_then(Value::as_str) == Some("DAEMON"))
            .count();
        let mut capacity: i64 = 0;
        let mut described = Vec::new();
        for group in &groups {
            let mut best: Option<(i64, &str, u32)> = None;
            for instance_type in &group.instance_types {
                let Some(interfaces) = max_network_interfaces(instance_type) else {
                    return;
                };
                if supports_trunking(instance_type) {
                    return;
                }
                let per_instance = (i64::from(interfaces) - 1)
                    .saturating_sub(i64::try_from(daemons).unwrap_or(i64::MAX));
                if best.is_none_or(|(b, _, _)| per_instance > b) {
                    best = Some((per_instance, instance_type.as_str(), interfaces));
                }
            }
            let Some((per_instance, instance_type, interfaces)) = best else {
                return;
            };
            // Sizes come from the stack's literals, so any i64 can appear:
            // saturate rather than overflow (negative sizes are the schema's
            // business, and count as none here).
            capacity = capacity.saturating_add(
                group
                    .max_instances
                    .max(0)
                    .saturating_mul(per_instance.max(0)),
            );
            described.push(format!(
                "`{}` runs at most {} `{instance_type}` instance{}, with {interfaces} network interfaces each, one of them the instance's own",
                group.declaration.ident,
                group.max_instances,
                if group.max_instances == 1 { "" } else { "s" },
            ));
        }
        let mut demand: i64 = 0;
        for service in services
            .iter()
            .filter(|s| s.property("scheduling_strategy").and_then(Value::as_str) != Some("DAEMON"))
        {
            let count = match service.property("desired_count") {
                // "If not specified, the default is 1" for a new service.
                None => Some(1),
                Some(value) => possible_numbers(cx, value).and_then(|v| v.into_iter().min()),
            };
            let Some(count) = count else {
                return;
            };
            demand = demand.saturating_add(count.max(0));
            if demand > capacity {
                let (span, end) = service.property("desired_count").map_or(
                    (service.resource.type_span, service.resource.type_end),
                    |v| (v.span, v.end),
                );
                let daemon_note = if daemons > 0 {
                    format!(", less {daemons} for daemon tasks")
                } else {
                    String::new()
                };
                cx.errors.push_range(
                    span,
                    end,
                    format!(
                        "cluster `{cluster_name}` has room for {capacity} `awsvpc` task{} and service `{}` brings the total to {demand}: {}{daemon_note}; raise `max_size`, or choose an instance type with more network interfaces (burstable t2, t3, t3a and t4g instances cannot use ENI trunking)",
                        if capacity == 1 { "" } else { "s" },
                        service.declaration.ident,
                        described.join("; "),
                    ),
                );
                return;
            }
        }
    }
}
