//! Checking: every rule that a stack must satisfy, run on the parsed
//! [`Stack`] before anything is generated.
//!
//! `check` dispatches to one function per rule area. Rules never stop at the
//! first error: each pushes what it finds to [`Errors`] and the next one runs.
//! A rule decides only from what the stack states: where a value is a
//! parameter, an import or any other deploy-time value, the rule uses what
//! the stack declares about it (allowed values, a declared CIDR) or stays
//! silent. It never guesses.
//!
//! Adding a rule: write `check_<rule>(cx: &Context)` in the module of its
//! area, cite the AWS documentation it comes from in its comment, report at
//! the token the user must change, and call it from [`check`].

mod capacity;
mod cidr;
mod conditions;
mod constraints;
mod ecs;
mod functions;
mod infer;
mod network_mode;
mod ordering;
mod parameters;
mod ports;
mod properties;
mod references;
mod routes;
mod scenarios;
mod sections;
mod security_groups;
mod symbols;
mod syntax;

pub use symbols::{Symbol, Symbols};

use syn::Ident;

use crate::diag::{Errors, Findings};
use std::cell::RefCell;

use proc_macro2::Span;

use crate::model::{Acknowledgment, Declaration, Entry, Object, Resource, Stack, Value};

/// What every rule gets: the stack, its symbol table, and the error collector.
pub struct Context<'a> {
    pub stack: &'a Stack,
    pub symbols: Symbols<'a>,
    pub errors: &'a Errors,
    /// The ids of the acknowledgments some rule has looked at, under any
    /// assignment of the conditions; any other is misplaced.
    consumed: &'a RefCell<Vec<usize>>,
}

impl<'a> Context<'a> {
    /// Marks an acknowledgment as seen by the rule it acknowledges.
    pub fn consume(&self, acknowledgment: &Acknowledgment) {
        self.consumed.borrow_mut().push(acknowledgment.id);
    }

    /// The resource with the given logical id.
    pub fn resource(&self, name: &str) -> Option<(&'a Declaration, &'a Resource)> {
        match self.symbols.get(name)? {
            Symbol::Resource(declaration, resource) => Some((declaration, resource)),
            _ => None,
        }
    }

    /// The resource a value names with `Ref` (`Name` or `sub!("${Name}")`).
    pub fn referenced(&self, value: &Value) -> Option<(&'a Declaration, &'a Resource)> {
        self.resource(&value.ref_name()?)
    }

    /// Every resource of one type, in declaration order.
    pub fn resources_of(
        &self,
        type_name: &'static str,
    ) -> impl Iterator<Item = (&'a Declaration, &'a Resource)> + 'a {
        self.stack
            .declarations
            .iter()
            .filter_map(move |declaration| {
                let resource = declaration.as_resource()?;
                (resource.type_name == type_name).then_some((declaration, resource))
            })
    }
}

/// The listeners and listener rules whose actions forward to a target
/// group, directly or through a weighted `forward_config`.
pub fn listeners_forwarding_to<'a>(
    cx: &Context<'a>,
    target_group: &str,
) -> Vec<(&'a Declaration, &'a Resource)> {
    let mut found = Vec::new();
    for (type_name, key) in [
        ("AWS::ElasticLoadBalancingV2::Listener", "default_actions"),
        ("AWS::ElasticLoadBalancingV2::ListenerRule", "actions"),
    ] {
        for (declaration, resource) in cx.resources_of(type_name) {
            let mut forwards = false;
            if let Some(actions) = resource.properties.value(key) {
                actions.walk(&mut |value| {
                    forwards |= value.ref_name().as_deref() == Some(target_group);
                });
            }
            if forwards {
                found.push((declaration, resource));
            }
        }
    }
    found
}

/// The entries of `object` whose keys are among `keys`, when there should
/// be exactly one: with none, reports `missing` at `at`; with several,
/// reports `extra(first key)` at each key after the first.
pub fn exactly_one_of(
    cx: &Context,
    object: &Object,
    keys: &[&str],
    at: (Span, Span),
    missing: impl FnOnce() -> String,
    extra: impl Fn(&str) -> String,
) {
    let present: Vec<&Entry> = object
        .entries
        .iter()
        .filter(|e| keys.contains(&e.key.name.as_str()))
        .collect();
    match present.as_slice() {
        [] => cx.errors.push_range(at.0, at.1, missing()),
        [_] => {}
        [first, rest @ ..] => {
            for entry in rest {
                cx.errors
                    .push_spanned(entry.key.span, extra(&first.key.name));
            }
        }
    }
}

/// Runs every rule on the stack.
///
/// Conditions: CloudFormation decides them once the parameters are known,
/// then drops what a false condition guards and takes one branch of each
/// `if_`. The rules on the stack's own structure (names, references,
/// parameters, sections, conditions and mappings) run once, on the stack as
/// written. The rules on what gets deployed run once per assignment of the
/// conditions that the parameters make possible, on the stack as it is
/// under that assignment (`scenarios`); a stack without conditions is one
/// assignment. The policy:
///
/// - a violation under an assignment that follows from the parameters'
///   allowed values (or from literals a free parameter may equal) is
///   reported, as it would be without conditions;
/// - an assignment that depends on a comparison ecsnet cannot evaluate
///   (two references, a function) is *uncertain*: its errors are reported
///   only when every assignment has them, and a reference to a resource
///   its condition leaves out is a warning there, not an error.
pub fn check(stack: &Stack, broken: &[Ident], errors: &Errors) {
    crate::app::check(stack, errors);
    let consumed = RefCell::new(Vec::new());
    let cx = Context {
        stack,
        symbols: Symbols::new(stack, broken),
        errors,
        consumed: &consumed,
    };
    check_structure(&cx, broken.len());
    match scenarios::scenarios(stack) {
        None => check_deployment(&cx),
        Some(scenarios) => check_scenarios(&cx, broken, &scenarios),
    }
    check_misplaced_acknowledgments(&cx);
}

/// The rules on the stack as written: its names, references, parameters,
/// sections, conditions and mappings.
fn check_structure(cx: &Context, broken: usize) {
    syntax::check_logical_ids(cx);
    syntax::check_template_limits(cx);
    syntax::check_resources_present(cx, broken);
    syntax::check_duplicate_keys(cx);
    parameters::check_parameters(cx);
    references::check_references(cx);
    references::check_depends_on(cx);
    references::check_sub_needed(cx);
    sections::check_transforms(cx);
    sections::check_interface(cx);
    sections::check_template_rules(cx);
    sections::check_language_extensions(cx);
    conditions::check_conditions(cx);
    conditions::check_mappings(cx);
    properties::check_resource_types(cx);
}

/// The rules on what gets deployed, on one stack without conditions.
fn check_deployment(cx: &Context) {
    properties::check_properties(cx);
    properties::check_resource_attributes(cx);
    functions::check_function_arguments(cx);
    cidr::check_cidr_literals(cx);
    cidr::check_subnets(cx);
    routes::check_nat_gateway_addresses(cx);
    routes::check_route_targets(cx);
    routes::check_one_route_table_per_subnet(cx);
    routes::check_task_subnet_egress(cx);
    network_mode::check_target_types(cx);
    network_mode::check_service_roles(cx);
    network_mode::check_network_configurations(cx);
    network_mode::check_assign_public_ip(cx);
    network_mode::check_load_balancer_entries(cx);
    network_mode::check_launch_type(cx);
    network_mode::check_fargate(cx);
    network_mode::check_host_network(cx);
    ports::check_host_ports(cx);
    ports::check_dynamic_port_health_checks(cx);
    ports::check_load_balancer_containers(cx);
    security_groups::check_rule_ports(cx);
    security_groups::check_open_ingress(cx);
    security_groups::check_load_balancer_reaches_tasks(cx);
    capacity::check_eni_capacity(cx);
    ordering::check_dependency_cycles(cx);
    ordering::check_redundant_depends_on(cx);
    ordering::check_services_wait_for_listeners(cx);
    // After the chapter's rules: where one of them has said it already, at
    // the same token and better, a schema's finding is not repeated.
    constraints::check_constraints(cx);
}

/// The deployment rules under each assignment of the conditions, with the
/// findings judged by the policy of [`check`]. A finding that holds under
/// some assignments only says where: "where `IsProduction` is false".
fn check_scenarios(cx: &Context, broken: &[Ident], scenarios: &[scenarios::Scenario]) {
    let mappings = scenarios::mappings(cx.stack);
    let mut found: Vec<(Findings, &scenarios::Scenario)> = Vec::new();
    for scenario in scenarios {
        let (view, absent) = scenarios::view(cx.stack, scenario, &mappings);
        let mut broken_here = broken.to_vec();
        broken_here.extend(absent.iter().map(|(name, _)| name.clone()));
        let scratch = Errors::new();
        let here = Context {
            stack: &view,
            symbols: Symbols::new(&view, &broken_here),
            errors: &scratch,
            consumed: cx.consumed,
        };
        check_deployment(&here);
        conditions::check_condition_references(&here, &absent, scenario.certain);
        let findings = scratch.take_findings();
        let _ = scratch.finish();
        found.push((findings, scenario));
    }
    let key = |error: &syn::Error| format!("{:?} {error}", error.span());
    // Where each finding holds: the scenarios that found it.
    let holding = |error: &syn::Error, warnings: bool| -> Vec<&scenarios::Scenario> {
        let k = key(error);
        found
            .iter()
            .filter(|(findings, _)| {
                let list = if warnings {
                    &findings.warnings
                } else {
                    &findings.errors
                };
                list.iter().any(|(e, _, _)| key(e) == k)
            })
            .map(|(_, scenario)| *scenario)
            .collect()
    };
    let any_certain = scenarios.iter().any(|s| s.certain);
    for (findings, scenario) in &found {
        for (error, rule, _) in &findings.errors {
            let holds = holding(error, false);
            // An uncertain assignment's error counts only where every
            // assignment has it: then it holds whatever the parameters are.
            if !scenario.certain && (any_certain || holds.len() < scenarios.len()) {
                continue;
            }
            // A reference to what a condition leaves out names the condition already.
            let clause = if *rule == "condition-references" {
                String::new()
            } else {
                scenarios::where_clause(&holds, scenarios)
            };
            cx.errors.push_finding((error.clone(), rule, clause));
        }
        for (warning, rule, _) in &findings.warnings {
            let clause = scenarios::where_clause(&holding(warning, true), scenarios);
            cx.errors.warn_finding((warning.clone(), rule, clause));
        }
    }
}

// Rule `acknowledgment-placement`: an acknowledgment that no rule looked at
// is in the wrong place: it would silence nothing, and the template's
// metadata would record an exception that is not one.
fn check_misplaced_acknowledgments(cx: &Context) {
    let _rule = cx.errors.rule("acknowledgment-placement");
    let consumed = cx.consumed.borrow();
    let mut report = |acknowledgment: &Acknowledgment| {
        if !consumed.contains(&acknowledgment.id) {
            let place = match acknowledgment.rule {
                crate::model::AcknowledgedRule::OpenIngress => {
                    "on a security group ingress rule (an element of `security_group_ingress`, or an `AWS::EC2::SecurityGroupIngress`)"
                }
                crate::model::AcknowledgedRule::HostNetwork => {
                    "on an `AWS::ECS::TaskDefinition` in `host` network mode"
                }
                crate::model::AcknowledgedRule::IgnoredPorts => {
                    "on a security group rule of protocol `-1` that gives ports"
                }
                crate::model::AcknowledgedRule::RedundantDependsOn => {
                    "on a resource whose `depends_on` names a resource it already refers to"
                }
                crate::model::AcknowledgedRule::DiscouragedValue => {
                    "before a value that cfn-lint's data discourages, or on its resource"
                }
                crate::model::AcknowledgedRule::InterfaceParameters => {
                    "before a name in `AWS::CloudFormation::Interface` that is no parameter"
                }
                crate::model::AcknowledgedRule::UnlistedValue => {
                    "before a value that the data's lists of versions and classes do not hold, or on its resource"
                }
            };
            cx.errors.push_spanned(
                acknowledgment.span,
                format!("this acknowledgment acknowledges nothing here; it goes {place}"),
            );
        }
    };
    for declaration in &cx.stack.declarations {
        if let Some(resource) = declaration.as_resource() {
            resource.acknowledgments.iter().for_each(&mut report);
        }
    }
    cx.stack
        .walk_values(&mut |_, value| value.acknowledgments.iter().for_each(&mut report));
}
