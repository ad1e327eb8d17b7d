//! Support code for the `#[stack]` macro's expansion.
//!
//! Not public API: nothing here follows semver, and it may change in any
//! release. Code outside ecsnet should never name these items. The short
//! function names keep the generated code small, which keeps `cargo check`
//! of a large stack fast.

pub use crate::template::{DeletionPolicy, Output, Parameter, Resource, Template};
pub use crate::value::{Intrinsic, Map, Value};
pub use std::borrow::Cow;

/// A string literal.
#[must_use]
pub fn s(text: &'static str) -> Value {
    Value::String(Cow::Borrowed(text))
}

/// A list of values.
#[must_use]
pub fn list<const N: usize>(items: [Value; N]) -> Value {
    Value::List(Vec::from(items))
}

/// An item of a long list or object: a literal, stored as static data, or
/// a function that builds the value.
#[derive(Clone, Copy)]
pub enum Item {
    /// A string literal.
    Str(&'static str),
    /// An integer literal.
    Int(i64),
    /// A decimal literal.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// Anything else, built when the template is.
    Build(fn() -> Value),
}

impl Item {
    fn value(self) -> Value {
        match self {
            Item::Str(text) => s(text),
            Item::Int(n) => Value::Int(n),
            Item::Float(n) => Value::Float(n),
            Item::Bool(b) => Value::Bool(b),
            Item::Null => Value::Null,
            Item::Build(build) => build(),
        }
    }
}

/// A long list, kept as a static table: literals are data, and every other
/// item is built by a function of its own, so no stack frame holds every
/// item at once (a debug build of a 50,000-item literal would otherwise
/// overflow the stack) and the compiler generates no code per literal.
#[must_use]
pub fn list_of(items: &'static [Item]) -> Value {
    Value::List(items.iter().map(|item| item.value()).collect())
}

/// A long object, kept as a static table (see [`list_of`]).
#[must_use]
pub fn map_of(entries: &'static [(&'static str, Item)]) -> Map {
    entries
        .iter()
        .map(|(key, item)| (Cow::Borrowed(*key), item.value()))
        .collect()
}

/// An object's entries, in order.
#[must_use]
pub fn map<const N: usize>(entries: [(&'static str, Value); N]) -> Map {
    entries
        .into_iter()
        .map(|(key, value)| (Cow::Borrowed(key), value))
        .collect()
}

/// `Ref`.
#[must_use]
pub fn reference(name: &'static str) -> Value {
    Intrinsic::Ref(Cow::Borrowed(name)).into()
}

/// `Fn::GetAtt`.
#[must_use]
pub fn get_att(resource: &'static str, attribute: &'static str) -> Value {
    Intrinsic::GetAtt(Cow::Borrowed(resource), Cow::Borrowed(attribute)).into()
}

/// `Fn::Sub` with a template only.
#[must_use]
pub fn sub(template: &'static str) -> Value {
    Intrinsic::Sub(Cow::Borrowed(template), None).into()
}

/// `Fn::Sub` with a variable map.
#[must_use]
pub fn sub_with(template: &'static str, variables: Map) -> Value {
    Intrinsic::Sub(Cow::Borrowed(template), Some(variables)).into()
}

/// `Fn::Select`.
#[must_use]
pub fn select(index: Value, list: Value) -> Value {
    Intrinsic::Select(index, list).into()
}

/// `Fn::Join`.
#[must_use]
pub fn join(delimiter: &'static str, list: Value) -> Value {
    Intrinsic::Join(Cow::Borrowed(delimiter), list).into()
}

/// `Fn::Split`.
#[must_use]
pub fn split(delimiter: &'static str, text: Value) -> Value {
    Intrinsic::Split(Cow::Borrowed(delimiter), text).into()
}

/// `Fn::Base64`.
#[must_use]
pub fn base64(value: Value) -> Value {
    Intrinsic::Base64(value).into()
}

/// `Fn::ImportValue`.
#[must_use]
pub fn import_value(name: Value) -> Value {
    Intrinsic::ImportValue(name).into()
}

/// `Fn::GetAZs`.
#[must_use]
pub fn get_azs(region: Value) -> Value {
    Intrinsic::GetAzs(region).into()
}

/// `Fn::Cidr`.
#[must_use]
pub fn cidr(block: Value, count: Value, bits: Value) -> Value {
    Intrinsic::Cidr(block, count, bits).into()
}

/// `Fn::FindInMap`.
#[must_use]
pub fn find_in_map(map: Value, top: Value, second: Value) -> Value {
    Intrinsic::FindInMap(map, top, second).into()
}

/// `Fn::FindInMap` with the `DefaultValue` of `AWS::LanguageExtensions`.
#[must_use]
pub fn find_in_map_with_default(map: Value, top: Value, second: Value, default: Value) -> Value {
    Intrinsic::FindInMapWithDefault(map, top, second, default).into()
}

/// `Fn::If`.
#[must_use]
pub fn if_(condition: &'static str, yes: Value, no: Value) -> Value {
    Intrinsic::If(Cow::Borrowed(condition), yes, no).into()
}

/// `Fn::Equals`.
#[must_use]
pub fn equals(a: Value, b: Value) -> Value {
    Intrinsic::Equals(a, b).into()
}

/// `Fn::And`.
#[must_use]
pub fn and<const N: usize>(conditions: [Value; N]) -> Value {
    Intrinsic::And(conditions.into()).into()
}

/// `Fn::Or`.
#[must_use]
pub fn or<const N: usize>(conditions: [Value; N]) -> Value {
    Intrinsic::Or(conditions.into()).into()
}

/// `Fn::Not`.
#[must_use]
pub fn not(condition: Value) -> Value {
    Intrinsic::Not(condition).into()
}

/// `{"Condition": name}` inside a condition.
#[must_use]
pub fn condition(name: &'static str) -> Value {
    Intrinsic::Condition(Cow::Borrowed(name)).into()
}

/// `Fn::Length`.
#[must_use]
pub fn length(list: Value) -> Value {
    Intrinsic::Length(list).into()
}

/// `Fn::ToJsonString`.
#[must_use]
pub fn to_json_string(value: Value) -> Value {
    Intrinsic::ToJsonString(value).into()
}

/// A Rust expression used as a value, such as `include_str!("handler.py")`.
#[must_use]
pub fn rust(value: impl Into<Value>) -> Value {
    value.into()
}

/// The documentation type of a resource whose type is unknown; only named
/// in code that also carries a compile error.
pub struct UnknownResourceType;

impl crate::ResourceType for UnknownResourceType {
    const TYPE_NAME: &'static str = "";
}
