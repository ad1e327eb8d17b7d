//! Rules on container ports: how tasks publish them, and how load
//! balancers find them.

use super::Context;
use super::ecs::{self, NetworkMode};
use crate::diag::did_you_mean;
use crate::model::Value;

// Rule `host-port`: "If you use containers in a task with the awsvpc or host
// network mode, specify the exposed ports using containerPort. … The
// hostPort can be left blank or it must be the same value as the
// containerPort" (`PortMapping`,
// <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html>).
// `hostPort: 0`, the dynamic port of bridge mode, is the chapter's example.
pub fn check_host_ports(cx: &Context) {
    let _rule = cx.errors.rule("host-port");
    for task_definition in ecs::task_definitions(cx) {
        let Some(mode @ (NetworkMode::Awsvpc | NetworkMode::Host)) = task_definition.network_mode
        else {
            continue;
        };
        for container in &task_definition.containers {
            for mapping in &container.port_mappings {
                let (Some(host), Some(container_port)) =
                    (mapping.host_port, mapping.container_port)
                else {
                    continue;
                };
                let Some(host_port) = host.as_int() else {
                    continue;
                };
                if host_port == container_port {
                    continue;
                }
                let what = if host_port == 0 {
                    "asks for a dynamic host port".to_owned()
                } else {
                    format!("maps container port {container_port} to host port {host_port}")
                };
                let why = if mode == NetworkMode::Awsvpc {
                    "`awsvpc` tasks have their own network interface and publish container ports as they are"
                } else {
                    "`host` tasks publish container ports on the instance as they are"
                };
                cx.errors.push_range(
                    host.span,
                    host.end,
                    format!(
                        "`host_port: {host_port}` {what}, but task definition `{}` uses `{}` networking: {why}; remove `host_port`",
                        task_definition.declaration.ident,
                        mode.name()
                    ),
                );
            }
        }
    }
}

// Rule `dynamic-port-health-check`: a `bridge` task whose container port has
// a dynamic host port (`HostPort: 0`, or none: "If you use containers in a
// task with the bridge network mode and you specify a container port and
// not a host port, your container automatically receives a host port in the
// ephemeral port range", `PortMapping` above) can be health-checked only on
// the port the load balancer sends traffic to, `traffic-port` (the default
// of `HealthCheckPort`; cfn-lint E3049 checks the same).
pub fn check_dynamic_port_health_checks(cx: &Context) {
    let _rule = cx.errors.rule("dynamic-port-health-check");
    for service in ecs::services(cx) {
        let Some(task_definition) = &service.task_definition else {
            continue;
        };
        if task_definition.network_mode != Some(NetworkMode::Bridge) {
            continue;
        }
        for entry in service.load_balancers() {
            let (Some(container_name), Some(port)) = (
                entry.value("container_name").and_then(Value::as_str),
                entry.value("container_port").and_then(Value::as_int),
            ) else {
                continue;
            };
            let Some(container) = task_definition.container(container_name) else {
                continue;
            };
            let dynamic = container.port_mappings.iter().any(|m| {
                m.container_port == Some(port) && m.host_port.is_none_or(|h| h.as_int() == Some(0))
            });
            if !dynamic {
                continue;
            }
            let Some((group, group_resource)) = entry
                .value("target_group_arn")
                .and_then(|v| cx.referenced(v))
            else {
                continue;
            };
            let Some(health_port) = group_resource.properties.value("health_check_port") else {
                continue;
            };
            if health_port.as_str() == Some("traffic-port") {
                continue;
            }
            let written = health_port
                .as_int()
                .map_or_else(|| "a fixed port".to_owned(), |n| format!("port {n}"));
            cx.errors.push_range(
                health_port.span,
                health_port.end,
                format!(
                    "target group `{}` checks health on {written}, but service `{}` maps container port {port} to a dynamic host port that changes with every task; use `health_check_port: \"traffic-port\"`",
                    group.ident, service.declaration.ident
                ),
            );
        }
    }
}

// Rule `lb-container`: a load balancer entry names a container of the
// service's task definition and a port that container maps: "the container
// name and container port that were specified when the service was created
// must remain in the task definition", and the service fails to start
// otherwise (ECS troubleshooting, "Troubleshooting service load balancers",
// <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-load-balancers.html>).
pub fn check_load_balancer_containers(cx: &Context) {
    let _rule = cx.errors.rule("lb-container");
    for service in ecs::services(cx) {
        let Some(task_definition) = &service.task_definition else {
            continue;
        };
        let task_name = &task_definition.declaration.ident;
        for entry in service.load_balancers() {
            let Some(name_value) = entry.value("container_name") else {
                continue;
            };
            let Some(name) = name_value.as_str() else {
                continue;
            };
            let Some(container) = task_definition.container(name) else {
                let names: Vec<&str> = task_definition
                    .containers
                    .iter()
                    .filter_map(|c| c.name)
                    .collect();
                let hint = match did_you_mean(name, names.iter().copied()) {
                    Some(close) => format!("; did you mean `{close}`?"),
                    None => format!(
                        "; its containers are {}",
                        crate::diag::list_in_backticks(&names)
                    ),
                };
                cx.errors.push_range(
                    name_value.span,
                    name_value.end,
                    format!(
                        "service `{}` sends load balancer traffic to container `{name}`, which task definition `{task_name}` does not have{hint}",
                        service.declaration.ident
                    ),
                );
                continue;
            };
            let Some(port_value) = entry.value("container_port") else {
                continue;
            };
            let Some(port) = port_value.as_int() else {
                continue;
            };
            let mapped: Vec<String> = container
                .port_mappings
                .iter()
                .filter_map(|m| m.container_port.map(|p| p.to_string()))
                .collect();
            if !mapped.contains(&port.to_string()) {
                let hint = if mapped.is_empty() {
                    format!("; add `port_mappings: [{{ container_port: {port} }}]` to `{name}`")
                } else {
                    format!("; it maps {}", crate::diag::list_in_backticks(&mapped))
                };
                cx.errors.push_range(
                    port_value.span,
                    port_value.end,
                    format!(
                        "container `{name}` of `{task_name}` maps no container port {port}, so the load balancer of service `{}` cannot reach it{hint}",
                        service.declaration.ident
                    ),
                );
            }
        }
    }
}
