//! Apps: several stacks in one module, referring to each other by path.
//!
//! ```text
//! #[app]
//! mod todobackend {
//!     #[stack] pub mod network { … #[resource(AWS::EC2::Subnet { … })] pub struct PrivateSubnet; }
//!     #[stack] pub mod application { … subnets: [network::PrivateSubnet], … }
//! }
//! ```
//!
//! No macro can list its sibling modules or change a stack that has already
//! expanded, so `#[app]` sees every stack and rewrites them before they
//! expand:
//! - In the stack that refers, `network::PrivateSubnet` becomes the name
//!   `network__PrivateSubnet`, and the declarations of `network` (and of
//!   the stacks `network` refers to) are copied into it under such names,
//!   marked `#[foreign(…)]`. The stack checks its own declarations with the
//!   copies, exactly as if they were its own, so every rule sees through the
//!   reference; it emits no copy, and a reference to one becomes
//!   `Fn::ImportValue` of the export ([`lower`]). What is found inside a
//!   copy is left to the stack it belongs to (`Errors::set_foreign`).
//! - The stack referred to gets one output per value another stack uses,
//!   exported under a name made by [`export_name`].
//! - The app gets `app()`, its stacks in deployment order, for
//!   `ecsnet::cli::app_main`. Stacks that refer to each other in a cycle
//!   cannot be deployed in any order: a compile error.

mod references;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt::Write as _;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::{Attribute, Item, ItemMod, ItemStruct};

use crate::construct::instance::Substitution;
use crate::diag::{self, Errors};
use crate::model::{
    Call, DeclarationKind, Entry, Function, Key, Object, Stack, Sub, Value, ValueKind,
};
use crate::parse::kw;

use references::Reference;

/// The rule of every error about references between stacks.
const RULE: &str = "cross-stack";

/// The export name of a stack's value: `todobackend-network:PrivateSubnet`
/// for a `Ref`, `todobackend-network:Vpc:CidrBlock` for an attribute
/// (`Endpoint.Address` is written `Endpoint-Address`). CloudFormation
/// allows letters, digits, `:` and `-` in an export name.
pub fn export_name(stack_name: &str, id: &str, attribute: &[String]) -> String {
    let mut name = format!("{stack_name}:{id}");
    if !attribute.is_empty() {
        let _ = write!(name, ":{}", attribute.join("-").replace('.', "-"));
    }
    name
}

/// `#[app]`: rewrites the stacks of the module and adds `app()`.
pub fn app(args: TokenStream, item: &TokenStream) -> TokenStream {
    let errors = Errors::new();
    let expanded = {
        let _rule = errors.rule(RULE);
        expand_app(args, item, &errors)
    };
    let errors = errors.finish().unwrap_or_default();
    quote!(#errors #expanded)
}

fn expand_app(args: TokenStream, item: &TokenStream, errors: &Errors) -> TokenStream {
    let options = match Options::parse(args) {
        Ok(options) => options,
        Err(error) => {
            errors.push(error);
            Options::default()
        }
    };
    let Ok(mut module) = syn::parse2::<ItemMod>(item.clone()) else {
        errors.push_spanned(
            Span::call_site(),
            "`#[app]` goes on an inline module of `#[stack]` modules: `#[app] mod todobackend { #[stack] mod network { … } … }`",
        );
        return item.clone();
    };
    let app_name = options
        .name
        .unwrap_or_else(|| module.ident.unraw().to_string().replace('_', "-"));
    let krate = options.crate_path;
    let Some((_, items)) = module.content.as_mut() else {
        errors.push_spanned(
            module.ident.span(),
            "`#[app]` needs the module's stacks inline: `mod todobackend { … }`",
        );
        return item.clone();
    };

    let mut stacks: Vec<StackModule> = items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| StackModule::read(index, item, &app_name))
        .collect();
    if stacks.is_empty() {
        errors.push_spanned(
            module.ident.span(),
            "this app has no stacks; declare them inside as `#[stack] mod name { … }`",
        );
    }
    let modules: Vec<String> = stacks.iter().map(|s| s.module.clone()).collect();

    // Every reference from one stack to another, as written.
    for stack in &mut stacks {
        stack.references = references::find(&stack.items, &modules, &stack.module);
    }
    let order = deployment_order(&stacks, errors);

    let (exports, imports) = exports_and_imports(&stacks, errors);
    rewrite_stacks(items, &stacks, &exports, &krate);
    items.push(app_fn(
        &app_name, &krate, &stacks, &order, &exports, &imports,
    ));
    quote!(#module)
}

/// Per stack, the values it exports for the others and the export names it
/// imports.
fn exports_and_imports(
    stacks: &[StackModule],
    errors: &Errors,
) -> (Vec<Vec<Export>>, Vec<Vec<String>>) {
    let mut exports: Vec<Vec<Export>> = vec![Vec::new(); stacks.len()];
    let mut imports: Vec<Vec<String>> = vec![Vec::new(); stacks.len()];
    for (index, stack) in stacks.iter().enumerate() {
        for reference in &stack.references {
            let producer = &stacks[reference.stack];
            let Some(target) = producer.resolve(reference, errors) else {
                continue;
            };
            let export = export_name(&producer.stack_name, &target.id, &target.attribute);
            if !imports[index].contains(&export) {
                imports[index].push(export.clone());
            }
            if producer.may_declare(&target.id)
                && !exports[reference.stack].iter().any(|e| e.name == export)
            {
                exports[reference.stack].push(Export {
                    name: export,
                    id: target.id.clone(),
                    attribute: target.attribute.clone(),
                    span: reference.span,
                });
            }
        }
    }
    (exports, imports)
}

/// Rewrites the app's stack modules: references become copies' names, the
/// copies join the stacks that refer, the stacks referred to export what is
/// used, and `#[stack]` is spelled through the facade.
fn rewrite_stacks(
    items: &mut [Item],
    stacks: &[StackModule],
    exports: &[Vec<Export>],
    krate: &syn::Path,
) {
    let mut rewritten: Vec<(usize, Vec<Item>)> = Vec::new();
    for (index, stack) in stacks.iter().enumerate() {
        // Copies first: a rule that compares two declarations reports at
        // the later one, which is then the stack's own.
        let mut stack_items: Vec<Item> = closure(index, stacks)
            .into_iter()
            .flat_map(|other| stacks[other].copies(stacks))
            .collect();
        stack_items.extend(references::rewrite_items(
            &stack.items,
            stacks,
            &stack.module,
        ));
        stack_items.extend(stacks[index].export_outputs(&exports[index]));
        rewritten.push((stack.index, stack_items));
    }
    for (index, stack_items) in rewritten {
        let Item::Mod(stack_module) = &mut items[index] else {
            continue;
        };
        for attribute in &mut stack_module.attrs {
            if is_stack_attribute(attribute) {
                // Spelled through the facade: the app's module need not
                // import `stack`.
                let path: syn::Path = syn::parse_quote!(#krate::stack);
                match &mut attribute.meta {
                    syn::Meta::Path(p) => *p = path,
                    syn::Meta::List(list) => list.path = path,
                    syn::Meta::NameValue(_) => {}
                }
            }
        }
        if let Some((_, content)) = stack_module.content.as_mut() {
            *content = stack_items;
        }
    }
}

/// `pub fn app()`: the stacks in deployment order.
fn app_fn(
    app_name: &str,
    krate: &syn::Path,
    stacks: &[StackModule],
    order: &[usize],
    exports: &[Vec<Export>],
    imports: &[Vec<String>],
) -> Item {
    let entries = order.iter().map(|&index| {
        let stack = &stacks[index];
        let module = format_ident!("{}", stack.module);
        let name = &stack.module;
        let stack_name = &stack.stack_name;
        let exports = exports[index].iter().map(|e| &e.name);
        let imports = &imports[index];
        quote! {
            .stack(
                #krate::app::AppStack::new(#name, #stack_name, #module::template)
                    .exports(&[#(#exports),*])
                    .imports(&[#(#imports),*])
            )
        }
    });
    syn::parse_quote! {
        /// The app's stacks in deployment order, each with its template, the
        /// exports it makes and the exports it imports.
        #[must_use]
        pub fn app() -> #krate::app::App {
            #krate::app::App::new(#app_name) #(#entries)*
        }
    }
}

/// `#[app(name = "…", crate = "…")]`.
struct Options {
    /// The app's name, the start of its stack names; the module's name
    /// with `-` for `_` by default.
    name: Option<String>,
    /// The facade crate's path, `::ecsnet` by default.
    crate_path: syn::Path,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            name: None,
            crate_path: syn::parse_quote!(::ecsnet),
        }
    }
}

impl Options {
    fn parse(args: TokenStream) -> syn::Result<Options> {
        let mut options = Options::default();
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("name") {
                let name: syn::LitStr = meta.value()?.parse()?;
                let text = name.value();
                // A stack name: letters, digits and `-`, starting with a letter.
                if !text.starts_with(|c: char| c.is_ascii_alphabetic())
                    || !text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    return Err(syn::Error::new(
                        name.span(),
                        format!(
                            "app name `{text}` cannot start a stack name; CloudFormation stack names are letters, digits and `-`, starting with a letter"
                        ),
                    ));
                }
                options.name = Some(text);
                Ok(())
            } else if meta.path.is_ident("crate") {
                let path: syn::LitStr = meta.value()?.parse()?;
                options.crate_path = path.parse()?;
                Ok(())
            } else {
                Err(meta.error("unknown option of `#[app]`; expected `name` or `crate`"))
            }
        });
        syn::parse::Parser::parse2(parser, args)?;
        Ok(options)
    }
}

/// Whether `attribute` is `#[stack]`, `#[stack(…)]` or `#[ecsnet::stack…]`.
fn is_stack_attribute(attribute: &Attribute) -> bool {
    attribute
        .path()
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "stack")
}

/// One `#[stack]` module of the app, as written.
struct StackModule {
    /// Its position among the app's items.
    index: usize,
    /// The module's name, `network`.
    module: String,
    /// Its CloudFormation stack name, `todobackend-network`.
    stack_name: String,
    /// Its items.
    items: Vec<Item>,
    /// The structs that declare something (or instantiate a construct),
    /// by name.
    declared: Vec<String>,
    /// The ones of them that have a value another stack can import:
    /// parameters, resources, construct instances.
    valued: Vec<String>,
    /// The parameters whose value is a list (`List<…>`,
    /// `CommaDelimitedList`): an output's value is a string, so they are
    /// exported joined with commas and imported split again.
    lists: Vec<String>,
    /// Names that prefix declarations the stack makes without writing them:
    /// construct instances and `#[repeat]` structs.
    prefixes: Vec<String>,
    /// Each output's name and the tokens of its value.
    outputs: Vec<(String, TokenStream)>,
    /// Each conditional resource's name and its condition's tokens.
    conditions: Vec<(String, TokenStream)>,
    /// Its references to other stacks.
    references: Vec<Reference>,
}

/// What a reference to another stack names in it: a declaration and maybe
/// an attribute.
struct Target {
    id: String,
    attribute: Vec<String>,
}

/// An output a stack adds to export a value another stack uses.
#[derive(Clone)]
struct Export {
    name: String,
    id: String,
    attribute: Vec<String>,
    /// The first reference to it, where its errors point.
    span: Span,
}

impl StackModule {
    fn read(index: usize, item: &Item, app_name: &str) -> Option<StackModule> {
        let Item::Mod(module) = item else {
            return None;
        };
        if !module.attrs.iter().any(is_stack_attribute) {
            return None;
        }
        let (_, items) = module.content.as_ref()?;
        let name = module.ident.unraw().to_string();
        let mut stack = StackModule {
            index,
            stack_name: format!("{app_name}-{}", name.replace('_', "-")),
            module: name,
            items: items.clone(),
            declared: Vec::new(),
            valued: Vec::new(),
            lists: Vec::new(),
            prefixes: Vec::new(),
            outputs: Vec::new(),
            conditions: Vec::new(),
            references: Vec::new(),
        };
        for item in items {
            let Item::Struct(structure) = item else {
                continue;
            };
            let name = structure.ident.unraw().to_string();
            if !declares(structure) {
                continue;
            }
            stack.declared.push(name.clone());
            if structure.attrs.iter().any(|a| {
                [kw::PARAMETER, kw::RESOURCE, kw::IMPORT, "construct"]
                    .iter()
                    .any(|k| a.path().is_ident(k))
            }) {
                stack.valued.push(name.clone());
            }
            for attribute in &structure.attrs {
                let syn::Meta::List(list) = &attribute.meta else {
                    continue;
                };
                if attribute.path().is_ident(kw::PARAMETER)
                    && list.tokens.clone().into_iter().next().is_some_and(|first| {
                        matches!(&first, TokenTree::Ident(i) if i == "List" || i == "CommaDelimitedList")
                    })
                {
                    stack.lists.push(name.clone());
                }
                if attribute.path().is_ident(kw::OUTPUT) {
                    let value: TokenStream = list
                        .tokens
                        .clone()
                        .into_iter()
                        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                        .collect();
                    stack.outputs.push((name.clone(), value));
                } else if attribute.path().is_ident("construct")
                    || attribute.path().is_ident(kw::REPEAT)
                {
                    stack.prefixes.push(name.clone());
                } else if attribute.path().is_ident(kw::CONDITION)
                    && structure
                        .attrs
                        .iter()
                        .any(|a| a.path().is_ident(kw::RESOURCE))
                {
                    stack.conditions.push((name.clone(), list.tokens.clone()));
                }
            }
        }
        Some(stack)
    }

    /// Whether the stack may declare `id` with a value to export: it writes
    /// it, or a construct instance or a `#[repeat]` of it may make it.
    fn may_declare(&self, id: &str) -> bool {
        self.valued.iter().any(|d| d == id) || self.prefixes.iter().any(|p| id.starts_with(p))
    }

    /// What `reference` names: a declaration of this stack, or the
    /// declaration an output of it names. An output whose value is not a
    /// declaration or an attribute cannot be imported by path.
    fn resolve(&self, reference: &Reference, errors: &Errors) -> Option<Target> {
        let name = reference.name.to_string();
        let Some((_, value)) = self.outputs.iter().find(|(o, _)| *o == name) else {
            return Some(Target {
                id: name,
                attribute: reference.attribute.clone(),
            });
        };
        match references::declaration_path(value) {
            Some((id, mut attribute)) if reference.attribute.is_empty() || attribute.is_empty() => {
                attribute.extend(reference.attribute.iter().cloned());
                Some(Target { id, attribute })
            }
            _ => {
                errors.push_spanned(
                    reference.span,
                    format!(
                        "output `{}::{name}` cannot be imported by path: its value is not a resource, a parameter or an attribute of one; refer to what it is computed from, or export it with `export = \"…\"` and read it with `import_value`",
                        self.module
                    ),
                );
                None
            }
        }
    }

    /// Copies of this stack's declarations for another stack: each named
    /// `module__Name`, its references to this stack's declarations renamed
    /// alike and to other stacks rewritten, marked `#[foreign(…)]`.
    /// Outputs are left out: other stacks import what they name.
    fn copies(&self, stacks: &[StackModule]) -> Vec<Item> {
        let renamed: Vec<(Ident, Ident)> = self
            .declared
            .iter()
            .map(|name| {
                (
                    Ident::new(name, Span::call_site()),
                    Ident::new(&self.copy_name(name), Span::call_site()),
                )
            })
            .collect();
        let substitution = Substitution {
            values: &[],
            renamed: &renamed,
        };
        let module = Ident::new(&self.module, Span::call_site());
        let stack_name = &self.stack_name;
        let mut copies = Vec::new();
        for item in references::rewrite_items(&self.items, stacks, &self.module) {
            let Item::Struct(mut structure) = item else {
                continue;
            };
            if !declares(&structure)
                || structure
                    .attrs
                    .iter()
                    .any(|a| a.path().is_ident(kw::OUTPUT))
            {
                continue;
            }
            let name = structure.ident.unraw();
            structure.ident = Ident::new(&self.copy_name(&name.to_string()), name.span());
            structure.attrs.retain(|a| !a.path().is_ident("doc"));
            for attribute in &mut structure.attrs {
                if let syn::Meta::List(list) = &mut attribute.meta {
                    list.tokens = substitution.tokens(list.tokens.clone(), 0);
                }
            }
            structure
                .attrs
                .push(syn::parse_quote!(#[foreign(module = #module, stack_name = #stack_name)]));
            copies.push(Item::Struct(structure));
        }
        copies
    }

    /// The name of a copy of this stack's declaration `name`.
    fn copy_name(&self, name: &str) -> String {
        format!("{}__{name}", self.module)
    }

    /// One exported output per value other stacks use.
    fn export_outputs(&self, exports: &[Export]) -> Vec<Item> {
        exports
            .iter()
            .map(|export| {
                let id = Ident::new(&export.id, export.span);
                let attribute = export.attribute.iter().map(|a| {
                    let parts = a.split('.').map(|p| Ident::new(p, export.span));
                    quote!(#(.#parts)*)
                });
                let name = &export.name;
                let value = if export.attribute.is_empty() && self.lists.contains(&export.id) {
                    quote!(join(",", #id))
                } else {
                    quote!(#id #(#attribute)*)
                };
                let struct_name = format_ident!(
                    "Export{}{}",
                    export.id,
                    export.attribute.concat().replace('.', "")
                );
                let condition = self
                    .conditions
                    .iter()
                    .find(|(n, _)| *n == export.id)
                    .map(|(_, c)| quote!(, condition = #c));
                let doc = format!(
                    "Exports {} as {name} for the other stacks of the app.",
                    export.id
                );
                syn::parse_quote! {
                    #[doc = #doc]
                    #[output(#value, export = #name #condition)]
                    pub struct #struct_name;
                }
            })
            .collect()
    }
}

/// Whether a struct declares something to ecsnet.
fn declares(structure: &ItemStruct) -> bool {
    structure.attrs.iter().any(|a| {
        kw::DECLARATION_ATTRIBUTES
            .iter()
            .chain(&["construct"])
            .any(|name| a.path().is_ident(name))
    })
}

/// The stacks `index` refers to, directly or through others: the ones
/// whose declarations it gets copies of. In app order.
fn closure(index: usize, stacks: &[StackModule]) -> Vec<usize> {
    let mut seen = vec![false; stacks.len()];
    let mut todo = vec![index];
    while let Some(next) = todo.pop() {
        for reference in &stacks[next].references {
            if !seen[reference.stack] && reference.stack != index {
                seen[reference.stack] = true;
                todo.push(reference.stack);
            }
        }
    }
    (0..stacks.len()).filter(|&i| seen[i]).collect()
}

/// The stacks in an order in which each comes after the stacks it refers
/// to, else in the app's order; a cycle is reported.
fn deployment_order(stacks: &[StackModule], errors: &Errors) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(stacks.len());
    let mut placed = vec![false; stacks.len()];
    while order.len() < stacks.len() {
        let ready = (0..stacks.len()).find(|&i| {
            !placed[i]
                && stacks[i]
                    .references
                    .iter()
                    .all(|r| placed[r.stack] || r.stack == i)
        });
        if let Some(ready) = ready {
            placed[ready] = true;
            order.push(ready);
            continue;
        }
        // Every stack left waits for another one left: a cycle among them.
        let start = (0..stacks.len()).find(|&i| !placed[i]).unwrap_or_default();
        report_cycle(start, stacks, &placed, errors);
        for (i, done) in placed.iter_mut().enumerate() {
            if !*done {
                *done = true;
                order.push(i);
            }
        }
    }
    order
}

/// Reports the cycle reached from `start` among the stacks not placed.
fn report_cycle(start: usize, stacks: &[StackModule], placed: &[bool], errors: &Errors) {
    // Follow one unplaced reference at a time until a stack repeats.
    let mut path: Vec<(usize, &Reference)> = Vec::new();
    let mut at = start;
    let mut visited: HashMap<usize, usize> = HashMap::new();
    loop {
        if let Some(&from) = visited.get(&at) {
            let cycle = &path[from..];
            let steps: Vec<String> = cycle
                .iter()
                .map(|(stack, reference)| {
                    format!(
                        "`{}` uses `{}::{}`",
                        stacks[*stack].module, stacks[reference.stack].module, reference.name
                    )
                })
                .collect();
            let (_, first) = cycle[0];
            let names: Vec<String> = cycle
                .iter()
                .map(|(stack, _)| stacks[*stack].module.clone())
                .collect();
            errors.push_spanned(
                first.span,
                format!(
                    "stacks {} refer to each other in a cycle: {}; a stack's exports must exist before another stack imports them, so references between the stacks of an app must go one way; move the shared declarations into one stack",
                    diag::list_in_backticks(&names),
                    steps.join(", ")
                ),
            );
            return;
        }
        visited.insert(at, path.len());
        let Some(reference) = stacks[at]
            .references
            .iter()
            .find(|r| !placed[r.stack] && r.stack != at)
        else {
            return;
        };
        path.push((at, reference));
        at = reference.stack;
    }
}

/// Where the copies `#[app]` put in a stack module were written, for
/// [`Errors::set_foreign`].
pub fn foreign_ranges(item: &TokenStream) -> diag::Foreign {
    let mut foreign = diag::Foreign::default();
    // Cheap test first: most stacks are not in an app.
    if !has_copies(item) {
        return foreign;
    }
    let Ok(module) = syn::parse2::<ItemMod>(item.clone()) else {
        return foreign;
    };
    let Some((_, items)) = &module.content else {
        return foreign;
    };
    for item in items {
        let Item::Struct(structure) = item else {
            continue;
        };
        let Some(attribute) = structure
            .attrs
            .iter()
            .find(|a| a.path().is_ident(kw::FOREIGN))
        else {
            continue;
        };
        let _ = attribute.parse_nested_meta(|meta| {
            if meta.path.is_ident("module") {
                let module = meta.value()?.parse::<Ident>()?.to_string();
                if !foreign.modules.contains(&module) {
                    foreign.modules.push(module);
                }
            } else {
                let _ = meta.value()?.parse::<TokenStream>()?;
            }
            Ok(())
        });
        // The copy's own tokens, not the `#[foreign]` written by `#[app]`.
        let mut copy = structure.clone();
        copy.attrs.retain(|a| !a.path().is_ident(kw::FOREIGN));
        if let Some(range) = token_range(quote!(#copy)) {
            foreign.ranges.push(range);
        }
    }
    foreign
}

/// Whether an item of the module has `#[foreign(…)]`, looking at the
/// module's top-level tokens only.
fn has_copies(item: &TokenStream) -> bool {
    let Some(TokenTree::Group(body)) = item.clone().into_iter().find(
        |t| matches!(t, TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace),
    ) else {
        return false;
    };
    body.stream().into_iter().any(|tree| match tree {
        TokenTree::Group(attribute) if attribute.delimiter() == proc_macro2::Delimiter::Bracket => {
            matches!(attribute.stream().into_iter().next(), Some(TokenTree::Ident(i)) if i == kw::FOREIGN)
        }
        _ => false,
    })
}

/// The file and the first and last positions of `tokens`.
fn token_range(tokens: TokenStream) -> Option<(String, diag::Position, diag::Position)> {
    fn visit(
        tokens: TokenStream,
        file: &mut Option<String>,
        first: &mut Option<diag::Position>,
        last: &mut Option<diag::Position>,
    ) {
        for tree in tokens {
            let span = tree.span();
            let (start, end) = (span.start(), span.end());
            // Generated tokens (line 0) have no place in the file.
            if start.line > 0 {
                if file.is_none() {
                    *file = Some(span.file());
                }
                let (start, end) = ((start.line, start.column), (end.line, end.column));
                if first.is_none_or(|f| start < f) {
                    *first = Some(start);
                }
                if last.is_none_or(|l| end > l) {
                    *last = Some(end);
                }
            }
            if let TokenTree::Group(group) = tree {
                visit(group.stream(), file, first, last);
            }
        }
    }
    let (mut file, mut first, mut last) = (None, None, None);
    visit(tokens, &mut file, &mut first, &mut last);
    Some((file?, first?, last?))
}

/// Replaces, in the stack's own declarations, each reference to a copy of
/// another stack's declaration with `Fn::ImportValue` of its export.
/// Runs after the checks, which see the references.
pub fn lower(stack: &mut Stack) {
    // What each imported name reads: a copy's export (made from its stack's
    // name, its id and the attribute read), or an `#[import]`'s.
    let copies: HashMap<String, (Imported, bool)> = stack
        .declarations
        .iter()
        .filter_map(|d| {
            let name = d.ident.to_string();
            let list = d.as_parameter().is_some_and(|p| {
                p.ty.name.starts_with("List<") || p.ty.name == "CommaDelimitedList"
            });
            if let Some(export) = d.as_parameter().and_then(|p| p.import.as_ref()) {
                return Some((name, (Imported::Named(export.value()), list)));
            }
            let foreign = d.foreign.as_ref()?;
            let id = name
                .strip_prefix(&format!("{}__", foreign.module))
                .unwrap_or(&name)
                .to_owned();
            Some((name, (Imported::Copy(foreign.stack_name.clone(), id), list)))
        })
        .collect();
    if copies.is_empty() {
        return;
    }
    let import = |name: &str, attribute: &[String], span: Span| -> Option<Value> {
        let (imported, list) = copies.get(name)?;
        let export = match imported {
            Imported::Copy(stack_name, id) => export_name(stack_name, id, attribute),
            // An import has no attributes (`reference-kind` says so).
            Imported::Named(export) => export.clone(),
        };
        let call =
            |function, args| Value::new(ValueKind::Call(Call { function, args }), span, span);
        let string = |text: &str| Value::new(ValueKind::Str(text.to_owned()), span, span);
        let value = call(Function::ImportValue, vec![string(&export)]);
        // A list travels as its items joined with commas.
        Some(if *list && attribute.is_empty() {
            call(Function::Split, vec![string(","), value])
        } else {
            value
        })
    };
    for declaration in &mut stack.declarations {
        if declaration.foreign.is_some() {
            continue;
        }
        match &mut declaration.kind {
            DeclarationKind::Resource(resource) => {
                lower_object(&mut resource.properties, &import);
                for object in [
                    &mut resource.metadata,
                    &mut resource.creation_policy,
                    &mut resource.update_policy,
                ]
                .into_iter()
                .flatten()
                {
                    lower_object(object, &import);
                }
            }
            DeclarationKind::Output(output) => {
                lower_value(&mut output.value, &import);
                if let Some(export) = &mut output.export {
                    lower_value(export, &import);
                }
            }
            _ => {}
        }
    }
}

/// Where an imported name's value comes from.
enum Imported {
    /// A copy of another stack's declaration: that stack's name and the id.
    Copy(String, String),
    /// `#[import(…, export = "…")]`: the export's name.
    Named(String),
}

/// How a reference to a copy is imported, if `name` is one.
type Import<'a> = dyn Fn(&str, &[String], Span) -> Option<Value> + 'a;

fn lower_object(object: &mut Object, import: &Import<'_>) {
    for entry in &mut object.entries {
        lower_value(&mut entry.value, import);
    }
}

fn lower_value(value: &mut Value, import: &Import<'_>) {
    let replacement = match &mut value.kind {
        ValueKind::Ref(name) => import(&name.to_string(), &[], value.span),
        ValueKind::GetAtt(name, attribute) => {
            let attribute = [attribute
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".")];
            import(&name.to_string(), &attribute, value.span)
        }
        ValueKind::List(items) => {
            for item in items {
                lower_value(item, import);
            }
            None
        }
        ValueKind::Object(object) => {
            lower_object(object, import);
            None
        }
        ValueKind::Call(call) => {
            for arg in &mut call.args {
                lower_value(arg, import);
            }
            None
        }
        ValueKind::Sub(sub) => {
            lower_sub(sub, value.span, import);
            None
        }
        _ => None,
    };
    if let Some(replacement) = replacement {
        value.kind = replacement.kind;
    }
}

/// `${network__Vpc.CidrBlock}` in a `sub!` becomes `${networkVpcCidrBlock}`,
/// a variable of the `Fn::Sub` that imports the value.
fn lower_sub(sub: &mut Sub, span: Span, import: &Import<'_>) {
    if let Some(variables) = &mut sub.variables {
        lower_object(variables, import);
    }
    let text = sub.template.value();
    if !text.contains("__") {
        return;
    }
    let mut result = String::with_capacity(text.len());
    let mut added: Vec<Entry> = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("${") {
        result.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(close) = after.find('}') else {
            break;
        };
        let inner = &after[..close];
        let (head, tail) = inner
            .split_once('.')
            .map_or((inner, None), |(h, t)| (h, Some(t)));
        let attribute: Vec<String> = tail.map(|t| vec![t.to_owned()]).unwrap_or_default();
        match import(head, &attribute, span) {
            Some(value) => {
                let variable: String = inner.chars().filter(char::is_ascii_alphanumeric).collect();
                let _ = write!(result, "${{{variable}}}");
                if !added.iter().any(|e| e.key.name == variable) {
                    added.push(Entry {
                        key: Key {
                            name: variable,
                            span,
                            quoted: true,
                        },
                        value,
                    });
                }
            }
            None => {
                let _ = write!(result, "${{{inner}}}");
            }
        }
        rest = &after[close + 1..];
    }
    result.push_str(rest);
    if added.is_empty() {
        return;
    }
    sub.template = syn::LitStr::new(&result, sub.template.span());
    let variables = sub.variables.get_or_insert_with(|| Object {
        entries: Vec::new(),
        span,
    });
    variables.entries.extend(added);
}

/// The references between stacks that CloudFormation cannot make: to
/// another stack's conditions and mappings, in `depends_on`, and in a
/// condition's expression (which reads parameters only).
pub fn check(stack: &Stack, errors: &Errors) {
    let foreign: HashMap<String, &crate::model::Foreign> = stack
        .declarations
        .iter()
        .filter_map(|d| Some((d.ident.to_string(), d.foreign.as_ref()?)))
        .collect();
    if foreign.is_empty() {
        return;
    }
    let _rule = errors.rule(RULE);
    let is_foreign = |ident: &Ident| foreign.contains_key(&ident.to_string());
    for declaration in stack.declarations.iter().filter(|d| d.foreign.is_none()) {
        if let Some(condition) = declaration.condition().filter(|c| is_foreign(c)) {
            errors.push_spanned(
                condition.span(),
                format!("`{condition}` is a condition of another stack; a condition decides only in the stack that declares it, so declare one here on the same parameters"),
            );
        }
        if let Some(resource) = declaration.as_resource() {
            for dependency in resource.depends_on.iter().filter(|d| is_foreign(d)) {
                errors.push_spanned(
                    dependency.span(),
                    format!("`depends_on` names `{dependency}`, a resource of another stack; that stack is deployed first, so leave it out"),
                );
            }
        }
        let in_condition = declaration.as_condition().is_some();
        let mut visit = |value: &Value| match &value.kind {
            ValueKind::ConditionName(name) | ValueKind::MappingName(name) if is_foreign(name) => {
                errors.push_spanned(
                    value.span,
                    format!("`{name}` belongs to another stack; conditions and mappings are read only in the stack that declares them"),
                );
            }
            ValueKind::Ref(name) | ValueKind::GetAtt(name, _)
                if in_condition && is_foreign(name) =>
            {
                errors.push_spanned(
                    value.span,
                    format!("a condition cannot read `{name}` from another stack; conditions read parameters only"),
                );
            }
            _ => {}
        };
        match &declaration.kind {
            DeclarationKind::Resource(resource) => resource.walk(&mut visit),
            DeclarationKind::Output(output) => output.value.walk(&mut visit),
            DeclarationKind::Condition(condition) => condition.expression.walk(&mut visit),
            _ => {}
        }
    }
}
