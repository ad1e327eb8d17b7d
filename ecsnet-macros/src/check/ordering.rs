//! Rules on the order CloudFormation creates resources in: the dependency
//! graph has no cycle, and a service waits for the listener that attaches
//! its target group to a load balancer.

use std::collections::HashMap;

use proc_macro2::Span;

use super::Context;
use crate::model::{AcknowledgedRule, Declaration, Value};

/// One dependency of a resource: the resource it needs first, and the
/// token that creates the dependency.
struct Edge {
    to: String,
    span: Span,
    end: Span,
}

/// The dependencies of every resource: `DependsOn`, and every `Ref`,
/// `Fn::GetAtt` and `${…}` in its properties, metadata and policies
/// ("CloudFormation automatically determines … dependencies when a resource
/// references another using Ref or `Fn::GetAtt`",
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html>).
fn dependencies<'a>(cx: &Context<'a>) -> Vec<(&'a Declaration, Vec<Edge>)> {
    let mut graph = Vec::new();
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        let own_name = declaration.ident.to_string();
        let mut edges: Vec<Edge> = resource
            .depends_on
            .iter()
            .filter(|name| **name != own_name)
            .map(|name| Edge {
                to: name.to_string(),
                span: name.span(),
                end: name.span(),
            })
            .collect();
        let mut visit = |value: &Value| {
            let names = value.referenced_names();
            for name in names {
                // A resource naming itself is the `references` rule's error.
                if name != own_name && cx.resource(&name).is_some() {
                    edges.push(Edge {
                        to: name,
                        span: value.span,
                        end: value.end,
                    });
                }
            }
        };
        resource.walk(&mut visit);
        graph.push((declaration, edges));
    }
    graph
}

// Rule `depends-on` (cycles): CloudFormation refuses a template whose
// dependencies form a cycle ("Circular dependency between resources",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/troubleshooting.html#troubleshooting-errors-dependency-error>).
// Each cycle is reported once, at the reference that closes it, with every
// resource on it.
pub fn check_dependency_cycles(cx: &Context) {
    let _rule = cx.errors.rule("depends-on");
    let graph = dependencies(cx);
    let index: HashMap<String, usize> = graph
        .iter()
        .enumerate()
        .map(|(i, (declaration, _))| (declaration.ident.to_string(), i))
        .collect();
    // Depth-first search with the classic three colours; a grey node met
    // again closes a cycle made of the grey path from it.
    let mut colour = vec![0u8; graph.len()];
    let mut path: Vec<(usize, usize)> = Vec::new();
    for root in 0..graph.len() {
        if colour[root] != 0 {
            continue;
        }
        colour[root] = 1;
        path.push((root, 0));
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let edges = &graph[node].1;
            if *next >= edges.len() {
                colour[node] = 2;
                path.pop();
                continue;
            }
            let edge = &edges[*next];
            *next += 1;
            let Some(&to) = index.get(&edge.to) else {
                continue;
            };
            match colour[to] {
                0 => {
                    colour[to] = 1;
                    path.push((to, 0));
                }
                1 => {
                    let start = path.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let mut names: Vec<String> = path[start..]
                        .iter()
                        .map(|(n, _)| format!("`{}`", graph[*n].0.ident))
                        .collect();
                    names.push(format!("`{}`", graph[to].0.ident));
                    cx.errors.push_range(
                        edge.span,
                        edge.end,
                        format!(
                            "dependency cycle: {}; CloudFormation cannot create any of them first, so remove one of these references or `depends_on` entries",
                            names.join(" → ")
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}

// Rule `service-listener-order`: an ECS service that registers with a target
// group is created after the listener (or listener rule) that attaches that
// target group to a load balancer; otherwise CreateService may fail with
// "The target group with targetGroupArn … does not have an associated load
// balancer" (aws/aws-cdk#1160; the chapter's service `DependsOn` its
// listener for this reason). The dependency may be direct (`depends_on`) or
// through any chain of references.
pub fn check_services_wait_for_listeners(cx: &Context) {
    let _rule = cx.errors.rule("service-listener-order");
    let graph = dependencies(cx);
    let edges: HashMap<String, Vec<String>> = graph
        .iter()
        .map(|(d, e)| {
            (
                d.ident.to_string(),
                e.iter().map(|e| e.to.clone()).collect(),
            )
        })
        .collect();
    let reaches = |from: &str, goal: &str| {
        let mut seen = vec![from.to_owned()];
        let mut stack = vec![from.to_owned()];
        while let Some(node) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == goal {
                    return true;
                }
                if !seen.contains(next) {
                    seen.push(next.clone());
                    stack.push(next.clone());
                }
            }
        }
        false
    };
    for service in super::ecs::services(cx) {
        let name = service.declaration.ident.to_string();
        for entry in service.load_balancers() {
            let Some(arn) = entry.value("target_group_arn") else {
                continue;
            };
            let Some(target_group) = arn.ref_name() else {
                continue;
            };
            let listeners: Vec<String> = super::listeners_forwarding_to(cx, &target_group)
                .into_iter()
                .map(|(listener, _)| listener.ident.to_string())
                .collect();
            if listeners.is_empty() || listeners.iter().any(|l| reaches(&name, l)) {
                continue;
            }
            cx.errors.push_range(
                arn.span,
                arn.end,
                format!(
                    "service `{name}` may be created before listener `{}` attaches target group `{target_group}` to its load balancer, and ECS then refuses it (\"The target group … does not have an associated load balancer\"); add `#[depends_on({})]` to `{name}`",
                    listeners[0], listeners[0]
                ),
            );
        }
    }
}

// Rule `redundant-depends-on` (a warning): "Resources that reference other
// resources … such as Ref or Fn::GetAtt … are created after the referenced
// resources; you don't need DependsOn"
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html>);
// cfn-lint W3005 warns the same. It deploys, so it is a warning: the
// `depends_on` entry says nothing the properties do not. Only references in
// the properties count, where CloudFormation reads them.
pub fn check_redundant_depends_on(cx: &Context) {
    let _rule = cx.errors.rule("redundant-depends-on");
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        if resource.depends_on.is_empty() {
            continue;
        }
        let acknowledgment = resource
            .acknowledgments
            .iter()
            .find(|a| a.rule == AcknowledgedRule::RedundantDependsOn);
        let mut referenced: Vec<String> = Vec::new();
        resource
            .properties
            .walk(&mut |value| referenced.extend(value.referenced_names()));
        let mut redundant = false;
        for name in &resource.depends_on {
            let name_text = name.to_string();
            if !referenced.contains(&name_text)
                || !matches!(
                    cx.symbols.get(&name_text),
                    Some(super::Symbol::Resource(..))
                )
            {
                continue;
            }
            redundant = true;
            if acknowledgment.is_none() {
                cx.errors.warn_range(
                    name.span(),
                    name.span(),
                    format!(
                        "`{}` already refers to `{name}` in its properties, so CloudFormation creates `{name}` first without `depends_on`; remove `{name}` from `depends_on`, or write `#[acknowledge(redundant_depends_on, reason = \"…\")]` on the resource",
                        declaration.ident
                    ),
                );
            }
        }
        if let Some(acknowledgment) = acknowledgment
            && redundant
        {
            cx.consume(acknowledgment);
        }
    }
}
