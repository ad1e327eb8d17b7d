//! The template model: parameters, resources and outputs in author order.

use std::borrow::Cow;

use indexmap::IndexMap;

use crate::value::{Map, Value};

/// The template format version every ecsnet template declares.
pub const FORMAT_VERSION: &str = "2010-09-09";

/// A CloudFormation template.
///
/// Every section is an [`IndexMap`], so entries come out in the order the
/// stack declares them and the same stack always gives the same bytes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Template {
    /// The template's `Description`.
    pub description: Option<Cow<'static, str>>,
    /// Template-level `Metadata`.
    pub metadata: Map,
    /// `Parameters`, by logical id.
    pub parameters: IndexMap<Cow<'static, str>, Parameter>,
    /// `Rules`, by rule name: each a `RuleCondition` and `Assertions`.
    pub rules: Map,
    /// `Mappings`, by map name.
    pub mappings: Map,
    /// `Conditions`, by condition name.
    pub conditions: Map,
    /// `Transform`: the macros CloudFormation runs on the template, in
    /// order; one is written as a string, several as a list.
    pub transform: Vec<Cow<'static, str>>,
    /// `Resources`, by logical id.
    pub resources: IndexMap<Cow<'static, str>, Resource>,
    /// `Outputs`, by logical id.
    pub outputs: IndexMap<Cow<'static, str>, Output>,
}

/// A template parameter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameter {
    /// The parameter type, such as `String`, `Number` or `List<AWS::EC2::Subnet::Id>`.
    pub ty: Cow<'static, str>,
    /// `Description`.
    pub description: Option<Cow<'static, str>>,
    /// `Default`.
    pub default: Option<Value>,
    /// `AllowedValues`.
    pub allowed_values: Vec<Value>,
    /// `AllowedPattern`.
    pub allowed_pattern: Option<Cow<'static, str>>,
    /// `ConstraintDescription`.
    pub constraint_description: Option<Cow<'static, str>>,
    /// `MinLength`.
    pub min_length: Option<i64>,
    /// `MaxLength`.
    pub max_length: Option<i64>,
    /// `MinValue`.
    pub min_value: Option<Value>,
    /// `MaxValue`.
    pub max_value: Option<Value>,
    /// `NoEcho`.
    pub no_echo: bool,
}

/// What CloudFormation does with a resource when it is deleted or replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeletionPolicy {
    /// `Delete`: the default for most resources.
    Delete,
    /// `Retain`: keep the physical resource.
    Retain,
    /// `RetainExceptOnCreate`: keep it, unless the stack's creation failed.
    RetainExceptOnCreate,
    /// `Snapshot`: snapshot it, then delete it.
    Snapshot,
}

impl DeletionPolicy {
    /// The policy's name in a template.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DeletionPolicy::Delete => "Delete",
            DeletionPolicy::Retain => "Retain",
            DeletionPolicy::RetainExceptOnCreate => "RetainExceptOnCreate",
            DeletionPolicy::Snapshot => "Snapshot",
        }
    }
}

/// A template resource: its type, its properties and its resource attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// `Type`, such as `AWS::EC2::Subnet`.
    pub ty: Cow<'static, str>,
    /// `DependsOn`: logical ids of resources created first.
    pub depends_on: Vec<Cow<'static, str>>,
    /// `Condition`: the name of the condition that decides whether it is created.
    pub condition: Option<Cow<'static, str>>,
    /// `Version`: an attribute only custom resources take, passed to their
    /// provider as written.
    pub version: Option<Value>,
    /// `Metadata`.
    pub metadata: Map,
    /// `CreationPolicy`.
    pub creation_policy: Option<Value>,
    /// `UpdatePolicy`.
    pub update_policy: Option<Value>,
    /// `DeletionPolicy`.
    pub deletion_policy: Option<DeletionPolicy>,
    /// `UpdateReplacePolicy`.
    pub update_replace_policy: Option<DeletionPolicy>,
    /// `Properties`, in declaration order.
    pub properties: Map,
}

impl Resource {
    /// A resource of the given type with no properties or attributes.
    #[must_use]
    pub fn new(ty: impl Into<Cow<'static, str>>) -> Resource {
        Resource {
            ty: ty.into(),
            depends_on: Vec::new(),
            condition: None,
            version: None,
            metadata: Map::new(),
            creation_policy: None,
            update_policy: None,
            deletion_policy: None,
            update_replace_policy: None,
            properties: Map::new(),
        }
    }
}

/// A template output.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// `Value`.
    pub value: Value,
    /// `Description`.
    pub description: Option<Cow<'static, str>>,
    /// `Export.Name`: the name other stacks import it by.
    pub export: Option<Value>,
    /// `Condition`.
    pub condition: Option<Cow<'static, str>>,
}

impl Template {
    /// An empty template.
    #[must_use]
    pub fn new() -> Template {
        Template::default()
    }

    /// The template as a plain [`Value`] tree in CloudFormation's layout,
    /// with every section in declaration order and empty sections left out.
    /// Sections come in the order of the template anatomy: format version,
    /// `Description`, `Metadata`, `Parameters`, `Rules`, `Mappings`,
    /// `Conditions`, `Transform`, `Resources`, `Outputs`.
    #[must_use]
    pub fn to_value(&self) -> Value {
        let mut root = Map::new();
        root.insert("AWSTemplateFormatVersion".into(), FORMAT_VERSION.into());
        if let Some(description) = &self.description {
            root.insert("Description".into(), Value::String(description.clone()));
        }
        insert_map(&mut root, "Metadata", &self.metadata);
        let parameters: Map = self
            .parameters
            .iter()
            .map(|(id, p)| (id.clone(), p.to_value()))
            .collect();
        insert_map(&mut root, "Parameters", &parameters);
        insert_map(&mut root, "Rules", &self.rules);
        insert_map(&mut root, "Mappings", &self.mappings);
        insert_map(&mut root, "Conditions", &self.conditions);
        match self.transform.as_slice() {
            [] => {}
            [one] => {
                root.insert("Transform".into(), Value::String(one.clone()));
            }
            several => {
                let names = several.iter().cloned().map(Value::String).collect();
                root.insert("Transform".into(), Value::List(names));
            }
        }
        let resources: Map = self
            .resources
            .iter()
            .map(|(id, r)| (id.clone(), r.to_value()))
            .collect();
        insert_map(&mut root, "Resources", &resources);
        let outputs: Map = self
            .outputs
            .iter()
            .map(|(id, o)| (id.clone(), o.to_value()))
            .collect();
        insert_map(&mut root, "Outputs", &outputs);
        Value::Object(root)
    }
}

impl Parameter {
    fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("Type".into(), Value::String(self.ty.clone()));
        insert_str(&mut map, "Description", self.description.as_ref());
        insert(&mut map, "Default", self.default.as_ref());
        if !self.allowed_values.is_empty() {
            map.insert(
                "AllowedValues".into(),
                Value::List(self.allowed_values.clone()),
            );
        }
        insert_str(&mut map, "AllowedPattern", self.allowed_pattern.as_ref());
        insert_str(
            &mut map,
            "ConstraintDescription",
            self.constraint_description.as_ref(),
        );
        insert(
            &mut map,
            "MinLength",
            self.min_length.map(Value::Int).as_ref(),
        );
        insert(
            &mut map,
            "MaxLength",
            self.max_length.map(Value::Int).as_ref(),
        );
        insert(&mut map, "MinValue", self.min_value.as_ref());
        insert(&mut map, "MaxValue", self.max_value.as_ref());
        if self.no_echo {
            map.insert("NoEcho".into(), Value::Bool(true));
        }
        Value::Object(map)
    }
}

impl Resource {
    fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("Type".into(), Value::String(self.ty.clone()));
        if !self.depends_on.is_empty() {
            let ids = self.depends_on.iter().cloned().map(Value::String).collect();
            map.insert("DependsOn".into(), Value::List(ids));
        }
        insert_str(&mut map, "Condition", self.condition.as_ref());
        insert(&mut map, "Version", self.version.as_ref());
        insert_map(&mut map, "Metadata", &self.metadata);
        insert(&mut map, "CreationPolicy", self.creation_policy.as_ref());
        insert(&mut map, "UpdatePolicy", self.update_policy.as_ref());
        let policy = |p: Option<DeletionPolicy>| p.map(|p| Value::from(p.as_str()));
        insert(
            &mut map,
            "DeletionPolicy",
            policy(self.deletion_policy).as_ref(),
        );
        insert(
            &mut map,
            "UpdateReplacePolicy",
            policy(self.update_replace_policy).as_ref(),
        );
        insert_map(&mut map, "Properties", &self.properties);
        Value::Object(map)
    }
}

impl Output {
    fn to_value(&self) -> Value {
        let mut map = Map::new();
        insert_str(&mut map, "Description", self.description.as_ref());
        map.insert("Value".into(), self.value.clone());
        if let Some(name) = &self.export {
            map.insert("Export".into(), Value::object([("Name", name.clone())]));
        }
        insert_str(&mut map, "Condition", self.condition.as_ref());
        Value::Object(map)
    }
}

fn insert(map: &mut Map, key: &'static str, value: Option<&Value>) {
    if let Some(value) = value {
        map.insert(key.into(), value.clone());
    }
}

fn insert_str(map: &mut Map, key: &'static str, value: Option<&Cow<'static, str>>) {
    if let Some(value) = value {
        map.insert(key.into(), Value::String(value.clone()));
    }
}

fn insert_map(map: &mut Map, key: &'static str, section: &Map) {
    if !section.is_empty() {
        map.insert(key.into(), Value::Object(section.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(template: &Template) -> Vec<String> {
        match template.to_value() {
            Value::Object(root) => root.keys().map(ToString::to_string).collect(),
            _ => unreachable!("a template is an object"),
        }
    }

    #[test]
    fn sections_come_in_the_order_of_the_template_anatomy() {
        let mut template = Template::new();
        template.outputs.insert(
            "Out".into(),
            Output {
                value: "x".into(),
                description: None,
                export: None,
                condition: None,
            },
        );
        template
            .resources
            .insert("Topic".into(), Resource::new("AWS::SNS::Topic"));
        template.transform = vec!["AWS::LanguageExtensions".into()];
        template.conditions.insert("C".into(), Value::Bool(true));
        template.mappings.insert("M".into(), Value::Bool(true));
        template.rules.insert("R".into(), Value::Bool(true));
        template.parameters.insert("P".into(), Parameter::default());
        template.metadata.insert("K".into(), "v".into());
        template.description = Some("d".into());
        assert_eq!(
            keys(&template),
            [
                "AWSTemplateFormatVersion",
                "Description",
                "Metadata",
                "Parameters",
                "Rules",
                "Mappings",
                "Conditions",
                "Transform",
                "Resources",
                "Outputs"
            ]
        );
    }

    #[test]
    fn one_transform_is_a_string_and_several_a_list() {
        let mut template = Template::new();
        template.transform = vec!["AWS::Serverless-2016-10-31".into()];
        let json = template.to_json();
        assert!(
            json.contains(r#""Transform":"AWS::Serverless-2016-10-31""#),
            "{json}"
        );
        template
            .transform
            .insert(0, "AWS::LanguageExtensions".into());
        let json = template.to_json();
        assert!(
            json.contains(
                r#""Transform":["AWS::LanguageExtensions","AWS::Serverless-2016-10-31"]"#
            ),
            "{json}"
        );
        let yaml = template.to_yaml();
        assert!(
            yaml.contains(
                "Transform:\n  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\n"
            ),
            "{yaml}"
        );
    }
}
