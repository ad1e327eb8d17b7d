//! Rules from the constraints the schemas state about values: the registry
//! schemas' validation keywords, and cfn-lint's extension schemas and Lambda
//! runtime data. One general evaluator in `ecsnet-schema` decides them; this
//! module turns a resource's properties into the JSON the evaluator reads
//! (values known only at deployment become "unknown", about which nothing
//! is reported) and puts each finding on the value's span.

use proc_macro2::Span;

use super::Context;
use crate::model::{AcknowledgedRule, Acknowledgment, Object, Resource, Value, ValueKind};
use crate::schema::{Property, Shape};
use ecsnet_schema::validate::{Instance, Level, PathItem, Source, Violation, validate};

/// Findings that one of ecsnet's own rules reports already, with the
/// resources named and the fix; the rules run first. Each row: where the
/// finding comes from (a cfn-lint extension file, or a type whose registry
/// schema states it), its path (`*` for any list item; `None` for any
/// path), its keyword (`None` for any), and the rule that says it.
type SaidBy = (
    &'static str,
    Option<&'static [&'static str]>,
    Option<&'static str>,
    &'static str,
);
const SAID_BY_RULES: &[SaidBy] = &[
    // Ports with protocol `-1`, which CloudFormation ignores.
    (
        "aws_ec2_securitygroup/protocols_and_port_ranges_exclude.json",
        None,
        None,
        "ignored-ports",
    ),
    // `tcp`/`udp`/`icmp` rules need both ports; ICMP `-1` on both.
    (
        "aws_ec2_securitygroup/protocols_and_port_ranges_include.json",
        None,
        None,
        "sg-ports",
    ),
    (
        "aws_ec2_securitygroup/all_to_and_from_ports.json",
        None,
        None,
        "sg-ports",
    ),
    // A security group rule has exactly one source or destination.
    (
        "AWS::EC2::SecurityGroup",
        Some(&["SecurityGroupIngress", "*"]),
        Some("oneOf"),
        "sg-ports",
    ),
    (
        "AWS::EC2::SecurityGroup",
        Some(&["SecurityGroupEgress", "*"]),
        Some("oneOf"),
        "sg-ports",
    ),
    (
        "AWS::EC2::SecurityGroupIngress",
        Some(&[]),
        Some("oneOf"),
        "sg-ports",
    ),
    (
        "AWS::EC2::SecurityGroupEgress",
        Some(&[]),
        Some("oneOf"),
        "sg-ports",
    ),
    // A Fargate task definition is `awsvpc` and has `cpu` and `memory`.
    (
        "aws_ecs_taskdefinition/fargate_properties.json",
        Some(&[]),
        None,
        "fargate",
    ),
    (
        "aws_ecs_taskdefinition/fargate_properties.json",
        Some(&["NetworkMode"]),
        None,
        "fargate",
    ),
];

/// The extensions that are lists AWS extends every month: engine versions,
/// instance classes, the runtimes that take inline code. A value they do
/// not list may be newer than the data, so it is a warning ("unknown to the
/// data of DATE"), never an error.
const MOVING_LISTS: &[&str] = &[
    "aws_rds_dbinstance/db_instance_class.json",
    "aws_rds_dbinstance/engine_version.json",
    "aws_rds_dbcluster/engine_version.json",
    "aws_elasticache_cachecluster/engine_version.json",
    "aws_lambda_function/zipfile_runtime_enum.json",
];

/// Whether one of ecsnet's own rules reports this finding already.
fn said_by_rules(source: &str, path: &[PathItem], keyword: &str) -> bool {
    SAID_BY_RULES.iter().any(|(from, at, kw, _)| {
        *from == source
            && kw.is_none_or(|kw| kw == keyword)
            && at.is_none_or(|at| {
                at.len() == path.len()
                    && at.iter().zip(path).all(|(a, p)| match p {
                        PathItem::Key(k) => k == a,
                        PathItem::Index(_) => *a == "*",
                    })
            })
    })
}

/// Keywords that say a property is missing: after an unknown key (reported
/// by the `properties` rule, and left out of what the evaluator sees), the
/// object may only look incomplete, so these are not reported there.
const REQUIREDNESS: &[&str] = &[
    "required",
    "oneOf",
    "anyOf",
    "allOf",
    "dependentRequired",
    "dependencies",
];

/// What converting a resource's properties records besides the instance.
struct Found<'a, 'b> {
    /// Where each value was written.
    places: &'b mut Vec<Place<'a>>,
    /// The paths of objects that had a key the schema does not know.
    incomplete: &'b mut Vec<Vec<PathItem>>,
}

/// Where each value of the instance was written: its path from the
/// `Properties` object, its span, and its acknowledgments.
struct Place<'a> {
    path: Vec<PathItem>,
    span: (Span, Span),
    /// The key's span, for a value written as an object's entry.
    key: Option<Span>,
    acknowledgments: &'a [Acknowledgment],
}

// Rule `value-constraints`: every value meets the constraints of the type's
// registry schema: `pattern` (ECMA-262, as JSON Schema says), `minLength`
// and `maxLength`, `minimum` and `maximum`, `minItems`, `maxItems` and
// `uniqueItems`, `const`, and the object-level `dependentRequired`,
// `dependentExcluded`, `oneOf`, `anyOf`, `allOf`, `not`, `if`/`then`/`else`
// and `propertyNames`. CloudFormation validates every resource's properties
// against its registry schema before it calls the resource's handler
// ("Properties validation failed for resource … with message …",
// <https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html>).
//
// Rule `supported-values`: values that cfn-lint's extension schemas mark as
// errors: RDS engine versions and instance classes that do not exist, ECS
// and load balancer combinations that fail, and Lambda runtimes whose
// creation is blocked (cfn-lint E3691, E3695, E2531 and friends; the rule
// and file are named in each finding's source).
//
// Rule `discouraged-values` (a warning): what deploys but cfn-lint warns
// about, such as a deprecated Lambda runtime that can still be created.
//
// Rule `unlisted-values` (a warning): a value that a list moving with time
// (RDS engine versions and instance classes, ElastiCache versions) does not
// hold. AWS adds to these lists every month, so a value the pinned data does
// not know may be newer than the data; it may also be one AWS no longer
// offers, as the chapter's MySQL `5.7` on a `db.t2.micro`.
pub fn check_constraints(cx: &Context) {
    for declaration in &cx.stack.declarations {
        let Some(resource) = declaration.as_resource() else {
            continue;
        };
        let Some(schema) = resource.schema else {
            continue;
        };
        let mut places = Vec::new();
        let mut incomplete = Vec::new();
        let instance = object_instance(
            &resource.properties,
            Some(schema.properties),
            &mut Vec::new(),
            &mut Found {
                places: &mut places,
                incomplete: &mut incomplete,
            },
        );
        for violation in validate(schema.name, &instance) {
            let from = match violation.source {
                Source::Extension { file, .. } => file,
                Source::Registry => schema.name,
            };
            if said_by_rules(from, &violation.path, violation.keyword)
                || (REQUIREDNESS.contains(&violation.keyword)
                    && incomplete.contains(&violation.path))
            {
                continue;
            }
            report(cx, resource, &violation, &places);
        }
    }
}

/// Reports one finding at its value, under its rule; a warning that is
/// acknowledged there is consumed instead.
fn report(cx: &Context, resource: &Resource, violation: &Violation, places: &[Place<'_>]) {
    let place = places.iter().find(|p| p.path == violation.path);
    let span = match place {
        // A key the schema refuses is underlined, not its value.
        Some(Place { key: Some(key), .. }) if violation.keyword == "propertyNames" => (*key, *key),
        Some(place) => place.span,
        None => (resource.type_span, resource.type_end),
    };
    let message = match violation.source {
        Source::Registry => violation.message.clone(),
        Source::Extension { rule, file } => {
            format!("{} (cfn-lint {rule}, {file})", violation.message)
        }
    };
    if let Source::Extension { file, .. } = violation.source
        && MOVING_LISTS.contains(&file)
        && violation.keyword == "enum"
    {
        if let Some(acknowledgment) =
            acknowledgment(resource, place, AcknowledgedRule::UnlistedValue)
        {
            cx.consume(acknowledgment);
            return;
        }
        let _rule = cx.errors.rule("unlisted-values");
        let date = ecsnet_schema::validate::data_as_of();
        // "is not one of the 62 allowed values (…)": allowed by the data
        // of a date, which a newer value may postdate.
        let listed = message
            .replacen(" is not one of the ", " is not among the ", 1)
            .replacen(
                " allowed values ",
                &format!(" values the data of {date} lists "),
                1,
            );
        cx.errors.warn_range(
            span.0,
            span.1,
            format!(
                "{listed}; it may be newer than the data, or no longer offered: check it, then write \
                 `#[acknowledge(unlisted_value, reason = \"…\")]` before the value to keep it"
            ),
        );
        return;
    }
    match (violation.level, violation.source) {
        (Level::Error, Source::Registry) => {
            let _rule = cx.errors.rule("value-constraints");
            cx.errors.push_range(span.0, span.1, message);
        }
        (Level::Error, Source::Extension { .. }) => {
            let _rule = cx.errors.rule("supported-values");
            cx.errors.push_range(span.0, span.1, message);
        }
        (Level::Warning, _) => {
            if let Some(acknowledgment) =
                acknowledgment(resource, place, AcknowledgedRule::DiscouragedValue)
            {
                cx.consume(acknowledgment);
                return;
            }
            let _rule = cx.errors.rule("discouraged-values");
            cx.errors.warn_range(
                span.0,
                span.1,
                format!(
                    "{message}; write `#[acknowledge(discouraged_value, reason = \"…\")]` \
                     before the value to keep it"
                ),
            );
        }
    }
}

/// An acknowledgment of `rule` on the value, or on the resource.
fn acknowledgment<'a>(
    resource: &'a Resource,
    place: Option<&Place<'a>>,
    rule: AcknowledgedRule,
) -> Option<&'a Acknowledgment> {
    place
        .map(|p| p.acknowledgments)
        .unwrap_or_default()
        .iter()
        .chain(&resource.acknowledgments)
        .find(|a| a.rule == rule)
}

/// An object as the evaluator reads it: keys in CloudFormation's spelling
/// where the schema gives it (`cidr_block` is `CidrBlock`), verbatim
/// otherwise; entries set to `AWS::NoValue` are left out, as CloudFormation
/// leaves them out.
fn object_instance<'a>(
    object: &'a Object,
    properties: Option<&'static [Property]>,
    path: &mut Vec<PathItem>,
    found: &mut Found<'a, '_>,
) -> Instance {
    let mut members = Vec::new();
    for entry in &object.entries {
        if is_no_value(&entry.value) {
            continue;
        }
        let (name, shape) = match properties {
            Some(properties) if !entry.key.quoted => {
                let Some(property) = properties.iter().find(|p| p.ident == entry.key.name) else {
                    // Unknown keys are reported by the `properties` rule;
                    // without them, the object may only look incomplete.
                    found.incomplete.push(path.clone());
                    continue;
                };
                (property.name.to_owned(), Some(&property.shape))
            }
            _ => (entry.key.name.clone(), None),
        };
        path.push(PathItem::Key(name.clone()));
        let first = found.places.len();
        let value = instance(&entry.value, shape, path, found);
        found.places[first].key = Some(entry.key.span);
        path.pop();
        members.push((name, value));
    }
    Instance::Object(members)
}

/// A value as the evaluator reads it; `shape` is the schema's, when known.
fn instance<'a>(
    value: &'a Value,
    shape: Option<&'static Shape>,
    path: &mut Vec<PathItem>,
    found: &mut Found<'a, '_>,
) -> Instance {
    crate::diag::step(1);
    found.places.push(Place {
        path: path.clone(),
        span: (value.span, value.end),
        key: None,
        acknowledgments: &value.acknowledgments,
    });
    let shape = shape.map(|shape| match shape {
        // The member of a union the value is written as.
        Shape::Union(members) => crate::schema::union_member(members, value).unwrap_or(shape),
        _ => shape,
    });
    match &value.kind {
        ValueKind::Str(text) => Instance::String(text.clone()),
        #[allow(
            clippy::cast_precision_loss,
            reason = "integers beyond 2^53 are compared approximately, as JSON numbers are"
        )]
        ValueKind::Int(n) => Instance::Number(*n as f64),
        ValueKind::Float(x) => Instance::Number(*x),
        ValueKind::Bool(b) => Instance::Bool(*b),
        ValueKind::Null => Instance::Null,
        ValueKind::List(items) => {
            let item_shape = match shape {
                Some(Shape::List(item)) => Some(*item),
                _ => None,
            };
            let mut out = Vec::new();
            for item in items {
                if is_no_value(item) {
                    continue;
                }
                path.push(PathItem::Index(out.len()));
                out.push(instance(item, item_shape, path, found));
                path.pop();
            }
            Instance::Array(out)
        }
        ValueKind::Object(_) if value.is_in_template_transform() => Instance::Unknown,
        ValueKind::Object(object) => match shape {
            Some(Shape::Struct(nested)) => {
                object_instance(object, Some(nested.properties()), path, found)
            }
            Some(Shape::Map(values)) => {
                let mut members = Vec::new();
                for entry in &object.entries {
                    if is_no_value(&entry.value) {
                        continue;
                    }
                    path.push(PathItem::Key(entry.key.name.clone()));
                    let first = found.places.len();
                    members.push((
                        entry.key.name.clone(),
                        instance(&entry.value, Some(*values), path, found),
                    ));
                    found.places[first].key = Some(entry.key.span);
                    path.pop();
                }
                Instance::Object(members)
            }
            _ => object_instance(object, None, path, found),
        },
        ValueKind::Sub(_) => value
            .as_str()
            .map_or(Instance::Unknown, |text| Instance::String(text.to_owned())),
        // References, pseudo parameters, attributes, functions and Rust
        // expressions are known only at deployment.
        ValueKind::Ref(_)
        | ValueKind::Pseudo(_)
        | ValueKind::GetAtt(..)
        | ValueKind::Call(_)
        | ValueKind::Rust(_)
        | ValueKind::ConditionName(_)
        | ValueKind::MappingName(_) => Instance::Unknown,
    }
}

fn is_no_value(value: &Value) -> bool {
    matches!(&value.kind, ValueKind::Pseudo(name) if name == "AWS::NoValue")
}
