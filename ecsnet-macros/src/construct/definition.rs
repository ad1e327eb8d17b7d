//! `#[construct] mod name { … }`: a construct's definition, kept as a
//! `macro_rules!` that hands its tokens to the stack that instantiates it.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::{Item, ItemMod};

use crate::diag::Errors;

/// Options of `#[construct(…)]`: `export` makes the construct usable from
/// other crates, as `that_crate::name`.
struct Options {
    export: bool,
}

fn options(args: TokenStream) -> syn::Result<Options> {
    let mut export = false;
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("export") {
            export = true;
            Ok(())
        } else {
            Err(meta.error(
                "unknown option of `#[construct]`; the one option is `export`, for constructs other crates instantiate",
            ))
        }
    });
    syn::parse::Parser::parse2(parser, args)?;
    Ok(Options { export })
}

/// Expands a construct's definition.
pub fn construct(args: TokenStream, item: &TokenStream) -> TokenStream {
    let errors = Errors::new();
    let options = match options(args) {
        Ok(options) => options,
        Err(error) => {
            errors.push(error);
            Options { export: false }
        }
    };
    let module: ItemMod = match syn::parse2::<ItemMod>(item.clone()) {
        Ok(module) if module.content.is_some() => module,
        _ => {
            let span = item
                .clone()
                .into_iter()
                .next()
                .map_or_else(Span::call_site, |t| t.span());
            errors.push_spanned(
                span,
                "`#[construct]` goes on an inline module: `#[construct] pub mod private_subnet { … }`",
            );
            let errors = errors.finish().unwrap_or_default();
            return quote!(#errors #item);
        }
    };
    let (_, items) = module.content.as_ref().expect("checked above");
    check_items(items, &errors);
    let name = &module.ident;
    let vis = &module.vis;
    let attrs: Vec<&syn::Attribute> = module
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .collect();
    let body: TokenStream = items.iter().map(|item| quote!(#item)).collect();
    let local = format_ident!("__ecsnet_construct_{}", name);
    // Called with a callback and a state, the macro calls the callback
    // with the state and the definition.
    let rule = quote! {
        ({ $($callback:tt)* } { $($state:tt)* }) => {
            $($callback)* ! { $($state)* @construct { #body } }
        };
    };
    let exported = options.export.then(|| {
        quote! {
            #[doc(hidden)]
            #[macro_export]
            macro_rules! #name { #rule }
        }
    });
    let errors = errors.finish().unwrap_or_default();
    quote! {
        #errors
        #(#attrs)*
        #vis mod #name {}
        #[doc(hidden)]
        macro_rules! #local { #rule }
        // A `macro_rules!` is used by path through a `use`, and a local one
        // is at most `pub(crate)`; other crates use the exported one.
        #[allow(unused_imports)]
        pub(crate) use #local as #name;
        #exported
    }
}

/// What can be checked without a stack: the items are unit structs, each
/// input's type is one ecsnet knows, and nothing in them would break the
/// `macro_rules!` that carries them.
fn check_items(items: &[Item], errors: &Errors) {
    for item in items {
        match item {
            Item::Struct(structure) => {
                for attribute in &structure.attrs {
                    if attribute.path().is_ident("input") {
                        check_input(attribute, errors);
                    }
                }
            }
            Item::Use(_) => {}
            other => errors.push_spanned(
                first_span(&quote!(#other)),
                "a construct holds declarations, each a unit struct with its attribute: \
                 `#[input(AWS::EC2::VPC::Id)] pub struct Vpc;`, `#[resource(…)] pub struct Subnet;`",
            ),
        }
        no_dollar(quote!(#item), errors);
    }
}

/// The kinds an input may have besides parameter types and resource
/// types: any list, any object.
const SHAPES: &[&str] = &["List", "Object"];

/// `#[input(Type, default = …)]`: `Type` is a parameter type (`String`,
/// `AWS::EC2::VPC::Id`, `List<AWS::EC2::Subnet::Id>`), a resource type
/// (`AWS::EC2::NatGateway`: a reference to one), `List` or `Object`.
fn check_input(attribute: &syn::Attribute, errors: &Errors) {
    let syn::Meta::List(list) = &attribute.meta else {
        errors.push_spanned(
            first_span(&quote!(#attribute)),
            "expected the input's type: `#[input(AWS::EC2::VPC::Id)]`, `#[input(String, default = \"a\")]`",
        );
        return;
    };
    let ty: TokenStream = list
        .tokens
        .clone()
        .into_iter()
        .take_while(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
        .collect();
    let name = ty.to_string().replace(' ', "");
    let known = SHAPES.contains(&name.as_str())
        || crate::schema::parameter_types::shape(&name).is_some()
        || crate::schema::resource_type(&name).is_some();
    if !known {
        let _rule = errors.rule("construct-inputs");
        let end = ty
            .clone()
            .into_iter()
            .last()
            .map_or_else(Span::call_site, |t| t.span());
        let types = crate::schema::parameter_types::all();
        let suggestion = crate::diag::did_you_mean(&name, types.iter().map(String::as_str))
            .map(|close| format!("; did you mean `{close}`?"))
            .unwrap_or_default();
        errors.push_range(
            first_span(&ty),
            end,
            format!(
                "unknown input type `{name}`{suggestion}; an input is a parameter type (`String`, `AWS::EC2::VPC::Id`, `List<AWS::EC2::Subnet::Id>`), \
                 a resource type (`AWS::EC2::NatGateway`), `List` or `Object`"
            ),
        );
    }
}

/// A `$` would be read as a metavariable of the `macro_rules!` that carries
/// the definition.
fn no_dollar(tokens: TokenStream, errors: &Errors) {
    for tree in tokens {
        match tree {
            TokenTree::Punct(p) if p.as_char() == '$' => errors.push_spanned(
                p.span(),
                "a construct's text cannot hold `$` outside string literals",
            ),
            TokenTree::Group(g) => no_dollar(g.stream(), errors),
            _ => {}
        }
    }
}

fn first_span(tokens: &TokenStream) -> Span {
    tokens
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span())
}
