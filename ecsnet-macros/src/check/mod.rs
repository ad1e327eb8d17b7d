//! Checking: every rule that a stack must satisfy, run on the parsed
//! [`Stack`] before anything is generated.
//!
//! `check` dispatches to one function per rule area. Rules never stop at the
//! first error: each pushes what it finds to [`Errors`] and the next one runs.
//! A rule decides only from what the stack states: where a value is a
//! parameter, an import or any other deploy-time value, the rule uses what
//! the stack declares about it (allowed values, a declared CIDR) or stays
//! silent. It never guesses.
//!
//! Adding a rule: write `check_<rule>(cx: &Context)` in the module of its
//! area, cite the AWS documentation it comes from in its comment, report at
//! the token the user must change, and call it from [`check`].

mod functions;
mod infer;
mod parameters;
mod properties;
mod references;
mod symbols;
mod syntax;

pub use symbols::{Symbol, Symbols};

use syn::Ident;

use crate::diag::Errors;
use crate::model::Stack;

/// What every rule gets: the stack, its symbol table, and the error collector.
pub struct Context<'a> {
    pub stack: &'a Stack,
    pub symbols: Symbols<'a>,
    pub errors: &'a Errors,
}

/// Runs every rule on the stack.
pub fn check(stack: &Stack, broken: &[Ident], errors: &Errors) {
    let cx = Context {
        stack,
        symbols: Symbols::new(stack, broken),
        errors,
    };
    syntax::check_logical_ids(&cx);
    syntax::check_template_limits(&cx);
    parameters::check_parameters(&cx);
    references::check_references(&cx);
    references::check_depends_on(&cx);
    properties::check_resource_types(&cx);
    properties::check_properties(&cx);
    properties::check_resource_attributes(&cx);
    functions::check_function_arguments(&cx);
}
