//! Expansion: the user's module, kept as written (minus ecsnet's
//! attributes), plus a trait impl per declaration and the `template()`
//! function that builds the CloudFormation template.
//!
//! Generated code names everything by absolute path through the facade's
//! `__private` module, and the template is built from string literals, so
//! `template()` allocates only the maps and vectors it fills.

mod template;
mod values;

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Item;
use syn::ext::IdentExt;
use syn::parse::Parser as _;

use crate::check;
use crate::construct::Definitions;
use crate::construct::instance::Expanded;
use crate::diag::Errors;
use crate::fallback;
use crate::model::{DeclarationKind, Resource, Stack};
use crate::parse::{self, Parsed};
use crate::schema;

/// `#[stack]`: parse, check, expand.
pub fn stack(args: TokenStream, item: &TokenStream) -> TokenStream {
    stack_with(args, item, &Definitions::default())
}

/// `__stack_resume!`: a construct's callback, with the stack's state and
/// the construct's definition (see `construct`).
pub fn resume(input: TokenStream) -> TokenStream {
    match crate::construct::resumed(input) {
        Ok(resumed) => {
            let mut definitions = resumed.definitions;
            definitions.entries.push(resumed.supplied);
            stack_with(resumed.args, &resumed.module, &definitions)
        }
        Err(message) => syn::Error::new(proc_macro2::Span::call_site(), message).to_compile_error(),
    }
}

fn stack_with(args: TokenStream, item: &TokenStream, definitions: &Definitions) -> TokenStream {
    let errors = Errors::new();
    let args = parse::cut_deep_groups(args, &errors);
    let item = &parse::cut_deep_groups(item.clone(), &errors);
    errors.set_foreign(crate::app::foreign_ranges(item));
    // Instances of constructs become declarations; a construct not seen
    // yet is asked for its definition, and the stack resumes with it.
    let item = &match crate::construct::instance::expand_known(item, definitions, &errors) {
        Expanded::Done(module) => module,
        Expanded::Pending(module, path) => {
            if definitions.entries.len() >= crate::construct::MAX_ROUNDS {
                errors.push_spanned(
                    proc_macro2::Span::call_site(),
                    format!(
                        "this stack instantiates constructs more than {} levels deep; a construct may not instantiate itself",
                        crate::construct::MAX_ROUNDS
                    ),
                );
                let errors = errors.finish().unwrap_or_default();
                return quote!(#errors);
            }
            let krate = parse::crate_path(&args);
            let request = crate::construct::request(&krate, &path, &args, &module, definitions);
            let errors = errors.finish().unwrap_or_default();
            return quote!(#errors #request);
        }
    };
    let parsed = match parse::parse(args, item, &errors) {
        Ok(parsed) => parsed,
        Err(error) => {
            errors.push(error);
            return fallback::unparsed(item, errors);
        }
    };
    check::check(&parsed.stack, &parsed.broken, &errors);
    let mut parsed = parsed;
    crate::app::lower(&mut parsed.stack);
    let expanded = expand(parsed);
    let warnings = errors.warnings();
    let errors = errors.finish().unwrap_or_default();
    quote!(#errors #warnings #expanded)
}

fn expand(parsed: Parsed) -> TokenStream {
    let Parsed {
        mut stack,
        mut module,
        mut repeated,
        ..
    } = parsed;
    let copies = drop_copies(&mut stack, &mut repeated);
    // A second declaration of a logical id was reported; dropping its struct
    // keeps rustc from adding E0428 "defined multiple times" on top.
    let (_, items) = module
        .content
        .as_mut()
        .expect("parse checked the module is inline");
    // Names as strings in sets: comparing `Ident`s allocates, and a stack has
    // hundreds of declarations.
    let declared: HashSet<String> = stack
        .declarations
        .iter()
        .map(|d| d.rust_ident.unraw().to_string())
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    items.retain(|item| match item {
        Item::Struct(s) => {
            let name = s.ident.unraw().to_string();
            !copies.contains(&name) && (!declared.contains(&name) || seen.insert(name))
        }
        _ => true,
    });
    // Every struct name the module defines, so a repeated instance that
    // clashes with one (a duplicate row, a hand-written `LogsA`) is left out:
    // the clash is reported as a duplicate logical id, and rustc adds no
    // E0428 "defined multiple times" of its own.
    let mut defined: HashSet<String> = items
        .iter()
        .filter_map(|item| match item {
            Item::Struct(s) => Some(s.ident.unraw().to_string()),
            _ => None,
        })
        .collect();

    // Each resource's struct carries its type's summary and AWS page, so
    // rustdoc and an editor's hover on the struct say what it declares.
    let type_docs: std::collections::HashMap<String, String> = stack
        .declarations
        .iter()
        .filter_map(|d| {
            Some((
                d.rust_ident.unraw().to_string(),
                type_doc(d.as_resource()?)?,
            ))
        })
        .collect();
    for item in items.iter_mut() {
        if let Item::Struct(s) = item
            && let Some(doc) = type_docs.get(&s.ident.unraw().to_string())
        {
            let separator = (!s.attrs.is_empty()).then(|| quote!(#[doc = ""]));
            s.attrs.extend(
                syn::Attribute::parse_outer
                    .parse2(quote!(#separator #[doc = #doc]))
                    .expect("doc attributes parse"),
            );
        }
    }

    // A repeated struct stays as written, and names its instances; each
    // instance gets a struct of its own, with the same documentation.
    let mut instance_structs = TokenStream::new();
    for group in &repeated {
        let Some(base) = items.iter().find_map(|item| match item {
            Item::Struct(s) if s.ident == group.base => Some(s.clone()),
            _ => None,
        }) else {
            continue;
        };
        let base_ident = &base.ident;
        let ids: Vec<String> = group.instances.iter().map(ToString::to_string).collect();
        let count = ids.len();
        instance_structs.extend(quote! {
            impl #base_ident {
                /// The logical ids of the resources this declaration repeats.
                pub const LOGICAL_IDS: [&'static str; #count] = [#(#ids),*];
            }
        });
        for instance in &group.instances {
            if !defined.insert(instance.to_string()) {
                continue;
            }
            let mut copy = base.clone();
            copy.ident = instance.clone();
            instance_structs.extend(quote!(#copy));
        }
    }

    let impls = declaration_impls(&stack);
    let template_fn = template::template_fn(&stack);
    // `template()` uses every declaration, but through strings, so rustc
    // would call each struct of a private stack module "never constructed".
    let mut named = HashSet::new();
    let uses: Vec<TokenStream> = stack
        .declarations
        .iter()
        .map(|d| &d.rust_ident)
        .chain(repeated.iter().map(|r| &r.base))
        .filter(|ident| named.insert(ident.unraw().to_string()))
        .map(|ident| quote!(let _ = #ident;))
        .collect();
    items.push(Item::Verbatim(quote! {
        #instance_structs
        #impls
        #template_fn
        const _: () = { #(#uses)* };
    }));
    quote!(#module)
}

/// Drops the copies of other stacks' declarations (see `app`), which were
/// checked with this stack but are neither emitted nor defined; their
/// structs' names.
fn drop_copies(stack: &mut Stack, repeated: &mut Vec<crate::parse::Repeated>) -> HashSet<String> {
    let copies = stack
        .declarations
        .iter()
        .filter(|d| d.foreign.is_some())
        .map(|d| d.rust_ident.unraw().to_string())
        .chain(
            repeated
                .iter()
                .filter(|r| r.foreign)
                .map(|r| r.base.unraw().to_string()),
        )
        .collect();
    stack.declarations.retain(|d| d.foreign.is_none());
    repeated.retain(|r| !r.foreign);
    copies
}

/// `impl StackResource for Name { … }` and friends, one per declaration.
fn declaration_impls(stack: &Stack) -> TokenStream {
    let krate = &stack.crate_path;
    let mut seen = HashSet::new();
    let mut impls = TokenStream::new();
    for declaration in &stack.declarations {
        // One impl per struct: the first declaration of a struct name
        // wins, as the expansion keeps only its struct.
        if !seen.insert(declaration.rust_ident.unraw().to_string()) {
            continue;
        }
        let ident = &declaration.rust_ident;
        let logical_id = declaration.ident.to_string();
        impls.extend(match &declaration.kind {
            DeclarationKind::Parameter(parameter) => {
                let ty = &parameter.ty.name;
                quote! {
                    #[automatically_derived]
                    impl #krate::StackParameter for #ident {
                        const LOGICAL_ID: &'static str = #logical_id;
                        const TYPE: &'static str = #ty;
                    }
                }
            }
            DeclarationKind::Resource(resource) => {
                // The documentation type, spanned on the user's type path so
                // that hovering it in an editor shows the type's documentation:
                // the one in `ecsnet::aws` where ecsnet has it, else a type made
                // here from the schema's summary and AWS page.
                let (doc_item, doc_type) = documentation_type(krate, resource);
                quote! {
                    const _: () = {
                        #doc_item
                        #[automatically_derived]
                        impl #krate::StackResource for #ident {
                            const LOGICAL_ID: &'static str = #logical_id;
                            type Type = #doc_type;
                        }
                    };
                }
            }
            DeclarationKind::Output(_) => quote! {
                #[automatically_derived]
                impl #krate::StackOutput for #ident {
                    const LOGICAL_ID: &'static str = #logical_id;
                }
            },
            DeclarationKind::Condition(_) => quote! {
                #[automatically_derived]
                impl #krate::StackCondition for #ident {
                    const LOGICAL_ID: &'static str = #logical_id;
                }
            },
            DeclarationKind::Mapping(_) => quote! {
                #[automatically_derived]
                impl #krate::StackMapping for #ident {
                    const LOGICAL_ID: &'static str = #logical_id;
                }
            },
        });
    }
    impls
}

/// The line the macro adds to a resource's documentation: the type, its
/// summary and its AWS page.
fn type_doc(resource: &Resource) -> Option<String> {
    let schema = resource.schema?;
    let mut doc = format!(
        "CloudFormation type [`{}`]({})",
        schema.name, schema.docs_url
    );
    if !schema.summary.is_empty() {
        doc.push_str(": ");
        doc.push_str(&ecsnet_schema::describe::plain_markdown(schema.summary));
    }
    Some(doc)
}

/// The documentation type of a resource's type, and the item that defines
/// it when ecsnet has none in `ecsnet::aws`: a struct named like the type's
/// last segment and spanned on it, documented with the schema's summary and
/// the AWS page, local to the resource's impl.
fn documentation_type(krate: &syn::Path, resource: &Resource) -> (TokenStream, TokenStream) {
    let span = resource.type_end;
    if let Some(path) = resource
        .schema
        .and_then(|schema| schema::documentation_path(schema.name))
    {
        let path: syn::Path = syn::parse_str(path).expect("the generator writes valid paths");
        return (
            TokenStream::new(),
            quote_spanned!(span=> #krate::aws::#path),
        );
    }
    if resource.is_custom {
        return (
            TokenStream::new(),
            quote!(#krate::aws::cloudformation::CustomResource),
        );
    }
    let Some(schema) = resource.schema else {
        return (
            TokenStream::new(),
            quote!(#krate::__private::UnknownResourceType),
        );
    };
    let name = schema.name;
    let last = name.rsplit("::").next().unwrap_or(name);
    // A keyword as the last segment would make `Ident::new` panic; no type
    // has one today, but the data may change.
    let last = if syn::parse_str::<syn::Ident>(last).is_ok() {
        last
    } else {
        "ResourceType"
    };
    let ident = syn::Ident::new(last, span);
    let summary = ecsnet_schema::describe::plain_markdown(schema.summary);
    let link = format!("[`{name}`]({})", schema.docs_url);
    let item = quote! {
        #[doc = #summary]
        #[doc = ""]
        #[doc = #link]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub struct #ident;
        #[automatically_derived]
        impl #krate::ResourceType for #ident {
            const TYPE_NAME: &'static str = #name;
        }
    };
    (item, quote!(#ident))
}
