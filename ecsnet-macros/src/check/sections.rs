//! Rules on the template-level sections: `Transform` (and the types a
//! transform defines), the `AWS::CloudFormation::Interface` of `Metadata`,
//! and `Rules`.

use std::fmt::Write as _;

use super::{Context, Symbol};
use crate::diag::{did_you_mean, list_in_backticks};
use crate::model::{AcknowledgedRule, Object, Value, ValueKind};

/// The transforms AWS hosts that are named in a template's `Transform`
/// section as a plain string ("Transform reference",
/// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-reference.html>).
/// `AWS::Include` takes a location, so it is not written as a string.
const AWS_TRANSFORMS: &[&str] = &[
    "AWS::CodeDeployBlueGreen",
    "AWS::LanguageExtensions",
    "AWS::SecretsManager-2020-07-23",
    "AWS::SecretsManager-2024-09-16",
    "AWS::Serverless-2016-10-31",
    "AWS::ServiceCatalog",
];

// Rule `transform`: "The Transform section specifies one or more macros
// that CloudFormation uses to process your template … macros are run in
// the order they are listed"; a name is a macro of the account or one of
// the transforms AWS hosts (template anatomy and "Transform reference",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-section-structure.html>).
// A name under `AWS::` that AWS does not host fails ("No transform named
// … found"); a transform listed twice runs twice, which no template means.
pub fn check_transforms(cx: &Context) {
    let _rule = cx.errors.rule("transform");
    let mut seen: Vec<String> = Vec::new();
    for name in &cx.stack.transform {
        let text = name.value();
        if seen.contains(&text) {
            cx.errors.push_spanned(
                name.span(),
                format!("`{text}` is already listed in `transform`; a transform is named once"),
            );
            continue;
        }
        seen.push(text.clone());
        if text.is_empty() {
            cx.errors.push_spanned(
                name.span(),
                "a transform's name cannot be empty; name a macro of your account or a transform AWS hosts, such as `AWS::Serverless-2016-10-31`",
            );
        } else if text == "AWS::Include" {
            cx.errors.push_spanned(
                name.span(),
                "`AWS::Include` takes the location of the snippet it includes, which the `transform` option cannot give; ecsnet does not support it",
            );
        } else if text.starts_with("AWS::") && !AWS_TRANSFORMS.contains(&text.as_str()) {
            let mut message = format!("AWS hosts no transform `{text}`");
            if let Some(close) = did_you_mean(&text, AWS_TRANSFORMS.iter().copied()) {
                let _ = write!(message, "; did you mean `{close}`?");
            } else {
                let _ = write!(message, "; it hosts {}", list_in_backticks(AWS_TRANSFORMS));
            }
            cx.errors.push_spanned(name.span(), message);
        }
    }
    check_needed_transforms(cx);
}

// Rule `needs-transform`: a type that a transform defines is declared only
// in a stack that names the transform. SAM's types (`AWS::Serverless::*`)
// exist only in the `AWS::Serverless-2016-10-31` transform: "The
// declaration `Transform: AWS::Serverless-2016-10-31` is required for AWS
// SAM template files" (AWS SAM template anatomy,
// <https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy.html>);
// without it CloudFormation refuses the template ("Template format error:
// Unrecognized resource types"). The type's transform is in the data
// (`ecsnet_schema::ResourceType::transform`).
fn check_needed_transforms(cx: &Context) {
    let _rule = cx.errors.rule("needs-transform");
    let declared: Vec<String> = cx.stack.transform.iter().map(syn::LitStr::value).collect();
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        let Some(needed) = resource.schema.and_then(|schema| schema.transform) else {
            continue;
        };
        if declared.iter().any(|name| name == needed) {
            continue;
        }
        let fix = if declared.is_empty() {
            format!("write `#[stack(transform = \"{needed}\")]`")
        } else {
            let mut names: Vec<String> = declared.iter().map(|n| format!("\"{n}\"")).collect();
            names.push(format!("\"{needed}\""));
            format!(
                "add it to the stack's list: `transform = [{}]`",
                names.join(", ")
            )
        };
        cx.errors.push_range(
            resource.type_span,
            resource.type_end,
            format!(
                "`{}` is a SAM type, which only the `{needed}` transform defines, and this stack does not declare it, so \
                 CloudFormation would refuse the template (\"Unrecognized resource types\"); {fix}",
                resource.type_name
            ),
        );
    }
}

// Rule `language-extensions`: `Fn::Length`, `Fn::ToJsonString` and the
// `DefaultValue` of `Fn::FindInMap` are functions of the
// `AWS::LanguageExtensions` transform, which the template must name
// ("AWS::LanguageExtensions transform",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html>);
// without it CloudFormation does not know them.
pub fn check_language_extensions(cx: &Context) {
    let _rule = cx.errors.rule("language-extensions");
    if cx
        .stack
        .transform
        .iter()
        .any(|name| name.value() == "AWS::LanguageExtensions")
    {
        return;
    }
    let mut check = |value: &Value| {
        let ValueKind::Call(call) = &value.kind else {
            return;
        };
        let what = if call.function.is_language_extension() {
            format!(
                "`{}` (`{}`)",
                call.function.name(),
                call.function.cfn_name()
            )
        } else if call.function == crate::model::Function::FindInMap && call.args.len() == 4 {
            "the default value of `find_in_map`".to_owned()
        } else {
            return;
        };
        cx.errors.push_range(
            value.span,
            value.end,
            format!(
                "{what} belongs to the `AWS::LanguageExtensions` transform; name it in the stack: \
                 `#[stack(transform = \"AWS::LanguageExtensions\")]`"
            ),
        );
    };
    cx.stack.walk_values(&mut |_, value| check(value));
    cx.stack.walk_sections(&mut check);
}

// Rule `interface-keys`: `AWS::CloudFormation::Interface` in the
// template's `Metadata` groups and labels the stack's parameters for the
// console: "ParameterGroups … Parameters: a list of case-sensitive
// parameter logical IDs", "ParameterLabels: a mapping of parameters and
// their friendly names" (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-interface.html>);
// its keys are those the schema allows (cfn-lint E4001: `ParameterGroups`,
// `ParameterLabels`; a group's `Label` and `Parameters`; a label's
// `default`).
//
// Rule `interface-parameters` (a warning, as cfn-lint's W4001): each name is
// a parameter of the stack. A name that is no parameter is a label or a
// group the console never shows; the stack deploys.
pub fn check_interface(cx: &Context) {
    let _rule = cx.errors.rule("interface-keys");
    let Some(interface) = cx
        .stack
        .metadata
        .as_ref()
        .and_then(|m| m.value("AWS::CloudFormation::Interface"))
    else {
        return;
    };
    let Some(interface) = object(cx, interface, "`AWS::CloudFormation::Interface`") else {
        return;
    };
    known_keys(
        cx,
        interface,
        &["ParameterGroups", "ParameterLabels"],
        "`AWS::CloudFormation::Interface`",
    );
    if let Some(groups) = interface.value("ParameterGroups") {
        let Some(groups) = groups.as_list() else {
            return cx.errors.push_range(
                groups.span,
                groups.end,
                "`ParameterGroups` is a list of groups: `[{ \"Label\": { \"default\": \"…\" }, \"Parameters\": [\"…\"] }]`",
            );
        };
        for group in groups {
            let Some(group) = object(cx, group, "a parameter group") else {
                continue;
            };
            known_keys(cx, group, &["Label", "Parameters"], "a parameter group");
            if let Some(label) = group.value("Label") {
                check_label(cx, label);
            }
            let Some(parameters) = group.value("Parameters") else {
                continue;
            };
            let Some(names) = parameters.as_list() else {
                cx.errors.push_range(
                    parameters.span,
                    parameters.end,
                    "a group's `Parameters` is a list of parameter names: `[\"VpcId\", \"Subnets\"]`",
                );
                continue;
            };
            for name in names {
                match name.as_str() {
                    Some(text) => parameter_exists(cx, text, (name.span, name.end), name),
                    None => cx.errors.push_range(
                        name.span,
                        name.end,
                        "a group's `Parameters` names parameters as strings: `\"VpcId\"`",
                    ),
                }
            }
        }
    }
    if let Some(labels) = interface.value("ParameterLabels") {
        let Some(labels) = object(cx, labels, "`ParameterLabels`") else {
            return;
        };
        for entry in &labels.entries {
            parameter_exists(
                cx,
                &entry.key.name,
                (entry.key.span, entry.key.span),
                &entry.value,
            );
            check_label(cx, &entry.value);
        }
    }
}

/// `{ "default": "…" }`. A label written as a plain string passes: the
/// schema cfn-lint checks gives a label's keys but not its type, so only
/// an object's keys are checked (AWS's own samples write `Label: Network
/// Configuration`, and deploy).
fn check_label(cx: &Context, label: &Value) {
    if let Some(label) = label.as_object() {
        known_keys(cx, label, &["default"], "a label");
    }
}

/// Warns (rule `interface-parameters`) when `name` is no parameter; an
/// `interface_parameters` acknowledgment on `value` keeps it.
fn parameter_exists(
    cx: &Context,
    name: &str,
    (start, end): (proc_macro2::Span, proc_macro2::Span),
    value: &Value,
) {
    if let Some(acknowledgment) = value
        .acknowledgments
        .iter()
        .find(|a| a.rule == AcknowledgedRule::InterfaceParameters)
    {
        cx.consume(acknowledgment);
        return;
    }
    if matches!(
        cx.symbols.get(name),
        Some(Symbol::Parameter(_) | Symbol::Broken)
    ) {
        return;
    }
    let parameters = cx
        .stack
        .declarations
        .iter()
        .filter(|d| d.as_parameter().is_some())
        .map(|d| d.ident.to_string())
        .collect::<Vec<_>>();
    let mut message = format!(
        "`AWS::CloudFormation::Interface` names `{name}`, which is no parameter of this stack"
    );
    if let Some(close) = did_you_mean(name, parameters.iter().map(String::as_str)) {
        let _ = write!(message, "; did you mean `{close}`?");
    } else if parameters.is_empty() {
        message.push_str("; the stack declares no parameter, so leave the interface out");
    } else {
        let names: Vec<&str> = parameters.iter().map(String::as_str).collect();
        let _ = write!(
            message,
            "; its parameters are {}",
            list_in_backticks(&names)
        );
    }
    message.push_str(
        "; name a parameter of the stack, as the console shows only those, or write \
         `#[acknowledge(interface_parameters, reason = \"…\")]` before it to keep it",
    );
    let _rule = cx.errors.rule("interface-parameters");
    cx.errors.warn_range(start, end, message);
}

/// The object a value holds, or an error saying `what` is one.
fn object<'a>(cx: &Context, value: &'a Value, what: &str) -> Option<&'a Object> {
    let object = value.as_object();
    if object.is_none() {
        cx.errors.push_range(
            value.span,
            value.end,
            format!("{what} is an object in braces: `{{ … }}`"),
        );
    }
    object
}

/// A `RuleCondition` or an `Assert` is true or false: a rule function
/// (`{ "Fn::Equals": … }`, or `equals(…)` and its kin), or a boolean
/// (cfn-lint E1701: "{} is not of type 'boolean'").
fn check_rule_condition(cx: &Context, value: &Value, what: &str) {
    let fits = match &value.kind {
        ValueKind::Bool(_) | ValueKind::Str(_) | ValueKind::Rust(_) => true,
        ValueKind::Call(call) => call.function.is_condition_function(),
        ValueKind::Object(object) => {
            object.entries.len() == 1
                && ecsnet_schema::rules::RULE_FUNCTIONS
                    .contains(&object.entries[0].key.name.as_str())
        }
        _ => false,
    };
    if !fits {
        cx.errors.push_range(
            value.span,
            value.end,
            format!(
                "{what} is true or false: a rule function such as `{{ \"Fn::Equals\": [Environment, \"prod\"] }}` or `{{ \"Fn::Contains\": [[…], Parameter] }}`, or a boolean"
            ),
        );
    }
}

fn known_keys(cx: &Context, object: &Object, keys: &[&str], what: &str) {
    for entry in &object.entries {
        if let Some(message) = unknown_key(&entry.key.name, keys, what) {
            cx.errors.push_spanned(entry.key.span, message);
        }
    }
}

/// Like [`known_keys`], for a section whose schema lets other keys pass
/// (cfn-lint's rules schema gives no `additionalProperties` for a rule or
/// an assertion): an unknown key deploys, and nothing reads it, so it is a
/// warning. A misspelt `AssertDescription` is the usual case.
fn known_keys_warning(cx: &Context, object: &Object, keys: &[&str], what: &str) {
    for entry in &object.entries {
        if let Some(message) = unknown_key(&entry.key.name, keys, what) {
            cx.errors.warn_range(
                entry.key.span,
                entry.key.span,
                format!("{message}; CloudFormation ignores it"),
            );
        }
    }
}

fn unknown_key(key: &str, keys: &[&str], what: &str) -> Option<String> {
    if keys.contains(&key) {
        return None;
    }
    let mut message = format!("unknown key `{key}` in {what}");
    if let Some(close) = did_you_mean(key, keys.iter().copied()) {
        let _ = write!(message, "; did you mean `{close}`?");
    } else {
        let _ = write!(message, "; its keys are {}", list_in_backticks(keys));
    }
    Some(message)
}

// Rule `template-rules`: "Rules: each template rule consists of two
// properties: Rule condition (optional) … Assertions (required): describes
// what values users can specify for a particular parameter", each
// assertion an `Assert` and an optional `AssertDescription`; a rule's name
// is alphanumeric; and rules work on parameter values, before any resource
// exists, so a reference in a rule names a parameter or a pseudo parameter
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/rules-section-structure.html>;
// cfn-lint E1700, E1701, E1702).
pub fn check_template_rules(cx: &Context) {
    let _rule = cx.errors.rule("template-rules");
    let Some(rules) = &cx.stack.rules else {
        return;
    };
    for entry in &rules.entries {
        let name = &entry.key.name;
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            cx.errors.push_spanned(
                entry.key.span,
                format!("rule name `{name}` is not alphanumeric; CloudFormation allows only `A-Z`, `a-z` and `0-9`"),
            );
        }
        let what = format!("rule `{name}`");
        let Some(rule) = object(cx, &entry.value, &what) else {
            continue;
        };
        known_keys_warning(cx, rule, &["RuleCondition", "Assertions"], &what);
        if let Some(condition) = rule.value("RuleCondition") {
            check_rule_condition(cx, condition, "`RuleCondition`");
        }
        match rule.value("Assertions") {
            None => cx.errors.push_spanned(
                entry.key.span,
                format!("{what} has no `Assertions`; add `\"Assertions\": [{{ \"Assert\": …, \"AssertDescription\": \"…\" }}]`"),
            ),
            Some(assertions) => match assertions.as_list() {
                Some(assertions) => {
                    for assertion in assertions {
                        let Some(assertion) = object(cx, assertion, "an assertion") else {
                            continue;
                        };
                        known_keys_warning(
                            cx,
                            assertion,
                            &["Assert", "AssertDescription"],
                            "an assertion",
                        );
                        match assertion.value("Assert") {
                            None => cx.errors.push_spanned(
                                assertion.span,
                                "an assertion has an `Assert`, the condition that must hold",
                            ),
                            Some(assert) => check_rule_condition(cx, assert, "`Assert`"),
                        }
                    }
                }
                None => cx.errors.push_range(
                    assertions.span,
                    assertions.end,
                    "`Assertions` is a list: `[{ \"Assert\": …, \"AssertDescription\": \"…\" }]`",
                ),
            },
        }
    }
    rules.walk(&mut |value| {
        let (name, attribute) = match &value.kind {
            ValueKind::Ref(name) => (name.to_string(), false),
            ValueKind::GetAtt(name, _) => (name.to_string(), true),
            _ => return,
        };
        if let Some(Symbol::Resource(..)) = cx.symbols.get(&name) {
            cx.errors.push_range(
                value.span,
                value.end,
                format!(
                    "`{name}` is a resource, and rules check parameters before any resource exists; a rule refers to parameters only{}",
                    if attribute { "" } else { ", or to pseudo parameters such as `AWS::Region`" }
                ),
            );
        }
    });
}
