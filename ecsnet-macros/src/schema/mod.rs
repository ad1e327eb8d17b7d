//! The CloudFormation resource schemas the macros check stacks against.
//!
//! Every resource type comes from the `ecsnet-schema` crate, which embeds the
//! registry schemas of every type as data and decodes a type on its first
//! use, so a stack pays only for the types it declares. `generated.rs`
//! (written by `spec/generate.py`, never by hand) adds what the registry
//! does not ship: the schemas of the `CreationPolicy` and `UpdatePolicy`
//! resource attributes, and which types have a documentation type in
//! `ecsnet::aws`.

pub mod eni_limits;
mod generated;
pub mod parameter_types;

pub use ecsnet_schema::{Property, ResourceType, Shape, Struct, type_names};
pub use generated::{CREATION_POLICY, UPDATE_POLICY};

/// Looks up a resource type by its full name.
pub fn resource_type(name: &str) -> Option<&'static ResourceType> {
    ecsnet_schema::resource_type(name)
}

/// The path of the type's documentation type in `ecsnet::aws`
/// (`ec2::Subnet`), for the types ecsnet documents there.
pub fn documentation_path(type_name: &str) -> Option<&'static str> {
    generated::DOCUMENTED_TYPES
        .binary_search_by(|(name, _)| (*name).cmp(type_name))
        .ok()
        .map(|index| generated::DOCUMENTED_TYPES[index].1)
}
