//! The CloudFormation resource schemas, as plain Rust data.
//!
//! `generated.rs` is written by `spec/generate.py` from the vendored schemas
//! under `spec/` (never by hand); this module only declares the shapes of
//! that data and the lookups the checker needs.

pub mod eni_limits;
mod generated;
pub mod parameter_types;

pub use generated::{CREATION_POLICY, RESOURCE_TYPES, UPDATE_POLICY};

/// One CloudFormation resource type, such as `AWS::EC2::Subnet`.
pub struct ResourceType {
    /// The full type name, `AWS::EC2::Subnet`.
    pub name: &'static str,
    /// Path of the documentation type in `ecsnet_core::aws`, such as `ec2::Subnet`.
    pub core_path: &'static str,
    /// Properties in schema order.
    pub properties: &'static [Property],
    /// `Fn::GetAtt` attributes, nested ones written with dots (`Endpoint.Address`).
    pub attributes: &'static [Attribute],
    /// The property or attribute that `Ref` returns, when the schema says so.
    pub ref_returns: Option<&'static str>,
    /// The AWS documentation page of the type.
    pub docs_url: &'static str,
}

/// One property of a resource type or of a nested property type.
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
pub struct Relation {
    /// The referenced type, `AWS::EC2::VPC`.
    pub type_name: &'static str,
    /// The referenced property or attribute of that type, `VpcId`.
    #[allow(
        dead_code,
        reason = "the `reference-kind` rule compares types only: the CDK's property names are too loose to compare (a `Ref` often returns a name where the data lists an ARN)"
    )]
    pub property: &'static str,
}

/// One `Fn::GetAtt` attribute of a resource type.
pub struct Attribute {
    /// The attribute name, `AllocationId` or `Endpoint.Address`.
    pub name: &'static str,
    /// The `snake_case` spelling, used to explain read-only properties.
    pub ident: &'static str,
}

/// The value shape of a property.
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
    #[allow(
        dead_code,
        reason = "no vendored resource type has a timestamp property yet"
    )]
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
pub struct Struct {
    /// The property type's name, `NetworkConfiguration`.
    pub name: &'static str,
    /// Path of its documentation type in `ecsnet_core::aws`.
    #[allow(
        dead_code,
        reason = "the expansion links resources, not nested types, to their documentation"
    )]
    pub core_path: &'static str,
    /// Its properties.
    pub properties: &'static [Property],
}

impl ResourceType {
    /// Looks up an attribute by its CloudFormation name.
    pub fn attribute(&self, name: &str) -> Option<&'static Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

/// Looks up a resource type by its full name.
pub fn resource_type(name: &str) -> Option<&'static ResourceType> {
    RESOURCE_TYPES.iter().find(|t| t.name == name)
}
