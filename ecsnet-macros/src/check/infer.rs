//! What a value evaluates to, as far as can be told before deployment.

use super::{Context, Symbol};
use crate::model::{Function, Value, ValueKind};
use crate::schema::Shape;

/// What a value evaluates to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Produces {
    String,
    Integer,
    Number,
    Bool,
    Null,
    List,
    Object,
    /// `AWS::NoValue`: removes the property, fits anywhere.
    NoValue,
    /// Decided only at deployment (attributes, imports, Rust expressions).
    Unknown,
}

impl Produces {
    pub fn describe(self) -> &'static str {
        match self {
            Produces::String => "a string",
            Produces::Integer => "an integer",
            Produces::Number => "a number",
            Produces::Bool => "a boolean",
            Produces::Null => "`null`",
            Produces::List => "a list",
            Produces::Object => "an object",
            Produces::NoValue | Produces::Unknown => "a value",
        }
    }

    pub fn is_scalar_string(self) -> bool {
        self == Produces::String
    }

    /// Whether a value of this kind could fit the shape; picks the branch of a union.
    pub fn fits(self, shape: &Shape) -> bool {
        match shape {
            Shape::String { .. } | Shape::Timestamp => self == Produces::String,
            Shape::Integer { .. } => self == Produces::Integer,
            Shape::Number => matches!(self, Produces::Integer | Produces::Number),
            Shape::Boolean => self == Produces::Bool,
            Shape::Json => true,
            Shape::List(_) => self == Produces::List,
            Shape::Map(_) | Shape::Struct(_) => self == Produces::Object,
            Shape::Union(shapes) => shapes.iter().any(|s| self.fits(s)),
        }
    }
}

/// What a value evaluates to, as far as can be told at compile time.
#[allow(
    clippy::match_same_arms,
    reason = "one arm per kind of value reads as a table"
)]
pub fn produces(cx: &Context, value: &Value) -> Produces {
    match &value.kind {
        ValueKind::Str(_) => Produces::String,
        ValueKind::Int(_) => Produces::Integer,
        ValueKind::Float(_) => Produces::Number,
        ValueKind::Bool(_) => Produces::Bool,
        ValueKind::Null => Produces::Null,
        ValueKind::List(_) => Produces::List,
        // A macro decides what `Fn::Transform` becomes.
        ValueKind::Object(_) if value.is_in_template_transform() => Produces::Unknown,
        ValueKind::Object(_) => Produces::Object,
        ValueKind::Ref(name) => match cx.symbols.get(&name.to_string()) {
            Some(Symbol::Parameter(parameter)) => {
                let shape = parameter.shape();
                if shape.is_list {
                    Produces::List
                } else {
                    // Numbers reach resources as strings, which CloudFormation converts.
                    Produces::String
                }
            }
            Some(Symbol::Resource(..)) => Produces::String,
            _ => Produces::Unknown,
        },
        ValueKind::Pseudo(name) => match name.as_str() {
            "AWS::NotificationARNs" => Produces::List,
            "AWS::NoValue" => Produces::NoValue,
            _ => Produces::String,
        },
        ValueKind::Sub(_) => Produces::String,
        ValueKind::Call(call) => match call.function {
            Function::Join | Function::Base64 => Produces::String,
            Function::Split | Function::GetAzs | Function::Cidr => Produces::List,
            Function::ToJsonString => Produces::String,
            Function::Length => Produces::Integer,
            _ => Produces::Unknown,
        },
        ValueKind::GetAtt(..)
        | ValueKind::Rust(_)
        | ValueKind::ConditionName(_)
        | ValueKind::MappingName(_) => Produces::Unknown,
    }
}
