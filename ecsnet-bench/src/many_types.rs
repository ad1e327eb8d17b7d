//! Writes a stack that declares `count` different resource types, one
//! resource of each: the cost of a stack that reaches far into the schema
//! data, where the 500-resource stack uses four types many times.
//!
//! Types are taken round-robin across services, in name order, so the
//! stack spans as many services as it can. The chapter's types are left out
//! (their rules relate resources to each other), and so is every type whose
//! required properties cannot be filled from the shapes alone. Each
//! required property gets a value of its shape: the first allowed value of
//! an enumeration, an integer inside the bounds, `false`, an empty object
//! for free-form JSON, and for any other string a reference to the `Text`
//! parameter, which is known only at deployment, so no value-level check
//! can object to it. A type whose schema constraints still refuse that (a
//! `oneOf` that needs one of two optional properties, say) is left out, as
//! `ecsnet_schema::validate` decides. The template compiles; it is not
//! meant to deploy.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ecsnet_schema::validate::{Instance, validate};
use ecsnet_schema::{Property, Shape};

/// The chapter's types, whose rules need more than required properties.
const LEFT_OUT_SERVICES: &[&str] = &["AWS::EC2::", "AWS::ECS::", "AWS::ElasticLoadBalancingV2::"];

/// How deep nested required structs are filled before a type is left out.
const MAX_DEPTH: usize = 6;

/// The stack's source, or why `count` types cannot be found.
///
/// # Errors
///
/// If fewer than `count` types qualify.
pub fn many_types(count: usize) -> Result<String, String> {
    let mut by_service: BTreeMap<&str, Vec<&'static str>> = BTreeMap::new();
    for name in ecsnet_schema::type_names() {
        if LEFT_OUT_SERVICES.iter().any(|s| name.starts_with(s)) || !name.starts_with("AWS::") {
            continue;
        }
        let service = name.split("::").nth(1).unwrap_or_default();
        by_service.entry(service).or_default().push(name);
    }
    let mut chosen = Vec::new();
    let mut round = 0;
    while chosen.len() < count {
        let mut any = false;
        for names in by_service.values() {
            let Some(name) = names.get(round) else {
                continue;
            };
            any = true;
            if chosen.len() < count
                && let Some(body) = resource_body(name)
            {
                chosen.push((*name, body));
            }
        }
        if !any {
            return Err(format!("only {} types qualify", chosen.len()));
        }
        round += 1;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// A generated stack of {count} different resource types.\n\
         #[::ecsnet::stack(description = \"A generated stack of {count} resource types\")]\n\
         pub mod many_types {{\n    \
         /// Any text, known only at deployment.\n    \
         #[parameter(String)]\n    \
         pub struct Text;"
    );
    for (i, (name, body)) in chosen.iter().enumerate() {
        let _ = write!(
            out,
            "\n    /// A `{name}`.\n    #[resource({name} {body})]\n    pub struct Resource{i};\n"
        );
    }
    out.push_str("}\n");
    Ok(out)
}

/// `{ required: value, … }` for a type, if every required value can be
/// made and the type's constraints accept them.
fn resource_body(name: &str) -> Option<String> {
    let schema = ecsnet_schema::resource_type(name)?;
    let (source, instance) = object(schema.properties, 0)?;
    validate(name, &instance).is_empty().then_some(source)
}

/// A value's source, and what the schema evaluator sees of it.
type Made = (String, Instance);

fn object(properties: &[Property], depth: usize) -> Option<Made> {
    let mut fields = Vec::new();
    let mut members = Vec::new();
    for property in properties.iter().filter(|p| p.required) {
        let (source, instance) = value(&property.shape, depth)?;
        fields.push(format!("{}: {source}", property.ident));
        members.push((property.name.to_owned(), instance));
    }
    let source = if fields.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", fields.join(", "))
    };
    Some((source, Instance::Object(members)))
}

fn value(shape: &Shape, depth: usize) -> Option<Made> {
    if depth > MAX_DEPTH {
        return None;
    }
    let text = || ("Text".to_owned(), Instance::Unknown);
    #[allow(
        clippy::cast_precision_loss,
        reason = "schema bounds are small integers"
    )]
    let number = |n: i64| (n.to_string(), Instance::Number(n as f64));
    Some(match shape {
        Shape::String { allowed } => match allowed.first() {
            Some(first) => (format!("{first:?}"), Instance::String((*first).to_owned())),
            None => text(),
        },
        Shape::Timestamp => text(),
        Shape::Integer {
            minimum,
            maximum,
            allowed,
        } => number(match (allowed.first(), minimum, maximum) {
            (Some(first), _, _) => *first,
            (None, Some(min), _) => *min,
            (None, None, Some(max)) if *max < 1 => *max,
            _ => 1,
        }),
        Shape::Number => number(1),
        Shape::Boolean => ("false".to_owned(), Instance::Bool(false)),
        Shape::Json | Shape::Map(_) => ("{}".to_owned(), Instance::Object(Vec::new())),
        Shape::List(item) => {
            let (source, instance) = value(item, depth + 1)?;
            (format!("[{source}]"), Instance::Array(vec![instance]))
        }
        Shape::Struct(nested) => object(nested.properties(), depth + 1)?,
        Shape::Union(members) => value(members.first()?, depth)?,
    })
}
