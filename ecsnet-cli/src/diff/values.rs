//! Template values: comparing them the way CloudFormation reads them,
//! finding the changed paths, the references a value makes, and whether a
//! change of value is certain or depends on what the template cannot say.

use serde_json::Value;
use std::collections::HashSet;
use std::fmt::Write as _;

/// How sure a change is: never, only for some parameter values or
/// conditions, or for all of them. Ordered, so the strongest wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The value does not change.
    Never,
    /// The value changes for some parameter values or conditions.
    Conditional,
    /// The value changes.
    Always,
}

/// The name and argument of an intrinsic function (`{"Ref": "X"}`,
/// `{"Fn::If": [...]}`, `{"Condition": "C"}`): an object of one key.
pub fn intrinsic(value: &Value) -> Option<(&str, &Value)> {
    intrinsic_map(value.as_object()?)
}

/// [`intrinsic`] of an object.
fn intrinsic_map(map: &serde_json::Map<String, Value>) -> Option<(&str, &Value)> {
    if map.len() != 1 {
        return None;
    }
    let (key, argument) = map.iter().next()?;
    (key == "Ref" || key == "Condition" || key.starts_with("Fn::"))
        .then_some((key.as_str(), argument))
}

/// Whether two values are the same template value, as CloudFormation reads
/// them: a scalar compares as its text (`80` and `"80"`, `true` and
/// `"true"` are equal, as YAML and JSON spellings of one template write
/// them), objects regardless of key order.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, a)| y.get(key).is_some_and(|b| same(a, b)))
        }
        (Value::Array(_) | Value::Object(_), _) | (_, Value::Array(_) | Value::Object(_)) => false,
        _ => scalar_text(a) == scalar_text(b),
    }
}

/// The text of a scalar: strings as they are, numbers and booleans as JSON
/// writes them.
pub fn scalar_text(value: &Value) -> std::borrow::Cow<'_, str> {
    match value {
        Value::String(s) => std::borrow::Cow::Borrowed(s),
        other => std::borrow::Cow::Owned(other.to_string()),
    }
}

/// A canonical text of a value, equal for values that are [`same`]: keys
/// sorted, scalars as text. Used to put values in sets.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for item in items {
                write_canonical(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for key in keys {
                let _ = write!(out, "{key:?}:");
                write_canonical(&map[key], out);
                out.push(',');
            }
            out.push('}');
        }
        scalar => {
            let _ = write!(out, "{:?}", scalar_text(scalar));
        }
    }
}

/// One changed place of a value: its path and the two sides (`None` where
/// absent).
#[derive(Clone, Debug)]
pub struct PathChange {
    /// `Properties.Tags[1].Value`.
    pub path: String,
    /// The old value, `None` when the path is new.
    pub old: Option<Value>,
    /// The new value, `None` when the path is gone.
    pub new: Option<Value>,
}

/// Every changed leaf between two values, under `path`: objects by key
/// (the new value's order, then keys only the old one has), lists by index.
/// An intrinsic function is a leaf: `{"Ref": "A"}` to `{"Ref": "B"}` is one
/// change, not a change of the key `Ref`.
pub fn changes(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<PathChange>) {
    match (old, new) {
        (None, None) => {}
        (Some(a), Some(b)) if same(a, b) => {}
        (Some(Value::Object(a)), Some(Value::Object(b)))
            if intrinsic_map(a).is_none() && intrinsic_map(b).is_none() =>
        {
            for (key, value) in b {
                changes(&join(path, key), a.get(key), Some(value), out);
            }
            for (key, value) in a {
                if !b.contains_key(key) {
                    changes(&join(path, key), Some(value), None, out);
                }
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                changes(&format!("{path}[{i}]"), a.get(i), b.get(i), out);
            }
        }
        (old, new) => out.push(PathChange {
            path: path.to_owned(),
            old: old.cloned(),
            new: new.cloned(),
        }),
    }
}

/// `path.key`, or `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A place where a value refers to a resource or parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The path of the referring value, such as `Properties.SubnetId`.
    pub path: String,
    /// The logical id referred to.
    pub target: String,
    /// Whether the reference sits in a branch of `Fn::If`, so it is used
    /// only for some conditions.
    pub conditional: bool,
}

/// Every `Ref`, `Fn::GetAtt` and `${X}`/`${X.Attr}` of `Fn::Sub` in a
/// value, with the path of the value that makes it. Pseudo parameters
/// (`AWS::Region`) are left out.
pub fn references(path: &str, value: &Value, out: &mut Vec<Reference>) {
    collect_references(path, value, false, out);
}

fn collect_references(path: &str, value: &Value, in_if: bool, out: &mut Vec<Reference>) {
    let mut push = |target: &str| {
        if !target.starts_with("AWS::") && !target.is_empty() {
            out.push(Reference {
                path: path.to_owned(),
                target: target.to_owned(),
                conditional: in_if,
            });
        }
    };
    match intrinsic(value) {
        Some(("Ref", Value::String(target))) => push(target),
        Some(("Fn::GetAtt", Value::Array(parts))) => {
            if let Some(Value::String(target)) = parts.first() {
                push(target);
            }
        }
        Some(("Fn::GetAtt", Value::String(dotted))) => {
            push(dotted.split('.').next().unwrap_or(dotted));
        }
        Some(("Fn::Sub", argument)) => {
            let (text, variables) = match argument {
                Value::String(text) => (Some(text.as_str()), None),
                Value::Array(parts) => (
                    parts.first().and_then(Value::as_str),
                    parts.get(1).and_then(Value::as_object),
                ),
                _ => (None, None),
            };
            let local: HashSet<&str> = variables
                .map(|v| v.keys().map(String::as_str).collect())
                .unwrap_or_default();
            for name in text.map(sub_names).unwrap_or_default() {
                let target = name.split('.').next().unwrap_or(name);
                if !local.contains(name) && !local.contains(target) {
                    push(target);
                }
            }
            if let Some(variables) = variables {
                for value in variables.values() {
                    collect_references(path, value, in_if, out);
                }
            }
        }
        Some(("Fn::If", Value::Array(parts))) => {
            for branch in parts.iter().skip(1) {
                collect_references(path, branch, true, out);
            }
        }
        Some((_, argument)) => collect_references(path, argument, in_if, out),
        None => match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    collect_references(&format!("{path}[{i}]"), item, in_if, out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    collect_references(&join(path, key), item, in_if, out);
                }
            }
            _ => {}
        },
    }
}

/// The placeholders of an `Fn::Sub` string: `X` and `X.Attr` of `${X}` and
/// `${X.Attr}`; `${!Literal}` is text.
pub fn sub_names(text: &str) -> Vec<&str> {
    sub_tokens(text)
        .into_iter()
        .filter_map(|token| match token {
            SubToken::Placeholder(name) => Some(name),
            SubToken::Text(_) => None,
        })
        .collect()
}

/// A piece of an `Fn::Sub` string.
#[derive(Debug, PartialEq, Eq)]
enum SubToken<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

fn sub_tokens(text: &str) -> Vec<SubToken<'_>> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if name.starts_with('!') {
            tokens.push(SubToken::Text(&rest[..start + 3 + end]));
        } else {
            if start > 0 {
                tokens.push(SubToken::Text(&rest[..start]));
            }
            tokens.push(SubToken::Placeholder(name.trim()));
        }
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        tokens.push(SubToken::Text(rest));
    }
    tokens
}

/// What the template says about values it cannot evaluate: which names are
/// parameters, and which parameters' defaults changed.
pub struct Context<'a> {
    /// The new template's parameters.
    pub parameters: &'a HashSet<String>,
    /// Parameters whose `Default` differs between the two templates.
    pub changed_defaults: &'a HashSet<String>,
}

/// Whether a value changes from `old` to `new`, assuming the stack's
/// parameters keep their values: certainly (two different literals), for
/// some values only (one side depends on `Fn::If`, a parameter, an import,
/// a mapping lookup or an attribute), or not at all. A value equal on both
/// sides that refers to a parameter whose default changed changes for some
/// values (those deployments that use the default).
pub fn compare(old: Option<&Value>, new: Option<&Value>, context: &Context) -> Level {
    match (old, new) {
        (None, None) => Level::Never,
        (Some(a), Some(b)) if same(a, b) => {
            let mut found = Vec::new();
            references("", b, &mut found);
            if found
                .iter()
                .any(|r| context.changed_defaults.contains(&r.target))
            {
                Level::Conditional
            } else {
                Level::Never
            }
        }
        // A value that appears or goes away changes, unless it may itself
        // be absent: `AWS::NoValue`, in some branch of an `Fn::If`.
        (None, Some(v)) | (Some(v), None) => {
            if may_be_absent(v) {
                Level::Conditional
            } else {
                Level::Always
            }
        }
        (Some(a), Some(b)) => differ(a, b, context),
    }
}

/// Two values that are not the same: how sure is it that they evaluate
/// differently?
fn differ(a: &Value, b: &Value, context: &Context) -> Level {
    match (intrinsic(a), intrinsic(b)) {
        (Some(("Fn::If", Value::Array(x))), Some(("Fn::If", Value::Array(y))))
            if x.len() == 3 && y.len() == 3 && same(&x[0], &y[0]) =>
        {
            // One condition on both sides: each branch against its twin.
            let branches = [
                compare(Some(&x[1]), Some(&y[1]), context),
                compare(Some(&x[2]), Some(&y[2]), context),
            ];
            if branches.iter().all(|l| *l == Level::Always) {
                Level::Always
            } else if branches.iter().all(|l| *l == Level::Never) {
                Level::Never
            } else {
                Level::Conditional
            }
        }
        (Some(("Ref", Value::String(x))), Some(("Ref", Value::String(y)))) => {
            let resource =
                |name: &str| !name.starts_with("AWS::") && !context.parameters.contains(name);
            // Two resources have two physical ids; a parameter may hold anything.
            if resource(x) && resource(y) {
                Level::Always
            } else {
                Level::Conditional
            }
        }
        (Some(("Fn::Sub", Value::String(x))), Some(("Fn::Sub", Value::String(y)))) => {
            // The same placeholders at the same places, with different
            // text around them, give different strings (parameters keep
            // their values).
            if shape(&sub_tokens(x)) == shape(&sub_tokens(y)) {
                Level::Always
            } else {
                Level::Conditional
            }
        }
        (Some((function, old_argument)), Some((other, new_argument)))
            if function == other
                && matches!(function, "Fn::Join" | "Fn::Base64" | "Fn::Select") =>
        {
            structural(old_argument, new_argument, context)
        }
        (None, None) => structural(a, b, context),
        _ => Level::Conditional,
    }
}

/// The shape of an `Fn::Sub` string: each piece, a placeholder's name or
/// `None` for text.
fn shape<'a>(tokens: &[SubToken<'a>]) -> Vec<Option<&'a str>> {
    tokens
        .iter()
        .map(|t| match t {
            SubToken::Placeholder(name) => Some(*name),
            SubToken::Text(_) => None,
        })
        .collect()
}

/// Two literal structures (lists, objects, scalars) that differ: certainly,
/// when some element certainly differs; for some values when an element
/// may.
fn structural(a: &Value, b: &Value, context: &Context) -> Level {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            if x.len() == y.len() {
                x.iter()
                    .zip(y)
                    .map(|(a, b)| compare(Some(a), Some(b), context))
                    .max()
                    .unwrap_or(Level::Never)
            } else if x.iter().chain(y).any(undecided) {
                // `Fn::If` with `AWS::NoValue` can drop an element.
                Level::Conditional
            } else {
                Level::Always
            }
        }
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .map(|(key, a)| compare(Some(a), y.get(key), context))
            .chain(
                y.iter()
                    .filter(|(key, _)| !x.contains_key(*key))
                    .map(|(_, b)| compare(None, Some(b), context)),
            )
            .max()
            .unwrap_or(Level::Never),
        _ if same(a, b) => Level::Never,
        _ => Level::Always,
    }
}

/// Whether a value may evaluate to no value at all: `Ref AWS::NoValue`,
/// directly or as a branch of an `Fn::If`.
fn may_be_absent(value: &Value) -> bool {
    match intrinsic(value) {
        Some(("Ref", Value::String(name))) => name == "AWS::NoValue",
        Some(("Fn::If", Value::Array(branches))) => branches.iter().skip(1).any(may_be_absent),
        _ => false,
    }
}

/// Whether a value holds something whose value the template alone does not
/// decide: a condition, a parameter, an import, a mapping lookup, an
/// attribute or a dynamic reference (`{{resolve:...}}`).
fn undecided(value: &Value) -> bool {
    match intrinsic(value) {
        Some(("Ref" | "Fn::Sub", _)) => {
            let mut found = Vec::new();
            references("", value, &mut found);
            !found.is_empty()
        }
        Some(("Fn::If" | "Fn::ImportValue" | "Fn::FindInMap" | "Fn::GetAtt", _)) => true,
        Some((_, argument)) => undecided(argument),
        None => match value {
            Value::Array(items) => items.iter().any(undecided),
            Value::Object(map) => map.values().any(undecided),
            Value::String(s) => s.contains("{{resolve:"),
            _ => false,
        },
    }
}

/// A value as a person reads it: strings bare, intrinsic functions in
/// YAML's short form (`!Ref X`, `!GetAtt X.Arn`), lists and objects
/// inline.
pub fn show(value: &Value) -> String {
    let mut out = String::new();
    write_shown(value, &mut out);
    out
}

fn write_shown(value: &Value, out: &mut String) {
    match intrinsic(value) {
        Some(("Ref", Value::String(name))) => {
            let _ = write!(out, "!Ref {name}");
        }
        Some(("Fn::GetAtt", Value::Array(parts))) if parts.len() == 2 => {
            let _ = write!(out, "!GetAtt {}.{}", show(&parts[0]), show(&parts[1]));
        }
        Some((name, argument)) => {
            let short = name.strip_prefix("Fn::").unwrap_or(name);
            let _ = write!(out, "!{short} ");
            write_shown(argument, out);
        }
        None => match value {
            Value::String(s) if s.is_empty() => out.push_str("\"\""),
            Value::String(s) => out.push_str(s),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_shown(item, out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (key, item)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "{key}: ");
                    write_shown(item, out);
                }
                out.push('}');
            }
            scalar => out.push_str(&scalar.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn level(old: &Value, new: &Value) -> Level {
        let parameters: HashSet<String> = ["Cidr".to_owned(), "Env".to_owned()].into();
        let changed_defaults: HashSet<String> = ["Env".to_owned()].into();
        let context = Context {
            parameters: &parameters,
            changed_defaults: &changed_defaults,
        };
        compare(Some(old), Some(new), &context)
    }

    #[test]
    fn yaml_and_json_spellings_are_the_same() {
        assert!(same(
            &json!({"a": 80, "b": true}),
            &json!({"b": "true", "a": "80"})
        ));
        assert!(!same(&json!([1, 2]), &json!([2, 1])));
        assert_eq!(
            canonical(&json!({"b": 1, "a": "1"})),
            canonical(&json!({"a": 1, "b": "1"}))
        );
    }

    #[test]
    fn changed_paths_go_down_to_the_leaves_but_not_into_functions() {
        let mut out = Vec::new();
        changes(
            "Properties",
            Some(
                &json!({"Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}], "V": {"Ref": "A"}, "Gone": 1}),
            ),
            Some(
                &json!({"Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "3"}], "V": {"Ref": "B"}}),
            ),
            &mut out,
        );
        let paths: Vec<&str> = out.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "Properties.Tags[1].Value",
                "Properties.V",
                "Properties.Gone"
            ]
        );
        assert_eq!(out[2].new, None);
    }

    #[test]
    fn references_of_every_kind() {
        let mut out = Vec::new();
        references(
            "P",
            &json!([{"Ref": "A"}, {"Fn::GetAtt": ["B", "Arn"]}, {"Fn::Sub": "${C.Arn}/${AWS::Region}/${!D}/${E}"},
                    {"Fn::Sub": ["${x}-${F}", {"x": {"Ref": "G"}}]}, {"Fn::If": ["Cond", {"Ref": "H"}, "no"]}]),
            &mut out,
        );
        let found: Vec<(&str, &str, bool)> = out
            .iter()
            .map(|r| (r.path.as_str(), r.target.as_str(), r.conditional))
            .collect();
        assert_eq!(
            found,
            [
                ("P[0]", "A", false),
                ("P[1]", "B", false),
                ("P[2]", "C", false),
                ("P[2]", "E", false),
                ("P[3]", "F", false),
                ("P[3]", "G", false),
                ("P[4]", "H", true),
            ]
        );
    }

    #[test]
    fn certain_and_uncertain_changes() {
        assert_eq!(
            level(&json!("10.0.0.0/24"), &json!("10.0.1.0/24")),
            Level::Always
        );
        assert_eq!(level(&json!(80), &json!("80")), Level::Never);
        // A parameter may hold the old literal.
        assert_eq!(
            level(&json!("10.0.0.0/24"), &json!({"Ref": "Cidr"})),
            Level::Conditional
        );
        // Two resources are two physical ids.
        assert_eq!(
            level(&json!({"Ref": "A"}), &json!({"Ref": "B"})),
            Level::Always
        );
        assert_eq!(
            level(&json!({"Ref": "A"}), &json!({"Ref": "Cidr"})),
            Level::Conditional
        );
        // Same placeholders, different text.
        assert_eq!(
            level(
                &json!({"Fn::Sub": "${AWS::Region}a"}),
                &json!({"Fn::Sub": "${AWS::Region}b"})
            ),
            Level::Always
        );
        assert_eq!(
            level(
                &json!({"Fn::Sub": "${Cidr}a"}),
                &json!({"Fn::Sub": "a${Cidr}"})
            ),
            Level::Conditional
        );
        // One branch of the same condition changes.
        assert_eq!(
            level(
                &json!({"Fn::If": ["Prod", "a", "b"]}),
                &json!({"Fn::If": ["Prod", "a", "c"]})
            ),
            Level::Conditional
        );
        assert_eq!(
            level(
                &json!({"Fn::If": ["Prod", "a", "b"]}),
                &json!({"Fn::If": ["Prod", "x", "y"]})
            ),
            Level::Always
        );
        assert_eq!(
            level(&json!("a"), &json!({"Fn::If": ["Prod", "a", "b"]})),
            Level::Conditional
        );
        // Unchanged, but the parameter's default changed.
        assert_eq!(
            level(&json!({"Ref": "Env"}), &json!({"Ref": "Env"})),
            Level::Conditional
        );
        assert_eq!(
            level(&json!({"Ref": "Cidr"}), &json!({"Ref": "Cidr"})),
            Level::Never
        );
        assert_eq!(level(&json!(["a", "b"]), &json!(["a", "c"])), Level::Always);
        assert_eq!(
            level(&json!(["a"]), &json!(["a", {"Ref": "Cidr"}])),
            Level::Conditional
        );
    }

    #[test]
    fn values_are_shown_in_short_form() {
        assert_eq!(
            show(
                &json!([{"Ref": "A"}, {"Fn::GetAtt": ["B", "Arn"]}, {"Fn::Sub": "x"}, "", {"K": 1}])
            ),
            r#"[!Ref A, !GetAtt B.Arn, !Sub x, "", {K: 1}]"#
        );
    }
}
