//! Rules on parameter declarations.

use super::Context;
use crate::model::{Declaration, Parameter, Value, ValueKind};

// Rule `parameter-settings`: each setting fits the parameter's type, as the
// "Parameters template section syntax" page describes
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html>):
// `MinValue`/`MaxValue` are for `Number` parameters, `AllowedPattern`,
// `MinLength` and `MaxLength` for string parameters; a `Default` is of the
// parameter's type, among the `AllowedValues` and within the bounds.
pub fn check_parameters(cx: &Context) {
    let _rule = cx.errors.rule("parameter-settings");
    for declaration in &cx.stack.declarations {
        if let Some(parameter) = declaration.as_parameter() {
            check_parameter(cx, declaration, parameter);
        }
    }
}

#[allow(clippy::too_many_lines, reason = "one block per parameter setting")]
fn check_parameter(cx: &Context, declaration: &Declaration, parameter: &Parameter) {
    let errors = cx.errors;
    let shape = parameter.shape();
    let ty = &parameter.ty.name;
    let name = &declaration.ident;
    let string_only = [
        ("min_length", &parameter.min_length),
        ("max_length", &parameter.max_length),
    ];
    let number_only = [
        ("min_value", &parameter.min_value),
        ("max_value", &parameter.max_value),
    ];
    if shape.is_number {
        for (option, value) in string_only {
            if let Some(value) = value {
                let instead = option.replace("length", "value");
                errors.push_range(
                    value.span,
                    value.end,
                    format!("`{option}` applies to string parameters, and `{name}` is a `{ty}`; use `{instead}`"),
                );
            }
        }
        if let Some(pattern) = &parameter.allowed_pattern {
            errors.push_spanned(
                pattern.span(),
                format!("`allowed_pattern` applies to string parameters, and `{name}` is a `{ty}`; use `allowed_values` or `min_value`/`max_value`"),
            );
        }
    } else {
        for (option, value) in number_only {
            if let Some(value) = value {
                let instead = option.replace("value", "length");
                errors.push_range(
                    value.span,
                    value.end,
                    format!("`{option}` applies to `Number` parameters, and `{name}` is a `{ty}`; use `{instead}` for a string's length"),
                );
            }
        }
    }
    for (option, value) in string_only.iter().chain(number_only.iter()) {
        if let Some(value) = value
            && (!matches!(value.kind, ValueKind::Int(_) | ValueKind::Float(_))
                || (option.ends_with("length")
                    && !matches!(value.kind, ValueKind::Int(n) if n >= 0)))
        {
            let what = if option.ends_with("length") {
                "a non-negative integer"
            } else {
                "a number"
            };
            errors.push_range(value.span, value.end, format!("`{option}` takes {what}"));
        }
    }
    for (low, high, message) in [
        (
            &parameter.min_length,
            &parameter.max_length,
            "`max_length` is smaller than `min_length`",
        ),
        (
            &parameter.min_value,
            &parameter.max_value,
            "`max_value` is smaller than `min_value`",
        ),
    ] {
        if let (Some(low), Some(high)) = (low, high)
            && number(low).zip(number(high)).is_some_and(|(l, h)| l > h)
        {
            errors.push_range(high.span, high.end, message);
        }
    }

    let allowed: Vec<&Value> = match &parameter.allowed_values {
        Some(Value {
            kind: ValueKind::List(items),
            ..
        }) => items.iter().collect(),
        Some(value) => {
            errors.push_range(
                value.span,
                value.end,
                "`allowed_values` takes a list: `allowed_values = [\"a\", \"b\"]`",
            );
            Vec::new()
        }
        None => Vec::new(),
    };
    for value in &allowed {
        check_scalar(cx, name, ty, shape.is_number, value, "allowed_values");
    }

    check_declared_network(cx, declaration, parameter);
    let Some(default) = &parameter.default else {
        return;
    };
    let items: Vec<&Value> = match &default.kind {
        ValueKind::List(items) if shape.is_list => items.iter().collect(),
        ValueKind::List(_) => {
            errors.push_range(
                default.span,
                default.end,
                format!("`{name}` is a `{ty}`, not a list; its default is one value"),
            );
            return;
        }
        ValueKind::Str(text) if shape.is_list && shape.is_number => {
            // `List<Number>` defaults are written "1,2,3".
            if text
                .split(',')
                .any(|item| item.trim().parse::<f64>().is_err())
            {
                errors.push_range(
                    default.span,
                    default.end,
                    format!("`{name}` is a `{ty}`; its default lists numbers separated by commas"),
                );
            }
            return;
        }
        _ => vec![default],
    };
    for item in &items {
        check_scalar(cx, name, ty, shape.is_number, item, "default");
    }
    // A list parameter's default is one string of comma-separated items
    // ("CommaDelimitedList: An array of literal strings that are separated by
    // commas", parameters-section-structure.html), so an item holding a comma
    // would become two.
    if matches!(default.kind, ValueKind::List(_)) {
        for item in &items {
            if let ValueKind::Str(text) = &item.kind
                && text.contains(',')
            {
                errors.push_range(
                    item.span,
                    item.end,
                    format!(
                        "an item of `{name}`'s default contains `,`; CloudFormation joins the items with commas, \
                         so it would become several items; write each item on its own"
                    ),
                );
            }
        }
    }
    let text = |v: &Value| match &v.kind {
        ValueKind::Str(s) => Some(s.clone()),
        ValueKind::Int(n) => Some(n.to_string()),
        ValueKind::Float(n) => Some(n.to_string()),
        _ => None,
    };
    if !allowed.is_empty() && !shape.is_list {
        let allowed_texts: Vec<String> = allowed.iter().filter_map(|v| text(v)).collect();
        if let Some(default_text) = text(default)
            && !allowed_texts.contains(&default_text)
        {
            errors.push_range(
                default.span,
                default.end,
                format!("default `{default_text}` of `{name}` is not among its `allowed_values`"),
            );
        }
    }
    if let Some(n) = number(default) {
        let below = parameter
            .min_value
            .as_ref()
            .and_then(number)
            .is_some_and(|min| n < min);
        let above = parameter
            .max_value
            .as_ref()
            .and_then(number)
            .is_some_and(|max| n > max);
        if below || above {
            errors.push_range(
                default.span,
                default.end,
                format!("default of `{name}` is outside `min_value`..`max_value`"),
            );
        }
    }
    if let ValueKind::Str(s) = &default.kind {
        let length = i64::try_from(s.chars().count()).unwrap_or(i64::MAX);
        let short = matches!(parameter.min_length.as_ref().map(|v| &v.kind), Some(ValueKind::Int(min)) if length < *min);
        let long = matches!(parameter.max_length.as_ref().map(|v| &v.kind), Some(ValueKind::Int(max)) if length > *max);
        if short || long {
            errors.push_range(
                default.span,
                default.end,
                format!("default of `{name}` is outside `min_length`..`max_length`"),
            );
        }
    }
}

// `cidr` and `existing_subnets` describe the VPC a `AWS::EC2::VPC::Id`
// parameter names, for the `subnet-in-vpc` and `subnet-overlap` rules; they
// are the author's word, so they are at least checked for shape.
fn check_declared_network(cx: &Context, declaration: &Declaration, parameter: &Parameter) {
    let name = &declaration.ident;
    let is_vpc = parameter.ty.name == "AWS::EC2::VPC::Id";
    for (option, value) in [
        ("cidr", &parameter.cidr),
        ("existing_subnets", &parameter.existing_subnets),
    ] {
        let Some(value) = value else {
            continue;
        };
        if !is_vpc {
            cx.errors.push_range(
                value.span,
                value.end,
                format!("`{option}` describes a VPC, and `{name}` is a `{}`; declare it on an `AWS::EC2::VPC::Id` parameter", parameter.ty.name),
            );
            continue;
        }
        let blocks: Vec<&Value> = match (option, &value.kind) {
            ("cidr", ValueKind::Str(_)) => vec![value],
            ("existing_subnets", ValueKind::List(items)) => items.iter().collect(),
            _ => {
                let expected = if option == "cidr" {
                    "a CIDR block such as `\"172.31.0.0/16\"`"
                } else {
                    "a list of CIDR blocks"
                };
                cx.errors.push_range(
                    value.span,
                    value.end,
                    format!("`{option}` takes {expected}"),
                );
                continue;
            }
        };
        for block in blocks {
            match block.as_str().map(super::cidr::Cidr::parse) {
                Some(Ok(_)) if option == "cidr" => {
                    super::cidr::check_size(cx, block, &format!("the VPC of `{name}`"));
                }
                Some(Ok(_)) => {}
                Some(Err(message)) => {
                    let _rule = cx.errors.rule("cidr-syntax");
                    cx.errors.push_range(block.span, block.end, message);
                }
                None => cx.errors.push_range(
                    block.span,
                    block.end,
                    "expected a CIDR block such as `\"172.31.0.0/20\"`",
                ),
            }
        }
    }
}

fn check_scalar(
    cx: &Context,
    name: &syn::Ident,
    ty: &str,
    is_number: bool,
    value: &Value,
    option: &str,
) {
    // Scalars convert as CloudFormation converts them: `true` is the
    // string `"true"` of a `String` parameter.
    let ok = match &value.kind {
        ValueKind::Int(_) | ValueKind::Float(_) => true,
        ValueKind::Str(text) => !is_number || text.parse::<f64>().is_ok(),
        ValueKind::Bool(_) => !is_number,
        _ => false,
    };
    if !ok {
        let expected = if is_number { "numbers" } else { "strings" };
        cx.errors.push_range(
            value.span,
            value.end,
            format!("`{name}` is a `{ty}`; its `{option}` are {expected}"),
        );
    }
}

fn number(value: &Value) -> Option<f64> {
    match &value.kind {
        #[allow(
            clippy::cast_precision_loss,
            reason = "bounds of parameters are small numbers"
        )]
        ValueKind::Int(n) => Some(*n as f64),
        ValueKind::Float(n) => Some(*n),
        ValueKind::Str(text) => text.parse().ok(),
        _ => None,
    }
}
