//! Rules on the private network of task networking: the NAT gateway and its
//! Elastic IP, routes and route table associations.

use std::collections::HashMap;

use super::Context;
use crate::model::{Declaration, Resource, Value};

// Rule `nat-eip`: a public NAT gateway gets the allocation id of an Elastic
// IP in the VPC domain. "If you create a public NAT gateway, you must
// specify an elastic IP address"
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html>);
// `Ref` of an `AWS::EC2::EIP` returns its public address, not its
// allocation id (the schema's `cfnRefIdentifier`); and "Domain: The network
// (vpc)" is the only domain a VPC's NAT gateway can use
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eip.html>).
// An omitted `Domain` means `vpc` since EC2-Classic was retired.
pub fn check_nat_gateway_addresses(cx: &Context) {
    let _rule = cx.errors.rule("nat-eip");
    for (declaration, nat) in cx.resources_of("AWS::EC2::NatGateway") {
        let private = nat
            .properties
            .value("connectivity_type")
            .and_then(Value::as_str)
            .is_some_and(|t| t == "private");
        let Some(allocation) = nat.properties.value("allocation_id") else {
            let secondary = nat.properties.value("secondary_allocation_ids").is_some()
                || nat.properties.value("availability_mode").is_some();
            if !private && !secondary {
                cx.errors.push_range(
                    nat.type_span,
                    nat.type_end,
                    format!(
                        "public NAT gateway `{}` needs `allocation_id`, the `AllocationId` of an `AWS::EC2::EIP` with `domain: \"vpc\"`; or set `connectivity_type: \"private\"`",
                        declaration.ident
                    ),
                );
            }
            continue;
        };
        if let Some((eip, eip_resource)) = cx.referenced(allocation) {
            if eip_resource.type_name == "AWS::EC2::EIP" {
                let gives = eip_resource
                    .schema
                    .and_then(|s| s.ref_returns)
                    .unwrap_or("PublicIp");
                cx.errors.push_range(
                    allocation.span,
                    allocation.end,
                    format!(
                        "`{eip}` as a reference gives the Elastic IP's `{gives}`, but `allocation_id` takes its allocation id; write `{eip}.AllocationId`",
                        eip = eip.ident
                    ),
                );
            }
            continue;
        }
        let Some((eip_name, attribute)) = allocation.get_att() else {
            continue;
        };
        let Some((eip, eip_resource)) = cx.resource(&eip_name) else {
            continue;
        };
        if eip_resource.type_name != "AWS::EC2::EIP" {
            continue;
        }
        // An attribute the EIP does not have is reported by `references`.
        let known = eip_resource
            .schema
            .is_some_and(|s| s.attribute(&attribute).is_some());
        if attribute != "AllocationId" && known {
            cx.errors.push_range(
                allocation.span,
                allocation.end,
                format!(
                    "`allocation_id` takes the Elastic IP's allocation id, not its `{attribute}`; write `{}.AllocationId`",
                    eip.ident
                ),
            );
        }
        check_eip_domain(cx, declaration, eip, eip_resource);
    }
}

fn check_eip_domain(cx: &Context, nat: &Declaration, eip: &Declaration, eip_resource: &Resource) {
    let Some(domain) = eip_resource.properties.value("domain") else {
        return;
    };
    if domain.as_str().is_some_and(|d| d != "vpc") {
        cx.errors.push_range(
            domain.span,
            domain.end,
            format!(
                "Elastic IP `{}` backs NAT gateway `{}`, which needs an address in the VPC domain; set `domain: \"vpc\"`",
                eip.ident, nat.ident
            ),
        );
    }
}

/// Where a route sends traffic: the properties that name a destination and
/// the properties that name a target
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html>).
const ROUTE_DESTINATIONS: &[&str] = &[
    "destination_cidr_block",
    "destination_ipv6_cidr_block",
    "destination_prefix_list_id",
];
const ROUTE_TARGETS: &[&str] = &[
    "carrier_gateway_id",
    "core_network_arn",
    "egress_only_internet_gateway_id",
    "gateway_id",
    "instance_id",
    "local_gateway_id",
    "nat_gateway_id",
    "network_interface_id",
    "odb_network_arn",
    "transit_gateway_id",
    "vpc_endpoint_id",
    "vpc_peering_connection_id",
];

// Rule `route-target`: "You must specify either a destination CIDR block or
// prefix list ID. You must also specify exactly one of the resources as the
// target" (`AWS::EC2::Route`, above).
//
// Rule `private-default-route` ("If you add a default route
// (AWS::EC2::Route resource) that points to a NAT gateway, specify the NAT
// gateway ID for the route's NatGatewayId property",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html>)
// is the `reference-kind` rule of `properties.rs`: the schema says
// `GatewayId` takes internet and virtual private gateways, and the error
// suggests `nat_gateway_id`, the property that takes a NAT gateway.
pub fn check_route_targets(cx: &Context) {
    let _rule = cx.errors.rule("route-target");
    for (declaration, route) in cx.resources_of("AWS::EC2::Route") {
        let name = &declaration.ident;
        let at = (route.type_span, route.type_end);
        super::exactly_one_of(
            cx,
            &route.properties,
            ROUTE_DESTINATIONS,
            at,
            || {
                format!(
                    "route `{name}` has no destination; set `destination_cidr_block` (`\"0.0.0.0/0\"` for a default route), `destination_ipv6_cidr_block` or `destination_prefix_list_id`"
                )
            },
            |first| {
                format!(
                    "route `{name}` already has the destination `{first}`; a route has exactly one"
                )
            },
        );
        super::exactly_one_of(
            cx,
            &route.properties,
            ROUTE_TARGETS,
            at,
            || {
                format!(
                    "route `{name}` has no target; set one of `nat_gateway_id`, `gateway_id`, `instance_id`, `network_interface_id`, `transit_gateway_id`, `vpc_peering_connection_id` and the other target properties"
                )
            },
            |first| {
                format!(
                    "route `{name}` already sends traffic to `{first}`; a route has exactly one target"
                )
            },
        );
    }
}

// Rule `one-association`: "A subnet can only be associated with one route
// table at a time"
// (<https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html>);
// cfn-lint E3022 checks the same. Subnets are compared as written: the same
// resource, or the same element of the same list parameter.
pub fn check_one_route_table_per_subnet(cx: &Context) {
    let _rule = cx.errors.rule("one-association");
    let mut first: HashMap<String, &Declaration> = HashMap::new();
    for (declaration, association) in cx.resources_of("AWS::EC2::SubnetRouteTableAssociation") {
        let Some(subnet) = association.properties.value("subnet_id") else {
            continue;
        };
        let Some(key) = subnet_key(subnet) else {
            continue;
        };
        if let Some(other) = first.get(&key) {
            cx.errors.push_range(
                subnet.span,
                subnet.end,
                format!(
                    "subnet `{key}` is already associated with a route table by `{}`; a subnet has one route table, so remove `{}` or associate another subnet",
                    other.ident, declaration.ident
                ),
            );
        } else {
            first.insert(key, declaration);
        }
    }
}

/// A name for the subnet a value identifies, when it is known at compile time.
fn subnet_key(value: &Value) -> Option<String> {
    if let Some(name) = value.ref_name() {
        return Some(name);
    }
    if let crate::model::ValueKind::Call(call) = &value.kind
        && call.function == crate::model::Function::Select
    {
        let index = call.args.first()?.as_int()?;
        let list = call.args.get(1)?.ref_name()?;
        return Some(format!("select({index}, {list})"));
    }
    None
}

// Rule `task-subnet-egress` (the chapter's quiz, question 5): `awsvpc` tasks
// on EC2 instances get no public IP address, so "To access the internet,
// tasks must be launched in a private subnet that's configured to use a NAT
// gateway … Tasks that are launched within public subnets do not have
// access to the internet" (ECS developer guide, task networking,
// <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html>).
// When such a service's subnets are resources of this stack and their route
// table sends `0.0.0.0/0` to an internet gateway, the tasks cannot use it.
pub fn check_task_subnet_egress(cx: &Context) {
    let _rule = cx.errors.rule("task-subnet-egress");
    for service in super::ecs::services(cx) {
        if service.network_mode() != Some(super::ecs::NetworkMode::Awsvpc)
            || !super::network_mode::runs_on_ec2(cx, &service)
        {
            continue;
        }
        let Some(subnets) = service
            .awsvpc_configuration()
            .and_then(|c| c.value("subnets"))
            .and_then(Value::as_list)
        else {
            continue;
        };
        for subnet in subnets {
            let Some(subnet_name) = subnet.ref_name() else {
                continue;
            };
            let Some(gateway) = internet_gateway_default_route(cx, &subnet_name) else {
                continue;
            };
            cx.errors.push_range(
                subnet.span,
                subnet.end,
                format!(
                    "service `{}` runs `awsvpc` tasks on EC2 instances in subnet `{subnet_name}`, whose default route goes to internet gateway `{gateway}`, but task network interfaces get no public IP address and cannot use it; place the tasks in a private subnet whose `0.0.0.0/0` route has a `nat_gateway_id`",
                    service.declaration.ident
                ),
            );
        }
    }
}

/// The internet gateway a subnet's route table sends `0.0.0.0/0` to, if the
/// stack says so.
fn internet_gateway_default_route(cx: &Context, subnet: &str) -> Option<String> {
    let route_tables: Vec<String> = cx
        .resources_of("AWS::EC2::SubnetRouteTableAssociation")
        .filter(|(_, a)| {
            a.properties
                .value("subnet_id")
                .and_then(Value::ref_name)
                .as_deref()
                == Some(subnet)
        })
        .filter_map(|(_, a)| {
            a.properties
                .value("route_table_id")
                .and_then(Value::ref_name)
        })
        .collect();
    cx.resources_of("AWS::EC2::Route").find_map(|(_, route)| {
        let table = route
            .properties
            .value("route_table_id")
            .and_then(Value::ref_name)?;
        let default = route
            .properties
            .value("destination_cidr_block")
            .and_then(Value::as_str)
            == Some("0.0.0.0/0");
        if !default || !route_tables.contains(&table) {
            return None;
        }
        let (gateway, resource) = cx.referenced(route.properties.value("gateway_id")?)?;
        (resource.type_name == "AWS::EC2::InternetGateway").then(|| gateway.ident.to_string())
    })
}
