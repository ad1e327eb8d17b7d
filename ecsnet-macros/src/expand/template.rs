//! The `template()` function of a stack module.

use proc_macro2::TokenStream;
use quote::quote;

use super::values::{self, Keys};
use crate::model::{
    Acknowledgment, Declaration, DeclarationKind, Output, Parameter, Resource, Stack, Value,
    ValueKind,
};
use crate::schema;

/// `pub fn template() -> Template { … }`, declarations in source order.
pub fn template_fn(stack: &Stack) -> TokenStream {
    let krate = &stack.crate_path;
    let description = stack.description.as_ref().map(|d| {
        quote!(__ecsnet_template.description = ::core::option::Option::Some(__ecsnet::Cow::Borrowed(#d));)
    });
    let transform = stack.transform.iter().map(syn::LitStr::value);
    let transform = (!stack.transform.is_empty()).then(|| {
        quote!(__ecsnet_template.transform = ::std::vec![#(__ecsnet::Cow::Borrowed(#transform)),*];)
    });
    let metadata = stack.metadata.as_ref().map(|metadata| {
        let metadata = values::map(metadata, Keys::Verbatim);
        quote!(__ecsnet_template.metadata = #metadata;)
    });
    let rules = stack.rules.as_ref().map(|rules| {
        let rules = values::map(rules, Keys::Verbatim);
        quote!(__ecsnet_template.rules = #rules;)
    });
    let mut seen = std::collections::HashSet::new();
    let statements = stack.declarations.iter().filter_map(|declaration| {
        let logical_id = declaration.ident.to_string();
        if !seen.insert((declaration.kind_name(), logical_id.clone())) {
            return None;
        }
        Some(match &declaration.kind {
            // An import is read where it is used (`Fn::ImportValue`).
            DeclarationKind::Parameter(parameter) if parameter.import.is_some() => return None,
            DeclarationKind::Parameter(parameter) => {
                let parameter = parameter_expr(declaration, parameter);
                quote!(__ecsnet_template.parameters.insert(__ecsnet::Cow::Borrowed(#logical_id), #parameter);)
            }
            DeclarationKind::Resource(resource) => {
                let resource = resource_expr(resource);
                quote!(__ecsnet_template.resources.insert(__ecsnet::Cow::Borrowed(#logical_id), #resource);)
            }
            DeclarationKind::Output(output) => {
                let output = output_expr(declaration, output);
                quote!(__ecsnet_template.outputs.insert(__ecsnet::Cow::Borrowed(#logical_id), #output);)
            }
            DeclarationKind::Condition(condition) => {
                let expression = values::value(&condition.expression, Keys::Verbatim);
                quote!(__ecsnet_template.conditions.insert(__ecsnet::Cow::Borrowed(#logical_id), #expression);)
            }
            DeclarationKind::Mapping(mapping) => {
                let body = values::map(&mapping.body, Keys::Verbatim);
                quote!(__ecsnet_template.mappings.insert(__ecsnet::Cow::Borrowed(#logical_id), __ecsnet::Value::Object(#body));)
            }
        })
    });
    let name = stack.ident.to_string();
    let doc = format!("Builds the CloudFormation template of the `{name}` stack.");
    quote! {
        #[doc = #doc]
        #[must_use]
        #[allow(clippy::too_many_lines, reason = "one statement per declaration of the stack")]
        pub fn template() -> #krate::Template {
            use #krate::__private as __ecsnet;
            let mut __ecsnet_template = __ecsnet::Template::new();
            #description
            #metadata
            #rules
            #transform
            #(#statements)*
            __ecsnet_template
        }
    }
}

fn some_str(text: Option<&str>) -> TokenStream {
    if let Some(text) = text {
        quote!(::core::option::Option::Some(__ecsnet::Cow::Borrowed(#text)))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// A parameter setting as CloudFormation wants it: `Default` and
/// `AllowedValues` are strings in a template, whatever the parameter's type.
fn setting_text(value: &Value) -> String {
    match &value.kind {
        ValueKind::Str(text) => text.clone(),
        ValueKind::Int(n) => n.to_string(),
        ValueKind::Float(n) => n.to_string(),
        ValueKind::Bool(b) => b.to_string(),
        ValueKind::List(items) => items.iter().map(setting_text).collect::<Vec<_>>().join(","),
        _ => String::new(),
    }
}

fn parameter_expr(declaration: &Declaration, parameter: &Parameter) -> TokenStream {
    let ty = &parameter.ty.name;
    let description = some_str(
        parameter
            .description
            .as_ref()
            .map(syn::LitStr::value)
            .or_else(|| declaration.docs.clone())
            .as_deref(),
    );
    let default = if let Some(value) = &parameter.default {
        let text = setting_text(value);
        quote!(::core::option::Option::Some(__ecsnet::s(#text)))
    } else {
        quote!(::core::option::Option::None)
    };
    let allowed: Vec<String> = match parameter.allowed_values.as_ref().map(|v| &v.kind) {
        Some(ValueKind::List(items)) => items.iter().map(setting_text).collect(),
        Some(_) => parameter.allowed_values.iter().map(setting_text).collect(),
        None => Vec::new(),
    };
    let pattern = some_str(
        parameter
            .allowed_pattern
            .as_ref()
            .map(syn::LitStr::value)
            .as_deref(),
    );
    let constraint = some_str(
        parameter
            .constraint_description
            .as_ref()
            .map(syn::LitStr::value)
            .as_deref(),
    );
    let int = |value: &Option<Value>| {
        if let Some(ValueKind::Int(n)) = value.as_ref().map(|v| &v.kind) {
            quote!(::core::option::Option::Some(#n))
        } else {
            quote!(::core::option::Option::None)
        }
    };
    let number = |value: &Option<Value>| match value.as_ref().map(|v| &v.kind) {
        Some(ValueKind::Int(n)) => quote!(::core::option::Option::Some(__ecsnet::Value::Int(#n))),
        Some(ValueKind::Float(n)) => {
            quote!(::core::option::Option::Some(__ecsnet::Value::Float(#n)))
        }
        _ => quote!(::core::option::Option::None),
    };
    let (min_length, max_length) = (int(&parameter.min_length), int(&parameter.max_length));
    let (min_value, max_value) = (number(&parameter.min_value), number(&parameter.max_value));
    let no_echo = parameter.no_echo;
    quote! {
        __ecsnet::Parameter {
            ty: __ecsnet::Cow::Borrowed(#ty),
            description: #description,
            default: #default,
            allowed_values: ::std::vec![#(__ecsnet::s(#allowed)),*],
            allowed_pattern: #pattern,
            constraint_description: #constraint,
            min_length: #min_length,
            max_length: #max_length,
            min_value: #min_value,
            max_value: #max_value,
            no_echo: #no_echo,
        }
    }
}

fn resource_expr(resource: &Resource) -> TokenStream {
    let ty = &resource.type_name;
    // A `Custom::Name` resource has the properties of
    // `AWS::CloudFormation::CustomResource` (`service_token` is
    // `ServiceToken`), and any other key verbatim.
    let schema = resource.schema.or_else(|| {
        resource
            .is_custom
            .then(|| schema::resource_type("AWS::CloudFormation::CustomResource"))
            .flatten()
    });
    let property_keys = match schema {
        Some(schema) => Keys::Schema(schema.properties),
        None => Keys::Verbatim,
    };
    let properties = values::map(&resource.properties, property_keys);
    let mut settings = TokenStream::new();
    if let Some(condition) = &resource.condition {
        let condition = condition.to_string();
        settings.extend(quote!(__ecsnet_resource.condition = ::core::option::Option::Some(__ecsnet::Cow::Borrowed(#condition));));
    }
    if let Some(version) = &resource.version {
        let version = values::value(version, Keys::Verbatim);
        settings
            .extend(quote!(__ecsnet_resource.version = ::core::option::Option::Some(#version);));
    }
    if !resource.depends_on.is_empty() {
        let names = resource.depends_on.iter().map(ToString::to_string);
        settings.extend(quote!(__ecsnet_resource.depends_on = ::std::vec![#(__ecsnet::Cow::Borrowed(#names)),*];));
    }
    if let Some(metadata) = &resource.metadata {
        let metadata = values::map(metadata, Keys::Verbatim);
        settings.extend(quote!(__ecsnet_resource.metadata = #metadata;));
    }
    let acknowledged = acknowledgments(resource);
    if !acknowledged.is_empty() {
        let records = acknowledged.iter().map(|(at, acknowledgment)| {
            let rule = acknowledgment.rule.rule_name();
            let reason = acknowledgment.reason.value();
            let at = (!at.is_empty()).then(|| quote!(("At", __ecsnet::s(#at)),));
            quote!(__ecsnet::Value::Object(__ecsnet::map([
                ("Rule", __ecsnet::s(#rule)),
                #at
                ("Reason", __ecsnet::s(#reason)),
            ])))
        });
        settings.extend(quote!(
            __ecsnet_resource.metadata.insert(
                __ecsnet::Cow::Borrowed("ecsnet"),
                __ecsnet::Value::Object(__ecsnet::map([
                    ("Acknowledged", __ecsnet::list([#(#records),*])),
                ])),
            );
        ));
    }
    for (object, slot, shape) in [
        (
            &resource.creation_policy,
            quote!(creation_policy),
            &schema::CREATION_POLICY,
        ),
        (
            &resource.update_policy,
            quote!(update_policy),
            &schema::UPDATE_POLICY,
        ),
    ] {
        if let Some(object) = object {
            let map = values::map(object, Keys::Schema(shape.properties()));
            settings.extend(quote!(
                __ecsnet_resource.#slot = ::core::option::Option::Some(__ecsnet::Value::Object(#map));
            ));
        }
    }
    for (policy, slot) in [
        (&resource.deletion_policy, quote!(deletion_policy)),
        (
            &resource.update_replace_policy,
            quote!(update_replace_policy),
        ),
    ] {
        if let Some(policy) = policy {
            settings.extend(quote!(
                __ecsnet_resource.#slot = ::core::option::Option::Some(__ecsnet::DeletionPolicy::#policy);
            ));
        }
    }
    quote! {{
        let mut __ecsnet_resource = __ecsnet::Resource::new(#ty);
        #settings
        __ecsnet_resource.properties = #properties;
        __ecsnet_resource
    }}
}

fn output_expr(declaration: &Declaration, output: &Output) -> TokenStream {
    let value = values::value(&output.value, Keys::Verbatim);
    let description = some_str(
        output
            .description
            .as_ref()
            .map(syn::LitStr::value)
            .or_else(|| declaration.docs.clone())
            .as_deref(),
    );
    let export = if let Some(name) = &output.export {
        let name = values::value(name, Keys::Verbatim);
        quote!(::core::option::Option::Some(#name))
    } else {
        quote!(::core::option::Option::None)
    };
    let condition = if let Some(name) = &output.condition {
        let name = name.to_string();
        quote!(::core::option::Option::Some(__ecsnet::Cow::Borrowed(#name)))
    } else {
        quote!(::core::option::Option::None)
    };
    quote! {
        __ecsnet::Output {
            value: #value,
            description: #description,
            export: #export,
            condition: #condition,
        }
    }
}

/// Every acknowledgment of a resource, with where it sits: `""` for the
/// resource itself, or a path such as `SecurityGroupIngress[0]`.
fn acknowledgments(resource: &Resource) -> Vec<(String, &Acknowledgment)> {
    fn collect<'a>(value: &'a Value, path: &str, found: &mut Vec<(String, &'a Acknowledgment)>) {
        found.extend(value.acknowledgments.iter().map(|a| (path.to_owned(), a)));
        match &value.kind {
            ValueKind::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    collect(item, &format!("{path}[{i}]"), found);
                }
            }
            ValueKind::Object(object) => {
                for entry in &object.entries {
                    collect(&entry.value, &format!("{path}.{}", entry.key.name), found);
                }
            }
            _ => {}
        }
    }
    let mut found: Vec<(String, &Acknowledgment)> = resource
        .acknowledgments
        .iter()
        .map(|a| (String::new(), a))
        .collect();
    for entry in &resource.properties.entries {
        let name = resource
            .schema
            .and_then(|schema| schema.properties.iter().find(|p| p.ident == entry.key.name))
            .map_or_else(|| entry.key.name.clone(), |p| p.name.to_owned());
        collect(&entry.value, &name, &mut found);
    }
    found
}
