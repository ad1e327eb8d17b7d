//! How messages name what they talk about: properties by the `snake_case`
//! identifier users write (`Property::ident`), map keys and values verbatim.

use crate::validate::{Instance, PathItem};
use crate::{ResourceType, Shape};

/// What a path's last step is, found by walking the type's model.
enum Step<'a> {
    /// A property of the resource or of a nested struct: its identifier.
    Property(&'static str),
    /// A key of a map, or of an object the model does not describe.
    Key(&'a str),
    Item(usize),
    Root,
}

/// The shape the value at `path` has, if the model knows it.
pub(crate) fn shape_at(
    model: Option<&'static ResourceType>,
    path: &[PathItem],
) -> Option<&'static Shape> {
    let mut current: Option<&'static Shape> = None;
    for (i, item) in path.iter().enumerate() {
        let next = match (i, current, item) {
            (0, _, PathItem::Key(k)) => model?.property(k).map(|p| &p.shape),
            (_, Some(shape), item) => child(shape, item),
            _ => None,
        };
        current = Some(next?);
    }
    current
}

fn child(shape: &'static Shape, item: &PathItem) -> Option<&'static Shape> {
    match (shape, item) {
        (Shape::Struct(s), PathItem::Key(k)) => s.property(k).map(|p| &p.shape),
        (Shape::List(inner), PathItem::Index(_)) | (Shape::Map(inner), PathItem::Key(_)) => {
            Some(inner)
        }
        (Shape::Union(members), item) => members.iter().find_map(|m| child(m, item)),
        _ => None,
    }
}

fn last_step<'a>(model: Option<&'static ResourceType>, path: &'a [PathItem]) -> Step<'a> {
    let Some((last, parent)) = path.split_last() else {
        return Step::Root;
    };
    match last {
        PathItem::Index(i) => Step::Item(*i),
        PathItem::Key(k) => {
            let ident = if parent.is_empty() {
                model.and_then(|m| m.property(k)).map(|p| p.ident)
            } else {
                match shape_at(model, parent) {
                    Some(Shape::Struct(s)) => s.property(k).map(|p| p.ident),
                    Some(Shape::Union(members)) => members.iter().find_map(|m| match m {
                        Shape::Struct(s) => s.property(k).map(|p| p.ident),
                        _ => None,
                    }),
                    Some(_) => return Step::Key(k),
                    // Not in the model (an extension's map keys): a property
                    // if it is spelled like one, else a key.
                    None => None,
                }
            };
            match ident {
                Some(ident) => Step::Property(ident),
                None if looks_like_property(k) => {
                    Step::Property(Box::leak(naive_snake(k).into_boxed_str()))
                }
                None => Step::Key(k),
            }
        }
    }
}

/// The user-facing name of the value at `path`: "`cpu`", "key `A` of
/// `variables`", "item 2 of `subnets`", "the properties".
pub(crate) fn subject(model: Option<&'static ResourceType>, path: &[PathItem]) -> String {
    match last_step(model, path) {
        Step::Property(ident) => format!("`{ident}`"),
        Step::Root => "the properties".to_string(),
        Step::Key(k) => match path.len() {
            1 => format!("key `{k}`"),
            n => format!("key `{k}` of {}", subject(model, &path[..n - 1])),
        },
        Step::Item(i) => format!("item {i} of {}", subject(model, &path[..path.len() - 1])),
    }
}

/// The name of the key `key` of the object at `path`, as "`ident`" or "`Key`".
pub(crate) fn key(model: Option<&'static ResourceType>, path: &[PathItem], key: &str) -> String {
    let mut full = path.to_vec();
    full.push(PathItem::Key(key.to_string()));
    match last_step(model, &full) {
        Step::Property(ident) => format!("`{ident}`"),
        _ => format!("`{key}`"),
    }
}

/// `PascalCase` like a CloudFormation property (`LogDriver`), not a map key
/// (`AWS_REGION`, `awslogs-group`).
fn looks_like_property(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_uppercase())
        && k.chars().any(|c| c.is_ascii_lowercase())
        && k.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `VpcId` -> `vpc_id` (the decoder's rule for identifiers written `-`).
fn naive_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A number as users write it: `5`, not `5.0`.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "integral and in range, checked above"
        )]
        let i = n as i64;
        i.to_string()
    } else {
        n.to_string()
    }
}

/// A scalar value for a message (`None` for lists, objects and unknowns).
pub(crate) fn value(v: &Instance) -> Option<String> {
    match v {
        Instance::String(s) => Some(s.clone()),
        Instance::Number(n) => Some(number(*n)),
        Instance::Bool(b) => Some(b.to_string()),
        Instance::Null => Some("null".to_string()),
        _ => None,
    }
}

/// Names joined as rustc lists them: "`a`", "`a` and `b`", "`a`, `b` and `c`".
pub(crate) fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(items: &[&str]) -> Vec<PathItem> {
        items
            .iter()
            .map(|s| match s.parse() {
                Ok(i) => PathItem::Index(i),
                Err(_) => PathItem::Key((*s).to_string()),
            })
            .collect()
    }

    #[test]
    fn names_follow_the_model() {
        let db = crate::resource_type("AWS::RDS::DBInstance");
        assert_eq!(
            subject(db, &path(&["DBInstanceClass"])),
            "`db_instance_class`"
        );
        let lambda = crate::resource_type("AWS::Lambda::Function");
        assert_eq!(
            subject(lambda, &path(&["Environment", "Variables", "AWS_REGION"])),
            "key `AWS_REGION` of `variables`"
        );
        let td = crate::resource_type("AWS::ECS::TaskDefinition");
        assert_eq!(
            subject(td, &path(&["ContainerDefinitions", "1", "Image"])),
            "`image`"
        );
        assert_eq!(
            subject(td, &path(&["ContainerDefinitions", "1"])),
            "item 1 of `container_definitions`"
        );
        assert_eq!(subject(td, &[]), "the properties");
        assert_eq!(key(db, &[], "EngineVersion"), "`engine_version`");
        assert_eq!(number(5.0), "5");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(
            and_list(&["`a`".into(), "`b`".into(), "`c`".into()]),
            "`a`, `b` and `c`"
        );
    }
}
