//! ecsnet: infrastructure as Rust code for AWS CloudFormation, where a
//! broken stack does not compile.
//!
//! Declare a stack as a Rust module with `#[stack]`; `cargo check` checks
//! every property, reference and cross-resource rule, and only a stack that
//! passes emits CloudFormation JSON or YAML.

pub use ecsnet_core::*;
pub use ecsnet_macros::{app, construct, stack};

#[doc(hidden)]
pub use ecsnet_macros::__stack_resume;

/// ecsnet's construct library: the chapter's patterns, instantiated with
/// `#[construct(ecsnet::constructs::private_subnet { … })] struct Name;`.
/// See the book, "Constructs".
pub mod constructs {
    pub use ecsnet_constructs::{awsvpc_service, nat_gateway, private_subnet};
}

/// The names a stack module needs: `use ecsnet::prelude::*;`.
pub mod prelude {
    pub use ecsnet_core::{
        StackCondition, StackMapping, StackOutput, StackParameter, StackResource, Template, Value,
    };
    pub use ecsnet_macros::{app, construct, stack};
}

// The README's examples are compiled and run as doctests, so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
