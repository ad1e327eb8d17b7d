//! Rules on conditions and mappings, the template's `Conditions` and
//! `Mappings` sections, and on references to what a condition may leave
//! out.
//!
//! The other rules see one plain stack per assignment of the conditions
//! (see `scenarios`); these check the sections themselves, once.

use std::collections::HashMap;
use std::fmt::Write as _;

use proc_macro2::Span;
use syn::Ident;

use super::{Context, Symbol};
use crate::diag::{did_you_mean, list_in_backticks};
use crate::model::{Declaration, DeclarationKind, Function, Value, ValueKind};

// Rule `conditions`: "Within each condition, you can reference another
// condition, a parameter value, or a mapping" with `Fn::And`, `Fn::Equals`,
// `Fn::Not`, `Fn::Or` and `Condition`; resources and outputs name a
// condition "defined in the Conditions section"; `Fn::If` reads one in
// resources and outputs; the condition functions are used only in the
// `Conditions` section (and in `Rules`, with their own meaning). A condition
// that depends on itself, directly or through others, is refused
// ("Conditions",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/conditions-section-structure.html>;
// "Condition functions",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html>).
pub fn check_conditions(cx: &Context) {
    let _rule = cx.errors.rule("conditions");
    for declaration in &cx.stack.declarations {
        if let Some(name) = declaration.condition() {
            check_condition_name(cx, name);
        }
        if let DeclarationKind::Condition(condition) = &declaration.kind {
            check_expression(cx, &condition.expression);
        }
    }
    cx.stack.walk_values(&mut |declaration, value| {
        let in_condition = matches!(declaration.kind, DeclarationKind::Condition(_));
        match &value.kind {
            ValueKind::ConditionName(name) => check_condition_name(cx, name),
            ValueKind::Call(call) if call.function.is_condition_function() && !in_condition => {
                let name = call.function.name();
                cx.errors.push_range(
                    value.span,
                    value.end,
                    format!(
                        "`{name}` builds a condition, and a condition is declared on its own: \
                         `#[condition({name}(…))] struct IsProduction;`; then choose a value with `if_(IsProduction, …, …)`"
                    ),
                );
            }
            ValueKind::Call(call) if call.function == Function::If && in_condition => {
                cx.errors.push_range(
                    value.span,
                    value.end,
                    "`if_` chooses a value of a resource or an output; a condition combines others with `and`, `or` and `not`",
                );
            }
            _ => {}
        }
    });
    check_cycles(cx);
}

/// A condition's name must be declared.
fn check_condition_name(cx: &Context, name: &Ident) {
    let text = name.to_string();
    if cx.symbols.conditions.contains_key(&text) {
        return;
    }
    let mut message = match cx.symbols.get(&text) {
        Some(Symbol::Broken) => return,
        Some(Symbol::Parameter(_)) => format!(
            "`{text}` is a parameter, not a condition; declare a condition on it, \
             `#[condition(equals({text}, \"…\"))] struct Is…;`, and name that"
        ),
        Some(Symbol::Resource(..)) => format!(
            "`{text}` is a resource, not a condition; a condition is declared with `#[condition(…)]` and compares parameters"
        ),
        _ => format!("no condition named `{text}` in this stack"),
    };
    if !message.contains(';') {
        if let Some(close) = did_you_mean(&text, cx.symbols.conditions.keys().map(String::as_str)) {
            let _ = write!(message, "; did you mean `{close}`?");
        } else if cx.symbols.conditions.is_empty() {
            message.push_str(
                "; declare it: `#[condition(equals(Environment, \"prod\"))] struct IsProduction;`",
            );
        } else {
            let names: Vec<&str> = cx.symbols.conditions.keys().map(String::as_str).collect();
            let _ = write!(
                message,
                "; the conditions are {}",
                list_in_backticks(&names)
            );
        }
    }
    cx.errors.push_spanned(name.span(), message);
}

/// A condition's expression: a condition's name or a condition function,
/// whose arguments are conditions again (`equals` compares values).
fn check_expression(cx: &Context, value: &Value) {
    match &value.kind {
        ValueKind::ConditionName(_) => {}
        ValueKind::Call(call) if call.function == Function::Equals => {
            for argument in &call.args {
                check_no_resource(cx, argument);
            }
        }
        ValueKind::Call(call) if call.function.is_condition_function() => {
            for argument in &call.args {
                check_expression(cx, argument);
            }
        }
        _ => cx.errors.push_range(
            value.span,
            value.end,
            "expected a condition: `equals(a, b)`, `and(…)`, `or(…)`, `not(…)` or the name of another condition",
        ),
    }
}

/// "You can't use a resource's logical ID in a condition": conditions are
/// decided before any resource exists.
fn check_no_resource(cx: &Context, value: &Value) {
    value.walk(&mut |inner| {
        for name in inner.referenced_names() {
            if let Some(Symbol::Resource(..)) = cx.symbols.get(&name) {
                cx.errors.push_range(
                    inner.span,
                    inner.end,
                    format!(
                        "a condition is decided before any resource is created, so it cannot read `{name}`; \
                         compare parameters, pseudo parameters and mappings"
                    ),
                );
            }
        }
    });
}

/// Conditions that depend on themselves, reported once per cycle at the
/// first condition of the cycle in declaration order.
fn check_cycles(cx: &Context) {
    let mut depends: HashMap<String, Vec<String>> = HashMap::new();
    for (name, (_, condition)) in &cx.symbols.conditions {
        let mut names = Vec::new();
        condition.expression.walk(&mut |value| {
            if let ValueKind::ConditionName(other) = &value.kind {
                names.push(other.to_string());
            }
        });
        depends.insert(name.clone(), names);
    }
    let mut reported: Vec<String> = Vec::new();
    for declaration in &cx.stack.declarations {
        let name = declaration.ident.to_string();
        if declaration.as_condition().is_none() || reported.contains(&name) {
            continue;
        }
        if let Some(path) = cycle_from(&name, &depends) {
            reported.extend(path.iter().cloned());
            cx.errors.push_spanned(
                declaration.ident.span(),
                format!(
                    "condition `{name}` depends on itself: {}; CloudFormation refuses circular conditions",
                    path.iter()
                        .chain(std::iter::once(&name))
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            );
        }
    }
}

/// The path from `start` back to itself, if there is one.
fn cycle_from(start: &str, depends: &HashMap<String, Vec<String>>) -> Option<Vec<String>> {
    let mut stack: Vec<(String, Vec<String>)> = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen: Vec<String> = Vec::new();
    while let Some((name, path)) = stack.pop() {
        crate::diag::step(1);
        for next in depends.get(&name).into_iter().flatten() {
            if next == start {
                return Some(path);
            }
            if !seen.contains(next) {
                seen.push(next.clone());
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

// Rule `mappings`: "Mappings: … a top-level key … second-level keys …
// values … can be String or List types"; `Fn::FindInMap` names a declared
// mapping, and fails where a key it is given is not there ("The Fn::FindInMap
// function … returns the value corresponding to keys in a two-level map";
// without a default, a missing key fails the stack: "Fn::FindInMap - Key …
// not found in Mapping …"). `DefaultValue` is the one option of its fourth
// argument (`AWS::LanguageExtensions`).
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/mappings-section-structure.html>,
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap.html>.)
pub fn check_mappings(cx: &Context) {
    let _rule = cx.errors.rule("mappings");
    for declaration in &cx.stack.declarations {
        if let Some(mapping) = declaration.as_mapping() {
            check_mapping_body(cx, declaration, &mapping.body);
        }
    }
    let mut check = |value: &Value| {
        if let ValueKind::Call(call) = &value.kind
            && call.function == Function::FindInMap
        {
            check_find_in_map(cx, &call.args);
        }
    };
    cx.stack.walk_values(&mut |_, value| check(value));
    cx.stack.walk_sections(&mut check);
}

fn check_mapping_body(cx: &Context, declaration: &Declaration, body: &crate::model::Object) {
    if body.entries.is_empty() {
        cx.errors.push_spanned(
            body.span,
            format!(
                "mapping `{}` is empty; a mapping holds at least one key: `\"us-east-1\": {{ \"Ami\": \"…\" }}`",
                declaration.ident
            ),
        );
    }
    for top in &body.entries {
        let Some(keys) = top.value.as_object() else {
            cx.errors.push_range(
                top.value.span,
                top.value.end,
                format!(
                    "a mapping's key holds an object of second-level keys and values: `\"{}\": {{ \"Key\": \"value\" }}`",
                    top.key.name
                ),
            );
            continue;
        };
        for entry in &keys.entries {
            let literal = |v: &Value| {
                matches!(
                    v.kind,
                    ValueKind::Str(_)
                        | ValueKind::Int(_)
                        | ValueKind::Float(_)
                        | ValueKind::Bool(_)
                )
            };
            let fits = literal(&entry.value)
                || entry
                    .value
                    .as_list()
                    .is_some_and(|items| items.iter().all(literal));
            if !fits {
                cx.errors.push_range(
                    entry.value.span,
                    entry.value.end,
                    "a mapping's value is a string, a number or a list of them; \
                     CloudFormation evaluates no function or reference in `Mappings`",
                );
            }
        }
    }
}

fn check_find_in_map(cx: &Context, args: &[Value]) {
    let Some(ValueKind::MappingName(name)) = args.first().map(|a| &a.kind) else {
        return;
    };
    let text = name.to_string();
    let Some((_, mapping)) = cx.symbols.mappings.get(&text) else {
        let mut message = format!("no mapping named `{text}` in this stack");
        if let Some(close) = did_you_mean(&text, cx.symbols.mappings.keys().map(String::as_str)) {
            let _ = write!(message, "; did you mean `{close}`?");
        } else if cx.symbols.mappings.is_empty() {
            message.push_str("; declare it: `#[mapping { \"us-east-1\": { \"Ami\": \"…\" } }] struct RegionMap;`");
        }
        cx.errors.push_spanned(name.span(), message);
        return;
    };
    if let Some(options) = args.get(3) {
        let fits = options
            .as_object()
            .is_some_and(|o| o.entries.len() == 1 && o.entries[0].key.name == "default_value");
        if !fits {
            cx.errors.push_range(
                options.span,
                options.end,
                "the fourth argument of `find_in_map` is `{ default_value: … }`, the value where a key is missing",
            );
        }
        return;
    }
    let (Some(top), Some(second)) = (args.get(1), args.get(2)) else {
        return;
    };
    let second_text = super::scenarios::literal_text(second);
    // The top-level keys the first key may be: a literal, or each value a
    // parameter allows (with the parameter).
    let candidates: Vec<(String, Option<&Ident>)> = match &top.kind {
        ValueKind::Ref(parameter) => match cx.symbols.get(&parameter.to_string()) {
            Some(Symbol::Parameter(p)) => p
                .allowed_values
                .as_ref()
                .and_then(Value::as_list)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(super::scenarios::literal_text)
                        .map(|v| (v, Some(parameter)))
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        },
        _ => super::scenarios::literal_text(top)
            .map(|v| (v, None))
            .into_iter()
            .collect(),
    };
    let keys: Vec<&str> = mapping
        .body
        .entries
        .iter()
        .map(|e| e.key.name.as_str())
        .collect();
    for (key, through) in candidates {
        let Some(level) = mapping.body.value(&key).and_then(Value::as_object) else {
            let at = match through {
                Some(parameter) => format!("`{key}`, an allowed value of `{parameter}`,"),
                None => format!("`{key}`"),
            };
            let mut message =
                format!("{at} is not a top-level key of mapping `{text}`, so `find_in_map` fails");
            if let Some(close) = did_you_mean(&key, keys.iter().copied()) {
                let _ = write!(message, "; did you mean `{close}`?");
            } else {
                let _ = write!(message, "; its keys are {}", list_in_backticks(&keys));
            }
            message.push_str("; or give a default: `find_in_map(…, { default_value: … })`");
            cx.errors.push_range(top.span, top.end, message);
            continue;
        };
        if let Some(second_key) = &second_text
            && level.value(second_key).is_none()
        {
            let inner: Vec<&str> = level.entries.iter().map(|e| e.key.name.as_str()).collect();
            let mut message = format!(
                "`{second_key}` is not a key of `{key}` in mapping `{text}`, so `find_in_map` fails"
            );
            if let Some(close) = did_you_mean(second_key, inner.iter().copied()) {
                let _ = write!(message, "; did you mean `{close}`?");
            } else {
                let _ = write!(message, "; its keys are {}", list_in_backticks(&inner));
            }
            cx.errors.push_range(second.span, second.end, message);
        }
    }
}

// Rule `condition-references`: a resource or output that exists where a
// resource it refers to (with `Ref`, an attribute, `${…}` or `depends_on`)
// does not, because that resource's condition is false, fails the stack:
// "Unresolved resource dependencies [Name] in the Resources block of the
// template". Give the referring declaration the same condition (or one that
// implies it), or refer through `if_`. Checked for every assignment of the
// conditions (see `scenarios`): an error where the assignment follows from
// the parameters' allowed values, a warning where ecsnet cannot tell whether
// it can happen ("Conditions": "you can't reference a resource that isn't
// created", <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/conditions-section-structure.html>).
pub fn check_condition_references(cx: &Context, absent: &[(Ident, Ident)], certain: bool) {
    if absent.is_empty() {
        return;
    }
    let _rule = cx.errors.rule("condition-references");
    let report = |from: &Declaration, name: &str, span: Span, end: Span| {
        let Some((_, condition)) = absent.iter().find(|(absent, _)| absent == name) else {
            return;
        };
        let block = if from.is_output() {
            "Outputs"
        } else {
            "Resources"
        };
        let fix = if from.is_output() {
            format!("give the output `condition = {condition}`")
        } else {
            format!("give `{}` `#[condition({condition})]`", from.ident)
        };
        let message = format!(
            "`{name}` exists only where condition `{condition}` is true, and `{}` refers to it without that condition: \
             where `{condition}` is false, CloudFormation fails with \"Unresolved resource dependencies [{name}] in the {block} block of the template\"; \
             {fix}, or refer to it through `if_({condition}, …, AWS::NoValue)`",
            from.ident
        );
        if certain {
            cx.errors.push_range(span, end, message);
        } else {
            cx.errors.warn_range(
                span,
                end,
                format!("{message} (ecsnet cannot tell whether that assignment of the conditions can happen)"),
            );
        }
    };
    for declaration in &cx.stack.declarations {
        let mut visit = |value: &Value| {
            for name in value.referenced_names() {
                report(declaration, &name, value.span, value.end);
            }
        };
        match &declaration.kind {
            DeclarationKind::Resource(resource) => {
                resource.walk(&mut visit);
                for name in &resource.depends_on {
                    report(declaration, &name.to_string(), name.span(), name.span());
                }
            }
            DeclarationKind::Output(output) => {
                output.value.walk(&mut visit);
                if let Some(export) = &output.export {
                    export.walk(&mut visit);
                }
            }
            _ => {}
        }
    }
}
