//! Rules from the resource schemas: known types, known properties, value
//! shapes, allowed values, required properties, read-only properties, and
//! the kind of resource a reference must point at.

use proc_macro2::Span;
use std::fmt::Write as _;

use super::infer::{Produces, produces};
use super::{Context, Symbol};
use crate::diag::{closest, did_you_mean, list_in_backticks};
use crate::model::{Object, Value, ValueKind};
use crate::schema::{self, Property, ResourceType, Shape};

// Rule `resource-type`: a resource's type is one CloudFormation defines (as
// vendored under `spec/`), or a custom resource (`AWS::CloudFormation::CustomResource`
// or `Custom::Name`, "Custom::MyCustomResourceTypeName",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html>).
pub fn check_resource_types(cx: &Context) {
    let _rule = cx.errors.rule("resource-type");
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        if resource.schema.is_some() || resource.is_custom || resource.is_extern {
            continue;
        }
        cx.errors.push_range(
            resource.type_span,
            resource.type_end,
            unknown_type_message(&resource.type_name),
        );
    }
}

/// The message for a type ecsnet does not know: the nearest known names
/// when it looks misspelt (the same service's types first), the service's
/// types when only the last segment is new, and the `extern` and `Custom::`
/// ways round otherwise.
fn unknown_type_message(name: &str) -> String {
    // How many of a service's types the message lists.
    const SHOWN: usize = 8;
    let segments: Vec<&str> = name.split("::").collect();
    let &[vendor, service, _] = segments.as_slice() else {
        return format!(
            "unknown resource type `{name}`; resource types are written `AWS::Service::Type`, \
             or `Custom::Name` for custom resources"
        );
    };
    let prefix = format!("{vendor}::{service}::");
    let siblings: Vec<&str> = schema::type_names()
        .filter(|t| t.starts_with(&prefix))
        .collect();
    let (suggestions, same_service) = nearest_types(name);
    if same_service {
        return format!(
            "unknown resource type `{name}`; did you mean {}?",
            alternatives(&suggestions)
        );
    }
    let mut message = format!("unknown resource type `{name}`");
    if !suggestions.is_empty() {
        let _ = write!(message, "; did you mean {}?", alternatives(&suggestions));
    }
    if siblings.is_empty() {
        if suggestions.is_empty() {
            let sam = schema::type_names()
                .filter(|t| t.starts_with("AWS::Serverless::"))
                .count();
            let _ = write!(
                message,
                "; ecsnet knows the {} types of the CloudFormation registry (us-east-1), SAM's {sam} \
                 `AWS::Serverless` types, and custom resources written `Custom::Name`",
                thousands(schema::type_names().len() - sam)
            );
        }
    } else {
        let mut listed = list_in_backticks(&siblings[..siblings.len().min(SHOWN)]);
        if siblings.len() > SHOWN {
            listed = format!(
                "{} and {} more",
                listed.replace(" and ", ", "),
                siblings.len() - SHOWN
            );
        }
        let _ = write!(message, "; `{vendor}::{service}` has {listed}");
    }
    let _ = write!(
        message,
        "; for a third-party type or one newer than ecsnet's data, write `extern {name} {{ … }}`, \
         whose properties pass through unchecked"
    );
    message
}

/// `1584` as `1,584`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
fn alternatives(names: &[&str]) -> String {
    list_in_backticks(names).replace(" and ", " or ")
}

/// The known types nearest to a misspelt one, and whether they are of its
/// own service: within the same service by the last segment, else across
/// every type by the whole name; at most three, all at the smallest distance.
fn nearest_types(name: &str) -> (Vec<&'static str>, bool) {
    let (prefix, last) = name.rsplit_once("::").unwrap_or(("", name));
    let same_service = schema::type_names().filter(|t| {
        t.rsplit_once("::")
            .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
    });
    let last_of = |t: &'static str| t.rsplit_once("::").map_or(t, |(_, l)| l);
    let mut found = closest(last, 3, same_service, last_of);
    let is_same_service = !found.is_empty();
    if found.is_empty() {
        // Across services only a near miss of the whole name: `AWS::SNS::Queue`
        // is `AWS::SQS::Queue`, but `AWS::SNS::Notification` is no
        // `AWS::Connect::Notification`.
        found = closest(name, 6, schema::type_names(), |t| t);
    }
    found.truncate(3);
    (found, is_same_service)
}

// Rule `properties`: every property is one the type's schema defines, with a
// value of the schema's shape and, for enumerations, one of its values;
// every required property is set, and read-only properties (the type's
// attributes) are not. Sources: the CloudFormation registry schemas
// (`properties`, `required`, `enum`, `readOnlyProperties`) and the AWS CDK
// service database (types, `relationshipRefs`), vendored under `spec/`.
pub fn check_properties(cx: &Context) {
    let _rule = cx.errors.rule("properties");
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        let Some(schema) = resource.schema.or_else(|| {
            resource
                .is_custom
                .then(|| schema::resource_type("AWS::CloudFormation::CustomResource"))
                .flatten()
        }) else {
            continue;
        };
        let checker = Checker { cx };
        checker.check_object(
            &resource.properties,
            schema.properties,
            &Owner {
                name: &resource.type_name,
                resource: Some((schema, &declaration.ident.to_string())),
                custom: resource.is_custom,
                docs_url: schema.docs_url,
            },
            (resource.type_span, resource.type_end),
        );
    }
}

// Rule `resource-attributes`: `CreationPolicy` and `UpdatePolicy` have the
// documented shape and go only on the types that support them: "Use the
// CreationPolicy attribute … Currently, the only CloudFormation resources
// that support creation policies are AWS::AppStream::Fleet,
// AWS::AutoScaling::AutoScalingGroup, AWS::EC2::Instance, and
// AWS::CloudFormation::WaitCondition"
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-creationpolicy.html>);
// the UpdatePolicy page lists its types the same way
// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatepolicy.html>).
//
// `DeletionPolicy` and `UpdateReplacePolicy` take `Snapshot` only on the
// types that can snapshot ("Snapshot … is supported for AWS::EC2::Volume,
// AWS::ElastiCache::CacheCluster, …",
// <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html>;
// cfn-lint E3035 and E3036), and `UpdateReplacePolicy` has no
// `RetainExceptOnCreate`, which applies only to deletion.
pub fn check_resource_attributes(cx: &Context) {
    const CREATION_POLICY_TYPES: &[&str] = &[
        "AWS::AppStream::Fleet",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::EC2::Instance",
        "AWS::CloudFormation::WaitCondition",
    ];
    const UPDATE_POLICY_TYPES: &[&str] = &[
        "AWS::AppStream::Fleet",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
        "AWS::Lambda::Alias",
    ];
    let _rule = cx.errors.rule("resource-attributes");
    check_policies(cx);
    let checker = Checker { cx };
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        // `Version` is an attribute of custom resources only, a string or
        // an integer (cfn-lint's resource schema, E3001).
        if let Some(version) = &resource.version {
            if !resource.is_custom {
                cx.errors.push_range(
                    version.span,
                    version.end,
                    format!(
                        "`#[version]` is an attribute of custom resources (`Custom::…`), and `{}` is `{}`",
                        declaration.ident, resource.type_name
                    ),
                );
            } else if !matches!(version.kind, ValueKind::Str(_) | ValueKind::Int(_)) {
                cx.errors.push_range(
                    version.span,
                    version.end,
                    "a custom resource's version is a string or an integer: `#[version(\"1.0\")]`",
                );
            }
        }
        let policies = [
            (
                &resource.creation_policy,
                &schema::CREATION_POLICY,
                CREATION_POLICY_TYPES,
                "creation_policy",
            ),
            (
                &resource.update_policy,
                &schema::UPDATE_POLICY,
                UPDATE_POLICY_TYPES,
                "update_policy",
            ),
        ];
        for (object, shape, types, attribute) in policies {
            let Some(object) = object else {
                continue;
            };
            if !types.contains(&resource.type_name.as_str()) {
                cx.errors.push_spanned(
                    object.span,
                    format!(
                        "`{}` (`{}`) does not support `#[{attribute}]`; it applies to {}",
                        declaration.ident,
                        resource.type_name,
                        list_in_backticks(types)
                    ),
                );
                continue;
            }
            checker.check_object(
                object,
                shape.properties(),
                &Owner {
                    name: attribute,
                    resource: None,
                    custom: false,
                    docs_url: "",
                },
                (object.span, object.span),
            );
        }
    }
}

/// Who owns an object being checked, for messages.
struct Owner<'a> {
    /// `AWS::EC2::Subnet`, `NetworkConfiguration`, `creation_policy`.
    name: &'a str,
    /// For a resource's top-level properties: its schema and logical id, so
    /// read-only properties can point at the attribute to use instead.
    resource: Option<(&'static ResourceType, &'a str)>,
    /// Custom resources take any extra property, verbatim.
    custom: bool,
    docs_url: &'static str,
}

struct Checker<'a, 'b> {
    cx: &'a Context<'b>,
}

impl Checker<'_, '_> {
    fn check_object(
        &self,
        object: &Object,
        properties: &[Property],
        owner: &Owner,
        name_span: (Span, Span),
    ) {
        let errors = self.cx.errors;
        let mut seen: Vec<&str> = Vec::new();
        for entry in &object.entries {
            let key = &entry.key;
            // A second `key` is reported as a duplicate key.
            if seen.contains(&key.name.as_str()) {
                continue;
            }
            // `AWS::NoValue` removes the property: it does not count as set.
            if !matches!(&entry.value.kind, ValueKind::Pseudo(p) if p == "AWS::NoValue") {
                seen.push(&key.name);
            } else if let Some(property) = properties.iter().find(|p| p.ident == key.name)
                && property.required
            {
                errors.push_range(
                    entry.value.span,
                    entry.value.end,
                    format!(
                        "`{}` is a required property of `{}`, and `AWS::NoValue` removes it; give it a value",
                        property.ident, owner.name
                    ),
                );
                seen.push(&key.name);
            }
            let property = properties.iter().find(|p| p.ident == key.name);
            match property {
                Some(property) if !key.quoted => {
                    self.check_value(&entry.value, &property.shape, property, properties);
                }
                Some(_) | None if owner.custom => {}
                Some(property) => errors.push_spanned(
                    key.span,
                    format!(
                        "property names are written as identifiers, not strings: `{}`",
                        property.ident
                    ),
                ),
                None => {
                    errors.push_spanned(key.span, unknown_property(&key.name, properties, owner));
                }
            }
        }
        let missing: Vec<&str> = properties
            .iter()
            .filter(|p| p.required && !seen.contains(&p.ident))
            .map(|p| p.ident)
            .collect();
        if !missing.is_empty() {
            let plural = if missing.len() == 1 {
                "property"
            } else {
                "properties"
            };
            errors.push_range(
                name_span.0,
                name_span.1,
                format!(
                    "missing required {plural} {} of `{}`",
                    list_in_backticks(&missing),
                    owner.name
                ),
            );
        }
    }

    #[allow(clippy::too_many_lines, reason = "one arm per schema shape")]
    fn check_value(
        &self,
        value: &Value,
        shape: &Shape,
        property: &Property,
        siblings: &[Property],
    ) {
        let errors = self.cx.errors;
        let produces = produces(self.cx, value);
        if produces == Produces::Unknown || produces == Produces::NoValue {
            // What `select` returns is unknown in shape but not in kind: an
            // element of a subnet id list is a subnet id.
            if produces == Produces::Unknown && !property.refers_to.is_empty() {
                self.check_kind(value, property, siblings);
            }
            return;
        }
        let mismatch = |expected: &str| {
            errors.push_range(
                value.span,
                value.end,
                format!(
                    "mismatched types: `{}` expects {expected}, found {}{}",
                    property.ident,
                    produces.describe(),
                    fix(self.cx, value, shape, property)
                ),
            );
        };
        // Scalars convert as CloudFormation and cfn-lint (non-strict) convert
        // them, and are emitted as written: `10` where a string belongs,
        // `"30"` for an integer, `"true"` for a boolean. A literal that does
        // not convert (`"yes"` for a boolean) is still a mismatch.
        let literal_text = match &value.kind {
            ValueKind::Str(text) => Some(text.clone()),
            ValueKind::Int(n) => Some(n.to_string()),
            ValueKind::Float(x) => Some(x.to_string()),
            ValueKind::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        let integer = match &value.kind {
            ValueKind::Int(n) => Some(*n),
            ValueKind::Str(text) => text.trim().parse::<i64>().ok(),
            _ => None,
        };
        match shape {
            Shape::String { allowed } => match &literal_text {
                Some(text) => {
                    if !allowed.is_empty() && !allowed.contains(&text.as_str()) {
                        errors.push_range(
                            value.span,
                            value.end,
                            invalid_enum(text, property, allowed),
                        );
                    }
                }
                None if produces.is_scalar_string() => {}
                None => mismatch("a string"),
            },
            Shape::Timestamp => {
                if !produces.is_scalar_string() {
                    mismatch("a timestamp string");
                }
            }
            Shape::Integer { allowed, .. }
                if !allowed.is_empty() && integer.is_some_and(|n| !allowed.contains(&n)) =>
            {
                let n = integer.unwrap_or_default();
                let texts: Vec<String> = allowed.iter().map(ToString::to_string).collect();
                let closest = allowed
                    .iter()
                    .min_by_key(|a| a.abs_diff(n))
                    .copied()
                    .unwrap_or_default();
                errors.push_range(
                    value.span,
                    value.end,
                    format!(
                        "`{n}` is not a valid `{}`; the closest allowed value is `{closest}`, and the allowed values are {}",
                        property.ident,
                        list_in_backticks(&texts)
                    ),
                );
            }
            Shape::Integer {
                minimum, maximum, ..
            } => match (integer, &value.kind) {
                (Some(n), _) => {
                    let below = minimum.is_some_and(|min| n < min);
                    let above = maximum.is_some_and(|max| n > max);
                    if below || above {
                        errors.push_range(
                            value.span,
                            value.end,
                            format!(
                                "`{n}` is out of range for `{}`; expected {}",
                                property.ident,
                                range_text(*minimum, *maximum)
                            ),
                        );
                    }
                }
                (None, ValueKind::Str(_) | ValueKind::Float(_) | ValueKind::Bool(_)) => {
                    mismatch("an integer");
                }
                _ if produces == Produces::String || produces == Produces::Number => {}
                _ => mismatch("an integer"),
            },
            Shape::Number => match (&value.kind, produces) {
                (ValueKind::Str(text), _) if text.trim().parse::<f64>().is_ok() => {}
                (ValueKind::Str(_), _) => mismatch("a number"),
                (_, Produces::Integer | Produces::Number | Produces::String) => {}
                _ => mismatch("a number"),
            },
            Shape::Boolean => match (&value.kind, produces) {
                (ValueKind::Str(text), _)
                    if text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false") => {}
                (ValueKind::Str(_), _) => mismatch("`true` or `false`"),
                (_, Produces::Bool | Produces::String) => {}
                _ => mismatch("`true` or `false`"),
            },
            Shape::Json => {}
            Shape::List(item) => match &value.kind {
                ValueKind::List(items) => {
                    for item_value in items {
                        self.check_value(item_value, item, property, siblings);
                    }
                }
                _ if produces == Produces::List => {}
                _ => mismatch("a list"),
            },
            Shape::Map(item) => match &value.kind {
                ValueKind::Object(object) => {
                    for entry in &object.entries {
                        self.check_value(&entry.value, item, property, siblings);
                    }
                }
                _ => mismatch("a map"),
            },
            Shape::Struct(nested) => match &value.kind {
                ValueKind::Object(object) => self.check_object(
                    object,
                    nested.properties(),
                    &Owner {
                        name: nested.name,
                        resource: None,
                        custom: false,
                        docs_url: "",
                    },
                    (object.span, object.span),
                ),
                _ => mismatch(&format!("an object (`{}`)", nested.name)),
            },
            Shape::Union(shapes) => {
                let fits = schema::union_member(shapes, value)
                    .or_else(|| shapes.iter().find(|s| produces.fits(s)))
                    .or_else(|| shapes.first());
                if let Some(shape) = fits {
                    self.check_value(value, shape, property, siblings);
                }
            }
        }
        if !property.refers_to.is_empty() {
            self.check_kind(value, property, siblings);
        }
    }

    // Rule `reference-kind`: a property that identifies another resource
    // (the CDK's `relationshipRefs`, e.g. `AWS::EC2::Subnet.VpcId` →
    // `AWS::EC2::VPC`) gets a `Ref` to a resource of that type or a parameter
    // of the matching AWS-specific type. Attributes (`Fn::GetAtt`) are not
    // checked: `PrivateSubnet.VpcId` is a VPC id although it comes from a subnet.
    fn check_kind(&self, value: &Value, property: &Property, siblings: &[Property]) {
        let _rule = self.cx.errors.rule("reference-kind");
        let expects_list = matches!(property.shape, Shape::List(_));
        let check_one = |value: &Value, list_parameter_allowed: bool| {
            let Some((type_name, found)) = self.reference_kind(value, list_parameter_allowed)
            else {
                return;
            };
            if property.refers_to.iter().any(|r| r.type_name == type_name) {
                return;
            }
            let mut expected: Vec<&str> = property.refers_to.iter().map(|r| r.type_name).collect();
            expected.dedup();
            let expected = expected
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            // Often the value is right and the key is wrong: a NAT gateway
            // given as `gateway_id` belongs in `nat_gateway_id`.
            let better_key = siblings
                .iter()
                .find(|p| p.refers_to.iter().any(|r| r.type_name == type_name))
                .map(|p| format!("; did you mean `{}: …`?", p.ident))
                .unwrap_or_default();
            self.cx.errors.push_range(
                value.span,
                value.end,
                format!(
                    "mismatched resource kinds: `{}` expects the id of {expected}, found {found}{better_key}",
                    property.ident
                ),
            );
        };
        match &value.kind {
            ValueKind::List(items) => items.iter().for_each(|item| check_one(item, false)),
            // A list parameter where one id belongs is a shape error, reported already.
            _ => check_one(value, expects_list),
        }
    }

    /// The resource type a value identifies, with a description for
    /// messages: a `Ref` to a resource, a parameter of an AWS-specific type,
    /// `sub!("${Name}")`, or an element selected from a list parameter.
    fn reference_kind(
        &self,
        value: &Value,
        list_parameter_allowed: bool,
    ) -> Option<(&'static str, String)> {
        let named = |name: &str| -> Option<(&'static str, String)> {
            match self.cx.symbols.get(name)? {
                Symbol::Resource(_, resource) if !resource.is_custom => {
                    let schema = resource.schema?;
                    // A SAM resource is referred to as what the transform
                    // turns it into: `Ref` to an `AWS::Serverless::Function`
                    // gives its `AWS::Lambda::Function`'s name.
                    let kind = schema.expands_to.unwrap_or(schema.name);
                    Some((kind, format!("`{name}`, a `{}`", schema.name)))
                }
                Symbol::Parameter(parameter) => {
                    let shape = parameter.shape();
                    if shape.is_list != list_parameter_allowed {
                        return None;
                    }
                    let (type_name, _) = shape.identifies?;
                    Some((
                        type_name,
                        format!("`{name}`, a `{}` parameter", parameter.ty.name),
                    ))
                }
                _ => None,
            }
        };
        match &value.kind {
            ValueKind::Ref(_) | ValueKind::Sub(_) => named(&value.ref_name()?),
            ValueKind::Call(call) if call.function == crate::model::Function::Select => {
                let list = call.args.get(1)?;
                match &list.kind {
                    ValueKind::Ref(name) => {
                        let (type_name, ty) = list_element_kind(self.cx, &name.to_string())?;
                        Some((
                            type_name,
                            format!("an element of `{name}`, a `{ty}` parameter"),
                        ))
                    }
                    // `select(1, [PublicSubnet, PrivateSubnet])` is the
                    // element at a literal index.
                    ValueKind::List(items) => {
                        let index = usize::try_from(call.args.first()?.as_int()?).ok()?;
                        self.reference_kind(items.get(index)?, false)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// The resource type the elements of a list parameter identify, with the
/// parameter's type: `AWS::EC2::Subnet` for a `List<AWS::EC2::Subnet::Id>`.
fn list_element_kind<'a>(cx: &Context<'a>, name: &str) -> Option<(&'static str, &'a str)> {
    let Some(Symbol::Parameter(parameter)) = cx.symbols.get(name) else {
        return None;
    };
    let (type_name, _) = parameter.shape().identifies?;
    Some((type_name, parameter.ty.name.as_str()))
}

/// A suggested rewrite for a literal of the wrong type, starting with `; `.
/// Where one id of a kind of resource belongs, an element of a list is
/// suggested only when its elements are ids of that kind.
fn fix(cx: &Context, value: &Value, shape: &Shape, property: &Property) -> String {
    match (&value.kind, shape) {
        (ValueKind::Ref(name), Shape::List(_)) => format!("; write `[{name}]` for a list of one"),
        (ValueKind::Ref(name), Shape::String { .. }) if !property.refers_to.is_empty() => {
            match list_element_kind(cx, &name.to_string()) {
                Some((type_name, _))
                    if !property.refers_to.iter().any(|r| r.type_name == type_name) =>
                {
                    let mut expected: Vec<&str> =
                        property.refers_to.iter().map(|r| r.type_name).collect();
                    expected.dedup();
                    format!(
                        "; its elements are ids of `{type_name}`, and `{}` expects the id of {}",
                        property.ident,
                        list_in_backticks(&expected).replace(" and ", " or ")
                    )
                }
                _ => format!("; pick one element with `select(0, {name})`"),
            }
        }
        (ValueKind::Ref(name), Shape::String { .. }) => {
            format!(
                "; pick one element with `select(0, {name})`, or join them with `join(\",\", {name})`"
            )
        }
        _ => String::new(),
    }
}

fn invalid_enum(text: &str, property: &Property, allowed: &[&str]) -> String {
    let mut message = format!("`{text}` is not a valid `{}`", property.ident);
    if let Some(close) = did_you_mean(text, allowed.iter().copied()) {
        let _ = write!(message, "; did you mean `{close}`?");
    } else if allowed.len() <= 12 {
        let mut list = list_in_backticks(allowed);
        if let Some(last) = list.rfind(" and ") {
            list.replace_range(last..last + 5, " or ");
        }
        let _ = write!(message, "; expected {list}");
    }
    message
}

fn range_text(minimum: Option<i64>, maximum: Option<i64>) -> String {
    match (minimum, maximum) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => String::new(),
    }
}

fn unknown_property(key: &str, properties: &[Property], owner: &Owner) -> String {
    // A read-only property is one of the type's attributes: CloudFormation
    // sets it, and the stack reads it with `Name.Attribute`.
    if let Some((schema, logical_id)) = owner.resource
        && let Some(attribute) = schema.attributes.iter().find(|a| a.ident == key)
    {
        return format!(
            "`{key}` is read-only: CloudFormation sets `{}` of `{}`; read it as `{logical_id}.{}`",
            attribute.name, schema.name, attribute.name
        );
    }
    if let Some(property) = properties.iter().find(|p| p.name == key) {
        return format!(
            "property names are written in snake_case: write `{}` for `{key}`",
            property.ident
        );
    }
    let mut message = format!("unknown property `{key}` of `{}`", owner.name);
    let idents = properties.iter().map(|p| p.ident);
    if let Some(close) = did_you_mean(key, idents) {
        let _ = write!(message, "; did you mean `{close}`?");
    } else if properties.len() <= 8 {
        let all: Vec<&str> = properties.iter().map(|p| p.ident).collect();
        let _ = write!(message, "; expected one of {}", list_in_backticks(&all));
    } else if !owner.docs_url.is_empty() {
        let _ = write!(message, "; see {}", owner.docs_url);
    }
    message
}

/// The types that take `Snapshot` as a deletion or update-replace policy,
/// as cfn-lint 1.51.0 lists them (`cfnlint.helpers.valid_snapshot_types`).
const SNAPSHOT_TYPES: &[&str] = &[
    "AWS::DocDB::DBCluster",
    "AWS::EC2::Volume",
    "AWS::ElastiCache::CacheCluster",
    "AWS::ElastiCache::ReplicationGroup",
    "AWS::Neptune::DBCluster",
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::Redshift::Cluster",
];

fn check_policies(cx: &Context) {
    let _rule = cx.errors.rule("resource-attributes");
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        for (policy, attribute) in [
            (&resource.deletion_policy, "deletion_policy"),
            (&resource.update_replace_policy, "update_replace_policy"),
        ] {
            let Some(policy) = policy else {
                continue;
            };
            if policy == "Snapshot" && !SNAPSHOT_TYPES.contains(&resource.type_name.as_str()) {
                cx.errors.push_spanned(
                    policy.span(),
                    format!(
                        "`{}` (`{}`) cannot be snapshotted; `Snapshot` applies to {}; use `Retain` or `Delete`",
                        declaration.ident,
                        resource.type_name,
                        list_in_backticks(SNAPSHOT_TYPES)
                    ),
                );
            }
            if policy == "RetainExceptOnCreate" && attribute == "update_replace_policy" {
                cx.errors.push_spanned(
                    policy.span(),
                    "`RetainExceptOnCreate` is a deletion policy only; `#[update_replace_policy]` takes `Delete`, `Retain` or `Snapshot`",
                );
            }
        }
    }
}
