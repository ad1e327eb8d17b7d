//! Every CloudFormation resource type of the `us-east-1` registry, and SAM's
//! `AWS::Serverless::*` types, as data.
//!
//! The schemas are embedded as one compact text artifact,
//! `data/resources.txt`, written by `spec/generate_data.py` from cfn-lint's
//! registry schemas, the AWS CDK service database and the SAM schema of
//! aws-sam-translator (the format is
//! documented in `spec/README.md`). Nothing is decoded up front: the first
//! [`resource_type`] call for a type decodes that type's own lines and
//! caches the result for the rest of the process. [`type_names`] lists every
//! type without decoding any.
//!
//! The model mirrors `ecsnet-macros/src/schema/mod.rs`; decoded data is
//! leaked on purpose, so it is `'static` like the compiled-in tables.
//!
//! Beyond names and shapes, the data holds every other constraint of the
//! registry schemas (patterns, lengths, bounds, item counts, dependencies,
//! `oneOf`/`anyOf`/`if`...) and cfn-lint's extension schemas, at the level
//! cfn-lint reports them. [`validate::validate`] checks a resource's
//! `Properties` against them; a type's constraints are decoded on its first
//! validation, so a stack pays only for the types it uses.
//!
//! ```
//! let subnet = ecsnet_schema::resource_type("AWS::EC2::Subnet").unwrap();
//! let vpc_id = subnet.property("VpcId").unwrap();
//! assert!(vpc_id.required);
//! assert_eq!(vpc_id.ident, "vpc_id");
//! assert_eq!(subnet.ref_returns, Some("SubnetId"));
//! ```

pub mod attributes;
mod constraints;
mod decode;
pub mod describe;
mod evaluator;
mod json;
mod naming;
mod patterns;
pub mod repeat;
pub mod rules;
pub mod validate;

use std::fmt;
use std::sync::OnceLock;

pub use decode::DecodeError;
pub use patterns::compile_error as pattern_compile_error;

/// One CloudFormation resource type, such as `AWS::EC2::Subnet`.
#[derive(Debug)]
pub struct ResourceType {
    /// The full type name, `AWS::EC2::Subnet`.
    pub name: &'static str,
    /// Path of the documentation type in `ecsnet_core::aws`, such as `ec2::Subnet`
    /// (ecsnet-core documents only some types; the path is where it would be).
    pub core_path: &'static str,
    /// Properties, sorted by name (the registry schema's order).
    pub properties: &'static [Property],
    /// `Fn::GetAtt` attributes, nested ones written with dots (`Endpoint.Address`).
    pub attributes: &'static [Attribute],
    /// The property or attribute that `Ref` returns, when the schema says so.
    pub ref_returns: Option<&'static str>,
    /// The AWS documentation page of the type.
    pub docs_url: &'static str,
    /// The first sentence of the type's documentation, for hover text.
    pub summary: &'static str,
    /// The registry's `createOnlyProperties`: changing one replaces the resource.
    /// Nested properties are written with dots (`Endpoint.Port`), sorted.
    pub create_only: &'static [&'static str],
    /// The nested property types of this resource type, sorted by name.
    pub structs: &'static [&'static Struct],
    /// The transform that defines the type, which a template using it must
    /// declare: `AWS::Serverless-2016-10-31` for SAM's `AWS::Serverless::*`
    /// types; `None` for the registry's types.
    pub transform: Option<&'static str>,
    /// For a type a transform defines: the registry type the transform turns
    /// it into under the same logical id, which a `Ref` to it identifies and
    /// whose attributes `Fn::GetAtt` reads (`AWS::Lambda::Function` for
    /// `AWS::Serverless::Function`); `None` where it becomes no such resource.
    pub expands_to: Option<&'static str>,
}

/// One property of a resource type or of a nested property type.
#[derive(Debug)]
pub struct Property {
    /// The CloudFormation name, `CidrBlock`.
    pub name: &'static str,
    /// The `snake_case` name users write, `cidr_block`.
    pub ident: &'static str,
    /// What values the property takes.
    pub shape: Shape,
    /// Whether CloudFormation requires the property.
    pub required: bool,
    /// The resources a value of this property identifies (the CDK's `relationshipRefs`).
    pub refers_to: &'static [Relation],
}

/// A property's value refers to a property of another resource type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    /// The referenced type, `AWS::EC2::VPC`.
    pub type_name: &'static str,
    /// The referenced property or attribute of that type, `VpcId`.
    pub property: &'static str,
}

/// One `Fn::GetAtt` attribute of a resource type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    /// The attribute name, `AllocationId` or `Endpoint.Address`.
    pub name: &'static str,
    /// The `snake_case` spelling, `allocation_id` or `endpoint_address`.
    pub ident: &'static str,
}

/// The value shape of a property.
#[derive(Debug)]
pub enum Shape {
    /// A string, optionally limited to an enumeration.
    String {
        /// The allowed values; empty when any string is allowed.
        allowed: &'static [&'static str],
    },
    /// An integer with optional bounds or an enumeration.
    Integer {
        /// Smallest allowed value.
        minimum: Option<i64>,
        /// Largest allowed value.
        maximum: Option<i64>,
        /// The allowed values; empty when any integer in bounds is allowed.
        allowed: &'static [i64],
    },
    /// A number (integer or decimal).
    Number,
    /// `true` or `false`.
    Boolean,
    /// Free-form JSON (policy documents, opaque maps).
    Json,
    /// A timestamp string.
    Timestamp,
    /// A list of values of one shape.
    List(&'static Shape),
    /// A map from string keys to values of one shape.
    Map(&'static Shape),
    /// A nested property type.
    Struct(&'static Struct),
    /// Any of several shapes.
    Union(&'static [Shape]),
}

/// A nested property type, such as `AWS::ECS::Service.NetworkConfiguration`.
///
/// Property types may contain themselves (a `Statement` of `Statement`s), so
/// the properties are filled in after every struct of the resource type
/// exists, and read through [`Struct::properties`].
pub struct Struct {
    /// The property type's name, `NetworkConfiguration`.
    pub name: &'static str,
    /// Path of its documentation type in `ecsnet_core::aws`, `ecs::service::NetworkConfiguration`.
    pub core_path: &'static str,
    properties: Properties,
}

/// Where a struct's properties are: fixed at compile time, or filled in once
/// by the decoder.
enum Properties {
    Static(&'static [Property]),
    Decoded(OnceLock<&'static [Property]>),
}

impl Struct {
    /// A struct whose properties are known at compile time, such as the
    /// `CreationPolicy` and `UpdatePolicy` resource attributes.
    #[must_use]
    pub const fn from_static(
        name: &'static str,
        core_path: &'static str,
        properties: &'static [Property],
    ) -> Struct {
        Struct {
            name,
            core_path,
            properties: Properties::Static(properties),
        }
    }

    /// A struct whose properties the decoder sets later with
    /// [`Struct::set_properties`].
    pub(crate) const fn decoded(name: &'static str, core_path: &'static str) -> Struct {
        Struct {
            name,
            core_path,
            properties: Properties::Decoded(OnceLock::new()),
        }
    }

    /// Sets a decoded struct's properties (once; later calls are ignored).
    pub(crate) fn set_properties(&self, properties: &'static [Property]) {
        if let Properties::Decoded(cell) = &self.properties {
            let _ = cell.set(properties);
        }
    }

    /// Its properties, sorted by name.
    #[must_use]
    pub fn properties(&self) -> &'static [Property] {
        match &self.properties {
            Properties::Static(properties) => properties,
            Properties::Decoded(cell) => cell.get().copied().unwrap_or(&[]),
        }
    }

    /// Looks up a property by its CloudFormation name.
    #[must_use]
    pub fn property(&self, name: &str) -> Option<&'static Property> {
        self.properties().iter().find(|p| p.name == name)
    }
}

impl fmt::Debug for Struct {
    /// Names the struct only: printing its properties could recurse forever.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Struct")
            .field("name", &self.name)
            .field("core_path", &self.core_path)
            .field("properties", &self.properties().len())
            .finish()
    }
}

impl ResourceType {
    /// Looks up an attribute by its CloudFormation name.
    #[must_use]
    pub fn attribute(&self, name: &str) -> Option<&'static Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// Looks up a property by its CloudFormation name.
    #[must_use]
    pub fn property(&self, name: &str) -> Option<&'static Property> {
        self.properties.iter().find(|p| p.name == name)
    }
}

/// Looks up a resource type by its full name, decoding it on first use.
///
/// Returns `None` for an unknown name, and also if the embedded data were
/// corrupt (see [`try_resource_type`] for the reason).
#[must_use]
pub fn resource_type(name: &str) -> Option<&'static ResourceType> {
    try_resource_type(name).ok().flatten()
}

/// Looks up a resource type by its full name, decoding it on first use.
///
/// # Errors
///
/// A [`DecodeError`] if the embedded data cannot be decoded (never for the
/// artifact this crate was built with: its tests decode every type).
pub fn try_resource_type(name: &str) -> Result<Option<&'static ResourceType>, DecodeError> {
    decode::catalog()?.resource_type(name)
}

/// Every resource type name, sorted, without decoding any type (none if the
/// embedded data were corrupt).
#[must_use]
pub fn type_names() -> impl ExactSizeIterator<Item = &'static str> {
    let names: &'static [&'static str] = match decode::catalog() {
        Ok(catalog) => catalog.names(),
        Err(_) => &[],
    };
    names.iter().copied()
}

/// The shared `Tag {Key, Value}` property type (both required), used by every
/// `Tags` property the CDK types as `tag`.
#[must_use]
pub fn tag() -> &'static Struct {
    static TAG_PROPERTIES: [Property; 2] = [
        Property {
            name: "Key",
            ident: "key",
            shape: Shape::String { allowed: &[] },
            required: true,
            refers_to: &[],
        },
        Property {
            name: "Value",
            ident: "value",
            shape: Shape::String { allowed: &[] },
            required: true,
            refers_to: &[],
        },
    ];
    static TAG: Struct = Struct::from_static("Tag", "Tag", &TAG_PROPERTIES);
    &TAG
}
