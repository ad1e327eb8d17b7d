//! Rules on references: every `Ref`, `Fn::GetAtt`, `${…}` of `Fn::Sub` and
//! `DependsOn` names something that exists and can be referenced that way.

use proc_macro2::Span;
use std::fmt::Write as _;
use syn::Ident;

use super::{Context, Symbol};
use crate::diag::{closest, did_you_mean};
use crate::model::{Declaration, Object, PSEUDO_PARAMETERS, Placeholder, Value, ValueKind};

// Rule `references`: a `Ref` names a parameter or a resource of the stack
// ("Ref: the logical name of the resource or parameter you want to
// reference", <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html>);
// `Fn::GetAtt` names a resource and one of its type's attributes
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html>);
// each `${…}` of `Fn::Sub` is one of those, a pseudo parameter, or a key of
// the function's variable map, and `${!…}` is a literal
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html>).
//
// The same holds for the functions written as free-form JSON, with quoted
// keys (`{"Ref": "Name"}` in a policy document or in metadata):
// CloudFormation resolves them wherever they are, so a name that names
// nothing fails the deployment as it would in the language's own
// references. Free-form JSON's shape is not checked, but these names are.
pub fn check_references(cx: &Context) {
    let _rule = cx.errors.rule("references");
    let check = |from: Option<&Declaration>, value: &Value| match &value.kind {
        ValueKind::Ref(name) => check_ref(cx, from, &name.to_string(), name.span()),
        ValueKind::GetAtt(resource, attribute) => {
            let attribute: Vec<String> = attribute.iter().map(ToString::to_string).collect();
            check_get_att(
                cx,
                from,
                (&resource.to_string(), resource.span()),
                Some(&attribute.join(".")),
                (value.span, value.end),
            );
        }
        ValueKind::Sub(sub) => check_sub(
            cx,
            from,
            "sub!",
            &sub.placeholders,
            sub.variables.as_ref(),
            sub.template.span(),
        ),
        ValueKind::Object(_) => {
            if let Some((function, argument)) = raw_intrinsic(value) {
                check_raw_intrinsic(cx, from, function, argument);
            }
        }
        _ => {}
    };
    cx.stack
        .walk_values(&mut |declaration, value| check(Some(declaration), value));
    // The template's `Metadata` and `Rules` belong to no declaration.
    cx.stack.walk_sections(&mut |value| check(None, value));
}

/// `{"Ref": …}`, `{"Fn::GetAtt": …}` or `{"Fn::Sub": …}` written as
/// free-form JSON: an object of one quoted key, as CloudFormation reads an
/// intrinsic function. Returns the function's name and its argument.
pub fn raw_intrinsic(value: &Value) -> Option<(&str, &Value)> {
    let [entry] = value.as_object()?.entries.as_slice() else {
        return None;
    };
    let function = entry.key.name.as_str();
    (entry.key.quoted && matches!(function, "Ref" | "Fn::GetAtt" | "Fn::Sub"))
        .then_some((function, &entry.value))
}

/// The names in a function written as free-form JSON, checked like the
/// language's own; arguments that are not literal strings are left alone.
fn check_raw_intrinsic(cx: &Context, from: Option<&Declaration>, function: &str, argument: &Value) {
    match (function, &argument.kind) {
        // A pseudo parameter, `AWS::Region`.
        ("Ref", ValueKind::Str(name)) if PSEUDO_PARAMETERS.contains(&name.as_str()) => {}
        ("Ref", ValueKind::Str(name)) if name.contains("::") => {
            let mut message = format!("unknown pseudo parameter `{name}`");
            if let Some(close) = did_you_mean(name, PSEUDO_PARAMETERS.iter().copied()) {
                let _ = write!(message, "; did you mean `{close}`?");
            }
            cx.errors.push_range(argument.span, argument.end, message);
        }
        ("Ref", ValueKind::Str(name)) => check_ref(cx, from, name, argument.span),
        // `["Resource", "Attribute"]`, or `"Resource.Attribute"`.
        ("Fn::GetAtt", ValueKind::List(items)) => {
            if let Some(Value {
                kind: ValueKind::Str(name),
                span,
                ..
            }) = items.first()
            {
                let attribute = items.get(1).and_then(|a| match &a.kind {
                    ValueKind::Str(text) => Some(text.as_str()),
                    _ => None,
                });
                check_get_att(
                    cx,
                    from,
                    (name, *span),
                    attribute,
                    (argument.span, argument.end),
                );
            }
        }
        ("Fn::GetAtt", ValueKind::Str(text)) => {
            if let Some((name, attribute)) = text.split_once('.') {
                check_get_att(
                    cx,
                    from,
                    (name, argument.span),
                    Some(attribute),
                    (argument.span, argument.end),
                );
            }
        }
        // `"template"`, or `["template", {"Variable": …}]`.
        ("Fn::Sub", _) => {
            let (template, variables) = match &argument.kind {
                ValueKind::List(items) => (items.first(), items.get(1).and_then(Value::as_object)),
                _ => (Some(argument), None),
            };
            if let Some(template) = template
                && let ValueKind::Str(text) = &template.kind
                && let Ok(placeholders) = crate::parse::value::placeholders(text)
            {
                check_sub(cx, from, "Fn::Sub", &placeholders, variables, template.span);
            }
        }
        _ => {}
    }
}

fn check_ref(cx: &Context, from: Option<&Declaration>, name: &str, span: Span) {
    match cx.symbols.get(name) {
        Some(Symbol::Parameter(_) | Symbol::Broken) => {}
        Some(Symbol::Resource(..)) => {
            if is_self(from, name) {
                cx.errors.push_spanned(
                    span,
                    format!("`{name}` refers to itself; a resource cannot use its own `Ref` or attributes"),
                );
            }
        }
        Some(Symbol::Output(output)) => cx.errors.push_spanned(
            span,
            format!(
                "`{name}` is an output; outputs cannot be referenced, {}",
                output_fix(output, false)
            ),
        ),
        None => cx.errors.push_spanned(span, not_found(cx, name, false)),
    }
}

/// Checks `resource` (its name and span) and, when known, its `attribute`;
/// errors about the whole reference underline `whole`.
fn check_get_att(
    cx: &Context,
    from: Option<&Declaration>,
    resource: (&str, Span),
    attribute: Option<&str>,
    whole: (Span, Span),
) {
    let (name, name_span) = resource;
    let (start, end) = whole;
    match cx.symbols.get(name) {
        Some(Symbol::Resource(declaration, target)) => {
            if is_self(from, &declaration.ident.to_string()) {
                cx.errors.push_range(
                    start,
                    end,
                    format!("`{name}` refers to itself; a resource cannot use its own `Ref` or attributes"),
                );
                return;
            }
            if let Some(message) =
                attribute.and_then(|attribute| unknown_attribute(name, target, attribute, ""))
            {
                cx.errors.push_range(start, end, message);
            }
        }
        Some(Symbol::Parameter(_)) => cx.errors.push_range(
            start,
            end,
            format!("`{name}` is a parameter, and parameters have no attributes; write `{name}` for its value"),
        ),
        Some(Symbol::Output(output)) => cx.errors.push_spanned(
            name_span,
            format!("`{name}` is an output; outputs cannot be referenced, {}", output_fix(output, false)),
        ),
        Some(Symbol::Broken) => {}
        None => cx.errors.push_spanned(name_span, not_found(cx, name, true)),
    }
}

/// How to refer to what an output outputs: by name, where it is a
/// reference or an attribute.
/// `in_sub` writes the name as a `sub!` placeholder.
fn output_fix(output: &crate::model::Output, in_sub: bool) -> String {
    let target = if let Some(name) = output.value.ref_name() {
        Some(name)
    } else {
        output
            .value
            .get_att()
            .map(|(name, attribute)| format!("{name}.{attribute}"))
    };
    if let Some(target) = target {
        if in_sub {
            format!("refer to what it outputs, `${{{target}}}`")
        } else {
            format!("refer to what it outputs, `{target}`")
        }
    } else {
        "refer to the value it outputs instead".to_owned()
    }
}

/// Whether `name`, a resource, is the declaration `from` itself: an output
/// named like a resource outputs it, and is not that resource.
fn is_self(from: Option<&Declaration>, name: &str) -> bool {
    from.is_some_and(|from| !from.is_output() && from.ident == name)
}

/// The message for an attribute the resource's type does not have, if so.
/// `context` is inserted before the suggestion, e.g. `` in `${X.Y}` ``.
fn unknown_attribute(
    name: &str,
    target: &crate::model::Resource,
    attribute: &str,
    context: &str,
) -> Option<String> {
    if target.has_free_attribute(attribute) {
        // "Custom resources can return any attribute" — the provider decides.
        return None;
    }
    let schema = target.schema?;
    if schema.attribute(attribute).is_some() {
        return None;
    }
    let type_name = &target.type_name;
    let mut message = format!("no attribute `{attribute}` on `{name}` (`{type_name}`){context}");
    let names = schema.attributes.iter().map(|a| a.name);
    if let Some(close) = did_you_mean(attribute, names) {
        let _ = write!(message, "; did you mean `{name}.{close}`?");
    } else if schema.attributes.is_empty() {
        let _ = write!(
            message,
            "; `{type_name}` has no attributes, use `{name}` for its `Ref`"
        );
    } else {
        let all: Vec<&str> = schema.attributes.iter().map(|a| a.name).collect();
        let _ = write!(
            message,
            "; its attributes are {}",
            crate::diag::list_in_backticks(&all)
        );
    }
    Some(message)
}

fn not_found(cx: &Context, name: &str, resources_only: bool) -> String {
    let what = if resources_only {
        "resource"
    } else {
        "parameter or resource"
    };
    if cx.symbols.conditions.contains_key(name) {
        return format!(
            "`{name}` is a condition, which has no value of its own; choose a value with `if_({name}, …, …)`"
        );
    }
    if cx.symbols.mappings.contains_key(name) {
        return format!(
            "`{name}` is a mapping; read a value from it with `find_in_map({name}, top_level_key, second_level_key)`"
        );
    }
    let mut message = format!("cannot find {what} `{name}` in this stack");
    if let Some(close) = nearest_name(cx, name, resources_only) {
        let _ = write!(message, "; did you mean `{close}`?");
    }
    message
}

/// The name of the stack closest to a name that names nothing, for "did you
/// mean": a resource, or (unless `resources_only`) a parameter or a pseudo
/// parameter, which is compared without its `AWS::` (`StackName` is
/// `AWS::StackName`); the stack's own names first, on a tie.
fn nearest_name<'a>(cx: &'a Context, name: &str, resources_only: bool) -> Option<&'a str> {
    let candidates: Vec<&str> = if resources_only {
        cx.symbols.resource_names().collect()
    } else {
        cx.symbols
            .referable_names()
            .chain(PSEUDO_PARAMETERS.iter().copied())
            .collect()
    };
    closest(name, 3, candidates, |c| {
        c.strip_prefix("AWS::").unwrap_or(c)
    })
    .first()
    .copied()
}

/// Checks the placeholders of a `Fn::Sub` template, written as `function`
/// (`sub!`, or `Fn::Sub` in free-form JSON), with its variable map.
fn check_sub(
    cx: &Context,
    from: Option<&Declaration>,
    function: &str,
    placeholders: &[Placeholder],
    variables: Option<&Object>,
    span: Span,
) {
    for placeholder in placeholders {
        let text = placeholder.text.as_str();
        if variables.is_some_and(|vars| vars.get(text).is_some()) {
            continue;
        }
        if text.contains("::") {
            if !PSEUDO_PARAMETERS.contains(&text) {
                let mut message = format!("unknown pseudo parameter `${{{text}}}` in `{function}`");
                if let Some(close) = did_you_mean(text, PSEUDO_PARAMETERS.iter().copied()) {
                    let _ = write!(message, "; did you mean `${{{close}}}`?");
                }
                cx.errors.push_spanned(span, message);
            }
            continue;
        }
        let (name, attribute) = match text.split_once('.') {
            Some((name, attribute)) => (name, Some(attribute)),
            None => (text, None),
        };
        // A copy of another stack's declaration (`network__Vpc`, see `app`)
        // is the one name with other characters.
        if (name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()))
            && cx.symbols.get(name).is_none()
        {
            let mut message =
                format!("`${{{text}}}` in `{function}` names no parameter, resource or attribute");
            match nearest_name(cx, name, attribute.is_some()) {
                Some(close) => {
                    let _ = write!(
                        message,
                        "; did you mean `{}`?",
                        written_placeholder(close, attribute)
                    );
                }
                None => {
                    let _ = write!(message, "; write `${{!{text}}}` for the literal text");
                }
            }
            cx.errors.push_spanned(span, message);
            continue;
        }
        match (cx.symbols.get(name), attribute) {
            (Some(Symbol::Broken), _) | (Some(Symbol::Parameter(_)), None) => {}
            (Some(Symbol::Resource(declaration, target)), Some(attribute)) => {
                if is_self(from, &declaration.ident.to_string()) {
                    cx.errors.push_spanned(
                        span,
                        format!("`${{{text}}}` refers to `{name}` itself; a resource cannot use its own attributes"),
                    );
                } else if let Some(message) = unknown_attribute(name, target, attribute, &format!(" in `${{{text}}}`")) {
                    cx.errors.push_spanned(span, message);
                }
            }
            (Some(Symbol::Resource(declaration, _)), None) => {
                if is_self(from, &declaration.ident.to_string()) {
                    cx.errors.push_spanned(
                        span,
                        format!("`${{{text}}}` refers to `{name}` itself; a resource cannot use its own `Ref`"),
                    );
                }
            }
            (Some(Symbol::Parameter(_)), Some(_)) => cx.errors.push_spanned(
                span,
                format!("`{name}` is a parameter, and parameters have no attributes; write `${{{name}}}` for its value"),
            ),
            (Some(Symbol::Output(output)), _) => cx.errors.push_spanned(
                span,
                format!("`${{{text}}}` names the output `{name}`; outputs cannot be referenced, {}", output_fix(output, true)),
            ),
            (None, attribute) => {
                let mut message = format!(
                    "cannot find {} `{name}` in this stack, in `${{{text}}}`",
                    if attribute.is_some() { "resource" } else { "parameter or resource" }
                );
                if let Some(close) = nearest_name(cx, name, attribute.is_some()) {
                    let _ = write!(message, "; did you mean `{}`?", written_placeholder(close, attribute));
                } else {
                    let _ = write!(message, "; write `${{!{text}}}` for the literal text");
                }
                cx.errors.push_spanned(span, message);
            }
        }
    }
}

/// `${Name}` or `${Name.Attribute}`, as a placeholder is written.
fn written_placeholder(name: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attribute) => format!("${{{name}.{attribute}}}"),
        None => format!("${{{name}}}"),
    }
}

// Rule `depends-on`: "DependsOn: the logical ID of a resource that must be
// created before this resource"; only resources can be named
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html>).
pub fn check_depends_on(cx: &Context) {
    let _rule = cx.errors.rule("depends-on");
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        let mut seen: Vec<&Ident> = Vec::new();
        for name in &resource.depends_on {
            if seen.contains(&name) {
                cx.errors.push_spanned(
                    name.span(),
                    format!("`{name}` is listed twice in `depends_on`"),
                );
                continue;
            }
            seen.push(name);
            match cx.symbols.get(&name.to_string()) {
                Some(Symbol::Resource(..)) if name == &declaration.ident => cx
                    .errors
                    .push_spanned(name.span(), format!("`{name}` cannot depend on itself")),
                Some(Symbol::Resource(..) | Symbol::Broken) => {}
                Some(Symbol::Parameter(_)) => cx.errors.push_spanned(
                    name.span(),
                    format!("`{name}` is a parameter; `depends_on` names resources only"),
                ),
                Some(Symbol::Output(_)) => cx.errors.push_spanned(
                    name.span(),
                    format!("`{name}` is an output; `depends_on` names resources only"),
                ),
                None => cx
                    .errors
                    .push_spanned(name.span(), not_found(cx, &name.to_string(), true)),
            }
        }
    }
}

// Rule `sub-needed`: a `${Name}` that names a parameter, a resource, an
// attribute or a pseudo parameter is substituted only inside `Fn::Sub`; in
// a plain string it is an error: "If a substitution variable exists in a
// string but isn't wrapped with the Fn::Sub function the deployment will
// fail" (cfn-lint E1029,
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html>).
// `${…}` that names nothing of the stack (a shell variable in user data)
// is left alone, as are Step Functions definitions, which substitute
// their own variables, and a `template_body`, which is a template of its own.
pub fn check_sub_needed(cx: &Context) {
    fn walk(cx: &Context, value: &Value) {
        match &value.kind {
            ValueKind::Str(text) => {
                if let Some(name) = embedded_reference(cx, text) {
                    cx.errors.push_range(
                        value.span,
                        value.end,
                        format!(
                            "`${{{name}}}` in a plain string is not substituted, and CloudFormation refuses it; write the string as `sub!(\"…\")`, or `${{!{name}}}` inside `sub!` for the literal text"
                        ),
                    );
                }
            }
            ValueKind::List(items) => items.iter().for_each(|item| walk(cx, item)),
            // `{"Fn::Sub": …}` in free-form JSON substitutes its template,
            // as `sub!` does; its variables' values are plain again.
            ValueKind::Object(_) if raw_intrinsic(value).is_some_and(|(f, _)| f == "Fn::Sub") => {
                if let Some((_, argument)) = raw_intrinsic(value)
                    && let Some(items) = argument.as_list()
                    && let Some(variables) = items.get(1)
                {
                    walk(cx, variables);
                }
            }
            // A template's body is another template, whose `${…}` are
            // its own (cfn-lint's E1029 makes the same exception).
            ValueKind::Object(object) => object
                .entries
                .iter()
                .filter(|e| !is_template_body(&e.key.name))
                .for_each(|e| walk(cx, &e.value)),
            ValueKind::Call(call) => call.args.iter().for_each(|arg| walk(cx, arg)),
            // Inside `sub!` a `${…}` is what it is for, variables included.
            _ => {}
        }
    }
    let _rule = cx.errors.rule("sub-needed");
    for declaration in &cx.stack.declarations {
        match &declaration.kind {
            crate::model::DeclarationKind::Resource(resource) => {
                if resource.type_name == "AWS::StepFunctions::StateMachine" {
                    continue;
                }
                for object in [Some(&resource.properties), resource.metadata.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    object
                        .entries
                        .iter()
                        .filter(|e| !is_template_body(&e.key.name))
                        .for_each(|e| walk(cx, &e.value));
                }
            }
            crate::model::DeclarationKind::Output(output) => {
                walk(cx, &output.value);
                if let Some(export) = &output.export {
                    walk(cx, export);
                }
                // The description, from `description = "…"` or the doc
                // comment, is a plain string of the template too (cfn-lint
                // E1029 at `Outputs/Name/Description`).
                let (text, span) = match &output.description {
                    Some(description) => (Some(description.value()), description.span()),
                    None => (declaration.docs.clone(), declaration.ident.span()),
                };
                if let Some(name) = text.as_deref().and_then(|t| embedded_reference(cx, t)) {
                    cx.errors.push_spanned(
                        span,
                        format!(
                            "`${{{name}}}` in an output's description is not substituted, and CloudFormation refuses it; \
                             a description is a plain string, so write the text without `${{…}}`"
                        ),
                    );
                }
            }
            crate::model::DeclarationKind::Parameter(_)
            | crate::model::DeclarationKind::Condition(_)
            | crate::model::DeclarationKind::Mapping(_) => {}
        }
    }
}

/// `template_body` (`TemplateBody` of a stack set, a nested stack, …).
fn is_template_body(key: &str) -> bool {
    key == "template_body" || key == "TemplateBody"
}

/// The first `${X}` of a plain string that names something `Fn::Sub`
/// would substitute: a parameter, a resource, `Resource.Attribute` or a
/// pseudo parameter.
fn embedded_reference(cx: &Context, text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let end = after.find('}')?;
        let name = &after[..end];
        rest = &after[end + 1..];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.'))
        {
            continue;
        }
        if PSEUDO_PARAMETERS.contains(&name) {
            return Some(name.to_owned());
        }
        let (base, attribute) = match name.split_once('.') {
            Some((base, attribute)) => (base, Some(attribute)),
            None => (name, None),
        };
        match (cx.symbols.get(base), attribute) {
            (Some(Symbol::Parameter(_) | Symbol::Resource(..)), None) => {
                return Some(name.to_owned());
            }
            (Some(Symbol::Resource(_, target)), Some(attribute))
                if target.has_free_attribute(attribute)
                    || target
                        .schema
                        .is_some_and(|s| s.attribute(attribute).is_some()) =>
            {
                return Some(name.to_owned());
            }
            _ => {}
        }
    }
    None
}
