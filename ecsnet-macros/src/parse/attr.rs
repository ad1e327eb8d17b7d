//! The arguments of ecsnet's attributes: `#[stack(…)]`, `#[parameter(…)]`,
//! `#[resource(…)]`, `#[output(…)]` and the resource attributes
//! (`#[depends_on(…)]`, `#[metadata { … }]`, …).

use proc_macro2::{Span, TokenStream};
use std::fmt::Write as _;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Token};

use super::kw;
use super::value::{parse_entries, parse_value};
use crate::diag::{did_you_mean, list_in_backticks, range_error};
use crate::model::{Object, Output, Parameter, ParameterType, Value, ValueKind};
use crate::schema::parameter_types;

/// The options of `#[stack(…)]`: `description`, `transform`, `metadata`,
/// `rules` and `crate`.
#[derive(Default)]
pub struct StackOptions {
    pub description: Option<LitStr>,
    pub transform: Option<Vec<LitStr>>,
    pub metadata: Option<Object>,
    pub rules: Option<Object>,
    pub crate_path: Option<syn::Path>,
}

pub fn parse_stack_options(args: TokenStream) -> syn::Result<StackOptions> {
    let mut options = StackOptions::default();
    let duplicate = |meta: &syn::meta::ParseNestedMeta| {
        meta.error(format!(
            "duplicate option `{}` of `#[stack]`; give it once",
            meta.path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default()
        ))
    };
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("description") {
            if options.description.is_some() {
                return Err(duplicate(&meta));
            }
            options.description = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("transform") {
            if options.transform.is_some() {
                return Err(duplicate(&meta));
            }
            options.transform = Some(parse_transform(meta.value()?)?);
            Ok(())
        } else if meta.path.is_ident("metadata") || meta.path.is_ident("rules") {
            let slot = if meta.path.is_ident("metadata") {
                &mut options.metadata
            } else {
                &mut options.rules
            };
            if slot.is_some() {
                return Err(duplicate(&meta));
            }
            let input = meta.value()?;
            if !input.peek(syn::token::Brace) {
                return Err(
                    input.error("expected free-form JSON in braces: `{ \"Key\": value, … }`")
                );
            }
            *slot = Some(super::value::parse_object(input)?);
            Ok(())
        } else if meta.path.is_ident("crate") {
            if options.crate_path.is_some() {
                return Err(duplicate(&meta));
            }
            let path: LitStr = meta.value()?.parse()?;
            options.crate_path = Some(path.parse()?);
            Ok(())
        } else {
            Err(unknown_option(&meta.path, kw::STACK_OPTIONS, "#[stack]"))
        }
    });
    // "Unexpected end of input" would point at the whole attribute (the
    // call site); the last argument is where the input ends.
    let last = args.clone().into_iter().last().map(|tree| tree.span());
    // An error at the end of the arguments (`transform` with no `= …`)
    // is reported at the call site too; it belongs at the last argument.
    let call_site = format!("{:?}", Span::call_site());
    parser.parse2(args).map_err(|error| match last {
        Some(span)
            if error.to_string().starts_with("unexpected end of input")
                || format!("{:?}", error.span()) == call_site =>
        {
            syn::Error::new(span, error.to_string())
        }
        _ => error,
    })?;
    Ok(options)
}

/// `"AWS::Serverless-2016-10-31"` or `["AWS::LanguageExtensions", …]`.
fn parse_transform(input: ParseStream) -> syn::Result<Vec<LitStr>> {
    if input.peek(syn::token::Bracket) {
        let content;
        let brackets = syn::bracketed!(content in input);
        let names =
            content.parse_terminated(|input: ParseStream| input.parse::<LitStr>(), Token![,])?;
        if names.is_empty() {
            return Err(syn::Error::new(
                brackets.span.join(),
                "expected at least one transform: `transform = [\"AWS::LanguageExtensions\", \"AWS::Serverless-2016-10-31\"]`; leave `transform` out for none",
            ));
        }
        Ok(names.into_iter().collect())
    } else if input.peek(LitStr) {
        Ok(vec![input.parse()?])
    } else {
        Err(input.error(
            "expected a transform's name, `transform = \"AWS::Serverless-2016-10-31\"`, or a list of them",
        ))
    }
}

fn unknown_option(path: &syn::Path, known: &[&str], attribute: &str) -> syn::Error {
    let name = path
        .get_ident()
        .map_or_else(|| quote::quote!(#path).to_string(), ToString::to_string);
    let mut message = format!("unknown option `{name}` of `{attribute}`");
    if let Some(close) = did_you_mean(&name, known.iter().copied()) {
        let _ = write!(message, "; did you mean `{close}`?");
    } else {
        let _ = write!(message, "; expected one of {}", list_in_backticks(known));
    }
    syn::Error::new(path.span(), message)
}

/// `#[parameter(Type, option = value, …)]`.
/// `#[import(Type, export = "…", cidr = "…", existing_subnets = […])]`: the
/// value exported under that name, with the type a parameter would have
/// and what the author knows about the VPC it names.
pub fn parse_import(input: ParseStream) -> syn::Result<Parameter> {
    const FORM: &str = "expected the type and the export's name: `#[import(AWS::EC2::VPC::Id, export = \"network:VpcId\")]`";
    if input.is_empty() {
        return Err(input.error(FORM));
    }
    let mut import = parse_parameter_type(input).map(Parameter::of_type)?;
    let mut seen: Vec<String> = Vec::new();
    while let Some(key) = next_option(input, kw::IMPORT_OPTIONS, "#[import]", &mut seen)? {
        input.parse::<Token![=]>()?;
        match key.as_str() {
            "export" => {
                let export: LitStr = input.parse()?;
                let text = export.value();
                // "Export names … can contain only alphanumeric characters,
                // hyphens, and colons" (CloudFormation's ValidationError for
                // an export name), and at most 255 characters.
                if text.is_empty()
                    || text.len() > 255
                    || !text
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
                {
                    return Err(syn::Error::new(
                        export.span(),
                        format!(
                            "export name `{text}` is not one CloudFormation accepts: 1 to 255 letters, digits, `-` and `:`"
                        ),
                    ));
                }
                import.import = Some(export);
            }
            "cidr" => import.cidr = Some(parse_literal(input)?),
            _ => import.existing_subnets = Some(parse_literal(input)?),
        }
    }
    if import.import.is_none() {
        return Err(input.error(FORM));
    }
    Ok(import)
}

/// The next `, name` of an attribute's options, if any: one of `options`,
/// not given before (`seen` records the names), else an error naming
/// `attribute`. A trailing comma ends the options.
fn next_option(
    input: ParseStream,
    options: &[&str],
    attribute: &str,
    seen: &mut Vec<String>,
) -> syn::Result<Option<String>> {
    if input.is_empty() {
        return Ok(None);
    }
    input.parse::<Token![,]>()?;
    if input.is_empty() {
        return Ok(None);
    }
    let name = Ident::parse_any(input)?;
    let key = name.to_string();
    if !options.contains(&key.as_str()) {
        return Err(unknown_option(&name.into(), options, attribute));
    }
    if seen.contains(&key) {
        return Err(syn::Error::new(
            name.span(),
            format!("duplicate option `{key}`"),
        ));
    }
    seen.push(key.clone());
    Ok(Some(key))
}

pub fn parse_parameter(input: ParseStream) -> syn::Result<Parameter> {
    if input.is_empty() {
        return Err(input.error(
            "expected a parameter type: `#[parameter(String)]`, `#[parameter(AWS::EC2::VPC::Id)]`, …",
        ));
    }
    let ty = parse_parameter_type(input)?;
    let mut parameter = Parameter::of_type(ty);
    let mut seen: Vec<String> = Vec::new();
    while let Some(key) = next_option(input, kw::PARAMETER_OPTIONS, "#[parameter]", &mut seen)? {
        if key == "no_echo" {
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                let flag: syn::LitBool = input.parse()?;
                parameter.no_echo = flag.value;
            } else {
                parameter.no_echo = true;
            }
            continue;
        }
        if !input.peek(Token![=]) {
            return Err(input.error(format!("expected `=` and a value after `{key}`")));
        }
        input.parse::<Token![=]>()?;
        match key.as_str() {
            "description" => parameter.description = Some(input.parse()?),
            "allowed_pattern" => parameter.allowed_pattern = Some(input.parse()?),
            "constraint_description" => parameter.constraint_description = Some(input.parse()?),
            "default" => parameter.default = Some(parse_literal(input)?),
            "allowed_values" => parameter.allowed_values = Some(parse_literal(input)?),
            "min_length" => parameter.min_length = Some(parse_literal(input)?),
            "max_length" => parameter.max_length = Some(parse_literal(input)?),
            "min_value" => parameter.min_value = Some(parse_literal(input)?),
            "max_value" => parameter.max_value = Some(parse_literal(input)?),
            "cidr" => parameter.cidr = Some(parse_literal(input)?),
            "existing_subnets" => parameter.existing_subnets = Some(parse_literal(input)?),
            _ => unreachable!("every option is handled above"),
        }
    }
    Ok(parameter)
}

/// A literal value (no references: parameter settings are static).
fn parse_literal(input: ParseStream) -> syn::Result<Value> {
    fn check(value: &Value) -> syn::Result<()> {
        match &value.kind {
            ValueKind::Str(_) | ValueKind::Int(_) | ValueKind::Float(_) | ValueKind::Bool(_) => {
                Ok(())
            }
            ValueKind::List(items) => items.iter().try_for_each(check),
            _ => Err(range_error(
                value.span,
                value.end,
                "parameter settings take literal values; references and functions are resolved \
                 only when the stack is deployed",
            )),
        }
    }
    let value = parse_value(input)?;
    check(&value)?;
    Ok(value)
}

/// A parameter type such as `String`, `List<AWS::EC2::Subnet::Id>` or
/// `AWS::SSM::Parameter::Value<String>`, written as a Rust type path.
fn parse_parameter_type(input: ParseStream) -> syn::Result<ParameterType> {
    // A parameter type is a path with angle brackets, never a group; syn's
    // type parser recurses deeply into groups, so none reaches it.
    let fork = input.fork();
    while !fork.is_empty() && !fork.peek(Token![,]) {
        if let proc_macro2::TokenTree::Group(group) = fork.parse::<proc_macro2::TokenTree>()? {
            return Err(syn::Error::new(
                group.span_open(),
                "expected a CloudFormation parameter type such as `String` or `AWS::EC2::VPC::Id`",
            ));
        }
    }
    let ty: syn::Type = input.parse()?;
    let name = type_name(&ty).ok_or_else(|| {
        syn::Error::new_spanned(
            &ty,
            "expected a CloudFormation parameter type such as `String` or `AWS::EC2::VPC::Id`",
        )
    })?;
    if parameter_types::shape(&name).is_none() {
        let all = parameter_types::all();
        let mut message = format!("unknown parameter type `{name}`");
        if let Some(close) = did_you_mean(&name, all.iter().map(String::as_str)) {
            let _ = write!(message, "; did you mean `{close}`?");
        } else {
            message.push_str(
                "; see the supported types at \
                 https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html",
            );
        }
        return Err(syn::Error::new_spanned(&ty, message));
    }
    Ok(ParameterType { name })
}

/// `List<AWS::EC2::Subnet::Id>` as CloudFormation spells it.
fn type_name(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() || path.path.leading_colon.is_some() {
        return None;
    }
    let mut name = String::new();
    for (i, segment) in path.path.segments.iter().enumerate() {
        if i > 0 {
            name.push_str("::");
        }
        name.push_str(&segment.ident.to_string());
        match &segment.arguments {
            syn::PathArguments::None => {}
            syn::PathArguments::AngleBracketed(args) => {
                let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..]
                else {
                    return None;
                };
                name.push('<');
                name.push_str(&type_name(inner)?);
                name.push('>');
            }
            syn::PathArguments::Parenthesized(_) => return None,
        }
    }
    Some(name)
}

/// `#[resource(AWS::Service::Type { … })]`: the type path and the property block.
pub struct ResourceArgs {
    /// `extern`: a type outside ecsnet's schemas, passed through verbatim.
    pub is_extern: bool,
    pub type_name: String,
    pub type_span: Span,
    pub type_end: Span,
    pub properties: Object,
}

pub fn parse_resource(input: ParseStream) -> syn::Result<ResourceArgs> {
    let is_extern = input.peek(Token![extern]);
    if is_extern {
        input.parse::<Token![extern]>()?;
    }
    if !input.peek(Ident::peek_any) {
        return Err(input.error(
            "expected a resource type and its properties: `#[resource(AWS::EC2::Subnet { … })]`",
        ));
    }
    let first = Ident::parse_any(input)?;
    let type_span = first.span();
    let mut type_end = type_span;
    let mut type_name = first.to_string();
    while input.peek(Token![::]) {
        input.parse::<Token![::]>()?;
        let segment = Ident::parse_any(input)?;
        type_end = segment.span();
        type_name.push_str("::");
        type_name.push_str(&segment.to_string());
    }
    if !input.peek(syn::token::Brace) {
        if input.is_empty() {
            return Err(range_error(
                type_span,
                type_end,
                format!(
                    "expected the properties of `{type_name}` in braces: `{type_name} {{ … }}`; write `{{}}` for none"
                ),
            ));
        }
        return Err(input.error(format!(
            "expected the properties of `{type_name}` in braces: `{type_name} {{ … }}`"
        )));
    }
    let properties = super::value::parse_object(input)?;
    if !input.is_empty() {
        return Err(input.error(
            "unexpected tokens after the property block; resource attributes are separate \
             attributes, such as `#[depends_on(…)]`",
        ));
    }
    Ok(ResourceArgs {
        is_extern,
        type_name,
        type_span,
        type_end,
        properties,
    })
}

/// `#[output(value, name = "…", description = "…", export = …)]`.
pub fn parse_output(input: ParseStream) -> syn::Result<Output> {
    if input.is_empty() {
        return Err(input
            .error("expected the output's value: `#[output(ApplicationLoadBalancer.DNSName)]`"));
    }
    let value = parse_value(input)?;
    let mut output = Output {
        name: None,
        value,
        description: None,
        export: None,
        condition: None,
    };
    let mut seen: Vec<String> = Vec::new();
    while let Some(key) = next_option(input, kw::OUTPUT_OPTIONS, "#[output]", &mut seen)? {
        input.parse::<Token![=]>()?;
        if key == "description" {
            output.description = Some(input.parse()?);
        } else if key == "name" {
            output.name = Some(input.parse()?);
        } else if key == "condition" {
            output.condition = Some(parse_condition_name(input)?);
        } else {
            output.export = Some(parse_value(input)?);
        }
    }
    Ok(output)
}

/// `#[condition(expression, name = "…")]` alone on a struct: a condition's
/// expression, where a bare name is another condition, and its name if
/// it is not the struct's.
pub fn parse_condition(input: ParseStream) -> syn::Result<(Value, Option<LitStr>)> {
    if input.is_empty() {
        return Err(input.error(
            "expected the condition: `#[condition(equals(Environment, \"prod\"))]`, or `and(…)`, `or(…)`, `not(…)`",
        ));
    }
    let mut expression = parse_value(input)?;
    super::value::name_condition(&mut expression);
    let mut name = None;
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
        if !input.is_empty() {
            let key = Ident::parse_any(input)?;
            if key != "name" {
                return Err(unknown_option(&key.into(), &["name"], "#[condition]"));
            }
            input.parse::<Token![=]>()?;
            name = Some(input.parse()?);
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
            }
        }
    }
    Ok((expression, name))
}

/// The condition named by a resource's `#[condition(Name)]` or an
/// output's `condition = Name`.
pub fn parse_condition_name(input: ParseStream) -> syn::Result<Ident> {
    let fork = input.fork();
    if fork.call(Ident::parse_any).is_ok() && (fork.is_empty() || fork.peek(Token![,])) {
        return Ok(Ident::parse_any(input)?.unraw());
    }
    let value = parse_value(input)?;
    Err(range_error(
        value.span,
        value.end,
        "a resource's or output's condition is the name of a declared condition; declare it, \
         `#[condition(equals(…))] struct IsProduction;`, and write `IsProduction` here",
    ))
}

/// `#[depends_on(A, B)]`, or `#[depends_on([A, B])]` (a list a
/// construct's input gives).
pub fn parse_depends_on(input: ParseStream) -> syn::Result<Vec<Ident>> {
    if input.peek(syn::token::Bracket) {
        let content;
        syn::bracketed!(content in input);
        return parse_depends_on(&content);
    }
    let names = input.parse_terminated(
        |input: ParseStream| Ok(Ident::parse_any(input)?.unraw()),
        Token![,],
    )?;
    if names.is_empty() {
        return Err(
            input.error("expected the names of resources: `#[depends_on(ApplicationLogGroup)]`")
        );
    }
    Ok(names.into_iter().collect())
}

/// `#[metadata { … }]`, `#[creation_policy { … }]`, `#[update_policy { … }]`:
/// the entries of an object, written directly in the attribute's braces.
pub fn parse_object_attribute(input: ParseStream, span: Span) -> syn::Result<Object> {
    Ok(Object {
        entries: parse_entries(input)?,
        span,
    })
}

/// `#[deletion_policy(Retain)]`.
pub fn parse_policy(input: ParseStream) -> syn::Result<Ident> {
    let policy: Ident = input.parse()?;
    if !kw::DELETION_POLICIES.contains(&policy.to_string().as_str()) {
        let mut message = format!("unknown policy `{policy}`");
        if let Some(close) =
            did_you_mean(&policy.to_string(), kw::DELETION_POLICIES.iter().copied())
        {
            let _ = write!(message, "; did you mean `{close}`?");
        } else {
            let _ = write!(
                message,
                "; expected one of {}",
                list_in_backticks(kw::DELETION_POLICIES)
            );
        }
        return Err(syn::Error::new(policy.span(), message));
    }
    if !input.is_empty() {
        return Err(input.error("expected one policy"));
    }
    Ok(policy)
}
