//! The runtime half of ecsnet: the CloudFormation template model that the
//! `#[stack]` macro fills in, typed intrinsic functions, and deterministic
//! JSON and YAML output.
//!
//! Users normally depend on the `ecsnet` facade crate, which re-exports this
//! crate and the macros.

pub mod app;
pub mod aws;
pub mod cli;
mod json;
pub mod params;
mod template;
mod value;
mod yaml;

#[doc(hidden)]
pub mod __private;

pub use template::{DeletionPolicy, Output, Parameter, Resource, Template};
pub use value::{Intrinsic, Map, Value};

/// A CloudFormation resource type, implemented by the documentation types in
/// [`aws`] (for example [`aws::ec2::Subnet`]).
pub trait ResourceType {
    /// The CloudFormation type name, such as `AWS::EC2::Subnet`.
    const TYPE_NAME: &'static str;
}

/// A resource declared in a stack with `#[resource(...)]`; the macro
/// implements it for the marker struct it keeps for each resource.
pub trait StackResource {
    /// The logical id, which is the struct's name.
    const LOGICAL_ID: &'static str;
    /// The documentation type of the resource's CloudFormation type.
    type Type: ResourceType;

    /// Returns `{"Ref": "<logical id>"}`.
    #[must_use]
    fn reference() -> Value {
        Value::reference(Self::LOGICAL_ID)
    }

    /// Returns `{"Fn::GetAtt": ["<logical id>", attribute]}`.
    #[must_use]
    fn get_att(attribute: &'static str) -> Value {
        Value::get_att(Self::LOGICAL_ID, attribute)
    }
}

/// A parameter declared in a stack with `#[parameter(...)]`.
pub trait StackParameter {
    /// The logical id, which is the struct's name.
    const LOGICAL_ID: &'static str;
    /// The CloudFormation parameter type, such as `AWS::EC2::VPC::Id`.
    const TYPE: &'static str;

    /// Returns `{"Ref": "<logical id>"}`.
    #[must_use]
    fn reference() -> Value {
        Value::reference(Self::LOGICAL_ID)
    }
}

/// An output declared in a stack with `#[output(...)]`.
pub trait StackOutput {
    /// The logical id, which is the struct's name.
    const LOGICAL_ID: &'static str;
}
/// A condition declared in a stack with `#[condition(...)]`.
pub trait StackCondition {
    /// The condition's name, which is the struct's name.
    const LOGICAL_ID: &'static str;
}

/// A mapping declared in a stack with `#[mapping { ... }]`.
pub trait StackMapping {
    /// The mapping's name, which is the struct's name.
    const LOGICAL_ID: &'static str;
}
