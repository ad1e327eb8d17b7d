//! Template values to values of the stack language: intrinsic functions to
//! `Name`, `Name.Attribute`, `sub!(…)`, `select(…)`, `if_(…)`,
//! `find_in_map(…)`, …; property names to the `snake_case` identifiers of
//! `ecsnet-schema`, following the property's shape through nested structs,
//! lists, maps and unions; free-form JSON with its keys as string literals.
//!
//! What the stack language does not have (`Fn::ForEach`, in-template
//! transforms, what CloudFormation does not document) is kept as written
//! and recorded as a [`Feature`]: the caller writes a comment above the
//! entry and a warning on standard error.

use ecsnet_schema::{Property, Shape, Struct};
use serde_json::{Map, Value};

use super::render::{self, Entry, Out};

/// Key of the placeholder object that stands for a `#[repeat]` loop
/// variable in a resource's template (see `repeat.rs`).
pub const LOOP_VARIABLE: &str = "\u{0}loop";

/// A template feature the stack language does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Feature {
    /// `Fn::ForEach` (`AWS::LanguageExtensions`).
    ForEach,
    /// `Fn::Transform` and `AWS::Include` (the `Transform` section itself is
    /// a `#[stack]` option).
    Transform,
    /// A section, attribute or function CloudFormation does not document,
    /// such as the keys a custom macro (`Transform`) consumes.
    Unknown,
}

impl Feature {
    /// What the comment and the warning say.
    pub fn describe(self) -> &'static str {
        match self {
            Feature::ForEach => "`Fn::ForEach` (`AWS::LanguageExtensions`), kept as written",
            Feature::Transform => {
                "in-template transforms (`Fn::Transform`, `AWS::Include`), kept as unchecked values"
            }
            Feature::Unknown => "parts CloudFormation does not document, kept as written",
        }
    }

    /// The comment written above what uses the feature.
    pub fn comment(self) -> String {
        format!(
            "ecsnet import: not in the stack language yet: {}",
            self.describe()
        )
    }
}

/// Where a value is: what its keys are.
#[derive(Clone, Copy)]
pub enum Keys {
    /// A property of this shape.
    Shape(&'static Shape),
    /// Free-form JSON: keys verbatim.
    Free,
}

/// Converts values, recording the features they use.
#[derive(Default)]
pub struct Converter {
    /// Every feature used, for the warnings.
    pub features: Vec<Feature>,
    /// Features used that no comment names yet.
    pending: Vec<Feature>,
    /// Inside the `Rules` section, whose functions (`Fn::Equals`,
    /// `Fn::Contains`, …) the stack language writes as JSON keys.
    pub in_rules: bool,
}

impl Converter {
    /// Records a feature for the warnings and for the next comment.
    pub fn note(&mut self, feature: Feature) {
        if !self.features.contains(&feature) {
            self.features.push(feature);
        }
        if !self.pending.contains(&feature) {
            self.pending.push(feature);
        }
    }

    /// Takes the features used since the last call that no comment inside
    /// the value names: the caller writes their comment.
    pub fn take(&mut self) -> Vec<Feature> {
        std::mem::take(&mut self.pending)
    }

    /// The entries of an object whose keys are the properties of a
    /// struct (or of a resource type), each with the comments of the
    /// features its value uses. `verbatim` keeps unknown keys as written
    /// and silently (custom resources, `extern` types).
    pub fn properties(
        &mut self,
        object: &Map<String, Value>,
        properties: &'static [Property],
        verbatim: bool,
    ) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (name, value) in object {
            let outer = self.take();
            // An unknown property stays as written: for a custom resource
            // or an `extern` type (`verbatim`) it passes through, otherwise
            // the compiler names it, with the closest property.
            let (key, converted) =
                if let Some(property) = properties.iter().find(|p| p.name == *name) {
                    (
                        render::ident(property.ident),
                        self.value(value, Keys::Shape(&property.shape)),
                    )
                } else {
                    let _ = verbatim;
                    (render::string(name), self.value(value, Keys::Free))
                };
            entries.push(self.entry(key, converted));
            self.pending = outer;
        }
        entries
    }

    /// An entry with the comments of the features its value used and no
    /// entry inside it names.
    fn entry(&mut self, key: String, value: Out) -> Entry {
        let comments = self.take().iter().map(|f| f.comment()).collect();
        Entry {
            comments,
            key,
            value,
        }
    }

    /// Free-form entries: keys as string literals.
    pub fn free_entries(&mut self, object: &Map<String, Value>, inner: Keys) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (name, value) in object {
            let outer = self.take();
            let converted = self.value(value, inner);
            entries.push(self.entry(render::string(name), converted));
            self.pending = outer;
        }
        entries
    }

    /// One value of the given shape.
    pub fn value(&mut self, value: &Value, keys: Keys) -> Out {
        match value {
            Value::Null => Out::Atom("null".to_owned()),
            Value::Bool(b) => Out::Atom(b.to_string()),
            Value::Number(n) => Out::Atom(number(n)),
            Value::String(s) => Out::Atom(render::string(s)),
            Value::Array(items) => {
                let inner = match keys {
                    Keys::Shape(shape) => element_shape(shape),
                    Keys::Free => Keys::Free,
                };
                Out::List(items.iter().map(|item| self.value(item, inner)).collect())
            }
            Value::Object(object) => {
                if object.len() == 1
                    && let Some((name, argument)) = object.iter().next()
                {
                    if name == LOOP_VARIABLE
                        && let Value::String(variable) = argument
                    {
                        return Out::Atom(variable.clone());
                    }
                    if name == "Ref" || name.starts_with("Fn::") {
                        return self.intrinsic(name, argument, keys);
                    }
                }
                match keys {
                    Keys::Free => Out::Object(self.free_entries(object, Keys::Free)),
                    Keys::Shape(shape) => self.object(object, shape),
                }
            }
        }
    }

    /// An object where a property of `shape` belongs.
    fn object(&mut self, object: &Map<String, Value>, shape: &'static Shape) -> Out {
        match shape {
            Shape::Struct(structure) => {
                Out::Object(self.properties(object, structure.properties(), false))
            }
            Shape::Map(inner) => Out::Object(self.free_entries(object, Keys::Shape(inner))),
            Shape::Union(members) => match union_member(object, members) {
                Some(member) => self.object(object, member),
                None => Out::Object(self.free_entries(object, Keys::Free)),
            },
            _ => Out::Object(self.free_entries(object, Keys::Free)),
        }
    }

    /// `{"Ref": …}`, `{"Fn::…": …}`.
    fn intrinsic(&mut self, name: &str, argument: &Value, keys: Keys) -> Out {
        let free = Keys::Free;
        let converted = match (name, argument) {
            ("Ref", Value::String(target)) => Some(Out::Atom(reference(target))),
            ("Fn::GetAtt", _) => Self::get_att(argument),
            ("Fn::Sub", _) => self.sub(argument),
            ("Fn::Join", Value::Array(args)) if args.len() == 2 => {
                Some(self.call("join", args, free))
            }
            ("Fn::Select", Value::Array(args)) if args.len() == 2 => {
                Some(self.call("select", args, free))
            }
            ("Fn::Split", Value::Array(args)) if args.len() == 2 => {
                Some(self.call("split", args, free))
            }
            ("Fn::Cidr", Value::Array(args)) if args.len() == 3 => {
                Some(self.call("cidr", args, free))
            }
            ("Fn::Base64", _) => Some(self.call("base64", std::slice::from_ref(argument), free)),
            ("Fn::ImportValue", _) => {
                Some(self.call("import_value", std::slice::from_ref(argument), free))
            }
            ("Fn::GetAZs", Value::String(region)) if region.is_empty() => {
                Some(Out::Call("get_azs".to_owned(), Vec::new()))
            }
            ("Fn::GetAZs", _) => Some(self.call("get_azs", std::slice::from_ref(argument), free)),
            ("Fn::If", Value::Array(args)) if args.len() == 3 => self.fn_if(args, keys),
            ("Fn::Equals" | "Fn::Not" | "Fn::And" | "Fn::Or", _) if self.in_rules => None,
            ("Fn::Equals" | "Fn::Not" | "Fn::And" | "Fn::Or", Value::Array(args)) => {
                Some(self.condition_function(name, args))
            }
            ("Fn::FindInMap", Value::Array(args)) if (3..=4).contains(&args.len()) => {
                Some(self.find_in_map(args))
            }
            ("Fn::Length" | "Fn::ToJsonString", _) => Some(self.language_extension(name, argument)),
            _ => None,
        };
        converted.unwrap_or_else(|| self.verbatim_function(name, argument))
    }

    fn call(&mut self, name: &str, args: &[Value], keys: Keys) -> Out {
        Out::Call(
            name.to_owned(),
            args.iter().map(|a| self.value(a, keys)).collect(),
        )
    }

    /// `Name.Attribute` (`Name.Nested.Attribute`), when every part is an
    /// identifier.
    fn get_att(argument: &Value) -> Option<Out> {
        let (resource, attribute) = match argument {
            Value::Array(args) if args.len() == 2 => match (&args[0], &args[1]) {
                (Value::String(r), Value::String(a)) => (r.as_str(), a.as_str()),
                _ => return None,
            },
            Value::String(path) => path.split_once('.')?,
            _ => return None,
        };
        if !attribute.split('.').all(render::is_ident) {
            return None;
        }
        Some(Out::Atom(format!("{}.{attribute}", reference(resource))))
    }

    /// `sub!("…")` and `sub!("…", { Var: value })`.
    fn sub(&mut self, argument: &Value) -> Option<Out> {
        match argument {
            Value::String(template) => Some(Out::Call(
                "sub!".to_owned(),
                vec![Out::Atom(render::string(template))],
            )),
            Value::Array(args) if args.len() == 2 => {
                let (Value::String(template), Value::Object(variables)) = (&args[0], &args[1])
                else {
                    return None;
                };
                let mut entries = Vec::new();
                for (name, value) in variables {
                    let key = if render::is_ident(name) {
                        render::ident(name)
                    } else {
                        render::string(name)
                    };
                    let value = self.value(value, Keys::Free);
                    entries.push(Entry {
                        comments: Vec::new(),
                        key,
                        value,
                    });
                }
                Some(Out::Call(
                    "sub!".to_owned(),
                    vec![Out::Atom(render::string(template)), Out::Object(entries)],
                ))
            }
            _ => None,
        }
    }

    /// `Fn::If`: `if_(Condition, then, else)`, the condition by its name.
    fn fn_if(&mut self, args: &[Value], keys: Keys) -> Option<Out> {
        let Value::String(condition) = &args[0] else {
            return None;
        };
        Some(Out::Call(
            "if_".to_owned(),
            vec![
                Out::Atom(reference(condition)),
                self.value(&args[1], keys),
                self.value(&args[2], keys),
            ],
        ))
    }

    /// `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`: `equals(a, b)`, whose
    /// arguments are values, and `not(…)`, `and(…)`, `or(…)`, whose
    /// arguments are conditions.
    pub fn condition_function(&mut self, name: &str, args: &[Value]) -> Out {
        let function = name.trim_start_matches("Fn::").to_ascii_lowercase();
        let args = if function == "equals" {
            args.iter().map(|a| self.value(a, Keys::Free)).collect()
        } else {
            args.iter().map(|a| self.condition(a)).collect()
        };
        Out::Call(function, args)
    }

    /// A condition expression (a condition of the `Conditions` section, an
    /// argument of `and`, `or`, `not`): `{"Condition": "Name"}` is the
    /// other condition's bare name.
    pub fn condition(&mut self, value: &Value) -> Out {
        if let Value::Object(object) = value
            && object.len() == 1
            && let Some(Value::String(name)) = object.get("Condition")
        {
            return Out::Atom(reference(name));
        }
        self.value(value, Keys::Free)
    }

    /// `Fn::FindInMap`: `find_in_map(Map, key, key)`, the map by its name;
    /// the language extensions' `{"DefaultValue": v}` is a fourth argument
    /// `{ default_value: v }`.
    fn find_in_map(&mut self, args: &[Value]) -> Out {
        let mut out = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            out.push(match (i, arg) {
                (0, Value::String(map)) if render::is_ident(map) => Out::Atom(render::ident(map)),
                (3, Value::Object(options))
                    if options.len() == 1 && options.contains_key("DefaultValue") =>
                {
                    let value = self.value(&options["DefaultValue"], Keys::Free);
                    Out::Object(vec![Entry {
                        comments: Vec::new(),
                        key: "default_value".to_owned(),
                        value,
                    }])
                }
                _ => self.value(arg, Keys::Free),
            });
        }
        Out::Call("find_in_map".to_owned(), out)
    }

    /// `Fn::Length` and `Fn::ToJsonString`: `length(…)` and
    /// `to_json_string(…)`.
    fn language_extension(&mut self, name: &str, argument: &Value) -> Out {
        let function = if name == "Fn::Length" {
            "length"
        } else {
            "to_json_string"
        };
        self.call(function, std::slice::from_ref(argument), Keys::Free)
    }

    /// Any other function (`Fn::Transform`, a malformed call), kept as
    /// written: `{ "Fn::Transform": … }`, an unchecked value.
    fn verbatim_function(&mut self, name: &str, argument: &Value) -> Out {
        // The rule functions are the language's own inside `rules = { … }`.
        if !(self.in_rules && ecsnet_schema::rules::RULE_FUNCTIONS.contains(&name)) {
            self.note(if name == "Fn::Transform" {
                Feature::Transform
            } else if name.starts_with("Fn::ForEach::") {
                Feature::ForEach
            } else {
                Feature::Unknown
            });
        }
        let value = self.value(argument, Keys::Free);
        Out::Object(vec![Entry {
            comments: Vec::new(),
            key: render::string(name),
            value,
        }])
    }
}

/// A `Ref` target as written in the stack: a pseudo parameter as is, a
/// logical id as an identifier (raw for a keyword), a repeated
/// declaration's instance (`Name[var]`) as is.
pub fn reference(target: &str) -> String {
    if target.starts_with("AWS::") || target.contains('[') {
        target.to_owned()
    } else if render::is_ident(target) {
        render::ident(target)
    } else {
        render::string(target)
    }
}

/// A number as the stack language writes it.
fn number(n: &serde_json::Number) -> String {
    if n.is_f64() {
        let f = n.as_f64().unwrap_or_default();
        let text = format!("{f:?}");
        if text.contains(['.', 'e', 'E']) || text.contains("inf") || text.contains("NaN") {
            text
        } else {
            format!("{text}.0")
        }
    } else {
        n.to_string()
    }
}

/// What the elements of a list of `shape` are.
fn element_shape(shape: &'static Shape) -> Keys {
    match shape {
        Shape::List(inner) => Keys::Shape(inner),
        Shape::Union(members) => members
            .iter()
            .find_map(|m| match m {
                Shape::List(inner) => Some(Keys::Shape(inner)),
                _ => None,
            })
            .unwrap_or(Keys::Free),
        _ => Keys::Free,
    }
}

/// The member of a union an object is: the first struct that has all its
/// keys, or else a map or free-form member.
fn union_member(object: &Map<String, Value>, members: &'static [Shape]) -> Option<&'static Shape> {
    let fits = |s: &Struct| object.keys().all(|k| s.property(k).is_some());
    members
        .iter()
        .find(|m| matches!(m, Shape::Struct(s) if fits(s)))
        .or_else(|| {
            members
                .iter()
                .find(|m| matches!(m, Shape::Map(_) | Shape::Json))
        })
        .or_else(|| members.iter().find(|m| matches!(m, Shape::Struct(_))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(value: &Value, type_name: &str) -> (String, Vec<Feature>) {
        let resource = ecsnet_schema::resource_type(type_name).unwrap();
        let mut converter = Converter::default();
        let entries = converter.properties(value.as_object().unwrap(), resource.properties, false);
        let mut out = String::new();
        render::write_entries(&mut out, &entries, 0);
        (out, converter.features)
    }

    #[test]
    fn nested_properties_take_the_schema_identifiers() {
        let (out, features) = render(
            &json!({
                "NetworkMode": "awsvpc",
                "ContainerDefinitions": [{
                    "Name": "web",
                    "PortMappings": [{"ContainerPort": 80}],
                    "LogConfiguration": {"LogDriver": "awslogs", "Options": {"awslogs-group": {"Ref": "Logs"}}},
                }],
                "Cpu": "256",
            }),
            "AWS::ECS::TaskDefinition",
        );
        assert!(features.is_empty());
        assert_eq!(
            out,
            r#"network_mode: "awsvpc",
container_definitions: [
    {
        name: "web",
        port_mappings: [{ container_port: 80 }],
        log_configuration: { log_driver: "awslogs", options: { "awslogs-group": Logs } },
    },
],
cpu: "256",
"#
        );
    }

    #[test]
    fn free_form_json_keeps_its_keys_and_converts_functions() {
        let (out, _) = render(
            &json!({
                "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Resource": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}"}}]},
                "ManagedPolicyArns": [{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/X"]]}],
            }),
            "AWS::IAM::Role",
        );
        assert!(out.contains(r#""Statement": ["#), "{out}");
        assert!(
            out.contains(r#""Resource": sub!("arn:${AWS::Partition}:s3:::${Bucket}")"#),
            "{out}"
        );
        assert!(
            out.contains(r#"join("", ["arn:", AWS::Partition, ":iam::aws:policy/X"])"#),
            "{out}"
        );
    }

    #[test]
    fn conditions_mappings_and_language_extensions_are_the_language_functions() {
        let (out, features) = render(
            &json!({
                "BucketName": {"Fn::If": ["IsProd", {"Fn::FindInMap": ["Names", {"Ref": "AWS::Region"}, "Bucket"]}, {"Ref": "AWS::NoValue"}]},
                "Tags": [
                    {"Key": "a", "Value": {"Fn::GetAtt": ["Queue", "Arn"]}},
                    {"Key": "b", "Value": {"Fn::FindInMap": ["Names", "x", {"Ref": "Env"}, {"DefaultValue": {"Fn::Sub": "${Env}-y"}}]}},
                    {"Key": "c", "Value": {"Fn::ToJsonString": {"k": [1]}}},
                    {"Key": "d", "Value": {"Fn::Length": {"Ref": "Names"}}},
                ],
            }),
            "AWS::S3::Bucket",
        );
        assert!(features.is_empty(), "{features:?}");
        assert_eq!(
            out,
            r#"bucket_name: if_(IsProd, find_in_map(Names, AWS::Region, "Bucket"), AWS::NoValue),
tags: [
    { key: "a", value: Queue.Arn },
    { key: "b", value: find_in_map(Names, "x", Env, { default_value: sub!("${Env}-y") }) },
    { key: "c", value: to_json_string({ "k": [1] }) },
    { key: "d", value: length(Names) },
],
"#
        );
    }

    #[test]
    fn a_condition_names_other_conditions_bare_and_compares_values() {
        let mut converter = Converter::default();
        let condition = json!({"Fn::And": [
            {"Condition": "IsProd"},
            {"Fn::Not": [{"Fn::Equals": [{"Ref": "AWS::Region"}, {"Fn::FindInMap": ["M", "a", "b"]}]}]},
            {"Fn::Or": [{"Condition": "A"}, {"Fn::Equals": ["x", {"Ref": "Env"}]}]},
        ]});
        assert_eq!(
            converter.condition(&condition).render(0, 0),
            r#"and(IsProd, not(equals(AWS::Region, find_in_map(M, "a", "b"))), or(A, equals("x", Env)))"#
        );
        assert_eq!(
            converter
                .condition(&json!({"Condition": "IsProd"}))
                .render(0, 0),
            "IsProd"
        );
        assert!(converter.features.is_empty());
    }

    #[test]
    fn transforms_and_undocumented_functions_stay_marked() {
        let (out, features) = render(
            &json!({
                "BucketName": {"Fn::Transform": {"Name": "Upper", "Parameters": {"Text": "a"}}},
                "Tags": [{"Key": "a", "Value": {"Fn::Rain::Embed": "x.txt"}}],
            }),
            "AWS::S3::Bucket",
        );
        assert_eq!(features, [Feature::Transform, Feature::Unknown]);
        assert!(
            out.starts_with(
                "// ecsnet import: not in the stack language yet: in-template transforms"
            ),
            "{out}"
        );
        assert!(
            out.contains("// ecsnet import: not in the stack language yet: parts CloudFormation does not document"),
            "{out}"
        );
        assert!(!out.contains("conditions"), "{out}");
    }
}
