//! Procedural macros of ecsnet: `#[stack]` parses a module of declarations,
//! checks every rule, and expands to marker types plus a `template()`
//! function.
//!
//! Each entry point delegates to a `proc_macro2` function, so expansion can
//! be unit-tested without a compiler.

mod app;
mod check;
mod construct;
mod diag;
mod expand;
mod fallback;
#[cfg(test)]
mod fuzz;
mod model;
mod parse;
mod schema;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a CloudFormation stack as a Rust module.
///
/// ```ignore
/// #[ecsnet::stack(description = "A private subnet")]
/// pub mod network {
///     /// Target VPC
///     #[parameter(AWS::EC2::VPC::Id)]
///     pub struct VpcId;
///
///     #[resource(AWS::EC2::Subnet {
///         cidr_block: "172.31.96.0/20",
///         vpc_id: VpcId,
///     })]
///     pub struct PrivateSubnet;
/// }
/// ```
///
/// See the ecsnet book for the whole language.
#[proc_macro_attribute]
pub fn stack(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::stack(args.into(), &item.into()).into()
}

/// Defines a construct: a named group of declarations with typed inputs,
/// instantiated in a stack with `#[construct(path { input: value, … })]`.
///
/// ```ignore
/// #[ecsnet::construct]
/// pub mod nat_gateway {
///     /// The public subnet the gateway lives in.
///     #[input(AWS::EC2::Subnet::Id)]
///     pub struct PublicSubnet;
///
///     #[resource(AWS::EC2::EIP { domain: "vpc" })]
///     pub struct Address;
///
///     #[resource(AWS::EC2::NatGateway {
///         allocation_id: Address.AllocationId,
///         subnet_id: PublicSubnet,
///     })]
///     pub struct Gateway;
/// }
/// ```
///
/// `#[construct(export)]` makes it usable from other crates, as
/// `that_crate::nat_gateway`. See the ecsnet book, "Constructs".
#[proc_macro_attribute]
pub fn construct(args: TokenStream, item: TokenStream) -> TokenStream {
    construct::definition::construct(args.into(), &item.into()).into()
}

/// Declares an app: several `#[stack]` modules that refer to each other by
/// path, with the exports, the imports and the deployment order made for
/// them.
///
/// ```ignore
/// #[ecsnet::app]
/// pub mod todobackend {
///     #[stack]
///     pub mod network {
///         #[resource(AWS::EC2::Subnet { cidr_block: "172.31.96.0/20", vpc_id: "vpc-0123" })]
///         pub struct PrivateSubnet;
///     }
///     #[stack]
///     pub mod application {
///         #[resource(AWS::EC2::RouteTable { vpc_id: "vpc-0123" })]
///         pub struct Routes;
///         #[resource(AWS::EC2::SubnetRouteTableAssociation {
///             subnet_id: network::PrivateSubnet,
///             route_table_id: Routes,
///         })]
///         pub struct Association;
///     }
/// }
/// ```
///
/// `todobackend::app()` gives the stacks in deployment order, for
/// `ecsnet::cli::app_main`. See the ecsnet book, "Apps".
#[proc_macro_attribute]
pub fn app(args: TokenStream, item: TokenStream) -> TokenStream {
    app::app(args.into(), &item.into()).into()
}

/// The callback of constructs; not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn __stack_resume(input: TokenStream) -> TokenStream {
    expand::resume(input.into()).into()
}
