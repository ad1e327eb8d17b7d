//! Checks a resource's `Properties` against every constraint the data holds
//! for its type: the registry schema's validation keywords and cfn-lint's
//! extension schemas (format: `spec/README.md`, "Constraints").
//!
//! ```
//! use ecsnet_schema::validate::{validate, Instance, Level};
//!
//! let props = Instance::Object(vec![
//!     ("Runtime".into(), Instance::String("python3.6".into())),
//! ]);
//! let found = validate("AWS::Lambda::Function", &props);
//! assert!(found.iter().any(|v| v.level == Level::Error && v.message.contains("python3.6")));
//! ```

use std::fmt;

use crate::constraints::{Extension, Schema};
use crate::evaluator::{Evaluator, Truth};

/// A property value as the stack writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Instance {
    /// JSON `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Instance>),
    /// An object, with its keys in the order written.
    Object(Vec<(String, Instance)>),
    /// A value known only at deployment: a parameter, `Fn::GetAtt`, `Fn::Sub`
    /// with placeholders, an import. Nothing is reported about it.
    Unknown,
}

/// One step of a path from the `Properties` object to a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathItem {
    /// An object key (a CloudFormation property name, or a map key).
    Key(String),
    /// A list index.
    Index(usize),
}

/// How serious a violation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// CloudFormation would refuse the stack.
    Error,
    /// Allowed, but cfn-lint warns about it.
    Warning,
}

/// Where a constraint comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The type's registry schema (as patched and shipped by cfn-lint).
    Registry,
    /// One of cfn-lint's extension schemas, or its Lambda runtime data.
    Extension {
        /// The cfn-lint rule that applies it, `E3691`.
        rule: &'static str,
        /// The file, `aws_rds_dbinstance/engine_version.json`.
        file: &'static str,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Registry => f.write_str("registry schema"),
            Source::Extension { rule, file } => write!(f, "cfn-lint {rule} ({file})"),
        }
    }
}

/// A value that breaks a constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where, from the `Properties` object: the value's path, or for an
    /// object-level keyword the object's (or the offending key's) path.
    pub path: Vec<PathItem>,
    /// The JSON Schema keyword that failed, `pattern`.
    pub keyword: &'static str,
    /// Error or warning.
    pub level: Level,
    /// One sentence in rustc's voice, naming properties by their identifiers.
    pub message: String,
    /// The schema the constraint comes from.
    pub source: Source,
}

/// Checks `properties` (the resource's `Properties` object, with
/// CloudFormation property names as keys) against the constraints of
/// `type_name`. Returns nothing for an unknown type; never panics.
#[must_use]
pub fn validate(type_name: &str, properties: &Instance) -> Vec<Violation> {
    let Ok(Some(constraints)) = crate::decode::catalog().and_then(|c| c.constraints(type_name))
    else {
        return Vec::new();
    };
    let evaluator = Evaluator {
        definitions: &constraints.definitions,
        model: crate::resource_type(type_name),
        deciding: std::cell::Cell::new(0),
    };
    let mut out = Vec::new();
    if let Some(root) = &constraints.root {
        report(
            &evaluator,
            root,
            properties,
            Vec::new(),
            Level::Error,
            Source::Registry,
            None,
            &mut out,
        );
        // A registry `const` or `enum` on a property whose shape lists its
        // allowed values is the shape's to report (the CDK's `allowedValues`
        // join the registry's there): say it once.
        out.retain(|v| {
            !(matches!(v.keyword, "const" | "enum") && shape_lists_values(evaluator.model, &v.path))
        });
    }
    for extension in &constraints.extensions {
        apply_extension(&evaluator, extension, properties, &mut out);
    }
    let mut seen = Vec::new();
    out.retain(|v: &Violation| {
        let key = (v.path.clone(), v.message.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    out
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call per schema kind; a struct would only rename them"
)]
fn report(
    evaluator: &Evaluator<'_>,
    schema: &Schema,
    value: &Instance,
    mut path: Vec<PathItem>,
    level: Level,
    source: Source,
    message: Option<&'static str>,
    out: &mut Vec<Violation>,
) {
    let outcome = evaluator.eval(schema, value, &mut path, 0);
    if outcome.truth != Truth::No {
        return;
    }
    if let Some(message) = message.and_then(|m| fill(m, value)) {
        // The data gives the sentence: one violation, at the first finding.
        if let Some(first) = outcome.findings.into_iter().next() {
            out.push(Violation {
                path: first.path,
                keyword: first.keyword,
                level,
                message,
                source,
            });
        }
        return;
    }
    for f in outcome.findings {
        out.push(Violation {
            path: f.path,
            keyword: f.keyword,
            level,
            message: f.message,
            source,
        });
    }
}

fn shape_lists_values(model: Option<&'static crate::ResourceType>, path: &[PathItem]) -> bool {
    match crate::naming::shape_at(model, path) {
        Some(crate::Shape::String { allowed }) => !allowed.is_empty(),
        Some(crate::Shape::Integer { allowed, .. }) => !allowed.is_empty(),
        _ => false,
    }
}

/// Fills `{Key}` in a sentence of the data with the value of `Key` in
/// `value`; `None` if one is missing or not a scalar.
fn fill(template: &str, value: &Instance) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}')? + start;
        let key = &rest[start + 1..end];
        let Instance::Object(members) = value else {
            return None;
        };
        let (_, v) = members.iter().find(|(k, _)| k == key)?;
        out.push_str(&crate::naming::value(v)?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Applies an extension at every value its path reaches (`*`: each list item).
fn apply_extension(
    evaluator: &Evaluator<'_>,
    e: &Extension,
    properties: &Instance,
    out: &mut Vec<Violation>,
) {
    let mut targets = vec![(Vec::new(), properties)];
    for step in &e.path {
        let mut next = Vec::new();
        for (path, value) in targets {
            match (value, *step) {
                (Instance::Array(items), "*") => {
                    for (i, item) in items.iter().enumerate() {
                        let mut p: Vec<PathItem> = path.clone();
                        p.push(PathItem::Index(i));
                        next.push((p, item));
                    }
                }
                (Instance::Object(members), key) => {
                    if let Some((k, v)) = members.iter().find(|(k, _)| k == key) {
                        let mut p = path.clone();
                        p.push(PathItem::Key(k.clone()));
                        next.push((p, v));
                    }
                }
                _ => {}
            }
        }
        targets = next;
    }
    let level = if e.error {
        Level::Error
    } else {
        Level::Warning
    };
    let source = Source::Extension {
        rule: e.rule,
        file: e.source,
    };
    for (path, value) in targets {
        if let (Some((key, wanted)), Instance::Object(members)) = (e.guard, value)
            && let Some((_, Instance::String(actual))) = members.iter().find(|(k, _)| k == key)
            && !(actual == wanted || e.lowercase.contains(&key) && actual.to_lowercase() == wanted)
        {
            // The schema's `if` needs `key` to be `wanted`: it holds.
            continue;
        }
        let lowered;
        let value = match value {
            Instance::Object(members) if !e.lowercase.is_empty() => {
                lowered = Instance::Object(
                    members
                        .iter()
                        .map(|(k, v)| match v {
                            Instance::String(s) if e.lowercase.contains(&k.as_str()) => {
                                (k.clone(), Instance::String(s.to_lowercase()))
                            }
                            _ => (k.clone(), v.clone()),
                        })
                        .collect(),
                );
                &lowered
            }
            _ => value,
        };
        let Ok(schema) = e.schema() else {
            continue;
        };
        report(
            evaluator, schema, value, path, level, source, e.message, out,
        );
    }
}

/// Decodes the constraints of every type, for tests and reports.
///
/// # Errors
///
/// The first type whose constraints do not decode.
pub fn check_all_types() -> Result<usize, crate::DecodeError> {
    let catalog = crate::decode::catalog()?;
    let mut count = 0;
    for name in catalog.names() {
        if let Some(constraints) = catalog.constraints(name)? {
            // Extensions compile on first use; here, all of them.
            for extension in &constraints.extensions {
                extension.schema().map_err(|message| crate::DecodeError {
                    type_name: Some(name),
                    message: message.to_owned(),
                })?;
            }
            count += 1;
        }
    }
    Ok(count)
}

/// Every pattern of a type's constraints (registry and extensions), in data order.
///
/// # Errors
///
/// If the type's constraints do not decode.
pub fn patterns(type_name: &str) -> Result<Vec<&'static str>, crate::DecodeError> {
    let catalog = crate::decode::catalog()?;
    Ok(catalog
        .constraints(type_name)?
        .map(crate::constraints::patterns)
        .unwrap_or_default())
}

/// The date the data's time-dependent verdicts (Lambda runtimes) are taken at.
#[must_use]
pub fn data_as_of() -> &'static str {
    crate::decode::catalog().map_or("", crate::decode::Catalog::as_of)
}
