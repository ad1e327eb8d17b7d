//! The attribute and option names ecsnet understands, in one place.

/// `#[parameter(…)]` on a unit struct.
pub const PARAMETER: &str = "parameter";
/// `#[resource(…)]` on a unit struct.
pub const RESOURCE: &str = "resource";
/// `#[output(…)]` on a unit struct.
pub const OUTPUT: &str = "output";
/// `#[condition(…)]`: alone on a unit struct it declares a condition; next
/// to `#[resource]` it makes the resource conditional.
pub const CONDITION: &str = "condition";
/// `#[mapping { … }]` on a unit struct.
pub const MAPPING: &str = "mapping";
/// `#[import(Type, export = "…")]`: a value another stack or tool exports.
pub const IMPORT: &str = "import";

/// Resource attributes written as their own Rust attributes next to `#[resource]`.
pub const DEPENDS_ON: &str = "depends_on";
pub const METADATA: &str = "metadata";
pub const CREATION_POLICY: &str = "creation_policy";
pub const UPDATE_POLICY: &str = "update_policy";
pub const DELETION_POLICY: &str = "deletion_policy";
pub const UPDATE_REPLACE_POLICY: &str = "update_replace_policy";
pub const ACKNOWLEDGE: &str = "acknowledge";
/// `#[version("1.0")]`: the `Version` attribute of a custom resource.
pub const VERSION: &str = "version";
/// `#[repeat(for … in …)]`, one declaration for several instances.
pub const REPEAT: &str = "repeat";
/// `#[foreign(module = network, stack_name = "…")]`: written by `#[app]` on
/// the copy of another stack's declaration.
pub const FOREIGN: &str = "foreign";

/// Every attribute that the stack macro consumes.
pub const DECLARATION_ATTRIBUTES: &[&str] =
    &[PARAMETER, RESOURCE, OUTPUT, CONDITION, MAPPING, IMPORT];
/// Attributes that shape a declaration without being one.
pub const DECLARATION_MODIFIERS: &[&str] = &[REPEAT];
pub const RESOURCE_ATTRIBUTES: &[&str] = &[
    DEPENDS_ON,
    METADATA,
    CREATION_POLICY,
    UPDATE_POLICY,
    DELETION_POLICY,
    UPDATE_REPLACE_POLICY,
    ACKNOWLEDGE,
    VERSION,
];

/// Options of `#[import(Type, …)]`.
pub const IMPORT_OPTIONS: &[&str] = &["export", "cidr", "existing_subnets"];

/// Options of `#[parameter(Type, …)]`.
pub const PARAMETER_OPTIONS: &[&str] = &[
    "description",
    "default",
    "allowed_values",
    "allowed_pattern",
    "constraint_description",
    "min_length",
    "max_length",
    "min_value",
    "max_value",
    "no_echo",
    "cidr",
    "existing_subnets",
];

/// Options of `#[output(value, …)]`.
pub const OUTPUT_OPTIONS: &[&str] = &["name", "description", "export", "condition"];

/// Options of `#[stack(…)]`.
pub const STACK_OPTIONS: &[&str] = &["description", "transform", "metadata", "rules", "crate"];

/// The values `DeletionPolicy` and `UpdateReplacePolicy` take
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html>).
pub const DELETION_POLICIES: &[&str] = &["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"];
