//! The stack as the checker sees it: every declaration and every value,
//! each node keeping the span of the user's tokens it came from.

use proc_macro2::{Span, TokenStream};
use syn::{Ident, LitStr};

use crate::schema::ResourceType;

/// A `#[stack]` module after parsing.
#[derive(Clone)]
pub struct Stack {
    /// `description = "…"` from the attribute, or the module's doc comment.
    pub description: Option<LitStr>,
    /// `transform = "…"` or `transform = ["…", …]`: the template's
    /// `Transform`, in order.
    pub transform: Vec<LitStr>,
    /// `metadata = { … }`: the template's `Metadata`, free-form JSON.
    pub metadata: Option<Object>,
    /// `rules = { … }`: the template's `Rules`, free-form JSON.
    pub rules: Option<Object>,
    /// The path that generated code uses for the facade crate (`::ecsnet`).
    pub crate_path: syn::Path,
    /// The module's name.
    pub ident: Ident,
    /// Parameters, resources and outputs in declaration order.
    pub declarations: Vec<Declaration>,
}

/// One declaration of the stack: the unit struct the user wrote and what
/// its ecsnet attribute says.
#[derive(Clone)]
pub struct Declaration {
    /// The logical id: the struct's name without any `r#` prefix.
    pub ident: Ident,
    /// The struct's name as the generated Rust names it (`r#type` stays raw).
    pub rust_ident: Ident,
    /// The doc comment, joined into one string, if any.
    pub docs: Option<String>,
    /// What is declared.
    pub kind: DeclarationKind,
    /// Set on a copy of another stack's declaration, which an app gives a
    /// stack that refers to it: checked with this stack, never emitted.
    pub foreign: Option<Foreign>,
}

/// Where a copied declaration comes from (`#[foreign(…)]`, written by
/// `#[app]`).
#[derive(Clone)]
pub struct Foreign {
    /// The module of the stack that declares it, `network`.
    pub module: String,
    /// That stack's CloudFormation stack name, `todobackend-network`, the
    /// start of its export names.
    pub stack_name: String,
}

/// The kinds of declarations.
#[allow(
    clippy::large_enum_variant,
    reason = "a stack holds at most 900 declarations"
)]
#[derive(Clone)]
pub enum DeclarationKind {
    /// `#[parameter(…)]`.
    Parameter(Parameter),
    /// `#[resource(…)]`.
    Resource(Resource),
    /// `#[output(…)]`.
    Output(Output),
    /// `#[condition(…)]` alone on a struct: a named condition.
    Condition(Condition),
    /// `#[mapping { … }]`.
    Mapping(Mapping),
}

impl Declaration {
    pub fn as_parameter(&self) -> Option<&Parameter> {
        match &self.kind {
            DeclarationKind::Parameter(p) => Some(p),
            _ => None,
        }
    }

    pub fn as_resource(&self) -> Option<&Resource> {
        match &self.kind {
            DeclarationKind::Resource(r) => Some(r),
            _ => None,
        }
    }

    /// The namespace of the logical id: parameters and resources share
    /// one; outputs, conditions and mappings each have their own.
    pub fn namespace(&self) -> &'static str {
        match &self.kind {
            DeclarationKind::Parameter(_) | DeclarationKind::Resource(_) => "parameter or resource",
            _ => self.kind_name(),
        }
    }

    /// Whether this is `#[import(…)]`: an export of another stack or tool,
    /// used like a parameter.
    pub fn is_import(&self) -> bool {
        self.as_parameter().is_some_and(|p| p.import.is_some())
    }

    /// Whether this is an output. Outputs are a namespace of their own
    /// (template anatomy: `Outputs` is a section apart from `Parameters`
    /// and `Resources`, and `Ref` reaches only those two), so an output's
    /// logical id may be that of a parameter or resource.
    pub fn is_output(&self) -> bool {
        matches!(self.kind, DeclarationKind::Output(_))
    }

    /// The condition, if this declares one.
    pub fn as_condition(&self) -> Option<&Condition> {
        match &self.kind {
            DeclarationKind::Condition(c) => Some(c),
            _ => None,
        }
    }

    /// The mapping, if this declares one.
    pub fn as_mapping(&self) -> Option<&Mapping> {
        match &self.kind {
            DeclarationKind::Mapping(m) => Some(m),
            _ => None,
        }
    }

    /// `parameter`, `resource`, `output`, `condition` or `mapping`, for messages.
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            DeclarationKind::Parameter(p) if p.import.is_some() => "import",
            DeclarationKind::Parameter(_) => "parameter",
            DeclarationKind::Resource(_) => "resource",
            DeclarationKind::Output(_) => "output",
            DeclarationKind::Condition(_) => "condition",
            DeclarationKind::Mapping(_) => "mapping",
        }
    }

    /// The condition that decides whether a resource or an output exists.
    pub fn condition(&self) -> Option<&Ident> {
        match &self.kind {
            DeclarationKind::Resource(r) => r.condition.as_ref(),
            DeclarationKind::Output(o) => o.condition.as_ref(),
            _ => None,
        }
    }
}

/// A named condition (the template's `Conditions` section): true or false
/// once the parameters are known.
#[derive(Clone)]
pub struct Condition {
    /// `equals(…)`, `and(…)`, `or(…)`, `not(…)`, or another condition's name.
    pub expression: Value,
    /// `name = "…"`: the condition's name, when it is not the struct's.
    /// Conditions are a namespace of their own, so a condition may be named
    /// like the parameter it tests.
    pub name: Option<LitStr>,
}

/// A mapping (the template's `Mappings` section): keys to keys to values,
/// read with `find_in_map`.
#[derive(Clone)]
pub struct Mapping {
    /// The two levels of keys, as written.
    pub body: Object,
}

/// A template parameter.
#[derive(Clone)]
pub struct Parameter {
    /// The CloudFormation type, such as `List<AWS::EC2::Subnet::Id>`.
    pub ty: ParameterType,
    /// `description = "…"`; otherwise the doc comment is used.
    pub description: Option<LitStr>,
    /// `default = …`.
    pub default: Option<Value>,
    /// `allowed_values = [...]`.
    pub allowed_values: Option<Value>,
    /// `allowed_pattern = "…"`.
    pub allowed_pattern: Option<LitStr>,
    /// `constraint_description = "…"`.
    pub constraint_description: Option<LitStr>,
    /// `min_length = n`.
    pub min_length: Option<Value>,
    /// `max_length = n`.
    pub max_length: Option<Value>,
    /// `min_value = n`.
    pub min_value: Option<Value>,
    /// `max_value = n`.
    pub max_value: Option<Value>,
    /// `no_echo`.
    pub no_echo: bool,
    /// `cidr = "…"`: what the author knows about the VPC an
    /// `AWS::EC2::VPC::Id` parameter will name; checked against, never emitted.
    pub cidr: Option<Value>,
    /// `existing_subnets = […]`: the blocks of that VPC's existing subnets.
    pub existing_subnets: Option<Value>,
    /// `#[import(Type, export = "…")]`: not a parameter but the value
    /// another stack or tool exports under this name, read with
    /// `Fn::ImportValue` wherever it is used.
    pub import: Option<LitStr>,
}

impl Parameter {
    /// A parameter of type `ty` with no option set.
    pub fn of_type(ty: ParameterType) -> Parameter {
        Parameter {
            ty,
            description: None,
            default: None,
            allowed_values: None,
            allowed_pattern: None,
            constraint_description: None,
            min_length: None,
            max_length: None,
            min_value: None,
            max_value: None,
            no_echo: false,
            cidr: None,
            existing_subnets: None,
            import: None,
        }
    }
}

/// A parameter's type, as written and as CloudFormation spells it.
#[derive(Clone)]
pub struct ParameterType {
    /// The CloudFormation spelling, `List<AWS::EC2::Subnet::Id>`.
    pub name: String,
}

/// A resource.
#[derive(Clone)]
pub struct Resource {
    /// The CloudFormation type, such as `AWS::EC2::Subnet` or `Custom::Secrets`.
    pub type_name: String,
    /// Span of the type path's first segment.
    pub type_span: Span,
    /// Span of the type path's last segment.
    pub type_end: Span,
    /// The schema of the type; `None` for `Custom::` types, `extern` types
    /// and unknown types.
    pub schema: Option<&'static ResourceType>,
    /// Whether this is a custom resource, whose extra properties and
    /// attributes are free-form.
    pub is_custom: bool,
    /// `extern`: a type outside ecsnet's schemas (a third-party registry
    /// type, one newer than the data); its properties and attributes are
    /// passed through verbatim, and only the references in them are checked.
    pub is_extern: bool,
    /// The property block.
    pub properties: Object,
    /// `#[depends_on(…)]`.
    pub depends_on: Vec<Ident>,
    /// `#[metadata { … }]`.
    pub metadata: Option<Object>,
    /// `#[creation_policy { … }]`.
    pub creation_policy: Option<Object>,
    /// `#[update_policy { … }]`.
    pub update_policy: Option<Object>,
    /// `#[deletion_policy(…)]`.
    pub deletion_policy: Option<Ident>,
    /// `#[update_replace_policy(…)]`.
    pub update_replace_policy: Option<Ident>,
    /// `#[acknowledge(…)]` on the resource.
    pub acknowledgments: Vec<Acknowledgment>,
    /// `#[condition(Name)]`: created only where the condition is true.
    pub condition: Option<Ident>,
    /// `#[version("1.0")]`: a custom resource's `Version`.
    pub version: Option<Value>,
}

/// An output.
#[derive(Clone)]
pub struct Output {
    /// `name = "…"`: the output's logical id, when it is not the struct's
    /// name. Outputs are a namespace of their own, so an output may be
    /// named like the resource it outputs (`Vpc`), which a second struct
    /// `Vpc` in the module could not be.
    pub name: Option<LitStr>,
    /// `Value`.
    pub value: Value,
    /// `description = "…"`; otherwise the doc comment is used.
    pub description: Option<LitStr>,
    /// `export = …`: the name other stacks import the value by.
    pub export: Option<Value>,
    /// `condition = Name`: output only where the condition is true.
    pub condition: Option<Ident>,
}

/// A value in a property block, with the span of its tokens.
#[derive(Clone)]
pub struct Value {
    pub kind: ValueKind,
    /// The span of the value's first token (of the whole group for lists
    /// and objects).
    pub span: Span,
    /// The span of the value's last token, so errors can underline all of it.
    pub end: Span,
    /// `#[acknowledge(rule, reason = "…")]` written before the value.
    pub acknowledgments: Vec<Acknowledgment>,
}

/// `#[acknowledge(open_ingress, reason = "…")]`: the author accepts what a
/// rule would refuse, and says why; the reason goes into the template's
/// metadata, so the exception is visible to whoever reviews the template.
#[derive(Clone)]
pub struct Acknowledgment {
    /// Unique within the stack: the checks of every assignment of the
    /// conditions see copies of it, and mark it seen by this id.
    pub id: usize,
    /// Which rule is acknowledged.
    pub rule: AcknowledgedRule,
    /// The `acknowledge` path, for errors about the acknowledgment itself.
    pub span: Span,
    /// Why the exception is acceptable.
    pub reason: LitStr,
}

/// The rules that can be acknowledged instead of obeyed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AcknowledgedRule {
    /// Ingress from the whole internet on a port other than 80 and 443.
    OpenIngress,
    /// A task definition in `host` network mode.
    HostNetwork,
    /// A security group rule of protocol `-1` with a port range (a warning).
    IgnoredPorts,
    /// A `depends_on` that a reference already implies (a warning).
    RedundantDependsOn,
    /// A value that deploys but cfn-lint's data discourages (a warning).
    DiscouragedValue,
    /// A value a list moving with time does not hold (a warning).
    UnlistedValue,
    /// A name in `AWS::CloudFormation::Interface` that is no parameter (a warning).
    InterfaceParameters,
}

impl AcknowledgedRule {
    /// Every rule, with the name written in `#[acknowledge(…)]`.
    pub const ALL: &'static [(&'static str, AcknowledgedRule)] = &[
        ("open_ingress", AcknowledgedRule::OpenIngress),
        ("host_network", AcknowledgedRule::HostNetwork),
        ("ignored_ports", AcknowledgedRule::IgnoredPorts),
        ("redundant_depends_on", AcknowledgedRule::RedundantDependsOn),
        ("discouraged_value", AcknowledgedRule::DiscouragedValue),
        ("unlisted_value", AcknowledgedRule::UnlistedValue),
        (
            "interface_parameters",
            AcknowledgedRule::InterfaceParameters,
        ),
    ];

    /// The rule's stable name, as recorded in the template's metadata.
    pub fn rule_name(self) -> &'static str {
        match self {
            AcknowledgedRule::OpenIngress => "open-ingress",
            AcknowledgedRule::HostNetwork => "host-network",
            AcknowledgedRule::IgnoredPorts => "ignored-ports",
            AcknowledgedRule::RedundantDependsOn => "redundant-depends-on",
            AcknowledgedRule::DiscouragedValue => "discouraged-values",
            AcknowledgedRule::UnlistedValue => "unlisted-values",
            AcknowledgedRule::InterfaceParameters => "interface-parameters",
        }
    }
}

/// The kinds of values the property language has.
#[derive(Clone)]
pub enum ValueKind {
    /// `"text"`.
    Str(String),
    /// `8000`, `-1`.
    Int(i64),
    /// `0.5`.
    Float(f64),
    /// `true`, `false`.
    Bool(bool),
    /// `null`, only meaningful in free-form JSON.
    Null,
    /// `[a, b]`.
    List(Vec<Value>),
    /// `{ key: value }`.
    Object(Object),
    /// `Name`: a parameter or a resource (`Ref`).
    Ref(Ident),
    /// `AWS::Region`: a pseudo parameter (`Ref`).
    Pseudo(String),
    /// `Resource.Attribute` or `Resource.Nested.Attribute` (`Fn::GetAtt`).
    GetAtt(Ident, Vec<Ident>),
    /// `sub!("…")` or `sub!("…", { var: value })` (`Fn::Sub`).
    Sub(Sub),
    /// An intrinsic function written as a call: `select(0, List)`.
    Call(Call),
    /// A Rust macro call such as `include_str!("handler.py")`, evaluated
    /// when the template is built; its type must convert into a value.
    Rust(TokenStream),
    /// A condition's name where a condition is expected: the first
    /// argument of `if_`, an argument of `and`, `or` and `not`, or a whole
    /// condition (`{"Condition": name}`).
    ConditionName(Ident),
    /// A mapping's name: the first argument of `find_in_map`.
    MappingName(Ident),
}

/// A `{ key: value, … }` block.
#[derive(Clone)]
pub struct Object {
    pub entries: Vec<Entry>,
    /// The span of the braces.
    pub span: Span,
}

/// One `key: value` of an object.
#[derive(Clone)]
pub struct Entry {
    pub key: Key,
    pub value: Value,
}

/// An object key: a `snake_case` identifier (schema-typed objects) or a
/// string literal (free-form JSON keys, kept verbatim).
#[derive(Clone)]
pub struct Key {
    pub name: String,
    pub span: Span,
    /// Whether the key was written as a string literal.
    pub quoted: bool,
}

/// A `sub!(…)` call.
#[derive(Clone)]
pub struct Sub {
    pub template: LitStr,
    /// The text the function returns when it substitutes nothing (no
    /// `${…}`, escapes `${!…}` unescaped): `sub!("0.0.0.0/0")` is a literal.
    pub literal: Option<String>,
    /// The `${…}` placeholders found in the template, in order.
    pub placeholders: Vec<Placeholder>,
    /// The optional variable map.
    pub variables: Option<Object>,
}

/// A `${…}` inside a `sub!` template.
#[derive(Clone)]
pub struct Placeholder {
    /// The text between `${` and `}`.
    pub text: String,
}

/// An intrinsic function written as a function call.
#[derive(Clone)]
pub struct Call {
    pub function: Function,
    pub args: Vec<Value>,
}

/// The intrinsic functions written as calls.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Select,
    Join,
    Split,
    Base64,
    ImportValue,
    GetAzs,
    Cidr,
    If,
    Equals,
    And,
    Or,
    Not,
    FindInMap,
    Length,
    ToJsonString,
}

impl Function {
    /// All call-style functions with their names, for parsing and messages.
    pub const ALL: &'static [(&'static str, Function)] = &[
        ("select", Function::Select),
        ("join", Function::Join),
        ("split", Function::Split),
        ("base64", Function::Base64),
        ("import_value", Function::ImportValue),
        ("get_azs", Function::GetAzs),
        ("cidr", Function::Cidr),
        ("if_", Function::If),
        ("equals", Function::Equals),
        ("and", Function::And),
        ("or", Function::Or),
        ("not", Function::Not),
        ("find_in_map", Function::FindInMap),
        ("length", Function::Length),
        ("to_json_string", Function::ToJsonString),
    ];

    /// The name users write.
    pub fn name(self) -> &'static str {
        Function::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(name, _)| name)
    }

    /// How many arguments the function takes: (minimum, maximum).
    pub fn arity(self) -> (usize, usize) {
        match self {
            Function::Select | Function::Join | Function::Split | Function::Equals => (2, 2),
            Function::Base64
            | Function::ImportValue
            | Function::Not
            | Function::Length
            | Function::ToJsonString => (1, 1),
            Function::GetAzs => (0, 1),
            Function::Cidr | Function::If => (3, 3),
            // "The minimum number of conditions that you can include is 2,
            // and the maximum is 10."
            Function::And | Function::Or => (2, 10),
            Function::FindInMap => (3, 4),
        }
    }

    /// The CloudFormation name, for messages.
    pub fn cfn_name(self) -> &'static str {
        match self {
            Function::Select => "Fn::Select",
            Function::Join => "Fn::Join",
            Function::Split => "Fn::Split",
            Function::Base64 => "Fn::Base64",
            Function::ImportValue => "Fn::ImportValue",
            Function::GetAzs => "Fn::GetAZs",
            Function::Cidr => "Fn::Cidr",
            Function::If => "Fn::If",
            Function::Equals => "Fn::Equals",
            Function::And => "Fn::And",
            Function::Or => "Fn::Or",
            Function::Not => "Fn::Not",
            Function::FindInMap => "Fn::FindInMap",
            Function::Length => "Fn::Length",
            Function::ToJsonString => "Fn::ToJsonString",
        }
    }

    /// Whether the function builds a condition, which only a condition's
    /// declaration may hold.
    pub fn is_condition_function(self) -> bool {
        matches!(
            self,
            Function::Equals | Function::And | Function::Or | Function::Not
        )
    }

    /// Whether the function belongs to the `AWS::LanguageExtensions`
    /// transform.
    pub fn is_language_extension(self) -> bool {
        matches!(self, Function::Length | Function::ToJsonString)
    }
}

/// The pseudo parameters CloudFormation defines
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html>).
pub const PSEUDO_PARAMETERS: &[&str] = &[
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::NoValue",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

impl Value {
    /// A value with no acknowledgments.
    pub fn new(kind: ValueKind, span: Span, end: Span) -> Value {
        Value {
            kind,
            span,
            end,
            acknowledgments: Vec::new(),
        }
    }

    /// Calls `visit` on this value and every value inside it, depth first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Value)) {
        crate::diag::step(1);
        visit(self);
        match &self.kind {
            ValueKind::List(items) => items.iter().for_each(|v| v.walk(visit)),
            ValueKind::Object(object) => object.walk(visit),
            ValueKind::Sub(sub) => {
                if let Some(variables) = &sub.variables {
                    variables.walk(visit);
                }
            }
            ValueKind::Call(call) => call.args.iter().for_each(|v| v.walk(visit)),
            _ => {}
        }
    }
}

impl Object {
    /// Calls `visit` on every value inside the object, depth first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Value)) {
        self.entries.iter().for_each(|e| e.value.walk(visit));
    }

    /// The entry with the given key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key.name == key)
    }
}

impl Resource {
    /// Whether `Fn::GetAtt` may name any attribute: the provider of a custom
    /// or `extern` resource decides what it returns.
    pub fn has_free_attributes(&self) -> bool {
        self.is_custom || self.is_extern
    }

    /// Whether `Fn::GetAtt` may read `attribute` though the schema does not
    /// list it: any attribute of a custom or `extern` resource, and a nested
    /// stack's `Outputs.Name` ("Outputs.NestedStackOutputName: returns the
    /// output value from the nested stack",
    /// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-stack.html>),
    /// SAM's `AWS::Serverless::Application` being one.
    pub fn has_free_attribute(&self, attribute: &str) -> bool {
        self.has_free_attributes()
            || (matches!(
                self.type_name.as_str(),
                "AWS::CloudFormation::Stack" | "AWS::Serverless::Application"
            ) && attribute
                .strip_prefix("Outputs.")
                .is_some_and(|name| !name.is_empty()))
    }

    /// Calls `visit` on every value of the resource: its properties,
    /// metadata and policies.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Value)) {
        self.properties.walk(visit);
        for object in [&self.metadata, &self.creation_policy, &self.update_policy]
            .into_iter()
            .flatten()
        {
            object.walk(visit);
        }
    }
}

impl Stack {
    /// Calls `visit` on every value of the template-level sections:
    /// `Metadata` and `Rules`.
    pub fn walk_sections<'a>(&'a self, visit: &mut impl FnMut(&'a Value)) {
        for object in [&self.metadata, &self.rules].into_iter().flatten() {
            object.walk(visit);
        }
    }

    /// Calls `visit` on every value of the stack: properties, resource
    /// attributes and outputs, each with the declaration it belongs to.
    pub fn walk_values<'a>(&'a self, visit: &mut impl FnMut(&'a Declaration, &'a Value)) {
        for declaration in &self.declarations {
            let mut visit_value = |value: &'a Value| visit(declaration, value);
            match &declaration.kind {
                DeclarationKind::Resource(resource) => resource.walk(&mut visit_value),
                DeclarationKind::Output(output) => {
                    output.value.walk(&mut visit_value);
                    if let Some(export) = &output.export {
                        export.walk(&mut visit_value);
                    }
                }
                DeclarationKind::Condition(condition) => {
                    condition.expression.walk(&mut visit_value);
                }
                DeclarationKind::Parameter(_) | DeclarationKind::Mapping(_) => {}
            }
        }
    }
}

impl Value {
    /// The text of a string literal, or of a `sub!` that substitutes nothing.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::Str(text) => Some(text),
            ValueKind::Sub(sub) if sub.variables.is_none() => sub.literal.as_deref(),
            _ => None,
        }
    }

    /// The value of an integer literal, or of a string literal holding one
    /// (CloudFormation reads `"8000"` as `8000` where a number belongs).
    pub fn as_int(&self) -> Option<i64> {
        match &self.kind {
            ValueKind::Int(n) => Some(*n),
            ValueKind::Str(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// The logical ids this value names itself (not inside it): a `Ref`, a
    /// `Fn::GetAtt`, or the `${…}` placeholders of a `sub!`.
    pub fn referenced_names(&self) -> Vec<String> {
        match &self.kind {
            ValueKind::Ref(name) | ValueKind::GetAtt(name, _) => vec![name.to_string()],
            ValueKind::Sub(sub) => sub
                .placeholders
                .iter()
                .filter_map(|p| p.text.split('.').next())
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether this is `{ "Fn::Transform": … }`: a macro of the account run
    /// on this value when the stack deploys, so what it becomes is known
    /// only then (`Fn::Transform`,
    /// <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-transform.html>).
    pub fn is_in_template_transform(&self) -> bool {
        self.as_object().is_some_and(|object| {
            object.entries.len() == 1
                && object.entries[0].key.quoted
                && object.entries[0].key.name == "Fn::Transform"
        })
    }

    /// The items of a list literal.
    pub fn as_list(&self) -> Option<&[Value]> {
        match &self.kind {
            ValueKind::List(items) => Some(items),
            _ => None,
        }
    }

    /// The object of an object literal.
    pub fn as_object(&self) -> Option<&Object> {
        match &self.kind {
            ValueKind::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The logical id this value names with `Ref`: `Name`, or `sub!("${Name}")`.
    pub fn ref_name(&self) -> Option<String> {
        match &self.kind {
            ValueKind::Ref(name) => Some(name.to_string()),
            ValueKind::Sub(sub) if sub.variables.is_none() => {
                let text = sub.template.value();
                let name = text.strip_prefix("${")?.strip_suffix('}')?;
                (sub.placeholders.len() == 1 && name.chars().all(|c| c.is_ascii_alphanumeric()))
                    .then(|| name.to_owned())
            }
            _ => None,
        }
    }

    /// The resource and attribute this value reads with `Fn::GetAtt`:
    /// `Name.Attribute`, or `sub!("${Name.Attribute}")`.
    pub fn get_att(&self) -> Option<(String, String)> {
        match &self.kind {
            ValueKind::GetAtt(resource, attribute) => {
                let attribute: Vec<String> = attribute.iter().map(ToString::to_string).collect();
                Some((resource.to_string(), attribute.join(".")))
            }
            ValueKind::Sub(sub) if sub.variables.is_none() && sub.placeholders.len() == 1 => {
                let text = sub.template.value();
                let inner = text.strip_prefix("${")?.strip_suffix('}')?;
                let (resource, attribute) = inner.split_once('.')?;
                Some((resource.to_owned(), attribute.to_owned()))
            }
            _ => None,
        }
    }
}

impl Object {
    /// The value of the entry with the given key.
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.get(key).map(|entry| &entry.value)
    }
}
