//! The CloudFormation resource schemas the macros check stacks against.
//!
//! Every resource type comes from the `ecsnet-schema` crate, which embeds the
//! registry schemas of every type as data and decodes a type on its first
//! use, so a stack pays only for the types it declares. Its `attributes`
//! module (written by `spec/generate.py`, never by hand) adds what the
//! registry does not ship: the schemas of the `CreationPolicy` and
//! `UpdatePolicy` resource attributes, and which types have a documentation
//! type in `ecsnet::aws`.

pub mod eni_limits;
pub mod parameter_types;

pub use ecsnet_schema::attributes::{CREATION_POLICY, UPDATE_POLICY};
pub use ecsnet_schema::{Property, ResourceType, Shape, type_names};

/// Looks up a resource type by its full name.
pub fn resource_type(name: &str) -> Option<&'static ResourceType> {
    ecsnet_schema::resource_type(name)
}

/// The path of the type's documentation type in `ecsnet::aws`
/// (`ec2::Subnet`), for the types ecsnet documents there.
pub fn documentation_path(type_name: &str) -> Option<&'static str> {
    let documented = ecsnet_schema::attributes::DOCUMENTED_TYPES;
    documented
        .binary_search_by(|(name, _)| (*name).cmp(type_name))
        .ok()
        .map(|index| documented[index].1)
}

/// The member of a union shape that an object or a list literal is written
/// as, or `None` for any other value (whose kind alone decides, see
/// `check::infer`). The checks, the expansion and the constraint evaluator
/// all ask here, so they agree on the member.
///
/// An object is one of the union's structs, maps or free-form JSON: the
/// struct whose property names its keys match best (a key it does not have
/// counts against it, a literal among a property's allowed values for it),
/// else a map or JSON. A list is one of the union's lists, chosen by its
/// first item the same way.
pub fn union_member<'a>(shapes: &'a [Shape], value: &crate::model::Value) -> Option<&'a Shape> {
    use crate::model::ValueKind;
    match &value.kind {
        ValueKind::Object(object) => shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Struct(nested) => Some((struct_score(nested.properties(), object), shape)),
                Shape::Map(_) | Shape::Json => Some((i64::MIN, shape)),
                _ => None,
            })
            // The first of equals wins: `max_by_key` keeps the last, so reverse.
            .rev()
            .max_by_key(|(score, _)| *score)
            .map(|(_, shape)| shape),
        ValueKind::List(items) => {
            let lists = shapes.iter().filter(|s| matches!(s, Shape::List(_)));
            match items.first() {
                Some(first) if matches!(first.kind, ValueKind::Object(_)) => lists
                    .map(|shape| {
                        let Shape::List(item) = shape else {
                            unreachable!("filtered to lists")
                        };
                        let score = match (item, &first.kind) {
                            (Shape::Struct(nested), ValueKind::Object(object)) => {
                                struct_score(nested.properties(), object)
                            }
                            (Shape::Union(members), _) => {
                                i64::from(union_member(members, first).is_some())
                            }
                            (Shape::Map(_) | Shape::Json, _) => i64::MIN + 1,
                            _ => i64::MIN,
                        };
                        (score, shape)
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .max_by_key(|(score, _)| *score)
                    .map(|(_, shape)| shape),
                _ => shapes.iter().find(|s| matches!(s, Shape::List(_))),
            }
        }
        _ => None,
    }
}

/// How well an object's keys fit a struct's properties.
fn struct_score(properties: &[Property], object: &crate::model::Object) -> i64 {
    let mut score = 0;
    for entry in &object.entries {
        let property = properties
            .iter()
            .find(|p| !entry.key.quoted && p.ident == entry.key.name);
        score += match property {
            None => -2,
            Some(property) => match (&property.shape, entry.value.as_str()) {
                (Shape::String { allowed }, Some(text)) if !allowed.is_empty() => {
                    if allowed.contains(&text) { 3 } else { 1 }
                }
                _ => 2,
            },
        };
    }
    score
}
