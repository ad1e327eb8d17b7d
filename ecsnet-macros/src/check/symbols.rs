//! The symbol table: every logical id of the stack and what it names.

use std::collections::BTreeMap;

use syn::Ident;
use syn::ext::IdentExt;

use crate::model::{
    Condition, Declaration, DeclarationKind, Mapping, Output, Parameter, Resource, Stack,
};
use crate::schema::parameter_types::{self, ParameterShape};

/// What a logical id names.
#[derive(Clone, Copy)]
pub enum Symbol<'a> {
    Parameter(&'a Parameter),
    Resource(&'a Declaration, &'a Resource),
    /// An output: named by its logical id or its struct, never reachable.
    Output(&'a Output),
    /// A declaration that did not parse; references to it raise nothing more.
    Broken,
}

/// Logical ids to declarations, in name order so that suggestions are
/// deterministic; the first declaration of a duplicated id wins.
pub struct Symbols<'a> {
    by_name: BTreeMap<String, Symbol<'a>>,
    /// Conditions, a namespace of their own (`if_`, `#[condition(…)]`).
    pub conditions: BTreeMap<String, (&'a Declaration, &'a Condition)>,
    /// Mappings, a namespace of their own (`find_in_map`).
    pub mappings: BTreeMap<String, (&'a Declaration, &'a Mapping)>,
}

impl<'a> Symbols<'a> {
    pub fn new(stack: &'a Stack, broken: &[Ident]) -> Symbols<'a> {
        let mut by_name = BTreeMap::new();
        let mut conditions = BTreeMap::new();
        let mut mappings = BTreeMap::new();
        for ident in broken {
            by_name.insert(ident.to_string(), Symbol::Broken);
        }
        for declaration in &stack.declarations {
            let symbol = match &declaration.kind {
                DeclarationKind::Parameter(p) => Symbol::Parameter(p),
                DeclarationKind::Resource(r) => Symbol::Resource(declaration, r),
                DeclarationKind::Output(_) => continue,
                DeclarationKind::Condition(c) => {
                    conditions
                        .entry(declaration.ident.to_string())
                        .or_insert((declaration, c));
                    continue;
                }
                DeclarationKind::Mapping(m) => {
                    mappings
                        .entry(declaration.ident.to_string())
                        .or_insert((declaration, m));
                    continue;
                }
            };
            by_name
                .entry(declaration.ident.to_string())
                .or_insert(symbol);
        }
        // Outputs are a namespace of their own, which `Ref` never reaches:
        // an output's name (or its struct's) stands for the output only
        // where no parameter or resource has it, so that a reference to
        // it can be told apart from a typo.
        for declaration in &stack.declarations {
            if let DeclarationKind::Output(output) = &declaration.kind {
                for name in [&declaration.ident, &declaration.rust_ident.unraw()] {
                    by_name
                        .entry(name.to_string())
                        .or_insert(Symbol::Output(output));
                }
            }
        }
        Symbols {
            by_name,
            conditions,
            mappings,
        }
    }

    pub fn get(&self, name: &str) -> Option<Symbol<'a>> {
        self.by_name.get(name).copied()
    }

    /// Names that a `Ref` can reach (parameters and resources), for suggestions.
    pub fn referable_names(&self) -> impl Iterator<Item = &str> {
        self.by_name
            .iter()
            .filter(|(_, s)| matches!(s, Symbol::Parameter(_) | Symbol::Resource(..)))
            .map(|(name, _)| name.as_str())
    }

    /// Names of resources, for suggestions.
    pub fn resource_names(&self) -> impl Iterator<Item = &str> {
        self.by_name
            .iter()
            .filter(|(_, s)| matches!(s, Symbol::Resource(..)))
            .map(|(name, _)| name.as_str())
    }
}

impl Parameter {
    /// What the parameter holds; its type was validated when parsed.
    pub fn shape(&self) -> ParameterShape {
        parameter_types::shape(&self.ty.name).unwrap_or(ParameterShape {
            is_list: false,
            is_number: false,
            identifies: None,
        })
    }
}
