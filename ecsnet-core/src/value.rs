//! Template values: JSON-like data plus typed intrinsic functions.
//!
//! Strings are `Cow<'static, str>` so that the code the `#[stack]` macro
//! generates builds a template from string literals without copying them.

use std::borrow::Cow;

use indexmap::IndexMap;

/// An ordered map of template keys to values; iteration follows insertion
/// order, which keeps the output in declaration order.
pub type Map = IndexMap<Cow<'static, str>, Value>;

/// A value in a CloudFormation template.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// JSON `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// A string.
    String(Cow<'static, str>),
    /// A list.
    List(Vec<Value>),
    /// An object, in insertion order.
    Object(Map),
    /// An intrinsic function such as `Ref` or `Fn::Sub`.
    Intrinsic(Box<Intrinsic>),
}

/// A CloudFormation intrinsic function.
#[derive(Clone, Debug, PartialEq)]
pub enum Intrinsic {
    /// `{"Ref": name}`: a parameter, a resource or a pseudo parameter such as `AWS::Region`.
    Ref(Cow<'static, str>),
    /// `{"Fn::GetAtt": [resource, attribute]}`; nested attributes keep their dots (`Endpoint.Address`).
    GetAtt(Cow<'static, str>, Cow<'static, str>),
    /// `{"Fn::Sub": template}` or, with variables, `{"Fn::Sub": [template, {vars}]}`.
    Sub(Cow<'static, str>, Option<Map>),
    /// `{"Fn::Select": [index, list]}`.
    Select(Value, Value),
    /// `{"Fn::Join": [delimiter, list]}`.
    Join(Cow<'static, str>, Value),
    /// `{"Fn::Split": [delimiter, string]}`.
    Split(Cow<'static, str>, Value),
    /// `{"Fn::Base64": value}`.
    Base64(Value),
    /// `{"Fn::ImportValue": name}`.
    ImportValue(Value),
    /// `{"Fn::GetAZs": region}`.
    GetAzs(Value),
    /// `{"Fn::Cidr": [ip_block, count, cidr_bits]}`.
    Cidr(Value, Value, Value),
    /// `{"Fn::FindInMap": [map, top_level_key, second_level_key]}`.
    FindInMap(Value, Value, Value),
    /// `{"Fn::FindInMap": [map, top_level_key, second_level_key, {"DefaultValue": default}]}`,
    /// the form of the `AWS::LanguageExtensions` transform.
    FindInMapWithDefault(Value, Value, Value, Value),
    /// `{"Fn::Length": list}` (`AWS::LanguageExtensions`).
    Length(Value),
    /// `{"Fn::ToJsonString": value}` (`AWS::LanguageExtensions`).
    ToJsonString(Value),
    /// `{"Fn::If": [condition, value_if_true, value_if_false]}`.
    If(Cow<'static, str>, Value, Value),
    /// `{"Fn::Equals": [a, b]}`.
    Equals(Value, Value),
    /// `{"Fn::And": [conditions]}`.
    And(Vec<Value>),
    /// `{"Fn::Or": [conditions]}`.
    Or(Vec<Value>),
    /// `{"Fn::Not": [condition]}`.
    Not(Value),
    /// `{"Condition": name}`, a reference to a named condition inside a condition.
    Condition(Cow<'static, str>),
}

impl Intrinsic {
    /// The function's key in the long (JSON) form, such as `Fn::GetAtt`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Intrinsic::Ref(_) => "Ref",
            Intrinsic::GetAtt(..) => "Fn::GetAtt",
            Intrinsic::Sub(..) => "Fn::Sub",
            Intrinsic::Select(..) => "Fn::Select",
            Intrinsic::Join(..) => "Fn::Join",
            Intrinsic::Split(..) => "Fn::Split",
            Intrinsic::Base64(_) => "Fn::Base64",
            Intrinsic::ImportValue(_) => "Fn::ImportValue",
            Intrinsic::GetAzs(_) => "Fn::GetAZs",
            Intrinsic::Cidr(..) => "Fn::Cidr",
            Intrinsic::FindInMap(..) | Intrinsic::FindInMapWithDefault(..) => "Fn::FindInMap",
            Intrinsic::Length(_) => "Fn::Length",
            Intrinsic::ToJsonString(_) => "Fn::ToJsonString",
            Intrinsic::If(..) => "Fn::If",
            Intrinsic::Equals(..) => "Fn::Equals",
            Intrinsic::And(_) => "Fn::And",
            Intrinsic::Or(_) => "Fn::Or",
            Intrinsic::Not(_) => "Fn::Not",
            Intrinsic::Condition(_) => "Condition",
        }
    }

    /// The function's argument as a plain value, as it appears under the
    /// function's key in the long form.
    #[must_use]
    pub fn argument(&self) -> Value {
        #[allow(
            clippy::ptr_arg,
            reason = "cloning the `Cow` keeps borrowed literals borrowed"
        )]
        fn s(text: &Cow<'static, str>) -> Value {
            Value::String(text.clone())
        }
        match self {
            Intrinsic::Ref(name) | Intrinsic::Condition(name) => s(name),
            Intrinsic::GetAtt(resource, attribute) => Value::List(vec![s(resource), s(attribute)]),
            Intrinsic::Sub(template, None) => s(template),
            Intrinsic::Sub(template, Some(vars)) => {
                Value::List(vec![s(template), Value::Object(vars.clone())])
            }
            Intrinsic::Select(index, list) => Value::List(vec![index.clone(), list.clone()]),
            Intrinsic::Join(delimiter, list) | Intrinsic::Split(delimiter, list) => {
                Value::List(vec![s(delimiter), list.clone()])
            }
            Intrinsic::Base64(value)
            | Intrinsic::ImportValue(value)
            | Intrinsic::GetAzs(value)
            | Intrinsic::Length(value)
            | Intrinsic::ToJsonString(value) => value.clone(),
            Intrinsic::FindInMapWithDefault(map, top, second, default) => Value::List(vec![
                map.clone(),
                top.clone(),
                second.clone(),
                Value::object([("DefaultValue", default.clone())]),
            ]),
            Intrinsic::Cidr(a, b, c) | Intrinsic::FindInMap(a, b, c) => {
                Value::List(vec![a.clone(), b.clone(), c.clone()])
            }
            Intrinsic::If(condition, yes, no) => {
                Value::List(vec![s(condition), yes.clone(), no.clone()])
            }
            Intrinsic::Equals(a, b) => Value::List(vec![a.clone(), b.clone()]),
            Intrinsic::And(values) | Intrinsic::Or(values) => Value::List(values.clone()),
            Intrinsic::Not(value) => Value::List(vec![value.clone()]),
        }
    }
}

impl Value {
    /// `{"Ref": name}`.
    #[must_use]
    pub fn reference(name: impl Into<Cow<'static, str>>) -> Value {
        Intrinsic::Ref(name.into()).into()
    }

    /// `{"Fn::GetAtt": [resource, attribute]}`.
    #[must_use]
    pub fn get_att(
        resource: impl Into<Cow<'static, str>>,
        attribute: impl Into<Cow<'static, str>>,
    ) -> Value {
        Intrinsic::GetAtt(resource.into(), attribute.into()).into()
    }

    /// `{"Fn::Sub": template}`.
    #[must_use]
    pub fn sub(template: impl Into<Cow<'static, str>>) -> Value {
        Intrinsic::Sub(template.into(), None).into()
    }

    /// An object from key/value pairs, in the given order.
    #[must_use]
    pub fn object<K: Into<Cow<'static, str>>>(
        entries: impl IntoIterator<Item = (K, Value)>,
    ) -> Value {
        Value::Object(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The string, if this value is a plain string.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

impl From<Intrinsic> for Value {
    fn from(intrinsic: Intrinsic) -> Value {
        Value::Intrinsic(Box::new(intrinsic))
    }
}

impl From<&'static str> for Value {
    fn from(s: &'static str) -> Value {
        Value::String(Cow::Borrowed(s))
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(Cow::Owned(s))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Value {
        Value::Float(n)
    }
}

impl From<Vec<Value>> for Value {
    fn from(values: Vec<Value>) -> Value {
        Value::List(values)
    }
}
